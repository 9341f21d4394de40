//! Japanese depth: words, readings and morae from a morphological dictionary.
//!
//! - [`dictionary`]: lindera over IPADIC, built from Debian's `mecab-ipadic` sources at first
//!   use and cached in the OS cache folder, loaded memory-mapped.
//! - [`words`]: text split into words (part of speech, base form, reading).
//! - [`readings`]: each sentence as read aloud, in katakana (ruby, the office's reading
//!   dictionary, [`numbers`] and counters, Latin acronyms, the dictionary).
//! - [`mora`]: morae counted from readings; [`pace`] is the mora-based timing and its
//!   calibration from rehearsals.
//! - [`furigana`]: words that need ruby (kanji outside [`joyo`], rare words, proper nouns).
//!
//! Without a dictionary none of this runs: timing counts characters and the character-level
//! lint rules stand in (see [`crate::analysis`]).

mod counters;
pub mod dictionary;
pub mod furigana;
pub mod joyo;
pub mod mora;
pub mod numbers;
pub mod pace;
pub mod readings;
pub mod words;

pub use dictionary::{Dictionary, DictionaryError, Provenance};
pub use readings::{ReadingPart, ReadingSource, SentenceReading, UserReadings};
pub use words::{Word, WordClass};

use crate::lint::passage::{passages, Passage, PassageKind};
use crate::script::Script;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The dictionary with a cache of split texts: a keystroke re-splits only the sentence it
/// changed (the cache is keyed by the sentence's text).
pub struct Morphology {
    dictionary: Dictionary,
    cache: Mutex<WordCache>,
}

#[derive(Default)]
struct WordCache {
    entries: HashMap<String, (Arc<Vec<Word>>, u64)>,
    generation: u64,
}

/// Texts not used by the last few analyses are dropped from the cache.
const KEPT_GENERATIONS: u64 = 4;

impl Morphology {
    pub fn new(dictionary: Dictionary) -> Self {
        Morphology {
            dictionary,
            cache: Mutex::new(WordCache::default()),
        }
    }

    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    /// The words of `text`, from the cache when it was split before.
    pub fn words(&self, text: &str) -> Arc<Vec<Word>> {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let generation = cache.generation;
        if let Some((words, used)) = cache.entries.get_mut(text) {
            *used = generation;
            return Arc::clone(words);
        }
        drop(cache);
        let words = Arc::new(self.dictionary.words(text));
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entries
            .insert(text.to_string(), (Arc::clone(&words), generation));
        words
    }

    /// Start a new analysis: texts unused for a few analyses leave the cache.
    fn next_generation(&self) {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        cache.generation += 1;
        let oldest = cache.generation.saturating_sub(KEPT_GENERATIONS);
        cache.entries.retain(|_, (_, used)| *used >= oldest);
    }
}

/// A passage (sentence or heading) and its words.
pub(crate) struct WordedPassage {
    pub passage: Passage,
    pub words: Arc<Vec<Word>>,
}

/// Every passage of a draft with its words.
pub(crate) fn worded_passages(
    morphology: &Morphology,
    script: &Script,
    source: &str,
) -> Vec<WordedPassage> {
    morphology.next_generation();
    passages(script, source)
        .into_iter()
        .map(|passage| WordedPassage {
            words: morphology.words(&passage.text),
            passage,
        })
        .collect()
}

/// Every sentence read aloud, as read.
pub(crate) fn sentence_readings(
    passages: &[WordedPassage],
    user: &UserReadings,
) -> Vec<SentenceReading> {
    passages
        .iter()
        .filter(|p| p.passage.kind == PassageKind::Sentence)
        .map(|p| readings::read_passage(&p.passage, &p.words, user))
        .collect()
}

/// A draft as read: one sentence a line (what `podium readings` prints).
pub fn read_script(
    morphology: &Morphology,
    user: &UserReadings,
    script: &Script,
    source: &str,
) -> Vec<SentenceReading> {
    sentence_readings(&worded_passages(morphology, script, source), user)
}
