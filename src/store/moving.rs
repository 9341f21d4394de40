//! Moving a library into another (`podium migrate --from podium.db --to postgres://…`): when an
//! office outgrows one PC, its drafts go to the server with everything they had.
//!
//! - Every draft, in the trash too, with its whole history as it was (numbers, kinds, names,
//!   authors, times), its rehearsals and what was judged in its proofreading (dismissed
//!   findings, rules off). Each draft is one transaction on the target.
//! - The user's templates (a name the target has already keeps the newer of the two), the
//!   reading dictionary (a word the target has already keeps the target's reading), and the
//!   settings the target does not have yet.
//! - Moving again copies nothing twice: the target records, for each draft it took, which
//!   draft of which library it was (`moved_drafts`); a library is known by an id kept in its
//!   own settings (`libraryId`, made at its first move). Drafts added to the source since are
//!   moved; one already moved is left as the target has it (it may have been edited there).

use super::revisions::{self, Revision};
use super::sql::{values, Db};
use super::stamp::{IsoDate, Millis};
use super::{dismissals, drafts, rehearsals};
use super::{Result, Store, StoreError};
use std::hash::{BuildHasher, Hasher};

/// The setting holding a library's id for moves.
const LIBRARY_ID: &str = "libraryId";

/// What a move did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Moved {
    /// Drafts copied now.
    pub drafts: usize,
    /// Drafts the target had from an earlier move (left alone).
    pub already: usize,
    pub revisions: usize,
    pub templates: usize,
    pub readings: usize,
    pub settings: usize,
}

impl Store {
    /// Copies this library into `target` (see the module's description).
    pub fn move_into(&mut self, target: &mut Store) -> Result<Moved> {
        let source = self.library_id()?;
        let mut moved = Moved::default();
        let ids: Vec<i64> = self.read(|db| {
            db.rows("SELECT id FROM drafts ORDER BY id", &[])?
                .into_iter()
                .map(|mut row| row.take(0))
                .collect()
        })?;
        for id in ids {
            let (draft, history, runs, judged) = self.read(|db| {
                Ok((
                    drafts::read(db, id)?,
                    revisions::all_of(db, id)?,
                    rehearsals::read(db, id, u32::MAX)?,
                    (
                        dismissals::dismissals_of(db, id)?,
                        dismissals::rules_off_of(db, id)?,
                    ),
                ))
            })?;
            let copied = target.write(|db| {
                let known = db.row(
                    "SELECT draft_id FROM moved_drafts WHERE source = ?1 AND source_id = ?2",
                    &values![&source, id],
                )?;
                if known.is_some() {
                    return Ok(false);
                }
                let new_id = copy_draft(db, &draft, &history)?;
                for run in runs.iter().rev() {
                    rehearsals::insert(db, new_id, run.revision, run.recorded_at, &run.sections)?;
                }
                dismissals::copy(db, new_id, &judged.0, &judged.1)?;
                super::search::index(db, new_id)?;
                db.execute(
                    "INSERT INTO moved_drafts (source, source_id, draft_id) VALUES (?1, ?2, ?3)",
                    &values![&source, id, new_id],
                )?;
                Ok(true)
            })?;
            match copied {
                true => {
                    moved.drafts += 1;
                    moved.revisions += history.len();
                }
                false => moved.already += 1,
            }
        }
        let theirs = target.user_templates()?;
        for template in self.user_templates()? {
            let newer = theirs
                .iter()
                .find(|t| t.name == template.name)
                .is_none_or(|t| t.updated_at < template.updated_at);
            if newer {
                let edit = super::TemplateEdit {
                    name: template.name,
                    title: template.title,
                    description: template.description,
                    body: template.body,
                };
                target.save_template(&edit, template.updated_at)?;
                moved.templates += 1;
            }
        }
        let words: Vec<String> = target.readings()?.into_iter().map(|e| e.written).collect();
        for entry in self.readings()? {
            if !words.contains(&entry.written) {
                target.put_reading(&entry)?;
                moved.readings += 1;
            }
        }
        for (key, value) in self.all_settings()? {
            if key != LIBRARY_ID && target.get_setting::<serde_json::Value>(&key)?.is_none() {
                target.set_setting(&key, &value)?;
                moved.settings += 1;
            }
        }
        Ok(moved)
    }

    /// This library's id for moves, made (and kept) the first time.
    fn library_id(&mut self) -> Result<String> {
        if let Some(id) = self.get_setting::<String>(LIBRARY_ID)? {
            return Ok(id);
        }
        let id = new_library_id();
        self.set_setting(LIBRARY_ID, &id)?;
        Ok(id)
    }

    fn all_settings(&self) -> Result<Vec<(String, serde_json::Value)>> {
        let rows = self.read(|db| db.rows("SELECT key, value FROM settings ORDER BY key", &[]))?;
        rows.into_iter()
            .map(|mut row| {
                let key: String = row.take(0)?;
                let json: String = row.take(1)?;
                let value = serde_json::from_str(&json).map_err(|source| StoreError::Setting {
                    key: key.clone(),
                    source,
                })?;
                Ok((key, value))
            })
            .collect()
    }
}

/// 128 random bits as hex (the standard library's per-process random keys, mixed with the
/// time): unique enough to tell libraries apart.
fn new_library_id() -> String {
    let half = |salt: u64| {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(salt);
        hasher.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |at| at.as_nanos()),
        );
        hasher.write_u32(std::process::id());
        hasher.finish()
    };
    format!("{:016x}{:016x}", half(1), half(2))
}

/// Inserts the draft and its history as they were; returns the draft's new id.
fn copy_draft(db: &mut Db<'_, '_>, draft: &super::Draft, history: &[Revision]) -> Result<i64> {
    let id: i64 = db
        .row(
            "INSERT INTO drafts (title, event, event_date, target_seconds, chars, seconds,
                 revision, created_at, updated_at, deleted_at, status, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             RETURNING id",
            &values![
                &draft.title,
                &draft.event,
                draft.event_date.map(IsoDate),
                draft.target_seconds,
                draft.stats.chars,
                draft.stats.seconds,
                draft.revision,
                Millis(draft.created_at),
                Millis(draft.updated_at),
                draft.deleted_at.map(Millis),
                draft.status,
                &draft.body,
            ],
        )?
        .ok_or_else(|| StoreError::Shape("no id returned".into()))?
        .take(0)?;
    for revision in history {
        let summary = &revision.summary;
        db.execute(
            "INSERT INTO revisions (draft_id, number, kind, name, title, chars, seconds,
                 author, created_at, updated_at, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            &values![
                id,
                summary.number,
                summary.kind,
                summary.name.as_deref(),
                &summary.title,
                summary.stats.chars,
                summary.stats.seconds,
                &summary.author,
                Millis(summary.created_at),
                Millis(summary.updated_at),
                &revision.body,
            ],
        )?;
    }
    Ok(id)
}
