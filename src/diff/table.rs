//! Tables: number, caption and notes; panels matched by letter, columns by header and rows by
//! label, then cell by cell ("Tabel 2 B, Frifundet, 2016: 14 → 15").

use std::collections::HashSet;

use super::blocks::{Count, compare_texts};
use super::sequence::{Likeness, Step, align, repeated, which_of};
use super::{Change, Comparison, Element, Place, Places, Side};
use crate::danish;
use crate::input::spreadsheet_fills;
use crate::json_path::JsonPath;
use crate::model::{Cell, Panel, Row, Table};

/// A table's content as lines, for an added or removed table: every text it prints, in the
/// order it prints them (its caption, each panel, then the notes' heading and the notes), so
/// that a note removed with its table, often a caveat to the figures, is seen too.
pub(super) fn summary(table: &Table) -> Vec<String> {
    let panels = (0..table.panels.len()).flat_map(|index| panel_summary(table, index));
    crate::render::caption(table)
        .into_iter()
        .chain(panels)
        .chain(notes_summary(&table.notes_heading, &table.notes))
        .collect()
}

/// A table's or figure's notes as lines, under their heading as printed ("Kilde:"), which
/// prints only above notes.
pub(super) fn notes_summary(heading: &Option<String>, notes: &[String]) -> Vec<String> {
    if notes.is_empty() {
        return Vec::new();
    }
    let heading = heading.as_deref().map(crate::render::notes_heading);
    heading.into_iter().chain(notes.iter().cloned()).collect()
}

/// Compares two tables; `places` are the tables' own ("Tabel 2", `….table`).
pub(super) fn compare(old: &Table, new: &Table, places: &Places, changes: &mut Comparison) {
    let numbered = |table: &Table| (table.number, table.caption.clone());
    compare_caption(numbered(old), numbered(new), places, changes);
    compare_panels(old, new, places, changes);
    let notes = |table: &Table| (table.notes_heading.clone(), table.notes.clone());
    compare_notes(notes(old), notes(new), places, changes);
}

/// Compares the number and caption of a table or figure, `(number, caption)` of each.
pub(super) fn compare_caption(
    (old_number, old): (Option<u32>, Option<String>),
    (new_number, new): (Option<u32>, Option<String>),
    places: &Places,
    changes: &mut Comparison,
) {
    changes.value(
        &places.new.field("nummer", "number"),
        old_number.map(|number| number.to_string()),
        new_number.map(|number| number.to_string()),
    );
    match (old, new) {
        (Some(old), Some(new)) => {
            changes.literal(&places.new.field("overskrift", "caption"), &old, &new);
        }
        (old, new) => changes.value(&places.new.field("overskrift", "caption"), old, new),
    }
}

/// Compares the notes of a table or figure, `(heading, notes)` of each.
pub(super) fn compare_notes(
    (old_heading, old): (Option<String>, Vec<String>),
    (new_heading, new): (Option<String>, Vec<String>),
    places: &Places,
    changes: &mut Comparison,
) {
    changes.value(
        &places
            .new
            .field("overskrift over bemærkningerne", "notes_heading"),
        old_heading,
        new_heading,
    );
    let notes = places.keyed("notes");
    compare_texts(&old, &new, &notes, ("bemærkning", Element::Note), changes);
}

fn compare_panels(old: &Table, new: &Table, places: &Places, changes: &mut Comparison) {
    let old_panel = |o: usize| panel_place(old, o, &places.old);
    let new_panel = |n: usize| panel_place(new, n, &places.new);
    for step in align(&panel_keys(old), &panel_keys(new), |_, _| Likeness::Kindred) {
        match step {
            Step::Same { old: o, new: n }
            | Step::Edited { old: o, new: n }
            | Step::Moved { old: o, new: n } => {
                let panels = Places {
                    old: old_panel(o),
                    new: new_panel(n),
                };
                if matches!(step, Step::Moved { .. }) {
                    changes.moved(Element::Panel, (&panels.old, o), (&panels.new, n));
                }
                let first = changes.recorded();
                let (old, new) = (&old.panels[o], &new.panels[n]);
                compare_panel(old, new, &panels, changes);
                point_at_spreadsheets(changes.since(first), (old, new), &panels);
            }
            Step::Removed(o) => {
                let content = panel_summary(old, o);
                let gone = panel_counted(old, o, &places.old, Count::Former);
                changes.removed(&gone, &places.new.path, Element::Panel, content);
            }
            Step::Added(n) => changes.added(&new_panel(n), Element::Panel, panel_summary(new, n)),
        }
    }
}

/// Points the paths of `changes` inside a panel filled from a spreadsheet at the panel's `csv`:
/// its header and rows are not in the answer file, so a path to them would lead nowhere there.
/// Each path is judged by the panel of the answer it leads into, and the redline still marks
/// the cell, by the path into the answer as read.
fn point_at_spreadsheets(changes: &mut [Change], (old, new): (&Panel, &Panel), places: &Places) {
    for change in changes {
        for (side, path) in change.paths_mut() {
            let (panel, at) = match side {
                Side::Old => (old, &places.old),
                Side::New => (new, &places.new),
            };
            let inside = path.0.strip_prefix(at.path.0.as_slice());
            if panel.spreadsheet.is_some() && inside.is_some_and(spreadsheet_fills) {
                *path = at.path.key("csv");
            }
        }
    }
}

/// Panels are known by their letter, else their title, else their place.
fn panel_keys(table: &Table) -> Vec<String> {
    let key = |(index, panel): (usize, &Panel)| {
        let name = panel.label.as_ref().or(panel.title.as_ref());
        name.cloned().unwrap_or_else(|| format!("#{index}"))
    };
    table.panels.iter().enumerate().map(key).collect()
}

/// "Tabel 2 B", as printed; "Tabel 1" for a table's only panel without a letter; "Tabel 1,
/// panel 2" else. A table without a number has no "Tabel 2" for its letter to follow: "Svar,
/// tabellen efter afsnit 3, panel B". The letter follows the number also in a table named by
/// its old number too: "Tabel 1 B (før Tabel 2)".
fn panel_place(table: &Table, index: usize, at: &Place) -> Place {
    panel_counted(table, index, at, Count::Current)
}

/// [`panel_place`], a panel counted by its place told by `count`: "tidligere panel 2".
fn panel_counted(table: &Table, index: usize, at: &Place, count: Count) -> Place {
    let panel = &table.panels[index];
    let lettered = |number: u32, letter: &str| {
        let printed = format!("Tabel {number}");
        let after = at.label.strip_prefix(&printed).unwrap_or_default();
        format!("{printed} {letter}{after}")
    };
    let label = match (&panel.label, table.panels.len()) {
        (Some(letter), _) if let Some(number) = table.number => lettered(number, letter),
        (Some(letter), _) => format!("{}, panel {letter}", at.label),
        (None, 1) => at.label.clone(),
        (None, _) => format!(
            "{}, {}",
            at.label,
            count.told(format!("panel {}", index + 1))
        ),
    };
    Place::new(label, at.path.key("panels").index(index))
}

/// A panel's content as lines, as it prints: its heading ("B. Heraf anerkendt"), the header
/// over the row labels with the columns' ([`header_line`]), each row under the columns'
/// headers, the total row last.
fn panel_summary(table: &Table, index: usize) -> Vec<String> {
    let panel = &table.panels[index];
    let line = |name: String, row: &Row| labelled(&name, &cells_line(panel, row));
    let rows = (panel.rows.iter().enumerate())
        .map(|(index, row)| line(row_name(panel, index, Count::Current), row));
    let total = (panel.total.iter()).map(|row| line(total_name(row), row));
    crate::render::panel_heading(panel)
        .into_iter()
        .chain(header_line(panel))
        .chain(rows)
        .chain(total)
        .collect()
}

/// The panel's header row where it prints a header over the row labels: that header, then the
/// columns' ("Varegruppe: 1981-1985; 1986-1990"), as a row's label comes before its cells.
/// None where the row labels have no header: each row's line names the columns already.
fn header_line(panel: &Panel) -> Option<String> {
    let header = panel.label_header.as_deref().map(str::trim)?;
    let columns = panel.column_names().join("; ");
    (panel.is_labelled() && !header.is_empty()).then(|| labelled(header, &columns))
}

/// A line of a table's content: `label` before `text` after a colon, the one the label was
/// written with where it ends in one ("I alt:"), so that it does not read "I alt:: …".
fn labelled(label: &str, text: &str) -> String {
    match label.ends_with(':') {
        true => format!("{label} {text}"),
        false => format!("{label}: {text}"),
    }
}

fn compare_panel(old: &Panel, new: &Panel, places: &Places, changes: &mut Comparison) {
    let at = &places.new;
    changes.value(
        &at.field("bogstav", "label"),
        old.label.clone(),
        new.label.clone(),
    );
    changes.value(
        &at.field("titel", "title"),
        old.title.clone(),
        new.title.clone(),
    );
    changes.value(
        &at.field("overskrift over rækkenavnene", "label_header"),
        old.label_header.clone(),
        new.label_header.clone(),
    );
    changes.value(
        &at.field("totalen er summen af rækkerne", "total_is_sum"),
        Some(yes_no(old.total_is_sum)),
        Some(yes_no(new.total_is_sum)),
    );
    compare_groups(old, new, places, changes);
    let columns = compare_columns(old, new, places, changes);
    let sides = PanelPair {
        old,
        new,
        places,
        columns: &columns,
    };
    sides.compare_rows(changes);
    sides.compare_totals(changes);
}

fn yes_no(value: bool) -> String {
    if value { "ja" } else { "nej" }.to_string()
}

/// Reports a column group's heading changed, added or removed, groups matched by heading as
/// columns are; a group's place is where it stands in the new panel, or stood in the old.
fn compare_groups(old: &Panel, new: &Panel, places: &Places, changes: &mut Comparison) {
    let headings = |panel: &Panel| -> Vec<Option<String>> {
        (panel.column_groups.iter())
            .map(|group| group.heading.clone())
            .collect()
    };
    let (old_headings, new_headings) = (headings(old), headings(new));
    let keys = |headings: &[Option<String>]| -> Vec<String> {
        headings
            .iter()
            .map(|heading| heading.clone().unwrap_or_default())
            .collect()
    };
    let group = |at: &Place, index: usize| {
        Place::new(
            format!("{}, overskrift over kolonnegruppe {}", at.label, index + 1),
            at.path.key("column_groups").index(index).key("heading"),
        )
    };
    let (old_keys, new_keys) = (keys(&old_headings), keys(&new_headings));
    for step in align(&old_keys, &new_keys, |_, _| Likeness::Kindred) {
        let (at, before, after) = match step {
            Step::Same { old: o, new: n }
            | Step::Edited { old: o, new: n }
            | Step::Moved { old: o, new: n } => (
                group(&places.new, n),
                old_headings[o].clone(),
                new_headings[n].clone(),
            ),
            Step::Removed(o) => (group(&places.old, o), old_headings[o].clone(), None),
            Step::Added(n) => (group(&places.new, n), None, new_headings[n].clone()),
        };
        changes.value(&at, before, after);
    }
}

/// Reports column changes and returns the columns present in both panels, as (old, new)
/// indices.
fn compare_columns(
    old: &Panel,
    new: &Panel,
    places: &Places,
    changes: &mut Comparison,
) -> Vec<(usize, usize)> {
    let column = |panel: &Panel, at: &Place, index: usize| {
        Place::new(
            format!("{}, kolonne {}", at.label, panel.column_name(index)),
            at.path.key("columns").index(index),
        )
    };
    let mut kept = Vec::new();
    let names = |panel: &Panel| panel.column_names();
    for step in align(&names(old), &names(new), |_, _| Likeness::Kindred) {
        match step {
            Step::Same { old: o, new: n }
            | Step::Edited { old: o, new: n }
            | Step::Moved { old: o, new: n } => {
                if matches!(step, Step::Moved { .. }) {
                    let (from, to) = (column(old, &places.old, o), column(new, &places.new, n));
                    changes.moved(Element::Column, (&from, o), (&to, n));
                }
                // A column paired with another header (in place, or moved as well) was renamed.
                let header = Place::new(
                    format!("{}, kolonneoverskrift", places.new.label),
                    places.new.path.key("columns").index(n),
                );
                let (before, after) = (old.columns[o].clone(), new.columns[n].clone());
                changes.value(&header, Some(before), Some(after));
                kept.push((o, n));
            }
            Step::Removed(o) => {
                let content = vec![column_line(old, o)];
                let (from, within) = (column(old, &places.old, o), &places.new.path);
                changes.removed(&from, within, Element::Column, content);
            }
            Step::Added(n) => {
                let content = vec![column_line(new, n)];
                changes.added(&column(new, &places.new, n), Element::Column, content);
            }
        }
    }
    kept
}

/// Two panels being compared, with their places and the columns they share.
struct PanelPair<'a> {
    old: &'a Panel,
    new: &'a Panel,
    places: &'a Places,
    columns: &'a [(usize, usize)],
}

/// How alike a removed and an added row are: alike wherever they stand where their cells are
/// the same and hold a figure other than 0 (a row renamed in a table sorted anew,
/// "Dublin-forordningen" → "Dublinforordningen"); otherwise kindred, one row edited only where
/// it stands.
fn same_figures(old: &Row, new: &Row) -> Likeness {
    let telling = |cell: &Cell| matches!(cell, Cell::Number(figure) if figure.plain() != "0");
    if old.cells == new.cells && old.cells.iter().any(telling) {
        Likeness::Alike(old.cells.len())
    } else {
        Likeness::Kindred
    }
}

/// A row and where it is.
struct RowAt<'a> {
    row: &'a Row,
    /// The row's name in cell locations: its label, or "række 2" without one.
    name: String,
    /// The whole row's place: "Tabel 2 B, række Frifundet".
    place: Place,
}

impl PanelPair<'_> {
    fn compare_rows(&self, changes: &mut Comparison) {
        let (old, new) = (self.old, self.new);
        let old_row = |o: usize| body_row(old, o, &self.places.old);
        let new_row = |n: usize| body_row(new, n, &self.places.new);
        let repeated = &repeated_labels(old) | &repeated_labels(new);
        let keys = |panel| row_keys(panel, &repeated);
        let likeness = |o: usize, n: usize| same_figures(&old.rows[o], &new.rows[n]);
        for step in align(&keys(old), &keys(new), likeness) {
            match step {
                Step::Same { old: o, new: n } | Step::Edited { old: o, new: n } => {
                    self.compare_row(&old_row(o), &new_row(n), changes);
                }
                Step::Moved { old: o, new: n } => {
                    let (from, to) = (old_row(o), new_row(n));
                    changes.moved(Element::Row, (&from.place, o), (&to.place, n));
                    self.compare_row(&from, &to, changes);
                }
                Step::Removed(o) => {
                    let gone = row_at_counted(old, o, &self.places.old, Count::Former);
                    removed_row(old, &gone, self.places, changes);
                }
                Step::Added(n) => added_row(new, &new_row(n), changes),
            }
        }
    }

    fn compare_totals(&self, changes: &mut Comparison) {
        let old = total_row(self.old, &self.places.old);
        let new = total_row(self.new, &self.places.new);
        match (old, new) {
            (Some(old), Some(new)) => self.compare_row(&old, &new, changes),
            (Some(old), None) => removed_row(self.old, &old, self.places, changes),
            (None, Some(new)) => added_row(self.new, &new, changes),
            (None, None) => {}
        }
    }

    /// Reports a renamed row and every changed cell in the shared columns.
    fn compare_row(&self, old: &RowAt, new: &RowAt, changes: &mut Comparison) {
        changes.value(
            &Place::new(
                format!("{}, rækkenavn", self.places.new.label),
                new.place.path.key("label"),
            ),
            old.row.label.clone(),
            new.row.label.clone(),
        );
        for &(o, n) in self.columns {
            let (before, after) = (old.row.cells.get(o), new.row.cells.get(n));
            // Compared as printed: 40 and 40.0 are the same figure on the page.
            if cell_text(before) != cell_text(after) {
                let cell = Place::new(
                    format!(
                        "{}, {}, {}",
                        self.places.new.label,
                        new.name,
                        self.new.column_name(n)
                    ),
                    new.place.path.key("cells").index(n),
                );
                changes.cell(&cell, cell_text(before), cell_text(after));
            }
        }
    }
}

fn removed_row(panel: &Panel, row: &RowAt, places: &Places, changes: &mut Comparison) {
    let content = vec![cells_line(panel, row.row)];
    changes.removed(&row.place, &places.new.path, Element::Row, content);
}

fn added_row(panel: &Panel, row: &RowAt, changes: &mut Comparison) {
    changes.added(&row.place, Element::Row, vec![cells_line(panel, row.row)]);
}

/// Rows are known by their label; rows without one, and rows whose label is `repeated` in the
/// panel on either side ("Mænd" under each group), by their cells too, so that the first of two
/// rows "Mænd" removed is not read as the second edited into it.
fn row_keys(panel: &Panel, repeated: &HashSet<&str>) -> Vec<String> {
    let cells = |row: &Row| serde_json::to_string(&row.cells).expect("cells serialise");
    let key = |row: &Row| match &row.label {
        Some(label) if repeated.contains(label.as_str()) => format!("{label}\0{}", cells(row)),
        Some(label) => label.clone(),
        None => cells(row),
    };
    panel.rows.iter().map(key).collect()
}

/// The labels that more than one row of `panel` has.
fn repeated_labels(panel: &Panel) -> HashSet<&str> {
    repeated(panel.rows.iter().filter_map(|row| row.label.as_deref()))
}

fn body_row<'a>(panel: &'a Panel, index: usize, at: &Place) -> RowAt<'a> {
    row_at_counted(panel, index, at, Count::Current)
}

/// [`body_row`], a row counted by its place told by `count`: "tidligere række 2", "den
/// tidligere første række Mænd".
fn row_at_counted<'a>(panel: &'a Panel, index: usize, at: &Place, count: Count) -> RowAt<'a> {
    let row = &panel.rows[index];
    let path = at.path.key("rows").index(index);
    row_at(row, row_name(panel, index, count), path, at)
}

fn total_row<'a>(panel: &'a Panel, at: &Place) -> Option<RowAt<'a>> {
    let row = panel.total.as_ref()?;
    Some(row_at(row, total_name(row), at.path.key("total"), at))
}

fn row_at<'a>(row: &'a Row, name: String, path: JsonPath, panel_at: &Place) -> RowAt<'a> {
    let whole = match &row.label {
        Some(label) if *label == name => format!("{}, række {label}", panel_at.label),
        _ => format!("{}, {name}", panel_at.label),
    };
    RowAt {
        row,
        name,
        place: Place::new(whole, path),
    }
}

/// A row's label; "den anden række Mænd" for the second of rows with one label; "række 2" for
/// the second row, without a label.
fn row_name(panel: &Panel, index: usize, count: Count) -> String {
    let Some(label) = &panel.rows[index].label else {
        return count.told(format!("række {}", index + 1));
    };
    match which_of(&panel.rows, index, |row| row.label.as_ref() == Some(label)) {
        None => label.clone(),
        Some(nth) => format!("den {} række {label}", count.told(danish::ordinal(nth))),
    }
}

/// A total row's label, or "total" without one.
fn total_name(row: &Row) -> String {
    row.label.clone().unwrap_or_else(|| "total".to_string())
}

/// A row's cells under their headers: "2014: 10; 2015: 7".
fn cells_line(panel: &Panel, row: &Row) -> String {
    let cell = |(header, cell): (String, &Cell)| format!("{header}: {}", cell_text(Some(cell)));
    panel
        .column_names()
        .into_iter()
        .zip(&row.cells)
        .map(cell)
        .collect::<Vec<_>>()
        .join("; ")
}

/// A column's cells by row, the total included: "Dom: 10; Frifundet: 5; Total: 29".
fn column_line(panel: &Panel, column: usize) -> String {
    let body = panel
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| (row_name(panel, index, Count::Current), row));
    let total = panel.total.iter().map(|row| (total_name(row), row));
    body.chain(total)
        .map(|(name, row)| format!("{name}: {}", cell_text(row.cells.get(column))))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A cell as printed: "3.478", "12,40", "-"; "(ingen)" where a row is short of cells.
/// How a cell missing on one side is told: a row shorter than another has none there.
pub(super) const NO_CELL: &str = "(ingen)";

fn cell_text(cell: Option<&Cell>) -> String {
    match cell {
        Some(Cell::Number(number)) => danish::number(number),
        Some(Cell::Text(text)) => text.clone(),
        None => NO_CELL.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::diff::{ChangeKind, compare};
    use crate::model::{Answer, Block, Cell, Panel};

    /// The spreadsheet fixture as read: its table's panel filled from `sager.csv`.
    fn filled() -> Answer {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spreadsheet.json");
        crate::input::load(&path).unwrap().answer
    }

    /// The panel of the fixture's table (in Rigspolitiet's statement).
    fn panel(answer: &mut Answer) -> &mut Panel {
        let Block::Statement(statement) = &mut answer.answer.blocks[1] else {
            panic!("the second block is a statement");
        };
        let Block::Table(table) = &mut statement.blocks[1] else {
            panic!("the statement's second block is a table");
        };
        &mut table.panels[0]
    }

    const PANEL: &str = "answer.blocks[1].statement.blocks[1].table.panels[0]";

    /// Each change's path and path into the answer as read, after a cell and the panel's title
    /// of the fixture changed.
    fn paths(new_from_spreadsheet: bool) -> Vec<(String, String)> {
        let old = filled();
        let mut new = old.clone();
        let panel = panel(&mut new);
        panel.rows[0].cells[1] = Cell::Number(2250.into());
        panel.title = Some("Antal sager".into());
        if !new_from_spreadsheet {
            panel.spreadsheet = None;
        }
        let changes = compare(&old, &new).changes;
        assert!(matches!(changes[1].kind, ChangeKind::Cell { .. }));
        changes
            .iter()
            .map(|change| (change.path.to_string(), change.filled_path.to_string()))
            .collect()
    }

    #[test]
    fn a_change_to_a_spreadsheets_figures_is_at_the_panels_csv() {
        let cell = format!("{PANEL}.rows[0].cells[1]");
        assert_eq!(
            paths(true),
            [
                (format!("{PANEL}.title"), format!("{PANEL}.title")),
                (format!("{PANEL}.csv"), cell),
            ]
        );
    }

    #[test]
    fn a_lettered_panel_of_a_table_without_a_number_is_named_as_a_panel() {
        let mut old: Answer =
            serde_json::from_str(include_str!("../../tests/fixtures/complete.json")).unwrap();
        let panel = |letter: &str| {
            serde_json::json!({"label": letter, "columns": ["2019"], "rows": [
                {"label": "Afgjort", "cells": [1]}]})
        };
        old.answer.blocks = serde_json::from_value(serde_json::json!([
            {"paragraph": "Tallene fremgår nedenfor:"},
            {"table": {"panels": [panel("A"), panel("B")]}},
        ]))
        .unwrap();
        let mut new = old.clone();
        let Block::Table(table) = &mut new.answer.blocks[1] else {
            panic!("the second block is a table");
        };
        table.panels[1].rows[0].cells[0] = Cell::Number(2.into());
        let changes = compare(&old, &new).changes;
        let locations: Vec<&str> = changes.iter().map(|c| c.location.as_str()).collect();
        assert_eq!(
            locations,
            ["Svar, tabellen efter afsnit 1, panel B, Afgjort, 2019"]
        );
    }

    #[test]
    fn figures_the_answer_file_holds_keep_their_path() {
        // The new answer as a PDF carries it: the spreadsheet's figures written in.
        let cell = format!("{PANEL}.rows[0].cells[1]");
        assert_eq!(paths(false)[1], (cell.clone(), cell));
    }
}
