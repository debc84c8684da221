//! Word-level differences between two texts, as runs of kept, deleted and inserted text, and
//! which differences print at all.
//!
//! Texts are compared as tokens: words, the punctuation marks around them, and runs of
//! whitespace, which are compared by how they print (see [`Spacing`]).

use std::borrow::Cow;

use serde::Serialize;
use similar::DiffTag;

use super::bounded::changes;
use super::sequence::Likeness;

/// What happened to a run of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    /// In both texts.
    Equal,
    /// Only in the old text.
    Deleted,
    /// Only in the new text.
    Inserted,
}

/// A run of text with what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Kept, deleted or inserted.
    pub kind: SegmentKind,
    /// The text, spaces included.
    pub text: String,
}

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
    pub text: &'a str,
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
    let (old, new) = (Tokens::of(old), Tokens::of(new));
    let mut raw = Vec::new();
    push_merged(&mut raw, SegmentKind::Equal, new.lead);
    let found = changes(
        &old.keys(),
        &new.keys(),
        &old.sentence_ends(),
        &new.sentence_ends(),
    );
    for (tag, old_range, new_range) in found {
        let (deleted, inserted) = (old.raw(old_range), new.raw(new_range));
        match tag {
            DiffTag::Equal => push_merged(&mut raw, SegmentKind::Equal, &inserted),
            DiffTag::Delete | DiffTag::Insert | DiffTag::Replace => {
                push_merged(&mut raw, SegmentKind::Deleted, &deleted);
                push_merged(&mut raw, SegmentKind::Inserted, &inserted);
            }
        }
    }
    push_merged(&mut raw, SegmentKind::Equal, new.trail);
    regroup(absorb_marks(raw))
}

/// Whether two texts print the same: their words and marks are the same, and their whitespace
/// prints the same, or, both being Markdown, they format alike (`*x*` and `_x_`). This is the
/// one place that decides which differences a reader can see.
pub(super) fn prints_the_same(old: Written, new: Written) -> bool {
    // The same text under another markup prints differently, but that change is reported once,
    // as the answer's text format, not again for every text.
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
        let token = |raw| Token {
            raw,
            key: printed_key(raw, written.spacing),
        };
        Self {
            lead: &text[..start],
            body: pieces(trimmed).map(token).collect(),
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
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    runs(text).flat_map(|run| {
        if run.starts_with(prints_as_space) {
            vec![run]
        } else {
            // A Markdown link's text and address are words of their own: "[tekst](adresse)".
            run.split_inclusive("](").flat_map(split_marks).collect()
        }
    })
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

/// A stretch without whitespace as tokens: the word from its first to its last letter or digit
/// (so "12,4" and "www.ft.dk" stay whole), and each mark before or after it alone, so that
/// "bemærkninger." and "bemærkninger til" share their word.
fn split_marks(stretch: &str) -> Vec<&str> {
    let alphanumeric = |&(_, c): &(usize, char)| c.is_alphanumeric();
    let Some((start, _)) = stretch.char_indices().find(alphanumeric) else {
        return characters(stretch);
    };
    let (last, c) = stretch
        .char_indices()
        .rev()
        .find(alphanumeric)
        .expect("found from the start");
    let end = last + c.len_utf8();
    let mut tokens = characters(&stretch[..start]);
    tokens.push(&stretch[start..end]);
    tokens.extend(characters(&stretch[end..]));
    tokens
}

/// Each character of a text as a text of its own.
fn characters(text: &str) -> Vec<&str> {
    text.char_indices()
        .map(|(at, c)| &text[at..at + c.len_utf8()])
        .collect()
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

fn flush(out: &mut Vec<Segment>, deleted: &mut String, inserted: &mut String) {
    for (kind, text) in [
        (SegmentKind::Deleted, deleted),
        (SegmentKind::Inserted, inserted),
    ] {
        if !text.is_empty() {
            out.push(Segment {
                kind,
                text: std::mem::take(text),
            });
        }
    }
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

/// A text difference with plain marks: "[-deleted-]{+inserted+}".
pub fn plain_marks(segments: &[Segment]) -> String {
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
            !same("§\u{a0}20", "§ 20"),
            "a no-break space prints as itself"
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
        // A line break where the old answer, without Markdown, printed a space.
        assert!(!prints_the_same(running("a b"), markdown("a\nb")));
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
