//! Japanese depth (`make bench`): words, readings, word rules and mora timing of a long speech.
//!
//! Budgets (issue 5): tokenising and analysing a 20,000-character speech ≤ 30 ms; a
//! keystroke's re-analysis ≤ 5 ms, which the app's `Analyser` meets by checking and reading
//! again only the passage the keystroke changed; loading the built dictionary (warm) ≤ 50 ms.
//! The dictionary is built from mecab-ipadic into the target folder the first time (the
//! tests share it).

use criterion::{criterion_group, criterion_main, Criterion};
use podium::analysis::{Analyser, AnalysisOptions, Words};
use podium::japanese::dictionary;
use podium::japanese::UserReadings;
use std::hint::black_box;
use std::path::Path;

const ADDRESS: &str = include_str!("../tests/data/address.md");

/// The address's sections repeated to 20,000 characters, each copy's paragraphs made
/// different (「その3、…」) so that no sentence is split only once for many.
fn long_speech() -> String {
    let body = ADDRESS
        .split_once("\n## ")
        .map_or(ADDRESS, |(_, rest)| rest);
    let mut speech = String::from("# 長い施政方針演説\n");
    let mut copy = 0;
    while speech.chars().count() < 20_000 {
        copy += 1;
        speech.push_str("\n## ");
        for line in body.lines() {
            let plain = !line.is_empty() && !line.starts_with(['#', '>', '-', '|']);
            if plain {
                speech.push_str(&format!("その{copy}、"));
            }
            speech.push_str(line);
            speech.push('\n');
        }
    }
    speech
}

fn japanese(c: &mut Criterion) {
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache/podium/dictionary");
    let (loaded, _) = dictionary::open(&dictionary::default_sources(), &cache)
        .expect("the dictionary: install mecab-ipadic");
    let folder = loaded.folder.clone();
    let speech = long_speech();
    let user = UserReadings::default();
    let options = AnalysisOptions::default();
    println!(
        "speech: {} characters, {} bytes",
        speech.chars().count(),
        speech.len()
    );

    c.bench_function("dictionary load (warm, memory-mapped)", |b| {
        b.iter(|| black_box(dictionary::load(&folder).unwrap()))
    });

    let words = Words {
        dictionary: &loaded,
        user: &user,
    };
    c.bench_function("tokenise + analyse, 20,000 chars (nothing kept)", |b| {
        b.iter(|| {
            let analysis = Analyser::default().analyse(black_box(&speech), &options, Some(words));
            black_box((analysis.morae, analysis.findings.len()))
        })
    });

    // The app's case: an analyser that has seen the draft; each keystroke changes one
    // sentence, which alone is split, checked and read again.
    let analyser = Analyser::default();
    analyser.analyse(&speech, &options, Some(words));
    let at = speech.find("職員の皆さん、").expect("an edit point");
    let mut keystroke = 0u64;
    c.bench_function(
        "keystroke: re-analyse the draft, one sentence changed",
        |b| {
            b.iter(|| {
                keystroke += 1;
                let mut edited = speech.clone();
                edited.insert_str(at, &format!("{}", keystroke % 10_000));
                let analysis = analyser.analyse(&edited, &options, Some(words));
                black_box(analysis.morae)
            })
        },
    );
}

criterion_group!(benches, japanese);
criterion_main!(benches);
