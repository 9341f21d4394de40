//! Bad files on import, through `input::read_path` and the `podium import` command: binary,
//! invalid UTF-8, UTF-16 with BOM, Shift_JIS, empty and a 100 MB file. Text in another
//! encoding is decoded; everything else gets one clear line, no panic and nothing written.

use super::data;
use podium::input::{read_path, InputError, SourceEncoding};
use std::path::Path;
use std::process::{Command, Output};

fn import(files: &[&Path], db: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podium"))
        .arg("import")
        .args(files)
        .arg("--db")
        .arg(db)
        .env_remove("PODIUM_DB")
        .output()
        .unwrap()
}

/// A 100 MB file that takes no disk space.
fn sparse_100_mb(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("巨大.md");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap();
    path
}

#[test]
fn read_path_decodes_or_refuses_each_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let encoding = |name: &str| read_path(&data(name)).map(|decoded| decoded.encoding);
    assert!(matches!(
        encoding("bad/binary.bin"),
        Err(InputError::Binary)
    ));
    assert!(matches!(
        encoding("bad/latin1.txt"),
        Err(InputError::InvalidEncoding { offset: 53, .. })
    ));
    assert_eq!(
        encoding("bad/utf16le-bom.txt").unwrap(),
        SourceEncoding::Utf16Le
    );
    assert_eq!(encoding("bad/sjis.txt").unwrap(), SourceEncoding::ShiftJis);
    assert_eq!(read_path(&data("bad/empty.md")).unwrap().text, "");
    let started = std::time::Instant::now();
    let huge = read_path(&sparse_100_mb(dir.path())).unwrap_err();
    assert!(matches!(huge, InputError::TooLarge { .. }), "{huge:?}");
    assert!(
        started.elapsed().as_secs() < 1,
        "refused by its size, not read"
    );
}

#[test]
fn import_refuses_bad_files_with_one_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("podium.db");
    let huge = sparse_100_mb(dir.path());
    let cases = [
        (
            data("bad/binary.bin"),
            "バイナリファイルのため読み込めません",
        ),
        (
            data("bad/latin1.txt"),
            "UTF-8 として不正なバイトがあります（54 バイト目）",
        ),
        (
            data("bad/empty.md"),
            "空のファイルです (empty file, nothing to import)",
        ),
        (huge, "大きすぎます（100 MB、上限 16 MB）"),
    ];
    for (file, reason) in &cases {
        let output = import(&[file], &db);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{file:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(&file.display().to_string())
                && stderr.contains(reason)
                && stderr.contains("何も取り込んでいません"),
            "{file:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"));
    }
    // One bad file among good ones: nothing at all is imported.
    let good = data("bad/sjis.txt");
    let output = import(&[&good, &cases[0].0], &db);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        !db.exists(),
        "a refused import does not even create the database"
    );
}

#[test]
fn import_decodes_utf16_and_shift_jis() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("podium.db");
    let output = import(&[&data("bad/utf16le-bom.txt"), &data("bad/sjis.txt")], &db);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    let store = podium::store::Store::open(&db).unwrap();
    for summary in store.list_drafts().unwrap() {
        let body = store.draft(summary.id).unwrap().body;
        assert!(!body.contains('\u{FFFD}') && !body.contains('\r'), "{body}");
        assert!(body.contains("。"), "decoded as Japanese: {body}");
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once_instead_of_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("原稿.md");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|status| status.success()) {
        eprintln!("skipped: no mkfifo here");
        return;
    }
    assert!(matches!(read_path(&fifo), Err(InputError::NotAFile)));
    let fifo_arg = fifo.to_str().unwrap();
    let db = dir.path().join("podium.db");
    for args in [
        &["stats", fifo_arg, "--chars-only"][..],
        &["lint", fifo_arg, "--chars-only"],
        &["import", fifo_arg, "--db", db.to_str().unwrap()],
    ] {
        let command = args[0];
        let mut child = Command::new(env!("CARGO_BIN_EXE_podium"))
            .args(args)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while child.try_wait().unwrap().is_none() {
            if std::time::Instant::now() > deadline {
                child.kill().unwrap();
                panic!("{command} waits for a writer to the FIFO");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{command}: {stderr}");
        assert!(
            stderr.contains("通常のファイルではない"),
            "{command}: {stderr}"
        );
    }
}
