//! Stage one: reading an answer file into the model, with errors that say where.

use std::path::{Path, PathBuf};

use crate::model::Answer;

/// Why an answer file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("{}: filen kan ikke læses: {source}", path.display())]
    Read {
        /// The answer file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is not valid JSON, or does not fit the answer format.
    #[error("{}:{line}:{column}: {}{message}\n  tip: {hint}", path.display(), json_path_prefix(json_path))]
    Invalid {
        /// The answer file.
        path: PathBuf,
        /// The line of the mistake, from 1.
        line: usize,
        /// The column of the mistake, from 1.
        column: usize,
        /// Where in the answer the mistake is, e.g. `answer.blocks[3].table.rows[2]`.
        json_path: String,
        /// What is wrong.
        message: String,
        /// What to do about it.
        hint: String,
    },
}

fn json_path_prefix(json_path: &str) -> String {
    if json_path.is_empty() || json_path == "." {
        String::new()
    } else {
        format!("{json_path}: ")
    }
}

/// Reads and parses the answer file at `path`.
pub fn load(path: &Path) -> Result<Answer, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text, path)
}

/// Parses an answer from `text`; `path` only names the file in errors.
pub fn parse(text: &str, path: &Path) -> Result<Answer, LoadError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let answer = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let json_path = error.path().to_string();
        invalid(path, json_path, &error.into_inner())
    })?;
    deserializer
        .end()
        .map_err(|error| invalid(path, String::new(), &error))?;
    Ok(answer)
}

fn invalid(path: &Path, json_path: String, error: &serde_json::Error) -> LoadError {
    LoadError::Invalid {
        path: path.to_path_buf(),
        line: error.line(),
        column: error.column(),
        json_path,
        hint: hint(error),
        message: message(error),
    }
}

/// serde's message without the location it appends, which the report already shows.
fn message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(index) => text[..index].to_string(),
        None => text,
    }
}

fn hint(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match error.classify() {
        Category::Syntax => {
            "ret JSON-syntaksen på det sted (komma, kolon, anførselstegn eller klammer)".into()
        }
        Category::Eof => {
            "filen slutter for tidligt; luk alle { og [ og afslut teksten med \"".into()
        }
        Category::Data => "ret feltet, så det passer til svarformatet (se `svar schema`)".into(),
        Category::Io => "kontrollér, at filen kan læses".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelled_field_is_reported_with_its_path() {
        let error = parse(r#"{"ministry": {"nme": "X"}}"#, Path::new("a.json")).unwrap_err();
        let text = error.to_string();
        assert!(
            text.starts_with("a.json:1:19: ministry.nme: unknown field `nme`"),
            "{text}"
        );
    }

    #[test]
    fn trailing_content_is_an_error() {
        assert!(parse("{} x", Path::new("a.json")).is_err());
    }
}
