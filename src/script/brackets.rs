//! Cues' brackets, and `<` that can open no tag, hidden from pulldown-cmark.
//!
//! pulldown-cmark keeps a node for every `[` and `]` of a paragraph until the paragraph is
//! read: a 16 MiB line of `[[間]]` was tens of millions of nodes and most of a gigabyte. A cue
//! (`[[間]]`, `[[ゆっくり]]`) is no link, so its four brackets are given to pulldown-cmark as
//! two control characters of one byte each (same length: every offset stays) and written back
//! in every text it hands over ([`Hidden::restore`]).
//!
//! Only where this cannot change what pulldown-cmark reads: never in a draft that has these
//! control characters itself or a line that could define a reference link (`]:`), and only
//! for a cue whose body has no bracket, backslash, backtick, angle bracket or line break, not
//! after `\`, `!` or `[`, and not before `(`, `]` or `:` — where its brackets could open,
//! close or escape a link, an image or a reference, they stay.
//!
//! Likewise a `<` with no `>` after it anywhere in the draft opens no HTML and no autolink
//! (both end with `>`); not at the start of a line, where it could open an HTML block, it is
//! given as a third control character (16 MiB of `<a ` was a node per `<`).

use pulldown_cmark::{CowStr, Event, Tag};
use std::borrow::Cow;

/// What `[` and `]` of a cue are given to pulldown-cmark as.
const OPEN: u8 = 0x01;
const CLOSE: u8 = 0x02;
/// What a `<` that opens nothing is given to pulldown-cmark as.
const LESS: u8 = 0x03;

/// Longest cue body looked at, in bytes (the parser's own limit is 60 characters).
const MAX_BODY_BYTES: usize = 60 * 4;

/// Whether brackets were hidden, so that texts are restored.
#[derive(Clone, Copy)]
pub(super) struct Hidden(bool);

/// `text` with the brackets of its cues hidden (see the module), when it may.
pub(super) fn hide(text: &str) -> (Cow<'_, str>, Hidden) {
    let bytes = text.as_bytes();
    if bytes.iter().any(|b| matches!(*b, OPEN | CLOSE | LESS))
        || !(text.contains("[[") || text.contains('<'))
    {
        return (Cow::Borrowed(text), Hidden(false));
    }
    let mut bytes = bytes.to_vec();
    let cues = hide_cue_brackets(&mut bytes);
    let lesses = hide_lone_less_than(&mut bytes);
    if !(cues.0 || lesses) {
        return (Cow::Borrowed(text), Hidden(false));
    }
    match String::from_utf8(bytes) {
        // ASCII replaced by ASCII: still UTF-8.
        Ok(hidden) => (Cow::Owned(hidden), Hidden(true)),
        Err(_) => (Cow::Borrowed(text), Hidden(false)),
    }
}

/// Hide each `<` after the draft's last `>` that does not start a line (after at most three
/// spaces) and is not escaped. Whether any was.
fn hide_lone_less_than(text: &mut [u8]) -> bool {
    let from = text.iter().rposition(|b| *b == b'>').map_or(0, |at| at + 1);
    let mut hid = false;
    let mut line_start = text[..from].iter().rposition(|b| *b == b'\n').map_or(0, |at| at + 1);
    for at in from..text.len() {
        match text[at] {
            b'\n' => line_start = at + 1,
            // Not escaped (`\<`): the escape must still see a `<`.
            b'<' if at > 0 && text[at - 1] == b'\\' => {}
            b'<' if text[line_start..at].iter().any(|b| *b != b' ') || at - line_start > 3 => {
                text[at] = LESS;
                hid = true;
            }
            _ => {}
        }
    }
    hid
}

fn hide_cue_brackets(text: &mut [u8]) -> Hidden {
    if text.windows(2).any(|w| w == b"]:") || !text.windows(2).any(|w| w == b"[[") {
        return Hidden(false);
    }
    let mut hid = false;
    let mut at = 0;
    while at + 1 < text.len() {
        if text[at] != b'[' || text[at + 1] != b'[' {
            at += 1;
            continue;
        }
        let Some(len) = cue_at(text, at) else {
            at += 1;
            continue;
        };
        text[at..at + 2].fill(OPEN);
        text[at + len - 2..at + len].fill(CLOSE);
        hid = true;
        at += len;
    }
    Hidden(hid)
}

/// Length of the cue starting at `at` (`[[` … `]]`), when its brackets may be hidden.
fn cue_at(text: &[u8], at: usize) -> Option<usize> {
    if at > 0 && matches!(text[at - 1], b'\\' | b'!' | b'[') {
        return None;
    }
    let body_start = at + 2;
    let limit = (body_start + MAX_BODY_BYTES).min(text.len());
    let body_len = text[body_start..limit]
        .iter()
        .position(|b| matches!(b, b']' | b'[' | b'\\' | b'`' | b'<' | b'>' | b'\n' | b'\r'))?;
    let close = body_start + body_len;
    if body_len == 0 || text.get(close + 1) != Some(&b']') {
        return None;
    }
    // Not `[`: without definitions (`]:`, refused above) `[…][…]` is no link.
    if matches!(text.get(close + 2), Some(b'(' | b']' | b':')) {
        return None;
    }
    Some(close + 2 - at)
}

impl Hidden {
    /// An event of pulldown-cmark with the cues' brackets written back in its texts.
    pub(super) fn restore_event<'a>(self, event: Event<'a>) -> Event<'a> {
        if !self.0 {
            return event;
        }
        match event {
            Event::Text(text) => Event::Text(self.restore(text)),
            Event::Code(text) => Event::Code(self.restore(text)),
            Event::Html(text) => Event::Html(self.restore(text)),
            Event::InlineHtml(text) => Event::InlineHtml(self.restore(text)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: self.restore(dest_url),
                title: self.restore(title),
                id,
            }),
            event => event,
        }
    }

    /// A text from pulldown-cmark with the cues' brackets written back.
    fn restore<'a>(self, text: CowStr<'a>) -> CowStr<'a> {
        let hidden = |c: char| matches!(u8::try_from(c), Ok(OPEN | CLOSE | LESS));
        if !self.0 || !text.contains(hidden) {
            return text;
        }
        let restored: String = text
            .chars()
            .map(|c| match u8::try_from(c) {
                Ok(OPEN) => '[',
                Ok(CLOSE) => ']',
                Ok(LESS) => '<',
                _ => c,
            })
            .collect();
        CowStr::from(restored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden(text: &str) -> String {
        let mut bytes = text.as_bytes().to_vec();
        hide_cue_brackets(&mut bytes);
        String::from_utf8(bytes)
            .unwrap()
            .replace('\u{1}', "(")
            .replace('\u{2}', ")")
    }

    #[test]
    fn cues_lose_their_brackets_where_no_link_can_form() {
        assert_eq!(hidden("前[[間]]後[[間 3秒]]"), "前((間))後((間 3秒))");
        assert_eq!(hidden("[[間]](url) ![[間]] \\[[間]] [[[間]]]"), "[[間]](url) ![[間]] \\[[間]] [[[間]]]");
        assert_eq!(hidden("[[間]][[間]]"), "((間))((間))");
        assert_eq!(hidden("[[a]b]] [[]] [[`x`]]"), "[[a]b]] [[]] [[`x`]]");
        assert_eq!(hidden("[[間]]\n[x]: https://example.jp"), "[[間]]\n[x]: https://example.jp");
    }

    #[test]
    fn a_less_than_that_opens_nothing_is_hidden() {
        let (text, _) = hide("<p x\n  <a <a b\n<b");
        assert_eq!(text, "<p x\n  <a \u{3}a b\n<b");
        let (text, _) = hide("<a <a <br> <a \\<a");
        assert_eq!(text, "<a <a <br> \u{3}a \\<a");
    }

    #[test]
    fn texts_are_restored() {
        let (text, hid) = hide("[[a]]");
        assert_eq!(text, "\u{1}\u{1}a\u{2}\u{2}");
        assert_eq!(&*hid.restore(CowStr::from(text.into_owned())), "[[a]]");
    }
}
