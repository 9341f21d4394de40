//! The settings and the app's own facts, as the UI sees them.

use crate::error::AppError;
use podium::settings;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Language {
    Ja,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Theme {
    Light,
    Dark,
}

/// Ranges (checked when saving): `paceCpm` 30–2000, `paceMpm` 60–1500, `maxSentenceChars`
/// 10–1000, `maxCommas` 0–20, `blogFooter` (Markdown) at most 64 KB.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    pub language: Language,
    /// Reading pace, characters per minute (default 300).
    pub pace_cpm: u32,
    /// Reading pace, morae per minute (default 420): the timing with the dictionary.
    pub pace_mpm: u32,
    pub max_sentence_chars: u32,
    pub max_commas: u32,
    pub blog_footer: String,
    pub theme: Theme,
    /// Proofreading rules switched off, by id (`kanji-run` …; every id: `lintRules` in
    /// `AppInfo`).
    pub lint_off: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    /// The database file (`:memory:` in tests).
    pub database_path: String,
    /// Why the database could not be opened, when it could not: every command that needs it
    /// fails with this error until it opens (each such command tries again).
    pub database_error: Option<AppError>,
    /// Every proofreading rule's id, in the order the settings list them.
    pub lint_rules: Vec<String>,
}

impl From<settings::Settings> for Settings {
    fn from(settings: settings::Settings) -> Self {
        Settings {
            language: match settings.language {
                settings::Language::Ja => Language::Ja,
                settings::Language::En => Language::En,
            },
            pace_cpm: settings.pace_cpm,
            pace_mpm: settings.pace_mpm,
            max_sentence_chars: settings.max_sentence_chars,
            max_commas: settings.max_commas,
            blog_footer: settings.blog_footer,
            theme: match settings.theme {
                settings::Theme::Light => Theme::Light,
                settings::Theme::Dark => Theme::Dark,
            },
            lint_off: settings.lint_off,
        }
    }
}

impl From<Settings> for settings::Settings {
    fn from(settings: Settings) -> Self {
        settings::Settings {
            language: match settings.language {
                Language::Ja => settings::Language::Ja,
                Language::En => settings::Language::En,
            },
            pace_cpm: settings.pace_cpm,
            pace_mpm: settings.pace_mpm,
            max_sentence_chars: settings.max_sentence_chars,
            max_commas: settings.max_commas,
            blog_footer: settings.blog_footer,
            theme: match settings.theme {
                Theme::Light => settings::Theme::Light,
                Theme::Dark => settings::Theme::Dark,
            },
            lint_off: settings.lint_off,
        }
    }
}
