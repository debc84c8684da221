//! Snapshots of the Typst source the templates generate, so a reviewer sees every template
//! change as a diff of the markup it produces. Update with `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test --release --test typst_source`) after a deliberate change.

use std::path::Path;

use svar::render::{TemplateSet, typst_source};

fn source_of(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let answer = svar::input::load(&path).unwrap();
    typst_source(&answer, &TemplateSet::builtin()).unwrap()
}

#[test]
fn example_answer() {
    insta::assert_snapshot!("beu-287-2019", source_of("data/beu-287-2019.json"));
}

#[test]
fn complete_answer_with_every_optional_field() {
    insta::assert_snapshot!("complete", source_of("tests/fixtures/complete.json"));
}
