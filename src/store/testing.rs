//! Damage for the tests of the layers above (`test-support` feature) and of the store: a
//! database that opens but fails the full check, as a disk that lost a page leaves it.

use rusqlite::Connection;
use std::path::Path;

/// Builds the `drafts_live` index of the database at `db` for other columns, then gives it back
/// its own definition: the index disagrees with its table, which the check at open does not
/// see and the full check (`podium doctor`, the app's daily check) does.
pub fn damage_an_index(db: &Path) {
    let set_sql = |sql: &str| {
        let conn = Connection::open(db).expect("the database opens");
        conn.pragma_update(None, "writable_schema", true)
            .expect("the schema is writable");
        conn.execute(
            "UPDATE sqlite_schema SET sql = ?1 WHERE name = 'drafts_live'",
            [sql],
        )
        .expect("the index's definition is replaced");
    };
    let original: String = Connection::open(db)
        .expect("the database opens")
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'drafts_live'",
            [],
            |row| row.get(0),
        )
        .expect("the index exists");
    set_sql(&original.replace("updated_at, id, title", "created_at, id, body"));
    Connection::open(db)
        .expect("the database opens")
        .execute_batch("REINDEX drafts_live")
        .expect("the index is rebuilt");
    set_sql(&original);
}
