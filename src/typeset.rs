//! The pipeline from a checked answer to typeset pages: the templates generate Typst markup
//! ([`render`]), the Typst sandbox ([`crate::world`]) serves it with the files it reads, and
//! [`pdf`] compiles it; a [`Typeset`] then exports the PDF, its text or page images. Apart from
//! the crate root, so that `lib.rs` is only the index of the stages.

use typst::foundations::Smart;
use typst::model::Document;
use typst_layout::PagedDocument;

use crate::model::Answer;
use crate::render::TemplateSet;
use crate::world::AnswerWorld;
use crate::{input, limit, page_breaks, pdf, render};

/// Anything that can stop an answer from becoming a PDF.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The answer file could not be read or does not fit the format.
    #[error(transparent)]
    Load(#[from] input::LoadError),
    /// A template failed.
    #[error(transparent)]
    Render(#[from] render::RenderError),
    /// Typst failed on the generated source.
    #[error(transparent)]
    Compile(#[from] pdf::CompileError),
    /// The PDF standards asked for cannot be met for this answer.
    #[error(transparent)]
    Standard(#[from] pdf::StandardError),
    /// Typesetting ran over its time limit or crashed.
    #[error(transparent)]
    Limit(#[from] limit::LimitError),
}

impl Error {
    /// This error naming the generated Typst source as `generated` says, where Typst's
    /// findings point into it (for `--emit-typst`, the file it was written to).
    pub fn with_generated_source(self, generated: pdf::GeneratedSource) -> Self {
        match self {
            Error::Compile(error) => Error::Compile(error.with_generated_source(generated)),
            other => other,
        }
    }
}

/// An answer typeset by Typst, ready to export.
pub struct Typeset {
    world: AnswerWorld,
    document: PagedDocument,
    warnings: Vec<pdf::Diagnostic>,
}

impl Typeset {
    /// What Typst warned about while typesetting: the PDF was made, but may need a look.
    pub fn warnings(&self) -> &[pdf::Diagnostic] {
        &self.warnings
    }

    /// The Typst source the templates generated.
    pub fn typst_source(&self) -> &str {
        self.world.main_source().text()
    }

    /// The number of pages.
    pub fn page_count(&self) -> usize {
        self.document.pages().len()
    }

    /// Whether the answer has a date, which every PDF/A standard needs.
    pub fn is_dated(&self) -> bool {
        matches!(self.document.info().date, Smart::Custom(Some(_)))
    }

    /// The PDF, conforming to the standards `options` asks for (see [`pdf::StandardChoice`]).
    pub fn pdf(&self, options: &pdf::ExportOptions) -> Result<pdf::ExportedPdf, Error> {
        let conformance = options.standards.conformance(self.is_dated())?;
        let bytes = pdf::export_pdf(&self.world, &self.document, &conformance)?;
        Ok(pdf::ExportedPdf { bytes, conformance })
    }

    /// The text on the pages, in layout order, runs separated by spaces.
    pub fn text(&self) -> String {
        pdf::typeset_text(&self.document)
    }

    /// One PNG image per page.
    pub fn pngs(&self) -> Vec<Vec<u8>> {
        pdf::export_pngs(&self.document)
    }

    /// Page `index` (counted from 0) rendered as pixels, `pixels_per_point` pixels per
    /// typographic point; `None` past the last page.
    pub fn page_pixmap(&self, index: usize, pixels_per_point: f64) -> Option<tiny_skia::Pixmap> {
        let page = self.document.pages().get(index)?;
        Some(pdf::render_page(page, pixels_per_point))
    }
}

/// Turns an answer into typeset pages with the given templates, its source JSON attached.
pub fn typeset(answer: &Answer, templates: &TemplateSet) -> Result<Typeset, Error> {
    typeset_with(answer, templates, true)
}

/// Turns an answer into typeset pages; `attach_source` attaches the answer's JSON (and the
/// svar version), and its ministry's profile and logo, to the PDF, so any svar PDF can be
/// compared later without its JSON file or the folder it was made in. Standards such as
/// PDF/A-2 forbid attachments.
fn typeset_with(
    answer: &Answer,
    templates: &TemplateSet,
    attach_source: bool,
) -> Result<Typeset, Error> {
    let generated = render::typst_source(answer, templates, attach_source)?;
    typeset_generated(&generated, templates, answer, None)
}

/// Compiles source generated for `answer` from `templates`, in the world of `previous` if
/// given, reusing the work done for it where nothing changed, or else in a fresh world.
///
/// Apart from [`render::typst_source`], so that a caller holds the source even when Typst
/// fails on it (`--emit-typst` writes it then too).
pub fn typeset_generated(
    generated: &render::Generated,
    templates: &TemplateSet,
    answer: &Answer,
    previous: Option<Typeset>,
) -> Result<Typeset, Error> {
    let mut world = match previous {
        Some(previous) => {
            let mut world = previous.world;
            world.update(&generated.source, templates, answer.date);
            world
        }
        None => AnswerWorld::new(generated.source.clone(), templates, answer.date),
    };
    serve_files(&mut world, answer, generated);
    let mut compiled = pdf::compile(&world, generated)?;
    let mut broken: Option<render::Generated> = None;
    for _ in 0..page_breaks::MOST_ROUNDS {
        let current = broken.as_ref().unwrap_or(generated);
        let offsets = page_breaks::needed(&compiled.document, &current.source);
        if offsets.is_empty() {
            break;
        }
        let next = current.with_inserted(&offsets, page_breaks::BREAK);
        world.replace_source(&next.source);
        compiled = pdf::compile(&world, &next)?;
        broken = Some(next);
    }
    let pdf::Compiled { document, warnings } = compiled;
    Ok(Typeset {
        world,
        document,
        warnings,
    })
}

/// Serves what the generated source reads besides the templates: the logo of the answer's
/// ministry profile, if it has one, its figures' images, whether or not they are attached (a
/// redline and a PDF/A-2 attach none), and the files it attaches.
fn serve_files(world: &mut AnswerWorld, answer: &Answer, generated: &render::Generated) {
    crate::validate::walk_answer(answer, &mut |block, _| {
        if let crate::model::Block::Figure(figure) = block {
            world.serve(&figure.virtual_path(), figure.bytes.clone());
        }
    });
    let logo = answer
        .ministry
        .letterhead
        .as_ref()
        .and_then(|l| l.logo.as_ref());
    if let Some(logo) = logo {
        world.serve(&logo.virtual_path(), logo.bytes.clone());
    }
    for file in &generated.attachments {
        world.serve(&format!("/{}", file.name), file.bytes.clone());
    }
}

/// Typesets a changed answer, reusing the work done for `previous` where nothing changed (for
/// `svar watch`: the generated source is edited in place, so unchanged parts keep their
/// identity in Typst's caches).
pub fn retypeset(
    previous: Typeset,
    answer: &Answer,
    templates: &TemplateSet,
    attach_source: bool,
) -> Result<Typeset, Error> {
    let generated = render::typst_source(answer, templates, attach_source)?;
    typeset_generated(&generated, templates, answer, Some(previous))
}
