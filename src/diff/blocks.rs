//! Blocks: paragraphs, lists and statements, aligned and compared in reading order; tables are
//! handed to [`super::table`].

use std::collections::HashSet;

use super::ContentLine;
use super::across::Stray;
use super::sequence::{Likeness, Step, align, repeated, which_of};
use super::{Comparison, Element, Place, Places, Side, figure, table, text};
use crate::danish;
use crate::json_path::JsonPath;
use crate::model::{Block, Enclosure, Statement};

/// A sequence of blocks: the answer's, an enclosure's or a statement's.
struct Container<'a> {
    blocks: &'a [Block],
    /// "Svar", "Bilag 1" or the statement's label, e.g. "Rigsadvokatens udtalelse".
    label: &'a str,
    /// What holds the blocks.
    kind: ContainerKind,
    /// The path of the `blocks` array.
    path: JsonPath,
}

/// What a sequence of blocks belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ContainerKind {
    Answer,
    Enclosure,
    Statement,
}

impl Container<'_> {
    /// What holds the blocks, named as in a sentence: "svaret", "bilag 2", "Rigsadvokatens
    /// udtalelse", "udtalelsen fra Danske Regioner (DR)".
    fn in_a_sentence(&self) -> String {
        match self.kind {
            ContainerKind::Answer => self.kind.definite().to_string(),
            ContainerKind::Enclosure => crate::danish::lowercase_first(self.label),
            ContainerKind::Statement => mid_sentence(self.label),
        }
    }
}

impl ContainerKind {
    /// The container in the definite form, as in "i begyndelsen af svaret".
    fn definite(self) -> &'static str {
        match self {
            Self::Answer => "svaret",
            Self::Enclosure => "bilaget",
            Self::Statement => "udtalelsen",
        }
    }
}

/// Compares the answer's blocks.
pub(super) fn compare_body(old: &[Block], new: &[Block], changes: &mut Comparison) {
    let path = JsonPath::root().key("answer").key("blocks");
    let container = |blocks| Container {
        blocks,
        label: "Svar",
        kind: ContainerKind::Answer,
        path: path.clone(),
    };
    compare_blocks(&container(old), &container(new), changes);
}

/// Compares the enclosures, aligned like blocks: by title, and otherwise by how alike their
/// content reads, so that removing one enclosure is one removal, not a change to every one
/// after it. An enclosure is referred to by its number ("jf. bilag 2"), so one that kept its
/// place among the others but got another number is reported as renumbered: the text's
/// references to it may need the new number.
pub(super) fn compare_enclosures(old: &[Enclosure], new: &[Enclosure], changes: &mut Comparison) {
    let list = JsonPath::root().key("enclosures");
    let place = |index: usize| Place::new(format!("Bilag {}", index + 1), list.index(index));
    let contents = |enclosures: &[Enclosure]| -> Vec<String> {
        enclosures
            .iter()
            .map(|e| joined(enclosure_summary(e)))
            .collect()
    };
    let (old_contents, new_contents) = (contents(old), contents(new));
    // Enclosures that share a title are known by their content too.
    let repeated = &repeated_titles(old) | &repeated_titles(new);
    let keys = |enclosures: &[Enclosure], contents: &[String]| -> Vec<String> {
        (enclosures.iter().zip(contents))
            .map(|(e, content)| match repeated.contains(e.title.as_str()) {
                true => format!("{}\u{0}{content}", e.title),
                false => e.title.clone(),
            })
            .collect()
    };
    let old_words: Vec<_> = old_contents.iter().map(|t| text::Words::of(t)).collect();
    let new_words: Vec<_> = new_contents.iter().map(|t| text::Words::of(t)).collect();
    let likeness = |o: usize, n: usize| rewritten(&old_words[o], &new_words[n]);
    let (old_keys, new_keys) = (keys(old, &old_contents), keys(new, &new_contents));
    for step in align(&old_keys, &new_keys, likeness) {
        match step {
            Step::Same { old: o, new: n } | Step::Edited { old: o, new: n } => {
                let renumbered = Place::new(format!("Bilag {}, nummer", n + 1), list.index(n));
                let number = |index: usize| Some((index + 1).to_string());
                changes.value(&renumbered, number(o), number(n));
                compare_enclosure(&old[o], &new[n], &place(n), changes);
            }
            Step::Moved { old: o, new: n } => {
                changes.moved(Element::Enclosure, (&place(o), o), (&place(n), n));
                compare_enclosure(&old[o], &new[n], &place(n), changes);
            }
            Step::Removed(o) => {
                let summary = enclosure_summary(&old[o]);
                changes.removed(&place(o), &JsonPath::root(), Element::Enclosure, summary);
            }
            Step::Added(n) => {
                changes.added(&place(n), Element::Enclosure, enclosure_summary(&new[n]))
            }
        }
        step_passed(step, &list, &list, changes);
    }
}

/// The titles that more than one of `enclosures` has.
fn repeated_titles(enclosures: &[Enclosure]) -> HashSet<&str> {
    repeated(enclosures.iter().map(|e| e.title.as_str()))
}

/// Compares an enclosure kept, at `place` in the new answer: the title as text, its two
/// switches, and the blocks like the answer's.
fn compare_enclosure(old: &Enclosure, new: &Enclosure, place: &Place, changes: &mut Comparison) {
    changes.literal(&place.field("titel", "title"), &old.title, &new.title);
    // A switch of the enclosure on both sides, in the words the report gives it.
    let sides = |set: fn(&Enclosure) -> bool, [on, off]: [&str; 2]| {
        [old, new].map(|enclosure| Some(if set(enclosure) { on } else { off }.into()))
    };
    let [before, after] = sides(|e| e.landscape, ["liggende", "stående"]);
    changes.value(&place.field("sider", "landscape"), before, after);
    let sent = ["som en fil for sig", "i svaret"];
    let [before, after] = sides(|e| e.separate_file, sent);
    changes.value(&place.field("sendes", "separate_file"), before, after);
    let path = place.path.key("blocks");
    let container = |blocks| Container {
        blocks,
        label: &place.label,
        kind: ContainerKind::Enclosure,
        path: path.clone(),
    };
    compare_blocks(&container(&old.blocks), &container(&new.blocks), changes);
}

/// How alike two texts of a container (an enclosure's, a statement's) are: alike as texts
/// are, and otherwise kindred, so that two unlike in content still pair where they stand, as
/// one container rewritten.
fn rewritten(old: &text::Words, new: &text::Words) -> Likeness {
    match text::likeness(old, new) {
        Likeness::Unlike => Likeness::Kindred,
        alike => alike,
    }
}

/// Content lines as one text, to measure how alike two contents are.
fn joined(lines: Vec<ContentLine>) -> String {
    let lines: Vec<String> = lines.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

/// An enclosure's content as lines: its title, then its blocks.
fn enclosure_summary(enclosure: &Enclosure) -> Vec<ContentLine> {
    std::iter::once(enclosure.title.clone().into())
        .chain(enclosure.blocks.iter().flat_map(summary))
        .collect()
}

fn compare_blocks<'a>(old: &Container<'a>, new: &Container<'a>, changes: &mut Comparison) {
    let repeated = &repeated_sources(old.blocks) | &repeated_sources(new.blocks);
    let old_keys: Vec<String> = old.blocks.iter().map(|b| key(b, &repeated)).collect();
    let new_keys: Vec<String> = new.blocks.iter().map(|b| key(b, &repeated)).collect();
    let (old_texts, new_texts) = (content_texts(old.blocks), content_texts(new.blocks));
    let old_measures = measures(old.blocks, &old_texts);
    let new_measures = measures(new.blocks, &new_texts);
    let likeness = |o: usize, n: usize| likeness(&old_measures[o], &new_measures[n]);
    let steps = align(&old_keys, &new_keys, likeness);
    let stayed = stayed(&steps, old.blocks.len());
    // The new blocks passed, in the new answer's reading order: where a removed block stood.
    let mut passed = 0;
    for step in steps {
        if let Step::Same { new: n, .. }
        | Step::Edited { new: n, .. }
        | Step::Moved { new: n, .. }
        | Step::Added(n) = step
        {
            passed = n + 1;
        }
        match step {
            Step::Same { old: o, new: n } | Step::Edited { old: o, new: n } => {
                compare_block(old, o, new, n, changes);
            }
            Step::Moved { old: o, new: n } => {
                let places = kept_places(old, o, new, n);
                changes.moved(element(&new.blocks[n]), (&places.old, o), (&places.new, n));
                changes.vacated(new.path.clone(), stood_before(&stayed, o));
                compare_block(old, o, new, n, changes);
            }
            Step::Removed(o) => {
                let block = &old.blocks[o];
                let gone = counted_place(old, o, Count::Former);
                changes.removed(&gone, &new.path, element(block), summary(block));
                changes.stood_before(passed);
                changes.stray(stray((Side::Old, o), (old, new), changes));
            }
            Step::Added(n) => {
                let block = &new.blocks[n];
                changes.added(&place(new, n), element(block), summary(block));
                changes.stray(stray((Side::New, n), (old, new), changes));
            }
        }
        step_passed(step, &old.path, &new.path, changes);
    }
}

/// For each old block, its index in the new list where it stayed in order (kept or edited in
/// place); none for one that moved or was removed.
fn stayed(steps: &[Step], old_blocks: usize) -> Vec<Option<usize>> {
    let mut stayed = vec![None; old_blocks];
    for step in steps {
        if let Step::Same { old: o, new: n } | Step::Edited { old: o, new: n } = *step {
            stayed[o] = Some(n);
        }
    }
    stayed
}

/// Where old block `o`, which moved, stood in the new list: before the block after the last
/// block before it that stayed in order (see [`stayed`]), or first.
fn stood_before(stayed: &[Option<usize>], o: usize) -> usize {
    (stayed[..o].iter().rev())
        .find_map(|n| *n)
        .map_or(0, |n| n + 1)
}

/// Block `index` of the container on `side` of the two aligned, whose removal or addition was
/// recorded last.
fn stray(
    (side, index): (Side, usize),
    (old, new): (&Container, &Container),
    changes: &Comparison,
) -> Stray {
    let container = match side {
        Side::Old => old,
        Side::New => new,
    };
    Stray {
        side,
        change: changes.recorded() - 1,
        block: container.blocks[index].clone(),
        place: place(container, index),
        aligned: (old.path.clone(), new.path.clone()),
        index,
        holder: container.in_a_sentence(),
    }
}

/// Records that the comparison has passed the elements of `step`, in the lists at `old` and
/// `new`: the footnotes they refer to first follow them.
fn step_passed(step: Step, old: &JsonPath, new: &JsonPath, changes: &mut Comparison) {
    let (o, n) = match step {
        Step::Same { old: o, new: n }
        | Step::Edited { old: o, new: n }
        | Step::Moved { old: o, new: n } => (Some(o), Some(n)),
        Step::Removed(o) => (Some(o), None),
        Step::Added(n) => (None, Some(n)),
    };
    let (old, new) = (o.map(|o| old.index(o)), n.map(|n| new.index(n)));
    changes.passed(old.as_ref(), new.as_ref());
}

/// What identifies a block when aligning: its content, except that a statement is known by its
/// agency, so a statement that moved and changed is still one statement (by its content too
/// where the agency is among the `repeated`, quoted more than once), and a table by its content
/// without its number, so a table inserted before it is one change, not a cascade.
fn key(block: &Block, repeated: &HashSet<&str>) -> String {
    let content = |block| serde_json::to_string(block).expect("blocks serialise");
    match block {
        Block::Statement(statement) if repeated.contains(statement.source.as_str()) => {
            format!("statement\u{0}{}\u{0}{}", statement.source, content(block))
        }
        Block::Statement(statement) => format!("statement\u{0}{}", statement.source),
        Block::Table(table) if table.number.is_some() => {
            let mut unnumbered = table.clone();
            unnumbered.number = None;
            content(&Block::Table(unnumbered))
        }
        // The image's content too: a figure kept under its name but drawn anew is edited.
        Block::Figure(figure) => {
            let mut unnumbered = figure.clone();
            unnumbered.number = None;
            format!(
                "{}\u{0}{:x}",
                content(&Block::Figure(unnumbered)),
                figure::fingerprint(&figure.bytes)
            )
        }
        other => content(other),
    }
}

/// The agencies quoted more than once among `blocks`.
fn repeated_sources(blocks: &[Block]) -> HashSet<&str> {
    repeated(blocks.iter().filter_map(|block| match block {
        Block::Statement(statement) => Some(statement.source.as_str()),
        _ => None,
    }))
}

/// What a block is measured by when pairing removed and added blocks: its kind, and the words
/// of a paragraph, a statement or a table (taken once, since each is measured against many).
struct Measure<'a> {
    kind: Element,
    words: Option<text::Words<'a>>,
}

/// A statement's or a table's content as one text (a statement's introduction and blocks, a
/// table's caption, rows and notes, whatever their order), to measure it by; none for another
/// block. So a table that moved and had its rows sorted anew or a figure corrected too is found
/// by its figures, as one table moved and edited, rather than one removed and another added.
fn content_texts(blocks: &[Block]) -> Vec<Option<String>> {
    let text = |block: &Block| match block {
        Block::Statement(_) | Block::Figure(_) => Some(joined(summary(block))),
        // Its rows in order of their text: a table whose rows were sorted anew is alike.
        Block::Table(_) => {
            let mut lines = summary(block);
            lines.sort_by_cached_key(ToString::to_string);
            Some(joined(lines))
        }
        _ => None,
    };
    blocks.iter().map(text).collect()
}

/// Each of `blocks` measured, with the statements' and tables' `texts` from [`content_texts`].
fn measures<'a>(blocks: &'a [Block], texts: &'a [Option<String>]) -> Vec<Measure<'a>> {
    (blocks.iter().zip(texts))
        .map(|(block, text)| measure(block, text.as_deref()))
        .collect()
}

/// `block` measured; `content_text` is its text from [`content_texts`].
fn measure<'a>(block: &'a Block, content_text: Option<&'a str>) -> Measure<'a> {
    let words = match block {
        Block::Paragraph(text) => Some(text::Words::of(text)),
        _ => content_text.map(text::Words::of),
    };
    Measure {
        kind: element(block),
        words,
    }
}

/// How alike two blocks of different lists are, measured as two of one list are
/// ([`likeness`]).
pub(super) fn how_alike(old: &Block, new: &Block) -> Likeness {
    let (old, new) = (std::slice::from_ref(old), std::slice::from_ref(new));
    let (old_texts, new_texts) = (content_texts(old), content_texts(new));
    likeness(&measures(old, &old_texts)[0], &measures(new, &new_texts)[0])
}

/// Whether a removed and an added block are one block edited: paragraphs if they are alike,
/// wherever they stand; statements too, and, if not alike, where they stand (a statement
/// rewritten); lists and tables of a kind where they stand.
fn likeness(old: &Measure, new: &Measure) -> Likeness {
    if old.kind != new.kind {
        return Likeness::Unlike;
    }
    match (&old.words, &new.words, old.kind) {
        (Some(old), Some(new), Element::Paragraph) => text::likeness(old, new),
        (Some(old), Some(new), _) => rewritten(old, new),
        _ => Likeness::Kindred,
    }
}

/// The places of block `o` of `old`, kept as block `n` of `new` (see [`kept`]).
fn kept_places(old: &Container, o: usize, new: &Container, n: usize) -> Places {
    let places = Places {
        old: place(old, o),
        new: place(new, n),
    };
    kept((&old.blocks[o], &new.blocks[n]), places)
}

/// The places of a block kept from `places.old` to `places.new`. A numbered table that got
/// another number is named by both ("Tabel 1 (før Tabel 2)"), as a footnote is: a table is
/// known by its number through the whole answer, so the new number alone could name another
/// table reported on too, such as the removed one whose number it took.
pub(super) fn kept((old, new): (&Block, &Block), mut places: Places) -> Places {
    if let (Block::Table(was), Block::Table(is)) = (old, new)
        && let (Some(was), Some(is)) = (was.number, is.number)
        && was != is
    {
        places.new.label = format!("{} (før Tabel {was})", places.new.label);
    }
    if let (Block::Figure(was), Block::Figure(is)) = (old, new)
        && let (Some(was), Some(is)) = (was.number, is.number)
        && was != is
    {
        places.new.label = format!("{} (før Figur {was})", places.new.label);
    }
    places
}

/// Compares block `o` of `old` with block `n` of `new`, which are of the same kind.
fn compare_block(old: &Container, o: usize, new: &Container, n: usize, changes: &mut Comparison) {
    let places = kept_places(old, o, new, n);
    compare_kept((&old.blocks[o], &new.blocks[n]), &places, changes);
}

/// Compares a block kept from `places.old` to `places.new`, `old` with `new`: of one kind,
/// each part is compared; of two kinds, one was removed and the other added.
pub(super) fn compare_kept(
    (old, new): (&Block, &Block),
    places: &Places,
    changes: &mut Comparison,
) {
    match (old, new) {
        (Block::Paragraph(old), Block::Paragraph(new)) => {
            changes.text(&places.new.keyed("paragraph"), old, new);
        }
        (Block::Heading(old), Block::Heading(new)) => {
            changes.literal(&places.new.keyed("heading"), old, new);
        }
        (Block::List(old_items), Block::List(new_items))
        | (Block::NumberedList(old_items), Block::NumberedList(new_items)) => {
            let items = places.keyed(old.key());
            compare_texts(
                old_items,
                new_items,
                &items,
                ("punkt", Element::ListItem),
                changes,
            );
        }
        (Block::Statement(old), Block::Statement(new)) => {
            compare_statement(old, new, &places.keyed("statement"), changes);
        }
        (Block::Table(old), Block::Table(new)) => {
            table::compare(old, new, &places.keyed("table"), changes);
        }
        (Block::Figure(old), Block::Figure(new)) => {
            figure::compare(old, new, &places.keyed("figure"), changes);
        }
        (old_block, new_block) => {
            let within = &places.new.path;
            changes.removed(&places.old, within, element(old_block), summary(old_block));
            changes.added(&places.new, element(new_block), summary(new_block));
        }
    }
}

/// Compares two statements: the agency, the introduction and the blocks. A default
/// introduction ("Rigspolitiet har oplyst følgende:") on both sides says only what the agency
/// does, so a new agency is one change, not a second for the introduction it is printed in.
fn compare_statement(old: &Statement, new: &Statement, places: &Places, changes: &mut Comparison) {
    changes.value(
        &places.new.field("myndighed", "source"),
        Some(old.source.clone()),
        Some(new.source.clone()),
    );
    let introductions = places.keyed("introduction");
    if old.introduction.is_some() || new.introduction.is_some() {
        changes.text(
            &places.new.field("indledning", "introduction"),
            &old.printed_introduction(),
            &new.printed_introduction(),
        );
    }
    changes.passed(Some(&introductions.old.path), Some(&introductions.new.path));
    compare_blocks(
        &inside(old, &places.old),
        &inside(new, &places.new),
        changes,
    );
}

/// A statement's blocks as a container labelled like the statement.
fn inside<'a>(statement: &'a Statement, at: &'a Place) -> Container<'a> {
    Container {
        blocks: &statement.blocks,
        label: &at.label,
        kind: ContainerKind::Statement,
        path: at.path.key("blocks"),
    }
}

/// Compares two lists of texts (a list's items, a table's notes): each item is labelled
/// `"{noun} {n}"` under its side's place, whose path is the array's.
pub(super) fn compare_texts<'a>(
    old: &'a [String],
    new: &'a [String],
    places: &Places,
    (noun, element): (&str, Element),
    changes: &mut Comparison,
) {
    let item = |at: &Place, index: usize, count: Count| {
        Place::new(
            format!(
                "{}, {}",
                at.label,
                count.told(format!("{noun} {}", index + 1))
            ),
            at.path.index(index),
        )
    };
    let (old_item, new_item) = (
        |o: usize| item(&places.old, o, Count::Current),
        |n: usize| item(&places.new, n, Count::Current),
    );
    let words = |texts: &'a [String]| texts.iter().map(|text| text::Words::of(text)).collect();
    let (old_words, new_words): (Vec<_>, Vec<_>) = (words(old), words(new));
    let likeness = |o: usize, n: usize| text::likeness(&old_words[o], &new_words[n]);
    for step in align(old, new, likeness) {
        match step {
            // An item kept as written still prints otherwise if the answer's markup changed.
            Step::Same { old: o, new: n } | Step::Edited { old: o, new: n } => {
                changes.text(&new_item(n), &old[o], &new[n]);
            }
            Step::Moved { old: o, new: n } => {
                changes.moved(element, (&old_item(o), o), (&new_item(n), n));
                changes.text(&new_item(n), &old[o], &new[n]);
            }
            Step::Removed(o) => {
                let content = vec![old[o].clone()];
                let gone = item(&places.old, o, Count::Former);
                changes.removed(&gone, &places.new.path, element, content);
            }
            Step::Added(n) => changes.added(&new_item(n), element, vec![new[n].clone()]),
        }
    }
}

/// Which answer's counts name an element: the one it stands in as it is told, or, for an
/// element removed, the old one, whose counts are told as former ("Svar, tidligere afsnit 12:
/// fjernet"), so that they are not read as the new answer's: the change after it may name
/// another element by the same count in the new answer ("Svar, afsnit 12: ændret").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Count {
    /// As it stands.
    Current,
    /// As it stood in the old answer, of an element removed.
    Former,
}

impl Count {
    /// `counted`, a count or a name that begins with one ("afsnit 3", "første"), as this
    /// counting tells it: "tidligere afsnit 3", "tidligere første".
    pub(super) fn told(self, counted: String) -> String {
        match self {
            Self::Current => counted,
            Self::Former => format!("tidligere {counted}"),
        }
    }
}

/// The place of block `index` in its container: "Svar, afsnit 2", "Rigsadvokatens udtalelse",
/// "Tabel 2", "Svar, tabellen efter afsnit 3". A numbered table is known by its number through
/// the whole answer, and a statement of the answer itself by its agency, so neither is prefixed
/// with "Svar".
fn place(container: &Container, index: usize) -> Place {
    counted_place(container, index, Count::Current)
}

/// [`place`], its counts told by `count`: "Svar, tidligere afsnit 2" for a removed paragraph.
fn counted_place(container: &Container, index: usize, count: Count) -> Place {
    let path = container.path.index(index);
    let label = match &container.blocks[index] {
        Block::Table(table) if table.number.is_some() => name(container, index, count),
        Block::Figure(figure) if figure.number.is_some() => name(container, index, count),
        Block::Statement(statement) if container.kind == ContainerKind::Answer => {
            statement_in(container, index, &statement.source, (true, count))
        }
        _ => format!("{}, {}", container.label, name(container, index, count)),
    };
    Place::new(label, path)
}

/// The most words of a heading that name it in a location; more are cut with "…".
const HEADING_WORDS: usize = 8;

/// The name of block `index` within its container, as a reader finds it on the page:
/// "afsnit 2" and "punktopstilling 1" (counted among their own kind, as a reader counts them:
/// a statement's introduction prints as a paragraph of the container, before the statement's
/// indented blocks, so it counts among the paragraphs), "overskriften ”Organisering”",
/// "Tabel 2", "Rigsadvokatens udtalelse", and a table without a number by where it stands
/// ([`unnumbered`]); a figure as a table.
fn name(container: &Container, index: usize, count: Count) -> String {
    let ordinal = |same_kind: fn(&Block) -> bool| {
        container.blocks[..=index]
            .iter()
            .filter(|block| same_kind(block))
            .count()
    };
    let counted = match &container.blocks[index] {
        Block::Paragraph(_) => format!("afsnit {}", ordinal(prints_a_paragraph)),
        // By its words, which the reader looks for: a heading is short, and counting them
        // would give a removed heading and an added one the same number.
        Block::Heading(text) => return heading_name(container, index, text, count),
        Block::List(_) => format!(
            "punktopstilling {}",
            ordinal(|block| matches!(block, Block::List(_)))
        ),
        Block::NumberedList(_) => format!(
            "nummereret opstilling {}",
            ordinal(|block| matches!(block, Block::NumberedList(_)))
        ),
        Block::Statement(statement) => {
            return statement_in(container, index, &statement.source, (false, count));
        }
        // A table's or figure's number is printed, not counted: it names one block in either
        // answer; one without a number is named by where it stands.
        Block::Table(table) => {
            return numbered(container, index, Captioned::Table, table.number, count);
        }
        Block::Figure(figure) => {
            return numbered(container, index, Captioned::Figure, figure.number, count);
        }
    };
    count.told(counted)
}

/// Whether a block prints a paragraph of its container's running text: a paragraph, and a
/// statement's introduction, which prints like one before the statement's indented blocks
/// (unless written "", which prints nothing), so that "afsnit 2" is the second paragraph a
/// reader counts on the page.
fn prints_a_paragraph(block: &Block) -> bool {
    match block {
        Block::Paragraph(_) => true,
        Block::Statement(statement) => !statement.printed_introduction().trim().is_empty(),
        _ => false,
    }
}

/// A heading named by its words, "overskriften ”Baggrund”", and, where the container has
/// several headings of the same words, by which of them it is: "den anden overskrift
/// ”Baggrund”".
fn heading_name(container: &Container, index: usize, text: &str, count: Count) -> String {
    let printed = crate::escape::as_printed(text.trim());
    let words = super::report::shortened(&printed, HEADING_WORDS, 0);
    let words = words.trim_end();
    let same =
        |block: &Block| matches!(block, Block::Heading(other) if other.trim() == text.trim());
    match which_of(container.blocks, index, same) {
        None => format!("overskriften ”{words}”"),
        Some(nth) => format!(
            "den {} overskrift ”{words}”",
            count.told(danish::ordinal(nth))
        ),
    }
}

/// The blocks printed with a number and caption of their own kind, "Tabel 2" and "Figur 1",
/// which a reader finds by that number, or without one by where they stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Captioned {
    Table,
    Figure,
}

impl Captioned {
    /// The kind of `block` and its number, if it is a table or a figure.
    fn of(block: &Block) -> Option<(Self, Option<u32>)> {
        match block {
            Block::Table(table) => Some((Self::Table, table.number)),
            Block::Figure(figure) => Some((Self::Figure, figure.number)),
            _ => None,
        }
    }

    /// Whether `block` is one of this kind printed without a number (and so without a caption).
    fn is_unnumbered(self, block: &Block) -> bool {
        Self::of(block) == Some((self, None))
    }

    /// The word printed before the number: "Tabel", "Figur".
    fn printed(self) -> &'static str {
        match self {
            Self::Table => "Tabel",
            Self::Figure => "Figur",
        }
    }

    /// The noun in its definite and indefinite forms: ("tabellen", "tabel").
    fn noun(self) -> (&'static str, &'static str) {
        match self {
            Self::Table => ("tabellen", "tabel"),
            Self::Figure => ("figuren", "figur"),
        }
    }
}

/// A table or figure by its printed number, "Tabel 2", or without one by where it stands
/// ([`unnumbered`]).
fn numbered(
    container: &Container,
    index: usize,
    kind: Captioned,
    number: Option<u32>,
    count: Count,
) -> String {
    match number {
        Some(number) => format!("{} {number}", kind.printed()),
        None => unnumbered(container, index, kind, count),
    }
}

/// A table or figure without a number, named by the block before it, which the reader can
/// find: "tabellen efter afsnit 3", "figuren efter Tabel 1", "tabellen i begyndelsen af
/// udtalelsen"; of several of a kind in a row, "den anden tabel efter afsnit 3". Counting them
/// ("tabel 2") would clash with the printed "Tabel 2", which is another table.
fn unnumbered(container: &Container, index: usize, kind: Captioned, count: Count) -> String {
    let blocks = container.blocks;
    let alike = |block: &Block| kind.is_unnumbered(block);
    let anchor = blocks[..index].iter().rposition(|block| !alike(block));
    let first = anchor.map_or(0, |anchor| anchor + 1);
    let last = blocks[index..]
        .iter()
        .position(|block| !alike(block))
        .map_or(blocks.len(), |after| index + after);
    let (definite, indefinite) = kind.noun();
    let named = if last - first == 1 {
        definite.to_string()
    } else {
        let nth = crate::danish::ordinal(index - first + 1);
        format!("den {} {indefinite}", count.told(nth))
    };
    match anchor {
        Some(anchor) => format!("{named} efter {}", name(container, anchor, count)),
        None => format!("{named} i begyndelsen af {}", container.kind.definite()),
    }
}

/// A statement named by its agency: "Rigsadvokatens udtalelse". A name that does not end in a
/// letter or digit, such as "Danske Regioner (DR)", takes no genitive ending in Danish, so its
/// statement is "udtalelsen fra Danske Regioner (DR)", with a capital at the start of a line.
fn statement_name(source: &str, first: bool) -> String {
    match genitive(source) {
        Some(genitive) => format!("{genitive} udtalelse"),
        None if first => format!("Udtalelsen fra {source}"),
        None => format!("udtalelsen fra {source}"),
    }
}

/// The name of the statement `index` of `container`, from `source` ([`statement_name`]); where
/// its agency is quoted more than once there, by which of them it is: "Rigspolitiets anden
/// udtalelse", "den anden udtalelse fra Danske Regioner (DR)".
fn statement_in(
    container: &Container,
    index: usize,
    source: &str,
    (first, count): (bool, Count),
) -> String {
    let of_source = |block: &Block| matches!(block, Block::Statement(s) if s.source == source);
    let Some(nth) = which_of(container.blocks, index, of_source) else {
        return statement_name(source, first);
    };
    let nth = count.told(danish::ordinal(nth));
    match genitive(source) {
        Some(genitive) => format!("{genitive} {nth} udtalelse"),
        None if first => format!("Den {nth} udtalelse fra {source}"),
        None => format!("den {nth} udtalelse fra {source}"),
    }
}

/// A statement's label as it reads inside a sentence: a label that begins a line with a capital
/// of svar's own ("Udtalelsen fra Danske Regioner (DR)", "Den anden udtalelse fra …") has it
/// in lower case; an agency's own name keeps its capital ("Rigsadvokatens udtalelse").
fn mid_sentence(label: &str) -> String {
    // "Den anden udtalelse fra …", not an agency's "Den Europæiske Unions udtalelse".
    let nth_from = |rest: &str| {
        (rest.split_once(" udtalelse fra ")).is_some_and(|(nth, _)| !nth.contains(' '))
    };
    let own =
        label.starts_with("Udtalelsen fra ") || label.strip_prefix("Den ").is_some_and(nth_from);
    match own {
        true => crate::danish::lowercase_first(label),
        false => label.to_string(),
    }
}

/// The Danish genitive of a name: "Rigsadvokatens", "Danmarks Statistiks", "Europols",
/// "SKAT's" (abbreviations take an apostrophe); a name ending in s, x or z takes an apostrophe
/// alone. None for a name that ends in a parenthesis, a quotation mark or another sign, which
/// no ending can be added to.
fn genitive(name: &str) -> Option<String> {
    let last = name.chars().last().filter(|c| c.is_alphanumeric())?;
    let abbreviation = name.len() > 1 && name.chars().all(|c| !c.is_lowercase());
    Some(if matches!(last, 's' | 'x' | 'z') {
        format!("{name}'")
    } else if abbreviation {
        format!("{name}'s")
    } else {
        format!("{name}s")
    })
}

pub(super) fn element(block: &Block) -> Element {
    match block {
        Block::Paragraph(_) => Element::Paragraph,
        Block::Heading(_) => Element::Heading,
        Block::List(_) => Element::List,
        Block::NumberedList(_) => Element::NumberedList,
        Block::Statement(_) => Element::Statement,
        Block::Table(_) => Element::Table,
        Block::Figure(_) => Element::Figure,
    }
}

/// A block's content as lines, for an added or removed block.
fn summary(block: &Block) -> Vec<ContentLine> {
    match block {
        Block::Paragraph(text) | Block::Heading(text) => vec![text.clone().into()],
        Block::List(items) => (items.iter())
            .map(|item| ContentLine::item("–".into(), item))
            .collect(),
        Block::NumberedList(items) => (items.iter().enumerate())
            .map(|(index, item)| ContentLine::item(format!("{})", index + 1), item))
            .collect(),
        Block::Statement(statement) => std::iter::once(statement.printed_introduction().into())
            .chain(statement.blocks.iter().flat_map(summary))
            .collect(),
        Block::Table(table) => table::summary(table).into_iter().map(Into::into).collect(),
        Block::Figure(figure) => figure::summary(figure)
            .into_iter()
            .map(Into::into)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Container, ContainerKind, genitive, place, statement_name};
    use crate::json_path::JsonPath;
    use crate::model::Block;

    /// Each block's location in an answer of `blocks` (JSON), and those of the blocks of its
    /// statements after them.
    fn labels(blocks: serde_json::Value) -> Vec<String> {
        let blocks: Vec<Block> = serde_json::from_value(blocks).unwrap();
        let answer = Container {
            blocks: &blocks,
            label: "Svar",
            kind: ContainerKind::Answer,
            path: JsonPath::root(),
        };
        let mut labels: Vec<String> = (0..blocks.len())
            .map(|index| place(&answer, index).label)
            .collect();
        for (index, block) in blocks.iter().enumerate() {
            if let Block::Statement(statement) = block {
                let at = place(&answer, index);
                let inner = super::inside(statement, &at);
                labels.extend((0..statement.blocks.len()).map(|index| place(&inner, index).label));
            }
        }
        labels
    }

    /// A table of one figure, with `number` (and a caption) or without.
    fn table(number: Option<u32>) -> serde_json::Value {
        let panels = serde_json::json!([{"columns": ["Antal"], "rows": [{"cells": [1]}]}]);
        match number {
            Some(number) => serde_json::json!({"table": {"number": number,
                "caption": "Sager", "panels": panels}}),
            None => serde_json::json!({"table": {"panels": panels}}),
        }
    }

    #[test]
    fn a_table_without_a_number_is_named_by_the_block_before_it() {
        let found = labels(serde_json::json!([
            table(None),
            {"paragraph": "Tallene fremgår nedenfor:"},
            table(None),
            table(None),
            {"list": ["Første punkt"]},
            table(None),
            table(Some(1)),
            table(None),
            {"statement": {"source": "Rigspolitiet", "blocks": [
                table(None),
                {"paragraph": "Tallene er foreløbige."},
                table(None),
            ]}},
            table(None),
        ]));
        assert_eq!(
            found,
            [
                "Svar, tabellen i begyndelsen af svaret",
                "Svar, afsnit 1",
                "Svar, den første tabel efter afsnit 1",
                "Svar, den anden tabel efter afsnit 1",
                "Svar, punktopstilling 1",
                "Svar, tabellen efter punktopstilling 1",
                "Tabel 1",
                "Svar, tabellen efter Tabel 1",
                "Rigspolitiets udtalelse",
                "Svar, tabellen efter Rigspolitiets udtalelse",
                "Rigspolitiets udtalelse, tabellen i begyndelsen af udtalelsen",
                "Rigspolitiets udtalelse, afsnit 1",
                "Rigspolitiets udtalelse, tabellen efter afsnit 1",
            ]
        );
        assert!(
            found.iter().all(|label| !label.contains("tabel 1")),
            "never the printed \"Tabel 1\"'s name for another table"
        );
    }

    #[test]
    fn a_figure_without_a_number_is_named_by_the_block_before_it_as_a_table_is() {
        let figure = |number: Option<u32>| {
            let mut figure = serde_json::json!({"file": "f.png", "description": "Diagram."});
            if let Some(number) = number {
                figure["number"] = number.into();
                figure["caption"] = "Sager".into();
            }
            serde_json::json!({ "figure": figure })
        };
        let found = labels(serde_json::json!([
            figure(None),
            {"paragraph": "Udviklingen fremgår nedenfor:"},
            figure(None),
            figure(None),
            table(None),
            figure(None),
            figure(Some(2)),
            figure(None),
        ]));
        assert_eq!(
            found,
            [
                "Svar, figuren i begyndelsen af svaret",
                "Svar, afsnit 1",
                "Svar, den første figur efter afsnit 1",
                "Svar, den anden figur efter afsnit 1",
                "Svar, tabellen efter den anden figur efter afsnit 1",
                "Svar, figuren efter tabellen efter den anden figur efter afsnit 1",
                "Figur 2",
                "Svar, figuren efter Figur 2",
            ]
        );
    }

    #[test]
    fn a_statement_s_introduction_counts_among_the_paragraphs_it_prints_between() {
        // Under "Svar:" the reader counts "Rigspolitiet har oplyst følgende:" as a paragraph;
        // an introduction written "" prints nothing and is not counted.
        let found = labels(serde_json::json!([
            {"paragraph": "Jeg har indhentet bidrag."},
            {"statement": {"source": "Rigspolitiet", "blocks": [
                {"paragraph": "Tallene er foreløbige."},
            ]}},
            {"statement": {"source": "KL", "introduction": "", "blocks": [
                {"paragraph": "KL har intet at tilføje."},
            ]}},
            {"paragraph": "Jeg kan henholde mig hertil."},
            table(None),
        ]));
        assert_eq!(
            found,
            [
                "Svar, afsnit 1",
                "Rigspolitiets udtalelse",
                "KL's udtalelse",
                "Svar, afsnit 3",
                "Svar, tabellen efter afsnit 3",
                "Rigspolitiets udtalelse, afsnit 1",
                "KL's udtalelse, afsnit 1",
            ]
        );
    }

    #[test]
    fn a_statement_s_label_inside_a_sentence_keeps_only_the_agency_s_capitals() {
        let mid = super::mid_sentence;
        assert_eq!(
            mid("Udtalelsen fra Danske Regioner (DR)"),
            "udtalelsen fra Danske Regioner (DR)"
        );
        assert_eq!(
            mid("Den anden udtalelse fra Danske Regioner (DR)"),
            "den anden udtalelse fra Danske Regioner (DR)"
        );
        assert_eq!(mid("Rigsadvokatens udtalelse"), "Rigsadvokatens udtalelse");
        assert_eq!(
            mid("Den Europæiske Unions udtalelse"),
            "Den Europæiske Unions udtalelse"
        );
    }

    #[test]
    fn genitives_follow_danish_spelling() {
        let genitive = |name| genitive(name).unwrap();
        assert_eq!(genitive("Rigsadvokaten"), "Rigsadvokatens");
        assert_eq!(genitive("Rigspolitiet"), "Rigspolitiets");
        assert_eq!(genitive("SKAT"), "SKAT's");
        assert_eq!(genitive("Danmarks Statistik"), "Danmarks Statistiks");
        assert_eq!(
            genitive("Hans Christian Andersens Hus"),
            "Hans Christian Andersens Hus'"
        );
    }

    #[test]
    fn a_name_ending_in_a_parenthesis_is_named_without_a_genitive() {
        assert_eq!(genitive("Danske Regioner (DR)"), None);
        assert_eq!(
            statement_name("Danske Regioner (DR)", true),
            "Udtalelsen fra Danske Regioner (DR)"
        );
        assert_eq!(
            statement_name("Danske Regioner (DR)", false),
            "udtalelsen fra Danske Regioner (DR)"
        );
        assert_eq!(
            statement_name("Rigsadvokaten", true),
            "Rigsadvokatens udtalelse"
        );
    }
}
