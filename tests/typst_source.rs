//! Snapshots of the Typst source the templates generate, so a reviewer sees every template
//! change as a diff of the markup it produces. Update with `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test --release --test typst_source`) after a deliberate change.

mod common;

use common::{crate_root, json_files};
use svar::render::{TemplateSet, typst_source};

/// The Typst source the built-in templates generate for the answer `file` (relative to the
/// crate root).
fn source_of(file: &str) -> String {
    let path = crate_root().join(file);
    let answer = svar::input::load(&path).unwrap().answer;
    typst_source(&answer, &TemplateSet::builtin(), true)
        .unwrap()
        .source
}

/// Every example in data/: one snapshot each, named after the file.
#[test]
fn every_example_in_data() {
    let files = json_files("data");
    assert!(files.len() >= 5, "{files:?}");
    for file in files {
        let name = file.trim_end_matches(".json");
        insta::assert_snapshot!(format!("data-{name}"), source_of(&format!("data/{file}")));
    }
}

#[test]
fn enclosures_with_a_landscape_table() {
    insta::assert_snapshot!("enclosure", source_of("tests/fixtures/enclosure.json"));
}

#[test]
fn subheadings_in_the_answer_a_statement_and_an_enclosure() {
    insta::assert_snapshot!(
        "headings",
        source_of("tests/fixtures/headings/headings.json")
    );
}

#[test]
fn inline_markdown() {
    insta::assert_snapshot!("markdown", source_of("tests/fixtures/markdown.json"));
}

#[test]
fn every_part_of_the_source_knows_its_template_line() {
    let path = common::fixture("complete.json");
    let answer = svar::input::load(&path).unwrap().answer;
    let generated = typst_source(&answer, &TemplateSet::builtin(), true).unwrap();
    let offset = generated.source.find("#letterhead(").unwrap();
    let template = TemplateSet::builtin();
    let line = template
        .get("answer.typ")
        .unwrap()
        .lines()
        .position(|l| l.starts_with("#letterhead("))
        .unwrap()
        + 1;
    assert_eq!(
        generated.template_position(offset),
        Some(("answer.typ", line))
    );
    let offset = generated.source.find("#data-table(").unwrap();
    assert_eq!(
        generated.template_position(offset).map(|(name, _)| name),
        Some("blocks.typ")
    );
}

#[test]
fn interim_answer() {
    insta::assert_snapshot!("interim", source_of("tests/fixtures/interim.json"));
}

#[test]
fn complete_answer_with_every_optional_field() {
    insta::assert_snapshot!("complete", source_of("tests/fixtures/complete.json"));
}

#[test]
fn a_typst_error_in_a_template_names_the_template_line() {
    let path = common::fixture("complete.json");
    let answer = svar::input::load(&path).unwrap().answer;
    let builtin = TemplateSet::builtin();
    let broken = builtin.get("answer.typ").unwrap().replace(
        "#colon-heading[Svar]",
        "#colon-heading[Svar]\n#undefined-function()",
    );
    let line = broken
        .lines()
        .position(|l| l == "#undefined-function()")
        .unwrap()
        + 1;
    let templates = builtin.clone().with_file("answer.typ", &broken);
    let error = svar::typeset(&answer, &templates)
        .err()
        .expect("the template is broken")
        .to_string();
    assert!(
        error.contains(&format!("(skabelonen answer.typ, linje {line})")),
        "{error}"
    );
    assert!(
        error.contains("unknown variable: undefined-function"),
        "{error}"
    );
}

#[test]
fn grouped_column_headings() {
    insta::assert_snapshot!(
        "column-groups",
        source_of("tests/fixtures/column-groups.json")
    );
}
