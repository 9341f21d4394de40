//! The speech dialect and its one parser.
//!
//! A draft is Markdown (CommonMark) with a few additions for text that is read aloud:
//!
//! | syntax                               | meaning                                        |
//! |--------------------------------------|------------------------------------------------|
//! | `# 題`                               | the title (the first level-1 heading)          |
//! | `## 見出し`                          | a section (greeting, stance, ①②③, closing)     |
//! | `### 小見出し`                       | a sub-heading inside a section                 |
//! | `{漢字\|かんじ}`, `｜漢字《かんじ》` | ruby (furigana); `漢字《かんじ》` also works   |
//! | `[[間]]`, `[[間 2秒]]`               | a pause cue (default 2 s)                      |
//! | `[[ゆっくり]]`, `[[強調]]`, `[[…]]`  | other reader cues, free text                   |
//! | `> [!note]` block                    | a speaker note: shown to the reader, never read aloud or published |
//! | `> [!summary]` block                 | the section's line in the blog summary (要旨)  |
//! | `> [!sign]` block                    | printed and published, never read aloud (the date and name signature) |
//! | `> [!spoken]` block                  | read aloud, never published (a line for the room only) |
//! | `<!-- … -->`, other raw HTML         | ignored: never shown, read aloud or exported   |
//! | control characters, bidi overrides   | removed                                        |
//!
//! **Line breaks.** A blank line separates paragraphs, as in Markdown. A single line break
//! inside a paragraph is kept as the writer typed it (Markdown would join the lines): text
//! pasted from Word or a web page has one sentence or one Word paragraph a line, and the
//! prompter, the exports and the editor show those lines as they were written. A line break
//! ends a sentence (outside brackets: a pasted heading or signature line is not run into the
//! next sentence) but adds no pause of its own, so a paragraph is timed the same however its
//! lines are broken.
//!
//! [`parse`] never fails and never panics: whatever it cannot make sense of it keeps as plain
//! text and reports in [`Script::diagnostics`].

mod brackets;
mod inline;
mod nesting;
mod parse;
mod roles;
mod sentence;
mod source;

pub use parse::{parse, MAX_URL_BYTES};
pub use source::LineIndex;

use serde::Serialize;
use std::ops::Range;

/// Where an element sits in the source: byte range plus 1-based line and column (in characters).
///
/// Kept in 32 bits (a draft is at most 2 MiB, `input::MAX_DRAFT_BYTES`): every inline,
/// sentence and passage has one, and a draft of a million elements holds them all at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Span {
    start: u32,
    end: u32,
    line: u32,
    column: u32,
}

impl Span {
    /// A span from byte offsets and its 1-based line and column (each at most `u32::MAX`).
    pub fn new(start: usize, end: usize, line: usize, column: usize) -> Span {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            start: narrow(start),
            end: narrow(end),
            line: narrow(line),
            column: narrow(column),
        }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn line(&self) -> usize {
        self.line as usize
    }

    pub fn column(&self) -> usize {
        self.column as usize
    }

    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The same start, line and column, ending at `end`.
    pub fn with_end(&self, end: usize) -> Span {
        Span::new(self.start(), end, self.line(), self.column())
    }
}

/// The names of the marked block quotes (`> [!note]` …), as the writer types them in any case.
pub const MARKED_BLOCKS: [&str; 4] = ["note", "summary", "sign", "spoken"];

/// A parsed draft.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Script {
    /// The first `#` heading, as plain text (ruby as base text).
    pub title: Option<Heading>,
    /// Sections in order. Text before the first `##` forms a section without a heading.
    pub sections: Vec<Section>,
    /// Things the parser ignored or repaired, for the writer to see.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    pub level: u8,
    pub inlines: Vec<Inline>,
    pub span: Span,
}

impl Heading {
    /// The heading as it is printed (ruby shown as its base).
    pub fn text(&self) -> String {
        plain_text(&self.inlines)
    }
}

/// What a section does in an address; found from its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "number")]
pub enum SectionRole {
    /// Text before the first `##`.
    Preamble,
    Greeting,
    Stance,
    /// A numbered priority (①, ②, 1., 第一に …); the number starts at 1.
    Priority(u32),
    Closing,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub heading: Option<Heading>,
    pub role: SectionRole,
    pub blocks: Vec<Block>,
    /// The `> [!summary]` line, when the draft gives one.
    pub summary: Option<Vec<Inline>>,
    pub span: Span,
}

impl Section {
    pub fn title(&self) -> String {
        self.heading.as_ref().map(Heading::text).unwrap_or_default()
    }

    /// Paragraphs that are read aloud, in order (list items and lines for the room included;
    /// notes and signatures excluded).
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.blocks.iter().flat_map(|block| match block {
            Block::Spoken(s) => s.paragraphs.iter(),
            _ => block.body().iter(),
        })
    }

    /// The body of the section: paragraphs both read aloud and published, in order.
    pub fn body(&self) -> impl Iterator<Item = &Paragraph> {
        self.blocks.iter().flat_map(Block::body)
    }

    /// Sentences that are read aloud, in order.
    pub fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.paragraphs().flat_map(|p| p.sentences.iter())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Block {
    Paragraph(Paragraph),
    /// `###` and deeper.
    Heading(Heading),
    List(List),
    /// An ordinary block quote: read aloud like paragraphs.
    Quote(Quote),
    /// A speaker note (`> [!note]`): for the reader's eyes only.
    Note(Aside),
    /// A signature (`> [!sign]`: the date, the mayor's name): printed and published, not read.
    Signature(Aside),
    /// A line for the room only (`> [!spoken]`): read aloud and timed, never published.
    Spoken(Aside),
    /// `---`
    Rule(Span),
}

impl Block {
    /// The paragraphs of the block that are read aloud and published.
    fn body(&self) -> &[Paragraph] {
        match self {
            Block::Paragraph(p) => std::slice::from_ref(p),
            Block::List(list) => &list.items,
            Block::Quote(q) => &q.paragraphs,
            Block::Heading(_)
            | Block::Note(_)
            | Block::Signature(_)
            | Block::Spoken(_)
            | Block::Rule(_) => &[],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    pub sentences: Vec<Sentence>,
    pub span: Span,
}

impl Paragraph {
    pub fn inlines(&self) -> impl Iterator<Item = &Inline> {
        self.sentences.iter().flat_map(|s| s.inlines.iter())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct List {
    pub ordered: bool,
    /// The number of the first item of an ordered list.
    pub start: u64,
    pub items: Vec<Paragraph>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub paragraphs: Vec<Paragraph>,
    pub span: Span,
}

/// The paragraphs of a marked block quote (`> [!note]`, `> [!sign]`, `> [!spoken]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aside {
    pub paragraphs: Vec<Paragraph>,
    pub span: Span,
}

/// One sentence: split after 。！？ (with any closing brackets) outside brackets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    pub inlines: Vec<Inline>,
    pub span: Span,
}

impl Sentence {
    /// The sentence as printed (ruby as base, cues dropped).
    pub fn text(&self) -> String {
        plain_text(&self.inlines)
    }

    /// The sentence as read aloud (ruby as reading, cues dropped).
    pub fn spoken_text(&self) -> String {
        spoken_text(&self.inlines)
    }
}

/// Inline text styles that survive into exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Style {
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Inline {
    Text {
        text: String,
        style: Style,
        span: Span,
    },
    Ruby {
        base: Box<str>,
        reading: Box<str>,
        style: Style,
        span: Span,
    },
    Cue {
        cue: Cue,
        span: Span,
    },
    /// A link: its text is read, its destination only exported (http, https and mailto).
    Link {
        inlines: Box<[Inline]>,
        url: Box<str>,
        span: Span,
    },
    /// A line break inside a paragraph: not read, no pause; it ends the sentence.
    Break {
        span: Span,
    },
}

impl Inline {
    pub fn span(&self) -> &Span {
        match self {
            Inline::Text { span, .. }
            | Inline::Ruby { span, .. }
            | Inline::Cue { span, .. }
            | Inline::Link { span, .. }
            | Inline::Break { span } => span,
        }
    }
}

/// A mark for the reader, never printed or published.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Cue {
    /// `[[間]]` or `[[間 3秒]]`: stop for this many seconds.
    Pause { seconds: f64 },
    /// `[[ゆっくり]]`, `[[強調]]`, any other text.
    Direction { text: String },
}

/// Default length of a `[[間]]` pause without a number.
pub const DEFAULT_PAUSE_SECONDS: f64 = 2.0;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// Raw HTML (or an HTML comment) was ignored.
    RawHtmlIgnored,
    /// `{…` without its closing `}` or without `|`, kept as text.
    UnclosedRuby,
    /// `[[…` without `]]`, kept as text.
    UnclosedCue,
    /// A second `#` heading: treated as a section.
    ExtraTitle,
    /// An image: its alt text is kept, the image is not.
    ImageIgnored,
    /// Control characters or bidirectional overrides were removed from the text.
    ControlCharacterRemoved,
    /// A table, footnote or other construct the dialect does not read: kept as text.
    Unsupported,
}

/// Most diagnostics of one kind in a script. The one after them stands for the rest: its
/// span reaches to the end of the last of them (a 16 MiB draft of `[[` could otherwise have
/// millions).
pub const MAX_DIAGNOSTICS_PER_KIND: usize = 500;

/// The parser's diagnostics as they are made, at most [`MAX_DIAGNOSTICS_PER_KIND`] of a kind
/// and one more that covers the rest.
#[derive(Default)]
pub(crate) struct Diagnostics {
    list: Vec<Diagnostic>,
    /// Per kind: diagnostics made, and where the one that covers the rest is in `list`.
    tally: [(usize, Option<usize>); DiagnosticKind::COUNT],
}

impl Diagnostics {
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        let (count, rest) = &mut self.tally[diagnostic.kind as usize];
        *count += 1;
        if *count <= MAX_DIAGNOSTICS_PER_KIND + 1 {
            if *count == MAX_DIAGNOSTICS_PER_KIND + 1 {
                *rest = Some(self.list.len());
            }
            self.list.push(diagnostic);
        } else if let Some(covering) = rest.and_then(|i| self.list.get_mut(i)) {
            covering.span.end = covering.span.end.max(diagnostic.span.end);
        }
    }

    pub(crate) fn into_vec(self) -> Vec<Diagnostic> {
        self.list
    }
}

impl DiagnosticKind {
    /// How many kinds there are (`Unsupported` is the last).
    const COUNT: usize = DiagnosticKind::Unsupported as usize + 1;
}

/// Text as printed: ruby as its base, cues dropped, links as their text.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text, .. } => out.push_str(text),
            Inline::Ruby { base, .. } => out.push_str(base),
            Inline::Link { inlines, .. } => out.push_str(&plain_text(inlines)),
            Inline::Break { .. } => out.push('\n'),
            Inline::Cue { .. } => {}
        }
    }
    out
}

/// Text as read aloud: ruby as its reading, cues dropped, links as their text.
pub fn spoken_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text, .. } => out.push_str(text),
            Inline::Ruby { reading, .. } => out.push_str(reading),
            Inline::Link { inlines, .. } => out.push_str(&spoken_text(inlines)),
            Inline::Break { .. } => out.push('\n'),
            Inline::Cue { .. } => {}
        }
    }
    out
}

impl Script {
    pub fn title_text(&self) -> Option<String> {
        self.title.as_ref().map(Heading::text)
    }

    /// Every sentence read aloud, in order.
    pub fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sections.iter().flat_map(|s| s.sentences())
    }
}

#[cfg(test)]
mod tests;
