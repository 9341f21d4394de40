//! The office's reading dictionary: words and how they are read aloud, in katakana.

use super::sql::values;
use super::{Result, Store};
use crate::japanese::mora::{is_kana, to_katakana};
use crate::japanese::UserReadings;
use serde::Serialize;

/// One entry: a word as written and its reading (katakana).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadingEntry {
    pub written: String,
    pub reading: String,
}

/// Why an entry cannot be stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadingError {
    #[error("語を入力してください（100字まで）")]
    Written,
    #[error("読みはひらがなかカタカナで入力してください（200字まで）")]
    Reading,
}

impl ReadingEntry {
    /// A checked entry: the word trimmed, the reading trimmed and in katakana.
    pub fn new(written: &str, reading: &str) -> Result<ReadingEntry, ReadingError> {
        let written = written.trim();
        let reading = to_katakana(reading.trim());
        if written.is_empty() || written.chars().count() > 100 {
            return Err(ReadingError::Written);
        }
        if reading.is_empty() || reading.chars().count() > 200 || !reading.chars().all(is_kana) {
            return Err(ReadingError::Reading);
        }
        Ok(ReadingEntry {
            written: written.to_string(),
            reading,
        })
    }
}

impl Store {
    /// Every entry, by the written form.
    pub fn readings(&self) -> Result<Vec<ReadingEntry>> {
        let rows = self.read(|db| {
            db.rows(
                "SELECT written, reading FROM readings ORDER BY written",
                &[],
            )
        })?;
        rows.into_iter()
            .map(|mut row| {
                Ok(ReadingEntry {
                    written: row.take(0)?,
                    reading: row.take(1)?,
                })
            })
            .collect()
    }

    /// The entries as the readings of [`crate::japanese`] use them.
    pub fn user_readings(&self) -> Result<UserReadings> {
        Ok(UserReadings::new(
            self.readings()?
                .into_iter()
                .map(|entry| (entry.written, entry.reading)),
        ))
    }

    /// Add an entry, or replace the reading of a word already there.
    pub fn put_reading(&mut self, entry: &ReadingEntry) -> Result<()> {
        self.write(|db| {
            db.execute(
                "INSERT INTO readings (written, reading) VALUES (?1, ?2)
                 ON CONFLICT (written) DO UPDATE SET reading = excluded.reading",
                &values![&entry.written, &entry.reading],
            )
        })?;
        Ok(())
    }

    /// Remove a word's entry; `false` when there was none.
    pub fn delete_reading(&mut self, written: &str) -> Result<bool> {
        let removed = self
            .write(|db| db.execute("DELETE FROM readings WHERE written = ?1", &values![written]))?;
        Ok(removed > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_checked_stored_replaced_and_removed() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(ReadingEntry::new(" ", "しらい"), Err(ReadingError::Written));
        assert_eq!(
            ReadingEntry::new("白井", "shirai"),
            Err(ReadingError::Reading)
        );
        let entry = ReadingEntry::new(" 白井亨 ", "しらいとおる").unwrap();
        assert_eq!(entry.reading, "シライトオル");
        store.put_reading(&entry).unwrap();
        store
            .put_reading(&ReadingEntry::new("白井亨", "シライトオル").unwrap())
            .unwrap();
        assert_eq!(store.readings().unwrap(), [entry]);
        let user = store.user_readings().unwrap();
        assert_eq!(user.find("白井亨です")[0].1, "シライトオル");
        assert!(store.delete_reading("白井亨").unwrap());
        assert!(!store.delete_reading("白井亨").unwrap());
        assert!(store.readings().unwrap().is_empty());
    }
}
