//! Redlines: the new answer typeset with every change since the old one marked, the way Word's
//! track changes shows them: inserted words underlined in green, deleted words struck through
//! in red, changed table cells highlighted, a bar in the margin beside every changed block, and
//! a summary of the changes at the top.

use crate::diff::{Change, ChangeKind, ChangeList, Element, Segment, SegmentKind, plain_marks};
use crate::input::diagnostic::Segment as Step;
use crate::model::Answer;
use crate::render::{
    self, BlockContent, BlockContext, DocumentContext, MarkedRun, RedlineSummary, TemplateSet,
};
use crate::{Error, Typeset};

/// Typesets `new` with `changes` (from `old_name` to `new`) marked.
pub fn redline(
    old_name: &str,
    new: &Answer,
    changes: &ChangeList,
    templates: &TemplateSet,
) -> Result<Typeset, Error> {
    let mut context = DocumentContext::new(new);
    context.title = format!("Ændringer: {}", context.title);
    let marked: Vec<bool> = changes
        .changes
        .iter()
        .map(|change| mark(&mut context, change))
        .collect();
    context.redline = Some(summary(old_name, changes, &marked));
    let generated = render::typst_source_from(&context, templates)?;
    crate::typeset_generated(&generated, templates, new, None)
}

/// The box at the top: one line per change; `marked` tells which are marked in the text.
fn summary(old_name: &str, changes: &ChangeList, marked: &[bool]) -> RedlineSummary {
    let count = changes.changes.len();
    RedlineSummary {
        heading: format!(
            "{} i forhold til {old_name}",
            crate::danish::count(count, "ændring", "ændringer")
        ),
        lines: if count == 0 {
            vec!["Ingen forskelle.".to_string()]
        } else {
            changes
                .changes
                .iter()
                .zip(marked)
                .map(|(change, marked)| summary_line(change, *marked))
                .collect()
        },
    }
}

fn summary_line(change: &Change, marked: bool) -> String {
    let what = match &change.kind {
        ChangeKind::Value { old, new } => format!(
            "{} → {}",
            old.as_deref().unwrap_or("(ingen)"),
            new.as_deref().unwrap_or("(ingen)")
        ),
        ChangeKind::Text { .. } if marked => "ændret (se markeringen)".to_string(),
        ChangeKind::Text { segments, .. } => format!("ændret: {}", plain_marks(segments)),
        ChangeKind::Cell { old, new } => format!("{old} → {new}"),
        ChangeKind::Added { .. } => "tilføjet".to_string(),
        ChangeKind::Removed { content, .. } => format!("fjernet: {}", content.join(" / ")),
        ChangeKind::Moved { from, to, .. } => crate::diff::report::moved(*from, *to),
    };
    format!("{}: {what}", change.location)
}

/// Marks one change on the block it concerns in the new answer; returns whether the change is
/// marked in the text. Metadata has no place in the new answer's body, nor has what was
/// removed: the summary shows them, and a removal gets a bar beside the list, table or
/// statement it was removed from, so that no deletion goes unseen in the text.
fn mark(context: &mut DocumentContext, change: &Change) -> bool {
    // Into the answer as read: a change to a spreadsheet's figures marks their cell.
    let steps = &change.filled_path.0;
    let Some((block, rest)) = find_block(context, steps) else {
        return false;
    };
    block.marks.bar = true;
    if matches!(change.kind, ChangeKind::Removed { .. }) {
        return false;
    }
    match (&change.kind, rest) {
        (ChangeKind::Added { element, .. }, []) if *element != Element::Row => {
            block.marks.inserted = true;
        }
        (ChangeKind::Text { segments, .. }, [Step::Key(key)]) if key == "paragraph" => {
            block.marks.segments = Some(runs(segments));
        }
        (ChangeKind::Text { segments, .. }, [Step::Key(key), Step::Index(item)])
            if key == "list" =>
        {
            set_item(block, *item, runs(segments));
        }
        (ChangeKind::Added { content, .. }, [Step::Key(key), Step::Index(item)])
            if key == "list" =>
        {
            let inserted = vec![MarkedRun {
                kind: "inserted",
                text: content.join(" "),
            }];
            set_item(block, *item, inserted);
        }
        (ChangeKind::Text { .. }, _) => return false,
        (
            _,
            [
                Step::Key(key),
                Step::Key(panels),
                Step::Index(panel),
                tail @ ..,
            ],
        ) if key == "table" && panels == "panels" => {
            mark_cells(block, *panel, tail, &change.kind);
        }
        _ => {}
    }
    true
}

/// The block a path leads to (`answer.blocks[i]` or `enclosures[e].blocks[i]`, through
/// statements), and the rest of the path.
fn find_block<'a, 'p>(
    context: &'a mut DocumentContext,
    steps: &'p [Step],
) -> Option<(&'a mut BlockContext, &'p [Step])> {
    match steps {
        [Step::Key(answer), Step::Key(list), rest @ ..]
            if answer == "answer" && list == "blocks" =>
        {
            descend(&mut context.blocks, rest)
        }
        [
            Step::Key(enclosures),
            Step::Index(enclosure),
            Step::Key(list),
            rest @ ..,
        ] if enclosures == "enclosures" && list == "blocks" => {
            descend(&mut context.enclosures.get_mut(*enclosure)?.blocks, rest)
        }
        _ => None,
    }
}

fn descend<'a, 'p>(
    blocks: &'a mut [BlockContext],
    steps: &'p [Step],
) -> Option<(&'a mut BlockContext, &'p [Step])> {
    let [Step::Index(index), rest @ ..] = steps else {
        return None;
    };
    let inside_statement = match rest {
        [Step::Key(statement), Step::Key(inner), deeper @ ..] => {
            statement == "statement" && inner == "blocks" && !deeper.is_empty()
        }
        _ => false,
    };
    let is_statement = matches!(blocks.get(*index)?.content, BlockContent::Statement { .. });
    if !(inside_statement && is_statement) {
        return Some((&mut blocks[*index], rest));
    }
    match &mut blocks[*index].content {
        BlockContent::Statement { blocks, .. } => descend(blocks, &rest[2..]),
        _ => None,
    }
}

fn set_item(block: &mut BlockContext, item: usize, marked: Vec<MarkedRun>) {
    if let Some(slot) = block.marks.items.get_mut(item) {
        *slot = Some(marked);
    }
}

/// Highlights the cells a change touches in panel `panel` of a table block.
fn mark_cells(block: &mut BlockContext, panel: usize, tail: &[Step], kind: &ChangeKind) {
    let BlockContent::Table(table) = &mut block.content else {
        return;
    };
    let Some(panel) = table.panels.get_mut(panel) else {
        return;
    };
    let offset = usize::from(panel.labelled);
    let width = panel.header.len();
    let total_row = panel.rows.len() + 1;
    let cells: Vec<[usize; 2]> = match tail {
        [
            Step::Key(rows),
            Step::Index(row),
            Step::Key(cells),
            Step::Index(column),
        ] if rows == "rows" && cells == "cells" => {
            vec![[row + 1, column + offset]]
        }
        [Step::Key(total), Step::Key(cells), Step::Index(column)]
            if total == "total" && cells == "cells" =>
        {
            vec![[total_row, column + offset]]
        }
        [Step::Key(rows), Step::Index(row), Step::Key(label)]
            if rows == "rows" && label == "label" =>
        {
            vec![[row + 1, 0]]
        }
        [Step::Key(rows), Step::Index(row)]
            if rows == "rows" && matches!(kind, ChangeKind::Added { .. }) =>
        {
            (0..width).map(|column| [row + 1, column]).collect()
        }
        [Step::Key(columns), Step::Index(column)] if columns == "columns" => {
            (0..=total_row).map(|row| [row, column + offset]).collect()
        }
        _ => Vec::new(),
    };
    panel.changed_cells.extend(cells);
}

fn runs(segments: &[Segment]) -> Vec<MarkedRun> {
    segments
        .iter()
        .map(|segment| MarkedRun {
            kind: match segment.kind {
                SegmentKind::Equal => "equal",
                SegmentKind::Deleted => "deleted",
                SegmentKind::Inserted => "inserted",
            },
            text: segment.text.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::mark;
    use crate::diff::compare;
    use crate::model::{Answer, Block, Cell};
    use crate::render::{BlockContent, DocumentContext};

    #[test]
    fn a_changed_figure_from_a_spreadsheet_is_highlighted() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/spreadsheet.json");
        let old = crate::input::load(&path).unwrap().answer;
        let mut new = old.clone();
        let Block::Statement(statement) = &mut new.answer.blocks[1] else {
            panic!("the second block is Rigspolitiet's statement");
        };
        let Block::Table(table) = &mut statement.blocks[1] else {
            panic!("the statement's second block is the table from sager.csv");
        };
        table.panels[0].rows[0].cells[1] = Cell::Number(2250.into());
        let changes = compare(&old, &new);
        assert_eq!(
            changes.changes[0].path.to_string(),
            "answer.blocks[1].statement.blocks[1].table.panels[0].csv"
        );
        let mut context = DocumentContext::new(&new);
        assert!(mark(&mut context, &changes.changes[0]));
        let BlockContent::Statement { blocks, .. } = &context.blocks[1].content else {
            panic!("a statement");
        };
        let BlockContent::Table(table) = &blocks[1].content else {
            panic!("a table");
        };
        // The first body row, the second figure column after the row labels.
        assert_eq!(table.panels[0].changed_cells, [[1, 2]]);
    }

    #[test]
    fn a_list_that_lost_an_item_gets_a_bar() {
        let old: Answer =
            serde_json::from_str(include_str!("../tests/fixtures/complete.json")).unwrap();
        let mut new = old.clone();
        let list = new
            .answer
            .blocks
            .iter()
            .position(|block| matches!(block, Block::List(_)))
            .expect("the fixture has a list");
        let Block::List(items) = &mut new.answer.blocks[list] else {
            unreachable!()
        };
        items.remove(1);
        let changes = compare(&old, &new);
        let mut context = DocumentContext::new(&new);
        assert!(
            !mark(&mut context, &changes.changes[0]),
            "shown in the summary"
        );
        assert!(context.blocks[list].marks.bar);
    }

    #[test]
    fn words_added_to_a_paragraph_are_marked_as_inserted_and_the_rest_kept() {
        let old: Answer =
            serde_json::from_str(include_str!("../tests/fixtures/complete.json")).unwrap();
        let mut new = old.clone();
        new.answer.blocks[3] = Block::Paragraph(
            "Jeg har ikke yderligere bemærkninger til sagen, men henviser til mit svar.".into(),
        );
        let changes = compare(&old, &new);
        let mut context = DocumentContext::new(&new);
        assert!(mark(&mut context, &changes.changes[0]));
        let runs: Vec<(&str, &str)> = context.blocks[3]
            .marks
            .segments
            .iter()
            .flatten()
            .map(|run| (run.kind, run.text.as_str()))
            .collect();
        assert_eq!(
            runs,
            [
                ("equal", "Jeg har ikke yderligere bemærkninger"),
                ("inserted", " til sagen, men henviser til mit svar"),
                ("equal", ".")
            ]
        );
    }
}
