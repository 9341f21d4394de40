//! Word documents (.docx) of a draft: golden files of their XML (fixture `word.md`: ruby,
//! ①②③ sections, typed line breaks, cues, a note, a list, a quote, a link, a rule, a
//! signature), the package read back by Podium's own .docx import, and — with
//! LibreOffice — each document converted to PDF and its pages read (`make test-docx`).
//!
//! Regenerate the golden files with `UPDATE_GOLDEN=1 cargo test --test word`.

mod common;

use common::{assert_golden, data};
use podium::export::docx::{published, reading_script};
use podium::export::{export, ExportOptions, ExportProfile, PrintOptions};
use podium::input;
use podium::script::{parse, Inline, Script};
use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;

fn fixture(name: &str) -> Script {
    parse(&std::fs::read_to_string(data(name)).expect("fixture is readable"))
}

fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip");
    let mut text = String::new();
    archive
        .by_name(name)
        .expect("the part")
        .read_to_string(&mut text)
        .expect("UTF-8");
    text
}

/// The XML a paragraph, style, font or relationship a line, to read and diff.
fn lines(xml: &str) -> String {
    xml.replace("</w:p>", "</w:p>\n")
        .replace("</w:style>", "</w:style>\n")
        .replace("</w:font>", "</w:font>\n")
        .replace("</w:docDefaults>", "</w:docDefaults>\n")
        .replace("<Relationship ", "\n<Relationship ")
}

fn vertical() -> PrintOptions {
    PrintOptions {
        vertical: true,
        notes: true,
        ..PrintOptions::default()
    }
}

#[test]
fn the_documents_match_their_golden_files() {
    let script = fixture("word.md");
    let text = published(&script);
    let reading = reading_script(&script, &PrintOptions::default());
    let upright = reading_script(&script, &vertical());
    assert_golden(
        "word/published.document.xml",
        &lines(&part(&text, "word/document.xml")),
    );
    assert_golden(
        "word/published.styles.xml",
        &lines(&part(&text, "word/styles.xml")),
    );
    assert_golden(
        "word/published.relationships.xml",
        &lines(&part(&text, "word/_rels/document.xml.rels")),
    );
    assert_golden(
        "word/reading.document.xml",
        &lines(&part(&reading, "word/document.xml")),
    );
    assert_golden(
        "word/reading.styles.xml",
        &lines(&part(&reading, "word/styles.xml")),
    );
    assert_golden(
        "word/vertical.document.xml",
        &lines(&part(&upright, "word/document.xml")),
    );
    assert_golden(
        "word/footer.xml",
        &lines(&part(&reading, "word/footer1.xml")),
    );
    assert_golden(
        "word/fontTable.xml",
        &lines(&part(&reading, "word/fontTable.xml")),
    );
    assert_golden("word/core.xml", &part(&reading, "docProps/core.xml"));
}

/// Headings and ruby, in order, as the draft has them.
fn outline(script: &Script) -> (Vec<String>, Vec<(String, String)>) {
    let mut headings: Vec<String> = script.title_text().into_iter().collect();
    headings.extend(script.sections.iter().map(|s| s.title()));
    let mut ruby = Vec::new();
    let mut collect = |inlines: &[Inline]| {
        for inline in inlines {
            if let Inline::Ruby { base, reading, .. } = inline {
                ruby.push((base.to_string(), reading.to_string()));
            }
        }
    };
    if let Some(title) = &script.title {
        collect(&title.inlines);
    }
    for sentence in script.sections.iter().flat_map(|s| s.sentences()) {
        collect(&sentence.inlines);
    }
    (headings, ruby)
}

#[test]
fn the_published_text_reads_back_as_the_draft() {
    // What the text export shows (cues and notes are in neither) is what comes back.
    let script = fixture("address.md");
    let back = input::decode(&published(&script)).expect("Podium reads its own .docx");
    assert!(back.notes.is_empty(), "{:?}", back.notes);
    let text = ExportOptions::new(ExportProfile::Text);
    assert_eq!(export(&parse(&back.text), &text), export(&script, &text));

    // Sections and ruby (the title's too) come back; the link's text stays, the rule goes.
    let script = fixture("word.md");
    let back = parse(&input::decode(&published(&script)).expect("read").text);
    assert_eq!(outline(&back), outline(&script));
    assert_eq!(back.sections.len(), 4);
}

#[test]
fn the_reading_script_reads_back_with_its_sections_and_ruby() {
    let script = fixture("word.md");
    let docx = reading_script(&script, &vertical());
    let back = parse(&input::decode(&docx).expect("read").text);
    let (headings, ruby) = outline(&back);
    assert_eq!((headings, ruby), outline(&script));
}

/// A program's output, or why it did not run.
fn run(program: &str, args: &[&str], env: &[(&str, &Path)]) -> String {
    let mut command = Command::new(program);
    command.args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{program} does not run ({e}): make test-docx installs it"));
    assert!(
        output.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// LibreOffice opens each document without a repair, lays it out in pages and prints it to
/// PDF: the text is there with its ruby, the pages are A4 and numbered 「1 / N」, and, where the
/// BIZ UD faces are installed, the text is set in them. Several seconds (LibreOffice starts
/// once for all the documents): `make test-docx`.
#[test]
#[ignore = "needs LibreOffice and poppler-utils: make test-docx"]
fn libreoffice_renders_every_document() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let address = fixture("address.md");
    let word = fixture("word.md");
    let documents = [
        ("published", published(&address)),
        (
            "reading",
            reading_script(&address, &PrintOptions::default()),
        ),
        ("vertical", reading_script(&word, &vertical())),
    ];
    let mut files = Vec::new();
    for (name, bytes) in &documents {
        let path = dir.path().join(format!("{name}.docx"));
        std::fs::write(&path, bytes).expect("written");
        files.push(path.to_string_lossy().into_owned());
    }
    // Windows names the face 「BIZ UDP明朝 Medium」, Debian's package 「BIZ UDP明朝」: told so.
    let fonts = dir.path().join("fonts.conf");
    std::fs::write(
        &fonts,
        "<?xml version=\"1.0\"?>\n<fontconfig><include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\
         <alias binding=\"same\"><family>BIZ UDP明朝 Medium</family><prefer><family>BIZ UDPMincho</family></prefer></alias>\
         </fontconfig>\n",
    )
    .expect("written");
    let profile = format!("file://{}", dir.path().join("profile").display());
    let outdir = dir.path().to_string_lossy().into_owned();
    let mut args = vec![
        "--headless".to_string(),
        format!("-env:UserInstallation={profile}"),
        "--convert-to".into(),
        "pdf".into(),
        "--outdir".into(),
        outdir,
    ];
    args.extend(files);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run("soffice", &args, &[("FONTCONFIG_FILE", &fonts)]);
    let biz_ud = run("fc-list", &[":family=BIZ UDPMincho"], &[]).contains("BIZ");

    for (name, _) in &documents {
        let pdf = dir.path().join(format!("{name}.pdf"));
        let pdf = pdf.to_str().expect("a UTF-8 path");
        let info = run("pdfinfo", &[pdf], &[]);
        let pages: usize = info
            .lines()
            .find_map(|line| line.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("a page count");
        assert!(pages > 1, "{name}: {pages} pages");
        assert!(info.contains("(A4)"), "{name}: {info}");
        // In reading order, columns too (ruby before its base).
        let text: String = run("pdftotext", &["-raw", pdf, "-"], &[])
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        for number in [format!("1/{pages}"), format!("{pages}/{pages}")] {
            assert!(text.contains(&number), "{name}: no page number {number}");
        }
        let expected: &[&str] = match *name {
            "vertical" => &[
                "式辞",
                "成人",
                "せいじん",
                "祈念",
                "きねん",
                "山田太郎",
                "〔ゆっくり〕",
            ],
            _ => &[
                "年頭挨拶",
                "罹災",
                "りさい",
                "邁進",
                "まいしん",
                "③働き方を変える",
            ],
        };
        for word in expected {
            assert!(text.contains(word), "{name}: no {word}");
        }
        if biz_ud {
            let fonts = run("pdffonts", &[pdf], &[]);
            for face in ["BIZUDPMincho", "BIZUDPGothic"] {
                assert!(fonts.contains(face), "{name}: no {face} in\n{fonts}");
            }
        }
    }
}
