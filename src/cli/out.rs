//! Standard output that cannot crash svar: `println!` panics when the reader has gone away
//! (`svar diff a.json b.json | head -1`) or the disk is full (`svar schema > /dev/full`).

use std::io::{ErrorKind, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// The exit status when standard output cannot be written, as for other trouble (diff(1)).
const CANNOT_WRITE: i32 = 2;

/// Whether the work goes on when the reader of standard output has gone away: set by the
/// commands whose output only reports on work that matters more (the PDFs of a batch).
static OUTPUT_IS_REPORT: AtomicBool = AtomicBool::new(false);

/// Whether the reader of standard output has gone away, and what is printed goes nowhere.
static READER_GONE: AtomicBool = AtomicBool::new(false);

/// From now on, a reader of standard output that goes away does not end svar: `svar render
/// DIR | head -1` renders every answer, and its exit status says whether all could be, where
/// ending at the first line after two answers with status 0 would tell a script that all went
/// well.
pub(super) fn report_only() {
    OUTPUT_IS_REPORT.store(true, Ordering::Relaxed);
}

/// Writes `text` to standard output and flushes it.
///
/// When the reader has gone away svar ends quietly with status 0, as ripgrep does: the reader
/// wanted no more; after [`report_only`], it goes on without printing. Any other failure ends
/// svar with a Danish message and status 2, because the output is then incomplete and must not
/// pass for whole.
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
            if !OUTPUT_IS_REPORT.load(Ordering::Relaxed) {
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
