//! Blocks and tables: numbering, panels, rows that fit their columns and totals that add up.

use super::quotes::check_statement_marks;
use super::{Counted, Problem, precision};
use crate::danish::count;
use crate::json_path::JsonPath;
use crate::model::{Block, Cell, Figure, Panel, Row, Statement, Table};

/// How deeply statements may quote statements. Real answers go two deep (an agency quoting
/// another); Typst itself gives up at about 16, with an English message about show rules.
const MAX_STATEMENT_DEPTH: usize = 8;

/// How many statements enclose the blocks at `path`.
fn statement_depth(path: &JsonPath) -> usize {
    use crate::json_path::Step::Key;
    path.0
        .iter()
        .filter(|segment| matches!(segment, Key(key) if key == "statement"))
        .count()
}

fn too_deep(path: JsonPath) -> Problem {
    Problem::error(
        path,
        format!("udtalelserne er indlejret mere end {MAX_STATEMENT_DEPTH} niveauer i hinanden"),
        Some(
            "citér en udtalelse i en anden højst nogle få niveauer ned; skriv resten som afsnit"
                .into(),
        ),
    )
}

/// Where the numbering of the tables and, apart from them, of the figures stands, through the
/// answer and its enclosures.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Numbering {
    tables: Sequence,
    figures: Sequence,
}

/// Where one numbering stands.
#[derive(Debug, Clone, Copy)]
struct Sequence {
    /// The number the next table (or figure) should have: they are counted as they should be
    /// numbered, not as they are, so each hint follows from the hints before it, and taking
    /// them all numbers them 1, 2, 3 ….
    next: u32,
    /// The number the one before was written with, if it was.
    previous: Option<u32>,
}

impl Default for Sequence {
    fn default() -> Self {
        Self {
            next: 1,
            previous: None,
        }
    }
}

impl Sequence {
    /// Counts a table or figure written with `number` and `caption`: one with either is
    /// numbered, one with neither is not.
    fn passed(&mut self, number: Option<u32>, caption: Option<&String>) {
        if number.is_some() || caption.is_some() {
            self.next = self.next.saturating_add(1);
            self.previous = number;
        }
    }
}

/// What is numbered, as the messages name it.
struct Numbered {
    /// "tabellen", "figuren".
    definite: &'static str,
    /// "tabel", "figur".
    indefinite: &'static str,
    /// "tabeller", "figurer".
    plural: &'static str,
    /// What a finding about a number counts.
    counted: Counted,
}

/// Tables, numbered "Tabel 1", "Tabel 2", ….
const TABLES: Numbered = Numbered {
    definite: "tabellen",
    indefinite: "tabel",
    plural: "tabeller",
    counted: Counted::Tables,
};

/// Figures, numbered "Figur 1", "Figur 2", … apart from the tables.
const FIGURES: Numbered = Numbered {
    definite: "figuren",
    indefinite: "figur",
    plural: "figurer",
    counted: Counted::Figures,
};

/// Checks the tables in `blocks` and, recursively, in their statements, numbering the tables in
/// reading order as the PDF does (`numbering`), the figures apart; empty lists and statements are errors, and a
/// statement nested deeper than [`MAX_STATEMENT_DEPTH`] is reported once and not descended into.
pub(super) fn check_blocks(
    blocks: &[Block],
    path: &JsonPath,
    numbering: &mut Numbering,
    problems: &mut Vec<Problem>,
) {
    for (index, block) in blocks.iter().enumerate() {
        let path = path.index(index);
        match block {
            Block::Statement(statement) => {
                let inner = path.key("statement").key("blocks");
                if statement.blocks.is_empty() {
                    problems.push(Problem::error(inner.clone(), "udtalelsen er tom", None));
                }
                if statement_depth(&inner) > MAX_STATEMENT_DEPTH {
                    problems.push(too_deep(path.key("statement")));
                    continue;
                }
                check_statement_marks(&statement.blocks, &inner, problems);
                let before = index.checked_sub(1).and_then(|before| blocks.get(before));
                check_lead_in(statement, before, &path.key("statement"), problems);
                check_blocks(&statement.blocks, &inner, numbering, problems);
            }
            Block::Table(table) => {
                check_table(table, &path.key("table"), numbering.tables, problems);
                (numbering.tables).passed(table.number, table.caption.as_ref());
            }
            Block::Figure(figure) => {
                let path = path.key("figure");
                let (number, caption) = (figure.number, figure.caption.as_ref());
                check_number(
                    &FIGURES,
                    (number, caption),
                    &path,
                    numbering.figures,
                    problems,
                );
                numbering.figures.passed(number, caption);
            }
            Block::List(items) | Block::NumberedList(items) if items.is_empty() => {
                problems.push(Problem::error(path.key(block.key()), "listen er tom", None));
            }
            Block::Heading(text) => {
                let next = blocks.get(index + 1);
                super::headings::check_heading(text, next, &path.key("heading"), problems)
            }
            Block::List(_) | Block::NumberedList(_) | Block::Paragraph(_) => {}
        }
    }
}

/// A statement printed without an introduction (`"introduction": ""`) is introduced by what
/// comes before it: a paragraph ending in a colon ("…, der har oplyst følgende:", a footnote
/// reference after it or not), a heading that names the agency, another statement printed
/// without one (a lead-in for several), or an enclosure's title. Without any, nothing says
/// who is quoted.
fn check_lead_in(
    statement: &Statement,
    before: Option<&Block>,
    path: &JsonPath,
    problems: &mut Vec<Problem>,
) {
    let introduces = |text: &str| {
        let mut text = text.trim_end();
        // A footnote reference and the marks of emphasis after the colon print no colon away.
        while let Some(start) = text.strip_suffix(']').and_then(|rest| rest.rfind("[^")) {
            text = text[..start].trim_end();
        }
        text.trim_end_matches(['*', '_']).ends_with(':')
    };
    let unintroduced = |statement: &Statement| {
        (statement.introduction.as_deref()).is_some_and(|text| text.trim().is_empty())
    };
    let in_enclosure =
        matches!(path.0.first(), Some(crate::json_path::Step::Key(key)) if key == "enclosures");
    let led_in = match before {
        Some(Block::Paragraph(text)) => introduces(text),
        Some(Block::Heading(text)) => text.contains(statement.source.as_str()),
        Some(Block::Statement(previous)) => unintroduced(previous),
        Some(_) => false,
        None => in_enclosure,
    };
    if unintroduced(statement) && !led_in {
        problems.push(Problem::warning(
            path.key("introduction"),
            format!(
                "udtalelsen har ingen indledning, og intet afsnit med kolon før den siger, at det \
                 er {}, der citeres",
                statement.source
            ),
            Some(format!(
                "fjern \"introduction\", så indledningen bliver \"{}\", eller slut afsnittet \
                 før udtalelsen med \"…, der har oplyst følgende:\"",
                Statement::default_introduction(&statement.source)
            )),
        ));
    }
}

/// Checks the number and caption of a table or figure (`kind`, at `path`) against `sequence`:
/// they are numbered consecutively, and a numbered one needs a caption and the other way round.
fn check_number(
    kind: &Numbered,
    (number, caption): (Option<u32>, Option<&String>),
    path: &JsonPath,
    sequence: Sequence,
    problems: &mut Vec<Problem>,
) {
    let Numbered {
        definite,
        indefinite,
        plural,
        counted,
    } = kind;
    let expected = sequence.next;
    match (number, caption) {
        (Some(_), None) => problems.push(Problem::error(
            path.key("number"),
            format!("{definite} har et nummer, men ingen overskrift"),
            Some(format!(
                "angiv \"caption\", eller fjern \"number\" for en {indefinite} uden overskrift"
            )),
        )),
        (None, Some(_)) => problems.push(Problem::error(
            path.key("caption"),
            format!("{definite} har en overskrift, men intet nummer"),
            Some(format!(
                "angiv \"number\": {expected}, eller fjern \"caption\""
            )),
        )),
        _ => {}
    }
    if let Some(number) = number.filter(|number| *number != expected) {
        let message = match sequence.previous {
            _ if expected == 1 => format!("den første {indefinite} har nummer {number}"),
            Some(previous) => {
                format!("{definite} har nummer {number}, men den forrige har nummer {previous}")
            }
            None => format!("{definite} har nummer {number}, men den forrige har intet nummer"),
        };
        let error = Problem::error(
            path.key("number"),
            message,
            Some(format!(
                "{plural} nummereres fortløbende; denne skal have nummer {expected}"
            )),
        );
        problems.push(error.counting(*counted));
    }
}

/// Checks one table: its number against `sequence` (see [`check_number`]), that it has
/// panels, that no two panels share a letter, and each panel.
fn check_table(table: &Table, path: &JsonPath, sequence: Sequence, problems: &mut Vec<Problem>) {
    let written = (table.number, table.caption.as_ref());
    check_number(&TABLES, written, path, sequence, problems);
    if table.panels.is_empty() {
        problems.push(Problem::error(
            path.key("panels"),
            "tabellen har ingen paneler",
            None,
        ));
    }
    let mut labels: Vec<&str> = Vec::new();
    for (index, panel) in table.panels.iter().enumerate() {
        let panel_path = path.key("panels").index(index);
        if let Some(label) = &panel.label {
            if labels.contains(&label.as_str()) {
                problems.push(Problem::error(
                    panel_path.key("label"),
                    format!("panelbogstavet \"{label}\" er brugt før i samme tabel"),
                    Some("giv panelerne hver sit bogstav: A, B, C …".into()),
                ));
            }
            labels.push(label);
        }
        check_panel(panel, &panel_path, problems);
        if let Some(first) = table.panels.first().filter(|_| index > 0) {
            check_same_groups(first, panel, &panel_path, problems);
        }
    }
}

/// Panels of a table stand with their figure columns under one another, so a grouped heading
/// over columns of one panel heads the same columns of the next: the panels must agree on
/// their groups, or the reader of one would take its columns for another's.
fn check_same_groups(first: &Panel, panel: &Panel, path: &JsonPath, problems: &mut Vec<Problem>) {
    if first.column_groups == panel.column_groups {
        return;
    }
    problems.push(Problem::error(
        path.key("column_groups"),
        "panelets kolonnegrupper er ikke de samme som det første panels, men panelernes \
         kolonner står under hinanden i tabellen",
        Some(
            "giv alle tabellens paneler de samme \"column_groups\", eller sæt panelerne i hver \
             sin tabel"
                .into(),
        ),
    ));
}

/// Checks a panel's column groups (an empty heading is told with every empty text): each
/// spans at least one column, and together they span the panel's figure columns exactly, so that
/// no heading stands over columns the clerk did not mean; groups none of which has a heading
/// print no row of headings, which the clerk surely meant them to. Whether the groups hold,
/// so that the columns can be named by them.
fn check_column_groups(panel: &Panel, path: &JsonPath, problems: &mut Vec<Problem>) -> bool {
    let groups = &panel.column_groups;
    if groups.is_empty() {
        return true;
    }
    let path = path.key("column_groups");
    if panel.columns.is_empty() {
        problems.push(Problem::error(
            path,
            "panelet har kolonnegrupper, men ingen kolonner",
            Some(
                "skriv kolonnernes overskrifter i \"columns\", eller fjern \"column_groups\""
                    .into(),
            ),
        ));
        return false;
    }
    if groups.iter().all(|group| group.heading.is_none()) {
        problems.push(Problem::warning(
            path.clone(),
            "ingen af kolonnegrupperne har en overskrift, så der sættes ingen række med \
             gruppeoverskrifter",
            Some("giv grupperne deres \"heading\", eller fjern \"column_groups\"".into()),
        ));
    }
    let mut hold = true;
    for (index, group) in groups.iter().enumerate() {
        if group.columns == 0 {
            hold = false;
            problems.push(Problem::error(
                path.index(index).key("columns"),
                "kolonnegruppen spænder over 0 kolonner",
                Some("skriv, hvor mange kolonner gruppen spænder over (mindst 1), eller fjern gruppen".into()),
            ));
        }
    }
    let spanned: usize = groups.iter().map(|group| group.columns).sum();
    let columns = panel.columns.len();
    if spanned != columns {
        let from = panel.spreadsheet.as_ref().map_or(String::new(), |sheet| {
            format!(" fra regnearket \"{sheet}\"")
        });
        problems.push(Problem::error(
            path,
            format!(
                "kolonnegrupperne spænder over {} i alt, men panelet har {}{from}",
                count(spanned, "kolonne", "kolonner"),
                count(columns, "kolonne", "kolonner"),
            ),
            Some(
                "ret gruppernes \"columns\", så de tilsammen dækker kolonnerne fra venstre mod \
                 højre; kolonner uden fælles overskrift samles i en gruppe uden \"heading\""
                    .into(),
            ),
        ));
        hold = false;
    }
    hold
}

/// Checks one panel: that it has columns and rows, that its column headers are unique,
/// that the figures written in the answer file are precise enough, and that every row, the
/// total included, has one cell per column, so the table cannot print ragged.
pub(super) fn check_panel(panel: &Panel, path: &JsonPath, problems: &mut Vec<Problem>) {
    check_panel_not_empty(panel, path, problems);
    // Columns named by groups that do not fit them would be told as repeated for nothing.
    if check_column_groups(panel, path, problems) {
        check_unique_columns(&panel.column_names(), &path.key("columns"), problems);
    }
    check_repeated_rows(&panel.rows, &path.key("rows"), problems);
    check_figures(panel, path, problems);
    super::near_figures::check_near_figures(panel, path, problems);
    check_row_lengths(panel, path, problems);
    check_parts(panel, path, problems);
    if panel.total_is_sum {
        check_subtotals(panel, path, problems);
    }
    if let Some(total) = &panel.total.as_ref().filter(|_| panel.total_is_sum) {
        check_total(panel, total, &path.key("total"), problems);
    }
}

/// A panel without columns is an error, as it prints no table; one without rows is a warning,
/// as its headers still print, but alone.
fn check_panel_not_empty(panel: &Panel, path: &JsonPath, problems: &mut Vec<Problem>) {
    if panel.columns.is_empty() {
        problems.push(Problem::error(
            path.key("columns"),
            "panelet har ingen kolonner",
            Some("skriv kolonnernes overskrifter i \"columns\", fx årstallene".into()),
        ));
    }
    if panel.rows.is_empty() {
        problems.push(Problem::warning(
            path.key("rows"),
            "panelet har ingen rækker, så tabellen viser kun overskrifterne",
            Some("tilføj rækkerne, eller fjern panelet".into()),
        ));
    }
}

/// Checks every cell of the panel, row by row and the total last, for a figure that will not
/// print as the clerk meant it (see [`FigureColumns::cell_problem`]).
fn check_figures(panel: &Panel, path: &JsonPath, problems: &mut Vec<Problem>) {
    let columns = FigureColumns::of(panel);
    for (index, row) in rows_and_total(panel) {
        for (column, cell) in row.cells.iter().enumerate() {
            let cell_path = || row_path(path, index).key("cells").index(column);
            problems.extend(columns.cell_problem(cell, column, cell_path));
        }
    }
    if columns.written_here {
        problems.extend(thousands_point_columns(panel, path));
    }
}

/// A warning for each column whose figures all have a point and three decimals ("1.491",
/// "1.649"): whole numbers written with Danish thousands points, which JSON reads as decimals,
/// and which a total does not catch, being misread alike. Once for the column, at its first
/// figure; a column with whole numbers too has its warning per figure ([`misread_figure`]).
fn thousands_point_columns(panel: &Panel, path: &JsonPath) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (column, title) in panel.columns.iter().enumerate() {
        let figures: Vec<(Option<usize>, &str)> = rows_and_total(panel)
            .filter_map(|(index, row)| match row.cells.get(column) {
                Some(Cell::Number(figure)) => Some((index, figure.numeral())),
                _ => None,
            })
            .collect();
        let written: Vec<&str> = figures.iter().map(|(_, written)| *written).collect();
        let Some(misread) = crate::danish::misread_thousands_column(title, &written) else {
            continue;
        };
        let counts = crate::danish::names_a_count(title);
        let hint = if counts {
            format!(
                "skriv tallene uden punktum ({}): kolonnen tæller, så de er hele tal, og svar \
                 sætter selv tusindtalspunktum",
                misread.meant
            )
        } else {
            format!(
                "skriv tallene uden punktum ({}), hvis de er hele tal",
                misread.meant
            )
        };
        problems.push(misread_severity(counts)(
            row_path(path, figures[0].0).key("cells").index(column),
            format!(
                "alle tal i kolonnen \"{title}\" har tre decimaler ({}) og sættes som {}: i JSON \
                 er punktum decimaltegn",
                misread.written, misread.printed,
            ),
            Some(hint),
        ));
    }
    problems
}

/// How sure a figure's misreading is: an error in a column whose title says it counts, where a
/// figure with three decimals cannot be meant (a count off by a factor of 1,000 would need a
/// correction of the published answer); a warning elsewhere, where it may be a fraction.
fn misread_severity(counts: bool) -> fn(JsonPath, String, Option<String>) -> Problem {
    if counts {
        Problem::error
    } else {
        Problem::warning
    }
}

/// Checks that every row, the total included, has one cell per column, so the table cannot
/// print ragged.
fn check_row_lengths(panel: &Panel, path: &JsonPath, problems: &mut Vec<Problem>) {
    let columns = panel.columns.len();
    for (index, row) in rows_and_total(panel) {
        if row.cells.len() != columns {
            let problem = Problem::error(
                row_path(path, index).key("cells"),
                format!(
                    "rækken har {}, men panelet har {}",
                    count(row.cells.len(), "celle", "celler"),
                    count(columns, "kolonne", "kolonner"),
                ),
                Some("giv rækken én celle pr. kolonne i \"columns\"".into()),
            );
            problems.push(if row.cells.len() > columns {
                problem.with(super::FileHint::DecimalComma)
            } else {
                problem
            });
        }
    }
}

/// The panel's rows and then its total row, each with its index among the rows (`None` for
/// the total): the order the table prints them in and findings about them are reported in.
/// The checks of the figures and of the layout both walk a panel so, building a row's path
/// with [`row_path`] only for a finding, since a table may have thousands of cells.
pub(super) fn rows_and_total(panel: &Panel) -> impl Iterator<Item = (Option<usize>, &Row)> {
    let rows = panel
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| (Some(index), row));
    rows.chain(panel.total.iter().map(|row| (None, row)))
}

/// The path of the row at `index` (see [`rows_and_total`]) of the panel at `path`.
pub(super) fn row_path(path: &JsonPath, index: Option<usize>) -> JsonPath {
    match index {
        Some(index) => path.key("rows").index(index),
        None => path.key("total"),
    }
}

/// What the figure checks need to know of a panel's columns to judge a cell.
struct FigureColumns {
    /// Whether the figures were written in the answer file. A spreadsheet's cells were read by
    /// its own convention (Danish thousands points, a code such as "0045" as text on purpose),
    /// so only figures written in the answer file are judged as written.
    written_here: bool,
    /// For each column, whether it holds whole numbers (see [`whole_number_columns`]).
    whole_numbers: Vec<bool>,
    /// For each column, whether its title says it holds years (see [`is_year_title`]).
    years: Vec<bool>,
    /// For each column, whether its title says it counts (see [`crate::danish::names_a_count`]).
    counts: Vec<bool>,
}

impl FigureColumns {
    /// The columns of `panel`, as the figure checks see them.
    fn of(panel: &Panel) -> Self {
        Self {
            written_here: panel.spreadsheet.is_none(),
            whole_numbers: whole_number_columns(panel),
            years: panel.columns.iter().map(|t| is_year_title(t)).collect(),
            counts: (panel.columns.iter())
                .map(|t| crate::danish::names_a_count(t))
                .collect(),
        }
    }

    /// What is wrong with `cell` in `column`, if anything: a text written like a figure, a
    /// figure svar cannot set precisely, one with noisy decimals, or one the clerk most likely
    /// meant otherwise than JSON reads it; `path` gives the cell's path, made only for a
    /// finding.
    fn cell_problem(
        &self,
        cell: &Cell,
        column: usize,
        path: impl Fn() -> JsonPath + Copy,
    ) -> Option<Problem> {
        let in_years = self.years.get(column).copied().unwrap_or(false);
        let figure = match cell {
            Cell::Number(figure) => figure,
            Cell::Text(text) if self.written_here && !(in_years && is_year(text)) => {
                return figure_as_text(text, path);
            }
            Cell::Text(_) => return None,
        };
        if let Some(imprecision) = precision::of_figure(figure) {
            return Some(imprecision.in_answer(path()));
        }
        let whole_column = self.whole_numbers.get(column).copied().unwrap_or(false);
        let counts = self.counts.get(column).copied().unwrap_or(false);
        noisy_decimals(figure, path).or_else(|| {
            self.written_here
                .then(|| misread_figure(figure, in_years, (whole_column, counts), path))
                .flatten()
        })
    }
}

/// For each column, whether it holds a figure written as a whole number (without a decimal
/// point), against which a figure with three decimals is most likely a thousands point; not a
/// column whose title names a unit of such figures ("Promille", "Andel (pct.)").
fn whole_number_columns(panel: &Panel) -> Vec<bool> {
    let mut whole = vec![false; panel.columns.len()];
    for row in panel.rows.iter().chain(&panel.total) {
        for (column, cell) in row.cells.iter().enumerate().take(whole.len()) {
            if let Cell::Number(figure) = cell {
                whole[column] |= !figure.numeral().contains('.');
            }
        }
    }
    for (whole, title) in whole.iter_mut().zip(&panel.columns) {
        *whole &= !crate::danish::names_a_fractional_unit(title);
    }
    whole
}

/// Whether a column's title says it holds years ("År", "Årstal").
fn is_year_title(title: &str) -> bool {
    ["år", "årstal"].contains(&title.trim().to_lowercase().as_str())
}

/// Whether a figure as written is a year: four digits, 1000 to 2999.
fn is_year(written: &str) -> bool {
    written.len() == 4
        && written.starts_with(['1', '2'])
        && written.bytes().all(|byte| byte.is_ascii_digit())
}

/// A warning for a figure a clerk most likely meant otherwise than JSON reads it: a year in a
/// column of years (it would print with a thousands point, 2.018), a Danish thousands point
/// (1.234 is one and a fraction in JSON, printed 1,234) in a column of whole numbers, or an
/// exponent (1e3), which a table never shows. No total catches the first two where there is
/// none, and they print as plausible figures.
fn misread_figure(
    figure: &Figure,
    in_years: bool,
    (whole_column, counts): (bool, bool),
    path: impl FnOnce() -> JsonPath,
) -> Option<Problem> {
    let written = figure.numeral();
    let printed = crate::danish::number(figure);
    let (message, hint) = if in_years && is_year(written) {
        (
            format!("årstallet {written} sættes som tal, med tusindtalspunktum: {printed}"),
            format!("skriv årstal som tekst: \"{written}\""),
        )
    } else if whole_column && crate::danish::is_thousands_point(written) {
        let meant = written.replace('.', "");
        let message =
            format!("tallet {written} sættes som {printed}: i JSON er punktum decimaltegn");
        return Some(misread_severity(counts)(
            path(),
            message,
            Some(if counts {
                format!(
                    "skriv {meant} uden punktum: kolonnen tæller, så tallet er helt, og svar sætter \
                     selv tusindtalspunktum"
                )
            } else {
                format!(
                    "skriv {meant} uden punktum, hvis det er et helt tal (kolonnens andre tal er \
                     hele tal)"
                )
            }),
        ));
    } else if written.contains(['e', 'E']) {
        (
            format!("tallet {written} er skrevet med eksponent og sættes som {printed}"),
            format!("skriv tallet helt ud: {}", figure.plain()),
        )
    } else {
        return None;
    };
    Some(Problem::warning(path(), message, Some(hint)))
}

/// A warning for a text cell written like a figure ("1234", "12,5"): it prints as written, without
/// thousands points, and no total counts it, where the clerk most likely meant a figure.
fn figure_as_text(text: &str, path: impl FnOnce() -> JsonPath) -> Option<Problem> {
    let unsigned = text.trim().trim_start_matches(['-', '\u{2212}']);
    let like_figure = unsigned.starts_with(|c: char| c.is_ascii_digit())
        && (unsigned
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            || is_space_grouped(unsigned));
    like_figure.then(|| {
        let hint = match meant_figure(text) {
            Some((plain, printed)) => format!(
                "skriv {plain} uden anførselstegn, så cellen er et tal, der sættes som {printed} \
                 og tælles med i totalen"
            ),
            None => "skriv tallet uden anførselstegn og med punktum som decimaltegn (fx 1234 \
                     eller 12.5), så det sættes som tal og tælles med i totalen"
                .into(),
        };
        Problem::warning(
            path(),
            format!("cellen \"{text}\" er skrevet som tekst, men ligner et tal"),
            Some(hint),
        )
    })
}

/// The figure a text cell written like one means, as JSON writes it and as svar prints it:
/// "512.345" (a Danish thousands point) is 512345, printed 512.345, "1.234,5" is 1234.5 and
/// "4 512" is 4512; read as a Danish clerk writes figures, as near figures are. Given back as
/// written, its point would be JSON's decimal point. `None` where it is no figure in either
/// convention ("1.2.3", "007"), and only the way to write a figure can be told.
fn meant_figure(text: &str) -> Option<(String, String)> {
    let compact: String = (text.trim().chars())
        .filter(|c| ![' ', '\u{a0}', '\u{202f}'].contains(c))
        .collect();
    let plain = crate::input::plain_figure(&compact)?;
    let printed = crate::danish::number(&Figure::from_json(&plain)?);
    Some((plain, printed))
}

/// Whether `text` is a number grouped in thousands by spaces, as Danish Word and Excel may
/// write it: "4 512", "1 234 567,5" (a space, a no-break space or a narrow one).
fn is_space_grouped(text: &str) -> bool {
    let digits = |group: &str| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit());
    let groups: Vec<&str> = text.split([' ', '\u{a0}', '\u{202f}']).collect();
    let Some((last, rest)) = groups.split_last() else {
        return false;
    };
    let last = last.split_once([',', '.']).map_or(
        *last,
        |(whole, fraction)| {
            if digits(fraction) { whole } else { "" }
        },
    );
    groups.len() > 1
        && rest
            .first()
            .is_some_and(|first| first.len() <= 3 && digits(first))
        && rest[1..]
            .iter()
            .chain([&last])
            .all(|group| group.len() == 3 && digits(group))
}

/// The most decimals a figure of a table has without a warning. More is nearly always the
/// noise of binary arithmetic (0.1 + 0.2 gives 0.30000000000000004) copied from a spreadsheet
/// or a script, and it would print as written, in a column widened to hold it.
const MAX_DECIMALS: usize = 6;

/// A warning for a figure with more than [`MAX_DECIMALS`] decimals.
fn noisy_decimals(figure: &Figure, path: impl FnOnce() -> JsonPath) -> Option<Problem> {
    let printed = crate::danish::number(figure);
    let decimals = printed
        .split_once(',')
        .map_or(0, |(_, fraction)| fraction.len());
    (decimals > MAX_DECIMALS).then(|| {
        Problem::warning(
            path(),
            format!("tallet {printed} har {decimals} decimaler, som alle sættes"),
            Some(
                "rund tallet af til de decimaler, tabellen skal vise; så mange ligner støj fra \
                 en beregning"
                    .into(),
            ),
        )
    })
}

/// Column headers name cells in reviews ("Tabel 2 B, Frifundet, 2016") and match columns
/// between two versions, so each must be unique within its panel. Rows may share a label
/// ("Mænd" under each group): a review tells them by their figures and their order.
fn check_unique_columns(columns: &[String], path: &JsonPath, problems: &mut Vec<Problem>) {
    for (index, name) in columns.iter().enumerate() {
        if columns[..index].contains(name) {
            problems.push(Problem::warning(
                path.index(index),
                format!("kolonneoverskriften \"{name}\" er brugt før i samme panel"),
                Some(
                    "giv hver kolonne sin egen overskrift, så ændringer kan henføres entydigt"
                        .into(),
                ),
            ));
        }
    }
}

/// Rows may share a label, but a row with the label and the figures of one before it is one
/// pasted twice.
fn check_repeated_rows(rows: &[Row], path: &JsonPath, problems: &mut Vec<Problem>) {
    for (index, row) in rows.iter().enumerate() {
        if let Some(earlier) = rows[..index].iter().position(|earlier| earlier == row) {
            let name = row.label.as_deref().unwrap_or("uden navn");
            problems.push(Problem::warning(
                path.index(index),
                format!(
                    "rækken \"{name}\" er den samme som række {}, med de samme tal",
                    earlier + 1
                ),
                Some("fjern den ene, hvis rækken er sat ind to gange".into()),
            ));
        }
    }
}

/// Whether a cell prints exactly the value written, as far as can be told once it is read:
/// numbers from 2⁵³ lose digits.
pub(super) fn is_exact(cell: &Cell) -> bool {
    match cell {
        Cell::Number(figure) => precision::of_figure(figure).is_none(),
        Cell::Text(_) => true,
    }
}

/// A total row must add up, column by column, where every cell of the column is a number or a
/// dash (which counts as nothing): the ordinary rows, as a "heraf" row is counted in the row
/// above it and a sub-total sums rows counted already.
pub(super) fn check_total(
    panel: &Panel,
    total: &Row,
    path: &JsonPath,
    problems: &mut Vec<Problem>,
) {
    let summed: Vec<usize> = (0..panel.rows.len())
        .filter(|&index| is_summed(panel, index))
        .collect();
    for (column, stated, sum) in mismatches(panel, &summed, &total.cells) {
        problems.push(Problem::error(
            path.key("cells").index(column),
            format!(
                "totalen i {} er {}, men rækkerne summer til {}",
                column_name(panel, column),
                crate::danish::number(stated),
                crate::danish::number(&sum),
            ),
            Some(total_tip(panel, "ret tallene")),
        ));
    }
}

/// Whether row `index` is one of the ordinary rows that the total and the sub-totals sum:
/// neither a part of another ("heraf …", wherever it stands) nor a sub-total.
fn is_summed(panel: &Panel, index: usize) -> bool {
    !panel.is_labelled_part(index) && !panel.is_subtotal(index)
}

/// The tip of a sum that does not add up, after `mend` ("ret tallene"): the panel's options
/// for figures that are rounded, or a total that is no sum, which the clerk may have meant.
fn total_tip(panel: &Panel, mend: &str) -> String {
    if panel.total_rounded {
        format!(
            "{mend}: forskellen er større end en halv enhed på sidste decimal pr. række, som \
             afrundingen af tallene kan forklare"
        )
    } else {
        format!(
            "{mend}; er tallene afrundede, så de ikke summer præcist, sæt \"total_rounded\": \
             true på panelet; er totalen bevidst ikke en sum, sæt \"total_is_sum\": false (og \
             forklar det i noterne)"
        )
    }
}

/// Each sub-total (see [`Panel::is_subtotal`]) must add up, column by column, as the total
/// does: to the ordinary rows since the sub-total before it, or since the panel's start.
fn check_subtotals(panel: &Panel, path: &JsonPath, problems: &mut Vec<Problem>) {
    let mut start = 0;
    for (index, row) in panel.rows.iter().enumerate() {
        if !panel.is_subtotal(index) {
            continue;
        }
        let summed: Vec<usize> = (start..index)
            .filter(|&above| is_summed(panel, above))
            .collect();
        start = index + 1;
        for (column, stated, sum) in mismatches(panel, &summed, &row.cells) {
            let label = row.label.as_deref().unwrap_or_default();
            problems.push(Problem::error(
                path.key("rows").index(index).key("cells").index(column),
                format!(
                    "subtotalen \"{label}\" i {} er {}, men rækkerne over den summer til {}",
                    column_name(panel, column),
                    crate::danish::number(stated),
                    crate::danish::number(&sum),
                ),
                Some(total_tip(
                    panel,
                    "en subtotal er summen af rækkerne siden subtotalen før den (eller \
                     panelets start), \"heraf\"-rækker fraregnet; ret tallene",
                )),
            ));
        }
    }
}

/// "heraf" rows: one labelled so as the panel's first row has no row above to be a part of
/// (an error, as the clerk surely meant it under another row, and it is not summed); one
/// larger than the row it is a part of is most likely a typing mistake, where the figures are
/// counts or amounts that cannot be negative (a warning per column).
fn check_parts(panel: &Panel, path: &JsonPath, problems: &mut Vec<Problem>) {
    if panel.is_labelled_part(0) {
        let label = panel.rows[0].label.as_deref().unwrap_or_default();
        problems.push(Problem::error(
            path.key("rows").index(0).key("label"),
            format!(
                "rækken \"{label}\" er panelets første, så der er ingen række over den, som den \
                 kan være en del af"
            ),
            Some(
                "flyt rækken ind under den række, den er en del af, eller giv den et navn, der \
                 ikke begynder med \"heraf\""
                    .into(),
            ),
        ));
    }
    for index in (1..panel.rows.len()).filter(|&index| panel.is_part_of_above(index)) {
        let Some(whole) = (0..index)
            .rev()
            .find(|&above| !panel.is_labelled_part(above))
        else {
            continue;
        };
        let (part_row, whole_row) = (&panel.rows[index], &panel.rows[whole]);
        for (column, (part, of)) in part_row.cells.iter().zip(&whole_row.cells).enumerate() {
            let (Some(part), Some(of)) = (exact_figure(part), exact_figure(of)) else {
                continue;
            };
            if part.value() > of.value() && of.value() >= 0.0 {
                problems.push(Problem::warning(
                    path.key("rows").index(index).key("cells").index(column),
                    format!(
                        "rækken \"{}\" er {} i {}, mere end rækken \"{}\" over den ({}), som \
                         den er en del af",
                        part_row.label.as_deref().unwrap_or_default(),
                        crate::danish::number(part),
                        column_name(panel, column),
                        whole_row.label.as_deref().unwrap_or("uden navn"),
                        crate::danish::number(of),
                    ),
                    Some(
                        "ret tallet; en \"heraf\"-række er en del af rækken over den og kan ikke \
                         være større"
                            .into(),
                    ),
                ));
            }
        }
    }
}

/// The figure column `column` (from 0) of `panel` as a message names it. In a panel written in
/// the answer file, by its place among the panel's `"columns"` and its heading: "kolonne 2
/// (2010)". In a panel filled from a spreadsheet, whose row labels are a column of their own
/// there, by its heading and the letters Excel shows over it, so the clerk finds it in the
/// spreadsheet: "kolonnen \"2010\" (regnearkets kolonne C)".
fn column_name(panel: &Panel, column: usize) -> String {
    let heading = (column < panel.columns.len()).then(|| panel.column_name(column));
    match (&panel.spreadsheet, heading) {
        (Some(_), Some(heading)) => format!(
            "kolonnen \"{heading}\" (regnearkets kolonne {})",
            crate::input::sheet_column_letters(column)
        ),
        (_, heading) => {
            let heading = heading.map_or(String::new(), |heading| format!(" ({heading})"));
            format!("kolonne {}{heading}", column + 1)
        }
    }
}

/// The columns where `cells`, a total's or a sub-total's, differ from the sum of the rows
/// `summed` (see [`mismatched_sum`]): each with the figure stated and the sum.
fn mismatches<'a>(
    panel: &'a Panel,
    summed: &'a [usize],
    cells: &'a [Cell],
) -> impl Iterator<Item = (usize, &'a Figure, Figure)> + 'a {
    (cells.iter().enumerate()).filter_map(move |(column, cell)| {
        let (stated, sum) = mismatched_sum(panel, summed, column, cell)?;
        Some((column, stated, sum))
    })
}

/// The stated total of a column and the sum of the rows `summed` (by index), when they differ
/// at the precision the figures are written with, or, for a panel of rounded figures, by more
/// than their rounding explains (see [`rounding_slack`]). A dash adds nothing; a column with
/// other text, or with a figure too large to be exact (which has an error of its own), is not
/// summed.
fn mismatched_sum<'a>(
    panel: &Panel,
    summed: &[usize],
    column: usize,
    total_cell: &'a Cell,
) -> Option<(&'a Figure, Figure)> {
    let stated = exact_figure(total_cell)?;
    let addends: Vec<Option<&Figure>> = (summed.iter())
        .map(|&index| addend(panel.rows.get(index)?.cells.get(column)?))
        .collect::<Option<_>>()?;
    let cells: Vec<&Figure> = addends.into_iter().flatten().collect();
    let places = cells
        .iter()
        .chain([&stated])
        .map(|figure| figure.places())
        .max()?;
    // Binary fractions make 33.3 + 33.3 + 33.3 come out as 99.89999999999999; at the
    // precision the figures are written with, that is 99.9.
    let sum = round(cells.iter().map(|figure| figure.value()).sum(), places);
    // In units of the last decimal, where the difference is a whole number.
    let units = ((sum - stated.value()).abs() * 10f64.powi(places as i32)).round();
    let slack = if panel.total_rounded {
        rounding_slack(&cells, places)
    } else {
        0.0
    };
    (units >= 1.0 && units > slack).then(|| (stated, Figure::rounded(sum, places)))
}

/// How far, in units of decimal `places`, the sum of rounded `figures` may be from their
/// rounded total: half a unit of the last decimal shown of each (12,4 + 87,5 = 99,9 against
/// 100,0 is within 2 × 0,05).
fn rounding_slack(figures: &[&Figure], places: usize) -> f64 {
    (figures.iter())
        .map(|figure| 0.5 * 10f64.powi(places as i32 - figure.places() as i32))
        .sum()
}

/// What a row's cell adds to its column's sum: `Some(None)` for a dash, which in a statistical
/// table means "no cases" and so adds nothing, the figure for a figure, and `None` for other
/// text (".." for a figure withheld, a code), which leaves the column's sum unknown.
pub(super) fn addend(cell: &Cell) -> Option<Option<&Figure>> {
    match cell {
        Cell::Text(text) if is_dash(text) => Some(None),
        _ => exact_figure(cell).map(Some),
    }
}

/// Whether a text cell is a dash alone ("-", "–", "—" or "−"), the mark for "nothing".
fn is_dash(text: &str) -> bool {
    matches!(
        text.trim(),
        "-" | "\u{2010}" | "\u{2012}" | "\u{2013}" | "\u{2014}" | "\u{2212}"
    )
}

/// The figure in a cell, unless it is text or too large to be exact.
pub(super) fn exact_figure(cell: &Cell) -> Option<&Figure> {
    match cell {
        Cell::Number(figure) if is_exact(cell) => Some(figure),
        _ => None,
    }
}

/// `value` rounded to `places` decimals.
fn round(value: f64, places: usize) -> f64 {
    let scale = 10f64.powi(places as i32);
    let rounded = (value * scale).round() / scale;
    // Scaling cannot make an already huge value more exact, and could overflow it.
    if rounded.is_finite() { rounded } else { value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_is_named_by_its_number_in_the_answer_and_by_its_letters_in_a_spreadsheet() {
        let mut panel: Panel = serde_json::from_value(serde_json::json!({
            "columns": ["2022", "2023"], "rows": [{"label": "A", "cells": [1, 2]}]
        }))
        .unwrap();
        assert_eq!(column_name(&panel, 1), "kolonne 2 (2023)");
        panel.spreadsheet = Some("kommuner.csv".into());
        assert_eq!(
            column_name(&panel, 1),
            "kolonnen \"2023\" (regnearkets kolonne C)"
        );
    }

    #[test]
    fn a_statement_without_introduction_is_led_in_by_a_colon_a_heading_or_a_title() {
        let statement: Statement = serde_json::from_value(serde_json::json!({
            "source": "Rigspolitiet", "introduction": "", "blocks": [{"paragraph": "Tal."}]
        }))
        .unwrap();
        let warned = |before: Option<Block>, path: JsonPath| {
            let mut problems = Vec::new();
            check_lead_in(&statement, before.as_ref(), &path, &mut problems);
            !problems.is_empty()
        };
        let answer = || JsonPath::root().key("answer").key("blocks").index(1);
        let paragraph = |text: &str| Some(Block::Paragraph(text.into()));
        assert!(!warned(
            paragraph("…, der har oplyst følgende:[^1]"),
            answer()
        ));
        assert!(!warned(
            paragraph("…, der har oplyst *følgende:*"),
            answer()
        ));
        assert!(!warned(
            Some(Block::Heading("Rigspolitiets udtalelse".into())),
            answer()
        ));
        assert!(!warned(Some(Block::Statement(statement.clone())), answer()));
        let enclosure = JsonPath::root()
            .key("enclosures")
            .index(0)
            .key("blocks")
            .index(0);
        assert!(!warned(None, enclosure));
        assert!(warned(
            paragraph("Ministeriet har indhentet udtalelser."),
            answer()
        ));
        assert!(warned(Some(Block::Heading("Vurdering".into())), answer()));
        assert!(warned(None, answer()));
    }

    fn places_of(written: &str) -> usize {
        Figure::from_json(written).unwrap().places()
    }

    #[test]
    fn thousands_points_and_years_are_told_from_decimals_and_other_numbers() {
        for written in ["1.234", "-12.500", "999.000"] {
            assert!(crate::danish::is_thousands_point(written), "{written}");
        }
        for written in [
            "0.125", "1.23", "1.2345", "1234.567", "1234", "1e3", "01.234",
        ] {
            assert!(!crate::danish::is_thousands_point(written), "{written}");
        }
        for written in ["2018", "1999"] {
            assert!(is_year(written), "{written}");
        }
        for written in ["987", "20185", "3018", "2018.0", "-201"] {
            assert!(!is_year(written), "{written}");
        }
        assert!(is_year_title(" År ") && is_year_title("årstal"));
        for written in ["4 512", "1 234 567", "1\u{a0}000", "12\u{202f}500,5"] {
            assert!(is_space_grouped(written), "{written}");
        }
        for written in ["4512", "1 2", "1234 567", "1 2345", "Uge 1 200", "1 000,"] {
            assert!(!is_space_grouped(written), "{written}");
        }
        assert!(!is_year_title("År i alt"));
    }

    #[test]
    fn a_figure_written_as_text_is_read_as_a_danish_clerk_writes_it() {
        let meant = |text: &str| meant_figure(text);
        let figure = |plain: &str, printed: &str| Some((plain.to_string(), printed.to_string()));
        assert_eq!(meant("512.345"), figure("512345", "512.345"));
        assert_eq!(meant("1.234,5"), figure("1234.5", "1.234,5"));
        assert_eq!(meant("12,5"), figure("12.5", "12,5"));
        assert_eq!(meant("12.5"), figure("12.5", "12,5"));
        assert_eq!(meant("4 512"), figure("4512", "4.512"));
        assert_eq!(
            meant("-1.234").map(|(plain, _)| plain).as_deref(),
            Some("-1234")
        );
        for unknown in ["1.2.3", "12,5,3", "007"] {
            assert_eq!(meant(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn decimals_are_those_written() {
        assert_eq!(places_of("1250"), 0);
        assert_eq!(places_of("12.0"), 1);
        assert_eq!(places_of("12.25"), 2);
        assert_eq!(places_of("12.250"), 3);
        assert_eq!(places_of("1.5e-7"), 8);
        assert_eq!(places_of("1e22"), 0);
    }

    /// The messages of the checks of `panel`'s sums and "heraf" rows, with their paths.
    fn sum_findings(panel: serde_json::Value) -> Vec<(String, String)> {
        let panel: Panel = serde_json::from_value(panel).unwrap();
        let mut problems = Vec::new();
        check_panel(&panel, &JsonPath::root(), &mut problems);
        (problems.iter())
            .map(|problem| (problem.path.to_string(), problem.message.clone()))
            .collect()
    }

    #[test]
    fn subtotals_are_checked_against_their_rows_and_not_summed_into_the_total() {
        let panel = |men: i64| {
            serde_json::json!({"columns": ["2022"], "rows": [
                {"label": "Mænd, unge", "cells": [10]},
                {"label": "heraf første gang", "cells": [4]},
                {"label": "Mænd, ældre", "cells": [5]},
                {"label": "I alt, mænd", "cells": [men]},
                {"label": "Kvinder", "cells": [1]},
                {"label": "Total kvinder", "cells": [1]}
            ], "total": {"label": "I alt", "cells": [16]}})
        };
        assert_eq!(sum_findings(panel(15)), []);
        assert_eq!(
            sum_findings(panel(14)),
            [(
                "rows[3].cells[0]".to_string(),
                "subtotalen \"I alt, mænd\" i kolonne 1 (2022) er 14, men rækkerne over den \
                 summer til 15"
                    .to_string()
            )]
        );
    }

    #[test]
    fn rounded_figures_may_miss_their_total_by_half_a_unit_per_row() {
        let panel = |rounded: bool, cells: [f64; 3]| {
            serde_json::json!({"columns": ["2021"], "total_rounded": rounded, "rows": [
                {"label": "A", "cells": [cells[0]]}, {"label": "B", "cells": [cells[1]]}
            ], "total": {"label": "I alt", "cells": [cells[2]]}})
        };
        assert_eq!(sum_findings(panel(true, [12.4, 87.5, 100.0])), []);
        assert_eq!(sum_findings(panel(true, [12.4, 87.5, 99.8])), []);
        assert_eq!(sum_findings(panel(true, [12.3, 87.5, 100.0])).len(), 1);
        assert_eq!(sum_findings(panel(false, [12.4, 87.5, 100.0])).len(), 1);
        let figures = ["12.4", "87", "0.25"].map(|written| Figure::from_json(written).unwrap());
        let figures: Vec<&Figure> = figures.iter().collect();
        assert_eq!(rounding_slack(&figures, 2), 5.0 + 50.0 + 0.5);
    }

    #[test]
    fn a_heraf_row_larger_than_its_row_or_first_in_its_panel_is_told_at_it() {
        let findings = sum_findings(serde_json::json!({"columns": ["2014", "2015"], "rows": [
            {"label": "heraf ukendt", "cells": [1, 1]},
            {"label": "Hovedstaden", "cells": [100, -5]},
            {"label": "heraf København", "cells": [5000, 2]},
            {"label": "heraf Frederiksberg", "cells": [60, 1]}
        ], "total": {"label": "I alt", "cells": [100, -5]}}));
        assert_eq!(
            findings,
            [
                (
                    "rows[0].label".to_string(),
                    "rækken \"heraf ukendt\" er panelets første, så der er ingen række over \
                     den, som den kan være en del af"
                        .to_string()
                ),
                (
                    "rows[2].cells[0]".to_string(),
                    "rækken \"heraf København\" er 5.000 i kolonne 1 (2014), mere end rækken \
                     \"Hovedstaden\" over den (100), som den er en del af"
                        .to_string()
                ),
            ]
        );
    }

    #[test]
    fn sums_are_rounded_to_the_decimals_written() {
        assert_eq!(round(33.3 + 33.3 + 33.3, 1), 99.9);
        assert_eq!(round(0.1 + 0.2, 1), 0.3);
        assert_eq!(round(1e300, 17), 1e300);
    }
}
