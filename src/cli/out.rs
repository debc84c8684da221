//! Standard output that cannot crash svar: `println!` panics when the reader has gone away
//! (`svar diff a.json b.json | head -1`) or the disk is full (`svar schema > /dev/full`).

use std::io::{ErrorKind, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// The exit status when standard output cannot be written, as for other trouble (diff(1)).
const CANNOT_WRITE: i32 = 2;

/// Whether svar ends when the reader of standard output has gone away: set by the command
/// whose output is all it does, and which runs until stopped (`svar watch`).
static ENDS_WITH_READER: AtomicBool = AtomicBool::new(false);

/// Whether the reader of standard output has gone away, and what is printed goes nowhere.
static READER_GONE: AtomicBool = AtomicBool::new(false);

/// From now on, a reader of standard output that goes away ends svar quietly with status 0:
/// `svar watch a.json | head -3` has nothing left to do once nobody reads it.
pub(super) fn end_with_reader() {
    ENDS_WITH_READER.store(true, Ordering::Relaxed);
}

/// Writes `text` to standard output and flushes it.
///
/// When the reader has gone away, svar goes on without printing, and exits with the status its
/// work gives: `svar check DIR | head -1` and `svar diff a b | head -1` still say whether the
/// answers are valid or differ, as a script with `set -o pipefail` needs, and `svar render DIR
/// | head -1` renders every answer. After [`end_with_reader`] it ends quietly instead. Any other
/// failure ends svar with a Danish message and status 2, because the output is then incomplete
/// and must not pass for whole.
pub(super) fn print(text: &str) {
    if READER_GONE.load(Ordering::Relaxed) {
        return;
    }
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
    match written {
        Ok(()) => {}
        Err(error) if error.kind() == ErrorKind::BrokenPipe => {
            if ENDS_WITH_READER.load(Ordering::Relaxed) {
                std::process::exit(0)
            }
            READER_GONE.store(true, Ordering::Relaxed);
        }
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
