//! Full-text search over drafts (title, event, body).
//!
//! Japanese has no spaces between words, so the text is indexed by characters, not words:
//!
//! - `draft_search`: FTS5 with the `trigram` tokenizer, external content over `drafts`, kept in
//!   step by triggers. It answers query words of 3 or more characters. Trigram cannot answer
//!   shorter words: the tokenizer yields no token for them, even in a prefix query.
//! - `draft_bigrams`: FTS5 (`unicode61`, `detail=none`) over the text written as overlapping
//!   character pairs plus the last character alone: "今日の式" → `今日 日の の式 式`. A word of
//!   2 characters is one token (協働); a word of 1 character is a prefix query answered by a
//!   1-character prefix index (式 → 式典, 式を, 式 …). Exact, no position lists, small.
//!   Contentless, written by [`index_bigrams`] after every change of text, deleted by triggers.
//!
//! A long word as an FTS5 phrase is exact but slow when it is common (a 12-character stock
//! phrase found in 9,000 drafts: ~12 ms of position lists). So a search first ANDs the
//! trigrams that cover each long word (まちづくり → `まちづ` AND `づくり`: no positions, ~1.5 ms)
//! and checks each candidate's text, walking the live drafts newest first until `limit`
//! hits. Should more than [`MAX_MISSES`] candidates be false, it starts again with exact
//! phrases. Either way the answer is the same.
//!
//! Several whitespace-separated words must all match (AND). Every word or piece is passed as
//! a quoted FTS5 string, so FTS5 syntax in the query (`"`, `*`, `AND`, `NEAR`, `(`, `-`, `^`,
//! `:`) is taken as text. Hits are live drafts, most recently changed first; the snippet is
//! cut from the body around the earliest occurrence of a query word.

use super::{Result, Store};
use rusqlite::Connection;
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

/// How many candidates may turn out false before a search switches to exact phrases.
const MAX_MISSES: usize = 64;

/// How words of 3 or more characters are looked up in the trigram index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// Trigrams that cover the word, ANDed, then each candidate checked against its text.
    /// Fast: no position lists. Candidates may be false (the pieces apart).
    Pieces,
    /// The word as an FTS5 phrase of all its trigrams: exact, slower for long common words.
    Phrases,
}

impl Store {
    /// Live drafts whose title, event or body contains every word of `query`, most recently
    /// changed first, at most `limit` of them. An empty query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let words = words(query);
        if words.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        match self.search_with(&words, limit, Plan::Pieces)? {
            Some(hits) => Ok(hits),
            None => Ok(self
                .search_with(&words, limit, Plan::Phrases)?
                .unwrap_or_default()),
        }
    }

    /// `None` when more than [`MAX_MISSES`] candidates were false.
    fn search_with(
        &self,
        words: &[String],
        limit: usize,
        plan: Plan,
    ) -> Result<Option<Vec<SearchHit>>> {
        let (long, short): (Vec<&str>, Vec<&str>) = words
            .iter()
            .map(String::as_str)
            .partition(|word| word.chars().count() >= 3);

        // INDEXED BY: walk the live drafts newest first, stopping at `limit`, rather than
        // fetching every matching row (large bodies) to sort them.
        let mut sql = String::from(
            "SELECT d.id, d.title, d.event, d.body FROM drafts AS d INDEXED BY drafts_live
             WHERE d.deleted_at IS NULL",
        );
        let mut params = Vec::new();
        if !long.is_empty() {
            sql.push_str(
                " AND d.id IN (SELECT rowid FROM draft_search WHERE draft_search MATCH ?)",
            );
            params.push(all_of(long.iter().map(|word| match plan {
                Plan::Pieces => pieces(word),
                Plan::Phrases => phrase(word),
            })));
        }
        if !short.is_empty() {
            sql.push_str(
                " AND d.id IN (SELECT rowid FROM draft_bigrams WHERE draft_bigrams MATCH ?)",
            );
            params.push(all_of(short.iter().map(
                |word| match word.chars().count() {
                    1 => format!("{}*", phrase(word)),
                    _ => phrase(word),
                },
            )));
        }
        sql.push_str(" ORDER BY d.updated_at DESC, d.id DESC");

        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
        let mut hits = Vec::new();
        let mut misses = 0;
        while hits.len() < limit {
            let Some(row) = rows.next()? else { break };
            let (title, event, body): (String, String, String) =
                (row.get(1)?, row.get(2)?, row.get(3)?);
            let holds = |word: &&str| {
                [&title, &event, &body]
                    .iter()
                    .any(|text| find_folded(text, word).is_some())
            };
            if plan == Plan::Pieces && !long.iter().all(holds) {
                misses += 1;
                if misses > MAX_MISSES {
                    return Ok(None);
                }
                continue;
            }
            let (snippet, highlight) = snippet(&body, words);
            hits.push(SearchHit {
                draft_id: row.get(0)?,
                title,
                snippet,
                highlight,
            });
        }
        Ok(Some(hits))
    }
}

/// Writes the draft's row of the bigram index from its stored text.
pub(super) fn index_bigrams(conn: &Connection, id: i64) -> Result<()> {
    let (title, event, body): (String, String, String) = conn
        .prepare_cached("SELECT title, event, body FROM drafts WHERE id = ?1")?
        .query_row([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO draft_bigrams (rowid, title, event, body) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute((id, bigrams(&title), bigrams(&event), bigrams(&body)))?;
    Ok(())
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

/// The text as space-separated overlapping character pairs, the last character alone.
/// Whitespace and control characters are skipped, so a pair may span a line break.
fn bigrams(text: &str) -> String {
    let mut chars = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .peekable();
    let mut out = String::with_capacity(text.len() * 3);
    while let Some(c) = chars.next() {
        out.push(c);
        out.extend(chars.peek());
        out.push(' ');
    }
    out
}

/// An FTS5 phrase: quoted, with inner quotes doubled. Nothing inside is syntax.
fn phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Trigrams covering a word of 3 or more characters, ANDed: those at 0, 3, 6 … and the last.
/// Their presence is necessary for the word's, not sufficient.
fn pieces(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let last = chars.len().saturating_sub(3);
    let mut starts: Vec<usize> = (0..=last).step_by(3).collect();
    if starts.last() != Some(&last) {
        starts.push(last);
    }
    all_of(starts.into_iter().map(|start| {
        let trigram: String = chars[start..chars.len().min(start + 3)].iter().collect();
        phrase(&trigram)
    }))
}

fn all_of(phrases: impl Iterator<Item = String>) -> String {
    phrases.collect::<Vec<_>>().join(" AND ")
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
    fn phrases_quote_everything() {
        assert_eq!(phrase(r#"a"b*"#), r#""a""b*""#);
        assert_eq!(bigrams("今日の\n式"), "今日 日の の式 式 ");
        assert_eq!(bigrams(" "), "");
        assert_eq!(
            all_of(["\"a\"".into(), "\"b\"".into()].into_iter()),
            r#""a" AND "b""#
        );
    }

    #[test]
    fn pieces_cover_the_word() {
        assert_eq!(pieces("地域の"), r#""地域の""#);
        assert_eq!(pieces("まちづくり"), r#""まちづ" AND "づくり""#);
        assert_eq!(pieces("心から感謝を"), r#""心から" AND "感謝を""#);
        assert_eq!(
            pieces("心から感謝を申"),
            r#""心から" AND "感謝を" AND "謝を申""#
        );
        assert_eq!(pieces(r#"a"b*"#), r#""a""b" AND """b*""#);
    }

    #[test]
    fn false_candidates_are_dropped_and_many_of_them_switch_to_phrases() {
        use crate::store::DraftEdit;
        let mut store = Store::open_in_memory().unwrap();
        let now = time::macros::datetime!(2026-01-05 09:00 UTC);
        let draft = |body: &str| DraftEdit {
            body: body.into(),
            ..DraftEdit::default()
        };
        let real = store
            .create_draft(&draft("協働のまちづくり"), now)
            .unwrap()
            .id;
        // まちづ and づくり, but not まちづくり: candidates of the pieces, not hits.
        let decoys = vec![draft("まちづかいの、ものづくり"); MAX_MISSES];
        store.import_drafts(&decoys[..3], now).unwrap();
        let words = [String::from("まちづくり")];
        let found = store
            .search_with(&words, 10, Plan::Pieces)
            .unwrap()
            .unwrap();
        assert_eq!(
            found.iter().map(|hit| hit.draft_id).collect::<Vec<_>>(),
            [real]
        );

        store.import_drafts(&decoys, now).unwrap();
        assert_eq!(store.search_with(&words, 10, Plan::Pieces).unwrap(), None);
        let found = store.search("まちづくり", 10).unwrap();
        assert_eq!(
            found.iter().map(|hit| hit.draft_id).collect::<Vec<_>>(),
            [real]
        );
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
