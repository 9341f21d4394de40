//! Word documents (.docx) made by LibreOffice from the sources in `tests/data/docx/` (see its
//! `make.sh`): each becomes the draft text of its golden file, with its notes; damaged,
//! truncated, encrypted and zip-bomb files are refused with their reason.
//!
//! Regenerate the golden files with `UPDATE_GOLDEN=1 cargo test --test docx`.

mod common;

use common::{assert_golden, data};
use podium::input::{read_path, ImportNote, InputError, SourceEncoding};
use podium::script;

fn docx(name: &str) -> std::path::PathBuf {
    data("docx").join(name)
}

#[test]
fn address_becomes_the_draft_of_its_golden_file() {
    let decoded = read_path(&docx("address.docx")).unwrap();
    assert_eq!(decoded.encoding, SourceEncoding::Word);
    assert_eq!(decoded.notes, []);
    assert_golden("docx/address.md", &decoded.text);

    let script = script::parse(&decoded.text);
    assert_eq!(
        script.title.map(|title| title.text()).as_deref(),
        Some("令和９年度　施政方針（企画部）")
    );
    let sections: Vec<String> = script.sections.iter().map(|s| s.title()).collect();
    assert_eq!(sections, ["", "はじめに", "重点施策", "むすび"]);
    assert!(script.diagnostics.is_empty(), "{:?}", script.diagnostics);
}

#[test]
fn what_word_shows_is_kept() {
    let text = read_path(&docx("address.docx")).unwrap().text;
    // An indent typed as a full-width space, ruby, soft returns as kept line breaks.
    assert!(text.contains("\n\n　令和９年第１回市議会定例会"));
    assert!(text.contains("まちづくりに{邁進|まいしん}してまいりました。"));
    assert!(text.contains("市民の皆様、\n事業者の皆様、\nそして職員の皆さん。"));
    // Word's numbering as the reader saw it, and ①②③ typed as text.
    assert!(
        text.contains("①地域の未来を担う人づくり\n\n②市民・企業・大学との共創\n\n③働き方を変える")
    );
    assert!(text.contains("1. 保育所の定員を拡充します。\n\n2. 小中学校の{耐震|たいしん}改修"));
    assert!(text.contains("\n\n①から③までの施策に"));
    assert!(text.contains("### 具体的な取組"));
}

#[test]
fn review_accepts_changes_and_notes_what_it_leaves_out() {
    let decoded = read_path(&docx("review.docx")).unwrap();
    assert_golden("docx/review.md", &decoded.text);
    assert_eq!(
        decoded.notes,
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
    let text = decoded.text;
    assert!(text.starts_with("# 教育委員会の取組\n\n## 学校施設の整備\n"));
    assert!(
        text.contains("本年度は新たに三校で"),
        "the insertion is kept"
    );
    assert!(
        text.contains("事業費は十億円です。"),
        "the deletion is left out"
    );
    assert!(
        !text.contains("学校名") && !text.contains("年度を確認"),
        "{text}"
    );
    assert_eq!(
        decoded.notes[0].to_string(),
        "変更履歴は承認した状態で取り込みました（挿入 1 件・削除 1 件）\
         (tracked changes accepted: 1 insertions, 1 deletions)"
    );
}

#[test]
fn bad_documents_are_refused_with_their_reason() {
    let refused = |name: &str| read_path(&docx(name)).unwrap_err();
    assert!(matches!(
        refused("malformed.docx"),
        InputError::DamagedWord(_)
    ));
    assert!(matches!(
        refused("truncated.docx"),
        InputError::DamagedWord(_)
    ));
    assert!(matches!(
        refused("bomb.docx"),
        InputError::UnpackedTooLarge { .. }
    ));
    assert!(matches!(refused("encrypted.docx"), InputError::Encrypted));
    assert!(matches!(refused("not-word.docx"), InputError::NotWord));
    for name in [
        "malformed.docx",
        "truncated.docx",
        "bomb.docx",
        "encrypted.docx",
        "not-word.docx",
    ] {
        let message = refused(name).to_string();
        assert!(!message.contains('\n'), "{name}: {message}");
        let (japanese, english) = message.split_once('(').expect("English in brackets");
        assert!(
            !japanese.is_ascii() && english.ends_with(')') && english.is_ascii(),
            "{message}"
        );
    }
    assert_eq!(
        refused("bomb.docx").to_string(),
        "展開すると大きすぎます（上限 16 MB を超えています）(too large once unpacked: over the 16 MB limit)"
    );
}

/// Word's clipboard HTML of the same documents (`*.word.html`, written after what Word puts on
/// the clipboard) pastes as the import gives the file: the golden text, without its final line
/// break, and the same notes.
#[test]
fn pasting_from_word_gives_what_the_import_gives() {
    for (name, html) in [
        ("address", "address.word.html"),
        ("review", "review.word.html"),
    ] {
        let html = std::fs::read_to_string(docx(html)).unwrap();
        let pasted = podium::input::paste(&html, "the plain text").unwrap();
        let imported = read_path(&docx(&format!("{name}.docx"))).unwrap();
        assert_eq!(pasted.text + "\n", imported.text, "{name}");
        assert_eq!(pasted.notes, imported.notes, "{name}");
    }
}
