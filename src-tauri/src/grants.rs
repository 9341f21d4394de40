//! Paths are capabilities, not strings. A command reads or writes a file only where the user
//! chose in a native dialog since the app started: the dialogs are opened from Rust
//! (`dialogs.rs`), and each chosen path is recorded here as a grant — canonical (symlinks and
//! `..` resolved), with what it allows. The page's JavaScript gets the canonical path back and
//! passes it to the command, which checks it again after canonicalising it: a path the page
//! makes up, a `..` or a symbolic link that leads elsewhere is refused with `not_permitted`
//! before anything is read or written. An XSS in the page therefore cannot read a private key
//! or write a file the user did not choose.

use podium_app::wire::check;
use podium_app::{AppError, ErrorCode};
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// What a grant allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Access {
    /// Read this file (the open dialog: import).
    ReadFile,
    /// Write this file, made or replaced (the save dialog: save an export).
    WriteFile,
    /// Create files directly inside this folder (the folder dialog: export every draft).
    WriteIntoFolder,
}

/// The grants of this run of the app (never stored: a new start knows none).
#[derive(Debug, Default)]
pub struct Grants {
    granted: Mutex<HashSet<(Access, PathBuf)>>,
}

impl Grants {
    /// Records that the user chose `chosen` for `access`; the canonical path, which the UI
    /// passes back to the command. A chosen file or folder that cannot be resolved (gone
    /// meanwhile) is an error.
    pub fn grant(&self, access: Access, chosen: &Path) -> Result<PathBuf, AppError> {
        let path = check::chosen_path_buf(chosen)?;
        let resolved = resolve(access, path)?;
        self.lock().insert((access, resolved.clone()));
        Ok(resolved)
    }

    /// The canonical form of `path` when the user granted it for `access`; else
    /// `not_permitted`. A granted path that no longer resolves (the file was removed since it
    /// was chosen) gives the reason (`not_found`, `io`); a path never granted gives
    /// `not_permitted` whether it exists or not, so the page learns nothing about files.
    pub fn check(&self, access: Access, path: &str) -> Result<PathBuf, AppError> {
        let requested = check::chosen_path(path)?;
        let granted = |p: &Path| self.lock().contains(&(access, p.to_path_buf()));
        match resolve(access, requested) {
            Ok(resolved) if granted(&resolved) => Ok(resolved),
            Err(error) if granted(requested) => Err(error),
            _ => Err(not_permitted(access, path)),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<(Access, PathBuf)>> {
        self.granted.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The path a grant is recorded under: a file to read and a folder canonical (every symlink
/// and `..` resolved; they must exist); a file to write as its folder's canonical path and its
/// own name (it may not exist yet; a link in its place is replaced, never followed, by the
/// atomic write).
fn resolve(access: Access, path: &Path) -> Result<PathBuf, AppError> {
    let canonical = |p: &Path| std::fs::canonicalize(p).map_err(|error| io_error(p, &error));
    match access {
        Access::ReadFile | Access::WriteIntoFolder => canonical(path),
        Access::WriteFile => {
            let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
                return Err(AppError::invalid(format!(
                    "ファイル名がありません (no file name: {})",
                    path.display()
                )));
            };
            Ok(canonical(folder)?.join(name))
        }
    }
}

fn io_error(path: &Path, error: &io::Error) -> AppError {
    let (code, what) = match error.kind() {
        io::ErrorKind::NotFound => (ErrorCode::NotFound, "見つかりません"),
        _ => (ErrorCode::Io, "開けません"),
    };
    AppError::new(code, format!("{}：{what} ({error})", path.display()))
}

fn not_permitted(access: Access, path: &str) -> AppError {
    let (ja, en) = match access {
        Access::ReadFile => ("読み込む", "read"),
        Access::WriteFile => ("保存する", "write"),
        Access::WriteIntoFolder => ("書き出す", "write into"),
    };
    AppError::new(
        ErrorCode::NotPermitted,
        format!(
            "このアプリのダイアログで選ばれていない場所には{ja}ことができません：{path} \
             (not chosen in a dialog, so Podium will not {en} it: {path})"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    #[cfg(unix)]
    use std::os::unix::fs::symlink;

    fn text(path: &Path) -> String {
        path.to_str().unwrap().to_owned()
    }

    fn code(result: Result<PathBuf, AppError>) -> ErrorCode {
        result.unwrap_err().code
    }

    #[test]
    fn only_what_was_chosen_for_that_use() {
        let dir = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(dir.path()).unwrap();
        let chosen = root.join("挨拶.md");
        let other = root.join("other.md");
        fs::write(&chosen, "a").unwrap();
        fs::write(&other, "b").unwrap();
        let grants = Grants::default();
        assert_eq!(
            code(grants.check(Access::ReadFile, &text(&chosen))),
            ErrorCode::NotPermitted
        );
        assert_eq!(grants.grant(Access::ReadFile, &chosen).unwrap(), chosen);
        assert_eq!(
            grants.check(Access::ReadFile, &text(&chosen)).unwrap(),
            chosen
        );
        // A grant to read is not one to write, nor for the file beside it, nor its folder.
        for (access, path) in [
            (Access::WriteFile, &chosen),
            (Access::ReadFile, &other),
            (Access::WriteIntoFolder, &root),
        ] {
            assert_eq!(
                code(grants.check(access, &text(path))),
                ErrorCode::NotPermitted
            );
        }
        assert_eq!(
            code(grants.check(Access::ReadFile, "挨拶.md")),
            ErrorCode::InvalidInput,
            "relative"
        );
        // Missing and never chosen: refused, not "not found" (the page learns nothing).
        let missing = text(&root.join("ない.md"));
        assert_eq!(
            code(grants.check(Access::ReadFile, &missing)),
            ErrorCode::NotPermitted
        );
        // Chosen, then removed: the reason.
        fs::remove_file(&chosen).unwrap();
        assert_eq!(
            code(grants.check(Access::ReadFile, &text(&chosen))),
            ErrorCode::NotFound
        );
    }

    #[test]
    fn dot_dot_resolves_before_the_check() {
        let dir = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(dir.path()).unwrap();
        fs::create_dir_all(root.join("a/b")).unwrap();
        let grants = Grants::default();
        let file = grants
            .grant(Access::WriteFile, &root.join("a/b/../書き出し.html"))
            .unwrap();
        assert_eq!(file, root.join("a/書き出し.html"));
        // The same file by another spelling is the same grant …
        let same = text(&root.join("a/b/../b/../書き出し.html"));
        assert_eq!(grants.check(Access::WriteFile, &same).unwrap(), file);
        // … a `..` out of it is not.
        for escape in ["a/b/../../書き出し.html", "a/b/書き出し.html", "a/.."] {
            assert_ne!(
                grants.check(Access::WriteFile, &text(&root.join(escape))),
                Ok(file.clone()),
                "{escape}"
            );
        }
        let folder = grants
            .grant(Access::WriteIntoFolder, &root.join("a/b"))
            .unwrap();
        assert_eq!(
            grants
                .check(Access::WriteIntoFolder, &text(&root.join("a/b/../b")))
                .unwrap(),
            folder
        );
        assert_eq!(
            code(grants.check(Access::WriteIntoFolder, &text(&root.join("a/b/..")))),
            ErrorCode::NotPermitted
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_resolve_before_the_check() {
        let dir = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(dir.path()).unwrap();
        let secret = root.join("id_ed25519");
        fs::write(&secret, "PRIVATE KEY").unwrap();
        fs::create_dir(root.join("drafts")).unwrap();
        let chosen = root.join("drafts/挨拶.md");
        fs::write(&chosen, "本文").unwrap();
        let grants = Grants::default();
        grants.grant(Access::ReadFile, &chosen).unwrap();

        // A link beside the chosen file, to the secret: refused.
        let link = root.join("drafts/link.md");
        symlink(&secret, &link).unwrap();
        assert_eq!(
            code(grants.check(Access::ReadFile, &text(&link))),
            ErrorCode::NotPermitted
        );
        // The chosen file replaced by a link to the secret: refused too.
        fs::remove_file(&chosen).unwrap();
        symlink(&secret, &chosen).unwrap();
        assert_eq!(
            code(grants.check(Access::ReadFile, &text(&chosen))),
            ErrorCode::NotPermitted
        );

        // A folder chosen to export into; a link inside it to elsewhere is not it.
        let out = grants
            .grant(Access::WriteIntoFolder, &root.join("drafts"))
            .unwrap();
        let elsewhere = root.join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        symlink(&elsewhere, root.join("drafts/out")).unwrap();
        assert_eq!(
            code(grants.check(Access::WriteIntoFolder, &text(&out.join("out")))),
            ErrorCode::NotPermitted
        );
        // A file to save through a linked folder: the file it really is.
        grants
            .grant(Access::WriteFile, &root.join("drafts/挨拶.html"))
            .unwrap();
        assert_eq!(
            code(grants.check(Access::WriteFile, &text(&root.join("drafts/out/挨拶.html")))),
            ErrorCode::NotPermitted
        );
        symlink(root.join("drafts"), root.join("same")).unwrap();
        assert_eq!(
            grants
                .check(Access::WriteFile, &text(&root.join("same/挨拶.html")))
                .unwrap(),
            root.join("drafts/挨拶.html")
        );
    }
}
