//! `svar check`: validates answer files without rendering them.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::input::{self, FileReport, LoadError};

/// Arguments of `svar check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Svarfilerne (JSON), der skal kontrolleres; en mappe betyder alle *.json i den.
    #[arg(required = true, value_name = "FIL")]
    pub files: Vec<PathBuf>,
    /// Uddataformat: tekst til mennesker eller JSON til editorer og CI.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// How findings are printed. The variants' doc comments are their help texts, so Danish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Hvert fund med den linje, det står i, og en markering under stedet.
    Text,
    /// Ét JSON-dokument med alle filers fund, til editorer og review-systemer.
    Json,
}

/// Checks every file; succeeds only if none has errors.
pub(super) fn run(args: &CheckArgs) -> ExitCode {
    let mut all_valid = true;
    let mut json_reports = Vec::new();
    let files = match super::files::answer_files(&args.files) {
        Ok(files) => files,
        Err(error) => {
            super::error::report(&error);
            return ExitCode::FAILURE;
        }
    };
    for file in &files {
        let report = match input::read(file) {
            Ok(text) => input::check_text(&text, file).1,
            Err(error) => {
                all_valid = false;
                match args.format {
                    Format::Text => super::error::report(&error),
                    Format::Json => json_reports.push(read_failure(file, &error)),
                }
                continue;
            }
        };
        all_valid &= !report.has_errors();
        match args.format {
            Format::Text => print_text(&report),
            Format::Json => json_reports.push(report.to_json()),
        }
    }
    if args.format == Format::Json {
        let document = serde_json::json!({ "valid": all_valid, "files": json_reports });
        super::out::line(serde_json::to_string_pretty(&document).expect("JSON prints"));
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn print_text(report: &FileReport) {
    eprint!("{}", report.to_text(super::color::for_stderr(false)));
    let (errors, warnings) = report.counts();
    let verdict = if errors == 0 { "i orden" } else { "har fejl" };
    super::out::line(format_args!(
        "{}: {verdict} ({errors} fejl, {})",
        report.path.display(),
        crate::danish::count(warnings, "advarsel", "advarsler")
    ));
}

fn read_failure(file: &std::path::Path, error: &LoadError) -> serde_json::Value {
    crate::input::diagnostic::unreadable_json(file, error.to_string(), None)
}
