//! Whether what svar prints is coloured, decided in one place for every command: colours help
//! on a terminal but are noise in a file or a pipe, and some readers never want them.

use std::io::IsTerminal;

/// Whether to colour what goes to standard error: only on a terminal, and not when asked not to
/// (`no_color` from `--no-color`, or the `NO_COLOR` variable of <https://no-color.org>).
pub(super) fn for_stderr(no_color: bool) -> bool {
    decide(
        no_color,
        no_color_variable(),
        std::io::stderr().is_terminal(),
    )
}

/// Whether to colour what goes to standard output, as [`for_stderr`] decides for standard
/// error: the two may go to different places (`svar diff … > changes.txt`).
pub(super) fn for_stdout(no_color: bool) -> bool {
    decide(
        no_color,
        no_color_variable(),
        std::io::stdout().is_terminal(),
    )
}

/// Whether `NO_COLOR` is set, to anything (svar has always read an empty value as set too).
fn no_color_variable() -> bool {
    std::env::var_os("NO_COLOR").is_some()
}

/// The decision itself, apart from the process's state so that it can be tested.
fn decide(no_color_option: bool, no_color_variable: bool, terminal: bool) -> bool {
    terminal && !no_color_option && !no_color_variable
}

#[cfg(test)]
mod tests {
    use super::decide;

    #[test]
    fn colours_only_on_a_terminal_when_nothing_forbids_them() {
        assert!(decide(false, false, true));
        assert!(!decide(false, false, false), "not a terminal");
        assert!(!decide(true, false, true), "--no-color");
        assert!(!decide(false, true, true), "NO_COLOR");
        assert!(!decide(true, true, true), "both");
    }
}
