//! Drafts, their history, search, templates and import, as the UI sees them.

use super::{date, instant, Utf16Offsets};
pub use podium::input::{ImportNote, Pasted};
use podium::store;
pub use podium::store::{DraftStatus, RevisionKind};
use podium::templates::{self, Template};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A draft in the library list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DraftSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub event: String,
    /// `YYYY-MM-DD`
    pub event_date: Option<String>,
    pub target_seconds: Option<u32>,
    /// Characters as printed (read-aloud text, no whitespace).
    pub chars: u32,
    /// Estimated reading time at the pace of the settings when the draft was last saved.
    pub seconds: f64,
    /// RFC 3339, UTC.
    pub updated_at: String,
    pub status: DraftStatus,
}

/// A draft in the trash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TrashedDraft {
    pub draft: DraftSummary,
    /// RFC 3339, UTC.
    pub deleted_at: String,
    /// When it goes for good (at the first start after this), unless restored.
    pub removed_after: String,
}

/// A draft with its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Draft {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub event: String,
    pub event_date: Option<String>,
    pub target_seconds: Option<u32>,
    pub body: String,
    /// Bumped by every change; pass it back as `baseRevision` when saving.
    pub revision: u32,
    pub chars: u32,
    pub seconds: f64,
    pub updated_at: String,
    /// Where it is in the office's workflow; from `final` on, the text is read-only.
    pub status: DraftStatus,
}

/// The details of a draft that are not its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DraftMeta {
    /// Used while the text has no `#` heading; with one, the heading is the title.
    pub title: String,
    pub event: String,
    /// `YYYY-MM-DD`
    pub event_date: Option<String>,
    pub target_seconds: Option<u32>,
}

/// The form of "new draft": a template and its placeholders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewDraftValues {
    /// A `TemplateInfo.id`; `null` for an empty draft.
    pub template_id: Option<String>,
    /// `YYYY-MM-DD`: the day of the address (`{{date}}`, `{{era_year}}`, `{{year}}`).
    pub date: String,
    pub event: String,
    pub speaker: String,
    pub city: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum SaveKind {
    /// Typing: autosaves within 5 minutes share one revision.
    Autosave,
    /// "Save as revision", optionally named.
    Named { name: Option<String> },
}

impl From<SaveKind> for store::SaveKind {
    fn from(kind: SaveKind) -> Self {
        match kind {
            SaveKind::Autosave => store::SaveKind::Autosave,
            SaveKind::Named { name } => store::SaveKind::Named(
                name.map(|name| name.trim().to_owned())
                    .filter(|name| !name.is_empty()),
            ),
        }
    }
}

/// The result of a save.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Saved {
    /// The draft's new revision: the next save's `baseRevision`.
    pub revision: u32,
    /// The title, which follows the text's `#` heading.
    pub title: String,
    pub updated_at: String,
    pub chars: u32,
    pub seconds: f64,
    /// The server could not be reached: the text is in this PC's journal, to be saved when
    /// it answers (`revision` is still the base).
    pub journaled: bool,
}

/// The event the shell tells the main window with that the desktop asked Podium to open files
/// (a double-click on an associated `.md`, "Open with"): the window takes them with
/// `take_opened_files` and imports them (no payload).
pub const FILES_OPENED_EVENT: &str = "podium://files-opened";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    pub imported: Vec<DraftSummary>,
    pub failed: Vec<ImportFailure>,
    /// The imported files that had something their drafts leave out, each with its notes.
    pub notes: Vec<ImportNotes>,
}

/// What an imported file had that its draft leaves out (a Word document's tables, comments,
/// tracked changes …), for the writer to see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportNotes {
    pub path: String,
    #[ts(type = "number")]
    pub draft_id: i64,
    pub title: String,
    pub notes: Vec<ImportNote>,
}

/// A file that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportFailure {
    pub path: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RevisionSummary {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub draft_id: i64,
    /// 1, 2, 3 … within the draft.
    pub number: u32,
    pub kind: RevisionKind,
    pub name: Option<String>,
    pub title: String,
    /// Who saved it (empty for revisions from before Podium recorded it).
    pub author: String,
    pub created_at: String,
    /// Later than `createdAt` when autosaves were coalesced into this revision.
    pub updated_at: String,
    pub chars: u32,
    pub seconds: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Revision {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub draft_id: i64,
    pub number: u32,
    pub kind: RevisionKind,
    pub name: Option<String>,
    pub title: String,
    pub created_at: String,
    pub updated_at: String,
    pub body: String,
}

/// A range of a string in UTF-16 code units (JavaScript string indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TextRange {
    pub from: u32,
    pub to: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchHit {
    #[ts(type = "number")]
    pub draft_id: i64,
    pub title: String,
    /// A line of the body around the first match, `…` where it was cut.
    pub snippet: String,
    /// The match within `snippet`.
    pub highlight: Option<TextRange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TemplateKind {
    /// Sections to insert into a draft.
    Block,
    /// A whole address.
    Address,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TemplateInfo {
    pub id: String,
    pub name: String,
    pub description: String,
    pub kind: TemplateKind,
    /// The placeholders its text holds (`event`, `speaker`, `city`, `date` …), each once, in
    /// the order they first appear: the new-draft dialog names those left empty.
    pub fields: Vec<String>,
}

impl From<store::DraftSummary> for DraftSummary {
    fn from(draft: store::DraftSummary) -> Self {
        DraftSummary {
            id: draft.id,
            title: draft.title,
            event: draft.event,
            event_date: draft.event_date.map(date),
            target_seconds: draft.target_seconds,
            chars: draft.chars,
            seconds: draft.seconds,
            updated_at: instant(draft.updated_at),
            status: draft.status,
        }
    }
}

impl From<&store::Draft> for DraftSummary {
    fn from(draft: &store::Draft) -> Self {
        DraftSummary {
            id: draft.id,
            title: draft.title.clone(),
            event: draft.event.clone(),
            event_date: draft.event_date.map(date),
            target_seconds: draft.target_seconds,
            chars: draft.stats.chars,
            seconds: draft.stats.seconds,
            updated_at: instant(draft.updated_at),
            status: draft.status,
        }
    }
}

impl From<store::Draft> for Draft {
    fn from(draft: store::Draft) -> Self {
        Draft {
            id: draft.id,
            title: draft.title,
            event: draft.event,
            event_date: draft.event_date.map(date),
            target_seconds: draft.target_seconds,
            body: draft.body,
            revision: draft.revision,
            chars: draft.stats.chars,
            seconds: draft.stats.seconds,
            updated_at: instant(draft.updated_at),
            status: draft.status,
        }
    }
}

impl From<store::Draft> for Saved {
    fn from(draft: store::Draft) -> Self {
        Saved {
            revision: draft.revision,
            title: draft.title,
            updated_at: instant(draft.updated_at),
            chars: draft.stats.chars,
            seconds: draft.stats.seconds,
            journaled: false,
        }
    }
}

impl From<store::RevisionSummary> for RevisionSummary {
    fn from(revision: store::RevisionSummary) -> Self {
        RevisionSummary {
            id: revision.id,
            draft_id: revision.draft_id,
            number: revision.number,
            kind: revision.kind,
            name: revision.name,
            title: revision.title,
            author: revision.author,
            created_at: instant(revision.created_at),
            updated_at: instant(revision.updated_at),
            chars: revision.stats.chars,
            seconds: revision.stats.seconds,
        }
    }
}

impl From<store::Revision> for Revision {
    fn from(revision: store::Revision) -> Self {
        let summary = revision.summary;
        Revision {
            id: summary.id,
            draft_id: summary.draft_id,
            number: summary.number,
            kind: summary.kind,
            name: summary.name,
            title: summary.title,
            created_at: instant(summary.created_at),
            updated_at: instant(summary.updated_at),
            body: revision.body,
        }
    }
}

impl From<store::SearchHit> for SearchHit {
    fn from(hit: store::SearchHit) -> Self {
        let highlight = hit.highlight.map(|range| {
            let offsets = Utf16Offsets::new(&hit.snippet);
            TextRange {
                from: offsets.utf16(range.start),
                to: offsets.utf16(range.end),
            }
        });
        SearchHit {
            draft_id: hit.draft_id,
            title: hit.title,
            snippet: hit.snippet,
            highlight,
        }
    }
}

impl From<&Template> for TemplateInfo {
    fn from(template: &Template) -> Self {
        TemplateInfo {
            id: template.id.to_owned(),
            name: template.name.to_owned(),
            description: template.description.to_owned(),
            kind: match template.kind {
                templates::TemplateKind::Block => TemplateKind::Block,
                templates::TemplateKind::Address => TemplateKind::Address,
            },
            fields: templates::unfilled(template.body).fold(Vec::new(), |mut fields, (_, name)| {
                if !fields.iter().any(|field| field == name) {
                    fields.push(name.to_owned());
                }
                fields
            }),
        }
    }
}
