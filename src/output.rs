//! Writing results so that a failed or interrupted run never leaves a half-written file.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::fs::lexical;

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so
/// `path` holds either its old content or the whole new content, never a part. A file made
/// read-only is refused (`PermissionDenied`), as writing it in place would be: the rename
/// would otherwise replace a PDF a clerk locked, and drop its protection.
///
/// A `path` that is a link (to the copy in a shared folder, say) stays one: the file it leads
/// to is made again, as writing in place would, rather than the link replaced by a file.
///
/// A file that holds `bytes` already is left as it is: an answer rendered again unchanged
/// keeps its PDF's time (a sync client uploads nothing, a reviewer's tools see no change), and
/// a PDF made read-only, or one in a folder svar may not write in, is no error when it is
/// current.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    make_folder(folder_of(path))?;
    let target = link_target(path);
    let path = target.as_deref().unwrap_or(path);
    if holds(path, bytes) {
        return Ok(());
    }
    if std::fs::metadata(path).is_ok_and(|metadata| metadata.permissions().readonly()) {
        return Err(io::Error::from(io::ErrorKind::PermissionDenied));
    }
    let (file, _pending) = written_beside(path, bytes)?;
    // A PDF a clerk shared with their group keeps its permissions when it is made again.
    if let Ok(metadata) = std::fs::metadata(path) {
        std::fs::set_permissions(file.path(), metadata.permissions())?;
    }
    file.persist(path).map_err(|error| error.error)?;
    Ok(())
}

/// Whether the file at `path` holds exactly `bytes`; its length is compared first, so a file
/// of another length is not read.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(path)
        .is_ok_and(|metadata| metadata.is_file() && metadata.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|held| held == bytes)
}

/// The file the link `path` leads to, if `path` is a link: also one not made yet, in a folder
/// that must then exist (no folder is made where a link leads, such as on a share that is
/// not mounted).
fn link_target(path: &Path) -> Option<PathBuf> {
    if !crate::fs::is_link(path) {
        return None;
    }
    path.canonicalize()
        .ok()
        .or_else(|| Some(folder_of(path).join(std::fs::read_link(path).ok()?)))
}

/// Makes `folder` if it does not exist, but not the folders it is in (as `mkdir` without `-p`):
/// a whole path made anew is most likely a share that is not mounted, or a drive path
/// mistyped, where PDFs written would lie on the local disk unseen (see
/// [`check_output_path`], which refuses such a path before any work).
fn make_folder(folder: &Path) -> io::Result<()> {
    if folder.is_dir() {
        return Ok(());
    }
    match std::fs::create_dir(folder) {
        // Made meanwhile, by another worker of the batch.
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists && folder.is_dir() => Ok(()),
        made => made,
    }
}

/// The folders on the way to `output` that do not exist, the one it is in first; svar makes
/// only that one.
fn missing_folders(output: &Path) -> Vec<&Path> {
    folder_of(output)
        .ancestors()
        .take_while(|folder| !folder.as_os_str().is_empty() && !folder.exists())
        .collect()
}

/// Writes `bytes` to a new file at `path`, whole or not at all, and never over an existing
/// file (`ErrorKind::AlreadyExists`), as `svar new` promises.
pub(crate) fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (file, _pending) = written_beside(path, bytes)?;
    file.persist_noclobber(path).map_err(|error| error.error)?;
    Ok(())
}

/// The temporary files being written or waiting to be renamed: a temporary file removes
/// itself when dropped, but not when svar is ended by a signal.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A temporary file counted as pending for as long as this lives.
struct Pending(PathBuf);

impl Pending {
    /// The temporary file `create` makes, counted as pending from the moment it exists: the
    /// list is held meanwhile, so Ctrl+C cannot come between and leave it uncounted.
    fn create(
        create: impl FnOnce() -> io::Result<tempfile::NamedTempFile>,
    ) -> io::Result<(tempfile::NamedTempFile, Self)> {
        let mut files = pending();
        let file = create()?;
        files.push(file.path().to_path_buf());
        let pending = Self(file.path().to_path_buf());
        Ok((file, pending))
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        let mut files = pending();
        if let Some(index) = files.iter().position(|file| *file == self.0) {
            files.swap_remove(index);
        }
    }
}

/// Removes the temporary files being written, for svar to end at once on Ctrl+C or SIGTERM
/// without leaving them beside the PDFs (each a whole PDF, which would be synced and filed
/// with them). Holding the list until svar has ended, no new one is started meanwhile.
pub(crate) fn remove_pending() -> MutexGuard<'static, Vec<PathBuf>> {
    let mut files = pending();
    for file in files.drain(..) {
        let _ = std::fs::remove_file(file);
    }
    files
}

/// How the name of every temporary file ends.
const TEMPORARY_SUFFIX: &str = ".tmp";

/// How the name of every temporary file the process `id` writes begins: with the process in
/// it, a batch can remove what a worker it lost left (see [`remove_left_by`]).
fn temporary_prefix(id: u32) -> String {
    format!(".svar-{id}-")
}

/// Removes the temporary files the process `id` left in `folder`: a worker of a batch killed
/// while it wrote a PDF (as the system kills a process for want of memory) could not.
pub(crate) fn remove_left_by(id: u32, folder: &Path) {
    let prefix = temporary_prefix(id);
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(TEMPORARY_SUFFIX) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The folder `path` is in; "." for a bare file name.
pub(crate) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// A temporary file in `path`'s folder, holding `bytes` safely on disk, ready to be renamed.
/// It gets the permissions any new file gets (0666 less the umask) rather than a temporary
/// file's private 0600: a PDF is published and an answer file is shared with colleagues.
fn written_beside(path: &Path, bytes: &[u8]) -> io::Result<(tempfile::NamedTempFile, Pending)> {
    let mut builder = tempfile::Builder::new();
    let prefix = temporary_prefix(std::process::id());
    builder.prefix(&prefix).suffix(TEMPORARY_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let (mut file, pending) = Pending::create(|| builder.tempfile_in(folder_of(path)))?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    Ok((file, pending))
}

/// Why svar will not write a PDF where it was asked to.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub(crate) enum OutputPathError {
    /// The path does not end in `.pdf`, so it may well be something else.
    #[error("{0}: en PDF skal have et navn, der ender på .pdf")]
    NotPdf(PathBuf),
    /// A folder on the way to the PDF is a file.
    #[error("{0}: {1} er en fil, ikke en mappe; vælg en anden mappe")]
    FolderIsFile(PathBuf, PathBuf),
    /// The output would replace one of the files it is made from.
    #[error(
        "{0}: filen ville erstatte {1}, som den laves ud fra; vælg et andet navn eller en anden mappe"
    )]
    ReplacesInput(PathBuf, PathBuf),
    /// `-o "svar.pdf "`: a name pasted with a space beside it, which would name another file
    /// or folder than the one meant (a folder `svar.pdf `, since it no longer ends in .pdf).
    #[error(
        "\"{}\": et navn på stien begynder eller slutter med et mellemrum, måske kopieret med; skriv det uden mellemrummet",
        .0.display()
    )]
    LooseSpaces(PathBuf),
    /// The folder the output would go in is missing, and so is the one above it: svar makes
    /// only the last folder of a path, so a share that is not mounted, or a mistyped path, is
    /// not made on the local disk. The second path is the outermost folder missing.
    #[error(
        "{0}: mappen {1} findes ikke, og svar opretter kun den sidste mappe på stien; opret mappen først, eller ret stien"
    )]
    MissingFolder(PathBuf, PathBuf),
}

/// The files a command reads, which its outputs must not replace, known by where they really
/// are (`a.json`, `./a.json` and a link to it are one file).
#[derive(Debug, Default)]
pub(crate) struct Inputs {
    /// Each existing input's canonical path, with the path it was given as.
    files: HashMap<PathBuf, PathBuf>,
    /// Each existing input as it was given, with its canonical path.
    resolved: HashMap<PathBuf, PathBuf>,
}

impl Inputs {
    /// The inputs `paths`, each resolved once: checking a batch's outputs against all of its
    /// answers must not resolve every answer again for every output.
    pub(crate) fn new<P: AsRef<Path>>(paths: impl IntoIterator<Item = P>) -> Self {
        let mut inputs = Self::default();
        for path in paths {
            let path = path.as_ref();
            if let Ok(canonical) = path.canonicalize() {
                inputs
                    .files
                    .entry(canonical.clone())
                    .or_insert_with(|| path.to_path_buf());
                inputs.resolved.insert(path.to_path_buf(), canonical);
            }
        }
        inputs
    }

    /// Where the input given as `path` really is, the same however it is spelled (`a.json`,
    /// `./a.json`, a link); `path` itself if it is no input or does not exist.
    pub(crate) fn canonical<'a>(&'a self, path: &'a Path) -> &'a Path {
        self.resolved.get(path).map_or(path, PathBuf::as_path)
    }

    /// The input that `output` would replace, as it was given.
    fn replaced_by(&self, output: &Path) -> Option<&PathBuf> {
        if self.files.is_empty() {
            return None;
        }
        // A path through a folder not made yet ("nyd/../a.json") is where it will lead.
        let resolved = output
            .canonicalize()
            .or_else(|_| lexical(output).canonicalize())
            .ok()?;
        self.files.get(&resolved)
    }
}

/// Checks that `pdf` may be written: it is named `*.pdf` without a pasted space beside the
/// name, and it is none of `inputs` (however either is spelled: `a.json`, `./a.json`, a link),
/// so a slip on the command line cannot overwrite the answer a clerk is working on.
pub(crate) fn check_pdf_path(pdf: &Path, inputs: &Inputs) -> Result<(), OutputPathError> {
    if has_loose_spaces(pdf) {
        return Err(OutputPathError::LooseSpaces(pdf.to_path_buf()));
    }
    if !is_pdf_name(pdf) {
        return Err(OutputPathError::NotPdf(pdf.to_path_buf()));
    }
    check_output_path(pdf, inputs)
}

/// Checks that `output` may be written: no folder on its way is a file, it is none of
/// `inputs` (however either is spelled), and at most the folder it is in is missing.
pub(crate) fn check_output_path(output: &Path, inputs: &Inputs) -> Result<(), OutputPathError> {
    if let Some(file) = output
        .ancestors()
        .skip(1)
        .find(|folder| is_not_folder(folder))
    {
        return Err(OutputPathError::FolderIsFile(
            output.to_path_buf(),
            file.to_path_buf(),
        ));
    }
    if let Some(input) = inputs.replaced_by(output) {
        return Err(OutputPathError::ReplacesInput(
            output.to_path_buf(),
            input.clone(),
        ));
    }
    match missing_folders(output).as_slice() {
        [_, .., outermost] => Err(OutputPathError::MissingFolder(
            output.to_path_buf(),
            outermost.to_path_buf(),
        )),
        _ => Ok(()),
    }
}

/// Whether `path`, as given or with its `..` resolved, is something other than a folder: a
/// file, or a device such as `/dev/full`, which no folder can be made in either.
pub(crate) fn is_not_folder(path: &Path) -> bool {
    let not_folder = |path: &Path| path.metadata().is_ok_and(|metadata| !metadata.is_dir());
    not_folder(path) || not_folder(&lexical(path))
}

/// Whether a path names a PDF file, whatever the case of its extension; `a.pdf/` names a
/// folder.
pub(crate) fn is_pdf_name(path: &Path) -> bool {
    !names_folder(path) && has_extension(path, &["pdf"])
}

/// Whether a path names an answer file (`x.json`, whatever the case); `x.json/` names a folder.
pub(crate) fn is_answer_name(path: &Path) -> bool {
    !names_folder(path) && has_extension(path, &["json"])
}

/// Whether `path`'s extension is one of `extensions` (given in lower case), whatever its case:
/// a clerk's `SVAR.PDF` or `Logo.PNG` is what its name says.
pub(crate) fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            extensions
                .iter()
                .any(|wanted| extension.eq_ignore_ascii_case(wanted))
        })
}

/// Whether a part of `path` that does not exist yet begins or ends with a space, as a name
/// pasted with the space beside it does ("svar.pdf ", "ud /svar.pdf"): a file or folder named
/// so looks like the one meant, and a PDF's extension is no longer `.pdf`.
pub(crate) fn has_loose_spaces(path: &Path) -> bool {
    let mut reached = PathBuf::new();
    path.components().any(|part| {
        reached.push(part);
        let loose = match part {
            std::path::Component::Normal(name) => {
                let name = name.to_string_lossy();
                name.trim() != name
            }
            _ => false,
        };
        loose && !reached.exists()
    })
}

/// Whether `path` ends in a separator (`svar.json/`, `a.pdf/`), which names a folder, although
/// `Path` reads it as the file `svar.json`.
pub(crate) fn names_folder(path: &Path) -> bool {
    path.as_os_str().to_string_lossy().ends_with(['/', '\\'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_holds_the_bytes_already_is_not_written_again() {
        let folder = tempfile::tempdir().unwrap();
        let pdf = folder.path().join("a.pdf");
        write_atomically(&pdf, b"PDF").unwrap();
        let mut locked = std::fs::metadata(&pdf).unwrap().permissions();
        locked.set_readonly(true);
        std::fs::set_permissions(&pdf, locked).unwrap();
        let before = std::fs::metadata(&pdf).unwrap().modified().unwrap();
        // Current, though read-only: no error, and the file untouched.
        write_atomically(&pdf, b"PDF").unwrap();
        assert_eq!(std::fs::metadata(&pdf).unwrap().modified().unwrap(), before);
        assert_eq!(
            write_atomically(&pdf, b"PDF 2").unwrap_err().kind(),
            io::ErrorKind::PermissionDenied
        );
    }

    #[test]
    fn the_temporary_files_a_lost_process_left_are_removed_and_no_others() {
        let folder = tempfile::tempdir().unwrap();
        let name = |text: &str| folder.path().join(text);
        let this = std::process::id();
        let lost = this + 1;
        write_atomically(&name("a.pdf"), b"PDF").unwrap();
        let left = [
            format!(".svar-{lost}-aB3x9Q.tmp"),
            format!(".svar-{lost}-zz.tmp"),
        ];
        let kept = [
            format!(".svar-{this}-aB3x9Q.tmp"),
            format!(".svar-{lost}0-aB3x9Q.tmp"),
            format!(".svar-{lost}-x.pdf"),
            "a.pdf".to_string(),
        ];
        for file in left.iter().chain(&kept) {
            std::fs::write(name(file), b"").unwrap();
        }
        remove_left_by(lost, folder.path());
        let mut remaining: Vec<String> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        remaining.sort();
        let mut expected = kept.to_vec();
        expected.sort();
        assert_eq!(remaining, expected);
    }

    #[test]
    fn a_pdf_may_not_replace_an_input_or_lack_its_extension() {
        let folder = tempfile::tempdir().unwrap();
        let answer = folder.path().join("a.pdf");
        std::fs::write(&answer, "{}").unwrap();
        let same = folder.path().join(".").join("a.pdf");
        assert_eq!(
            check_pdf_path(&same, &Inputs::new([Path::new("b.json"), &answer])),
            Err(OutputPathError::ReplacesInput(same.clone(), answer.clone()))
        );
        let json = folder.path().join("a.json");
        assert_eq!(
            check_pdf_path(&json, &Inputs::default()),
            Err(OutputPathError::NotPdf(json.clone()))
        );
        let inside = answer.join("b.pdf");
        assert_eq!(
            check_pdf_path(&inside, &Inputs::default()),
            Err(OutputPathError::FolderIsFile(
                inside.clone(),
                answer.clone()
            ))
        );
        assert_eq!(
            check_pdf_path(&folder.path().join("b.PDF"), &Inputs::new([&answer])),
            Ok(())
        );
    }

    #[test]
    fn only_the_last_folder_of_a_path_is_made() {
        let folder = tempfile::tempdir().unwrap();
        let one = folder.path().join("ny/a.pdf");
        assert_eq!(check_output_path(&one, &Inputs::default()), Ok(()));
        let deep = folder.path().join("drev/delt/a.pdf");
        assert_eq!(
            check_output_path(&deep, &Inputs::default()),
            Err(OutputPathError::MissingFolder(
                deep.clone(),
                folder.path().join("drev")
            ))
        );
        assert_eq!(
            write_atomically(&deep, b"PDF").unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
        assert!(!folder.path().join("drev").exists());
        write_atomically(&one, b"PDF").unwrap();
        assert_eq!(std::fs::read(&one).unwrap(), b"PDF");
    }

    #[test]
    fn a_path_ending_in_a_separator_names_a_folder() {
        assert!(is_pdf_name(Path::new("ud/a.PDF")));
        assert!(!is_pdf_name(Path::new("a.pdf/")));
        assert!(names_folder(Path::new("a.pdf/")));
        assert!(!names_folder(Path::new("a.pdf")));
    }

    #[test]
    fn an_input_is_known_however_it_is_spelled() {
        let folder = tempfile::tempdir().unwrap();
        let answer = folder.path().join("a.json");
        std::fs::write(&answer, "{}").unwrap();
        let dotted = folder.path().join(".").join("a.json");
        let inputs = Inputs::new([&answer, &dotted]);
        assert_eq!(inputs.canonical(&answer), inputs.canonical(&dotted));
        let missing = folder.path().join("b.json");
        assert_eq!(inputs.canonical(&missing), missing);
    }

    #[test]
    fn replaces_content_and_leaves_no_temporary_file() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("a.pdf");
        write_atomically(&path, b"old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_pdf_that_is_a_link_stays_one_and_its_target_is_made_again() {
        // The link was replaced by a file of its own, and the shared copy it led to kept the
        // old version without a word (review 27, 8).
        let folder = tempfile::tempdir().unwrap();
        let shared = folder.path().join("delt");
        std::fs::create_dir(&shared).unwrap();
        std::fs::write(shared.join("svar.pdf"), b"old").unwrap();
        let link = folder.path().join("svar.pdf");
        std::os::unix::fs::symlink("delt/svar.pdf", &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(shared.join("svar.pdf")).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(&shared).unwrap().count(), 1);
        // Also a link to a file not made yet (review 28, 6); none is made where the link
        // leads into a folder that does not exist.
        let ahead = folder.path().join("ny.pdf");
        std::os::unix::fs::symlink("delt/ny.pdf", &ahead).unwrap();
        write_atomically(&ahead, b"first").unwrap();
        assert!(ahead.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(shared.join("ny.pdf")).unwrap(), b"first");
        let nowhere = folder.path().join("væk.pdf");
        std::os::unix::fs::symlink("ikke-her/væk.pdf", &nowhere).unwrap();
        assert!(write_atomically(&nowhere, b"x").is_err());
        assert!(!folder.path().join("ikke-her").exists());
    }
}
