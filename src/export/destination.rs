//! Where a blog post goes: a page of its own (HTML as it is), WordPress's block editor, or
//! Ameba's editor. One post, written for its destination: WordPress gets block markup
//! (`wordpress.rs`), Ameba only what its editor keeps (`ameba.rs`); both have a title field
//! of their own, so the post's text starts below the title there.

use super::{RubyStyle, UnknownId};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where the blog post goes. The ids (`html`, `wordpress`, `ameba`) are the CLI's `--for`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum BlogDestination {
    /// A sanitised HTML fragment, title included, for any site or a file.
    #[default]
    Html,
    /// WordPress's block editor: each paragraph, heading, list and separator a native block
    /// (`<!-- wp:paragraph -->…`); the title goes to the post's title.
    Wordpress,
    /// Ameba's editor: only the elements and attributes of [`super::AMEBA_ALLOWED`]; the
    /// title goes to the article's title.
    Ameba,
}

impl BlogDestination {
    pub const ALL: [BlogDestination; 3] = [
        BlogDestination::Html,
        BlogDestination::Wordpress,
        BlogDestination::Ameba,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BlogDestination::Html => "html",
            BlogDestination::Wordpress => "wordpress",
            BlogDestination::Ameba => "ameba",
        }
    }

    /// The ruby style a post for this destination gets unless the writer chooses another:
    /// `<ruby>` where it is kept (WordPress allows `ruby`, `rt` and `rp` in posts), the
    /// reading in brackets where a word first appears for Ameba, whose handling of ruby
    /// is not documented.
    pub fn default_ruby(self) -> RubyStyle {
        match self {
            BlogDestination::Html | BlogDestination::Wordpress => RubyStyle::Tags,
            BlogDestination::Ameba => RubyStyle::ParenFirst,
        }
    }

    /// Whether the post carries its title (`<h1>`): only where the destination has no title
    /// field of its own.
    pub(super) fn carries_title(self) -> bool {
        self == BlogDestination::Html
    }
}

impl FromStr for BlogDestination {
    type Err = UnknownId;

    fn from_str(id: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|d| d.as_str() == id.trim())
            .ok_or_else(|| UnknownId {
                kind: "blog destination",
                id: id.to_string(),
                expected: "html, wordpress, ameba",
            })
    }
}

impl fmt::Display for BlogDestination {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for destination in BlogDestination::ALL {
            assert_eq!(destination.as_str().parse(), Ok(destination));
            let json = serde_json::to_string(&destination).unwrap_or_default();
            assert_eq!(json, format!("\"{destination}\""));
        }
        assert!("WordPress".parse::<BlogDestination>().is_err());
    }
}
