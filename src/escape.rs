//! Escaping untrusted text for Typst: the one place where content meets markup.
//!
//! Answer files are untrusted: a paragraph such as `#read("/etc/passwd")` must print literally,
//! never run. Every value a template interpolates passes through [`markup`] (via the template
//! engine's auto-escaping) or, inside Typst code, through [`string_literal`] and
//! [`text_literal`].

/// Whether `c` starts markup, code, math, comments, labels or references in Typst markup; a
/// backslash before it makes it literal. A `match`, not a list to search, since every character
/// of every answer passes through here.
fn is_markup_special(c: char) -> bool {
    matches!(
        c,
        '\\' | '/'
            | '['
            | ']'
            | '~'
            | '-'
            | '.'
            | '*'
            | '_'
            | ':'
            | '$'
            | '<'
            | '>'
            | '@'
            | '#'
            | '='
            | '+'
            | '('
            | ')'
            | '`'
    )
}

/// Separators that would end a paragraph, a list item or a heading in markup; literal text
/// prints each as a space.
pub(crate) fn is_line_separator(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Escapes `text` so that Typst markup prints it literally, on one line, as `printed` does.
///
/// The month of a date the text keeps on one line ([`crate::danish::months_in_dates`]) is set
/// unhyphenated, in `#text(hyphenate: false)[…];`, so that "20. oktober 2026" is one unit on
/// its line; the semicolon ends the call, so what follows prints as it is.
pub fn markup(text: &str) -> String {
    markup_with_months(text, &crate::danish::months_in_dates(text))
}

/// [`markup`] with the months of dates given: for a redline's run, whose dates the text around
/// it completes ([`crate::danish::keep_runs_together`]).
pub fn markup_with_months(text: &str, months: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut from = 0;
    for month in months.iter().cloned() {
        push_escaped(&mut out, &text[from..month.start]);
        out.push_str("#text(hyphenate: false)[");
        push_escaped(&mut out, &text[month.clone()]);
        out.push_str("];");
        from = month.end;
    }
    push_escaped(&mut out, &text[from..]);
    out
}

/// Appends `text` to `out` as markup that prints it literally.
fn push_escaped(out: &mut String, text: &str) {
    for c in printed(text) {
        if is_markup_special(c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Quotes one line of literal text as a Typst string that prints as [`markup`] prints it: the
/// same Danish quotes, and each run of spaces and line breaks one space, none at either end,
/// as markup collapses them.
///
/// Table cells, headings and captions are passed as strings rather than as `[…]` blocks of
/// escaped markup. Typst evaluates a string in one step, where a block of markup is a scope with
/// a node per word, space and escaped character; and a changed figure keeps the syntax tree's
/// shape, so the edit that puts the next answer of a batch in place renumbers less of it. For
/// the example's tables that is about a tenth of a batch's time (README, "Benchmarks").
pub fn text_literal(text: &str) -> String {
    string_literal(&printed_line(text))
}

/// Text from a file as a terminal may safely show it in a message: control characters, which
/// could move the cursor, erase svar's own lines or set the clipboard (ESC sequences), and the
/// invisible marks that reverse or reorder text, which could make a name or a change read as
/// something else, are written as their code points ("<U+001B>", "<U+202E>"). Line breaks and
/// tabs stay.
pub fn for_terminal(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => shown.push(c),
            c if c.is_control() || is_bidi_control(c) => {
                shown.push_str(&format!("<U+{:04X}>", c as u32));
            }
            c => shown.push(c),
        }
    }
    shown
}

/// The Unicode marks that change the direction or order in which text is displayed.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` as it prints on one line (see `printed` and `one_line`). For text that is not
/// printed on the page but read out of the PDF, such as its title and author, which must read
/// as the page does (”…”, not "…") and would otherwise keep a pasted line break.
pub fn printed_line(text: &str) -> String {
    one_line(&printed(text).collect::<String>())
}

/// `text` as markup prints it on one line: each run of spaces and line breaks one space, none at
/// either end.
fn one_line(text: &str) -> String {
    let words: Vec<&str> = text
        .split(|c: char| c == ' ' || is_line_separator(c))
        .filter(|word| !word.is_empty())
        .collect();
    words.join(" ")
}

/// The characters of `text` as they print on one line: a line separator as a space, other
/// control characters not at all (they have no printed form), and straight quotes as the
/// Danish ” (at both ends) and the apostrophe ’, set here rather than by Typst's smart quotes,
/// which would print a quote after a digit as a prime (12″). The English opening “ (German's
/// closing one) and the German opening „ print as ” too, and the English opening ‘ as ’: text
/// pasted from an English or German Word has them, and a Danish answer has ”…” at both ends
/// (LAYOUTS.md), so there is nothing else they could be meant as. Guillemets stay as written:
/// »…« is Danish too, and «…», which is not, is a warning of `svar check`. U+FEFF, a byte-order
/// mark that text pasted from Word or a web page often carries along, is dropped too: it prints
/// nothing, and PDF/A and PDF/UA forbid it in a PDF's text.
fn printed(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter_map(|c| match c {
        c if is_line_separator(c) => Some(' '),
        c if c.is_control() => None,
        '"' | '\u{201C}' | '\u{201E}' => Some('”'),
        '\'' | '\u{2018}' => Some('’'),
        '\u{FEFF}' => None,
        c => Some(c),
    })
}

/// `text` as it prints (see `printed`), for comparing two texts by what a reader sees rather
/// than by how they are written: `"Ja"` and `“Ja”` both print ”Ja”.
pub fn as_printed(text: &str) -> std::borrow::Cow<'_, str> {
    if printed(text).eq(text.chars()) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(printed(text).collect())
    }
}

/// Quotes `text` as a Typst string literal, for values used inside Typst code.
///
/// The literal is wrapped in parentheses so that whatever a template writes after it (`.len()`,
/// `(…)`, `[…]`) cannot continue it as a method call or an argument list.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    out.push_str("(\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_line_separator(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push_str("\")");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_every_special_character() {
        assert_eq!(markup("#read(\"x\")"), "\\#read\\(”x”\\)");
        assert_eq!(markup("*x* $y$ // z"), "\\*x\\* \\$y\\$ \\/\\/ z");
        assert_eq!(markup("= h <l> @r"), "\\= h \\<l\\> \\@r");
    }

    #[test]
    fn a_pasted_byte_order_mark_is_dropped() {
        assert_eq!(markup("\u{FEFF}I oktober"), "I oktober");
        assert_eq!(text_literal("I alt\u{FEFF}"), "(\"I alt\")");
    }

    #[test]
    fn straight_quotes_become_danish_quotes() {
        assert_eq!(markup("\"Ja\", NGO'er, 12\""), "”Ja”, NGO’er, 12”");
    }

    #[test]
    fn english_and_german_quotes_become_danish_quotes_and_guillemets_stay() {
        assert_eq!(
            markup("“engelske”, „tyske“, ‘enkelte’ og »danske«"),
            "”engelske”, ”tyske”, ’enkelte’ og »danske«"
        );
        assert_eq!(text_literal("„Ja“"), "(\"”Ja”\")");
    }

    #[test]
    fn markup_keeps_danish_letters_and_joins_lines() {
        assert_eq!(markup("Æble\nøl\u{2029}å"), "Æble øl å");
    }

    #[test]
    fn markup_doubles_backslashes_so_unicode_escapes_stay_literal() {
        assert_eq!(markup("\\u{41}"), "\\\\u{41}");
    }

    #[test]
    fn text_literal_prints_as_markup_would() {
        assert_eq!(
            text_literal("  Påtale  opgivet\n(Rpl. § 721) "),
            "(\"Påtale opgivet (Rpl. § 721)\")"
        );
        assert_eq!(text_literal("\"Ja\", NGO'er\u{7}"), "(\"”Ja”, NGO’er\")");
        assert_eq!(text_literal("#read(\"/x\") \\"), "(\"#read(”/x”) \\\\\")");
        assert_eq!(text_literal(" \t"), "(\"\")");
    }

    #[test]
    fn one_line_collapses_spaces_and_line_breaks() {
        assert_eq!(
            one_line("  Justits\nministeriet \u{2028} "),
            "Justits ministeriet"
        );
        assert_eq!(one_line("a\u{a0}b"), "a\u{a0}b");
    }

    #[test]
    fn string_literal_escapes_quotes_and_controls() {
        assert_eq!(string_literal("a\"b\\c\nd"), "(\"a\\\"b\\\\c\\nd\")");
        assert_eq!(string_literal("x\u{2028}"), "(\"x\\u{2028}\")");
    }
}
