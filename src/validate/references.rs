//! References by number: every enclosure is referred to, and the text refers to no enclosure,
//! and no table or figure, that is not there.

use super::{Counted, Problem};
use crate::json_path::JsonPath;
use crate::model::{Answer, Block};

/// Every enclosure is referred to ("jf. bilag 2"), and the text refers to no enclosure that
/// is not there.
pub(super) fn check_enclosure_references(
    answer: &Answer,
    prose: &[(JsonPath, &str)],
    problems: &mut Vec<Problem>,
) {
    let count = answer.enclosures.len();
    let mut mentioned = vec![false; count];
    for (path, text) in prose {
        // An enclosure naming itself ("Bilag 1 viser …") does not refer the reader to it.
        let inside = enclosure_of(path);
        // One finding per missing enclosure a text names, at its first mention.
        let mut warned = Vec::new();
        for (number, at) in located_enclosure_mentions(text) {
            match mentioned.get_mut(number.wrapping_sub(1)) {
                Some(_) if inside == Some(number - 1) => {}
                Some(seen) => *seen = true,
                None if warned.contains(&number) => {}
                None => {
                    warned.push(number);
                    let warning = Problem::warning(
                        path.clone(),
                        format!(
                            "teksten henviser til bilag {number}, men svaret har {}",
                            enclosure_count(count)
                        ),
                        Some("tilføj bilaget under \"enclosures\", eller ret henvisningen".into()),
                    );
                    problems.push(warning.at_part(at).counting(Counted::Enclosures));
                }
            }
        }
    }
    for (index, seen) in mentioned.iter().enumerate() {
        if !seen {
            let warning = Problem::warning(
                JsonPath::root().key("enclosures").index(index),
                format!("bilag {} nævnes ikke i svaret", index + 1),
                Some(format!(
                    "henvis til det i teksten, fx \"jf. bilag {}\"",
                    index + 1
                )),
            );
            problems.push(warning.counting(Counted::References));
        }
    }
}

/// What a text refers to by number: tables ("tabel 2") or figures ("figur 2").
struct Referred {
    /// The noun before the number, as a mention is read: "tabel".
    noun: &'static str,
    /// The endings of its plural forms ("tabellerne", "tabellen" is no reference).
    plurals: &'static [&'static str],
    /// Its definite genitive, for the hint: "tabellens".
    genitive: &'static str,
    /// "ingen nummererede tabeller", for an answer without any.
    none: &'static str,
    /// The number of a block of this kind, if it is one and has one.
    number: fn(&Block) -> Option<u32>,
    /// What a finding about a reference counts.
    counted: Counted,
}

/// Tables, as a text refers to them.
const TABLES: Referred = Referred {
    noun: "tabel",
    plurals: &["lerne", "len"],
    genitive: "tabellens",
    none: "ingen nummererede tabeller",
    number: |block| match block {
        Block::Table(table) => table.number,
        _ => None,
    },
    counted: Counted::Tables,
};

/// Figures, as a text refers to them.
const FIGURES: Referred = Referred {
    noun: "figur",
    plurals: &["erne", "er", "en"],
    genitive: "figurens",
    none: "ingen nummererede figurer",
    number: |block| match block {
        Block::Figure(figure) => figure.number,
        _ => None,
    },
    counted: Counted::Figures,
};

/// The text refers to no table that is not there ("fremgår af tabel 3" where a table was
/// removed and the others renumbered). Only what reads as the answer's own table counts: not
/// another document's ("rapportens tabel 3", "Danmarks Statistik, tabel 3", "tabel 3 i
/// rapporten", "tabel 3 på side 12", "tabel 3 til bekendtgørelsens bilag 2", a table in an
/// enclosure sent as a file of its own), nor a sub-numbered "tabel 3.1", nor the tables a
/// correction names, the earlier answer's.
pub(super) fn check_table_references(
    answer: &Answer,
    prose: &[(JsonPath, &str)],
    problems: &mut Vec<Problem>,
) {
    check_references(answer, prose, &TABLES, problems);
}

/// The text refers to no figure that is not there ("figur 2"), as
/// [`check_table_references`] tells it of tables.
pub(super) fn check_figure_references(
    answer: &Answer,
    prose: &[(JsonPath, &str)],
    problems: &mut Vec<Problem>,
) {
    check_references(answer, prose, &FIGURES, problems);
}

/// The texts refer to no table or figure (`kind`) that the answer does not have.
fn check_references(
    answer: &Answer,
    prose: &[(JsonPath, &str)],
    kind: &Referred,
    problems: &mut Vec<Problem>,
) {
    if answer.status == crate::model::Status::Correction {
        return;
    }
    let (numbers, has) = numbers(answer, kind);
    for (path, text) in prose {
        let mentioned = mentions(text, kind.noun, kind.plurals).into_iter();
        // One finding per missing table a text names, at its first mention.
        let mut warned = Vec::new();
        for mention in mentioned.filter(|mention| is_own_table(mention, answer)) {
            for &number in mention.numbers.iter().filter(|n| !numbers.contains(n)) {
                if warned.contains(&number) {
                    continue;
                }
                warned.push(number);
                let warning = Problem::warning(
                    path.clone(),
                    format!(
                        "teksten henviser til {} {number}, men svaret har {has}",
                        kind.noun
                    ),
                    Some(format!(
                        "ret henvisningen til {} nummer, eller fjern den",
                        kind.genitive
                    )),
                );
                problems.push(warning.at_part(mention.at.clone()).counting(kind.counted));
            }
        }
    }
}

/// The numbers of the answer's tables (or figures, by `kind`), and what it has as a sentence
/// says it: "kun tabel 1", "tabel 1 og 2", "ingen nummererede tabeller".
fn numbers(answer: &Answer, kind: &Referred) -> (Vec<usize>, String) {
    let mut numbers = Vec::new();
    super::walk_answer(answer, &mut |block, _| {
        numbers.extend((kind.number)(block).map(|number| number as usize));
    });
    numbers.sort_unstable();
    numbers.dedup();
    let listed: Vec<String> = numbers.iter().map(ToString::to_string).collect();
    let listed: Vec<&str> = listed.iter().map(String::as_str).collect();
    let has = match listed.as_slice() {
        [] => kind.none.to_string(),
        [only] => format!("kun {} {only}", kind.noun),
        _ => format!("{} {}", kind.noun, crate::danish::and_list(&listed)),
    };
    (numbers, has)
}

/// Whether a mention of a table (or figure) reads as one of the answer's own (see
/// [`check_table_references`]).
fn is_own_table(mention: &Mention, answer: &Answer) -> bool {
    // "Danmarks Statistik, tabel 3": a source before it.
    if mention.is_elsewhere() || mention.before.trim_end().ends_with(',') {
        return false;
    }
    // "tabel 3 i bilag 2" is the answer's only if bilag 2 is set in the answer.
    let set = |number: usize| {
        (answer.enclosures.get(number.wrapping_sub(1))).is_some_and(|e| !e.separate_file)
    };
    match mention.after.trim_start().strip_prefix("i ") {
        Some(rest) => enclosure_mentions(rest)
            .first()
            .is_some_and(|&number| set(number)),
        None => true,
    }
}

/// How many enclosures an answer has, as a sentence says it: "ingen bilag", "1 bilag".
fn enclosure_count(count: usize) -> String {
    match count {
        0 => "ingen bilag".into(),
        _ => format!("{count} bilag"),
    }
}

/// The enclosure (from 0) a text at `path` belongs to, if it is in one.
pub(super) fn enclosure_of(path: &JsonPath) -> Option<usize> {
    use crate::json_path::Step;
    match path.0.as_slice() {
        [Step::Key(key), Step::Index(index), ..] if key == "enclosures" => Some(*index),
        _ => None,
    }
}

/// The numbers of the enclosures a text mentions: "bilag 1", "Bilag 2", "bilag 1 og 2",
/// "bilagene 1 og 2", "bilag 1-3", with any kind of space (a no-break space too); not another
/// document's ("bekendtgørelsens bilag 2").
pub(super) fn enclosure_mentions(text: &str) -> Vec<usize> {
    (located_enclosure_mentions(text).into_iter())
        .map(|(number, _)| number)
        .collect()
}

/// The enclosure numbers a text mentions, as [`enclosure_mentions`], each with where its
/// mention ("bilag 1 og 2") stands in the text, so that a finding points at it.
fn located_enclosure_mentions(text: &str) -> Vec<(usize, Option<std::ops::Range<usize>>)> {
    (mentions(text, "bilag", &["ene"]).into_iter())
        .filter(|mention| !mention.is_elsewhere())
        .flat_map(|mention| {
            let at = mention.at;
            mention
                .numbers
                .into_iter()
                .map(move |number| (number, at.clone()))
        })
        .collect()
}

/// Numbers a text mentions after a noun ("tabel 1 og 2"), with the text around them, lower-cased.
pub(super) struct Mention {
    /// The numbers, a range as each number in it.
    pub numbers: Vec<usize>,
    /// The end of the text before the noun: its last word and what follows it.
    pub before: String,
    /// The start of the text after the last number: its first few words.
    pub after: String,
    /// Where the noun and its numbers stand in the text, where lowering its case kept every
    /// character's place (it does for Danish text); none where it did not.
    pub at: Option<std::ops::Range<usize>>,
}

impl Mention {
    /// Whether the mention names another document's enclosure or table: by a genitive or a
    /// document's reference before it ("bekendtgørelsens bilag 2", "Alm. del - bilag 45"), a
    /// number within its numbers ("bilag 2.1", "tabel 3,1"), or by where the words after it put
    /// it ("tabel 3 i rapporten", "på side 12", "til bekendtgørelsen", "fra Danmarks
    /// Statistik"). "i bilag 2" after it is an enclosure, left to the caller.
    fn is_elsewhere(&self) -> bool {
        let owned = self.before.trim_end().ends_with(['s', '-', '–']);
        let sub_numbered = self.after.starts_with(['.', ','])
            && self.after[1..].starts_with(|c: char| c.is_ascii_digit());
        let mut words = self.after.split_whitespace();
        let placed = match words.next() {
            Some("i") => !words.next().is_some_and(|word| word.starts_with("bilag")),
            Some("på" | "fra" | "til") => true,
            _ => false,
        };
        owned || sub_numbered || placed
    }
}

/// The numbers a text mentions after `noun` (ASCII, as "bilag" and "tabel" are), in any case,
/// or after one of its `plurals` endings ("bilagene 1 og 2"): each list of numbers ("1", "1, 2
/// og 4", "2-4") with the text around it, which tells "tabel 3 i rapporten" and "rapportens
/// tabel 3" from the answer's own table 3.
pub(super) fn mentions(text: &str, noun: &str, plurals: &[&str]) -> Vec<Mention> {
    // Lowering the case of every text is most of this check's cost, and most texts name no
    // enclosure or table. The noun is ASCII, and no other character lowers to its letters, so a
    // search that ignores ASCII case finds every text worth lowering.
    let bytes = text.as_bytes();
    if !bytes
        .windows(noun.len())
        .any(|window| window.eq_ignore_ascii_case(noun.as_bytes()))
    {
        return Vec::new();
    }
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    for (at, word) in lower.match_indices(noun) {
        if lower[..at].ends_with(char::is_alphanumeric) {
            continue;
        }
        let rest = &lower[at + word.len()..];
        let rest = (plurals.iter())
            .find_map(|plural| rest.strip_prefix(plural))
            .unwrap_or(rest);
        if !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let (numbers, after) = leading_numbers(rest);
        if !numbers.is_empty() {
            let end = lower.len() - after.len();
            let (before, after) = (word_before(&lower[..at]), words_after(after));
            found.push(Mention {
                numbers,
                before,
                after,
                at: (lower.len() == text.len()).then_some(at..end),
            });
        }
    }
    found
}

/// The last word of `text` and the whitespace after it, as much as tells what stands before a
/// mention; not the whole text, which a paragraph of many mentions would copy once per mention.
fn word_before(text: &str) -> String {
    let trimmed = text.trim_end();
    let start = trimmed.rfind(char::is_whitespace).map_or(0, |at| at + 1);
    text[start..].to_string()
}

/// The first words of `text`, as many as tell where a mention puts its table ("i bilag 2",
/// "på side 12"), and no more, for the same reason as [`word_before`].
fn words_after(text: &str) -> String {
    let end = (text.char_indices())
        .filter(|(_, c)| c.is_whitespace())
        .map(|(at, _)| at)
        .nth(4)
        .unwrap_or(text.len());
    text[..end].to_string()
}

/// The numbers at the start of `text` ("1", "1 og 2", "1, 2 og 3", "1-3" and "1 til 3",
/// ranges) and the text after the last of them.
fn leading_numbers(text: &str) -> (Vec<usize>, &str) {
    let mut numbers: Vec<usize> = Vec::new();
    let mut rest = text.trim_start();
    let mut range_from = None;
    loop {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let Ok(number) = digits.parse::<usize>() else {
            break;
        };
        match range_from.take() {
            Some(from) if from < number && number - from <= 100 => {
                numbers.extend(from + 1..=number)
            }
            _ => numbers.push(number),
        }
        rest = &rest[digits.len()..];
        let after = rest.trim_start();
        let to = |next: &str| next.trim_start().starts_with(|c: char| c.is_ascii_digit());
        if let Some(next) = (after.strip_prefix(['-', '–']))
            .or_else(|| after.strip_prefix("til ").filter(|next| to(next)))
        {
            range_from = Some(number);
            rest = next.trim_start();
        } else if let Some(next) = after.strip_prefix(',').or_else(|| after.strip_prefix("og")) {
            rest = next.trim_start();
        } else {
            break;
        }
    }
    (numbers, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_mentions_read_lists_and_the_text_after_them() {
        let tables = |text: &str| mentions(text, "tabel", &["lerne", "len"]);
        let numbers = |found: Vec<Mention>| -> Vec<usize> {
            found
                .into_iter()
                .flat_map(|mention| mention.numbers)
                .collect()
        };
        assert_eq!(numbers(tables("jf. Tabel 3 nedenfor")), [3]);
        assert_eq!(numbers(tables("tabellerne 1 og 2")), [1, 2]);
        assert_eq!(numbers(tables("Tabel 2 A viser")), [2]);
        assert!(tables("statistiktabel 4, tabellen, tabel A").is_empty());
        assert_eq!(tables("Se tabel 3 i rapporten")[0].after, " i rapporten");
        assert_eq!(tables("Se tabel 3 i rapporten")[0].before, "se ");
        assert_eq!(tables("Jf. rapportens  tabel 3")[0].before, "rapportens  ");
    }

    #[test]
    fn enclosure_mentions_read_lists_ranges_and_any_space() {
        assert_eq!(enclosure_mentions("jf. bilag 1."), [1]);
        assert_eq!(enclosure_mentions("Se Bilag\u{a0}2 og bilag 3"), [2, 3]);
        assert_eq!(enclosure_mentions("bilag 1 og 2"), [1, 2]);
        assert_eq!(enclosure_mentions("bilag 1, 2 og 4"), [1, 2, 4]);
        assert_eq!(enclosure_mentions("bilag 2-4"), [2, 3, 4]);
        assert_eq!(enclosure_mentions("bilag 1–2"), [1, 2]);
        assert_eq!(enclosure_mentions("Se bilagene 1 og 2."), [1, 2]);
        assert_eq!(enclosure_mentions("Bilagene 3-4 viser"), [3, 4]);
        assert!(enclosure_mentions("hovedbilag 1, bilaget, bilag A").is_empty());
        assert_eq!(enclosure_mentions("bilag 1, bilag 2 og bilag 3"), [1, 2, 3]);
        assert_eq!(enclosure_mentions("notatet, bilag 2"), [2]);
        assert_eq!(enclosure_mentions("bilag 1 til 3"), [1, 2, 3]);
        for elsewhere in [
            "bilag 2 til bekendtgørelsen",
            "bilag 3 i rapporten",
            "bilag 2.1",
            "Alm. del - bilag 45",
            "bekendtgørelsens bilag 2",
        ] {
            assert!(enclosure_mentions(elsewhere).is_empty(), "{elsewhere}");
        }
    }

    #[test]
    fn an_answer_without_enclosures_has_none() {
        assert_eq!(enclosure_count(0), "ingen bilag");
        assert_eq!(enclosure_count(2), "2 bilag");
    }
}
