//! Findings about an answer file, located by line, column and JSON path, and how they are shown
//! to a clerk (a source excerpt with a caret) or to a program (JSON).

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::term::{self, termcolor};
use serde::Serialize;

use super::excerpt::Excerpt;
use crate::json_path::JsonPath;
use crate::validate::Severity;

/// One thing wrong (or suspicious) in an answer file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// Where in the answer.
    pub path: JsonPath,
    /// What is wrong, in Danish.
    pub message: String,
    /// What to do about it, in Danish; `null` in JSON when there is no advice, so every
    /// finding has the same keys.
    pub hint: Option<String>,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1 (in characters).
    pub column: usize,
    /// The place in a file the answer names (a spreadsheet) where the mistake is written, which
    /// the message begins with; absent from the JSON of a finding about the answer file alone,
    /// whose keys stay those above.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourcePlace>,
    /// The bytes of the file the finding points at.
    #[serde(skip)]
    pub span: Range<usize>,
}

/// A place in a file the answer names, a spreadsheet: the finding itself stands where the
/// answer names the file (a panel's `"csv"`), which an editor or CI annotation cannot jump from
/// to the cell. Messages begin with it as its [`fmt::Display`] writes it ("sager.csv, linje 3,
/// tegn 8"), so the text and the JSON's `"source"` cannot disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourcePlace {
    /// The file as the answer names it, relative to the answer file's folder: the panel's
    /// `"csv"` as written.
    pub file: String,
    /// The file as svar read it and messages name it: the answer file's folder joined to
    /// `file`, so, like the report's `"file"`, a path from where svar was run.
    pub resolved: String,
    /// The line, from 1; `null` for the file as a whole ("regnearket er tomt").
    pub line: Option<usize>,
    /// The character the cell starts at, from 1, counted as the finding's own `column`;
    /// `null` where the message names only a line (a row as a whole).
    pub column: Option<usize>,
    /// The file's text and the bytes of it the finding points at, where the clerk reads the
    /// finding there rather than at the answer: a ministry profile's own mistake is mended in
    /// the profile, which the answer names in one word.
    #[serde(skip)]
    pub shown: Option<Shown>,
}

/// The text of a file beside the answer, and the part of it a finding points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The whole text of the file.
    pub text: std::sync::Arc<str>,
    /// The bytes the finding points at.
    pub span: Range<usize>,
}

impl SourcePlace {
    /// The file `file`, as the answer names it, read as `resolved`, as a whole.
    pub fn file(file: &str, resolved: &str) -> Self {
        Self {
            file: file.to_string(),
            resolved: resolved.to_string(),
            line: None,
            column: None,
            shown: None,
        }
    }

    /// The file `file`, as the answer names it, read as `resolved` with the text `text`, at
    /// the bytes `span` of it: a finding shown there, with its line, rather than at the answer.
    pub fn shown(file: &str, resolved: &str, text: &str, span: Range<usize>) -> Self {
        let lines = LineIndex::new(text);
        let span = lines.whole_characters(span);
        let (line, column) = lines.line_column(span.start);
        Self {
            line: Some(line),
            column: Some(column),
            shown: Some(Shown {
                text: text.into(),
                span,
            }),
            ..Self::file(file, resolved)
        }
    }

    /// The place at `line` of the same file and, for a cell, the character `column` it starts
    /// at.
    pub fn at(&self, line: usize, column: Option<usize>) -> Self {
        Self {
            line: Some(line),
            column,
            ..self.clone()
        }
    }
}

/// "sager.csv, linje 3, tegn 8", "sager.csv, linje 3" or "sager.csv": "tegn" (character), not
/// "kolonne", which in a spreadsheet program is a column of cells, and in svar's own messages a
/// table's column.
impl fmt::Display for SourcePlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.resolved)?;
        if let Some(line) = self.line {
            write!(f, ", linje {line}")?;
            if let Some(column) = self.column {
                write!(f, ", tegn {column}")?;
            }
        }
        Ok(())
    }
}

impl Finding {
    /// A finding about the bytes `span` of the text `lines` indexes, which give its line and
    /// column.
    pub fn located(
        severity: Severity,
        path: JsonPath,
        message: String,
        hint: Option<String>,
        span: Range<usize>,
        lines: &LineIndex<'_>,
    ) -> Self {
        let span = lines.whole_characters(span);
        let (line, column) = lines.line_column(span.start);
        Self {
            severity,
            path,
            message,
            hint,
            line,
            column,
            source: None,
            span,
        }
    }

    /// The file beside the answer the finding is shown in, what of it is shown, and the
    /// line and column there; `None` for a finding shown at the answer.
    fn shown(&self) -> Option<(&SourcePlace, &Shown, usize, usize)> {
        let source = self.source.as_ref()?;
        let shown = source.shown.as_ref()?;
        Some((source, shown, source.line?, source.column?))
    }

    /// An error about the bytes `span` of the text `lines` indexes.
    pub fn error(
        path: JsonPath,
        message: String,
        hint: Option<String>,
        span: Range<usize>,
        lines: &LineIndex<'_>,
    ) -> Self {
        Self::located(Severity::Error, path, message, hint, span, lines)
    }
}

/// Everything found in one answer file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The answer file.
    pub path: PathBuf,
    /// The file's text, for showing excerpts.
    pub text: String,
    /// The findings, in the order of the file.
    pub findings: Vec<Finding>,
}

/// The JSON form of a file's findings, for editors and CI.
#[derive(Serialize)]
struct JsonFileReport<'a> {
    file: String,
    valid: bool,
    findings: &'a [Finding],
}

impl FileReport {
    /// A report of `findings` in the file at `path` whose text is `text`.
    pub fn new(path: &Path, text: &str, mut findings: Vec<Finding>) -> Self {
        findings.sort_by_key(|finding| (finding.span.start, finding.severity == Severity::Warning));
        Self {
            path: path.to_path_buf(),
            text: text.to_string(),
            findings,
        }
    }

    /// The report with a warning about the answer as a whole, about its field at `path`,
    /// shown at the object's opening `{`: for what a command tells beyond the checks of the
    /// content (`svar check` of an undated answer's PDF standards).
    pub fn with_warning(self, path: JsonPath, message: String) -> Self {
        let lines = LineIndex::new(&self.text);
        let start = self.text.find('{').unwrap_or(0);
        let warning = Finding::located(
            Severity::Warning,
            path,
            message,
            None,
            start..start + 1,
            &lines,
        );
        let mut findings = self.findings;
        findings.push(warning);
        Self::new(&self.path, &self.text, findings)
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|finding| finding.severity == Severity::Error)
    }

    /// The number of errors and of warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        (errors, self.findings.len() - errors)
    }

    /// The findings as a clerk reads them: each with the offending line and a caret.
    pub fn to_text(&self, color: bool) -> String {
        let config = term::Config::default();
        let mut text = String::new();
        for finding in &self.findings {
            let mut buffer = if color {
                termcolor::Buffer::ansi()
            } else {
                termcolor::Buffer::no_color()
            };
            let (name, shown_text, span, line, column) = match finding.shown() {
                Some((source, shown, line, column)) => (
                    source.resolved.clone(),
                    &*shown.text,
                    shown.span.clone(),
                    line,
                    column,
                ),
                None => (
                    self.path.display().to_string(),
                    self.text.as_str(),
                    finding.span.clone(),
                    finding.line,
                    finding.column,
                ),
            };
            let file = Excerpt::new(
                crate::escape::for_terminal(&name),
                shown_text,
                span,
                line,
                column,
            );
            let report = codespan_report(finding, &file.span, &self.path);
            term::emit(&mut buffer, &config, &file, &report)
                .expect("writing to a memory buffer cannot fail");
            text.push_str(&in_danish(
                &String::from_utf8_lossy(buffer.as_slice()),
                finding.severity,
            ));
        }
        text
    }

    /// The findings as a JSON value.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(JsonFileReport {
            file: self.path.display().to_string(),
            valid: !self.has_errors(),
            findings: &self.findings,
        })
        .expect("findings serialise to JSON")
    }
}

/// A file that could not be read at all, as `--format json` reports it: like a [`FileReport`],
/// with one error that has no place in the file (line and column are null).
pub fn unreadable_json(file: &Path, message: String, hint: Option<&str>) -> serde_json::Value {
    serde_json::json!({
        "file": file.display().to_string(),
        "valid": false,
        "findings": [{
            "severity": "error",
            "path": "",
            "message": message,
            "hint": hint,
            "line": null,
            "column": null,
        }],
    })
}

/// codespan-reporting names the severity in English; clerks read Danish.
fn in_danish(report: &str, severity: Severity) -> String {
    match severity {
        Severity::Error => report.replacen("error", "fejl", 1),
        Severity::Warning => report.replacen("warning", "advarsel", 1),
    }
}

/// The report of `finding`, shown at `span`; `answer` is the answer file, named beside the
/// path where the finding is shown in another file.
fn codespan_report(finding: &Finding, span: &Range<usize>, answer: &Path) -> Report<()> {
    let report = match finding.severity {
        Severity::Error => Report::error(),
        Severity::Warning => Report::warning(),
    };
    let mut notes = Vec::new();
    let path = match finding.shown() {
        Some(_) => format!(
            "sti i svarfilen: {} ({}, linje {})",
            finding.path,
            answer.display(),
            finding.line
        ),
        None => format!("sti: {}", finding.path),
    };
    if !finding.path.0.is_empty() {
        notes.push(crate::escape::for_terminal(&path));
    }
    if let Some(hint) = &finding.hint {
        notes.push(format!("tip: {}", crate::escape::for_terminal(hint)));
    }
    report
        .with_message(crate::escape::for_terminal(&finding.message))
        .with_labels(vec![Label::primary((), span.clone())])
        .with_notes(notes)
}

/// Turns byte offsets into 1-based lines and character columns, and back.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the lines of `text`.
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(index, _)| index + 1))
            .collect();
        Self { text, starts }
    }

    /// The text from a byte offset on, to tell what stands where a parser stopped.
    pub fn text_from(&self, offset: usize) -> &'a str {
        self.text.get(offset..).unwrap_or_default()
    }

    /// The text before a byte offset, to tell what a parser read last before it stopped.
    pub fn text_before(&self, offset: usize) -> &'a str {
        self.text.get(..offset).unwrap_or_default()
    }

    /// `span` widened to whole characters: a place found in a copy of the text with its slips
    /// mended (see `slips`) may fall inside a character the file writes in several bytes (the
    /// `"` that stands for a “).
    pub fn whole_characters(&self, span: Range<usize>) -> Range<usize> {
        let length = self.text.len();
        let boundary = |at: &usize| self.text.is_char_boundary(*at);
        let start = (0..=span.start.min(length))
            .rev()
            .find(boundary)
            .unwrap_or(0);
        let end = (span.end.clamp(start, length)..=length)
            .find(boundary)
            .unwrap_or(length);
        start..end
    }

    /// The 1-based line and column of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let column = self.text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// The byte offset of a 1-based line and column (columns counted in bytes, as serde_json
    /// does), clamped to the text.
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let offset = (start + column.saturating_sub(1)).min(self.text.len());
        (0..=offset)
            .rev()
            .find(|&i| self.text.is_char_boundary(i))
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_print_like_javascript() {
        let path = JsonPath::root()
            .key("answer")
            .key("blocks")
            .index(3)
            .key("rows")
            .index(2);
        assert_eq!(path.to_string(), "answer.blocks[3].rows[2]");
    }

    #[test]
    fn a_place_in_a_spreadsheet_is_named_as_far_as_it_is_known() {
        let file = SourcePlace::file("./sager.csv", "svar/sager.csv");
        let named: Vec<String> = [file.at(3, Some(8)), file.at(3, None), file.clone()]
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            named,
            [
                "svar/sager.csv, linje 3, tegn 8",
                "svar/sager.csv, linje 3",
                "svar/sager.csv"
            ]
        );
        assert_eq!(
            serde_json::to_value(file.at(3, None)).unwrap(),
            serde_json::json!({
                "file": "./sager.csv", "resolved": "svar/sager.csv", "line": 3, "column": null
            })
        );
    }

    #[test]
    fn a_finding_without_a_source_has_no_such_key() {
        let text = "{}";
        let finding = Finding::error(
            JsonPath::root(),
            "galt".into(),
            None,
            0..1,
            &LineIndex::new(text),
        );
        let json = serde_json::to_value(&finding).unwrap();
        assert!(json.get("source").is_none(), "{json}");
    }

    #[test]
    fn line_index_counts_characters_not_bytes() {
        let index = LineIndex::new("{\n  \"æ\": 1\n}");
        assert_eq!(index.line_column(0), (1, 1));
        assert_eq!(index.line_column(9), (2, 7));
        assert_eq!(index.offset(2, 3), 4);
    }
}
