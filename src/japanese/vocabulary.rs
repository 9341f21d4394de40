//! The speech vocabulary that ships with Podium: words of municipal and ceremonial speech whose
//! reading the morphological dictionary gets wrong (本市 ホンシ, 減災 ゲンサイ, 町政 チョウセイ),
//! and readings that depend on the words around them (方 after 「…の」 is カタ, 皆様方 is
//! ミナサマガタ; 中 after a verb or adjective is ナカ, 日本中 ニホンジュウ; 町 after a place name
//! is チョウ). It sits above the dictionary and below the office's own readings and the
//! writer's ruby.

use super::words::{Word, WordClass};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// `written<TAB>katakana` a line (`vocabulary.txt`).
const LIST: &str = include_str!("vocabulary.txt");

fn entries() -> &'static [(&'static str, &'static str)] {
    static ENTRIES: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let mut entries: Vec<(&str, &str)> = LIST
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| line.split_once('\t'))
            .collect();
        // Longest first: 町議会 before 町.
        entries.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        entries
    })
}

/// The entries by their first character, each list in the order of [`entries`] (a word is
/// compared only with the entries that start as it does: all of them for every word of a
/// long text was most of its reading time).
fn entries_by_first() -> &'static HashMap<char, Vec<(&'static str, &'static str)>> {
    static BY_FIRST: OnceLock<HashMap<char, Vec<(&'static str, &'static str)>>> = OnceLock::new();
    BY_FIRST.get_or_init(|| {
        let mut map: HashMap<char, Vec<(&str, &str)>> = HashMap::new();
        for &(written, kana) in entries() {
            if let Some(first) = written.chars().next() {
                map.entry(first).or_default().push((written, kana));
            }
        }
        map
    })
}

/// Where the list's words occur in `text` as whole words of the split (本市 in 「本市の」,
/// never in 「日本市場」, where it would straddle 日本 and 市場): (range, katakana).
pub(crate) fn find(text: &str, words: &[Word]) -> Vec<(Range<usize>, &'static str)> {
    let mut found = Vec::new();
    let mut index = 0;
    while index < words.len() {
        let start = words[index].range.start;
        let rest = &text[start..];
        let candidates = rest
            .chars()
            .next()
            .and_then(|first| entries_by_first().get(&first))
            .map_or(&[][..], Vec::as_slice);
        let hit = candidates.iter().find_map(|(written, kana)| {
            let end = start + written.len();
            (rest.starts_with(written)
                && words[index..]
                    .iter()
                    .take_while(|w| w.range.start < end)
                    .last()
                    .is_some_and(|w| w.range.end == end))
            .then_some((start..end, *kana))
        });
        match hit {
            Some((range, kana)) => {
                index += words[index..]
                    .iter()
                    .take_while(|w| w.range.start < range.end)
                    .count();
                found.push((range, kana));
            }
            None => index += 1,
        }
    }
    found
}

/// Words after which 方 is 「…ガタ」, the honorific plural (皆様方, 先生方).
const PEOPLE: &[&str] = &[
    "皆様",
    "皆さま",
    "皆さん",
    "みなさん",
    "みなさま",
    "先生",
    "先輩",
    "奥様",
    "あなた",
    "貴方",
    "親御さん",
    "来賓",
    "ご来賓",
    "議員",
    "委員",
    "諸先輩",
    "関係者",
];

/// Words before 「の方」 that make it a direction or a side (ホウ), not a person (カタ).
const SIDES: &[&str] = &[
    "私",
    "僕",
    "我々",
    "私ども",
    "私たち",
    "こちら",
    "そちら",
    "あちら",
    "どちら",
    "こっち",
    "そっち",
    "あっち",
    "市",
    "県",
    "町",
    "村",
    "国",
    "役所",
    "市役所",
    "県庁",
    "当方",
    "先方",
    "北",
    "南",
    "東",
    "西",
    "上",
    "下",
    "前",
    "後ろ",
    "右",
    "左",
    "奥",
    "手前",
    "山",
    "海",
    "川",
    "駅",
    "家",
    "会社",
    "事務局",
    "担当",
];

/// Words after which 中 is 「…ジュウ」, throughout (日本中, 一年中, 今年中).
const THROUGHOUT: &[&str] = &[
    "日本", "世界", "全国", "国", "一日", "一年", "年", "今年", "今日", "今月", "今週", "午前",
    "午後", "一晩", "夜", "体", "町", "家", "学校",
];

/// The reading of `words[index]` where the words around it decide it.
pub(crate) fn in_context(words: &[Word], index: usize) -> Option<&'static str> {
    let word = &words[index];
    let before = index.checked_sub(1).map(|i| &words[i]);
    let two_before = index.checked_sub(2).map(|i| &words[i]);
    match word.surface.as_str() {
        "方" => {
            let before = before?;
            if PEOPLE.contains(&before.surface.as_str())
                || before.surface.ends_with('様')
                || before.surface.ends_with("さん")
            {
                return Some("ガタ");
            }
            let person = match before.surface.as_str() {
                "の" => two_before.is_some_and(|w| !SIDES.contains(&w.surface.as_str())),
                "という" | "といった" => true,
                _ => false,
            };
            person.then_some("カタ")
        }
        "中" => {
            let before = before?;
            // お忙しい is one noun to the dictionary: an adjective's い ends it all the same.
            let adjectival = before.class == WordClass::Noun && before.surface.ends_with('い');
            if adjectival
                || matches!(
                    before.class,
                    WordClass::Verb
                        | WordClass::Adjective
                        | WordClass::Auxiliary
                        | WordClass::Adnominal
                )
            {
                Some("ナカ")
            } else if THROUGHOUT.contains(&before.surface.as_str()) {
                Some("ジュウ")
            } else {
                None
            }
        }
        "町" if before.is_some_and(|w| w.class == WordClass::ProperNoun) => Some("チョウ"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_by_first_character_are_all_entries_in_order() {
        let mut listed: Vec<(&str, &str)> =
            entries_by_first().values().flatten().copied().collect();
        listed.sort_by_key(|e| entries().iter().position(|x| x == e));
        assert_eq!(listed, entries());
        for list in entries_by_first().values() {
            let order: Vec<usize> = list
                .iter()
                .map(|e| entries().iter().position(|x| x == e).unwrap())
                .collect();
            assert!(order.windows(2).all(|w| w[0] < w[1]));
        }
    }
}
