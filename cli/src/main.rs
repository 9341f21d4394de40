//! `podium`: measure, proofread, export and file speeches from a terminal — the contract other
//! tools rely on. Each command adapts the application layer (`podium_app`): it reads its
//! arguments, calls the use case, prints the result.
//!
//! Exit codes: 0 done (lint findings included), 1 a failure of the machine or the database,
//! 2 bad input or usage (unreadable, binary or non-UTF-8 file, unknown template …).
//! Errors are one line on stderr: `podium: FILE: reason`.
//! Output goes through [`out!`]: a reader that stops reading (`podium list | head -1`) ends the
//! command quietly with 0, as Unix tools do; stdout that cannot be written (a full disk) is a
//! one-line error and 1. Text from a draft or the database is printed through [`shown`].

/// `println!` for a command's output: returns from the command with [`Failure::output`] when
/// stdout fails.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*).map_err($crate::Failure::output)?;
    }};
}

/// `eprintln!` for notes beside the output: a note that cannot be shown is no reason to fail.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod draft;
mod library;
mod readings;
mod source;
mod upkeep;

use clap::{Args, Parser, Subcommand};
use podium::store::Address;
use podium_app::{podium_db_env, ErrorCode, LocalSettings, Location};
use std::borrow::Cow;
use std::io::{self, Write};
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
    /// 書き出し (export: md, txt, html, html-doc, blog, docx)
    Export(draft::ExportArgs),
    /// 読み上げ原稿を印刷用の HTML か Word 文書に（ルビ、大きな文字、ページ番号、縦書きも）
    /// (the reading script as a printable HTML page or a .docx: ruby, large type, page numbers)
    Print(draft::PrintArgs),
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
    /// ごみ箱の一覧（--empty で空にする）(the trash: deleted drafts; --empty removes them for good)
    Trash(library::TrashArgs),
    /// ごみ箱の原稿を元に戻す (restore a draft from the trash)
    Restore(library::RestoreArgs),
    /// このPCのライブラリを事務所のライブラリ（サーバー）へ移す。何度実行しても重複しない
    /// (move a library, history included, into another, e.g. a PostgreSQL server; safe to rerun)
    Migrate(upkeep::MigrateArgs),
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

impl Failure {
    /// Printing to stdout failed. A closed pipe means the reader has what it wanted: exit 0,
    /// silently (`code` 0, no message). Windows says so with ERROR_NO_DATA (232, which Rust
    /// calls a broken pipe) or, under wine and for a pipe never read, ERROR_PIPE_NOT_CONNECTED.
    pub fn output(error: io::Error) -> Self {
        const ERROR_PIPE_NOT_CONNECTED: i32 = 233;
        let closed = error.kind() == io::ErrorKind::BrokenPipe
            || (cfg!(windows) && error.raw_os_error() == Some(ERROR_PIPE_NOT_CONNECTED));
        if closed {
            return Failure {
                code: 0,
                message: String::new(),
            };
        }
        Failure::runtime(format!(
            "標準出力に書けません (cannot write to stdout: {error})"
        ))
    }
}

pub(crate) type Outcome = Result<(), Failure>;

/// Which library a command works on: `--db`, else `PODIUM_DB`, else the server chosen in this
/// PC's settings (`podium_app::LocalSettings`), else the file in the OS data directory. A URL
/// of a kind Podium does not use is bad usage (exit 2), and creates nothing.
#[derive(Args, Clone, Default)]
pub(crate) struct LibraryArg {
    /// ライブラリ：データベースファイルか PostgreSQL サーバー（postgres://… や service=…）
    /// (library: a database file or a PostgreSQL server, postgres://… or service=…;
    /// default: $PODIUM_DB or the OS data directory)
    #[arg(long = "db", value_parser = parse_address)]
    db: Option<Address>,
}

pub(crate) fn parse_address(text: &str) -> Result<Address, String> {
    Address::parse(text).map_err(|err| err.to_string())
}

impl LibraryArg {
    pub(crate) fn address(&self) -> Result<Address, Failure> {
        if let Some(address) = &self.db {
            return Ok(address.clone());
        }
        match LocalSettings::load().location(podium_db_env()) {
            Location::File(path) => Ok(Address::File(path)),
            Location::Server(address) => Ok(Address::Server(address)),
            Location::Nowhere(error) if error.code == ErrorCode::InvalidInput => Err(
                Failure::input(format!("{}: {}", podium::store::DB_ENV, error.message)),
            ),
            Location::Nowhere(_) | Location::Memory => Err(Failure::runtime(
                "データフォルダーが見つかりません。--db で指定してください (no data directory; pass --db)",
            )),
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(usage) => return answer_usage(&usage),
    };
    let outcome = match cli.command {
        Command::Stats(args) => draft::stats(args),
        Command::Lint(args) => draft::lint(args),
        Command::Readings(args) => readings::readings(args),
        Command::Export(args) => draft::export(args),
        Command::Print(args) => draft::print(args),
        Command::Import(args) => library::import(args),
        Command::List(args) => library::list(args),
        Command::Search(args) => library::search(args),
        Command::New(args) => library::new(args),
        Command::Templates(args) => library::templates(args),
        Command::Doctor(args) => upkeep::doctor(args),
        Command::ExportAll(args) => upkeep::export_all(args),
        Command::Migrate(args) => upkeep::migrate(args),
        Command::Trash(args) => library::trash(args),
        Command::Restore(args) => library::restore(args),
    };
    // The last line may wait in stdout's buffer: its failure counts too.
    exit(outcome.and_then(|()| io::stdout().flush().map_err(Failure::output)))
}

/// `--help` and `--version` on stdout (exit 0), a usage error on stderr (exit 2), as clap
/// does, but a failure to print them is a failure like any other output's.
fn answer_usage(usage: &clap::Error) -> ExitCode {
    let printed = usage.print();
    match (usage.use_stderr(), printed) {
        (true, _) => ExitCode::from(2),
        (false, printed) => exit(printed.map_err(Failure::output)),
    }
}

fn exit(outcome: Outcome) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                note!("podium: {}", failure.message);
            }
            ExitCode::from(failure.code)
        }
    }
}

/// Print JSON to stdout (JSON escapes every control character itself).
pub(crate) fn print_json(value: &impl serde::Serialize) -> Outcome {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::runtime(format!("JSON に変換できません ({e})")))?;
    out!("{text}");
    Ok(())
}

/// Text from a draft or the database as a terminal may show it: controls (escape sequences,
/// tabs and newlines that would forge columns or lines), bidi controls and zero-width
/// characters become U+FFFD.
pub(crate) fn shown(text: &str) -> Cow<'_, str> {
    if text.chars().any(podium::invisible::is_invisible) {
        Cow::Owned(
            text.chars()
                .map(|c| match podium::invisible::is_invisible(c) {
                    true => char::REPLACEMENT_CHARACTER,
                    false => c,
                })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// `10分32秒` from seconds.
pub(crate) fn minutes_seconds(seconds: f64) -> String {
    let total = seconds.round() as u64;
    match (total / 60, total % 60) {
        (0, s) => format!("{s}秒"),
        (m, s) => format!("{m}分{s:02}秒"),
    }
}
