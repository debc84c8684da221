//! Objects written as lists. serde reads a struct from a JSON list too, field by field in the
//! order the fields are declared; the format and its schema have objects only, so a list such
//! as `"signature": ["Ole Hasselgaard", "Lars Barfoed"]` would fill the fields by a hidden
//! order, swapped names and all, without a word.

use std::sync::OnceLock;

use jsonc_parser::ast::Value as Written;
use serde_json::Value;

use super::diagnostic::JsonPath;
use super::locate::{Locator, name};

/// The first place, in document order, where the answer file the locator has parsed has a
/// list where the schema has an object.
pub fn list_for_object(locator: &Locator<'_>) -> Option<JsonPath> {
    find(locator.root()?, schema(), &JsonPath::root())
}

/// The answer file's JSON schema, as `svar schema` prints it.
fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| schemars::schema_for!(crate::model::Answer).to_value())
}

fn find(value: &Written<'_>, node: &Value, path: &JsonPath) -> Option<JsonPath> {
    let node = resolve(node);
    match value {
        Written::Array(array) => match alternatives(node).find(|node| allows(node, "array")) {
            Some(list) => array
                .elements
                .iter()
                .enumerate()
                .find_map(|(index, item)| find(item, list.get("items")?, &path.index(index))),
            None if alternatives(node).any(|node| allows(node, "object")) => Some(path.clone()),
            None => None,
        },
        Written::Object(object) => {
            let has = |field: &str| object.properties.iter().any(|p| name(&p.name) == field);
            // A block is one of several objects, told apart by their required field.
            let schema = if allows(node, "object") {
                node
            } else {
                alternatives(node).find(|node| fits(node, &has))?
            };
            object.properties.iter().find_map(|property| {
                let key = name(&property.name);
                let field = schema
                    .get("properties")
                    .and_then(|properties| properties.get(key))
                    .or_else(|| schema.get("additionalProperties").filter(|a| a.is_object()))?;
                find(&property.value, field, &path.key(key))
            })
        }
        _ => None,
    }
}

/// A schema with its `$ref`s followed into the schema's `$defs`.
fn resolve(mut node: &Value) -> &Value {
    while let Some(name) = node
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|reference| reference.strip_prefix("#/$defs/"))
    {
        match schema().get("$defs").and_then(|defs| defs.get(name)) {
            Some(definition) => node = definition,
            None => break,
        }
    }
    node
}

/// The schema itself and, resolved, each of its `oneOf` and `anyOf` alternatives.
fn alternatives(node: &Value) -> impl Iterator<Item = &Value> {
    let branches = ["oneOf", "anyOf"]
        .into_iter()
        .filter_map(|key| node.get(key)?.as_array())
        .flatten()
        .map(resolve);
    std::iter::once(node).chain(branches)
}

/// Whether the schema's `type` is, or includes, `kind`.
fn allows(node: &Value, kind: &str) -> bool {
    match node.get("type") {
        Some(Value::String(name)) => name == kind,
        Some(Value::Array(names)) => names.iter().any(|name| name == kind),
        _ => false,
    }
}

/// Whether an object that `has` its fields fits the object schema `node`: every required
/// field is there (which tells a block's kinds apart).
fn fits(node: &Value, has: &impl Fn(&str) -> bool) -> bool {
    allows(node, "object")
        && node
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .all(has)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(document: Value) -> Option<String> {
        let text = document.to_string();
        list_for_object(&Locator::new(&text)).map(|path| path.to_string())
    }

    #[test]
    fn finds_a_list_where_an_object_belongs_and_nothing_in_a_real_answer() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/complete.json"),
        )
        .unwrap();
        let mut answer: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(path(answer.clone()), None);
        answer["signature"] = serde_json::json!(["Ole Hasselgaard", "Lars Barfoed"]);
        assert_eq!(path(answer.clone()).as_deref(), Some("signature"));
        answer["signature"] = serde_json::json!({"minister": "Lars Barfoed"});
        answer["question"]["committee"] = serde_json::json!(["Folketingets Retsudvalg", "REU"]);
        assert_eq!(path(answer.clone()).as_deref(), Some("question.committee"));
    }

    #[test]
    fn looks_into_blocks_statements_and_table_rows() {
        let document = serde_json::json!({"answer": {"blocks": [
            {"paragraph": "Et afsnit."},
            {"statement": {"source": "Rigspolitiet", "blocks": [
                {"table": {"number": 1, "caption": "T", "panels": [
                    {"columns": ["2014"], "rows": [["Dom", [10]]]}
                ]}}
            ]}}
        ]}});
        assert_eq!(
            path(document).as_deref(),
            Some("answer.blocks[1].statement.blocks[0].table.panels[0].rows[0]")
        );
    }
}
