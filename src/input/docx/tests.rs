//! Word's features one by one, on packages made here (the files LibreOffice made are in
//! `tests/docx.rs`): Japanese Word's style ids, old ruby fields, fields, text boxes, deleted
//! paragraph marks, lists, escapes, and malformed packages.

use super::super::{decode, ImportNote, InputError};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

/// A package of these parts (deflated, as Word writes them).
fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    )
}

/// A paragraph of style `style` (none: the default) holding `runs`.
fn p(style: &str, runs: &str) -> String {
    let properties = match style {
        "" => String::new(),
        style => format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#),
    };
    format!("<w:p>{properties}{runs}</w:p>")
}

fn r(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn read(body: &str, styles: Option<&str>, numbering: Option<&str>) -> (String, Vec<ImportNote>) {
    let document = document(body);
    let mut parts = vec![("word/document.xml", document.as_str())];
    parts.extend(styles.map(|xml| ("word/styles.xml", xml)));
    parts.extend(numbering.map(|xml| ("word/numbering.xml", xml)));
    let decoded = decode(&package(&parts)).unwrap();
    (decoded.text, decoded.notes)
}

fn text(body: &str) -> String {
    read(body, None, None).0
}

/// Japanese Word names its heading styles `1`, `2` … (`heading 1` inside), its title `a3`.
const JAPANESE_STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="10"><w:name w:val="章の見出し"/><w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="4"><w:name w:val="heading 4"/></w:style>
</w:styles>"#;

#[test]
fn japanese_words_headings() {
    let body = [
        p("a3", &r("令和９年　年頭挨拶")),
        p("1", &r("①　人づくり")),
        p("a", &r("本文です。")),
        p("2", &r("小さな見出し")),
        p("10", &r("自前の見出し")),
        p("4", &r("深い見出し")),
    ]
    .concat();
    let (text, notes) = read(&body, Some(JAPANESE_STYLES), None);
    assert_eq!(
        text,
        "# 令和９年　年頭挨拶\n\n## ①　人づくり\n\n本文です。\n\n## 小さな見出し\n\n## 自前の見出し\n\n### 深い見出し\n"
    );
    assert_eq!(notes, []);
}

#[test]
fn a_first_heading_1_is_the_title_only_when_it_comes_first() {
    let styles = Some(JAPANESE_STYLES);
    let first = read(&[p("1", &r("題")), p("1", &r("節"))].concat(), styles, None).0;
    assert_eq!(first, "# 題\n\n## 節\n");
    let later = read(
        &[p("", &r("前文。")), p("1", &r("節"))].concat(),
        styles,
        None,
    )
    .0;
    assert_eq!(later, "前文。\n\n## 節\n");
}

#[test]
fn ruby_in_both_of_words_forms() {
    let modern = r#"<w:r><w:ruby><w:rubyPr><w:hps w:val="10"/></w:rubyPr><w:rt><w:r><w:t>まいしん</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>邁進</w:t></w:r></w:rubyBase></w:ruby></w:r>"#;
    let field = r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> EQ \* jc2 \* "Font:ＭＳ 明朝" \* hps10 \o\ad(\s\up 9(</w:instrText></w:r><w:r><w:instrText>あんねい),安寧)</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>安寧</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#;
    let body = p("", &[modern, &r("と"), field].concat());
    assert_eq!(text(&body), "{邁進|まいしん}と{安寧|あんねい}\n");
}

#[test]
fn a_field_shows_what_word_last_showed() {
    let page = r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#;
    assert_eq!(
        text(&p("", &[&r("第"), page, &r("頁")].concat())),
        "第3頁\n"
    );
}

#[test]
fn text_boxes_pictures_and_footnotes_are_left_out_and_counted() {
    let text_box = r#"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>箱の中</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:p><w:r><w:t>箱の中</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#;
    let footnote = r#"<w:r><w:footnoteReference w:id="1"/></w:r>"#;
    let (text, notes) = read(
        &p("", &[&r("本文"), text_box, footnote, &r("です。")].concat()),
        None,
        None,
    );
    assert_eq!(text, "本文です。\n");
    assert_eq!(
        notes,
        [
            ImportNote::Drawings { count: 1 },
            ImportNote::Footnotes { count: 1 }
        ]
    );
}

#[test]
fn a_deleted_paragraph_mark_joins_the_paragraphs() {
    let joined = r#"<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t>前半と</w:t></w:r></w:p>"#;
    let moved = r#"<w:moveFrom w:id="3"><w:r><w:t>移動前</w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t>移動後</w:t></w:r></w:moveTo>"#;
    let (text, notes) = read(
        &[joined, &p("", &r("後半です。")), &p("", moved)].concat(),
        None,
        None,
    );
    assert_eq!(text, "前半と後半です。\n\n移動後\n");
    assert_eq!(
        notes,
        [ImportNote::TrackedChanges {
            insertions: 1,
            deletions: 2
        }]
    );
}

#[test]
fn text_is_kept_as_typed_and_escaped_where_markdown_would_read_it() {
    let body = [
        p("", &r("# 見出しではない")),
        p("", &r("    字下げの空白")),
        p("", r#"<w:r><w:t>市長</w:t><w:tab/><w:t>山田&amp;太郎&#x3000;&lt;様&gt;</w:t></w:r>"#),
        p("", r#"<w:r><w:t>一行目</w:t><w:br/><w:t>二行目</w:t><w:br w:type="page"/><w:t>続き</w:t></w:r>"#),
        p("", &r("　　")),
    ]
    .concat();
    assert_eq!(
        text(&body),
        "\\# 見出しではない\n\n字下げの空白\n\n市長　山田&太郎　<様>\n\n一行目\n二行目続き\n"
    );
}

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="japaneseCounting"/><w:lvlText w:val="第%1章"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalFullWidth"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1-%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"#;

const LIST_STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="numbering" w:styleId="ListStyle"><w:name w:val="List Style"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"#;

fn item(list: u32, level: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{list}"/></w:numPr></w:pPr>{}</w:p>"#,
        r(text)
    )
}

#[test]
fn list_numbers_as_the_reader_saw_them() {
    let body = [
        p("Chapter", &r("総論")),
        item(1, 1, "まず"),
        item(1, 1, "次に"),
        item(1, 2, "細目"),
        item(2, 0, "箇条書き"),
        p("Chapter", &r("各論")),
        item(1, 1, "改めて"),
        item(3, 1, "五から"),
        item(4, 1, "つながる"),
        item(1, 1, "さらに"),
    ]
    .concat();
    let (text, _) = read(&body, Some(LIST_STYLES), Some(NUMBERING));
    assert_eq!(
        text,
        "## 第一章　総論\n\n（１）まず\n\n（２）次に\n\n一-1. 細目\n\n・箇条書き\n\n\
         ## 第二章　各論\n\n（１）改めて\n\n（５）五から\n\n（６）つながる\n\n（７）さらに\n"
    );
}

#[test]
fn an_empty_document_is_an_empty_draft() {
    assert_eq!(text(""), "");
    assert_eq!(text(&p("", "")), "");
}

#[test]
fn malformed_packages_are_refused() {
    let refused = |bytes: &[u8]| decode(bytes).unwrap_err();
    let damaged = |bytes: &[u8]| matches!(refused(bytes), InputError::DamagedWord(_));
    assert!(damaged(&package(&[(
        "word/document.xml",
        "<w:document><w:body>"
    )])));
    assert!(damaged(&package(&[("word/document.xml", "<a></b>")])));
    assert!(damaged(&package(&[(
        "word/document.xml",
        &document(&"<w:p>".repeat(600))
    )])));
    let styles = package(&[
        ("word/document.xml", &document("")),
        ("word/styles.xml", "<w:styles>"),
    ]);
    assert!(damaged(&styles));
    assert!(damaged(b"PK\x03\x04 and nothing of a zip"));
    assert!(matches!(
        refused(&package(&[("content.xml", "<office/>")])),
        InputError::NotWord
    ));
    let message = refused(&package(&[("word/document.xml", "<a></b>")])).to_string();
    assert!(message.starts_with("Word 文書（.docx）が壊れているため読み込めません (damaged Word document: word/document.xml: malformed XML at byte"), "{message}");
}

#[test]
fn an_old_word_file_is_not_an_encrypted_one() {
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
    assert!(matches!(decode(&ole), Err(InputError::OldOffice)));
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert!(matches!(decode(&ole), Err(InputError::Encrypted)));
}

#[test]
fn a_part_in_utf16_is_read() {
    let xml = document(&p("", &r("挨拶")));
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", SimpleFileOptions::default())
        .unwrap();
    zip.write_all(&utf16).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert_eq!(decode(&bytes).unwrap().text, "挨拶\n");
}
