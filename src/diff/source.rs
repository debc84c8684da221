//! Reading the answers to compare: answer files (JSON) through [`crate::input`], or PDFs made
//! by svar, which carry their answer file as the embedded file `svar.json`.

use std::io::Read;
use std::path::{Path, PathBuf};

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
    /// svar made the PDF, under a standard that allows no attached files.
    #[error("{} er lavet af svar, men uden den vedhæftede svarfil ({EMBEDDED_ANSWER})", path.display())]
    WithoutAnswer {
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
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Self::NotFromSvar { .. } => {
                Some("sammenlign svarfilerne (JSON), eller PDF'er, som svar har lavet")
            }
            Self::WithoutAnswer { .. } => Some(
                "PDF'er efter PDF/A-2 eller PDF/A-4 kan ikke have svarfilen vedhæftet; sammenlign svarfilerne (JSON) i stedet",
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
    let embedded = embedded::find(&document, EMBEDDED_ANSWER).ok_or_else(|| {
        let path = path.to_path_buf();
        if made_by_svar(&document) {
            SourceError::WithoutAnswer { path }
        } else {
            SourceError::NotFromSvar { path }
        }
    })?;
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

/// Whether the PDF's document information names svar as its creator ("svar 0.1.0").
fn made_by_svar(document: &lopdf::Document) -> bool {
    let creator = document
        .trailer
        .get(b"Info")
        .and_then(|info| document.dereference(info))
        .and_then(|(_, info)| info.as_dict())
        .and_then(|info| info.get(b"Creator"))
        .and_then(|creator| document.dereference(creator))
        .and_then(|(_, creator)| creator.as_str());
    creator.is_ok_and(|creator| creator.starts_with(b"svar "))
}
