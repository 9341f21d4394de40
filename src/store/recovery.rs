//! A damaged database: found when it is opened, moved aside — never deleted — when the user
//! agrees, so that a new one can be made in its place.
//!
//! [`Store::open`] checks the file's structure (`PRAGMA quick_check`), so a file that is garbage,
//! truncated or damaged inside fails at once with [`StoreError::Corrupt`] instead of at some later
//! save. The caller then asks the user and, if they agree, calls [`recover_corrupt`] and opens
//! the path again, which makes a new, empty database. The old file keeps every byte.
//!
//! Damage the check at open lets through (an index that disagrees with its table) is found by
//! the full check and mended by [`repair`].

use super::{Result, Store, StoreError};
use crate::files::{self, Existing};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use time::macros::format_description;
use time::OffsetDateTime;

/// Fails with [`StoreError::Corrupt`] when the database's pages do not hold together.
pub(super) fn check(conn: &Connection) -> Result<()> {
    let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |row| row.get(0))?;
    match verdict.as_str() {
        "ok" => Ok(()),
        _ => Err(StoreError::Corrupt),
    }
}

/// SQLite cannot open a database whose folder is read-only (it needs to create its `-wal` and
/// `-shm` files there): say that the database is read-only rather than "cannot open".
pub(super) fn explain_cannot_open(err: StoreError, path: &Path) -> StoreError {
    let Some(folder) = path
        .parent()
        .filter(|_| matches!(err, StoreError::CannotOpen))
    else {
        return err;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let probe = folder.join(format!(".podium-probe-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            err
        }
        Err(io) => match StoreError::from(io) {
            StoreError::Io(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
                StoreError::ReadOnly
            }
            StoreError::ReadOnly => StoreError::ReadOnly,
            _ => err,
        },
    }
}

impl Store {
    /// SQLite's full `PRAGMA integrity_check`: the problems found, none when the file is sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        integrity_problems(self.sqlite()?)
    }
}

fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows = stmt.query_map([], |row| row.get::<_, String>(0))?;
    let lines = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines.into_iter().filter(|line| line != "ok").collect())
}

/// What [`repair`] found and did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// The full check found nothing.
    Sound,
    /// The indexes did not match their tables; rebuilt (`REINDEX`), the file is sound.
    Reindexed { problems: Vec<String> },
    /// The database was copied into a new file (`VACUUM INTO`), checked, and put in its place;
    /// the damaged file was moved `aside` as by [`recover_corrupt`].
    Rebuilt {
        problems: Vec<String>,
        aside: PathBuf,
    },
}

/// Runs the full check (`PRAGMA integrity_check`, which finds what the check at open does not:
/// indexes that disagree with their tables) on the database at `path` and repairs what it
/// finds: the indexes first (`REINDEX`), and when that is not enough, a rebuild into a new
/// file from what can still be read (`VACUUM INTO`), the damaged one kept aside (named as by
/// [`recover_corrupt`], at `now`). Fails with [`StoreError::Corrupt`], changing nothing, when
/// the file cannot be read or the rebuilt copy is not sound either; with
/// [`StoreError::NoDatabase`] when there is no file.
///
/// A rebuild replaces the file: connections opened before it still see the old one.
pub fn repair(path: &Path, now: OffsetDateTime) -> Result<Repair> {
    super::location::refuse_url(path)?;
    if !path.exists() {
        return Err(StoreError::NoDatabase);
    }
    // Not `Store::open`: its check at open refuses the damage a rebuild can mend.
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(super::DEFAULT_BUSY_TIMEOUT)?;
    let problems = integrity_problems(&conn)?;
    if problems.is_empty() {
        return Ok(Repair::Sound);
    }
    // A REINDEX that fails (a UNIQUE index over rows that break it) leaves the rebuild to try.
    if conn.execute_batch("REINDEX").is_ok() && integrity_problems(&conn)?.is_empty() {
        return Ok(Repair::Reindexed { problems });
    }
    let copy = files::temporary_beside(path)?;
    conn.execute("VACUUM INTO ?1", [copy.path().to_string_lossy()])?;
    drop(conn);
    if !integrity_problems(&Connection::open(copy.path())?)?.is_empty() {
        return Err(StoreError::Corrupt);
    }
    let aside = recover_corrupt(path, now)?;
    files::put(copy, path, Existing::Keep)?;
    Ok(Repair::Rebuilt { problems, aside })
}

/// Moves a database that [`Store::open`] reported [`StoreError::Corrupt`] out of the way:
/// `podium.db` becomes `podium.db.corrupt-YYYYMMDD-HHMMSS` (at `now`, in its offset; `-2`, `-3` …
/// when that name is taken), its `-wal` and `-shm` files likewise. Nothing is deleted.
/// Returns where the database went. Opening `path` afterwards makes a new database.
///
/// Call it only when the user has agreed: it does not check the file itself.
pub fn recover_corrupt(path: &Path, now: OffsetDateTime) -> Result<PathBuf> {
    let stamp = now
        .format(format_description!(
            "[year][month][day]-[hour][minute][second]"
        ))
        .map_err(|err| StoreError::Io(std::io::Error::other(err)))?;
    let aside = free_name(path, &stamp);
    // The journal files first: were the main file moved alone, a new database at `path` would
    // find the old one's write-ahead log beside it.
    for suffix in ["-wal", "-shm"] {
        let journal = with_suffix(path, suffix);
        if journal.exists() {
            std::fs::rename(&journal, with_suffix(&aside, suffix))?;
        }
    }
    std::fs::rename(path, &aside)?;
    Ok(aside)
}

/// `<path>.corrupt-<stamp>`, or with `-2`, `-3` … when a file of that name (or its journal)
/// exists.
fn free_name(path: &Path, stamp: &str) -> PathBuf {
    let taken = |candidate: &PathBuf| {
        ["", "-wal", "-shm"]
            .iter()
            .any(|suffix| with_suffix(candidate, suffix).exists())
    };
    std::iter::once(format!(".corrupt-{stamp}"))
        .chain((2u64..).map(|n| format!(".corrupt-{stamp}-{n}")))
        .map(|suffix| with_suffix(path, &suffix))
        .find(|candidate| !taken(candidate))
        .expect("an endless list of names has a free one")
}

/// `path` with `suffix` appended to its file name.
pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn moves_the_file_and_its_journals_aside_under_a_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("podium.db");
        let now = datetime!(2026-01-05 09:03:07 +09:00);
        std::fs::write(&path, "壊れた一").unwrap();
        std::fs::write(with_suffix(&path, "-wal"), "wal").unwrap();
        let first = recover_corrupt(&path, now).unwrap();
        assert_eq!(first, dir.path().join("podium.db.corrupt-20260105-090307"));
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "壊れた一");
        assert!(with_suffix(&first, "-wal").exists());
        assert!(!path.exists() && !with_suffix(&path, "-wal").exists());

        std::fs::write(&path, "壊れた二").unwrap();
        let second = recover_corrupt(&path, now).unwrap();
        assert_eq!(
            second,
            dir.path().join("podium.db.corrupt-20260105-090307-2")
        );
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "壊れた一");
        assert_eq!(std::fs::read_to_string(&second).unwrap(), "壊れた二");
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = recover_corrupt(&dir.path().join("none.db"), OffsetDateTime::UNIX_EPOCH);
        assert!(matches!(err, Err(StoreError::Io(_))), "{err:?}");
    }

    /// A database at `path` with a draft, whose `drafts_live` index was built for other columns
    /// (`PRAGMA writable_schema`): the check at open passes, the full check does not.
    fn with_a_damaged_index(path: &Path) {
        let mut store = Store::open(path).unwrap();
        let draft = crate::store::DraftEdit {
            title: "式辞".into(),
            body: "本文".into(),
            ..Default::default()
        };
        store
            .create_draft(&draft, OffsetDateTime::UNIX_EPOCH)
            .unwrap();
        drop(store);
        crate::store::testing::damage_an_index(path);
    }

    #[test]
    fn an_index_that_disagrees_with_its_table_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("podium.db");
        with_a_damaged_index(&path);
        let store = Store::open(&path).expect("the check at open lets it through");
        assert!(!store.integrity_problems().unwrap().is_empty());
        drop(store);
        let now = OffsetDateTime::UNIX_EPOCH;
        assert!(
            matches!(repair(&path, now), Ok(Repair::Reindexed { problems }) if !problems.is_empty())
        );
        assert_eq!(repair(&path, now).unwrap(), Repair::Sound);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.list_drafts().unwrap()[0].title, "式辞");
    }

    #[test]
    fn pages_no_table_owns_are_left_behind_by_a_rebuild_and_the_file_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("podium.db");
        let mut store = Store::open(&path).unwrap();
        let draft = crate::store::DraftEdit {
            title: "式辞".into(),
            body: "本文".repeat(5000),
            ..Default::default()
        };
        store
            .create_draft(&draft, OffsetDateTime::UNIX_EPOCH)
            .unwrap();
        drop(store);
        // A table forgotten by the schema: its pages belong to nothing ("never used").
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE scrap (x); INSERT INTO scrap VALUES (randomblob(20000));
             PRAGMA writable_schema = ON; DELETE FROM sqlite_schema WHERE name = 'scrap';",
        )
        .unwrap();
        drop(conn);
        assert!(matches!(Store::open(&path), Err(StoreError::Corrupt)));

        let now = time::macros::datetime!(2026-01-05 09:03:07 +09:00);
        let Repair::Rebuilt { problems, aside } = repair(&path, now).unwrap() else {
            panic!("rebuilt");
        };
        assert!(
            problems.iter().any(|p| p.contains("never used")),
            "{problems:?}"
        );
        assert_eq!(aside, dir.path().join("podium.db.corrupt-20260105-090307"));
        assert!(aside.exists());
        let store = Store::open(&path).unwrap();
        assert!(store.integrity_problems().unwrap().is_empty());
        assert_eq!(store.draft(1).unwrap().body, "本文".repeat(5000));
    }

    #[test]
    fn a_missing_or_unreadable_file_is_not_repaired() {
        let dir = tempfile::tempdir().unwrap();
        let now = OffsetDateTime::UNIX_EPOCH;
        let missing = dir.path().join("none.db");
        assert!(matches!(repair(&missing, now), Err(StoreError::NoDatabase)));
        assert!(!missing.exists());
        let garbage = dir.path().join("garbage.db");
        std::fs::write(&garbage, "これはデータベースではない".repeat(400)).unwrap();
        assert!(matches!(repair(&garbage, now), Err(StoreError::Corrupt)));
        assert!(garbage.exists(), "left for the caller to move aside");
    }

    #[test]
    fn a_sound_database_has_no_integrity_problems() {
        let store = Store::open_in_memory().unwrap();
        assert!(store.integrity_problems().unwrap().is_empty());
    }
}
