//! The worker processes a batch of `svar render` renders its answers in, one per core (see
//! [`super::worker`] for why processes).
//!
//! Each worker keeps its fonts, templates and Typst's caches from one answer to the next, so
//! only its first answer pays for them; one that ends (after an answer given up, or a crash) is
//! replaced by a new one for the next answer.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rustix::process::Signal;

use super::job::{Outcome, Target};
use super::render::RenderOptions;
use super::worker::{Reply, write_job, write_templates};
use crate::render::TemplateSet;

/// The workers running, by process id, for [`end_all`] to end when svar is interrupted.
static RUNNING: Mutex<Vec<u32>> = Mutex::new(Vec::new());

/// The workers running, locked; a thread that panicked holding the list left it whole.
fn running() -> MutexGuard<'static, Vec<u32>> {
    RUNNING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Set by [`end_all`] as svar ends on Ctrl+C or SIGTERM: no worker is started after it, no
/// answer handed out, and the answers in flight are not reported as failures.
static ENDING: AtomicBool = AtomicBool::new(false);

/// The variable a worker finds its batch's process id in, to end at once if the batch is gone
/// before the worker could ask to be ended with it.
pub(super) const BATCH_VARIABLE: &str = "SVAR_BATCH";

/// Where a batch hears how each answer went: the answer, and what its worker told.
pub(super) type Report<'a> = &'a (dyn Fn(&Target, Reply) + Sync);

/// How long [`end_all`] waits for the workers to remove their temporary files and end.
const END_GRACE: Duration = Duration::from_secs(3);

/// Renders `targets` in worker processes, as many at once as there are cores, and tells
/// `report` how each went (with its warnings), in the order they end.
pub(super) fn render(
    targets: &[Target],
    options: &RenderOptions,
    templates: &TemplateSet,
    report: Report<'_>,
) {
    let start = WorkerCommand::new(options, templates);
    let next = AtomicUsize::new(0);
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    std::thread::scope(|scope| {
        for _ in 0..cores.min(targets.len()) {
            scope.spawn(|| serve(targets, &next, &start, report));
        }
    });
}

/// Ends every worker running, after letting it remove its temporary files; for Ctrl+C and
/// SIGTERM, which the batch gets and its workers may not (`kill` of the batch's process).
pub(super) fn end_all() {
    use rustix::process::{Pid, WaitOptions, kill_process, waitpid};
    // Under the lock [`WorkerCommand::spawn`] starts workers under: none starts after this.
    let running = {
        let running = running();
        ENDING.store(true, Ordering::SeqCst);
        running.clone()
    };
    let pids: Vec<Pid> = running
        .iter()
        .filter_map(|&id| Pid::from_raw(i32::try_from(id).ok()?))
        .collect();
    for &pid in &pids {
        let _ = kill_process(pid, Signal::TERM);
    }
    let deadline = Instant::now() + END_GRACE;
    for pid in pids {
        // Reaped here: the thread that started it may be waiting for its reply.
        while matches!(waitpid(Some(pid), WaitOptions::NOHANG), Ok(None))
            && Instant::now() < deadline
        {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

/// Takes answers from `targets` until none is left, each to the worker this thread keeps
/// running.
fn serve(targets: &[Target], next: &AtomicUsize, start: &WorkerCommand<'_>, report: Report<'_>) {
    let mut worker: Option<Worker> = None;
    while let Some(target) = targets.get(next.fetch_add(1, Ordering::Relaxed)) {
        if is_ending() {
            return;
        }
        let outcome = match worker.take().map_or_else(|| start.spawn(), Ok) {
            Ok(running) => render_in(running, &mut worker, target, report),
            Err(error) => failure(
                &target.answer,
                &format_args!(
                    "kan ikke starte en proces til sætningen: {}",
                    crate::fs::io_in_danish(&error)
                ),
            ),
        };
        // An answer cut off as svar ends was not a failure of its own; a PDF its worker wrote
        // is told all the same, as the answers finished before.
        if is_ending() && !matches!(outcome, Outcome::Rendered(_)) {
            return;
        }
        report(target, Reply::Done(outcome));
    }
}

/// Has `running` render `target`, and keeps it in `worker` for the next answer unless it ended
/// or gave the answer up (and ends with it).
fn render_in(
    mut running: Worker,
    worker: &mut Option<Worker>,
    target: &Target,
    report: Report<'_>,
) -> Outcome {
    match running.render(target, &|reply| report(target, reply)) {
        Ok(outcome) => {
            if !outcome.is_given_up() {
                *worker = Some(running);
            }
            outcome
        }
        Err(ended) => {
            if is_interruption(ended) {
                // Ctrl+C reaches the workers with svar itself, which may hear it a moment
                // later: the answer was cut off, not failed.
                await_ending(INTERRUPTION_GRACE);
            }
            // Killed while it wrote the PDF, it left its temporary file.
            let folder = crate::output::folder_of(&target.pdf);
            crate::output::remove_left_by(running.child.id(), folder);
            failure(&target.answer, &Ended(ended))
        }
    }
}

/// How long a batch whose worker was ended by Ctrl+C or SIGTERM waits to be ended itself
/// before it reports the answer as failed (a worker signalled alone).
const INTERRUPTION_GRACE: Duration = Duration::from_millis(500);

/// Whether a worker ended as Ctrl+C or SIGTERM ends one: by the signal, or by its handler
/// (status 130).
fn is_interruption(status: ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    let signals = [Signal::INT, Signal::TERM].map(Signal::as_raw);
    status.code() == Some(super::INTERRUPTED)
        || status
            .signal()
            .is_some_and(|signal| signals.contains(&signal))
}

/// Waits until svar is ending (see [`end_all`]), at most `grace`.
fn await_ending(grace: Duration) {
    let deadline = Instant::now() + grace;
    while !is_ending() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Whether svar is ending on Ctrl+C or SIGTERM (see [`end_all`]).
pub(super) fn is_ending() -> bool {
    ENDING.load(Ordering::SeqCst)
}

/// An answer that failed for a reason outside it, told as other such failures are.
fn failure(answer: &Path, why: &dyn std::fmt::Display) -> Outcome {
    Outcome::Failed {
        report: super::error::line(&format_args!("{}: {why}", answer.display())),
        given_up: false,
    }
}

/// How to start a worker: this very program, with the batch's options, sent the batch's own
/// templates.
struct WorkerCommand<'a> {
    args: Vec<std::ffi::OsString>,
    /// The templates read from `--templates`, if given.
    templates: Option<&'a TemplateSet>,
}

impl<'a> WorkerCommand<'a> {
    fn new(options: &RenderOptions, templates: &'a TemplateSet) -> Self {
        let mut args = vec!["worker".into()];
        args.extend(options.to_args());
        Self {
            args,
            templates: options.templates.is_some().then_some(templates),
        }
    }

    /// Starts a worker. Its standard error is the batch's, for what only a crash prints.
    /// Under the lock of the workers running, so that [`end_all`] ends each one started, and
    /// none is started once svar is ending.
    fn spawn(&self) -> std::io::Result<Worker> {
        use std::os::unix::process::CommandExt;
        let mut running = running();
        if is_ending() {
            return Err(std::io::Error::from(std::io::ErrorKind::Interrupted));
        }
        let child = Command::new(super::this_program())
            .arg0("svar")
            .args(&self.args)
            .env(BATCH_VARIABLE, std::process::id().to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        running.push(child.id());
        drop(running);
        let mut worker = Worker::new(child);
        if let (Some(templates), Some(jobs)) = (self.templates, &mut worker.jobs) {
            // A worker that cannot be sent them fails its first answer, and says why.
            let _ = write_templates(jobs, templates);
        }
        Ok(worker)
    }
}

/// A worker process, with the pipes the batch talks to it through.
struct Worker {
    child: Child,
    /// Closed (`None`) to tell the worker there are no more answers.
    jobs: Option<ChildStdin>,
    replies: BufReader<ChildStdout>,
}

impl Worker {
    /// Takes over `child`, started with piped standard input and output.
    fn new(mut child: Child) -> Self {
        let jobs = child.stdin.take().expect("a worker's input is piped");
        let replies = child.stdout.take().expect("a worker's output is piped");
        Self {
            child,
            jobs: Some(jobs),
            replies: BufReader::new(replies),
        }
    }

    /// Has the worker render `target`, passing its warnings on to `warn`; how it ended, or
    /// how the worker did if it ended without saying.
    fn render(&mut self, target: &Target, warn: &dyn Fn(Reply)) -> Result<Outcome, ExitStatus> {
        let sent = match &mut self.jobs {
            Some(jobs) => write_job(jobs, target).is_ok(),
            None => false,
        };
        let mut line = String::new();
        while sent && matches!(self.replies.read_line(&mut line), Ok(1..)) {
            match serde_json::from_str(&line) {
                Ok(Reply::Done(outcome)) => return Ok(outcome),
                Ok(warning) => warn(warning),
                Err(_) => {
                    // Not svar's worker talking: it is ended, not waited for.
                    let _ = self.child.kill();
                    break;
                }
            }
            line.clear();
        }
        Err(self.end())
    }

    /// Ends the worker: it gets no more answers, so it ends when it has none (or has ended
    /// already); its exit status.
    fn end(&mut self) -> ExitStatus {
        drop(self.jobs.take());
        let status = self.child.wait();
        running().retain(|&id| id != self.child.id());
        // An error only if the worker was reaped already, by [`end_all`] as svar ends.
        status.unwrap_or_default()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.end();
    }
}

/// A worker that ended without telling how its answer went, told by how it ended.
struct Ended(ExitStatus);

impl std::fmt::Display for Ended {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::os::unix::process::ExitStatusExt;
        f.write_str("sætningen holdt op uventet (")?;
        match (self.0.signal(), self.0.code()) {
            (Some(signal), _) if signal == Signal::KILL.as_raw() => f.write_str(
                "styresystemet stoppede den med signal 9, oftest fordi maskinen løb tør for hukommelse",
            )?,
            (Some(signal), _) => write!(f, "den gik ned med signal {signal}")?,
            (None, Some(code)) => write!(f, "den sluttede med status {code}")?,
            (None, None) => f.write_str("ukendt årsag")?,
        }
        f.write_str("); de andre svar sættes videre. Meld venligst fejlen med svarfilen")
    }
}
