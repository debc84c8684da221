//! A question put to one minister and answered by another (the matter moved to another
//! ministry, or answered on another's behalf): `question.asked_to` names the minister it was
//! put to, and every text svar writes says so, and who answers it (review 34, F-L2).

mod common;

use common::{edited_fixture, pdf_text, render_into};

/// The PDF text of `name` from tests/fixtures, put to the minister of employment, in `layout`.
fn text_asked_to_another(name: &str, layout: Option<&str>) -> String {
    let folder = tempfile::tempdir().unwrap();
    let answer = edited_fixture(name, folder.path(), |answer| {
        answer["question"]["asked_to"] = "beskæftigelsesministeren".into();
        if let Some(layout) = layout {
            answer["layout"] = layout.into();
        }
    });
    pdf_text(&render_into(&answer, folder.path()))
}

#[test]
fn a_cover_letter_names_the_minister_the_question_was_put_to_and_who_answers() {
    let text = text_asked_to_another("complete.json", Some("cover_letter"));
    assert!(
        text.contains(
            "som Folketingets Udvalg for Forretningsordenen har stillet til \
             beskæftigelsesministeren den 7. april 2011. Spørgsmålet er stillet efter ønske fra \
             Line Barfod (EL). Spørgsmålet besvares af justitsministeren."
        ),
        "{text}"
    );
    assert!(!text.contains("stillet til justitsministeren"), "{text}");
}

#[test]
fn a_letter_in_the_ministers_voice_says_whom_the_question_was_put_to() {
    let text = text_asked_to_another("complete.json", Some("letter"));
    assert!(
        text.contains(
            "stillet beskæftigelsesministeren følgende spørgsmål, nr. 15 (Alm. del), som jeg \
             hermed skal besvare."
        ),
        "{text}"
    );
    assert!(!text.contains("stillet mig"), "{text}");
}

#[test]
fn a_letter_in_the_ministrys_wording_names_both_ministers() {
    let text = text_asked_to_another("letter.json", None);
    assert!(
        text.contains(
            "stillet følgende spørgsmål nr. 385 (alm. del) efter ønske fra Martin Henriksen (DF) \
             til beskæftigelsesministeren, som hermed besvares. Spørgsmålet besvares af \
             udlændinge- og integrationsministeren."
        ),
        "{text}"
    );
}

#[test]
fn an_answer_alone_and_a_speaking_note_say_it_under_the_question() {
    let sentence = "er stillet til beskæftigelsesministeren, men besvares af justitsministeren.";
    let text = text_asked_to_another("complete.json", Some("answer"));
    assert!(
        text.contains(&format!(
            "Spørgsmålet er stillet efter ønske fra Line Barfod (EL). Spørgsmålet {sentence}"
        )),
        "{text}"
    );
    let text = text_asked_to_another("consultation.json", None);
    assert!(text.contains(&format!("Spørgsmålet {sentence}")), "{text}");
}

#[test]
fn the_answering_ministers_own_title_changes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let plain = pdf_text(&render_into(
        &edited_fixture("complete.json", folder.path(), |answer| {
            answer["layout"] = "cover_letter".into();
        }),
        folder.path(),
    ));
    let own = text_asked_to_another("complete.json", Some("cover_letter"));
    assert_ne!(plain, own);
    let folder = tempfile::tempdir().unwrap();
    let same = pdf_text(&render_into(
        &edited_fixture("complete.json", folder.path(), |answer| {
            answer["layout"] = "cover_letter".into();
            answer["question"]["asked_to"] = "Justitsministeren".into();
        }),
        folder.path(),
    ));
    assert_eq!(plain, same);
}

#[test]
fn diff_tells_of_a_question_now_put_to_another_minister() {
    let report = common::diff_report_after_edit("complete.json", |answer| {
        answer["question"]["asked_to"] = "beskæftigelsesministeren".into();
    });
    assert!(
        report.contains("Stillet til: (ingen) → beskæftigelsesministeren"),
        "{report}"
    );
}
