//! Search on PostgreSQL: each draft's characters and character pairs in `draft_grams`
//! (a `text[]` under a GIN index; see the parent module).

use super::{find_folded, snippet, SearchHit};
use crate::store::sql::{values, Db};
use crate::store::{Result, StoreError};
use std::collections::BTreeSet;

/// Candidates fetched at a time while long words are checked against the text.
const PAGE: usize = 64;

/// Writes the draft's row of `draft_grams` from its stored text.
pub(super) fn index(db: &mut Db<'_, '_>, id: i64) -> Result<()> {
    let mut row = db
        .row(
            "SELECT title, event, body FROM drafts WHERE id = ?1",
            &values![id],
        )?
        .ok_or_else(|| StoreError::Shape(format!("draft {id} is not there to index")))?;
    let mut grams = BTreeSet::new();
    for field in 0..3 {
        grams.extend(grams_of(&row.take::<String>(field)?));
    }
    let grams: Vec<String> = grams.into_iter().collect();
    db.execute(
        "INSERT INTO draft_grams (draft_id, grams) VALUES (?1, string_to_array(?2, ' '))
         ON CONFLICT (draft_id) DO UPDATE SET grams = excluded.grams
         WHERE draft_grams.grams IS DISTINCT FROM excluded.grams",
        &values![id, grams.join(" ")],
    )?;
    Ok(())
}

/// Live drafts holding every word, most recently changed first, at most `limit`.
pub(super) fn search(
    db: &mut Db<'_, '_>,
    words: &[String],
    limit: usize,
) -> Result<Vec<SearchHit>> {
    let mut needed = BTreeSet::new();
    for word in words {
        needed.extend(query_grams(word));
    }
    let needed: Vec<String> = needed.into_iter().collect();
    // Words of 3 or more characters are only as good as their pairs: check the text too.
    let long: Vec<&String> = words
        .iter()
        .filter(|word| word.chars().count() >= 3)
        .collect();
    // The planner does not count the cost of reading every draft's grams (compressed, out
    // of line) and, for a character found in nearly every draft, would read them all (~0.5 s
    // for 10,000 drafts) rather than the index (~13 ms). For this transaction only.
    db.execute("SET LOCAL enable_seqscan = off", &[])?;
    let mut hits = Vec::new();
    let mut offset = 0;
    loop {
        let page = if long.is_empty() { limit } else { PAGE };
        // The index first, always (MATERIALIZED): left to itself, the planner may walk the
        // library newest first and test each draft's grams, which takes the whole library
        // (~0.7 s for 10,000 drafts) when the word is rare or absent.
        let rows = db.rows(
            "WITH hits AS MATERIALIZED (
                 SELECT draft_id FROM draft_grams WHERE grams @> string_to_array(?1, ' ')
             )
             SELECT d.id, d.title, d.event, d.body
             FROM drafts AS d JOIN hits ON hits.draft_id = d.id
             WHERE d.deleted_at IS NULL
             ORDER BY d.updated_at DESC, d.id DESC LIMIT ?2 OFFSET ?3",
            &values![needed.join(" "), count(page), count(offset)],
        )?;
        let fetched = rows.len();
        for mut row in rows {
            let (title, event, body): (String, String, String) =
                (row.take(1)?, row.take(2)?, row.take(3)?);
            let holds = |word: &&String| {
                [&title, &event, &body]
                    .iter()
                    .any(|text| find_folded(text, word).is_some())
            };
            if !long.iter().all(holds) {
                continue;
            }
            let (snippet, highlight) = snippet(&body, words);
            hits.push(SearchHit {
                draft_id: row.take(0)?,
                title,
                snippet,
                highlight,
            });
            if hits.len() == limit {
                return Ok(hits);
            }
        }
        if fetched < page {
            return Ok(hits);
        }
        offset += fetched;
    }
}

/// A count as a bigint (`usize::MAX`, "no limit", is the largest one).
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Folded as the search folds: lower case, whitespace and control characters skipped.
fn folded(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every character and every pair of neighbours of `text`, folded.
fn grams_of(text: &str) -> impl Iterator<Item = String> {
    let chars = folded(text);
    let singles: Vec<String> = chars.iter().map(char::to_string).collect();
    let pairs: Vec<String> = chars.windows(2).map(|pair| pair.iter().collect()).collect();
    singles.into_iter().chain(pairs)
}

/// What a draft's grams must hold for it to contain `word`: the word itself when it is one
/// or two characters (exact), else each of its pairs.
fn query_grams(word: &str) -> Vec<String> {
    let chars = folded(word);
    match chars.len() {
        0..=2 => vec![chars.iter().collect()],
        _ => chars.windows(2).map(|pair| pair.iter().collect()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_are_folded_characters_and_pairs() {
        let grams: BTreeSet<String> = grams_of("AI 活用").collect();
        let expected = ["a", "i", "活", "用", "ai", "i活", "活用"];
        assert_eq!(grams, expected.iter().map(|g| g.to_string()).collect());
        assert_eq!(query_grams("ＧＩ"), ["ｇｉ"]);
        assert_eq!(query_grams("式"), ["式"]);
        assert_eq!(query_grams("まちづくり"), ["まち", "ちづ", "づく", "くり"]);
    }
}
