//! How the page is laid out where the text alone does not show it: what is kept together over a
//! page break, and how wide a table's columns are. Read back from the PDF with pdftotext.

mod common;

use common::{Word, crate_root, fixture, pdf_page_text, render_into, words_of, words_of_line};

/// The number of pages of `pdf`, as pdfinfo (poppler-utils) reads it.
fn page_count(pdf: &std::path::Path) -> u32 {
    let output = std::process::Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&output.stdout).into_owned();
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .expect("pdfinfo names the number of pages")
}

/// The lines of every page of `pdf`, in order, as pdftotext reads them.
fn all_lines(pdf: &std::path::Path) -> Vec<String> {
    (1..=page_count(pdf))
        .flat_map(|page| common::pdf_page_lines(pdf, page))
        .collect()
}

#[test]
fn a_statement_introduction_is_never_left_alone_at_the_foot_of_a_page() {
    // 33 paragraphs and a table fill page 2 to where only the introduction would still fit.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("statement-at-page-foot.json"), folder.path());
    let introduction = "Rigspolitiet har oplyst følgende:";
    let pages: Vec<String> = (1..=page_count(&pdf))
        .map(|page| pdf_page_text(&pdf, page))
        .collect();
    let page = pages
        .iter()
        .find(|text| text.contains(introduction))
        .expect("the introduction is printed");
    let after = &page[page.find(introduction).unwrap() + introduction.len()..];
    assert!(
        after
            .trim_start()
            .starts_with("”Dette er en almindelig sætning"),
        "the statement does not follow its introduction on the same page: {after:?}"
    );
}

#[test]
fn a_quotation_is_justified_to_the_margin_also_where_no_line_fills_it_unstretched() {
    // The statement's second paragraph has two lines, and "1. marts" could not join the first:
    // a quote is only as wide as its widest line, so the first line was justified to its own
    // width and ended 25 pt short of the margin. The margin is where the answer's first line,
    // "Justitsministeriet har til brug for …", ends.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(
        &fixture("quotations/statement-of-short-paragraphs.json"),
        folder.path(),
    );
    let margin = words_of_line(&pdf, "brug")
        .into_iter()
        .map(|word| word.2)
        .fold(0.0, f64::max);
    // So is the question, set as a quotation too: its lines ended 2 pt short.
    for first in ["Som", "”Vil"] {
        let line = words_of_line(&pdf, first);
        let end = line.last().unwrap().2;
        assert!(
            (margin - 2.0..=margin).contains(&end),
            "{line:?} against {margin}"
        );
    }
}

#[test]
fn a_narrow_table_stands_as_wide_as_it_needs_and_a_wide_one_across_the_text() {
    // The text is 160 mm (454 pt) wide. data/uui-385 has a column of figures beside short
    // country names: set across the text, "73" stood 400 pt from "Rusland".
    let folder = tempfile::tempdir().unwrap();
    let narrow = render_into(
        &crate_root().join("data/uui-385-2016-17.json"),
        folder.path(),
    );
    let row = words_of_line(&narrow, "Rusland");
    let (label, figure) = (&row[0], row.last().unwrap());
    assert_eq!(figure.0, "73");
    let width = figure.2 - label.1;
    assert!((60.0..150.0).contains(&width), "{row:?}");
    // A narrow table of panels stands at the margin, under its caption and panel headings,
    // not centred under them.
    let panels = render_into(&fixture("panels-of-counts-and-amounts.json"), folder.path());
    let caption = words_of_line(&panels, "Tabel")[0].1;
    let label = words_of_line(&panels, "Drift")[0].1;
    assert!(
        (caption..caption + 5.0).contains(&label),
        "{label} against {caption}"
    );
    // A table that closes a statement, its closing mark hung after its last cell, stands under
    // its caption too: it was indented a second time, 23 pt right of its caption.
    let closing = render_into(&fixture("bold-total-closing-statement.json"), folder.path());
    let caption = words_of_line(&closing, "Tabel")[0].1;
    let label = words_of_line(&closing, "2019")[0].1;
    assert!(
        (caption..caption + 5.0).contains(&label),
        "{label} against {caption}"
    );
    // The reference answer's tables have five columns of figures beside long labels: across.
    let wide = render_into(&crate_root().join("data/beu-287-2019.json"), folder.path());
    let row = words_of_line(&wide, "Dom");
    let width = row.last().unwrap().2 - row[0].1;
    assert!(width > 400.0, "{row:?}");
}

#[test]
fn a_table_without_row_labels_stands_at_the_left_with_columns_as_beside_labels() {
    // The reference answer's Tabel 1, two panels of five years without row labels, had each
    // column take a fifth of the text's width: its figures stood some 3 cm apart across the
    // page, where Tabel 2's, beside row labels, stand 3.4 em apart.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&crate_root().join("data/beu-287-2019.json"), folder.path());
    let caption = words_of_line(&pdf, "Tabel")[0].1;
    let unlabelled = words_of_line(&pdf, "2014");
    let labelled = words_of_line(&pdf, "Afgørelsestype").split_off(1);
    let texts = |line: &[(String, f64, f64)]| -> Vec<String> {
        line.iter().map(|word| word.0.clone()).collect()
    };
    assert_eq!(texts(&unlabelled), ["2014", "2015", "2016", "2017", "2018"]);
    assert_eq!(texts(&unlabelled), texts(&labelled));
    // From one right-aligned heading to the next, as in Tabel 2.
    let steps = |line: &[(String, f64, f64)]| -> Vec<f64> {
        line.windows(2).map(|pair| pair[1].2 - pair[0].2).collect()
    };
    for (unlabelled, labelled) in steps(&unlabelled).into_iter().zip(steps(&labelled)) {
        assert!(
            (unlabelled - labelled).abs() < 0.5,
            "{unlabelled} against {labelled}"
        );
    }
    // At the left, under its caption: its first column is 3.4 em from the caption's start, its
    // last far from the right margin, where Tabel 2's last column ends.
    let first = unlabelled[0].2;
    assert!(
        (caption..caption + 34.0).contains(&first),
        "{first} against {caption}"
    );
    let (last, margin) = (unlabelled.last().unwrap().2, labelled.last().unwrap().2);
    assert!(last < margin - 200.0, "{last} against {margin}");
}

#[test]
fn a_panel_without_row_labels_sets_its_figures_under_those_of_the_panels_with_them() {
    // Panel A, the totals alone, stood at the left margin, its figures under panel B's row
    // labels, and a reader could not follow a column from one panel to the next.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("mixed-panels.json"), folder.path());
    // From left to right: pdftotext may read a row's last figure first.
    let line = |first: &str| {
        let mut words = words_of_line(&pdf, first);
        words.sort_by(|a, b| a.1.total_cmp(&b.1));
        words
    };
    let unlabelled = line("412");
    let labelled = line("Københavns").split_off(2);
    assert_eq!((unlabelled.len(), labelled.len()), (3, 3), "{unlabelled:?}");
    for (unlabelled, labelled) in unlabelled.iter().zip(&labelled) {
        assert!(
            (unlabelled.2 - labelled.2).abs() < 0.5,
            "{unlabelled:?} against {labelled:?}"
        );
    }
    // The labels are short: the table stays narrow, at the left, as one of labelled panels only.
    let caption = line("Tabel")[0].1;
    let label = line("Københavns")[0].1;
    assert!(
        (caption..caption + 5.0).contains(&label),
        "{label} against {caption}"
    );
    assert!(labelled[2].2 < caption + 250.0, "{labelled:?}");
}

#[test]
fn a_heraf_row_is_set_indented_under_its_row_and_left_out_of_the_total() {
    // "heraf Dublin-sager" is part of "Danmark": its figures were added into the total's sum,
    // so a right total was an error, and its label stood flush with the rows it is part of
    // (review 33, 5).
    common::svar()
        .arg("check")
        .arg(fixture("heraf-rows.json"))
        .assert()
        .success()
        .stdout(predicates::str::contains("i orden (0 fejl, 0 advarsler)"));
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("heraf-rows.json"), folder.path());
    let left = |first: &str| words_of_line(&pdf, first)[0].1;
    let row = left("Danmark");
    for part in ["heraf", "Heraf:"] {
        let indent = left(part) - row;
        assert!((9.5..10.5).contains(&indent), "{part}: {indent}");
    }
    // A label that only begins with the letters ("Herafter") is a row of its own.
    assert!((left("Herafter") - row).abs() < 0.5);
}

#[test]
fn a_subtotal_row_is_set_bold_and_left_out_of_the_total() {
    // "I alt, mænd" and "Total, kvinder" sum the rows above them: they were summed again into
    // the total, which a right total then failed as twice the sum (review 34, F-S2).
    common::svar()
        .arg("check")
        .arg(fixture("subtotals.json"))
        .assert()
        .success()
        .stdout(predicates::str::contains("i orden (0 fejl, 0 advarsler)"));
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("subtotals.json"), folder.path());
    let layout = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let rows: Vec<String> = String::from_utf8_lossy(&layout.stdout)
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| {
            line.starts_with(['M', 'h', 'K', 'I', 'T']) && line.ends_with(char::is_numeric)
        })
        .collect();
    assert_eq!(
        rows,
        [
            "Mænd, 18-29 år 210 234",
            "heraf første gang 100 120",
            "Mænd, 30+ år 523 500",
            "I alt, mænd 733 734",
            "Kvinder, 18-29 år 101 202",
            "Kvinder, 30+ år 333 414",
            "Total, kvinder 434 616",
            "I alt 1.167 1.350",
        ]
    );
    // The sub-totals' figures are bold, as the total's, wider than the rows' figures.
    let regular = digit_width(&pdf, "Mænd,", 3);
    for first in ["I", "Total,"] {
        let bold = digit_width(&pdf, first, 3);
        assert!(bold > regular + 0.3, "{first}: {bold} against {regular}");
    }
}

#[test]
fn figures_in_millions_widen_their_columns_instead_of_running_together() {
    // Columns of 3.4 em hold six digits; these totals have up to eight and two decimals.
    common::svar()
        .arg("check")
        .arg(fixture("wide-figures.json"))
        .assert()
        .success()
        .stdout(predicates::str::contains("i orden (0 fejl, 0 advarsler)"));
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("wide-figures.json"), folder.path());
    for first in ["Politi", "Anklagemyndighed", "I"] {
        let mut words = words_of_line(&pdf, first);
        // The label "I alt" is two words; the figures follow it.
        let figures = words.split_off(words.len() - 3);
        assert!(
            figures[0].1 > words.last().unwrap().2,
            "{words:?} {figures:?}"
        );
        for pair in figures.windows(2) {
            let ((_, _, right), (_, left, _)) = (&pair[0], &pair[1]);
            // A word space at 10 pt is about 2.5 pt; figures must stand further apart.
            assert!(left - right > 5.0, "too close: {pair:?}");
        }
    }
    let total: Vec<String> = words_of_line(&pdf, "I")
        .into_iter()
        .map(|word| word.0)
        .collect();
    assert_eq!(
        total,
        ["I", "alt", "1.469.134,5", "2.691.356,25", "12.345.683"]
    );
}

/// The last `count` words of the line on page `page` of `pdf` that holds the word `first`
/// (a row's figures, after its label), from left to right (pdftotext may read a row's last
/// figure first), with their left and right edges.
fn figures_of_row(
    pdf: &std::path::Path,
    page: u32,
    first: &str,
    count: usize,
) -> Vec<(String, f64, f64)> {
    let mut words = common::line_of(common::words_of_page(pdf, page), first);
    words.sort_by(|a, b| a.1.total_cmp(&b.1));
    assert!(words.len() > count, "{words:?}");
    words.split_off(words.len() - count)
}

/// The gaps between neighbouring figures of a row (from [`figures_of_row`]): from the right
/// edge of each figure to the left edge of the next.
fn gaps(figures: &[(String, f64, f64)]) -> Vec<f64> {
    figures
        .windows(2)
        .map(|pair| pair[1].1 - pair[0].2)
        .collect()
}

/// One em of table text (10 pt): the gutter a column keeps before its widest figure where the
/// page has room; less a little for pdftotext's rounding of the boxes.
const GUTTER: f64 = 10.0 - 0.05;

#[test]
fn neighbouring_figures_in_millions_stand_an_em_apart_in_rows_and_bold_totals() {
    // Skatteministeriet's ten years of 7-digit figures on a landscape page: each column was as
    // wide as its widest figure and two cell insets, so the bold totals, widest, stood 0.7 em
    // apart ("6.000.543 6.361.659"), and so did the figures of a table without a total.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("gutters/millions.json"), folder.path());
    // Tabel 1's rows, its bold total, and Tabel 2's rows, each of ten figures.
    for first in ["Under", "I", "Lønmodtagere"] {
        let figures = figures_of_row(&pdf, 2, first, 10);
        assert!(
            figures
                .iter()
                .all(|(figure, ..)| figure.len() == "1.234.567".len()),
            "{figures:?}"
        );
        for gap in gaps(&figures) {
            assert!(gap >= GUTTER, "{first}: {gap} pt in {figures:?}");
        }
    }
}

#[test]
fn the_widest_tables_a_landscape_page_held_still_fit_it_with_wider_gaps_where_there_is_room() {
    // Thirteen columns of millions beside short labels, the most a landscape page held, and
    // nineteen of short figures, the most it holds of any: no room for a whole em between
    // their figures, but no error either.
    let answer = fixture("gutters/widest.json");
    common::svar()
        .arg("check")
        .arg(&answer)
        .assert()
        .success()
        .stdout(predicates::str::contains("i orden (0 fejl, 0 advarsler)"));
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&answer, folder.path());
    // The text of a landscape A4 page ends 2.5 cm from its right edge, at 771 pt.
    let margin = 842.0 - 72.0 / 2.54 * 2.5;
    // Tabel 1's bold totals stood two cell insets (7 pt) apart; the room its labels leave
    // widens every column alike, short of an em.
    let millions = figures_of_row(&pdf, 2, "Lav", 13);
    let totals = figures_of_row(&pdf, 2, "I", 13);
    for gap in gaps(&totals) {
        assert!((7.5..GUTTER).contains(&gap), "{gap} pt in {totals:?}");
    }
    assert!(millions[12].2 <= margin, "{millions:?}");
    // The labels keep their room: "Lav" ends well before its first figure.
    let label = common::line_of(common::words_of_page(&pdf, 2), "Lav").remove(0);
    assert!(label.2 + 20.0 < millions[0].1, "{label:?} {millions:?}");
    // Tabel 2's nineteen columns of 3.4 em keep their width, within the margin.
    let counts = figures_of_row(&pdf, 2, "44.165", 19);
    assert!(counts[18].2 <= margin, "{counts:?}");
    for pair in counts.windows(2) {
        let step = pair[1].2 - pair[0].2;
        assert!((34.0..34.2).contains(&step), "{pair:?}");
    }
}

#[test]
fn figures_of_a_column_stand_aligned_on_their_decimal_comma() {
    // "100" ended under "12,40" and "2,25" under "1.234.567,5", each comma somewhere else. The
    // same table with every figure written out to the column's decimals ("100.00") gives where
    // each figure must begin.
    let folder = tempfile::tempdir().unwrap();
    let fixture_path = fixture("mixed-decimals.json");
    let mixed = render_into(&fixture_path, folder.path());
    let written_out = folder.path().join("udskrevet.json");
    let text = std::fs::read_to_string(&fixture_path).unwrap();
    let text = text
        .replace("[0.5, 2.25,", "[0.50, 2.25,")
        .replace("[100, -3.1,", "[100.00, -3.10,")
        .replace("[12.40, 1234567.5,", "[12.40, 1234567.50,");
    std::fs::write(&written_out, text).unwrap();
    let aligned = render_into(&written_out, &folder.path().join("udskrevet"));
    let starts = |pdf: &std::path::Path, label: &str| -> Vec<f64> {
        words_of_line(pdf, label)[1..]
            .iter()
            .map(|(_, left, _)| *left)
            .collect()
    };
    for label in ["Drift", "Anlæg", "Tilskud"] {
        let (got, expected) = (starts(&mixed, label), starts(&aligned, label));
        assert_eq!(got.len(), 3, "{label}");
        // The last column has no decimals; its figures and dashes are right-aligned as before.
        for (got, expected) in got.iter().zip(&expected).take(2) {
            assert!(
                (got - expected).abs() < 0.05,
                "{label}: {got} against {expected}"
            );
        }
    }
    // The figures print as written; the decimals they lack are only room.
    let words: Vec<String> = words_of(&mixed).into_iter().map(|word| word.text).collect();
    for figure in ["12,40", "0,5", "100", "1.234.567,5", "−3,1"] {
        assert!(words.contains(&figure.to_string()), "{figure}: {words:?}");
    }
    for padded in ["0,50", "100,00", "1.234.567,50", "−3,10"] {
        assert!(!words.contains(&padded.to_string()), "{padded}: {words:?}");
    }
}

/// The width of one digit in the line of `pdf` that starts with `first`, from its word number
/// `word`, a year or count of digits alone.
fn digit_width(pdf: &std::path::Path, first: &str, word: usize) -> f64 {
    let words = words_of_line(pdf, first);
    let (text, left, right) = &words[word];
    assert!(text.chars().all(|c| c.is_ascii_digit()), "{text}");
    (right - left) / text.len() as f64
}

/// Where the decimal comma of each figure with decimals stands in the line of `pdf` that
/// starts with `first`, its digits `digit` wide. Figures are tabular, so a comma stands its
/// whole digits' widths from where its figure begins; the fixtures' figures have no thousands
/// points or signs.
fn commas(pdf: &std::path::Path, first: &str, digit: f64) -> Vec<f64> {
    words_of_line(pdf, first)
        .into_iter()
        .filter_map(|(text, left, _)| Some(left + text.find(',')? as f64 * digit))
        .collect()
}

#[test]
fn a_bold_total_stands_aligned_on_the_decimal_comma_of_the_figures_above_it() {
    // Bold figures are wider, and the total's comma stood 1.2 pt left of the commas above it
    // (review 12, M1), also in a table without row labels and in one that closes a statement,
    // where the total's first or last cell carries a mark (review 14, F3 and F4).
    // (answer, first words of the two rows and the total, where a regular and a bold year is)
    let cases = [
        (
            "bold-total.json",
            ["2019", "2020", "I"],
            ("2019", 0),
            ("År", 1),
        ),
        (
            "bold-total-unlabelled.json",
            ["12,40", "0,5", "12,90"],
            ("12,40", 2),
            ("2022", 0),
        ),
        (
            "bold-total-closing-statement.json",
            ["2019", "2020", "I"],
            ("2019", 0),
            ("År", 1),
        ),
    ];
    for (answer, [first, second, total], regular, bold) in cases {
        let folder = tempfile::tempdir().unwrap();
        let pdf = render_into(&fixture(answer), folder.path());
        let regular = digit_width(&pdf, regular.0, regular.1);
        let bold = digit_width(&pdf, bold.0, bold.1);
        assert!(bold > regular + 0.3, "{answer}: {bold} against {regular}");
        let above = commas(&pdf, first, regular);
        assert_eq!(above.len(), 2, "{answer}");
        assert_eq!(commas(&pdf, second, regular).len(), 2, "{answer}");
        for (one, other) in above.iter().zip(commas(&pdf, second, regular)) {
            assert!(
                (one - other).abs() < 0.05,
                "{answer}: {one} against {other}"
            );
        }
        let totals = commas(&pdf, total, bold);
        assert_eq!(totals.len(), 2, "{answer}");
        for (column, (total, above)) in totals.iter().zip(&above).enumerate() {
            assert!(
                (total - above).abs() < 0.05,
                "{answer}, column {column}: the total's comma at {total}, the others' at {above}"
            );
        }
    }
}

#[test]
fn a_text_in_a_total_row_wraps_in_its_column() {
    // "ca. 3, foreløbigt tal" was taken for a figure because of its comma, kept on one line,
    // and printed over the figure beside it (review 14, F2).
    let folder = tempfile::tempdir().unwrap();
    let answer = folder.path().join("tekst.json");
    let text = std::fs::read_to_string(fixture("bold-total.json")).unwrap();
    let text = text.replace("[12.90, 3.75]", "[\"ca. 12, foreløbigt tal\", 3.75]");
    std::fs::write(&answer, text).unwrap();
    let pdf = render_into(&answer, folder.path());
    let line = words_of_line(&pdf, "I");
    let texts: Vec<&str> = line.iter().map(|(text, ..)| text.as_str()).collect();
    assert_eq!(texts, ["I", "alt", "ca.", "12,", "3,75"]);
    // Each word ends before the next begins.
    for pair in line.windows(2) {
        assert!(pair[0].2 < pair[1].1, "{pair:?}");
    }
    assert!(words_of(&pdf).iter().any(|word| word.text == "foreløbigt"));
}

#[test]
fn a_panel_of_counts_is_not_aligned_on_decimals_another_panel_has() {
    // Panel B's whole numbers were set as if they had panel A's two decimals, and ended
    // 11.5 pt short of their own column headings.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("panels-of-counts-and-amounts.json"), folder.path());
    let words = words_of(&pdf);
    let right_of = |text: &str, nth: usize| {
        words
            .iter()
            .filter(|word| word.text == text)
            .nth(nth)
            .unwrap_or_else(|| panic!("{text:?} number {nth}"))
            .right
    };
    // Panel B's heading "2023" (the second) and its figures end at the same edge.
    let heading = right_of("2023", 1);
    for figure in ["130", "14", "144"] {
        assert!((right_of(figure, 0) - heading).abs() < 0.05, "{figure}");
    }
    // Panel A's figures stand aligned on their comma: "130,5" keeps the room of the decimal it
    // lacks beside "145,25".
    assert!(
        right_of("130,5", 0) < right_of("145,25", 0) - 1.0,
        "panel A is aligned on its own decimals"
    );
}

#[test]
fn a_long_office_name_wraps_in_the_metadata_column_beside_the_ministry() {
    // "Kontoret for Forvaltningsret, … Samarbejde" and a long case number would give the
    // metadata column more than half the page and push it over "Justitsministeriet".
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("long-office.json"), folder.path());
    let ministry = words_of_line(&pdf, "Justitsministeriet")
        .into_iter()
        .find(|word| word.0 == "Justitsministeriet")
        .unwrap();
    for label in ["Dato:", "Kontor:"] {
        let (_, left, _) = words_of_line(&pdf, label)
            .into_iter()
            .find(|word| word.0 == label)
            .unwrap();
        assert!(
            left > ministry.2 + 10.0,
            "{label} at {left} over {ministry:?}"
        );
    }
    let text = pdf_page_text(&pdf, 1);
    assert!(
        text.contains("Kontoret for Forvaltningsret, Databeskyttelse og Internationalt"),
        "{text}"
    );
}

/// The text of each page of the PDF rendered from `tests/fixtures/page-breaks/<name>`.
fn pages_of(name: &str) -> Vec<String> {
    pages_of_fixture(&format!("page-breaks/{name}"))
}

/// The text of each page of the PDF rendered from `tests/fixtures/<path>`.
fn pages_of_fixture(path: &str) -> Vec<String> {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture(path), folder.path());
    (1..=page_count(&pdf))
        .map(|page| pdf_page_text(&pdf, page))
        .collect()
}

/// The page that prints `text`.
fn page_with<'a>(pages: &'a [String], text: &str) -> &'a str {
    pages
        .iter()
        .find(|page| page.contains(text))
        .unwrap_or_else(|| panic!("{text:?} is printed"))
}

/// Asserts that the page printing `anchor` also prints each of `texts`: nothing they belong
/// with was parted from them by a page break.
fn assert_on_its_page<'a>(pages: &'a [String], anchor: &str, texts: &[&str]) -> &'a str {
    let page = page_with(pages, anchor);
    for text in texts {
        assert!(
            page.contains(text),
            "{text:?} is not with {anchor:?}: {page:?}"
        );
    }
    page
}

#[test]
fn a_table_caption_is_never_left_alone_at_the_foot_of_a_page() {
    // 24 lines of text leave room at the foot of page 1 for the caption only.
    let pages = pages_of("caption-at-page-foot.json");
    assert!(pages.len() > 1, "the table was meant to reach page 2");
    let page = page_with(&pages, "Tabel 1: Modtagere af dagpenge");
    assert!(
        page.contains("Januar"),
        "the table does not follow its caption: {page:?}"
    );
}

#[test]
fn the_closing_and_signature_are_kept_with_the_last_lines_of_text() {
    // Without keeping, "Med venlig hilsen" ended page 1 and the minister stood alone on page 2.
    let pages = pages_of("closing-at-page-foot.json");
    assert_on_its_page(
        &pages,
        "Ane Halsboe-Jørgensen",
        &["Med venlig hilsen", "Linje med noget tekst"],
    );
}

#[test]
fn the_list_of_enclosures_never_begins_a_page_alone() {
    // The signature ended page 2 with room to spare; "Bilag 1: …" went over alone to page 3,
    // before the enclosure's own page. (Under the shipped profile of Udlændinge- og
    // Integrationsministeriet, not the one in page-breaks/ministries.)
    let pages = pages_of_fixture("enclosure-list/at-page-foot.json");
    assert_on_its_page(
        &pages,
        "Bilag 1: Udsendelser fra Norge og Sverige i 2016",
        &["Inger Støjberg", "fremgår af bilag 1."],
    );
}

#[test]
fn a_long_list_of_enclosures_breaks_over_pages_rather_than_run_off_them() {
    // 30 enclosures of two-line titles: kept on one page, the list ran over the footer and
    // off the page, and Bilag 28 to 30 were not printed.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("enclosure-list/long-list.json"), folder.path());
    let text = common::pdf_text(&pdf);
    for number in 1..=30 {
        assert!(
            text.contains(&format!("Bilag {number}: ")),
            "Bilag {number}: {text}"
        );
    }
    let words = words_of(&pdf);
    let footer = words.iter().filter(|word| word.text == "Side");
    let footer_top = footer.map(|word| word.top).fold(f64::MAX, f64::min);
    // Under the footer's top stand only the footers' own words, "Side 1 af 2".
    let below = words
        .iter()
        .filter(|word| word.text != "Side" && word.bottom > footer_top)
        .map(|word| word.text.as_str())
        .collect::<Vec<_>>();
    assert!(
        below
            .iter()
            .all(|word| ["1", "2", "3", "af"].contains(word)),
        "{below:?}"
    );
}

#[test]
fn an_unsigned_answers_list_of_enclosures_keeps_the_answers_last_lines_with_it() {
    // No signature to keep it company: the list stood alone at the top of page 3.
    let pages = pages_of_fixture("enclosure-list/unsigned-at-page-foot.json");
    let page = page_with(&pages, "Bilag 1: Arbejdstilsynets notat");
    assert!(
        page.contains("overtrædelser af reglerne om arbejdsmiljø."),
        "{page}"
    );
}

#[test]
fn a_panel_continued_on_a_new_page_is_named_under_the_tables_name() {
    // Page 3 went on with panel B's rows under "Tabel 1 (fortsat)" alone: a reader of that
    // page could not tell persons from cases. Page 2 begins with panel B, under its own
    // heading, which is then not said to go on.
    let pages = pages_of("long-panels.json");
    assert_eq!(pages.len(), 3);
    assert!(
        pages[1].starts_with("Tabel 1 (fortsat) B. Antal personer Kreds"),
        "{}",
        pages[1]
    );
    assert!(
        pages[2].starts_with("Tabel 1 (fortsat) – B. Antal personer Kreds"),
        "{}",
        pages[2]
    );
}

#[test]
fn a_continued_panel_too_long_to_name_leaves_the_tables_name_on_its_line() {
    // A panel heading of five lines, set under "Tabel 1 (fortsat)", pushed it up off the page.
    let pages = pages_of("long-panel-titles.json");
    assert!(
        pages[1].starts_with("Tabel 1 (fortsat) Kreds"),
        "{}",
        pages[1]
    );
}

#[test]
fn a_long_last_paragraph_gives_the_signature_its_last_lines_rather_than_leave_it_alone() {
    // 20 short paragraphs and one of six lines that ends at the foot of page 1: "Med venlig
    // hilsen" and the minister stood alone on page 2.
    let pages = pages_of("long-paragraph-at-page-foot.json");
    assert_eq!(pages.len(), 2);
    assert_on_its_page(
        &pages,
        "Ane Halsboe-Jørgensen",
        &["Med venlig hilsen", "nuværende tidspunkt."],
    );
    let lines_before = pages[0].matches("nuværende tidspunkt.").count();
    assert!(
        lines_before >= 2,
        "the paragraph moved whole: {:?}",
        pages[0]
    );
}

#[test]
fn a_table_s_notes_never_begin_a_page_alone() {
    // 83 rows that end at the foot of page 2: "Kilde:" and its note stood alone on page 3.
    let pages = pages_of("notes-at-page-foot.json");
    assert_on_its_page(&pages, "Kilde:", &["Kreds 83"]);
}

#[test]
fn a_panel_s_total_never_begins_a_page_without_the_last_two_rows_it_sums() {
    // A table of two panels broken just before a panel's total: "I alt" went to the next page
    // alone, under "Tabel 1 (fortsat) – B. Antal personer" and the repeated header, and read as
    // a table of its own. So in the last panel, directly in the answer and in a statement with
    // notes, and in the first panel. pdftotext reads a table's columns one after another, so
    // the rows are found by their labels and their first figures.
    for (fixture, total, rows) in [
        (
            "last-panel-total-at-page-top.json",
            "I alt",
            ["Kommune nr. 29", "Kommune nr. 30", "2.572", "2.215"],
        ),
        (
            "last-panel-total-at-page-top-in-a-statement.json",
            "I alt",
            ["Kommune nr. 29", "Kommune nr. 30", "2.572", "2.215"],
        ),
        (
            "first-panel-total-at-page-top.json",
            "79.488",
            ["Kommune nr. 19", "Kommune nr. 20", "6.445", "3.978"],
        ),
    ] {
        let pages = pages_of(fixture);
        let page = pages
            .iter()
            .rfind(|page| page.contains(total))
            .unwrap_or_else(|| panic!("{fixture}: {total:?} is printed"));
        for row in rows {
            assert!(
                page.contains(row),
                "{fixture}: {row:?} is not with the total: {page:?}"
            );
        }
        // The rest of the panel stayed on the page before, under its heading.
        assert!(page.contains("(fortsat) –"), "{fixture}: {page:?}");
    }
}

#[test]
fn a_short_panel_goes_to_the_next_page_whole_rather_than_leave_its_total_alone() {
    // Panel B, of three rows and a total, broke before its total, which went over alone; so
    // also where the panels have no headings.
    for fixture in [
        "short-panel-total-at-page-top.json",
        "short-panel-without-heading-total-at-page-top.json",
    ] {
        let pages = pages_of(fixture);
        let page = assert_on_its_page(
            &pages,
            "17.306",
            &[
                "Kommune nr. 1 ",
                "Kommune nr. 3 ",
                "2.835",
                "6.140",
                "8.331",
            ],
        );
        assert!(!page.contains("– B. Antal personer"), "{fixture}: {page:?}");
    }
}

#[test]
fn a_long_table_is_named_over_its_continuation_on_every_later_page() {
    // 83 rows over three pages: pages 2 and 3 began with the repeated header alone, and a
    // reader had to page back to learn which table it was.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(
        &fixture("page-breaks/notes-at-page-foot.json"),
        folder.path(),
    );
    let pages: Vec<String> = (1..=page_count(&pdf))
        .map(|page| pdf_page_text(&pdf, page))
        .collect();
    assert_eq!(pages.len(), 3);
    assert!(!pages[0].contains("fortsat"), "{:?}", pages[0]);
    for page in &pages[1..] {
        assert!(
            page.starts_with("Tabel 1 (fortsat) Politikreds Kreds "),
            "{page:?}"
        );
    }
    // A repetition, as the repeated header is: not content a screen reader reads out again.
    let tagged = std::process::Command::new("pdfinfo")
        .arg("-struct-text")
        .arg(&pdf)
        .output()
        .unwrap();
    let tagged = String::from_utf8_lossy(&tagged.stdout);
    assert!(tagged.contains("Kreds 83"), "the tagged text is read");
    assert!(!tagged.contains("fortsat"), "{tagged}");
}

#[test]
fn a_table_whose_first_or_last_panel_has_no_rows_is_named_over_its_own_continuation() {
    // A first panel without rows stopped the render ("array index out of bounds"); a last one
    // left the table without its end, so a page of text after it was headed "Tabel 1
    // (fortsat)", and so was the continuation of table 2.
    let folder = tempfile::tempdir().unwrap();
    render_into(
        &fixture("page-breaks/first-panel-without-rows.json"),
        folder.path(),
    );
    let pages = pages_of("last-panel-without-rows.json");
    assert_eq!(pages.len(), 3);
    assert!(!pages[1].contains("fortsat"), "{:?}", pages[1]);
    assert!(
        pages[2].starts_with("Tabel 2 (fortsat) Kreds "),
        "{:?}",
        pages[2]
    );
}

#[test]
fn a_panel_heading_never_ends_a_page_with_a_single_row() {
    // Panel B's heading, header and "Politikreds 1" ended page 1; its other rows began page 2.
    let pages = pages_of("panel-heading-at-page-foot.json");
    let page = page_with(&pages, "B. Antal personer");
    let panel = &page[page.find("B. Antal personer").unwrap()..];
    assert!(panel.matches("Politikreds").count() >= 2, "{page:?}");
}

#[test]
fn a_notes_heading_is_kept_with_its_first_note() {
    // "Kilde:" ended page 1 alone; its note "POLSAS." began page 2.
    let pages = pages_of("notes-heading-at-page-foot.json");
    assert_on_its_page(&pages, "Kilde:", &["POLSAS."]);
}

#[test]
fn a_few_short_notes_or_list_items_are_never_split_across_pages() {
    // "Kilde: POLSAS." began page 2 alone, inside the statement's quotation.
    let pages = pages_of("short-notes-at-page-foot.json");
    assert_on_its_page(
        &pages,
        "Data er opdateret den 1. juni 2019.",
        &["Kilde: POLSAS."],
    );
    // "2 internationale aktioner" began page 2 alone.
    let pages = pages_of("short-list-at-page-foot.json");
    assert_on_its_page(
        &pages,
        "8 nationale aktioner",
        &["36 regionale aktioner", "2 internationale aktioner"],
    );
}

#[test]
fn a_long_last_table_gives_the_signature_two_rows_not_one() {
    // Page 3 held the repeated header, "Politikreds 30" alone and the signature.
    let pages = pages_of("long-table-before-signature.json");
    assert_on_its_page(
        &pages,
        "Nick Hækkerup",
        &["Politikreds 29", "Politikreds 30"],
    );
}

#[test]
fn a_short_table_is_kept_whole_on_one_page() {
    // Three rows: the caption, header and "Kreds 1" ended page 2, "Kreds 2" and "3" began page 3.
    let pages = pages_of("short-table-at-page-foot.json");
    let page = assert_on_its_page(
        &pages,
        "Kreds 1",
        &["Tabel 1: Afviste anmeldelser", "Kreds 3"],
    );
    assert_eq!(page.matches("Politikreds").count(), 1, "{page:?}");
}

#[test]
fn a_short_table_of_panels_breaks_between_them_rather_than_leave_room_blank() {
    // Review 24, 4: two panels of six rows each, kept whole, went over to page 2 together,
    // leaving the lower third of page 1 blank where panel A would have fitted.
    let pages = pages_of("panels-of-a-short-table-at-page-foot.json");
    let first = assert_on_its_page(
        &pages,
        "A. Antal personer",
        &[
            "Tabel 1: Langtidsledige seniorer",
            "Region Nordjylland I alt",
            // The total's figures, an em apart, which pdftotext reads column by column.
            "32.852",
            "34.152",
            "35.123",
        ],
    );
    assert_eq!(first, pages[0], "panel A is on page 1");
    assert!(!first.contains("Andel af alle ledige"), "{first:?}");
    assert!(
        pages[1]
            .starts_with("Tabel 1 (fortsat) B. Andel af alle ledige i aldersgruppen (pct.) Region"),
        "{:?}",
        pages[1]
    );
    assert_on_its_page(
        &pages,
        "Hele landet",
        &["24,1 22,7", "Kilde: Jobindsats.dk"],
    );
}

#[test]
fn a_table_of_few_but_tall_rows_still_breaks_rather_than_run_off_the_page() {
    // Three rows whose labels wrap over dozens of lines: kept whole, they would stand taller than
    // a page, and what did not fit would be cut off at its foot.
    let pages = pages_of("short-table-of-long-rows.json");
    let printed: usize = pages
        .iter()
        .map(|page| page.matches("rækkeoverskrift").count())
        .sum();
    assert_eq!(printed, 333);
}

#[test]
fn justified_lines_keep_their_word_spaces_at_four_fifths_at_least() {
    // Typst lets a space shrink to two thirds of its width (1.83 pt at 11 pt): "Det bemærkes,
    // at tallene er behæftet med en vis usikkerhed, jf. § 3, stk. 2, i Rigsadvokat…" read as
    // crammed, where hyphenating the long compound gives even spaces (review 6, item 11).
    let space = 0.25 * 11.0;
    for answer in [
        fixture("even-word-spaces.json"),
        crate_root().join("data/beu-287-2019.json"),
    ] {
        let folder = tempfile::tempdir().unwrap();
        let pdf = render_into(&answer, folder.path());
        let mut lines: Vec<Vec<Word>> = Vec::new();
        for word in words_of(&pdf) {
            match lines.last_mut() {
                Some(line) if (line[0].top - word.top).abs() < 1.0 => line.push(word),
                _ => lines.push(vec![word]),
            }
        }
        // A justified line of running text fills the measure: it ends at the right margin.
        let justified = lines
            .iter()
            .filter(|line| line.len() > 5 && line.last().unwrap().right > 520.0);
        let mut counted = 0;
        for line in justified {
            let gaps: Vec<f64> = line
                .windows(2)
                .map(|pair| pair[1].left - pair[0].right)
                .collect();
            let mean = gaps.iter().sum::<f64>() / gaps.len() as f64;
            let text: Vec<&str> = line.iter().map(|word| word.text.as_str()).collect();
            assert!(
                mean >= 0.78 * space,
                "{mean:.2} pt between the words of {:?}",
                text.join(" ")
            );
            counted += 1;
        }
        assert!(
            counted > 10,
            "{counted} justified lines in {}",
            answer.display()
        );
    }
}

#[test]
fn a_last_statement_or_table_gives_the_signature_some_of_its_lines_or_rows() {
    // The answer ends with a statement, or a table, that ends at the foot of a page: the
    // signature stood alone at the top of the next.
    for (answer, kept) in [
        ("statement-before-signature.json", "slutord.”"),
        ("table-before-signature.json", "Række 1"),
    ] {
        assert_on_its_page(&pages_of(answer), "Peter Hummelgaard", &[kept]);
    }
}

#[test]
fn a_table_of_twelve_rows_is_kept_whole() {
    // Twelve rows and a header, six of them at the foot of page 1 and six on page 2.
    let pages = pages_of("twelve-rows-at-page-foot.json");
    assert_on_its_page(&pages, "Yrække 1 ", &["Yrække 12"]);
}

#[test]
fn a_paragraph_leading_into_a_table_goes_with_it_to_the_next_page() {
    // "Fordelingen fremgår af tabellen nedenfor:" ended page 1; its table began page 2.
    let pages = pages_of("lead-in-at-page-foot.json");
    assert_on_its_page(
        &pages,
        "Kreds 1",
        &["Fordelingen fremgår af tabellen nedenfor:"],
    );
}

#[test]
fn a_footnote_in_a_statement_prints_on_the_page_of_its_reference() {
    // Review 24, 2: the line with "¹" was the last of page 1 and its note printed at the foot
    // of page 2, since Typst moves a line over with its note only in the page's own flow, not
    // in a statement's; and so at a statement's close ("…beskæftigelse.²”").
    let pages = pages_of("footnote-in-statement-at-page-foot.json");
    assert_on_its_page(&pages, "arbejdsmarkedet.1 ", &["1 Jf. lov nr. 1542"]);
    let pages = pages_of("footnote-closing-statement-at-page-foot.json");
    assert_on_its_page(&pages, "beskæftigelse.2", &["2 Opgørelsen omfatter"]);
    // Review 26, 3: notes 1 and 2 filled the page's foot, and the push for note 3 was measured
    // to the margin, not to them: too high to fit, it went over as a blank band, and "REFC3"
    // stayed behind without its note.
    let pages = pages_of("footnotes-sharing-a-page-foot.json");
    assert_on_its_page(&pages, "REFC3", &["3 Note om tredje henvisning NOTEC."]);
    let page = page_with(&pages, "NOTEC");
    assert!(
        page.starts_with("Her henvises til tredje note REFC3"),
        "{page}"
    );
}

#[test]
fn a_footnote_in_a_statement_or_list_prints_on_the_page_of_its_reference() {
    // A sweep of answers with filler before them: the note printed at the foot of page 1, and
    // the list item with its reference went over to page 2 with the paragraph leading into it
    // (Typst laid the note out from an attempt in which the item still fitted on page 1).
    let pages = pages_of("footnote-in-a-list-led-into-in-a-statement.json");
    assert_on_its_page(&pages, "REFA1", &["1 Note om første henvisning NOTEA"]);
    // Two notes in one paragraph of a statement: the line with the second reference ended
    // page 1, and its note printed on page 2.
    let pages = pages_of("two-footnotes-in-a-statement-paragraph.json");
    assert_on_its_page(&pages, "REFA1", &["1 Note om første henvisning NOTEA"]);
    assert_on_its_page(&pages, "REFB2", &["2 Note om anden henvisning NOTEB"]);
}

#[test]
fn a_paragraph_leading_into_a_list_with_a_footnote_goes_with_it_to_the_next_page() {
    // The push that keeps the item's note with it stood between the two, and Typst kept the
    // paragraph with the push, not with the list: "… følgende punkter:" ended page 1 alone.
    let pages = pages_of("lead-in-to-a-list-with-a-footnote.json");
    assert_on_its_page(
        &pages,
        "FIRSTITEM",
        &["Der er LEADIN tale om følgende punkter:"],
    );
}

#[test]
fn a_statement_s_first_paragraph_goes_with_the_table_it_leads_into_and_its_introduction() {
    // "”Fordelingen fremgår af tabellen nedenfor:" ended page 1 under the statement's
    // introduction, and the table began page 2.
    let pages = pages_of("statement-opening-with-a-lead-in-to-a-table.json");
    assert_on_its_page(
        &pages,
        "Kreds 1",
        &[
            "Rigspolitiet har oplyst følgende:",
            "”Fordelingen LEADIN fremgår af tabellen nedenfor:",
            "Tabel 1: Sager fordelt på år",
        ],
    );
}

#[test]
fn the_signature_is_kept_with_a_last_short_list() {
    let pages = pages_of("signature-after-a-list.json");
    assert_on_its_page(&pages, "Ane Halsboe-Jørgensen", &["Tredje punkt"]);
}

#[test]
fn long_web_addresses_and_danish_words_that_typst_breaks_pass_the_check_and_fit_the_page() {
    // The check warned that both ran over the margin; Typst breaks the address and hyphenates
    // the word, and nothing on the page reaches past the right margin (595.28 − 70.87 pt).
    let answer = fixture("content/breakable-long-words.json");
    common::svar()
        .arg("check")
        .arg(&answer)
        .assert()
        .success()
        .stdout(predicates::str::contains("(0 fejl, 0 advarsler)"));
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&answer, folder.path());
    let output = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let boxes = String::from_utf8_lossy(&output.stdout).into_owned();
    let right_edge = boxes
        .split("xMax=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse::<f64>().ok())
        .fold(0.0, f64::max);
    assert!(right_edge <= 524.5, "text reaches x = {right_edge}");
}

#[test]
fn a_date_in_svar_s_own_sentences_is_never_split_over_two_lines() {
    // The correction's opening names the answer it corrects, "som blev besvaret den 20. oktober
    // 2026", where a line happened to end after "20.".
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("date-break/answer.json"), folder.path());
    let lines = common::pdf_page_lines(&pdf, 1);
    let parted = lines.iter().find(|line| line.trim_end().ends_with(" 20."));
    assert_eq!(parted, None, "{lines:#?}");
    let whole = lines
        .iter()
        .filter(|line| line.contains("20. oktober 2026"))
        .count();
    // The opening, the correcting sentence and the clerk's own paragraph.
    assert_eq!(whole, 3, "{lines:#?}");
}

#[test]
fn a_date_in_running_text_is_one_unit_on_its_line_never_split_or_hyphenated() {
    // 24 paragraphs move "20. oktober 2026" a letter further along the line each; six of their
    // lines ended "… den 20. oktober" with "2026" on the next when only the day was kept, and
    // one "… den 20. ok-" (a hyphen at the line's end, U+00AD in the PDF's text).
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("date-break/month-and-year.json"), folder.path());
    let lines = all_lines(&pdf);
    let parted: Vec<_> = lines
        .iter()
        .filter(|line| {
            let line = line.trim_end();
            line.ends_with("oktober") || line.ends_with(" 20.") || line.ends_with('\u{ad}')
        })
        .collect();
    assert_eq!(parted, Vec::<&String>::new());
    let whole = lines
        .iter()
        .filter(|line| line.replace('\u{a0}', " ").contains("20. oktober 2026"))
        .count();
    assert_eq!(whole, 24, "{lines:#?}");
}

#[test]
fn column_headings_stay_on_one_line_where_the_table_has_room() {
    // "Udsendt 2015" and "Ændring (pct.)" were set in two lines of 3.4 em columns beside a
    // column of short country names that was mostly empty.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("table-headings/answer.json"), folder.path());
    let lines = common::pdf_page_lines(&pdf, 1);
    assert!(
        lines
            .iter()
            .any(|line| line == "Udsendt 2015 Udsendt 2016 Ændring (pct.)"),
        "{lines:#?}"
    );
}

#[test]
fn a_date_before_punctuation_in_markdown_a_footnote_or_a_caption_is_one_unit_on_its_line() {
    // Each answer moves "20. september 2026" a letter along the line in 45 paragraphs (or
    // footnotes, or captions). Before, "(svar af 20. september / 2026).", "den 20. september /
    // 2026?", "*20. september / 2026*", "2026.[^1]" and a footnote's date broke between month
    // and year, and a caption's month was hyphenated ("20. septem- / ber").
    for name in [
        "paren_period",
        "question_mark",
        "md_emph",
        "md_link",
        "md_footnote",
        "md_footnotes",
        "caption",
        "range",
    ] {
        let folder = tempfile::tempdir().unwrap();
        let pdf = render_into(&fixture(&format!("date-break/{name}.json")), folder.path());
        let lines = all_lines(&pdf);
        let parted: Vec<&String> = lines
            .iter()
            .filter(|line| {
                let end = line.trim_end();
                end.ends_with("september") || end.ends_with(" 20.") || end.ends_with("septem\u{ad}")
            })
            .collect();
        assert_eq!(parted, Vec::<&String>::new(), "{name}");
    }
}

#[test]
fn a_date_edited_in_a_redline_stays_one_unit_on_its_line() {
    // The month (or year) of "20. september 2026" replaced in paragraphs that move the date
    // along the line: the inserted month was hyphenated ("novem-ber"), and the old and new
    // month or year were parted at the line's end.
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("redline.pdf");
    common::svar()
        .args(["diff", "--redline"])
        .arg(&pdf)
        .arg(fixture("date-break/redline-old.json"))
        .arg(fixture("date-break/redline-new.json"))
        .assert()
        .code(1);
    let lines = all_lines(&pdf);
    let parted: Vec<&[String]> = lines
        .windows(2)
        .filter(|pair| {
            let (end, next) = (pair[0].trim_end(), pair[1].trim_start());
            end.ends_with('\u{ad}')
                || (end.ends_with("september") && next.starts_with("november"))
                || (end.ends_with("2026") && next.starts_with("2027"))
        })
        .collect();
    assert_eq!(parted, Vec::<&[String]>::new());
}

#[test]
fn column_headings_too_long_for_one_line_share_the_room_the_row_labels_leave() {
    // "Ændring i procent fra 2015 til 2016" beside two other long headings was set in five
    // lines of a 3.4 em column while the row labels' column stood mostly empty.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("table-headings/long.json"), folder.path());
    let lines = all_lines(&pdf);
    // The table stands outside a statement: the headings get the room of the whole line, not
    // that of a statement's indented one, which left "til" off the first line.
    for heading in ["Antal sigtelser i alt", "Ændring i procent fra 2015 til"] {
        assert!(lines.iter().any(|line| line == heading), "{lines:#?}");
    }
    // The labels keep their line, the slack of a measured line included.
    assert!(
        lines.iter().any(|line| line == "Region Hovedstaden 0"),
        "{lines:#?}"
    );
}

/// Asserts that the fixture `name` reaches page 2, and that the page printing `anchor` also
/// prints `texts`: what a page break at the foot of page 1 would have parted.
fn assert_kept_over_a_page_break(name: &str, anchor: &str, texts: &[&str]) {
    let pages = pages_of(name);
    assert!(pages.len() > 1, "{name} was meant to reach page 2");
    assert_on_its_page(&pages, anchor, texts);
}

#[test]
fn a_subheading_is_never_left_alone_at_the_foot_of_a_page() {
    // 28 lines of text leave room at the foot of page 1 for the heading only.
    assert_kept_over_a_page_break(
        "heading-at-page-foot.json",
        "Fordelingen på regioner",
        &["Hovedstaden havde flest modtagere"],
    );
}

#[test]
fn closing_marks_hung_after_a_table_end_inside_the_margin() {
    // Three statements closed after the last figure hang "”””" after it; they ran 7.7pt past
    // the right margin (x = 532.2 against 524.5) before the table gave up room for them.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(
        &fixture("quotations/statements-closing-after-a-table.json"),
        folder.path(),
    );
    let words = words_of_line(&pdf, "3.702");
    let last = words.last().unwrap();
    assert_eq!(last.0, "3.707”””", "{words:?}");
    let margin = 595.28 - 70.87;
    assert!(
        last.2 <= margin,
        "{last:?} ends past the margin at {margin}"
    );
}

#[test]
fn a_paragraph_leading_into_a_statement_without_introduction_goes_with_it() {
    // "…, der har oplyst følgende:" ended page 1, and the statement it introduces, which
    // prints no introduction of its own, began page 2.
    assert_kept_over_a_page_break(
        "lead-in-to-a-statement-at-page-foot.json",
        "Det fremgår af udtalelsen, der har oplyst følgende:",
        &["”Politiet har i perioden styrket indsatsen"],
    );
}

/// The height of the last word `text` of `pdf`, in points, which grows with its type's size.
fn word_height(pdf: &std::path::Path, text: &str) -> f64 {
    let word = words_of(pdf)
        .into_iter()
        .rfind(|word| word.text == text)
        .unwrap_or_else(|| panic!("{text:?} is printed"));
    word.bottom - word.top
}

#[test]
fn an_enclosure_s_subheadings_are_set_as_the_answer_s_not_as_its_title() {
    // They were set at the enclosure title's 13pt, and could not be told from it. The last
    // "2026" is the enclosure's heading "Sager i 2026", the last "menneskehandel" its title.
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture("headings/headings.json"), folder.path());
    let answer_heading = word_height(&pdf, "Ministerens");
    let enclosure_heading = word_height(&pdf, "2026");
    let enclosure_title = word_height(&pdf, "menneskehandel");
    assert!(
        (enclosure_heading - answer_heading).abs() < 0.01,
        "{enclosure_heading} against {answer_heading}"
    );
    assert!(enclosure_title > enclosure_heading + 1.0);
}

#[test]
fn a_long_department_takes_the_metadata_column_at_its_widest() {
    // The department wrapped at the width of the labels and values under it, about 25
    // characters, so that a checked length printed three times as many lines (review 16).
    let folder = tempfile::tempdir().unwrap();
    let answer = common::edited_fixture("complete.json", folder.path(), |answer| {
        answer["ministry"]["department"] = "Afdelingen for noget ".repeat(6).trim_end().into();
    });
    let pdf = render_into(&answer, folder.path());
    let mut lines: Vec<i64> = words_of(&pdf)
        .iter()
        .filter(|word| word.text == "Afdelingen")
        .map(|word| word.top.round() as i64)
        .collect();
    lines.dedup();
    assert!(
        lines.len() <= 3,
        "the department takes {} lines",
        lines.len()
    );
}
