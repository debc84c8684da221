//! Two answer files of one run that answer the same question: two versions of one answer in
//! the folder to be sent, a classic deadline-day mistake that each file alone cannot show.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The questions the answer files of a run answer, to warn of a question answered twice.
#[derive(Default)]
pub(super) struct Questions {
    /// The first file found answering each question, by question.
    first: HashMap<Question, PathBuf>,
    /// The warnings, in the order the second files were found.
    warnings: Vec<String>,
}

/// What identifies the answer to a question: its kind, committee, number (or a consultation
/// question's letters), series and session, and the answer's status, since an interim answer,
/// the final answer and a correction of it are each an answer of their own.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Question {
    kind: String,
    committee: String,
    number: String,
    series: String,
    session: String,
    status: String,
}

impl Questions {
    /// Notes the question the answer `text` of `file` answers; read as far as JSON goes, so
    /// that a file with other mistakes is compared too. A file whose question cannot be told
    /// is passed over.
    pub(super) fn note(&mut self, file: &Path, text: &str) {
        let Some(question) = serde_json::from_str::<Value>(text)
            .ok()
            .as_ref()
            .and_then(Question::of)
        else {
            return;
        };
        match self.first.get(&question) {
            Some(first) => self.warnings.push(format!(
                "advarsel: {} og {} besvarer begge {}; send kun den ene, og flyt en gammel \
                 udgave væk eller slet den",
                first.display(),
                file.display(),
                question.name()
            )),
            None => {
                self.first.insert(question, file.to_path_buf());
            }
        }
    }

    /// Prints the warnings of the questions answered twice, on standard error.
    pub(super) fn warn(&self) {
        for warning in &self.warnings {
            eprintln!("{warning}");
        }
    }
}

impl Question {
    /// The question an answer file's JSON answers, if it says which.
    fn of(answer: &Value) -> Option<Self> {
        let question = answer.get("question")?;
        let number = match question.get("number") {
            Some(Value::Number(number)) => number.to_string(),
            _ => text(question.get("letters"))?.to_uppercase(),
        };
        let kind = text(question.get("kind")).unwrap_or("committee");
        let series = text(question.get("series")).unwrap_or(if kind == "committee" {
            "Alm. del"
        } else {
            ""
        });
        let committee = question
            .get("committee")
            .and_then(|c| c.get("abbreviation"));
        Some(Self {
            kind: kind.to_string(),
            committee: text(committee).unwrap_or_default().to_uppercase(),
            number,
            series: series.to_string(),
            session: text(question.get("session"))?.to_string(),
            status: text(answer.get("status")).unwrap_or("final").to_string(),
        })
    }

    /// The question as a clerk names it: "REU spm. nr. 100 (Alm. del), 2024-25", "S 960,
    /// 2024-25", "REU samrådsspørgsmål AÆ, 2024-25".
    fn name(&self) -> String {
        let Self {
            committee,
            number,
            series,
            session,
            ..
        } = self;
        match self.kind.as_str() {
            "section_20" => format!("§ 20-spørgsmål S {number}, {session}"),
            "consultation" => format!("{committee} samrådsspørgsmål {number}, {session}"),
            _ => format!("{committee} spm. nr. {number} ({series}), {session}"),
        }
    }
}

/// The text `value` holds, trimmed, if it is one.
fn text(value: Option<&Value>) -> Option<&str> {
    value.and_then(Value::as_str).map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(number: u32, status: &str) -> String {
        format!(
            r#"{{"status": "{status}", "question": {{"number": {number}, "session": "2024-25",
                "committee": {{"name": "Folketingets Retsudvalg", "abbreviation": "REU"}}}}}}"#
        )
    }

    #[test]
    fn a_question_answered_in_two_files_is_warned_of_naming_both() {
        let mut questions = Questions::default();
        questions.note(Path::new("a.json"), &answer(100, "final"));
        questions.note(Path::new("b.json"), &answer(101, "final"));
        questions.note(Path::new("c.json"), &answer(100, "interim"));
        questions.note(Path::new("d.json"), "{");
        questions.note(Path::new("a-v2.json"), &answer(100, "final"));
        assert_eq!(
            questions.warnings,
            [
                "advarsel: a.json og a-v2.json besvarer begge REU spm. nr. 100 (Alm. del), \
              2024-25; send kun den ene, og flyt en gammel udgave væk eller slet den"
            ]
        );
    }
}
