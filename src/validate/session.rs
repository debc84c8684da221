//! The session a question belongs to and the dates that place it: a question asked on
//! 1 June 2019 belongs to 2018-19, and a session written "2010-11" for it is a slip that would
//! be printed.
//!
//! Folketingsåret begins on the first Tuesday of October (Grundloven § 36) and runs until the
//! next one begins; an election divides it into "samlinger" but keeps its years. Near that
//! Tuesday a date and a session one year apart may both be as the clerk found them (a question
//! registered on the day the new session opened), so a date there gets a warning only.
//!
//! A session written with its samling ("2018-19 (2. samling)") is checked against the
//! elections svar knows: a samling of a year without an election is a slip, and so is a date on
//! the wrong side of the election. The questions of a 2nd samling are numbered from 1 again, so
//! a question asked after the election but written without its samling gets a warning too.

use chrono::{NaiveDate, Weekday};

use super::Problem;
use crate::json_path::JsonPath;
use crate::model::Answer;

/// How far outside its session a date may lie before it is an error rather than a warning.
const MARGIN_DAYS: i64 = 14;

/// The general elections held within a session, by the year the session begins in, with
/// election day: the 1st samling ends with it, and the 2nd begins when the new Folketing meets.
const ELECTIONS: [(i32, (i32, u32, u32)); 8] = [
    (1997, (1998, 3, 11)),
    (2001, (2001, 11, 20)),
    (2004, (2005, 2, 8)),
    (2007, (2007, 11, 13)),
    (2010, (2011, 9, 15)),
    (2014, (2015, 6, 18)),
    (2018, (2019, 6, 5)),
    (2022, (2022, 11, 1)),
];

/// The sessions whose elections svar knows all of, by the year they begin in: a later session
/// may have had an election svar was built too early to know.
const KNOWN_SESSIONS: std::ops::RangeInclusive<i32> = 1997..=2024;

/// Checks the session against the day the question was asked (or the samråd held), or, for a
/// question without either, that the answer is not dated before the session began.
pub(super) fn check_session_dates(answer: &Answer, problems: &mut Vec<Problem>) {
    let question = &answer.question;
    let Some(year) = session_start(&question.session) else {
        return; // A malformed session has an error of its own.
    };
    let Some(session) = Session::of(year, &question.session) else {
        return;
    };
    let at = JsonPath::root().key("question");
    if session.samling.is_some() && session.divided.is_none() {
        problems.extend(one_samling(year, &question.session, at.key("session")));
    }
    let asked = [
        (at.key("asked_on"), question.asked_on),
        (at.key("meeting_on"), question.meeting_on),
    ];
    if let Some((path, date)) = asked.into_iter().find_map(|(p, d)| Some((p, d?))) {
        let hint = format!(
            "datoen hører til folketingsåret {}; ret \"question.session\" eller \"{}\"",
            session_of(date),
            path,
        );
        if let Some(outside) = session.outside(path.clone(), date, &hint) {
            problems.push(outside);
        } else if session.samling.is_none() {
            problems.extend(unwritten_second_samling(
                year,
                date,
                &question.session,
                &path,
            ));
        }
    } else if let Some(date) = answer.date.filter(|date| *date < session.opens) {
        let hint = "et spørgsmål besvares tidligst i det folketingsår, det stilles i; ret \
                    \"question.session\" eller \"date\"";
        problems.extend(session.outside(JsonPath::root().key("date"), date, hint));
    }
}

/// The first day after the session `written` (or the samling it names, where svar knows the
/// election that ended it): the day the next session opens, or the election's.
pub(super) fn closes(written: &str) -> Option<NaiveDate> {
    Some(Session::of(session_start(written)?, written)?.closes)
}

/// A session as written, with the days it spans: the whole year, or the samling it names
/// where svar knows the election that divided it.
struct Session<'a> {
    written: &'a str,
    /// The samling the session names.
    samling: Option<u8>,
    /// The samling whose days `opens` and `closes` are, where svar knows the election.
    divided: Option<u8>,
    opens: NaiveDate,
    closes: NaiveDate,
}

impl<'a> Session<'a> {
    /// The session `written` as it begins in `year`.
    fn of(year: i32, written: &'a str) -> Option<Self> {
        let (opens, closes) = span(year)?;
        let samling = samling(written);
        let divided = samling.zip(election(year));
        let (opens, closes) = match divided {
            Some((1, election)) => (opens, election),
            Some((_, election)) => (election, closes),
            None => (opens, closes),
        };
        Some(Self {
            written,
            samling,
            divided: divided.map(|(samling, _)| samling),
            opens,
            closes,
        })
    }

    /// The finding for a date outside the session, if it is: a warning near the session's
    /// edge, an error farther out.
    fn outside(&self, path: JsonPath, date: NaiveDate, hint: &str) -> Option<Problem> {
        let outside = if date < self.opens {
            self.opens - date
        } else if date >= self.closes {
            date - self.closes + chrono::Duration::days(1)
        } else {
            return None;
        };
        let message = format!(
            "datoen {} ligger uden for folketingsåret {}",
            crate::danish::date(date),
            self.written_with_days(),
        );
        Some(if outside.num_days() <= MARGIN_DAYS {
            Problem::warning(
                path,
                message,
                Some(format!("{hint}, hvis folketingsåret er forkert")),
            )
        } else {
            Problem::error(path, message, Some(hint.into()))
        })
    }

    /// The session as written with the days it spans, the election named where it begins or
    /// ends the samling.
    fn written_with_days(&self) -> String {
        let date = crate::danish::date;
        let last = self.closes.pred_opt().unwrap_or(self.closes);
        match self.divided {
            None => format!("{} ({} til {})", self.written, date(self.opens), date(last)),
            Some(1) => format!(
                "{}, fra {} til folketingsvalget {}",
                self.written,
                date(self.opens),
                date(self.closes)
            ),
            Some(_) => format!(
                "{}, fra folketingsvalget {} til {}",
                self.written,
                date(self.opens),
                date(last)
            ),
        }
    }
}

/// The warning for a samling written in a session without an election, where there was
/// only the one; none for a session svar does not know all the elections of.
fn one_samling(year: i32, session: &str, path: JsonPath) -> Option<Problem> {
    KNOWN_SESSIONS.contains(&year).then(|| {
        let years = years_of(year);
        Problem::warning(
            path,
            format!(
                "folketingsåret {years} havde kun én samling, for der var intet folketingsvalg \
                 i det, men \"{session}\" nævner en"
            ),
            Some(format!("skriv \"{years}\"")),
        )
    })
}

/// The warning for a question asked after the election that divided its session, whose
/// session is written without "(2. samling)": the new Folketing numbers its questions anew, so
/// "spørgsmål nr. 12, 2018-19" names two questions.
fn unwritten_second_samling(
    year: i32,
    asked: NaiveDate,
    session: &str,
    path: &JsonPath,
) -> Option<Problem> {
    let election = election(year).filter(|election| asked >= *election)?;
    Some(Problem::warning(
        JsonPath::root().key("question").key("session"),
        format!(
            "spørgsmålet blev stillet efter folketingsvalget {}, i folketingsårets 2. samling, \
             men \"{session}\" nævner ikke samlingen",
            crate::danish::date(election),
        ),
        Some(format!(
            "skriv \"{} (2. samling)\", eller ret \"{path}\"",
            years_of(year)
        )),
    ))
}

/// The samling a session names: 1 for "2018-19 (1. samling)", none for "2018-19".
fn samling(session: &str) -> Option<u8> {
    match session.split_once(' ')?.1 {
        "(1. samling)" => Some(1),
        "(2. samling)" => Some(2),
        _ => None,
    }
}

/// Election day within the session beginning in `year`, if there was an election.
fn election(year: i32) -> Option<NaiveDate> {
    let (_, (y, m, d)) = ELECTIONS.iter().find(|(session, _)| *session == year)?;
    NaiveDate::from_ymd_opt(*y, *m, *d)
}

/// The session a date falls in, written as sessions are ("2018-19"), with its samling where an
/// election divided it ("2018-19 (2. samling)").
fn session_of(date: NaiveDate) -> String {
    use chrono::Datelike;
    let year = date.year() - i32::from(opening(date.year()).is_some_and(|opens| date < opens));
    match election(year) {
        Some(election) if date < election => format!("{} (1. samling)", years_of(year)),
        Some(_) => format!("{} (2. samling)", years_of(year)),
        None => years_of(year),
    }
}

/// The session beginning in `year`, written as sessions are: "2018-19".
fn years_of(year: i32) -> String {
    format!("{year}-{:02}", (year + 1).rem_euclid(100))
}

/// The year a session such as "2018-19" or "2022-23 (2. samling)" begins in.
fn session_start(session: &str) -> Option<i32> {
    session.get(..4)?.parse().ok()
}

/// The first day of the session that begins in `year` and the first day of the next one.
fn span(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((opening(year)?, opening(year + 1)?))
}

/// The first Tuesday of October of `year`, when Folketingsåret begins.
fn opening(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, 10, Weekday::Tue, 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Severity;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// The findings for a question of `session` asked on `asked_on`.
    fn findings(session: &str, asked_on: &str) -> Vec<Problem> {
        findings_for(session, serde_json::json!({"asked_on": asked_on}), None)
    }

    /// The findings for a question of `session` with the fields `dates`, answered on `date`.
    fn findings_for(session: &str, dates: serde_json::Value, date: Option<&str>) -> Vec<Problem> {
        let mut question = serde_json::json!({"number": 1, "session": session, "text": "?",
            "committee": {"name": "Folketingets Retsudvalg", "abbreviation": "REU"}});
        question
            .as_object_mut()
            .unwrap()
            .extend(dates.as_object().unwrap().clone());
        let answer: Answer = serde_json::from_value(serde_json::json!({
            "ministry": {"name": "Justitsministeriet"},
            "date": date,
            "question": question,
            "answer": {"blocks": [{"paragraph": "Svar."}]}
        }))
        .unwrap();
        let mut problems = Vec::new();
        check_session_dates(&answer, &mut problems);
        problems
    }

    #[test]
    fn without_the_day_asked_an_answer_may_not_precede_its_session() {
        let none = serde_json::json!({});
        // Answered after the session ended: a late answer, no slip.
        assert!(findings_for("2018-19", none.clone(), Some("2019-11-01")).is_empty());
        let early = findings_for("2018-19", none, Some("2018-06-12"));
        assert_eq!(early.len(), 1);
        assert_eq!(early[0].severity, Severity::Error);
        assert_eq!(early[0].path.to_string(), "date");
    }

    #[test]
    fn sessions_open_on_the_first_tuesday_of_october() {
        assert_eq!(opening(2019), Some(date("2019-10-01")));
        assert_eq!(opening(2018), Some(date("2018-10-02")));
        assert_eq!(opening(2022), Some(date("2022-10-04")));
        assert_eq!(session_start("2022-23 (2. samling)"), Some(2022));
        assert_eq!(session_of(date("2019-06-01")), "2018-19 (1. samling)");
        assert_eq!(session_of(date("2020-06-01")), "2019-20");
        assert_eq!(session_of(date("2019-10-01")), "2019-20");
        assert_eq!(session_of(date("1999-12-24")), "1999-00");
    }

    #[test]
    fn a_question_asked_outside_its_session_is_an_error_and_near_its_edge_a_warning() {
        assert!(findings("2019-20", "2020-06-01").is_empty());
        assert!(findings("2019-20", "2019-10-01").is_empty());
        assert!(findings("2019-20", "2020-10-05").is_empty());
        let far = findings("2010-11", "2019-06-01");
        assert_eq!(far.len(), 1);
        assert_eq!(far[0].severity, Severity::Error);
        assert_eq!(
            far[0].message,
            "datoen 1. juni 2019 ligger uden for folketingsåret 2010-11 (5. oktober 2010 til \
             3. oktober 2011)"
        );
        // The new session opened on 6 October 2020.
        let near = findings("2019-20", "2020-10-08");
        assert_eq!(near.len(), 1);
        assert_eq!(near[0].severity, Severity::Warning);
        let near = findings("2020-21", "2020-09-28");
        assert_eq!(near[0].severity, Severity::Warning);
    }

    #[test]
    fn a_samling_bounds_its_dates_by_the_election() {
        assert!(findings("2018-19 (1. samling)", "2019-02-01").is_empty());
        assert!(findings("2018-19 (2. samling)", "2019-08-01").is_empty());
        assert!(findings("2010-11 (1. samling)", "2011-04-07").is_empty());
        let before = findings("2018-19 (2. samling)", "2019-02-01");
        assert_eq!(before.len(), 1);
        assert_eq!(before[0].severity, Severity::Error);
        assert_eq!(
            before[0].message,
            "datoen 1. februar 2019 ligger uden for folketingsåret 2018-19 (2. samling), fra \
             folketingsvalget 5. juni 2019 til 30. september 2019"
        );
        assert_eq!(
            before[0].hint.as_deref(),
            Some(
                "datoen hører til folketingsåret 2018-19 (1. samling); ret \"question.session\" \
                 eller \"question.asked_on\""
            )
        );
        let after = findings("2018-19 (1. samling)", "2019-08-01");
        assert_eq!(
            after[0].message,
            "datoen 1. august 2019 ligger uden for folketingsåret 2018-19 (1. samling), fra \
             2. oktober 2018 til folketingsvalget 5. juni 2019"
        );
        // Within days of the election: a warning, as near a session's edge.
        let near = findings("2022-23 (2. samling)", "2022-10-25");
        assert_eq!(near.len(), 1);
        assert_eq!(near[0].severity, Severity::Warning);
    }

    #[test]
    fn a_samling_in_a_year_without_an_election_is_a_slip_where_svar_knows_the_elections() {
        let one = findings("2019-20 (2. samling)", "2019-11-01");
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].severity, Severity::Warning);
        assert_eq!(one[0].path.to_string(), "question.session");
        assert_eq!(
            one[0].message,
            "folketingsåret 2019-20 havde kun én samling, for der var intet folketingsvalg i \
             det, men \"2019-20 (2. samling)\" nævner en"
        );
        assert_eq!(one[0].hint.as_deref(), Some("skriv \"2019-20\""));
        // An election after svar was built is not known to be missing.
        assert!(findings("2025-26 (2. samling)", "2026-01-10").is_empty());
    }

    #[test]
    fn a_question_asked_after_the_election_names_the_second_samling() {
        assert!(findings("2018-19", "2019-05-20").is_empty());
        let unwritten = findings("2018-19", "2019-08-01");
        assert_eq!(unwritten.len(), 1);
        assert_eq!(unwritten[0].severity, Severity::Warning);
        assert_eq!(unwritten[0].path.to_string(), "question.session");
        assert_eq!(
            unwritten[0].message,
            "spørgsmålet blev stillet efter folketingsvalget 5. juni 2019, i folketingsårets \
             2. samling, men \"2018-19\" nævner ikke samlingen"
        );
        assert_eq!(
            unwritten[0].hint.as_deref(),
            Some("skriv \"2018-19 (2. samling)\", eller ret \"question.asked_on\"")
        );
        assert_eq!(session_of(date("2019-08-01")), "2018-19 (2. samling)");
        assert_eq!(session_of(date("2019-06-04")), "2018-19 (1. samling)");
    }
}
