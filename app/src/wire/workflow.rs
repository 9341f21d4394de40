//! The office's workflow as it crosses: a draft's changes of status and its comments.

use super::instant;
use podium::store::{self, DraftStatus};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StatusChange {
    pub status: DraftStatus,
    pub author: String,
    /// Why (given when a settled draft was reopened); empty otherwise.
    pub reason: String,
    /// RFC 3339, UTC.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Comment {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub draft_id: i64,
    /// The passage it is about, as quoted when it was written.
    pub quote: String,
    pub body: String,
    pub author: String,
    pub created_at: String,
    pub resolved_at: Option<String>,
}

impl From<store::StatusChange> for StatusChange {
    fn from(change: store::StatusChange) -> Self {
        StatusChange {
            status: change.status,
            author: change.author,
            reason: change.reason,
            at: instant(change.at),
        }
    }
}

impl From<store::Comment> for Comment {
    fn from(comment: store::Comment) -> Self {
        Comment {
            id: comment.id,
            draft_id: comment.draft_id,
            quote: comment.quote,
            body: comment.body,
            author: comment.author,
            created_at: instant(comment.created_at),
            resolved_at: comment.resolved_at.map(instant),
        }
    }
}
