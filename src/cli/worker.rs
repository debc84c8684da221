//! `svar worker`, hidden: the process `svar render` starts on each core to render the answers
//! of a batch, one at a time, as it is sent them on standard input.
//!
//! A process of its own, because Typst cannot be stopped from outside: an answer given up over
//! its time or memory limit goes on typesetting until its process ends. The worker tells the
//! batch, then ends, and the batch starts another; in one process the given-up compile would
//! hold a core, and as much memory as it could take, until the whole batch was done.
//!
//! The batch sends each answer as its file and PDF, each path ended by a NUL byte (the one byte
//! no path holds); the worker answers with one JSON line per warning and one for how it ended.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::job::{Outcome, RenderSettings, Target, render_reported};
use super::render::RenderOptions;
use crate::render::TemplateSet;

/// Arguments of `svar worker`: the options of the `svar render` that starts it.
#[derive(Debug, Args)]
pub struct WorkerArgs {
    /// How each answer is rendered.
    #[command(flatten)]
    pub options: RenderOptions,
}

/// What a worker tells the batch while it renders an answer.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(super) enum Reply {
    /// A warning, as printed to standard error (with its line ends).
    Warning(String),
    /// How the answer ended; the worker takes the next one, or ends if it was given up.
    Done(Outcome),
}

/// How many answers a worker renders between two evictions of Typst's memo cache.
///
/// The cache is global and grows with every answer; an eviction drops what no answer has used
/// since the last one. Not after every answer: an eviction walks and locks the whole cache and
/// clears comemo's hash accelerators, which cost a batch of 100 about a tenth of its time.
const EVICT_EVERY: usize = 8;

/// Renders the answers sent on standard input until it ends, or until one is given up.
pub(super) fn run(args: &WorkerArgs) -> ExitCode {
    // Outside a batch the command is unknown (see `args::parse`); given a batch's variable by
    // hand, it would wait for jobs on a terminal.
    if std::io::stdin().is_terminal() {
        super::error::report(&"svar worker sætter svar for svar render og startes ikke selv");
        return ExitCode::FAILURE;
    }
    end_with_the_batch();
    crate::world::preload();
    let mut jobs = std::io::stdin().lock();
    let prepared = prepare(&args.options, &mut jobs);
    let mut rendered = 0_usize;
    while let Some(target) = read_job(&mut jobs) {
        let warn = |text: &str| send(&Reply::Warning(text.to_string()));
        let outcome = match &prepared {
            Ok((settings, templates)) => render_reported(&target, settings, templates, &warn),
            Err(report) => Outcome::Failed {
                report: report.clone(),
                given_up: false,
            },
        };
        rendered += 1;
        if rendered.is_multiple_of(EVICT_EVERY) {
            typst::comemo::evict(1);
        }
        let given_up = outcome.is_given_up();
        send(&Reply::Done(outcome));
        if given_up {
            // Ending the process ends the compile given up.
            break;
        }
    }
    ExitCode::SUCCESS
}

/// The settings and templates every answer is rendered with, or why there are none. The batch
/// loaded and checked the templates before it started any worker, warned about them, and
/// sends their sources first (see [`write_templates`]).
fn prepare(
    options: &RenderOptions,
    from: &mut impl BufRead,
) -> Result<(RenderSettings, TemplateSet), String> {
    let failure = |error: &dyn std::fmt::Display| super::error::line(error);
    let settings = options.settings().map_err(|error| failure(&error))?;
    let templates = match &options.templates {
        Some(folder) => TemplateSet::with_own(folder, read_templates(from)?),
        None => TemplateSet::builtin(),
    };
    Ok((settings, templates))
}

/// Sends a worker the sources of the templates the batch read from its folder, once, before
/// its first job: every worker renders with the templates as the batch read them, also one
/// started after a template was edited.
pub(super) fn write_templates(to: &mut impl Write, templates: &TemplateSet) -> std::io::Result<()> {
    let sources = serde_json::to_vec(&templates.own_sources()).map_err(std::io::Error::other)?;
    write_frame(to, &sources)?;
    to.flush()
}

/// The template sources [`write_templates`] sent.
fn read_templates(from: &mut impl BufRead) -> Result<BTreeMap<String, String>, String> {
    read_frame(from)
        .and_then(|frame| serde_json::from_slice(&frame).ok())
        .ok_or_else(|| super::error::line(&"skabelonerne nåede ikke frem til sætningen"))
}

/// Has the system end this worker (as by Ctrl+C: its temporary files are removed) when the
/// batch that started it ends, however it ends.
fn end_with_the_batch() {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{Signal, set_parent_process_death_signal};
        // Without it, a batch killed outright leaves its workers to finish their answers.
        let _ = set_parent_process_death_signal(Some(Signal::TERM));
        // A batch that ended before that was asked has sent no signal, nor will.
        if !started_by_a_batch() {
            std::process::exit(0);
        }
    }
}

/// Whether this process is a worker a batch started: the batch names itself in the
/// environment, and is this process's parent while it runs. Set by hand, or left over from a
/// batch that has ended, the variable makes no worker.
pub(super) fn started_by_a_batch() -> bool {
    let batch = std::env::var(super::pool::BATCH_VARIABLE).ok();
    #[cfg(target_os = "linux")]
    let parent = rustix::process::getppid().map(|pid| pid.as_raw_nonzero().to_string());
    #[cfg(not(target_os = "linux"))]
    let parent = batch.clone();
    batch.is_some() && batch == parent
}

/// Sends `reply` to the batch. A batch that has gone away wants no more: the worker ends.
fn send(reply: &Reply) {
    let mut line = serde_json::to_string(reply).expect("a reply is plain strings");
    line.push('\n');
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(line.as_bytes())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        std::process::exit(0);
    }
}

/// Writes the job of rendering `target` for a worker to read with [`read_job`].
pub(super) fn write_job(to: &mut impl Write, target: &Target) -> std::io::Result<()> {
    for path in [&target.answer, &target.pdf] {
        write_frame(to, &path_bytes(path.as_os_str()))?;
    }
    to.flush()
}

/// The next job written by [`write_job`], or `None` when the batch has no more.
fn read_job(from: &mut impl BufRead) -> Option<Target> {
    let mut path = || Some(PathBuf::from(path_from_bytes(read_frame(from)?)));
    Some(Target {
        answer: path()?,
        pdf: path()?,
    })
}

/// Writes `bytes` ended by a NUL: the one byte no path holds, and one JSON writes escaped.
fn write_frame(to: &mut impl Write, bytes: &[u8]) -> std::io::Result<()> {
    to.write_all(bytes)?;
    to.write_all(&[0])
}

/// The bytes [`write_frame`] wrote, or `None` at the end of the input (or a frame cut short).
fn read_frame(from: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    from.read_until(0, &mut bytes).ok()?;
    bytes.pop().filter(|&end| end == 0)?;
    Some(bytes)
}

/// A path as the bytes the system knows it by, which need not be UTF-8.
fn path_bytes(path: &std::ffi::OsStr) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_bytes().to_vec()
}

/// The path of the bytes [`path_bytes`] gave.
fn path_from_bytes(bytes: Vec<u8>) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    OsString::from_vec(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reads_back_as_written_whatever_its_paths_hold() {
        use std::os::unix::ffi::OsStrExt;
        let odd = std::ffi::OsStr::from_bytes(b"svar \xff\nny.json");
        let jobs = [
            Target {
                answer: PathBuf::from(odd),
                pdf: PathBuf::from("ud/svar ny.pdf"),
            },
            Target {
                answer: PathBuf::from("b.json"),
                pdf: PathBuf::from("b.pdf"),
            },
        ];
        let mut written = Vec::new();
        for job in &jobs {
            write_job(&mut written, job).unwrap();
        }
        let mut reader = written.as_slice();
        for job in &jobs {
            let read = read_job(&mut reader).expect("a job was written");
            assert_eq!(
                (read.answer, read.pdf),
                (job.answer.clone(), job.pdf.clone())
            );
        }
        assert!(read_job(&mut reader).is_none(), "no more jobs");
        assert!(
            read_job(&mut &b"a.json\0half"[..]).is_none(),
            "a job cut short is none"
        );
    }

    #[test]
    fn the_templates_are_read_back_as_sent_before_the_first_job() {
        let sources = BTreeMap::from([(
            "style.typ".to_string(),
            "#let nul = \"\u{0}\"\n// æøå\n".to_string(),
        )]);
        let own = TemplateSet::with_own(std::path::Path::new("mine"), sources);
        assert_eq!(own.own_sources().len(), 1);
        let mut sent = Vec::new();
        write_templates(&mut sent, &own).unwrap();
        let job = Target {
            answer: PathBuf::from("a.json"),
            pdf: PathBuf::from("a.pdf"),
        };
        write_job(&mut sent, &job).unwrap();
        let mut reader = sent.as_slice();
        assert_eq!(read_templates(&mut reader), Ok(own.own_sources()));
        assert_eq!(
            read_job(&mut reader).map(|job| job.answer),
            Some(PathBuf::from("a.json"))
        );
        assert!(read_templates(&mut &b"{\"a"[..]).is_err(), "cut short");
    }

    #[test]
    fn a_reply_is_one_line() {
        let reply = Reply::Done(Outcome::Failed {
            report: "fejl: a.json: x\nmere\n".into(),
            given_up: true,
        });
        let line = serde_json::to_string(&reply).unwrap();
        assert!(!line.contains('\n'), "{line}");
        let read: Reply = serde_json::from_str(&line).unwrap();
        assert!(matches!(read, Reply::Done(outcome) if outcome.is_given_up()));
    }
}
