//! Word-level differences between two texts, as runs of kept, deleted and inserted text.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

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

/// How alike two texts must be (by similar's ratio of their words) to be shown as one edited
/// text rather than one removed and another added.
const PAIRING_RATIO: f32 = 0.5;

/// The word-level difference between `old` and `new`, in reading order. Within each stretch of
/// changes the deleted words come before the inserted ones, and single spaces between changed
/// words are counted as changed, so "[-a b-]{+c d+}" reads as one replacement.
pub fn word_diff(old: &str, new: &str) -> Vec<Segment> {
    let diff = TextDiff::from_words(old, new);
    let raw = diff
        .iter_all_changes()
        .map(|change| Segment {
            kind: kind_of(change.tag()),
            text: change.value().to_string(),
        })
        .collect();
    regroup(absorb_spaces(raw))
}

/// Whether two texts are alike enough to be shown as an edit of one another.
pub fn alike(old: &str, new: &str) -> bool {
    TextDiff::from_words(old, new).ratio() >= PAIRING_RATIO
}

fn kind_of(tag: ChangeTag) -> SegmentKind {
    match tag {
        ChangeTag::Equal => SegmentKind::Equal,
        ChangeTag::Delete => SegmentKind::Deleted,
        ChangeTag::Insert => SegmentKind::Inserted,
    }
}

/// Turns kept whitespace between two changes into a deletion and an insertion of it.
fn absorb_spaces(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out = Vec::with_capacity(segments.len());
    for (index, segment) in segments.iter().enumerate() {
        let between_changes = index > 0
            && index + 1 < segments.len()
            && segments[index - 1].kind != SegmentKind::Equal
            && segments[index + 1].kind != SegmentKind::Equal;
        if segment.kind == SegmentKind::Equal && between_changes && segment.text.trim().is_empty() {
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
                push_merged(&mut out, segment);
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

fn push_merged(out: &mut Vec<Segment>, segment: Segment) {
    match out.last_mut() {
        Some(last) if last.kind == segment.kind => last.text.push_str(&segment.text),
        _ => out.push(segment),
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

    #[test]
    fn a_replaced_word_is_one_deletion_and_one_insertion() {
        let segments = word_diff("fra Rigspolitiet i dag", "fra Rigsadvokaten i dag");
        assert_eq!(
            plain_marks(&segments),
            "fra [-Rigspolitiet-]{+Rigsadvokaten+} i dag"
        );
    }

    #[test]
    fn neighbouring_changed_words_read_as_one_replacement() {
        let segments = word_diff("a b c d", "a x y d");
        assert_eq!(plain_marks(&segments), "a [-b c-]{+x y+} d");
    }

    #[test]
    fn equal_texts_are_one_equal_segment() {
        let segments = word_diff("samme tekst", "samme tekst");
        assert_eq!(segments.len(), 1);
        assert_eq!(segments[0].kind, SegmentKind::Equal);
    }

    #[test]
    fn unrelated_texts_are_not_alike() {
        assert!(alike("Der er 3 sager.", "Der er 4 sager."));
        assert!(!alike("Første punkt", "Noget helt andet om noget"));
    }
}
