//! Characters svar cannot print: those no built-in font has a glyph for, and private-use
//! characters, which mean whatever the font that drew them wanted.
//!
//! Typst sets a character in the first font that has it, falling back from the document's font
//! to any built-in one; a character none of them has is refused under PDF/A and PDF/UA (with an
//! English message about the generated source) or printed as an empty box without them. The
//! check names the character in the answer file instead.

use std::sync::OnceLock;

use super::{Focus, Problem};
use crate::json_path::JsonPath;

/// Reports every character of `text` (once each) that cannot be printed.
pub(super) fn check_glyphs(text: &str, path: &JsonPath, problems: &mut Vec<Problem>) {
    // Nearly all text is ASCII, which the body font has; this keeps the check free for it.
    if text.is_ascii() {
        return;
    }
    let coverage = coverage();
    let mut reported: Vec<char> = Vec::new();
    let mut base = ' ';
    for c in text.chars() {
        // Each character's kind is looked up once: Danish text has a non-ASCII letter in
        // nearly every line, and these lookups are most of what the check costs.
        let special = !c.is_ascii() && is_printed_specially(c);
        let mark = !c.is_ascii() && !special && is_combining_mark(c);
        let problem = if c.is_ascii() {
            None
        } else if crate::escape::is_bidi_control(c) {
            // The PDF would show the text in another order than the answer file has it.
            Some(direction_control(c, path))
        } else if is_private_use(c) {
            Some(private_use(c, path))
        } else if c == char::REPLACEMENT_CHARACTER {
            Some(lost_character(path))
        } else if is_hidden(c) {
            Some(hidden(c, path))
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
        // Hidden characters often come as a run spelling out a text: one warning says it.
        let told =
            reported.contains(&c) || (is_hidden(c) && reported.iter().any(|r| is_hidden(*r)));
        if let Some(problem) = problem
            && !told
        {
            reported.push(c);
            problems.push(problem.at(Focus::Character(c)));
        }
    }
}

/// Characters that print nothing, or a blank, yet go into the PDF's text, which screen readers,
/// search and copying read: tag characters (which can spell out a whole hidden sentence),
/// interlinear annotation marks, the object replacement character, Hangul fillers, the
/// Mongolian vowel separator and invisible mathematical operators. The invisible characters
/// with a typographic purpose (soft hyphen, zero-width space and joiners, variation selectors)
/// are not among them.
fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{E0000}'..='\u{E007F}'
            | '\u{FFF9}'..='\u{FFFC}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{180E}'
            | '\u{2061}'..='\u{2064}'
    )
}

fn hidden(c: char, path: &JsonPath) -> Problem {
    Problem::warning(
        path.clone(),
        format!(
            "teksten har usynlige tegn (først U+{:04X}), som ikke ses på siden, men kommer med i \
             PDF'ens tekst, som skærmlæsere og søgning læser",
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

fn direction_control(c: char, path: &JsonPath) -> Problem {
    Problem::error(
        path.clone(),
        format!(
            "tegnet {} ændrer tekstens retning, så PDF'en ville vise teksten i en anden rækkefølge end svarfilen",
            describe(c)
        ),
        Some("slet tegnet; det er usynligt og kommer som regel med ved kopiering".into()),
    )
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
    fn spaces_breaks_and_invisible_characters_need_no_glyph() {
        let text = "a\nb\tc\r\u{ad}d\u{200b}e\u{200c}f\u{200d}g\u{2060}h\u{feff}i\u{202f}j\u{7}k";
        assert!(messages(text).is_empty(), "{:?}", messages(text));
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
        assert_eq!(
            messages("bidi \u{202e}slut"),
            [
                "tegnet U+202E ændrer tekstens retning, så PDF'en ville vise teksten i en anden rækkefølge end svarfilen"
            ]
        );
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
