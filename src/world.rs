//! Stage three's sandbox: the Typst `World` that serves one answer's generated source, the
//! template files and the files svar hands it (the attachments, a logo), and nothing else.
//!
//! No file system, no packages, no network, no system fonts: the compiler sees only what svar
//! hands it, so an answer cannot read files and the PDF does not depend on the machine.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult, PackageError};
use typst::ecow::eco_format;
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::fonts;
use crate::render::TemplateSet;

/// The virtual path of the generated source of the answer.
pub(crate) const MAIN_PATH: &str = "/main.typ";

/// Typst's standard library, built once per process, with the accessibility extras that let
/// tables mark their row labels as row headers for screen readers.
fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let features = [typst::Feature::A11yExtras].into_iter().collect();
        LazyHash::new(Library::builder().with_features(features).build())
    })
}

/// Starts parsing the built-in fonts and building Typst's library on a thread of their own, so
/// that this fixed cost (about a twentieth of a cold render) overlaps reading, checking and
/// evaluating the first answer instead of holding up its layout. A compile that needs them
/// before they are ready waits for them.
pub(crate) fn preload() {
    std::thread::spawn(|| {
        library();
        fonts::builtin();
    });
}

/// Interns a path under the project root; only called with svar's own well-formed names.
fn file_id(path: &str) -> FileId {
    let path = VirtualPath::new(path).expect("template names are valid virtual paths");
    RootedPath::new(VirtualRoot::Project, path).intern()
}

/// A replacement of a byte range of the old text by a byte range of the new text.
type Edit = (std::ops::Range<usize>, std::ops::Range<usize>);

/// Turns `main` into `new` by editing only the lines that differ, one stretch at a time, so
/// everything between two edits keeps its identity (a single replacement from the first to the
/// last difference would renumber all of it).
fn edit_in_place(main: &mut Source, new: &str) {
    let old = main.text().to_string();
    let diff = similar::TextDiff::from_lines(old.as_str(), new);
    // Edits go from the end backwards, so the offsets of those still to come stay valid.
    for (old_bytes, new_bytes) in block_edits(&diff).into_iter().rev() {
        main.edit(old_bytes, &new[new_bytes]);
    }
    // What is compiled must be what was generated, whatever a fault in the edits above: a
    // comparison costs microseconds, a line lost is a wrong PDF.
    debug_assert_eq!(main.text(), new);
    if main.text() != new {
        *main = Source::new(main.id(), new.to_string());
    }
}

/// The edits that turn the old text of a line diff into the new, in order: each stretch of
/// changed lines, joined with the next where no blank line separates them. Blank lines
/// separate the generated source's blocks (paragraphs, tables); the lines of one block are one
/// call such as `#data-table(…)`, which Typst reparses whole for an edit of any of its lines.
/// One edit per block spares reparsing it once per changed row, and keeps the blocks between
/// edits intact.
///
/// Where an edit begins and ends in the new text is taken from the unchanged lines around it,
/// never from the changed ones: a deletion next to an insertion can name a place in the new
/// text past the insertion, and an edit joined from the two then lost the lines between
/// (a batch's answer printed without its signature).
fn block_edits(diff: &similar::TextDiff<'_, '_, '_, str>) -> Vec<Edit> {
    let mut edits = Vec::new();
    // Where the edit being gathered begins, in the old and the new text.
    let mut open: Option<(usize, usize)> = None;
    // Where the last unchanged lines end, in the old and the new text.
    let mut unchanged_end = (0, 0);
    let ops = diff.ops();
    for (index, op) in ops.iter().enumerate() {
        let old_bytes = byte_range(diff, op.old_range(), true);
        let new_bytes = byte_range(diff, op.new_range(), false);
        if op.tag() != similar::DiffTag::Equal {
            open.get_or_insert(unchanged_end);
            continue;
        }
        let last = index + 1 == ops.len();
        let between = diff.old_slices()[op.old_range()].concat();
        if let Some((old_start, new_start)) = open.filter(|_| last || has_blank_line(&between)) {
            edits.push((old_start..old_bytes.start, new_start..new_bytes.start));
            open = None;
        }
        unchanged_end = (old_bytes.end, new_bytes.end);
    }
    if let Some((old_start, new_start)) = open {
        edits.push((
            old_start..text_length(diff, true),
            new_start..text_length(diff, false),
        ));
    }
    edits
}

/// The length in bytes of the old or the new text of a line diff.
fn text_length(diff: &similar::TextDiff<'_, '_, '_, str>, old: bool) -> usize {
    let slices = if old {
        diff.old_slices()
    } else {
        diff.new_slices()
    };
    slices.iter().map(|line| line.len()).sum()
}

/// Whether whole lines of text hold an empty line.
fn has_blank_line(lines: &str) -> bool {
    lines.starts_with('\n') || lines.contains("\n\n")
}

/// The bytes of a range of lines of the old or new text of a line diff.
fn byte_range(
    diff: &similar::TextDiff<'_, '_, '_, str>,
    lines: std::ops::Range<usize>,
    old: bool,
) -> std::ops::Range<usize> {
    let slices = if old {
        diff.old_slices()
    } else {
        diff.new_slices()
    };
    let start: usize = slices[..lines.start].iter().map(|line| line.len()).sum();
    let length: usize = slices[lines].iter().map(|line| line.len()).sum();
    start..start + length
}

/// A template file under the project root, parsed when the compiler first asks for it. Every
/// answer of a batch imports `style.typ`; parsing it once per world rather than once per answer
/// saves more than its evaluation costs (which Typst caches), and the files only the template
/// engine reads are never parsed as Typst at all.
struct TemplateFile {
    id: FileId,
    /// Its name in the template set, which holds its text.
    name: String,
    parsed: OnceLock<Source>,
}

impl TemplateFile {
    fn text<'a>(&self, templates: &'a TemplateSet) -> &'a str {
        templates.get(&self.name).unwrap_or_default()
    }

    fn source(&self, templates: &TemplateSet) -> Source {
        self.parsed
            .get_or_init(|| Source::new(self.id, self.text(templates).to_string()))
            .clone()
    }
}

/// The template files as the compiler sees them.
fn template_files(templates: &TemplateSet) -> HashMap<FileId, TemplateFile> {
    templates
        .files()
        .map(|(name, _)| {
            let id = file_id(&format!("/{name}"));
            let file = TemplateFile {
                id,
                name: name.to_string(),
                parsed: OnceLock::new(),
            };
            (id, file)
        })
        .collect()
}

/// The world of one answer: its generated source, the templates, the fonts, its date.
pub struct AnswerWorld {
    main: Source,
    /// The set `template_files` holds, to know when they must be read again.
    templates: TemplateSet,
    template_files: HashMap<FileId, TemplateFile>,
    /// Files served besides the sources: the attachments (answer JSON, profile, logo) and the
    /// logo the letterhead shows.
    files: HashMap<FileId, Bytes>,
    today: Option<NaiveDate>,
}

impl AnswerWorld {
    /// A world compiling `source` against `templates`, where `today()` is `date`.
    pub fn new(source: String, templates: &TemplateSet, date: Option<NaiveDate>) -> Self {
        Self {
            main: Source::new(file_id(MAIN_PATH), source),
            templates: templates.clone(),
            template_files: template_files(templates),
            files: HashMap::new(),
            today: date,
        }
    }

    /// Replaces the generated source, templates and date in place, and forgets the files
    /// served for the previous answer. Unchanged parts of the source keep their identity, so
    /// the next compile reuses the work done for them.
    pub fn update(&mut self, source: &str, templates: &TemplateSet, date: Option<NaiveDate>) {
        edit_in_place(&mut self.main, source);
        if *templates != self.templates {
            self.templates = templates.clone();
            self.template_files = template_files(templates);
        }
        self.files.clear();
        self.today = date;
    }

    /// Replaces the generated source only, keeping the templates, the date and the files
    /// served: for the same answer typeset again with page breaks added.
    pub fn replace_source(&mut self, source: &str) {
        edit_in_place(&mut self.main, source);
    }

    /// Serves `bytes` at `path` (one of svar's own names, such as `/logo.svg`), for files an
    /// answer brings besides its source, like its ministry's logo.
    pub fn serve(&mut self, path: &str, bytes: impl AsRef<[u8]> + Send + Sync + 'static) {
        self.files.insert(file_id(path), Bytes::new(bytes));
    }

    /// The templates this world compiles against, for naming them in messages.
    pub fn templates(&self) -> &TemplateSet {
        &self.templates
    }

    /// The generated source being compiled.
    pub fn main_source(&self) -> &Source {
        &self.main
    }
}

impl World for AnswerWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        fonts::builtin().book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        if let Some(file) = self.template_files.get(&id) {
            return Ok(file.source(&self.templates));
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_string()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        if let Some(file) = self.template_files.get(&id) {
            return Ok(Bytes::from_string(file.text(&self.templates).to_string()));
        }
        if let VirtualRoot::Package(package) = id.get().root() {
            return Err(FileError::Package(PackageError::Other(Some(eco_format!(
                "svar henter ingen Typst-pakker ({package}); en skabelon kan kun bruge Typst selv \
                 og filerne i skabelonernes mappe"
            )))));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts::builtin().font(index)
    }

    /// The answer's date, so a document that asks for today's date gets the same bytes every day.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        let date = self.today?;
        Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn world(source: &str, date: Option<NaiveDate>) -> AnswerWorld {
        AnswerWorld::new(source.to_string(), &TemplateSet::builtin(), date)
    }

    #[test]
    fn edits_join_within_a_block_but_not_across_a_blank_line() {
        let old = "#t(\n  a,\n  b,\n  c,\n)\n\nd\n";
        let new = "#t(\n  A,\n  b,\n  C,\n)\n\nD\n";
        let diff = similar::TextDiff::from_lines(old, new);
        // "  a," to "  c," is one edit, the unchanged "  b," in it; "d" one of its own.
        assert_eq!(block_edits(&diff), vec![(4..19, 4..19), (22..24, 22..24)]);
    }

    #[test]
    fn a_deletion_beside_an_insertion_loses_no_line_between_them() {
        // The least case the property below found for the fault by which one answer of a
        // batch printed without its signature: the edits joined across a deletion that named
        // a place in the new text past the insertion beside it, and lines were lost.
        let old = ["b", "a", "b", "b", "b", "a"].join("\n");
        let new = ["a", "a", "", "", "", "", "", "", "", "", "", "a", "a"].join("\n");
        let mut source = Source::new(file_id(MAIN_PATH), old);
        edit_in_place(&mut source, &new);
        assert_eq!(source.text(), new);
    }

    proptest::proptest! {
        #[test]
        fn editing_in_place_gives_any_new_text(
            old in proptest::collection::vec(proptest::sample::select(vec!["a", "b", "", "#s(", ")", "c d"]), 0..24),
            new in proptest::collection::vec(proptest::sample::select(vec!["a", "b", "", "#s(", ")", "e"]), 0..24),
        ) {
            let (old, new) = (old.join("\n"), new.join("\n"));
            let mut source = Source::new(file_id(MAIN_PATH), old);
            edit_in_place(&mut source, &new);
            proptest::prop_assert_eq!(source.text(), new.as_str());
        }
    }

    #[test]
    fn editing_in_place_gives_the_new_text() {
        let cases = [
            ("a\nb\nc\n", "a\nB\nc\n"),
            ("a\nb\nc\nd\n", "x\nb\nc\ny\nz\n"),
            ("a\nb\n", ""),
            ("", "a\nb"),
            (
                "= H\n\nText æøå\n#f[x]\n",
                "= H\n\nTekst æøå\n#f[x]\n\nmere\n",
            ),
        ];
        for (old, new) in cases {
            let mut source = Source::new(file_id(MAIN_PATH), old.to_string());
            edit_in_place(&mut source, new);
            assert_eq!(source.text(), new);
            assert_eq!(source.root().len(), new.len());
        }
    }

    #[test]
    fn today_is_the_answer_date() {
        let date = NaiveDate::from_ymd_opt(2019, 6, 12);
        assert_eq!(world("", date).today(None), Datetime::from_ymd(2019, 6, 12));
        assert_eq!(world("", None).today(None), None);
    }

    #[test]
    fn serves_templates_but_nothing_from_the_file_system() {
        let world = world("", None);
        assert!(world.file(file_id("/style.typ")).is_ok());
        assert!(matches!(
            world.file(file_id("/etc/passwd")),
            Err(FileError::NotFound(_))
        ));
    }

    #[test]
    fn typst_code_cannot_read_files() {
        let world = world("#read(\"/etc/passwd\")", None);
        let errors = typst::compile::<typst_layout::PagedDocument>(&world)
            .output
            .unwrap_err();
        assert!(
            errors[0].message.contains("not found"),
            "{}",
            errors[0].message
        );
    }
}
