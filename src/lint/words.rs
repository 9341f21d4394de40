//! Rules on words (with the morphological dictionary), and kanji runs.
//!
//! - `doubled-particle`: the same particle twice in a row (「計画をを」).
//! - `repeated-particle`: the same particle (surface and kind) twice in one sentence, as
//!   textlint's no-doubled-joshi reports it, with its exceptions: the の that links nouns
//!   (連体化), parallel particles (「AとBと」「AやBや」), 「も」 and 「か」 repeated on purpose
//!   (「AもBも」「AかBか」), the connective 「て」, a particle joined to the one before it
//!   (では, には). Read aloud, a 読点 is a breath: the count starts again after one.
//! - `notation-variant`: nouns, verbs and adjectives of the same reading and kanji written
//!   with other okurigana (取組/取り組み, 横串/横串し); the most frequent spelling is the fix.
//! - `homophone`: words easily confused by ear (市立/私立, 科学/化学), with a reading or a
//!   rewording to tell them apart.
//! - `furigana`: ruby suggestions ([`crate::japanese::furigana`]) with the fix that inserts it.
//! - `kanji-run` (no dictionary needed): more than `max_kanji_run` kanji in a row (kanji
//!   numerals end a run: they are read as a number).

use super::{LintConfig, Passage, PassageKind, Report, Rule};
use crate::japanese::mora::is_kanji;
use crate::japanese::{furigana, numbers};
use crate::japanese::{Dictionary, UserReadings, Word, WordClass, WordedPassage};
use std::collections::{HashMap, HashSet};

pub(super) fn check(
    passages: &[WordedPassage],
    dictionary: &Dictionary,
    user: &UserReadings,
    report: &mut Report,
) {
    let mut suggested = HashSet::new();
    for p in passages {
        particles(&p.passage, &p.words, report);
        homophones(&p.passage, &p.words, report);
        for s in furigana::suggest(p, dictionary, user, &mut suggested) {
            let message = format!(
                "ふりがな「{}」を付けますか（{}）。",
                s.reading,
                s.reason.message()
            );
            let fix = Some((s.range.clone(), s.replacement));
            report.add(Rule::Furigana, message, &p.passage, s.range, fix);
        }
    }
    variants(passages, report);
}

/// Whether a particle may be said twice in a sentence.
fn repeatable(word: &Word) -> bool {
    matches!(word.detail.as_str(), "連体化" | "並立助詞")
        || matches!(word.surface.as_str(), "も" | "か")
        || (word.detail == "接続助詞" && matches!(word.surface.as_str(), "て" | "で"))
}

fn particles(passage: &Passage, words: &[Word], report: &mut Report) {
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    let mut previous: Option<&Word> = None;
    for (index, word) in words.iter().enumerate() {
        if matches!(word.surface.as_str(), "、" | "，" | "､") {
            seen.clear();
        }
        if word.class != WordClass::Particle {
            previous = Some(word);
            continue;
        }
        // では, には, とは: the second particle belongs to the first.
        let joined = previous.is_some_and(|p| {
            p.class == WordClass::Particle
                && p.range.end == word.range.start
                && p.surface != word.surface
        });
        let key = (word.surface.as_str(), word.detail.as_str());
        if let Some(prev) = previous.filter(|p| {
            p.class == WordClass::Particle
                && p.surface == word.surface
                && p.range.end == word.range.start
        }) {
            let message = format!("助詞「{}」が重なっています。", word.surface);
            let fix = Some((word.range.clone(), String::new()));
            report.add(
                Rule::DoubledParticle,
                message,
                passage,
                prev.range.start..word.range.end,
                fix,
            );
        } else if passage.kind == PassageKind::Sentence && !repeatable(word) && !joined {
            if let Some(&first) = seen.get(&key) {
                let message = format!(
                    "一文に助詞「{}」が二度出てきます（「{}」）。言い換えると聞きやすくなります。",
                    word.surface,
                    passage.text[words[first].range.start..word.range.end].trim()
                );
                report.add(
                    Rule::RepeatedParticle,
                    message,
                    passage,
                    word.range.clone(),
                    None,
                );
            }
        }
        seen.insert(key, index);
        previous = Some(word);
    }
}

/// Words easily confused when heard, with how to tell them apart.
const HOMOPHONES: &[(&str, &str, &str)] = &[
    ("市立", "私立", "「いちりつ」と読むと区別できます"),
    ("私立", "市立", "「わたくしりつ」と読むと区別できます"),
    ("化学", "科学", "「ばけがく」と読むと区別できます"),
    ("科学", "化学", "文脈で区別できるか確かめてください"),
    ("首長", "市長", "「くびちょう」と読むと区別できます"),
    ("工業", "鉱業", "文脈で区別できるか確かめてください"),
    ("公演", "講演", "文脈で区別できるか確かめてください"),
    ("講演", "公演", "文脈で区別できるか確かめてください"),
    ("保健", "保険", "文脈で区別できるか確かめてください"),
    ("保険", "保健", "文脈で区別できるか確かめてください"),
    ("意思", "意志", "文脈で区別できるか確かめてください"),
    ("意志", "意思", "文脈で区別できるか確かめてください"),
    ("過程", "課程", "文脈で区別できるか確かめてください"),
    ("課程", "過程", "文脈で区別できるか確かめてください"),
    ("機会", "機械", "文脈で区別できるか確かめてください"),
    ("機械", "機会", "文脈で区別できるか確かめてください"),
    ("施行", "試行", "「せぎょう」と読む慣習もあります"),
    ("試行", "施行", "「試しに行う」と言い換えられます"),
    ("保障", "保証", "文脈で区別できるか確かめてください"),
    ("保証", "保障", "文脈で区別できるか確かめてください"),
    ("補償", "保障", "文脈で区別できるか確かめてください"),
    ("対象", "対照", "文脈で区別できるか確かめてください"),
    ("追及", "追求", "文脈で区別できるか確かめてください"),
    ("追求", "追及", "文脈で区別できるか確かめてください"),
    ("異常", "以上", "文脈で区別できるか確かめてください"),
    ("週間", "習慣", "文脈で区別できるか確かめてください"),
];

fn homophones(passage: &Passage, words: &[Word], report: &mut Report) {
    let mut reported = HashSet::new();
    for word in words {
        let Some((_, other, hint)) = HOMOPHONES.iter().find(|(w, _, _)| *w == word.surface) else {
            continue;
        };
        if !reported.insert(word.surface.as_str()) {
            continue;
        }
        let message = format!(
            "「{}」は耳で聞くと「{}」と区別しにくい語です。{}。",
            word.surface, other, hint
        );
        report.add(Rule::Homophone, message, passage, word.range.clone(), None);
    }
}

/// One spelling of a word in the draft.
struct Spelling<'a> {
    passage: &'a Passage,
    word: &'a Word,
}

/// 表記ゆれ: the same word (class, reading, kanji) spelt differently.
fn variants(passages: &[WordedPassage], report: &mut Report) {
    let mut groups: HashMap<(WordClass, String, String), Vec<Spelling>> = HashMap::new();
    for p in passages {
        for word in p.words.iter() {
            if !matches!(
                word.class,
                WordClass::Noun | WordClass::Verb | WordClass::Adjective
            ) || !word.known
            {
                continue;
            }
            let kanji: String = word.surface.chars().filter(|c| is_kanji(*c)).collect();
            if kanji.is_empty() {
                continue;
            }
            let Some(reading) = word.reading.clone() else {
                continue;
            };
            let key = reading;
            groups
                .entry((word.class, key, kanji))
                .or_default()
                .push(Spelling {
                    passage: &p.passage,
                    word,
                });
        }
    }
    let mut keys: Vec<_> = groups.keys().cloned().collect();
    keys.sort();
    for key in keys {
        let spellings = &groups[&key];
        let spelt = |s: &Spelling| -> String { s.word.surface.clone() };
        let mut tally: Vec<(String, usize, usize)> = Vec::new();
        for (order, s) in spellings.iter().enumerate() {
            let spelling = spelt(s);
            match tally.iter_mut().find(|(t, _, _)| *t == spelling) {
                Some(entry) => entry.1 += 1,
                None => tally.push((spelling, 1, order)),
            }
        }
        if tally.len() < 2 {
            continue;
        }
        tally.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let preferred = tally[0].0.clone();
        for s in spellings {
            if spelt(s) == preferred {
                continue;
            }
            let message = format!(
                "表記ゆれ：「{}」と「{}」が混在しています。",
                s.word.surface, preferred
            );
            let fix = (s.word.class == WordClass::Noun)
                .then(|| (s.word.range.clone(), preferred.clone()));
            report.add(
                Rule::NotationVariant,
                message,
                s.passage,
                s.word.range.clone(),
                fix,
            );
        }
    }
}

/// More than `max_kanji_run` kanji in a row: hard to follow by ear.
pub(super) fn kanji_runs(passage: &Passage, config: &LintConfig, report: &mut Report) {
    let text = &passage.text;
    let mut run_start = None;
    let mut count = 0;
    let flush = |start: Option<usize>, end: usize, count: usize, report: &mut Report| {
        if let Some(start) = start.filter(|_| count > config.max_kanji_run) {
            let message = format!(
                "漢字が{count}字続いています（目安{}字まで）。耳で聞き取りやすいように、助詞を補うなどして分けましょう。",
                config.max_kanji_run
            );
            report.add(Rule::KanjiRun, message, passage, start..end, None);
        }
    };
    for (at, c) in text.char_indices() {
        // Kanji numerals are read as a number: 市制施行七十周年 is two short runs.
        if is_kanji(c)
            && !numbers::starts_number(c)
            && !matches!(c, '十' | '百' | '千' | '万' | '億' | '兆')
        {
            if run_start.is_none() {
                run_start = Some(at);
                count = 0;
            }
            count += 1;
        } else {
            flush(run_start.take(), at, count, report);
        }
    }
    flush(run_start, text.len(), count, report);
}
