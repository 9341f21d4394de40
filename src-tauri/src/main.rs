//! Podium's desktop shell: registers the plugins, the state and the commands, and opens the
//! main window. No domain logic lives here: commands are one-line adapters over the
//! application layer (`podium_app`, `invoke.rs`), which also declares the types that cross.

// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod browser;
mod clicker;
mod dialogs;
mod grants;
mod invoke;
mod navigation;
mod opened;
mod paths;
mod prompter_window;
mod remote;
#[cfg(test)]
mod tests;
mod webview;

use podium_app::{journal, podium_db_env, upkeep, App, LocalSettings, Location};
use tauri::{Manager, WebviewWindowBuilder};
use tauri_plugin_window_state::StateFlags;
use time::UtcOffset;

fn main() {
    webview::require_runtime();
    webview::choose_renderer();
    // Read while the process has one thread: later the platform may refuse (see `time`).
    let local_offset = UtcOffset::current_local_offset().unwrap_or(UtcOffset::UTC);
    let podium_db = podium_db_env();
    let mut builder = tauri::Builder::default();
    // One app per database: a second start focuses the first one's window. A database named by
    // PODIUM_DB (tests, a second office) runs beside the default one.
    if podium_db.is_none() {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            opened::OpenedFiles::arrive(app, args, &cwd);
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }));
    }
    builder
        .plugin(
            tauri_plugin_window_state::Builder::new()
                .with_state_flags(StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED)
                // The prompter is placed on its display each time it opens.
                .with_denylist(&[
                    prompter_window::LABEL,
                    podium_app::wire::SECOND_SCREEN_WINDOW,
                ])
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .setup(move |app| {
            // Which library (this PC's file or the office's server) and who writes.
            let local = LocalSettings::load();
            let location = local.location(podium_db);
            // On a server, saves wait in a journal on this PC while it is out of reach.
            let journal = matches!(location, Location::Server(_))
                .then(journal::default_folder)
                .flatten();
            let mut state = App::open(location)
                .with_author(local.author())
                .with_local_offset(local_offset);
            if let Some(folder) = journal {
                state = state.with_journal(folder);
            }
            // A desktop without global shortcuts (some Wayland sessions) runs without them.
            if let Err(error) = app.handle().plugin(clicker::plugin()) {
                eprintln!("podium: no global shortcuts on this desktop: {error}");
            }
            podium_app::start(&state);
            app.manage(state);
            app.manage(grants::Grants::default());
            // The files this start was asked to open (an associated `.md`, "Open with").
            let cwd = std::env::current_dir().unwrap_or_default();
            app.manage(opened::OpenedFiles::from_args(std::env::args_os(), &cwd));
            remote::manage(app.handle());
            let handle = app.handle().clone();
            std::thread::spawn(move || upkeep::back_up_if_due(&handle.state::<App>()));
            // Built here rather than from the config (where `create` is false), to add the
            // navigation guard (navigation.rs).
            if let Some(config) = app.config().app.windows.iter().find(|w| w.label == "main") {
                let builder = WebviewWindowBuilder::from_config(app.handle(), config)?;
                let window =
                    navigation::guard(builder, navigation::dev_url(app.handle())).build()?;
                webview::configure(&window)?;
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            invoke::app_info,
            invoke::list_drafts,
            invoke::search_drafts,
            invoke::get_draft,
            invoke::list_templates,
            invoke::create_draft,
            invoke::duplicate_draft,
            invoke::update_draft_meta,
            invoke::delete_draft,
            invoke::restore_draft,
            invoke::import_files,
            invoke::save_draft,
            invoke::list_revisions,
            invoke::get_revision,
            invoke::restore_revision,
            invoke::analyse,
            invoke::analyse_edits,
            invoke::dismiss_finding,
            invoke::undo_dismissal,
            invoke::set_draft_rule_off,
            invoke::list_readings,
            invoke::put_reading,
            invoke::delete_reading,
            invoke::export_text,
            invoke::blog_summary,
            invoke::blog_lead_in,
            invoke::save_wordpress_draft,
            invoke::open_wordpress_draft,
            invoke::paste_html,
            invoke::print_document,
            invoke::save_export,
            invoke::save_word_document,
            invoke::choose_import_files,
            invoke::take_opened_files,
            invoke::choose_export_path,
            invoke::choose_folder,
            invoke::get_settings,
            invoke::set_settings,
            invoke::set_status,
            invoke::status_changes,
            invoke::add_comment,
            invoke::list_comments,
            invoke::resolve_comment,
            invoke::present,
            invoke::absent,
            invoke::list_trash,
            invoke::empty_trash,
            invoke::get_local_settings,
            invoke::set_local_settings,
            invoke::prompter_script,
            invoke::get_prompter_settings,
            invoke::set_prompter_settings,
            invoke::save_rehearsal,
            invoke::rehearsal_summary,
            invoke::list_displays,
            invoke::open_prompter,
            invoke::set_prompter_full_screen,
            invoke::close_prompter,
            invoke::open_second_screen,
            invoke::close_second_screen,
            invoke::hear_clicker_everywhere,
            invoke::remote_status,
            invoke::set_remote,
            invoke::revoke_remote_device,
            invoke::backups,
            invoke::repair_database,
            invoke::recover_database,
            invoke::export_all,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("Podium failed to start");
}
