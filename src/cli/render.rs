//! `svar render`: answer files in, PDFs out.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::output::write_atomically;
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
}

/// Renders every file, reports each failure and goes on; fails if any file failed.
pub fn run(args: &RenderArgs) -> ExitCode {
    let templates = TemplateSet::builtin();
    let mut failed = 0;
    for file in &args.files {
        let pdf_path = pdf_path(args, file);
        match render_file(file, &pdf_path, args, &templates) {
            Ok(pages) => println!(
                "{} → {} ({pages} sider)",
                file.display(),
                pdf_path.display()
            ),
            Err(error) => {
                failed += 1;
                eprintln!("fejl: {error}");
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

/// Renders one answer, producing every output in memory before writing any of them.
fn render_file(
    file: &Path,
    pdf_path: &Path,
    args: &RenderArgs,
    templates: &TemplateSet,
) -> Result<usize, Error> {
    let answer = input::load(file)?;
    let typeset = typeset(&answer, templates)?;
    let mut outputs = vec![(pdf_path.to_path_buf(), typeset.pdf()?)];
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
    Ok(typeset.page_count())
}
