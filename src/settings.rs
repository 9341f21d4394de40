//! The office's settings: UI language and theme, reading pace, proofreading limits, the blog
//! footer. Kept in the store as one JSON value under [`KEY`]; this module says what they mean,
//! which values are allowed, and how they turn into options for analysis and export.
//!
//! Loading is lenient: a field that is missing, of the wrong shape or out of range (written by
//! another version of Podium, or by hand) takes its default, so the settings always load.
//! Saving is strict: [`Settings::check`] refuses values out of range with a message to show.

use crate::analysis::AnalysisOptions;
use crate::export::{default_ruby, BlogDestination, ExportOptions, ExportProfile, RubyStyle};
use crate::japanese::pace::{self, DEFAULT_MORAE_PER_MINUTE};
use crate::lint::{LintConfig, Rule};
use crate::store::{read_field, Store, StoreError};
use crate::timing::{Pace, TimingOptions};
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// The settings key in the store.
pub const KEY: &str = "app";

// The reading paces the settings accept (characters and morae per minute), defined with the
// pace in `timing`.
pub use crate::timing::{PACE_CPM, PACE_MPM};
/// Longest sentence before the `sentence-length` finding, in printed characters.
pub const MAX_SENTENCE_CHARS: RangeInclusive<u32> = 10..=1000;
/// 読点 per sentence before the `too-many-commas` finding.
pub const MAX_COMMAS: RangeInclusive<u32> = 0..=20;
/// Days a deleted draft stays in the trash before it is removed for good.
pub const TRASH_DAYS: RangeInclusive<u32> = 1..=3650;
/// Largest blog footer, in bytes of UTF-8.
pub const MAX_BLOG_FOOTER_BYTES: usize = 64 * 1024;
/// Longest lead-in line of a blog post.
pub const MAX_BLOG_LEAD_IN_CHARS: usize = 200;
/// The lead-in line a new office starts with, as a mayor's blog writes it.
pub const DEFAULT_BLOG_LEAD_IN: &str =
    "{{month_day}}、{{event}}にて、次のとおりお話ししました（概要）";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Language {
    #[default]
    Ja,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Settings {
    pub language: Language,
    /// Reading pace in characters per minute (300: the broadcast norm).
    pub pace_cpm: u32,
    /// Reading pace in morae per minute (420), for the timing with the dictionary.
    pub pace_mpm: u32,
    pub max_sentence_chars: u32,
    pub max_commas: u32,
    /// Markdown appended to the blog export (links, profile). Empty: no footer.
    pub blog_footer: String,
    /// The blog post's first line, with the draft's placeholders (`{{month_day}}`,
    /// `{{event}}`, `{{date}}` …) filled when it is exported. Empty: no such line.
    pub blog_lead_in: String,
    pub theme: Theme,
    /// Proofreading rules switched off (their ids: `kanji-run` …).
    pub lint_off: Vec<String>,
    /// The Japanese UI writes dates in 和暦 (令和9年1月4日) rather than 2027年1月4日.
    pub japanese_era: bool,
    /// Days a deleted draft stays in the trash (then it is removed for good, at a start).
    pub trash_days: u32,
    /// The office's WordPress site, where the blog export saves drafts. Never a password.
    pub wordpress: WordpressSettings,
}

/// The WordPress site drafts are saved to: its address, the user the application password
/// belongs to, and the categories and tags a new draft gets (by name, as the site shows
/// them). The password is asked for each time and never stored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WordpressSettings {
    /// The site's address (`https://www.example.jp/blog`); empty: no site.
    pub site_url: String,
    pub user: String,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
}

/// Most categories or tags a draft gets.
pub const MAX_WORDPRESS_TERMS: usize = 20;
/// Longest address, user name, category or tag name.
pub const MAX_WORDPRESS_FIELD_CHARS: usize = 200;

impl WordpressSettings {
    /// The site's address, checked: `https`, or `http` to this computer only (an application
    /// password over plain HTTP to another machine would travel readable).
    pub fn site(&self) -> Result<ammonia::Url, SettingsError> {
        let url =
            ammonia::Url::parse(self.site_url.trim()).map_err(|_| SettingsError::WordpressSite)?;
        let host = url.host_str().unwrap_or_default();
        let ip = host.trim_start_matches('[').trim_end_matches(']');
        let loopback = host.eq_ignore_ascii_case("localhost")
            || ip
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback());
        match url.scheme() {
            "https" if !host.is_empty() => Ok(url),
            "http" if loopback => Ok(url),
            "http" => Err(SettingsError::WordpressPlainHttp),
            _ => Err(SettingsError::WordpressSite),
        }
    }

    fn check(&self) -> Result<(), SettingsError> {
        if !self.site_url.trim().is_empty() {
            self.site()?;
        }
        let long = |text: &String| text.chars().count() > MAX_WORDPRESS_FIELD_CHARS;
        if long(&self.site_url)
            || long(&self.user)
            || self.categories.len() > MAX_WORDPRESS_TERMS
            || self.tags.len() > MAX_WORDPRESS_TERMS
            || self.categories.iter().chain(&self.tags).any(long)
        {
            return Err(SettingsError::WordpressFields);
        }
        Ok(())
    }
}

impl Default for Settings {
    fn default() -> Self {
        let lint = LintConfig::default();
        Settings {
            language: Language::Ja,
            pace_cpm: 300,
            pace_mpm: DEFAULT_MORAE_PER_MINUTE as u32,
            max_sentence_chars: u32::try_from(lint.max_sentence_chars).unwrap_or(100),
            max_commas: u32::try_from(lint.max_commas).unwrap_or(3),
            blog_footer: String::new(),
            blog_lead_in: DEFAULT_BLOG_LEAD_IN.to_owned(),
            theme: Theme::Light,
            lint_off: Vec::new(),
            japanese_era: false,
            trash_days: 30,
            wordpress: WordpressSettings::default(),
        }
    }
}

/// A setting out of its range; the message names the setting and the range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error(
        "読む速さは {}〜{} 字/分で指定してください (pace must be {}–{} characters per minute)",
        PACE_CPM.start(), PACE_CPM.end(), PACE_CPM.start(), PACE_CPM.end()
    )]
    PaceCpm,
    #[error(
        "読む速さ（拍）は {}〜{} 拍/分で指定してください (pace must be {}–{} morae per minute)",
        PACE_MPM.start(), PACE_MPM.end(), PACE_MPM.start(), PACE_MPM.end()
    )]
    PaceMpm,
    #[error(
        "一文の長さの上限は {}〜{} 字で指定してください (sentence limit must be {}–{} characters)",
        MAX_SENTENCE_CHARS.start(), MAX_SENTENCE_CHARS.end(),
        MAX_SENTENCE_CHARS.start(), MAX_SENTENCE_CHARS.end()
    )]
    MaxSentenceChars,
    #[error(
        "読点の上限は {}〜{} 個で指定してください (comma limit must be {}–{})",
        MAX_COMMAS.start(), MAX_COMMAS.end(), MAX_COMMAS.start(), MAX_COMMAS.end()
    )]
    MaxCommas,
    #[error(
        "ブログのフッターが長すぎます（上限 {} KB）(blog footer is over {} KB)",
        MAX_BLOG_FOOTER_BYTES / 1024, MAX_BLOG_FOOTER_BYTES / 1024
    )]
    BlogFooter,
    #[error(
        "ブログの書き出しの一文が長すぎます（上限 {} 字）(the blog's lead-in is over {} characters)",
        MAX_BLOG_LEAD_IN_CHARS, MAX_BLOG_LEAD_IN_CHARS
    )]
    BlogLeadIn,
    #[error("校正の規則名が正しくありません (unknown proofreading rule)")]
    UnknownRule,
    #[error(
        "ごみ箱に残す日数は {}〜{} 日で指定してください (trash days must be {}–{})",
        TRASH_DAYS.start(), TRASH_DAYS.end(), TRASH_DAYS.start(), TRASH_DAYS.end()
    )]
    TrashDays,
    #[error(
        "WordPressのサイトのアドレスが正しくありません（https://… で指定してください）(the WordPress site must be an https:// address)"
    )]
    WordpressSite,
    #[error(
        "WordPressへは https:// でつないでください。http:// ではパスワードが読める形で送られます（この PC の中のサイトだけは http:// で構いません）(use https:// for WordPress: over http:// the password travels readable; only a site on this computer may use http://)"
    )]
    WordpressPlainHttp,
    #[error(
        "WordPressの設定が長すぎます（各 {} 字、カテゴリーとタグは {} 個まで）(WordPress settings too long: {} characters each, {} categories and tags)",
        MAX_WORDPRESS_FIELD_CHARS, MAX_WORDPRESS_TERMS, MAX_WORDPRESS_FIELD_CHARS, MAX_WORDPRESS_TERMS
    )]
    WordpressFields,
}

impl Settings {
    /// The first value out of range, if any.
    pub fn check(&self) -> Result<(), SettingsError> {
        if !PACE_CPM.contains(&self.pace_cpm) {
            return Err(SettingsError::PaceCpm);
        }
        if !PACE_MPM.contains(&self.pace_mpm) {
            return Err(SettingsError::PaceMpm);
        }
        if self.lint_off.iter().any(|id| Rule::from_id(id).is_none()) {
            return Err(SettingsError::UnknownRule);
        }
        if !MAX_SENTENCE_CHARS.contains(&self.max_sentence_chars) {
            return Err(SettingsError::MaxSentenceChars);
        }
        if !MAX_COMMAS.contains(&self.max_commas) {
            return Err(SettingsError::MaxCommas);
        }
        if self.blog_footer.len() > MAX_BLOG_FOOTER_BYTES {
            return Err(SettingsError::BlogFooter);
        }
        if self.blog_lead_in.chars().count() > MAX_BLOG_LEAD_IN_CHARS {
            return Err(SettingsError::BlogLeadIn);
        }
        if !TRASH_DAYS.contains(&self.trash_days) {
            return Err(SettingsError::TrashDays);
        }
        self.wordpress.check()
    }

    /// The settings stored in `store`, defaults where nothing (usable) is stored.
    pub fn load(store: &Store) -> Result<Settings, StoreError> {
        let stored: Option<serde_json::Value> = store.get_setting(KEY)?;
        Ok(stored
            .map(|value| Settings::from_json(&value))
            .unwrap_or_default())
    }

    /// Checks and stores the settings.
    pub fn save(&self, store: &mut Store) -> Result<(), SaveError> {
        self.check()?;
        store.set_setting(KEY, self)?;
        Ok(())
    }

    /// Field by field: what fits and is in range is taken, the rest is the default.
    pub fn from_json(value: &serde_json::Value) -> Settings {
        let defaults = Settings::default();
        let mut settings = defaults.clone();
        read_field(value, "language", &mut settings.language);
        read_field(value, "paceCpm", &mut settings.pace_cpm);
        read_field(value, "paceMpm", &mut settings.pace_mpm);
        read_field(value, "maxSentenceChars", &mut settings.max_sentence_chars);
        read_field(value, "maxCommas", &mut settings.max_commas);
        read_field(value, "blogFooter", &mut settings.blog_footer);
        read_field(value, "blogLeadIn", &mut settings.blog_lead_in);
        read_field(value, "theme", &mut settings.theme);
        read_field(value, "lintOff", &mut settings.lint_off);
        read_field(value, "japaneseEra", &mut settings.japanese_era);
        read_field(value, "trashDays", &mut settings.trash_days);
        read_field(value, "wordpress", &mut settings.wordpress);
        // Out of range: back to the default, one field at a time.
        while let Err(error) = settings.check() {
            match error {
                SettingsError::PaceCpm => settings.pace_cpm = defaults.pace_cpm,
                SettingsError::PaceMpm => settings.pace_mpm = defaults.pace_mpm,
                SettingsError::MaxSentenceChars => {
                    settings.max_sentence_chars = defaults.max_sentence_chars;
                }
                SettingsError::MaxCommas => settings.max_commas = defaults.max_commas,
                SettingsError::BlogFooter => settings.blog_footer.clear(),
                SettingsError::BlogLeadIn => settings.blog_lead_in = defaults.blog_lead_in.clone(),
                SettingsError::UnknownRule => {
                    settings.lint_off.retain(|id| Rule::from_id(id).is_some());
                }
                SettingsError::TrashDays => settings.trash_days = defaults.trash_days,
                SettingsError::WordpressSite
                | SettingsError::WordpressPlainHttp
                | SettingsError::WordpressFields => {
                    settings.wordpress = WordpressSettings::default();
                }
            }
        }
        settings
    }

    pub fn timing_options(&self) -> TimingOptions {
        TimingOptions {
            pace: Pace::chars_per_minute(f64::from(self.pace_cpm)),
            ..TimingOptions::default()
        }
    }

    pub fn analysis_options(&self) -> AnalysisOptions {
        AnalysisOptions {
            timing: self.timing_options(),
            lint: LintConfig {
                max_sentence_chars: self.max_sentence_chars as usize,
                max_commas: self.max_commas as usize,
                off: self
                    .lint_off
                    .iter()
                    .filter_map(|id| Rule::from_id(id))
                    .collect(),
                ..LintConfig::default()
            },
            mora_pace: pace::morae_per_minute(f64::from(self.pace_mpm)),
        }
    }

    /// Options for an export: the profile's default ruby style unless one is given, and the
    /// blog footer when there is one.
    pub fn export_options(&self, profile: ExportProfile, ruby: Option<RubyStyle>) -> ExportOptions {
        ExportOptions {
            profile,
            ruby: ruby.unwrap_or_else(|| default_ruby(profile)),
            blog_footer: (!self.blog_footer.trim().is_empty()).then(|| self.blog_footer.clone()),
            blog_summary: None,
            blog_lead_in: None,
            blog_destination: BlogDestination::Html,
            accessible: false,
        }
    }
}

/// Why settings were not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error(transparent)]
    Invalid(#[from] SettingsError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_are_the_broadcast_norm_and_the_lint_defaults() {
        let settings = Settings::default();
        assert_eq!((settings.pace_cpm, settings.pace_mpm), (300, 420));
        assert_eq!((settings.max_sentence_chars, settings.max_commas), (100, 3));
        assert_eq!(settings.check(), Ok(()));
    }

    #[test]
    fn settings_round_trip_through_the_store() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(Settings::load(&store).unwrap(), Settings::default());
        let settings = Settings {
            language: Language::En,
            pace_cpm: 350,
            pace_mpm: 460,
            max_sentence_chars: 80,
            max_commas: 2,
            blog_footer: "[市長室](https://example.jp)".into(),
            blog_lead_in: "{{month_day}}、庁内放送にて".into(),
            theme: Theme::Dark,
            lint_off: vec!["kanji-run".into(), "furigana".into()],
            japanese_era: true,
            trash_days: 60,
            wordpress: WordpressSettings {
                site_url: "https://www.example.jp/blog".into(),
                user: "koho".into(),
                categories: vec!["市長の部屋".into()],
                tags: vec!["年頭挨拶".into(), "庁内放送".into()],
            },
        };
        settings.save(&mut store).unwrap();
        assert_eq!(Settings::load(&store).unwrap(), settings);
        assert_eq!(
            settings.analysis_options().lint.off,
            [crate::lint::Rule::KanjiRun, crate::lint::Rule::Furigana]
        );
    }

    #[test]
    fn unknown_rules_are_refused_on_save_and_dropped_on_load() {
        let mut store = Store::open_in_memory().unwrap();
        let unknown = Settings {
            lint_off: vec!["no-such-rule".into()],
            ..Settings::default()
        };
        assert!(unknown.save(&mut store).is_err());
        let loaded = Settings::from_json(&json!({ "lint_off": ["kanji-run", "no-such-rule"] }));
        assert_eq!(loaded.lint_off, ["kanji-run"]);
    }

    #[test]
    fn out_of_range_values_are_refused_on_save() {
        let mut store = Store::open_in_memory().unwrap();
        let slow = Settings {
            pace_cpm: 5,
            ..Settings::default()
        };
        let error = slow.save(&mut store).unwrap_err();
        assert!(matches!(error, SaveError::Invalid(SettingsError::PaceCpm)));
        assert!(error.to_string().starts_with("読む速さは 30〜2000 字/分"));
        assert_eq!(Settings::load(&store).unwrap(), Settings::default());
        let hurried = Settings {
            pace_mpm: 1501,
            ..Settings::default()
        };
        let error = hurried.save(&mut store).unwrap_err();
        assert!(matches!(error, SaveError::Invalid(SettingsError::PaceMpm)));
        assert!(error
            .to_string()
            .starts_with("読む速さ（拍）は 60〜1500 拍/分"));
    }

    #[test]
    fn a_wordpress_site_is_https_or_on_this_computer() {
        let site = |url: &str| WordpressSettings {
            site_url: url.into(),
            ..WordpressSettings::default()
        };
        for good in [
            "https://www.example.jp/blog",
            "http://127.0.0.1:8080",
            "http://localhost/wp",
            "http://[::1]:9000/",
        ] {
            assert!(site(good).site().is_ok(), "{good}");
        }
        for (bad, error) in [
            ("http://www.example.jp", SettingsError::WordpressPlainHttp),
            ("http://192.168.1.5/", SettingsError::WordpressPlainHttp),
            (
                "http://localhost.example.jp/",
                SettingsError::WordpressPlainHttp,
            ),
            ("ftp://example.jp", SettingsError::WordpressSite),
            ("example.jp", SettingsError::WordpressSite),
            ("javascript:alert(1)", SettingsError::WordpressSite),
        ] {
            assert_eq!(site(bad).site(), Err(error.clone()), "{bad}");
            let settings = Settings {
                wordpress: site(bad),
                ..Settings::default()
            };
            assert_eq!(settings.check(), Err(error));
            let loaded = Settings::from_json(&serde_json::to_value(&settings).unwrap());
            assert_eq!(loaded.wordpress, WordpressSettings::default());
        }
        assert_eq!(Settings::default().check(), Ok(()));
    }

    #[test]
    fn settings_stored_before_the_mora_pace_load_with_its_default() {
        let stored = json!({"pace_cpm": 320, "max_commas": 2});
        let settings = Settings::from_json(&stored);
        assert_eq!((settings.pace_cpm, settings.pace_mpm), (320, 420));
        let stored = json!({"pace_mpm": 30});
        assert_eq!(Settings::from_json(&stored).pace_mpm, 420);
    }

    #[test]
    fn loading_keeps_what_fits_and_defaults_the_rest() {
        let stored = json!({
            "language": "en",
            "pace_cpm": 99999,
            "max_commas": "three",
            "theme": "sepia",
            "blog_footer": "フッター",
            "from_a_newer_version": true
        });
        let settings = Settings::from_json(&stored);
        assert_eq!(
            settings,
            Settings {
                language: Language::En,
                blog_footer: "フッター".into(),
                ..Settings::default()
            }
        );
        assert_eq!(
            Settings::from_json(&json!("not an object")),
            Settings::default()
        );
    }

    #[test]
    fn options_follow_the_settings() {
        let settings = Settings {
            pace_cpm: 350,
            pace_mpm: 450,
            max_sentence_chars: 60,
            blog_footer: "  ".into(),
            ..Settings::default()
        };
        let options = settings.analysis_options();
        assert_eq!(options.timing.pace.per_minute, 350.0);
        assert_eq!(options.mora_pace, pace::morae_per_minute(450.0));
        assert_eq!(options.lint.max_sentence_chars, 60);
        let export = settings.export_options(ExportProfile::Text, None);
        assert_eq!((export.ruby, export.blog_footer), (RubyStyle::Paren, None));
        let export = settings.export_options(ExportProfile::Blog, Some(RubyStyle::Base));
        assert_eq!(export.ruby, RubyStyle::Base);
    }
}
