//! What a content check counts across the answer besides the value its finding is at: a
//! reference to "tabel 2" is told against every table's number. Where a mistake of type was
//! set aside, what it held is missing from the answer the checks see, and a finding that
//! counts it would blame a value that is right.

use crate::json_path::{JsonPath, Step};

/// What a finding counts across the answer, besides the value at its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Counted {
    /// The tables as numbered, by their numbers and captions: what a reference to "tabel 2"
    /// and the numbering of the tables after them are told against.
    Tables,
    /// The figures as numbered, apart from the tables: what a reference to "figur 2" and the
    /// numbering of the figures after them are told against.
    Figures,
    /// The enclosures: what a reference to "bilag 2" is told against.
    Enclosures,
    /// The footnotes: what a reference `[^kilde]` is told against.
    Footnotes,
    /// The texts that refer to enclosures and footnotes (prose and headings): what "bilag 2
    /// nævnes ikke" and "fodnoten bruges ikke" are told against.
    References,
}

/// A step of a path to something counted that stands for any field or element.
const ANY: &str = "*";

impl Counted {
    /// Whether the value at `path` holds, or may hold, something counted: it is one, or lies on
    /// the way to one (`answer.blocks[2]`, whose kind could not be read, may be a table).
    pub(crate) fn may_be_in(self, path: &JsonPath) -> bool {
        let steps = path.0.as_slice();
        match self {
            Self::Tables => {
                in_blocks_towards(steps, &[&["table", "number"], &["table", "caption"]])
            }
            Self::Figures => {
                in_blocks_towards(steps, &[&["figure", "number"], &["figure", "caption"]])
            }
            Self::Enclosures => towards(steps, &["enclosures", ANY]),
            Self::Footnotes => towards(steps, &["footnotes", ANY]),
            Self::References => {
                towards(steps, &["question", "text"])
                    || towards(steps, &["further_questions", ANY, "text"])
                    || in_blocks_towards(
                        steps,
                        &[
                            &["paragraph"],
                            &["heading"],
                            &["list", ANY],
                            &["numbered_list", ANY],
                            &["statement", "introduction"],
                            &["table", "notes", ANY],
                            &["figure", "notes", ANY],
                        ],
                    )
            }
        }
    }
}

/// Whether `steps` lead towards `pattern`: they are the start of it, step by step.
fn towards(steps: &[Step], pattern: &[&str]) -> bool {
    steps.len() <= pattern.len()
        && steps
            .iter()
            .zip(pattern)
            .all(|(step, &wanted)| wanted == ANY || matches!(step, Step::Key(key) if key == wanted))
}

/// Whether `steps` lead towards one of `ends` in a block: of the answer, of an enclosure, or
/// of a statement quoted in either.
fn in_blocks_towards(steps: &[Step], ends: &[&[&str]]) -> bool {
    match steps {
        [] => true,
        [Step::Key(key), blocks @ ..] if key == "answer" => blocks_towards(blocks, ends),
        [Step::Key(key)] | [Step::Key(key), Step::Index(_)] if key == "enclosures" => true,
        [Step::Key(key), Step::Index(_), blocks @ ..] if key == "enclosures" => {
            blocks_towards(blocks, ends)
        }
        _ => false,
    }
}

/// [`in_blocks_towards`] from an object that has blocks: `steps` are its `blocks`, or lead
/// through one of them towards one of `ends`, or into a statement's blocks.
fn blocks_towards(steps: &[Step], ends: &[&[&str]]) -> bool {
    match steps {
        [] => true,
        [Step::Key(key)] if key == "blocks" => true,
        [Step::Key(key), Step::Index(_), block @ ..] if key == "blocks" => {
            let in_statement = match block {
                [Step::Key(key), inner @ ..] if key == "statement" => blocks_towards(inner, ends),
                _ => false,
            };
            in_statement || ends.iter().any(|end| towards(block, end))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path written `text`, its indexes as `.2`.
    fn path(text: &str) -> JsonPath {
        JsonPath(
            text.split('.')
                .filter(|step| !step.is_empty())
                .map(|step| match step.parse() {
                    Ok(index) => Step::Index(index),
                    Err(_) => Step::Key(step.into()),
                })
                .collect(),
        )
    }

    #[test]
    fn a_table_may_be_in_its_number_its_block_and_what_holds_them() {
        let tables = |text: &str| Counted::Tables.may_be_in(&path(text));
        for holds in [
            "answer.blocks.1.table.number",
            "answer.blocks.1.table.caption",
            "answer.blocks.1.table",
            "answer.blocks.1",
            "answer.blocks",
            "answer",
            "enclosures",
            "enclosures.0",
            "enclosures.0.blocks.2.table.number",
            "answer.blocks.0.statement.blocks.3.table.number",
            "answer.blocks.0.statement",
            "",
        ] {
            assert!(tables(holds), "{holds}");
        }
        for holds_none in [
            "answer.blocks.1.table.panels.0.rows.0.cells.1",
            "answer.blocks.1.paragraph",
            "answer.blocks.0.statement.introduction",
            "enclosures.0.title",
            "question.number",
            "date",
        ] {
            assert!(!tables(holds_none), "{holds_none}");
        }
    }

    #[test]
    fn enclosures_footnotes_and_references_may_be_in_what_holds_them() {
        assert!(Counted::Enclosures.may_be_in(&path("enclosures")));
        assert!(Counted::Enclosures.may_be_in(&path("enclosures.1")));
        assert!(!Counted::Enclosures.may_be_in(&path("enclosures.1.title")));
        assert!(Counted::Footnotes.may_be_in(&path("footnotes.kilde")));
        assert!(!Counted::Footnotes.may_be_in(&path("answer.blocks.0")));
        let references = |text: &str| Counted::References.may_be_in(&path(text));
        assert!(references("answer.blocks.0.paragraph"));
        assert!(references("answer.blocks.0.list.2"));
        assert!(references("enclosures.0.blocks.1.table.notes.0"));
        assert!(references("question.text") && references("further_questions.1.text"));
        assert!(!references("answer.blocks.1.table.number"));
        assert!(!references("question.number"));
    }
}
