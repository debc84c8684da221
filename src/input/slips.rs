//! Slips of the keyboard that JSON's syntax refuses but a clerk makes naturally: Word's
//! typographic quotes (“ ” „ ‘ ’ « ») where JSON needs `"`, Enter or Tab pressed inside a text,
//! and a comma typed twice. serde_json would name them in a parser's words ("feltnavne skal stå
//! i "…"" to a clerk who did write quotes, "kontroltegn"), at the wrong place, and read no
//! further. Each is told here in words of what happened, and mended in a copy of the text that
//! keeps every byte where it was, so the reading goes on past it and the mistakes after it are
//! told in the same run, each at its place in the file as written.

use std::ops::Range;

use super::diagnostic::{Finding, LineIndex};
use crate::json_path::JsonPath;

/// The quotation marks Word, Outlook and keyboards of other languages type in place of `"`.
pub(super) const TYPOGRAPHIC: [char; 11] = ['“', '”', '„', '‟', '‘', '’', '‚', '«', '»', '‹', '›'];

/// A text that the file has with its slips mended.
#[derive(Debug, Default)]
pub(super) struct Mended {
    /// The text, each slip mended, every byte at its place.
    pub text: String,
    /// The slips, to be told (see [`Mended::told`]).
    slips: Vec<Slip>,
}

/// What was told about a text's slips.
#[derive(Debug, Default)]
pub(super) struct Told {
    /// A finding for each slip: one per line for quotes, one per text for line breaks and tabs,
    /// one per doubled comma.
    pub findings: Vec<Finding>,
    /// The texts whose value the mending changed (a line break or a tab became a space): what
    /// the content checks see there is not what the clerk wrote.
    pub set_aside: Vec<JsonPath>,
}

/// One slip, as the lexing finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Slip {
    /// A typographic quote at this offset, opening (or else closing) a field name or a text
    /// that ends at the second offset.
    Quote { at: usize, opens: bool, end: usize },
    /// The line breaks (each a `\n`, or a `\r\n` starting at the offset) in the text that ends
    /// at `end`.
    Breaks { at: Vec<usize>, end: usize },
    /// The tabs in the text that ends at `end`.
    Tabs { at: Vec<usize>, end: usize },
    /// The second of two commas, the first at `first`.
    Comma { at: usize, first: usize },
}

/// `text` with its slips mended.
pub(super) fn mend(text: &str) -> Mended {
    let slips = Lexer::new(text).run();
    let mut bytes = text.as_bytes().to_vec();
    for slip in &slips {
        for (range, with) in replacements(slip, text) {
            bytes[range].copy_from_slice(&with);
        }
    }
    Mended {
        text: String::from_utf8(bytes).expect("only whole characters are replaced"),
        slips,
    }
}

impl Mended {
    /// A finding for each slip of `text` (as written, which `lines` indexes), at the path its
    /// place has in `read` (the mended text, with any other slip mended that moves no byte,
    /// such as a bracket left out: a path read before that would be inside the object left
    /// open).
    pub(super) fn told(&self, text: &str, read: &str, lines: &LineIndex<'_>) -> Told {
        if self.slips.is_empty() {
            return Told::default();
        }
        let in_read = LineIndex::new(read);
        let path = |end: usize| super::scan::path_at(end, &in_read);
        let mut findings = quote_findings(&self.slips, text, lines, &path);
        let mut set_aside = Vec::new();
        for slip in &self.slips {
            match slip {
                Slip::Breaks { at, end } => {
                    findings.push(break_finding(at, path(*end), lines));
                    set_aside.push(path(*end));
                }
                Slip::Tabs { at, end } => {
                    findings.push(tab_finding(at, path(*end), lines));
                    set_aside.push(path(*end));
                }
                Slip::Comma { at, first } => findings.push(Finding::error(
                    path(*first),
                    "JSON-syntaksfejl: to kommaer efter hinanden".into(),
                    Some("slet det ene".into()),
                    *at..*at + 1,
                    lines,
                )),
                Slip::Quote { .. } => {}
            }
        }
        Told {
            findings,
            set_aside,
        }
    }
}

/// The bytes a slip's mending writes: a quote becomes `"` and spaces outside the text (before
/// an opening quote, after a closing one), a line break or a tab a space, a comma a space.
fn replacements(slip: &Slip, text: &str) -> Vec<(Range<usize>, Vec<u8>)> {
    let spaces = |range: Range<usize>| {
        let length = range.len();
        (range, vec![b' '; length])
    };
    match slip {
        Slip::Quote { at, opens, .. } => {
            let length = char_at(text, *at).len_utf8();
            let mut with = vec![b' '; length];
            with[if *opens { length - 1 } else { 0 }] = b'"';
            vec![(*at..*at + length, with)]
        }
        Slip::Breaks { at, .. } => at
            .iter()
            .map(|&at| spaces(at..text[at..].find('\n').map_or(at + 1, |n| at + n + 1)))
            .collect(),
        Slip::Tabs { at, .. } => at.iter().map(|&at| spaces(at..at + 1)).collect(),
        Slip::Comma { at, .. } => vec![spaces(*at..*at + 1)],
    }
}

fn char_at(text: &str, at: usize) -> char {
    text[at..].chars().next().expect("a slip is at a character")
}

/// One finding per line with typographic quotes used as JSON's, at the first of them, with the
/// line written as JSON has it.
fn quote_findings(
    slips: &[Slip],
    text: &str,
    lines: &LineIndex<'_>,
    path: &dyn Fn(usize) -> JsonPath,
) -> Vec<Finding> {
    let quotes: Vec<(usize, usize)> = slips
        .iter()
        .filter_map(|slip| match slip {
            Slip::Quote { at, end, .. } => Some((*at, *end)),
            _ => None,
        })
        .collect();
    let line_of = |at: usize| lines.line_column(at).0;
    quotes
        .chunk_by(|a, b| line_of(a.0) == line_of(b.0))
        .map(|on_line| {
            let (first, end) = on_line[0];
            let at: Vec<usize> = on_line.iter().map(|(at, _)| *at).collect();
            let (message, hint) = quote_message(text, &at);
            let span = first..first + char_at(text, first).len_utf8();
            Finding::error(path(end), message, Some(hint), span, lines)
        })
        .collect()
}

/// The message and hint for the typographic quotes at `at`, all on one line of `text`.
fn quote_message(text: &str, at: &[usize]) -> (String, String) {
    let mut marks: Vec<String> = Vec::new();
    for &at in at {
        let mark = char_at(text, at).to_string();
        if !marks.contains(&mark) {
            marks.push(mark);
        }
    }
    let names: Vec<&str> = marks.iter().map(String::as_str).collect();
    let what = match names.as_slice() {
        [one] => format!("{one} er et typografisk anførselstegn"),
        many => format!(
            "{} er typografiske anførselstegn",
            crate::danish::and_list(many)
        ),
    };
    let message = format!(
        "JSON-syntaksfejl: {what} (fra Word eller Outlook); JSON kræver lige anførselstegn \""
    );
    (message, quote_hint(text, at, &names))
}

/// The most characters of a line the hint shows written right; a longer line is told in words.
const SHOWN_LINE: usize = 80;

/// What to write: the line with `"` for each quote at `at`, without its indentation and the
/// comma after it, if it is short enough to show.
fn quote_hint(text: &str, at: &[usize], names: &[&str]) -> String {
    let start = text[..at[0]].rfind('\n').map_or(0, |newline| newline + 1);
    let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
    let mut line = String::new();
    for (offset, c) in text[start..end].char_indices() {
        line.push(if at.contains(&(start + offset)) {
            '"'
        } else {
            c
        });
    }
    let line = line.trim().trim_end_matches(',').trim_end();
    if line.chars().count() <= SHOWN_LINE {
        format!("skriv {line}")
    } else {
        format!(
            "skriv \" i stedet for {} om feltnavne og tekster",
            crate::danish::and_list(names)
        )
    }
}

/// The finding for the line breaks at `at` in one text.
fn break_finding(at: &[usize], path: JsonPath, lines: &LineIndex<'_>) -> Finding {
    let numbers: Vec<String> = at
        .iter()
        .map(|&at| lines.line_column(at).0.to_string())
        .collect();
    let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
    let parts = match at.len() + 1 {
        2 => "to".to_string(),
        3 => "tre".to_string(),
        4 => "fire".to_string(),
        many => many.to_string(),
    };
    Finding::error(
        path,
        format!(
            "JSON-syntaksfejl: teksten er delt over {parts} linjer (linjeskift i slutningen af \
             linje {})",
            crate::danish::and_list(&numbers)
        ),
        Some(
            "slet linjeskiftet, så teksten står på én linje; skal der være et linjeskift i \
             teksten, så skriv \\n (det sættes kun med \"markup\": \"markdown\")"
                .into(),
        ),
        at[0]..at[0],
        lines,
    )
}

/// The finding for the tabs at `at` in one text.
fn tab_finding(at: &[usize], path: JsonPath, lines: &LineIndex<'_>) -> Finding {
    let (message, hint) = match at.len() {
        1 => (
            "tabulator i teksten".to_string(),
            "skriv et mellemrum i stedet for tabulatoren",
        ),
        many => (
            format!("{many} tabulatorer i teksten"),
            "skriv et mellemrum i stedet for hver tabulator",
        ),
    };
    Finding::error(
        path,
        format!("JSON-syntaksfejl: {message}"),
        Some(hint.into()),
        at[0]..at[0] + 1,
        lines,
    )
}

/// Whether `c` may follow a field name or a text: what JSON has after one.
fn after_text(c: Option<char>) -> bool {
    matches!(c, None | Some(',' | ':' | '}' | ']' | '\n' | '\r'))
}

/// Whether `c` is what JSON has right after a field name (`field`), its colon, or else after a
/// value: a comma or the end of its object or list.
fn follows(field: bool, c: char) -> bool {
    if field {
        c == ':'
    } else {
        matches!(c, ',' | '}' | ']')
    }
}

/// Whether `c` stands between two texts in JSON: a space or a line break, or a bracket, brace,
/// comma or colon.
fn between_texts(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ':' | '{' | '}' | '[' | ']')
}

/// A pass over the text that knows where its strings are, as far as it can be sure: it stops
/// where it cannot tell (a text not closed, something other than JSON after a text), leaving
/// the rest to the parser.
#[derive(Clone)]
struct Lexer<'a> {
    text: &'a str,
    at: usize,
    /// The last character outside the strings that was not whitespace.
    last: Option<(usize, char)>,
    /// Whether the last text read was a field name: the text after it is a value.
    last_named_field: bool,
    /// The objects and lists open where the pass is (their `{` or `[`), the innermost last:
    /// they tell a field name from a value.
    open: Vec<char>,
    slips: Vec<Slip>,
    /// Whether this is a trial reading (see [`Lexer::reads_on`]): a text must be followed by
    /// what JSON has after it in its place, and one closed by a typographic quote is taken on
    /// its looks.
    trial: bool,
    /// How many texts have been read.
    texts: usize,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            at: 0,
            last: None,
            last_named_field: false,
            open: Vec::new(),
            slips: Vec::new(),
            trial: false,
            texts: 0,
        }
    }

    fn run(mut self) -> Vec<Slip> {
        while self.step() == Some(true) {}
        self.slips
    }

    /// Reads the next character, or the text it opens: whether the pass can go on after it,
    /// `None` at the end.
    fn step(&mut self) -> Option<bool> {
        let c = self.text[self.at..].chars().next()?;
        let at = self.at;
        Some(match c {
            '"' => self.straight(at, self.names_field()),
            c if TYPOGRAPHIC.contains(&c) => self.typographic(at, self.names_field()),
            // A comment, which the parser tells; its words are no JSON.
            '/' => false,
            ',' if matches!(self.last, Some((_, ','))) => {
                let first = self.last.expect("matched").0;
                self.slips.push(Slip::Comma { at, first });
                self.at += 1;
                true
            }
            c => {
                match c {
                    '{' | '[' => self.open.push(c),
                    '}' | ']' => {
                        self.open.pop();
                    }
                    _ => {}
                }
                if !c.is_whitespace() {
                    self.last = Some((at, c));
                }
                self.at += c.len_utf8();
                true
            }
        })
    }

    /// Whether a text that starts here names a field: it opens an object's member, after the
    /// `{`, a comma, or a value whose comma is missing.
    fn names_field(&self) -> bool {
        self.open.last() == Some(&'{')
            && match self.last {
                Some((_, '{' | ',')) => true,
                Some((_, '"')) => !self.last_named_field,
                _ => false,
            }
    }

    /// Whether the text (a field name if `field`) that ends at `end` is followed by what JSON
    /// can have there, a missing comma aside: a colon after a field name; after a value a
    /// comma, the end of its object or list, or the next text.
    fn fits(&self, end: usize, field: bool) -> bool {
        match self.next_token(end) {
            None => !field,
            Some(c) => follows(field, c) || (!field && (c == '"' || TYPOGRAPHIC.contains(&c))),
        }
    }

    /// The first character from `from` on that is not a space or a tab.
    fn next_after(&self, from: usize) -> Option<char> {
        self.text[from..].chars().find(|c| !matches!(c, ' ' | '\t'))
    }

    /// The first character from `from` on that is not whitespace, line breaks included.
    fn next_token(&self, from: usize) -> Option<char> {
        self.text[from..].chars().find(|c| !c.is_whitespace())
    }

    /// Reads past the text (a field name if `field`) opened by the `"` at `start`; whether it
    /// could.
    fn straight(&mut self, start: usize, field: bool) -> bool {
        let mut breaks = Vec::new();
        let mut tabs = Vec::new();
        let mut at = start + 1;
        let end = loop {
            let Some(c) = self.text[at..].chars().next() else {
                // Not closed by a straight quote, the text may still be by a typographic one.
                return breaks.is_empty()
                    && self
                        .closing_quote(start + 1, at, field, true)
                        .is_some_and(|close| self.closed_typographically(close, tabs, field));
            };
            match c {
                '\\' => {
                    at += 1;
                    at += self.text[at..].chars().next().map_or(0, char::len_utf8);
                    continue;
                }
                '"' => break at + 1,
                '\t' => tabs.push(at),
                '\r' | '\n' => {
                    if breaks.is_empty()
                        && let Some(close) = self.closed_at_line_end(start + 1, at, field)
                    {
                        return self.closed_typographically(close, tabs, field);
                    }
                    let newline = at + self.text[at..].find('\n').unwrap_or(0);
                    breaks.push(at);
                    at = newline + 1;
                    continue;
                }
                _ => {}
            }
            at += c.len_utf8();
        };
        // A straight quote that cannot end the text where it stands, since what follows it is
        // no JSON there, may open the next one: the text was closed by a typographic quote
        // before it (`"office”: "Strafferetskontoret"`). Where it can end it, as in every
        // valid file, a typographic quote inside is the clerk's (`"udspillet ”Respekt”, …"`).
        if breaks.is_empty()
            && !self.fits(end, field)
            && let Some(close) = self.closing_quote(start + 1, end - 1, field, false)
        {
            return self.closed_typographically(close, tabs, field);
        }
        // A text "split" by a line break but followed by no JSON after its quote is more
        // likely one whose closing quote is missing: the parser's message stands.
        if !breaks.is_empty() && !after_text(self.next_token(end)) {
            return false;
        }
        self.push_inner(breaks, tabs, end);
        self.after(end - 1, end, field)
    }

    /// Where the text opened at `from` and broken by the line break at `at` ends with a
    /// typographic quote that closes it (see [`Lexer::closing_quote`]), followed on the next
    /// line by a field, an item or the end of the object or list.
    fn closed_at_line_end(&self, from: usize, at: usize, field: bool) -> Option<usize> {
        let next = self.next_token(at)?;
        (next == '"' || next == '}' || next == ']' || TYPOGRAPHIC.contains(&next))
            .then(|| self.closing_quote(from, at, field, true))
            .flatten()
    }

    /// The first typographic quote in the text from `from` to `to` (the end of a line if
    /// `line_end`) that closes it, a field name if `field`: one followed up to `to` by only
    /// what JSON has between texts, first a colon after a field name or a comma or bracket
    /// after a value (which a line's end may leave out), then perhaps a typographic quote that
    /// opens the next text. Within a line, the file must also read on as JSON after it (see
    /// [`Lexer::reads_on`]); a text broken by a line break is no JSON either way.
    fn closing_quote(&self, from: usize, to: usize, field: bool, line_end: bool) -> Option<usize> {
        self.text[from..to]
            .char_indices()
            .filter(|(_, c)| TYPOGRAPHIC.contains(c))
            .map(|(offset, c)| (from + offset, c))
            .find(|&(at, c)| {
                let rest = self.text[at + c.len_utf8()..to].trim_start_matches([' ', '\t']);
                let next = rest.trim_start_matches(between_texts);
                let followed = rest.chars().next().map_or(line_end, |c| follows(field, c));
                followed
                    && (next.is_empty() || next.starts_with(TYPOGRAPHIC))
                    && (self.trial || line_end || self.reads_on(at, field))
            })
            .map(|(at, _)| at)
    }

    /// Whether the file, its text taken as closed by the typographic quote at `close`, reads
    /// on as JSON up to and through the next text: the test that tells a closing quote from
    /// one of the clerk's followed by a straight quote that ends the text too early
    /// (`"artiklen ”Titel”, "Ulykkeligt" i …"`).
    fn reads_on(&self, close: usize, field: bool) -> bool {
        let mut trial = Lexer {
            at: close + char_at(self.text, close).len_utf8(),
            last: Some((close, '"')),
            last_named_field: field,
            slips: Vec::new(),
            trial: true,
            texts: 0,
            ..self.clone()
        };
        loop {
            match trial.step() {
                None => return true,
                Some(false) => return false,
                Some(true) if trial.texts > 0 => return true,
                Some(true) => {}
            }
        }
    }

    /// Records the typographic quote at `close` as closing the text read (a field name if
    /// `field`), with the tabs before it, and goes on after it; whether it can.
    fn closed_typographically(&mut self, close: usize, mut tabs: Vec<usize>, field: bool) -> bool {
        let end = close + char_at(self.text, close).len_utf8();
        self.slips.push(Slip::Quote {
            at: close,
            opens: false,
            end: close + 1,
        });
        tabs.retain(|&tab| tab < close);
        self.push_inner(Vec::new(), tabs, close + 1);
        self.after(close, end, field)
    }

    /// Records the line breaks and tabs of the text that ends at `end`.
    fn push_inner(&mut self, breaks: Vec<usize>, tabs: Vec<usize>, end: usize) {
        if !breaks.is_empty() {
            self.slips.push(Slip::Breaks { at: breaks, end });
        }
        if !tabs.is_empty() {
            self.slips.push(Slip::Tabs { at: tabs, end });
        }
    }

    /// Goes on after the text (a field name if `field`) whose closing quote is at `close` and
    /// which ends at `end`, if what follows is JSON; whether it is. A trial reading asks for
    /// what JSON has after the text in its place.
    fn after(&mut self, close: usize, end: usize, field: bool) -> bool {
        let fits = if self.trial {
            self.fits(end, field)
        } else {
            let next = self.next_token(end);
            after_text(next) || next == Some('"') || next.is_some_and(|c| TYPOGRAPHIC.contains(&c))
        };
        self.last = Some((close, '"'));
        self.last_named_field = field;
        self.at = end;
        self.texts += 1;
        fits
    }

    /// Reads past the field name (if `field`) or text opened by the typographic quote at
    /// `start`, which ends at the first quote of any kind on its line followed by what JSON
    /// has after a text; whether it could.
    fn typographic(&mut self, start: usize, field: bool) -> bool {
        let mut at = start + char_at(self.text, start).len_utf8();
        let mut tabs = Vec::new();
        let close = loop {
            let Some(c) = self.text[at..].chars().next() else {
                return false;
            };
            let next = at + c.len_utf8();
            match c {
                '\n' | '\r' => return false,
                '\\' => {
                    at = next + self.text[next..].chars().next().map_or(0, char::len_utf8);
                    continue;
                }
                '\t' => tabs.push(at),
                c if (c == '"' || TYPOGRAPHIC.contains(&c))
                    && after_text(self.next_after(next)) =>
                {
                    break at;
                }
                // A straight quote inside: no telling where the text ends.
                '"' => return false,
                _ => {}
            }
            at = next;
        };
        let end = close + char_at(self.text, close).len_utf8();
        self.slips.push(Slip::Quote {
            at: start,
            opens: true,
            end,
        });
        if char_at(self.text, close) != '"' {
            self.slips.push(Slip::Quote {
                at: close,
                opens: false,
                end,
            });
        }
        self.push_inner(Vec::new(), tabs, end);
        self.after(close, end, field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text mended, and each finding's message, path, line and column.
    fn mended(text: &str) -> (String, Vec<(String, String, usize, usize)>) {
        let (mended, told) = told(text);
        assert_eq!(mended.len(), text.len(), "every byte keeps its place");
        let findings = told
            .findings
            .into_iter()
            .map(|f| (f.message, f.path.to_string(), f.line, f.column))
            .collect();
        (mended, findings)
    }

    /// `text` mended, and what is told of its slips.
    fn told(text: &str) -> (String, Told) {
        let mended = mend(text);
        let told = mended.told(text, &mended.text, &LineIndex::new(text));
        (mended.text, told)
    }

    #[test]
    fn typographic_quotes_become_straight_outside_the_text() {
        let (text, findings) = mended("{\"a\": {“office”: “Straffe”, \"b\": ”x”}}");
        assert_eq!(
            text,
            "{\"a\": {  \"office\"  :   \"Straffe\"  , \"b\":   \"x\"  }}"
        );
        assert_eq!(
            findings,
            [(
                "JSON-syntaksfejl: “ og ” er typografiske anførselstegn (fra Word eller \
                 Outlook); JSON kræver lige anførselstegn \""
                    .to_string(),
                "a.office".to_string(),
                1,
                8
            )]
        );
        assert_eq!(
            told("{\"a\": “x”}").1.findings[0].hint.as_deref(),
            Some("skriv {\"a\": \"x\"}")
        );
    }

    #[test]
    fn quotes_inside_a_text_are_the_clerks() {
        let text = "{\"a\": \"udspillet ”Respekt” i 2016, og ”x”\",\n \"b\": «y»}";
        let (mended, findings) = mended(text);
        assert!(mended.contains("udspillet ”Respekt” i 2016, og ”x”\""));
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!((findings[0].1.as_str(), findings[0].2), ("b", 2));
    }

    #[test]
    fn a_text_closed_by_a_typographic_quote_at_the_end_of_its_line_ends_there() {
        let (text, findings) = mended("{\"a\": \"Straffe”,\n \"b\": 1}");
        assert_eq!(text, "{\"a\": \"Straffe\"  ,\n \"b\": 1}");
        assert_eq!((findings[0].1.as_str(), findings[0].3), ("a", 15));
    }

    #[test]
    fn line_breaks_and_tabs_in_a_text_become_spaces() {
        let (text, findings) = mended("{\"a\": \"x\r\ny\nz\", \"b\": \"p\tq\"}");
        assert_eq!(text, "{\"a\": \"x  y z\", \"b\": \"p q\"}");
        let messages: Vec<(&str, &str, usize, usize)> = findings
            .iter()
            .map(|(m, p, l, c)| (m.as_str(), p.as_str(), *l, *c))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    "JSON-syntaksfejl: teksten er delt over tre linjer (linjeskift i slutningen \
                     af linje 1 og 2)",
                    "a",
                    1,
                    9
                ),
                ("JSON-syntaksfejl: tabulator i teksten", "b", 3, 12),
            ]
        );
    }

    #[test]
    fn a_text_whose_closing_quote_is_missing_is_left_to_the_parser() {
        let text = "{\"a\": \"x\n \"b\": 1}";
        let (mended, findings) = mended(text);
        assert_eq!(mended, text);
        assert!(findings.is_empty());
    }

    #[test]
    fn a_doubled_comma_is_told_at_the_second_after_the_field_before_it() {
        let (text, findings) = mended("{\"a\": 1,, \"b\": [1,\n,2]}");
        assert_eq!(text, "{\"a\": 1,  \"b\": [1,\n 2]}");
        let places: Vec<(&str, usize, usize)> = findings
            .iter()
            .map(|(_, p, l, c)| (p.as_str(), *l, *c))
            .collect();
        assert_eq!(places, [("a", 1, 9), ("b[0]", 2, 1)]);
        assert_eq!(findings[0].0, "JSON-syntaksfejl: to kommaer efter hinanden");
    }

    /// Each mix of straight and typographic quotes around a field name and its text, and the
    /// typographic quotes it has, as the message names them.
    const MIXES: [(&str, &str); 9] = [
        (
            "\"office”: \"Straffe\"",
            "” er et typografisk anførselstegn",
        ),
        (
            "“office\": \"Straffe\"",
            "“ er et typografisk anførselstegn",
        ),
        (
            "„office“: \"Straffe\"",
            "„ og “ er typografiske anførselstegn",
        ),
        (
            "\"office\": ”Straffe\"",
            "” er et typografisk anførselstegn",
        ),
        ("”office”: ”Straffe”", "” er et typografisk anførselstegn"),
        (
            "\"office\": \"Straffe”",
            "” er et typografisk anførselstegn",
        ),
        (
            "\"office”: “Straffe\"",
            "” og “ er typografiske anførselstegn",
        ),
        (
            "“office”: \"Straffe”",
            "“ og ” er typografiske anførselstegn",
        ),
        (
            "\"office\": \"Straffe‘",
            "‘ er et typografisk anførselstegn",
        ),
    ];

    #[test]
    fn every_mix_of_straight_and_typographic_quotes_is_told_mended_and_read_past() {
        for (field, marks) in MIXES {
            // In an object on its own lines, in one on a line, before its end, in a list.
            for (text, path) in [
                (
                    format!("{{\"a\": {{\n  {field},\n  \"b\": 1,, \"c\": 2\n}}}}"),
                    "a.office",
                ),
                (
                    format!("{{\"a\": {{{field}, \"b\": 1,, \"c\": 2}}}}"),
                    "a.office",
                ),
                (
                    format!("{{\"b\": 1,, \"c\": 2, \"a\": {{{field}}}}}"),
                    "a.office",
                ),
                (
                    format!("{{\"b\": 1,, \"c\": 2, \"a\": [{{{field}}}]}}"),
                    "a[0].office",
                ),
            ] {
                let (mended, findings) = mended(&text);
                let right = text
                    .replace(field, "\"office\": \"Straffe\"")
                    .replace(",,", ",");
                assert_eq!(mended.replace(' ', ""), right.replace(' ', ""), "{text}");
                let message = format!(
                    "JSON-syntaksfejl: {marks} (fra Word eller Outlook); JSON kræver lige \
                     anførselstegn \""
                );
                // At the first typographic quote.
                let before = &text[..text.find(|c| TYPOGRAPHIC.contains(&c)).unwrap()];
                let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
                let quote = findings
                    .iter()
                    .find(|f| f.0 != "JSON-syntaksfejl: to kommaer efter hinanden");
                assert_eq!(findings.len(), 2, "{text}: {findings:?}");
                assert_eq!(
                    quote.map(|f| (f.0.as_str(), f.1.as_str(), f.3)),
                    Some((message.as_str(), path, column)),
                    "{text}"
                );
            }
            let text = format!("{{\"a\": {{\n  {field},\n  \"b\": 1\n}}}}");
            let hint = told(&text).1.findings[0].hint.clone();
            assert_eq!(
                hint.as_deref(),
                Some("skriv \"office\": \"Straffe\""),
                "{text}"
            );
        }
    }

    #[test]
    fn a_chain_of_texts_closed_by_typographic_quotes_is_read_through() {
        let (text, findings) = mended("{\"a”: \"b”, \"c”: {\"d\": \"e”}, \"f\": [\"g”, \"h”]}");
        assert_eq!(
            text,
            "{\"a\"  : \"b\"  , \"c\"  : {\"d\": \"e\"  }, \"f\": [\"g\"  , \"h\"  ]}"
        );
        assert_eq!(findings.len(), 1, "one finding for the line: {findings:?}");
    }

    /// Typographic quotes inside a text, where JSON's reading is right, are the clerk's: the
    /// hard cases that look like a text's end followed by JSON's `:` or `,`.
    #[test]
    fn a_text_with_quotes_followed_by_a_colon_or_comma_is_read_as_written() {
        for text in [
            "{\"a\": \"Han sagde ”nej”: det var slut\", \"b\": 1}",
            "{\"a\": \"udspillet ”Respekt”, og ”x”\", \"b\": 1}",
            "{\"a\": \"bogen ”Titel”\",\n \"b\": [\"”Titel”, \", \"”a”: ”b”\"]}",
            "{\"a”: \": 1}",
            "{\"”: \": \"”, \"}",
            "{\"a\": \"udspillet ”Respekt”,\", \"b\": \"x ”\"}",
        ] {
            let (mended, findings) = mended(text);
            assert_eq!(mended, text);
            assert!(findings.is_empty(), "{text}: {findings:?}");
            serde_json::from_str::<serde_json::Value>(text).expect("valid JSON");
        }
    }

    /// A straight quote inside a text, after a typographic quote and a comma of the clerk's,
    /// is left to the parser, which tells it (see `serde_error::quote_inside_text`): taken as
    /// the next field's, the text after it would be no JSON.
    #[test]
    fn a_straight_quote_inside_a_text_after_quotes_and_a_comma_is_left_to_the_parser() {
        let text = "{\"a\": \"artiklen ”Titel”, \"Ulykkeligt\" i 2016\", \"b\": 1}";
        let (mended, findings) = mended(text);
        assert_eq!(mended, text);
        assert!(findings.is_empty(), "{findings:?}");
    }
}
