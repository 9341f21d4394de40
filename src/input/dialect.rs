//! What a document's paragraphs become in the speech dialect, written once for the documents
//! Podium reads (a Word file, [`super::docx`]; Word's or LibreOffice's HTML pasted into the
//! editor, [`super::html`]), so that a paste gives what an import gives.
//!
//! | document                                     | draft                                   |
//! |----------------------------------------------|-----------------------------------------|
//! | a paragraph                                  | a paragraph (a blank line between); empty ones dropped |
//! | 表題 (Title), or 見出し 1 as the first paragraph | `# ` the title                      |
//! | 見出し 1, 見出し 2 (and a second 表題)         | `## ` a section                         |
//! | 見出し 3 and deeper                          | `### `                                  |
//! | a soft return                                | a line break kept inside the paragraph  |
//! | a numbered or bulleted paragraph             | the number the reader saw (`①`, `1. `, `（１）`), bullets `・` |
//! | ruby                                         | `{漢字|かんじ}`                          |
//!
//! Text is kept as it is (full-width spaces included); spaces and tabs at the start of a line
//! are dropped (Markdown would read them as code), and a line starting with `#` or `>` is
//! escaped.

use super::ImportNote;
use std::collections::BTreeSet;

/// A heading, as the document's styles say: the 表題 (Title) style, or 見出し 1–9.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HeadingStyle {
    Title,
    Level(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Kind {
    #[default]
    Body,
    Heading(HeadingStyle),
}

/// A paragraph as read: what kind, its list number, its text (soft returns as `\n`).
#[derive(Debug, Default)]
pub(super) struct Paragraph {
    pub kind: Kind,
    /// The list number (or bullet) the reader saw before it.
    pub number: Option<String>,
    pub text: String,
    /// Its paragraph mark was deleted (a tracked change): accepted, it runs into the next.
    pub joins_next: bool,
}

/// What a document had that its draft leaves out, counted for the [`ImportNote`]s.
#[derive(Debug, Default)]
pub(super) struct LeftOut {
    pub tables: u32,
    pub drawings: u32,
    pub footnotes: u32,
    pub insertions: u32,
    pub deletions: u32,
    /// Comments by their id (a comment is marked where it starts and where it is referred to).
    pub comment_ids: BTreeSet<String>,
}

impl LeftOut {
    /// The notes, in a fixed order.
    pub fn notes(&self) -> Vec<ImportNote> {
        let mut notes = Vec::new();
        if self.insertions + self.deletions > 0 {
            notes.push(ImportNote::TrackedChanges {
                insertions: self.insertions,
                deletions: self.deletions,
            });
        }
        let comments = u32::try_from(self.comment_ids.len()).unwrap_or(u32::MAX);
        let mut add = |count: u32, note: fn(u32) -> ImportNote| {
            if count > 0 {
                notes.push(note(count));
            }
        };
        add(comments, |count| ImportNote::Comments { count });
        add(self.tables, |count| ImportNote::Tables { count });
        add(self.drawings, |count| ImportNote::Drawings { count });
        add(self.footnotes, |count| ImportNote::Footnotes { count });
        notes
    }
}

/// `{base|reading}`; the base alone when there is no reading. The dialect's own marks are
/// taken out of either part.
pub(super) fn ruby_markup(base: &str, reading: &str) -> String {
    let clean = |text: &str| {
        text.chars()
            .filter(|c| !matches!(c, '{' | '}' | '|' | '\n'))
            .collect::<String>()
            .trim()
            .to_owned()
    };
    match (clean(base), clean(reading)) {
        (base, _) if base.is_empty() => String::new(),
        (base, reading) if reading.is_empty() => base,
        (base, reading) => format!("{{{base}|{reading}}}"),
    }
}

/// The paragraphs as draft text (see the module documentation).
pub(super) fn markdown(paragraphs: &[Paragraph]) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut titled = false;
    let mut joined: Option<(Kind, String)> = None;
    for paragraph in paragraphs {
        let text = match &paragraph.number {
            Some(number) => format!("{number}{}{}", after_number(number), paragraph.text),
            None => paragraph.text.clone(),
        };
        let (kind, text) = match joined.take() {
            Some((kind, before)) => (kind, before + &text),
            None => (paragraph.kind, text),
        };
        if paragraph.joins_next {
            joined = Some((kind, text));
            continue;
        }
        if text.trim().is_empty() {
            continue;
        }
        let first = blocks.is_empty();
        let block = match kind {
            Kind::Heading(HeadingStyle::Title) if !titled => {
                titled = true;
                format!("# {}", one_line(&text))
            }
            Kind::Heading(HeadingStyle::Level(1)) if first && !titled => {
                titled = true;
                format!("# {}", one_line(&text))
            }
            Kind::Heading(HeadingStyle::Title | HeadingStyle::Level(1 | 2)) => {
                format!("## {}", one_line(&text))
            }
            Kind::Heading(HeadingStyle::Level(_)) => format!("### {}", one_line(&text)),
            Kind::Body => body_text(&text),
        };
        blocks.push(block);
    }
    if let Some((_, text)) = joined.filter(|(_, text)| !text.trim().is_empty()) {
        blocks.push(body_text(&text));
    }
    match blocks.is_empty() {
        true => String::new(),
        false => blocks.join("\n\n") + "\n",
    }
}

/// What goes between a list number and its text: a space after `1.` (a Markdown list), a
/// full-width space after a kanji or kana (`第一章`, `ア`), nothing after `①`, `（１）` or `・`.
fn after_number(number: &str) -> &'static str {
    match number.chars().last() {
        Some('・') => "",
        Some(c) if c.is_ascii() => " ",
        Some('\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF66}'..='\u{FF9D}') => {
            "\u{3000}"
        }
        _ => "",
    }
}

/// A heading's text on one line.
fn one_line(text: &str) -> String {
    text.split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A paragraph's lines, each without the spaces and tabs Markdown would read as code, and
/// escaped where it would be read as a heading or a quote.
fn body_text(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let line = line
                .trim_start_matches([' ', '\t'])
                .trim_end_matches([' ', '\t']);
            match line.starts_with(['#', '>']) {
                true => format!("\\{line}"),
                false => line.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim_matches('\n')
        .to_owned()
}
