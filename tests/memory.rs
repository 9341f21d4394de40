//! Peak memory per byte of draft (issue 18, item 3): parsing, the analysis and the HTML
//! exports hold at most [`MAX_HEAP_PER_BYTE`] bytes at once per byte of a draft, whatever its
//! elements — headings, sentences, cues, ruby, nested quotes and lists. Counted by the
//! allocator (the peak of bytes allocated), not timed. `make bench-pathological` measures the
//! release CLI on the same kinds of draft up to the 2 MiB limit.

use peak_alloc::PeakAlloc;
use podium::analysis::{analyse, AnalysisOptions};
use podium::export::{export, ExportOptions, ExportProfile};
use podium::script::parse;

#[global_allocator]
static PEAK: PeakAlloc = PeakAlloc;

/// Size of each draft (big enough that the elements, not the fixed costs, count).
const BYTES: usize = 192 * 1024;

/// Most heap held at once per byte of draft. Before issue 18's fixes: 155 (nested quotes and
/// lists: a pulldown-cmark node per level), 135 (an export of ruby: the sanitiser's tree of the
/// whole), 83 (`[[間]]`: a node per bracket), 72 (`<a `). Now at most 46, for drafts of short
/// headings, where each element's own structures are the rest (a `Section`, its heading, its
/// passage, its timing and outline entry: hundreds of bytes for a 14-byte line). The release
/// CLI's budget, 500 MB for a 2 MiB draft, is about 240 bytes of resident memory a byte; the
/// most any kind of draft takes there is 140 MB (`make bench-pathological`).
const MAX_HEAP_PER_BYTE: f64 = 48.0;

fn repeat_to(unit: &str, n: usize) -> String {
    unit.repeat((n / unit.len()).max(1))
}

fn cycle_to(items: &[&str], sep: &str, n: usize) -> String {
    let mut out = String::new();
    for item in items.iter().cycle() {
        if out.len() + item.len() + sep.len() > n {
            break;
        }
        out.push_str(item);
        out.push_str(sep);
    }
    out
}

/// The kinds of draft, as in `cli/benches/pathological.rs`.
fn drafts() -> Vec<(&'static str, String)> {
    let n = BYTES;
    vec![
        (
            "headings",
            cycle_to(&["## ① 人づくり", "## 結びに", "### 小見出し"], "\n", n),
        ),
        ("sentences", repeat_to("はい。", n)),
        ("pauses", repeat_to("[[間]]", n)),
        ("html-a", repeat_to("<a ", n)),
        ("ruby", repeat_to("{漢|かん}", n)),
        ("quotes", repeat_to(">", n) + " 引用です。\n"),
        ("lists", repeat_to("- ", n) + "項目です。\n"),
        (
            "variants",
            cycle_to(
                &["取組を進めます。", "取り組みを進めます。", "子供と子ども。"],
                "\n\n",
                n,
            ),
        ),
    ]
}

/// Peak heap of `work` beyond what was held before, per byte of `source`.
fn per_byte(source: &str, work: impl FnOnce(&str)) -> f64 {
    let before = PEAK.current_usage();
    PEAK.reset_peak_usage();
    work(source);
    PEAK.peak_usage().saturating_sub(before) as f64 / source.len() as f64
}

#[test]
fn use_cases_hold_a_bounded_amount_per_byte_of_draft() {
    let options = AnalysisOptions::default();
    let html = ExportOptions::new(ExportProfile::Html);
    let blog = ExportOptions::new(ExportProfile::Blog);
    let mut over = Vec::new();
    for (name, source) in drafts() {
        let figures = [
            ("parse", per_byte(&source, |s| drop(parse(s)))),
            ("analyse", per_byte(&source, |s| drop(analyse(s, &options)))),
            (
                "export html",
                per_byte(&source, |s| drop(export(&parse(s), &html))),
            ),
            (
                "export blog",
                per_byte(&source, |s| drop(export(&parse(s), &blog))),
            ),
        ];
        for (what, bytes) in figures {
            println!("{name:<10} {what:<12} {bytes:>6.1} bytes a byte");
            if bytes > MAX_HEAP_PER_BYTE {
                over.push(format!("{name} {what}: {bytes:.1}"));
            }
        }
    }
    assert!(
        over.is_empty(),
        "over {MAX_HEAP_PER_BYTE} bytes a byte: {over:?}"
    );
}
