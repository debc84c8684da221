//! The answer files a command is given: files as named, folders as the answer files in them.

use std::path::PathBuf;

/// The answer files named on the command line; a folder stands for its `*.json` files.
pub(super) fn answer_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|error| {
                    format!(
                        "{}: mappen kan ikke læses: {}",
                        path.display(),
                        crate::input::io_in_danish(&error)
                    )
                })?
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|file| {
                    file.is_file()
                        && file
                            .extension()
                            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                })
                .collect();
            if found.is_empty() {
                return Err(format!(
                    "{}: mappen indeholder ingen svarfiler (*.json)",
                    path.display()
                ));
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}
