//! The Danish wording svar writes itself, from the answer's metadata: how a question is named
//! ("Spørgsmål nr. 287 (Alm. del) fra Folketingets Beskæftigelsesudvalg"), the document's title,
//! the standard sentences of cover letters, letters and statuses. A clerk never types these.

use crate::danish;
use crate::danish::NO_BREAK_SPACE as NBSP;
use crate::danish::definite_committee;
use crate::danish::lowercase_first;
use crate::model::{Answer, Askers, Expected, Member, Opening, Question, QuestionKind, Status};

/// Names the question the way Folketinget does: "Spørgsmål nr. 287 (Alm. del) fra Folketingets
/// Beskæftigelsesudvalg", or "Spørgsmål nr. 23 ad L 58 fra …" for a bill.
///
/// No-break spaces keep "nr. 287", "(Alm. del)", "S 960" and "L 58" on one line.
pub(super) fn question_heading(question: &Question) -> String {
    joint_heading(std::slice::from_ref(question))
}

/// Names questions answered together as one heading names them: "Spørgsmål nr. 12 og 13
/// (Alm. del) fra Folketingets Retsudvalg". They share all but their numbers (or letters) with
/// the first, `questions[0]`; one question is named as [`question_heading`] names it.
pub(super) fn joint_heading(questions: &[Question]) -> String {
    let question = &questions[0];
    let committee = question
        .committee
        .as_ref()
        .map(|c| format!(" fra {}", c.name))
        .unwrap_or_default();
    let designations = designations(questions);
    let designations: Vec<&str> = designations.iter().map(String::as_str).collect();
    let numbers = danish::and_list(&designations);
    match question.kind {
        QuestionKind::Committee => match question.series.as_deref() {
            None | Some(crate::model::GENERAL_SERIES) => {
                format!("Spørgsmål nr.{NBSP}{numbers} (Alm.{NBSP}del){committee}")
            }
            Some(bill) => {
                let bill = bill.replace(' ', NBSP);
                match &question.bill_title {
                    Some(title) => {
                        format!(
                            "Spørgsmål nr.{NBSP}{numbers}{committee} vedrørende {title} ({bill})"
                        )
                    }
                    None => format!("Spørgsmål nr.{NBSP}{numbers} ad {bill}{committee}"),
                }
            }
        },
        QuestionKind::Section20 => {
            let asker = question
                .asked_by
                .as_ref()
                .map(|askers| format!(" fra {}", askers_names(askers)));
            format!("Spørgsmål nr.{NBSP}{numbers}{}", asker.unwrap_or_default())
        }
        QuestionKind::Consultation => format!("Samrådsspørgsmål {numbers}{committee}"),
    }
}

/// The questions' designations, with a run of [`RANGE_FROM`] or more consecutive committee
/// questions written as a range ("15–59"), as a long list of numbers would fill lines of the
/// title and the letters. The range takes an en dash, as Danish typography writes ranges.
fn designations(questions: &[Question]) -> Vec<String> {
    let mut written: Vec<String> = Vec::new();
    let mut rest = questions;
    while let Some(first) = rest.first() {
        let run = consecutive_run(rest);
        if run >= RANGE_FROM {
            let last = rest[run - 1].number.unwrap_or_default();
            written.push(format!("{}{EN_DASH}{last}", designation(first)));
        } else {
            written.extend(rest[..run].iter().map(designation));
        }
        rest = &rest[run..];
    }
    written
}

/// How many consecutive committee questions make a range: "nr. 15, 16 og 17" is as short as
/// "nr. 15–17" and says each number, so three are listed.
const RANGE_FROM: usize = 4;

/// The dash between the ends of a range, "15–19"; a hyphen joins words, not numbers.
const EN_DASH: char = '\u{2013}';

/// How many of `questions`, from the first, are committee questions numbered one after the
/// other (at least one).
fn consecutive_run(questions: &[Question]) -> usize {
    let numbered = |question: &Question| match question.kind {
        QuestionKind::Committee => question.number,
        _ => None,
    };
    let mut run = 1;
    while let (Some(Some(previous)), Some(Some(next))) = (
        questions.get(run - 1).map(numbered),
        questions.get(run).map(numbered),
    ) {
        if previous.checked_add(1) != Some(next) {
            break;
        }
        run += 1;
    }
    run
}

/// What tells a question from the others of its series: its number ("287"), a § 20
/// question's "S 960", a consultation question's letters ("AÆ").
fn designation(question: &Question) -> String {
    let number = question.number.unwrap_or_default();
    match question.kind {
        QuestionKind::Committee => number.to_string(),
        QuestionKind::Section20 => format!("S{NBSP}{number}"),
        QuestionKind::Consultation => question.letters.clone().unwrap_or_default(),
    }
}

/// The questions as running text names them, without committee or asker, who the sentence
/// names itself: "spørgsmål nr. 15 (Alm. del)", "spørgsmål nr. 27 ad L 53", "spørgsmål nr. 12
/// og 13 (Alm. del)".
pub(super) fn reference(questions: &[Question]) -> String {
    let bare: Vec<Question> = questions
        .iter()
        .map(|question| Question {
            committee: None,
            asked_by: None,
            ..question.clone()
        })
        .collect();
    lowercase_first(&joint_heading(&bare))
}

/// "Spørgsmålet er stillet efter ønske fra Line Barfod (EL).", or "Spørgsmålene …" for several;
/// several members are listed, "… fra Morten Bødskov (S) og Trine Bramsen (S).".
pub(super) fn asked_by_sentence(questions: &[Question], askers: &Askers) -> String {
    format!(
        "{} er stillet efter ønske fra {}.",
        the_questions(questions),
        askers_names(askers)
    )
}

/// "Spørgsmålet", or "Spørgsmålene" when several are answered together.
fn the_questions(questions: &[Question]) -> &'static str {
    if questions.len() > 1 {
        "Spørgsmålene"
    } else {
        "Spørgsmålet"
    }
}

/// The short name over the question in a letter: "Spørgsmål nr. 385", "Spørgsmål nr. S 960",
/// "Samrådsspørgsmål AÆ".
pub(super) fn question_label(question: &Question) -> String {
    let number = question.number.unwrap_or_default();
    match question.kind {
        QuestionKind::Committee => format!("Spørgsmål nr.{NBSP}{number}"),
        QuestionKind::Section20 => format!("Spørgsmål nr.{NBSP}S{NBSP}{number}"),
        QuestionKind::Consultation => format!(
            "Samrådsspørgsmål {}",
            question.letters.as_deref().unwrap_or_default()
        ),
    }
}

/// The document's title, which depends on the answer's status; plain spaces, since PDF readers
/// show it as a window title. A final answer after an interim one is "Endeligt svar", as
/// Folketinget lists it, so its title differs from the interim answer's. The session is named
/// because question numbers start again each session: without it two answers to "spørgsmål
/// nr. 15" from the same committee would share a title, and the PDF identifier Typst makes
/// from title and author.
pub(super) fn title(answer: &Answer, question_heading: &str) -> String {
    let question = lowercase_first(question_heading.replace(NBSP, " ").trim_end());
    let what = if answer.question.kind == QuestionKind::Consultation {
        format!("Talepapir til {question}")
    } else {
        match answer.status {
            Status::Final if answer.is_final_after_interim() => {
                format!("Endeligt svar på {question}")
            }
            Status::Final => format!("Svar på {question}"),
            Status::Interim => format!("Foreløbigt svar på {question}"),
            Status::Correction => format!("Berigtigelse af svar på {question}"),
        }
    };
    format!("{what}, folketingsåret {}", answer.question.session)
}

/// The letter's opening sentence in the ministry's wording.
pub(super) fn opening_sentence(answer: &Answer, opening: Opening) -> String {
    let question = &answer.question;
    let committee = question.committee.as_ref();
    let when = question
        .asked_on
        .map(|date| format!(" den {}", danish::date(date)))
        .unwrap_or_default();
    let asker = question.asked_by.as_ref().map(askers_names);
    let questions = answer.questions();
    let reference = reference(&questions);
    // A member asks a § 20 question himself, not through the Folketing or a committee.
    if question.kind == QuestionKind::Section20
        && let Some(asker) = &asker
    {
        return section_20_opening(answer, opening, asker, &when, &reference);
    }
    match opening {
        Opening::AskedMe => {
            let who = committee.map_or("Folketinget".to_string(), |c| c.name.clone());
            let wish = asker
                .map(|a| format!(", efter ønske fra {a},"))
                .unwrap_or_default();
            let number = reference.strip_prefix("spørgsmål ").unwrap_or(&reference);
            let answered = answered_clause(answer, Voice::FirstPerson);
            let me = asked_me(answer);
            format!("{who} har{when}{wish} stillet {me} følgende spørgsmål, {number}, {answered}.")
        }
        Opening::HerebyAnsweredAskerAfter => {
            let who = committee.map_or("Folketinget".to_string(), |c| c.name.clone());
            let minister = asked_minister(answer);
            let wish = question
                .asked_by
                .as_ref()
                .map(|askers| format!(" {}", asked_by_sentence(&questions, askers)))
                .unwrap_or_default();
            let answered = answered_clause(answer, Voice::Passive);
            with_answered_by(
                answer,
                format!(
                    "{who} har{when} stillet følgende {reference} til {minister}, {answered}.{wish}"
                ),
            )
        }
        Opening::HerebyAnswered => {
            let who = committee.map_or("Folketinget".to_string(), |c| definite_committee(&c.name));
            let wish = asker
                .map(|a| format!(" efter ønske fra {a}"))
                .unwrap_or_default();
            let minister = asked_minister(answer);
            // These ministries write the series in lower case in running text: "(alm. del)".
            let reference = reference.replace("(Alm.\u{a0}del)", "(alm.\u{a0}del)");
            let answered = answered_clause(answer, Voice::Passive);
            with_answered_by(
                answer,
                format!(
                    "{who} har{when} stillet følgende {reference}{wish} til {minister}, {answered}."
                ),
            )
        }
    }
}

/// Who a letter's opening says answers the question: the minister writing it ("som jeg hermed
/// skal besvare"), or no one named ("som hermed besvares").
#[derive(Debug, Clone, Copy)]
enum Voice {
    /// The minister speaks: "som jeg hermed skal besvare".
    FirstPerson,
    /// No one is named: "som hermed besvares".
    Passive,
}

/// The clause that ends a letter's opening and says what became of the question. A correction
/// does not answer it again: it says when it was answered, the date of the answer it corrects
/// ("som blev besvaret den 11. februar 2022"), which its own sentence then corrects. A final
/// answer after an interim one says it answers finally ("som hermed besvares endeligt"). An
/// interim answer keeps the plain clause, as the ministries write it, and says in its next
/// sentence that it is not the final answer.
fn answered_clause(answer: &Answer, voice: Voice) -> String {
    if answer.status == Status::Correction {
        let on = answer.corrects_answer_of.map(danish::date);
        return match (voice, on) {
            (Voice::FirstPerson, Some(on)) => format!("som jeg besvarede den {on}"),
            (Voice::Passive, Some(on)) => format!("som blev besvaret den {on}"),
            (Voice::FirstPerson, None) => "som jeg tidligere har besvaret".to_string(),
            (Voice::Passive, None) => "som tidligere er besvaret".to_string(),
        };
    }
    let finally = if answer.is_final_after_interim() {
        " endeligt"
    } else {
        ""
    };
    match voice {
        Voice::FirstPerson => format!("som jeg hermed skal besvare{finally}"),
        Voice::Passive => format!("som hermed besvares{finally}"),
    }
}

/// The opening sentence of a letter answering a § 20 question, which its asker put.
fn section_20_opening(
    answer: &Answer,
    opening: Opening,
    asker: &str,
    when: &str,
    reference: &str,
) -> String {
    match opening {
        Opening::AskedMe => {
            let number = reference.strip_prefix("spørgsmål ").unwrap_or(reference);
            let answered = answered_clause(answer, Voice::FirstPerson);
            let me = asked_me(answer);
            format!("{asker} har{when} stillet {me} følgende spørgsmål, {number}, {answered}.")
        }
        Opening::HerebyAnsweredAskerAfter | Opening::HerebyAnswered => with_answered_by(
            answer,
            format!(
                "{asker} har{when} stillet følgende {reference} til {}, {}.",
                asked_minister(answer),
                answered_clause(answer, Voice::Passive)
            ),
        ),
    }
}

/// Folketinget's address, to the committee, as a cover letter puts it: "Folketinget /
/// Beskæftigelsesudvalget / Christiansborg / 1240 København K". A § 20 question goes to
/// "Folketingets Lovsekretariat / Christiansborg / 1240 København K", as in a letter: the
/// Lovsekretariat's name says it is Folketinget's, so a line "Folketinget" over it would
/// name the house twice.
pub(super) fn addressee(question: &Question) -> Vec<String> {
    match committee_recipient(question) {
        Some(committee) => vec!["Folketinget".to_string(), committee],
        None => vec!["Folketingets Lovsekretariat".to_string()],
    }
    .into_iter()
    .chain(FOLKETINGET_ADDRESS.map(str::to_string))
    .collect()
}

/// Folketinget's address as a letter puts it, the recipient first: "Udlændinge- og
/// Integrationsudvalget / Folketinget / Christiansborg / 1240 København K", or for a § 20
/// question "Folketingets Lovsekretariat / Christiansborg / 1240 København K".
pub(super) fn letter_addressee(question: &Question) -> Vec<String> {
    let mut lines = addressee(question);
    if committee_recipient(question).is_some() {
        lines.swap(0, 1);
    }
    lines
}

/// The lines of Folketinget's postal address under the recipient.
const FOLKETINGET_ADDRESS: [&str; 2] = ["Christiansborg", "1240 København K"];

/// The committee an answer is addressed to, "Beskæftigelsesudvalget"; none for a § 20
/// question, which goes to the Lovsekretariat.
fn committee_recipient(question: &Question) -> Option<String> {
    match (&question.committee, question.kind) {
        (Some(committee), QuestionKind::Committee | QuestionKind::Consultation) => {
            Some(definite_committee(&committee.name))
        }
        _ => None,
    }
}

/// "Hermed sendes besvarelse af spørgsmål nr. 15 (Alm. del), som Folketingets Udvalg for
/// Forretningsordenen har stillet til justitsministeren den 7. april 2011. Spørgsmålet er
/// stillet efter ønske fra Line Barfod (EL)."; "endelig besvarelse" after an interim answer.
pub(super) fn cover_sentence(answer: &Answer) -> String {
    let question = &answer.question;
    let what = match answer.status {
        Status::Final if answer.is_final_after_interim() => "endelig besvarelse af",
        Status::Final => "besvarelse af",
        Status::Interim => "foreløbigt svar på",
        Status::Correction => "berigtigelse af svaret på",
    };
    let questions = answer.questions();
    let reference = reference(&questions);
    let asker = match (question.kind, &question.committee, &question.asked_by) {
        (QuestionKind::Section20, _, Some(askers)) => askers_names(askers),
        (_, Some(committee), _) => committee.name.clone(),
        _ => "Folketinget".to_string(),
    };
    let minister = asked_minister(answer);
    let when = question
        .asked_on
        .map(|date| format!(" den {}", danish::date(date)))
        .unwrap_or_default();
    let mut sentence =
        format!("Hermed sendes {what} {reference}, som {asker} har stillet til {minister}{when}.");
    if let (Some(askers), false) = (&question.asked_by, question.kind == QuestionKind::Section20) {
        sentence.push(' ');
        sentence.push_str(&asked_by_sentence(&questions, askers));
    }
    with_answered_by(answer, sentence)
}

/// The minister in running text, "justitsministeren", or "ministeren" when not given.
pub(super) fn minister_title(answer: &Answer) -> &str {
    answer.ministry.minister_in_text()
}

/// The minister the texts say the question was put to: the one named in `question.asked_to`
/// where another answers it, else the answering minister. Naming the answering minister
/// when the question was put to another would publish a falsehood on ft.dk.
fn asked_minister(answer: &Answer) -> &str {
    answer
        .asked_to_other()
        .unwrap_or_else(|| minister_title(answer))
}

/// Whom a letter in the minister's own voice says the question was put to: "mig", or the
/// other minister ("stillet beskæftigelsesministeren følgende spørgsmål"), when it was put to
/// another than the one who answers ("som jeg hermed skal besvare").
fn asked_me(answer: &Answer) -> &str {
    answer.asked_to_other().unwrap_or("mig")
}

/// `sentence`, which named the minister the question was put to, followed by who answers it
/// where that is another minister: "… Spørgsmålet besvares af justitsministeren.". Without it
/// the reader would take the minister named for the one who answers.
fn with_answered_by(answer: &Answer, sentence: String) -> String {
    if answer.asked_to_other().is_none() {
        return sentence;
    }
    format!(
        "{sentence} {} besvares af {}.",
        the_questions(&answer.questions()),
        minister_title(answer)
    )
}

/// For a page whose texts do not say to whom the question was put (an answer alone, a
/// speaking note): "Spørgsmålet er stillet til beskæftigelsesministeren, men besvares af
/// justitsministeren.", where another minister answers it than the one it was put to.
pub(super) fn asked_to_sentence(answer: &Answer) -> Option<String> {
    let asked_to = answer.asked_to_other()?;
    Some(format!(
        "{} er stillet til {asked_to}, men besvares af {}.",
        the_questions(&answer.questions()),
        minister_title(answer)
    ))
}

/// The members who asked, as the texts svar writes name them: "Line Barfod (EL)", "Morten
/// Bødskov (S) og Trine Bramsen (S)", "A (S), B (SF) og C (EL)".
pub(super) fn askers_names(askers: &Askers) -> String {
    let names: Vec<String> = askers.members().iter().map(member_name).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    danish::and_list(&names)
}

/// How a member who asked is named in the texts svar writes: with the party in brackets when
/// the answer gives one, and marked as not a member of the committee (MFU) when so.
pub(super) fn member_name(member: &Member) -> String {
    let name = match &member.party {
        // Spaces pasted around the letters would print inside the brackets, "( DF )".
        Some(party) => format!("{} ({})", member.name, party.trim()),
        None => member.name.clone(),
    };
    if member.non_member {
        format!("ikkemedlem af udvalget (MFU) {name}")
    } else {
        name
    }
}

/// The heading that sets a correction apart; an interim answer says what it is in its first
/// sentence, as ministries write it, and needs none.
pub(super) fn status_heading(status: Status) -> Option<String> {
    match status {
        Status::Final | Status::Interim => None,
        Status::Correction => Some("Berigtigelse".to_string()),
    }
}

/// The sentence that says what kind of answer this is, generated so a clerk need not type it.
pub(super) fn status_sentence(answer: &Answer) -> Option<String> {
    let ministry = &answer.ministry.name;
    let questions = lowercase_first(the_questions(&answer.questions()));
    match answer.status {
        Status::Final => None,
        Status::Interim => {
            let regret = format!(
                "Det har desværre ikke været muligt at besvare {questions} endeligt inden for fristen."
            );
            Some(match &answer.final_answer_expected {
                Some(expected) => format!(
                    "{regret} Jeg forventer at kunne besvare {questions} endeligt {}.",
                    expected_text(expected)
                ),
                None => regret,
            })
        }
        Status::Correction => Some(match answer.corrects_answer_of {
            Some(date) => format!(
                "{ministry} berigtiger hermed svaret af {} på {questions}.",
                danish::date(date)
            ),
            None => format!("{ministry} berigtiger hermed sit tidligere svar på {questions}."),
        }),
    }
}

/// "den 15. marts 2022", or a period as written: "medio marts 2022".
pub fn expected_text(expected: &Expected) -> String {
    match expected {
        Expected::Date(date) => format!("den {}", danish::date(*date)),
        Expected::Period(period) => period.trim_end_matches('.').to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with its no-break spaces as plain ones.
    fn plain(text: String) -> String {
        text.replace(NBSP, " ")
    }

    #[test]
    fn a_members_party_prints_in_brackets_without_the_spaces_pasted_around_it() {
        let member: Member =
            serde_json::from_str(r#"{"name": "Martin Henriksen", "party": " DF "}"#).unwrap();
        assert_eq!(member_name(&member), "Martin Henriksen (DF)");
    }

    #[test]
    fn question_heading_names_general_and_bill_questions() {
        let mut question: Question = serde_json::from_value(serde_json::json!({
            "number": 287, "series": "Alm. del", "session": "2018-19", "text": "?",
            "committee": {"name": "Folketingets Beskæftigelsesudvalg", "abbreviation": "BEU"}
        }))
        .unwrap();
        assert_eq!(
            plain(question_heading(&question)),
            "Spørgsmål nr. 287 (Alm. del) fra Folketingets Beskæftigelsesudvalg"
        );
        question.series = Some("L 58".into());
        question.number = Some(23);
        assert_eq!(
            plain(question_heading(&question)),
            "Spørgsmål nr. 23 ad L 58 fra Folketingets Beskæftigelsesudvalg"
        );
    }

    #[test]
    fn questions_answered_together_are_named_with_every_number_or_letters() {
        let questions = |kind: &str, first: serde_json::Value, others: &[serde_json::Value]| {
            let mut question = serde_json::json!({
                "kind": kind, "session": "2024-25", "text": "?", "series": "L 58",
                "asked_by": {"name": "Line Barfod", "party": "EL"},
                "committee": {"name": "Folketingets Retsudvalg", "abbreviation": "REU"}
            });
            question
                .as_object_mut()
                .unwrap()
                .extend(first.as_object().unwrap().clone());
            if kind != "committee" {
                question.as_object_mut().unwrap().remove("series");
            }
            if kind == "section_20" {
                question.as_object_mut().unwrap().remove("committee");
            }
            let question: Question = serde_json::from_value(question).unwrap();
            let mut all = vec![question.clone()];
            for other in others {
                let mut next = question.clone();
                next.number = other["number"].as_u64().map(|n| n as u32);
                next.letters = other["letters"].as_str().map(str::to_string);
                all.push(next);
            }
            plain(joint_heading(&all))
        };
        let number = |n: u32| serde_json::json!({"number": n});
        assert_eq!(
            questions("committee", number(23), &[number(24), number(27)]),
            "Spørgsmål nr. 23, 24 og 27 ad L 58 fra Folketingets Retsudvalg"
        );
        assert_eq!(
            questions("section_20", number(960), &[number(961)]),
            "Spørgsmål nr. S 960 og S 961 fra Line Barfod (EL)"
        );
        let letters = |l: &str| serde_json::json!({"letters": l});
        assert_eq!(
            questions("consultation", letters("A"), &[letters("B")]),
            "Samrådsspørgsmål A og B fra Folketingets Retsudvalg"
        );
        // One question is named as it always was.
        assert_eq!(
            questions("committee", number(23), &[]),
            "Spørgsmål nr. 23 ad L 58 fra Folketingets Retsudvalg"
        );
        // Four or more numbers in a row are a range, with an en dash (review 33); three are
        // listed (review 15).
        let run = |from: u32, to: u32| (from..=to).map(number).collect::<Vec<_>>();
        assert_eq!(
            questions("committee", number(15), &run(16, 17)),
            "Spørgsmål nr. 15, 16 og 17 ad L 58 fra Folketingets Retsudvalg"
        );
        let mut others = run(16, 59);
        others.extend([number(61), number(62), number(63), number(64)]);
        assert_eq!(
            questions("committee", number(15), &others),
            "Spørgsmål nr. 15\u{2013}59 og 61\u{2013}64 ad L 58 fra Folketingets Retsudvalg"
        );
        others = vec![
            number(8),
            number(9),
            number(10),
            number(11),
            number(12),
            number(3),
        ];
        assert_eq!(
            questions("committee", number(7), &others),
            "Spørgsmål nr. 7\u{2013}12 og 3 ad L 58 fra Folketingets Retsudvalg"
        );
        let section_20: Vec<_> = run(961, 964);
        assert_eq!(
            questions("section_20", number(960), &section_20),
            "Spørgsmål nr. S 960, S 961, S 962, S 963 og S 964 fra Line Barfod (EL)"
        );
    }

    #[test]
    fn question_heading_names_section_20_and_consultation_questions() {
        let mut question: Question = serde_json::from_value(serde_json::json!({
            "kind": "section_20", "number": 960, "session": "2024-25", "text": "?",
            "asked_by": {"name": "Line Barfod", "party": "EL"}
        }))
        .unwrap();
        assert_eq!(
            plain(question_heading(&question)),
            "Spørgsmål nr. S 960 fra Line Barfod (EL)"
        );
        question.kind = QuestionKind::Consultation;
        question.number = None;
        question.letters = Some("AÆ".into());
        question.committee = Some(crate::model::Committee {
            name: "Folketingets Beskæftigelsesudvalg".into(),
            abbreviation: "BEU".into(),
        });
        assert_eq!(
            plain(question_heading(&question)),
            "Samrådsspørgsmål AÆ fra Folketingets Beskæftigelsesudvalg"
        );
    }

    /// Kulturudvalget's question 223 to the minister of culture, with `status` (the fields
    /// that say what kind of answer it is) added.
    fn culture_answer(status: serde_json::Value) -> Answer {
        let mut answer = serde_json::json!({
            "ministry": {"name": "Kulturministeriet", "minister_title": "kulturministeren"},
            "question": {
                "number": 223, "series": "Alm. del", "session": "2016-17", "text": "?",
                "asked_on": "2017-09-08",
                "asked_by": {"name": "Morten Marinus", "party": "DF"},
                "committee": {"name": "Folketingets Kulturudvalg", "abbreviation": "KUU"}
            },
            "answer": {"blocks": []}
        });
        let fields = status
            .as_object()
            .expect("status fields are an object")
            .clone();
        answer.as_object_mut().unwrap().extend(fields);
        serde_json::from_value(answer).unwrap()
    }

    /// The opening sentence in each wording, no-break spaces as plain ones.
    fn openings(answer: &Answer) -> [String; 3] {
        [
            Opening::AskedMe,
            Opening::HerebyAnswered,
            Opening::HerebyAnsweredAskerAfter,
        ]
        .map(|opening| plain(opening_sentence(answer, opening)))
    }

    #[test]
    fn letters_open_in_the_ministrys_wording() {
        let answer = culture_answer(serde_json::json!({}));
        assert_eq!(
            plain(opening_sentence(&answer, Opening::AskedMe)),
            "Folketingets Kulturudvalg har den 8. september 2017, efter ønske fra Morten Marinus (DF), stillet mig følgende spørgsmål, nr. 223 (Alm. del), som jeg hermed skal besvare."
        );
        assert_eq!(
            plain(opening_sentence(&answer, Opening::HerebyAnswered)),
            "Kulturudvalget har den 8. september 2017 stillet følgende spørgsmål nr. 223 (alm. del) efter ønske fra Morten Marinus (DF) til kulturministeren, som hermed besvares."
        );
    }

    #[test]
    fn a_question_put_to_another_minister_is_said_to_be_and_who_answers_it() {
        let mut answer = culture_answer(serde_json::json!({}));
        answer.question.asked_to = Some("undervisningsministeren".into());
        assert_eq!(
            openings(&answer),
            [
                "Folketingets Kulturudvalg har den 8. september 2017, efter ønske fra Morten Marinus (DF), stillet undervisningsministeren følgende spørgsmål, nr. 223 (Alm. del), som jeg hermed skal besvare.",
                "Kulturudvalget har den 8. september 2017 stillet følgende spørgsmål nr. 223 (alm. del) efter ønske fra Morten Marinus (DF) til undervisningsministeren, som hermed besvares. Spørgsmålet besvares af kulturministeren.",
                "Folketingets Kulturudvalg har den 8. september 2017 stillet følgende spørgsmål nr. 223 (Alm. del) til undervisningsministeren, som hermed besvares. Spørgsmålet er stillet efter ønske fra Morten Marinus (DF). Spørgsmålet besvares af kulturministeren.",
            ]
        );
        assert_eq!(
            plain(cover_sentence(&answer)),
            "Hermed sendes besvarelse af spørgsmål nr. 223 (Alm. del), som Folketingets Kulturudvalg har stillet til undervisningsministeren den 8. september 2017. Spørgsmålet er stillet efter ønske fra Morten Marinus (DF). Spørgsmålet besvares af kulturministeren."
        );
        assert_eq!(
            asked_to_sentence(&answer).as_deref(),
            Some(
                "Spørgsmålet er stillet til undervisningsministeren, men besvares af kulturministeren."
            )
        );
        // Put to the minister who answers, written otherwise: nothing changes.
        answer.question.asked_to = Some(" Kulturministeren".into());
        assert_eq!(asked_to_sentence(&answer), None);
        assert!(openings(&answer)[1].ends_with("til kulturministeren, som hermed besvares."));
    }

    #[test]
    fn a_correction_says_when_the_question_was_answered_rather_than_answering_it_again() {
        let corrected = culture_answer(serde_json::json!({
            "status": "correction", "corrects_answer_of": "2017-09-29"
        }));
        assert_eq!(
            openings(&corrected),
            [
                "Folketingets Kulturudvalg har den 8. september 2017, efter ønske fra Morten Marinus (DF), stillet mig følgende spørgsmål, nr. 223 (Alm. del), som jeg besvarede den 29. september 2017.",
                "Kulturudvalget har den 8. september 2017 stillet følgende spørgsmål nr. 223 (alm. del) efter ønske fra Morten Marinus (DF) til kulturministeren, som blev besvaret den 29. september 2017.",
                "Folketingets Kulturudvalg har den 8. september 2017 stillet følgende spørgsmål nr. 223 (Alm. del) til kulturministeren, som blev besvaret den 29. september 2017. Spørgsmålet er stillet efter ønske fra Morten Marinus (DF).",
            ]
        );
        // Without the corrected answer's date, it was answered before all the same.
        let undated = culture_answer(serde_json::json!({"status": "correction"}));
        let [asked_me, hereby, _] = openings(&undated);
        assert!(
            asked_me.ends_with(", som jeg tidligere har besvaret."),
            "{asked_me}"
        );
        assert!(hereby.ends_with(", som tidligere er besvaret."), "{hereby}");
    }

    #[test]
    fn a_final_answer_after_an_interim_one_says_it_is_final() {
        let answer = culture_answer(serde_json::json!({"follows_interim_answer_of": "2017-09-29"}));
        assert_eq!(
            openings(&answer),
            [
                "Folketingets Kulturudvalg har den 8. september 2017, efter ønske fra Morten Marinus (DF), stillet mig følgende spørgsmål, nr. 223 (Alm. del), som jeg hermed skal besvare endeligt.",
                "Kulturudvalget har den 8. september 2017 stillet følgende spørgsmål nr. 223 (alm. del) efter ønske fra Morten Marinus (DF) til kulturministeren, som hermed besvares endeligt.",
                "Folketingets Kulturudvalg har den 8. september 2017 stillet følgende spørgsmål nr. 223 (Alm. del) til kulturministeren, som hermed besvares endeligt. Spørgsmålet er stillet efter ønske fra Morten Marinus (DF).",
            ]
        );
        assert!(
            plain(cover_sentence(&answer)).starts_with(
                "Hermed sendes endelig besvarelse af spørgsmål nr. 223 (Alm. del), som"
            )
        );
    }

    #[test]
    fn a_section_20_question_is_put_by_its_asker_in_every_letter() {
        let answer: Answer = serde_json::from_value(serde_json::json!({
            "ministry": {"name": "Sundhedsministeriet", "minister_title": "sundhedsministeren"},
            "question": {
                "kind": "section_20", "number": 960, "session": "2024-25", "text": "?",
                "asked_on": "2024-11-12",
                "asked_by": {"name": "Dennis Flydtkjær", "party": "DD"}
            },
            "answer": {"blocks": []}
        }))
        .unwrap();
        assert_eq!(
            plain(opening_sentence(&answer, Opening::AskedMe)),
            "Dennis Flydtkjær (DD) har den 12. november 2024 stillet mig følgende spørgsmål, nr. S 960, som jeg hermed skal besvare."
        );
        for opening in [Opening::HerebyAnswered, Opening::HerebyAnsweredAskerAfter] {
            assert_eq!(
                plain(opening_sentence(&answer, opening)),
                "Dennis Flydtkjær (DD) har den 12. november 2024 stillet følgende spørgsmål nr. S 960 til sundhedsministeren, som hermed besvares."
            );
        }
    }

    #[test]
    fn title_follows_status() {
        let heading = "Spørgsmål nr. 1 (Alm. del) fra Folketingets Retsudvalg";
        let title_of = |status| title(&culture_answer(status), heading);
        assert_eq!(
            title_of(serde_json::json!({})),
            "Svar på spørgsmål nr. 1 (Alm. del) fra Folketingets Retsudvalg, folketingsåret 2016-17"
        );
        assert!(
            title_of(serde_json::json!({"status": "interim"}))
                .starts_with("Foreløbigt svar på spørgsmål")
        );
        assert_eq!(
            title_of(serde_json::json!({"follows_interim_answer_of": "2017-09-29"})),
            "Endeligt svar på spørgsmål nr. 1 (Alm. del) fra Folketingets Retsudvalg, folketingsåret 2016-17"
        );
    }

    #[test]
    fn numbers_stay_with_their_words() {
        let question: Question = serde_json::from_value(serde_json::json!({
            "number": 23, "series": "L 58", "session": "2018-19", "text": "?"
        }))
        .unwrap();
        assert_eq!(
            question_heading(&question),
            "Spørgsmål nr.\u{a0}23 ad L\u{a0}58"
        );
    }

    #[test]
    fn a_section_20_answer_is_addressed_alike_in_a_cover_letter_and_a_letter() {
        let mut question: Question = serde_json::from_value(serde_json::json!({
            "kind": "section_20", "number": 960, "session": "2018-19", "text": "?",
            "asked_by": {"name": "Line Barfod", "party": "EL"}
        }))
        .unwrap();
        let lovsekretariat = [
            "Folketingets Lovsekretariat",
            "Christiansborg",
            "1240 København K",
        ];
        assert_eq!(addressee(&question), lovsekretariat);
        assert_eq!(letter_addressee(&question), lovsekretariat);
        // A committee's answer: Folketinget over the committee, or the committee first.
        question.kind = QuestionKind::Committee;
        question.committee = serde_json::from_value(serde_json::json!(
            {"name": "Folketingets Retsudvalg", "abbreviation": "REU"}
        ))
        .unwrap();
        assert_eq!(
            addressee(&question),
            [
                "Folketinget",
                "Retsudvalget",
                "Christiansborg",
                "1240 København K"
            ]
        );
        assert_eq!(
            letter_addressee(&question),
            [
                "Retsudvalget",
                "Folketinget",
                "Christiansborg",
                "1240 København K"
            ]
        );
    }
}
