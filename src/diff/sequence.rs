//! Aligning two sequences (blocks, rows, columns, notes …) by key with `similar`: what stayed,
//! what moved, what was edited in place, what was removed and what was added.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

use similar::{Algorithm, DiffTag, capture_diff_slices};

/// How one element of the old or new sequence fares, by index into the sequences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The same key at corresponding places.
    Same {
        /// Index in the old sequence.
        old: usize,
        /// Index in the new sequence.
        new: usize,
    },
    /// The same key, deleted in one place and inserted in another.
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

/// One stretch of `similar`'s diff that is not equal: the old and new indices it replaces.
struct Hunk {
    removed: Vec<usize>,
    added: Vec<usize>,
}

/// A piece of the alignment in reading order: either equal elements or a hunk.
enum Piece {
    Equal(Vec<(usize, usize)>),
    Hunk(Hunk),
}

/// Aligns `old` with `new` by their keys, in the new sequence's reading order (removed elements
/// where they stood). An element whose key was deleted in one place and inserted in another has
/// moved; within a hunk, a removed and an added element for which `pairable` holds are one
/// element edited.
pub fn align<K: Hash + Ord>(
    old: &[K],
    new: &[K],
    pairable: impl Fn(usize, usize) -> bool,
) -> Vec<Step> {
    let mut pieces = pieces(old, new);
    let moves = find_moves(old, new, &mut pieces);
    let mut steps = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Equal(pairs) => {
                let same = pairs.into_iter().map(|(old, new)| Step::Same { old, new });
                steps.extend(same);
            }
            Piece::Hunk(hunk) => steps.extend(hunk_steps(hunk, &moves, &pairable)),
        }
    }
    steps
}

fn pieces<K: Hash + Ord>(old: &[K], new: &[K]) -> Vec<Piece> {
    capture_diff_slices(Algorithm::Patience, old, new)
        .iter()
        .map(|op| {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            match tag {
                DiffTag::Equal => Piece::Equal(old_range.zip(new_range).collect()),
                _ => Piece::Hunk(Hunk {
                    removed: old_range.collect(),
                    added: new_range.collect(),
                }),
            }
        })
        .collect()
}

/// Finds removed elements whose key was added elsewhere, takes them out of their hunks and
/// returns the moves by new index.
fn find_moves<K: Hash + Ord>(old: &[K], new: &[K], pieces: &mut [Piece]) -> HashMap<usize, usize> {
    let mut added_by_key: HashMap<&K, VecDeque<usize>> = HashMap::new();
    for hunk in hunks(pieces) {
        for &index in &hunk.added {
            added_by_key
                .entry(&new[index])
                .or_default()
                .push_back(index);
        }
    }
    let mut moves = HashMap::new();
    for hunk in hunks(pieces) {
        for &index in &hunk.removed {
            if let Some(target) = added_by_key
                .get_mut(&old[index])
                .and_then(VecDeque::pop_front)
            {
                moves.insert(target, index);
            }
        }
    }
    let moved_old: Vec<usize> = moves.values().copied().collect();
    for piece in pieces.iter_mut() {
        if let Piece::Hunk(hunk) = piece {
            hunk.removed.retain(|index| !moved_old.contains(index));
        }
    }
    moves
}

fn hunks(pieces: &[Piece]) -> impl Iterator<Item = &Hunk> {
    pieces.iter().filter_map(|piece| match piece {
        Piece::Hunk(hunk) => Some(hunk),
        Piece::Equal(_) => None,
    })
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

    #[test]
    fn a_swap_is_one_move() {
        let steps = align(&["p", "a", "b"], &["p", "b", "a"], |_, _| false);
        let moved = steps
            .iter()
            .filter(|step| matches!(step, Step::Moved { .. }))
            .count();
        let same = steps
            .iter()
            .filter(|step| matches!(step, Step::Same { .. }))
            .count();
        assert_eq!((moved, same, steps.len()), (1, 2, 3));
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
