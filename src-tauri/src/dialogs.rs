//! The native open, save and folder dialogs, opened from Rust so that what the user chose
//! there — and only that — becomes a grant (`grants.rs`, recorded by the commands
//! `choose_import_files`, `choose_export_path`, `choose_folder`). The page has no dialog
//! permission. Each dialog is modal to the window that asked and blocks only the command's
//! thread (commands run on Tauri's thread pool, never on the main thread).

use std::path::PathBuf;
use tauri::{Runtime, WebviewWindow};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};

fn file_dialog<R: Runtime>(window: &WebviewWindow<R>) -> FileDialogBuilder<R> {
    window.dialog().file().set_parent(window)
}

/// A path the dialog gave (a `file://` URL on some platforms); others are dropped.
fn path(chosen: FilePath) -> Option<PathBuf> {
    chosen.into_path().ok()
}

/// What the import dialog offers: Markdown, text and Word documents (the app layer reads a
/// file by its content, whatever its name).
pub const IMPORT_EXTENSIONS: [&str; 3] = ["md", "txt", "docx"];

/// Markdown, text and Word files to import; empty when cancelled.
pub fn pick_files<R: Runtime>(window: &WebviewWindow<R>, filter_name: &str) -> Vec<PathBuf> {
    file_dialog(window)
        .add_filter(filter_name, &IMPORT_EXTENSIONS)
        .blocking_pick_files()
        .unwrap_or_default()
        .into_iter()
        .filter_map(path)
        .collect()
}

/// Where to save an export (the dialog asks before replacing a file); `None` when cancelled.
pub fn save_file<R: Runtime>(
    window: &WebviewWindow<R>,
    default_name: &str,
    extension: &str,
) -> Option<PathBuf> {
    file_dialog(window)
        .set_file_name(default_name)
        .add_filter(extension, &[extension])
        .blocking_save_file()
        .and_then(path)
}

/// A folder to export into; `None` when cancelled.
pub fn pick_folder<R: Runtime>(window: &WebviewWindow<R>) -> Option<PathBuf> {
    file_dialog(window).blocking_pick_folder().and_then(path)
}
