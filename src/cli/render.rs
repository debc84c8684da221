//! `svar render`: answer files in, PDFs out.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Mutex, MutexGuard};

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use super::CliError;
use super::earlier::{EarlierPdf, stale_warning};
use super::job::{
    Extras, LimitOptions, Outcome, RenderSettings, Target, default_pdf_path, load_templates,
    pdf_name, render_reported,
};
use super::pool::Report;
use super::same_question::Questions;
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
    Tally::begin(&batch.targets);
    let failed = Mutex::new(Vec::new());
    let report = |target: &Target, reply: Reply| match reply {
        Reply::Warning(text) => progress.warn(&text),
        Reply::Done(outcome) => {
            // Held while the answer is told, so that Ctrl+C tells of the batch after it.
            let mut tally = tally();
            let earlier = tally.as_mut().map(|tally| tally.reported(target));
            match outcome {
                Outcome::Rendered(line) => progress.done(&line),
                Outcome::Failed { mut report, .. } => {
                    let stale =
                        earlier.is_some_and(|earlier| earlier.is_left_from_before(&target.pdf));
                    if stale {
                        report.push_str(&stale_warning(&target.pdf));
                    }
                    if let Ok(mut failed) = failed.lock() {
                        failed.push(Failed {
                            answer: target.answer.clone(),
                            stale_pdf: stale.then(|| target.pdf.clone()),
                        });
                    }
                    progress.failed(&report);
                }
            }
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
        super::out::print(&summary(batch.targets.len(), &failed));
    }
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// An answer of a batch that failed, for the summary.
struct Failed {
    answer: PathBuf,
    /// Its PDF, if an earlier render left one, which now shows an earlier version of it.
    stale_pdf: Option<PathBuf>,
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
        if targets.len() > 1 {
            warn_of_questions_answered_twice(&targets);
        }
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

/// Warns of two answers of a batch that answer the same question, before any is rendered.
/// An answer that cannot be read is passed over here, and reported as it is rendered.
fn warn_of_questions_answered_twice(targets: &[Target]) {
    let mut questions = Questions::default();
    for target in targets {
        if let Ok(text) = crate::input::read(&target.answer) {
            questions.note(&target.answer, &text);
        }
    }
    questions.warn();
}

/// How many failed answers the summary names; the others are counted.
const FAILED_NAMED: usize = 10;

/// The last line of a batch: "9 af 9 svar sat; 0 fejlede.", or with the answers that failed
/// named, so that they need not be looked for among the lines above: "7 af 9 svar sat; 2
/// fejlede: svar/a.json og svar/b.json.", then a line naming the PDFs that earlier renders
/// left of them, which look as current as the others in the folder.
fn summary(total: usize, failed: &[Failed]) -> String {
    let head = format!(
        "{} af {total} svar sat; {} fejlede",
        total - failed.len(),
        failed.len()
    );
    if failed.is_empty() {
        return format!("{head}.\n");
    }
    let answers: Vec<&Path> = failed
        .iter()
        .map(|failed| failed.answer.as_path())
        .collect();
    let mut summary = format!("{head}: {}.\n", named_list(answers));
    let stale: Vec<&Path> = failed
        .iter()
        .filter_map(|failed| failed.stale_pdf.as_deref())
        .collect();
    match stale.len() {
        0 => {}
        1 => summary.push_str(&format!(
            "{} er fra en tidligere udgave af svaret og er ikke opdateret.\n",
            named_list(stale)
        )),
        _ => summary.push_str(&format!(
            "{} er fra tidligere udgaver af svarene og er ikke opdateret.\n",
            named_list(stale)
        )),
    }
    summary
}

/// `paths` in order, the first [`FAILED_NAMED`] named and the rest counted: "a.json, b.json og
/// 2 andre".
pub(super) fn named_list(mut paths: Vec<&Path>) -> String {
    paths.sort();
    let mut names: Vec<String> = paths
        .iter()
        .take(FAILED_NAMED)
        .map(|path| path.display().to_string())
        .collect();
    if paths.len() > FAILED_NAMED {
        names.push(format!("{} andre", paths.len() - FAILED_NAMED));
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    crate::danish::and_list(&names)
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

/// The answers of the `svar render` running, with their PDFs as they were before it began, for
/// Ctrl+C and SIGTERM to tell how far it came; `None` in other commands, and in a worker.
static TALLY: Mutex<Option<Tally>> = Mutex::new(None);

/// The tally of the render running, locked; a thread that panicked holding it left it whole.
fn tally() -> MutexGuard<'static, Option<Tally>> {
    TALLY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The answers of a render and which of them are told, rendered or failed.
pub(super) struct Tally {
    answers: Vec<Tallied>,
    /// Where each answer is in `answers`.
    by_answer: HashMap<PathBuf, usize>,
    /// How many answers are told.
    done: usize,
}

/// One answer of a render, its PDF as it was before the render, and whether it is told.
struct Tallied {
    answer: PathBuf,
    pdf: PathBuf,
    earlier: EarlierPdf,
    told: bool,
}

impl Tally {
    /// Looks at every PDF of `targets` before any is rendered, and keeps them for
    /// [`report_interruption`].
    fn begin(targets: &[Target]) {
        *tally() = Some(Self::new(targets));
    }

    /// The answers of `targets`, none told, with their PDFs as they are now.
    fn new(targets: &[Target]) -> Self {
        let answers: Vec<Tallied> = targets
            .iter()
            .map(|target| Tallied {
                answer: target.answer.clone(),
                pdf: target.pdf.clone(),
                earlier: EarlierPdf::of(&target.pdf),
                told: false,
            })
            .collect();
        let by_answer = (answers.iter().enumerate())
            .map(|(index, tallied)| (tallied.answer.clone(), index))
            .collect();
        Self {
            answers,
            by_answer,
            done: 0,
        }
    }

    /// Counts the answers not told whose PDFs were written all the same (a worker ended as it
    /// finished, or svar as it was about to tell): their lines, as an answer rendered has.
    fn tell_written(&mut self) -> Vec<String> {
        let mut lines = Vec::new();
        for tallied in self.answers.iter_mut().filter(|tallied| !tallied.told) {
            if tallied.earlier.was_replaced(&tallied.pdf) {
                tallied.told = true;
                self.done += 1;
                lines.push(format!(
                    "{} → {}",
                    tallied.answer.display(),
                    tallied.pdf.display()
                ));
            }
        }
        lines
    }

    /// Counts `target` as told; its PDF as it was before the render.
    fn reported(&mut self, target: &Target) -> EarlierPdf {
        let index = self.by_answer[&target.answer];
        let tallied = &mut self.answers[index];
        if !tallied.told {
            tallied.told = true;
            self.done += 1;
        }
        tallied.earlier
    }
}

/// Tells how far the render running came as it is ended by Ctrl+C or SIGTERM, once its
/// workers have ended: a line on standard output for each PDF written that was not told yet
/// (its worker was ended as it finished), and on standard error what was done and that the
/// others' earlier PDFs are untouched. The tally stays locked, so that no answer is told
/// after it, until svar has ended.
pub(super) fn report_interruption() -> MutexGuard<'static, Option<Tally>> {
    let mut guard = tally();
    if let Some(tally) = guard.as_mut() {
        for line in tally.tell_written() {
            super::out::line(line);
        }
        if let Some(line) = tally.interrupted_line() {
            eprintln!("{line}");
        }
    }
    guard
}

impl Tally {
    /// The line an interrupted render ends with, on standard error, so that its log does not
    /// end as if it had: how many answers were done, and that the others were left as they
    /// were. Nothing for one answer whose PDF was written.
    fn interrupted_line(&self) -> Option<String> {
        let total = self.answers.len();
        let untouched = "og deres tidligere PDF'er er urørte";
        match (&self.answers[..], self.done) {
            ([one], 0) if one.earlier.is_left_from_before(&one.pdf) => Some(format!(
                "afbrudt: {} er ikke sat; den tidligere PDF, {}, er urørt",
                one.answer.display(),
                one.pdf.display()
            )),
            ([one], 0) => Some(format!(
                "afbrudt: {} er ikke sat; {} er ikke skrevet",
                one.answer.display(),
                one.pdf.display()
            )),
            ([_], _) => None,
            (_, 0) => Some(format!(
                "afbrudt, før noget svar var færdigt: de {total} svar er ikke sat, {untouched}"
            )),
            (_, done) if total - done == 1 => Some(format!(
                "afbrudt: {done} af {total} svar er færdige; 1 svar er ikke sat, og dets \
                 tidligere PDF er urørt"
            )),
            (_, done) => Some(format!(
                "afbrudt: {done} af {total} svar er færdige; de {} andre er ikke sat, {untouched}",
                total - done
            )),
        }
    }
}

/// A progress bar on a terminal; plain lines when output is piped.
struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    fn new(total: usize) -> Self {
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

    /// Targets `names` in `folder`, each answer `x.json` to `x.pdf`.
    fn targets(folder: &Path, names: &[&str]) -> Vec<Target> {
        (names.iter())
            .map(|name| Target {
                answer: folder.join(format!("{name}.json")),
                pdf: folder.join(format!("{name}.pdf")),
            })
            .collect()
    }

    #[test]
    fn an_interrupted_batch_tells_how_far_it_came() {
        let folder = tempfile::tempdir().unwrap();
        let targets = targets(folder.path(), &["a", "b", "c"]);
        let mut tally = Tally::new(&targets);
        assert_eq!(
            tally.interrupted_line().unwrap(),
            "afbrudt, før noget svar var færdigt: de 3 svar er ikke sat, og deres tidligere \
             PDF'er er urørte"
        );
        tally.reported(&targets[0]);
        assert_eq!(
            tally.interrupted_line().unwrap(),
            "afbrudt: 1 af 3 svar er færdige; de 2 andre er ikke sat, og deres tidligere PDF'er \
             er urørte"
        );
    }

    #[test]
    fn a_pdf_written_but_not_told_before_the_interruption_is_told_and_counted() {
        // Review 30, 3: a worker ended as it finished wrote its PDF, and the batch said that
        // answer's earlier PDF was untouched.
        let folder = tempfile::tempdir().unwrap();
        let targets = targets(folder.path(), &["a", "b", "c"]);
        std::fs::write(&targets[1].pdf, "tidligere").unwrap();
        std::fs::write(&targets[2].pdf, "tidligere").unwrap();
        let mut tally = Tally::new(&targets);
        tally.reported(&targets[0]);
        crate::output::write_atomically(&targets[0].pdf, b"told").unwrap();
        crate::output::write_atomically(&targets[1].pdf, b"not told").unwrap();
        assert_eq!(
            tally.tell_written(),
            [format!(
                "{} → {}",
                targets[1].answer.display(),
                targets[1].pdf.display()
            )]
        );
        assert_eq!(tally.tell_written(), Vec::<String>::new(), "told once");
        assert_eq!(
            tally.interrupted_line().unwrap(),
            "afbrudt: 2 af 3 svar er færdige; 1 svar er ikke sat, og dets tidligere PDF er urørt"
        );
    }

    #[test]
    fn an_interrupted_single_answer_says_whether_its_earlier_pdf_is_untouched() {
        let folder = tempfile::tempdir().unwrap();
        let one = targets(folder.path(), &["a"]);
        let line = |tally: &Tally| tally.interrupted_line();
        let fresh = Tally::new(&one);
        let [answer, pdf] = [&one[0].answer, &one[0].pdf].map(|path| path.display().to_string());
        assert_eq!(
            line(&fresh).unwrap(),
            format!("afbrudt: {answer} er ikke sat; {pdf} er ikke skrevet")
        );
        std::fs::write(&one[0].pdf, "tidligere").unwrap();
        let mut earlier = Tally::new(&one);
        assert_eq!(
            line(&earlier).unwrap(),
            format!("afbrudt: {answer} er ikke sat; den tidligere PDF, {pdf}, er urørt")
        );
        crate::output::write_atomically(&one[0].pdf, b"ny").unwrap();
        assert_eq!(earlier.tell_written().len(), 1);
        assert_eq!(line(&earlier), None, "its line says it all");
    }

    fn failed(answer: &str, stale_pdf: Option<&str>) -> Failed {
        Failed {
            answer: PathBuf::from(answer),
            stale_pdf: stale_pdf.map(PathBuf::from),
        }
    }

    #[test]
    fn the_summary_names_the_answers_that_failed_in_order_and_counts_the_rest() {
        assert_eq!(summary(9, &[]), "9 af 9 svar sat; 0 fejlede.\n");
        assert_eq!(
            summary(
                9,
                &[failed("svar/b.json", None), failed("svar/a.json", None)]
            ),
            "7 af 9 svar sat; 2 fejlede: svar/a.json og svar/b.json.\n"
        );
        let many: Vec<Failed> = (1..=12)
            .map(|n| failed(&format!("{n:02}.json"), None))
            .collect();
        assert_eq!(
            summary(20, &many),
            "8 af 20 svar sat; 12 fejlede: 01.json, 02.json, 03.json, 04.json, 05.json, \
             06.json, 07.json, 08.json, 09.json, 10.json og 2 andre.\n"
        );
    }

    #[test]
    fn the_summary_names_the_pdfs_left_from_earlier_versions_of_the_answers_that_failed() {
        assert_eq!(
            summary(
                3,
                &[failed("a.json", Some("ud/a.pdf")), failed("b.json", None)]
            ),
            "1 af 3 svar sat; 2 fejlede: a.json og b.json.\n\
             ud/a.pdf er fra en tidligere udgave af svaret og er ikke opdateret.\n"
        );
        assert_eq!(
            summary(
                3,
                &[
                    failed("b.json", Some("ud/b.pdf")),
                    failed("a.json", Some("ud/a.pdf"))
                ]
            ),
            "1 af 3 svar sat; 2 fejlede: a.json og b.json.\n\
             ud/a.pdf og ud/b.pdf er fra tidligere udgaver af svarene og er ikke opdateret.\n"
        );
    }
}
