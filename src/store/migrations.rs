//! The schema, as numbered migrations embedded in the binary.
//!
//! Rules, for both databases: migrations are only ever appended, never edited once released;
//! each is additive (new tables, columns, indexes). Each database has its own numbered list
//! (`migrations/sqlite/`, `migrations/postgres/`), since their types and indexes differ.
//!
//! Several processes may open a database that needs migrating at the same moment (a new file,
//! the first start of a new version, two PCs on one server). The migrations run in one
//! transaction that first takes a lock, and the applied count is read again inside it: the
//! first process applies what is missing, the others wait for it and find nothing to do.
//!
//! - SQLite: the count is `user_version`; the lock is `BEGIN IMMEDIATE`'s write lock.
//! - PostgreSQL: the count is the row of `podium_schema`; the lock a transaction-level
//!   advisory lock. DDL is transactional there too: a failed step leaves nothing.

use super::{Result, StoreError};
use rusqlite::{Connection, TransactionBehavior};

static STEPS: [&str; 11] = [
    include_str!("migrations/sqlite/001_drafts.sql"),
    include_str!("migrations/sqlite/002_search.sql"),
    include_str!("migrations/sqlite/003_templates.sql"),
    include_str!("migrations/sqlite/004_settings.sql"),
    include_str!("migrations/sqlite/005_rehearsals.sql"),
    include_str!("migrations/sqlite/006_readings.sql"),
    include_str!("migrations/sqlite/007_rehearsal_morae.sql"),
    include_str!("migrations/sqlite/008_revision_author.sql"),
    include_str!("migrations/sqlite/009_moved_drafts.sql"),
    include_str!("migrations/sqlite/010_workflow.sql"),
    include_str!("migrations/sqlite/011_dismissals.sql"),
];

static POSTGRES_STEPS: [&str; 4] = [
    include_str!("migrations/postgres/001_library.sql"),
    include_str!("migrations/postgres/002_moved_drafts.sql"),
    include_str!("migrations/postgres/003_workflow.sql"),
    include_str!("migrations/postgres/004_dismissals.sql"),
];

/// The advisory lock Podium's migrations take on a server ("PODIUM" in ASCII, as a number).
const MIGRATION_LOCK: i64 = 0x504F_4449_554D;

/// Brings a PostgreSQL library up to the latest schema. `TooNew` if it is ahead of us.
pub(super) fn run_postgres(client: &mut postgres::Client) -> Result<()> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS podium_schema (version BIGINT NOT NULL)")?;
    let version: Option<i64> = tx
        .query_opt("SELECT version FROM podium_schema", &[])?
        .map(|row| row.get(0));
    let from = usize::try_from(version.unwrap_or(0))
        .ok()
        .filter(|from| *from <= POSTGRES_STEPS.len())
        .ok_or(StoreError::TooNew)?;
    if from == POSTGRES_STEPS.len() {
        return Ok(());
    }
    for (index, step) in POSTGRES_STEPS.iter().enumerate().skip(from) {
        tx.batch_execute(step)
            .map_err(|source| match StoreError::from(source) {
                StoreError::Server(source) => StoreError::Migration {
                    version: index + 1,
                    reason: source
                        .as_db_error()
                        .map_or_else(|| source.to_string(), |db| db.message().to_owned()),
                },
                known => known,
            })?;
    }
    let latest = POSTGRES_STEPS.len() as i64;
    match version {
        None => tx.execute(
            "INSERT INTO podium_schema (version) VALUES ($1)",
            &[&latest],
        )?,
        Some(_) => tx.execute("UPDATE podium_schema SET version = $1", &[&latest])?,
    };
    tx.commit()?;
    Ok(())
}

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
        StoreError::Database(source) => StoreError::Migration {
            version,
            reason: super::error::without_sql(&source),
        },
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
