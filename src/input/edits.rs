//! Changes made to a copy of an answer file's text, to read on past a mistake, and the map
//! between places in the copy and in the text as written, where findings are shown.

use std::ops::Range;

/// One change to the text: the bytes `range` of the text as written become `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Edit {
    /// The bytes of the text as written that it replaces.
    pub range: Range<usize>,
    /// What stands there in the copy.
    pub text: String,
}

impl Edit {
    /// How much longer the copy is for it.
    fn growth(&self) -> isize {
        self.text.len() as isize - self.range.len() as isize
    }
}

/// The changes made to the copy, in the order of the text.
#[derive(Debug, Default)]
pub(super) struct Edits(Vec<Edit>);

impl Edits {
    /// Adds `edit`, which takes the place of any it holds whole; whether it could be, which it
    /// cannot where it overlaps another only in part.
    pub(super) fn add(&mut self, edit: Edit) -> bool {
        let holds = |other: &Edit| {
            !edit.range.is_empty()
                && edit.range.start <= other.range.start
                && other.range.end <= edit.range.end
        };
        self.0.retain(|other| !holds(other));
        let overlaps = |other: &Edit| {
            other.range.start < edit.range.end && edit.range.start < other.range.end
                || (edit.range.is_empty() && other.range.contains(&edit.range.start))
        };
        if self.0.iter().any(overlaps) {
            return false;
        }
        // After the edits that start where it does: a field added after another.
        let at = self
            .0
            .partition_point(|other| other.range.start <= edit.range.start);
        self.0.insert(at, edit);
        true
    }

    /// Whether the bytes `range` of the text are removed.
    pub(super) fn removes(&self, range: &Range<usize>) -> bool {
        self.0.iter().any(|edit| {
            edit.text.is_empty() && edit.range.start <= range.start && range.end <= edit.range.end
        })
    }

    /// The text with the edits made.
    pub(super) fn apply(&self, text: &str) -> String {
        let mut copy = String::with_capacity(text.len());
        let mut from = 0;
        for edit in &self.0 {
            copy.push_str(&text[from..edit.range.start]);
            copy.push_str(&edit.text);
            from = edit.range.end;
        }
        copy.push_str(&text[from..]);
        copy
    }

    /// Where the byte at `offset` of the text is in the copy, after what the edits there put.
    pub(super) fn in_copy(&self, offset: usize) -> usize {
        let growth: isize = self
            .0
            .iter()
            .filter(|edit| edit.range.start <= offset)
            .map(Edit::growth)
            .sum();
        offset.saturating_add_signed(growth)
    }

    /// Where the byte at `offset` of the copy was in the text; the start of an edit for a byte
    /// the edit put there.
    pub(super) fn original(&self, offset: usize) -> usize {
        let mut growth = 0;
        for edit in &self.0 {
            let start = edit.range.start.saturating_add_signed(growth);
            if offset < start {
                break;
            }
            if offset < start + edit.text.len() {
                return edit.range.start;
            }
            growth += edit.growth();
        }
        offset.saturating_add_signed(-growth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(range: Range<usize>, text: &str) -> Edit {
        Edit {
            range,
            text: text.into(),
        }
    }

    #[test]
    fn edits_map_places_between_the_text_and_its_copy() {
        let text = "0123456789";
        let mut edits = Edits::default();
        assert!(edits.add(edit(2..4, "")));
        assert!(edits.add(edit(6..7, "abc")));
        assert_eq!(edits.apply(text), "0145abc789");
        assert_eq!(edits.original(2), 4);
        // A byte an edit put there is at the edit's start.
        assert_eq!(edits.original(5), 6);
        assert_eq!(edits.original(7), 7);
        assert_eq!(edits.in_copy(5), 3);
        assert_eq!(edits.in_copy(8), 8);
        // One that overlaps another in part is refused; one that holds it replaces it.
        assert!(!edits.add(edit(3..5, "")));
        assert!(edits.add(edit(1..5, "")));
        assert_eq!(edits.apply(text), "05abc789");
    }
}
