//! HTML that an export wrote, handed to the sanitiser in parts of bounded size.
//!
//! The sanitiser (ammonia over html5ever) builds a tree of the whole HTML it is given: for a
//! 16 MiB draft of ruby that was millions of nodes and gigabytes. An export's HTML is a run of
//! balanced elements (the exporters write every tag they open), so it is cut between sibling
//! elements into parts of at most [`PART_BYTES`], and each part is sanitised alone: a tree's
//! serialisation is its children's one after the other, so the joined parts are the bytes
//! the whole gave. An element larger than a part (a 16 MiB paragraph) is opened as the
//! sanitiser writes its tag alone, its content is cut the same way, and it is closed.
//!
//! What this cannot read as balanced markup (an end tag that closes nothing, a tag left open)
//! is sanitised whole, as before: never less safe, only larger.

use std::ops::Range;

/// Most bytes of HTML handed to the sanitiser at once (far more than any block of a speech).
pub(super) const PART_BYTES: usize = 64 * 1024;

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements the HTML parser closes a `p` or heading for: content holding one of these is not
/// cut (the parser would move it out of the element when given the whole).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// One sibling at the top level of a stretch of HTML.
struct Item {
    range: Range<usize>,
    /// An element with content: its start tag, content and end tag.
    element: Option<(Range<usize>, Range<usize>, Range<usize>)>,
}

/// Sanitise `html` part by part with `clean` (which appends the sanitised form of the HTML it
/// is given to `out`).
pub(super) fn sanitize_in_parts(
    html: &str,
    out: &mut String,
    clean: &mut dyn FnMut(&str, &mut String),
) {
    if html.len() <= PART_BYTES {
        return clean(html, out);
    }
    let Some(items) = siblings(html) else {
        return clean(html, out);
    };
    let mut group = 0;
    for item in items {
        let big = item.range.len() > PART_BYTES;
        if big || item.range.end - group > PART_BYTES {
            if group < item.range.start {
                clean(&html[group..item.range.start], out);
            }
            group = item.range.start;
        }
        if let Some((open, content, close)) = item.element.filter(|_| big) {
            element_in_parts(html, open, content, close, out, clean);
            group = item.range.end;
        }
    }
    if group < html.len() {
        clean(&html[group..], out);
    }
}

/// An element larger than a part: its tag as the sanitiser writes it with nothing inside, its
/// content in parts, its end tag.
fn element_in_parts(
    html: &str,
    open: Range<usize>,
    content: Range<usize>,
    close: Range<usize>,
    out: &mut String,
    clean: &mut dyn FnMut(&str, &mut String),
) {
    let whole = open.start..close.end;
    let name = tag_name(&html[open.clone()]);
    let inner = &html[content];
    let holds_block = inner
        .match_indices('<')
        .any(|(at, _)| BLOCKS.contains(&tag_name(&inner[at..])));
    if holds_block {
        return clean(&html[whole], out);
    }
    let mut shell = String::new();
    clean(
        &format!("{}{}", &html[open], &html[close.clone()]),
        &mut shell,
    );
    let end = &html[close];
    match shell.strip_suffix(end) {
        Some(start) if start.starts_with(&format!("<{name}")) => {
            out.push_str(start);
            sanitize_in_parts(inner, out, clean);
            out.push_str(end);
        }
        _ => clean(&html[whole], out),
    }
}

/// The name of the tag at the start of `tag` (`<p …`, `</p>`), lower case as exports write it.
fn tag_name(tag: &str) -> &str {
    let name = tag.trim_start_matches('<').trim_start_matches('/');
    let end = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    &name[..end]
}

/// The top-level siblings of `html`, or `None` when it is not balanced markup.
fn siblings(html: &str) -> Option<Vec<Item>> {
    let bytes = html.as_bytes();
    let mut items = Vec::new();
    // Open elements: name, start tag's range, where its content starts.
    let mut open: Vec<(&str, Range<usize>)> = Vec::new();
    let mut item_start = 0;
    let mut text_start: Option<usize> = None;
    let mut at = 0;
    while at < bytes.len() {
        let rest = &html[at..];
        let is_tag = rest.starts_with("<!--")
            || rest.starts_with("</")
            || bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic) && bytes[at] == b'<';
        if !is_tag {
            if open.is_empty() && text_start.is_none() {
                text_start = Some(at);
                item_start = at;
            }
            at += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        if open.is_empty() {
            if let Some(start) = text_start.take() {
                items.push(Item {
                    range: start..at,
                    element: None,
                });
            }
            item_start = at;
        }
        if rest.starts_with("<!--") {
            at += rest.find("-->")? + 3;
            if open.is_empty() {
                items.push(Item {
                    range: item_start..at,
                    element: None,
                });
            }
        } else if rest.starts_with("</") {
            let end = at + rest.find('>')? + 1;
            let name = tag_name(rest);
            let (opened, start_tag) = open.pop()?;
            if opened != name {
                return None;
            }
            if open.is_empty() {
                items.push(Item {
                    range: item_start..end,
                    element: Some((start_tag.clone(), start_tag.end..at, at..end)),
                });
            }
            at = end;
        } else {
            let end = at + tag_end(rest)?;
            let name = tag_name(rest);
            let void = VOID.contains(&name) || html[..end].ends_with("/>");
            if void {
                if open.is_empty() {
                    items.push(Item {
                        range: item_start..end,
                        element: None,
                    });
                }
            } else {
                open.push((name, at..end));
            }
            at = end;
        }
    }
    if !open.is_empty() {
        return None;
    }
    if let Some(start) = text_start {
        items.push(Item {
            range: start..html.len(),
            element: None,
        });
    }
    Some(items)
}

/// Length of the start tag at the start of `tag`, its quoted attribute values skipped.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (at, c) in tag.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(at + 1),
            (None, _) => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parts `clean` is given, and what was written.
    fn parts(html: &str) -> (Vec<String>, String) {
        let mut given = Vec::new();
        let mut out = String::new();
        sanitize_in_parts(html, &mut out, &mut |part, out| {
            given.push(part.to_string());
            out.push_str(part);
        });
        (given, out)
    }

    #[test]
    fn a_long_paragraph_is_cut_between_its_children() {
        let ruby = "<ruby>漢<rp>（</rp><rt>かん</rt><rp>）</rp></ruby>";
        let html = format!("<h1>題</h1>\n<p>{}</p>\n", ruby.repeat(5_000));
        let (given, out) = parts(&html);
        assert_eq!(out, html);
        assert!(given.len() > 3, "{}", given.len());
        assert!(
            given.iter().all(|p| p.len() <= PART_BYTES),
            "a part too long"
        );
        // The paragraph's tag alone, then its content.
        assert!(given.iter().any(|p| p == "<p></p>"));
    }

    #[test]
    fn what_is_not_balanced_is_given_whole() {
        let html = format!("<p>{}</div>", "あ".repeat(PART_BYTES));
        let (given, _) = parts(&html);
        assert_eq!(given, [html]);
        let html = format!(
            "<p>{}<ul><li>x</li></ul></p>",
            "あ<br>".repeat(PART_BYTES / 4)
        );
        let (given, _) = parts(&html);
        assert_eq!(given, [html]);
    }

    #[test]
    fn quoted_attributes_and_comments_are_skipped() {
        let link = "<a href=\"https://example.jp/?q=<b>\" rel=\"x\">リンク</a><!---->";
        let html = format!("<p>{}</p>", link.repeat(2_000));
        let (given, out) = parts(&html);
        assert_eq!(out, html);
        assert!(given.iter().all(|p| p.len() <= PART_BYTES));
    }
}
