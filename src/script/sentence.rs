//! Japanese sentence splitting.
//!
//! A sentence ends after 。．！？!? (and …‥ when followed by another end mark) outside
//! brackets; closing brackets, further end marks and spaces that follow stay with it, and so do
//! cues right after it (a `[[間]]` after 「。」 belongs to the sentence it follows). Text inside
//! 「」『』（）【】 … is never split: 「ありがとう。」と言った。 is one sentence.

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
            Inline::Break { .. } => splitter.push_attached(inline),
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
        let mut piece_start = 0;
        for (i, c) in text.char_indices() {
            if self.ended && !TRAILING.contains(&c) {
                if i > piece_start {
                    self.current
                        .push(sub_text(&text, piece_start..i, style, &span, index));
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
                &span,
                index,
            ));
        }
    }

    fn close(&mut self) {
        self.ended = false;
        let inlines = std::mem::take(&mut self.current);
        if inlines.is_empty() {
            return;
        }
        let start = inlines
            .first()
            .map(|i| i.span().clone())
            .unwrap_or_default();
        let end = inlines.last().map_or(start.end, |i| i.span().end);
        self.sentences.push(Sentence {
            inlines,
            span: Span { end, ..start },
        });
    }

    fn finish(mut self) -> Vec<Sentence> {
        self.close();
        self.sentences
    }
}

/// A slice of a text inline, with its span narrowed when the text maps 1:1 to the source.
fn sub_text(
    text: &str,
    range: std::ops::Range<usize>,
    style: super::Style,
    span: &Span,
    index: &LineIndex,
) -> Inline {
    let exact = span.end - span.start == text.len();
    let span = if exact {
        index.span(span.start + range.start, span.start + range.end)
    } else {
        span.clone()
    };
    Inline::Text {
        text: text[range].to_string(),
        style,
        span,
    }
}
