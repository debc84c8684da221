//! Helpers the end-to-end tests share: where the fixtures are, the binary, and the text of a
//! PDF as pdftotext reads it.

// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The crate's root folder.
pub fn crate_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file under tests/fixtures/.
pub fn fixture(name: &str) -> PathBuf {
    crate_root().join("tests/fixtures").join(name)
}

/// The svar binary, run from the crate root without colours.
pub fn svar() -> Command {
    let mut command = Command::cargo_bin("svar").unwrap();
    command.current_dir(crate_root()).env("NO_COLOR", "1");
    command
}

/// The whole text of a PDF, words separated by single spaces.
pub fn pdf_text(pdf: &Path) -> String {
    extract_text(pdf, &[])
}

/// The text of one page of a PDF (counted from 1), words separated by single spaces.
pub fn pdf_page_text(pdf: &Path, page: u32) -> String {
    let page = page.to_string();
    extract_text(pdf, &["-f", &page, "-l", &page])
}

/// Runs pdftotext (poppler-utils); a word Typst hyphenated at a line end is joined again.
fn extract_text(pdf: &Path, options: &[&str]) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(options)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed: apt-get install poppler-utils");
    let text = String::from_utf8_lossy(&output.stdout).replace("\u{ad}\n", "");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
