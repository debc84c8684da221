//! Helpers the end-to-end tests share: where the fixtures are, the binary, and the text of a
//! PDF as pdftotext reads it.

// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

/// The crate's root folder.
pub(crate) fn crate_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file under tests/fixtures/.
pub(crate) fn fixture(name: &str) -> PathBuf {
    crate_root().join("tests/fixtures").join(name)
}

/// The names of the answer files (`*.json`) in a folder under the crate root, sorted.
pub(crate) fn json_files(folder: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(crate_root().join(folder))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
}

/// The svar binary, run from the crate root without colours.
pub(crate) fn svar() -> Command {
    let mut command = Command::cargo_bin("svar").unwrap();
    command.current_dir(crate_root()).env("NO_COLOR", "1");
    command
}

/// The whole text of a PDF, words separated by single spaces.
pub(crate) fn pdf_text(pdf: &Path) -> String {
    extract_text(pdf, &[])
}

/// The text of one page of a PDF (counted from 1), words separated by single spaces.
pub(crate) fn pdf_page_text(pdf: &Path, page: u32) -> String {
    let page = page.to_string();
    extract_text(pdf, &["-f", &page, "-l", &page])
}

/// The lines of one page of a PDF (counted from 1) as pdftotext reads them, a word Typst
/// hyphenated at a line end left as it ends there.
pub(crate) fn pdf_page_lines(pdf: &Path, page: u32) -> Vec<String> {
    let page = page.to_string();
    let text = raw_text(pdf, &["-f", &page, "-l", &page]);
    text.lines().map(str::to_string).collect()
}

/// Runs pdftotext (poppler-utils); a word Typst hyphenated at a line end is joined again.
fn extract_text(pdf: &Path, options: &[&str]) -> String {
    let text = raw_text(pdf, options).replace("\u{ad}\n", "");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text pdftotext (poppler-utils) reads from a PDF, lines as it finds them.
///
/// Panics if pdftotext fails or finds no text: every PDF svar writes has text, and an empty
/// text would let every assertion that something is absent pass without looking.
fn raw_text(pdf: &Path, options: &[&str]) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(options)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed: apt-get install poppler-utils");
    assert!(
        output.status.success(),
        "pdftotext {options:?} {} failed ({}): {}",
        pdf.display(),
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        !text.trim().is_empty(),
        "pdftotext {options:?} {} found no text",
        pdf.display()
    );
    text
}

/// Renders `answer` with the binary to the PDF `pdf`, which must succeed.
pub(crate) fn render_to(answer: impl AsRef<std::ffi::OsStr>, pdf: impl AsRef<std::ffi::OsStr>) {
    svar()
        .arg("render")
        .arg(answer)
        .arg("-o")
        .arg(pdf)
        .assert()
        .success();
}

/// Renders `answer` with the binary into `folder/svar.pdf` and returns that path.
pub(crate) fn render_into(answer: &Path, folder: &Path) -> PathBuf {
    render_with(answer.as_os_str(), folder, &[])
}

/// Renders `answer` into `folder/svar.pdf` with extra `render` arguments; returns the path.
/// Typst must not warn: with the built-in templates every layout settles and every font is
/// svar's own.
pub(crate) fn render_with(answer: &std::ffi::OsStr, folder: &Path, extra: &[&str]) -> PathBuf {
    let pdf = folder.join("svar.pdf");
    svar()
        .arg("render")
        .arg(answer)
        .arg("-o")
        .arg(&pdf)
        .args(extra)
        .assert()
        .success()
        .stderr(predicates::str::contains("Typst advarer").not());
    pdf
}

/// The answer file `pdf` carries (`svar.json`), as text, saved beside it by pdfdetach
/// (poppler-utils).
pub(crate) fn attached_answer(pdf: &Path) -> String {
    let saved = pdf.with_extension("attached.json");
    let status = std::process::Command::new("pdfdetach")
        .args(["-savefile", "svar.json", "-o"])
        .arg(&saved)
        .arg(pdf)
        .status()
        .expect("pdfdetach (poppler-utils) is needed");
    assert!(status.success(), "pdfdetach found no svar.json in {pdf:?}");
    std::fs::read_to_string(saved).unwrap()
}

/// Runs `svar check` on a file (relative to the crate root): its exit code, and a report of
/// the code, stderr and stdout for a snapshot.
pub(crate) fn check_output(relative: &str) -> (i32, String) {
    let output = svar().args(["check", relative]).output().unwrap();
    let code = output.status.code().unwrap_or(-1);
    let report = format!(
        "exit: {code}\n--- stderr\n{}--- stdout\n{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    (code, report)
}

/// The finding of a `svar check` report (its stderr) that begins with the line `first`, each
/// of its lines ending in a line break; the findings are in the order of the file, so a test
/// of one finding must not depend on which others come before it.
pub(crate) fn finding(report: &str, first: &str) -> String {
    (report.split("\n\n"))
        .find(|finding| finding.starts_with(&format!("{first}\n")))
        .map(|finding| format!("{finding}\n"))
        .unwrap_or_else(|| panic!("no finding {first:?} in:\n{report}"))
}

/// The PDF's title, author, language and creation date, read with a PDF parser.
pub(crate) fn pdf_metadata(path: &Path) -> (String, String, String, Option<String>) {
    let document = lopdf::Document::load(path).unwrap();
    let info_id = document
        .trailer
        .get(b"Info")
        .unwrap()
        .as_reference()
        .unwrap();
    let info = document.get_dictionary(info_id).unwrap();
    let text = |dictionary: &lopdf::Dictionary, key: &[u8]| {
        let object = dictionary.get(key).unwrap();
        lopdf::decode_text_string(object).unwrap()
    };
    let catalog = document.catalog().unwrap();
    let date = info
        .get(b"CreationDate")
        .ok()
        .map(|date| lopdf::decode_text_string(date).unwrap());
    (
        text(info, b"Title"),
        text(info, b"Author"),
        text(catalog, b"Lang"),
        date,
    )
}

/// `name` from tests/fixtures with `edit` applied, written into `folder` beside a copy of the
/// fixtures' ministry profiles, which it may name.
pub(crate) fn edited_fixture(
    name: &str,
    folder: &Path,
    edit: impl FnOnce(&mut serde_json::Value),
) -> PathBuf {
    let mut answer: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap();
    edit(&mut answer);
    let ministries = folder.join("ministries");
    std::fs::create_dir_all(&ministries).unwrap();
    for entry in std::fs::read_dir(fixture("ministries")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, ministries.join(path.file_name().unwrap())).unwrap();
    }
    let path = folder.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&answer).unwrap()).unwrap();
    path
}

/// What `svar diff` reports from the fixture `name` to a copy of it with `edit` made.
pub(crate) fn diff_report_after_edit(
    name: &str,
    edit: impl FnOnce(&mut serde_json::Value),
) -> String {
    let folder = tempfile::tempdir().unwrap();
    let new = edited_fixture(name, folder.path(), edit);
    let output = svar()
        .arg("diff")
        .arg(fixture(name))
        .arg(&new)
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `count` copies of the reference answer in `folder/svar`, named `{name}-000.json` on, each
/// answering a question of its own number, so that each is typeset anew rather than taken
/// from Typst's caches; the folder.
pub(crate) fn numbered_examples(folder: &Path, name: &str, count: usize) -> PathBuf {
    let answers = folder.join("svar");
    std::fs::create_dir_all(&answers).unwrap();
    let example = std::fs::read_to_string(crate_root().join("data/beu-287-2019.json")).unwrap();
    for copy in 0..count {
        let numbered = example.replace("\"number\": 287", &format!("\"number\": {}", 1000 + copy));
        std::fs::write(answers.join(format!("{name}-{copy:03}.json")), numbered).unwrap();
    }
    answers
}

/// svar started with `args`, without colours, its standard output and error piped.
pub(crate) fn start_svar<S: AsRef<std::ffi::OsStr>>(
    args: impl IntoIterator<Item = S>,
) -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("svar"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until `folder` holds `count` files or more.
pub(crate) fn wait_for_files(folder: &Path, count: usize) {
    while std::fs::read_dir(folder).map_or(0, Iterator::count) < count {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

/// The fields of the stat file of a process or thread (`/proc/…/stat`) after its command
/// name, which is in parentheses and may hold spaces: the state first, then the parent.
pub(crate) fn stat_fields(path: &str) -> Vec<String> {
    let stat = std::fs::read_to_string(path).unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, after)| after);
    after.split_whitespace().map(str::to_string).collect()
}

/// The processes running now, by process id.
pub(crate) fn processes() -> Vec<String> {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.bytes().all(|byte| byte.is_ascii_digit()))
        .collect()
}

/// The processes whose parent is `pid`.
pub(crate) fn children_of(pid: u32) -> Vec<String> {
    let pid = pid.to_string();
    processes()
        .into_iter()
        .filter(|process| stat_fields(&format!("/proc/{process}/stat")).get(1) == Some(&pid))
        .collect()
}

/// A word of a PDF and its box, in points, as `pdftotext -bbox` (poppler-utils) reads it.
pub(crate) struct Word {
    pub(crate) text: String,
    pub(crate) left: f64,
    pub(crate) right: f64,
    pub(crate) top: f64,
    pub(crate) bottom: f64,
}

/// The words of `pdf`, in reading order.
pub(crate) fn words_of(pdf: &std::path::Path) -> Vec<Word> {
    bbox_words(pdf, &[])
}

/// The words of page `page` of `pdf`, in reading order: lines of other pages that stand at
/// the same height are not mixed in.
pub(crate) fn words_of_page(pdf: &std::path::Path, page: u32) -> Vec<Word> {
    let page = page.to_string();
    bbox_words(pdf, &["-f", &page, "-l", &page])
}

/// The words `pdftotext -bbox` with `options` reads from `pdf`.
fn bbox_words(pdf: &std::path::Path, options: &[&str]) -> Vec<Word> {
    let output = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .args(options)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let page = String::from_utf8_lossy(&output.stdout).into_owned();
    page.lines()
        .filter_map(|line| {
            let number = |key: &str| -> Option<f64> {
                let start = line.find(&format!("{key}=\""))? + key.len() + 2;
                line[start..].split('"').next()?.parse().ok()
            };
            Some(Word {
                text: line.split('>').nth(1)?.split('<').next()?.to_string(),
                left: number("xMin")?,
                right: number("xMax")?,
                top: number("yMin")?,
                bottom: number("yMax")?,
            })
        })
        .collect()
}

/// The words of the line of `pdf` that starts with `first`, with their left and right edges.
pub(crate) fn words_of_line(pdf: &std::path::Path, first: &str) -> Vec<(String, f64, f64)> {
    line_of(words_of(pdf), first)
}

/// The words of the line among `words` that holds the first word `first`, with their left and
/// right edges.
pub(crate) fn line_of(words: Vec<Word>, first: &str) -> Vec<(String, f64, f64)> {
    let top = words
        .iter()
        .find(|word| word.text == first)
        .unwrap_or_else(|| panic!("no line starts with {first:?}"))
        .top;
    words
        .into_iter()
        .filter(|word| (word.top - top).abs() < 1.0)
        .map(|word| (word.text, word.left, word.right))
        .collect()
}
