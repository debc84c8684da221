//! Quotation marks around statements: where the quotation opens and closes when a statement
//! starts or ends with something other than a paragraph.

mod common;

use common::{fixture, pdf_text, render_into};

/// The text of the PDF rendered from `tests/fixtures/quotations/<name>`.
fn rendered_text(name: &str) -> String {
    let folder = tempfile::tempdir().unwrap();
    pdf_text(&render_into(
        &fixture(&format!("quotations/{name}")),
        folder.path(),
    ))
}

#[test]
fn a_statement_quoted_inside_a_statement_takes_the_same_marks_and_closes_both() {
    let text = rendered_text("nested-statement.json");
    assert!(
        text.contains("”Forsvarskommandoen har spurgt Hærens Operative Kommando."),
        "{text}"
    );
    assert!(
        text.contains("Hærens Operative Kommando har oplyst følgende:"),
        "{text}"
    );
    // As the ministries quote within quotations: ”… udspillet ”Respekt for voldtægtsofre” …”.
    assert!(text.contains("”Granaterne er destrueret.””"), "{text}");
}

#[test]
fn a_statement_opening_with_a_table_opens_its_quotation_before_the_caption() {
    let text = rendered_text("statement-opening-with-a-table.json");
    assert!(text.contains("”Tabel 1: Sager fordelt på år"), "{text}");
    assert!(text.contains("Tallene er foreløbige.”"), "{text}");
    assert!(
        !text.lines().any(|line| line.trim() == "”"),
        "a quotation mark on a line of its own: {text}"
    );
}

#[test]
fn spaces_pasted_around_a_text_do_not_come_between_it_and_its_quotation_marks() {
    let text = rendered_text("spaces-around-texts.json");
    assert!(
        text.contains("”Kan statsministeren oplyse, hvor granaterne er?”"),
        "{text}"
    );
    assert!(text.contains("”Granaterne er destrueret."), "{text}");
    assert!(text.contains("andet punkt”"), "{text}");
    for loose in ["” Kan", "er? ”", "” Granaterne", "punkt ”"] {
        assert!(!text.contains(loose), "{loose:?} in {text}");
    }
}

#[test]
fn an_empty_introduction_prints_none_where_the_paragraph_before_introduces_the_statement() {
    // The real answers say "…, der har oplyst følgende:" and quote straight after; the default
    // "Forsvarskommandoen har oplyst følgende:" would say it twice.
    let text = rendered_text("statement-without-introduction.json");
    assert!(
        text.contains("der har oplyst følgende: ”Granaterne er destrueret.” Statsministeriet"),
        "{text}"
    );
    assert!(!text.contains("Forsvarskommandoen har oplyst"), "{text}");
}

#[test]
fn a_table_without_caption_carries_the_quotation_marks_on_its_first_and_last_cells() {
    // The marks stood alone on a line above the header row and below the total row.
    let text = rendered_text("statements-with-uncaptioned-tables.json");
    assert!(text.contains("”År"), "{text}");
    assert!(text.contains("Tallene er foreløbige.”"), "{text}");
    assert!(text.contains("31”"), "{text}");
    assert!(
        !text.lines().any(|line| line.trim() == "”"),
        "a quotation mark on a line of its own: {text}"
    );
}
