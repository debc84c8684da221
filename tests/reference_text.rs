//! End-to-end check of the rendered text against the published answer.
//!
//! `tests/fixtures/reference/spm-287-beu-2019.txt` is the text extracted from the real, published
//! PDF of the answer that `data/beu-287-2019.json` encodes (a byte-for-byte copy of the shared
//! reference, so the test runs on a clean clone). This test renders the JSON with the real `svar`
//! binary, extracts the PDF's text with `pdftotext` (poppler-utils) and checks that every word of
//! the reference is in the PDF, in the same order, and that every table row keeps its figures
//! together on one line.
//!
//! The two texts come from different typesetters and different extractions, so they are compared
//! after normalisations. Each exists for one reason:
//!
//! * **Extraction artefacts are dropped from the reference.** The published PDF's footer put a
//!   lone page number on a line of its own ("5"), and its link annotations were extracted as
//!   lines holding only a URL ("http://www.anklagemyndigheden.dk/"). Neither is answer text.
//! * **The table region is cut out of the prose.** From the line starting "Tabel 1:" up to (not
//!   including) "Bemærkninger:" the reference holds table rows; their reading order in a plain
//!   text extraction depends on how each typesetter places cells (svar's plain extraction reads
//!   table 1 column by column). Tables are checked separately, row by row, against
//!   `pdftotext -layout`, which keeps each row on one line.
//! * **Lines are joined and line-end hyphenation is undone.** The reference's line breaks (and
//!   the hyphens the original typesetter added at them, "samråds-" / "spørgsmål") are the old
//!   layout's, not part of the text.
//! * **The prose is split into sentences**, so that a failure names the one sentence that is
//!   missing or garbled instead of "the document differs".
//! * **Both sides are reduced to lowercase letters and digits** (æøå and other letters kept;
//!   whitespace, punctuation, hyphens, soft hyphens and quote marks removed). This makes the
//!   comparison blind to where lines break, to Typst's own hyphenation (soft hyphens U+00AD at
//!   line ends, and `pdftotext` joining "politi-" / "og" into "politiog"), to quote styles
//!   (”…” versus "…") and to spacing. Letters and digits, and their order, must still match
//!   exactly.
//! * **Sentences are searched in order**, each from the end of the previous match, so text that
//!   is present but moved (or duplicated elsewhere) still fails.
//!
//! Text the template prints itself (the heading "Spørgsmål nr. 287 (Alm. del) fra Folketingets
//! Beskæftigelsesudvalg:", "Svar:", the statements' intro lines "Rigsadvokaten har oplyst
//! følgende:") is in the reference too and must be found like the rest. Extra text in the PDF
//! (the ministry's name, the page footers) is allowed.
//!
//! If `pdftotext` or `pdfinfo` is missing the test fails (it never skips): install poppler-utils.

use std::path::Path;
use std::process::Command as StdCommand;

use assert_cmd::Command;

const ANSWER: &str = "data/beu-287-2019.json";
const REFERENCE: &str = "tests/fixtures/reference/spm-287-beu-2019.txt";

#[test]
fn rendered_pdf_contains_the_reference_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = std::fs::read_to_string(root.join(REFERENCE))
        .unwrap_or_else(|e| panic!("cannot read {REFERENCE}: {e}"));

    // 1. One render, into a fresh temporary folder.
    let tmp = tempfile::tempdir().expect("create temp dir");
    let pdf = tmp.path().join("out.pdf");
    let output = Command::cargo_bin("svar")
        .expect("svar binary")
        .current_dir(root)
        .arg("render")
        .arg(ANSWER)
        .arg("-o")
        .arg(&pdf)
        .output()
        .expect("run svar");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success(),
        "svar render failed ({})\nstdout:\n{stdout}\nstderr:\n{stderr}",
        output.status
    );
    assert!(
        pdf.is_file(),
        "svar reported success but wrote no {}",
        pdf.display()
    );

    // 2. Text extraction.
    let plain = poppler("pdftotext", &[pdf.as_os_str(), "-".as_ref()]);
    let layout = poppler(
        "pdftotext",
        &["-layout".as_ref(), pdf.as_os_str(), "-".as_ref()],
    );

    // 3. Prose, in order.
    let (prose_lines, table_lines) = split_reference(&reference);
    check_prose(&sentences(&join_lines(&prose_lines)), &plain);

    // 4. Tables, row by row, in order.
    assert!(
        !table_lines.is_empty(),
        "reference has no table region (\"Tabel 1:\" … \"Bemærkninger:\")"
    );
    check_tables(&table_lines, &layout);

    // 5. Page count and page numbers.
    check_pages(&pdf, &stdout, &plain);
}

// ---------------------------------------------------------------------------------------------
// External tools

/// Runs a poppler-utils tool and returns its stdout; fails (never skips) if the tool is missing.
fn poppler(tool: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = match StdCommand::new(tool).args(args).output() {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "`{tool}` was not found: this test needs poppler-utils. \
             Install it (e.g. `apt-get install poppler-utils`, or run .ci/run) and re-run."
        ),
        Err(e) => panic!("cannot run `{tool}`: {e}"),
    };
    assert!(
        out.status.success(),
        "`{tool} {args:?}` failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("`{tool}` printed invalid UTF-8: {e}"))
}

// ---------------------------------------------------------------------------------------------
// Reference preparation

/// Splits the reference into prose lines and table-region lines (both trimmed, blank lines and
/// extraction artefacts dropped). The table region runs from the line starting "Tabel 1:" up to,
/// not including, the line starting "Bemærkninger:"; everything else is prose.
fn split_reference(reference: &str) -> (Vec<String>, Vec<String>) {
    let mut prose = Vec::new();
    let mut table = Vec::new();
    let mut in_table = false;
    for line in reference.lines() {
        let line = line.trim();
        if line.starts_with("Tabel 1:") {
            in_table = true;
        } else if line.starts_with("Bemærkninger:") {
            in_table = false;
        }
        if line.is_empty() || is_artefact(line) {
            continue;
        }
        if in_table {
            table.push(line.to_owned())
        } else {
            prose.push(line.to_owned())
        }
    }
    (prose, table)
}

/// A line the original PDF's extraction produced that is not answer text: a lone page number
/// (only digits) or a line that is only a URL (an extracted link annotation).
fn is_artefact(line: &str) -> bool {
    let lone_number = line.len() <= 3 && line.chars().all(|c| c.is_ascii_digit());
    let lone_url = (line.starts_with("http://") || line.starts_with("https://"))
        && !line.contains(char::is_whitespace);
    lone_number || lone_url
}

/// Joins lines into one text, undoing line-end hyphenation: a line ending in a hyphen right after
/// a letter ("samråds-") is joined to the next without the hyphen or a space. Any other line end
/// becomes a space.
fn join_lines(lines: &[String]) -> String {
    let mut text = String::new();
    for line in lines {
        if text.ends_with('-') && text.chars().rev().nth(1).is_some_and(char::is_alphabetic) {
            text.pop();
        } else if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

/// Splits prose into sentences: after '.', '?', '!' or ':' followed by whitespace and then an
/// uppercase letter or an opening quote. Abbreviations followed by lowercase or a digit ("bl.a.,",
/// "den 4. februar", "nr. 287", "2014: 8 nationale") do not split; one that is followed by a
/// capital ("f.eks. Midt-") only splits a sentence in two, which the in-order search handles.
/// A fragment shorter than `MIN_SENTENCE` normalised characters (a heading such as "Svar:") is
/// joined to the following sentence, so that a short needle cannot match by chance inside some
/// longer word and must instead sit right before the text that follows it.
fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        current.push(c);
        if matches!(c, '.' | '?' | '!' | ':') {
            // Keep a closing quote with its sentence.
            while i + 1 < chars.len() && matches!(chars[i + 1], '”' | '"' | '’' | ')') {
                i += 1;
                current.push(chars[i]);
            }
            let mut j = i + 1;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            let starts_new = j > i + 1
                && j < chars.len()
                && (chars[j].is_uppercase() || matches!(chars[j], '”' | '"' | '“'));
            if starts_new || j == chars.len() {
                push_sentence(&mut out, &mut current);
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push_sentence(&mut out, &mut current);
    // A short tail has nothing to join: keep it on its own.
    if !normalise(&current).is_empty() {
        out.push(current.trim().to_owned());
    }
    out
}

const MIN_SENTENCE: usize = 12;

fn push_sentence(out: &mut Vec<String>, current: &mut String) {
    let s = current.trim();
    if normalise(s).chars().count() >= MIN_SENTENCE {
        out.push(s.to_owned());
        current.clear();
    } else if !current.is_empty() {
        current.push(' '); // too short: keep it and let the next sentence extend it
    }
}

/// Lowercase letters and digits only: whitespace, punctuation, hyphens (including soft hyphens
/// U+00AD), quote marks and symbols are removed, so line breaks, hyphenation and quote styles do
/// not matter. Letters keep their identity (æ, ø, å, é are kept as they are).
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Checks

/// Every reference sentence, normalised, must occur in the normalised PDF text, in order.
fn check_prose(sentences: &[String], pdf_text: &str) {
    assert!(
        sentences.len() > 50,
        "reference prose split into only {} sentences",
        sentences.len()
    );
    let haystack = normalise(pdf_text);
    let mut from = 0; // byte offset into `haystack`
    for (n, sentence) in sentences.iter().enumerate() {
        let needle = normalise(sentence);
        match haystack[from..].find(&needle) {
            Some(at) => from += at + needle.len(),
            None => {
                let later = if haystack[..from].contains(&needle) {
                    "it occurs only earlier in the PDF: out of order"
                } else {
                    "it does not occur anywhere in the PDF"
                };
                let previous = if n > 0 {
                    sentences[n - 1].as_str()
                } else {
                    "(start)"
                };
                let context: String = haystack[from..].chars().take(300).collect();
                panic!(
                    "reference sentence {} of {} is missing from the PDF text ({later}):\n  \
                     {sentence:?}\nnormalised:\n  {needle:?}\nafter the previous sentence:\n  \
                     {previous:?}\nPDF text (normalised) from there:\n  {context:?}",
                    n + 1,
                    sentences.len()
                );
            }
        }
    }
}

/// Each table-region line of the reference must be found in the PDF's layout text, in order:
/// captions and panel titles as text on one line; rows as their run of figures on one line
/// (numeric tokens joined by single spaces, matched on whole tokens after collapsing the PDF
/// line's whitespace), with the row's label words on that line or within two lines of it.
fn check_tables(table_lines: &[String], layout: &str) {
    let pdf_lines: Vec<String> = layout.lines().map(collapse_whitespace).collect();
    let mut from = 0; // index of the first PDF line still available
    for line in table_lines {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        let numeric = tokens.iter().rev().take_while(|t| is_figure(t)).count();
        let (label_tokens, figure_tokens) = tokens.split_at(tokens.len() - numeric);
        let label = label_tokens.join(" ");

        let found = if figure_tokens.is_empty() {
            // Caption ("Tabel 1: …") or panel title ("A. Antal forhold").
            let wanted = collapse_whitespace(line);
            (from..pdf_lines.len()).find(|&i| pdf_lines[i].contains(&wanted))
        } else {
            let figures = format!(" {} ", figure_tokens.join(" "));
            let wanted_label = normalise(&label);
            (from..pdf_lines.len()).find(|&i| {
                format!(" {} ", pdf_lines[i]).contains(&figures)
                    && (wanted_label.is_empty()
                        || normalise(&window(&pdf_lines, i, 2)).contains(&wanted_label))
            })
        };
        match found {
            Some(i) => from = i + 1,
            None => {
                let context = pdf_lines[from.min(pdf_lines.len())..]
                    .iter()
                    .filter(|l| !l.is_empty())
                    .take(12)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n  ");
                let what = if figure_tokens.is_empty() {
                    "caption/title".to_owned()
                } else {
                    format!(
                        "row (label {label:?}, figures {:?})",
                        figure_tokens.join(" ")
                    )
                };
                panic!(
                    "reference table line {line:?} not found in the PDF's layout text \
                     (as {what}, searching in order from layout line {})\nnext PDF lines:\n  {context}",
                    from + 1
                );
            }
        }
    }
}

/// The page count printed by svar ("(N sider)") equals pdfinfo's; page numbers "Side k af N"
/// are on every page from 2 on and none is on page 1.
fn check_pages(pdf: &Path, stdout: &str, plain: &str) {
    let info = poppler("pdfinfo", &[pdf.as_os_str()]);
    let pdfinfo_pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap_or_else(|| panic!("pdfinfo printed no \"Pages:\" line:\n{info}"))
        .trim()
        .parse()
        .expect("pdfinfo page count is a number");
    let reported: usize = stdout
        .split('(')
        .find_map(|part| part.split_once(" sider)").map(|(n, _)| n.trim().to_owned()))
        .unwrap_or_else(|| panic!("svar's success message has no \"(N sider)\":\n{stdout}"))
        .parse()
        .unwrap_or_else(|e| {
            panic!("page count in svar's message is not a number ({e}):\n{stdout}")
        });
    assert_eq!(
        reported, pdfinfo_pages,
        "svar says {reported} pages, pdfinfo says {pdfinfo_pages}"
    );
    assert!(
        pdfinfo_pages >= 2,
        "expected a multi-page answer, got {pdfinfo_pages} page(s)"
    );

    let text = collapse_whitespace(plain);
    let n = pdfinfo_pages;
    assert!(
        text.contains(&format!("Side 2 af {n}")),
        "\"Side 2 af {n}\" is not in the PDF text"
    );
    assert!(
        !text.contains("Side 1 af"),
        "page 1 must not be numbered, but \"Side 1 af\" is in the PDF text"
    );

    // pdftotext ends every page with a form feed: each page k >= 2 carries its own "Side k af N".
    let pages: Vec<&str> = plain.split('\u{c}').collect();
    assert!(
        pages.len() >= n,
        "pdftotext gave {} page(s), pdfinfo {n}",
        pages.len()
    );
    assert!(
        !pages[0].contains("Side "),
        "page 1 has a page number:\n{}",
        pages[0]
    );
    for (k, page) in pages.iter().enumerate().take(n).skip(1) {
        let wanted = format!("Side {} af {n}", k + 1);
        assert!(
            collapse_whitespace(page).contains(&wanted),
            "page {} lacks {wanted:?}",
            k + 1
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/// A figure in a table row: digits only ("2014", "40", "0").
fn is_figure(token: &str) -> bool {
    !token.is_empty() && token.chars().all(|c| c.is_ascii_digit())
}

/// Runs of whitespace become one space; ends trimmed. Layout extraction pads columns with spaces.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines `i - radius ..= i + radius` joined with spaces (for labels set on a neighbouring line).
fn window(lines: &[String], i: usize, radius: usize) -> String {
    let lo = i.saturating_sub(radius);
    let hi = (i + radius + 1).min(lines.len());
    lines[lo..hi].join(" ")
}
