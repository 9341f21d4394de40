//! Word documents (.docx) of a draft: the reading script ([`reading_script`], the print
//! document's content and options) and the published text ([`published`]: the title and the
//! full text as published — no cues, notes or lines for the room).
//!
//! The office sends Word files for 決裁, and the mayor reads a printed copy at the lectern.
//! Both documents are A4 with the page number at the foot (「1 / 5」: `PAGE` and `NUMPAGES`
//! fields), Japanese faces (BIZ UDP明朝 for the text, BIZ UDPゴシック for headings, with
//! 游明朝 and ＭＳ 明朝 named as alternatives), ruby as Word's own ruby. The package is
//! written with the `zip` crate, every part with a fixed time stamp (1980-01-01), so the same
//! draft always gives the same bytes. What each draft element becomes: `body.rs`; the
//! styles, sizes and page: `styles.rs`.
//!
//! Podium's own .docx import reads these documents back into the draft's sections and ruby.

mod body;
mod styles;
mod xml;

use super::print::within_range;
use super::PrintOptions;
use crate::script::Script;
use std::io::{Cursor, Write};
use styles::Look;
use xml::{attribute, DECLARATION};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The media type of a .docx file.
pub const MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The reading script as a Word document: what is read aloud with ruby, cues as small marks,
/// notes when asked, the signature small, in large type; sections on new pages as printed;
/// 縦書き as an option. Never fails.
pub fn reading_script(script: &Script, options: &PrintOptions) -> Vec<u8> {
    let options = within_range(options);
    package(script, &Look::reading_script(&options), Some(&options))
}

/// The published text as a Word document: the title, headings, paragraphs with their line
/// breaks, ①②③ as written, the signature right-aligned. Never fails.
pub fn published(script: &Script) -> Vec<u8> {
    package(script, &Look::published(), None)
}

const FOOTER_ID: &str = "rIdFooter";

/// The parts of the package, in the order they are written.
fn package(script: &Script, look: &Look, reading: Option<&PrintOptions>) -> Vec<u8> {
    let (document, links) = body::document(script, look, reading, FOOTER_ID);
    let title = script
        .title_text()
        .map(|t| t.replace('\n', " ").trim().to_string())
        .unwrap_or_default();
    let parts: [(&str, String); 9] = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_relationships()),
        ("docProps/core.xml", core_properties(&title)),
        ("docProps/app.xml", app_properties()),
        ("word/document.xml", document),
        (
            "word/_rels/document.xml.rels",
            document_relationships(&links),
        ),
        ("word/styles.xml", styles::styles(look)),
        ("word/settings.xml", settings()),
        ("word/fontTable.xml", styles::font_table()),
    ];
    let footer = ("word/footer1.xml", footer());
    zipped(parts.iter().chain([&footer])).expect("a package written to memory")
}

/// The parts as a zip, each deflated, with a fixed time stamp and permissions.
fn zipped<'a>(
    parts: impl IntoIterator<Item = &'a (&'a str, String)>,
) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    for (name, contents) in parts {
        zip.start_file(*name, options)?;
        zip.write_all(contents.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

fn content_types() -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        "{DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"{main}.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"{main}.styles+xml\"/>\
         <Override PartName=\"/word/settings.xml\" ContentType=\"{main}.settings+xml\"/>\
         <Override PartName=\"/word/fontTable.xml\" ContentType=\"{main}.fontTable+xml\"/>\
         <Override PartName=\"/word/footer1.xml\" ContentType=\"{main}.footer+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
         </Types>"
    )
}

const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn package_relationships() -> String {
    format!(
        "{DECLARATION}<Relationships xmlns=\"{RELATIONSHIPS}\">\
         <Relationship Id=\"rId1\" Type=\"{OFFICE}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{RELATIONSHIPS}/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{OFFICE}/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

/// The document's relationships: its styles, settings, fonts, footer, and each link
/// (`rIdLink1` …, as `body.rs` numbers them).
fn document_relationships(links: &[String]) -> String {
    let mut out = format!(
        "{DECLARATION}<Relationships xmlns=\"{RELATIONSHIPS}\">\
         <Relationship Id=\"rIdStyles\" Type=\"{OFFICE}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"{OFFICE}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rIdFonts\" Type=\"{OFFICE}/fontTable\" Target=\"fontTable.xml\"/>\
         <Relationship Id=\"{FOOTER_ID}\" Type=\"{OFFICE}/footer\" Target=\"footer1.xml\"/>"
    );
    for (at, url) in links.iter().enumerate() {
        out.push_str(&format!(
            "<Relationship Id=\"rIdLink{}\" Type=\"{OFFICE}/hyperlink\" Target=\"",
            at + 1
        ));
        attribute(&mut out, url);
        out.push_str("\" TargetMode=\"External\"/>");
    }
    out.push_str("</Relationships>");
    out
}

/// The title, and the language; no author or dates (the same draft gives the same file).
fn core_properties(title: &str) -> String {
    let mut out = format!(
        "{DECLARATION}<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>"
    );
    xml::text(&mut out, title);
    out.push_str("</dc:title><dc:language>ja-JP</dc:language></cp:coreProperties>");
    out
}

fn app_properties() -> String {
    format!(
        "{DECLARATION}<Properties \
         xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>Podium</Application></Properties>"
    )
}

/// Japanese punctuation compressed as Word does by default; Word 2013 and later layout.
fn settings() -> String {
    format!(
        "{DECLARATION}<w:settings xmlns:w=\"{}\"><w:zoom w:percent=\"100\"/>\
         <w:defaultTabStop w:val=\"840\"/>\
         <w:characterSpacingControl w:val=\"compressPunctuation\"/>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" \
         w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         <w:themeFontLang w:val=\"en-US\" w:eastAsia=\"ja-JP\"/></w:settings>",
        xml::W
    )
}

/// The page number at the foot: 「1 / 5」.
fn footer() -> String {
    let field = |instruction: &str| {
        format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
             <w:r><w:instrText xml:space=\"preserve\"> {instruction} </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    };
    format!(
        "{DECLARATION}<w:ftr xmlns:w=\"{}\" xmlns:r=\"{}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\
         {}<w:r><w:t xml:space=\"preserve\"> / </w:t></w:r>{}</w:p></w:ftr>",
        xml::W,
        xml::R,
        field("PAGE"),
        field("NUMPAGES"),
    )
}

#[cfg(test)]
mod tests;
