//! The PDF an answer had before `svar render` began on it: whether a failed or interrupted
//! render left it as it was, so that svar can say which PDFs are current and which are from an
//! earlier version of their answer.
//!
//! A PDF is only ever written whole, through a new file renamed over it (see
//! [`crate::output::write_atomically`]), so a PDF made again is another file than before: the
//! file's identity tells whether it was written, also when the process that wrote it was
//! ended before it could say so.

use std::path::Path;
use std::time::SystemTime;

/// The PDF at a path as it was when looked at: none, or which file it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct EarlierPdf(Option<Identity>);

/// Which file a PDF is: its device and inode (where the system has them), its length, and
/// when it was last written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Identity {
    file: (u64, u64),
    length: u64,
    modified: Option<SystemTime>,
}

impl EarlierPdf {
    /// The PDF at `pdf` now (the file a link leads to, as it is written).
    pub(super) fn of(pdf: &Path) -> Self {
        // A folder of the PDF's name is no earlier PDF (`-o ud.pdf` naming a folder).
        let file = std::fs::metadata(pdf)
            .ok()
            .filter(std::fs::Metadata::is_file);
        Self(file.map(|metadata| Identity {
            file: device_and_inode(&metadata),
            length: metadata.len(),
            modified: metadata.modified().ok(),
        }))
    }

    /// Whether a PDF has been written to `pdf` since this was looked at.
    pub(super) fn was_replaced(self, pdf: &Path) -> bool {
        Self::of(pdf) != self
    }

    /// Whether `pdf` is still the PDF an earlier render wrote: there was one, and it was not
    /// replaced. After a failure, it shows an earlier version of its answer.
    pub(super) fn is_left_from_before(self, pdf: &Path) -> bool {
        self.0.is_some() && !self.was_replaced(pdf)
    }
}

/// The file's device and inode: a file renamed over another is another inode, however fast
/// it was written.
#[cfg(unix)]
fn device_and_inode(metadata: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (metadata.dev(), metadata.ino())
}

/// Elsewhere the length and the time written tell the files apart.
#[cfg(not(unix))]
fn device_and_inode(_: &std::fs::Metadata) -> (u64, u64) {
    (0, 0)
}

/// The warning for a PDF an earlier render wrote of an answer that failed now: it looks as
/// current as the others in its folder, and could be sent.
pub(super) fn stale_warning(pdf: &Path) -> String {
    stale(pdf, "ret fejlen og sæt svaret igen, før PDF'en sendes")
}

/// The same warning from `svar watch`, which sets the answer again by itself once the file is
/// mended: a clerk who sends the PDF from the viewer would otherwise send the version before.
pub(super) fn stale_while_watching(pdf: &Path) -> String {
    stale(pdf, "den sættes igen, når fejlen er rettet og filen gemt")
}

/// The warning for the PDF at `pdf`, which an earlier render wrote, followed by what to do.
fn stale(pdf: &Path, then: &str) -> String {
    format!(
        "advarsel: {} er fra en tidligere udgave af svaret og er ikke opdateret; {then}\n",
        pdf.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_renamed_over_the_earlier_one_is_told_apart_from_it() {
        let folder = tempfile::tempdir().unwrap();
        let pdf = folder.path().join("a.pdf");
        let none = EarlierPdf::of(&pdf);
        assert!(!none.is_left_from_before(&pdf), "there was none");
        std::fs::write(&pdf, "før").unwrap();
        assert!(none.was_replaced(&pdf));
        let earlier = EarlierPdf::of(&pdf);
        assert!(earlier.is_left_from_before(&pdf));
        crate::output::write_atomically(&pdf, b"efter").unwrap();
        assert!(earlier.was_replaced(&pdf));
        assert!(!earlier.is_left_from_before(&pdf));
    }
}
