//! Aligning two sequences (blocks, rows, columns, notes …) by key: what stayed, what moved,
//! what was edited in place, what was removed and what was added.
//!
//! Elements with the same key are matched, the first of a key in the old sequence with the
//! first in the new one, and so on. Of the matched elements, the most that keep their order
//! relative to one another stay (a longest common subsequence, found with a Fenwick tree in
//! n log n); the others moved. So a block moved past its neighbours is one move, a block
//! inserted before others moves nothing, and a block that keeps its place is never reported
//! as moved: among the orders that stay, the one keeping the most elements at their places
//! wins, then the longest, then the one whose elements travelled least.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::Hash;

/// How one element of the old or new sequence fares, by index into the sequences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The same key, in the order that stayed.
    Same {
        /// Index in the old sequence.
        old: usize,
        /// Index in the new sequence.
        new: usize,
    },
    /// The same key, but out of the order that stayed: moved relative to the others.
    Moved {
        /// Index in the old sequence.
        old: usize,
        /// Index in the new sequence.
        new: usize,
    },
    /// Different keys at the same place, taken as one element edited.
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

/// The elements between two staying ones: the old ones no key matched (removed or edited), and
/// all the new ones (added, edited or moved here).
struct Hunk {
    removed: Vec<usize>,
    added: Vec<usize>,
}

/// Aligns `old` with `new` by their keys, in the new sequence's reading order (removed elements
/// where they stood). Matched elements that did not stay have moved; between two staying
/// elements, a removed and an added element for which `pairable` holds are one element edited.
pub fn align<K: Hash + Eq>(
    old: &[K],
    new: &[K],
    pairable: impl Fn(usize, usize) -> bool,
) -> Vec<Step> {
    let matches = match_keys(old, new);
    let staying = staying(&matches);
    let moves = moves(&matches, &staying);
    let matched_old: HashSet<usize> = matches.iter().map(|&(old, _)| old).collect();
    let hunk = |(old_from, new_from): (usize, usize), (old_to, new_to): (usize, usize)| Hunk {
        removed: (old_from..old_to)
            .filter(|index| !matched_old.contains(index))
            .collect(),
        added: (new_from..new_to).collect(),
    };
    let mut steps = Vec::new();
    let mut start = (0, 0);
    for &(old, new) in &staying {
        steps.extend(hunk_steps(hunk(start, (old, new)), &moves, &pairable));
        steps.push(Step::Same { old, new });
        start = (old + 1, new + 1);
    }
    let end = (old.len(), new.len());
    steps.extend(hunk_steps(hunk(start, end), &moves, &pairable));
    steps
}

/// Pairs the elements of equal keys, in order within each key: (old index, new index), in the
/// new order.
fn match_keys<K: Hash + Eq>(old: &[K], new: &[K]) -> Vec<(usize, usize)> {
    let mut old_by_key: HashMap<&K, VecDeque<usize>> = HashMap::new();
    for (index, key) in old.iter().enumerate() {
        old_by_key.entry(key).or_default().push_back(index);
    }
    new.iter()
        .enumerate()
        .filter_map(|(index, key)| {
            let old = old_by_key.get_mut(key)?.pop_front()?;
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

/// The steps of one hunk: each added element is a move, an edit of the first unpaired removed
/// element it pairs with, or new. Removed elements come before whatever follows them, so a
/// removal reads before an addition at the same place.
fn hunk_steps(
    hunk: Hunk,
    moves: &HashMap<usize, usize>,
    pairable: &impl Fn(usize, usize) -> bool,
) -> Vec<Step> {
    let edits = pair_up(&hunk, moves, pairable);
    let mut leftover: VecDeque<usize> = hunk
        .removed
        .iter()
        .copied()
        .filter(|old| !edits.iter().any(|(_, paired)| paired == old))
        .collect();
    let mut steps = Vec::new();
    for (position, &new) in hunk.added.iter().enumerate() {
        let next_edit = edits
            .iter()
            .find(|(added, _)| hunk.added[position..].contains(added))
            .map_or(usize::MAX, |&(_, old)| old);
        while leftover.front().is_some_and(|&old| old < next_edit) {
            steps.extend(leftover.pop_front().map(Step::Removed));
        }
        steps.push(
            match (
                moves.get(&new),
                edits.iter().find(|(added, _)| *added == new),
            ) {
                (Some(&old), _) => Step::Moved { old, new },
                (None, Some(&(_, old))) => Step::Edited { old, new },
                (None, None) => Step::Added(new),
            },
        );
    }
    steps.extend(leftover.into_iter().map(Step::Removed));
    steps
}

/// Pairs each added element (not moved) with the first still unpaired removed element it is
/// pairable with: (new index, old index), in the new order.
fn pair_up(
    hunk: &Hunk,
    moves: &HashMap<usize, usize>,
    pairable: &impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut unpaired = hunk.removed.clone();
    let mut edits = Vec::new();
    for &new in hunk.added.iter().filter(|new| !moves.contains_key(new)) {
        if let Some(position) = unpaired.iter().position(|&old| pairable(old, new)) {
            edits.push((new, unpaired.remove(position)));
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The moves of an alignment without edits, as (old, new) indices.
    fn moves(old: &[&str], new: &[&str]) -> Vec<(usize, usize)> {
        align(old, new, |_, _| false)
            .into_iter()
            .filter_map(|step| match step {
                Step::Moved { old, new } => Some((old, new)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_swap_is_one_move() {
        let steps = align(&["p", "a", "b"], &["p", "b", "a"], |_, _| false);
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
        let steps = align(&["x", "a", "x"], &["x", "x"], |_, _| false);
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
        let steps = align(&["a", "x", "c"], &["a", "y", "z", "c"], |_, _| true);
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

    #[test]
    fn unpairable_elements_are_removed_and_added() {
        let steps = align(&["x"], &["y"], |_, _| false);
        assert_eq!(steps, vec![Step::Removed(0), Step::Added(0)]);
    }
}
