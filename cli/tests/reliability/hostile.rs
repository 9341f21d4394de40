//! Hostile drafts (`tests/data/hostile/`, and very large or deeply nested ones made here):
//! the parser, timing and lint finish without panicking, and quickly; every export holds only
//! the sanitiser's allow-list, no control or bidi characters, and Markdown that reads back
//! without raw HTML. The checks are the fuzz targets' (`fuzz/checks.rs`).

use super::data;
use super::fuzz_corpus::checks;
use podium::export::{ExportOptions, ExportProfile, RubyStyle};
use podium::lint::LintConfig;
use podium::timing::TimingOptions;
use std::time::{Duration, Instant};

/// Far more than a linear pass needs, even in a debug build on a busy machine (a 10 MB draft
/// takes 20–50 s there, about a second in a release build); the quadratic passes this caught
/// took from 4 to 80 times their budget.
fn budget(bytes: usize) -> Duration {
    // A guard against minutes (a quadratic path took over two minutes on a 1 MB line), not a
    // speed target: those are `make bench-pathological`'s. Loose enough for a loaded machine
    // running the debug build.
    Duration::from_secs(30) + Duration::from_secs(30) * u32::try_from(bytes >> 20).unwrap()
}

#[test]
fn hostile_corpus_files_export_nothing_dangerous() {
    let mut files: Vec<_> = std::fs::read_dir(data("hostile"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 7, "{files:?}");
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        checks::speech(&bytes);
        checks::export(&bytes);
        let text = String::from_utf8_lossy(&bytes);
        let html = podium::export::export(
            &podium::script::parse(&text),
            &ExportOptions::new(ExportProfile::Html),
        )
        .to_lowercase();
        for bad in [
            "javascript:",
            "vbscript:",
            "data:",
            "<script",
            "onerror",
            "onload",
        ] {
            assert!(!html.contains(bad), "{file:?}: {bad} in {html}");
        }
    }
}

/// Very long, very large and very deep drafts, made here rather than kept as files.
fn generated() -> Vec<(&'static str, String)> {
    let address = std::fs::read_to_string(data("address.md")).unwrap();
    let line = "市民の皆さん、共創のまちづくりを進めます<script>alert(1)</script>".repeat(12_000);
    vec![
        ("a 1 MB line", line),
        (
            "a 10 MB text",
            address.repeat(10_000_000 / address.len() + 1),
        ),
        (
            "10,000 `>`",
            format!("{} 深い引用です。", ">".repeat(10_000)),
        ),
        (
            "10,000 list levels",
            format!("{}深いリスト。", "- ".repeat(10_000)),
        ),
        (
            "10,000 ordered list levels",
            format!("{}深い。", "1. ".repeat(10_000)),
        ),
        (
            "10,000 nested divs",
            format!("{}本文。", "<div>".repeat(10_000)),
        ),
        (
            "10,000 emphasis marks",
            format!("{0}強調{0}", "*".repeat(10_000)),
        ),
        (
            "10,000 open brackets",
            format!("{}リンク", "[".repeat(10_000)),
        ),
        ("10,000 links", "[a](javascript:x)".repeat(10_000)),
        ("10,000 open cues", "[[".repeat(10_000)),
        ("10,000 open rubies", format!("{}|", "{".repeat(10_000))),
        ("100,000 pauses", "[[間]]".repeat(100_000)),
        ("100,000 lines", "あ。\n".repeat(100_000)),
        ("100,000 bidi overrides", "\u{202E}逆".repeat(100_000)),
    ]
}

#[test]
fn huge_and_deep_drafts_finish_quickly_and_export_nothing_dangerous() {
    for (name, text) in generated() {
        let started = Instant::now();
        let script = podium::script::parse(&text);
        podium::timing::estimate(&script, &TimingOptions::default());
        podium::lint::lint(&text, &script, &LintConfig::default());
        for profile in ExportProfile::ALL {
            let options = ExportOptions {
                ruby: RubyStyle::Tags,
                ..ExportOptions::new(profile)
            };
            checks::export_one(&script, &options);
        }
        let took = started.elapsed();
        println!("hostile: {name}: {:.2} s", took.as_secs_f64());
        assert!(took < budget(text.len()), "{name} took {took:?}");
    }
}
