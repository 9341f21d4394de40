//! The CLI's care of the database: a corrupt file is reported with what to do, moved aside
//! only by `podium doctor --recover`; `doctor --backup`; `export-all` writes every draft as a
//! Markdown file inside the chosen folder and nowhere else.

use podium::store::{DraftEdit, Store};
use std::path::Path;
use std::process::{Command, Output};
use time::macros::datetime;

fn podium(args: &[&str], db: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env_remove("PODIUM_DB")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_corrupt_database_is_explained_and_recovered_only_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("podium.db");
    let garbage = "壊れたデータ".repeat(1_000);
    std::fs::write(&db, &garbage).unwrap();

    for args in [vec!["list"], vec!["doctor"]] {
        let output = podium(&args, &db);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = text(&output.stderr);
        assert!(
            stderr.contains("壊れている") && stderr.contains("podium doctor --recover"),
            "{stderr}"
        );
        assert_eq!(std::fs::read_to_string(&db).unwrap(), garbage, "untouched");
    }

    let output = podium(&["doctor", "--recover"], &db);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(stdout.contains("削除はしていません"), "{stdout}");
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("podium.db.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&aside[0])).unwrap(),
        garbage
    );
    assert!(podium(&["list"], &db).status.success());
}

#[test]
fn doctor_reports_a_sound_database_and_makes_todays_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("podium.db");
    drop(Store::open(&db).unwrap()); // doctor never makes one
    let output = podium(&["doctor", "--backup"], &db);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(stdout.contains("正常です（原稿 0 件）"), "{stdout}");
    assert!(stdout.contains("バックアップを作りました"), "{stdout}");
    let again = text(&podium(&["doctor", "--backup"], &db).stdout);
    assert!(
        again.contains("今日のバックアップはもうあります"),
        "{again}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path().join("backups"))
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn export_all_writes_every_draft_inside_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("podium.db");
    let now = datetime!(2026-01-05 09:00 UTC);
    let titles = [
        "年頭挨拶",
        "年頭挨拶",
        "../../外へ",
        "CON",
        "施政方針: 草案?",
        "",
        "\u{202E}逆向き",
    ];
    {
        let mut store = Store::open(&db).unwrap();
        for (n, title) in titles.iter().enumerate() {
            let draft = DraftEdit {
                title: (*title).into(),
                body: format!("# {title}\n\n本文{n}です。\n"),
                ..DraftEdit::default()
            };
            store.create_draft(&draft, now).unwrap();
        }
        let gone = store.create_draft(&DraftEdit::default(), now).unwrap();
        store.delete_draft(gone.id, now).unwrap();
    }
    let out = dir.path().join("書き出し");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("年頭挨拶.md"), "前からあるファイル").unwrap();

    let output = podium(&["export-all", out.to_str().unwrap()], &db);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let mut names: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "CON_.md",
            "年頭挨拶 (2).md",
            "年頭挨拶 (3).md",
            "年頭挨拶.md",
            "施政方針： 草案？.md",
            "無題.md",
            "逆向き.md",
            "／..／外へ.md",
        ]
        .map(String::from)
    );
    assert_eq!(
        std::fs::read_to_string(out.join("年頭挨拶.md")).unwrap(),
        "前からあるファイル",
        "an existing file is never overwritten"
    );
    let siblings = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(
        siblings, 2,
        "nothing written beside the folder (db, 書き出し)"
    );
    assert_eq!(text(&output.stdout).lines().count(), titles.len());
}
