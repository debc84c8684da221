//! `svar render`: answer files in, PDFs out.

use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use super::CliError;
use crate::limit::{TimeLimit, run_with_limit};
use crate::output::{Inputs, check_output_path, check_pdf_path, is_pdf_name, write_atomically};
use crate::pdf::{ExportOptions, GeneratedSource, Standard, StandardChoice, StandardError};
use crate::render::{TemplateSet, typst_source};
use crate::{Error, input, typeset_generated};

/// The folder PDFs go to unless `-o` says otherwise.
const DEFAULT_OUTPUT_FOLDER: &str = "output";

/// Arguments of `svar render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Svarfilerne (JSON), der skal sættes; en mappe betyder alle *.json i den.
    #[arg(required = true, value_name = "FIL")]
    pub files: Vec<PathBuf>,
    /// Hvor PDF'en skrives: en fil (*.pdf) for én svarfil, ellers en mappe [standard: output/].
    #[arg(short, long, value_name = "STI")]
    pub output: Option<PathBuf>,
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
    /// Længste tid (sekunder) Typst må bruge på ét svar, før det opgives.
    #[arg(
        long,
        value_name = "SEKUNDER",
        default_value_t,
        allow_negative_numbers = true
    )]
    pub time_limit: TimeLimit,
}

/// Renders every file, in parallel on all cores, reports each failure and goes on; fails if any
/// file failed.
pub(super) fn run(args: &RenderArgs) -> ExitCode {
    crate::world::preload();
    let batch = match Batch::prepare(args) {
        Ok(batch) => batch,
        Err(error) => {
            eprintln!("fejl: {error}");
            return ExitCode::FAILURE;
        }
    };
    let progress = Progress::new(batch.targets.len());
    let failed = batch.pool.install(|| {
        batch
            .targets
            .par_iter()
            .map(|target| usize::from(!batch.render_one(target, &progress)))
            .sum::<usize>()
    });
    progress.finish();
    let total = batch.targets.len();
    if total > 1 {
        super::out::line(format_args!(
            "{} af {total} svar sat; {failed} fejlede.",
            total - failed
        ));
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// What a run of `svar render` needs before the first answer: the answers with their PDFs,
/// the settings and templates they share, and the threads.
struct Batch {
    targets: Vec<Target>,
    settings: RenderSettings,
    templates: TemplateSet,
    pool: rayon::ThreadPool,
    /// Answers rendered so far, to know when the memo cache is due for eviction.
    rendered: AtomicUsize,
}

impl Batch {
    /// Checks the arguments and loads what every answer shares; the error says what is wrong.
    fn prepare(args: &RenderArgs) -> Result<Self, CliError> {
        let extras = Extras {
            emit_typst: args.emit_typst,
            png: args.png,
        };
        let settings = RenderSettings::new(extras, &args.pdf_standard, args.time_limit)?;
        let targets = output_plan(args, super::files::answer_files(&args.files)?)?;
        let templates = load_templates(args.templates.as_deref())?;
        // A pool of its own: its threads wait for typesetting threads, and Typst lays out in
        // parallel on rayon's global pool, which must stay free for it.
        let pool = rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("svar-batch-{i}"))
            .build()
            .map_err(CliError::Threads)?;
        Ok(Self {
            targets,
            settings,
            templates,
            pool,
            rendered: AtomicUsize::new(0),
        })
    }

    /// Keeps a batch's memory bounded: Typst's memo cache is global and grows with every
    /// answer. Every [`EVICT_EVERY`] answers, what no answer has used since the last eviction
    /// is dropped. Not after every answer: an eviction walks and locks the whole cache and
    /// clears comemo's hash accelerators, which cost a batch of 100 about a tenth of its time.
    fn evict_now_and_then(&self) {
        if (self.rendered.fetch_add(1, Ordering::Relaxed) + 1).is_multiple_of(EVICT_EVERY) {
            typst::comemo::evict(1);
        }
    }

    /// Renders one answer, reporting how it went on the progress display; whether it worked.
    fn render_one(&self, target: &Target, progress: &Progress) -> bool {
        let warn = |text: &str| progress.warn(text);
        let result = render_file(target, &self.settings, &self.templates, &warn);
        self.evict_now_and_then();
        match result {
            Ok(rendered) => {
                progress.done(&format!(
                    "{} → {} ({}), {}",
                    target.answer.display(),
                    target.pdf.display(),
                    pages(rendered.pages),
                    rendered.standards
                ));
                true
            }
            Err(error) => {
                let error = if self.settings.extras.emit_typst {
                    error
                } else {
                    error.with_generated_source(GeneratedSource::EmitTypstWouldWrite)
                };
                progress.failed(|| report_failure(&target.answer, &error));
                false
            }
        }
    }
}

/// The built-in templates, overridden by those in `folder` if given. Warns about every file in
/// the folder that nothing uses, since a misnamed template would otherwise give the built-in
/// look without a word.
pub(super) fn load_templates(
    folder: Option<&Path>,
) -> Result<TemplateSet, crate::render::TemplateFolderError> {
    let Some(folder) = folder else {
        return Ok(TemplateSet::builtin());
    };
    let templates = TemplateSet::overridden_by(folder)?;
    for unused in templates.unused_files() {
        eprintln!("advarsel: {unused}");
    }
    Ok(templates)
}

/// How many answers a batch renders between two evictions of the memo cache.
const EVICT_EVERY: usize = 8;

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
    let templates = own_templates(args.templates.as_deref());
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
        if args.emit_typst {
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
    if count > 1 && is_pdf_name(output) {
        return Err(CliError::OnePdfForMany {
            output: output.to_path_buf(),
            count,
        });
    }
    if crate::output::is_not_folder(output) && !is_pdf_name(output) {
        return Err(CliError::OutputIsFile(output.to_path_buf()));
    }
    Ok(())
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

    fn done(&self, line: &str) {
        match &self.bar {
            Some(bar) => {
                bar.println(line);
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

    fn failed(&self, report: impl FnOnce()) {
        match &self.bar {
            Some(bar) => {
                bar.suspend(report);
                bar.inc(1);
            }
            None => report(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// "1 side", "4 sider".
pub(super) fn pages(count: usize) -> String {
    crate::danish::count(count, "side", "sider")
}

/// Prints why `file` failed: a located report for mistakes in the file, otherwise one line
/// naming the file.
pub(super) fn report_failure(file: &Path, error: &CliError) {
    match error {
        CliError::Answer(Error::Load(input::LoadError::Invalid { report })) => {
            eprint!("{}", report.to_text(super::color::for_stderr(false)));
        }
        CliError::Answer(Error::Load(read_error)) => eprintln!("fejl: {read_error}"),
        other => eprintln!("fejl: {}: {other}", file.display()),
    }
}

/// Where the PDF of `file` goes when no `-o` says otherwise: `output/` and the file's name
/// with `.pdf`, for `svar render` and `svar watch` alike.
pub(super) fn default_pdf_path(file: &Path) -> PathBuf {
    Path::new(DEFAULT_OUTPUT_FOLDER).join(pdf_name(file))
}

/// The name of the PDF of `file`: its file name with `.pdf` (the whole path as given when it
/// has no file name, like `..`).
fn pdf_name(file: &Path) -> PathBuf {
    Path::new(file.file_name().unwrap_or(file.as_os_str())).with_extension("pdf")
}

/// Where the PDF of `file` goes, given `-o` as `output`: that PDF, or that folder.
fn pdf_path(output: Option<&Path>, file: &Path) -> PathBuf {
    match output {
        Some(path) if is_pdf_name(path) => path.to_path_buf(),
        Some(folder) => folder.join(pdf_name(file)),
        None => default_pdf_path(file),
    }
}

/// An answer file and the PDF it is rendered to.
pub(super) struct Target {
    /// The answer file.
    pub(super) answer: PathBuf,
    /// The PDF; any other output is named after it.
    pub(super) pdf: PathBuf,
}

/// Files written beside the PDF on request.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Extras {
    /// The generated Typst source (`--emit-typst`).
    pub(super) emit_typst: bool,
    /// Page images (`--png`).
    pub(super) png: bool,
}

/// How every answer of a run is rendered, decided once from the arguments: the same for each
/// answer of a batch, and for each render of `svar watch`.
pub(super) struct RenderSettings {
    /// What to write beside the PDF.
    pub(super) extras: Extras,
    /// The PDF standards to meet.
    pub(super) options: ExportOptions,
    /// How long Typst may take on one answer.
    pub(super) limit: Duration,
}

impl RenderSettings {
    /// The settings for `extras`, the standards `--pdf-standard` names and `--time-limit`;
    /// refused if the standards cannot be combined.
    pub(super) fn new(
        extras: Extras,
        standards: &[Standard],
        limit: TimeLimit,
    ) -> Result<Self, StandardError> {
        Ok(Self {
            extras,
            options: ExportOptions {
                standards: StandardChoice::from_values(standards)?,
            },
            limit: limit.0,
        })
    }
}

/// What rendering one answer gave, for the progress line.
pub(super) struct Rendered {
    /// The number of pages.
    pub(super) pages: usize,
    /// The standards the PDF conforms to, e.g. "PDF/UA-1 + PDF/A-3b".
    pub(super) standards: String,
}

/// Where the warnings of one render go, so a progress bar can make room for them.
pub(super) type Warn<'a> = &'a (dyn Fn(&str) + Sync);

/// Renders one answer with `templates`, producing every output in memory, within the time
/// limit, before writing any of them. Warnings go to `warn`.
///
/// The calling thread typesets its next answer in the world of its previous one (a batch
/// thread, or `svar watch` rendering the same answer again), so unchanged parts are reused.
pub(super) fn render_file(
    target: &Target,
    settings: &RenderSettings,
    templates: &TemplateSet,
    warn: Warn<'_>,
) -> Result<Rendered, CliError> {
    let loaded = input::load(&target.answer).map_err(Error::from)?;
    if !loaded.report.findings.is_empty() {
        warn(&loaded.report.to_text(super::color::for_stderr(false)));
    }
    let has_date = loaded.answer.date.is_some();
    let job = Job::new(loaded.answer, target, settings, templates);
    let (produced, typeset) = job.run(target, settings.limit)?;
    warn_typst(&typeset, target, settings.extras, warn);
    PREVIOUS.with(|previous| *previous.borrow_mut() = Some(typeset));
    if produced.undated_fallback {
        warn(&undated_warning(&target.answer, has_date));
    }
    write_outputs(&produced, &target.answer)?;
    Ok(produced.rendered)
}

/// Passes on what Typst warned about, naming the generated source as written with
/// `--emit-typst` (or as kept in memory) where the warnings point into it.
fn warn_typst(typeset: &crate::Typeset, target: &Target, extras: Extras, warn: Warn<'_>) {
    if typeset.warnings().is_empty() {
        return;
    }
    let generated = if extras.emit_typst {
        GeneratedSource::Written(target.pdf.with_extension("typ"))
    } else {
        GeneratedSource::InMemory
    };
    warn(&format!(
        "{}: Typst advarer:\n{}\n",
        target.answer.display(),
        crate::pdf::warnings_report(typeset.warnings(), &generated)
    ));
}

/// Writes the outputs of the answer `file` and removes its stale page images, after making
/// sure that none of them is a file the answer is made from.
fn write_outputs(produced: &Produced, file: &Path) -> Result<(), CliError> {
    // Page images are named after the PDF and may land beside the answer's own files (a logo
    // named like one); nothing is written or removed until all of them are known to be safe.
    let read = Inputs::new(input::files_read_with(file));
    for path in produced
        .outputs
        .iter()
        .map(|(path, _)| path)
        .chain(&produced.stale)
    {
        check_output_path(path, &read)?;
    }
    for (path, bytes) in &produced.outputs {
        write_atomically(path, bytes).map_err(|source| CliError::Write {
            path: path.clone(),
            source,
        })?;
    }
    // Images of pages an earlier, longer version had would otherwise pass for current ones.
    for path in &produced.stale {
        match std::fs::remove_file(path) {
            Err(source) if source.kind() != std::io::ErrorKind::NotFound => {
                return Err(CliError::Remove {
                    path: path.clone(),
                    source,
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// Writes the generated Typst `source` of an answer Typst failed on (`--emit-typst`) and names
/// that file in the error: the option is for working on templates, and a failing template is
/// when its output is needed most. The PDF is not written, so an earlier PDF stays as it was.
fn emit_after_failure(error: Error, source: &str, target: &Target) -> Error {
    let path = target.pdf.with_extension("typ");
    let read = Inputs::new(input::files_read_with(&target.answer));
    if check_output_path(&path, &read).is_err()
        || write_atomically(&path, source.as_bytes()).is_err()
    {
        // The failure itself is what matters; the source stays unnamed, as without the option.
        return error;
    }
    error.with_generated_source(GeneratedSource::Written(path))
}

thread_local! {
    /// The answer this thread typeset last, whose world the next one reuses.
    static PREVIOUS: std::cell::RefCell<Option<crate::Typeset>> = const { std::cell::RefCell::new(None) };
}

/// Everything needed to typeset one answer on a thread of its own.
struct Job {
    answer: crate::model::Answer,
    templates: TemplateSet,
    options: ExportOptions,
    pdf_path: PathBuf,
    extras: Extras,
    /// The generated Typst source, with `--emit-typst` only, as soon as it is generated: it
    /// outlives a failure (or a time-out) of the typesetting that follows.
    generated_source: Arc<OnceLock<String>>,
}

/// Why a PDF fell back to PDF/UA-1 alone: the answer has no date, or, with own templates, the
/// templates give the document none (`set document(date: …)`) although the answer has one.
fn undated_warning(answer: &Path, has_date: bool) -> String {
    if has_date {
        format!(
            "advarsel: skabelonerne giver PDF'en af {} ingen dato; PDF/A kræver en dato, så \
             PDF'en overholder kun PDF/UA-1. Sæt datoen i answer.typ med set document(date: …).\n",
            answer.display()
        )
    } else {
        format!(
            "advarsel: {} har ingen dato; PDF/A kræver en dato, så PDF'en overholder kun PDF/UA-1. \
             Angiv \"date\" for at få PDF/A-3b.\n",
            answer.display()
        )
    }
}

/// The files one answer gives, not yet written.
struct Produced {
    outputs: Vec<(PathBuf, Vec<u8>)>,
    /// Page images left from an earlier render with more pages, to remove.
    stale: Vec<PathBuf>,
    rendered: Rendered,
    undated_fallback: bool,
}

impl Job {
    /// The job of typesetting `answer` to `target` as `settings` say.
    fn new(
        answer: crate::model::Answer,
        target: &Target,
        settings: &RenderSettings,
        templates: &TemplateSet,
    ) -> Self {
        Self {
            answer,
            templates: templates.clone(),
            options: settings.options.clone(),
            pdf_path: target.pdf.clone(),
            extras: settings.extras,
            generated_source: Arc::new(OnceLock::new()),
        }
    }

    /// Produces the outputs on a thread of its own within `limit`, in the world this thread
    /// typeset in last. After a failure the generated source is written for `--emit-typst`.
    fn run(self, target: &Target, limit: Duration) -> Result<(Produced, crate::Typeset), Error> {
        let generated_source = Arc::clone(&self.generated_source);
        let previous = PREVIOUS.with(|previous| previous.borrow_mut().take());
        run_with_limit(limit, move || self.produce(previous))
            .map_err(Error::from)
            .and_then(|produced| produced)
            .map_err(|error| match generated_source.get() {
                Some(source) => emit_after_failure(error, source, target),
                None => error,
            })
    }

    /// Typesets and exports the answer, reusing `previous` when there is one.
    fn produce(
        self,
        previous: Option<crate::Typeset>,
    ) -> Result<(Produced, crate::Typeset), Error> {
        let attach = self.options.allows_attachments(self.answer.date.is_some());
        let generated = typst_source(&self.answer, &self.templates, attach)?;
        if self.extras.emit_typst {
            // Set once per job, so this cannot fail.
            let _ = self.generated_source.set(generated.source.clone());
        }
        let typeset = typeset_generated(&generated, &self.templates, &self.answer, previous)?;
        let pdf = typeset.pdf(&self.options)?;
        let mut outputs = vec![(self.pdf_path.clone(), pdf.bytes)];
        let mut stale = Vec::new();
        if self.extras.emit_typst {
            let source = typeset.typst_source().as_bytes().to_vec();
            outputs.push((self.pdf_path.with_extension("typ"), source));
        }
        if self.extras.png {
            let (images, left) = self.page_images(&typeset);
            outputs.extend(images);
            stale.extend(left);
        }
        let produced = Produced {
            outputs,
            stale,
            rendered: Rendered {
                pages: typeset.page_count(),
                standards: describe(pdf.conformance.standards()),
            },
            undated_fallback: pdf.conformance.is_undated_fallback(),
        };
        Ok((produced, typeset))
    }

    /// The page images (`--png`), named after the PDF (`svar-1.png`, …), and those an earlier
    /// render with more pages left.
    fn page_images(&self, typeset: &crate::Typeset) -> (Vec<(PathBuf, Vec<u8>)>, Vec<PathBuf>) {
        let stem = self
            .pdf_path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy();
        let image = |page: usize| self.pdf_path.with_file_name(format!("{stem}-{page}.png"));
        let images = (1..).map(image).zip(typeset.pngs()).collect();
        let stale = (typeset.page_count() + 1..)
            .map(image)
            .take_while(|path| path.exists())
            .collect();
        (images, stale)
    }
}

/// "PDF/UA-1 + PDF/A-3b", or "ingen PDF-standard".
pub(super) fn describe(standards: &[Standard]) -> String {
    if standards.is_empty() {
        return "ingen PDF-standard".to_string();
    }
    let titles: Vec<&str> = standards.iter().map(|standard| standard.title()).collect();
    titles.join(" + ")
}
