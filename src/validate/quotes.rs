//! Quotation marks a Danish answer does not use.
//!
//! Danish answers quote in ”…” (LAYOUTS.md); straight quotes and the English and German marks
//! print as ” (see `escape`), since they can only have been meant so. Guillemets cannot be
//! mended that way: »…«, pointing inwards, is a Danish style of its own, which a ministry may
//! choose, while «…», pointing outwards as in French and Norwegian, is no Danish style; which
//! Danish marks were meant is the clerk's choice, so it is a warning.

use super::{Focus, Problem};
use crate::input::diagnostic::JsonPath;

/// Warns about the first «…» in `text`, at its opening «.
pub(super) fn check_quotation_marks(text: &str, path: &JsonPath, problems: &mut Vec<Problem>) {
    let Some(at) = outward_opening(text) else {
        return;
    };
    problems.push(
        Problem::warning(
            path.clone(),
            "anførselstegnene «…» bruges ikke på dansk",
            Some(
                "skriv ”…” eller \"…\", som sættes som ”…”; »…« med spidserne indad er også dansk"
                    .into(),
            ),
        )
        .at(Focus::Part(at..at + '«'.len_utf8())),
    );
}

/// Where the first « that opens a quotation stands (in bytes): at the start of the text or
/// after a space, a dash or an opening bracket, with a » after it to close. In Danish »…« the
/// « closes, straight after the quoted word, so `»ja« og »nej«` has none.
fn outward_opening(text: &str) -> Option<usize> {
    text.char_indices()
        .filter(|(_, c)| *c == '«')
        .map(|(at, _)| at)
        .find(|&at| {
            let before = text[..at].chars().next_back();
            let opens = before.is_none_or(|c| c.is_whitespace() || "([{/–—".contains(c));
            opens && text[at..].contains('»')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outward_guillemets_are_found_and_inward_ones_are_not() {
        assert_eq!(outward_opening("«franske»"), Some(0));
        assert_eq!(outward_opening("og «franske»"), Some(3));
        assert_eq!(outward_opening("(«citat»)"), Some(1));
        // French sets spaces inside the marks.
        assert_eq!(outward_opening("« citat »"), Some(0));
        assert_eq!(outward_opening("«\u{a0}citat\u{a0}»"), Some(0));
        // A mark that quotes nothing is no quotation.
        assert_eq!(outward_opening("tasten «"), None);
        assert_eq!(outward_opening("»ja« og »nej«"), None);
        assert_eq!(outward_opening("»ja« «nej»"), Some("»ja« ".len()));
        assert_eq!(outward_opening("ingen"), None);
    }

    #[test]
    fn the_warning_points_at_the_opening_mark() {
        let mut problems = Vec::new();
        let path = JsonPath::root().key("paragraph");
        check_quotation_marks("Se »ja« og «nej».", &path, &mut problems);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].message,
            "anførselstegnene «…» bruges ikke på dansk"
        );
        let at = "Se »ja« og ".len();
        assert_eq!(problems[0].focus, Some(Focus::Part(at..at + 2)));
        problems.clear();
        check_quotation_marks("Se »ja« og »nej«.", &path, &mut problems);
        assert_eq!(problems, []);
    }
}
