//! Facts about files on disk, shared by every stage that reads or writes one: how a file is read
//! without blocking or filling the memory, how the system's complaint is told to a clerk in
//! Danish, how a path is taken as written, and where ministry profiles live beside an answer.
//! A leaf, so that no stage imports another just to read a file.

use std::path::{Component, Path, PathBuf};

/// The folder, beside the answer file, where ministry profiles and their logos live; the PDF
/// files them under the same folder name.
pub(crate) const PROFILE_FOLDER: &str = "ministries";

/// The largest file svar reads: far above any answer, spreadsheet, profile, logo or PDF of
/// one, and small enough that a wrong file cannot fill the memory.
pub(crate) const MAX_FILE_BYTES: u64 = 256 << 20;

/// The bytes of the file at `path`, which must be a regular file of at most [`MAX_FILE_BYTES`].
/// A named pipe would block svar until something writes to it, and a device such as
/// `/dev/zero` would fill the memory; both are refused before they are read from.
pub(crate) fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::{Error, ErrorKind, Read};
    let regular = |metadata: std::fs::Metadata| {
        if metadata.is_dir() {
            Err(Error::from(ErrorKind::IsADirectory))
        } else if !metadata.is_file() {
            Err(Error::from(ErrorKind::InvalidInput))
        } else if metadata.len() > MAX_FILE_BYTES {
            Err(Error::from(ErrorKind::FileTooLarge))
        } else {
            Ok(metadata.len())
        }
    };
    regular(std::fs::metadata(path)?)?;
    let file = std::fs::File::open(path)?;
    // Checked again on the file opened, in case it was replaced in between.
    let size = regular(file.metadata()?)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or_default());
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::from(ErrorKind::FileTooLarge));
    }
    Ok(bytes)
}

/// Whether `path` is a symbolic link (not followed).
pub(crate) fn is_link(path: &Path) -> bool {
    path.symlink_metadata()
        .is_ok_and(|metadata| metadata.file_type().is_symlink())
}

/// What the operating system said when a file could not be written, in Danish, with what to
/// do where the clerk can: a PDF made read-only, a folder one may not write in, a full disk, a
/// read-only drive, a folder where the file was to be.
pub(crate) fn write_error_in_danish(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let elsewhere = "vælg en anden fil eller mappe";
    match error.kind() {
        ErrorKind::PermissionDenied => format!(
            "adgang nægtet: filen eller mappen er skrivebeskyttet; fjern skrivebeskyttelsen, \
             eller {elsewhere}"
        ),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => format!(
            "{}; frigør plads på drevet, eller {elsewhere}",
            io_in_danish(error)
        ),
        ErrorKind::ReadOnlyFilesystem => {
            format!("drevet er skrivebeskyttet; {elsewhere} på et andet drev")
        }
        ErrorKind::IsADirectory => "det er en mappe, ikke en fil; skriv en skråstreg efter \
                                    navnet (fx -o ud.pdf/) for at skrive i mappen, eller vælg \
                                    et andet navn"
            .into(),
        _ => io_in_danish(error),
    }
}

/// What the operating system said, in Danish where a clerk can act on it.
pub(crate) fn io_in_danish(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "filen findes ikke; tjek stien".into(),
        ErrorKind::PermissionDenied => "adgang nægtet".into(),
        ErrorKind::IsADirectory => "det er en mappe, ikke en fil".into(),
        ErrorKind::InvalidData => "filen er ikke gemt som UTF-8-tekst; gem den som UTF-8".into(),
        ErrorKind::NotADirectory => "en del af stien er en fil, ikke en mappe".into(),
        ErrorKind::AlreadyExists => "der findes allerede en fil med det navn".into(),
        ErrorKind::StorageFull => "disken er fuld".into(),
        ErrorKind::ReadOnlyFilesystem => "drevet er skrivebeskyttet".into(),
        ErrorKind::QuotaExceeded => "diskkvoten er opbrugt".into(),
        ErrorKind::InvalidFilename => {
            "navnet er for langt eller ikke tilladt; vælg et kortere".into()
        }
        ErrorKind::FileTooLarge => format!(
            "filen er for stor (svar læser højst {} MB)",
            MAX_FILE_BYTES >> 20
        ),
        ErrorKind::InvalidInput => {
            "det er ikke en almindelig fil, men fx et rør eller en enhed; angiv en fil".into()
        }
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => {
            "filen er i brug af et andet program".into()
        }
        ErrorKind::TooManyLinks => "stien har for mange symbolske link".into(),
        // ELOOP, whose ErrorKind is not stable yet.
        _ if error.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) => {
            "genvejene (symbolske link) på stien peger i ring; ret eller fjern dem".into()
        }
        // The system's own words, for whoever helps the clerk, after a Danish lead.
        _ => format!("systemfejl ({error})"),
    }
}

/// `path` as written rather than as links lead: `.` dropped, and each `..` taking away the name
/// before it where there is one. So is a path to an output through a folder not made yet:
/// `nyd/../svar.json` is `svar.json`, though the system cannot follow it while `nyd` does not
/// exist.
pub(crate) fn lexical(path: &Path) -> PathBuf {
    let mut resolved = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir if resolved.file_name().is_some() => {
                resolved.pop();
            }
            Component::CurDir => {}
            other => resolved.push(other),
        }
    }
    resolved
}
