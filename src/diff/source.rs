//! Reading the answers to compare: answer files (JSON) through [`crate::input`], or PDFs made
//! by svar, which carry their answer file as the embedded file `svar.json`.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::claims::Claims;
use super::embedded;
use crate::input::{self, LoadError};
use crate::model::Answer;

/// The answer file every svar PDF carries.
pub const EMBEDDED_ANSWER: &str = crate::SOURCE_ATTACHMENT;

/// Why an answer to compare cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
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
    /// The PDF has no embedded answer file, and svar did not make it.
    #[error("{} er ikke lavet af svar (den indeholder ingen {EMBEDDED_ANSWER})", path.display())]
    NotFromSvar {
        /// The PDF.
        path: PathBuf,
    },
    /// svar made the PDF, but it carries no answer file: a standard that allows no attached
    /// files, or they were taken out after.
    #[error("{} er lavet af svar, men uden den vedhæftede svarfil ({EMBEDDED_ANSWER})", path.display())]
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
    #[error("{}: den indlejrede {EMBEDDED_ANSWER} er ikke UTF-8-tekst", path.display())]
    NotText {
        /// The PDF.
        path: PathBuf,
    },
}

impl SourceError {
    /// Advice for the user, where there is some to give.
    pub fn hint(&self) -> Option<String> {
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
pub fn load(path: &Path) -> Result<Answer, SourceError> {
    if is_pdf(path) {
        load_pdf(path)
    } else {
        Ok(input::load(path)?.answer)
    }
}

fn is_pdf(path: &Path) -> bool {
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

fn load_pdf(path: &Path) -> Result<Answer, SourceError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let document = lopdf::Document::load_mem(&bytes).map_err(|source| SourceError::Pdf {
        path: path.to_path_buf(),
        source,
    })?;
    let embedded = embedded::find(&document, EMBEDDED_ANSWER)
        .ok_or_else(|| without_answer(&document, path))?;
    let text = String::from_utf8(embedded).map_err(|_| SourceError::NotText {
        path: path.to_path_buf(),
    })?;
    let label = PathBuf::from(format!("{} ({EMBEDDED_ANSWER})", path.display()));
    // Its ministry's profile and logo come from the PDF too, not from the disk around it.
    let find = |name: &str| embedded::find(&document, name);
    let (answer, report) = input::check_text_with(&text, &label, input::SideFiles::Attached(&find));
    match answer {
        Some(answer) if !report.has_errors() => Ok(answer),
        _ => Err(LoadError::Invalid { report }.into()),
    }
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
