//! Furigana suggestions: words a reader may stumble on get a suggested `{漢字|よみ}`.
//!
//! A word needs ruby when it is written with kanji outside the 常用漢字 (躊躇, 亨), when the
//! dictionary rates a word of two characters or more rare (a word cost of [`RARE_COST`] or
//! more), or when it is the name of a person or place (read many ways). The office's reading dictionary
//! gives the reading of its entries (白井亨 → しらいとおる). Only the first occurrence in a
//! draft is suggested, and never inside existing ruby. Words of Podium's speech vocabulary
//! (本市, 減災 …) are the office's everyday words and never get ruby.
//!
//! A suggestion says how sure it is ([`Confidence`]): ruby from the office's dictionary, or a
//! word the dictionary reads one way only, can be inserted with one click; a name (下妻 is
//! しもつま, not the dictionary's しもづま) or a spelling read several ways (市場) is only
//! offered for checking, with the readings to choose from, because a wrong reading published
//! with one click is worse than none.

use super::dictionary::Dictionary;
use super::joyo::{is_first_level, is_joyo};
use super::mora::{is_kanji, to_hiragana};
use super::readings::UserReadings;
use super::words::{Word, WordClass};
use crate::passage::Passage;
use std::collections::HashSet;
use std::ops::Range;

/// Places every speaker reads at sight: the prefectures, the designated cities and the regions
/// a national news bulletin names, and the countries it names most. The speaker's own town
/// is known from the draft itself (see the lint's furigana rule).
const WELL_KNOWN_PLACES: &[&str] = &[
    "北海道",
    "青森",
    "岩手",
    "宮城",
    "秋田",
    "山形",
    "福島",
    "茨城",
    "栃木",
    "群馬",
    "埼玉",
    "千葉",
    "東京",
    "神奈川",
    "新潟",
    "富山",
    "石川",
    "福井",
    "山梨",
    "長野",
    "岐阜",
    "静岡",
    "愛知",
    "三重",
    "滋賀",
    "京都",
    "大阪",
    "兵庫",
    "奈良",
    "和歌山",
    "鳥取",
    "島根",
    "岡山",
    "広島",
    "山口",
    "徳島",
    "香川",
    "愛媛",
    "高知",
    "福岡",
    "佐賀",
    "長崎",
    "熊本",
    "大分",
    "宮崎",
    "鹿児島",
    "沖縄",
    "札幌",
    "仙台",
    "さいたま",
    "横浜",
    "川崎",
    "相模原",
    "名古屋",
    "神戸",
    "北九州",
    "浜松",
    "堺",
    "日本",
    "東日本",
    "西日本",
    "東北",
    "関東",
    "中部",
    "近畿",
    "関西",
    "中国",
    "四国",
    "九州",
    "能登",
    "能登半島",
    "首都圏",
    "韓国",
    "米国",
    "英国",
    "台湾",
    "北朝鮮",
];

/// IPADIC word costs at or above this are rare words (common words cost under 6,000).
pub const RARE_COST: i16 = 8000;

/// Why ruby is suggested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Written with kanji outside the 常用漢字.
    NotJoyo,
    Rare,
    ProperNoun,
    /// The office's reading dictionary has it.
    UserDictionary,
}

impl Reason {
    pub fn message(self) -> &'static str {
        match self {
            Reason::NotJoyo => "常用漢字にない漢字です",
            Reason::Rare => "あまり使われない語です",
            Reason::ProperNoun => "固有名詞です",
            Reason::UserDictionary => "読みの辞書にある語です",
        }
    }
}

/// How sure a suggested reading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    /// The office's dictionary, or the only reading the dictionary knows of a common word.
    Sure,
    /// A name, or a spelling read several ways: for the writer to check, never inserted.
    Check,
}

/// A suggested ruby over a range of a passage's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The range of the passage text that the ruby replaces.
    pub range: Range<usize>,
    /// `{漢字|よみ}` followed by any trailing kana of the word (躊躇う → `{躊躇|ためら}う`).
    pub replacement: String,
    pub written: String,
    pub reading: String,
    pub reason: Reason,
    pub confidence: Confidence,
    /// Every reading the dictionary knows (hiragana), the suggested one first, when unsure.
    pub choices: Vec<String>,
}

/// A word of a passage judged for furigana: its spelling, and the ruby it needs if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub written: String,
    pub suggestion: Option<Suggestion>,
}

/// The words of one passage that need judging, each spelling once, in order: the office's
/// entries first, then the dictionary's words. A draft suggests ruby only where a spelling
/// is first judged (see the lint's furigana rule).
pub(crate) fn judge(
    passage: &Passage,
    words: &[Word],
    dictionary: &Dictionary,
    user: &UserReadings,
) -> Vec<Judgement> {
    let text = passage.text.as_str();
    // Rubies and the office's entries are in text order without overlaps: a binary search
    // finds the one that could overlap a word (a scan per word was quadratic).
    let in_ruby = |range: &Range<usize>| overlaps_any(&passage.rubies, range);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let users = user.find(text);
    for (range, kana) in &users {
        let written = &text[range.clone()];
        if in_ruby(range) || !written.chars().any(is_kanji) || !seen.insert(written) {
            continue;
        }
        out.push(Judgement {
            written: written.to_string(),
            suggestion: Some(ruby(range.clone(), written, kana, Reason::UserDictionary)),
        });
    }
    let vocabulary = super::vocabulary::find(text, words);
    // A reading the text gives in brackets (伊調馨（いちょう・かおり）) needs no furigana.
    let bracketed = super::readings::bracketed(text, words);
    let mut previous: Option<&Word> = None;
    for word in words {
        let range = word.range.clone();
        // A counter after a number (1月, 3点) is read by the number reader.
        let after_number = previous.is_some_and(|p| p.class == WordClass::Number);
        // 周南市 split as 周 + 南市: no name of its own.
        let cut_name = word.class == WordClass::ProperNoun
            && word.surface.ends_with(['市', '町', '村'])
            && previous.is_some_and(|p| {
                p.range.end == range.start && p.surface.chars().next_back().is_some_and(is_kanji)
            });
        previous = Some(word);
        if after_number
            || cut_name
            || in_ruby(&range)
            || overlaps_any(&users, &range)
            || overlaps_any(&vocabulary, &range)
            || !word.surface.chars().any(is_kanji)
            || !seen.insert(&word.surface)
        {
            continue;
        }
        // Read in the brackets after it: judged, and known for the rest of the draft.
        if overlaps_any(&bracketed, &range) {
            out.push(Judgement {
                written: word.surface.clone(),
                suggestion: None,
            });
            continue;
        }
        let suggestion = reason(word, dictionary).and_then(|reason| {
            let reading = word.reading.as_deref()?;
            let mut suggestion = ruby(range, &word.surface, reading, reason);
            let readings = dictionary.readings_of(&word.surface);
            // A lone kanji and a name are read many ways (平昌's 昌 is not あきら).
            let lone = word.surface.chars().count() == 1;
            if reason == Reason::ProperNoun
                || word.class == WordClass::ProperNoun
                || lone
                || !word.known
                || readings.len() > 1
            {
                suggestion.confidence = Confidence::Check;
                suggestion.choices = std::iter::once(reading.to_string())
                    .chain(readings.into_iter().filter(|r| r != reading))
                    .map(|r| to_hiragana(&r))
                    .collect();
            }
            Some(suggestion)
        });
        out.push(Judgement {
            written: word.surface.clone(),
            suggestion,
        });
    }
    out
}

/// Whether `range` overlaps one of `sorted`: ranges (with a value) in order, not overlapping.
fn overlaps_any<T>(sorted: &[(Range<usize>, T)], range: &Range<usize>) -> bool {
    let first = sorted.partition_point(|(r, _)| r.end <= range.start);
    sorted
        .get(first)
        .is_some_and(|(r, _)| r.start < range.end && range.start < r.end)
}

fn reason(word: &Word, dictionary: &Dictionary) -> Option<Reason> {
    if matches!(
        word.class,
        WordClass::Number | WordClass::Counter | WordClass::Symbol
    ) || WELL_KNOWN_PLACES.contains(&word.surface.as_str())
    {
        return None;
    }
    // Outside the table: a name, or a word with a kanji beyond everyday print (任怨分謗);
    // 叩く, 揃う, 舵取り are read at sight.
    let outside = |c: char| is_kanji(c) && !is_joyo(c) && c != '々';
    if word.surface.chars().any(outside)
        && (word.class == WordClass::ProperNoun
            || word
                .surface
                .chars()
                .any(|c| outside(c) && !is_first_level(c)))
    {
        return Some(Reason::NotJoyo);
    }
    let long = word.surface.chars().count() > 1;
    if word.class == WordClass::ProperNoun
        && word.known
        && long
        && matches!(word.detail2.as_str(), "人名" | "地域")
    {
        return Some(Reason::ProperNoun);
    }
    // One kanji alone is often a rare reading's entry of a common character (間 ま, 場 ば),
    // and a verb's stem with its kana (始め, 負け) is read at sight: only nouns of two kanji
    // or more count as rare.
    let kanji = word.surface.chars().filter(|c| is_kanji(*c)).count();
    dictionary
        .cost(word)
        .filter(|cost| {
            kanji >= 2
                && matches!(word.class, WordClass::Noun | WordClass::ProperNoun)
                && *cost >= RARE_COST
        })
        .map(|_| Reason::Rare)
}

/// Ruby over the word without its trailing kana, which both the text and the reading share.
fn ruby(range: Range<usize>, written: &str, reading: &str, reason: Reason) -> Suggestion {
    let reading = to_hiragana(reading);
    let written_chars: Vec<char> = written.chars().collect();
    let reading_chars: Vec<char> = reading.chars().collect();
    let mut shared = 0;
    while shared < written_chars.len().saturating_sub(1)
        && shared < reading_chars.len().saturating_sub(1)
        && to_hiragana(&written_chars[written_chars.len() - 1 - shared].to_string())
            == reading_chars[reading_chars.len() - 1 - shared].to_string()
    {
        shared += 1;
    }
    let base: String = written_chars[..written_chars.len() - shared]
        .iter()
        .collect();
    let tail: String = written_chars[written_chars.len() - shared..]
        .iter()
        .collect();
    let kana: String = reading_chars[..reading_chars.len() - shared]
        .iter()
        .collect();
    Suggestion {
        range,
        replacement: format!("{{{base}|{kana}}}{tail}"),
        written: base,
        reading: kana,
        reason,
        confidence: Confidence::Sure,
        choices: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_kana_stay_outside_the_ruby() {
        let s = ruby(0..9, "躊躇う", "タメラウ", Reason::NotJoyo);
        assert_eq!(s.replacement, "{躊躇|ためら}う");
        let s = ruby(0..9, "白井亨", "シライトオル", Reason::UserDictionary);
        assert_eq!(s.replacement, "{白井亨|しらいとおる}");
    }

    #[test]
    fn a_word_inside_ruby_is_found_by_bisection() {
        let rubies: Vec<(Range<usize>, ())> = (0..10_000).map(|i| (i * 6..i * 6 + 3, ())).collect();
        assert!(overlaps_any(&rubies, &(0..1)));
        assert!(overlaps_any(&rubies, &(4..7)));
        assert!(overlaps_any(&rubies, &(59_990..59_999)));
        assert!(!overlaps_any(&rubies, &(3..6)));
        assert!(!overlaps_any(&rubies, &(59_997..60_000)));
        assert!(!overlaps_any::<()>(&[], &(0..1)));
    }
}
