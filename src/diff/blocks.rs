//! Blocks: paragraphs, lists and statements, aligned and compared in reading order; tables are
//! handed to [`super::table`].

use super::sequence::{Likeness, Step, align};
use super::{Comparison, Element, Place, Places, table, text};
use crate::input::JsonPath;
use crate::model::{Block, Enclosure, Statement};

/// A sequence of blocks: the answer's or a statement's.
struct Container<'a> {
    blocks: &'a [Block],
    /// "Svar" or the statement's label, e.g. "Rigsadvokatens udtalelse".
    label: &'a str,
    /// The path of the `blocks` array.
    path: JsonPath,
}

/// Compares the answer's blocks.
pub(super) fn compare_body(old: &[Block], new: &[Block], changes: &mut Comparison) {
    let path = JsonPath::root().key("answer").key("blocks");
    let container = |blocks| Container {
        blocks,
        label: "Svar",
        path: path.clone(),
    };
    compare_blocks(&container(old), &container(new), changes);
}

/// Compares the enclosures, paired by number (they are referred to by it): the title as text,
/// the blocks like the answer's.
pub(super) fn compare_enclosures(old: &[Enclosure], new: &[Enclosure], changes: &mut Comparison) {
    let list = JsonPath::root().key("enclosures");
    for index in 0..old.len().max(new.len()) {
        let place = Place::new(format!("Bilag {}", index + 1), list.index(index));
        match (old.get(index), new.get(index)) {
            (Some(old), Some(new)) => {
                changes.literal(&place.field("titel", "title"), &old.title, &new.title);
                let orientation = |enclosure: &Enclosure| {
                    Some(
                        if enclosure.landscape {
                            "liggende"
                        } else {
                            "stående"
                        }
                        .to_string(),
                    )
                };
                changes.value(
                    &place.field("sider", "landscape"),
                    orientation(old),
                    orientation(new),
                );
                let path = place.path.key("blocks");
                let container = |blocks| Container {
                    blocks,
                    label: &place.label,
                    path: path.clone(),
                };
                compare_blocks(&container(&old.blocks), &container(&new.blocks), changes);
            }
            (Some(old), None) => changes.removed(
                &place,
                &JsonPath::root(),
                Element::Enclosure,
                enclosure_summary(old),
            ),
            (None, Some(new)) => changes.added(&place, Element::Enclosure, enclosure_summary(new)),
            (None, None) => {}
        }
    }
}

/// An enclosure's content as lines: its title, then its blocks.
fn enclosure_summary(enclosure: &Enclosure) -> Vec<String> {
    std::iter::once(enclosure.title.clone())
        .chain(enclosure.blocks.iter().flat_map(summary))
        .collect()
}

fn compare_blocks<'a>(old: &Container<'a>, new: &Container<'a>, changes: &mut Comparison) {
    let old_keys: Vec<String> = old.blocks.iter().map(key).collect();
    let new_keys: Vec<String> = new.blocks.iter().map(key).collect();
    let measures = |blocks: &'a [Block]| blocks.iter().map(measure).collect::<Vec<_>>();
    let (old_measures, new_measures) = (measures(old.blocks), measures(new.blocks));
    let likeness = |o: usize, n: usize| likeness(&old_measures[o], &new_measures[n]);
    for step in align(&old_keys, &new_keys, likeness) {
        match step {
            Step::Same { old: o, new: n } | Step::Edited { old: o, new: n } => {
                compare_block(old, o, new, n, changes);
            }
            Step::Moved { old: o, new: n } => {
                let from = place(old, o);
                let to = place(new, n);
                changes.moved(element(&new.blocks[n]), (&from, o), (&to, n));
                compare_block(old, o, new, n, changes);
            }
            Step::Removed(o) => {
                let block = &old.blocks[o];
                changes.removed(&place(old, o), &new.path, element(block), summary(block));
            }
            Step::Added(n) => {
                let block = &new.blocks[n];
                changes.added(&place(new, n), element(block), summary(block));
            }
        }
    }
}

/// What identifies a block when aligning: its content, except that a statement is known by its
/// agency, so a statement that moved and changed is still one statement, and a table by its
/// content without its number, so a table inserted before it is one change, not a cascade.
fn key(block: &Block) -> String {
    match block {
        Block::Statement(statement) => format!("statement\u{0}{}", statement.source),
        Block::Table(table) if table.number.is_some() => {
            let mut unnumbered = table.clone();
            unnumbered.number = None;
            key(&Block::Table(unnumbered))
        }
        other => serde_json::to_string(other).expect("blocks serialise"),
    }
}

/// What a block is measured by when pairing removed and added blocks: a paragraph by its
/// words (taken once, since each is measured against many), another block by its kind.
enum Measure<'a> {
    Words(text::Words<'a>),
    Kind(Element),
}

fn measure(block: &Block) -> Measure<'_> {
    match block {
        Block::Paragraph(text) => Measure::Words(text::Words::of(text)),
        other => Measure::Kind(element(other)),
    }
}

/// Whether a removed and an added block are one block edited: paragraphs if they are alike,
/// wherever they stand; lists, statements and tables of a kind if they stand at the same place.
fn likeness(old: &Measure, new: &Measure) -> Likeness {
    match (old, new) {
        (Measure::Words(old), Measure::Words(new)) => text::likeness(old, new),
        (Measure::Kind(old), Measure::Kind(new)) if old == new => Likeness::Kindred,
        _ => Likeness::Unlike,
    }
}

/// Compares block `o` of `old` with block `n` of `new`, which are of the same kind.
fn compare_block(old: &Container, o: usize, new: &Container, n: usize, changes: &mut Comparison) {
    let places = Places {
        old: place(old, o),
        new: place(new, n),
    };
    match (&old.blocks[o], &new.blocks[n]) {
        (Block::Paragraph(old), Block::Paragraph(new)) => {
            changes.text(&places.new.keyed("paragraph"), old, new);
        }
        (Block::List(old), Block::List(new)) => {
            let items = places.keyed("list");
            compare_texts(old, new, &items, ("punkt", Element::ListItem), changes);
        }
        (Block::Statement(old), Block::Statement(new)) => {
            compare_statement(old, new, &places.keyed("statement"), changes);
        }
        (Block::Table(old), Block::Table(new)) => {
            table::compare(old, new, &places.keyed("table"), changes);
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
    if old.introduction.is_some() || new.introduction.is_some() {
        changes.text(
            &places.new.field("indledning", "introduction"),
            &old.printed_introduction(),
            &new.printed_introduction(),
        );
    }
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
    let item = |at: &Place, index: usize| {
        Place::new(
            format!("{}, {noun} {}", at.label, index + 1),
            at.path.index(index),
        )
    };
    let (old_item, new_item) = (
        |o: usize| item(&places.old, o),
        |n: usize| item(&places.new, n),
    );
    let words = |texts: &'a [String]| texts.iter().map(|text| text::Words::of(text)).collect();
    let (old_words, new_words): (Vec<_>, Vec<_>) = (words(old), words(new));
    let likeness = |o: usize, n: usize| text::likeness(&old_words[o], &new_words[n]);
    for step in align(old, new, likeness) {
        match step {
            Step::Same { .. } => {}
            Step::Edited { old: o, new: n } => changes.text(&new_item(n), &old[o], &new[n]),
            Step::Moved { old: o, new: n } => {
                changes.moved(element, (&old_item(o), o), (&new_item(n), n));
                changes.text(&new_item(n), &old[o], &new[n]);
            }
            Step::Removed(o) => {
                let content = vec![old[o].clone()];
                changes.removed(&old_item(o), &places.new.path, element, content);
            }
            Step::Added(n) => changes.added(&new_item(n), element, vec![new[n].clone()]),
        }
    }
}

/// The place of block `index` in its container: "Svar, afsnit 2", "Rigsadvokatens udtalelse",
/// "Tabel 2". Paragraphs and lists are counted among their own kind, as a reader counts them.
fn place(container: &Container, index: usize) -> Place {
    let block = &container.blocks[index];
    let path = container.path.index(index);
    let ordinal = |same_kind: fn(&Block) -> bool| {
        container.blocks[..=index]
            .iter()
            .filter(|block| same_kind(block))
            .count()
    };
    let label = match block {
        Block::Paragraph(_) => format!(
            "{}, afsnit {}",
            container.label,
            ordinal(|block| matches!(block, Block::Paragraph(_)))
        ),
        Block::List(_) => format!(
            "{}, punktopstilling {}",
            container.label,
            ordinal(|block| matches!(block, Block::List(_)))
        ),
        Block::Statement(statement) => statement_label(container, &statement.source),
        Block::Table(table) => match table.number {
            Some(number) => format!("Tabel {number}"),
            None => format!(
                "{}, tabel {}",
                container.label,
                ordinal(|block| matches!(block, Block::Table(_)))
            ),
        },
    };
    Place::new(label, path)
}

/// "Rigsadvokatens udtalelse" in the answer; inside a statement, prefixed by its label.
fn statement_label(container: &Container, source: &str) -> String {
    if container.label == "Svar" {
        statement_name(source, true)
    } else {
        format!("{}, {}", container.label, statement_name(source, false))
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

fn element(block: &Block) -> Element {
    match block {
        Block::Paragraph(_) => Element::Paragraph,
        Block::List(_) => Element::List,
        Block::Statement(_) => Element::Statement,
        Block::Table(_) => Element::Table,
    }
}

/// A block's content as lines, for an added or removed block.
fn summary(block: &Block) -> Vec<String> {
    match block {
        Block::Paragraph(text) => vec![text.clone()],
        Block::List(items) => items.iter().map(|item| format!("– {item}")).collect(),
        Block::Statement(statement) => std::iter::once(statement.printed_introduction())
            .chain(statement.blocks.iter().flat_map(summary))
            .collect(),
        Block::Table(table) => table::summary(table),
    }
}

#[cfg(test)]
mod tests {
    use super::{genitive, statement_name};

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
