//! Snapshots of the Typst source the templates generate, so a reviewer sees every template
//! change as a diff of the markup it produces. Update with `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test --release --test typst_source`) after a deliberate change.

use std::path::Path;

use svar::render::{TemplateSet, typst_source};

fn source_of(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let answer = svar::input::load(&path).unwrap().answer;
    typst_source(&answer, &TemplateSet::builtin(), true)
        .unwrap()
        .source
}

#[test]
fn example_answer() {
    insta::assert_snapshot!("beu-287-2019", source_of("data/beu-287-2019.json"));
}

/// Every example in data/: one snapshot each, named after the file.
#[test]
fn every_example_in_data() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    for file in files {
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        let relative = format!("data/{name}.json");
        insta::assert_snapshot!(format!("data-{name}"), source_of(&relative));
    }
}

#[test]
fn enclosures_with_a_landscape_table() {
    insta::assert_snapshot!("enclosure", source_of("tests/fixtures/enclosure.json"));
}

#[test]
fn inline_markdown() {
    insta::assert_snapshot!("markdown", source_of("tests/fixtures/markdown.json"));
}

#[test]
fn every_part_of_the_source_knows_its_template_line() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/complete.json");
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
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/complete.json");
    let answer = svar::input::load(&path).unwrap().answer;
    let builtin = TemplateSet::builtin();
    let broken = builtin
        .get("answer.typ")
        .unwrap()
        .replace("= Svar:", "= Svar:\n#undefined-function()");
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
