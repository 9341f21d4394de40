//! Looking after the database from the app: its daily backups, a corrupt file replaced (only
//! when the user chooses so), every draft exported as a folder of Markdown files.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The daily backups (`backups/` beside the database; the newest seven are kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Backups {
    pub folder: String,
    /// The backup files, newest first (full paths).
    pub files: Vec<String>,
    /// Why today's backup could not be made, when it could not (a full disk …).
    pub error: Option<String>,
    /// What the full check run with today's backup found (indexes that disagree with their
    /// tables …): empty when the database is sound. `repair_database` mends it.
    pub damage: Vec<String>,
}

/// What `repair_database` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Repaired {
    /// The full check found nothing to mend.
    pub sound: bool,
    /// The damaged file, moved aside with every byte, when the database was rebuilt into a
    /// new file (`None` when rebuilding the indexes was enough).
    pub moved_aside: Option<String>,
}

/// What to put in place of a corrupt database, which is moved aside (never deleted) first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RecoveryChoice {
    /// A copy of the newest daily backup.
    NewestBackup,
    /// A new, empty database.
    NewDatabase,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Recovered {
    /// Where the corrupt database was moved, every byte kept.
    pub moved_aside: String,
    /// The backup now in use, when one was restored.
    pub restored_from: Option<String>,
}

/// Sent while `export_all` runs: `done` of `total` drafts written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportAllProgress {
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportAllReport {
    pub folder: String,
    /// The files written, in the library's order (names from the titles, made unique).
    pub files: Vec<String>,
    /// The drafts written with a template's placeholder still in their text: each title with
    /// the placeholders (`{{city}}`), for the writer to fill.
    pub unfilled: Vec<UnfilledDraft>,
}

/// A draft whose text still holds a template's placeholders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UnfilledDraft {
    pub title: String,
    pub placeholders: Vec<String>,
}
