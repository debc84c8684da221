//! Standard output that fails: a reader that stops early (`svar diff … | head -1`) or a full
//! disk (`svar schema > /dev/full`) must end svar cleanly, never with a panic.

use std::process::{Command, Stdio};

mod common;

use common::{crate_root, fixture};

/// The svar binary as a plain process, for wiring its output by hand.
fn svar_process(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_svar"));
    command
        .args(args)
        .current_dir(crate_root())
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped());
    command
}

#[test]
fn a_reader_that_stops_early_ends_svar_quietly() {
    let old = fixture("diff/added-row/old.json");
    let new = fixture("diff/added-row/new.json");
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    for args in [vec!["schema"], vec!["diff", old, new]] {
        let mut child = svar_process(&args).stdout(Stdio::piped()).spawn().unwrap();
        // The reader goes away before svar writes a byte.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

#[test]
fn a_full_disk_is_reported_in_danish_with_status_2() {
    let full = || std::fs::File::create("/dev/full").unwrap();
    let answer = fixture("complete.json");
    for args in [vec!["schema"], vec!["check", answer.to_str().unwrap()]] {
        let output = svar_process(&args).stdout(full()).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.starts_with("fejl: kan ikke skrive til standard-output: "),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
