//! The Tauri commands: each forwards to the function of the same name in `commands.rs`.
//! They run on Tauri's thread pool (`async`), never on the window's main thread. Arguments are
//! camelCase on the JavaScript side (`baseRevision`, `revisionId`).

use crate::error::AppError;
use crate::ipc::{
    Analysis, AppInfo, Backups, Draft, DraftMeta, DraftSummary, ExportAllProgress, ExportAllReport,
    ExportProfile, ImportReport, NewDraftValues, ReadingEntry, Recovered, RecoveryChoice, Repaired,
    Revision, RevisionSummary, RubyStyle, SaveKind, Saved, SearchHit, Settings, TemplateInfo,
};
use crate::ipc::{Display, PrompterScript, PrompterSettings, RehearsalSummary};
use crate::prompter_window;
use crate::state::AppState;
use crate::{commands, dialogs};
use tauri::ipc::Channel;
use tauri::{AppHandle, State, WebviewWindow};

type Result<T> = std::result::Result<T, AppError>;

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    commands::app_info(&state)
}

#[tauri::command(async)]
pub fn list_drafts(state: State<'_, AppState>) -> Result<Vec<DraftSummary>> {
    commands::list_drafts(&state)
}

#[tauri::command(async)]
pub fn search_drafts(state: State<'_, AppState>, query: String) -> Result<Vec<SearchHit>> {
    commands::search_drafts(&state, &query)
}

#[tauri::command(async)]
pub fn get_draft(state: State<'_, AppState>, id: i64) -> Result<Draft> {
    commands::get_draft(&state, id)
}

#[tauri::command(async)]
pub fn list_templates() -> Vec<TemplateInfo> {
    commands::list_templates()
}

#[tauri::command(async)]
pub fn create_draft(state: State<'_, AppState>, values: NewDraftValues) -> Result<Draft> {
    commands::create_draft(&state, values)
}

#[tauri::command(async)]
pub fn duplicate_draft(state: State<'_, AppState>, id: i64) -> Result<Draft> {
    commands::duplicate_draft(&state, id)
}

#[tauri::command(async)]
pub fn update_draft_meta(state: State<'_, AppState>, id: i64, meta: DraftMeta) -> Result<Draft> {
    commands::update_draft_meta(&state, id, meta)
}

#[tauri::command(async)]
pub fn delete_draft(state: State<'_, AppState>, id: i64) -> Result<()> {
    commands::delete_draft(&state, id)
}

#[tauri::command(async)]
pub fn restore_draft(state: State<'_, AppState>, id: i64) -> Result<()> {
    commands::restore_draft(&state, id)
}

#[tauri::command(async)]
pub fn import_files(state: State<'_, AppState>, paths: Vec<String>) -> Result<ImportReport> {
    commands::import_files(&state, paths)
}

#[tauri::command(async)]
pub fn save_draft(
    state: State<'_, AppState>,
    id: i64,
    body: String,
    base_revision: u32,
    kind: SaveKind,
) -> Result<Saved> {
    commands::save_draft(&state, id, body, base_revision, kind)
}

#[tauri::command(async)]
pub fn list_revisions(state: State<'_, AppState>, id: i64) -> Result<Vec<RevisionSummary>> {
    commands::list_revisions(&state, id)
}

#[tauri::command(async)]
pub fn get_revision(state: State<'_, AppState>, revision_id: i64) -> Result<Revision> {
    commands::get_revision(&state, revision_id)
}

#[tauri::command(async)]
pub fn restore_revision(state: State<'_, AppState>, revision_id: i64) -> Result<Draft> {
    commands::restore_revision(&state, revision_id)
}

#[tauri::command(async)]
pub fn analyse(state: State<'_, AppState>, body: String) -> Result<Analysis> {
    commands::analyse(&state, &body)
}

#[tauri::command]
pub fn list_readings(state: State<'_, AppState>) -> Result<Vec<ReadingEntry>> {
    commands::list_readings(&state)
}

#[tauri::command]
pub fn put_reading(
    state: State<'_, AppState>,
    written: String,
    reading: String,
) -> Result<Vec<ReadingEntry>> {
    commands::put_reading(&state, &written, &reading)
}

#[tauri::command]
pub fn delete_reading(state: State<'_, AppState>, written: String) -> Result<Vec<ReadingEntry>> {
    commands::delete_reading(&state, &written)
}

#[tauri::command(async)]
pub fn export_text(
    state: State<'_, AppState>,
    body: String,
    profile: ExportProfile,
    ruby: Option<RubyStyle>,
    summary: Option<Vec<String>>,
) -> Result<String> {
    commands::export_text(&state, &body, profile, ruby, summary)
}

#[tauri::command(async)]
pub fn blog_summary(body: String) -> Result<Vec<String>> {
    commands::blog_summary(&body)
}

#[tauri::command(async)]
pub fn save_export(state: State<'_, AppState>, path: String, contents: String) -> Result<()> {
    commands::save_export(&state, &path, &contents)
}

/// The native dialogs (`dialogs.rs`), modal to the calling window; what the user chose is
/// granted (`grants.rs`) and its canonical path returned.
#[tauri::command(async)]
pub fn choose_import_files(
    window: WebviewWindow,
    state: State<'_, AppState>,
    filter_name: String,
) -> Result<Vec<String>> {
    commands::choose_import_files(&state, dialogs::pick_files(&window, &filter_name))
}

#[tauri::command(async)]
pub fn choose_export_path(
    window: WebviewWindow,
    state: State<'_, AppState>,
    default_name: String,
    extension: String,
) -> Result<Option<String>> {
    let chosen = dialogs::save_file(&window, &default_name, &extension);
    commands::choose_export_path(&state, chosen)
}

#[tauri::command(async)]
pub fn choose_folder(window: WebviewWindow, state: State<'_, AppState>) -> Result<Option<String>> {
    commands::choose_folder(&state, dialogs::pick_folder(&window))
}

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> Settings {
    commands::get_settings(&state)
}

#[tauri::command(async)]
pub fn set_settings(state: State<'_, AppState>, settings: Settings) -> Result<Settings> {
    commands::set_settings(&state, settings)
}

#[tauri::command(async)]
pub fn prompter_script(state: State<'_, AppState>, id: i64) -> Result<PrompterScript> {
    commands::prompter_script(&state, id)
}

#[tauri::command(async)]
pub fn get_prompter_settings(state: State<'_, AppState>) -> PrompterSettings {
    commands::get_prompter_settings(&state)
}

#[tauri::command(async)]
pub fn set_prompter_settings(
    state: State<'_, AppState>,
    settings: PrompterSettings,
) -> Result<PrompterSettings> {
    commands::set_prompter_settings(&state, settings)
}

#[tauri::command(async)]
pub fn save_rehearsal(
    state: State<'_, AppState>,
    id: i64,
    revision: u32,
    section_seconds: Vec<f64>,
) -> Result<RehearsalSummary> {
    commands::save_rehearsal(&state, id, revision, section_seconds)
}

#[tauri::command(async)]
pub fn rehearsal_summary(state: State<'_, AppState>, id: i64) -> Result<RehearsalSummary> {
    commands::rehearsal_summary(&state, id)
}

#[tauri::command(async)]
pub fn list_displays(app: AppHandle) -> Result<Vec<Display>> {
    prompter_window::displays(&app)
}

#[tauri::command(async)]
pub fn open_prompter(app: AppHandle, id: i64, display: Option<String>) -> Result<()> {
    prompter_window::open(&app, crate::ipc::check::id(id)?, display.as_deref())
}

#[tauri::command(async)]
pub fn set_prompter_full_screen(app: AppHandle, on: bool) -> Result<()> {
    prompter_window::set_full_screen(&app, on)
}

#[tauri::command(async)]
pub fn close_prompter(app: AppHandle) -> Result<()> {
    prompter_window::close(&app)
}

#[tauri::command(async)]
pub fn backups(state: State<'_, AppState>) -> Result<Backups> {
    commands::backups(&state)
}

#[tauri::command(async)]
pub fn repair_database(state: State<'_, AppState>) -> Result<Repaired> {
    commands::repair_database(&state)
}

#[tauri::command(async)]
pub fn recover_database(state: State<'_, AppState>, choice: RecoveryChoice) -> Result<Recovered> {
    commands::recover_database(&state, choice)
}

/// Progress goes to `on_progress`; a window that went away just stops hearing it.
#[tauri::command(async)]
pub fn export_all(
    state: State<'_, AppState>,
    folder: String,
    on_progress: Channel<ExportAllProgress>,
) -> Result<ExportAllReport> {
    commands::export_all(&state, &folder, |progress| {
        let _ = on_progress.send(progress);
    })
}
