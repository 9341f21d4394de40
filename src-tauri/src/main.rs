//! Podium's desktop shell: registers the commands and opens the main window.
//!
//! Commands are thin adapters over the `podium` core: take state, call the core, map the error.
//! No domain logic lives here.

// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use tauri::Manager;

/// The version of Podium (the core and the shell share the workspace version).
#[tauri::command]
fn app_version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![app_version])
        .setup(|app| {
            if let Some(window) = app.get_webview_window("main") {
                configure_webview(&window)?;
            }
            Ok(())
        })
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("Podium failed to start");
}

/// Linux (WebKitGTK) settings that wry does not expose.
///
/// - wry disables IME preedit, which hides the text being composed in a Japanese input method;
///   turn it back on so the composition shows inline at the cursor.
/// - Debug builds write the page's console (CSP violations, errors) to stdout, so a run under
///   Xvfb shows what went wrong in the page.
#[cfg(target_os = "linux")]
fn configure_webview(window: &tauri::WebviewWindow) -> tauri::Result<()> {
    window.with_webview(|webview| {
        use webkit2gtk::{InputMethodContextExt, SettingsExt, WebViewExt};
        let view = webview.inner();
        if let Some(context) = view.input_method_context() {
            context.set_enable_preedit(true);
        }
        if cfg!(debug_assertions) {
            if let Some(settings) = view.settings() {
                settings.set_enable_write_console_messages_to_stdout(true);
            }
        }
    })
}

#[cfg(not(target_os = "linux"))]
fn configure_webview(_window: &tauri::WebviewWindow) -> tauri::Result<()> {
    Ok(())
}
