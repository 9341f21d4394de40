//! What every export shares: inlines grouped into runs of one emphasis, and text made fit to
//! show (no control or bidi-override characters, no live-looking script URLs).

use crate::invisible::is_bidi_control;
use crate::script::{Inline, Style};
use std::borrow::Cow;

/// The styles that may span several inlines (code is per text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Emphasis {
    pub strong: bool,
    pub emphasis: bool,
}

impl Emphasis {
    fn of(style: &Style) -> Self {
        Emphasis {
            strong: style.strong,
            emphasis: style.emphasis,
        }
    }

    fn and(self, other: Emphasis) -> Self {
        Emphasis {
            strong: self.strong && other.strong,
            emphasis: self.emphasis && other.emphasis,
        }
    }

    /// What `self` adds to an enclosing emphasis.
    fn beyond(self, outer: Emphasis) -> Self {
        Emphasis {
            strong: self.strong && !outer.strong,
            emphasis: self.emphasis && !outer.emphasis,
        }
    }

    pub fn is_plain(self) -> bool {
        !self.strong && !self.emphasis
    }
}

/// Consecutive inlines of one emphasis. Cues are left out; a line break is a run of its own.
pub(super) enum Run<'a> {
    Styled {
        /// Emphasis to open around the run (beyond what encloses it).
        added: Emphasis,
        /// The run's whole emphasis, which encloses the text of a link inside it.
        whole: Emphasis,
        inlines: Vec<&'a Inline>,
    },
    Break,
}

/// Group inlines into runs; `outer` is the emphasis already open around them.
pub(super) fn runs<'a>(
    inlines: impl IntoIterator<Item = &'a Inline>,
    outer: Emphasis,
) -> Vec<Run<'a>> {
    let mut out: Vec<Run<'a>> = Vec::new();
    for inline in inlines {
        let whole = match inline {
            Inline::Cue { .. } => continue,
            Inline::Break { .. } => {
                out.push(Run::Break);
                continue;
            }
            other => emphasis_of(other),
        };
        match out.last_mut() {
            Some(Run::Styled {
                whole: last,
                inlines,
                ..
            }) if *last == whole => inlines.push(inline),
            _ => out.push(Run::Styled {
                added: whole.beyond(outer),
                whole,
                inlines: vec![inline],
            }),
        }
    }
    out
}

/// The emphasis of an inline; for a link, what all of its text shares.
fn emphasis_of(inline: &Inline) -> Emphasis {
    match inline {
        Inline::Text { style, .. } | Inline::Ruby { style, .. } => Emphasis::of(style),
        Inline::Link { inlines, .. } => inlines
            .iter()
            .filter(|i| !matches!(i, Inline::Cue { .. } | Inline::Break { .. }))
            .map(emphasis_of)
            .reduce(Emphasis::and)
            .unwrap_or_default(),
        Inline::Cue { .. } | Inline::Break { .. } => Emphasis::default(),
    }
}

/// Whether inlines show anything at all (a paragraph of cues only does not).
pub(super) fn has_content<'a>(inlines: impl IntoIterator<Item = &'a Inline>) -> bool {
    inlines.into_iter().any(|inline| match inline {
        Inline::Text { text, .. } => !visible(text).trim().is_empty(),
        Inline::Ruby { .. } => true,
        Inline::Link { inlines, .. } => has_content(inlines),
        Inline::Cue { .. } | Inline::Break { .. } => false,
    })
}

/// Characters never exported: controls (but tab and newline) and bidi embeddings, overrides
/// and isolates, which could reorder what a reader sees.
fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || is_bidi_control(c)
}

/// Text as exported: hidden characters dropped and script URLs defanged (`javascript:` becomes
/// `javascript：`), so that no editor, autolinker or filter downstream sees a live one.
pub(super) fn visible(text: &str) -> Cow<'_, str> {
    let shown = if text.chars().any(is_hidden) {
        Cow::Owned(text.chars().filter(|c| !is_hidden(*c)).collect())
    } else {
        Cow::Borrowed(text)
    };
    match defang(&shown) {
        Some(defanged) => Cow::Owned(defanged),
        None => shown,
    }
}

/// Replace the colon of `javascript:`, `vbscript:` and `data:<type>/` with a full-width one.
fn defang(text: &str) -> Option<String> {
    if !text.contains(':') {
        return None;
    }
    // ASCII lowercasing keeps byte offsets.
    let lower = text.to_ascii_lowercase();
    let mut colons: Vec<usize> = Vec::new();
    for scheme in ["javascript:", "vbscript:", "data:"] {
        for (at, _) in lower.match_indices(scheme) {
            let after = &lower[at + scheme.len()..];
            if scheme != "data:" || is_media_type(after) {
                colons.push(at + scheme.len() - 1);
            }
        }
    }
    if colons.is_empty() {
        return None;
    }
    colons.sort_unstable();
    let mut out = String::with_capacity(text.len() + 2 * colons.len());
    let mut from = 0;
    for colon in colons {
        out.push_str(&text[from..colon]);
        out.push('：');
        from = colon + 1;
    }
    out.push_str(&text[from..]);
    Some(out)
}

/// `text/html…`, `image/svg…`: a media type as a data URL starts with one.
fn is_media_type(text: &str) -> bool {
    let name = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    name > 0 && text.as_bytes().get(name) == Some(&b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_dropped() {
        assert_eq!(
            visible("a\u{7}b\u{1b}[31mc\u{7f}\u{202e}d\u{202c}\te\n"),
            "ab[31mcd\te\n"
        );
        assert!(matches!(visible("そのまま"), Cow::Borrowed(_)));
    }

    #[test]
    fn script_urls_are_defanged() {
        assert_eq!(visible("JavaScript:alert(1)"), "JavaScript：alert(1)");
        assert_eq!(visible("x data:text/html y"), "x data：text/html y");
        assert_eq!(visible("data: 5件"), "data: 5件");
        assert_eq!(visible("https://example.jp"), "https://example.jp");
    }
}
