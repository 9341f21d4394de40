//! HTML pasted into the editor from a word processor → the speech dialect, as importing the same
//! document gives it: Word puts its document on the clipboard as HTML (`<h1>`, `<p
//! class=MsoTitle>`, `<ruby>`/`<rt>`, list numbers in `mso-list:Ignore` spans, `<ins>`/`<del>`),
//! LibreOffice too. The tags are read by html5ever's tokenizer into the paragraphs that
//! [`super::dialect`] writes; only their text is kept, so no HTML reaches the draft. HTML from
//! anywhere else (a web page) gives the plain text the clipboard also holds, as a paste did
//! before.
//!
//! | HTML                                          | paragraphs                              |
//! |-----------------------------------------------|-----------------------------------------|
//! | `p`, `div`, `li`, `blockquote` …              | a body paragraph                        |
//! | `h1`–`h6`; `class=MsoTitle`, `MsoHeading7`–`9` | a heading (表題, 見出し 1–9)            |
//! | `br`                                          | a line break inside the paragraph       |
//! | Word's `mso-list:Ignore` span; `ol`/`ul` items | the number the reader saw; `・`        |
//! | `ruby` (`rb`, `rt`; `rp` left out)             | `{漢字|かんじ}`                          |
//! | `ins` / `del`                                 | kept / left out (the changes accepted)  |
//! | tables, pictures, comments, footnotes, hidden text, `head`, `style`, `script` | left out (the first four counted for the notes) |
//!
//! White space is HTML's: runs become one space, and a line break in the source between two
//! Japanese characters (Word wraps its HTML's lines) becomes nothing.

use super::dialect::{markdown, ruby_markup, HeadingStyle, Kind, LeftOut, Paragraph};
use super::{normalise_newlines, ImportNote, InputError, MAX_DRAFT_BYTES, MAX_FILE_BYTES};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;

/// What a paste inserts: the text, and what the pasted document had that it leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Pasted {
    pub text: String,
    pub notes: Vec<ImportNote>,
}

/// What to insert for a paste whose clipboard holds `html` and `plain` text: a word
/// processor's document in the dialect (see the module documentation), else the plain text.
/// Either way without a final line break (a paste inside a line stays in it).
pub fn paste(html: &str, plain: &str) -> Result<Pasted, InputError> {
    let too_large = |bytes: usize, limit: usize| InputError::TooLarge {
        bytes: Some(bytes as u64),
        limit: limit as u64,
    };
    if html.len() > MAX_FILE_BYTES {
        return Err(too_large(html.len(), MAX_FILE_BYTES));
    }
    if plain.len() > MAX_DRAFT_BYTES && !from_a_document(html) {
        return Err(too_large(plain.len(), MAX_DRAFT_BYTES));
    }
    if !from_a_document(html) {
        let (text, _) = normalise_newlines(plain.to_owned());
        return Ok(Pasted {
            text,
            notes: Vec::new(),
        });
    }
    let (mut text, left_out) = read(html);
    if text.len() > MAX_DRAFT_BYTES {
        return Err(too_large(text.len(), MAX_DRAFT_BYTES));
    }
    if text.ends_with('\n') {
        text.pop();
    }
    Ok(Pasted {
        text,
        notes: left_out.notes(),
    })
}

/// Word's HTML (its Office namespaces, `Mso` classes, `mso-` styles), LibreOffice's (its
/// generator), or any HTML with ruby, which plain text loses.
fn from_a_document(html: &str) -> bool {
    const MARKS: [&str; 5] = [
        "urn:schemas-microsoft-com:office",
        "class=Mso",
        "class=\"Mso",
        "content=\"LibreOffice",
        "<ruby",
    ];
    MARKS.iter().any(|mark| html.contains(mark))
}

/// The HTML's paragraphs in the dialect, and what was left out.
fn read(html: &str) -> (String, LeftOut) {
    let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let mut state = tokenizer.sink.state.into_inner();
    state.finish_paragraph();
    (markdown(&state.paragraphs), state.left_out)
}

#[derive(Default)]
struct Sink {
    state: RefCell<State>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => return state.start(&tag),
                TagKind::EndTag => state.end(&tag.name),
            },
            Token::CharacterTokens(text) => state.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Pending white space between two pieces of text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    #[default]
    None,
    Blank,
    LineBreak,
}

#[derive(Default)]
struct Ruby {
    base: String,
    reading: String,
    in_reading: bool,
}

#[derive(Default)]
struct State {
    paragraphs: Vec<Paragraph>,
    paragraph: Option<Paragraph>,
    space: Gap,
    /// An element left out with its content, and how many of its name are open inside it.
    skipping: Option<(String, usize)>,
    /// Word's list number (`mso-list:Ignore`), while inside it: its text, the spans open.
    number: Option<(String, usize)>,
    ruby: Option<Ruby>,
    /// Open lists: an `ol`'s last number, or `None` for a `ul`.
    lists: Vec<Option<u32>>,
    left_out: LeftOut,
}

impl State {
    fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if let Some((skipped, open)) = self.skipping.as_mut() {
            if name == skipped && !tag.self_closing {
                *open += 1;
            }
            return TokenSinkResult::Continue;
        }
        if let Some((_, open)) = self.number.as_mut() {
            if name == "span" {
                *open += 1;
            }
            return TokenSinkResult::Continue;
        }
        let attribute = |wanted: &str| {
            tag.attrs
                .iter()
                .find(|attribute| &*attribute.name.local == wanted)
                .map(|attribute| attribute.value.to_string())
                .unwrap_or_default()
        };
        let (class, style) = (attribute("class"), attribute("style").replace(' ', ""));
        let raw = match name {
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                Some(RawKind::Rawtext)
            }
            "script" => Some(RawKind::ScriptData),
            "title" | "textarea" => Some(RawKind::Rcdata),
            _ => None,
        };
        let hidden = style.contains("display:none") || style.contains("mso-hide:all");
        let comment = class.contains("MsoCommentReference") || class.contains("msocomanchor");
        let footnote = style.contains("mso-footnote-id") || style.contains("mso-endnote-id");
        let notes_list = style.contains("mso-element:comment")
            || style.contains("mso-element:footnote")
            || style.contains("mso-element:endnote");
        match name {
            _ if raw.is_some() || hidden || notes_list || name == "head" || name == "rp" => {
                self.skip(tag);
            }
            _ if comment => {
                let id = self.left_out.comment_ids.len().to_string();
                self.left_out.comment_ids.insert(id);
                self.skip(tag);
            }
            _ if footnote => {
                self.left_out.footnotes += 1;
                self.skip(tag);
            }
            "table" => {
                self.left_out.tables += 1;
                self.skip(tag);
            }
            "img" | "embed" => self.left_out.drawings += 1,
            "svg" | "canvas" | "object" | "video" | "audio" | "picture" => {
                self.left_out.drawings += 1;
                self.skip(tag);
            }
            "del" => {
                self.left_out.deletions += 1;
                self.skip(tag);
            }
            "ins" => self.left_out.insertions += 1,
            "span" if style.contains("mso-list:ignore") || style.contains("mso-list:Ignore") => {
                self.number = Some((String::new(), 1));
            }
            "br" => self.push_break(),
            "ol" => {
                let start = attribute("start").parse::<u32>().unwrap_or(1);
                self.lists.push(Some(start.saturating_sub(1)));
            }
            "ul" => self.lists.push(None),
            "ruby" => self.ruby = Some(Ruby::default()),
            "rt" => self.ruby.iter_mut().for_each(|ruby| ruby.in_reading = true),
            _ => {
                if let Some(kind) = block(name, &class) {
                    // A `p` inside an `li` takes the item's number.
                    let carried = match &self.paragraph {
                        Some(open) if open.text.trim().is_empty() => open.number.clone(),
                        _ => None,
                    };
                    if carried.is_some() {
                        self.paragraph = None;
                    }
                    self.finish_paragraph();
                    let number = carried.or_else(|| match name {
                        "li" => self.lists.last_mut().map(|list| match list {
                            Some(n) => {
                                *n += 1;
                                format!("{n}.")
                            }
                            None => "・".to_owned(),
                        }),
                        _ => None,
                    });
                    self.paragraph = Some(Paragraph {
                        kind,
                        number,
                        ..Paragraph::default()
                    });
                }
            }
        }
        match raw {
            Some(kind) => TokenSinkResult::RawData(kind),
            None => TokenSinkResult::Continue,
        }
    }

    fn end(&mut self, name: &str) {
        if let Some((skipped, open)) = self.skipping.as_mut() {
            if name == skipped {
                *open -= 1;
                if *open == 0 {
                    self.skipping = None;
                }
            }
            return;
        }
        if let Some((number, open)) = self.number.as_mut() {
            if name == "span" {
                *open -= 1;
                if *open == 0 {
                    let number = number.trim_matches(|c: char| c.is_whitespace()).to_owned();
                    self.number = None;
                    let paragraph = self.paragraph.get_or_insert_with(Paragraph::default);
                    paragraph.number = Some(number).filter(|number| !number.is_empty());
                    self.space = Gap::None;
                }
            }
            return;
        }
        match name {
            "ol" | "ul" => {
                self.lists.pop();
            }
            "rt" => {
                if let Some(ruby) = self.ruby.as_mut() {
                    let markup = ruby_markup(&ruby.base, &ruby.reading);
                    (ruby.base, ruby.reading, ruby.in_reading) =
                        (String::new(), String::new(), false);
                    self.push_text(&markup);
                }
            }
            "ruby" => {
                if let Some(ruby) = self.ruby.take() {
                    self.push_text(&ruby.base);
                }
            }
            _ if block(name, "").is_some() => self.finish_paragraph(),
            _ => {}
        }
    }

    fn skip(&mut self, tag: &Tag) {
        if !tag.self_closing {
            self.skipping = Some((tag.name.to_string(), 1));
        }
    }

    fn text(&mut self, text: &str) {
        if self.skipping.is_some() {
            return;
        }
        if let Some((number, _)) = self.number.as_mut() {
            number.push_str(text);
            return;
        }
        if let Some(ruby) = self.ruby.as_mut() {
            let text = text.trim_matches(|c: char| c.is_ascii_whitespace());
            match ruby.in_reading {
                true => ruby.reading.push_str(text),
                false => ruby.base.push_str(text),
            }
            return;
        }
        self.push_text(text);
    }

    /// Text into the paragraph, its white space as HTML shows it.
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                let space = match c {
                    '\n' | '\r' => Gap::LineBreak,
                    _ => Gap::Blank,
                };
                self.space = self.space.max(space);
                continue;
            }
            let paragraph = self.paragraph.get_or_insert_with(Paragraph::default);
            let last = paragraph.text.chars().last();
            let space = std::mem::take(&mut self.space);
            let joined = space == Gap::LineBreak && last.is_some_and(wide) && wide(c);
            if space != Gap::None && !joined && last.is_some_and(|last| last != '\n') {
                paragraph.text.push(' ');
            }
            paragraph.text.push(if c == '\u{A0}' { ' ' } else { c });
        }
    }

    fn push_break(&mut self) {
        self.space = Gap::None;
        let paragraph = self.paragraph.get_or_insert_with(Paragraph::default);
        paragraph.text.push('\n');
    }

    fn finish_paragraph(&mut self) {
        self.space = Gap::None;
        if let Some(mut paragraph) = self.paragraph.take() {
            if let Some(ruby) = self.ruby.take() {
                paragraph.text.push_str(&ruby.base);
            }
            self.paragraphs.push(paragraph);
        }
    }
}

/// The paragraph a block element starts: a heading by its tag or Word's class, else body.
fn block(name: &str, class: &str) -> Option<Kind> {
    let heading = |level: u8| Some(Kind::Heading(HeadingStyle::Level(level)));
    match name {
        "h1" => heading(1),
        "h2" => heading(2),
        "h3" => heading(3),
        "h4" => heading(4),
        "h5" => heading(5),
        "h6" => heading(6),
        "p" | "div" | "li" | "blockquote" | "pre" | "dt" | "dd" | "section" | "article"
        | "header" | "footer" | "center" | "address" => {
            let class = class.to_ascii_lowercase();
            Some(match class.strip_prefix("msoheading") {
                Some(level) => match level.parse::<u8>() {
                    Ok(level @ 1..=9) => Kind::Heading(HeadingStyle::Level(level)),
                    _ => Kind::Body,
                },
                None if class == "msotitle" || class.split(' ').any(|c| c == "title") => {
                    Kind::Heading(HeadingStyle::Title)
                }
                None => Kind::Body,
            })
        }
        _ => None,
    }
}

/// A character of the wide scripts whose lines join without a space (CSS's segment breaks).
fn wide(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFF}')
}

#[cfg(test)]
mod tests;
