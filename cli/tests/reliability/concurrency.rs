//! Many `podium` processes opening one database at the same moment: a new database, and one a
//! migration behind (the first start of a new version, with two windows or scripts at once).
//! Each round spawns every process before waiting for any; all must succeed.
//!
//! `PODIUM_OPEN_PROCESSES` (default 16) and `PODIUM_OPEN_ROUNDS` (default 4) set the size.

use super::{data, env_number};
use std::path::Path;
use std::process::{Child, Command, Stdio};

fn processes() -> u64 {
    env_number("PODIUM_OPEN_PROCESSES", 16)
}

fn rounds() -> u64 {
    env_number("PODIUM_OPEN_ROUNDS", 4)
}

/// `podium ARGS --db DB`, character-level (no dictionary to load), output captured.
fn spawn(args: &[&str], db: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env("PODIUM_IPADIC", "/nonexistent")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("podium starts")
}

/// Waits for every process; the failures' exit codes and first lines of stderr.
fn failures(children: Vec<Child>) -> Vec<String> {
    children
        .into_iter()
        .map(|child| child.wait_with_output().expect("podium runs"))
        .filter(|output| !output.status.success())
        .map(|output| {
            let stderr = String::from_utf8_lossy(&output.stderr);
            format!(
                "{} ({} lines): {}",
                output.status,
                stderr.lines().count(),
                stderr.lines().next().unwrap_or("")
            )
        })
        .collect()
}

/// The schema of the version before the newest: every migration file but the last, applied
/// as the store applies them, with `user_version` counting them.
fn create_one_migration_behind(db: &Path) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/store/migrations");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
        .collect();
    files.sort();
    files.pop();
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    for file in &files {
        conn.execute_batch(&std::fs::read_to_string(file).unwrap())
            .unwrap();
    }
    conn.pragma_update(None, "user_version", files.len() as i64)
        .unwrap();
}

fn assert_all_succeed(what: &str, prepare: impl Fn(&Path), args: &[&[&str]]) {
    let draft = data("address.md");
    let draft = draft.to_str().unwrap();
    let (processes, rounds) = (processes(), rounds());
    for round in 0..rounds {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("podium.db");
        prepare(&db);
        let children = (0..processes)
            .map(|n| {
                let args: Vec<&str> = args[n as usize % args.len()]
                    .iter()
                    .map(|arg| if *arg == "DRAFT" { draft } else { arg })
                    .collect();
                spawn(&args, &db)
            })
            .collect();
        let failed = failures(children);
        assert!(
            failed.is_empty(),
            "{what}, round {round}: {} of {processes} failed:\n{}",
            failed.len(),
            failed.join("\n")
        );
        let conn = rusqlite::Connection::open(&db).unwrap();
        let imported: i64 = conn
            .query_row("SELECT count(*) FROM drafts", [], |row| row.get(0))
            .unwrap();
        let writers = (0..processes)
            .filter(|n| matches!(args[*n as usize % args.len()][0], "import" | "new"))
            .count();
        assert_eq!(imported, writers as i64, "{what}, round {round}");
    }
    println!("{what}: {processes} processes × {rounds} rounds, none failed");
}

#[test]
fn many_processes_create_a_new_database_at_once() {
    assert_all_succeed(
        "a new database",
        |_| {},
        &[&["import", "DRAFT"], &["new", "--template", "new-year"]],
    );
}

#[test]
fn many_processes_upgrade_a_database_one_migration_behind_at_once() {
    assert_all_succeed(
        "a database one migration behind",
        create_one_migration_behind,
        &[&["import", "DRAFT"], &["list"], &["search", "市民"]],
    );
}
