//! Saving an export to a file the user chose: the whole file or nothing.

use crate::files::{self, Existing};
use std::io;
use std::path::{Path, PathBuf};

/// Why an export was not saved. Messages are Japanese first, English in parentheses.
#[derive(Debug, thiserror::Error)]
pub enum SaveFileError {
    #[error("保存先は絶対パスで指定してください (not an absolute path: {})", .0.display())]
    NotAbsolute(PathBuf),
    #[error("保存先にファイル名がありません (no file name: {})", .0.display())]
    NoFileName(PathBuf),
    #[error("保存先のフォルダーがありません (no such folder: {})", .0.display())]
    NoFolder(PathBuf),
    #[error("保存先はフォルダーです (is a folder: {})", .0.display())]
    IsFolder(PathBuf),
    #[error("書き込めません (cannot write {}: {source})", .path.display())]
    Io { path: PathBuf, source: io::Error },
}

/// Writes `contents` to `path` atomically, never through a planted link (see [`crate::files`]):
/// a failure leaves `path` as it was and no temporary file.
///
/// `path` must be absolute, name a file, and its folder must exist (folders are not created:
/// the path comes from a save dialog).
pub fn write_file_atomically(path: &Path, contents: &[u8]) -> Result<(), SaveFileError> {
    if !path.is_absolute() {
        return Err(SaveFileError::NotAbsolute(path.to_owned()));
    }
    if path.file_name().is_none_or(|name| name.is_empty()) {
        return Err(SaveFileError::NoFileName(path.to_owned()));
    }
    let folder = path.parent().unwrap_or(Path::new("/"));
    if !folder.is_dir() {
        return Err(SaveFileError::NoFolder(folder.to_owned()));
    }
    if path.is_dir() {
        return Err(SaveFileError::IsFolder(path.to_owned()));
    }
    files::write(path, contents, Existing::Replace).map_err(|source| SaveFileError::Io {
        path: path.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn writes_and_replaces_a_file_leaving_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("挨拶.html");
        write_file_atomically(&path, "一".as_bytes()).unwrap();
        write_file_atomically(&path, "二".as_bytes()).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "二");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["挨拶.html"]);
    }

    #[test]
    fn refuses_relative_paths_missing_folders_and_folders() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            (PathBuf::from("out.txt"), "NotAbsolute"),
            (dir.path().join("no/such/out.txt"), "NoFolder"),
            (dir.path().to_owned(), "IsFolder"),
            // A root: "/" is not absolute on Windows (no drive).
            (
                PathBuf::from(if cfg!(windows) { "C:\\" } else { "/" }),
                "NoFileName",
            ),
        ];
        for (path, expected) in cases {
            let error = write_file_atomically(&path, b"x").unwrap_err();
            assert!(
                format!("{error:?}").starts_with(expected),
                "{path:?}: {error:?}"
            );
        }
        assert!(!dir.path().join("no").exists(), "no folder is created");
    }
}
