//! `svar new`: a skeleton answer file with every required field, for a clerk to fill in.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::validate::PLACEHOLDER;

/// Arguments of `svar new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Den nye svarfil; findes den allerede, røres den ikke.
    #[arg(value_name = "FIL")]
    pub file: PathBuf,
}

/// The skeleton: every required field, each text a placeholder that `svar check` rejects.
pub fn skeleton() -> String {
    let fill = |what: &str| format!("{PLACEHOLDER}: {what}");
    let skeleton = serde_json::json!({
        "$schema": "https://svar.invalid/schema/answer.schema.json",
        "status": "final",
        "ministry": { "name": fill("ministeriets navn, fx Justitsministeriet") },
        "question": {
            "kind": "committee",
            "number": 0,
            "series": "Alm. del",
            "committee": {
                "name": fill("udvalgets fulde navn, fx Folketingets Retsudvalg"),
                "abbreviation": fill("udvalgets forkortelse, fx REU"),
            },
            "session": fill("folketingsår, fx 2025-26"),
            "text": fill("spørgsmålets tekst, ordret og uden anførselstegn"),
        },
        "answer": { "blocks": [ { "paragraph": fill("svarets første afsnit") } ] },
    });
    let mut text = serde_json::to_string_pretty(&skeleton).expect("JSON prints");
    text.push('\n');
    text
}

/// Writes the skeleton, refusing to overwrite an existing file.
pub fn run(args: &NewArgs) -> ExitCode {
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&args.file)
        .and_then(|mut file| file.write_all(skeleton().as_bytes()));
    match created {
        Ok(()) => {
            println!(
                "{} oprettet. Udfyld felterne med {PLACEHOLDER}, sæt \"number\", og kontrollér med: svar check {}",
                args.file.display(),
                args.file.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "fejl: {} findes allerede; vælg et andet filnavn",
                args.file.display()
            );
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("fejl: {}: kan ikke skrives: {error}", args.file.display());
            ExitCode::FAILURE
        }
    }
}
