//! Text cells that are almost figures: a letter typed for a digit ("5.2O2,4"), a negative
//! figure in parentheses as Excel's accounting format writes it ("(85,4)"), or a percent sign
//! or a unit after the figure ("12,5%", "1.000,0 kr."), as Danish Excel writes a formatted
//! cell into a CSV file, or a note marker after it ("1.234,5*", "1.000¹", "12,4 a)"), as a
//! statistical table marks a provisional figure. Such a cell prints as text, and a column with text in it is not
//! summed, so without a word from svar one such cell would let a wrong total pass.
//!
//! A letter among digits is surely a typo, and an error. A unit, a percent sign, parentheses or
//! a note marker may be meant, so they are warnings, and only where they cost something: where the column
//! would otherwise be summed against a total that is checked.

use super::Problem;
use super::tables::{addend, exact_figure, row_path, rows_and_total};
use crate::json_path::JsonPath;
use crate::model::{Cell, Figure, Panel};

/// A text cell that is almost a figure, and the figure it most likely means.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NearFigure {
    /// What keeps it from being a figure.
    kind: Kind,
    /// The figure meant, in the cell's own notation ("5.202,4", "-85,4", "12,5"): what to
    /// write in a spreadsheet, whose convention the cell was written in.
    written: String,
    /// The figure meant, in JSON's notation ("5202.4"): what to write in an answer file.
    plain: String,
}

/// What keeps a near figure from being a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// A letter typed for a digit: "O" or "o" for 0, "l" or "I" for 1 (the first such letter).
    Letter(char),
    /// A negative figure in parentheses, as Excel's accounting format writes one.
    Parenthesised,
    /// A percent sign or a unit after the figure, as written ("%", "kr.", "mio. kr.").
    Unit(String),
    /// A note marker after the figure, as written ("*", "¹", "a)").
    Marker(String),
}

/// The spaces that may stand around a figure or before its unit.
const SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// The units a figure may be followed by, lowercase and without points and spaces: percent
/// and per mille, and the amounts and counts of a ministry's tables ("kr.", "mio. kr.",
/// "mia. kr.", "t.kr.", "DKK", "stk.").
const UNITS: [&str; 20] = [
    "%", "‰", "pct", "procent", "promille", "kr", "kroner", "dkk", "tkr", "tdkk", "miokr", "miakr",
    "mkr", "mdkk", "mio", "mia", "mioeuro", "euro", "eur", "stk",
];

/// The near figure `text` is, if it is one (see [`Kind`]); `None` for a figure, for text that
/// is plainly text ("-", "..", "ca. 12", "0045", "2009-2010", "12 sager", `3.478[^1]`) and
/// for text that would not be a figure either once mended.
fn near_figure(text: &str) -> Option<NearFigure> {
    let text = text.trim_matches(SPACES);
    letter_for_digit(text)
        .or_else(|| parenthesised(text))
        .or_else(|| with_unit(text))
        .or_else(|| with_marker(text))
}

/// `written` as a near figure of `kind`, if it is a figure in either convention.
fn meant(written: String, kind: Kind) -> Option<NearFigure> {
    let plain = crate::input::plain_figure(&written)?;
    Some(NearFigure {
        kind,
        written,
        plain,
    })
}

/// The digit a letter is typed for, if it is one that looks like a digit.
fn digit_for(letter: char) -> Option<char> {
    match letter {
        'O' | 'o' => Some('0'),
        'l' | 'I' => Some('1'),
        _ => None,
    }
}

/// A figure with a letter typed for a digit ("5.2O2,4", "1O"): it has a digit, and with its
/// letters made digits it is a figure.
fn letter_for_digit(text: &str) -> Option<NearFigure> {
    let letter = text.chars().find(|&c| digit_for(c).is_some())?;
    if !text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let mended = text.chars().map(|c| digit_for(c).unwrap_or(c)).collect();
    meant(mended, Kind::Letter(letter))
}

/// A figure in parentheses ("(85,4)"), meant as a negative one.
fn parenthesised(text: &str) -> Option<NearFigure> {
    let inner = text
        .strip_prefix('(')?
        .strip_suffix(')')?
        .trim_matches(SPACES);
    if inner.starts_with(['-', '\u{2212}']) {
        return None;
    }
    meant(format!("-{inner}"), Kind::Parenthesised)
}

/// A figure followed by a percent sign or a unit ("12,5%", "1.000,0 kr.", "3,2 mio. kr.").
fn with_unit(text: &str) -> Option<NearFigure> {
    let end =
        text.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '\u{2212}')))?;
    let (figure, unit) = text.split_at(end);
    let unit = unit.trim_matches(SPACES);
    let bare: String = (unit.chars())
        .filter(|c| *c != '.' && !SPACES.contains(c))
        .flat_map(char::to_lowercase)
        .collect();
    if !UNITS.contains(&bare.as_str()) {
        return None;
    }
    meant(figure.to_string(), Kind::Unit(unit.to_string()))
}

/// The superscript digits a note marker may be written with ("1.000¹").
const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// A figure followed by a note marker, as statistical tables mark a provisional or revised
/// figure: stars or a dagger ("1.234,5*", "12**", "7†"), superscript digits ("1.000¹"), or a
/// letter or a number in parentheses ("12,4 a)", "12,4 (1)", "3 1)"). A number closed by a
/// parenthesis alone must stand apart ("3 1)"), or "12)" would be read as 1 and a marker.
fn with_marker(text: &str) -> Option<NearFigure> {
    let figure = marked_figure(text)?.trim_end_matches(SPACES);
    let marker = text[figure.len()..].trim_start_matches(SPACES);
    meant(figure.to_string(), Kind::Marker(marker.to_string()))
}

/// `text` without the note marker it ends with (see [`with_marker`]), if it ends with one.
fn marked_figure(text: &str) -> Option<&str> {
    let signs =
        text.trim_end_matches(|c| SUPERSCRIPTS.contains(&c) || matches!(c, '*' | '†' | '‡'));
    if signs.len() < text.len() {
        return Some(signs);
    }
    let inner = text.strip_suffix(')')?;
    let (before, letter) = match inner.chars().next_back()? {
        last if last.is_alphabetic() => (&inner[..inner.len() - last.len_utf8()], true),
        _ => (inner.trim_end_matches(|c: char| c.is_ascii_digit()), false),
    };
    let mark = &inner[before.len()..];
    let number = (1..=2).contains(&mark.len());
    if before.ends_with(char::is_alphabetic) || !(letter || number) {
        return None;
    }
    if let Some(before) = before.strip_suffix('(') {
        return Some(before);
    }
    (letter || before.ends_with(SPACES)).then_some(before)
}

/// Reports every near figure among the text cells of `panel`, at its cell: a letter typed for
/// a digit always, as an error; parentheses or a unit only where the column would otherwise be
/// summed and its total checked (see [`stops_total_check`]), as a warning.
pub(super) fn check_near_figures(panel: &Panel, path: &JsonPath, problems: &mut Vec<Problem>) {
    let written_here = panel.spreadsheet.is_none();
    // Whether each column's near figures stop its total check, found at its first one.
    let mut stops_total: Vec<Option<bool>> = vec![None; panel.columns.len()];
    for (index, row) in rows_and_total(panel) {
        for (column, cell) in row.cells.iter().enumerate().take(stops_total.len()) {
            let Cell::Text(text) = cell else { continue };
            let Some(near) = near_figure(text) else {
                continue;
            };
            let finding = Finding {
                text,
                near: &near,
                written_here,
                stops_total: *stops_total[column]
                    .get_or_insert_with(|| stops_total_check(panel, column)),
            };
            problems.extend(finding.problem(row_path(path, index).key("cells").index(column)));
        }
    }
}

/// Whether the near figures of `column` are what keeps its total from being checked: the
/// panel's total is a sum, and every other cell of the column, the total's included, is a
/// figure (or, above the total, a dash).
fn stops_total_check(panel: &Panel, column: usize) -> bool {
    let near = |cell: &Cell| matches!(cell, Cell::Text(text) if near_figure(text).is_some());
    let Some(total) = panel.total.as_ref().filter(|_| panel.total_is_sum) else {
        return false;
    };
    let total_counts =
        (total.cells.get(column)).is_some_and(|cell| exact_figure(cell).is_some() || near(cell));
    total_counts
        && panel.rows.iter().all(|row| {
            row.cells
                .get(column)
                .is_some_and(|cell| addend(cell).is_some() || near(cell))
        })
}

/// One near figure found, and what the clerk needs to be told of it.
struct Finding<'a> {
    /// The cell as written.
    text: &'a str,
    near: &'a NearFigure,
    /// Whether the cell was written in the answer file, rather than in a spreadsheet.
    written_here: bool,
    /// Whether the cell keeps its column's total from being checked.
    stops_total: bool,
}

impl Finding<'_> {
    /// The error or warning at `path`, the cell's; `None` for parentheses or a unit that cost
    /// no total check.
    fn problem(&self, path: JsonPath) -> Option<Problem> {
        let text = self.text;
        let consequence = self.consequence();
        let write = self.how_to_write();
        match &self.near.kind {
            Kind::Letter(letter) => Some(Problem::error(
                path,
                format!(
                    "cellen \"{text}\" ligner et tal, men har bogstavet \"{letter}\", hvor der \
                     skal stå et ciffer{consequence}"
                ),
                Some(format!("mente du {}? {}", self.meant(), self.mend(*letter))),
            )),
            Kind::Parenthesised => self.stops_total.then(|| {
                let hint = if self.written_here {
                    write
                } else {
                    format!(
                        "{write}; i Excel: giv cellerne talformatet \"Tal\" i stedet for \
                         \"Regnskab\", og gem igen"
                    )
                };
                Problem::warning(
                    path,
                    format!(
                        "cellen \"{text}\" er et negativt tal i parentes, som regnskabsformatet \
                         skriver det{consequence}"
                    ),
                    Some(hint),
                )
            }),
            Kind::Marker(marker) => self.stops_total.then(|| {
                Problem::warning(
                    path,
                    format!("cellen \"{text}\" er et tal med notemærket \"{marker}\"{consequence}"),
                    Some(format!(
                        "{write}, og forklar tallet i tabellens noter (fx \"Tallet for 2015 er \
                         foreløbigt\"); svar kan ikke sætte et notemærke ved et tal, så skal \
                         mærket stå, må du selv kontrollere kolonnens total"
                    )),
                )
            }),
            Kind::Unit(unit) => self.stops_total.then(|| {
                let (sign, example) = match unit.as_str() {
                    "%" => ("et procenttegn".to_string(), "Andel (pct.)"),
                    "‰" => ("et promilletegn".to_string(), "Promille"),
                    unit => (format!("enheden \"{unit}\""), "Mio. kr."),
                };
                Problem::warning(
                    path,
                    format!("cellen \"{text}\" har {sign} efter tallet{consequence}"),
                    Some(format!(
                        "{write}, og skriv enheden i kolonnens overskrift, fx \"{example}\""
                    )),
                )
            }),
        }
    }

    /// What the cell then does: print as text, and, if so, keep the total from being checked.
    fn consequence(&self) -> &'static str {
        if self.stops_total {
            ", så den sættes som tekst og tælles ikke med, og totalen i kolonnen kontrolleres \
             derfor ikke"
        } else {
            ", så den sættes som tekst"
        }
    }

    /// The figure meant, as the clerk reads figures: as the spreadsheet writes it, or as svar
    /// prints one written in the answer file.
    fn meant(&self) -> String {
        if self.written_here {
            let figure = Figure::from_json(&self.near.plain).expect("a plain figure is JSON");
            crate::danish::number(&figure)
        } else {
            self.near.written.clone()
        }
    }

    /// How to mend a figure with `letter` typed for a digit: in a spreadsheet, type the digit
    /// (the whole figure is in the question before); in the answer file, write it as a figure.
    fn mend(&self, letter: char) -> String {
        match digit_for(letter).filter(|_| !self.written_here) {
            Some(digit) => format!("skriv cifret {digit} i stedet for bogstavet \"{letter}\""),
            None => self.how_to_write(),
        }
    }

    /// How to write the figure meant where the cell is: in the spreadsheet's own notation, or
    /// in the answer file as a JSON number, without the quotes that make it text.
    fn how_to_write(&self) -> String {
        if self.written_here {
            format!(
                "skriv {} uden anførselstegn, så cellen er et tal",
                self.near.plain
            )
        } else {
            format!("skriv {}", self.near.written)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(text: &str) -> Option<(Kind, String, String)> {
        near_figure(text).map(|near| (near.kind, near.written, near.plain))
    }

    #[test]
    fn a_letter_typed_for_a_digit_is_a_near_figure() {
        for (text, letter, written, plain) in [
            ("5.2O2,4", 'O', "5.202,4", "5202.4"),
            ("2.928,O", 'O', "2.928,0", "2928.0"),
            ("1.2O4,7", 'O', "1.204,7", "1204.7"),
            ("1o", 'o', "10", "10"),
            ("l.234", 'l', "1.234", "1234"),
            ("-3I,5", 'I', "-31,5", "-31.5"),
            ("12.5O", 'O', "12.50", "12.50"),
        ] {
            assert_eq!(
                near(text),
                Some((Kind::Letter(letter), written.into(), plain.into())),
                "{text}"
            );
        }
    }

    #[test]
    fn parentheses_percent_signs_and_units_make_near_figures() {
        for (text, kind, written, plain) in [
            ("(85,4)", Kind::Parenthesised, "-85,4", "-85.4"),
            ("( 1.234 )", Kind::Parenthesised, "-1.234", "-1234"),
            ("12,5%", Kind::Unit("%".into()), "12,5", "12.5"),
            ("-12,5 %", Kind::Unit("%".into()), "-12,5", "-12.5"),
            ("1.000,0 kr.", Kind::Unit("kr.".into()), "1.000,0", "1000.0"),
            ("3,2 mio. kr.", Kind::Unit("mio. kr.".into()), "3,2", "3.2"),
            ("12\u{a0}pct.", Kind::Unit("pct.".into()), "12", "12"),
            (" 7 DKK ", Kind::Unit("DKK".into()), "7", "7"),
        ] {
            assert_eq!(
                near(text),
                Some((kind, written.into(), plain.into())),
                "{text}"
            );
        }
    }

    #[test]
    fn note_markers_after_a_figure_make_near_figures() {
        for (text, marker, written, plain) in [
            ("1.234,5*", "*", "1.234,5", "1234.5"),
            ("12**", "**", "12", "12"),
            ("7 †", "†", "7", "7"),
            ("1.000¹", "¹", "1.000", "1000"),
            ("3²³", "²³", "3", "3"),
            ("12,4 a)", "a)", "12,4", "12.4"),
            ("12,4a)", "a)", "12,4", "12.4"),
            ("12,4 (1)", "(1)", "12,4", "12.4"),
            ("3 1)", "1)", "3", "3"),
        ] {
            assert_eq!(
                near(text),
                Some((Kind::Marker(marker.into()), written.into(), plain.into())),
                "{text}"
            );
        }
        for text in [
            "12)",
            "*",
            "a)",
            "ca. 12*",
            "12 sager*",
            "1.2.3¹",
            "12 (abc)",
        ] {
            assert_eq!(near(text), None, "{text}");
        }
    }

    #[test]
    fn figures_and_plain_text_are_no_near_figures() {
        for text in [
            "..",
            "-",
            "–",
            "ca. 12",
            "ca. 3, foreløbigt tal",
            "0045",
            "2009-2010",
            "+3",
            "e3",
            "12 sager",
            "3.478[^1]",
            "I",
            "II",
            "Ol",
            "10 l",
            "1O%",
            "(-85,4)",
            "(a)",
            "1 234 kr.",
            "12. kr.",
            "1234",
            "12,5",
            "kr. 100",
            "Uge 1",
            "",
        ] {
            assert_eq!(near(text), None, "{text}");
        }
    }
}
