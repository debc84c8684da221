//! The answer's metadata: status, ministry, dates, numbers, the question and the signature.

use std::collections::{BTreeMap, BTreeSet};

use super::{Comparison, Element, Place, text};
use crate::danish;
use crate::json_path::JsonPath;
use crate::model::{
    Answer, FurtherQuestion, Layout, Letterhead, Markup, Opening, QuestionKind, Status,
};

/// A metadata field: its Danish name, its JSON path and its value as printed.
struct Field {
    label: &'static str,
    path: &'static str,
    value: fn(&Answer) -> Option<String>,
}

/// The fields compared, in the order the change list shows them.
const FIELDS: &[Field] = &[
    Field {
        label: "Status",
        path: "status",
        value: |answer| Some(status(answer.status).to_string()),
    },
    Field {
        label: "Ministerium",
        path: "ministry.name",
        value: |answer| Some(answer.ministry.name.clone()),
    },
    Field {
        label: "Layout",
        path: "layout",
        value: |answer| Some(layout(answer.effective_layout()).to_string()),
    },
    Field {
        label: "Ministeriets profil",
        path: "ministry.profile",
        value: |answer| answer.ministry.profile.clone(),
    },
    Field {
        label: "Brevpapir, navn",
        path: "ministry.profile",
        value: |answer| Some(letterhead(answer)?.name.clone()),
    },
    Field {
        label: "Brevpapir, adresse",
        path: "ministry.profile",
        value: |answer| Some(letterhead(answer)?.address.join(", ")),
    },
    Field {
        label: "Brevpapir, telefon",
        path: "ministry.profile",
        value: |answer| letterhead(answer)?.phone.clone(),
    },
    Field {
        label: "Brevpapir, telefax",
        path: "ministry.profile",
        value: |answer| letterhead(answer)?.fax.clone(),
    },
    Field {
        label: "Brevpapir, web",
        path: "ministry.profile",
        value: |answer| letterhead(answer)?.web.clone(),
    },
    Field {
        label: "Brevpapir, e-mail",
        path: "ministry.profile",
        value: |answer| letterhead(answer)?.email.clone(),
    },
    Field {
        label: "Brevpapir, CVR-nr.",
        path: "ministry.profile",
        value: |answer| letterhead(answer)?.cvr.clone(),
    },
    Field {
        label: "Brevpapir, EAN",
        path: "ministry.profile",
        value: |answer| letterhead(answer)?.ean.clone(),
    },
    Field {
        label: "Brevpapir, brevets indledning",
        path: "ministry.profile",
        value: |answer| Some(opening(letterhead(answer)?.opening).to_string()),
    },
    Field {
        label: "Brevpapir, \"Med venlig hilsen\"",
        path: "ministry.profile",
        value: |answer| Some(yes_no(letterhead(answer)?.kind_regards)),
    },
    Field {
        label: "Brevpapir, Folketingets adresse i brevet",
        path: "ministry.profile",
        value: |answer| Some(yes_no(letterhead(answer)?.addressee)),
    },
    Field {
        label: "Brevpapir, spørgsmålet i ”…”",
        path: "ministry.profile",
        value: |answer| Some(yes_no(letterhead(answer)?.quoted_question)),
    },
    Field {
        label: "Brevpapir, logo",
        path: "ministry.profile",
        value: |answer| {
            let logo = letterhead(answer)?.logo.as_ref()?;
            // The image itself by a fingerprint, so a new drawing under the old name shows.
            let fingerprint = typst::utils::hash128(&*logo.bytes) as u32;
            Some(format!(
                "{} ({}; billede {fingerprint:08x})",
                logo.file, logo.description
            ))
        },
    },
    Field {
        label: "Brevpapir, etiketter",
        path: "ministry.profile",
        value: |answer| {
            letterhead(answer)?;
            let [office, caseworker, case_number, document_number] =
                answer.metadata_texts().map(|(label, ..)| label);
            let date = answer.metadata_labels().date();
            Some([date, office, caseworker, case_number, document_number].join(", "))
        },
    },
    Field {
        label: "Brevpapir, kontaktetiketter",
        path: "ministry.profile",
        value: |answer| {
            let labels = letterhead(answer)?.labels.contact();
            let labels = labels.map(|label| label.unwrap_or("(ingen)"));
            Some(labels.join(", "))
        },
    },
    Field {
        label: "Ministerens titel",
        path: "ministry.minister_title",
        value: |answer| answer.ministry.minister_title.clone(),
    },
    Field {
        label: "Afdeling",
        path: "ministry.department",
        value: |answer| answer.ministry.department.clone(),
    },
    Field {
        label: "Kontor",
        path: "ministry.office",
        value: |answer| answer.ministry.office.clone(),
    },
    Field {
        label: "Dato",
        path: "date",
        value: |answer| answer.date.map(danish::date),
    },
    Field {
        label: "Sagsbeh.",
        path: "caseworker",
        value: |answer| answer.caseworker.clone(),
    },
    Field {
        label: "Sagsnr.",
        path: "case_number",
        value: |answer| answer.case_number.clone(),
    },
    Field {
        label: "Dok.",
        path: "document_number",
        value: |answer| answer.document_number.clone(),
    },
    Field {
        label: "Spørgsmålets art",
        path: "question.kind",
        value: |answer| Some(question_kind(answer.question.kind).to_string()),
    },
    Field {
        label: "Spørgsmålets nummer",
        path: "question.number",
        value: |answer| answer.question.number.map(|number| number.to_string()),
    },
    Field {
        label: "Samrådsspørgsmålets bogstaver",
        path: "question.letters",
        value: |answer| answer.question.letters.clone(),
    },
    Field {
        label: "Endeligt svar forventes",
        path: "final_answer_expected",
        value: |answer| {
            answer
                .final_answer_expected
                .as_ref()
                .map(crate::render::expected_text)
        },
    },
    Field {
        label: "Berigtiger svaret af",
        path: "corrects_answer_of",
        value: |answer| answer.corrects_answer_of.map(crate::danish::date),
    },
    Field {
        label: "Endeligt svar efter foreløbigt svar af",
        path: "follows_interim_answer_of",
        value: |answer| answer.follows_interim_answer_of.map(crate::danish::date),
    },
    Field {
        label: "Række",
        path: "question.series",
        value: |answer| answer.question.series.clone(),
    },
    Field {
        label: "Lovforslagets titel",
        path: "question.bill_title",
        value: |answer| answer.question.bill_title.clone(),
    },
    Field {
        label: "Udvalg",
        path: "question.committee.name",
        value: |answer| answer.question.committee.as_ref().map(|c| c.name.clone()),
    },
    Field {
        label: "Udvalgets forkortelse",
        path: "question.committee.abbreviation",
        value: |answer| {
            answer
                .question
                .committee
                .as_ref()
                .map(|c| c.abbreviation.clone())
        },
    },
    Field {
        label: "Folketingsår",
        path: "question.session",
        value: |answer| Some(answer.question.session.clone()),
    },
    Field {
        label: "Stillet den",
        path: "question.asked_on",
        value: |answer| answer.question.asked_on.map(danish::date),
    },
    Field {
        label: "Stillet efter ønske fra",
        path: "question.asked_by.name",
        value: |answer| {
            answer
                .question
                .asked_by
                .as_ref()
                .map(|member| member.name.clone())
        },
    },
    Field {
        label: "Parti",
        path: "question.asked_by.party",
        value: |answer| {
            let member = answer.question.asked_by.as_ref()?;
            member.party.clone()
        },
    },
    Field {
        label: "Samrådets dato",
        path: "question.meeting_on",
        value: |answer| answer.question.meeting_on.map(danish::date),
    },
    Field {
        label: "Ikke medlem af udvalget",
        path: "question.asked_by.non_member",
        value: |answer| Some(yes_no(answer.question.asked_by.as_ref()?.non_member)),
    },
    Field {
        label: "Frist",
        path: "question.deadline",
        value: |answer| answer.question.deadline.map(danish::date),
    },
    Field {
        label: "Underskrift, minister",
        path: "signature.minister",
        value: |answer| answer.signature.minister.clone(),
    },
    Field {
        label: "Underskrift, embedsmand",
        path: "signature.official",
        value: |answer| answer.signature.official.clone(),
    },
    Field {
        label: "Tekstformat",
        path: "markup",
        value: |answer| {
            Some(
                match answer.markup {
                    Markup::Plain => "ordret",
                    Markup::Markdown => "markdown",
                }
                .to_string(),
            )
        },
    },
];

/// The letterhead its ministry's profile gave the answer, if it has a profile.
fn letterhead(answer: &Answer) -> Option<&Letterhead> {
    answer.ministry.letterhead.as_ref()
}

fn yes_no(value: bool) -> String {
    if value { "ja" } else { "nej" }.to_string()
}

fn layout(layout: Layout) -> &'static str {
    match layout {
        Layout::Answer => "svar alene",
        Layout::CoverLetter => "følgebrev og svar",
        Layout::Letter => "ét brev",
    }
}

fn opening(opening: Opening) -> &'static str {
    match opening {
        Opening::AskedMe => "\"… stillet mig følgende spørgsmål …, som jeg hermed skal besvare.\"",
        Opening::HerebyAnswered => {
            "\"… stillet følgende spørgsmål … efter ønske fra …, som hermed besvares.\""
        }
        Opening::HerebyAnsweredAskerAfter => {
            "\"… som hermed besvares. Spørgsmålet er stillet efter ønske fra ….\""
        }
    }
}

/// Records every metadata field that differs, then the question's text as a word diff.
pub(super) fn compare(old: &Answer, new: &Answer, changes: &mut Comparison) {
    for field in FIELDS {
        let place = Place::new(field.label, path(field.path));
        changes.value(&place, (field.value)(old), (field.value)(new));
    }
    let question = Place::new("Spørgsmålets tekst", path("question.text"));
    changes.text(&question, &old.question.text, &new.question.text);
    compare_further_questions(old, new, changes);
    compare_footnotes(old, new, changes);
}

/// The questions answered together with the first, each by its number (or letters), which
/// says which of the committee's questions it is: an edited one as a word diff of its text, an
/// added or removed one whole, one whose number alone changed as a new number, and a change in
/// the order of those in both.
fn compare_further_questions(old: &Answer, new: &Answer, changes: &mut Comparison) {
    let list = JsonPath::root().key("further_questions");
    let (old_questions, new_questions) = (&old.further_questions, &new.further_questions);
    let pairs = pair_further_questions(old_questions, new_questions);
    for (index, question) in new_questions.iter().enumerate() {
        let at = list.index(index);
        let Some(&(before, _)) = pairs.iter().find(|&&(_, after)| after == index) else {
            let place = Place::new(designation(question), at);
            changes.added(&place, Element::Question, [question.text.clone()]);
            continue;
        };
        let before = &old_questions[before];
        let key = if question.letters.is_some() {
            "letters"
        } else {
            "number"
        };
        let place = Place::new(format!("{}, nummer", designation(question)), at.key(key));
        changes.value(&place, identifier(before), identifier(question));
        let place = Place::new(format!("{}, tekst", designation(question)), at.key("text"));
        changes.text(&place, &before.text, &question.text);
    }
    for (index, question) in old_questions.iter().enumerate() {
        if !pairs.iter().any(|&(before, _)| before == index) {
            let place = Place::new(designation(question), list.index(index));
            changes.removed(&place, &list, Element::Question, [question.text.clone()]);
        }
    }
    // The order of the questions in both, by their old numbers: a change is a move.
    let mut by_new = pairs.clone();
    by_new.sort_by_key(|&(_, after)| after);
    let order = |pairs: &[(usize, usize)]| {
        let identifiers: Vec<String> = (pairs.iter())
            .filter_map(|&(before, _)| identifier(&old_questions[before]))
            .collect();
        identifiers.join(", ")
    };
    let place = Place::new("Rækkefølgen af de øvrige spørgsmål", list);
    changes.value(&place, Some(order(&pairs)), Some(order(&by_new)));
}

/// Pairs the old further questions with the new, as (old, new) indices in the old order: one
/// the same in number and text first, then one of the same text (renumbered: 16 and 17 that
/// became 17 and 18 are two questions renumbered, not two rewritten), then one of the same
/// number (its text edited), then one whose text reads alike (renumbered and edited).
fn pair_further_questions(old: &[FurtherQuestion], new: &[FurtherQuestion]) -> Vec<(usize, usize)> {
    type Test = fn(&FurtherQuestion, &FurtherQuestion) -> bool;
    fn same_number(old: &FurtherQuestion, new: &FurtherQuestion) -> bool {
        identifier(old) == identifier(new)
    }
    fn same_text(old: &FurtherQuestion, new: &FurtherQuestion) -> bool {
        old.text.trim() == new.text.trim()
    }
    // Texts alike enough to be one text edited, as paragraphs are paired.
    fn alike(old: &FurtherQuestion, new: &FurtherQuestion) -> bool {
        let (old, new) = (text::Words::of(&old.text), text::Words::of(&new.text));
        let likeness = text::likeness(&old, &new);
        matches!(likeness, super::sequence::Likeness::Alike(_))
    }
    let tests: [Test; 4] = [
        |old, new| same_number(old, new) && same_text(old, new),
        same_text,
        same_number,
        alike,
    ];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for test in tests {
        for (n, question) in new.iter().enumerate() {
            if pairs.iter().any(|&(_, after)| after == n) {
                continue;
            }
            let free = |o: &usize| !pairs.iter().any(|&(before, _)| before == *o);
            if let Some(o) = (0..old.len())
                .filter(free)
                .find(|&o| test(&old[o], question))
            {
                pairs.push((o, n));
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

/// A further question as the report names it: "Spørgsmål nr. 13", "Samrådsspørgsmål B".
fn designation(question: &FurtherQuestion) -> String {
    match question.letters {
        Some(_) => format!(
            "Samrådsspørgsmål {}",
            identifier(question).unwrap_or_default()
        ),
        None => format!("Spørgsmål nr. {}", identifier(question).unwrap_or_default()),
    }
}

/// A further question's number, or its letters: "13", "B".
fn identifier(question: &FurtherQuestion) -> Option<String> {
    (question.letters.clone()).or_else(|| question.number.map(|number| number.to_string()))
}

/// Footnotes by label: an edited one as a word diff, an added or removed one with its text. They
/// are told as the reader sees them: named and ordered by the number they print with, and added
/// or removed as they begin or stop printing (a reference to one removed, a change of markup),
/// whatever the answer file still defines. One that prints in neither answer is told as written
/// between answers of one markup, named as not printing.
fn compare_footnotes(old: &Answer, new: &Answer, changes: &mut Comparison) {
    let (old_numbers, new_numbers) = (footnote_numbers(old), footnote_numbers(new));
    let numbers = |label: &str| {
        (
            old_numbers.get(label).copied(),
            new_numbers.get(label).copied(),
        )
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
    }
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

/// The number each printed footnote of `answer` gets: the order of their first references.
fn footnote_numbers(answer: &Answer) -> BTreeMap<String, usize> {
    let mut numbers = BTreeMap::new();
    let defined = printed_footnotes(answer).into_iter();
    for label in defined.filter(|label| answer.footnotes.contains_key(label)) {
        let next = numbers.len() + 1;
        numbers.entry(label).or_insert(next);
    }
    numbers
}

/// The footnote labels an answer's prose refers to, in the order they print, if it is Markdown.
fn printed_footnotes(answer: &Answer) -> Vec<String> {
    if answer.markup != Markup::Markdown {
        return Vec::new();
    }
    crate::validate::prose(answer)
        .into_iter()
        .flat_map(|(_, text)| crate::markup::footnote_labels(text))
        .collect()
}

fn path(dotted: &str) -> JsonPath {
    dotted
        .split('.')
        .fold(JsonPath::root(), |path, key| path.key(key))
}

fn status(status: Status) -> &'static str {
    match status {
        Status::Final => "endeligt svar",
        Status::Interim => "foreløbigt svar",
        Status::Correction => "berigtigelse",
    }
}

fn question_kind(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Committee => "udvalgsspørgsmål",
        QuestionKind::Section20 => "§ 20-spørgsmål",
        QuestionKind::Consultation => "samrådsspørgsmål",
    }
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
