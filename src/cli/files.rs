//! The answer files a command is given: files as named, folders as the answer files in them.

use std::path::{Path, PathBuf};

use super::CliError;

/// The answer files named on the command line; a folder stands for its `*.json` files.
pub(super) fn answer_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let found = answer_files_in(path).map_err(|source| CliError::UnreadableFolder {
                folder: path.clone(),
                source,
            })?;
            if found.is_empty() {
                return Err(CliError::NoAnswerFiles {
                    folder: path.clone(),
                });
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// The answer files (`*.json`) in `folder`, sorted by name. Anything so named but a folder is
/// one: a link that leads nowhere, or a pipe, is then reported as the answer that cannot be
/// read, rather than left out of a batch without a word. Hidden files are none: an editor's
/// lock (`.#svar.json`) or the `._svar.json` a Mac writes beside a file on a shared drive.
pub(super) fn answer_files_in(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let hidden = |file: &Path| {
        file.file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'))
    };
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|file| {
            !hidden(file) && !file.is_dir() && crate::output::has_extension(file, &["json"])
        })
        .collect();
    found.sort();
    Ok(found)
}
