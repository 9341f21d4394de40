//! Exports of a draft, the blog's 要旨, the reading script to print, and writing an export to a
//! file.

use crate::error::AppError;
use crate::state::App;
use crate::wire::{self, check};
use podium::{export, script};
use std::path::Path;

/// `ruby: None` is the profile's default (plain text: 漢字（かんじ）, else `<ruby>`);
/// `summary`: the blog's 要旨 as the writer edited it (`None`: made from the draft).
pub fn export_text(
    state: &App,
    body: &str,
    profile: wire::ExportProfile,
    ruby: Option<wire::RubyStyle>,
    summary: Option<Vec<String>>,
) -> Result<String, AppError> {
    check::body(body)?;
    if let Some(lines) = &summary {
        check::summary(lines)?;
    }
    let mut options = state.settings().export_options(profile, ruby);
    options.blog_summary = summary;
    Ok(export::export(&script::parse(body), &options))
}

/// The reading script for the lectern as a printable HTML page (`export::print_document`):
/// what the app prints through the system's print dialog and `podium print` writes.
pub fn print_document(body: &str, options: &wire::PrintOptions) -> Result<String, AppError> {
    check::body(body)?;
    check::print_options(options)?;
    Ok(export::print_document(&script::parse(body), options))
}

/// The blog's 要旨 made from the draft, a line each, for the writer to edit.
pub fn blog_summary(body: &str) -> Result<Vec<String>, AppError> {
    check::body(body)?;
    Ok(export::summary::lines(&script::parse(body)))
}

/// Writes an export to `path` (the shell passes only the file the user chose in the save
/// dialog) atomically: a temporary file beside it, renamed.
pub fn save_export(path: &Path, contents: &str) -> Result<(), AppError> {
    check::export_contents(contents)?;
    export::write_file_atomically(path, contents.as_bytes()).map_err(Into::into)
}
