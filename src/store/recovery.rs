//! A damaged database: found when it is opened, moved aside — never deleted — when the user
//! agrees, so that a new one can be made in its place.
//!
//! [`Store::open`] checks the file's structure (`PRAGMA quick_check`), so a file that is garbage,
//! truncated or damaged inside fails at once with [`StoreError::Corrupt`] instead of at some later
//! save. The caller then asks the user and, if they agree, calls [`recover_corrupt`] and opens
//! the path again, which makes a new, empty database. The old file keeps every byte.

use super::{Result, Store, StoreError};
use rusqlite::Connection;
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
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |row| row.get::<_, String>(0))?;
        let lines = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(lines.into_iter().filter(|line| line != "ok").collect())
    }
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
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
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

    #[test]
    fn a_sound_database_has_no_integrity_problems() {
        let store = Store::open_in_memory().unwrap();
        assert!(store.integrity_problems().unwrap().is_empty());
    }
}
