//! Random damage to the example answer (deleted keys, wrong types, truncation, random bytes)
//! must never crash svar and never produce a PDF from a file with errors.

use std::path::Path;

use proptest::prelude::*;
use serde_json::Value;
use svar::input::Severity;

fn example_text() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/complete.json"),
    )
    .unwrap()
}

/// Every path to a value in a JSON document, as a list of keys and indices.
fn paths(value: &Value, prefix: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(prefix.clone());
    match value {
        Value::Object(fields) => fields.iter().for_each(|(key, field)| {
            let mut path = prefix.clone();
            path.push(Value::from(key.as_str()));
            paths(field, path, out);
        }),
        Value::Array(items) => items.iter().enumerate().for_each(|(index, item)| {
            let mut path = prefix.clone();
            path.push(Value::from(index));
            paths(item, path, out);
        }),
        _ => {}
    }
}

fn at<'a>(value: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(value, |value, step| match step {
        Value::String(key) => &mut value[key.as_str()],
        _ => &mut value[step.as_u64().unwrap() as usize],
    })
}

/// One kind of damage, applied at the `choice`-th place.
#[derive(Debug, Clone)]
enum Damage {
    DeleteKey(usize),
    ReplaceValue(usize, Value),
    Truncate(usize),
    RandomBytes(usize, Vec<u8>),
}

fn damage() -> impl Strategy<Value = Damage> {
    let replacement = prop_oneof![
        Just(Value::Null),
        Just(Value::Bool(true)),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        Just(Value::Array(vec![])),
        Just(serde_json::json!({"x": 1})),
        Just(Value::from("2019-02-30")),
    ];
    prop_oneof![
        any::<usize>().prop_map(Damage::DeleteKey),
        (any::<usize>(), replacement).prop_map(|(at, value)| Damage::ReplaceValue(at, value)),
        any::<usize>().prop_map(Damage::Truncate),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Damage::RandomBytes(at, bytes)),
    ]
}

fn apply(damage: &Damage) -> Vec<u8> {
    let text = example_text();
    let mut value: Value = serde_json::from_str(&text).unwrap();
    let mut all = Vec::new();
    paths(&value, Vec::new(), &mut all);
    match damage {
        Damage::DeleteKey(choice) => {
            let keyed: Vec<&Vec<Value>> = all
                .iter()
                .filter(|p| p.last().is_some_and(Value::is_string))
                .collect();
            let path = keyed[choice % keyed.len()];
            let (key, parent) = path.split_last().unwrap();
            at(&mut value, parent)
                .as_object_mut()
                .unwrap()
                .remove(key.as_str().unwrap());
            serde_json::to_vec_pretty(&value).unwrap()
        }
        Damage::ReplaceValue(choice, replacement) => {
            *at(&mut value, &all[choice % all.len()]) = replacement.clone();
            serde_json::to_vec_pretty(&value).unwrap()
        }
        Damage::Truncate(choice) => text.as_bytes()[..choice % text.len()].to_vec(),
        Damage::RandomBytes(choice, bytes) => {
            let mut damaged = text.into_bytes();
            let at = choice % damaged.len();
            damaged.splice(at..at, bytes.iter().copied());
            damaged
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    /// The checker reports rather than panics, and only error-free answers reach the compiler.
    #[test]
    fn damaged_answers_are_reported_not_crashed_on(damage in damage()) {
        let bytes = apply(&damage);
        let Ok(text) = String::from_utf8(bytes) else { return Ok(()) };
        let (answer, report) = svar::input::check_text(&text, Path::new("damaged.json"));
        if report.has_errors() {
            // Every error is located in the file and told in the report a clerk reads.
            let shown = report.to_text(false);
            for finding in report.findings.iter().filter(|f| f.severity == Severity::Error) {
                prop_assert!(finding.line >= 1, "{finding:?}");
                prop_assert!(shown.contains(&svar::escape::for_terminal(&finding.message)), "{finding:?} not in:\n{shown}");
            }
        } else {
            let answer = answer.expect("an answer without errors parsed");
            svar::typeset(&answer, &svar::render::TemplateSet::builtin())
                .map_err(|error| TestCaseError::fail(format!("valid answer failed to typeset: {error}")))?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, failure_persistence: None, ..ProptestConfig::default() })]

    /// Through the real binary: exit 1 and no PDF for a damaged file, never a crash.
    #[test]
    fn the_binary_never_crashes_and_writes_no_pdf_for_a_bad_file(damage in damage()) {
        let folder = tempfile::tempdir().unwrap();
        let input = folder.path().join("damaged.json");
        std::fs::write(&input, apply(&damage)).unwrap();
        let output = assert_cmd::Command::cargo_bin("svar").unwrap()
            .args(["render", "-o"]).arg(folder.path().join("out")).arg(&input)
            .output().unwrap();
        let pdf = folder.path().join("out/damaged.pdf");
        match output.status.code() {
            Some(0) => prop_assert!(pdf.exists()),
            Some(1) => {
                prop_assert!(!pdf.exists());
                prop_assert!(!output.stderr.is_empty());
            }
            other => prop_assert!(false, "exit {other:?}: {}", String::from_utf8_lossy(&output.stderr)),
        }
    }
}
