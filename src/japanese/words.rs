//! Text split into words with their part of speech, base form and reading (IPADIC's fields).

use super::dictionary::Dictionary;
use lindera::dictionary::Lattice;
use std::borrow::Cow;
use std::ops::Range;

/// What kind of word a token is, from IPADIC's part of speech (品詞) and its first detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WordClass {
    /// 名詞 (common nouns, サ変 nouns, 形容動詞 stems …).
    Noun,
    /// 名詞,固有名詞: names of people, places, organisations.
    ProperNoun,
    /// 名詞,数: digits and kanji numerals.
    Number,
    /// 名詞,接尾,助数詞: 本, 人, 回 …
    Counter,
    /// Other 名詞,接尾 (さん, 的, 化 …).
    Suffix,
    /// 名詞,代名詞 and 名詞,非自立 (こと, もの, ため …).
    Dependent,
    Verb,
    Adjective,
    Adverb,
    /// 助詞.
    Particle,
    /// 助動詞.
    Auxiliary,
    Prefix,
    Conjunction,
    Adnominal,
    Interjection,
    /// 記号: punctuation, brackets, symbols.
    Symbol,
    /// Anything else, and words the dictionary does not know and cannot class.
    Other,
}

/// One word of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Bytes of the text that was split.
    pub range: Range<usize>,
    pub surface: String,
    pub class: WordClass,
    /// IPADIC's first part-of-speech detail (格助詞, 係助詞, 一般, 固有名詞 …).
    pub detail: String,
    /// The second detail (人名, 地域, 助数詞 …).
    pub detail2: String,
    /// The dictionary form (the surface for words the dictionary does not know).
    pub base: String,
    /// The reading in katakana as written (は as ハ), when the dictionary has one.
    pub reading: Option<String>,
    /// The pronunciation in katakana (は as ワ, long vowels as ー), when known.
    pub pronunciation: Option<String>,
    /// Found in the dictionary (not guessed from the kind of characters).
    pub known: bool,
}

impl Dictionary {
    /// Split `text` into words. Never fails: a text the analyser cannot take yields no words.
    pub fn words(&self, text: &str) -> Vec<Word> {
        thread_local! {
            // One lattice a thread, kept between calls: a fresh one for every passage was
            // allocated, faulted in and given back to the system each time (a fifth of the
            // time of a long text).
            static LATTICE: std::cell::RefCell<Lattice> = std::cell::RefCell::default();
        }
        let tokens = LATTICE.with(|lattice| match lattice.try_borrow_mut() {
            Ok(mut lattice) => self
                .segmenter
                .segment_with_lattice(Cow::Borrowed(text), &mut lattice),
            Err(_) => self.segmenter.segment(Cow::Borrowed(text)),
        });
        let Ok(tokens) = tokens else {
            return Vec::new();
        };
        tokens
            .into_iter()
            .map(|mut token| {
                let range = token.byte_start..token.byte_end;
                let known = !token.word_id.is_unknown();
                let surface = token.surface.to_string();
                let details = token.details();
                let field = |i: usize| {
                    details
                        .get(i)
                        .copied()
                        .filter(|s| !s.is_empty() && *s != "*")
                };
                let class = classify(
                    field(0).unwrap_or(""),
                    field(1).unwrap_or(""),
                    field(2).unwrap_or(""),
                );
                let detail = field(1).unwrap_or("").to_string();
                let detail2 = field(2).unwrap_or("").to_string();
                let base = field(6).map_or_else(|| surface.clone(), str::to_string);
                let reading = field(7).map(str::to_string);
                let pronunciation = field(8).map(str::to_string);
                Word {
                    range,
                    surface,
                    class,
                    detail,
                    detail2,
                    base,
                    reading,
                    pronunciation,
                    known,
                }
            })
            .collect()
    }

    /// Every reading the dictionary has for a spelling, each once, in katakana (下妻: one; 市場:
    /// イチバ and シジョウ).
    pub fn readings_of(&self, surface: &str) -> Vec<String> {
        let dictionary = &self.segmenter.dictionary;
        let mut readings: Vec<String> = Vec::new();
        for entry in dictionary.prefix_dictionary.find_surface_iter(surface) {
            let details = dictionary.word_details(entry.word_id().id() as usize);
            if let Some(reading) = details.get(7).filter(|r| !r.is_empty() && **r != "*") {
                if !readings.iter().any(|known| known == reading) {
                    readings.push((*reading).to_string());
                }
            }
        }
        readings
    }

    /// The dictionary's cost for a known word: higher is rarer (IPADIC's costs run from about
    /// −3,000 for the commonest words to 15,000 and more for rare ones). The lowest cost among
    /// the entries with the word's surface, base form and reading.
    pub fn cost(&self, word: &Word) -> Option<i16> {
        if !word.known {
            return None;
        }
        let dictionary = &self.segmenter.dictionary;
        dictionary
            .prefix_dictionary
            .find_surface_iter(&word.surface)
            .filter(|entry| {
                let details = dictionary.word_details(entry.word_id().id() as usize);
                details.get(6).copied() == Some(word.base.as_str())
                    && details.get(7).copied() == word.reading.as_deref()
            })
            .map(|entry| entry.word_cost())
            .min()
    }
}

fn classify(pos: &str, detail: &str, detail2: &str) -> WordClass {
    match (pos, detail) {
        ("名詞", "接尾") if detail2 == "助数詞" => WordClass::Counter,
        ("名詞", "固有名詞") => WordClass::ProperNoun,
        ("名詞", "数") => WordClass::Number,
        ("名詞", "接尾") => WordClass::Suffix,
        ("名詞", "代名詞" | "非自立") => WordClass::Dependent,
        ("名詞", _) => WordClass::Noun,
        ("動詞", _) => WordClass::Verb,
        ("形容詞", _) => WordClass::Adjective,
        ("副詞", _) => WordClass::Adverb,
        ("助詞", _) => WordClass::Particle,
        ("助動詞", _) => WordClass::Auxiliary,
        ("接頭詞", _) => WordClass::Prefix,
        ("接続詞", _) => WordClass::Conjunction,
        ("連体詞", _) => WordClass::Adnominal,
        ("感動詞", _) => WordClass::Interjection,
        ("記号", _) => WordClass::Symbol,
        _ => WordClass::Other,
    }
}
