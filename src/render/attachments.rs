//! The files a PDF carries besides its pages, so that it can be compared, and made again,
//! without the folder it was made in: the answer file, and its ministry's profile and logo.

use std::borrow::Cow;
use std::sync::Arc;

use serde::Serialize;

use crate::fs::PROFILE_FOLDER;
use crate::model::Answer;

/// The name of the answer's source JSON attached to every PDF svar writes; `svar diff` reads
/// the answer back from it, so a PDF can be compared without its answer file.
pub(crate) const ANSWER_ATTACHMENT: &str = "svar.json";

/// A file attached to the PDF.
#[derive(Debug, Clone, Serialize)]
pub struct Attachment {
    /// Its name in the PDF, which is also the path the Typst world serves it at.
    pub name: String,
    /// Its media type.
    pub mime_type: &'static str,
    /// The description PDF readers show.
    pub description: String,
    /// Its content.
    #[serde(skip)]
    pub bytes: Arc<[u8]>,
}

/// Everything a PDF of `answer` carries: the answer as JSON, as the svar version named in its
/// description set it (the clerk's file as svar read it, not svar's own writing), then its
/// ministry's profile and logo as they were read.
pub fn attachments(answer: &Answer) -> Vec<Attachment> {
    let version = env!("CARGO_PKG_VERSION");
    let mut files = vec![Attachment {
        name: ANSWER_ATTACHMENT.to_string(),
        mime_type: "application/json",
        description: format!("Svarets indhold (JSON), som svar {version} satte det"),
        bytes: answer_json(answer).into(),
    }];
    let profile = answer.ministry.profile.as_ref();
    let letterhead = answer.ministry.letterhead.as_ref();
    if let (Some(id), Some(letterhead)) = (profile, letterhead) {
        files.push(Attachment {
            name: format!("{PROFILE_FOLDER}/{id}.json"),
            mime_type: "application/json",
            description: format!("Ministeriets profil (brevpapir), som svar {version} læste den"),
            bytes: letterhead.source.clone(),
        });
        if let Some(logo) = &letterhead.logo {
            files.push(Attachment {
                name: format!("{PROFILE_FOLDER}/{}", logo.file),
                mime_type: image_type(&logo.file),
                description: format!("Ministeriets logo: {}", logo.description),
                bytes: logo.bytes.clone(),
            });
        }
    }
    files.extend(figure_files(answer));
    files
}

/// The image files of the answer's figures, each once: the PDF carries them, and Typst draws
/// them from there, so a comparison of two PDFs sees the images each answer had.
fn figure_files(answer: &Answer) -> Vec<Attachment> {
    let mut files: Vec<Attachment> = Vec::new();
    crate::validate::walk_answer(answer, &mut |block, _| {
        if let crate::model::Block::Figure(figure) = block {
            let name = figure.attached_name();
            if files.iter().all(|file| file.name != name) {
                files.push(Attachment {
                    name,
                    mime_type: image_type(&figure.file),
                    description: format!("Figur: {}", figure.description),
                    bytes: figure.bytes.clone(),
                });
            }
        }
    });
    files
}

/// `answer` as it is published with its PDF: without the footnotes that do not print (in a
/// plain-text answer, or referred to nowhere). What is attached goes out with the page, and a
/// note a clerk left unused, or kept for the office's own eyes, must not go out where no reader
/// of the page can see it.
pub(crate) fn as_published(answer: &Answer) -> Cow<'_, Answer> {
    let printed = crate::markup::printed_footnotes(answer);
    if printed.len() == answer.footnotes.len() {
        Cow::Borrowed(answer)
    } else {
        Cow::Owned(Answer {
            footnotes: printed,
            ..answer.clone()
        })
    }
}

/// The answer as the JSON attached to its PDF: the same format as answer files, as published.
fn answer_json(answer: &Answer) -> Vec<u8> {
    let mut json = serde_json::to_vec_pretty(&*as_published(answer)).expect("answers serialise");
    json.push(b'\n');
    json
}

/// The media type of a logo or a figure, by its extension (only these three are accepted).
fn image_type(file: &str) -> &'static str {
    let extension = std::path::Path::new(file)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match extension.as_str() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "image/jpeg",
    }
}
