//! Turning serde's English parse errors into findings a Danish clerk can act on.

use serde_json::error::Category;

use super::diagnostic::{Finding, JsonPath, LineIndex, Segment, Severity};
use super::locate::Locator;

/// The finding for a JSON syntax or type error at `path`.
pub fn finding(
    error: &serde_json::Error,
    path: JsonPath,
    locator: &Locator<'_>,
    lines: &LineIndex<'_>,
) -> Finding {
    let raw = raw_message(error);
    let (message, hint) = translate(&raw, error.classify());
    let at_error = lines.offset(error.line(), error.column());
    let span = match error.classify() {
        Category::Data
            if raw.starts_with("unknown variant") && locator.first_key(&path).is_some() =>
        {
            locator.first_key(&path).unwrap_or_default()
        }
        Category::Data => match locator.span(&path, raw.starts_with("unknown field")) {
            Some(span) if raw.starts_with("missing field") => span.start..span.start + 1,
            Some(span) => span,
            None => at_error..at_error,
        },
        _ => at_error..at_error,
    };
    let (line, column) = lines.line_column(span.start);
    Finding {
        severity: Severity::Error,
        path,
        message,
        hint,
        line,
        column,
        span,
    }
}

/// Converts serde_path_to_error's path into ours; enum variants are keys in the JSON.
pub fn json_path(path: &serde_path_to_error::Path) -> JsonPath {
    use serde_path_to_error::Segment as S;
    JsonPath(
        path.iter()
            .filter_map(|segment| match segment {
                S::Seq { index } => Some(Segment::Index(*index)),
                S::Map { key } => Some(Segment::Key(key.clone())),
                S::Enum { variant } => Some(Segment::Key(variant.clone())),
                S::Unknown => None,
            })
            .collect(),
    )
}

/// serde's message without the location it appends, which the finding shows anyway.
fn raw_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(index) => text[..index].to_string(),
        None => text,
    }
}

/// The names between backticks in a serde message, e.g. the field and the expected ones.
fn quoted_names(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

/// The closest of `candidates` to `word`, if close enough to be a likely typo.
fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), *candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Danish message and hint for a serde_json message.
fn translate(raw: &str, category: Category) -> (String, Option<String>) {
    let names = quoted_names(raw);
    match category {
        Category::Data => translate_data(raw, &names),
        Category::Syntax => (format!("JSON-syntaksfejl: {}", syntax(raw)), Some(
            "ret JSON-syntaksen her: komma mellem elementer, kolon efter feltnavne, \"…\" om tekster".into(),
        )),
        Category::Eof => (format!("filen slutter for tidligt: {}", syntax(raw)), Some(
            "luk alle { og [ og afslut alle tekster med \"".into(),
        )),
        Category::Io => (raw.to_string(), None),
    }
}

fn translate_data(raw: &str, names: &[&str]) -> (String, Option<String>) {
    if raw.starts_with("unknown field") || raw.starts_with("unknown variant") {
        let (word, allowed) = names.split_first().map_or(("", &[][..]), |(w, a)| (*w, a));
        let what = if raw.starts_with("unknown field") {
            "ukendt felt"
        } else {
            "ukendt værdi"
        };
        let hint = match did_you_mean(word, allowed) {
            Some(guess) => format!("mente du `{guess}`?"),
            None if allowed.is_empty() => "fjern feltet".to_string(),
            None => format!("tilladt her: {}", list(allowed)),
        };
        (format!("{what} `{word}`"), Some(hint))
    } else if raw.starts_with("missing field") {
        let field = names.first().copied().unwrap_or_default();
        (
            format!("feltet `{field}` mangler"),
            Some(format!("tilføj \"{field}\" her")),
        )
    } else if let Some(rest) = raw.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        (
            format!(
                "forkert type: fandt {}, men her skal stå {}",
                kind(found),
                expected_kind(expected)
            ),
            None,
        )
    } else if let Some(rest) = raw.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        (
            format!(
                "ugyldig værdi {}: her skal stå {}",
                kind(found),
                expected_kind(expected)
            ),
            None,
        )
    } else if raw.starts_with("data did not match any variant of untagged enum Cell") {
        (
            "en celle skal være et tal eller en tekst".into(),
            Some("skriv fx 3478, 12.4 eller \"-\"".into()),
        )
    } else if is_date_error(raw) {
        (
            "ugyldig dato".into(),
            Some("skriv datoen som ÅÅÅÅ-MM-DD, fx \"2019-06-12\"".into()),
        )
    } else {
        (raw.to_string(), None)
    }
}

fn is_date_error(raw: &str) -> bool {
    [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "input is not enough for unique date",
        "trailing input",
        "no possible date and time matching input",
        "bad or unsupported format string",
    ]
    .iter()
    .any(|message| raw.starts_with(message))
}

/// serde's description of what it found, in Danish.
fn kind(found: &str) -> String {
    let (kind, value) = found.split_once(' ').unwrap_or((found, ""));
    let kind = match kind {
        "string" => "teksten",
        "integer" => "tallet",
        "floating" => "tallet",
        "map" => "et objekt",
        "sequence" => "en liste",
        "boolean" => "sandhedsværdien",
        "null" => "null",
        "unit" => "null",
        other => other,
    };
    let value = value.trim_start_matches("point ").trim();
    if value.is_empty() {
        kind.to_string()
    } else {
        format!("{kind} {value}")
    }
}

/// serde's description of what it expected, in Danish.
fn expected_kind(expected: &str) -> String {
    match expected {
        "u32" | "u64" | "usize" => "et helt tal (0 eller større)".into(),
        "a string" => "en tekst i \"…\"".into(),
        "a sequence" => "en liste [ … ]".into(),
        "a boolean" => "true eller false".into(),
        e if e.starts_with("struct ") || e == "a map" => "et objekt { … }".into(),
        e if e.starts_with("enum ") => "en blok som {\"paragraph\": \"…\"}".into(),
        e if e.contains("YYYY-MM-DD") || e.contains("date") => "en dato som \"2019-06-12\"".into(),
        other => other.to_string(),
    }
}

/// serde_json's syntax messages, in Danish where common.
fn syntax(raw: &str) -> String {
    match raw {
        "expected `,` or `}`" => "forventede `,` eller `}`".into(),
        "expected `,` or `]`" => "forventede `,` eller `]`".into(),
        "expected `:`" => "forventede `:` efter feltnavnet".into(),
        "expected value" => "forventede en værdi".into(),
        "expected ident" => "ukendt ord (skriv true, false, null eller tekst i \"…\")".into(),
        "trailing comma" => "overflødigt komma før afslutningen".into(),
        "trailing characters" => "tegn efter svarets afslutning".into(),
        "key must be a string" => "feltnavne skal stå i \"…\"".into(),
        "EOF while parsing an object" => "et objekt { er ikke lukket".into(),
        "EOF while parsing a list" => "en liste [ er ikke lukket".into(),
        "EOF while parsing a string" => "en tekst er ikke afsluttet med \"".into(),
        "EOF while parsing a value" => "der mangler en værdi".into(),
        r if r.starts_with("control character") => {
            "kontroltegn i en tekst (skriv linjeskift som \\n)".into()
        }
        r if r.starts_with("invalid escape") => "ugyldig \\-sekvens i en tekst".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_field() {
        let (message, hint) = translate(
            "unknown field `kaption`, expected one of `number`, `caption`, `panels`",
            Category::Data,
        );
        assert_eq!(message, "ukendt felt `kaption`");
        assert_eq!(hint.as_deref(), Some("mente du `caption`?"));
    }

    #[test]
    fn lists_the_allowed_fields_when_nothing_is_close() {
        let (_, hint) = translate(
            "unknown field `zzz`, expected `name` or `party`",
            Category::Data,
        );
        assert_eq!(hint.as_deref(), Some("tilladt her: `name`, `party`"));
    }

    #[test]
    fn explains_type_errors() {
        let (message, _) = translate("invalid type: string \"x\", expected u32", Category::Data);
        assert_eq!(
            message,
            "forkert type: fandt teksten \"x\", men her skal stå et helt tal (0 eller større)"
        );
    }
}
