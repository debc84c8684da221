//! The command line: argument definitions and one module per command.

mod args;
mod check;
mod color;
mod diff;
mod earlier;
mod error;
mod files;
mod job;
mod new;
mod out;
mod pool;
mod render;
mod same_question;
mod schema;
mod watch;
mod worker;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use self::error::CliError;

pub use self::args::parse;
pub use self::schema::answer_schema;

/// svar: svar på spørgsmål fra Folketinget, fra JSON til PDF.
#[derive(Debug, Parser)]
#[command(
    name = "svar",
    version,
    about = "svar: svar på spørgsmål fra Folketinget, fra JSON til PDF.",
    long_about = None,
    after_help = "Hjælp til en kommando: svar help KOMMANDO, fx svar help render."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands of svar.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sætter svarfiler (JSON) som PDF.
    Render(render::RenderArgs),
    /// Kontrollerer svarfiler uden at sætte dem.
    Check(check::CheckArgs),
    /// Udskriver JSON-skemaet for svarfiler (til editorer som VS Code).
    Schema,
    /// Opretter en ny svarfil med alle felter, der skal udfyldes.
    New(new::NewArgs),
    /// Sætter et svar igen, hver gang svarfilen eller en fil, den bruger (regneark,
    /// ministerieprofil, logo, skabelon), gemmes.
    Watch(watch::WatchArgs),
    /// Viser forskellene mellem to svar (JSON eller PDF fra svar).
    Diff(diff::DiffArgs),
    /// Sætter svar for svar render i en proces for sig (startes kun af svar selv).
    #[command(hide = true)]
    Worker(worker::WorkerArgs),
}

/// This program, as the system runs it: on Linux the file it was started from, even if it has
/// since been replaced or removed (by an update of svar meanwhile), so that a batch's workers
/// and a `svar watch` started again are the same svar as the one running.
fn this_program() -> std::path::PathBuf {
    if cfg!(target_os = "linux") {
        "/proc/self/exe".into()
    } else {
        std::env::current_exe().unwrap_or_else(|_| "svar".into())
    }
}

/// The exit status after Ctrl+C, as shells give a process the signal ended (128 + SIGINT).
const INTERRUPTED: i32 = 130;

/// Runs the command and returns the process's exit status.
pub fn run(cli: Cli) -> ExitCode {
    // Ctrl+C and SIGTERM end svar at once, as they would without a handler, but first remove
    // the temporary files of the PDFs being written, and end the workers of a batch. Without a
    // handler there is nothing to remove, so one that cannot be set changes nothing.
    let _ = ctrlc::set_handler(|| {
        let _held = crate::output::remove_pending();
        pool::end_all();
        let _told = render::report_interruption();
        std::process::exit(INTERRUPTED);
    });
    match cli.command {
        Command::Render(args) => render::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Schema => schema::run(),
        Command::New(args) => new::run(&args),
        Command::Watch(args) => watch::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Worker(args) => worker::run(&args),
    }
}
