//! Finding where a JSON path sits in the text of an answer file, so a finding about
//! `answer.blocks[3].table` can point at the right line.

use std::ops::Range;

use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions};

use crate::json_path::{JsonPath, Step};

/// The parsed text of an answer file, for locating paths in it.
pub(super) struct Locator<'a> {
    text: &'a str,
    root: Option<Value<'a>>,
    /// Whether the text is strict JSON (and `root` is there); else `root`, if any, was read
    /// past a comma too many or too few.
    strict: bool,
}

impl<'a> Locator<'a> {
    /// Parses `text` for locating paths in it.
    pub(super) fn new(text: &'a str) -> Self {
        // Strict JSON, as serde_json reads it: none of JSONC's or JSON5's liberties.
        let mut options = ParseOptions {
            allow_comments: false,
            allow_loose_object_property_names: false,
            allow_trailing_commas: false,
            allow_missing_commas: false,
            allow_single_quoted_strings: false,
            allow_hexadecimal_numbers: false,
            allow_unary_plus_numbers: false,
            allow_bare_decimal_point_numbers: false,
            allow_non_finite_numbers: false,
            allow_extended_string_escapes: false,
        };
        let parse = |options: &ParseOptions| {
            jsonc_parser::parse_to_ast(text, &CollectOptions::default(), options)
                .ok()
                .and_then(|result| result.value)
        };
        if let Some(root) = parse(&options) {
            return Self {
                text,
                root: Some(root),
                strict: true,
            };
        }
        // The commonest slips in a file edited by hand, which svar reads past to tell the
        // mistakes after them in the same run.
        options.allow_trailing_commas = true;
        options.allow_missing_commas = true;
        Self {
            text,
            root: parse(&options),
            strict: false,
        }
    }

    /// Whether the text is valid JSON, so that a parse error is about its shape, not syntax.
    pub(super) fn is_json(&self) -> bool {
        self.strict
    }

    /// Whether paths can be found in the text: it is valid JSON, or would be but for commas
    /// too many or too few.
    pub(super) fn has_tree(&self) -> bool {
        self.root.is_some()
    }

    /// The value at `path` as written in the file, if it is a short single-line scalar worth
    /// quoting in a message (`-5`, `1e23`, `"15"`).
    pub(super) fn written(&self, path: &JsonPath) -> Option<&'a str> {
        let written = self.whole(path)?;
        let scalar = !written.starts_with(['{', '[']);
        (scalar && !written.contains('\n') && written.chars().count() <= 40).then_some(written)
    }

    /// The value at `path` as written in the file, however long.
    pub(super) fn whole(&self, path: &JsonPath) -> Option<&'a str> {
        Some(&self.text[self.span(path, false)?])
    }

    /// The bytes of the value at `path`, or of the deepest part of the path that exists. For a
    /// field, `key_only` points at its name instead of its value.
    pub(super) fn span(&self, path: &JsonPath, key_only: bool) -> Option<Range<usize>> {
        let mut value = self.root.as_ref()?;
        let mut span = range(value);
        for (position, step) in path.0.iter().enumerate() {
            let last = position + 1 == path.0.len();
            match (step, value) {
                (Step::Key(key), Value::Object(object)) => {
                    let Some(property) = object.properties.iter().find(|p| name(&p.name) == key)
                    else {
                        return Some(span);
                    };
                    span = if last && key_only {
                        name_range(&property.name)
                    } else {
                        range(&property.value)
                    };
                    value = &property.value;
                }
                (Step::Index(index), Value::Array(array)) => {
                    let Some(element) = array.elements.get(*index) else {
                        return Some(span);
                    };
                    span = range(element);
                    value = element;
                }
                _ => return Some(span),
            }
        }
        Some(span)
    }
}

impl<'a> Locator<'a> {
    /// The file's parsed tree, if the text is JSON; `shape` walks it along the schema.
    pub(super) fn root(&self) -> Option<&Value<'a>> {
        self.root.as_ref()
    }
}

impl<'a> Locator<'a> {
    /// The name of the first field of the object at `path`: where an externally tagged block
    /// such as `{"paragrph": …}` names its kind.
    pub(super) fn first_key(&self, path: &JsonPath) -> Option<Range<usize>> {
        match self.value_at(path)? {
            Value::Object(object) => object.properties.first().map(|p| name_range(&p.name)),
            _ => None,
        }
    }

    /// The items of the list at exactly `path`, each as the file writes it.
    pub(super) fn items(&self, path: &JsonPath) -> Option<Vec<&'a str>> {
        match self.value_at(path)? {
            Value::Array(array) => Some(
                array
                    .elements
                    .iter()
                    .map(|item| &self.text[range(item)])
                    .collect(),
            ),
            _ => None,
        }
    }

    /// The text the locator parsed.
    pub(super) fn text(&self) -> &'a str {
        self.text
    }

    /// The bytes of the value at exactly `path`, if the file has one there.
    pub(super) fn exact_span(&self, path: &JsonPath) -> Option<Range<usize>> {
        self.value_at(path).map(range)
    }

    /// The fields of the object at `path`, in the order written: each one's name, and its
    /// bytes from the name to the end of the value.
    pub(super) fn fields(&self, path: &JsonPath) -> Option<Vec<(&str, Range<usize>)>> {
        match self.value_at(path)? {
            Value::Object(object) => Some(
                object
                    .properties
                    .iter()
                    .map(|p| (name(&p.name), p.range.start..p.range.end))
                    .collect(),
            ),
            _ => None,
        }
    }

    /// The value at exactly `path`, if the file has one there.
    fn value_at(&self, path: &JsonPath) -> Option<&Value<'a>> {
        let mut value = self.root.as_ref()?;
        for step in &path.0 {
            value = match (step, value) {
                (Step::Key(key), Value::Object(object)) => {
                    &object
                        .properties
                        .iter()
                        .find(|p| name(&p.name) == key)?
                        .value
                }
                (Step::Index(index), Value::Array(array)) => array.elements.get(*index)?,
                _ => return None,
            };
        }
        Some(value)
    }
}

/// A field's name as the file spells it, unescaped.
pub(super) fn name<'b>(name: &'b ObjectPropName<'_>) -> &'b str {
    match name {
        ObjectPropName::String(literal) => &literal.value,
        ObjectPropName::Word(word) => word.value,
    }
}

fn name_range(name: &ObjectPropName<'_>) -> Range<usize> {
    let range = match name {
        ObjectPropName::String(literal) => literal.range,
        ObjectPropName::Word(word) => word.range,
    };
    range.start..range.end
}

fn range(value: &Value<'_>) -> Range<usize> {
    let range = value.range();
    range.start..range.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_keys() {
        let text = r#"{"a": [1, {"b": "x"}]}"#;
        let locator = Locator::new(text);
        let path = JsonPath::root().key("a").index(1).key("b");
        assert_eq!(&text[locator.span(&path, false).unwrap()], "\"x\"");
        assert_eq!(&text[locator.span(&path, true).unwrap()], "\"b\"");
    }

    #[test]
    fn reads_a_character_written_as_a_surrogate_pair_escape() {
        // "\uD83D\uDE00" is one character (U+1F600) in JSON; jsonc-parser before 0.27 refused
        // it, and then nothing in the file could be located.
        let text = r#"{"a": "Æ \ud83d\ude00 x", "b": 2}"#;
        let locator = Locator::new(text);
        assert!(locator.is_json());
        assert_eq!(locator.written(&JsonPath::root().key("b")), Some("2"));
    }

    #[test]
    fn lists_an_objects_fields_from_name_to_value() {
        let text = r#"{"a": {"b": 1, "c": [2]}}"#;
        let locator = Locator::new(text);
        let fields = locator.fields(&JsonPath::root().key("a")).unwrap();
        let written: Vec<(&str, &str)> = fields
            .iter()
            .map(|(name, span)| (*name, &text[span.clone()]))
            .collect();
        assert_eq!(written, [("b", "\"b\": 1"), ("c", "\"c\": [2]")]);
        assert_eq!(locator.exact_span(&JsonPath::root().key("x")), None);
    }

    #[test]
    fn stops_at_the_deepest_existing_part() {
        let text = r#"{"a": [1]}"#;
        let span = Locator::new(text).span(&JsonPath::root().key("a").index(5), false);
        assert_eq!(&text[span.unwrap()], "[1]");
    }

    #[test]
    fn quotes_short_scalars_as_written() {
        let locator = Locator::new(r#"{"a": 1e23, "b": [1], "c": "x"}"#);
        assert_eq!(locator.written(&JsonPath::root().key("a")), Some("1e23"));
        assert_eq!(locator.written(&JsonPath::root().key("b")), None);
        assert_eq!(locator.written(&JsonPath::root().key("c")), Some("\"x\""));
    }
}
