//! The settings of this PC, as opposed to the library's (which the office shares when the
//! library is on a server): which library to open, and the name this person's revisions are
//! saved under. A small JSON file in the OS configuration folder (`podium/local.json`, or
//! `PODIUM_LOCAL_SETTINGS`), read at start-up by the desktop app and the CLI alike.
//!
//! No password is ever kept here: an address with one is refused, with the way PostgreSQL
//! keeps passwords instead (the password file, `.pgpass`).

use crate::error::{AppError, ErrorCode};
use crate::state::{App, Location};
pub use crate::wire::LocalSettings;
use podium::files::{self, Existing};
use podium::store::{has_password, Address};
use std::ffi::OsString;
use std::io::Write as _;
use std::path::PathBuf;

/// Environment variable naming the file (tests, a second office on one PC).
pub const LOCAL_SETTINGS_ENV: &str = "PODIUM_LOCAL_SETTINGS";

impl LocalSettings {
    /// Where the file is: `PODIUM_LOCAL_SETTINGS`, else `podium/local.json` in the OS
    /// configuration folder.
    pub fn path() -> Option<PathBuf> {
        match std::env::var_os(LOCAL_SETTINGS_ENV) {
            Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
            _ => dirs::config_dir().map(|dir| dir.join("podium").join("local.json")),
        }
    }

    /// The settings in the file; the defaults when there is none or it cannot be read (a
    /// broken file must not keep Podium from starting on the PC's own library).
    pub fn load() -> LocalSettings {
        LocalSettings::path()
            .and_then(|path| std::fs::read(path).ok())
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Checks and writes the settings (whole, through a temporary file).
    pub fn save(&self) -> Result<(), AppError> {
        let library = self.library.trim();
        if !library.is_empty() {
            match Address::parse(library)? {
                Address::Server(address) if has_password(&address) => {
                    return Err(AppError::invalid(
                        "パスワードは設定に保存しません。PostgreSQL のパスワードファイル（.pgpass）に書いてください \
                         (passwords are not kept in Podium's settings; put it in PostgreSQL's password file, .pgpass)",
                    ))
                }
                Address::Server(_) => {}
                Address::File(_) => {
                    return Err(AppError::invalid(
                        "サーバーのアドレス（postgres://… か service=…）を入力してください \
                         (give a server address, postgres://… or service=…)",
                    ))
                }
            }
        }
        let path = LocalSettings::path().ok_or_else(|| {
            AppError::new(
                ErrorCode::Io,
                "設定フォルダーが見つかりません (no settings folder)",
            )
        })?;
        let folder = path.parent().unwrap_or(&path);
        std::fs::create_dir_all(folder)?;
        let mut temp = files::temporary_beside(&path)?;
        let json = serde_json::to_vec_pretty(self)
            .map_err(|err| AppError::new(ErrorCode::Internal, err.to_string()))?;
        temp.write_all(&json)?;
        files::put(temp, &path, Existing::Replace)?;
        Ok(())
    }

    /// Who saves: the name set here, else the OS user's login name.
    pub fn author(&self) -> String {
        match self.author_name.trim() {
            "" => ["USER", "USERNAME", "LOGNAME"]
                .iter()
                .find_map(|key| std::env::var(key).ok().filter(|name| !name.is_empty()))
                .unwrap_or_default(),
            name => name.to_owned(),
        }
    }

    /// The library to open: `$PODIUM_DB` when set (a file or a server), else the server set
    /// here, else `podium.db` in the data folder shared with the CLI.
    pub fn location(&self, podium_db: Option<OsString>) -> Location {
        let chosen = podium_db.filter(|text| !text.is_empty()).or_else(|| {
            Some(self.library.trim().into()).filter(|text: &OsString| !text.is_empty())
        });
        crate::state::default_location(chosen)
    }
}

/// This PC's settings, as the settings dialog shows them.
pub fn get_local_settings() -> LocalSettings {
    LocalSettings::load()
}

/// Checks and saves this PC's settings. The name takes effect at once; another library at the
/// next start (the one open now stays open until then).
pub fn set_local_settings(state: &App, settings: LocalSettings) -> Result<LocalSettings, AppError> {
    let settings = LocalSettings {
        library: settings.library.trim().to_owned(),
        author_name: settings.author_name.trim().to_owned(),
    };
    settings.save()?;
    state.set_author(settings.author());
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_author_is_the_name_set_else_the_login() {
        let set = LocalSettings {
            author_name: " 広報 鈴木 ".into(),
            ..LocalSettings::default()
        };
        assert_eq!(set.author(), "広報 鈴木");
    }

    #[test]
    fn the_server_set_here_is_opened_unless_podium_db_says_otherwise() {
        let office = LocalSettings {
            library: "service=podium".into(),
            ..LocalSettings::default()
        };
        assert_eq!(
            office.location(None),
            Location::Server("service=podium".into())
        );
        assert_eq!(
            office.location(Some("/tmp/other.db".into())),
            Location::File("/tmp/other.db".into())
        );
    }
}
