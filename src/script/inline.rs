//! Inline text of one paragraph or heading: Markdown text events in, dialect inlines out.
//!
//! pulldown-cmark hands text over in pieces (it splits at `[`, `*`, escapes …). Pieces of the
//! same style are joined into runs, each with a map back to source offsets, and the runs are
//! scanned for the dialect's own syntax: ruby and cues.

use super::source::floor_char_boundary;
use super::{
    Cue, Diagnostic, DiagnosticKind, Diagnostics, Inline, LineIndex, Style, DEFAULT_PAUSE_SECONDS,
};
use std::ops::Range;

/// Inline content as collected from Markdown events, before dialect scanning.
#[derive(Debug, Clone)]
pub(crate) enum Piece {
    Text {
        text: String,
        style: Style,
        source: Range<usize>,
    },
    /// A line break: every newline inside a paragraph is kept (see the dialect's rule in
    /// `script/mod.rs`).
    Break {
        source: Range<usize>,
    },
    LinkStart {
        url: Option<String>,
        source_start: usize,
    },
    LinkEnd {
        source_end: usize,
    },
}

/// Longest base and reading accepted in ruby, and longest cue, in characters.
const MAX_RUBY_BASE: usize = 40;
const MAX_RUBY_READING: usize = 80;
const MAX_CUE: usize = 60;
/// How far past a `[[`, `{`, `｜` or `《` its end is looked for, in bytes: more than the longest
/// cue or ruby, and a bound that keeps a long line without ends linear to scan (a search to the
/// end of the line from every mark made a 1 MB line take minutes).
const SCAN_WINDOW: usize = 2048;

/// Turn collected pieces into inlines: ruby, cues, links and breaks recognised.
pub(crate) fn build_inlines(
    pieces: Vec<Piece>,
    index: &LineIndex,
    diagnostics: &mut Diagnostics,
) -> Vec<Inline> {
    let mut stack: Vec<(Vec<Inline>, Option<String>, usize)> = Vec::new();
    let mut out: Vec<Inline> = Vec::new();
    let mut run = Run::default();
    for piece in pieces {
        match piece {
            Piece::Text {
                text,
                style,
                source,
            } => {
                if !run.is_empty() && run.style != style {
                    run.flush(&mut out, index, diagnostics);
                }
                run.push(&text, style, source);
            }
            Piece::Break { source } => {
                run.flush(&mut out, index, diagnostics);
                out.push(Inline::Break {
                    span: index.span(source.start, source.end),
                });
            }
            Piece::LinkStart { url, source_start } => {
                run.flush(&mut out, index, diagnostics);
                stack.push((std::mem::take(&mut out), url, source_start));
            }
            Piece::LinkEnd { source_end } => {
                run.flush(&mut out, index, diagnostics);
                if let Some((outer, url, start)) = stack.pop() {
                    let inner = std::mem::replace(&mut out, outer);
                    match url {
                        Some(url) if !inner.is_empty() => out.push(Inline::Link {
                            inlines: inner.into_boxed_slice(),
                            url: url.into_boxed_str(),
                            span: index.span(start, source_end),
                        }),
                        _ => out.extend(inner),
                    }
                }
            }
        }
    }
    run.flush(&mut out, index, diagnostics);
    // An unbalanced link start (not produced by pulldown-cmark, but be safe): splice it back.
    while let Some((outer, _, _)) = stack.pop() {
        let inner = std::mem::replace(&mut out, outer);
        out.extend(inner);
    }
    out
}

/// Kanji, for Aozora-style ruby without the opening bar.
fn is_kanji(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFD)
        || matches!(c, '々' | '〆' | 'ヶ' | '〇')
}

/// Consecutive text of one style, with a map from run offsets to source offsets.
#[derive(Default)]
struct Run {
    text: String,
    style: Style,
    /// (offset in `text`, length in `text`, source range) per piece.
    map: Vec<(usize, usize, Range<usize>)>,
}

impl Run {
    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn push(&mut self, text: &str, style: Style, source: Range<usize>) {
        self.style = style;
        self.map.push((self.text.len(), text.len(), source));
        self.text.push_str(text);
    }

    /// Source offset of a run offset. Pieces whose text differs in length from their source
    /// (escapes, entities) map every inner offset to the piece's start.
    fn source_offset(&self, offset: usize, is_end: bool) -> usize {
        // The first piece that holds the offset (pieces are in order): a binary search, as a
        // paragraph of many small pieces (`[[間]]` × 100,000) made a linear one quadratic.
        let first = self.map.partition_point(|(start, len, _)| match is_end {
            true => start + len < offset,
            false => start + len <= offset,
        });
        let Some((start, len, source)) = self.map.get(first) else {
            return self.map.last().map_or(0, |(_, _, s)| s.end);
        };
        let end = start + len;
        if offset <= *start {
            return source.start;
        }
        if is_end && offset == end {
            return source.end;
        }
        if *len == source.len() {
            source.start + (offset - start)
        } else {
            source.start
        }
    }

    fn span(&self, index: &LineIndex, range: Range<usize>) -> super::Span {
        index.span(
            self.source_offset(range.start, false),
            self.source_offset(range.end, true),
        )
    }

    /// Scan the run for ruby and cues and append the resulting inlines.
    fn flush(&mut self, out: &mut Vec<Inline>, index: &LineIndex, diagnostics: &mut Diagnostics) {
        if self.text.is_empty() {
            self.map.clear();
            return;
        }
        let text = std::mem::take(&mut self.text);
        let style = self.style;
        let mut plain_start = 0;
        let mut i = 0;
        while i < text.len() {
            let rest = &text[i..];
            let rest = &rest[..floor_char_boundary(rest, SCAN_WINDOW)];
            let found = if rest.starts_with("[[") {
                scan_cue(rest).map(|(len, cue)| (i, len, Found::Cue(cue)))
            } else if rest.starts_with('{') {
                scan_brace_ruby(rest)
                    .map(|(len, base, reading)| (i, len, Found::Ruby(base, reading)))
            } else if rest.starts_with('｜') || rest.starts_with('|') {
                scan_bar_ruby(rest).map(|(len, base, reading)| (i, len, Found::Ruby(base, reading)))
            } else if rest.starts_with('《') {
                scan_implicit_ruby(&text[plain_start..i], rest).map(
                    |(base_len, len, base, reading)| {
                        (i - base_len, base_len + len, Found::Ruby(base, reading))
                    },
                )
            } else {
                None
            };
            match found {
                Some((start, len, found)) => {
                    if start > plain_start {
                        out.push(self.text_inline(index, &text, plain_start..start, style));
                    }
                    let span = self.span(index, start..start + len);
                    out.push(match found {
                        Found::Cue(cue) => Inline::Cue { cue, span },
                        Found::Ruby(base, reading) => Inline::Ruby {
                            base: base.into_boxed_str(),
                            reading: reading.into_boxed_str(),
                            style,
                            span,
                        },
                    });
                    i = start + len;
                    plain_start = i;
                }
                None => {
                    if let Some(kind) = unclosed(rest) {
                        diagnostics.push(Diagnostic {
                            kind,
                            span: self
                                .span(index, i..i + rest.chars().next().map_or(0, char::len_utf8)),
                        });
                    }
                    i += rest.chars().next().map_or(1, char::len_utf8);
                }
            }
        }
        if plain_start < text.len() {
            out.push(self.text_inline(index, &text, plain_start..text.len(), style));
        }
        self.map.clear();
    }

    fn text_inline(
        &self,
        index: &LineIndex,
        text: &str,
        range: Range<usize>,
        style: Style,
    ) -> Inline {
        Inline::Text {
            text: text[range.clone()].to_string(),
            style,
            span: self.span(index, range),
        }
    }
}

enum Found {
    Cue(Cue),
    Ruby(String, String),
}

/// `[[…]]` → (length, cue).
fn scan_cue(rest: &str) -> Option<(usize, Cue)> {
    let body_end = rest[2..].find("]]")? + 2;
    let body = &rest[2..body_end];
    if body.contains('\n') || body.contains('[') || body.chars().count() > MAX_CUE {
        return None;
    }
    let body = body.trim();
    if body.is_empty() {
        return None;
    }
    Some((body_end + 2, cue_from_text(body)))
}

/// `間`, `間 3秒`, `間:1.5`, `ポーズ`, `pause 2s` are pauses; anything else is a direction.
fn cue_from_text(body: &str) -> Cue {
    for word in ["間", "ポーズ", "pause", "Pause", "PAUSE"] {
        if let Some(after) = body.strip_prefix(word) {
            let after = after.trim_start_matches([' ', '\u{3000}', ':', '：', '=']);
            let number: String = after
                .chars()
                .take_while(|c| {
                    c.is_ascii_digit() || ('０'..='９').contains(c) || matches!(c, '.' | '．')
                })
                .map(|c| match c {
                    '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                    '．' => '.',
                    c => c,
                })
                .collect();
            let unit = after[after
                .char_indices()
                .nth(number.chars().count())
                .map_or(after.len(), |(i, _)| i)..]
                .trim();
            let unit_ok = matches!(unit, "" | "秒" | "s" | "sec" | "秒間");
            if number.is_empty() && after.trim().is_empty() {
                return Cue::Pause {
                    seconds: DEFAULT_PAUSE_SECONDS,
                };
            }
            if let (Ok(seconds), true) = (number.parse::<f64>(), unit_ok) {
                if seconds.is_finite() && (0.0..=600.0).contains(&seconds) {
                    return Cue::Pause { seconds };
                }
            }
        }
    }
    Cue::Direction {
        text: body.to_string(),
    }
}

/// `{base|reading}` → (length, base, reading). The reading may be split per character with
/// further bars (`{漢字|かん|じ}`); the bars are dropped.
fn scan_brace_ruby(rest: &str) -> Option<(usize, String, String)> {
    let close = rest.find('}')?;
    let body = &rest[1..close];
    let (base, reading) = body.split_once('|')?;
    let reading: String = reading.split('|').collect();
    ruby_parts(base, &reading).map(|(b, r)| (close + 1, b, r))
}

/// `｜base《reading》` (Aozora) → (length, base, reading).
fn scan_bar_ruby(rest: &str) -> Option<(usize, String, String)> {
    let bar = rest.chars().next()?.len_utf8();
    let open = rest.find('《')?;
    let close = open + rest[open..].find('》')?;
    let base = &rest[bar..open];
    let reading = &rest[open + '《'.len_utf8()..close];
    ruby_parts(base, reading).map(|(b, r)| (close + '》'.len_utf8(), b, r))
}

/// `漢字《かんじ》` without the bar: the base is the run of kanji right before `《`.
/// Returns (base length, length from `《`, base, reading).
fn scan_implicit_ruby(before: &str, rest: &str) -> Option<(usize, usize, String, String)> {
    // A base longer than MAX_RUBY_BASE is refused: look no further back than one kanji more
    // (walking a long run of kanji back from every 《 was quadratic).
    let kanji: Vec<(usize, char)> = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_kanji(*c))
        .take(MAX_RUBY_BASE + 1)
        .collect();
    if kanji.len() > MAX_RUBY_BASE {
        return None;
    }
    let base_start = kanji.last().map(|(i, _)| *i)?;
    let base = &before[base_start..];
    let close = rest.find('》')?;
    let reading = &rest['《'.len_utf8()..close];
    ruby_parts(base, reading).map(|(b, r)| (base.len(), close + '》'.len_utf8(), b, r))
}

fn ruby_parts(base: &str, reading: &str) -> Option<(String, String)> {
    let (base, reading) = (base.trim(), reading.trim());
    let ok = |s: &str, max: usize| {
        !s.is_empty()
            && s.chars().count() <= max
            && !s.contains(['\n', '{', '}', '《', '》', '[', ']'])
    };
    (ok(base, MAX_RUBY_BASE) && ok(reading, MAX_RUBY_READING) && !base.contains(['|', '｜']))
        .then(|| (base.to_string(), reading.to_string()))
}

/// Did the writer start ruby or a cue and not finish it (within the scan window)?
fn unclosed(rest: &str) -> Option<DiagnosticKind> {
    // Called at every character: look at the line only where ruby or a cue starts.
    if !rest.starts_with(['[', '{']) {
        return None;
    }
    let line = rest.split('\n').next().unwrap_or("");
    if line.starts_with("[[") && !line.contains("]]") {
        Some(DiagnosticKind::UnclosedCue)
    } else if line.starts_with('{') && line.contains('|') && !line.contains('}') {
        Some(DiagnosticKind::UnclosedRuby)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pause_cues_read_their_seconds() {
        assert_eq!(cue_from_text("間"), Cue::Pause { seconds: 2.0 });
        assert_eq!(cue_from_text("間 3秒"), Cue::Pause { seconds: 3.0 });
        assert_eq!(cue_from_text("間：１．５秒"), Cue::Pause { seconds: 1.5 });
        assert_eq!(cue_from_text("pause 2s"), Cue::Pause { seconds: 2.0 });
        assert_eq!(
            cue_from_text("間をとって会場を見る"),
            Cue::Direction {
                text: "間をとって会場を見る".into()
            }
        );
        assert_eq!(
            cue_from_text("ゆっくり"),
            Cue::Direction {
                text: "ゆっくり".into()
            }
        );
    }

    #[test]
    fn ruby_forms() {
        assert_eq!(
            scan_brace_ruby("{漢字|かん|じ}です"),
            Some((
                "{漢字|かん|じ}".len(),
                "漢字".to_string(),
                "かんじ".to_string()
            ))
        );
        assert_eq!(scan_brace_ruby("{漢字}"), None);
        assert_eq!(scan_brace_ruby("{|よみ}"), None);
        assert_eq!(
            scan_bar_ruby("｜市長《しちょう》は"),
            Some((
                "｜市長《しちょう》".len(),
                "市長".to_string(),
                "しちょう".to_string()
            ))
        );
        assert_eq!(
            scan_implicit_ruby("本日の挨拶", "《あいさつ》を"),
            Some((
                "挨拶".len(),
                "《あいさつ》".len(),
                "挨拶".to_string(),
                "あいさつ".to_string()
            ))
        );
        assert_eq!(scan_implicit_ruby("これは", "《書名》"), None);
        // A base is at most MAX_RUBY_BASE kanji; a longer run is not walked to its start.
        let forty = "漢".repeat(MAX_RUBY_BASE);
        assert_eq!(
            scan_implicit_ruby(&format!("あ{forty}"), "《かん》").map(|(base_len, ..)| base_len),
            Some(forty.len())
        );
        let long = "漢".repeat(100_000);
        assert_eq!(scan_implicit_ruby(&long, "《かん》"), None);
    }
}
