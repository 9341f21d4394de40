//! Where a database may be: a file path. A URL (`postgres://…`, `sqlite:…`, `file:…`) is
//! refused before anything is created — it would otherwise become a folder named `postgres:`.
//! And how to name a file SQLite must read as it is ([`immutable_uri`]).

use super::{Result, StoreError};
use std::fmt::Write as _;
use std::path::Path;

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
