//! CommonMark syntax details: escaping, code spans, link destinations and whether asterisks
//! can open and close emphasis where they stand.

use crate::export::inline::{visible, Emphasis};

/// `**text**` where CommonMark's flanking rules let the asterisks work (Japanese text often
/// puts punctuation right inside them: `は**「答え」**です` is not emphasis), else HTML tags.
pub(super) fn emphasise(
    out: &mut String,
    added: Emphasis,
    content: &str,
    previous: Option<char>,
    next: Option<char>,
) {
    let (delimiter, open, close) = match (added.strong, added.emphasis) {
        (true, true) => ("***", "<strong><em>", "</em></strong>"),
        (true, false) => ("**", "<strong>", "</strong>"),
        _ => ("*", "<em>", "</em>"),
    };
    let (open, close) = if flanks(content, previous, next) {
        (delimiter, delimiter)
    } else {
        (open, close)
    };
    out.push_str(open);
    out.push_str(content);
    out.push_str(close);
}

/// Whether asterisks between `previous` and `content`, and `content` and `next`, open and close.
fn flanks(content: &str, previous: Option<char>, next: Option<char>) -> bool {
    let (Some(first), Some(last)) = (content.chars().next(), content.chars().next_back()) else {
        return false;
    };
    let open_side = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_punctuation(c));
    previous != Some('*')
        && next != Some('*')
        && !first.is_whitespace()
        && !last.is_whitespace()
        && (!may_be_punctuation(first) || open_side(previous))
        && (!may_be_punctuation(last) || open_side(next))
}

/// Surely punctuation or a symbol in CommonMark's sense (ASCII, general and CJK punctuation,
/// full-width forms). Used for the characters outside a delimiter.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3001}'..='\u{3003}' |
            '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}' | '\u{30FB}' |
            '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' |
            '\u{FF5B}'..='\u{FF65}')
}

/// Possibly punctuation or a symbol: anything but letters and digits. Used inside a delimiter.
fn may_be_punctuation(c: char) -> bool {
    !c.is_alphanumeric()
}

/// Escape text so that it reads back as itself; `line_start` also escapes block markers.
pub(super) fn escape(out: &mut String, text: &str, line_start: bool, heading: bool) {
    let shown = visible(text);
    let mut text: &str = &shown;
    if line_start {
        text = text.trim_start_matches([' ', '\t']);
        if text.starts_with(['#', '>', '-', '+', '=']) {
            out.push('\\');
        }
        // `1. ` or `1) ` would start an ordered list.
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        let bytes = text.as_bytes();
        if (1..=9).contains(&digits)
            && matches!(bytes.get(digits), Some(b'.' | b')'))
            && matches!(bytes.get(digits + 1), None | Some(b' ' | b'\t'))
        {
            out.push_str(&text[..digits]);
            out.push('\\');
            text = &text[digits..];
        }
    }
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let escaped = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '~' => true,
            '#' => heading,
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            _ => false,
        };
        if escaped {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
}

/// A code span with a fence longer than any backtick run inside.
pub(super) fn code_span(out: &mut String, code: &str) {
    let code = code.replace('\n', " ");
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = code.starts_with('`')
        || code.ends_with('`')
        || (code.starts_with(' ') && code.ends_with(' ') && !code.trim_matches(' ').is_empty());
    let space = if pad { " " } else { "" };
    out.push_str(&format!("{fence}{space}{code}{space}{fence}"));
}

/// A link destination: spaces, parentheses, angle brackets and backslashes percent-encoded.
pub(super) fn destination(out: &mut String, url: &str) {
    for c in url.chars() {
        if c.is_ascii_control() || matches!(c, ' ' | '(' | ')' | '<' | '>' | '\\') {
            out.push_str(&format!("%{:02X}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
}
