//! Settings of the platform's webview that wry does not expose.

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
        if cfg!(debug_assertions) {
            if let Some(settings) = view.settings() {
                settings.set_enable_write_console_messages_to_stdout(true);
            }
        }
    })
}

#[cfg(not(target_os = "linux"))]
pub fn configure(_window: &tauri::WebviewWindow) -> tauri::Result<()> {
    Ok(())
}
