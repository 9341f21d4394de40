//! What can go wrong in the store, in words a user can act on (Japanese first, then English).

use super::status::DraftStatus;
use rusqlite::ErrorCode;
use std::fmt;

/// An error of the store. The variants form a closed set the UI can branch on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}が見つかりません ({0:#} not found)")]
    NotFound(Item),
    /// The draft changed since the caller read it. The caller's text was kept as the revision
    /// `kept`; the draft itself is at `current_revision`.
    #[error(
        "この下書きは別の場所で更新されていました。編集中の文章は履歴に残してあります \
         (the draft was changed elsewhere, now at revision {current_revision}; \
         your text was kept in its history)"
    )]
    Conflict { current_revision: u32, kept: i64 },
    /// The draft is settled (from 確定 on): its text does not change until someone reopens
    /// it. A save's text was kept in the history as the revision `kept`.
    #[error(
        "この原稿は「{}」です。編集するには確定を解除してください \
         (the draft is {}; reopen it to edit)",
        .status.label(), .status.as_str()
    )]
    Locked {
        status: DraftStatus,
        kept: Option<i64>,
    },
    #[error(
        "「{}」から「{}」には進めません (a draft cannot go from {} to {})",
        .from.label(), .to.label(), .from.as_str(), .to.as_str()
    )]
    Transition { from: DraftStatus, to: DraftStatus },
    #[error("確定を解除する理由を入力してください (give a reason for reopening the draft)")]
    ReasonNeeded,
    #[error("データベースが他のプログラムに使われています (database is locked)")]
    Busy,
    #[error("データベースに書き込めません (database is read-only)")]
    ReadOnly,
    #[error(
        "データベースファイルが壊れているか、データベースではありません \
         (database file is corrupt or not a database)"
    )]
    Corrupt,
    #[error("ディスクの空き容量が足りません (disk is full)")]
    DiskFull,
    #[error("データベースファイルを開けません (unable to open database file)")]
    CannotOpen,
    /// A command that only reads was pointed at a file that is not there (nothing was created).
    #[error(
        "データベースがありません。`podium import` か `podium new` で作れます \
         (no database here; `podium import` or `podium new` makes one)"
    )]
    NoDatabase,
    #[error(
        "この URL のデータベースには対応していません。PostgreSQL (postgres://…) か、ファイルのパスを指定してください \
         (unsupported database URL; give postgres://… or a file path)"
    )]
    Url,
    /// A PostgreSQL address or connection string that cannot be read.
    #[error("サーバーの指定が正しくありません (invalid server address: {0})")]
    ServerAddress(String),
    #[error(
        "データベースサーバーに接続できません。ネットワークとサーバーを確認してください \
         (cannot reach the database server: {0})"
    )]
    Unreachable(String),
    /// The server answered but would not let us in (password, role, database name …).
    #[error("データベースサーバーが接続を断りました (the database server refused: {0})")]
    Refused(String),
    /// What only a database file has (backups, SQLite's checks), asked of a server's library.
    #[error(
        "サーバーのライブラリではできない操作です（このPCのデータベースファイル用です） \
         (not available for a library on a server)"
    )]
    OnlyForFiles,
    #[error(
        "このデータベースは新しいバージョンの Podium で作られています \
         (database was written by a newer version of Podium)"
    )]
    TooNew,
    #[error("設定「{key}」の値が正しくありません (setting {key:?} is invalid: {source})")]
    Setting {
        key: String,
        source: serde_json::Error,
    },
    #[error("ファイルを読み書きできません (I/O error: {0})")]
    Io(std::io::Error),
    /// A step of the schema's upgrade failed (it was rolled back).
    #[error(
        "データベースの更新に失敗しました (database upgrade to version {version} failed: {reason})"
    )]
    Migration { version: usize, reason: String },
    #[error("データベースのエラーです (database error: {0})")]
    Database(rusqlite::Error),
    #[error("データベースサーバーのエラーです (database server error: {})", server_reason(.0))]
    Server(postgres::Error),
    /// A value in the database is not what Podium wrote there.
    #[error("データベースの内容が想定と違います (unexpected data in the database: {0})")]
    Shape(String),
}

/// SQLite's reason without the statement it quotes (a migration is dozens of lines).
pub(super) fn without_sql(err: &rusqlite::Error) -> String {
    match err {
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other
            .to_string()
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned(),
    }
}

/// The thing a [`StoreError::NotFound`] was looking for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Draft(i64),
    Revision(i64),
    Template(String),
    Comment(i64),
}

/// Japanese by default; English with `{:#}`.
impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, f.alternate()) {
            (Item::Draft(id), false) => write!(f, "下書き（ID {id}）"),
            (Item::Draft(id), true) => write!(f, "draft {id}"),
            (Item::Revision(id), false) => write!(f, "履歴（ID {id}）"),
            (Item::Revision(id), true) => write!(f, "revision {id}"),
            (Item::Template(name), false) => write!(f, "テンプレート「{name}」"),
            (Item::Template(name), true) => write!(f, "template {name:?}"),
            (Item::Comment(id), false) => write!(f, "コメント（ID {id}）"),
            (Item::Comment(id), true) => write!(f, "comment {id}"),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => StoreError::Corrupt,
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::CannotOpen) => StoreError::CannotOpen,
            _ => StoreError::Database(err),
        }
    }
}

/// The server's own message (its SQLSTATE class decides the variant; see `From`).
fn server_reason(err: &postgres::Error) -> String {
    match err.as_db_error() {
        Some(db) => db.message().to_owned(),
        None => err.to_string(),
    }
}

impl From<postgres::Error> for StoreError {
    fn from(err: postgres::Error) -> Self {
        use postgres::error::SqlState;
        let Some(db) = err.as_db_error() else {
            // No answer from the server: it is down, unreachable, or went away.
            return StoreError::Unreachable(err.to_string());
        };
        let code = db.code();
        if *code == SqlState::DISK_FULL {
            StoreError::DiskFull
        } else if [
            SqlState::READ_ONLY_SQL_TRANSACTION,
            SqlState::INSUFFICIENT_PRIVILEGE,
        ]
        .contains(code)
        {
            StoreError::ReadOnly
        } else if [
            SqlState::T_R_SERIALIZATION_FAILURE,
            SqlState::T_R_DEADLOCK_DETECTED,
            SqlState::LOCK_NOT_AVAILABLE,
        ]
        .contains(code)
        {
            StoreError::Busy
        } else if code.code().starts_with("57P") {
            // The server is shutting down, crashed, or starting: it is away for now.
            StoreError::Unreachable(db.message().to_owned())
        } else if code.code().starts_with("28")
            || [
                SqlState::INVALID_CATALOG_NAME,
                SqlState::TOO_MANY_CONNECTIONS,
            ]
            .contains(code)
        {
            // 28: authorization (password, role).
            StoreError::Refused(db.message().to_owned())
        } else {
            StoreError::Server(err)
        }
    }
}

/// A full disk or a read-only file system means the same as when SQLite reports it.
impl From<std::io::Error> for StoreError {
    fn from(err: std::io::Error) -> Self {
        match err.kind() {
            std::io::ErrorKind::StorageFull => StoreError::DiskFull,
            std::io::ErrorKind::ReadOnlyFilesystem => StoreError::ReadOnly,
            _ => StoreError::Io(err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::ffi;

    fn sqlite(code: i32) -> StoreError {
        rusqlite::Error::SqliteFailure(ffi::Error::new(code), None).into()
    }

    #[test]
    fn sqlite_codes_map_to_variants() {
        assert!(matches!(sqlite(ffi::SQLITE_BUSY), StoreError::Busy));
        assert!(matches!(
            sqlite(ffi::SQLITE_BUSY_SNAPSHOT),
            StoreError::Busy
        ));
        assert!(matches!(sqlite(ffi::SQLITE_LOCKED), StoreError::Busy));
        assert!(matches!(sqlite(ffi::SQLITE_READONLY), StoreError::ReadOnly));
        assert!(matches!(sqlite(ffi::SQLITE_CORRUPT), StoreError::Corrupt));
        assert!(matches!(sqlite(ffi::SQLITE_NOTADB), StoreError::Corrupt));
        assert!(matches!(sqlite(ffi::SQLITE_FULL), StoreError::DiskFull));
        assert!(matches!(
            sqlite(ffi::SQLITE_CANTOPEN),
            StoreError::CannotOpen
        ));
        assert!(matches!(sqlite(ffi::SQLITE_ERROR), StoreError::Database(_)));
    }

    #[test]
    fn messages_are_japanese_first() {
        assert_eq!(
            StoreError::Busy.to_string(),
            "データベースが他のプログラムに使われています (database is locked)"
        );
        assert_eq!(
            StoreError::NotFound(Item::Draft(7)).to_string(),
            "下書き（ID 7）が見つかりません (draft 7 not found)"
        );
    }
}
