//! The template files: built into the binary so svar works from any directory.
//!
//! Two engines read them. Files the template engine renders (`answer.typ`, `blocks.typ`) emit
//! Typst markup; the Typst style file (`style.typ`) is served to the compiler as it is.

use std::collections::BTreeMap;

/// The template the template engine starts from.
pub const ENTRY: &str = "answer.typ";

/// The built-in template files, by name.
const BUILTIN: &[(&str, &str)] = &[
    ("answer.typ", include_str!("../../templates/answer.typ")),
    ("blocks.typ", include_str!("../../templates/blocks.typ")),
    ("style.typ", include_str!("../../templates/style.typ")),
];

/// A set of template files by name: the built-ins, possibly overridden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateSet {
    files: BTreeMap<String, String>,
}

impl TemplateSet {
    /// The templates built into svar.
    pub fn builtin() -> Self {
        Self {
            files: BUILTIN
                .iter()
                .map(|(name, source)| (name.to_string(), source.to_string()))
                .collect(),
        }
    }

    /// This set with the file `name` replaced by (or added as) `source`.
    pub fn with_file(mut self, name: &str, source: &str) -> Self {
        self.files.insert(name.to_string(), source.to_string());
        self
    }

    /// The template files, by name.
    pub fn files(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files
            .iter()
            .map(|(name, source)| (name.as_str(), source.as_str()))
    }

    /// One template file's source.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.files.get(name).map(String::as_str)
    }
}

impl Default for TemplateSet {
    fn default() -> Self {
        Self::builtin()
    }
}
