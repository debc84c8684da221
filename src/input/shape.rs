//! The shape the answer format has at a place, read from its JSON schema.
//!
//! Objects written as lists: serde reads a struct from a JSON list too, field by field in the
//! order the fields are declared; the format and its schema have objects only, so a list such
//! as `"signature": ["Ole Hasselgaard", "Lars Barfoed"]` would fill the fields by a hidden
//! order, swapped names and all, without a word.
//!
//! The fields of the object at a place: a clerk who writes a text, a number or a list where the
//! format has an object is shown the object to write, with its real field names (and the
//! clerk's own text in it where it fits), so the schema stays the one place they are named.

use std::sync::OnceLock;

use jsonc_parser::ast::Value as Written;
use serde_json::Value;

use super::locate::{Locator, name};
use crate::json_path::{JsonPath, Step};

/// What a field of an object holds, as far as an example of it needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A text, or one of a few fixed texts.
    Text,
    /// A list.
    List,
    /// An object.
    Object,
    /// A number.
    Number,
    /// `true` or `false`.
    Boolean,
}

/// One field of an object of the answer format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Field {
    /// The field's name, as the file writes it.
    pub name: &'static str,
    /// Whether the object must have it.
    pub required: bool,
    /// What it holds.
    pub kind: Kind,
    /// Whether it is a list that holds figures (a row's cells).
    pub figures: bool,
}

/// The fields of the object the answer format has at `path`: the required ones first, in the
/// order the model declares them, then the optional ones, texts first (a member's `party`
/// before `non_member`), each in alphabetical order (the schema keeps no other order of
/// them). `None` where the format has no object there.
pub(super) fn object_fields(path: &JsonPath) -> Option<Vec<Field>> {
    let node = node_at(path)?;
    let object = alternatives(resolve(node)).find(|node| allows(node, "object"))?;
    let properties = object.get("properties")?.as_object()?;
    let required: Vec<&'static str> = object
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let field = |name: &'static str, required: bool| {
        let node = properties.get(name)?;
        let kind = kind(node)?;
        Some(Field {
            name,
            required,
            kind,
            figures: kind == Kind::List && holds_figures(node),
        })
    };
    let mut optional: Vec<Field> = properties
        .keys()
        .map(String::as_str)
        .filter(|name| !required.contains(name))
        .filter_map(|name| field(name, false))
        .collect();
    // Stable: alphabetical within texts and within the rest.
    optional.sort_by_key(|field| field.kind != Kind::Text);
    Some(
        required
            .iter()
            .filter_map(|name| field(name, true))
            .chain(optional)
            .collect(),
    )
}

/// Whether `path` names a field its object may leave out (a date, a case number, a question's
/// number, a status with a default); not a list's item, or a field the object requires.
pub(super) fn is_optional(path: &JsonPath) -> bool {
    let Some((Step::Key(key), parent)) = path.0.split_last() else {
        return false;
    };
    object_fields(&JsonPath(parent.to_vec()))
        .is_some_and(|fields| fields.iter().any(|f| f.name == key && !f.required))
}

/// A value the format accepts at `path`, as JSON: `"…"`, `[]`, the first of a few fixed texts,
/// or an object with its required fields so filled (`{"paragraph": "…"}` for a block). It
/// stands in for a value reported as wrong, so that the rest of the file can be read.
pub(super) fn stand_in(path: &JsonPath) -> Option<String> {
    accepted(node_at(path)?).map(|value| value.to_string())
}

/// A value the schema `node` accepts.
fn accepted(node: &'static Value) -> Option<Value> {
    let node = resolve(node);
    if let Some(fixed) = node.get("const").or_else(|| node.get("enum")?.get(0)) {
        return Some(fixed.clone());
    }
    if allows(node, "object") {
        let properties = node.get("properties");
        let required = node.get("required").and_then(Value::as_array);
        return required
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(|name| Some((name.to_string(), accepted(properties?.get(name)?)?)))
            .collect::<Option<serde_json::Map<_, _>>>()
            .map(Value::Object);
    }
    let simple = [
        ("string", Value::from("…")),
        ("array", Value::Array(Vec::new())),
        ("integer", Value::from(1)),
        ("number", Value::from(1)),
        ("boolean", Value::from(false)),
    ];
    match simple.into_iter().find(|(kind, _)| allows(node, kind)) {
        Some((_, value)) => Some(value),
        None => alternatives(node).skip(1).find_map(accepted),
    }
}

/// The schema of the value at `path`, following the alternatives a block or an optional
/// value has to the one that has the path's next step.
fn node_at(path: &JsonPath) -> Option<&'static Value> {
    path.0.iter().try_fold(schema(), |node, step| {
        alternatives(resolve(node)).find_map(|node| match step {
            Step::Key(key) => node
                .get("properties")
                .and_then(|properties| properties.get(key))
                .or_else(|| node.get("additionalProperties").filter(|a| a.is_object())),
            Step::Index(_) => node.get("items"),
        })
    })
}

/// An object as a clerk should write it, to show where something else was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Example {
    /// The object as JSON: `{"name": "Morten Bødskov", "party": "S"}`, `{"title": "…"}`.
    pub json: String,
    /// Whether it holds the clerk's own text rather than placeholders only.
    pub filled: bool,
    /// The object's other fields, which the example leaves out.
    pub others: Vec<&'static str>,
}

/// What a clerk wrote where the format has an object, for an example to hold.
#[derive(Debug, Clone, Copy)]
pub(super) enum Instead<'a> {
    /// A text, read: `Morten Bødskov (S)`.
    Text(&'a str),
    /// A list's items, each as the file writes it: `"Staten"`, `1`.
    Items(&'a [&'a str]),
}

/// The object with `fields` as a clerk should write it, holding what the clerk wrote
/// `instead` where it fits (see [`clerks_values`] and [`items_values`]), in the clerk's
/// order. Every required field is shown; an object that requires none shows at least its
/// first field.
pub(super) fn example(fields: &[Field], instead: Option<Instead<'_>>) -> Example {
    let mut values = match instead {
        Some(Instead::Text(text)) => clerks_values(fields, text),
        Some(Instead::Items(items)) => items_values(fields, items),
        None => Vec::new(),
    };
    let filled = !values.is_empty();
    for field in fields.iter().filter(|f| f.required) {
        if !values.iter().any(|(name, _)| *name == field.name) {
            values.push((field.name, placeholder(field.kind).into()));
        }
    }
    if let (true, Some(first)) = (values.is_empty(), fields.first()) {
        values.push((first.name, placeholder(first.kind).into()));
    }
    let shown: Vec<String> = values
        .iter()
        .map(|(name, value)| format!("\"{name}\": {value}"))
        .collect();
    Example {
        json: format!("{{{}}}", shown.join(", ")),
        filled,
        others: fields
            .iter()
            .map(|field| field.name)
            .filter(|name| !values.iter().any(|(shown, _)| shown == name))
            .collect(),
    }
}

/// The most characters of the clerk's own writing an example shows.
const SHOWN: usize = 60;

/// The fields of an object with `fields` that `text` fills, as JSON: the one required text
/// field, or the first text field of an object that requires none (`{"minister": "…"}`); a
/// name with its abbreviation, as Danish writes them ("Morten Bødskov (S)", "Folketingets
/// Retsudvalg (REU)"), fills the first two. None where the object requires more texts than
/// that, and the text could be any of them (a question's session and text), or where it is
/// too long to show.
fn clerks_values(fields: &[Field], text: &str) -> Vec<(&'static str, String)> {
    if text.chars().count() > SHOWN || text.contains('\n') {
        return Vec::new();
    }
    let pair = name_and_abbreviation(text)
        .or_else(|| two_names(text))
        .map(|(first, second)| texts_filled(fields, &[first, second]))
        .unwrap_or_default();
    if pair.is_empty() {
        texts_filled(fields, &[text])
    } else {
        pair
    }
}

/// The first text fields of an object with `fields`, one for each of `texts`, holding them;
/// none where the object has fewer text fields, or requires one they leave empty.
fn texts_filled(fields: &[Field], texts: &[&str]) -> Vec<(&'static str, String)> {
    let slots: Vec<&Field> = fields.iter().filter(|f| f.kind == Kind::Text).collect();
    let Some(filled) = slots.get(..texts.len()) else {
        return Vec::new();
    };
    if texts.is_empty() || slots[texts.len()..].iter().any(|slot| slot.required) {
        return Vec::new();
    }
    filled
        .iter()
        .zip(texts)
        .map(|(slot, text)| (slot.name, quoted(text)))
        .collect()
}

/// The fields of an object with `fields` that a list's `items` (as written) fill: one text
/// as a text does (see [`clerks_values`]); a name and an abbreviation (`["Morten Bødskov",
/// "S"]`) the first two text fields; figures the object's one list of figures, after a text
/// that fills its first text field (`["Staten", 1, 2]` is `{"label": "Staten", "cells": [1,
/// 2]}`). None where the list could mean other things: two names could be a minister and an
/// official in either order.
fn items_values(fields: &[Field], items: &[&str]) -> Vec<(&'static str, String)> {
    if items.iter().map(|item| item.chars().count()).sum::<usize>() > SHOWN {
        return Vec::new();
    }
    let texts: Option<Vec<String>> = items
        .iter()
        .map(|item| serde_json::from_str(item).ok())
        .collect();
    match texts.as_deref() {
        Some([one]) => clerks_values(fields, one),
        Some([name, short]) if is_abbreviation(short) => texts_filled(fields, &[name, short]),
        Some(_) => Vec::new(),
        None => figures_values(fields, items),
    }
}

/// The fields of an object with `fields` that a list of figures fills (see
/// [`items_values`]): its one list of figures, and its first text field where the first item
/// is a text.
fn figures_values(fields: &[Field], items: &[&str]) -> Vec<(&'static str, String)> {
    let lists: Vec<&Field> = fields.iter().filter(|f| f.kind == Kind::List).collect();
    let [list] = lists.as_slice() else {
        return Vec::new();
    };
    let is_text = |item: &str| item.starts_with('"');
    let is_figure = |item: &str| item.starts_with(|c: char| c == '-' || c.is_ascii_digit());
    if !list.figures || !items.iter().all(|item| is_text(item) || is_figure(item)) {
        return Vec::new();
    }
    let label = fields.iter().find(|f| f.kind == Kind::Text);
    let mut values = Vec::new();
    let figures = match (items.split_first(), label) {
        (Some((first, rest)), Some(label)) if is_text(first) && !rest.is_empty() => {
            values.push((label.name, first.to_string()));
            rest
        }
        _ => items,
    };
    values.push((list.name, format!("[{}]", figures.join(", "))));
    values
}

/// "Morten Bødskov (S)" as the name and the abbreviation in parentheses after it: a short
/// word in capitals, as parties and committees are abbreviated ("S", "REU", "ULØ", "KrF").
fn name_and_abbreviation(text: &str) -> Option<(&str, &str)> {
    let (name, rest) = text.trim().strip_suffix(')')?.rsplit_once(" (")?;
    let abbreviation = rest.trim();
    (is_abbreviation(abbreviation) && !name.trim().is_empty()).then(|| (name.trim(), abbreviation))
}

/// Whether `text` is a short word in capitals, as parties and committees are abbreviated
/// ("S", "REU", "ULØ", "KrF").
fn is_abbreviation(text: &str) -> bool {
    (1..=5).contains(&text.chars().count())
        && text.starts_with(char::is_uppercase)
        && text.chars().all(char::is_alphabetic)
}

/// "Lars Barfoed / Ole Hasselgaard" as two names, as the answers print the minister and the
/// official who sign: each begins with a capital.
fn two_names(text: &str) -> Option<(&str, &str)> {
    let (first, second) = text.split_once(" / ")?;
    let (first, second) = (first.trim(), second.trim());
    let name = |part: &str| part.starts_with(char::is_uppercase) && !part.contains('/');
    (name(first) && name(second)).then_some((first, second))
}

/// `text` as a JSON string.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

/// What stands for a value of a kind in an example.
fn placeholder(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "\"…\"",
        Kind::List => "[ … ]",
        Kind::Object => "{ … }",
        Kind::Number => "1",
        Kind::Boolean => "true",
    }
}

/// What the schema `node` holds; a text where it allows one among others (a text or `null`).
fn kind(node: &'static Value) -> Option<Kind> {
    let node = resolve(node);
    [
        ("string", Kind::Text),
        ("array", Kind::List),
        ("object", Kind::Object),
        ("integer", Kind::Number),
        ("number", Kind::Number),
        ("boolean", Kind::Boolean),
    ]
    .into_iter()
    .find(|(name, _)| alternatives(node).any(|node| allows(node, name)))
    .map(|(_, kind)| kind)
}

/// Whether the schema `node` is a list whose items may be figures.
fn holds_figures(node: &'static Value) -> bool {
    alternatives(resolve(node))
        .filter_map(|list| list.get("items"))
        .any(|items| alternatives(resolve(items)).any(|item| allows(item, "number")))
}

/// Every place, in document order, where the answer file the locator has parsed has a list
/// where the schema has an object; not the places inside such a list, whose items belong to
/// no field the format has.
pub(super) fn lists_for_objects(locator: &Locator<'_>) -> Vec<JsonPath> {
    let mut found = Vec::new();
    if let Some(root) = locator.root() {
        find(root, schema(), &JsonPath::root(), &mut found);
    }
    found
}

/// The answer file's JSON schema, as `svar schema` prints it.
fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| schemars::schema_for!(crate::model::Answer).to_value())
}

fn find(value: &Written<'_>, node: &'static Value, path: &JsonPath, found: &mut Vec<JsonPath>) {
    let node = resolve(node);
    match value {
        Written::Array(array) => match alternatives(node).find(|node| allows(node, "array")) {
            // A member's name and party where the format has a member or a list of them.
            Some(_) if is_name_and_abbreviation(array) && objects_at_node(node) => {
                found.push(path.clone());
            }
            Some(list) => {
                let Some(items) = list.get("items") else {
                    return;
                };
                for (index, item) in array.elements.iter().enumerate() {
                    find(item, items, &path.index(index), found);
                }
            }
            None if alternatives(node).any(|node| allows(node, "object")) => {
                found.push(path.clone());
            }
            None => {}
        },
        Written::Object(object) => {
            let has = |field: &str| object.properties.iter().any(|p| name(&p.name) == field);
            // A block is one of several objects, told apart by their required field.
            let schema = if allows(node, "object") {
                node
            } else {
                match alternatives(node).find(|node| fits(node, &has)) {
                    Some(schema) => schema,
                    None => return,
                }
            };
            for property in &object.properties {
                let key = name(&property.name);
                let field = schema
                    .get("properties")
                    .and_then(|properties| properties.get(key))
                    .or_else(|| schema.get("additionalProperties").filter(|a| a.is_object()));
                if let Some(field) = field {
                    find(&property.value, field, &path.key(key), found);
                }
            }
        }
        _ => {}
    }
}

/// Whether the list is a name and an abbreviation, `["Rasmus Jarlov", "KF"]`: one object's
/// fields written as a list, not two objects.
fn is_name_and_abbreviation(array: &jsonc_parser::ast::Array<'_>) -> bool {
    match array.elements.as_slice() {
        [Written::StringLit(_), Written::StringLit(short)] => is_abbreviation(&short.value),
        _ => false,
    }
}

/// Whether the schema `node` allows an object, itself or as one of its alternatives.
fn objects_at_node(node: &'static Value) -> bool {
    alternatives(node).any(|node| allows(node, "object"))
}

/// The object schemas the format has at `path`: one, or a block's kinds.
fn objects_at(path: &JsonPath) -> Vec<&'static Value> {
    node_at(path).map_or_else(Vec::new, |node| {
        alternatives(resolve(node))
            .filter(|node| allows(node, "object"))
            .collect()
    })
}

/// Whether the object schema `node` has a field `key`: one of its own, or any name where it
/// is a map (the footnotes).
fn names(node: &Value, key: &str) -> bool {
    node.get("properties")
        .is_some_and(|properties| properties.get(key).is_some())
        || node
            .get("additionalProperties")
            .is_some_and(Value::is_object)
}

/// Whether the object the format has at `path` may have the field `key` (a block, any of its
/// kinds); `None` where the format has no object there.
pub(super) fn has_field(path: &JsonPath, key: &str) -> Option<bool> {
    let objects = objects_at(path);
    (!objects.is_empty()).then(|| objects.iter().any(|node| names(node, key)))
}

/// A field of an object whose value holds fields of its own: where a field written one level
/// too high belongs (a panel's `rows`, written on its table, belong in `panels`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Below {
    /// The field's name: `panels`.
    pub field: &'static str,
    /// Whether it holds a list of such objects rather than one.
    pub list: bool,
    /// Whether each object has one field of several, as a block does (`{"paragraph": …}`),
    /// so that each field written too high is an object of its own.
    pub one_of: bool,
}

/// The one field of the object at `path` whose object, or list of objects, has the field
/// `key` (a map's any name aside); `None` where none has, or more than one, and where the
/// object at `path` has `key` itself.
pub(super) fn below(path: &JsonPath, key: &str) -> Option<Below> {
    if has_field(path, key) != Some(false) {
        return None;
    }
    let mut owners = objects_at(path).into_iter().flat_map(|object| {
        let properties = object.get("properties").and_then(Value::as_object);
        properties
            .into_iter()
            .flatten()
            .filter_map(|(field, node)| {
                let node = resolve(node);
                let list = alternatives(node).find(|node| allows(node, "array"));
                let item = match list {
                    Some(list) => resolve(list.get("items")?),
                    None => node,
                };
                let kinds: Vec<&Value> = alternatives(item)
                    .filter(|node| allows(node, "object"))
                    .collect();
                let owns = kinds.iter().any(|kind| {
                    kind.get("properties")
                        .is_some_and(|properties| properties.get(key).is_some())
                });
                owns.then(|| Below {
                    field: field.as_str(),
                    list: list.is_some(),
                    one_of: kinds.len() > 1,
                })
            })
    });
    let owner = owners.next()?;
    owners.next().is_none().then_some(owner)
}

/// A schema with its `$ref`s followed into the schema's `$defs`.
fn resolve(mut node: &'static Value) -> &'static Value {
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
fn alternatives(node: &'static Value) -> impl Iterator<Item = &'static Value> {
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
        paths(document).into_iter().next()
    }

    /// Every place in `document` where a list stands for an object.
    fn paths(document: Value) -> Vec<String> {
        let text = document.to_string();
        let found = lists_for_objects(&Locator::new(&text));
        found.iter().map(JsonPath::to_string).collect()
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
        answer["question"]["committee"] = serde_json::json!(["Folketingets Retsudvalg", "REU"]);
        // A list of members is a form of its own; a name and a party's letters are one member.
        answer["question"]["asked_by"] =
            serde_json::json!([{"name": "Line Barfod"}, {"name": "Pelle Dragsted"}]);
        assert_eq!(paths(answer.clone()), ["question.committee", "signature"]);
        answer["question"]["asked_by"] = serde_json::json!(["Line Barfod", "EL"]);
        // Every one, in the order of the text (whose fields serde_json orders by name), and
        // nothing inside one.
        assert_eq!(
            paths(answer),
            ["question.asked_by", "question.committee", "signature"]
        );
    }

    #[test]
    fn an_example_holds_a_lists_items_where_they_fit() {
        let row = ["answer", "blocks", "0", "table", "panels", "0", "rows", "0"];
        let items = |path: &[&str], items: &[&str]| -> Example {
            let path = JsonPath(path.iter().map(|step| step_of(step)).collect());
            example(
                &object_fields(&path).expect("an object there"),
                Some(Instead::Items(items)),
            )
        };
        let labelled = items(&row, &["\"Staten\"", "1", "2.50"]);
        assert_eq!(labelled.json, r#"{"label": "Staten", "cells": [1, 2.50]}"#);
        assert!(labelled.filled && labelled.others.is_empty());
        let total = ["answer", "blocks", "0", "table", "panels", "0", "total"];
        let figures = items(&total, &["4", "-6", "\"-\""]);
        assert_eq!(figures.json, r#"{"cells": [4, -6, "-"]}"#);
        assert_eq!(figures.others, ["label"]);
        let member = items(&["question", "asked_by"], &["\"Line Barfod\"", "\"EL\""]);
        assert_eq!(member.json, r#"{"name": "Line Barfod", "party": "EL"}"#);
        let one = items(&["signature"], &["\"Lars Barfoed\""]);
        assert_eq!(one.json, r#"{"minister": "Lars Barfoed"}"#);
        // Two names could be the minister's and the official's either way round.
        let two = items(&["signature"], &["\"Ole Hasselgaard\"", "\"Lars Barfoed\""]);
        assert_eq!(
            (two.json.as_str(), two.filled),
            (r#"{"minister": "…"}"#, false)
        );
        // An object in the list, or more than fits a hint, is not shown.
        assert!(!items(&row, &["\"Staten\"", "{}"]).filled);
        let long = format!("\"{}\"", "x".repeat(70));
        assert!(!items(&row, &[&long, "1"]).filled);
        // Figures fill no object without a list of figures.
        assert!(!items(&["answer", "blocks", "0", "statement"], &["\"R\"", "1"]).filled);
    }

    #[test]
    fn knows_which_object_has_a_field_and_which_field_below_holds_it() {
        let table = at("answer.blocks.0.table");
        assert_eq!(has_field(&table, "caption"), Some(true));
        assert_eq!(has_field(&table, "rows"), Some(false));
        assert_eq!(has_field(&at("date"), "x"), None);
        // A block may have any of its kinds; the footnotes any name.
        assert_eq!(has_field(&at("answer.blocks.0"), "table"), Some(true));
        assert_eq!(has_field(&at("footnotes"), "1"), Some(true));
        assert_eq!(
            below(&table, "rows"),
            Some(Below {
                field: "panels",
                list: true,
                one_of: false
            })
        );
        assert_eq!(
            below(&JsonPath::root(), "minister"),
            Some(Below {
                field: "signature",
                list: false,
                one_of: false
            })
        );
        assert_eq!(
            below(&at("answer.blocks.0.statement"), "paragraph"),
            Some(Below {
                field: "blocks",
                list: true,
                one_of: true
            })
        );
        // The question's and a further question's text: no telling which.
        assert_eq!(below(&JsonPath::root(), "text"), None);
        // A field of its own, or one no field below has.
        assert_eq!(below(&table, "caption"), None);
        assert_eq!(below(&table, "kaption"), None);
    }

    /// The example for what was written at `path` (`"answer.blocks[0].statement"`).
    fn example_at(path: &[&str], text: Option<&str>) -> Example {
        let path = JsonPath(path.iter().map(|step| step_of(step)).collect());
        example(
            &object_fields(&path).expect("an object there"),
            text.map(Instead::Text),
        )
    }

    #[test]
    fn knows_the_fields_of_an_object_required_first_and_texts_before_the_rest() {
        let member = JsonPath::root().key("question").key("asked_by");
        let names: Vec<&str> = object_fields(&member)
            .unwrap()
            .iter()
            .map(|field| field.name)
            .collect();
        assert_eq!(names, ["name", "party", "non_member"]);
        let statement = JsonPath::root()
            .key("answer")
            .key("blocks")
            .index(2)
            .key("statement");
        let fields = object_fields(&statement).unwrap();
        assert_eq!(
            (fields[0].name, fields[0].required, fields[0].kind),
            ("source", true, Kind::Text)
        );
        assert_eq!((fields[1].name, fields[1].kind), ("blocks", Kind::List));
        // A text, and a list of texts, are no objects.
        assert_eq!(object_fields(&JsonPath::root().key("date")), None);
        assert_eq!(object_fields(&member.key("name")), None);
    }

    #[test]
    fn an_example_holds_the_clerks_text_where_it_fits() {
        let member = example_at(&["question", "asked_by"], Some("Morten Bødskov (S)"));
        assert_eq!(member.json, r#"{"name": "Morten Bødskov", "party": "S"}"#);
        assert!(member.filled);
        assert_eq!(member.others, ["non_member"]);
        let signature = example_at(&["signature"], Some("Søren Pape Poulsen"));
        assert_eq!(signature.json, r#"{"minister": "Søren Pape Poulsen"}"#);
        assert_eq!(signature.others, ["official"]);
        // The minister and the official as the answers print them.
        let both = example_at(&["signature"], Some("Lars Barfoed / Ole Hasselgaard"));
        assert_eq!(
            both.json,
            r#"{"minister": "Lars Barfoed", "official": "Ole Hasselgaard"}"#
        );
        assert!(both.others.is_empty());
        let committee = example_at(&["question", "committee"], Some("Folketingets Retsudvalg"));
        assert_eq!(committee.json, r#"{"name": "…", "abbreviation": "…"}"#);
        assert!(!committee.filled);
        let statement = example_at(
            &["answer", "blocks", "0", "statement"],
            Some("Rigspolitiet"),
        );
        assert_eq!(
            statement.json,
            r#"{"source": "Rigspolitiet", "blocks": [ … ]}"#
        );
        // Two required texts, and the clerk's text could be either.
        let question = example_at(&["question"], Some("Vil ministeren oplyse …?"));
        assert_eq!(question.json, r#"{"session": "…", "text": "…"}"#);
        // Nothing written to fill it with: the first field of an object requiring none.
        assert_eq!(
            example_at(&["signature"], None).json,
            r#"{"minister": "…"}"#
        );
        // A quote in the clerk's text stays JSON.
        let quoted = example_at(&["signature"], Some("Lars \"Lasse\" Barfoed"));
        assert_eq!(quoted.json, r#"{"minister": "Lars \"Lasse\" Barfoed"}"#);
    }

    /// A path such as `"answer.blocks.0.statement"` (numbers are indices).
    fn at(path: &str) -> JsonPath {
        JsonPath(path.split('.').map(step_of).collect())
    }

    /// A step of a path: a number is an index.
    fn step_of(step: &str) -> Step {
        match step.parse() {
            Ok(index) => Step::Index(index),
            Err(_) => Step::Key(step.to_string()),
        }
    }

    #[test]
    fn a_field_is_optional_where_the_object_does_without_it() {
        assert!(is_optional(&at("date")));
        assert!(is_optional(&at("status")));
        assert!(is_optional(&at("question.number")));
        assert!(!is_optional(&at("question.text")));
        assert!(!is_optional(&at("answer.blocks.3")));
        assert!(!is_optional(&at("question")));
    }

    #[test]
    fn a_stand_in_is_a_value_the_format_reads() {
        assert_eq!(stand_in(&at("question.text")).as_deref(), Some("\"…\""));
        assert_eq!(
            stand_in(&at("answer.blocks.3")).as_deref(),
            Some(r#"{"paragraph":"…"}"#)
        );
        assert_eq!(stand_in(&at("status")).as_deref(), Some("\"final\""));
        assert_eq!(
            stand_in(&at("question")).as_deref(),
            Some(r#"{"session":"…","text":"…"}"#)
        );
        assert_eq!(
            stand_in(&at("answer.blocks.0.statement")).as_deref(),
            Some(r#"{"blocks":[],"source":"…"}"#)
        );
        // Every stand-in reads as what it stands for.
        let answer = stand_in(&JsonPath::root()).unwrap();
        serde_json::from_str::<crate::model::Answer>(&answer).unwrap();
    }

    #[test]
    fn only_a_short_word_in_capitals_in_parentheses_is_an_abbreviation() {
        assert_eq!(
            name_and_abbreviation("Morten Bødskov (S)"),
            Some(("Morten Bødskov", "S"))
        );
        assert_eq!(
            name_and_abbreviation("Folketingets Udvalg for Landdistrikter og Øer (ULØ)"),
            Some(("Folketingets Udvalg for Landdistrikter og Øer", "ULØ"))
        );
        assert_eq!(
            name_and_abbreviation("Søren Pape Poulsen (justitsminister)"),
            None
        );
        assert_eq!(name_and_abbreviation("Søren Pape Poulsen"), None);
        assert_eq!(name_and_abbreviation("(S)"), None);
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
