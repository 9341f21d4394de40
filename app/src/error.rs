//! The one error that crosses IPC: `{ code, message }`. The UI branches on `code` (a closed
//! set); `message` is for the user, Japanese first (the core's messages).

use podium::export::SaveFileError;
use podium::input::InputError;
use podium::prompter::SaveError as PrompterSaveError;
use podium::settings::{SaveError as SettingsSaveError, SettingsError};
use podium::store::StoreError;
use serde::{Deserialize, Serialize};
use std::io;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// The draft, revision or template does not exist (any more).
    NotFound,
    /// The draft changed since the caller read it; the caller's text was kept in its history.
    Conflict,
    /// The draft is settled (確定 or later): read-only until reopened. A save's text was kept
    /// in its history.
    DraftLocked,
    /// An argument the UI sent is out of range or malformed; the message says which.
    InvalidInput,
    /// Another program holds the database lock.
    DatabaseBusy,
    /// The database file or its folder cannot be written.
    DatabaseReadOnly,
    /// The database file is damaged or not a database.
    DatabaseCorrupt,
    /// The database was written by a newer Podium.
    DatabaseTooNew,
    DiskFull,
    /// The library's database server cannot be reached (down, or the network went away).
    ServerUnreachable,
    /// The database server answered but refused (password, role, no such database).
    ServerRefused,
    /// The office's website (WordPress) cannot be reached: down, no such host, a timeout, TLS.
    SiteUnreachable,
    /// The website answered but refused: a wrong password, no permission, no REST API, a
    /// redirect, an error of its own.
    SiteRefused,
    /// A file could not be read or written (other than the cases above).
    Io,
    /// A file or folder the user did not choose in one of the app's dialogs since it started
    /// (`grants.rs`): nothing was read or written.
    NotPermitted,
    /// A bug or an unexpected failure; the message has the details.
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message}")]
#[ts(export)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError {
            code,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        AppError::new(ErrorCode::InvalidInput, message)
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        let code = match &error {
            StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::Conflict { .. } => ErrorCode::Conflict,
            StoreError::Locked { .. } => ErrorCode::DraftLocked,
            StoreError::Transition { .. } | StoreError::ReasonNeeded => ErrorCode::InvalidInput,
            StoreError::Busy => ErrorCode::DatabaseBusy,
            StoreError::ReadOnly => ErrorCode::DatabaseReadOnly,
            StoreError::Corrupt => ErrorCode::DatabaseCorrupt,
            StoreError::TooNew => ErrorCode::DatabaseTooNew,
            StoreError::DiskFull => ErrorCode::DiskFull,
            StoreError::CannotOpen => ErrorCode::Io,
            StoreError::NoDatabase => ErrorCode::NotFound,
            StoreError::Url | StoreError::ServerAddress(_) | StoreError::OnlyForFiles => {
                ErrorCode::InvalidInput
            }
            StoreError::Unreachable(_) => ErrorCode::ServerUnreachable,
            StoreError::Refused(_) => ErrorCode::ServerRefused,
            StoreError::Io(error) => io_code(error),
            StoreError::Setting { .. }
            | StoreError::Migration { .. }
            | StoreError::Database(_)
            | StoreError::Server(_)
            | StoreError::Shape(_) => ErrorCode::Internal,
        };
        AppError::new(code, error.to_string())
    }
}

impl From<io::Error> for AppError {
    fn from(error: io::Error) -> Self {
        AppError::new(
            io_code(&error),
            format!("ファイルを読み書きできません (I/O error: {error})"),
        )
    }
}

impl From<InputError> for AppError {
    fn from(error: InputError) -> Self {
        let code = match &error {
            InputError::NotFound => ErrorCode::NotFound,
            InputError::IsDirectory
            | InputError::NotAFile
            | InputError::TooLarge { .. }
            | InputError::Binary
            | InputError::InvalidEncoding { .. }
            | InputError::NotWord
            | InputError::DamagedWord(_)
            | InputError::UnpackedTooLarge { .. }
            | InputError::Encrypted
            | InputError::OldOffice => ErrorCode::InvalidInput,
            InputError::PermissionDenied => ErrorCode::Io,
            InputError::Io(error) => io_code(error),
        };
        AppError::new(code, error.to_string())
    }
}

impl From<SaveFileError> for AppError {
    fn from(error: SaveFileError) -> Self {
        let code = match &error {
            SaveFileError::NotAbsolute(_)
            | SaveFileError::NoFileName(_)
            | SaveFileError::NoFolder(_)
            | SaveFileError::IsFolder(_) => ErrorCode::InvalidInput,
            SaveFileError::Io { source, .. } => io_code(source),
        };
        AppError::new(code, error.to_string())
    }
}

impl From<SettingsError> for AppError {
    fn from(error: SettingsError) -> Self {
        AppError::invalid(error.to_string())
    }
}

impl From<SettingsSaveError> for AppError {
    fn from(error: SettingsSaveError) -> Self {
        match error {
            SettingsSaveError::Invalid(error) => error.into(),
            SettingsSaveError::Store(error) => error.into(),
        }
    }
}

impl From<PrompterSaveError> for AppError {
    fn from(error: PrompterSaveError) -> Self {
        match error {
            PrompterSaveError::Invalid(error) => AppError::invalid(error.to_string()),
            PrompterSaveError::Store(error) => error.into(),
        }
    }
}

fn io_code(error: &io::Error) -> ErrorCode {
    match error.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => ErrorCode::DiskFull,
        io::ErrorKind::ReadOnlyFilesystem => ErrorCode::DatabaseReadOnly,
        _ => ErrorCode::Io,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use podium::store::Item;

    #[test]
    fn store_errors_map_to_their_codes_with_the_core_message() {
        let error = AppError::from(StoreError::NotFound(Item::Draft(7)));
        assert_eq!(error.code, ErrorCode::NotFound);
        assert_eq!(
            error.message,
            "下書き（ID 7）が見つかりません (draft 7 not found)"
        );
        let cases = [
            (
                StoreError::Conflict {
                    current_revision: 3,
                    kept: 9,
                },
                ErrorCode::Conflict,
            ),
            (StoreError::Busy, ErrorCode::DatabaseBusy),
            (StoreError::ReadOnly, ErrorCode::DatabaseReadOnly),
            (StoreError::Corrupt, ErrorCode::DatabaseCorrupt),
            (StoreError::TooNew, ErrorCode::DatabaseTooNew),
            (StoreError::DiskFull, ErrorCode::DiskFull),
            (
                StoreError::Io(io::ErrorKind::StorageFull.into()),
                ErrorCode::DiskFull,
            ),
        ];
        for (error, code) in cases {
            assert_eq!(AppError::from(error).code, code);
        }
    }

    #[test]
    fn input_errors_are_invalid_input_or_io() {
        assert_eq!(
            AppError::from(InputError::Binary).code,
            ErrorCode::InvalidInput
        );
        assert_eq!(
            AppError::from(InputError::NotFound).code,
            ErrorCode::NotFound
        );
        assert_eq!(
            AppError::from(InputError::PermissionDenied).code,
            ErrorCode::Io
        );
    }

    #[test]
    fn serialises_as_code_and_message() {
        let json = serde_json::to_value(AppError::invalid("ID が正しくありません")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "code": "invalid_input", "message": "ID が正しくありません" })
        );
    }
}
