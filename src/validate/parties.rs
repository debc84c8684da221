//! Folketinget's parties, by the letters an answer prints after the member who asked ("efter
//! ønske fra Line Barfod (EL)").
//!
//! The letters are those ft.dk prints after members' names, the short names of the Folketing's
//! party groups (`gruppenavnkort` in its open data, oda.ft.dk), not the letters on the ballot
//! (A, B, C, O, Ø …). Parties come and go, and a member may change party between the question
//! and the answer, so a party not listed here is a warning, never an error.
//!
//! Where each comes from:
//! - seen in real answers: S (REU 998 2017-18, "Morten Bødskov (S)"), EL (UFO 15 2010-11, "Line
//!   Barfod (EL)"; LAYOUTS.md), DF (UUI 385 2016-17, "Martin Henriksen (DF)"; KUU 223
//!   2016-17, "Morten Marinus (DF)" in LAYOUTS.md), SF (EPI 167 2021-22, "Kirsten Normann
//!   Andersen (SF)", `data/epi-167-2021-22.json`);
//! - the other groups of the Folketing since the 2010s by their ft.dk short names: V, KF (not
//!   "K": that was Danmarks Kommunistiske Parti's ballot letter), RV, LA, ALT, NB, KD, M, DD,
//!   FG, BP, and UFG for a member outside the party groups;
//! - the members elected in Greenland and the Faroe Islands: SIU (Siumut), IA (Inuit
//!   Ataqatigiit), NQ (Nunatta Qitornai), N (Naleraq), JF (Javnaðarflokkurin), SP
//!   (Sambandsflokkurin), T (Tjóðveldi; TF as Tjóðveldisflokkurin before 2007) and FF
//!   (Fólkaflokkurin);
//! - parties of earlier sessions, for old answers: CD (Centrum-Demokraterne), FP
//!   (Fremskridtspartiet), KRF (Kristeligt Folkeparti, KD's name until 2003) and NY (Ny
//!   Alliance, LA's name in 2007-08).
//!
//! Only the first group is confirmed by answers svar has seen; the rest follow ft.dk's open
//! data as far as known here. Where two spellings are in use for one party (FP and FRP,
//! KRF and KrF, NY and Y), both are accepted, since a warning about a right one would teach
//! clerks to ignore the warning.

use super::Problem;
use crate::json_path::JsonPath;
use crate::model::Member;

/// A party's letters as ft.dk prints them, and its name.
pub(super) const PARTIES: &[(&str, &str)] = &[
    ("S", "Socialdemokratiet"),
    ("V", "Venstre"),
    ("DD", "Danmarksdemokraterne"),
    ("SF", "Socialistisk Folkeparti"),
    ("LA", "Liberal Alliance"),
    ("M", "Moderaterne"),
    ("KF", "Det Konservative Folkeparti"),
    ("EL", "Enhedslisten"),
    ("DF", "Dansk Folkeparti"),
    ("RV", "Radikale Venstre"),
    ("ALT", "Alternativet"),
    ("BP", "Borgernes Parti"),
    ("NB", "Nye Borgerlige"),
    ("KD", "Kristendemokraterne"),
    ("FG", "Frie Grønne"),
    ("UFG", "uden for folketingsgrupperne"),
    ("SIU", "Siumut"),
    ("IA", "Inuit Ataqatigiit"),
    ("NQ", "Nunatta Qitornai"),
    ("N", "Naleraq"),
    ("JF", "Javnaðarflokkurin"),
    ("SP", "Sambandsflokkurin"),
    ("T", "Tjóðveldi"),
    ("TF", "Tjóðveldisflokkurin"),
    ("FF", "Fólkaflokkurin"),
    ("CD", "Centrum-Demokraterne"),
    ("FP", "Fremskridtspartiet"),
    ("FRP", "Fremskridtspartiet"),
    ("KRF", "Kristeligt Folkeparti"),
    ("KrF", "Kristeligt Folkeparti"),
    ("NY", "Ny Alliance"),
    ("Y", "Ny Alliance"),
];

/// Warns about a member's party that ft.dk does not print, at `path` (the member), with the
/// known one it was probably meant as (written in small letters or in parentheses), or the
/// list of them.
pub(super) fn check_party(member: &Member, path: &JsonPath, problems: &mut Vec<Problem>) {
    // Spaces around the letters do not print (see `render::wording::member_name`).
    let Some(party) = member.party.as_deref().map(str::trim) else {
        return;
    };
    // An empty text and the placeholder of `svar new` have errors of their own.
    if party.trim().is_empty() || party.contains(super::PLACEHOLDER) || is_known(party) {
        return;
    }
    let (message, hint) = match meant(party) {
        Some(known) if is_name(party) => (
            format!("\"{party}\" er partiets navn; ft.dk skriver partiets forkortelse"),
            format!("skriv \"{known}\""),
        ),
        Some(known) => (
            format!("ukendt partiforkortelse \"{party}\""),
            format!("mente du \"{known}\"?"),
        ),
        None => (
            format!("ukendt partiforkortelse \"{party}\""),
            format!(
                "kendte forkortelser: {}; ret den, eller se bort fra advarslen, hvis partiet er \
                 nyt",
                known_letters().join(", ")
            ),
        ),
    };
    problems.push(Problem::warning(path.key("party"), message, Some(hint)));
}

/// Whether ft.dk prints `party` as it is written.
fn is_known(party: &str) -> bool {
    PARTIES.iter().any(|(known, _)| *known == party)
}

/// Names a party goes by besides the one [`PARTIES`] gives it: an earlier or a popular one.
const OTHER_NAMES: &[(&str, &str)] = &[
    ("RV", "Det Radikale Venstre"),
    ("S", "Socialdemokraterne"),
    ("V", "Venstre, Danmarks Liberale Parti"),
];

/// The known party `party` stands for when written otherwise than ft.dk prints it: in small
/// letters, with spaces or a full stop, in the parentheses the answer puts around it ("(S)"),
/// by its name ("Dansk Folkeparti", "Det Radikale Venstre"), by words only its name has
/// ("Konservative", "Det Konservative"), or by both ("Dansk Folkeparti (DF)", "SF -
/// Socialistisk Folkeparti", "Venstre, Danmarks Liberale Parti").
fn meant(party: &str) -> Option<&'static str> {
    let names = || PARTIES.iter().chain(OTHER_NAMES);
    let parts: Vec<&str> = std::iter::once(party.trim())
        .chain(party.split(['(', ')', '-', '–', ',']))
        .map(|part| part.trim().trim_end_matches('.').trim())
        .filter(|part| !part.is_empty())
        .collect();
    let whole = |part: &&str| {
        let name = part.to_lowercase();
        names().find(|(known, known_name)| {
            let known_name = known_name.to_lowercase();
            known.eq_ignore_ascii_case(part)
                || known_name == name
                || known_name.strip_prefix("det ") == Some(&name)
        })
    };
    // The words of one party's name only ("Konservative"), not those several share
    // ("Folkeparti").
    let words = |part: &&str| {
        let name = part.to_lowercase();
        let own: Vec<&str> = (name.split(' '))
            .filter(|word| word.chars().count() >= 4)
            .collect();
        if own.is_empty() {
            return None;
        }
        let mut having = names().filter(|(_, known_name)| {
            let known_name = known_name.to_lowercase();
            own.iter()
                .all(|word| known_name.split([' ', ',']).any(|known| known == *word))
        });
        let first = having.next()?;
        having.all(|other| other.0 == first.0).then_some(first)
    };
    (parts.iter().find_map(whole))
        .or_else(|| parts.iter().find_map(words))
        .map(|(known, _)| *known)
}

/// Whether `party` is written as a name rather than as letters: with a word of four letters or
/// more ("Venstre", "Dansk Folkeparti").
fn is_name(party: &str) -> bool {
    party
        .split(|c: char| !c.is_alphabetic())
        .any(|word| word.chars().count() >= 4)
}

/// Every party's letters once, in the order of [`PARTIES`].
fn known_letters() -> Vec<&'static str> {
    let mut letters: Vec<&'static str> = Vec::new();
    for (known, _) in PARTIES {
        if !letters
            .iter()
            .any(|letter| letter.eq_ignore_ascii_case(known))
        {
            letters.push(known);
        }
    }
    letters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings(party: Option<&str>) -> Vec<(String, String, Option<String>)> {
        let member = Member {
            name: "Morten Bødskov".into(),
            party: party.map(Into::into),
            non_member: false,
        };
        let mut problems = Vec::new();
        check_party(&member, &JsonPath::root().key("asked_by"), &mut problems);
        problems
            .into_iter()
            .map(|problem| (problem.path.to_string(), problem.message, problem.hint))
            .collect()
    }

    #[test]
    fn the_parties_ft_dk_prints_pass_in_either_spelling() {
        for party in [
            "S", "EL", "DF", "SF", "KF", "UFG", "SIU", "NQ", "FP", "FRP", "NY", "Y",
        ] {
            assert_eq!(warnings(Some(party)), [], "{party}");
        }
        assert_eq!(warnings(None), []);
    }

    #[test]
    fn an_unknown_party_is_a_warning_with_the_known_ones() {
        let found = warnings(Some("XY"));
        assert_eq!(found.len(), 1);
        let (path, message, hint) = &found[0];
        assert_eq!(path, "asked_by.party");
        assert_eq!(message, "ukendt partiforkortelse \"XY\"");
        let hint = hint.as_deref().unwrap();
        assert!(
            hint.starts_with("kendte forkortelser: S, V, DD, SF, LA, M, KF, EL, DF, RV, ALT, "),
            "{hint}"
        );
        assert!(hint.contains(", KRF, NY, Y; ret den"), "{hint}");
    }

    #[test]
    fn a_known_party_written_otherwise_is_named() {
        for (written, meant) in [("el", "EL"), ("(S)", "S"), (" kf ", "KF"), ("DF.", "DF")] {
            let found = warnings(Some(written));
            assert_eq!(
                found[0].2.as_deref(),
                Some(format!("mente du \"{meant}\"?").as_str()),
                "{written}"
            );
        }
        // A party written by its name, or by its name and letters.
        for (written, meant) in [
            ("Dansk Folkeparti", "DF"),
            ("radikale venstre", "RV"),
            ("Venstre", "V"),
            ("Dansk Folkeparti (DF)", "DF"),
            ("SF - Socialistisk Folkeparti", "SF"),
            ("Konservative", "KF"),
            ("Det Konservative", "KF"),
            ("Det Radikale Venstre", "RV"),
            ("Venstre, Danmarks Liberale Parti", "V"),
            ("Socialdemokraterne", "S"),
        ] {
            let found = warnings(Some(written));
            assert_eq!(
                found[0].1,
                format!("\"{written}\" er partiets navn; ft.dk skriver partiets forkortelse")
            );
            assert_eq!(
                found[0].2.as_deref(),
                Some(format!("skriv \"{meant}\"").as_str()),
                "{written}"
            );
        }
        // Spaces around the letters do not print, and are no other party.
        assert!(warnings(Some(" DF ")).is_empty());
        // "Folkeparti" is in four parties' names: none is suggested.
        let found = warnings(Some("Folkeparti"));
        assert!(
            found[0]
                .2
                .as_deref()
                .unwrap()
                .starts_with("kendte forkortelser")
        );
    }

    #[test]
    fn each_party_is_listed_once() {
        let mut letters: Vec<&str> = PARTIES.iter().map(|(letters, _)| *letters).collect();
        letters.sort_unstable();
        let count = letters.len();
        letters.dedup();
        assert_eq!(letters.len(), count);
    }
}
