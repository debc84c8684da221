//! The answer's metadata: status, ministry, dates, numbers, the question and the signature.
//! (The footnotes, which print at the foot of a page, are told in [`super::footnotes`].)

use super::{Comparison, Element, Place, text};
use crate::danish;
use crate::json_path::JsonPath;
use crate::model::{
    Answer, FurtherQuestion, GENERAL_SERIES, Layout, Letterhead, Markup, Member, Opening,
    QuestionKind, Status,
};

/// A metadata field: its Danish name, its JSON path and its value as printed.
struct Field {
    label: &'static str,
    path: &'static str,
    value: fn(&Answer) -> Option<String>,
}

/// The fields compared, in the order the change list shows them. A field the answer (or its
/// ministry's profile) may leave out, and which then prints as a default, gives that default
/// where it is left out, as the page does: "ministeren" for the minister's title, "Alm. del"
/// for a committee question's series, not a non-member where no member asked, and a profile's
/// switches and labels as svar's own where there is no profile. So leaving a field out and
/// giving it its default, which print the same, is no change ("Ikke medlem af udvalget: (ingen)
/// → nej" told of nothing on the page).
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
        value: |answer| {
            let opening = letterhead(answer).map(|l| l.opening).unwrap_or_default();
            Some(self::opening(opening).to_string())
        },
    },
    Field {
        label: "Brevpapir, \"Med venlig hilsen\"",
        path: "ministry.profile",
        value: |answer| Some(yes_no(letterhead(answer).is_some_and(|l| l.kind_regards))),
    },
    Field {
        label: "Brevpapir, Folketingets adresse i brevet",
        path: "ministry.profile",
        value: |answer| Some(yes_no(letterhead(answer).is_some_and(|l| l.addressee))),
    },
    Field {
        label: "Brevpapir, spørgsmålet i ”…”",
        path: "ministry.profile",
        value: |answer| Some(yes_no(letterhead(answer).is_none_or(|l| l.quoted_question))),
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
            let labels = answer.metadata_labels().contact();
            let labels = labels.map(|label| label.unwrap_or("(ingen)"));
            Some(labels.join(", "))
        },
    },
    Field {
        label: "Ministerens titel",
        path: "ministry.minister_title",
        value: |answer| Some(answer.ministry.minister_in_text().to_string()),
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
        value: |answer| {
            let series = answer.question.series.clone();
            match answer.question.kind {
                QuestionKind::Committee => Some(series.unwrap_or_else(|| GENERAL_SERIES.into())),
                _ => series,
            }
        },
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
        // Given as the answering minister, it prints as if left out.
        label: "Stillet til",
        path: "question.asked_to",
        value: |answer| answer.asked_to_other().map(str::to_string),
    },
    Field {
        label: "Stillet efter ønske fra",
        path: "question.asked_by.name",
        value: |answer| {
            let members = answer.question.asked_by.as_ref()?.members();
            let names: Vec<&str> = members.iter().map(|member| member.name.as_str()).collect();
            Some(danish::and_list(&names))
        },
    },
    Field {
        label: "Parti",
        path: "question.asked_by.party",
        value: |answer| askers_value(answer, |member| member.party.clone()),
    },
    Field {
        label: "Samrådets dato",
        path: "question.meeting_on",
        value: |answer| answer.question.meeting_on.map(danish::date),
    },
    Field {
        label: "Ikke medlem af udvalget",
        path: "question.asked_by.non_member",
        value: |answer| {
            askers_value(answer, |member| Some(yes_no(member.non_member)))
                .or_else(|| Some(yes_no(false)))
        },
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

/// A value of the members who asked, `of` each: the one value when all have the same
/// ("Parti: S" for two Social Democrats), else each member's in order ("S og SF"), a member
/// without one as "–". None when no member asked, or none has one.
fn askers_value(answer: &Answer, of: impl Fn(&Member) -> Option<String>) -> Option<String> {
    let members = answer.question.asked_by.as_ref()?.members();
    let values: Vec<Option<String>> = members.iter().map(of).collect();
    if values.iter().all(Option::is_none) {
        return None;
    }
    if values.iter().all(|value| *value == values[0]) {
        return values[0].clone();
    }
    let values: Vec<&str> = (values.iter())
        .map(|value| value.as_deref().unwrap_or("–"))
        .collect();
    Some(danish::and_list(&values))
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

/// Records every metadata field that differs, then the question's text as a word diff and the
/// further questions, each followed by the changes of the footnotes it refers to first.
pub(super) fn compare(old: &Answer, new: &Answer, changes: &mut Comparison) {
    for field in FIELDS {
        let place = Place::new(field.label, path(field.path));
        changes.value(&place, (field.value)(old), (field.value)(new));
    }
    let question = Place::new("Spørgsmålets tekst", path("question.text"));
    changes.text(&question, &old.question.text, &new.question.text);
    changes.passed(Some(&question.path), Some(&question.path));
    compare_further_questions(old, new, changes);
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
            let place = Place::new(designation(question), at.clone());
            changes.added(&place, Element::Question, [question.text.clone()]);
            changes.passed(None, Some(&at));
            continue;
        };
        let was = list.index(before);
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
        changes.passed(Some(&was), Some(&at));
    }
    for (index, question) in old_questions.iter().enumerate() {
        if !pairs.iter().any(|&(before, _)| before == index) {
            let place = Place::new(designation(question), list.index(index));
            changes.removed(&place, &list, Element::Question, [question.text.clone()]);
            changes.passed(Some(&place.path), None);
        }
    }
    // The order of the questions in both, compared by their old numbers (one renumbered is
    // not moved), and told by the numbers each answer prints: a change is a move.
    let mut by_new = pairs.clone();
    by_new.sort_by_key(|&(_, after)| after);
    let joined =
        |numbers: Vec<Option<String>>| numbers.into_iter().flatten().collect::<Vec<_>>().join(", ");
    let old_numbers = |pairs: &[(usize, usize)]| {
        joined(
            pairs
                .iter()
                .map(|&(before, _)| identifier(&old_questions[before]))
                .collect(),
        )
    };
    let was = old_numbers(&pairs);
    if was != old_numbers(&by_new) {
        let now = joined(
            by_new
                .iter()
                .map(|&(_, after)| identifier(&new_questions[after]))
                .collect(),
        );
        let place = Place::new("Rækkefølgen af de øvrige spørgsmål", list);
        changes.value(&place, Some(was), Some(now));
    }
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
