//! The history of a draft: an append-only list of revisions (title, body, stats).
//!
//! Every change of text writes one, except that an autosave is coalesced into the latest
//! revision when that is an autosave started less than [`AUTOSAVE_WINDOW`] ago: a long
//! typing session leaves one autosave per window, not one per keystroke pause. Event data
//! (event, date, target) is not versioned.

use super::sql::{values, Db, FromValue, Row, Value};
use super::stamp::{self, Millis};
use super::stats::DraftStats;
use super::{Item, Result, Store, StoreError};
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// How long an autosave revision keeps absorbing later autosaves.
pub const AUTOSAVE_WINDOW: Duration = Duration::minutes(5);

/// Why a revision was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum RevisionKind {
    /// The draft was created (also by duplication).
    Create,
    Autosave,
    /// A version saved on purpose.
    Named,
    /// An older revision was restored.
    Restore,
    Import,
    /// A save that lost a race: its text, kept aside. The draft did not take it.
    Conflict,
}

impl RevisionKind {
    const ALL: [RevisionKind; 6] = [
        RevisionKind::Create,
        RevisionKind::Autosave,
        RevisionKind::Named,
        RevisionKind::Restore,
        RevisionKind::Import,
        RevisionKind::Conflict,
    ];

    /// The name stored in the `kind` column.
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionKind::Create => "create",
            RevisionKind::Autosave => "autosave",
            RevisionKind::Named => "named",
            RevisionKind::Restore => "restore",
            RevisionKind::Import => "import",
            RevisionKind::Conflict => "conflict",
        }
    }
}

impl From<RevisionKind> for Value {
    fn from(kind: RevisionKind) -> Self {
        Value::Text(kind.as_str().to_owned())
    }
}

impl FromValue for RevisionKind {
    fn from_value(value: Value) -> Result<Self> {
        let text = String::from_value(value)?;
        RevisionKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
            .ok_or_else(|| StoreError::Shape(format!("unknown revision kind {text:?}")))
    }
}

/// A line of a draft's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RevisionSummary {
    pub id: i64,
    pub draft_id: i64,
    /// 1, 2, 3 … within the draft, in order of writing.
    pub number: u32,
    pub kind: RevisionKind,
    pub name: Option<String>,
    pub title: String,
    pub stats: DraftStats,
    /// Who wrote it: the OS user or the name set in the settings (empty for revisions
    /// written before Podium recorded it).
    pub author: String,
    #[serde(serialize_with = "stamp::json_instant")]
    pub created_at: OffsetDateTime,
    /// Later than `created_at` only for an autosave that absorbed later ones.
    #[serde(serialize_with = "stamp::json_instant")]
    pub updated_at: OffsetDateTime,
}

/// A revision with its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Revision {
    #[serde(flatten)]
    pub summary: RevisionSummary,
    pub body: String,
}

/// The versioned part of a draft.
pub(super) struct Snapshot<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub stats: DraftStats,
}

const SUMMARY_COLUMNS: &str =
    "id, draft_id, number, kind, name, title, chars, seconds, author, created_at, updated_at";

impl Store {
    /// A draft's history, newest first, without the texts.
    pub fn revisions(&self, draft_id: i64) -> Result<Vec<RevisionSummary>> {
        let rows = self.read(|db| {
            if db
                .row("SELECT id FROM drafts WHERE id = ?1", &values![draft_id])?
                .is_none()
            {
                return Err(StoreError::NotFound(Item::Draft(draft_id)));
            }
            db.rows(
                &format!(
                    "SELECT {SUMMARY_COLUMNS} FROM revisions WHERE draft_id = ?1
                     ORDER BY number DESC"
                ),
                &values![draft_id],
            )
        })?;
        rows.into_iter().map(summary_from_row).collect()
    }

    /// One revision with its text.
    pub fn revision(&self, id: i64) -> Result<Revision> {
        self.read(|db| read(db, id))
    }
}

/// Writes a revision of `draft_id` by `author` and returns its id: appended, or for an
/// autosave coalesced into the latest revision when that is a recent autosave of the same
/// author. The caller holds the draft's row ([`super::drafts`]' lock).
pub(super) fn record(
    db: &mut Db<'_, '_>,
    draft_id: i64,
    text: &Snapshot<'_>,
    kind: RevisionKind,
    name: Option<&str>,
    author: &str,
    now: OffsetDateTime,
) -> Result<i64> {
    if kind == RevisionKind::Autosave {
        let latest = db.row(
            "SELECT id, kind, author, created_at FROM revisions
             WHERE draft_id = ?1 ORDER BY number DESC LIMIT 1",
            &values![draft_id],
        )?;
        if let Some(mut latest) = latest {
            let id: i64 = latest.take(0)?;
            let latest_kind: RevisionKind = latest.take(1)?;
            let latest_author: String = latest.take(2)?;
            let Millis(started) = latest.take(3)?;
            if latest_kind == RevisionKind::Autosave
                && latest_author == author
                && now - started < AUTOSAVE_WINDOW
            {
                db.execute(
                    "UPDATE revisions SET title = ?2, body = ?3, chars = ?4, seconds = ?5,
                         updated_at = ?6
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
                return Ok(id);
            }
        }
    }
    let mut row = db
        .row(
            "INSERT INTO revisions (draft_id, number, kind, name, title, chars, seconds,
                 author, created_at, updated_at, body)
             VALUES (?1,
                 coalesce((SELECT max(number) FROM revisions WHERE draft_id = ?1), 0) + 1,
                 ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)
             RETURNING id",
            &values![
                draft_id,
                kind,
                name,
                text.title,
                text.stats.chars,
                text.stats.seconds,
                author,
                Millis(now),
                text.body
            ],
        )?
        .ok_or_else(|| StoreError::Shape("no id returned".into()))?;
    row.take(0)
}

/// A draft's whole history with the texts, oldest first.
pub(super) fn all_of(db: &mut Db<'_, '_>, draft_id: i64) -> Result<Vec<Revision>> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, body FROM revisions WHERE draft_id = ?1 ORDER BY number"
    );
    db.rows(&sql, &values![draft_id])?
        .into_iter()
        .map(revision_from_row)
        .collect()
}

/// Reads a revision with its text.
pub(super) fn read(db: &mut Db<'_, '_>, id: i64) -> Result<Revision> {
    let sql = format!("SELECT {SUMMARY_COLUMNS}, body FROM revisions WHERE id = ?1");
    let row = db
        .row(&sql, &values![id])?
        .ok_or(StoreError::NotFound(Item::Revision(id)))?;
    revision_from_row(row)
}

fn revision_from_row(mut row: Row) -> Result<Revision> {
    let body = row.take(11)?;
    Ok(Revision {
        summary: summary_from_row(row)?,
        body,
    })
}

fn summary_from_row(mut row: Row) -> Result<RevisionSummary> {
    Ok(RevisionSummary {
        id: row.take(0)?,
        draft_id: row.take(1)?,
        number: row.take(2)?,
        kind: row.take(3)?,
        name: row.take(4)?,
        title: row.take(5)?,
        stats: DraftStats {
            chars: row.take(6)?,
            seconds: row.take(7)?,
        },
        author: row.take(8)?,
        created_at: row.take::<Millis>(9)?.0,
        updated_at: row.take::<Millis>(10)?.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{DraftEdit, SaveKind};
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-01-05 09:00 UTC);

    fn edit(body: &str) -> DraftEdit {
        DraftEdit {
            title: "年頭挨拶".into(),
            body: body.into(),
            ..DraftEdit::default()
        }
    }

    fn kinds(store: &Store, id: i64) -> Vec<(u32, RevisionKind, String)> {
        let mut history: Vec<_> = store
            .revisions(id)
            .unwrap()
            .into_iter()
            .map(|rev| (rev.number, rev.kind, store.revision(rev.id).unwrap().body))
            .collect();
        history.reverse();
        history
    }

    #[test]
    fn autosaves_coalesce_within_the_window_only() {
        let mut store = Store::open_in_memory().unwrap();
        let draft = store.create_draft(&edit("a"), T0).unwrap();
        let minute = Duration::minutes(1);
        let mut revision = draft.revision;
        for (body, at) in [
            ("ab", T0 + minute),
            ("abc", T0 + 2 * minute),
            ("abcd", T0 + 6 * minute),
        ] {
            revision = store
                .save_draft(draft.id, &edit(body), revision, SaveKind::Autosave, at)
                .unwrap()
                .revision;
        }
        // "ab" started an autosave at 09:01; "abc" joined it; "abcd" came 5 minutes after
        // 09:01 and starts a new one.
        assert_eq!(
            kinds(&store, draft.id),
            [
                (1, RevisionKind::Create, "a".into()),
                (2, RevisionKind::Autosave, "abc".into()),
                (3, RevisionKind::Autosave, "abcd".into()),
            ]
        );
        assert_eq!(revision, 4, "every save bumps the draft's revision");
        let coalesced = &store.revisions(draft.id).unwrap()[1];
        assert_eq!(
            (coalesced.created_at, coalesced.updated_at),
            (T0 + minute, T0 + 2 * minute)
        );

        // A named save is never absorbed and stops the coalescing.
        let at = T0 + 7 * minute;
        let named = SaveKind::Named(Some("市長確認前".into()));
        let draft = store
            .save_draft(draft.id, &edit("e"), revision, named, at)
            .unwrap();
        store
            .save_draft(
                draft.id,
                &edit("ef"),
                draft.revision,
                SaveKind::Autosave,
                at,
            )
            .unwrap();
        let history = kinds(&store, draft.id);
        assert_eq!(history[3], (4, RevisionKind::Named, "e".into()));
        assert_eq!(history[4], (5, RevisionKind::Autosave, "ef".into()));
        assert_eq!(
            store.revisions(draft.id).unwrap()[1].name.as_deref(),
            Some("市長確認前")
        );
    }

    #[test]
    fn restore_writes_a_restore_revision() {
        let mut store = Store::open_in_memory().unwrap();
        let draft = store.create_draft(&edit("初稿"), T0).unwrap();
        let later = T0 + Duration::hours(1);
        let draft = store
            .save_draft(
                draft.id,
                &edit("改稿"),
                draft.revision,
                SaveKind::Import,
                later,
            )
            .unwrap();
        let first = store.revisions(draft.id).unwrap()[1].id;
        let restored = store.restore_revision(first, later).unwrap();
        assert_eq!((restored.body.as_str(), restored.revision), ("初稿", 3));
        assert_eq!(
            kinds(&store, draft.id),
            [
                (1, RevisionKind::Create, "初稿".into()),
                (2, RevisionKind::Import, "改稿".into()),
                (3, RevisionKind::Restore, "初稿".into()),
            ]
        );
        assert!(matches!(
            store.restore_revision(999, later),
            Err(StoreError::NotFound(Item::Revision(999)))
        ));
    }

    #[test]
    fn unknown_kind_is_a_read_error_not_a_panic() {
        assert!(RevisionKind::from_value("draft".into()).is_err());
        assert_eq!(
            RevisionKind::from_value("named".into()).unwrap(),
            RevisionKind::Named
        );
    }
}
