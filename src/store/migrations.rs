//! The schema, as numbered migrations embedded in the binary.
//!
//! Rules: migrations are only ever appended, never edited once released; each is additive
//! (new tables, columns, indexes). The applied count is SQLite's `user_version`.
//!
//! Several processes may open a database that needs migrating at the same moment (a new file,
//! the first start of a new version). The migrations run in one `BEGIN IMMEDIATE` transaction,
//! and `user_version` is read again inside it: the first process takes the write lock and
//! applies what is missing, the others wait for it (the busy timeout) and find nothing to do.

use super::{Result, StoreError};
use rusqlite::{Connection, TransactionBehavior};

static STEPS: [&str; 7] = [
    include_str!("migrations/001_drafts.sql"),
    include_str!("migrations/002_search.sql"),
    include_str!("migrations/003_templates.sql"),
    include_str!("migrations/004_settings.sql"),
    include_str!("migrations/005_rehearsals.sql"),
    include_str!("migrations/006_readings.sql"),
    include_str!("migrations/007_rehearsal_morae.sql"),
];

/// Brings the database up to the latest schema. Fails with `TooNew` if it is ahead of us.
pub(super) fn run(conn: &mut Connection) -> Result<()> {
    migrate(conn, &STEPS)
}

/// Fails with `ReadOnly` when the database needs an upgrade (for a connection that cannot
/// write), with `TooNew` when it is ahead of us.
pub(super) fn check_current(conn: &Connection) -> Result<()> {
    match applied(conn, &STEPS)? == STEPS.len() {
        true => Ok(()),
        false => Err(StoreError::ReadOnly),
    }
}

/// Applies the `steps` the database does not have yet, all in one transaction. An up-to-date
/// database is only read (no write lock; a read-only file opens).
fn migrate(conn: &mut Connection, steps: &[&str]) -> Result<()> {
    if applied(conn, steps)? == steps.len() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let from = applied(&tx, steps)?;
    for (index, step) in steps.iter().enumerate().skip(from) {
        tx.execute_batch(step)
            .map_err(|source| failed_step(index + 1, source))?;
    }
    tx.pragma_update(None, "user_version", steps.len() as i64)?;
    tx.commit()?;
    Ok(())
}

/// How many of `steps` the database has: its `user_version`, `TooNew` past the last step.
fn applied(conn: &Connection, steps: &[&str]) -> Result<usize> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    usize::try_from(version)
        .ok()
        .filter(|version| *version <= steps.len())
        .ok_or(StoreError::TooNew)
}

/// A step that failed: what SQLite means when it is a known condition (busy, disk full …),
/// else which step, in one line.
fn failed_step(version: usize, source: rusqlite::Error) -> StoreError {
    match StoreError::from(source) {
        StoreError::Database(source) => StoreError::Migration { version, source },
        known => known,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user_version(conn: &Connection) -> i64 {
        conn.query_row("PRAGMA user_version", [], |row| row.get(0))
            .unwrap()
    }

    #[test]
    fn fresh_database_reaches_the_latest_version_and_reruns_are_no_ops() {
        let mut conn = Connection::open_in_memory().unwrap();
        run(&mut conn).unwrap();
        run(&mut conn).unwrap();
        assert_eq!(user_version(&conn), STEPS.len() as i64);
    }

    #[test]
    fn a_database_ahead_of_us_is_too_new() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", STEPS.len() as i64 + 1)
            .unwrap();
        assert!(matches!(run(&mut conn), Err(StoreError::TooNew)));
    }

    #[test]
    fn a_failed_step_is_one_line_naming_it_and_applies_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, &STEPS[..1]).unwrap();
        let broken = [
            STEPS[0],
            "CREATE TABLE extra (x);\nCREATE TABLE drafts (y);",
        ];
        let err = migrate(&mut conn, &broken).unwrap_err();
        let message = err.to_string();
        assert!(matches!(err, StoreError::Migration { version: 2, .. }));
        assert!(!message.contains('\n'), "{message}");
        assert!(message.contains("version 2"), "{message}");
        assert_eq!(user_version(&conn), 1);
        let extra: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(extra, 0, "the failed upgrade was rolled back");
    }

    #[test]
    fn a_busy_step_is_busy() {
        let busy = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        );
        assert!(matches!(failed_step(3, busy), StoreError::Busy));
    }

    #[test]
    fn rehearsals_stored_before_the_morae_keep_their_figures_with_no_morae() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, &STEPS[..6]).unwrap();
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
