//! Blocks and tables: numbering, panels, rows that fit their columns and totals that add up.

use super::Problem;
use crate::input::diagnostic::JsonPath;
use crate::model::{Block, Cell, Panel, Row, Table};

pub(super) fn check_blocks(
    blocks: &[Block],
    path: &JsonPath,
    next_table: &mut u32,
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
                check_blocks(&statement.blocks, &inner, next_table, problems);
            }
            Block::Table(table) => {
                check_table(table, &path.key("table"), *next_table, problems);
                if let Some(number) = table.number {
                    *next_table = number.max(*next_table).saturating_add(1);
                }
            }
            Block::List(items) if items.is_empty() => {
                problems.push(Problem::error(path.key("list"), "listen er tom", None));
            }
            Block::List(_) | Block::Paragraph(_) => {}
        }
    }
}

pub(super) fn check_table(
    table: &Table,
    path: &JsonPath,
    expected: u32,
    problems: &mut Vec<Problem>,
) {
    match (table.number, &table.caption) {
        (Some(_), None) => problems.push(Problem::error(
            path.key("number"),
            "tabellen har et nummer, men ingen overskrift",
            Some("angiv \"caption\", eller fjern \"number\" for en tabel uden overskrift".into()),
        )),
        (None, Some(_)) => problems.push(Problem::error(
            path.key("caption"),
            "tabellen har en overskrift, men intet nummer",
            Some(format!(
                "angiv \"number\": {expected}, eller fjern \"caption\""
            )),
        )),
        _ => {}
    }
    if let Some(number) = table.number.filter(|number| *number != expected) {
        let message = if expected == 1 {
            format!("den første tabel har nummer {number}")
        } else {
            format!(
                "tabellen har nummer {number}, men den forrige var {}",
                expected - 1
            )
        };
        problems.push(Problem::error(
            path.key("number"),
            message,
            Some(format!(
                "tabeller nummereres fortløbende; denne skal have nummer {expected}"
            )),
        ));
    }
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
    }
}

pub(super) fn check_panel(panel: &Panel, path: &JsonPath, problems: &mut Vec<Problem>) {
    let columns = panel.columns.len();
    if columns == 0 {
        problems.push(Problem::error(
            path.key("columns"),
            "panelet har ingen kolonner",
            Some("skriv kolonnernes overskrifter i \"columns\", fx årstallene".into()),
        ));
    }
    check_unique(
        panel.columns.iter().map(Some),
        &path.key("columns"),
        "kolonneoverskriften",
        problems,
    );
    let labels = panel.rows.iter().map(|row| row.label.as_ref());
    check_unique(labels, &path.key("rows"), "rækkenavnet", problems);
    for (row_index, row) in panel.rows.iter().chain(&panel.total).enumerate() {
        for (column, cell) in row.cells.iter().enumerate() {
            if !is_exact(cell) {
                let row_path = if row_index < panel.rows.len() {
                    path.key("rows").index(row_index)
                } else {
                    path.key("total")
                };
                problems.push(Problem::error(
                    row_path.key("cells").index(column),
                    "tallet er for stort til at blive sat præcist",
                    Some(
                        "skriv tal under 9.007.199.254.740.992, eller skriv tallet som tekst"
                            .into(),
                    ),
                ));
            }
        }
    }
    let rows = panel
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| (path.key("rows").index(i), row));
    for (row_path, row) in rows.chain(panel.total.iter().map(|row| (path.key("total"), row))) {
        if row.cells.len() != columns {
            problems.push(Problem::error(
                row_path.key("cells"),
                format!(
                    "rækken har {} celler, men panelet har {columns} kolonner",
                    row.cells.len()
                ),
                Some("giv rækken én celle pr. kolonne i \"columns\"".into()),
            ));
        }
    }
    if let Some(total) = &panel.total.as_ref().filter(|_| panel.total_is_sum) {
        check_total(panel, total, &path.key("total"), problems);
    }
}

/// Row labels and column headers name cells in reviews ("Tabel 2 B, Frifundet, 2016"), so
/// each must be unique within its panel.
pub(super) fn check_unique<'a>(
    names: impl Iterator<Item = Option<&'a String>>,
    path: &JsonPath,
    what: &str,
    problems: &mut Vec<Problem>,
) {
    let mut seen: Vec<&str> = Vec::new();
    for (index, name) in names.enumerate() {
        let Some(name) = name else { continue };
        if seen.contains(&name.as_str()) {
            let field = if what == "rækkenavnet" {
                path.index(index).key("label")
            } else {
                path.index(index)
            };
            problems.push(Problem::warning(
                field,
                format!("{what} \"{name}\" findes to gange i samme panel"),
                Some(
                    "giv hver række og kolonne sit eget navn, så ændringer kan henføres entydigt"
                        .into(),
                ),
            ));
        }
        seen.push(name);
    }
}

/// Whether a cell prints exactly the value written: numbers beyond 2⁵³ lose digits.
pub(super) fn is_exact(cell: &Cell) -> bool {
    const LIMIT: f64 = 9_007_199_254_740_992.0;
    match cell {
        Cell::Number(number) => number.as_f64().is_some_and(|value| value.abs() < LIMIT),
        Cell::Text(_) => true,
    }
}

/// A total row must add up, column by column, where every cell of the column is a number.
pub(super) fn check_total(
    panel: &Panel,
    total: &Row,
    path: &JsonPath,
    problems: &mut Vec<Problem>,
) {
    for (column, total_cell) in total.cells.iter().enumerate() {
        let Some(stated) = number(total_cell) else {
            continue;
        };
        let cells: Option<Vec<f64>> = panel
            .rows
            .iter()
            .map(|row| row.cells.get(column).and_then(number))
            .collect();
        let Some(cells) = cells else { continue };
        let sum: f64 = cells.iter().sum();
        if (sum - stated).abs() > 1e-6 * sum.abs().max(1.0) {
            let heading = panel
                .columns
                .get(column)
                .map_or(String::new(), |c| format!(" ({c})"));
            problems.push(Problem::error(
                path.key("cells").index(column),
                format!(
                    "totalen i kolonne {}{heading} er {}, men rækkerne summer til {}",
                    column + 1,
                    crate::danish::number(&serde_json::Number::from_f64(stated).unwrap_or(0.into())),
                    crate::danish::number(&serde_json::Number::from_f64(sum).unwrap_or(0.into())),
                ),
                Some("ret tallene, eller sæt \"total_is_sum\": false på panelet, hvis totalen bevidst ikke er en sum (og forklar det i noterne)".into()),
            ));
        }
    }
}

pub(super) fn number(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Number(number) => number.as_f64(),
        Cell::Text(_) => None,
    }
}
