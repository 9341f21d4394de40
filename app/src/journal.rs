//! Typing goes on when the office's server is out of reach: a save that cannot reach the
//! server is written to a journal on this PC, and the journal is replayed when the server
//! answers again.
//!
//! - One file per draft (`draft-<id>.json` in the journal folder): the newest text typed, the
//!   revision it was based on (the draft's last one seen on the server) and the kind of save.
//!   Written through a temporary file and renamed, so a killed app leaves the previous entry
//!   or the new one, never half of one.
//! - A save that reaches the server removes the draft's entry (its text supersedes it, on the
//!   same base). `library::replay_journal` saves every entry, as at start-up and by the next
//!   save: saved, the entry goes; a conflict (someone changed the draft meanwhile) keeps the
//!   journaled text in the history as the conflict's revision, and the entry goes; still out
//!   of reach, it stays.
//! - Only for a library on a server: a file on this PC has no network to lose.

use crate::error::{AppError, ErrorCode};
use crate::wire;
use podium::files::{self, Existing};
use serde::{Deserialize, Serialize};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// A save kept on this PC until the server answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub draft_id: i64,
    pub base_revision: u32,
    pub body: String,
    pub kind: wire::SaveKind,
}

/// What a replay did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Replayed {
    /// Drafts whose journaled text is now saved on the server.
    pub saved: Vec<i64>,
    /// Drafts changed by someone else meanwhile: the journaled text is in their history as a
    /// conflict, to be resolved in the editor.
    pub conflicts: Vec<i64>,
    /// Entries still waiting for the server.
    pub waiting: usize,
}

/// The journal's folder: `podium/journal/` in the OS's local data folder (beside the PC's
/// own library file when it is in its default place; local for the same reason, see
/// `podium::store::default_db_path`).
pub fn default_folder() -> Option<PathBuf> {
    dirs::data_local_dir().map(|dir| dir.join("podium").join("journal"))
}

fn entry_path(folder: &Path, draft_id: i64) -> PathBuf {
    folder.join(format!("draft-{draft_id}.json"))
}

/// Writes (or replaces) the draft's entry.
pub(crate) fn keep(folder: &Path, entry: &Entry) -> Result<(), AppError> {
    std::fs::create_dir_all(folder)?;
    let path = entry_path(folder, entry.draft_id);
    let mut temp = files::temporary_beside(&path)?;
    let json = serde_json::to_vec(entry)
        .map_err(|err| AppError::new(ErrorCode::Internal, err.to_string()))?;
    temp.write_all(&json)?;
    files::put(temp, &path, Existing::Replace)?;
    Ok(())
}

pub(crate) fn forget(folder: &Path, draft_id: i64) -> Result<(), AppError> {
    match std::fs::remove_file(entry_path(folder, draft_id)) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err.into()),
        _ => Ok(()),
    }
}

/// Every entry in the journal, by draft.
pub(crate) fn entries(folder: &Path) -> Vec<Entry> {
    let Ok(listing) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut entries: Vec<Entry> = listing
        .flatten()
        .filter(|file| {
            let name = file.file_name();
            let name = name.to_string_lossy();
            name.starts_with("draft-") && name.ends_with(".json")
        })
        .filter_map(|file| serde_json::from_slice(&std::fs::read(file.path()).ok()?).ok())
        .collect();
    entries.sort_by_key(|entry| entry.draft_id);
    entries
}
