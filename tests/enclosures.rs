//! Enclosures ("bilag"), driving the real binary: an enclosure is listed under the answer and
//! printed from a page of its own (landscape when asked), `svar check` reports enclosures the
//! text never mentions, mentions of enclosures that are not there, table numbers that do not
//! continue from the answer and empty enclosures (exact messages in snapshots), and `svar diff`
//! names changes inside an enclosure.
//!
//! tests/fixtures/enclosure.json has one landscape enclosure with table 2; each file under
//! tests/fixtures/enclosures/ is a copy of it with one thing changed.

use std::path::Path;

mod common;

use common::{check_output, fixture, pdf_page_text, render_into, svar};
use predicates::prelude::*;

/// Width and height in points of every page, as pdfinfo (poppler-utils) reads them.
fn page_sizes(pdf: &Path) -> Vec<(f64, f64)> {
    let output = std::process::Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) is needed: apt-get install poppler-utils");
    let info = String::from_utf8_lossy(&output.stdout);
    let pages: usize = info
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .expect("pdfinfo names the page count")
        .trim()
        .parse()
        .unwrap();
    let sizes: Vec<(f64, f64)> = info
        .lines()
        .filter(|line| line.starts_with("Page ") && line.contains(" size:"))
        .map(|line| {
            let size = line.split_once("size:").unwrap().1;
            let mut numbers = size
                .split_whitespace()
                .filter_map(|word| word.parse::<f64>().ok());
            (numbers.next().unwrap(), numbers.next().unwrap())
        })
        .collect();
    assert_eq!(sizes.len(), pages, "a size for every page:\n{info}");
    sizes
}

#[test]
fn the_enclosure_gets_a_landscape_page_of_its_own() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("enclosure.json"), folder.path());
    let sizes = page_sizes(&pdf);
    assert_eq!(sizes.len(), 2, "{sizes:?}");
    let ((w1, h1), (w2, h2)) = (sizes[0], sizes[1]);
    assert!(w1 < h1, "page 1 is portrait: {w1} x {h1}");
    assert!(w2 > h2, "page 2 is landscape: {w2} x {h2}");
    // The same A4 sheet, turned.
    assert!(
        (w1 - h2).abs() < 0.01 && (h1 - w2).abs() < 0.01,
        "{sizes:?}"
    );
}

#[test]
fn an_enclosure_without_landscape_stays_portrait() {
    let folder = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("enclosure.json")).unwrap();
    let mut answer: serde_json::Value = serde_json::from_str(&text).unwrap();
    answer["enclosures"][0]
        .as_object_mut()
        .unwrap()
        .remove("landscape")
        .expect("the fixture's enclosure is landscape");
    let portrait = folder.path().join("portrait.json");
    std::fs::write(&portrait, serde_json::to_string_pretty(&answer).unwrap()).unwrap();
    let pdf = render_into(&portrait, folder.path());
    let sizes = page_sizes(&pdf);
    assert!(sizes.len() >= 2, "{sizes:?}");
    assert!(
        sizes.iter().all(|(width, height)| width < height),
        "every page is portrait: {sizes:?}"
    );
    assert!(pdf_page_text(&pdf, 2).starts_with("Bilag 1: Sigtelser fordelt på politikredse"));
}

#[test]
fn the_answer_lists_the_enclosure_and_the_enclosure_page_holds_it() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("enclosure.json"), folder.path());
    let page_one = pdf_page_text(&pdf, 1);
    assert!(
        page_one.contains("Fordelingen på politikredse fremgår af tabel 2 i bilag 1."),
        "{page_one}"
    );
    assert!(
        page_one.contains(
            "Lars Barfoed / Ole Hasselgaard Bilag 1: Sigtelser fordelt på politikredse 2010-2018"
        ),
        "the enclosure list follows the signature:\n{page_one}"
    );
    assert!(
        !page_one.contains("Bornholms Politi"),
        "the enclosure's table is not on page 1:\n{page_one}"
    );

    let page_two = pdf_page_text(&pdf, 2);
    assert!(
        page_two.starts_with(
            "Bilag 1: Sigtelser fordelt på politikredse 2010-2018 Tabellen viser antallet af sigtelser i hver politikreds. Tabel 2: Sigtelser fordelt på politikredse"
        ),
        "{page_two}"
    );
    for expected in [
        "Nordjyllands Politi",
        "Sydsjællands og Lolland-Falsters Politi",
        "Bornholms Politi I alt",
        "Kilde: Rigspolitiet.",
    ] {
        assert!(
            page_two.contains(expected),
            "page 2 lacks {expected:?}:\n{page_two}"
        );
    }
}

#[test]
fn the_fixture_itself_has_no_findings() {
    svar()
        .args(["check", "tests/fixtures/enclosure.json"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("i orden (0 fejl, 0 advarsler)"));
}

#[test]
fn each_enclosure_mistake_has_its_exact_message_and_exit_code() {
    // (file, exit code): warnings alone pass the check, errors fail it.
    for (name, code) in [
        // The sentence "… fremgår af tabel 2 i bilag 1." removed: a warning.
        ("not-mentioned", 0),
        // "… og fordelingen på år af bilag 2." with one enclosure: a warning.
        ("mentions-missing-enclosure", 0),
        // The enclosure's table numbered 1 again after the answer's table 1: an error.
        ("table-numbered-1-again", 1),
        // "blocks": [] in the enclosure: an error.
        ("empty", 1),
    ] {
        let (actual, report) = check_output(&format!("tests/fixtures/enclosures/{name}.json"));
        assert_eq!(actual, code, "{report}");
        insta::assert_snapshot!(name, report);
    }
}

#[test]
fn the_key_sentence_of_each_finding() {
    for (name, message) in [
        ("not-mentioned", "advarsel: bilag 1 nævnes ikke i svaret"),
        (
            "mentions-missing-enclosure",
            "advarsel: teksten henviser til bilag 2, men svaret har 1 bilag",
        ),
        (
            "table-numbered-1-again",
            "tabeller nummereres fortløbende; denne skal have nummer 2",
        ),
        ("empty", "fejl: bilaget er tomt"),
    ] {
        svar()
            .arg("check")
            .arg(format!("tests/fixtures/enclosures/{name}.json"))
            .assert()
            .stderr(predicate::str::contains(message));
    }
}

#[test]
fn an_answer_with_an_error_in_its_enclosure_is_not_rendered() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("svar.pdf");
    svar()
        .arg("render")
        .arg(fixture("enclosures/empty.json"))
        .arg("-o")
        .arg(&pdf)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bilaget er tomt"));
    assert!(!pdf.exists());
}

#[test]
fn diff_names_the_enclosure_title_and_the_changed_cells() {
    // changed.json: the enclosure's title says 2010-2019, Bornholms Politi's 2018 cell is 37
    // instead of 36, and the total follows it (an answer whose total does not add up is
    // refused by diff).
    let output = svar()
        .args([
            "diff",
            "--no-color",
            "tests/fixtures/enclosure.json",
            "tests/fixtures/enclosures/changed.json",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("Bilag 1, titel: ændret"), "{stdout}");
    assert!(
        stdout.contains("\nTabel 2, Bornholms Politi, 2018: 36 → 37\n"),
        "{stdout}"
    );
    let report = format!(
        "exit: {}\n--- stderr\n{}--- stdout\n{stdout}",
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr)
    );
    insta::assert_snapshot!("diff", report);

    let json = svar()
        .args([
            "diff",
            "--format",
            "json",
            "tests/fixtures/enclosure.json",
            "tests/fixtures/enclosures/changed.json",
        ])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let changes = report["changes"].as_array().unwrap();
    let summary: Vec<(&str, &str, &str)> = changes
        .iter()
        .map(|change| {
            (
                change["location"].as_str().unwrap(),
                change["kind"].as_str().unwrap(),
                change["path"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("Bilag 1, titel", "text", "enclosures[0].title"),
            (
                "Tabel 2, Bornholms Politi, 2018",
                "cell",
                "enclosures[0].blocks[1].table.panels[0].rows[11].cells[8]"
            ),
            (
                "Tabel 2, I alt, 2018",
                "cell",
                "enclosures[0].blocks[1].table.panels[0].total.cells[8]"
            ),
        ]
    );
}

#[test]
fn diff_names_a_turned_enclosure() {
    let folder = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("enclosure.json")).unwrap();
    let mut answer: serde_json::Value = serde_json::from_str(&text).unwrap();
    answer["enclosures"][0]["landscape"] = false.into();
    let portrait = folder.path().join("portrait.json");
    std::fs::write(&portrait, serde_json::to_string_pretty(&answer).unwrap()).unwrap();
    svar()
        .args(["diff", "--no-color", "tests/fixtures/enclosure.json"])
        .arg(&portrait)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "\nBilag 1, sider: liggende → stående\n\n1 ændring.\n",
        ));
}

#[test]
fn an_enclosure_sent_as_a_file_of_its_own_is_listed_but_not_set() {
    // "Rigspolitiets notat er vedlagt som bilag 2": an enclosure without blocks was refused as
    // empty, with no way to say that it is sent beside the answer (review 6, item 6).
    let (code, report) = check_output("tests/fixtures/enclosures/separate-file.json");
    assert_eq!(code, 0, "{report}");
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("enclosures/separate-file.json"), folder.path());
    let text = common::pdf_text(&pdf);
    assert!(
        text.contains(
            "Bilag 1: Sigtelser fordelt på politikredse 2010-2018 \
             Bilag 2: Rigspolitiets notat af 3. maj 2019 om opgørelsen"
        ),
        "{text}"
    );
    // Listed once, and no page of its own: the pages are those of the answer with bilag 1.
    assert_eq!(text.matches("Bilag 2:").count(), 1, "{text}");
    let with_one = render_into(&fixture("enclosure.json"), &folder.path().join("one"));
    assert_eq!(page_sizes(&pdf), page_sizes(&with_one));
}

#[test]
fn an_enclosure_is_either_set_or_sent_as_a_file_of_its_own() {
    let folder = tempfile::tempdir().unwrap();
    for (edit, message, hint) in [
        (
            (|enclosure: &mut serde_json::Value| {
                enclosure.as_object_mut().unwrap().remove("blocks");
            }) as fn(&mut serde_json::Value),
            "fejl: bilaget er tomt",
            "= tip: skriv bilagets \"blocks\", eller sæt \"separate_file\": true, hvis bilaget sendes som en fil for sig",
        ),
        (
            |enclosure: &mut serde_json::Value| {
                enclosure["separate_file"] = true.into();
            },
            "fejl: bilaget sendes som en fil for sig og sættes ikke, så dets blokke ville ikke komme med",
            "= tip: fjern \"blocks\", eller fjern \"separate_file\" for at sætte bilaget i svaret",
        ),
        (
            |enclosure: &mut serde_json::Value| {
                enclosure.as_object_mut().unwrap().remove("blocks");
                enclosure["separate_file"] = true.into();
            },
            "fejl: bilaget sendes som en fil for sig og sættes ikke, så det har ingen sider at lægge ned",
            "= tip: fjern \"landscape\"",
        ),
    ] {
        let answer = common::edited_fixture("enclosure.json", folder.path(), |answer| {
            edit(&mut answer["enclosures"][0]);
        });
        let output = svar().arg("check").arg(&answer).output().unwrap();
        let report = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{report}");
        let finding = common::finding(&report, message);
        assert!(finding.contains(&format!("{hint}\n")), "{report}");
    }
}

#[test]
fn diff_names_an_enclosure_set_that_was_sent_as_a_file_of_its_own() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("enclosures")).unwrap();
    let new = common::edited_fixture("enclosures/separate-file.json", folder.path(), |answer| {
        let enclosure = &mut answer["enclosures"][1];
        enclosure.as_object_mut().unwrap().remove("separate_file");
        enclosure["blocks"] = serde_json::json!([{"paragraph": "Notatet."}]);
    });
    let output = svar()
        .args(["diff", "--no-color"])
        .arg(fixture("enclosures/separate-file.json"))
        .arg(&new)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.contains(
            "\nBilag 2, sendes: som en fil for sig → i svaret\nBilag 2, afsnit 1: tilføjet\n"
        ),
        "{report}"
    );
}

/// `svar diff --format json` between the fixture `old` and `new`: each change's location, kind
/// and path.
fn json_changes(old: &Path, new: &Path) -> Vec<(String, String, String)> {
    let output = svar()
        .args(["diff", "--format", "json"])
        .args([old, new])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let field = |change: &serde_json::Value, key: &str| change[key].as_str().unwrap().to_string();
    (report["changes"].as_array().unwrap().iter())
        .map(|change| {
            (
                field(change, "location"),
                field(change, "kind"),
                field(change, "path"),
            )
        })
        .collect()
}

#[test]
fn diff_aligns_enclosures_by_title_and_names_those_renumbered() {
    // Review 16, M1: enclosures were paired by their place, so removing bilag 1 of two read as
    // bilag 1 rewritten into the other and bilag 2 removed.
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("enclosures")).unwrap();
    let old = fixture("enclosures/separate-file.json");
    let edited = |edit: fn(&mut Vec<serde_json::Value>)| {
        common::edited_fixture("enclosures/separate-file.json", folder.path(), |answer| {
            edit(answer["enclosures"].as_array_mut().unwrap());
        })
    };
    let owned = |changes: &[(&str, &str, &str)]| -> Vec<(String, String, String)> {
        (changes.iter())
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect()
    };
    let first_removed = edited(|enclosures| {
        enclosures.remove(0);
    });
    assert_eq!(
        json_changes(&old, &first_removed),
        owned(&[
            ("Bilag 1", "removed", "enclosures[0]"),
            ("Bilag 1, nummer", "value", "enclosures[0]"),
        ])
    );
    let swapped = edited(|enclosures| enclosures.reverse());
    assert_eq!(
        json_changes(&old, &swapped),
        owned(&[
            ("Bilag 1", "moved", "enclosures[0]"),
            ("Bilag 2, nummer", "value", "enclosures[1]"),
        ])
    );
    let retitled = edited(|enclosures| {
        enclosures.insert(
            0,
            serde_json::json!({"title": "Nyt", "blocks": [{"paragraph": "Ny."}]}),
        );
        enclosures[2]["title"] = "Rigspolitiets notat af 4. maj 2019 om opgørelsen".into();
    });
    let report = svar()
        .args(["diff", "--no-color"])
        .args([&old, &retitled])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&report.stdout)
            .lines()
            .filter(|line| line.starts_with("Bilag"))
            .collect::<Vec<_>>(),
        [
            "Bilag 1: tilføjet",
            "Bilag 2, nummer: 1 → 2",
            "Bilag 3, nummer: 2 → 3",
            "Bilag 3, titel: ændret",
        ]
    );
}
