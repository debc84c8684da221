//! Stage three: the embedded Typst compiler turns generated source into pages, PDF and PNG.

use typst::diag::Warned;
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::render::Generated;
use crate::world::AnswerWorld;

mod diagnostic;
mod standard;

pub use diagnostic::{CompileError, Diagnostic, GeneratedSource, Position};
use diagnostic::{compile_error, traced};
pub use standard::{
    Conformance, DEFAULT_STANDARDS, ExportOptions, ExportedPdf, Standard, StandardChoice,
    StandardError, UNDATED_DEFAULT_STANDARDS, undated_notice,
};

/// Resolution of page images: 2 pixels per point, about 144 dpi.
const PNG_PIXELS_PER_POINT: f64 = 2.0;

/// Pages Typst typeset, and what it warned about on the way.
pub struct Compiled {
    /// The pages.
    pub document: PagedDocument,
    /// Typst's warnings, each located like an error: layout that did not settle (page breaks
    /// may be wrong) or, with own templates, a font svar does not have.
    pub warnings: Vec<Diagnostic>,
}

/// Typesets the answer in `world` into pages.
pub fn compile(world: &AnswerWorld, generated: &Generated) -> Result<Compiled, CompileError> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    let document = output.map_err(|errors| CompileError {
        diagnostics: traced(world, generated, &errors),
        generated: GeneratedSource::default(),
    })?;
    let warnings = traced(world, generated, &warnings);
    Ok(Compiled { document, warnings })
}

/// Typst's warnings about an answer, one per line (with their hints), naming the generated
/// source as `generated` says.
pub fn warnings_report(warnings: &[Diagnostic], generated: &GeneratedSource) -> String {
    warnings
        .iter()
        .map(|warning| warning.describe(generated))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Exports pages as a tagged PDF conforming to `conformance`; equal pages give equal bytes.
pub fn export_pdf(
    world: &AnswerWorld,
    document: &PagedDocument,
    conformance: &Conformance,
) -> Result<Vec<u8>, CompileError> {
    let options = PdfOptions {
        creator: Smart::Custom(Some(format!("svar {}", env!("CARGO_PKG_VERSION")))),
        standards: conformance.typst.clone(),
        // Tagged even without PDF/UA: ft.dk must publish accessible PDFs whatever the standard.
        tagged: true,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| compile_error(world, &errors))
}

/// Renders every page as a PNG image.
pub fn export_pngs(document: &PagedDocument) -> Vec<Vec<u8>> {
    document
        .pages()
        .iter()
        .map(|page| {
            render_page(page, PNG_PIXELS_PER_POINT)
                .encode_png()
                .expect("encoding an in-memory pixmap as PNG cannot fail")
        })
        .collect()
}

/// Renders one page as pixels, `pixels_per_point` pixels per typographic point.
pub fn render_page(page: &typst_layout::Page, pixels_per_point: f64) -> tiny_skia::Pixmap {
    let options = typst_render::RenderOptions {
        pixel_per_pt: pixels_per_point.into(),
        render_bleed: false,
    };
    typst_render::render(page, &options)
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
