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

use super::{LintConfig, Notes, PassageChecks, Report, Rule, WordContext};
use crate::japanese::furigana::{self, Confidence, Judgement};
use crate::japanese::mora::is_kanji;
use crate::japanese::numbers;
use crate::japanese::{Word, WordClass};
use crate::passage::{Passage, PassageKind};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// What the draft-wide word rules need from one passage.
#[derive(Debug)]
pub(super) struct WordChecks {
    /// Words judged for furigana, in the passage's order (each spelling once).
    furigana: Vec<Judgement>,
    /// Words that may be spelt more than one way.
    spellings: Vec<Spelling>,
    /// Words of the homophone pairs in the passage, each with where it is: a hint is given
    /// only when the draft has both words of a pair (「市立」 alone is not confused).
    homophones: Vec<(&'static str, Range<usize>)>,
}

/// The rules on one passage's words; returns what the draft-wide rules compare.
pub(super) fn check(passage: &Passage, context: WordContext, notes: &mut Notes) -> WordChecks {
    particles(passage, context.words, notes);
    WordChecks {
        furigana: furigana::judge(passage, context.words, context.dictionary, context.user),
        spellings: spellings(context.words),
        homophones: homophone_words(context.words),
    }
}

/// The word rules that compare passages: furigana on a word's first occurrence in the draft,
/// and 表記ゆれ.
pub(super) fn check_draft(checked: &[(&Passage, &PassageChecks)], report: &mut Report) {
    let worded: Vec<(&Passage, &WordChecks)> = checked
        .iter()
        .filter_map(|(p, c)| c.words.as_ref().map(|w| (*p, w)))
        .collect();
    // Read from the whole draft only when there is a suggestion to weigh (most keystrokes
    // have none).
    let own = std::cell::OnceCell::new();
    let own = || own.get_or_init(|| own_names(worded.iter().map(|(p, _)| p.text.as_str())));
    let mut judged: HashSet<&str> = HashSet::new();
    for (passage, checks) in &worded {
        // The speaker's own name and title (「青梅市長　大勢待利明」) need no furigana.
        if is_signature(&passage.text) {
            continue;
        }
        for judgement in &checks.furigana {
            if !judged.insert(judgement.written.as_str()) {
                continue;
            }
            let Some(s) = &judgement.suggestion else {
                continue;
            };
            if own().contains(s.written.as_str()) {
                continue;
            }
            let (message, fix) = match s.confidence {
                Confidence::Sure => (
                    format!(
                        "ふりがな「{}」を付けますか（{}）。",
                        s.reading,
                        s.reason.message()
                    ),
                    Some((s.range.clone(), s.replacement.clone())),
                ),
                // Never one click: a wrong reading published is worse than none.
                Confidence::Check => (
                    format!(
                        "「{}」の読みを確かめて、ふりがなを付けてください（候補：{}。{}）。",
                        s.written,
                        s.choices.join("・"),
                        s.reason.message()
                    ),
                    None,
                ),
            };
            report.add(Rule::Furigana, message, passage, s.range.clone(), fix);
        }
    }
    variants(&worded, report);
    homophones(&worded, report);
}

/// What names the speaker's own town, office or assembly (八戸 in 「八戸市職員」, 壮瞥 in
/// 「壮瞥町長」).
const OWN: &[&str] = &[
    "市長",
    "町長",
    "村長",
    "区長",
    "知事",
    "市民",
    "町民",
    "村民",
    "県民",
    "都民",
    "道民",
    "府民",
    "市職員",
    "町職員",
    "村職員",
    "県職員",
    "市議会",
    "町議会",
    "村議会",
    "県議会",
    "市役所",
    "町役場",
    "村役場",
    "県庁",
    "市政",
    "町政",
    "村政",
    "県政",
];

/// The names the draft shows as the speaker's own: the run of kanji before an [`OWN`] word,
/// and the one before 市, 町 or 村 when the draft names it twice (「瑞穂市では…瑞穂市を」),
/// each with every tail of it (「平成29年郡上市民」 gives 郡上).
fn own_names<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> HashSet<&'a str> {
    let run_before = |text: &'a str, at: usize| -> &'a str {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_kanji(*c))
            .take(8)
            .last()
            .map_or(at, |(i, _)| i);
        &text[start..at]
    };
    let tails = |run: &'a str| run.char_indices().map(move |(i, _)| &run[i..]);
    let mut names = HashSet::new();
    let mut towns: HashMap<&str, usize> = HashMap::new();
    for text in texts {
        for own in OWN {
            for (at, _) in text.match_indices(own) {
                names.extend(tails(run_before(text, at)));
            }
        }
        for (at, _) in text.match_indices(['市', '町', '村']) {
            for tail in tails(run_before(text, at)) {
                *towns.entry(tail).or_default() += 1;
            }
        }
    }
    names.extend(
        towns
            .into_iter()
            .filter(|(_, n)| *n >= 2)
            .map(|(name, _)| name),
    );
    names
}

/// A line that signs the speech or heads it with the speaker: short, no sentence end, a title.
fn is_signature(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() <= 30
        && !text.contains(['。', '！', '？'])
        && ["市長", "町長", "村長", "区長", "知事"]
            .iter()
            .any(|t| text.contains(t))
}

/// The particles whose repeat in a sentence is reported. In real speeches a repeated に, が,
/// と or は sat almost always in a clause inside the sentence (「災害に遭われた方々に」,
/// 「地震が起こっているのが現状」), which the ear takes in its stride; a repeated で is
/// two meanings at once (「材料不足で代替素材で」), and a repeated を is reported where one
/// of them can go (see [`droppable_wo`]).
fn heard_twice(word: &Word) -> bool {
    match word.surface.as_str() {
        "で" => word.detail == "格助詞",
        "を" => true,
        _ => false,
    }
}

/// The most characters between a particle and its repeat for the repeat to be heard as one
/// (「心から期待を…お祝いを」); further apart, the ear has moved on.
const MAX_PARTICLE_GAP: usize = 12;

/// The を at `at` is the one of a サ変 noun before する (「期待をしております」): it can go
/// (「期待しております」), which is the fix for a repeated を.
fn droppable_wo(words: &[Word], at: usize) -> bool {
    let (Some(noun), Some(verb)) = (at.checked_sub(1).map(|i| &words[i]), words.get(at + 1)) else {
        return false;
    };
    noun.class == WordClass::Noun
        && noun.detail == "サ変接続"
        && noun.range.end == words[at].range.start
        && verb.class == WordClass::Verb
        && verb.base == "する"
        && words[at].range.end == verb.range.start
}

fn particles(passage: &Passage, words: &[Word], notes: &mut Notes) {
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
            notes.add(
                Rule::DoubledParticle,
                message,
                prev.range.start..word.range.end,
                fix,
            );
        } else if passage.kind == PassageKind::Sentence && heard_twice(word) && !joined {
            let near = |first: usize| {
                passage
                    .text
                    .get(words[first].range.end..word.range.start)
                    .is_some_and(|between| between.chars().count() <= MAX_PARTICLE_GAP)
            };
            if let Some(&first) = seen.get(&key).filter(|&&first| near(first)) {
                let heard = super::excerpt(&passage.text[words[first].range.start..word.range.end]);
                if word.surface == "で" {
                    let message = format!(
                        "一文に助詞「で」が二度出てきます（「{heard}」）。言い換えると聞きやすくなります。"
                    );
                    notes.add(Rule::RepeatedParticle, message, word.range.clone(), None);
                } else if let Some(at) = [first, index]
                    .into_iter()
                    .find(|&at| droppable_wo(words, at))
                {
                    let noun = &words[at - 1].surface;
                    let message = format!(
                        "一文に助詞「を」が二度出てきます（「{heard}」）。「{noun}を」は「{noun}」だけで言えます。"
                    );
                    let fix = Some((words[at].range.clone(), String::new()));
                    notes.add(
                        Rule::RepeatedParticle,
                        message,
                        words[at].range.clone(),
                        fix,
                    );
                }
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

/// The words of the passage that belong to a homophone pair.
fn homophone_words(words: &[Word]) -> Vec<(&'static str, Range<usize>)> {
    words
        .iter()
        .filter_map(|word| {
            HOMOPHONES
                .iter()
                .find_map(|(w, other, _)| {
                    [*w, *other]
                        .into_iter()
                        .find(|candidate| *candidate == word.surface)
                })
                .map(|surface| (surface, word.range.clone()))
        })
        .collect()
}

/// A homophone hint on the first occurrence of a word whose partner is also in the draft.
fn homophones(worded: &[(&Passage, &WordChecks)], report: &mut Report) {
    let present: HashSet<&str> = worded
        .iter()
        .flat_map(|(_, checks)| checks.homophones.iter().map(|(w, _)| *w))
        .collect();
    let mut reported = HashSet::new();
    for (passage, checks) in worded {
        for (surface, range) in &checks.homophones {
            let Some((_, other, hint)) = HOMOPHONES
                .iter()
                .find(|(w, other, _)| w == surface && present.contains(other))
            else {
                continue;
            };
            if !reported.insert(*surface) {
                continue;
            }
            let message = format!(
                "「{surface}」と「{other}」が同じ原稿にあります。耳で聞くと区別しにくい語です。{hint}。"
            );
            report.add(Rule::Homophone, message, passage, range.clone(), None);
        }
    }
}

/// A word that may be spelt more than one way: a noun, verb or adjective the dictionary knows,
/// written with kanji.
#[derive(Debug)]
struct Spelling {
    class: WordClass,
    reading: String,
    /// Its kanji, in order: 取組 and 取り組み share 取組.
    kanji: String,
    surface: String,
    range: Range<usize>,
}

fn spellings(words: &[Word]) -> Vec<Spelling> {
    words
        .iter()
        .filter(|word| {
            matches!(
                word.class,
                WordClass::Noun | WordClass::Verb | WordClass::Adjective
            ) && word.known
        })
        .filter_map(|word| {
            let kanji: String = word.surface.chars().filter(|c| is_kanji(*c)).collect();
            Some(Spelling {
                class: word.class,
                reading: word.reading.clone().filter(|_| !kanji.is_empty())?,
                kanji,
                surface: word.surface.clone(),
                range: word.range.clone(),
            })
        })
        .collect()
}

/// 表記ゆれ: the same word (class, reading, kanji) spelt differently.
fn variants(worded: &[(&Passage, &WordChecks)], report: &mut Report) {
    type Key<'a> = (WordClass, &'a str, &'a str);
    let mut groups: HashMap<Key, Vec<(&Passage, &Spelling)>> = HashMap::new();
    for (passage, checks) in worded {
        for s in &checks.spellings {
            groups
                .entry((s.class, s.reading.as_str(), s.kanji.as_str()))
                .or_default()
                .push((passage, s));
        }
    }
    let mut keys: Vec<Key> = groups.keys().copied().collect();
    keys.sort();
    for key in keys {
        let spellings = &groups[&key];
        let mut tally: Vec<(&str, usize, usize)> = Vec::new();
        for (order, (_, s)) in spellings.iter().enumerate() {
            match tally.iter_mut().find(|(t, _, _)| *t == s.surface) {
                Some(entry) => entry.1 += 1,
                None => tally.push((&s.surface, 1, order)),
            }
        }
        if tally.len() < 2 {
            continue;
        }
        tally.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let preferred = tally[0].0;
        for (passage, s) in spellings {
            if s.surface == preferred {
                continue;
            }
            let message = format!(
                "表記ゆれ：「{}」と「{}」が混在しています。",
                s.surface, preferred
            );
            let fix =
                (s.class == WordClass::Noun).then(|| (s.range.clone(), preferred.to_string()));
            report.add(
                Rule::NotationVariant,
                message,
                passage,
                s.range.clone(),
                fix,
            );
        }
    }
}

/// More than `max_kanji_run` kanji in a row: hard to follow by ear — unless the run holds a
/// name (伊吹山文化資料館, an official name is said as it is), which `words` tell when the
/// dictionary is there.
/// How the names of institutions, events, budgets, declarations and statistics end: an
/// official name the writer cannot change (緊急消防援助隊, 卒業証書授与式, 令和6年度当初予算案,
/// 地域別将来推計人口), not a run to split. A program's name (…推進事業) is left to the rule: it
/// is the writer's to say in words.
const OFFICIAL_ENDINGS: &[&str] = &[
    "式",
    "交付",
    "大会",
    "会議",
    "委員会",
    "委員長",
    "議会",
    "隊",
    "団",
    "所",
    "庁",
    "局",
    "課",
    "室",
    "署",
    "予算",
    "予算案",
    "条例",
    "宣言",
    "都市圏",
    "推計人口",
];

pub(super) fn kanji_runs(
    passage: &Passage,
    config: &LintConfig,
    words: Option<&[Word]>,
    notes: &mut Notes,
) {
    let text = &passage.text;
    let mut run_start = None;
    let mut count = 0;
    let names = |range: Range<usize>| {
        words.is_some_and(|words| {
            let first = words.partition_point(|w| w.range.end <= range.start);
            words[first..]
                .iter()
                .take_while(|w| w.range.start < range.end)
                .any(|w| w.class == WordClass::ProperNoun || w.detail == "固有名詞")
        })
    };
    let official = |start: usize, end: usize| {
        OFFICIAL_ENDINGS
            .iter()
            .any(|ending| text[start..end].ends_with(ending))
    };
    let flush = |start: Option<usize>, end: usize, count: usize, notes: &mut Notes| {
        if let Some(start) =
            start.filter(|s| count > config.max_kanji_run && !names(*s..end) && !official(*s, end))
        {
            let message = format!(
                "漢字が{count}字続いています（目安{}字まで）。耳で聞き取りやすいように、助詞を補うなどして分けましょう。",
                config.max_kanji_run
            );
            notes.add(Rule::KanjiRun, message, start..end, None);
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
            flush(run_start.take(), at, count, notes);
        }
    }
    flush(run_start, text.len(), count, notes);
}
