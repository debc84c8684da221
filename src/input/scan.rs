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

/// The innermost object or list `text` leaves open at its end, and how many it leaves open;
/// `None` where it closes all it opens, or cannot be scanned to its end (a text never
/// closed, which the parser tells).
pub(super) fn left_open(text: &str) -> Option<(Opened, usize)> {
    let lines = LineIndex::new(text);
    let mut scanner = Scanner::new(text, &lines);
    if !scanner.watch(&mut |_, _| true) {
        return None;
    }
    let mut open = scanner.opened();
    let count = open.len();
    Some((open.pop()?, count))
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
struct Frame {
    /// Where its `{` or `[` is written.
    opened: usize,
    /// What it holds so far.
    kind: Open,
    /// What JSON has next in it.
    expects: Expect,
}

/// What an open `{` or `[` holds so far.
enum Open {
    /// An object: the fields seen so far (with where each was written) and the current one.
    Object {
        keys: HashMap<String, usize>,
        current: Option<String>,
    },
    /// An array and the index of its current element.
    Array { index: usize },
}

/// What JSON has next in an open object or list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// A field's name: after an object's `{` or a comma.
    Name,
    /// The colon after a field's name.
    Colon,
    /// A value: after a colon, or an item after a list's `[` or a comma.
    Value,
    /// A comma or the end, a value having been read whole. A value here follows a comma the
    /// clerk left out: a field's name in an object, the next item in a list.
    Comma,
}

/// What the scan met, for a pass that watches it (see [`Scanner::watch`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Event {
    /// A field's name, written at these bytes (quotes and all), now the current field of the
    /// innermost object.
    Name(Range<usize>),
    /// A `}` or `]` at this offset, before it closes the innermost object or list.
    Close(usize, u8),
}

/// An object or list open where the scan is, as [`Scanner::opened`] tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Opened {
    /// Its path in the answer.
    pub path: JsonPath,
    /// Where its `{` or `[` is written.
    pub at: usize,
    /// Whether it is an object (else a list).
    pub object: bool,
}

/// A single pass over the text that tracks nesting without recursing.
pub(super) struct Scanner<'a, 'b> {
    text: &'a str,
    lines: &'b LineIndex<'a>,
    /// Where the first byte that was not UTF-8 was: reading replaced each such byte with
    /// U+FFFD, so the first replacement character marks it.
    unreadable: Option<usize>,
    frames: Vec<Frame>,
    findings: Vec<Finding>,
}

impl<'a, 'b> Scanner<'a, 'b> {
    /// A scanner of `text`, whose findings `lines` places.
    pub(super) fn new(text: &'a str, lines: &'b LineIndex<'a>) -> Self {
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
        self.watch(&mut |_, _| true);
    }

    /// The scan, telling `watcher` of each field's name and each closing bracket as it meets
    /// them, and stopping where it returns `false`. Whether the scan read the whole text: it
    /// stops early at a text never closed, an unreadable character or too deep a nesting.
    pub(super) fn watch(&mut self, watcher: &mut dyn FnMut(&Self, Event) -> bool) -> bool {
        let bytes = self.text.as_bytes();
        let mut offset = 0;
        while offset < bytes.len() {
            // A string is one step, so brackets and quotes inside it do not count.
            if bytes[offset] == b'"' {
                let end = string_end(bytes, offset);
                if self.unreadable_in(offset..end.unwrap_or(bytes.len())) {
                    return false;
                }
                let Some(end) = end else { return false };
                // A line break left in a text (the slips' mending takes out those of a text
                // split over lines) means its closing quote is missing: every quote after it
                // is read the wrong way round, brackets and names out of phase.
                if bytes[offset..end]
                    .iter()
                    .any(|byte| matches!(byte, b'\n' | b'\r'))
                {
                    return false;
                }
                if self.string(offset..end) && !watcher(self, Event::Name(offset..end)) {
                    return false;
                }
                offset = end;
                continue;
            }
            if self.unreadable_in(offset..offset + 1) {
                return false;
            }
            match bytes[offset] {
                b'{' | b'[' if self.frames.len() == MAX_DEPTH => {
                    self.too_deep(offset);
                    return false;
                }
                b'{' | b'[' => self.push(offset),
                closer @ (b'}' | b']') => {
                    if !watcher(self, Event::Close(offset, closer)) {
                        return false;
                    }
                    self.frames.pop();
                    self.value_read();
                }
                b',' => self.comma(),
                b':' => self.colon(),
                byte if byte.is_ascii_whitespace() => {}
                _ => {
                    // A number, `true`, `false` or `null`, or a word that is no JSON.
                    let length = bytes[offset..]
                        .iter()
                        .position(|byte| byte.is_ascii_whitespace() || b"{}[],:\"".contains(byte))
                        .unwrap_or(bytes.len() - offset);
                    if self.unreadable_in(offset..offset + length) {
                        return false;
                    }
                    self.scalar();
                    offset += length;
                    continue;
                }
            }
            offset += 1;
        }
        true
    }

    /// The objects and lists open where the scan is, the outermost first.
    pub(super) fn opened(&self) -> Vec<Opened> {
        (0..self.frames.len())
            .map(|depth| Opened {
                path: self.path_to(depth),
                at: self.frames[depth].opened,
                object: matches!(self.frames[depth].kind, Open::Object { .. }),
            })
            .collect()
    }

    /// Whether the object open at `depth` (0 the outermost) has had the field `key` so far.
    pub(super) fn has_key(&self, depth: usize, key: &str) -> bool {
        matches!(
            self.frames.get(depth),
            Some(Frame { kind: Open::Object { keys, .. }, .. }) if keys.contains_key(key)
        )
    }

    /// The name of the innermost object's current field.
    pub(super) fn current_key(&self) -> Option<&str> {
        match self.frames.last() {
            Some(Frame {
                kind: Open::Object { current, .. },
                ..
            }) => current.as_deref(),
            _ => None,
        }
    }

    /// A `{` or `[` at `offset`: a value of the object or list it stands in begins.
    fn push(&mut self, offset: usize) {
        self.value_begins();
        let (kind, expects) = match self.text.as_bytes()[offset] {
            b'{' => (
                Open::Object {
                    keys: HashMap::new(),
                    current: None,
                },
                Expect::Name,
            ),
            _ => (Open::Array { index: 0 }, Expect::Value),
        };
        self.frames.push(Frame {
            opened: offset,
            kind,
            expects,
        });
    }

    /// A value other than a text: a number, a literal, or a word that is none (where an object
    /// expects a field's name or its colon, a word that changes nothing of where the scan is).
    fn scalar(&mut self) {
        if let Some(frame) = self.frames.last()
            && matches!(frame.expects, Expect::Name | Expect::Colon)
        {
            return;
        }
        self.value_begins();
        self.value_read();
    }

    /// A value begins: in a list after a value read whole, the comma left out before it, it
    /// is the next item.
    fn value_begins(&mut self) {
        if let Some(Frame {
            kind: Open::Array { index },
            expects: expects @ Expect::Comma,
            ..
        }) = self.frames.last_mut()
        {
            *index += 1;
            *expects = Expect::Value;
        }
    }

    /// A value of the innermost object or list has been read whole.
    fn value_read(&mut self) {
        if let Some(frame) = self.frames.last_mut() {
            frame.expects = Expect::Comma;
        }
    }

    /// A string at `span`: a field's name where an object expects one, or a comma (which the
    /// clerk left out before it), else a value. Whether it was a name.
    fn string(&mut self, span: Range<usize>) -> bool {
        let names = matches!(
            self.frames.last(),
            Some(Frame {
                kind: Open::Object { .. },
                expects: Expect::Name | Expect::Comma,
                ..
            })
        );
        if !names {
            self.value_begins();
            self.value_read();
            return false;
        }
        let raw = &self.text[span.clone()];
        // A name with escapes is compared as the parser will read it.
        let key = serde_json::from_str::<String>(raw)
            .unwrap_or_else(|_| raw.trim_matches('"').to_string());
        // After a comma left out, the field before is no longer the current one.
        let first = match self.frames.last_mut() {
            Some(Frame {
                kind: Open::Object { keys, current },
                expects,
                ..
            }) => {
                *current = None;
                *expects = Expect::Colon;
                keys.get(&key).copied()
            }
            _ => None,
        };
        if let Some(first) = first {
            self.repeated(&key, first, span.clone());
        }
        if let Some(Frame {
            kind: Open::Object { keys, current },
            ..
        }) = self.frames.last_mut()
        {
            keys.entry(key.clone()).or_insert(span.start);
            *current = Some(key);
        }
        true
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
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        match &mut frame.kind {
            Open::Object { current, .. } => {
                *current = None;
                frame.expects = Expect::Name;
            }
            Open::Array { index } => {
                *index += 1;
                frame.expects = Expect::Value;
            }
        }
    }

    fn colon(&mut self) {
        if let Some(frame) = self.frames.last_mut()
            && frame.expects == Expect::Colon
        {
            frame.expects = Expect::Value;
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
        self.path_to(self.frames.len())
    }

    /// The JSON path of the object or list open at `depth` (0 the outermost), or, at the
    /// number of those open, of the value the scan is at: each open one's current step.
    fn path_to(&self, depth: usize) -> JsonPath {
        JsonPath(
            self.frames[..depth]
                .iter()
                .filter_map(Frame::step)
                .collect(),
        )
    }
}

impl Frame {
    /// The step into the value the object or list is at: its current field, or its item.
    fn step(&self) -> Option<Step> {
        match &self.kind {
            Open::Object { current, .. } => current.clone().map(Step::Key),
            Open::Array { index } => Some(Step::Index(*index)),
        }
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
    fn after_a_comma_left_out_the_next_field_or_item_has_its_own_path() {
        // No comma after "d", nor after 1 and "x" in the list.
        let text =
            r#"{"d": "2011-04-11" "q": {"s": "x"}, "l": [1 "x" {"k": 2}], "n": true "m": 3}"#;
        let lines = LineIndex::new(text);
        let at = |part: &str| path_at(text.find(part).unwrap(), &lines).to_string();
        assert_eq!(at(r#" "q""#), "d");
        assert_eq!(at(r#""x"}"#), "q.s");
        assert_eq!(at(r#" "x" {"#), "l[0]");
        assert_eq!(at(r#" {"k""#), "l[1]");
        assert_eq!(at("2}]"), "l[2].k");
        assert_eq!(at(r#" "m""#), "n");
        assert_eq!(at("3}"), "m");
        // A field after a comma left out is a field: written twice, it is told so.
        assert_eq!(
            messages(r#"{"a": 1 "a": 2}"#)[0].0,
            "feltet \"a\" står to gange i samme objekt"
        );
    }

    #[test]
    fn the_innermost_object_or_list_left_open_at_the_end_is_named_with_how_many_are() {
        let text = "{\n  \"a\": {\"b\": [1, {\"c\": 2}]\n";
        let (open, count) = left_open(text).expect("left open");
        assert_eq!(
            (open.path.to_string(), open.object, count),
            ("a".into(), true, 2)
        );
        assert_eq!(&text[open.at..open.at + 1], "{");
        let (open, _) = left_open("{\"a\": [1, 2").expect("left open");
        assert_eq!((open.path.to_string(), open.object), ("a".into(), false));
        assert_eq!(left_open("{\"a\": [1, 2]}"), None);
        // A text never closed is no bracket left out.
        assert_eq!(left_open("{\"a\": \"x}"), None);
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
