use std::process::ExitCode;

fn main() -> ExitCode {
    svar::cli::run(svar::cli::parse())
}
