//! A template that never finishes, or allocates without end, must not hang svar or take the
//! machine's memory: the compile is given up at the limit, and a batch ends it and goes on.
//! (In a file of its own: the compile abandoned in this test process keeps a core busy until
//! the process ends.)

mod common;

use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::{Duration, Instant};

use svar::limit::{LimitError, Limits, TimeLimit, run_with_limit};
use svar::render::TemplateSet;

#[test]
fn an_endless_template_is_stopped_by_the_time_limit() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/complete.json");
    let answer = svar::input::load(&path).unwrap().answer;
    let templates =
        TemplateSet::builtin().with_file("answer.typ", "#for i in range(1000000000) {}\n");
    let limits = Limits {
        time: TimeLimit(Duration::from_millis(300)),
        ..Limits::default()
    };
    let started = Instant::now();
    let result = run_with_limit(limits, move || {
        svar::typeset(&answer, &templates).map(|t| t.page_count())
    });
    assert!(
        matches!(result, Err(LimitError::TimedOut { .. })),
        "{result:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    let message = result.unwrap_err().to_string();
    assert!(message.contains("inden for 0,3 sekunder"), "{message}");
}

/// `svar diff --redline` with an own template that loops gives up after `--time-limit` too.
#[test]
fn a_redline_with_an_endless_template_is_stopped_by_the_time_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = tempfile::tempdir().unwrap();
    let templates = folder.path().join("skabeloner");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("answer.typ"),
        "#for i in range(1000000000) {}\n",
    )
    .unwrap();
    let redline = folder.path().join("redline.pdf");
    let started = Instant::now();
    let output = assert_cmd::Command::cargo_bin("svar")
        .unwrap()
        .args(["diff", "--no-color", "--time-limit", "0.5", "--templates"])
        .arg(&templates)
        .arg("--redline")
        .arg(&redline)
        .arg(root.join("tests/fixtures/diff/changed-cell/old.json"))
        .arg(root.join("tests/fixtures/diff/changed-cell/new.json"))
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("Typst blev ikke færdig inden for 0,5 sekunder"),
        "{message}"
    );
    assert!(!redline.exists());
}

/// Typst code that runs for hours without taking memory: ten billion turns of a loop.
const ENDLESS: &str = "#for i in range(100000) { for j in range(100000) { } }";

/// A folder of own templates: the built-in ones, but for an answer from a ministry whose name
/// has "Uendelig" in it the answer template first runs `runaway` (Typst code).
fn templates_running_away(folder: &Path, runaway: &str) -> PathBuf {
    let templates = folder.join("skabeloner");
    std::fs::create_dir(&templates).unwrap();
    let builtin =
        std::fs::read_to_string(common::crate_root().join("templates/answer.typ")).unwrap();
    let (head, rest) = builtin.split_once("#import").unwrap();
    let own = format!(
        "{head}{{% if \"Uendelig\" in ministry %}}\n{runaway}\n{{% endif %}}\n#import{rest}"
    );
    std::fs::write(templates.join("answer.typ"), own).unwrap();
    templates
}

/// A folder of answers: `a-uendelig.json` from "Uendelighedsministeriet", then `count`
/// numbered copies of the reference answer (see [`common::numbered_examples`]).
fn answers_with_one_runaway(folder: &Path, count: usize) -> PathBuf {
    let answers = common::numbered_examples(folder, "b", count);
    let text =
        std::fs::read_to_string(common::crate_root().join("data/beu-287-2019.json")).unwrap();
    let runaway = text.replace(
        "\"name\": \"Justitsministeriet\"",
        "\"name\": \"Uendelighedsministeriet\"",
    );
    assert_ne!(runaway, text);
    std::fs::write(answers.join("a-uendelig.json"), runaway).unwrap();
    answers
}

/// `svar render ANSWERS -o OUT --templates TEMPLATES` and `options`, started with its standard
/// output and error piped.
fn start_render(answers: &Path, out: &Path, templates: &Path, options: &[&str]) -> Child {
    let mut args = vec![
        "render".into(),
        answers.as_os_str().to_owned(),
        "-o".into(),
        out.as_os_str().to_owned(),
        "--templates".into(),
        templates.as_os_str().to_owned(),
    ];
    args.extend(options.iter().map(std::ffi::OsString::from));
    common::start_svar(args)
}

/// The threads of the process `pid` and its children that typeset (named `svar-typeset`), by
/// thread id, with the processor time each has used (in clock ticks).
fn typesetting_threads(pid: u32) -> HashMap<String, u64> {
    let mut processes = common::children_of(pid);
    processes.push(pid.to_string());
    let mut threads = HashMap::new();
    for process in processes {
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{process}/task")) else {
            continue;
        };
        for task in tasks.filter_map(|entry| entry.ok()?.file_name().into_string().ok()) {
            let task_path = format!("/proc/{process}/task/{task}");
            let name = std::fs::read_to_string(format!("{task_path}/comm")).unwrap_or_default();
            if name.trim() != "svar-typeset" {
                continue;
            }
            let stat = common::stat_fields(&format!("{task_path}/stat"));
            // utime and stime, the 14th and 15th fields, 12th and 13th after the name.
            let ticks: u64 = [11, 12]
                .iter()
                .filter_map(|&index| stat.get(index)?.parse::<u64>().ok())
                .sum();
            threads.insert(task, ticks);
        }
    }
    threads
}

#[test]
fn a_batch_ends_the_compile_it_gave_up_and_renders_the_other_answers() {
    // The given-up compile ran on in the batch's process until the batch ended, keeping a core
    // busy (and whatever memory it took).
    let folder = tempfile::tempdir().unwrap();
    let templates = templates_running_away(folder.path(), ENDLESS);
    let answers = answers_with_one_runaway(folder.path(), 300);
    let out = folder.path().join("pdf");
    // A limit no ordinary answer comes near, even on a loaded machine, which typesets the 300
    // others on after it (at 0.3 s, 28 of them ran out of time at a load average of 8).
    let mut batch = start_render(&answers, &out, &templates, &["--time-limit", "1,5"]);
    let (lines, errors) = std::sync::mpsc::channel();
    let stderr = std::io::BufReader::new(batch.stderr.take().unwrap());
    std::thread::spawn(move || {
        for line in stderr.lines() {
            let _ = lines.send(line.unwrap());
        }
    });
    let given_up = "a-uendelig.json: Typst blev ikke færdig inden for 1,5 sekunder og blev opgivet";
    while !errors
        .recv_timeout(Duration::from_secs(60))
        .expect("svar tells of the answer given up")
        .contains(given_up)
    {}
    // A thread that typesets one of the other answers lives some milliseconds: one seen twice,
    // with processor time used between, is the compile given up.
    let before = typesetting_threads(batch.id());
    std::thread::sleep(Duration::from_millis(400));
    let after = typesetting_threads(batch.id());
    assert!(
        matches!(batch.try_wait(), Ok(None)),
        "the batch was meant to go on after the answer given up"
    );
    let running_on: Vec<(&String, u64)> = after
        .iter()
        .filter_map(|(thread, ticks)| Some((thread, ticks - before.get(thread)?)))
        .filter(|(_, used)| *used >= 10)
        .collect();
    assert!(running_on.is_empty(), "still typesetting: {running_on:?}");
    let output = batch.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(
        summary.ends_with(&format!(
            "300 af 301 svar sat; 1 fejlede: {}.\n",
            answers.join("a-uendelig.json").display()
        )),
        "{summary}"
    );
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written.len(), 300, "{written:?}");
    assert!(
        written
            .iter()
            .all(|name| name.starts_with("b-") && name.ends_with(".pdf"))
    );
}

#[test]
fn every_answer_of_a_batch_is_rendered_with_the_templates_as_the_batch_read_them() {
    // A worker started after an answer was given up read the templates again: edited
    // meanwhile, they gave one batch PDFs of two versions.
    let folder = tempfile::tempdir().unwrap();
    let templates = templates_running_away(folder.path(), ENDLESS);
    let answers = answers_with_one_runaway(folder.path(), 100);
    let out = folder.path().join("pdf");
    let batch = start_render(&answers, &out, &templates, &["--time-limit", "1"]);
    common::wait_for_files(&out, 1);
    let answer = templates.join("answer.typ");
    let edited = std::fs::read_to_string(&answer).unwrap() + "\nUDGAVE B\n";
    std::fs::write(&answer, edited).unwrap();
    let output = batch.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(
        summary.contains("100 af 101 svar sat; 1 fejlede: "),
        "{summary}"
    );
    let mut second_version = Vec::new();
    for entry in std::fs::read_dir(&out).unwrap() {
        let pdf = entry.unwrap().path();
        if common::pdf_text(&pdf).contains("UDGAVE B") {
            second_version.push(pdf);
        }
    }
    assert!(second_version.is_empty(), "{second_version:?}");
}

#[test]
fn an_answer_that_takes_memory_without_end_is_given_up_and_the_batch_goes_on() {
    let folder = tempfile::tempdir().unwrap();
    let templates = templates_running_away(
        folder.path(),
        "#let held = ()\n#for i in range(1000000) { held.push(range(1000)) }",
    );
    let answers = answers_with_one_runaway(folder.path(), 3);
    let out = folder.path().join("pdf");
    let batch = start_render(&answers, &out, &templates, &["--memory-limit", "300"]);
    let output = batch.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        errors.contains(&format!(
            "fejl: {}: Typst brugte mere end 300 MB hukommelse og blev opgivet; en skabelon \
             bruger måske hukommelse uden ende, eller svaret er usædvanligt stort (grænsen \
             sættes med --memory-limit)\n",
            answers.join("a-uendelig.json").display()
        )),
        "{errors}"
    );
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(
        summary.ends_with(&format!(
            "3 af 4 svar sat; 1 fejlede: {}.\n",
            answers.join("a-uendelig.json").display()
        )),
        "{summary}"
    );
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 3);
    // One answer alone is rendered in svar's own process, within the same limit.
    let alone = common::svar()
        .arg("render")
        .arg(answers.join("a-uendelig.json"))
        .arg("-o")
        .arg(folder.path().join("alene"))
        .arg("--templates")
        .arg(&templates)
        .args(["--memory-limit", "300"])
        .output()
        .unwrap();
    assert_eq!(alone.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&alone.stderr);
    assert!(
        errors.contains("Typst brugte mere end 300 MB hukommelse og blev opgivet"),
        "{errors}"
    );
    assert!(!folder.path().join("alene").join("a-uendelig.pdf").exists());
}

/// Whether the process `pid` has a handler for SIGINT (its caught signals, in
/// `/proc/PID/status`, hold signal 2).
fn catches_ctrl_c(pid: u32) -> bool {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("SigCgt:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .is_some_and(|mask| mask & (1 << (2 - 1)) != 0)
}

#[test]
fn ctrl_c_during_one_answer_says_that_its_earlier_pdf_is_untouched() {
    // Review 30, 3: interrupted, `svar render big.json` ended with 130 and said nothing. The
    // answer never finishes (an endless template), so Ctrl+C comes while it is typeset.
    let folder = tempfile::tempdir().unwrap();
    let answers = answers_with_one_runaway(folder.path(), 0);
    let answer = answers.join("a-uendelig.json");
    let templates = templates_running_away(folder.path(), ENDLESS);
    let pdf = folder.path().join("ud.pdf");
    std::fs::write(&pdf, "tidligere").unwrap();
    let child = start_render(&answer, &pdf, &templates, &[]);
    while !catches_ctrl_c(child.id()) || typesetting_threads(child.id()).is_empty() {
        std::thread::sleep(Duration::from_millis(5));
    }
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "afbrudt: {} er ikke sat; den tidligere PDF, {}, er urørt\n",
            answer.display(),
            pdf.display()
        )
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), b"tidligere");
}
