//! The office's library: drafts, their revisions, templates and imports.

use crate::analysis::analyse_with;
use crate::error::{AppError, ErrorCode};
use crate::journal;
use crate::state::{App, Location};
use crate::wire::{self, check};
use podium::store::{self, Address};
use podium::templates::{Placeholders, Template};
use podium::{compose, templates};
use std::path::PathBuf;

/// Most hits a search returns.
pub const SEARCH_LIMIT: usize = 50;

pub fn app_info(state: &App) -> wire::AppInfo {
    wire::AppInfo {
        version: podium::VERSION.to_owned(),
        database_path: match state.location() {
            Location::File(path) => path.display().to_string(),
            Location::Server(address) => Address::Server(address.clone()).to_string(),
            Location::Memory => ":memory:".to_owned(),
            Location::Nowhere(_) => String::new(),
        },
        database_error: state.store_error(),
        lint_rules: podium::lint::Rule::ALL
            .iter()
            .map(|rule| rule.id().to_owned())
            .collect(),
    }
}

pub fn list_drafts(state: &App) -> Result<Vec<wire::DraftSummary>, AppError> {
    let drafts = state.with_store(|store| store.list_drafts())?;
    Ok(drafts.into_iter().map(Into::into).collect())
}

/// A blank query finds nothing.
pub fn search_drafts(state: &App, query: &str) -> Result<Vec<wire::SearchHit>, AppError> {
    check::query(query)?;
    let hits = state.with_store(|store| store.search(query, SEARCH_LIMIT))?;
    Ok(hits.into_iter().map(Into::into).collect())
}

pub fn get_draft(state: &App, id: i64) -> Result<wire::Draft, AppError> {
    let id = check::id(id)?;
    state.with_store(|store| store.draft(id)).map(Into::into)
}

pub fn list_templates() -> Vec<wire::TemplateInfo> {
    templates::builtin().iter().map(Into::into).collect()
}

pub fn create_draft(state: &App, values: wire::NewDraftValues) -> Result<wire::Draft, AppError> {
    let (template, placeholders) = check::new_draft(values)?;
    from_template(state, template, &placeholders).map(Into::into)
}

/// A new draft from a template (none: a blank draft) with its placeholders filled, timed and
/// checked as the live panel would.
pub fn from_template(
    state: &App,
    template: Option<&Template>,
    placeholders: &Placeholders,
) -> Result<store::Draft, AppError> {
    let options = state.settings().analysis_options();
    let draft = compose::from_template(template, placeholders, &|body| {
        analyse_with(state, body, &options)
    });
    state.with_store(|store| store.create_draft(&draft, state.now()))
}

/// The setting that says a library has had its sample address.
const SAMPLE_GIVEN: &str = "sampleGiven";

/// The sample address ([`templates::SAMPLE`]), once per library: made at the first start of a
/// library that holds no draft, not even in the trash, so that a new user opens on a draft
/// that shows the dialect. Deleted, it stays deleted; an office's shared library gets it once,
/// not once per PC. Returns the draft when it was made now.
pub fn give_sample(state: &App) -> Result<Option<store::Draft>, AppError> {
    let given = state.with_store(|store| store.get_setting::<bool>(SAMPLE_GIVEN))?;
    if given.unwrap_or(false) {
        return Ok(None);
    }
    let options = state.settings().analysis_options();
    let sample = compose::from_file(templates::SAMPLE.to_owned(), "", &|body| {
        analyse_with(state, body, &options)
    });
    state.with_store(|store| {
        let empty = store.list_drafts()?.is_empty() && store.trash()?.is_empty();
        store.set_setting(SAMPLE_GIVEN, &true)?;
        match empty {
            true => store.create_draft(&sample, state.now()).map(Some),
            false => Ok(None),
        }
    })
}

pub fn duplicate_draft(state: &App, id: i64) -> Result<wire::Draft, AppError> {
    let id = check::id(id)?;
    state
        .with_store(|store| {
            let title = compose::copy_title(&store.draft(id)?.title);
            store.duplicate_draft(id, &title, state.now())
        })
        .map(Into::into)
}

/// Saves the details; a new title also rewrites the text's `#` heading (see
/// [`compose::with_details`]). The draft's revision moves on (see docs/ipc.md).
pub fn update_draft_meta(
    state: &App,
    id: i64,
    meta: wire::DraftMeta,
) -> Result<wire::Draft, AppError> {
    let (id, details) = (check::id(id)?, check::draft_meta(meta)?);
    let options = state.settings().analysis_options();
    state
        .with_store(|store| {
            // Read and written under one lock, so that no save comes in between. The store,
            // then the dictionary: no command takes them the other way round.
            let current = store.draft(id)?;
            let edit = compose::with_details(&current, details, &|body| {
                analyse_with(state, body, &options)
            });
            let kind = podium::store::SaveKind::Autosave;
            store.save_draft(id, &edit, current.revision, kind, state.now())
        })
        .map(Into::into)
}

pub fn delete_draft(state: &App, id: i64) -> Result<(), AppError> {
    let id = check::id(id)?;
    state.with_store(|store| store.delete_draft(id, state.now()))
}

pub fn restore_draft(state: &App, id: i64) -> Result<(), AppError> {
    let id = check::id(id)?;
    state.with_store(|store| store.restore_draft(id))
}

/// The trash: deleted drafts, most recently deleted first, with the day each will be removed
/// for good (the settings' `trashDays` after its deletion).
pub fn list_trash(state: &App) -> Result<Vec<wire::TrashedDraft>, AppError> {
    let days = time::Duration::days(i64::from(state.settings().trash_days));
    let trashed = state.with_store(|store| store.trash())?;
    Ok(trashed
        .into_iter()
        .map(|(draft, deleted_at)| wire::TrashedDraft {
            draft: draft.into(),
            deleted_at: wire::instant(deleted_at),
            removed_after: wire::instant(deleted_at + days),
        })
        .collect())
}

/// Empties the trash now; returns how many drafts were removed for good.
pub fn empty_trash(state: &App) -> Result<usize, AppError> {
    state.with_store(|store| store.purge_deleted(state.now()))
}

/// Removes for good the drafts deleted more than the settings' `trashDays` ago (at start-up).
pub fn purge_expired(state: &App) -> Result<usize, AppError> {
    let days = time::Duration::days(i64::from(state.settings().trash_days));
    state.with_store(|store| store.purge_deleted(state.now() - days))
}

/// Imports files: `files` holds each path as the front end named it, with the file to read or
/// why it cannot be read (the shell refuses paths the user never chose before this). Every
/// file is read and checked first; the readable ones are imported together (all or none), the
/// others listed with the reason. Nothing is written for a refused file. What a file had that
/// its draft leaves out (a Word document's tables, comments, tracked changes) is in the
/// report's `notes`.
pub fn import_files(
    state: &App,
    files: Vec<(String, Result<PathBuf, AppError>)>,
) -> Result<wire::ImportReport, AppError> {
    let options = state.settings().analysis_options();
    let analyse = |body: &str| analyse_with(state, body, &options);
    let (mut drafts, mut read, mut failed) = (Vec::new(), Vec::new(), Vec::new());
    for (path, file) in files {
        match file.and_then(|file| compose::read_file(&file, &analyse).map_err(Into::into)) {
            Ok(file) => {
                drafts.push(file.draft);
                read.push((path, file.notes));
            }
            Err(error) => failed.push(wire::ImportFailure {
                message: error.to_string(),
                path,
            }),
        }
    }
    let created = store_new(state, &drafts)?;
    let notes = created
        .iter()
        .zip(read)
        .filter(|(_, (_, notes))| !notes.is_empty())
        .map(|(draft, (path, notes))| wire::ImportNotes {
            path,
            draft_id: draft.id,
            title: draft.title.clone(),
            notes,
        })
        .collect();
    let imported = created.iter().map(Into::into).collect();
    Ok(wire::ImportReport {
        imported,
        failed,
        notes,
    })
}

/// What the editor inserts for a paste: Word's (or LibreOffice's) HTML in the dialect, as an
/// import of the same document gives it, with its notes; any other clipboard's plain text.
pub fn paste_html(html: &str, text: &str) -> Result<wire::Pasted, AppError> {
    podium::input::paste(html, text).map_err(Into::into)
}

/// New drafts from texts (each with the name of its file, which titles a draft without a
/// heading), timed and checked as the live panel would, stored together (all or none).
pub fn import_texts(
    state: &App,
    sources: Vec<(String, String)>,
) -> Result<Vec<store::Draft>, AppError> {
    let options = state.settings().analysis_options();
    let analyse = |body: &str| analyse_with(state, body, &options);
    let drafts: Vec<_> = sources
        .into_iter()
        .map(|(stem, text)| compose::from_file(text, &stem, &analyse))
        .collect();
    store_new(state, &drafts)
}

fn store_new(state: &App, drafts: &[store::DraftEdit]) -> Result<Vec<store::Draft>, AppError> {
    match drafts.is_empty() {
        true => Ok(Vec::new()),
        false => state.with_store(|store| store.import_drafts(drafts, state.now())),
    }
}

/// A save based on a stale revision fails with `conflict`; its text is kept in the history.
/// The library's figures are the live panel's (in morae when the dictionary is ready). When
/// the library's server cannot be reached, the text goes to this PC's journal and the save
/// answers `journaled` (see [`crate::journal`]).
pub fn save_draft(
    state: &App,
    id: i64,
    body: String,
    base_revision: u32,
    kind: wire::SaveKind,
) -> Result<wire::Saved, AppError> {
    let saved = save_to_store(state, id, body.clone(), base_revision, kind.clone());
    let Some(folder) = state.journal() else {
        return saved;
    };
    match saved {
        Ok(saved) => {
            journal::forget(&folder, id)?;
            Ok(saved)
        }
        Err(error) if error.code == ErrorCode::ServerUnreachable => {
            let options = state.settings().analysis_options();
            let analysis = analyse_with(state, &body, &options);
            let stats = store::DraftStats::from(&analysis.timing);
            journal::keep(
                &folder,
                &journal::Entry {
                    draft_id: id,
                    base_revision,
                    body,
                    kind,
                },
            )?;
            Ok(wire::Saved {
                revision: base_revision,
                title: analysis.title.unwrap_or_default().trim().to_owned(),
                updated_at: wire::instant(state.now()),
                chars: stats.chars,
                seconds: stats.seconds,
                journaled: true,
            })
        }
        Err(error) => Err(error),
    }
}

/// Saves every text kept in the journal while the server was away (see [`crate::journal`]).
pub fn replay_journal(state: &App) -> Result<journal::Replayed, AppError> {
    let Some(folder) = state.journal() else {
        return Ok(journal::Replayed::default());
    };
    let mut replayed = journal::Replayed::default();
    for entry in journal::entries(&folder) {
        let saved = save_to_store(
            state,
            entry.draft_id,
            entry.body.clone(),
            entry.base_revision,
            entry.kind.clone(),
        );
        match saved {
            Ok(_) => {
                journal::forget(&folder, entry.draft_id)?;
                replayed.saved.push(entry.draft_id);
            }
            Err(error)
                if error.code == ErrorCode::Conflict || error.code == ErrorCode::DraftLocked =>
            {
                journal::forget(&folder, entry.draft_id)?;
                replayed.conflicts.push(entry.draft_id);
            }
            // Out of reach, or anything else (the draft purged meanwhile): kept, never lost.
            Err(_) => replayed.waiting += 1,
        }
    }
    Ok(replayed)
}

/// [`save_draft`] on the store itself, without the journal.
pub(crate) fn save_to_store(
    state: &App,
    id: i64,
    body: String,
    base_revision: u32,
    kind: wire::SaveKind,
) -> Result<wire::Saved, AppError> {
    let id = check::id(id)?;
    check::body(&body)?;
    check::save_kind(&kind)?;
    let current = state.with_store(|store| store.draft(id))?;
    let options = state.settings().analysis_options();
    let edit = compose::with_body(&current, body, &|body| analyse_with(state, body, &options));
    state
        .with_store(|store| store.save_draft(id, &edit, base_revision, kind.into(), state.now()))
        .map(Into::into)
}

pub fn list_revisions(state: &App, id: i64) -> Result<Vec<wire::RevisionSummary>, AppError> {
    let id = check::id(id)?;
    let revisions = state.with_store(|store| store.revisions(id))?;
    Ok(revisions.into_iter().map(Into::into).collect())
}

pub fn get_revision(state: &App, revision_id: i64) -> Result<wire::Revision, AppError> {
    let id = check::id(revision_id)?;
    state.with_store(|store| store.revision(id)).map(Into::into)
}

/// The draft takes the revision's text; the restore is itself a revision.
pub fn restore_revision(state: &App, revision_id: i64) -> Result<wire::Draft, AppError> {
    let id = check::id(revision_id)?;
    state
        .with_store(|store| store.restore_revision(id, state.now()))
        .map(Into::into)
}
