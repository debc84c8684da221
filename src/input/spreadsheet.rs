//! Tables from spreadsheets: a panel's header and rows read from a CSV file beside the answer
//! file, the way agencies deliver their figures.
//!
//! A mistake in a spreadsheet is a finding at the panel's `"csv"`, the only place the answer
//! names the spreadsheet, whose message begins with the spreadsheet's file, line and column,
//! as a ministry profile's mistakes name the profile; the finding carries that place too (a
//! [`SourcePlace`]), for `--format json`. The content checks, which run on the filled panels,
//! are told the same way which line of the spreadsheet they are about.

mod figure;
mod records;

use std::path::{Path, PathBuf};

pub(crate) use self::figure::plain_in_either as plain_figure;
use self::figure::{Convention, Unreadable};
use self::records::{Record, Unclosed};
use super::confine;
use super::scan;
use crate::danish::{self, count};
use crate::input::{SideFiles, SourcePlace};
use crate::json_path::{JsonPath, Step};
use crate::model::{Answer, Block, Cell, Panel, Row};
use crate::validate::Problem;

/// Fills every panel that names a CSV file from it. Returns where the panels' headers and rows
/// came from, to name them in the content checks' findings, or what went wrong, located.
///
/// An answer a PDF carries has its figures written in (svar attaches the answer with its
/// spreadsheets read), so a spreadsheet named there is refused rather than looked for on disk.
pub(super) fn resolve(
    answer: &mut Answer,
    side_files: SideFiles<'_>,
) -> Result<Sheets, Vec<Problem>> {
    let folder = match side_files {
        SideFiles::Beside(path) => Some(crate::input::answer_folder(path)),
        SideFiles::Attached(_) => None,
    };
    let mut filler = Filler {
        folder: folder.as_deref(),
        sheets: Vec::new(),
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    let root = JsonPath::root();
    filler.blocks(&mut answer.answer.blocks, &root.key("answer").key("blocks"));
    // Large tables belong in enclosures, so their panels are filled too.
    for (index, enclosure) in answer.enclosures.iter_mut().enumerate() {
        let blocks = root.key("enclosures").index(index).key("blocks");
        filler.blocks(&mut enclosure.blocks, &blocks);
    }
    if filler.problems.is_empty() {
        Ok(Sheets {
            sheets: filler.sheets,
            warnings: filler.warnings,
        })
    } else {
        let mut problems = filler.problems;
        problems.extend(filler.warnings);
        Err(problems)
    }
}

/// Which spreadsheets filled which panels, so that the content checks' findings about a filled
/// panel's header or rows, whose paths lead nowhere in the answer file, name the spreadsheet.
pub(super) struct Sheets {
    sheets: Vec<Sheet>,
    /// What reading the spreadsheets found that is no error, already located.
    warnings: Vec<Problem>,
}

impl Sheets {
    /// `problems`, those about a spreadsheet's header or rows moved to the panel's `"csv"` with
    /// the spreadsheet's file and line before their message, and after them the warnings
    /// reading the spreadsheets gave.
    pub(super) fn relocate(&self, problems: Vec<Problem>) -> Vec<Problem> {
        problems
            .into_iter()
            .map(|problem| {
                self.sheets
                    .iter()
                    .find_map(|sheet| sheet.relocated(&problem))
                    .unwrap_or(problem)
            })
            .chain(self.warnings.iter().cloned())
            .collect()
    }
}

/// Where one panel's header and rows came from.
struct Sheet {
    /// The panel in the answer.
    panel: JsonPath,
    /// The spreadsheet's file as a whole.
    file: SourcePlace,
    /// The lines of its header and rows.
    lines: Lines,
}

/// Where a spreadsheet's header, rows and total row are.
struct Lines {
    header: RowPlace,
    /// The header over the row labels, if the spreadsheet gave it rather than the answer.
    label: Option<usize>,
    rows: Vec<RowPlace>,
    total: Option<RowPlace>,
}

/// Where a row of a spreadsheet is: its line, and the line and character each of its cells
/// starts at, the label's (or the header's over the labels) first. A quoted cell may hold a
/// line break (Excel's Alt+Enter), so a row's later cells may start on a later line.
#[derive(Debug, Clone)]
struct RowPlace {
    line: usize,
    cells: Vec<(usize, usize)>,
}

impl RowPlace {
    /// The place of `record`.
    fn of(record: &Record) -> Self {
        Self {
            line: record.line(),
            cells: (record.cells.iter())
                .map(|cell| (cell.line, cell.column))
                .collect(),
        }
    }

    /// The line and the character the cell at `rest` starts at: a row's `label` or one of
    /// its `cells[2]`, the header's `columns[2]`; the row's line alone for the row as a whole.
    fn at(&self, rest: &[Step]) -> (usize, Option<usize>) {
        let cell = match rest {
            [Step::Key(key), Step::Index(index), ..] if key == "cells" || key == "columns" => {
                self.cells.get(index + 1)
            }
            [Step::Key(key), ..] if key == "label" || key == "label_header" => self.cells.first(),
            _ => None,
        };
        match cell {
            Some(&(line, column)) => (line, Some(column)),
            None => (self.line, None),
        }
    }
}

impl Sheet {
    /// `problem` at the panel's `"csv"`, about its place in the spreadsheet, if it is about
    /// the header or rows the spreadsheet gave.
    fn relocated(&self, problem: &Problem) -> Option<Problem> {
        let rest = problem.path.0.strip_prefix(self.panel.0.as_slice())?;
        let place = self.place_of(rest)?;
        let relocated = Problem {
            path: self.panel.key("csv"),
            ..problem.clone()
        };
        Some(relocated.in_source(place))
    }

    /// The place in the spreadsheet of the part of the panel at `rest` (a path below the
    /// panel's); `None` for what the answer file itself says, such as the panel's title. A
    /// cell is named by its line and the character it starts at, as reading errors are; the
    /// rest by its line.
    fn place_of(&self, rest: &[Step]) -> Option<SourcePlace> {
        use Step::{Index, Key};
        if !fills(rest) {
            return None;
        }
        let at = match rest {
            [Key(key), Index(row), rest @ ..] if key == "rows" => {
                self.lines.rows.get(*row).map(|row| row.at(rest))
            }
            [Key(key)] if key == "rows" => None,
            [Key(key), rest @ ..] if key == "total" => {
                self.lines.total.as_ref().map(|row| row.at(rest))
            }
            [Key(key), ..] if key == "columns" => Some(self.lines.header.at(rest)),
            [Key(key), ..] if key == "label_header" => {
                self.lines.label?;
                Some(self.lines.header.at(rest))
            }
            _ => return None,
        };
        Some(match at {
            Some((line, column)) => self.file.at(line, column),
            None => self.file.clone(),
        })
    }
}

/// Whether a spreadsheet gives the part of its panel at `rest` (a path below the panel's): the
/// header (the columns and the heading over the row labels) and the rows, the total included.
/// The rest, such as the panel's letter and title, the answer file says itself.
pub fn fills(rest: &[Step]) -> bool {
    matches!(rest.first(), Some(Step::Key(key))
        if ["columns", "label_header", "rows", "total"].contains(&key.as_str()))
}

/// The letters a spreadsheet program shows over the column of the spreadsheet that a filled
/// panel's figure column `column` (from 0) came from: "B" for the first, since the row labels
/// are column A, and "AA" after "Z". A clerk looks for the column in Excel by them, where
/// counting the panel's figure columns would be one off.
pub(crate) fn sheet_column_letters(column: usize) -> String {
    // Excel's letters are a number in base 26 without a zero: A to Z, then AA.
    let mut number = column + 2;
    let mut letters = Vec::new();
    while number > 0 {
        let below = (number - 1) % 26;
        letters.push(char::from(b'A' + below as u8));
        number = (number - 1) / 26;
    }
    letters.into_iter().rev().collect()
}

/// Fills the panels that name spreadsheets, gathering where they came from and what went
/// wrong.
struct Filler<'a> {
    /// The answer file's folder; `None` for an answer a PDF carries.
    folder: Option<&'a Path>,
    sheets: Vec<Sheet>,
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
}

impl Filler<'_> {
    fn blocks(&mut self, blocks: &mut [Block], path: &JsonPath) {
        for (index, block) in blocks.iter_mut().enumerate() {
            let path = path.index(index);
            match block {
                Block::Statement(statement) => {
                    self.blocks(&mut statement.blocks, &path.key("statement").key("blocks"))
                }
                Block::Table(table) => {
                    for (number, panel) in table.panels.iter_mut().enumerate() {
                        let panel_path = path.key("table").key("panels").index(number);
                        match fill(panel, &panel_path, self.folder) {
                            Ok(Some((sheet, warnings))) => {
                                self.sheets.push(sheet);
                                self.warnings.extend(warnings);
                            }
                            Ok(None) => {}
                            Err(problems) => self.problems.extend(problems),
                        }
                    }
                }
                Block::Paragraph(_)
                | Block::Heading(_)
                | Block::List(_)
                | Block::NumberedList(_)
                | Block::Figure(_) => {}
            }
        }
    }
}

/// Reads the panel's CSV file, if it has one, into its header and rows, and returns where they
/// came from and the warnings reading it gave; `folder` is the answer file's, `None` for an
/// answer a PDF carries.
fn fill(
    panel: &mut Panel,
    path: &JsonPath,
    folder: Option<&Path>,
) -> Result<Option<(Sheet, Vec<Problem>)>, Vec<Problem>> {
    let Some(name) = panel.csv.clone() else {
        return Ok(None);
    };
    let at_csv = |flaw: Flaw| flaw.error_at(path.key("csv"));
    let folder = sheet_folder(panel, &name, folder).map_err(|flaw| vec![at_csv(flaw)])?;
    let file = SourcePlace::file(&name, &shown(folder, &name));
    let mut table = load(&name, folder, &file).map_err(|unread| {
        let warnings = unread.warnings.into_iter();
        let warnings = warnings.map(|flaw| flaw.warning_at(path.key("csv")));
        unread
            .errors
            .into_iter()
            .map(at_csv)
            .chain(warnings)
            .collect::<Vec<_>>()
    })?;
    let (label_header, label_line) =
        label_header(panel.label_header.clone(), table.label_header.take(), &file)
            .map_err(|flaw| vec![flaw.error_at(path.key("label_header"))])?;
    panel.label_header = label_header;
    table.lines.label = label_line;
    let warnings = std::mem::take(&mut table.warnings)
        .into_iter()
        .map(|flaw| flaw.warning_at(path.key("csv")))
        .collect();
    let lines = table.move_into(panel);
    Ok(Some((
        Sheet {
            panel: path.clone(),
            file,
            lines,
        },
        warnings,
    )))
}

/// The folder to look for the spreadsheet `name` of `panel` in: the answer file's `folder`.
/// Refused for a panel that also has figures of its own, since one of them would be silently
/// dropped, and for an answer a PDF carries (`folder` is `None`), whose figures svar wrote in.
fn sheet_folder<'a>(panel: &Panel, name: &str, folder: Option<&'a Path>) -> Result<&'a Path, Flaw> {
    if !panel.columns.is_empty() || !panel.rows.is_empty() || panel.total.is_some() {
        return Err(Flaw::new(
            "panelet har både \"csv\" og egne kolonner eller rækker",
            "brug enten \"csv\" eller \"columns\"/\"rows\"/\"total\"",
        ));
    }
    folder.ok_or_else(|| {
        Flaw::new(
            format!("svarfilen i PDF'en henviser til regnearket \"{name}\", som PDF'en ikke har"),
            "svar skriver tallene fra regneark ind i den svarfil, PDF'en bærer; PDF'en er ikke \
             lavet af svar, eller dens svarfil er ændret",
        )
    })
}

/// The table in the spreadsheet `name` in `folder`, the `file` its flaws are placed in.
fn load(name: &str, folder: &Path, file: &SourcePlace) -> Result<Table, Unread> {
    let text = read(name, folder).map_err(|flaw| vec![flaw])?;
    parse(&text, file)
}

/// The spreadsheet `name` in `folder` named as the answer file is, so the clerk finds it from
/// where svar was run, and as the name comes to (`svar/sager.csv` for `./sager.csv`).
fn shown(folder: &Path, name: &str) -> String {
    let name = confine::normalise(Path::new(name)).unwrap_or_else(|| PathBuf::from(name));
    folder.join(name).display().to_string()
}

/// The panel's header over its row labels and, if the spreadsheet `file` gave it, the line it
/// came from. The answer's `label_header` (`own`) serves a spreadsheet whose first cell
/// (`sheet`) is empty; both may be given only if they agree, since one of them would otherwise
/// be silently dropped.
fn label_header(
    own: Option<String>,
    sheet: Option<records::Cell>,
    file: &SourcePlace,
) -> Result<(Option<String>, Option<usize>), Flaw> {
    match (own, sheet) {
        (Some(own), Some(cell)) if own != cell.text => Err(Flaw::at(
            file.at(cell.line, Some(cell.column)),
            format!(
                "regnearket har \"{}\" over rækkenavnene, men panelet har \"label_header\": \"{own}\"",
                cell.text,
            ),
            format!(
                "skriv overskriften ét sted: fjern \"label_header\" fra panelet, eller slet \"{}\" i regnearkets første celle",
                cell.text
            ),
        )),
        (Some(own), _) => Ok((Some(own), None)),
        (None, Some(cell)) => Ok((Some(cell.text), Some(cell.line))),
        (None, None) => Ok((None, None)),
    }
}

/// How messages name a spreadsheet.
const SPREADSHEET: confine::Named = confine::Named {
    noun: "regnearket",
    pronoun: "det",
    example: "tabel-1.csv",
    unreadable_hint: "gem regnearket som CSV (UTF-8) i svarfilens mappe",
};

/// The text of the spreadsheet `name`, which must lie in the answer's `folder`.
fn read(name: &str, folder: &Path) -> Result<String, Flaw> {
    let bytes = confine::read_named(folder, name, &SPREADSHEET)
        .map_err(|(message, hint)| Flaw::new(message, hint))?;
    if let Some(found) = crate::input::NotText::of(&bytes) {
        return Err(Flaw::new(
            found.in_spreadsheet(name),
            "gem regnearket i Excel med \"Gem som\" og filtypen \"CSV UTF-8 (kommasepareret)\"",
        ));
    }
    Ok(crate::input::decode(bytes))
}

/// A spreadsheet's header and rows as a panel's, with the lines they came from.
struct Table {
    /// The first cell of the header row, unless it is empty.
    label_header: Option<records::Cell>,
    columns: Vec<String>,
    rows: Vec<Row>,
    total: Option<Row>,
    lines: Lines,
    /// What is no error but likely not what the clerk meant, such as a total row that is not
    /// the last.
    warnings: Vec<Flaw>,
}

impl Table {
    /// Moves the header's columns and the rows, the total included, into `panel`, whose
    /// figures they now are (the PDF's attached answer needs no spreadsheet), and returns the
    /// lines they came from.
    fn move_into(self, panel: &mut Panel) -> Lines {
        panel.columns = self.columns;
        panel.rows = self.rows;
        panel.total = self.total;
        panel.spreadsheet = panel.csv.take();
        self.lines
    }
}

/// A spreadsheet that could not be read whole: its mistakes, and the warnings the rows that
/// could be read gave, so that one check tells the clerk of both rather than of the warnings
/// only once the mistakes are mended.
#[derive(Debug)]
struct Unread {
    errors: Vec<Flaw>,
    warnings: Vec<Flaw>,
}

impl From<Vec<Flaw>> for Unread {
    fn from(errors: Vec<Flaw>) -> Self {
        Self {
            errors,
            warnings: Vec::new(),
        }
    }
}

/// A mistake in a spreadsheet: where, if it has a place in the spreadsheet, what is wrong
/// there, and what to do.
#[derive(Debug, PartialEq, Eq)]
struct Flaw {
    /// The place in the spreadsheet, which the finding's message will begin with; `None` for
    /// a spreadsheet that cannot be found or read at all. Boxed, as flaws are returned as
    /// errors, and few.
    place: Option<Box<SourcePlace>>,
    /// What is wrong, without the place.
    message: String,
    hint: String,
}

impl Flaw {
    /// A flaw with no place in the spreadsheet.
    fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            place: None,
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// A flaw at `place` in the spreadsheet.
    fn at(place: SourcePlace, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            place: Some(Box::new(place)),
            ..Self::new(message, hint)
        }
    }

    /// The flaw as an error in the answer at `path`, the panel's `"csv"` or the part of the
    /// panel the spreadsheet disagrees with.
    fn error_at(self, path: JsonPath) -> Problem {
        let problem = Problem::error(path, self.message, Some(self.hint));
        placed(problem, self.place)
    }

    /// The flaw as a warning in the answer at `path`: the spreadsheet is read, but likely not
    /// as the clerk meant.
    fn warning_at(self, path: JsonPath) -> Problem {
        let problem = Problem::warning(path, self.message, Some(self.hint));
        placed(problem, self.place)
    }
}

/// `problem` about `place` in the spreadsheet, if the flaw it came from has one.
fn placed(problem: Problem, place: Option<Box<SourcePlace>>) -> Problem {
    match place {
        Some(place) => problem.in_source(*place),
        None => problem,
    }
}

/// The CSV text `text` of the spreadsheet `file`: the first row holds the headers (its first
/// cell over the row labels), the next rows a label and the figures, and a last row labelled
/// as a total (see [`is_total_label`]) is the total row. Every mistake in its rows is returned,
/// with the warnings of the rows that could be read, so one check finds all.
fn parse(text: &str, file: &SourcePlace) -> Result<Table, Unread> {
    let (convention, records) = read_records(text, file)?;
    let (records, extra) = without_extra_separators(records);
    let (header, body) = split_header(&records, file)?;
    let reader = Reader {
        file,
        convention,
        header,
    };
    let (mut body, errors) = reader.body(body, extra)?;
    let mut warnings = body.totals_not_last(file);
    warnings.extend(body.misread_thousands(file, convention));
    if !errors.is_empty() {
        return Err(Unread { errors, warnings });
    }
    let (total, total_place) = body.take_total().unzip();
    Ok(Table {
        label_header: reader.label_header(),
        columns: body.columns,
        rows: body.rows,
        total,
        lines: Lines {
            header: RowPlace::of(header),
            label: None,
            rows: body.places,
            total: total_place,
        },
        warnings,
    })
}

/// The records of the CSV text `text` of `file`, split by the convention its first row tells,
/// and that convention; refused whole if a character is not UTF-8 or a quote never closes,
/// since the cells after either cannot be trusted.
fn read_records(text: &str, file: &SourcePlace) -> Result<(Convention, Vec<Record>), Vec<Flaw>> {
    if let Some(offset) = scan::first_unreadable(text) {
        return Err(vec![not_utf8(text, offset, file)]);
    }
    let convention = Convention::of(text);
    let records = records::records(text, convention.separator())
        .map_err(|unclosed| vec![unclosed_quote(unclosed, file)])?;
    Ok((convention, records))
}

/// The header row of `records` and the rows under it; a spreadsheet without even a header is
/// refused, as it gives the panel nothing.
fn split_header<'a>(
    records: &'a [Record],
    file: &SourcePlace,
) -> Result<(&'a Record, &'a [Record]), Vec<Flaw>> {
    records.split_first().ok_or_else(|| {
        vec![Flaw::at(
            file.clone(),
            "regnearket er tomt",
            "første række skal være overskrifterne",
        )]
    })
}

/// Whether `row` is labelled as a total (see [`is_total_label`]).
fn is_labelled_total(row: &Row) -> bool {
    row.label.as_deref().is_some_and(is_total_label)
}

/// Whether `label` names a total row: "I alt" or "Total", in capitals or small letters as the
/// clerk wrote it ("i alt", "I ALT"), and perhaps with a colon after it ("I alt:"). The label
/// prints as written.
fn is_total_label(label: &str) -> bool {
    let label = label
        .trim_end_matches(|c: char| c == ':' || c.is_whitespace())
        .to_lowercase();
    label == "i alt" || label == "total"
}

/// The first character of the text `text` of `file` that was not UTF-8 (see [`scan`]): a
/// spreadsheet saved as Excel's plain "CSV" is in Windows' own encoding, where "Århus" is
/// not UTF-8.
fn not_utf8(text: &str, offset: usize, file: &SourcePlace) -> Flaw {
    let (line, column) = records::position(text, offset);
    Flaw::at(
        file.at(line, Some(column)),
        scan::unreadable("regnearket"),
        "åbn regnearket i Excel, og gem det igen med \"Gem som\" og filtypen \
         \"CSV UTF-8 (kommasepareret)\"; står der �, så skriv tegnet igen",
    )
}

/// Empty cells that end every row, so many of them, and where the first of them starts in the
/// header (the line and column of the separator before it).
struct Extra {
    count: usize,
    line: usize,
    column: usize,
}

/// `records` without the empty cells that end every one of them, and those cells, if any.
/// Excel writes them when a column right of the table was once used or formatted
/// (`Type;2009;` and `A;1;`); they are no column of the table, and one finding says so rather
/// than one for every empty cell.
fn without_extra_separators(mut records: Vec<Record>) -> (Vec<Record>, Option<Extra>) {
    let mut extra: Option<Extra> = None;
    let ends_empty = |record: &Record| {
        record.cells.len() > 1 && record.cells.last().is_some_and(|cell| cell.text.is_empty())
    };
    while !records.is_empty() && records.iter().all(ends_empty) {
        let removed = records[0].cells.last().expect("a record has cells").clone();
        for record in &mut records {
            record.cells.pop();
        }
        extra = Some(Extra {
            count: extra.map_or(1, |extra| extra.count + 1),
            line: removed.line,
            column: removed.column - 1,
        });
    }
    (records, extra)
}

/// A quote that is never closed, which would take the rest of the file into one cell.
fn unclosed_quote(unclosed: Unclosed, file: &SourcePlace) -> Flaw {
    Flaw::at(
        file.at(unclosed.line, Some(unclosed.column)),
        "et anførselstegn lukkes ikke",
        "sæt det afsluttende anførselstegn efter cellens tekst, eller fjern anførselstegnet; \
         et anførselstegn inde i en celle i anførselstegn skrives dobbelt (\"\")",
    )
}

/// The columns and rows a spreadsheet gives under its header, each row with its place, before
/// a total row is told from the others.
struct Body {
    columns: Vec<String>,
    rows: Vec<Row>,
    /// Where each of `rows` stands in the spreadsheet.
    places: Vec<RowPlace>,
}

impl Body {
    /// A warning for each row labelled as a total above other rows ("I alt", then "Heraf
    /// unge"): that is no total svar can check, so it is set as an ordinary row, and the clerk
    /// is told, rather than the check silently not being made.
    fn totals_not_last(&self, file: &SourcePlace) -> Vec<Flaw> {
        self.rows
            .iter()
            .zip(&self.places)
            .take(self.rows.len().saturating_sub(1))
            .filter(|(row, _)| is_labelled_total(row))
            .map(|(row, at)| {
                Flaw::at(
                    file.at(at.line, None),
                    format!(
                        "rækken \"{}\" er en total, men står ikke sidst, så den sættes som en \
                         almindelig række, og summen kontrolleres ikke",
                        row.label.as_deref().unwrap_or_default(),
                    ),
                    "flyt rækken nederst i regnearket, hvis den er tabellens total; ellers giv \
                     den et navn, der ikke er \"I alt\" eller \"Total\"",
                )
            })
            .collect()
    }

    /// The warnings for figures read with three decimals that were most likely meant as whole
    /// thousands: one for each such figure in a column whose other figures are whole, and, in
    /// a comma-separated sheet, one for a column whose figures all are so. Read
    /// internationally, as the commas say, "1.649" prints as 1,649; but a spreadsheet program
    /// set to Danish writes 1649 so between commas too. In a semicolon-separated sheet "4,288"
    /// among whole counts is a thousands point typed as a comma. No total catches either in a
    /// panel without one, or in a column misread whole.
    fn misread_thousands(&self, file: &SourcePlace, convention: Convention) -> Vec<Flaw> {
        let figures = |column: usize| {
            self.rows
                .iter()
                .zip(&self.places)
                .filter_map(move |(row, at)| match row.cells.get(column) {
                    Some(Cell::Number(figure)) => Some((figure.numeral(), at.cells[column + 1])),
                    _ => None,
                })
        };
        let mut flaws = Vec::new();
        for column in 0..self.columns.len() {
            let written: Vec<&str> = figures(column).map(|(written, _)| written).collect();
            let title = &self.columns[column];
            let misread = danish::misread_thousands_column(title, &written)
                .filter(|_| convention == Convention::International);
            if let Some(misread) = misread {
                let at = figures(column).next().expect("a figure").1;
                flaws.push(column_of_thousands_points(file, title, &misread, at));
                continue;
            }
            let (suspects, others): (Vec<_>, Vec<_>) =
                figures(column).partition(|(written, _)| danish::is_thousands_point(written));
            let decimals = others.iter().any(|(written, _)| written.contains('.'));
            if others.is_empty() || decimals || danish::names_a_fractional_unit(title) {
                continue;
            }
            flaws.extend(
                suspects
                    .into_iter()
                    .map(|(written, at)| figure_of_thousands_point(file, written, at, convention)),
            );
        }
        flaws
    }

    /// The last row and its place, taken out of the rows, if it is labelled as a total.
    fn take_total(&mut self) -> Option<(Row, RowPlace)> {
        if !self.rows.last().is_some_and(is_labelled_total) {
            return None;
        }
        self.rows.pop().zip(self.places.pop())
    }
}

/// Reads the rows of one spreadsheet under its header.
struct Reader<'a> {
    /// The spreadsheet's file as a whole, which its flaws are placed in.
    file: &'a SourcePlace,
    convention: Convention,
    header: &'a Record,
}

impl Reader<'_> {
    /// The columns and the rows under the header that can be read, with every mistake in them
    /// in the order they are read: the `extra` separators, the header, then the rows. A header
    /// without columns ends the reading, since no row can then be measured against it.
    fn body(&self, body: &[Record], extra: Option<Extra>) -> Result<(Body, Vec<Flaw>), Vec<Flaw>> {
        let mut flaws: Vec<Flaw> = extra
            .map(|extra| self.extra_separators(extra))
            .into_iter()
            .collect();
        let columns = match self.columns() {
            Ok(columns) => columns,
            Err(flaw) => {
                flaws.push(flaw);
                return Err(flaws);
            }
        };
        flaws.extend(self.empty_headers());
        let (rows, places) = self.rows(body, columns.len(), &mut flaws);
        let body = Body {
            columns,
            rows,
            places,
        };
        Ok((body, flaws))
    }

    /// The rows of `body` that can be read with a cell for each of `columns`, with their
    /// places; the mistakes in the others are added to `flaws`.
    fn rows(
        &self,
        body: &[Record],
        columns: usize,
        flaws: &mut Vec<Flaw>,
    ) -> (Vec<Row>, Vec<RowPlace>) {
        let mut rows = Vec::new();
        let mut places = Vec::new();
        for record in body {
            match self.row(record, columns) {
                Ok(row) => {
                    rows.push(row);
                    places.push(RowPlace::of(record));
                }
                Err(found) => flaws.extend(found),
            }
        }
        (rows, places)
    }

    /// The first cell of the header row, over the row labels, unless it is empty.
    fn label_header(&self) -> Option<records::Cell> {
        Some(self.header.cells[0].clone()).filter(|label| !label.text.is_empty())
    }

    /// The finding about the `extra` separators that end every line.
    fn extra_separators(&self, extra: Extra) -> Flaw {
        let separator = self.convention.separator();
        let (some, columns) = match extra.count {
            1 => ("et ekstra".to_string(), "en tom kolonne"),
            count => (format!("{count} ekstra"), "tomme kolonner"),
        };
        Flaw::at(
            self.file.at(extra.line, Some(extra.column)),
            format!(
                "hver linje slutter med {some} \"{separator}\", så regnearket har {columns} til \
                 højre for tabellen"
            ),
            format!(
                "markér kolonnerne til højre for tabellen i regnearket, slet dem, og gem igen; \
                 eller slet det sidste \"{separator}\" på hver linje"
            ),
        )
    }

    /// The headers of the figure columns: the header row's cells after the first.
    fn columns(&self) -> Result<Vec<String>, Flaw> {
        let columns: Vec<String> = self.header.cells[1..]
            .iter()
            .map(|cell| cell.text.clone())
            .collect();
        if columns.is_empty() {
            return Err(Flaw::at(
                self.file.at(self.header.line(), None),
                "overskriftsrækken har kun én celle, så panelet får ingen kolonner",
                if self.header.cells[0].text.contains('\t') {
                    // Excel's "Tekst (tabulatorsepareret)": one cell to svar, the tabs in it.
                    "regnearket har tabulatorer mellem cellerne; åbn det i Excel, og gem det \
                     igen med \"Gem som\" og filtypen \"CSV UTF-8 (kommasepareret)\""
                } else {
                    "skriv overskriften over rækkenavnene og derefter kolonnernes overskrifter, \
                     adskilt af semikolon (dansk regneark) eller komma (internationalt)"
                },
            ));
        }
        Ok(columns)
    }

    /// The figure columns whose header is empty, each at its place.
    fn empty_headers(&self) -> Vec<Flaw> {
        self.header.cells[1..]
            .iter()
            .filter(|cell| cell.text.is_empty())
            .map(|cell| {
                Flaw::at(
                    self.file.at(cell.line, Some(cell.column)),
                    "kolonneoverskriften er tom",
                    "skriv kolonnens overskrift, fx årstallet, eller slet kolonnen, hvis den ikke \
                     hører til tabellen",
                )
            })
            .collect()
    }

    /// The spreadsheet row `record` as a panel row with a cell for each of its `columns`.
    fn row(&self, record: &Record, columns: usize) -> Result<Row, Vec<Flaw>> {
        let (label, cells) = record
            .cells
            .split_first()
            .expect("a record has at least one cell");
        if cells.len() != columns {
            return Err(vec![Flaw::at(
                self.file.at(record.line(), None),
                format!(
                    "rækken har {}, men overskriften i linje {} har {} (læst med {} mellem \
                     cellerne)",
                    count(record.cells.len(), "celle", "celler"),
                    self.header.line(),
                    self.header.cells.len(),
                    self.convention.separator_name(),
                ),
                format!(
                    "giv rækken et navn og derefter én celle pr. kolonne, som overskrifterne i \
                     linje {}; svar læser et regneark med semikolon mellem cellerne, når linje \
                     {} har et semikolon uden for anførselstegn, og ellers med komma",
                    self.header.line(),
                    self.header.line(),
                ),
            )]);
        }
        let mut figures = Vec::with_capacity(columns);
        let mut flaws = Vec::new();
        for cell in cells {
            match self.figure(cell) {
                Ok(figure) => figures.push(figure),
                Err(flaw) => flaws.push(flaw),
            }
        }
        if !flaws.is_empty() {
            return Err(flaws);
        }
        Ok(Row {
            label: Some(label.text.clone()).filter(|label| !label.is_empty()),
            cells: figures,
        })
    }

    /// The figure, or text, in the cell `cell` of a row, or why it cannot be read.
    fn figure(&self, cell: &records::Cell) -> Result<crate::model::Cell, Flaw> {
        let place = self.file.at(cell.line, Some(cell.column));
        // An empty cell would print as nothing, where a reader expects a figure or a sign
        // that there is none.
        if cell.text.is_empty() {
            return Err(Flaw::at(
                place,
                "cellen er tom",
                "skriv et tal, eller fx \"-\" i en tom celle",
            ));
        }
        figure::cell(&cell.text, self.convention).map_err(|unreadable| match unreadable {
            Unreadable::Malformed { exponent, spaced } => Flaw::at(
                place,
                format!("\"{}\" kan ikke læses som et tal", cell.text),
                if figure::is_danish_between_commas(&cell.text, self.convention) {
                    figure::DANISH_BETWEEN_COMMAS.into()
                } else {
                    self.convention.advice(exponent, spaced)
                },
            ),
            Unreadable::Imprecise(imprecision) => Flaw::at(
                place,
                format!("tallet \"{}\" {}", cell.text, imprecision.problem()),
                imprecision.advice(),
            ),
        })
    }
}

/// A warning for a column of a comma-separated sheet whose figures all have a point and three
/// decimals ([`danish::MisreadColumn`]), at its first figure.
fn column_of_thousands_points(
    file: &SourcePlace,
    title: &str,
    misread: &danish::MisreadColumn,
    (line, at): (usize, usize),
) -> Flaw {
    Flaw::at(
        file.at(line, Some(at)),
        format!(
            "alle tal i kolonnen \"{title}\" har tre decimaler ({}) og læses som {}: i et \
             regneark med komma mellem cellerne er punktum decimaltegn",
            misread.written, misread.printed,
        ),
        format!(
            "skriv tallene uden punktum ({}), hvis de er hele tal, eller gem regnearket med \
             semikolon mellem cellerne, så punktum læses som tusindtalspunktum",
            misread.meant
        ),
    )
}

/// A warning for one figure read with three decimals among whole numbers, at its `line` and
/// character: `numeral` is the figure as read, in JSON's notation ("1.649"), which a sheet of
/// the `convention` wrote "1.649" between commas, "1,649" between semicolons.
fn figure_of_thousands_point(
    file: &SourcePlace,
    numeral: &str,
    (line, at): (usize, usize),
    convention: Convention,
) -> Flaw {
    let place = file.at(line, Some(at));
    let printed = numeral.replace('.', ",");
    if convention == Convention::Danish {
        return Flaw::at(
            place,
            format!(
                "tallet {printed} har tre decimaler, men kolonnens andre tal er hele tal: i et \
                 regneark med semikolon mellem cellerne er komma decimaltegn"
            ),
            format!("skriv {numeral} med punktum, hvis det er et helt tal"),
        );
    }
    // Between commas, the figure is written as JSON writes it: "1.649".
    Flaw::at(
        place,
        format!(
            "tallet {numeral} læses som {printed}: i et regneark med komma mellem cellerne er \
             punktum decimaltegn"
        ),
        format!(
            "skriv {} uden punktum, hvis det er et helt tal (kolonnens andre tal er hele tal), \
             eller gem regnearket med semikolon mellem cellerne, så punktum læses som \
             tusindtalspunktum",
            numeral.replace('.', "")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, Figure};

    /// The spreadsheet `sager.csv` beside the answer, as the tests name it.
    fn sheet() -> SourcePlace {
        SourcePlace::file("sager.csv", "sager.csv")
    }

    /// The message a clerk reads of `flaw`, its place first.
    fn shown(flaw: Flaw) -> String {
        flaw.error_at(JsonPath::root()).message
    }

    fn messages(text: &str) -> Vec<String> {
        match parse(text, &sheet()) {
            Ok(_) => Vec::new(),
            Err(unread) => unread.errors.into_iter().map(shown).collect(),
        }
    }

    #[test]
    fn a_danish_sheet_fills_header_rows_and_total_with_their_lines() {
        let table = parse("Type;2009\n\nBehandlet;1.234\nI alt;1.234\n", &sheet()).unwrap();
        assert_eq!(
            table.label_header.map(|cell| cell.text).as_deref(),
            Some("Type")
        );
        assert_eq!(table.columns, ["2009"]);
        assert_eq!(table.rows[0].cells, [Cell::Number(1234.into())]);
        assert_eq!(table.total.unwrap().label.as_deref(), Some("I alt"));
        let lines: Vec<usize> = table.lines.rows.iter().map(|row| row.line).collect();
        assert_eq!(
            (
                table.lines.header.line,
                lines,
                table.lines.total.map(|row| row.line)
            ),
            (1, vec![3], Some(4))
        );
        // "Behandlet;1.234": the label starts at the 1st character, the figure at the 11th.
        assert_eq!(table.lines.rows[0].cells, [(3, 1), (3, 11)]);
    }

    #[test]
    fn every_figure_that_is_not_written_as_one_is_refused_at_its_line_and_column() {
        assert_eq!(
            messages("Type;2009;2010\nA;1,234.5;1\nB;2;1e3\n"),
            [
                "sager.csv, linje 2, tegn 3: \"1,234.5\" kan ikke læses som et tal",
                "sager.csv, linje 3, tegn 5: \"1e3\" kan ikke læses som et tal",
            ]
        );
    }

    #[test]
    fn a_row_of_the_wrong_length_is_refused_at_its_line_in_good_danish() {
        assert_eq!(
            messages("Type;2009;2010\nA;1\nB;1;2;3\n"),
            [
                "sager.csv, linje 2: rækken har 2 celler, men overskriften i linje 1 har 3 (læst med semikolon mellem cellerne)",
                "sager.csv, linje 3: rækken har 4 celler, men overskriften i linje 1 har 3 (læst med semikolon mellem cellerne)",
            ]
        );
        assert_eq!(
            messages("Type,2009,2010\nA,1\n"),
            [
                "sager.csv, linje 2: rækken har 2 celler, men overskriften i linje 1 har 3 (læst med komma mellem cellerne)"
            ]
        );
    }

    #[test]
    fn a_danish_heading_with_commas_is_read_with_semicolons() {
        let table = parse(
            "Udgifter, mio. kr., løbende priser;2023\nPolitiet;1.234,5\nAnklagemyndigheden;100\nI alt;1.334,5\n",
            &sheet(),
        )
        .unwrap();
        assert_eq!(table.columns, ["2023"]);
        assert_eq!(
            table.rows[0].cells,
            [Cell::Number(Figure::from_json("1234.5").unwrap())]
        );
        assert!(table.total.is_some());
    }

    #[test]
    fn a_total_is_known_in_any_case_and_with_a_colon_and_keeps_its_label() {
        for label in [
            "I alt", "i alt", "I ALT", "I alt:", "I alt :", "Total", "TOTAL:",
        ] {
            let table = parse(&format!("Type;2009\nA;1\n{label};1\n"), &sheet()).unwrap();
            assert_eq!(table.total.unwrap().label.as_deref(), Some(label));
            assert!(table.warnings.is_empty());
        }
        for label in ["I alt i alt", "Alle kredse i alt", "Totalt", "Ialt"] {
            let table = parse(&format!("Type;2009\nA;1\n{label};1\n"), &sheet()).unwrap();
            assert_eq!(table.total, None, "{label}");
        }
    }

    #[test]
    fn a_figure_of_three_decimals_among_whole_ones_is_a_warning_unless_its_unit_has_such() {
        let warnings = |text: &str| parse(text, &sheet()).unwrap().warnings.len();
        assert_eq!(warnings("Region;Antal\nA;12\nB;4,288\n"), 1);
        assert_eq!(warnings("Region,Antal\nA,12\nB,4.288\n"), 1);
        // Rates are written so (review 26, 7); and among decimals it is one.
        assert_eq!(warnings("Region;Promille\nA;12\nB;4,288\n"), 0);
        assert_eq!(warnings("Region,Andel (pct.)\nA,12\nB,4.288\n"), 0);
        assert_eq!(warnings("Region;Antal\nA;12,5\nB;4,288\nC;3\n"), 0);
    }

    #[test]
    fn a_total_that_is_not_the_last_row_is_a_warning_and_an_ordinary_row() {
        let table = parse("Kode;2021\nA;1\nB;2\nI alt;9\nHeraf unge;1\n", &sheet()).unwrap();
        assert_eq!(table.total, None);
        assert_eq!(table.rows.len(), 4);
        assert_eq!(
            table.warnings,
            [Flaw::at(
                sheet().at(4, None),
                "rækken \"I alt\" er en total, men står ikke sidst, så den sættes som en \
                 almindelig række, og summen kontrolleres ikke",
                "flyt rækken nederst i regnearket, hvis den er tabellens total; ellers giv den et \
                 navn, der ikke er \"I alt\" eller \"Total\"",
            )]
        );
        // The last total row is still the total; one above it is warned about.
        let table = parse("Kode;2021\ni alt:;3\nA;1\nTotal;1\n", &sheet()).unwrap();
        assert_eq!(table.total.unwrap().label.as_deref(), Some("Total"));
        assert_eq!(table.warnings.len(), 1);
    }

    #[test]
    fn digits_grouped_by_spaces_are_refused_with_the_conventions_advice() {
        let flaws = parse("Kode;2021\nA;1.234\nB;1\u{a0}000\nI alt;9.999\n", &sheet())
            .err()
            .unwrap()
            .errors;
        assert_eq!(
            flaws,
            [Flaw::at(
                sheet().at(3, Some(3)),
                "\"1\u{a0}000\" kan ikke læses som et tal",
                "skriv tallet uden mellemrum, fx 1.234,5 eller 1234,5: et regneark med semikolon \
                 mellem cellerne læses på dansk, med punktum mellem tusinder og komma før \
                 decimaler",
            )]
        );
    }

    #[test]
    fn a_flaw_in_the_sheet_is_placed_there_for_programs_as_its_message_names_it() {
        let unread = parse("Type;2009;2010\nA;1e3;2\nB;1\n", &sheet())
            .err()
            .unwrap();
        let problems: Vec<Problem> = (unread.errors.into_iter())
            .map(|flaw| flaw.error_at(JsonPath::root().key("csv")))
            .collect();
        let places: Vec<(String, &SourcePlace)> = (problems.iter())
            .map(|problem| (problem.message.clone(), problem.source.as_ref().unwrap()))
            .collect();
        assert_eq!(
            places,
            [
                (
                    "sager.csv, linje 2, tegn 3: \"1e3\" kan ikke læses som et tal".into(),
                    &sheet().at(2, Some(3))
                ),
                (
                    "sager.csv, linje 3: rækken har 2 celler, men overskriften i linje 1 har 3 \
                     (læst med semikolon mellem cellerne)"
                        .into(),
                    &sheet().at(3, None)
                ),
            ]
        );
        // A spreadsheet that cannot be read at all has no place in it.
        let folder = Path::new("tests/fixtures");
        let missing = load("findes-ikke.csv", folder, &sheet()).err().unwrap();
        assert_eq!(missing.errors[0].place, None);
    }

    #[test]
    fn a_figure_column_is_named_by_the_letters_excel_shows_over_it() {
        let letters: Vec<String> = [0, 1, 24, 25, 50, 51, 16382]
            .into_iter()
            .map(sheet_column_letters)
            .collect();
        assert_eq!(letters, ["B", "C", "Z", "AA", "AZ", "BA", "XFD"]);
    }

    #[test]
    fn a_quote_that_never_closes_is_refused_where_it_opens() {
        assert_eq!(
            messages("Type;2009;2010\n\"Beh;x;1;2\n"),
            ["sager.csv, linje 2, tegn 1: et anførselstegn lukkes ikke"]
        );
    }

    #[test]
    fn a_header_of_one_cell_is_refused() {
        assert_eq!(
            messages("Type\tår\nA\t1\n"),
            [
                "sager.csv, linje 1: overskriftsrækken har kun én celle, så panelet får ingen kolonner"
            ]
        );
        // Tabs between the cells are named in the tip, which says how to save the sheet.
        let hints = |text| match parse(text, &sheet()) {
            Ok(_) => Vec::new(),
            Err(unread) => unread.errors.into_iter().map(|flaw| flaw.hint).collect(),
        };
        assert!(hints("Type\tår\nA\t1\n")[0].starts_with("regnearket har tabulatorer"));
        assert!(hints("Type\nA\n")[0].starts_with("skriv overskriften"));
    }

    #[test]
    fn a_figure_with_more_digits_than_svar_holds_is_refused_at_its_cell() {
        assert_eq!(
            messages("Type;2009\nA;0,10000000000000001\nB;2,00000000000000001\nI alt;2,1\n"),
            [
                "sager.csv, linje 2, tegn 3: tallet \"0,10000000000000001\" har for mange cifre til at blive sat præcist",
                "sager.csv, linje 3, tegn 3: tallet \"2,00000000000000001\" har for mange cifre til at blive sat præcist",
            ]
        );
        assert_eq!(
            messages("Type;2009\nA;9.007.199.254.740.993\n"),
            [
                "sager.csv, linje 2, tegn 3: tallet \"9.007.199.254.740.993\" er for stort til at blive sat præcist"
            ]
        );
    }

    #[test]
    fn a_minus_sign_makes_a_negative_figure() {
        let table = parse("Type;2009\nA;\u{2212}5\nB;7\nI alt;2\n", &sheet()).unwrap();
        assert_eq!(table.rows[0].cells, [Cell::Number((-5).into())]);
    }

    #[test]
    fn the_convention_is_told_by_the_first_row_as_read() {
        let table = parse("\"Type\nsag\";2009;2010\nA;1.234;2\n", &sheet()).unwrap();
        assert_eq!(table.rows[0].cells[0], Cell::Number(1234.into()));
        let table = parse("\"Type; art\",2009,2010\nA,\"1,234\",2\n", &sheet()).unwrap();
        assert_eq!(table.columns, ["2009", "2010"]);
        assert_eq!(table.rows[0].cells[0], Cell::Number(1234.into()));
        let table = parse("Type,2009\rA,1\rNote; se bilag,2\r", &sheet()).unwrap();
        assert_eq!(table.rows[1].label.as_deref(), Some("Note; se bilag"));
    }

    #[test]
    fn separators_that_end_every_line_are_one_finding() {
        assert_eq!(
            messages("Type;2009;2010;\nA;1;2;\n"),
            [
                "sager.csv, linje 1, tegn 15: hver linje slutter med et ekstra \";\", så regnearket har en tom kolonne til højre for tabellen"
            ]
        );
        assert_eq!(
            messages("Type,2009,,\nA,1,,\nB,x,,\n"),
            [
                "sager.csv, linje 1, tegn 10: hver linje slutter med 2 ekstra \",\", så regnearket har tomme kolonner til højre for tabellen"
            ]
        );
        // Other mistakes are found as well, at their own places.
        assert_eq!(
            messages("Type;\nA;\n"),
            [
                "sager.csv, linje 1, tegn 5: hver linje slutter med et ekstra \";\", så regnearket har en tom kolonne til højre for tabellen",
                "sager.csv, linje 1: overskriftsrækken har kun én celle, så panelet får ingen kolonner",
            ]
        );
        assert_eq!(messages("Type;2009;\nA;1.23;\n").len(), 2);
        // A space after the last separator leaves the finding at the separator.
        assert_eq!(
            messages("Type;2009; \nA;1; \n"),
            [
                "sager.csv, linje 1, tegn 10: hver linje slutter med et ekstra \";\", så regnearket har en tom kolonne til højre for tabellen"
            ]
        );
    }

    #[test]
    fn a_line_of_separators_holds_no_row() {
        let table = parse("Type;2009;2010\nA;1;2\n;;\n ; ; \nB;3;4\n", &sheet()).unwrap();
        let lines: Vec<usize> = table.lines.rows.iter().map(|row| row.line).collect();
        assert_eq!(lines, [2, 5]);
    }

    #[test]
    fn empty_cells_and_headers_are_refused_each_at_its_place() {
        assert_eq!(
            messages("Type;2009;;2010\nA;;1;2\nB;1;;\n"),
            [
                "sager.csv, linje 1, tegn 11: kolonneoverskriften er tom",
                "sager.csv, linje 2, tegn 3: cellen er tom",
                "sager.csv, linje 3, tegn 5: cellen er tom",
                "sager.csv, linje 3, tegn 6: cellen er tom",
            ]
        );
    }

    #[test]
    fn a_byte_that_is_not_utf8_is_found_at_its_line_and_column() {
        let bytes = b"Type;2009\nSager i \xc5rhus;1\n".to_vec();
        let text = crate::input::decode(bytes);
        assert_eq!(
            messages(&text)[0],
            "sager.csv, linje 2, tegn 9: tegnet her kan ikke læses: regnearket er ikke gemt som UTF-8, eller et tegn er gået tabt (�)"
        );
    }

    #[test]
    fn the_answers_header_over_the_row_labels_serves_a_sheet_without_one() {
        let cell = |text: &str| records::Cell {
            text: text.into(),
            line: 1,
            column: 1,
        };
        let own = || Some("Afgørelsestype".to_string());
        assert_eq!(
            label_header(own(), None, &SourcePlace::file("s.csv", "s.csv")),
            Ok((own(), None))
        );
        assert_eq!(
            label_header(
                None,
                Some(cell("Type")),
                &SourcePlace::file("s.csv", "s.csv")
            ),
            Ok((Some("Type".into()), Some(1)))
        );
        assert_eq!(
            label_header(
                own(),
                Some(cell("Afgørelsestype")),
                &SourcePlace::file("s.csv", "s.csv")
            ),
            Ok((own(), None))
        );
        assert_eq!(
            shown(
                label_header(
                    own(),
                    Some(cell("Type")),
                    &SourcePlace::file("s.csv", "s.csv")
                )
                .unwrap_err()
            ),
            "s.csv, linje 1, tegn 1: regnearket har \"Type\" over rækkenavnene, men panelet har \"label_header\": \"Afgørelsestype\""
        );
    }

    #[test]
    fn the_checks_findings_about_a_sheets_cells_name_their_line_and_character() {
        let panel = JsonPath::root().key("panels").index(0);
        let sheets = Sheets {
            sheets: vec![Sheet {
                panel: panel.clone(),
                file: sheet(),
                lines: Lines {
                    header: RowPlace {
                        line: 1,
                        cells: vec![(1, 1), (1, 6), (1, 11)],
                    },
                    label: None,
                    rows: vec![
                        RowPlace {
                            line: 2,
                            cells: vec![(2, 1), (2, 7), (2, 10)],
                        },
                        // "B;\"9\n\";12": its second figure starts on line 5.
                        RowPlace {
                            line: 4,
                            cells: vec![(4, 1), (4, 3), (5, 3)],
                        },
                    ],
                    total: Some(RowPlace {
                        line: 6,
                        cells: vec![(6, 1), (6, 7), (6, 12)],
                    }),
                },
            }],
            warnings: Vec::new(),
        };
        let about = |path: JsonPath| Problem::error(path, "galt", None);
        let relocated = sheets.relocate(vec![
            about(panel.key("rows").index(1).key("cells").index(0)),
            about(panel.key("rows").index(1).key("cells").index(1)),
            about(panel.key("total").key("cells").index(1)),
            about(panel.key("rows").index(0).key("label")),
            about(panel.key("columns").index(1)),
            about(panel.key("label_header")),
            about(panel.key("rows")),
            about(panel.key("title")),
        ]);
        let places: Vec<Option<(Option<usize>, Option<usize>)>> = (relocated.iter())
            .map(|problem| problem.source.as_ref().map(|at| (at.line, at.column)))
            .collect();
        assert_eq!(
            places,
            [
                Some((Some(4), Some(3))),
                Some((Some(5), Some(3))),
                Some((Some(6), Some(12))),
                Some((Some(2), Some(1))),
                Some((Some(1), Some(11))),
                None,
                Some((None, None)),
                None,
            ]
        );
        let found: Vec<(String, String)> = relocated
            .into_iter()
            .map(|problem| (problem.path.to_string(), problem.message))
            .collect();
        let csv = "panels[0].csv".to_string();
        assert_eq!(
            found,
            [
                (csv.clone(), "sager.csv, linje 4, tegn 3: galt".into()),
                (csv.clone(), "sager.csv, linje 5, tegn 3: galt".into()),
                (csv.clone(), "sager.csv, linje 6, tegn 12: galt".into()),
                (csv.clone(), "sager.csv, linje 2, tegn 1: galt".into()),
                (csv.clone(), "sager.csv, linje 1, tegn 11: galt".into()),
                // The answer's own header over the row labels stays where it is written.
                ("panels[0].label_header".into(), "galt".into()),
                (csv, "sager.csv: galt".into()),
                ("panels[0].title".into(), "galt".into()),
            ]
        );
    }
}
