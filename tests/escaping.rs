//! Content is untrusted: whatever a clerk (or a pasted text) puts in any field of an answer must
//! print literally, never be read as Typst markup or code.
//!
//! Typesets answers whose every text field holds a hostile string and checks that each string
//! appears on the pages as written.

use proptest::prelude::*;
use svar::model::{Answer, Block, Cell};
use svar::render::TemplateSet;

/// Strings built from everything that means something in Typst markup, code or math, plus
/// Danish letters and spaces.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("#read(\"/etc/passwd\")".to_string()),
        Just("*x* $y$ // z = h <l> @r".to_string()),
        Just("#let x = 1; #x".to_string()),
        Just("\\u{41}".to_string()),
        Just("]#panic()[".to_string()),
        Just("/* ".to_string()),
        Just("```rust".to_string()),
        Just("- ".to_string()),
        Just("+ ".to_string()),
        Just("/ term: ".to_string()),
        Just("= ".to_string()),
        Just("https://ft.dk".to_string()),
        "[#*$/\\\\\\[\\](){}<>@=+_`~:.,;\"'a-zæøåÆØÅ0-9 -]{1,12}",
    ];
    proptest::collection::vec(piece, 1..4).prop_map(|pieces| pieces.concat())
}

/// What the string should look like on the page: the document's quote style turns straight
/// quotes into ” and ’, as a clerk expects.
fn as_printed(text: &str) -> String {
    text.replace('"', "”").replace('\'', "’")
}

/// Whitespace, hyphens and soft hyphens are where lines break and words hyphenate; ignore them.
fn normalised(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '\u{2010}'))
        .collect()
}

fn example() -> Answer {
    let text = include_str!("fixtures/complete.json");
    svar::input::check_text(text, std::path::Path::new("complete.json"))
        .0
        .unwrap()
}

/// A value planted in a field, and whether it is set in running text (where it must appear as
/// one piece) or in a narrow table cell (where wrapped lines of neighbouring cells interleave in
/// layout order, so only its characters can be checked).
struct Planted {
    value: String,
    in_table: bool,
}

/// Puts `text` (with a distinct suffix, so each field can be found) into every text field.
fn fill_every_field(answer: &mut Answer, text: &str) -> Vec<Planted> {
    let mut planted = Vec::new();
    let mut plant = |field: &mut String, table: bool| {
        let value = format!("{text}|{}", planted.len());
        *field = value.clone();
        planted.push(Planted {
            value,
            in_table: table,
        });
    };
    plant(&mut answer.ministry.name, false);
    plant(answer.case_number.get_or_insert_default(), false);
    plant(answer.document_number.get_or_insert_default(), false);
    plant(answer.ministry.office.get_or_insert_default(), false);
    plant(&mut answer.question.text, false);
    plant(&mut answer.question.committee.as_mut().unwrap().name, false);
    plant(answer.signature.minister.get_or_insert_default(), false);
    plant(answer.signature.official.get_or_insert_default(), false);
    // A heading over a numbered list too, which the fixture does not have.
    answer.answer.blocks.push(Block::Heading(String::new()));
    let items = vec![String::new(); 2];
    answer.answer.blocks.push(Block::NumberedList(items));
    fill_blocks(&mut answer.answer.blocks, &mut plant);
    planted
}

fn fill_blocks(blocks: &mut [Block], plant: &mut impl FnMut(&mut String, bool)) {
    for block in blocks {
        match block {
            Block::Paragraph(text) | Block::Heading(text) => plant(text, false),
            Block::List(items) | Block::NumberedList(items) => {
                items.iter_mut().for_each(|item| plant(item, false))
            }
            Block::Statement(statement) => {
                plant(statement.introduction.get_or_insert_default(), false);
                fill_blocks(&mut statement.blocks, plant);
            }
            Block::Figure(figure) => {
                plant(&mut figure.description, false);
                if let Some(caption) = &mut figure.caption {
                    plant(caption, false);
                }
                figure.notes.iter_mut().for_each(|note| plant(note, false));
            }
            Block::Table(table) => {
                if let Some(caption) = &mut table.caption {
                    plant(caption, false);
                }
                plant(table.notes_heading.get_or_insert_default(), false);
                table.notes.iter_mut().for_each(|note| plant(note, false));
                for panel in &mut table.panels {
                    plant(panel.title.get_or_insert_default(), false);
                    plant(panel.label_header.get_or_insert_default(), true);
                    panel
                        .columns
                        .iter_mut()
                        .for_each(|column| plant(column, true));
                    for row in panel.rows.iter_mut().chain(panel.total.as_mut()) {
                        plant(row.label.get_or_insert_default(), true);
                        for cell in &mut row.cells {
                            let mut text = String::new();
                            plant(&mut text, true);
                            *cell = Cell::Text(text);
                        }
                    }
                }
            }
        }
    }
}

/// How often each character occurs.
fn character_counts(text: &str) -> std::collections::HashMap<char, usize> {
    let mut counts = std::collections::HashMap::new();
    for c in text.chars() {
        *counts.entry(c).or_default() += 1;
    }
    counts
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("SVAR_ESCAPING_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn hostile_text_in_every_field_prints_literally(text in hostile_text()) {
        let mut answer = example();
        let planted = fill_every_field(&mut answer, &text);
        let typeset = svar::typeset(&answer, &TemplateSet::builtin())
            .map_err(|error| TestCaseError::fail(format!("{text:?} broke the document: {error}")))?;
        let printed = normalised(&typeset.text());
        let mut in_tables = String::new();
        for Planted { value, in_table } in planted {
            let expected = normalised(&as_printed(&value));
            if in_table {
                in_tables.push_str(&expected);
            } else {
                prop_assert!(printed.contains(&expected), "{value:?} is not printed literally");
            }
        }
        let printed_counts = character_counts(&printed);
        for (c, count) in character_counts(&in_tables) {
            let found = printed_counts.get(&c).copied().unwrap_or(0);
            prop_assert!(found >= count, "{c:?} printed {found} times in tables, planted {count}");
        }
    }
}

#[test]
fn the_issues_example_prints_literally_in_the_question() {
    let mut answer = example();
    let hostile = "#read(\"/etc/passwd\") *x* $y$ // z = h <l> @r";
    answer.question.text = hostile.to_string();
    let typeset = svar::typeset(&answer, &TemplateSet::builtin()).unwrap();
    assert!(normalised(&typeset.text()).contains(&normalised(&as_printed(hostile))));
    assert!(!typeset.text().contains("root:"));
}

/// `text` with every space doubled, a line break inside and spaces at both ends, as a pasted
/// text may have them.
fn loosely_spaced(text: &str) -> String {
    format!("  {} \n", text.replace(' ', "  \n "))
}

/// Spaces out every one-line text of the tables in `blocks`; returns how many tables it met.
fn loosen_tables(blocks: &mut [Block]) -> usize {
    let mut tables = 0;
    for block in blocks {
        match block {
            Block::Statement(statement) => tables += loosen_tables(&mut statement.blocks),
            Block::Table(table) => {
                tables += 1;
                let panels = table.panels.iter_mut().flat_map(|panel| {
                    let rows = panel.rows.iter_mut().chain(panel.total.as_mut());
                    let labels = rows.flat_map(|row| row.label.as_mut());
                    panel
                        .title
                        .iter_mut()
                        .chain(&mut panel.label_header)
                        .chain(&mut panel.columns)
                        .chain(labels)
                });
                for text in table
                    .caption
                    .iter_mut()
                    .chain(&mut table.notes_heading)
                    .chain(panels)
                {
                    *text = loosely_spaced(text);
                }
            }
            _ => {}
        }
    }
    tables
}

/// The one-line texts svar passes to Typst as strings (`|content`): the tables' and the
/// letterhead's and signature's.
#[test]
fn spaces_in_one_line_texts_collapse_as_in_running_text() {
    let tidy = example();
    let mut loose = tidy.clone();
    assert!(
        loosen_tables(&mut loose.answer.blocks) > 0,
        "the fixture has tables"
    );
    let signature = &mut loose.signature;
    for text in std::iter::once(&mut loose.ministry.name)
        .chain(&mut signature.minister)
        .chain(&mut signature.official)
    {
        *text = loosely_spaced(text);
    }
    let templates = TemplateSet::builtin();
    let (tidy, loose) = (
        svar::typeset(&tidy, &templates).unwrap(),
        svar::typeset(&loose, &templates).unwrap(),
    );
    assert_eq!(tidy.page_count(), loose.page_count());
    for page in 0..tidy.page_count() {
        let image =
            |typeset: &svar::Typeset| typeset.page_pixmap(page, 1.0).unwrap().data().to_vec();
        assert!(
            image(&tidy) == image(&loose),
            "page {} looks different",
            page + 1
        );
    }
}
