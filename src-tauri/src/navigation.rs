//! The app's webviews stay on the app: every window is built with a navigation handler that
//! lets through only the app's own origin (`tauri://localhost` on Linux and macOS,
//! `http(s)://tauri.localhost` on Windows, and the dev server in a dev build) and refuses
//! everything else — a link in the export preview, `location = "https://…"` from a script —
//! and with a new-window handler that opens nothing (`target=_blank`, `window.open`). No link
//! opens outside either: the app has no opener or shell permission, and the export preview
//! shows a link's address as text instead of following it (SECURITY.md §6).

use tauri::webview::NewWindowResponse;
use tauri::{Manager, Runtime, Url, WebviewWindowBuilder};

/// Whether `url` is one of the app's own pages.
pub fn is_app_url(url: &Url, dev_url: Option<&Url>) -> bool {
    let own = match (url.scheme(), url.host_str()) {
        ("tauri", Some("localhost")) => true,
        ("http" | "https", Some("tauri.localhost")) => url.port().is_none(),
        _ => false,
    };
    own || dev_url.is_some_and(|dev| dev.origin() == url.origin())
}

/// The dev server's URL in a dev build (`tauri dev`); `None` in a build with the UI embedded.
pub fn dev_url<R: Runtime>(manager: &impl Manager<R>) -> Option<Url> {
    if tauri::is_dev() {
        manager.config().build.dev_url.clone()
    } else {
        None
    }
}

/// `builder` with the navigation guard and no new windows.
pub fn guard<'a, R: Runtime, M: Manager<R>>(
    builder: WebviewWindowBuilder<'a, R, M>,
    dev_url: Option<Url>,
) -> WebviewWindowBuilder<'a, R, M> {
    builder
        .on_navigation(move |url| {
            let allowed = is_app_url(url, dev_url.as_ref());
            if !allowed {
                eprintln!("podium: navigation refused: {url}");
            }
            allowed
        })
        .on_new_window(|url, _| {
            eprintln!("podium: new window refused: {url}");
            NewWindowResponse::Deny
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn only_the_apps_own_pages() {
        for own in [
            "tauri://localhost/",
            "tauri://localhost/index.html#top",
            "tauri://localhost/prompter.html?draft=3",
            "http://tauri.localhost/",
            "https://tauri.localhost/prompter.html",
        ] {
            assert!(is_app_url(&url(own), None), "{own}");
        }
        for foreign in [
            "https://example.com/",
            "http://localhost:5173/",
            "https://tauri.localhost.example.com/",
            "http://tauri.localhost:8080/",
            "tauri://evil/",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "javascript:alert(1)",
            "about:blank",
            "mailto:mayor@example.jp",
        ] {
            assert!(!is_app_url(&url(foreign), None), "{foreign}");
        }
    }

    #[test]
    fn the_dev_server_only_in_a_dev_build() {
        let dev = url("http://localhost:5173");
        assert!(is_app_url(
            &url("http://localhost:5173/index.html"),
            Some(&dev)
        ));
        assert!(!is_app_url(&url("http://localhost:5174/"), Some(&dev)));
        assert!(!is_app_url(&url("https://localhost:5173/"), Some(&dev)));
        assert!(!is_app_url(&url("http://localhost:5173/"), None));
    }
}
