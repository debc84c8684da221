//! Differences of long sequences in bounded time, the same on every machine.
//!
//! Myers' algorithm takes time in proportion to the length of the sequences times the number
//! of differences: two rewritten paragraphs of 20,000 words took `svar diff` ten seconds, and
//! longer ones would take minutes. Sequences too long to compare item by item at once are
//! compared sentence by sentence first, and each changed stretch item by item where it is short
//! enough, else reported as replaced whole. The bound is on size, not on time, so that the
//! result never depends on how fast the machine is.

use std::hash::Hash;
use std::ops::Range;

use similar::{Algorithm, DiffTag, capture_diff_slices};

/// A stretch of the old sequence, one of the new, and what happened between them.
pub(super) type Change = (DiffTag, Range<usize>, Range<usize>);

/// The most items two sequences may have together to be compared item by item at once: at
/// most some sixteen million steps, a few tens of milliseconds. An answer's paragraph, a
/// few hundred words with their spaces and marks, is far below it.
const DIRECT_LIMIT: usize = 4_000;

/// The changes that turn `old` into `new`, in order, covering both whole. `old_ends` and
/// `new_ends` are where sentences end (the index after each one's last item), in order;
/// they are used only for sequences longer than [`DIRECT_LIMIT`].
pub(super) fn changes<T: Hash + Ord>(
    old: &[T],
    new: &[T],
    old_ends: &[usize],
    new_ends: &[usize],
) -> Vec<Change> {
    if old.len() + new.len() <= DIRECT_LIMIT {
        return stretch_changes(old, new);
    }
    let (old_spans, new_spans) = (spans(old.len(), old_ends), spans(new.len(), new_ends));
    if old_spans.len() + new_spans.len() > DIRECT_LIMIT {
        return stretch_changes(old, new);
    }
    let (old_sentences, new_sentences) = (sentences(old, &old_spans), sentences(new, &new_spans));
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_sentences, &new_sentences) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let old_range = covering(&old_spans, old.len(), old_range);
        let new_range = covering(&new_spans, new.len(), new_range);
        if tag == DiffTag::Equal {
            out.push((tag, old_range, new_range));
        } else {
            out.extend(shifted(
                stretch_changes(&old[old_range.clone()], &new[new_range.clone()]),
                old_range.start,
                new_range.start,
            ));
        }
    }
    out
}

/// The stretches of `items` that `spans` mark.
fn sentences<'a, T>(items: &'a [T], spans: &[Range<usize>]) -> Vec<&'a [T]> {
    spans.iter().map(|span| &items[span.clone()]).collect()
}

/// The changes within one stretch: item by item if it is short enough, else what the two
/// share at their start and end kept and all between replaced.
fn stretch_changes<T: Hash + Ord>(old: &[T], new: &[T]) -> Vec<Change> {
    if old.len() + new.len() > DIRECT_LIMIT {
        return replaced_whole(old, new);
    }
    capture_diff_slices(Algorithm::Myers, old, new)
        .iter()
        .map(|op| op.as_tag_tuple())
        .collect()
}

/// Changes found within stretches that start at `old_at` and `new_at`, counted from the
/// start of the whole sequences.
fn shifted(changes: Vec<Change>, old_at: usize, new_at: usize) -> impl Iterator<Item = Change> {
    let shift = |range: Range<usize>, by: usize| range.start + by..range.end + by;
    changes
        .into_iter()
        .map(move |(tag, old, new)| (tag, shift(old, old_at), shift(new, new_at)))
}

/// The sentences of a sequence of `len` items that end where `ends` says, the last running
/// to the end.
fn spans(len: usize, ends: &[usize]) -> Vec<Range<usize>> {
    let mut spans = Vec::with_capacity(ends.len() + 1);
    let mut start = 0;
    for &end in ends.iter().chain([&len]) {
        if end > start && end <= len {
            spans.push(start..end);
            start = end;
        }
    }
    spans
}

/// The items a range of sentences covers; an empty range of sentences is the empty range of
/// items where it stands.
fn covering(spans: &[Range<usize>], len: usize, sentences: Range<usize>) -> Range<usize> {
    let at = |sentence: usize| spans.get(sentence).map_or(len, |span| span.start);
    at(sentences.start)..at(sentences.end)
}

/// What the two sequences share at their start and end is kept; all between is replaced.
fn replaced_whole<T: Eq>(old: &[T], new: &[T]) -> Vec<Change> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_end, new_end) = (old.len() - suffix, new.len() - suffix);
    let middle = match (old_end > prefix, new_end > prefix) {
        (true, true) => Some(DiffTag::Replace),
        (true, false) => Some(DiffTag::Delete),
        (false, true) => Some(DiffTag::Insert),
        (false, false) => None,
    };
    [
        (prefix > 0).then_some((DiffTag::Equal, 0..prefix, 0..prefix)),
        middle.map(|tag| (tag, prefix..old_end, prefix..new_end)),
        (suffix > 0).then_some((DiffTag::Equal, old_end..old.len(), new_end..new.len())),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies the changes to `old`, taking inserted items from `new`; checks they cover both.
    fn apply<T: Clone + PartialEq + std::fmt::Debug>(
        old: &[T],
        new: &[T],
        changes: &[Change],
    ) -> Vec<T> {
        let (mut old_at, mut new_at, mut out) = (0, 0, Vec::new());
        for (tag, old_range, new_range) in changes {
            assert_eq!((old_range.start, new_range.start), (old_at, new_at));
            if *tag == DiffTag::Equal {
                assert_eq!(old[old_range.clone()], new[new_range.clone()]);
            }
            out.extend_from_slice(&new[new_range.clone()]);
            (old_at, new_at) = (old_range.end, new_range.end);
        }
        assert_eq!((old_at, new_at), (old.len(), new.len()));
        out
    }

    /// The changes that are not kept text.
    fn changed(found: &[Change]) -> Vec<&Change> {
        found
            .iter()
            .filter(|(tag, ..)| *tag != DiffTag::Equal)
            .collect()
    }

    /// Words of a long text: `count` sentences of ten words, sentence `n` made of `seed`.
    fn long_text(count: usize, seed: impl Fn(usize) -> usize) -> (Vec<usize>, Vec<usize>) {
        let words: Vec<usize> = (0..count)
            .flat_map(|n| {
                let sentence = seed(n);
                (0..10).map(move |w| sentence * 10 + w)
            })
            .collect();
        let ends = (1..count).map(|n| n * 10).collect();
        (words, ends)
    }

    #[test]
    fn short_sequences_are_compared_item_by_item() {
        let (old, new) = (["a", "b", "c"], ["a", "x", "c"]);
        let found = changes(&old, &new, &[], &[]);
        assert_eq!(
            found,
            vec![
                (DiffTag::Equal, 0..1, 0..1),
                (DiffTag::Replace, 1..2, 1..2),
                (DiffTag::Equal, 2..3, 2..3)
            ]
        );
    }

    #[test]
    fn a_word_changed_in_a_long_text_is_found_as_that_word() {
        let (old, old_ends) = long_text(1_000, |n| n);
        let (mut new, new_ends) = long_text(1_000, |n| n);
        new[5_005] = usize::MAX;
        let found = changes(&old, &new, &old_ends, &new_ends);
        assert_eq!(apply(&old, &new, &found), new);
        assert_eq!(
            changed(&found),
            vec![&(DiffTag::Replace, 5_005..5_006, 5_005..5_006)]
        );
    }

    #[test]
    fn two_long_rewritten_texts_are_compared_in_bounded_time() {
        // Ten thousand sentences each, none shared: Myers alone would take some 10^8 steps.
        let (old, old_ends) = long_text(10_000, |n| n);
        let (new, new_ends) = long_text(10_000, |n| n + 1_000_000);
        let found = changes(&old, &new, &old_ends, &new_ends);
        assert_eq!(found, vec![(DiffTag::Replace, 0..100_000, 0..100_000)]);
        // One long sentence each, sharing its first and last words.
        let old: Vec<u32> = (0..50_000).collect();
        let new: Vec<u32> = (0..50_000)
            .map(|n| {
                if n == 0 || n == 49_999 {
                    n
                } else {
                    n + 100_000
                }
            })
            .collect();
        assert_eq!(
            changes(&old, &new, &[], &[]),
            vec![
                (DiffTag::Equal, 0..1, 0..1),
                (DiffTag::Replace, 1..49_999, 1..49_999),
                (DiffTag::Equal, 49_999..50_000, 49_999..50_000)
            ]
        );
    }

    #[test]
    fn sentences_added_to_a_long_text_are_an_insertion() {
        let (old, old_ends) = long_text(1_000, |n| n);
        let (new, new_ends) = long_text(1_002, |n| {
            if n < 500 {
                n
            } else if n < 502 {
                9_000 + n
            } else {
                n - 2
            }
        });
        let found = changes(&old, &new, &old_ends, &new_ends);
        assert_eq!(apply(&old, &new, &found), new);
        assert_eq!(
            changed(&found),
            vec![&(DiffTag::Insert, 5_000..5_000, 5_000..5_020)]
        );
    }
}
