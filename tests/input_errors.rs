//! Reading answer files that are broken or hostile: every mistake gets a located Danish
//! message, nothing crashes the process, and nothing outside the answer's folder is read.

mod common;

use std::path::{Path, PathBuf};

use common::{fixture, svar};

/// The findings `svar check --format json` reports for `file`, after checking its exit code.
fn json_findings(file: &Path) -> Vec<serde_json::Value> {
    let output = svar()
        .args(["check", "--format", "json"])
        .arg(file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    report["files"][0]["findings"].as_array().unwrap().clone()
}

/// The exit code and stderr of `svar` with `args`.
fn run(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let output = svar().args(args).output().unwrap();
    let code = output.status.code().unwrap_or(-1);
    (code, String::from_utf8_lossy(&output.stderr).into_owned())
}

/// Writes `contents` to `name` in `folder`; returns the path.
fn write(folder: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = folder.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// The spreadsheet fixture in `folder` (with its CSV), its panel reading `csv`.
fn spreadsheet_answer(folder: &Path, csv: &str) -> PathBuf {
    std::fs::copy(fixture("sager.csv"), folder.join("sager.csv")).unwrap();
    let text = std::fs::read_to_string(fixture("spreadsheet.json"))
        .unwrap()
        .replace("\"csv\": \"sager.csv\"", &format!("\"csv\": \"{csv}\""));
    write(folder, "svar.json", text)
}

/// The complete fixture with `field` (e.g. `"x": 1`) added as its first field.
fn complete_with(field: &str) -> String {
    let text = std::fs::read_to_string(fixture("complete.json")).unwrap();
    text.replacen('{', &format!("{{{field},"), 1)
}

/// The messages `check_text` gives for `text`.
fn messages(text: &str) -> Vec<String> {
    let (_, report) = svar::input::check_text(text, Path::new("svar.json"));
    report.findings.into_iter().map(|f| f.message).collect()
}

const TOO_DEEP: &str = "for dybt indlejret: mere end 64 niveauer af [ og {";

#[test]
fn deep_nesting_is_refused_in_danish_by_check_render_and_diff_instead_of_crashing() {
    let folder = tempfile::tempdir().unwrap();
    let deep = write(
        folder.path(),
        "dyb.json",
        format!("{}{}", "[".repeat(20_000), "]".repeat(20_000)),
    );
    let valid = fixture("complete.json");
    let (code, stderr) = run(&["check".as_ref(), deep.as_os_str(), valid.as_os_str()]);
    assert_eq!(code, 1, "{stderr}");
    // The top-level list is refused before the nesting matters.
    assert!(stderr.contains("skal være ét JSON-objekt"), "{stderr}");
    let nested = write(
        folder.path(),
        "indlejret.json",
        complete_with(&format!(
            "\"x\": {}{}",
            "[".repeat(20_000),
            "]".repeat(20_000)
        )),
    );
    let output = folder.path().join("out");
    for (args, expected_code) in [
        (
            vec!["check".as_ref(), nested.as_os_str(), valid.as_os_str()],
            1,
        ),
        (
            vec![
                "render".as_ref(),
                "-o".as_ref(),
                output.as_os_str(),
                nested.as_os_str(),
                valid.as_os_str(),
            ],
            1,
        ),
        (
            vec!["diff".as_ref(), valid.as_os_str(), nested.as_os_str()],
            2,
        ),
    ] {
        let (code, stderr) = run(&args);
        assert_eq!(code, expected_code, "{args:?}: {stderr}");
        assert!(stderr.contains(TOO_DEEP), "{args:?}: {stderr}");
        assert!(stderr.contains("indlejret.json:1:70"), "{args:?}: {stderr}");
    }
    // In the batch, the valid answer was still rendered.
    assert!(output.join("complete.pdf").exists());
}

#[test]
fn thousands_of_nested_statements_get_the_danish_message() {
    let opening = r#"{"statement": {"source": "Rigspolitiet", "blocks": ["#;
    let text = format!(
        r#"{{"ministry": {{"name": "Justitsministeriet"}}, "question": {{"session": "2018-19", "text": "?"}}, "answer": {{"blocks": [{}{}]}}}}"#,
        opening.repeat(3_000),
        "]}}".repeat(3_000)
    );
    let found = messages(&text);
    assert_eq!(found, [TOO_DEEP]);
}

#[test]
fn nesting_the_model_needs_still_passes() {
    let statement = |inner: &str| {
        format!(r#"{{"statement": {{"source": "Rigspolitiet", "blocks": [{inner}]}}}}"#)
    };
    let mut block = r#"{"paragraph": "Inderst."}"#.to_string();
    // Eight statements inside each other, the most the content checks allow, in an enclosure.
    for _ in 0..8 {
        block = statement(&block);
    }
    let text = complete_with(&format!(
        r#""enclosures": [{{"title": "Dybt", "blocks": [{block}]}}]"#
    ));
    let (answer, report) = svar::input::check_text(&text, Path::new("svar.json"));
    assert!(answer.is_some(), "{:?}", report.findings);
    assert!(!report.has_errors(), "{:?}", report.findings);
}

#[test]
fn a_field_written_twice_is_reported_at_the_second_with_its_path() {
    let folder = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("complete.json")).unwrap();
    // Line 8 of the fixture is `  "date": "2011-04-11",`.
    let text = text.replacen("\"date\": ", "\"date\": \"2019-06-12\", \"date\": ", 1);
    let file = write(folder.path(), "svar.json", text);
    let findings = json_findings(&file);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(
        findings[0]["message"],
        "feltet \"date\" står to gange i samme objekt"
    );
    assert_eq!(findings[0]["path"], "date");
    assert_eq!(
        (findings[0]["line"].as_u64(), findings[0]["column"].as_u64()),
        (Some(8), Some(25))
    );
    assert!(
        findings[0]["hint"]
            .as_str()
            .unwrap()
            .starts_with("slet det ene")
    );
    // A map would otherwise keep the last silently.
    let footnotes = complete_with(r#""footnotes": {"1": "a", "1": "b"}"#);
    assert_eq!(
        messages(&footnotes),
        ["feltet \"1\" står to gange i samme objekt"]
    );
}

#[test]
fn a_file_that_is_not_one_object_says_so() {
    for text in ["[1,2,3,4,5]", "[]", "\"svar\"", "42"] {
        let found = messages(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert!(
            found[0].starts_with("en svarfil skal være ét JSON-objekt { … }"),
            "{text}: {found:?}"
        );
    }
}

/// serde_json's English, which must never reach a clerk.
const ENGLISH: &[&str] = &[
    "expected",
    "invalid",
    "eof",
    "unexpected",
    "escape",
    "surrogate",
    "trailing",
    "recursion",
    "control",
    "duplicate",
    "length",
    "untagged",
    "range",
    "must be",
    "struct",
];

#[test]
fn no_parse_error_reaches_the_clerk_in_english() {
    let answer = |field: &str| complete_with(field);
    let texts = [
        r#"{"date": "\ud800"}"#.to_string(),
        r#"{"date": "\ud800\u0041"}"#.into(),
        r#"{"date": "\uZZZZ"}"#.into(),
        r#"{"date": "\q"}"#.into(),
        "{\"date\": \"a\u{1}b\"}".into(),
        r#"{"date": 1e400}"#.into(),
        r#"{"date": -}"#.into(),
        r#"{"date": 01}"#.into(),
        r#"{"date": tru}"#.into(),
        r#"{"date" 1}"#.into(),
        r#"{1: 1}"#.into(),
        r#"{"a": 1,}"#.into(),
        r#"{"a": [1,]}"#.into(),
        r#"{"a": [1 2]}"#.into(),
        r#"{"a": "x"#.into(),
        r#"{"a": [1"#.into(),
        r#"{"a": "#.into(),
        "{".into(),
        "".into(),
        format!(
            "{} x",
            std::fs::read_to_string(fixture("complete.json")).unwrap()
        ),
        answer(r#""date": "2019-6-12""#),
        answer(r#""date": 20190612"#),
        answer(r#""final_answer_expected": 5"#),
        answer(r#""status": 5"#),
        answer(r#""status": "endelig""#),
        answer(r#""signature": []"#),
        answer(r#""footnotes": []"#),
        answer(r#""enclosures": {}"#),
        answer(r#""markup": true"#),
    ];
    for text in texts {
        for message in messages(&text) {
            let lower = message.to_lowercase();
            assert!(
                !ENGLISH.iter().any(|word| lower.contains(word)),
                "English in {message:?} for {}",
                &text[..text.len().min(60)]
            );
        }
    }
}

#[test]
fn a_file_that_is_not_utf8_is_reported_at_the_first_invalid_byte() {
    let folder = tempfile::tempdir().unwrap();
    let text = complete_with("\"caseworker\": \"Lise S\u{f8}rensen\"");
    // The same text as Latin-1 would write it: ø as the single byte 0xF8.
    let bytes: Vec<u8> = text
        .chars()
        .flat_map(|c| match c {
            'ø' => vec![0xF8],
            other => other.to_string().into_bytes(),
        })
        .collect();
    let file = write(folder.path(), "svar.json", bytes);
    let findings = json_findings(&file);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("filen er ikke gemt som UTF-8"),
        "{findings:?}"
    );
    assert!(
        findings[0]["hint"]
            .as_str()
            .unwrap()
            .contains("gem filen som UTF-8")
    );
    assert_eq!(findings[0]["path"], "caseworker");
    assert_eq!(
        (findings[0]["line"].as_u64(), findings[0]["column"].as_u64()),
        (Some(1), Some(23))
    );
}

#[test]
fn a_text_where_an_object_belongs_is_answered_with_the_object_to_write() {
    let folder = tempfile::tempdir().unwrap();
    let complete = std::fs::read_to_string(fixture("complete.json")).unwrap();
    // The hint for the complete answer with `object` written as `written`.
    let hint = |object: &str, written: &str| {
        assert!(complete.contains(object), "{object}");
        let answer = write(
            folder.path(),
            "svar.json",
            complete.replace(object, written),
        );
        let findings = json_findings(&answer);
        assert_eq!(findings.len(), 1, "{findings:?}");
        findings[0]["hint"].as_str().unwrap_or_default().to_string()
    };
    let member = r#"{ "name": "Line Barfod", "party": "EL" }"#;
    assert_eq!(
        hint(member, r#""Morten Bødskov (S)""#),
        r#"skriv {"name": "Morten Bødskov", "party": "S"}; objektet kan også have feltet `non_member`"#
    );
    assert_eq!(
        hint(member, r#""Morten Bødskov""#),
        r#"skriv {"name": "Morten Bødskov"}; objektet kan også have felterne `party`, `non_member`"#
    );
    let committee = r#"{
      "name": "Folketingets Udvalg for Forretningsordenen",
      "abbreviation": "UFO"
    }"#;
    assert_eq!(
        hint(
            committee,
            r#""Folketingets Udvalg for Forretningsordenen (UFO)""#
        ),
        r#"skriv {"name": "Folketingets Udvalg for Forretningsordenen", "abbreviation": "UFO"}"#
    );
    // Not a text: the object's required fields, to fill in.
    assert_eq!(
        hint(member, "12"),
        r#"skriv fx {"name": "…"}; objektet kan også have felterne `party`, `non_member`"#
    );
}

#[test]
fn a_number_of_the_wrong_kind_is_quoted_as_written() {
    let number = |value: &str| {
        let text = std::fs::read_to_string(fixture("complete.json")).unwrap();
        let text = text.replacen("\"number\": 15", &format!("\"number\": {value}"), 1);
        assert!(text.contains(value));
        messages(&text)
    };
    assert_eq!(
        number("-5"),
        ["forkert værdi: fandt tallet `-5`, men her skal stå et helt tal på 1 eller derover"]
    );
    assert_eq!(
        number("1e23"),
        ["forkert type: fandt tallet `1e23`, men her skal stå et helt tal på højst 4.294.967.295"]
    );
    assert_eq!(
        number("\"15\""),
        ["forkert type: fandt teksten \"15\", men her skal stå et helt tal på 1 eller derover"]
    );
}

#[test]
fn dates_must_be_written_yyyy_mm_dd() {
    let complete: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("complete.json")).unwrap()).unwrap();
    for pointer in [
        "/date",
        "/corrects_answer_of",
        "/question/asked_on",
        "/question/deadline",
        "/question/meeting_on",
    ] {
        let mut answer = complete.clone();
        let (parent, field) = pointer.rsplit_once('/').unwrap();
        answer
            .pointer_mut(if parent.is_empty() { "" } else { parent })
            .unwrap()[field] = "2019-6-12".into();
        let found = messages(&serde_json::to_string_pretty(&answer).unwrap());
        assert_eq!(
            found,
            ["forkert værdi: fandt teksten \"2019-6-12\", men her skal stå en dato som ÅÅÅÅ-MM-DD"],
            "{pointer}"
        );
    }
}

#[test]
fn a_figure_with_more_digits_than_an_f64_holds_is_refused_where_written() {
    let text = std::fs::read_to_string(fixture("spreadsheet.json"))
        .unwrap()
        .replace(
            "{\n                    \"csv\": \"sager.csv\"\n                  }",
            r#"{"columns": ["2009"], "rows": [{"label": "A", "cells": [0.10000000000000001]}, {"label": "B", "cells": [2]}], "total": {"label": "I alt", "cells": [2.1]}}"#,
        );
    assert!(!text.contains("sager.csv"));
    let (_, report) = svar::input::check_text(&text, Path::new("svar.json"));
    let found: Vec<(String, String, Option<String>)> = report
        .findings
        .into_iter()
        .map(|f| (f.path.to_string(), f.message, f.hint))
        .collect();
    assert_eq!(
        found,
        [(
            "answer.blocks[1].statement.blocks[1].table.panels[0].rows[0].cells[0]".to_string(),
            "tallet har for mange cifre til at blive sat præcist".to_string(),
            Some(
                "rund tallet af til højst 15 betydende cifre, eller skriv tallet som tekst"
                    .to_string()
            )
        )]
    );
}

#[cfg(unix)]
mod links {
    use std::os::unix::fs::symlink;

    use super::*;

    #[test]
    fn a_spreadsheet_behind_a_link_out_of_the_folder_is_refused() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("sp");
        std::fs::create_dir(&folder).unwrap();
        write(root.path(), "outside.csv", "Type,2009\nHemmeligt,1\n");
        symlink("../outside.csv", folder.join("link.csv")).unwrap();
        symlink("/etc", folder.join("etc")).unwrap();
        for csv in ["link.csv", "etc/passwd"] {
            let answer = spreadsheet_answer(&folder, csv);
            let pdf = root.path().join("svar.pdf");
            for command in ["check", "render"] {
                let mut args = vec![command.as_ref(), answer.as_os_str()];
                if command == "render" {
                    args.extend(["-o".as_ref(), pdf.as_os_str()]);
                }
                let (code, stderr) = run(&args);
                assert_eq!(code, 1, "{csv}: {stderr}");
                assert!(
                    stderr.contains(&format!(
                        "\"{csv}\" peger uden for svarfilens mappe gennem en genvej"
                    )),
                    "{csv}: {stderr}"
                );
                assert!(!stderr.contains("root:"), "{stderr}");
            }
            assert!(!pdf.exists());
        }
    }

    #[test]
    fn a_spreadsheet_behind_a_link_within_the_folder_is_read() {
        let folder = tempfile::tempdir().unwrap();
        let answer = spreadsheet_answer(folder.path(), "alias.csv");
        symlink("sager.csv", folder.path().join("alias.csv")).unwrap();
        let (code, stderr) = run(&["check".as_ref(), answer.as_os_str()]);
        assert_eq!(code, 0, "{stderr}");
    }

    /// The complete fixture in `folder`, naming the logo fixture's profile, whose folder is
    /// copied to `ministries`.
    fn answer_with_logo(folder: &Path, ministries: &Path) -> PathBuf {
        std::fs::create_dir_all(ministries).unwrap();
        for entry in std::fs::read_dir(fixture("logo/ministries")).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, ministries.join(path.file_name().unwrap())).unwrap();
        }
        write(
            folder,
            "svar.json",
            std::fs::read_to_string(fixture("complete.json"))
                .unwrap()
                .replacen(
                    "\"ministry\": {",
                    "\"ministry\": {\"profile\": \"justitsministeriet\",",
                    1,
                ),
        )
    }

    /// Moves `name` in `ministries` to `outside` and leaves a link to it in its place.
    fn move_behind_link(ministries: &Path, name: &str, outside: &Path) {
        std::fs::create_dir_all(outside).unwrap();
        std::fs::rename(ministries.join(name), outside.join(name)).unwrap();
        symlink(outside.join(name), ministries.join(name)).unwrap();
    }

    fn check(answer: &Path) -> (i32, String) {
        run(&["check".as_ref(), answer.as_os_str()])
    }

    #[test]
    fn a_profile_or_logo_behind_a_link_out_of_ministries_is_refused() {
        for (name, message) in [
            (
                "justitsministeriet.json",
                "justitsministeriet.json peger uden for mappen ministries/ gennem en genvej",
            ),
            (
                "eksempel.svg",
                "eksempel.svg peger uden for mappen ministries/ gennem en genvej",
            ),
        ] {
            let folder = tempfile::tempdir().unwrap();
            let ministries = folder.path().join("ministries");
            let answer = answer_with_logo(folder.path(), &ministries);
            assert_eq!(check(&answer).0, 0);
            move_behind_link(&ministries, name, &folder.path().join("andetsteds"));
            let (code, stderr) = check(&answer);
            assert_eq!(code, 1, "{stderr}");
            assert!(stderr.contains(message), "{stderr}");
        }
    }

    #[test]
    fn a_shared_ministries_folder_may_be_a_link() {
        let folder = tempfile::tempdir().unwrap();
        let shared = folder.path().join("fælles-profiler");
        let answers = folder.path().join("svar");
        std::fs::create_dir(&answers).unwrap();
        let answer = answer_with_logo(&answers, &shared);
        symlink(&shared, answers.join("ministries")).unwrap();
        let (code, stderr) = check(&answer);
        assert_eq!(code, 0, "{stderr}");
    }
}

#[test]
fn a_broken_profile_is_reported_in_danish_with_its_place() {
    let folder = tempfile::tempdir().unwrap();
    let ministries = folder.path().join("ministries");
    std::fs::create_dir(&ministries).unwrap();
    write(
        &ministries,
        "x.json",
        format!("{{\"name\": {}{}}}", "[".repeat(200), "]".repeat(200)),
    );
    let answer = write(
        folder.path(),
        "svar.json",
        std::fs::read_to_string(fixture("complete.json"))
            .unwrap()
            .replacen("\"ministry\": {", "\"ministry\": {\"profile\": \"x\",", 1),
    );
    let (code, stderr) = run(&["check".as_ref(), answer.as_os_str()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("er ugyldig i linje 1, kolonne 73: for dybt indlejret"),
        "{stderr}"
    );
    write(&ministries, "x.json", "{\"name\": \"X\", \"adress\": []}");
    let (_, stderr) = run(&["check".as_ref(), answer.as_os_str()]);
    assert!(
        stderr.contains("er ugyldig i linje 1, kolonne 15: ukendt felt `adress`"),
        "{stderr}"
    );
    assert!(stderr.contains("mente du `address`?"), "{stderr}");
}

/// A spreadsheet's mistakes are reported at its own file, line and column, and a figure is
/// never read as another number.
mod spreadsheets {
    use super::*;

    /// `svar COMMAND svar.json` for the spreadsheet fixture with `sager.csv` holding `csv`,
    /// run in the answer's folder as a clerk would: the exit code and the report.
    fn run_with_sheet(command: &str, csv: impl AsRef<[u8]>) -> (i32, String) {
        run_with_panel(command, "sager.csv", "", csv)
    }

    /// The spreadsheet fixture in `folder`, its panel reading `name` and given the JSON
    /// `fields` after it (`"label_header": "Type"`), on the lines the fixture has them.
    fn panel_with(folder: &Path, name: &str, fields: &str) -> PathBuf {
        let answer = spreadsheet_answer(folder, name);
        if !fields.is_empty() {
            let csv = format!("\"csv\": \"{name}\"");
            let text = std::fs::read_to_string(&answer).unwrap();
            std::fs::write(&answer, text.replace(&csv, &format!("{csv}, {fields}"))).unwrap();
        }
        answer
    }

    /// [`run_with_sheet`] with the panel reading `name` and given the JSON `fields`.
    fn run_with_panel(
        command: &str,
        name: &str,
        fields: &str,
        csv: impl AsRef<[u8]>,
    ) -> (i32, String) {
        let folder = tempfile::tempdir().unwrap();
        panel_with(folder.path(), name, fields);
        write(folder.path(), "sager.csv", csv);
        let output = svar()
            .current_dir(folder.path())
            .args([command, "svar.json"])
            .output()
            .unwrap();
        let code = output.status.code().unwrap_or(-1);
        (code, String::from_utf8_lossy(&output.stderr).into_owned())
    }

    /// Checks that `svar check` passes `csv` without a word.
    fn passes(csv: impl AsRef<[u8]>) {
        let (code, stderr) = run_with_sheet("check", csv);
        assert_eq!((code, stderr.as_str()), (0, ""));
    }

    /// The first line of the report `svar check` gives for `csv`, after checking that it fails.
    fn first_error(csv: impl AsRef<[u8]>) -> String {
        let (code, stderr) = run_with_sheet("check", csv);
        assert_eq!(code, 1, "{stderr}");
        stderr.lines().next().unwrap_or_default().to_string()
    }

    const DANISH_ADVICE: &str = "1.234,5 eller 1234,5: et regneark med semikolon mellem \
        cellerne læses på dansk, med punktum mellem tusinder og komma før decimaler";

    #[test]
    fn a_danish_figure_written_otherwise_is_refused_at_its_cell() {
        let (code, stderr) = run_with_sheet(
            "check",
            "Type;2009;2010\nBehandlet;1.234;2.244\nAndel;12,5;1,234.5\n",
        );
        assert_eq!(code, 1, "{stderr}");
        assert_eq!(
            stderr,
            format!(
                "fejl: sager.csv, linje 3, tegn 12: \"1,234.5\" kan ikke læses som et tal
   ┌─ svar.json:45:28
   │
45 │                     \"csv\": \"sager.csv\"
   │                            ^^^^^^^^^^^
   │
   = sti: answer.blocks[1].statement.blocks[1].table.panels[0].csv
   = tip: skriv fx {DANISH_ADVICE}

"
            )
        );
        for (written, column) in [("1.23", 12), ("1.2.3", 12), ("0.5", 12), (",5", 12)] {
            let csv = format!("Type;2009;2010\nBehandlet;1.234;2.244\nAndel;12,5;{written}\n");
            assert_eq!(
                first_error(&csv),
                format!(
                    "fejl: sager.csv, linje 3, tegn {column}: \"{written}\" kan ikke læses som et tal"
                )
            );
        }
    }

    #[test]
    fn a_figure_with_an_exponent_is_refused_in_both_conventions() {
        let (code, stderr) = run_with_sheet("check", "Type;2009\nBehandlet;1e3\n");
        assert_eq!(code, 1, "{stderr}");
        assert!(
            stderr.starts_with(
                "fejl: sager.csv, linje 2, tegn 11: \"1e3\" kan ikke læses som et tal\n"
            ),
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!(
                "tip: skriv tallet helt ud uden eksponent, fx {DANISH_ADVICE}\n"
            )),
            "{stderr}"
        );
        assert_eq!(
            first_error("Type,2009\nBehandlet,1E3\n"),
            "fejl: sager.csv, linje 2, tegn 11: \"1E3\" kan ikke læses som et tal"
        );
    }

    #[test]
    fn an_international_figure_written_otherwise_is_refused_and_one_written_so_is_read() {
        let (code, stderr) = run_with_sheet(
            "check",
            "Type,2009,2010\nBehandlet,\"1,234.5\",2244\nAndel,1.2.3,5\n",
        );
        assert_eq!(code, 1, "{stderr}");
        assert!(
            stderr.starts_with(
                "fejl: sager.csv, linje 3, tegn 7: \"1.2.3\" kan ikke læses som et tal\n"
            ),
            "{stderr}"
        );
        assert!(
            stderr.contains(
                "tip: skriv fx 1234.5 eller \"1,234.5\": et regneark med komma mellem cellerne \
                 læses internationalt, med punktum før decimaler og evt. komma mellem tusinder\n"
            ),
            "{stderr}"
        );
        let (code, stderr) = run_with_sheet(
            "check",
            "Type,2009,2010\nBehandlet,\"1,234.5\",2244\nAndel,12.4,-\n",
        );
        assert_eq!((code, stderr.as_str()), (0, ""));
    }

    #[test]
    fn a_refused_figure_makes_no_pdf() {
        let folder = tempfile::tempdir().unwrap();
        spreadsheet_answer(folder.path(), "sager.csv");
        write(folder.path(), "sager.csv", "Type;2009\nBehandlet;1.23\n");
        let output = svar()
            .current_dir(folder.path())
            .args(["render", "svar.json", "-o", "svar.pdf"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        assert!(!folder.path().join("svar.pdf").exists());
    }

    #[test]
    fn a_row_of_the_wrong_length_is_reported_at_its_line() {
        assert_eq!(
            first_error("Type;2009;2010\nBehandlet;1.234;2.244\nAndel;12,5\nI alt;1.246,5;2.244\n"),
            "fejl: sager.csv, linje 3: rækken har 2 celler, men overskriften i linje 1 har 3 (læst med semikolon mellem cellerne)"
        );
    }

    #[test]
    fn a_quote_that_never_closes_is_reported_where_it_opens() {
        assert_eq!(
            first_error("Type;2009;2010\n\"Beh;x;1;2\n"),
            "fejl: sager.csv, linje 2, tegn 1: et anførselstegn lukkes ikke"
        );
    }

    #[test]
    fn a_wrong_total_names_the_spreadsheets_total_row() {
        assert_eq!(
            first_error(
                "Type;2009;2010\nBehandlet;1.234;2.244\nAndel;12,5;-\n\nI alt;1.246;2.244\n"
            ),
            "fejl: sager.csv, linje 5, tegn 7: totalen i kolonnen \"2009\" (regnearkets kolonne B) er 1.246, men rækkerne summer til 1.246,5"
        );
    }

    #[test]
    fn a_spreadsheet_in_an_enclosure_fills_its_panel() {
        let folder = tempfile::tempdir().unwrap();
        let answer = spreadsheet_answer(folder.path(), "sager.csv");
        let mut json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&answer).unwrap()).unwrap();
        json["answer"]["blocks"][3]["paragraph"] = "Tallene fremgår også af bilag 1.".into();
        json["enclosures"] = serde_json::json!([{"title": "Sager", "blocks": [{"table": {
            "number": 2, "caption": "Sager i bilaget", "panels": [{"csv": "sager.csv"}]
        }}]}]);
        std::fs::write(&answer, json.to_string()).unwrap();
        let pdf = folder.path().join("svar.pdf");
        let (code, stderr) = run(&[
            "render".as_ref(),
            answer.as_os_str(),
            "-o".as_ref(),
            pdf.as_os_str(),
        ]);
        assert_eq!(code, 0, "{stderr}");
        let text = common::pdf_text(&pdf);
        assert!(text.contains("Tabel 2: Sager i bilaget"), "{text}");
        assert_eq!(text.matches("1.246,5").count(), 2, "{text}");
    }

    /// The report's lines that say what is wrong and what to do.
    fn message_and_hint(stderr: &str) -> Vec<&str> {
        stderr
            .lines()
            .filter(|line| line.starts_with("fejl:") || line.contains("= tip:"))
            .map(str::trim)
            .collect()
    }

    #[test]
    fn the_answers_label_header_heads_a_sheet_without_one_and_may_not_differ_from_its_own() {
        let label = r#""label_header": "Afgørelsestype""#;
        let (code, stderr) = run_with_panel("check", "sager.csv", label, ";2009;2010\nA;1;2\n");
        assert_eq!((code, stderr.as_str()), (0, ""));
        let agreeing = "Afgørelsestype;2009\nA;1\n";
        let (code, stderr) = run_with_panel("check", "sager.csv", label, agreeing);
        assert_eq!((code, stderr.as_str()), (0, ""));
        let (code, stderr) = run_with_panel("check", "sager.csv", label, "Type;2009;2010\nA;1;2\n");
        assert_eq!(code, 1, "{stderr}");
        assert_eq!(
            message_and_hint(&stderr),
            [
                "fejl: sager.csv, linje 1, tegn 1: regnearket har \"Type\" over rækkenavnene, men panelet har \"label_header\": \"Afgørelsestype\"",
                "= tip: skriv overskriften ét sted: fjern \"label_header\" fra panelet, eller slet \"Type\" i regnearkets første celle",
            ]
        );
        assert!(
            stderr.contains(
                "= sti: answer.blocks[1].statement.blocks[1].table.panels[0].label_header\n"
            ),
            "{stderr}"
        );
        // The header reaches the PDF.
        let folder = tempfile::tempdir().unwrap();
        let answer = panel_with(folder.path(), "sager.csv", label);
        write(folder.path(), "sager.csv", ";2009\nA;1\n");
        let pdf = folder.path().join("svar.pdf");
        let (code, stderr) = run(&[
            "render".as_ref(),
            answer.as_os_str(),
            "-o".as_ref(),
            pdf.as_os_str(),
        ]);
        assert_eq!(code, 0, "{stderr}");
        assert!(common::pdf_text(&pdf).contains("Afgørelsestype"));
    }

    #[test]
    fn a_figure_with_more_digits_than_svar_holds_is_refused_at_its_cell() {
        let (code, stderr) = run_with_sheet(
            "check",
            "Type;2009\nA;0,10000000000000001\nB;2,00000000000000001\nI alt;2,1\n",
        );
        assert_eq!(code, 1, "{stderr}");
        assert_eq!(
            message_and_hint(&stderr),
            [
                "fejl: sager.csv, linje 2, tegn 3: tallet \"0,10000000000000001\" har for mange cifre til at blive sat præcist",
                "= tip: rund tallet af til højst 15 betydende cifre",
                "fejl: sager.csv, linje 3, tegn 3: tallet \"2,00000000000000001\" har for mange cifre til at blive sat præcist",
                "= tip: rund tallet af til højst 15 betydende cifre",
            ]
        );
        assert_eq!(
            first_error("Type;2009\nA;9.007.199.254.740.993\n"),
            "fejl: sager.csv, linje 2, tegn 3: tallet \"9.007.199.254.740.993\" er for stort til at blive sat præcist"
        );
    }

    #[test]
    fn the_convention_is_told_by_the_separators_between_the_first_rows_cells() {
        // A header quoted across lines, a separator quoted in the header, an old Mac line break.
        passes("\"Type\nsag\";2009;2010\nA;1.234;2\n");
        passes("\"Type; art\",2009,2010\nA,\"1,234\",2\n");
        passes("Type,2009\rA,1\rNote; se bilag,2\r");
        // Read internationally, "1,234" is a thousand and more, so the total must say so.
        assert_eq!(
            first_error("\"Type; art\",2009\nA,\"1,234\"\nB,1\nI alt,3\n"),
            "fejl: sager.csv, linje 4, tegn 7: totalen i kolonnen \"2009\" (regnearkets kolonne B) er 3, men rækkerne summer til 1.235"
        );
    }

    #[test]
    fn separators_that_end_every_line_are_one_finding() {
        let (code, stderr) = run_with_sheet("check", "Type;2009;2010;\nA;1;2;\nB;3;4;\n");
        assert_eq!(code, 1, "{stderr}");
        assert_eq!(
            message_and_hint(&stderr),
            [
                "fejl: sager.csv, linje 1, tegn 15: hver linje slutter med et ekstra \";\", så regnearket har en tom kolonne til højre for tabellen",
                "= tip: markér kolonnerne til højre for tabellen i regnearket, slet dem, og gem igen; eller slet det sidste \";\" på hver linje",
            ]
        );
    }

    #[test]
    fn a_line_of_separators_is_a_blank_line() {
        passes("Type;2009;2010\nA;1;2\n;;\nB;3;4\n");
    }

    #[test]
    fn an_empty_cell_is_refused_at_its_line_and_column() {
        let (code, stderr) = run_with_sheet("check", "Type;2009;2010\nA;;2\n");
        assert_eq!(code, 1, "{stderr}");
        assert_eq!(
            message_and_hint(&stderr),
            [
                "fejl: sager.csv, linje 2, tegn 3: cellen er tom",
                "= tip: skriv et tal, eller fx \"-\" i en tom celle",
            ]
        );
        assert_eq!(
            first_error("Type;;2010\nA;1;2\n"),
            "fejl: sager.csv, linje 1, tegn 6: kolonneoverskriften er tom"
        );
    }

    #[test]
    fn a_path_through_dots_that_stays_in_the_folder_is_read() {
        for name in ["./sager.csv", "data/../sager.csv"] {
            let (code, stderr) = run_with_panel("check", name, "", "Type;2009\nA;1\n");
            assert_eq!((code, stderr.as_str()), (0, ""), "{name}");
        }
        let (code, stderr) = run_with_panel("check", "data/../../sager.csv", "", "Type;2009\n");
        assert_eq!(code, 1, "{stderr}");
        assert!(
            stderr.starts_with("fejl: \"data/../../sager.csv\" peger uden for svarfilens mappe\n"),
            "{stderr}"
        );
        // A mistake in the sheet names it as the path comes to.
        let (_, stderr) = run_with_panel("check", "./sager.csv", "", "Type;2009\nA;1.23\n");
        assert!(
            stderr.starts_with(
                "fejl: sager.csv, linje 2, tegn 3: \"1.23\" kan ikke læses som et tal\n"
            ),
            "{stderr}"
        );
    }

    #[test]
    fn a_sheet_not_saved_as_utf8_is_refused_at_the_first_such_character() {
        // "Å" in Windows-1252, as Excel's plain "CSV" saves it.
        let (code, stderr) = run_with_sheet("check", b"Type;2009\nSager i \xc5rhus;1\n");
        assert_eq!(code, 1, "{stderr}");
        assert_eq!(
            message_and_hint(&stderr),
            [
                "fejl: sager.csv, linje 2, tegn 9: tegnet her kan ikke læses: regnearket er ikke gemt som UTF-8, eller et tegn er gået tabt (�)",
                "= tip: åbn regnearket i Excel, og gem det igen med \"Gem som\" og filtypen \"CSV UTF-8 (kommasepareret)\"; står der �, så skriv tegnet igen",
            ]
        );
    }

    #[test]
    fn a_lost_character_in_a_sheet_is_named_by_the_cell_it_stands_in() {
        // The label's "�" was told by its line alone, the header's too (review 13, L3).
        for (sheet, place) in [
            ("Type;2009\nBehandlet \u{fffd};1\n", "linje 2, tegn 1"),
            ("Type;2009;20\u{fffd}0\nA;1;2\n", "linje 1, tegn 11"),
            // After a heading typed with Alt+Enter, which Excel quotes over two lines, the
            // cell stands on the second line (review 14, F5).
            (
                "Type;\"Udgifter\n(mio. kr.)\";20\u{fffd}0\nA;1;2\n",
                "linje 2, tegn 13",
            ),
        ] {
            let (code, stderr) = run_with_sheet("check", sheet.as_bytes());
            assert_eq!(code, 1, "{stderr}");
            assert_eq!(
                message_and_hint(&stderr)[0],
                format!(
                    "fejl: sager.csv, {place}: tegnet \"�\" (U+FFFD) står, hvor et tegn er gået tabt"
                )
            );
        }
    }

    #[test]
    fn a_minus_sign_makes_a_negative_figure_that_counts_in_the_total() {
        assert_eq!(
            first_error("Type;2009\nA;\u{2212}5\nB;7\nI alt;99\n"),
            "fejl: sager.csv, linje 4, tegn 7: totalen i kolonnen \"2009\" (regnearkets kolonne B) er 99, men rækkerne summer til 2"
        );
        passes("Type;2009\nA;\u{2212}5\nB;7\nI alt;2\n");
    }
}

/// A straight quote inside a text ends the text in JSON, and serde_json then finds a word
/// where a `,` belongs; the clerk is told about the quote, at the quote and the text's path,
/// not about commas between elements at the object's path.
#[test]
fn a_straight_quote_inside_a_text_is_told_as_such_at_the_quote() {
    let folder = tempfile::tempdir().unwrap();
    let complete = std::fs::read_to_string(fixture("complete.json")).unwrap();
    let question = complete.replacen(
        "\"text\": \"Vil ministeren oplyse, hvor",
        "\"text\": \"Vil ministeren kommentere \"Ulykkeligt\", hvor",
        1,
    );
    let file = write(folder.path(), "svar.json", question);
    let (code, stderr) = run(&["check".as_ref(), file.as_os_str()]);
    assert_eq!(code, 1);
    let expected = format!(
        "fejl: JSON-syntaksfejl: anførselstegnet her afslutter teksten, men teksten fortsætter \
         efter det\n   ┌─ {}:22:40\n",
        file.display()
    );
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(
        stderr.contains(
            "   = sti: question.text\n   = tip: et anførselstegn inde i en tekst skal skrives \\\" \
         eller som ”…”, fx \"artiklen \\\"Titel\\\" i Politiken\" eller \"artiklen ”Titel” i \
         Politiken\"\n"
        ),
        "{stderr}"
    );
    // In a list, the item's path.
    let item = complete.replacen("\"Første punkt\"", "\"Første \"punkt\" her\"", 1);
    let file = write(folder.path(), "liste.json", item);
    let found = json_findings(&file);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["path"], "answer.blocks[2].list[0]");
    assert_eq!(found[0]["column"], 26);
    // A missing comma between two fields is still told as one, where it belongs.
    let comma = complete.replacen("\"2011-04-11\",", "\"2011-04-11\"", 1);
    let file = write(folder.path(), "komma.json", comma.clone());
    let found = json_findings(&file);
    assert_eq!(
        found[0]["message"],
        "JSON-syntaksfejl: der mangler et komma her"
    );
    let line = comma
        .lines()
        .position(|line| line.trim_end().ends_with("\"2011-04-11\""))
        .unwrap();
    let end = comma.lines().nth(line).unwrap().trim_end().chars().count();
    assert_eq!(
        (&found[0]["line"], &found[0]["column"]),
        (&(line + 1).into(), &(end + 1).into())
    );
}

/// A comma too many or too few is read past: the mistakes before and after it are told in the
/// same run, each at its place (a trailing comma hid all but the first, and moved its caret).
/// The comma is told with the path of the value it follows, as a comma typed twice is (a
/// missing one had no path, and one too many that of the object).
#[test]
fn a_comma_too_many_or_too_few_hides_no_other_mistake() {
    let folder = tempfile::tempdir().unwrap();
    let complete = std::fs::read_to_string(fixture("complete.json")).unwrap();
    let slipped = complete
        .replacen("\"status\": \"final\"", "\"status\": \"endeligt\"", 1)
        .replacen("\"date\": \"2011-04-11\",", "\"date\": \"2011-04-11\"", 1)
        .replacen("\"number\": 15,", "\"number\": \"15\",", 1)
        .replacen(
            "\"official\": \"Ole Hasselgaard\" }",
            "\"official\": \"Ole Hasselgaard\", }",
            1,
        );
    let file = write(folder.path(), "svar.json", &slipped);
    assert_eq!(
        places(&json_findings(&file)).as_slice(),
        [
            ("ukendt værdi `endeligt`", "status", 2, 13),
            ("JSON-syntaksfejl: der mangler et komma her", "date", 8, 23),
            (
                "forkert type: fandt teksten \"15\", men her skal stå et helt tal på 1 eller \
                 derover",
                "question.number",
                13,
                15
            ),
            (
                "JSON-syntaksfejl: overflødigt komma før afslutningen",
                "signature.official",
                58,
                75
            ),
        ]
    );
    // A wrong value set aside takes the place of the missing comma after it with it; the
    // comma is told all the same.
    let both = complete.replacen("\"date\": \"2011-04-11\",", "\"date\": \"11-04-2011\"", 1);
    let file = write(folder.path(), "begge.json", both);
    let findings = json_findings(&file);
    let found = places(&findings);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].1, found[0].2, found[0].3), ("date", 8, 11));
    assert_eq!(
        found[1],
        ("JSON-syntaksfejl: der mangler et komma her", "date", 8, 23)
    );
}

/// A replacement in a fixture's text: what is written, and what instead.
type Edit<'a> = (&'a str, &'a str);

/// A finding's message, path, line and column.
type Place<'a> = (&'a str, &'a str, u64, u64);

/// Each slip is told once, at its place, with the mistakes around it: a comma slip before another
/// syntax error, in a block, after a fixed value of the wrong kind; a straight quote in a
/// paragraph or a cell (not taken for missing commas); a comment after a text.
#[test]
fn syntax_slips_are_told_at_their_places_with_the_mistakes_around_them() {
    let folder = tempfile::tempdir().unwrap();
    let complete = std::fs::read_to_string(fixture("complete.json")).unwrap();
    let quote = "JSON-syntaksfejl: anførselstegnet her afslutter teksten, men teksten fortsætter \
                 efter det";
    let missing = "JSON-syntaksfejl: der mangler et komma her";
    let too_many = "JSON-syntaksfejl: overflødigt komma før afslutningen";
    let cases: [(&[Edit], &[Place]); 6] = [
        (
            &[
                ("\"date\": \"2011-04-11\",", "\"date\": \"2011-04-11\""),
                (
                    "\"text\": \"Vil ministeren oplyse,",
                    "\"text\": \"Vil \"ministeren\" oplyse,",
                ),
            ],
            &[(missing, "date", 8, 23), (quote, "question.text", 22, 18)],
        ),
        (
            &[("bemærkninger.\" }", "bemærkninger.\", }")],
            &[(too_many, "answer.blocks[3].paragraph", 55, 61)],
        ),
        (
            &[("\"Jeg har ikke", "\"Jeg har \"ikke\"")],
            &[(quote, "answer.blocks[3].paragraph", 55, 31)],
        ),
        (
            &[("[12.5, \"-\"]", "[12.5, \"ca. \"5\"\"]")],
            &[(
                quote,
                "answer.blocks[1].statement.blocks[1].table.panels[0].rows[1].cells[1]",
                42,
                64,
            )],
        ),
        (
            &[("\"kind\": \"committee\",", "\"kind\": 5")],
            &[
                ("værdien er ikke tilladt her", "question.kind", 12, 13),
                (missing, "question.kind", 12, 14),
            ],
        ),
        (
            &[(
                "\"date\": \"2011-04-11\",",
                "\"date\": \"2011-04-11\" // dato",
            )],
            &[(
                "JSON har ingen kommentarer, men her står en på filens øverste niveau",
                "",
                8,
                24,
            )],
        ),
    ];
    for (index, (edits, expected)) in cases.iter().enumerate() {
        let edited = edits.iter().fold(complete.clone(), |text, (from, to)| {
            assert!(text.contains(from), "{from}");
            text.replacen(from, to, 1)
        });
        let file = write(folder.path(), &format!("{index}.json"), edited);
        let findings = json_findings(&file);
        assert_eq!(places(&findings).as_slice(), *expected, "case {index}");
    }
}

/// Each finding's message, path, line and column.
fn places(findings: &[serde_json::Value]) -> Vec<Place<'_>> {
    findings
        .iter()
        .map(|finding| {
            (
                finding["message"].as_str().unwrap(),
                finding["path"].as_str().unwrap(),
                finding["line"].as_u64().unwrap(),
                finding["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Every mistake of type and shape is reported in one run, each at its place, in the order of
/// the file, and the content checks still look at what remains: serde stops at the first, and
/// a clerk needed a run for each (an impossible date also hid every content error).
#[test]
fn every_mistake_of_type_and_shape_is_reported_in_one_run_with_the_content_checks() {
    let folder = tempfile::tempdir().unwrap();
    let complete = std::fs::read_to_string(fixture("complete.json")).unwrap();
    let mistaken = complete
        .replacen("\"date\": \"2011-04-11\"", "\"date\": \"2011-04-31\"", 1)
        .replacen(
            "\"case_number\": \"2011-792-1658\"",
            "\"case_number\": 2011792",
            1,
        )
        .replacen("\"number\": 15", "\"number\": \"15\"", 1)
        .replacen("\"cells\": [1246.5, 2244]", "\"cells\": [1000, 2244]", 1)
        .replacen(
            "{ \"paragraph\": \"Jeg har ikke",
            "{ \"paragraf\": \"Jeg har ikke",
            1,
        );
    let file = write(folder.path(), "svar.json", mistaken);
    let found: Vec<(String, String, String, u64, u64)> = json_findings(&file)
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
                f["hint"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        (
            "date",
            "datoen \"2011-04-31\" findes ikke",
            "april 2011 har 30 dage; ret dagen eller måneden",
            8,
            11,
        ),
        (
            "case_number",
            "forkert type: fandt tallet `2011792`, men her skal stå en tekst i \"…\"",
            "sæt teksten i anførselstegn: \"…\"",
            9,
            18,
        ),
        (
            "question.number",
            "forkert type: fandt teksten \"15\", men her skal stå et helt tal på 1 eller derover",
            "skriv tallet uden anførselstegn",
            13,
            15,
        ),
        (
            "answer.blocks[1].statement.blocks[1].table.panels[0].total.cells[0]",
            "totalen i kolonne 1 (2009) er 1.000, men rækkerne summer til 1.246,5",
            "ret tallene; er tallene afrundede, så de ikke summer præcist, sæt \
             \"total_rounded\": true på panelet; er totalen bevidst ikke en sum, sæt \
             \"total_is_sum\": false (og forklar det i noterne)",
            44,
            60,
        ),
        (
            "answer.blocks[3]",
            "ukendt felt `paragraf`",
            "mente du `paragraph`?",
            55,
            9,
        ),
    ];
    let expected: Vec<(String, String, String, u64, u64)> = expected
        .iter()
        .map(|(path, message, hint, line, column)| {
            (
                path.to_string(),
                message.to_string(),
                hint.to_string(),
                *line,
                *column,
            )
        })
        .collect();
    assert_eq!(found, expected);
    // render refuses the file with the same report.
    let (code, stderr) = run(&[
        "render".as_ref(),
        file.as_os_str(),
        "-o".as_ref(),
        folder.path().join("ud").as_os_str(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(stderr.matches("fejl: ").count(), 5, "{stderr}");
    assert!(!folder.path().join("ud").exists());
}

/// A mistake that leaves nothing of the clerk's where it was still lets the rest be read: a
/// missing required field, unknown fields that were an object's only ones, a block written
/// as text, a wrong item in a list.
#[test]
fn mistakes_in_required_values_and_lists_do_not_stop_the_reading() {
    let complete = std::fs::read_to_string(fixture("complete.json")).unwrap();
    let mistaken = complete
        .replacen(
            "\"asked_by\": { \"name\": \"Line Barfod\", \"party\": \"EL\" }",
            "\"asked_by\": { \"navn\": \"Line Barfod\" }",
            1,
        )
        .replacen(
            "{ \"paragraph\": \"Justitsministeriet har indhentet en udtalelse fra Rigspolitiet.\" }",
            "\"Justitsministeriet har indhentet en udtalelse fra Rigspolitiet.\"",
            1,
        )
        .replacen("\"Andet punkt\"", "[\"Andet punkt\"]", 1)
        .replacen("\"session\": \"2010-11\",", "", 1);
    let (_, report) = svar::input::check_text(&mistaken, Path::new("svar.json"));
    let found: Vec<(String, String)> = report
        .findings
        .iter()
        .map(|f| (f.path.to_string(), f.message.clone()))
        .collect();
    assert_eq!(
        found,
        [
            ("question".into(), "feltet `session` mangler".into()),
            // A missing field is pointed at its object's `{`, before the fields in it.
            ("question.asked_by".into(), "feltet `name` mangler".into()),
            ("question.asked_by.navn".into(), "ukendt felt `navn`".into()),
            (
                "answer.blocks[0]".into(),
                "en blok skal være et objekt, ikke en tekst".into()
            ),
            (
                "answer.blocks[2].list[1]".into(),
                "forkert type: fandt en liste [ … ], men her skal stå en tekst i \"…\"".into()
            ),
        ]
    );
}

#[test]
fn one_text_where_a_list_belongs_is_told_to_be_written_as_a_list() {
    let folder = tempfile::tempdir().unwrap();
    let complete = std::fs::read_to_string("tests/fixtures/complete.json").unwrap();
    let text = complete.replace(
        "\"notes\": [\"Rigspolitiet.\"]",
        "\"notes\": \"Rigspolitiet.\"",
    );
    assert_ne!(text, complete);
    let file = write(folder.path(), "svar.json", text);
    let findings = json_findings(&file);
    let notes = findings
        .iter()
        .find(|finding| finding["path"].as_str().unwrap().ends_with("table.notes"))
        .expect("the notes are a finding");
    assert_eq!(
        notes["message"],
        "forkert type: fandt teksten \"Rigspolitiet.\", men her skal stå en liste [ … ]"
    );
    assert_eq!(
        notes["hint"],
        "skriv teksten som en liste: [\"Rigspolitiet.\"]"
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_or_device_instead_of_a_file_is_refused_not_waited_for() {
    // Reading a named pipe waits for a writer, and /dev/zero never ends: both used to hang.
    let folder = tempfile::tempdir().unwrap();
    let pipe = folder.path().join("svar.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    for file in [pipe.as_path(), Path::new("/dev/zero")] {
        let output = svar()
            .arg("check")
            .arg(file)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{}", file.display());
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            format!(
                "fejl: {}: filen kan ikke læses: det er ikke en almindelig fil, men fx et rør eller en enhed; angiv en fil\n",
                file.display()
            )
        );
    }
}

#[test]
fn more_mistakes_than_are_reported_are_said_to_be_more() {
    // 150 misspelt blocks: the report stops at 100 of them, and said nothing of the rest.
    let folder = tempfile::tempdir().unwrap();
    let answer = common::edited_fixture("complete.json", folder.path(), |answer| {
        let blocks = answer["answer"]["blocks"].as_array_mut().unwrap();
        blocks.extend((0..150).map(|_| serde_json::json!({"paragrph": "x"})));
    });
    let output = svar().arg("check").arg(&answer).output().unwrap();
    let report = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        report.matches("ukendt felt `paragrph`").count(),
        100,
        "{report}"
    );
    assert!(
        report.contains("fejl: svar holdt op efter 100 fejl af denne slags; der kan være flere"),
        "{report}"
    );
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(
        summary.contains("har fejl (101 fejl, 0 advarsler)"),
        "{summary}"
    );
}

#[test]
fn a_pdf_or_an_invisible_character_before_the_object_is_named() {
    // Both used to be told to write the fields between one { and one }, which they were.
    let folder = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("complete.json")).unwrap();
    let cases = [
        (
            "to-bom.json",
            format!("\u{feff}\u{feff}{text}"),
            "fejl: der står et usynligt tegn (U+FEFF) før {",
        ),
        (
            "svar.json",
            format!("%PDF-1.7\n{text}"),
            "fejl: en svarfil skal være ét JSON-objekt { … }, ikke en PDF",
        ),
    ];
    for (name, content, expected) in cases {
        let file = folder.path().join(name);
        std::fs::write(&file, content).unwrap();
        let output = svar().arg("check").arg(&file).output().unwrap();
        let report = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{report}");
        assert!(report.contains(expected), "{expected:?} missing:\n{report}");
    }
}

/// Word's typographic quotes where JSON needs `"`, a comma typed twice, and Enter or Tab pressed
/// inside a text are told in words of what happened, each at its place, and read past: the
/// mistakes after them, a missing comma after a quoted text and a figure in quotes among them,
/// are told in the same run (each stopped the reading with a parser's message before).
#[test]
fn word_quotes_doubled_commas_line_breaks_and_tabs_are_told_and_read_past() {
    let folder = tempfile::tempdir().unwrap();
    let complete = std::fs::read_to_string(fixture("complete.json")).unwrap();
    let edits: [Edit; 5] = [
        (
            "\"office\": \"Statsretskontoret\"",
            "”office”: ”Statsretskontoret”",
        ),
        ("\"date\": \"2011-04-11\",", "\"date\": „2011-04-11“"),
        ("\"THK40546\",", "\"THK40546\",,"),
        ("\"number\": 15,", "\"number\": «15»,"),
        ("oplyse, hvor mange sager", "oplyse,\n\thvor mange sager"),
    ];
    let edited = edits.iter().fold(complete, |text, (from, to)| {
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1)
    });
    let file = write(folder.path(), "svar.json", edited);
    let findings = json_findings(&file);
    let quotes = |marks: &str| typographic(&format!("{marks} typografiske anførselstegn"));
    let (closing, low, angle) = (
        typographic("” er et typografisk anførselstegn"),
        quotes("„ og “ er"),
        quotes("« og » er"),
    );
    let found = places(&findings);
    assert_eq!(
        found.as_slice(),
        [
            (closing.as_str(), "ministry.office", 6, 5),
            (low.as_str(), "date", 8, 11),
            ("JSON-syntaksfejl: der mangler et komma her", "date", 8, 23),
            (
                "JSON-syntaksfejl: to kommaer efter hinanden",
                "document_number",
                10,
                33
            ),
            (angle.as_str(), "question.number", 13, 15),
            (
                "forkert type: fandt teksten \"15\", men her skal stå et helt tal på 1 eller derover",
                "question.number",
                13,
                15
            ),
            (
                "JSON-syntaksfejl: teksten er delt over to linjer (linjeskift i slutningen af \
                 linje 22)",
                "question.text",
                22,
                36
            ),
            (
                "JSON-syntaksfejl: tabulator i teksten",
                "question.text",
                23,
                1
            ),
        ]
    );
    let hints: Vec<&str> = findings
        .iter()
        .map(|finding| finding["hint"].as_str().unwrap())
        .collect();
    assert_eq!(hints[0], "skriv \"office\": \"Statsretskontoret\"");
    assert_eq!(hints[1], "skriv \"date\": \"2011-04-11\"");
    assert_eq!(hints[3], "slet det ene");
    assert_eq!(
        hints[6],
        "slet linjeskiftet, så teksten står på én linje; skal der være et linjeskift i teksten, \
         så skriv \\n (det sættes kun med \"markup\": \"markdown\")"
    );
    assert_eq!(hints[7], "skriv et mellemrum i stedet for tabulatoren");
}

/// The message for Word's typographic quotes `marks` ("” er et typografisk anførselstegn").
fn typographic(marks: &str) -> String {
    format!("JSON-syntaksfejl: {marks} (fra Word eller Outlook); JSON kræver lige anførselstegn \"")
}

/// A mix of straight and typographic quotes around a field name or a text, as Word leaves when
/// a clerk types one of them over (`"office”: "Statsretskontoret"`), is told as typographic
/// quotes alone are, naming the one found, with the line written right, and read past: the
/// figure in quotes after it is told in the same run. A closing quote before the colon or
/// inside the line was taken for part of the text, and told as an unknown field `office”: `,
/// a parser's "forventede `:`" or a quote ending a text too early, and reading stopped there.
/// Quotes inside a text on the lines between, before a colon or a comma, are the clerk's.
#[test]
fn a_mix_of_straight_and_typographic_quotes_is_told_and_read_past() {
    let folder = tempfile::tempdir().unwrap();
    let complete = std::fs::read_to_string(fixture("complete.json")).unwrap();
    let (office, asker, number) = (
        "\"office\": \"Statsretskontoret\"",
        "{ \"name\": \"Line Barfod\", \"party\": \"EL\" }",
        "\"number\": 15,",
    );
    let one = "er et typografisk anførselstegn";
    let two = "er typografiske anførselstegn";
    // The mix, where it is, its path, and the marks it has.
    let mixes = [
        (
            office,
            "\"office”: \"Statsretskontoret\"",
            "ministry.office",
            format!("” {one}"),
        ),
        (
            office,
            "\"office”: “Statsretskontoret\"",
            "ministry.office",
            format!("” og “ {two}"),
        ),
        (
            office,
            "“office\": \"Statsretskontoret\"",
            "ministry.office",
            format!("“ {one}"),
        ),
        (
            office,
            "„office“: \"Statsretskontoret\"",
            "ministry.office",
            format!("„ og “ {two}"),
        ),
        (
            office,
            "\"office\": ”Statsretskontoret\"",
            "ministry.office",
            format!("” {one}"),
        ),
        (
            office,
            "”office”: ”Statsretskontoret”",
            "ministry.office",
            format!("” {one}"),
        ),
        (
            office,
            "\"office\": \"Statsretskontoret”",
            "ministry.office",
            format!("” {one}"),
        ),
        (
            asker,
            "{ \"name\": \"Line Barfod”, \"party\": \"EL\" }",
            "question.asked_by.name",
            format!("” {one}"),
        ),
        (
            asker,
            "{ \"name\": \"Line Barfod\", \"party\": \"EL” }",
            "question.asked_by.party",
            format!("” {one}"),
        ),
        (
            asker,
            "{ \"name”: \"Line Barfod\", \"party\": \"EL”}",
            "question.asked_by.name",
            format!("” {one}"),
        ),
    ];
    let clerks = (
        "\"Vil ministeren oplyse, hvor mange sager der er behandlet?\"",
        "\"Vil ministeren oplyse, om ”Respekt”: hvor mange sager, ”Tryghed”, der er behandlet ”i alt”?\"",
    );
    let straight = |text: &str| text.replace(['“', '”', '„'], "\"");
    for (from, to, path, marks) in mixes {
        let edited = [(from, to), (number, "\"number\": \"15\","), clerks]
            .iter()
            .fold(complete.clone(), |text, (from, to)| {
                assert!(text.contains(from), "{from}");
                text.replacen(from, to, 1)
            });
        // At the line's first typographic quote.
        let before = &edited[..edited.find(['“', '”', '„']).unwrap()];
        let line = before.lines().count() as u64;
        let column = before.rsplit('\n').next().unwrap().chars().count() as u64 + 1;
        let file = write(folder.path(), "svar.json", edited);
        let findings = json_findings(&file);
        let message = typographic(&marks);
        // In the order of the file.
        let mut expected = [
            (message.as_str(), path, line, column),
            (
                "forkert type: fandt teksten \"15\", men her skal stå et helt tal på 1 eller \
                 derover",
                "question.number",
                13,
                15,
            ),
        ];
        expected.sort_by_key(|&(_, _, line, column)| (line, column));
        assert_eq!(places(&findings), expected, "{to}");
        let right = if from == asker {
            format!("skriv \"asked_by\": {}", straight(to))
        } else {
            format!("skriv {}", straight(to))
        };
        let quote = findings.iter().find(|f| f["message"] == message.as_str());
        assert_eq!(quote.unwrap()["hint"], right.as_str(), "{to}");
    }
}

/// `(message, path, line, column, hint)` of each finding `svar check --format json` reports for
/// the complete fixture with `edits` made, in a file of its own in `folder`.
fn edited_findings(
    folder: &Path,
    name: &str,
    edits: &[Edit],
) -> Vec<(String, String, u64, u64, String)> {
    let complete = std::fs::read_to_string(fixture("complete.json")).unwrap();
    let edited = edits.iter().fold(complete, |text, (from, to)| {
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1)
    });
    let file = write(folder, name, edited);
    json_findings(&file)
        .iter()
        .map(|finding| {
            (
                finding["message"].as_str().unwrap().to_string(),
                finding["path"].as_str().unwrap().to_string(),
                finding["line"].as_u64().unwrap(),
                finding["column"].as_u64().unwrap(),
                finding["hint"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// `expected` as [`edited_findings`] gives findings.
fn owned(expected: &[(&str, &str, u64, u64, &str)]) -> Vec<(String, String, u64, u64, String)> {
    expected
        .iter()
        .map(|(message, path, line, column, hint)| {
            (
                message.to_string(),
                path.to_string(),
                *line,
                *column,
                hint.to_string(),
            )
        })
        .collect()
}

/// The message for a list where the format has an object.
const LIST_FOR_OBJECT: &str =
    "forkert type: fandt en liste [ … ], men her skal stå et objekt { … }";

/// Every list written where the format has an object (a committee, a member, a table's row and
/// total, the signature) is told once, at its path, with the object to write holding the
/// clerk's own items where they fit, and nothing about what is in it; the reading goes on past
/// each, so all come in one run with the mistakes around them. serde read a list into an
/// object field by field: a row `["Behandlet", 1234, 2244]` was told at the invented path
/// `rows[0][1]` ("fandt tallet `1234`, men her skal stå en liste"), a total `[1246.5, 2244]`
/// at `total[0]`, and a committee, a member and a signature took a run each.
#[test]
fn every_list_where_an_object_belongs_is_told_once_with_the_clerks_items_and_read_past() {
    let folder = tempfile::tempdir().unwrap();
    let found = edited_findings(
        folder.path(),
        "lister.json",
        &[
            ("\"number\": 15,", "\"number\": \"15\","),
            (
                "\"committee\": {\n      \"name\": \"Folketingets Udvalg for Forretningsordenen\",\n      \"abbreviation\": \"UFO\"\n    }",
                "\"committee\": [\n      \"Folketingets Udvalg for Forretningsordenen\",\n      \"UFO\"\n    ]",
            ),
            (
                "{ \"name\": \"Line Barfod\", \"party\": \"EL\" }",
                "[\"Line Barfod\", \"EL\"]",
            ),
            (
                "{ \"label\": \"Behandlet\", \"cells\": [1234, 2244] }",
                "[\"Behandlet\", 1234, 2244]",
            ),
            (
                "{ \"label\": \"I alt\", \"cells\": [1246.5, 2244] }",
                "[1246.5, 2244]",
            ),
            (
                "{ \"minister\": \"Lars Barfoed\", \"official\": \"Ole Hasselgaard\" }",
                "[\"Lars Barfoed\"]",
            ),
        ],
    );
    let table = "answer.blocks[1].statement.blocks[1].table.panels[0]";
    let (row, total) = (format!("{table}.rows[0]"), format!("{table}.total"));
    assert_eq!(
        found,
        owned(&[
            (
                "forkert type: fandt teksten \"15\", men her skal stå et helt tal på 1 eller \
                 derover",
                "question.number",
                13,
                15,
                "skriv tallet uden anførselstegn",
            ),
            (
                LIST_FOR_OBJECT,
                "question.committee",
                15,
                18,
                "skriv felterne med navn: {\"name\": \"Folketingets Udvalg for \
                 Forretningsordenen\", \"abbreviation\": \"UFO\"}",
            ),
            (
                LIST_FOR_OBJECT,
                "question.asked_by",
                21,
                17,
                "skriv felterne med navn: {\"name\": \"Line Barfod\", \"party\": \"EL\"}; objektet \
                 kan også have feltet `non_member`",
            ),
            (
                LIST_FOR_OBJECT,
                &row,
                41,
                23,
                "skriv felterne med navn: {\"label\": \"Behandlet\", \"cells\": [1234, 2244]}",
            ),
            (
                LIST_FOR_OBJECT,
                &total,
                44,
                30,
                "skriv felterne med navn: {\"cells\": [1246.5, 2244]}; objektet kan også have \
                 feltet `label`",
            ),
            (
                LIST_FOR_OBJECT,
                "signature",
                58,
                16,
                "skriv felterne med navn: {\"minister\": \"Lars Barfoed\"}; objektet kan også have \
                 feltet `official`",
            ),
        ])
    );
}

/// A comma left out is told with the path of the field (or item) it belongs after, and the
/// slips after it keep their own paths: with no comma between `"document_number": …` and
/// `"question": {…}`, Word's quotes around `session` were told at `document_number.session`
/// and Enter pressed in the question's text at `document_number.text`, and the comma itself
/// had no path; a tab in a list's second item, after a comma left out in the list, was told
/// at its first.
#[test]
fn a_comma_left_out_is_told_at_the_field_before_it_and_the_slips_after_it_at_their_own() {
    let folder = tempfile::tempdir().unwrap();
    let found = edited_findings(
        folder.path(),
        "komma.json",
        &[
            ("\"THK40546\",", "\"THK40546\""),
            ("\"session\": \"2010-11\",", "“session”: \"2010-11\","),
            ("oplyse, hvor mange", "oplyse,\nhvor mange"),
            (
                "[\"Første punkt\", \"Andet punkt\"]",
                "[\"Første punkt\" \"Andet\tpunkt\"]",
            ),
        ],
    );
    let places: Vec<(&str, &str, u64, u64)> = found
        .iter()
        .map(|(message, path, line, column, _)| (message.as_str(), path.as_str(), *line, *column))
        .collect();
    assert_eq!(
        places,
        [
            (
                "JSON-syntaksfejl: der mangler et komma her",
                "document_number",
                10,
                32
            ),
            (
                typographic("“ og ” er typografiske anførselstegn").as_str(),
                "question.session",
                19,
                5
            ),
            (
                "JSON-syntaksfejl: teksten er delt over to linjer (linjeskift i slutningen af \
                 linje 22)",
                "question.text",
                22,
                36
            ),
            (
                "JSON-syntaksfejl: der mangler et komma her",
                "answer.blocks[2].list[0]",
                55,
                32
            ),
            (
                "JSON-syntaksfejl: tabulator i teksten",
                "answer.blocks[2].list[1]",
                55,
                39
            ),
        ]
    );
}

/// The message for a `}` left out before a line, naming the object left open.
fn brace_left_out(object: &str, line: u64) -> String {
    format!(
        "der mangler nok en }} før denne linje: objektet `{object}` (begyndt i linje {line}) er \
         ikke lukket"
    )
}

/// A `}` left out is told once, where it belongs, naming the object left open and the line it
/// begins on, and the reading goes on as if it were there: before a field of the object around
/// it (the question's `}` left out, its comma kept or its whole line deleted), or before a `]`
/// that closes the list around it (a panel's). It was told as an unknown field `answer` in
/// `question` with the question's fields as advice, and as the file ending too early, at its
/// last `}`, with nothing read after it; or as "forventede `,` eller `}`" at the `]`. A file
/// whose last `}` is left out is told to end with the file's object open, just after its last
/// character (it was told at the line after it, past the end).
#[test]
fn a_bracket_left_out_is_told_once_where_it_belongs_and_read_past() {
    let folder = tempfile::tempdir().unwrap();
    let question_left_open = [
        ("behandlet?\"\n  },", "behandlet?\"\n  ,"),
        ("{ \"paragraph\": \"Jeg har", "{ “paragraph”: \"Jeg har"),
        ("\"number\": 1,", "\"number\": \"1\","),
    ];
    let found = edited_findings(folder.path(), "spørgsmål.json", &question_left_open);
    let table = "answer.blocks[1].statement.blocks[1].table";
    let number = format!("{table}.number");
    assert_eq!(
        found,
        owned(&[
            (
                &brace_left_out("question", 11),
                "question",
                24,
                3,
                "`answer` hører til i filens yderste objekt, ikke i `question`; skriv } der, \
                 hvor `question` slutter",
            ),
            (
                "forkert type: fandt teksten \"1\", men her skal stå et helt tal på 1 eller \
                 derover",
                &number,
                34,
                27,
                "skriv tallet uden anførselstegn",
            ),
            (
                &typographic("“ og ” er typografiske anførselstegn"),
                "answer.blocks[3].paragraph",
                55,
                9,
                "skriv { \"paragraph\": \"Jeg har ikke yderligere bemærkninger.\" }",
            ),
        ])
    );
    // The question's closing line deleted whole, its comma with it.
    let found = edited_findings(
        folder.path(),
        "linje.json",
        &[("behandlet?\"\n  },\n", "behandlet?\"\n")],
    );
    let places: Vec<(&str, &str, u64, u64)> = found
        .iter()
        .map(|(message, path, line, column, _)| (message.as_str(), path.as_str(), *line, *column))
        .collect();
    assert_eq!(
        places,
        [(brace_left_out("question", 11).as_str(), "question", 23, 3)]
    );
    // A panel's `}` left out before the `]` of the table's panels.
    let found = edited_findings(
        folder.path(),
        "panel.json",
        &[(
            "2244] }\n                  }",
            "2244] }\n                   ",
        )],
    );
    let panel = format!("{table}.panels[0]");
    assert_eq!(
        found,
        owned(&[(
            &brace_left_out(&panel, 37),
            &panel,
            46,
            17,
            &format!("skriv }} der, hvor `{panel}` slutter"),
        )])
    );
    // The file's last `}` left out, blank lines after it.
    let found = edited_findings(
        folder.path(),
        "slut.json",
        &[("\"Ole Hasselgaard\" }\n}", "\"Ole Hasselgaard\" }\n\n\n")],
    );
    assert_eq!(
        found,
        owned(&[(
            "filen slutter for tidligt: filens yderste objekt (begyndt i linje 1) er ikke lukket",
            "",
            58,
            77,
            "skriv } der, hvor objektet slutter",
        )])
    );
}

/// Fields the format has one level deeper, in an object a field of this one holds, are told
/// once together, where the first of them is written, with the field to write them in: a
/// panel's fields on its table (told as four mistakes, `panels` missing and three unknown
/// fields, with the table's fields as advice), the signature's on the file's object, a block
/// in a statement without its `blocks`.
#[test]
fn fields_written_one_level_too_high_are_told_once_with_the_field_they_belong_in() {
    let folder = tempfile::tempdir().unwrap();
    let on_table = [
        (
            "\"panels\": [\n                  {\n                    \"label_header\"",
            "\"label_header\"",
        ),
        (
            "2244] }\n                  }\n                ],",
            "2244] },",
        ),
    ];
    let table = "answer.blocks[1].statement.blocks[1].table";
    let label_header = format!("{table}.label_header");
    assert_eq!(
        edited_findings(folder.path(), "tabel.json", &on_table),
        owned(&[(
            "felterne `label_header`, `columns`, `rows` og `total` står direkte i `table`, men \
             hører til i `panels`",
            &label_header,
            36,
            17,
            "skriv \"panels\": [{\"label_header\": …, \"columns\": …, \"rows\": …, \"total\": …}]",
        )])
    );
    let signed = [(
        "\"signature\": { \"minister\": \"Lars Barfoed\", \"official\": \"Ole Hasselgaard\" }",
        "\"minister\": \"Lars Barfoed\", \"official\": \"Ole Hasselgaard\"",
    )];
    assert_eq!(
        edited_findings(folder.path(), "underskrift.json", &signed),
        owned(&[(
            "felterne `minister` og `official` står øverst i filen, men hører til i `signature`",
            "minister",
            58,
            3,
            "skriv \"signature\": {\"minister\": …, \"official\": …}",
        )])
    );
    let in_statement = [(
        "\"source\": \"Rigspolitiet\",",
        "\"source\": \"Rigspolitiet\", \"paragraph\": \"Se tabel 1.\",",
    )];
    assert_eq!(
        edited_findings(folder.path(), "udtalelse.json", &in_statement),
        owned(&[(
            "feltet `paragraph` står direkte i `statement`, men hører til i `blocks`",
            "answer.blocks[1].statement.paragraph",
            29,
            37,
            "skriv \"blocks\": [{\"paragraph\": …}]",
        )])
    );
}
