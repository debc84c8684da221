//! Limits of time and memory for work that may not end: Typst has none of its own, so a broken
//! or hostile template could loop for ever, or allocate until the machine runs out of memory.

use std::sync::mpsc;
use std::time::{Duration, Instant};

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

/// The default most memory svar may hold while it typesets one answer, in megabytes: an answer
/// takes about 40 MB and a table of 2,000 rows about 180 MB, so only a template that allocates
/// without end comes near it, long before a ministry's laptop runs out.
pub const DEFAULT_MEMORY_LIMIT_MB: u64 = 2_000;

/// The smallest memory limit accepted, in megabytes: svar with its fonts loaded takes about
/// 40 MB before it typesets anything, so a smaller limit would give up every answer.
pub const SMALLEST_MEMORY_LIMIT_MB: u64 = 100;

/// The largest memory limit accepted, in megabytes (a terabyte): more is a typing error.
pub const LARGEST_MEMORY_LIMIT_MB: u64 = 1_000_000;

/// A memory limit as `--memory-limit` takes it: whole megabytes (of 1,000,000 bytes), written
/// `2000`, `2.000` or `2000 MB`, or gigabytes (of 1,000 MB) written `2 GB` or `1,5GB`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryLimit(pub u64);

impl MemoryLimit {
    /// The limit in bytes.
    pub fn bytes(self) -> u64 {
        self.0.saturating_mul(1_000_000)
    }

    /// The limit with its unit, "2.000 MB".
    pub fn in_words(self) -> String {
        format!("{self} MB")
    }

    /// A limit of `megabytes`, if it is neither too small nor too large.
    fn of_megabytes(megabytes: u64) -> Result<Self, MemoryLimitError> {
        if megabytes < SMALLEST_MEMORY_LIMIT_MB {
            return Err(MemoryLimitError::TooSmall);
        }
        if megabytes > LARGEST_MEMORY_LIMIT_MB {
            return Err(MemoryLimitError::TooLarge);
        }
        Ok(Self(megabytes))
    }

    /// The limit written in gigabytes (of 1,000 MB): "2", "1,5" or "1.5".
    fn from_gigabytes(number: &str) -> Result<Self, MemoryLimitError> {
        let decimal = number.replace(',', ".");
        let well_formed = !decimal.is_empty()
            && decimal.matches('.').count() <= 1
            && decimal
                .bytes()
                .all(|byte| byte.is_ascii_digit() || byte == b'.');
        let gigabytes: f64 = match decimal.parse() {
            Ok(gigabytes) if well_formed => gigabytes,
            _ => return Err(MemoryLimitError::NotWhole),
        };
        // Rounded to whole megabytes; a float too large for them saturates, and is too large.
        Self::of_megabytes((gigabytes * 1000.0).round() as u64)
    }
}

impl Default for MemoryLimit {
    fn default() -> Self {
        Self(DEFAULT_MEMORY_LIMIT_MB)
    }
}

/// The limit in megabytes as Danes write it: "2.000".
impl std::fmt::Display for MemoryLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::danish::whole_number(self.0))
    }
}

impl std::str::FromStr for MemoryLimit {
    type Err = MemoryLimitError;

    fn from_str(text: &str) -> Result<Self, MemoryLimitError> {
        let text = text.trim();
        if let Some(gigabytes) = strip_unit(text, "GB") {
            return Self::from_gigabytes(gigabytes);
        }
        let number = strip_unit(text, "MB").unwrap_or(text);
        let digits = if looks_like_thousands(number) {
            number.replace('.', "")
        } else {
            number.to_string()
        };
        if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(MemoryLimitError::NotWhole);
        }
        // Too many digits for a u64 is far above the largest limit too.
        Self::of_megabytes(digits.parse::<u64>().unwrap_or(u64::MAX))
    }
}

/// `text` without its `unit` at the end (in any case, after a space or not), if it ends so.
fn strip_unit<'a>(text: &'a str, unit: &str) -> Option<&'a str> {
    let split = text.len().checked_sub(unit.len())?;
    let (number, end) = (text.get(..split)?, text.get(split..)?);
    end.eq_ignore_ascii_case(unit).then(|| number.trim_end())
}

/// Why a `--memory-limit` is refused; clap prints the text after the value and the option.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MemoryLimitError {
    /// Not a whole number of megabytes.
    #[error("skal være et helt antal MB, fx 2000, eller GB, fx 2 GB")]
    NotWhole,
    /// Below [`SMALLEST_MEMORY_LIMIT_MB`], which every answer would exceed.
    #[error("skal være mindst {SMALLEST_MEMORY_LIMIT_MB} MB; svar bruger selv omkring 40 MB")]
    TooSmall,
    /// Above [`LARGEST_MEMORY_LIMIT_MB`], surely a typing error.
    #[error(
        "højst {} MB (en terabyte)",
        crate::danish::whole_number(LARGEST_MEMORY_LIMIT_MB)
    )]
    TooLarge,
}

/// The limits one answer is typeset within.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Limits {
    /// How long it may take.
    pub time: TimeLimit,
    /// How much memory svar may hold meanwhile.
    pub memory: MemoryLimit,
}

/// How often memory is looked at while work runs: often enough that a template allocating a
/// gigabyte a second overshoots the limit by little, rarely enough to cost nothing.
const MEMORY_CHECK_INTERVAL: Duration = Duration::from_millis(20);

/// The memory this process holds (its resident set), in bytes; `None` where the system does
/// not tell (it is read from Linux's `/proc`).
pub fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kilobytes: u64 = line
        .trim_start_matches("VmRSS:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kilobytes * 1024)
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
    /// The process held more memory than the limit while the work ran.
    #[error(
        "Typst brugte mere end {} hukommelse og blev opgivet; en skabelon bruger måske hukommelse uden ende, eller svaret er usædvanligt stort (grænsen sættes med --memory-limit)",
        .limit.in_words()
    )]
    OutOfMemory {
        /// The limit that was exceeded.
        limit: MemoryLimit,
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

impl LimitError {
    /// Whether the work was given up while it still ran: nothing can stop it from outside
    /// (Typst has no cancellation), so it runs on until the process ends, and a process that
    /// goes on working should end and start again.
    pub fn is_given_up(&self) -> bool {
        matches!(self, Self::TimedOut { .. } | Self::OutOfMemory { .. })
    }
}

/// Runs `work` on its own thread and waits for it at most the time `limits` allow, and only as
/// long as the process holds no more memory than they allow.
///
/// Work given up cannot be stopped from outside (Typst has no cancellation), so its thread is
/// left to finish or to end with the process (see [`LimitError::is_given_up`]); the caller gets
/// an error.
pub fn run_with_limit<T, F>(limits: Limits, work: F) -> Result<T, LimitError>
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
    let deadline = Instant::now() + limits.time.0;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(LimitError::TimedOut {
                limit: limits.time.0,
            });
        }
        match receiver.recv_timeout(left.min(MEMORY_CHECK_INTERVAL)) {
            Ok(result) => return Ok(result),
            Err(mpsc::RecvTimeoutError::Disconnected) => return Err(LimitError::Crashed),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if resident_bytes().is_some_and(|held| held > limits.memory.bytes()) {
                    return Err(LimitError::OutOfMemory {
                        limit: limits.memory,
                    });
                }
            }
        }
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

    /// Limits of `time` and the default memory.
    fn within(time: Duration) -> Limits {
        Limits {
            time: TimeLimit(time),
            ..Limits::default()
        }
    }

    #[test]
    fn returns_the_result_of_quick_work() {
        assert!(matches!(
            run_with_limit(within(Duration::from_secs(5)), || 42),
            Ok(42)
        ));
    }

    #[test]
    fn gives_up_on_work_that_overruns() {
        let limit = Duration::from_millis(50);
        let result = run_with_limit(within(limit), || std::thread::sleep(Duration::from_secs(2)));
        assert!(
            matches!(result, Err(LimitError::TimedOut { limit: given }) if given == limit),
            "{result:?}"
        );
        assert!(result.unwrap_err().is_given_up());
    }

    #[test]
    fn gives_up_on_work_that_holds_more_memory_than_the_limit() {
        let limits = Limits {
            time: TimeLimit(Duration::from_secs(20)),
            memory: MemoryLimit(SMALLEST_MEMORY_LIMIT_MB),
        };
        let result = run_with_limit(limits, || {
            // Touched, so that it is really held; then kept a while for the check to see it.
            let held = std::hint::black_box(vec![1_u8; 400_000_000]);
            std::thread::sleep(Duration::from_secs(1));
            held.len()
        });
        assert!(
            matches!(result, Err(LimitError::OutOfMemory { limit }) if limit == limits.memory),
            "{result:?}"
        );
        let error = result.unwrap_err();
        assert!(error.is_given_up());
        assert!(
            error
                .to_string()
                .starts_with("Typst brugte mere end 100 MB hukommelse og blev opgivet"),
            "{error}"
        );
    }

    #[test]
    fn this_process_s_memory_can_be_read_on_linux() {
        let held = resident_bytes().expect("Linux tells a process's resident set");
        assert!((1_000_000..100_000_000_000).contains(&held), "{held}");
    }

    #[test]
    fn a_memory_limit_is_a_whole_number_of_megabytes() {
        let parse = |text: &str| {
            text.parse::<MemoryLimit>()
                .map(|limit| limit.0)
                .map_err(|error| error.to_string())
        };
        assert_eq!(parse("2000"), Ok(2000));
        assert_eq!(parse("2.000"), Ok(2000));
        assert_eq!(parse("4000 MB"), Ok(4000));
        assert_eq!(parse(" 500MB "), Ok(500));
        assert_eq!(parse("1.000.000"), Ok(LARGEST_MEMORY_LIMIT_MB));
        assert_eq!(parse("2 GB"), Ok(2000));
        assert_eq!(parse("1,5gb"), Ok(1500));
        assert_eq!(parse("0.25 GB"), Ok(250));
        for refused in [
            "",
            "1,5",
            "2.5",
            "-200",
            "to tusind",
            "2 TB",
            "0x800",
            "GB",
            "1.2.3 GB",
        ] {
            assert_eq!(
                parse(refused),
                Err("skal være et helt antal MB, fx 2000, eller GB, fx 2 GB".to_string()),
                "{refused}"
            );
        }
        assert_eq!(
            parse("0,05 GB"),
            Err("skal være mindst 100 MB; svar bruger selv omkring 40 MB".to_string())
        );
        assert_eq!(
            parse("50"),
            Err("skal være mindst 100 MB; svar bruger selv omkring 40 MB".to_string())
        );
        assert_eq!(
            parse("99999999999999999999999"),
            Err("højst 1.000.000 MB (en terabyte)".to_string())
        );
        assert_eq!(MemoryLimit::default().to_string(), "2.000");
        assert_eq!(MemoryLimit(2000).in_words(), "2.000 MB");
        assert_eq!(
            MemoryLimit::default().to_string().parse(),
            Ok(MemoryLimit::default()),
            "the limit as a worker is given it reads back the same"
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
        let result = run_with_limit(within(Duration::from_secs(5)), || -> u8 { panic!("boom") });
        assert!(matches!(result, Err(LimitError::Crashed)), "{result:?}");
    }
}
