//! Cues' brackets, and `<` that can open no tag, hidden from pulldown-cmark.
//!
//! pulldown-cmark keeps a node for every `[` and `]` of a paragraph until the paragraph is
//! read: a 16 MiB line of `[[間]]` was tens of millions of nodes and most of a gigabyte. A cue
//! (`[[間]]`, `[[ゆっくり]]`) is no link, so its four brackets are given to pulldown-cmark as
//! other ASCII punctuation that it reads as plain text and that the draft does not contain
//! (same length: every offset stays; punctuation still: emphasis beside it reads the same),
//! and written back in every text it hands over ([`Hidden::restore_event`]).
//!
//! Only where this cannot change what pulldown-cmark reads: never in a draft that has a line
//! that could define a reference link (`]:`), never a cue in a draft with a `<` (an autolink
//! or HTML around it would read otherwise), and only for a cue whose body has no bracket, backslash, backtick, angle
//! bracket or line break, not after `\`, `!` or `[`, and not before `(`, `]` or `:` — where
//! its brackets could open, close or escape a link, an image or a reference, they stay.
//!
//! Likewise a `<` with no `>` after it anywhere in the draft opens no HTML and no autolink
//! (both end with `>`); not at the start of a line, where it could open an HTML block, not
//! escaped and not after `(` (a link's destination), it is given as a third such character
//! (16 MiB of `<a ` was a node per `<`).
//! The tests compare the scripts parsed with and without hiding.

use pulldown_cmark::{CowStr, Event, Tag};
use std::borrow::Cow;

/// ASCII punctuation that pulldown-cmark (without extensions) reads as plain text anywhere,
/// line starts and after `<` included (not `?` or `!`: `<?`, `<!` open HTML; not `=`, `-`,
/// `~`: underlines and fences): the stand-ins of `[`, `]` and `<` are the first three the
/// draft lacks.
const STAND_INS: [u8; 6] = [b'@', b'%', b';', b'^', b'$', b'|'];

/// Longest cue body looked at, in bytes (the parser's own limit is 60 characters).
const MAX_BODY_BYTES: usize = 60 * 4;

/// The stand-ins of `[`, `]` and `<` in the text pulldown-cmark reads, when any were used.
#[derive(Clone, Copy)]
pub(super) struct Hidden(Option<[u8; 3]>);

/// `text` with the brackets of its cues and its lone `<` hidden (see the module), when it may.
pub(super) fn hide(text: &str) -> (Cow<'_, str>, Hidden) {
    #[cfg(test)]
    if tests::HIDING_OFF.with(std::cell::Cell::get) {
        return (Cow::Borrowed(text), Hidden(None));
    }
    // `]:` may define a reference link, whose destination may start with `<`.
    if !(text.contains("[[") || text.contains('<')) || text.contains("]:") {
        return (Cow::Borrowed(text), Hidden(None));
    }
    let bytes = text.as_bytes();
    let mut unused = STAND_INS.iter().filter(|c| !bytes.contains(c));
    let (Some(&open), Some(&close), Some(&less)) = (unused.next(), unused.next(), unused.next())
    else {
        return (Cow::Borrowed(text), Hidden(None));
    };
    let mut bytes = bytes.to_vec();
    let cues = hide_cue_brackets(&mut bytes, open, close);
    let lesses = hide_lone_less_than(&mut bytes, less);
    if !(cues || lesses) {
        return (Cow::Borrowed(text), Hidden(None));
    }
    match String::from_utf8(bytes) {
        // ASCII replaced by ASCII: still UTF-8.
        Ok(hidden) => (Cow::Owned(hidden), Hidden(Some([open, close, less]))),
        Err(_) => (Cow::Borrowed(text), Hidden(None)),
    }
}

/// Hide each `<` after the draft's last `>` that does not start a line (after at most three
/// spaces), is not escaped and does not start a link's destination. Whether any was.
fn hide_lone_less_than(text: &mut [u8], less: u8) -> bool {
    let from = text.iter().rposition(|b| *b == b'>').map_or(0, |at| at + 1);
    let mut hid = false;
    let mut line_start = text[..from]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |at| at + 1);
    for at in from..text.len() {
        match text[at] {
            b'\n' => line_start = at + 1,
            // Not escaped (`\<`): the escape must still see a `<`; not where a link's
            // destination starts (`](<`), which must then end with `>`.
            b'<' if at > 0 && text[at - 1] == b'\\' => {}
            b'<' if text[..at]
                .iter()
                .rev()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|b| *b == b'(') => {}
            b'<' if text[line_start..at].iter().any(|b| *b != b' ') || at - line_start > 3 => {
                text[at] = less;
                hid = true;
            }
            _ => {}
        }
    }
    hid
}

/// Hide the brackets of the cues that may be (see the module). Whether any were.
fn hide_cue_brackets(text: &mut [u8], open: u8, close: u8) -> bool {
    if text.contains(&b'<') || !text.windows(2).any(|w| w == b"[[") {
        return false;
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
        text[at..at + 2].fill(open);
        text[at + len - 2..at + len].fill(close);
        hid = true;
        at += len;
    }
    hid
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
    if body_len == 0 || text[close] != b']' || text.get(close + 1) != Some(&b']') {
        return None;
    }
    // Not `[`: without definitions (`]:`, refused in `hide`) `[…][…]` is no link.
    if matches!(text.get(close + 2), Some(b'(' | b']' | b':')) {
        return None;
    }
    Some(close + 2 - at)
}

impl Hidden {
    /// An event of pulldown-cmark with what was hidden written back in its texts.
    pub(super) fn restore_event(self, event: Event<'_>) -> Event<'_> {
        if self.0.is_none() {
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

    /// A text from pulldown-cmark with what was hidden written back.
    fn restore(self, text: CowStr<'_>) -> CowStr<'_> {
        let Some([open, close, less]) = self.0 else {
            return text;
        };
        let original = |c: char| match u8::try_from(c) {
            Ok(b) if b == open => Some('['),
            Ok(b) if b == close => Some(']'),
            Ok(b) if b == less => Some('<'),
            _ => None,
        };
        if !text.contains(|c| original(c).is_some()) {
            return text;
        }
        let restored: String = text.chars().map(|c| original(c).unwrap_or(c)).collect();
        CowStr::from(restored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::parse;
    use std::cell::Cell;

    thread_local! {
        /// Parse without hiding anything, to compare.
        pub(super) static HIDING_OFF: Cell<bool> = const { Cell::new(false) };
    }

    fn same_script_either_way(source: &str) {
        let hidden = parse(source);
        HIDING_OFF.with(|off| off.set(true));
        let plain = parse(source);
        HIDING_OFF.with(|off| off.set(false));
        assert_eq!(hidden, plain, "{source:?}");
    }

    fn hidden(text: &str) -> String {
        hide(text).0.into_owned()
    }

    #[test]
    fn cues_lose_their_brackets_where_no_link_can_form() {
        assert_eq!(hidden("前[[間]]後[[間 3秒]]"), "前@@間%%後@@間 3秒%%");
        assert_eq!(hidden("[[間]][[間]]@"), "%%間;;%%間;;@");
        for kept in [
            "[[間]](url) ![[間]] \\[[間]] [[[間]]]",
            "[[a]b]] [[]] [[`x`]]",
            "[[間]]\n[x]: https://example.jp",
            "<https://example.jp/[[間]]>",
        ] {
            assert_eq!(hidden(kept), kept);
        }
    }

    #[test]
    fn a_less_than_that_opens_nothing_is_hidden() {
        assert_eq!(hidden("<p x\n  <a <a b\n<b"), "<p x\n  <a ;a b\n<b");
        assert_eq!(hidden("<a <a <br> <a \\<a"), "<a <a <br> ;a \\<a");
    }

    #[test]
    fn hiding_changes_no_script() {
        for source in [
            "本日は[[間]]晴天です。[[ゆっくり]]\n\n[[間 3秒]][[間]]続き。",
            "[[間]](https://example.jp) ![[間]] \\[[間]] [[[間]]] [[間]]]",
            "[前 [[間]] 後](https://example.jp) [[間]][x] `[[間]]` *[[強調]]*a",
            "<https://example.jp/[[間]]> <b>[[間]]</b> <!-- [[間]] -->",
            "```\n[[間]] <a <a\n```\n\n    [[間]]\n",
            "a <a <b \\<c <d\n<p x\n  <q <r *x*<y",
            "## 見出し[[間]]\n\n> [!note] [[間]]\n\n- [[間]] <x\n",
            "[[間]]\n\n[間]: https://example.jp",
        ] {
            same_script_either_way(source);
        }
    }

    #[test]
    fn hiding_changes_no_script_of_random_markup() {
        const PIECES: [&str; 33] = [
            "[[",
            "]]",
            "[",
            "]",
            "(",
            ")",
            "<",
            ">",
            "\\",
            "!",
            "`",
            ":",
            "間",
            "あい",
            "\n",
            "\n\n",
            " ",
            "    ",
            "*",
            "_",
            "https://example.jp",
            "- ",
            "> ",
            "#",
            "@",
            "%",
            ";",
            "^",
            "$",
            "|",
            "](",
            "]:",
            "(<",
        ];
        let mut state: u64 = 7;
        for _ in 0..3_000 {
            let mut source = String::new();
            for _ in 0..24 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                source.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
            }
            same_script_either_way(&source);
        }
    }

    #[test]
    fn texts_are_restored() {
        let (text, hid) = hide("[[a]]");
        assert_eq!(text, "@@a%%");
        assert_eq!(&*hid.restore(CowStr::from(text.into_owned())), "[[a]]");
    }
}
