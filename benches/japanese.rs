//! Japanese depth (`make bench`): words, readings, word rules and mora timing of a long speech.
//!
//! Budgets (issue 5): tokenising and analysing a 20,000-character speech ≤ 30 ms; a
//! keystroke's re-analysis of the edited section (its other sentences' words cached) ≤ 5 ms;
//! loading the built dictionary (warm) ≤ 50 ms. Also printed: the whole draft re-analysed after
//! a keystroke (what the app does now, debounced), with the words of unchanged sentences cached. The dictionary is built from mecab-ipadic into the target
//! folder the first time (the tests share it).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use podium::analysis::{analyse_with_words, AnalysisOptions, Words};
use podium::japanese::dictionary;
use podium::japanese::{Morphology, UserReadings};
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

    c.bench_function("tokenise + analyse, 20,000 chars (no cached words)", |b| {
        b.iter_batched(
            || Morphology::new(dictionary::load(&folder).unwrap()),
            |morphology| {
                let words = Words {
                    morphology: &morphology,
                    user: &user,
                };
                let analysis = analyse_with_words(black_box(&speech), &options, words);
                black_box((analysis.morae, analysis.findings.len()))
            },
            BatchSize::PerIteration,
        )
    });

    let morphology = Morphology::new(loaded);
    let words = Words {
        morphology: &morphology,
        user: &user,
    };
    analyse_with_words(&speech, &options, words);
    // The edited section alone: what re-analysing only that section costs.
    let section_start = speech.find("\n## ").map_or(0, |i| i + 1);
    let section_end = speech[section_start + 3..]
        .find("\n## ")
        .map_or(speech.len(), |i| section_start + 3 + i + 1);
    let section = &speech[section_start..section_end];
    let in_section = section.find("職員の皆さん、").expect("an edit point");
    analyse_with_words(section, &options, words);
    let mut typed = 0u64;
    c.bench_function("keystroke: re-analyse the edited section only", |b| {
        b.iter(|| {
            typed += 1;
            let mut edited = section.to_string();
            edited.insert_str(in_section, &format!("{}", typed % 10_000));
            black_box(analyse_with_words(&edited, &options, words).morae)
        })
    });
    println!("edited section: {} characters", section.chars().count());

    let at = speech.find("職員の皆さん、").expect("an edit point");
    let mut keystroke = 0u64;
    c.bench_function(
        "keystroke: re-analyse the whole draft, one sentence split again",
        |b| {
            b.iter(|| {
                keystroke += 1;
                let mut edited = speech.clone();
                edited.insert_str(at, &format!("{}", keystroke % 10_000));
                let analysis = analyse_with_words(&edited, &options, words);
                black_box(analysis.morae)
            })
        },
    );
}

criterion_group!(benches, japanese);
criterion_main!(benches);
