//! The office's workflow: a draft's status, its reviewers' comments, and who else has it
//! open (see `podium::store::workflow` for the rules).

use crate::error::AppError;
use crate::state::App;
use crate::wire::{self, check};
use podium::store::{DraftStatus, COMMENT_CHARS};

/// Longest quoted passage a comment keeps, in characters.
const QUOTE_CHARS: usize = 400;

/// Moves the draft to `status`; `reason` is required to reopen a settled draft.
pub fn set_status(
    state: &App,
    id: i64,
    status: DraftStatus,
    reason: String,
) -> Result<wire::Draft, AppError> {
    let id = check::id(id)?;
    check::short_text("理由", &reason, COMMENT_CHARS)?;
    state
        .with_store(|store| store.set_status(id, status, &reason, state.now()))
        .map(Into::into)
}

pub fn status_changes(state: &App, id: i64) -> Result<Vec<wire::StatusChange>, AppError> {
    let id = check::id(id)?;
    let changes = state.with_store(|store| store.status_changes(id))?;
    Ok(changes.into_iter().map(Into::into).collect())
}

pub fn add_comment(
    state: &App,
    id: i64,
    quote: String,
    body: String,
) -> Result<wire::Comment, AppError> {
    let id = check::id(id)?;
    check::short_text("引用", &quote, QUOTE_CHARS)?;
    check::short_text("コメント", &body, COMMENT_CHARS)?;
    if body.trim().is_empty() {
        return Err(AppError::invalid(
            "コメントを入力してください (the comment is empty)",
        ));
    }
    state
        .with_store(|store| store.add_comment(id, &quote, &body, state.now()))
        .map(Into::into)
}

pub fn comments(state: &App, id: i64) -> Result<Vec<wire::Comment>, AppError> {
    let id = check::id(id)?;
    let comments = state.with_store(|store| store.comments(id))?;
    Ok(comments.into_iter().map(Into::into).collect())
}

pub fn resolve_comment(state: &App, comment_id: i64) -> Result<wire::Comment, AppError> {
    let id = check::id(comment_id)?;
    state
        .with_store(|store| store.resolve_comment(id, state.now()))
        .map(Into::into)
}

/// Says this app has the draft open; returns who else has (by name).
pub fn present(state: &App, id: i64) -> Result<Vec<String>, AppError> {
    let id = check::id(id)?;
    state.with_store(|store| store.mark_present(id, state.now()))
}

/// Says this app closed the draft.
pub fn absent(state: &App, id: i64) -> Result<(), AppError> {
    let id = check::id(id)?;
    state.with_store(|store| store.mark_absent(id))
}
