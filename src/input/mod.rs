//! Stage one: reading an answer file into the model, checking it, and reporting every mistake
//! with its file, line, column and JSON path.

pub(crate) mod confine;
pub mod diagnostic;
mod edits;
mod excerpt;
mod figures;
mod image;
mod locate;
mod profile;
mod recover;
mod scan;
mod serde_error;
mod shape;
mod slips;
mod spreadsheet;
mod unclosed;

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use self::diagnostic::LineIndex;
pub use self::diagnostic::{FileReport, Finding, SourcePlace};
use self::locate::Locator;
pub use self::profile::shipped_ministries;
pub use self::spreadsheet::fills as spreadsheet_fills;
pub(crate) use self::spreadsheet::{plain_figure, sheet_column_letters};
use crate::fs::io_in_danish;
use crate::fs::read_file;
use crate::json_path::JsonPath;
use crate::model::Answer;
/// Re-exported for programs that read a [`Finding`]'s severity (the type is the content checks').
pub use crate::validate::Severity;
use crate::validate::{self, FileHint, Focus};

/// Why an answer file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("{}: filen kan ikke læses: {}", path.display(), io_in_danish(source))]
    Read {
        /// The answer file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is no text svar reads: saved as UTF-16, or no text at all (a picture, a PDF, a
    /// Word document), which read as UTF-8 gave only "tegnet her kan ikke læses" at 1:1.
    #[error("{}: {}", path.display(), found.in_answer())]
    NotText {
        /// The answer file.
        path: PathBuf,
        /// What the file is instead.
        found: NotText,
    },
    /// The file has errors: invalid JSON, a wrong format, or content that does not hold up.
    #[error("{}", report.to_text(false))]
    Invalid {
        /// Every finding in the file, errors and warnings.
        report: FileReport,
    },
}

/// An answer that passed the checks, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The answer.
    pub answer: Answer,
    /// Warnings (never errors) about the file.
    pub report: FileReport,
}

/// Reads, parses and checks the answer file at `path`.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let text = read(path)?;
    load_text_with(&text, path, SideFiles::Beside(path))
}

/// Parses and checks the answer file text `text` (named `path` in findings), reading the files
/// it names from `side_files`: the answer, if it has no errors, with its warnings.
pub fn load_text_with(
    text: &str,
    path: &Path,
    side_files: SideFiles<'_>,
) -> Result<Loaded, LoadError> {
    let (answer, report) = check_text_with(text, path, side_files);
    match answer {
        Some(answer) if !report.has_errors() => Ok(Loaded { answer, report }),
        _ => Err(LoadError::Invalid { report }),
    }
}

/// Reads an answer file's text, as `decode` makes it.
pub fn read(path: &Path) -> Result<String, LoadError> {
    let bytes = read_file(path).map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    // A PDF is left to the JSON reading, which tells it with what `svar diff` makes of one.
    if let Some(found) = NotText::of(&bytes).filter(|found| *found != NotText::Other(PDF)) {
        return Err(LoadError::NotText {
            path: path.to_path_buf(),
            found,
        });
    }
    Ok(decode(bytes))
}

/// What a file that should be text (an answer file, a spreadsheet) is instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    /// Text saved as UTF-16, as Notepad's "Unicode" and Excel's "Unicode-tekst" save it.
    Utf16,
    /// Text saved as UTF-32, which some programs offer beside UTF-16.
    Utf32,
    /// Another kind of file, as the clerk knows it: "et billede (PNG)".
    Other(&'static str),
    /// No text, of no kind svar knows by its first bytes.
    Binary,
}

/// A PDF, as [`NotText::Other`] names it.
const PDF: &str = "en PDF-fil";

/// The first bytes of the kinds of file a clerk may give in place of a text file.
const SIGNATURES: [(&[u8], &str); 6] = [
    (b"%PDF", PDF),
    (b"\x89PNG", "et billede (PNG)"),
    (b"\xff\xd8\xff", "et billede (JPEG)"),
    (b"GIF8", "et billede (GIF)"),
    (
        b"PK\x03\x04",
        "et Word- eller Excel-dokument (eller et zip-arkiv)",
    ),
    (
        b"\xd0\xcf\x11\xe0",
        "et Word- eller Excel-dokument i det gamle format",
    ),
];

impl NotText {
    /// What the file of `bytes` is, if it is no UTF-8 text: UTF-32 or UTF-16 by its
    /// byte-order mark or by the zero bytes beside every character of its first line, another
    /// kind by its first bytes, and anything else holding a zero byte, which no text does.
    pub fn of(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"\xff\xfe\0\0") || bytes.starts_with(b"\0\0\xfe\xff") {
            return Some(Self::Utf32);
        }
        if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
            return Some(Self::Utf16);
        }
        if let Some((_, kind)) = SIGNATURES
            .iter()
            .find(|(first, _)| bytes.starts_with(first))
        {
            return Some(Self::Other(kind));
        }
        let head = &bytes[..bytes.len().min(64) & !3];
        // The character's own byte of a Latin text, at `own` in every unit of `width` bytes,
        // and zeros around it.
        let zeros_around = |width: usize, own: usize| {
            head.len() >= 2 * width
                && (head.chunks(width))
                    .all(|unit| (unit.iter().enumerate()).all(|(at, &byte)| at == own || byte == 0))
        };
        if zeros_around(4, 0) || zeros_around(4, 3) {
            return Some(Self::Utf32);
        }
        if zeros_around(2, 0) || zeros_around(2, 1) {
            return Some(Self::Utf16);
        }
        bytes.contains(&0).then_some(Self::Binary)
    }

    /// What is wrong, and what to do, for an answer file.
    fn in_answer(self) -> String {
        match self {
            Self::Utf16 => "filen er gemt som UTF-16 (\"Unicode\"), men svar læser UTF-8; gem \
                            den igen som UTF-8 (i Notesblok: Gem som → Kodning: UTF-8)"
                .into(),
            Self::Utf32 => "filen er gemt som UTF-32, men svar læser UTF-8; gem den igen som \
                            UTF-8 (i Notesblok: Gem som → Kodning: UTF-8)"
                .into(),
            Self::Other(kind) => {
                format!("filen er {kind}, ikke en svarfil; en svarfil er JSON-tekst (se svar new)")
            }
            Self::Binary => "filen er ikke tekst, og så ingen svarfil; en svarfil er JSON-tekst \
                             (se svar new)"
                .into(),
        }
    }

    /// What is wrong, for a spreadsheet named `name`; the hint says what to do.
    pub(crate) fn in_spreadsheet(self, name: &str) -> String {
        match self {
            Self::Utf16 => format!(
                "regnearket \"{name}\" er gemt som UTF-16 (\"Unicode-tekst\"), men svar læser UTF-8"
            ),
            Self::Utf32 => {
                format!("regnearket \"{name}\" er gemt som UTF-32, men svar læser UTF-8")
            }
            Self::Other(kind) => format!("regnearket \"{name}\" er {kind}, ikke en CSV-fil"),
            Self::Binary => format!("regnearket \"{name}\" er ikke tekst, og så ingen CSV-fil"),
        }
    }
}

/// What stands in a decoded text where the file held bytes that are not UTF-8 (shown as "�"):
/// a noncharacter, which no text holds, rather than U+FFFD, which a file saved as UTF-8 may
/// hold where a character was lost before. Such a file is read on, and its "�" reported with
/// every other mistake; a file that is not UTF-8 is refused at its first such byte.
pub(crate) const NOT_UTF8: char = '\u{FDD0}';

/// The text of a file's `bytes`, answer file or spreadsheet.
///
/// A byte-order mark, which some Windows programs write first, is dropped. Bytes that are not
/// UTF-8 become [`NOT_UTF8`] rather than an error without a place, so the first of them can be
/// reported with its line and column ([`check_text`] does for an answer file).
pub(crate) fn decode(bytes: Vec<u8>) -> String {
    let text = String::from_utf8(bytes).unwrap_or_else(|error| {
        let mut text = String::with_capacity(error.as_bytes().len());
        for chunk in error.as_bytes().utf8_chunks() {
            text.push_str(chunk.valid());
            if !chunk.invalid().is_empty() {
                text.push(NOT_UTF8);
            }
        }
        text
    });
    composed(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// `text` in Unicode's composed form (NFC). Text pasted from a Mac or a web page may spell "å"
/// as "a" and a combining ring: it prints the same, but would give other PDF bytes and changes
/// in `svar diff` that nobody can see. Only non-ASCII text can change, never JSON's syntax or
/// its line breaks, so places found in the composed text are on the same lines as in the file.
pub(crate) fn composed(text: String) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    }
}

/// `text`, a JSON file's, with every string written with `\u` escapes that spell a letter in
/// decomposed form ("pa\u030a", as Python's `json.dump` saves text pasted from a Mac) written
/// out composed instead ("på"): [`composed`] cannot see through the escapes, and the answer
/// would print and compare other than the one typed on Windows. Only such strings change, and
/// a string holds no line break, so every line keeps its number.
pub(crate) fn composed_escapes(text: &str) -> Cow<'_, str> {
    use unicode_normalization::{UnicodeNormalization, is_nfc};
    if !text.contains("\\u") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for span in scan::strings(text) {
        let literal = &text[span.clone()];
        if !literal.contains("\\u") {
            continue;
        }
        let Ok(decoded) = serde_json::from_str::<String>(literal) else {
            continue;
        };
        if is_nfc(&decoded) {
            continue;
        }
        let composed: String = decoded.nfc().collect();
        out.push_str(&text[copied..span.start]);
        out.push_str(&serde_json::to_string(&composed).expect("a string serializes"));
        copied = span.end;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// `text` with each carriage return that ends a line alone (old Mac files) as a line feed: JSON
/// reads both as a space, but only a line feed starts a new line for serde_json, and a finding
/// would be placed at "line 1, column 3,000" and shown with returns that send a terminal's
/// cursor back over the line. One byte for one, so every offset stays.
fn lone_returns_as_line_feeds(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let fed: String = text
        .char_indices()
        .map(|(at, c)| match c {
            '\r' if bytes.get(at + 1) != Some(&b'\n') => '\n',
            c => c,
        })
        .collect();
    Cow::Owned(fed)
}

/// The files an answer file at `path` may read: itself, and everything in the ministry-profile
/// folder beside it (profiles and logos). Outputs must never replace them.
pub fn files_read_with(path: &Path) -> Vec<PathBuf> {
    let folder = answer_folder(path).join(crate::fs::PROFILE_FOLDER);
    let beside = std::fs::read_dir(folder).into_iter().flatten();
    std::iter::once(path.to_path_buf())
        .chain(beside.filter_map(|entry| Some(entry.ok()?.path())))
        .collect()
}

/// The files the answer read from the file at `path` is made from: those of
/// [`files_read_with`], the spreadsheets that fill its panels (a spreadsheet may be named
/// anything, `tal.pdf` too) and its figures' images. Outputs must never replace them.
pub fn files_read_by(answer: &Answer, path: &Path) -> Vec<PathBuf> {
    let folder = answer_folder(path);
    let mut files = files_read_with(path);
    crate::validate::walk_answer(answer, &mut |block, _| match block {
        crate::model::Block::Table(table) => {
            let named = table
                .panels
                .iter()
                .filter_map(|panel| panel.spreadsheet.as_ref());
            files.extend(named.map(|name| folder.join(name)));
        }
        crate::model::Block::Figure(figure) => files.push(folder.join(&figure.file)),
        _ => {}
    });
    files
}

/// The folder of the answer file at `path`, where the files it names (its ministry's profile,
/// its spreadsheets) are looked for. A link to an answer file is followed: those files lie
/// beside the answer itself, not beside a link to it in a reviewer's folder, where another
/// `ministries/` could otherwise lend the answer a letterhead that is not its own.
pub(crate) fn answer_folder(path: &Path) -> PathBuf {
    let real = crate::fs::is_link(path)
        .then(|| std::fs::canonicalize(path).ok())
        .flatten();
    let path = real.as_deref().unwrap_or(path);
    path.parent().unwrap_or(Path::new(".")).to_path_buf()
}

/// Where the files an answer names besides itself (spreadsheets, its ministry's profile and
/// logo) are read from.
#[derive(Clone, Copy)]
pub enum SideFiles<'a> {
    /// Beside the answer file at this path, in its folder.
    Beside(&'a Path),
    /// Attached to the PDF that carries the answer, found by their names in it
    /// (`ministries/justitsministeriet.json`); nothing is read from the disk.
    Attached(&'a dyn Fn(&str) -> Option<Vec<u8>>),
}

/// Parses and checks the answer file text `text`; `path` names the file in findings, and the
/// files it names are read beside it. Returns the answer if it parsed (it may still have
/// content errors) and every finding: every mistake of type and shape, then the content
/// checks of what remains when those are set aside.
pub fn check_text(text: &str, path: &Path) -> (Option<Answer>, FileReport) {
    check_text_with(text, path, SideFiles::Beside(path))
}

/// [`check_text`], reading the files the answer names from `side_files`.
pub fn check_text_with(
    text: &str,
    path: &Path,
    side_files: SideFiles<'_>,
) -> (Option<Answer>, FileReport) {
    let composed = composed_escapes(text);
    let text = &*lone_returns_as_line_feeds(&composed);
    let lines = LineIndex::new(text);
    let refused = |findings| (None, FileReport::new(path, text, findings));
    // A save that failed or was cut off leaves an empty file; the parser would say it ends
    // too early, which hides what happened.
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return refused(vec![empty_file(&lines)]);
    }
    // The parsers read the text with its slips mended, each byte where the file has it, so
    // that places found in it are places in the file: its quotes, line breaks and commas,
    // then, with its texts read right, its brackets left out.
    let slipped = slips::mend(text);
    let closed = unclosed::close(&slipped.text, &lines);
    let slips::Told {
        mut findings,
        set_aside,
    } = slipped.told(text, &closed.text, &lines);
    findings.extend(closed.findings);
    if !closed.read_on {
        return refused(findings);
    }
    let mended = closed.text;
    // Before any parser: too deep a nesting would overflow their stacks.
    let flaws = scan::check(&mended, scan::FileKind::Answer, &lines);
    if !flaws.is_empty() {
        findings.extend(flaws);
        return refused(findings);
    }
    let locator = Locator::new(&mended);
    let mut read = recover::read(&mended, &locator, &lines);
    // A ministry profile lacks nearly every field of an answer: told what it is, once.
    if !read.findings.is_empty()
        && let Some(profile) = profile::given_as_answer(&mended, path, &lines)
    {
        return refused(vec![profile]);
    }
    read.set_aside.extend(set_aside);
    findings.append(&mut read.findings);
    let Some(mut answer) = read.answer.take() else {
        return refused(findings);
    };
    let problems = content_problems(&mut answer, side_files);
    // Where a mistake was set aside, the answer holds no value of the clerk's to check, nor
    // one to count.
    let content = problems
        .into_iter()
        .filter(|problem| {
            !read.hides(&problem.path)
                && !problem
                    .counting
                    .is_some_and(|counted| read.may_miss(counted))
        })
        .map(|problem| located(problem, &mended, &locator, &lines));
    let shape_errors = !findings.is_empty();
    findings.extend(content);
    // An answer read with mistakes set aside is not the answer the file holds.
    let answer = (!shape_errors).then_some(answer);
    (answer, FileReport::new(path, text, findings))
}

/// The finding for a file with nothing in it.
fn empty_file(lines: &LineIndex<'_>) -> Finding {
    Finding::error(
        JsonPath::root(),
        "filen er tom".into(),
        Some(
            "skriv svaret i filen; `svar new` laver et skelet med de felter, der skal udfyldes"
                .into(),
        ),
        0..0,
        lines,
    )
}

/// What the content checks find in `answer`, once the files it names are read into it: its
/// figures' images, its spreadsheets' tables first, so the checks see their figures, then its ministry's profile.
fn content_problems(answer: &mut Answer, side_files: SideFiles<'_>) -> Vec<validate::Problem> {
    let mut problems = figures::resolve(answer, side_files);
    problems.extend(match spreadsheet::resolve(answer, side_files) {
        Ok(sheets) => sheets.relocate(validate::check(answer)),
        Err(problems) => problems,
    });
    match profile::resolve(answer, side_files) {
        Ok(()) => problems.extend(validate::check_letterhead(answer)),
        Err(problem) => {
            let error = validate::Problem::error(
                JsonPath::root().key("ministry").key("profile"),
                problem.message,
                Some(problem.hint),
            );
            problems.push(match problem.place {
                Some(place) => error.shown_in(*place),
                None => error,
            });
        }
    }
    problems
}

/// A content check's problem as a finding at its place in `text`: the character or part it is
/// about, else the first line of the value.
fn located(
    problem: validate::Problem,
    text: &str,
    locator: &Locator<'_>,
    lines: &LineIndex<'_>,
) -> Finding {
    let span = locator.span(&problem.path, false).unwrap_or(0..0);
    let span = match &problem.focus {
        Some(Focus::Character(c)) => character_in(text, span.clone(), *c),
        Some(Focus::Part(part)) => part_in(text, span.clone(), part.clone()),
        None => None,
    }
    .unwrap_or_else(|| first_line(text, span));
    let hint = match problem.from_file {
        Some(FileHint::DecimalComma) => {
            let written = locator.whole(&problem.path).unwrap_or_default();
            decimal_comma_hint(problem.hint, written)
        }
        None => problem.hint,
    };
    Finding {
        source: problem.source,
        ..Finding::located(
            problem.severity,
            problem.path,
            problem.message,
            hint,
            span,
            lines,
        )
    }
}

/// `hint`, for a row with more cells than columns written `written`, with what a figure
/// written there with a Danish decimal comma became: two cells.
fn decimal_comma_hint(hint: Option<String>, written: &str) -> Option<String> {
    let Some(figure) = decimal_comma_figure(written) else {
        return hint;
    };
    let meant = figure.replace('.', "").replace(',', ".");
    let advice = format!(
        "i JSON skiller komma cellerne, så {figure} er læst som to celler: skriv tallet med \
         punktum som decimaltegn og uden tusindtalspunktum: {meant}"
    );
    Some(match hint {
        Some(hint) => format!("{hint}; {advice}"),
        None => advice,
    })
}

/// The first figure in the JSON text `written`, outside its texts, written with a Danish
/// decimal comma: `12,5` or `1.234,5`, which JSON reads as two figures.
fn decimal_comma_figure(written: &str) -> Option<&str> {
    let texts: Vec<std::ops::Range<usize>> = scan::strings(written).collect();
    let bytes = written.as_bytes();
    let comma = (1..bytes.len().saturating_sub(1)).find(|&at| {
        bytes[at] == b','
            && bytes[at - 1].is_ascii_digit()
            && bytes[at + 1].is_ascii_digit()
            && !texts.iter().any(|text| text.contains(&at))
    })?;
    let in_figure = |byte: &u8| byte.is_ascii_digit() || *byte == b'.';
    let start = bytes[..comma]
        .iter()
        .rposition(|byte| !in_figure(byte))
        .map_or(0, |at| at + 1);
    let end = bytes[comma + 1..]
        .iter()
        .position(|byte| !byte.is_ascii_digit())
        .map_or(bytes.len(), |at| comma + 1 + at);
    Some(&written[start..end])
}

/// Where `c` is written in the JSON value at `span`: the character itself, or its `\u` escape
/// (`\u202e`, `\u202E`; a pair of them for a character beyond U+FFFF). `None` if it is not
/// there, as for a character in the ministry's profile, reported at the answer's "profile".
fn character_in(
    text: &str,
    span: std::ops::Range<usize>,
    c: char,
) -> Option<std::ops::Range<usize>> {
    let written = &text[span.clone()];
    if let Some(at) = written.find(c) {
        return Some(span.start + at..span.start + at + c.len_utf8());
    }
    let escape: String = c
        .encode_utf16(&mut [0; 2])
        .iter()
        .map(|unit| format!("\\u{unit:04x}"))
        .collect();
    // Lowering ASCII letters keeps every byte where it was.
    let at = written.to_ascii_lowercase().find(&escape)?;
    Some(span.start + at..span.start + at + escape.len())
}

/// Where the bytes `part` of the text of the JSON string at `span` are written: the same part
/// of the string literal, escapes and all (`\u00e6` is the two bytes of "æ"). `None` if `span`
/// is no string or the part lies beyond its end.
fn part_in(
    text: &str,
    span: std::ops::Range<usize>,
    part: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let literal = text.get(span.clone())?.strip_prefix('"')?;
    // Where the literal's characters start in the file: after the opening quote.
    let offset = span.start + 1;
    let mut read = 0;
    let mut start = None;
    for (written, length) in literal_characters(literal) {
        if read == part.start {
            start = Some(offset + written.start);
        }
        read += length;
        if read == part.end {
            return Some(start?..offset + written.end);
        }
    }
    None
}

/// The characters of a JSON string literal (after its opening quote, up to its closing one):
/// where each is written, and how many bytes it is when read. A `\u` escape pair for a
/// character beyond U+FFFF is one character of four bytes.
fn literal_characters(literal: &str) -> impl Iterator<Item = (std::ops::Range<usize>, usize)> {
    let bytes = literal.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at;
        let rest = literal.get(at..)?;
        let c = rest.chars().next()?;
        if c == '"' {
            return None;
        }
        let (written, read) = match (c, bytes.get(at + 1)) {
            ('\\', Some(b'u')) => escaped_unit(rest),
            ('\\', Some(_)) => (2, 1),
            _ => (c.len_utf8(), c.len_utf8()),
        };
        at += written;
        Some((start..at, read))
    })
}

/// A `\u` escape at the start of `rest`: how many bytes it is written in (6, or 12 for a
/// surrogate pair) and how many the character is when read.
fn escaped_unit(rest: &str) -> (usize, usize) {
    let unit = |at: usize| {
        rest.get(at..at + 6)
            .and_then(|escape| escape.strip_prefix("\\u"))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
    };
    match unit(0) {
        Some(0xD800..=0xDBFF) if unit(6).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low)) => {
            (12, 4)
        }
        Some(code) => (6, char::from_u32(code).map_or(3, char::len_utf8)),
        None => (2, 1),
    }
}

/// A list or object spans many lines; pointing at its first line is clearer.
fn first_line(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let end = text[span.clone()]
        .find('\n')
        .map_or(span.end, |newline| span.start + newline);
    span.start..end
}

/// Parses an answer (or any JSON value) without content checks, keeping the JSON path of a
/// failure.
fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, (JsonPath, serde_json::Error)> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let answer: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = serde_error::json_path(error.path());
        (path, error.into_inner())
    })?;
    deserializer
        .end()
        .map_err(|error| (JsonPath::root(), error))?;
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_no_utf8_text_is_told_by_what_it_is() {
        let utf16 =
            |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_le_bytes).collect() };
        assert_eq!(NotText::of(&utf16("{\"a\": 1}")), Some(NotText::Utf16));
        let mut with_mark = vec![0xff, 0xfe];
        with_mark.extend(utf16("{}"));
        assert_eq!(NotText::of(&with_mark), Some(NotText::Utf16));
        // Danish letters, below 256, have the zero of the ASCII ones.
        assert_eq!(NotText::of(&utf16("{\"ø\": 1}")), Some(NotText::Utf16));
        let utf32 = |text: &str| -> Vec<u8> {
            text.chars()
                .flat_map(|c| u32::from(c).to_le_bytes())
                .collect()
        };
        assert_eq!(NotText::of(&utf32("{\"a\": 1}")), Some(NotText::Utf32));
        let mut with_mark = vec![0xff, 0xfe, 0, 0];
        with_mark.extend(utf32("{}"));
        assert_eq!(NotText::of(&with_mark), Some(NotText::Utf32));
        assert_eq!(
            NotText::of(b"\x89PNG\r\n"),
            Some(NotText::Other("et billede (PNG)"))
        );
        assert_eq!(NotText::of(b"%PDF-1.7\n"), Some(NotText::Other(PDF)));
        assert_eq!(NotText::of(b"{\"a\": \"\0\"}"), Some(NotText::Binary));
        // Text, also in Latin-1 or with a UTF-8 byte-order mark, is left to the JSON reading,
        // which finds the character it cannot read at its line and column.
        assert_eq!(NotText::of(b"{\"a\": \"bl\xe5\"}"), None);
        assert_eq!(NotText::of("\u{feff}{}".as_bytes()), None);
        assert_eq!(NotText::of(b""), None);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_and_a_windows_line_end_stays() {
        assert_eq!(lone_returns_as_line_feeds("a\rb\r\nc\r"), "a\nb\r\nc\n");
        assert!(matches!(
            lone_returns_as_line_feeds("a\nb"),
            Cow::Borrowed(_)
        ));
        let (_, report) = check_text("{\r\"status\": 5\r}", Path::new("a.json"));
        let status = report
            .findings
            .iter()
            .find(|finding| finding.path.to_string() == "status")
            .expect("the status is refused");
        assert_eq!((status.line, status.column), (2, 11));
    }

    #[test]
    fn only_strings_escaping_a_decomposed_letter_are_rewritten() {
        let text = "{\"a\": \"pa\\u030a \\\"x\\\"\",\n \"b\": \"\\u00e5\", \"c\": \"\\u0007\"}";
        assert_eq!(
            composed_escapes(text),
            "{\"a\": \"p\u{e5} \\\"x\\\"\",\n \"b\": \"\\u00e5\", \"c\": \"\\u0007\"}"
        );
        // Nothing to compose: the text itself, not a copy.
        let plain = "{\"b\": \"\\u00e5\"}";
        assert!(matches!(composed_escapes(plain), Cow::Borrowed(_)));
        // A lone surrogate cannot be decoded; the parser reports it where it stands.
        assert_eq!(
            composed_escapes("{\"a\": \"\\ud800a\\u030a\"}"),
            "{\"a\": \"\\ud800a\\u030a\"}"
        );
    }

    fn findings(text: &str) -> Vec<Finding> {
        check_text(text, Path::new("a.json")).1.findings
    }

    /// The finding at `path` among `found`; the fields these short answers lack are reported
    /// too.
    fn at<'a>(found: &'a [Finding], path: &str) -> &'a Finding {
        let finding = found.iter().find(|f| f.path.to_string() == path);
        finding.unwrap_or_else(|| panic!("nothing at {path} in {found:?}"))
    }

    #[test]
    fn a_misspelled_field_is_reported_at_its_name_with_a_suggestion() {
        let found = findings(r#"{"ministry": {"nme": "X"}}"#);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "feltet `question` mangler",
                "feltet `answer` mangler",
                "feltet `name` mangler",
                "ukendt felt `nme`"
            ]
        );
        let misspelt = at(&found, "ministry.nme");
        assert_eq!(misspelt.hint.as_deref(), Some("mente du `name`?"));
        assert_eq!((misspelt.line, misspelt.column), (1, 15));
    }

    #[test]
    fn a_half_typed_field_is_one_text_not_closed_at_its_line_s_end() {
        // The quote left out turns every quote after it around: read on, the scan took the
        // JSON between them for field names, each "written twice".
        let text = "{\n  \"ministry\": {\n    \"office\": \"Kontor\", \"casewo,\n    \
                    \"profile\": \"x\"\n  },\n  \"date\": \"2011-04-11\",\n  \
                    \"status\": \"final\"\n}\n";
        let found = findings(text);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            ["JSON-syntaksfejl: teksten i linje 3 er ikke afsluttet med \""]
        );
        assert_eq!((found[0].line, found[0].column), (3, 33));
    }

    #[test]
    fn a_text_not_closed_before_the_next_field_on_its_line_is_told_where_its_quote_belongs() {
        // JSON reads `"… forløb, "` as the text and stops at `heading`; the tip for a quote
        // inside a text would have had the clerk escape it.
        let text = r#"{"answer": {"blocks": [{"paragraph": "Et langt afsnit med mange ord om sagen og dens forløb, "heading": "x"}]}}"#;
        let found = findings(text);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            ["JSON-syntaksfejl: teksten før feltet `heading` er ikke afsluttet med \""]
        );
        assert_eq!(
            found[0].hint.as_deref(),
            Some(
                "skriv \" der, hvor teksten slutter, og et komma før feltet: \"…ge ord om sagen \
                 og dens forløb\", \"heading\": …"
            )
        );
        let quote_belongs = text.find(", \"heading").unwrap();
        assert_eq!(found[0].column, text[..quote_belongs].chars().count() + 1);
    }

    #[test]
    fn a_file_cut_off_after_a_comma_names_what_it_leaves_open() {
        // serde_json says only that a value is missing, where the next one would begin.
        let found = findings("{\"answer\": {\"blocks\": [\n  {\"paragraph\": \"x\"},\n");
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "filen slutter for tidligt: listen `answer.blocks` (begyndt i linje 1) er ikke lukket"
            ]
        );
        assert_eq!(
            found[0].hint.as_deref(),
            Some(
                "3 objekter og lister er ikke lukket: luk hver { med } og hver [ med ], der hvor \
                 de slutter, eller se efter, om filen er skåret af; filen slutter med et komma: \
                 der mangler nok mere, eller kommaet skal slettes"
            )
        );
    }

    #[test]
    fn a_mistyped_kind_of_block_is_an_unknown_field_and_a_mistyped_status_an_unknown_value() {
        // serde reads both as an enum's value; the clerk wrote the block's kind as a field.
        let block = findings(r#"{"answer": {"blocks": [{"paragrf": "x"}]}}"#);
        let block = at(&block, "answer.blocks[0]");
        assert_eq!(block.message, "ukendt felt `paragrf`");
        assert_eq!(block.hint.as_deref(), Some("mente du `paragraph`?"));
        let status = findings(r#"{"status": "interm"}"#);
        let status = at(&status, "status");
        assert_eq!(status.message, "ukendt værdi `interm`");
        assert_eq!(status.hint.as_deref(), Some("mente du `interim`?"));
    }

    #[test]
    fn a_list_where_a_text_belongs_is_told_what_to_write_instead() {
        let caption = findings(r#"{"answer": {"blocks": [{"table": {"caption": ["Sager"]}}]}}"#);
        let caption = at(&caption, "answer.blocks[0].table.caption");
        assert_eq!(
            caption.message,
            "forkert type: fandt en liste [ … ], men her skal stå en tekst i \"…\""
        );
        assert_eq!(caption.hint.as_deref(), Some("skriv én tekst i \"…\""));
        // An item with items of its own, in a list that has one level.
        let item = findings(r#"{"answer": {"blocks": [{"list": ["a", {"items": ["b"]}]}]}}"#);
        assert_eq!(
            at(&item, "answer.blocks[0].list[1]").hint.as_deref(),
            Some(
                "en liste har ikke underpunkter; skriv dem som punkter for sig i listen, eller \
                 som en ny liste efter et afsnit, der leder ind til den"
            )
        );
    }

    #[test]
    fn a_part_of_a_text_is_found_where_it_is_written_escapes_and_all() {
        let text = r#"{"a": "\u00e6 [\"x\"](y) \ud83d\ude00 [^9]"}"#;
        // The string's value, from its opening quote to its closing one.
        let span = 6..text.len() - 1;
        let read = "æ [\"x\"](y) 😀 [^9]";
        let find = |part: &str| {
            let start = read.find(part).unwrap();
            let found = part_in(text, span.clone(), start..start + part.len()).unwrap();
            &text[found]
        };
        assert_eq!(find("[\"x\"](y)"), r#"[\"x\"](y)"#);
        assert_eq!(find("[^9]"), "[^9]");
        assert_eq!(find("😀"), r"\ud83d\ude00");
        assert_eq!(find("æ"), r"\u00e6");
    }

    #[test]
    fn trailing_content_is_an_error() {
        let found = findings("{} x");
        assert_eq!(found[0].severity, Severity::Error);
    }
}
