//! The template files: built into the binary so svar works from any directory.
//!
//! Two engines read them. Files the template engine renders (`answer.typ`, `blocks.typ`) emit
//! Typst markup; the Typst style file (`style.typ`) is served to the compiler as it is.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use minijinja::Environment;

/// The template the template engine starts from.
pub(super) const ENTRY: &str = "answer.typ";

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
    /// Files in the folder the set was read from that nothing uses.
    unused: Vec<UnusedTemplateFile>,
    /// The files read from a template folder, by name, with their path as given
    /// (`mine/style.typ`), so that an error names the file its author edits.
    own: BTreeMap<String, PathBuf>,
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
            unused: Vec::new(),
            own: BTreeMap::new(),
        }
    }

    /// How a message names the template `name`: with its folder if it was read from one
    /// (`mine/style.typ`), since a bare "style.typ" could be the built-in file or any copy.
    pub fn shown_name(&self, name: &str) -> String {
        self.own
            .get(name)
            .map_or_else(|| name.to_string(), |path| path.display().to_string())
    }

    /// The built-in templates with every `*.typ` file in `folder` in place of the built-in file
    /// of the same name (or added beside them, for the others to import or include), the way a
    /// theme overrides a book's defaults. Files nothing uses are listed by
    /// [`Self::unused_files`].
    pub fn overridden_by(folder: &Path) -> Result<Self, TemplateFolderError> {
        let mut files = Self::builtin().files;
        let paths = folder_files(folder)?;
        // The files templates lead to by a link (`style.typ` → `style-2024.typ`), which are
        // used, whatever their own names.
        let mut led_to = Vec::new();
        for path in paths.iter().filter(|path| is_template(path)) {
            let error = |problem| TemplateFolderError {
                path: path.clone(),
                problem,
            };
            // Typst takes a backslash for Windows' path separator and reads no such file.
            if file_name(path).contains('\\') {
                return Err(error(FolderProblem::Backslash));
            }
            let real = real_template(folder, path).map_err(error)?;
            let source =
                std::fs::read_to_string(&real).map_err(|io| error(FolderProblem::Io(io)))?;
            files.insert(file_name(path), source);
            if crate::fs::is_link(path) {
                led_to.push(real);
            }
        }
        let own = paths
            .iter()
            .filter(|path| is_template(path))
            .map(|path| (file_name(path), path.clone()))
            .collect();
        let mut set = Self {
            own,
            ..Self::from_files(files)
        };
        let used_by_link = |path: &&PathBuf| {
            !crate::fs::is_link(path)
                && path.canonicalize().is_ok_and(|real| led_to.contains(&real))
        };
        set.unused = (paths.iter())
            .filter(|path| !used_by_link(path))
            .filter_map(|path| set.unused(path))
            .collect();
        Ok(set)
    }

    /// The first filter an own template names that does not exist, as an error at its
    /// template and line. The engine finds one only when an answer reaches its line, so a
    /// template tried on an answer without tables would pass and fail later in a batch.
    pub fn unknown_filter(&self) -> Option<super::RenderError> {
        let builtins = Environment::new();
        let known = |name: &str| {
            super::FILTERS.contains(&name)
                || !matches!(
                    builtins.render_str(&format!("{{{{ 1|{name} }}}}"), ()),
                    Err(error) if error.kind() == minijinja::ErrorKind::UnknownFilter
                )
        };
        self.own.keys().find_map(|template| {
            let source = self.get(template)?;
            let (line, name) = filters_named(source)
                .into_iter()
                .find(|(_, name)| !known(name))?;
            Some(super::RenderError::unknown_filter(template, line, &name))
        })
    }

    /// The files in the folder this set was read from that nothing uses: a `*.typ` file that
    /// replaces no built-in template and that no template names, or a file that looks meant as
    /// a template but is not read (`Style.TYP`, `style.typ.txt`). A misnamed template would
    /// otherwise give the built-in look without a word.
    pub fn unused_files(&self) -> &[UnusedTemplateFile] {
        &self.unused
    }

    /// `path` from the template folder, if nothing uses it.
    fn unused(&self, path: &Path) -> Option<UnusedTemplateFile> {
        let name = file_name(path);
        let kind = if is_template(path) {
            let used = builtin_names().contains(&name.as_str()) || self.named_by_another(&name);
            (!used).then_some(UnusedKind::Template)?
        } else if looks_like_template(&name) {
            UnusedKind::NotRead
        } else {
            // A font or an image put beside the templates is meant to be used by them; other
            // files (a README, notes) are not.
            UnusedKind::for_asset(&name)?
        };
        Some(UnusedTemplateFile {
            path: path.to_path_buf(),
            kind,
            suggestion: crate::spelling::did_you_mean(&name.to_lowercase(), &builtin_names()),
        })
    }

    /// Whether a template other than `name` mentions it, as an `#import`, `#include` or
    /// `{% include %}` of it would.
    fn named_by_another(&self, name: &str) -> bool {
        self.files
            .iter()
            .any(|(other, source)| other != name && source.contains(name))
    }

    /// The files read from the template folder, by name, with their sources: what another
    /// process needs to render with these templates (see [`Self::with_own`]).
    pub fn own_sources(&self) -> BTreeMap<String, String> {
        self.own
            .keys()
            .filter_map(|name| Some((name.clone(), self.files.get(name)?.clone())))
            .collect()
    }

    /// The templates [`Self::overridden_by`] read from `folder`, given as the `sources`
    /// [`Self::own_sources`] gave: a batch's workers render with the templates as the batch
    /// read them, even if the files change while it runs.
    pub fn with_own(folder: &Path, sources: BTreeMap<String, String>) -> Self {
        let mut files = Self::builtin().files;
        let own = sources
            .keys()
            .map(|name| (name.clone(), folder.join(name)))
            .collect();
        files.extend(sources);
        Self {
            own,
            ..Self::from_files(files)
        }
    }

    /// This set with the file `name` replaced by (or added as) `source`.
    pub fn with_file(mut self, name: &str, source: &str) -> Self {
        self.files.insert(name.to_string(), source.to_string());
        Self {
            own: self.own,
            ..Self::from_files(self.files)
        }
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

/// The names of the built-in templates.
fn builtin_names() -> Vec<&'static str> {
    BUILTIN.iter().map(|(name, _)| *name).collect()
}

/// Where the template `path` in `folder` really is: a link may lead elsewhere within the
/// folder, but not out of it, since whatever a template reads can be printed in the PDF; and a
/// template must be a file, or svar would give the built-in look in its place without a word
/// (a link to a share that is not mounted).
fn real_template(folder: &Path, path: &Path) -> Result<PathBuf, FolderProblem> {
    use crate::input::confine::{Refusal, inside};
    let real = inside(folder, Path::new(&file_name(path))).map_err(|refusal| match refusal {
        Refusal::Io(io) if io.kind() == std::io::ErrorKind::NotFound => FolderProblem::NoTarget,
        Refusal::Io(io) => FolderProblem::Io(io),
        Refusal::Outside | Refusal::Link => FolderProblem::LinkOutside,
    })?;
    match real.metadata() {
        Ok(metadata) if metadata.is_file() => Ok(real),
        Ok(_) => Err(FolderProblem::NotAFile),
        Err(io) => Err(FolderProblem::Io(io)),
    }
}

/// The files in a template folder, sorted, without hidden files (`.git`, `.DS_Store`) and
/// editor backups (`style.typ~`): every template (`*.typ`), whatever it is, for
/// [`real_template`] to refuse what is no file, and the other files for the unused ones'
/// warning.
fn folder_files(folder: &Path) -> Result<Vec<PathBuf>, TemplateFolderError> {
    let entries = std::fs::read_dir(folder).map_err(|io| TemplateFolderError {
        path: folder.to_path_buf(),
        problem: FolderProblem::Io(io),
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| is_template(path) || path.is_file())
        .filter(|path| {
            let name = file_name(path);
            !name.starts_with('.') && !name.ends_with('~')
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// A file's name, as the templates name each other.
fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// Whether svar reads the file as a template: a `*.typ` file.
fn is_template(path: &Path) -> bool {
    path.extension().is_some_and(|extension| extension == "typ")
}

/// Whether a file svar does not read looks meant as a template: `Style.TYP`, `style.typst`,
/// `style.typ.txt` (an editor's added extension).
fn looks_like_template(name: &str) -> bool {
    let name = name.to_lowercase();
    name.ends_with(".typ") || name.ends_with(".typst") || name.contains(".typ.")
}

/// A file in a folder of own templates that nothing uses, for a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnusedTemplateFile {
    /// The file.
    pub path: PathBuf,
    /// What kind of file it is, which says why it is not used.
    pub kind: UnusedKind,
    /// The built-in template it was probably meant to replace.
    pub suggestion: Option<&'static str>,
}

/// Why a file in a folder of own templates is not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnusedKind {
    /// A template (`*.typ`) that replaces no built-in one and that no template names.
    Template,
    /// A file that looks meant as a template but is not read (`Style.TYP`, `style.typ.txt`).
    NotRead,
    /// A font file: the PDF is set only in svar's built-in fonts, so that it comes out the same
    /// on every machine.
    Font,
    /// An image: a template can show only the ministry profile's logo.
    Image,
}

impl UnusedKind {
    /// The kind of a file that is neither a template nor named like one, if it is a font or
    /// an image, which its author put there to be used.
    fn for_asset(name: &str) -> Option<Self> {
        let extension = Path::new(name).extension()?.to_str()?.to_lowercase();
        match extension.as_str() {
            "ttf" | "otf" | "ttc" | "otc" | "woff" | "woff2" => Some(Self::Font),
            "png" | "jpg" | "jpeg" | "gif" | "svg" | "webp" => Some(Self::Image),
            _ => None,
        }
    }
}

impl std::fmt::Display for UnusedTemplateFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.display();
        let builtins = builtin_names().join(", ");
        match (self.kind, self.suggestion) {
            (UnusedKind::Template, suggestion) => {
                write!(
                    f,
                    "{path} erstatter ingen indbygget skabelon ({builtins}), og ingen skabelon \
                     importerer den"
                )?;
                match suggestion {
                    Some(name) => write!(f, "; mente du {name}?"),
                    None => write!(
                        f,
                        "; giv den navnet på den skabelon, den skal erstatte, eller importér den \
                         i en af dem"
                    ),
                }
            }
            (UnusedKind::NotRead, suggestion) => {
                write!(
                    f,
                    "{path} bruges ikke: svar læser kun *.typ-filer i skabelonmappen ({builtins})"
                )?;
                match suggestion {
                    Some(name) => write!(f, "; mente du {name}?"),
                    None => write!(f, "; giv den navnet på den skabelon, den skal erstatte"),
                }
            }
            (UnusedKind::Font, _) => write!(
                f,
                "{path} bruges ikke: svar sætter kun PDF'en med sine indbyggede skrifter, så den \
                 bliver ens på alle maskiner ({}); vælg en af dem i style.typ",
                crate::fonts::family_names()
            ),
            (UnusedKind::Image, _) => write!(
                f,
                "{path} bruges ikke: skabelonerne kan ikke læse billeder i skabelonmappen; et \
                 logo hører til i ministerieprofilen (\"logo\"), som `letterhead` får som `logo`"
            ),
        }
    }
}

/// A template folder that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{}: {}", path.display(), self.what())]
pub struct TemplateFolderError {
    /// The folder or file that failed.
    pub path: PathBuf,
    /// What is wrong with it.
    pub problem: FolderProblem,
}

/// What is wrong with a template folder or a template in it.
#[derive(Debug)]
pub enum FolderProblem {
    /// What the operating system said.
    Io(std::io::Error),
    /// A backslash in a template's name, which Typst takes for a path separator.
    Backslash,
    /// A template that is a link leading out of the folder.
    LinkOutside,
    /// A template that is a link to nothing (a share that is not mounted).
    NoTarget,
    /// A template's name on something that is no file: a folder, a pipe, a device.
    NotAFile,
}

impl TemplateFolderError {
    /// What went wrong, in Danish; the path may be the folder or a template in it.
    fn what(&self) -> String {
        use std::io::ErrorKind;
        match &self.problem {
            FolderProblem::Io(io) if io.kind() == ErrorKind::NotFound => {
                "skabelonmappen findes ikke; tjek stien efter --templates".into()
            }
            FolderProblem::Io(io) if io.kind() == ErrorKind::NotADirectory => {
                "er ikke en mappe; --templates skal pege på en mappe med skabeloner (*.typ)".into()
            }
            FolderProblem::Io(io) => {
                format!("skabelonen kan ikke læses: {}", crate::fs::io_in_danish(io))
            }
            FolderProblem::Backslash => {
                "en skabelon kan ikke have en omvendt skråstreg (\\) i navnet; omdøb filen".into()
            }
            FolderProblem::LinkOutside => "skabelonen peger uden for skabelonmappen gennem en \
                                           genvej (symbolsk link); kopiér filen ind i mappen"
                .into(),
            FolderProblem::NoTarget => "skabelonen er en genvej til en fil, der ikke findes \
                                        (er drevet koblet fra?); tjek genvejen, eller kopiér \
                                        filen ind i mappen"
                .into(),
            FolderProblem::NotAFile => {
                "skabelonen er ikke en fil; en skabelon (*.typ) skal være en tekstfil".into()
            }
        }
    }
}

impl Default for TemplateSet {
    fn default() -> Self {
        Self::builtin()
    }
}

/// The filters `source` names (`{{ value|name }}`, `{% if items|length %}`), with the line of
/// each (from 1), in order; text outside tags and string literals inside them are skipped.
fn filters_named(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut rest = source;
    let mut offset = 0;
    while let Some(start) = ["{{", "{%"].iter().filter_map(|open| rest.find(open)).min() {
        let close = if rest[start..].starts_with("{{") {
            "}}"
        } else {
            "%}"
        };
        let tag_start = offset + start + 2;
        let Some(length) = source[tag_start..].find(close) else {
            break;
        };
        let tag = &source[tag_start..tag_start + length];
        for (at, name) in filters_in_tag(tag) {
            let line = source[..tag_start + at].matches('\n').count() + 1;
            found.push((line, name));
        }
        offset = tag_start + length + close.len();
        rest = &source[offset..];
    }
    found
}

/// The filters named in the inside of one tag, with their offsets in it.
fn filters_in_tag(tag: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut quote: Option<char> = None;
    let mut chars = tag.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match (quote, c) {
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(open), c) if c == open => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '|') => {
                let name: String = tag[at + 1..]
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.push((at, name));
                }
            }
            (None, _) => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_templates_read_from_a_folder_travel_as_their_sources() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(folder.path().join("style.typ"), "// mit udseende\n").unwrap();
        std::fs::write(folder.path().join("fælles.typ"), "#let x = 1\n").unwrap();
        let read = TemplateSet::overridden_by(folder.path()).unwrap();
        let sources = read.own_sources();
        assert_eq!(
            sources.keys().collect::<Vec<_>>(),
            ["fælles.typ", "style.typ"]
        );
        // The files change on disk; the set made from the sources is the one read before.
        std::fs::write(folder.path().join("style.typ"), "// ændret\n").unwrap();
        let sent = TemplateSet::with_own(folder.path(), sources);
        assert_eq!(sent, read);
        assert_eq!(sent.get("style.typ"), Some("// mit udseende\n"));
        assert_eq!(sent.shown_name("style.typ"), read.shown_name("style.typ"));
        assert_eq!(sent.shown_name("answer.typ"), "answer.typ");
    }

    /// The warnings for a template folder holding `files` (name, text).
    fn unused_in(files: &[(&str, &str)]) -> Vec<String> {
        let folder = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(folder.path().join(name), text).unwrap();
        }
        let set = TemplateSet::overridden_by(folder.path()).unwrap();
        set.unused_files()
            .iter()
            .map(|unused| {
                let text = unused.to_string();
                let prefix = format!("{}/", folder.path().display());
                text.strip_prefix(&prefix).unwrap_or(&text).to_string()
            })
            .collect()
    }

    #[test]
    fn the_filters_a_template_names_are_found_in_its_tags_with_their_lines() {
        let source = "Tekst | ikke et filter\n{{ a|content }} {% if b | length %}\n{{ \"x|y\"|string }}{# c|z #}";
        let names: Vec<(usize, String)> = super::filters_named(source);
        assert_eq!(
            names,
            [
                (2, "content".into()),
                (2, "length".into()),
                (3, "string".into())
            ]
        );
    }

    #[test]
    fn a_misnamed_template_is_named_with_the_one_it_was_meant_to_replace() {
        assert_eq!(
            unused_in(&[("Style.typ", "// mit look"), ("stil.typ", "")]),
            [
                "Style.typ erstatter ingen indbygget skabelon (answer.typ, blocks.typ, \
                 style.typ), og ingen skabelon importerer den; mente du style.typ?",
                "stil.typ erstatter ingen indbygget skabelon (answer.typ, blocks.typ, \
                 style.typ), og ingen skabelon importerer den; mente du style.typ?",
            ]
        );
    }

    #[test]
    fn a_file_that_looks_meant_as_a_template_but_is_not_read_is_named() {
        assert_eq!(
            unused_in(&[("style.typ.txt", ""), ("ANSWER.TYP", "")]),
            [
                "ANSWER.TYP bruges ikke: svar læser kun *.typ-filer i skabelonmappen \
                 (answer.typ, blocks.typ, style.typ); mente du answer.typ?",
                "style.typ.txt bruges ikke: svar læser kun *.typ-filer i skabelonmappen \
                 (answer.typ, blocks.typ, style.typ); mente du style.typ?",
            ]
        );
    }

    #[test]
    fn overrides_imported_files_and_other_files_are_not_named() {
        let style = "#import \"farver.typ\": *\n";
        let files = [
            ("style.typ", style),
            ("farver.typ", "#let rød = red\n"),
            ("README.md", "Ministeriets skabeloner"),
            (".style.typ.swp", ""),
            ("style.typ~", ""),
        ];
        assert_eq!(unused_in(&files), Vec::<String>::new());
    }

    #[test]
    fn a_font_or_an_image_beside_the_templates_is_named_as_not_used() {
        let unused = unused_in(&[("logo.svg", "<svg/>"), ("Republic.TTF", "")]);
        assert_eq!(unused.len(), 2, "{unused:?}");
        assert!(
            unused[0].starts_with(
                "Republic.TTF bruges ikke: svar sætter kun PDF'en med sine indbyggede skrifter"
            ),
            "{unused:?}"
        );
        assert!(
            unused[1].starts_with("logo.svg bruges ikke: skabelonerne kan ikke læse billeder"),
            "{unused:?}"
        );
    }

    #[test]
    fn an_extra_template_nothing_imports_says_what_to_do() {
        assert_eq!(
            unused_in(&[("farver.typ", "")]),
            [
                "farver.typ erstatter ingen indbygget skabelon (answer.typ, blocks.typ, \
              style.typ), og ingen skabelon importerer den; giv den navnet på den skabelon, den \
              skal erstatte, eller importér den i en af dem"
            ]
        );
    }
}
