//! `svar diff`: the differences between two answers, from answer files or PDFs made by svar.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::CliError;
use super::job::LimitOptions;
use crate::diff::{self, report, source};
use crate::input::LoadError;
use crate::limit::run_with_limit;
use crate::model::Answer;
use crate::output::{Inputs, check_output_path, check_pdf_path, write_atomically};
use crate::pdf::ExportOptions;
use crate::render::TemplateSet;

/// Arguments of `svar diff`.
#[derive(Debug, Args)]
// The limits concern only the answers typeset for --redline and --pages.
#[command(
    mut_arg("time_limit", |arg| arg.help(
        "Længste tid (sekunder) Typst må bruge på at sætte svarene til --redline og --pages"
    )),
    mut_arg("memory_limit", |arg| arg.help(
        "Mest hukommelse (MB) svar må bruge, mens svarene sættes til --redline og --pages"
    ))
)]
pub struct DiffArgs {
    /// Det gamle svar: en svarfil (JSON) eller en PDF lavet af svar.
    #[arg(value_name = "GAMMEL")]
    pub old: PathBuf,
    /// Det nye svar: en svarfil (JSON) eller en PDF lavet af svar.
    #[arg(value_name = "NY")]
    pub new: PathBuf,
    /// Ingen farver, heller ikke på en terminal.
    #[arg(long)]
    pub no_color: bool,
    /// Uddataformat: tekst til mennesker eller JSON til review-systemer.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Skriv også det nye svar som PDF med ændringerne markeret (redline).
    #[arg(long, value_name = "PDF")]
    pub redline: Option<PathBuf>,
    /// Skriv også billeder (PNG) af de sider, der ser forskellige ud, gammel og ny side om side.
    #[arg(long, value_name = "MAPPE")]
    pub pages: Option<PathBuf>,
    /// Egne skabeloner til det nye svar i --redline og --pages (det gamle sættes med de
    /// indbyggede), så en ændret skabelon kan ses side om side med den indbyggede.
    #[arg(long, value_name = "MAPPE")]
    pub templates: Option<PathBuf>,
    /// The limits an answer is typeset within.
    #[command(flatten)]
    pub limits: LimitOptions,
}

/// How the change list is printed. The variants' doc comments are their help texts, so Danish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// En ændringsliste, der læses oppefra og ned.
    Text,
    /// Ét JSON-dokument med hver ændring, dens art, sted og JSON-sti.
    Json,
}

/// Warns, on standard error, when the two answers are one file, however spelled: "Ingen
/// forskelle" is then true, but the reviewer most likely meant to name two versions.
fn warn_if_same_file(args: &DiffArgs, inputs: &Inputs) {
    if inputs.canonical(&args.old) == inputs.canonical(&args.new) {
        eprintln!(
            "advarsel: {} og {} er den samme fil; sammenlign to udgaver, fx den udsendte PDF \
             med svarfilen, som den er nu",
            args.old.display(),
            args.new.display()
        );
    }
}

/// Exit status when the answers differ, as diff(1).
const DIFFERENT: u8 = 1;
/// Exit status when an answer cannot be read, as diff(1).
const TROUBLE: u8 = 2;

/// Compares the two answers: exit 0 if they say the same, 1 if not, 2 if one cannot be read.
pub(super) fn run(args: &DiffArgs) -> ExitCode {
    let given = Inputs::new([&args.old, &args.new]);
    if let Err(error) = outputs_allowed(args, &given) {
        return refuse(args, &error);
    }
    let (old, new) = match read_answers(args) {
        Ok(answers) => answers,
        Err(status) => return status,
    };
    warn_if_same_file(args, &given);
    // Now that the answers are read, the spreadsheets they read are known too.
    let read = files_read(args, (&old, &new));
    if let Err(error) = redline_allowed(args, &read) {
        return refuse(args, &error);
    }
    let changes = diff::compare(&old, &new);
    // The pages are compared before the report is printed, so that the report says when they
    // look different even where the content is the same (a template change, or a difference
    // that only the layout shows).
    let pages = match args.pages.is_some() {
        true => match typeset_pages(args, &old, &new) {
            Ok(pages) => Some(pages),
            Err(error) => return trouble(args, &changes, &error),
        },
        false => None,
    };
    if let Err(error) = page_images_allowed(args, pages.as_deref(), &read) {
        return refuse(args, &error);
    }
    let differing: Vec<usize> = pages.iter().flatten().map(|page| page.page()).collect();
    print_report(args, &changes, pages.as_ref().map(|_| &differing[..]));
    let written =
        write_redline(args, (&old, &new), &changes).and_then(|()| match (&args.pages, pages) {
            (Some(folder), Some(pages)) => write_pages(args, &pages, folder),
            _ => Ok(()),
        });
    if let Err(error) = written {
        super::error::report(&error);
        return ExitCode::from(TROUBLE);
    }
    if changes.is_empty() && differing.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(DIFFERENT)
    }
}

/// Refuses, before anything is read, a `--redline` that would replace one of the answers, and
/// a `--pages` folder that runs through a file.
fn outputs_allowed(args: &DiffArgs, answers: &Inputs) -> Result<(), CliError> {
    redline_allowed(args, answers)?;
    match &args.pages {
        Some(pages) => {
            check_output_path(&pages.join("page-001.png"), &Inputs::default()).map_err(|source| {
                CliError::RefusedOutput {
                    option: "--pages",
                    source,
                }
            })
        }
        None => Ok(()),
    }
}

/// Refuses a `--redline` that would replace one of the files `read`.
fn redline_allowed(args: &DiffArgs, read: &Inputs) -> Result<(), CliError> {
    match &args.redline {
        Some(redline) => check_pdf_path(redline, read).map_err(|source| CliError::RefusedOutput {
            option: "--redline",
            source,
        }),
        None => Ok(()),
    }
}

/// Refuses page images, whose names are known once the pages are compared, that would replace
/// one of the files `read`, before anything is printed or written.
fn page_images_allowed(
    args: &DiffArgs,
    pages: Option<&[crate::diff::pages::PageDifference]>,
    read: &Inputs,
) -> Result<(), CliError> {
    let (Some(folder), Some(pages)) = (&args.pages, pages) else {
        return Ok(());
    };
    let touched = crate::diff::pages::files_touched(pages, folder);
    (touched.iter())
        .try_for_each(|path| check_output_path(path, read))
        .map_err(|source| CliError::RefusedOutput {
            option: "--pages",
            source,
        })
}

/// Reads both answers; where one cannot be read, says why (also as JSON for `--format json`)
/// and gives the exit status. A PDF carries its answer as published, without the footnotes
/// that do not print; an answer file compared with it is read the same way, so that its own
/// PDF shows no change.
fn read_answers(args: &DiffArgs) -> Result<(Answer, Answer), ExitCode> {
    let (old, new) = match (
        load(&args.old, args.no_color),
        load(&args.new, args.no_color),
    ) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            let problems: Vec<_> = [old.err(), new.err()].into_iter().flatten().collect();
            print_trouble(args, "unreadable", problems.into());
            return Err(ExitCode::from(TROUBLE));
        }
    };
    if [&args.old, &args.new]
        .iter()
        .any(|path| source::is_pdf(path))
    {
        let published = |answer: &Answer| crate::render::as_published(answer).into_owned();
        return Ok((published(&old), published(&new)));
    }
    Ok((old, new))
}

/// When the answers could not be typeset for their page images: the change list is still
/// printed, then the error, with exit status 2.
fn trouble(args: &DiffArgs, changes: &diff::ChangeList, error: &CliError) -> ExitCode {
    print_report(args, changes, None);
    super::error::report(&error);
    ExitCode::from(TROUBLE)
}

/// Prints the change list, with the numbers of the pages that look different when they were
/// compared (`--pages`).
fn print_report(args: &DiffArgs, changes: &diff::ChangeList, pages: Option<&[usize]>) {
    let (old, new) = (
        args.old.display().to_string(),
        args.new.display().to_string(),
    );
    let names = (old.as_str(), new.as_str());
    let printed = match args.format {
        Format::Text => report::to_text(
            changes,
            names,
            pages.unwrap_or_default(),
            super::color::for_stdout(args.no_color),
        ),
        Format::Json => report::to_json(changes, names, pages),
    };
    super::out::print(&printed);
}

/// Refuses to compare, before reading anything: the reason goes to standard error, and for
/// `--format json` also to standard output, so a review system always gets a JSON document.
fn refuse(args: &DiffArgs, error: &CliError) -> ExitCode {
    super::error::report(&error);
    print_trouble(args, "error", error.to_string().into());
    ExitCode::from(TROUBLE)
}

/// For `--format json`: the document that says the answers could not be compared, with why
/// under `key`.
fn print_trouble(args: &DiffArgs, key: &str, why: serde_json::Value) {
    if args.format != Format::Json {
        return;
    }
    let mut document = serde_json::json!({
        "same": null,
        "old": args.old.display().to_string(),
        "new": args.new.display().to_string(),
    });
    document[key] = why;
    super::out::line(serde_json::to_string_pretty(&document).expect("JSON prints"));
}

/// Reads one answer to compare. Why it cannot be read goes to standard error, and comes back
/// as JSON for `--format json`, shaped like a file of `svar check --format json`; its findings
/// are coloured on a terminal unless `no_color` (`--no-color`).
fn load(path: &Path, no_color: bool) -> Result<Answer, serde_json::Value> {
    match source::load(path) {
        Ok(answer) => Ok(answer),
        Err(source::SourceError::Load(LoadError::Invalid { report })) => {
            eprint!("{}", report.to_text(super::color::for_stderr(no_color)));
            Err(report.to_json())
        }
        Err(error) => {
            super::error::report(&error);
            if let Some(hint) = error.hint() {
                eprintln!("  = tip: {hint}");
            }
            Err(crate::input::diagnostic::unreadable_json(
                path,
                error.to_string(),
                error.hint().as_deref(),
            ))
        }
    }
}

/// The files the two answers are made from, which no output may replace: the answer files,
/// the profiles and logos beside them, and the spreadsheets they read.
fn files_read(args: &DiffArgs, (old, new): (&Answer, &Answer)) -> Inputs {
    let answers = [(&args.old, old), (&args.new, new)];
    Inputs::new(
        (answers.into_iter()).flat_map(|(path, answer)| crate::input::files_read_by(answer, path)),
    )
}

/// Writes the redline PDF, if asked for; typesetting runs under the time limit, as in `svar
/// render`, since own templates may loop.
fn write_redline(
    args: &DiffArgs,
    (old, new): (&Answer, &Answer),
    changes: &diff::ChangeList,
) -> Result<(), CliError> {
    let Some(path) = &args.redline else {
        return Ok(());
    };

    let templates = super::job::load_templates(args.templates.as_deref())?;
    // The file's name, not the path as typed: the redline must not change with the folder
    // the reviewer runs svar from.
    let old_name = args
        .old
        .file_name()
        .unwrap_or(args.old.as_os_str())
        .to_string_lossy()
        .into_owned();
    let (old, new, changes) = (old.clone(), new.clone(), changes.clone());
    let typeset = run_with_limit(args.limits.limits(), move || {
        crate::diff::redline::redline((&old_name, &old), &new, &changes, &templates)
    })
    .map_err(crate::Error::from)??;
    let pdf = typeset.pdf(&ExportOptions::default())?;
    write_atomically(path, &pdf.bytes).map_err(|source| CliError::Write {
        path: path.clone(),
        source,
    })?;
    tell(args, format_args!("Redline: {}", path.display()));
    Ok(())
}

/// Typesets both answers, the old with the built-in templates and the new with `--templates`,
/// under the time limit, and gives the pages that look different.
fn typeset_pages(
    args: &DiffArgs,
    old: &Answer,
    new: &Answer,
) -> Result<Vec<crate::diff::pages::PageDifference>, CliError> {
    let builtin = TemplateSet::builtin();
    let templates = super::job::load_templates(args.templates.as_deref())?;
    let (old, new) = (old.clone(), new.clone());
    let (old, new) = run_with_limit(args.limits.limits(), move || {
        Ok::<_, crate::Error>((
            crate::typeset(&old, &builtin)?,
            crate::typeset(&new, &templates)?,
        ))
    })
    .map_err(crate::Error::from)??;
    Ok(crate::diff::pages::compare_pages(&old, &new))
}

/// Writes the images of the pages that look different into `folder`, whose names were checked
/// against the answers' own files (a logo or a spreadsheet named page-001.png).
fn write_pages(
    args: &DiffArgs,
    differences: &[crate::diff::pages::PageDifference],
    folder: &Path,
) -> Result<(), CliError> {
    let written = crate::diff::pages::write_differences(differences, folder)?;
    match written.len() {
        0 => tell(args, "Siderne ser ens ud; ingen billeder skrevet."),
        count => tell(
            args,
            format_args!(
                "{} med forskelle i {}",
                crate::danish::count(count, "sidebillede", "sidebilleder"),
                folder.display()
            ),
        ),
    }
    Ok(())
}

/// Says what was written: on standard output, or on standard error for `--format json`, whose
/// standard output is one JSON document and nothing else.
fn tell(args: &DiffArgs, message: impl std::fmt::Display) {
    if args.format == Format::Json {
        eprintln!("{message}");
    } else {
        super::out::line(message);
    }
}
