//! Passages: sentences and headings as printed, with a map from their text back to the
//! source. The lint rules, the readings ([`crate::japanese`]) and the analysis, which keeps
//! what each passage gave, all work on passages.
//!
//! Rules work on plain text (ruby as its base, cues dropped); findings must point at the
//! source. A text inline whose span holds exactly its text maps byte for byte. Others (text
//! joined over a soft line break, escapes, entities) are aligned character by character with
//! their source, from where the previous inline ended; what cannot be aligned is located only
//! as a whole.

use crate::script::{Aside, Block, Heading, Inline, Quote, Script, Sentence, Span};
use std::ops::Range;

/// What a passage is: only sentences are checked for length, commas and style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PassageKind {
    Sentence,
    Heading,
}

/// One sentence or heading as printed, in document order.
#[derive(Debug)]
pub(crate) struct Passage {
    pub kind: PassageKind,
    /// The sentence's or heading's span.
    pub span: Span,
    pub text: String,
    pieces: Vec<Piece>,
    /// Ruby in the text: its base's range and its reading.
    pub rubies: Vec<(Range<usize>, String)>,
}

/// See [`Passage::key`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct PassageKey {
    kind: PassageKind,
    text: String,
    rubies: Vec<(Range<usize>, String)>,
    segments: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PieceKind {
    /// Plain text; `exact` when its bytes are the source's bytes.
    Text { exact: bool },
    /// Ruby, a line break or a cue: located only as a whole, and ends a segment.
    Other,
}

#[derive(Debug)]
struct Piece {
    text: Range<usize>,
    source: Range<usize>,
    kind: PieceKind,
}

/// Every sentence read aloud and every heading, in document order.
pub(crate) fn passages(script: &Script, source: &str) -> Vec<Passage> {
    let mut builder = Builder { source, cursor: 0 };
    // Sized first: a draft of a million short lines would otherwise hold twice their room.
    let count = usize::from(script.title.is_some())
        + script
            .sections
            .iter()
            .map(|section| {
                usize::from(section.heading.is_some())
                    + section
                        .blocks
                        .iter()
                        .map(|block| match block {
                            Block::Paragraph(p) => p.sentences.len(),
                            Block::List(list) => list.items.iter().map(|p| p.sentences.len()).sum(),
                            Block::Quote(Quote { paragraphs, .. })
                            | Block::Spoken(Aside { paragraphs, .. }) => {
                                paragraphs.iter().map(|p| p.sentences.len()).sum()
                            }
                            Block::Heading(_) => 1,
                            Block::Note(_) | Block::Signature(_) | Block::Rule(_) => 0,
                        })
                        .sum::<usize>()
            })
            .sum::<usize>();
    let mut out = Vec::with_capacity(count);
    if let Some(title) = &script.title {
        out.push(builder.heading(title));
    }
    for section in &script.sections {
        if let Some(heading) = &section.heading {
            out.push(builder.heading(heading));
        }
        for block in &section.blocks {
            let paragraphs = match block {
                Block::Paragraph(p) => std::slice::from_ref(p),
                Block::List(list) => &list.items,
                Block::Quote(Quote { paragraphs, .. })
                | Block::Spoken(Aside { paragraphs, .. }) => paragraphs,
                Block::Heading(heading) => {
                    out.push(builder.heading(heading));
                    continue;
                }
                Block::Note(_) | Block::Signature(_) | Block::Rule(_) => continue,
            };
            for sentence in paragraphs.iter().flat_map(|p| &p.sentences) {
                out.push(builder.sentence(sentence));
            }
        }
    }
    out
}

struct Builder<'a> {
    source: &'a str,
    /// Where the last located inline ended: unaligned text is searched for after it.
    cursor: usize,
}

impl Builder<'_> {
    fn heading(&mut self, heading: &Heading) -> Passage {
        self.passage(PassageKind::Heading, &heading.span, &heading.inlines)
    }

    fn sentence(&mut self, sentence: &Sentence) -> Passage {
        self.passage(PassageKind::Sentence, &sentence.span, &sentence.inlines)
    }

    fn passage(&mut self, kind: PassageKind, span: &Span, inlines: &[Inline]) -> Passage {
        let mut passage = Passage {
            kind,
            span: span.clone(),
            text: String::new(),
            pieces: Vec::new(),
            rubies: Vec::new(),
        };
        for inline in inlines {
            self.inline(inline, &mut passage);
        }
        // Every passage of a draft is held at once: no room to spare (most have a piece or two).
        passage.text.shrink_to_fit();
        passage.pieces.shrink_to_fit();
        passage
    }

    fn inline(&mut self, inline: &Inline, out: &mut Passage) {
        match inline {
            Inline::Text { text, span, .. } => self.text(text, span.range(), out),
            Inline::Ruby {
                base,
                reading,
                span,
                ..
            } => {
                let start = out.text.len();
                self.other(base, span.range(), out);
                out.rubies
                    .push((start..out.text.len(), reading.to_string()));
            }
            Inline::Break { span } => self.other("\n", span.range(), out),
            Inline::Cue { span, .. } => self.other("", span.range(), out),
            Inline::Link { inlines, .. } => {
                for inner in inlines {
                    self.inline(inner, out);
                }
            }
        }
    }

    fn other(&mut self, text: &str, source: Range<usize>, out: &mut Passage) {
        self.cursor = self.cursor.max(source.end);
        out.push(text, source, PieceKind::Other);
    }

    fn text(&mut self, text: &str, source: Range<usize>, out: &mut Passage) {
        if self.source.get(source.clone()) == Some(text) {
            self.cursor = self.cursor.max(source.end);
            out.push(text, source, PieceKind::Text { exact: true });
            return;
        }
        let from = source.start.max(self.cursor).min(source.end);
        match align(text, self.source, from..source.end) {
            Some(runs) => {
                for (range, at, exact) in runs {
                    let end = match exact {
                        true => at + range.len(),
                        false => next_char_end(self.source, at),
                    };
                    self.cursor = self.cursor.max(end);
                    out.push(&text[range], at..end, PieceKind::Text { exact });
                }
            }
            None => out.push(text, from..source.end, PieceKind::Text { exact: false }),
        }
    }
}

/// End of the character starting at `offset`.
fn next_char_end(text: &str, offset: usize) -> usize {
    text.get(offset..)
        .and_then(|rest| rest.chars().next())
        .map_or(offset, |c| offset + c.len_utf8())
}

/// Align `text` with `source[range]`: each character of the text is matched with the next
/// equal character of the source (any whitespace matches any whitespace), skipping markup and
/// line breaks. Returns runs of (text range, source start, identical bytes).
fn align(
    text: &str,
    source: &str,
    range: Range<usize>,
) -> Option<Vec<(Range<usize>, usize, bool)>> {
    let haystack = source.get(range.clone())?;
    let mut chars = haystack.char_indices();
    let mut runs: Vec<(Range<usize>, usize, bool)> = Vec::new();
    for (ti, tc) in text.char_indices() {
        let (si, sc) = chars
            .by_ref()
            .find(|&(_, sc)| sc == tc || (sc.is_whitespace() && tc.is_whitespace()))?;
        let at = range.start + si;
        let exact = sc == tc;
        match runs.last_mut() {
            Some((last, start, true)) if exact && last.end == ti && *start + last.len() == at => {
                last.end = ti + tc.len_utf8();
            }
            _ => runs.push((ti..ti + tc.len_utf8(), at, exact)),
        }
    }
    Some(runs)
}

impl Passage {
    fn push(&mut self, text: &str, source: Range<usize>, kind: PieceKind) {
        let start = self.text.len();
        self.text.push_str(text);
        self.pieces.push(Piece {
            text: start..self.text.len(),
            source,
            kind,
        });
    }

    /// The source range of a range of the text (a partly covered ruby counts whole).
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.piece_at(range.start).map(|p| match p.kind {
            PieceKind::Text { exact: true } => p.source.start + (range.start - p.text.start),
            _ => p.source.start,
        });
        // The last piece that starts before the end: it holds the end, or none does.
        let end = self.pieces[..self.pieces.partition_point(|p| p.text.start < range.end)]
            .last()
            .filter(|p| range.end <= p.text.end)
            .map(|p| match p.kind {
                PieceKind::Text { exact: true } => p.source.start + (range.end - p.text.start),
                _ => p.source.end,
            });
        let fallback = self.pieces.first().map_or(0, |p| p.source.start);
        let start = start.unwrap_or(fallback);
        start..end.unwrap_or(start).max(start)
    }

    /// The source range of a range of the text that can be replaced safely: one that lies
    /// inside a single piece of plain text whose bytes are the source's.
    pub fn editable_range(&self, range: Range<usize>) -> Option<Range<usize>> {
        let piece = self.piece_at(range.start).filter(|p| {
            p.kind == PieceKind::Text { exact: true }
                && range.end <= p.text.end
                && range.start < range.end
        })?;
        let offset = piece.source.start;
        Some(offset + range.start - piece.text.start..offset + range.end - piece.text.start)
    }

    /// The piece whose text holds the offset. Pieces are in text order: a binary search, as a
    /// linear one made a passage with thousands of findings quadratic.
    fn piece_at(&self, offset: usize) -> Option<&Piece> {
        let first = self.pieces.partition_point(|p| p.text.end <= offset);
        self.pieces.get(first).filter(|p| p.text.start <= offset)
    }

    /// Ranges of the text that run through plain text only: ruby, cues and line breaks end
    /// them, so that a match never crosses one.
    pub fn segments(&self) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut open = false;
        for piece in &self.pieces {
            match (piece.kind, out.last_mut()) {
                (PieceKind::Text { .. }, Some(last)) if open => last.end = piece.text.end,
                (PieceKind::Text { .. }, _) => {
                    out.push(piece.text.clone());
                    open = true;
                }
                (PieceKind::Other, _) => open = false,
            }
        }
        out.retain(|r| !r.is_empty());
        out
    }

    /// What the rules see of the passage, wherever it stands in the source: passages with
    /// equal keys give the same findings and readings.
    pub fn key(&self) -> PassageKey {
        PassageKey {
            kind: self.kind,
            text: self.text.clone(),
            rubies: self.rubies.clone(),
            segments: self.segments(),
        }
    }

    /// A stretch of the passage as a passage of its own: its text and the ruby inside it, no
    /// map to the source (for reading a huge passage piece by piece). Ruby that crosses the
    /// stretch's ends is left out.
    pub fn part(&self, range: Range<usize>) -> Passage {
        let first = self.rubies.partition_point(|(r, _)| r.start < range.start);
        let rubies = self.rubies[first..]
            .iter()
            .take_while(|(r, _)| r.end <= range.end)
            .map(|(r, reading)| (r.start - range.start..r.end - range.start, reading.clone()))
            .collect();
        Passage {
            kind: self.kind,
            span: self.span.clone(),
            text: self.text[range].to_string(),
            pieces: Vec::new(),
            rubies,
        }
    }

    /// The printed text without surrounding whitespace.
    pub fn content(&self) -> Range<usize> {
        let end = self.text.trim_end().len();
        let start = end - self.text[..end].trim_start().len();
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::parse;

    fn mapped(source: &str) -> Vec<String> {
        let script = parse(source);
        passages(&script, source)
            .iter()
            .map(|p| source[p.source_range(p.content())].to_string())
            .collect()
    }

    #[test]
    fn passages_are_sized_to_the_draft() {
        let source = "# 題\n\n## 一\n\n### 小\n\n- はい。いいえ。\n\n> 引用。\n\n> [!note] 覚え\n\n{漢|かん}字。\n";
        let script = parse(source);
        let list = passages(&script, source);
        assert_eq!(list.len(), 7);
        assert_eq!(list.capacity(), list.len());
        for passage in &list {
            assert_eq!(passage.pieces.capacity(), passage.pieces.len());
        }
    }

    #[test]
    fn headings_and_sentences_in_order_without_notes() {
        let source =
            "# 題\n\n## 一\n\n> [!note]\n> 読まない。\n\n本文です。次です。\n\n### 小\n\n- 項目\n";
        assert_eq!(
            mapped(source),
            ["題", "一", "本文です。", "次です。", "小", "項目"]
        );
    }

    #[test]
    fn text_over_a_line_break_and_escapes_is_aligned() {
        // Inside brackets, where a line break does not end the sentence.
        let source = "「市民の\n皆さん」。同じ\\*文。「市民の\n皆さん」。";
        let script = parse(source);
        let all = passages(&script, source);
        assert_eq!(all.len(), 3);
        let last = &all[2];
        assert_eq!(last.text, "「市民の\n皆さん」。");
        let range = last.source_range(last.content());
        assert_eq!(range.start, source.rfind("「市民").unwrap());
        let minna = last.text.find("皆さん").unwrap();
        let found = last.source_range(minna..minna + "皆さん".len());
        assert_eq!(&source[found.clone()], "皆さん");
        assert_eq!(found.start, source.rfind("皆さん").unwrap());
        assert_eq!(
            last.editable_range(minna..minna + "皆さん".len()),
            Some(found)
        );
        let across = last.text.find("の\n皆").unwrap();
        assert_eq!(last.editable_range(across..across + "の\n皆".len()), None);
        let star = &all[1];
        let at = star.text.find('*').unwrap();
        assert_eq!(&source[star.source_range(at..at + 1)], "*");
    }

    #[test]
    fn ruby_and_cues_end_segments() {
        let source = "今日は{晴天|せいてん}です。[[間]]";
        let script = parse(source);
        let passage = &passages(&script, source)[0];
        let segments: Vec<&str> = passage
            .segments()
            .into_iter()
            .map(|r| &passage.text[r])
            .collect();
        assert_eq!(segments, ["今日は", "です。"]);
        let ruby = passage.text.find("晴").unwrap();
        assert_eq!(
            &source[passage.source_range(ruby..ruby + 3)],
            "{晴天|せいてん}"
        );
        assert_eq!(passage.editable_range(ruby..ruby + 3), None);
    }
}
