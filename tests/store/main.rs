//! The store: its behaviour on both databases ([`behaviour`], [`office`]), what only a SQLite file
//! has ([`file`]), and what only a server has ([`server`]). Real databases only: files in
//! temporary folders, and a PostgreSQL server of Debian's package started by the tests.

use podium::store::{testing, Draft, DraftEdit, DraftStats, SaveKind, Store, StoreError};
use std::path::{Path, PathBuf};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

/// One library, opened as many times as a test needs (two writers are two connections).
pub enum Library {
    File(tempfile::TempDir, PathBuf),
    Server(String),
}

impl Library {
    pub fn sqlite() -> Library {
        let (dir, path) = temp_db();
        Library::File(dir, path)
    }

    pub fn postgres() -> Library {
        Library::Server(testing::postgres_library())
    }

    /// A new connection to the library.
    pub fn open(&self) -> Store {
        match self {
            Library::File(_, path) => Store::open(path),
            Library::Server(url) => Store::connect(url),
        }
        .expect("the library opens")
    }
}

/// Runs each named test (a `fn(&Library)`) once on a SQLite file and once on PostgreSQL.
macro_rules! on_both {
    ($($test:ident),* $(,)?) => {
        $(
            mod $test {
                #[test]
                fn sqlite() {
                    super::$test(&crate::Library::sqlite());
                }

                // The test server is Debian's PostgreSQL, started by the harness: Unix only
                // (the PostgreSQL store itself is the same on Windows).
                #[cfg(unix)]
                #[test]
                fn postgres() {
                    super::$test(&crate::Library::postgres());
                }
            }
        )*
    };
}

mod behaviour;
mod file;
mod office;
// Every test here starts Debian's PostgreSQL server (src/store/testing.rs): Unix only.
#[cfg(unix)]
mod server;

pub const T0: OffsetDateTime = datetime!(2026-01-05 09:00 UTC);

pub fn at(minutes: i64) -> OffsetDateTime {
    T0 + Duration::minutes(minutes)
}

pub fn edit(title: &str, body: &str) -> DraftEdit {
    let chars = body.chars().count();
    let stats = DraftStats {
        chars: u32::try_from(chars).unwrap(),
        seconds: chars as f64 / 5.0,
    };
    DraftEdit {
        title: title.into(),
        body: body.into(),
        stats,
        ..DraftEdit::default()
    }
}

/// An autosave of a draft titled 挨拶.
pub fn autosave(
    store: &mut Store,
    id: i64,
    body: &str,
    base: u32,
    minute: i64,
) -> Result<Draft, StoreError> {
    store.save_draft(
        id,
        &edit("挨拶", body),
        base,
        SaveKind::Autosave,
        at(minute),
    )
}

pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data").join("podium.db");
    (dir, path)
}

pub fn raw(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}
