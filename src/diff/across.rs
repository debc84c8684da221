//! Blocks moved from one list of blocks to another: a paragraph moved from the answer into a
//! statement, a table into an enclosure. Each list is aligned on its own, so such a block is
//! first found removed from one list and added to another; once every list is compared, a
//! removed and an added block that are one block are told as one move, followed by its edits,
//! as a block moved within its list is.

use super::blocks::{compare_kept, element, how_alike, kept};
use super::sequence::{Likeness, most_worth_first, too_many};
use super::{Change, Comparison, Place, Places, Side};
use crate::json_path::JsonPath;
use crate::model::Block;

/// A block removed from a list of blocks or added to one, which may have moved from or to
/// another list.
pub(super) struct Stray {
    /// The old answer's, for a block removed; the new answer's, for one added.
    pub side: Side,
    /// Its removal or addition: its index in the change list, which only grows at its end
    /// while the lists are compared.
    pub change: usize,
    /// The block, as its answer has it.
    pub block: Block,
    /// Where it stands in its answer, named and as a JSON path.
    pub place: Place,
    /// The lists of blocks whose alignment found it removed or added: the old answer's list
    /// and the new answer's list compared with it (its own list is one of them). A path names a
    /// list in one answer only: the old answer's `answer.blocks[1].statement.blocks` and the
    /// new answer's may be two agencies' statements, where the statements changed places.
    pub aligned: (JsonPath, JsonPath),
    /// Its index in that list.
    pub index: usize,
    /// What holds the list, named as in a sentence: "svaret", "Danske Regioners udtalelse".
    pub holder: String,
}

/// Tells each block removed from one list and added to another as one move: the pairs most
/// alike first, as within a list. A paragraph pairs with one alike (at least half the words of
/// the shorter kept), a statement or a table with one whose content reads alike, and any block
/// with one written the same. The removal is dropped, and the addition replaced by the move and
/// the block's edits, at the place of the addition: where the block now stands.
pub(super) fn pair_moves(changes: &mut Comparison) {
    let strays = std::mem::take(&mut changes.strays);
    let (removed, added): (Vec<&Stray>, Vec<&Stray>) =
        strays.iter().partition(|stray| stray.side == Side::Old);
    if too_many(removed.len(), added.len()) {
        return;
    }
    let mut candidates = Vec::new();
    for (o, old) in removed.iter().enumerate() {
        for (n, new) in added.iter().enumerate() {
            if let Some(worth) = worth(old, new) {
                candidates.push((worth, o, n));
            }
        }
    }
    let mut told: Vec<Option<Vec<Change>>> = vec![None; changes.recorded()];
    let mut dropped = vec![false; changes.recorded()];
    for (o, n) in most_worth_first(candidates) {
        let (old, new) = (removed[o], added[n]);
        dropped[old.change] = true;
        told[new.change] = Some(moved(old, new, changes));
    }
    let all = std::mem::take(&mut changes.changes.changes);
    for ((change, dropped), told) in all.into_iter().zip(dropped).zip(told) {
        match (dropped, told) {
            (true, _) => {}
            (false, Some(told)) => changes.changes.changes.extend(told),
            (false, None) => changes.changes.changes.push(change),
        }
    }
}

/// What pairing a removed and an added block of different lists is worth, if they are one
/// block: the words a measured block keeps, and most for one written the same.
fn worth(old: &Stray, new: &Stray) -> Option<usize> {
    if old.aligned == new.aligned {
        // Their lists' alignment found them unlike.
        return None;
    }
    if old.block == new.block {
        return Some(usize::MAX);
    }
    match how_alike(&old.block, &new.block) {
        Likeness::Alike(kept) => Some(kept),
        Likeness::Kindred | Likeness::Unlike => None,
    }
}

/// The changes that tell `old` moved to `new`: the move, then the block's edits.
fn moved(old: &Stray, new: &Stray, changes: &Comparison) -> Vec<Change> {
    let mut told = changes.aside();
    let places = Places {
        old: old.place.clone(),
        new: new.place.clone(),
    };
    let places = kept((&old.block, &new.block), places);
    let element = element(&new.block);
    let (from, to) = ((&places.old, old.index), (&places.new, new.index));
    let holders = (old.holder.clone(), new.holder.clone());
    told.moved_across(element, (from, to), holders);
    // Where it stood is where its removal was found, in the old list's counterpart.
    let removal = &changes.changes.changes[old.change];
    if let Some(before) = removal.removed_before {
        told.vacated(removal.filled_path.clone(), before);
    }
    compare_kept((&old.block, &new.block), &places, &mut told);
    told.changes.changes
}
