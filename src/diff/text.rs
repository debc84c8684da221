//! Word-level differences between two texts, as runs of kept, deleted and inserted text, and
//! which differences print at all.
//!
//! Texts are compared as tokens: words, the punctuation marks around them, and runs of
//! whitespace, which are compared by how they print (see [`Spacing`]).

use std::borrow::Cow;
use std::ops::Range;

use similar::DiffTag;

use super::bounded::changes;
use super::sequence::Likeness;
use crate::render::{Segment, SegmentKind};

/// How a text's whitespace prints, which decides which whitespace changes a reader can see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Spacing {
    /// Every run of spaces, tabs and line breaks prints as one space, and none at the ends:
    /// literal text (every text of an answer without Markdown; captions and titles always).
    Running,
    /// Markdown prose, where a line break prints as one: a run of whitespace prints as one
    /// space, or, if it holds line breaks, as those line breaks (a blank line is two).
    Lines,
}

/// A text as written and how its whitespace prints.
#[derive(Debug, Clone, Copy)]
pub(super) struct Written<'a> {
    /// The text as it stands in the answer file.
    pub text: &'a str,
    /// How its whitespace prints, so that only differences a reader can see are reported.
    pub spacing: Spacing,
}

/// How much of the shorter text's words an edit must keep (in order) for two texts to be shown
/// as one edited text rather than one removed and another added. Measured against the shorter
/// text, so that words added to a paragraph, or cut from it, are an edit however many.
const PAIRING_SHARE: f32 = 0.5;

/// The word-level difference between `old` and `new`, in reading order. Kept text is taken
/// from the new text, so the segments other than the deleted ones spell it exactly. Within each
/// stretch of changes the deleted words come before the inserted ones, and spaces and marks
/// between changed words are counted as changed, so "[-4. februar-]{+3. maj+}" reads as one
/// replacement. Whitespace that prints the same is kept, whatever it is written as.
pub(super) fn word_diff(old: Written, new: Written) -> Vec<Segment> {
    let as_written = |written| Printed {
        tokens: Tokens::of(written),
        otherwise: Vec::new(),
    };
    diff(&as_written(old), &as_written(new))
}

/// How `new` prints differently from `old`, as a word diff; none if they print the same. This
/// is the one place that decides which differences a reader can see.
pub(super) fn printed_change(old: Written, new: Written) -> Option<Vec<Segment>> {
    if old.spacing != new.spacing {
        return change_of_markup(old, new);
    }
    (!prints_the_same(old, new)).then(|| word_diff(old, new))
}

/// The change in print of a text of an answer whose markup changed (one side literal, the other
/// Markdown), where the same characters may print otherwise: `[tekst](https://…)` as written on
/// one side, as a link on the other. What is written differently is shown as written, as any
/// edit is (marks added to Markdown format what they surround); what is written alike is shown
/// as each side prints it, so that the brackets, addresses, footnote references and emphasis
/// marks that print on one side only are the change.
fn change_of_markup(old: Written, new: Written) -> Option<Vec<Segment>> {
    let (old_spaced, new_spaced) = (old.spaced(), new.spaced());
    let segments = diff(
        &Printed::of(old.with(&old_spaced)),
        &Printed::of(new.with(&new_spaced)),
    );
    segments
        .iter()
        .any(|segment| segment.kind != SegmentKind::Equal)
        .then_some(segments)
}

/// The difference between two texts cut into tokens: tokens that differ as written as deleted
/// and inserted; tokens alike as written kept, unless one side prints them otherwise (see
/// [`Printed`]), when what the old side printed is deleted and what the new one prints inserted.
fn diff(old: &Printed, new: &Printed) -> Vec<Segment> {
    let (old_tokens, new_tokens) = (&old.tokens, &new.tokens);
    let mut raw = Vec::new();
    push_merged(&mut raw, SegmentKind::Equal, new_tokens.lead);
    let found = changes(
        &old_tokens.keys(),
        &new_tokens.keys(),
        &old_tokens.sentence_ends(),
        &new_tokens.sentence_ends(),
    );
    // The tokens of a stretch of changes, told once the stretch ends.
    let mut changed: Option<(Range<usize>, Range<usize>)> = None;
    for (tag, old_range, new_range) in found {
        if tag != DiffTag::Equal {
            changed = Some(match changed {
                Some((old, new)) => (old.start..old_range.end, new.start..new_range.end),
                None => (old_range, new_range),
            });
            continue;
        }
        if let Some((old_range, new_range)) = changed.take() {
            push_changed(&mut raw, (old_tokens, old_range), (new_tokens, new_range));
        }
        for (o, n) in old_range.zip(new_range) {
            match (old.otherwise(o), new.otherwise(n)) {
                (None, None) => push_merged(&mut raw, SegmentKind::Equal, new_tokens.body[n].raw),
                (before, after) => {
                    let before = before.unwrap_or(old_tokens.body[o].raw);
                    let after = after.unwrap_or(new_tokens.body[n].raw);
                    push_merged(&mut raw, SegmentKind::Deleted, before);
                    push_merged(&mut raw, SegmentKind::Inserted, after);
                }
            }
        }
    }
    if let Some((old_range, new_range)) = changed {
        push_changed(&mut raw, (old_tokens, old_range), (new_tokens, new_range));
    }
    push_merged(&mut raw, SegmentKind::Equal, new_tokens.trail);
    regroup(absorb_marks(raw))
}

/// The soft hyphen (U+00AD): where a word may break, with a hyphen printed at the end of the
/// line if it does. Typed into a word (text pasted from Word), it prints nothing more, but it
/// changes where the word may break, as a no-break space changes where a line may: a change.
pub(super) const SOFT_HYPHEN: char = '\u{ad}';

/// Whether `c` prints nothing, or only where a line breaks, yet changes the text: the soft
/// hyphen and the invisible characters pasted along from Word or the web
/// ([`crate::invisible`]), such as the zero-width space, at which a line may break inside a
/// word.
fn is_unseen(c: char) -> bool {
    c == SOFT_HYPHEN || crate::invisible::name(c).is_some()
}

/// Appends a stretch of changed tokens: those of `old` deleted and those of `new` inserted;
/// but where they are the same words with unseen characters ([`is_unseen`]) typed in or taken
/// out, the words kept and only those characters deleted or inserted:
/// "menneske{+\u{ad}+}handel", which the reader can be told of, rather than
/// "[-menneskehandel-]{+menneskehandel+}", which look the same.
fn push_changed(
    raw: &mut Vec<Segment>,
    (old, old_range): (&Tokens, Range<usize>),
    (new, new_range): (&Tokens, Range<usize>),
) {
    let (old_text, new_text) = (old.raw(old_range), new.raw(new_range));
    match unseen_changed(&old_text, &new_text) {
        Some(runs) => runs
            .into_iter()
            .for_each(|(kind, text)| push_merged(raw, kind, &text)),
        None => {
            push_merged(raw, SegmentKind::Deleted, &old_text);
            push_merged(raw, SegmentKind::Inserted, &new_text);
        }
    }
}

/// Where `old` and `new` are the same but for unseen characters, `new` as runs: kept, an unseen
/// character taken out (deleted) or typed in (inserted); none where they differ otherwise.
fn unseen_changed(old: &str, new: &str) -> Option<Vec<(SegmentKind, String)>> {
    let without = |text: &str| text.chars().filter(|&c| !is_unseen(c)).collect::<String>();
    if old == new || without(old) != without(new) {
        return None;
    }
    let mut runs: Vec<(SegmentKind, String)> = Vec::new();
    let mut push = |kind: SegmentKind, c: char| match runs.last_mut() {
        Some((last, text)) if *last == kind => text.push(c),
        _ => runs.push((kind, c.to_string())),
    };
    let (mut old, mut new) = (old.chars().peekable(), new.chars().peekable());
    loop {
        match (old.peek().copied(), new.peek().copied()) {
            (None, None) => break,
            (Some(o), Some(n)) if o == n => {
                push(SegmentKind::Equal, n);
                old.next();
                new.next();
            }
            (Some(o), _) if is_unseen(o) => {
                push(SegmentKind::Deleted, o);
                old.next();
            }
            (_, Some(n)) if is_unseen(n) => {
                push(SegmentKind::Inserted, n);
                new.next();
            }
            // Unreachable: the texts are the same without their unseen characters.
            _ => return None,
        }
    }
    Some(runs)
}

/// A text as tokens, with what each prints where that is not the token as written: in Markdown
/// nothing for a mark that formats (`*`, a link's `](https://…)`, a footnote reference `[^1]`),
/// the character for an escape (`\*` prints `*`).
struct Printed<'a> {
    tokens: Tokens<'a>,
    /// By token; a token past the end prints as written.
    otherwise: Vec<Option<String>>,
}

impl<'a> Printed<'a> {
    /// A text read as its answer reads it, footnote references cut from the words they are
    /// written against.
    fn of(written: Written<'a>) -> Self {
        let tokens = Tokens::of(written);
        let otherwise = match written.spacing {
            Spacing::Running => Vec::new(),
            Spacing::Lines => {
                markdown_otherwise(&tokens, &crate::markup::printed_lines(written.text))
            }
        };
        Self { tokens, otherwise }
    }

    /// What token `index` prints if not itself.
    fn otherwise(&self, index: usize) -> Option<&str> {
        self.otherwise.get(index)?.as_deref()
    }
}

/// What each token of a Markdown text prints where not itself, found by comparing its tokens
/// with those of the text it prints (`printed`): a token printed is kept, a mark is deleted,
/// an escape is replaced by its character. (Markdown prints nothing it is not written with, so
/// nothing is inserted that needs a token to go with.)
fn markdown_otherwise(tokens: &Tokens, printed: &str) -> Vec<Option<String>> {
    let printed = Tokens::of(Written {
        text: printed,
        spacing: Spacing::Lines,
    });
    let mut otherwise = vec![None; tokens.body.len()];
    let found = changes(
        &tokens.keys(),
        &printed.keys(),
        &tokens.sentence_ends(),
        &printed.sentence_ends(),
    );
    for (tag, range, printed_range) in found {
        if tag == DiffTag::Equal {
            continue;
        }
        let mut texts =
            std::iter::once(printed.raw(printed_range)).chain(std::iter::repeat_with(String::new));
        for index in range {
            otherwise[index] = texts.next();
        }
    }
    otherwise
}

impl Written<'_> {
    /// The same kind of text with other words.
    fn with<'b>(self, text: &'b str) -> Written<'b> {
        Written {
            text,
            spacing: self.spacing,
        }
    }

    /// The text with each run of whitespace written as it prints: one space, or in Markdown the
    /// line breaks it holds; so that a line break that printed as a space is shown as the space.
    fn spaced(self) -> String {
        runs(self.text)
            .map(|run| {
                if run.starts_with(prints_as_space) {
                    printed_key(run, self.spacing)
                } else {
                    Cow::Borrowed(run)
                }
            })
            .collect()
    }
}

/// Whether two texts read alike (both literal or both Markdown) print the same: their words
/// and marks are the same, and their whitespace prints the same, or, both being Markdown, they
/// format alike (`*x*` and `_x_`).
fn prints_the_same(old: Written, new: Written) -> bool {
    old.text == new.text
        || Tokens::of(old).keys() == Tokens::of(new).keys()
        || (old.spacing, new.spacing) == (Spacing::Lines, Spacing::Lines)
            && crate::markup::printed_form(old.text) == crate::markup::printed_form(new.text)
}

/// A text's words (tokens with a letter or a digit), taken once, to measure how alike it is to
/// many others.
pub(super) struct Words<'a> {
    in_order: Vec<&'a str>,
    /// Where sentences end: the index after each one's last word.
    sentence_ends: Vec<usize>,
    /// The same words sorted, to count quickly how many two texts share.
    sorted: Vec<&'a str>,
}

impl<'a> Words<'a> {
    /// The words of `text`, in order and sorted, with where its sentences end: taken once per
    /// text, since one text is measured against many.
    pub(super) fn of(text: &'a str) -> Self {
        let mut in_order = Vec::new();
        let mut sentence_ends = Vec::new();
        for piece in pieces(text) {
            if piece.contains(char::is_alphanumeric) {
                in_order.push(piece);
            } else if ends_sentence(piece) && sentence_ends.last() != Some(&in_order.len()) {
                sentence_ends.push(in_order.len());
            }
        }
        let mut sorted = in_order.clone();
        sorted.sort_unstable();
        Self {
            in_order,
            sentence_ends,
            sorted,
        }
    }

    /// How many words two texts have in common, each counted as often as both have it, in any
    /// order: as many as a diff can keep, or more.
    fn shared_with(&self, other: &Words) -> usize {
        use std::cmp::Ordering;
        let (mine, theirs) = (&self.sorted, &other.sorted);
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < mine.len() && j < theirs.len() {
            match mine[i].cmp(theirs[j]) {
                Ordering::Less => i += 1,
                Ordering::Greater => j += 1,
                Ordering::Equal => (i, j, shared) = (i + 1, j + 1, shared + 1),
            }
        }
        shared
    }
}

/// How alike two texts are: alike enough to be shown as an edit of one another when the words
/// kept, in order, make up at least [`PAIRING_SHARE`] of the shorter text's; and then the more
/// alike the more words they keep, so that of two candidates the one with more in common pairs.
pub(super) fn likeness(old: &Words, new: &Words) -> Likeness {
    let shorter = old.in_order.len().min(new.in_order.len());
    let enough = |kept: usize| kept > 0 && kept as f32 >= PAIRING_SHARE * shorter as f32;
    // Texts are measured against many others when pairing; most have too few words in common
    // to be alike at all, which is quicker to tell than what a diff keeps.
    if !enough(old.shared_with(new)) {
        return Likeness::Unlike;
    }
    let found = changes(
        &old.in_order,
        &new.in_order,
        &old.sentence_ends,
        &new.sentence_ends,
    );
    let kept: usize = found
        .iter()
        .filter(|(tag, ..)| *tag == DiffTag::Equal)
        .map(|(_, old_range, _)| old_range.len())
        .sum();
    if enough(kept) {
        Likeness::Alike(kept)
    } else {
        Likeness::Unlike
    }
}

/// A piece of a text to compare: a word, a mark or a run of whitespace, and what it is
/// compared by: itself, or for whitespace how it prints.
struct Token<'a> {
    raw: &'a str,
    key: Cow<'a, str>,
}

/// A text as tokens, and the whitespace at its ends, which never prints, aside.
struct Tokens<'a> {
    lead: &'a str,
    body: Vec<Token<'a>>,
    trail: &'a str,
}

impl<'a> Tokens<'a> {
    fn of(written: Written<'a>) -> Self {
        let text = written.text;
        let trimmed = text.trim_matches(prints_as_space);
        let start = text.len() - text.trim_start_matches(prints_as_space).len();
        // A space the page keeps as a no-break space (`§ 216`) prints as one typed there.
        let bound = crate::danish::bound_spaces(text);
        let mut at = start;
        let mut token = |raw: &'a str| {
            let key = if raw == " " && bound.binary_search(&at).is_ok() {
                Cow::Borrowed(crate::danish::NO_BREAK_SPACE)
            } else {
                printed_key(raw, written.spacing)
            };
            at += raw.len();
            Token { raw, key }
        };
        Self {
            lead: &text[..start],
            body: pieces(trimmed).map(&mut token).collect(),
            trail: &text[start + trimmed.len()..],
        }
    }

    fn keys(&self) -> Vec<&str> {
        self.body.iter().map(|token| token.key.as_ref()).collect()
    }

    /// Where sentences end: the index after each full stop, question or exclamation mark, and
    /// line break.
    fn sentence_ends(&self) -> Vec<usize> {
        self.body
            .iter()
            .enumerate()
            .filter(|(_, token)| ends_sentence(&token.key))
            .map(|(index, _)| index + 1)
            .collect()
    }

    /// The text of a range of tokens, as written.
    fn raw(&self, range: std::ops::Range<usize>) -> String {
        self.body[range].iter().map(|token| token.raw).collect()
    }
}

/// Whether a character prints as (part of) a space in running text: the space, and the tabs and
/// line breaks that text escaped for Typst turns into spaces (Typst sets a run of them as one).
/// Other spaces, such as the no-break space, print as themselves.
fn prints_as_space(c: char) -> bool {
    c == ' ' || crate::escape::is_line_separator(c)
}

/// Whether a character is a space that prints as itself ([`prints_as_space`]): the no-break
/// space, which keeps the words on either side on one line, and the narrow and thin spaces.
/// It is a token of its own, never part of a word, so that a space typed as one of these (text
/// pasted from Word: "bl.a.\u{a0}spørgsmål") is a change of that space alone.
pub(super) fn is_fixed_space(c: char) -> bool {
    c.is_whitespace() && !prints_as_space(c)
}

/// What a token is compared by: how it prints. A word or mark prints with Danish quotation
/// marks whatever marks it is written with; whitespace prints as a space or as line breaks.
fn printed_key(raw: &str, spacing: Spacing) -> Cow<'_, str> {
    if !raw.starts_with(prints_as_space) {
        return crate::escape::as_printed(raw);
    }
    let breaks = match spacing {
        Spacing::Running => 0,
        // Markdown ends a line at "\n", "\r\n" or a lone "\r".
        Spacing::Lines => raw.replace("\r\n", "\n").matches(['\n', '\r']).count(),
    };
    if breaks == 0 {
        Cow::Borrowed(" ")
    } else {
        Cow::Owned("\n".repeat(breaks))
    }
}

/// Whether a token ends a sentence (or a line): where a long text is cut to be compared
/// sentence by sentence first.
fn ends_sentence(token: &str) -> bool {
    matches!(token, "." | "!" | "?") || token.contains('\n')
}

/// A text cut into runs of whitespace, words and the marks around them.
fn pieces(text: &str) -> Box<dyn Iterator<Item = &str> + '_> {
    Box::new(runs(text).flat_map(|run| {
        if run.starts_with(prints_as_space) {
            vec![run]
        } else {
            // A Markdown link's text and address are words of their own: "[tekst](adresse)".
            run.split_inclusive("](").flat_map(split_marks).collect()
        }
    }))
}

/// A text cut into alternating runs of whitespace and of everything else.
fn runs(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let space = prints_as_space(rest.chars().next()?);
        let end = rest
            .find(|c| prints_as_space(c) != space)
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some(run)
    })
}

/// A stretch without whitespace as tokens: each word, from a letter or digit on through the
/// letters, digits and marks between them (so "12,4", "www.ft.dk/samling" and "2\\*3" stay
/// whole), and each mark around the words alone, so that "bemærkninger." and "bemærkninger
/// til" share their word. A Markdown mark that formats (`*`, `_`, `[`, `]`, `^`, `` ` ``) ends a
/// word: in `**Rigsadvokaten**.[^1]` the name is one word and the footnote's number another.
fn split_marks(stretch: &str) -> Vec<&str> {
    let Some(start) = stretch.find(char::is_alphanumeric) else {
        return characters(stretch);
    };
    let word = &stretch[start..];
    let mut end = word
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(word.len());
    while let Some(marks) = word[end..].split(char::is_alphanumeric).next()
        && !marks.is_empty()
        && end + marks.len() < word.len()
        && !formats(marks)
        && !marks.contains(is_fixed_space)
    {
        let after = &word[end + marks.len()..];
        end += marks.len()
            + after
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(after.len());
    }
    let mut tokens = characters(&stretch[..start]);
    tokens.push(&word[..end]);
    tokens.extend(split_marks(&word[end..]));
    tokens
}

/// Whether marks between two words hold one that formats in Markdown, not escaped.
fn formats(marks: &str) -> bool {
    let mut escaped = false;
    marks.chars().any(|c| {
        let formatting = !escaped && "*_[]^`".contains(c);
        escaped = !escaped && c == '\\';
        formatting
    })
}

/// Each character of a text as a text of its own, but a run of one emphasis mark, `**` or
/// `__`, as one: "**" turned "*" is strong emphasis turned emphasis, one change, not one of two
/// asterisks kept.
fn characters(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let end = match c {
            '*' | '_' => rest.find(|other| other != c).unwrap_or(rest.len()),
            _ => c.len_utf8(),
        };
        let (token, tail) = rest.split_at(end);
        tokens.push(token);
        rest = tail;
    }
    tokens
}

/// Turns kept text without letters or digits (spaces, punctuation) between two changes into a
/// deletion and an insertion of it.
fn absorb_marks(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out = Vec::with_capacity(segments.len());
    for (index, segment) in segments.iter().enumerate() {
        let between_changes = index > 0
            && index + 1 < segments.len()
            && segments[index - 1].kind != SegmentKind::Equal
            && segments[index + 1].kind != SegmentKind::Equal;
        let wordless = !segment.text.contains(char::is_alphanumeric);
        if segment.kind == SegmentKind::Equal && between_changes && wordless {
            out.push(with_kind(segment, SegmentKind::Deleted));
            out.push(with_kind(segment, SegmentKind::Inserted));
        } else {
            out.push(segment.clone());
        }
    }
    out
}

fn with_kind(segment: &Segment, kind: SegmentKind) -> Segment {
    Segment {
        kind,
        text: segment.text.clone(),
    }
}

/// Merges each stretch of changes into at most one deletion followed by one insertion.
fn regroup(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut deleted = String::new();
    let mut inserted = String::new();
    for segment in segments {
        match segment.kind {
            SegmentKind::Deleted => deleted.push_str(&segment.text),
            SegmentKind::Inserted => inserted.push_str(&segment.text),
            SegmentKind::Equal => {
                flush(&mut out, &mut deleted, &mut inserted);
                push_merged(&mut out, SegmentKind::Equal, &segment.text);
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

/// Puts a stretch of changes out as a deletion and an insertion, the whitespace both begin or
/// end with kept: a list shortened from "1, 2 og 3" to "1 og 2" reads "1[-, 2-] og …", not
/// "1[-, 2 -]{+ +}og …".
fn flush(out: &mut Vec<Segment>, deleted: &mut String, inserted: &mut String) {
    let (old, new) = (std::mem::take(deleted), std::mem::take(inserted));
    let common = |pairs: &mut dyn Iterator<Item = (char, char)>| -> usize {
        let same = pairs.take_while(|(a, b)| a == b && a.is_whitespace());
        same.map(|(c, _)| c.len_utf8()).sum()
    };
    let lead = common(&mut old.chars().zip(new.chars()));
    let (old_rest, new_rest) = (&old[lead..], &new[lead..]);
    let trail = common(&mut old_rest.chars().rev().zip(new_rest.chars().rev()));
    let (old_body, new_body) = (
        &old_rest[..old_rest.len() - trail],
        &new_rest[..new_rest.len() - trail],
    );
    push_merged(out, SegmentKind::Equal, &new[..lead]);
    push_merged(out, SegmentKind::Deleted, old_body);
    push_merged(out, SegmentKind::Inserted, new_body);
    push_merged(out, SegmentKind::Equal, &new_rest[new_rest.len() - trail..]);
}

/// Appends a run of text, to the last segment if that is of the same kind; an empty run is
/// nothing.
fn push_merged(out: &mut Vec<Segment>, kind: SegmentKind, text: &str) {
    match out.last_mut() {
        _ if text.is_empty() => {}
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => out.push(Segment {
            kind,
            text: text.to_string(),
        }),
    }
}

/// A text difference with plain marks: "[-deleted-]{+inserted+}", which the tests compare
/// against (the command line marks differences in colour instead).
#[cfg(test)]
fn plain_marks(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|segment| match segment.kind {
            SegmentKind::Equal => segment.text.clone(),
            SegmentKind::Deleted => format!("[-{}-]", segment.text),
            SegmentKind::Inserted => format!("{{+{}+}}", segment.text),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Literal text, or the prose of an answer without Markdown.
    fn running(text: &str) -> Written<'_> {
        Written {
            text,
            spacing: Spacing::Running,
        }
    }

    /// The prose of a Markdown answer.
    fn markdown(text: &str) -> Written<'_> {
        Written {
            text,
            spacing: Spacing::Lines,
        }
    }

    /// The word diff of two literal texts with plain marks.
    fn marked(old: &str, new: &str) -> String {
        plain_marks(&word_diff(running(old), running(new)))
    }

    #[test]
    fn strong_turned_emphasis_is_its_marks_changed_and_the_footnote_kept() {
        // Review 17, L4: "*[-*Rigsadvokaten**.[^1-]{+Rigsadvokaten*.[^1+}]".
        let markdown_marked =
            |old, new| plain_marks(&printed_change(markdown(old), markdown(new)).unwrap());
        assert_eq!(
            markdown_marked("og **Rigsadvokaten**.[^1]", "og *Rigsadvokaten*.[^1]"),
            "og [-**-]{+*+}Rigsadvokaten[-**-]{+*+}.[^1]"
        );
        // Marks between letters and digits keep a word whole.
        assert_eq!(
            marked("12,4 pct. og e-mail", "12,5 pct. og e-mail"),
            "[-12,4-]{+12,5+} pct. og e-mail"
        );
    }

    #[test]
    fn a_shortened_list_deletes_its_item_and_keeps_the_space_before_og() {
        // Review 17, L9: "bilag 1[-, bilag 2 -]{+ +}og bilag [-3-]{+2+}."
        assert_eq!(
            marked("bilag 1, bilag 2 og bilag 3.", "bilag 1 og bilag 2."),
            "bilag 1[-, bilag 2-] og bilag [-3-]{+2+}."
        );
    }

    #[test]
    fn a_soft_hyphen_typed_or_taken_out_is_that_character_alone() {
        assert_eq!(
            marked(
                "indsatsen mod menneskehandel har",
                "indsatsen mod menneske\u{ad}handel har"
            ),
            "indsatsen mod menneske{+\u{ad}+}handel har"
        );
        assert_eq!(
            marked(
                "politi\u{ad}mæssige og menne\u{ad}ske\u{ad}lige",
                "politimæssige og menne\u{ad}skelige"
            ),
            "politi[-\u{ad}-]mæssige og menne\u{ad}ske[-\u{ad}-]lige"
        );
        // Beside another change, each is told apart.
        assert_eq!(
            marked("i 4 menneskehandelssager", "i 5 menneske\u{ad}handelssager"),
            "i [-4-]{+5+} menneske{+\u{ad}+}handelssager"
        );
        // A word changed otherwise too is a word replaced.
        assert_eq!(
            marked("om menneskehandel", "om menneske\u{ad}smugling"),
            "om [-menneskehandel-]{+menneske\u{ad}smugling+}"
        );
        // It prints nothing, but where a word may break: a change.
        assert!(!prints_the_same(
            running("menneske\u{ad}handel"),
            running("menneskehandel")
        ));
    }

    #[test]
    fn an_invisible_character_typed_or_taken_out_is_that_character_alone() {
        assert_eq!(
            marked(
                "Politiindsatsen mod menneskehandel",
                "Politi\u{200b}indsatsen mod menneske\u{2060}handel"
            ),
            "Politi{+\u{200b}+}indsatsen mod menneske{+\u{2060}+}handel"
        );
        // One replaced by another, and beside a soft hyphen taken out.
        assert_eq!(
            marked("menne\u{ad}ske\u{200b}handel", "menneske\u{200d}handel"),
            "menne[-\u{ad}-]ske[-\u{200b}-]{+\u{200d}+}handel"
        );
        assert!(!prints_the_same(
            running("Politi\u{200b}indsatsen"),
            running("Politiindsatsen")
        ));
    }

    #[test]
    fn a_replaced_word_is_one_deletion_and_one_insertion() {
        assert_eq!(
            marked("fra Rigspolitiet i dag", "fra Rigsadvokaten i dag"),
            "fra [-Rigspolitiet-]{+Rigsadvokaten+} i dag"
        );
    }

    #[test]
    fn neighbouring_changed_words_read_as_one_replacement() {
        assert_eq!(marked("a b c d", "a x y d"), "a [-b c-]{+x y+} d");
        assert_eq!(
            marked("opdateret den 4. februar 2019", "opdateret den 3. maj 2019"),
            "opdateret den [-4. februar-]{+3. maj+} 2019"
        );
    }

    #[test]
    fn words_added_to_a_sentence_are_one_insertion_before_its_full_stop() {
        assert_eq!(
            marked(
                "Jeg har ikke yderligere bemærkninger.",
                "Jeg har ikke yderligere bemærkninger til sagen, men henviser i øvrigt til mit svar på spørgsmål 14."
            ),
            "Jeg har ikke yderligere bemærkninger{+ til sagen, men henviser i øvrigt til mit svar på spørgsmål 14+}."
        );
    }

    #[test]
    fn numbers_and_addresses_are_whole_words() {
        assert_eq!(marked("12,4 pct.", "13,1 pct."), "[-12,4-]{+13,1+} pct.");
        assert_eq!(
            marked("se www.ft.dk.", "se www.jm.dk."),
            "se [-www.ft.dk-]{+www.jm.dk+}."
        );
    }

    #[test]
    fn equal_texts_are_one_equal_segment() {
        let segments = word_diff(running("samme tekst"), running("samme tekst"));
        assert_eq!(
            segments,
            [Segment {
                kind: SegmentKind::Equal,
                text: "samme tekst".to_string()
            }]
        );
    }

    #[test]
    fn a_link_s_new_address_leaves_its_text_alone() {
        let segments = word_diff(
            Written {
                text: "Se [hjemmeside](https://www.ft.dk).",
                spacing: Spacing::Lines,
            },
            Written {
                text: "Se [hjemmeside](https://www.ft.dk/samling).",
                spacing: Spacing::Lines,
            },
        );
        assert_eq!(
            plain_marks(&segments),
            "Se [hjemmeside]([-https://www.ft.dk-]{+https://www.ft.dk/samling+})."
        );
    }

    #[test]
    fn quotation_marks_that_print_the_same_are_no_change() {
        let segments = word_diff(
            running("den \"kommende\" undersøgelse"),
            running("den “kommende” undersøgelse"),
        );
        assert_eq!(plain_marks(&segments), "den “kommende” undersøgelse");
        let segments = word_diff(running("den ”kommende”"), running("den »kommende«"));
        // Guillemets print as written, so they are a change.
        assert_eq!(plain_marks(&segments), "den [-”-]{+»+}kommende[-”-]{+«+}");
    }

    #[test]
    fn whitespace_that_prints_the_same_is_kept_as_the_new_text_writes_it() {
        let segments = word_diff(
            running(" indhentet\nen udtalelse fra Rigspolitiet."),
            running("indhentet en  udtalelse fra Rigsadvokaten. "),
        );
        assert_eq!(
            plain_marks(&segments),
            "indhentet en  udtalelse fra [-Rigspolitiet-]{+Rigsadvokaten+}. "
        );
        let new: String = segments
            .iter()
            .filter(|segment| segment.kind != SegmentKind::Deleted)
            .map(|segment| segment.text.as_str())
            .collect();
        assert_eq!(new, "indhentet en  udtalelse fra Rigsadvokaten. ");
    }

    #[test]
    fn in_running_text_every_run_of_whitespace_prints_as_one_space() {
        let same = |old, new| prints_the_same(running(old), running(new));
        assert!(same("indhentet\nen udtalelse", "indhentet en udtalelse"));
        assert!(same("a \r\n\t b\u{2028}c", "a b c"));
        assert!(same(" a b\n", "a b"));
        assert!(
            !same("bl.a.\u{a0}spørgsmål", "bl.a. spørgsmål"),
            "a no-break space prints as itself"
        );
        assert!(
            same("§\u{a0}20", "§ 20"),
            "the page keeps \"§ 20\" together with a no-break space anyway"
        );
        assert!(!same("ab", "a b"));
    }

    #[test]
    fn in_markdown_prose_line_breaks_print_but_spaces_around_them_do_not() {
        let same = |old, new| prints_the_same(markdown(old), markdown(new));
        assert!(same("a  b", "a b"));
        assert!(same("a \n b", "a\nb"));
        assert!(same("a\r\nb", "a\nb"));
        assert!(same("a\n", "a"));
        assert!(!same("a\nb", "a b"));
        assert!(!same("a\n\nb", "a\nb"), "a blank line ends a paragraph");
        assert!(
            !same("a\rb", "a b"),
            "a lone carriage return ends a line too"
        );
    }

    /// A text's change in print, with plain marks, when the answer's markup changed from
    /// `old` to `new`; none if it prints the same.
    fn remarked(old: Written, new: Written) -> Option<String> {
        printed_change(old, new).map(|segments| plain_marks(&segments))
    }

    #[test]
    fn under_another_markup_the_same_text_is_compared_by_what_each_prints() {
        let text = "Se [svaret](https://www.ft.dk/s1).[^1] Det er *nyt*.";
        assert_eq!(
            remarked(markdown(text), running(text)).as_deref(),
            Some("Se {+[+}svaret[-.-]{+](https://www.ft.dk/s1).[^1]+} Det er {+*+}nyt{+*+}.")
        );
        assert_eq!(
            remarked(running(text), markdown(text)).as_deref(),
            Some("Se [-[-]svaret[-](https://www.ft.dk/s1).[^1]-]{+.+} Det er [-*-]nyt[-*-].")
        );
    }

    #[test]
    fn under_another_markup_a_line_break_prints_as_a_space_or_as_a_line_break() {
        assert_eq!(
            remarked(running("a\nb"), markdown("a\nb")).as_deref(),
            Some("a[- -]{+\n+}b")
        );
        assert_eq!(
            remarked(markdown("a \n b"), running("a \n b")).as_deref(),
            Some("a[-\n-]{+ +}b")
        );
    }

    #[test]
    fn under_another_markup_words_that_only_gain_formatting_show_its_marks() {
        assert_eq!(
            remarked(running("Se x."), markdown("Se *x*.")).as_deref(),
            Some("Se {+*+}x{+*+}.")
        );
        assert_eq!(
            remarked(markdown("a[^1]"), running("a")).as_deref(),
            Some("a[-[^1]-]")
        );
    }

    #[test]
    fn under_another_markup_an_edit_is_shown_as_written_and_what_is_kept_as_it_prints() {
        assert_eq!(
            remarked(
                running("Se x og [y](https://a.dk)."),
                markdown("Se *x* og [y](https://a.dk), nu.")
            )
            .as_deref(),
            Some("Se {+*+}x{+*+} og [-[-]y[-](https://a.dk)-]{+, nu+}.")
        );
    }

    #[test]
    fn under_another_markup_an_escape_prints_its_character() {
        assert_eq!(
            remarked(markdown("2\\*3 = 6"), running("2\\*3 = 6")).as_deref(),
            Some("[-2*3-]{+2\\*3+} = 6")
        );
    }

    #[test]
    fn a_footnote_reference_is_cut_from_its_word() {
        // Under another markup a reference prints on one side only, and it is the change, not
        // the word; under one markup a word's emphasis changed is not its reference changed.
        assert_eq!(
            pieces("S 1582.[^1]").collect::<Vec<_>>(),
            ["S", " ", "1582", ".", "[", "^", "1", "]"]
        );
    }

    #[test]
    fn a_markdown_token_prints_as_written_as_nothing_or_as_its_character() {
        let text = markdown("Se *x* og 2\\*3.[^1]");
        let tokens = Tokens::of(text);
        let otherwise = markdown_otherwise(&tokens, &crate::markup::printed_lines(text.text));
        let printed: Vec<(&str, Option<&str>)> = tokens
            .body
            .iter()
            .zip(&otherwise)
            .filter(|(token, _)| token.raw != " ")
            .map(|(token, otherwise)| (token.raw, otherwise.as_deref()))
            .collect();
        assert_eq!(
            printed,
            [
                ("Se", None),
                ("*", Some("")),
                ("x", None),
                ("*", Some("")),
                ("og", None),
                ("2\\*3", Some("2*3")),
                (".", None),
                ("[", Some("")),
                ("^", Some("")),
                ("1", Some("")),
                ("]", Some("")),
            ]
        );
    }

    #[test]
    fn whitespace_is_spaced_as_it_prints() {
        assert_eq!(running("a \n\t b").spaced(), "a b");
        assert_eq!(markdown("a \n b  c").spaced(), "a\nb c");
    }

    #[test]
    fn under_another_markup_what_prints_alike_is_no_change() {
        let text = "Der er 3 sager, jf. § 5 og x_y_z, i \"2019\".";
        assert_eq!(remarked(markdown(text), running(text)), None);
        assert_eq!(remarked(running(text), markdown(text)), None);
        assert_eq!(remarked(running("a  b"), markdown("a b")), None);
        assert_eq!(
            remarked(running("3 sager"), markdown("4 sager")).as_deref(),
            Some("[-3-]{+4+} sager"),
            "an edit is shown as ever"
        );
    }

    #[test]
    fn in_markdown_prose_what_is_compared_is_the_formatting_not_how_it_is_written() {
        let same = |old, new| prints_the_same(markdown(old), markdown(new));
        assert!(same("Tallene er *foreløbige*.", "Tallene er _foreløbige_."));
        assert!(same("**vigtigt**", "__vigtigt__"));
        assert!(!same("*foreløbige*", "**foreløbige**"));
        assert!(
            !prints_the_same(running("*x*"), running("_x_")),
            "literal text prints its marks"
        );
    }

    /// How alike two texts are.
    fn measured(old: &str, new: &str) -> Likeness {
        likeness(&Words::of(old), &Words::of(new))
    }

    /// Whether two texts are alike enough to pair.
    fn alike(old: &str, new: &str) -> bool {
        measured(old, new) != Likeness::Unlike
    }

    #[test]
    fn texts_are_alike_when_most_of_the_shorter_one_is_kept() {
        assert!(alike("Der er 3 sager.", "Der er 4 sager."));
        let short = "Jeg har ikke yderligere bemærkninger.";
        let long = "Jeg har ikke yderligere bemærkninger til sagen, men henviser i øvrigt til mit svar på spørgsmål 14.";
        assert!(alike(short, long), "words added");
        assert!(alike(long, short), "words cut");
        assert!(alike(
            "Andet punkt",
            "Andet punkt, som er nyt og meget længere end før"
        ));
    }

    #[test]
    fn unrelated_texts_are_not_alike() {
        assert!(!alike("Første punkt", "Noget helt andet om noget"));
        assert!(!alike(
            "Jeg har ikke yderligere bemærkninger.",
            "Rigspolitiet har oplyst, at der i 2019 blev rejst 14 sager om vold mod ansatte."
        ));
        assert!(!alike("–", "Noget"));
        // Every word shared, but only one kept in order.
        assert!(!alike("et to tre fire", "fire tre to et"));
    }

    #[test]
    fn the_more_words_kept_the_more_alike() {
        let old = "Rigspolitiet har oplyst, at der i 2018 blev behandlet 3.478 sager.";
        let lead_in = measured(old, "Rigspolitiet har oplyst følgende.");
        let edited = measured(
            old,
            "Rigspolitiet har oplyst, at der i 2018 blev behandlet 3.512 sager.",
        );
        assert_eq!(lead_in, Likeness::Alike(3));
        assert_eq!(edited, Likeness::Alike(10));
    }
}
