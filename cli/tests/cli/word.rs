//! `podium import` of Word documents (fixtures: `tests/data/docx/`, see its `make.sh`): the
//! drafts listed after, the notes on stderr, and each bad document refused with one line and
//! exit code 2, as the other input errors, nothing written. And the other way: `podium export
//! --to docx` and `podium print -o FILE.docx`, read back by `podium import`.

use super::*;

#[test]
fn word_documents_import_and_are_listed() {
    let lib = library();
    let address = data("docx/address.docx");
    let review = data("docx/review.docx");
    let output = podium(
        &[
            "import",
            address.to_str().unwrap(),
            review.to_str().unwrap(),
        ],
        &lib.db,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stdout(&output);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 2, "{printed}");
    let expected = format!("\t令和９年度　施政方針（企画部）\t← {}", address.display());
    assert!(lines[0].ends_with(&expected), "{printed}");
    assert!(lines[1].contains("教育委員会の取組"), "{printed}");
    // The notes, on stderr, a line each, naming the file.
    let told = stderr(&output);
    let review_name = review.display().to_string();
    let notes: Vec<&str> = told.lines().collect();
    assert_eq!(notes.len(), 4, "{told}");
    assert!(
        notes.iter().all(|line| line.starts_with(&review_name)),
        "{told}"
    );
    assert!(told.contains("変更履歴は承認した状態で取り込みました（挿入 1 件・削除 1 件）"));
    assert!(told.contains("表 1 個は取り込んでいません"));
    assert!(told.contains("図・画像・テキストボックス 1 個は取り込んでいません"));
    assert!(told.contains("コメント 1 件は取り込んでいません"));

    let list = stdout(&podium(&["list"], &lib.db));
    assert!(list.contains("令和９年度　施政方針（企画部）"), "{list}");
    assert!(list.contains("教育委員会の取組"), "{list}");

    // The same as the app's import: the dialect, in the library.
    let listed = json(&podium(&["list", "--json"], &lib.db));
    assert_eq!(listed.as_array().unwrap().len(), 2);
    let json_import = json(&podium(
        &["import", review.to_str().unwrap(), "--json"],
        &lib.db,
    ));
    assert_eq!(json_import[0]["notes"][0]["kind"], "trackedChanges");
    assert_eq!(
        json_import[0]["notes"][2],
        serde_json::json!({"kind": "tables", "count": 1})
    );
}

#[test]
fn bad_word_documents_are_refused_with_one_line() {
    let lib = library();
    let cases = [
        ("malformed.docx", "Word 文書（.docx）が壊れているため読み込めません (damaged Word document: word/document.xml: malformed XML"),
        ("truncated.docx", "Word 文書（.docx）が壊れているため読み込めません (damaged Word document:"),
        ("bomb.docx", "展開すると大きすぎます（上限 16 MB を超えています）"),
        ("encrypted.docx", "パスワードで保護された文書は読み込めません"),
        ("not-word.docx", "Word 文書（.docx）ではない ZIP ファイルのため読み込めません"),
    ];
    for (name, reason) in cases {
        let file = data("docx").join(name);
        let output = podium(&["import", file.to_str().unwrap()], &lib.db);
        let told = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{name}: {told}");
        assert_eq!(told.lines().count(), 1, "{told}");
        assert!(
            told.starts_with(&format!("podium: {}: {reason}", file.display()))
                && told.contains("何も取り込んでいません"),
            "{name}: {told}"
        );
    }
    assert!(!lib.db.exists(), "nothing written");
}

#[test]
fn the_published_text_and_the_reading_script_export_as_word_documents() {
    let lib = library();
    let dir = tempfile::tempdir().unwrap();
    let address = data("address.md");
    let address = address.to_str().unwrap();
    let published = dir.path().join("挨拶.docx");
    let output = podium(
        &[
            "export",
            address,
            "--to",
            "docx",
            "-o",
            published.to_str().unwrap(),
        ],
        &lib.db,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let script = dir.path().join("原稿.docx");
    let vertical = [
        "print",
        address,
        "--vertical",
        "--size",
        "28",
        "-o",
        script.to_str().unwrap(),
    ];
    assert!(podium(&vertical, &lib.db).status.success());
    for file in [&published, &script] {
        assert!(std::fs::read(file).unwrap().starts_with(b"PK\x03\x04"));
    }
    // Podium reads its own documents back: the title, and every section.
    let imported = podium(
        &[
            "import",
            published.to_str().unwrap(),
            script.to_str().unwrap(),
        ],
        &lib.db,
    );
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(
        stderr(&imported).is_empty(),
        "no notes: {}",
        stderr(&imported)
    );
    let search = stdout(&podium(&["search", "働き方を変える"], &lib.db));
    assert_eq!(search.lines().count(), 2, "{search}");

    // To a pipe, the bytes; never onto a terminal (refused with a line: not tested here).
    let piped = podium(&["export", address, "--to", "docx"], &lib.db);
    assert!(piped.status.success());
    assert!(piped.stdout.starts_with(b"PK\x03\x04"));
}

#[test]
fn options_of_the_text_exports_are_refused_for_word() {
    let lib = library();
    let address = data("address.md");
    let output = podium(
        &[
            "export",
            address.to_str().unwrap(),
            "--to",
            "docx",
            "--ruby",
            "paren",
        ],
        &lib.db,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("podium: --ruby は --to docx では使えません"),
        "{}",
        stderr(&output)
    );
    let unknown = podium(
        &["export", address.to_str().unwrap(), "--to", "doc"],
        &lib.db,
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("docx"));
}
