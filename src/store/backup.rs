//! Daily backups of the database, made with SQLite's online backup API (a consistent copy
//! while the database stays in use), into the `backups/` folder beside it.
//!
//! A day's copy is `podium-YYYY-MM-DD.db`. It is written under a temporary name, flushed to
//! disk and then renamed ([`crate::files`]), so a crash mid-copy never leaves a half backup
//! under a backup's name. Only the newest `keep` copies stay.

use super::{Result, Store};
use crate::files::{self, Existing};
use rusqlite::MAIN_DB;
use std::fs;
use std::path::{Path, PathBuf};
use time::macros::format_description;
use time::OffsetDateTime;

/// How many daily backups are kept unless the caller says otherwise.
pub const DEFAULT_BACKUPS_KEPT: usize = 7;

const PREFIX: &str = "podium-";
const SUFFIX: &str = ".db";

/// The backup folder of the database at `db_path`: `backups/` beside it.
pub fn backup_dir(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("backups")
}

/// The backups in `dir`, newest first. A missing folder has none.
pub fn list_backups(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(err.into()),
    };
    let mut names = Vec::new();
    for entry in entries {
        let name = entry?.file_name();
        if let Some(name) = name.to_str().filter(|name| is_backup_name(name)) {
            names.push(name.to_owned());
        }
    }
    // `podium-YYYY-MM-DD.db`: the names sort by date.
    names.sort_unstable_by(|a, b| b.cmp(a));
    Ok(names.into_iter().map(|name| dir.join(name)).collect())
}

fn is_backup_name(name: &str) -> bool {
    name.strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(SUFFIX))
        .is_some_and(|date| {
            date.len() == 10
                && date.bytes().enumerate().all(|(i, b)| {
                    matches!((i, b), (4 | 7, b'-') | (0..=3 | 5 | 6 | 8 | 9, b'0'..=b'9'))
                })
        })
}

impl Store {
    /// Copies the database into `dir` (created if missing) unless today's copy — the date of
    /// `now` in its offset — is already there, then removes all but the newest `keep` copies
    /// (at least one). Returns the new copy, or `None` when none was due.
    pub fn backup_if_due(
        &self,
        dir: &Path,
        now: OffsetDateTime,
        keep: usize,
    ) -> Result<Option<PathBuf>> {
        let date = now
            .date()
            .format(format_description!("[year]-[month]-[day]"))
            .map_err(std::io::Error::other)?;
        let name = format!("{PREFIX}{date}{SUFFIX}");
        let target = dir.join(&name);
        let made = if target.exists() {
            None
        } else {
            fs::create_dir_all(dir)?;
            let copy = files::temporary_beside(&target)?;
            self.sqlite()?.backup(MAIN_DB, copy.path(), None)?;
            files::put(copy, &target, Existing::Replace)?;
            Some(target)
        };
        for old in list_backups(dir)?.iter().skip(keep.max(1)) {
            fs::remove_file(old)?;
        }
        Ok(made)
    }
}

/// Puts a copy of `backup` at `path`, where no database may be (move a corrupt one aside
/// first with [`super::recover_corrupt`]). The copy is checked and brought up to date by
/// [`Store::open`] under a temporary name, flushed, then renamed into place ([`crate::files`]),
/// so `path` is either absent or a sound database. The backup itself is not changed.
pub fn restore_backup(backup: &Path, path: &Path) -> Result<()> {
    if path.exists() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} is in the way", path.display()),
        )
        .into());
    }
    let mut copy = files::temporary_beside(path)?;
    std::io::copy(&mut fs::File::open(backup)?, &mut copy)?;
    let checked = Store::open(copy.path()).map(drop);
    // The last connection is closed: SQLite folded its write-ahead log back in, or, when the
    // open failed, left journal files beside the copy.
    for suffix in ["-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", copy.path().display()));
    }
    checked?;
    files::put(copy, path, Existing::Keep)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DraftEdit;
    use time::macros::datetime;
    use time::Duration;

    #[test]
    fn one_copy_a_day_and_only_the_newest_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let backups = dir.path().join("backups");
        let mut store = Store::open(&dir.path().join("podium.db")).unwrap();
        let day = datetime!(2026-01-05 23:30 +09:00);
        let draft = DraftEdit {
            title: "年頭挨拶".into(),
            body: "本文".into(),
            ..DraftEdit::default()
        };
        store.create_draft(&draft, day).unwrap();

        let first = store.backup_if_due(&backups, day, 3).unwrap().unwrap();
        assert_eq!(first, backups.join("podium-2026-01-05.db"));
        assert_eq!(store.backup_if_due(&backups, day, 3).unwrap(), None);
        let copy = Store::open(&first).unwrap();
        assert_eq!(copy.list_drafts().unwrap()[0].title, "年頭挨拶");
        drop(copy);

        for days in 1..=4 {
            let made = store.backup_if_due(&backups, day + Duration::days(days), 3);
            assert!(made.unwrap().is_some());
        }
        let names: Vec<_> = list_backups(&backups)
            .unwrap()
            .iter()
            .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "podium-2026-01-09.db",
                "podium-2026-01-08.db",
                "podium-2026-01-07.db"
            ]
        );
    }

    #[test]
    fn a_backup_is_restored_only_where_no_database_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("podium.db");
        let mut store = Store::open(&path).unwrap();
        let draft = DraftEdit {
            title: "式辞".into(),
            body: "本文".into(),
            ..DraftEdit::default()
        };
        store
            .create_draft(&draft, datetime!(2026-01-05 09:00 UTC))
            .unwrap();
        let backup = store
            .backup_if_due(
                &dir.path().join("backups"),
                datetime!(2026-01-05 09:00 UTC),
                3,
            )
            .unwrap()
            .unwrap();
        drop(store);

        assert!(
            restore_backup(&backup, &path).is_err(),
            "a database is in the way"
        );
        fs::rename(&path, dir.path().join("aside.db")).unwrap();
        restore_backup(&backup, &path).unwrap();
        let restored = Store::open(&path).unwrap();
        assert_eq!(restored.list_drafts().unwrap()[0].title, "式辞");
        assert!(backup.exists());

        fs::write(dir.path().join("garbage.db"), "これはデータベースではない").unwrap();
        let elsewhere = dir.path().join("other.db");
        assert!(restore_backup(&dir.path().join("garbage.db"), &elsewhere).is_err());
        let left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains("other") || name.starts_with(".podium-"))
            .collect();
        assert!(
            left.is_empty(),
            "nothing left of a failed restore: {left:?}"
        );
    }

    #[test]
    fn only_backup_names_are_listed_or_removed() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "podium-2026-01-05.db",
            "podium-2026-1-5.db",
            ".podium-2026-01-06.db.partial",
            "memo.txt",
        ] {
            fs::write(dir.path().join(name), "").unwrap();
        }
        let store = Store::open_in_memory().unwrap();
        let now = datetime!(2026-01-07 09:00 UTC);
        store.backup_if_due(dir.path(), now, 1).unwrap().unwrap();
        assert_eq!(
            list_backups(dir.path()).unwrap(),
            [dir.path().join("podium-2026-01-07.db")]
        );
        assert!(dir.path().join("podium-2026-1-5.db").exists());
        assert!(dir.path().join("memo.txt").exists());
        assert_eq!(
            backup_dir(Path::new("/data/podium.db")),
            Path::new("/data/backups")
        );
    }
}
