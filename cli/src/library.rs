//! Commands over the library database: import, list, search, new, templates.

use super::readings;
use super::source::read_source;
use super::{minutes_seconds, print_json, shown, Failure, LibraryArg, Outcome};
use clap::Args;
use podium::input::ImportNote;
use podium::store::{Address, Store, StoreError};
use podium::templates::{self, Placeholders};
use podium_app::{library, App, LocalSettings};
use serde::Serialize;
use std::path::{Path, PathBuf};
use time::{Date, OffsetDateTime};

/// The library as it is, for commands that only read: no file is created, and a read-only
/// one is read.
pub(crate) fn open_existing_store(library: &LibraryArg) -> Result<Store, Failure> {
    let address = library.address()?;
    address
        .open_existing()
        .map_err(|e| store_failure(&address, e))
}

/// The application over the library, created if missing, with the office's readings and
/// the dictionary: the library's figures are timed as the app times them.
fn open_app(library: &LibraryArg) -> Result<App, Failure> {
    let address = library.address()?;
    let store = address.open().map_err(|e| store_failure(&address, e))?;
    let app = App::over(address, store).with_author(LocalSettings::load().author());
    readings::prepare(&app);
    Ok(app)
}

/// A library that cannot be used, with what to do when there is something to do. A path
/// that names no database, or an address that cannot be used as one, is bad usage (exit 2).
pub(crate) fn store_failure(address: &Address, error: StoreError) -> Failure {
    let advice = match error {
        StoreError::Corrupt => {
            "。`podium doctor --recover` で壊れたファイルを別名で残し、新しいデータベースを作れます \
             (run `podium doctor --recover` to move it aside, keeping it, and start a new one)"
        }
        _ => "",
    };
    let message = format!("{address}: {error}{advice}");
    match error {
        StoreError::NoDatabase
        | StoreError::Url
        | StoreError::ServerAddress(_)
        | StoreError::OnlyForFiles => Failure::input(message),
        _ => Failure::runtime(message),
    }
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

#[derive(Args)]
pub struct ImportArgs {
    /// 取り込むファイル（.md / .txt / .docx、- で標準入力）(files to import, - for stdin)
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    db: LibraryArg,
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Imported {
    id: i64,
    title: String,
    file: String,
    /// What the file had that the draft leaves out (a Word document's tables, comments …).
    notes: Vec<ImportNote>,
}

/// Every file is read and checked first; one bad file imports nothing. What a Word document
/// had that its draft leaves out is told on stderr, a line a note.
pub fn import(args: ImportArgs) -> Outcome {
    let mut drafts = Vec::with_capacity(args.files.len());
    let mut failures = Vec::new();
    for path in &args.files {
        match read_source(path) {
            Ok(source) if source.text.trim().is_empty() => failures.push(Failure::input(format!(
                "{}: 空のファイルです (empty file, nothing to import)",
                source.name
            ))),
            Ok(source) => drafts.push((path, source)),
            Err(failure) => failures.push(failure),
        }
    }
    if let Some(last) = failures.pop() {
        for failure in failures {
            note!("podium: {}", failure.message);
        }
        return Err(Failure::input(format!(
            "{} (何も取り込んでいません / nothing imported)",
            last.message
        )));
    }
    let app = open_app(&args.db)?;
    let texts = drafts
        .iter()
        .map(|(path, source)| (file_stem(path), source.text.clone()))
        .collect();
    let created =
        library::import_texts(&app, texts).map_err(|e| Failure::runtime(e.to_string()))?;
    let mut imported = Vec::new();
    for ((path, source), draft) in drafts.iter().zip(created) {
        imported.push(Imported {
            id: draft.id,
            title: draft.title,
            file: path.display().to_string(),
            notes: source.notes.clone(),
        });
    }
    for draft in &imported {
        for note in &draft.notes {
            note!("{}: {note}", draft.file);
        }
    }
    if args.json {
        return print_json(&imported);
    }
    for draft in &imported {
        out!("{}\t{}\t← {}", draft.id, shown(&draft.title), draft.file);
    }
    Ok(())
}

/// The file's name without extension; empty for stdin (the draft is then 無題).
fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| s != "-")
        .unwrap_or_default()
}

#[derive(Args)]
pub struct ListArgs {
    #[command(flatten)]
    db: LibraryArg,
    #[arg(long)]
    json: bool,
}

pub fn list(args: ListArgs) -> Outcome {
    let store = open_existing_store(&args.db)?;
    let drafts = store
        .list_drafts()
        .map_err(|e| Failure::runtime(e.to_string()))?;
    if args.json {
        return print_json(&drafts);
    }
    if drafts.is_empty() {
        note!("原稿はまだありません (no drafts yet)");
    }
    for draft in &drafts {
        out!(
            "{}\t{}\t{}\t{}字\t{}",
            draft.id,
            shown(&draft.title),
            shown(&draft.event),
            draft.chars,
            minutes_seconds(draft.seconds)
        );
    }
    Ok(())
}

#[derive(Args)]
pub struct SearchArgs {
    /// 検索語（1文字から、空白区切りで AND）(query; words separated by spaces must all match)
    query: String,
    #[command(flatten)]
    db: LibraryArg,
    /// 最大件数 (maximum number of hits)
    #[arg(long, default_value_t = 50)]
    limit: usize,
    #[arg(long)]
    json: bool,
}

pub fn search(args: SearchArgs) -> Outcome {
    if args.query.trim().is_empty() {
        return Err(Failure::input("検索語が空です (empty query)"));
    }
    let store = open_existing_store(&args.db)?;
    let hits = store
        .search(&args.query, args.limit)
        .map_err(|e| Failure::runtime(e.to_string()))?;
    if args.json {
        return print_json(&hits);
    }
    for hit in &hits {
        out!(
            "{}\t{}\t{}",
            hit.draft_id,
            shown(&hit.title),
            shown(&hit.snippet)
        );
    }
    if hits.is_empty() {
        note!("見つかりません (no match)");
    }
    Ok(())
}

#[derive(Args)]
pub struct NewArgs {
    /// テンプレートの ID か名前 (template id or name; see `podium templates`)
    #[arg(long)]
    template: String,
    /// 行事名 (event), e.g. 仕事始め式
    #[arg(long, default_value = "")]
    event: String,
    /// 話し手 (speaker), e.g. 市長　山田太郎
    #[arg(long, default_value = "")]
    speaker: String,
    /// 市の名前 (city)
    #[arg(long, default_value = "")]
    city: String,
    /// 日付 YYYY-MM-DD（省略すると今日）(date of the address; default today)
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    #[command(flatten)]
    db: LibraryArg,
    #[arg(long)]
    json: bool,
}

fn parse_date(text: &str) -> Result<Date, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text, &format)
        .map_err(|_| "YYYY-MM-DD の形で指定してください (a date like 2027-01-04)".into())
}

pub fn new(args: NewArgs) -> Outcome {
    let template = templates::find(&args.template).ok_or_else(|| {
        Failure::input(format!(
            "{}: そのテンプレートはありません。`podium templates` で一覧を見られます (no such template)",
            args.template
        ))
    })?;
    let today = OffsetDateTime::now_local().unwrap_or_else(|_| now()).date();
    let date = args.date.unwrap_or(today);
    let values = Placeholders {
        event: args.event.clone(),
        speaker: args.speaker,
        city: args.city,
        ..Placeholders::new(date)
    };
    let app = open_app(&args.db)?;
    let draft = library::from_template(&app, Some(template), &values)
        .map_err(|e| Failure::runtime(e.to_string()))?;
    if args.json {
        return print_json(&draft);
    }
    out!("{}\t{}", draft.id, shown(&draft.title));
    Ok(())
}

#[derive(Args)]
pub struct TemplatesArgs {
    #[arg(long)]
    json: bool,
}

pub fn templates(args: TemplatesArgs) -> Outcome {
    let all = templates::builtin();
    if args.json {
        return print_json(&all);
    }
    for template in all {
        out!(
            "{}\t{}\t{}",
            template.id,
            template.name,
            template.description
        );
    }
    Ok(())
}

#[derive(Args)]
pub struct TrashArgs {
    /// ごみ箱を空にする（元に戻せません）(empty the trash: the drafts are removed for good)
    #[arg(long)]
    empty: bool,
    #[command(flatten)]
    db: LibraryArg,
    #[arg(long)]
    json: bool,
}

/// The trash: each deleted draft with when it was deleted and when it goes for good.
pub fn trash(args: TrashArgs) -> Outcome {
    let app = open_app(&args.db)?;
    if args.empty {
        let removed = library::empty_trash(&app).map_err(|e| Failure::runtime(e.to_string()))?;
        out!("ごみ箱を空にしました（{removed} 件）(emptied the trash: {removed} drafts)");
        return Ok(());
    }
    let trashed = library::list_trash(&app).map_err(|e| Failure::runtime(e.to_string()))?;
    if args.json {
        return print_json(&trashed);
    }
    if trashed.is_empty() {
        note!("ごみ箱は空です (the trash is empty)");
    }
    for item in &trashed {
        out!(
            "{}\t{}\t{}\t{}",
            item.draft.id,
            shown(&item.draft.title),
            item.deleted_at,
            item.removed_after
        );
    }
    Ok(())
}

#[derive(Args)]
pub struct RestoreArgs {
    /// ごみ箱から戻す原稿の ID (the id of a draft in the trash; see `podium trash`)
    id: i64,
    #[command(flatten)]
    db: LibraryArg,
}

pub fn restore(args: RestoreArgs) -> Outcome {
    let app = open_app(&args.db)?;
    library::restore_draft(&app, args.id).map_err(|e| match e.code {
        podium_app::ErrorCode::NotFound | podium_app::ErrorCode::InvalidInput => {
            Failure::input(e.to_string())
        }
        _ => Failure::runtime(e.to_string()),
    })?;
    out!("元に戻しました (restored): {}", args.id);
    Ok(())
}
