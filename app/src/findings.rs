//! Findings a writer has judged: one dismissed (per draft, with the text it was about, so that
//! an edit of that text brings it back) and rules a draft does not use. The store keeps them;
//! this module is the one place that applies them to the analysis the editor receives — the
//! whole analysis and the keystroke's splices alike, since both are made from the analysis
//! [`apply`] filtered (`analysis::live_analysis`).
//!
//! A finding is identified by its rule, its own text (the quote) and the source line(s) it sits
//! on (the passage): never a position, so it stays dismissed when text around it moves, and
//! comes back when its line is edited (undoing the edit hides it again).

use crate::error::{AppError, ErrorCode};
use crate::state::{lock, App, Judged};
use crate::wire::check;
use podium::lint::{Finding, Rule};

/// What the store holds for `draft` (nothing for a text of no draft).
pub(crate) fn load(state: &App, draft: Option<i64>) -> Result<Judged, AppError> {
    let Some(id) = draft else {
        return Ok(Judged::default());
    };
    let (dismissals, rules_off) = state.with_store(|store| {
        Ok::<_, podium::store::StoreError>((store.dismissals(id)?, store.rules_off(id)?))
    })?;
    Ok(Judged {
        draft,
        dismissed: dismissals
            .into_iter()
            .map(|d| (d.rule, d.quote, d.passage))
            .collect(),
        rules_off: rules_off.into_iter().map(|off| off.rule).collect(),
    })
}

/// The one filter: drops the findings of the rules the draft does not use, and takes the
/// dismissed ones out of `findings`, returning them (the panel shows them collapsed).
pub fn apply(judged: &Judged, body: &str, findings: &mut Vec<Finding>) -> Vec<Finding> {
    if judged.dismissed.is_empty() && judged.rules_off.is_empty() {
        return Vec::new();
    }
    findings.retain(|finding| !judged.rules_off.iter().any(|id| id == finding.rule.id()));
    if judged.dismissed.is_empty() {
        return Vec::new();
    }
    let mut checked = Vec::new();
    findings.retain(|finding| {
        let rule = finding.rule.id();
        if !judged.dismissed.iter().any(|(r, _, _)| r == rule) {
            return true;
        }
        let (quote, passage) = texts(body, finding.span.start(), finding.span.end());
        let dismissed = judged
            .dismissed
            .iter()
            .any(|(r, q, p)| r == rule && q == quote && p == passage);
        if dismissed {
            checked.push(finding.clone());
        }
        !dismissed
    });
    checked
}

/// A finding's own text and the whole line(s) it sits on, from byte offsets of `body`.
fn texts(body: &str, start: usize, end: usize) -> (&str, &str) {
    let end = end.min(body.len());
    let start = start.min(end);
    let line_start = body[..start].rfind('\n').map_or(0, |at| at + 1);
    let line_end = body[end..].find('\n').map_or(body.len(), |at| end + at);
    (&body[start..end], &body[line_start..line_end])
}

/// The byte offset of a UTF-16 offset of `text`; `None` inside a character or past the end.
fn byte_of(text: &str, utf16: u32) -> Option<usize> {
    let mut units = 0u32;
    for (at, c) in text.char_indices() {
        if units == utf16 {
            return Some(at);
        }
        if units > utf16 {
            return None;
        }
        units += u32::try_from(c.len_utf16()).ok()?;
    }
    (units == utf16).then_some(text.len())
}

/// The finding of `rule` at `from..to` (UTF-16 offsets) of the text the editor analysed as
/// `version`: its rule, quote and passage. `conflict` when another text was analysed since.
fn finding_at(
    state: &App,
    draft: i64,
    version: u32,
    rule: &str,
    from: u32,
    to: u32,
) -> Result<(String, String, String), AppError> {
    let rule = Rule::from_id(rule)
        .ok_or_else(|| AppError::invalid(format!("規則「{rule}」はありません (no such rule)")))?;
    let editing = lock(&state.editing);
    let current = editing
        .as_ref()
        .filter(|e| e.version == version && e.judged.draft == Some(draft))
        .ok_or_else(|| {
            AppError::new(
                ErrorCode::Conflict,
                "本文が変わりました。もう一度お試しください (the text changed; try again)",
            )
        })?;
    let bad =
        || AppError::invalid("指摘の位置が本文と合いません (the finding does not fit the text)");
    let start = byte_of(&current.body, from).ok_or_else(bad)?;
    let end = byte_of(&current.body, to).ok_or_else(bad)?;
    if start > end {
        return Err(bad());
    }
    let (quote, passage) = texts(&current.body, start, end);
    Ok((rule.id().to_owned(), quote.to_owned(), passage.to_owned()))
}

/// Dismisses the finding of `rule` at `from..to` in the text analysed as `version` of the
/// draft. The next analysis leaves it out (and lists it as checked).
pub fn dismiss_finding(
    state: &App,
    draft: i64,
    version: u32,
    rule: &str,
    from: u32,
    to: u32,
) -> Result<(), AppError> {
    let draft = check::id(draft)?;
    let (rule, quote, passage) = finding_at(state, draft, version, rule, from, to)?;
    state.with_store(|store| store.dismiss_finding(draft, &rule, &quote, &passage, state.now()))?;
    reload(state, draft)
}

/// Takes back the dismissal of the checked finding of `rule` at `from..to` in the text
/// analysed as `version`: it shows again.
pub fn undo_dismissal(
    state: &App,
    draft: i64,
    version: u32,
    rule: &str,
    from: u32,
    to: u32,
) -> Result<(), AppError> {
    let draft = check::id(draft)?;
    let (rule, quote, passage) = finding_at(state, draft, version, rule, from, to)?;
    state.with_store(|store| store.undo_dismissal(draft, &rule, &quote, &passage))?;
    reload(state, draft)
}

/// Turns `rule` off for the draft (or on again), beside the settings' `lintOff` for all.
pub fn set_draft_rule_off(state: &App, draft: i64, rule: &str, off: bool) -> Result<(), AppError> {
    let draft = check::id(draft)?;
    let rule = Rule::from_id(rule)
        .ok_or_else(|| AppError::invalid(format!("規則「{rule}」はありません (no such rule)")))?;
    state.with_store(|store| store.set_rule_off(draft, rule.id(), off, state.now()))?;
    reload(state, draft)
}

/// The open draft's judgements read again (the store first, then the editor's state: the two
/// are never held together).
fn reload(state: &App, draft: i64) -> Result<(), AppError> {
    let judged = load(state, Some(draft))?;
    if let Some(editing) = lock(&state.editing)
        .as_mut()
        .filter(|e| e.judged.draft == Some(draft))
    {
        editing.judged = judged;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_the_span_and_its_whole_lines() {
        let body = "# 題\n一文目。二文目。\n三行目。";
        let start = body.find("二文目").unwrap();
        let (quote, passage) = texts(body, start, start + "二文目".len());
        assert_eq!((quote, passage), ("二文目", "一文目。二文目。"));
        let (_, last) = texts(body, body.len(), body.len());
        assert_eq!(last, "三行目。");
    }

    #[test]
    fn utf16_offsets_become_bytes() {
        let text = "𠮷野家";
        assert_eq!(byte_of(text, 0), Some(0));
        assert_eq!(byte_of(text, 1), None);
        assert_eq!(byte_of(text, 2), Some(4));
        assert_eq!(byte_of(text, 4), Some(text.len()));
        assert_eq!(byte_of(text, 5), None);
    }
}
