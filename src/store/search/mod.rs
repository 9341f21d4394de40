//! Full-text search over drafts (title, event, body), the same answers on both databases.
//!
//! Japanese has no spaces between words, so the text is indexed by characters, not words.
//! Several whitespace-separated words must all match (AND), ignoring case; hits are live
//! drafts, most recently changed first; the snippet is cut from the body around the earliest
//! occurrence of a query word. Nothing in a query is syntax.
//!
//! **SQLite** ([`sqlite`]):
//! - `draft_search`: FTS5 with the `trigram` tokenizer, external content over `drafts`, kept in
//!   step by triggers. It answers query words of 3 or more characters. Trigram cannot answer
//!   shorter words: the tokenizer yields no token for them, even in a prefix query.
//! - `draft_bigrams`: FTS5 (`unicode61`, `detail=none`) over the text written as overlapping
//!   character pairs plus the last character alone: "今日の式" → `今日 日の の式 式`. A word of
//!   2 characters is one token (協働); a word of 1 character is a prefix query answered by a
//!   1-character prefix index (式 → 式典, 式を, 式 …). Exact, no position lists, small.
//!   Contentless, written by [`index`] after every change of text, deleted by triggers.
//!
//! A long word as an FTS5 phrase is exact but slow when it is common (a 12-character stock
//! phrase found in 9,000 drafts: ~12 ms of position lists). So a search first ANDs the
//! trigrams that cover each long word (まちづくり → `まちづ` AND `づくり`: no positions, ~1.5 ms)
//! and checks each candidate's text, walking the live drafts newest first until `limit`
//! hits. Should too many candidates be false, it starts again with exact phrases. Either way
//! the answer is the same. Every word or piece is passed as a quoted FTS5 string.
//!
//! **PostgreSQL** ([`postgres`]), with nothing Debian's server does not ship: `draft_grams`
//! holds each draft's distinct characters and character pairs (case-folded, whitespace
//! skipped) as a `text[]` under a GIN index. A word of 1 or 2 characters is one element
//! (exact); a longer word needs all its pairs (`@>`), and each candidate is then checked
//! against its text.

mod postgres;
mod sqlite;

use super::sql::Db;
use super::{Backend, Result, Store};
use serde::Serialize;
use std::ops::Range;

/// Characters of context kept before the hit in a snippet.
const SNIPPET_BEFORE: usize = 20;
/// Characters in a snippet, at most (plus the ellipses).
const SNIPPET_CHARS: usize = 80;

/// A draft that matches a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    pub draft_id: i64,
    pub title: String,
    /// A line of the body around the first hit, `…` where it was cut.
    pub snippet: String,
    /// Byte range of the hit within `snippet`, when the body contains one.
    pub highlight: Option<Range<usize>>,
}

impl Store {
    /// Live drafts whose title, event or body contains every word of `query`, most recently
    /// changed first, at most `limit` of them. An empty query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let words = words(query);
        if words.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        match &self.backend {
            Backend::Sqlite(conn) => sqlite::search(conn, &words, limit),
            Backend::Postgres(_) => self.read(|db| postgres::search(db, &words, limit)),
        }
    }
}

/// Brings the search index of draft `id` in step with its stored text (after every change).
pub(super) fn index(db: &mut Db<'_, '_>, id: i64) -> Result<()> {
    match db {
        Db::Sqlite(conn) => sqlite::index_bigrams(conn, id),
        Db::Postgres { .. } => postgres::index(db, id),
    }
}

/// The query's words: split at whitespace (including the ideographic space), control
/// characters dropped, duplicates removed.
fn words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in query.split_whitespace() {
        let word: String = word.chars().filter(|c| !c.is_control()).collect();
        if !word.is_empty() && !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// A short excerpt of `body` around the earliest word found, and the hit's range in it.
/// Without a hit in the body (it was in the title or event): the first non-blank line.
fn snippet(body: &str, words: &[String]) -> (String, Option<Range<usize>>) {
    let Some(hit) = words
        .iter()
        .filter_map(|word| find_folded(body, word))
        .min_by_key(|hit| hit.start)
    else {
        let line = body.lines().map(str::trim).find(|line| !line.is_empty());
        let line = line.unwrap_or_default();
        let end = char_offset(line, 0, SNIPPET_CHARS);
        let ellipsis = if end < line.len() { "…" } else { "" };
        return (format!("{}{ellipsis}", &line[..end]), None);
    };
    let line_start = body[..hit.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = body[hit.end..]
        .find('\n')
        .map_or(body.len(), |i| hit.end + i);
    let start = body[line_start..hit.start]
        .char_indices()
        .rev()
        .nth(SNIPPET_BEFORE - 1)
        .map_or(line_start, |(i, _)| line_start + i);
    let used = body[start..hit.end].chars().count();
    let end = char_offset(body, hit.end, SNIPPET_CHARS.saturating_sub(used)).min(line_end);

    let mut text = String::new();
    if start > line_start {
        text.push('…');
    }
    let shift = text.len();
    text.push_str(&body[start..end]);
    if end < line_end {
        text.push('…');
    }
    let highlight = hit.start - start + shift..hit.end - start + shift;
    (text, Some(highlight))
}

/// The byte offset `chars` characters after `from`, or the end of `text`.
fn char_offset(text: &str, from: usize, chars: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| from + i)
}

/// The first occurrence of `needle` in `hay`, ignoring case like the indexes do.
fn find_folded(hay: &str, needle: &str) -> Option<Range<usize>> {
    let uncased = |c: char| c.to_lowercase().eq([c]) && c.to_uppercase().eq([c]);
    if needle.chars().all(uncased) {
        // Kana, kanji, digits, punctuation: no other character folds to them.
        return hay.find(needle).map(|start| start..start + needle.len());
    }
    let same = |a: char, b: char| a == b || a.to_lowercase().eq(b.to_lowercase());
    hay.char_indices().find_map(|(start, _)| {
        let mut end = start;
        let mut rest = hay[start..].chars();
        for n in needle.chars() {
            let c = rest.next().filter(|&c| same(c, n))?;
            end += c.len_utf8();
        }
        Some(start..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_at_any_whitespace_and_drop_duplicates() {
        assert_eq!(
            words(" 協働\u{3000}防災 協働\t式\u{0}\n"),
            ["協働", "防災", "式"]
        );
        assert!(words(" \u{3000}\u{1} ").is_empty());
    }

    #[test]
    fn snippet_is_cut_around_the_first_hit_within_its_line() {
        let body = format!(
            "# 題\n\n{}市民との協働を進めます。{}\n次の段落",
            "あ".repeat(30),
            "い".repeat(100)
        );
        let words = ["協働".to_string(), "段落".to_string()];
        let (text, highlight) = snippet(&body, &words);
        let highlight = highlight.unwrap();
        assert_eq!(&text[highlight], "協働");
        assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
        assert_eq!(text.chars().count(), SNIPPET_CHARS + 2);
        assert!(text.starts_with(&format!("…{}市民との協働", "あ".repeat(16))));
    }

    #[test]
    fn snippet_without_a_hit_in_the_body_is_its_first_line() {
        let (text, highlight) = snippet("\n\n  # 年頭挨拶\n本文", &["Podium".into()]);
        assert_eq!((text.as_str(), highlight), ("# 年頭挨拶", None));
        let (text, highlight) = snippet("AI活用", &["ai".into()]);
        assert_eq!((text.as_str(), highlight), ("AI活用", Some(0..2)));
    }
}
