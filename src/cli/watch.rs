//! `svar watch`: renders an answer again on every save of it, of a file it reads (a
//! spreadsheet, its ministry's profile or logo) or of a template, reusing the work of the
//! previous render so a one-paragraph edit takes milliseconds.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use clap::Args;
use notify::{RecursiveMode, Watcher};

use super::render::{Extras, load_templates, pages, render_file, report_failure};
use crate::Error;
use crate::limit::TimeLimit;
use crate::pdf::{ExportOptions, Standard, StandardChoice};

/// How long to wait for more events after a save: editors write a file in several steps.
const SETTLE: Duration = Duration::from_millis(40);

/// Arguments of `svar watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Svarfilen (JSON), der skal holdes øje med.
    #[arg(value_name = "FIL")]
    pub file: PathBuf,
    /// Hvor PDF'en skrives [standard: output/<navn>.pdf].
    #[arg(short, long, value_name = "FIL")]
    pub output: Option<PathBuf>,
    /// En mappe med egne skabeloner (*.typ); ændringer i den sætter også svaret igen.
    #[arg(long, value_name = "MAPPE")]
    pub templates: Option<PathBuf>,
    /// PDF-standarder som for svar render.
    #[arg(long, value_name = "STANDARD", value_enum, value_delimiter = ',')]
    pub pdf_standard: Vec<Standard>,
    /// Længste tid (sekunder) Typst må bruge på at sætte svaret, før det opgives.
    #[arg(long, value_name = "SEKUNDER", default_value_t)]
    pub time_limit: TimeLimit,
}

/// What watching needs: the export settings and the stream of file events.
struct Session {
    options: ExportOptions,
    limit: Duration,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    /// Kept alive for as long as events are wanted.
    _watcher: notify::RecommendedWatcher,
}

impl Session {
    /// Checks the arguments and starts watching the answer's folder and the templates.
    fn start(args: &WatchArgs) -> Result<Self, String> {
        let standards =
            StandardChoice::from_values(&args.pdf_standard).map_err(|e| e.to_string())?;
        let limit = args.time_limit.0;
        if let Some(output) = &args.output {
            crate::output::check_pdf_path(output, &crate::output::Inputs::new([&args.file]))
                .map_err(|error| format!("-o {error}"))?;
        }
        let (sender, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(sender).map_err(|e| e.to_string())?;
        // Editors save by writing a new file and renaming it: watch folders, not files. The
        // answer's folder with those below it, where its spreadsheets and ministries/ live.
        let mut folders = vec![(
            parent_folder(&args.file),
            RecursiveMode::Recursive,
            "mappen",
        )];
        folders.extend(
            args.templates
                .clone()
                .map(|folder| (folder, RecursiveMode::NonRecursive, "skabelonmappen")),
        );
        for (folder, mode, what) in folders {
            if !folder.is_dir() {
                return Err(format!(
                    "{what} {} findes ikke; opret den, eller vælg en anden",
                    folder.display()
                ));
            }
            watcher.watch(&folder, mode).map_err(|e| {
                format!(
                    "kan ikke holde øje med {}: systemfejl ({e})",
                    folder.display()
                )
            })?;
        }
        check_answer_file(&args.file)?;
        Ok(Self {
            options: ExportOptions { standards },
            limit,
            events,
            _watcher: watcher,
        })
    }
}

/// Renders once, then again on every change, until interrupted.
pub fn run(args: &WatchArgs) -> ExitCode {
    crate::world::preload();
    let session = match Session::start(args) {
        Ok(session) => session,
        Err(error) => {
            eprintln!("fejl: {error}");
            return ExitCode::FAILURE;
        }
    };
    let pdf_path = args.output.clone().unwrap_or_else(|| {
        let name = Path::new(args.file.file_name().unwrap_or_default()).with_extension("pdf");
        Path::new("output").join(name)
    });
    super::out::line(format_args!(
        "Holder øje med {} (stop med Ctrl+C).",
        args.file.display()
    ));
    let (options, limit) = (&session.options, session.limit);
    render_once(args, &pdf_path, options, limit);
    while let Ok(event) = session.events.recv() {
        if !concerns_us(&event, args) {
            continue;
        }
        // Let the editor finish writing before reading the file.
        while session.events.recv_timeout(SETTLE).is_ok() {}
        render_once(args, &pdf_path, options, limit);
    }
    ExitCode::SUCCESS
}

/// Refuses, before watching, what can never become the answer to render: a folder, or a file
/// that does not exist. A file that exists is watched whatever it holds, and so is one that
/// disappears later (editors save by writing a new file and renaming it).
fn check_answer_file(file: &Path) -> Result<(), String> {
    let shown = file.display();
    match std::fs::metadata(file) {
        Ok(metadata) if metadata.is_dir() => {
            let first = first_answer_file(file);
            let example = file.join(first.as_deref().unwrap_or("svar.json"));
            let mut refusal = format!(
                "{shown} er en mappe, ikke en svarfil; svar watch holder øje med én svarfil: \
                 angiv den, fx svar watch {}",
                example.display()
            );
            if first.is_some() {
                refusal.push_str(&format!(
                    "\n  = tip: svar render {shown} sætter alle svarfilerne i mappen én gang"
                ));
            }
            Err(refusal)
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Err(format!(
            "{shown} findes ikke; tjek stien, eller opret svarfilen først med svar new {shown}"
        )),
        _ => Ok(()),
    }
}

/// The name of the first answer file (`*.json`) in `folder`, by name, if it has one.
fn first_answer_file(folder: &Path) -> Option<String> {
    let first = super::files::answer_files_in(folder)
        .ok()?
        .into_iter()
        .next()?;
    Some(first.file_name()?.to_string_lossy().into_owned())
}

fn parent_folder(file: &Path) -> PathBuf {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Whether a file event is about something the answer is made from: the answer file, a
/// spreadsheet beside or below it, a file in its `ministries/` (profiles and logos) or a
/// template. The PDF and the temporary files svar writes itself are none of these.
fn concerns_us(event: &notify::Result<notify::Event>, args: &WatchArgs) -> bool {
    let Ok(event) = event else { return false };
    if event.kind.is_access() {
        return false;
    }
    let answer_folder = parent_folder(&args.file).canonicalize().ok();
    let under = |path: &Path, folder: &Option<PathBuf>| {
        let parent = path.parent().and_then(|p| p.canonicalize().ok());
        matches!((parent, folder), (Some(parent), Some(folder)) if parent.starts_with(folder))
    };
    let has_extension = |path: &Path, extensions: &[&str]| {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
    };
    let ministries = answer_folder
        .as_ref()
        .map(|folder| folder.join("ministries"));
    event.paths.iter().any(|path| {
        let answer = path.file_name() == args.file.file_name() && under(path, &answer_folder);
        let spreadsheet = has_extension(path, &["csv"]) && under(path, &answer_folder);
        let profile =
            has_extension(path, &["json", "svg", "png", "jpg", "jpeg"]) && under(path, &ministries);
        let template = has_extension(path, &["typ"])
            && under(
                path,
                &args.templates.as_ref().and_then(|f| f.canonicalize().ok()),
            );
        answer || spreadsheet || profile || template
    })
}

/// Renders the answer (reusing the previous render's work) and prints the time taken, or
/// what went wrong.
fn render_once(args: &WatchArgs, pdf_path: &Path, options: &ExportOptions, limit: Duration) {
    let started = Instant::now();
    let result = load_templates(args.templates.as_deref())
        .map_err(Error::from)
        .and_then(|templates| {
            render_file(
                &args.file,
                pdf_path,
                Extras::default(),
                options,
                &templates,
                limit,
                &|text| eprint!("{text}"),
            )
        });
    match result {
        Ok(rendered) => super::out::line(format_args!(
            "{} → {} ({}), {}, {} ms",
            args.file.display(),
            pdf_path.display(),
            pages(rendered.pages),
            rendered.standards,
            started.elapsed().as_millis()
        )),
        Err(error) => {
            report_failure(&args.file, &error);
            super::out::line("Venter på næste ændring …");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check_answer_file;

    #[test]
    fn a_file_that_exists_is_watched_whatever_it_holds() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("svar.json");
        std::fs::write(&file, "ikke JSON").unwrap();
        assert_eq!(check_answer_file(&file), Ok(()));
    }

    #[test]
    fn a_folder_is_refused_with_an_answer_file_in_it_as_example() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().display().to_string();
        let refused = |example: &str| {
            format!(
                "{path} er en mappe, ikke en svarfil; svar watch holder øje med én svarfil: \
                 angiv den, fx svar watch {}",
                folder.path().join(example).display()
            )
        };
        assert_eq!(
            check_answer_file(folder.path()),
            Err(refused("svar.json")),
            "a folder without answer files"
        );
        for name in ["b.json", "a.JSON", "noter.txt"] {
            std::fs::write(folder.path().join(name), "{}").unwrap();
        }
        std::fs::create_dir(folder.path().join("0.json")).unwrap();
        assert_eq!(
            check_answer_file(folder.path()),
            Err(format!(
                "{}\n  = tip: svar render {path} sætter alle svarfilerne i mappen én gang",
                refused("a.JSON")
            ))
        );
    }

    #[test]
    fn a_missing_file_is_refused() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("svra.json");
        let shown = file.display();
        assert_eq!(
            check_answer_file(&file),
            Err(format!(
                "{shown} findes ikke; tjek stien, eller opret svarfilen først med svar new {shown}"
            ))
        );
    }
}
