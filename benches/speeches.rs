//! Podium on real speeches (tests/data/corpus, see its README): the figures issue 11 asks
//! for, printed by `make bench`. Words read right, numbers/dates/counters read right, the
//! mora count against independent counts, timing against line breaks, lint findings per
//! 1,000 characters and the share judged useful.
//!
//! `cargo bench -p podium --bench speeches` (the dictionary is built on first use).

#[path = "../tests/common/corpus.rs"]
mod corpus;

use podium::analysis::{analyse_with_words, AnalysisOptions, Words};
use podium::japanese::dictionary;
use podium::japanese::{mora, read_script, UserReadings};
use podium::script::parse;
use std::collections::BTreeMap;

fn main() {
    let cache = std::env::temp_dir().join("podium-bench-dictionary");
    let (dictionary, _) = dictionary::open(&dictionary::default_sources(), &cache)
        .expect("the dictionary: install mecab-ipadic (make deps)");
    let user = UserReadings::default();
    let words = Words {
        dictionary: &dictionary,
        user: &user,
    };
    let options = AnalysisOptions::default();
    let speeches = corpus::speeches();
    let characters: usize = speeches.iter().map(|s| s.text.chars().count()).sum();
    println!(
        "real speeches: {} speeches, {characters} characters (tests/data/corpus)",
        speeches.len()
    );

    // Gold items by class.
    let mut by_class: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut wrong: Vec<String> = Vec::new();
    for speech in &speeches {
        let readings = read_script(&dictionary, &user, &parse(&speech.text), &speech.text);
        for item in corpus::gold_items()
            .iter()
            .filter(|i| i.speech == speech.id)
        {
            let entry = by_class.entry(item.class.clone()).or_default();
            entry.1 += 1;
            let Some(range) = corpus::locate(speech, item) else {
                wrong.push(format!("{}: not found: {}", item.speech, item.context));
                continue;
            };
            let (ours, whole) =
                corpus::reading_of(&readings, &range, &speech.text).unwrap_or_default();
            if corpus::item_right(&ours, &item.reading, whole) {
                entry.0 += 1;
            } else {
                wrong.push(format!(
                    "{} {}: {} → {} (gold {})",
                    item.class, item.speech, item.surface, ours, item.reading
                ));
            }
        }
    }
    let numeric = ["number", "date", "counter"];
    let (n_right, n_all) = by_class
        .iter()
        .filter(|(class, _)| numeric.contains(&class.as_str()))
        .fold((0, 0), |(r, a), (_, (r2, a2))| (r + r2, a + a2));
    println!(
        "  numbers/dates/counters read right: {n_right}/{n_all} ({:.1} %)",
        percent(n_right, n_all)
    );
    for (class, (right, all)) in &by_class {
        println!(
            "    {class:<8} {right}/{all} ({:.1} %)",
            percent(*right, *all)
        );
    }

    // Gold sentences: words read right.
    let (mut right, mut total, mut exact, mut gold_morae, mut our_morae) = (0, 0, 0, 0, 0);
    for gold in corpus::gold_sentences() {
        let speech = speeches.iter().find(|s| s.id == gold.speech).unwrap();
        let readings = read_script(&dictionary, &user, &parse(&gold.sentence), &gold.sentence);
        let _ = speech;
        for reading in &readings {
            let (r, t) = corpus::words_right(reading, &gold.reading);
            right += r;
            total += t;
            our_morae += reading.morae;
        }
        gold_morae += mora::count(&gold.reading);
        let ours: String = readings.iter().map(|r| r.kana()).collect();
        if corpus::as_heard(&ours) == corpus::as_heard(&gold.reading) {
            exact += 1;
        }
    }
    let sentences = corpus::gold_sentences().len();
    println!(
        "  words read right: {right}/{total} ({:.2} %); sentences read wholly right: {exact}/{sentences} ({:.1} %)",
        percent(right, total),
        percent(exact, sentences)
    );
    println!(
        "  morae of the gold sentences: Podium {our_morae}, hand-checked gold {gold_morae} ({:+.2} %)",
        (our_morae as f64 - gold_morae as f64) / gold_morae as f64 * 100.0
    );

    // Whole speeches: morae against UniDic, timing against line breaks, findings.
    let unidic = corpus::unidic_morae();
    let (mut ours_total, mut unidic_total) = (0usize, 0usize);
    let mut worst_break = 0.0f64;
    let mut findings: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let judged = corpus::judged_findings();
    let mut unjudged = 0;
    for speech in &speeches {
        let analysis = analyse_with_words(&speech.text, &options, words);
        let morae = analysis.morae.unwrap_or(0);
        ours_total += morae;
        if let Some((_, u)) = unidic.iter().find(|(id, _)| *id == speech.id) {
            unidic_total += u;
        }
        for (_, variant) in corpus::rebroken(&speech.text) {
            let other = analyse_with_words(&variant, &options, words);
            worst_break = worst_break.max((other.timing.seconds - analysis.timing.seconds).abs());
            if other.morae != analysis.morae {
                worst_break = worst_break.max(f64::INFINITY);
            }
        }
        for finding in &analysis.findings {
            let (count, useful) = findings.entry(finding.rule.id().to_string()).or_default();
            *count += 1;
            match corpus::judgement(&judged, &speech.id, finding) {
                Some(judgement) => *useful += usize::from(judgement.useful),
                None => unjudged += 1,
            }
        }
    }
    println!(
        "  morae of the whole speeches: Podium {ours_total}, UniDic {unidic_total} ({:+.2} %; UniDic reads digits one by one and skips unknown words)",
        (ours_total as f64 - unidic_total as f64) / unidic_total as f64 * 100.0
    );
    println!(
        "  timing against line breaks (joined, a sentence a line, broken at every 、): largest difference {worst_break:.3} s"
    );
    let count: usize = findings.values().map(|(n, _)| n).sum();
    let useful: usize = findings.values().map(|(_, u)| u).sum();
    println!(
        "  lint findings: {count} ({:.1} per 1,000 characters); judged useful: {useful}/{count} ({:.1} %){}",
        count as f64 * 1000.0 / characters as f64,
        percent(useful, count),
        if unjudged > 0 { format!("; {unjudged} not judged yet") } else { String::new() }
    );
    for (rule, (n, u)) in &findings {
        println!("    {rule:<24} {n:>3}  useful {u:>3}");
    }
    if std::env::var_os("PODIUM_CORPUS_VERBOSE").is_some() {
        for line in &wrong {
            println!("  wrong: {line}");
        }
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}
