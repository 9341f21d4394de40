//! Core analysis and export of a long speech (`make bench`).
//!
//! Budget (issue: foundation): parse + timing + lint of a 20,000-character speech ≤ 20 ms,
//! the time the editor has for a keystroke's re-analysis.

use criterion::{criterion_group, criterion_main, Criterion};
use podium::export::{self, ExportOptions, ExportProfile};
use podium::lint::{self, LintConfig};
use podium::script;
use podium::timing::{self, TimingOptions};
use std::hint::black_box;

const ADDRESS: &str = include_str!("../tests/data/address.md");

/// The sample address's sections repeated until the speech has at least 20,000 characters.
fn long_speech() -> String {
    let body = ADDRESS
        .split_once("\n## ")
        .map_or(ADDRESS, |(_, rest)| rest);
    let mut speech = String::from("# 長い施政方針演説\n");
    while speech.chars().count() < 20_000 {
        speech.push_str("\n## ");
        speech.push_str(body);
    }
    speech
}

fn analysis(c: &mut Criterion) {
    let speech = long_speech();
    let config = LintConfig::default();
    println!(
        "speech: {} characters, {} bytes",
        speech.chars().count(),
        speech.len()
    );
    c.bench_function("parse + timing + lint, 20,000 chars", |b| {
        b.iter(|| {
            let script = script::parse(black_box(&speech));
            let estimate = timing::estimate(&script, &TimingOptions::default());
            let findings = lint::lint(&speech, &script, &config);
            black_box((estimate.seconds, findings.len()))
        })
    });
    c.bench_function("parse only, 20,000 chars", |b| {
        b.iter(|| black_box(script::parse(black_box(&speech))))
    });
}

fn exports(c: &mut Criterion) {
    let speech = long_speech();
    let script = script::parse(&speech);
    for profile in [
        ExportProfile::Markdown,
        ExportProfile::Text,
        ExportProfile::Html,
        ExportProfile::HtmlDocument,
        ExportProfile::Blog,
    ] {
        let options = ExportOptions {
            blog_footer: Some("[市長のプロフィール](https://example.jp/profile)".into()),
            ..ExportOptions::new(profile)
        };
        c.bench_function(&format!("export {}, 20,000 chars", profile.as_str()), |b| {
            b.iter(|| black_box(export::export(black_box(&script), &options)))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = analysis, exports
}
criterion_main!(benches);
