//! The commands that take a path. What the user chose in a native dialog (`dialogs.rs`) is
//! granted (`grants.rs`); a path from the page is used only when granted (else
//! `not_permitted`, nothing read or written), and the application layer does the rest.

use crate::grants::{Access, Grants};
use podium_app::wire::{self, check};
use podium_app::{export, library, upkeep, App, AppError, ErrorCode};
use std::path::{Path, PathBuf};

/// The files the user chose in the open dialog, granted for reading: their canonical paths,
/// for [`import_files`].
pub fn choose_import_files(grants: &Grants, chosen: Vec<PathBuf>) -> Result<Vec<String>, AppError> {
    check::import_paths(&chosen)?;
    chosen
        .iter()
        .map(|path| grant(grants, Access::ReadFile, path))
        .collect()
}

/// The file the user chose in the save dialog, granted for writing (`None`: cancelled).
pub fn choose_export_path(
    grants: &Grants,
    chosen: Option<PathBuf>,
) -> Result<Option<String>, AppError> {
    chosen
        .map(|path| grant(grants, Access::WriteFile, &path))
        .transpose()
}

/// The folder the user chose, granted for creating files in it (`None`: cancelled).
pub fn choose_folder(grants: &Grants, chosen: Option<PathBuf>) -> Result<Option<String>, AppError> {
    chosen
        .map(|path| grant(grants, Access::WriteIntoFolder, &path))
        .transpose()
}

/// Records the grant; the canonical path as the page passes it back.
fn grant(grants: &Grants, access: Access, chosen: &Path) -> Result<String, AppError> {
    let granted = grants.grant(access, chosen)?;
    granted.into_os_string().into_string().map_err(|path| {
        AppError::invalid(format!(
            "このファイル名は扱えません (the path is not valid Unicode: {})",
            path.to_string_lossy()
        ))
    })
}

/// Only files the user chose in the open dialog: one never chosen refuses the whole import.
/// A chosen file that is gone since is listed with the reason (see [`library::import_files`]).
pub fn import_files(
    app: &App,
    grants: &Grants,
    paths: Vec<String>,
) -> Result<wire::ImportReport, AppError> {
    check::import_paths(&paths)?;
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        match grants.check(Access::ReadFile, &path) {
            Err(e) if matches!(e.code, ErrorCode::NotPermitted | ErrorCode::InvalidInput) => {
                return Err(e)
            }
            checked => files.push((path, checked)),
        }
    }
    library::import_files(app, files)
}

/// Writes exactly the file the user chose in the save dialog.
pub fn save_export(grants: &Grants, path: &str, contents: &str) -> Result<(), AppError> {
    let path = grants.check(Access::WriteFile, path)?;
    export::save_export(&path, contents)
}

/// Writes a Word document of the draft into exactly the file the user chose in the save dialog.
pub fn save_word_document(
    grants: &Grants,
    path: &str,
    body: &str,
    document: &wire::WordDocument,
) -> Result<(), AppError> {
    let path = grants.check(Access::WriteFile, path)?;
    export::save_word_document(&path, body, document)
}

/// Every draft into the folder the user chose in the folder dialog.
pub fn export_all(
    app: &App,
    grants: &Grants,
    folder: &str,
    progress: impl FnMut(wire::ExportAllProgress),
) -> Result<wire::ExportAllReport, AppError> {
    let folder = grants.check(Access::WriteIntoFolder, folder)?;
    upkeep::export_all(app, &folder, progress)
}
