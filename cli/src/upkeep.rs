//! Looking after the library: `doctor` (check, recover a corrupt file, back up), `export-all`
//! (every draft as a Markdown file) and `migrate` (a library moved into another, such as the
//! office's server).

use super::library::{open_existing_store, store_failure};
use super::{shown, Failure, LibraryArg, Outcome};
use clap::Args;
use podium::store::{self, Address, Repair, Store, StoreError, DEFAULT_BACKUPS_KEPT};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

/// Local time, for names a person reads (backups, files moved aside).
fn local_now() -> OffsetDateTime {
    OffsetDateTime::now_local().unwrap_or_else(|_| OffsetDateTime::now_utc())
}

/// The database as it is (nothing created), after the full check: each problem on stderr,
/// then a failure that advises `--recover`.
fn checked(path: &Path) -> Result<Store, Failure> {
    let store = Store::open_existing(path)
        .map_err(|e| store_failure(&Address::File(path.to_owned()), e))?;
    let problems = store
        .integrity_problems()
        .map_err(|e| store_failure(&Address::File(path.to_owned()), e))?;
    if problems.is_empty() {
        return Ok(store);
    }
    for problem in &problems {
        note!("podium: {}: {}", path.display(), shown(problem));
    }
    Err(store_failure(
        &Address::File(path.to_owned()),
        StoreError::Corrupt,
    ))
}

/// `--recover`: a database that opens is checked in full and repaired; one too damaged to
/// open is moved aside and a new one started.
fn recover(path: &Path) -> Result<Store, Failure> {
    let outcome = match store::repair(path, local_now()) {
        Err(StoreError::Corrupt) => start_over(path)?,
        repaired => repaired.map_err(|e| store_failure(&Address::File(path.to_owned()), e))?,
    };
    match outcome {
        Repair::Sound => {}
        Repair::Reindexed { problems } => out!(
            "索引を作り直しました（問題 {} 件）(rebuilt the indexes: {} problems fixed)",
            problems.len(),
            problems.len()
        ),
        Repair::Rebuilt { problems, aside } => out!(
            "新しいファイルに作り直しました（問題 {} 件）。元のファイルは {} に残しました \
             (rebuilt into a new file: {} problems; the damaged one was kept as {})",
            problems.len(),
            aside.display(),
            problems.len(),
            aside.display()
        ),
    }
    Store::open(path).map_err(|e| store_failure(&Address::File(path.to_owned()), e))
}

/// A database too damaged to open or to rebuild: moved aside, a new one in its place.
fn start_over(path: &Path) -> Result<Repair, Failure> {
    let aside = store::recover_corrupt(path, local_now())
        .map_err(|e| Failure::runtime(format!("{}: {e}", path.display())))?;
    out!(
        "壊れたデータベースを {} に移しました（削除はしていません）\
         (moved the damaged database to {}; nothing was deleted)",
        aside.display(),
        aside.display()
    );
    Store::open(path).map_err(|e| store_failure(&Address::File(path.to_owned()), e))?;
    out!(
        "新しいデータベースを作りました (started a new database): {}",
        path.display()
    );
    Ok(Repair::Sound)
}

#[derive(Args)]
pub struct DoctorArgs {
    /// 壊れたデータベースを直す（索引の作り直し、だめなら新しいファイルに作り直し）。開けないほど
    /// 壊れていれば別名で残し、新しいデータベースを作る
    /// (repair a damaged database: rebuild its indexes, else copy it into a new file; one
    /// that cannot be opened is moved aside, kept, and a new one started)
    #[arg(long)]
    recover: bool,
    /// 今日のバックアップがなければ作る (make today's backup if there is none)
    #[arg(long)]
    backup: bool,
    #[command(flatten)]
    db: LibraryArg,
}

pub fn doctor(args: DoctorArgs) -> Outcome {
    let address = args.db.address()?;
    let Address::File(path) = &address else {
        // A server is checked and backed up by its own tools (docs/office-server.md).
        return Err(store_failure(&address, StoreError::OnlyForFiles));
    };
    let store = match args.recover {
        true => recover(path)?,
        false => checked(path)?,
    };
    let drafts = store
        .list_drafts()
        .map_err(|e| store_failure(&address, e))?;
    out!(
        "{}: 正常です（原稿 {} 件）(sound; {} drafts)",
        path.display(),
        drafts.len(),
        drafts.len()
    );
    let backups = store::backup_dir(path);
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
    #[command(flatten)]
    db: LibraryArg,
}

pub fn export_all(args: ExportAllArgs) -> Outcome {
    let store = open_existing_store(&args.db)?;
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
    for draft in written.iter().filter(|draft| !draft.unfilled.is_empty()) {
        note!(
            "podium: {}: 未入力の差し込み欄が残っています: {} (unfilled placeholders)",
            shown(&draft.title),
            draft.unfilled.join(" ")
        );
    }
    Ok(())
}

#[derive(Args)]
pub struct MigrateArgs {
    /// 移すライブラリ（このPCのデータベースファイル）(the library to move: a database file)
    #[arg(long, value_parser = super::parse_address)]
    from: Address,
    /// 移し先（postgres://… か service=…）(where to: postgres://… or service=…)
    #[arg(long, value_parser = super::parse_address)]
    to: Address,
}

pub fn migrate(args: MigrateArgs) -> Outcome {
    if args.from == args.to {
        return Err(Failure::input(
            "移す元と移し先が同じです (--from and --to are the same library)",
        ));
    }
    let mut from = args
        .from
        .open_existing()
        .map_err(|e| store_failure(&args.from, e))?;
    let mut to = args.to.open().map_err(|e| store_failure(&args.to, e))?;
    let moved = from
        .move_into(&mut to)
        .map_err(|e| Failure::runtime(format!("{} → {}: {e}", args.from, args.to)))?;
    out!(
        "移しました (moved) {} → {}: 原稿 {} 件（履歴 {} 版）、前回までに移した原稿 {} 件、\
         テンプレート {} 件、読み {} 語、設定 {} 件 \
         ({} drafts with {} revisions; {} moved before; {} templates, {} readings, {} settings)",
        args.from,
        args.to,
        moved.drafts,
        moved.revisions,
        moved.already,
        moved.templates,
        moved.readings,
        moved.settings,
        moved.drafts,
        moved.revisions,
        moved.already,
        moved.templates,
        moved.readings,
        moved.settings
    );
    Ok(())
}
