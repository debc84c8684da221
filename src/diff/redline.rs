//! Redlines: the new answer typeset with every change since the old one marked, the way Word's
//! track changes shows them: inserted words underlined in green, deleted words struck through
//! in red, changed table cells highlighted, a bar in the margin beside every changed block, and
//! a summary of the changes at the top.

use super::{Change, ChangeKind, ChangeList, ContentLine, Element, Segment, SegmentKind};
use crate::json_path::Step;
use crate::model::{Answer, Markup};
use crate::render::{
    self, BlockContent, BlockContext, BlockMarks, DocumentContext, FormerCell, PanelContext,
    RedlineSummary, TableContext, TemplateSet, WordingMarks,
};
use crate::{Error, Typeset};

/// What a redline's title begins with, before the answer's own title; `svar diff` knows a
/// redline by it, to say that it is no answer to compare.
pub(crate) const TITLE_PREFIX: &str = "Ændringer: ";

/// Typesets `new` with `changes` (from `old`, in the file `old_name`, to `new`) marked.
pub(crate) fn redline(
    (old_name, old): (&str, &Answer),
    new: &Answer,
    changes: &ChangeList,
    templates: &TemplateSet,
) -> Result<Typeset, Error> {
    let mut context = DocumentContext::new(new);
    context.title = format!("{TITLE_PREFIX}{}", context.title);
    let marked: Vec<bool> = changes
        .changes
        .iter()
        .map(|change| mark(&mut context, change))
        .collect();
    mark_places_left(&mut context, &changes.changes, old.markup);
    mark_wording(&mut context, &DocumentContext::new(old));
    context.redline = Some(summary(
        old_name,
        changes,
        &marked,
        (old.markup, new.markup),
    ));
    let generated = render::typst_source_from(&context, templates)?;
    crate::typeset_generated(&generated, templates, new, None)
}

/// Marks the sentences svar words itself (the opening, the questions' headings) where they
/// read otherwise in `before`, the old answer's: a change of a question's number, date or
/// committee is then marked where the letter says it, not only in the box. A question's
/// heading is compared with that of the old question of the same text, as the change list
/// pairs them (questions renumbered and reordered), or else with the one in its place where
/// the questions are as many, so that one added among them does not mark the headings after
/// it against their neighbours'; a heading marked as added stays so.
fn mark_wording(context: &mut DocumentContext, before: &DocumentContext) {
    let as_many = context.questions.len() == before.questions.len();
    for (index, question) in context.questions.iter_mut().enumerate() {
        let same_text = before
            .questions
            .iter()
            .find(|old| old.text == question.text);
        let in_its_place = as_many.then(|| &before.questions[index]);
        if let Some(old) = same_text.or(in_its_place)
            && question.heading_marks.is_none()
        {
            question.heading_marks = wording_runs(&old.heading, &question.heading);
        }
    }
    mark_sentences(context, before);
    mark_addressee(context, before);
    mark_letterhead_and_signature(context, before);
}

/// The runs of a sentence svar words itself that reads `new` where it read `old`; none if it
/// reads the same.
fn wording_runs(old: &str, new: &str) -> Option<Vec<Segment>> {
    (old != new).then(|| runs(&super::literal_word_diff(old, new)))
}

/// Marks the standard sentences (the opening, the cover letter's, a status sentence, who asked)
/// that read otherwise in `before`.
fn mark_sentences(context: &mut DocumentContext, before: &DocumentContext) {
    type Sentence = fn(&DocumentContext) -> Option<&str>;
    type Marks = fn(&mut WordingMarks) -> &mut Option<Vec<Segment>>;
    let sentences: [(Sentence, Marks); 6] = [
        (
            |c| c.letter.as_ref().map(|l| l.opening.as_str()),
            |m| &mut m.opening,
        ),
        (
            |c| c.cover_letter.as_ref().map(|l| l.sentence.as_str()),
            |m| &mut m.cover_sentence,
        ),
        (
            |c| c.speaking_note.as_ref().map(|n| n.sentence.as_str()),
            |m| &mut m.speaking_note_sentence,
        ),
        (|c| c.status_sentence.as_deref(), |m| &mut m.status_sentence),
        (|c| c.asked_by.as_deref(), |m| &mut m.asked_by),
        (
            |c| c.cover_letter.as_ref()?.signature.as_deref(),
            |m| &mut m.cover_signature,
        ),
    ];
    for (sentence, field) in sentences {
        if let (Some(old), Some(new)) = (sentence(before), sentence(context)) {
            *field(&mut context.wording_marks) = wording_runs(old, new);
        }
    }
}

/// Marks the addressee block of a letter or cover letter, line by line, where a line reads
/// otherwise in `before` (another committee) and the block has as many lines.
fn mark_addressee(context: &mut DocumentContext, before: &DocumentContext) {
    let addressee = |c: &DocumentContext| match (&c.cover_letter, &c.letter) {
        (Some(cover), _) => cover.addressee.clone(),
        (None, Some(letter)) => letter.addressee.clone(),
        (None, None) => Vec::new(),
    };
    let (old, new) = (addressee(before), addressee(context));
    if old.len() != new.len() || old == new {
        return;
    }
    let kept = |line: &str| {
        vec![Segment {
            kind: SegmentKind::Equal,
            text: line.to_string(),
        }]
    };
    let lines = old.iter().zip(&new);
    let marked = lines.map(|(old, new)| wording_runs(old, new).unwrap_or_else(|| kept(new)));
    context.wording_marks.addressee = Some(marked.collect());
}

/// Marks the letterhead's lines that read otherwise in `before`, where a reviewer looks for
/// them: the ministry's name, the department and the metadata lines (matched by their labels:
/// "Dato:", "J.nr.:"), and the signature's names (by their places); a line new since then is
/// all inserted. A line removed has no place in the new text: the box lists it.
fn mark_letterhead_and_signature(context: &mut DocumentContext, before: &DocumentContext) {
    let marks = &mut context.wording_marks;
    marks.ministry = line_mark(Some(&before.ministry), &context.ministry);
    marks.department = (context.department.as_deref())
        .and_then(|new| line_mark(before.department.as_deref(), new));
    let metadata = context.metadata.iter().map(|(label, value)| {
        let old = before
            .metadata
            .iter()
            .find(|(old_label, _)| old_label == label);
        (old.map(|(_, old)| old.as_str()), value.as_str())
    });
    marks.metadata = line_marks(metadata);
    let signature = (context.signature.iter().enumerate()).map(|(index, name)| {
        (
            before.signature.get(index).map(String::as_str),
            name.as_str(),
        )
    });
    marks.signature = line_marks(signature);
}

/// For each line as `(old, new)` (no old one for a new line), its runs where it changed, or
/// none at all where no line did.
fn line_marks<'a>(
    lines: impl Iterator<Item = (Option<&'a str>, &'a str)>,
) -> Option<Vec<Option<Vec<Segment>>>> {
    let marks: Vec<Option<Vec<Segment>>> = lines.map(|(old, new)| line_mark(old, new)).collect();
    marks.iter().any(Option::is_some).then_some(marks)
}

/// The runs of a line that reads `new` where it read `old`, or all inserted where it had no
/// old line; none where it reads the same.
fn line_mark(old: Option<&str>, new: &str) -> Option<Vec<Segment>> {
    match old {
        Some(old) => wording_runs(old, new),
        None => Some(vec![Segment {
            kind: SegmentKind::Inserted,
            text: new.to_string(),
        }]),
    }
}

/// The box at the top: one line per change; `marked` tells which are marked in the text. The
/// box is plain text: what is marked in the text is only named there, and other texts are
/// shown as printed, without Markdown's marks (`markups` are the old and the new answer's:
/// what the old one had is shown as it printed there).
fn summary(
    old_name: &str,
    changes: &ChangeList,
    marked: &[bool],
    markups: (Markup, Markup),
) -> RedlineSummary {
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
                .map(|(change, marked)| summary_line(change, *marked, markups))
                .collect()
        },
    }
}

fn summary_line(
    change: &Change,
    marked: bool,
    (old_markup, new_markup): (Markup, Markup),
) -> String {
    // Footnotes and removed prose are Markdown in a Markdown answer; every other value is
    // printed as written.
    let is_footnote = matches!(change.path.0.first(), Some(Step::Key(key)) if key == "footnotes");
    let prose = |text: &str, is_prose: bool, markup: Markup| {
        if is_prose {
            printed(text, markup)
        } else {
            text.to_string()
        }
    };
    let value = |value: &Option<String>, markup: Markup| match value {
        Some(value) => prose(value, is_footnote, markup),
        None => "(ingen)".to_string(),
    };
    let what = match &change.kind {
        ChangeKind::Value { old, new } => {
            format!("{} → {}", value(old, old_markup), value(new, new_markup))
        }
        ChangeKind::Text { .. } if marked => "ændret (se markeringen)".to_string(),
        ChangeKind::Text { new, .. } => format!("ændret til: {}", prose(new, true, new_markup)),
        ChangeKind::Cell { old, new } => format!("{old} → {new}"),
        ChangeKind::Added { .. } => "tilføjet".to_string(),
        ChangeKind::Removed { content, .. } => {
            let lines: Vec<String> = content
                .iter()
                .map(|line| prose(&line.to_string(), true, old_markup))
                .collect();
            format!("fjernet: {}", lines.join(" / "))
        }
        ChangeKind::Moved { .. } => super::report::moved(change),
    };
    format!("{}: {what}", change.location)
}

/// A text of prose as it prints in an answer of `markup`: without Markdown's marks.
fn printed(text: &str, markup: Markup) -> String {
    match markup {
        Markup::Markdown => crate::markup::printed_text(text),
        Markup::Plain => text.to_string(),
    }
}

/// How many words of a removed block its stub shows.
const STUB_WORDS: usize = 10;

/// Shows each block removed from the answer's or an enclosure's blocks where it stood, by its
/// first words struck through beside a bar: no block around it takes the bar a removal from a
/// statement or a list gets, and the removal was seen only in the box (review 25, #6). Shows
/// likewise where each block that moved stood, by a note of where it went, in any list of
/// blocks, a statement's too: a reader of the old text looks for it there. The stubs go in
/// after every change is marked, as the changes' paths count the new answer's blocks without
/// them; `markup` is the old answer's, which the removed text was written in.
fn mark_places_left(context: &mut DocumentContext, changes: &[Change], markup: Markup) {
    let mut stubs: Vec<(&[Step], usize, BlockContext)> = (changes.iter())
        .filter_map(
            |change| match (&change.kind, change.removed_before, &change.vacated) {
                (ChangeKind::Removed { content, .. }, Some(before), _)
                    if is_own_list(&change.filled_path.0) =>
                {
                    let stub = removed_block(stub_text(content, markup)?);
                    Some((&change.filled_path.0[..], before, stub))
                }
                (ChangeKind::Moved { .. }, _, Some((list, before))) => {
                    let note = super::report::moved_away(change);
                    Some((&list.0[..], *before, moved_away_block(note)))
                }
                _ => None,
            },
        )
        .collect();
    // A statement's list before the list holding the statement, and in each list from the
    // last place, so that a stub does not move the places of those still to go in; stubs at
    // one place go in before one another, keeping their order.
    stubs.reverse();
    stubs.sort_by_key(|(steps, before, _)| {
        (std::cmp::Reverse(steps.len()), std::cmp::Reverse(*before))
    });
    for (steps, before, stub) in stubs {
        if let Some(blocks) = block_list(context, steps) {
            blocks.insert(before.min(blocks.len()), stub);
        }
    }
}

/// The first words of a removed block's first line (a paragraph, a caption, a statement's
/// introduction), "…" after them where it went on; none for a block that printed no text.
fn stub_text(content: &[ContentLine], markup: Markup) -> Option<String> {
    let first = printed(&content.first()?.to_string(), markup);
    let words: Vec<&str> = first.split_whitespace().collect();
    let shown = words.get(..STUB_WORDS).unwrap_or(&words).join(" ");
    match words.len() {
        0 => None,
        count if count > STUB_WORDS => Some(format!("{shown} …")),
        _ => Some(shown),
    }
}

/// Whether `steps` lead to the answer's or an enclosure's own list of blocks, where a removed
/// block's stub is shown; the blocks of a statement show their removals by the statement's bar.
fn is_own_list(steps: &[Step]) -> bool {
    matches!(steps, [Step::Key(answer), Step::Key(list)] if answer == "answer" && list == "blocks")
        || matches!(steps, [Step::Key(enclosures), Step::Index(_), Step::Key(list)]
            if enclosures == "enclosures" && list == "blocks")
}

/// The list of blocks `steps` lead to: the answer's, an enclosure's, or a statement's in them.
fn block_list<'a>(
    context: &'a mut DocumentContext,
    steps: &[Step],
) -> Option<&'a mut Vec<BlockContext>> {
    match steps {
        [Step::Key(answer), Step::Key(list), rest @ ..]
            if answer == "answer" && list == "blocks" =>
        {
            statement_list(&mut context.blocks, rest)
        }
        [
            Step::Key(enclosures),
            Step::Index(index),
            Step::Key(list),
            rest @ ..,
        ] if enclosures == "enclosures" && list == "blocks" => {
            statement_list(&mut context.enclosures.get_mut(*index)?.blocks, rest)
        }
        _ => None,
    }
}

/// `blocks`, where `steps` are empty, or the list of a statement among them they lead to.
fn statement_list<'a>(
    blocks: &'a mut Vec<BlockContext>,
    steps: &[Step],
) -> Option<&'a mut Vec<BlockContext>> {
    let [
        Step::Index(index),
        Step::Key(statement),
        Step::Key(list),
        rest @ ..,
    ] = steps
    else {
        return steps.is_empty().then_some(blocks);
    };
    if statement != "statement" || list != "blocks" {
        return None;
    }
    match &mut blocks.get_mut(*index)?.content {
        BlockContent::Statement { blocks, .. } => statement_list(blocks, rest),
        _ => None,
    }
}

/// The note where a moved block stood; it draws its own bar, a move's.
fn moved_away_block(note: String) -> BlockContext {
    BlockContext {
        content: BlockContent::MovedAway { note },
        marks: BlockMarks::default(),
        ..removed_block(String::new())
    }
}

/// The stub of a removed block: `text` struck through, with a bar.
fn removed_block(text: String) -> BlockContext {
    BlockContext {
        opening_marks: String::new(),
        closing_marks: String::new(),
        keep_with_next: false,
        leads_in: false,
        checked_lead_in: false,
        kept_whole: false,
        content: BlockContent::Removed { text },
        marks: BlockMarks {
            bar: true,
            ..BlockMarks::default()
        },
    }
}

/// Marks one change where it is printed in the new answer; returns whether the change is
/// marked in the text. Metadata has no place in the new answer's body, nor has what was
/// removed: the summary shows them, and a removal gets a bar beside the list, table or
/// statement it was removed from, so that no deletion goes unseen in the text.
fn mark(context: &mut DocumentContext, change: &Change) -> bool {
    // Into the answer as read: a change to a spreadsheet's figures marks their cell.
    let steps = &change.filled_path.0;
    if let Some(marked) = mark_outside_blocks(context, steps, &change.kind) {
        return marked;
    }
    let Some((block, rest)) = find_block(context, steps) else {
        return false;
    };
    // A block moved is noted as moved, not barred as edited; its edits, told after the move,
    // bar it as edited too.
    if let (ChangeKind::Moved { .. }, []) = (&change.kind, rest) {
        let note = crate::danish::uppercase_first(&super::report::moved(change));
        block.marks.moved = Some(note);
        return true;
    }
    block.marks.bar = true;
    if matches!(change.kind, ChangeKind::Removed { .. }) {
        return false;
    }
    match (&change.kind, rest) {
        (ChangeKind::Added { element, .. }, []) if *element != Element::Row => {
            mark_inserted(block);
        }
        (ChangeKind::Text { segments, .. }, [Step::Key(key)])
            if key == "paragraph" || key == "heading" =>
        {
            block.marks.segments = Some(runs(segments));
        }
        (ChangeKind::Moved { .. }, [Step::Key(key), Step::Index(item)])
            if key == "list" || key == "numbered_list" =>
        {
            let Some(slot) = block.marks.moved_items.get_mut(*item) else {
                return false;
            };
            *slot = Some(super::report::moved(change));
        }
        (kind, [Step::Key(key), Step::Index(item)]) if key == "list" || key == "numbered_list" => {
            return set_run(&mut block.marks.items, *item, kind);
        }
        (kind, [Step::Key(statement), Step::Key(field)]) if statement == "statement" => {
            return mark_introduction(block, field, kind);
        }
        (kind, [Step::Key(captioned), Step::Key(field)])
            if is_captioned(captioned) && field == "caption" =>
        {
            return mark_caption(block, kind);
        }
        (kind, [Step::Key(captioned), Step::Key(field)])
            if is_captioned(captioned) && field == "number" =>
        {
            return mark_caption_number(block, kind);
        }
        (kind, [Step::Key(captioned), Step::Key(notes), Step::Index(note)])
            if is_captioned(captioned) && notes == "notes" =>
        {
            return set_run(&mut block.marks.notes, *note, kind);
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

/// Marks a change to a text printed outside the blocks: the question, a footnote or an
/// enclosure's title. None for a change inside the blocks.
fn mark_outside_blocks(
    context: &mut DocumentContext,
    steps: &[Step],
    kind: &ChangeKind,
) -> Option<bool> {
    let marked = match steps {
        [Step::Key(question), Step::Key(text)] if question == "question" && text == "text" => {
            let runs = text_runs(kind)?;
            context.questions.first_mut()?.marks = Some(runs);
            Some(())
        }
        [Step::Key(further), Step::Index(index), Step::Key(text)]
            if further == "further_questions" && text == "text" =>
        {
            let runs = text_runs(kind)?;
            context.questions.get_mut(index + 1)?.marks = Some(runs);
            Some(())
        }
        // A question added to those answered together: its whole text is new, and so is its
        // heading; a green bar beside them, as beside an added block, which it had not.
        [Step::Key(further), Step::Index(index)] if further == "further_questions" => {
            let runs = whole_or_text_runs(kind)?;
            let question = context.questions.get_mut(index + 1)?;
            question.marks = Some(runs);
            if matches!(kind, ChangeKind::Added { .. }) {
                question.heading_marks = Some(vec![Segment {
                    kind: SegmentKind::Inserted,
                    text: question.heading.clone(),
                }]);
                question.added = true;
            }
            Some(())
        }
        [Step::Key(footnotes), Step::Key(label)] if footnotes == "footnotes" => {
            whole_or_text_runs(kind).map(|runs| {
                context.footnote_marks.insert(label.clone(), runs);
            })
        }
        [Step::Key(enclosures), Step::Index(index), Step::Key(title)]
            if enclosures == "enclosures" && title == "title" =>
        {
            let enclosure = context.enclosures.get_mut(*index)?;
            let runs = text_runs(kind)?;
            enclosure.heading_marks = Some(with_prefix(&enclosure.heading, kind, runs));
            Some(())
        }
        // An enclosure added: its heading, where it is listed and where it begins, is new, and
        // so is all it holds.
        [Step::Key(enclosures), Step::Index(index)]
            if enclosures == "enclosures" && matches!(kind, ChangeKind::Added { .. }) =>
        {
            let enclosure = context.enclosures.get_mut(*index)?;
            enclosure.heading_marks = Some(vec![Segment {
                kind: SegmentKind::Inserted,
                text: enclosure.heading.clone(),
            }]);
            enclosure.blocks.iter_mut().for_each(mark_inserted);
            Some(())
        }
        _ => return None,
    };
    Some(marked.is_some())
}

/// Marks a block as new, with a bar and in green, as an added block of the answer is: the
/// blocks of an added enclosure, which printed plain beside their green heading (review 25, #9).
fn mark_inserted(block: &mut BlockContext) {
    block.marks.bar = true;
    block.marks.inserted = true;
}

/// A text's changed words as runs; none for another kind of change.
fn text_runs(kind: &ChangeKind) -> Option<Vec<Segment>> {
    match kind {
        ChangeKind::Text { segments, .. } => Some(runs(segments)),
        _ => None,
    }
}

/// A text's changed words as runs, or a whole new text (an added element, or a value that was
/// set) as one inserted run.
fn whole_or_text_runs(kind: &ChangeKind) -> Option<Vec<Segment>> {
    let inserted = |text: String| {
        vec![Segment {
            kind: SegmentKind::Inserted,
            text,
        }]
    };
    match kind {
        ChangeKind::Added { content, .. } => {
            let lines: Vec<String> = content.iter().map(ToString::to_string).collect();
            Some(inserted(lines.join(" ")))
        }
        ChangeKind::Value {
            new: Some(new),
            old: None,
        } => Some(inserted(new.clone())),
        other => text_runs(other),
    }
}

/// Runs for a text printed after a prefix svar writes ("Tabel 1: ", "Bilag 2: "): the prefix
/// kept, taken from `printed`, which ends in the new text; or, for a text that was set where
/// there was none (a table given its number and caption), all of `printed` inserted.
fn with_prefix(printed: &str, kind: &ChangeKind, runs: Vec<Segment>) -> Vec<Segment> {
    let new = match kind {
        ChangeKind::Text { new, .. } => new,
        ChangeKind::Value { old: None, .. } => {
            return vec![Segment {
                kind: SegmentKind::Inserted,
                text: printed.to_string(),
            }];
        }
        _ => return runs,
    };
    let prefix = printed.strip_suffix(new.as_str()).unwrap_or_default();
    let kept = Segment {
        kind: SegmentKind::Equal,
        text: prefix.to_string(),
    };
    std::iter::once(kept).chain(runs).collect()
}

/// Puts the runs of a change to one text of a list (an item, a note) in its slot.
fn set_run(slots: &mut [Option<Vec<Segment>>], index: usize, kind: &ChangeKind) -> bool {
    let (Some(slot), Some(runs)) = (slots.get_mut(index), whole_or_text_runs(kind)) else {
        return false;
    };
    *slot = Some(runs);
    true
}

/// Marks a changed introduction, or the default introduction of a statement whose agency
/// changed (which the comparison reports once, as the agency).
fn mark_introduction(block: &mut BlockContext, field: &str, kind: &ChangeKind) -> bool {
    let BlockContent::Statement { introduction, .. } = &block.content else {
        return false;
    };
    let runs = match (field, kind) {
        ("introduction", kind) => text_runs(kind),
        (
            "source",
            ChangeKind::Value {
                old: Some(old),
                new: Some(new),
            },
        ) => {
            let default = crate::model::Statement::default_introduction;
            (*introduction == default(new))
                .then(|| runs(&super::literal_word_diff(&default(old), &default(new))))
        }
        _ => None,
    };
    block.marks.introduction = runs;
    block.marks.introduction.is_some()
}

/// Whether a block's key is that of a block with a numbered caption and notes: a table or a
/// figure.
fn is_captioned(key: &str) -> bool {
    key == "table" || key == "figure"
}

/// The caption a table or figure prints ("Tabel 1: …"), and the word before its number.
fn printed_caption(content: &BlockContent) -> Option<(&Option<String>, &'static str)> {
    match content {
        BlockContent::Table(table) => Some((&table.caption, "Tabel")),
        BlockContent::Figure(figure) => Some((&figure.caption, "Figur")),
        _ => None,
    }
}

/// Marks a changed caption, "Tabel 1: " (or "Figur 1: ") kept.
fn mark_caption(block: &mut BlockContext, kind: &ChangeKind) -> bool {
    let Some((caption, _)) = printed_caption(&block.content) else {
        return false;
    };
    let marked = match (caption, whole_or_text_runs(kind)) {
        (Some(caption), Some(runs)) => Some(with_prefix(caption, kind, runs)),
        _ => None,
    };
    block.marks.caption = marked;
    block.marks.caption.is_some()
}

/// Marks a table's new number in its caption, "Tabel ~~1~~ 2: …", where the table kept a
/// number (one given a number is given a caption too, marked whole by [`mark_caption`]); the
/// text's references to it ("tabel 1") may need the same change. A caption that changed too is
/// marked as a text, which this does not undo.
fn mark_caption_number(block: &mut BlockContext, kind: &ChangeKind) -> bool {
    let (
        Some((Some(caption), word)),
        ChangeKind::Value {
            old: Some(old),
            new: Some(new),
        },
    ) = (printed_caption(&block.content), kind)
    else {
        return false;
    };
    let prefix = format!("{word} {new}");
    let (Some(rest), None) = (caption.strip_prefix(&prefix), &block.marks.caption) else {
        return false;
    };
    let run = |kind, text: &str| Segment {
        kind,
        text: text.to_string(),
    };
    let word = format!("{word} ");
    block.marks.caption = Some(vec![
        run(SegmentKind::Equal, &word),
        run(SegmentKind::Deleted, old),
        run(SegmentKind::Equal, " "),
        run(SegmentKind::Inserted, new),
        run(SegmentKind::Equal, rest),
    ]);
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

/// Highlights the cells a change touches in panel `panel` of a table block.
fn mark_cells(block: &mut BlockContext, panel: usize, tail: &[Step], kind: &ChangeKind) {
    let BlockContent::Table(table) = &mut block.content else {
        return;
    };
    let Some(panel) = table.panels.get_mut(panel) else {
        return;
    };
    let added = matches!(kind, ChangeKind::Added { .. });
    match tail {
        [Step::Key(field)] if field == "title" => {
            panel.heading_marks = panel_title_runs(panel.heading.as_deref(), kind);
        }
        [] if added => mark_added_panel(panel),
        [Step::Key(columns), Step::Index(column)] if columns == "columns" && !added => {
            mark_renamed_column(panel, *column, kind);
            panel
                .changed_cells
                .extend(touched_cells(panel, tail, added));
        }
        [Step::Key(groups), Step::Index(group), Step::Key(heading)]
            if groups == "column_groups" && heading == "heading" =>
        {
            mark_renamed_group(panel, *group, kind);
        }
        [Step::Key(field)] if field == "label_header" => {
            mark_renamed_label_header(panel, kind);
            panel.changed_cells.push([0, 0]);
        }
        // An added row or column is green, as an added table is; a changed cell yellow.
        _ if added => panel
            .inserted_cells
            .extend(touched_cells(panel, tail, added)),
        _ => {
            mark_renamed_label(panel, tail, kind);
            let touched = touched_cells(panel, tail, added);
            keep_former_figure(panel, &touched, kind);
            panel.changed_cells.extend(touched);
        }
    }
    widen_for_former_figures(table);
    fit_label_column(table);
}

/// Keeps a changed figure's old value for its cell, where the redline prints it struck before
/// the new one, as a replaced word is: highlighted alone, the new figure did not say what it
/// replaced (review 31, 2). A cell that was empty has no old value to show.
fn keep_former_figure(panel: &mut PanelContext, touched: &[[usize; 2]], kind: &ChangeKind) {
    let (ChangeKind::Cell { old, .. }, [[row, column]]) = (kind, touched) else {
        return;
    };
    let is_figure = *row > 0 && (*column > 0 || !panel.labelled);
    if is_figure && !old.is_empty() && old != super::table::NO_CELL {
        panel.former_cells.push(FormerCell {
            row: *row,
            column: *column,
            text: old.clone(),
        });
    }
}

/// Widens each figure column of a table to hold its changed figures' old and new values side by
/// side on one line, as the redline prints them, where the column was measured for the new
/// figures alone (a narrow "3.4 em" column holds "14 15", not "1.649 1.650"). Every panel of a
/// table has the same figure columns, with row labels or without.
fn widen_for_former_figures(table: &mut TableContext) {
    let mut needed: Vec<u32> = Vec::new();
    for panel in &table.panels {
        let total_row = panel.rows.len() + 1;
        for former in &panel.former_cells {
            let row = match former.row {
                row if row == total_row => panel.total.as_ref(),
                row => panel.rows.get(row - 1),
            };
            let Some(new) = row.and_then(|row| row.get(former.column)) else {
                continue;
            };
            let line = format!("{} {new}", former.text);
            let width = crate::validate::figure_column_holding(&line, former.row == total_row);
            // The figure columns follow the column of row labels, where there is one.
            let index = former.column - usize::from(panel.labelled);
            if needed.len() <= index {
                needed.resize(index + 1, 0);
            }
            needed[index] = needed[index].max(crate::render::hundredths(width));
        }
    }
    for panel in &mut table.panels {
        for (width, needed) in panel.figure_widths.iter_mut().zip(&needed) {
            *width = (*width).max(*needed);
        }
    }
}

/// Marks a column group's heading that changed as a renamed column's header is marked: the old
/// heading struck above the new one; a heading the group did not have, inserted. A heading
/// removed leaves nothing to mark in the new answer's header; the report tells it.
fn mark_renamed_group(panel: &mut PanelContext, group: usize, kind: &ChangeKind) {
    let (Some(slot), ChangeKind::Value { old, new: Some(_) }) = (panel.groups.get_mut(group), kind)
    else {
        return;
    };
    match old {
        Some(old) => slot.former = Some(old.replace('-', "-\u{200b}")),
        None => slot.inserted = true,
    }
}

/// Keeps the old header of a panel's row labels, where the redline prints it struck above the
/// new one, as a renamed column's header is printed.
fn mark_renamed_label_header(panel: &mut PanelContext, kind: &ChangeKind) {
    if let (Some(slot), true, ChangeKind::Value { old: Some(old), .. }) =
        (panel.former_header.first_mut(), panel.labelled, kind)
    {
        *slot = Some(old.clone());
    }
}

/// Marks a renamed row's label (the total's too) as a text replaced: the old label struck and
/// the new one inserted beside it, as a renamed column's header shows both: highlighted
/// alone, the cell did not say what the row was called before.
fn mark_renamed_label(panel: &mut PanelContext, tail: &[Step], kind: &ChangeKind) {
    let row = match tail {
        [Step::Key(rows), Step::Index(row), Step::Key(label)]
            if rows == "rows" && label == "label" =>
        {
            *row
        }
        [Step::Key(total), Step::Key(label)] if total == "total" && label == "label" => {
            panel.rows.len()
        }
        _ => return,
    };
    let ChangeKind::Value {
        old,
        new: Some(new),
    } = kind
    else {
        return;
    };
    let run = |kind, text: &String| Segment {
        kind,
        text: text.clone(),
    };
    let replaced = (old.iter().map(|old| run(SegmentKind::Deleted, old)))
        .chain([run(SegmentKind::Inserted, new)])
        .collect::<Vec<_>>();
    if let Some(slot) = panel.label_marks.get_mut(row) {
        *slot = Some(runs(&replaced));
    }
}

/// Widens a narrow table's column of row labels, measured for the new labels alone, to hold
/// what the redline prints in it: a renamed label's old and new text on one line, where its
/// figures stand, and a renamed header's old text on a line of its own; or, where the table is
/// then too wide to be narrow, lets the labels take the rest of the width, as in an answer with
/// such labels (see [`crate::validate::label_column_holding`]). Every panel of a table has the
/// same column of labels.
fn fit_label_column(table: &mut TableContext) {
    let figures = (table.panels.iter())
        .map(|panel| panel.figure_widths.iter().sum::<u32>())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for panel in table.panels.iter().filter(|panel| panel.labelled) {
        let total = panel.rows.len();
        for (row, marks) in panel.label_marks.iter().enumerate() {
            if let Some(marks) = marks {
                let printed: String = marks.iter().map(|run| run.text.as_str()).collect();
                lines.push((printed, row == total));
            }
        }
        lines.extend(panel.former_header[0].clone().map(|header| (header, true)));
    }
    for (line, bold) in lines {
        let Some(column) = table.panels.first().and_then(|panel| panel.label_width) else {
            return;
        };
        let figures = f64::from(figures) / 100.0;
        let needed = crate::validate::label_column_holding(&line, bold, figures, table.area)
            .map(crate::render::hundredths);
        if needed.is_none_or(|needed| needed > column) {
            table
                .panels
                .iter_mut()
                .for_each(|panel| panel.label_width = needed);
        }
    }
}

/// Keeps a renamed column's old name for its header cell, where the redline prints it struck
/// above the new one, as a renamed caption shows both (review 25, #1); a moved column keeps its
/// name. The column is as wide as the new name needs: the old one may break after a hyphen
/// ("1986-" over "1990"), where Typst would not break before a digit and would set it over the
/// next column's header.
fn mark_renamed_column(panel: &mut PanelContext, column: usize, kind: &ChangeKind) {
    let at = column + usize::from(panel.labelled);
    if let (Some(slot), ChangeKind::Value { old: Some(old), .. }) =
        (panel.former_header.get_mut(at), kind)
    {
        *slot = Some(old.replace('-', "-\u{200b}"));
    }
}

/// Marks a panel added to a table that was there as an added table is: its heading inserted,
/// as a new caption is, and every cell green, so that a reader takes it neither for old content
/// nor for figures that changed (review 25, #2).
fn mark_added_panel(panel: &mut PanelContext) {
    panel.heading_marks = (panel.heading.clone()).map(|heading| {
        vec![Segment {
            kind: SegmentKind::Inserted,
            text: heading,
        }]
    });
    let rows = panel.rows.len() + usize::from(panel.total.is_some());
    let width = panel.header.len();
    let cells = (0..=rows).flat_map(|row| (0..width).map(move |column| [row, column]));
    panel.inserted_cells.extend(cells);
}

/// The cells of `panel` a change at `tail` (the path inside the panel) touches, rows counted
/// with the header as 0 and the total last: a changed figure or row label its cell, an added
/// row or column all of it, a renamed or moved column its header alone, so that its figures
/// that did not change do not look changed.
fn touched_cells(panel: &PanelContext, tail: &[Step], added: bool) -> Vec<[usize; 2]> {
    let offset = usize::from(panel.labelled);
    let width = panel.header.len();
    let total_row = panel.rows.len() + 1;
    match tail {
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
        [Step::Key(total), Step::Key(label)] if total == "total" && label == "label" => {
            vec![[total_row, 0]]
        }
        [Step::Key(rows), Step::Index(row)] if rows == "rows" && added => {
            (0..width).map(|column| [row + 1, column]).collect()
        }
        [Step::Key(columns), Step::Index(column)] if columns == "columns" && added => {
            (0..=total_row).map(|row| [row, column + offset]).collect()
        }
        [Step::Key(columns), Step::Index(column)] if columns == "columns" => {
            vec![[0, column + offset]]
        }
        _ => Vec::new(),
    }
}

/// The runs of a panel's heading ("A. Antal anmeldte forhold") whose title changed: its
/// letter kept, the title's words marked, or all of it inserted where it had none.
fn panel_title_runs(heading: Option<&str>, kind: &ChangeKind) -> Option<Vec<Segment>> {
    let ChangeKind::Value {
        old,
        new: Some(new),
    } = kind
    else {
        return None;
    };
    let letter = heading?.strip_suffix(new.as_str())?;
    let title = match old {
        Some(old) => runs(&super::literal_word_diff(old, new)),
        None => vec![Segment {
            kind: SegmentKind::Inserted,
            text: new.clone(),
        }],
    };
    let kept = Segment {
        kind: SegmentKind::Equal,
        text: letter.to_string(),
    };
    Some(std::iter::once(kept).chain(title).collect())
}

/// A text difference as runs to print. A deletion and the insertion that replaces it are set
/// apart by a space, so that they read (and a screen reader or pdftotext reads them) as two
/// words, "nedbringe reducere", not "nedbringereducere"; see [`stand_apart`].
fn runs(segments: &[Segment]) -> Vec<Segment> {
    let mut runs = Vec::with_capacity(segments.len());
    for (index, segment) in segments.iter().enumerate() {
        runs.push(segment.clone());
        if stand_apart(segments, index) {
            runs.push(Segment {
                kind: SegmentKind::Equal,
                text: " ".to_string(),
            });
        }
    }
    runs
}

/// Whether segment `index` is a deletion followed by an insertion that would print touching
/// although they are whole words: neither has a space at that end, and the replacement is not
/// part of a longer word (as a quotation mark changed before a word, "«x" to "”x", is).
/// Punctuation after the insertion gets no space before it: the space is only put between the
/// two.
fn stand_apart(segments: &[Segment], index: usize) -> bool {
    let (Some(deleted), Some(inserted)) = (segments.get(index), segments.get(index + 1)) else {
        return false;
    };
    if (deleted.kind, inserted.kind) != (SegmentKind::Deleted, SegmentKind::Inserted) {
        return false;
    }
    let spaced = deleted.text.ends_with(char::is_whitespace)
        || inserted.text.starts_with(char::is_whitespace);
    let before = index
        .checked_sub(1)
        .and_then(|previous| segments[previous].text.chars().next_back());
    let after = segments
        .get(index + 2)
        .and_then(|next| next.text.chars().next());
    let in_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !spaced && !in_word(before) && !in_word(after)
}

#[cfg(test)]
mod tests {
    use super::{mark, mark_renamed_column, mark_wording, runs, stub_text, summary, summary_line};
    use crate::diff::{ChangeKind, compare, literal_word_diff};
    use crate::model::{Answer, Block, Cell, Markup};
    use crate::render::{
        BlockContent, DocumentContext, PanelContext, Segment, SegmentKind, TemplateSet,
    };

    #[test]
    fn a_changed_figure_from_a_spreadsheet_is_highlighted() {
        let old = fixture_answer("spreadsheet.json");
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

    /// The complete fixture, and its table (Tabel 1, in Rigspolitiet's statement) as the new
    /// answer has it after `edit`, marked by every change: its panels as the redline sets them.
    fn marked_panels(edit: impl Fn(&mut crate::model::Table)) -> Vec<PanelContext> {
        let mut context = marked_table_context(edit);
        let BlockContent::Statement { mut blocks, .. } = context.blocks.swap_remove(1).content
        else {
            panic!("a statement");
        };
        let BlockContent::Table(table) = blocks.swap_remove(1).content else {
            panic!("a table");
        };
        table.panels
    }

    /// Tabel 1 of an answer read from the complete fixture, in Rigspolitiet's statement.
    fn tabel_1(answer: &mut Answer) -> &mut crate::model::Table {
        let Block::Statement(statement) = &mut answer.answer.blocks[1] else {
            panic!("the second block is Rigspolitiet's statement");
        };
        let Block::Table(table) = &mut statement.blocks[1] else {
            panic!("the statement's second block is Tabel 1");
        };
        table
    }

    /// Tabel 1 of the complete fixture, as it is there.
    fn old_table() -> crate::model::Table {
        let mut old: Answer =
            serde_json::from_str(include_str!("../../tests/fixtures/complete.json")).unwrap();
        tabel_1(&mut old).clone()
    }

    /// The Typst source of the redline of the complete fixture whose Tabel 1 the new answer has
    /// after `edit`.
    fn marked_table_source(edit: impl Fn(&mut crate::model::Table)) -> String {
        let context = marked_table_context(edit);
        crate::render::typst_source_from(&context, &TemplateSet::builtin())
            .unwrap()
            .source
    }

    /// The complete fixture after `edit` of its Tabel 1, marked by every change since it.
    fn marked_table_context(edit: impl Fn(&mut crate::model::Table)) -> DocumentContext {
        let old: Answer =
            serde_json::from_str(include_str!("../../tests/fixtures/complete.json")).unwrap();
        let mut new = old.clone();
        edit(tabel_1(&mut new));
        let mut context = DocumentContext::new(&new);
        for change in &compare(&old, &new).changes {
            mark(&mut context, change);
        }
        context
    }

    #[test]
    fn a_renamed_column_highlights_its_header_and_its_changed_figures_alone() {
        // Every cell of the column was highlighted, its unchanged figures as if changed (review
        // 25, #1).
        let panels = marked_panels(|table| {
            table.panels[0].columns[1] = "2010 (foreløbigt)".into();
            table.panels[0].rows[0].cells[1] = Cell::Number(2250.into());
        });
        // The header, then Behandlet's figure, after the row labels' column.
        assert_eq!(panels[0].changed_cells, [[0, 2], [1, 2]]);
    }

    #[test]
    fn a_renamed_columns_header_shows_its_old_name_struck_over_the_new() {
        // The header showed only the new name (review 25, #1).
        let rename = |table: &mut crate::model::Table| {
            table.panels[0].columns = vec!["2009".into(), "2010-2011".into()];
        };
        let panels = marked_panels(rename);
        assert_eq!(
            panels[0].former_header,
            [None, None, Some("2010".to_string())]
        );
        let source = marked_table_source(rename);
        let header = r#"header: (("Type"), ("2009"), [#del[2010]#linebreak()#ins[2010\-2011]], ),"#;
        assert!(source.contains(header), "{source}");
        // An old name breaks after its hyphens, as Typst would not before a digit.
        let mut panel = panels.into_iter().next().unwrap();
        let kind = ChangeKind::Value {
            old: Some("1986-1990".into()),
            new: Some("1986-90".into()),
        };
        mark_renamed_column(&mut panel, 0, &kind);
        assert_eq!(panel.former_header[1].as_deref(), Some("1986-\u{200b}1990"));
    }

    #[test]
    fn a_renamed_row_label_is_its_old_name_struck_beside_the_new_in_a_widened_column() {
        // The cell was only highlighted, the old name seen nowhere in the table.
        let panels = marked_panels(|table| {
            table.panels[0].rows[0].label = Some("Behandlet i alt".into());
            table.panels[0].total.as_mut().unwrap().label = Some("Total".into());
        });
        let marks = |row: usize| kinds(panels[0].label_marks[row].as_deref().unwrap());
        assert_eq!(
            marks(0),
            [
                ("deleted", "Behandlet"),
                ("equal", " "),
                ("inserted", "Behandlet i alt")
            ]
        );
        assert_eq!(panels[0].label_marks[1], None);
        assert_eq!(
            marks(2),
            [("deleted", "I alt"), ("equal", " "), ("inserted", "Total")]
        );
        // The label's cell and the total's are highlighted too.
        assert_eq!(panels[0].changed_cells, [[1, 0], [3, 0]]);
        // The narrow table's column of labels holds the old name and the new on one line.
        let unchanged = marked_panels(|_| {})[0].label_width.unwrap();
        assert!(panels[0].label_width.unwrap() > unchanged);
        // Where the old name beside the new is too long for a narrow table, though the new
        // alone is not, the labels take the rest of the width.
        let long = |table: &mut crate::model::Table| {
            table.panels[0].rows[0].label = Some("Behandlet ved byret og landsret".into());
        };
        let mut table = old_table();
        long(&mut table);
        let area = crate::validate::Area::page(false).quoted();
        let figures = crate::validate::figure_columns(&table, area);
        assert!(crate::validate::label_column(&table, &figures, area).is_some());
        assert_eq!(marked_panels(long)[0].label_width, None);
    }

    #[test]
    fn a_renamed_labels_header_shows_its_old_name_over_the_new() {
        let panels = marked_panels(|table| {
            table.panels[0].label_header = Some("Sagstype".into());
        });
        assert_eq!(
            panels[0].former_header,
            [Some("Type".to_string()), None, None]
        );
        assert_eq!(panels[0].changed_cells, [[0, 0]]);
    }

    #[test]
    fn an_added_row_is_green_and_told_apart_from_a_changed_figure() {
        // An added row was highlighted in the same yellow as a changed cell (review 25, #10).
        let panels = marked_panels(|table| {
            let mut added = table.panels[0].rows[0].clone();
            added.label = Some("Henlagt".into());
            table.panels[0].rows.insert(1, added);
            table.panels[0].rows[0].cells[0] = Cell::Number(1235.into());
        });
        // Henlagt, the second body row, in full; Behandlet's first figure, which changed.
        assert_eq!(panels[0].inserted_cells, [[2, 0], [2, 1], [2, 2]]);
        assert_eq!(panels[0].changed_cells, [[1, 1]]);
    }

    #[test]
    fn an_added_column_is_green_from_its_header_to_its_total() {
        let panels = marked_panels(|table| {
            let panel = &mut table.panels[0];
            panel.columns.push("2011".into());
            for row in panel.rows.iter_mut().chain(panel.total.as_mut()) {
                row.cells.push(Cell::Number(7.into()));
            }
        });
        // The header, the two rows and the total, in the column after 2010.
        assert_eq!(panels[0].inserted_cells, [[0, 3], [1, 3], [2, 3], [3, 3]]);
        assert_eq!(panels[0].changed_cells, Vec::<[usize; 2]>::new());
    }

    /// Tabel 1 of the complete fixture given a panel B, "Heraf afgjort", like its panel A.
    fn panel_added(table: &mut crate::model::Table) {
        table.panels[0].label = Some("A".into());
        let mut added = table.panels[0].clone();
        added.label = Some("B".into());
        added.title = Some("Heraf afgjort".into());
        table.panels.push(added);
    }

    #[test]
    fn a_panel_added_to_a_table_is_marked_as_new() {
        // It printed plain, as if it were old content, and then yellow, as if its figures had
        // changed; it is green, as an added table is (review 25, #2).
        let panels = marked_panels(panel_added);
        let heading = panels[1].heading_marks.as_deref().unwrap();
        assert_eq!(kinds(heading), [("inserted", "B. Heraf afgjort")]);
        // The header, the two rows and the total, each of three cells.
        let every_cell: Vec<[usize; 2]> = (0..4)
            .flat_map(|row| (0..3).map(move |column| [row, column]))
            .collect();
        assert_eq!(panels[1].inserted_cells, every_cell);
        assert_eq!(panels[1].changed_cells, Vec::<[usize; 2]>::new());
        assert_eq!(panels[0].changed_cells, Vec::<[usize; 2]>::new());
        assert_eq!(panels[0].inserted_cells, Vec::<[usize; 2]>::new());
    }

    #[test]
    fn an_added_panels_cells_are_set_green_and_not_highlighted() {
        let source = marked_table_source(panel_added);
        let every_cell = "((0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (2, 0), (2, 1), (2, 2), \
             (3, 0), (3, 1), (3, 2), )";
        assert!(
            source.contains(&format!(
                "changed-cells: (),\n      inserted-cells: {every_cell},"
            )),
            "{source}"
        );
        // Panel A, which was there, has none.
        assert_eq!(source.matches("inserted-cells").count(), 1, "{source}");
    }

    #[test]
    fn a_removed_blocks_stub_is_its_first_ten_words_as_printed() {
        let line = |text: &str| crate::diff::ContentLine::from(text.to_string());
        let long = [line(
            "Det er *de* spilleregler, vi har fastlagt i vores demokrati, og dem følger vi.",
        )];
        assert_eq!(
            stub_text(&long, Markup::Markdown).as_deref(),
            Some("Det er de spilleregler, vi har fastlagt i vores demokrati, …")
        );
        let table = [
            line("Tabel 1: Sager fordelt på år"),
            line("Type: 2009; 2010"),
        ];
        assert_eq!(
            stub_text(&table, Markup::Plain).as_deref(),
            Some("Tabel 1: Sager fordelt på år")
        );
        assert_eq!(stub_text(&[], Markup::Plain), None);
    }

    #[test]
    fn a_list_that_lost_an_item_gets_a_bar() {
        let old: Answer =
            serde_json::from_str(include_str!("../../tests/fixtures/complete.json")).unwrap();
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

    /// The kinds of a list of runs, with their texts.
    /// What a run is to the templates.
    fn kind_name(kind: SegmentKind) -> &'static str {
        match kind {
            SegmentKind::Equal => "equal",
            SegmentKind::Deleted => "deleted",
            SegmentKind::Inserted => "inserted",
        }
    }

    fn kinds(runs: &[Segment]) -> Vec<(&str, &str)> {
        runs.iter()
            .map(|run| (kind_name(run.kind), run.text.as_str()))
            .collect()
    }

    #[test]
    fn texts_outside_paragraphs_are_marked_where_they_are_printed() {
        let old: Answer =
            serde_json::from_str(include_str!("../../tests/fixtures/markdown.json")).unwrap();
        let mut new = old.clone();
        new.question.text = "Vil ministeren oplyse, hvor mange **sager** der er afgjort?".into();
        new.footnotes.insert(
            "1".into(),
            "Jf. [Folketingets hjemmeside](https://www.ft.dk), 2019.".into(),
        );
        let Block::Statement(statement) = &mut new.answer.blocks[1] else {
            panic!("the second block is a statement");
        };
        statement.source = "Rigspolitiet (RP)".into();
        let Block::Table(table) = &mut statement.blocks[1] else {
            panic!("the statement's second block is a table");
        };
        table.caption = Some("Sager fordelt på år og type".into());
        table.notes.push("Tallene er *foreløbige*.".into());
        let changes = compare(&old, &new);
        assert_eq!(changes.changes.len(), 5, "{changes:#?}");
        let mut context = DocumentContext::new(&new);
        let marked: Vec<bool> = changes
            .changes
            .iter()
            .map(|change| mark(&mut context, change))
            .collect();
        assert_eq!(marked, [true; 5]);
        assert!(
            kinds(context.questions[0].marks.as_deref().unwrap())
                .contains(&("inserted", "afgjort"))
        );
        assert!(kinds(&context.footnote_marks["1"]).contains(&("inserted", ", 2019")));
        let BlockContent::Statement { blocks, .. } = &context.blocks[1].content else {
            panic!("a statement");
        };
        let introduction = context.blocks[1].marks.introduction.as_deref().unwrap();
        assert_eq!(
            kinds(introduction),
            [
                ("equal", "Rigspolitiet "),
                ("inserted", "(RP) "),
                ("equal", "har oplyst følgende:")
            ]
        );
        let table = &blocks[1].marks;
        assert_eq!(
            kinds(table.caption.as_deref().unwrap()),
            [
                ("equal", "Tabel 1: "),
                ("equal", "Sager fordelt på år"),
                ("inserted", " og type")
            ]
        );
        assert_eq!(
            kinds(table.notes[1].as_deref().unwrap()),
            [("inserted", "Tallene er *foreløbige*.")]
        );
        let summary = summary("gammel.json", &changes, &marked, (old.markup, new.markup));
        for line in &summary.lines {
            assert!(!line.contains("[-") && !line.contains("{+"), "{line}");
            assert!(!line.contains('*'), "{line}");
        }
    }

    #[test]
    fn questions_answered_together_are_marked_as_the_change_list_pairs_them() {
        // 17 renumbered 18 and put before 16: the headings were marked by their places,
        // "16 → 18" over 17's text and "17 → 16" over 16's (review 28, 1); an added
        // question's heading was left unmarked (review 28, 3).
        let mut old = fixture_answer("joint-cover-letter.json");
        old.further_questions.truncate(2);
        let mut new = old.clone();
        new.further_questions[1].number = Some(18);
        new.further_questions.reverse();
        let marked_headings = |old: &Answer, new: &Answer| {
            let mut context = DocumentContext::new(new);
            for change in &compare(old, new).changes {
                mark(&mut context, change);
            }
            mark_wording(&mut context, &DocumentContext::new(old));
            let headings = context.questions.iter().skip(1);
            headings
                .map(|question| {
                    let runs = question.heading_marks.as_deref().unwrap_or_default();
                    let changed = kinds(runs).into_iter().filter(|(kind, _)| *kind != "equal");
                    changed
                        .map(|(kind, text)| format!("{kind} {text}"))
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            marked_headings(&old, &new),
            [vec!["deleted 17", "inserted 18"], vec![]]
        );
        let mut added = old.clone();
        let mut question = added.further_questions[0].clone();
        question.number = Some(19);
        question.text = "Er sagen afsluttet?".into();
        added.further_questions.push(question);
        assert_eq!(
            marked_headings(&old, &added)[2],
            ["inserted Spørgsmål nr.\u{a0}19"]
        );
    }

    #[test]
    fn a_new_question_number_and_a_new_caption_are_marked_where_they_print() {
        // Read with its ministry's profile, which makes it a letter with an opening.
        let old = fixture_answer("letter.json");
        let mut new = old.clone();
        new.question.number = Some(461);
        let mut old_with_table = old.clone();
        let table: crate::model::Table = serde_json::from_str(
            r#"{"panels": [{"columns": ["Antal"], "rows": [{"label": "Rusland", "cells": [73]}]}]}"#,
        )
        .unwrap();
        old_with_table
            .answer
            .blocks
            .push(Block::Table(table.clone()));
        let mut captioned = table;
        captioned.number = Some(1);
        captioned.caption = Some("Udsendte".into());
        new.answer.blocks.push(Block::Table(captioned));
        let changes = compare(&old_with_table, &new);
        let mut context = DocumentContext::new(&new);
        for change in &changes.changes {
            mark(&mut context, change);
        }
        mark_wording(&mut context, &DocumentContext::new(&old_with_table));
        fn number(runs: &[Segment]) -> Vec<(&str, &str)> {
            let changed = kinds(runs).into_iter();
            changed.filter(|(kind, _)| *kind != "equal").collect()
        }
        let changed = [("deleted", "385"), ("inserted", "461")];
        let heading = context.questions[0].heading_marks.as_deref().unwrap();
        assert_eq!(number(heading), changed);
        let opening = context.wording_marks.opening.as_deref().unwrap();
        assert_eq!(number(opening), changed);
        let caption = context.blocks.last().unwrap().marks.caption.as_deref();
        assert_eq!(kinds(caption.unwrap()), [("inserted", "Tabel 1: Udsendte")]);
        assert_eq!(context.wording_marks.addressee, None);
    }

    #[test]
    fn a_tables_new_number_is_marked_in_its_caption() {
        let old: Answer =
            serde_json::from_str(include_str!("../../tests/fixtures/markdown.json")).unwrap();
        let mut new = old.clone();
        let Block::Statement(statement) = &mut new.answer.blocks[1] else {
            panic!("the second block is a statement");
        };
        let Block::Table(table) = &mut statement.blocks[1] else {
            panic!("the statement's second block is a table");
        };
        table.number = Some(2);
        let changes = compare(&old, &new);
        let mut context = DocumentContext::new(&new);
        let marked: Vec<bool> = (changes.changes.iter())
            .map(|change| mark(&mut context, change))
            .collect();
        assert_eq!(marked, [true]);
        let BlockContent::Statement { blocks, .. } = &context.blocks[1].content else {
            panic!("a statement");
        };
        assert_eq!(
            kinds(blocks[1].marks.caption.as_deref().unwrap()),
            [
                ("equal", "Tabel "),
                ("deleted", "1"),
                ("equal", " "),
                ("inserted", "2"),
                ("equal", ": Sager fordelt på år")
            ]
        );
    }

    #[test]
    fn a_panels_new_title_is_marked_in_its_heading() {
        let old: Answer = serde_json::from_str(include_str!(
            "../../tests/fixtures/panels-of-counts-and-amounts.json"
        ))
        .unwrap();
        let mut new = old.clone();
        let Block::Table(table) = new.answer.blocks.last_mut().unwrap() else {
            panic!("the last block is the table");
        };
        table.panels[1].title = Some("Antal afsluttede sager".into());
        let changes = compare(&old, &new);
        let mut context = DocumentContext::new(&new);
        for change in &changes.changes {
            mark(&mut context, change);
        }
        let BlockContent::Table(table) = &context.blocks.last().unwrap().content else {
            panic!("a table");
        };
        assert_eq!(
            kinds(table.panels[1].heading_marks.as_deref().unwrap()),
            [
                ("equal", "B. "),
                ("equal", "Antal "),
                ("inserted", "afsluttede "),
                ("equal", "sager")
            ]
        );
        assert_eq!(table.panels[0].heading_marks, None);
    }

    #[test]
    fn another_committee_is_marked_in_the_cover_letters_addressee_block() {
        let old = fixture_answer("joint-cover-letter.json");
        let mut new = old.clone();
        let committee = new.question.committee.as_mut().unwrap();
        committee.name = "Folketingets Retsudvalg".into();
        committee.abbreviation = "REU".into();
        let mut context = DocumentContext::new(&new);
        mark_wording(&mut context, &DocumentContext::new(&old));
        let addressee = context.wording_marks.addressee.unwrap();
        assert_eq!(kinds(&addressee[0]), [("equal", "Folketinget")]);
        assert_eq!(
            kinds(&addressee[1]),
            [
                ("deleted", "Udvalget for Forretningsordenen"),
                ("equal", " "),
                ("inserted", "Retsudvalget")
            ]
        );
    }

    /// The answer of tests/fixtures/enclosure.json, with one enclosure, as read.
    fn enclosure_answer() -> Answer {
        fixture_answer("enclosure.json")
    }

    /// The answer of `tests/fixtures/<name>` as svar reads it: its spreadsheets filled, its
    /// ministry's profile applied.
    fn fixture_answer(name: &str) -> Answer {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        crate::input::load(&path.join(name)).unwrap().answer
    }

    #[test]
    fn an_enclosures_changed_title_is_marked_in_its_heading() {
        let old = enclosure_answer();
        let mut new = old.clone();
        new.enclosures[0].title.push_str(" i alt");
        let changes = compare(&old, &new);
        let mut context = DocumentContext::new(&new);
        assert!(mark(&mut context, &changes.changes[0]));
        let heading = kinds(context.enclosures[0].heading_marks.as_deref().unwrap());
        assert_eq!(heading.first().map(|run| run.1), Some("Bilag 1: "));
        assert_eq!(heading.last(), Some(&("inserted", " i alt")));
    }

    #[test]
    fn an_added_enclosures_heading_is_marked_inserted_and_the_next_is_renumbered() {
        let old = enclosure_answer();
        let mut new = old.clone();
        let mut added = old.enclosures[0].clone();
        added.title = "Rigspolitiets notat".into();
        added.blocks.truncate(1);
        new.enclosures.insert(0, added);
        let changes = compare(&old, &new);
        let mut context = DocumentContext::new(&new);
        let marked: Vec<bool> = (changes.changes.iter())
            .map(|change| mark(&mut context, change))
            .collect();
        assert_eq!(marked, [true, false], "{changes:#?}");
        let heading = kinds(context.enclosures[0].heading_marks.as_deref().unwrap());
        assert_eq!(heading, [("inserted", "Bilag 1: Rigspolitiets notat")]);
        assert_eq!(context.enclosures[1].heading_marks, None);
        // All it holds is new, with a bar and green; the enclosure that was there is not.
        let marks = |enclosure: usize| -> Vec<(bool, bool)> {
            let blocks = context.enclosures[enclosure].blocks.iter();
            blocks.map(|b| (b.marks.bar, b.marks.inserted)).collect()
        };
        assert_eq!(marks(0), [(true, true)]);
        assert!(
            marks(1).iter().all(|&m| m == (false, false)),
            "{:?}",
            marks(1)
        );
        let summary = summary("gammel.json", &changes, &marked, (old.markup, new.markup));
        assert_eq!(summary.lines[1], "Bilag 2, nummer: 1 → 2");
    }

    #[test]
    fn removed_markdown_is_summarised_as_printed() {
        let old: Answer =
            serde_json::from_str(include_str!("../../tests/fixtures/markdown.json")).unwrap();
        let mut new = old.clone();
        new.answer.blocks.remove(0);
        let changes = compare(&old, &new);
        // The footnote the paragraph referred to stops printing with it, and follows it.
        assert_eq!(changes.changes[1].location, "Fodnote 1");
        let line = summary_line(&changes.changes[0], false, (old.markup, new.markup));
        assert!(
            line.contains(
                "fjernet: Justitsministeriet har indhentet en udtalelse fra Rigspolitiet."
            ),
            "{line}"
        );
        // Also when the new answer is no longer Markdown: it printed so in the old one.
        new.markup = crate::model::Markup::Plain;
        let changes = compare(&old, &new);
        let footnote = changes
            .changes
            .iter()
            .find(|change| change.location.starts_with("Fodnote"))
            .expect("the footnote no longer prints");
        let line = summary_line(footnote, false, (old.markup, new.markup));
        assert!(!line.contains('*') && !line.contains("]("), "{line}");
    }

    #[test]
    fn words_added_to_a_paragraph_are_marked_as_inserted_and_the_rest_kept() {
        let old: Answer =
            serde_json::from_str(include_str!("../../tests/fixtures/complete.json")).unwrap();
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
            .map(|run| (kind_name(run.kind), run.text.as_str()))
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

    /// The runs a redline prints for a change from `old` to `new`.
    fn printed_runs(old: &str, new: &str) -> Vec<(&'static str, String)> {
        runs(&literal_word_diff(old, new))
            .into_iter()
            .map(|run| (kind_name(run.kind), run.text))
            .collect()
    }

    #[test]
    fn a_replaced_word_and_its_replacement_are_set_apart_by_a_space() {
        assert_eq!(
            printed_runs(
                "arbejder på at nedbringe brugen",
                "arbejder på at reducere brugen"
            ),
            [
                ("equal", "arbejder på at ".to_string()),
                ("deleted", "nedbringe".to_string()),
                ("equal", " ".to_string()),
                ("inserted", "reducere".to_string()),
                ("equal", " brugen".to_string()),
            ]
        );
        // Punctuation after the replacement follows it directly.
        assert_eq!(
            printed_runs("ingen bemærkninger.", "ingen kommentarer."),
            [
                ("equal", "ingen ".to_string()),
                ("deleted", "bemærkninger".to_string()),
                ("equal", " ".to_string()),
                ("inserted", "kommentarer".to_string()),
                ("equal", ".".to_string()),
            ]
        );
    }

    #[test]
    fn a_change_inside_a_word_gets_no_space() {
        let runs = printed_runs("jf. «Aftale»: se", "jf. ”Aftale”; se");
        assert!(runs.iter().all(|(_, text)| text != " "), "{runs:?}");
        let printed: String = runs.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(printed, "jf. «”Aftale»:”; se");
    }

    /// The Typst source of a redline of complete.json whose last paragraph changed from `old`
    /// to `new`.
    fn redline_source(old: &str, new: &str) -> String {
        let mut answer: Answer =
            serde_json::from_str(include_str!("../../tests/fixtures/complete.json")).unwrap();
        answer.answer.blocks[3] = Block::Paragraph(old.into());
        let before = answer.clone();
        answer.answer.blocks[3] = Block::Paragraph(new.into());
        let changes = compare(&before, &answer);
        let mut context = DocumentContext::new(&answer);
        assert!(mark(&mut context, &changes.changes[0]));
        crate::render::typst_source_from(&context, &TemplateSet::builtin())
            .unwrap()
            .source
    }

    #[test]
    fn marked_runs_keep_legal_references_together_as_other_text_does() {
        // "§ " is kept and "216" changed: the no-break space is decided across the runs.
        let source = redline_source("jf. straffelovens § 216.", "jf. straffelovens § 217.");
        // The space between a struck word and the word put in its place does not break.
        assert!(
            source.contains("§\u{a0}#del[216]\u{a0}#ins[217]\\."),
            "{source}"
        );
        let source = redline_source("jf. straffeloven.", "jf. straffelovens § 216, stk. 2.");
        assert!(
            source.contains(
                "#del[straffeloven]\u{a0}#ins[straffelovens §\u{a0}216, stk\\.\u{a0}2]\\."
            ),
            "{source}"
        );
    }
}
