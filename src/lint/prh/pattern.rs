//! prh patterns (literal text and JavaScript regular expressions) for the `regex` crate.

use regex::{Captures, Regex};
use std::ops::Range;

/// A compiled pattern, with the look-around the `regex` crate lacks checked around matches.
#[derive(Debug, Clone)]
pub(super) struct Pattern {
    regex: Regex,
    /// A leading look-behind: (text before the match must end with it, negative).
    behind: Option<(Regex, bool)>,
    /// A trailing look-ahead: (text after the match must start with it, negative).
    ahead: Option<(Regex, bool)>,
}

/// JavaScript's ASCII word boundary.
const BOUNDARY: &str = r"(?-u:\b)";

impl Pattern {
    /// The expected form itself: ASCII letters in either case, letters and digits half- or
    /// full-width.
    pub fn loose(expected: &str, boundary: bool) -> Result<Pattern, String> {
        let mut source = String::new();
        for c in expected.chars() {
            if c.is_ascii_alphanumeric() {
                source.push('[');
                for v in [c.to_ascii_lowercase(), c.to_ascii_uppercase()] {
                    source.push(v);
                    source.extend(char::from_u32(v as u32 + 0xFEE0));
                }
                source.push(']');
            } else {
                source.push_str(&regex::escape(c.encode_utf8(&mut [0; 4])));
            }
        }
        Self::build(bounded(source, boundary), None, None)
    }

    /// `pattern` or `patterns`: literal text or `/regex/flags`, several as alternatives.
    pub fn parse(patterns: &[String], boundary: bool) -> Result<Pattern, String> {
        Self::parse_list(patterns, boundary).map_err(|message| {
            format!(
                "パターン「{}」を解釈できません。{message}",
                patterns.join("」「")
            )
        })
    }

    fn parse_list(patterns: &[String], boundary: bool) -> Result<Pattern, String> {
        if let [single] = patterns {
            if let Some((body, flags)) = as_regex(single) {
                let (behind, core, ahead) = split_lookaround(body);
                let look = |inner: Look, ahead: bool| {
                    inner
                        .map(|(negative, inner)| {
                            let inner = wrap(&flags, &translate(inner)?);
                            let source = match ahead {
                                true => format!("^{inner}"),
                                false => format!("{inner}$"),
                            };
                            Regex::new(&source)
                                .map(|r| (r, negative))
                                .map_err(|e| explain(&e))
                        })
                        .transpose()
                };
                let core = wrap(&flags, &translate(core)?);
                return Self::build(core, look(behind, false)?, look(ahead, true)?);
            }
        }
        let mut alternatives = Vec::new();
        for pattern in patterns {
            alternatives.push(match as_regex(pattern) {
                Some((body, flags)) => wrap(&flags, &translate(body)?),
                None => bounded(regex::escape(pattern), boundary),
            });
        }
        Self::build(alternatives.join("|"), None, None)
    }

    fn build(
        source: String,
        behind: Option<(Regex, bool)>,
        ahead: Option<(Regex, bool)>,
    ) -> Result<Pattern, String> {
        let regex = Regex::new(&source).map_err(|e| explain(&e))?;
        Ok(Pattern {
            regex,
            behind,
            ahead,
        })
    }

    pub fn captures_at<'t>(&self, text: &'t str, at: usize) -> Option<Captures<'t>> {
        self.regex.captures_at(text, at)
    }

    /// Does the look-around around a match hold?
    pub fn context_allows(&self, text: &str, range: Range<usize>) -> bool {
        let holds = |look: &Option<(Regex, bool)>, part: &str| {
            look.as_ref()
                .is_none_or(|(regex, negative)| regex.is_match(part) != *negative)
        };
        holds(&self.behind, &text[..range.start]) && holds(&self.ahead, &text[range.end..])
    }

    /// Groups including the whole match.
    pub fn group_count(&self) -> usize {
        self.regex.captures_len()
    }

    /// A regular expression that matches wherever the pattern might (look-around left out).
    pub fn prefilter_source(&self) -> &str {
        self.regex.as_str()
    }
}

fn bounded(source: String, boundary: bool) -> String {
    match boundary {
        true => format!("{BOUNDARY}(?:{source}){BOUNDARY}"),
        false => source,
    }
}

fn wrap(flags: &str, body: &str) -> String {
    match flags.is_empty() {
        true => format!("(?:{body})"),
        false => format!("(?{flags}:{body})"),
    }
}

fn explain(error: &regex::Error) -> String {
    let text = error.to_string();
    if text.contains("look-around") {
        "先読み・後読みは、パターン先頭の後読みと末尾の先読みにだけ対応しています。".into()
    } else {
        text.lines().last().unwrap_or_default().trim().to_string()
    }
}

/// `/body/flags` → (body, flags for the `regex` crate); `None` for literal text.
fn as_regex(pattern: &str) -> Option<(&str, String)> {
    let rest = pattern.strip_prefix('/')?;
    let close = rest.rfind('/')?;
    let (body, flags) = (&rest[..close], &rest[close + 1..]);
    if !flags.chars().all(|c| "gimsuyd".contains(c)) {
        return None;
    }
    let kept: String = flags.chars().filter(|c| "ims".contains(*c)).collect();
    Some((body, kept))
}

/// A look-around split off a pattern: (negative, inner pattern).
type Look<'a> = Option<(bool, &'a str)>;

/// Split a leading look-behind and a trailing look-ahead off a pattern without a top-level
/// `|`: (behind, core, ahead).
fn split_lookaround(body: &str) -> (Look<'_>, &str, Look<'_>) {
    let (groups, alternation) = top_level_groups(body);
    if alternation {
        return (None, body, None);
    }
    let mut core = 0..body.len();
    let mut behind = None;
    let mut ahead = None;
    if let Some(first) = groups.first().filter(|g| g.start == 0) {
        let group = &body[first.clone()];
        for (prefix, negative) in [("(?<=", false), ("(?<!", true)] {
            if group.starts_with(prefix) && first.end < body.len() {
                behind = Some((negative, &group[prefix.len()..group.len() - 1]));
                core.start = first.end;
            }
        }
    }
    if let Some(last) = groups
        .last()
        .filter(|g| g.end == body.len() && g.start > core.start)
    {
        let group = &body[last.clone()];
        for (prefix, negative) in [("(?=", false), ("(?!", true)] {
            if group.starts_with(prefix) {
                ahead = Some((negative, &group[prefix.len()..group.len() - 1]));
                core.end = last.start;
            }
        }
    }
    (behind, &body[core], ahead)
}

/// Byte ranges of the top-level groups and whether there is a top-level `|`.
fn top_level_groups(body: &str) -> (Vec<Range<usize>>, bool) {
    let (mut groups, mut alternation) = (Vec::new(), false);
    let (mut depth, mut start, mut in_class, mut escaped) = (0usize, 0, false, false);
    for (i, c) in body.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            _ if in_class => {}
            '(' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    groups.push(start..i + 1);
                }
            }
            '|' if depth == 0 => alternation = true,
            _ => {}
        }
    }
    (groups, alternation)
}

/// JavaScript regular-expression syntax → the `regex` crate's.
fn translate(body: &str) -> Result<String, String> {
    let mut out = String::with_capacity(body.len() + 8);
    let mut chars = body.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(e) = chars.next() else {
                    out.push_str(r"\\");
                    break;
                };
                let hex: String = match e {
                    'u' => chars.clone().take(4).collect(),
                    _ => String::new(),
                };
                match (e, in_class) {
                    ('d', false) => out.push_str("[0-9]"),
                    ('d', true) => out.push_str("0-9"),
                    ('D', false) => out.push_str("[^0-9]"),
                    ('w', false) => out.push_str("[0-9A-Za-z_]"),
                    ('w', true) => out.push_str("0-9A-Za-z_"),
                    ('W', false) => out.push_str("[^0-9A-Za-z_]"),
                    ('b', false) => out.push_str(BOUNDARY),
                    ('B', false) => out.push_str(r"(?-u:\B)"),
                    ('b', true) => out.push_str(r"\x08"),
                    ('0', _) => out.push_str(r"\x00"),
                    ('1'..='9' | 'k', _) => {
                        return Err("後方参照（\\1 など）には対応していません。".into())
                    }
                    ('u', _) if hex.len() == 4 && hex.chars().all(|h| h.is_ascii_hexdigit()) => {
                        out.push_str(&format!(r"\x{{{hex}}}"));
                        chars.nth(3);
                    }
                    ('/', _) => out.push('/'),
                    (e, _) => {
                        out.push('\\');
                        out.push(e);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push_str(r"\]");
                    chars.next();
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            '[' | '&' | '~' if in_class => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Fill a JavaScript replacement string: `$1`…`$99`, `$<name>`, `$&`, `` $` ``, `$'`, `$$`.
pub(super) fn expand(template: &str, caps: &Captures, haystack: &str) -> String {
    let whole = caps.get(0).map_or(0..0, |m| m.range());
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let digits = after.bytes().take(2).take_while(u8::is_ascii_digit).count();
        let group = (1..=digits).rev().find_map(|n| {
            let index: usize = after[..n].parse().ok()?;
            (index > 0 && index < caps.len()).then_some((n, index))
        });
        let (text, used): (&str, usize) = match after.chars().next() {
            Some('$') => ("$", 1),
            Some('&') => (&haystack[whole.clone()], 1),
            Some('`') => (&haystack[..whole.start], 1),
            Some('\'') => (&haystack[whole.end..], 1),
            Some('<') if after.contains('>') => {
                let end = after.find('>').unwrap_or_default();
                let name = &after[1..end];
                (caps.name(name).map_or("", |m| m.as_str()), end + 1)
            }
            Some(_) if group.is_some() => {
                let (len, index) = group.unwrap_or_default();
                (caps.get(index).map_or("", |m| m.as_str()), len)
            }
            _ => ("$", 0),
        };
        out.push_str(text);
        rest = &after[used..];
    }
    out.push_str(rest);
    out
}
