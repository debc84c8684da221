//! `svar render`: answer files in, PDFs out.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use super::CliError;
use super::job::{
    Extras, LimitOptions, Outcome, RenderSettings, Target, default_pdf_path, load_templates,
    pdf_name, render_reported,
};
use super::pool::Report;
use super::worker::Reply;
use crate::output::{Inputs, OutputPathError, check_output_path, check_pdf_path, is_pdf_name};
use crate::pdf::Standard;
use crate::render::TemplateSet;

/// Arguments of `svar render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Svarfilerne (JSON), der skal sættes; en mappe betyder alle *.json i den.
    #[arg(required = true, value_name = "FIL")]
    pub files: Vec<PathBuf>,
    /// Hvor PDF'en skrives: en fil (*.pdf) for én svarfil, ellers en mappe [standard: output/].
    #[arg(short, long, value_name = "STI")]
    pub output: Option<PathBuf>,
    /// How each answer is rendered.
    #[command(flatten)]
    pub options: RenderOptions,
}

/// How each answer is rendered: the options of `svar render` that the processes rendering a
/// batch are started with.
#[derive(Debug, Args)]
pub struct RenderOptions {
    /// Skriv også den genererede Typst-kilde (*.typ) ved siden af PDF'en.
    #[arg(long)]
    pub emit_typst: bool,
    /// Skriv også hver side som PNG-billede (*-1.png, *-2.png, …).
    #[arg(long)]
    pub png: bool,
    /// PDF-standarder, PDF'en skal overholde; gentag eller adskil med komma (ua-1,a-3b), "none"
    /// for ingen [standard: ua-1,a-3b; for et svar uden dato kun ua-1].
    #[arg(long, value_name = "STANDARD", value_enum, value_delimiter = ',')]
    pub pdf_standard: Vec<Standard>,
    /// En mappe med egne skabeloner (*.typ), der erstatter de indbyggede med samme navn.
    #[arg(long, value_name = "MAPPE")]
    pub templates: Option<PathBuf>,
    /// The limits an answer is typeset within.
    #[command(flatten)]
    pub limits: LimitOptions,
}

impl RenderOptions {
    /// The settings these options give, refused if the standards cannot be combined.
    pub(super) fn settings(&self) -> Result<RenderSettings, crate::pdf::StandardError> {
        let extras = Extras {
            emit_typst: self.emit_typst,
            png: self.png,
        };
        RenderSettings::new(extras, &self.pdf_standard, self.limits.limits())
    }

    /// The options as command-line arguments, to start a worker process with the same.
    pub(super) fn to_args(&self) -> Vec<OsString> {
        let mut args: Vec<OsString> = Vec::new();
        let mut flag = |set: bool, name: &str| {
            if set {
                args.push(name.into());
            }
        };
        flag(self.emit_typst, "--emit-typst");
        flag(self.png, "--png");
        for standard in &self.pdf_standard {
            let value = standard
                .to_possible_value()
                .expect("every standard can be named on the command line");
            args.push(format!("--pdf-standard={}", value.get_name()).into());
        }
        if let Some(folder) = &self.templates {
            // One argument, so that a folder named "-mine" is not read as options.
            let mut option = OsString::from("--templates=");
            option.push(folder);
            args.push(option);
        }
        args.push(format!("--time-limit={}", self.limits.time_limit).into());
        args.push(format!("--memory-limit={}", self.limits.memory_limit).into());
        args
    }
}

/// Renders every file, reports each failure and goes on; fails if any file failed. Several
/// files are rendered in worker processes, one per core (see [`super::pool`]).
pub(super) fn run(args: &RenderArgs) -> ExitCode {
    let batch = match Batch::prepare(args) {
        Ok(batch) => batch,
        Err(error) => {
            super::error::report(&error);
            return ExitCode::FAILURE;
        }
    };
    let progress = Progress::new(batch.targets.len());
    let failed = Mutex::new(Vec::new());
    let report = |target: &Target, reply: Reply| match reply {
        Reply::Warning(text) => progress.warn(&text),
        Reply::Done(Outcome::Rendered(line)) => progress.done(&line),
        Reply::Done(Outcome::Failed { report, .. }) => {
            if let Ok(mut failed) = failed.lock() {
                failed.push(target.answer.clone());
            }
            progress.failed(&report);
        }
    };
    batch.render(&args.options, &report);
    if super::pool::is_ending() {
        // Ctrl+C or SIGTERM: the handler ends svar once its workers have removed their
        // temporary files; a summary now would count the answers cut off as rendered.
        loop {
            std::thread::park();
        }
    }
    progress.finish();
    let failed = failed.into_inner().unwrap_or_default();
    if batch.targets.len() > 1 {
        super::out::line(summary(batch.targets.len(), failed.clone()));
    }
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// What a run of `svar render` needs before the first answer: the answers with their PDFs,
/// and the settings and templates they share.
struct Batch {
    targets: Vec<Target>,
    settings: RenderSettings,
    templates: TemplateSet,
}

impl Batch {
    /// Checks the arguments and loads what every answer shares; the error says what is wrong.
    fn prepare(args: &RenderArgs) -> Result<Self, CliError> {
        let settings = args.options.settings()?;
        let targets = output_plan(args, super::files::answer_files(&args.files)?)?;
        let templates = load_templates(args.options.templates.as_deref())?;
        Ok(Self {
            targets,
            settings,
            templates,
        })
    }

    /// Renders the answers, telling `report` how each went. One answer is rendered in this
    /// process; several in worker processes, so that an answer given up over a limit can be
    /// ended with its process while the others go on.
    fn render(&self, options: &RenderOptions, report: Report<'_>) {
        if let [target] = self.targets.as_slice() {
            crate::world::preload();
            let warn = |text: &str| report(target, Reply::Warning(text.to_string()));
            let outcome = render_reported(target, &self.settings, &self.templates, &warn);
            report(target, Reply::Done(outcome));
        } else {
            super::pool::render(&self.targets, options, &self.templates, report);
        }
    }
}

/// How many failed answers the summary names; the others are counted.
const FAILED_NAMED: usize = 10;

/// The last line of a batch: "9 af 9 svar sat; 0 fejlede.", or with the answers that failed
/// named, so that they need not be looked for among the lines above: "7 af 9 svar sat; 2
/// fejlede: svar/a.json og svar/b.json."
fn summary(total: usize, mut failed: Vec<PathBuf>) -> String {
    let head = format!(
        "{} af {total} svar sat; {} fejlede",
        total - failed.len(),
        failed.len()
    );
    if failed.is_empty() {
        return format!("{head}.");
    }
    failed.sort();
    let mut names: Vec<String> = failed
        .iter()
        .take(FAILED_NAMED)
        .map(|answer| answer.display().to_string())
        .collect();
    if failed.len() > FAILED_NAMED {
        names.push(format!("{} andre", failed.len() - FAILED_NAMED));
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    format!("{head}: {}.", crate::danish::and_list(&names))
}

/// The files in an own template folder, if one is given and can be read.
fn own_templates(folder: Option<&Path>) -> Vec<PathBuf> {
    let entries = folder.and_then(|folder| std::fs::read_dir(folder).ok());
    entries
        .into_iter()
        .flatten()
        .filter_map(|entry| Some(entry.ok()?.path()))
        .collect()
}

/// Pairs every answer file with its PDF, refusing plans where two answers would write the same
/// PDF (one would silently replace the other) or `-o x.pdf` names one file for several answers.
fn output_plan(args: &RenderArgs, files: Vec<PathBuf>) -> Result<Vec<Target>, CliError> {
    // What the outputs must not replace: the answers, and the own templates an emitted Typst
    // source could land on.
    let templates = own_templates(args.options.templates.as_deref());
    let inputs = Inputs::new(files.iter().chain(&templates));
    // An answer named twice, however spelled (`a.json ./a.json`), is rendered once, and may be
    // given one PDF.
    let mut seen: HashSet<&Path> = HashSet::with_capacity(files.len());
    let answers: Vec<&PathBuf> = files
        .iter()
        .filter(|file| seen.insert(inputs.canonical(file)))
        .collect();
    check_output_option(args.output.as_deref(), answers.len())?;
    let mut plan: Vec<Target> = Vec::with_capacity(answers.len());
    // Which answer each planned PDF is for; a batch of a thousand is checked without comparing
    // every answer with every other.
    let mut planned: HashMap<PathBuf, &Path> = HashMap::with_capacity(answers.len());
    for file in answers {
        let pdf = pdf_path(args.output.as_deref(), file);
        check_pdf_path(&pdf, &inputs)?;
        if args.options.emit_typst {
            check_output_path(&pdf.with_extension("typ"), &inputs)?;
        }
        if let Some(earlier) = planned.get(&pdf) {
            return Err(CliError::SamePdf {
                first: earlier.to_path_buf(),
                second: file.clone(),
                pdf,
            });
        }
        planned.insert(pdf.clone(), file);
        plan.push(Target {
            answer: file.clone(),
            pdf,
        });
    }
    Ok(plan)
}

/// Refuses an `-o` that cannot hold the PDFs of `count` answers: one PDF for several, or a file
/// that is no PDF where a folder is needed.
fn check_output_option(output: Option<&Path>, count: usize) -> Result<(), CliError> {
    let Some(output) = output else {
        return Ok(());
    };
    if crate::output::has_loose_spaces(output) {
        return Err(CliError::RefusedOutput {
            option: "-o",
            source: OutputPathError::LooseSpaces(output.to_path_buf()),
        });
    }
    if count > 1 && is_pdf_name(output) {
        return Err(CliError::OnePdfForMany {
            output: output.to_path_buf(),
            count,
        });
    }
    if crate::output::is_answer_name(output) && !output.is_dir() {
        return Err(CliError::OutputIsAnswerName(output.to_path_buf()));
    }
    if crate::output::is_not_folder(output) && !is_pdf_name(output) {
        return Err(CliError::OutputIsFile(output.to_path_buf()));
    }
    Ok(())
}

/// How many answers the batch running has: with [`BATCH_DONE`], what an interrupted batch
/// tells of, from the handler of Ctrl+C and SIGTERM.
static BATCH_TOTAL: AtomicUsize = AtomicUsize::new(0);

/// How many answers of the batch running are done, rendered or failed.
static BATCH_DONE: AtomicUsize = AtomicUsize::new(0);

/// The line an interrupted batch ends with, on standard error, so that its log does not end as
/// if the batch had: how many answers were done, and that the others were left as they were.
pub(super) fn interrupted_line() -> Option<String> {
    let [total, done] = [&BATCH_TOTAL, &BATCH_DONE].map(|count| count.load(Ordering::Relaxed));
    let untouched = "og deres tidligere PDF'er er urørte";
    (total > 1).then(|| match done {
        0 => {
            format!("afbrudt, før noget svar var færdigt: de {total} svar er ikke sat, {untouched}")
        }
        _ => format!(
            "afbrudt: {done} af {total} svar er færdige; de {} andre er ikke sat, {untouched}",
            total - done
        ),
    })
}

/// A progress bar on a terminal; plain lines when output is piped.
struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    fn new(total: usize) -> Self {
        BATCH_TOTAL.store(total, Ordering::Relaxed);
        let bar = (total > 1 && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new(total as u64);
            bar.set_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} svar  {elapsed_precise}")
                    .expect("the progress template is valid"),
            );
            bar
        });
        Self { bar }
    }

    /// Prints the line of an answer rendered to standard output, where a log of the batch
    /// (`svar render DIR > log`) wants it also while the bar is drawn on the terminal.
    fn done(&self, line: &str) {
        BATCH_DONE.fetch_add(1, Ordering::Relaxed);
        match &self.bar {
            Some(bar) => {
                bar.suspend(|| super::out::line(line));
                bar.inc(1);
            }
            None => super::out::line(line),
        }
    }

    /// Prints a warning (text with its own line ends) without breaking the bar.
    fn warn(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprint!("{text}")),
            None => eprint!("{text}"),
        }
    }

    /// Prints the report of an answer that failed (text with its own line ends).
    fn failed(&self, report: &str) {
        BATCH_DONE.fetch_add(1, Ordering::Relaxed);
        self.warn(report);
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Where the PDF of `file` goes, given `-o` as `output`: that PDF, or that folder.
fn pdf_path(output: Option<&Path>, file: &Path) -> PathBuf {
    match output {
        Some(path) if is_pdf_name(path) => path.to_path_buf(),
        Some(folder) => folder.join(pdf_name(file)),
        None => default_pdf_path(file),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupted_batch_tells_how_far_it_came() {
        assert_eq!(interrupted_line(), None);
        BATCH_TOTAL.store(12, Ordering::Relaxed);
        assert_eq!(
            interrupted_line().unwrap(),
            "afbrudt, før noget svar var færdigt: de 12 svar er ikke sat, og deres tidligere \
             PDF'er er urørte"
        );
        BATCH_DONE.store(5, Ordering::Relaxed);
        assert_eq!(
            interrupted_line().unwrap(),
            "afbrudt: 5 af 12 svar er færdige; de 7 andre er ikke sat, og deres tidligere PDF'er \
             er urørte"
        );
    }

    #[test]
    fn the_summary_names_the_answers_that_failed_in_order_and_counts_the_rest() {
        let paths = |names: &[&str]| names.iter().map(PathBuf::from).collect::<Vec<_>>();
        assert_eq!(summary(9, Vec::new()), "9 af 9 svar sat; 0 fejlede.");
        assert_eq!(
            summary(9, paths(&["svar/b.json", "svar/a.json"])),
            "7 af 9 svar sat; 2 fejlede: svar/a.json og svar/b.json."
        );
        let many: Vec<String> = (1..=12).map(|n| format!("{n:02}.json")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(
            summary(20, paths(&many)),
            "8 af 20 svar sat; 12 fejlede: 01.json, 02.json, 03.json, 04.json, 05.json, \
             06.json, 07.json, 08.json, 09.json, 10.json og 2 andre."
        );
    }
}
