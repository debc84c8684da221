//! Keeping the files an answer names (spreadsheets, its ministry's profile and logo) inside the
//! folder they belong to.
//!
//! An answer file may come from someone else, and whatever it reads ends up in the PDF: a name
//! that leads out of the folder could print `/etc/passwd` as a table. Checking the name as
//! written is not enough, since a symbolic link inside the folder can point anywhere, so the
//! check is made on the paths with every link resolved. A name that only seems to leave
//! (`./sager.csv`, `data/../sager.csv`) is read as the name it comes to.

use std::path::{Component, Path, PathBuf};

use crate::fs::lexical;

/// Why a file named by an answer is not read.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// The name itself leaves the folder: it is absolute or goes up above it with `..`.
    Outside,
    /// The name stays inside, but a symbolic link on the way leads out of the folder.
    Link,
    /// The file, or the folder, cannot be reached.
    Io(std::io::Error),
}

/// The real path of the file `name` in `folder`, if it lies inside the folder once every
/// symbolic link is followed. The folder itself may be reached through a link (a shared folder
/// of profiles, say); what counts is where the file is relative to where the folder is.
pub(crate) fn inside(folder: &Path, name: &Path) -> Result<PathBuf, Refusal> {
    let name = normalise(name)
        .filter(|_| !name.as_os_str().is_empty())
        .ok_or(Refusal::Outside)?;
    // `Path::parent` gives "" for a bare file name, which the file system does not know.
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let root = folder.canonicalize().map_err(Refusal::Io)?;
    let file = root.join(name).canonicalize().map_err(Refusal::Io)?;
    if file.starts_with(&root) {
        Ok(file)
    } else {
        Err(Refusal::Link)
    }
}

/// The name `name` comes to within its folder, as written rather than as links lead: `.` is
/// dropped and `..` takes away the folder before it (`data/../sager.csv` is `sager.csv`, even
/// if `data` is a link, since the file meant is the one the name shows). `None` if the name is
/// absolute or goes up above the folder.
pub(crate) fn normalise(name: &Path) -> Option<PathBuf> {
    let resolved = lexical(name);
    let within = resolved
        .components()
        .all(|part| matches!(part, Component::Normal(_)));
    within.then_some(resolved)
}

/// A kind of file an answer names beside itself, as the messages about it name it.
pub(crate) struct Named {
    /// The file in the definite form: "regnearket", "billedfilen".
    pub noun: &'static str,
    /// The pronoun for it: "det" for "regnearket", "den" for "billedfilen".
    pub pronoun: &'static str,
    /// A name such a file could have: "tabel-1.csv".
    pub example: &'static str,
    /// What to do with a file that cannot be read.
    pub unreadable_hint: &'static str,
}

/// The bytes of the file `name` (of the kind `named`) in the answer's `folder`, or why not as a
/// message and a hint: no name, a name out of the folder, a link out of it, a file that cannot
/// be read.
pub(crate) fn read_named(
    folder: &Path,
    name: &str,
    named: &Named,
) -> Result<Vec<u8>, (String, String)> {
    let Named {
        noun,
        pronoun,
        example,
        unreadable_hint,
    } = named;
    let unreadable = |error: std::io::Error| {
        (
            format!(
                "{noun} \"{name}\" kan ikke læses: {}",
                crate::fs::io_in_danish(&error)
            ),
            unreadable_hint.to_string(),
        )
    };
    if name.trim().is_empty() {
        return Err((
            "der står intet filnavn".into(),
            format!("skriv {noun}s filnavn, fx \"{example}\""),
        ));
    }
    let file = inside(folder, Path::new(name)).map_err(|refusal| match refusal {
        Refusal::Outside => (
            format!("\"{name}\" peger uden for svarfilens mappe"),
            format!(
                "læg {noun} i svarfilens mappe (eller en undermappe), og skriv stien relativt, \
                 fx \"{example}\""
            ),
        ),
        Refusal::Link => (
            format!("\"{name}\" peger uden for svarfilens mappe gennem en genvej (symbolsk link)"),
            format!(
                "kopiér {noun} ind i svarfilens mappe i stedet for at henvise til {pronoun} med en \
                 genvej"
            ),
        ),
        Refusal::Io(error) => unreadable(error),
    })?;
    crate::fs::read_file(&file).map_err(unreadable)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_that_lead_out_are_refused_and_links_within_are_followed() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("answers");
        std::fs::create_dir_all(folder.join("sub")).unwrap();
        std::fs::write(root.path().join("outside.csv"), "a").unwrap();
        std::fs::write(folder.join("sub/inside.csv"), "b").unwrap();
        symlink("../outside.csv", folder.join("out.csv")).unwrap();
        symlink("/etc", folder.join("etc")).unwrap();
        symlink("sub/inside.csv", folder.join("in.csv")).unwrap();
        let refused = |name: &str| inside(&folder, Path::new(name)).unwrap_err();
        assert!(matches!(refused("out.csv"), Refusal::Link));
        assert!(matches!(refused("etc/passwd"), Refusal::Link));
        assert!(matches!(refused("../outside.csv"), Refusal::Outside));
        assert!(matches!(refused("/etc/passwd"), Refusal::Outside));
        assert!(matches!(refused("missing.csv"), Refusal::Io(_)));
        assert!(matches!(refused("sub/../../outside.csv"), Refusal::Outside));
        assert!(matches!(refused("./../outside.csv"), Refusal::Outside));
        assert!(matches!(refused("sub/../out.csv"), Refusal::Link));
        assert!(matches!(refused(""), Refusal::Outside));
        let followed = inside(&folder, Path::new("in.csv")).unwrap();
        assert_eq!(std::fs::read_to_string(followed).unwrap(), "b");
    }

    #[test]
    fn dots_that_stay_inside_the_folder_are_read_as_the_name_they_come_to() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::create_dir(folder.path().join("data")).unwrap();
        std::fs::write(folder.path().join("sager.csv"), "a").unwrap();
        std::fs::write(folder.path().join("data/sager.csv"), "b").unwrap();
        for (name, content) in [
            ("./sager.csv", "a"),
            ("data/../sager.csv", "a"),
            ("./data/./sager.csv", "b"),
            ("data/../data/sager.csv", "b"),
        ] {
            let file = inside(folder.path(), Path::new(name)).unwrap();
            assert_eq!(std::fs::read_to_string(file).unwrap(), content, "{name}");
        }
    }

    #[test]
    fn a_link_on_the_way_does_not_change_what_dots_mean() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("answers");
        std::fs::create_dir(&folder).unwrap();
        std::fs::create_dir(root.path().join("elsewhere")).unwrap();
        std::fs::write(root.path().join("sager.csv"), "outside").unwrap();
        std::fs::write(folder.join("sager.csv"), "inside").unwrap();
        // `data/..` is the answers' folder as written; the system would take it to `root`.
        symlink("../elsewhere", folder.join("data")).unwrap();
        let file = inside(&folder, Path::new("data/../sager.csv")).unwrap();
        assert_eq!(std::fs::read_to_string(file).unwrap(), "inside");
    }
}
