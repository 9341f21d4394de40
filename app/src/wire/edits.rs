//! A keystroke at the seam: the editor sends what it changed since the last analysis
//! ([`TextEdit`]s) instead of the whole text, and receives what changed in the analysis
//! ([`AnalysisUpdate`]): the figures whole (they are small), the long lists (findings, readings)
//! as one [`Splice`] each.

use super::analysis::{Analysis, Figures, Finding};
use super::readings::SentenceReading;
use crate::error::AppError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Replace `from..to` (UTF-16 offsets in the text of the last analysis) by `insert`. The edits
/// of one request are in ascending order and do not overlap (CodeMirror's `iterChanges`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TextEdit {
    pub from: u32,
    pub to: u32,
    pub insert: String,
}

/// The analysis after edits, against the one of `version - 1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AnalysisUpdate {
    /// The version of the text now analysed: the next edits are based on it.
    pub version: u32,
    #[serde(flatten)]
    #[ts(flatten)]
    pub figures: Figures,
    pub findings: Splice<Finding>,
    pub readings: Splice<SentenceReading>,
}

/// A list's change: `deleted` items from `start` are replaced by `inserted`; the items after
/// them stay, their UTF-16 offsets moved by `by` and their lines by `lines` (the edits' length
/// and line count differences).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Splice<T> {
    pub start: u32,
    pub deleted: u32,
    pub inserted: Vec<T>,
    pub by: i32,
    pub lines: i32,
}

/// Where the edits fall, in UTF-16 offsets: before `from` nothing moved; what was at or after
/// `old_to` is now `by` further and `lines` lines down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    pub from: u32,
    pub old_to: u32,
    pub by: i32,
    pub lines: i32,
}

/// `text` with `edits` applied, and where they moved things; `invalid_input` when an edit is
/// out of order, past the end or splits a character.
pub fn apply(text: &str, edits: &[TextEdit]) -> Result<(String, Moved), AppError> {
    let invalid =
        || AppError::invalid("編集の位置が本文と合いません (the edits do not fit the text)");
    let mut out = String::with_capacity(text.len() + 16);
    let (mut units, mut copied) = (0u32, 0usize);
    let mut chars = text.char_indices().peekable();
    let mut moved = Moved {
        from: edits.first().map_or(0, |e| e.from),
        old_to: 0,
        by: 0,
        lines: 0,
    };
    // The byte offset of a UTF-16 offset at or after the current one.
    let mut byte_at = |target: u32, units: &mut u32| -> Option<usize> {
        while *units < target {
            let (_, c) = chars.next()?;
            *units += u32::try_from(c.len_utf16()).ok()?;
        }
        (*units == target).then(|| chars.peek().map_or(text.len(), |&(at, _)| at))
    };
    let mut previous_to = 0;
    for edit in edits {
        if edit.from > edit.to || edit.from < previous_to {
            return Err(invalid());
        }
        previous_to = edit.to;
        let start = byte_at(edit.from, &mut units).ok_or_else(invalid)?;
        let end = byte_at(edit.to, &mut units).ok_or_else(invalid)?;
        out.push_str(&text[copied..start]);
        out.push_str(&edit.insert);
        copied = end;
        let inserted = utf16_len(&edit.insert);
        moved.by += inserted - i32::try_from(edit.to - edit.from).map_err(|_| invalid())?;
        moved.lines += newlines(&edit.insert) - newlines(&text[start..end]);
        moved.old_to = edit.to;
    }
    out.push_str(&text[copied..]);
    Ok((out, moved))
}

fn utf16_len(text: &str) -> i32 {
    i32::try_from(text.encode_utf16().count()).unwrap_or(i32::MAX)
}

fn newlines(text: &str) -> i32 {
    i32::try_from(text.matches('\n').count()).unwrap_or(i32::MAX)
}

/// Something with a place in the text that edits elsewhere move.
pub trait Placed: PartialEq + Clone {
    fn from(&self) -> u32;
    /// The same, `by` UTF-16 units and `lines` lines further.
    fn moved(&self, by: i32, lines: i32) -> Self;
}

fn shift(offset: u32, by: i32) -> u32 {
    offset.saturating_add_signed(by)
}

impl Placed for Finding {
    fn from(&self) -> u32 {
        self.from
    }

    fn moved(&self, by: i32, lines: i32) -> Self {
        let mut moved = self.clone();
        moved.from = shift(self.from, by);
        moved.to = shift(self.to, by);
        moved.line = shift(self.line, lines);
        if let Some(fix) = &mut moved.fix {
            fix.from = shift(fix.from, by);
            fix.to = shift(fix.to, by);
        }
        moved
    }
}

impl Placed for SentenceReading {
    fn from(&self) -> u32 {
        self.from
    }

    fn moved(&self, by: i32, _lines: i32) -> Self {
        let mut moved = self.clone();
        moved.from = shift(self.from, by);
        moved.to = shift(self.to, by);
        moved
    }
}

/// How `new` differs from `old` after edits that `moved` things: the items both start with
/// stay, the items both end with (after the edits, moved) stay, the rest is replaced.
pub fn splice<T: Placed>(old: &[T], new: &[T], moved: Moved) -> Splice<T> {
    let kept_before = old
        .iter()
        .zip(new)
        .take_while(|(old, new)| old == new && old.from() < moved.from)
        .count();
    let kept_after = old[kept_before..]
        .iter()
        .rev()
        .zip(new[kept_before..].iter().rev())
        .take_while(|(old, new)| {
            old.from() >= moved.old_to && old.moved(moved.by, moved.lines) == **new
        })
        .count();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Splice {
        start: count(kept_before),
        deleted: count(old.len() - kept_before - kept_after),
        inserted: new[kept_before..new.len() - kept_after].to_vec(),
        by: moved.by,
        lines: moved.lines,
    }
}

impl AnalysisUpdate {
    /// `now` (of version `version`) told as a change of `before` after edits that `moved`
    /// things.
    pub fn between(before: &Analysis, now: Analysis, moved: Moved, version: u32) -> Self {
        AnalysisUpdate {
            version,
            findings: splice(&before.findings, &now.findings, moved),
            readings: splice(&before.readings, &now.readings, moved),
            figures: now.figures,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(from: u32, to: u32, insert: &str) -> TextEdit {
        TextEdit {
            from,
            to,
            insert: insert.into(),
        }
    }

    #[test]
    fn edits_apply_at_utf16_offsets() {
        // 𠮷 is two UTF-16 units, four bytes.
        let text = "𠮷野家です。\n本日は。";
        let (out, moved) = apply(text, &[edit(2, 3, "屋"), edit(8, 8, "晴天の")]).unwrap();
        assert_eq!(out, "𠮷屋家です。\n晴天の本日は。");
        assert_eq!(
            moved,
            Moved {
                from: 2,
                old_to: 8,
                by: 3,
                lines: 0
            }
        );
        let (out, moved) = apply("一。\n二。\n三。", &[edit(2, 5, "")]).unwrap();
        assert_eq!(
            (out.as_str(), moved.lines, moved.by),
            ("一。\n三。", -1, -3)
        );
        // Inside the surrogate pair, backwards, past the end: refused.
        for bad in [
            vec![edit(1, 1, "x")],
            vec![edit(3, 2, "x")],
            vec![edit(4, 4, "a"), edit(2, 2, "b")],
            vec![edit(99, 99, "x")],
        ] {
            assert_eq!(
                apply(text, &bad).unwrap_err().code,
                crate::ErrorCode::InvalidInput
            );
        }
    }

    fn reading(from: u32, kana: &str) -> SentenceReading {
        SentenceReading {
            from,
            to: from + 3,
            kana: kana.into(),
            morae: 3,
        }
    }

    #[test]
    fn a_splice_keeps_what_only_moved() {
        let old = [
            reading(0, "ア"),
            reading(10, "イ"),
            reading(20, "ウ"),
            reading(30, "エ"),
        ];
        // One unit typed inside the second sentence: it changes, the later ones move.
        let new = [
            reading(0, "ア"),
            reading(10, "イイ"),
            reading(21, "ウ"),
            reading(31, "エ"),
        ];
        let moved = Moved {
            from: 12,
            old_to: 12,
            by: 1,
            lines: 0,
        };
        let splice = splice(&old, &new, moved);
        assert_eq!((splice.start, splice.deleted), (1, 1));
        assert_eq!(splice.inserted, [reading(10, "イイ")]);
        assert_eq!(splice.by, 1);
        // Nothing changed: an empty splice.
        let same = super::splice(
            &old,
            &old,
            Moved {
                from: 40,
                old_to: 40,
                by: 0,
                lines: 0,
            },
        );
        assert_eq!((same.start, same.deleted, same.inserted.len()), (4, 0, 0));
    }
}
