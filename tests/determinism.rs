//! End-to-end tests that a PDF depends on what it prints and carries, not on how its files
//! happen to be written or where they lie: reviewers compare PDFs byte for byte, and the same
//! answer must give the same bytes on a Mac, on Windows and in another folder.

use std::path::Path;

mod common;

use common::{crate_root, fixture, pdf_metadata, render_into, svar};

/// Copies the files of `from`, and of its `ministries/` folder, into `to`.
fn copy_answer_folder(from: &Path, to: &Path) {
    for folder in ["", "ministries"] {
        let Ok(entries) = std::fs::read_dir(from.join(folder)) else {
            continue;
        };
        std::fs::create_dir_all(to.join(folder)).unwrap();
        for entry in entries.map(Result::unwrap) {
            if entry.file_type().unwrap().is_file() {
                std::fs::copy(entry.path(), to.join(folder).join(entry.file_name())).unwrap();
            }
        }
    }
}

/// The bytes of the PDF of `answer`, rendered into a folder of its own under `folder`.
fn pdf_bytes(answer: &Path, folder: &Path, name: &str) -> Vec<u8> {
    let output = folder.join(format!("out-{name}"));
    std::fs::create_dir_all(&output).unwrap();
    std::fs::read(render_into(answer, &output)).unwrap()
}

/// Rewrites the file at `path` through `change`.
fn edit(path: &Path, change: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, change(text)).unwrap();
}

#[test]
fn windows_line_ends_in_a_profile_and_its_logo_give_the_same_pdf() {
    // Git on Windows checks text files out with CRLF; an editor may add a byte-order mark.
    let folder = tempfile::tempdir().unwrap();
    let (unix, windows) = (folder.path().join("lf"), folder.path().join("crlf"));
    copy_answer_folder(&fixture("logo"), &unix);
    copy_answer_folder(&fixture("logo"), &windows);
    for file in ["justitsministeriet.json", "eksempel.svg"] {
        let path = windows.join("ministries").join(file);
        edit(&path, |text| {
            assert!(text.contains('\n') && !text.contains('\r'), "{file}");
            format!("\u{feff}{}", text.replace('\n', "\r\n"))
        });
    }
    let expected = pdf_bytes(&unix.join("answer.json"), folder.path(), "lf");
    let found = pdf_bytes(&windows.join("answer.json"), folder.path(), "crlf");
    assert!(expected == found, "the PDFs differ");
}

#[test]
fn decomposed_letters_give_the_same_pdf_and_no_difference() {
    // "å" pasted from a Mac may be "a" and a combining ring (U+030A): it prints the same.
    // Written out, or as JSON escapes, as Python's json.dump saves it ("pa\u030a").
    let folder = tempfile::tempdir().unwrap();
    let composed = fixture("complete.json");
    let text = std::fs::read_to_string(&composed).unwrap();
    assert!(text.contains('å'));
    let expected = pdf_bytes(&composed, folder.path(), "composed");
    for (name, ring) in [("decomposed", "\u{30a}"), ("escaped", "\\u030a")] {
        let decomposed = folder.path().join(format!("{name}.json"));
        let written = text
            .replace('å', &format!("a{ring}"))
            .replace('Å', &format!("A{ring}"));
        std::fs::write(&decomposed, written).unwrap();
        let found = pdf_bytes(&decomposed, folder.path(), name);
        assert!(expected == found, "the PDFs differ: {name}");
        svar()
            .arg("diff")
            .arg(&composed)
            .arg(&decomposed)
            .assert()
            .success()
            .stdout(predicates::str::starts_with("Ingen forskelle"));
    }
}

#[test]
fn the_schema_hint_for_editors_is_not_part_of_the_pdf() {
    // "$schema" is a path from the answer's folder: moving the file changes it, and nothing
    // printed.
    let folder = tempfile::tempdir().unwrap();
    let original = crate_root().join("data/beu-287-2019.json");
    let (moved, without) = (
        folder.path().join("moved.json"),
        folder.path().join("without.json"),
    );
    let text = std::fs::read_to_string(&original).unwrap();
    let hint = r#""$schema": "../schema/answer.schema.json","#;
    assert!(text.contains(hint));
    let moved_hint = r#""$schema": "../../svar/schema/answer.schema.json","#;
    std::fs::write(&moved, text.replace(hint, moved_hint)).unwrap();
    std::fs::write(&without, text.replace(hint, "")).unwrap();
    let expected = pdf_bytes(&original, folder.path(), "original");
    assert!(expected == pdf_bytes(&moved, folder.path(), "moved"));
    assert!(expected == pdf_bytes(&without, folder.path(), "without"));
}

#[cfg(unix)]
#[test]
fn a_link_to_an_answer_reads_the_profile_beside_the_answer_itself() {
    // A reviewer links an answer into a folder of their own, which holds another profile of the
    // same name: the answer keeps its own letterhead.
    let folder = tempfile::tempdir().unwrap();
    let (real, review) = (folder.path().join("real"), folder.path().join("review"));
    copy_answer_folder(&fixture("logo"), &real);
    copy_answer_folder(&fixture("logo"), &review);
    std::fs::remove_file(review.join("answer.json")).unwrap();
    std::os::unix::fs::symlink("../real/answer.json", review.join("answer.json")).unwrap();
    edit(&review.join("ministries/justitsministeriet.json"), |text| {
        text.replace(
            "\"name\": \"Justitsministeriet\"",
            "\"name\": \"Et andet ministerium\"",
        )
    });
    let expected = pdf_bytes(&real.join("answer.json"), folder.path(), "real");
    let found = pdf_bytes(&review.join("answer.json"), folder.path(), "link");
    assert!(expected == found, "the PDFs differ");
}

#[test]
fn the_title_a_viewer_shows_has_the_quotes_the_page_prints() {
    let folder = tempfile::tempdir().unwrap();
    copy_answer_folder(&crate_root().join("data"), folder.path());
    let answer = folder.path().join("l-53-27-2020-21.json");
    edit(&answer, |text| {
        let mut answer: serde_json::Value = serde_json::from_str(&text).unwrap();
        answer["question"]["bill_title"] =
            "forslag til lov om \"Respekt for voldtægtsofre\" og NGO'er".into();
        answer.to_string()
    });
    let (title, ..) = pdf_metadata(&render_into(&answer, folder.path()));
    assert!(
        title.contains("forslag til lov om ”Respekt for voldtægtsofre” og NGO’er"),
        "{title}"
    );
}

#[test]
fn an_answer_in_a_batch_gives_the_pdf_it_gives_alone_whatever_came_before_it() {
    // A batch's worker edits the last answer's source into the next one's; after an answer
    // with tables, one of the fixtures lost its signature, and its PDF depended on which
    // answer its worker had rendered before (review 33). Alternating the two, every worker
    // renders the one after the other.
    let folder = tempfile::tempdir().unwrap();
    let batch = folder.path().join("batch");
    std::fs::create_dir(&batch).unwrap();
    std::fs::copy(fixture("sager.csv"), batch.join("sager.csv")).unwrap();
    let pair = ["panels-of-counts-and-amounts.json", "spreadsheet.json"];
    for round in 0..4 {
        for (index, name) in pair.iter().enumerate() {
            let copy = batch.join(format!("{round}{index}-{name}"));
            std::fs::copy(fixture(name), copy).unwrap();
        }
    }
    let output = folder.path().join("out");
    svar()
        .arg("render")
        .arg(&batch)
        .arg("-o")
        .arg(format!("{}/", output.display()))
        .assert()
        .success();
    for (index, name) in pair.iter().enumerate() {
        let alone = pdf_bytes(&fixture(name), folder.path(), name);
        for round in 0..4 {
            let stem = name.trim_end_matches(".json");
            let batched = std::fs::read(output.join(format!("{round}{index}-{stem}.pdf"))).unwrap();
            assert!(
                batched == alone,
                "{round}{index}-{name} differs from {name} alone"
            );
        }
    }
}
