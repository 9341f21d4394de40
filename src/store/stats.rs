//! The length figures kept with a draft and with each of its revisions.

use crate::timing::ScriptTiming;
use serde::Serialize;

/// Length figures of a draft, computed by the caller: the store does not parse speeches.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct DraftStats {
    /// Characters read aloud.
    pub chars: u32,
    /// Estimated speaking time.
    pub seconds: f64,
}

impl From<&ScriptTiming> for DraftStats {
    /// The figures of a draft's reading time (its analysis's timing).
    fn from(timing: &ScriptTiming) -> Self {
        DraftStats {
            chars: u32::try_from(timing.chars).unwrap_or(u32::MAX),
            seconds: timing.seconds,
        }
    }
}
