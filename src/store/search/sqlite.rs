//! Search on SQLite: two FTS5 indexes (see the parent module for the design).

use super::{find_folded, snippet, SearchHit};
use crate::store::Result;
use rusqlite::Connection;

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

/// Live drafts holding every word, most recently changed first, at most `limit`.
pub(super) fn search(conn: &Connection, words: &[String], limit: usize) -> Result<Vec<SearchHit>> {
    match search_with(conn, words, limit, Plan::Pieces)? {
        Some(hits) => Ok(hits),
        None => Ok(search_with(conn, words, limit, Plan::Phrases)?.unwrap_or_default()),
    }
}

/// `None` when more than [`MAX_MISSES`] candidates were false.
fn search_with(
    conn: &Connection,
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
        sql.push_str(" AND d.id IN (SELECT rowid FROM draft_search WHERE draft_search MATCH ?)");
        params.push(all_of(long.iter().map(|word| match plan {
            Plan::Pieces => pieces(word),
            Plan::Phrases => phrase(word),
        })));
    }
    if !short.is_empty() {
        sql.push_str(" AND d.id IN (SELECT rowid FROM draft_bigrams WHERE draft_bigrams MATCH ?)");
        params.push(all_of(short.iter().map(
            |word| match word.chars().count() {
                1 => format!("{}*", phrase(word)),
                _ => phrase(word),
            },
        )));
    }
    sql.push_str(" ORDER BY d.updated_at DESC, d.id DESC");

    let mut stmt = conn.prepare_cached(&sql)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

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
        let found = search_with(store.sqlite().unwrap(), &words, 10, Plan::Pieces)
            .unwrap()
            .unwrap();
        assert_eq!(
            found.iter().map(|hit| hit.draft_id).collect::<Vec<_>>(),
            [real]
        );

        store.import_drafts(&decoys, now).unwrap();
        assert_eq!(
            search_with(store.sqlite().unwrap(), &words, 10, Plan::Pieces).unwrap(),
            None
        );
        let found = store.search("まちづくり", 10).unwrap();
        assert_eq!(
            found.iter().map(|hit| hit.draft_id).collect::<Vec<_>>(),
            [real]
        );
    }
}
