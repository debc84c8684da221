//! Danish typography for dates and numbers, done in Rust because Typst has neither Danish month
//! names nor Danish number separators, and because output must not depend on the machine's locale.

use chrono::{Datelike, NaiveDate};

use crate::model::Figure;

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// Formats a date as Danish running text: "12. juni 2019".
pub fn date(date: NaiveDate) -> String {
    format!(
        "{}. {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// A count with its noun in the right number: `count(1, "side", "sider")` is "1 side",
/// `count(4, "side", "sider")` "4 sider".
pub fn count(count: usize, singular: &str, plural: &str) -> String {
    let noun = if count == 1 { singular } else { plural };
    format!("{count} {noun}")
}

/// Names joined the Danish way, for running text: "a, b og c".
pub fn and_list(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} og {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

/// Formats a figure with Danish separators and the decimals it was written with: "3.478",
/// "12,40", "−1.250,5".
pub fn number(figure: &Figure) -> String {
    let plain = figure.plain();
    let written = plain.as_ref();
    let (negative, unsigned) = match written.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, written),
    };
    let (integer, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    // "−0" is not a figure anyone writes.
    let negative = negative
        && unsigned
            .bytes()
            .any(|digit| digit.is_ascii_digit() && digit != b'0');
    let mut out = String::with_capacity(written.len() + written.len() / 3 + 2);
    if negative {
        out.push('\u{2212}');
    }
    out.push_str(&group_thousands(integer));
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// Inserts a point between every group of three digits, counted from the right.
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> String {
        number(&Figure::from_json(text).unwrap())
    }

    #[test]
    fn dates_use_danish_month_names() {
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2019, 6, 12).unwrap()),
            "12. juni 2019"
        );
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2011, 4, 7).unwrap()),
            "7. april 2011"
        );
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2023, 3, 1).unwrap()),
            "1. marts 2023"
        );
    }

    #[test]
    fn integers_get_thousands_points() {
        assert_eq!(num("0"), "0");
        assert_eq!(num("999"), "999");
        assert_eq!(num("3478"), "3.478");
        assert_eq!(num("2325750"), "2.325.750");
        assert_eq!(num("-1250"), "\u{2212}1.250");
    }

    #[test]
    fn decimals_get_a_comma() {
        assert_eq!(num("12.4"), "12,4");
        assert_eq!(num("1234.56"), "1.234,56");
        assert_eq!(num("-0.5"), "\u{2212}0,5");
        assert_eq!(num("-0"), "0");
        assert_eq!(num("-0.0"), "0,0");
    }

    #[test]
    fn decimals_print_as_written() {
        assert_eq!(num("12.40"), "12,40");
        assert_eq!(num("1.00"), "1,00");
        assert_eq!(num("1234.0"), "1.234,0");
        assert_eq!(num("0.050"), "0,050");
    }

    #[test]
    fn exponents_are_written_out() {
        assert_eq!(num("1e6"), "1.000.000");
        assert_eq!(num("1.5E-7"), "0,00000015");
        assert_eq!(num("-2.50e1"), "\u{2212}25");
    }
}
