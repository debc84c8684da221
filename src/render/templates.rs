//! The template files: built into the binary so svar works from any directory.
//!
//! Two engines read them. Files the template engine renders (`answer.typ`, `blocks.typ`) emit
//! Typst markup; the Typst style file (`style.typ`) is served to the compiler as it is.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use minijinja::Environment;

/// The template the template engine starts from.
pub const ENTRY: &str = "answer.typ";

/// The built-in template files, by name.
const BUILTIN: &[(&str, &str)] = &[
    ("answer.typ", include_str!("../../templates/answer.typ")),
    ("blocks.typ", include_str!("../../templates/blocks.typ")),
    ("style.typ", include_str!("../../templates/style.typ")),
];

/// A set of template files by name: the built-ins, possibly overridden.
///
/// The template engine with these files parsed is built on first use and shared by every
/// clone, so a batch parses its templates once, not once per answer.
#[derive(Clone)]
pub struct TemplateSet {
    files: BTreeMap<String, String>,
    engine: Arc<OnceLock<Environment<'static>>>,
}

impl std::fmt::Debug for TemplateSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TemplateSet")
            .field("files", &self.files.keys())
            .finish()
    }
}

impl PartialEq for TemplateSet {
    fn eq(&self, other: &Self) -> bool {
        self.files == other.files
    }
}

impl Eq for TemplateSet {}

impl TemplateSet {
    /// The templates built into svar.
    pub fn builtin() -> Self {
        Self::from_files(
            BUILTIN
                .iter()
                .map(|(name, source)| (name.to_string(), source.to_string()))
                .collect(),
        )
    }

    fn from_files(files: BTreeMap<String, String>) -> Self {
        Self {
            files,
            engine: Arc::default(),
        }
    }

    /// The built-in templates with every `*.typ` file in `folder` in place of the built-in file
    /// of the same name (or added beside them), the way a theme overrides a book's defaults.
    pub fn overridden_by(folder: &Path) -> Result<Self, TemplateFolderError> {
        let error = |source| TemplateFolderError {
            path: folder.to_path_buf(),
            source,
        };
        let mut set = Self::builtin();
        let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
            .map_err(error)?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.is_file() && path.extension().is_some_and(|e| e == "typ"))
            .collect();
        paths.sort();
        for path in paths {
            let source = std::fs::read_to_string(&path).map_err(|source| TemplateFolderError {
                path: path.clone(),
                source,
            })?;
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            set.files.insert(name, source);
        }
        Ok(Self::from_files(set.files))
    }

    /// This set with the file `name` replaced by (or added as) `source`.
    pub fn with_file(mut self, name: &str, source: &str) -> Self {
        self.files.insert(name.to_string(), source.to_string());
        Self::from_files(self.files)
    }

    /// The template engine with these files, built by `build` the first time it is needed.
    pub(super) fn engine<E>(
        &self,
        build: impl FnOnce(&Self) -> Result<Environment<'static>, E>,
    ) -> Result<&Environment<'static>, E> {
        if let Some(engine) = self.engine.get() {
            return Ok(engine);
        }
        let engine = build(self)?;
        Ok(self.engine.get_or_init(|| engine))
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

/// A template folder that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{}: {}", path.display(), self.what())]
pub struct TemplateFolderError {
    /// The folder or file that failed.
    pub path: PathBuf,
    /// What the operating system said.
    pub source: std::io::Error,
}

impl TemplateFolderError {
    /// What went wrong, in Danish; the path may be the folder or a template in it.
    fn what(&self) -> String {
        use std::io::ErrorKind;
        match self.source.kind() {
            ErrorKind::NotFound => {
                "skabelonmappen findes ikke; tjek stien efter --templates".into()
            }
            ErrorKind::NotADirectory => {
                "er ikke en mappe; --templates skal pege på en mappe med skabeloner (*.typ)".into()
            }
            _ => format!(
                "skabelonen kan ikke læses: {}",
                crate::input::io_in_danish(&self.source)
            ),
        }
    }
}

impl Default for TemplateSet {
    fn default() -> Self {
        Self::builtin()
    }
}
