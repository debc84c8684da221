//! Printing a change list: as text to read top to bottom (plain, or coloured on a terminal), or
//! as JSON for review systems.

use serde::Serialize;

use super::{Change, ChangeKind, ChangeList, Segment, SegmentKind};

/// How many words of unchanged text to show on each side of a change in a long text.
const CONTEXT_WORDS: usize = 8;

/// What goes before and after a kind of text.
type Marks = (&'static str, &'static str);

/// How changes are marked: plain marks, or terminal colours (ANSI) with deleted words red and
/// struck through, inserted words green and underlined.
struct Palette {
    location: Marks,
    deleted: Marks,
    inserted: Marks,
    removed_line: Marks,
    added_line: Marks,
}

const COLOURED: Palette = Palette {
    location: ("\x1b[1m", "\x1b[0m"),
    deleted: ("\x1b[31;9m", "\x1b[0m"),
    inserted: ("\x1b[32;4m", "\x1b[0m"),
    removed_line: ("\x1b[31m- ", "\x1b[0m"),
    added_line: ("\x1b[32m+ ", "\x1b[0m"),
};

const PLAIN: Palette = Palette {
    location: ("", ""),
    deleted: ("[-", "-]"),
    inserted: ("{+", "+}"),
    removed_line: ("- ", ""),
    added_line: ("+ ", ""),
};

/// The change list as text: a heading naming both files, one entry per change (texts and
/// added or removed content indented below their location) and a count; or one line saying
/// there are no differences. With `color`, ANSI colours replace the `[-…-]{+…+}` marks.
/// `pages` are the pages that look different, when they were compared: where the content is
/// the same but the pages are not, the report says so rather than that there are no
/// differences, so it never contradicts the page images.
pub(crate) fn to_text(
    changes: &ChangeList,
    (old, new): (&str, &str),
    pages: &[usize],
    color: bool,
) -> String {
    // File names too may hold control characters.
    let (old, new) = (visible(old), visible(new));
    if changes.is_empty() {
        return match pages {
            [] => format!("Ingen forskelle mellem {old} og {new}.\n"),
            pages => format!(
                "Indholdet af {old} og {new} er det samme, men {} ser anderledes ud.\n",
                page_list(pages)
            ),
        };
    }
    let palette = if color { &COLOURED } else { &PLAIN };
    let mut out = format!("Forskelle fra {old} til {new}:\n\n");
    for change in &changes.changes {
        out.push_str(&entry(change, palette));
    }
    let count = crate::danish::count(changes.changes.len(), "ændring", "ændringer");
    out.push_str(&format!("\n{count}.\n"));
    if !pages.is_empty() {
        out.push_str(&format!(
            "Sider, der ser anderledes ud: {}.\n",
            numbers(pages)
        ));
    }
    out
}

/// "side 2" or "side 2, 3 og 5".
fn page_list(pages: &[usize]) -> String {
    format!("side {}", numbers(pages))
}

/// Page numbers as a Danish list: "2, 3 og 5".
fn numbers(pages: &[usize]) -> String {
    let numbers: Vec<String> = pages.iter().map(usize::to_string).collect();
    let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
    crate::danish::and_list(&numbers)
}

/// The JSON document for review systems.
#[derive(Serialize)]
struct JsonReport<'a> {
    same: bool,
    old: &'a str,
    new: &'a str,
    changes: &'a [Change],
    /// The pages that look different, when they were compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pages: Option<&'a [usize]>,
}

/// The change list as JSON: `{"same", "old", "new", "changes": [{"kind", "location", "path",
/// …}]}`, and `"pages"`, the numbers of the pages that look different, when they were compared;
/// `same` is false when either the content or the pages differ.
pub(crate) fn to_json(
    changes: &ChangeList,
    (old, new): (&str, &str),
    pages: Option<&[usize]>,
) -> String {
    let report = JsonReport {
        same: changes.is_empty() && pages.is_none_or(<[usize]>::is_empty),
        old,
        new,
        changes: &changes.changes,
        pages,
    };
    serde_json::to_string_pretty(&report).expect("the change list serialises") + "\n"
}

/// Content as a terminal may safely show it (see [`crate::escape::for_terminal`]), a line
/// break keeping the entry's indentation.
fn visible(text: &str) -> String {
    crate::escape::for_terminal(text).replace('\n', "\n    ")
}

/// One change: its location, what happened, and indented detail lines.
fn entry(change: &Change, palette: &Palette) -> String {
    let (start, end) = palette.location;
    let location = format!("{start}{}{end}", visible(&change.location));
    match &change.kind {
        ChangeKind::Value { old, new } => {
            let shown =
                |value: &Option<String>| value.as_deref().map_or("(ingen)".to_string(), visible);
            format!("{location}: {} → {}\n", shown(old), shown(new))
        }
        ChangeKind::Cell { old, new } => {
            format!("{location}: {} → {}\n", visible(old), visible(new))
        }
        ChangeKind::Text { segments, .. } => {
            format!("{location}: ændret\n    {}\n", marked(segments, palette))
        }
        ChangeKind::Added { content, .. } => {
            format!(
                "{location}: tilføjet\n{}",
                lines(content, palette.added_line)
            )
        }
        ChangeKind::Removed { content, .. } => {
            format!(
                "{location}: fjernet\n{}",
                lines(content, palette.removed_line)
            )
        }
        ChangeKind::Moved { .. } => format!("{location}: {}\n", moved(change)),
    }
}

/// What a move says after its (new) location, the same in the change list and a redline's
/// summary: what the element was called in the old answer ("Svar, afsnit 4: flyttet; var
/// tidligere afsnit 6", "Danske Regioners udtalelse, afsnit 1: flyttet; var tidligere Svar,
/// afsnit 2", "Tabel 1: flyttet fra svaret til Danske Regioners udtalelse"), which a reviewer
/// finds in the old PDF, or where its own name is the
/// same (a statement, a row, also in a table that moved) and for every row, its places among
/// its siblings ("flyttet fra plads 3 til plads 2").
pub(crate) fn moved(change: &super::Change) -> String {
    let super::ChangeKind::Moved {
        element,
        from,
        to,
        from_location,
        across,
        ..
    } = &change.kind
    else {
        return String::new();
    };
    // From another list of blocks: its whole old name, or, where its own name is the same (a
    // numbered table, a statement moved into an enclosure), the lists' holders; its places
    // count among other siblings.
    if let Some((from_holder, to_holder)) = across {
        let same_name =
            container_and_name(&change.location).1 == container_and_name(from_location).1;
        return match same_name {
            true => format!("flyttet fra {from_holder} til {to_holder}"),
            false => format!("flyttet; var tidligere {from_location}"),
        };
    }
    let ((here, name), (there, earlier)) = (
        container_and_name(&change.location),
        container_and_name(from_location),
    );
    // The same name (a statement, a row), in its container renamed or not: its places. A row
    // is told by its places always, since a row renamed has its new name told apart.
    if name == earlier || *element == super::Element::Row {
        return format!("flyttet fra plads {from} til plads {to}");
    }
    // "Svar, afsnit 6" under the same heading as "Svar, afsnit 4" is "afsnit 6".
    let earlier = if here == there {
        earlier
    } else {
        from_location
    };
    format!("flyttet; var tidligere {earlier}")
}

/// What a redline notes where a moved block stood, the counterpart of [`moved`]: where it went,
/// named as a reader finds it in the new answer ("Flyttet herfra til Rigspolitiets udtalelse,
/// afsnit 4"; "Flyttet herfra til afsnit 3" within its list), or where its own name is the same
/// (a statement, a numbered table), that name and its new place among its siblings
/// ("Rigspolitiets udtalelse: flyttet herfra til plads 2") or what now holds it ("Tabel 1:
/// flyttet herfra til Danske Regioners udtalelse"), since the place alone does not say what
/// moved.
pub(crate) fn moved_away(change: &super::Change) -> String {
    let super::ChangeKind::Moved {
        to,
        from_location,
        across,
        ..
    } = &change.kind
    else {
        return String::new();
    };
    let ((here, name), (there, earlier)) = (
        container_and_name(&change.location),
        container_and_name(from_location),
    );
    let named = |to: &str| format!("{name}: flyttet herfra til {to}");
    match across {
        Some((_, to_holder)) if name == earlier => named(to_holder),
        None if name == earlier => named(&format!("plads {to}")),
        None if here == there => format!("Flyttet herfra til {name}"),
        _ => format!("Flyttet herfra til {}", change.location),
    }
}

/// A location's container and the element's own name: "Svar, afsnit 4" is "afsnit 4" in
/// "Svar".
fn container_and_name(location: &str) -> (Option<&str>, &str) {
    match location.rsplit_once(", ") {
        Some((container, name)) => (Some(container), name),
        None => (None, location),
    }
}

/// Content lines, indented and marked as deleted or inserted.
fn lines(content: &[super::ContentLine], (start, end): Marks) -> String {
    content
        .iter()
        .map(|line| format!("    {start}{}{end}\n", visible(&line.to_string())))
        .collect()
}

/// A word diff with its changes marked, long unchanged stretches shortened to their ends.
fn marked(segments: &[Segment], palette: &Palette) -> String {
    let last = segments.len().saturating_sub(1);
    segments
        .iter()
        .enumerate()
        .map(|(index, segment)| match segment.kind {
            SegmentKind::Equal => {
                let head = if index == 0 { 0 } else { CONTEXT_WORDS };
                let tail = if index == last { 0 } else { CONTEXT_WORDS };
                visible(&shortened(&segment.text, head, tail))
            }
            SegmentKind::Deleted => enclosed(&segment.text, palette.deleted),
            SegmentKind::Inserted => enclosed(&segment.text, palette.inserted),
        })
        .collect()
}

fn enclosed(text: &str, (start, end): Marks) -> String {
    let shown = unseen_named(text).unwrap_or_else(|| visible(text));
    format!("{start}{shown}{end}")
}

/// A deleted or inserted stretch of spaces, soft hyphens or invisible characters alone, by
/// name: "(mellemrum)", "(hårdt mellemrum)", "(blød bindestreg)", "(usynligt mellemrum)".
/// Between the marks it would not show (`bl.a.[- -]{+ +}spørgsmål`, `menneske{+­+}handel`),
/// though a space become a no-break space (pasted from Word) or a soft hyphen or zero-width
/// space typed into a word changes where the line may break, a space removed joins two words,
/// and an invisible character keeps a search from finding the word. None for other text, line
/// breaks included, which show as themselves.
fn unseen_named(text: &str) -> Option<String> {
    let names: Option<Vec<&str>> = text.chars().map(unseen_name).collect();
    let mut names = names.filter(|names| !names.is_empty())?;
    names.dedup();
    Some(format!("({})", crate::danish::and_list(&names)))
}

/// The Danish name of a space character, the soft hyphen or an invisible character; none for
/// another character.
fn unseen_name(c: char) -> Option<&'static str> {
    match c {
        super::text::SOFT_HYPHEN => Some("blød bindestreg"),
        ' ' => Some("mellemrum"),
        '\u{a0}' => Some("hårdt mellemrum"),
        '\u{202f}' => Some("smalt hårdt mellemrum"),
        '\u{2009}' => Some("smalt mellemrum"),
        c if super::text::is_fixed_space(c) => Some("særligt mellemrum"),
        c => crate::invisible::name(c),
    }
}

/// Keeps the first `head` and last `tail` words of `text`, with "…" for what is left out.
pub(super) fn shortened(text: &str, head: usize, tail: usize) -> String {
    let words: Vec<&str> = text.split_inclusive(char::is_whitespace).collect();
    if words.len() <= head + tail + 1 {
        return text.to_string();
    }
    let start = words[..head].concat();
    let end = words[words.len() - tail..].concat();
    let gap = if tail == 0 { "…" } else { "… " };
    format!("{start}{gap}{end}")
}

#[cfg(test)]
mod tests {
    use super::{shortened, unseen_named, visible};

    #[test]
    fn a_changed_stretch_of_spaces_alone_is_named() {
        assert_eq!(unseen_named(" ").as_deref(), Some("(mellemrum)"));
        assert_eq!(unseen_named("\u{a0}").as_deref(), Some("(hårdt mellemrum)"));
        assert_eq!(
            unseen_named(" \u{202f}").as_deref(),
            Some("(mellemrum og smalt hårdt mellemrum)")
        );
        // Line breaks show as themselves; words are words.
        assert_eq!(unseen_named("\n"), None);
        assert_eq!(unseen_named("a b"), None);
        assert_eq!(unseen_named(""), None);
    }

    #[test]
    fn a_changed_soft_hyphen_alone_is_named_as_spaces_are() {
        assert_eq!(unseen_named("\u{ad}").as_deref(), Some("(blød bindestreg)"));
        assert_eq!(
            unseen_named("\u{ad}\u{a0}").as_deref(),
            Some("(blød bindestreg og hårdt mellemrum)")
        );
        // In a word it is the word's: the word shows.
        assert_eq!(unseen_named("menneske\u{ad}handel"), None);
    }

    #[test]
    fn a_changed_invisible_character_alone_is_named_as_spaces_are() {
        assert_eq!(
            unseen_named("\u{200b}").as_deref(),
            Some("(usynligt mellemrum)")
        );
        assert_eq!(
            unseen_named("\u{2060}\u{200d}\u{200d}").as_deref(),
            Some("(ordsamler og usynlig sammenføjer)")
        );
        assert_eq!(unseen_named("Politi\u{200b}indsatsen"), None);
    }

    #[test]
    fn control_and_direction_marks_are_shown_as_code_points() {
        assert_eq!(visible("a\u{202E}b\0c"), "a<U+202E>b<U+0000>c");
        assert_eq!(visible("første\nanden"), "første\n    anden");
        assert_eq!(visible("æøå – ”citat”"), "æøå – ”citat”");
    }

    #[test]
    fn long_unchanged_text_keeps_its_ends() {
        let text = "en to tre fire fem seks ";
        assert_eq!(shortened(text, 0, 2), "… fem seks ");
        assert_eq!(shortened(text, 2, 0), "en to …");
        assert_eq!(shortened(text, 1, 1), "en … seks ");
        assert_eq!(shortened(text, 3, 3), text);
    }
}

#[cfg(test)]
mod colour_tests {
    use super::to_text;
    use crate::diff::compare;
    use crate::model::{Answer, Block};

    fn answer(paragraph: &str) -> Answer {
        let mut answer: Answer =
            serde_json::from_str(include_str!("../../tests/fixtures/complete.json")).unwrap();
        answer.answer.blocks[0] = Block::Paragraph(paragraph.to_string());
        answer
    }

    #[test]
    fn colour_marks_deleted_words_red_struck_and_inserted_words_green_underlined() {
        let changes = compare(&answer("Der er 3 sager."), &answer("Der er 4 sager."));
        let text = to_text(&changes, ("a", "b"), &[], true);
        assert!(
            text.contains("\x1b[31;9m3\x1b[0m\x1b[32;4m4\x1b[0m"),
            "{text:?}"
        );
        assert!(!text.contains("[-"));
    }
}
