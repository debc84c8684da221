//! The figures in a spreadsheet's cells, read strictly in the sheet's convention.
//!
//! A figure must never silently become another number: "1,234.5" in a Danish sheet is not
//! 1,2345, and "1.23" is not 123. So a cell is a figure only if it is written exactly the way
//! its convention writes figures; a cell that looks like a figure but is not written that way
//! is refused, and only a cell that is clearly text ("-", "..", "ca. 12") stays text. A
//! figure with more digits than svar can hold exactly is refused too, rather than rounded.

use super::records;
use crate::model::{Cell, Figure};
use crate::validate::precision::{self, Imprecision};

/// How a spreadsheet writes its figures, told by the separator between its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Convention {
    /// Danish Excel's CSV: cells separated by semicolons, figures written "1.234,5".
    Danish,
    /// International CSV: cells separated by commas, figures written "1234.5" or "1,234.5".
    International,
}

impl Convention {
    /// The convention of the CSV `text`: Danish if its first row has a semicolon between its
    /// cells, as Danish Excel writes them, international otherwise.
    ///
    /// One semicolon is enough, however many commas the row has: Danish headings are full of
    /// commas ("Udgifter, mio. kr., løbende priser;2023"), which Danish Excel writes as they
    /// stand, while an international sheet seldom has a semicolon in its first row, and then
    /// quotes it. Only separators between cells count: a header quoted across lines
    /// (`"Type\nsag";2009`) or holding a semicolon (`"Type; art",2009`) says nothing, nor does
    /// the row after an old Mac line break.
    pub(super) fn of(text: &str) -> Self {
        let semicolons = records::first(text, Self::Danish.separator())
            .map_or(0, |record| record.cells.len() - 1);
        if semicolons > 0 {
            Self::Danish
        } else {
            Self::International
        }
    }

    /// The name of the character between two cells, as messages name it.
    pub(super) fn separator_name(self) -> &'static str {
        match self {
            Self::Danish => "semikolon",
            Self::International => "komma",
        }
    }

    /// The character between two cells.
    pub(super) fn separator(self) -> char {
        match self {
            Self::Danish => ';',
            Self::International => ',',
        }
    }

    /// The character between groups of three digits.
    fn thousands(self) -> char {
        match self {
            Self::Danish => '.',
            Self::International => ',',
        }
    }

    /// The character before the decimals.
    fn decimal(self) -> char {
        match self {
            Self::Danish => ',',
            Self::International => '.',
        }
    }

    /// How to write a figure in this convention, for the clerk; `exponent` if the cell was
    /// written with one ("1e3"), `spaced` if with spaces between its digits ("1 000").
    pub(super) fn advice(self, exponent: bool, spaced: bool) -> String {
        let write = if exponent {
            "skriv tallet helt ud uden eksponent, fx"
        } else if spaced {
            "skriv tallet uden mellemrum, fx"
        } else {
            "skriv fx"
        };
        match self {
            Self::Danish => format!(
                "{write} 1.234,5 eller 1234,5: et regneark med semikolon mellem cellerne læses \
                 på dansk, med punktum mellem tusinder og komma før decimaler"
            ),
            Self::International => format!(
                "{write} 1234.5 eller \"1,234.5\": et regneark med komma mellem cellerne læses \
                 internationalt, med punktum før decimaler og evt. komma mellem tusinder"
            ),
        }
    }
}

/// What to do with a comma-separated sheet whose figures are written the Danish way ("12,5"
/// quoted): what Google Sheets, or LibreOffice, set to Danish writes, and which cannot save a
/// CSV with semicolons.
pub(super) const DANISH_BETWEEN_COMMAS: &str = "regnearket har komma mellem cellerne, men \
    tallene er skrevet på dansk (komma før decimaler): åbn det i dansk Excel, og gem det som \
    \"CSV UTF-8 (kommasepareret)\", der så får semikolon mellem cellerne; eller sæt \
    regnearkets landestandard til USA i Google Sheets (Fil > Indstillinger), og hent det igen";

/// Whether `written`, which the international convention of a comma-separated sheet cannot
/// read, is a figure written the Danish way ("12,5", "1.234,5").
pub(super) fn is_danish_between_commas(written: &str, convention: Convention) -> bool {
    convention == Convention::International && plain(written, Convention::Danish).is_some()
}

/// Why a cell that was meant as a figure cannot be read as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unreadable {
    /// It looks like a figure but is not written as one in its sheet's convention;
    /// `exponent` if it is written with one ("1e3"), `spaced` if with spaces between its
    /// digits ("1 000"), which need advice of their own.
    Malformed { exponent: bool, spaced: bool },
    /// It is written as a figure, but svar cannot hold it exactly.
    Imprecise(Imprecision),
}

/// The table cell the spreadsheet cell `written` holds: a figure if it is written as one in
/// `convention`, text if it is clearly text.
pub(super) fn cell(written: &str, convention: Convention) -> Result<Cell, Unreadable> {
    if let Some(plain) = plain(written, convention) {
        if let Some(imprecision) = precision::of_written(&plain) {
            return Err(Unreadable::Imprecise(imprecision));
        }
        let figure = Figure::from_json(&plain).expect("a plain figure is a JSON number");
        return Ok(Cell::Number(figure));
    }
    // Excel drops the leading zeros of a number, so a cell that keeps them ("0045") was
    // written as text on purpose: a code, such as a postal number.
    let code = written.len() > 1 && is_digits(written);
    // Digits grouped by spaces ("1 000", also with the no-break spaces Word and Excel may
    // write) are refused rather than read as 1000: svar's Danish convention is Danish Excel's,
    // which groups thousands with points, and a figure is read only as written so, never
    // guessed at. A space between digits may as well be two figures run together, or a
    // decimal comma lost ("12 5"). Taken as text, the cell would silently leave its column
    // out of the total check; refused, it costs the clerk one edit, which the tip tells.
    let spaced = without_digit_spaces(written);
    let figure_like = match &spaced {
        Some(compact) => looks_like_a_figure(compact),
        None => looks_like_a_figure(written),
    };
    if figure_like && !code {
        return Err(Unreadable::Malformed {
            exponent: written.contains(['e', 'E']),
            spaced: spaced.is_some(),
        });
    }
    Ok(Cell::Text(written.to_string()))
}

/// The spaces that may group a figure's digits: the space, the no-break space (U+00A0) and
/// the narrow no-break and thin spaces (U+202F, U+2009) that Danish Excel and Word write.
const DIGIT_SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// `written` without its spaces, if it has spaces and every one of them stands between two
/// digits ("1 000"); `None` otherwise ("12,5 %", "ca. 12", "1234").
fn without_digit_spaces(written: &str) -> Option<String> {
    let chars: Vec<char> = written.chars().collect();
    let mut any = false;
    for (index, &c) in chars.iter().enumerate() {
        if DIGIT_SPACES.contains(&c) {
            let digit_at = |at: Option<usize>| {
                at.and_then(|at| chars.get(at))
                    .is_some_and(|c| c.is_ascii_digit())
            };
            if !digit_at(index.checked_sub(1)) || !digit_at(Some(index + 1)) {
                return None;
            }
            any = true;
        }
    }
    any.then(|| {
        chars
            .into_iter()
            .filter(|c| !DIGIT_SPACES.contains(c))
            .collect()
    })
}

/// The figure `written` in `convention` as JSON writes it ("-1234.5"): an optional minus, the
/// whole part as plain digits or in groups of three after a group of one to three, and
/// optional decimals.
fn plain(written: &str, convention: Convention) -> Option<String> {
    let (sign, unsigned) = match without_minus(written) {
        Some(unsigned) => ("-", unsigned),
        None => ("", written),
    };
    let (whole, fraction) = match unsigned.split_once(convention.decimal()) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let mut plain = format!("{sign}{}", whole_digits(whole, convention.thousands())?);
    if let Some(fraction) = fraction {
        if !is_digits(fraction) {
            return None;
        }
        plain.push('.');
        plain.push_str(fraction);
    }
    Some(plain)
}

/// The figure `written` as JSON writes it ("-1234.5"), if it is written as one in either
/// convention, the Danish first ("1.234" is 1234), as a Danish clerk writes figures: what a
/// text cell that is almost a figure would be once mended, wherever it was written (see
/// `validate::near_figures`).
pub(crate) fn plain_in_either(written: &str) -> Option<String> {
    plain(written, Convention::Danish).or_else(|| plain(written, Convention::International))
}

/// `written` after its minus, if it starts with one: the hyphen-minus a keyboard types, or the
/// minus sign U+2212 that Danish publications print (and svar prints) before a negative
/// figure, which a figure copied from one of them keeps.
fn without_minus(written: &str) -> Option<&str> {
    written
        .strip_prefix('-')
        .or_else(|| written.strip_prefix('\u{2212}'))
}

/// The digits of the whole part `whole`, plain ("1234") or grouped ("1.234"); `None` if it is
/// neither, or starts with a superfluous zero ("0.123" is no grouping, "007" no figure).
fn whole_digits(whole: &str, thousands: char) -> Option<String> {
    let mut groups = whole.split(thousands);
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let grouped = rest.is_empty()
        || (first.len() <= 3
            && rest
                .iter()
                .all(|group| group.len() == 3 && is_digits(group)));
    let digits: String = std::iter::once(first).chain(rest).collect();
    let leading_zero = digits.len() > 1 && digits.starts_with('0');
    (is_digits(first) && grouped && !leading_zero).then_some(digits)
}

/// Whether `written` is made of what figures are made of (digits, points and commas, perhaps
/// a minus and an exponent), so that it was meant as a figure rather than as text.
fn looks_like_a_figure(written: &str) -> bool {
    let unsigned = without_minus(written).unwrap_or(written);
    let mantissa = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => {
            if !is_digits(exponent.strip_prefix(['+', '-']).unwrap_or(exponent)) {
                return false;
            }
            mantissa
        }
        None => unsigned,
    };
    mantissa.chars().any(|c| c.is_ascii_digit())
        && mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// Whether `text` is one or more ASCII digits.
fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::Convention::{Danish, International};
    use super::*;

    fn number(written: &str) -> Cell {
        Cell::Number(Figure::from_json(written).unwrap())
    }

    fn text(written: &str) -> Cell {
        Cell::Text(written.to_string())
    }

    const REFUSED: Result<Cell, Unreadable> = Err(Unreadable::Malformed {
        exponent: false,
        spaced: false,
    });

    #[test]
    fn danish_figures_are_read_the_danish_way() {
        for (written, plain) in [
            ("3.478", "3478"),
            ("12,4", "12.4"),
            ("1.246,5", "1246.5"),
            ("1234,5", "1234.5"),
            ("-1.234.567", "-1234567"),
            ("\u{2212}1.234,5", "-1234.5"),
            ("0,5", "0.5"),
            ("0", "0"),
            ("12,50", "12.50"),
        ] {
            assert_eq!(cell(written, Danish), Ok(number(plain)), "{written}");
        }
    }

    #[test]
    fn international_figures_are_read_the_international_way() {
        for (written, plain) in [
            ("3478", "3478"),
            ("12.4", "12.4"),
            ("1,234.5", "1234.5"),
            ("-1,234,567", "-1234567"),
            ("\u{2212}5", "-5"),
        ] {
            assert_eq!(cell(written, International), Ok(number(plain)), "{written}");
        }
    }

    #[test]
    fn a_figure_written_in_no_convention_is_refused_rather_than_changed() {
        for written in [
            "1,234.5", "1.23", "1.2.3", "1234.567", "0.123", ",5", "5,", "1.", "00,5",
        ] {
            assert_eq!(cell(written, Danish), REFUSED, "{written}");
        }
        for written in ["1.234,5", "1,23", "1.2.3", "1234,567", "\u{2212}1,23"] {
            assert_eq!(cell(written, International), REFUSED, "{written}");
        }
    }

    #[test]
    fn a_figure_with_more_digits_than_svar_holds_is_refused_rather_than_rounded() {
        for (written, imprecision) in [
            ("0,10000000000000001", Imprecision::TooManyDigits),
            ("2,00000000000000001", Imprecision::TooManyDigits),
            ("9.007.199.254.740.993", Imprecision::TooLarge),
        ] {
            assert_eq!(
                cell(written, Danish),
                Err(Unreadable::Imprecise(imprecision)),
                "{written}"
            );
        }
        assert_eq!(
            cell("0,123456789012345", Danish),
            Ok(number("0.123456789012345"))
        );
    }

    #[test]
    fn exponents_are_refused_in_both_conventions() {
        for written in ["1e3", "1,5E-7", "-2E+4"] {
            for convention in [Danish, International] {
                assert_eq!(
                    cell(written, convention),
                    Err(Unreadable::Malformed {
                        exponent: true,
                        spaced: false
                    }),
                    "{written}"
                );
            }
        }
    }

    #[test]
    fn text_stays_text() {
        for written in [
            "-",
            "..",
            "",
            "ca. 12",
            "12,5 %",
            "+3",
            "2009-2010",
            "e3",
            "0045",
            "007",
            "1 234 kr.",
            "12 %",
            " ",
        ] {
            assert_eq!(cell(written, Danish), Ok(text(written)), "{written}");
        }
    }

    #[test]
    fn digits_grouped_by_spaces_are_refused_rather_than_taken_as_text() {
        let spaced = Err(Unreadable::Malformed {
            exponent: false,
            spaced: true,
        });
        for written in [
            "1 000",
            "1\u{a0}000",
            "1\u{202f}000",
            "-12 345,5",
            "\u{2212}1 000",
            "2009 2010",
        ] {
            assert_eq!(cell(written, Danish), spaced, "{written}");
        }
        assert_eq!(cell("1 234.5", International), spaced);
    }

    #[test]
    fn the_separator_tells_the_convention() {
        assert_eq!(Convention::of("Type;2009\nA;1,5"), Danish);
        assert_eq!(Convention::of("Type,2009\nA,\"1;5\""), International);
        assert_eq!(Convention::of("Beløb, kr.;2009;2010\n"), Danish);
        // One semicolon makes a Danish sheet, however many commas its headings hold.
        assert_eq!(Convention::of("Type; art,2009,2010\n"), Danish);
        assert_eq!(
            Convention::of("Udgifter, mio. kr., løbende priser;2023\nPolitiet;1.234,5\n"),
            Danish
        );
        assert_eq!(
            Convention::of("Område, mio. kr.;2021, foreløbig;2022, endelig\n"),
            Danish
        );
        assert_eq!(Convention::of("Type,2009,2010\n"), International);
        assert_eq!(Convention::of("Type\t2009\n"), International);
    }

    #[test]
    fn only_separators_between_the_first_rows_cells_tell_the_convention() {
        assert_eq!(
            Convention::of("\"Type\nsag\";2009;2010\nA;1.234;2\n"),
            Danish
        );
        assert_eq!(
            Convention::of("\"Type; art\",2009,2010\nA,\"1,234\",2\n"),
            International
        );
        assert_eq!(
            Convention::of("Type,2009\rA,1\rNote; se bilag,2\r"),
            International
        );
        assert_eq!(Convention::of("\n;;\nType;2009\n"), Danish);
    }
}
