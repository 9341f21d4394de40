//! The blog post as WordPress block markup: the sanitised post, each of its top-level elements
//! wrapped in the comment delimiters of the block it is (`<!-- wp:paragraph -->`,
//! `wp:heading`, `wp:list` with a `wp:list-item` per item, `wp:quote`, `wp:separator`), as
//! the block editor itself saves them, so that the post opens as native blocks, not as one
//! Classic block. The forms are those of WordPress 6.1 (Debian 12's), which later versions
//! read too (they migrate older forms through their blocks' deprecations); the real-WordPress
//! test (`make test-wordpress`) checks that the editor finds every block valid.
//!
//! The 要旨 and footer wrappers (`div`s with Podium's classes) are left out, their contents
//! becoming blocks of their own; a signature's paragraphs are aligned right. Anything else at
//! the top level (text from the office's footer HTML) becomes a paragraph, or a Custom HTML
//! block (`wp:html`) where it holds blocks.
//!
//! The input is the output of the sanitiser (html5ever's serialiser: every element closed, no
//! comments, `<` escaped in text), which is what the small scanner below reads. The only
//! comments in the result are the delimiters written here: a `<` in an attribute value (the
//! one place the serialiser leaves it) is written `&lt;`, so no text of the post can open a
//! comment that WordPress's block parser would take for a block.

/// Elements that are blocks of their own at the top level (a `div` is unwrapped).
const BLOCK_ELEMENTS: [&str; 11] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "blockquote",
    "hr",
];

/// Elements without an end tag (of those the sanitisers keep).
const VOID_ELEMENTS: [&str; 2] = ["br", "hr"];

/// The class of a signature's wrapper: its paragraphs are aligned right.
use super::sanitize::SIGNATURE_CLASS;

/// Quotes nested deeper than this are kept as HTML in a Custom HTML block.
const MAX_QUOTE_DEPTH: usize = 8;

/// The separator as WordPress 6.1's block editor saves it, with the space before `/>` that
/// WordPress's filter (kses) writes for users without `unfiltered_html`, so that the post is
/// kept as sent whoever saves it.
const SEPARATOR: &str = "<hr class=\"wp-block-separator has-alpha-channel-opacity\" />";

/// The sanitised blog post (`html`) as block markup.
pub(super) fn blocks(html: &str) -> String {
    let mut out = Vec::new();
    write_blocks(&mut out, html, 0);
    match out.is_empty() {
        true => String::new(),
        false => out.join("\n\n") + "\n",
    }
}

/// One block: its delimiters around its content. `attributes`: its JSON, if any.
fn block(name: &str, attributes: Option<&str>, content: &str) -> String {
    let attributes = attributes.map(|a| format!("{a} ")).unwrap_or_default();
    format!("<!-- wp:{name} {attributes}-->\n{content}\n<!-- /wp:{name} -->")
}

/// The blocks of `html` (a sequence of elements and text) pushed to `out`.
fn write_blocks(out: &mut Vec<String>, html: &str, depth: usize) {
    let mut scanner = Scanner { html, at: 0 };
    // Text and inline elements between blocks, written as a paragraph.
    let mut inline = String::new();
    // The `div`s open around this point, true for a signature's.
    let mut wrappers: Vec<bool> = Vec::new();
    while let Some(token) = scanner.next() {
        match token {
            Token::Start { name: "div", tag } => {
                flush(out, &mut inline);
                wrappers.push(tag.contains(SIGNATURE_CLASS));
            }
            Token::End { name: "div" } => {
                flush(out, &mut inline);
                wrappers.pop();
            }
            Token::Start { name, tag } if BLOCK_ELEMENTS.contains(&name) => {
                flush(out, &mut inline);
                let inner = match VOID_ELEMENTS.contains(&name) {
                    true => "",
                    false => scanner.element_inside(),
                };
                let right = wrappers.iter().any(|signature| *signature);
                out.push(element_block(name, tag, inner, right, depth));
            }
            Token::Start { name, tag } => {
                inline.push_str(&escaped_tag(tag));
                if !VOID_ELEMENTS.contains(&name) {
                    let inside = scanner.element_inside();
                    inline.push_str(&escaped_tags(inside));
                    inline.push_str(&format!("</{name}>"));
                }
            }
            Token::End { .. } => {}
            Token::Text(text) => inline.push_str(text),
        }
    }
    flush(out, &mut inline);
}

/// Text and inline elements gathered between blocks: a paragraph, or a Custom HTML block
/// when an inline element holds blocks (which no paragraph may).
fn flush(out: &mut Vec<String>, inline: &mut String) {
    let content = std::mem::take(inline);
    let content = content.trim();
    if content.is_empty() || content == "<br>" {
        return;
    }
    let holds_blocks = Scanner::tokens(content).any(
        |t| matches!(t, Token::Start { name, .. } if BLOCK_ELEMENTS.contains(&name) || name == "div"),
    );
    out.push(match holds_blocks {
        true => block("html", None, content),
        false => block("paragraph", None, &format!("<p>{content}</p>")),
    });
}

/// The block of a top-level element `name` (start tag `tag`, content `inner`).
fn element_block(name: &str, tag: &str, inner: &str, right: bool, depth: usize) -> String {
    let inner = &escaped_tags(inner);
    match name {
        "p" if right => block(
            "paragraph",
            Some(r#"{"align":"right"}"#),
            &format!("<p class=\"has-text-align-right\">{inner}</p>"),
        ),
        "p" => block("paragraph", None, &format!("<p>{inner}</p>")),
        "hr" => block("separator", None, SEPARATOR),
        "ul" | "ol" => list(name, &escaped_tag(tag), inner),
        "blockquote" if depth < MAX_QUOTE_DEPTH => {
            let mut quoted = Vec::new();
            write_blocks(&mut quoted, inner, depth + 1);
            let content = format!(
                "<blockquote class=\"wp-block-quote\">{}</blockquote>",
                quoted.join("\n\n")
            );
            block("quote", None, &content)
        }
        "blockquote" => block("html", None, &format!("<blockquote>{inner}</blockquote>")),
        // h1–h6: the level is the heading block's attribute, 2 its default.
        heading => {
            let level = heading[1..].parse::<u8>().unwrap_or(2);
            let attributes = (level != 2).then(|| format!("{{\"level\":{level}}}"));
            block(
                "heading",
                attributes.as_deref(),
                &format!("<{heading}>{inner}</{heading}>"),
            )
        }
    }
}

/// A list: `wp:list` (ordered, and its start, as attributes) around a `wp:list-item` for
/// each item. Anything between the items (white space) is left out.
fn list(name: &str, tag: &str, inner: &str) -> String {
    let mut scanner = Scanner { html: inner, at: 0 };
    let mut items = Vec::new();
    while let Some(token) = scanner.next() {
        if let Token::Start { name: "li", tag } = token {
            let inside = scanner.element_inside();
            items.push(block("list-item", None, &format!("{tag}{inside}</li>")));
        }
    }
    let start = attribute(tag, "start").and_then(|s| s.parse::<u64>().ok());
    let attributes = match (name, start) {
        ("ol", Some(start)) => Some(format!("{{\"ordered\":true,\"start\":{start}}}")),
        ("ol", None) => Some(r#"{"ordered":true}"#.to_string()),
        _ => None,
    };
    let content = format!("{tag}{}</{name}>", items.join("\n\n"));
    block("list", attributes.as_deref(), &content)
}

/// The value of `name` in a start tag (as the serialiser writes it: `name="value"`).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let (_, rest) = tag.split_once(&format!(" {name}=\""))?;
    rest.split_once('"').map(|(value, _)| value)
}

/// A start tag with `<` and `>` in its attribute values written as references.
fn escaped_tag(tag: &str) -> String {
    let Some(inside) = tag.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        return tag.to_string();
    };
    let mut out = String::with_capacity(tag.len());
    out.push('<');
    let mut quoted = false;
    for c in inside.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                out.push(c);
            }
            '<' if quoted => out.push_str("&lt;"),
            '>' if quoted => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

/// `html` with every start tag's attribute values escaped ([`escaped_tag`]).
fn escaped_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut scanner = Scanner { html, at: 0 };
    let mut from = 0;
    while let Some(token) = scanner.next() {
        if let Token::Start { tag, .. } = token {
            if tag.contains('"') {
                let at = scanner.at - tag.len();
                out.push_str(&html[from..at]);
                out.push_str(&escaped_tag(tag));
                from = scanner.at;
            }
        }
    }
    out.push_str(&html[from..]);
    out
}

enum Token<'a> {
    Text(&'a str),
    /// A start tag, `<` to `>`, and its element's name.
    Start {
        name: &'a str,
        tag: &'a str,
    },
    End {
        name: &'a str,
    },
}

/// Tokens of sanitised HTML, in order.
struct Scanner<'a> {
    html: &'a str,
    at: usize,
}

impl<'a> Scanner<'a> {
    fn tokens(html: &'a str) -> impl Iterator<Item = Token<'a>> {
        let mut scanner = Scanner { html, at: 0 };
        std::iter::from_fn(move || scanner.next())
    }

    fn next(&mut self) -> Option<Token<'a>> {
        let rest = &self.html[self.at..];
        if rest.is_empty() {
            return None;
        }
        if !rest.starts_with('<') {
            let text = &rest[..rest.find('<').unwrap_or(rest.len())];
            self.at += text.len();
            return Some(Token::Text(text));
        }
        let tag = &rest[..tag_len(rest)];
        self.at += tag.len();
        let closing = tag.starts_with("</");
        let name = tag
            .trim_start_matches("</")
            .trim_start_matches('<')
            .split(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .next()
            .unwrap_or_default();
        Some(match closing {
            true => Token::End { name },
            false => Token::Start { name, tag },
        })
    }

    /// After an element's start tag: what is inside the element, the scanner moved past its
    /// end tag (or to the end of the input).
    fn element_inside(&mut self) -> &'a str {
        let from = self.at;
        let mut depth = 1usize;
        loop {
            let before = self.at;
            match self.next() {
                None => return &self.html[from..],
                Some(Token::Start { name, .. }) if !VOID_ELEMENTS.contains(&name) => depth += 1,
                Some(Token::End { .. }) => {
                    depth -= 1;
                    if depth == 0 {
                        return &self.html[from..before];
                    }
                }
                Some(_) => {}
            }
        }
    }
}

/// The length of the tag at the start of `html` up to and with its `>`, skipping `>` inside
/// quoted attribute values (or all of `html` when it is not closed).
fn tag_len(html: &str) -> usize {
    let mut quoted = false;
    for (i, c) in html.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '>' if !quoted => return i + 1,
            _ => {}
        }
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_element_becomes_its_block() {
        let html = "<h2>挨拶</h2>\n<p>本文<strong>太字</strong><br>改行</p>\n<h3>小見出し</h3>\n\
                    <ol start=\"3\">\n<li>三</li>\n<li>四</li>\n</ol>\n<hr>\n\
                    <blockquote>\n<p>引用</p>\n</blockquote>\n";
        assert_eq!(
            blocks(html),
            "<!-- wp:heading -->\n<h2>挨拶</h2>\n<!-- /wp:heading -->\n\n\
             <!-- wp:paragraph -->\n<p>本文<strong>太字</strong><br>改行</p>\n<!-- /wp:paragraph -->\n\n\
             <!-- wp:heading {\"level\":3} -->\n<h3>小見出し</h3>\n<!-- /wp:heading -->\n\n\
             <!-- wp:list {\"ordered\":true,\"start\":3} -->\n<ol start=\"3\">\
             <!-- wp:list-item -->\n<li>三</li>\n<!-- /wp:list-item -->\n\n\
             <!-- wp:list-item -->\n<li>四</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->\n\n\
             <!-- wp:separator -->\n<hr class=\"wp-block-separator has-alpha-channel-opacity\" />\n<!-- /wp:separator -->\n\n\
             <!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>引用</p>\n<!-- /wp:paragraph --></blockquote>\n<!-- /wp:quote -->\n"
        );
    }

    #[test]
    fn wrappers_are_unwrapped_and_a_signature_is_aligned_right() {
        let html = "<div class=\"podium-summary\">\n<p>【要旨】</p>\n<ul>\n<li>一</li>\n</ul>\n</div>\n\
                    <div class=\"podium-signature\">\n<p>市長</p>\n</div>\n\
                    <div class=\"podium-footer\">\n<a href=\"https://example.jp/\">市</a> と文字\n</div>\n";
        assert_eq!(
            blocks(html),
            "<!-- wp:paragraph -->\n<p>【要旨】</p>\n<!-- /wp:paragraph -->\n\n\
             <!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>一</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->\n\n\
             <!-- wp:paragraph {\"align\":\"right\"} -->\n<p class=\"has-text-align-right\">市長</p>\n<!-- /wp:paragraph -->\n\n\
             <!-- wp:paragraph -->\n<p><a href=\"https://example.jp/\">市</a> と文字</p>\n<!-- /wp:paragraph -->\n"
        );
    }

    #[test]
    fn no_text_can_open_a_comment() {
        let html = "<p><a href=\"https://a.example/--><!-- wp:rss {}/-->\">x</a></p>\n\
                    <span title=\"<!--\">y</span>";
        let out = blocks(html);
        assert_eq!(out.matches("<!--").count(), 4, "{out}");
        assert!(out.contains("href=\"https://a.example/--&gt;&lt;!-- wp:rss {}/--&gt;\""));
        assert!(out.contains("<!-- wp:paragraph -->\n<p><span title=\"&lt;!--\">y</span></p>"));
    }

    #[test]
    fn deep_quotes_end_in_custom_html() {
        let depth = MAX_QUOTE_DEPTH + 3;
        let html = format!(
            "{}<p>x</p>{}",
            "<blockquote>".repeat(depth),
            "</blockquote>".repeat(depth)
        );
        let out = blocks(&html);
        assert_eq!(out.matches("<!-- wp:quote -->").count(), MAX_QUOTE_DEPTH);
        assert_eq!(out.matches("<!-- wp:html -->").count(), 1);
        assert_eq!(blocks(""), "");
    }
}
