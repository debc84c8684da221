//! Characters svar cannot print: those no built-in font has a glyph for, and private-use
//! characters, which mean whatever the font that drew them wanted.
//!
//! Typst sets a character in the first font that has it, falling back from the document's font
//! to any built-in one; a character none of them has is refused under PDF/A and PDF/UA (with an
//! English message about the generated source) or printed as an empty box without them. The
//! check names the character in the answer file instead.
//!
//! Also characters that print nothing yet go into the PDF's text ([`crate::invisible`]), and
//! the marks of text direction, which can print the text around them in another order than
//! the file has it.

use std::sync::OnceLock;

use super::{Focus, Problem};
use crate::json_path::JsonPath;

/// Reports every character of `text` (once each) that cannot be printed, and the invisible
/// characters and marks of direction that print nothing yet go into the PDF's text.
pub(super) fn check_glyphs(text: &str, path: &JsonPath, problems: &mut Vec<Problem>) {
    // Nearly all text is ASCII, which the body font has; this keeps the check free for it.
    if text.is_ascii() {
        return;
    }
    let coverage = coverage();
    let mut reported: Vec<char> = Vec::new();
    // Invisible characters often come as a run spelling out a text: one warning says it.
    let mut invisible_told = false;
    let mut base = ' ';
    let mut before = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // Each character's kind is looked up once: Danish text has a non-ASCII letter in
        // nearly every line, and these lookups are most of what the check costs.
        let special = !c.is_ascii() && is_printed_specially(c);
        let mark = !c.is_ascii() && !special && is_combining_mark(c);
        let invisible = (!c.is_ascii())
            .then(|| crate::invisible::name(c))
            .flatten()
            .filter(|_| !crate::invisible::shapes_letters(before, c, chars.peek().copied()));
        let problem = if c.is_ascii() {
            None
        } else if crate::escape::is_bidi_control(c) {
            Some(direction_control(c, text, path))
        } else if is_private_use(c) {
            Some(private_use(c, path))
        } else if c == char::REPLACEMENT_CHARACTER {
            Some(lost_character(path))
        } else if let Some(name) = invisible {
            (!invisible_told).then(|| hidden(c, name, text, path))
        } else if special {
            None
        } else if !coverage.contains(c) {
            Some(missing_glyph(c, path))
        } else if mark && !one_font_has(base, c) {
            Some(missing_combination(base, c, path))
        } else {
            None
        };
        if !mark && !special {
            base = c;
        }
        before = Some(c);
        if let Some(problem) = problem
            && !reported.contains(&c)
        {
            invisible_told |= invisible.is_some();
            reported.push(c);
            problems.push(problem.at(Focus::Character(c)));
        }
    }
}

/// Whether `text` has a zero-width space inside a word, the invisible character that also
/// changes the page: Typst may end a line at it, without a hyphen ("menneske" / "handel").
fn breaks_a_word(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(3).any(|three| {
        three[1] == '\u{200B}' && three[0].is_alphanumeric() && three[2].is_alphanumeric()
    })
}

/// The warning for the invisible characters of a text ([`crate::invisible`]), at the first:
/// named by code point and Danish name, since a clerk cannot see which it is.
fn hidden(c: char, name: &str, text: &str, path: &JsonPath) -> Problem {
    let breaks = if breaks_a_word(text) {
        "; et usynligt mellemrum lader desuden linjen knække inde i et ord uden bindestreg"
    } else {
        ""
    };
    Problem::warning(
        path.clone(),
        format!(
            "teksten har usynlige tegn (først U+{:04X}, {name}), som ikke ses på siden, men \
             kommer med i PDF'ens tekst, som skærmlæsere og søgning læser{breaks}",
            u32::from(c)
        ),
        Some("slet tegnene; de kommer som regel med ved kopiering fra et andet program".into()),
    )
}

/// Combining marks, drawn over or around the character before them. Typst sets a letter and its
/// marks in one font, and only looks for another font by the letter: in practice the body
/// font (which has every letter) must have the mark.
fn is_combining_mark(c: char) -> bool {
    use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
    c.general_category_group() == GeneralCategoryGroup::Mark
}

/// The family of the body text in the built-in `style.typ`.
const BODY_FAMILY: &str = "Libertinus Serif";

/// Whether the font `base` is set in has the mark `mark`: the body font for the letters it
/// has, else any font with both.
fn one_font_has(base: char, mark: char) -> bool {
    let book = crate::fonts::builtin().book();
    let fonts = || (0..).map_while(|index| book.info(index));
    let body = |info: &&typst::text::FontInfo| info.family == BODY_FAMILY;
    if fonts()
        .filter(body)
        .any(|info| info.coverage.contains(base as u32))
    {
        fonts()
            .filter(body)
            .any(|info| info.coverage.contains(mark as u32))
    } else {
        fonts()
            .any(|info| info.coverage.contains(base as u32) && info.coverage.contains(mark as u32))
    }
}

/// A control character other than a line break or tab (U+0000 and the like), which Typst
/// drops: a warning at the first, which came along with text copied from another program.
pub(super) fn check_control_characters(text: &str, path: &JsonPath, problems: &mut Vec<Problem>) {
    let Some(control) = text.chars().find(|c| c.is_control() && !c.is_whitespace()) else {
        return;
    };
    problems.push(
        Problem::warning(
            path.clone(),
            format!(
                "teksten har styretegnet U+{:04X}, som ikke sættes",
                u32::from(control)
            ),
            Some(
                "slet det; det er usynligt og kommer som regel med ved kopiering fra et andet \
                 program"
                    .into(),
            ),
        )
        .at(Focus::Character(control)),
    );
}

/// The left-to-right mark, which Outlook adds to text: invisible, and in text of left-to-right
/// letters only (every Danish text) it changes nothing, since everything around it already
/// runs left to right.
const LEFT_TO_RIGHT_MARK: char = '\u{200E}';

/// A mark of direction: a warning for a left-to-right mark in text without right-to-left
/// letters, where it changes nothing; else an error, since it can show the characters around
/// it in another order than they have in the file (a right-to-left mark before "12 34" in a
/// Danish sentence prints "34 12").
fn direction_control(c: char, text: &str, path: &JsonPath) -> Problem {
    if c == LEFT_TO_RIGHT_MARK && !has_right_to_left(text) {
        return Problem::warning(
            path.clone(),
            format!(
                "teksten har et usynligt retningstegn (U+{:04X}), som ikke ændrer noget i tekst, \
                 der læses fra venstre mod højre, men kommer med i PDF'ens tekst, som \
                 skærmlæsere og søgning læser",
                u32::from(c)
            ),
            Some(
                "slet det; det kommer som regel med ved kopiering fra Outlook eller et andet \
                 program"
                    .into(),
            ),
        );
    }
    Problem::error(
        path.clone(),
        format!(
            "tegnet {} er et usynligt retningstegn, som kan få PDF'en til at vise teksten \
             omkring det i en anden rækkefølge, end den står i svarfilen",
            describe(c)
        ),
        Some("slet tegnet; det er usynligt og kommer som regel med ved kopiering".into()),
    )
}

/// Whether `text` has a character that runs right to left (a Hebrew or Arabic letter, an
/// Arabic digit), next to which a mark of direction can change the order.
fn has_right_to_left(text: &str) -> bool {
    use unicode_bidi::BidiClass::{AL, AN, R};
    text.chars()
        .any(|c| matches!(unicode_bidi::bidi_class(c), R | AL | AN))
}

fn missing_combination(base: char, mark: char, path: &JsonPath) -> Problem {
    Problem::error(
        path.clone(),
        format!(
            "tegnet {} kan ikke sættes over \"{base}\": ingen af svars skrifttyper har begge",
            describe(mark)
        ),
        Some("skriv tegnet uden det kombinerende tegn, eller skriv det ud med ord".into()),
    )
}

/// Characters that need no glyph: spaces and line breaks, which Typst sets as space; control
/// characters, which svar drops; and default-ignorable ones such as the soft hyphen and the
/// zero-width space and joiner, which Typst handles without a glyph (as it does when it picks a
/// fallback font).
fn is_printed_specially(c: char) -> bool {
    c.is_whitespace() || c.is_control() || typst::text::is_default_ignorable(c)
}

/// Unicode's private-use areas: code points with no agreed meaning, typically left by symbol
/// fonts in word processors; a built-in font that happens to have one draws something else.
fn is_private_use(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD)
}

fn missing_glyph(c: char, path: &JsonPath) -> Problem {
    Problem::error(
        path.clone(),
        format!(
            "tegnet {} findes ikke i svars skrifttyper og kan ikke sættes",
            describe(c)
        ),
        Some(
            "erstat tegnet med et, der kan sættes, eller skriv det ud med ord (fx \"smiley\")"
                .into(),
        ),
    )
}

fn private_use(c: char, path: &JsonPath) -> Problem {
    Problem::error(
        path.clone(),
        format!(
            "tegnet {} er et privat tegn uden fast betydning og kan ikke sættes",
            describe(c)
        ),
        Some(
            "det stammer som regel fra en symbolskrifttype i Word (fx Symbol eller Wingdings); \
             erstat det med det tegn, der menes"
                .into(),
        ),
    )
}

/// U+FFFD, which stands where a character was lost: in a file not saved as UTF-8, or in text
/// that passed through one. Refused however it came (also as the escape `\ufffd`), since the
/// PDF's attached answer could not be read back by `svar diff` otherwise.
fn lost_character(path: &JsonPath) -> Problem {
    Problem::error(
        path.clone(),
        "tegnet \"�\" (U+FFFD) står, hvor et tegn er gået tabt",
        Some(
            "skriv det rigtige tegn i stedet; teksten er måske kopieret fra en fil, der ikke var \
             gemt som UTF-8"
                .into(),
        ),
    )
}

/// The character as a clerk can find it: itself in quotes and its code point, or the code
/// point alone for a character that shows nothing.
fn describe(c: char) -> String {
    let code = format!("U+{:04X}", c as u32);
    if is_private_use(c)
        || c.is_control()
        || crate::escape::is_bidi_control(c)
        || is_combining_mark(c)
    {
        code
    } else {
        format!("\"{c}\" ({code})")
    }
}

/// The code points some built-in font has a glyph for, one bit each.
struct Coverage {
    bits: Vec<u64>,
}

impl Coverage {
    fn contains(&self, c: char) -> bool {
        let code = c as usize;
        self.bits
            .get(code / 64)
            .is_some_and(|word| word & (1 << (code % 64)) != 0)
    }
}

/// The union of the built-in fonts' coverage, gathered once: looking each character up in
/// every font would scan each font's table again.
fn coverage() -> &'static Coverage {
    static COVERAGE: OnceLock<Coverage> = OnceLock::new();
    COVERAGE.get_or_init(|| {
        let book = crate::fonts::builtin().book();
        let mut bits: Vec<u64> = Vec::new();
        let infos = (0..).map_while(|index| book.info(index));
        for code in infos.flat_map(|info| info.coverage.iter()) {
            let word = code as usize / 64;
            if word >= bits.len() {
                bits.resize(word + 1, 0);
            }
            bits[word] |= 1 << (code % 64);
        }
        Coverage { bits }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        let mut problems = Vec::new();
        check_glyphs(text, &JsonPath::root().key("paragraph"), &mut problems);
        problems
            .into_iter()
            .map(|problem| problem.message)
            .collect()
    }

    #[test]
    fn danish_and_typographic_characters_can_be_set() {
        let text = "æøåÆØÅ é ü § ½ € – — … ” ’ « » • ≥ ≤ × ÷ ° ± ² ³ ¼ ‰ \u{a0}1 \u{2212}2 → ✓";
        assert!(messages(text).is_empty(), "{:?}", messages(text));
    }

    #[test]
    fn spaces_breaks_and_soft_hyphens_need_no_glyph() {
        let text = "a\nb\tc\r\u{ad}d\u{feff}i\u{202f}j\u{7}k\u{2713}\u{fe0e}";
        assert!(messages(text).is_empty(), "{:?}", messages(text));
    }

    #[test]
    fn invisible_characters_are_told_once_at_the_first_by_name() {
        assert_eq!(
            messages("Sager\u{2060}om\u{200d}menneskehandel og\u{2062}mere\u{200c}."),
            [
                "teksten har usynlige tegn (først U+2060, ordsamler), som ikke ses på siden, men \
                 kommer med i PDF'ens tekst, som skærmlæsere og søgning læser"
            ]
        );
        // A zero-width space anywhere also lets a line break inside a word.
        assert_eq!(
            messages("Mærke\u{e0041} og menneske\u{200b}handel"),
            [
                "teksten har usynlige tegn (først U+E0041, mærketegn), som ikke ses på siden, men \
                 kommer med i PDF'ens tekst, som skærmlæsere og søgning læser; et usynligt \
                 mellemrum lader desuden linjen knække inde i et ord uden bindestreg"
            ]
        );
        // One outside a word breaks none.
        assert!(!messages("Svar.\u{200b} Slut")[0].contains("knække"));
    }

    #[test]
    fn a_joiner_shaping_the_letters_of_a_persian_word_is_not_told() {
        assert!(
            messages("Navnet \u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}").is_empty()
        );
        assert_eq!(messages("ord\u{200d}led").len(), 1);
    }

    #[test]
    fn a_left_to_right_mark_is_only_warned_about_in_left_to_right_text() {
        assert_eq!(
            messages("Modtaget den 3. marts 2025.\u{200e}"),
            [
                "teksten har et usynligt retningstegn (U+200E), som ikke ændrer noget i tekst, der \
                 læses fra venstre mod højre, men kommer med i PDF'ens tekst, som skærmlæsere og \
                 søgning læser"
            ]
        );
        // Next to right-to-left letters it can move what stands between them.
        assert_eq!(
            messages("Navnet \u{645}\u{62d}\u{645}\u{62f}\u{200e} - 12"),
            [
                "tegnet U+200E er et usynligt retningstegn, som kan få PDF'en til at vise teksten \
                 omkring det i en anden rækkefølge, end den står i svarfilen"
            ]
        );
    }

    #[test]
    fn names_each_missing_character_once() {
        assert_eq!(
            messages("Svar 王 😀 her 王."),
            [
                "tegnet \"王\" (U+738B) findes ikke i svars skrifttyper og kan ikke sættes",
                "tegnet \"😀\" (U+1F600) findes ikke i svars skrifttyper og kan ikke sættes",
            ]
        );
    }

    #[test]
    fn direction_controls_and_marks_no_font_sets_with_their_letter_are_refused() {
        for control in ['\u{202e}', '\u{200f}', '\u{61c}', '\u{2067}'] {
            assert_eq!(
                messages(&format!("Sag nr. {control}12 34")),
                [format!(
                    "tegnet U+{:04X} er et usynligt retningstegn, som kan få PDF'en til at vise \
                     teksten omkring det i en anden rækkefølge, end den står i svarfilen",
                    control as u32
                )]
            );
        }
        assert_eq!(
            messages("e\u{20dd} og 1\u{fe0f}\u{20e3}"),
            [
                "tegnet U+20DD kan ikke sættes over \"e\": ingen af svars skrifttyper har begge",
                "tegnet U+20E3 kan ikke sættes over \"1\": ingen af svars skrifttyper har begge",
            ]
        );
        assert_eq!(
            messages("a\u{489}"),
            ["tegnet U+0489 kan ikke sættes over \"a\": ingen af svars skrifttyper har begge"]
        );
        assert!(messages("e\u{301} o\u{307} =\u{338}").is_empty());
    }

    #[test]
    fn a_lost_character_is_refused_however_it_was_written() {
        assert_eq!(
            messages("Spørgsm\u{fffd}l"),
            ["tegnet \"�\" (U+FFFD) står, hvor et tegn er gået tabt"]
        );
    }

    #[test]
    fn private_use_characters_are_refused_even_where_a_font_has_them() {
        assert_eq!(
            messages("x\u{e000}"),
            ["tegnet U+E000 er et privat tegn uden fast betydning og kan ikke sættes"]
        );
    }
}
