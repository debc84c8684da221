//! `svar schema`: the JSON Schema of the answer format, for editors.

use std::process::ExitCode;

/// The answer format's JSON Schema, with descriptions in Danish, as pretty-printed JSON.
pub fn answer_schema() -> String {
    let schema = schemars::schema_for!(crate::model::Answer);
    let mut text = serde_json::to_string_pretty(&schema).expect("schemas serialise");
    text.push('\n');
    text
}

/// Prints the schema.
pub(super) fn run() -> ExitCode {
    super::out::print(&answer_schema());
    ExitCode::SUCCESS
}
