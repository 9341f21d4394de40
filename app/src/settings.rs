//! The office's settings.

use crate::error::AppError;
use crate::state::App;
use crate::wire::{self};

pub fn get_settings(state: &App) -> wire::Settings {
    state.settings()
}

pub fn set_settings(state: &App, settings: wire::Settings) -> Result<wire::Settings, AppError> {
    state.set_settings(settings)
}
