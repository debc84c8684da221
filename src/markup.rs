//! Opt-in inline formatting: a small part of Markdown in text fields, turned into Typst.
//!
//! By default every character of an answer is printed as written (see [`crate::escape`]). An
//! answer that sets `"markup": "markdown"` may use *emphasis*, **strong**, `[links](https://…)`,
//! footnotes `[^1]` (their texts under `footnotes`; a second reference to the same footnote
//! repeats its number) and line breaks. Nothing else of Markdown
//! applies: a line that would start a heading, list, quotation or code block in Markdown
//! ("1. januar", "- ", "# ") is protected first, and anything the parser still sees as a block
//! or an image is printed as its source text. The output calls only `emph`, `strong`, `link`,
//! `footnote` and `linebreak`, with labels svar makes itself; all text goes through
//! [`escape::markup`] and every link target through [`escape::string_literal`], so content
//! still cannot inject Typst.

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::escape;
use crate::model::{Answer, Markup};

/// The link targets a published answer may point to.
const LINK_SCHEMES: &[&str] = &["https://", "http://", "mailto:"];

/// Something a text refers to, for checking before typesetting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reference {
    /// A footnote, by its label: `[^1]` refers to `"1"`.
    Footnote(String),
    /// A link's target.
    Link(String),
}

/// Whether a link may point to `target`: only the web and e-mail, never local files.
pub(crate) fn is_allowed_link(target: &str) -> bool {
    LINK_SCHEMES.iter().any(|scheme| {
        target
            .get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    })
}

/// A footnote reference or link, and where the text has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located {
    /// What it refers to.
    pub reference: Reference,
    /// The bytes of the text it is written in (`[^9]`, `[tekst](www.x.dk)`), so that a finding
    /// about it can point at it; none in the rare text where it cannot be told (written across
    /// lines that svar reads otherwise than they are written).
    pub at: Option<std::ops::Range<usize>>,
}

/// What a check needs to know of a text's markup, read in one pass.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Inspection {
    /// The footnotes and links, in order, with where they are.
    pub references: Vec<Located>,
    /// How many levels of emphasis, strong and links the text has inside each other, at most.
    pub nesting: usize,
}

/// Reads `text` as Markdown for the checks: its references and how deep its markup nests.
pub(crate) fn inspect(text: &str) -> Inspection {
    let source = Protected::new(text);
    let mut inspection = Inspection::default();
    let mut depth: usize = 0;
    // Where in `text` the next reference is looked for: after the one before.
    let mut searched_to = 0;
    let mut locate = |reference: Reference, range: std::ops::Range<usize>| {
        let written = source.raw(range);
        let at = text[searched_to..]
            .find(&written)
            .map(|start| searched_to + start..searched_to + start + written.len());
        if let Some(at) = &at {
            searched_to = at.end;
        }
        Located { reference, at }
    };
    for (event, range) in Parser::new_ext(&source.text, options()).into_offset_iter() {
        match event {
            Event::FootnoteReference(label) => inspection
                .references
                .push(locate(Reference::Footnote(label.to_string()), range)),
            Event::Start(tag @ (Tag::Emphasis | Tag::Strong | Tag::Link { .. })) => {
                if let Tag::Link {
                    link_type,
                    dest_url,
                    ..
                } = tag
                {
                    let target = link_target(link_type, &dest_url);
                    inspection
                        .references
                        .push(locate(Reference::Link(target), range));
                }
                depth += 1;
                inspection.nesting = inspection.nesting.max(depth);
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    inspection
}

/// The labels of the footnotes `text` refers to, in the order it refers to them (`[^1]` is
/// "1"), one as often as it is referred to.
pub(crate) fn footnote_labels(text: &str) -> impl Iterator<Item = String> {
    references(text)
        .into_iter()
        .filter_map(|reference| match reference {
            Reference::Footnote(label) => Some(label),
            Reference::Link(_) => None,
        })
}

/// The footnotes of `answer` that print: those its prose refers to, if it is Markdown. The
/// others never reach a page.
pub(crate) fn printed_footnotes(answer: &Answer) -> BTreeMap<String, String> {
    if answer.markup != Markup::Markdown {
        return BTreeMap::new();
    }
    let referred: BTreeSet<String> = (crate::validate::prose(answer).into_iter())
        .flat_map(|(_, text)| footnote_labels(text))
        .collect();
    (answer.footnotes.iter())
        .filter(|(label, _)| referred.contains(*label))
        .map(|(label, text)| (label.clone(), text.clone()))
        .collect()
}

/// The footnotes and links in `text`, in order.
pub(crate) fn references(text: &str) -> Vec<Reference> {
    inspect(text)
        .references
        .into_iter()
        .map(|located| located.reference)
        .collect()
}

/// The footnotes of one answer, and which of them have been printed so far.
#[derive(Debug)]
pub(crate) struct Footnotes {
    texts: BTreeMap<String, String>,
    /// Footnotes a redline prints as marked runs instead of their texts: their Typst markup.
    marked: BTreeMap<String, String>,
    printed: BTreeSet<String>,
}

impl Footnotes {
    /// The answer's footnotes by label, none printed yet.
    pub(crate) fn new(texts: BTreeMap<String, String>) -> Self {
        Self {
            texts,
            marked: BTreeMap::new(),
            printed: BTreeSet::new(),
        }
    }

    /// The same footnotes, those in `marked` printed as the given Typst markup: a redline's
    /// marked changes.
    pub(crate) fn marked(self, marked: BTreeMap<String, String>) -> Self {
        Self { marked, ..self }
    }

    /// The footnotes `text` refers to, as printed after it where the text itself is printed
    /// as written (a redline's marked text): so that they are set and every footnote after
    /// them keeps the number the answer gives it.
    pub(crate) fn referred_to_by(&mut self, text: &str) -> String {
        footnote_labels(text)
            .filter_map(|label| self.reference(&label))
            .collect()
    }

    /// The Typst labels of the footnotes `text` refers to that are not printed yet, in the
    /// order it refers to them: those whose entries the text sets, at the foot of the page its
    /// reference falls on.
    pub(crate) fn first_printed_by(&self, text: &str) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for label in footnote_labels(text).filter(|label| !self.printed.contains(label)) {
            if let Some(name) = self.name(&label)
                && !names.contains(&name)
            {
                names.push(name);
            }
        }
        names
    }

    /// The Typst label of the footnote `label`, by its place among the answer's footnotes:
    /// a clerk's label may hold any character, which a Typst label may not.
    fn name(&self, label: &str) -> Option<String> {
        let index = self.texts.keys().position(|known| known == label)?;
        Some(format!("<svar-footnote-{index}>"))
    }

    /// The footnote for a reference to `label`: its text the first time, later a reference to
    /// the first one (same number); `None` if there is no such footnote.
    fn reference(&mut self, label: &str) -> Option<String> {
        let name = self.name(label)?;
        if !self.printed.insert(label.to_string()) {
            return Some(format!("#footnote({name});"));
        }
        let text = match self.marked.get(label) {
            Some(marked) => marked.clone(),
            None => convert(&crate::danish::keep_together(&self.texts[label]), None),
        };
        // The note's text a quarter of an em after its number, "¹ Jf. lov …", as the
        // ministries' notes read: Typst's own gap is a twentieth, and the number touched the
        // text. Set here, in the note, so that every answer.typ, also one from before, serves.
        Some(format!("#footnote[#h(0.25em);{text}];{name}"))
    }
}

/// `text` as Typst markup; footnote references take their texts from `footnotes`, in the
/// order the document prints them.
pub(crate) fn to_typst(text: &str, footnotes: &mut Footnotes) -> String {
    convert(text, Some(footnotes))
}

/// What a Markdown text prints, to tell whether two texts print the same however they are
/// written (`*x*` and `_x_` are both emphasis, `\.` and `.` both a full stop): the Typst
/// markup it becomes, footnote references as written, with each run of spaces as one and none
/// at the ends, as Typst prints them.
pub(crate) fn printed_form(text: &str) -> String {
    convert(text, None)
        .split([' ', '\t'])
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A Markdown text as plain text, as it reads when printed: emphasis and links as their words,
/// line breaks as spaces, footnote references left out, anything else as written. For places
/// that print no formatting, such as a redline's summary of changes.
pub(crate) fn printed_text(text: &str) -> String {
    as_text(text, [" ", " "])
}

/// A Markdown text as plain text, as [`printed_text`], but with its line breaks, which print,
/// kept: a line break as one, a blank line between paragraphs as two. For comparing what it
/// prints with what another text prints, word by word and line by line (`svar diff`, when an
/// answer's markup changed).
pub(crate) fn printed_lines(text: &str) -> String {
    as_text(text, ["\n", "\n\n"])
}

/// A Markdown text as plain text, `line` and `paragraph` put where a line and a paragraph
/// break.
fn as_text(text: &str, [line, paragraph]: [&str; 2]) -> String {
    let source = Protected::new(text);
    let mut out = String::with_capacity(text.len());
    let mut events = Parser::new_ext(&source.text, options()).into_offset_iter();
    while let Some((event, range)) = events.next() {
        match event {
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                out.push_str(&text);
            }
            Event::SoftBreak | Event::HardBreak => out.push_str(line),
            Event::Start(Tag::Paragraph) if !out.is_empty() => out.push_str(paragraph),
            Event::Start(Tag::Paragraph) | Event::End(_) | Event::FootnoteReference(_) => {}
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. }) => {}
            Event::Start(_) => {
                out.push_str(&source.raw(range));
                skip_to_end(&mut events);
            }
            _ => out.push_str(&source.raw(range)),
        }
    }
    out
}

/// Footnotes use the older syntax, in which a reference needs no definition in the same text:
/// the definitions live in the answer's `footnotes`, not in each paragraph.
fn options() -> Options {
    Options::ENABLE_OLD_FOOTNOTES
}

/// An e-mail autolink (`<jm@jm.dk>`) has its address as target; links need the scheme.
fn link_target(link_type: LinkType, target: &str) -> String {
    match link_type {
        LinkType::Email => format!("mailto:{target}"),
        _ => target.to_string(),
    }
}

/// Converts one text; `footnotes` is `None` inside a footnote, which cannot have its own.
fn convert(text: &str, mut footnotes: Option<&mut Footnotes>) -> String {
    let source = Protected::new(text);
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut links_open: Vec<bool> = Vec::new();
    let mut paragraphs = 0;
    // Where the text printed so far ends, to tell a blank line before the next block.
    let mut printed_to = 0;
    let mut events = Parser::new_ext(&source.text, options()).into_offset_iter();
    while let Some((event, range)) = events.next() {
        let starts_block = match &event {
            Event::Start(Tag::Paragraph) => true,
            Event::Start(tag) => !is_inline(tag),
            _ => false,
        };
        if starts_block {
            if paragraphs > 0 {
                out.push_str(source.breaks_between(printed_to, range.start));
            }
            paragraphs += 1;
        }
        if !matches!(event, Event::Start(_) | Event::End(_)) || starts_block {
            printed_to = range.end;
        }
        match event {
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                out.push_str(&escape::markup(&text));
            }
            // Code prints as written, backticks included: answers have no code to typeset.
            Event::Code(_) => out.push_str(&source.as_written(range)),
            Event::SoftBreak | Event::HardBreak => out.push_str("#linebreak();"),
            Event::Start(Tag::Paragraph) => {}
            Event::Start(Tag::Emphasis) => out.push_str("#emph["),
            Event::Start(Tag::Strong) => out.push_str("#strong["),
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => out.push_str("];"),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let target = link_target(link_type, &dest_url);
                let allowed = is_allowed_link(&target);
                if allowed {
                    out.push_str(&format!("#link({})[", escape::string_literal(&target)));
                }
                links_open.push(allowed);
            }
            Event::End(TagEnd::Link) => {
                if links_open.pop() == Some(true) {
                    out.push_str("];");
                }
            }
            Event::FootnoteReference(label) => {
                match footnotes
                    .as_deref_mut()
                    .and_then(|notes| notes.reference(&label))
                {
                    Some(footnote) => out.push_str(&footnote),
                    None => out.push_str(&source.as_written(range)),
                }
            }
            Event::End(TagEnd::Paragraph) => {}
            // Anything else Markdown knows (an image, a heading, a list the protection did not
            // catch) is printed as the clerk wrote it.
            Event::Start(_) => {
                out.push_str(&source.as_written(range));
                skip_to_end(&mut events);
            }
            _ => out.push_str(&source.as_written(range)),
        }
    }
    out
}

/// Whether a construct sits inside a line of text rather than starting a block of its own.
fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. } | Tag::Strikethrough
    )
}

/// Skips the events inside a construct whose start was just read, up to its end.
fn skip_to_end<'a>(events: &mut impl Iterator<Item = (Event<'a>, std::ops::Range<usize>)>) {
    let mut depth = 1;
    for (event, _) in events {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            return;
        }
    }
}

/// A text made ready for the Markdown parser: every line kept a line of text, with svar's
/// backslashes where a line would start a block, so "1. januar" stays a date and "- 3" a minus,
/// not a list.
struct Protected {
    /// The text the parser reads.
    text: String,
    /// Where in `text` svar added a backslash, in order.
    added: Vec<usize>,
}

impl Protected {
    fn new(text: &str) -> Self {
        let mut protected = Self {
            text: String::with_capacity(text.len() + 8),
            added: Vec::new(),
        };
        // A lone carriage return ends a line for Markdown as well (text pasted from an old Mac
        // program), so it is protected like any other line.
        let text = if text.contains('\r') {
            std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        for (index, line) in text.split('\n').enumerate() {
            if index > 0 {
                protected.text.push('\n');
            }
            let line = protect_line(line);
            if let Some(at) = line.added {
                protected.added.push(protected.text.len() + at);
            }
            protected.text.push_str(&line.text);
        }
        protected
    }

    /// The line breaks that part two blocks of the text, the first printed up to `end`, the
    /// next starting at `start`: one for a line break, two (an empty line) for a blank line.
    fn breaks_between(&self, end: usize, start: usize) -> &'static str {
        let gap = self.text.get(end..start).unwrap_or_default();
        if gap.matches('\n').count() >= 2 {
            "#linebreak();#linebreak();"
        } else {
            "#linebreak();"
        }
    }

    /// The part `range` of the text printed as the clerk wrote it: without svar's backslashes,
    /// its lines kept apart as the lines of a paragraph are.
    fn as_written(&self, range: std::ops::Range<usize>) -> String {
        self.raw(range)
            .split('\n')
            .map(escape::markup)
            .collect::<Vec<_>>()
            .join("#linebreak();")
    }
}

impl Protected {
    /// The part `range` of the text as the clerk wrote it, without svar's backslashes.
    fn raw(&self, range: std::ops::Range<usize>) -> String {
        let mut written = String::with_capacity(range.len());
        let mut from = range.start;
        for &at in self.added.iter().filter(|&&at| range.contains(&at)) {
            written.push_str(&self.text[from..at]);
            from = at + 1;
        }
        written.push_str(&self.text[from..range.end]);
        written
    }
}

/// A line as the parser gets it, and where svar added a backslash to it, if it did.
struct ProtectedLine {
    text: String,
    added: Option<usize>,
}

fn protect_line(line: &str) -> ProtectedLine {
    // Indentation would make a code block; it means nothing in a paragraph.
    let line = line.trim_start_matches([' ', '\t']);
    let protected = |at: usize| ProtectedLine {
        text: format!("{}\\{}", &line[..at], &line[at..]),
        added: Some(at),
    };
    let first = line.chars().next();
    let second = line.chars().nth(1);
    let ends_marker = |next: Option<char>| matches!(next, None | Some(' ' | '\t' | '\r'));
    let starts_block = matches!(first, Some('#' | '>'))
        || line.starts_with("```")
        || line.starts_with("~~~")
        || (matches!(first, Some('-' | '+' | '*')) && ends_marker(second))
        || is_rule(line)
        || is_definition(line);
    if starts_block {
        return protected(0);
    }
    // "1. januar" or "2) …": an ordered list marker is up to nine digits and a dot or ')'.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let delimiter = line[digits..].chars().next();
    if (1..=9).contains(&digits)
        && matches!(delimiter, Some('.' | ')'))
        && ends_marker(line[digits + 1..].chars().next())
    {
        return protected(digits);
    }
    ProtectedLine {
        text: line.to_string(),
        added: None,
    }
}

/// A thematic break or a heading underline: only `-`, `=`, `*` and `_` (and spaces).
fn is_rule(line: &str) -> bool {
    let line = line.trim_end();
    !line.is_empty() && line.chars().all(|c| "-=*_ \t".contains(c))
}

/// A link or footnote definition, `[x]: …`, which Markdown would hide.
fn is_definition(line: &str) -> bool {
    line.strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .is_some_and(|(_, after)| after.starts_with(':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typst(text: &str) -> String {
        let notes = BTreeMap::from([("1".to_string(), "Lov nr. *1* af 2019.".to_string())]);
        to_typst(text, &mut Footnotes::new(notes))
    }

    #[test]
    fn emphasis_strong_links_and_footnotes_become_typst_calls() {
        assert_eq!(typst("*ikke* **nu**"), "#emph[ikke]; #strong[nu];");
        assert_eq!(
            typst("[ft.dk](https://www.ft.dk/x)."),
            "#link((\"https://www.ft.dk/x\"))[ft\\.dk];\\."
        );
        assert_eq!(
            typst("jf. loven[^1]"),
            // A footnote keeps "nr. 1" on one line as running text does.
            "jf\\. loven#footnote[#h(0.25em);Lov nr\\.\u{a0}#emph[1]; af 2019\\.];<svar-footnote-0>"
        );
        assert_eq!(
            typst("a[^1] b[^1]"),
            "a#footnote[#h(0.25em);Lov nr\\.\u{a0}#emph[1]; af 2019\\.];<svar-footnote-0> b#footnote(<svar-footnote-0>);"
        );
        assert_eq!(typst("a\nb"), "a#linebreak();b");
    }

    #[test]
    fn texts_written_differently_that_print_alike_have_one_printed_form() {
        assert_eq!(printed_form("*x* y"), printed_form("_x_  y"));
        assert_eq!(printed_form("a\\.b"), printed_form("a.b"));
        assert_ne!(printed_form("*x*"), printed_form("**x**"));
        assert_ne!(printed_form("a\nb"), printed_form("a b"));
    }

    #[test]
    fn printed_text_has_the_words_without_the_marks() {
        assert_eq!(
            printed_text("Til **sygehusvæsenet** og *regionerne*.[^1]"),
            "Til sygehusvæsenet og regionerne."
        );
        assert_eq!(
            printed_text("[regnskaber](https://x.dk) 1. januar\n- 3"),
            "regnskaber 1. januar - 3"
        );
        assert_eq!(printed_text("2\\*3 `a*b*`"), "2*3 `a*b*`");
    }

    #[test]
    fn printed_lines_keep_the_line_breaks_that_print() {
        assert_eq!(
            printed_lines("Se [her](https://x.dk)\nog *der*.[^1]\n\nNyt afsnit."),
            "Se her\nog der.\n\nNyt afsnit."
        );
        assert_eq!(
            printed_lines("a  \nb"),
            "a\nb",
            "a hard break is a line break too"
        );
        assert_eq!(printed_text("a\n\nb"), "a b");
    }

    #[test]
    fn lines_that_would_start_blocks_stay_text() {
        assert_eq!(typst("1. januar 2019"), "1\\. januar 2019");
        assert_eq!(typst("- 3 sager\n# 4"), "\\- 3 sager#linebreak();\\# 4");
        assert_eq!(typst("> citat"), "\\> citat");
        assert_eq!(typst("    kode"), "kode");
        assert_eq!(
            typst("[x]: https://a.dk"),
            "\\[x\\]\\: https\\:\\/\\/a\\.dk"
        );
        assert_eq!(typst("Tekst\n---"), "Tekst#linebreak();\\-\\-\\-");
    }

    #[test]
    fn unsupported_constructs_print_as_written() {
        assert_eq!(
            typst("![logo](/etc/passwd)"),
            "!\\[logo\\]\\(\\/etc\\/passwd\\)"
        );
        assert_eq!(typst("[^9]"), "\\[^9\\]");
        assert_eq!(typst("se `§ 5`"), "se \\`§ 5\\`");
        assert_eq!(typst("[lokal](file:///etc/passwd)"), "lokal");
    }

    #[test]
    fn a_block_printed_as_written_keeps_its_lines_and_none_of_svars_backslashes() {
        // An HTML block is printed as its source: that is the clerk's text, not the text with
        // the backslash that keeps "1. januar" a date, and its lines stay lines.
        assert_eq!(
            typst("<p>Se nedenfor\n1. januar 2019 - 3 sager"),
            "\\<p\\>Se nedenfor#linebreak();1\\. januar 2019 \\- 3 sager"
        );
        assert_eq!(typst("`a\n- b`"), "\\`a#linebreak();\\- b\\`");
    }

    #[test]
    fn a_blank_line_prints_as_an_empty_line_also_around_a_block_printed_as_written() {
        assert_eq!(typst("Før\n\nEfter"), "Før#linebreak();#linebreak();Efter");
        assert_eq!(
            typst("Før\n\n<div>x</div>"),
            "Før#linebreak();#linebreak();\\<div\\>x\\<\\/div\\>"
        );
        assert_eq!(
            typst("Før\n<div>\nx\n</div>\nEfter"),
            "Før#linebreak();\\<div\\>#linebreak();x#linebreak();\\<\\/div\\>#linebreak();Efter"
        );
        assert_eq!(
            typst("![logo](x.png) *a*"),
            "!\\[logo\\]\\(x\\.png\\) #emph[a];"
        );
    }

    #[test]
    fn a_carriage_return_ends_a_line_as_a_line_feed_does() {
        let expected = "Første linje#linebreak();\\- anden linje#linebreak();\\- tredje";
        assert_eq!(typst("Første linje\r- anden linje\n- tredje"), expected);
        assert_eq!(typst("Første linje\r\n- anden linje\r\n- tredje"), expected);
    }

    #[test]
    fn nesting_counts_levels_inside_each_other_not_side_by_side() {
        let nesting = |text: &str| inspect(text).nesting;
        assert_eq!(nesting("ingen"), 0);
        assert_eq!(nesting("*a* **b** [c](https://x.dk)"), 1);
        assert_eq!(nesting("***a*** [*b*](https://x.dk)"), 2);
        let deep = format!("{}x{}", "*a ".repeat(100), " a*".repeat(100));
        assert_eq!(nesting(&deep), 100);
    }

    #[test]
    fn references_are_located_where_they_are_written() {
        let text = "Se [^9] og [her](www.x.dk) og [^9]\n  [mail](mailto:a@b.dk).";
        let places: Vec<&str> = inspect(text)
            .references
            .iter()
            .map(|located| &text[located.at.clone().unwrap()])
            .collect();
        assert_eq!(
            places,
            ["[^9]", "[her](www.x.dk)", "[^9]", "[mail](mailto:a@b.dk)"]
        );
        let second = inspect(text).references[2].at.clone().unwrap();
        assert_eq!(second.start, text.rfind("[^9]").unwrap());
    }

    #[test]
    fn references_lists_footnotes_and_links() {
        assert_eq!(
            references("a[^1] [b](https://x.dk) <jm@jm.dk>"),
            vec![
                Reference::Footnote("1".into()),
                Reference::Link("https://x.dk".into()),
                Reference::Link("mailto:jm@jm.dk".into()),
            ]
        );
        assert!(is_allowed_link("HTTPS://ft.dk") && !is_allowed_link("file:///x"));
    }

    /// Whatever the text, the markup calls only the five functions, with content or a string.
    #[test]
    fn no_text_can_inject_typst() {
        use proptest::prelude::*;
        use typst::syntax::{SyntaxKind, SyntaxNode};
        fn check(node: &SyntaxNode, text: &str) {
            const ALLOWED: &[SyntaxKind] = &[
                SyntaxKind::Markup,
                SyntaxKind::Text,
                SyntaxKind::Space,
                SyntaxKind::Escape,
                SyntaxKind::Hash,
                SyntaxKind::FuncCall,
                SyntaxKind::Ident,
                SyntaxKind::Args,
                SyntaxKind::ContentBlock,
                SyntaxKind::LeftBracket,
                SyntaxKind::RightBracket,
                SyntaxKind::LeftParen,
                SyntaxKind::RightParen,
                SyntaxKind::Parenthesized,
                SyntaxKind::Str,
                SyntaxKind::Semicolon,
                SyntaxKind::Label,
            ];
            assert!(
                ALLOWED.contains(&node.kind()),
                "{:?} from {text:?}",
                node.kind()
            );
            if node.kind() == SyntaxKind::Ident {
                let name = node.leaf_text().as_str();
                assert!(
                    ["emph", "strong", "link", "footnote", "linebreak"].contains(&name),
                    "{name} from {text:?}"
                );
            }
            for child in node.children() {
                check(child, text);
            }
        }
        proptest!(ProptestConfig::with_cases(3000), |(text in "[-*_\\[\\]()<>!^#=+`~:/\\\\\"'$@.a-c1 \n]{0,40}")| {
            let root = typst::syntax::parse(&typst(&text));
            check(&root, &text);
        });
    }
}
