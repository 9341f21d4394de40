//! The schema, as numbered migrations embedded in the binary.
//!
//! Rules: migrations are only ever appended, never edited once released; each is additive
//! (new tables, columns, indexes). The applied count is SQLite's `user_version`.

use super::Result;
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

static STEPS: [M<'static>; 7] = [
    M::up(include_str!("migrations/001_drafts.sql")),
    M::up(include_str!("migrations/002_search.sql")),
    M::up(include_str!("migrations/003_templates.sql")),
    M::up(include_str!("migrations/004_settings.sql")),
    M::up(include_str!("migrations/005_rehearsals.sql")),
    M::up(include_str!("migrations/006_readings.sql")),
    M::up(include_str!("migrations/007_rehearsal_morae.sql")),
];

static MIGRATIONS: Migrations<'static> = Migrations::from_slice(&STEPS);

/// Brings the database up to the latest schema. Fails with `TooNew` if it is ahead of us.
pub(super) fn run(conn: &mut Connection) -> Result<()> {
    Ok(MIGRATIONS.to_latest(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
    }

    #[test]
    fn fresh_database_reaches_the_latest_version_and_reruns_are_no_ops() {
        let mut conn = Connection::open_in_memory().unwrap();
        run(&mut conn).unwrap();
        run(&mut conn).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .unwrap();
        assert_eq!(version, STEPS.len() as i64);
    }

    #[test]
    fn rehearsals_stored_before_the_morae_keep_their_figures_with_no_morae() {
        let mut conn = Connection::open_in_memory().unwrap();
        Migrations::from_slice(&STEPS[..6])
            .to_latest(&mut conn)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO drafts (id, title, body, revision, chars, seconds, created_at,
                 updated_at) VALUES (1, '題', '本文', 1, 2, 1.0, 0, 0);
             INSERT INTO rehearsals (id, draft_id, revision, recorded_at) VALUES (1, 1, 1, 0);
             INSERT INTO rehearsal_sections VALUES (1, 0, '一', 300, 4.5, 64.5, 70.0);",
        )
        .unwrap();
        run(&mut conn).unwrap();
        let (spoken, morae): (i64, Option<i64>) = conn
            .query_row(
                "SELECT spoken, morae FROM rehearsal_sections WHERE rehearsal_id = 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap();
        assert_eq!((spoken, morae), (300, None));
    }
}
