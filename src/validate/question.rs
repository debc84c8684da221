//! The question: its number, letters or series as its kind needs, the session and the committee.

use std::ops::Range;

use super::Problem;
use super::committees::{COMMITTEES, full_name, is_name_of, names_of};
use super::parties::check_party;
use super::quotes::{QuotedEnds, check_own_marks};
use crate::json_path::JsonPath;
use crate::model::{Answer, Committee, Question, QuestionKind};

/// A question's text is printed in quotation marks at both ends.
const BOTH_ENDS: QuotedEnds = QuotedEnds {
    opening: true,
    closing: true,
};

/// Checks the question as a whole: its identifier as its kind needs, its text's own quotation
/// marks, fields only some kinds may have (a bill's title, a consultation's meeting date), the
/// session, the member who asked and the committee. One place for the question, so each rule is
/// checked once whatever the answer's layout.
pub(super) fn check_question(question: &Question, path: &JsonPath, problems: &mut Vec<Problem>) {
    check_identifier(question, path, problems);
    let on_bill =
        question.kind == QuestionKind::Committee && question.series.as_deref().is_some_and(is_bill);
    if question.bill_title.is_some() && !on_bill {
        problems.push(Problem::error(
            path.key("bill_title"),
            "kun et spørgsmål til et lovforslag har lovforslagets titel",
            Some("angiv lovforslaget i \"series\", fx \"L 53\", eller fjern \"bill_title\"".into()),
        ));
    }
    if question.meeting_on.is_some() && question.kind != QuestionKind::Consultation {
        problems.push(Problem::error(
            path.key("meeting_on"),
            "kun et samrådsspørgsmål har en samrådsdato",
            Some("sæt \"kind\": \"consultation\", eller fjern \"meeting_on\"".into()),
        ));
    }
    // A placeholder from `svar new` is reported as such, once, not as a malformed value too.
    if !is_session(&question.session) && !is_placeholder(&question.session) {
        problems.push(Problem::error(
            path.key("session"),
            format!("ukendt folketingsår \"{}\"", question.session),
            Some("skriv fx \"2018-19\" eller \"2022-23 (2. samling)\"".into()),
        ));
    }
    if question.kind == QuestionKind::Section20 && question.asked_by.is_none() {
        problems.push(Problem::error(
            path.key("asked_by"),
            "et § 20-spørgsmål stilles af et medlem, men spørgeren mangler",
            Some(
                "angiv \"asked_by\": {\"name\": \"…\", \"party\": \"…\"}; uden den skriver \
                 svaret, at Folketinget har stillet spørgsmålet"
                    .into(),
            ),
        ));
    }
    if let Some(askers) = &question.asked_by {
        if question.kind == QuestionKind::Section20 && askers.members().len() > 1 {
            problems.push(Problem::error(
                path.key("asked_by"),
                "et § 20-spørgsmål stilles af ét medlem, men her er flere spørgere",
                Some(
                    "skriv det medlem, der har stillet spørgsmålet, som ét objekt: \
                     {\"name\": \"…\", \"party\": \"…\"}"
                        .into(),
                ),
            ));
        }
        for (at, member) in super::askers_at(askers, &path.key("asked_by")) {
            check_party(member, &at, problems);
        }
    }
    match (&question.committee, question.kind) {
        (Some(committee), _) if is_placeholder(&committee.abbreviation) => {}
        (Some(committee), _) => check_committee(committee, &path.key("committee"), problems),
        (None, QuestionKind::Section20) => {}
        (None, _) => problems.push(Problem::error(
            path.key("committee"),
            "udvalget mangler",
            Some("angiv \"committee\": {\"name\": \"Folketingets …udvalg\", \"abbreviation\": \"…\"}".into()),
        )),
    }
}

/// Checks the questions answered together with the first: each has the number (or letters)
/// its kind needs, no two are the same question, and each text's own quotation marks, as the
/// first's. The rest they share with the first, which [`check_question`] checks once.
pub(super) fn check_further_questions(
    answer: &Answer,
    path: &JsonPath,
    problems: &mut Vec<Problem>,
) {
    let questions = answer.questions();
    for (index, question) in questions.iter().enumerate().skip(1) {
        let at = path.index(index - 1);
        check_designation(question, &at, problems);
        let same = |earlier: &Question| {
            (earlier.number, &earlier.letters) == (question.number, &question.letters)
        };
        let (key, what) = match question.letters {
            Some(_) => ("letters", "bogstaverne"),
            None => ("number", "nummeret"),
        };
        if questions[..index].iter().any(same) {
            problems.push(Problem::error(
                at.key(key),
                "spørgsmålet besvares allerede i dette svar",
                Some(format!("ret {what}, eller fjern spørgsmålet")),
            ));
        }
        // A text copied from the question before and not yet replaced by its own.
        if let Some(same_text) = questions[..index]
            .iter()
            .find(|earlier| earlier.text.trim() == question.text.trim())
        {
            let which = match (&same_text.letters, same_text.number) {
                (Some(letters), _) => format!("samrådsspørgsmål {letters}"),
                (None, number) => format!("spørgsmål nr. {}", number.unwrap_or_default()),
            };
            problems.push(Problem::warning(
                at.key("text"),
                format!("teksten er den samme som i {which}"),
                Some("skriv spørgsmålets egen tekst, som udvalget stillede det".into()),
            ));
        }
        // Named together in the order written: "spørgsmål nr. 15, 17 og 16" reads as a slip.
        let earlier = &questions[index - 1];
        if let (Some(before), Some(letters)) = (&earlier.letters, &question.letters)
            && letters_order(letters) < letters_order(before)
        {
            problems.push(Problem::warning(
                at.key("letters"),
                format!("samrådsspørgsmål {letters} står efter {before}, og svar nævner spørgsmålene i den rækkefølge"),
                Some("sæt spørgsmålene i alfabetisk orden, det første i \"question\"".into()),
            ));
        }
        if let (Some(before), Some(number)) = (earlier.number, question.number)
            && number < before
        {
            problems.push(Problem::warning(
                at.key("number"),
                format!("spørgsmål nr. {number} står efter nr. {before}, og svar nævner spørgsmålene i den rækkefølge"),
                Some("sæt spørgsmålene i nummerorden, det første i \"question\"".into()),
            ));
        }
    }
}

/// Checks that no question's text brings quotation marks of its own, where svar prints the
/// questions in ”…” (unless the ministry's profile sets them as plain text): checked with the
/// letterhead, whose profile says which.
pub(super) fn check_question_marks(answer: &Answer, problems: &mut Vec<Problem>) {
    let letterhead = answer.ministry.letterhead.as_ref();
    if !letterhead.is_none_or(|letterhead| letterhead.quoted_question) {
        return;
    }
    let root = JsonPath::root();
    let further = (0..answer.further_questions.len())
        .map(|index| root.key("further_questions").index(index).key("text"));
    let paths = std::iter::once(root.key("question").key("text")).chain(further);
    for (question, path) in answer.questions().iter().zip(paths) {
        check_own_marks(&question.text, BOTH_ENDS, "spørgsmålet", &path, problems);
    }
}

/// Checks the subheadings of the answer itself that say which question the text under them
/// answers ("Ad spørgsmål nr. 16"): a number (or a samråd's letters) that is not among the
/// questions answered is a heading copied from another answer, or a question left out of
/// `further_questions`. Headings in a statement are the agency's words, and "Ad spørgsmål 1"
/// without "nr." heads a part of the question.
pub(super) fn check_question_headings(
    answer: &Answer,
    headings: &[(JsonPath, &str)],
    problems: &mut Vec<Problem>,
) {
    let by_letters = answer.question.kind == QuestionKind::Consultation;
    let answered = answered_designations(answer, by_letters);
    let kind = if by_letters {
        "samrådsspørgsmål"
    } else {
        "spørgsmål nr."
    };
    let list = |designations: Vec<&str>| crate::danish::and_list(&designations);
    for (path, heading) in headings.iter().filter(|(path, _)| heads_answer_part(path)) {
        let Some(named) = named_questions(heading, by_letters) else {
            continue;
        };
        let unknown: Vec<&(String, Range<usize>)> = (named.iter())
            .filter(|(designation, _)| !answered.contains(designation))
            .collect();
        let Some((_, first)) = unknown.first() else {
            continue;
        };
        let unknown = list(unknown.iter().map(|(name, _)| name.as_str()).collect());
        let answered = list(answered.iter().map(String::as_str).collect());
        problems.push(
            Problem::warning(
                path.clone(),
                format!(
                    "overskriften nævner {kind} {unknown}, men svaret besvarer {kind} {answered}"
                ),
                Some("ret overskriften, eller tilføj spørgsmålet i \"further_questions\"".into()),
            )
            .at(super::Focus::Part(first.clone())),
        );
    }
}

/// Whether the heading at `path` is one of the answer's own blocks (`answer.blocks[i]`), not
/// a statement's or an enclosure's.
fn heads_answer_part(path: &JsonPath) -> bool {
    use crate::json_path::Step::{Index, Key};
    matches!(path.0.as_slice(), [Key(answer), Key(_), Index(_), Key(_)] if answer == "answer")
}

/// The numbers (or a samråd's letters) of the questions the answer answers, each once.
fn answered_designations(answer: &Answer, by_letters: bool) -> Vec<String> {
    let mut answered: Vec<String> = Vec::new();
    for designation in (answer.questions().iter()).filter_map(|q| identifier(q, by_letters)) {
        if !answered.contains(&designation) {
            answered.push(designation);
        }
    }
    answered
}

/// A question's number as a heading writes it ("16"), or a samråd's letters ("B").
fn identifier(question: &Question, by_letters: bool) -> Option<String> {
    match by_letters {
        true => question.letters.clone(),
        false => question.number.map(|number| number.to_string()),
    }
}

/// The questions a heading says it is about, each with where it stands in the heading: the
/// numbers of "Ad spørgsmål nr. 16 og 17" or "Spørgsmål nr. S 960", a range "15–18" (or with a
/// hyphen, "15-18") as each
/// number in it, or the letters of "Ad samrådsspørgsmål A og B". None for another heading, and
/// for "Ad spørgsmål 2", a part of the question.
fn named_questions(heading: &str, by_letters: bool) -> Option<Vec<(String, Range<usize>)>> {
    let mut words = words_at(heading).peekable();
    words.next_if(|(word, _)| *word == "Ad" || *word == "ad");
    let noun = if by_letters {
        "samrådsspørgsmål"
    } else {
        "spørgsmål"
    };
    words
        .next()
        .filter(|(first, _)| first.to_lowercase() == noun)?;
    // A committee's question is named by its number ("nr. 16"); "spørgsmål 1" is a part.
    if words.next_if(|(word, _)| *word == "nr.").is_none() && !by_letters {
        return None;
    }
    let mut named = Vec::new();
    for (word, at) in words {
        // "2. led", "3. spørgsmål": an ordinal after the numbers names a part, not a question.
        if word.ends_with('.') && word[..word.len() - 1].chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        let word = word.trim_end_matches([',', ':']);
        let range = at.start..at.start + word.len();
        let letters = |w: &str| w.len() <= 6 && w.chars().all(|c| c.is_uppercase());
        match word.split_once(['-', '\u{2013}']) {
            _ if word == "og" || (word == "S" && !by_letters) => continue,
            _ if by_letters && letters(word) => named.push((word.to_string(), range)),
            _ if by_letters => break,
            None => match word.parse::<u32>() {
                Ok(number) => named.push((number.to_string(), range)),
                Err(_) => break,
            },
            Some((from, to)) => match (from.parse::<u32>(), to.parse::<u32>()) {
                (Ok(from), Ok(to)) if from <= to && to - from < 1000 => {
                    named.extend((from..=to).map(|number| (number.to_string(), range.clone())));
                }
                _ => break,
            },
        }
    }
    (!named.is_empty()).then_some(named)
}

/// The words of `text` (runs of anything but whitespace), each with its bytes in `text`.
fn words_at(text: &str) -> impl Iterator<Item = (&str, Range<usize>)> {
    text.split_whitespace().map(move |word| {
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        (word, start..start + word.len())
    })
}

/// Whether `text` still holds the placeholder of `svar new`, which has an error of its own.
fn is_placeholder(text: &str) -> bool {
    text.contains(super::PLACEHOLDER)
}

/// The number, letters and series a question needs for its kind, and nothing else.
pub(super) fn check_identifier(question: &Question, path: &JsonPath, problems: &mut Vec<Problem>) {
    check_designation(question, path, problems);
    check_series(question, path, problems);
}

/// Checks that the question has the number, or a consultation question the letters, that
/// tell it from the others of its series.
fn check_designation(question: &Question, path: &JsonPath, problems: &mut Vec<Problem>) {
    let consultation = question.kind == QuestionKind::Consultation;
    match (question.number, consultation) {
        (None, false) => problems.push(Problem::error(
            path.key("number"),
            "spørgsmålsnummeret mangler",
            Some("angiv \"number\", fx 287".into()),
        )),
        (Some(0), false) => problems.push(Problem::error(
            path.key("number"),
            "spørgsmålsnummeret skal være 1 eller større",
            None,
        )),
        (Some(_), true) => problems.push(Problem::error(
            path.key("number"),
            "et samrådsspørgsmål har bogstaver, ikke et nummer",
            Some("fjern \"number\", og angiv \"letters\", fx \"AÆ\"".into()),
        )),
        _ => {}
    }
    match (&question.letters, consultation) {
        (None, true) => problems.push(Problem::error(
            path.key("letters"),
            "samrådsspørgsmålets bogstaver mangler",
            Some("angiv \"letters\", fx \"A\" eller \"AÆ\"".into()),
        )),
        (Some(letters), true) if !is_consultation_letters(letters) => {
            problems.push(Problem::error(
                path.key("letters"),
                format!("\"{letters}\" er ikke et samrådsspørgsmåls bogstaver"),
                Some("skriv ét eller to store bogstaver fra A til Å, fx \"A\" eller \"AÆ\"".into()),
            ))
        }
        (Some(_), false) => problems.push(Problem::error(
            path.key("letters"),
            "kun samrådsspørgsmål har bogstaver",
            Some("sæt \"kind\": \"consultation\", eller fjern \"letters\"".into()),
        )),
        _ => {}
    }
}

/// Checks the series a committee question's number belongs to; other kinds have none.
fn check_series(question: &Question, path: &JsonPath, problems: &mut Vec<Problem>) {
    match (&question.series, question.kind) {
        (Some(series), QuestionKind::Committee)
            if series != crate::model::GENERAL_SERIES && !is_bill(series) =>
        {
            problems.push(Problem::error(
                path.key("series"),
                format!("ukendt række \"{series}\" for et udvalgsspørgsmål"),
                Some("skriv \"Alm. del\" eller et forslag som \"L 58\" eller \"B 12\"".into()),
            ));
        }
        (Some(_), QuestionKind::Section20 | QuestionKind::Consultation) => {
            problems.push(Problem::error(
                path.key("series"),
                "kun udvalgsspørgsmål hører til en række (Alm. del eller et lovforslag)",
                Some("fjern \"series\"".into()),
            ))
        }
        _ => {}
    }
}

/// "A" … "Å", then "AA" … "AÅ" and so on: one or two capital Danish letters.
/// Where consultation letters come in a committee's series: A to Å, then AA to ÅÅ, in the
/// Danish alphabet (Æ, Ø, Å last), not in Unicode's order (Å, Æ, Ø).
fn letters_order(letters: &str) -> (usize, Vec<usize>) {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ";
    let places = letters
        .chars()
        .map(|c| {
            ALPHABET
                .chars()
                .position(|letter| letter == c)
                .unwrap_or(usize::MAX)
        })
        .collect();
    (letters.chars().count(), places)
}

pub(super) fn is_consultation_letters(letters: &str) -> bool {
    let count = letters.chars().count();
    (1..=2).contains(&count)
        && letters
            .chars()
            .all(|c| c.is_ascii_uppercase() || "ÆØÅ".contains(c))
}

/// Checks a committee against the known standing committees: an unknown abbreviation, or a name
/// that is not one of its committee's, is a warning rather than an error, since svar's list of
/// committees can lag behind Folketinget's.
pub(super) fn check_committee(committee: &Committee, path: &JsonPath, problems: &mut Vec<Problem>) {
    match full_name(&committee.abbreviation) {
        None => problems.push(Problem::warning(
            path.key("abbreviation"),
            format!("ukendt udvalgsforkortelse \"{}\"", committee.abbreviation),
            Some(format!("kendte forkortelser: {}", {
                let mut known: Vec<&str> = COMMITTEES.iter().map(|(a, _)| *a).collect();
                known.dedup();
                known.join(", ")
            })),
        )),
        Some(_) if !is_name_of(&committee.abbreviation, &printed_name(&committee.name)) => problems
            .push(Problem::warning(
                path.key("name"),
                names_message(&committee.abbreviation),
                Some(name_hint(committee)),
            )),
        Some(_) => {}
    }
}

/// A committee's name as it prints: spaces around it gone, and each run of spaces inside it,
/// no-break spaces too, one space.
fn printed_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What to do about a committee name that is not its abbreviation's. The name as a letter
/// addresses the committee ("Udlændinge- og Integrationsudvalget", as ft.dk writes it too) is
/// the right committee in another form, which svar makes itself from "Folketingets …"; the
/// name as written is what "spørgsmål nr. 461 (Alm. del) fra …" prints.
fn name_hint(committee: &Committee) -> String {
    // As addressed, in small letters too, and with "Folketingets" before it ("Folketingets
    // Retsudvalget", a blend of the two forms).
    let written = printed_name(&committee.name).to_lowercase();
    let bare = written.strip_prefix("folketingets ").unwrap_or(&written);
    let addressed = names_of(&committee.abbreviation).into_iter().find(|name| {
        crate::danish::definite_committee(name).to_lowercase() == bare
            || name.to_lowercase() == written
    });
    match addressed {
        Some(name) => format!(
            "skriv \"{name}\"; svar skriver selv \"{}\", hvor brevet henvender sig til \
             udvalget",
            crate::danish::definite_committee(name)
        ),
        None => "ret navnet eller forkortelsen, så de passer sammen".into(),
    }
}

/// What an abbreviation's committee is called: 'SUU hedder "Folketingets Sundhedsudvalg"
/// (tidligere "Folketingets Sundheds- og Ældreudvalg")', so a clerk with an older answer sees
/// the name of its time too.
fn names_message(abbreviation: &str) -> String {
    let names: Vec<String> = names_of(abbreviation)
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect();
    match names.split_first() {
        Some((current, [])) => format!("{abbreviation} hedder {current}"),
        Some((current, earlier)) => format!(
            "{abbreviation} hedder {current} (tidligere {})",
            earlier.join(" eller ")
        ),
        None => format!("ukendt udvalgsforkortelse \"{abbreviation}\""),
    }
}

/// "L 58", "B 12", "F 3", "V 1", optionally with a letter ("L 58 A").
pub(super) fn is_bill(series: &str) -> bool {
    let mut parts = series.split(' ');
    let kind_ok = matches!(parts.next(), Some("L" | "B" | "F" | "V"));
    let number_ok = parts
        .next()
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let rest: Vec<&str> = parts.collect();
    let suffix_ok = rest.is_empty() || (rest.len() == 1 && matches!(rest[0], "A" | "B" | "C"));
    kind_ok && number_ok && suffix_ok
}

/// "2018-19" (consecutive years), optionally "(1. samling)" or "(2. samling)" in a year with
/// an election.
pub(super) fn is_session(session: &str) -> bool {
    let (years, rest) = session.split_once(' ').unwrap_or((session, ""));
    let consecutive = years
        .split_once('-')
        .and_then(|(first, second)| {
            let first: u32 = first.parse().ok().filter(|_| first.len() == 4)?;
            let second: u32 = second.parse().ok().filter(|_| second.len() == 2)?;
            Some((first + 1) % 100 == second)
        })
        .unwrap_or(false);
    consecutive && (rest.is_empty() || rest == "(1. samling)" || rest == "(2. samling)")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_committee_written_as_addressed_is_told_its_full_name() {
        let hint = |name: &str, abbreviation: &str| {
            super::name_hint(&crate::model::Committee {
                name: name.into(),
                abbreviation: abbreviation.into(),
            })
        };
        let full = "skriv \"Folketingets Retsudvalg\"; svar skriver selv \"Retsudvalget\", hvor \
                    brevet henvender sig til udvalget";
        for written in ["Retsudvalget", "retsudvalget", "Folketingets Retsudvalget"] {
            assert_eq!(hint(written, "REU"), full, "{written}");
        }
        // Spaces around the name, or two or a no-break one inside it, print as one space, and
        // are no other name.
        for name in [
            "Folketingets Retsudvalg ",
            "Folketingets  Retsudvalg",
            "Folketingets\u{a0}Retsudvalg",
        ] {
            let mut problems = Vec::new();
            let committee = crate::model::Committee {
                name: name.into(),
                abbreviation: "REU".into(),
            };
            let root = crate::json_path::JsonPath::root();
            super::check_committee(&committee, &root, &mut problems);
            assert!(problems.is_empty(), "{name:?}: {problems:?}");
        }
        // Another committee's name: the name or the abbreviation is wrong.
        assert_eq!(
            hint("Retsudvalget", "BEU"),
            "ret navnet eller forkortelsen, så de passer sammen"
        );
    }

    #[test]
    fn a_heading_names_the_questions_it_heads_and_nothing_else() {
        let named = |heading: &str, by_letters: bool| {
            super::named_questions(heading, by_letters).map(|named| {
                (named.into_iter())
                    .map(|(designation, at)| format!("{designation}@{}", &heading[at]))
                    .collect::<Vec<_>>()
            })
        };
        let some = |named: &[&str]| Some(named.iter().map(|n| n.to_string()).collect());
        assert_eq!(
            named("Ad spørgsmål nr. 16 (Alm. del)", false),
            some(&["16@16"])
        );
        assert_eq!(
            named("Spørgsmål nr. S 960 og S 961:", false),
            some(&["960@960", "961@961"])
        );
        assert_eq!(
            named("ad spørgsmål nr. 3-4", false),
            some(&["3@3-4", "4@3-4"])
        );
        // The en dash svar writes its own ranges with (review 33).
        assert_eq!(
            named("Ad spørgsmål nr. 15\u{2013}17", false),
            some(&["15@15\u{2013}17", "16@15\u{2013}17", "17@15\u{2013}17"])
        );
        assert_eq!(named("Ad spørgsmål 2", false), None);
        assert_eq!(
            named("Ad spørgsmål nr. 998, 2. led", false),
            some(&["998@998"])
        );
        assert_eq!(
            named("Ad samrådsspørgsmål AÆ og B", true),
            some(&["AÆ@AÆ", "B@B"])
        );
        assert_eq!(named("Ad spørgsmål om udsendelser", false), None);
        assert_eq!(named("Spørgsmålets baggrund", false), None);
        assert_eq!(named("Ad samrådsspørgsmål A", false), None);
    }

    #[test]
    fn consultation_letters_run_in_the_danish_alphabet_and_then_by_pairs() {
        let ordered = ["A", "B", "Z", "Æ", "Ø", "Å", "AA", "AÆ", "AØ", "AÅ", "BA"];
        for pair in ordered.windows(2) {
            assert!(
                super::letters_order(pair[0]) < super::letters_order(pair[1]),
                "{pair:?}"
            );
        }
    }
}
