//! Rehearsals of a draft: when, which revision, and the measured time of each section (see
//! [`crate::rehearsal`] for what the figures mean and how they calibrate the pace).

use super::sql::{values, Db};
use super::stamp::Millis;
use super::{Item, Result, Store, StoreError};
use crate::rehearsal::{Rehearsal, SectionRun};
use time::OffsetDateTime;

/// How many rehearsals of a draft [`Store::rehearsals`] returns at most.
pub const REHEARSALS_LISTED: u32 = 20;

impl Store {
    /// Stores a rehearsal of the draft at `revision`.
    pub fn save_rehearsal(
        &mut self,
        draft_id: i64,
        revision: u32,
        recorded_at: OffsetDateTime,
        sections: &[SectionRun],
    ) -> Result<Rehearsal> {
        let id = self.write(|db| {
            let live = db.row(
                "SELECT id FROM drafts WHERE id = ?1 AND deleted_at IS NULL",
                &values![draft_id],
            )?;
            if live.is_none() {
                return Err(StoreError::NotFound(Item::Draft(draft_id)));
            }
            insert(db, draft_id, revision, recorded_at, sections)
        })?;
        Ok(Rehearsal {
            id,
            draft_id,
            revision,
            recorded_at,
            sections: sections.to_vec(),
        })
    }

    /// The draft's latest rehearsals, newest first (at most [`REHEARSALS_LISTED`]).
    pub fn rehearsals(&self, draft_id: i64) -> Result<Vec<Rehearsal>> {
        self.read(|db| read(db, draft_id, REHEARSALS_LISTED))
    }
}

/// Writes a rehearsal with its sections; returns its id.
pub(super) fn insert(
    db: &mut Db<'_, '_>,
    draft_id: i64,
    revision: u32,
    recorded_at: OffsetDateTime,
    sections: &[SectionRun],
) -> Result<i64> {
    let id: i64 = db
        .row(
            "INSERT INTO rehearsals (draft_id, revision, recorded_at) VALUES (?1, ?2, ?3)
             RETURNING id",
            &values![draft_id, revision, Millis(recorded_at)],
        )?
        .ok_or_else(|| StoreError::Shape("no id returned".into()))?
        .take(0)?;
    for run in sections {
        db.execute(
            "INSERT INTO rehearsal_sections (rehearsal_id, position, title, spoken,
                 morae, pause_seconds, estimated_seconds, seconds)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            &values![
                id,
                count(run.position),
                &run.title,
                count(run.spoken),
                run.morae.map(count),
                run.pause_seconds,
                run.estimated_seconds,
                run.seconds
            ],
        )?;
    }
    Ok(id)
}

/// The draft's latest `limit` rehearsals, newest first.
pub(super) fn read(db: &mut Db<'_, '_>, draft_id: i64, limit: u32) -> Result<Vec<Rehearsal>> {
    let heads = db.rows(
        "SELECT id, revision, recorded_at FROM rehearsals WHERE draft_id = ?1
         ORDER BY recorded_at DESC, id DESC LIMIT ?2",
        &values![draft_id, limit],
    )?;
    heads
        .into_iter()
        .map(|mut head| {
            let id: i64 = head.take(0)?;
            let sections = db
                .rows(
                    "SELECT position, title, spoken, morae, pause_seconds,
                         estimated_seconds, seconds
                     FROM rehearsal_sections WHERE rehearsal_id = ?1 ORDER BY position",
                    &values![id],
                )?
                .into_iter()
                .map(|mut row| {
                    Ok(SectionRun {
                        position: row.take::<u32>(0)? as usize,
                        title: row.take(1)?,
                        spoken: row.take::<u32>(2)? as usize,
                        morae: row.take::<Option<u32>>(3)?.map(|m| m as usize),
                        pause_seconds: row.take(4)?,
                        estimated_seconds: row.take(5)?,
                        seconds: row.take(6)?,
                    })
                })
                .collect::<Result<_>>()?;
            Ok(Rehearsal {
                id,
                draft_id,
                revision: head.take(1)?,
                recorded_at: head.take::<Millis>(2)?.0,
                sections,
            })
        })
        .collect()
}

/// Positions, characters and morae as stored (a speech is far below 2^32 of either).
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DraftEdit;
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2027-01-04 09:00 UTC);

    fn run(position: usize, seconds: f64) -> SectionRun {
        SectionRun {
            position,
            title: format!("第{position}節"),
            spoken: 300,
            morae: (position == 0).then_some(420),
            pause_seconds: 4.5,
            estimated_seconds: 64.5,
            seconds,
        }
    }

    #[test]
    fn rehearsals_round_trip_newest_first_and_go_with_their_draft() {
        let mut store = Store::open_in_memory().unwrap();
        let edit = DraftEdit {
            title: "年頭挨拶".into(),
            body: "本文".into(),
            ..DraftEdit::default()
        };
        let draft = store.create_draft(&edit, T0).unwrap();
        let first = store
            .save_rehearsal(draft.id, 1, T0, &[run(0, 70.0), run(2, 50.0)])
            .unwrap();
        let later = T0 + time::Duration::hours(1);
        store
            .save_rehearsal(draft.id, 1, later, &[run(0, 65.0)])
            .unwrap();
        let listed = store.rehearsals(draft.id).unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].recorded_at, later);
        assert_eq!(listed[1], first);
        assert_eq!(listed[1].seconds(), 120.0);

        let missing = store.save_rehearsal(999, 1, T0, &[]).unwrap_err();
        assert!(matches!(missing, StoreError::NotFound(Item::Draft(999))));
        // Purging a deleted draft removes its rehearsals.
        store.delete_draft(draft.id, T0).unwrap();
        store.purge_deleted(later).unwrap();
        assert_eq!(store.rehearsals(draft.id).unwrap(), []);
    }
}
