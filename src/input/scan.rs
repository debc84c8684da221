//! Checks on the raw text of a JSON file that must come before any parser sees it.
//!
//! The parsers behind svar (jsonc_parser to locate paths, serde_json to read the model) and the
//! code after them recurse once per level of `[` and `{`: a file nested some thousands of levels
//! deep overflows the stack and aborts the whole process, losing every other answer of a batch.
//! So the nesting is measured here, in one pass that recurses nowhere. The same pass finds what
//! the parsers would let through silently or report badly: a field written twice in one object
//! (serde keeps the last for maps and names no place for structs), a file that is not one
//! object, and bytes that were not UTF-8.

use std::collections::HashMap;
use std::ops::Range;

use super::diagnostic::{Finding, LineIndex};
use crate::json_path::{JsonPath, Step};

/// The deepest nesting of `[` and `{` a file may have.
///
/// The model itself needs 13 levels for a table cell inside a statement, and 3 more for each
/// statement quoted inside another; 64 leaves room for about 17 statements within each other,
/// more than any answer has (and more than Typst typesets: it gives up at about 15), while
/// keeping every recursive parser and checker far inside the smallest stack it runs on.
/// serde_json stops at 128 levels on its own, with an English message; jsonc_parser, which
/// locates findings, has no limit and overflows the stack at some thousands.
pub(super) const MAX_DEPTH: usize = 64;

/// What the rest of the file is read as: an answer file or a ministry profile, named in the
/// message about a file that is not one JSON object.
#[derive(Debug, Clone, Copy)]
pub(super) enum FileKind {
    /// An answer file.
    Answer,
    /// A ministry profile in `ministries/`.
    Profile,
}

impl FileKind {
    fn noun(self) -> &'static str {
        match self {
            Self::Answer => "en svarfil",
            Self::Profile => "en ministerieprofil",
        }
    }
}

/// The mistakes in `text` that stop it from being parsed safely or meaningfully; empty if the
/// parsers may go ahead.
pub(super) fn check(text: &str, kind: FileKind, lines: &LineIndex<'_>) -> Vec<Finding> {
    match not_an_object(text, kind, lines) {
        Some(finding) => vec![finding],
        None => Scanner::new(text, lines).run(),
    }
}

/// The JSON path of the value that the text before `end` ends in or stands before: where a
/// parser that stopped at `end` was. `lines` indexes the whole text.
pub(super) fn path_at(end: usize, lines: &LineIndex<'_>) -> JsonPath {
    let mut scanner = Scanner::new(lines.text_before(end), lines);
    scanner.scan();
    scanner.path()
}

/// A file must be one object `{ … }`; serde would otherwise read a list `[ … ]` into the
/// fields in their order and report in terms of Rust's structs.
fn not_an_object(text: &str, kind: FileKind, lines: &LineIndex<'_>) -> Option<Finding> {
    let (offset, first) = text
        .char_indices()
        .find(|(_, character)| !character.is_whitespace())?;
    const OBJECT: &str = "skriv alle felterne mellem ét { først i filen og ét } til sidst";
    let (found, hint) = match first {
        // A file that does not start as UTF-8 (UTF-16, say) is reported as such by the scan.
        '{' | super::NOT_UTF8 => return None,
        '[' => (", ikke en liste [ … ]", OBJECT),
        '"' => (", ikke en tekst", OBJECT),
        '-' | '0'..='9' => (", ikke et tal", OBJECT),
        '%' if text[offset..].starts_with("%PDF-") => (
            ", ikke en PDF",
            "sammenlign PDF'er med svar diff, eller hent svarfilen ud af PDF'en med pdfdetach \
             -savefile svar.json",
        ),
        // A second byte-order mark, or another invisible character, before the `{`.
        '\u{feff}' | '\u{200b}' | '\u{2060}' | '\0' => {
            return Some(Finding::error(
                JsonPath::root(),
                format!(
                    "der står et usynligt tegn (U+{:04X}) før {{",
                    u32::from(first)
                ),
                Some("slet alt før det første {; filen skal begynde med {".into()),
                offset..offset + first.len_utf8(),
                lines,
            ));
        }
        _ => ("", OBJECT),
    };
    Some(Finding::error(
        JsonPath::root(),
        format!("{} skal være ét JSON-objekt {{ … }}{found}", kind.noun()),
        Some(hint.into()),
        offset..offset + first.len_utf8(),
        lines,
    ))
}

/// One open `[` or `{` while scanning.
enum Frame {
    /// An object: the fields seen so far (with where each was written) and the current one.
    Object {
        keys: HashMap<String, usize>,
        current: Option<String>,
        expecting_key: bool,
    },
    /// An array and the index of its current element.
    Array { index: usize },
}

/// A single pass over the text that tracks nesting without recursing.
struct Scanner<'a, 'b> {
    text: &'a str,
    lines: &'b LineIndex<'a>,
    /// Where the first byte that was not UTF-8 was: reading replaced each such byte with
    /// U+FFFD, so the first replacement character marks it.
    unreadable: Option<usize>,
    frames: Vec<Frame>,
    findings: Vec<Finding>,
}

impl<'a, 'b> Scanner<'a, 'b> {
    fn new(text: &'a str, lines: &'b LineIndex<'a>) -> Self {
        Self {
            text,
            lines,
            unreadable: first_unreadable(text),
            frames: Vec::new(),
            findings: Vec::new(),
        }
    }

    /// Scans the whole text; stops at the first level too deep or the first unreadable
    /// character, since what follows cannot be read meaningfully. Broken JSON ends the scan
    /// quietly: the parser reports it better.
    fn run(mut self) -> Vec<Finding> {
        self.scan();
        self.findings
    }

    /// [`Self::run`]'s pass, leaving the scanner where it stopped.
    fn scan(&mut self) {
        let bytes = self.text.as_bytes();
        let mut offset = 0;
        while offset < bytes.len() {
            // A string is one step, so brackets and quotes inside it do not count.
            if bytes[offset] == b'"' {
                let end = string_end(bytes, offset);
                if self.unreadable_in(offset..end.unwrap_or(bytes.len())) {
                    break;
                }
                let Some(end) = end else { break };
                self.string(offset..end);
                offset = end;
                continue;
            }
            if self.unreadable_in(offset..offset + 1) {
                break;
            }
            match bytes[offset] {
                b'{' | b'[' if self.frames.len() == MAX_DEPTH => {
                    self.too_deep(offset);
                    break;
                }
                b'{' => self.frames.push(Frame::Object {
                    keys: HashMap::new(),
                    current: None,
                    expecting_key: true,
                }),
                b'[' => self.frames.push(Frame::Array { index: 0 }),
                b'}' | b']' => {
                    self.frames.pop();
                }
                b',' => self.comma(),
                _ => {}
            }
            offset += 1;
        }
    }

    /// A string: a field's name if an object expects one, else a value, which needs nothing.
    fn string(&mut self, span: Range<usize>) {
        let Some(Frame::Object {
            keys,
            expecting_key: true,
            ..
        }) = self.frames.last()
        else {
            return;
        };
        let raw = &self.text[span.clone()];
        // A name with escapes is compared as the parser will read it.
        let key = serde_json::from_str::<String>(raw)
            .unwrap_or_else(|_| raw.trim_matches('"').to_string());
        if let Some(&first) = keys.get(&key) {
            self.repeated(&key, first, span.clone());
        }
        if let Some(Frame::Object {
            keys,
            current,
            expecting_key,
        }) = self.frames.last_mut()
        {
            keys.entry(key.clone()).or_insert(span.start);
            *current = Some(key);
            *expecting_key = false;
        }
    }

    /// The field `key` at `span` was already written at the offset `first`.
    fn repeated(&mut self, key: &str, first: usize, span: Range<usize>) {
        let (first_line, _) = self.lines.line_column(first);
        self.findings.push(Finding::error(
            self.path().key(key),
            format!("feltet \"{key}\" står to gange i samme objekt"),
            Some(format!(
                "slet det ene af dem; det første står i linje {first_line}"
            )),
            span,
            self.lines,
        ));
    }

    fn comma(&mut self) {
        match self.frames.last_mut() {
            Some(Frame::Object {
                current,
                expecting_key,
                ..
            }) => {
                *current = None;
                *expecting_key = true;
            }
            Some(Frame::Array { index }) => *index += 1,
            None => {}
        }
    }

    /// Reports the first unreadable character if it lies in `span`; whether it did.
    fn unreadable_in(&mut self, span: Range<usize>) -> bool {
        let Some(offset) = self.unreadable.filter(|at| span.contains(at)) else {
            return false;
        };
        self.findings.push(Finding::error(
            self.path(),
            unreadable("filen"),
            Some(
                "gem filen som UTF-8 (i Notesblok: Gem som → Kodning: UTF-8), og skriv tegnet igen"
                    .into(),
            ),
            offset..offset + super::NOT_UTF8.len_utf8(),
            self.lines,
        ));
        true
    }

    fn too_deep(&mut self, offset: usize) {
        self.findings.push(Finding::error(
            self.path(),
            format!("for dybt indlejret: mere end {MAX_DEPTH} niveauer af [ og {{"),
            Some("et svar har sjældent mere end 20 niveauer; fjern de overflødige [ og {".into()),
            offset..offset + 1,
            self.lines,
        ));
    }

    /// The JSON path of the value the scan is at.
    fn path(&self) -> JsonPath {
        JsonPath(
            self.frames
                .iter()
                .filter_map(|frame| match frame {
                    Frame::Object { current, .. } => current.clone().map(Step::Key),
                    Frame::Array { index } => Some(Step::Index(*index)),
                })
                .collect(),
        )
    }
}

/// Where the first byte that was not UTF-8 was in a text [`super::decode`] read: each run of
/// such bytes became [`super::NOT_UTF8`].
pub(super) fn first_unreadable(text: &str) -> Option<usize> {
    text.find(super::NOT_UTF8)
}

/// What is wrong with the character there, in `file` ("filen", "regnearket").
pub(super) fn unreadable(file: &str) -> String {
    format!(
        "tegnet her kan ikke læses: {file} er ikke gemt som UTF-8, eller et tegn er gået tabt (�)"
    )
}

/// Where the strings of a JSON text are, quotes included, in order; an unclosed one ends the
/// search.
pub(super) fn strings(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut offset = 0;
    std::iter::from_fn(move || {
        let start = offset + bytes.get(offset..)?.iter().position(|&byte| byte == b'"')?;
        let end = string_end(bytes, start)?;
        offset = end;
        Some(start..end)
    })
}

/// The offset just after the string that starts with the `"` at `start`, or `None` if it is
/// never closed. A backslash escapes the byte after it, so `\"` does not close the string.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut offset = start + 1;
    while offset < bytes.len() {
        match bytes[offset] {
            b'\\' => offset += 2,
            b'"' => return Some(offset + 1),
            _ => offset += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<(String, String, (usize, usize))> {
        let lines = LineIndex::new(text);
        check(text, FileKind::Answer, &lines)
            .into_iter()
            .map(|f| (f.message, f.path.to_string(), (f.line, f.column)))
            .collect()
    }

    #[test]
    fn nesting_up_to_the_limit_passes_and_one_more_level_is_refused_where_it_opens() {
        let fits = format!("{{\"a\": {}{}}}", "[".repeat(63), "]".repeat(63));
        assert!(messages(&fits).is_empty());
        let deep = format!("{{\"a\": {}{}}}", "[".repeat(64), "]".repeat(64));
        let found = messages(&deep);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].0,
            "for dybt indlejret: mere end 64 niveauer af [ og {"
        );
        assert_eq!(found[0].2, (1, 7 + 63));
        assert!(found[0].1.starts_with("a[0][0]"), "{}", found[0].1);
    }

    #[test]
    fn brackets_and_quotes_inside_strings_do_not_count() {
        let text = format!("{{\"a\": \"{}\\\"{}\"}}", "[".repeat(100), "{".repeat(100));
        assert!(messages(&text).is_empty());
    }

    #[test]
    fn a_repeated_field_is_found_at_its_second_occurrence_with_its_path() {
        let text = "{\"a\": [{\"b\": 1,\n \"b\": 2}], \"c\": {\"b\": 3}}";
        let found = messages(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "feltet \"b\" står to gange i samme objekt");
        assert_eq!(found[0].1, "a[0].b");
        assert_eq!(found[0].2, (2, 2));
    }

    #[test]
    fn the_path_where_a_text_ends_is_its_field_or_item() {
        let text = r#"{"a": {"b": [1, "x"], "c": "y" z"#;
        let lines = LineIndex::new(text);
        let at = |part: &str| path_at(text.find(part).unwrap(), &lines).to_string();
        assert_eq!(at(" z"), "a.c");
        assert_eq!(at("]"), "a.b[1]");
    }

    #[test]
    fn names_are_compared_as_parsed() {
        assert_eq!(messages(r#"{"a": 1, "\u0061": 2}"#).len(), 1);
    }

    #[test]
    fn a_value_that_looks_like_a_name_is_not_a_repeat() {
        assert!(messages(r#"{"a": "a", "b": ["a", "a"]}"#).is_empty());
    }

    #[test]
    fn the_file_must_be_an_object() {
        let found = messages("\n  [1, 2]");
        assert_eq!(
            found[0].0,
            "en svarfil skal være ét JSON-objekt { … }, ikke en liste [ … ]"
        );
        assert_eq!(found[0].2, (2, 3));
        assert!(messages("").is_empty());
    }

    #[test]
    fn the_bytes_that_were_not_utf8_are_found_and_a_replacement_character_is_not() {
        let decoded = crate::input::decode(b"{\n  \"a\": \"bl\xe5\"}".to_vec());
        let found = messages(&decoded);
        assert_eq!((found[0].1.as_str(), found[0].2), ("a", (2, 11)));
        let found = messages(&crate::input::decode(b"\xff\xfe{}".to_vec()));
        assert_eq!((found[0].1.as_str(), found[0].2), ("", (1, 1)));
        // A "\u{fffd}" the file holds as UTF-8 is no byte that could not be read: the content
        // checks report it, with the others.
        assert!(messages("{\n  \"a\": \"bl\u{fffd}\"}").is_empty());
    }
}
