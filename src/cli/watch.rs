//! `svar watch`: renders an answer again on every save of it, of a file it reads (a
//! spreadsheet, its ministry's profile or logo) or of a template, reusing the work of the
//! previous render so a one-paragraph edit takes milliseconds.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use clap::Args;
use notify::{RecursiveMode, Watcher};

use super::CliError;
use super::earlier::{EarlierPdf, stale_while_watching};
use super::error::WatchedFolder;
use super::job::{
    Extras, LimitOptions, RenderSettings, Target, default_pdf_path, load_templates, pages,
    render_file, report_failure,
};
use crate::output::has_extension;
use crate::pdf::Standard;

/// How long to wait for more events after a save: editors write a file in several steps.
const SETTLE: Duration = Duration::from_millis(40);

/// The longest a render waits for saves to settle: a file written again and again without a
/// pause (a sync client, a script) is still rendered as it is by then.
const LONGEST_SETTLE: Duration = Duration::from_millis(500);

/// Set for a `svar watch` that started itself again after a render was given up over a limit,
/// with nothing changed since: it waits for the next change rather than render the same.
const RESUMED: &str = "SVAR_WATCH_RESUMED";

/// [`RESUMED`]'s value when the PDF on disk is from an earlier version of the answer.
const STALE: &str = "stale";

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
    /// The limits an answer is typeset within.
    #[command(flatten)]
    pub limits: LimitOptions,
}

/// What watching needs: the answer with its PDF, the settings and the stream of file events.
struct Session {
    target: Target,
    settings: RenderSettings,
    watched: Watched,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    /// Kept alive for as long as events are wanted.
    _watcher: notify::RecommendedWatcher,
}

impl Session {
    /// Checks the arguments and starts watching the answer's folder and the templates.
    fn start(args: &WatchArgs) -> Result<Self, CliError> {
        let settings =
            RenderSettings::new(Extras::default(), &args.pdf_standard, args.limits.limits())?;
        if let Some(output) = &args.output {
            crate::output::check_pdf_path(output, &crate::output::Inputs::new([&args.file]))
                .map_err(|source| CliError::RefusedOutput {
                    option: "-o",
                    source,
                })?;
        }
        let (sender, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(sender)?;
        // Editors save by writing a new file and renaming it: watch folders, not files. The
        // answer's folder with those below it, where its spreadsheets and ministries/ live;
        // for a link to the answer, also the folder of the file it links to, where they are
        // read from.
        let watched = Watched::of(args);
        let named_folder = crate::output::folder_of(&args.file).to_path_buf();
        let mut folders = vec![(
            named_folder.clone(),
            RecursiveMode::Recursive,
            WatchedFolder::Answer,
        )];
        if let Some(real_folder) = &watched.answer_folder
            && Some(real_folder) != named_folder.canonicalize().ok().as_ref()
        {
            folders.push((
                real_folder.clone(),
                RecursiveMode::Recursive,
                WatchedFolder::Answer,
            ));
        }
        folders.extend(args.templates.clone().map(|folder| {
            (
                folder,
                RecursiveMode::NonRecursive,
                WatchedFolder::Templates,
            )
        }));
        for (folder, mode, what) in folders {
            if !folder.is_dir() {
                return Err(CliError::NoFolderToWatch { what, folder });
            }
            watcher
                .watch(&folder, mode)
                .map_err(|source| CliError::CannotWatch { folder, source })?;
        }
        check_answer_file(&args.file)?;
        let pdf = args
            .output
            .clone()
            .unwrap_or_else(|| default_pdf_path(&args.file));
        Ok(Self {
            target: Target {
                answer: args.file.clone(),
                pdf,
            },
            settings,
            watched,
            events,
            _watcher: watcher,
        })
    }
}

/// Renders once, then again on every change, until interrupted.
pub(super) fn run(args: &WatchArgs) -> ExitCode {
    super::out::end_with_reader();
    crate::world::preload();
    let session = match Session::start(args) {
        Ok(session) => session,
        Err(error) => {
            super::error::report(&error);
            return ExitCode::FAILURE;
        }
    };
    super::out::line(format_args!(
        "Holder øje med {} (stop med Ctrl+C).",
        args.file.display()
    ));
    let resumed = std::env::var_os(RESUMED);
    // Started again after a render given up: the banner above must not read as all well.
    if resumed.as_deref() == Some(STALE.as_ref()) {
        eprint!("{}", stale_while_watching(&session.target.pdf));
        super::out::line("Venter på næste ændring …");
    }
    let mut render = resumed.is_none();
    loop {
        if render && let Outcome::GivenUp { stale_pdf } = render_once(args, &session) {
            return start_again(&session, stale_pdf);
        }
        let Ok(event) = session.events.recv() else {
            return ExitCode::SUCCESS;
        };
        render = session.watched.concerns(&event);
        if render {
            settle(&session);
        }
    }
}

/// Lets the editor finish writing before the file is read: waits until the answer's files
/// have had no change for [`SETTLE`], at most [`LONGEST_SETTLE`]. Other events do not count:
/// a virus scanner, an indexer or a PDF viewer reading a file in the folder every few
/// milliseconds would otherwise hold the render back for as long as it reads.
fn settle(session: &Session) {
    let deadline = Instant::now() + LONGEST_SETTLE;
    let mut quiet_from = Instant::now() + SETTLE;
    loop {
        let wait = quiet_from
            .min(deadline)
            .saturating_duration_since(Instant::now());
        match session.events.recv_timeout(wait) {
            Ok(event) if session.watched.concerns(&event) => {
                quiet_from = Instant::now() + SETTLE;
            }
            Ok(_) => {}
            Err(_) => return,
        }
    }
}

/// How a render went, as far as watching goes on.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    /// Rendered, or failed with a message, and watching goes on.
    Done,
    /// Given up over the time or memory limit: the compile still runs on its thread, which
    /// nothing can stop (Typst has no cancellation). `stale_pdf`: the PDF on disk is from an
    /// earlier version of the answer, which the watch started again must say.
    GivenUp { stale_pdf: bool },
}

/// Starts `svar watch` again in this process (exec), which ends the compile given up over a
/// limit: otherwise every such compile would keep a core busy, and its memory, for as
/// long as watching goes on. The new watch renders at once if a file changed meanwhile (the
/// clerk fixed the template), else waits for the next change.
fn start_again(session: &Session, stale_pdf: bool) -> ExitCode {
    use std::os::unix::process::CommandExt;
    let changed = session
        .events
        .try_iter()
        .any(|event| session.watched.concerns(&event));
    super::out::line("svar watch starter forfra, så den opgivne sætning ikke kører videre.");
    let mut command = std::process::Command::new(super::this_program());
    let mut args = std::env::args_os();
    // Named as it was started (`svar`), not as the file it runs from.
    command.arg0(args.next().unwrap_or_else(|| "svar".into()));
    command.args(args);
    if changed {
        command.env_remove(RESUMED);
    } else {
        command.env(RESUMED, if stale_pdf { STALE } else { "1" });
    }
    let error = command.exec();
    super::error::report(&CliError::Restart(error));
    ExitCode::FAILURE
}

/// Refuses, before watching, what can never become the answer to render: a folder, or a file
/// that does not exist. A file that exists is watched whatever it holds, and so is one that
/// disappears later (editors save by writing a new file and renaming it).
fn check_answer_file(file: &Path) -> Result<(), CliError> {
    match std::fs::metadata(file) {
        Ok(metadata) if metadata.is_dir() => {
            let first = first_answer_file(file);
            Err(CliError::NotAnAnswerFile {
                folder: file.to_path_buf(),
                example: file.join(first.as_deref().unwrap_or("svar.json")),
                has_answers: first.is_some(),
            })
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            Err(CliError::NoAnswerFile(file.to_path_buf()))
        }
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

/// The files an answer is made from, known by where they really are, to tell which file
/// events concern it.
struct Watched {
    /// The answer file as named, and the file it links to if it is a link.
    answers: Vec<PathBuf>,
    /// The folder of the answer file itself (a link followed), where its spreadsheets and
    /// `ministries/` are read.
    answer_folder: Option<PathBuf>,
    /// The folder of own templates.
    templates: Option<PathBuf>,
}

impl Watched {
    fn of(args: &WatchArgs) -> Self {
        let named = real_folder_of(&args.file)
            .zip(args.file.file_name())
            .map(|(folder, name)| folder.join(name));
        let real = args.file.canonicalize().ok();
        Self {
            answer_folder: real
                .as_deref()
                .and_then(Path::parent)
                .map(Path::to_path_buf),
            answers: named.into_iter().chain(real).collect(),
            templates: args.templates.as_ref().and_then(|f| f.canonicalize().ok()),
        }
    }

    /// Whether a file event is about something the answer is made from: the answer file (or
    /// the file it links to), a spreadsheet beside or below it, a file in its `ministries/`
    /// (profiles and logos) or a template. The PDF and the temporary files svar writes itself
    /// are none of these.
    fn concerns(&self, event: &notify::Result<notify::Event>) -> bool {
        let Ok(event) = event else { return false };
        if event.kind.is_access() {
            return false;
        }
        let under = |path: &Path, folder: &Option<PathBuf>| matches!((real_folder_of(path), folder), (Some(parent), Some(folder)) if parent.starts_with(folder));
        let ministries = self
            .answer_folder
            .as_ref()
            .map(|folder| folder.join("ministries"));
        event.paths.iter().any(|path| {
            let as_named = real_folder_of(path)
                .zip(path.file_name())
                .map(|(folder, name)| folder.join(name));
            let answer = as_named.is_some_and(|path| self.answers.contains(&path));
            let spreadsheet = has_extension(path, &["csv"]) && under(path, &self.answer_folder);
            let profile = has_extension(path, &["json", "svg", "png", "jpg", "jpeg"])
                && under(path, &ministries);
            let template = has_extension(path, &["typ"]) && under(path, &self.templates);
            answer || spreadsheet || profile || template
        })
    }
}

/// The folder `path` is in, as it really is (links followed), if it exists.
fn real_folder_of(path: &Path) -> Option<PathBuf> {
    crate::output::folder_of(path).canonicalize().ok()
}

/// Renders the answer (reusing the previous render's work) with the templates as they are
/// now, and prints the time taken, or what went wrong.
fn render_once(args: &WatchArgs, session: &Session) -> Outcome {
    let started = Instant::now();
    let target = &session.target;
    if !target.answer.exists() {
        // Saved by renaming, moved away or deleted: no mistake of the clerk's to report.
        super::out::line(format_args!(
            "{} findes ikke lige nu; svaret sættes igen, når filen er gemt.",
            target.answer.display()
        ));
        return Outcome::Done;
    }
    let earlier = EarlierPdf::of(&target.pdf);
    let result = load_templates(args.templates.as_deref()).and_then(|templates| {
        render_file(target, &session.settings, &templates, &|text| {
            eprint!("{text}");
        })
    });
    match result {
        Ok(rendered) => super::out::line(format_args!(
            "{} → {} ({}), {}, {}",
            target.answer.display(),
            target.pdf.display(),
            pages(rendered.pages),
            rendered.standards,
            crate::danish::duration(started.elapsed())
        )),
        Err(error) => {
            report_failure(&target.answer, &error);
            let stale_pdf = earlier.is_left_from_before(&target.pdf);
            if error.is_given_up() {
                return Outcome::GivenUp { stale_pdf };
            }
            if stale_pdf {
                eprint!("{}", stale_while_watching(&target.pdf));
            }
            super::out::line("Venter på næste ændring …");
        }
    }
    Outcome::Done
}

#[cfg(test)]
mod tests {
    use super::{CliError, check_answer_file};

    #[test]
    fn a_file_that_exists_is_watched_whatever_it_holds() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("svar.json");
        std::fs::write(&file, "ikke JSON").unwrap();
        assert!(matches!(check_answer_file(&file), Ok(())));
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
        let error = check_answer_file(folder.path()).unwrap_err();
        assert!(
            matches!(
                &error,
                CliError::NotAnAnswerFile { example, has_answers: false, .. }
                    if *example == folder.path().join("svar.json")
            ),
            "a folder without answer files: {error:?}"
        );
        assert_eq!(
            error.to_string(),
            refused("svar.json"),
            "a folder without answer files"
        );
        for name in ["b.json", "a.JSON", "noter.txt"] {
            std::fs::write(folder.path().join(name), "{}").unwrap();
        }
        std::fs::create_dir(folder.path().join("0.json")).unwrap();
        let error = check_answer_file(folder.path()).unwrap_err();
        assert!(
            matches!(
                &error,
                CliError::NotAnAnswerFile { example, has_answers: true, .. }
                    if *example == folder.path().join("a.JSON")
            ),
            "{error:?}"
        );
        assert_eq!(
            error.to_string(),
            format!(
                "{}\n  = tip: svar render {path} sætter alle svarfilerne i mappen én gang",
                refused("a.JSON")
            )
        );
    }

    #[test]
    fn a_missing_file_is_refused() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("svra.json");
        let shown = file.display();
        let error = check_answer_file(&file).unwrap_err();
        assert!(
            matches!(&error, CliError::NoAnswerFile(path) if *path == file),
            "{error:?}"
        );
        assert_eq!(
            error.to_string(),
            format!(
                "{shown} findes ikke; tjek stien, eller opret svarfilen først med svar new {shown}"
            )
        );
    }
}
