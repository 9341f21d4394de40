//! Markdown events → [`Script`]. The only place the speech dialect is parsed.

use super::brackets;
use super::inline::{build_inlines, Piece};
use super::nesting::Shallow;
use super::roles::section_role;
use super::sentence::split_sentences;
use super::{
    Aside, Block, Diagnostic, DiagnosticKind, Diagnostics, Heading, Inline, LineIndex, List,
    Paragraph, Quote, Script, Section, SectionRole, Span, Style, MARKED_BLOCKS,
};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Parse a draft. Never fails, never panics: what it cannot read stays as text or is reported
/// in [`Script::diagnostics`].
pub fn parse(source: &str) -> Script {
    let index = LineIndex::new(source);
    let mut builder = Builder::new(&index);
    // Quotes and lists nested beyond reason are read shallower (`nesting.rs`); offsets are
    // the draft's.
    let shallow = Shallow::of(source);
    // Cues' brackets are hidden from pulldown-cmark (`brackets.rs`) and written back here.
    let (markdown, hidden) = brackets::hide(&shallow.text);
    for (event, range) in Parser::new_ext(&markdown, Options::empty()).into_offset_iter() {
        builder.event(hidden.restore_event(event), shallow.range(range));
    }
    builder.finish()
}

/// HTML elements whose content is dropped along with the tags.
const DROPPED_CONTENT: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "title",
    "svg", "math", "select", "noembed", "noframes", "xmp", "head",
];

struct OpenQuote {
    start: usize,
    kind: QuoteKind,
    paragraphs: Vec<Paragraph>,
}

/// What a block quote turns out to be, from its first line.
#[derive(Clone, Copy, PartialEq)]
enum QuoteKind {
    Plain,
    Note,
    Summary,
    Signature,
    Spoken,
}

impl QuoteKind {
    /// The kind a [`MARKED_BLOCKS`] name makes.
    fn marked(name: &str) -> QuoteKind {
        match name {
            "note" => QuoteKind::Note,
            "summary" => QuoteKind::Summary,
            "sign" => QuoteKind::Signature,
            "spoken" => QuoteKind::Spoken,
            _ => QuoteKind::Plain,
        }
    }
}

struct Builder<'a> {
    index: &'a LineIndex<'a>,
    script: Script,
    /// Moved into the script at the end.
    diagnostics: Diagnostics,
    section: Section,
    /// Inline pieces of the paragraph, heading or item being read.
    pieces: Vec<Piece>,
    style: Style,
    /// Inside `<script>` and the like: text is dropped until the closing tag.
    dropping: Option<&'static str>,
    heading: Option<(u8, usize)>,
    paragraph_start: usize,
    /// The open block quote (nested ones are flattened into the outermost).
    quote: Option<OpenQuote>,
    quote_depth: usize,
    /// Open lists (nested ones are flattened into the outermost).
    list: Option<List>,
    list_depth: usize,
    /// Inside an image: its alt text is not kept.
    in_image: bool,
    in_code_block: bool,
    /// Inside a multi-line HTML comment.
    in_comment: bool,
    /// Sections with a priority role so far, the current one included (counted as they
    /// start: counting them again at every heading made 100,000 headings quadratic).
    priorities: u32,
}

impl<'a> Builder<'a> {
    fn new(index: &'a LineIndex<'a>) -> Self {
        Builder {
            index,
            script: Script::default(),
            diagnostics: Diagnostics::default(),
            section: Section {
                heading: None,
                role: SectionRole::Preamble,
                blocks: Vec::new(),
                summary: None,
                span: index.span(0, 0),
            },
            pieces: Vec::new(),
            style: Style::default(),
            dropping: None,
            heading: None,
            paragraph_start: 0,
            quote: None,
            quote_depth: 0,
            list: None,
            list_depth: 0,
            in_image: false,
            in_code_block: false,
            in_comment: false,
            priorities: 0,
        }
    }

    fn diagnose(&mut self, kind: DiagnosticKind, range: &Range<usize>) {
        let span = self.index.span(range.start, range.end);
        self.diagnostics.push(Diagnostic { kind, span });
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) => self.text(text, range),
            Event::Code(text) => {
                let style = Style {
                    code: true,
                    ..self.style
                };
                self.push_text(text.into_string(), style, range);
            }
            // A line break the writer typed is kept, with or without Markdown's trailing
            // spaces: writers paste from Word and web pages one sentence or paragraph a line.
            Event::SoftBreak | Event::HardBreak => self.pieces.push(Piece::Break { source: range }),
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html, &range),
            Event::Rule => self.push_block(Block::Rule(self.index.span(range.start, range.end))),
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.push_text(text.into_string(), self.style, range)
            }
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {
                self.diagnose(DiagnosticKind::Unsupported, &range)
            }
        }
    }

    fn start(&mut self, tag: Tag, range: Range<usize>) {
        match tag {
            Tag::Paragraph => self.paragraph_start = range.start,
            Tag::Heading { level, .. } => {
                self.flush_paragraph(range.start);
                self.heading = Some((heading_level(level), range.start));
            }
            Tag::BlockQuote(_) => {
                self.quote_depth += 1;
                self.flush_paragraph(range.start);
                if self.quote.is_none() {
                    self.quote = Some(OpenQuote {
                        start: range.start,
                        kind: QuoteKind::Plain,
                        paragraphs: Vec::new(),
                    });
                }
            }
            Tag::CodeBlock(_) => {
                self.in_code_block = true;
                self.paragraph_start = range.start;
                self.diagnose(DiagnosticKind::Unsupported, &range);
            }
            Tag::HtmlBlock => {}
            Tag::List(start) => {
                // Text of a tight item belongs to the item before a nested list starts.
                self.flush_paragraph(range.start);
                self.list_depth += 1;
                if self.list.is_none() {
                    self.list = Some(List {
                        ordered: start.is_some(),
                        start: start.unwrap_or(1),
                        items: Vec::new(),
                        span: self.index.span(range.start, range.end),
                    });
                }
            }
            Tag::Item => self.paragraph_start = range.start,
            Tag::Emphasis => self.style.emphasis = true,
            Tag::Strong => self.style.strong = true,
            Tag::Link { dest_url, .. } => {
                let url = safe_url(&dest_url);
                if url.as_ref().is_some_and(|u| u.len() > MAX_URL_BYTES) {
                    // Kept as text, like a link to an unsafe destination, but said.
                    self.diagnose(DiagnosticKind::Unsupported, &range);
                }
                self.pieces.push(Piece::LinkStart {
                    url: url.filter(|u| u.len() <= MAX_URL_BYTES),
                    source_start: range.start,
                })
            }
            Tag::Image { .. } => {
                self.in_image = true;
                self.diagnose(DiagnosticKind::ImageIgnored, &range);
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Paragraph | TagEnd::Item => self.flush_paragraph(range.end),
            TagEnd::CodeBlock => {
                self.in_code_block = false;
                self.flush_paragraph(range.end);
            }
            TagEnd::Heading(_) => self.finish_heading(range),
            TagEnd::BlockQuote(_) => {
                self.quote_depth = self.quote_depth.saturating_sub(1);
                if self.quote_depth == 0 {
                    self.finish_quote(range.end);
                }
            }
            TagEnd::List(_) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0 {
                    if let Some(mut list) = self.list.take() {
                        list.span = self.index.span(list.span.start(), range.end);
                        match &mut self.quote {
                            Some(quote) => quote.paragraphs.extend(list.items),
                            None => self.push_block(Block::List(list)),
                        }
                    }
                }
            }
            TagEnd::Emphasis => self.style.emphasis = false,
            TagEnd::Strong => self.style.strong = false,
            TagEnd::Link => self.pieces.push(Piece::LinkEnd {
                source_end: range.end,
            }),
            TagEnd::Image => self.in_image = false,
            _ => {}
        }
    }

    fn text(&mut self, text: CowStr, range: Range<usize>) {
        if self.in_image {
            return;
        }
        if self.dropping.is_some() {
            return;
        }
        self.push_text(text.into_string(), self.style, range);
    }

    fn push_text(&mut self, mut text: String, style: Style, range: Range<usize>) {
        if text.contains(is_invisible_control) {
            text.retain(|c| !is_invisible_control(c));
            self.diagnose(DiagnosticKind::ControlCharacterRemoved, &range);
        }
        if self.in_code_block {
            // Keep code block lines as text joined by line breaks.
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    self.pieces.push(Piece::Break {
                        source: range.clone(),
                    });
                }
                if !line.is_empty() {
                    self.pieces.push(Piece::Text {
                        text: line.to_string(),
                        style,
                        source: range.clone(),
                    });
                }
            }
            return;
        }
        // pulldown-cmark splits text at every `<`, `[`, `*` …: a piece that continues the last
        // one byte for byte joins it (15 MB of `<a ` made 10 million pieces and gigabytes).
        // Both are their source's bytes, so offsets inside map as they did apart.
        if let Some(Piece::Text {
            text: last,
            style: last_style,
            source,
        }) = self.pieces.last_mut()
        {
            if *last_style == style
                && source.end == range.start
                && last.len() == source.len()
                && text.len() == range.len()
            {
                last.push_str(&text);
                source.end = range.end;
                return;
            }
        }
        self.pieces.push(Piece::Text {
            text,
            style,
            source: range,
        });
    }

    /// Raw HTML never reaches the script: tags are dropped, and so is the content of
    /// `<script>`, `<style>` and their kind.
    fn html(&mut self, html: &str, range: &Range<usize>) {
        // A comment is the writer's own note to self: ignored without a word. Block HTML
        // arrives a line at a time, so remember an open comment.
        if self.in_comment || html.trim_start().starts_with("<!--") {
            let opened_at = if self.in_comment {
                0
            } else {
                html.find("<!--").map_or(0, |i| i + 4)
            };
            self.in_comment = !html[opened_at..].contains("-->");
            return;
        }
        self.diagnose(DiagnosticKind::RawHtmlIgnored, range);
        for tag in html.split('<').skip(1) {
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let Some(known) = DROPPED_CONTENT.iter().find(|n| **n == name) else {
                continue;
            };
            match (closing, self.dropping) {
                (false, None) if !tag.trim_end().ends_with("/>") => self.dropping = Some(known),
                (true, Some(open)) if open == *known => self.dropping = None,
                _ => {}
            }
        }
    }

    fn take_inlines(&mut self) -> Vec<Inline> {
        let pieces = std::mem::take(&mut self.pieces);
        let mut inlines = build_inlines(pieces, self.index, &mut self.diagnostics);
        inlines.shrink_to_fit();
        inlines
    }

    fn flush_paragraph(&mut self, end: usize) {
        if self.pieces.is_empty() {
            return;
        }
        if self.heading.is_some() {
            return;
        }
        let start = self.paragraph_start;
        let mut pieces = std::mem::take(&mut self.pieces);
        let quote_kind = match &self.quote {
            Some(quote) if quote.paragraphs.is_empty() && self.list.is_none() => {
                strip_quote_marker(&mut pieces)
            }
            _ => QuoteKind::Plain,
        };
        self.pieces = pieces;
        let inlines = self.take_inlines();
        if inlines.is_empty() && quote_kind == QuoteKind::Plain {
            return;
        }
        let paragraph = Paragraph {
            sentences: split_sentences(inlines, self.index),
            span: self.index.span(start, end),
        };
        if let Some(list) = &mut self.list {
            list.items.push(paragraph);
        } else if let Some(quote) = &mut self.quote {
            if quote_kind != QuoteKind::Plain {
                quote.kind = quote_kind;
            }
            if !paragraph.sentences.is_empty() {
                quote.paragraphs.push(paragraph);
            }
        } else {
            self.push_block(Block::Paragraph(paragraph));
        }
        // A new paragraph inside the same item or quote starts where this one ended.
        self.paragraph_start = end;
    }
}

impl Builder<'_> {
    fn finish_heading(&mut self, range: Range<usize>) {
        let Some((level, start)) = self.heading else {
            return;
        };
        let inlines = self.take_inlines();
        self.heading = None;
        let heading = Heading {
            level,
            inlines,
            span: self.index.span(start, range.end),
        };
        match level {
            1 if self.script.title.is_none() => self.script.title = Some(heading),
            1 | 2 => {
                if level == 1 {
                    self.diagnose(DiagnosticKind::ExtraTitle, &range);
                }
                self.start_section(heading);
            }
            _ => self.push_block(Block::Heading(heading)),
        }
    }

    fn start_section(&mut self, heading: Heading) {
        let role = section_role(&heading.text(), self.priorities);
        if matches!(role, SectionRole::Priority(_)) {
            self.priorities += 1;
        }
        let span = heading.span.clone();
        let next = Section {
            heading: Some(heading),
            role,
            blocks: Vec::new(),
            summary: None,
            span,
        };
        let previous = std::mem::replace(&mut self.section, next);
        self.close_section(previous, self.section.span.start());
    }

    fn close_section(&mut self, mut section: Section, end: usize) {
        let keep =
            section.heading.is_some() || !section.blocks.is_empty() || section.summary.is_some();
        if keep {
            // A draft may hold a million sections of a block or none: no spare room.
            section.blocks.shrink_to_fit();
            section.span = self.index.span(section.span.start(), end);
            self.script.sections.push(section);
        }
    }

    fn finish_quote(&mut self, end: usize) {
        self.flush_paragraph(end);
        let Some(quote) = self.quote.take() else {
            return;
        };
        let span = self.index.span(quote.start, end);
        match quote.kind {
            QuoteKind::Plain => self.push_block(Block::Quote(Quote {
                paragraphs: quote.paragraphs,
                span,
            })),
            QuoteKind::Note => self.push_block(Block::Note(Aside {
                paragraphs: quote.paragraphs,
                span,
            })),
            QuoteKind::Signature => self.push_block(Block::Signature(Aside {
                paragraphs: quote.paragraphs,
                span,
            })),
            QuoteKind::Spoken => self.push_block(Block::Spoken(Aside {
                paragraphs: quote.paragraphs,
                span,
            })),
            QuoteKind::Summary => {
                let inlines: Vec<Inline> = quote
                    .paragraphs
                    .into_iter()
                    .flat_map(|p| p.sentences)
                    .flat_map(|s| s.inlines)
                    .collect();
                if !inlines.is_empty() {
                    self.section.summary = Some(inlines);
                }
            }
        }
    }

    fn push_block(&mut self, block: Block) {
        self.section.blocks.push(block);
    }

    fn finish(mut self) -> Script {
        // Close anything a truncated document left open.
        self.flush_paragraph(self.index.source().len());
        if self.heading.is_some() {
            let end = self.index.source().len();
            self.finish_heading(end..end);
        }
        if self.quote.is_some() {
            self.finish_quote(self.index.source().len());
        }
        if let Some(list) = self.list.take() {
            self.push_block(Block::List(list));
        }
        let last = std::mem::replace(
            &mut self.section,
            Section {
                heading: None,
                role: SectionRole::Other,
                blocks: Vec::new(),
                summary: None,
                span: Span::default(),
            },
        );
        self.close_section(last, self.index.source().len());
        self.script.sections.shrink_to_fit();
        self.script.diagnostics = self.diagnostics.into_vec();
        self.script
    }
}

/// Control characters and bidirectional overrides: invisible, and able to make text read
/// differently from how it is stored. Tabs and line breaks are kept.
fn is_invisible_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Longest link destination kept (bytes). Far beyond any address a page links to (sitemaps and
/// many servers stop at 2,048 characters); a longer one is kept as text with an `Unsupported`
/// diagnostic. The HTML sanitiser's serialiser scans an attribute from each `&`, `¥` or
/// no-break space to its end, so an unbounded destination cost time quadratic in its length.
pub const MAX_URL_BYTES: usize = 4096;

/// Links keep their destination only for http, https and mailto.
fn safe_url(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let safe = ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    safe.then(|| url.trim().to_string())
}

/// A [`MARKED_BLOCKS`] marker (`[!note]` …) at the start of a block quote's first line: strip it and say which.
fn strip_quote_marker(pieces: &mut Vec<Piece>) -> QuoteKind {
    // The marker may arrive split over several text pieces ("[", "!note", "]").
    let mut head = String::new();
    let mut count = 0;
    for piece in pieces.iter() {
        match piece {
            Piece::Text { text, .. } if head.len() < 16 => {
                head.push_str(text);
                count += 1;
            }
            _ => break,
        }
    }
    let lower = head.to_ascii_lowercase();
    let Some((kind, marker_len)) = MARKED_BLOCKS.iter().find_map(|name| {
        let marker = format!("[!{name}]");
        lower
            .starts_with(&marker)
            .then(|| (QuoteKind::marked(name), marker.len()))
    }) else {
        return QuoteKind::Plain;
    };
    // Remove `marker_len` bytes of text from the first `count` pieces.
    let mut remaining = marker_len;
    for piece in pieces.iter_mut().take(count) {
        if let Piece::Text { text, source, .. } = piece {
            let cut = remaining.min(text.len());
            let exact = text.len() == source.len();
            text.replace_range(..cut, "");
            if exact {
                source.start += cut;
            }
            remaining -= cut;
            if remaining == 0 {
                break;
            }
        }
    }
    pieces.retain(|p| !matches!(p, Piece::Text { text, .. } if text.is_empty()));
    // A line break right after the marker is not part of the note.
    while matches!(pieces.first(), Some(Piece::Break { .. })) {
        pieces.remove(0);
    }
    if let Some(Piece::Text { text, source, .. }) = pieces.first_mut() {
        let trimmed = text.trim_start_matches([' ', '\u{3000}']).len();
        let cut = text.len() - trimmed;
        if text.len() == source.len() {
            source.start += cut;
        }
        text.replace_range(..cut, "");
    }
    kind
}
