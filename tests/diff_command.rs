//! `svar diff`, driving the real binary. Each pair under tests/fixtures/diff/<case>/ (old.json,
//! new.json) has a snapshot of the exact change list a reviewer reads, with its exit status.

use std::path::{Path, PathBuf};

mod common;

use common::{crate_root, fixture, pdf_text, render_into, render_with, svar};
use predicates::prelude::*;

/// The old and new answer files of a case, relative to the crate root.
fn pair(case: &str) -> [String; 2] {
    ["old", "new"].map(|side| format!("tests/fixtures/diff/{case}/{side}.json"))
}

/// The exit status and everything `svar diff` prints for a case.
fn diff_output(case: &str) -> String {
    let output = svar().arg("diff").args(pair(case)).output().unwrap();
    format!(
        "exit: {}\n--- stderr\n{}--- stdout\n{}",
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    )
}

/// The change list as JSON for a case.
fn diff_json(case: &str) -> serde_json::Value {
    let output = svar()
        .args(["diff", "--format", "json"])
        .args(pair(case))
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Renders an answer file (relative to the crate root) to `folder/svar.pdf` with extra arguments.
fn render(answer: &str, folder: &Path, extra: &[&str]) -> PathBuf {
    render_with(answer.as_ref(), folder, extra)
}

#[test]
fn json_gives_a_list_s_items_without_the_markers_the_text_report_shows() {
    // A removed or added list's content came as "– et punkt" and "1) et punkt", where a single
    // item came as "et punkt": a review system had to strip the markers to compare texts.
    let changes = diff_json("numbered-list")["changes"].clone();
    let content = |kind: &str| -> Vec<String> {
        let change = changes
            .as_array()
            .unwrap()
            .iter()
            .find(|change| change["kind"] == kind)
            .unwrap_or_else(|| panic!("a change of kind {kind}"));
        serde_json::from_value(change["content"].clone()).unwrap()
    };
    assert_eq!(content("removed"), ["et punkt", "et andet punkt"]);
    assert_eq!(content("added"), ["et punkt", "et andet punkt"]);
}

#[test]
fn json_gives_every_text_an_added_table_prints_in_print_order() {
    // The header over the row labels, the notes' heading and the notes were missing, so a
    // note added or removed with its table (a source, a caveat) was seen nowhere.
    let changes = diff_json("table-added-with-notes")["changes"].clone();
    assert_eq!(changes[1]["element"], "table");
    assert_eq!(
        changes[1]["content"],
        serde_json::json!([
            "Tabel 1: Gennemgåede eksporttilladelser 1981-1990",
            "Varegruppe: 1981-1985; 1986-1990",
            "Kemikalier: 1981-1985: 14; 1986-1990: 9",
            "Maskiner: 1981-1985: 22; 1986-1990: 31",
            "Laboratorieudstyr: 1981-1985: 5; 1986-1990: 8",
            "Ventiler og pumper: 1981-1985: 11; 1986-1990: 6",
            "I alt: 1981-1985: 52; 1986-1990: 54",
            "Kilde:",
            "Erhvervs- og Boligstyrelsen."
        ])
    );
}

#[test]
fn json_leaves_out_an_introduction_that_prints_nothing() {
    // The statement's `"introduction": ""` came as a first text "", an empty `+` line.
    let changes = diff_json("statement-added-without-introduction")["changes"].clone();
    let statement = (changes.as_array().unwrap().iter())
        .find(|change| change["location"] == "Danske Regioners udtalelse")
        .unwrap();
    assert_eq!(
        statement["content"][0],
        "Regionerne har ikke opgjort, hvor mange medarbejdere der er afskediget som følge af \
         senfølger efter covid-19."
    );
    assert_eq!(statement["content"].as_array().unwrap().len(), 4);
}

#[test]
fn every_case_has_its_exact_change_list() {
    let folder = crate_root().join("tests/fixtures/diff");
    let mut cases: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert_eq!(
        cases,
        [
            "added-row",
            "asker-added-without-non-member",
            "changed-cell",
            "changed-sentence",
            "column-groups-renamed",
            "enclosure-reference-renumbered",
            "enclosures-of-one-title",
            "figure-changed",
            "figures-changed-in-wide-and-narrow-columns",
            "footnote-added",
            "footnote-after-the-paragraph-referring-to-it",
            "footnote-inserted-before-another",
            "footnotes-by-number",
            "further-question-added",
            "headings",
            "identical",
            "invisible-characters-typed-and-removed",
            "line-break-in-markdown",
            "line-break-in-plain-text",
            "markdown-to-plain",
            "metadata-only",
            "most-alike-paired",
            "numbered-list",
            "paragraph-after-statement-introductions",
            "paragraph-moved-and-edited",
            "paragraph-moved-between-reordered-statements",
            "paragraph-moved-into-a-statement",
            "paragraph-moved-into-a-statement-and-edited",
            "paragraph-removed-and-the-next-edited",
            "paragraph-replaced",
            "paragraphs-reversed",
            "paragraphs-swapped-and-edited",
            "repeated-headings",
            "repeated-row-labels",
            "row-labels-renamed-in-a-narrow-table",
            "row-renamed",
            "row-renamed-in-sorted-table",
            "soft-hyphens-typed-and-removed",
            "space-made-no-break",
            "spreadsheet-figures",
            "statement-added-without-introduction",
            "statement-moved-and-renamed",
            "statement-removed-with-its-table",
            "statements-of-one-agency",
            "statements-reordered",
            "table-added-with-notes",
            "table-moved-and-rows-reordered",
            "table-moved-into-a-statement-and-edited",
            "table-moved-past-a-paragraph",
            "table-moved-rows-sorted-and-edited",
            "table-removed",
            "table-removed-and-another-renumbered",
            "tables-swapped-and-sorted",
            "unnumbered-tables",
            "words-added"
        ]
    );
    for case in cases {
        insta::assert_snapshot!(case.clone(), diff_output(&case));
    }
}

#[test]
fn identical_answers_say_so_and_exit_0() {
    svar()
        .arg("diff")
        .args(pair("identical"))
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("Ingen forskelle mellem "));
}

#[test]
fn one_file_named_twice_is_no_difference_with_a_warning() {
    // Review 25, 16: the reviewer most likely meant two versions.
    let answer = crate_root().join("data/beu-287-2019.json");
    let spelled_otherwise = crate_root().join("data/../data/beu-287-2019.json");
    svar()
        .arg("diff")
        .arg(&answer)
        .arg(&spelled_otherwise)
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("Ingen forskelle mellem "))
        .stderr(format!(
            "advarsel: {} og {} er den samme fil; sammenlign to udgaver, fx den udsendte PDF med \
             svarfilen, som den er nu\n",
            answer.display(),
            spelled_otherwise.display()
        ));
    // Two files alike are two versions: no warning.
    svar()
        .arg("diff")
        .args(pair("identical"))
        .assert()
        .stderr("");
}

#[test]
fn quotation_marks_written_otherwise_but_printed_the_same_are_no_change() {
    let folder = tempfile::tempdir().unwrap();
    let complete =
        std::fs::read_to_string(crate_root().join("tests/fixtures/complete.json")).unwrap();
    let written = |name: &str, quoted: &str| {
        let path = folder.path().join(name);
        let text = complete.replace("yderligere bemærkninger", quoted);
        assert_ne!(text, complete);
        std::fs::write(&path, text).unwrap();
        path
    };
    // Straight quotes and the English “…” both print as the Danish ”…”.
    let old = written("old.json", "yderligere \\\"bemærkninger\\\"");
    let new = written("new.json", "yderligere “bemærkninger”");
    svar()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("Ingen forskelle mellem "));
}

#[test]
fn json_format_gives_each_change_its_kind_location_and_path() {
    let cell = diff_json("changed-cell");
    assert_eq!(cell["same"], false);
    assert_eq!(cell["old"], "tests/fixtures/diff/changed-cell/old.json");
    assert_eq!(cell["changes"].as_array().unwrap().len(), 1);
    let change = &cell["changes"][0];
    assert_eq!(change["kind"], "cell");
    assert_eq!(change["location"], "Tabel 2 B, Frifundet, 2016");
    assert_eq!(
        change["path"],
        "answer.blocks[1].statement.blocks[12].table.panels[1].rows[1].cells[2]"
    );
    assert_eq!(
        (&change["old"], &change["new"]),
        (&"14".into(), &"15".into())
    );

    let sentence = &diff_json("changed-sentence")["changes"][0];
    assert_eq!(sentence["kind"], "text");
    assert_eq!(sentence["location"], "Rigsadvokatens udtalelse, afsnit 8");
    assert_eq!(
        sentence["path"],
        "answer.blocks[1].statement.blocks[7].paragraph"
    );
    let changed: Vec<(&str, &str)> = sentence["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|segment| {
            (
                segment["kind"].as_str().unwrap(),
                segment["text"].as_str().unwrap(),
            )
        })
        .filter(|(kind, _)| *kind != "equal")
        .collect();
    assert_eq!(
        changed,
        [
            ("deleted", "er"),
            ("inserted", "blev"),
            ("deleted", "4. februar"),
            ("inserted", "3. maj")
        ]
    );

    let moved = &diff_json("statements-reordered")["changes"][0];
    assert_eq!(moved["kind"], "moved");
    assert_eq!(moved["element"], "statement");
    assert_eq!(moved["path"], "answer.blocks[1]");
    assert_eq!(moved["from_path"], "answer.blocks[2]");

    let row = &diff_json("added-row")["changes"][0];
    assert_eq!(row["kind"], "added");
    assert_eq!(row["element"], "row");

    let identical = diff_json("identical");
    assert_eq!(identical["same"], true);
    assert_eq!(identical["changes"], serde_json::json!([]));
}

#[test]
fn reversed_blocks_are_the_fewest_moves_each_from_its_old_place_to_its_new_one() {
    // "Afsnit B." stays in the middle: only A and C moved.
    assert_eq!(
        diff_json("paragraphs-reversed")["changes"],
        serde_json::json!([
            {
                "location": "Svar, afsnit 1",
                "path": "answer.blocks[0]",
                "kind": "moved",
                "element": "paragraph",
                "from": 3,
                "to": 1,
                "from_location": "Svar, afsnit 3",
                "from_path": "answer.blocks[2]"
            },
            {
                "location": "Svar, afsnit 3",
                "path": "answer.blocks[2]",
                "kind": "moved",
                "element": "paragraph",
                "from": 1,
                "to": 3,
                "from_location": "Svar, afsnit 1",
                "from_path": "answer.blocks[0]"
            }
        ])
    );
}

#[test]
fn the_real_example_with_its_first_and_last_block_swapped_is_two_moves() {
    let folder = tempfile::tempdir().unwrap();
    let old = "data/beu-287-2019.json";
    let text = std::fs::read_to_string(crate_root().join(old)).unwrap();
    let mut answer: serde_json::Value = serde_json::from_str(&text).unwrap();
    let blocks = answer["answer"]["blocks"].as_array_mut().unwrap();
    let last = blocks.len() - 1;
    assert_eq!(last, 2, "the answer has three blocks");
    blocks.swap(0, last);
    let new = folder.path().join("byttet.json");
    std::fs::write(&new, answer.to_string()).unwrap();
    let output = svar()
        .args(["diff", "--no-color", old])
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    // The paragraph now prints after both statements' introductions, which the reader counts
    // among the paragraphs: it was "afsnit 1" and is "afsnit 3".
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!(
            "Forskelle fra {old} til {}:\n\n\
             Rigspolitiets udtalelse: flyttet fra plads 3 til plads 1\n\
             Svar, afsnit 3: flyttet; var tidligere afsnit 1\n\n\
             2 ændringer.\n",
            new.display()
        )
    );
}

/// The change list from a case's new answer back to its old one, without its heading.
fn reversed_changes(case: &str) -> String {
    let [old, new] = pair(case);
    changes_between(&new, &old)
}

/// The change list of a case, without its heading.
fn changes_between_case(case: &str) -> String {
    let [old, new] = pair(case);
    changes_between(&old, &new)
}

/// The change list from one answer file to another that differs, without its heading.
fn changes_between(old: &str, new: &str) -> String {
    let output = svar()
        .args(["diff", "--no-color", old, new])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let (_, changes) = stdout.split_once(":\n\n").unwrap();
    changes.to_string()
}

#[test]
fn a_statement_s_introduction_counts_among_the_paragraphs_it_prints_between() {
    // Under "Svar:" the answer prints a paragraph, KL's statement (introduction written ""),
    // "Danske Regioner har oplyst følgende:", the quoted text, a paragraph, a table and the
    // paragraph edited: the reader counts it as the fourth, which it was not named (review 25,
    // 14).
    let case = "paragraph-after-statement-introductions";
    let changes = changes_between_case(case);
    assert!(changes.contains("\nSvar, afsnit 4: ændret\n"), "{changes}");
    let text = redline_text(case);
    assert!(
        text.contains("– Svar, afsnit 4: ændret (se markeringen)"),
        "{text}"
    );
}

#[test]
fn a_paragraph_moved_and_edited_is_a_move_and_an_edit_in_the_json_and_the_redline() {
    let changes = diff_json("paragraph-moved-and-edited")["changes"].clone();
    assert_eq!(changes.as_array().unwrap().len(), 2);
    assert_eq!(
        changes[0],
        serde_json::json!({
            "location": "Svar, afsnit 3",
            "path": "answer.blocks[2]",
            "kind": "moved",
            "element": "paragraph",
            "from": 1,
            "to": 3,
            "from_location": "Svar, afsnit 1",
            "from_path": "answer.blocks[0]"
        })
    );
    assert_eq!(changes[1]["kind"], "text");
    assert_eq!(changes[1]["path"], "answer.blocks[2].paragraph");
    let text = redline_text("paragraph-moved-and-edited");
    assert!(
        text.contains(
            "– Svar, afsnit 3: flyttet; var tidligere afsnit 1 – Svar, afsnit 3: ændret (se markeringen)"
        ),
        "{text}"
    );
    assert!(text.contains("behandlet 3.478 3.512 sager"), "{text}");
}

#[test]
fn a_paragraph_moved_into_a_statement_is_a_move_as_within_the_answer() {
    // It was told as one paragraph added to the statement and one removed from the answer,
    // each with its whole text (review 25, 15).
    assert_eq!(
        changes_between_case("paragraph-moved-into-a-statement"),
        "Danske Regioners udtalelse, afsnit 1: flyttet; var tidligere Svar, afsnit 3\n\n\
         1 ændring.\n"
    );
    let edited = "paragraph-moved-into-a-statement-and-edited";
    let moved_and_edited = "Danske Regioners udtalelse, afsnit 1: flyttet; var tidligere Svar, \
        afsnit 3\n\
        Danske Regioners udtalelse, afsnit 1: ændret\n    \
        Antallet af anmeldte {+og anerkendte +}arbejdsskader med covid-19 fremgår af tabel 1.\n\n\
        2 ændringer.\n";
    assert_eq!(changes_between_case(edited), moved_and_edited);
    // Out of the statement, back again.
    assert_eq!(
        reversed_changes(edited),
        "Svar, afsnit 3: flyttet; var tidligere Danske Regioners udtalelse, afsnit 1\n\
         Svar, afsnit 3: ændret\n    \
         Antallet af anmeldte [-og anerkendte -]arbejdsskader med covid-19 fremgår af tabel 1.\n\n\
         2 ændringer.\n"
    );
    let changes = diff_json(edited)["changes"].clone();
    assert_eq!(
        changes[0],
        serde_json::json!({
            "location": "Danske Regioners udtalelse, afsnit 1",
            "path": "answer.blocks[2].statement.blocks[0]",
            "kind": "moved",
            "element": "paragraph",
            "from": 4,
            "to": 1,
            "from_location": "Svar, afsnit 3",
            "from_path": "answer.blocks[3]"
        })
    );
    assert_eq!(
        changes[1]["path"],
        "answer.blocks[2].statement.blocks[0].paragraph"
    );
    // The redline marks the words where the paragraph now stands, and strikes no stub where
    // it stood, as for a paragraph moved within the answer.
    let text = redline_text(edited);
    assert!(
        text.contains(
            "– Danske Regioners udtalelse, afsnit 1: flyttet; var tidligere Svar, afsnit 3 \
             – Danske Regioners udtalelse, afsnit 1: ændret (se markeringen)"
        ),
        "{text}"
    );
    assert!(!text.contains("fjernet"), "{text}");
    assert_eq!(text.matches("Antallet af anmeldte").count(), 1, "{text}");
    // A numbered table has one name wherever it stands: what held it says where it moved.
    assert_eq!(
        changes_between_case("table-moved-into-a-statement-and-edited"),
        "Tabel 1: flyttet fra svaret til Danske Regioners udtalelse\n\
         Tabel 1, Sygehuse, 2020: 4.210 → 4.211\n\
         Tabel 1, I alt, 2020: 7.460 → 7.461\n\n\
         3 ændringer.\n"
    );
}

#[test]
fn a_paragraph_moved_between_statements_that_swapped_places_is_a_move_as_if_they_had_not() {
    // Review 30: Rigsadvokatens paragraph moved into Rigspolitiets statement, edited, was found
    // as a move, but not once the two statements swapped places too: it was told as one
    // paragraph added and another removed, each whole, and the redline set it all green.
    let case = "paragraph-moved-between-reordered-statements";
    let moved_and_edited = "Rigspolitiets udtalelse: flyttet fra plads 3 til plads 2\n\
        Rigspolitiets udtalelse, afsnit 4: flyttet; var tidligere Rigsadvokatens udtalelse, \
        afsnit 10\n\
        Rigspolitiets udtalelse, afsnit 4: ændret\n    \
        … tværministerielle arbejdsgruppe om menneskehandel - med henblik på {+styrket \
        +}samarbejde og vidensdeling på området.\n\n\
        3 ændringer.\n";
    assert_eq!(changes_between_case(case), moved_and_edited);
    // And back again.
    assert_eq!(
        reversed_changes(case),
        "Rigsadvokatens udtalelse: flyttet fra plads 3 til plads 2\n\
         Rigsadvokatens udtalelse, afsnit 10: flyttet; var tidligere Rigspolitiets udtalelse, \
         afsnit 4\n\
         Rigsadvokatens udtalelse, afsnit 10: ændret\n    \
         … tværministerielle arbejdsgruppe om menneskehandel - med henblik på [-styrket \
         -]samarbejde og vidensdeling på området.\n\n\
         3 ændringer.\n"
    );
    let changes = diff_json(case)["changes"].clone();
    assert_eq!(changes.as_array().unwrap().len(), 3, "{changes:#}");
    assert_eq!(
        changes[1],
        serde_json::json!({
            "location": "Rigspolitiets udtalelse, afsnit 4",
            "path": "answer.blocks[1].statement.blocks[3]",
            "kind": "moved",
            "element": "paragraph",
            "from": 10,
            "to": 4,
            "from_location": "Rigsadvokatens udtalelse, afsnit 10",
            "from_path": "answer.blocks[1].statement.blocks[9]"
        })
    );
    assert_eq!(changes[2]["kind"], "text");
    assert_eq!(
        changes[2]["path"],
        "answer.blocks[1].statement.blocks[3].paragraph"
    );
    // The redline marks the inserted word where the paragraph now stands, and nothing removed.
    let text = redline_text(case);
    assert!(
        text.contains(
            "– Rigspolitiets udtalelse, afsnit 4: flyttet; var tidligere Rigsadvokatens \
             udtalelse, afsnit 10 – Rigspolitiets udtalelse, afsnit 4: ændret (se markeringen)"
        ),
        "{text}"
    );
    assert!(
        !text.contains("fjernet") && !text.contains("tilføjet"),
        "{text}"
    );
    assert_eq!(
        text.matches("Rigsadvokaten deltager fast").count(),
        1,
        "{text}"
    );
}

#[test]
fn a_block_moved_between_an_enclosure_s_statements_that_swapped_places_is_a_move() {
    // The same inside an enclosure, for a list: the old answer's first statement and the new
    // answer's first statement are two agencies' statements, at one JSON path. The list is the
    // first of each statement, so what held it tells where it moved.
    let folder = tempfile::tempdir().unwrap();
    let statement = |source: &str, blocks: serde_json::Value| serde_json::json!({"statement": {"source": source, "blocks": blocks}});
    let paragraph = |text: &str| serde_json::json!({"paragraph": text});
    let list = serde_json::json!({"list": [
        "Sager om vold mod ansatte behandles med prioritet.",
        "Sagsbehandlingstiden følges hvert kvartal."
    ]});
    let police = paragraph("Rigspolitiet har oplyst, at sagerne behandles i politikredsene.");
    let prosecutor = paragraph("Rigsadvokaten har oplyst, at sagerne følges tæt.");
    let enclosure = |blocks: serde_json::Value| serde_json::json!([{"title": "Udtalelser om sagsbehandlingen", "blocks": blocks}]);
    let old = enclosure(serde_json::json!([
        statement("Rigspolitiet", serde_json::json!([police, list])),
        statement("Rigsadvokaten", serde_json::json!([prosecutor])),
    ]));
    let new = enclosure(serde_json::json!([
        statement("Rigsadvokaten", serde_json::json!([prosecutor, list])),
        statement("Rigspolitiet", serde_json::json!([police])),
    ]));
    let old_folder = folder.path().join("old");
    let old = common::edited_fixture("complete.json", &old_folder, |answer| {
        answer["enclosures"] = old;
    });
    let new = common::edited_fixture("complete.json", folder.path(), |answer| {
        answer["enclosures"] = new;
    });
    assert_eq!(
        changes_between(old.to_str().unwrap(), new.to_str().unwrap()),
        "Bilag 1, Rigsadvokatens udtalelse: flyttet fra plads 2 til plads 1\n\
         Bilag 1, Rigsadvokatens udtalelse, punktopstilling 1: flyttet fra Bilag 1, \
         Rigspolitiets udtalelse til Bilag 1, Rigsadvokatens udtalelse\n\n\
         2 ændringer.\n"
    );
}

#[test]
fn a_statement_moved_into_an_enclosure_says_from_where_to_where() {
    // Its name is the agency's wherever it stands: "var tidligere Rigspolitiets udtalelse" said
    // nothing of where it had been (review 28, 12).
    let folder = tempfile::tempdir().unwrap();
    let with_enclosure = |answer: &mut serde_json::Value| {
        answer["enclosures"] = serde_json::json!([{
            "title": "Rigspolitiets redegørelse",
            "blocks": [{"paragraph": "Redegørelsen følger her."}]
        }]);
    };
    let old_folder = folder.path().join("old");
    let old = common::edited_fixture("complete.json", &old_folder, with_enclosure);
    let new = common::edited_fixture("complete.json", folder.path(), |answer| {
        with_enclosure(answer);
        let statement = answer["answer"]["blocks"].as_array_mut().unwrap().remove(1);
        answer["enclosures"][0]["blocks"]
            .as_array_mut()
            .unwrap()
            .push(statement);
    });
    let changes = changes_between(old.to_str().unwrap(), new.to_str().unwrap());
    assert!(
        changes.starts_with("Bilag 1, Rigspolitiets udtalelse: flyttet fra svaret til bilag 1\n"),
        "{changes}"
    );
}

#[test]
fn paragraphs_swapped_and_edited_are_one_move_and_two_edits_in_the_json_and_the_redline() {
    let kinds: Vec<(String, String)> = diff_json("paragraphs-swapped-and-edited")["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| {
            let text = |key: &str| change[key].as_str().unwrap().to_string();
            (text("kind"), text("path"))
        })
        .collect();
    let expected = [
        ("text", "answer.blocks[0].paragraph"),
        ("moved", "answer.blocks[1]"),
        ("text", "answer.blocks[1].paragraph"),
    ];
    assert_eq!(
        kinds,
        expected.map(|(kind, path)| (kind.into(), path.into()))
    );
    let text = redline_text("paragraphs-swapped-and-edited");
    assert!(
        text.contains("– Svar, afsnit 2: flyttet; var tidligere afsnit 1"),
        "{text}"
    );
}

#[test]
fn moved_and_edited_paragraphs_read_alike_both_ways() {
    assert_eq!(
        reversed_changes("most-alike-paired"),
        "Svar, tidligere afsnit 1: fjernet\n    \
         - Rigspolitiet har oplyst følgende.\n\
         Svar, afsnit 1: ændret\n    \
         Rigspolitiet har oplyst, at der i 2018 blev behandlet [-3.512-]{+3.478+} sager om menneskehandel i hele landet.\n\n\
         2 ændringer.\n"
    );
    assert_eq!(
        reversed_changes("paragraphs-swapped-and-edited"),
        "Svar, afsnit 1: ændret\n    \
         Rigspolitiet har oplyst, at der i 2018 blev behandlet [-3.512-]{+3.478+} sager om menneskehandel i hele landet.\n\
         Svar, afsnit 2: flyttet; var tidligere afsnit 1\n\
         Svar, afsnit 2: ændret\n    \
         Anklagemyndigheden vurderer, at praksis på området er [-stabil-]{+fast+} og ikke giver anledning til bemærkninger.\n\n\
         3 ændringer.\n"
    );
    assert_eq!(
        reversed_changes("paragraph-moved-and-edited"),
        "Svar, afsnit 1: flyttet; var tidligere afsnit 3\n\
         Svar, afsnit 1: ændret\n    \
         Rigspolitiet har oplyst, at der i 2018 blev behandlet [-3.512-]{+3.478+} sager om menneskehandel i hele landet.\n\n\
         2 ændringer.\n"
    );
}

#[test]
fn a_change_of_markup_shows_every_text_that_prints_otherwise_and_the_footnotes() {
    // The two answers are written alike, but for their markup: line breaks, which Markdown
    // prints and literal text prints as spaces; a list item's emphasis; a link and a footnote
    // reference; and the footnote, which only Markdown prints.
    let [old, new] = pair("markdown-to-plain");
    assert_eq!(
        changes_between(&old, &new),
        "\
        Tekstformat: markdown → ordret\n\
        Svar, afsnit 1: ændret\n    \
        Justitsministeriet har indhentet[-\n    -]{+(mellemrum)+}en udtalelse fra Rigspolitiet.\n\
        Rigspolitiets udtalelse, afsnit 1: ændret\n    \
        Der er i alt behandlet 3478 sager,[-\n    -]{+(mellemrum)+}heraf 12,4 pct. i 2010.\n\
        Svar, punktopstilling 1, punkt 2: ændret\n    \
        Andet punkt er {+*+}foreløbigt{+*+}\n\
        Svar, afsnit 3: ændret\n    \
        Jeg kan i øvrigt henvise til {+[+}min samtidige besvarelse\
        {+](https://www.ft.dk/samling/20101/almdel/ufo/spm/14/svar/1.htm)+} \
        af spørgsmål nr. 14 og 16.{+[^1]+}\n\
        Fodnote 1: fjernet\n    \
        - Se også spørgsmål nr. 16.\n\n\
        6 ændringer.\n"
    );
}

#[test]
fn a_change_to_markdown_deletes_what_no_longer_prints_and_adds_the_footnote() {
    assert_eq!(
        reversed_changes("markdown-to-plain"),
        "Tekstformat: ordret → markdown\n\
         Svar, afsnit 1: ændret\n    \
         Justitsministeriet har indhentet[-(mellemrum)-]{+\n    +}en udtalelse fra Rigspolitiet.\n\
         Rigspolitiets udtalelse, afsnit 1: ændret\n    \
         Der er i alt behandlet 3478 sager,[-(mellemrum)-]{+\n    +}heraf 12,4 pct. i 2010.\n\
         Svar, punktopstilling 1, punkt 2: ændret\n    \
         Andet punkt er [-*-]foreløbigt[-*-]\n\
         Svar, afsnit 3: ændret\n    \
         Jeg kan i øvrigt henvise til [-[-]min samtidige besvarelse\
         [-](https://www.ft.dk/samling/20101/almdel/ufo/spm/14/svar/1.htm)-] \
         af spørgsmål nr. 14 og 16.[-[^1]-]\n\
         Fodnote 1: tilføjet\n    \
         + Se også spørgsmål nr. 16.\n\n\
         6 ændringer.\n"
    );
}

#[test]
fn the_redline_of_a_change_of_markup_marks_each_text_that_prints_otherwise() {
    let text = redline_text("markdown-to-plain");
    let summary = "6 ændringer i forhold til old.json \
        – Tekstformat: markdown → ordret \
        – Svar, afsnit 1: ændret (se markeringen) \
        – Rigspolitiets udtalelse, afsnit 1: ændret (se markeringen) \
        – Svar, punktopstilling 1, punkt 2: ændret (se markeringen) \
        – Svar, afsnit 3: ændret (se markeringen) \
        – Fodnote 1: fjernet: Se også spørgsmål nr. 16. ";
    assert!(text.contains(summary), "{text}");
    // Back to Markdown, the marks that no longer print are in the text, struck through.
    let folder = tempfile::tempdir().unwrap();
    let redline = folder.path().join("redline.pdf");
    let [old, new] = pair("markdown-to-plain");
    write_redline(new.as_ref(), old.as_ref(), &redline);
    let text = pdf_text(&redline);
    assert!(
        text.contains("– Svar, afsnit 3: ændret (se markeringen) – Fodnote 1: tilføjet"),
        "{text}"
    );
    assert!(text.contains("Andet punkt er *foreløbigt*"), "{text}");
    assert!(
        text.contains("henvise til [min samtidige besvarelse](https://"),
        "{text}"
    );
    assert!(text.contains("af spørgsmål nr. 14 og 16.[^1]"), "{text}");
}

#[test]
fn changes_to_a_spreadsheets_figures_are_at_the_panels_csv_in_the_json() {
    let panel = "answer.blocks[1].statement.blocks[1].table.panels[0]";
    let csv = format!("{panel}.csv");
    let title = format!("{panel}.title");
    let changes = diff_json("spreadsheet-figures")["changes"].clone();
    let changes = changes.as_array().unwrap();
    assert_eq!(changes.len(), 7);
    // The panel's title is the answer file's own; the rest is the spreadsheet's.
    assert_eq!(changes[0]["path"], title.as_str());
    for change in &changes[1..] {
        assert_eq!(change["path"], csv.as_str(), "{change}");
    }
    assert_eq!(changes[2]["kind"], "moved");
    assert_eq!(changes[2]["from_path"], csv.as_str());
    // Backwards, a removed row is at the old answer's csv too.
    let [old, new] = pair("spreadsheet-figures");
    let output = svar()
        .args(["diff", "--format", "json", &new, &old])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let removed = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|change| change["kind"] == "removed")
        .unwrap();
    assert_eq!(removed["location"], "Tabel 1, række Afvist");
    assert_eq!(removed["path"], csv.as_str());
}

#[test]
fn a_soft_hyphen_typed_or_taken_out_is_named_as_a_no_break_space_is() {
    // Review 30: "menneske\u{ad}handel" typed was told as "[-menneskehandel-]{+menneskehandel+}",
    // a word replaced by the same word. A soft hyphen prints nothing unless the word breaks
    // there: it changes where the word may break, as a no-break space changes where the line
    // may, and is named as one is.
    let case = "soft-hyphens-typed-and-removed";
    let changes = changes_between_case(case);
    assert!(
        changes.contains(" indsatsen imod menneske{+(blød bindestreg)+}handel har "),
        "{changes}"
    );
    assert!(
        changes.contains(" for den politi[-(blød bindestreg)-]mæssige indsats "),
        "{changes}"
    );
    let reversed = reversed_changes(case);
    assert!(
        reversed.contains(" imod menneske[-(blød bindestreg)-]handel har ")
            && reversed.contains(" den politi{+(blød bindestreg)+}mæssige "),
        "{reversed}"
    );
    // The JSON holds the character itself, alone, as for a space.
    let changes = diff_json(case)["changes"].clone();
    let kinds = |change: &serde_json::Value| -> Vec<(String, String)> {
        (change["segments"].as_array().unwrap().iter())
            .map(|segment| {
                let text = segment["text"].as_str().unwrap();
                let shown = if text.len() > 12 { "…" } else { text };
                (segment["kind"].as_str().unwrap().into(), shown.into())
            })
            .collect()
    };
    let pair = |kind: &str, text: &str| (kind.to_string(), text.to_string());
    assert_eq!(
        kinds(&changes[0]),
        [
            pair("equal", "…"),
            pair("inserted", "\u{ad}"),
            pair("equal", "…")
        ]
    );
    assert_eq!(
        kinds(&changes[1]),
        [
            pair("equal", "…"),
            pair("deleted", "\u{ad}"),
            pair("equal", "…")
        ]
    );
    // The redline shows each as the mark word processors show a soft hyphen by, "¬", not as an
    // underline or a stroke as wide as nothing.
    let text = redline_text(case);
    assert!(
        text.contains("indsatsen imod menneske¬handel har"),
        "{text}"
    );
    assert!(text.contains("for den politi¬mæssige indsats"), "{text}");
}

#[test]
fn an_invisible_character_typed_or_taken_out_is_named_and_marked_in_the_redline() {
    // Review 32, 7: a zero-width space pasted into a word was told as
    // "[-menneskehandel-]{+menneske\u{200b}handel+}", two words that look the same. It prints
    // nothing, but a line may break at it and a search no longer finds the word: it is named
    // as a soft hyphen is, and so is a zero-width joiner taken out.
    let case = "invisible-characters-typed-and-removed";
    let changes = changes_between_case(case);
    assert!(
        changes.contains(" indsatsen imod menneske{+(usynligt mellemrum)+}handel har "),
        "{changes}"
    );
    assert!(
        changes.contains(" understøtter politi[-(usynlig sammenføjer)-]kredsenes indsats "),
        "{changes}"
    );
    assert!(changes.ends_with("\n2 ændringer.\n"), "{changes}");
    let reversed = reversed_changes(case);
    assert!(
        reversed.contains(" imod menneske[-(usynligt mellemrum)-]handel har ")
            && reversed.contains(" politi{+(usynlig sammenføjer)+}kredsenes "),
        "{reversed}"
    );
    // The redline shows each as "◌", the dotted circle of a character with no look of its
    // own, not as an underline or a stroke as wide as nothing.
    let text = redline_text(case);
    assert!(
        text.contains("indsatsen imod menneske◌handel har"),
        "{text}"
    );
    assert!(
        text.contains("understøtter politi◌kredsenes indsats"),
        "{text}"
    );
}

#[test]
fn a_field_left_out_is_no_change_from_the_default_it_prints_as() {
    // Review 30: a member who asked added without `non_member` was told "Ikke medlem af
    // udvalget: (ingen) → nej", which prints nothing either way.
    assert_eq!(
        changes_between_case("asker-added-without-non-member"),
        "Stillet efter ønske fra: (ingen) → Pernille Skipper\n\
         Parti: (ingen) → EL\n\n\
         2 ændringer.\n"
    );
    // Every field with a default: given it, or left out, the answer prints the same.
    let folder = tempfile::tempdir().unwrap();
    let old = common::edited_fixture("complete.json", &folder.path().join("old"), |answer| {
        let question = answer["question"].as_object_mut().unwrap();
        question.remove("series");
        question.remove("asked_by");
        answer["ministry"]
            .as_object_mut()
            .unwrap()
            .remove("minister_title");
    });
    let new = common::edited_fixture("complete.json", folder.path(), |answer| {
        answer["question"]["series"] = "Alm. del".into();
        answer["question"]["asked_by"] =
            serde_json::json!({"name": "Pernille Skipper", "non_member": false});
        answer["ministry"]["minister_title"] = "ministeren".into();
    });
    assert_eq!(
        changes_between(old.to_str().unwrap(), new.to_str().unwrap()),
        "Stillet efter ønske fra: (ingen) → Pernille Skipper\n\n1 ændring.\n"
    );
    // A member who is not on the committee prints so: a change.
    let not_a_member = common::edited_fixture("complete.json", folder.path(), |answer| {
        answer["question"]["asked_by"] =
            serde_json::json!({"name": "Pernille Skipper", "non_member": true});
    });
    assert!(
        changes_between(old.to_str().unwrap(), not_a_member.to_str().unwrap())
            .contains("\nIkke medlem af udvalget: nej → ja\n"),
    );
}

#[test]
fn words_added_to_a_paragraph_are_inserted_words_in_the_json_and_the_redline() {
    let paragraph = &diff_json("words-added")["changes"][2];
    assert_eq!(
        paragraph,
        &serde_json::json!({
            "location": "Svar, afsnit 3",
            "path": "answer.blocks[3].paragraph",
            "kind": "text",
            "old": "Jeg har ikke yderligere bemærkninger.",
            "new": "Jeg har ikke yderligere bemærkninger til sagen, men henviser i øvrigt til mit svar på spørgsmål 14.",
            "segments": [
                {"kind": "equal", "text": "Jeg har ikke yderligere bemærkninger"},
                {"kind": "inserted", "text": " til sagen, men henviser i øvrigt til mit svar på spørgsmål 14"},
                {"kind": "equal", "text": "."}
            ]
        })
    );
    // The paragraph, the item and the note are marked in the text.
    let text = redline_text("words-added");
    let summary = "3 ændringer i forhold til old.json \
        – Tabel 1, bemærkning 1: ændret (se markeringen) \
        – Svar, punktopstilling 1, punkt 2: ændret (se markeringen) \
        – Svar, afsnit 3: ændret (se markeringen) ";
    assert!(text.contains(summary), "{text}");
    assert!(
        text.contains(
            " Jeg har ikke yderligere bemærkninger til sagen, men henviser i øvrigt til mit svar på spørgsmål 14. "
        ),
        "{text}"
    );
}

#[test]
fn the_no_color_flag_gives_plain_marks() {
    let output = svar()
        .env_remove("NO_COLOR")
        .args(["diff", "--no-color"])
        .args(pair("changed-sentence"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(!stdout.contains('\x1b'));
    assert!(stdout.contains("[-er-]{+blev+}"));
}

/// `--no-color` keeps an invalid answer's findings plain too, on a terminal where they would
/// otherwise be coloured: `script` (util-linux) runs svar on a pseudo-terminal.
#[test]
fn the_no_color_flag_also_keeps_an_invalid_answer_s_findings_plain_on_a_terminal() {
    let on_a_terminal = |options: &[&str]| {
        let line = [env!("CARGO_BIN_EXE_svar"), "diff"]
            .iter()
            .chain(options)
            .chain(&[
                "tests/fixtures/invalid/unknown-field-kaption.json",
                "tests/fixtures/complete.json",
            ])
            .map(|word| shlex::try_quote(word).unwrap().into_owned())
            .collect::<Vec<_>>()
            .join(" ");
        let output = std::process::Command::new("script")
            .args(["--quiet", "--return", "--command", &line, "/dev/null"])
            .current_dir(crate_root())
            .env_remove("NO_COLOR")
            .stdin(std::process::Stdio::null())
            .output()
            .expect("script (util-linux) is needed to give svar a terminal");
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let coloured = on_a_terminal(&[]);
    assert!(coloured.contains("ukendt felt"), "{coloured}");
    assert!(
        coloured.contains('\x1b'),
        "without the flag a terminal gets colours, or this test shows nothing: {coloured}"
    );
    let plain = on_a_terminal(&["--no-color"]);
    assert!(plain.contains("ukendt felt `kaption`"), "{plain}");
    assert!(!plain.contains('\x1b'), "{plain}");
}

#[test]
fn an_invalid_answer_file_is_trouble_with_its_located_findings() {
    svar()
        .args(["diff", "tests/fixtures/invalid/unknown-field-kaption.json"])
        .arg("tests/fixtures/complete.json")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("ukendt felt `kaption`"))
        .stderr(predicate::str::contains("unknown-field-kaption.json:78:17"));
}

#[test]
fn a_missing_file_is_trouble() {
    svar()
        .args(["diff", "tests/fixtures/complete.json", "findes-ikke.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "findes-ikke.json: filen kan ikke læses",
        ));
}

#[test]
fn a_pdf_against_its_own_answer_file_is_the_same() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render("tests/fixtures/complete.json", folder.path(), &[]);
    for (old, new) in [
        (pdf.as_os_str(), "tests/fixtures/complete.json".as_ref()),
        ("tests/fixtures/complete.json".as_ref(), pdf.as_os_str()),
        (pdf.as_os_str(), pdf.as_os_str()),
    ] {
        svar()
            .arg("diff")
            .arg(old)
            .arg(new)
            .assert()
            .code(0)
            .stdout(predicate::str::starts_with("Ingen forskelle mellem "));
    }
}

#[test]
fn a_pdf_is_compared_with_a_changed_answer_file() {
    let folder = tempfile::tempdir().unwrap();
    let [old, new] = pair("changed-cell");
    let pdf = render(&old, folder.path(), &[]);
    svar()
        .arg("diff")
        .arg(&pdf)
        .arg(&new)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "\nTabel 2 B, Frifundet, 2016: 14 → 15\n",
        ));
}

/// `bytes` with every `from` replaced by `to`, of the same length, so a PDF stays valid.
fn replaced(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let mut bytes = bytes.to_vec();
    let mut found = 0;
    let mut at = 0;
    while let Some(offset) = bytes[at..]
        .windows(from.len())
        .position(|w| w == from.as_bytes())
    {
        at += offset;
        bytes[at..at + to.len()].copy_from_slice(to.as_bytes());
        at += to.len();
        found += 1;
    }
    assert!(found > 0, "{from} is not in the PDF");
    bytes
}

/// `svar diff PDF tests/fixtures/complete.json` for a PDF that cannot be compared: status 2.
fn diff_with_complete(pdf: &Path) -> assert_cmd::assert::Assert {
    svar()
        .arg("diff")
        .arg(pdf)
        .arg("tests/fixtures/complete.json")
        .assert()
        .code(2)
}

#[test]
fn a_pdf_without_the_answer_file_is_trouble() {
    let folder = tempfile::tempdir().unwrap();
    // PDF/A-2 and plain PDF/A-4 forbid attached files, so these PDFs have no svar.json; the tip
    // names the standard the PDF claims. A PDF/A-4 file (PDF 2.0) names its creator only in
    // its XMP metadata.
    for (standard, name) in [("a-2b", "PDF/A-2b"), ("a-4", "PDF/A-4")] {
        let pdf = render(
            "tests/fixtures/complete.json",
            folder.path(),
            &["--pdf-standard", standard],
        );
        diff_with_complete(&pdf).stdout("").stderr(format!(
            "fejl: {} er lavet af svar, men uden den vedhæftede svarfil (svar.json)\n  \
             = tip: PDF'en er lavet efter {name}, som ikke tillader vedhæftede filer; \
             sammenlign svarfilerne (JSON) i stedet\n",
            pdf.display()
        ));
    }
    // The PDF/A-2b PDF, its creator renamed in the document information and the XMP.
    let pdf = render(
        "tests/fixtures/complete.json",
        folder.path(),
        &["--pdf-standard", "a-2b"],
    );
    let version = env!("CARGO_PKG_VERSION");
    let foreign = replaced(
        &std::fs::read(&pdf).unwrap(),
        &format!("svar {version}"),
        &format!("Word {version}"),
    );
    let foreign_pdf = folder.path().join("fremmed.pdf");
    std::fs::write(&foreign_pdf, foreign).unwrap();
    diff_with_complete(&foreign_pdf).stderr(predicate::str::contains(
        "fremmed.pdf er ikke lavet af svar (den indeholder ingen svar.json)\n  \
             = tip: sammenlign svarfilerne (JSON), eller PDF'er, som svar har lavet",
    ));
}

/// A PDF svar made under PDF/A-3b, which allows attachments, whose answer file is gone (here
/// renamed): the tip blames no standard.
#[test]
fn a_svar_pdf_whose_answer_file_is_gone_blames_no_standard() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render("tests/fixtures/complete.json", folder.path(), &[]);
    let bytes = replaced(&std::fs::read(&pdf).unwrap(), "svar.json", "andet.jsn");
    std::fs::write(&pdf, bytes).unwrap();
    diff_with_complete(&pdf).stdout("").stderr(format!(
        "fejl: {} er lavet af svar, men uden den vedhæftede svarfil (svar.json)\n  \
         = tip: sammenlign svarfilerne (JSON) i stedet\n",
        pdf.display()
    ));
}

/// A redline carries neither answer; comparing it is told as such, not as a PDF standard's doing.
#[test]
fn a_redline_is_no_answer_to_compare() {
    let folder = tempfile::tempdir().unwrap();
    let redline = folder.path().join("redline.pdf");
    let [old, new] = pair("changed-sentence");
    write_redline(old.as_ref(), new.as_ref(), &redline);
    let refusal = format!(
        "{} er en redline fra svar diff (ændringerne mellem to udgaver af et svar), ikke et svar",
        redline.display()
    );
    let tip = "sammenlign de to svar, redlinen blev lavet af: deres svarfiler (JSON) eller \
               PDF'erne af dem";
    svar()
        .arg("diff")
        .arg(&redline)
        .arg(&new)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!("fejl: {refusal}\n  = tip: {tip}\n"));
    let output = svar()
        .args(["diff", "--format", "json"])
        .arg(&old)
        .arg(&redline)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let finding = &json["unreadable"][0]["findings"][0];
    assert_eq!(finding["message"], refusal.as_str());
    assert_eq!(finding["hint"], tip);
}

#[test]
fn a_file_starting_like_a_pdf_is_read_as_one_whatever_its_name() {
    let folder = tempfile::tempdir().unwrap();
    let fake = folder.path().join("svar.json");
    std::fs::write(&fake, "%PDF-1.7\nikke en rigtig PDF").unwrap();
    svar()
        .arg("diff")
        .arg(&fake)
        .arg("tests/fixtures/complete.json")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("PDF'en kan ikke læses"));
}

/// The text of the redline `svar diff --redline` writes for a case (which differs: exit 1).
fn redline_text(case: &str) -> String {
    let folder = tempfile::tempdir().unwrap();
    let redline = folder.path().join("redline.pdf");
    let [old, new] = pair(case);
    write_redline(old.as_ref(), new.as_ref(), &redline);
    pdf_text(&redline)
}

/// `svar diff OLD NEW --redline REDLINE`, which exits with 1 since the answers differ.
fn write_redline(old: &Path, new: &Path, redline: &Path) {
    svar()
        .arg("diff")
        .arg(old)
        .arg(new)
        .arg("--redline")
        .arg(redline)
        .assert()
        .code(1);
}

#[test]
fn a_new_question_number_is_marked_where_the_letter_prints_it() {
    // The box lists "Spørgsmålets nummer: 385 → 461"; the opening and the heading say it too.
    let folder = tempfile::tempdir().unwrap();
    let new = common::edited_fixture("letter.json", folder.path(), |answer| {
        answer["question"]["number"] = 461.into();
    });
    let redline = folder.path().join("redline.pdf");
    write_redline(&fixture("letter.json"), &new, &redline);
    let text = pdf_text(&redline);
    assert!(
        text.contains("stillet følgende spørgsmål nr. 385 461 (alm. del)"),
        "{text}"
    );
    assert!(text.contains("Spørgsmål nr. 385 461:"), "{text}");
}

#[test]
fn the_letterhead_s_lines_and_the_signature_are_marked_where_they_print() {
    // They were listed only in the box (review 30, 12), though the signature and the date are
    // what a reviewer checks first: the old words struck beside the new ones, a new line all
    // inserted, an unchanged line as it was.
    for (name, old_date, new_date) in [
        ("complete.json", "11", "2011-04-12"),
        ("correction.json", "20", "2011-04-21"),
    ] {
        let folder = tempfile::tempdir().unwrap();
        let new = common::edited_fixture(name, folder.path(), |answer| {
            answer["date"] = new_date.into();
            answer["case_number"] = "2011-792-1659".into();
            answer["caseworker"] = "Julie Hansen".into();
            answer["signature"]["official"] = "Anne Jensen".into();
        });
        let redline = folder.path().join("redline.pdf");
        write_redline(&fixture(name), &new, &redline);
        let text = pdf_text(&redline);
        let new_day = &new_date[8..];
        for marked in [
            format!(
                "{old_date} {new_day}. april 2011 Statsretskontoret Julie Hansen 2011-792-1658 2011-792-1659 THK40546"
            ),
            "Lars Barfoed / Ole Hasselgaard Anne Jensen".to_string(),
        ] {
            assert!(text.contains(&marked), "{name}: {marked}\n{text}");
        }
    }
}

#[test]
fn the_ministry_s_name_and_department_are_marked_where_the_letterhead_prints_them() {
    // A changed department was listed only in the box, though it prints at the top of the
    // metadata column, where the other lines are marked (review 32, 11): the old words struck
    // beside the new ones, as on the other lines.
    let folder = tempfile::tempdir().unwrap();
    let old = common::edited_fixture("complete.json", &folder.path().join("old"), |answer| {
        answer["ministry"]["department"] = "Lovafdelingen".into();
    });
    let new = common::edited_fixture("complete.json", folder.path(), |answer| {
        answer["ministry"]["department"] = "Civil- og Politiafdelingen".into();
        answer["ministry"]["name"] = "Justits- og Politiministeriet".into();
    });
    let redline = folder.path().join("redline.pdf");
    write_redline(&old, &new, &redline);
    let text = pdf_text(&redline);
    let (letterhead, _) = text.split_once("ændringer i forhold til").expect(&text);
    for marked in [
        "Justitsministeriet Justits- og Politiministeriet",
        "Lovafdelingen Civil- og Politiafdelingen",
    ] {
        assert!(letterhead.contains(marked), "{marked}\n{letterhead}");
    }
}

#[test]
fn an_item_moved_within_its_list_is_noted_after_its_text() {
    // A moved item was told only in the box, the list barred as if edited (review 30): it
    // gets the moved block's note, in the change list's words, where it now stands.
    let folder = tempfile::tempdir().unwrap();
    let new = common::edited_fixture("complete.json", folder.path(), |answer| {
        let list = answer["answer"]["blocks"][2]["list"]
            .as_array_mut()
            .unwrap();
        list.rotate_left(1);
    });
    let redline = folder.path().join("redline.pdf");
    write_redline(&fixture("complete.json"), &new, &redline);
    let text = pdf_text(&redline);
    assert!(
        text.contains("– Andet punkt (flyttet; var tidligere punkt 2) – Første punkt Jeg har"),
        "{text}"
    );
}

#[test]
fn a_footnote_is_named_by_the_number_it_prints_with_and_its_label() {
    // The texts refer to the footnotes by names ("[^st]"); the reader of the PDF knows them by
    // number, the fourth referred to is 4, and the report must name the same one.
    let [_, new] = pair("footnotes-by-number");
    let output = svar()
        .arg("diff")
        .args(pair("footnotes-by-number"))
        .output()
        .unwrap();
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(report.contains("\nFodnote 4 ([^st]): ændret\n"), "{report}");
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(new.as_ref(), folder.path());
    let text = pdf_text(&pdf);
    assert!(text.contains(" 4 Note st, ændret. "), "{text}");
    // A footnote no text refers to does not print; its label names it, and says so.
    assert!(
        report.contains("\nFodnote [^x] (trykkes ikke): tilføjet\n    + Ubrugt.\n"),
        "{report}"
    );
    assert!(!text.contains("Ubrugt"), "{text}");
    // One whose only reference was removed stops printing, though the file still defines it.
    assert!(
        report.contains("\nFodnote 6 ([^end]): fjernet\n    - Note end.\n"),
        "{report}"
    );
    assert!(!text.contains("Note end"), "{text}");
}

#[test]
fn a_footnote_s_change_follows_the_text_that_refers_to_it_as_on_the_page() {
    // The footnote prints at the foot of the page, after the paragraph whose reference was
    // added; it was told before it, first of all content (review 25, 13).
    assert_eq!(
        changes_between_case("footnote-after-the-paragraph-referring-to-it"),
        "Tekstformat: ordret → markdown\n\
         Svar, afsnit 2: ændret\n    \
         … af spørgsmål nr. S 1581 og S 1582.{+[^1]+}\n\
         Fodnote 1: tilføjet\n    \
         + Besvarelserne er sendt til Folketinget den 17. februar 2004.\n\n\
         3 ændringer.\n"
    );
    // A footnote inserted before another in a statement: after the statement's paragraph,
    // and the one renumbered after it, which the answer's last paragraph refers to.
    assert_eq!(
        changes_between_case("footnote-inserted-before-another"),
        "Justitsministeriet og Økonomi- og Erhvervsministeriets udtalelse, afsnit 1: ændret\n    \
         … S 1581 og S 1582 gennemgåede journalkort mv.{+[^2]+} ikke giver oplysninger om \
         eksport fra Danmark …\n\
         Fodnote 1 ([^2]): tilføjet\n    \
         + Journalkortene findes i Rigsarkivet.\n\
         Fodnote 2 ([^1], før 1), nummer: 1 → 2\n\n\
         3 ændringer.\n"
    );
    // The redline's box lists them in the same order.
    let text = redline_text("footnote-after-the-paragraph-referring-to-it");
    assert!(
        text.contains("– Svar, afsnit 2: ændret (se markeringen) – Fodnote 1: tilføjet"),
        "{text}"
    );
}

#[test]
fn a_footnote_added_is_set_in_the_redline_and_every_footnote_keeps_its_number() {
    // The changed paragraph prints its reference as written ("udtalelse[^2]"); the footnote is
    // set after it, so the next one is 3, as in the published PDF, not 2.
    let text = redline_text("footnote-added");
    assert!(text.contains("udtalelse[^2] med **fed**.2"), "{text}");
    assert!(text.contains("N0 Rigspolitiet.3"), "{text}");
    assert!(text.contains("2 Fodnote *to*."), "{text}");
    assert!(text.contains("3 Fodnote tre."), "{text}");
}

#[test]
fn a_caption_s_footnote_reference_prints_as_written_in_the_redline_too() {
    // A caption is no Markdown: "[^3]" in it prints as written in the answer's PDF, and so in
    // the redline, where it must not set footnote 3 early and renumber the others.
    let folder = tempfile::tempdir().unwrap();
    let [old, _] = pair("footnote-added");
    let text = std::fs::read_to_string(&old).unwrap();
    assert!(text.contains("\"caption\": \"Sager *fordelt*\""));
    let new = folder.path().join("new.json");
    std::fs::write(
        &new,
        text.replace(
            "\"caption\": \"Sager *fordelt*\"",
            "\"caption\": \"Sager *fordelt*[^3]\"",
        ),
    )
    .unwrap();
    let redline = folder.path().join("redline.pdf");
    write_redline(old.as_ref(), &new, &redline);
    let text = pdf_text(&redline);
    assert!(text.contains("fordelt*[^3] Type"), "{text}");
    assert!(text.contains("N0 Rigspolitiet.2"), "{text}");
    assert!(text.contains("2 Fodnote tre."), "{text}");
}

#[test]
fn the_redline_notes_a_move_where_the_block_now_stands_and_where_it_stood() {
    // Review 31, 1: a moved paragraph had the red bar of an edited one, and nothing said it
    // moved, from where, or (at its old place) where it went.
    let text = redline_text("paragraph-moved-between-reordered-statements");
    // Over the paragraph, its old name as the change list gives it; its edit marked as usual.
    assert!(
        text.contains(
            "Flyttet; var tidligere Rigsadvokatens udtalelse, afsnit 10 Rigsadvokaten deltager \
             fast i forskellige fora"
        ),
        "{text}"
    );
    assert!(text.contains("med henblik på styrket samarbejde"), "{text}");
    // Over the statement moved among the statements, its places.
    assert!(
        text.contains("Flyttet fra plads 3 til plads 2 Rigspolitiet har oplyst følgende:"),
        "{text}"
    );
    // Where each stood, where it went: the paragraph between its neighbours there.
    assert!(
        text.contains(
            "offerets rettigheder i den forbindelse. Flyttet herfra til Rigspolitiets udtalelse, \
             afsnit 4 Til brug for besvarelsen"
        ),
        "{text}"
    );
    assert!(
        text.contains("Rigspolitiets udtalelse: flyttet herfra til plads 2"),
        "{text}"
    );
    // The box says the same as the notes.
    assert!(
        text.contains(
            "– Rigspolitiets udtalelse, afsnit 4: flyttet; var tidligere Rigsadvokatens \
             udtalelse, afsnit 10"
        ),
        "{text}"
    );
}

#[test]
fn the_redline_notes_a_move_within_the_answer_s_own_blocks_by_the_paragraphs_new_names() {
    let text = redline_text("paragraphs-reversed");
    for note in [
        "Flyttet; var tidligere afsnit 3",
        "Flyttet; var tidligere afsnit 1",
        "Flyttet herfra til afsnit 3",
        "Flyttet herfra til afsnit 1",
    ] {
        assert_eq!(text.matches(note).count(), 1, "{note}: {text}");
    }
}

#[test]
fn a_changed_figure_shows_its_old_value_struck_before_the_new_in_the_redline() {
    // Review 31, 2: only the new figure was highlighted; the old one was only in the box.
    let text = redline_text("figures-changed-in-wide-and-narrow-columns");
    // In a table without row labels (read column by column).
    assert!(text.contains("2015 67 68 2016 4"), "{text}");
    // In a narrow figure column, widened to hold both on one line, and in the total.
    assert!(
        text.contains("2016 23 1.023 22 0 0 45 1.045 2017"),
        "{text}"
    );
}

#[test]
fn a_changed_figure_widens_its_column_in_a_table_without_row_labels_too() {
    // A table without row labels has its figure columns measured, as one with them: 3.4 em
    // for "2" would set "1.649 1.650" over the neighbouring figures.
    let folder = tempfile::tempdir().unwrap();
    let case = fixture("diff/figures-changed-in-wide-and-narrow-columns/new.json");
    let answer: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(case).unwrap()).unwrap();
    let with_figure = |figure: u32, name: &str| -> PathBuf {
        let mut answer = answer.clone();
        let table = &mut answer["answer"]["blocks"][1]["statement"]["blocks"][11]["table"];
        table["panels"][1]["rows"][0]["cells"][2] = figure.into();
        let path = folder.path().join(name);
        std::fs::write(&path, answer.to_string()).unwrap();
        path
    };
    let (old, new) = (with_figure(1649, "old.json"), with_figure(1650, "new.json"));
    let redline = folder.path().join("redline.pdf");
    write_redline(&old, &new, &redline);
    let mut row = common::line_of(common::words_of_page(&redline, 2), "1.649");
    // pdftotext reads the row in an order of its own.
    row.sort_by(|one, other| one.1.total_cmp(&other.1));
    let texts: Vec<&str> = row.iter().map(|word| word.0.as_str()).collect();
    assert_eq!(texts, ["14", "25", "1.649", "1.650", "9", "1"]);
    // No figure runs into the next: the old and the new stand a space apart.
    for pair in row.windows(2) {
        let ((_, _, right), (_, left, _)) = (&pair[0], &pair[1]);
        assert!(left - right > 2.0, "too close: {pair:?}");
    }
    // The table stands at the left, only as wide as its columns.
    let last = row.last().unwrap().2;
    assert!(last < 300.0, "{row:?}");
}

#[test]
fn a_removed_paragraph_is_named_by_its_former_place_apart_from_the_edited_one_after_it() {
    // Review 31, 3: "afsnit 11: fjernet" was followed by "afsnit 11: ændret", the removed
    // paragraph counted in the old answer, the edited one in the new.
    let case = "paragraph-removed-and-the-next-edited";
    let changes = changes_between_case(case);
    assert!(
        changes.starts_with("Rigspolitiets udtalelse, tidligere afsnit 11: fjernet\n"),
        "{changes}"
    );
    assert!(
        changes.contains("\nRigspolitiets udtalelse, afsnit 11: ændret\n"),
        "{changes}"
    );
    let json = diff_json(case)["changes"].clone();
    assert_eq!(
        json[0]["location"],
        "Rigspolitiets udtalelse, tidligere afsnit 11"
    );
    assert_eq!(json[0]["path"], "answer.blocks[2].statement.blocks[11]");
    assert_eq!(json[1]["location"], "Rigspolitiets udtalelse, afsnit 11");
}

#[test]
fn the_redline_holds_deleted_and_inserted_words_and_a_summary() {
    let text = redline_text("changed-sentence");
    assert!(text.contains("1 ændring i forhold til"), "{text}");
    assert!(
        text.contains("Rigsadvokatens udtalelse, afsnit 8: ændret"),
        "{text}"
    );
    // A replaced word and its replacement are two words, not "erblev".
    assert!(
        text.contains("Praksisoversigten er blev senest opdateret den 4. februar 3. maj 2019"),
        "{text}"
    );
}

#[test]
fn a_cover_letter_s_redline_lists_the_changes_on_its_first_page() {
    // The cover letter fills page 1 with the date among its metadata; the list of changes was
    // on page 2, over the answer.
    let folder = tempfile::tempdir().unwrap();
    let old = crate_root().join("data/ufo-15-2010-11.json");
    let new = folder.path().join("new.json");
    // The answer's ministry profile, found beside it.
    let profiles = folder.path().join("ministries");
    std::fs::create_dir(&profiles).unwrap();
    let profile = "ministries/justitsministeriet.json";
    std::fs::copy(
        crate_root().join("data").join(profile),
        folder.path().join(profile),
    )
    .unwrap();
    let text = std::fs::read_to_string(&old).unwrap();
    std::fs::write(&new, text.replace("\"2011-04-11\"", "\"2011-04-14\"")).unwrap();
    let redline = folder.path().join("redline.pdf");
    write_redline(&old, &new, &redline);
    let first = common::pdf_page_text(&redline, 1);
    assert!(first.contains("1 ændring i forhold til"), "{first}");
    assert!(
        first.contains("Dato: 11. april 2011 → 14. april 2011"),
        "{first}"
    );
    assert!(first.contains("Hermed sendes besvarelse"), "{first}");
}

#[test]
fn a_table_without_a_number_is_named_by_where_it_stands_in_the_report_and_the_redline() {
    let report = diff_output("unnumbered-tables");
    let redline = redline_text("unnumbered-tables");
    for location in [
        "Svar, tabellen efter afsnit 2, Rusland, Antal: 73 → 74",
        "Svar, den anden tabel efter afsnit 3, Sverige, Antal: 210 → 211",
        "Rigspolitiets udtalelse, tabellen i begyndelsen af udtalelsen, Dublin-forordningen, \
         Antal: 1.649 → 1.650",
        // The table printed as "Tabel 1" is the only one called so.
        "Tabel 1, Norge, Antal: 100 → 101",
    ] {
        assert!(report.contains(location), "{location}\n{report}");
        assert!(redline.contains(location), "{location}\n{redline}");
    }
    assert_eq!(report.matches("Tabel 1").count(), 2, "{report}");
    assert!(!report.to_lowercase().contains("tabel 2"), "{report}");
}

#[test]
fn the_redline_names_the_old_file_alike_from_any_folder() {
    // The summary names the old answer by its file name: a path as typed would make the
    // redline's bytes depend on where the reviewer stood.
    let folder = tempfile::tempdir().unwrap();
    let [old, new] = pair("changed-sentence");
    let absolute = std::fs::canonicalize(&old).unwrap();
    let redlines = [old.into(), absolute].map(|old: PathBuf| {
        let redline = folder.path().join(format!("{}.pdf", old.is_absolute()));
        write_redline(&old, new.as_ref(), &redline);
        std::fs::read(&redline).unwrap()
    });
    assert!(redlines[0] == redlines[1], "the redlines differ");
    let text = pdf_text(&folder.path().join("true.pdf"));
    assert!(text.contains("1 ændring i forhold til old.json"), "{text}");
}

#[test]
fn json_format_with_a_redline_and_page_images_prints_only_json() {
    let folder = tempfile::tempdir().unwrap();
    let output = svar()
        .args(["diff", "--format", "json"])
        .args(pair("changed-cell"))
        .arg("--redline")
        .arg(folder.path().join("redline.pdf"))
        .arg("--pages")
        .arg(folder.path().join("sider"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let document: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("{error}: {}", String::from_utf8_lossy(&output.stdout)));
    assert_eq!(document["same"], false);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Redline: "), "{stderr}");
    assert!(stderr.contains("sidebillede"), "{stderr}");
}

#[test]
fn the_redline_lists_changed_cells() {
    assert!(redline_text("changed-cell").contains("Tabel 2 B, Frifundet, 2016: 14 → 15"));
}

#[test]
fn page_images_show_only_the_pages_that_differ() {
    let folder = tempfile::tempdir().unwrap();
    let run = |case: &str, pages: &Path| {
        svar()
            .arg("diff")
            .args(pair(case))
            .arg("--pages")
            .arg(pages)
            .output()
            .unwrap()
    };
    let changed = folder.path().join("changed");
    run("changed-sentence", &changed);
    let mut written: Vec<String> = std::fs::read_dir(&changed)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert!(
        !written.is_empty()
            && written
                .iter()
                .all(|name| name.starts_with("page-") && name.ends_with(".png"))
    );
    assert!(
        !written.contains(&"page-004.png".to_string()),
        "the last page did not change: {written:?}"
    );
    let same = folder.path().join("same");
    let output = run("identical", &same);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Siderne ser ens ud"));
}

#[test]
fn what_prints_the_same_is_no_change() {
    let folder = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(crate_root().join("tests/fixtures/complete.json")).unwrap();
    // Two spaces print as one; 1e3 prints as 1000 does; a no-break space typed where the page
    // keeps the words together anyway ("12,4 pct.") prints as the space.
    let same = text
        .replacen("Der er i alt behandlet", "Der er  i alt behandlet", 1)
        .replacen("12,4 pct.", "12,4\u{a0}pct.", 1)
        .replacen("\"cells\": [1234, 2244]", "\"cells\": [1234, 2244e0]", 1);
    assert_ne!(same, text);
    let new = folder.path().join("ny.json");
    std::fs::write(&new, same).unwrap();
    svar()
        .arg("diff")
        .arg("tests/fixtures/complete.json")
        .arg(&new)
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("Ingen forskelle"));
}

#[test]
fn a_figure_written_with_other_decimals_is_a_change() {
    let folder = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(crate_root().join("tests/fixtures/complete.json")).unwrap();
    // 1234.0 prints as "1.234,0", not as "1.234".
    let new = folder.path().join("ny.json");
    std::fs::write(&new, text.replacen("[1234, 2244]", "[1234.0, 2244]", 1)).unwrap();
    svar()
        .arg("diff")
        .arg("tests/fixtures/complete.json")
        .arg(&new)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "Tabel 1, Behandlet, 2009: 1.234 → 1.234,0",
        ));
}

#[test]
fn a_table_inserted_before_others_is_one_addition_and_their_new_numbers() {
    let folder = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(crate_root().join("tests/fixtures/complete.json")).unwrap();
    let mut answer: serde_json::Value = serde_json::from_str(&text).unwrap();
    let blocks = answer["answer"]["blocks"][1]["statement"]["blocks"]
        .as_array_mut()
        .unwrap();
    let at = blocks
        .iter()
        .position(|b| b.get("table").is_some())
        .unwrap();
    blocks[at]["table"]["number"] = 2.into();
    let inserted = serde_json::json!({"table": {"number": 1, "caption": "Ny tabel",
        "panels": [{"columns": ["2018"], "rows": [{"cells": [5]}]}]}});
    blocks.insert(at, inserted);
    let new = folder.path().join("ny.json");
    std::fs::write(&new, answer.to_string()).unwrap();
    let output = svar()
        .arg("diff")
        .arg("tests/fixtures/complete.json")
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.ends_with(
            "Tabel 1: tilføjet\n    + Tabel 1: Ny tabel\n    + række 1: 2018: 5\nTabel 2 (før Tabel 1), nummer: 1 → 2\n\n2 ændringer.\n"
        ),
        "{stdout}"
    );
}

#[test]
fn an_unreadable_answer_is_reported_as_json_too() {
    let output = svar()
        .args(["diff", "--format", "json", "findes-ikke.json"])
        .arg("tests/fixtures/complete.json")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["same"], serde_json::Value::Null);
    let unreadable = &report["unreadable"][0];
    assert_eq!(unreadable["file"], "findes-ikke.json");
    assert_eq!(
        unreadable["findings"][0]["message"],
        "findes-ikke.json: filen kan ikke læses: filen findes ikke; tjek stien"
    );
    assert_eq!(unreadable["findings"][0]["line"], serde_json::Value::Null);
}

#[test]
fn a_refused_redline_name_is_reported_as_json_too() {
    let output = svar()
        .args(["diff", "--format", "json", "--redline", "ny.txt"])
        .args([
            "tests/fixtures/complete.json",
            "tests/fixtures/complete.json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["same"], serde_json::Value::Null);
    assert_eq!(
        report["error"],
        "--redline ny.txt: en PDF skal have et navn, der ender på .pdf"
    );
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "fejl: --redline ny.txt: en PDF skal have et navn, der ender på .pdf\n"
    );
}

/// `svar diff` of a fixture against a copy with `edit` applied; the exit status and output.
fn diff_edited(fixture: &str, edit: impl Fn(String) -> String) -> (Option<i32>, String) {
    let folder = tempfile::tempdir().unwrap();
    let old = crate_root().join("tests/fixtures").join(fixture);
    let text = std::fs::read_to_string(&old).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit changes the file");
    let new = folder.path().join("ny.json");
    std::fs::write(&new, edited).unwrap();
    let output = svar()
        .args(["diff", "--no-color"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    (output.status.code(), stdout)
}

#[test]
fn markdown_written_otherwise_but_printed_alike_is_no_change() {
    let (code, stdout) = diff_edited("markdown.json", |text| {
        text.replacen("*indhentet*", "_indhentet_", 1)
            .replacen("**udtalelse**", "__udtalelse__", 1)
    });
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.starts_with("Ingen forskelle"), "{stdout}");
}

#[test]
fn a_new_agency_is_one_change_and_a_name_in_parentheses_takes_no_genitive() {
    let (code, stdout) = diff_edited("complete.json", |text| {
        text.replacen(
            "\"source\": \"Rigspolitiet\"",
            "\"source\": \"Rigspolitiet (RP)\"",
            1,
        )
    });
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains(
            "Udtalelsen fra Rigspolitiet (RP), myndighed: Rigspolitiet → Rigspolitiet (RP)\n"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("indledning"), "{stdout}");
    assert!(stdout.contains("\n1 ændring.\n"), "{stdout}");
}

#[test]
fn pages_that_look_different_are_a_difference_even_when_the_content_is_the_same() {
    let folder = tempfile::tempdir().unwrap();
    let templates = folder.path().join("mine");
    std::fs::create_dir(&templates).unwrap();
    let style = std::fs::read_to_string(crate_root().join("templates/style.typ")).unwrap();
    let larger = style.replacen("#let body-size = 11pt", "#let body-size = 11.5pt", 1);
    assert_ne!(larger, style);
    std::fs::write(templates.join("style.typ"), larger).unwrap();
    let diff = |format: &str| {
        svar()
            .args(["diff", "--format", format])
            .args(pair("identical"))
            .arg("--templates")
            .arg(&templates)
            .arg("--pages")
            .arg(folder.path().join(format))
            .output()
            .unwrap()
    };
    let text = diff("text");
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert_eq!(text.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.starts_with(
            "Indholdet af tests/fixtures/diff/identical/old.json og \
             tests/fixtures/diff/identical/new.json er det samme, men side 1"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("Ingen forskelle"), "{stdout}");
    let json = diff("json");
    assert_eq!(json.status.code(), Some(1));
    let document: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(document["same"], false);
    assert_eq!(document["pages"][0], 1);
    assert_eq!(document["changes"], serde_json::json!([]));
}

#[test]
fn the_redline_marks_the_question_and_footnotes_in_place_and_its_summary_is_plain() {
    let folder = tempfile::tempdir().unwrap();
    let old = crate_root().join("tests/fixtures/markdown.json");
    let text = std::fs::read_to_string(&old).unwrap();
    let edited = text
        .replacen(
            "hvor mange sager der er behandlet?",
            "hvor mange **sager** der er afgjort?",
            1,
        )
        .replacen("(https://www.ft.dk).", "(https://www.ft.dk), 2019.", 1);
    assert_ne!(edited, text);
    let new = folder.path().join("ny.json");
    std::fs::write(&new, edited).unwrap();
    let redline = folder.path().join("redline.pdf");
    write_redline(&old, &new, &redline);
    let text = pdf_text(&redline);
    assert!(
        text.contains("Spørgsmålets tekst: ændret (se markeringen)"),
        "{text}"
    );
    assert!(
        text.contains("Fodnote 1: ændret (se markeringen)"),
        "{text}"
    );
    assert!(!text.contains("[-") && !text.contains("{+"), "{text}");
    // The question in the body holds both the deleted and the inserted word, apart.
    assert!(text.contains("behandlet afgjort"), "{text}");
}

#[test]
fn a_crafted_pdf_nested_thousands_deep_is_refused_not_a_crash() {
    // lopdf parses nested arrays by recursion: 5,000 levels overflowed the stack and aborted.
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("deep.pdf");
    let nested = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    std::fs::write(
        &pdf,
        format!("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /X {nested} >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
    )
    .unwrap();
    svar()
        .args(["diff", "data/beu-287-2019.json"])
        .arg(&pdf)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "PDF'en kan ikke læses; den er beskadiget eller ikke en PDF (dens objekter er indlejret mere end 256 niveauer dybt)",
        ));
}

#[test]
fn the_readme_s_change_list_is_what_svar_prints() {
    // README shows a change list with its command; it had drifted from svar's real order.
    let readme = std::fs::read_to_string(crate_root().join("README.md")).unwrap();
    let command = "$ svar diff data/beu-287-2019.json rettet.json\n";
    let shown = &readme[readme.find(command).expect("README shows the command") + command.len()..];
    let shown = &shown[..shown.find("```").unwrap()];
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("data")).unwrap();
    std::fs::copy(
        crate_root().join("data/beu-287-2019.json"),
        folder.path().join("data/beu-287-2019.json"),
    )
    .unwrap();
    std::fs::copy(
        crate_root().join("tests/fixtures/readme/rettet.json"),
        folder.path().join("rettet.json"),
    )
    .unwrap();
    let output = svar()
        .args(["diff", "data/beu-287-2019.json", "rettet.json"])
        .current_dir(folder.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout), shown);
}

#[test]
fn a_changed_heading_is_marked_in_the_redline_and_named_by_its_words() {
    let text = redline_text("headings");
    for line in [
        "Svar, overskriften ”Baggrund”: tilføjet",
        "Rigspolitiets udtalelse, overskriften ”Ressourcer i 2026”: ændret (se markeringen)",
        "Svar, overskriften ”Ministerens bemærkninger”: fjernet: Ministerens bemærkninger",
        "Bilag 1, overskriften ”Sager i 2026 fordelt på kredse”: ændret (se markeringen)",
        "Ressourcer i 2026 Der er i 2026 afsat",
    ] {
        assert!(text.contains(line), "{line:?} missing:\n{text}");
    }
    let json = diff_json("headings");
    assert_eq!(json["changes"][0]["element"], "heading");
    assert_eq!(
        json["changes"][1]["path"],
        "answer.blocks[2].statement.blocks[2].heading"
    );
}

#[test]
fn a_department_set_is_a_change_of_the_letterhead() {
    let report = common::diff_report_after_edit("complete.json", |answer| {
        answer["ministry"]["department"] = "Lovafdelingen".into();
    });
    assert!(
        report.contains("\nAfdeling: (ingen) → Lovafdelingen\n"),
        "{report}"
    );
}

#[test]
fn a_block_removed_from_the_answer_leaves_its_first_words_struck_where_it_stood() {
    // A paragraph or a table removed from the answer's own blocks left no mark where it was,
    // only a line in the box (review 25, #6).
    let folder = tempfile::tempdir().unwrap();
    let new = common::edited_fixture("complete.json", folder.path(), |answer| {
        answer["answer"]["blocks"].as_array_mut().unwrap().remove(0);
    });
    let redline = folder.path().join("redline.pdf");
    write_redline(&fixture("complete.json"), &new, &redline);
    let text = pdf_text(&redline);
    let (_, body) = text.split_once("Svar: ").expect(&text);
    assert!(
        body.starts_with(
            "Justitsministeriet har indhentet en udtalelse fra Rigspolitiet. \
             Rigspolitiet har oplyst følgende:"
        ),
        "{body}"
    );
    // A table: its first line, here the header of a table without a caption, between the
    // paragraphs it stood between.
    let text = redline_text("table-removed");
    let (_, body) = text.split_once("Svar: ").unwrap();
    assert!(
        body.contains("udsendelser i 2016: Kategori: Antal Til sammenligning"),
        "{body}"
    );
}

/// The redline `svar diff --redline` writes for a case, in `folder`.
fn redline_in(case: &str, folder: &Path) -> PathBuf {
    let redline = folder.join("redline.pdf");
    let [old, new] = pair(case);
    write_redline(old.as_ref(), new.as_ref(), &redline);
    redline
}

/// The lines of a PDF as `pdftotext -layout` sets them: words that stand on one line of the
/// page, as a table's row label and its figures do, on one line.
fn layout_lines(pdf: &Path) -> Vec<String> {
    let output = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&output.stdout);
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn a_renamed_row_label_shows_its_old_name_struck_beside_the_new_in_line_with_its_figures() {
    // The cell was only highlighted: the reviewer could not see what the row was called
    // before, where a renamed column's header shows its old name struck.
    let folder = tempfile::tempdir().unwrap();
    let lines = layout_lines(&redline_in("row-renamed", folder.path()));
    for figures in ["5 7 22 10 2", "3 5 14 7 2"] {
        let row = format!("Frifundet Frifundet helt {figures}");
        assert!(lines.contains(&row), "{row:?} in {lines:#?}");
    }
}

#[test]
fn a_narrow_table_s_renamed_labels_keep_their_figures_on_their_line() {
    // The column of a narrow table is as wide as its new labels need: it is widened for the
    // old label beside the new one, which would otherwise stand on a line under its figure.
    // The total's label and the labels' header, which were not marked at all, are marked too.
    let folder = tempfile::tempdir().unwrap();
    let lines = layout_lines(&redline_in(
        "row-labels-renamed-in-a-narrow-table",
        folder.path(),
    ));
    for row in ["Rusland Den Russiske Føderation 73", "I alt Total 491"] {
        assert!(
            lines.iter().any(|line| line == row),
            "{row:?} in {lines:#?}"
        );
    }
    // The header's old name over the new, as a renamed column's.
    let header = lines.iter().position(|line| line == "Nationalitet Antal");
    assert_eq!(
        header.map(|at| lines[at + 1].as_str()),
        Some("Statsborgerskab"),
        "{lines:#?}"
    );
}

/// The points from the top of page `page` of `pdf` at which a bar in the left margin is green,
/// as beside an added block: read from the page rasterised at a point a pixel, left of the
/// text's left edge.
fn green_margin_rows(pdf: &Path, page: u32) -> Vec<u32> {
    let folder = tempfile::tempdir().unwrap();
    let page = page.to_string();
    let status = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "72", "-singlefile", "-f", &page, "-l", &page])
        .arg(pdf)
        .arg(folder.path().join("page"))
        .status()
        .expect("pdftoppm (poppler-utils)");
    assert!(status.success());
    let image = tiny_skia::Pixmap::load_png(folder.path().join("page.png")).unwrap();
    // The text begins 2.5 cm in; the bar stands 9 pt left of it.
    let margin = (2.5 / 2.54 * 72.0) as u32 - 3;
    let is_green = |x: u32, y: u32| {
        let pixel = image.pixel(x, y).unwrap().demultiply();
        let (red, green, blue) = (pixel.red(), pixel.green(), pixel.blue());
        u16::from(green) > u16::from(red) + 40 && u16::from(green) > u16::from(blue) + 40
    };
    (0..image.height())
        .filter(|&y| (0..margin).any(|x| is_green(x, y)))
        .collect()
}

/// The points from the top of page `page` of `pdf` at which the word `word` first stands.
fn word_top(pdf: &Path, page: u32, word: &str) -> f64 {
    let page = page.to_string();
    let output = std::process::Command::new("pdftotext")
        .args(["-bbox", "-f", &page, "-l", &page])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let boxes = String::from_utf8_lossy(&output.stdout);
    let line = boxes
        .lines()
        .find(|line| line.trim_end().ends_with(&format!(">{word}</word>")))
        .unwrap_or_else(|| panic!("{word:?} on page {page}: {boxes}"));
    let (_, after) = line.split_once("yMin=\"").unwrap();
    after.split('"').next().unwrap().parse().unwrap()
}

#[test]
fn an_added_further_question_has_a_green_bar_beside_it() {
    // Its heading and text were green, but it had no bar in the margin, as every other added
    // block has: a reviewer running down the margin for changes passed it by.
    let folder = tempfile::tempdir().unwrap();
    let redline = redline_in("further-question-added", folder.path());
    let text = common::pdf_page_text(&redline, 2);
    assert!(
        text.contains("Spørgsmål nr. 17: ”Vil ministeren oplyse, hvor mange anmodninger"),
        "{text}"
    );
    // The question stands above "Svar:", the section added to answer it below.
    let answer = word_top(&redline, 2, "Svar:");
    let heading = word_top(&redline, 2, "17:");
    let bar = green_margin_rows(&redline, 2);
    let beside_question: Vec<&u32> = (bar.iter())
        .filter(|&&y| f64::from(y) > heading - 4.0 && f64::from(y) < answer)
        .collect();
    assert!(
        beside_question.len() > 20,
        "a bar from the heading at {heading} pt down to its text: {bar:?}"
    );
    assert!(bar.iter().any(|&y| f64::from(y) > answer), "{bar:?}");
}

#[test]
fn a_table_moved_past_a_paragraph_is_told_as_moved_in_the_list_and_the_redline() {
    let changes = diff_json("table-moved-past-a-paragraph")["changes"].clone();
    assert_eq!(
        changes,
        serde_json::json!([{
            "location": "Svar, tabellen efter afsnit 5",
            "path": "answer.blocks[6]",
            "kind": "moved",
            "element": "table",
            "from": 6,
            "to": 7,
            "from_location": "Svar, tabellen efter afsnit 4",
            "from_path": "answer.blocks[5]"
        }])
    );
    let text = redline_text("table-moved-past-a-paragraph");
    assert!(
        text.contains(
            "Svar, tabellen efter afsnit 5: flyttet; var tidligere tabellen efter afsnit 4"
        ),
        "{text}"
    );
    assert!(
        !text.contains("fjernet") && !text.contains("tilføjet"),
        "{text}"
    );
}

#[test]
fn a_renumbered_enclosure_reference_is_its_number_struck_and_inserted() {
    // "bilag 1" → "bilag 2" after an enclosure was put before it: the one word, not the
    // reference removed and added.
    let changes = diff_json("enclosure-reference-renumbered")["changes"].clone();
    let edit = (changes.as_array().unwrap().iter())
        .find(|change| change["kind"] == "text")
        .unwrap();
    assert_eq!(
        edit["segments"],
        serde_json::json!([
            {"kind": "equal", "text": "Fordelingen på politikredse fremgår af tabel 2 i bilag "},
            {"kind": "deleted", "text": "1"},
            {"kind": "inserted", "text": "2"},
            {"kind": "equal", "text": "."}
        ])
    );
    // The redline reads "bilag ~~1~~ 2.", the struck number and the new one apart.
    let text = redline_text("enclosure-reference-renumbered");
    assert!(
        text.contains("Fordelingen på politikredse fremgår af tabel 2 i bilag 1 2."),
        "{text}"
    );
}

#[test]
fn a_second_member_who_asked_is_a_change_of_the_askers_named_together() {
    // Review 33: a question may be asked on behalf of several members.
    let folder = tempfile::tempdir().unwrap();
    let old = common::fixture("complete.json");
    let with = |second: serde_json::Value| {
        let folder = folder.path().join(second["party"].as_str().unwrap());
        common::edited_fixture("complete.json", &folder, |answer| {
            let first = answer["question"]["asked_by"].clone();
            answer["question"]["asked_by"] = serde_json::json!([first, second]);
        })
    };
    let same_party = with(serde_json::json!({"name": "Pelle Dragsted", "party": "EL"}));
    assert_eq!(
        changes_between(old.to_str().unwrap(), same_party.to_str().unwrap()),
        "Stillet efter ønske fra: Line Barfod → Line Barfod og Pelle Dragsted\n\n1 ændring.\n"
    );
    let other_party = with(serde_json::json!({"name": "Trine Bramsen", "party": "S"}));
    assert_eq!(
        changes_between(old.to_str().unwrap(), other_party.to_str().unwrap()),
        "Stillet efter ønske fra: Line Barfod → Line Barfod og Trine Bramsen\n\
         Parti: EL → EL og S\n\n2 ændringer.\n"
    );
}

/// A column group's heading renamed and one added are listed by the group, and the redline
/// prints the old heading struck over the new one and the added heading inserted, as it does
/// a renamed column's header; a cell under a group is named by both headings.
#[test]
fn a_column_group_s_heading_changed_or_added_is_listed_and_marked_in_the_redline() {
    let case = "column-groups-renamed";
    let output = diff_output(case);
    for change in [
        "Tabel 1, overskrift over kolonnegruppe 1: (ingen) → Samlet",
        "Tabel 1, overskrift over kolonnegruppe 2: 2015 → 2017",
        "Tabel 1, Asyl, 2017, Antal: 300 → 301",
    ] {
        assert!(output.contains(change), "{change:?} in {output}");
    }
    let text = redline_text(case);
    // The new answer prints 2015 nowhere: the redline has it only as the struck old heading.
    assert!(text.contains("2015 2017"), "{text}");
    assert!(text.contains("Samlet"), "{text}");
}
