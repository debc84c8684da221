//! A `}` or `]` left out. The parsers see only that the file ends too early, or that a `]`
//! stands where a `}` belongs, and serde first takes every field after the object left open
//! for one of its own ("ukendt felt `answer`" in `question`, with the advice to delete it).
//! Where the file tells where the bracket belongs, it is told there, once, naming the object
//! or list left open and the line it begins on: before a field that belongs to an object
//! around the one open (the question's `}` left out before `"answer"`), or before a `]` or
//! `}` that closes an object or list around it. The bracket is then written into a copy of
//! the text that keeps every byte at its place (in the spaces and the comma before the field
//! or bracket), so the reading goes on past it, as past the other slips (see `slips`).

use std::ops::Range;

use super::diagnostic::{Finding, LineIndex};
use super::edits::{Edit, Edits};
use super::scan::{Event, Opened, Scanner};
use super::serde_error::named;
use super::shape;

/// The most brackets left out that one file is told of: more are seldom left out than
/// mistyped, and the copy must still close them all for any to be told.
const MOST: usize = 10;

/// A text with the brackets it leaves out written in, and what was told about them.
#[derive(Debug)]
pub(super) struct Closed {
    /// The text, each bracket left out written in where every byte keeps its place; the text
    /// as it was where one could not be.
    pub text: String,
    /// A finding for each bracket, or run of brackets, left out.
    pub findings: Vec<Finding>,
    /// Whether the text holds every bracket told of, so that the reading can go on; else
    /// nothing more can be read.
    pub read_on: bool,
}

/// `text` with the brackets it leaves out written in, and a finding for each; `lines` places
/// the findings. Nothing is changed unless the text, every bracket told of written in, opens
/// and closes all its objects and lists in order: a file with its brackets right, or wrong in
/// another way, is left to the parsers.
pub(super) fn close(text: &str, lines: &LineIndex<'_>) -> Closed {
    let unchanged = || Closed {
        text: text.to_string(),
        findings: Vec::new(),
        read_on: true,
    };
    if matched(text) {
        return unchanged();
    }
    let mut edits = Edits::default();
    let mut in_place = Vec::new();
    let mut findings = Vec::new();
    while findings.len() < MOST {
        let copy = edits.apply(text);
        let left_out = match first_left_out(&copy) {
            Outcome::Matched => break,
            Outcome::LeftOut(left_out) => left_out,
            Outcome::Other => return unchanged(),
        };
        let Some(gap) = left_out.gap(&copy, &edits) else {
            return unchanged();
        };
        in_place.push(left_out.in_place(text, &gap));
        findings.push(left_out.finding(&edits, lines));
        if !edits.add(left_out.written_in(text, gap)) {
            return unchanged();
        }
    }
    if !matched(&edits.apply(text)) {
        return unchanged();
    }
    let Some(in_place) = in_place.into_iter().collect::<Option<Vec<Edit>>>() else {
        // Told, but with no room to write the brackets in: nothing more can be read.
        return Closed {
            read_on: false,
            findings,
            ..unchanged()
        };
    };
    let mut bytes = text.as_bytes().to_vec();
    for edit in in_place {
        bytes[edit.range].copy_from_slice(edit.text.as_bytes());
    }
    Closed {
        text: String::from_utf8(bytes).expect("only ASCII bytes are replaced"),
        findings,
        read_on: true,
    }
}

/// Whether `text` closes every object and list it opens, each with its own bracket, and
/// nothing more; a text that cannot be scanned to its end (a text never closed) counts as
/// matched, since what is wrong with it is not a bracket.
fn matched(text: &str) -> bool {
    let lines = LineIndex::new(text);
    let mut scanner = Scanner::new(text, &lines);
    let mut matched = true;
    let whole = scanner.watch(&mut |scanner, event| {
        if let Event::Close(_, closer) = event {
            matched = closes(&scanner.opened(), closer) == Some(0);
        }
        matched
    });
    matched && (!whole || scanner.opened().is_empty())
}

/// How many of the objects and lists `open` (the outermost first) the bracket `closer` leaves
/// open inside the one it closes: 0 for the innermost; `None` if none of them is of its kind.
fn closes(open: &[Opened], closer: u8) -> Option<usize> {
    let object = closer == b'}';
    let at = open.iter().rposition(|opened| opened.object == object)?;
    Some(open.len() - 1 - at)
}

/// What the scan of a copy found first.
enum Outcome {
    /// Every object and list closed in order.
    Matched,
    /// Brackets left out.
    LeftOut(LeftOut),
    /// Something else: a bracket too many, or a file that ends too early with nothing to say
    /// where the bracket belongs.
    Other,
}

/// Brackets left out, as found in a copy of the text.
struct LeftOut {
    /// The objects and lists left open, the innermost first.
    open: Vec<Opened>,
    /// Where they are left open in the copy: before the field's name or the bracket at these
    /// bytes.
    before: Range<usize>,
    /// The field that belongs outside them (and the object it belongs in), where the file
    /// has one there; else a bracket closes an object or list around them.
    field: Option<(String, Opened)>,
}

/// The first brackets left out in `copy`.
fn first_left_out(copy: &str) -> Outcome {
    let lines = LineIndex::new(copy);
    let mut scanner = Scanner::new(copy, &lines);
    let mut found = None;
    let whole = scanner.watch(&mut |scanner, event| {
        found = match event {
            Event::Name(span) => field_outside(scanner, span).map(Outcome::LeftOut),
            Event::Close(at, closer) => closed_around(&scanner.opened(), at, closer),
        };
        found.is_none()
    });
    match found {
        Some(outcome) => outcome,
        None if whole && scanner.opened().is_empty() => Outcome::Matched,
        None => Outcome::Other,
    }
}

/// The objects and lists left open before the field whose name is written at `span`, if it
/// belongs to an object around the innermost one, and not to the innermost: the object it
/// belongs in is the nearest around it that may have it, which has not had it yet.
fn field_outside(scanner: &Scanner<'_, '_>, span: Range<usize>) -> Option<LeftOut> {
    let key = scanner.current_key()?.to_string();
    let open = scanner.opened();
    let (innermost, around) = open.split_last()?;
    if shape::has_field(&innermost.path, &key) != Some(false) {
        return None;
    }
    let depth = around
        .iter()
        .rposition(|opened| opened.object && shape::has_field(&opened.path, &key) == Some(true))?;
    if scanner.has_key(depth, &key) {
        return None;
    }
    let owner = open[depth].clone();
    Some(LeftOut {
        open: open[depth + 1..].iter().rev().cloned().collect(),
        before: span,
        field: Some((key, owner)),
    })
}

/// What a `closer` at `at` says, with `open` open (the outermost first): nothing if it closes
/// the innermost; the objects and lists left open inside the one it closes; or, if it closes
/// none, a bracket too many.
fn closed_around(open: &[Opened], at: usize, closer: u8) -> Option<Outcome> {
    match closes(open, closer) {
        None => Some(Outcome::Other),
        Some(0) => None,
        Some(inside) => Some(Outcome::LeftOut(LeftOut {
            open: open[open.len() - inside..].iter().rev().cloned().collect(),
            before: at..at + 1,
            field: None,
        })),
    }
}

impl LeftOut {
    /// The brackets that close what is left open, the innermost's first: `}`, `}]`.
    fn closers(&self) -> String {
        let closer = |opened: &Opened| if opened.object { '}' } else { ']' };
        self.open.iter().map(closer).collect()
    }

    /// Where the brackets are written in, in the text as written, `edits` made in `copy`: the
    /// spaces, and before a field the comma, between the field or bracket and the value
    /// before it, if that is a value (a field's name, its colon, a `{` or `[` before a field
    /// say that something else is wrong).
    fn gap(&self, copy: &str, edits: &Edits) -> Option<Range<usize>> {
        let before = copy[..self.before.start].trim_end_matches(|c: char| c.is_ascii_whitespace());
        let before = match self.field {
            Some(_) => before
                .strip_suffix(',')
                .unwrap_or(before)
                .trim_end_matches(|c: char| c.is_ascii_whitespace()),
            None => before,
        };
        let after_value = before.ends_with(['"', '}', ']', 'e', 'l'])
            || before.ends_with(|c: char| c.is_ascii_digit());
        if self.field.is_some() && !after_value {
            return None;
        }
        Some(edits.original(before.len())..edits.original(self.before.start))
    }

    /// The edit that writes the brackets in: the gap becomes the brackets, the comma before a
    /// field, and the gap's spaces and line breaks.
    fn written_in(&self, text: &str, gap: Range<usize>) -> Edit {
        let spaces: String = text[gap.clone()].chars().filter(|c| *c != ',').collect();
        let comma = if self.field.is_some() { "," } else { "" };
        Edit {
            range: gap,
            text: format!("{}{comma}{spaces}", self.closers()),
        }
    }

    /// The same edit within the gap's bytes, each line break where it was, if the gap has
    /// room for the brackets and the comma: an indented line has.
    fn in_place(&self, text: &str, gap: &Range<usize>) -> Option<Edit> {
        let written = text[gap.clone()].as_bytes();
        let mut wanted = self.closers().into_bytes();
        if self.field.is_some() {
            wanted.push(b',');
        }
        let mut wanted = wanted.into_iter();
        let bytes: Vec<u8> = written
            .iter()
            .map(|&byte| match byte {
                b'\n' => b'\n',
                _ => wanted.next().unwrap_or(b' '),
            })
            .collect();
        if wanted.next().is_some() {
            return None;
        }
        Some(Edit {
            range: gap.clone(),
            text: String::from_utf8(bytes).expect("ASCII"),
        })
    }

    /// Where the brackets belong, told by what the excerpt points at, which begins at `start`
    /// in the text as written: "før denne linje" where that begins its line, else (a file
    /// written on one line, or a field after others on its line) "før feltet `answer`" or
    /// "før denne ]".
    fn place(&self, start: usize, lines: &LineIndex<'_>) -> String {
        let text = lines.text_from(0);
        let line_start = text[..start].rfind('\n').map_or(0, |newline| newline + 1);
        if text[line_start..start].trim().is_empty() {
            return "før denne linje".into();
        }
        match &self.field {
            Some((key, _)) => format!("før feltet `{key}`"),
            None => format!("før denne {}", &text[start..start + 1]),
        }
    }

    /// The finding, at the field's name or the bracket, in the text as written.
    fn finding(&self, edits: &Edits, lines: &LineIndex<'_>) -> Finding {
        let start = edits.original(self.before.start);
        let span = start..start + self.before.len();
        let innermost = &self.open[0];
        let brackets = match self.closers().as_str() {
            one if one.len() == 1 => format!("en {one}"),
            many => format!("`{many}`"),
        };
        let left: Vec<String> = self
            .open
            .iter()
            .map(|opened| {
                let (line, _) = lines.line_column(opened.at);
                format!(
                    "{} (begyndt i linje {line})",
                    named(&opened.path, opened.object)
                )
            })
            .collect();
        let left: Vec<&str> = left.iter().map(String::as_str).collect();
        let message = format!(
            "der mangler nok {brackets} {}: {} er ikke lukket",
            self.place(start, lines),
            crate::danish::and_list(&left)
        );
        let ends = format!(
            "skriv {} der, hvor `{}` slutter",
            self.closers(),
            innermost.path
        );
        let hint = match &self.field {
            Some((key, owner)) => format!(
                "`{key}` hører til i {}, ikke i `{}`; {ends}",
                named(&owner.path, true),
                innermost.path
            ),
            None => ends,
        };
        Finding::error(innermost.path.clone(), message, Some(hint), span, lines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A finding's message, path, line and column.
    type Place = (String, String, usize, usize);

    /// The text closed, whether it reads on, and each finding's place.
    fn closed(text: &str) -> (String, bool, Vec<Place>) {
        let lines = LineIndex::new(text);
        let closed = close(text, &lines);
        assert_eq!(closed.text.len(), text.len(), "every byte keeps its place");
        let findings = closed
            .findings
            .into_iter()
            .map(|f| (f.message, f.path.to_string(), f.line, f.column))
            .collect();
        (closed.text, closed.read_on, findings)
    }

    #[test]
    fn in_a_file_on_one_line_the_bracket_belongs_before_the_field_or_bracket_not_the_line() {
        let messages = |text: &str| -> Vec<String> {
            let (_, read_on, findings) = closed(text);
            assert!(read_on, "{text}");
            findings.into_iter().map(|(message, ..)| message).collect()
        };
        assert_eq!(
            messages(r#"{"question": {"text": "x", "answer": {"blocks": []}}"#),
            [
                "der mangler nok en } før feltet `answer`: objektet `question` (begyndt i linje \
              1) er ikke lukket"
            ]
        );
        assert_eq!(
            messages(r#"{"answer": {"blocks": [{"paragraph": "x"} }}"#),
            [
                "der mangler nok en ] før denne }: listen `answer.blocks` (begyndt i linje 1) er \
              ikke lukket"
            ]
        );
    }

    #[test]
    fn a_field_of_the_file_inside_the_question_tells_the_question_is_not_closed() {
        let text =
            "{\n  \"question\": {\n    \"text\": \"x\"\n  ,\n  \"answer\": {\"blocks\": []}\n}";
        let (mended, read_on, findings) = closed(text);
        assert!(read_on);
        assert_eq!(
            mended,
            "{\n  \"question\": {\n    \"text\": \"x\"\n}, \n  \"answer\": {\"blocks\": []}\n}"
        );
        serde_json::from_str::<serde_json::Value>(&mended).expect("JSON");
        assert_eq!(
            findings,
            [(
                "der mangler nok en } før denne linje: objektet `question` (begyndt i linje 2) \
                 er ikke lukket"
                    .to_string(),
                "question".to_string(),
                5,
                3
            )]
        );
    }

    #[test]
    fn a_closing_line_left_out_whole_is_written_in_with_its_comma() {
        let text = "{\n  \"question\": {\n    \"text\": \"x\"\n  \"answer\": {\"blocks\": []}\n}";
        let (mended, read_on, findings) = closed(text);
        assert!(read_on);
        assert_eq!(findings.len(), 1);
        serde_json::from_str::<serde_json::Value>(&mended).expect("JSON");
    }

    #[test]
    fn a_bracket_that_closes_a_list_around_an_open_object_tells_the_object() {
        let text = "{\"answer\": {\"blocks\": [\n  {\"paragraph\": \"a\"\n  ]\n}}";
        let (mended, read_on, findings) = closed(text);
        assert!(read_on);
        assert_eq!(
            mended,
            "{\"answer\": {\"blocks\": [\n  {\"paragraph\": \"a\"\n} ]\n}}"
        );
        assert_eq!(
            findings,
            [(
                "der mangler nok en } før denne linje: objektet `answer.blocks[0]` (begyndt i \
                 linje 2) er ikke lukket"
                    .to_string(),
                "answer.blocks[0]".to_string(),
                3,
                3
            )]
        );
    }

    #[test]
    fn without_room_for_the_bracket_it_is_told_and_nothing_more_is_read() {
        let text = "{\"question\": {\"text\": \"x\",\"answer\": {\"blocks\": []}}";
        let (mended, read_on, findings) = closed(text);
        assert_eq!(mended, text);
        assert!(!read_on);
        assert_eq!(findings.len(), 1);
    }

    #[test]
    fn a_file_whose_brackets_are_right_or_wrong_otherwise_is_left_as_it_is() {
        for text in [
            // A field in the wrong object, in a file that closes what it opens.
            "{\"question\": {\"text\": \"x\", \"answer\": {}}}",
            // A bracket too many.
            "{\"question\": {\"text\": \"x\"}}}",
            // The end left out, with nothing to tell where.
            "{\"question\": {\"text\": \"x\"}",
            // A text never closed.
            "{\"question\": {\"text\": \"x}",
        ] {
            let (mended, read_on, findings) = closed(text);
            assert_eq!((mended.as_str(), read_on), (text, true), "{text}");
            assert!(findings.is_empty(), "{text}: {findings:?}");
        }
    }
}
