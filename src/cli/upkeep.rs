//! Looking after the library database: `doctor` (check, recover a corrupt file, back up) and
//! `export-all` (every draft as a Markdown file).

use super::library::{open_store, store_failure};
use super::{db_path, shown, Failure, Outcome};
use clap::Args;
use podium::store::{self, Store, StoreError, DEFAULT_BACKUPS_KEPT};
use std::ops::ControlFlow;
use std::path::PathBuf;
use time::OffsetDateTime;

/// Local time, for names a person reads (backups, files moved aside).
fn local_now() -> OffsetDateTime {
    OffsetDateTime::now_local().unwrap_or_else(|_| OffsetDateTime::now_utc())
}

#[derive(Args)]
pub struct DoctorArgs {
    /// 壊れたデータベースを別名で残し、新しいデータベースを作る
    /// (move a corrupt database aside, keeping it, and start a new one)
    #[arg(long)]
    recover: bool,
    /// 今日のバックアップがなければ作る (make today's backup if there is none)
    #[arg(long)]
    backup: bool,
    /// データベース (database file; default: $PODIUM_DB or the OS data directory)
    #[arg(long)]
    db: Option<PathBuf>,
}

pub fn doctor(args: DoctorArgs) -> Outcome {
    let path = db_path(args.db)?;
    let store = match Store::open(&path) {
        Ok(store) => store,
        Err(StoreError::Corrupt) if args.recover => {
            let aside = store::recover_corrupt(&path, local_now())
                .map_err(|e| Failure::runtime(format!("{}: {e}", path.display())))?;
            out!(
                "壊れたデータベースを {} に移しました（削除はしていません）\
                 (moved the damaged database to {}; nothing was deleted)",
                aside.display(),
                aside.display()
            );
            let store = Store::open(&path).map_err(|e| store_failure(&path, e))?;
            out!(
                "新しいデータベースを作りました (started a new database): {}",
                path.display()
            );
            store
        }
        Err(error) => return Err(store_failure(&path, error)),
    };
    let problems = store
        .integrity_problems()
        .map_err(|e| store_failure(&path, e))?;
    if !problems.is_empty() {
        for problem in &problems {
            note!("podium: {}: {problem}", path.display());
        }
        return Err(store_failure(&path, StoreError::Corrupt));
    }
    let drafts = store.list_drafts().map_err(|e| store_failure(&path, e))?;
    out!(
        "{}: 正常です（原稿 {} 件）(sound; {} drafts)",
        path.display(),
        drafts.len(),
        drafts.len()
    );
    let backups = store::backup_dir(&path);
    if args.backup {
        let made = store
            .backup_if_due(&backups, local_now(), DEFAULT_BACKUPS_KEPT)
            .map_err(|e| Failure::runtime(format!("{}: {e}", backups.display())))?;
        match made {
            Some(copy) => out!("バックアップを作りました (backed up): {}", copy.display()),
            None => out!("今日のバックアップはもうあります (today's backup exists)"),
        }
    }
    let kept = store::list_backups(&backups)
        .map_err(|e| Failure::runtime(format!("{}: {e}", backups.display())))?;
    match kept.first() {
        Some(newest) => out!(
            "バックアップ {} 件、最新 (backups: {}, newest): {}",
            kept.len(),
            kept.len(),
            newest.display()
        ),
        None => out!("バックアップはまだありません (no backups yet)"),
    }
    Ok(())
}

#[derive(Args)]
pub struct ExportAllArgs {
    /// 書き出し先のフォルダー（なければ作る）(folder to write into; created if missing)
    dir: PathBuf,
    /// データベース (database file)
    #[arg(long)]
    db: Option<PathBuf>,
}

pub fn export_all(args: ExportAllArgs) -> Outcome {
    let store = open_store(args.db)?;
    let written = store
        .export_all(&args.dir, |_, _| ControlFlow::Continue(()))
        .map_err(|e| Failure::runtime(format!("{}: {e}", args.dir.display())))?;
    for draft in &written {
        out!(
            "{}\t{}\t→ {}",
            draft.id,
            shown(&draft.title),
            draft.path.display()
        );
    }
    if written.is_empty() {
        note!("原稿はまだありません (no drafts yet)");
    }
    Ok(())
}
