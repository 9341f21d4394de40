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
pub mod latin;
pub mod mora;
pub mod numbers;
pub mod pace;
pub mod readings;
mod vocabulary;
pub mod words;

pub use dictionary::{Dictionary, DictionaryError, Provenance};
pub use readings::{ReadingPart, ReadingSource, SentenceReading, UserReadings};
pub use words::{Word, WordClass};

use crate::passage::{passages, PassageKind};
use crate::script::Script;
use std::collections::HashMap;

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

/// Katakana (with the sentences' text) that [`each_reading`] keeps to read repeated sentences
/// once, at most (bytes).
const READING_MEMO_BYTES: usize = 32 << 20;

/// A draft as read, a sentence at a time (what `podium readings` prints, as [`read_script`]
/// gives it): `each` gets each sentence's katakana in text order, a huge sentence in pieces
/// (see [`readings::HUGE_PASSAGE_BYTES`]), with `true` on its last. Only the sentence being
/// read is held, and the katakana of sentences met before (up to `READING_MEMO_BYTES`),
/// which are not read again. Stops at the first error of `each`.
pub fn each_reading<E>(
    dictionary: &Dictionary,
    user: &UserReadings,
    script: &Script,
    source: &str,
    mut each: impl FnMut(&str, bool) -> Result<(), E>,
) -> Result<(), E> {
    // By text, then ruby: the katakana.
    type Rubies = Vec<(std::ops::Range<usize>, String)>;
    let mut memo: HashMap<String, Vec<(Rubies, String)>> = HashMap::new();
    let mut kept = 0usize;
    for passage in passages(script, source) {
        if passage.kind != PassageKind::Sentence {
            continue;
        }
        if readings::is_huge(&passage) {
            let mut result = Ok(());
            readings::read_pieces(dictionary, &passage, user, |part| {
                if result.is_ok() {
                    result = each(&part.kana, false);
                }
            });
            result?;
            each("", true)?;
            continue;
        }
        let known = memo
            .get(passage.text.as_str())
            .and_then(|list| list.iter().find(|(rubies, _)| *rubies == passage.rubies));
        if let Some((_, kana)) = known {
            each(kana, true)?;
            continue;
        }
        let kana = readings::read(dictionary, &passage, user).kana();
        each(&kana, true)?;
        let size = passage.text.len() + kana.len() + 64;
        if kept + size <= READING_MEMO_BYTES {
            kept += size;
            memo.entry(passage.text)
                .or_default()
                .push((passage.rubies, kana));
        }
    }
    Ok(())
}
