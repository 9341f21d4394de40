//! Where a library may be ([`Address`]): a SQLite file, or a PostgreSQL database on a server
//! (`postgres://…`, `service=…`). Any other URL (`mysql://…`, `sqlite:…`, `file:…`) is
//! refused before anything is created — it would otherwise become a folder named `mysql:`.
//! And how to name a file SQLite must read as it is ([`immutable_uri`]).

use super::server::is_server_address;
use super::{Result, Store, StoreError};
use std::ffi::OsString;
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

/// Where a library is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// A SQLite file on this PC.
    File(PathBuf),
    /// A PostgreSQL database: a URL or a libpq connection string.
    Server(String),
}

impl Address {
    /// What the user typed (`--db`, `PODIUM_DB`, the settings): a server's address or a file
    /// path. A URL of a kind Podium does not use is [`StoreError::Url`].
    pub fn parse(text: impl Into<OsString>) -> Result<Address> {
        let text = text.into();
        match text.to_str() {
            Some(address) if is_server_address(address) => {
                Ok(Address::Server(address.trim().to_owned()))
            }
            _ => {
                let path = PathBuf::from(text);
                refuse_url(&path)?;
                Ok(Address::File(path))
            }
        }
    }

    /// Opens the library, creating a file (and its folders) or a server's tables if needed.
    pub fn open(&self) -> Result<Store> {
        match self {
            Address::File(path) => Store::open(path),
            Address::Server(address) => Store::connect(address),
        }
    }

    /// Opens a library that must exist: a file is not created ([`Store::open_existing`]).
    pub fn open_existing(&self) -> Result<Store> {
        match self {
            Address::File(path) => Store::open_existing(path),
            Address::Server(address) => Store::connect(address),
        }
    }
}

/// The file's path, or the server's address with any password replaced by `***`.
impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Address::File(path) => write!(f, "{}", path.display()),
            Address::Server(address) => f.write_str(&without_password(address)),
        }
    }
}

/// `postgres://user:secret@host` → `postgres://user:***@host`; `password=secret` → `password=***`.
fn without_password(address: &str) -> String {
    if let Some((scheme, rest)) = address.split_once("://") {
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, path) = rest.split_at(authority_end);
        if let Some((credentials, host)) = authority.rsplit_once('@') {
            if let Some((user, _)) = credentials.split_once(':') {
                return format!("{scheme}://{user}:***@{host}{path}");
            }
        }
        return address.to_owned();
    }
    address
        .split_whitespace()
        .map(|pair| match pair.split_once('=') {
            Some(("password", _)) => "password=***".to_owned(),
            _ => pair.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the address carries a password (which Podium's own settings never keep).
pub fn has_password(address: &str) -> bool {
    without_password(address) != address
}

/// Fails with [`StoreError::Url`] when `path` reads as a URL: `scheme://…`, or `sqlite:` /
/// `file:` (SQLite's own URI forms, which Podium does not take: give the file's path).
pub(super) fn refuse_url(path: &Path) -> Result<()> {
    let text = path.to_string_lossy();
    let Some((scheme, rest)) = text.split_once(':') else {
        return Ok(());
    };
    let is_scheme = scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let sqlite_uri = ["sqlite", "file"].contains(&scheme.to_ascii_lowercase().as_str());
    match is_scheme && (rest.starts_with("//") || sqlite_uri) {
        true => Err(StoreError::Url),
        false => Ok(()),
    }
}

/// `file:PATH?immutable=1`: SQLite reads the file without locks, journals or shared memory
/// (for a database in a folder no one can write, so that nothing changes it while it is read).
pub(super) fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for byte in path.as_os_str().as_encoded_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                uri.push(char::from(*byte))
            }
            other => {
                let _ = write!(uri, "%{other:02X}");
            }
        }
    }
    uri.push_str("?immutable=1");
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_servers_files_or_refused() {
        assert_eq!(
            Address::parse("postgres://hisho@db/podium").unwrap(),
            Address::Server("postgres://hisho@db/podium".into())
        );
        assert_eq!(
            Address::parse(" service=podium").unwrap(),
            Address::Server("service=podium".into())
        );
        assert_eq!(
            Address::parse("data/podium.db").unwrap(),
            Address::File("data/podium.db".into())
        );
        assert!(matches!(
            Address::parse("mysql://h/db"),
            Err(StoreError::Url)
        ));
    }

    #[test]
    fn passwords_are_never_shown() {
        let shown = |text: &str| Address::parse(text).unwrap().to_string();
        assert_eq!(
            shown("postgres://hisho:s3cret@db:5432/podium?sslmode=prefer"),
            "postgres://hisho:***@db:5432/podium?sslmode=prefer"
        );
        assert_eq!(
            shown("host=db password=s3cret dbname=podium"),
            "host=db password=*** dbname=podium"
        );
        assert_eq!(
            shown("postgres://hisho@db/podium"),
            "postgres://hisho@db/podium"
        );
        assert!(has_password("postgres://a:b@h/d"));
        assert!(!has_password("service=podium"));
    }

    #[test]
    fn urls_are_refused_and_paths_are_not() {
        for url in [
            "postgres://user@host/db",
            "postgresql://host",
            "mysql+tcp://h",
            "sqlite:podium.db",
            "SQLITE:///tmp/a.db",
            "file:podium.db?mode=ro",
        ] {
            assert!(
                matches!(refuse_url(Path::new(url)), Err(StoreError::Url)),
                "{url}"
            );
        }
        for path in [
            "podium.db",
            "/data/podium.db",
            "C:\\Users\\podium.db",
            "./a:b.db",
            "議事録: 2026.db",
            "x:/y",
        ] {
            assert!(refuse_url(Path::new(path)).is_ok(), "{path}");
        }
    }

    #[test]
    fn an_immutable_uri_escapes_what_uris_reserve() {
        assert_eq!(
            immutable_uri(Path::new("/データ/a b?#%.db")),
            "file:/%E3%83%87%E3%83%BC%E3%82%BF/a%20b%3F%23%25.db?immutable=1"
        );
    }
}
