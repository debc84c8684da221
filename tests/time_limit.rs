//! A template that never finishes must not hang svar: the compile is given up after the limit.
//! (In a file of its own: the abandoned compile keeps a core busy until this test process ends.)

use std::path::Path;
use std::time::{Duration, Instant};

use svar::limit::{LimitError, run_with_limit};
use svar::render::TemplateSet;

#[test]
fn an_endless_template_is_stopped_by_the_time_limit() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/complete.json");
    let answer = svar::input::load(&path).unwrap().answer;
    let templates =
        TemplateSet::builtin().with_file("answer.typ", "#for i in range(1000000000) {}\n");
    let limit = Duration::from_millis(300);
    let started = Instant::now();
    let result = run_with_limit(limit, move || {
        svar::typeset(&answer, &templates).map(|t| t.page_count())
    });
    assert!(
        matches!(result, Err(LimitError::TimedOut { .. })),
        "{result:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    let message = result.unwrap_err().to_string();
    assert!(message.contains("inden for 0.3 sekunder"), "{message}");
}
