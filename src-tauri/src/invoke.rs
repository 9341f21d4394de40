//! The Tauri commands: each forwards to the application layer (`podium_app`), or to `paths.rs`
//! for the commands that take a path the user chose. They run on Tauri's thread pool
//! (`async`), never on the window's main thread. Arguments are camelCase on the JavaScript
//! side (`baseRevision`, `revisionId`).

use crate::grants::Grants;
use crate::opened::OpenedFiles;
use crate::{browser, clicker, dialogs, paths, prompter_window, remote};
use podium_app::local_settings::{self, LocalSettings};
use podium_app::remote::Remote;
use podium_app::wire::{
    Analysis, AnalysisUpdate, AppInfo, Backups, BlogParts, Comment, Display, Draft, DraftMeta,
    DraftStatus, DraftSummary, ExportAllProgress, ExportAllReport, ExportProfile, ImportReport,
    NewDraftValues, Pasted, PrintOptions, PrompterScript, PrompterSettings, ReadingEntry,
    Recovered, RecoveryChoice, RehearsalSummary, RemoteStatus, Repaired, Revision, RevisionSummary,
    RubyStyle, SaveKind, Saved, SearchHit, Settings, StatusChange, TemplateInfo, TextEdit,
    TrashedDraft, WordDocument, WordpressDraft,
};
use podium_app::workflow;
use podium_app::{
    analysis, export, findings, library, prompter, readings, settings, upkeep, wordpress, App,
    AppError,
};
use tauri::ipc::Channel;
use tauri::{AppHandle, State, WebviewWindow};

type Result<T> = std::result::Result<T, AppError>;

#[tauri::command(async)]
pub fn app_info(state: State<'_, App>) -> AppInfo {
    library::app_info(&state)
}

#[tauri::command(async)]
pub fn list_drafts(state: State<'_, App>) -> Result<Vec<DraftSummary>> {
    library::list_drafts(&state)
}

#[tauri::command(async)]
pub fn search_drafts(state: State<'_, App>, query: String) -> Result<Vec<SearchHit>> {
    library::search_drafts(&state, &query)
}

#[tauri::command(async)]
pub fn get_draft(state: State<'_, App>, id: i64) -> Result<Draft> {
    library::get_draft(&state, id)
}

#[tauri::command(async)]
pub fn list_templates() -> Vec<TemplateInfo> {
    library::list_templates()
}

#[tauri::command(async)]
pub fn create_draft(state: State<'_, App>, values: NewDraftValues) -> Result<Draft> {
    library::create_draft(&state, values)
}

#[tauri::command(async)]
pub fn duplicate_draft(state: State<'_, App>, id: i64) -> Result<Draft> {
    library::duplicate_draft(&state, id)
}

#[tauri::command(async)]
pub fn update_draft_meta(state: State<'_, App>, id: i64, meta: DraftMeta) -> Result<Draft> {
    library::update_draft_meta(&state, id, meta)
}

#[tauri::command(async)]
pub fn delete_draft(state: State<'_, App>, id: i64) -> Result<()> {
    library::delete_draft(&state, id)
}

#[tauri::command(async)]
pub fn restore_draft(state: State<'_, App>, id: i64) -> Result<()> {
    library::restore_draft(&state, id)
}

#[tauri::command(async)]
pub fn import_files(
    state: State<'_, App>,
    grants: State<'_, Grants>,
    paths: Vec<String>,
) -> Result<ImportReport> {
    paths::import_files(&state, &grants, paths)
}

#[tauri::command(async)]
pub fn save_draft(
    state: State<'_, App>,
    id: i64,
    body: String,
    base_revision: u32,
    kind: SaveKind,
) -> Result<Saved> {
    library::save_draft(&state, id, body, base_revision, kind)
}

#[tauri::command(async)]
pub fn list_revisions(state: State<'_, App>, id: i64) -> Result<Vec<RevisionSummary>> {
    library::list_revisions(&state, id)
}

#[tauri::command(async)]
pub fn get_revision(state: State<'_, App>, revision_id: i64) -> Result<Revision> {
    library::get_revision(&state, revision_id)
}

#[tauri::command(async)]
pub fn restore_revision(state: State<'_, App>, revision_id: i64) -> Result<Draft> {
    library::restore_revision(&state, revision_id)
}

#[tauri::command(async)]
pub fn analyse(state: State<'_, App>, body: String, draft: Option<i64>) -> Result<Analysis> {
    analysis::analyse(&state, &body, draft)
}

#[tauri::command(async)]
pub fn dismiss_finding(
    state: State<'_, App>,
    draft: i64,
    version: u32,
    rule: String,
    from: u32,
    to: u32,
) -> Result<()> {
    findings::dismiss_finding(&state, draft, version, &rule, from, to)
}

#[tauri::command(async)]
pub fn undo_dismissal(
    state: State<'_, App>,
    draft: i64,
    version: u32,
    rule: String,
    from: u32,
    to: u32,
) -> Result<()> {
    findings::undo_dismissal(&state, draft, version, &rule, from, to)
}

#[tauri::command(async)]
pub fn set_draft_rule_off(
    state: State<'_, App>,
    draft: i64,
    rule: String,
    off: bool,
) -> Result<()> {
    findings::set_draft_rule_off(&state, draft, &rule, off)
}

/// The editor's edits since the analysis of `version`; only what changed comes back.
#[tauri::command(async)]
pub fn analyse_edits(
    state: State<'_, App>,
    version: u32,
    edits: Vec<TextEdit>,
) -> Result<AnalysisUpdate> {
    analysis::analyse_edits(&state, version, &edits)
}

#[tauri::command]
pub fn list_readings(state: State<'_, App>) -> Result<Vec<ReadingEntry>> {
    readings::list_readings(&state)
}

#[tauri::command]
pub fn put_reading(
    state: State<'_, App>,
    written: String,
    reading: String,
) -> Result<Vec<ReadingEntry>> {
    readings::put_reading(&state, &written, &reading)
}

#[tauri::command]
pub fn delete_reading(state: State<'_, App>, written: String) -> Result<Vec<ReadingEntry>> {
    readings::delete_reading(&state, &written)
}

#[tauri::command(async)]
pub fn export_text(
    state: State<'_, App>,
    body: String,
    profile: ExportProfile,
    ruby: Option<RubyStyle>,
    blog: BlogParts,
    accessible: bool,
) -> Result<String> {
    export::export_text(&state, &body, profile, ruby, blog, accessible)
}

#[tauri::command(async)]
pub fn save_wordpress_draft(
    state: State<'_, App>,
    body: String,
    ruby: Option<RubyStyle>,
    blog: BlogParts,
    accessible: bool,
    password: String,
) -> Result<WordpressDraft> {
    wordpress::save_wordpress_draft(&state, &body, ruby, blog, accessible, &password)
}

/// The WordPress draft's editor in the system's browser, after asking (browser.rs).
#[tauri::command(async)]
pub fn open_wordpress_draft(
    window: WebviewWindow,
    state: State<'_, App>,
    url: String,
) -> Result<bool> {
    browser::open_after_asking(&window, &wordpress::draft_to_open(&state, &url)?)
}

#[tauri::command(async)]
pub fn paste_html(html: String, text: String) -> Result<Pasted> {
    library::paste_html(&html, &text)
}

#[tauri::command(async)]
pub fn print_document(body: String, options: PrintOptions) -> Result<String> {
    export::print_document(&body, &options)
}

#[tauri::command(async)]
pub fn blog_summary(body: String) -> Result<Vec<String>> {
    export::blog_summary(&body)
}

#[tauri::command(async)]
pub fn blog_lead_in(state: State<'_, App>, id: i64) -> Result<String> {
    export::blog_lead_in(&state, id)
}

#[tauri::command(async)]
pub fn save_export(grants: State<'_, Grants>, path: String, contents: String) -> Result<()> {
    paths::save_export(&grants, &path, &contents)
}

#[tauri::command(async)]
pub fn save_word_document(
    grants: State<'_, Grants>,
    path: String,
    body: String,
    document: WordDocument,
) -> Result<()> {
    paths::save_word_document(&grants, &path, &body, &document)
}

/// The native dialogs (`dialogs.rs`), modal to the calling window; what the user chose is
/// granted (`grants.rs`) and its canonical path returned.
#[tauri::command(async)]
pub fn choose_import_files(
    window: WebviewWindow,
    grants: State<'_, Grants>,
    filter_name: String,
) -> Result<Vec<String>> {
    paths::choose_import_files(&grants, dialogs::pick_files(&window, &filter_name))
}

/// The files the desktop asked Podium to open (`opened.rs`), granted for reading.
#[tauri::command(async)]
pub fn take_opened_files(
    opened: State<'_, OpenedFiles>,
    grants: State<'_, Grants>,
) -> Result<Vec<String>> {
    opened.take(&grants)
}

#[tauri::command(async)]
pub fn choose_export_path(
    window: WebviewWindow,
    grants: State<'_, Grants>,
    default_name: String,
    extension: String,
) -> Result<Option<String>> {
    let chosen = dialogs::save_file(&window, &default_name, &extension);
    paths::choose_export_path(&grants, chosen)
}

#[tauri::command(async)]
pub fn choose_folder(window: WebviewWindow, grants: State<'_, Grants>) -> Result<Option<String>> {
    paths::choose_folder(&grants, dialogs::pick_folder(&window))
}

/// This PC's own settings (which library, who writes).
#[tauri::command(async)]
pub fn get_local_settings() -> LocalSettings {
    local_settings::get_local_settings()
}

#[tauri::command(async)]
pub fn set_local_settings(state: State<'_, App>, settings: LocalSettings) -> Result<LocalSettings> {
    local_settings::set_local_settings(&state, settings)
}

/// The office's workflow: a draft's status, its changes, comments, presence.
#[tauri::command(async)]
pub fn set_status(
    state: State<'_, App>,
    id: i64,
    status: DraftStatus,
    reason: String,
) -> Result<Draft> {
    workflow::set_status(&state, id, status, reason)
}

#[tauri::command(async)]
pub fn status_changes(state: State<'_, App>, id: i64) -> Result<Vec<StatusChange>> {
    workflow::status_changes(&state, id)
}

#[tauri::command(async)]
pub fn add_comment(state: State<'_, App>, id: i64, quote: String, body: String) -> Result<Comment> {
    workflow::add_comment(&state, id, quote, body)
}

#[tauri::command(async)]
pub fn list_comments(state: State<'_, App>, id: i64) -> Result<Vec<Comment>> {
    workflow::comments(&state, id)
}

#[tauri::command(async)]
pub fn resolve_comment(state: State<'_, App>, comment_id: i64) -> Result<Comment> {
    workflow::resolve_comment(&state, comment_id)
}

#[tauri::command(async)]
pub fn present(state: State<'_, App>, id: i64) -> Result<Vec<String>> {
    workflow::present(&state, id)
}

#[tauri::command(async)]
pub fn absent(state: State<'_, App>, id: i64) -> Result<()> {
    workflow::absent(&state, id)
}

#[tauri::command(async)]
pub fn get_settings(state: State<'_, App>) -> Settings {
    settings::get_settings(&state)
}

#[tauri::command(async)]
pub fn set_settings(state: State<'_, App>, settings: Settings) -> Result<Settings> {
    settings::set_settings(&state, settings)
}

#[tauri::command(async)]
pub fn prompter_script(state: State<'_, App>, id: i64) -> Result<PrompterScript> {
    prompter::prompter_script(&state, id)
}

#[tauri::command(async)]
pub fn list_trash(state: State<'_, App>) -> Result<Vec<TrashedDraft>> {
    library::list_trash(&state)
}

#[tauri::command(async)]
pub fn empty_trash(state: State<'_, App>) -> Result<usize> {
    library::empty_trash(&state)
}

#[tauri::command(async)]
pub fn get_prompter_settings(state: State<'_, App>) -> PrompterSettings {
    prompter::get_prompter_settings(&state)
}

#[tauri::command(async)]
pub fn set_prompter_settings(
    state: State<'_, App>,
    settings: PrompterSettings,
) -> Result<PrompterSettings> {
    prompter::set_prompter_settings(&state, settings)
}

#[tauri::command(async)]
pub fn save_rehearsal(
    state: State<'_, App>,
    id: i64,
    revision: u32,
    section_seconds: Vec<f64>,
) -> Result<RehearsalSummary> {
    prompter::save_rehearsal(&state, id, revision, section_seconds)
}

#[tauri::command(async)]
pub fn rehearsal_summary(state: State<'_, App>, id: i64) -> Result<RehearsalSummary> {
    prompter::rehearsal_summary(&state, id)
}

#[tauri::command(async)]
pub fn list_displays(app: AppHandle) -> Result<Vec<Display>> {
    prompter_window::displays(&app)
}

#[tauri::command(async)]
pub fn open_prompter(app: AppHandle, id: i64, display: Option<String>) -> Result<()> {
    prompter_window::open(&app, podium_app::wire::check::id(id)?, display.as_deref())
}

#[tauri::command(async)]
pub fn set_prompter_full_screen(app: AppHandle, on: bool) -> Result<()> {
    prompter_window::set_full_screen(&app, on)
}

#[tauri::command(async)]
pub fn close_prompter(app: AppHandle) -> Result<()> {
    prompter_window::close(&app)
}

/// The second screen (a confidence monitor, the other glass), following the prompter.
#[tauri::command(async)]
pub fn open_second_screen(app: AppHandle, id: i64, display: Option<String>) -> Result<()> {
    let id = podium_app::wire::check::id(id)?;
    prompter_window::open_second_screen(&app, id, display.as_deref())
}

#[tauri::command(async)]
pub fn close_second_screen(app: AppHandle) -> Result<()> {
    prompter_window::close_second_screen(&app)
}

/// The clicker's keys heard from anywhere on the desktop while the prompter is open, or not.
#[tauri::command]
pub fn hear_clicker_everywhere(app: AppHandle, on: bool) -> Result<()> {
    clicker::hear_everywhere(&app, on)
}

/// The remote from a phone or tablet: its address, QR code, pairing code and devices.
#[tauri::command(async)]
pub fn remote_status(state: State<'_, Remote>) -> RemoteStatus {
    state.status()
}

/// The remote on (this PC only, or the office network too) or off.
#[tauri::command(async)]
pub fn set_remote(app: AppHandle, on: bool, network: bool) -> Result<RemoteStatus> {
    remote::set(&app, prompter_window::LABEL, on, network)
}

/// A paired device forgotten, its connection dropped.
#[tauri::command(async)]
pub fn revoke_remote_device(state: State<'_, Remote>, id: u32) -> Result<RemoteStatus> {
    state.revoke(id)
}

#[tauri::command(async)]
pub fn backups(state: State<'_, App>) -> Result<Backups> {
    upkeep::backups(&state)
}

#[tauri::command(async)]
pub fn repair_database(state: State<'_, App>) -> Result<Repaired> {
    upkeep::repair_database(&state)
}

#[tauri::command(async)]
pub fn recover_database(state: State<'_, App>, choice: RecoveryChoice) -> Result<Recovered> {
    upkeep::recover_database(&state, choice)
}

/// Progress goes to `on_progress`; a window that went away just stops hearing it.
#[tauri::command(async)]
pub fn export_all(
    state: State<'_, App>,
    grants: State<'_, Grants>,
    folder: String,
    on_progress: Channel<ExportAllProgress>,
) -> Result<ExportAllReport> {
    paths::export_all(&state, &grants, &folder, |progress| {
        let _ = on_progress.send(progress);
    })
}
