//! Japanese sentence splitting.
//!
//! A sentence ends after 。．！？!? (and …‥ when followed by another end mark) and at a line
//! break, outside brackets; closing brackets, further end marks and spaces that follow stay with it, and so do
//! cues right after it (a `[[間]]` after 「。」 belongs to the sentence it follows). Text inside
//! 「」『』（）【】 … is never split: 「ありがとう。」と言った。 is one sentence.

use super::source::floor_char_boundary;
use super::{Inline, LineIndex, Sentence, Span};

const END_MARKS: &[char] = &['。', '．', '！', '？', '!', '?', '｡'];
const OPENING: &[char] = &[
    '「', '『', '（', '(', '【', '〔', '［', '｛', '〈', '《', '“', '‘',
];
const CLOSING: &[char] = &[
    '」', '』', '）', ')', '】', '〕', '］', '｝', '〉', '》', '”', '’',
];
/// Characters that stay with the sentence they follow.
const TRAILING: &[char] = &[
    '。', '．', '！', '？', '!', '?', '｡', '…', '‥', '」', '』', '）', ')', '】', '〕', '］', '｝',
    '〉', '》', '”', '’', ' ', '\u{3000}', '\t', '\n',
];

/// Split a paragraph's inlines into sentences.
pub(crate) fn split_sentences(inlines: Vec<Inline>, index: &LineIndex) -> Vec<Sentence> {
    let mut splitter = Splitter::default();
    for inline in inlines {
        match inline {
            Inline::Text { text, style, span } => splitter.text(text, style, span, index),
            Inline::Cue { .. } => splitter.push_attached(inline),
            // A line the writer ended (a pasted heading, a signature line, one sentence a
            // line) ends its sentence, outside brackets; it adds no pause of its own.
            Inline::Break { .. } => {
                splitter.push_attached(inline);
                if splitter.depth == 0 {
                    splitter.ended = true;
                }
            }
            other => splitter.push_content(other),
        }
    }
    splitter.finish()
}

#[derive(Default)]
struct Splitter {
    sentences: Vec<Sentence>,
    current: Vec<Inline>,
    depth: usize,
    /// The current sentence has ended; it closes when content that is not trailing arrives.
    ended: bool,
}

impl Splitter {
    fn push_content(&mut self, inline: Inline) {
        if self.ended {
            self.close();
        }
        self.current.push(inline);
    }

    /// Cues and breaks stay with the sentence before them.
    fn push_attached(&mut self, inline: Inline) {
        self.current.push(inline);
    }

    fn text(&mut self, text: String, style: super::Style, span: Span, index: &LineIndex) {
        let offsets = SourceOffsets::new(&text, &span, index);
        let mut piece_start = 0;
        for (i, c) in text.char_indices() {
            if self.ended && !TRAILING.contains(&c) {
                if i > piece_start {
                    self.current
                        .push(sub_text(&text, piece_start..i, style, &offsets, index));
                }
                piece_start = i;
                self.close();
            }
            if OPENING.contains(&c) {
                self.depth += 1;
            } else if CLOSING.contains(&c) {
                self.depth = self.depth.saturating_sub(1);
            } else if self.depth == 0 && END_MARKS.contains(&c) {
                self.ended = true;
            }
        }
        if piece_start < text.len() {
            self.current.push(sub_text(
                &text,
                piece_start..text.len(),
                style,
                &offsets,
                index,
            ));
        }
    }

    fn close(&mut self) {
        self.ended = false;
        let mut inlines = std::mem::take(&mut self.current);
        if inlines.is_empty() {
            return;
        }
        // Most sentences hold an inline or two: no room for four (a draft of short lines or
        // headings kept hundreds of bytes a sentence for nothing).
        inlines.shrink_to_fit();
        // The first inline's start; the furthest end (an inline mapped only as a whole may
        // reach further than the one after it).
        let start = inlines[0].span().clone();
        let end = inlines
            .iter()
            .map(|i| i.span().end())
            .fold(start.end(), usize::max);
        self.sentences.push(Sentence {
            inlines,
            span: start.with_end(end),
        });
    }

    fn finish(mut self) -> Vec<Sentence> {
        self.close();
        self.sentences.shrink_to_fit();
        self.sentences
    }
}

/// A slice of a text inline, with its span narrowed to the slice's source.
fn sub_text(
    text: &str,
    range: std::ops::Range<usize>,
    style: super::Style,
    offsets: &SourceOffsets,
    index: &LineIndex,
) -> Inline {
    let start = offsets.at(range.start);
    let span = index.span(start, offsets.at(range.end).max(start));
    Inline::Text {
        text: text[range].to_string(),
        style,
        span,
    }
}

/// Where each byte offset of a text inline sits in the source. A text that is its source byte
/// for byte maps directly; one that is not (an escape `\*`, an entity `&amp;`) is aligned
/// character by character in one pass, so that every sentence cut from it gets a span of its
/// own (sentences sharing one span were timed and checked as one).
struct SourceOffsets {
    start: usize,
    end: usize,
    /// (offset in the text, offset in the source) at each character, when not exact.
    aligned: Option<Vec<(usize, usize)>>,
}

/// How far ahead the source is searched for a text character: past an escape or an entity.
const ALIGN_WINDOW: usize = 12;

impl SourceOffsets {
    fn new(text: &str, span: &Span, index: &LineIndex) -> Self {
        let exact = span.end() - span.start() == text.len();
        let aligned = (!exact).then(|| {
            let source = index.source().get(span.range()).unwrap_or_default();
            let mut at = 0;
            text.char_indices()
                .map(|(i, c)| {
                    let window =
                        &source[at..floor_char_boundary(source, at + ALIGN_WINDOW).max(at)];
                    if let Some(found) = window.find(c) {
                        at += found;
                        let mapped = (i, span.start() + at);
                        at += c.len_utf8();
                        mapped
                    } else {
                        (i, span.start() + at)
                    }
                })
                .collect()
        });
        SourceOffsets {
            start: span.start(),
            end: span.end(),
            aligned,
        }
    }

    fn at(&self, offset: usize) -> usize {
        match &self.aligned {
            None => self.start + offset,
            Some(aligned) => {
                let next = aligned.partition_point(|&(i, _)| i < offset);
                aligned.get(next).map_or(self.end, |&(_, source)| source)
            }
        }
    }
}
