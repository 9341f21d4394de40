//! `word/document.xml` → paragraphs for [`crate::input::dialect`], which writes them as a draft.
//!
//! | Word                                         | paragraphs                              |
//! |----------------------------------------------|-----------------------------------------|
//! | `w:p`, its style (`w:pStyle`) or outline level | a paragraph, body or heading          |
//! | a soft return (`w:br`, `w:cr`)               | a line break inside the paragraph       |
//! | a tab                                        | a full-width space                      |
//! | a numbered or bulleted paragraph (`w:numPr`) | its number as the reader saw it         |
//! | ruby (`w:ruby`, `w:rt` / `w:rubyBase`; an `EQ \o\ad(\s\up …)` field) | `{漢字|かんじ}` |
//! | tracked changes                              | insertions kept, deletions dropped (a paragraph mark deleted joins the paragraphs) |
//! | tables, pictures, shapes, text boxes, comments, footnotes | dropped, counted for the notes |
//! | a field (page numbers, dates …)              | the text Word last showed for it        |

use super::numbering::{ListRef, Lists, Styles};
use super::{attribute, malformed, reference, InputError, MAX_DEPTH};
use crate::input::dialect::{markdown, ruby_markup, HeadingStyle, Kind, LeftOut, Paragraph};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use regex::Regex;
use std::sync::LazyLock;

/// Reads the document's body into draft text.
pub(super) fn read(
    xml: &str,
    part: &str,
    styles: &Styles,
    lists: Lists,
) -> Result<(String, LeftOut), InputError> {
    let mut walker = Walker::new(styles, lists);
    let mut reader = Reader::from_str(xml);
    loop {
        let event = reader
            .read_event()
            .map_err(|error| malformed(part, reader.error_position(), error))?;
        match event {
            Event::Start(element) => {
                walker.start(&element);
                walker.depth += 1;
                if walker.depth > MAX_DEPTH {
                    return Err(malformed(
                        part,
                        reader.buffer_position(),
                        "nested too deeply",
                    ));
                }
            }
            Event::Empty(element) => {
                walker.start(&element);
                walker.end(element.local_name().as_ref());
            }
            Event::End(element) => {
                walker.depth = walker.depth.saturating_sub(1);
                walker.end(element.local_name().as_ref());
            }
            Event::Text(text) => walker.text(&text.xml10_content()),
            Event::CData(data) => walker.text(&data.xml10_content()),
            Event::GeneralRef(name) => {
                if let Some(text) = reference(&name) {
                    walker.text(&text);
                }
            }
            Event::Eof if walker.depth > 0 => {
                return Err(malformed(part, reader.buffer_position(), "cut off"));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((markdown(&walker.paragraphs), walker.counts))
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct Open {
    depth: usize,
    style: Option<String>,
    outline_level: Option<u8>,
    list: ListRef,
    has_list: bool,
    text: String,
    joins_next: bool,
}

#[derive(Debug, Default)]
struct Ruby {
    base: String,
    reading: String,
    in_reading: bool,
}

/// A field (`w:fldChar` begin … separate … end): its instruction and the text Word showed.
#[derive(Debug, Default)]
struct Field {
    instruction: String,
    shown: String,
    in_result: bool,
}

/// Where text goes while the document is walked.
struct Walker<'a> {
    styles: &'a Styles,
    lists: Lists,
    depth: usize,
    /// The depth of an element whose content is left out, while inside it.
    skipping: Option<usize>,
    paragraph: Option<Open>,
    /// The depth of the paragraph's `w:pPr`, while inside it.
    properties: Option<usize>,
    /// Inside `w:t` (text) or `w:instrText` (a field's instruction).
    in_text: bool,
    in_instruction: bool,
    ruby: Option<Ruby>,
    fields: Vec<Field>,
    paragraphs: Vec<Paragraph>,
    counts: LeftOut,
}

impl<'a> Walker<'a> {
    fn new(styles: &'a Styles, lists: Lists) -> Self {
        Walker {
            styles,
            lists,
            depth: 0,
            skipping: None,
            paragraph: None,
            properties: None,
            in_text: false,
            in_instruction: false,
            ruby: None,
            fields: Vec::new(),
            paragraphs: Vec::new(),
            counts: LeftOut::default(),
        }
    }

    fn start(&mut self, element: &BytesStart) {
        if self.skipping.is_some() {
            return;
        }
        let name = element.local_name();
        let name = name.as_ref();
        if self.properties.is_some() {
            return self.paragraph_property(name, element);
        }
        match name {
            "p" => {
                self.finish_paragraph();
                self.paragraph = Some(Open {
                    depth: self.depth,
                    ..Open::default()
                });
            }
            "pPr"
                if self
                    .paragraph
                    .as_ref()
                    .is_some_and(|p| p.depth + 1 == self.depth) =>
            {
                self.properties = Some(self.depth);
            }
            "t" => self.in_text = true,
            "instrText" => self.in_instruction = true,
            "br" | "cr" => {
                let kind = attribute(element, "type");
                if matches!(kind.as_deref(), None | Some("textWrapping")) {
                    self.push("\n");
                }
            }
            "tab" => self.push("\u{3000}"),
            "noBreakHyphen" => self.push("-"),
            "ruby" => self.ruby = Some(Ruby::default()),
            "rt" | "rubyBase" => {
                if let Some(ruby) = self.ruby.as_mut() {
                    ruby.in_reading = name == "rt";
                }
            }
            "fldChar" => self.field(attribute(element, "fldCharType").as_deref()),
            "commentReference" | "commentRangeStart" => {
                let id = attribute(element, "id").unwrap_or_default();
                self.counts.comment_ids.insert(id);
            }
            "footnoteReference" | "endnoteReference" => self.counts.footnotes += 1,
            "ins" | "moveTo" => self.counts.insertions += 1,
            "del" | "moveFrom" => {
                self.counts.deletions += 1;
                self.skip();
            }
            "tbl" => {
                self.counts.tables += 1;
                self.skip();
            }
            "drawing" | "pict" | "object" => {
                self.counts.drawings += 1;
                self.skip();
            }
            // Left out without a word: properties (a run's, a section's, a content control's,
            // their tracked changes), deleted text, a ruby's settings, and the fallback copy
            // of what the `Choice` before it already gave.
            "rPr" | "sectPr" | "sdtPr" | "sdtEndPr" | "rubyPr" | "delText" | "delInstrText"
            | "Fallback" | "tblPr" | "footnotePr" | "endnotePr" => {
                self.skip();
            }
            _ => {}
        }
    }

    /// Inside a paragraph's `w:pPr`: its style, list, outline level, and whether its mark was
    /// inserted or deleted.
    fn paragraph_property(&mut self, name: &str, element: &BytesStart) {
        let Some(paragraph) = self.paragraph.as_mut() else {
            return;
        };
        let value = || attribute(element, "val");
        match name {
            "pStyle" => paragraph.style = value(),
            "outlineLvl" => paragraph.outline_level = value().and_then(|v| v.parse().ok()),
            "numPr" => paragraph.has_list = true,
            "numId" => paragraph.list.id = value(),
            "ilvl" => paragraph.list.level = value().and_then(|v| v.parse().ok()),
            "ins" => self.counts.insertions += 1,
            "del" => {
                paragraph.joins_next = true;
                self.counts.deletions += 1;
            }
            "pPrChange" | "rPrChange" | "sectPr" => self.skip(),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if let Some(depth) = self.skipping {
            if depth == self.depth {
                self.skipping = None;
            }
            return;
        }
        if self.properties == Some(self.depth) {
            self.properties = None;
            return;
        }
        if self.properties.is_some() {
            return;
        }
        match name {
            "p" if self
                .paragraph
                .as_ref()
                .is_some_and(|p| p.depth == self.depth) =>
            {
                self.finish_paragraph();
            }
            "t" => self.in_text = false,
            "instrText" => self.in_instruction = false,
            "ruby" => {
                if let Some(ruby) = self.ruby.take() {
                    self.push(&ruby_markup(&ruby.base, &ruby.reading));
                }
            }
            _ => {}
        }
    }

    /// Leaves out the element just started (an empty one ends at once: see `read`).
    fn skip(&mut self) {
        self.skipping = Some(self.depth);
    }

    fn text(&mut self, text: &str) {
        if self.skipping.is_some() {
            return;
        }
        if self.in_instruction {
            if let Some(field) = self.fields.last_mut() {
                field.instruction.push_str(text);
            }
        } else if self.in_text {
            self.push(text);
        }
    }

    /// Text read: into the ruby being read, the field's result, or the paragraph.
    fn push(&mut self, text: &str) {
        if let Some(ruby) = self.ruby.as_mut() {
            if text != "\n" {
                match ruby.in_reading {
                    true => ruby.reading.push_str(text),
                    false => ruby.base.push_str(text),
                }
            }
            return;
        }
        self.emit(text);
    }

    fn emit(&mut self, text: &str) {
        match self.fields.last_mut() {
            Some(field) if field.in_result => field.shown.push_str(text),
            Some(_) => {}
            None => {
                if let Some(paragraph) = self.paragraph.as_mut() {
                    paragraph.text.push_str(text);
                }
            }
        }
    }

    fn field(&mut self, kind: Option<&str>) {
        match kind {
            Some("begin") => self.fields.push(Field::default()),
            Some("separate") => {
                if let Some(field) = self.fields.last_mut() {
                    field.in_result = true;
                }
            }
            Some("end") => {
                if let Some(field) = self.fields.pop() {
                    match eq_ruby(&field.instruction) {
                        Some(ruby) => self.emit(&ruby),
                        None => self.emit(&field.shown),
                    }
                }
            }
            _ => {}
        }
    }

    fn finish_paragraph(&mut self) {
        let Some(mut open) = self.paragraph.take() else {
            return;
        };
        // What a field running on into the next paragraph showed so far (a table of contents).
        for field in &mut self.fields {
            open.text.push_str(&std::mem::take(&mut field.shown));
        }
        if let Some(ruby) = self.ruby.take() {
            open.text.push_str(&ruby.base);
        }
        (self.in_text, self.in_instruction) = (false, false);
        let style = open.style.as_deref();
        let heading = match open.outline_level.filter(|level| *level < 9) {
            Some(level) => Some(HeadingStyle::Level(level + 1)),
            None => style.and_then(|style| self.styles.heading(style)),
        };
        let list = match open.has_list {
            true => Some(open.list),
            false => style.and_then(|style| self.styles.list(style)),
        };
        let number = list.and_then(|list| {
            let id = list.id.filter(|id| id != "0")?;
            self.lists.next(self.styles, &id, list.level.unwrap_or(0))
        });
        self.paragraphs.push(Paragraph {
            kind: heading.map_or(Kind::Body, Kind::Heading),
            number,
            text: open.text,
            joins_next: open.joins_next,
        });
    }
}

/// Ruby as old Word wrote it, an equation field: `EQ \* jc2 \* hps10 \o\ad(\s\up 9(かんじ),漢字)`.
fn eq_ruby(instruction: &str) -> Option<String> {
    static EQ: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*EQ\b.*?\\o\s*(?:\\a[lrcd])?\s*\(\s*\\s\s*\\up\s*-?\d*\s*\(([^)]*)\)\s*,\s*([^)]*)\)")
            .expect("a valid pattern")
    });
    let found = EQ.captures(instruction)?;
    Some(ruby_markup(&found[2], &found[1]))
}
