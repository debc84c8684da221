//! `svar check`: validates answer files without rendering them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::same_question::Questions;
use crate::input::{self, FileReport, LoadError};
use crate::json_path::JsonPath;
use crate::model::Answer;
use crate::pdf::StandardChoice;

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

/// Checks every file; succeeds only if none has errors. In text, each file gets its status
/// line on standard output, and several files a closing line naming those with errors.
pub(super) fn run(args: &CheckArgs) -> ExitCode {
    let mut json_reports = Vec::new();
    let mut with_errors = Vec::new();
    let files = match super::files::answer_files(&args.files) {
        Ok(files) => files,
        Err(error) => {
            super::error::report(&error);
            return ExitCode::FAILURE;
        }
    };
    let mut questions = Questions::default();
    for file in &files {
        let valid = match input::read(file) {
            Ok(text) => {
                questions.note(file, &text);
                let (answer, report) = input::check_text(&text, file);
                let report = with_render_warnings(report, answer.as_ref());
                match args.format {
                    Format::Text => print_text(&report),
                    Format::Json => json_reports.push(report.to_json()),
                }
                !report.has_errors()
            }
            Err(error) => {
                match args.format {
                    Format::Text => {
                        super::error::report(&error);
                        // Named among the others, so that a log of the status lines shows
                        // every file, and why svar ended with 1.
                        print_status(file, 1, 0);
                    }
                    Format::Json => json_reports.push(read_failure(file, &error)),
                }
                false
            }
        };
        if !valid {
            with_errors.push(file.as_path());
        }
    }
    questions.warn();
    match args.format {
        Format::Json => {
            let document =
                serde_json::json!({ "valid": with_errors.is_empty(), "files": json_reports });
            super::out::line(serde_json::to_string_pretty(&document).expect("JSON prints"));
        }
        Format::Text if files.len() > 1 => {
            super::out::line(summary(files.len(), with_errors.clone()))
        }
        Format::Text => {}
    }
    if with_errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The report with what `svar render` would warn of the answer under the default standards,
/// which the checks of its content do not tell: an undated answer's PDF conforms to PDF/UA-1
/// alone. A clerk checks before sending, and expects to hear all a render will say.
fn with_render_warnings(report: FileReport, answer: Option<&Answer>) -> FileReport {
    let undated_fallback = answer.is_some_and(|answer| {
        StandardChoice::Default
            .conformance(answer.date.is_some())
            .is_ok_and(|conformance| conformance.is_undated_fallback())
    });
    if !undated_fallback {
        return report;
    }
    let notice = crate::pdf::undated_notice(&report.path);
    report.with_warning(JsonPath::root().key("date"), notice)
}

fn print_text(report: &FileReport) {
    eprint!("{}", report.to_text(super::color::for_stderr(false)));
    let (errors, warnings) = report.counts();
    print_status(&report.path, errors, warnings);
}

/// The status line of one file: "a.json: i orden (0 fejl, 1 advarsel)".
fn print_status(file: &Path, errors: usize, warnings: usize) {
    let verdict = if errors == 0 { "i orden" } else { "har fejl" };
    super::out::line(format_args!(
        "{}: {verdict} ({errors} fejl, {})",
        file.display(),
        crate::danish::count(warnings, "advarsel", "advarsler")
    ));
}

/// The last line of a check of several files, as a batch of `svar render` ends: "9 af 9
/// svarfiler i orden; 0 har fejl.", or with the files that have errors named, so that they
/// need not be looked for among the reports above: "7 af 9 svarfiler i orden; 2 har fejl:
/// svar/a.json og svar/b.json."
fn summary(total: usize, with_errors: Vec<&Path>) -> String {
    let head = format!(
        "{} af {total} svarfiler i orden; {} har fejl",
        total - with_errors.len(),
        with_errors.len()
    );
    if with_errors.is_empty() {
        format!("{head}.")
    } else {
        format!("{head}: {}.", super::render::named_list(with_errors))
    }
}

fn read_failure(file: &Path, error: &LoadError) -> serde_json::Value {
    crate::input::diagnostic::unreadable_json(file, error.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_the_files_with_errors_in_order() {
        assert_eq!(
            summary(3, Vec::new()),
            "3 af 3 svarfiler i orden; 0 har fejl."
        );
        assert_eq!(
            summary(3, vec![Path::new("b.json"), Path::new("a.json")]),
            "1 af 3 svarfiler i orden; 2 har fejl: a.json og b.json."
        );
    }
}
