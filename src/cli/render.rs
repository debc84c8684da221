//! `svar render`: answer files in, PDFs out.

use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use super::CliError;
use super::job::{
    Extras, RenderSettings, Target, default_pdf_path, load_templates, pages, pdf_name, render_file,
    report_failure,
};
use crate::limit::TimeLimit;
use crate::output::{Inputs, check_output_path, check_pdf_path, is_pdf_name};
use crate::pdf::{GeneratedSource, Standard};
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
    super::out::report_only();
    let batch = match Batch::prepare(args) {
        Ok(batch) => batch,
        Err(error) => {
            super::error::report(&error);
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

/// Where the PDF of `file` goes, given `-o` as `output`: that PDF, or that folder.
fn pdf_path(output: Option<&Path>, file: &Path) -> PathBuf {
    match output {
        Some(path) if is_pdf_name(path) => path.to_path_buf(),
        Some(folder) => folder.join(pdf_name(file)),
        None => default_pdf_path(file),
    }
}
