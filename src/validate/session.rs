//! The session a question belongs to and the dates that place it: a question asked on
//! 1 June 2019 belongs to 2018-19, and a session written "2010-11" for it is a slip that would
//! be printed.
//!
//! Folketingsåret begins on the first Tuesday of October (Grundloven § 36) and runs until the
//! next one begins; an election divides it into "samlinger" but keeps its years. Near that
//! Tuesday a date and a session one year apart may both be as the clerk found them (a question
//! registered on the day the new session opened), so a date there gets a warning only.

use chrono::{NaiveDate, Weekday};

use super::Problem;
use crate::json_path::JsonPath;
use crate::model::Answer;

/// How far outside its session a date may lie before it is an error rather than a warning.
const MARGIN_DAYS: i64 = 14;

/// Checks the session against the day the question was asked (or the samråd held), or, for a
/// question without either, that the answer is not dated before the session began.
pub(super) fn check_session_dates(answer: &Answer, problems: &mut Vec<Problem>) {
    let question = &answer.question;
    let Some(session @ (opens, closes)) = session_start(&question.session).and_then(span) else {
        return; // A malformed session has an error of its own.
    };
    let at = JsonPath::root().key("question");
    let asked = [
        (at.key("asked_on"), question.asked_on),
        (at.key("meeting_on"), question.meeting_on),
    ];
    if let Some((path, date)) = asked.into_iter().find_map(|(p, d)| Some((p, d?))) {
        let outside = if date < opens {
            opens - date
        } else if date >= closes {
            date - closes + chrono::Duration::days(1)
        } else {
            return;
        };
        let hint = format!(
            "datoen hører til folketingsåret {}; ret \"question.session\" eller \"{}\"",
            session_of(date),
            path,
        );
        problems.push(outside_session(
            path,
            date,
            (&question.session, session),
            outside,
            &hint,
        ));
    } else if let Some(date) = answer.date.filter(|date| *date < opens) {
        problems.push(outside_session(
            JsonPath::root().key("date"),
            date,
            (&question.session, session),
            opens - date,
            "et spørgsmål besvares tidligst i det folketingsår, det stilles i; ret \
             \"question.session\" eller \"date\"",
        ));
    }
}

/// The finding for a date `outside` its session by the given time: a warning near the
/// session's edge, an error farther out.
fn outside_session(
    path: JsonPath,
    date: NaiveDate,
    (session, (opens, closes)): (&str, (NaiveDate, NaiveDate)),
    outside: chrono::Duration,
    hint: &str,
) -> Problem {
    let message = format!(
        "datoen {} ligger uden for folketingsåret {session} ({} til {})",
        crate::danish::date(date),
        crate::danish::date(opens),
        crate::danish::date(closes.pred_opt().unwrap_or(closes)),
    );
    if outside.num_days() <= MARGIN_DAYS {
        Problem::warning(
            path,
            message,
            Some(format!("{hint}, hvis folketingsåret er forkert")),
        )
    } else {
        Problem::error(path, message, Some(hint.into()))
    }
}

/// The session a date falls in, written as sessions are ("2018-19").
fn session_of(date: NaiveDate) -> String {
    use chrono::Datelike;
    let year = date.year() - i32::from(opening(date.year()).is_some_and(|opens| date < opens));
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
        assert_eq!(session_of(date("2019-06-01")), "2018-19");
        assert_eq!(session_of(date("2019-10-01")), "2019-20");
        assert_eq!(session_of(date("1999-12-24")), "1999-00");
    }

    #[test]
    fn a_question_asked_outside_its_session_is_an_error_and_near_its_edge_a_warning() {
        assert!(findings("2018-19", "2019-06-01").is_empty());
        assert!(findings("2018-19", "2018-10-02").is_empty());
        assert!(findings("2018-19", "2019-09-30").is_empty());
        let far = findings("2010-11", "2019-06-01");
        assert_eq!(far.len(), 1);
        assert_eq!(far[0].severity, Severity::Error);
        assert_eq!(
            far[0].message,
            "datoen 1. juni 2019 ligger uden for folketingsåret 2010-11 (5. oktober 2010 til \
             3. oktober 2011)"
        );
        // The new session opened on 1 October 2019.
        let near = findings("2018-19", "2019-10-03");
        assert_eq!(near.len(), 1);
        assert_eq!(near[0].severity, Severity::Warning);
        let near = findings("2019-20", "2019-09-28");
        assert_eq!(near[0].severity, Severity::Warning);
    }
}
