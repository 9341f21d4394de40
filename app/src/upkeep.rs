//! Looking after the database: the daily backup and check, repairs, recovery of a corrupt
//! file, and every draft exported as files.

use crate::error::{AppError, ErrorCode};
use crate::state::{App, Location};
use crate::wire::{self};
use podium::store::{self, Store, DEFAULT_BACKUPS_KEPT};
use std::ops::ControlFlow;
use std::path::Path;

/// Today's backup of the database unless it is there (see [`Store::backup_if_due`]), made over
/// a connection of its own so that the app's commands do not wait for the copy. Run once at
/// start-up, off the main thread; `backups` reports a failure.
pub fn back_up_if_due(state: &App) {
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
pub fn repair_database(state: &App) -> Result<wire::Repaired, AppError> {
    let now = state.local_now();
    let repaired = state.mend_database(|path| store::repair(path, now).map_err(Into::into))?;
    state.record_damage(Vec::new());
    Ok(match repaired {
        store::Repair::Sound => wire::Repaired {
            sound: true,
            moved_aside: None,
        },
        store::Repair::Reindexed { .. } => wire::Repaired {
            sound: false,
            moved_aside: None,
        },
        store::Repair::Rebuilt { aside, .. } => wire::Repaired {
            sound: false,
            moved_aside: Some(aside.display().to_string()),
        },
    })
}

pub fn backups(state: &App) -> Result<wire::Backups, AppError> {
    let folder = match state.location() {
        Location::File(path) => store::backup_dir(path),
        Location::Memory => std::path::PathBuf::from("backups"),
        // A server is backed up by its own tools (pg_dump; docs/office-server.md).
        Location::Server(_) => return Err(store::StoreError::OnlyForFiles.into()),
        Location::Nowhere(error) => return Err(error.clone()),
    };
    let files = store::list_backups(&folder)?;
    Ok(wire::Backups {
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
    state: &App,
    choice: wire::RecoveryChoice,
) -> Result<wire::Recovered, AppError> {
    let now = state.local_now();
    state.replace_failed_database(|path, error| {
        if error.code != ErrorCode::DatabaseCorrupt {
            return Err(error.clone());
        }
        let backup = match choice {
            wire::RecoveryChoice::NewDatabase => None,
            wire::RecoveryChoice::NewestBackup => {
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
        Ok(wire::Recovered {
            moved_aside: aside.display().to_string(),
            restored_from: backup.map(|backup| backup.display().to_string()),
        })
    })
}

/// Every draft as `<title>.md` directly in `folder` (in the app, only a folder the user chose
/// in the folder dialog); existing files are never overwritten. `progress` hears
/// before each draft and at the end.
pub fn export_all(
    state: &App,
    folder: &Path,
    mut progress: impl FnMut(wire::ExportAllProgress),
) -> Result<wire::ExportAllReport, AppError> {
    let written = state.with_store(|store| {
        store.export_all(folder, |done, total| {
            let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            progress(wire::ExportAllProgress {
                done: count(done),
                total: count(total),
            });
            ControlFlow::Continue(())
        })
    })?;
    Ok(wire::ExportAllReport {
        folder: folder.display().to_string(),
        files: written
            .iter()
            .map(|draft| draft.path.display().to_string())
            .collect(),
        unfilled: written
            .into_iter()
            .filter(|draft| !draft.unfilled.is_empty())
            .map(|draft| wire::UnfilledDraft {
                title: draft.title,
                placeholders: draft.unfilled,
            })
            .collect(),
    })
}
