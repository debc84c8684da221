//! Content that Typst would set wrongly without a word: characters no built-in font has, words
//! and tables too wide for the page, figures too wide for their columns, totals shown with
//! binary noise, empty panels and hyphenated table headers. Each fixture under
//! tests/fixtures/content/ has a snapshot of the exact report a clerk sees.

mod common;

use common::svar;

#[test]
fn every_content_fixture_has_its_exact_report() {
    for name in common::json_files("tests/fixtures/content") {
        let (_, report) = common::check_output(&format!("tests/fixtures/content/{name}"));
        insta::assert_snapshot!(name.trim_end_matches(".json"), report);
    }
}

#[test]
fn characters_no_font_has_are_refused_in_danish_before_typst_sees_them() {
    let folder = tempfile::tempdir().unwrap();
    let output = svar()
        .args(["render", "--pdf-standard", "none", "-o"])
        .arg(folder.path())
        .arg("tests/fixtures/content/unsettable-characters.json")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "tegnet \"王\" (U+738B) findes ikke i svars skrifttyper og kan ikke sættes",
        "sti: answer.blocks[0].paragraph",
        "tegnet U+E000 er et privat tegn uden fast betydning og kan ikke sættes",
        "sti: answer.blocks[2].table.panels[0].rows[0].label",
        "tegnet \"李\" (U+674E)",
        "sti: signature.official",
    ] {
        assert!(stderr.contains(expected), "{expected:?} missing:\n{stderr}");
    }
    assert!(!stderr.contains("main.typ"), "{stderr}");
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
}

/// `svar check` of the complete fixture with "bemærkninger" in its last paragraph written
/// `written`; the report, of a file with errors.
fn check_with_remarks_written(written: &str) -> String {
    let folder = tempfile::tempdir().unwrap();
    let answer = folder.path().join("svar.json");
    let text = std::fs::read_to_string("tests/fixtures/complete.json")
        .unwrap()
        .replace("yderligere bemærkninger", &format!("yderligere {written}"));
    std::fs::write(&answer, text).unwrap();
    let output = svar().arg("check").arg(&answer).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_lost_character_is_refused_also_when_written_as_an_escape() {
    // U+FFFD written as the JSON escape passes for UTF-8, but it stands for a lost character
    // all the same, and the PDF's attached answer would carry it as one.
    let stderr = check_with_remarks_written("bem\\ufffdrkninger");
    for expected in [
        "fejl: tegnet \"�\" (U+FFFD) står, hvor et tegn er gået tabt",
        "sti: answer.blocks[3].paragraph",
    ] {
        assert!(stderr.contains(expected), "{expected:?} missing:\n{stderr}");
    }
}

#[test]
fn a_lost_character_in_a_file_saved_as_utf8_is_reported_with_the_other_mistakes() {
    // A "�" the file held as UTF-8 was taken for a byte that could not be read: the file was
    // refused at it, and the emoji after it went unreported.
    let stderr = check_with_remarks_written("bem\u{fffd}rkninger 🚓");
    for expected in [
        "fejl: tegnet \"�\" (U+FFFD) står, hvor et tegn er gået tabt",
        "fejl: tegnet \"🚓\" (U+1F693) findes ikke i svars skrifttyper og kan ikke sættes",
    ] {
        assert!(stderr.contains(expected), "{expected:?} missing:\n{stderr}");
    }
    assert!(!stderr.contains("kan ikke læses"), "{stderr}");
}

#[test]
fn a_finding_about_one_character_points_at_that_character() {
    // An invisible direction mark deep in a paragraph, written as itself and as an escape: the
    // report gives its own line and column, underlines it, and shows it as "�" rather than
    // let it turn the terminal's line around.
    let folder = tempfile::tempdir().unwrap();
    let answer = folder.path().join("svar.json");
    let template = std::fs::read_to_string("tests/fixtures/complete.json").unwrap();
    let sentence = "Jeg har ikke yderligere bemærkninger.";
    let (line, prefix) = template
        .lines()
        .enumerate()
        .find_map(|(index, line)| Some((index + 1, &line[..line.find(sentence)?])))
        .unwrap();
    let column = prefix.chars().count() + "Jeg har ikke ".chars().count() + 1;
    for written in ["\u{202e}", "\\u202E"] {
        let text = template.replace(
            sentence,
            &format!("Jeg har ikke {written}yderligere bemærkninger."),
        );
        std::fs::write(&answer, text).unwrap();
        let output = svar().arg("check").arg(&answer).output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&output.stderr);
        let place = format!("{}:{line}:{column}", answer.display());
        assert!(stderr.contains(&place), "{place} missing:\n{stderr}");
        assert!(!stderr.contains('\u{202e}'), "{stderr}");
        let caret = if written.starts_with('\\') {
            "^^^^^^"
        } else {
            "^"
        };
        let underline = stderr
            .lines()
            .find(|line| line.contains('^'))
            .unwrap_or_default();
        assert!(
            underline.trim_end().ends_with(&format!(" {caret}")),
            "{stderr}"
        );
    }
}

#[test]
fn danish_and_typographic_characters_pass_and_print() {
    let (code, report) = common::check_output("tests/fixtures/content/typography.json");
    assert_eq!(code, 0, "{report}");
    // Only the line break, which prints as a space in a text not read as Markdown.
    assert!(report.contains("i orden (0 fejl, 1 advarsel)"), "{report}");
    assert!(
        report.contains("advarsel: linjeskiftet i teksten sættes som et mellemrum"),
        "{report}"
    );
    let folder = tempfile::tempdir().unwrap();
    let pdf = common::render_into(&common::fixture("content/typography.json"), folder.path());
    // The text layer keeps the soft hyphen; what a reader sees is without it.
    let text = common::pdf_text(&pdf).replace('\u{ad}', "");
    for printed in [
        "æøå ÆØÅ, café, Müller, § 12,",
        "½ liter, 5 € – og — tankestreger … ”citat” og ’citat’, »guillemets«, • punkt",
        "≥ 3, ≤ 4, 2 × 3, 6 ÷ 2, 20 °C, ± 1, m² og m³, ¼ og 3 ‰.",
        "Folketinget og en linje med fane.",
    ] {
        assert!(text.contains(printed), "{printed:?} not in:\n{text}");
    }
}

#[test]
fn english_and_german_quotation_marks_print_as_danish_ones_and_guillemets_as_written() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = common::render_into(
        &common::fixture("content/foreign-quotation-marks.json"),
        folder.path(),
    );
    let text = common::pdf_text(&pdf);
    for printed in [
        "Udspillet ”Respekt for voldtægtsofre” og ”Tryghed i hverdagen” og ’enkelte’ citater",
        "Danske »indadvendte« citattegn",
        // Only warned about: which Danish marks were meant is the clerk's to say.
        "men «franske» gør ikke.",
    ] {
        assert!(text.contains(printed), "{printed:?} not in:\n{text}");
    }
    for foreign in ['“', '„', '‘'] {
        assert!(!text.contains(foreign), "{foreign} in:\n{text}");
    }
}

#[test]
fn table_headers_and_figures_are_not_hyphenated() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = common::render_into(
        &common::fixture("content/narrow-headers.json"),
        folder.path(),
    );
    // Read without the shared helper, which joins hyphenated words again.
    let output = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("Andel"), "{text}");
    assert!(!text.contains('\u{ad}'), "a header was hyphenated:\n{text}");
}

#[test]
fn figures_print_with_the_decimals_they_are_written_with() {
    let folder = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::fixture("complete.json")).unwrap();
    // An f64 would print these 12,5, 1.246,5 and 2.244.
    let written = text
        .replacen("[12.5, \"-\"]", "[12.50, \"-\"]", 1)
        .replacen("[1246.5, 2244]", "[1246.50, 2244.0]", 1);
    assert_ne!(written, text);
    let answer = folder.path().join("decimaler.json");
    std::fs::write(&answer, &written).unwrap();
    let pdf = common::render_into(&answer, folder.path());
    let printed = common::pdf_text(&pdf);
    for figure in ["12,50", "1.246,50", "2.244,0"] {
        assert!(printed.contains(figure), "{figure} not in:\n{printed}");
    }
    // The answer the PDF carries keeps them as written, so it prints the same figures again.
    let attached = common::attached_answer(&pdf);
    assert!(attached.contains("12.50,"), "{attached}");
    assert!(attached.contains("1246.50,"), "{attached}");
}

#[test]
fn spreadsheet_figures_print_with_the_decimals_they_are_written_with() {
    let folder = tempfile::tempdir().unwrap();
    let answer = folder.path().join("svar.json");
    std::fs::copy(common::fixture("spreadsheet.json"), &answer).unwrap();
    // Danish Excel writes a column of rates with the same decimals in every cell.
    std::fs::write(
        folder.path().join("sager.csv"),
        "Type;2009;2010\nBehandlet;1.234,00;2.244,00\nAndel;12,50;-\nI alt;1.246,50;2.244,00\n",
    )
    .unwrap();
    let pdf = common::render_into(&answer, folder.path());
    let printed = common::pdf_text(&pdf);
    for figure in ["1.234,00", "12,50", "1.246,50", "2.244,00"] {
        assert!(printed.contains(figure), "{figure} not in:\n{printed}");
    }
}

#[test]
fn texts_too_long_for_the_pdf_are_refused_at_check_not_by_typst() {
    // A 36,000-character committee name, or a 9,000-character link, passed check and then
    // failed render with Typst's English message about the generated source.
    let folder = tempfile::tempdir().unwrap();
    let file = common::edited_fixture("complete.json", folder.path(), |answer| {
        answer["question"]["committee"]["name"] = "Folketingets Udvalg ".repeat(600).into();
        answer["markup"] = "markdown".into();
        let link = format!("Se [siden](https://www.ft.dk/{}).", "a".repeat(9000));
        answer["answer"]["blocks"][0]["paragraph"] = link.into();
    });
    let output = svar().arg("check").arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "fejl: teksten er 12000 tegn lang; den indgår i PDF'ens titel, forfatter eller bogmærker, som højst kan have 10922 tegn herfra",
        "sti: question.committee.name",
        "fejl: linkets adresse er 9018 tegn lang, men en PDF kan højst have 8000",
        "sti: answer.blocks[0].paragraph",
    ] {
        assert!(report.contains(expected), "{expected:?} missing:\n{report}");
    }
}

#[test]
fn a_letterhead_value_of_many_lines_is_refused() {
    // The metadata column is laid out whole: 80,000 characters took half a minute to render.
    // The department, over the column's labels, likewise.
    for field in ["office", "department"] {
        let folder = tempfile::tempdir().unwrap();
        let file = common::edited_fixture("complete.json", folder.path(), |answer| {
            answer["ministry"][field] = "langt ord ".repeat(100).trim_end().into();
        });
        let output = svar().arg("check").arg(&file).output().unwrap();
        let report = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{report}");
        assert!(
            report.contains("linjer i brevhovedet, som har plads til korte oplysninger")
                && report.contains(&format!("sti: ministry.{field}")),
            "{report}"
        );
    }
}
