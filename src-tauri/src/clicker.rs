//! A presenter's clicker heard from anywhere on the desktop, when the operator turns it on
//! while a prompter is open (off by default, and off again when the prompter closes): the
//! clicker's keys — [`CLICKER_KEYS`], with and without Shift, and no other key, so that the page
//! can never listen to typing outside the app — become global shortcuts. Each press is told to
//! the main window, which sends the prompter its command as for a key pressed in the window
//! (ui/src/prompter/link.ts).

use podium_app::wire::{CLICKER_EVENT, CLICKER_KEYS};
use podium_app::{AppError, ErrorCode};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime};
use tauri_plugin_global_shortcut::{Code, Modifiers, Shortcut, ShortcutEvent, ShortcutState};

/// A clicker's key as the page's `KeyboardEvent` names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct ClickerKey {
    key: &'static str,
    shift_key: bool,
}

/// The key code of a clicker's key.
fn code(key: &str) -> Option<Code> {
    match key {
        "PageUp" => Some(Code::PageUp),
        "PageDown" => Some(Code::PageDown),
        "F5" => Some(Code::F5),
        _ => None,
    }
}

/// Every shortcut the clicker's keys make: each key alone and with Shift.
fn shortcuts() -> Vec<Shortcut> {
    CLICKER_KEYS
        .iter()
        .filter_map(|key| code(key))
        .flat_map(|code| {
            [
                Shortcut::new(None, code),
                Shortcut::new(Some(Modifiers::SHIFT), code),
            ]
        })
        .collect()
}

/// The clicker's key a shortcut stands for.
fn key_of(shortcut: &Shortcut) -> Option<ClickerKey> {
    let key = CLICKER_KEYS
        .iter()
        .find(|key| code(key) == Some(shortcut.key))?;
    Some(ClickerKey {
        key,
        shift_key: shortcut.mods.contains(Modifiers::SHIFT),
    })
}

/// The plugin, with the handler that tells the main window of each press.
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_global_shortcut::Builder::new()
        .with_handler(
            |app: &AppHandle<R>, shortcut: &Shortcut, event: ShortcutEvent| {
                if event.state != ShortcutState::Pressed {
                    return;
                }
                if let Some(key) = key_of(shortcut) {
                    let _ = app.emit_to("main", CLICKER_EVENT, key);
                }
            },
        )
        .build()
}

/// Turns the clicker's global shortcuts on or off. Off when they are off already is no error;
/// a desktop that refuses them (another program holds the keys, or no global shortcuts at all)
/// is said in one line.
pub fn hear_everywhere<R: Runtime>(app: &AppHandle<R>, on: bool) -> Result<(), AppError> {
    let shortcuts = app.try_state_global_shortcut().ok_or_else(unavailable)?;
    let all = self::shortcuts();
    if on {
        shortcuts.register_multiple(all).map_err(|error| {
            AppError::new(
                ErrorCode::Io,
                format!(
                    "クリッカーのキーをデスクトップ全体で受けられません: {error} \
                     (the desktop refused the clicker's keys)"
                ),
            )
        })
    } else {
        for shortcut in all {
            if shortcuts.is_registered(shortcut) {
                let _ = shortcuts.unregister(shortcut);
            }
        }
        Ok(())
    }
}

fn unavailable() -> AppError {
    AppError::new(
        ErrorCode::Io,
        "このデスクトップではキーをアプリの外から受けられません (no global shortcuts on this desktop)",
    )
}

/// Whether the app has the global shortcuts (a desktop without them runs without).
trait TryGlobalShortcut<R: Runtime> {
    fn try_state_global_shortcut(&self)
        -> Option<&tauri_plugin_global_shortcut::GlobalShortcut<R>>;
}

impl<R: Runtime> TryGlobalShortcut<R> for AppHandle<R> {
    fn try_state_global_shortcut(
        &self,
    ) -> Option<&tauri_plugin_global_shortcut::GlobalShortcut<R>> {
        use tauri::Manager;
        self.try_state::<tauri_plugin_global_shortcut::GlobalShortcut<R>>()
            .map(|state| state.inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_clickers_keys_with_and_without_shift() {
        let all = shortcuts();
        assert_eq!(all.len(), CLICKER_KEYS.len() * 2);
        let heard: Vec<ClickerKey> = all.iter().filter_map(key_of).collect();
        assert!(heard.contains(&ClickerKey {
            key: "PageDown",
            shift_key: true
        }));
        assert!(heard.contains(&ClickerKey {
            key: "F5",
            shift_key: false
        }));
        // No letter, digit or Space: nothing that typing needs.
        assert!(all
            .iter()
            .all(|s| !matches!(s.key, Code::Space | Code::KeyA | Code::Digit1)));
    }
}
