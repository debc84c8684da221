//! Standard output that fails: a reader that stops early (`svar diff … | head -1`) or a full
//! disk (`svar schema > /dev/full`) must end svar cleanly, never with a panic, and never with
//! a status that hides the result.

use std::process::{Command, Stdio};

mod common;

use common::{crate_root, fixture};

/// The svar binary as a plain process, for wiring its output by hand.
fn svar_process(args: &[&str]) -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("svar"));
    command
        .args(args)
        .current_dir(crate_root())
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped());
    command
}

/// svar with `args`, its standard output closed before it writes a byte, as `| head -1`
/// closes it after a line: its exit status and standard error, or `None` if it is still
/// running after 20 seconds (it is then ended).
fn run_with_reader_gone(args: &[&str]) -> (Option<i32>, String) {
    let mut child = svar_process(args).stdout(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let running = child.try_wait().unwrap().is_none();
    if running {
        child.kill().unwrap();
    }
    let output = child.wait_with_output().unwrap();
    let code = output.status.code().filter(|_| !running);
    (code, String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn a_reader_that_stops_early_stops_the_output_not_the_result() {
    // `svar check … | head -1` and `svar diff … | head -1` ended with status 0, so an invalid
    // answer passed a script with `set -o pipefail`, and answers that differ passed for the
    // same (review 27, 3). The work goes on without printing, and its status stands.
    let old = fixture("diff/added-row/old.json");
    let new = fixture("diff/added-row/new.json");
    let invalid = fixture("invalid/total-not-sum.json");
    let (old, new, invalid) = (
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        invalid.to_str().unwrap(),
    );
    let cases = [
        (vec!["schema"], 0),
        (vec!["diff", old, new], 1),
        (vec!["diff", old, old], 0),
        (vec!["diff", "--format", "json", old, new], 1),
        (vec!["check", invalid], 1),
        (vec!["check", old], 0),
    ];
    for (args, status) in cases {
        let (code, stderr) = run_with_reader_gone(&args);
        assert_eq!(code, Some(status), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn watch_ends_quietly_when_nobody_reads_it() {
    // It runs until stopped and prints what it does; with nobody reading, it has no purpose.
    let answer = fixture("complete.json");
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("x.pdf");
    let (code, stderr) = run_with_reader_gone(&[
        "watch",
        answer.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
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
