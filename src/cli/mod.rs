//! The command line: argument definitions and one module per command.

mod render;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// svar: svar på spørgsmål fra Folketinget, fra JSON til PDF.
#[derive(Debug, Parser)]
#[command(name = "svar", version, about, long_about = None)]
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
}

/// Runs the command and returns the process's exit status.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Render(args) => render::run(&args),
    }
}
