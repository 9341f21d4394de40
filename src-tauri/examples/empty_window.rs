//! The floor of `make bench-app`: an empty Tauri 2 window — the same tauri, wry and WebKitGTK
//! as the app, a one-line page, no plugins, no database — measured the same way, so the app's
//! start-up and memory figures can be read against what the platform itself costs.
//! Built only by the benchmark (`--features bench-empty-window`).

use tauri::{WebviewUrl, WebviewWindowBuilder};

fn main() {
    let mut context = tauri::generate_context!("../tauri.conf.json");
    context.config_mut().app.windows.clear();
    tauri::Builder::default()
        .register_uri_scheme_protocol("empty", |_, _| {
            tauri::http::Response::builder()
                .header("Content-Type", "text/html; charset=utf-8")
                .body(b"<!doctype html><p class=cm-line>Podium</p>".to_vec())
                .expect("a static response")
        })
        .setup(|app| {
            let url = "empty://localhost/".parse().map_err(|e| format!("{e}"))?;
            WebviewWindowBuilder::new(app, "main", WebviewUrl::CustomProtocol(url))
                .title("empty")
                .inner_size(1200.0, 800.0)
                .build()?;
            Ok(())
        })
        .run(context)
        .expect("the empty window failed to start");
}
