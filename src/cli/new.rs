//! `svar new`: a skeleton answer file with every required field, for a clerk to fill in.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::error::CliError;
use crate::validate::{PLACEHOLDER, PLACEHOLDER_OR_DELETE};

/// Arguments of `svar new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Den nye svarfil; findes den allerede, røres den ikke.
    #[arg(value_name = "FIL")]
    pub file: PathBuf,
    /// Udfyld ministeriets navn, ministerens titel og profilen (brevpapir og layout) for et af
    /// ministerierne, der følger med svar.
    #[arg(long = "ministerium", value_name = "PROFIL", value_parser = ministry_ids())]
    pub ministry: Option<String>,
}

/// The ids `--ministerium` takes: the profiles that ship with svar.
fn ministry_ids() -> clap::builder::PossibleValuesParser {
    let ids = crate::input::shipped_ministries()
        .into_iter()
        .map(|(id, _)| id);
    clap::builder::PossibleValuesParser::new(ids)
}

/// The skeleton: every required field and those a sent answer has (its date, the minister's
/// title, who asked, the signature), in the order the README's outline has them, each a
/// placeholder (`@`, replaced by [`PLACEHOLDER`]) that `svar check` rejects. The fields most
/// sent answers have but some do not (the case and document numbers, the day the question was
/// asked, the official who signs) have one that tells the clerk to fill them in or delete them
/// (`@?`, replaced by [`PLACEHOLDER_OR_DELETE`]): left out, they were forgotten, as a letter
/// without the question's date.
const SKELETON: &str = r#"{
  "status": "final",
  "ministry": {
    "name": "@: ministeriets navn, fx Justitsministeriet",
    "minister_title": "@: ministerens titel, fx justitsministeren"
  },
  "date": "@: svarets dato som ÅÅÅÅ-MM-DD",
  "case_number": "@?: ministeriets sagsnummer",
  "document_number": "@?: ministeriets dokumentnummer",
  "question": {
    "kind": "committee",
    "number": 0,
    "series": "Alm. del",
    "committee": {
      "name": "@: udvalgets fulde navn, fx Folketingets Retsudvalg",
      "abbreviation": "@: udvalgets forkortelse, fx REU"
    },
    "session": "@: folketingsår, fx 2025-26",
    "asked_on": "@?: dagen, spørgsmålet blev stillet, som ÅÅÅÅ-MM-DD",
    "asked_by": { "name": "@: spørgerens navn", "party": "@: partiets forkortelse, fx SF" },
    "text": "@: spørgsmålets tekst, ordret og uden anførselstegn"
  },
  "answer": {
    "blocks": [
      { "paragraph": "@: svarets første afsnit" }
    ]
  },
  "signature": {
    "minister": "@: ministerens navn",
    "official": "@?: embedsmandens navn, der står efter ministerens"
  }
}
"#;

/// The skeleton's ministry fields, as [`ministry_fields`] replaces them.
const SKELETON_MINISTRY: &str = r#"    "name": "@: ministeriets navn, fx Justitsministeriet",
    "minister_title": "@: ministerens titel, fx justitsministeren""#;

/// The ministry fields for the shipped profile `id`: its name, the minister's title made from
/// it ("Justitsministeriet" → "justitsministeren"; a placeholder where the name does not end
/// so) and the profile, which gives the letterhead and layout.
fn ministry_fields(id: &str) -> Option<String> {
    let (_, name) = crate::input::shipped_ministries()
        .into_iter()
        .find(|(shipped, _)| *shipped == id)?;
    let title =
        crate::danish::minister_title(&name).unwrap_or_else(|| "@: ministerens titel".into());
    let text = |value: &str| serde_json::Value::from(value).to_string();
    Some(format!(
        "    \"name\": {},\n    \"minister_title\": {},\n    \"profile\": {}",
        text(&name),
        text(&title),
        text(id)
    ))
}

/// Where svar's schema is looked for from the new file's folder: `schema/answer.schema.json`
/// in that folder or one above it, as in svar's own repository beside `data/`.
const SCHEMA_FILE: &str = "schema/answer.schema.json";

/// The skeleton for a file in `folder`: it points to the schema when one is found there or
/// above, so an editor completes and checks the fields from the first keystroke.
fn skeleton(folder: &Path, ministry: Option<&str>) -> String {
    let text = match ministry.and_then(ministry_fields) {
        Some(fields) => SKELETON.replacen(SKELETON_MINISTRY, &fields, 1),
        None => SKELETON.to_string(),
    };
    let text = text
        .replace("@?", PLACEHOLDER_OR_DELETE)
        .replace('@', PLACEHOLDER);
    match schema_above(folder) {
        Some(schema) => text.replacen(
            "{\n",
            &format!("{{\n  \"$schema\": {},\n", serde_json::Value::from(schema)),
            1,
        ),
        None => text,
    }
}

/// The schema file as a relative reference from `folder` ("../schema/answer.schema.json").
fn schema_above(folder: &Path) -> Option<String> {
    let folder = folder.canonicalize().ok()?;
    folder
        .ancestors()
        .enumerate()
        .find(|(_, ancestor)| ancestor.join(SCHEMA_FILE).is_file())
        .map(|(levels, _)| format!("{}{SCHEMA_FILE}", "../".repeat(levels)))
}

/// Writes the skeleton, refusing to overwrite an existing file.
pub(super) fn run(args: &NewArgs) -> ExitCode {
    match create(&args.file, args.ministry.as_deref()) {
        Ok(()) => {
            let name = args.file.to_string_lossy();
            super::out::line(format_args!(
                "{} oprettet. Udfyld felterne med {PLACEHOLDER}, sæt \"number\", og kontrollér med: svar check {}",
                args.file.display(),
                shlex::try_quote(&name).unwrap_or(name.clone())
            ));
            // The skeleton holds what most answers have; what only some have is named here,
            // so a clerk knows to look for it (review 15).
            super::out::line(format_args!(
                "Felterne med \"{PLACEHOLDER_OR_DELETE}\" har de fleste svar, men ikke alle: udfyld dem, eller slet dem, svaret ikke skal have. Flere valgfrie felter står i README: fx \"deadline\" under \"question\" for svarfristen, \"further_questions\" for flere spørgsmål besvaret samlet, \"enclosures\" for bilag"
            ));
            ExitCode::SUCCESS
        }
        Err(error) => {
            super::error::report(&error);
            ExitCode::FAILURE
        }
    }
}

/// Creates `file` with the skeleton: a `.json` name in a folder that exists, and never over a
/// file that does.
fn create(file: &Path, ministry: Option<&str>) -> Result<(), CliError> {
    let folder = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !crate::output::is_answer_name(file) {
        return Err(CliError::NotAnswerFileName(file.to_path_buf()));
    }
    if !folder.is_dir() {
        return Err(CliError::MissingFolder {
            file: file.to_path_buf(),
            folder: folder.to_path_buf(),
        });
    }
    crate::output::create_new(file, skeleton(folder, ministry).as_bytes()).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            CliError::AlreadyExists(file.to_path_buf())
        } else {
            CliError::Write {
                path: file.to_path_buf(),
                source,
            }
        }
    })
}
