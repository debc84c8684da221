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

/// A text that the file has with its slips mended, and what was told about them.
#[derive(Debug, Default)]
pub(super) struct Mended {
    /// The text, each slip mended, every byte at its place.
    pub text: String,
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

/// `text` with its slips mended, and a finding for each; `lines` indexes `text`.
pub(super) fn mend(text: &str, lines: &LineIndex<'_>) -> Mended {
    let slips = Lexer::new(text).run();
    if slips.is_empty() {
        return Mended {
            text: text.to_string(),
            ..Mended::default()
        };
    }
    let mut bytes = text.as_bytes().to_vec();
    for slip in &slips {
        for (range, with) in replacements(slip, text) {
            bytes[range].copy_from_slice(&with);
        }
    }
    let mended = String::from_utf8(bytes).expect("only whole characters are replaced");
    let in_mended = LineIndex::new(&mended);
    let path = |end: usize| super::scan::path_at(end, &in_mended);
    let mut findings = quote_findings(&slips, text, lines, &path);
    let mut set_aside = Vec::new();
    for slip in &slips {
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
    Mended {
        text: mended,
        findings,
        set_aside,
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

/// A pass over the text that knows where its strings are, as far as it can be sure: it stops
/// where it cannot tell (a text not closed, something other than JSON after a text), leaving
/// the rest to the parser.
struct Lexer<'a> {
    text: &'a str,
    at: usize,
    /// The last character outside the strings that was not whitespace.
    last: Option<(usize, char)>,
    slips: Vec<Slip>,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            at: 0,
            last: None,
            slips: Vec::new(),
        }
    }

    fn run(mut self) -> Vec<Slip> {
        while let Some(c) = self.text[self.at..].chars().next() {
            let at = self.at;
            let read = match c {
                '"' => self.straight(at),
                c if TYPOGRAPHIC.contains(&c) => self.typographic(at),
                // A comment, which the parser tells; its words are no JSON.
                '/' => false,
                ',' if matches!(self.last, Some((_, ','))) => {
                    let first = self.last.expect("matched").0;
                    self.slips.push(Slip::Comma { at, first });
                    self.at += 1;
                    true
                }
                c => {
                    if !c.is_whitespace() {
                        self.last = Some((at, c));
                    }
                    self.at += c.len_utf8();
                    true
                }
            };
            if !read {
                break;
            }
        }
        self.slips
    }

    /// The first character from `from` on that is not a space or a tab.
    fn next_after(&self, from: usize) -> Option<char> {
        self.text[from..].chars().find(|c| !matches!(c, ' ' | '\t'))
    }

    /// The first character from `from` on that is not whitespace, line breaks included.
    fn next_token(&self, from: usize) -> Option<char> {
        self.text[from..].chars().find(|c| !c.is_whitespace())
    }

    /// Reads past the text opened by the `"` at `start`; whether it could.
    fn straight(&mut self, start: usize) -> bool {
        let mut breaks = Vec::new();
        let mut tabs = Vec::new();
        let mut line_start = start + 1;
        let mut at = start + 1;
        let end = loop {
            let Some(c) = self.text[at..].chars().next() else {
                return false;
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
                        && let Some(close) = self.closed_typographically(line_start, at)
                    {
                        self.slips.push(Slip::Quote {
                            at: close,
                            opens: false,
                            end: close + 1,
                        });
                        self.push_inner(Vec::new(), tabs, close + 1);
                        return self.after(close, close + char_at(self.text, close).len_utf8());
                    }
                    let newline = at + self.text[at..].find('\n').unwrap_or(0);
                    breaks.push(at);
                    at = newline + 1;
                    line_start = at;
                    continue;
                }
                _ => {}
            }
            at += c.len_utf8();
        };
        // A text "split" by a line break but followed by no JSON after its quote is more
        // likely one whose closing quote is missing: the parser's message stands.
        if !breaks.is_empty() && !after_text(self.next_token(end)) {
            return false;
        }
        self.push_inner(breaks, tabs, end);
        self.after(end - 1, end)
    }

    /// Where the text of the line from `from` to the line break at `at` ends with a
    /// typographic quote that closes it, the comma after the quote all that follows on the
    /// line and a field, an item or the end of the object or list on the next.
    fn closed_typographically(&self, from: usize, at: usize) -> Option<usize> {
        let line = self.text[from..at].trim_end();
        let line = line.strip_suffix(',').unwrap_or(line).trim_end();
        let quote = line
            .chars()
            .next_back()
            .filter(|c| TYPOGRAPHIC.contains(c))?;
        let next = self.next_token(at)?;
        (next == '"' || next == '}' || next == ']' || TYPOGRAPHIC.contains(&next))
            .then(|| from + line.len() - quote.len_utf8())
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

    /// Goes on after the text whose closing quote is at `close` and which ends at `end`, if
    /// what follows is JSON; whether it is.
    fn after(&mut self, close: usize, end: usize) -> bool {
        let next = self.next_token(end);
        let fits =
            after_text(next) || next == Some('"') || next.is_some_and(|c| TYPOGRAPHIC.contains(&c));
        self.last = Some((close, '"'));
        self.at = end;
        fits
    }

    /// Reads past the field name or text opened by the typographic quote at `start`, which
    /// ends at the first quote of any kind on its line followed by what JSON has after a text;
    /// whether it could.
    fn typographic(&mut self, start: usize) -> bool {
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
        self.after(close, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text mended, and each finding's message, path, line and column.
    fn mended(text: &str) -> (String, Vec<(String, String, usize, usize)>) {
        let lines = LineIndex::new(text);
        let mended = mend(text, &lines);
        assert_eq!(mended.text.len(), text.len(), "every byte keeps its place");
        let findings = mended
            .findings
            .into_iter()
            .map(|f| (f.message, f.path.to_string(), f.line, f.column))
            .collect();
        (mended.text, findings)
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
        let lines = LineIndex::new("{\"a\": “x”}");
        assert_eq!(
            mend("{\"a\": “x”}", &lines).findings[0].hint.as_deref(),
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
}
