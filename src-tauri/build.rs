/// Every command of the shell (`invoke.rs`). Tauri generates an `allow-<command>` permission for
/// each, and with this list present a window may call only the commands its capability grants
/// (`capabilities/`): the prompter window gets a handful, the main window the rest.
const COMMANDS: &[&str] = &[
    "app_info",
    "list_drafts",
    "search_drafts",
    "get_draft",
    "list_templates",
    "create_draft",
    "duplicate_draft",
    "update_draft_meta",
    "delete_draft",
    "restore_draft",
    "import_files",
    "save_draft",
    "list_revisions",
    "get_revision",
    "restore_revision",
    "analyse",
    "analyse_edits",
    "dismiss_finding",
    "undo_dismissal",
    "set_draft_rule_off",
    "list_readings",
    "put_reading",
    "delete_reading",
    "export_text",
    "blog_summary",
    "blog_lead_in",
    "save_wordpress_draft",
    "open_wordpress_draft",
    "paste_html",
    "print_document",
    "save_export",
    "choose_import_files",
    "choose_export_path",
    "choose_folder",
    "get_settings",
    "set_settings",
    "set_status",
    "status_changes",
    "add_comment",
    "list_comments",
    "resolve_comment",
    "present",
    "absent",
    "list_trash",
    "empty_trash",
    "get_local_settings",
    "set_local_settings",
    "prompter_script",
    "get_prompter_settings",
    "set_prompter_settings",
    "save_rehearsal",
    "rehearsal_summary",
    "list_displays",
    "open_prompter",
    "set_prompter_full_screen",
    "close_prompter",
    "hear_clicker_everywhere",
    "backups",
    "repair_database",
    "recover_database",
    "export_all",
];

fn main() {
    // The Tauri config lives at the repository root (see DESIGN.md §2), not beside this crate.
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
