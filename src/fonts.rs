//! The fonts built into svar. Typst sets the pages with them, and the content checks ask them
//! which characters some font can set and how wide text in the body font is, before anything is
//! typeset; one store for both, so the checks cannot disagree with the compiler.

use std::sync::OnceLock;

use typst_kit::fonts::FontStore;

/// The fonts built into svar, parsed once per process and shared by every compile and check
/// (parsing them is a fixed cost of about a twentieth of a cold render).
pub(crate) fn builtin() -> &'static FontStore {
    static FONTS: OnceLock<FontStore> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut store = FontStore::new();
        store.extend(typst_kit::fonts::embedded());
        store
    })
}

/// The families of the built-in fonts, sorted and listed ("DejaVu Sans Mono, Libertinus
/// Serif, …"), for messages that tell a template's author which fonts there are.
pub(crate) fn family_names() -> String {
    let mut families: Vec<&str> = builtin()
        .book()
        .families()
        .map(|(family, _)| family)
        .collect();
    families.sort_unstable();
    families.join(", ")
}
