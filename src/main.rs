use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    svar::cli::run(svar::cli::Cli::parse())
}
