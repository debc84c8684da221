//! Whether a figure prints, and adds up, as written.
//!
//! Figures are held as binary floating point (an f64, as JSON readers do), which has room for
//! about 16 significant digits and counts whole numbers exactly only up to 2⁵³. A figure
//! written with more is silently changed: `0.10000000000000001` prints as 0,1, and
//! `9007199254740993` as 9.007.199.254.740.992. Answer files and spreadsheets are judged here
//! the same way, so neither lets a figure become another number.

use super::Problem;
use crate::json_path::JsonPath;
use crate::model::Figure;

/// The first whole number an f64 cannot tell from its neighbour: 2⁵³. Sums of figures this
/// large lose units, so the total check could not be trusted.
const LIMIT: f64 = 9_007_199_254_740_992.0;

/// Why a figure would not print as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Imprecision {
    /// It is 2⁵³ or more (or beyond any f64), so its last digits are lost.
    TooLarge,
    /// It is small enough, but has more significant digits than an f64 holds.
    TooManyDigits,
}

impl Imprecision {
    /// What is wrong, after "tallet" (the figure) or the figure as written.
    pub(crate) fn problem(self) -> &'static str {
        match self {
            Self::TooLarge => "er for stort til at blive sat præcist",
            Self::TooManyDigits => "har for mange cifre til at blive sat præcist",
        }
    }

    /// What to do, wherever the figure is written.
    pub(crate) fn advice(self) -> &'static str {
        match self {
            Self::TooLarge => "skriv tal under 9.007.199.254.740.992",
            Self::TooManyDigits => "rund tallet af til højst 15 betydende cifre",
        }
    }

    /// The finding about a figure in an answer file at `path`, which may also be written as
    /// text to print it exactly as it stands.
    pub(crate) fn in_answer(self, path: JsonPath) -> Problem {
        Problem::error(
            path,
            format!("tallet {}", self.problem()),
            Some(format!("{}, eller skriv tallet som tekst", self.advice())),
        )
    }
}

/// Why the table figure `figure` would not print as written.
pub(crate) fn of_figure(figure: &Figure) -> Option<Imprecision> {
    of_written(figure.numeral())
}

/// Why the figure written `numeral` (JSON's way: "-1234.5", "1.5e-7") would not print as
/// written. It prints as the shortest numeral that reads back to the same f64, so it is exact
/// if that numeral has the same value as the one written.
pub(crate) fn of_written(numeral: &str) -> Option<Imprecision> {
    let value: f64 = numeral.parse().ok()?;
    if value.abs() >= LIMIT {
        return Some(Imprecision::TooLarge);
    }
    let printed = format!("{value:e}");
    (decimal(numeral) != decimal(&printed)).then_some(Imprecision::TooManyDigits)
}

/// The value of the numeral `numeral` ("-12.50e3") in one form for each value: whether it is
/// negative, its significant digits and the power of ten of the last one, `(true, "125", 2)`.
/// Zero is `(false, "", 0)` however written; `None` if the exponent is beyond counting.
fn decimal(numeral: &str) -> Option<(bool, String, i64)> {
    let (negative, unsigned) = match numeral.strip_prefix('-') {
        Some(unsigned) => (true, unsigned),
        None => (false, numeral),
    };
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i64>().ok()?),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    let significant = digits.trim_start_matches('0').trim_end_matches('0');
    if significant.is_empty() {
        return Some((false, String::new(), 0));
    }
    let trailing_zeros = digits.len() - digits.trim_end_matches('0').len();
    // A written exponent can be as large as an i64 holds; beyond that it is past counting.
    let last = exponent
        .checked_sub(i64::try_from(fraction.len()).ok()?)?
        .checked_add(i64::try_from(trailing_zeros).ok()?)?;
    Some((negative, significant.to_string(), last))
}

#[cfg(test)]
mod tests {
    use super::Imprecision::{TooLarge, TooManyDigits};
    use super::*;

    #[test]
    fn figures_an_f64_holds_are_exact_however_written() {
        for numeral in [
            "0",
            "-0",
            "0.0",
            "12.50",
            "-1234.5",
            "0.1",
            "1.5e-7",
            "15E3",
            "123456789012345",
            "0.123456789012345",
            "9007199254740991",
            "33.3",
        ] {
            assert_eq!(of_written(numeral), None, "{numeral}");
        }
    }

    #[test]
    fn digits_an_f64_does_not_hold_are_found() {
        for numeral in [
            "0.10000000000000001",
            "2.00000000000000001",
            "-2.00000000000000001",
            "1234567890.1234567891",
        ] {
            assert_eq!(of_written(numeral), Some(TooManyDigits), "{numeral}");
        }
    }

    #[test]
    fn figures_from_two_to_the_fifty_third_are_too_large() {
        for numeral in ["9007199254740992", "9007199254740993", "1e22", "-1e400"] {
            assert_eq!(of_written(numeral), Some(TooLarge), "{numeral}");
        }
        let read = |numeral: &str| of_figure(&Figure::from_json(numeral).unwrap());
        assert_eq!(read("9007199254740993"), Some(TooLarge));
        assert_eq!(read("9007199254740991"), None);
    }

    #[test]
    fn numerals_of_one_value_have_one_form() {
        assert_eq!(decimal("12.50e1"), decimal("125"));
        assert_eq!(decimal("1.25e2"), Some((false, "125".into(), 0)));
        assert_eq!(decimal("-0.0120"), Some((true, "12".into(), -3)));
        assert_eq!(decimal("-0"), decimal("0e5"));
        // Exponents at the ends of what an i64 holds are past counting, not an overflow.
        assert_eq!(decimal("1.5e-9223372036854775808"), None);
        assert_eq!(decimal("10e9223372036854775807"), None);
    }
}
