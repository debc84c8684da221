//! One answer, from its file to its written outputs: the job `svar render` runs for each answer
//! of a batch and `svar watch` runs on every save, with [`render_file`] as its entry point, and
//! the templates it uses, loaded as `svar diff` loads them too. Apart from the batch, so that a
//! reader of watch finds here how one answer is produced.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use clap::Args;

use super::CliError;
use crate::limit::{Limits, MemoryLimit, TimeLimit, run_with_limit};
use crate::output::{Inputs, check_output_path, write_atomically};
use crate::pdf::{ExportOptions, GeneratedSource, Standard, StandardChoice, StandardError};
use crate::render::{TemplateSet, typst_source};
use crate::{Error, input, typeset_generated};

/// The folder PDFs go to unless `-o` says otherwise.
const DEFAULT_OUTPUT_FOLDER: &str = "output";

/// The built-in templates, overridden by those in `folder` if given. Warns about every file in
/// the folder that nothing uses, since a misnamed template would otherwise give the built-in
/// look without a word.
pub(super) fn load_templates(folder: Option<&Path>) -> Result<TemplateSet, CliError> {
    let Some(folder) = folder else {
        return Ok(TemplateSet::builtin());
    };
    let templates = TemplateSet::overridden_by(folder)?;
    for unused in templates.unused_files() {
        eprintln!("advarsel: {unused}");
    }
    // A misspelt filter is refused before any answer, not only in those that reach its line.
    if let Some(error) = templates.unknown_filter() {
        return Err(crate::Error::Render(error).into());
    }
    Ok(templates)
}

/// "1 side", "4 sider".
pub(super) fn pages(count: usize) -> String {
    crate::danish::count(count, "side", "sider")
}

/// Prints why `file` failed (see [`failure_report`]).
pub(super) fn report_failure(file: &Path, error: &CliError) {
    eprint!("{}", failure_report(file, error));
}

/// Why `file` failed, as printed to standard error: a located report for mistakes in the
/// file, otherwise one line naming the file.
pub(super) fn failure_report(file: &Path, error: &CliError) -> String {
    match error {
        CliError::Answer(Error::Load(input::LoadError::Invalid { report })) => {
            report.to_text(super::color::for_stderr(false))
        }
        CliError::Answer(Error::Load(read_error)) => super::error::line(read_error),
        other => super::error::line(&format_args!("{}: {other}", file.display())),
    }
}

/// How rendering one answer of a batch ended, as it is reported: the line for the PDF written,
/// or the report of why there is none. A worker process sends it to the batch as it is.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(super) enum Outcome {
    /// The PDF was written: "a.json → output/a.pdf (4 sider), PDF/UA-1 + PDF/A-3b".
    Rendered(String),
    /// It was not: why, as printed to standard error.
    Failed {
        /// The report, with its line ends.
        report: String,
        /// Whether typesetting was given up while it still ran (see
        /// [`crate::limit::LimitError::is_given_up`]), so the process should end.
        given_up: bool,
    },
}

impl Outcome {
    /// Whether typesetting was given up while it still ran.
    pub(super) fn is_given_up(&self) -> bool {
        matches!(self, Self::Failed { given_up: true, .. })
    }
}

/// Renders one answer of a batch as [`render_file`] does and tells how it went.
pub(super) fn render_reported(
    target: &Target,
    settings: &RenderSettings,
    templates: &TemplateSet,
    warn: Warn<'_>,
) -> Outcome {
    match render_file(target, settings, templates, warn) {
        Ok(rendered) => Outcome::Rendered(format!(
            "{} → {} ({}), {}",
            target.answer.display(),
            target.pdf.display(),
            pages(rendered.pages),
            rendered.standards
        )),
        Err(error) => {
            let error = if settings.extras.emit_typst {
                error
            } else {
                error.with_generated_source(GeneratedSource::EmitTypstWouldWrite)
            };
            Outcome::Failed {
                report: failure_report(&target.answer, &error),
                given_up: error.is_given_up(),
            }
        }
    }
}

/// Where the PDF of `file` goes when no `-o` says otherwise: `output/` and the file's name
/// with `.pdf`, for `svar render` and `svar watch` alike.
pub(super) fn default_pdf_path(file: &Path) -> PathBuf {
    Path::new(DEFAULT_OUTPUT_FOLDER).join(pdf_name(file))
}

/// The name of the PDF of `file`: its file name with `.pdf` (the whole path as given when it
/// has no file name, like `..`).
pub(super) fn pdf_name(file: &Path) -> PathBuf {
    Path::new(file.file_name().unwrap_or(file.as_os_str())).with_extension("pdf")
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
    /// How long Typst may take on one answer, and how much memory it may hold.
    pub(super) limits: Limits,
}

impl RenderSettings {
    /// The settings for `extras`, the standards `--pdf-standard` names and the limits of
    /// `--time-limit` and `--memory-limit`; refused if the standards cannot be combined.
    pub(super) fn new(
        extras: Extras,
        standards: &[Standard],
        limits: Limits,
    ) -> Result<Self, StandardError> {
        Ok(Self {
            extras,
            options: ExportOptions {
                standards: StandardChoice::from_values(standards)?,
            },
            limits,
        })
    }
}

/// The limits `svar render`, `svar watch` and `svar diff` typeset an answer within, as options.
#[derive(Debug, Args)]
pub struct LimitOptions {
    /// Længste tid (sekunder) Typst må bruge på at sætte ét svar, før det opgives.
    #[arg(
        long,
        value_name = "SEKUNDER",
        default_value_t,
        allow_negative_numbers = true
    )]
    pub time_limit: TimeLimit,
    /// Mest hukommelse (MB) svar må bruge, mens ét svar sættes, før det opgives.
    #[arg(
        long,
        value_name = "MB",
        default_value_t,
        allow_negative_numbers = true
    )]
    pub memory_limit: MemoryLimit,
}

impl LimitOptions {
    /// The limits these options set.
    pub(super) fn limits(&self) -> Limits {
        Limits {
            time: self.time_limit,
            memory: self.memory_limit,
        }
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
    let read = Inputs::new(input::files_read_by(&loaded.answer, &target.answer));
    let job = Job::new(loaded.answer, target, settings, templates);
    let (produced, typeset) = job.run(target, settings.limits)?;
    warn_typst(&typeset, target, settings.extras, warn);
    PREVIOUS.with(|previous| *previous.borrow_mut() = Some(typeset));
    if produced.undated_fallback {
        warn(&undated_warning(&target.answer, has_date));
    }
    write_outputs(&produced, &read)?;
    if !produced.outdated.is_empty() {
        warn(&outdated_warning(&produced.outdated));
    }
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

/// Writes the outputs of an answer and removes its stale page images, after making sure that
/// none of them is a file the answer is made from (`read`).
fn write_outputs(produced: &Produced, read: &Inputs) -> Result<(), CliError> {
    // Page images are named after the PDF and may land beside the answer's own files (a logo
    // named like one); nothing is written or removed until all of them are known to be safe.
    for path in produced
        .outputs
        .iter()
        .map(|(path, _)| path)
        .chain(&produced.stale)
    {
        check_output_path(path, read)?;
    }
    // The PDF last, so that it is made again only with everything beside it. Should any fail
    // (a full disk), the page images are removed, new and earlier alike: with the earlier PDF
    // left as it was, a mix of them would pass for its pages.
    let (pdf, beside) = produced
        .outputs
        .split_first()
        .expect("the PDF is the first output");
    for (path, bytes) in beside.iter().chain([pdf]) {
        if let Err(source) = write_atomically(path, bytes) {
            remove_page_images(produced);
            return Err(CliError::Write {
                path: path.clone(),
                source,
            });
        }
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
        format!("advarsel: {}\n", crate::pdf::undated_notice(answer))
    }
}

/// Removes the page images of `produced`, those made and those an earlier render left, as far
/// as they can be; what went wrong before is what the clerk is told.
fn remove_page_images(produced: &Produced) {
    let images = (produced.outputs.iter().map(|(path, _)| path))
        .chain(&produced.stale)
        .filter(|path| crate::output::has_extension(path, &["png"]));
    for path in images {
        let _ = std::fs::remove_file(path);
    }
}

/// Names the outputs of an earlier render that the new PDF has made outdated, which a reviewer
/// would otherwise take for the new PDF's pages or source.
fn outdated_warning(outdated: &[PathBuf]) -> String {
    let names: Vec<String> = outdated
        .iter()
        .map(|path| path.display().to_string())
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let them = if names.len() == 1 { "den" } else { "dem" };
    let made_with = |extension: &str, option: &'static str| {
        (outdated.iter())
            .any(|path| path.extension().is_some_and(|e| e == extension))
            .then_some(option)
    };
    let options: Vec<&str> = [made_with("typ", "--emit-typst"), made_with("png", "--png")]
        .into_iter()
        .flatten()
        .collect();
    format!(
        "advarsel: {} er fra en tidligere kørsel og viser ikke den nye PDF; lav {them} igen med \
         {}, eller slet {them}\n",
        crate::danish::and_list(&names),
        crate::danish::and_list(&options)
    )
}

/// The files one answer gives, not yet written.
struct Produced {
    outputs: Vec<(PathBuf, Vec<u8>)>,
    /// Page images left from an earlier render with more pages, to remove.
    stale: Vec<PathBuf>,
    /// Page images and a Typst source beside the PDF from an earlier render with `--png` or
    /// `--emit-typst`, which this render does not make again: no longer the PDF's.
    outdated: Vec<PathBuf>,
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

    /// Produces the outputs on a thread of its own within `limits`, in the world this thread
    /// typeset in last. After a failure the generated source is written for `--emit-typst`.
    fn run(self, target: &Target, limits: Limits) -> Result<(Produced, crate::Typeset), Error> {
        let generated_source = Arc::clone(&self.generated_source);
        let previous = PREVIOUS.with(|previous| previous.borrow_mut().take());
        run_with_limit(limits, move || self.produce(previous))
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
        let outdated = self.outdated_beside(&typeset, &outputs[0].1);
        let produced = Produced {
            outputs,
            stale,
            outdated,
            rendered: Rendered {
                pages: typeset.page_count(),
                standards: describe(pdf.conformance.standards()),
            },
            undated_fallback: pdf.conformance.is_undated_fallback(),
        };
        Ok((produced, typeset))
    }

    /// The outputs of an earlier render beside the PDF that this one does not make again and
    /// that no longer show it: page images, unless `--png` makes them anew, and a Typst source
    /// other than this answer's, unless `--emit-typst` writes it anew.
    fn outdated_beside(&self, typeset: &crate::Typeset, pdf: &[u8]) -> Vec<PathBuf> {
        let mut outdated = Vec::new();
        let source = self.pdf_path.with_extension("typ");
        if !self.extras.emit_typst
            && std::fs::read(&source).is_ok_and(|bytes| bytes != typeset.typst_source().as_bytes())
        {
            outdated.push(source);
        }
        // Images made with a PDF the same as this one show it still.
        let same_pdf = || std::fs::read(&self.pdf_path).is_ok_and(|bytes| bytes == pdf);
        if !self.extras.png && !same_pdf() {
            outdated.extend(
                (1..)
                    .map(|page| self.page_image(page))
                    .take_while(|path| path.exists()),
            );
        }
        outdated
    }

    /// The image of page `page` (`--png`), named after the PDF: `svar-1.png`.
    fn page_image(&self, page: usize) -> PathBuf {
        let stem = self
            .pdf_path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy();
        self.pdf_path.with_file_name(format!("{stem}-{page}.png"))
    }

    /// The page images (`--png`), named after the PDF (`svar-1.png`, …), and those an earlier
    /// render with more pages left.
    fn page_images(&self, typeset: &crate::Typeset) -> (Vec<(PathBuf, Vec<u8>)>, Vec<PathBuf>) {
        let image = |page: usize| self.page_image(page);
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
