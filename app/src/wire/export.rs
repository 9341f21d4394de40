//! Export profiles and ruby styles, as the UI names them.

use podium::export;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What to export: `md` normalised Markdown, `txt` plain text, `html` an HTML fragment,
/// `html-doc` a printable HTML page, `blog` the blog post (要旨 + 【全文】 + text + footer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum ExportProfile {
    #[serde(rename = "md")]
    Markdown,
    #[serde(rename = "txt")]
    Text,
    #[serde(rename = "html")]
    Html,
    #[serde(rename = "html-doc")]
    HtmlDocument,
    #[serde(rename = "blog")]
    Blog,
}

/// How ruby is written: `tags` as `<ruby>` (plain text: 漢字（かんじ）), `paren` 漢字（かんじ）,
/// `base` 漢字 only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum RubyStyle {
    Tags,
    Paren,
    Base,
}

impl From<ExportProfile> for export::ExportProfile {
    fn from(profile: ExportProfile) -> Self {
        match profile {
            ExportProfile::Markdown => export::ExportProfile::Markdown,
            ExportProfile::Text => export::ExportProfile::Text,
            ExportProfile::Html => export::ExportProfile::Html,
            ExportProfile::HtmlDocument => export::ExportProfile::HtmlDocument,
            ExportProfile::Blog => export::ExportProfile::Blog,
        }
    }
}

impl From<RubyStyle> for export::RubyStyle {
    fn from(ruby: RubyStyle) -> Self {
        match ruby {
            RubyStyle::Tags => export::RubyStyle::Tags,
            RubyStyle::Paren => export::RubyStyle::Paren,
            RubyStyle::Base => export::RubyStyle::Base,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_cores() {
        for (profile, id) in [
            (ExportProfile::Markdown, "md"),
            (ExportProfile::Text, "txt"),
            (ExportProfile::Html, "html"),
            (ExportProfile::HtmlDocument, "html-doc"),
            (ExportProfile::Blog, "blog"),
        ] {
            assert_eq!(serde_json::to_value(profile).unwrap(), id);
            assert_eq!(export::ExportProfile::from(profile).as_str(), id);
        }
        for ruby in [RubyStyle::Tags, RubyStyle::Paren, RubyStyle::Base] {
            let id = serde_json::to_value(ruby).unwrap();
            assert_eq!(id, export::RubyStyle::from(ruby).as_str());
        }
    }
}
