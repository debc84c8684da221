//! Stage three: the embedded Typst compiler turns generated source into pages, PDF and PNG.

use std::fmt;

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::Smart;
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::world::AnswerWorld;

/// Resolution of page images: 2 pixels per point, about 144 dpi.
const PNG_PIXELS_PER_POINT: f64 = 2.0;

/// Why Typst could not typeset or export an answer.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.report())]
pub struct CompileError {
    /// Typst's findings, errors first.
    pub diagnostics: Vec<Diagnostic>,
}

/// One finding of the compiler, located in the file it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Whether this is an error or only a warning.
    pub is_error: bool,
    /// The file, line and column (1-based), when the finding points into a file.
    pub location: Option<(String, usize, usize)>,
    /// What Typst says.
    pub message: String,
    /// Typst's hints on how to fix it.
    pub hints: Vec<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((file, line, column)) = &self.location {
            write!(f, "{file}:{line}:{column}: ")?;
        }
        write!(
            f,
            "{}: {}",
            if self.is_error { "fejl" } else { "advarsel" },
            self.message
        )?;
        for hint in &self.hints {
            write!(f, "\n  tip: {hint}")?;
        }
        Ok(())
    }
}

impl CompileError {
    fn report(&self) -> String {
        let lines: Vec<String> = self.diagnostics.iter().map(ToString::to_string).collect();
        format!("Typst kunne ikke sætte dokumentet:\n{}", lines.join("\n"))
    }
}

/// Typesets the answer in `world` into pages.
pub fn compile(world: &AnswerWorld) -> Result<PagedDocument, CompileError> {
    typst::compile::<PagedDocument>(world)
        .output
        .map_err(|errors| compile_error(world, &errors))
}

/// Exports pages as a tagged PDF; equal pages give equal bytes.
pub fn export_pdf(world: &AnswerWorld, document: &PagedDocument) -> Result<Vec<u8>, CompileError> {
    let options = PdfOptions {
        creator: Smart::Custom(Some(format!("svar {}", env!("CARGO_PKG_VERSION")))),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| compile_error(world, &errors))
}

/// Renders every page as a PNG image.
pub fn export_pngs(document: &PagedDocument) -> Vec<Vec<u8>> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: PNG_PIXELS_PER_POINT.into(),
        render_bleed: false,
    };
    document
        .pages()
        .iter()
        .map(|page| {
            typst_render::render(page, &options)
                .encode_png()
                .expect("encoding an in-memory pixmap as PNG cannot fail")
        })
        .collect()
}

/// The text set on the pages, in layout order, each text run followed by a space.
///
/// For checking what was typeset without exporting and parsing a PDF.
pub fn typeset_text(document: &PagedDocument) -> String {
    let mut text = String::new();
    for page in document.pages() {
        collect_text(&page.frame, &mut text);
    }
    text
}

fn collect_text(frame: &typst::layout::Frame, text: &mut String) {
    for (_, item) in frame.items() {
        match item {
            typst::layout::FrameItem::Group(group) => collect_text(&group.frame, text),
            typst::layout::FrameItem::Text(run) => {
                text.push_str(&run.text);
                text.push(' ');
            }
            _ => {}
        }
    }
}

fn compile_error(world: &AnswerWorld, diagnostics: &[SourceDiagnostic]) -> CompileError {
    CompileError {
        diagnostics: diagnostics
            .iter()
            .map(|diagnostic| locate(world, diagnostic))
            .collect(),
    }
}

/// Finds the file, line and column a diagnostic points at.
fn locate(world: &AnswerWorld, diagnostic: &SourceDiagnostic) -> Diagnostic {
    let location = diagnostic.span.id().and_then(|id| {
        let source = world.source(id).ok()?;
        let range = world.range(diagnostic.span)?;
        let (line, column) = source.lines().byte_to_line_column(range.start)?;
        let file = id.get().vpath().get_without_slash().to_string();
        Some((file, line + 1, column + 1))
    });
    Diagnostic {
        is_error: diagnostic.severity == Severity::Error,
        location,
        message: diagnostic.message.to_string(),
        hints: diagnostic
            .hints
            .iter()
            .map(|hint| hint.v.to_string())
            .collect(),
    }
}
