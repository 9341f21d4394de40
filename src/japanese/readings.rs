//! How a sentence is read aloud, in katakana.
//!
//! Each word's reading comes, in order of precedence, from:
//! 1. the draft's ruby (`{漢字|よみ}`), or a reading in brackets after the word as web pages
//!    write it (`鮪（まぐろ）`, read once);
//! 2. the office's reading dictionary (names: 白井亨 → シライトオル);
//! 3. Podium's speech vocabulary ([`super::vocabulary`]: 本市 → ホンシ, 関係の方 → カタ);
//! 4. the number and counter reader ([`super::numbers`]: 1月4日 → イチガツヨッカ, 4つ → ヨッツ);
//! 5. Latin letters read as a word or spelled out (GIGA → ギガ, SDGs → エスディージーズ,
//!    DX → ディーエックス), with any digits among them read as numbers (B-1 → ビーイチ);
//! 6. the morphological dictionary's pronunciation (は → ワ, おめでとう → オメデトー);
//! 7. kana read as written. What is left (a kanji word the dictionary does not know) has
//!    no reading; its morae are guessed at two a character. No digit, Latin letter or ASCII
//!    symbol is ever left in a reading.

use super::latin::{is_latin_letter, read_latin, read_letters_and_digits};
use super::mora;
use super::numbers;
use super::vocabulary;
use super::words::{Word, WordClass};
use crate::passage::Passage;
use crate::script::Span;
use serde::Serialize;
use std::ops::Range;
use std::sync::Arc;

/// Where a reading came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadingSource {
    Ruby,
    /// A reading written in brackets after the word (鮪（まぐろ）): the word is read once.
    Bracketed,
    UserDictionary,
    /// Podium's speech vocabulary (本市 ホンシ) or the words around it (関係の方 カタ).
    Vocabulary,
    Number,
    Latin,
    Dictionary,
    Kana,
    /// No reading known: the text is kept and its length guessed.
    Unknown,
    /// Punctuation and symbols: not read.
    Silent,
}

/// A stretch of a sentence and how it is read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadingPart {
    /// The text as printed.
    pub text: String,
    /// Katakana as read (empty for silent parts; the printed text for unknown ones).
    pub kana: String,
    pub source: ReadingSource,
    pub morae: usize,
}

/// One sentence as read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceReading {
    pub span: Span,
    /// Shared: the analysis keeps each sentence's reading while its text does not change.
    pub parts: Arc<[ReadingPart]>,
    pub morae: usize,
}

impl SentenceReading {
    /// The whole sentence in katakana (unknown words as printed, punctuation kept).
    pub fn kana(&self) -> String {
        self.parts
            .iter()
            .map(|part| match part.source {
                ReadingSource::Silent => part.text.trim(),
                _ => part.kana.as_str(),
            })
            .collect()
    }
}

/// The office's readings of words the dictionary reads wrongly or not at all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct UserReadings {
    /// (written, katakana), longest written form first.
    entries: Vec<(String, String)>,
}

impl UserReadings {
    pub fn new(entries: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut entries: Vec<(String, String)> = entries
            .into_iter()
            .filter(|(written, reading)| !written.is_empty() && !reading.is_empty())
            .map(|(written, reading)| (written, mora::to_katakana(&reading)))
            .collect();
        entries.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        UserReadings { entries }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where the entries occur in `text`, leftmost-longest, without overlaps.
    pub fn find(&self, text: &str) -> Vec<(Range<usize>, &str)> {
        let mut found: Vec<(Range<usize>, &str)> = Vec::new();
        if self.entries.is_empty() {
            return found;
        }
        let mut at = 0;
        while at < text.len() {
            let rest = &text[at..];
            match self
                .entries
                .iter()
                .find(|(written, _)| rest.starts_with(written.as_str()))
            {
                Some((written, reading)) => {
                    found.push((at..at + written.len(), reading.as_str()));
                    at += written.len();
                }
                None => at += rest.chars().next().map_or(1, char::len_utf8),
            }
        }
        found
    }
}

/// A reading fixed before the words are read: ruby or a user dictionary entry.
struct Fixed<'a> {
    range: Range<usize>,
    kana: String,
    source: ReadingSource,
    text: &'a str,
}

/// A passage longer than this (far longer than any sentence: the length rule reports one
/// of a hundred characters) is read piece by piece, each piece's reading as one part, and
/// the word rules skip it: its words and parts, held all at once, took hundreds of bytes a
/// character (gigabytes for a 16 MiB paragraph).
pub const HUGE_PASSAGE_BYTES: usize = 64 * 1024;

/// Bytes of a piece of a huge passage, about.
const PIECE_BYTES: usize = 16 * 1024;

/// Whether a passage is read piece by piece (see [`HUGE_PASSAGE_BYTES`]).
pub(crate) fn is_huge(passage: &Passage) -> bool {
    passage.text.len() > HUGE_PASSAGE_BYTES
}

/// Read a passage with the dictionary: from its words, or a huge one piece by piece.
pub(crate) fn read(
    dictionary: &super::Dictionary,
    passage: &Passage,
    user: &UserReadings,
) -> SentenceReading {
    if !is_huge(passage) {
        return read_passage(passage, &dictionary.words(&passage.text), user);
    }
    let mut parts = Vec::new();
    let mut morae = 0;
    read_pieces(dictionary, passage, user, |part| {
        morae += part.morae;
        parts.push(part);
    });
    SentenceReading {
        span: passage.span.clone(),
        parts: parts.into(),
        morae,
    }
}

/// Read a huge passage piece by piece, each piece's reading one part, given to `each` as it
/// is made.
pub(crate) fn read_pieces(
    dictionary: &super::Dictionary,
    passage: &Passage,
    user: &UserReadings,
    mut each: impl FnMut(ReadingPart),
) {
    for range in pieces(&passage.text, &passage.rubies) {
        let piece = passage.part(range);
        let reading = read_passage(&piece, &dictionary.words(&piece.text), user);
        each(ReadingPart {
            kana: reading.kana(),
            text: piece.text,
            source: ReadingSource::Dictionary,
            morae: reading.morae,
        });
    }
}

/// A huge passage cut into pieces of about [`PIECE_BYTES`]: after a line break, 、 or 。
/// where there is one in the piece's second half, never inside ruby.
fn pieces(text: &str, rubies: &[(Range<usize>, String)]) -> Vec<Range<usize>> {
    let boundary = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = boundary(start + PIECE_BYTES);
        if end < text.len() {
            let half = boundary(start + PIECE_BYTES / 2);
            if let Some((i, c)) = text[half..end]
                .char_indices()
                .rfind(|(_, c)| matches!(c, '\n' | '\t' | '。' | '、' | ' ' | '\u{3000}'))
            {
                end = half + i + c.len_utf8();
            }
            let ruby = rubies.partition_point(|(r, _)| r.end <= end);
            if let Some((r, _)) = rubies.get(ruby).filter(|(r, _)| r.start < end) {
                end = r.end;
            }
        }
        if end <= start {
            end = boundary(start + 4).max(start + 1);
        }
        out.push(start..end);
        start = end;
    }
    out
}

/// A reading found in a passage's text: where, and the katakana.
type Found = (Range<usize>, String);

/// Read one passage (sentence or heading) from its words.
pub(crate) fn read_passage(
    passage: &Passage,
    words: &[Word],
    user: &UserReadings,
) -> SentenceReading {
    let text = passage.text.as_str();
    let mut fixed: Vec<Fixed> = passage
        .rubies
        .iter()
        .map(|(range, reading)| Fixed {
            range: range.clone(),
            kana: mora::to_katakana(reading),
            source: ReadingSource::Ruby,
            text: &text[range.clone()],
        })
        .collect();
    // Each layer keeps what the ones above it left free (ruby, then readings in brackets, the
    // office's, Podium's vocabulary). Within a layer entries never overlap, and the layers
    // above are kept in text order, so a binary search finds the one entry that could overlap
    // (a scan of every entry per entry was quadratic).
    let layers: [(Vec<Found>, ReadingSource); 3] = [
        (bracketed(text, words), ReadingSource::Bracketed),
        (
            user.find(text)
                .into_iter()
                .map(|(r, k)| (r, k.to_string()))
                .collect(),
            ReadingSource::UserDictionary,
        ),
        (
            vocabulary::find(text, words)
                .into_iter()
                .map(|(r, k)| (r, k.to_string()))
                .collect(),
            ReadingSource::Vocabulary,
        ),
    ];
    for (entries, source) in layers {
        fixed.sort_by_key(|f| f.range.start);
        let above = fixed.len();
        for (range, kana) in entries {
            if !overlaps_any(&fixed[..above], &range) {
                fixed.push(Fixed {
                    text: &text[range.clone()],
                    range,
                    kana,
                    source,
                });
            }
        }
    }
    fixed.sort_by_key(|f| f.range.start);

    let mut parts: Vec<ReadingPart> = Vec::new();
    let mut covered = 0usize;
    let mut fixed_iter = fixed.into_iter().peekable();
    let mut index = 0;
    while index < words.len() {
        let word = &words[index];
        if word.range.start < covered {
            // The kana a ruby leaves of a word (躊躇う with ruby over 躊躇) are read as written.
            let tail = text.get(covered..word.range.end).unwrap_or_default();
            if !tail.is_empty() && tail.chars().all(mora::is_kana) {
                parts.push(part(tail, mora::to_katakana(tail), ReadingSource::Kana));
                covered = word.range.end;
            }
            index += 1;
            continue;
        }
        if let Some(f) = fixed_iter.next_if(|f| f.range.start < word.range.end) {
            // Text between the last part and the fixed reading that no word covers.
            covered = covered.max(f.range.end);
            parts.push(part(f.text, f.kana, f.source));
            continue;
        }
        let rest = &text[word.range.start..];
        if word.class == WordClass::Number
            && word
                .surface
                .chars()
                .next()
                .is_some_and(numbers::starts_number)
        {
            // After 「12月」, read as a number or as one word of the dictionary (１２月).
            let after_month = parts.last().is_some_and(|p| {
                p.text.ends_with('月') && p.text.chars().next().is_some_and(numbers::starts_number)
            });
            // A number read must end where a word ends, or inside a word whose rest is kana
            // (4つも: ヨッツ, then モ); when its counter belongs to a longer word (40年代), the
            // number is read alone. Words are in text order: the word ending there is found by
            // a binary search from this one (a scan of every word for each number was
            // quadratic).
            let ends_well = |n: &numbers::NumberReading| {
                let end = word.range.start + n.len;
                word_through(&words[index..], end).is_some_and(|w| {
                    w.range.end == end
                        || (w.range.start < end
                            && text
                                .get(end..w.range.end)
                                .is_some_and(|rest| rest.chars().all(mora::is_kana)))
                })
            };
            let number = numbers::read_number(rest, after_month)
                .filter(ends_well)
                .or_else(|| numbers::read_plain_number(rest).filter(ends_well));
            if let Some(number) = number {
                let end = word.range.start + number.len;
                parts.push(part(
                    &text[word.range.start..end],
                    number.kana,
                    ReadingSource::Number,
                ));
                covered = end;
                index += 1;
                continue;
            }
        }
        match vocabulary::in_context(words, index) {
            Some(kana) => parts.push(part(
                &word.surface,
                kana.to_string(),
                ReadingSource::Vocabulary,
            )),
            None => parts.push(read_word(word)),
        }
        covered = word.range.end;
        index += 1;
    }
    for f in fixed_iter {
        parts.push(part(f.text, f.kana, f.source));
    }
    let morae = parts.iter().map(|p| p.morae).sum();
    SentenceReading {
        span: passage.span.clone(),
        parts: parts.into(),
        morae,
    }
}

/// Readings written in brackets after the word they read, as city web pages write them:
/// 鮪（まぐろ）, 素晴(すば)らしい, 伊調馨（いちょう・かおり）. The brackets hold hiragana only (a
/// katakana gloss is not a reading) and follow kanji; the word is the longest run of whole
/// words ending at the bracket whose dictionary reading is the bracket's, else the run of
/// kanji before it (at most [`MAX_BRACKETED_KANJI`]). The whole stretch, brackets included, is
/// read once, as the bracket says.
pub(super) fn bracketed(text: &str, words: &[Word]) -> Vec<Found> {
    let mut found = Vec::new();
    for (open, c) in text.match_indices(['（', '(']) {
        let close = if c == "（" { '）' } else { ')' };
        let inner_start = open + c.len();
        let Some(inner_len) = text[inner_start..].find(close) else {
            continue;
        };
        let inner = &text[inner_start..inner_start + inner_len];
        let reading: String = inner.chars().filter(|c| *c != '・').collect();
        if reading.is_empty()
            || reading.chars().count() > 24
            || !reading.chars().all(|c| matches!(c, 'ぁ'..='ゖ' | 'ー'))
        {
            continue;
        }
        let kanji: Vec<(usize, char)> = text[..open]
            .char_indices()
            .rev()
            .take_while(|(_, c)| mora::is_kanji(*c))
            .take(MAX_BRACKETED_KANJI)
            .collect();
        let Some(&(run_start, _)) = kanji.last() else {
            continue;
        };
        let kana = mora::to_katakana(&reading);
        // Whole words ending at the bracket, from the shortest: the one read as the bracket.
        let ending = words.partition_point(|w| w.range.end <= open);
        let mut start = run_start;
        for first in (0..ending).rev() {
            if words[first].range.start < run_start {
                break;
            }
            let said: String = words[first..ending]
                .iter()
                .map(|w| w.reading.clone().unwrap_or_default())
                .collect();
            if said == kana {
                start = words[first].range.start;
                break;
            }
        }
        found.push((start..inner_start + inner_len + close.len_utf8(), kana));
    }
    found
}

/// The longest run of kanji a bracketed reading is taken to read.
const MAX_BRACKETED_KANJI: usize = 6;

/// The first of `words` (in text order) that reaches `end`: the word that ends there, or the
/// one `end` falls inside.
fn word_through(words: &[Word], end: usize) -> Option<&Word> {
    words.get(words.partition_point(|w| w.range.end < end))
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether `range` overlaps one of `sorted` (in text order, not overlapping each other).
fn overlaps_any(sorted: &[Fixed], range: &Range<usize>) -> bool {
    // The first that ends after the range starts is the only one that can overlap it.
    let first = sorted.partition_point(|f| f.range.end <= range.start);
    sorted.get(first).is_some_and(|f| overlaps(&f.range, range))
}

fn part(text: &str, kana: String, source: ReadingSource) -> ReadingPart {
    let morae = match source {
        ReadingSource::Silent => 0,
        ReadingSource::Unknown => guessed_morae(text),
        _ => mora::count(&kana),
    };
    ReadingPart {
        text: text.to_string(),
        kana,
        source,
        morae,
    }
}

/// A kanji is two morae on average; kana one; other letters and digits one.
fn guessed_morae(text: &str) -> usize {
    text.chars()
        .map(|c| {
            if mora::is_kanji(c) {
                2
            } else {
                usize::from(c.is_alphanumeric())
            }
        })
        .sum()
}

fn read_word(word: &Word) -> ReadingPart {
    let surface = word.surface.as_str();
    if word.class == WordClass::Symbol || surface.chars().all(|c| !c.is_alphanumeric() && c != 'ー')
    {
        return part(surface, String::new(), ReadingSource::Silent);
    }
    if surface.chars().all(is_latin_letter) {
        return part(surface, read_latin(surface), ReadingSource::Latin);
    }
    if let Some(kana) = word.pronunciation.as_ref().or(word.reading.as_ref()) {
        if kana.chars().all(mora::is_kana) {
            return part(surface, kana.clone(), ReadingSource::Dictionary);
        }
    }
    if surface.chars().all(mora::is_kana) {
        return part(surface, mora::to_katakana(surface), ReadingSource::Kana);
    }
    if let Some(kana) = read_letters_and_digits(surface) {
        return part(surface, kana, ReadingSource::Latin);
    }
    part(surface, surface.to_string(), ReadingSource::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_readings_match_longest_first() {
        let user = UserReadings::new([
            ("白井".to_string(), "しらい".to_string()),
            ("白井亨".to_string(), "しらいとおる".to_string()),
        ]);
        let found = user.find("市長の白井亨です。白井さん");
        let kana: Vec<&str> = found.iter().map(|(_, k)| *k).collect();
        assert_eq!(kana, ["シライトオル", "シライ"]);
    }

    #[test]
    fn a_huge_passage_is_cut_into_bounded_pieces_never_inside_ruby() {
        let text = "あ".repeat(100_000) + &"漢字、".repeat(20_000);
        // Ruby over every 漢字 after the kana.
        let rubies: Vec<(Range<usize>, String)> = (0..20_000)
            .map(|i| {
                let start = 300_000 + i * "漢字、".len();
                (start..start + "漢字".len(), "かんじ".to_string())
            })
            .collect();
        let cut = pieces(&text, &rubies);
        assert_eq!(cut.first().map(|r| r.start), Some(0));
        assert_eq!(cut.last().map(|r| r.end), Some(text.len()));
        for pair in cut.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        for range in &cut {
            assert!(range.len() <= PIECE_BYTES, "{range:?}");
            assert!(rubies.iter().all(|(r, _)| r.end <= range.start
                || r.start >= range.end
                || (range.start <= r.start && r.end <= range.end)));
        }
        // Past the kana, pieces end after a 、.
        assert!(cut
            .iter()
            .filter(|r| r.start >= 300_000 && r.end < text.len())
            .all(|r| text[..r.end].ends_with('、')));
    }

    fn word(range: Range<usize>) -> Word {
        Word {
            range,
            surface: String::new(),
            class: WordClass::Noun,
            detail: String::new(),
            detail2: String::new(),
            base: String::new(),
            reading: None,
            pronunciation: None,
            known: false,
        }
    }

    #[test]
    fn a_word_end_and_a_ruby_overlap_are_found_by_bisection() {
        let words: Vec<Word> = (0..1000).map(|i| word(i * 3..i * 3 + 3)).collect();
        let ends_a_word =
            |words: &[Word], end| word_through(words, end).is_some_and(|w| w.range.end == end);
        assert!(ends_a_word(&words, 3));
        assert!(ends_a_word(&words, 2997));
        assert!(ends_a_word(&words[500..], 3000));
        assert!(!ends_a_word(&words, 4));
        assert!(!ends_a_word(&words[500..], 300));
        assert!(!ends_a_word(&words, 3003));
        assert_eq!(word_through(&words, 4).map(|w| w.range.clone()), Some(3..6));
        let fixed: Vec<Fixed> = (0..1000)
            .map(|i| Fixed {
                range: i * 10..i * 10 + 3,
                kana: String::new(),
                source: ReadingSource::Ruby,
                text: "",
            })
            .collect();
        assert!(overlaps_any(&fixed, &(2..5)));
        assert!(overlaps_any(&fixed, &(9..11)));
        assert!(overlaps_any(&fixed, &(5000..5001)));
        assert!(!overlaps_any(&fixed, &(3..10)));
        assert!(!overlaps_any(&fixed, &(9993..20000)));
        assert!(!overlaps_any(&[], &(0..1)));
    }
}
