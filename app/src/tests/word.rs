//! Word documents imported as the app imports them: the drafts, and the report's notes on
//! what each file had that its draft leaves out (fixtures: `tests/data/docx/`).

use super::*;
use crate::error::AppError;
use crate::wire::ImportNote;
use std::path::PathBuf;

fn fixture(name: &str) -> (String, Result<PathBuf, AppError>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data/docx")
        .join(name);
    (path.display().to_string(), Ok(path))
}

#[test]
fn word_documents_import_with_their_notes() {
    let (state, _) = state();
    let files = ["address.docx", "review.docx", "bomb.docx", "encrypted.docx"];
    let report = import_files(&state, files.into_iter().map(fixture).collect()).unwrap();

    let titles: Vec<&str> = report.imported.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(
        titles,
        ["令和９年度　施政方針（企画部）", "教育委員会の取組"]
    );
    assert!(report
        .imported
        .iter()
        .all(|d| d.chars > 0 && d.seconds > 0.0));

    // Only the file with something left out has notes, named by its path and draft.
    assert_eq!(report.notes.len(), 1, "{:?}", report.notes);
    let review = &report.notes[0];
    assert!(review.path.ends_with("review.docx"));
    assert_eq!(
        (review.draft_id, review.title.as_str()),
        (report.imported[1].id, "教育委員会の取組")
    );
    assert_eq!(
        review.notes,
        [
            ImportNote::TrackedChanges {
                insertions: 1,
                deletions: 1
            },
            ImportNote::Comments { count: 1 },
            ImportNote::Tables { count: 1 },
            ImportNote::Drawings { count: 1 },
        ]
    );

    // The refused ones, each with its reason, Japanese first.
    let failed: Vec<(&str, &str)> = report
        .failed
        .iter()
        .map(|f| (f.path.rsplit('/').next().unwrap(), f.message.as_str()))
        .collect();
    assert_eq!(failed.len(), 2);
    assert_eq!(failed[0].0, "bomb.docx");
    assert!(
        failed[0].1.starts_with("展開すると大きすぎます"),
        "{}",
        failed[0].1
    );
    assert_eq!(failed[1].0, "encrypted.docx");
    assert!(
        failed[1].1.starts_with("パスワードで保護された文書"),
        "{}",
        failed[1].1
    );

    // The draft is the dialect: ruby, sections, the kept line breaks.
    let draft = get_draft(&state, report.imported[0].id).unwrap();
    assert!(draft.body.contains("{邁進|まいしん}"));
    assert!(draft.body.contains("\n## 重点施策\n"));
    assert!(draft.body.contains("市民の皆様、\n事業者の皆様、\n"));
}

#[test]
fn a_paste_from_word_is_the_import_of_the_same_document() {
    let (state, _) = state();
    let (path, file) = fixture("review.docx");
    let report = import_files(&state, vec![(path, file)]).unwrap();
    let imported = get_draft(&state, report.imported[0].id).unwrap();
    let (_, html) = fixture("review.word.html");
    let html = std::fs::read_to_string(html.unwrap()).unwrap();
    let pasted = paste_html(&html, "plain").unwrap();
    assert_eq!(pasted.text + "\n", imported.body);
    assert_eq!(pasted.notes, report.notes[0].notes);
    // Anything else pastes as its plain text.
    let page = paste_html("<p>ウェブの<b>文</b></p>", "ウェブの文\r\n").unwrap();
    assert_eq!((page.text.as_str(), page.notes.len()), ("ウェブの文\n", 0));
}
