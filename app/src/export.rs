//! Exports of a draft, the blog's 要旨, the reading script to print, Word documents, and
//! writing an export to a file.

use crate::error::AppError;
use crate::state::App;
use crate::wire::{self, check};
use podium::{export, script, templates};
use std::path::Path;

/// `ruby: None` is the profile's default (plain text: 漢字（かんじ）, a blog post its
/// destination's, else `<ruby>`); the blog's 要旨, lead-in line and destination as the writer
/// chose them (`None`: made from the draft, and none);
/// `accessible`: for screen readers (see [`export::ExportOptions::accessible`]).
pub fn export_text(
    state: &App,
    body: &str,
    profile: wire::ExportProfile,
    ruby: Option<wire::RubyStyle>,
    blog: wire::BlogParts,
    accessible: bool,
) -> Result<String, AppError> {
    check::body(body)?;
    let options = export_options(state, profile, ruby, blog, accessible)?;
    Ok(export::export(&script::parse(body), &options))
}

/// The options of an export as the writer chose them, checked; a blog post's ruby is its
/// destination's default unless chosen.
pub(crate) fn export_options(
    state: &App,
    profile: wire::ExportProfile,
    ruby: Option<wire::RubyStyle>,
    blog: wire::BlogParts,
    accessible: bool,
) -> Result<export::ExportOptions, AppError> {
    if let Some(lines) = &blog.summary {
        check::summary(lines)?;
    }
    if let Some(line) = &blog.lead_in {
        check::lead_in(line)?;
    }
    let ruby = match profile {
        wire::ExportProfile::Blog => Some(ruby.unwrap_or(blog.destination.default_ruby())),
        _ => ruby,
    };
    let mut options = state.settings().export_options(profile, ruby);
    options.blog_summary = blog.summary;
    options.blog_lead_in = blog.lead_in;
    options.blog_destination = blog.destination;
    options.accessible = accessible;
    Ok(options)
}

/// The blog's lead-in line for draft `id`: the settings' line with the draft's day (its event's
/// date, else today) and event filled in, for the writer to edit. Empty when the settings have
/// none, or when the draft has no value for a placeholder of it (no event given): a `{{event}}`
/// must never reach the post, and the writer types the line instead.
pub fn blog_lead_in(state: &App, id: i64) -> Result<String, AppError> {
    let id = check::id(id)?;
    let draft = state.with_store(|store| store.draft(id))?;
    let values = templates::Placeholders {
        event: draft.event,
        ..templates::Placeholders::new(draft.event_date.unwrap_or(state.local_now().date()))
    };
    let line = templates::fill(&state.settings().blog_lead_in, &values);
    let complete = templates::unfilled(&line).next().is_none();
    Ok(if complete { line } else { String::new() })
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

/// A Word document of the draft (`export::docx`): the published text, or the reading script
/// with the print's options. `podium export --to docx` and `podium print -o FILE.docx` write it.
pub fn word_document(body: &str, document: &wire::WordDocument) -> Result<Vec<u8>, AppError> {
    check::body(body)?;
    Ok(match document {
        wire::WordDocument::Published => export::docx::published(&script::parse(body)),
        wire::WordDocument::ReadingScript { options } => {
            check::print_options(options)?;
            export::docx::reading_script(&script::parse(body), options)
        }
    })
}

/// Writes a Word document of the draft to `path` (the shell passes only the file the user
/// chose in the save dialog) atomically. The document is made here from the draft's text: its
/// bytes never cross IPC.
pub fn save_word_document(
    path: &Path,
    body: &str,
    document: &wire::WordDocument,
) -> Result<(), AppError> {
    let bytes = word_document(body, document)?;
    export::write_file_atomically(path, &bytes).map_err(Into::into)
}
