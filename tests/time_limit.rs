//! A template that never finishes must not hang svar: the compile is given up after the limit.
//! (In a file of its own: the abandoned compile keeps a core busy until this test process ends.)

use std::path::Path;
use std::time::{Duration, Instant};

use svar::limit::{LimitError, run_with_limit};
use svar::render::TemplateSet;

#[test]
fn an_endless_template_is_stopped_by_the_time_limit() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/complete.json");
    let answer = svar::input::load(&path).unwrap().answer;
    let templates =
        TemplateSet::builtin().with_file("answer.typ", "#for i in range(1000000000) {}\n");
    let limit = Duration::from_millis(300);
    let started = Instant::now();
    let result = run_with_limit(limit, move || {
        svar::typeset(&answer, &templates).map(|t| t.page_count())
    });
    assert!(
        matches!(result, Err(LimitError::TimedOut { .. })),
        "{result:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    let message = result.unwrap_err().to_string();
    assert!(message.contains("inden for 0,3 sekunder"), "{message}");
}

/// `svar diff --redline` with an own template that loops gives up after `--time-limit` too.
#[test]
fn a_redline_with_an_endless_template_is_stopped_by_the_time_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = tempfile::tempdir().unwrap();
    let templates = folder.path().join("skabeloner");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("answer.typ"),
        "#for i in range(1000000000) {}\n",
    )
    .unwrap();
    let redline = folder.path().join("redline.pdf");
    let started = Instant::now();
    let output = assert_cmd::Command::cargo_bin("svar")
        .unwrap()
        .args(["diff", "--no-color", "--time-limit", "0.5", "--templates"])
        .arg(&templates)
        .arg("--redline")
        .arg(&redline)
        .arg(root.join("tests/fixtures/diff/changed-cell/old.json"))
        .arg(root.join("tests/fixtures/diff/changed-cell/new.json"))
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("Typst blev ikke færdig inden for 0,5 sekunder"),
        "{message}"
    );
    assert!(!redline.exists());
}
