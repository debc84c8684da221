//! Column groups: headings that span several figure columns ("2015" over "Antal" and
//! "Pct."), driving the real binary and reading where the PDF sets each word.

mod common;

use common::{Word, fixture, render_into, words_of, words_of_page};

/// The words of the PDF rendered from `tests/fixtures/<name>`, and its page count.
fn rendered(name: &str) -> (std::path::PathBuf, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let pdf = render_into(&fixture(name), folder.path());
    (pdf, folder)
}

/// The words on the line of `words` that holds `label` (its first such word) after `after`
/// words, left to right.
fn row<'a>(words: &'a [Word], label: &str) -> Vec<&'a Word> {
    let top = words
        .iter()
        .find(|word| word.text == label)
        .unwrap_or_else(|| panic!("no word {label:?}"))
        .top;
    let mut line: Vec<&Word> = (words.iter())
        .filter(|word| (word.top - top).abs() < 1.0)
        .collect();
    line.sort_by(|a, b| a.left.total_cmp(&b.left));
    line
}

/// The left edge of the first and the right edge of the last of the figure columns `columns`
/// (from 0, after the row label of `label_words` words) in the rows labelled `rows`.
fn columns_span(
    words: &[Word],
    rows: &[&str],
    label_words: usize,
    columns: (usize, usize),
) -> (f64, f64) {
    let figures = |label: &str| row(words, label).split_off_figures(label_words);
    let left = rows
        .iter()
        .map(|label| figures(label)[columns.0].left)
        .fold(f64::MAX, f64::min);
    let right = rows
        .iter()
        .map(|label| figures(label)[columns.1].right)
        .fold(f64::MIN, f64::max);
    (left, right)
}

/// A row's words past its label.
trait Figures<'a> {
    fn split_off_figures(self, label_words: usize) -> Vec<&'a Word>;
}

impl<'a> Figures<'a> for Vec<&'a Word> {
    fn split_off_figures(mut self, label_words: usize) -> Vec<&'a Word> {
        self.split_off(label_words)
    }
}

/// The centre of the first word `text` of `words`.
fn centre_of(words: &[Word], text: &str) -> f64 {
    let word = words
        .iter()
        .find(|word| word.text == text)
        .unwrap_or_else(|| panic!("no {text:?}"));
    (word.left + word.right) / 2.0
}

/// Asserts that "2015" and "2016" each stand centred over their own two figure columns, after
/// the column "I alt", in the rows labelled `rows` of `words`.
fn assert_years_over_their_columns(words: &[Word], rows: &[&str]) {
    for (heading, columns) in [("2015", (1, 2)), ("2016", (3, 4))] {
        let (left, right) = columns_span(words, rows, 1, columns);
        let centre = centre_of(words, heading);
        assert!(
            left < centre && centre < right,
            "{heading} at {centre}, columns {left}..{right}"
        );
    }
}

#[test]
fn each_group_heading_stands_centred_over_its_own_columns() {
    let (pdf, _folder) = rendered("column-groups.json");
    let words = words_of(&pdf);
    // Figure columns: I alt, then 2015's Antal and Pct., then 2016's.
    assert_years_over_their_columns(&words, &["Asyl", "Familiesammenføring", "Studie"]);
    // "I alt" belongs to no group: its heading stands on the columns' heading line, as
    // the row labels' heading does, not on the group headings' line above.
    let headings = row(&words, "Sagstype");
    let texts: Vec<&str> = headings.iter().map(|word| word.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Sagstype", "I", "alt", "Antal", "Pct.", "Antal", "Pct."]
    );
    let groups = row(&words, "2015");
    let texts: Vec<&str> = groups.iter().map(|word| word.text.as_str()).collect();
    assert_eq!(texts, ["2015", "2016"]);
    assert!(
        groups[0].bottom < headings[0].top,
        "the groups stand above the columns' headings"
    );
}

#[test]
fn a_long_group_heading_wraps_within_its_columns_and_widens_them() {
    let (pdf, _folder) = rendered("column-groups.json");
    let words = words_of(&pdf);
    let rows = ["Første", "Andet"];
    let (left, right) = columns_span(&words, &rows, 2, (0, 1));
    let (klager_left, _) = columns_span(&words, &rows, 2, (2, 3));
    let heading = "Afgjort af Udlændinge- og Integrationsministeriet i første instans";
    let first = words
        .iter()
        .position(|word| word.text == "Afgjort")
        .unwrap();
    let heading_words = &words[first..first + heading.split(' ').count()];
    let texts: Vec<&str> = heading_words
        .iter()
        .map(|word| word.text.as_str())
        .collect();
    assert_eq!(texts.join(" "), heading);
    let tops: std::collections::BTreeSet<i64> =
        heading_words.iter().map(|word| word.top as i64).collect();
    // Review 35: it took three lines, though the page had room for two.
    assert_eq!(
        tops.len(),
        2,
        "the heading wraps in two lines rather than widening its columns across the page"
    );
    let integration = heading_words
        .iter()
        .find(|word| word.text.starts_with("Integrations"))
        .unwrap();
    // Its longest word fits: the columns were widened for it, and nothing runs over the
    // next group's columns.
    for word in heading_words {
        assert!(
            word.right < klager_left,
            "{:?} runs into Klager's columns at {klager_left}",
            word.text
        );
    }
    let labels = row(&words, "Første")[1].right;
    assert!(
        heading_words.iter().all(|word| word.left > labels),
        "over the row labels"
    );
    // The heading's longest word is wider than the two 3.4 em columns it spans: they were
    // widened for it (each figure column's right edge is a column's width from the last).
    assert!(integration.right - integration.left > 68.0);
    let first = row(&words, "Første").split_off_figures(2);
    assert!(first[1].right - first[0].right > 34.0, "{left}..{right}");
    assert!(centre_of(&words, "Klager") > klager_left);
}

#[test]
fn both_heading_rows_repeat_on_every_page_of_a_long_grouped_table() {
    let (pdf, _folder) = rendered("page-breaks/column-groups-long.json");
    let last = words_of_page(&pdf, 3);
    assert!(
        last.iter().any(|word| word.text == "90"),
        "the table reaches page 3"
    );
    for page in 1..=3 {
        let words = words_of_page(&pdf, page);
        let groups = row(&words, "2015");
        let texts: Vec<&str> = groups.iter().map(|word| word.text.as_str()).collect();
        assert_eq!(texts, ["2015", "2016"], "page {page}");
        let headings = row(&words, "Modtaget");
        let texts: Vec<&str> = headings.iter().map(|word| word.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Kommune", "Modtaget", "Afgjort", "Modtaget", "Afgjort"],
            "page {page}"
        );
        let first_row = (words.iter())
            .filter(|word| word.text == "Kommune")
            .map(|word| word.top)
            .fold(f64::MAX, f64::min);
        assert!(
            groups[0].bottom < headings[0].top,
            "page {page}: the groups over the headings"
        );
        assert!(
            first_row >= headings[0].top - 1.0,
            "page {page}: the headings over the rows"
        );
    }
}

#[test]
fn groups_in_the_answer_file_head_the_columns_of_a_panel_s_spreadsheet() {
    let (pdf, _folder) = rendered("column-groups-spreadsheet.json");
    assert_years_over_their_columns(&words_of(&pdf), &["Asyl", "Studie"]);
}

/// The headers a screen reader names the figure `figure` by, as the tagged PDF `pdf` gives
/// them: the texts of the header cells its table cell's `/Headers` point to, in order.
fn headers_of(pdf: &std::path::Path, figure: &str) -> Vec<String> {
    let output = std::process::Command::new("pdfinfo")
        .arg("-struct-text")
        .arg(pdf)
        .output()
        .unwrap();
    let tree = String::from_utf8_lossy(&output.stdout).into_owned();
    let lines: Vec<&str> = tree.lines().map(str::trim).collect();
    // A header cell's id ("TH <U2x2y0>:") and the first text after it.
    let text_after = |index: usize| {
        lines[index..]
            .iter()
            .find_map(|line| line.strip_prefix('"')?.strip_suffix('"'))
            .unwrap()
            .to_string()
    };
    let ids: std::collections::HashMap<&str, String> = (lines.iter().enumerate())
        .filter_map(|(index, line)| {
            let id = line.strip_prefix("TH <")?.strip_suffix(">:")?;
            Some((id, text_after(index)))
        })
        .collect();
    let at = lines
        .iter()
        .position(|line| *line == format!("\"{figure}\""))
        .unwrap();
    let headers = lines[..at]
        .iter()
        .rev()
        .find_map(|line| line.strip_prefix("/Headers ["))
        .unwrap();
    headers
        .trim_end_matches(']')
        .split_whitespace()
        .map(|id| ids[id.trim_matches(['(', ')'])].clone())
        .collect()
}

#[test]
fn a_screen_reader_names_a_figure_by_its_group_its_column_and_its_row() {
    let (pdf, _folder) = rendered("column-groups.json");
    assert_eq!(headers_of(&pdf, "300"), ["2015", "Antal", "Asyl"]);
    assert_eq!(headers_of(&pdf, "42,3"), ["2016", "Pct.", "Asyl"]);
    // "I alt" belongs to no group: its own heading alone heads it.
    assert_eq!(headers_of(&pdf, "520"), ["I alt", "Asyl"]);
}
