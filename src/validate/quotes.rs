//! Quotation marks a Danish answer does not use, and marks svar sets itself.
//!
//! Danish answers quote in ”…” (LAYOUTS.md); straight quotes and the English and German marks
//! print as ” (see `escape`), since they can only have been meant so. Guillemets cannot be
//! mended that way: »…«, pointing inwards, is a Danish style of its own, which a ministry may
//! choose, while «…», pointing outwards as in French and Norwegian, is no Danish style; which
//! Danish marks were meant is the clerk's choice, so it is a warning.
//!
//! svar quotes the question and every statement itself. A text pasted with its own marks
//! would print them twice (””Vil ministeren …””), so that is a warning too.

use std::ops::Range;

use super::{Focus, Problem};
use crate::json_path::JsonPath;
use crate::model::{Block, Table};

/// The marks a quotation opens or closes with in a text a clerk pastes.
const MARKS: &[char] = &['"', '”', '“', '„', '»', '«'];

/// Which ends of a text svar quotes itself: the question's both; a statement's first text its
/// beginning, its last text its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct QuotedEnds {
    /// svar sets the opening mark before the text.
    pub opening: bool,
    /// svar sets the closing mark after it.
    pub closing: bool,
}

/// Warns when `text`, which svar quotes itself at `ends`, has a mark of its own there that
/// nothing in it pairs with, or stands whole in its marks, double or (where svar quotes both
/// its ends) single; `what` names the quotation ("spørgsmålet", "udtalelsen").
pub(super) fn check_own_marks(
    text: &str,
    ends: QuotedEnds,
    what: &str,
    path: &JsonPath,
    problems: &mut Vec<Problem>,
) {
    let (opening, closing) = own_marks(text, ends);
    let (message, hint, at) = match (opening, closing) {
        (Some(at), Some(_)) => (
            format!("teksten står selv i anførselstegn, men svar sætter {what} i anførselstegn"),
            "fjern anførselstegnene i begyndelsen og slutningen, ellers kommer de to gange",
            at,
        ),
        (Some(at), None) => (
            format!("teksten begynder med et anførselstegn, men svar sætter selv ” foran {what}"),
            "fjern anførselstegnet, ellers kommer det to gange",
            at,
        ),
        (None, Some(at)) => (
            format!("teksten slutter med et anførselstegn, men svar sætter selv ” efter {what}"),
            "fjern anførselstegnet, ellers kommer det to gange",
            at,
        ),
        (None, None) if ends.opening && ends.closing => {
            return check_single_marks((text, path), None, what, problems);
        }
        (None, None) => return,
    };
    problems.push(Problem::warning(path.clone(), message, Some(hint.into())).at(Focus::Part(at)));
}

/// The single marks a text may be pasted in ('…', ‘…’, ’…’). An apostrophe is one of them
/// ("’90’erne", "DF’s", "Lars’"), so a mark counts only as one of a pair.
const SINGLE_MARKS: &[char] = &['\'', '‘', '’', '‚'];

/// Warns when the text svar quotes (beginning with `first` at `path`, ending with `last`, or
/// all of it `first` where `last` is none) stands in single marks of its own, which would
/// print inside svar's: ”’Vil ministeren …’”.
fn check_single_marks(
    (first, path): (&str, &JsonPath),
    last: Option<&str>,
    what: &str,
    problems: &mut Vec<Problem>,
) {
    let Some(at) = single_wrapping(first, last) else {
        return;
    };
    problems.push(
        Problem::warning(
            path.clone(),
            format!("teksten står selv i enkelte anførselstegn, men svar sætter {what} i ”…”"),
            Some("fjern de enkelte anførselstegn i begyndelsen og slutningen".into()),
        )
        .at(Focus::Part(at)),
    );
}

/// The opening single mark of a text wholly in single marks: one at the beginning of `first`
/// that pairs with one at the end of `last` (or of `first` itself, where `last` is none), and
/// with none in between. A title in single marks at the beginning (’Lex Jensen’ er …) pairs
/// within the text, and a genitive's apostrophe (Lars’) pairs with nothing.
fn single_wrapping(first: &str, last: Option<&str>) -> Option<Range<usize>> {
    let (marks, partners) = single_pairs(first);
    let opening =
        (marks.first()).filter(|mark| mark.start == first.len() - first.trim_start().len())?;
    let at_end = |text: &str, marks: &[Range<usize>]| {
        marks
            .last()
            .is_some_and(|mark| mark.end == text.trim_end().len())
    };
    let wraps = match last {
        None => at_end(first, &marks) && partners[0] == Some(marks.len() - 1) && marks.len() > 1,
        Some(last) => {
            let (last_marks, last_partners) = single_pairs(last);
            partners[0].is_none()
                && at_end(last, &last_marks)
                && last_partners.last().is_some_and(Option::is_none)
        }
    };
    wraps.then(|| opening.clone())
}

/// The single marks in `text` that may quote, and the one each pairs with: an apostrophe
/// between two letters or figures ("’90’erne", "DF’s") is none.
fn single_pairs(text: &str) -> (Vec<Range<usize>>, Vec<Option<usize>>) {
    let marks: Vec<Range<usize>> = text
        .char_indices()
        .filter(|(_, c)| SINGLE_MARKS.contains(c))
        .map(|(at, c)| at..at + c.len_utf8())
        .filter(|mark| {
            let before = text[..mark.start].chars().next_back();
            let after = text[mark.end..].chars().next();
            !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
        })
        .collect();
    let partners = partners(text, &marks);
    (marks, partners)
}

/// Where `text` has a mark of its own at the ends svar quotes: a mark at its very beginning
/// or end (spaces aside) that quotes the whole text, because it pairs with no other mark in
/// the text, or with the mark at the other end. A text that merely begins with a quoted title
/// (”Respekt for voldtægtsofre” er …) has none; a question pasted in its marks is found also
/// when it quotes a word inside (”Vil ministeren … ”seniorer” …?”).
fn own_marks(text: &str, ends: QuotedEnds) -> (Option<Range<usize>>, Option<Range<usize>>) {
    let marks: Vec<Range<usize>> = text
        .char_indices()
        .filter(|(_, c)| MARKS.contains(c))
        .map(|(at, c)| at..at + c.len_utf8())
        .collect();
    let partners = partners(text, &marks);
    let begins = text.len() - text.trim_start().len();
    let first = (marks.first()).filter(|mark| mark.start == begins);
    let last = (marks.last()).filter(|mark| mark.end == text.trim_end().len());
    let last_index = marks.len().saturating_sub(1);
    // Marks at both ends that pair with each other quote the whole text, which is pasted in
    // its marks wherever svar quotes one of its ends.
    if let (Some(first), Some(last)) = (first, last)
        && partners[0] == Some(last_index)
        && (ends.opening || ends.closing)
    {
        return (Some(first.clone()), Some(last.clone()));
    }
    // A mark at one end is the text's own unless it pairs with a mark inside the text.
    let opening = first.filter(|_| ends.opening && partners[0].is_none());
    let closing = last.filter(|_| ends.closing && partners[last_index].is_none());
    (opening.cloned(), closing.cloned())
}

/// The mark each of `marks` in `text` pairs with, if any: a mark opens where a word follows it
/// and none stands before it, and closes where a word stands before it and none follows, as
/// Danish ” serves both; one that could do either closes an open quotation, else opens one.
fn partners(text: &str, marks: &[Range<usize>]) -> Vec<Option<usize>> {
    let is_mark = |c: &char| MARKS.contains(c);
    let mut partners = vec![None; marks.len()];
    let mut open: Vec<usize> = Vec::new();
    for (index, mark) in marks.iter().enumerate() {
        let before = text[..mark.start].chars().next_back();
        let after = text[mark.end..].chars().next();
        let can_open =
            before.is_none_or(|c| c.is_whitespace() || is_mark(&c) || "([–—-/".contains(c));
        let can_close = after.is_none_or(|c| {
            c.is_whitespace() || is_mark(&c) || c.is_ascii_punctuation() || "…–—".contains(c)
        });
        let closes = match (can_open, can_close) {
            (true, false) => false,
            (false, true) => true,
            _ => !open.is_empty(),
        };
        if !closes {
            open.push(index);
        } else if let Some(opener) = open.pop() {
            partners[opener] = Some(index);
            partners[index] = Some(opener);
        }
    }
    partners
}

/// Warns about marks of their own at the beginning of a statement's first text and at the end
/// of its last (`blocks` at `path`), where svar opens and closes the quotation.
pub(super) fn check_statement_marks(
    blocks: &[Block],
    path: &JsonPath,
    problems: &mut Vec<Problem>,
) {
    // A heading wholly in marks is a quoted title (”Ledighed”), which may open a statement.
    let quoted_title = |block: &Block| matches!(block, Block::Heading(text) if is_wrapped(text));
    let first = (blocks.first())
        .filter(|block| !quoted_title(block))
        .and_then(|block| first_text(block, &path.index(0)));
    let last = blocks
        .len()
        .checked_sub(1)
        .and_then(|index| last_text(&blocks[index], &path.index(index)));
    let check = |(text, path): (&str, JsonPath), ends, problems: &mut Vec<Problem>| {
        check_own_marks(text, ends, "udtalelsen", &path, problems);
    };
    match (first, last) {
        (Some(first), Some(last)) if first.1 == last.1 => {
            check(
                first,
                QuotedEnds {
                    opening: true,
                    closing: true,
                },
                problems,
            );
        }
        (first, last) => {
            if let (Some(first), Some(last)) = (&first, &last) {
                check_single_marks((first.0, &first.1), Some(last.0), "udtalelsen", problems);
            }
            if let Some(first) = first {
                check(
                    first,
                    QuotedEnds {
                        opening: true,
                        closing: false,
                    },
                    problems,
                );
            }
            if let Some(last) = last {
                check(
                    last,
                    QuotedEnds {
                        opening: false,
                        closing: true,
                    },
                    problems,
                );
            }
        }
    }
}

/// Whether `text` is wholly in marks of its own, one at each end that pairs with the other.
fn is_wrapped(text: &str) -> bool {
    let both = QuotedEnds {
        opening: true,
        closing: true,
    };
    matches!(own_marks(text, both), (Some(_), Some(_)))
}

/// The text a block begins with, where a statement's opening mark goes, and its path.
fn first_text<'a>(block: &'a Block, path: &JsonPath) -> Option<(&'a str, JsonPath)> {
    match block {
        Block::Paragraph(text) => Some((text, path.key("paragraph"))),
        Block::Heading(text) => Some((text, path.key("heading"))),
        Block::List(items) | Block::NumberedList(items) => {
            Some((items.first()?, path.key(block.key()).index(0)))
        }
        Block::Table(table) => first_table_text(table, &path.key("table")),
        Block::Figure(figure) => Some((
            figure.caption.as_deref()?,
            path.key("figure").key("caption"),
        )),
        // A statement quoted first opens with marks of its own: ””…
        Block::Statement(_) => None,
    }
}

/// The text a table begins with, where a statement's opening mark goes: its caption, or,
/// without one, its first panel's heading ("A. Antal forhold": the letter, or the title
/// without one), or that panel's first header cell.
fn first_table_text<'a>(table: &'a Table, path: &JsonPath) -> Option<(&'a str, JsonPath)> {
    if let Some(caption) = &table.caption {
        return Some((caption, path.key("caption")));
    }
    let panel = table.panels.first()?;
    let panel_path = path.key("panels").index(0);
    let heading = [("label", &panel.label), ("title", &panel.title)];
    if let Some((key, Some(text))) = heading.into_iter().find(|(_, text)| text.is_some()) {
        return Some((text, panel_path.key(key)));
    }
    match &panel.label_header {
        Some(header) => Some((header, panel_path.key("label_header"))),
        None => Some((panel.columns.first()?, panel_path.key("columns").index(0))),
    }
}

/// The text a block ends with, where a statement's closing mark goes, and its path.
fn last_text<'a>(block: &'a Block, path: &JsonPath) -> Option<(&'a str, JsonPath)> {
    match block {
        Block::Paragraph(text) => Some((text, path.key("paragraph"))),
        Block::Heading(text) => Some((text, path.key("heading"))),
        Block::List(items) | Block::NumberedList(items) => {
            Some((items.last()?, path.key(block.key()).index(items.len() - 1)))
        }
        Block::Table(table) => {
            let notes = path.key("table").key("notes");
            Some((table.notes.last()?, notes.index(table.notes.len() - 1)))
        }
        Block::Figure(figure) => {
            let notes = path.key("figure").key("notes");
            Some((figure.notes.last()?, notes.index(figure.notes.len() - 1)))
        }
        Block::Statement(_) => None,
    }
}

/// Warns about the first «…» in `text`, at its opening «.
pub(super) fn check_quotation_marks(text: &str, path: &JsonPath, problems: &mut Vec<Problem>) {
    let Some(at) = outward_opening(text) else {
        return;
    };
    problems.push(
        Problem::warning(
            path.clone(),
            "anførselstegnene «…» bruges ikke på dansk",
            Some(
                "skriv ”…” eller \"…\", som sættes som ”…”; »…« med spidserne indad er også dansk"
                    .into(),
            ),
        )
        .at(Focus::Part(at..at + '«'.len_utf8())),
    );
}

/// Where the first « that opens a quotation stands (in bytes): at the start of the text or
/// after a space, a dash or an opening bracket, with a » after it to close. In Danish »…« the
/// « closes, straight after the quoted word, so `»ja« og »nej«` has none.
fn outward_opening(text: &str) -> Option<usize> {
    text.char_indices()
        .filter(|(_, c)| *c == '«')
        .map(|(at, _)| at)
        .find(|&at| {
            let before = text[..at].chars().next_back();
            let opens = before.is_none_or(|c| c.is_whitespace() || "([{/–—".contains(c));
            opens && text[at..].contains('»')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outward_guillemets_are_found_and_inward_ones_are_not() {
        assert_eq!(outward_opening("«franske»"), Some(0));
        assert_eq!(outward_opening("og «franske»"), Some(3));
        assert_eq!(outward_opening("(«citat»)"), Some(1));
        // French sets spaces inside the marks.
        assert_eq!(outward_opening("« citat »"), Some(0));
        assert_eq!(outward_opening("«\u{a0}citat\u{a0}»"), Some(0));
        // A mark that quotes nothing is no quotation.
        assert_eq!(outward_opening("tasten «"), None);
        assert_eq!(outward_opening("»ja« og »nej«"), None);
        assert_eq!(outward_opening("»ja« «nej»"), Some("»ja« ".len()));
        assert_eq!(outward_opening("ingen"), None);
    }

    /// Where `text` has marks of its own when svar quotes both its ends.
    fn own(text: &str) -> (Option<Range<usize>>, Option<Range<usize>>) {
        own_marks(
            text,
            QuotedEnds {
                opening: true,
                closing: true,
            },
        )
    }

    #[test]
    fn marks_that_quote_a_whole_text_are_its_own_and_paired_ones_are_not() {
        assert_eq!(own("\"Vil ministeren?\""), (Some(0..1), Some(16..17)));
        assert_eq!(own(" ”Vil ministeren?” "), (Some(1..4), Some(19..22)));
        assert_eq!(own("”Der er i alt 12 sager."), (Some(0..3), None));
        assert_eq!(own("Rigspolitiet.”"), (None, Some(13..16)));
        // A quoted title at the beginning or end is paired within the text.
        assert_eq!(own("”Respekt for voldtægtsofre” er navnet."), (None, None));
        assert_eq!(
            own("Udspillet hedder ”Respekt for voldtægtsofre”"),
            (None, None)
        );
        assert_eq!(own("Ingen citater."), (None, None));
        assert_eq!(own("”ja” og ”nej”"), (None, None));
        assert_eq!(own("”Vil ministeren?” spurgte hun."), (None, None));
        // A text pasted in its marks that quotes a word or a title inside (review 24, 1).
        let pasted = "”Vil ministeren oplyse, hvor mange der regnes blandt ”seniorer”?”";
        let end = pasted.len();
        assert_eq!(own(pasted), (Some(0..3), Some(end - 3..end)));
        let pasted = "\"Hvad betyder \"Respekt for voldtægtsofre\" for sagerne?\"";
        assert_eq!(
            own(pasted),
            (Some(0..1), Some(pasted.len() - 1..pasted.len()))
        );
        let pasted = "“Vil ministeren kommentere artiklen ”Flere ledige”…”";
        assert_eq!(own(pasted).0, Some(0..3));
        // Only the ends svar quotes count.
        let opening = QuotedEnds {
            opening: true,
            closing: false,
        };
        assert_eq!(own_marks("\"Ja. Nej.", opening), (Some(0..1), None));
        // A text quoted whole is pasted in its marks also where svar quotes only one end.
        assert_eq!(own_marks("\"Ja.\"", opening), (Some(0..1), Some(4..5)));
        assert!(is_wrapped("”Ledighed”"));
        assert!(!is_wrapped("”Ledighed” er faldet"));
    }

    #[test]
    fn single_marks_around_a_whole_text_are_found_and_paired_titles_and_apostrophes_are_not() {
        let whole = |text: &str| single_wrapping(text, None);
        assert_eq!(whole("'Vil ministeren oplyse?'"), Some(0..1));
        assert_eq!(whole("’Hvor mange ’seniorer’ er ledige?’"), Some(0..3));
        assert_eq!(whole("’90’erne var anderledes."), None);
        // A title in single marks, and a genitive's apostrophe (review 28, 4).
        assert_eq!(
            whole("’Lex Jensen’ er en lov; hvad mener ministeren om Lars’"),
            None
        );
        assert_eq!(whole("'Lex Jensen' og 'Lex Hansen'"), None);
        assert_eq!(whole("DF's forslag"), None);
        // A statement's first and last texts.
        let statement = |first: &str, last: &str| single_wrapping(first, Some(last));
        assert_eq!(statement("’Der er mange sager.", "Og flere.’"), Some(0..3));
        assert_eq!(statement("’Lex Jensen’ er en lov.", "Som Mads’"), None);
        assert_eq!(statement("’Første.", "Sidste ’citat’"), None);
    }

    #[test]
    fn a_table_opening_a_statement_is_checked_on_its_first_printed_text() {
        let first = |table: serde_json::Value| {
            let block: Block =
                serde_json::from_value(serde_json::json!({ "table": table })).unwrap();
            let path = JsonPath::root();
            first_text(&block, &path).map(|(text, path)| (text.to_owned(), path.to_string()))
        };
        let panel = |heading: serde_json::Value| {
            let mut panel = serde_json::json!({ "columns": ["2019"], "rows": [{ "cells": [1] }] });
            panel
                .as_object_mut()
                .unwrap()
                .extend(heading.as_object().unwrap().clone());
            serde_json::json!({ "panels": [panel] })
        };
        // The first panel's heading prints first where the table has no caption (review 28).
        let titled = panel(serde_json::json!({ "label": "A", "title": "”Antal" }));
        assert_eq!(
            first(titled),
            Some(("A".into(), "table.panels[0].label".into()))
        );
        let titled = panel(serde_json::json!({ "title": "”Antal forhold" }));
        assert_eq!(
            first(titled),
            Some(("”Antal forhold".into(), "table.panels[0].title".into()))
        );
        let plain = panel(serde_json::json!({}));
        assert_eq!(
            first(plain),
            Some(("2019".into(), "table.panels[0].columns[0]".into()))
        );
    }

    #[test]
    fn the_warning_points_at_the_opening_mark() {
        let mut problems = Vec::new();
        let path = JsonPath::root().key("paragraph");
        check_quotation_marks("Se »ja« og «nej».", &path, &mut problems);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].message,
            "anførselstegnene «…» bruges ikke på dansk"
        );
        let at = "Se »ja« og ".len();
        assert_eq!(problems[0].focus, Some(Focus::Part(at..at + 2)));
        problems.clear();
        check_quotation_marks("Se »ja« og »nej«.", &path, &mut problems);
        assert_eq!(problems, []);
    }
}
