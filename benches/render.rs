//! In-process costs of svar's stages on the example answer, measured with criterion:
//! `cargo bench --bench render`. The comparisons with other tools (cold processes, batches,
//! memory) are in `bench/compare.py`.

// criterion_group! defines a public function it cannot document.
#![allow(missing_docs)]

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use svar::model::{Answer, Block};
use svar::pdf::ExportOptions;
use svar::render::TemplateSet;

fn example() -> Answer {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/beu-287-2019.json");
    svar::input::load(&path).unwrap().answer
}

/// The example with its first paragraph changed, as a clerk's edit in `svar watch`.
fn edited(answer: &Answer, round: usize) -> Answer {
    let mut answer = answer.clone();
    if let Some(Block::Paragraph(text)) = answer.answer.blocks.first_mut() {
        text.push_str(&format!(" (rettelse {round})"));
    }
    answer
}

fn stages(c: &mut Criterion) {
    let answer = example();
    let templates = TemplateSet::builtin();
    let options = ExportOptions::default();
    c.bench_function("load and check the answer file", |b| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/beu-287-2019.json");
        b.iter(|| svar::input::load(&path).unwrap())
    });
    c.bench_function("templates to Typst source", |b| {
        b.iter(|| svar::render::typst_source(&answer, &templates, true).unwrap())
    });
    c.bench_function("typeset from scratch (memo cache emptied)", |b| {
        b.iter(|| {
            typst::comemo::evict(0);
            svar::typeset(&answer, &templates).unwrap()
        })
    });
    let typeset = svar::typeset(&answer, &templates).unwrap();
    c.bench_function("export PDF/UA-1", |b| {
        b.iter(|| typeset.pdf(&options).unwrap())
    });
    c.bench_function(
        "watch: retypeset and export after a one-paragraph edit",
        |b| {
            let mut previous = Some(svar::typeset(&answer, &templates).unwrap());
            let mut round = 0;
            b.iter(|| {
                round += 1;
                let changed = edited(&answer, round);
                let next =
                    svar::retypeset(previous.take().unwrap(), &changed, &templates, true).unwrap();
                let pdf = next.pdf(&options).unwrap();
                previous = Some(next);
                pdf
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = stages
}
criterion_main!(benches);
