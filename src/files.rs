//! Writing a file whole or not at all, and never through a link someone planted.
//!
//! Every file Podium puts where a person chose (exports, export-all, backups, a restored
//! database) is written here: the contents go into a new temporary file in the target's folder,
//! created exclusively under a random name (`O_EXCL`: a symlink or file planted at any name is
//! neither followed nor reused), flushed to disk, then renamed onto the target — over it, or
//! only where nothing is — and on Unix the folder is flushed too, so the rename survives a
//! power cut. A failure leaves the target as it was and no temporary file.

use std::io::{self, Write};
use std::path::Path;
use tempfile::NamedTempFile;

/// What [`put`] does with a file already at the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Replace,
    /// Leave it and fail with [`io::ErrorKind::AlreadyExists`].
    Keep,
}

/// Writes `contents` to `path` atomically (see the module documentation).
pub fn write(path: &Path, contents: &[u8], existing: Existing) -> io::Result<()> {
    let mut temp = temporary_beside(path)?;
    temp.write_all(contents)?;
    put(temp, path, existing)
}

/// A new, empty file in `path`'s folder under a random name (`.podium-XXXXXX.tmp`), removed
/// when dropped: fill it, then [`put`] it in place.
pub fn temporary_beside(path: &Path) -> io::Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".podium-").suffix(".tmp");
    // As `File::create` makes files, `rw-rw-rw-` less the umask: a temporary file is otherwise
    // `rw-------`, and an export would stay private once renamed.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder.tempfile_in(folder_of(path))
}

/// Flushes `temp` to disk, renames it to `path` and flushes the folder.
pub fn put(temp: NamedTempFile, path: &Path, existing: Existing) -> io::Result<()> {
    temp.as_file().sync_all()?;
    match existing {
        Existing::Replace => temp.persist(path),
        Existing::Keep => temp.persist_noclobber(path),
    }
    .map_err(|failed| failed.error)?;
    sync_folder(folder_of(path))
}

/// The folder `path` is in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|folder| !folder.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A rename is durable once its folder is on disk.
#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    std::fs::File::open(folder)?.sync_all()
}

/// Windows has no folder handle to flush; its renames are journaled.
#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<_> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_or_keeps_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("挨拶.txt");
        write(&path, "一".as_bytes(), Existing::Keep).unwrap();
        let kept = write(&path, "二".as_bytes(), Existing::Keep).unwrap_err();
        assert_eq!(kept.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "一");
        write(&path, "三".as_bytes(), Existing::Replace).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "三");
        assert_eq!(names(dir.path()), ["挨拶.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_is_readable_as_file_create_makes_it() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.html");
        write(&path, b"x", Existing::Replace).unwrap();
        let created = dir.path().join("b.html");
        std::fs::File::create(&created).unwrap();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(mode(&path), mode(&created));
    }
}
