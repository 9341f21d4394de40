//! What can go wrong in the store, in words a user can act on (Japanese first, then English).

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
        "URL のデータベース（PostgreSQL など）にはまだ対応していません。ファイルのパスを指定してください \
         (PostgreSQL/URL databases are not supported yet; give a file path)"
    )]
    Url,
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
        "データベースの更新に失敗しました (database upgrade to version {version} failed: {})",
        without_sql(.source)
    )]
    Migration {
        version: usize,
        source: rusqlite::Error,
    },
    #[error("データベースのエラーです (database error: {0})")]
    Database(rusqlite::Error),
}

/// SQLite's reason without the statement it quotes (a migration is dozens of lines).
fn without_sql(err: &rusqlite::Error) -> String {
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
