//! The prompter's settings: how the script looks on the reading screen and how it moves (at a
//! reading pace: the estimate's own unless one is chosen here).
//! Kept in the store as one JSON value under [`KEY`], beside the app's settings.
//!
//! Loading is lenient like [`crate::settings`]: a field that is missing, of the wrong shape or
//! out of range takes its default. Saving is strict: [`PrompterSettings::check`] names the
//! first setting out of range.

use crate::settings::{PACE_CPM, PACE_MPM};
use crate::store::{read_field, Store, StoreError};
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// The settings key in the store.
pub const KEY: &str = "prompter";

pub const FONT_PX: RangeInclusive<u32> = 16..=240;
/// Line height in percent of the font size.
pub const LINE_HEIGHT_PERCENT: RangeInclusive<u32> = 100..=300;
/// Margin on each side, in percent of the screen's width (height in vertical writing).
pub const MARGIN_PERCENT: RangeInclusive<u32> = 0..=40;
/// Where the eye line sits, in percent of the screen from the top (from the right in vertical
/// writing), when it is [`EyeLine::Custom`].
pub const EYE_LINE_PERCENT: RangeInclusive<u32> = 5..=95;
pub const COUNTDOWN_SECONDS: RangeInclusive<u32> = 0..=10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum FontFamily {
    /// BIZ UDPGothic, shipped with the app: a universal-design face made for reading.
    #[default]
    Gothic,
    /// The system's Mincho (serif) face.
    Mincho,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum EyeLine {
    /// A quarter of the way down (in from the right in vertical writing).
    #[default]
    Top,
    Middle,
    /// At [`PrompterSettings::eye_line_percent`].
    Custom,
    /// No band; the position is still measured at the top quarter.
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum NotesShown {
    Hidden,
    #[default]
    Dimmed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PrompterSettings {
    pub font_family: FontFamily,
    pub font_px: u32,
    pub line_height_percent: u32,
    pub margin_percent: u32,
    /// `#rrggbb`
    pub foreground: String,
    /// `#rrggbb`
    pub background: String,
    pub mirror_horizontal: bool,
    pub mirror_vertical: bool,
    pub eye_line: EyeLine,
    pub eye_line_percent: u32,
    pub notes: NotesShown,
    /// 縦書き: columns from right to left.
    pub vertical: bool,
    /// The prompter's reading pace in morae a minute when the script is timed in morae;
    /// `None`: the estimate's own pace (the settings' `pace_mpm`). Within [`PACE_MPM`].
    pub pace_mpm: Option<u32>,
    /// The same in characters a minute, for a script timed in characters; `None`: the
    /// settings' `pace_cpm`. Within [`PACE_CPM`].
    pub pace_cpm: Option<u32>,
    /// Seconds counted down before scrolling starts (0: none).
    pub countdown_seconds: u32,
    /// One press, one paragraph: the text glides one paragraph on and stops.
    pub paragraph_step: bool,
    /// The display chosen for the prompter window, by name; `None`: the second one if there is
    /// one.
    pub display: Option<String>,
    /// A second output driven by the same position (a confidence monitor, the glass on the
    /// other side of the lectern), on this display by name; `None`: a display the prompter
    /// and the main window are not on.
    pub second_display: Option<String>,
    /// The second output mirrored left to right, whatever the first does (the glass on one
    /// side, a monitor the speaker reads straight on the other).
    pub second_mirror_horizontal: bool,
}

impl Default for PrompterSettings {
    fn default() -> Self {
        PrompterSettings {
            font_family: FontFamily::Gothic,
            font_px: 72,
            line_height_percent: 160,
            margin_percent: 8,
            foreground: "#ffffff".into(),
            background: "#000000".into(),
            mirror_horizontal: false,
            mirror_vertical: false,
            eye_line: EyeLine::Top,
            eye_line_percent: 33,
            notes: NotesShown::Dimmed,
            vertical: false,
            pace_mpm: None,
            pace_cpm: None,
            countdown_seconds: 3,
            paragraph_step: false,
            display: None,
            second_display: None,
            second_mirror_horizontal: false,
        }
    }
}

/// A prompter setting out of its range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("プロンプターの設定「{0}」が範囲外です (prompter setting `{0}` is out of range)")]
pub struct PrompterSettingsError(pub &'static str);

fn is_colour(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].chars().all(|c| c.is_ascii_hexdigit())
}

impl PrompterSettings {
    /// The first setting out of range, if any.
    pub fn check(&self) -> Result<(), PrompterSettingsError> {
        let ranges = [
            ("font_px", self.font_px, FONT_PX),
            (
                "line_height_percent",
                self.line_height_percent,
                LINE_HEIGHT_PERCENT,
            ),
            ("margin_percent", self.margin_percent, MARGIN_PERCENT),
            ("eye_line_percent", self.eye_line_percent, EYE_LINE_PERCENT),
            (
                "countdown_seconds",
                self.countdown_seconds,
                COUNTDOWN_SECONDS,
            ),
        ];
        if let Some((name, _, _)) = ranges.iter().find(|(_, v, range)| !range.contains(v)) {
            return Err(PrompterSettingsError(name));
        }
        // A pace chosen here keeps to the settings' limits for the estimate's pace.
        let paces = [
            ("pace_mpm", self.pace_mpm, PACE_MPM),
            ("pace_cpm", self.pace_cpm, PACE_CPM),
        ];
        if let Some((name, _, _)) = paces
            .iter()
            .find(|(_, v, range)| v.is_some_and(|v| !range.contains(&v)))
        {
            return Err(PrompterSettingsError(name));
        }
        if !is_colour(&self.foreground) {
            return Err(PrompterSettingsError("foreground"));
        }
        if !is_colour(&self.background) {
            return Err(PrompterSettingsError("background"));
        }
        if self
            .display
            .as_ref()
            .is_some_and(|name| name.chars().count() > 200)
        {
            return Err(PrompterSettingsError("display"));
        }
        Ok(())
    }

    /// The stored settings, defaults where nothing usable is stored.
    pub fn load(store: &Store) -> Result<PrompterSettings, StoreError> {
        let stored: Option<serde_json::Value> = store.get_setting(KEY)?;
        Ok(stored
            .map(|value| PrompterSettings::from_json(&value))
            .unwrap_or_default())
    }

    /// Checks and stores the settings.
    pub fn save(&self, store: &mut Store) -> Result<(), SaveError> {
        self.check()?;
        store.set_setting(KEY, self)?;
        Ok(())
    }

    /// Field by field: what fits and is in range is taken, the rest is the default.
    pub fn from_json(value: &serde_json::Value) -> PrompterSettings {
        let defaults = PrompterSettings::default();
        let mut s = defaults.clone();
        read_field(value, "fontFamily", &mut s.font_family);
        read_field(value, "fontPx", &mut s.font_px);
        read_field(value, "lineHeightPercent", &mut s.line_height_percent);
        read_field(value, "marginPercent", &mut s.margin_percent);
        read_field(value, "foreground", &mut s.foreground);
        read_field(value, "background", &mut s.background);
        read_field(value, "mirrorHorizontal", &mut s.mirror_horizontal);
        read_field(value, "mirrorVertical", &mut s.mirror_vertical);
        read_field(value, "eyeLine", &mut s.eye_line);
        read_field(value, "eyeLinePercent", &mut s.eye_line_percent);
        read_field(value, "notes", &mut s.notes);
        read_field(value, "vertical", &mut s.vertical);
        // Stored before the pace: `speed_px` (pixels a second) is no longer read.
        read_field(value, "paceMpm", &mut s.pace_mpm);
        read_field(value, "paceCpm", &mut s.pace_cpm);
        read_field(value, "countdownSeconds", &mut s.countdown_seconds);
        read_field(value, "paragraphStep", &mut s.paragraph_step);
        read_field(value, "display", &mut s.display);
        read_field(value, "secondDisplay", &mut s.second_display);
        read_field(
            value,
            "secondMirrorHorizontal",
            &mut s.second_mirror_horizontal,
        );
        while let Err(PrompterSettingsError(name)) = s.check() {
            match name {
                "font_px" => s.font_px = defaults.font_px,
                "line_height_percent" => s.line_height_percent = defaults.line_height_percent,
                "margin_percent" => s.margin_percent = defaults.margin_percent,
                "eye_line_percent" => s.eye_line_percent = defaults.eye_line_percent,
                "pace_mpm" => s.pace_mpm = defaults.pace_mpm,
                "pace_cpm" => s.pace_cpm = defaults.pace_cpm,
                "countdown_seconds" => s.countdown_seconds = defaults.countdown_seconds,
                "foreground" => s.foreground = defaults.foreground.clone(),
                "background" => s.background = defaults.background.clone(),
                _ => s.display = None,
            }
        }
        s
    }
}

/// Why prompter settings were not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error(transparent)]
    Invalid(#[from] PrompterSettingsError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_are_large_white_on_black_and_in_range() {
        let defaults = PrompterSettings::default();
        assert_eq!(defaults.check(), Ok(()));
        assert!(defaults.font_px >= 64);
        assert_eq!(
            (defaults.foreground.as_str(), defaults.background.as_str()),
            ("#ffffff", "#000000")
        );
    }

    #[test]
    fn settings_round_trip_and_out_of_range_values_are_refused() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(
            PrompterSettings::load(&store).unwrap(),
            PrompterSettings::default()
        );
        let mirrored = PrompterSettings {
            mirror_horizontal: true,
            vertical: true,
            eye_line: EyeLine::Custom,
            eye_line_percent: 40,
            display: Some("HDMI-1".into()),
            second_display: Some("DP-2".into()),
            second_mirror_horizontal: true,
            ..PrompterSettings::default()
        };
        mirrored.save(&mut store).unwrap();
        assert_eq!(PrompterSettings::load(&store).unwrap(), mirrored);
        let paced = PrompterSettings {
            pace_mpm: Some(460),
            pace_cpm: Some(330),
            ..PrompterSettings::default()
        };
        paced.save(&mut store).unwrap();
        assert_eq!(PrompterSettings::load(&store).unwrap(), paced);
        // The pace's limits are the settings' (60–1500 拍/分, 30–2000 字/分).
        let slow = PrompterSettings {
            pace_mpm: Some(59),
            ..PrompterSettings::default()
        };
        let error = slow.save(&mut store).unwrap_err();
        assert!(error.to_string().contains("pace_mpm"), "{error}");
        let fast = PrompterSettings {
            pace_cpm: Some(2001),
            ..PrompterSettings::default()
        };
        assert_eq!(fast.check(), Err(PrompterSettingsError("pace_cpm")));
        let red = PrompterSettings {
            foreground: "red".into(),
            ..PrompterSettings::default()
        };
        assert_eq!(red.check(), Err(PrompterSettingsError("foreground")));
    }

    #[test]
    fn loading_keeps_what_fits_and_defaults_the_rest() {
        let stored = json!({
            "font_px": 96,
            "pace_mpm": 100000,
            "pace_cpm": 330,
            "background": "url(javascript:alert(1))",
            "eye_line": "sideways",
            "mirror_vertical": true
        });
        assert_eq!(
            PrompterSettings::from_json(&stored),
            PrompterSettings {
                font_px: 96,
                mirror_vertical: true,
                pace_cpm: Some(330),
                ..PrompterSettings::default()
            }
        );
    }

    #[test]
    fn settings_stored_with_a_speed_in_pixels_load_at_the_estimates_pace() {
        // Stored before the prompter's speed became a reading pace.
        let stored = json!({
            "font_px": 80,
            "speed_px": 60,
            "countdown_seconds": 0,
            "paragraph_step": true
        });
        let loaded = PrompterSettings::from_json(&stored);
        assert_eq!(
            loaded,
            PrompterSettings {
                font_px: 80,
                countdown_seconds: 0,
                paragraph_step: true,
                ..PrompterSettings::default()
            }
        );
        assert_eq!((loaded.pace_mpm, loaded.pace_cpm), (None, None));
        // Saved again, it is stored without the old field.
        let mut store = Store::open_in_memory().unwrap();
        loaded.save(&mut store).unwrap();
        let value: serde_json::Value = store.get_setting(KEY).unwrap().unwrap();
        assert!(value.get("speed_px").is_none());
        // By the names the UI uses (camelCase), which loading reads first.
        assert_eq!(value.get("paceMpm"), Some(&serde_json::Value::Null));
        assert_eq!(value["fontPx"], 80);
        assert!(value.get("font_px").is_none());
        assert_eq!(PrompterSettings::from_json(&value), loaded);
    }
}
