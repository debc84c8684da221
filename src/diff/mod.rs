//! Comparing two answers: a change list in reading order for reviewers (`svar diff`).
//!
//! `compare` walks both answers side by side: the metadata field by field, then the blocks,
//! aligned by `sequence` so that a block is reported as kept, moved, edited in place (a word
//! diff for text, a cell-by-cell comparison for tables), removed or added, or moved to another
//! list of blocks (`across`); each footnote's changes follow the text that refers to it first
//! (`footnotes`). Every change names
//! its place in human terms ("Rigsadvokatens udtalelse, afsnit 2", "Tabel 2 B, Frifundet,
//! 2016") and as a JSON path. `report` prints the list; `source` reads the answers from
//! answer files or from PDFs made by svar. The other outputs of `svar diff` live here too:
//! `redline` typesets the new answer with the changes marked (`--redline`), and [`pages`]
//! compares the two PDFs' pages as images (`--pages`).

mod across;
mod blocks;
mod bounded;
mod claims;
mod embedded;
mod figure;
mod footnotes;
mod metadata;
pub mod pages;
pub(crate) mod redline;
pub(crate) mod report;
mod sequence;
pub(crate) mod source;
mod table;
mod text;

use serde::Serialize;

use self::text::{Spacing, Written};
use crate::json_path::JsonPath;
use crate::model::{Answer, Markup};
pub(crate) use crate::render::{Segment, SegmentKind};

/// The differences between two answers, in reading order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct ChangeList {
    /// The changes, metadata first, then the content from top to bottom.
    pub changes: Vec<Change>,
}

impl ChangeList {
    /// Whether the two answers say the same.
    pub(crate) fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// One difference and where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Change {
    /// Where, in the words a reader uses: "Svar, afsnit 3", "Tabel 2 B, Frifundet, 2016". For a
    /// removed element, its place in the old answer; otherwise in the new one.
    pub location: String,
    /// Where, as a JSON path into the answer file the location refers to. Inside a panel filled
    /// from a spreadsheet, whose header and rows the answer file does not hold, the panel's
    /// `csv`.
    pub path: JsonPath,
    /// Where, as a JSON path into the new answer as read, spreadsheets filled in: what the
    /// redline marks. The same as `path` but inside a panel filled from a spreadsheet, and for a
    /// removed element the list, table or statement in the new answer it was removed from, so
    /// the redline can put a bar beside it (empty where it has no such place, as for a removed
    /// block of the answer itself).
    #[serde(skip)]
    pub filled_path: JsonPath,
    /// For a block removed from a list of blocks (the answer's, an enclosure's, a statement's),
    /// the index in the new answer's list (`filled_path`) of the block it stood before, or the
    /// list's length where it stood last: where a redline shows a struck stub of it in the
    /// answer's or an enclosure's blocks, where no block around it takes a bar.
    #[serde(skip)]
    pub removed_before: Option<usize>,
    /// For a block moved, the place it left as the new answer has it: the list of blocks it
    /// stood in (the old list's counterpart, where it moved to another list) and the index
    /// there of the block it stood before, or the list's length where it stood last; where a
    /// redline notes that it moved away, so that a reader of the old text finds where it went.
    #[serde(skip)]
    pub vacated: Option<(JsonPath, usize)>,
    /// What changed.
    #[serde(flatten)]
    pub kind: ChangeKind,
}

/// What kind of change, with its details; `kind` in JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum ChangeKind {
    /// A single value, such as the date or a panel's title, changed, was set or was cleared.
    Value {
        /// The old value as printed, if there was one.
        old: Option<String>,
        /// The new value as printed, if there is one.
        new: Option<String>,
    },
    /// A text (paragraph, list item, note, caption, the question) was edited.
    Text {
        /// The old text.
        old: String,
        /// The new text.
        new: String,
        /// The word-level difference, in reading order. Where the answer's markup changed, text
        /// written alike is shown as each side prints it: the marks that print on one side only
        /// are deleted or inserted, so `old` and `new` may be the same.
        segments: Vec<Segment>,
    },
    /// A table cell changed.
    Cell {
        /// The old cell as printed.
        old: String,
        /// The new cell as printed.
        new: String,
    },
    /// An element is only in the new answer.
    Added {
        /// What kind of element.
        element: Element,
        /// Its content, one line per paragraph, item or row.
        content: Vec<ContentLine>,
    },
    /// An element is only in the old answer.
    Removed {
        /// What kind of element.
        element: Element,
        /// Its content, one line per paragraph, item or row.
        content: Vec<ContentLine>,
    },
    /// An element stands elsewhere among its siblings, out of the order the others kept (a
    /// block may have changed inside too; those changes follow). Never its old place.
    Moved {
        /// What kind of element.
        element: Element,
        /// Its place among its siblings in the old answer, counting from 1.
        from: usize,
        /// Its place among its siblings in the new answer, counting from 1.
        to: usize,
        /// Where it stood in the old answer, in human terms.
        from_location: String,
        /// Where it stood in the old answer, as a JSON path.
        from_path: JsonPath,
        /// Where it moved from one list of blocks to another (from the answer into a
        /// statement), whose places count among other siblings: the old and the new list's
        /// holder, named as in a sentence ("svaret", "Danske Regioners udtalelse").
        #[serde(skip)]
        across: Option<(String, String)>,
    },
}

impl Change {
    /// The JSON paths the change gives, each with the answer it leads into: a removed element's
    /// and a moved one's old place are in the old answer, everything else in the new one.
    fn paths_mut(&mut self) -> Vec<(Side, &mut JsonPath)> {
        let side = match self.kind {
            ChangeKind::Removed { .. } => Side::Old,
            _ => Side::New,
        };
        let mut paths = vec![(side, &mut self.path)];
        if let ChangeKind::Moved { from_path, .. } = &mut self.kind {
            paths.push((Side::Old, from_path));
        }
        paths
    }
}

/// One of the two answers compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Old,
    New,
}

/// The kinds of element that can be added, removed or moved.
/// One line of an added or removed element's content: a paragraph, a list item, a table row.
/// An item keeps its marker apart from its text: the text report prints it ("– ansøgeren …",
/// "1) ansøgeren …"), as the list shows, while `--format json` gives the text alone, which a
/// review system compares with the texts of the answer file.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentLine {
    /// The list item's marker, "–" or "1)"; none for other lines.
    pub marker: Option<String>,
    /// The text, as written.
    pub text: String,
}

impl ContentLine {
    /// A list item's line: `text` after `marker`.
    fn item(marker: String, text: &str) -> Self {
        Self {
            marker: Some(marker),
            text: text.to_string(),
        }
    }
}

impl From<String> for ContentLine {
    fn from(text: String) -> Self {
        Self { marker: None, text }
    }
}

/// The line as the text report prints it, marker first.
impl std::fmt::Display for ContentLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.marker {
            Some(marker) => write!(f, "{marker} {}", self.text),
            None => f.write_str(&self.text),
        }
    }
}

/// The text alone, for review systems.
impl Serialize for ContentLine {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Element {
    /// A paragraph.
    Paragraph,
    /// A subheading.
    Heading,
    /// A bulleted list.
    List,
    /// A numbered list.
    NumberedList,
    /// One item of a list.
    ListItem,
    /// An agency's statement.
    Statement,
    /// A table.
    Table,
    /// A figure.
    Figure,
    /// A panel of a table.
    Panel,
    /// A row of a panel (the total row included).
    Row,
    /// A column of a panel.
    Column,
    /// A note under a table.
    Note,
    /// An enclosure (bilag).
    Enclosure,
    /// A question answered together with the first.
    Question,
    /// A footnote.
    Footnote,
}

/// The word-level difference between two texts printed as written (a statement's default
/// introduction, which a redline marks when its agency changed).
pub(crate) fn literal_word_diff(old: &str, new: &str) -> Vec<Segment> {
    let written = |text| Written {
        text,
        spacing: Spacing::Running,
    };
    text::word_diff(written(old), written(new))
}

/// Compares two answers; an empty list means they say the same (the `$schema` reference, which
/// only editors use, is not compared).
pub(crate) fn compare(old: &Answer, new: &Answer) -> ChangeList {
    let mut comparison = Comparison {
        changes: ChangeList::default(),
        prose: (prose_spacing(old.markup), prose_spacing(new.markup)),
        held: Vec::new(),
        strays: Vec::new(),
    };
    // First, to be held back until the texts that refer to them are passed.
    footnotes::compare(old, new, &mut comparison);
    metadata::compare(old, new, &mut comparison);
    blocks::compare_body(&old.answer.blocks, &new.answer.blocks, &mut comparison);
    blocks::compare_enclosures(&old.enclosures, &new.enclosures, &mut comparison);
    comparison.release_held();
    across::pair_moves(&mut comparison);
    comparison.changes
}

/// A comparison under way: the changes found so far, how each answer prints the whitespace of
/// its prose, which decides which whitespace changes a reader can see, and the changes held
/// back until the comparison reaches their place.
struct Comparison {
    changes: ChangeList,
    /// The old answer's and the new answer's.
    prose: (Spacing, Spacing),
    /// Changes found before their place in reading order (a footnote's), in the order they are
    /// to be told among themselves.
    held: Vec<Held>,
    /// The blocks removed from a list of blocks or added to one, which may have moved from or
    /// to another list (see [`across`]).
    strays: Vec<across::Stray>,
}

/// Changes held back until the comparison has passed a text: a footnote's, which the reader
/// meets after the text that refers to it.
struct Held {
    /// The text they follow, in the old or the new answer; none to be told last.
    after: Option<(Side, JsonPath)>,
    changes: Vec<Change>,
}

/// How an answer's prose (the question, paragraphs, items, introductions, notes, footnotes)
/// prints its whitespace: as running text, unless Markdown makes line breaks print.
fn prose_spacing(markup: Markup) -> Spacing {
    match markup {
        Markup::Plain => Spacing::Running,
        Markup::Markdown => Spacing::Lines,
    }
}

/// A place in an answer: its human label and its JSON path.
#[derive(Debug, Clone, PartialEq)]
struct Place {
    label: String,
    path: JsonPath,
}

impl Place {
    /// A place with the given label and path.
    fn new(label: impl Into<String>, path: JsonPath) -> Self {
        Self {
            label: label.into(),
            path,
        }
    }

    /// The same place, one key further down the path: a block's `paragraph` or `table`.
    fn keyed(&self, key: &str) -> Self {
        Self::new(self.label.clone(), self.path.key(key))
    }

    /// A place inside this one: `label` appended after a comma, `key` to the path.
    fn field(&self, label: &str, key: &str) -> Self {
        Self::new(format!("{}, {label}", self.label), self.path.key(key))
    }
}

/// The places of the two sides of a comparison: a part of the old answer and its counterpart
/// in the new one. Edits are reported at the new place, removals at the old one.
#[derive(Debug, Clone, PartialEq)]
struct Places {
    old: Place,
    new: Place,
}

impl Places {
    /// Both places one key further down the path.
    fn keyed(&self, key: &str) -> Self {
        Self {
            old: self.old.keyed(key),
            new: self.new.keyed(key),
        }
    }
}

/// An added or removed element's content lines without the texts that print nothing (a
/// statement's introduction written "", for none): an empty `+` line would tell of a change
/// the page does not show.
fn printed_lines<C: Into<ContentLine>>(content: impl IntoIterator<Item = C>) -> Vec<ContentLine> {
    (content.into_iter().map(Into::into))
        .filter(|line: &ContentLine| !line.text.trim().is_empty())
        .collect()
}

/// Recording changes at places.
impl Comparison {
    fn push(&mut self, place: &Place, kind: ChangeKind) {
        self.changes.changes.push(Change {
            location: place.label.clone(),
            path: place.path.clone(),
            filled_path: place.path.clone(),
            removed_before: None,
            vacated: None,
            kind,
        });
    }

    /// How many changes are recorded so far, to find those recorded after.
    fn recorded(&self) -> usize {
        self.changes.changes.len()
    }

    /// The changes recorded since there were `first`.
    fn since(&mut self, first: usize) -> &mut [Change] {
        &mut self.changes.changes[first..]
    }

    /// Records a value change if `old` and `new` differ.
    fn value(&mut self, place: &Place, old: Option<String>, new: Option<String>) {
        if old != new {
            self.push(place, ChangeKind::Value { old, new });
        }
    }

    /// A comparison of parts of the same answers, with nothing found yet: its changes are to
    /// go in elsewhere.
    fn aside(&self) -> Self {
        Self {
            changes: ChangeList::default(),
            prose: self.prose,
            held: Vec::new(),
            strays: Vec::new(),
        }
    }

    /// Records that `stray` was removed or added, as the change recorded last says: it may
    /// have moved to or from another list of blocks.
    fn stray(&mut self, stray: across::Stray) {
        self.strays.push(stray);
    }

    /// Holds back the changes recorded since there were `first` until the comparison has
    /// passed `after` (see [`Comparison::passed`]); with none, until the end.
    fn hold_since(&mut self, first: usize, after: Option<(Side, JsonPath)>) {
        let changes = self.changes.changes.split_off(first);
        if !changes.is_empty() {
            self.held.push(Held { after, changes });
        }
    }

    /// Records that the comparison has told all changes at `old` in the old answer and `new` in
    /// the new one (an element on one side only has no place on the other), and tells the
    /// changes held back until a text there was passed.
    fn passed(&mut self, old: Option<&JsonPath>, new: Option<&JsonPath>) {
        let due = |held: &Held| match &held.after {
            Some((Side::Old, text)) => old.is_some_and(|place| text.is_within(place)),
            Some((Side::New, text)) => new.is_some_and(|place| text.is_within(place)),
            None => false,
        };
        let (due, later): (Vec<Held>, Vec<Held>) =
            std::mem::take(&mut self.held).into_iter().partition(due);
        self.held = later;
        self.tell(due);
    }

    /// Tells every change still held back, at the end of the comparison.
    fn release_held(&mut self) {
        let held = std::mem::take(&mut self.held);
        self.tell(held);
    }

    /// Tells the changes of `held`, in their order, after those told so far.
    fn tell(&mut self, held: Vec<Held>) {
        (self.changes.changes).extend(held.into_iter().flat_map(|held| held.changes));
    }

    /// Records a word-level change of prose, which Markdown may format, if it prints
    /// differently.
    fn text(&mut self, place: &Place, old: &str, new: &str) {
        let (old_spacing, new_spacing) = self.prose;
        self.written(place, (old, old_spacing), (new, new_spacing));
    }

    /// Records a word-level change of a text always printed as written (a caption, a title), if
    /// it prints differently.
    fn literal(&mut self, place: &Place, old: &str, new: &str) {
        self.written(place, (old, Spacing::Running), (new, Spacing::Running));
    }

    fn written(&mut self, place: &Place, old: (&str, Spacing), new: (&str, Spacing)) {
        let written = |(text, spacing)| Written { text, spacing };
        let (old, new) = (written(old), written(new));
        if let Some(segments) = text::printed_change(old, new) {
            let (old, new) = (old.text.to_string(), new.text.to_string());
            self.push(place, ChangeKind::Text { old, new, segments });
        }
    }

    fn cell(&mut self, place: &Place, old: String, new: String) {
        self.push(place, ChangeKind::Cell { old, new });
    }

    fn added<C: Into<ContentLine>>(
        &mut self,
        place: &Place,
        element: Element,
        content: impl IntoIterator<Item = C>,
    ) {
        let content = printed_lines(content);
        self.push(place, ChangeKind::Added { element, content });
    }

    /// Records that an element at `place` in the old answer is gone; `within` is what it was
    /// removed from, as it stands in the new answer, where a redline shows the removal.
    fn removed<C: Into<ContentLine>>(
        &mut self,
        place: &Place,
        within: &JsonPath,
        element: Element,
        content: impl IntoIterator<Item = C>,
    ) {
        let content = printed_lines(content);
        self.push(place, ChangeKind::Removed { element, content });
        if let Some(change) = self.changes.changes.last_mut() {
            change.filled_path = within.clone();
        }
    }

    /// Records where the block whose removal was recorded last stood in the new answer's list
    /// of blocks: before its block `index` (see [`Change::removed_before`]).
    fn stood_before(&mut self, index: usize) {
        if let Some(change) = self.changes.changes.last_mut() {
            change.removed_before = Some(index);
        }
    }

    /// Records where the block whose move was recorded last stood, as the new answer has it:
    /// before block `index` of the list at `list` (see [`Change::vacated`]).
    fn vacated(&mut self, list: JsonPath, index: usize) {
        if let Some(change) = self.changes.changes.last_mut() {
            change.vacated = Some((list, index));
        }
    }

    /// Records a move from `from` (old place, 0-based `old` index) to `to` (new place and index).
    fn moved(&mut self, element: Element, from: (&Place, usize), to: (&Place, usize)) {
        self.record_move(element, from, to, None);
    }

    /// Records a move from one list of blocks to another, from `from` (old place, 0-based `old`
    /// index in its list) to `to` (new place and index in its list); `holders` name what holds
    /// the lists (see [`ChangeKind::Moved`]).
    fn moved_across(
        &mut self,
        element: Element,
        (from, to): ((&Place, usize), (&Place, usize)),
        holders: (String, String),
    ) {
        self.record_move(element, from, to, Some(holders));
    }

    fn record_move(
        &mut self,
        element: Element,
        (from, old): (&Place, usize),
        (to, new): (&Place, usize),
        across: Option<(String, String)>,
    ) {
        let kind = ChangeKind::Moved {
            element,
            from: old + 1,
            to: new + 1,
            from_location: from.label.clone(),
            from_path: from.path.clone(),
            across,
        };
        self.push(to, kind);
    }
}
