//! `svar render`: answer files in, PDFs out.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::output::write_atomically;
use crate::pdf::{ExportOptions, Standard, StandardChoice, StandardError};
use crate::render::TemplateSet;
use crate::{Error, input, typeset};

/// The folder PDFs go to unless `-o` says otherwise.
const DEFAULT_OUTPUT_FOLDER: &str = "output";

/// Arguments of `svar render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Svarfilerne (JSON), der skal sættes.
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
}

impl RenderArgs {
    /// The export options the arguments ask for; refused if the standards cannot be combined.
    pub fn export_options(&self) -> Result<ExportOptions, StandardError> {
        Ok(ExportOptions {
            standards: StandardChoice::from_values(&self.pdf_standard)?,
        })
    }
}

/// Renders every file, reports each failure and goes on; fails if any file failed.
pub fn run(args: &RenderArgs) -> ExitCode {
    let options = match args.export_options() {
        Ok(options) => options,
        Err(error) => {
            eprintln!("fejl: {error}");
            return ExitCode::FAILURE;
        }
    };
    let templates = TemplateSet::builtin();
    let mut failed = 0;
    for file in &args.files {
        let pdf_path = pdf_path(args, file);
        match render_file(file, &pdf_path, args, &options, &templates) {
            Ok(rendered) => println!(
                "{} → {} ({}), {}",
                file.display(),
                pdf_path.display(),
                pages(rendered.pages),
                rendered.standards
            ),
            Err(error) => {
                failed += 1;
                report_failure(file, &error);
            }
        }
    }
    if args.files.len() > 1 {
        println!(
            "{} af {} svar sat; {failed} fejlede.",
            args.files.len() - failed,
            args.files.len()
        );
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// "1 side", "4 sider".
fn pages(count: usize) -> String {
    if count == 1 {
        "1 side".to_string()
    } else {
        format!("{count} sider")
    }
}

/// Prints why `file` failed: a located report for mistakes in the file, otherwise one line
/// naming the file.
fn report_failure(file: &Path, error: &Error) {
    match error {
        Error::Load(input::LoadError::Invalid { report }) => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            eprint!("{}", report.to_text(color));
        }
        Error::Load(read_error) => eprintln!("fejl: {read_error}"),
        other => eprintln!("fejl: {}: {other}", file.display()),
    }
}

/// Where the PDF of `file` goes.
fn pdf_path(args: &RenderArgs, file: &Path) -> PathBuf {
    let name = Path::new(file.file_name().unwrap_or(file.as_os_str())).with_extension("pdf");
    match &args.output {
        Some(path) if args.files.len() == 1 && path.extension().is_some_and(|e| e == "pdf") => {
            path.clone()
        }
        Some(folder) => folder.join(name),
        None => Path::new(DEFAULT_OUTPUT_FOLDER).join(name),
    }
}

/// What rendering one answer gave, for the progress line.
struct Rendered {
    /// The number of pages.
    pages: usize,
    /// The standards the PDF conforms to, e.g. "PDF/UA-1 + PDF/A-3b".
    standards: String,
}

/// Renders one answer, producing every output in memory before writing any of them.
fn render_file(
    file: &Path,
    pdf_path: &Path,
    args: &RenderArgs,
    options: &ExportOptions,
    templates: &TemplateSet,
) -> Result<Rendered, Error> {
    let loaded = input::load(file)?;
    if !loaded.report.findings.is_empty() {
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        eprint!("{}", loaded.report.to_text(color));
    }
    let typeset = typeset(&loaded.answer, templates)?;
    let pdf = typeset.pdf(options)?;
    if pdf.conformance.is_undated_fallback() {
        eprintln!(
            "advarsel: {} har ingen dato; PDF/A kræver en dato, så PDF'en overholder kun PDF/UA-1. \
             Angiv \"date\" for at få PDF/A-3b.",
            file.display()
        );
    }
    let standards = describe(pdf.conformance.standards());
    let mut outputs = vec![(pdf_path.to_path_buf(), pdf.bytes)];
    if args.emit_typst {
        outputs.push((
            pdf_path.with_extension("typ"),
            typeset.typst_source().as_bytes().to_vec(),
        ));
    }
    if args.png {
        let stem = pdf_path.file_stem().unwrap_or_default().to_string_lossy();
        for (index, png) in typeset.pngs().into_iter().enumerate() {
            outputs.push((
                pdf_path.with_file_name(format!("{stem}-{}.png", index + 1)),
                png,
            ));
        }
    }
    for (path, bytes) in &outputs {
        write_atomically(path, bytes).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
    }
    Ok(Rendered {
        pages: typeset.page_count(),
        standards,
    })
}

/// "PDF/UA-1 + PDF/A-3b", or "ingen PDF-standard".
fn describe(standards: &[Standard]) -> String {
    if standards.is_empty() {
        return "ingen PDF-standard".to_string();
    }
    let titles: Vec<&str> = standards.iter().map(|standard| standard.title()).collect();
    titles.join(" + ")
}
