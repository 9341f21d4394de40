//! What a writer has judged in a draft's proofreading: findings dismissed one by one, and rules
//! the draft does not use.
//!
//! A dismissal names the rule and the text the finding was about — its own text (`quote`) and
//! the source line(s) it sits on (`passage`) — never a position, so it follows the passage when
//! text around it moves, and an edit of the passage brings the finding back (its text no longer
//! matches). The store keeps what it is given; the application layer decides what matches.

use super::sql::{values, Db, Row};
use super::stamp::{self, Millis};
use super::{Item, Result, Store, StoreError};
use serde::Serialize;
use time::OffsetDateTime;

/// A finding the writer judged and dismissed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dismissal {
    /// The rule's stable id (`kanji-run`).
    pub rule: String,
    /// The finding's own text.
    pub quote: String,
    /// The line(s) of the source the finding sits on.
    pub passage: String,
    pub author: String,
    #[serde(serialize_with = "stamp::json_instant")]
    pub at: OffsetDateTime,
}

/// A rule the draft does not use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleOff {
    pub rule: String,
    pub author: String,
    #[serde(serialize_with = "stamp::json_instant")]
    pub at: OffsetDateTime,
}

impl Store {
    /// Dismisses the finding of `rule` on `quote` in `passage` of the draft, by this store's
    /// author (once: dismissing it again only renews who and when).
    pub fn dismiss_finding(
        &mut self,
        draft_id: i64,
        rule: &str,
        quote: &str,
        passage: &str,
        now: OffsetDateTime,
    ) -> Result<Dismissal> {
        let author = self.author.clone();
        self.write(|db| {
            draft_exists(db, draft_id)?;
            delete(db, draft_id, rule, quote, passage)?;
            let dismissal = Dismissal {
                rule: rule.to_owned(),
                quote: quote.to_owned(),
                passage: passage.to_owned(),
                author: author.clone(),
                at: now,
            };
            insert(db, draft_id, &dismissal)?;
            Ok(dismissal)
        })
    }

    /// Takes a dismissal back: the finding shows again. Whether there was one.
    pub fn undo_dismissal(
        &mut self,
        draft_id: i64,
        rule: &str,
        quote: &str,
        passage: &str,
    ) -> Result<bool> {
        self.write(|db| Ok(delete(db, draft_id, rule, quote, passage)? > 0))
    }

    /// The draft's dismissals, oldest first.
    pub fn dismissals(&self, draft_id: i64) -> Result<Vec<Dismissal>> {
        self.read(|db| dismissals_of(db, draft_id))
    }

    /// Turns `rule` off (or on again) for the draft.
    pub fn set_rule_off(
        &mut self,
        draft_id: i64,
        rule: &str,
        off: bool,
        now: OffsetDateTime,
    ) -> Result<()> {
        let author = self.author.clone();
        self.write(|db| {
            draft_exists(db, draft_id)?;
            match off {
                true => db.execute(
                    "INSERT INTO draft_rules_off (draft_id, rule, author, at)
                     VALUES (?1, ?2, ?3, ?4) ON CONFLICT (draft_id, rule) DO NOTHING",
                    &values![draft_id, rule, &author, Millis(now)],
                )?,
                false => db.execute(
                    "DELETE FROM draft_rules_off WHERE draft_id = ?1 AND rule = ?2",
                    &values![draft_id, rule],
                )?,
            };
            Ok(())
        })
    }

    /// The rules the draft does not use, by id.
    pub fn rules_off(&self, draft_id: i64) -> Result<Vec<RuleOff>> {
        self.read(|db| rules_off_of(db, draft_id))
    }
}

fn draft_exists(db: &mut Db<'_, '_>, draft_id: i64) -> Result<()> {
    match db.row("SELECT id FROM drafts WHERE id = ?1", &values![draft_id])? {
        Some(_) => Ok(()),
        None => Err(StoreError::NotFound(Item::Draft(draft_id))),
    }
}

fn delete(
    db: &mut Db<'_, '_>,
    draft_id: i64,
    rule: &str,
    quote: &str,
    passage: &str,
) -> Result<u64> {
    db.execute(
        "DELETE FROM dismissals
         WHERE draft_id = ?1 AND rule = ?2 AND quote = ?3 AND passage = ?4",
        &values![draft_id, rule, quote, passage],
    )
}

fn insert(db: &mut Db<'_, '_>, draft_id: i64, dismissal: &Dismissal) -> Result<()> {
    db.execute(
        "INSERT INTO dismissals (draft_id, rule, quote, passage, author, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &values![
            draft_id,
            &dismissal.rule,
            &dismissal.quote,
            &dismissal.passage,
            &dismissal.author,
            Millis(dismissal.at)
        ],
    )?;
    Ok(())
}

pub(super) fn dismissals_of(db: &mut Db<'_, '_>, draft_id: i64) -> Result<Vec<Dismissal>> {
    db.rows(
        "SELECT rule, quote, passage, author, at FROM dismissals WHERE draft_id = ?1 ORDER BY id",
        &values![draft_id],
    )?
    .into_iter()
    .map(|mut row: Row| {
        Ok(Dismissal {
            rule: row.take(0)?,
            quote: row.take(1)?,
            passage: row.take(2)?,
            author: row.take(3)?,
            at: row.take::<Millis>(4)?.0,
        })
    })
    .collect()
}

pub(super) fn rules_off_of(db: &mut Db<'_, '_>, draft_id: i64) -> Result<Vec<RuleOff>> {
    db.rows(
        "SELECT rule, author, at FROM draft_rules_off WHERE draft_id = ?1 ORDER BY rule",
        &values![draft_id],
    )?
    .into_iter()
    .map(|mut row: Row| {
        Ok(RuleOff {
            rule: row.take(0)?,
            author: row.take(1)?,
            at: row.take::<Millis>(2)?.0,
        })
    })
    .collect()
}

/// Copies what was judged in a draft to its copy in another library (a move).
pub(super) fn copy(
    db: &mut Db<'_, '_>,
    draft_id: i64,
    dismissals: &[Dismissal],
    rules_off: &[RuleOff],
) -> Result<()> {
    for dismissal in dismissals {
        insert(db, draft_id, dismissal)?;
    }
    for off in rules_off {
        db.execute(
            "INSERT INTO draft_rules_off (draft_id, rule, author, at) VALUES (?1, ?2, ?3, ?4)",
            &values![draft_id, &off.rule, &off.author, Millis(off.at)],
        )?;
    }
    Ok(())
}
