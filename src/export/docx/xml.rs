//! Writing WordprocessingML: the namespaces, and text made fit for XML.

use crate::export::inline::visible;

pub(super) const DECLARATION: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
/// WordprocessingML's main namespace (`w:`).
pub(super) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Relationships inside a part (`r:id`).
pub(super) const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Exported text (made [`visible`]: no controls or bidi overrides) as element content, with the
/// characters XML 1.0 does not allow (U+FFFE, U+FFFF) left out.
pub(super) fn text(out: &mut String, text: &str) {
    escape(out, &visible(text), false);
}

/// Exported text as an attribute value.
pub(super) fn attribute(out: &mut String, text: &str) {
    escape(out, &visible(text), true);
}

fn escape(out: &mut String, text: &str, quotes: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            // Left as a character, an attribute's newline or tab would be read as a space.
            '\n' if quotes => out.push_str("&#10;"),
            '\t' if quotes => out.push_str("&#9;"),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_hidden_characters_dropped() {
        let mut out = String::new();
        text(&mut out, "a<b>&\"c\u{7}\u{202e}\u{FFFF}");
        assert_eq!(out, "a&lt;b&gt;&amp;\"c");
        let mut out = String::new();
        attribute(&mut out, "\"x\"\n");
        assert_eq!(out, "&quot;x&quot;&#10;");
    }
}
