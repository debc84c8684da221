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
            for left_out in left_out_of(path, paths) {
                eprintln!("advarsel: {left_out}");
            }
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
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|file| {
            !is_hidden(file) && !file.is_dir() && crate::output::has_extension(file, &["json"])
        })
        .collect();
    found.sort();
    Ok(found)
}

/// What in a folder looks meant to be read with its answer files but is not, for a warning:
/// without one, a batch's summary ("2 af 2 svar sat") reads as if every answer were there.
#[derive(Debug, PartialEq, Eq)]
enum LeftOut {
    /// A file named like an answer file but not `*.json`: `svar.json.txt` (an editor's added
    /// extension, hidden from its clerk), `svar.json ` (a space after it).
    Misnamed {
        file: PathBuf,
        /// The name it was meant to have.
        meant: String,
    },
    /// A file named like an answer file that is read beside it, but not `*.json`
    /// (`a.json.txt` beside `a.json`): an older copy, most likely, which renamed would replace
    /// the answer.
    OlderCopy {
        file: PathBuf,
        /// The answer file beside it.
        answer: String,
    },
    /// A folder in the folder that holds answer files of its own.
    Subfolder(PathBuf),
}

impl std::fmt::Display for LeftOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Misnamed { file, meant } => write!(
                f,
                "{} ligner en svarfil, men læses ikke: svar læser kun filer, hvis navn ender på \
                 .json; omdøb den til {meant}",
                shown_with_its_spaces(file)
            ),
            Self::OlderCopy { file, answer } => write!(
                f,
                "{} læses ikke og er nok en ældre kopi af {answer}, som læses: svar læser kun \
                 filer, hvis navn ender på .json; slet den, eller flyt den ud af mappen, hvis den \
                 skal gemmes (omdøbt til {answer} ville den erstatte svaret)",
                shown_with_its_spaces(file)
            ),
            Self::Subfolder(folder) => write!(
                f,
                "{} er en undermappe med svarfiler (*.json), og de læses ikke: svar læser kun \
                 svarfilerne i selve mappen; skal de med, så angiv også {} på kommandolinjen",
                folder.display(),
                folder.display()
            ),
        }
    }
}

/// A file's path as a message names it, in quotes where its name begins or ends with a space
/// (`"svar/e.json "`), which would not show otherwise, and is why it was not read.
fn shown_with_its_spaces(file: &Path) -> String {
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    if name.trim() == name {
        file.display().to_string()
    } else {
        format!("\"{}\"", file.display())
    }
}

/// What in `folder` [`LeftOut`] tells of, sorted by name; nothing if it cannot be listed. A
/// subfolder is not left out where it is among the `named` paths of the command line, nor
/// where it is the `ministries/` beside the answers, whose files are profiles the answers
/// read, not answers.
fn left_out_of(folder: &Path, named: &[PathBuf]) -> Vec<LeftOut> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut left_out: Vec<LeftOut> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| !is_hidden(path))
        .filter_map(|path| {
            if path.is_dir() {
                let read_otherwise = path.ends_with(crate::fs::PROFILE_FOLDER)
                    || named.iter().any(|named| same_folder(named, &path));
                let has_answers = answer_files_in(&path).is_ok_and(|found| !found.is_empty());
                return (has_answers && !read_otherwise).then_some(LeftOut::Subfolder(path));
            }
            let name = path.file_name()?.to_string_lossy().into_owned();
            let meant = meant_answer_name(&name)?;
            misnamed(path, &name, meant)
        })
        .collect();
    left_out.sort_by(|a, b| a.path().cmp(b.path()));
    left_out
}

/// Whether `a` and `b` name the same folder, however written (`t2/undermappe/`,
/// `./t2/undermappe`).
fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

impl LeftOut {
    /// The file or folder left out.
    fn path(&self) -> &Path {
        match self {
            Self::Misnamed { file, .. } | Self::OlderCopy { file, .. } => file,
            Self::Subfolder(folder) => folder,
        }
    }
}

/// What to tell of the file `file`, named `name`, that looks meant as the answer file `meant`:
/// where `meant` is there beside it, never to rename it, which would replace that answer, and
/// nothing at all of an editor's usual backup of an answer that is read (`a.json~`,
/// `a.json.bak`), which would be told on every run.
fn misnamed(file: PathBuf, name: &str, meant: String) -> Option<LeftOut> {
    let answer = crate::output::folder_of(&file).join(&meant);
    if answer.symlink_metadata().is_err() {
        return Some(LeftOut::Misnamed { file, meant });
    }
    let read = !answer.is_dir();
    let backup = name
        .strip_prefix(meant.as_str())
        .is_some_and(is_backup_suffix);
    (!(read && backup)).then_some(LeftOut::OlderCopy {
        file,
        answer: meant,
    })
}

/// Whether `suffix`, after a file's whole name, is how editors and tools name their backup of
/// it: `~` (vim, gedit, Emacs), `.~1~` (`cp --backup=numbered`), `.bak` (Notepad++ and
/// others), `.orig` (Git, patch), `.swp` (vim), `.old`, `.save` (nano), `.tmp`, whatever the
/// case.
fn is_backup_suffix(suffix: &str) -> bool {
    const EXTENSIONS: [&str; 10] = [
        "bak", "backup", "bck", "orig", "old", "swp", "swo", "save", "sav", "tmp",
    ];
    let numbered = suffix
        .strip_prefix(".~")
        .and_then(|rest| rest.strip_suffix('~'))
        .is_some_and(|number| !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()));
    let extension = suffix.strip_prefix('.').is_some_and(|extension| {
        EXTENSIONS
            .iter()
            .any(|backup| extension.eq_ignore_ascii_case(backup))
    });
    suffix == "~" || numbered || extension
}

/// The answer file name `name` was meant to have, if it looks meant as one but is not read:
/// `svar.json.txt` and `svar.json ` were meant as `svar.json`.
fn meant_answer_name(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let end = lower.find(".json")? + ".json".len();
    let meant = name.get(..end)?.trim();
    let is_read = lower.ends_with(".json");
    (!is_read && !meant.starts_with('.') && meant.len() > ".json".len()).then(|| meant.to_string())
}

/// Whether svar passes over a file in a folder as hidden: an editor's lock (`.#svar.json`) or
/// the `._svar.json` a Mac writes beside a file on a shared drive.
fn is_hidden(file: &Path) -> bool {
    file.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_folder_and_a_folder_named_are_not_left_out() {
        let temp = tempfile::tempdir().unwrap();
        for folder in ["ministries", "undermappe", "andre"] {
            std::fs::create_dir(temp.path().join(folder)).unwrap();
            std::fs::write(temp.path().join(folder).join("a.json"), "{}").unwrap();
        }
        let named = [temp.path().to_path_buf(), temp.path().join("./undermappe/")];
        assert_eq!(
            left_out_of(temp.path(), &named),
            [LeftOut::Subfolder(temp.path().join("andre"))]
        );
    }

    #[test]
    fn backups_are_told_by_their_usual_suffixes() {
        for backup in [
            "~", ".bak", ".BAK", ".orig", ".old", ".swp", ".tmp", ".~2~", ".save",
        ] {
            assert!(is_backup_suffix(backup), "{backup}");
        }
        for other in [".txt", " ", ".", "~~", ".~~", ".bakx", "bak"] {
            assert!(!is_backup_suffix(other), "{other}");
        }
    }

    #[test]
    fn names_meant_as_answer_files_are_told_from_others() {
        assert_eq!(meant_answer_name("d.json.txt").as_deref(), Some("d.json"));
        assert_eq!(meant_answer_name("e.json ").as_deref(), Some("e.json"));
        assert_eq!(meant_answer_name("f.json. ").as_deref(), Some("f.json"));
        assert_eq!(meant_answer_name("svar.json"), None, "read");
        assert_eq!(meant_answer_name("B.JSON"), None, "read");
        assert_eq!(meant_answer_name("noter.txt"), None);
        assert_eq!(meant_answer_name(".json.txt"), None);
    }
}
