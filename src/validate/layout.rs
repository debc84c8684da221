//! What would not fit the page: a word wider than its line, a table with more columns than the
//! page has room for, a figure or word wider than its table column. Typst sets these past the
//! margin or over their neighbours without a word, so they are found here, before typesetting.
//!
//! The measures are those of the built-in `style.typ`: A4 with 2.5 cm margins, 11 pt body text,
//! tables at 10 pt with figure columns of at least 3.4 em beside a row-label column that takes
//! the rest, or standing alone at the left margin in a table without row labels. A figure
//! column is widened to its widest figure, and where the page has room to keep a gutter before
//! it ([`figure_columns`]), so the page and this check agree on the widths.
//! Text is measured with the body font's own advance widths, without kerning (which only ever
//! narrows it). An own `style.typ` with other measures gets the estimates of the built-in one.

use std::sync::OnceLock;

use typst::layout::Abs;
use typst::text::{FontInstance, FontStretch, FontStyle, FontVariant, FontVariations, FontWeight};

use super::Problem;
use super::tables::{is_exact, row_path, rows_and_total};
use crate::escape::printed_line;
use crate::json_path::JsonPath;
use crate::model::{Answer, Block, Cell, Illustration, Markup, Panel, Table};

/// Points per millimetre.
const MM: f64 = 72.0 / 25.4;
/// The text width of a portrait A4 page with 2.5 cm margins.
const PORTRAIT: f64 = 160.0 * MM;
/// The text width of a landscape A4 page with 2.5 cm margins.
const LANDSCAPE: f64 = 247.0 * MM;
const BODY_SIZE: f64 = 11.0;
const TABLE_SIZE: f64 = 10.0;
const NOTE_SIZE: f64 = 9.0;
const ENCLOSURE_HEADING_SIZE: f64 = 13.0;
/// The question's and a statement's indent: 1.8 em of body text.
const QUOTE_INDENT: f64 = 1.8 * BODY_SIZE;
/// A list item's indent: 0.4 em, the dash, 0.6 em.
const LIST_INDENT: f64 = (0.4 + 0.5 + 0.6) * BODY_SIZE;
/// The least width of a figure column.
const FIGURE_COLUMN: f64 = 3.4 * TABLE_SIZE;
/// The space a cell keeps on each side of its text.
const CELL_INSET: f64 = 0.35 * TABLE_SIZE;
/// The least a right-aligned figure must stay apart from the figure to its left: a word space.
/// A wider figure may use its own insets and its neighbour's; then the two run together.
const FIGURE_GAP: f64 = 0.25 * TABLE_SIZE;
/// The least a column of row labels needs beside the figures, for short labels such as "I alt"
/// or "Andel"; longer words are checked against what the column gets.
const LABEL_COLUMN: f64 = 5.0 * TABLE_SIZE;
/// The ministry's name at the top of page 1.
const MINISTRY_SIZE: f64 = 16.0;
/// The most of the page's width the letterhead's metadata column takes.
const METADATA_SHARE: f64 = 0.55;
/// Between the metadata's labels and values: 0.8 em of small text.
const METADATA_GUTTER: f64 = 0.8 * NOTE_SIZE;
/// Between the ministry's name and the metadata column: 2 em of body text.
const LETTERHEAD_GUTTER: f64 = 2.0 * BODY_SIZE;
/// No glyph of the body font is wider than this many em (Ⅷ in bold is 1.585 em), so a word
/// with too few characters to reach its line's width even at this width need not be measured.
const WIDEST_GLYPH: f64 = 1.6;

/// Warns about words wider than their lines and figures wider than their columns, and refuses
/// tables with more columns than the page has room for.
pub(super) fn check_layout(answer: &Answer, problems: &mut Vec<Problem>) {
    let root = JsonPath::root();
    let mut layout = Layout {
        markdown: answer.markup == Markup::Markdown,
        problems,
    };
    let body = |width| Type::regular(BODY_SIZE).on(width);
    for (path, text) in super::question_texts(answer) {
        layout.prose(text, &path, body(PORTRAIT - QUOTE_INDENT));
    }
    for (label, text) in &answer.footnotes {
        layout.prose(text, &root.key("footnotes").key(label), body(PORTRAIT));
    }
    let signature = root.key("signature");
    for (field, name) in [
        ("minister", &answer.signature.minister),
        ("official", &answer.signature.official),
    ] {
        if let Some(name) = name {
            layout.literal(name, &signature.key(field), body(PORTRAIT));
        }
    }
    layout.letterhead(answer);
    let blocks = root.key("answer").key("blocks");
    layout.blocks(&answer.answer.blocks, &blocks, Area::page(false));
    for (index, enclosure) in answer.enclosures.iter().enumerate() {
        let path = root.key("enclosures").index(index);
        let page = Area::enclosure(index + 1, enclosure.landscape);
        let heading = Type::bold(ENCLOSURE_HEADING_SIZE).on(page.width);
        layout.literal(&enclosure.title, &path.key("title"), heading);
        layout.blocks(&enclosure.blocks, &path.key("blocks"), page);
    }
}

/// The room a block is set in: the page's text width less the indents around it. Rendering
/// gives a table's figure columns the room of its place too, so that they are as wide as the
/// check measured them (see [`figure_columns`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Area {
    width: f64,
    landscape: bool,
    /// The number of the enclosure (bilag) the area is in, counted from 1; none in the answer.
    enclosure: Option<usize>,
}

impl Area {
    /// The page's whole text width, portrait or landscape.
    pub(crate) fn page(landscape: bool) -> Self {
        Self {
            width: if landscape { LANDSCAPE } else { PORTRAIT },
            landscape,
            enclosure: None,
        }
    }

    /// The page of enclosure `number` (from 1).
    fn enclosure(number: usize, landscape: bool) -> Self {
        Self {
            enclosure: Some(number),
            ..Self::page(landscape)
        }
    }

    /// How to give a table in this portrait area landscape pages: put it in an enclosure that
    /// has them, or, in an enclosure already, give that one them.
    fn landscape_advice(&self) -> String {
        match self.enclosure {
            Some(number) => format!("giv bilag {number} liggende sider (\"landscape\": true)"),
            None => "sæt tabellen i et bilag med liggende sider (\"landscape\": true)".to_string(),
        }
    }

    /// Where a table in this portrait area would have landscape pages, after a count of
    /// columns: "på liggende sider i et bilag med …", or "i bilag 1 med …".
    fn landscape_place(&self) -> String {
        match self.enclosure {
            Some(number) => format!("i bilag {number} med \"landscape\": true"),
            None => "på liggende sider i et bilag med \"landscape\": true".to_string(),
        }
    }

    /// The width this portrait area would have on landscape pages: in its enclosure, with its
    /// indents; moved into an enclosure of its own, the page's whole width.
    fn landscape_width(&self) -> f64 {
        match self.enclosure {
            Some(_) => self.width - PORTRAIT + LANDSCAPE,
            None => LANDSCAPE,
        }
    }

    /// The room inside a statement set in this area, indented as `style.typ` indents it.
    pub(crate) fn quoted(self) -> Self {
        Self {
            width: self.width - QUOTE_INDENT,
            ..self
        }
    }
}

/// The type a text is set in.
#[derive(Debug, Clone, Copy)]
struct Type {
    size: f64,
    bold: bool,
}

impl Type {
    fn regular(size: f64) -> Self {
        Self { size, bold: false }
    }

    fn bold(size: f64) -> Self {
        Self { size, bold: true }
    }

    /// A line `width` points wide set in this type.
    fn on(self, width: f64) -> Line {
        Line {
            width,
            set_in: self,
        }
    }

    /// The width of `text` set in this type, in points.
    fn width(self, text: &str) -> f64 {
        let font = body_font();
        let face = if self.bold { &font.bold } else { &font.regular };
        text.chars().map(|c| advance(face, c)).sum::<f64>() * self.size
    }
}

/// A line of a given width in a given type.
#[derive(Debug, Clone, Copy)]
struct Line {
    width: f64,
    set_in: Type,
}

impl Line {
    /// The words of `text` with a stretch wider than the line.
    fn overflows(self, text: &str) -> impl Iterator<Item = &str> {
        // Nearly every text has only short words; counting bytes between ASCII spaces (which
        // bounds the characters of a word) rules that out without decoding or measuring.
        let longest = self.width / (WIDEST_GLYPH * self.set_in.size);
        let has_long_run = text
            .as_bytes()
            .split(u8::is_ascii_whitespace)
            .any(|run| run.len() as f64 > longest);
        let candidates = has_long_run.then(|| words(text)).into_iter().flatten();
        candidates.filter(move |word| {
            word.len() as f64 > longest
                && unbreakable_stretches(word)
                    .any(|stretch| self.set_in.width(stretch) > self.width)
        })
    }
}

impl Line {
    /// How many lines `text` takes when its words are filled into lines of this width, as
    /// Typst sets a ragged cell (without hyphenation, which at most saves a line here).
    fn lines_needed(self, text: &str) -> usize {
        let space = self.set_in.width(" ");
        let mut lines = 0;
        let mut filled = f64::INFINITY;
        for word in words(text).filter(|word| !word.is_empty()) {
            let width = self.set_in.width(word);
            if filled + space + width <= self.width {
                filled += space + width;
            } else {
                lines += 1;
                filled = width;
            }
        }
        lines
    }
}

/// The most lines a text in a figure column may take without a warning: a date or a short
/// phrase fits two, a sentence squeezed into a column 3.4 em wide takes five.
const MAX_LINES_IN_FIGURE_COLUMN: usize = 2;

/// A warning for a text that a figure column, sized for figures, wraps onto many lines while
/// the row labels or the rest of the line have room to spare; svar does not widen a column for
/// a text's length.
/// `room` is what a right-aligned figure may take; a text fills the cell inside its insets.
fn squeezed_text(cell: &Cell, room: f64, kind: Type) -> Option<Overflow> {
    let Cell::Text(text) = cell else { return None };
    let column = room + FIGURE_GAP;
    let lines = kind.on(column - 2.0 * CELL_INSET).lines_needed(text);
    let ems = format!("{:.1}", column / kind.size).replace('.', ",");
    (lines > MAX_LINES_IN_FIGURE_COLUMN).then(|| Overflow {
        message: format!(
            "teksten \"{}\" brydes over {lines} linjer, fordi kolonnen er sat til tal ({ems} em \
             bred)",
            shortened(text),
        ),
        hint: "forkort teksten (fx \"12.6.2019\"), flyt den til en note under tabellen, eller \
               byt om, så teksten står som rækkenavn",
    })
}

/// A warning about text too wide for its place, before it has a path.
struct Overflow {
    message: String,
    hint: &'static str,
}

/// The checks' state: how prose is read, and the problems found so far.
struct Layout<'a> {
    markdown: bool,
    problems: &'a mut Vec<Problem>,
}

impl Layout<'_> {
    fn blocks(&mut self, blocks: &[Block], path: &JsonPath, area: Area) {
        let body = Type::regular(BODY_SIZE);
        for (index, block) in blocks.iter().enumerate() {
            let path = path.index(index);
            match block {
                Block::Paragraph(text) => {
                    self.prose(text, &path.key("paragraph"), body.on(area.width))
                }
                Block::Heading(text) => {
                    let line = Type::bold(BODY_SIZE).on(area.width);
                    self.literal(text, &path.key("heading"), line);
                }
                Block::List(items) | Block::NumberedList(items) => {
                    let line = body.on(area.width - LIST_INDENT);
                    for (item, text) in items.iter().enumerate() {
                        self.prose(text, &path.key(block.key()).index(item), line);
                    }
                }
                Block::Statement(statement) => {
                    let path = path.key("statement");
                    let line = body.on(area.width);
                    self.literal(&statement.source, &path.key("source"), line);
                    if let Some(introduction) = &statement.introduction {
                        self.prose(introduction, &path.key("introduction"), line);
                    }
                    let inner = area.quoted();
                    self.blocks(&statement.blocks, &path.key("blocks"), inner);
                }
                Block::Table(table) => self.table(table, &path.key("table"), area),
                Block::Figure(figure) => self.figure(figure, &path.key("figure"), area),
            }
        }
    }

    fn table(&mut self, table: &Table, path: &JsonPath, area: Area) {
        if let Some(caption) = &table.caption {
            let line = Type::bold(BODY_SIZE).on(area.width);
            self.literal(caption, &path.key("caption"), line);
        }
        let widths = figure_column_widths(table, area);
        for (index, panel) in table.panels.iter().enumerate() {
            self.panel(panel, &widths, &path.key("panels").index(index), area);
        }
        self.notes(&table.notes_heading, &table.notes, path, area);
    }

    /// A figure's caption and notes, set as a table's are.
    fn figure(&mut self, figure: &Illustration, path: &JsonPath, area: Area) {
        if let Some(caption) = &figure.caption {
            let line = Type::bold(BODY_SIZE).on(area.width);
            self.literal(caption, &path.key("caption"), line);
        }
        self.notes(&figure.notes_heading, &figure.notes, path, area);
    }

    /// Notes under a table or figure, and their heading.
    fn notes(&mut self, heading: &Option<String>, notes: &[String], path: &JsonPath, area: Area) {
        if let Some(heading) = heading {
            let line = Type::bold(NOTE_SIZE).on(area.width);
            self.literal(heading, &path.key("notes_heading"), line);
        }
        let line = Type::regular(NOTE_SIZE).on(area.width);
        for (index, note) in notes.iter().enumerate() {
            self.prose(note, &path.key("notes").index(index), line);
        }
    }

    fn panel(&mut self, panel: &Panel, widths: &[f64], path: &JsonPath, area: Area) {
        if let Some(title) = &panel.title {
            let line = Type::regular(TABLE_SIZE).on(area.width);
            self.literal(title, &path.key("title"), line);
        }
        if !self.columns_fit(panel, &path.key("columns"), area) {
            // Every cell would be too wide as well; the one error says what to do.
            return;
        }
        let columns = Columns::of(panel, widths, area.width);
        if panel.is_labelled() && columns.label < LABEL_COLUMN - 2.0 * CELL_INSET {
            self.figures_too_wide(panel, &path.key("columns"), area);
            return;
        }
        let header = Type::bold(TABLE_SIZE);
        if let Some(label) = &panel.label_header {
            self.warn(cell_overflow(label, header.on(columns.label)), || {
                path.key("label_header")
            });
        }
        for (index, title) in panel.columns.iter().enumerate() {
            self.warn(
                cell_overflow(title, header.on(columns.figure(index))),
                || path.key("columns").index(index),
            );
        }
        for (index, (span, heading)) in panel.column_spans().into_iter().enumerate() {
            let Some(heading) = heading.filter(|_| !span.is_empty()) else {
                continue;
            };
            let room = columns.group(span);
            self.warn(cell_overflow(heading, header.on(room)), || {
                path.key("column_groups").index(index).key("heading")
            });
        }
        // Paths are built only for a warning: a table may have thousands of cells.
        for (index, row) in rows_and_total(panel) {
            let kind = Type {
                size: TABLE_SIZE,
                bold: panel.is_bold_row(index),
            };
            if let Some(label) = &row.label {
                let overflow = cell_overflow(label, kind.on(columns.label));
                self.warn(overflow, || row_path(path, index).key("label"));
            }
            for (column, cell) in row.cells.iter().enumerate() {
                let room = columns.figure(column);
                let overflow = figure_overflow(cell, kind.on(room)).or_else(|| {
                    let squeezed = || squeezed_text(cell, room, kind);
                    columns.measured.then(squeezed).flatten()
                });
                self.warn(overflow, || {
                    row_path(path, index).key("cells").index(column)
                });
            }
        }
    }

    /// Whether a panel's columns fit across the page; an error if they do not, since the
    /// columns past the margin are not printed at all.
    fn columns_fit(&mut self, panel: &Panel, path: &JsonPath, area: Area) -> bool {
        let count = panel.columns.len();
        let fitting = columns_fitting(panel, area.width);
        if count <= fitting {
            return true;
        }
        let (side, hint) = if area.landscape {
            let hint = format!(
                "del tabellen i flere paneler eller tabeller med højst {fitting} kolonner hver"
            );
            ("liggende", hint)
        } else {
            let in_landscape = columns_fitting(panel, area.landscape_width());
            let hint = if count <= in_landscape {
                format!(
                    "{}, hvor der er plads til {in_landscape} kolonner, eller del den i flere \
                     paneler",
                    area.landscape_advice()
                )
            } else {
                format!(
                    "del tabellen i flere paneler eller tabeller med højst {fitting} kolonner \
                     hver ({in_landscape} {})",
                    area.landscape_place()
                )
            };
            ("stående", hint)
        };
        self.problems.push(Problem::error(
            path.clone(),
            format!(
                "tabellen har {count} kolonner, men der er kun plads til {fitting} på en {side} side"
            ),
            Some(hint),
        ));
        false
    }

    /// The letterhead: the ministry's name in 16 pt bold beside the metadata column (office,
    /// case number, …), which is as wide as its longest line but at most 55 % of the page, where
    /// its values wrap at spaces and hyphens.
    fn letterhead(&mut self, answer: &Answer) {
        let root = JsonPath::root();
        let small = Type::regular(NOTE_SIZE);
        let texts = answer.metadata_texts();
        let date = answer.metadata_labels().date();
        let labels = (texts.iter().map(|(label, ..)| *label))
            .chain([date])
            .map(|label| small.width(&format!("{label}:")))
            .fold(0.0, f64::max)
            + METADATA_GUTTER;
        let widest = PORTRAIT * METADATA_SHARE;
        let mut metadata: f64 = 0.0;
        for (_, keys, value) in texts {
            let Some(value) = value else { continue };
            metadata = metadata.max(labels + small.width(value)).min(widest);
            let path = keys.iter().fold(root.clone(), |path, key| path.key(key));
            self.literal(value, &path, small.on(widest - labels));
            self.short_enough_for_letterhead(value, &path, small.width(value) / (widest - labels));
        }
        // The department has the column's width to itself, without a label.
        if let Some(department) = &answer.ministry.department {
            let path = root.key("ministry").key("department");
            metadata = metadata.max(small.width(department)).min(widest);
            self.literal(department, &path, small.on(widest));
            self.short_enough_for_letterhead(department, &path, small.width(department) / widest);
        }
        let name = Type::bold(MINISTRY_SIZE).on(PORTRAIT - metadata - LETTERHEAD_GUTTER);
        self.literal(
            &answer.ministry.name,
            &root.key("ministry").key("name"),
            name,
        );
    }

    /// An error for a value of the letterhead's metadata column that would fill more than
    /// [`LETTERHEAD_LINES`] lines of it (`lines` as measured): the column is laid out whole,
    /// so a page-long value is not only out of place but slow, its time growing with the
    /// square of its length (80,000 characters took half a minute).
    fn short_enough_for_letterhead(&mut self, value: &str, path: &JsonPath, lines: f64) {
        if lines <= LETTERHEAD_LINES {
            return;
        }
        self.problems.push(Problem::error(
            path.clone(),
            format!(
                "teksten fylder omkring {} linjer i brevhovedet, som har plads til korte \
                 oplysninger ({} tegn her)",
                lines.ceil(),
                value.chars().count()
            ),
            Some(
                "forkort den til højst et par linjer; skriv en længere forklaring i svaret".into(),
            ),
        ));
    }

    /// The error for a panel whose columns, widened to their widest figures and words, leave
    /// the row labels no room: the table would run past the margin.
    fn figures_too_wide(&mut self, panel: &Panel, path: &JsonPath, area: Area) {
        let landscape = if area.landscape {
            String::new()
        } else {
            format!(", eller {}", area.landscape_advice())
        };
        self.problems.push(Problem::error(
            path.clone(),
            format!(
                "tabellens {} kolonner bliver for brede til siden af deres længste tal og ord",
                panel.columns.len()
            ),
            Some(format!(
                "afrund tallene eller angiv dem i en større enhed (fx i tusinder, som \
                 overskriften eller noterne så siger), del lange ord i overskrifter og celler{landscape}"
            )),
        ));
    }

    /// Running text, justified, that follows the answer's `markup`: a Markdown link's target is
    /// not printed, only its text.
    fn prose(&mut self, text: &str, path: &JsonPath, line: Line) {
        if self.markdown && line.overflows(text).next().is_some() {
            let mut printed = text.to_string();
            for reference in crate::markup::references(text) {
                if let crate::markup::Reference::Link(target) = reference {
                    printed = printed.replace(&target, " ");
                }
            }
            self.justified(&printed, path, line);
        } else {
            self.justified(text, path, line);
        }
    }

    /// Text printed as written and not justified (names, headings, captions): every word must
    /// fit its line, since Typst hyphenates only justified text.
    fn literal(&mut self, text: &str, path: &JsonPath, line: Line) {
        for word in line.overflows(text) {
            self.warn(Some(too_long(word, self.markdown)), || path.clone());
        }
    }

    /// Justified running text: Typst breaks a web address anywhere it must and hyphenates a
    /// Danish word, so only a word whose syllables are still too wide runs over the margin.
    fn justified(&mut self, text: &str, path: &JsonPath, line: Line) {
        let overflowing = line
            .overflows(text)
            .filter(|word| !is_web_address(word) && !fits_hyphenated(word, line));
        for word in overflowing {
            self.warn(Some(too_long(word, self.markdown)), || path.clone());
        }
    }

    fn warn(&mut self, overflow: Option<Overflow>, path: impl FnOnce() -> JsonPath) {
        if let Some(Overflow { message, hint }) = overflow {
            self.problems
                .push(Problem::warning(path(), message, Some(hint.into())));
        }
    }
}

/// A figure cell: the number as printed, or the words of a text such as "Ikke oplyst".
fn figure_overflow(cell: &Cell, line: Line) -> Option<Overflow> {
    match cell {
        // A figure too large to be exact has an error of its own.
        Cell::Number(_) if !is_exact(cell) => None,
        Cell::Number(number) => {
            let printed = crate::danish::number(number);
            (line.set_in.width(&printed) > line.width).then(|| Overflow {
                message: format!(
                    "tallet {printed} er for bredt til sin kolonne og skrives ind over \
                     nabokolonnen"
                ),
                hint: "afrund tallet, eller angiv kolonnens tal i en større enhed (fx i \
                       tusinder, som overskriften eller noterne så siger)",
            })
        }
        Cell::Text(text) => cell_overflow(text, line),
    }
}

/// A table cell's text, which wraps at spaces but never splits a word.
fn cell_overflow(text: &str, line: Line) -> Option<Overflow> {
    line.overflows(text).next().map(|word| Overflow {
        message: format!(
            "ordet \"{}\" er for bredt til sin kolonne og skrives ind over nabokolonnen",
            shortened(word)
        ),
        hint: "forkort teksten, eller forklar den i en note under tabellen",
    })
}

/// The warning about a word too long for its line.
fn too_long(word: &str, markdown: bool) -> Overflow {
    let length = word.chars().count();
    if is_web_address(word) {
        return Overflow {
            message: format!(
                "webadressen \"{}\" ({length} tegn) kan ikke deles og løber ud over siden",
                shortened(word)
            ),
            hint: if markdown {
                "skriv linket som [kort tekst](adresse), så kun den korte tekst sættes"
            } else {
                "skriv linket som [kort tekst](adresse) og sæt \"markup\": \"markdown\", så kun \
                 den korte tekst sættes"
            },
        };
    }
    Overflow {
        message: format!(
            "ordet \"{}\" ({length} tegn) er for langt til linjen og løber ud over siden",
            shortened(word)
        ),
        hint: "del ordet med mellemrum eller bindestreg, eller forkort det",
    }
}

fn is_web_address(word: &str) -> bool {
    word.contains("://") || word.starts_with("www.")
}

/// The first characters of a long word, enough to find it.
fn shortened(word: &str) -> String {
    const SHOWN: usize = 30;
    match word.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{}…", &word[..end]),
        None => word.to_string(),
    }
}

/// The words of a text: what lies between spaces where a line may break (not at a no-break
/// space, as in "§ 12").
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
}

/// Whether every syllable of `word` fits `line`, so that Typst, hyphenating it as Danish,
/// can set it over several lines.
fn fits_hyphenated(word: &str, line: Line) -> bool {
    unbreakable_stretches(word).all(|stretch| {
        hypher::hyphenate(stretch, hypher::Lang::Danish)
            .all(|syllable| line.set_in.width(syllable) <= line.width)
    })
}

/// The stretches of a word Typst cannot break a line inside: it breaks after a hyphen, dash or
/// slash (in a web address too) unless a digit follows, as in "2019-20", and at a soft hyphen
/// or zero-width space. Hyphenation may split other words, but not wherever it likes, so a
/// stretch too wide for the line without it is reported.
fn unbreakable_stretches(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut chars = rest.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, next)| next);
            let breaks_after = matches!(c, '-' | '‐' | '–' | '—' | '/' | '\u{ad}' | '\u{200b}')
                && next.is_some_and(|next| !next.is_ascii_digit());
            if breaks_after {
                let (stretch, after) = rest.split_at(at + c.len_utf8());
                rest = after;
                return Some(stretch);
            }
        }
        Some(std::mem::take(&mut rest))
    })
}

/// How wide a panel's columns are.
struct Columns {
    /// The column of row labels (the room it leaves for text).
    label: f64,
    /// The room a right-aligned figure may take in each figure column.
    figures: Vec<f64>,
    /// Whether the figure columns are as wide as svar measured them, sized for figures, rather
    /// than shares of the width: a text in such a column may be squeezed onto many lines.
    measured: bool,
}

impl Columns {
    /// The columns of `panel`, whose figure columns are `widths` wide (the table's, from
    /// [`figure_column_widths`]), on a line `width` wide.
    fn of(panel: &Panel, widths: &[f64], width: f64) -> Self {
        let widths = &widths[..panel.columns.len()];
        let figures = widths.iter().map(|width| width - FIGURE_GAP).collect();
        let sum = widths.iter().sum::<f64>();
        if panel.is_labelled() {
            Self {
                label: width - sum - 2.0 * CELL_INSET,
                figures,
                measured: true,
            }
        } else if sum <= width {
            // Without labels the table stands at the left, only as wide as its figures.
            Self {
                label: 0.0,
                figures,
                measured: true,
            }
        } else {
            // Too wide for the line, the figure columns share the width equally.
            let count = panel.columns.len().max(1);
            Self {
                label: 0.0,
                figures: vec![width / count as f64 - FIGURE_GAP; count],
                measured: false,
            }
        }
    }

    /// The room a group's heading has over the figure columns `span`: their widths together,
    /// less the insets of the one cell it stands in.
    fn group(&self, span: std::ops::Range<usize>) -> f64 {
        let columns = span.len() as f64;
        let figures = span.map(|index| self.figure(index)).sum::<f64>();
        figures + columns * FIGURE_GAP - 2.0 * CELL_INSET
    }

    /// The room a figure may take in column `index`; any, past the last column (a row with too
    /// many cells has an error of its own).
    fn figure(&self, index: usize) -> f64 {
        self.figures.get(index).copied().unwrap_or(f64::INFINITY)
    }
}

/// The width of each figure column of a table standing in `area`, in em of table text: the
/// column at each index in every panel, with row labels or without, so the panels' columns line
/// up. A column is 3.4 em, or as wide as its widest figure, word of a text or heading needs: a
/// clerk's figures in millions must not run into each other; wider, to keep a gutter before
/// its widest figure, where `area` has room for it beside what the row labels need; and as
/// wide as its whole heading where the page has room. Whether the widened columns still fit
/// the page is checked with the rest of the layout, in the same area.
pub(crate) fn figure_columns(table: &Table, area: Area) -> Vec<f64> {
    figure_column_widths(table, area)
        .into_iter()
        .map(|width| width / TABLE_SIZE)
        .collect()
}

/// [`figure_columns`] in points: the least each column needs, spaced where `area` has room
/// ([`spaced_where_room`]), then widened to its heading's whole width where the page has room
/// for every heading and row label on one line ([`widened_to_headings`]).
fn figure_column_widths(table: &Table, area: Area) -> Vec<f64> {
    let spaced = spaced_where_room(table, measured_columns(table), area.width);
    widened_to_headings(table, spaced, area.width)
}

/// Room a text widened to its measured width keeps to spare: the measure adds up advance
/// widths, and Typst's shaping of a line can come out a little wider ("Ændring (pct.)" by
/// 0.1 pt), which would put its last word on a second line after all.
const LINE_SLACK: f64 = 0.1 * TABLE_SIZE;

/// The most [`crate::render::hundredths`] adds to a width, rounding it up for the templates.
const ROUNDING: f64 = 0.01 * TABLE_SIZE;

/// The figure columns `measured` at their least widths, widened towards the widths that keep
/// [`FIGURE_GUTTER`] before their widest figures as far as a line `width` wide has room beside
/// what the row labels need: their widest label on one line, and no less than the column of
/// labels the check asks for ([`LABEL_COLUMN`]). Short of room for every gutter, each column
/// gets the same share of what it lacks. The labels' room is never taken, so a table that fits
/// its page with its least widths still fits it, its figures as close as they were.
fn spaced_where_room(table: &Table, measured: Vec<Measured>, width: f64) -> Vec<f64> {
    let labels = if table.panels.iter().any(Panel::is_labelled) {
        row_labels_width(table).max(LABEL_COLUMN) + LINE_SLACK
    } else {
        0.0
    };
    let (least, spaced): (Vec<f64>, Vec<f64>) = (measured.iter())
        .map(|column| (column.least, column.spaced))
        .unzip();
    let rounding = ROUNDING * least.len() as f64;
    let spare = width - labels - rounding - least.iter().sum::<f64>();
    widened_within(least, spaced, spare)
}

/// The figure columns `least` widened so that each heading fits on one line, if then the row
/// labels also fit on theirs beside them within the line, `width` points; else widened as far
/// as the row labels leave room. A heading such as "Andel afvist (pct.)" set in three lines of a
/// narrow column, beside a column of short row labels that is mostly empty, reads worse than
/// on one line, or on two.
fn widened_to_headings(table: &Table, least: Vec<f64>, width: f64) -> Vec<f64> {
    let mut widened = least.clone();
    for panel in &table.panels {
        for (index, heading) in panel.columns.iter().enumerate().take(widened.len()) {
            let one_line = bold_line(heading) + 2.0 * CELL_INSET + LINE_SLACK;
            widened[index] = widened[index].max(one_line);
        }
    }
    for panel in &table.panels {
        for (heading, span) in group_headings(panel, widened.len()) {
            let lines = in_two_lines(heading) + 2.0 * CELL_INSET + LINE_SLACK;
            spread_over(&mut widened[span], lines);
        }
    }
    // The labels with the slack of a measured line, and the columns with their rounding up:
    // a label given exactly its measured width could still be set in two lines.
    let labels = row_labels_width(table) + LINE_SLACK;
    let room = width - ROUNDING * least.len() as f64;
    if widened.iter().sum::<f64>() + labels <= room {
        return widened;
    }
    // Short of room for every heading on one line: the room the row labels leave (they keep
    // at least a third of the table, or all they need if less) goes to the headings, so that
    // they take fewer lines.
    let spare = room - labels.min(width / 3.0) - least.iter().sum::<f64>();
    widened_within(least, widened, spare)
}

/// The width a group heading takes set in two lines, broken between words where the wider
/// line is the narrowest: a long heading is set in two lines where its columns would otherwise
/// be widened far past their figures, since a heading over "Antal" and "Pct." that pushed them
/// apart across the page would no longer show them as a pair. Half the heading's width is too
/// little: its words seldom break it in halves, and it would take a third line.
fn in_two_lines(heading: &str) -> f64 {
    let printed = printed_line(heading);
    let words: Vec<&str> = printed.split(' ').collect();
    (1..words.len())
        .map(|at| {
            let (first, second) = (words[..at].join(" "), words[at..].join(" "));
            bold_line(&first).max(bold_line(&second))
        })
        .fold(bold_line(&printed), f64::min)
}

/// The headings of `panel`'s column groups, each with the columns it spans among the first
/// `count` of the table's.
fn group_headings(panel: &Panel, count: usize) -> Vec<(&str, std::ops::Range<usize>)> {
    (panel.column_spans().into_iter())
        .filter_map(|(span, heading)| Some((heading?, span.start.min(count)..span.end.min(count))))
        .filter(|(_, span)| !span.is_empty())
        .collect()
}

/// Widens the columns `widths` a group heading spans, each by the same share, until together
/// they hold `needed` points: a long heading over narrow columns would otherwise run over the
/// columns beside them.
fn spread_over(widths: &mut [f64], needed: f64) {
    let lacking = needed - widths.iter().sum::<f64>();
    if lacking > 0.0 && !widths.is_empty() {
        let share = lacking / widths.len() as f64;
        widths.iter_mut().for_each(|width| *width += share);
    }
}

/// The columns `least` widened towards `wanted` (none narrower) as far as `spare` points
/// allow: all the way where they allow it, not at all where nothing is spare, and between,
/// each column by the same share of what it lacks.
fn widened_within(least: Vec<f64>, wanted: Vec<f64>, spare: f64) -> Vec<f64> {
    let lacking = wanted.iter().sum::<f64>() - least.iter().sum::<f64>();
    if lacking <= spare {
        return wanted;
    }
    if spare <= 0.0 {
        return least;
    }
    let share = spare / lacking;
    (least.iter().zip(&wanted))
        .map(|(least, wanted)| least + (wanted - least) * share)
        .collect()
}

/// A one-line text of a table cell as it prints (`escape::printed_line`: spaces collapsed),
/// measured in points: bold, as headings and totals are, or regular.
fn bold_line(text: &str) -> f64 {
    Type::bold(TABLE_SIZE).width(&printed_line(text))
}

/// See [`bold_line`].
fn regular_line(text: &str) -> f64 {
    Type::regular(TABLE_SIZE).width(&printed_line(text))
}

/// The width of a table's row labels on one line each, with the cell's insets, in points: its
/// widest label, the labels' heading and total labels included; none in a table without them.
fn row_labels_width(table: &Table) -> f64 {
    if !table.panels.iter().any(|panel| panel.is_labelled()) {
        return 0.0;
    }
    let mut labels: f64 = 0.0;
    for panel in table.panels.iter().filter(|panel| panel.is_labelled()) {
        // A "heraf" row's label is set an em in (see `Panel::is_part_of_above`).
        let row_labels = (panel.rows.iter().enumerate()).filter_map(|(index, row)| {
            let indent = if panel.is_part_of_above(index) {
                TABLE_SIZE
            } else {
                0.0
            };
            let label = row.label.as_deref()?;
            let line = if panel.is_subtotal(index) {
                bold_line(label)
            } else {
                regular_line(label)
            };
            Some(line + indent)
        });
        let total_label = panel.total.iter().filter_map(|row| row.label.as_deref());
        let label_widths = row_labels
            .chain(panel.label_header.as_deref().map(bold_line))
            .chain(total_label.map(bold_line));
        labels = label_widths.fold(labels, f64::max);
    }
    labels + 2.0 * CELL_INSET
}

/// The share of its room under which a table is set only as wide as it needs.
const COMPACT_SHARE: f64 = 0.5;

/// The room a compact table leaves between its widest row label and its first figure column.
const LABEL_GAP: f64 = 2.0 * TABLE_SIZE;

/// The width of the row labels' column of a narrow table, in em of table text: its widest
/// label and a gap, so that a table of a column or two of figures beside short labels stands
/// as wide as it needs, as the ministries set such tables, rather than across the page with
/// every figure far from its label. A panel without row labels in such a table stands with
/// its figures under the labelled panels' (see `panel-table` in `style.typ`). `None` where the
/// labels take the rest of the width (a wider table), or where no panel has row labels.
///
/// `figure_columns` are the table's in `area`, from [`figure_columns`]: measured once, for
/// both.
pub(crate) fn label_column(table: &Table, figure_columns: &[f64], area: Area) -> Option<f64> {
    if !table.panels.iter().any(Panel::is_labelled) {
        return None;
    }
    compact_label_column(row_labels_width(table), figure_columns.iter().sum(), area)
}

/// The row labels' column of a narrow table in `area` whose labels are `labels` points wide
/// (with their cells' insets) beside figure columns `figures` em wide together, in em of table
/// text; none where such a table is no longer narrow (see [`label_column`]).
fn compact_label_column(labels: f64, figures: f64, area: Area) -> Option<f64> {
    (labels + figures * TABLE_SIZE <= COMPACT_SHARE * area.width)
        .then(|| (labels + LABEL_GAP) / TABLE_SIZE)
}

/// The column of row labels a narrow table beside figure columns `figures` em wide together
/// needs to hold `label` on one line, `bold` as a header or total is, in em of table text
/// (see [`label_column`]); none where the table is then no longer narrow, and the labels take
/// the rest of the width, as they would in an answer with such a label. A redline prints a
/// renamed label's old text beside its new one, which a column measured for the new labels
/// alone would break, setting the new label under the line its figures stand on.
pub(crate) fn label_column_holding(
    label: &str,
    bold: bool,
    figures: f64,
    area: Area,
) -> Option<f64> {
    let line = if bold {
        bold_line(label)
    } else {
        regular_line(label)
    };
    compact_label_column(line + 2.0 * CELL_INSET, figures, area)
}

/// The width, in em of table text, a figure column needs to hold `line` on one line, `bold` as
/// a total is, with the cell's insets: a redline prints a changed figure's old value struck
/// beside the new one, which a column measured for the new figures alone would break.
pub(crate) fn figure_column_holding(line: &str, bold: bool) -> f64 {
    let width = if bold {
        bold_line(line)
    } else {
        regular_line(line)
    };
    (width + 2.0 * CELL_INSET + FIGURE_GAP) / TABLE_SIZE
}

/// What each figure column needs, in every panel of the table.
fn measured_columns(table: &Table) -> Vec<Measured> {
    let mut columns: Vec<Measured> = Vec::new();
    for panel in &table.panels {
        if columns.len() < panel.columns.len() {
            columns.resize(panel.columns.len(), Measured::default());
        }
        // Figures stand aligned on their comma, so a column needs its widest whole part and
        // its widest decimals side by side ("1.234.567" of one figure and ",25" of another);
        // a text, or a heading's word, stands right-aligned on its own.
        let mut needs = vec![Needs::default(); columns.len()];
        for (needs, title) in needs.iter_mut().zip(&panel.columns) {
            needs.add_text(title, Type::bold(TABLE_SIZE));
        }
        for (index, row) in rows_and_total(panel) {
            let kind = Type {
                size: TABLE_SIZE,
                bold: panel.is_bold_row(index),
            };
            for (index, cell) in row.cells.iter().enumerate().take(columns.len()) {
                needs[index].add(cell, kind);
            }
        }
        for (column, needs) in columns.iter_mut().zip(needs) {
            column.add(needs);
        }
    }
    for panel in &table.panels {
        for (heading, span) in group_headings(panel, columns.len()) {
            let needed = widest_stretch(heading, Type::bold(TABLE_SIZE)) + 2.0 * CELL_INSET;
            let mut least: Vec<f64> = columns[span.clone()].iter().map(|c| c.least).collect();
            spread_over(&mut least, needed);
            for (column, least) in columns[span].iter_mut().zip(least) {
                column.least = least;
                column.spaced = column.spaced.max(least);
            }
        }
    }
    columns
}

/// The gap a figure column is widened to keep between its widest figure and the figure to its
/// left, where the page has room: an em of table text, the gutter statistical tables keep
/// between columns of figures, two digits wide, so that neighbouring figures read as two
/// numbers, not one run of digits and points. A column widened only to hold its figure keeps
/// two cell insets, 0.7 em: between bold totals in millions ("6.000.543 6.361.659") that looked
/// tighter than between the rows' figures, since the bold face's figures (tabular, 0.514 em
/// each) are wider than the regular's (0.465 em), so the bold total is the widest figure and the
/// rows' stand 0.4 em further off. A column of 3.4 em keeps the gutter for up to four digits
/// ("1.234", 2.1 em).
const FIGURE_GUTTER: f64 = 1.0 * TABLE_SIZE;

/// What a figure column needs, in points.
#[derive(Debug, Clone, Copy)]
struct Measured {
    /// Its least width: 3.4 em, or its widest figure, word of a text or heading word with a
    /// cell's spacing on both sides ([`column_for`]).
    least: f64,
    /// The width that keeps [`FIGURE_GUTTER`] before its widest figure; no less than `least`.
    spaced: f64,
}

impl Default for Measured {
    fn default() -> Self {
        Self {
            least: FIGURE_COLUMN,
            spaced: FIGURE_COLUMN,
        }
    }
}

impl Measured {
    /// Widened for what a panel's cells in the column need.
    fn add(&mut self, needs: Needs) {
        self.least = self.least.max(column_for(needs.width()));
        self.spaced = (self.spaced)
            .max(self.least)
            .max(needs.figures() + FIGURE_GUTTER);
    }
}

/// What the cells of a figure column need: the widest whole part of a figure and the widest
/// decimals (with their comma), which stand aligned on the comma, and the widest text.
#[derive(Debug, Clone, Copy, Default)]
struct Needs {
    whole: f64,
    decimals: f64,
    text: f64,
}

impl Needs {
    /// Counts in `cell`, printed as `kind`. A number too large to be exact has an error of
    /// its own and is not measured.
    fn add(&mut self, cell: &Cell, kind: Type) {
        match cell {
            Cell::Number(_) if !is_exact(cell) => {}
            Cell::Number(number) => {
                let printed = crate::danish::number(number);
                let comma = printed.find(',').unwrap_or(printed.len());
                let (whole, decimals) = printed.split_at(comma);
                self.whole = self.whole.max(kind.width(whole));
                self.decimals = self.decimals.max(kind.width(decimals));
            }
            Cell::Text(text) => self.add_text(text, kind),
        }
    }

    /// Counts in a text set in `kind`, which wraps between its words.
    fn add_text(&mut self, text: &str, kind: Type) {
        self.text = self.text.max(widest_stretch(text, kind));
    }

    /// The width the column's figures take, aligned on their comma.
    fn figures(self) -> f64 {
        self.whole + self.decimals
    }

    /// The width the column's cells need.
    fn width(self) -> f64 {
        self.text.max(self.figures())
    }
}

/// The width of a figure column for a figure `width` points wide: 3.4 em while the figure
/// keeps a word space from its neighbour, else the figure with a cell's spacing on both sides,
/// so a widened column stands as far from the next as the text of any two cells does.
fn column_for(width: f64) -> f64 {
    if width + FIGURE_GAP <= FIGURE_COLUMN {
        FIGURE_COLUMN
    } else {
        width + 2.0 * CELL_INSET
    }
}

/// The width of the widest stretch of `text` that no line break can split.
fn widest_stretch(text: &str, kind: Type) -> f64 {
    words(text)
        .flat_map(unbreakable_stretches)
        .map(|stretch| kind.width(stretch))
        .fold(0.0, f64::max)
}

/// The most lines a value of the letterhead's metadata column may fill.
const LETTERHEAD_LINES: f64 = 6.0;

/// How many figure columns fit across `width`: each needs 3.4 em (narrower ones would run their
/// figures together), and a column of row labels needs room of its own. Columns widened past
/// 3.4 em that then fill more than the width share it, in a panel without row labels (see
/// [`Columns::of`]); beside row labels they leave them too little room, an error of its own.
fn columns_fitting(panel: &Panel, width: f64) -> usize {
    let labels = if panel.is_labelled() {
        LABEL_COLUMN
    } else {
        0.0
    };
    ((width - labels) / FIGURE_COLUMN).max(0.0) as usize
}

/// The advance width of `c` in em; a character the body font lacks comes from another font,
/// counted as a full em.
fn advance(face: &FontInstance, c: char) -> f64 {
    face.ttf()
        .glyph_index(c)
        .and_then(|glyph| face.x_advance(glyph.0))
        .map_or(1.0, |advance| advance.get())
}

/// The body font's regular and bold faces, loaded once.
struct BodyFont {
    regular: FontInstance,
    bold: FontInstance,
}

/// The family `style.typ` sets text in, as the font book names it.
const BODY_FAMILY: &str = "libertinus serif";

fn body_font() -> &'static BodyFont {
    static FONT: OnceLock<BodyFont> = OnceLock::new();
    FONT.get_or_init(|| {
        let fonts = crate::fonts::builtin();
        let face = |weight| {
            let variant = FontVariant::new(FontStyle::Normal, weight, FontStretch::NORMAL);
            let font = fonts
                .book()
                .select(BODY_FAMILY, variant)
                .and_then(|index| fonts.font(index))
                .expect("the body font is built in");
            font.instantiate(variant, Abs::pt(BODY_SIZE), &FontVariations::default())
        };
        BodyFont {
            regular: face(FontWeight::REGULAR),
            bold: face(FontWeight::BOLD),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table of one panel with `groups` over two figure columns of small figures.
    fn grouped(groups: &str) -> Table {
        serde_json::from_str(&format!(
            r#"{{"panels": [{{"column_groups": {groups}, "columns": ["Antal", "Pct."],
                "rows": [{{"label": "Asyl", "cells": [1, 2]}}]}}]}}"#
        ))
        .unwrap()
    }

    #[test]
    fn a_long_group_heading_widens_its_columns_equally_and_a_short_one_does_not() {
        let page = Area::page(false);
        let plain = figure_column_widths(&grouped("[]"), page);
        let short = figure_column_widths(&grouped(r#"[{"heading": "2015", "columns": 2}]"#), page);
        assert_eq!(short, plain);
        let heading = "Afgjort af Udlændinge- og Integrationsministeriet i første instans";
        let long = grouped(&format!(r#"[{{"heading": "{heading}", "columns": 2}}]"#));
        let widths = figure_column_widths(&long, page);
        assert!((widths[0] - widths[1]).abs() < 0.01, "{widths:?}");
        // Two lines where the page has room: its wider line at the best break between words
        // ("Afgjort af Udlændinge- og" over "Integrationsministeriet i første instans"), more
        // than half the heading, less than all of it.
        let one_line = bold_line(heading);
        let two_lines = bold_line("Integrationsministeriet i første instans");
        assert_eq!(in_two_lines(heading), two_lines);
        let sum = widths.iter().sum::<f64>();
        assert!(
            sum >= two_lines + 2.0 * CELL_INSET && sum < one_line,
            "{sum} for {two_lines} in two lines"
        );
    }

    /// The width checks measure text as the built-in `style.typ` sets it: a change of size,
    /// margin, inset or column there must be made in the measures here too.
    #[test]
    fn the_measures_are_those_of_the_built_in_style() {
        let style = include_str!("../../templates/style.typ");
        let set = |text: &str| assert!(style.contains(text), "style.typ no longer has {text:?}");
        set("#let body-size = 11pt");
        assert_eq!(BODY_SIZE, 11.0);
        set("#let small-size = 9pt");
        assert_eq!(NOTE_SIZE, 9.0);
        set("set text(size: 10pt)");
        assert_eq!(TABLE_SIZE, 10.0);
        set("size: 16pt, below: 0em, text(weight: \"bold\", ministry)");
        assert_eq!(MINISTRY_SIZE, 16.0);
        set("show heading: set text(size: 13pt)");
        assert_eq!(ENCLOSURE_HEADING_SIZE, 13.0);
        // A4 is 210 × 297 mm; the text is the page less two margins of 2.5 cm.
        set("#let page-margin = 2.5cm");
        assert!((PORTRAIT - (210.0 - 50.0) * MM).abs() < 1e-9);
        assert!((LANDSCAPE - (297.0 - 50.0) * MM).abs() < 1e-9);
        set("set pad(left: 1.8em, right: 0em)");
        assert_eq!(QUOTE_INDENT, 1.8 * BODY_SIZE);
        set("default: (340,) * figures");
        assert_eq!(FIGURE_COLUMN, 3.4 * TABLE_SIZE);
        set("#let table-inset = 0.35 * 10pt");
        set("inset: (x: table-inset, y: 0.3em)");
        assert_eq!(CELL_INSET, 0.35 * TABLE_SIZE);
        set("size.width * 0.55");
        assert_eq!(METADATA_SHARE, 0.55);
        set("column-gutter: 0.8em");
        assert_eq!(METADATA_GUTTER, 0.8 * NOTE_SIZE);
    }

    #[test]
    fn lines_break_after_hyphens_and_slashes_but_not_before_digits() {
        let stretches: Vec<_> = unbreakable_stretches("a-b/c–d2019-20/3").collect();
        assert_eq!(stretches, ["a-", "b/", "c–", "d2019-20/3"]);
    }

    #[test]
    fn a_word_too_long_for_the_line_is_found_and_a_long_sentence_is_not() {
        let line = Type::regular(BODY_SIZE).on(PORTRAIT);
        let found = |text: &str| line.overflows(text).map(str::to_string).collect::<Vec<_>>();
        let long = "a".repeat(300);
        assert_eq!(found(&format!("Ordet {long} er langt.")), [long.as_str()]);
        assert!(found("Folketingsbeslutningsforslagsbehandlingsprocedurerne").is_empty());
        assert!(found(&"ord ".repeat(300)).is_empty());
        let address = format!("https://example.dk/{}/x", "a".repeat(120));
        assert_eq!(found(&address), [address.as_str()]);
        let slashes = "https://example.dk/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z";
        assert!(found(&slashes.repeat(3)).is_empty());
        let joined = format!("§\u{a0}{}", "1".repeat(100));
        assert_eq!(found(&joined), [joined.as_str()]);
    }

    #[test]
    fn no_glyph_of_the_body_font_is_wider_than_the_bound() {
        let font = body_font();
        for face in [&font.regular, &font.bold] {
            for c in face
                .font()
                .info()
                .coverage
                .iter()
                .filter_map(char::from_u32)
            {
                assert!(advance(face, c) <= WIDEST_GLYPH, "{c:?} is wider");
            }
        }
    }

    /// A table of one labelled panel per list of rows, each row's cells as JSON.
    fn table(panels: &[&[&str]]) -> Table {
        let panels: Vec<String> = panels
            .iter()
            .map(|rows| {
                let rows: Vec<String> = rows
                    .iter()
                    .enumerate()
                    .map(|(index, cells)| format!(r#"{{"label": "R{index}", "cells": {cells}}}"#))
                    .collect();
                format!(
                    r#"{{"label_header": "Type", "columns": ["2019", "2020"], "rows": [{}]}}"#,
                    rows.join(", ")
                )
            })
            .collect();
        serde_json::from_str(&format!(r#"{{"panels": [{}]}}"#, panels.join(", "))).unwrap()
    }

    /// The least width of each figure column of `table`, in em, as where the page has no
    /// room to spare.
    fn least_columns(table: &Table) -> Vec<f64> {
        let measured = measured_columns(table);
        measured
            .iter()
            .map(|column| column.least / TABLE_SIZE)
            .collect()
    }

    #[test]
    fn a_figure_column_widens_to_its_widest_figure_in_every_panel() {
        let standard = FIGURE_COLUMN / TABLE_SIZE;
        assert_eq!(
            least_columns(&table(&[&["[123456, 7]"]])),
            [standard, standard]
        );
        let wide = Type::regular(TABLE_SIZE).width("12.345.678");
        let widened = (wide + 2.0 * CELL_INSET) / TABLE_SIZE;
        // The second panel's figure widens the first column of both panels, so they line up.
        let columns = least_columns(&table(&[&["[1, 2]"], &["[12345678, 2]"]]));
        assert_eq!(columns, [widened, standard]);
        // A text cell widens its column to its longest word, not to the whole text.
        let word = Type::regular(TABLE_SIZE).width("Oplysningerne");
        let columns = least_columns(&table(&[&[r#"["Oplysningerne er ikke opgjort", 2]"#]]));
        assert_eq!(columns, [(word + 2.0 * CELL_INSET) / TABLE_SIZE, standard]);
    }

    /// `table` without its row labels and their heading.
    fn unlabelled(mut table: Table) -> Table {
        for panel in &mut table.panels {
            panel.label_header = None;
            panel.rows.iter_mut().for_each(|row| row.label = None);
        }
        table
    }

    #[test]
    fn a_table_without_row_labels_has_its_figure_columns_measured_as_beside_them() {
        // Its columns shared the line's width equally, whatever their figures.
        let labelled = table(&[&["[1, 2]"], &["[12345678, 2]"]]);
        let bare = unlabelled(labelled.clone());
        assert!(bare.panels.iter().all(|panel| !panel.is_labelled()));
        let portrait = Area::page(false);
        assert_eq!(
            figure_columns(&bare, portrait),
            figure_columns(&labelled, portrait)
        );
        // On a line wide enough, the columns are as measured, and a text in one is checked
        // for being squeezed, as beside row labels; too wide, they share the line.
        let widths = figure_column_widths(&bare, portrait);
        let columns = Columns::of(&bare.panels[0], &widths, PORTRAIT);
        let rooms: Vec<f64> = widths.iter().map(|width| width - FIGURE_GAP).collect();
        assert_eq!((columns.figures, columns.measured), (rooms, true));
        let line = widths.iter().sum::<f64>() - 1.0;
        let columns = Columns::of(&bare.panels[0], &widths, line);
        let shares = vec![line / 2.0 - FIGURE_GAP; 2];
        assert_eq!((columns.figures, columns.measured), (shares, false));
    }

    #[test]
    fn a_narrow_table_gets_a_label_column_as_wide_as_its_labels_and_a_gap() {
        // "Type", "R0", "R1" beside two columns of 3.4 em: far less than half the room.
        let narrow = table(&[&["[1, 2]", "[3, 4]"]]);
        let labels = Type::bold(TABLE_SIZE).width("Type") + 2.0 * CELL_INSET;
        let portrait = Area::page(false);
        assert_eq!(
            label_column(&narrow, &figure_columns(&narrow, portrait), portrait),
            Some((labels + LABEL_GAP) / TABLE_SIZE)
        );
        // A panel of figures without row labels (the totals alone) stands under the labelled
        // panel's figures, and leaves the table as narrow.
        let mut mixed = table(&[&["[3, 6]"], &["[1, 2]", "[3, 4]"]]);
        mixed.panels[0].rows[0].label = None;
        mixed.panels[0].label_header = None;
        assert!(!mixed.panels[0].is_labelled());
        assert_eq!(
            label_column(&mixed, &figure_columns(&mixed, portrait), portrait),
            Some((labels + LABEL_GAP) / TABLE_SIZE)
        );
        // A figure in the billions and a long label take more than half: the labels take the
        // rest of the width.
        let mut wide = table(&[&["[1234567890123, 2]"]]);
        wide.panels[0].rows[0].label =
            Some("Sigtelsen grundløs - straffeloven (Rpl. § 721)".into());
        assert_eq!(
            label_column(&wide, &figure_columns(&wide, portrait), portrait),
            None
        );
    }

    /// A table of one panel: `columns` columns of 7-digit figures in two rows, the first
    /// labelled `label`, under a bold total of 7-digit figures, wider than the rows'.
    fn millions(columns: usize, label: &str) -> Table {
        let cells = |figure: u32| format!("[{}]", vec![figure.to_string(); columns].join(", "));
        let headings: Vec<String> = (0..columns)
            .map(|year| format!("\"{}\"", 2000 + year))
            .collect();
        serde_json::from_str(&format!(
            r#"{{"panels": [{{"label_header": "Gruppe", "columns": [{}],
                "rows": [{{"label": "{label}", "cells": {}}}, {{"label": "B", "cells": {}}}],
                "total": {{"label": "I alt", "cells": {}}}}}]}}"#,
            headings.join(", "),
            cells(1_422_176),
            cells(1_114_115),
            cells(6_000_543),
        ))
        .unwrap()
    }

    #[test]
    fn figure_columns_keep_a_gutter_where_the_row_labels_have_room_to_spare() {
        let bold = Type::bold(TABLE_SIZE).width("6.000.543");
        let regular = Type::regular(TABLE_SIZE).width("1.422.176");
        let table = millions(10, "A");
        // Beside short labels on a landscape page, each column keeps a gutter before its
        // widest figure, the bold total's, and more before the rows' figures.
        let spaced = figure_column_widths(&table, Area::page(true));
        for width in &spaced {
            assert!((width - bold - FIGURE_GUTTER).abs() < 1e-9, "{spaced:?}");
            assert!(width - regular > FIGURE_GUTTER);
        }
        // Ten such columns leave a portrait page no room: they keep the least width, two cell
        // insets beside the bold total, and the table fits as it did.
        let tight = figure_column_widths(&table, Area::page(false));
        let least: Vec<f64> = measured_columns(&table).iter().map(|c| c.least).collect();
        assert_eq!(tight, least);
        assert!((tight[0] - bold - 2.0 * CELL_INSET).abs() < 1e-9);
        // Between, the columns share the room the labels leave, and the labels keep theirs.
        let labels = row_labels_width(&table).max(LABEL_COLUMN);
        let width = least.iter().sum::<f64>() + labels + 20.0;
        let area = Area::page(false);
        let between = figure_column_widths(&table, Area { width, ..area });
        assert!(
            between[0] > tight[0] && between[0] < spaced[0],
            "{between:?}"
        );
        assert!(width - between.iter().sum::<f64>() >= labels);
    }

    #[test]
    fn a_gutter_never_takes_the_room_the_row_labels_need() {
        let landscape = Area::page(true);
        let least = |table: &Table| -> Vec<f64> {
            measured_columns(table).iter().map(|c| c.least).collect()
        };
        let spaced = figure_column_widths(&millions(10, "A"), landscape);
        // Beside a label of 20 em the landscape page has room for part of the gutters: the
        // columns share it, and the label keeps its line.
        let table = millions(10, "Personer med skattepligtig indkomst over 1 mio.");
        let labels = row_labels_width(&table);
        assert!(least(&table).iter().sum::<f64>() + labels < LANDSCAPE);
        assert!(spaced.iter().sum::<f64>() + labels > LANDSCAPE);
        let widths = figure_column_widths(&table, landscape);
        assert!(
            widths[0] > least(&table)[0] && widths[0] < spaced[0],
            "{widths:?}"
        );
        assert!(LANDSCAPE - widths.iter().sum::<f64>() >= labels);
        // Beside a label of 23 em, which wraps already, the columns keep their least widths.
        let longer = millions(
            10,
            "Personer med en skattepligtig indkomst over 900.000 kr.",
        );
        assert!(least(&longer).iter().sum::<f64>() + row_labels_width(&longer) > LANDSCAPE);
        assert_eq!(figure_column_widths(&longer, landscape), least(&longer));
    }

    #[test]
    fn six_digits_fit_a_figure_column_and_seven_do_not() {
        let room = FIGURE_COLUMN - FIGURE_GAP;
        let regular = Type::regular(TABLE_SIZE);
        assert!(regular.width("123.456") <= room);
        assert!(Type::bold(TABLE_SIZE).width("1.246,5") <= room);
        assert!(regular.width("1.234.567") > room);
        assert!(regular.width("0,30000000000000004") > room);
    }
}
