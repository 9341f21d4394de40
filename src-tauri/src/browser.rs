//! Opening an address in the system's browser: the one way out of the app, for the WordPress
//! draft Podium just saved (the app layer's `wordpress::draft_to_open` says which addresses
//! qualify). Always after asking, in a native dialog the page cannot answer; the page itself
//! has no opener permission (navigation.rs keeps every webview on the app).

use podium_app::{AppError, ErrorCode};
use tauri::{Runtime, WebviewWindow};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};
use tauri_plugin_opener::OpenerExt;

/// Asks whether to open `url`, then opens it in the system's browser; whether it was opened.
pub fn open_after_asking<R: Runtime>(
    window: &WebviewWindow<R>,
    url: &str,
) -> Result<bool, AppError> {
    let open = window
        .dialog()
        .message(format!(
            "WordPressの下書きをブラウザで開きますか？\nOpen the WordPress draft in your browser?\n\n{url}"
        ))
        .title("ブラウザで開く (Open in browser)")
        .kind(MessageDialogKind::Info)
        .buttons(MessageDialogButtons::OkCancelCustom(
            "開く (Open)".into(),
            "キャンセル (Cancel)".into(),
        ))
        .parent(window)
        .blocking_show();
    if open {
        window
            .opener()
            .open_url(url, None::<&str>)
            .map_err(|error| {
                AppError::new(
                    ErrorCode::Io,
                    format!("ブラウザを開けません (cannot open the browser: {error})"),
                )
            })?;
    }
    Ok(open)
}
