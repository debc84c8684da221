//! Danish typography for dates and numbers, done in Rust because Typst has neither Danish month
//! names nor Danish number separators, and because output must not depend on the machine's locale.

use std::borrow::Cow;
use std::ops::Range;

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

/// The date a clerk wrote in a form of their own ("12. juli 2018", "12/7 2018", "20-03-2025",
/// "12.07.2018", "2025-3-20"), day before month as Danish writes it, so a message can say what
/// to write instead; `None` for anything else, or a day that does not exist.
pub fn written_date(text: &str) -> Option<NaiveDate> {
    let lower = text.trim().to_lowercase();
    let parts: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | '-' | '/' | ','))
        .filter(|part| !part.is_empty())
        .collect();
    let [first, second, third] = parts[..] else {
        return None;
    };
    let number = |part: &str| part.parse::<u32>().ok();
    let month = |part: &str| {
        number(part).or_else(|| {
            // A month's name, or its first three letters ("jul", "okt").
            let index = MONTHS
                .iter()
                .position(|month| part.len() >= 3 && month.starts_with(part))?;
            Some(index as u32 + 1)
        })
    };
    let (year, month, day) = if first.len() == 4 {
        (number(first)?, month(second)?, number(third)?)
    } else {
        (number(third)?, month(second)?, number(first)?)
    };
    (year >= 1000).then_some(())?;
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

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

/// A time taken, as a clerk reads it at a glance: "86 ms" under a second, else seconds with
/// one decimal and a decimal comma, "33,9 s".
pub fn duration(taken: std::time::Duration) -> String {
    let milliseconds = taken.as_millis();
    if milliseconds < 1000 {
        return format!("{milliseconds} ms");
    }
    let tenths = (milliseconds + 50) / 100;
    format!("{},{} s", tenths / 10, tenths % 10)
}

/// The ordinals a reader writes out in running text.
const ORDINALS: [&str; 10] = [
    "første", "anden", "tredje", "fjerde", "femte", "sjette", "syvende", "ottende", "niende",
    "tiende",
];

/// An ordinal as Danish running text writes it: "første", "anden" … "tiende", then "11.".
pub fn ordinal(number: usize) -> String {
    match number.checked_sub(1).and_then(|index| ORDINALS.get(index)) {
        Some(word) => (*word).to_string(),
        None => format!("{number}."),
    }
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

/// What `figure` lacks to end where a figure with `decimals` decimals does, set invisibly after
/// it so that a column's figures stand aligned on their comma: ",00" after "100", "0" after
/// "0,5" for two decimals; nothing for a figure with as many.
pub fn missing_decimals(figure: &Figure, decimals: usize) -> String {
    match figure.decimals() {
        written if written >= decimals => String::new(),
        0 => format!(",{}", "0".repeat(decimals)),
        written => "0".repeat(decimals - written),
    }
}

/// A whole number with Danish thousands points: "2.000", "1.000.000".
pub fn whole_number(number: u64) -> String {
    group_thousands(&number.to_string())
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

/// A no-break space, between words a line must not separate.
pub const NO_BREAK_SPACE: &str = "\u{a0}";

/// Words a number follows and must not be parted from: "§ 216", "stk. 1", "nr. 2", "bilag 1".
const BEFORE_NUMBER: [&str; 11] = [
    "§", "§§", "stk.", "nr.", "pkt.", "kl.", "bilag", "kap.", "art.", "side", "s.",
];

/// An amount's currency or "about" written before its figure, which must not be parted from
/// it: "kr. 100", "DKK 1.500", "ca. 300". Only before the figure itself: "5 mio. kr. (3 %)"
/// may break before the bracket.
const BEFORE_AMOUNT: [&str; 4] = ["kr.", "DKK", "EUR", "ca."];

/// Words an ordinal names the place of, and which must not be parted from it: Folketinget's
/// "2. samling" and "3. behandling", and a legal reference's "1. pkt." and "2. led". Only
/// these: "40. gang" or "3. spørgsmål" may break as any two words.
const AFTER_ORDINAL: [&str; 5] = ["samling", "behandling", "pkt.", "punktum", "led"];

/// The letters of the Folketing's document numbers: "S 960" (a § 20 question), "L 58" (a
/// bill), "B 12", "F 3", "V 2", "R 4".
const DOCUMENT_LETTERS: [&str; 6] = ["S", "L", "B", "F", "V", "R"];

/// Words that follow a number and must not be parted from it: "12 pct.", "12 procent",
/// "5 mio. kr.", "40 km/t", "3 m²". Units only: "12 sager" may break as any two words.
const AFTER_NUMBER: [&str; 40] = [
    "pct.",
    "pct",
    "pct.-point",
    "procent",
    "procentpoint",
    "procentpoints",
    "promille",
    "million",
    "millioner",
    "milliard",
    "milliarder",
    "%",
    "‰",
    "kr.",
    "kr",
    "mio.",
    "mio",
    "mia.",
    "mia",
    "DKK",
    "EUR",
    "€",
    "km",
    "km/t",
    "km²",
    "m",
    "m²",
    "m³",
    "cm",
    "mm",
    "kg",
    "g",
    "ton",
    "ha",
    "l",
    "°C",
    "kWh",
    "MWh",
    "GWh",
    "MW",
];

/// `text` with no-break spaces where Danish typography keeps words on one line: after "§",
/// "stk.", "nr.", "pkt.", "kl." and "bilag" before a number, after "kr." and "ca." before
/// one ("kr. 100", "ca. 300"), in document numbers ("S 960", "L 58"), in dates ("12. juni
/// 2019"), before "pct." and "kr." after a number, in "mio. kr.", and after an ordinal in
/// "2. samling", "3. behandling", "1. pkt." and "2. led".
/// A clerk rarely types the no-break spaces Word would need; the page must not break a legal
/// reference or a date over two lines all the same.
pub fn keep_together(text: &str) -> Cow<'_, str> {
    let spaces = bound_spaces(text);
    if spaces.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut kept = String::with_capacity(text.len() + spaces.len());
    let mut from = 0;
    for at in spaces {
        kept.push_str(&text[from..at]);
        kept.push_str(NO_BREAK_SPACE);
        from = at + 1;
    }
    kept.push_str(&text[from..]);
    Cow::Owned(kept)
}

/// Where in `text` (byte offsets, in order) stand the spaces [`keep_together`] makes no-break
/// ones: a comparison of answers counts a no-break space typed there as no change, since it
/// prints the same.
pub fn bound_spaces(text: &str) -> Vec<usize> {
    text.match_indices(' ')
        .map(|(at, _)| at)
        .filter(|&at| binds(word_before(text, at), word_after(text, at)))
        .collect()
}

/// Whether a figure as written looks like a whole number with a Danish thousands point: one to
/// three digits, a point and exactly three more ("1.234", "-12.500").
pub fn is_thousands_point(written: &str) -> bool {
    let unsigned = written.strip_prefix('-').unwrap_or(written);
    unsigned.split_once('.').is_some_and(|(whole, fraction)| {
        (1..=3).contains(&whole.len())
            && !whole.starts_with('0')
            && fraction.len() == 3
            && whole
                .bytes()
                .chain(fraction.bytes())
                .all(|byte| byte.is_ascii_digit())
    })
}

/// "Folketingets Retsudvalg" → "Retsudvalget", "Folketingets Udvalg for Forretningsordenen" →
/// "Udvalget for Forretningsordenen": the committee as addressed on an envelope.
pub fn definite_committee(name: &str) -> String {
    let name = name.trim();
    let bare = name.strip_prefix("Folketingets ").unwrap_or(name);
    if let Some(rest) = bare.strip_prefix("Udvalg ") {
        format!("Udvalget {rest}")
    } else if bare.ends_with("udvalg") || bare.ends_with("Udvalg") {
        format!("{bare}et")
    } else {
        bare.to_string()
    }
}

/// Whether a column's title names a unit whose figures often have three decimals ("Promille",
/// "Mio. kr.", "Andel (pct.)"), where "1.491" is a decimal as written.
pub fn names_a_fractional_unit(title: &str) -> bool {
    let title = title.to_lowercase();
    [
        "promille",
        "‰",
        "mio",
        "mia",
        "pct",
        "procent",
        "%",
        "andel",
        "gennemsnit",
        "gns",
    ]
    .iter()
    .any(|unit| title.contains(unit))
}

/// The minister's title in running text made from the ministry's name: "justitsministeren"
/// for "Justitsministeriet", "udlændinge- og integrationsministeren" for "Udlændinge- og
/// Integrationsministeriet"; none for a name that does not end so.
pub fn minister_title(ministry: &str) -> Option<String> {
    let field = ministry.trim().strip_suffix("ministeriet")?;
    (!field.is_empty()).then(|| format!("{}ministeren", field.to_lowercase()))
}

/// Whether a column's title says it counts ("Antal", "Antal sager"): its figures are whole
/// numbers, so one written with three decimals ("1.234") is a thousands point for certain,
/// not a fraction. Not a title that names a rate, an average, a share or a unit of thousands
/// ("Antal pr. 1.000 indbyggere", "Gns. antal dage"), whose figures may have decimals.
pub fn names_a_count(title: &str) -> bool {
    let title = title.to_lowercase();
    title
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word.starts_with("antal"))
        && !names_a_fractional_unit(&title)
        && !["pr.", "pr ", "per ", "1.000", "tusind", "indeks"]
            .iter()
            .any(|rate| title.contains(rate))
}

/// A column whose figures, as written, all look like [`is_thousands_point`] ("1.491",
/// "1.649"), under a heading that names no unit of such figures: whole numbers from 1.000 up
/// as a clerk, or a spreadsheet program set to Danish, writes them, which read as decimals
/// where a point is the decimal sign, its total too, so that no sum catches them. Its first
/// figures as a message quotes them three ways.
pub struct MisreadColumn {
    /// As written: "1.491, 1.649 …".
    pub written: String,
    /// As they are read and print: "1,491, 1,649 …".
    pub printed: String,
    /// As the clerk most likely meant them: "1491, 1649 …".
    pub meant: String,
}

/// The column of `title` whose figures are `written`, if it is a [`MisreadColumn`].
pub fn misread_thousands_column(title: &str, written: &[&str]) -> Option<MisreadColumn> {
    let misread = !written.is_empty()
        && written.iter().all(|figure| is_thousands_point(figure))
        && !names_a_fractional_unit(title);
    let quoted = |show: fn(&str) -> String| {
        let shown: Vec<String> = written.iter().take(2).map(|figure| show(figure)).collect();
        let more = if written.len() > 2 { " …" } else { "" };
        format!("{}{more}", shown.join(", "))
    };
    misread.then(|| MisreadColumn {
        written: quoted(str::to_string),
        printed: quoted(|figure| figure.replace('.', ",")),
        meant: quoted(|figure| figure.replace('.', "")),
    })
}

/// Which text of a redline a run of it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Kept text, in the old and the new answer alike.
    Both,
    /// Deleted text, in the old answer only.
    Old,
    /// Inserted text, in the new answer only.
    New,
}

/// A run of a redline as it prints: its text with no-break spaces, and where in it stand the
/// months of dates, which are not hyphenated ([`months_in_dates`]).
#[derive(Debug, PartialEq)]
pub struct KeptRun {
    /// The text, with no-break spaces.
    pub text: String,
    /// The months of dates in `text`.
    pub months: Vec<Range<usize>>,
}

/// Runs printed one after another (a redline's kept, deleted and inserted text), each with the
/// no-break spaces [`keep_together`] gives the text it belongs to: deleted runs as the old text
/// reads, inserted runs as the new one, kept runs as either. So "§ " kept and "216" inserted
/// stay on one line, and so do "20. " kept, "november" inserted in place of "september" and
/// " 2026" kept, whose month is not hyphenated either.
pub fn keep_runs_together(runs: &[(Side, &str)]) -> Vec<KeptRun> {
    let mut kept: Vec<Vec<char>> = runs
        .iter()
        .map(|(_, text)| text.chars().collect())
        .collect();
    let mut months: Vec<Vec<Range<usize>>> = vec![Vec::new(); runs.len()];
    for side in [Side::Old, Side::New] {
        let members: Vec<usize> = (0..runs.len())
            .filter(|&run| matches!(runs[run].0, Side::Both) || runs[run].0 == side)
            .collect();
        let whole: String = members.iter().map(|&run| runs[run].1).collect();
        // keep_together puts a no-break space for a space, character for character, so the
        // whole splits back at the same characters.
        let joined_text = keep_together(&whole);
        let joined: Vec<char> = joined_text.chars().collect();
        let month_chars = in_characters(&joined, months_in_dates(&joined_text));
        let mut start = 0;
        for &run in &members {
            let length = kept[run].len();
            for (at, c) in joined[start..start + length].iter().enumerate() {
                if *c == '\u{a0}' {
                    kept[run][at] = *c;
                }
            }
            for month in &month_chars {
                let (from, to) = (month.start.max(start), month.end.min(start + length));
                if from >= to {
                    continue;
                }
                let local = from - start..to - start;
                if !months[run].contains(&local) {
                    months[run].push(local);
                }
            }
            start += length;
        }
    }
    kept.into_iter()
        .zip(months)
        .map(|(characters, months)| in_bytes(characters, months))
        .collect()
}

/// Byte ranges of the text of `characters` as ranges of characters.
fn in_characters(characters: &[char], ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    // The byte at which each character starts, and the end.
    let mut starts = Vec::with_capacity(characters.len() + 1);
    let mut byte = 0;
    for c in characters {
        starts.push(byte);
        byte += c.len_utf8();
    }
    starts.push(byte);
    let character = |at: usize| starts.partition_point(|&start| start < at);
    ranges
        .into_iter()
        .map(|range| character(range.start)..character(range.end))
        .collect()
}

/// A run of `characters` with its months given as ranges of characters, in bytes.
fn in_bytes(characters: Vec<char>, mut months: Vec<Range<usize>>) -> KeptRun {
    months.sort_by_key(|month| month.start);
    let byte = |at: usize| characters[..at].iter().map(|c| c.len_utf8()).sum::<usize>();
    let months = months
        .into_iter()
        .map(|month| byte(month.start)..byte(month.end))
        .collect();
    KeptRun {
        text: characters.into_iter().collect(),
        months,
    }
}

/// Where the month of a date stands in `text` as [`keep_together`] joins it, "12.\u{a0}juni" or
/// "juni\u{a0}2019": the words a line must not separate must not be hyphenated either, and a
/// month is the one word of a date Typst would hyphenate ("20. okto-ber").
pub fn months_in_dates(text: &str) -> Vec<Range<usize>> {
    let mut months = Vec::new();
    for (at, space) in text.match_indices(NO_BREAK_SPACE) {
        let before = text[..at]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default();
        let after_at = at + space.len();
        let after = text[after_at..]
            .split(char::is_whitespace)
            .next()
            .unwrap_or_default();
        let Some(join) = date_join(before, after) else {
            continue;
        };
        // The month's word, where it starts, and its letters without the marks around them.
        let (word, from) = match join {
            DateJoin::MonthAfter => (after, after_at),
            DateJoin::MonthBefore => (before, at - before.len()),
        };
        let opened = word.trim_start_matches(OPENING);
        let letters = match join {
            DateJoin::MonthAfter => core_before_marks(opened),
            DateJoin::MonthBefore => opened.trim_end_matches(CLOSING),
        };
        let start = from + word.len() - opened.len();
        let month = start..start + letters.len();
        if months.last() != Some(&month) {
            months.push(month);
        }
    }
    months
}

/// The word that ends at the space at byte `at`.
fn word_before(text: &str, at: usize) -> &str {
    text[..at]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
}

/// The word that starts after the space at byte `at`.
fn word_after(text: &str, at: usize) -> &str {
    text[at + 1..]
        .split(char::is_whitespace)
        .next()
        .unwrap_or_default()
}

/// Whether the space between `left` and `right` must not break.
///
/// Called for every space of every printed text, so the cheap tests on the words' first and
/// last characters come first and the dearer ones run only where they can succeed.
fn binds(left: &str, right: &str) -> bool {
    let left = left.trim_start_matches(OPENING);
    let left_core = left.trim_end_matches(CLOSING);
    let amount = right.starts_with(|c: char| c.is_ascii_digit());
    let right = right.trim_start_matches(OPENING);
    if amount
        && BEFORE_AMOUNT
            .iter()
            .any(|word| word.eq_ignore_ascii_case(left))
    {
        return true;
    }
    if right.starts_with(|c: char| c.is_ascii_digit())
        && (DOCUMENT_LETTERS.contains(&left)
            || BEFORE_NUMBER
                .iter()
                .any(|word| word.eq_ignore_ascii_case(left)))
    {
        return true;
    }
    if left_core.ends_with(|c: char| c.is_ascii_digit()) {
        let unit = core_before_marks(right);
        if AFTER_NUMBER.contains(&unit) || AFTER_NUMBER.contains(&right.trim_end_matches(CLOSING)) {
            return true;
        }
    }
    (matches!(left_core, "mio" | "mia") && core_before_marks(right).starts_with("kr"))
        || (is_ordinal(left) && is_placed_by_ordinal(right))
        || date_join(left, right).is_some()
}

/// Which of two words a space parts, joined in a date, is the month.
enum DateJoin {
    /// "12." and "juni".
    MonthAfter,
    /// "juni" and "2019".
    MonthBefore,
}

/// Whether `left` and `right` are parts of a date ("12. juni", "juni 2019"), with the marks
/// around them (brackets, quotes, Markdown, punctuation after), and which of them is the month.
fn date_join(left: &str, right: &str) -> Option<DateJoin> {
    let left = left.trim_start_matches(OPENING);
    let right = || core_before_marks(right.trim_start_matches(OPENING));
    if is_day(left) && MONTHS.contains(&right()) {
        Some(DateJoin::MonthAfter)
    } else if MONTHS.contains(&left.trim_end_matches(CLOSING)) && is_year(right()) {
        Some(DateJoin::MonthBefore)
    } else {
        None
    }
}

/// Marks that may open a word without being part of it: brackets, quotes, Markdown emphasis.
const OPENING: [char; 8] = ['(', '[', '”', '"', '’', '\'', '*', '_'];

/// Marks that may close a word without being part of it: punctuation, brackets, quotes,
/// Markdown emphasis.
const CLOSING: [char; 14] = [
    ',', ';', ':', '.', '?', '!', ')', ']', '”', '"', '’', '\'', '*', '_',
];

/// `word` without what may follow it in a sentence: a Markdown link's address ("2026](…)"), a
/// footnote reference (`2026.[^1]`) and the marks of [`CLOSING`].
fn core_before_marks(word: &str) -> &str {
    let word = word.find("](").map_or(word, |at| &word[..at]);
    let word = word.rfind("[^").map_or(word, |at| &word[..at]);
    word.trim_end_matches(CLOSING)
}

/// Marks of [`CLOSING`] but the point, which "pkt." ends with.
const CLOSING_BUT_POINT: [char; 13] = [
    ',', ';', ':', '?', '!', ')', ']', '”', '"', '’', '\'', '*', '_',
];

/// Whether `word`, with the marks after it, is one of [`AFTER_ORDINAL`]: "samling)", "pkt.,",
/// "led.".
fn is_placed_by_ordinal(word: &str) -> bool {
    let word = word.trim_end_matches(CLOSING_BUT_POINT);
    AFTER_ORDINAL.contains(&word) || AFTER_ORDINAL.contains(&word.trim_end_matches(CLOSING))
}

/// Whether `word` is an ordinal written in figures: "2.", "12.".
fn is_ordinal(word: &str) -> bool {
    word.strip_suffix('.').is_some_and(|digits| {
        (1..=3).contains(&digits.len()) && digits.bytes().all(|d| d.is_ascii_digit())
    })
}

/// Whether `word` is a year as a date ends with: four digits, "2019".
fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|digit| digit.is_ascii_digit())
}

/// Whether `word` is a day of the month as Danish writes it before the month: "1." to "31.",
/// or a range of them, "20.-22." or "20.–22.".
fn is_day(word: &str) -> bool {
    if let Some((first, last)) = word.split_once(['-', '–']) {
        return is_day(first) && is_day(last);
    }
    word.strip_suffix('.')
        .filter(|day| (1..=2).contains(&day.len()))
        .and_then(|day| day.parse::<u32>().ok())
        .is_some_and(|day| (1..=31).contains(&day))
}

/// `text` with its first letter in lower case, so that a heading ("Spørgsmål nr. 12", "Bilag
/// 2") can be used inside a sentence ("svar på spørgsmål nr. 12", "flyttet til bilag 2").
pub(crate) fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `text` with its first letter in upper case, so that a phrase made for after a location
/// ("flyttet; var tidligere afsnit 3") can stand alone as a note.
pub(crate) fn uppercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_time_taken_is_in_milliseconds_under_a_second_else_in_seconds() {
        use std::time::Duration;
        let shown = |milliseconds| duration(Duration::from_millis(milliseconds));
        assert_eq!(shown(86), "86 ms");
        assert_eq!(shown(999), "999 ms");
        assert_eq!(shown(1000), "1,0 s");
        assert_eq!(shown(33884), "33,9 s");
        assert_eq!(shown(59_960), "60,0 s");
    }

    use super::*;

    #[test]
    fn a_column_of_a_fractional_unit_is_known_by_its_title() {
        for title in [
            "Promille",
            "Mio. kr.",
            "Andel (pct.)",
            "Gns. sagsbehandlingstid",
            "%",
        ] {
            assert!(names_a_fractional_unit(title), "{title}");
        }
        for title in ["Antal", "2018", "Beløb i kr.", "Sager"] {
            assert!(!names_a_fractional_unit(title), "{title}");
        }
    }

    #[test]
    fn a_date_written_the_danish_way_is_read_day_first() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        for (written, read) in [
            ("12. juli 2018", day(2018, 7, 12)),
            ("12 Juli 2018", day(2018, 7, 12)),
            ("3. okt. 2019", day(2019, 10, 3)),
            ("20-03-2025", day(2025, 3, 20)),
            ("12.07.2018", day(2018, 7, 12)),
            ("12/7 2018", day(2018, 7, 12)),
            ("12/7-2018", day(2018, 7, 12)),
            ("2025-3-20", day(2025, 3, 20)),
            ("31. juni 2019", None),
            ("12. juli", None),
            ("12-07-18", None),
            ("medio marts 2022", None),
            ("UDFYLD: svarets dato", None),
        ] {
            assert_eq!(written_date(written), read, "{written}");
        }
    }

    #[test]
    fn a_counting_column_is_known_by_its_title_and_a_rate_or_average_is_not_one() {
        for title in [
            "Antal",
            "Antal sager",
            "ANTAL ANMELDELSER",
            "Sager (antal)",
            "Antallet",
        ] {
            assert!(names_a_count(title), "{title}");
        }
        for title in [
            "Antal pr. 1.000 indbyggere",
            "Gns. antal dage",
            "Gennemsnitligt antal",
            "Antal (1.000 personer)",
            "Antal i tusinder",
            "Andel af antal sager (pct.)",
            "Sager",
            "2018",
            "Mange",
        ] {
            assert!(!names_a_count(title), "{title}");
        }
    }

    #[test]
    fn a_committee_is_addressed_in_the_definite_form_also_with_spaces_around_its_name() {
        for (name, addressed) in [
            ("Folketingets Retsudvalg", "Retsudvalget"),
            (
                "Folketingets Udlændinge- og Integrationsudvalg ",
                "Udlændinge- og Integrationsudvalget",
            ),
            (
                "Folketingets Udvalg for Forretningsordenen",
                "Udvalget for Forretningsordenen",
            ),
            ("Det Udenrigspolitiske Nævn", "Det Udenrigspolitiske Nævn"),
        ] {
            assert_eq!(definite_committee(name), addressed, "{name:?}");
        }
    }

    #[test]
    fn a_figure_lacks_the_decimals_others_in_its_column_have() {
        let missing = |written: &str, decimals| {
            missing_decimals(&Figure::from_json(written).unwrap(), decimals)
        };
        assert_eq!(missing("100", 2), ",00");
        assert_eq!(missing("0.5", 2), "0");
        assert_eq!(missing("12.40", 2), "");
        assert_eq!(missing("-3.1", 1), "");
        assert_eq!(missing("7", 0), "");
        assert_eq!(missing("1.5e3", 1), ",0", "written out as 1500");
    }

    fn num(text: &str) -> String {
        number(&Figure::from_json(text).unwrap())
    }

    #[test]
    fn ordinals_are_words_up_to_ten_then_figures() {
        assert_eq!(ordinal(1), "første");
        assert_eq!(ordinal(2), "anden");
        assert_eq!(ordinal(10), "tiende");
        assert_eq!(ordinal(11), "11.");
    }

    #[test]
    fn texts_printed_in_a_row_keep_together_across_their_ends() {
        let runs = [" og ", "12.", " juni"].map(|text| (Side::Both, text));
        let runs = [(Side::Both, "jf. § "), (Side::New, "216")]
            .into_iter()
            .chain(runs);
        let kept = keep_runs_together(&runs.collect::<Vec<_>>());
        let texts: Vec<String> = kept
            .iter()
            .map(|run| run.text.replace('\u{a0}', "~"))
            .collect();
        assert_eq!(texts, ["jf. §~", "216", " og ", "12.", "~juni"]);
        // After the no-break space, two bytes.
        assert_eq!(kept[4].months, [Range { start: 2, end: 6 }]);
    }

    #[test]
    fn a_month_changed_in_a_redline_stays_with_its_day_and_year_and_unhyphenated() {
        // "den 20. september 2026" became "den 20. november 2026": the deleted and inserted
        // months stand between the kept day and year.
        let runs = [
            (Side::Both, "den 20. "),
            (Side::Old, "september"),
            (Side::New, "november"),
            (Side::Both, " 2026 og"),
        ];
        let kept = keep_runs_together(&runs);
        let texts: Vec<String> = kept
            .iter()
            .map(|run| run.text.replace('\u{a0}', "~"))
            .collect();
        assert_eq!(texts, ["den 20.~", "september", "november", "~2026 og"]);
        let months: Vec<Vec<(usize, usize)>> = (kept.iter())
            .map(|run| {
                run.months
                    .iter()
                    .map(|month| (month.start, month.end))
                    .collect()
            })
            .collect();
        assert_eq!(months, [vec![], vec![(0, 9)], vec![(0, 8)], vec![]]);
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

    #[test]
    fn legal_references_dates_and_document_numbers_keep_together() {
        let kept = |text| keep_together(text).replace('\u{a0}', "~");
        assert_eq!(kept("jf. § 216, stk. 1, nr. 2"), "jf. §~216, stk.~1, nr.~2");
        assert_eq!(kept("(§§ 216-218) og Stk. 3"), "(§§~216-218) og Stk.~3");
        assert_eq!(
            kept("den 12. juni 2019, kl. 10"),
            "den 12.~juni~2019, kl.~10"
        );
        assert_eq!(kept("til 1. januar."), "til 1.~januar.");
        assert_eq!(kept("i maj 2020. Og"), "i maj~2020. Og");
        // Punctuation, brackets and Markdown around a date or a unit.
        assert_eq!(
            kept("(svar af 20. september 2026)? *1. maj 2020*, [4. juni 2019](x) og 2019.[^1]"),
            "(svar af 20.~september~2026)? *1.~maj~2020*, [4.~juni~2019](x) og 2019.[^1]"
        );
        assert_eq!(kept("den 5. juni 2019.[^1]"), "den 5.~juni~2019.[^1]");
        assert_eq!(
            kept("(12 pct.). 12 procent! 3 procentpoint og 2 pct.-point, den 20.-22. maj"),
            "(12~pct.). 12~procent! 3~procentpoint og 2~pct.-point, den 20.-22.~maj"
        );
        assert_eq!(
            kept("S 960 og L 58, se bilag 1"),
            "S~960 og L~58, se bilag~1"
        );
        assert_eq!(
            kept("12 pct. og 5 mio. kr. (3 %)"),
            "12~pct. og 5~mio.~kr. (3~%)"
        );
        assert_eq!(
            kept("12 procent, 40 km/t og 3 m². Og 7 km."),
            "12~procent, 40~km/t og 3~m². Og 7~km."
        );
        // Words next to a no-break space already typed, or to other wide characters.
        assert_eq!(
            kept("nr.\u{a0}27 og § 3 – æøå stk. 2"),
            "nr.~27 og §~3 – æøå stk.~2"
        );
    }

    #[test]
    fn amounts_about_figures_and_ordinals_of_sessions_and_readings_keep_together() {
        let kept = |text| keep_together(text).replace('\u{a0}', "~");
        // Review 33: a currency or "ca." before the figure.
        assert_eq!(
            kept("kontroller kr. 100 og ca. 300 (Ca. 12 pct.), DKK 1.500 og EUR 20"),
            "kontroller kr.~100 og ca.~300 (Ca.~12~pct.), DKK~1.500 og EUR~20"
        );
        assert_eq!(
            kept("kr. 1,5 mio. og 2 mia. kr."),
            "kr.~1,5~mio. og 2~mia.~kr."
        );
        // Folketinget's session and readings, and a legal reference's parts.
        assert_eq!(
            kept("2022-23 (2. samling), ved 3. behandling; § 5, stk. 2, 1. pkt. og 2. led."),
            "2022-23 (2.~samling), ved 3.~behandling; §~5, stk.~2, 1.~pkt. og 2.~led."
        );
    }

    #[test]
    fn the_month_of_a_kept_date_is_found_once() {
        let months = |text: &str| {
            let kept = keep_together(text);
            months_in_dates(&kept)
                .into_iter()
                .map(|range| kept[range].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(months("den 20. oktober 2026."), ["oktober"]);
        assert_eq!(
            months("(1. maj) og i juni 2019, ikke juni."),
            ["maj", "juni"]
        );
        assert_eq!(
            months("oktober er 20. måned, juni 19"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn ordinary_words_and_numbers_may_break() {
        assert!(matches!(
            keep_together("Der er 12 sager i 2019."),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            keep_together("nr. to og 40. gang"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(keep_together("A 12 og s 3"), Cow::Borrowed(_)));
        assert!(matches!(
            keep_together("12 sager og 3 mænd, 4 lande"),
            Cow::Borrowed(_)
        ));
        assert_eq!(keep_together("32. juni"), "32. juni");
        // Only amounts: "ca." and "kr." before a word, an ordinal before another word.
        assert!(matches!(
            keep_together("ca. halvdelen, kr. pr. måned, 2. samlingsdag og 3. spørgsmål"),
            Cow::Borrowed(_)
        ));
        assert_eq!(keep_together("juni 20192"), "juni 20192");
    }
}
