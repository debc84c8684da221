//! Stage three: the embedded Typst compiler turns generated source into pages, PDF and PNG.

use std::fmt;
use std::path::PathBuf;

use typst::diag::{Severity, SourceDiagnostic, Warned};
use typst::foundations::Smart;
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::render::Generated;
use crate::world::AnswerWorld;

/// Resolution of page images: 2 pixels per point, about 144 dpi.
const PNG_PIXELS_PER_POINT: f64 = 2.0;

/// Why Typst could not typeset or export an answer.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.report())]
pub struct CompileError {
    /// Typst's findings, errors first.
    pub diagnostics: Vec<Diagnostic>,
    /// Where the generated source can be read, to name it in the findings that point into it.
    pub generated: GeneratedSource,
}

/// Where the generated Typst source that findings point into can be read. Its name in the
/// compiler (`main.typ`) is svar's own and no file anyone can open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum GeneratedSource {
    /// Only in memory.
    #[default]
    InMemory,
    /// Only in memory, but `--emit-typst` would have written it; the report says so.
    EmitTypstWouldWrite,
    /// Written to this file (`--emit-typst`).
    Written(PathBuf),
}

/// One finding of the compiler, located in the file it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Whether this is an error or only a warning.
    pub is_error: bool,
    /// Where in which file, when the finding points into a file.
    pub position: Option<Position>,
    /// The template file and line that produced the generated source at fault, when the
    /// finding points into the generated source.
    pub template: Option<(String, usize)>,
    /// What Typst says (in English).
    pub message: String,
    /// Typst's hints on how to fix it.
    pub hints: Vec<String>,
}

/// A place in a file Typst read; lines and columns count from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// The template file, or `None` for the generated source.
    pub file: Option<String>,
    /// The line.
    pub line: usize,
    /// The column.
    pub column: usize,
}

impl Diagnostic {
    /// The finding as a line (and its hints), naming the generated source as `generated` says.
    fn describe(&self, generated: &GeneratedSource) -> String {
        let mut text = String::new();
        if let Some(position) = &self.position {
            text.push_str(&position.describe(generated));
            text.push_str(": ");
        }
        if let Some((template, line)) = &self.template {
            text.push_str(&format!("(skabelonen {template}, linje {line}) "));
        }
        let severity = if self.is_error { "fejl" } else { "advarsel" };
        text.push_str(&format!("{severity}: {}", message_in_danish(&self.message)));
        for hint in &self.hints {
            // A hint's own lines (Typst lists observed values so) stay under the hint.
            text.push_str(&format!("\n  tip: {}", hint.replace('\n', "\n    ")));
        }
        text
    }

    /// Whether the finding points into the generated source.
    fn is_in_generated_source(&self) -> bool {
        self.position
            .as_ref()
            .is_some_and(|position| position.file.is_none())
    }
}

impl Position {
    /// "style.typ:12:3", "output/x.typ:13:2", or, for source that was not written, "den
    /// genererede Typst-kilde, linje 13, kolonne 2".
    fn describe(&self, generated: &GeneratedSource) -> String {
        let Position { line, column, .. } = self;
        match (&self.file, generated) {
            (Some(file), _) => format!("{file}:{line}:{column}"),
            (None, GeneratedSource::Written(path)) => {
                format!("{}:{line}:{column}", path.display())
            }
            (None, _) => format!("den genererede Typst-kilde, linje {line}, kolonne {column}"),
        }
    }
}

/// The messages of Typst's a template author meets most, in Danish, with Typst's English in
/// parentheses (the words to search for); other messages stay as Typst wrote them.
fn message_in_danish(message: &str) -> String {
    let danish = if let Some(name) = message.strip_prefix("unknown variable: ") {
        format!("ukendt navn: {name}")
    } else if let Some((expected, found)) = message
        .strip_prefix("expected ")
        .and_then(|rest| rest.split_once(", found "))
    {
        format!("forventede {expected}, men fik {found}")
    } else if let Some(values) = message.strip_prefix("panicked with: ") {
        format!("stoppede med panic: {values}")
    } else if message == "panicked" {
        "stoppede med panic".to_string()
    } else if message == "document did not converge within five attempts" {
        "sideopsætningen faldt ikke til ro efter fem forsøg, så sideskift og henvisninger til \
         sider kan være forkerte; se efter i PDF'en"
            .to_string()
    } else if let Some(family) = message.strip_prefix("unknown font family: ") {
        format!(
            "skrifttypen {family} findes ikke i svar, så Typst bruger en anden; svar har kun sine \
             indbyggede skrifter: {}",
            builtin_font_families()
        )
    } else if let Some(path) = message
        .strip_prefix("file not found (searched at ")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        format!(
            "filen {path} findes ikke; Typst kan kun læse skabelonerne (*.typ) og svarets egne \
             filer"
        )
    } else {
        return message.to_string();
    };
    format!("{danish} ({message})")
}

/// The families of the fonts built into svar, sorted: the only ones a template can name.
fn builtin_font_families() -> String {
    let book = crate::world::builtin_fonts().book();
    let mut families: Vec<&str> = book.families().map(|(family, _)| family).collect();
    families.sort_unstable();
    families.join(", ")
}

impl CompileError {
    fn report(&self) -> String {
        let mut lines: Vec<String> = self
            .diagnostics
            .iter()
            .map(|diagnostic| diagnostic.describe(&self.generated))
            .collect();
        if self.generated == GeneratedSource::EmitTypstWouldWrite
            && self
                .diagnostics
                .iter()
                .any(Diagnostic::is_in_generated_source)
        {
            lines.push(
                "  tip: med --emit-typst skriver svar den genererede Typst-kilde ved siden af \
                 PDF'en, også når Typst fejler"
                    .to_string(),
            );
        }
        format!("Typst kunne ikke sætte dokumentet:\n{}", lines.join("\n"))
    }

    /// This error naming the generated source as `generated` says.
    pub fn with_generated_source(mut self, generated: GeneratedSource) -> Self {
        self.generated = generated;
        self
    }
}

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

/// Typst's findings located, each naming the template line behind it where it points into the
/// generated source.
fn traced(
    world: &AnswerWorld,
    generated: &Generated,
    diagnostics: &[SourceDiagnostic],
) -> Vec<Diagnostic> {
    diagnostics
        .iter()
        .map(|diagnostic| {
            let mut located = locate(world, diagnostic);
            located.template = template_behind(world, generated, &located);
            located
        })
        .collect()
}

/// The template file and line that produced the place in the generated source `diagnostic`
/// points at.
fn template_behind(
    world: &AnswerWorld,
    generated: &Generated,
    diagnostic: &Diagnostic,
) -> Option<(String, usize)> {
    let Some(Position {
        file: None,
        line,
        column,
    }) = &diagnostic.position
    else {
        return None;
    };
    let offset = world
        .main_source()
        .lines()
        .line_column_to_byte(line - 1, column - 1)?;
    let (template, line) = generated.template_position(offset)?;
    Some((world.templates().shown_name(template), line))
}

fn compile_error(world: &AnswerWorld, diagnostics: &[SourceDiagnostic]) -> CompileError {
    CompileError {
        diagnostics: diagnostics
            .iter()
            .map(|diagnostic| locate(world, diagnostic))
            .collect(),
        generated: GeneratedSource::default(),
    }
}

/// Finds the file, line and column a diagnostic points at.
fn locate(world: &AnswerWorld, diagnostic: &SourceDiagnostic) -> Diagnostic {
    let position = diagnostic.span.id().and_then(|id| {
        let source = world.source(id).ok()?;
        let range = world.range(diagnostic.span)?;
        let (line, column) = source.lines().byte_to_line_column(range.start)?;
        let file = (id != world.main()).then(|| {
            world
                .templates()
                .shown_name(id.get().vpath().get_without_slash())
        });
        Some(Position {
            file,
            line: line + 1,
            column: column + 1,
        })
    });
    Diagnostic {
        is_error: diagnostic.severity == Severity::Error,
        position,
        template: None,
        message: diagnostic.message.to_string(),
        hints: diagnostic
            .hints
            .iter()
            .map(|hint| hint.v.to_string())
            .collect(),
    }
}

// PDF standards: what `--pdf-standard` offers, svar's default, and the checks before export.

/// A PDF standard `--pdf-standard` can ask for, named as on the command line.
///
/// The PDF/A levels, PDF/UA-1 and the PDF versions are those Typst can export and check; `none`
/// asks for no standard at all (the PDF is still tagged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Standard {
    /// PDF/UA-1: tilgængelig PDF (ISO 14289-1).
    #[value(name = "ua-1")]
    Ua1,
    /// PDF/A-2b: arkivering, visuelt udseende.
    #[value(name = "a-2b")]
    A2b,
    /// PDF/A-2u: som a-2b, og al tekst kan udtrækkes som Unicode.
    #[value(name = "a-2u")]
    A2u,
    /// PDF/A-2a: som a-2u, og PDF'en er opmærket (tagged).
    #[value(name = "a-2a")]
    A2a,
    /// PDF/A-3b: som a-2b, og tillader vedhæftede filer.
    #[value(name = "a-3b")]
    A3b,
    /// PDF/A-3u: som a-3b, og al tekst kan udtrækkes som Unicode.
    #[value(name = "a-3u")]
    A3u,
    /// PDF/A-3a: som a-3u, og PDF'en er opmærket (tagged).
    #[value(name = "a-3a")]
    A3a,
    /// PDF/A-4 (PDF 2.0).
    #[value(name = "a-4")]
    A4,
    /// PDF/A-4f: PDF/A-4 med vedhæftede filer.
    #[value(name = "a-4f")]
    A4f,
    /// PDF/A-4e: PDF/A-4 til tekniske dokumenter.
    #[value(name = "a-4e")]
    A4e,
    /// PDF-version 1.7.
    #[value(name = "1.7")]
    V1_7,
    /// PDF-version 2.0.
    #[value(name = "2.0")]
    V2_0,
    /// Ingen standard (PDF'en er stadig opmærket).
    #[value(name = "none")]
    NoStandard,
}

impl Standard {
    /// The name `--pdf-standard` takes, e.g. "a-3b".
    pub fn cli_name(self) -> &'static str {
        match self {
            Standard::Ua1 => "ua-1",
            Standard::A2b => "a-2b",
            Standard::A2u => "a-2u",
            Standard::A2a => "a-2a",
            Standard::A3b => "a-3b",
            Standard::A3u => "a-3u",
            Standard::A3a => "a-3a",
            Standard::A4 => "a-4",
            Standard::A4f => "a-4f",
            Standard::A4e => "a-4e",
            Standard::V1_7 => "1.7",
            Standard::V2_0 => "2.0",
            Standard::NoStandard => "none",
        }
    }

    /// The standard's usual name, e.g. "PDF/A-3b".
    pub fn title(self) -> &'static str {
        match self {
            Standard::Ua1 => "PDF/UA-1",
            Standard::A2b => "PDF/A-2b",
            Standard::A2u => "PDF/A-2u",
            Standard::A2a => "PDF/A-2a",
            Standard::A3b => "PDF/A-3b",
            Standard::A3u => "PDF/A-3u",
            Standard::A3a => "PDF/A-3a",
            Standard::A4 => "PDF/A-4",
            Standard::A4f => "PDF/A-4f",
            Standard::A4e => "PDF/A-4e",
            Standard::V1_7 => "PDF 1.7",
            Standard::V2_0 => "PDF 2.0",
            Standard::NoStandard => "ingen standard",
        }
    }

    /// Whether this is a PDF/A level, which needs a document date.
    pub fn is_archival(self) -> bool {
        matches!(
            self,
            Standard::A2b
                | Standard::A2u
                | Standard::A2a
                | Standard::A3b
                | Standard::A3u
                | Standard::A3a
                | Standard::A4
                | Standard::A4f
                | Standard::A4e
        )
    }

    /// Whether the standard permits arbitrary attached files such as the answer's source JSON.
    /// PDF/A-2 and plain PDF/A-4 do not; PDF/A-4f and PDF/A-4e (ISO 19005-4, annexes) do.
    pub fn allows_attachments(self) -> bool {
        !matches!(
            self,
            Standard::A2b | Standard::A2u | Standard::A2a | Standard::A4
        )
    }

    /// The PDF version the standard needs: "2.0" for PDF/A-4, otherwise "1.7" (PDF/UA-1,
    /// PDF/A-2 and PDF/A-3 allow 1.4 to 1.7; svar offers 1.7).
    fn pdf_version(self) -> &'static str {
        match self {
            Standard::A4 | Standard::A4f | Standard::A4e | Standard::V2_0 => "2.0",
            _ => "1.7",
        }
    }

    /// Whether this is a PDF version rather than a PDF/A or PDF/UA standard.
    fn is_version(self) -> bool {
        matches!(self, Standard::V1_7 | Standard::V2_0)
    }

    /// Typst's name for the standard; `None` for `none`.
    fn typst(self) -> Option<PdfStandard> {
        Some(match self {
            Standard::Ua1 => PdfStandard::Ua_1,
            Standard::A2b => PdfStandard::A_2b,
            Standard::A2u => PdfStandard::A_2u,
            Standard::A2a => PdfStandard::A_2a,
            Standard::A3b => PdfStandard::A_3b,
            Standard::A3u => PdfStandard::A_3u,
            Standard::A3a => PdfStandard::A_3a,
            Standard::A4 => PdfStandard::A_4,
            Standard::A4f => PdfStandard::A_4f,
            Standard::A4e => PdfStandard::A_4e,
            Standard::V1_7 => PdfStandard::V_1_7,
            Standard::V2_0 => PdfStandard::V_2_0,
            Standard::NoStandard => return None,
        })
    }
}

impl fmt::Display for Standard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.cli_name())
    }
}

/// The standards svar's PDFs conform to unless told otherwise: PDF/UA-1 for the accessibility
/// law that applies on ft.dk, PDF/A-3b for archiving (A-3 because it allows attached files).
pub const DEFAULT_STANDARDS: [Standard; 2] = [Standard::Ua1, Standard::A3b];

/// What the default falls back to for an answer without a date, which PDF/A requires.
pub const UNDATED_DEFAULT_STANDARDS: [Standard; 1] = [Standard::Ua1];

/// Which standards the PDF must conform to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StandardChoice {
    /// svar's default, [`DEFAULT_STANDARDS`]; for an answer without a date, which PDF/A
    /// needs, [`UNDATED_DEFAULT_STANDARDS`].
    #[default]
    Default,
    /// Exactly these standards, checked to be compatible; empty for no standard.
    Chosen(Vec<Standard>),
}

impl StandardChoice {
    /// The choice `--pdf-standard` values make: the default when there are none, no standard
    /// for `none`, otherwise the given standards, refused if they cannot be combined.
    pub fn from_values(values: &[Standard]) -> Result<Self, StandardError> {
        let mut standards: Vec<Standard> = Vec::new();
        for value in values {
            if !standards.contains(value) {
                standards.push(*value);
            }
        }
        if standards.is_empty() {
            return Ok(StandardChoice::Default);
        }
        if standards.contains(&Standard::NoStandard) {
            if standards.len() == 1 {
                return Ok(StandardChoice::Chosen(Vec::new()));
            }
            return Err(StandardError::NoneWithOthers {
                combination: combination(&standards),
            });
        }
        check_compatible(&standards)?;
        Ok(StandardChoice::Chosen(standards))
    }

    /// The standards an answer's PDF is exported with, given whether the answer has a date.
    ///
    /// The default falls back to PDF/UA-1 alone for an undated answer and says so in the
    /// result; a PDF/A standard chosen explicitly for an undated answer is an error.
    pub fn conformance(&self, dated: bool) -> Result<Conformance, StandardError> {
        let (standards, undated_fallback) = match self {
            StandardChoice::Default if dated => (DEFAULT_STANDARDS.to_vec(), false),
            StandardChoice::Default => (UNDATED_DEFAULT_STANDARDS.to_vec(), true),
            StandardChoice::Chosen(standards) => {
                if !dated && let Some(archival) = standards.iter().find(|s| s.is_archival()) {
                    return Err(StandardError::NeedsDate {
                        standard: *archival,
                    });
                }
                (standards.clone(), false)
            }
        };
        let typst = check_compatible(&standards)?;
        Ok(Conformance {
            standards,
            typst,
            undated_fallback,
        })
    }
}

/// The standards one PDF is exported with, checked to be compatible.
#[derive(Debug, Clone)]
pub struct Conformance {
    standards: Vec<Standard>,
    typst: PdfStandards,
    undated_fallback: bool,
}

impl Conformance {
    /// The standards the PDF conforms to; empty for none.
    pub fn standards(&self) -> &[Standard] {
        &self.standards
    }

    /// Whether the default fell back to PDF/UA-1 alone because the answer has no date.
    pub fn is_undated_fallback(&self) -> bool {
        self.undated_fallback
    }
}

/// How to export a PDF; shared by every command that writes one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The standards the PDF must conform to.
    pub standards: StandardChoice,
}

impl ExportOptions {
    /// Whether the answer's source can be attached to its PDF under the chosen standards.
    pub fn allows_attachments(&self, dated: bool) -> bool {
        self.standards
            .conformance(dated)
            .map(|conformance| {
                conformance
                    .standards()
                    .iter()
                    .all(|s| s.allows_attachments())
            })
            .unwrap_or(false)
    }
}

/// A PDF as exported, with the standards it conforms to.
#[derive(Debug, Clone)]
pub struct ExportedPdf {
    /// The PDF file's bytes.
    pub bytes: Vec<u8>,
    /// The standards Typst checked the PDF against while writing it.
    pub conformance: Conformance,
}

/// Why the PDF standards asked for cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StandardError {
    /// `none` was given together with real standards.
    #[error(
        "PDF-standarden \"none\" (ingen standard) kan ikke kombineres med andre ({combination})"
    )]
    NoneWithOthers {
        /// The values as given, e.g. "none og ua-1".
        combination: String,
    },
    /// The standards cannot hold for one PDF at the same time.
    #[error("PDF-standarderne {combination} kan ikke kombineres: {reason}")]
    Incompatible {
        /// The values as given, e.g. "ua-1 og a-4".
        combination: String,
        /// Why not, and what to choose instead, in Danish.
        reason: String,
    },
    /// A PDF/A standard was asked for, but the answer has no date.
    #[error(
        "{} kræver en dato, men svarfilen har ingen \"date\". Angiv \"date\", eller vælg en standard uden PDF/A (fx --pdf-standard ua-1).",
        standard.title()
    )]
    NeedsDate {
        /// The PDF/A standard asked for.
        standard: Standard,
    },
}

/// "a, b og c" for the standards as given.
fn combination(standards: &[Standard]) -> String {
    let names: Vec<&str> = standards.iter().map(|s| s.cli_name()).collect();
    crate::danish::and_list(&names)
}

/// Checks that `standards` (without `none`) can hold together and returns them in Typst's form.
fn check_compatible(standards: &[Standard]) -> Result<PdfStandards, StandardError> {
    let incompatible = |reason: String| StandardError::Incompatible {
        combination: combination(standards),
        reason,
    };
    let count = |test: fn(Standard) -> bool| standards.iter().filter(|s| test(**s)).count();
    if count(Standard::is_version) > 1 {
        return Err(incompatible("en PDF har kun én PDF-version".into()));
    }
    if count(Standard::is_archival) > 1 {
        return Err(incompatible(
            "en PDF kan kun overholde én PDF/A-standard".into(),
        ));
    }
    if let Some(reason) = version_conflict(standards) {
        return Err(incompatible(reason));
    }
    let typst: Vec<PdfStandard> = standards.iter().filter_map(|s| s.typst()).collect();
    // The checks above cover every conflict Typst knows of; should it find another, its
    // English explanation would not help a clerk, and the combination is named anyway.
    PdfStandards::new(&typst)
        .map_err(|_| incompatible("de passer ikke til samme PDF-version".into()))
}

/// Why standards that need different PDF versions cannot be combined, and what to choose
/// instead, in Danish; `None` when they share a version. PDF/A-4 needs PDF 2.0; PDF/UA-1,
/// PDF/A-2 and PDF/A-3 need PDF 1.7 (or older, which svar does not offer).
fn version_conflict(standards: &[Standard]) -> Option<String> {
    let (new, old): (Vec<Standard>, Vec<Standard>) = standards
        .iter()
        .partition(|standard| standard.pdf_version() == "2.0");
    if new.is_empty() || old.is_empty() {
        return None;
    }
    // Asked for an archival standard at 2.0: keep one at 1.7, the default's PDF/A-3b.
    let mut at_1_7: Vec<Standard> = old.clone();
    if new.iter().any(|s| s.is_archival()) && !old.iter().any(|s| s.is_archival()) {
        at_1_7.push(Standard::A3b);
    }
    let (first, second) = if standards[0].pdf_version() == "2.0" {
        (&new, &old)
    } else {
        (&old, &new)
    };
    Some(format!(
        "{}, men {}. Vælg standarder til én PDF-version, fx --pdf-standard {} (PDF 1.7) \
         eller --pdf-standard {} (PDF 2.0).",
        needs_version(first),
        needs_version(second),
        cli_list(&at_1_7),
        cli_list(&new)
    ))
}

/// "PDF/UA-1 kræver PDF 1.7", or "1.7 vælger PDF 1.7" for a group that is only a version.
fn needs_version(group: &[Standard]) -> String {
    let version = group[0].pdf_version();
    let standards: Vec<&str> = group
        .iter()
        .filter(|s| !s.is_version())
        .map(|s| s.title())
        .collect();
    if standards.is_empty() {
        format!("{} vælger PDF {version}", cli_list(group))
    } else {
        format!(
            "{} kræver PDF {version}",
            crate::danish::and_list(&standards)
        )
    }
}

/// The standards as `--pdf-standard` takes them: "ua-1,a-3b".
fn cli_list(standards: &[Standard]) -> String {
    let names: Vec<&str> = standards.iter().map(|s| s.cli_name()).collect();
    names.join(",")
}

#[cfg(test)]
mod standard_tests {
    use clap::ValueEnum;

    use super::*;

    #[test]
    fn the_default_is_ua_1_with_a_3b_and_ua_1_alone_without_a_date() {
        let choice = StandardChoice::from_values(&[]).unwrap();
        assert_eq!(choice, StandardChoice::Default);
        let dated = choice.conformance(true).unwrap();
        assert_eq!(dated.standards(), [Standard::Ua1, Standard::A3b]);
        assert!(!dated.is_undated_fallback());
        let undated = choice.conformance(false).unwrap();
        assert_eq!(undated.standards(), [Standard::Ua1]);
        assert!(undated.is_undated_fallback());
    }

    #[test]
    fn none_means_no_standard_and_repeats_count_once() {
        let none = StandardChoice::from_values(&[Standard::NoStandard]).unwrap();
        assert!(none.conformance(false).unwrap().standards().is_empty());
        let repeated = StandardChoice::from_values(&[Standard::Ua1, Standard::A2b, Standard::Ua1]);
        assert_eq!(
            repeated.unwrap(),
            StandardChoice::Chosen(vec![Standard::Ua1, Standard::A2b])
        );
    }

    #[test]
    fn pdf_a_without_a_date_and_impossible_combinations_are_refused() {
        let chosen = StandardChoice::from_values(&[Standard::Ua1, Standard::A2b]).unwrap();
        assert_eq!(
            chosen.conformance(false).unwrap_err(),
            StandardError::NeedsDate {
                standard: Standard::A2b
            }
        );
        for values in [
            [Standard::Ua1, Standard::A4],
            [Standard::V2_0, Standard::Ua1],
            [Standard::A2b, Standard::A3b],
            [Standard::V1_7, Standard::V2_0],
        ] {
            let error = StandardChoice::from_values(&values).unwrap_err();
            assert!(
                matches!(error, StandardError::Incompatible { .. }),
                "{values:?}: {error}"
            );
        }
        assert!(matches!(
            StandardChoice::from_values(&[Standard::NoStandard, Standard::Ua1]),
            Err(StandardError::NoneWithOthers { .. })
        ));
    }

    #[test]
    fn standards_for_different_pdf_versions_are_refused_with_what_to_choose_instead() {
        let refusal =
            |values: &[Standard]| StandardChoice::from_values(values).unwrap_err().to_string();
        assert_eq!(
            refusal(&[Standard::Ua1, Standard::A4f]),
            "PDF-standarderne ua-1 og a-4f kan ikke kombineres: PDF/UA-1 kræver PDF 1.7, men \
             PDF/A-4f kræver PDF 2.0. Vælg standarder til én PDF-version, fx --pdf-standard \
             ua-1,a-3b (PDF 1.7) eller --pdf-standard a-4f (PDF 2.0)."
        );
        assert_eq!(
            refusal(&[Standard::V2_0, Standard::A2b]),
            "PDF-standarderne 2.0 og a-2b kan ikke kombineres: 2.0 vælger PDF 2.0, men PDF/A-2b \
             kræver PDF 1.7. Vælg standarder til én PDF-version, fx --pdf-standard a-2b (PDF \
             1.7) eller --pdf-standard 2.0 (PDF 2.0)."
        );
        // Every combination Typst refuses is refused in Danish before Typst is asked.
        let all = Standard::value_variants()
            .iter()
            .filter(|s| **s != Standard::NoStandard);
        for first in all.clone() {
            for second in all.clone() {
                let pair = [*first, *second];
                let typst: Vec<PdfStandard> = pair.iter().filter_map(|s| s.typst()).collect();
                if first != second && PdfStandards::new(&typst).is_err() {
                    let reason = refusal(&pair);
                    assert!(!reason.contains("samme PDF-version"), "{reason}");
                }
            }
        }
    }

    #[test]
    fn common_typst_messages_are_told_in_danish_with_the_english_kept() {
        assert_eq!(
            message_in_danish("unknown variable: letterhead"),
            "ukendt navn: letterhead (unknown variable: letterhead)"
        );
        assert_eq!(
            message_in_danish("expected content, found integer"),
            "forventede content, men fik integer (expected content, found integer)"
        );
        assert_eq!(
            message_in_danish("panicked with: intet logo"),
            "stoppede med panic: intet logo (panicked with: intet logo)"
        );
        assert_eq!(
            message_in_danish("file not found (searched at /logo.png)"),
            "filen /logo.png findes ikke; Typst kan kun læse skabelonerne (*.typ) og svarets \
             egne filer (file not found (searched at /logo.png))"
        );
        assert_eq!(
            message_in_danish("unclosed delimiter"),
            "unclosed delimiter"
        );
    }

    #[test]
    fn the_generated_source_is_named_as_the_user_can_find_it() {
        let diagnostic = Diagnostic {
            is_error: true,
            position: Some(Position {
                file: None,
                line: 13,
                column: 2,
            }),
            template: Some(("answer.typ".into(), 17)),
            message: "unknown variable: letterhead".into(),
            hints: Vec::new(),
        };
        let error = |generated| CompileError {
            diagnostics: vec![diagnostic.clone()],
            generated,
        };
        assert_eq!(
            error(GeneratedSource::Written("ud/svar.typ".into())).to_string(),
            "Typst kunne ikke sætte dokumentet:\nud/svar.typ:13:2: (skabelonen answer.typ, linje \
             17) fejl: ukendt navn: letterhead (unknown variable: letterhead)"
        );
        assert_eq!(
            error(GeneratedSource::InMemory).to_string(),
            "Typst kunne ikke sætte dokumentet:\nden genererede Typst-kilde, linje 13, kolonne 2: \
             (skabelonen answer.typ, linje 17) fejl: ukendt navn: letterhead (unknown variable: \
             letterhead)"
        );
        assert!(
            error(GeneratedSource::EmitTypstWouldWrite)
                .to_string()
                .ends_with(
                    "\n  tip: med --emit-typst skriver svar den genererede Typst-kilde ved \
                            siden af PDF'en, også når Typst fejler"
                )
        );
    }
}
