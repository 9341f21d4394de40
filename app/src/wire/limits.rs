//! The one table of limits: every range a setting or a field may take, read from the core's
//! constants (and the app's checks). The UI's forms and the prompter read it as `LIMITS`
//! (`ui/src/lib/bindings/limit-values.ts`, written by [`super::bindings`] from [`Limits::ALL`]), so
//! a form never accepts what the core refuses nor refuses what it accepts.

use super::check::MAX_TARGET_SECONDS;
use podium::export::PRINT_SIZE_PT;
use podium::prompter::{
    COUNTDOWN_SECONDS, EYE_LINE_PERCENT, FONT_PX, LINE_HEIGHT_PERCENT, MARGIN_PERCENT,
};
use podium::settings::{MAX_COMMAS, MAX_SENTENCE_CHARS, PACE_CPM, PACE_MPM, TRASH_DAYS};
use serde::Serialize;
use std::ops::RangeInclusive;
use ts_rs::TS;

/// A closed range of whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Range {
    pub min: u32,
    pub max: u32,
}

impl Range {
    const fn of(range: RangeInclusive<u32>) -> Self {
        Range {
            min: *range.start(),
            max: *range.end(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Limits {
    /// The settings' reading paces: characters a minute (字/分) and morae a minute (拍/分).
    pub pace_cpm: Range,
    pub pace_mpm: Range,
    /// The settings' proofreading limits.
    pub max_sentence_chars: Range,
    pub max_commas: Range,
    /// Days a deleted draft stays in the trash.
    pub trash_days: Range,
    /// A draft's planned length, in seconds.
    pub target_seconds: Range,
    /// The prompter's display.
    pub font_px: Range,
    pub line_height_percent: Range,
    pub margin_percent: Range,
    pub eye_line_percent: Range,
    pub countdown_seconds: Range,
    /// The reading script's type size on paper, in points.
    pub print_size_pt: Range,
}

impl Limits {
    pub const ALL: Limits = Limits {
        pace_cpm: Range::of(PACE_CPM),
        pace_mpm: Range::of(PACE_MPM),
        max_sentence_chars: Range::of(MAX_SENTENCE_CHARS),
        max_commas: Range::of(MAX_COMMAS),
        trash_days: Range::of(TRASH_DAYS),
        target_seconds: Range::of(0..=MAX_TARGET_SECONDS),
        font_px: Range::of(FONT_PX),
        line_height_percent: Range::of(LINE_HEIGHT_PERCENT),
        margin_percent: Range::of(MARGIN_PERCENT),
        eye_line_percent: Range::of(EYE_LINE_PERCENT),
        countdown_seconds: Range::of(COUNTDOWN_SECONDS),
        print_size_pt: Range::of(PRINT_SIZE_PT),
    };
}
