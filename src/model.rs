//! The answer model: what a clerk writes in an answer file.
//!
//! The JSON format is the contract with clerks and with every answer file already written, so it
//! is strict (unknown fields are rejected, which catches typos) and grows only by optional fields
//! with defaults. Kinds of question and answer statuses that are not rendered yet still have a
//! place here, so files written now keep working when they are.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One answer to a question from Folketinget, as written in an answer file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// Lets editors find the JSON Schema; ignored by svar.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Final, interim or correcting answer.
    #[serde(default)]
    pub status: Status,
    /// The ministry that answers.
    pub ministry: Ministry,
    /// The date the answer is signed; also the PDF's document date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The ministry's case number ("Sagsnr.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_number: Option<String>,
    /// The ministry's document number ("Dok.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_number: Option<String>,
    /// The question being answered.
    pub question: Question,
    /// The answer itself.
    pub answer: Body,
    /// Who signs the answer.
    #[serde(default)]
    pub signature: Signature,
}

/// Whether this is the final answer or one of the other statuses ministries send.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// "Endeligt svar".
    #[default]
    Final,
    /// "Foreløbigt svar": the ministry cannot answer within the deadline.
    Interim,
    /// "Berigtigelse" of an earlier answer.
    Correction,
}

/// The ministry that answers the question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ministry {
    /// The ministry's name, e.g. "Justitsministeriet".
    pub name: String,
    /// The minister's title in lower case as used in running text, e.g. "justitsministeren".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minister_title: Option<String>,
    /// The office that prepared the answer ("Kontor").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
}

/// The question as the committee or member put it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Which kind of question this is; decides how it is named.
    #[serde(default)]
    pub kind: QuestionKind,
    /// The question's number within its series, e.g. 287.
    pub number: u32,
    /// The series the number belongs to, e.g. "Alm. del" or a bill such as "L 58".
    pub series: String,
    /// The committee that asked.
    pub committee: Committee,
    /// The parliamentary session, e.g. "2018-19" or "2022-23 (2. samling)".
    pub session: String,
    /// The date the question was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked_on: Option<NaiveDate>,
    /// The member on whose request the question was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked_by: Option<Member>,
    /// The date by which the committee wants the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    /// The question's text, verbatim, without quotation marks.
    pub text: String,
}

/// The kinds of question Folketinget asks ministers in writing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// A committee question, on general business ("Alm. del") or on a bill.
    #[default]
    Committee,
}

/// A standing committee of Folketinget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Committee {
    /// The full name, e.g. "Folketingets Beskæftigelsesudvalg".
    pub name: String,
    /// The abbreviation, e.g. "BEU".
    pub abbreviation: String,
}

/// A member of Folketinget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// The member's name.
    pub name: String,
    /// The party's letters, e.g. "EL".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
}

/// The answer's content: blocks in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// The blocks of the answer, in order.
    pub blocks: Vec<Block>,
}

/// One block of an answer or of an agency's statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    /// A paragraph of running text.
    Paragraph(String),
    /// A bulleted list; each item is one line of text.
    List(Vec<String>),
    /// A statement obtained from an agency and quoted whole.
    Statement(Statement),
    /// A numbered table with caption, panels and notes.
    Table(Table),
}

/// A statement from an agency, quoted in ”…” as an indented block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The agency, e.g. "Rigsadvokaten".
    pub source: String,
    /// The sentence that introduces the quotation; by default "<source> har oplyst følgende:".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduction: Option<String>,
    /// The statement's own blocks.
    pub blocks: Vec<Block>,
}

/// A statistical table: one or more panels under one number and caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The table's number, e.g. 1 for "Tabel 1".
    pub number: u32,
    /// The caption after "Tabel N: ".
    pub caption: String,
    /// The panels ("A. Antal forhold", "B. Antal personer"); a table without panels has one
    /// panel without label and title.
    pub panels: Vec<Panel>,
    /// The heading of the notes, e.g. "Bemærkninger", "Anm." or "Kilde".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes_heading: Option<String>,
    /// Notes printed below the table in a smaller size.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One panel of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Panel {
    /// The panel's letter, e.g. "A".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The panel's title, e.g. "Antal forhold".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The header of the row-label column, e.g. "Afgørelsestype"; only for panels whose rows
    /// have labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_header: Option<String>,
    /// The headers of the figure columns, e.g. the years.
    pub columns: Vec<String>,
    /// The rows of figures.
    pub rows: Vec<Row>,
    /// The total row, printed under a rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Row>,
}

/// One row of a panel: an optional label and one cell per column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// The row's label, e.g. "Frifundet" or "Total".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The cells, one per column.
    pub cells: Vec<Cell>,
}

/// A table cell: a number (formatted the Danish way when printed) or text such as "-" or "..".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    /// A figure, e.g. 3478 or 12.4.
    Number(serde_json::Number),
    /// Text printed as written.
    Text(String),
}

/// Who signs the answer. Left empty, no names are printed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The minister's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minister: Option<String>,
    /// The official who prepared the answer, printed after the minister ("minister / official").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official: Option<String>,
}
