//! Readings: each sentence as read, the office's reading dictionary, the dictionary's state.

use super::Utf16Offsets;
use podium::japanese::SentenceReading as CoreReading;
use podium::store::ReadingEntry as CoreEntry;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Whether analysis has the morphological dictionary (readings, morae, word rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DictionaryStatus {
    Ready,
    /// Being built or loaded: character-level for now.
    Preparing,
    /// Not installed or not loadable: character-level.
    Missing,
}

/// One sentence as read aloud.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SentenceReading {
    /// UTF-16 offsets of the sentence in the body.
    pub from: u32,
    pub to: u32,
    /// Katakana as read (punctuation kept).
    pub kana: String,
    pub morae: u32,
}

impl SentenceReading {
    pub fn new(reading: &CoreReading, offsets: &Utf16Offsets) -> Self {
        let (from, to) = offsets.span(&reading.span);
        SentenceReading {
            from,
            to,
            kana: reading.kana(),
            morae: u32::try_from(reading.morae).unwrap_or(u32::MAX),
        }
    }
}

/// An entry of the office's reading dictionary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReadingEntry {
    /// The word as written (白井亨).
    pub written: String,
    /// Its reading in katakana (シライトオル).
    pub reading: String,
}

impl From<CoreEntry> for ReadingEntry {
    fn from(entry: CoreEntry) -> Self {
        ReadingEntry {
            written: entry.written,
            reading: entry.reading,
        }
    }
}
