//! Every mistake of type and shape in one run. serde stops at the first, so each mistake is
//! reported, then set aside in a copy of the text (an unknown or optional field removed, a
//! missing field added, a wrong value replaced by one the format reads), and the copy is read
//! again, until it reads or something cannot be set aside. A list where the format has an
//! object, which serde would read into it, is looked for first, each one told and replaced.
//! Findings are located in the text as written, whose places the copy keeps outside what was
//! set aside.

use super::diagnostic::{Finding, LineIndex};
use super::edits::{Edit, Edits};
use super::locate::Locator;
use super::serde_error::{self, Mistake};
use super::shape;
use crate::json_path::{JsonPath, Step};
use crate::model::Answer;
use crate::validate::Counted;

/// The most mistakes reported for one file: a file with more is read again for each, and a
/// clerk fixes the first hundred before needing the rest.
const MOST: usize = 100;

/// What reading an answer file gave.
#[derive(Debug, Default)]
pub(super) struct Read {
    /// The answer, as read with its mistakes set aside; `None` if something could not be.
    pub answer: Option<Answer>,
    /// A finding for each mistake, in the order serde met them.
    pub findings: Vec<Finding>,
    /// Where a value was removed, added or replaced: the answer has no value of the clerk's
    /// there, so the content checks have nothing to say about it.
    pub set_aside: Vec<JsonPath>,
    /// Where a placeholder of `svar new` stood where the format has no text (a date): the
    /// field was left out of the reading, as if deleted, and told as not filled in.
    pub unfilled: Vec<JsonPath>,
}

impl Read {
    /// Whether a content check's finding at `path` may be about a value set aside, and so be
    /// misled by what stands in for it or by its absence; see [`scope`].
    /// A field not filled in hides only what the checks say of it, its absence included: the
    /// rest of its object holds the clerk's values.
    pub(super) fn hides(&self, path: &JsonPath) -> bool {
        let set_aside = self.set_aside.iter().any(|aside| {
            let scope = scope(aside);
            path.0.starts_with(scope)
                && (!scope.is_empty() || path.0.len() == 1 || path.0.starts_with(&aside.0))
        });
        set_aside
            || self
                .unfilled
                .iter()
                .any(|field| path.0.starts_with(&field.0))
    }

    /// Whether something a content check counts across the answer may be among the values set
    /// aside: a table whose number could not be read is not among the tables that a reference
    /// to "tabel 1" elsewhere is told against, which would be blamed for the table's mistake.
    pub(super) fn may_miss(&self, counted: Counted) -> bool {
        self.set_aside.iter().any(|aside| counted.may_be_in(aside))
    }
}

/// What the content checks are not heard about when the value at `aside` is set aside: the
/// block it is in (a table's sums, numbers and caption hang together), or else the object it
/// is in; for the answer itself (an empty scope), only its own fields (a status and the dates
/// that go with it), not what its question or blocks hold.
fn scope(aside: &JsonPath) -> &[Step] {
    let steps = aside.0.as_slice();
    let block = steps
        .windows(2)
        .rposition(|pair| matches!(pair, [Step::Key(key), Step::Index(_)] if key == "blocks"));
    match block {
        Some(at) => &steps[..at + 2],
        None => &steps[..steps.len().saturating_sub(1)],
    }
}

/// Reads the answer file `text`, reporting every mistake of type and shape.
pub(super) fn read(text: &str, locator: &Locator<'_>, lines: &LineIndex<'_>) -> Read {
    let mut edits = Edits::default();
    let mut read = Read::default();
    set_lists_aside(&mut read, &mut edits, locator, lines);
    // Missing fields a finding about other fields has told of already: a table's `panels`,
    // where a panel's fields stand on the table.
    let mut told_missing: Vec<JsonPath> = Vec::new();
    while read.findings.len() < MOST {
        let copy = edits.apply(text);
        let (path, error) = match super::parse(&copy) {
            Ok(answer) => {
                read.answer = Some(answer);
                break;
            }
            Err(failure) => as_json_tells_it(&copy, failure),
        };
        let in_copy = LineIndex::new(&copy).offset(error.line(), error.column());
        let at_error = edits.original(in_copy);
        let finding = serde_error::finding(&error, path.clone(), at_error, locator, lines);
        // What stood in was refused too: no use reading on.
        if read.findings.contains(&finding) {
            break;
        }
        // A comma too many or too few is read past, also where nothing else could be set
        // aside, so that the mistakes after it are told in the same run.
        if let Some(slip) = serde_error::comma_slip(&error, at_error, lines) {
            read.findings.push(finding);
            if edits.add(comma_mended(slip)) {
                continue;
            }
            break;
        }
        let Some(mistake) = serde_error::mistake(&error, locator) else {
            read.findings.push(finding);
            break;
        };
        if let Some((unfilled, edit)) =
            unfilled(&mistake, &finding.path, text, locator, &edits, lines)
        {
            read.findings.push(unfilled);
            if !edits.add(edit) {
                break;
            }
            read.unfilled.push(finding.path);
            continue;
        }
        if mistake == Mistake::UnknownField
            && let Some(too_high) = too_high(&path, locator, lines)
        {
            read.findings.push(too_high.finding);
            if !set_fields_aside(&too_high.fields, &mut read, &mut edits, locator) {
                break;
            }
            told_missing.push(too_high.belongs);
            continue;
        }
        let fix = fix(&mistake, &path, &finding.path, locator, &edits, &copy);
        match &mistake {
            Mistake::MissingField(field) if told_missing.contains(&path.key(field)) => {
                told_missing.retain(|told| *told != path.key(field));
            }
            _ => read.findings.push(finding),
        }
        if !locator.has_tree() {
            // A syntax error further on, which a copy read on would meet in other words; only
            // commas were mended in the copy so far.
            read.findings
                .extend(syntax_error(&copy, &edits, locator, lines));
            break;
        }
        let Some((place, edit)) = fix else { break };
        if !edits.add(edit) {
            break;
        }
        read.set_aside.push(place);
    }
    if !locator.is_json() {
        // A field set aside may have taken a slipped comma with it; the file still has it.
        let first = syntax_error(text, &Edits::default(), locator, lines);
        read.findings
            .extend(first.filter(|first| !read.findings.contains(first)));
    }
    if read.findings.len() >= MOST {
        // The rest would otherwise go untold, and the count would read as the whole.
        let last = read.findings.last().map(|finding| finding.span.clone());
        read.findings.push(Finding::error(
            JsonPath::root(),
            format!("svar holdt op efter {MOST} fejl af denne slags; der kan være flere"),
            Some("ret dem, og kør svar check igen for at se resten".into()),
            last.unwrap_or_default(),
            lines,
        ));
    }
    read
}

/// Tells each list where the format has an object as a whole, and sets it aside with an object
/// standing in for it: serde reads an object from a list, field by field in a hidden order,
/// or else tells of the first item it cannot read so, at a path inside the list that the
/// format does not have, and reads no further.
fn set_lists_aside(
    read: &mut Read,
    edits: &mut Edits,
    locator: &Locator<'_>,
    lines: &LineIndex<'_>,
) {
    for path in shape::lists_for_objects(locator) {
        read.findings
            .push(serde_error::list_finding(path.clone(), locator, lines));
        let stand_in = locator.exact_span(&path).zip(shape::stand_in(&path));
        if let Some((range, text)) = stand_in
            && edits.add(Edit { range, text })
        {
            read.set_aside.push(path);
        }
    }
}

/// Fields written one level too high, in an object whose field holds the object they belong
/// in: told once for them all.
struct TooHigh {
    /// The finding, at the first of them.
    finding: Finding,
    /// Each of them.
    fields: Vec<JsonPath>,
    /// The field they belong in, which the finding tells the object lacks if it does.
    belongs: JsonPath,
}

/// The fields written one level too high, where serde found the first of them unknown at
/// `path` (a panel's `columns`, `rows` and `total` on its table, which belong in `panels`).
fn too_high(path: &JsonPath, locator: &Locator<'_>, lines: &LineIndex<'_>) -> Option<TooHigh> {
    let (Step::Key(key), object) = path.0.split_last()? else {
        return None;
    };
    let object = JsonPath(object.to_vec());
    let below = shape::below(&object, key)?;
    let names: Vec<&str> = (locator.fields(&object)?.into_iter())
        .map(|(name, _)| name)
        .filter(|name| shape::below(&object, name) == Some(below))
        .collect();
    let span = locator.span(path, true)?;
    let (message, hint) = serde_error::too_high(&object, &names, below);
    Some(TooHigh {
        finding: Finding::error(path.clone(), message, Some(hint), span, lines),
        fields: names.iter().map(|name| object.key(name)).collect(),
        belongs: object.key(below.field),
    })
}

/// Removes `fields` from the copy, each set aside; whether any could be.
fn set_fields_aside(
    fields: &[JsonPath],
    read: &mut Read,
    edits: &mut Edits,
    locator: &Locator<'_>,
) -> bool {
    let mut any = false;
    for field in fields {
        if let Some(edit) = removal(field, locator, edits)
            && edits.add(edit)
        {
            read.set_aside.push(field.clone());
            any = true;
        }
    }
    any
}

/// The syntax error the JSON parser finds in `copy` where it has one, else `failure`: serde
/// tells a syntax error met inside a kind of block or a fixed value in other words ("expected
/// value") and at another place (the start of the value).
fn as_json_tells_it(
    copy: &str,
    failure: (JsonPath, serde_json::Error),
) -> (JsonPath, serde_json::Error) {
    if failure.1.classify() != serde_json::error::Category::Syntax {
        return failure;
    }
    super::parse::<serde_json::Value>(copy)
        .err()
        .unwrap_or(failure)
}

/// The edit that mends a comma too many or too few in the copy.
fn comma_mended(slip: serde_error::CommaSlip) -> Edit {
    let (range, text) = match slip {
        serde_error::CommaSlip::TooMany(at) => (at..at + 1, ""),
        serde_error::CommaSlip::Missing(at) => (at..at, ","),
    };
    Edit {
        range,
        text: text.into(),
    }
}

/// The finding for the first syntax error in `copy`, the text with `edits` made, located in
/// the text as written.
fn syntax_error(
    copy: &str,
    edits: &Edits,
    locator: &Locator<'_>,
    lines: &LineIndex<'_>,
) -> Option<Finding> {
    let (path, error) = super::parse::<serde_json::Value>(copy).err()?;
    let in_copy = LineIndex::new(copy).offset(error.line(), error.column());
    let at_error = edits.original(in_copy);
    Some(serde_error::finding(&error, path, at_error, locator, lines))
}

/// The edit that sets a mistake aside, and the path of what it sets aside. `path` is where
/// serde stopped, `reported` where the finding points (a block written as text is reported
/// as the block), `copy` the text serde read.
fn fix(
    mistake: &Mistake,
    path: &JsonPath,
    reported: &JsonPath,
    locator: &Locator<'_>,
    edits: &Edits,
    copy: &str,
) -> Option<(JsonPath, Edit)> {
    match mistake {
        Mistake::UnknownField => Some((path.clone(), removal(path, locator, edits)?)),
        Mistake::MissingField(field) => {
            let place = path.key(field);
            let edit = addition(&place, locator, edits, copy)?;
            Some((place, edit))
        }
        Mistake::Value if shape::is_optional(reported) => {
            Some((reported.clone(), removal(reported, locator, edits)?))
        }
        Mistake::Value => {
            let edit = Edit {
                range: locator.exact_span(reported)?,
                text: shape::stand_in(reported)?,
            };
            Some((reported.clone(), edit))
        }
    }
}

/// A placeholder of `svar new` where the format reads no text (`"asked_on": "UDFYLD …"`), which
/// serde calls a wrong value: told as a field not filled in, as a text with a placeholder is,
/// and the edit that leaves the field out, as the clerk may. Not set aside: the checks of the
/// rest of its object are not misled by its absence, and a skeleton's other placeholders are
/// told in the same run.
fn unfilled(
    mistake: &Mistake,
    reported: &JsonPath,
    text: &str,
    locator: &Locator<'_>,
    edits: &Edits,
    lines: &LineIndex<'_>,
) -> Option<(Finding, Edit)> {
    if !matches!(mistake, Mistake::Value) || !shape::is_optional(reported) {
        return None;
    }
    let span = locator.exact_span(reported)?;
    let value: String = serde_json::from_str(text.get(span.clone())?).ok()?;
    let problem = crate::validate::unfilled(&value, reported)?;
    let finding = Finding::located(
        problem.severity,
        problem.path,
        problem.message,
        problem.hint,
        span,
        lines,
    );
    Some((finding, removal(reported, locator, edits)?))
}

/// Removes the field at `path` with the comma that parts it from the others: the one after it,
/// or for the last field the one after the last field before it that is kept.
fn removal(path: &JsonPath, locator: &Locator<'_>, edits: &Edits) -> Option<Edit> {
    let (key, object) = path.0.split_last()?;
    let object = JsonPath(object.to_vec());
    let fields = locator.fields(&object)?;
    let index = fields
        .iter()
        .position(|(name, _)| matches!(key, Step::Key(k) if k == name))?;
    let field = fields[index].1.clone();
    let range = match fields.get(index + 1) {
        Some((_, next)) => field.start..next.start,
        None => {
            let kept = fields[..index]
                .iter()
                .rev()
                .find(|(_, earlier)| !edits.removes(earlier));
            // Without one, everything after the object's `{`.
            let start = match kept {
                Some((_, earlier)) => earlier.end,
                None => locator.exact_span(&object)?.start + 1,
            };
            start..field.end
        }
    };
    Some(Edit {
        range,
        text: String::new(),
    })
}

/// Adds the missing field at `path` with a value that stands in for it, last in its object,
/// after a comma if the object has other fields in the copy.
fn addition(path: &JsonPath, locator: &Locator<'_>, edits: &Edits, copy: &str) -> Option<Edit> {
    let (Step::Key(name), object) = path.0.split_last()? else {
        return None;
    };
    let closing = locator.exact_span(&JsonPath(object.to_vec()))?.end - 1;
    let before = copy.get(..edits.in_copy(closing))?.trim_end();
    let comma = if before.ends_with('{') { "" } else { ", " };
    Some(Edit {
        range: closing..closing,
        text: format!(
            "{comma}{}: {}",
            serde_json::Value::from(name.as_str()),
            shape::stand_in(path)?
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings' paths and the edited copy for `text`.
    fn read_all(text: &str) -> (Vec<String>, bool) {
        let locator = Locator::new(text);
        let lines = LineIndex::new(text);
        let read = read(text, &locator, &lines);
        let paths = read.findings.iter().map(|f| f.path.to_string()).collect();
        (paths, read.answer.is_some())
    }

    #[test]
    fn every_mistake_is_found_and_set_aside() {
        let (paths, read) = read_all(
            r#"{"date": "2011-04-31", "x": 1, "ministry": {"name": "M", "y": 2, "z": 3},
               "question": {"number": "15", "session": "2010-11"},
               "answer": {"blocks": [{"paragraf": "a"}, "b", {"list": ["c", 4]}]}}"#,
        );
        assert_eq!(
            paths,
            [
                "date",
                "x",
                "ministry.y",
                "ministry.z",
                "question.number",
                "question",
                "answer.blocks[0]",
                "answer.blocks[1]",
                "answer.blocks[2].list[1]",
            ]
        );
        assert!(read, "with every mistake set aside, the rest reads");
    }

    #[test]
    fn the_checks_are_not_heard_about_the_block_or_object_of_a_mistake() {
        let path = |text: &str| {
            JsonPath(
                text.split('.')
                    .map(|step| match step.parse() {
                        Ok(index) => Step::Index(index),
                        Err(_) => Step::Key(step.into()),
                    })
                    .collect(),
            )
        };
        let read = Read {
            set_aside: vec![
                path("answer.blocks.1.statement.blocks.0.table.panels.0.rows.0.cells.0"),
                path("question.number"),
                path("date"),
            ],
            ..Read::default()
        };
        let hidden = |text: &str| read.hides(&path(text));
        assert!(hidden(
            "answer.blocks.1.statement.blocks.0.table.panels.0.total.cells.0"
        ));
        assert!(!hidden("answer.blocks.1.statement.blocks.1.paragraph"));
        assert!(hidden("question.session"));
        assert!(hidden("status"));
        assert!(!hidden("answer.blocks.0.paragraph"));
        assert!(!hidden("signature.minister"));
        // A placeholder where a date belongs hides only what is said of that field.
        let read = Read {
            unfilled: vec![path("question.asked_on")],
            ..Read::default()
        };
        assert!(read.hides(&path("question.asked_on")));
        assert!(!read.hides(&path("question.session")));
        assert!(!read.hides(&path("question")));
    }

    #[test]
    fn lists_for_objects_and_fields_one_level_too_high_are_told_once_and_read_past() {
        let text = r#"{"ministry": {"name": "M"}, "question": {"session": "x", "text": "y",
               "committee": ["Retsudvalget", "REU"]},
               "answer": {"blocks": [{"table": {"columns": ["2010"], "rows": [["a", 1]]}},
                                     {"table": {"panels": [{"columns": ["2010"],
                                                 "rows": [["a", 1], {"cells": [2]}],
                                                 "total": [3]}]}}]},
               "minister": "L", "date": 5}"#;
        let mut read = read(text, &Locator::new(text), &LineIndex::new(text));
        // In the order of the file, as a report has them.
        read.findings.sort_by_key(|finding| finding.span.start);
        let paths: Vec<String> = read.findings.iter().map(|f| f.path.to_string()).collect();
        assert_eq!(
            paths,
            [
                "question.committee",
                // Once for both, and not again for the panels the table lacks.
                "answer.blocks[0].table.columns",
                "answer.blocks[1].table.panels[0].rows[0]",
                "answer.blocks[1].table.panels[0].total",
                "minister",
                "date",
            ]
        );
        assert!(
            read.answer.is_some(),
            "with every mistake set aside, the rest reads"
        );
    }

    #[test]
    fn a_field_added_to_an_object_whose_only_field_was_removed_needs_no_comma() {
        let (paths, read) = read_all(
            r#"{"ministry": {"navn": "M"}, "question": {"session": "x", "text": "y"},
               "answer": {"blocks": []}}"#,
        );
        assert_eq!(paths, ["ministry.navn", "ministry"]);
        assert!(read);
    }

    #[test]
    fn a_syntax_error_after_a_mistake_is_reported_where_it_is_written() {
        let text = "{\"date\": 5,\n \"x\": 1 2}";
        let locator = Locator::new(text);
        let lines = LineIndex::new(text);
        let read = read(text, &locator, &lines);
        let places: Vec<(&str, usize, usize)> = read
            .findings
            .iter()
            .map(|f| (f.message.as_str(), f.line, f.column))
            .collect();
        assert_eq!(places.len(), 2, "{places:?}");
        assert_eq!((places[0].1, places[0].2), (1, 10));
        assert_eq!(
            places[1],
            ("JSON-syntaksfejl: forventede `,` eller `}`", 2, 9)
        );
        assert!(read.answer.is_none());
    }
}
