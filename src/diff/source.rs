//! Reading the answers to compare: answer files (JSON) through [`crate::input`], or PDFs made
//! by svar, which carry their answer file as the embedded file `svar.json`.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::claims::Claims;
use super::embedded;
use crate::input::{self, LoadError};
use crate::model::Answer;
use crate::render::ANSWER_ATTACHMENT;

/// Why an answer to compare cannot be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum SourceError {
    /// The answer file, or the answer file embedded in a PDF, cannot be read or has errors.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The PDF cannot be parsed.
    #[error("{}: PDF'en kan ikke læses; den er beskadiget eller ikke en PDF (PDF-læseren siger: {source})", path.display())]
    Pdf {
        /// The PDF.
        path: PathBuf,
        /// What the PDF parser said.
        source: lopdf::Error,
    },
    /// The PDF nests arrays or dictionaries deeper than any PDF svar reads: a crafted file,
    /// whose parsing would overflow the stack.
    #[error("{}: PDF'en kan ikke læses; den er beskadiget eller ikke en PDF (dens objekter er indlejret mere end {MAX_PDF_NESTING} niveauer dybt)", path.display())]
    TooDeep {
        /// The PDF.
        path: PathBuf,
    },
    /// The PDF has no embedded answer file, and svar did not make it.
    #[error("{} er ikke lavet af svar (den indeholder ingen {ANSWER_ATTACHMENT})", path.display())]
    NotFromSvar {
        /// The PDF.
        path: PathBuf,
    },
    /// svar made the PDF, but it carries no answer file: a standard that allows no attached
    /// files, or they were taken out after.
    #[error("{} er lavet af svar, men uden den vedhæftede svarfil ({ANSWER_ATTACHMENT})", path.display())]
    WithoutAnswer {
        /// The PDF.
        path: PathBuf,
        /// The PDF/A level the PDF claims ("PDF/A-2b"), where that level forbids attachments.
        forbidding: Option<String>,
    },
    /// The PDF is a redline from `svar diff --redline`: the changes between two answers, which
    /// carries neither of them.
    #[error("{} er en redline fra svar diff (ændringerne mellem to udgaver af et svar), ikke et svar", path.display())]
    Redline {
        /// The PDF.
        path: PathBuf,
    },
    /// The embedded answer file is not text.
    #[error("{}: den indlejrede {ANSWER_ATTACHMENT} er ikke UTF-8-tekst", path.display())]
    NotText {
        /// The PDF.
        path: PathBuf,
    },
}

impl SourceError {
    /// Advice for the user, where there is some to give.
    pub(crate) fn hint(&self) -> Option<String> {
        match self {
            Self::NotFromSvar { .. } => {
                Some("sammenlign svarfilerne (JSON), eller PDF'er, som svar har lavet".to_string())
            }
            Self::WithoutAnswer {
                forbidding: Some(standard),
                ..
            } => Some(format!(
                "PDF'en er lavet efter {standard}, som ikke tillader vedhæftede filer; sammenlign svarfilerne (JSON) i stedet"
            )),
            Self::WithoutAnswer {
                forbidding: None, ..
            } => Some("sammenlign svarfilerne (JSON) i stedet".to_string()),
            Self::Redline { .. } => Some(
                "sammenlign de to svar, redlinen blev lavet af: deres svarfiler (JSON) eller PDF'erne af dem"
                    .to_string(),
            ),
            _ => None,
        }
    }
}

/// Reads the answer in `path`: a PDF (by its `.pdf` ending or its `%PDF-` header) or else an
/// answer file. Answers with errors are refused with their located findings.
pub(crate) fn load(path: &Path) -> Result<Answer, SourceError> {
    if is_pdf(path) {
        load_pdf(path)
    } else {
        Ok(input::load(path)?.answer)
    }
}

pub(crate) fn is_pdf(path: &Path) -> bool {
    let named_pdf = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("pdf"));
    named_pdf || starts_like_pdf(path)
}

fn starts_like_pdf(path: &Path) -> bool {
    let mut header = [0u8; 5];
    std::fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut header))
        .is_ok_and(|()| &header == b"%PDF-")
}

/// How deeply a PDF's arrays and dictionaries may nest; svar's own nest less than ten deep.
const MAX_PDF_NESTING: usize = 256;

/// The PDF in `bytes`, parsed on a thread with a stack of its own. lopdf parses nested arrays
/// and dictionaries by recursion, and a stack overflow aborts the process rather than fail:
/// the nesting is checked before ([`nests_deeper_than`], [`object_streams_nest_deeper_than`]),
/// and the large stack is for what a stream lopdf decodes some other way may still hold.
fn parse_pdf(bytes: Vec<u8>) -> Result<lopdf::Document, lopdf::Error> {
    std::thread::Builder::new()
        .name("svar-pdf".into())
        .stack_size(512 << 20)
        .spawn(move || lopdf::Document::load_mem(&bytes))
        .map_err(lopdf::Error::IO)?
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Whether the arrays and dictionaries written out in the PDF `bytes` nest deeper than `limit`,
/// with strings, comments and stream data skipped (their brackets are not the PDF's).
fn nests_deeper_than(bytes: &[u8], limit: usize) -> bool {
    let (mut depth, mut at) = (0usize, 0);
    while at < bytes.len() {
        match bytes[at] {
            b'[' => depth += 1,
            b'<' if bytes.get(at + 1) == Some(&b'<') => {
                depth += 1;
                at += 1;
            }
            b']' => depth = depth.saturating_sub(1),
            b'>' if bytes.get(at + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                at += 1;
            }
            b'<' => at = skip_past(bytes, at, b">"),
            b'(' => at = skip_string(bytes, at),
            b'%' => at = skip_past(bytes, at, b"\n"),
            b's' if bytes[at..].starts_with(b"stream") => at = skip_past(bytes, at, b"endstream"),
            _ => {}
        }
        if depth > limit {
            return true;
        }
        at += 1;
    }
    false
}

/// Whether the objects in an object stream of the PDF `bytes` (objects stored together, which
/// [`nests_deeper_than`] skips as stream data) nest deeper than `limit`, or inflate to more
/// than an embedded file may: lopdf would inflate such a stream whole and parse it by
/// recursion, and a few deflated kilobytes of `[` would overflow any stack.
fn object_streams_nest_deeper_than(bytes: &[u8], limit: usize) -> bool {
    let mut from = 0;
    while let Some(found) = position(&bytes[from..], b"/ObjStm") {
        let Some(keyword) = position(&bytes[from + found..], b"stream") else {
            break;
        };
        let mut start = from + found + keyword + b"stream".len();
        start += bytes[start..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let end = position(&bytes[start..], b"endstream").map_or(bytes.len(), |end| start + end);
        let data = &bytes[start..end];
        let too_deep = match embedded::inflate(data) {
            Some(inflated) if inflated.len() as u64 > embedded::MAX_EMBEDDED_BYTES => true,
            Some(inflated) => nests_deeper_than(&inflated, limit),
            // Not deflated: the objects as they are written.
            None => nests_deeper_than(data, limit),
        };
        if too_deep {
            return true;
        }
        from = end;
    }
    false
}

/// The index of the last byte of the first `end` after `at`, or the end of `bytes`.
fn skip_past(bytes: &[u8], at: usize, end: &[u8]) -> usize {
    position(&bytes[at + 1..], end).map_or(bytes.len(), |found| at + found + end.len())
}

/// Where `needle` first stands in `haystack`.
fn position(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// The index of the `)` that closes the literal string opening at `at`: parentheses nest in
/// a string, and a backslash escapes the byte after it.
fn skip_string(bytes: &[u8], at: usize) -> usize {
    let (mut depth, mut index) = (0usize, at);
    while index < bytes.len() {
        match bytes[index] {
            b'\\' => index += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return index;
                }
            }
            _ => {}
        }
        index += 1;
    }
    bytes.len()
}

fn load_pdf(path: &Path) -> Result<Answer, SourceError> {
    let bytes = crate::fs::read_file(path).map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if nests_deeper_than(&bytes, MAX_PDF_NESTING)
        || object_streams_nest_deeper_than(&bytes, MAX_PDF_NESTING)
    {
        return Err(SourceError::TooDeep {
            path: path.to_path_buf(),
        });
    }
    let document = parse_pdf(bytes).map_err(|source| SourceError::Pdf {
        path: path.to_path_buf(),
        source,
    })?;
    let embedded = embedded::find(&document, ANSWER_ATTACHMENT)
        .ok_or_else(|| without_answer(&document, path))?;
    let text = String::from_utf8(embedded).map_err(|_| SourceError::NotText {
        path: path.to_path_buf(),
    })?;
    let label = PathBuf::from(format!("{} ({ANSWER_ATTACHMENT})", path.display()));
    // Its ministry's profile and logo come from the PDF too, not from the disk around it.
    let find = |name: &str| embedded::find(&document, name);
    let loaded = input::load_text_with(&text, &label, input::SideFiles::Attached(&find))?;
    Ok(loaded.answer)
}

/// Why a PDF carries no answer file, by what it says about itself: a redline, a PDF svar made
/// under a standard that forbids attachments (or whose attachments were taken out), or one svar
/// did not make.
fn without_answer(document: &lopdf::Document, path: &Path) -> SourceError {
    let claims = Claims::read(document);
    let path = path.to_path_buf();
    if claims.is_redline() {
        SourceError::Redline { path }
    } else if claims.made_by_svar() {
        let forbidding = claims
            .pdfa
            .filter(|level| level.forbids_attachments())
            .map(|level| level.name());
        SourceError::WithoutAnswer { path, forbidding }
    } else {
        SourceError::NotFromSvar { path }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_outside_strings_comments_and_streams() {
        let deep = |open: &str, close: &str, levels: usize| {
            format!(
                "%PDF-1.7\n1 0 obj\n{}{}\nendobj\n",
                open.repeat(levels),
                close.repeat(levels)
            )
        };
        assert!(!nests_deeper_than(deep("[", "]", 10).as_bytes(), 10));
        assert!(nests_deeper_than(deep("[", "]", 11).as_bytes(), 10));
        assert!(nests_deeper_than(deep("<< /A ", ">>", 11).as_bytes(), 10));
        let hidden = format!(
            "(a string [[[[ \\) (( )))\n% a comment [[[[[[\n<5b5b5b> stream\n{}\nendstream [",
            "[".repeat(100)
        );
        assert!(!nests_deeper_than(hidden.as_bytes(), 1));
        assert!(nests_deeper_than((hidden + "[").as_bytes(), 1));
    }

    #[test]
    fn objects_nested_deep_inside_a_compressed_object_stream_are_found() {
        use std::io::Write;
        let object_stream = |objects: &[u8]| {
            let mut deflated = flate2::write::ZlibEncoder::new(Vec::new(), Default::default());
            deflated.write_all(objects).unwrap();
            let data = deflated.finish().unwrap();
            let mut pdf = b"%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n".to_vec();
            pdf.extend(data);
            pdf.extend(b"\nendstream\nendobj\n");
            pdf
        };
        let shallow = object_stream(b"6 0 [[1] << /A [2] >>]");
        assert!(!nests_deeper_than(&shallow, 10));
        assert!(!object_streams_nest_deeper_than(&shallow, 10));
        let deep = object_stream(&[b'['; 100_000]);
        assert!(
            !nests_deeper_than(&deep, 10),
            "the raw scan cannot see inside"
        );
        assert!(object_streams_nest_deeper_than(&deep, 10));
        // A stream that inflates past what svar reads is refused too.
        let bomb = object_stream(&vec![b' '; (embedded::MAX_EMBEDDED_BYTES + 1) as usize]);
        assert!(object_streams_nest_deeper_than(&bomb, 10));
    }
}
