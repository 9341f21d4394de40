//! The operator's remote (`podium_app::remote`) in the desktop app: how it reaches the prompter
//! window (the same command event as the operator view), reads the prompter's script and
//! settings, and finds its page among the app's embedded files; the prompter's reports heard
//! for it; and the remote turned off when the prompter closes.

use podium_app::remote::{Host, Remote};
use podium_app::wire::NotesShown;
use podium_app::wire::{
    PrompterScript, RemoteCommand, RemoteStatus, PROMPTER_COMMAND_EVENT, PROMPTER_REPORT_EVENT,
};
use podium_app::{prompter, App, AppError};
use std::sync::Arc;
use tauri::{AppHandle, Emitter, Listener, Manager};

/// The app, and the label of the prompter window the commands go to.
struct Desk(AppHandle, &'static str);

impl Host for Desk {
    fn send(&self, command: RemoteCommand) {
        let _ = self.0.emit_to(self.1, PROMPTER_COMMAND_EVENT, command);
    }

    fn script(&self, draft_id: i64) -> Result<(PrompterScript, NotesShown), AppError> {
        let state = self.0.state::<App>();
        let notes = prompter::get_prompter_settings(&state).notes;
        Ok((prompter::prompter_script(&state, draft_id)?, notes))
    }

    fn asset(&self, path: &str) -> Option<(Vec<u8>, String)> {
        let asset = self.0.asset_resolver().get(path.to_owned())?;
        Some((asset.bytes, asset.mime_type))
    }

    fn now(&self) -> time::OffsetDateTime {
        self.0.state::<App>().now()
    }
}

/// The remote's state, and the prompter's reports passed on to it.
pub fn manage(app: &AppHandle) {
    app.manage(Remote::default());
    let handle = app.clone();
    app.listen_any(PROMPTER_REPORT_EVENT, move |event| {
        handle.state::<Remote>().report(event.payload());
    });
}

/// On or off; a phone's commands go to the window labelled `prompter`.
pub fn set(
    app: &AppHandle,
    prompter: &'static str,
    on: bool,
    network: bool,
) -> Result<RemoteStatus, AppError> {
    app.state::<Remote>()
        .set(Arc::new(Desk(app.clone(), prompter)), on, network)
}

/// Off, once no prompter reads.
pub fn prompter_closed(app: &AppHandle) {
    app.state::<Remote>().off();
}
