//! Standard output that cannot crash svar: `println!` panics when the reader has gone away
//! (`svar diff a.json b.json | head -1`) or the disk is full (`svar schema > /dev/full`).

use std::io::{ErrorKind, Write};

/// The exit status when standard output cannot be written, as for other trouble (diff(1)).
const CANNOT_WRITE: i32 = 2;

/// Writes `text` to standard output and flushes it.
///
/// When the reader has gone away svar ends quietly with status 0, as ripgrep does: the reader
/// wanted no more. Any other failure ends svar with a Danish message and status 2, because the
/// output is then incomplete and must not pass for whole.
pub(super) fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
    match written {
        Ok(()) => {}
        Err(error) if error.kind() == ErrorKind::BrokenPipe => std::process::exit(0),
        Err(error) => {
            eprintln!(
                "fejl: kan ikke skrive til standard-output: {}",
                crate::fs::io_in_danish(&error)
            );
            std::process::exit(CANNOT_WRITE)
        }
    }
}

/// Writes `line` and a line end to standard output, as [`print`].
pub(super) fn line(line: impl std::fmt::Display) {
    print(&format!("{line}\n"));
}
