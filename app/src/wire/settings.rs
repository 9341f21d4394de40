//! The app's own facts, as the UI sees them (the settings cross as the core's `Settings`).

use crate::error::AppError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    /// The database file (`:memory:` in tests).
    pub database_path: String,
    /// Why the database could not be opened, when it could not: every command that needs it
    /// fails with this error until it opens (each such command tries again).
    pub database_error: Option<AppError>,
    /// Every proofreading rule's id, in the order the settings list them.
    pub lint_rules: Vec<String>,
}

/// This PC's own settings (`crate::local_settings`): which library, and who writes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct LocalSettings {
    /// The office's library on a server (`postgres://…`, `service=…`); empty: the database
    /// file on this PC.
    pub library: String,
    /// The name revisions are saved under; empty: the OS user's login name.
    pub author_name: String,
}
