//! Turning serde's English parse errors into findings a Danish clerk can act on.

use std::ops::Range;

use serde_json::error::Category;

use super::diagnostic::{Finding, LineIndex};
use super::locate::Locator;
use super::shape;
use crate::json_path::{JsonPath, Step};

/// Where in the answer file a serde error is: what the messages that show what belongs there
/// (the object to write, a field's kind) look at.
#[derive(Clone, Copy)]
struct Place<'a, 'text> {
    path: &'a JsonPath,
    locator: &'a Locator<'text>,
}

impl<'text> Place<'_, 'text> {
    /// The value as written, if short enough to quote.
    fn written(self) -> Option<&'text str> {
        self.locator.written(self.path)
    }

    /// The text the file has here, read (escapes and all), if it has a text.
    fn text(self) -> Option<String> {
        serde_json::from_str(self.locator.whole(self.path)?).ok()
    }

    /// Whether the file has an object here: an enum value written as one names its kind by its
    /// first field, as a block does (`{"paragraph": …}`).
    fn is_object(self) -> bool {
        self.locator.first_key(self.path).is_some()
    }
}

/// What a serde error says is wrong, as far as reading on past it needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Mistake {
    /// A field the format does not have, at the error's path.
    UnknownField,
    /// The object at the error's path lacks this required field.
    MissingField(String),
    /// The value at the error's path is of the wrong kind, or not allowed.
    Value,
}

/// What `error` says is wrong, if it is about one field or value of a file that is JSON (a
/// syntax error is not: nothing after it can be read).
pub(super) fn mistake(error: &serde_json::Error, locator: &Locator<'_>) -> Option<Mistake> {
    let raw = raw_message(error);
    let category = error.classify();
    Some(match category {
        Category::Data if raw.starts_with("unknown field") => Mistake::UnknownField,
        Category::Data if raw.starts_with("missing field") => {
            Mistake::MissingField(quoted_names(&raw).first()?.to_string())
        }
        Category::Data => Mistake::Value,
        _ if is_misfit(category, &raw, locator) => Mistake::Value,
        _ => return None,
    })
}

/// A comma too many or too few: the commonest slips in a file edited by hand, which svar reads
/// past (see `recover`) to tell the mistakes after them in the same run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CommaSlip {
    /// The comma at this offset stands before a closing `}` or `]`.
    TooMany(usize),
    /// A comma belongs at this offset, just after a value, before the next field or item.
    Missing(usize),
}

/// The comma too many or too few that serde_json stopped at, at `at_error`, if that is what it
/// stopped at.
pub(super) fn comma_slip(
    error: &serde_json::Error,
    at_error: usize,
    lines: &LineIndex<'_>,
) -> Option<CommaSlip> {
    let raw = raw_message(error);
    // The place in the copy with slips mended may be inside the typographic quote it mended.
    let at_error = lines.whole_characters(at_error..at_error).start;
    let before = lines.text_before(at_error).trim_end();
    let next = lines.text_from(at_error).chars().next()?;
    let quote = |c: char| c == '"' || super::slips::TYPOGRAPHIC.contains(&c);
    match raw.as_str() {
        "trailing comma" if before.ends_with(',') => Some(CommaSlip::TooMany(before.len() - 1)),
        "expected `,` or `}`" | "expected `,` or `]`" => {
            // In an object the next field's name; in a list the next item. Anything else
            // after a text is more likely a quote that ended it too early (see
            // `quote_inside_text`), as is a value right after a quote (`"ca. "5""`): a clerk
            // who leaves out a comma leaves the space or line break after it.
            let starts_next = if raw.contains('}') {
                quote(next)
            } else {
                matches!(next, '{' | '[' | '-' | 't' | 'f' | 'n')
                    || quote(next)
                    || next.is_ascii_digit()
            };
            let after_value = before.ends_with(['}', ']', 'e', 'l'])
                || before.ends_with(|c: char| quote(c) || c.is_ascii_digit());
            let spaced = at_error > before.len();
            (starts_next && after_value && spaced).then_some(CommaSlip::Missing(before.len()))
        }
        _ => None,
    }
}

impl CommaSlip {
    /// Where the comma is, or belongs: just after the value before it (the path of whose
    /// field the finding has, as a comma typed twice has).
    fn at(self) -> usize {
        match self {
            Self::TooMany(at) | Self::Missing(at) => at,
        }
    }
}

/// The finding for a file that ends with an object or list open (serde_json's `raw` message
/// says which it was reading), naming the innermost one open and the line it begins on, and
/// pointed just after the file's last character: where what closes it is missing. `None`
/// where the text cannot be scanned to its end (a text never closed), which the parser's
/// message tells.
fn left_open(raw: &str, text: &str, lines: &LineIndex<'_>) -> Option<Finding> {
    // Cut off after a comma, the file ends where serde_json wants the next value, and says
    // only that one is missing: the object or list left open tells more.
    let after_comma = text.trim_end().ends_with(',');
    let told = match raw {
        "EOF while parsing an object" | "EOF while parsing a list" => true,
        "EOF while parsing a value" => after_comma,
        _ => false,
    };
    if !told {
        return None;
    }
    let (open, count) = super::scan::left_open(text)?;
    let (line, _) = lines.line_column(open.at);
    let end = text.trim_end().len();
    let message = format!(
        "filen slutter for tidligt: {} (begyndt i linje {line}) er ikke lukket",
        named(&open.path, open.object)
    );
    let hint = match (count, open.object) {
        (1, true) => "skriv } der, hvor objektet slutter".to_string(),
        (1, false) => "skriv ] der, hvor listen slutter".to_string(),
        (count, _) => format!(
            "{count} objekter og lister er ikke lukket: luk hver {{ med }} og hver [ med ], \
             der hvor de slutter, eller se efter, om filen er skåret af"
        ),
    };
    let hint = match after_comma {
        true => format!(
            "{hint}; filen slutter med et komma: der mangler nok mere, eller kommaet skal slettes"
        ),
        false => hint,
    };
    Some(Finding::error(
        open.path,
        message,
        Some(hint),
        end..end,
        lines,
    ))
}

/// An object (else a list) at `path` in words: "objektet `question`", "filens yderste
/// objekt", "listen `answer.blocks`".
pub(super) fn named(path: &JsonPath, object: bool) -> String {
    match (path.0.is_empty(), object) {
        (true, _) => "filens yderste objekt".into(),
        (false, true) => format!("objektet `{path}`"),
        (false, false) => format!("listen `{path}`"),
    }
}

/// The finding for a comma too many or too few, at the comma or where it belongs.
fn comma_finding(slip: CommaSlip, path: JsonPath, lines: &LineIndex<'_>) -> Finding {
    match slip {
        CommaSlip::TooMany(at) => Finding::error(
            path,
            "JSON-syntaksfejl: overflødigt komma før afslutningen".into(),
            Some("slet kommaet efter det sidste element".into()),
            at..at + 1,
            lines,
        ),
        CommaSlip::Missing(at) => Finding::error(
            path,
            "JSON-syntaksfejl: der mangler et komma her".into(),
            Some("skriv et komma efter værdien, før det næste felt eller element".into()),
            at..at,
            lines,
        ),
    }
}

/// Whether serde_json's "expected value" is about an enum that got a value of the wrong
/// kind: in a file that is valid JSON, but for commas too many or too few, that is no syntax
/// error.
fn is_misfit(category: Category, raw: &str, locator: &Locator<'_>) -> bool {
    category == Category::Syntax && raw == "expected value" && locator.has_tree()
}

/// The finding for a JSON syntax or type error at `path`; `at_error` is where in the text
/// serde_json stopped.
pub(super) fn finding(
    error: &serde_json::Error,
    path: JsonPath,
    at_error: usize,
    locator: &Locator<'_>,
    lines: &LineIndex<'_>,
) -> Finding {
    let raw = raw_message(error);
    let category = error.classify();
    if let Some(block) = block_as_text(&path, locator) {
        let written = locator.written(&block).unwrap_or("\"…\"");
        let span = locator.span(&block, false).unwrap_or(at_error..at_error);
        let (message, hint) = block_message(written);
        return Finding::error(block, message, Some(hint), span, lines);
    }
    // The path a syntax error has is the value the text before it ends in, as the file is
    // written (with its slips mended): serde's is that of the object or list it was reading.
    let path_before = |at: usize| super::scan::path_at(at, &LineIndex::new(locator.text()));
    if category == Category::Syntax
        && let Some(slip) = comma_slip(error, at_error, lines)
    {
        return comma_finding(slip, path_before(slip.at()), lines);
    }
    if category == Category::Syntax
        && let Some(quote) = quote_inside_text(&raw, at_error, lines)
    {
        if let Some(unclosed) = UnclosedBeforeField::at(quote, lines) {
            return unclosed.finding(path_before(quote), lines);
        }
        let (message, hint) = quote_message();
        return Finding::error(
            path_before(quote),
            message,
            Some(hint),
            quote..quote + 1,
            lines,
        );
    }
    if category == Category::Syntax
        && raw.starts_with("control character")
        && let Some(line_end) = line_end_before(locator.text(), at_error)
    {
        return unclosed_text(path_before(line_end), line_end, lines);
    }
    if category == Category::Eof
        && let Some(finding) = left_open(&raw, locator.text(), lines)
    {
        return finding;
    }
    if category == Category::Syntax
        && let Some((message, hint)) = comment(lines.text_from(at_error), &path)
    {
        return Finding::error(path, message, Some(hint), at_error..at_error + 2, lines);
    }
    // serde_json says "expected value" when an enum gets a value of the wrong kind; in a file
    // that is valid JSON that is no syntax error, and the value is the place to show.
    let (message, hint, span) = if is_misfit(category, &raw, locator) {
        let (message, hint) = not_allowed(&path);
        let span = value_span(locator, &path, lines).unwrap_or(at_error..at_error);
        (message, hint, span)
    } else {
        let place = Place {
            path: &path,
            locator,
        };
        let (message, hint) = translate(&raw, category, Some(place));
        (
            message,
            hint,
            span(category, &raw, &path, locator, at_error),
        )
    };
    Finding::error(path, message, hint, span, lines)
}

/// Where the straight quote is that closed a text too early, if serde_json stopped at
/// `at_error` because a word followed a text (`"artiklen "Ulykkeligt" i …"`) where a `,` and
/// the next value or the end of the object or list belong: the quote just before the word.
fn quote_inside_text(raw: &str, at_error: usize, lines: &LineIndex<'_>) -> Option<usize> {
    if !matches!(raw, "expected `,` or `}`" | "expected `,` or `]`") {
        return None;
    }
    let rest = lines.text_from(at_error);
    // A comment after a text is told as a comment (see `comment`).
    if rest.starts_with("//") || rest.starts_with("/*") {
        return None;
    }
    let next = rest.chars().next()?;
    if matches!(next, ',' | '}' | ']' | ':' | '"' | '{' | '[') || next.is_whitespace() {
        return None;
    }
    let before = lines.text_before(at_error).trim_end();
    before.ends_with('"').then(|| before.len() - 1)
}

/// A text whose closing quote is left out before the next field on its line, as a field typed
/// in a hurry leaves it: `"label": "Asyl, "cells": [1]`, which JSON reads as the text `"Asyl, "`
/// followed by the word `cells`. Not a quote inside the text, which the tip for that would
/// have the clerk escape.
struct UnclosedBeforeField<'a> {
    /// The text as far as it goes, "Asyl", without the comma and spaces typed after it.
    text: &'a str,
    /// Where its closing quote belongs: after `text`.
    at: usize,
    /// The field after it, `cells`.
    field: &'a str,
}

impl<'a> UnclosedBeforeField<'a> {
    /// The text left unclosed whose read end is the quote at `quote`, if a field's name and
    /// colon follow the quote.
    fn at(quote: usize, lines: &LineIndex<'a>) -> Option<Self> {
        let rest = lines.text_from(quote + 1);
        let name_end = rest.find('"')?;
        let field = &rest[..name_end];
        let named = !field.is_empty() && field.chars().all(|c| c.is_alphanumeric() || c == '_');
        if !named || !rest[name_end + 1..].trim_start().starts_with(':') {
            return None;
        }
        let before = lines.text_before(quote);
        let opened = before.rfind('"')?;
        let text = before[opened + 1..].trim_end_matches([',', ' ', '\t']);
        Some(Self {
            text,
            at: opened + 1 + text.len(),
            field,
        })
    }

    /// The most characters of the text the hint shows, its end, which the quote follows.
    const SHOWN: usize = 30;

    /// The text's end as the hint shows it: "Asyl", or "…sidste ord i et langt afsnit".
    fn shown_text(&self) -> String {
        let count = self.text.chars().count();
        if count <= Self::SHOWN {
            return self.text.to_string();
        }
        let end: String = self.text.chars().skip(count - Self::SHOWN).collect();
        format!("…{end}")
    }

    /// The finding, at the place the closing quote belongs.
    fn finding(&self, path: JsonPath, lines: &LineIndex<'_>) -> Finding {
        Finding::error(
            path,
            format!(
                "JSON-syntaksfejl: teksten før feltet `{}` er ikke afsluttet med \"",
                self.field
            ),
            Some(format!(
                "skriv \" der, hvor teksten slutter, og et komma før feltet: \"{}\", \"{}\": …",
                self.shown_text(),
                self.field
            )),
            self.at..self.at,
            lines,
        )
    }
}

/// The message and hint for a straight quote inside a text, which ends the text in JSON.
fn quote_message() -> (String, String) {
    (
        "JSON-syntaksfejl: anførselstegnet her afslutter teksten, men teksten fortsætter efter det"
            .into(),
        "et anførselstegn inde i en tekst skal skrives \\\" eller som ”…”, fx \"artiklen \\\"Titel\\\" \
         i Politiken\" eller \"artiklen ”Titel” i Politiken\""
            .into(),
    )
}

/// The message for a comment (`// …` or `/* … */`) where serde_json stopped: JSON has none,
/// whatever editors that allow them (JSONC) show, and serde_json would otherwise say that a
/// field name must be quoted. `path` is the object or list the comment stands in.
fn comment(rest: &str, path: &JsonPath) -> Option<(String, String)> {
    if !(rest.starts_with("//") || rest.starts_with("/*")) {
        return None;
    }
    // A path in the answer is shown beside the message; the top level has none to show.
    let place = if path.0.is_empty() {
        " på filens øverste niveau"
    } else {
        ""
    };
    Some((
        format!("JSON har ingen kommentarer, men her står en{place}"),
        "slet kommentaren; en bemærkning, der skal med i svaret, skrives i et tekstfelt".into(),
    ))
}

/// What a finding points at: for a data error the field or value concerned, else the place
/// serde stopped.
fn span(
    category: Category,
    raw: &str,
    path: &JsonPath,
    locator: &Locator<'_>,
    at_error: usize,
) -> Range<usize> {
    if category != Category::Data {
        return at_error..at_error;
    }
    if raw.starts_with("unknown variant")
        && let Some(key) = locator.first_key(path)
    {
        return key;
    }
    match locator.span(path, raw.starts_with("unknown field")) {
        Some(span) if raw.starts_with("missing field") => span.start..span.start + 1,
        Some(span) => span,
        None => at_error..at_error,
    }
}

/// The value at `path` if it fits on one line, else its first character.
fn value_span(
    locator: &Locator<'_>,
    path: &JsonPath,
    lines: &LineIndex<'_>,
) -> Option<Range<usize>> {
    let value = locator.span(path, false)?;
    let one_line = lines.line_column(value.start).0 == lines.line_column(value.end).0;
    Some(if one_line {
        value
    } else {
        value.start..value.start + 1
    })
}

/// Danish message and hint for an error from a file with no report of its own (a ministry
/// profile); its line and column are the caller's to add.
pub(super) fn describe(error: &serde_json::Error) -> (String, Option<String>) {
    translate(&raw_message(error), error.classify(), None)
}

/// The field serde_json did not know, where that is the error.
pub(super) fn unknown_field(error: &serde_json::Error) -> Option<String> {
    let raw = raw_message(error);
    let field = quoted_names(&raw).first()?.to_string();
    raw.starts_with("unknown field").then_some(field)
}

/// Converts serde_path_to_error's path into ours; enum variants are keys in the JSON.
pub(super) fn json_path(path: &serde_path_to_error::Path) -> JsonPath {
    use serde_path_to_error::Segment as S;
    JsonPath(
        path.iter()
            .filter_map(|segment| match segment {
                S::Seq { index } => Some(Step::Index(*index)),
                S::Map { key } => Some(Step::Key(key.clone())),
                S::Enum { variant } => Some(Step::Key(variant.clone())),
                S::Unknown => None,
            })
            .collect(),
    )
}

/// serde's message without the location it appends, which the finding shows anyway.
fn raw_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(index) => text[..index].to_string(),
        None => text,
    }
}

/// The names between backticks in a serde message, e.g. the field and the expected ones.
fn quoted_names(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The hint for a date that cannot be read.
const DATE_HINT: &str = "skriv datoen som ÅÅÅÅ-MM-DD, fx \"2019-06-12\"";

/// The hint for a date written in another form than `YYYY-MM-DD`.
const DATE_FORM_HINT: &str =
    "skriv året med fire cifre og måned og dag med to, fx \"2019-06-09\" for 9. juni 2019";

/// Danish message and hint for a serde_json message; `place` is where the answer file has the
/// offending value, if known.
fn translate(
    raw: &str,
    category: Category,
    place: Option<Place<'_, '_>>,
) -> (String, Option<String>) {
    match category {
        Category::Data => translate_data(raw, place),
        Category::Syntax => {
            let (message, hint) = syntax(raw);
            (format!("JSON-syntaksfejl: {message}"), Some(hint.into()))
        }
        Category::Eof => {
            let (message, hint) = syntax(raw);
            (
                format!("filen slutter for tidligt: {message}"),
                Some(hint.into()),
            )
        }
        Category::Io => (format!("filen kan ikke læses: {raw}"), None),
    }
}

/// What to do about the missing field `field`: add it, and, for an image's description, which
/// a clerk migrating from Word has never been asked for, what it is.
fn missing_hint(field: &str) -> String {
    if field == "description" {
        "tilføj \"description\" her: den tekst, skærmlæsere læser i stedet for billedet (PDF/UA \
         kræver den), fx \"Søjlediagram: antallet af sager steg fra 120 i 2015 til 310 i 2020\""
            .into()
    } else {
        format!("tilføj \"{field}\" her")
    }
}

fn translate_data(raw: &str, place: Option<Place<'_, '_>>) -> (String, Option<String>) {
    let names = quoted_names(raw);
    let written = place.and_then(|place| place.written());
    if raw.starts_with("unknown field") || raw.starts_with("unknown variant") {
        // A kind of block is the name of its one field, `{"paragraph": …}`: a field to the
        // clerk, though serde reads it as an enum's value.
        let is_field =
            raw.starts_with("unknown field") || place.is_some_and(|place| place.is_object());
        let too_deep = |key: &str| place.and_then(|place| written_too_deep(place.path, key));
        unknown(&names, is_field, too_deep)
    } else if raw.starts_with("missing field") {
        let field = names.first().copied().unwrap_or_default();
        (
            format!("feltet `{field}` mangler"),
            Some(missing_hint(field)),
        )
    } else if raw.starts_with("duplicate field") {
        let field = names.first().copied().unwrap_or_default();
        (
            format!("feltet \"{field}\" står to gange i samme objekt"),
            Some("slet det ene af dem".into()),
        )
    } else if let Some(rest) = raw.strip_prefix("invalid type: ") {
        mismatch("forkert type", rest, place)
    } else if let Some(rest) = raw.strip_prefix("invalid value: ") {
        mismatch("forkert værdi", rest, place)
    } else if raw.starts_with("invalid length") && raw.contains("expected struct") {
        // serde reads a struct from a list too, field by field; the format has objects only.
        let (message, hint) = list_for_object(place);
        (message, Some(hint))
    } else if raw == crate::model::OUT_OF_RANGE {
        // A table cell reads its figure itself, and says what serde_json's reading would.
        let (message, hint) = syntax(raw);
        (message, Some(hint.into()))
    } else if raw == crate::model::NO_ASKER {
        (
            "listen over spørgere er tom".into(),
            Some(
                "skriv det medlem, der har stillet spørgsmålet: {\"name\": \"…\", \"party\": \"…\"}, \
                 eller flere i listen, eller fjern \"asked_by\""
                    .into(),
            ),
        )
    } else if raw.starts_with(crate::model::CELL_MISMATCH) {
        (
            "en celle skal være et tal eller en tekst".into(),
            Some("skriv fx 3478, 12.40 eller \"-\"".into()),
        )
    } else if raw.starts_with("data did not match any variant of untagged enum Expected") {
        (
            "her skal stå en dato som ÅÅÅÅ-MM-DD eller en periode som \"medio marts 2022\"".into(),
            Some(DATE_HINT.into()),
        )
    } else if raw.starts_with("input is out of range") {
        // Written YYYY-MM-DD, but no such day: the form is right, the day or month is not.
        (
            written.map_or("datoen findes ikke".into(), |date| {
                format!("datoen {date} findes ikke")
            }),
            Some(days_hint(written)),
        )
    } else if is_date_error(raw) {
        ("ugyldig dato".into(), Some(DATE_HINT.into()))
    } else {
        (raw.to_string(), None)
    }
}

/// What to write instead of a date that does not exist: how many days its month has
/// ("februar 2017 har 28 dage"), or that a year has 12 months.
fn days_hint(written: Option<&str>) -> String {
    let parts: Vec<u32> = written
        .unwrap_or_default()
        .trim_matches('"')
        .split('-')
        .filter_map(|part| part.parse().ok())
        .collect();
    let Some(&[year, month, _]) = parts.get(..3) else {
        return DATE_HINT.into();
    };
    let first = chrono::NaiveDate::from_ymd_opt(year as i32, month, 1);
    let next = first.and_then(|first| first.checked_add_months(chrono::Months::new(1)));
    match (first, next) {
        (Some(first), Some(next)) => format!(
            "{} har {} dage; ret dagen eller måneden",
            crate::danish::date(first).trim_start_matches("1. "),
            (next - first).num_days()
        ),
        _ => "et år har 12 måneder; ret måneden".into(),
    }
}

/// The block at or above `path` when the file has it as bare text (`"Et afsnit."`, or the
/// kind alone, `"paragraph"`), which serde takes for the name of an enum variant.
fn block_as_text(path: &JsonPath, locator: &Locator<'_>) -> Option<JsonPath> {
    let steps = path.0.as_slice();
    let is_block =
        |steps: &[Step]| matches!(steps, [.., Step::Key(key), Step::Index(_)] if key == "blocks");
    let block = if is_block(steps) {
        path.clone()
    } else if matches!(steps.last(), Some(Step::Key(_))) && is_block(&steps[..steps.len() - 1]) {
        JsonPath(steps[..steps.len() - 1].to_vec())
    } else {
        return None;
    };
    locator
        .whole(&block)
        .is_some_and(|written| written.starts_with('"'))
        .then_some(block)
}

/// A block written as text: what it should look like, with the clerk's own text where that is
/// a paragraph.
fn block_message(written: &str) -> (String, String) {
    let kinds = ["\"paragraph\"", "\"list\"", "\"statement\"", "\"table\""];
    let example = if kinds.contains(&written) {
        "{\"paragraph\": \"…\"}".to_string()
    } else {
        format!("{{\"paragraph\": {written}}}")
    };
    (
        "en blok skal være et objekt, ikke en tekst".into(),
        format!("skriv fx {example}"),
    )
}

/// The finding for the list at `path` where the format has an object, at the list's first
/// line.
pub(super) fn list_finding(
    path: JsonPath,
    locator: &Locator<'_>,
    lines: &LineIndex<'_>,
) -> Finding {
    let span = super::first_line(locator.text(), locator.span(&path, false).unwrap_or(0..0));
    let place = Place {
        path: &path,
        locator,
    };
    let (message, hint) = list_for_object(Some(place));
    Finding::error(path, message, Some(hint), span, lines)
}

/// The message and hint for a list where the format has an object: the object with its field
/// names, as the format has it at `place` if known, holding the list's items where they fit.
fn list_for_object(place: Option<Place<'_, '_>>) -> (String, String) {
    let items = place.and_then(|place| place.locator.items(place.path));
    let instead = items.as_deref().map(shape::Instead::Items);
    let hint = match place.and_then(|place| object_example(place.path, instead)) {
        Some((example, true)) => format!("skriv felterne med navn: {example}"),
        Some((example, false)) => format!("skriv felterne med navn, fx {example}"),
        None => "skriv felterne med navn: {\"navn\": værdi, …}".into(),
    };
    (
        "forkert type: fandt en liste [ … ], men her skal stå et objekt { … }".into(),
        hint,
    )
}

/// The object the format has at `path`, as JSON with its real field names and what the clerk
/// wrote `instead` in it where it fits, and the fields it leaves out: `{"minister": "Søren
/// Pape Poulsen"}; objektet kan også have feltet `official``; and whether the clerk's
/// writing is in it.
fn object_example(path: &JsonPath, instead: Option<shape::Instead<'_>>) -> Option<(String, bool)> {
    let example = shape::example(&shape::object_fields(path)?, instead);
    let others = match example.others.as_slice() {
        [] => String::new(),
        [one] => format!("; objektet kan også have feltet `{one}`"),
        few if few.len() <= 4 => format!("; objektet kan også have felterne {}", list(few)),
        many => format!(
            "; `svar schema` viser objektets {} andre felter",
            many.len()
        ),
    };
    Some((format!("{}{others}", example.json), example.filled))
}

/// The message and hint for the fields `names` of the object at `object`, which belong one
/// level deeper, in its field `below`: "felterne `columns`, `rows` og `total` står direkte i
/// `table`, men hører til i `panels`", with the field to write around them.
pub(super) fn too_high(object: &JsonPath, names: &[&str], below: shape::Below) -> (String, String) {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
    let fields = match quoted.as_slice() {
        [one] => format!("feltet {one}"),
        many => format!("felterne {}", crate::danish::and_list(many)),
    };
    let written = match object.0.last() {
        None => "øverst i filen".to_string(),
        Some(Step::Key(key)) => format!("direkte i `{key}`"),
        Some(Step::Index(_)) => format!("direkte i `{object}`"),
    };
    let member = |name: &&str| format!("\"{name}\": …");
    let objects = if below.one_of {
        // One field in each, as a block has.
        let each: Vec<String> = names
            .iter()
            .map(|name| format!("{{{}}}", member(name)))
            .collect();
        each.join(", ")
    } else {
        let all: Vec<String> = names.iter().map(member).collect();
        format!("{{{}}}", all.join(", "))
    };
    let value = if below.list {
        format!("[{objects}]")
    } else {
        objects
    };
    (
        format!("{fields} står {written}, men hører til i `{}`", below.field),
        format!("skriv \"{}\": {value}", below.field),
    )
}

/// What to write instead of a value where the format has an object at `place`: the object,
/// holding the clerk's text where it fits.
fn object_hint(place: Place<'_, '_>, found: &Found<'_>) -> Option<String> {
    let text = (found.kind == "string").then(|| place.text()).flatten();
    let instead = text.as_deref().map(shape::Instead::Text);
    let (example, filled) = object_example(place.path, instead)?;
    Some(if filled {
        format!("skriv {example}")
    } else {
        format!("skriv fx {example}")
    })
}

/// Where a field written one object too deep belongs, as advice: `date` written inside
/// `question` belongs in the file's outer object. `field` is the unknown field's path; the
/// nearest object around the one it is written in that has a field `key` is named; `None`
/// where none has.
fn written_too_deep(field: &JsonPath, key: &str) -> Option<String> {
    let (_, object) = field.0.split_last()?;
    let object = JsonPath(object.to_vec());
    let mut outer = object.0.as_slice();
    while let Some((_, around)) = outer.split_last() {
        outer = around;
        let around = JsonPath(around.to_vec());
        if shape::has_field(&around, key) == Some(true) {
            return Some(format!(
                "`{key}` hører til i {}, ikke i `{object}`: flyt feltet ud efter den }}, der \
                 lukker `{object}`",
                named(&around, true)
            ));
        }
    }
    None
}

/// An unknown field or enum value, with the closest allowed one, else for a field where it
/// belongs further out (`too_deep`), else the list of those allowed.
fn unknown(
    names: &[&str],
    is_field: bool,
    too_deep: impl FnOnce(&str) -> Option<String>,
) -> (String, Option<String>) {
    let (word, allowed) = names.split_first().map_or(("", &[][..]), |(w, a)| (*w, a));
    let what = if is_field {
        "ukendt felt"
    } else {
        "ukendt værdi"
    };
    let further_out = || is_field.then(|| too_deep(word)).flatten();
    let hint = match crate::spelling::did_you_mean(word, allowed) {
        Some(guess) => format!("mente du `{guess}`?"),
        None => match further_out() {
            Some(advice) => advice,
            None if allowed.is_empty() => "fjern feltet".to_string(),
            None => format!("tilladt her: {}", list(allowed)),
        },
    };
    (format!("{what} `{word}`"), Some(hint))
}

/// A value of the wrong kind, or of the right kind but out of range (`what` says which):
/// what the file has, as written where possible, and what belongs here. `rest` is serde's
/// "integer `-5`, expected u32".
fn mismatch(what: &str, rest: &str, place: Option<Place<'_, '_>>) -> (String, Option<String>) {
    let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
    let found = Found::parse(found);
    let message = format!(
        "{what}: fandt {}, men her skal stå {}",
        found.describe(place.and_then(|place| place.written())),
        expected_kind(expected, &found)
    );
    let hint = if is_object(expected) {
        place.and_then(|place| object_hint(place, &found))
    } else if expected == "a sequence" && found.kind == "string" {
        // One text where the format has a list of them (notes, items): the same as a list.
        let whole = place.and_then(|place| place.locator.whole(place.path));
        whole.map(|text| format!("skriv teksten som en liste: [{text}]"))
    } else if let Some(date) = is_date(expected)
        .then(|| crate::danish::written_date(found.value.trim_matches('"')))
        .flatten()
    {
        Some(format!(
            "skriv \"{}\" for {}: året med fire cifre, så måned og dag med to",
            date.format("%Y-%m-%d"),
            crate::danish::date(date)
        ))
    } else {
        mismatch_hint(expected, &found, place.map(|place| place.path)).map(Into::into)
    };
    (message, hint)
}

/// What to do about a value of the wrong kind where the format has no object.
fn mismatch_hint(
    expected: &str,
    found: &Found<'_>,
    path: Option<&JsonPath>,
) -> Option<&'static str> {
    let in_list = matches!(
        path.map(|path| path.0.as_slice()),
        Some([.., Step::Key(key), Step::Index(_)]) if key == "list" || key == "numbered_list"
    );
    if is_date(expected) {
        Some(DATE_FORM_HINT)
    } else if is_whole_number(expected) && found.is_too_large() {
        Some("tallet er for stort; ret det")
    } else if is_whole_number(expected) && found.kind == "string" {
        Some("skriv tallet uden anførselstegn")
    } else if expected == "a string" && matches!(found.kind, "integer" | "floating" | "boolean") {
        Some("sæt teksten i anførselstegn: \"…\"")
    } else if expected == "a string" && in_list && matches!(found.kind, "sequence" | "map") {
        // A list inside a list, or an item with items of its own: the format has one level.
        Some(
            "en liste har ikke underpunkter; skriv dem som punkter for sig i listen, eller som \
             en ny liste efter et afsnit, der leder ind til den",
        )
    } else if expected == "a string" && matches!(found.kind, "sequence" | "map") {
        Some("skriv én tekst i \"…\"")
    } else {
        None
    }
}

/// Whether serde's expectation is an object: a struct of the model, or a map.
fn is_object(expected: &str) -> bool {
    expected.starts_with("struct ") || expected == "a map"
}

fn is_date(expected: &str) -> bool {
    expected.contains("YYYY-MM-DD") || expected.contains("date")
}

fn is_whole_number(expected: &str) -> bool {
    matches!(expected, "u8" | "u16" | "u32" | "u64" | "usize")
}

/// What serde found, split from its description such as "integer `-5`".
struct Found<'a> {
    kind: &'a str,
    value: &'a str,
}

impl<'a> Found<'a> {
    fn parse(found: &'a str) -> Self {
        let (kind, value) = found.split_once(' ').unwrap_or((found, ""));
        let value = value.trim_start_matches("point ").trim().trim_matches('`');
        Self { kind, value }
    }

    /// In Danish, quoting the value as the file has it when `written` is that value (serde
    /// shows 1e23 as 1e+23, and a string without its escapes).
    fn describe(&self, written: Option<&str>) -> String {
        let number = |text: &str| text.starts_with(|c: char| c == '-' || c.is_ascii_digit());
        match self.kind {
            "string" => format!(
                "teksten {}",
                written.filter(|w| w.starts_with('"')).unwrap_or(self.value)
            ),
            "integer" | "floating" => {
                format!(
                    "tallet `{}`",
                    written.filter(|w| number(w)).unwrap_or(self.value)
                )
            }
            "boolean" => format!("sandhedsværdien `{}`", self.value),
            "unit" | "null" => "null".into(),
            "sequence" => "en liste [ … ]".into(),
            "map" => "et objekt { … }".into(),
            _ => format!("{} {}", self.kind, self.value).trim().into(),
        }
    }

    /// Whether this is a whole number too large for its field rather than too small: a
    /// positive integer, or one beyond what serde_json reads as an integer, which it reads as
    /// a floating-point number (99999999999999999999, 1e23).
    fn is_too_large(&self) -> bool {
        match self.kind {
            "integer" => !self.value.starts_with('-'),
            "floating" => self
                .value
                .parse::<f64>()
                .is_ok_and(|value| value > f64::from(u32::MAX)),
            _ => false,
        }
    }
}

/// serde's description of what it expected, in Danish.
fn expected_kind(expected: &str, found: &Found<'_>) -> String {
    match expected {
        // Every whole number in the model counts from 1 (question and table numbers), so 0 is
        // refused too, by the content checks.
        e if is_whole_number(e) && found.is_too_large() => {
            format!(
                "et helt tal på højst {}",
                crate::danish::number(&i64::from(u32::MAX).into())
            )
        }
        e if is_whole_number(e) => "et helt tal på 1 eller derover".into(),
        "a string" => "en tekst i \"…\"".into(),
        "a sequence" => "en liste [ … ]".into(),
        "a boolean" => "true eller false".into(),
        crate::model::ASKERS_EXPECTED => "et objekt { … } eller en liste [ … ] af objekter".into(),
        e if is_object(e) => "et objekt { … }".into(),
        "enum Block" => "en blok som {\"paragraph\": \"…\"}".into(),
        e if is_date(e) => "en dato som ÅÅÅÅ-MM-DD".into(),
        e if e.starts_with("enum ") => "en af de tilladte værdier".into(),
        other => other.to_string(),
    }
}

/// A value serde_json could not fit into an enum: a block that is not one field such as
/// `{"paragraph": …}`, or a fixed value (a status, a layout) given as a number or list.
fn not_allowed(path: &JsonPath) -> (String, Option<String>) {
    let in_blocks = matches!(
        path.0.as_slice(),
        [.., Step::Key(key), Step::Index(_)] if key == "blocks"
    );
    if in_blocks {
        (
            "en blok skal have netop ét felt: \"paragraph\", \"heading\", \"list\", \"numbered_list\", \
             \"statement\" eller \"table\""
                .into(),
            Some("skriv fx {\"paragraph\": \"…\"}".into()),
        )
    } else {
        (
            "værdien er ikke tilladt her".into(),
            Some("skriv en af de tilladte værdier i \"…\"; `svar schema` viser dem".into()),
        )
    }
}

fn is_date_error(raw: &str) -> bool {
    [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "input is not enough for unique date",
        "trailing input",
        "no possible date and time matching input",
        "bad or unsupported format string",
    ]
    .iter()
    .any(|message| raw.starts_with(message))
}

/// Where the line before `at` ends, its trailing spaces left out, if `at` is the start of a
/// line: serde_json stops just after a line break it finds inside a text.
fn line_end_before(text: &str, at: usize) -> Option<usize> {
    let before = text.get(..at)?.strip_suffix('\n')?;
    let before = before.strip_suffix('\r').unwrap_or(before);
    Some(before.trim_end_matches([' ', '\t']).len())
}

/// The finding for a text still open where its line ends at `line_end`. The slips' mending
/// (`slips`) has taken out the line breaks of a text that reads as split over lines, so one
/// left is a closing quote left out, as when a field is half typed: the parser would call the
/// line break a control character, on the next line.
fn unclosed_text(path: JsonPath, line_end: usize, lines: &LineIndex<'_>) -> Finding {
    let (line, _) = lines.line_column(line_end);
    Finding::error(
        path,
        format!("JSON-syntaksfejl: teksten i linje {line} er ikke afsluttet med \""),
        Some("skriv \" der, hvor teksten slutter; et linjeskift i en tekst skrives \\n".into()),
        line_end..line_end,
        lines,
    )
}

/// serde_json's syntax messages (one per `ErrorCode` a text can cause) in Danish, each with
/// what to do.
fn syntax(raw: &str) -> (String, &'static str) {
    const FIX: &str =
        "ret JSON-syntaksen her: komma mellem elementer, kolon efter feltnavne, \"…\" om tekster";
    const CLOSE: &str = "luk alle { og [ og afslut alle tekster med \"";
    const UNICODE: &str = "skriv tegnet direkte i stedet for som \\u-kode";
    let (message, hint) = match raw {
        "EOF while parsing an object" => ("et objekt { er ikke lukket", CLOSE),
        "EOF while parsing a list" => ("en liste [ er ikke lukket", CLOSE),
        "EOF while parsing a string" => ("en tekst er ikke afsluttet med \"", CLOSE),
        "EOF while parsing a value" => ("der mangler en værdi", CLOSE),
        "expected `,` or `}`" => ("forventede `,` eller `}`", FIX),
        "expected `,` or `]`" => ("forventede `,` eller `]`", FIX),
        "expected `:`" => ("forventede `:` efter feltnavnet", FIX),
        "expected value" => ("forventede en værdi", FIX),
        "expected ident" => (
            "ukendt ord (skriv true, false, null eller tekst i \"…\")",
            FIX,
        ),
        "expected `\"`" => ("forventede `\"`", FIX),
        "key must be a string" => ("feltnavne skal stå i \"…\"", FIX),
        "trailing comma" => (
            "overflødigt komma før afslutningen",
            "slet kommaet efter det sidste element",
        ),
        "trailing characters" => (
            "der står mere efter den afsluttende }",
            "slet alt efter den sidste }",
        ),
        "invalid escape" => (
            "ugyldig \\-sekvens i en tekst",
            "skriv \\ som \\\\; efter \\ må kun stå \", \\, /, b, f, n, r, t eller u og fire hexcifre",
        ),
        "invalid unicode code point" => ("ugyldig \\u-sekvens: tegnkoden findes ikke", UNICODE),
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => (
            "ufuldstændig \\u-sekvens: et tegn uden for den grundlæggende tegntabel skrives som et par af \\u-koder, først én fra \\ud800 til \\udbff, så én fra \\udc00 til \\udfff",
            UNICODE,
        ),
        "invalid number" => (
            "ugyldigt tal",
            "skriv tal med punktum som decimaltegn og uden foranstillede nuller, fx 12.4, eller skriv værdien som tekst i \"…\"",
        ),
        "number out of range" => (
            "tallet er for stort",
            "skriv et mindre tal, eller skriv det som tekst i \"…\"",
        ),
        "recursion limit exceeded" => (
            "for dybt indlejret: for mange niveauer af [ og {",
            "fjern de overflødige [ og {",
        ),
        r if r.starts_with("control character") => (
            "kontroltegn i en tekst",
            "skriv linjeskift som \\n og tabulatorer som \\t",
        ),
        other => return (format!("ugyldig JSON ({other})"), FIX),
    };
    (message.into(), hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `translate` for a data error about the value written `written` as the answer's
    /// `question.number`.
    fn about_number(raw: &str, written: &str) -> (String, Option<String>) {
        let text = format!("{{\"question\": {{\"number\": {written}}}}}");
        let locator = Locator::new(&text);
        let path = JsonPath::root().key("question").key("number");
        let place = Place {
            path: &path,
            locator: &locator,
        };
        translate(raw, Category::Data, Some(place))
    }

    #[test]
    fn a_field_written_one_object_too_deep_is_told_where_it_belongs() {
        let question = JsonPath::root().key("question");
        assert_eq!(
            written_too_deep(&question.key("date"), "date").as_deref(),
            Some(
                "`date` hører til i filens yderste objekt, ikke i `question`: flyt feltet ud \
                 efter den }, der lukker `question`"
            )
        );
        let asked_by = question.key("asked_by");
        assert!(
            written_too_deep(&asked_by.key("number"), "number")
                .is_some_and(|hint| hint.starts_with("`number` hører til i objektet `question`"))
        );
        // A field no object around has is only unknown.
        assert_eq!(written_too_deep(&question.key("nummer"), "nummer"), None);
    }

    #[test]
    fn suggests_the_closest_field() {
        let (message, hint) = translate(
            "unknown field `kaption`, expected one of `number`, `caption`, `panels`",
            Category::Data,
            None,
        );
        assert_eq!(message, "ukendt felt `kaption`");
        assert_eq!(hint.as_deref(), Some("mente du `caption`?"));
    }

    #[test]
    fn lists_the_allowed_fields_when_nothing_is_close() {
        let (_, hint) = translate(
            "unknown field `zzz`, expected `name` or `party`",
            Category::Data,
            None,
        );
        assert_eq!(hint.as_deref(), Some("tilladt her: `name`, `party`"));
    }

    #[test]
    fn explains_type_errors_with_the_value_as_written() {
        let (message, hint) = about_number("invalid type: string \"15\", expected u32", "\"15\"");
        assert_eq!(
            message,
            "forkert type: fandt teksten \"15\", men her skal stå et helt tal på 1 eller derover"
        );
        assert_eq!(hint.as_deref(), Some("skriv tallet uden anførselstegn"));
        let (message, _) =
            about_number("invalid type: floating point `1e23`, expected u32", "1e23");
        assert_eq!(
            message,
            "forkert type: fandt tallet `1e23`, men her skal stå et helt tal på højst \
             4.294.967.295"
        );
        let (message, hint) = about_number(
            "invalid type: floating point `1e20`, expected u32",
            "99999999999999999999",
        );
        assert_eq!(
            message,
            "forkert type: fandt tallet `99999999999999999999`, men her skal stå et helt tal på \
             højst 4.294.967.295"
        );
        assert_eq!(hint.as_deref(), Some("tallet er for stort; ret det"));
        let (message, _) = about_number("invalid type: floating point `1.5`, expected u32", "1.5");
        assert!(
            message.ends_with("et helt tal på 1 eller derover"),
            "{message}"
        );
    }

    #[test]
    fn a_negative_or_too_large_number_reads_well() {
        let (message, _) = translate(
            "invalid value: integer `-5`, expected u32",
            Category::Data,
            None,
        );
        assert_eq!(
            message,
            "forkert værdi: fandt tallet `-5`, men her skal stå et helt tal på 1 eller derover"
        );
        let (message, _) = translate(
            "invalid value: integer `5000000000`, expected u32",
            Category::Data,
            None,
        );
        assert_eq!(
            message,
            "forkert værdi: fandt tallet `5000000000`, men her skal stå et helt tal på højst 4.294.967.295"
        );
    }

    #[test]
    fn fields_one_level_too_high_are_told_with_the_field_to_write_around_them() {
        let table = JsonPath::root()
            .key("answer")
            .key("blocks")
            .index(0)
            .key("table");
        let panels = shape::Below {
            field: "panels",
            list: true,
            one_of: false,
        };
        assert_eq!(
            too_high(&table, &["columns", "rows"], panels),
            (
                "felterne `columns` og `rows` står direkte i `table`, men hører til i `panels`"
                    .to_string(),
                "skriv \"panels\": [{\"columns\": …, \"rows\": …}]".to_string()
            )
        );
        let signature = shape::Below {
            field: "signature",
            list: false,
            one_of: false,
        };
        assert_eq!(
            too_high(&JsonPath::root(), &["minister"], signature),
            (
                "feltet `minister` står øverst i filen, men hører til i `signature`".to_string(),
                "skriv \"signature\": {\"minister\": …}".to_string()
            )
        );
        // A block has one field: each its own.
        let blocks = shape::Below {
            field: "blocks",
            list: true,
            one_of: true,
        };
        assert_eq!(
            too_high(
                &JsonPath::root().key("answer"),
                &["paragraph", "table"],
                blocks
            )
            .1,
            "skriv \"blocks\": [{\"paragraph\": …}, {\"table\": …}]"
        );
    }

    /// Every message serde_json's parser has for a malformed text (its `ErrorCode`s), so none
    /// reaches a clerk in English.
    #[test]
    fn every_syntax_message_is_danish() {
        for raw in [
            "EOF while parsing a list",
            "EOF while parsing an object",
            "EOF while parsing a string",
            "EOF while parsing a value",
            "expected `:`",
            "expected `,` or `]`",
            "expected `,` or `}`",
            "expected ident",
            "expected value",
            "expected `\"`",
            "invalid escape",
            "invalid number",
            "number out of range",
            "invalid unicode code point",
            "control character (\\u0000-\\u001F) found while parsing a string",
            "key must be a string",
            "lone leading surrogate in hex escape",
            "trailing comma",
            "trailing characters",
            "unexpected end of hex escape",
            "recursion limit exceeded",
        ] {
            let (message, _) = syntax(raw);
            assert!(
                !message.starts_with("ugyldig JSON ("),
                "{raw} is not translated"
            );
        }
    }
}
