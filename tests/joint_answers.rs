//! Several questions answered together ("besvarelse af spørgsmål nr. 15, 16 og 17"): named
//! together wherever svar names the question, printed one by one over "Svar:", checked and
//! compared each. Read back from the PDF with pdftotext and from svar's own reports.

mod common;

use common::{edited_fixture, fixture, pdf_metadata, pdf_page_text, pdf_text, render_into, svar};

#[test]
fn questions_answered_together_are_named_together_and_printed_one_by_one() {
    // Only one question could be answered: a joint answer had to be made in Word.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("joint-cover-letter.json"), folder.path());
    assert!(
        pdf_page_text(&pdf, 1).contains(
            "Hermed sendes besvarelse af spørgsmål nr. 15, 16 og 17 (Alm. del), som Folketingets \
             Udvalg for Forretningsordenen har stillet til justitsministeren den 7. april 2011. \
             Spørgsmålene er stillet efter ønske fra Line Barfod (EL)."
        ),
        "{}",
        pdf_page_text(&pdf, 1)
    );
    let page = pdf_page_text(&pdf, 2);
    // The first question under the full heading, the others under their numbers, since they
    // share its committee (a bill's title repeated over each took two lines; review 24, 10).
    let headings: Vec<usize> = [15, 16, 17]
        .map(|number| {
            let heading = match number {
                15 => format!(
                    "Spørgsmål nr. {number} (Alm. del) fra Folketingets Udvalg for Forretningsordenen: ”"
                ),
                _ => format!("Spørgsmål nr. {number}: ”"),
            };
            page.find(&heading)
                .unwrap_or_else(|| panic!("{heading:?} not in {page}"))
        })
        .to_vec();
    let answer = page.find("Svar:").unwrap();
    assert!(headings.is_sorted() && headings[2] < answer, "{page}");
    assert!(page.contains(
        "”Vil ministeren oplyse, hvornår ministeren forventer, at anmodningerne bliver besvaret?”"
    ));
    let (title, ..) = pdf_metadata(&pdf);
    assert_eq!(
        title,
        "Svar på spørgsmål nr. 15, 16 og 17 (Alm. del) fra Folketingets Udvalg for \
         Forretningsordenen, folketingsåret 2010-11 (1. samling)"
    );
}

#[test]
fn a_letter_opens_with_every_question_and_labels_each() {
    let folder = tempfile::tempdir().unwrap();
    let text = pdf_text(&render_into(&fixture("joint-letter.json"), folder.path()));
    assert!(
        text.contains(
            "Udlændinge- og Integrationsudvalget har den 20. januar 2017 stillet følgende \
             spørgsmål nr. 385 og 386 (alm. del) efter ønske fra Martin Henriksen (DF) til \
             udlændinge- og integrationsministeren, som hermed besvares. Spørgsmål nr. 385: ”"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "opdelt på de enkelte lande?” Spørgsmål nr. 386: ”Vil ministeren oplyse, hvor mange \
             afviste asylansøgere der i 2016 er udrejst på egen hånd?” Svar:"
        ),
        "{text}"
    );
}

/// `svar check` of the fixture `name` edited by `edit`: its exit status and its report.
fn check_edited(name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> (Option<i32>, String) {
    let folder = tempfile::tempdir().unwrap();
    let answer = edited_fixture(name, folder.path(), edit);
    let output = svar().arg("check").arg(&answer).output().unwrap();
    let report = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code(), report)
}

/// Asserts that `report` has the finding `first` and that the finding names the JSON `path`
/// and `hint` (if any) in its lines.
fn assert_finding(report: &str, first: &str, path: &str, hint: Option<&str>) {
    let finding = common::finding(report, first);
    assert!(finding.contains(&format!("= sti: {path}\n")), "{report}");
    if let Some(hint) = hint {
        assert!(finding.contains(&format!("= tip: {hint}\n")), "{report}");
    }
}

#[test]
fn a_question_answered_twice_is_an_error_where_it_stands() {
    let (code, report) = check_edited("joint-cover-letter.json", |answer| {
        answer["further_questions"][1]["number"] = 15.into();
    });
    assert_eq!(code, Some(1), "{report}");
    assert_finding(
        &report,
        "fejl: spørgsmålet besvares allerede i dette svar",
        "further_questions[1].number",
        Some("ret nummeret, eller fjern spørgsmålet"),
    );
}

#[test]
fn diff_and_redline_show_a_further_question_changed_renumbered_and_added() {
    let folder = tempfile::tempdir().unwrap();
    let new = edited_fixture("joint-cover-letter.json", folder.path(), |answer| {
        let further = answer["further_questions"].as_array_mut().unwrap();
        further[0]["text"] = "Vil ministeren oplyse, hvornår og hvordan ministeren forventer, at \
                              anmodningerne bliver besvaret?"
            .into();
        further[1]["number"] = 18.into();
        further.push(serde_json::json!({"number": 19, "text": "Er sagen afsluttet?"}));
    });
    let redline = folder.path().join("redline.pdf");
    let output = svar()
        .arg("diff")
        .arg(fixture("joint-cover-letter.json"))
        .arg(&new)
        .arg("--redline")
        .arg(&redline)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    // A question whose number alone changed is told as renumbered, in reading order (review
    // 17, L5: it was told as one question added and, after the others, one removed).
    let lines: Vec<&str> = report.lines().skip(2).take(7).collect();
    assert_eq!(
        lines,
        [
            "Spørgsmål nr. 16, tekst: ændret",
            "    Vil ministeren oplyse, hvornår {+og hvordan +}ministeren forventer, at anmodningerne bliver besvaret?",
            "Spørgsmål nr. 18, nummer: 17 → 18",
            "Spørgsmål nr. 19: tilføjet",
            "    + Er sagen afsluttet?",
            "",
            "3 ændringer.",
        ],
        "{report}"
    );
    // The redline lists the changes and prints the new questions, the added one among them.
    let summary = pdf_page_text(&redline, 1);
    assert!(
        summary.contains("– Spørgsmål nr. 18, nummer: 17 → 18 – Spørgsmål nr. 19: tilføjet"),
        "{summary}"
    );
    // The cover letter's sentence has the numbers marked where it names them: "16[, 18] og
    // [17] [19]", 17 struck through.
    assert!(
        summary.contains("spørgsmål nr. 15, 16, 18 og 17 19 (Alm. del)"),
        "{summary}"
    );
    let text = pdf_page_text(&redline, 2);
    assert!(
        text.contains("Spørgsmål nr. 19: ”Er sagen afsluttet?”"),
        "{text}"
    );
}

#[test]
fn a_further_question_removed_or_moved_is_told_as_such() {
    // Matched by their places in the list, the removal of question 16 was told as 16 renumbered
    // 17 with 16's text edited into 17's, and 17 removed (review 15, H1).
    let folder = tempfile::tempdir().unwrap();
    let diff = |edit: fn(&mut Vec<serde_json::Value>)| {
        let new = edited_fixture("joint-cover-letter.json", folder.path(), |answer| {
            edit(answer["further_questions"].as_array_mut().unwrap())
        });
        let output = svar()
            .args(["diff", "--format", "json"])
            .arg(fixture("joint-cover-letter.json"))
            .arg(&new)
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        report["changes"].clone()
    };
    assert_eq!(
        diff(|further| {
            further.remove(0);
        }),
        serde_json::json!([{
            "location": "Spørgsmål nr. 16",
            "path": "further_questions[0]",
            "kind": "removed",
            "element": "question",
            "content": ["Vil ministeren oplyse, hvornår ministeren forventer, at anmodningerne bliver besvaret?"]
        }])
    );
    assert_eq!(
        diff(|further| further.reverse()),
        serde_json::json!([{
            "location": "Rækkefølgen af de øvrige spørgsmål",
            "path": "further_questions",
            "kind": "value",
            "old": "16, 17",
            "new": "17, 16"
        }])
    );
    // 16 and 17 renumbered 17 and 18 are two numbers changed, not two texts rewritten, one
    // question added and one removed (review 18).
    let renumbered = |number: u32, to: u32| {
        serde_json::json!({
            "location": format!("Spørgsmål nr. {to}, nummer"),
            "path": format!("further_questions[{}].number", number - 16),
            "kind": "value",
            "old": number.to_string(),
            "new": to.to_string()
        })
    };
    assert_eq!(
        diff(|further| {
            further[0]["number"] = 17.into();
            further[1]["number"] = 18.into();
        }),
        serde_json::json!([renumbered(16, 17), renumbered(17, 18)])
    );
    // Renumbered and put first: the new order by the numbers the new answer prints, not 17,
    // which it no longer has (review 28, 2).
    let changes = diff(|further| {
        further[1]["number"] = 18.into();
        further.swap(0, 1);
    });
    assert_eq!(changes[1]["old"], "16, 17");
    assert_eq!(changes[1]["new"], "18, 16");
    // Renumbered and edited, it is still one question (review 19).
    let changes = diff(|further| {
        further[0]["number"] = 18.into();
        further[0]["text"] = "Vil ministeren oplyse, hvornår ministeren regner med, at \
                              anmodningerne bliver besvaret?"
            .into();
    });
    let kinds: Vec<(&str, &str)> = (changes.as_array().unwrap().iter())
        .map(|c| (c["location"].as_str().unwrap(), c["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Spørgsmål nr. 18, nummer", "value"),
            ("Spørgsmål nr. 18, tekst", "text")
        ]
    );
}

#[test]
fn the_sentences_of_an_interim_answer_and_a_correction_speak_of_every_question() {
    // "besvare spørgsmålet endeligt" stayed singular beside "Spørgsmålene er stillet"
    // (review 15, M2 and M3).
    let folder = tempfile::tempdir().unwrap();
    for (status, sentence) in [
        (
            "interim",
            "Det har desværre ikke været muligt at besvare spørgsmålene endeligt inden for fristen.",
        ),
        (
            "correction",
            "Justitsministeriet berigtiger hermed sit tidligere svar på spørgsmålene.",
        ),
    ] {
        let answer = edited_fixture("joint-cover-letter.json", folder.path(), |answer| {
            answer["status"] = status.into();
        });
        let text = pdf_text(&render_into(&answer, folder.path()));
        assert!(text.contains(sentence), "{text}");
    }
}

#[test]
fn a_further_question_with_the_text_of_another_is_warned_of() {
    // A text copied from the question before passed check (review 15).
    let (code, report) = check_edited("joint-cover-letter.json", |answer| {
        answer["further_questions"][1]["text"] = answer["question"]["text"].clone();
    });
    assert_eq!(code, Some(0), "{report}");
    assert_finding(
        &report,
        "advarsel: teksten er den samme som i spørgsmål nr. 15",
        "further_questions[1].text",
        None,
    );
}

#[test]
fn questions_out_of_numerical_order_are_warned_of() {
    let (code, report) = check_edited("joint-cover-letter.json", |answer| {
        answer["further_questions"]
            .as_array_mut()
            .unwrap()
            .reverse();
    });
    assert_eq!(code, Some(0), "{report}");
    assert!(
        report.starts_with(
            "advarsel: spørgsmål nr. 16 står efter nr. 17, og svar nævner spørgsmålene i den rækkefølge\n"
        ),
        "{report}"
    );
    // A samråd's letters by the Danish alphabet: Å after Ø, as Unicode has them the other way.
    let (code, report) = check_edited("consultation.json", |answer| {
        answer["question"]["letters"] = "AØ".into();
        answer["further_questions"] = serde_json::json!([
            {"letters": "AÅ", "text": "Vil ministeren redegøre for sagen?"},
            {"letters": "AÆ", "text": "Vil ministeren redegøre for sagerne?"}
        ]);
    });
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(report.matches("advarsel:").count(), 1, "{report}");
    assert!(
        report.starts_with(
            "advarsel: samrådsspørgsmål AÆ står efter AÅ, og svar nævner spørgsmålene i den rækkefølge\n"
        ),
        "{report}"
    );
}

#[test]
fn a_heading_naming_a_question_not_answered_is_warned_of() {
    // Review 15: "Ad spørgsmål nr. 19" over part of an answer to 15, 16 and 17 passed check.
    let (code, report) = check_edited("joint-cover-letter.json", |answer| {
        answer["answer"]["blocks"][3]["heading"] = "Ad spørgsmål nr. 16-19".into();
    });
    assert_eq!(code, Some(0), "{report}");
    assert_finding(
        &report,
        "advarsel: overskriften nævner spørgsmål nr. 18 og 19, men svaret besvarer spørgsmål nr. \
         15, 16 og 17",
        "answer.blocks[3].heading",
        Some("ret overskriften, eller tilføj spørgsmålet i \"further_questions\""),
    );
    // The headings as the fixture has them name only questions answered.
    let (code, report) = check_edited("joint-cover-letter.json", |_| {});
    assert_eq!((code, report.as_str()), (Some(0), ""), "{report}");
    // A samråd's letters are compared as letters.
    let (_, report) = check_edited("joint-letter.json", |answer| {
        answer["question"]["kind"] = "consultation".into();
        answer["question"]["letters"] = "A".into();
        answer["question"].as_object_mut().unwrap().remove("number");
        answer["further_questions"] = serde_json::json!([{"letters": "B", "text": "Hvad?"}]);
        answer["answer"]["blocks"][0] = serde_json::json!({"heading": "Ad samrådsspørgsmål C"});
    });
    assert!(
        report.contains(
            "advarsel: overskriften nævner samrådsspørgsmål C, men svaret besvarer \
             samrådsspørgsmål A og B\n"
        ),
        "{report}"
    );
}

#[test]
fn a_range_of_question_numbers_svar_writes_takes_an_en_dash() {
    // Review 33: "spørgsmål nr. 15-19" with a hyphen in the cover sentence and the title.
    let folder = tempfile::tempdir().unwrap();
    let answer = edited_fixture("joint-cover-letter.json", folder.path(), |answer| {
        answer["further_questions"] = (16..=19)
            .map(|number| serde_json::json!({"number": number, "text": "Hvad?"}))
            .collect();
        // A heading may name the range as svar does.
        answer["answer"]["blocks"][3]["heading"] = "Ad spørgsmål nr. 15\u{2013}19".into();
    });
    let output = svar().arg("check").arg(&answer).output().unwrap();
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(!report.contains("overskriften"), "{report}");
    let pdf = render_into(&answer, folder.path());
    let page = pdf_page_text(&pdf, 1);
    assert!(
        page.contains(
            "Hermed sendes besvarelse af spørgsmål nr. 15\u{2013}19 (Alm. del), som Folketingets"
        ),
        "{page}"
    );
    assert!(pdf_metadata(&pdf).0.starts_with(
        "Svar på spørgsmål nr. 15\u{2013}19 (Alm. del) fra Folketingets Udvalg for Forretningsordenen"
    ));
}
