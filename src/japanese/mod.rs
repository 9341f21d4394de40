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
mod vocabulary;
pub mod words;

pub use dictionary::{Dictionary, DictionaryError, Provenance};
pub use readings::{ReadingPart, ReadingSource, SentenceReading, UserReadings};
pub use words::{Word, WordClass};

use crate::lint::{passages, PassageKind};
use crate::script::Script;

/// A draft as read: one sentence a line (what `podium readings` prints).
pub fn read_script(
    dictionary: &Dictionary,
    user: &UserReadings,
    script: &Script,
    source: &str,
) -> Vec<SentenceReading> {
    passages(script, source)
        .iter()
        .filter(|p| p.kind == PassageKind::Sentence)
        .map(|p| readings::read(dictionary, p, user))
        .collect()
}
