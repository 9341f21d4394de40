//! The schema, as numbered migrations embedded in the binary.
//!
//! Rules: migrations are only ever appended, never edited once released; each is additive
//! (new tables, columns, indexes). The applied count is SQLite's `user_version`.

use super::Result;
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

static STEPS: [M<'static>; 6] = [
    M::up(include_str!("migrations/001_drafts.sql")),
    M::up(include_str!("migrations/002_search.sql")),
    M::up(include_str!("migrations/003_templates.sql")),
    M::up(include_str!("migrations/004_settings.sql")),
    M::up(include_str!("migrations/005_rehearsals.sql")),
    M::up(include_str!("migrations/006_readings.sql")),
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
}
