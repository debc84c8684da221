//! `svar check`, `svar schema` and `svar new`, driving the real binary. Each mistake under
//! tests/fixtures/invalid/ has a snapshot of the exact message a clerk sees.

mod common;

use std::path::{Path, PathBuf};

use common::{crate_root, svar};
use predicates::prelude::*;

/// The exit status and everything `svar check` prints for one file.
fn check_report(relative: &str) -> String {
    common::check_output(relative).1
}

#[test]
fn every_mistake_has_its_exact_message() {
    let names = common::json_files("tests/fixtures/invalid");
    assert!(
        names.len() >= 15,
        "expected a fixture per mistake, found {names:?}"
    );
    for name in names {
        let output = check_report(&format!("tests/fixtures/invalid/{name}"));
        insta::assert_snapshot!(name.trim_end_matches(".json"), output);
    }
}

#[test]
fn the_examples_and_fixtures_are_valid() {
    // The reference answer is undated, as its text is: its one warning is that of PDF/A.
    for (file, status) in [
        ("data/beu-287-2019.json", "i orden (0 fejl, 1 advarsel)"),
        (
            "tests/fixtures/complete.json",
            "i orden (0 fejl, 0 advarsler)",
        ),
    ] {
        svar()
            .args(["check", file])
            .assert()
            .success()
            .stdout(predicate::str::contains(status));
    }
}

/// `svar check` tells of an undated answer what `svar render` warns as it writes the PDF, in
/// the same words, as a warning: it said "i orden (0 fejl, 0 advarsler)", and a clerk who
/// checks before sending learnt only from the render that the PDF is not PDF/A.
#[test]
fn check_warns_of_an_undated_answer_as_render_does() {
    let answer = "data/beu-287-2019.json";
    let folder = tempfile::tempdir().unwrap();
    let rendered = svar()
        .args(["render", answer, "-o"])
        .arg(folder.path())
        .output()
        .unwrap();
    let warning = String::from_utf8(rendered.stderr).unwrap();
    let warning = warning.lines().next().unwrap();
    assert_eq!(
        warning,
        "advarsel: data/beu-287-2019.json har ingen dato; PDF/A kræver en dato, så PDF'en \
         overholder kun PDF/UA-1. Angiv \"date\" for at få PDF/A-3b."
    );
    let checked = svar().args(["check", answer]).output().unwrap();
    assert_eq!(checked.status.code(), Some(0), "a warning alone passes");
    let report = String::from_utf8(checked.stderr).unwrap();
    assert_eq!(
        common::finding(&report, warning),
        format!(
            "{warning}\n  ┌─ data/beu-287-2019.json:1:1\n  │\n1 │ {{\n  │ ^\n  │\n  = sti: date\n"
        )
    );
    assert_eq!(
        String::from_utf8(checked.stdout).unwrap(),
        "data/beu-287-2019.json: i orden (0 fejl, 1 advarsel)\n"
    );
    let output = svar()
        .args(["check", "--format", "json", answer])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = &json["files"][0]["findings"];
    assert_eq!(findings.as_array().unwrap().len(), 1, "{json}");
    assert_eq!(findings[0]["severity"], "warning");
    assert_eq!(findings[0]["path"], "date");
    assert_eq!(
        findings[0]["message"].as_str(),
        warning.strip_prefix("advarsel: ")
    );
    assert_eq!(json["valid"], true);
}

#[test]
fn json_format_reports_findings_for_machines() {
    let output = svar()
        .args(["check", "--format", "json", "data/beu-287-2019.json"])
        .arg("tests/fixtures/invalid/unknown-field-kaption.json")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(report["files"][0]["valid"], true);
    let finding = &report["files"][1]["findings"][0];
    assert_eq!(finding["severity"], "error");
    assert_eq!(
        finding["path"],
        "answer.blocks[1].statement.blocks[1].table.kaption"
    );
    assert_eq!(finding["message"], "ukendt felt `kaption`");
    assert_eq!(finding["hint"], "mente du `caption`?");
    assert!(finding["line"].as_u64().unwrap() > 1);
    let mut keys: Vec<&String> = finding.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["column", "hint", "line", "message", "path", "severity"],
        "every finding has the same keys, the hint null without advice"
    );
}

/// A finding about a spreadsheet stands at the panel's `"csv"` in the answer, and its message
/// names the spreadsheet's place; `"source"` gives that place to an editor or CI, which could
/// otherwise not jump to the cell. The fixtures under tests/fixtures/spreadsheet-places/:
/// `total.json` reads `kommuner.csv`, whose total under 2022 (column B) is one off, and has a
/// quotation mark of its own to be warned of; `unread.json` reads `./fejl.csv`, with a figure
/// written the international way and a row one cell short. Checked from the crate root, the
/// spreadsheets are read, and named in the messages, under the answers' folder.
#[test]
fn json_format_gives_a_spreadsheet_finding_the_spreadsheets_own_place() {
    let folder = "tests/fixtures/spreadsheet-places";
    let output = svar()
        .args(["check", "--format", "json"])
        .args([
            format!("{folder}/total.json"),
            format!("{folder}/unread.json"),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = |file: usize| {
        report["files"][file]["findings"]
            .as_array()
            .unwrap()
            .clone()
    };
    let total = findings(0);
    assert_eq!(total.len(), 2, "{report}");
    // The answer's own finding keeps its keys, with no "source".
    assert_eq!(total[0]["path"], "answer.blocks[0].paragraph");
    let mut keys: Vec<&String> = total[0].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["column", "hint", "line", "message", "path", "severity"]
    );
    let csv = "answer.blocks[1].statement.blocks[1].table.panels[0].csv";
    let sheet = |finding: &serde_json::Value| {
        assert_eq!(finding["path"], csv, "{finding}");
        (finding["message"].clone(), finding["source"].clone())
    };
    assert_eq!(
        sheet(&total[1]),
        (
            serde_json::json!(
                "tests/fixtures/spreadsheet-places/kommuner.csv, linje 5, tegn 7: totalen i \
                 kolonnen \"2022\" (regnearkets kolonne B) er 280.152,3, men rækkerne summer til \
                 280.153,3"
            ),
            serde_json::json!({
                "file": "kommuner.csv",
                "resolved": "tests/fixtures/spreadsheet-places/kommuner.csv",
                "line": 5,
                "column": 7,
            })
        )
    );
    let unread = findings(1);
    let fejl = "tests/fixtures/spreadsheet-places/fejl.csv";
    assert_eq!(
        unread.iter().map(sheet).collect::<Vec<_>>(),
        [
            (
                serde_json::json!(format!(
                    "{fejl}, linje 2, tegn 18: \"1,234.5\" kan ikke læses som et tal"
                )),
                serde_json::json!({"file": "./fejl.csv", "resolved": fejl, "line": 2, "column": 18}),
            ),
            (
                serde_json::json!(format!(
                    "{fejl}, linje 3: rækken har 2 celler, men overskriften i linje 1 har 3 (læst \
                     med semikolon mellem cellerne)"
                )),
                serde_json::json!({"file": "./fejl.csv", "resolved": fejl, "line": 3, "column": null}),
            ),
        ]
    );
    // The text a clerk reads names the same places, and no "source".
    let text = svar()
        .args(["check", &format!("{folder}/total.json")])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stderr).unwrap();
    assert!(
        text.contains(
            "fejl: tests/fixtures/spreadsheet-places/kommuner.csv, linje 5, tegn 7: totalen i \
             kolonnen \"2022\" (regnearkets kolonne B) er 280.152,3"
        ),
        "{text}"
    );
}

#[test]
fn the_checked_in_schema_is_the_generated_one() {
    let output = svar().arg("schema").output().unwrap();
    assert!(output.status.success());
    let checked_in =
        std::fs::read_to_string(crate_root().join("schema/answer.schema.json")).unwrap();
    assert!(
        String::from_utf8(output.stdout).unwrap() == checked_in,
        "schema/answer.schema.json is stale: run `cargo run --release -- schema > schema/answer.schema.json`"
    );
}

#[test]
fn the_schema_describes_fields_in_danish_and_rejects_unknown_fields() {
    let schema: serde_json::Value = serde_json::from_str(&svar::cli::answer_schema()).unwrap();
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(
        schema["properties"]["date"]["description"],
        "Svarets dato (ÅÅÅÅ-MM-DD); også PDF'ens dato."
    );
}

#[test]
fn a_new_skeleton_is_rejected_until_filled_in_and_never_overwrites() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("nyt-svar.json");
    svar().arg("new").arg(&file).assert().success();
    let output = svar().arg("check").arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for path in [
        "ministry.name",
        "ministry.minister_title",
        "date",
        "question.asked_by.name",
        "question.asked_by.party",
        "signature.minister",
        "question.number",
        "question.text",
        "question.session",
        "question.committee.abbreviation",
        "answer.blocks[0].paragraph",
        "case_number",
        "document_number",
        "question.asked_on",
        "signature.official",
    ] {
        // Once each: a placeholder is not also an unknown session or abbreviation.
        assert_eq!(
            stderr.matches(&format!("sti: {path}\n")).count(),
            1,
            "{path} not flagged once:\n{stderr}"
        );
    }
    let written = std::fs::read(&file).unwrap();
    svar()
        .arg("new")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("findes allerede"));
    assert_eq!(std::fs::read(&file).unwrap(), written);
    svar()
        .args(["render", "-o"])
        .arg(folder.path())
        .arg(&file)
        .assert()
        .code(1);
    assert!(!folder.path().join("nyt-svar.pdf").exists());
}

/// A user review: the skeleton left out what most sent answers have, the case and document
/// numbers, the day the question was asked (a letter names it) and the official who signs,
/// so they were forgotten. Each is a placeholder to fill in or delete, which `svar check`
/// tells as such; the question's other placeholders are told beside its date.
#[test]
fn a_new_skeleton_has_the_fields_most_answers_have_to_fill_in_or_delete() {
    let folder = tempfile::tempdir().unwrap();
    let check = |name: &str| {
        let output = svar()
            .args(["check", name])
            .current_dir(folder.path())
            .output()
            .unwrap();
        format!(
            "exit: {}\n--- stderr\n{}--- stdout\n{}",
            output.status.code().unwrap(),
            String::from_utf8_lossy(&output.stderr),
            String::from_utf8_lossy(&output.stdout)
        )
    };
    svar()
        .args(["new", "nyt-svar.json"])
        .current_dir(folder.path())
        .assert()
        .success();
    let report = check("nyt-svar.json");
    insta::assert_snapshot!("new-skeleton", report);
    let optional = [
        "case_number",
        "document_number",
        "question.asked_on",
        "signature.official",
    ];
    let tip_at = |path: &str| {
        let finding = report
            .split("\n\n")
            .find(|f| f.contains(&format!("sti: {path}\n")));
        finding
            .and_then(|f| f.split("tip: ").nth(1))
            .map(str::trim_end)
    };
    for path in optional {
        assert_eq!(
            tip_at(path),
            Some(
                "erstat teksten med det rigtige indhold, eller slet feltet, hvis svaret ikke \
                 skal have det"
            ),
            "{path}"
        );
    }
    for path in ["date", "signature.minister", "question.session"] {
        assert_eq!(
            tip_at(path),
            Some("erstat teksten med UDFYLD med det rigtige indhold"),
            "{path}"
        );
    }
    // Deleted, they are not missed: the skeleton is JSON, and an answer may do without them.
    let file = folder.path().join("nyt-svar.json");
    let mut answer: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    for path in optional {
        let (object, field) = path.rsplit_once('.').unwrap_or(("", path));
        let object = match object {
            "" => &mut answer,
            object => &mut answer[object],
        };
        object.as_object_mut().unwrap().remove(field).unwrap();
    }
    std::fs::write(&file, serde_json::to_string_pretty(&answer).unwrap()).unwrap();
    let report = check("nyt-svar.json");
    for path in optional {
        assert!(
            !report.contains(&format!("sti: {path}\n")),
            "{path}:\n{report}"
        );
    }
    assert!(report.contains("(12 fejl, 0 advarsler)"), "{report}");
}

#[test]
fn a_new_skeleton_for_a_shipped_ministry_has_its_name_title_and_profile_filled_in() {
    // Review 30: a clerk who knew no profiles got a PDF without the ministry's address and
    // layout, and typed the name and the minister's title by hand.
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("nyt-svar.json");
    svar()
        .args([
            "new",
            "--ministerium",
            "udlaendinge-og-integrationsministeriet",
        ])
        .arg(&file)
        .assert()
        .success();
    let answer: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(
        answer["ministry"],
        serde_json::json!({
            "name": "Udlændinge- og Integrationsministeriet",
            "minister_title": "udlændinge- og integrationsministeren",
            "profile": "udlaendinge-og-integrationsministeriet"
        })
    );
    let output = svar().arg("check").arg(&file).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("sti: ministry"), "{stderr}");
    assert!(stderr.contains("sti: signature.minister"), "{stderr}");
    // A ministry svar has no profile of is refused, naming those it has.
    let other = folder.path().join("andet.json");
    svar()
        .args(["new", "--ministerium", "kulturministeriet"])
        .arg(&other)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("justitsministeriet"));
    assert!(!other.exists());
}

#[test]
fn render_refuses_invalid_input_with_the_same_message() {
    let folder = tempfile::tempdir().unwrap();
    let fixture = "tests/fixtures/invalid/total-not-sum.json";
    let checked = svar().args(["check", fixture]).output().unwrap();
    let rendered = svar()
        .args(["render", "-o"])
        .arg(folder.path())
        .arg(fixture)
        .output()
        .unwrap();
    assert_eq!(rendered.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&rendered.stderr)
            .contains(&*String::from_utf8_lossy(&checked.stderr))
    );
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
}

#[test]
fn a_new_file_is_shared_like_any_new_file_and_points_to_the_schema_above_it() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(folder.path().join("schema")).unwrap();
    std::fs::copy(
        common::crate_root().join("schema/answer.schema.json"),
        folder.path().join("schema/answer.schema.json"),
    )
    .unwrap();
    let cases = folder.path().join("sager");
    std::fs::create_dir(&cases).unwrap();
    // The umask decides, as for any file a program creates (a temporary file would be 0600).
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 022 && exec \"$0\" new 'nyt svar.json'")
        .arg(assert_cmd::cargo::cargo_bin("svar"))
        .current_dir(&cases)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "nyt svar.json oprettet. Udfyld felterne med UDFYLD, sæt \"number\", og kontrollér med: \
         svar check 'nyt svar.json'\nFelterne med \"UDFYLD eller slet feltet\" har de fleste \
         svar, men ikke alle: udfyld dem, eller slet dem, svaret ikke skal have. Flere valgfrie \
         felter står i README: fx \"deadline\" under \"question\" for svarfristen, \
         \"further_questions\" for flere spørgsmål besvaret samlet, \"enclosures\" for bilag\n"
    );
    let file = cases.join("nyt svar.json");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
    }
    let text = std::fs::read_to_string(&file).unwrap();
    let keys: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("  \""))
        .map(|line| line.trim_start().split('"').nth(1).unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "$schema",
            "status",
            "ministry",
            "date",
            "case_number",
            "document_number",
            "question",
            "answer",
            "signature"
        ]
    );
    assert!(text.contains("\"$schema\": \"../schema/answer.schema.json\""));
}

#[test]
fn a_finding_on_a_very_long_line_shows_a_window_of_it_at_the_files_own_column() {
    let folder = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::fixture("complete.json")).unwrap();
    let mut answer: serde_json::Value = serde_json::from_str(&text).unwrap();
    answer["question"]["text"] = "x".repeat(5000).into();
    answer["answer"]["blocks"][0]["paragraph"] = "ord ".repeat(20_000).into();
    // Written on one line, as programs write JSON.
    let file = folder.path().join("en-linje.json");
    std::fs::write(&file, serde_json::to_string(&answer).unwrap()).unwrap();
    let output = svar().arg("check").arg(&file).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let written = serde_json::to_string(&answer).unwrap();
    let column = written[..written.find("\"xxx").unwrap()].chars().count() + 1;
    assert!(
        stderr.contains(&format!("en-linje.json:1:{column}\n")),
        "{stderr}"
    );
    assert!(stderr.contains("1 │ …"), "{stderr}");
    assert!(stderr.len() < 1_000, "{} bytes:\n{stderr}", stderr.len());
}

#[test]
fn a_folder_is_checked_as_its_answer_files() {
    let output = svar().args(["check", "data"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let (statuses, summary) = stdout.trim_end().rsplit_once('\n').unwrap();
    let count = common::json_files("data").len();
    assert_eq!(
        summary,
        format!("{count} af {count} svarfiler i orden; 0 har fejl.")
    );
    let checked: Vec<String> = statuses
        .lines()
        .map(|line| line.split(": ").next().unwrap().to_string())
        .collect();
    let expected: Vec<String> = common::json_files("data")
        .into_iter()
        .map(|name| format!("data/{name}"))
        .collect();
    assert_eq!(checked, expected);
}

#[test]
fn text_from_the_file_cannot_steer_the_terminal() {
    // An escape sequence in a party abbreviation used to reach the terminal raw and erase
    // svar's own lines.
    let folder = tempfile::tempdir().unwrap();
    let answer = folder.path().join("svar.json");
    let text = std::fs::read_to_string(common::fixture("complete.json")).unwrap();
    let party = r#""party": "EL""#;
    assert!(text.contains(party), "the fixture names a party");
    std::fs::write(
        &answer,
        text.replace(party, r#""party": "EL\u001b[2K\r\u001b[1A""#),
    )
    .unwrap();
    let output = svar().arg("check").arg(&answer).output().unwrap();
    let report = String::from_utf8(output.stderr).unwrap();
    assert!(
        report.contains(r#"ukendt partiforkortelse "EL<U+001B>[2K<U+000D><U+001B>[1A""#),
        "{report}"
    );
    assert!(
        !report.contains('\u{1b}') && !report.contains('\r'),
        "{report}"
    );
}

#[test]
fn a_letter_without_the_question_s_date_is_warned_of() {
    // Review 17, L8: without asked_on a letter's opening silently left the date out.
    let folder = tempfile::tempdir().unwrap();
    let warnings = |name: &str| {
        let answer = common::edited_fixture(name, folder.path(), |answer| {
            answer["question"]
                .as_object_mut()
                .unwrap()
                .remove("asked_on");
        });
        let output = svar().arg("check").arg(&answer).output().unwrap();
        assert_eq!(output.status.code(), Some(0));
        let report = String::from_utf8(output.stderr).unwrap();
        (report.lines())
            .filter(|line| line.starts_with("advarsel: "))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let warning = |letter: &str| {
        format!(
            "advarsel: spørgsmålets dato mangler, så {letter} siger ikke, hvornår det blev stillet"
        )
    };
    assert_eq!(
        warnings("joint-letter.json"),
        [warning("brevets indledning")]
    );
    assert_eq!(
        warnings("joint-cover-letter.json"),
        [warning("følgebrevet")]
    );
    // An answer under the letterhead alone names no date of the question.
    assert_eq!(warnings("complete.json"), Vec::<String>::new());
}

#[test]
fn a_samling_is_checked_against_the_elections() {
    // Review 29, 10: "2018-19 (2. samling)" for a question asked before the election of June
    // 2019 went into the PDF's title unremarked.
    let folder = tempfile::tempdir().unwrap();
    let check = |session: &str, asked_on: &str, answered: &str| {
        let answer = common::edited_fixture("complete.json", folder.path(), |answer| {
            answer["question"]["session"] = session.into();
            answer["question"]["asked_on"] = asked_on.into();
            answer["date"] = answered.into();
        });
        let output = svar().arg("check").arg(&answer).output().unwrap();
        let report = String::from_utf8(output.stderr).unwrap();
        let findings = (report.lines())
            .filter(|line| line.starts_with("fejl: ") || line.starts_with("advarsel: "))
            .chain(
                report
                    .lines()
                    .filter_map(|line| line.trim().strip_prefix("= tip: ")),
            )
            .map(str::to_string)
            .collect::<Vec<_>>();
        (output.status.code(), findings)
    };
    assert_eq!(
        check("2018-19 (2. samling)", "2019-02-01", "2019-02-15"),
        (
            Some(1),
            vec![
                "fejl: datoen 1. februar 2019 ligger uden for folketingsåret 2018-19 \
                 (2. samling), fra folketingsvalget 5. juni 2019 til 30. september 2019"
                    .to_string(),
                "datoen hører til folketingsåret 2018-19 (1. samling); ret \"question.session\" \
                 eller \"question.asked_on\""
                    .to_string(),
            ]
        )
    );
    assert_eq!(
        check("2019-20 (1. samling)", "2020-01-10", "2020-01-24"),
        (
            Some(0),
            vec![
                "advarsel: folketingsåret 2019-20 havde kun én samling, for der var intet \
                 folketingsvalg i det, men \"2019-20 (1. samling)\" nævner en"
                    .to_string(),
                "skriv \"2019-20\"".to_string(),
            ]
        )
    );
    assert_eq!(
        check("2018-19 (1. samling)", "2019-02-01", "2019-02-15"),
        (Some(0), vec![])
    );
}

/// A folder `name` in `parent` holding `files`, each a name and its bytes; the folder.
fn folder_of(parent: &Path, name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let folder = parent.join(name);
    std::fs::create_dir_all(&folder).unwrap();
    for (file, bytes) in files {
        let path = folder.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    folder
}

/// The answer every file of these tests is a copy of: valid, without warnings.
fn good_answer() -> Vec<u8> {
    std::fs::read(common::fixture("complete.json")).unwrap()
}

#[test]
fn every_file_of_a_folder_gets_its_status_line_and_the_folder_a_summary() {
    // Review 30, 2 and 8: a file that could not be read (UTF-16, an image) was told on
    // standard error only, so `svar check DIR > log` showed only the files in order, and
    // nothing closed the run with the files that failed.
    let temp = tempfile::tempdir().unwrap();
    let good = good_answer();
    let text = String::from_utf8(good.clone()).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let folder = folder_of(
        temp.path(),
        "enc2",
        &[
            ("a-utf16.json", &utf16),
            ("b.json", &good),
            ("c-billede.json", png),
        ],
    );
    let [a, b, c] = ["a-utf16.json", "b.json", "c-billede.json"]
        .map(|name| folder.join(name).display().to_string());
    svar()
        .arg("check")
        .arg(&folder)
        .assert()
        .code(1)
        .stdout(format!(
            "{a}: har fejl (1 fejl, 0 advarsler)\n\
             {b}: i orden (0 fejl, 0 advarsler)\n\
             {c}: har fejl (1 fejl, 0 advarsler)\n\
             1 af 3 svarfiler i orden; 2 har fejl: {a} og {c}.\n"
        ))
        .stderr(predicate::str::contains(format!(
            "fejl: {a}: filen er gemt som UTF-16"
        )));
    // One file has no summary; JSON stays one document.
    svar()
        .arg("check")
        .arg(&b)
        .assert()
        .success()
        .stdout(format!("{b}: i orden (0 fejl, 0 advarsler)\n"));
    let output = svar()
        .args(["check", "--format", "json"])
        .arg(&folder)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["files"].as_array().unwrap().len(), 3);
}

#[test]
fn files_meant_as_answers_but_not_read_and_subfolders_with_answers_are_warned_of() {
    // Review 30, 6: `d.json.txt` (an editor's hidden extension), `e.json ` (a space after
    // the name) and a subfolder of answers were passed over without a word, and the batch
    // said "2 af 2 svar sat; 0 fejlede".
    let temp = tempfile::tempdir().unwrap();
    let good = good_answer();
    let folder = folder_of(
        temp.path(),
        "t2",
        &[
            ("a.json", &good),
            ("d.json.txt", &good),
            ("e.json ", &good),
            ("noter.txt", b"ikke et svar"),
            ("undermappe/c.json", &good),
            ("tom/noter.txt", b"ingen svar her"),
        ],
    );
    let path = |name: &str| folder.join(name).display().to_string();
    let warnings = format!(
        "advarsel: {} ligner en svarfil, men læses ikke: svar læser kun filer, hvis navn ender \
         på .json; omdøb den til d.json\n\
         advarsel: \"{}\" ligner en svarfil, men læses ikke: svar læser kun filer, hvis navn \
         ender på .json; omdøb den til e.json\n\
         advarsel: {} er en undermappe med svarfiler (*.json), og de læses ikke: svar læser kun \
         svarfilerne i selve mappen; skal de med, så angiv også {} på kommandolinjen\n",
        path("d.json.txt"),
        path("e.json "),
        path("undermappe"),
        path("undermappe"),
    );
    check_and_render_warn(&folder, &temp.path().join("ud"), &warnings);
}

#[test]
fn a_backup_beside_its_answer_is_not_warned_of_and_an_older_copy_is_never_to_be_renamed() {
    // Review 33, 2: `a.json~` and `a.json.bak` beside `a.json` were told "omdøb den til
    // a.json", which would replace the answer with its older copy.
    let temp = tempfile::tempdir().unwrap();
    let good = good_answer();
    let backups = [
        "a.json~",
        "a.json.bak",
        "a.json.BAK",
        "a.json.orig",
        "a.json.old",
        "a.json.swp",
        "a.json.tmp",
        "a.json.~1~",
    ];
    let mut files: Vec<(&str, &[u8])> = backups.iter().map(|name| (*name, &good[..])).collect();
    files.extend([
        ("a.json", &good[..]),
        ("a.json.txt", &good[..]),
        ("b.json.bak", &good[..]),
    ]);
    let folder = folder_of(temp.path(), "bk", &files);
    let path = |name: &str| folder.join(name).display().to_string();
    let warnings = format!(
        "advarsel: {} læses ikke og er nok en ældre kopi af a.json, som læses: svar læser kun \
         filer, hvis navn ender på .json; slet den, eller flyt den ud af mappen, hvis den skal \
         gemmes (omdøbt til a.json ville den erstatte svaret)\n\
         advarsel: {} ligner en svarfil, men læses ikke: svar læser kun filer, hvis navn ender \
         på .json; omdøb den til b.json\n",
        path("a.json.txt"),
        path("b.json.bak"),
    );
    check_and_render_warn(&folder, &temp.path().join("ud"), &warnings);
}

#[test]
fn the_profile_folder_and_a_subfolder_named_too_are_not_warned_of() {
    // Review 32, 6: `svar check data` warned that data/ministries held answer files, to be
    // named too; named, each profile failed with 12 missing and unknown fields, and the
    // warning came again.
    let temp = tempfile::tempdir().unwrap();
    let good = good_answer();
    let other = String::from_utf8(good.clone())
        .unwrap()
        .replace("\"number\": 15", "\"number\": 16");
    let profile = std::fs::read("data/ministries/justitsministeriet.json").unwrap();
    let folder = folder_of(
        temp.path(),
        "t3",
        &[
            ("a.json", &good),
            ("ministries/justitsministeriet.json", &profile),
            ("undermappe/c.json", other.as_bytes()),
        ],
    );
    let subfolder = folder.join("undermappe");
    let warning = format!(
        "advarsel: {} er en undermappe med svarfiler (*.json), og de læses ikke: svar læser kun \
         svarfilerne i selve mappen; skal de med, så angiv også {} på kommandolinjen\n",
        subfolder.display(),
        subfolder.display()
    );
    check_and_render_warn(&folder, &temp.path().join("ud"), &warning);
    svar()
        .arg("check")
        .arg(&folder)
        .arg(&subfolder)
        .assert()
        .success()
        .stderr("");
    // A profile given as an answer is told what it is, once.
    let profiles = folder.join("ministries");
    let named = profiles.join("justitsministeriet.json");
    let error = format!(
        "fejl: filen er en ministerieprofil, ikke en svarfil\n  \
         ┌─ {}:1:1\n  │\n1 │ {{\n  │ ^\n  │\n  \
         = tip: en profil læses gennem svarets \"ministry\": {{\"profile\": \
         \"justitsministeriet\"}}, fra mappen ministries/ ved siden af svarfilen; tjek profilen \
         ved at tjekke et svar, der bruger den\n\n",
        named.display()
    );
    svar()
        .arg("check")
        .arg(&profiles)
        .assert()
        .code(1)
        .stderr(error.clone());
    svar()
        .arg("render")
        .arg(&profiles)
        .arg("-o")
        .arg(temp.path().join("ud"))
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(error));
}

#[test]
fn two_files_answering_the_same_question_are_warned_of_naming_both() {
    // Review 30, 7: an answer and its second version in the folder to be sent both passed,
    // and both were rendered.
    let temp = tempfile::tempdir().unwrap();
    let good = good_answer();
    let other = String::from_utf8(good.clone())
        .unwrap()
        .replace("\"number\": 15", "\"number\": 16");
    let folder = folder_of(
        temp.path(),
        "indbakke",
        &[
            ("ufo-15.json", &good),
            ("ufo-15-v2.json", &good),
            ("ufo-16.json", other.as_bytes()),
        ],
    );
    let warning = format!(
        "advarsel: {} og {} besvarer begge UFO spm. nr. 15 (Alm. del), 2010-11; send kun den \
         ene, og flyt en gammel udgave væk eller slet den\n",
        folder.join("ufo-15-v2.json").display(),
        folder.join("ufo-15.json").display()
    );
    check_and_render_warn(&folder, &temp.path().join("ud"), &warning);
}

/// `svar check FOLDER` and `svar render FOLDER -o OUT` both succeed, and warn exactly
/// `warnings` on standard error: a batch warns the same whether it checks or renders.
fn check_and_render_warn(folder: &Path, out: &Path, warnings: &str) {
    svar()
        .arg("check")
        .arg(folder)
        .assert()
        .success()
        .stderr(warnings.to_string());
    svar()
        .arg("render")
        .arg(folder)
        .arg("-o")
        .arg(out)
        .assert()
        .success()
        .stderr(warnings.to_string());
}

/// `svar check` of `complete.json` with `asked_by` as given (and `kind`, if given): the exit
/// status and the report.
fn check_askers(asked_by: serde_json::Value, kind: Option<&str>) -> (Option<i32>, String) {
    let folder = tempfile::tempdir().unwrap();
    let answer = common::edited_fixture("complete.json", folder.path(), |answer| {
        answer["question"]["asked_by"] = asked_by;
        if let Some(kind) = kind {
            answer["question"]["kind"] = kind.into();
            let question = answer["question"].as_object_mut().unwrap();
            question.remove("series");
            question.remove("committee");
        }
    });
    let output = svar().arg("check").arg(&answer).output().unwrap();
    let report = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code(), report)
}

#[test]
fn several_members_who_asked_are_each_checked_where_they_stand() {
    // Review 33: a list of members was refused; now each is read and checked at its place.
    let two = serde_json::json!([
        {"name": "Morten Bødskov", "party": "S"},
        {"name": "Karsten Hønge", "party": "SFF"}
    ]);
    let (code, report) = check_askers(two.clone(), None);
    assert_eq!(code, Some(0), "{report}");
    let finding = common::finding(&report, "advarsel: ukendt partiforkortelse \"SFF\"");
    assert!(
        finding.contains("= sti: question.asked_by[1].party\n"),
        "{report}"
    );
    // A mistake inside a member is told at its field, as in a single member.
    let (code, report) = check_askers(
        serde_json::json!([{"name": "Morten Bødskov", "parti": "S"}]),
        None,
    );
    assert_eq!(code, Some(1), "{report}");
    let finding = common::finding(&report, "fejl: ukendt felt `parti`");
    assert!(
        finding.contains("= sti: question.asked_by[0].parti\n"),
        "{report}"
    );
    // An empty list names no one.
    let (code, report) = check_askers(serde_json::json!([]), None);
    assert_eq!(code, Some(1), "{report}");
    let finding = common::finding(&report, "fejl: listen over spørgere er tom");
    assert!(finding.contains("= sti: question.asked_by\n"), "{report}");
    // One member asks a § 20 question.
    let (code, report) = check_askers(two, Some("section_20"));
    assert_eq!(code, Some(1), "{report}");
    let finding = common::finding(
        &report,
        "fejl: et § 20-spørgsmål stilles af ét medlem, men her er flere spørgere",
    );
    assert!(finding.contains("= sti: question.asked_by\n"), "{report}");
}
