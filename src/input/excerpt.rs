//! The source line a finding shows, cut to a window around the place when the line is too long
//! to read: a file a program wrote on one line would otherwise be printed whole for every
//! finding (800 kB for one warning). Line and column stay those of the file. Only the lines of
//! the finding are handed to the report, so a file with thousands of findings is not indexed
//! whole for each of them.

use std::borrow::Cow;
use std::ops::Range;

use codespan_reporting::files::{Error, Files, SimpleFile};

/// Lines longer than this many characters are cut.
const LONGEST_LINE: usize = 160;
/// Characters shown before the place a finding points at.
const BEFORE: usize = 60;
/// Characters shown in all, at most, of a cut line.
const WINDOW: usize = 140;
/// Marks where a line was cut.
const CUT: &str = "…";

/// A file as one finding shows it: the lines the finding is on, or, for a long line, that line
/// cut.
pub(super) struct Excerpt<'a> {
    file: SimpleFile<String, Cow<'a, str>>,
    /// The line of the file the shown text begins with, counted from 0.
    first_line: usize,
    /// The finding's place in the shown text.
    pub span: Range<usize>,
    /// The column of the finding's start in the file, from 1, in characters.
    column: usize,
}

impl<'a> Excerpt<'a> {
    /// The excerpt of `text` (named `name`) for a finding at `span`, which starts at `line` and
    /// `column` of the file (from 1).
    pub(super) fn new(
        name: String,
        text: &'a str,
        span: Range<usize>,
        line: usize,
        column: usize,
    ) -> Self {
        let line_start = text[..span.start]
            .rfind('\n')
            .map_or(0, |newline| newline + 1);
        let line_end = |at: usize| {
            text[at..]
                .find('\n')
                .map_or(text.len(), |newline| at + newline)
        };
        let whole_line = &text[line_start..line_end(span.start)];
        let first_line = line.saturating_sub(1);
        if whole_line.chars().nth(LONGEST_LINE).is_none() {
            let lines = &text[line_start..line_end(span.end.max(span.start))];
            return Self {
                file: SimpleFile::new(name, visible(Cow::Borrowed(lines))),
                first_line,
                span: span.start - line_start..span.end - line_start,
                column,
            };
        }
        let (shown, start) = window(whole_line, span.start - line_start);
        let text_end = shown.strip_suffix(CUT).unwrap_or(&shown).len();
        let end = (start + (span.end - span.start)).min(text_end);
        Self {
            file: SimpleFile::new(name, visible(Cow::Owned(shown))),
            first_line,
            span: start..end.max(start),
            column,
        }
    }
}

/// `text` with every invisible character that is not a line break or tab (U+202E, which turns
/// the rest of a terminal's line around, U+200B, a soft hyphen, control characters) shown as a
/// visible mark of as many bytes, so every byte keeps its place and a finding about the
/// character has something to point at: "◌" (the dotted circle Unicode shows for a character
/// that has no look of its own) for one of three bytes, "¬" (the old mark of a soft hyphen) for
/// two, "?" for one. Never "�", which marks a character lost in the file.
fn visible(text: Cow<'_, str>) -> Cow<'_, str> {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    let hidden = |c: char| {
        (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
            || c.general_category() == GeneralCategory::Format
            || c == super::NOT_UTF8
    };
    if !text.chars().any(hidden) {
        return text;
    }
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            // As long as the replacement character, so every place in the line stays.
            super::NOT_UTF8 => shown.push(char::REPLACEMENT_CHARACTER),
            c if hidden(c) => shown.push_str(match c.len_utf8() {
                1 => "?",
                2 => "¬",
                3 => "◌",
                _ => "◌?",
            }),
            c => shown.push(c),
        }
    }
    Cow::Owned(shown)
}

/// The part of `line` around byte `at` that is shown, with "…" where it was cut, and where
/// `at` lands in it: up to [`BEFORE`] characters before it, [`WINDOW`] in all. Only those are
/// read, so a file on one line with thousands of findings is not read whole for each.
fn window(line: &str, at: usize) -> (String, usize) {
    let first = line[..at]
        .char_indices()
        .rev()
        .take(BEFORE)
        .last()
        .map_or(at, |(offset, _)| offset);
    let before = line[first..at].chars().count();
    let last = line[at..]
        .char_indices()
        .nth(WINDOW - before)
        .map_or(line.len(), |(offset, _)| at + offset);
    let mut shown = String::new();
    if first > 0 {
        shown.push_str(CUT);
    }
    let start_in_shown = shown.len() + at - first;
    shown.push_str(&line[first..last]);
    if last < line.len() {
        shown.push_str(CUT);
    }
    (shown, start_in_shown)
}

impl<'a> Files<'a> for Excerpt<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.file.name())
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.file.source().as_ref())
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, Error> {
        self.file.line_index((), byte_index)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        self.file.line_range((), line_index)
    }

    /// The file's own line number: the shown text begins at the finding's line.
    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, Error> {
        Ok(self.first_line + line_index + 1)
    }

    /// The file's own column for the finding's start, not the one in the cut line.
    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        if byte_index == self.span.start {
            Ok(self.column)
        } else {
            self.file.column_number((), line_index, byte_index)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_shown_in_the_same_number_of_bytes() {
        let text = "a\u{202e}b\u{ad}c\u{1}d\u{e0001}e\n\tf";
        let shown = visible(Cow::Borrowed(text));
        assert_eq!(shown, "a◌b¬c?d◌?e\n\tf");
        assert_eq!(shown.len(), text.len());
        assert!(matches!(visible(Cow::Borrowed("æøå")), Cow::Borrowed(_)));
    }

    #[test]
    fn a_short_line_is_shown_whole_and_a_long_one_around_the_place() {
        let text = "{\n  \"a\": 1\n}";
        let excerpt = Excerpt::new("a.json".into(), text, 9..10, 2, 8);
        assert_eq!(excerpt.file.source().as_ref(), "  \"a\": 1");
        assert_eq!(&excerpt.file.source()[excerpt.span.clone()], "1");
        assert_eq!(excerpt.line_number((), 0).unwrap(), 2);

        let long = format!("{{\"x\": \"{}\", \"y\": 5}}", "æ".repeat(300));
        let at = long.find("5}").unwrap();
        let excerpt = Excerpt::new("a.json".into(), &long, at..at + 1, 1, 315);
        let shown = excerpt.file.source().as_ref();
        assert!(shown.starts_with('…'), "{shown}");
        assert!(shown.ends_with("\"y\": 5}"), "{shown}");
        assert_eq!(&shown[excerpt.span.clone()], "5");
        assert_eq!(
            excerpt.column_number((), 0, excerpt.span.start).unwrap(),
            315
        );
    }
}
