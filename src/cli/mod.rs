//! The `podium` command line: the contract other tools rely on.
//!
//! Exit codes: 0 done (lint findings included), 1 a failure of the machine or the database,
//! 2 bad input or usage (unreadable, binary or non-UTF-8 file, unknown template …).
//! Errors are one line on stderr: `podium: FILE: reason`.

mod draft;
mod library;
mod readings;
mod upkeep;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "podium",
    version,
    about = "Podium — 原稿の計測・校正・書き出し・管理 (measure, proofread, export and file speeches)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 文字数と読み上げ時間 (characters and reading time)
    Stats(draft::StatsArgs),
    /// 読み上げ原稿の校正 (proofread for reading aloud)
    Lint(draft::LintArgs),
    /// 読み（カタカナ、一文一行）(the text as read, in katakana, one sentence a line)
    Readings(readings::ReadingsArgs),
    /// 書き出し (export: md, txt, html, html-doc, blog)
    Export(draft::ExportArgs),
    /// ファイルを原稿として取り込む (import .md/.txt files as drafts)
    Import(library::ImportArgs),
    /// 原稿の一覧 (list drafts)
    List(library::ListArgs),
    /// 原稿の全文検索 (full-text search over drafts)
    Search(library::SearchArgs),
    /// テンプレートから新しい原稿を作る (new draft from a template)
    New(library::NewArgs),
    /// テンプレートの一覧 (list templates)
    Templates(library::TemplatesArgs),
    /// データベースの点検・復旧・バックアップ (check, recover and back up the database)
    Doctor(upkeep::DoctorArgs),
    /// すべての原稿を .md ファイルとしてフォルダーに書き出す (export every draft as .md files)
    ExportAll(upkeep::ExportAllArgs),
}

/// A failure to report: one line on stderr and an exit code.
pub(crate) struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// Bad input or usage: exit code 2.
    pub fn input(message: impl Into<String>) -> Self {
        Failure {
            code: 2,
            message: message.into(),
        }
    }

    /// The machine or the database failed: exit code 1.
    pub fn runtime(message: impl Into<String>) -> Self {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

pub(crate) type Outcome = Result<(), Failure>;

/// The database path: `--db`, else `PODIUM_DB`, else the OS data directory.
pub(crate) fn db_path(flag: Option<PathBuf>) -> Result<PathBuf, Failure> {
    flag.or_else(podium::store::default_db_path).ok_or_else(|| {
        Failure::runtime("データフォルダーが見つかりません。--db で指定してください (no data directory; pass --db)")
    })
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Stats(args) => draft::stats(args),
        Command::Lint(args) => draft::lint(args),
        Command::Readings(args) => readings::readings(args),
        Command::Export(args) => draft::export(args),
        Command::Import(args) => library::import(args),
        Command::List(args) => library::list(args),
        Command::Search(args) => library::search(args),
        Command::New(args) => library::new(args),
        Command::Templates(args) => library::templates(args),
        Command::Doctor(args) => upkeep::doctor(args),
        Command::ExportAll(args) => upkeep::export_all(args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("podium: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

/// Print JSON to stdout.
pub(crate) fn print_json(value: &impl serde::Serialize) -> Outcome {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::runtime(format!("JSON に変換できません ({e})")))?;
    println!("{text}");
    Ok(())
}

/// `10分32秒` from seconds.
pub(crate) fn minutes_seconds(seconds: f64) -> String {
    let total = seconds.round() as u64;
    match (total / 60, total % 60) {
        (0, s) => format!("{s}秒"),
        (m, s) => format!("{m}分{s:02}秒"),
    }
}
