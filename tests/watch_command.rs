//! `svar watch` renders on start, again after every save, shows errors and keeps watching.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

mod common;

struct Watching {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Watching {
    fn start(file: &std::path::Path, pdf: &std::path::Path) -> Self {
        Self::start_with(file, pdf, &[])
    }

    /// `svar watch FILE -o PDF` with `extra` arguments.
    fn start_with(
        file: &std::path::Path,
        pdf: &std::path::Path,
        extra: &[&std::ffi::OsStr],
    ) -> Self {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("svar"))
            .arg("watch")
            .arg(file)
            .arg("-o")
            .arg(pdf)
            .args(extra)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (sender, lines) = mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let sender = sender.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    let _ = sender.send(line);
                }
            });
        }
        Self { child, lines }
    }

    /// Waits until every text has appeared, in any order (stdout and stderr interleave freely).
    fn wait_for_all(&self, texts: &[&str]) {
        let mut missing: Vec<&str> = texts.to_vec();
        while !missing.is_empty() {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(30))
                .unwrap_or_else(|_| panic!("svar watch never printed {missing:?}"));
            missing.retain(|text| !line.contains(text));
        }
    }

    /// Waits for a line containing `text`, returning it.
    fn wait_for(&self, text: &str) -> String {
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(30))
                .unwrap_or_else(|_| panic!("svar watch never printed {text:?}"));
            if line.contains(text) {
                return line;
            }
        }
    }
}

/// What every line of a render done has: "svar.json → svar.pdf (1 side), PDF/UA-1, 12 ms".
const RENDERED: &str = " → ";

/// The milliseconds at the end of a line such as "… (1 side), PDF/UA-1, 12 ms", or "1,2 s"
/// from a second on.
fn millis(line: &str) -> u64 {
    let taken = line.rsplit(", ").next().unwrap();
    match taken.strip_suffix(" ms") {
        Some(milliseconds) => milliseconds.parse().unwrap(),
        None => {
            let seconds = taken.strip_suffix(" s").unwrap().replace(',', ".");
            (seconds.parse::<f64>().unwrap() * 1000.0) as u64
        }
    }
}

#[test]
fn renders_again_on_every_save_and_survives_errors() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("svar.json");
    let pdf = folder.path().join("svar.pdf");
    let original = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/complete.json"),
    )
    .unwrap();
    std::fs::write(&file, &original).unwrap();
    let watching = Watching::start(&file, &pdf);

    let first = watching.wait_for(RENDERED);
    let first_pdf = std::fs::read(&pdf).unwrap();
    assert!(first.contains("svar.pdf (1 side)"), "{first}");

    std::thread::sleep(Duration::from_millis(100));
    std::fs::write(
        &file,
        original.replace("yderligere bemærkninger", "flere bemærkninger"),
    )
    .unwrap();
    let second = watching.wait_for(RENDERED);
    assert!(millis(&second) < 5_000, "{second}");
    assert_ne!(
        std::fs::read(&pdf).unwrap(),
        first_pdf,
        "the PDF follows the edit"
    );

    std::fs::write(&file, original.replace("\"number\": 15", "\"nummer\": 15")).unwrap();
    watching.wait_for_all(&[
        "ukendt felt `nummer`",
        // Review 31, 6: the clerk who sends the PDF from the viewer is told it is not current.
        "svar.pdf er fra en tidligere udgave af svaret og er ikke opdateret; den sættes igen, \
         når fejlen er rettet og filen gemt",
        "Venter på næste ændring",
    ]);

    // Review 31, 9: an editor saving by renaming leaves no file for a moment, which is no
    // mistake of the clerk's.
    std::fs::remove_file(&file).unwrap();
    let gone = watching.wait_for("svar.json");
    assert!(
        gone.ends_with("svar.json findes ikke lige nu; svaret sættes igen, når filen er gemt."),
        "{gone}"
    );

    std::fs::write(&file, &original).unwrap();
    watching.wait_for(RENDERED);
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        first_pdf,
        "back to the first answer, byte for byte"
    );
}

#[test]
fn a_file_read_again_and_again_in_the_folder_does_not_hold_back_a_render() {
    // Review 31, 3: while a virus scanner or a viewer read a file in the answer's folder every
    // few milliseconds, no save was rendered until the reading stopped.
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("svar.json");
    let pdf = folder.path().join("svar.pdf");
    let original = std::fs::read_to_string(common::fixture("complete.json")).unwrap();
    std::fs::write(&file, &original).unwrap();
    let other = folder.path().join("noter.txt");
    std::fs::write(&other, "læses hele tiden").unwrap();
    let watching = Watching::start(&file, &pdf);
    watching.wait_for(RENDERED);

    let reading = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let reader = {
        let reading = reading.clone();
        std::thread::spawn(move || {
            while reading.load(std::sync::atomic::Ordering::Relaxed) {
                std::fs::read(&other).unwrap();
                std::thread::sleep(Duration::from_millis(5));
            }
        })
    };
    std::thread::sleep(Duration::from_millis(100));
    std::fs::write(
        &file,
        original.replace("yderligere bemærkninger", "flere bemærkninger"),
    )
    .unwrap();
    let rendered = watching.lines.recv_timeout(Duration::from_secs(10));
    reading.store(false, std::sync::atomic::Ordering::Relaxed);
    reader.join().unwrap();
    let line = rendered.expect("no render while a file in the folder was read");
    assert!(line.contains("svar.pdf (1 side)"), "{line}");
}

/// The files an answer reads are watched too: a spreadsheet beside it and its ministry profile.
#[test]
fn renders_again_when_a_spreadsheet_or_the_ministry_profile_changes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = tempfile::tempdir().unwrap();
    let mut answer: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/fixtures/spreadsheet.json")).unwrap(),
    )
    .unwrap();
    answer["ministry"]["profile"] = "justitsministeriet".into();
    let file = folder.path().join("svar.json");
    std::fs::write(&file, answer.to_string()).unwrap();
    std::fs::copy(
        root.join("tests/fixtures/sager.csv"),
        folder.path().join("sager.csv"),
    )
    .unwrap();
    std::fs::create_dir(folder.path().join("ministries")).unwrap();
    let profile = folder.path().join("ministries/justitsministeriet.json");
    std::fs::copy(
        root.join("data/ministries/justitsministeriet.json"),
        &profile,
    )
    .unwrap();
    let pdf = folder.path().join("svar.pdf");
    let watching = Watching::start(&file, &pdf);
    watching.wait_for(RENDERED);
    let first_pdf = std::fs::read(&pdf).unwrap();

    std::thread::sleep(Duration::from_millis(100));
    let csv = std::fs::read_to_string(folder.path().join("sager.csv")).unwrap();
    std::fs::write(
        folder.path().join("sager.csv"),
        csv.replace("1.234;2.244", "1.235;2.244")
            .replace("1.246,5", "1.247,5"),
    )
    .unwrap();
    watching.wait_for(RENDERED);
    let after_csv = std::fs::read(&pdf).unwrap();
    assert_ne!(after_csv, first_pdf, "the PDF follows the spreadsheet");

    std::thread::sleep(Duration::from_millis(100));
    let text = std::fs::read_to_string(&profile).unwrap();
    std::fs::write(&profile, text.replace("7226 8400", "7226 8401")).unwrap();
    watching.wait_for(RENDERED);
    assert_ne!(
        std::fs::read(&pdf).unwrap(),
        after_csv,
        "the PDF follows the profile"
    );
}

#[cfg(unix)]
#[test]
fn watching_a_link_to_an_answer_follows_saves_of_the_answer_and_its_spreadsheet() {
    // A reviewer's folder of links to the answers in the ministry's shared folder: the files
    // are saved where they are, not where the links are.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (shared, own) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = shared.path().join("svar.json");
    std::fs::copy(root.join("tests/fixtures/spreadsheet.json"), &file).unwrap();
    std::fs::copy(
        root.join("tests/fixtures/sager.csv"),
        shared.path().join("sager.csv"),
    )
    .unwrap();
    let link = own.path().join("svar.json");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    let pdf = own.path().join("svar.pdf");
    let watching = Watching::start(&link, &pdf);
    watching.wait_for(RENDERED);
    let first_pdf = std::fs::read(&pdf).unwrap();

    std::thread::sleep(Duration::from_millis(100));
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("\"number\": 15", "\"number\": 16", 1)).unwrap();
    watching.wait_for(RENDERED);
    let after_answer = std::fs::read(&pdf).unwrap();
    assert_ne!(after_answer, first_pdf, "the PDF follows the answer");

    std::thread::sleep(Duration::from_millis(100));
    let csv = std::fs::read_to_string(shared.path().join("sager.csv")).unwrap();
    std::fs::write(
        shared.path().join("sager.csv"),
        csv.replace("1.234;2.244", "1.235;2.244")
            .replace("1.246,5", "1.247,5"),
    )
    .unwrap();
    watching.wait_for(RENDERED);
    assert_ne!(
        std::fs::read(&pdf).unwrap(),
        after_answer,
        "the PDF follows the spreadsheet"
    );
}

#[test]
fn a_missing_folder_is_named_before_watching_starts() {
    let folder = tempfile::tempdir().unwrap();
    common::svar()
        .current_dir(folder.path())
        .args(["watch", "mangler/svar.json"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("fejl: mappen mangler findes ikke; opret den, eller vælg en anden\n");
    std::fs::write(folder.path().join("svar.json"), "{}").unwrap();
    common::svar()
        .current_dir(folder.path())
        .args(["watch", "svar.json", "--templates", "egne"])
        .assert()
        .code(1)
        .stderr("fejl: skabelonmappen egne findes ikke; opret den, eller vælg en anden\n");
}

/// A folder, or a file that does not exist, can never become the answer: watching ends at once
/// with what to do, rather than wait for a change. (Bounded: a svar that waits is killed.)
#[test]
fn a_folder_or_a_missing_file_ends_watching_at_once() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("svar")).unwrap();
    std::fs::write(folder.path().join("svar/b.json"), "{}").unwrap();
    std::fs::write(folder.path().join("svar/a.json"), "{}").unwrap();
    let watch = |file: &str| {
        let mut command = common::svar();
        command
            .current_dir(folder.path())
            .args(["watch", file])
            .timeout(Duration::from_secs(10));
        command
    };
    watch("svar").assert().code(1).stdout("").stderr(
        "fejl: svar er en mappe, ikke en svarfil; svar watch holder øje med én svarfil: angiv \
         den, fx svar watch svar/a.json\n  = tip: svar render svar sætter alle svarfilerne i \
         mappen én gang\n",
    );
    watch("svar/c.json").assert().code(1).stdout("").stderr(
        "fejl: svar/c.json findes ikke; tjek stien, eller opret svarfilen først med svar new \
         svar/c.json\n",
    );
}

/// The CPU time the process `pid` has used, in clock ticks (user and system, all threads).
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // After the command's name in parentheses: fields 14 and 15 of stat(5) are utime, stime.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .unwrap()
        .1
        .split_whitespace()
        .collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

/// The built-in `style.typ`.
fn built_in_style() -> String {
    std::fs::read_to_string(common::crate_root().join("templates/style.typ")).unwrap()
}

/// `style`, made to loop far beyond any time limit.
fn endless(style: &str) -> String {
    format!("{style}\n#for i in range(100000) {{ for j in range(100000) {{ }} }}\n")
}

/// Watches an answer in `folder` with its own templates folder holding `style` as
/// `style.typ`, under a time limit of half a second; the templates folder and the PDF.
fn watch_with_own_style(
    folder: &std::path::Path,
    style: &str,
) -> (Watching, std::path::PathBuf, std::path::PathBuf) {
    let answer = folder.join("svar.json");
    std::fs::copy(common::fixture("complete.json"), &answer).unwrap();
    let templates = folder.join("skabeloner");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("style.typ"), style).unwrap();
    let pdf = folder.join("svar.pdf");
    let watching = Watching::start_with(
        &answer,
        &pdf,
        &[
            "--templates".as_ref(),
            templates.as_os_str(),
            "--time-limit".as_ref(),
            "0.5".as_ref(),
        ],
    );
    (watching, templates, pdf)
}

#[test]
fn a_render_over_the_time_limit_ends_its_compile_and_watching_goes_on() {
    // Typst cannot be stopped: the given-up compile ran on, a core busy for each one, until
    // watching ended. Now watch starts itself again, which ends it, and renders once the
    // template is mended.
    let (folder, style) = (tempfile::tempdir().unwrap(), built_in_style());
    let (watching, templates, pdf) = watch_with_own_style(folder.path(), &endless(&style));
    // Standard error and output interleave freely.
    watching.wait_for_all(&[
        "blev ikke færdig inden for 0,5 sekunder",
        "svar watch starter forfra",
    ]);
    // Started again (exec keeps the process id), and waiting.
    std::thread::sleep(Duration::from_millis(500));
    let pid = watching.child.id();
    let before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(1));
    let used = cpu_ticks(pid) - before;
    // A compile left running would use about 100 ticks a second.
    assert!(
        used < 30,
        "svar watch used {used} ticks in a second while waiting"
    );
    std::fs::write(templates.join("style.typ"), style).unwrap();
    watching.wait_for(RENDERED);
    assert!(pdf.exists());
}

#[test]
fn after_a_render_given_up_the_watch_started_again_says_the_pdf_is_an_earlier_version() {
    // Review 34, F-W2: "Holder øje med …" was the last line, which read as all well, while
    // the PDF on disk was still the last version's.
    let (folder, style) = (tempfile::tempdir().unwrap(), built_in_style());
    let (watching, templates, pdf) = watch_with_own_style(folder.path(), &style);
    watching.wait_for(RENDERED);
    let rendered = std::fs::read(&pdf).unwrap();
    std::thread::sleep(Duration::from_millis(100));
    std::fs::write(templates.join("style.typ"), endless(&style)).unwrap();
    watching.wait_for_all(&[
        "blev ikke færdig inden for 0,5 sekunder",
        "svar watch starter forfra",
        "svar.pdf er fra en tidligere udgave af svaret og er ikke opdateret; den sættes igen, \
         når fejlen er rettet og filen gemt",
        "Venter på næste ændring",
    ]);
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        rendered,
        "the PDF is left as it was"
    );
}
