//! Enclosures: every one is referred to, and the text refers to none that is not there.

use super::Problem;
use crate::json_path::JsonPath;
use crate::model::Answer;

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
        for number in enclosure_mentions(text) {
            match mentioned.get_mut(number.wrapping_sub(1)) {
                Some(_) if inside == Some(number - 1) => {}
                Some(seen) => *seen = true,
                None => problems.push(Problem::warning(
                    path.clone(),
                    format!(
                        "teksten henviser til bilag {number}, men svaret har {}",
                        enclosure_count(count)
                    ),
                    Some("tilføj bilaget under \"enclosures\", eller ret henvisningen".into()),
                )),
            }
        }
    }
    for (index, seen) in mentioned.iter().enumerate() {
        if !seen {
            problems.push(Problem::warning(
                JsonPath::root().key("enclosures").index(index),
                format!("bilag {} nævnes ikke i svaret", index + 1),
                Some(format!(
                    "henvis til det i teksten, fx \"jf. bilag {}\"",
                    index + 1
                )),
            ));
        }
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
/// "bilagene 1 og 2", "bilag 1-3", with any kind of space (a no-break space too).
pub(super) fn enclosure_mentions(text: &str) -> Vec<usize> {
    // Lowering the case of every text is most of this check's cost, and most texts name no
    // enclosure. "bilag" is ASCII, and no other character lowers to its letters, so a search
    // that ignores ASCII case finds every text worth lowering.
    let bytes = text.as_bytes();
    if !bytes
        .windows(5)
        .any(|window| window.eq_ignore_ascii_case(b"bilag"))
    {
        return Vec::new();
    }
    let lower = text.to_lowercase();
    let mut numbers = Vec::new();
    for (at, word) in lower.match_indices("bilag") {
        if lower[..at].ends_with(char::is_alphanumeric) {
            continue;
        }
        let rest = &lower[at + word.len()..];
        // "bilagene 1 og 2", the plural, refers as "bilag 1 og 2" does.
        let rest = rest.strip_prefix("ene").unwrap_or(rest);
        if !rest.starts_with(char::is_whitespace) {
            continue;
        }
        numbers.extend(numbers_in(rest));
    }
    numbers
}

/// The numbers at the start of `text`: "1", "1 og 2", "1, 2 og 3", "1-3" (a range).
pub(super) fn numbers_in(text: &str) -> Vec<usize> {
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
        if let Some(next) = after.strip_prefix(['-', '–']) {
            range_from = Some(number);
            rest = next.trim_start();
        } else if let Some(next) = after.strip_prefix(',').or_else(|| after.strip_prefix("og")) {
            rest = next.trim_start();
        } else {
            break;
        }
    }
    numbers
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn an_answer_without_enclosures_has_none() {
        assert_eq!(enclosure_count(0), "ingen bilag");
        assert_eq!(enclosure_count(2), "2 bilag");
    }
}
