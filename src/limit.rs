//! A time limit for work that may not end: Typst has none of its own, so a broken or hostile
//! template could loop for ever.

use std::sync::mpsc;
use std::time::Duration;

/// The default limit for typesetting and exporting one answer.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(60);

/// Why limited work gave no result.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    /// The work took longer than the limit.
    #[error(
        "Typst blev ikke færdig inden for {} sekunder og blev opgivet; en skabelon løber måske i ring (grænsen sættes med --time-limit)",
        limit.as_secs_f64()
    )]
    TimedOut {
        /// The limit that was exceeded.
        limit: Duration,
    },
    /// The work panicked.
    #[error("intern fejl under sætningen (Typst gik ned); meld venligst fejlen med svarfilen")]
    Crashed,
}

/// Runs `work` on its own thread and waits at most `limit` for it.
///
/// Work that overruns cannot be stopped from outside (Typst has no cancellation), so its thread
/// is left to finish or to end with the process; the caller gets an error and goes on.
pub fn run_with_limit<T, F>(limit: Duration, work: F) -> Result<T, LimitError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (sender, receiver) = mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("svar-typeset".into())
        .spawn(move || {
            // The receiver may be gone after a timeout; nobody needs the result then.
            let _ = sender.send(work());
        })
        .map_err(|_| LimitError::Crashed)?;
    match receiver.recv_timeout(limit) {
        Ok(result) => Ok(result),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(LimitError::TimedOut { limit }),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(LimitError::Crashed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn returns_the_result_of_quick_work() {
        assert_eq!(run_with_limit(Duration::from_secs(5), || 42), Ok(42));
    }

    #[test]
    fn gives_up_on_work_that_overruns() {
        let limit = Duration::from_millis(50);
        let result = run_with_limit(limit, || std::thread::sleep(Duration::from_secs(2)));
        assert_eq!(result, Err(LimitError::TimedOut { limit }));
    }

    #[test]
    fn reports_a_panic() {
        let result = run_with_limit(Duration::from_secs(5), || -> u8 { panic!("boom") });
        assert_eq!(result, Err(LimitError::Crashed));
    }
}
