//! Drafts: create, read, list, save (with optimistic concurrency), restore a revision, rename,
//! duplicate, delete with undo, purge. Each change of text is recorded in the history
//! ([`super::revisions`]).

use super::revisions::{self, RevisionKind, Snapshot};
use super::search;
use super::stamp::{self, IsoDate, Millis};
use super::stats::DraftStats;
use super::{Item, Result, Store, StoreError};
use rusqlite::{params, Connection, OptionalExtension, Row};
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
                             revision, created_at, updated_at, deleted_at, body";

impl Store {
    /// Creates a draft; its history starts with a `create` revision.
    pub fn create_draft(&mut self, draft: &DraftEdit, now: OffsetDateTime) -> Result<Draft> {
        let tx = self.begin_write()?;
        let created = insert(&tx, draft, RevisionKind::Create, now)?;
        tx.commit()?;
        Ok(created)
    }

    /// Creates drafts from imported files, all or none; each history starts with an
    /// `import` revision. Returns the drafts in the order given.
    pub fn import_drafts(
        &mut self,
        drafts: &[DraftEdit],
        now: OffsetDateTime,
    ) -> Result<Vec<Draft>> {
        let tx = self.begin_write()?;
        let created = drafts
            .iter()
            .map(|draft| insert(&tx, draft, RevisionKind::Import, now))
            .collect::<Result<Vec<_>>>()?;
        tx.commit()?;
        Ok(created)
    }

    /// The draft, deleted or not.
    pub fn draft(&self, id: i64) -> Result<Draft> {
        read(&self.conn, id)
    }

    /// Live drafts, most recently changed first.
    pub fn list_drafts(&self) -> Result<Vec<DraftSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, event, event_date, target_seconds, chars, seconds, updated_at
             FROM drafts WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(DraftSummary {
                id: row.get(0)?,
                title: row.get(1)?,
                event: row.get(2)?,
                event_date: row.get::<_, Option<IsoDate>>(3)?.map(|IsoDate(date)| date),
                target_seconds: row.get(4)?,
                chars: row.get(5)?,
                seconds: row.get(6)?,
                updated_at: row.get::<_, Millis>(7)?.0,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves an edit made on top of `base_revision`.
    ///
    /// If the draft has moved on since (another window saved, or it was renamed), nothing is
    /// overwritten: the edit is kept as a `conflict` revision and [`StoreError::Conflict`] is
    /// returned. Deleted drafts can still be saved (they stay deleted).
    pub fn save_draft(
        &mut self,
        id: i64,
        edit: &DraftEdit,
        base_revision: u32,
        kind: SaveKind,
        now: OffsetDateTime,
    ) -> Result<Draft> {
        let tx = self.begin_write()?;
        let current: u32 = tx
            .query_row("SELECT revision FROM drafts WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .optional()?
            .ok_or(StoreError::NotFound(Item::Draft(id)))?;
        let snapshot = edit.snapshot();
        if current != base_revision {
            let kept = revisions::record(&tx, id, &snapshot, RevisionKind::Conflict, None, now)?;
            tx.commit()?;
            return Err(StoreError::Conflict {
                current_revision: current,
                kept,
            });
        }
        tx.execute(
            "UPDATE drafts SET title = ?2, event = ?3, event_date = ?4, target_seconds = ?5,
                 chars = ?6, seconds = ?7, body = ?8, revision = revision + 1, updated_at = ?9
             WHERE id = ?1",
            params![
                id,
                edit.title,
                edit.event,
                edit.event_date.map(IsoDate),
                edit.target_seconds,
                edit.stats.chars,
                edit.stats.seconds,
                edit.body,
                Millis(now),
            ],
        )?;
        search::index_bigrams(&tx, id)?;
        let (kind, name) = match kind {
            SaveKind::Autosave => (RevisionKind::Autosave, None),
            SaveKind::Named(name) => (RevisionKind::Named, name),
            SaveKind::Import => (RevisionKind::Import, None),
        };
        revisions::record(&tx, id, &snapshot, kind, name.as_deref(), now)?;
        let draft = read(&tx, id)?;
        tx.commit()?;
        Ok(draft)
    }

    /// Makes an old revision the draft's current text (title, body, stats), recording a
    /// `restore` revision. Nothing is lost: the replaced text is already in the history.
    pub fn restore_revision(&mut self, id: i64, now: OffsetDateTime) -> Result<Draft> {
        let tx = self.begin_write()?;
        let old = revisions::read(&tx, id)?;
        let draft_id = old.summary.draft_id;
        let text = Snapshot {
            title: &old.summary.title,
            body: &old.body,
            stats: old.summary.stats,
        };
        replace_text(&tx, draft_id, &text, now)?;
        revisions::record(&tx, draft_id, &text, RevisionKind::Restore, None, now)?;
        let draft = read(&tx, draft_id)?;
        tx.commit()?;
        Ok(draft)
    }

    /// Changes the title. This bumps the revision, so a stale save cannot undo it.
    pub fn rename_draft(&mut self, id: i64, title: &str, now: OffsetDateTime) -> Result<Draft> {
        let tx = self.begin_write()?;
        let changed = tx.execute(
            "UPDATE drafts SET title = ?2, revision = revision + 1, updated_at = ?3 WHERE id = ?1",
            params![id, title, Millis(now)],
        )?;
        found(changed, Item::Draft(id))?;
        search::index_bigrams(&tx, id)?;
        let draft = read(&tx, id)?;
        tx.commit()?;
        Ok(draft)
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
        let changed = self.conn.execute(
            "UPDATE drafts SET deleted_at = coalesce(deleted_at, ?2) WHERE id = ?1",
            params![id, Millis(now)],
        )?;
        found(changed, Item::Draft(id))
    }

    /// Undoes [`Store::delete_draft`].
    pub fn restore_draft(&mut self, id: i64) -> Result<()> {
        let changed = self
            .conn
            .execute("UPDATE drafts SET deleted_at = NULL WHERE id = ?1", [id])?;
        found(changed, Item::Draft(id))
    }

    /// Removes for good the drafts deleted at or before `deleted_before`, with their history.
    /// Returns how many were removed.
    pub fn purge_deleted(&mut self, deleted_before: OffsetDateTime) -> Result<usize> {
        Ok(self.conn.execute(
            "DELETE FROM drafts WHERE deleted_at IS NOT NULL AND deleted_at <= ?1",
            [Millis(deleted_before)],
        )?)
    }
}

/// Inserts a draft with its first revision and its search row.
fn insert(
    conn: &Connection,
    draft: &DraftEdit,
    kind: RevisionKind,
    now: OffsetDateTime,
) -> Result<Draft> {
    conn.prepare_cached(
        "INSERT INTO drafts (title, event, event_date, target_seconds, chars, seconds,
             revision, created_at, updated_at, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7, ?8)",
    )?
    .execute(params![
        draft.title,
        draft.event,
        draft.event_date.map(IsoDate),
        draft.target_seconds,
        draft.stats.chars,
        draft.stats.seconds,
        Millis(now),
        draft.body,
    ])?;
    let id = conn.last_insert_rowid();
    search::index_bigrams(conn, id)?;
    revisions::record(conn, id, &draft.snapshot(), kind, None, now)?;
    read(conn, id)
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
fn read(conn: &Connection, id: i64) -> Result<Draft> {
    conn.prepare_cached(&format!("SELECT {DRAFT_COLUMNS} FROM drafts WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or(StoreError::NotFound(Item::Draft(id)))
}

/// Replaces title, body and stats (as when restoring a revision) and bumps the revision.
fn replace_text(
    conn: &Connection,
    id: i64,
    text: &Snapshot<'_>,
    now: OffsetDateTime,
) -> Result<()> {
    let changed = conn.execute(
        "UPDATE drafts SET title = ?2, body = ?3, chars = ?4, seconds = ?5,
             revision = revision + 1, updated_at = ?6
         WHERE id = ?1",
        params![
            id,
            text.title,
            text.body,
            text.stats.chars,
            text.stats.seconds,
            Millis(now)
        ],
    )?;
    found(changed, Item::Draft(id))?;
    search::index_bigrams(conn, id)
}

/// `NotFound` when a statement changed no row.
fn found(changed: usize, item: Item) -> Result<()> {
    if changed == 0 {
        Err(StoreError::NotFound(item))
    } else {
        Ok(())
    }
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Draft> {
    Ok(Draft {
        id: row.get(0)?,
        title: row.get(1)?,
        event: row.get(2)?,
        event_date: row.get::<_, Option<IsoDate>>(3)?.map(|IsoDate(date)| date),
        target_seconds: row.get(4)?,
        stats: DraftStats {
            chars: row.get(5)?,
            seconds: row.get(6)?,
        },
        revision: row.get(7)?,
        created_at: row.get::<_, Millis>(8)?.0,
        updated_at: row.get::<_, Millis>(9)?.0,
        deleted_at: row.get::<_, Option<Millis>>(10)?.map(|Millis(at)| at),
        body: row.get(11)?,
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
