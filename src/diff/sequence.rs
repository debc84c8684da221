//! Aligning two sequences (blocks, rows, columns, notes …) by key: what stayed, what moved,
//! what was edited, what was removed and what was added.
//!
//! Elements with the same key are matched, the first of a key in the old sequence with the
//! first in the new one, and so on. Of the elements left, an old and a new one that are alike
//! (see [`Likeness`]) are paired as one element edited: first where they stand, between the
//! same matched elements, the pairs in order that keep the most (a longest common subsequence
//! weighted by likeness), so the best match wins, not the first acceptable one; then, of what
//! is still left, alike texts wherever they stand, the most alike first, so a paragraph that
//! moved and was edited is one element. Of all the matched and paired elements, the most that
//! keep their order relative to one another stay (a longest common subsequence, found with a
//! Fenwick tree in n log n); the others moved. So a block moved past its neighbours is one
//! move, edited or not, a block inserted before others moves nothing, and a block that keeps
//! its place is never reported as moved: among the orders that stay, the one keeping the most
//! elements at their places wins, then the longest, then the one whose elements travelled
//! least.

use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::Hash;

/// The items that `items` hold more than once: labels, agencies or titles that cannot say on
/// their own which element they name.
pub(super) fn repeated<T: Eq + Hash + Copy>(items: impl IntoIterator<Item = T>) -> HashSet<T> {
    let mut seen = HashSet::new();
    items
        .into_iter()
        .filter(|&item| !seen.insert(item))
        .collect()
}

/// Which of its like element `index` of `items` is, counting from 1, where more than one is
/// like it (`same`): a name alone does not tell "den anden række Mænd" from the first. None
/// where it is the only one.
pub(super) fn which_of<T>(items: &[T], index: usize, same: impl Fn(&T) -> bool) -> Option<usize> {
    let like = |items: &[T]| items.iter().filter(|item| same(item)).count();
    (like(items) > 1).then(|| like(&items[..=index]))
}

/// How one element of the old or new sequence fares, by index into the sequences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// The same key, in the order that stayed.
    Same {
        /// Index in the old sequence.
        old: usize,
        /// Index in the new sequence.
        new: usize,
    },
    /// Out of the order that stayed: moved relative to the others. Its key may differ, if it
    /// was also edited (an old and a new element paired as alike).
    Moved {
        /// Index in the old sequence.
        old: usize,
        /// Index in the new sequence.
        new: usize,
    },
    /// Different keys in the order that stayed, taken as one element edited in place.
    Edited {
        /// Index in the old sequence.
        old: usize,
        /// Index in the new sequence.
        new: usize,
    },
    /// Only in the old sequence.
    Removed(usize),
    /// Only in the new sequence.
    Added(usize),
}

/// How alike an old and a new element with different keys are, which decides whether they are
/// one element edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Likeness {
    /// Never one element: of different kinds, or texts with too little in common.
    Unlike,
    /// Of the same kind, with no measure of how alike (two tables, two rows): one element
    /// edited only where they stand, since anywhere else any two of a kind would pair.
    Kindred,
    /// Texts alike enough to be one edited wherever they stand, keeping this many words.
    Alike(usize),
}

impl Likeness {
    /// What pairing the two adds to a pairing's worth, if they may pair: the words kept, and
    /// one for kindred elements, so that a better measured match wins over them.
    fn worth(self) -> Option<usize> {
        match self {
            Self::Unlike => None,
            Self::Kindred => Some(1),
            Self::Alike(kept) => Some(kept),
        }
    }
}

/// A likeness measure that measures each pair once: measuring texts diffs them, and both
/// pairing passes ask about the same pairs.
struct Measured<F> {
    measure: F,
    known: RefCell<HashMap<(usize, usize), Likeness>>,
}

impl<F: Fn(usize, usize) -> Likeness> Measured<F> {
    fn new(measure: F) -> Self {
        Self {
            measure,
            known: RefCell::new(HashMap::new()),
        }
    }

    /// How alike old element `old` and new element `new` are.
    fn of(&self, old: usize, new: usize) -> Likeness {
        *self
            .known
            .borrow_mut()
            .entry((old, new))
            .or_insert_with(|| (self.measure)(old, new))
    }
}

/// The elements between two staying ones (or before the first, or after the last): the old
/// ones no key matched, and all the new ones.
struct Hunk {
    removed: Vec<usize>,
    added: Vec<usize>,
}

/// Aligns `old` with `new`, in the new sequence's reading order (removed elements where they
/// stood, before what was added at their place). Elements are matched by their keys, and old
/// and new elements left over are paired by `likeness` as one element edited; matched and
/// paired elements that did not stay have moved.
pub(super) fn align<K: Hash + Eq>(
    old: &[K],
    new: &[K],
    likeness: impl Fn(usize, usize) -> Likeness,
) -> Vec<Step> {
    let lengths = (old.len(), new.len());
    let exact = match_keys(old, new);
    let mut matches = pair_up(&exact, lengths, &Measured::new(likeness));
    matches.extend(exact);
    matches.sort_unstable_by_key(|&(_, new)| new);
    let staying = staying(&matches);
    let moves = moves(&matches, &staying);
    let mut steps = Vec::new();
    for (hunk, end) in hunks(&matches, &staying, lengths)
        .into_iter()
        .zip(ends(&staying))
    {
        steps.extend(hunk.removed.into_iter().map(Step::Removed));
        steps.extend(hunk.added.into_iter().map(|new| match moves.get(&new) {
            Some(&old) => Step::Moved { old, new },
            None => Step::Added(new),
        }));
        // Paired elements have different keys: a key both sides have left is matched.
        steps.extend(end.map(|(o, n)| {
            if old[o] == new[n] {
                Step::Same { old: o, new: n }
            } else {
                Step::Edited { old: o, new: n }
            }
        }));
    }
    steps
}

/// The staying pair that closes each hunk, and none after the last hunk.
fn ends(staying: &[(usize, usize)]) -> impl Iterator<Item = Option<(usize, usize)>> + '_ {
    staying.iter().copied().map(Some).chain([None])
}

/// The hunks around the staying pairs, one more than there are staying pairs.
fn hunks(
    matches: &[(usize, usize)],
    staying: &[(usize, usize)],
    (old_len, new_len): (usize, usize),
) -> Vec<Hunk> {
    let matched_old: HashSet<usize> = matches.iter().map(|&(old, _)| old).collect();
    let starts =
        std::iter::once((0, 0)).chain(staying.iter().map(|&(old, new)| (old + 1, new + 1)));
    let ends = staying.iter().copied().chain([(old_len, new_len)]);
    starts
        .zip(ends)
        .map(|((old_from, new_from), (old_to, new_to))| Hunk {
            removed: (old_from..old_to)
                .filter(|index| !matched_old.contains(index))
                .collect(),
            added: (new_from..new_to).collect(),
        })
        .collect()
}

/// Pairs old and new elements no key matched as one element edited, as (old, new) indices: in
/// each hunk of the alignment by key, the pairs in order worth the most; then what is left,
/// across hunks.
fn pair_up<F: Fn(usize, usize) -> Likeness>(
    exact: &[(usize, usize)],
    lengths: (usize, usize),
    likeness: &Measured<F>,
) -> Vec<(usize, usize)> {
    let matched_new: HashSet<usize> = exact.iter().map(|&(_, new)| new).collect();
    let mut hunks = hunks(exact, &staying(exact), lengths);
    for hunk in &mut hunks {
        hunk.added.retain(|new| !matched_new.contains(new));
    }
    let elsewhere = alike_elsewhere(&hunks, likeness);
    let mut pairs: Vec<(usize, usize)> = hunks
        .iter()
        .flat_map(|hunk| pair_in_order(hunk, likeness, &elsewhere))
        .collect();
    pairs.extend(pair_across(&hunks, &pairs, likeness));
    pairs
}

/// The old and the new elements that are alike to one in another hunk: two tables that swapped
/// places and had their rows sorted anew, each alike only to the other's counterpart. Such an
/// element pairs in its own hunk only with one alike to it, not with a mere kindred one where
/// it stands, which would take it from its counterpart and tell every figure as changed.
fn alike_elsewhere<F: Fn(usize, usize) -> Likeness>(
    hunks: &[Hunk],
    likeness: &Measured<F>,
) -> (HashSet<usize>, HashSet<usize>) {
    let (mut old, mut new) = (HashSet::new(), HashSet::new());
    let none = HashSet::new();
    let removed = unpaired(hunks, |hunk| &hunk.removed, &none);
    let added = unpaired(hunks, |hunk| &hunk.added, &none);
    if hunks.len() < 2 || too_many(removed.len(), added.len()) {
        return (old, new);
    }
    for &(old_hunk, removed) in &removed {
        for &(_, added) in added.iter().filter(|(new_hunk, _)| *new_hunk != old_hunk) {
            if matches!(likeness.of(removed, added), Likeness::Alike(_)) {
                old.insert(removed);
                new.insert(added);
            }
        }
    }
    (old, new)
}

/// Beyond this many comparisons (old × new elements, in a hunk or left over in all), pairing
/// looks only at elements at the same place: a table whose 3,000 row labels all changed would
/// otherwise be compared each row with each (9 million comparisons, gigabytes kept).
const MOST_COMPARISONS: usize = 250_000;

/// Whether pairing `removed` with `added` each with each is too dear (see [`MOST_COMPARISONS`]).
pub(super) fn too_many(removed: usize, added: usize) -> bool {
    removed.saturating_mul(added) > MOST_COMPARISONS
}

/// The pairs of a hunk's removed and added elements that keep their order and are worth the
/// most together (a longest common subsequence weighted by likeness, so that of two texts
/// alike to one, the one that keeps more words pairs with it); on a tie, the earliest pairs.
fn pair_in_order<F: Fn(usize, usize) -> Likeness>(
    hunk: &Hunk,
    likeness: &Measured<F>,
    (alike_old, alike_new): &(HashSet<usize>, HashSet<usize>),
) -> Vec<(usize, usize)> {
    let (removed, added) = (&hunk.removed, &hunk.added);
    if too_many(removed.len(), added.len()) {
        return removed
            .iter()
            .zip(added)
            .filter(|&(&old, &new)| likeness.of(old, new).worth().is_some())
            .map(|(&old, &new)| (old, new))
            .collect();
    }
    let worth = |i: usize, j: usize| match likeness.of(removed[i], added[j]) {
        Likeness::Kindred if alike_old.contains(&removed[i]) || alike_new.contains(&added[j]) => {
            None
        }
        measured => measured.worth(),
    };
    // best[i][j]: what the best pairs of removed[i..] with added[j..] are worth.
    let mut best = vec![vec![0; added.len() + 1]; removed.len() + 1];
    for i in (0..removed.len()).rev() {
        for j in (0..added.len()).rev() {
            let paired = worth(i, j).map_or(0, |worth| worth + best[i + 1][j + 1]);
            best[i][j] = paired.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < removed.len() && j < added.len() {
        match worth(i, j) {
            Some(worth) if worth + best[i + 1][j + 1] == best[i][j] => {
                pairs.push((removed[i], added[j]));
                (i, j) = (i + 1, j + 1);
            }
            _ if best[i + 1][j] == best[i][j] => i += 1,
            _ => j += 1,
        }
    }
    pairs
}

/// The elements on one side of the hunks that are not in `paired`, with their hunk's index.
fn unpaired(
    hunks: &[Hunk],
    side: impl Fn(&Hunk) -> &Vec<usize>,
    paired: &HashSet<usize>,
) -> Vec<(usize, usize)> {
    hunks
        .iter()
        .enumerate()
        .flat_map(|(at, hunk)| side(hunk).iter().map(move |&index| (at, index)))
        .filter(|(_, index)| !paired.contains(index))
        .collect()
}

/// Pairs the removed and added elements the hunks left unpaired: alike texts wherever they
/// stand, and kindred elements that crossed within their hunk; the most alike first, then the
/// earliest in the new order.
fn pair_across<F: Fn(usize, usize) -> Likeness>(
    hunks: &[Hunk],
    paired: &[(usize, usize)],
    likeness: &Measured<F>,
) -> Vec<(usize, usize)> {
    let (paired_old, paired_new): (HashSet<usize>, HashSet<usize>) = paired.iter().copied().unzip();
    let removed = unpaired(hunks, |hunk| &hunk.removed, &paired_old);
    let added = unpaired(hunks, |hunk| &hunk.added, &paired_new);
    if too_many(removed.len(), added.len()) {
        return Vec::new();
    }
    let mut candidates = Vec::new();
    for &(old_hunk, old) in &removed {
        for &(new_hunk, new) in &added {
            match likeness.of(old, new) {
                Likeness::Alike(kept) => candidates.push((kept, old, new)),
                Likeness::Kindred if old_hunk == new_hunk => candidates.push((1, old, new)),
                _ => {}
            }
        }
    }
    most_worth_first(candidates)
}

/// Pairs old and new elements from `candidates`, (worth, old, new), each element once: the
/// pairs worth most first (the most alike), then the earliest in the new order.
pub(super) fn most_worth_first(mut candidates: Vec<(usize, usize, usize)>) -> Vec<(usize, usize)> {
    candidates.sort_unstable_by_key(|&(worth, old, new)| (Reverse(worth), new, old));
    let (mut taken_old, mut taken_new) = (HashSet::new(), HashSet::new());
    let mut pairs = Vec::new();
    for (_, old, new) in candidates {
        if !taken_old.contains(&old) && !taken_new.contains(&new) {
            taken_old.insert(old);
            taken_new.insert(new);
            pairs.push((old, new));
        }
    }
    pairs
}

/// Pairs the elements of equal keys: (old index, new index), in the new order. Keys that each
/// side has once are paired first; of a key repeated (two headings "Baggrund"), an element is
/// paired with one of its key between the same such pairs, where it stands, before any
/// elsewhere: the first of a key with the first would take the heading that was renamed for
/// the one that stayed, and report that one as moved.
fn match_keys<K: Hash + Eq>(old: &[K], new: &[K]) -> Vec<(usize, usize)> {
    let mut counts: HashMap<&K, (usize, usize)> = HashMap::new();
    for key in old {
        counts.entry(key).or_default().0 += 1;
    }
    for key in new {
        counts.entry(key).or_default().1 += 1;
    }
    let once = |key: &K| counts.get(key) == Some(&(1, 1));
    let unique: Vec<(usize, usize)> = first_with_first(
        (0..old.len()).filter(|&index| once(&old[index])),
        (0..new.len()).filter(|&index| once(&new[index])),
        old,
        new,
    );
    let mut matched = unique.clone();
    let (mut taken_old, mut taken_new): (HashSet<usize>, HashSet<usize>) =
        unique.iter().copied().unzip();
    for hunk in hunks(&unique, &staying(&unique), (old.len(), new.len())) {
        let added = hunk
            .added
            .into_iter()
            .filter(|new| !taken_new.contains(new));
        let pairs = first_with_first(hunk.removed.into_iter(), added, old, new);
        taken_old.extend(pairs.iter().map(|&(old, _)| old));
        taken_new.extend(pairs.iter().map(|&(_, new)| new));
        matched.extend(pairs);
    }
    matched.extend(first_with_first(
        (0..old.len()).filter(|index| !taken_old.contains(index)),
        (0..new.len()).filter(|index| !taken_new.contains(index)),
        old,
        new,
    ));
    matched.sort_unstable_by_key(|&(_, new)| new);
    matched
}

/// Pairs the old elements `old_indices` with the new ones `new_indices` of equal keys, in order
/// within each key: the first of a key with the first, and so on.
fn first_with_first<K: Hash + Eq>(
    old_indices: impl Iterator<Item = usize>,
    new_indices: impl Iterator<Item = usize>,
    old: &[K],
    new: &[K],
) -> Vec<(usize, usize)> {
    let mut old_by_key: HashMap<&K, VecDeque<usize>> = HashMap::new();
    for index in old_indices {
        old_by_key.entry(&old[index]).or_default().push_back(index);
    }
    new_indices
        .filter_map(|index| {
            let old = old_by_key.get_mut(&new[index])?.pop_front()?;
            Some((old, index))
        })
        .collect()
}

/// The matched pairs that did not stay: old index by new index.
fn moves(matches: &[(usize, usize)], staying: &[(usize, usize)]) -> HashMap<usize, usize> {
    let stays: HashSet<&(usize, usize)> = staying.iter().collect();
    matches
        .iter()
        .filter(|pair| !stays.contains(pair))
        .map(|&(old, new)| (new, old))
        .collect()
}

/// How good an order of staying elements is, compared field by field: first how many of them
/// kept their places (so none of those is reported as moved), then how many stay (so as few
/// as possible are), then how little they travelled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    in_place: usize,
    staying: usize,
    travel: Reverse<usize>,
}

impl Score {
    /// The score of one matched element alone.
    fn of((old, new): (usize, usize)) -> Self {
        Self {
            in_place: usize::from(old == new),
            staying: 1,
            travel: Reverse(old.abs_diff(new)),
        }
    }

    fn plus(self, other: Self) -> Self {
        Self {
            in_place: self.in_place + other.in_place,
            staying: self.staying + other.staying,
            travel: Reverse(self.travel.0 + other.travel.0),
        }
    }
}

/// The matched pairs that stay: the best-scoring subsequence of `matches` (in the new order)
/// whose old indices increase too.
fn staying(matches: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let size = matches.iter().map(|&(old, _)| old + 1).max().unwrap_or(0);
    let mut best = BestBefore::new(size);
    // For each match: the best chain ending in it, and the match before it in that chain.
    let mut chains: Vec<(Score, Option<usize>)> = Vec::with_capacity(matches.len());
    for (index, &pair) in matches.iter().enumerate() {
        let before = best.before(pair.0);
        let score = before.map_or(Score::default(), |(score, _)| score);
        let chain = (score.plus(Score::of(pair)), before.map(|(_, at)| at));
        best.offer(pair.0, (chain.0, index));
        chains.push(chain);
    }
    // On a tie the chain ending last in the new order stays, so of two neighbours swapped the
    // one that came up is the one reported as moved.
    let mut last = (0..chains.len()).max_by_key(|&index| (chains[index].0, index));
    let mut kept = Vec::new();
    while let Some(index) = last {
        kept.push(matches[index]);
        last = chains[index].1;
    }
    kept.reverse();
    kept
}

/// The best chain so far ending at each old index, asked for the best one ending before an
/// old index (a Fenwick tree of prefix maxima).
struct BestBefore {
    tree: Vec<Option<(Score, usize)>>,
}

impl BestBefore {
    fn new(size: usize) -> Self {
        Self {
            tree: vec![None; size + 1],
        }
    }

    /// The best chain (score, index of its last match) ending at an old index below `end`.
    fn before(&self, end: usize) -> Option<(Score, usize)> {
        let mut best: Option<(Score, usize)> = None;
        let mut position = end;
        while position > 0 {
            best = better(best, self.tree[position]);
            position &= position - 1;
        }
        best
    }

    /// Records a chain ending at old index `at`.
    fn offer(&mut self, at: usize, chain: (Score, usize)) {
        let mut position = at + 1;
        while position < self.tree.len() {
            self.tree[position] = better(self.tree[position], Some(chain));
            position += position & position.wrapping_neg();
        }
    }
}

/// The higher-scoring of two chains; the first on a tie, so that the result is stable.
fn better(first: Option<(Score, usize)>, second: Option<(Score, usize)>) -> Option<(Score, usize)> {
    match (first, second) {
        (Some(a), Some(b)) if b.0 > a.0 => Some(b),
        (None, b) => b,
        (a, _) => a,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The moves of an alignment without edits, as (old, new) indices.
    fn moves(old: &[&str], new: &[&str]) -> Vec<(usize, usize)> {
        align(old, new, |_, _| Likeness::Unlike)
            .into_iter()
            .filter_map(|step| match step {
                Step::Moved { old, new } => Some((old, new)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_swap_is_one_move() {
        let steps = align(&["p", "a", "b"], &["p", "b", "a"], |_, _| Likeness::Unlike);
        assert_eq!(
            steps,
            vec![
                Step::Same { old: 0, new: 0 },
                Step::Moved { old: 2, new: 1 },
                Step::Same { old: 1, new: 2 },
            ]
        );
    }

    #[test]
    fn a_reversal_moves_the_ends_and_not_the_middle() {
        assert_eq!(moves(&["a", "b", "c"], &["c", "b", "a"]), [(2, 0), (0, 2)]);
        assert_eq!(
            moves(&["a", "b", "c", "d", "e"], &["e", "d", "c", "b", "a"]),
            [(4, 0), (3, 1), (1, 3), (0, 4)]
        );
    }

    #[test]
    fn a_block_taken_to_the_end_is_the_only_move() {
        assert_eq!(
            moves(&["a", "b", "c", "d", "e"], &["b", "c", "d", "e", "a"]),
            [(0, 4)]
        );
    }

    #[test]
    fn an_insertion_or_a_removal_moves_nothing() {
        assert_eq!(moves(&["a", "b", "c"], &["x", "a", "b", "c"]), []);
        assert_eq!(moves(&["a", "b", "c"], &["a", "c"]), []);
    }

    #[test]
    fn an_element_at_its_old_place_is_never_moved() {
        // Staying with "a b" or "d e" would be one move fewer, but would move "c" from the
        // middle to the middle.
        let found = moves(&["a", "b", "c", "d", "e"], &["d", "e", "c", "a", "b"]);
        assert_eq!(found, [(3, 0), (4, 1), (0, 3), (1, 4)]);
        assert!(found.iter().all(|(old, new)| old != new));
    }

    #[test]
    fn equal_keys_are_matched_in_order() {
        let steps = align(&["x", "a", "x"], &["x", "x"], |_, _| Likeness::Unlike);
        assert_eq!(
            steps,
            vec![
                Step::Same { old: 0, new: 0 },
                Step::Removed(1),
                Step::Same { old: 2, new: 1 },
            ]
        );
    }

    #[test]
    fn a_replacement_in_place_is_an_edit_and_the_rest_is_added_or_removed() {
        let steps = align(&["a", "x", "c"], &["a", "y", "z", "c"], |_, _| {
            Likeness::Kindred
        });
        assert_eq!(
            steps,
            vec![
                Step::Same { old: 0, new: 0 },
                Step::Edited { old: 1, new: 1 },
                Step::Added(2),
                Step::Same { old: 2, new: 3 },
            ]
        );
    }

    /// Elements alike when they begin with the same letter, keeping as many "words" as their
    /// beginnings share letters: "abcd" and "abce" keep 3, "abcd" and "ax" 1.
    fn shared_start<'a>(old: &'a [&str], new: &'a [&str]) -> impl Fn(usize, usize) -> Likeness {
        |o, n| {
            let (old, new) = (old[o].chars(), new[n].chars());
            match old.zip(new).take_while(|(a, b)| a == b).count() {
                0 => Likeness::Unlike,
                kept => Likeness::Alike(kept),
            }
        }
    }

    /// Aligns with [`shared_start`] as the likeness.
    fn align_alike(old: &[&str], new: &[&str]) -> Vec<Step> {
        align(old, new, shared_start(old, new))
    }

    #[test]
    fn the_most_alike_pairs_not_the_first_alike() {
        let steps = align_alike(&["abcd", "z"], &["ax", "abce", "z"]);
        assert_eq!(
            steps,
            vec![
                Step::Added(0),
                Step::Edited { old: 0, new: 1 },
                Step::Same { old: 1, new: 2 },
            ]
        );
    }

    #[test]
    fn in_place_the_pairs_in_order_worth_most_together_win() {
        // Pairing "ab1" with "ab2" first, as a greedy pairing would, leaves "abc1" nothing.
        let steps = align_alike(&["ab1", "abc1"], &["ab2", "abc2"]);
        assert_eq!(
            steps,
            vec![
                Step::Edited { old: 0, new: 0 },
                Step::Edited { old: 1, new: 1 },
            ]
        );
    }

    #[test]
    fn edited_elements_swapped_move_as_unedited_ones_do() {
        let unedited = align(&["a", "c", "z"], &["c", "a", "z"], |_, _| Likeness::Unlike);
        let edited = align_alike(&["ab1", "cd1", "z"], &["cd2", "ab2", "z"]);
        assert_eq!(
            unedited,
            vec![
                Step::Same { old: 1, new: 0 },
                Step::Moved { old: 0, new: 1 },
                Step::Same { old: 2, new: 2 },
            ]
        );
        assert_eq!(
            edited,
            vec![
                Step::Edited { old: 1, new: 0 },
                Step::Moved { old: 0, new: 1 },
                Step::Same { old: 2, new: 2 },
            ]
        );
    }

    #[test]
    fn an_element_moved_and_edited_is_one_move() {
        let steps = align_alike(&["ab1", "c", "d"], &["c", "d", "ab2"]);
        assert_eq!(
            steps,
            vec![
                Step::Same { old: 1, new: 0 },
                Step::Same { old: 2, new: 1 },
                Step::Moved { old: 0, new: 2 },
            ]
        );
    }

    #[test]
    fn kindred_elements_pair_only_where_they_stand() {
        let steps = align(&["t1", "c", "d"], &["c", "d", "t2"], |_, _| {
            Likeness::Kindred
        });
        assert_eq!(
            steps,
            vec![
                Step::Removed(0),
                Step::Same { old: 1, new: 0 },
                Step::Same { old: 2, new: 1 },
                Step::Added(2),
            ]
        );
    }

    #[test]
    fn kindred_elements_that_crossed_in_place_are_one_move() {
        // The texts "ab1" and "ab2" pair in place first; the tables "t1" and "t2" crossed
        // them, so they are one table too, and as of two neighbours swapped, the one that came
        // up moved.
        let likeness = |o: usize, n: usize| match (o, n) {
            (0, 1) => Likeness::Kindred,
            (1, 0) => Likeness::Alike(5),
            _ => Likeness::Unlike,
        };
        let steps = align(&["t1", "ab1"], &["ab2", "t2"], likeness);
        assert_eq!(
            steps,
            vec![
                Step::Moved { old: 1, new: 0 },
                Step::Edited { old: 0, new: 1 },
            ]
        );
    }

    #[test]
    fn an_edited_element_at_its_old_place_is_never_moved() {
        // "s" came down past "ab1"/"ab2", which kept its place: "s" moved, not "ab2".
        let steps = align_alike(&["s", "q", "ab1"], &["p", "r", "ab2", "s"]);
        assert_eq!(
            steps,
            vec![
                Step::Removed(1),
                Step::Added(0),
                Step::Added(1),
                Step::Edited { old: 2, new: 2 },
                Step::Moved { old: 0, new: 3 },
            ]
        );
    }

    #[test]
    fn a_huge_hunk_is_paired_by_place_without_comparing_each_with_each() {
        let old: Vec<String> = (0..2_000).map(|i| format!("gammel {i}")).collect();
        let new: Vec<String> = (0..2_000).map(|i| format!("ny {i}")).collect();
        let compared = std::cell::Cell::new(0);
        let steps = align(&old, &new, |_, _| {
            compared.set(compared.get() + 1);
            Likeness::Kindred
        });
        assert!(
            compared.get() <= 2 * 2_000,
            "{} comparisons",
            compared.get()
        );
        assert_eq!(steps.len(), 2_000);
        assert!(steps.iter().enumerate().all(|(index, step)| {
            matches!(step, Step::Edited { old, new } if *old == index && *new == index)
        }));
    }

    #[test]
    fn unpairable_elements_are_removed_and_added() {
        let steps = align(&["x"], &["y"], |_, _| Likeness::Unlike);
        assert_eq!(steps, vec![Step::Removed(0), Step::Added(0)]);
    }
}
