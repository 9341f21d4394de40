//! Settings of the platform's webview that wry does not expose, and its presence on Windows.

/// Windows: the window is Microsoft Edge WebView2, which Windows 11 and updated Windows 10
/// have. Without its runtime no window can open and the app would end without a word (a
/// release build has no console), so it says so in one dialog, Japanese then English, with
/// what IT should install, and ends. Nothing is downloaded.
#[cfg(windows)]
pub fn require_runtime() {
    if let Err(error) = tauri::webview_version() {
        rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title("Podium")
            .set_description(format!(
                "Podium を起動できません。この PC に Microsoft Edge WebView2 ランタイムが\
                 ありません。\n情報システム担当の方へ: Microsoft の「WebView2 ランタイム」\
                 （Evergreen スタンドアロン インストーラー）をインストールしてください。\n\n\
                 Podium cannot start: the Microsoft Edge WebView2 Runtime is not installed on \
                 this PC.\nIT: install Microsoft's WebView2 Runtime (Evergreen Standalone \
                 Installer).\n\nhttps://developer.microsoft.com/microsoft-edge/webview2/\n\n\
                 ({error})"
            ))
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
        std::process::exit(1);
    }
}

#[cfg(not(windows))]
pub fn require_runtime() {}

/// Linux (WebKitGTK): the prompter's frame pacing (benches/prompter, a 50,000-character script
/// scrolling under Xvfb) was about 22 frames a second with WebKitGTK's DMA-BUF renderer and a
/// steady 60 without it (0 % dropped frames). So the app turns that renderer off, unless the
/// user has set `WEBKIT_DISABLE_DMABUF_RENDERER` themselves (`=0` brings it back). Called before
/// any window exists (WebKitGTK reads the variable once). Known cost: WebKitWebDriver's
/// screenshot of the full-screen prompter window hangs with the renderer off, so the e2e test
/// captures the X screen instead.
#[cfg(target_os = "linux")]
pub fn choose_renderer() {
    const VARIABLE: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
    if std::env::var_os(VARIABLE).is_none() {
        std::env::set_var(VARIABLE, "1");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn choose_renderer() {}

/// Linux (WebKitGTK):
///
/// - wry disables IME preedit, which hides the text being composed in a Japanese input method;
///   turn it back on so the composition shows inline at the cursor.
/// - With preedit on, WebKitGTK inserts a pending composition twice when the view loses the
///   keyboard focus (Alt-Tab, a click into another window): see [`commit_before_focus_out`].
/// - Debug builds write the page's console (CSP violations, errors) to stdout, so a run under
///   Xvfb shows what went wrong in the page.
/// - The cache model is "document viewer": the app shows its own pages only, so WebKit keeps
///   no page cache and a small memory cache (less memory; nothing to fetch again anyway).
#[cfg(target_os = "linux")]
pub fn configure(window: &tauri::WebviewWindow) -> tauri::Result<()> {
    window.with_webview(|webview| {
        use webkit2gtk::{
            CacheModel, InputMethodContextExt, SettingsExt, WebContextExt, WebViewExt,
        };
        let view = webview.inner();
        if let Some(context) = view.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
        if let Some(context) = view.input_method_context() {
            context.set_enable_preedit(true);
        }
        commit_before_focus_out(&view);
        if cfg!(debug_assertions) {
            if let Some(settings) = view.settings() {
                settings.set_enable_write_console_messages_to_stdout(true);
            }
        }
    })
}

/// WebKitGTK (2.50, `InputMethodFilter::notifyFocusedOut`) handles the view's focus-out with a
/// composition under way by first confirming the preedit text itself (the page gets
/// `compositionend` with it), then telling the input method's context that the focus is gone.
/// ibus's GTK module commits a visible preedit on focus-out (mozc, like most engines, asks for
/// that), and WebKit inserts that commit as a second confirmation: 「本当にありがとうございます」
/// twice, in the editor and in every text field (the page could only guess which insertion to
/// drop: both come as `insertFromComposition` + `compositionend` with the same text).
///
/// So the shell tells the context first, from the view's own `focus-out-event` handler, which
/// GTK runs before WebKit's (the class handler runs last): the input method clears the preedit
/// and commits the pending text once (the page sees the composition emptied, then the text
/// inserted with its `compositionend`), WebKit forgets its preedit, and its own focus-out then
/// finds no composition to confirm and a context that has already lost the focus (ibus's
/// module ignores a second focus-out). With no composition the early focus-out changes nothing.
/// Focus changes inside the page (a click elsewhere, `blur()`) are not GTK focus-outs and were
/// never doubled: ibus commits on the button press before WebKit sees the click. Checked with
/// ibus + mozc by `make test-ime` (ui/e2e/ime.e2e.mjs).
#[cfg(target_os = "linux")]
fn commit_before_focus_out(view: &webkit2gtk::WebView) {
    use gtk::prelude::WidgetExt;
    use webkit2gtk::{InputMethodContextExt, WebViewExt};
    view.connect_focus_out_event(|view, _| {
        if let Some(context) = view.input_method_context() {
            context.notify_focus_out();
        }
        gtk::glib::Propagation::Proceed
    });
}

#[cfg(not(target_os = "linux"))]
pub fn configure(_window: &tauri::WebviewWindow) -> tauri::Result<()> {
    Ok(())
}
