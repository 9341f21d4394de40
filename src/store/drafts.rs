//! Drafts: create, read, list, save (with optimistic concurrency), restore a revision, rename,
//! duplicate, delete with undo, purge. Each change of text is recorded in the history
//! ([`super::revisions`]).

use super::revisions::{self, RevisionKind, Snapshot};
use super::search;
use super::sql::{values, Db, Row};
use super::stamp::{self, IsoDate, Millis};
use super::stats::DraftStats;
use super::status::DraftStatus;
use super::{Item, Result, Store, StoreError};
use serde::Serialize;
use time::{Date, OffsetDateTime};

/// The content of a draft, as written by [`Store::save_draft`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DraftEdit {
    pub title: String,
    /// The occasion (仕事始め, 入庁式 …); empty when none.
    pub event: String,
    pub event_date: Option<Date>,
    /// Planned length.
    pub target_seconds: Option<u32>,
    /// Markdown in the speech dialect.
    pub body: String,
    pub stats: DraftStats,
}

/// A stored draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub id: i64,
    pub title: String,
    pub event: String,
    #[serde(serialize_with = "stamp::json_opt_date")]
    pub event_date: Option<Date>,
    pub target_seconds: Option<u32>,
    pub body: String,
    pub stats: DraftStats,
    /// Bumped by every change of text. A save passes back the revision it was based on.
    pub revision: u32,
    #[serde(serialize_with = "stamp::json_instant")]
    pub created_at: OffsetDateTime,
    #[serde(serialize_with = "stamp::json_instant")]
    pub updated_at: OffsetDateTime,
    /// Set while the draft is deleted and can still be restored.
    #[serde(serialize_with = "stamp::json_opt_instant")]
    pub deleted_at: Option<OffsetDateTime>,
    /// Where it is in the office's workflow (see [`super::workflow`]).
    pub status: DraftStatus,
}

/// A line of the library list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftSummary {
    pub id: i64,
    pub title: String,
    pub event: String,
    #[serde(serialize_with = "stamp::json_opt_date")]
    pub event_date: Option<Date>,
    pub target_seconds: Option<u32>,
    pub chars: u32,
    pub seconds: f64,
    #[serde(serialize_with = "stamp::json_instant")]
    pub updated_at: OffsetDateTime,
    pub status: DraftStatus,
}

/// Why a draft is saved; decides the kind of revision written to its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveKind {
    /// Saved while typing. Coalesced into the latest revision when that is an autosave
    /// younger than [`super::AUTOSAVE_WINDOW`].
    Autosave,
    /// A version the writer saved on purpose, with an optional name.
    Named(Option<String>),
    /// Text imported from a file into an existing draft.
    Import,
}

const DRAFT_COLUMNS: &str = "id, title, event, event_date, target_seconds, chars, seconds, \
                             revision, created_at, updated_at, deleted_at, status, body";

impl Store {
    /// Creates a draft; its history starts with a `create` revision.
    pub fn create_draft(&mut self, draft: &DraftEdit, now: OffsetDateTime) -> Result<Draft> {
        let author = self.author.clone();
        self.write(|db| insert(db, draft, RevisionKind::Create, &author, now))
    }

    /// Creates drafts from imported files, all or none; each history starts with an
    /// `import` revision. Returns the drafts in the order given.
    pub fn import_drafts(
        &mut self,
        drafts: &[DraftEdit],
        now: OffsetDateTime,
    ) -> Result<Vec<Draft>> {
        let author = self.author.clone();
        self.write(|db| {
            drafts
                .iter()
                .map(|draft| insert(db, draft, RevisionKind::Import, &author, now))
                .collect()
        })
    }

    /// The draft, deleted or not.
    pub fn draft(&self, id: i64) -> Result<Draft> {
        self.read(|db| read(db, id))
    }

    /// Live drafts, most recently changed first.
    pub fn list_drafts(&self) -> Result<Vec<DraftSummary>> {
        let rows = self.read(|db| {
            db.rows(
                "SELECT id, title, event, event_date, target_seconds, chars, seconds, updated_at,
                     status
                 FROM drafts WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC",
                &[],
            )
        })?;
        rows.into_iter().map(summary_from_row).collect()
    }

    /// Saves an edit made on top of `base_revision`.
    ///
    /// If the draft has moved on since (another window or another writer saved, or it was
    /// renamed), nothing is overwritten: the edit is kept as a `conflict` revision and
    /// [`StoreError::Conflict`] is returned. Deleted drafts can still be saved (they stay
    /// deleted).
    pub fn save_draft(
        &mut self,
        id: i64,
        edit: &DraftEdit,
        base_revision: u32,
        kind: SaveKind,
        now: OffsetDateTime,
    ) -> Result<Draft> {
        let author = self.author.clone();
        self.write(|db| {
            let (current, status) = lock(db, id)?;
            let snapshot = edit.snapshot();
            if !status.is_editable() || current != base_revision {
                let kept = revisions::record(
                    db,
                    id,
                    &snapshot,
                    RevisionKind::Conflict,
                    None,
                    &author,
                    now,
                )?;
                // Committed: the refused text is kept.
                return Ok(Err(match status.is_editable() {
                    false => StoreError::Locked {
                        status,
                        kept: Some(kept),
                    },
                    true => StoreError::Conflict {
                        current_revision: current,
                        kept,
                    },
                }));
            }
            db.execute(
                "UPDATE drafts SET title = ?2, event = ?3, event_date = ?4, target_seconds = ?5,
                     chars = ?6, seconds = ?7, body = ?8, revision = revision + 1,
                     updated_at = ?9
                 WHERE id = ?1",
                &values![
                    id,
                    &edit.title,
                    &edit.event,
                    edit.event_date.map(IsoDate),
                    edit.target_seconds,
                    edit.stats.chars,
                    edit.stats.seconds,
                    &edit.body,
                    Millis(now),
                ],
            )?;
            search::index(db, id)?;
            let (kind, name) = match &kind {
                SaveKind::Autosave => (RevisionKind::Autosave, None),
                SaveKind::Named(name) => (RevisionKind::Named, name.as_deref()),
                SaveKind::Import => (RevisionKind::Import, None),
            };
            revisions::record(db, id, &snapshot, kind, name, &author, now)?;
            read(db, id).map(Ok)
        })?
    }

    /// Makes an old revision the draft's current text (title, body, stats), recording a
    /// `restore` revision. Nothing is lost: the replaced text is already in the history.
    pub fn restore_revision(&mut self, id: i64, now: OffsetDateTime) -> Result<Draft> {
        let author = self.author.clone();
        self.write(|db| {
            let old = revisions::read(db, id)?;
            let draft_id = old.summary.draft_id;
            editable(lock(db, draft_id)?.1)?;
            let text = Snapshot {
                title: &old.summary.title,
                body: &old.body,
                stats: old.summary.stats,
            };
            replace_text(db, draft_id, &text, now)?;
            revisions::record(
                db,
                draft_id,
                &text,
                RevisionKind::Restore,
                None,
                &author,
                now,
            )?;
            read(db, draft_id)
        })
    }

    /// Changes the title. This bumps the revision, so a stale save cannot undo it.
    pub fn rename_draft(&mut self, id: i64, title: &str, now: OffsetDateTime) -> Result<Draft> {
        self.write(|db| {
            editable(lock(db, id)?.1)?;
            db.execute(
                "UPDATE drafts SET title = ?2, revision = revision + 1, updated_at = ?3
                 WHERE id = ?1",
                &values![id, title, Millis(now)],
            )?;
            search::index(db, id)?;
            read(db, id)
        })
    }

    /// A new draft with the same content under `title`, with a history of its own.
    pub fn duplicate_draft(&mut self, id: i64, title: &str, now: OffsetDateTime) -> Result<Draft> {
        let source = self.draft(id)?;
        let copy = DraftEdit {
            title: title.to_owned(),
            event: source.event,
            event_date: source.event_date,
            target_seconds: source.target_seconds,
            body: source.body,
            stats: source.stats,
        };
        self.create_draft(&copy, now)
    }

    /// Moves the draft out of the library; [`Store::restore_draft`] undoes it. Deleting a
    /// deleted draft keeps its first deletion time.
    pub fn delete_draft(&mut self, id: i64, now: OffsetDateTime) -> Result<()> {
        self.write(|db| {
            let changed = db.execute(
                "UPDATE drafts SET deleted_at = coalesce(deleted_at, ?2) WHERE id = ?1",
                &values![id, Millis(now)],
            )?;
            found(changed, Item::Draft(id))
        })
    }

    /// Undoes [`Store::delete_draft`].
    pub fn restore_draft(&mut self, id: i64) -> Result<()> {
        self.write(|db| {
            let changed = db.execute(
                "UPDATE drafts SET deleted_at = NULL WHERE id = ?1",
                &values![id],
            )?;
            found(changed, Item::Draft(id))
        })
    }

    /// The trash: deleted drafts, most recently deleted first, each with when it was deleted.
    pub fn trash(&self) -> Result<Vec<(DraftSummary, OffsetDateTime)>> {
        let rows = self.read(|db| {
            db.rows(
                "SELECT id, title, event, event_date, target_seconds, chars, seconds, updated_at,
                     status, deleted_at
                 FROM drafts WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC",
                &[],
            )
        })?;
        rows.into_iter()
            .map(|mut row| {
                let deleted_at = row.take::<Millis>(9)?.0;
                Ok((summary_from_row(row)?, deleted_at))
            })
            .collect()
    }

    /// Removes for good the drafts deleted at or before `deleted_before`, with their history.
    /// Returns how many were removed.
    pub fn purge_deleted(&mut self, deleted_before: OffsetDateTime) -> Result<usize> {
        self.write(|db| {
            let removed = db.execute(
                "DELETE FROM drafts WHERE deleted_at IS NOT NULL AND deleted_at <= ?1",
                &values![Millis(deleted_before)],
            )?;
            Ok(removed as usize)
        })
    }
}

/// The draft's revision and status, its row locked until the transaction ends (see
/// [`Db::for_update`]): the history is written by one writer at a time.
fn lock(db: &mut Db<'_, '_>, id: i64) -> Result<(u32, DraftStatus)> {
    let sql = format!(
        "SELECT revision, status FROM drafts WHERE id = ?1{}",
        db.for_update()
    );
    match db.row(&sql, &values![id])? {
        Some(mut row) => Ok((row.take(0)?, row.take(1)?)),
        None => Err(StoreError::NotFound(Item::Draft(id))),
    }
}

/// `Locked` for a settled draft (from 確定 on): its text does not change until reopened.
fn editable(status: DraftStatus) -> Result<()> {
    match status.is_editable() {
        true => Ok(()),
        false => Err(StoreError::Locked { status, kept: None }),
    }
}

/// Inserts a draft with its first revision and its search row.
fn insert(
    db: &mut Db<'_, '_>,
    draft: &DraftEdit,
    kind: RevisionKind,
    author: &str,
    now: OffsetDateTime,
) -> Result<Draft> {
    let mut row = db
        .row(
            "INSERT INTO drafts (title, event, event_date, target_seconds, chars, seconds,
                 revision, created_at, updated_at, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7, ?8)
             RETURNING id",
            &values![
                &draft.title,
                &draft.event,
                draft.event_date.map(IsoDate),
                draft.target_seconds,
                draft.stats.chars,
                draft.stats.seconds,
                Millis(now),
                &draft.body,
            ],
        )?
        .ok_or_else(|| StoreError::Shape("no id returned".into()))?;
    let id = row.take(0)?;
    search::index(db, id)?;
    revisions::record(db, id, &draft.snapshot(), kind, None, author, now)?;
    read(db, id)
}

impl DraftEdit {
    /// The versioned part of the edit.
    fn snapshot(&self) -> Snapshot<'_> {
        Snapshot {
            title: &self.title,
            body: &self.body,
            stats: self.stats,
        }
    }
}

/// Reads a draft, deleted or not.
pub(super) fn read(db: &mut Db<'_, '_>, id: i64) -> Result<Draft> {
    let sql = format!("SELECT {DRAFT_COLUMNS} FROM drafts WHERE id = ?1");
    match db.row(&sql, &values![id])? {
        Some(row) => from_row(row),
        None => Err(StoreError::NotFound(Item::Draft(id))),
    }
}

/// Replaces title, body and stats (as when restoring a revision) and bumps the revision.
fn replace_text(
    db: &mut Db<'_, '_>,
    id: i64,
    text: &Snapshot<'_>,
    now: OffsetDateTime,
) -> Result<()> {
    let changed = db.execute(
        "UPDATE drafts SET title = ?2, body = ?3, chars = ?4, seconds = ?5,
             revision = revision + 1, updated_at = ?6
         WHERE id = ?1",
        &values![
            id,
            text.title,
            text.body,
            text.stats.chars,
            text.stats.seconds,
            Millis(now)
        ],
    )?;
    found(changed, Item::Draft(id))?;
    search::index(db, id)
}

/// `NotFound` when a statement changed no row.
fn found(changed: u64, item: Item) -> Result<()> {
    if changed == 0 {
        Err(StoreError::NotFound(item))
    } else {
        Ok(())
    }
}

/// A library line from `id, title, event, event_date, target_seconds, chars, seconds,
/// updated_at, status`.
fn summary_from_row(mut row: Row) -> Result<DraftSummary> {
    Ok(DraftSummary {
        id: row.take(0)?,
        title: row.take(1)?,
        event: row.take(2)?,
        event_date: row.take::<Option<IsoDate>>(3)?.map(|IsoDate(date)| date),
        target_seconds: row.take(4)?,
        chars: row.take(5)?,
        seconds: row.take(6)?,
        updated_at: row.take::<Millis>(7)?.0,
        status: row.take(8)?,
    })
}

fn from_row(mut row: Row) -> Result<Draft> {
    Ok(Draft {
        id: row.take(0)?,
        title: row.take(1)?,
        event: row.take(2)?,
        event_date: row.take::<Option<IsoDate>>(3)?.map(|IsoDate(date)| date),
        target_seconds: row.take(4)?,
        stats: DraftStats {
            chars: row.take(5)?,
            seconds: row.take(6)?,
        },
        revision: row.take(7)?,
        created_at: row.take::<Millis>(8)?.0,
        updated_at: row.take::<Millis>(9)?.0,
        deleted_at: row.take::<Option<Millis>>(10)?.map(|Millis(at)| at),
        status: row.take(11)?,
        body: row.take(12)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn new(title: &str) -> DraftEdit {
        DraftEdit {
            title: title.into(),
            body: format!("{title}の本文"),
            ..DraftEdit::default()
        }
    }

    #[test]
    fn imports_are_all_or_nothing_and_start_with_an_import_revision() {
        let mut store = Store::open_in_memory().unwrap();
        let now = datetime!(2026-01-05 09:00 UTC);
        let drafts = store.import_drafts(&[new("一"), new("二")], now).unwrap();
        let titles: Vec<_> = drafts.iter().map(|d| d.title.as_str()).collect();
        assert_eq!(titles, ["一", "二"]);
        assert_eq!(
            store.revisions(drafts[1].id).unwrap()[0].kind,
            RevisionKind::Import
        );

        let mut bad = new("三");
        bad.stats.seconds = f64::NAN; // stored as NULL: the NOT NULL check fails
        assert!(store.import_drafts(&[new("四"), bad], now).is_err());
        assert_eq!(
            store.list_drafts().unwrap().len(),
            2,
            "a failed import leaves nothing"
        );
    }
}
