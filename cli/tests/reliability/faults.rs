//! Database faults: locked by another process, read-only, corrupt, folder missing, disk full.
//! Each gives a clear `StoreError` (Japanese first), the caller still holds its text, nothing
//! in the database is damaged, and the same save succeeds once the fault is gone.

use podium::store::{recover_corrupt, DraftEdit, SaveKind, Store, StoreError};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;
use time::macros::datetime;
use time::OffsetDateTime;

const T0: OffsetDateTime = datetime!(2026-01-05 09:00 +09:00);
const LOCK_ENV: &str = "PODIUM_LOCK_HOLDER";

fn edit(body: &str) -> DraftEdit {
    DraftEdit {
        title: "年頭挨拶".into(),
        body: body.into(),
        ..DraftEdit::default()
    }
}

/// A store at `<dir>/data/podium.db` holding one draft; returns the path and the draft's
/// id and revision.
fn store_with_a_draft(dir: &Path) -> (PathBuf, i64, u32) {
    let path = dir.join("data").join("podium.db");
    let mut store = Store::open(&path).unwrap();
    let draft = store.create_draft(&edit("初稿"), T0).unwrap();
    (path, draft.id, draft.revision)
}

fn integrity(path: &Path) -> String {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap()
}

/// How the lock holder holds its lock.
const WRITE_LOCK: &str = "write";
const EXCLUSIVE_LOCK: &str = "exclusive";

#[test]
#[ignore = "the lock holder of `a_lock_held_by_another_process_gives_busy_until_released`"]
fn lock_holder() {
    let Some(path) = std::env::var_os(LOCK_ENV) else {
        return;
    };
    let conn = rusqlite::Connection::open(path).unwrap();
    if std::env::var("PODIUM_LOCK_KIND").is_ok_and(|kind| kind == EXCLUSIVE_LOCK) {
        // No other connection may even read: SQLite's exclusive locking mode.
        conn.execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
            .unwrap();
    } else {
        conn.execute_batch("BEGIN IMMEDIATE; UPDATE drafts SET title = title;")
            .unwrap();
    }
    println!("locked");
    std::io::stdout().flush().unwrap();
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
}

/// Another process holding a lock on the database until it is dropped (its output is kept
/// open until then, so that it can still print).
struct LockHolder(std::process::Child, BufReader<std::process::ChildStdout>);

impl LockHolder {
    fn start(path: &Path, kind: &str) -> LockHolder {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["faults::lock_holder", "--exact", "--ignored", "--nocapture"])
            .env(LOCK_ENV, path)
            .env("PODIUM_LOCK_KIND", kind)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains("locked") {
            line.clear();
            assert_ne!(
                out.read_line(&mut line).unwrap(),
                0,
                "the lock holder ended"
            );
        }
        LockHolder(child, out)
    }
}

impl Drop for LockHolder {
    fn drop(&mut self) {
        drop(self.0.stdin.take()); // the holder exits and its lock goes
        let _ = std::io::copy(&mut self.1, &mut std::io::sink());
        let _ = self.0.wait();
    }
}

#[test]
fn a_lock_held_by_another_process_gives_busy_until_released() {
    let dir = tempfile::tempdir().unwrap();
    let (path, id, revision) = store_with_a_draft(dir.path());
    let wait = Duration::from_millis(200);
    let mut store = Store::open_with_timeout(&path, wait).unwrap();
    let text = edit("市民の皆さん、あけましておめでとうございます。");

    let holder = LockHolder::start(&path, WRITE_LOCK);
    let err = store
        .save_draft(id, &text, revision, SaveKind::Autosave, T0)
        .unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    assert_eq!(
        err.to_string(),
        "データベースが他のプログラムに使われています (database is locked)"
    );
    let reader = Store::open_with_timeout(&path, wait).expect("readers are not blocked");
    assert_eq!(reader.draft(id).unwrap().body, "初稿");
    drop(holder);
    let saved = store
        .save_draft(id, &text, revision, SaveKind::Autosave, T0)
        .expect("the same save succeeds once the lock is gone");
    assert_eq!(saved.body, text.body);
    drop((store, reader));

    let holder = LockHolder::start(&path, EXCLUSIVE_LOCK);
    let opened = Store::open_with_timeout(&path, wait);
    assert!(matches!(opened, Err(StoreError::Busy)), "{opened:?}");
    drop(holder);
    let store = Store::open_with_timeout(&path, wait).unwrap();
    assert_eq!(store.draft(id).unwrap().body, text.body);
    assert_eq!(integrity(&path), "ok");
}

/// Makes a file or folder unwritable even for root (whose permission checks always pass): by
/// permissions when they bite, else with the immutable attribute. Undone on drop.
#[cfg(unix)]
struct Unwritable(PathBuf, Option<u32>);

#[cfg(unix)]
impl Unwritable {
    fn new(path: &Path) -> Option<Unwritable> {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).ok()?.permissions().mode();
        let read_only = if path.is_dir() { 0o555 } else { 0o444 };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(read_only)).ok()?;
        let probe = if path.is_dir() {
            std::fs::write(path.join(".probe"), "").is_err()
        } else {
            std::fs::OpenOptions::new().write(true).open(path).is_err()
        };
        if probe {
            return Some(Unwritable(path.to_owned(), Some(mode)));
        }
        let _ = std::fs::remove_file(path.join(".probe"));
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).ok()?;
        chattr("+i", path).then(|| Unwritable(path.to_owned(), None))
    }
}

#[cfg(unix)]
fn chattr(flag: &str, path: &Path) -> bool {
    Command::new("chattr")
        .arg(flag)
        .arg(path)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

#[cfg(unix)]
impl Drop for Unwritable {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        match self.1 {
            Some(mode) => {
                let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(mode));
            }
            None => {
                chattr("-i", &self.0);
            }
        }
    }
}

#[cfg(unix)] // Unix permissions, chattr and tmpfs make the fault.
#[test]
fn a_read_only_folder_gives_read_only_until_it_is_writable_again() {
    let dir = tempfile::tempdir().unwrap();
    let (path, id, revision) = store_with_a_draft(dir.path());
    let folder = path.parent().unwrap().to_owned();
    let text = edit("改稿");
    {
        let Some(_guard) = Unwritable::new(&folder) else {
            eprintln!("skipped: cannot make a folder read-only here (no chattr)");
            return;
        };
        let err = Store::open(&path)
            .and_then(|mut store| store.save_draft(id, &text, revision, SaveKind::Autosave, T0))
            .unwrap_err();
        assert!(matches!(err, StoreError::ReadOnly), "{err:?}");
        assert_eq!(
            err.to_string(),
            "データベースに書き込めません (database is read-only)"
        );
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.draft(id).unwrap().body, "初稿", "nothing changed");
    store
        .save_draft(id, &text, revision, SaveKind::Autosave, T0)
        .unwrap();
}

#[test]
fn a_truncated_or_damaged_file_is_corrupt_and_moved_aside_only_on_request() {
    for damage in ["truncated", "garbage inside"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("podium.db");
        {
            let mut store = Store::open(&path).unwrap();
            for n in 0..40 {
                let body = format!("第{n}稿。").repeat(300);
                store.create_draft(&edit(&body), T0).unwrap();
            }
        }
        let mut bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() > 64 * 1024, "{} bytes", bytes.len());
        match damage {
            "truncated" => bytes.truncate(bytes.len() / 2),
            _ => bytes[8192..40_960].fill(0xA5),
        }
        std::fs::write(&path, &bytes).unwrap();

        for _ in 0..2 {
            let err = Store::open(&path).unwrap_err();
            assert!(matches!(err, StoreError::Corrupt), "{damage}: {err:?}");
        }
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{damage}: untouched");

        let aside = recover_corrupt(&path, T0).unwrap();
        assert_eq!(
            aside.file_name().unwrap(),
            "podium.db.corrupt-20260105-090000"
        );
        assert_eq!(std::fs::read(&aside).unwrap(), bytes, "kept byte for byte");
        let store = Store::open(&path).expect("a new database");
        assert!(store.list_drafts().unwrap().is_empty());
    }
}

#[test]
fn a_missing_folder_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("新しい/フォルダー/podium.db");
    let mut store = Store::open(&path).unwrap();
    store.create_draft(&edit("本文"), T0).unwrap();
    let backups = dir.path().join("消えた/backups");
    let copy = store.backup_if_due(&backups, T0, 7).unwrap().unwrap();
    assert!(copy.starts_with(&backups) && copy.exists());
}

/// A 512 KiB tmpfs, unmounted on drop.
#[cfg(unix)]
struct SmallDisk(PathBuf);

#[cfg(unix)]
impl SmallDisk {
    fn mount(at: &Path) -> Option<SmallDisk> {
        std::fs::create_dir_all(at).ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=512k", "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        mounted.then(|| SmallDisk(at.to_owned()))
    }

    /// Fills the disk with `filler` until a write fails.
    fn fill(&self, filler: &Path) {
        let mut file = std::fs::File::create(filler).unwrap();
        let block = [b'x'; 4096];
        while file
            .write_all(&block)
            .and_then(|()| file.sync_all())
            .is_ok()
        {}
        let small = [b'x'; 64];
        while file
            .write_all(&small)
            .and_then(|()| file.sync_all())
            .is_ok()
        {}
    }
}

#[cfg(unix)]
impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[cfg(unix)] // Unix permissions, chattr and tmpfs make the fault.
#[test]
fn a_full_disk_gives_disk_full_and_the_save_succeeds_after_space_is_freed() {
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(&dir.path().join("disk")) else {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
        return;
    };
    let (path, id, revision) = store_with_a_draft(&disk.0);
    let mut store = Store::open(&path).unwrap();
    let filler = disk.0.join("filler");
    disk.fill(&filler);

    let text = edit(&"共創のまちづくりを進めます。".repeat(2_000));
    let err = store
        .save_draft(id, &text, revision, SaveKind::Autosave, T0)
        .unwrap_err();
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    assert_eq!(
        err.to_string(),
        "ディスクの空き容量が足りません (disk is full)"
    );
    let backup = store.backup_if_due(&disk.0.join("backups"), T0, 7);
    assert!(backup.is_err(), "{backup:?}");
    assert_eq!(
        std::fs::read_dir(disk.0.join("backups")).map_or(0, |d| d.count()),
        0,
        "no partial backup is left"
    );
    assert_eq!(store.draft(id).unwrap().body, "初稿");

    std::fs::remove_file(&filler).unwrap();
    let saved = store
        .save_draft(id, &text, revision, SaveKind::Autosave, T0)
        .expect("the same save succeeds once there is space");
    assert_eq!(saved.body, text.body);
    drop(store);
    assert_eq!(integrity(&path), "ok");
}

/// `podium ARGS --db PATH`: the exit code, stdout and stderr.
fn podium_on(path: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .arg("--db")
        .arg(path)
        .env("PODIUM_IPADIC", "/nonexistent")
        .output()
        .unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (
        output.status.code(),
        text(&output.stdout),
        text(&output.stderr),
    )
}

#[cfg(unix)] // Unix permissions, chattr and tmpfs make the fault.
#[test]
fn the_reading_commands_read_a_database_in_a_read_only_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (path, id, revision) = store_with_a_draft(dir.path());
    let folder = path.parent().unwrap().to_owned();
    let Some(_guard) = Unwritable::new(&folder) else {
        eprintln!("skipped: cannot make a folder read-only here (neither permissions nor chattr)");
        return;
    };
    for args in [&["list"][..], &["search", "初稿"], &["doctor"]] {
        let (code, stdout, stderr) = podium_on(&path, args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(
            stdout.contains("年頭挨拶") || stdout.contains("1 drafts"),
            "{args:?}: {stdout}"
        );
    }
    let mut store = Store::open_existing(&path).unwrap();
    assert_eq!(store.draft(id).unwrap().body, "初稿");
    let err = store
        .save_draft(id, &edit("改稿"), revision, SaveKind::Autosave, T0)
        .unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly), "{err:?}");
}

#[test]
fn a_database_opened_read_only_is_read_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let (path, id, revision) = store_with_a_draft(dir.path());
    let mut store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.list_drafts().unwrap().len(), 1);
    let err = store
        .save_draft(id, &edit("改稿"), revision, SaveKind::Autosave, T0)
        .unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly), "{err:?}");
    drop(store);
    // One that needs an upgrade cannot be upgraded read-only.
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 1)
        .unwrap();
    let opened = Store::open_read_only(&path);
    assert!(matches!(opened, Err(StoreError::ReadOnly)), "{opened:?}");
}

#[test]
fn reading_commands_create_nothing_and_urls_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("typo").join("podium.db");
    for args in [
        &["list"][..],
        &["search", "挨拶"],
        &["doctor"],
        &["doctor", "--recover"],
        &["export-all", dir.path().join("out").to_str().unwrap()],
    ] {
        let (code, _, stderr) = podium_on(&missing, args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("データベースがありません"),
            "{args:?}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    }
    assert!(!dir.path().join("typo").exists(), "no folder was created");

    for url in ["mysql://user@host/db", "sqlite:podium.db"] {
        for args in [
            &["list"][..],
            &["new", "--template", "new-year"],
            &["doctor", "--recover"],
        ] {
            let output = Command::new(env!("CARGO_BIN_EXE_podium"))
                .args(args)
                .current_dir(dir.path())
                .env("PODIUM_DB", url)
                .stdin(Stdio::null())
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{url} {args:?}: {stderr}");
            assert!(
                stderr.contains("unsupported database URL"),
                "{url} {args:?}: {stderr}"
            );
        }
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "nothing created: {left:?}");
}
