//! Keeping the files an answer names (spreadsheets, its ministry's profile and logo) inside the
//! folder they belong to.
//!
//! An answer file may come from someone else, and whatever it reads ends up in the PDF: a name
//! that leads out of the folder could print `/etc/passwd` as a table. Checking the name as
//! written is not enough, since a symbolic link inside the folder can point anywhere, so the
//! check is made on the paths with every link resolved.

use std::path::{Component, Path, PathBuf};

/// Why a file named by an answer is not read.
#[derive(Debug)]
pub enum Refusal {
    /// The name itself leaves the folder: it is absolute or goes up with `..`.
    Outside,
    /// The name stays inside, but a symbolic link on the way leads out of the folder.
    Link,
    /// The file, or the folder, cannot be reached.
    Io(std::io::Error),
}

/// The real path of the file `name` in `folder`, if it lies inside the folder once every
/// symbolic link is followed. The folder itself may be reached through a link (a shared folder
/// of profiles, say); what counts is where the file is relative to where the folder is.
pub fn inside(folder: &Path, name: &Path) -> Result<PathBuf, Refusal> {
    let plain = name
        .components()
        .all(|part| matches!(part, Component::Normal(_)));
    if !plain || name.as_os_str().is_empty() {
        return Err(Refusal::Outside);
    }
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
        let followed = inside(&folder, Path::new("in.csv")).unwrap();
        assert_eq!(std::fs::read_to_string(followed).unwrap(), "b");
    }
}
