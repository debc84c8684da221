//! The `svar` command: parses the arguments and runs the command they name (see [`svar::cli`]).

use std::process::ExitCode;

/// Typst allocates and frees many small values while it lays out and exports; mimalloc serves
/// them faster than the system allocator, above all from several threads at once in a batch.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    svar::cli::run(svar::cli::parse())
}
