//! Files the desktop asks Podium to open: a double-click on a `.md` draft associated with
//! Podium, "Open with", or `podium-desktop FILE…` from a terminal. The user chose them in the
//! OS, so each is granted for reading (`grants.rs`) as a file chosen in the open dialog would
//! be. They wait here until the main window takes them (`take_opened_files`, at its start and
//! each time [`FILES_OPENED_EVENT`] says more arrived) and imports them as drafts.
//!
//! A second start with files (single instance, `main.rs`) hands its files to the first.

use crate::grants::Grants;
use crate::paths;
use podium_app::wire::FILES_OPENED_EVENT;
use podium_app::AppError;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The files asked for and not yet taken by the main window.
#[derive(Debug, Default)]
pub struct OpenedFiles {
    waiting: Mutex<Vec<PathBuf>>,
}

impl OpenedFiles {
    /// The files named by a start's arguments (the program's own name first, then options
    /// and files), relative ones read from `cwd`. Only existing regular files: anything else
    /// on the command line is not a file to open.
    pub fn from_args<I: IntoIterator<Item = OsString>>(args: I, cwd: &Path) -> Self {
        let files = args
            .into_iter()
            .skip(1)
            .filter(|arg| !arg.to_string_lossy().starts_with('-'))
            .map(|arg| cwd.join(arg))
            .filter(|path| path.is_file())
            .collect();
        OpenedFiles {
            waiting: Mutex::new(files),
        }
    }

    /// Adds another start's files and tells the main window.
    pub fn arrive<R: Runtime>(app: &AppHandle<R>, args: Vec<String>, cwd: &str) {
        let more = OpenedFiles::from_args(args.into_iter().map(OsString::from), Path::new(cwd));
        let more = more
            .waiting
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        if more.is_empty() {
            return;
        }
        app.state::<OpenedFiles>().lock().extend(more);
        let _ = app.emit_to("main", FILES_OPENED_EVENT, ());
    }

    /// The waiting files, granted for reading: their canonical paths for `import_files`.
    pub fn take(&self, grants: &Grants) -> Result<Vec<String>, AppError> {
        let files = std::mem::take(&mut *self.lock());
        paths::choose_import_files(grants, files)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<PathBuf>> {
        self.waiting.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grants::Access;

    #[test]
    fn only_existing_files_from_the_arguments_are_opened_and_granted_once_taken() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("年頭あいさつ.md"), "# 年頭").unwrap();
        let args = [
            "podium-desktop",
            "--verbose",
            "年頭あいさつ.md",
            "missing.md",
            ".",
        ]
        .map(OsString::from);
        let opened = OpenedFiles::from_args(args, dir.path());
        let grants = Grants::default();
        let taken = opened.take(&grants).unwrap();
        let expected = dir.path().join("年頭あいさつ.md").canonicalize().unwrap();
        assert_eq!(taken, vec![expected.to_string_lossy().into_owned()]);
        assert!(grants.check(Access::ReadFile, &taken[0]).is_ok());
        assert!(opened.take(&grants).unwrap().is_empty(), "taken once");
    }
}
