//! Regeneration is exact: every answer in data/ (and the complete fixture) renders to the same
//! bytes twice, and to the bytes recorded in tests/output-hashes.txt, so an unintended change of
//! output shows up in review.
//!
//! After an intended change of output (templates, fonts, svar's version), re-bless with
//! `SVAR_BLESS=1 cargo test --release --test regeneration` and commit the new hashes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use sha2::{Digest, Sha256};

mod common;

use common::{crate_root, fixture, json_files};

/// The answers in data/, by name, and the complete fixture last.
fn answers() -> Vec<PathBuf> {
    let data = crate_root().join("data");
    let mut files: Vec<PathBuf> = json_files("data")
        .into_iter()
        .map(|name| data.join(name))
        .collect();
    files.push(fixture("complete.json"));
    files
}

fn render(file: &Path, pdf: &Path) -> Vec<u8> {
    Command::cargo_bin("svar")
        .unwrap()
        .args(["render", "-o"])
        .arg(pdf)
        .arg(file)
        .assert()
        .success();
    std::fs::read(pdf).unwrap()
}

fn name(file: &Path) -> String {
    file.strip_prefix(crate_root())
        .unwrap()
        .display()
        .to_string()
}

#[test]
fn every_answer_renders_to_the_same_bytes_twice_and_as_recorded() {
    let folder = tempfile::tempdir().unwrap();
    let mut hashes = String::new();
    for file in answers() {
        let first = render(&file, &folder.path().join("first.pdf"));
        let second = render(&file, &folder.path().join("second.pdf"));
        assert!(
            first == second,
            "{} rendered to different bytes",
            name(&file)
        );
        let digest = Sha256::digest(&first);
        let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
        writeln!(hashes, "{hex}  {}", name(&file)).unwrap();
    }
    let recorded_path = crate_root().join("tests/output-hashes.txt");
    if std::env::var_os("SVAR_BLESS").is_some() {
        std::fs::write(&recorded_path, &hashes).unwrap();
    }
    let recorded = std::fs::read_to_string(&recorded_path).unwrap_or_default();
    assert!(
        recorded == hashes,
        "the PDFs changed:\n--- recorded\n{recorded}--- now\n{hashes}\nIf the change is intended, \
         re-bless: SVAR_BLESS=1 cargo test --release --test regeneration"
    );
}

#[test]
fn every_pdf_carries_its_answer_as_an_attached_file() {
    let folder = tempfile::tempdir().unwrap();
    for file in answers() {
        let pdf = folder.path().join("answer.pdf");
        render(&file, &pdf);
        let extracted = folder.path().join("svar.json");
        let _ = std::fs::remove_file(&extracted);
        let status = std::process::Command::new("pdfdetach")
            .args(["-savefile", "svar.json", "-o"])
            .arg(&extracted)
            .arg(&pdf)
            .status()
            .expect("pdfdetach (poppler-utils) is needed: apt-get install poppler-utils");
        assert!(
            status.success(),
            "{} has no svar.json attached",
            name(&file)
        );
        let attached = std::fs::read_to_string(&extracted).unwrap();
        let original = std::fs::read_to_string(&file).unwrap();
        let parse = |text: &str| {
            svar::input::check_text(text, Path::new("x.json"))
                .0
                .unwrap()
        };
        let mut original = parse(&original);
        // The editor's hint to the schema is left out: it is a path from the answer's folder.
        original.schema = None;
        assert!(!attached.contains("$schema"), "{}", name(&file));
        assert_eq!(parse(&attached), original, "{}", name(&file));
    }
}
