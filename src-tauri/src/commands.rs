//! The commands of docs/ipc.md as plain functions over [`AppState`]: check the arguments,
//! call the core, convert the result. The Tauri adapters in `invoke.rs` only forward to them,
//! so tests run every command without a window (see `tests.rs`).

use crate::error::{AppError, ErrorCode};
use crate::grants::Access;
use crate::ipc::{self, check};
use crate::state::{AppState, Location};
use podium::analysis::{Analysis, AnalysisOptions};
use podium::prompter::PrompterSettings;
use podium::settings::Settings;
use podium::store::{self, ReadingEntry, Store, DEFAULT_BACKUPS_KEPT};
use podium::{compose, export, rehearsal, script, templates, timing};
use std::ops::ControlFlow;
use std::path::Path;

/// Most hits a search returns.
pub const SEARCH_LIMIT: usize = 50;

pub fn app_info(state: &AppState) -> ipc::AppInfo {
    ipc::AppInfo {
        version: podium::VERSION.to_owned(),
        database_path: match state.location() {
            Location::File(path) => path.display().to_string(),
            #[cfg(test)]
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

pub fn list_drafts(state: &AppState) -> Result<Vec<ipc::DraftSummary>, AppError> {
    let drafts = state.with_store(|store| store.list_drafts())?;
    Ok(drafts.into_iter().map(Into::into).collect())
}

/// A blank query finds nothing.
pub fn search_drafts(state: &AppState, query: &str) -> Result<Vec<ipc::SearchHit>, AppError> {
    check::query(query)?;
    let hits = state.with_store(|store| store.search(query, SEARCH_LIMIT))?;
    Ok(hits.into_iter().map(Into::into).collect())
}

pub fn get_draft(state: &AppState, id: i64) -> Result<ipc::Draft, AppError> {
    let id = check::id(id)?;
    state.with_store(|store| store.draft(id)).map(Into::into)
}

pub fn list_templates() -> Vec<ipc::TemplateInfo> {
    templates::builtin().iter().map(Into::into).collect()
}

pub fn create_draft(state: &AppState, values: ipc::NewDraftValues) -> Result<ipc::Draft, AppError> {
    let (template, placeholders) = check::new_draft(values)?;
    let options = state.settings().analysis_options();
    let draft = compose::from_template(template, &placeholders, &|body| {
        analysis_of(state, body, &options)
    });
    state
        .with_store(|store| store.create_draft(&draft, state.now()))
        .map(Into::into)
}

pub fn duplicate_draft(state: &AppState, id: i64) -> Result<ipc::Draft, AppError> {
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
    state: &AppState,
    id: i64,
    meta: ipc::DraftMeta,
) -> Result<ipc::Draft, AppError> {
    let (id, details) = (check::id(id)?, check::draft_meta(meta)?);
    let options = state.settings().analysis_options();
    state
        .with_store(|store| {
            // Read and written under one lock, so that no save comes in between. The store,
            // then the dictionary: no command takes them the other way round.
            let current = store.draft(id)?;
            let edit = compose::with_details(&current, details, &|body| {
                analysis_of(state, body, &options)
            });
            let kind = podium::store::SaveKind::Autosave;
            store.save_draft(id, &edit, current.revision, kind, state.now())
        })
        .map(Into::into)
}

pub fn delete_draft(state: &AppState, id: i64) -> Result<(), AppError> {
    let id = check::id(id)?;
    state.with_store(|store| store.delete_draft(id, state.now()))
}

pub fn restore_draft(state: &AppState, id: i64) -> Result<(), AppError> {
    let id = check::id(id)?;
    state.with_store(|store| store.restore_draft(id))
}

/// The files the user chose in the open dialog (`dialogs.rs`), granted for reading: their
/// canonical paths, for `import_files`.
pub fn choose_import_files(
    state: &AppState,
    chosen: Vec<std::path::PathBuf>,
) -> Result<Vec<String>, AppError> {
    check::import_paths(&chosen)?;
    chosen
        .iter()
        .map(|path| grant(state, Access::ReadFile, path))
        .collect()
}

/// The file the user chose in the save dialog, granted for writing (`None`: cancelled).
pub fn choose_export_path(
    state: &AppState,
    chosen: Option<std::path::PathBuf>,
) -> Result<Option<String>, AppError> {
    chosen
        .map(|path| grant(state, Access::WriteFile, &path))
        .transpose()
}

/// The folder the user chose, granted for creating files in it (`None`: cancelled).
pub fn choose_folder(
    state: &AppState,
    chosen: Option<std::path::PathBuf>,
) -> Result<Option<String>, AppError> {
    chosen
        .map(|path| grant(state, Access::WriteIntoFolder, &path))
        .transpose()
}

/// Records the grant; the canonical path as the UI passes it back.
fn grant(state: &AppState, access: Access, chosen: &Path) -> Result<String, AppError> {
    let granted = state.grants.grant(access, chosen)?;
    granted.into_os_string().into_string().map_err(|path| {
        AppError::invalid(format!(
            "このファイル名は扱えません (the path is not valid Unicode: {})",
            path.to_string_lossy()
        ))
    })
}

/// Only files the user chose in the open dialog (else `not_permitted`, nothing read). Every
/// file is read and checked first; the readable ones are imported together (all or none), the
/// others listed with the reason. Nothing is written for a refused file.
pub fn import_files(state: &AppState, paths: Vec<String>) -> Result<ipc::ImportReport, AppError> {
    check::import_paths(&paths)?;
    let mut granted = Vec::with_capacity(paths.len());
    for path in paths {
        match state.grants.check(Access::ReadFile, &path) {
            Err(e) if matches!(e.code, ErrorCode::NotPermitted | ErrorCode::InvalidInput) => {
                return Err(e)
            }
            checked => granted.push((path, checked)),
        }
    }
    let options = state.settings().analysis_options();
    let (mut drafts, mut failed) = (Vec::new(), Vec::new());
    for (path, checked) in granted {
        let read = checked.and_then(|file| {
            compose::read_file(&file, &|body| analysis_of(state, body, &options))
                .map_err(AppError::from)
        });
        match read {
            Ok(draft) => drafts.push(draft),
            Err(error) => failed.push(ipc::ImportFailure {
                message: error.to_string(),
                path,
            }),
        }
    }
    let created = match drafts.is_empty() {
        true => Vec::new(),
        false => state.with_store(|store| store.import_drafts(&drafts, state.now()))?,
    };
    let imported = created.iter().map(Into::into).collect();
    Ok(ipc::ImportReport { imported, failed })
}

/// A save based on a stale revision fails with `conflict`; its text is kept in the history.
/// The library's figures are the live panel's (in morae when the dictionary is ready).
pub fn save_draft(
    state: &AppState,
    id: i64,
    body: String,
    base_revision: u32,
    kind: ipc::SaveKind,
) -> Result<ipc::Saved, AppError> {
    let id = check::id(id)?;
    check::body(&body)?;
    check::save_kind(&kind)?;
    let current = state.with_store(|store| store.draft(id))?;
    let options = state.settings().analysis_options();
    let edit = compose::with_body(&current, body, &|body| analysis_of(state, body, &options));
    state
        .with_store(|store| store.save_draft(id, &edit, base_revision, kind.into(), state.now()))
        .map(Into::into)
}

pub fn list_revisions(state: &AppState, id: i64) -> Result<Vec<ipc::RevisionSummary>, AppError> {
    let id = check::id(id)?;
    let revisions = state.with_store(|store| store.revisions(id))?;
    Ok(revisions.into_iter().map(Into::into).collect())
}

pub fn get_revision(state: &AppState, revision_id: i64) -> Result<ipc::Revision, AppError> {
    let id = check::id(revision_id)?;
    state.with_store(|store| store.revision(id)).map(Into::into)
}

/// The draft takes the revision's text; the restore is itself a revision.
pub fn restore_revision(state: &AppState, revision_id: i64) -> Result<ipc::Draft, AppError> {
    let id = check::id(revision_id)?;
    state
        .with_store(|store| store.restore_revision(id, state.now()))
        .map(Into::into)
}

/// Reading time and findings with the pace and limits of the settings; with the dictionary,
/// in morae, with the readings and the word rules. Needs no database.
pub fn analyse(state: &AppState, body: &str) -> Result<ipc::Analysis, AppError> {
    check::body(body)?;
    let options = state.settings().analysis_options();
    let (analysis, status) = state.lexicon.analyse(body, &options);
    let mut out = ipc::Analysis::new(&analysis, body);
    out.dictionary = status;
    Ok(out)
}

/// The office's reading dictionary, by written form.
pub fn list_readings(state: &AppState) -> Result<Vec<ipc::ReadingEntry>, AppError> {
    let entries = state.with_store(|store| store.readings())?;
    Ok(entries.into_iter().map(Into::into).collect())
}

/// Add a word's reading (hiragana or katakana), or change it; the list after the change.
pub fn put_reading(
    state: &AppState,
    written: &str,
    reading: &str,
) -> Result<Vec<ipc::ReadingEntry>, AppError> {
    let entry =
        ReadingEntry::new(written, reading).map_err(|e| AppError::invalid(e.to_string()))?;
    state.with_store(|store| store.put_reading(&entry))?;
    refresh_readings(state)
}

/// Remove a word's reading; the list after the change.
pub fn delete_reading(state: &AppState, written: &str) -> Result<Vec<ipc::ReadingEntry>, AppError> {
    state.with_store(|store| store.delete_reading(written))?;
    refresh_readings(state)
}

/// Analysis reads with the stored readings from now on; the list, for the editor.
pub fn refresh_readings(state: &AppState) -> Result<Vec<ipc::ReadingEntry>, AppError> {
    let user = state.with_store(|store| store.user_readings())?;
    state.lexicon.set_user_readings(user);
    list_readings(state)
}

/// `ruby: None` is the profile's default (plain text: 漢字（かんじ）, else `<ruby>`);
/// `summary`: the blog's 要旨 as the writer edited it (`None`: made from the draft).
pub fn export_text(
    state: &AppState,
    body: &str,
    profile: ipc::ExportProfile,
    ruby: Option<ipc::RubyStyle>,
    summary: Option<Vec<String>>,
) -> Result<String, AppError> {
    check::body(body)?;
    if let Some(lines) = &summary {
        check::summary(lines)?;
    }
    let mut options = state
        .settings()
        .export_options(profile.into(), ruby.map(Into::into));
    options.blog_summary = summary;
    Ok(export::export(&script::parse(body), &options))
}

/// The blog's 要旨 made from the draft, a line each, for the writer to edit.
pub fn blog_summary(body: &str) -> Result<Vec<String>, AppError> {
    check::body(body)?;
    Ok(export::summary::lines(&script::parse(body)))
}

/// Writes exactly the file the user chose in the save dialog (else `not_permitted`),
/// atomically: a temporary file beside it, renamed.
pub fn save_export(state: &AppState, path: &str, contents: &str) -> Result<(), AppError> {
    check::export_contents(contents)?;
    let path = state.grants.check(Access::WriteFile, path)?;
    export::write_file_atomically(&path, contents.as_bytes()).map_err(Into::into)
}

pub fn get_settings(state: &AppState) -> ipc::Settings {
    state.settings().into()
}

pub fn set_settings(state: &AppState, settings: ipc::Settings) -> Result<ipc::Settings, AppError> {
    state.set_settings(settings.into()).map(Into::into)
}

/// The draft as the prompter reads it: the core's `Script` as plain data, every sentence timed
/// as the live panel times it (the settings' pace, in morae when the dictionary is ready).
pub fn prompter_script(state: &AppState, id: i64) -> Result<ipc::PrompterScript, AppError> {
    let id = check::id(id)?;
    let draft = state.with_store(|store| store.draft(id))?;
    let script = script::parse(&draft.body);
    let options = state.settings().analysis_options();
    let timing = analysis_of(state, &draft.body, &options).timing;
    Ok(ipc::PrompterScript::new(&script, &timing, &draft))
}

/// The stored prompter settings; the defaults when the database is unavailable.
pub fn get_prompter_settings(state: &AppState) -> ipc::PrompterSettings {
    state
        .with_store(|store| PrompterSettings::load(store))
        .unwrap_or_default()
        .into()
}

pub fn set_prompter_settings(
    state: &AppState,
    settings: ipc::PrompterSettings,
) -> Result<ipc::PrompterSettings, AppError> {
    let settings = PrompterSettings::from(settings);
    state.with_store(|store| settings.save(store))?;
    Ok(settings.into())
}

/// Stores a rehearsal of the draft at `revision`: `section_seconds[i]` is the time spent on
/// section `i` (0: not read). Beside it, the estimate of the draft's current text in
/// characters and, when the dictionary is ready, in morae.
pub fn save_rehearsal(
    state: &AppState,
    id: i64,
    revision: u32,
    section_seconds: Vec<f64>,
) -> Result<ipc::RehearsalSummary, AppError> {
    let id = check::id(id)?;
    ipc::check_section_seconds(&section_seconds)?;
    let draft = state.with_store(|store| store.draft(id))?;
    let script = script::parse(&draft.body);
    let options = state.settings().analysis_options();
    let chars = timing::estimate(&script, &options.timing);
    let analysis = analysis_of(state, &draft.body, &options);
    let morae = analysis.morae.map(|_| analysis.timing);
    let runs = rehearsal::sections(&chars, morae.as_ref(), &section_seconds);
    let stored = state.with_store(|store| {
        store.save_rehearsal(id, revision, state.now(), &runs)?;
        store.rehearsals(id)
    })?;
    Ok(rehearsal_summary_of(state, &draft, &stored))
}

/// The draft's rehearsals, the measured paces and the estimate at those paces.
pub fn rehearsal_summary(state: &AppState, id: i64) -> Result<ipc::RehearsalSummary, AppError> {
    let id = check::id(id)?;
    let (draft, runs) = state.with_store(|store| {
        Ok::<_, store::StoreError>((store.draft(id)?, store.rehearsals(id)?))
    })?;
    Ok(rehearsal_summary_of(state, &draft, &runs))
}

/// The calibrated estimate is what the live panel shows once the measured paces are adopted
/// (the pace in morae stays when no run was timed in morae).
fn rehearsal_summary_of(
    state: &AppState,
    draft: &podium::store::Draft,
    runs: &[rehearsal::Rehearsal],
) -> ipc::RehearsalSummary {
    let settings = state.settings();
    ipc::RehearsalSummary::new(runs, |pace_cpm, pace_mpm| {
        let adopted = Settings {
            pace_cpm,
            pace_mpm: pace_mpm.unwrap_or(settings.pace_mpm),
            ..settings.clone()
        };
        analysis_of(state, &draft.body, &adopted.analysis_options())
            .timing
            .seconds
    })
}

/// The live panel's analysis of a text (the Lexicon's analyser, in morae when the dictionary
/// is ready): the figures the library, the prompter and the rehearsals keep come from it, and
/// it re-checks only what changed since the editor's last analysis.
fn analysis_of(state: &AppState, body: &str, options: &AnalysisOptions) -> Analysis {
    state.lexicon.analyse(body, options).0
}

/// Today's backup of the database unless it is there (see [`Store::backup_if_due`]), made over
/// a connection of its own so that the app's commands do not wait for the copy. Run once at
/// start-up, off the main thread; `backups` reports a failure.
pub fn back_up_if_due(state: &AppState) {
    let Location::File(path) = state.location() else {
        return;
    };
    let outcome = Store::open(path)
        .and_then(|store| {
            // The full check (what the check at open does not see), as `podium doctor` runs it.
            state.record_damage(store.integrity_problems()?);
            let folder = store::backup_dir(path);
            store.backup_if_due(&folder, state.local_now(), DEFAULT_BACKUPS_KEPT)
        })
        .map(|_| ())
        .map_err(|error| error.to_string());
    state.record_backup(outcome);
}

/// Mends what the full check found, as `podium doctor --recover` does: the indexes first,
/// else a rebuild into a new file with the damaged one kept aside.
pub fn repair_database(state: &AppState) -> Result<ipc::Repaired, AppError> {
    let now = state.local_now();
    let repaired = state.mend_database(|path| store::repair(path, now).map_err(Into::into))?;
    state.record_damage(Vec::new());
    Ok(match repaired {
        store::Repair::Sound => ipc::Repaired {
            sound: true,
            moved_aside: None,
        },
        store::Repair::Reindexed { .. } => ipc::Repaired {
            sound: false,
            moved_aside: None,
        },
        store::Repair::Rebuilt { aside, .. } => ipc::Repaired {
            sound: false,
            moved_aside: Some(aside.display().to_string()),
        },
    })
}

pub fn backups(state: &AppState) -> Result<ipc::Backups, AppError> {
    let folder = match state.location() {
        Location::File(path) => store::backup_dir(path),
        #[cfg(test)]
        Location::Memory => std::path::PathBuf::from("backups"),
        Location::Nowhere(error) => return Err(error.clone()),
    };
    let files = store::list_backups(&folder)?;
    Ok(ipc::Backups {
        folder: folder.display().to_string(),
        files: files
            .iter()
            .map(|file| file.display().to_string())
            .collect(),
        error: state.backup_error(),
        damage: state.damage(),
    })
}

/// Only for a database that fails to open as corrupt: moves it aside (every byte kept) and
/// puts the newest backup or a new, empty database in its place.
pub fn recover_database(
    state: &AppState,
    choice: ipc::RecoveryChoice,
) -> Result<ipc::Recovered, AppError> {
    let now = state.local_now();
    state.replace_failed_database(|path, error| {
        if error.code != ErrorCode::DatabaseCorrupt {
            return Err(error.clone());
        }
        let backup = match choice {
            ipc::RecoveryChoice::NewDatabase => None,
            ipc::RecoveryChoice::NewestBackup => {
                let newest = store::list_backups(&store::backup_dir(path))?
                    .into_iter()
                    .next();
                Some(newest.ok_or_else(|| {
                    AppError::new(
                        ErrorCode::NotFound,
                        "バックアップがまだありません (there is no backup yet)",
                    )
                })?)
            }
        };
        let aside = store::recover_corrupt(path, now)?;
        if let Some(backup) = &backup {
            store::restore_backup(backup, path)?;
        }
        Ok(ipc::Recovered {
            moved_aside: aside.display().to_string(),
            restored_from: backup.map(|backup| backup.display().to_string()),
        })
    })
}

/// Every draft as `<title>.md` directly in `folder`, which the user chose in the folder
/// dialog (else `not_permitted`); existing files are never overwritten. `progress` hears
/// before each draft and at the end.
pub fn export_all(
    state: &AppState,
    folder: &str,
    mut progress: impl FnMut(ipc::ExportAllProgress),
) -> Result<ipc::ExportAllReport, AppError> {
    let folder = state.grants.check(Access::WriteIntoFolder, folder)?;
    let written = state.with_store(|store| {
        store.export_all(&folder, |done, total| {
            let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            progress(ipc::ExportAllProgress {
                done: count(done),
                total: count(total),
            });
            ControlFlow::Continue(())
        })
    })?;
    Ok(ipc::ExportAllReport {
        folder: folder.display().to_string(),
        files: written
            .iter()
            .map(|draft| draft.path.display().to_string())
            .collect(),
    })
}
