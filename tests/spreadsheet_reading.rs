//! How svar reads spreadsheets as Danish Excel writes them, driving the binary with the
//! fixture CSV files `tests/fixtures/sheet-*.csv`: which separator a sheet is read with, which
//! row is its total, that a figure grouped by spaces is refused rather than taken as text, and
//! that a cell almost a figure ("5.2O2,4", "12,5%") is told where it stands.

mod common;

use std::path::{Path, PathBuf};

use common::{fixture, svar};

/// The spreadsheet fixture answer in `folder`, its panel reading `sager.csv`, a copy of the
/// fixture spreadsheet `sheet`; returns the answer's path.
fn answer_with_sheet(folder: &Path, sheet: &str) -> PathBuf {
    std::fs::copy(fixture(sheet), folder.join("sager.csv")).unwrap();
    let answer = folder.join("svar.json");
    std::fs::copy(fixture("spreadsheet.json"), &answer).unwrap();
    answer
}

/// `svar check svar.json` run in the answer's folder, as a clerk would, with `sheet` as its
/// spreadsheet: the exit code, and the report with its summary line after it.
fn check(sheet: &str) -> (i32, String) {
    let folder = tempfile::tempdir().unwrap();
    answer_with_sheet(folder.path(), sheet);
    let output = svar()
        .current_dir(folder.path())
        .args(["check", "svar.json"])
        .output()
        .unwrap();
    let code = output.status.code().unwrap_or(-1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    (code, format!("{stderr}{stdout}"))
}

/// The report's lines that say what is wrong and what to do, and its summary line.
fn findings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|line| {
            line.starts_with("fejl:")
                || line.starts_with("advarsel:")
                || line.contains("= tip:")
                || line.starts_with("svar.json:")
        })
        .map(str::trim)
        .collect()
}

const ROW_HINT: &str = "= tip: giv rækken et navn og derefter én celle pr. kolonne, som \
    overskrifterne i linje 1; svar læser et regneark med semikolon mellem cellerne, når linje 1 \
    har et semikolon uden for anførselstegn, og ellers med komma";

#[test]
fn a_danish_heading_with_more_commas_than_semicolons_is_read_with_semicolons() {
    // "Udgifter, mio. kr., løbende priser;2023": two commas, one semicolon.
    let (code, report) = check("sheet-heading-commas.csv");
    assert_eq!(
        (code, report.as_str()),
        (0, "svar.json: i orden (0 fejl, 0 advarsler)\n")
    );
    let folder = tempfile::tempdir().unwrap();
    let answer = answer_with_sheet(folder.path(), "sheet-heading-commas.csv");
    let pdf = common::render_into(&answer, folder.path());
    let text = common::pdf_text(&pdf);
    assert!(
        text.contains("Udgifter, mio. kr., løbende priser Politiet Anklagemyndigheden I alt"),
        "{text}"
    );
    assert!(text.contains("2023 1.234,5 100 1.334,5"), "{text}");
}

#[test]
fn a_row_that_does_not_fit_names_the_separator_the_sheet_was_read_with() {
    let (code, stderr) = check("sheet-comma-row-short.csv");
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        findings(&stderr),
        [
            "fejl: sager.csv, linje 3: rækken har 2 celler, men overskriften i linje 1 har 3 (læst med komma mellem cellerne)",
            ROW_HINT,
            "svar.json: har fejl (1 fejl, 0 advarsler)",
        ]
    );
}

#[test]
fn a_total_in_small_letters_is_the_total_and_its_sum_is_checked() {
    let (code, stderr) = check("sheet-total-small-letters.csv");
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        findings(&stderr)[0],
        "fejl: sager.csv, linje 4, tegn 7: totalen i kolonnen \"2021\" (regnearkets kolonne B) er 9.999, men rækkerne summer til 2.234"
    );
}

#[test]
fn a_total_with_a_colon_prints_as_the_clerk_wrote_it() {
    let folder = tempfile::tempdir().unwrap();
    let answer = answer_with_sheet(folder.path(), "sheet-total-small-letters.csv");
    let sheet = std::fs::read_to_string(folder.path().join("sager.csv")).unwrap();
    let with_total = |total: &str| {
        let csv = sheet.replace("i alt;9.999", total);
        std::fs::write(folder.path().join("sager.csv"), csv).unwrap();
    };
    // In capitals and with a colon it is the total still, and its sum is checked.
    with_total("I ALT:;9.999");
    let output = svar()
        .current_dir(folder.path())
        .args(["check", "svar.json"])
        .output()
        .unwrap();
    assert_eq!(
        findings(&String::from_utf8_lossy(&output.stderr))[0],
        "fejl: sager.csv, linje 4, tegn 8: totalen i kolonnen \"2021\" (regnearkets kolonne B) er 9.999, men rækkerne summer til 2.234"
    );
    with_total("I ALT:;2.234");
    let loaded = svar::input::load(&answer).unwrap();
    let source =
        svar::render::typst_source(&loaded.answer, &svar::render::TemplateSet::builtin(), true)
            .unwrap()
            .source;
    assert!(
        source.contains("total: ((\"I ALT:\"), (\"2.234\"), ),"),
        "{source}"
    );
    let pdf = common::render_into(&answer, folder.path());
    let text = common::pdf_text(&pdf);
    assert!(text.contains("I ALT:"), "{text}");
}

#[test]
fn a_total_above_other_rows_is_a_warning_that_says_what_to_do() {
    let (code, stderr) = check("sheet-total-not-last.csv");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        findings(&stderr),
        [
            "advarsel: sager.csv, linje 4: rækken \"I alt\" er en total, men står ikke sidst, så den sættes som en almindelig række, og summen kontrolleres ikke",
            "= tip: flyt rækken nederst i regnearket, hvis den er tabellens total; ellers giv den et navn, der ikke er \"I alt\" eller \"Total\"",
            "svar.json: i orden (0 fejl, 1 advarsel)",
        ]
    );
}

#[test]
fn a_thousands_point_among_whole_numbers_in_a_comma_separated_sheet_is_a_warning() {
    // Read internationally, as the commas say, "1.649" is one and a fraction; a spreadsheet
    // program set to Danish writes 1649 so. "1.250" among decimals is a decimal.
    let (code, stderr) = check("sheet-comma-thousands-point.csv");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        findings(&stderr),
        [
            "advarsel: sager.csv, linje 3, tegn 21: tallet 1.649 læses som 1,649: i et regneark med komma mellem cellerne er punktum decimaltegn",
            "= tip: skriv 1649 uden punktum, hvis det er et helt tal (kolonnens andre tal er hele tal), eller gem regnearket med semikolon mellem cellerne, så punktum læses som tusindtalspunktum",
            "svar.json: i orden (0 fejl, 1 advarsel)",
        ]
    );
}

#[test]
fn a_spreadsheets_warnings_are_told_with_its_mistakes_not_once_they_are_mended() {
    // The short last row is a mistake; the rows that can be read still give their warning,
    // so the clerk mends both at once.
    let (code, stderr) = check("sheet-comma-thousands-point-and-short-row.csv");
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        findings(&stderr),
        [
            "fejl: sager.csv, linje 4: rækken har 2 celler, men overskriften i linje 1 har 3 (læst med komma mellem cellerne)",
            ROW_HINT,
            "advarsel: sager.csv, linje 3, tegn 21: tallet 1.649 læses som 1,649: i et regneark med komma mellem cellerne er punktum decimaltegn",
            "= tip: skriv 1649 uden punktum, hvis det er et helt tal (kolonnens andre tal er hele tal), eller gem regnearket med semikolon mellem cellerne, så punktum læses som tusindtalspunktum",
            "svar.json: har fejl (1 fejl, 1 advarsel)",
        ]
    );
}

#[test]
fn a_thousands_comma_among_whole_numbers_in_a_semicolon_separated_sheet_is_a_warning() {
    // Read the Danish way, as the semicolons say, "4,288" is four and a fraction; among whole
    // counts it is a thousands point typed as a comma (review 24, 3). "4.105" is 4105.
    let (code, stderr) = check("sheet-semicolon-thousands-comma.csv");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        findings(&stderr),
        [
            "advarsel: sager.csv, linje 3, tegn 16: tallet 4,288 har tre decimaler, men kolonnens andre tal er hele tal: i et regneark med semikolon mellem cellerne er komma decimaltegn",
            "= tip: skriv 4.288 med punktum, hvis det er et helt tal",
            "svar.json: i orden (0 fejl, 1 advarsel)",
        ]
    );
}

#[test]
fn a_sheet_saved_as_unicode_text_is_refused_with_how_to_save_it() {
    // Excel's "Unicode-tekst" is UTF-16: read as UTF-8 it was "tegnet her kan ikke læses" at
    // its first character (review 25, 17).
    let (code, stderr) = check("sheet-excel-unicode-text.csv");
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        findings(&stderr),
        [
            "fejl: regnearket \"sager.csv\" er gemt som UTF-16 (\"Unicode-tekst\"), men svar læser UTF-8",
            "= tip: gem regnearket i Excel med \"Gem som\" og filtypen \"CSV UTF-8 (kommasepareret)\"",
            "svar.json: har fejl (1 fejl, 0 advarsler)",
        ]
    );
}

#[test]
fn a_column_of_thousands_points_in_a_comma_separated_sheet_is_a_warning() {
    // Every count of the 2017 column is 1.000 or more, so every one has a point, and the
    // total is misread alike: no figure among whole numbers, and no failed sum, gave it away.
    let (code, stderr) = check("sheet-comma-all-thousands-points.csv");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        findings(&stderr),
        [
            "advarsel: sager.csv, linje 2, tegn 22: alle tal i kolonnen \"2017\" har tre decimaler (1.491, 1.649 …) og læses som 1,491, 1,649 …: i et regneark med komma mellem cellerne er punktum decimaltegn",
            "= tip: skriv tallene uden punktum (1491, 1649 …), hvis de er hele tal, eller gem regnearket med semikolon mellem cellerne, så punktum læses som tusindtalspunktum",
            "svar.json: i orden (0 fejl, 1 advarsel)",
        ]
    );
}

#[test]
fn danish_decimals_between_commas_are_refused_with_how_to_save_the_sheet() {
    // Google Sheets set to Danish writes commas between the cells and "12,5" quoted.
    let (code, stderr) = check("sheet-comma-danish-decimals.csv");
    assert_eq!(code, 1, "{stderr}");
    let hint = "= tip: regnearket har komma mellem cellerne, men tallene er skrevet på dansk \
        (komma før decimaler): åbn det i dansk Excel, og gem det som \"CSV UTF-8 \
        (kommasepareret)\", der så får semikolon mellem cellerne; eller sæt regnearkets \
        landestandard til USA i Google Sheets (Fil > Indstillinger), og hent det igen";
    assert_eq!(
        findings(&stderr),
        [
            "fejl: sager.csv, linje 2, tegn 6: \"12,5\" kan ikke læses som et tal",
            hint,
            "fejl: sager.csv, linje 3, tegn 6: \"87,5\" kan ikke læses som et tal",
            hint,
            "svar.json: har fejl (2 fejl, 0 advarsler)",
        ]
    );
}

#[test]
fn a_figure_grouped_by_spaces_is_refused_rather_than_taken_as_text() {
    // A space, a no-break space and a narrow no-break space between thousands.
    let (code, stderr) = check("sheet-spaced-thousands.csv");
    assert_eq!(code, 1, "{stderr}");
    let hint = "= tip: skriv tallet uden mellemrum, fx 1.234,5 eller 1234,5: et regneark med \
        semikolon mellem cellerne læses på dansk, med punktum mellem tusinder og komma før \
        decimaler";
    assert_eq!(
        findings(&stderr),
        [
            "fejl: sager.csv, linje 3, tegn 3: \"1 000\" kan ikke læses som et tal",
            hint,
            "fejl: sager.csv, linje 4, tegn 3: \"1\u{a0}000\" kan ikke læses som et tal",
            hint,
            "fejl: sager.csv, linje 5, tegn 3: \"1\u{202f}000\" kan ikke læses som et tal",
            hint,
            "svar.json: har fejl (3 fejl, 0 advarsler)",
        ]
    );
}

#[test]
fn an_empty_spreadsheet_name_asks_for_one() {
    // It used to be told that "" points outside the answer's folder.
    let folder = tempfile::tempdir().unwrap();
    let answer = folder.path().join("svar.json");
    let text = std::fs::read_to_string(fixture("spreadsheet.json")).unwrap();
    std::fs::write(
        &answer,
        text.replace(r#""csv": "sager.csv""#, r#""csv": """#),
    )
    .unwrap();
    let output = svar().arg("check").arg(&answer).output().unwrap();
    let report = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(
        report.contains("fejl: der står intet filnavn")
            && report.contains("tip: skriv regnearkets filnavn, fx \"tabel-1.csv\""),
        "{report}"
    );
}

/// What a near figure does where its column has a total: it is not summed.
const NOT_SUMMED: &str = "så den sættes som tekst og tælles ikke med, og totalen i kolonnen \
    kontrolleres derfor ikke";

#[test]
fn a_letter_typed_for_a_digit_is_an_error_at_its_cell_with_the_figure_meant() {
    // "5.2O2,4" and "2.928,O" were text, so the column was not summed: the wrong total under
    // them (8.130,5 for 8.130,4) was published with "0 fejl".
    let (code, stderr) = check("sheet-letter-for-digit.csv");
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        findings(&stderr),
        [
            format!(
                "fejl: sager.csv, linje 2, tegn 11: cellen \"5.2O2,4\" ligner et tal, men har \
                 bogstavet \"O\", hvor der skal stå et ciffer, {NOT_SUMMED}"
            )
            .as_str(),
            "= tip: mente du 5.202,4? skriv cifret 0 i stedet for bogstavet \"O\"",
            format!(
                "fejl: sager.csv, linje 3, tegn 8: cellen \"2.928,O\" ligner et tal, men har \
                 bogstavet \"O\", hvor der skal stå et ciffer, {NOT_SUMMED}"
            )
            .as_str(),
            "= tip: mente du 2.928,0? skriv cifret 0 i stedet for bogstavet \"O\"",
            "svar.json: har fejl (2 fejl, 0 advarsler)",
        ]
    );
}

#[test]
fn excel_formats_that_keep_a_total_from_being_checked_are_warnings_with_the_figure_to_write() {
    // Danish Excel writes a cell formatted as accounting, percent or currency so into a CSV
    // file; each was text, and its column's total went unchecked without a word.
    let (code, stderr) = check("sheet-excel-formats.csv");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        findings(&stderr),
        [
            format!(
                "advarsel: sager.csv, linje 3, tegn 14: cellen \"(85,4)\" er et negativt tal i \
                 parentes, som regnskabsformatet skriver det, {NOT_SUMMED}"
            )
            .as_str(),
            "= tip: skriv -85,4; i Excel: giv cellerne talformatet \"Tal\" i stedet for \
             \"Regnskab\", og gem igen",
            format!(
                "advarsel: sager.csv, linje 3, tegn 21: cellen \"12,5%\" har et procenttegn \
                 efter tallet, {NOT_SUMMED}"
            )
            .as_str(),
            "= tip: skriv 12,5, og skriv enheden i kolonnens overskrift, fx \"Andel (pct.)\"",
            format!(
                "advarsel: sager.csv, linje 5, tegn 10: cellen \"1.000,0 kr.\" har enheden \
                 \"kr.\" efter tallet, {NOT_SUMMED}"
            )
            .as_str(),
            "= tip: skriv 1.000,0, og skriv enheden i kolonnens overskrift, fx \"Mio. kr.\"",
            "svar.json: i orden (0 fejl, 3 advarsler)",
        ]
    );
    // Spaces around a cell are no part of it: " 300,0 " is the figure, set as one; the
    // near figures print as written.
    let folder = tempfile::tempdir().unwrap();
    let answer = answer_with_sheet(folder.path(), "sheet-excel-formats.csv");
    let loaded = svar::input::load(&answer).unwrap();
    let read = serde_json::to_string(&loaded.answer).unwrap();
    assert!(
        read.contains(r#"{"label":"Moms","cells":[300.0,400.0]}"#),
        "{read}"
    );
    let text = common::pdf_text(&common::render_into(&answer, folder.path()));
    assert!(
        text.contains("(85,4) 12,5% 300,0 400,0 1.000,0 kr. −5,0"),
        "{text}"
    );
}

#[test]
fn a_near_figure_with_no_total_to_check_passes_and_a_letter_among_digits_does_not() {
    let folder = tempfile::tempdir().unwrap();
    answer_with_sheet(folder.path(), "sheet-excel-formats.csv");
    let sheet = folder.path().join("sager.csv");
    let csv = std::fs::read_to_string(&sheet).unwrap();
    let check_with = |csv: &str| {
        std::fs::write(&sheet, csv).unwrap();
        let output = svar()
            .current_dir(folder.path())
            .args(["check", "svar.json"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    // Without a total, a unit may be meant, and costs no check.
    let without_total = csv.replace("I alt;2.449,1;1.507,5\n", "");
    assert_eq!(
        check_with(&without_total),
        "svar.json: i orden (0 fejl, 0 advarsler)\n"
    );
    // A column not summed anyway (".." for a figure withheld) is no fault of its units.
    let withheld = csv.replace("Indkomstskat;\"1.234,5\";1.100,0", "Indkomstskat;..;..");
    assert_eq!(
        check_with(&withheld),
        "svar.json: i orden (0 fejl, 0 advarsler)\n"
    );
    // A letter among digits is a typo wherever it stands.
    let typo = without_total.replace("1.100,0", "1.1OO,0");
    assert_eq!(
        check_with(&typo),
        "svar.json: har fejl (1 fejl, 0 advarsler)\n"
    );
}
