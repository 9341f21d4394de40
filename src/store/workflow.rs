//! The office's workflow on a draft: its status, who moved it and when, the reviewers'
//! comments on passages, and who has it open now.
//!
//! - Status: 下書き → 確認待ち → 確定 → 読み上げ済み → 公開済み ([`DraftStatus`]). A step goes
//!   forward one at a time (確定 may go straight to 公開済み: a statement published without
//!   being read), or back from 確認待ち to 下書き (sent back). A draft from 確定 on is
//!   read-only: a save is refused with [`StoreError::Locked`] (its text kept in the history,
//!   as a conflict's is), a rename or a restore too, until someone reopens it — back to
//!   下書き, with a reason. Every change is recorded with its author and time.
//! - Comments: a reviewer's note on a passage (the text it quotes), kept beside the draft and
//!   never in it (exports read the text only). Resolved, not deleted.
//! - Presence: each open editor says it is there every few seconds ([`Store::mark_present`]);
//!   those seen within [`PRESENCE_WINDOW`] are "also open", by name (another window of the
//!   same person is not someone else).

use super::sql::{values, FromValue, Row, Value};
use super::stamp::{self, Millis};
use super::status::DraftStatus;
use super::{Draft, Item, Result, Store, StoreError};
use serde::Serialize;
use time::{Duration, OffsetDateTime};

/// How long after its last sign an editor still counts as open.
pub const PRESENCE_WINDOW: Duration = Duration::seconds(15);

impl From<DraftStatus> for Value {
    fn from(status: DraftStatus) -> Self {
        Value::Text(status.as_str().to_owned())
    }
}

impl FromValue for DraftStatus {
    fn from_value(value: Value) -> Result<Self> {
        let text = String::from_value(value)?;
        DraftStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
            .ok_or_else(|| StoreError::Shape(format!("unknown status {text:?}")))
    }
}

/// A change of a draft's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    pub status: DraftStatus,
    pub author: String,
    /// Why (required when reopening a settled draft); empty otherwise.
    pub reason: String,
    #[serde(serialize_with = "stamp::json_instant")]
    pub at: OffsetDateTime,
}

/// A reviewer's comment on a passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    pub id: i64,
    pub draft_id: i64,
    /// The passage it is about, as quoted when it was written.
    pub quote: String,
    pub body: String,
    pub author: String,
    #[serde(serialize_with = "stamp::json_instant")]
    pub created_at: OffsetDateTime,
    #[serde(serialize_with = "stamp::json_opt_instant")]
    pub resolved_at: Option<OffsetDateTime>,
}

/// Longest comment, in characters (the column's check).
pub const COMMENT_CHARS: usize = 2000;

impl Store {
    /// Moves the draft to `status` (see the module's rules), recording who and when, and
    /// `reason` (required to reopen a settled draft; trimmed).
    pub fn set_status(
        &mut self,
        id: i64,
        status: DraftStatus,
        reason: &str,
        now: OffsetDateTime,
    ) -> Result<Draft> {
        let author = self.author.clone();
        let reason = reason.trim();
        self.write(|db| {
            let sql = format!("SELECT status FROM drafts WHERE id = ?1{}", db.for_update());
            let from: DraftStatus = db
                .row(&sql, &values![id])?
                .ok_or(StoreError::NotFound(Item::Draft(id)))?
                .take(0)?;
            match from.move_to(status) {
                None => return Err(StoreError::Transition { from, to: status }),
                Some(true) if reason.is_empty() => return Err(StoreError::ReasonNeeded),
                Some(_) => {}
            }
            db.execute(
                "UPDATE drafts SET status = ?2, updated_at = ?3 WHERE id = ?1",
                &values![id, status, Millis(now)],
            )?;
            db.execute(
                "INSERT INTO status_changes (draft_id, status, author, reason, at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                &values![id, status, &author, reason, Millis(now)],
            )?;
            super::drafts::read(db, id)
        })
    }

    /// The draft's changes of status, oldest first.
    pub fn status_changes(&self, id: i64) -> Result<Vec<StatusChange>> {
        let rows = self.read(|db| {
            db.rows(
                "SELECT status, author, reason, at FROM status_changes WHERE draft_id = ?1
                 ORDER BY id",
                &values![id],
            )
        })?;
        rows.into_iter()
            .map(|mut row| {
                Ok(StatusChange {
                    status: row.take(0)?,
                    author: row.take(1)?,
                    reason: row.take(2)?,
                    at: row.take::<Millis>(3)?.0,
                })
            })
            .collect()
    }

    /// A comment by this store's author on the passage `quote` of the draft.
    pub fn add_comment(
        &mut self,
        draft_id: i64,
        quote: &str,
        body: &str,
        now: OffsetDateTime,
    ) -> Result<Comment> {
        let author = self.author.clone();
        let row = self.write(|db| {
            if db
                .row("SELECT id FROM drafts WHERE id = ?1", &values![draft_id])?
                .is_none()
            {
                return Err(StoreError::NotFound(Item::Draft(draft_id)));
            }
            db.row(
                &format!(
                    "INSERT INTO comments (draft_id, quote, body, author, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5) RETURNING {COMMENT_COLUMNS}"
                ),
                &values![draft_id, quote, body.trim(), &author, Millis(now)],
            )
        })?;
        comment_from_row(row.ok_or_else(|| StoreError::Shape("no comment returned".into()))?)
    }

    /// The draft's comments, oldest first, resolved ones too.
    pub fn comments(&self, draft_id: i64) -> Result<Vec<Comment>> {
        let rows = self.read(|db| {
            db.rows(
                &format!("SELECT {COMMENT_COLUMNS} FROM comments WHERE draft_id = ?1 ORDER BY id"),
                &values![draft_id],
            )
        })?;
        rows.into_iter().map(comment_from_row).collect()
    }

    /// Marks the comment resolved (it stays, shown as such).
    pub fn resolve_comment(&mut self, id: i64, now: OffsetDateTime) -> Result<Comment> {
        let row = self.write(|db| {
            db.row(
                &format!(
                    "UPDATE comments SET resolved_at = coalesce(resolved_at, ?2) WHERE id = ?1
                     RETURNING {COMMENT_COLUMNS}"
                ),
                &values![id, Millis(now)],
            )
        })?;
        comment_from_row(row.ok_or(StoreError::NotFound(Item::Comment(id)))?)
    }

    /// Says this store's author has the draft open now; returns the others who have it open
    /// (seen within [`PRESENCE_WINDOW`]), by name.
    pub fn mark_present(&mut self, draft_id: i64, now: OffsetDateTime) -> Result<Vec<String>> {
        let author = self.author.clone();
        self.write(|db| {
            db.execute(
                "INSERT INTO presence (draft_id, author, seen_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (draft_id, author) DO UPDATE SET seen_at = excluded.seen_at",
                &values![draft_id, &author, Millis(now)],
            )?;
            db.rows(
                "SELECT author FROM presence
                 WHERE draft_id = ?1 AND author <> ?2 AND seen_at > ?3 ORDER BY author",
                &values![draft_id, &author, Millis(now - PRESENCE_WINDOW)],
            )?
            .into_iter()
            .map(|mut row| row.take(0))
            .collect()
        })
    }

    /// Says this store's author closed the draft.
    pub fn mark_absent(&mut self, draft_id: i64) -> Result<()> {
        let author = self.author.clone();
        self.write(|db| {
            db.execute(
                "DELETE FROM presence WHERE draft_id = ?1 AND author = ?2",
                &values![draft_id, &author],
            )
        })?;
        Ok(())
    }
}

const COMMENT_COLUMNS: &str = "id, draft_id, quote, body, author, created_at, resolved_at";

fn comment_from_row(mut row: Row) -> Result<Comment> {
    Ok(Comment {
        id: row.take(0)?,
        draft_id: row.take(1)?,
        quote: row.take(2)?,
        body: row.take(3)?,
        author: row.take(4)?,
        created_at: row.take::<Millis>(5)?.0,
        resolved_at: row.take::<Option<Millis>>(6)?.map(|Millis(at)| at),
    })
}
