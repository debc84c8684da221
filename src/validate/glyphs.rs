//! Characters svar cannot print: those no built-in font has a glyph for, and private-use
//! characters, which mean whatever the font that drew them wanted.
//!
//! Typst sets a character in the first font that has it, falling back from the document's font
//! to any built-in one; a character none of them has is refused under PDF/A and PDF/UA (with an
//! English message about the generated source) or printed as an empty box without them. The
//! check names the character in the answer file instead.

use std::sync::OnceLock;

use super::Problem;
use crate::input::diagnostic::JsonPath;

/// Reports every character of `text` (once each) that cannot be printed.
pub(super) fn check_glyphs(text: &str, path: &JsonPath, problems: &mut Vec<Problem>) {
    // Nearly all text is ASCII, which the body font has; this keeps the check free for it.
    if text.is_ascii() {
        return;
    }
    let coverage = coverage();
    let mut reported: Vec<char> = Vec::new();
    for c in text.chars() {
        // The common case first: a character some font has, and not a private one.
        if c.is_ascii() || (coverage.contains(c) && !is_private_use(c)) {
            continue;
        }
        if is_printed_specially(c) || reported.contains(&c) {
            continue;
        }
        reported.push(c);
        problems.push(if is_private_use(c) {
            private_use(c, path)
        } else {
            missing_glyph(c, path)
        });
    }
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

/// The character as a clerk can find it: itself in quotes and its code point, or the code
/// point alone for a character that shows nothing.
fn describe(c: char) -> String {
    let code = format!("U+{:04X}", c as u32);
    if is_private_use(c) || c.is_control() {
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
        let book = crate::world::builtin_fonts().book();
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
    fn private_use_characters_are_refused_even_where_a_font_has_them() {
        assert_eq!(
            messages("x\u{e000}"),
            ["tegnet U+E000 er et privat tegn uden fast betydning og kan ikke sættes"]
        );
    }
}
