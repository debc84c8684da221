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

/// The changes within one stretch: item by item if it is short enough; else what the two share
/// at their start and end is kept, and what lies between is compared at the items each has
/// once ([`anchored`]).
fn stretch_changes<T: Hash + Ord>(old: &[T], new: &[T]) -> Vec<Change> {
    within(old, new, 0)
}

/// [`stretch_changes`] at `depth` stretches within stretches.
fn within<T: Hash + Ord>(old: &[T], new: &[T], depth: usize) -> Vec<Change> {
    if old.len() + new.len() <= DIRECT_LIMIT {
        return capture_diff_slices(Algorithm::Myers, old, new)
            .iter()
            .map(|op| op.as_tag_tuple())
            .collect();
    }
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_end, new_end) = (old.len() - suffix, new.len() - suffix);
    let middle = anchored(&old[prefix..old_end], &new[prefix..new_end], depth);
    let mut out = Vec::new();
    if prefix > 0 {
        out.push((DiffTag::Equal, 0..prefix, 0..prefix));
    }
    out.extend(shifted(middle, prefix, prefix));
    if suffix > 0 {
        out.push((DiffTag::Equal, old_end..old.len(), new_end..new.len()));
    }
    out
}

/// How deep stretches are compared within stretches before the rest is replaced whole: each
/// level is cut at anchors, so a few suffice for any text, and the stack stays shallow.
const DEEPEST: usize = 16;

/// The changes between two stretches with nothing in common at their ends: cut at the items
/// (or runs of items, [`anchors`]) that each has exactly once, in the longest run of them in
/// the same order (as patience diffing does), and each piece between compared again; with no
/// such item (or too deep), one replaced whole.
fn anchored<T: Hash + Ord>(old: &[T], new: &[T], depth: usize) -> Vec<Change> {
    let (anchors, length) = if old.len() + new.len() > DIRECT_LIMIT && depth < DEEPEST {
        anchors(old, new)
    } else {
        (Vec::new(), 1)
    };
    if anchors.is_empty() {
        return if old.len() + new.len() <= DIRECT_LIMIT {
            within(old, new, depth + 1)
        } else {
            replaced(0..old.len(), 0..new.len()).into_iter().collect()
        };
    }
    let mut out = Vec::new();
    let (mut old_at, mut new_at) = (0, 0);
    for (old_anchor, new_anchor) in anchors {
        let piece = within(
            &old[old_at..old_anchor],
            &new[new_at..new_anchor],
            depth + 1,
        );
        out.extend(shifted(piece, old_at, new_at));
        out.push((
            DiffTag::Equal,
            old_anchor..old_anchor + length,
            new_anchor..new_anchor + length,
        ));
        (old_at, new_at) = (old_anchor + length, new_anchor + length);
    }
    let rest = within(&old[old_at..], &new[new_at..], depth + 1);
    out.extend(shifted(rest, old_at, new_at));
    out
}

/// The lengths of the runs of items tried as anchors when no single item is unique: a long
/// text of a few words used over and over (a list of figures, a repeated formula) has pairs
/// or longer runs of them that it has once.
const RUN_LENGTHS: [usize; 5] = [2, 4, 8, 16, 32];

/// Where to cut two stretches, and how many items long each cut is: the items each has exactly
/// once ([`unique_in_order`]), or else the shortest runs of [`RUN_LENGTHS`] each has exactly
/// once, none overlapping the one before it.
fn anchors<T: Hash + Ord>(old: &[T], new: &[T]) -> (Vec<(usize, usize)>, usize) {
    let single = unique_in_order(old, new);
    if !single.is_empty() {
        return (single, 1);
    }
    for length in RUN_LENGTHS {
        let old_runs: Vec<&[T]> = old.windows(length).collect();
        let new_runs: Vec<&[T]> = new.windows(length).collect();
        let mut apart: Vec<(usize, usize)> = Vec::new();
        for (old_at, new_at) in unique_in_order(&old_runs, &new_runs) {
            let clear = apart.last().is_none_or(|&(old_before, new_before)| {
                old_at >= old_before + length && new_at >= new_before + length
            });
            if clear {
                apart.push((old_at, new_at));
            }
        }
        if !apart.is_empty() {
            return (apart, length);
        }
    }
    (Vec::new(), 1)
}

/// The change of one stretch into another as a whole, if either has anything.
fn replaced(old: Range<usize>, new: Range<usize>) -> Option<Change> {
    let tag = match (old.is_empty(), new.is_empty()) {
        (false, false) => DiffTag::Replace,
        (false, true) => DiffTag::Delete,
        (true, false) => DiffTag::Insert,
        (true, true) => return None,
    };
    Some((tag, old, new))
}

/// The places of the items that `old` and `new` each have exactly once, the longest run of
/// them that stands in the same order in both, in order.
fn unique_in_order<T: Hash + Eq>(old: &[T], new: &[T]) -> Vec<(usize, usize)> {
    use std::collections::HashMap;
    // For each item: how often, and where last, in the old and in the new stretch.
    let mut seen: HashMap<&T, [(usize, usize); 2]> = HashMap::new();
    for (side, items) in [old, new].into_iter().enumerate() {
        for (at, item) in items.iter().enumerate() {
            let counted = &mut seen.entry(item).or_default()[side];
            *counted = (counted.0 + 1, at);
        }
    }
    let mut pairs: Vec<(usize, usize)> = seen
        .into_values()
        .filter(|[in_old, in_new]| in_old.0 == 1 && in_new.0 == 1)
        .map(|[in_old, in_new]| (in_old.1, in_new.1))
        .collect();
    pairs.sort_unstable();
    longest_increasing(&pairs)
}

/// The longest run of `pairs` (sorted by their first place) whose second places increase too.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // `ends[k]`: the pair ending the best run of k + 1 found so far, the one with the smallest
    // second place; `before[i]`: the pair before pair i in its run.
    let mut ends: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; pairs.len()];
    for (index, &(_, second)) in pairs.iter().enumerate() {
        let length = ends.partition_point(|&end| pairs[end].1 < second);
        before[index] = length.checked_sub(1).map(|previous| ends[previous]);
        match ends.get_mut(length) {
            Some(end) => *end = index,
            None => ends.push(index),
        }
    }
    let mut run = Vec::with_capacity(ends.len());
    let mut at = ends.last().copied();
    while let Some(index) = at {
        run.push(pairs[index]);
        at = before[index];
    }
    run.reverse();
    run
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
    fn words_changed_far_apart_in_a_long_text_without_sentences_are_found_as_those_words() {
        // 12,000 words and no full stop: one sentence, too long to compare word by word at once.
        let old: Vec<usize> = (0..12_000).collect();
        assert_two_words_changed_are_found_as_those_words(&old, [usize::MAX, usize::MAX - 1]);
    }

    #[test]
    fn words_changed_far_apart_in_a_long_text_of_few_words_are_found_as_those_words() {
        // 12,000 words from a vocabulary of 20, no word once and no full stop: cut at runs of
        // words each text has once. Before, the two changes were one replacement of 6,001.
        let mut state: u64 = 287;
        let old: Vec<u64> = (0..12_000)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                (state >> 33) % 20
            })
            .collect();
        assert_two_words_changed_are_found_as_those_words(&old, [1_000, 1_001]);
    }

    /// Changes words 3,000 and 9,000 of `old` into `words` and asserts that the changes found
    /// are those two words.
    fn assert_two_words_changed_are_found_as_those_words<T>(old: &[T], words: [T; 2])
    where
        T: Hash + Ord + Clone + std::fmt::Debug,
    {
        let mut new = old.to_vec();
        let [first, second] = words;
        new[3_000] = first;
        new[9_000] = second;
        let found = changes(old, &new, &[], &[]);
        assert_eq!(apply(old, &new, &found), new);
        assert_eq!(
            changed(&found),
            vec![
                &(DiffTag::Replace, 3_000..3_001, 3_000..3_001),
                &(DiffTag::Replace, 9_000..9_001, 9_000..9_001)
            ]
        );
    }

    #[test]
    fn the_longest_run_in_the_same_order_is_kept() {
        let pairs = [(0, 5), (1, 1), (2, 2), (3, 6), (4, 3), (5, 4)];
        assert_eq!(longest_increasing(&pairs), [(1, 1), (2, 2), (4, 3), (5, 4)]);
        assert_eq!(longest_increasing(&[]), []);
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
