//! Exports of a parsed [`Script`]: normalised Markdown, plain text, an HTML fragment or
//! document, the blog post (要旨 + 【全文】 + full text + footer), the reading script on
//! paper ([`print_document`]), and Word documents of both the reading script and the
//! published text ([`docx`]).
//!
//! Every export reads the `Script`; none re-parses the draft. Cues, speaker notes and
//! control or bidi-override characters never reach an export (the reading script, the
//! reader's own copy, shows cues and notes), and every piece of HTML an export produces passes
//! through [`sanitize_html`].

mod accessible;
mod ameba;
mod blog;
mod destination;
pub mod docx;
mod file;
mod first_ruby;
mod html;
mod inline;
mod markdown;
mod parts;
mod print;
mod sanitize;
pub mod summary;
mod text;
mod wordpress;

pub use ameba::AMEBA_ALLOWED;
pub use destination::BlogDestination;
pub use file::{write_file_atomically, SaveFileError};
pub use print::{PrintOptions, DEFAULT_PRINT_SIZE_PT, PRINT_SIZE_PT};
pub use sanitize::sanitize_html;

use crate::script::Script;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What to export. The ids (`md`, `txt`, `html`, `html-doc`, `blog`) are the CLI's; where the
/// blog post goes is its [`BlogDestination`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ExportProfile {
    /// Normalised, publishable CommonMark.
    #[serde(rename = "md")]
    Markdown,
    /// Plain text for pasting into any editor.
    #[serde(rename = "txt")]
    Text,
    /// A sanitised HTML fragment of the whole address.
    #[serde(rename = "html")]
    Html,
    /// A complete, printable HTML page.
    #[serde(rename = "html-doc")]
    HtmlDocument,
    /// The blog post: title, 要旨, 【全文】, full text, footer (a sanitised HTML fragment).
    #[serde(rename = "blog")]
    Blog,
}

impl ExportProfile {
    pub const ALL: [ExportProfile; 5] = [
        ExportProfile::Markdown,
        ExportProfile::Text,
        ExportProfile::Html,
        ExportProfile::HtmlDocument,
        ExportProfile::Blog,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ExportProfile::Markdown => "md",
            ExportProfile::Text => "txt",
            ExportProfile::Html => "html",
            ExportProfile::HtmlDocument => "html-doc",
            ExportProfile::Blog => "blog",
        }
    }

    /// The file name extension for a saved export.
    pub fn extension(self) -> &'static str {
        match self {
            ExportProfile::Markdown => "md",
            ExportProfile::Text => "txt",
            ExportProfile::Html | ExportProfile::HtmlDocument | ExportProfile::Blog => "html",
        }
    }
}

/// How ruby (furigana) is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum RubyStyle {
    /// `<ruby>漢字<rp>（</rp><rt>かんじ</rt><rp>）</rp></ruby>` (plain text, having no tags,
    /// writes `漢字（かんじ）`).
    Tags,
    /// `漢字（かんじ）`
    Paren,
    /// `漢字`
    Base,
    /// `漢字（かんじ）` where a word first appears, `漢字` after (a blog's habit).
    ParenFirst,
}

impl RubyStyle {
    pub const ALL: [RubyStyle; 4] = [
        RubyStyle::Tags,
        RubyStyle::Paren,
        RubyStyle::Base,
        RubyStyle::ParenFirst,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RubyStyle::Tags => "tags",
            RubyStyle::Paren => "paren",
            RubyStyle::Base => "base",
            RubyStyle::ParenFirst => "paren-first",
        }
    }
}

/// An id that names no profile or ruby style.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{id}` (expected one of: {expected})")]
pub struct UnknownId {
    pub(super) kind: &'static str,
    pub(super) id: String,
    pub(super) expected: &'static str,
}

impl FromStr for ExportProfile {
    type Err = UnknownId;

    fn from_str(id: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|p| p.as_str() == id.trim())
            .ok_or_else(|| UnknownId {
                kind: "export profile",
                id: id.to_string(),
                expected: "md, txt, html, html-doc, blog",
            })
    }
}

impl FromStr for RubyStyle {
    type Err = UnknownId;

    fn from_str(id: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == id.trim())
            .ok_or_else(|| UnknownId {
                kind: "ruby style",
                id: id.to_string(),
                expected: "tags, paren, base, paren-first",
            })
    }
}

impl fmt::Display for ExportProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for RubyStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The ruby style a profile uses unless told otherwise: plain text writes 漢字（かんじ）.
pub fn default_ruby(profile: ExportProfile) -> RubyStyle {
    match profile {
        ExportProfile::Text => RubyStyle::Paren,
        _ => RubyStyle::Tags,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportOptions {
    pub profile: ExportProfile,
    pub ruby: RubyStyle,
    /// The office's blog footer (Markdown; raw HTML in it is sanitised). Blog profile only.
    pub blog_footer: Option<String>,
    /// The 要旨 as the writer edited it, a line each (see [`summary::lines`]); `None`: made
    /// from the draft. Blog profile only.
    pub blog_summary: Option<Vec<String>>,
    /// The blog post's first line, before the 要旨 (「1月4日、庁内放送にて…（概要）」).
    /// Blog profile only.
    pub blog_lead_in: Option<String>,
    /// Where the blog post goes (HTML, WordPress's blocks, Ameba's editor). Blog profile only.
    pub blog_destination: BlogDestination,
    /// For screen readers (JIS X 8341-3 habits): circled numbers as (1) (2) (3), and ruby as
    /// `<ruby>` wherever there is markup.
    pub accessible: bool,
}

impl ExportOptions {
    /// A profile with its default ruby style and no footer.
    pub fn new(profile: ExportProfile) -> Self {
        ExportOptions {
            profile,
            ruby: default_ruby(profile),
            blog_footer: None,
            blog_summary: None,
            blog_lead_in: None,
            blog_destination: BlogDestination::Html,
            accessible: false,
        }
    }
}

/// Export a script. Never fails: every script has a rendering in every profile.
pub fn export(script: &Script, options: &ExportOptions) -> String {
    let glossed_once;
    let asked = match options.accessible {
        true if options.profile != ExportProfile::Text => RubyStyle::Tags,
        _ => options.ruby,
    };
    let (script, ruby) = match asked {
        RubyStyle::ParenFirst => {
            glossed_once = first_ruby::first_ruby_only(script);
            (&glossed_once, RubyStyle::Paren)
        }
        ruby => (script, ruby),
    };
    let out = match options.profile {
        ExportProfile::Markdown => markdown::markdown(script, ruby),
        ExportProfile::Text => text::text(script, ruby),
        ExportProfile::Html => html::fragment(script, ruby),
        ExportProfile::HtmlDocument => html::document(script, ruby),
        ExportProfile::Blog => blog::blog(
            script,
            ruby,
            options.blog_footer.as_deref(),
            options.blog_summary.as_deref(),
            options.blog_lead_in.as_deref(),
            options.blog_destination,
        ),
    };
    match options.accessible {
        true => accessible::circled_as_parenthesised(&out),
        false => out,
    }
}

/// The reading script for the lectern as a printable HTML page: what is read aloud, ruby over
/// the kanji, cues as marks, in large type on A4 with page numbers (see `print.rs`). Never
/// fails.
pub fn print_document(script: &Script, options: &PrintOptions) -> String {
    print::print_document(script, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for profile in ExportProfile::ALL {
            assert_eq!(profile.as_str().parse::<ExportProfile>(), Ok(profile));
            let json = serde_json::to_string(&profile).unwrap_or_default();
            assert_eq!(json, format!("\"{profile}\""));
        }
        for ruby in RubyStyle::ALL {
            assert_eq!(ruby.as_str().parse::<RubyStyle>(), Ok(ruby));
            let json = serde_json::to_string(&ruby).unwrap_or_default();
            assert_eq!(json, format!("\"{ruby}\""));
        }
        let error = "pdf".parse::<ExportProfile>().unwrap_err();
        assert!(error.to_string().contains("html-doc"));
        assert!("Tags".parse::<RubyStyle>().is_err());
    }

    #[test]
    fn plain_text_defaults_to_parenthesised_ruby() {
        assert_eq!(default_ruby(ExportProfile::Text), RubyStyle::Paren);
        assert_eq!(default_ruby(ExportProfile::Blog), RubyStyle::Tags);
        assert_eq!(
            ExportOptions::new(ExportProfile::Markdown).ruby,
            RubyStyle::Tags
        );
    }
}
