use super::*;
use crate::script::parse;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;
use zip::ZipArchive;

/// Every part of a package, by name, as text.
pub(crate) fn parts(docx: &[u8]) -> Vec<(String, String)> {
    let mut archive = ZipArchive::new(Cursor::new(docx)).expect("a zip");
    (0..archive.len())
        .map(|at| {
            let mut file = archive.by_index(at).expect("a part");
            let mut text = String::new();
            file.read_to_string(&mut text).expect("UTF-8");
            (file.name().expect("a name").to_string(), text)
        })
        .collect()
}

fn part(docx: &[u8], name: &str) -> String {
    parts(docx)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, text)| text)
        .unwrap_or_else(|| panic!("no {name}"))
}

fn well_formed(name: &str, xml: &str) {
    let mut reader = Reader::from_str(xml);
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(error) => panic!("{name}: {error} at {}", reader.error_position()),
        }
    }
    assert_eq!(depth, 0, "{name} is closed");
}

const DRAFT: &str =
    "# 題 <&>\n\n## ① 柱\n\n{漢字|かんじ}と**太字**。[[間]]\n二行目\u{202e}です。\n\n\
    > [!note]\n> メモ。\n\n> [!spoken]\n> 会場の皆さん。\n\n[市](https://example.jp/?a=1&b=2)\n\n\
    > [!sign]\n> 令和9年1月4日\n";

#[test]
fn every_part_is_well_formed_xml_and_every_relationship_is_there() {
    for docx in [
        published(&parse(DRAFT)),
        reading_script(&parse(DRAFT), &PrintOptions::default()),
    ] {
        let parts = parts(&docx);
        let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names[0], "[Content_Types].xml");
        for (name, xml) in &parts {
            well_formed(name, xml);
            if name.ends_with(".xml") && name != "[Content_Types].xml" {
                let part = format!("/{name}");
                assert!(parts[0].1.contains(&part), "{name} has a content type");
            }
        }
        let relationships = part(&docx, "word/_rels/document.xml.rels");
        assert!(relationships.contains("Target=\"https://example.jp/?a=1&amp;b=2\""));
    }
}

#[test]
fn the_same_draft_gives_the_same_bytes() {
    let script = parse(DRAFT);
    assert_eq!(published(&script), published(&script));
    let options = PrintOptions {
        vertical: true,
        ..PrintOptions::default()
    };
    assert_eq!(
        reading_script(&script, &options),
        reading_script(&script, &options)
    );
}

#[test]
fn the_published_text_leaves_out_what_is_for_the_reader() {
    let document = part(&published(&parse(DRAFT)), "word/document.xml");
    assert!(document.contains("<w:t xml:space=\"preserve\">題 &lt;&amp;&gt;</w:t>"));
    for absent in ["間", "メモ", "会場", "\u{202e}"] {
        assert!(!document.contains(absent), "{absent}");
    }
    assert!(document.contains("<w:pStyle w:val=\"Signature\"/>"));
}

#[test]
fn the_reading_script_shows_cues_notes_when_asked_and_lines_for_the_room() {
    let script = parse(DRAFT);
    let plain = part(
        &reading_script(&script, &PrintOptions::default()),
        "word/document.xml",
    );
    assert!(
        plain.contains("<w:rStyle w:val=\"Pause\"/></w:rPr><w:t xml:space=\"preserve\">間</w:t>")
    );
    assert!(plain.contains("会場の皆さん"));
    assert!(!plain.contains("メモ"));
    let notes = PrintOptions {
        notes: true,
        ..PrintOptions::default()
    };
    let with_notes = part(&reading_script(&script, &notes), "word/document.xml");
    assert!(with_notes.contains("メモ。"));
}

#[test]
fn ruby_is_word_ruby_sized_from_its_paragraph() {
    let options = PrintOptions {
        size_pt: 20,
        ..PrintOptions::default()
    };
    let document = part(
        &reading_script(&parse("{漢字|かんじ}"), &options),
        "word/document.xml",
    );
    assert!(document.contains(
        "<w:rubyPr><w:rubyAlign w:val=\"distributeSpace\"/><w:hps w:val=\"20\"/>\
         <w:hpsRaise w:val=\"34\"/><w:hpsBaseText w:val=\"40\"/><w:lid w:val=\"ja-JP\"/></w:rubyPr>\
         <w:rt><w:r><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr>\
         <w:t xml:space=\"preserve\">かんじ</w:t></w:r></w:rt>\
         <w:rubyBase><w:r><w:t xml:space=\"preserve\">漢字</w:t></w:r></w:rubyBase>"
    ));
}

#[test]
fn vertical_digits_stand_upright() {
    let options = PrintOptions {
        vertical: true,
        ..PrintOptions::default()
    };
    let docx = reading_script(&parse("令和9年の2025件"), &options);
    let document = part(&docx, "word/document.xml");
    assert!(document.contains("<w:textDirection w:val=\"tbRl\"/>"));
    // 9 in a square of its own; 2025 a square a digit, in full-width digits.
    assert_eq!(document.matches("w:vert=\"1\"").count(), 1);
    assert!(document.contains(">２０２５</w:t>"));
}

#[test]
fn an_empty_draft_is_still_a_document() {
    let docx = published(&parse(""));
    assert!(part(&docx, "word/document.xml").contains("<w:body><w:sectPr>"));
}
