//! Footnotes: compared by label, named by the number they print with, and told where the
//! reader meets them, after the text that refers to them first.

use std::collections::{BTreeMap, BTreeSet};

use super::{Comparison, Element, Place, Side};
use crate::json_path::JsonPath;
use crate::model::{Answer, Markup};

/// Footnotes by label: an edited one as a word diff, an added or removed one with its text. They
/// are told as the reader sees them: named and ordered by the number they print with, and added
/// or removed as they begin or stop printing (a reference to one removed, a change of markup),
/// whatever the answer file still defines. One that prints in neither answer is told as written
/// between answers of one markup, named as not printing.
///
/// A footnote prints at the foot of the page of its first reference, so its changes are held
/// back until the comparison has passed the text that holds that reference (in the new answer,
/// or in the old one for a footnote that no longer prints): the change list then reads in the
/// order of the page, the paragraph before its note. One that prints in neither answer has no
/// place on a page and is told last.
pub(super) fn compare(old: &Answer, new: &Answer, changes: &mut Comparison) {
    let (old_references, new_references) = (first_references(old), first_references(new));
    let numbers = |label: &str| {
        let number =
            |references: &References| references.get(label).map(|reference| reference.number);
        (number(&old_references), number(&new_references))
    };
    let mut labels: Vec<&str> = (old.footnotes.keys().chain(new.footnotes.keys()))
        .map(String::as_str)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    labels.sort_by_cached_key(|label| {
        let (old, new) = numbers(label);
        (new.or(old).unwrap_or(usize::MAX), label.to_string())
    });
    let list = JsonPath::root().key("footnotes");
    for label in labels {
        let (old_text, new_text) = (old.footnotes.get(label), new.footnotes.get(label));
        let (old_number, new_number) = numbers(label);
        let (before, after) = match (old_number, new_number) {
            (None, None) if old.markup != new.markup => continue,
            (None, None) => (old_text, new_text),
            _ => (
                old_text.filter(|_| old_number.is_some()),
                new_text.filter(|_| new_number.is_some()),
            ),
        };
        let first = changes.recorded();
        let place = Place::new(footnote_name(label, numbers(label)), list.key(label));
        match (before, after) {
            (Some(before), Some(after)) => {
                renumbered_footnote(&place, numbers(label), changes);
                changes.text(&place, before, after);
            }
            (Some(before), None) => {
                changes.removed(&place, &list, Element::Footnote, [before.clone()]);
            }
            (None, Some(after)) => changes.added(&place, Element::Footnote, [after.clone()]),
            (None, None) => {}
        }
        let referred = referred_in(label, (&old_references, &new_references));
        changes.hold_since(first, referred);
    }
}

/// The text that refers first to footnote `label`, where the reader meets it: in the new answer,
/// or in the old one for a footnote that no longer prints; none for one that prints in neither.
fn referred_in(label: &str, (old, new): (&References, &References)) -> Option<(Side, JsonPath)> {
    let text = |side, references: &References| {
        (references.get(label)).map(|reference| (side, reference.text.clone()))
    };
    text(Side::New, new).or_else(|| text(Side::Old, old))
}

/// Records that the footnote at `place` prints with another number (`Fodnote 2 ([^1], før 1),
/// nummer: 1 → 2`), as a table or an enclosure that got another number is told: one inserted
/// before it changed the number its reference prints with, which the reader sees though its
/// text is the same.
fn renumbered_footnote(
    place: &Place,
    (old, new): (Option<usize>, Option<usize>),
    changes: &mut Comparison,
) {
    let number = |number: Option<usize>| number.map(|number| number.to_string());
    let renumbered = Place::new(format!("{}, nummer", place.label), place.path.clone());
    changes.value(&renumbered, number(old), number(new));
}

/// A footnote as the report names it: by the number it prints with, in the new answer or, for
/// one removed, in the old ("Fodnote 2"); with its label where the text refers to it by another
/// (`[^rigsadvokat]`), since the clerk finds it by its label, and its old number where the
/// numbers moved (`Fodnote 2 ([^3], før 3)`), so that two footnotes never share a name. One
/// that prints in neither answer, by its label, as not printing.
fn footnote_name(label: &str, (old, new): (Option<usize>, Option<usize>)) -> String {
    let Some(number) = new.or(old) else {
        return format!("Fodnote [^{label}] (trykkes ikke)");
    };
    let mut notes = Vec::new();
    if label != number.to_string() {
        notes.push(format!("[^{label}]"));
    }
    if let (Some(old), Some(new)) = (old, new)
        && old != new
    {
        notes.push(format!("før {old}"));
    }
    if notes.is_empty() {
        format!("Fodnote {number}")
    } else {
        format!("Fodnote {number} ({})", notes.join(", "))
    }
}

/// A printed footnote's first reference.
struct Reference {
    /// The number the footnote prints with: the order of the first references.
    number: usize,
    /// Where the text that refers to it first is.
    text: JsonPath,
}

/// The first references to an answer's printed footnotes, by label.
type References = BTreeMap<String, Reference>;

/// The first reference to each printed footnote of `answer`, by label.
fn first_references(answer: &Answer) -> References {
    let mut references = BTreeMap::new();
    for (text, label) in references_in_print_order(answer) {
        if answer.footnotes.contains_key(&label) {
            let number = references.len() + 1;
            references
                .entry(label)
                .or_insert(Reference { number, text });
        }
    }
    references
}

/// The footnote labels an answer's prose refers to, in the order they print, each with where
/// its text is, if the answer is Markdown.
fn references_in_print_order(answer: &Answer) -> Vec<(JsonPath, String)> {
    if answer.markup != Markup::Markdown {
        return Vec::new();
    }
    crate::validate::prose(answer)
        .into_iter()
        .flat_map(|(path, text)| {
            crate::markup::footnote_labels(text).map(move |label| (path.clone(), label))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Markdown answer with footnote 1 referred to and footnote 2 not.
    fn markdown() -> Answer {
        let text = include_str!("../../tests/fixtures/markup/unused-footnote.json");
        serde_json::from_str(text).unwrap()
    }

    /// The footnote changes from `old` to `new`, as the report's lines name them.
    fn footnote_changes(old: &Answer, new: &Answer) -> Vec<String> {
        let changes = crate::diff::compare(old, new);
        (changes.changes.iter())
            .filter(|change| change.location.starts_with("Fodnote"))
            .map(|change| {
                let kind = serde_json::to_value(&change.kind).unwrap()["kind"].clone();
                format!("{}: {}", change.location, kind.as_str().unwrap())
            })
            .collect()
    }

    #[test]
    fn a_footnote_is_told_as_it_prints() {
        let markdown = markdown();
        // An edit of the footnote that prints, and of the one that does not.
        let mut edited = markdown.clone();
        for text in edited.footnotes.values_mut() {
            text.push_str(" Tilføjet.");
        }
        assert_eq!(
            footnote_changes(&markdown, &edited),
            ["Fodnote 1: text", "Fodnote [^2] (trykkes ikke): text"]
        );
        // Literal text prints no footnote: under another markup only the printed one counts.
        let mut plain = markdown.clone();
        plain.markup = Markup::Plain;
        assert_eq!(footnote_changes(&markdown, &plain), ["Fodnote 1: removed"]);
        assert_eq!(footnote_changes(&plain, &markdown), ["Fodnote 1: added"]);
    }

    #[test]
    fn a_footnote_is_named_by_its_number_and_never_shares_a_name_with_another() {
        assert_eq!(super::footnote_name("2", (Some(2), None)), "Fodnote 2");
        assert_eq!(super::footnote_name("2", (Some(2), Some(2))), "Fodnote 2");
        // The third footnote printed second once the second was removed.
        assert_eq!(
            super::footnote_name("3", (Some(3), Some(2))),
            "Fodnote 2 ([^3], før 3)"
        );
        assert_eq!(
            super::footnote_name("st", (None, Some(4))),
            "Fodnote 4 ([^st])"
        );
        assert_eq!(
            super::footnote_name("x", (None, None)),
            "Fodnote [^x] (trykkes ikke)"
        );
    }
}
