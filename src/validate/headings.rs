//! Subheadings: each heads something, and is written as Danish headings are.

use super::Problem;
use crate::json_path::JsonPath;
use crate::model::Block;

/// Checks a subheading: it heads the blocks after it, so it needs one that is not a heading
/// itself (a heading at the end of the answer, or over another heading, heads nothing), and,
/// as Danish headings are written, it ends without a full stop.
pub(super) fn check_heading(
    text: &str,
    next: Option<&Block>,
    path: &JsonPath,
    problems: &mut Vec<Problem>,
) {
    match next {
        None => problems.push(Problem::error(
            path.clone(),
            format!(
                "overskriften står sidst i {} og har intet under sig",
                container_of(path)
            ),
            Some("skriv teksten under overskriften, eller fjern overskriften".into()),
        )),
        Some(next) if opens_with_heading(next) => problems.push(Problem::error(
            path.clone(),
            "overskriften har intet under sig før den næste overskrift",
            Some("skriv teksten under overskriften, eller slå de to overskrifter sammen".into()),
        )),
        Some(_) => {}
    }
    if let Some(stop) = full_stop(text) {
        problems.push(
            Problem::warning(
                path.clone(),
                "en overskrift skrives uden punktum",
                Some("fjern punktummet til sidst i overskriften".into()),
            )
            .at(super::Focus::Part(stop..stop + 1)),
        );
    }
}

/// Whether `block` prints a heading first: a heading, or a statement printed without an
/// introduction whose first block is one.
fn opens_with_heading(block: &Block) -> bool {
    match block {
        Block::Heading(_) => true,
        Block::Statement(statement) => {
            statement.printed_introduction().is_empty()
                && statement.blocks.first().is_some_and(opens_with_heading)
        }
        _ => false,
    }
}

/// What holds the block at `path` (`….blocks[i].heading`), in the definite form: "svaret",
/// "udtalelsen" or "bilaget".
fn container_of(path: &JsonPath) -> &'static str {
    use crate::json_path::Step::{Index, Key};
    match path.0.as_slice() {
        [.., Key(statement), Key(_), Index(_), Key(_)] if statement == "statement" => "udtalelsen",
        [Key(enclosures), ..] if enclosures == "enclosures" => "bilaget",
        _ => "svaret",
    }
}

/// Abbreviations of one word that end a heading with their point, not a full stop ("Udgifter
/// i mio. kr."); one with a point inside ("bl.a.", "m.fl.") is known by that.
const ABBREVIATIONS: &[&str] = &[
    "ca", "etc", "ekskl", "inkl", "jf", "kap", "kr", "mia", "mio", "mv", "nr", "osv", "pct", "pkt",
    "stk", "vedr",
];

/// Where `text` ends in a full stop, as a byte offset: not in an abbreviation's point (see
/// [`ABBREVIATIONS`]), but after a number, a word of any length, or other punctuation ("?.").
fn full_stop(text: &str) -> Option<usize> {
    let trimmed = text.trim_end();
    let before = trimmed.strip_suffix('.')?;
    let word = before.rsplit(char::is_whitespace).next().unwrap_or(before);
    let abbreviation = word.contains('.') && !word.ends_with('.')
        || ABBREVIATIONS.contains(&word.to_lowercase().as_str());
    (!abbreviation).then_some(before.len())
}

#[cfg(test)]
mod tests {
    use super::full_stop;

    #[test]
    fn a_full_stop_ends_a_word_or_a_number_but_not_an_abbreviation() {
        for text in [
            "Politiets rolle.",
            "Sager om vold.",
            "Sager i 2026.",
            "Konklusion..",
            "Status?.",
        ] {
            assert_eq!(full_stop(text), Some(text.len() - 1), "{text}");
        }
        for text in [
            "Udgifter i mio. kr.",
            "Sager om bl.a. vold m.fl.",
            "Andel i pct.",
            "Sager mv.",
            "Organisering",
        ] {
            assert_eq!(full_stop(text), None, "{text}");
        }
        assert_eq!(full_stop("Sager. "), Some(5));
    }
}
