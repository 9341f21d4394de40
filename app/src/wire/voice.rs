//! What voice mode hears, as the prompter and the operator's meter receive it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One report of the voice pipeline (app/src/voice): about 21 a second, and at once when
/// speech begins or ends. Only this leaves the pipeline — never a sample.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VoiceActivity {
    /// Seconds of audio heard since listening began.
    pub seconds: f64,
    /// Someone speaks (after the onset; until the hangover has passed).
    pub speaking: bool,
    /// RMS level since the last report, dBFS (−90 … 0).
    pub level: f64,
    /// Peak level since the last report, dBFS.
    pub peak: f64,
}

impl VoiceActivity {
    /// Nobody speaks, nothing is heard (the source ended).
    pub fn silent(seconds: f64) -> Self {
        VoiceActivity {
            seconds,
            speaking: false,
            level: LEVEL_FLOOR_DB,
            peak: LEVEL_FLOOR_DB,
        }
    }
}

/// The lowest level reported, dBFS: digital silence reads as this.
pub const LEVEL_FLOOR_DB: f64 = -90.0;

/// The event each [`VoiceActivity`] reaches the windows with (src-tauri/src/microphone.rs).
pub const VOICE_EVENT: &str = "podium://voice";
