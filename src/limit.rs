//! A time limit for work that may not end: Typst has none of its own, so a broken or hostile
//! template could loop for ever.

use std::sync::mpsc;
use std::time::Duration;

/// The default limit for typesetting and exporting one answer.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(60);

/// The longest limit accepted: a day. Typesetting an answer takes well under a second, so a
/// longer limit is a typing error (and a huge one would not fit in a `Duration`).
pub const LONGEST_TIME_LIMIT: Duration = Duration::from_secs(24 * 60 * 60);

/// The shortest limit accepted: a millisecond (a shorter one would read as "0 sekunder").
pub const SHORTEST_TIME_LIMIT: Duration = Duration::from_millis(1);

/// A time limit as `--time-limit` takes it: seconds, with a decimal point or a Danish comma.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeLimit(pub Duration);

impl TimeLimit {
    /// The limit with its unit, "1 sekund", "0,5 sekunder", "60 sekunder".
    pub fn in_words(self) -> String {
        let unit = if self.0 == Duration::from_secs(1) {
            "sekund"
        } else {
            "sekunder"
        };
        format!("{self} {unit}")
    }
}

impl Default for TimeLimit {
    fn default() -> Self {
        Self(DEFAULT_TIME_LIMIT)
    }
}

/// The limit in seconds as Danes write it: "60", "0,5".
impl std::fmt::Display for TimeLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.as_secs_f64().to_string().replace('.', ","))
    }
}

impl std::str::FromStr for TimeLimit {
    type Err = TimeLimitError;

    fn from_str(text: &str) -> Result<Self, TimeLimitError> {
        let text = text.trim();
        if looks_like_thousands(text) {
            return Err(TimeLimitError::Ambiguous {
                decimal: text.replacen('.', ",", 1),
                whole: text.replace('.', ""),
            });
        }
        let seconds: f64 = text
            .replace(',', ".")
            .parse()
            .map_err(|_| TimeLimitError::NotSeconds)?;
        if seconds.is_nan() {
            return Err(TimeLimitError::NotSeconds);
        }
        if seconds < SHORTEST_TIME_LIMIT.as_secs_f64() {
            return Err(TimeLimitError::TooShort);
        }
        if seconds > LONGEST_TIME_LIMIT.as_secs_f64() {
            return Err(TimeLimitError::TooLong);
        }
        Ok(Self(Duration::from_secs_f64(seconds)))
    }
}

/// Why a `--time-limit` is refused; clap prints the text after the value and the option.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeLimitError {
    /// A whole number with a Danish thousands point ("1.000"), which could as well be a
    /// decimal fraction: svar will not guess which.
    #[error("kan læses både som {decimal} og {whole} sekunder; skriv {whole} eller {decimal}")]
    Ambiguous {
        /// The value read with its point as a decimal comma ("1,000").
        decimal: String,
        /// The value read with its points as thousands points ("1000").
        whole: String,
    },
    /// Not a number (or not a number of seconds, like NaN).
    #[error("skal være et antal sekunder, fx 60 eller 0,5")]
    NotSeconds,
    /// Shorter than [`SHORTEST_TIME_LIMIT`], which would read as no time at all.
    #[error("skal være mindst 0,001 sekund")]
    TooShort,
    /// Longer than [`LONGEST_TIME_LIMIT`], surely a typing error.
    #[error("højst {} sekunder (et døgn)", LONGEST_TIME_LIMIT.as_secs())]
    TooLong,
}

/// Whether `text` reads as a whole number with Danish thousands points ("1.000", "2.500"),
/// which a point-as-decimal reading would take for a thousandth of it.
fn looks_like_thousands(text: &str) -> bool {
    let mut groups = text.split('.');
    let first = groups.next().unwrap_or_default();
    let digits = |group: &str| group.bytes().all(|byte| byte.is_ascii_digit());
    let mut rest = groups.peekable();
    (1..=3).contains(&first.len())
        && digits(first)
        && !first.starts_with('0')
        && rest.peek().is_some()
        && rest.all(|group| group.len() == 3 && digits(group))
}

/// Why limited work gave no result.
#[derive(Debug, thiserror::Error)]
pub enum LimitError {
    /// The work took longer than the limit.
    #[error(
        "Typst blev ikke færdig inden for {} og blev opgivet; en skabelon løber måske i ring, eller svaret er usædvanligt stort (grænsen sættes med --time-limit)",
        TimeLimit(*limit).in_words()
    )]
    TimedOut {
        /// The limit that was exceeded.
        limit: Duration,
    },
    /// The work panicked.
    #[error("intern fejl under sætningen (Typst gik ned); meld venligst fejlen med svarfilen")]
    Crashed,
    /// The thread to do the work on could not be started (the system is out of threads or
    /// memory); nothing went wrong in the work itself.
    #[error(
        "kan ikke starte en tråd til sætningen: {}",
        crate::fs::io_in_danish(.0)
    )]
    Spawn(#[source] std::io::Error),
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
        .map_err(LimitError::Spawn)?;
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
    fn a_time_limit_is_a_positive_number_of_seconds_up_to_a_day() {
        let parse = |text: &str| {
            text.parse::<TimeLimit>()
                .map(|limit| limit.0)
                .map_err(|error| error.to_string())
        };
        assert_eq!(parse("60"), Ok(Duration::from_secs(60)));
        assert_eq!(parse("0,5"), Ok(Duration::from_millis(500)));
        assert_eq!(parse("86400"), Ok(LONGEST_TIME_LIMIT));
        for refused in ["0", "-1", "nan", "inf", "1e99", "86401", "tre", ""] {
            assert!(parse(refused).is_err(), "{refused}");
        }
        assert_eq!(
            parse("1e20"),
            Err("højst 86400 sekunder (et døgn)".to_string())
        );
        assert_eq!(TimeLimit::default().to_string(), "60");
        assert_eq!(
            parse("1.000"),
            Err("kan læses både som 1,000 og 1000 sekunder; skriv 1000 eller 1,000".to_string())
        );
        assert!(parse("2.500.000").is_err());
        assert_eq!(parse("0.500"), Ok(Duration::from_millis(500)));
        assert_eq!(parse("1.5"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse("1,000"), Ok(Duration::from_secs(1)));
        assert_eq!(parse("0.25").map(TimeLimit).unwrap().to_string(), "0,25");
        assert_eq!(
            parse("1e-10"),
            Err("skal være mindst 0,001 sekund".to_string())
        );
    }

    #[test]
    fn the_given_up_message_says_one_second_in_the_singular() {
        let message = |limit| LimitError::TimedOut { limit }.to_string();
        assert!(message(Duration::from_secs(1)).contains("inden for 1 sekund og"));
        assert!(message(Duration::from_millis(500)).contains("inden for 0,5 sekunder og"));
    }

    #[test]
    fn a_refused_time_limit_says_why_by_its_variant() {
        let refusal = |text: &str| text.parse::<TimeLimit>().unwrap_err();
        assert_eq!(
            refusal("1.000"),
            TimeLimitError::Ambiguous {
                decimal: "1,000".into(),
                whole: "1000".into()
            }
        );
        assert_eq!(refusal("tre"), TimeLimitError::NotSeconds);
        assert_eq!(refusal("nan"), TimeLimitError::NotSeconds);
        assert_eq!(refusal("0"), TimeLimitError::TooShort);
        assert_eq!(refusal("86401"), TimeLimitError::TooLong);
        assert_eq!(
            TimeLimitError::NotSeconds.to_string(),
            "skal være et antal sekunder, fx 60 eller 0,5"
        );
    }

    #[test]
    fn returns_the_result_of_quick_work() {
        assert!(matches!(
            run_with_limit(Duration::from_secs(5), || 42),
            Ok(42)
        ));
    }

    #[test]
    fn gives_up_on_work_that_overruns() {
        let limit = Duration::from_millis(50);
        let result = run_with_limit(limit, || std::thread::sleep(Duration::from_secs(2)));
        assert!(
            matches!(result, Err(LimitError::TimedOut { limit: given }) if given == limit),
            "{result:?}"
        );
    }

    #[test]
    fn a_thread_that_cannot_start_is_no_crash_and_keeps_the_system_s_reason() {
        let error = LimitError::Spawn(std::io::Error::from(std::io::ErrorKind::OutOfMemory));
        assert!(
            error
                .to_string()
                .starts_with("kan ikke starte en tråd til sætningen: "),
            "{error}"
        );
        let source = std::error::Error::source(&error).expect("the io::Error is the source");
        assert!(source.is::<std::io::Error>());
    }

    #[test]
    fn reports_a_panic() {
        let result = run_with_limit(Duration::from_secs(5), || -> u8 { panic!("boom") });
        assert!(matches!(result, Err(LimitError::Crashed)), "{result:?}");
    }
}
