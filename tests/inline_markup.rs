//! Inline markup, driving the real binary: with `"markup": "markdown"` an answer's emphasis,
//! links and footnotes are typeset (and their delimiters vanish), while a line starting
//! "1. januar" stays text; without it every character prints as written. `svar check` reports
//! footnotes that need Markdown, missing and unused footnotes and links to local files (exact
//! messages in snapshots), and hostile text under Markdown prints literally instead of running.
//!
//! tests/fixtures/markdown.json uses every construct; each file under tests/fixtures/markup/ is
//! a copy of it with one thing changed.

use std::path::Path;

mod common;

use common::{check_output, fixture, pdf_page_text, pdf_text, render_into, svar};
use predicates::prelude::*;

/// The targets of the web links (URI actions) on the PDF's pages, read with a PDF parser.
fn link_targets(pdf: &Path) -> Vec<String> {
    let document = lopdf::Document::load(pdf).unwrap();
    let resolve = |object: &lopdf::Object| -> lopdf::Object {
        document.dereference(object).unwrap().1.clone()
    };
    let mut targets = Vec::new();
    for page in document.get_pages().values() {
        let page = document.get_dictionary(*page).unwrap();
        let Ok(annotations) = page.get(b"Annots") else {
            continue;
        };
        for annotation in resolve(annotations).as_array().unwrap() {
            let annotation = resolve(annotation);
            let annotation = annotation.as_dict().unwrap();
            if annotation.get(b"Subtype").unwrap().as_name().unwrap() != b"Link" {
                continue;
            }
            // A footnote mark links inside the document (a destination, no action).
            let Ok(action) = annotation.get(b"A") else {
                continue;
            };
            let action = resolve(action);
            let action = action.as_dict().unwrap();
            assert_eq!(action.get(b"S").unwrap().as_name().unwrap(), b"URI");
            let uri = action.get(b"URI").unwrap().as_str().unwrap();
            targets.push(String::from_utf8(uri.to_vec()).unwrap());
        }
    }
    targets
}

/// One word as `pdftotext -bbox` places it on the page (points from the top left).
#[derive(Debug)]
struct Word {
    text: String,
    x: f64,
    y: f64,
}

/// The words of page 1 with their positions.
fn words_of_page_one(pdf: &Path) -> Vec<Word> {
    let output = std::process::Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed: apt-get install poppler-utils");
    let html = String::from_utf8_lossy(&output.stdout);
    let attribute = |line: &str, name: &str| -> f64 {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + line[start..].find('"').unwrap();
        line[start..end].parse().unwrap()
    };
    html.lines()
        .map(str::trim)
        .filter(|line| line.starts_with("<word "))
        .map(|line| {
            let text_start = line.find('>').unwrap() + 1;
            let text_end = line.rfind("</word>").unwrap();
            Word {
                text: line[text_start..text_end].to_string(),
                x: attribute(line, "xMin"),
                y: attribute(line, "yMin"),
            }
        })
        .collect()
}

/// The first word `first` directly followed by the word `second`.
fn word_before<'a>(words: &'a [Word], first: &str, second: &str) -> &'a Word {
    words
        .windows(2)
        .find(|pair| pair[0].text == first && pair[1].text == second)
        .map(|pair| &pair[0])
        .unwrap_or_else(|| panic!("no {first:?} before {second:?} in {words:?}"))
}

#[test]
fn markdown_emphasis_vanishes_into_the_text_and_the_footnote_is_printed() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("markdown.json"), folder.path());
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Justitsministeriet har indhentet en udtalelse fra Rigspolitiet."),
        "{text}"
    );
    assert!(
        !text.contains('*'),
        "a Markdown delimiter was printed:\n{text}"
    );
    assert!(!text.contains("[^1]"), "{text}");
    // The footnote's mark follows the sentence, and its text (with the link's words, not its
    // Markdown) is at the foot of the page.
    assert!(
        text.contains("fra Rigspolitiet.1 1. januar 2011 er en dato, ikke en liste."),
        "{text}"
    );
    let page_one = pdf_page_text(&pdf, 1);
    assert!(
        page_one.contains("1 Jf. Folketingets hjemmeside."),
        "{page_one}"
    );
    assert!(!page_one.contains("](https"), "{page_one}");
}

#[test]
fn a_footnote_that_does_not_print_is_not_published_in_the_attached_answer() {
    // The attached answer goes out with the PDF: a note never referred to, or a plain-text
    // answer's notes, were published there though no page shows them (review 29, 2).
    let folders: Vec<_> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    let unused = render_into(&fixture("markup/unused-footnote.json"), folders[0].path());
    let attached = common::attached_answer(&unused);
    assert!(
        attached.contains("Jf. [Folketingets hjemmeside]"),
        "{attached}"
    );
    assert!(!attached.contains("Jf. retsplejeloven."), "{attached}");
    // The answer file compared with its PDF shows no change: it prints nothing more.
    let compared = svar()
        .arg("diff")
        .arg(fixture("markup/unused-footnote.json"))
        .arg(&unused)
        .assert();
    compared.code(0);
    // What the page shows is all there is: the attached answer renders the same PDF.
    let again = folders[1].path().join("svar.json");
    std::fs::write(&again, &attached).unwrap();
    let rendered = render_into(&again, folders[1].path());
    assert_eq!(
        std::fs::read(rendered).unwrap(),
        std::fs::read(&unused).unwrap()
    );
    // Without Markdown no footnote prints, and none is attached.
    let plain = folders[2].path().join("svar.json");
    let text = std::fs::read_to_string(fixture("markup/unused-footnote.json")).unwrap();
    std::fs::write(&plain, text.replace("\"markup\": \"markdown\",", "")).unwrap();
    let attached = common::attached_answer(&render_into(&plain, folders[2].path()));
    assert!(!attached.contains("\"footnotes\""), "{attached}");
}

#[test]
fn a_line_starting_like_a_numbered_list_stays_a_line_of_the_paragraph() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("markdown.json"), folder.path());
    let words = words_of_page_one(&pdf);
    let paragraph = word_before(&words, "Justitsministeriet", "har");
    let date = word_before(&words, "1.", "januar");
    let item = word_before(&words, "–", "Første");
    // The line break is kept: "1. januar" starts the next line, at the paragraph's left edge,
    // not indented like a list item.
    assert!(date.y > paragraph.y + 5.0, "{paragraph:?} {date:?}");
    assert!((date.x - paragraph.x).abs() < 0.5, "{paragraph:?} {date:?}");
    assert!(
        item.x > paragraph.x + 2.0,
        "a real list item is indented: {item:?}"
    );
}

#[test]
fn a_markdown_link_becomes_a_link_annotation() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("markdown.json"), folder.path());
    assert_eq!(link_targets(&pdf), ["https://www.ft.dk"]);
}

#[test]
fn without_markup_every_character_prints_as_written() {
    // tests/fixtures/markup/literal.json is markdown.json without "markup".
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("markup/literal.json"), folder.path());
    let text = pdf_text(&pdf);
    assert!(
        text.contains(
            "Justitsministeriet har *indhentet* en **udtalelse** fra Rigspolitiet.[^1] 1. januar 2011 er en dato, ikke en liste."
        ),
        "{text}"
    );
    assert!(!text.contains("Jf. Folketingets hjemmeside"), "{text}");
    assert_eq!(link_targets(&pdf), Vec::<String>::new());
}

#[test]
fn hostile_text_under_markdown_prints_literally() {
    // The last paragraph of tests/fixtures/markup/hostile.json is
    // *#read("/etc/passwd")* [x](https://a.dk/"),read("x) `#eval("1")`
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("markup/hostile.json"), folder.path());
    let text = pdf_text(&pdf);
    // Straight quotes print as the Danish ” (src/escape.rs); the emphasis stars are Markdown
    // delimiters, code prints as written with its backticks, and the link's target is not
    // printed.
    assert!(
        text.contains("– Andet punkt #read(”/etc/passwd”) x,read(”x) `#eval(”1”)` Lars Barfoed"),
        "{text}"
    );
    assert!(!text.contains('*'), "{text}");
    assert!(!text.contains("root:"), "a file was read:\n{text}");
    // The link ends at the first ')' and keeps its quote inside the target; the footnote's
    // link is there too.
    let mut targets = link_targets(&pdf);
    targets.sort();
    assert_eq!(targets, ["https://a.dk/\"", "https://www.ft.dk"]);
}

#[test]
fn the_fixture_itself_has_no_findings() {
    for file in [
        "tests/fixtures/markdown.json",
        "tests/fixtures/markup/hostile.json",
    ] {
        svar()
            .args(["check", file])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("i orden (0 fejl, 0 advarsler)"));
    }
}

#[test]
fn each_markup_mistake_has_its_exact_message_and_exit_code() {
    // (file, exit code): warnings alone pass the check, errors fail it.
    for (name, code) in [
        // Footnotes without "markup": "markdown" would never print: a warning.
        ("literal", 0),
        // "[^9]" with only footnote 1: an error.
        ("missing-footnote", 1),
        // A link to file:///etc/passwd: an error.
        ("file-link", 1),
        // Footnote 2 that no text refers to: a warning.
        ("unused-footnote", 0),
        // Emphasis 20 levels deep, which Typst would give up on: an error.
        ("deep-emphasis", 1),
        // Emphasis in a caption and a footnote reference in a column header, which print as
        // written: a warning each.
        ("formatting-in-caption", 0),
        // "3.478[^1] sager", whose copied text reads "3.4781 sager": a warning.
        ("footnote-after-figure", 0),
    ] {
        let (actual, report) = check_output(&format!("tests/fixtures/markup/{name}.json"));
        assert_eq!(actual, code, "{report}");
        insta::assert_snapshot!(name, report);
    }
}

#[test]
fn the_key_sentence_of_each_finding() {
    for (name, message) in [
        (
            "literal",
            "advarsel: fodnoter sættes kun, når teksterne læses som markdown",
        ),
        ("missing-footnote", "fejl: fodnoten [^9] findes ikke"),
        ("file-link", "fejl: linket går til \"file:///etc/passwd\""),
        ("unused-footnote", "advarsel: fodnoten [^2] bruges ikke"),
        (
            "deep-emphasis",
            "fejl: fremhævninger og links er lagt 20 niveauer i hinanden; højst 8 kan sættes",
        ),
        (
            "formatting-in-caption",
            "advarsel: her læses teksten ikke som markdown: tegnene trykkes, som de står",
        ),
        (
            "footnote-after-figure",
            "advarsel: fodnotens nummer står lige efter et tal og smelter sammen med det",
        ),
    ] {
        svar()
            .arg("check")
            .arg(format!("tests/fixtures/markup/{name}.json"))
            .assert()
            .stderr(predicate::str::contains(message));
    }
}

#[test]
fn an_answer_with_a_markup_error_is_not_rendered() {
    let folder = tempfile::tempdir().unwrap();
    for (name, message) in [
        ("missing-footnote", "fodnoten [^9] findes ikke"),
        ("file-link", "linket går til \"file:///etc/passwd\""),
        (
            "deep-emphasis",
            "fremhævninger og links er lagt 20 niveauer i hinanden",
        ),
    ] {
        let pdf = folder.path().join(format!("{name}.pdf"));
        svar()
            .arg("render")
            .arg(fixture(&format!("markup/{name}.json")))
            .arg("-o")
            .arg(&pdf)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(message));
        assert!(!pdf.exists(), "{name}");
    }
}

#[test]
fn diff_names_a_changed_footnote_and_a_changed_markup_setting() {
    let folder = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("markdown.json")).unwrap();
    let original: serde_json::Value = serde_json::from_str(&text).unwrap();
    let write = |name: &str, answer: &serde_json::Value| {
        let path = folder.path().join(name);
        std::fs::write(&path, serde_json::to_string_pretty(answer).unwrap()).unwrap();
        path
    };
    let mut changed = original.clone();
    changed["footnotes"]["1"] = "Jf. Folketingets netsted.".into();
    let footnote = write("footnote.json", &changed);
    let mut changed = original.clone();
    changed["markup"] = "plain".into();
    let plain = write("plain.json", &changed);
    for (new, expected) in [
        (
            footnote,
            // The link's brackets are marks apart from the words, so the kept word shows.
            "\nFodnote 1: ændret\n    Jf. [-[-]Folketingets [-hjemmeside](https://www.ft.dk)-]{+netsted+}.\n\n1 ændring.\n",
        ),
        (
            plain,
            // What prints otherwise without Markdown is named too: the paragraph whose marks,
            // footnote reference and line break now print as written, and the footnote, which
            // no longer prints.
            "\nTekstformat: markdown → ordret\n\
             Svar, afsnit 1: ændret\n    \
             Justitsministeriet har {+*+}indhentet{+*+} en {+**+}udtalelse{+**+} fra \
             Rigspolitiet.[-\n    -]{+[^1] +}1. januar 2011 er en dato, ikke en liste.\n\
             Fodnote 1: fjernet\n    \
             - Jf. [Folketingets hjemmeside](https://www.ft.dk).\n\n\
             3 ændringer.\n",
        ),
    ] {
        svar()
            .args(["diff", "--no-color", "tests/fixtures/markdown.json"])
            .arg(&new)
            .assert()
            .code(1)
            .stdout(predicate::str::contains(expected));
    }
}

#[test]
fn a_footnote_referred_to_twice_is_printed_once_and_keeps_its_number() {
    let folder = tempfile::tempdir().unwrap();
    let mut answer: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("markdown.json")).unwrap()).unwrap();
    answer["answer"]["blocks"][0]["paragraph"] = "Første henvisning.[^1]".into();
    answer["answer"]["blocks"][3]["paragraph"] = "Anden henvisning.[^1]".into();
    let file = folder.path().join("twice.json");
    std::fs::write(&file, answer.to_string()).unwrap();
    let pdf = render_into(&file, folder.path());
    let text = pdf_text(&pdf);
    assert_eq!(
        text.matches("Jf. Folketingets hjemmeside.").count(),
        1,
        "{text}"
    );
    assert!(text.contains("Første henvisning.1"), "{text}");
    assert!(text.contains("Anden henvisning.1"), "{text}");
}

#[test]
fn a_markup_finding_points_at_the_reference_and_its_excerpt_shows_it() {
    let fixture = "tests/fixtures/markup/references-in-long-paragraph.json";
    let text = std::fs::read_to_string(common::crate_root().join(fixture)).unwrap();
    let line = text
        .lines()
        .position(|line| line.contains("[Rigspolitiets hjemmeside]"))
        .unwrap();
    let written = text.lines().nth(line).unwrap();
    // Columns count characters from 1.
    let column = |part: &str| written[..written.find(part).unwrap()].chars().count() as u64 + 1;
    let output = svar()
        .args(["check", "--format", "json", fixture])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = &report["files"][0]["findings"];
    let at = |message: &str| {
        let finding = findings
            .as_array()
            .unwrap()
            .iter()
            .find(|finding| finding["message"].as_str().unwrap().contains(message))
            .unwrap_or_else(|| panic!("{message}: {findings}"));
        (
            finding["line"].as_u64().unwrap(),
            finding["column"].as_u64().unwrap(),
        )
    };
    let line = line as u64 + 1;
    assert_eq!(
        at("linket går til"),
        (line, column("[Rigspolitiets hjemmeside]"))
    );
    assert_eq!(at("fodnoten [^9] findes ikke"), (line, column("[^9]")));
    // The line is too long to show whole; what is shown holds the link it is about.
    let output = svar().args(["check", fixture]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("[Rigspolitiets hjemmeside](www.politi.dk/statistik)"),
        "{stderr}"
    );
}

#[test]
fn an_agency_s_name_in_the_default_introduction_prints_as_written_under_markdown() {
    // The checks tell the clerk that a statement's source prints as it stands; so it does in
    // svar's sentence around it, "… har oplyst følgende:", also in a Markdown answer.
    let folder = tempfile::tempdir().unwrap();
    let answer = common::edited_fixture("markdown.json", folder.path(), |answer| {
        let statement = &mut answer["answer"]["blocks"][1]["statement"];
        assert_eq!(statement["source"], "Rigspolitiet");
        statement["source"] = "Styrelsen for Arbejdsmarkedet & Rekruttering *STAR*".into();
    });
    let pdf = render_into(&answer, folder.path());
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Styrelsen for Arbejdsmarkedet & Rekruttering *STAR* har oplyst følgende:"),
        "{text}"
    );
}
