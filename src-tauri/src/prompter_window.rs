//! The prompter window: opened and placed from Rust, so neither window needs a permission to
//! create, move or resize windows. It goes full screen on the chosen display: the one named in
//! the prompter settings, else the first display the main window is not on (the second
//! monitor), else the only one.

use podium_app::wire::{Display, PROMPTER_WINDOW, SECOND_SCREEN_WINDOW};
use podium_app::{AppError, ErrorCode};
use tauri::{AppHandle, Manager, Monitor, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

/// The window's label: its capability (`capabilities/prompter.json`) names it.
pub const LABEL: &str = PROMPTER_WINDOW;

fn failed(error: tauri::Error) -> AppError {
    AppError::new(
        ErrorCode::Internal,
        format!("プロンプターの画面を操作できません (prompter window: {error})"),
    )
}

fn name(monitor: &Monitor, index: usize) -> String {
    monitor
        .name()
        .cloned()
        .unwrap_or_else(|| format!("画面 {}", index + 1))
}

/// The index of the display to use among `names`: `wanted` when it is there, else the first
/// that is not `main`, else the first.
pub fn choose_display(names: &[String], main: Option<&str>, wanted: Option<&str>) -> Option<usize> {
    let find = |name: &str| names.iter().position(|n| n == name);
    wanted
        .and_then(find)
        .or_else(|| names.iter().position(|n| Some(n.as_str()) != main))
        .or((!names.is_empty()).then_some(0))
}

fn main_display(app: &AppHandle, monitors: &[Monitor]) -> Option<String> {
    let current = app.get_webview_window("main")?.current_monitor().ok()??;
    let index = monitors.iter().position(|m| m.name() == current.name())?;
    Some(name(&current, index))
}

pub fn displays(app: &AppHandle) -> Result<Vec<Display>, AppError> {
    let monitors = app.available_monitors().map_err(failed)?;
    let main = main_display(app, &monitors);
    Ok(monitors
        .iter()
        .enumerate()
        .map(|(index, monitor)| {
            let name = name(monitor, index);
            Display {
                main: main.as_deref() == Some(name.as_str()),
                width: monitor.size().width,
                height: monitor.size().height,
                name,
            }
        })
        .collect())
}

/// Whether the prompter window at `url` shows draft `draft_id`.
pub fn shows_draft(url: &tauri::Url, draft_id: i64) -> bool {
    url.path() == "/prompter.html" && url.query() == Some(format!("draft={draft_id}").as_str())
}

/// Opens the prompter on `draft_id`, full screen on the chosen display. The open window shows
/// that draft instead; when it shows it already, it is only brought forward, as it is: a
/// reading under way keeps its place, its clock and its slot (an edit reaches it as an event).
pub fn open(app: &AppHandle, draft_id: i64, display: Option<&str>) -> Result<(), AppError> {
    let path = format!("prompter.html?draft={draft_id}");
    let window = match app.get_webview_window(LABEL) {
        Some(window) => {
            let mut url = window.url().map_err(failed)?;
            if !shows_draft(&url, draft_id) {
                url.set_path("/prompter.html");
                url.set_query(Some(&format!("draft={draft_id}")));
                window.navigate(url).map_err(failed)?;
            }
            window
        }
        None => {
            let builder = WebviewWindowBuilder::new(app, LABEL, WebviewUrl::App(path.into()))
                .title("Podium — プロンプター")
                .visible(false);
            let window = crate::navigation::guard(builder, crate::navigation::dev_url(app))
                .build()
                .map_err(failed)?;
            crate::webview::configure(&window).map_err(failed)?;
            // The clicker's keys are the desktop's again, the remote stops serving, and the
            // second screen (which follows this window) closes, once no prompter reads.
            let handle = app.clone();
            window.on_window_event(move |event| {
                if matches!(event, tauri::WindowEvent::Destroyed) {
                    let _ = close_second_screen(&handle);
                    let _ = crate::clicker::hear_everywhere(&handle, false);
                    crate::remote::prompter_closed(&handle);
                }
            });
            window
        }
    };
    place(app, &window, display).map_err(failed)
}

fn place(app: &AppHandle, window: &WebviewWindow, display: Option<&str>) -> tauri::Result<()> {
    let monitors = app.available_monitors()?;
    let names: Vec<String> = monitors
        .iter()
        .enumerate()
        .map(|(i, m)| name(m, i))
        .collect();
    let main = main_display(app, &monitors);
    if let Some(monitor) = choose_display(&names, main.as_deref(), display).map(|i| &monitors[i]) {
        window.set_fullscreen(false)?;
        window.set_position(*monitor.position())?;
        window.set_size(*monitor.size())?;
    }
    window.show()?;
    window.set_fullscreen(true)?;
    window.set_focus()
}

/// Opens the second screen on `draft_id`: a window that follows the prompter's reports (the
/// same text at its eye line, whatever its own size or mirroring), full screen on the named
/// display, else on one neither the prompter nor the main window is on. With no such display
/// it opens as a window the operator can move. It closes with the prompter.
pub fn open_second_screen(
    app: &AppHandle,
    draft_id: i64,
    display: Option<&str>,
) -> Result<(), AppError> {
    let path = format!("prompter.html?draft={draft_id}&screen=second");
    if let Some(window) = app.get_webview_window(SECOND_SCREEN_WINDOW) {
        window.close().map_err(failed)?;
    }
    let url = WebviewUrl::App(path.into());
    let builder = WebviewWindowBuilder::new(app, SECOND_SCREEN_WINDOW, url)
        .title("Podium — 2台目の画面")
        .inner_size(960.0, 540.0)
        .visible(false);
    let window = crate::navigation::guard(builder, crate::navigation::dev_url(app))
        .build()
        .map_err(failed)?;
    crate::webview::configure(&window).map_err(failed)?;
    place_second(app, &window, display).map_err(failed)
}

fn place_second(
    app: &AppHandle,
    window: &WebviewWindow,
    display: Option<&str>,
) -> tauri::Result<()> {
    let monitors = app.available_monitors()?;
    let names: Vec<String> = monitors
        .iter()
        .enumerate()
        .map(|(i, m)| name(m, i))
        .collect();
    let prompter = app
        .get_webview_window(LABEL)
        .and_then(|w| w.current_monitor().ok().flatten())
        .and_then(|m| names.iter().position(|n| Some(n) == m.name()))
        .map(|i| names[i].clone());
    let taken = [main_display(app, &monitors), prompter];
    let chosen = display
        .and_then(|wanted| names.iter().position(|n| n == wanted))
        .or_else(|| {
            names
                .iter()
                .position(|n| !taken.iter().flatten().any(|t| t == n))
        });
    window.show()?;
    if let Some(monitor) = chosen.map(|i| &monitors[i]) {
        window.set_position(*monitor.position())?;
        window.set_size(*monitor.size())?;
        window.set_fullscreen(true)?;
    }
    Ok(())
}

pub fn close_second_screen(app: &AppHandle) -> Result<(), AppError> {
    if let Some(window) = app.get_webview_window(SECOND_SCREEN_WINDOW) {
        window.close().map_err(failed)?;
    }
    Ok(())
}

/// F5 and Esc in the prompter: full screen on and off.
pub fn set_full_screen(app: &AppHandle, on: bool) -> Result<(), AppError> {
    if let Some(window) = app.get_webview_window(LABEL) {
        window.set_fullscreen(on).map_err(failed)?;
    }
    Ok(())
}

pub fn close(app: &AppHandle) -> Result<(), AppError> {
    if let Some(window) = app.get_webview_window(LABEL) {
        window.close().map_err(failed)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompter_goes_to_the_named_display_else_the_second_else_the_only_one() {
        let names = ["eDP-1".to_owned(), "HDMI-1".to_owned()];
        assert_eq!(
            choose_display(&names, Some("eDP-1"), Some("eDP-1")),
            Some(0)
        );
        assert_eq!(choose_display(&names, Some("eDP-1"), None), Some(1));
        assert_eq!(
            choose_display(&names, Some("HDMI-1"), Some("gone")),
            Some(0)
        );
        assert_eq!(choose_display(&names[..1], Some("eDP-1"), None), Some(0));
        assert_eq!(choose_display(&[], None, None), None);
    }

    #[test]
    fn the_open_window_is_kept_when_it_shows_the_draft_already() {
        let url = |text: &str| tauri::Url::parse(text).unwrap();
        assert!(shows_draft(
            &url("tauri://localhost/prompter.html?draft=7"),
            7
        ));
        assert!(shows_draft(
            &url("http://localhost:5173/prompter.html?draft=7"),
            7
        ));
        assert!(!shows_draft(
            &url("tauri://localhost/prompter.html?draft=17"),
            7
        ));
        assert!(!shows_draft(
            &url("tauri://localhost/index.html?draft=7"),
            7
        ));
    }
}
