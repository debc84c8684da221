//! A CSV text split into rows and cells, each cell with the line and column it starts at.
//!
//! svar splits CSV itself rather than through a library for two reasons: a mistake in a cell
//! must be reported where the cell is written, and a quote that never closes must be refused,
//! where a lenient reader runs it on to the end of the file and the rows after it vanish into
//! one cell. The rules are Excel's: a cell that starts with `"` runs to the next lone `"`,
//! across separators and line breaks, and `""` inside it is one `"`.

/// One cell as written: its text, without its quotes and surrounding spaces, and where it
/// starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Cell {
    /// The text, unquoted and trimmed.
    pub text: String,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters, at the cell's first character after any spaces; for
    /// an empty cell, right after the separator before it.
    pub column: usize,
}

/// One row of the spreadsheet: its cells, at least one, the first of which starts the row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Record {
    /// The cells from left to right.
    pub cells: Vec<Cell>,
}

impl Record {
    /// The line the row starts at.
    pub(super) fn line(&self) -> usize {
        self.cells[0].line
    }

    /// Whether the row holds nothing, as a line of spaces does, or a line of separators only
    /// (`;;`), which Excel writes for an empty row between rows that have cells.
    fn is_blank(&self) -> bool {
        self.cells.iter().all(|cell| cell.text.is_empty())
    }
}

/// A quote opened at this line and column that is never closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unclosed {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

/// The rows of the CSV `text` whose cells are separated by `separator`. Blank lines hold no
/// row; line breaks may be `\n`, `\r\n` or `\r`.
pub(super) fn records(text: &str, separator: char) -> Result<Vec<Record>, Unclosed> {
    let mut cursor = Cursor::new(text);
    let mut records = Vec::new();
    while cursor.peek().is_some() {
        if cursor.take_line_break() {
            continue;
        }
        let record = record(&mut cursor, separator)?;
        if !record.is_blank() {
            records.push(record);
        }
    }
    Ok(records)
}

/// The first row of the CSV `text` read with `separator`, however many lines it spans; `None`
/// if there is none, or its quote never closes (which [`records`] reports).
pub(super) fn first(text: &str, separator: char) -> Option<Record> {
    let mut cursor = Cursor::new(text);
    while cursor.peek().is_some() {
        if cursor.take_line_break() {
            continue;
        }
        let record = record(&mut cursor, separator).ok()?;
        if !record.is_blank() {
            return Some(record);
        }
    }
    None
}

/// The line and column of the byte `offset` in `text`, counted as the cells' are.
pub(super) fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut cursor = Cursor::new(&text[..offset]);
    while cursor.next().is_some() {}
    (cursor.line, cursor.column)
}

/// The row starting at the cursor, up to and including its line break.
fn record(cursor: &mut Cursor<'_>, separator: char) -> Result<Record, Unclosed> {
    let mut cells = vec![cell(cursor, separator)?];
    while cursor.take(separator) {
        cells.push(cell(cursor, separator)?);
    }
    cursor.take_line_break();
    Ok(Record { cells })
}

/// The cell starting at the cursor, up to its separator or line break.
fn cell(cursor: &mut Cursor<'_>, separator: char) -> Result<Cell, Unclosed> {
    let start = (cursor.line, cursor.column);
    while cursor.peek().is_some_and(|c| c == ' ' || c == '\t') {
        cursor.next();
    }
    let (line, column) = (cursor.line, cursor.column);
    let mut text = String::new();
    if cursor.take('"') {
        quoted(cursor, &mut text).ok_or(Unclosed { line, column })?;
    }
    // After a closing quote, Excel's readers keep what follows as written; so does svar.
    while let Some(c) = cursor
        .peek()
        .filter(|&c| c != separator && c != '\n' && c != '\r')
    {
        text.push(c);
        cursor.next();
    }
    let text = text.trim().to_string();
    // Spaces alone are no cell to point into; the separator before them says which cell it is.
    let (line, column) = if text.is_empty() {
        start
    } else {
        (line, column)
    };
    Ok(Cell { text, line, column })
}

/// Adds the text of a quoted cell, after its opening quote, to `text` and passes its closing
/// quote; `None` if the file ends first.
fn quoted(cursor: &mut Cursor<'_>, text: &mut String) -> Option<()> {
    loop {
        match cursor.next()? {
            '"' if cursor.take('"') => text.push('"'),
            '"' => return Some(()),
            c => text.push(c),
        }
    }
}

/// Reads a text character by character, counting lines and columns as an editor does.
struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    column: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            chars: text.chars().peekable(),
            line: 1,
            column: 1,
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        // "\r\n" is one line break, counted at its "\n".
        if c == '\n' || (c == '\r' && self.peek() != Some('\n')) {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    /// Passes `expected` if it comes next.
    fn take(&mut self, expected: char) -> bool {
        let next = self.peek() == Some(expected);
        if next {
            self.next();
        }
        next
    }

    /// Passes a line break if one comes next.
    fn take_line_break(&mut self) -> bool {
        if self.take('\r') {
            self.take('\n');
            true
        } else {
            self.take('\n')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row's cells as (text, line, column).
    fn read(text: &str) -> Vec<Vec<(String, usize, usize)>> {
        records(text, ';')
            .unwrap()
            .into_iter()
            .map(|record| {
                record
                    .cells
                    .into_iter()
                    .map(|cell| (cell.text, cell.line, cell.column))
                    .collect()
            })
            .collect()
    }

    fn cell(text: &str, line: usize, column: usize) -> (String, usize, usize) {
        (text.to_string(), line, column)
    }

    #[test]
    fn cells_know_where_they_start() {
        assert_eq!(
            read("Type;2009\r\n\r\nAndel; 12,5\n"),
            [
                vec![cell("Type", 1, 1), cell("2009", 1, 6)],
                vec![cell("Andel", 3, 1), cell("12,5", 3, 8)],
            ]
        );
    }

    #[test]
    fn quoted_cells_hold_separators_line_breaks_and_quotes() {
        assert_eq!(
            read("\"a;b\";\"c\nd\";\"sagt \"\"nej\"\"\"\nx;y"),
            [
                vec![
                    cell("a;b", 1, 1),
                    cell("c\nd", 1, 7),
                    cell("sagt \"nej\"", 2, 4)
                ],
                vec![cell("x", 3, 1), cell("y", 3, 3)],
            ]
        );
    }

    #[test]
    fn a_quote_inside_a_cell_is_text() {
        assert_eq!(
            read("5\" skærm;1"),
            [vec![cell("5\" skærm", 1, 1), cell("1", 1, 10)]]
        );
    }

    #[test]
    fn blank_lines_and_lines_of_separators_hold_no_row_but_empty_cells_count() {
        assert_eq!(read("  \n;\n ; ;\r\n\"\";\n"), Vec::<Vec<_>>::new());
        assert_eq!(read(""), Vec::<Vec<_>>::new());
        assert_eq!(read(";1\n"), [vec![cell("", 1, 1), cell("1", 1, 2)]]);
    }

    #[test]
    fn the_first_row_may_span_lines_and_follow_blank_ones() {
        let first = |text: &str| super::first(text, ';').map(|record| record.cells.len());
        assert_eq!(first("\n;;\n\"Type\nsag\";2009;2010\nA;1;2"), Some(3));
        assert_eq!(first("\"Type; art\",2009\n"), Some(1));
        assert_eq!(first("\"Type;2009\n"), None);
        assert_eq!(first(""), None);
    }

    #[test]
    fn positions_are_counted_as_the_cells_are() {
        assert_eq!(position("ab\rcd\r\nÅx", 9), (3, 2));
        assert_eq!(position("ab", 0), (1, 1));
    }

    #[test]
    fn an_old_mac_line_break_ends_a_row() {
        assert_eq!(read("a\rb"), [vec![cell("a", 1, 1)], vec![cell("b", 2, 1)]]);
    }

    #[test]
    fn a_quote_that_never_closes_is_found_where_it_opens() {
        assert_eq!(
            records("Type;2009\nAndel;\"12,5;x\ny;1\n", ';'),
            Err(Unclosed { line: 2, column: 7 })
        );
    }
}
