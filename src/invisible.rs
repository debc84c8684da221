//! Invisible characters: those that print nothing on the page yet are part of the text, so
//! that they go into the PDF's text layer, which screen readers, search and copying read.
//! Text pasted from Word, an e-mail or a web page brings them along unseen: a search for
//! "Politiindsatsen" does not find "Politi\u{200B}indsatsen".
//!
//! One list, so that `svar check` warns about, `svar diff` names and a redline marks the same
//! characters. They are printed as written, not left out in `escape`: the PDF prints what the
//! answer file says, `svar diff` compares texts by what they print and so names each one typed
//! in or taken out, and a joiner can be meant (README, "Checking answer files").

/// The Danish name of an invisible character that has no use in Danish text, for messages
/// ("usynligt mellemrum"); `None` for any other character. Not among them: the soft hyphen,
/// which marks where a Danish word may be hyphenated; the marks of text direction, which are
/// checked for what they do to the order of the text; U+FEFF, which svar leaves out of the
/// PDF (`escape`); and the variation selectors, which choose how the character before them is
/// drawn.
pub(crate) fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "usynligt mellemrum",
        '\u{200C}' => "usynlig adskiller",
        '\u{200D}' => "usynlig sammenføjer",
        '\u{2060}' => "ordsamler",
        '\u{2061}'..='\u{2064}' => "usynligt regnetegn",
        '\u{E0000}'..='\u{E007F}' => "mærketegn",
        '\u{FFF9}'..='\u{FFFB}' => "annotationstegn",
        '\u{FFFC}' => "objekttegn",
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => "koreansk fyldtegn",
        '\u{180E}' => "mongolsk vokaladskiller",
        c if is_other_ignorable(c) => "usynligt formateringstegn",
        _ => return None,
    })
}

/// Whether `c` is one of the rest of Unicode's default-ignorable characters, which Typst sets
/// as nothing (deprecated format characters, unassigned ones kept for more of them), other
/// than those [`name`] leaves out.
fn is_other_ignorable(c: char) -> bool {
    // None after the soft hyphen (left out) comes before U+034F: Danish letters are decided
    // without a lookup.
    c >= '\u{34F}'
        && typst::text::is_default_ignorable(c)
        && c != '\u{FEFF}'
        && !is_variation_selector(c)
        && !crate::escape::is_bidi_control(c)
}

/// Variation selectors, which choose a form of the character before them (text or emoji,
/// a Mongolian letter's shape).
fn is_variation_selector(c: char) -> bool {
    matches!(
        c,
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{180B}'..='\u{180D}' | '\u{180F}'
    )
}

/// Whether the invisible character `c`, between `before` and `after`, is of use there: a
/// zero-width joiner or non-joiner next to a letter of a script whose letters it shapes
/// (Arabic-script text, where a non-joiner keeps two letters of a Persian word apart, and the
/// scripts of India). In the Latin, Greek and Cyrillic alphabets a joiner does no more than
/// ask for a ligature or keep one from forming.
pub(crate) fn shapes_letters(before: Option<char>, c: char, after: Option<char>) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
        && [before, after]
            .into_iter()
            .flatten()
            .any(is_of_joining_script)
}

/// Whether `c` is a letter or mark of a script other than the Latin, Greek and Cyrillic
/// alphabets (with their phonetic extensions and combining diacritics).
fn is_of_joining_script(c: char) -> bool {
    use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
    let alphabet = matches!(
        c as u32,
        0..=0x052F | 0x1D00..=0x1FFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F
            | 0xFB00..=0xFB06
    );
    !alphabet && (c.is_alphabetic() || c.general_category_group() == GeneralCategoryGroup::Mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_pasted_from_word_and_the_web_have_danish_names() {
        assert_eq!(name('\u{200B}'), Some("usynligt mellemrum"));
        assert_eq!(name('\u{2060}'), Some("ordsamler"));
        assert_eq!(name('\u{200D}'), Some("usynlig sammenføjer"));
        assert_eq!(name('\u{200C}'), Some("usynlig adskiller"));
        assert_eq!(name('\u{2062}'), Some("usynligt regnetegn"));
        assert_eq!(name('\u{E0041}'), Some("mærketegn"));
        assert_eq!(name('\u{034F}'), Some("usynligt formateringstegn"));
        assert_eq!(name('\u{206A}'), Some("usynligt formateringstegn"));
    }

    #[test]
    fn letters_and_characters_with_a_use_in_danish_text_are_not_among_them() {
        for c in [
            'a',
            'æ',
            'ø',
            'å',
            ' ',
            '\u{A0}',
            '\u{AD}',
            '\u{FEFF}',
            '\u{FE0F}',
            '\u{E0100}',
            '\u{200E}',
            '\u{200F}',
            '\u{202E}',
            '\u{2066}',
            '\u{061C}',
            '–',
            '”',
        ] {
            assert_eq!(name(c), None, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn a_joiner_is_of_use_only_next_to_letters_it_shapes() {
        // A Persian word keeps its non-joiner; a Danish one has no use for it.
        assert!(shapes_letters(Some('ی'), '\u{200C}', Some('خ')));
        assert!(shapes_letters(Some('क'), '\u{200D}', None));
        assert!(!shapes_letters(Some('o'), '\u{200D}', Some('m')));
        assert!(!shapes_letters(Some('é'), '\u{200C}', Some('1')));
        assert!(!shapes_letters(None, '\u{200C}', None));
        // Other invisible characters are of no use next to any letter.
        assert!(!shapes_letters(Some('ی'), '\u{200B}', Some('خ')));
    }
}
