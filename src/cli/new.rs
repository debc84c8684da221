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
    // Written whole to a temporary file first, so a failed write leaves nothing behind.
    let folder = match args.file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => std::path::Path::new("."),
    };
    if !args
        .file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        eprintln!(
            "fejl: {}: en svarfil skal have et navn, der ender på .json",
            args.file.display()
        );
        return ExitCode::FAILURE;
    }
    if !folder.is_dir() {
        eprintln!(
            "fejl: {}: mappen {} findes ikke; opret den først, eller vælg en anden mappe",
            args.file.display(),
            folder.display()
        );
        return ExitCode::FAILURE;
    }
    let created = tempfile::NamedTempFile::new_in(folder).and_then(|mut file| {
        file.write_all(skeleton().as_bytes())?;
        file.persist_noclobber(&args.file)
            .map(|_| ())
            .map_err(|error| error.error)
    });
    match created {
        Ok(()) => {
            super::out::line(format_args!(
                "{} oprettet. Udfyld felterne med {PLACEHOLDER}, sæt \"number\", og kontrollér med: svar check {}",
                args.file.display(),
                args.file.display()
            ));
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
            eprintln!(
                "fejl: {}: kan ikke skrives: {}",
                args.file.display(),
                crate::input::io_in_danish(&error)
            );
            ExitCode::FAILURE
        }
    }
}
