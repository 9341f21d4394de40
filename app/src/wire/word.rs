//! Which Word document of a draft to save.

use podium::export::PrintOptions;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A Word (.docx) document of a draft (`podium::export::docx`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum WordDocument {
    /// The published text: title and full text, no cues or notes.
    Published,
    /// The reading script for the lectern, as printed with these options.
    ReadingScript { options: PrintOptions },
}
