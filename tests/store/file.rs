//! What only a SQLite file has: WAL mode, its migrations' count, locks, damage, read-only
//! files.

use crate::{autosave, edit, raw, temp_db, T0};
use podium::store::{default_db_path, Store, StoreError, DB_ENV};
use std::path::PathBuf;
use std::time::Duration as StdDuration;

#[test]
fn fresh_file_is_migrated_in_wal_mode_and_reopens_with_its_data() {
    let (_dir, path) = temp_db();
    let id = {
        let mut store = Store::open(&path).unwrap();
        store
            .create_draft(&edit("年頭挨拶", "本文"), T0)
            .unwrap()
            .id
    };
    let conn = raw(&path);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!((mode.as_str(), version), ("wal", 11));
    drop(conn);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.draft(id).unwrap().body, "本文");
}

#[test]
fn default_path_honours_the_environment() {
    // The only test that touches the environment; it opens nothing.
    std::env::set_var(DB_ENV, "/srv/podium/test.db");
    assert_eq!(
        default_db_path(),
        Some(PathBuf::from("/srv/podium/test.db"))
    );
    std::env::remove_var(DB_ENV);
    if let Some(path) = default_db_path() {
        assert!(path.ends_with("podium/podium.db"), "{path:?}");
    }
}

#[cfg(unix)]
mod read_only {
    use super::*;
    use std::path::Path;

    /// Makes a file unwritable, even for root (whose permission checks always pass): then only
    /// the immutable attribute helps. Undone on drop.
    struct Unwritable<'a>(&'a Path, bool);

    fn chattr(flag: &str, path: &Path) -> bool {
        let status = std::process::Command::new("chattr")
            .arg(flag)
            .arg(path)
            .status();
        status.is_ok_and(|status| status.success())
    }

    impl<'a> Unwritable<'a> {
        fn new(path: &'a Path) -> Option<Self> {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444)).ok()?;
            if std::fs::OpenOptions::new().write(true).open(path).is_err() {
                return Some(Unwritable(path, false));
            }
            chattr("+i", path).then_some(Unwritable(path, true))
        }
    }

    impl Drop for Unwritable<'_> {
        fn drop(&mut self) {
            if self.1 {
                chattr("-i", self.0);
            }
        }
    }

    #[test]
    fn a_read_only_file_can_be_read_but_writes_give_read_only() {
        let (_dir, path) = temp_db();
        let id = {
            let mut store = Store::open(&path).unwrap();
            store.create_draft(&edit("挨拶", "本文"), T0).unwrap().id
        };
        let Some(_guard) = Unwritable::new(&path) else {
            eprintln!("skipped: cannot make a file unwritable here");
            return;
        };
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.draft(id).unwrap().body, "本文");
        let err = store.create_draft(&edit("新規", ""), T0).unwrap_err();
        assert!(matches!(err, StoreError::ReadOnly), "{err:?}");
        assert_eq!(
            err.to_string(),
            "データベースに書き込めません (database is read-only)"
        );
    }
}

#[test]
fn a_file_that_is_not_a_database_gives_corrupt() {
    let (_dir, path) = temp_db();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let garbage = "これはデータベースではありません。".repeat(200);
    std::fs::write(&path, &garbage).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt), "{err:?}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        garbage,
        "left untouched"
    );
}

#[test]
fn a_locked_database_gives_busy_for_writes_and_still_reads() {
    let (_dir, path) = temp_db();
    let mut store = Store::open_with_timeout(&path, StdDuration::from_millis(100)).unwrap();
    let id = store.create_draft(&edit("挨拶", "本文"), T0).unwrap().id;
    let other = raw(&path);
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();

    let err = store.create_draft(&edit("新規", ""), T0).unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    assert!(err
        .to_string()
        .starts_with("データベースが他のプログラムに使われています"));
    let err = autosave(&mut store, id, "改", 1, 1).unwrap_err();
    assert!(matches!(err, StoreError::Busy));
    assert_eq!(
        store.draft(id).unwrap().revision,
        1,
        "WAL readers are not blocked"
    );

    other.execute_batch("ROLLBACK").unwrap();
    store.create_draft(&edit("新規", ""), T0).unwrap();
}

#[test]
fn a_database_from_a_newer_podium_gives_too_new() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).unwrap());
    raw(&path).pragma_update(None, "user_version", 99).unwrap();
    assert!(matches!(Store::open(&path), Err(StoreError::TooNew)));
}

#[test]
fn a_directory_cannot_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::CannotOpen)
    ));
}
