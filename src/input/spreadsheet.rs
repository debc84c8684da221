//! Tables from spreadsheets: a panel's header and rows read from a CSV file beside the answer
//! file, the way agencies deliver their figures.

use std::path::Path;

use super::confine::{self, Refusal};
use crate::input::{JsonPath, SideFiles};
use crate::model::{Answer, Block, Cell, Panel, Row};
use crate::validate::Problem;

/// Fills every panel that names a CSV file from it; returns what went wrong, located.
///
/// An answer a PDF carries has its figures written in (svar attaches the answer with its
/// spreadsheets read), so a spreadsheet named there is refused rather than looked for on disk.
pub fn resolve(answer: &mut Answer, side_files: SideFiles<'_>) -> Vec<Problem> {
    let folder = match side_files {
        SideFiles::Beside(path) => Some(path.parent().unwrap_or(Path::new("."))),
        SideFiles::Attached(_) => None,
    };
    let mut problems = Vec::new();
    let blocks = JsonPath::root().key("answer").key("blocks");
    resolve_blocks(&mut answer.answer.blocks, &blocks, folder, &mut problems);
    problems
}

fn resolve_blocks(
    blocks: &mut [Block],
    path: &JsonPath,
    folder: Option<&Path>,
    problems: &mut Vec<Problem>,
) {
    for (index, block) in blocks.iter_mut().enumerate() {
        let path = path.index(index);
        match block {
            Block::Statement(statement) => resolve_blocks(
                &mut statement.blocks,
                &path.key("statement").key("blocks"),
                folder,
                problems,
            ),
            Block::Table(table) => {
                for (number, panel) in table.panels.iter_mut().enumerate() {
                    let panel_path = path.key("table").key("panels").index(number);
                    if let Err(problem) = fill(panel, &panel_path, folder) {
                        problems.push(problem);
                    }
                }
            }
            Block::Paragraph(_) | Block::List(_) => {}
        }
    }
}

/// Reads the panel's CSV file, if it has one, into its header and rows; `folder` is the answer
/// file's, `None` for an answer a PDF carries.
fn fill(panel: &mut Panel, path: &JsonPath, folder: Option<&Path>) -> Result<(), Problem> {
    let Some(name) = panel.csv.clone() else {
        return Ok(());
    };
    let problem = |message: String, hint: &str| {
        Problem::error(path.key("csv"), message, Some(hint.to_string()))
    };
    if !panel.columns.is_empty() || !panel.rows.is_empty() || panel.total.is_some() {
        return Err(problem(
            "panelet har både \"csv\" og egne kolonner eller rækker".into(),
            "brug enten \"csv\" eller \"columns\"/\"rows\"/\"total\"",
        ));
    }
    let Some(folder) = folder else {
        return Err(problem(
            format!("svarfilen i PDF'en henviser til regnearket \"{name}\", som PDF'en ikke har"),
            "svar skriver tallene fra regneark ind i den svarfil, PDF'en bærer; PDF'en er ikke lavet af svar, eller dens svarfil er ændret",
        ));
    };
    let text = read(&name, folder, &problem)?;
    let records = parse(text.trim_start_matches('\u{feff}')).map_err(|error| {
        problem(
            format!("regnearket \"{name}\" er ikke gyldig CSV: {error}"),
            "gem regnearket som CSV igen",
        )
    })?;
    let danish = text
        .lines()
        .next()
        .is_some_and(|header| header.contains(';'));
    let Some((header, body)) = records.split_first() else {
        return Err(problem(
            format!("regnearket \"{name}\" er tomt"),
            "første række skal være overskrifterne",
        ));
    };
    panel.label_header = header
        .first()
        .filter(|label| !label.trim().is_empty())
        .cloned();
    panel.columns = header.iter().skip(1).cloned().collect();
    let mut rows: Vec<Row> = body.iter().map(|record| row(record, danish)).collect();
    if rows
        .last()
        .and_then(|row| row.label.as_deref())
        .is_some_and(|label| matches!(label, "I alt" | "Total"))
    {
        panel.total = rows.pop();
    }
    panel.rows = rows;
    // The figures are now the panel's own: the PDF's attached answer needs no spreadsheet.
    panel.csv = None;
    Ok(())
}

/// The text of the spreadsheet `name`, which must lie in the answer's `folder`.
fn read(
    name: &str,
    folder: &Path,
    problem: &dyn Fn(String, &str) -> Problem,
) -> Result<String, Problem> {
    let unreadable = |error: std::io::Error| {
        problem(
            format!(
                "regnearket \"{name}\" kan ikke læses: {}",
                crate::input::io_in_danish(&error)
            ),
            "gem regnearket som CSV (UTF-8) i svarfilens mappe",
        )
    };
    let file = confine::inside(folder, Path::new(name)).map_err(|refusal| match refusal {
        Refusal::Outside => problem(
            format!("\"{name}\" peger uden for svarfilens mappe"),
            "læg regnearket i svarfilens mappe (eller en undermappe), og skriv stien relativt, fx \"tabel-1.csv\"",
        ),
        Refusal::Link => problem(
            format!("\"{name}\" peger uden for svarfilens mappe gennem en genvej (symbolsk link)"),
            "kopiér regnearket ind i svarfilens mappe i stedet for at henvise til det med en genvej",
        ),
        Refusal::Io(error) => unreadable(error),
    })?;
    std::fs::read_to_string(file).map_err(unreadable)
}

fn parse(text: &str) -> Result<Vec<Vec<String>>, csv::Error> {
    let delimiter = if text
        .lines()
        .next()
        .is_some_and(|header| header.contains(';'))
    {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| {
            record.map(|record| record.iter().map(|cell| cell.trim().to_string()).collect())
        })
        .collect()
}

/// A spreadsheet row: the label, then a cell per column, numbers recognised in the sheet's
/// convention (Danish "3.478" and "12,4" in a semicolon file, "3478" and "12.4" otherwise).
fn row(record: &[String], danish: bool) -> Row {
    Row {
        label: record.first().filter(|label| !label.is_empty()).cloned(),
        cells: record
            .iter()
            .skip(1)
            .map(|cell| self::cell(cell, danish))
            .collect(),
    }
}

fn cell(text: &str, danish: bool) -> Cell {
    let plain = if danish {
        text.replace('.', "").replace(',', ".")
    } else {
        text.to_string()
    };
    match plain.parse::<serde_json::Number>() {
        Ok(number) if !plain.is_empty() => Cell::Number(number),
        _ => Cell::Text(text.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_danish_and_international_numbers() {
        assert_eq!(cell("3.478", true), Cell::Number(3478.into()));
        assert_eq!(
            cell("12,4", true),
            Cell::Number(serde_json::Number::from_f64(12.4).unwrap())
        );
        assert_eq!(
            cell("12.4", false),
            Cell::Number(serde_json::Number::from_f64(12.4).unwrap())
        );
        assert_eq!(cell("-", true), Cell::Text("-".into()));
    }
}
