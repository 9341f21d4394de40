//! The office's reading dictionary (白井亨 → シライトオル).

use crate::error::AppError;
use crate::state::App;
use crate::wire::{self};
use podium::store::ReadingEntry;

/// The office's reading dictionary, by written form.
pub fn list_readings(state: &App) -> Result<Vec<wire::ReadingEntry>, AppError> {
    let entries = state.with_store(|store| store.readings())?;
    Ok(entries.into_iter().map(Into::into).collect())
}

/// Add a word's reading (hiragana or katakana), or change it; the list after the change.
pub fn put_reading(
    state: &App,
    written: &str,
    reading: &str,
) -> Result<Vec<wire::ReadingEntry>, AppError> {
    let entry =
        ReadingEntry::new(written, reading).map_err(|e| AppError::invalid(e.to_string()))?;
    state.with_store(|store| store.put_reading(&entry))?;
    refresh_readings(state)
}

/// Remove a word's reading; the list after the change.
pub fn delete_reading(state: &App, written: &str) -> Result<Vec<wire::ReadingEntry>, AppError> {
    state.with_store(|store| store.delete_reading(written))?;
    refresh_readings(state)
}

/// Analysis reads with the stored readings from now on; the list, for the editor.
pub fn refresh_readings(state: &App) -> Result<Vec<wire::ReadingEntry>, AppError> {
    let user = state.with_store(|store| store.user_readings())?;
    state.lexicon.set_user_readings(user);
    list_readings(state)
}
