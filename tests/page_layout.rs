//! How the page is laid out where the text alone does not show it: what is kept together over a
//! page break, and how wide a table's columns are. Read back from the PDF with pdftotext.

mod common;

use common::{fixture, pdf_page_text, render_into};

/// The number of pages of `pdf`, as pdfinfo (poppler-utils) reads it.
fn page_count(pdf: &std::path::Path) -> u32 {
    let output = std::process::Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&output.stdout).into_owned();
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .expect("pdfinfo names the number of pages")
}

#[test]
fn a_statement_introduction_is_never_left_alone_at_the_foot_of_a_page() {
    // 33 paragraphs and a table fill page 2 to where only the introduction would still fit.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("statement-at-page-foot.json"), folder.path());
    let introduction = "Rigspolitiet har oplyst følgende:";
    let pages: Vec<String> = (1..=page_count(&pdf))
        .map(|page| pdf_page_text(&pdf, page))
        .collect();
    let page = pages
        .iter()
        .find(|text| text.contains(introduction))
        .expect("the introduction is printed");
    let after = &page[page.find(introduction).unwrap() + introduction.len()..];
    assert!(
        after
            .trim_start()
            .starts_with("”Dette er en almindelig sætning"),
        "the statement does not follow its introduction on the same page: {after:?}"
    );
}
