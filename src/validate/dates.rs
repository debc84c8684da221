//! The answer's dates: each plausible, each in an order that can happen, and each belonging to
//! the answer's status. A date is printed as written, so a slip in one would reach the PDF;
//! apart from the other checks, so that `validate/mod.rs` only orchestrates.

use chrono::NaiveDate;

use super::Problem;
use crate::json_path::JsonPath;
use crate::model::{Answer, Expected, Status};

/// The dates that belong to a status: an interim answer says when the final one comes, a
/// correction which answer it corrects, a final answer after an interim one when that came.
pub(super) fn check_status(answer: &Answer, problems: &mut Vec<Problem>) {
    check_expected_period(answer, problems);
    check_status_has_its_date(answer, problems);
    check_dates_fit_status(answer, problems);
}

/// A final answer expected on a "period" that is written as a date but is none ("2022-13-01"):
/// a date that does not exist would otherwise be printed as a period, as written.
fn check_expected_period(answer: &Answer, problems: &mut Vec<Problem>) {
    if let Some(Expected::Period(period)) = &answer.final_answer_expected
        && looks_like_date(period)
    {
        problems.push(Problem::error(
            JsonPath::root().key("final_answer_expected"),
            format!("\"{period}\" er ikke en gyldig dato"),
            Some(
                "skriv en dato, der findes (ÅÅÅÅ-MM-DD), eller en periode som \"medio marts 2022\""
                    .into(),
            ),
        ));
    }
}

/// An interim answer should say when the final one comes, and a correction which answer it
/// corrects: a warning for either that does not.
fn check_status_has_its_date(answer: &Answer, problems: &mut Vec<Problem>) {
    let status = JsonPath::root().key("status");
    match answer.status {
        Status::Interim if answer.final_answer_expected.is_none() => {
            problems.push(Problem::warning(
                status,
                "et foreløbigt svar bør sige, hvornår det endelige svar kommer",
                Some("angiv \"final_answer_expected\": \"ÅÅÅÅ-MM-DD\"".into()),
            ))
        }
        Status::Correction if answer.corrects_answer_of.is_none() => {
            problems.push(Problem::warning(
                status,
                "en berigtigelse bør sige, hvilket svar den berigtiger",
                Some("angiv \"corrects_answer_of\": datoen for det tidligere svar".into()),
            ))
        }
        _ => {}
    }
}

/// A date field given on an answer of another status than the one it belongs to is an error,
/// since the field and the status contradict each other.
fn check_dates_fit_status(answer: &Answer, problems: &mut Vec<Problem>) {
    // Each field, whether the answer has it, the status it belongs to, and that status as
    // named in Danish and in the file.
    let owned = [
        (
            "final_answer_expected",
            answer.final_answer_expected.is_some(),
            Status::Interim,
            "et foreløbigt svar",
            "interim",
        ),
        (
            "corrects_answer_of",
            answer.corrects_answer_of.is_some(),
            Status::Correction,
            "en berigtigelse",
            "correction",
        ),
        (
            "follows_interim_answer_of",
            answer.follows_interim_answer_of.is_some(),
            Status::Final,
            "et endeligt svar",
            "final",
        ),
    ];
    for (field, given, status, named, written) in owned {
        if given && answer.status != status {
            problems.push(Problem::error(
                JsonPath::root().key(field),
                format!("\"{field}\" hører kun til {named}"),
                Some(format!("sæt \"status\": \"{written}\", eller fjern feltet")),
            ));
        }
    }
}

/// Digits and dashes only, as in "2022-13-01": meant as a date.
fn looks_like_date(text: &str) -> bool {
    let text = text.trim();
    text.contains('-') && text.chars().all(|c| c.is_ascii_digit() || c == '-')
}

/// Years an answer's dates can sensibly have; Typst cannot print dates far outside them.
const YEARS: std::ops::RangeInclusive<i32> = 1849..=2199;

/// Checks the answer's dates: each within [`YEARS`], and in an order that can happen (the answer
/// and the deadline not before the question was asked, a corrected or interim answer between
/// the question and this one): an impossible year or order is almost always a typo, which would
/// otherwise print as written.
pub(super) fn check_dates(answer: &Answer, problems: &mut Vec<Problem>) {
    check_plausible_years(answer, problems);
    check_not_before_question(answer, problems);
    check_not_long_after_question(answer, problems);
    check_not_after_meeting(answer, problems);
    check_within_deadline(answer, problems);
    check_expected_date(answer, problems);
    check_answered_after_question(
        answer,
        "corrects_answer_of",
        answer.corrects_answer_of,
        "det berigtigede svar",
        problems,
    );
    check_correction_after_answer(answer, problems);
    check_answered_after_question(
        answer,
        "follows_interim_answer_of",
        answer.follows_interim_answer_of,
        "det foreløbige svar",
        problems,
    );
    check_interim_before_final(answer, problems);
}

/// A letter and a cover letter say when the question was asked ("… har den 8. september 2017
/// stillet …"), as every published one does; without `asked_on` the sentence leaves the date
/// out, and nothing else would tell the clerk. Checked with the letterhead, whose profile may
/// give the layout.
pub(super) fn check_asked_on_given(answer: &Answer, problems: &mut Vec<Problem>) {
    use crate::model::Layout;
    let letter = match answer.effective_layout() {
        Layout::Letter => "brevets indledning",
        Layout::CoverLetter => "følgebrevet",
        Layout::Answer => return,
    };
    if answer.question.asked_on.is_none() {
        problems.push(Problem::warning(
            JsonPath::root().key("question").key("asked_on"),
            format!("spørgsmålets dato mangler, så {letter} siger ikke, hvornår det blev stillet"),
            Some(format!(
                "tilføj \"asked_on\": \"ÅÅÅÅ-MM-DD\" under \"question\", {}",
                match answer.question.kind {
                    crate::model::QuestionKind::Section20 => "den dag spørgsmålet blev stillet",
                    _ => "datoen i udvalgets brev",
                }
            )),
        ));
    }
}

/// Every date of the answer within [`YEARS`]: a year outside them is a typo, and Typst could
/// not print it.
fn check_plausible_years(answer: &Answer, problems: &mut Vec<Problem>) {
    let question = JsonPath::root().key("question");
    let dates = [
        (JsonPath::root().key("date"), answer.date),
        (
            JsonPath::root().key("final_answer_expected"),
            match answer.final_answer_expected {
                Some(Expected::Date(date)) => Some(date),
                _ => None,
            },
        ),
        (
            JsonPath::root().key("corrects_answer_of"),
            answer.corrects_answer_of,
        ),
        (
            JsonPath::root().key("follows_interim_answer_of"),
            answer.follows_interim_answer_of,
        ),
        (question.key("asked_on"), answer.question.asked_on),
        (question.key("deadline"), answer.question.deadline),
        (question.key("meeting_on"), answer.question.meeting_on),
    ];
    for (path, date) in dates {
        if let Some(date) = date.filter(|date| !YEARS.contains(&chrono::Datelike::year(date))) {
            problems.push(Problem::error(
                path,
                format!(
                    "årstallet {} er ikke sandsynligt",
                    chrono::Datelike::year(&date)
                ),
                Some(format!(
                    "skriv en dato mellem {} og {}",
                    YEARS.start(),
                    YEARS.end()
                )),
            ));
        }
    }
}

/// The answer and the question's deadline come after the question was asked; either before it
/// is a slip in one of the two dates.
fn check_not_before_question(answer: &Answer, problems: &mut Vec<Problem>) {
    let question = JsonPath::root().key("question");
    let asked = answer.question.asked_on;
    let before = |later: Option<NaiveDate>| matches!((asked, later), (Some(a), Some(l)) if l < a);
    if before(answer.date) {
        problems.push(Problem::error(
            JsonPath::root().key("date"),
            "svaret er dateret før spørgsmålet blev stillet",
            Some("ret \"date\" eller \"question.asked_on\"".into()),
        ));
    }
    if before(answer.question.deadline) {
        problems.push(Problem::error(
            question.key("deadline"),
            "fristen ligger før spørgsmålet blev stillet",
            Some("ret \"question.deadline\" eller \"question.asked_on\"".into()),
        ));
    }
}

/// How long after its session ended a question is still answered without a remark: a question
/// asked in the session's last weeks is answered in the first weeks of the next.
const AFTER_SESSION: chrono::Months = chrono::Months::new(1);

/// How long after the question an answer is plausible at all: a question is answered within
/// weeks, and it lapses with its session.
const AFTER_ASKED: chrono::Months = chrono::Months::new(12);

/// An answer dated long after its question's session ended, or more than a year after the
/// question was asked, is almost always a slip in the year ("2014" for "2004"), which would be
/// printed in the letterhead and become the PDF's date. A warning, not an error: a late answer
/// may be real. A correction may come long after the answer it corrects, and an answer due by
/// a later deadline is not late; the session's end is said where svar knows it, since it comes
/// first, so the answer gets one warning.
fn check_not_long_after_question(answer: &Answer, problems: &mut Vec<Problem>) {
    let Some(date) = answer.date else {
        return;
    };
    let question = &answer.question;
    if answer.status == Status::Correction || question.deadline.is_some_and(|d| date <= d) {
        return;
    }
    let what = answered_what(answer);
    let path = JsonPath::root().key("date");
    let written = crate::danish::date(date);
    // A question asked after its session closed has the session's error already: the session
    // written is then the suspect, not the answer's date.
    let session_closed = super::session::closes(&question.session)
        .filter(|&closes| question.asked_on.is_none_or(|asked| asked < closes))
        .filter(|&closes| {
            closes
                .checked_add_months(AFTER_SESSION)
                .is_some_and(|d| date >= d)
        });
    if session_closed.is_some() {
        problems.push(Problem::warning(
            path,
            format!(
                "{what} er dateret {written}, mere end en måned efter at folketingsåret {} sluttede",
                question.session,
            ),
            Some("ret årstallet i \"date\", hvis det er skrevet forkert, eller \"question.session\"".into()),
        ));
    } else if let Some(asked) = question.asked_on
        && asked
            .checked_add_months(AFTER_ASKED)
            .is_some_and(|d| date > d)
    {
        problems.push(Problem::warning(
            path,
            format!(
                "{what} er dateret {written}, mere end et år efter at spørgsmålet blev stillet ({})",
                crate::danish::date(asked),
            ),
            Some("ret årstallet i \"date\" eller \"question.asked_on\", hvis det er skrevet forkert".into()),
        ));
    }
}

/// A speaking note is for the samråd it names ("Talepapir til brug for … den 1. december
/// 2006"), so it is written before it or on the day: a date after it is a slip in one of the
/// two, which the note would print.
fn check_not_after_meeting(answer: &Answer, problems: &mut Vec<Problem>) {
    let (Some(date), Some(meeting)) = (answer.date, answer.question.meeting_on) else {
        return;
    };
    if date > meeting {
        problems.push(Problem::warning(
            JsonPath::root().key("date"),
            format!(
                "{} er dateret {}, efter samrådet {}",
                answered_what(answer),
                crate::danish::date(date),
                crate::danish::date(meeting),
            ),
            Some("et talepapir dateres senest på samrådets dag; ret \"date\" eller \"question.meeting_on\"".into()),
        ));
    }
}

/// What the answer's date dates, as a message names it: a speaking note for a samråd, else an
/// answer.
fn answered_what(answer: &Answer) -> &'static str {
    match answer.question.kind {
        crate::model::QuestionKind::Consultation => "talepapiret",
        _ => "svaret",
    }
}

/// An answer dated after the question's deadline is late, or one of the two dates is a slip:
/// the committee expects an interim answer by the deadline, saying when the final one comes.
/// A final answer after an interim one, and a correction, come after the deadline by nature.
fn check_within_deadline(answer: &Answer, problems: &mut Vec<Problem>) {
    let (Some(date), Some(deadline)) = (answer.date, answer.question.deadline) else {
        return;
    };
    let late_by_nature = answer.status == Status::Correction || answer.is_final_after_interim();
    if date <= deadline || late_by_nature {
        return;
    }
    let hint = match answer.status {
        Status::Interim => {
            "ret \"date\" eller \"question.deadline\", hvis en af dem er skrevet forkert"
        }
        _ => {
            "er fristen forlænget, så skriv den nye frist i \"question.deadline\"; ellers send et foreløbigt svar (\"status\": \"interim\") inden fristen"
        }
    };
    problems.push(Problem::warning(
        JsonPath::root().key("date"),
        format!(
            "svaret er dateret {}, efter fristen {}",
            crate::danish::date(date),
            crate::danish::date(deadline),
        ),
        Some(hint.into()),
    ));
}

/// A correction comes after the answer it corrects; a corrected answer dated later is a slip
/// in one of the two dates.
fn check_correction_after_answer(answer: &Answer, problems: &mut Vec<Problem>) {
    let corrects = JsonPath::root().key("corrects_answer_of");
    if let (Some(corrected), Some(date)) = (answer.corrects_answer_of, answer.date)
        && corrected > date
    {
        problems.push(Problem::error(
            corrects,
            "det berigtigede svar er dateret efter berigtigelsen",
            Some(
                "\"corrects_answer_of\" er datoen for det tidligere svar; ret den eller \"date\""
                    .into(),
            ),
        ));
    }
}

/// An earlier answer that this one names (`field`: the answer a correction corrects, the
/// interim answer before a final one) answered the question, so it came after it was asked.
fn check_answered_after_question(
    answer: &Answer,
    field: &str,
    earlier: Option<NaiveDate>,
    what: &str,
    problems: &mut Vec<Problem>,
) {
    if let (Some(asked), Some(earlier)) = (answer.question.asked_on, earlier)
        && earlier < asked
    {
        problems.push(Problem::error(
            JsonPath::root().key(field),
            format!("{what} er dateret før spørgsmålet blev stillet"),
            Some(format!("ret \"{field}\" eller \"question.asked_on\"")),
        ));
    }
}

/// A final answer follows its interim answer: an interim answer dated on the final answer's
/// day or later is a slip (often the final answer's date copied), and would have the final
/// answer called final before there was anything to follow.
fn check_interim_before_final(answer: &Answer, problems: &mut Vec<Problem>) {
    let (Some(interim), Some(date)) = (answer.follows_interim_answer_of, answer.date) else {
        return;
    };
    if interim >= date {
        problems.push(Problem::error(
            JsonPath::root().key("follows_interim_answer_of"),
            format!(
                "det foreløbige svar ({}) skal være dateret før det endelige svar ({})",
                crate::danish::date(interim),
                crate::danish::date(date),
            ),
            Some(
                "\"follows_interim_answer_of\" er datoen for det foreløbige svar; ret den eller \"date\""
                    .into(),
            ),
        ));
    }
}

/// An interim answer promises the final one later than itself and than the question; an
/// earlier date is a slip, which would print a promise already broken.
fn check_expected_date(answer: &Answer, problems: &mut Vec<Problem>) {
    let Some(Expected::Date(expected)) = answer.final_answer_expected else {
        return;
    };
    let earlier = [
        (answer.date, "det foreløbige svar", "date"),
        (answer.question.asked_on, "spørgsmålet", "question.asked_on"),
    ];
    if let Some((date, what, field)) = earlier
        .into_iter()
        .find_map(|(date, what, field)| Some((date.filter(|&date| expected < date)?, what, field)))
    {
        problems.push(Problem::error(
            JsonPath::root().key("final_answer_expected"),
            format!(
                "det endelige svar forventes {}, før {what} ({})",
                crate::danish::date(expected),
                crate::danish::date(date),
            ),
            Some(format!(
                "skriv den dato, det endelige svar ventes, eller ret \"{field}\""
            )),
        ));
    }
}
