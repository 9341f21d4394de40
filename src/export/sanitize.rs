//! The one HTML sanitiser: ammonia with an explicit allow-list, built once.

use super::parts::sanitize_in_parts;
use ammonia::{Builder, Url, UrlRelative};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Class of the blog's 要旨 block.
pub(super) const SUMMARY_CLASS: &str = "podium-summary";
/// Class of the blog's footer block.
pub(super) const FOOTER_CLASS: &str = "podium-footer";
/// Class of a signature (`> [!sign]`): printed and published, not read.
pub(super) const SIGNATURE_CLASS: &str = "podium-signature";
/// Classes of the reading script on paper (`print.rs`): a section, how it starts (on a new
/// page, or after a short one on the same page), a speaker note, a reader's cue, and digits
/// set upright in 縦書き (one or two in one square, longer numbers a digit a square).
pub(super) const PRINT_DIV_CLASSES: [&str; 4] = [
    "podium-section",
    "podium-new-page",
    "podium-shares-page",
    "podium-note",
];
pub(super) const PRINT_SPAN_CLASSES: [&str; 4] =
    ["podium-cue", "podium-pause", "podium-tcy", "podium-upright"];

/// Every element an export may contain. No images, media, forms, frames, scripts or styles.
const TAGS: &[&str] = &[
    "p",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "code",
    "ruby",
    "rt",
    "rp",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "a",
    "div",
    "span",
];

/// Elements dropped together with everything inside them.
pub(super) const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript",
    "textarea", "select", "title", "xmp", "noembed", "noframes",
];

static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut builder = Builder::empty();
    builder
        .tags(TAGS.iter().copied().collect())
        .clean_content_tags(DROPPED_WITH_CONTENT.iter().copied().collect())
        .tag_attributes(HashMap::from([
            ("a", HashSet::from(["href"])),
            ("ol", HashSet::from(["start"])),
        ]))
        .generic_attributes(HashSet::new())
        .allowed_classes(HashMap::from([
            (
                "div",
                [SUMMARY_CLASS, FOOTER_CLASS, SIGNATURE_CLASS]
                    .into_iter()
                    .chain(PRINT_DIV_CLASSES)
                    .collect(),
            ),
            ("span", PRINT_SPAN_CLASSES.into_iter().collect()),
        ]))
        .url_schemes(HashSet::from(SCHEMES))
        .url_relative(UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true)
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("ol", "start") => value
                .trim()
                .parse::<u64>()
                .is_ok()
                .then_some(Cow::Borrowed(value)),
            _ => Some(Cow::Borrowed(value)),
        });
    builder
});

/// Link schemes the sanitiser keeps.
pub(super) const SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Sanitise an HTML fragment: only Podium's allow-list survives (`p`, `br`, `h1`–`h4`,
/// `strong`, `em`, `code`, `ruby`/`rt`/`rp`, lists, `blockquote`, `hr`, `a href` with http,
/// https or mailto and `rel="noopener noreferrer"`, `div` and `span` with Podium's classes);
/// scripts, styles, frames, forms, SVG/MathML, images, event handlers, style attributes and
/// comments go.
pub fn sanitize_html(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

// Exports of a draft hand the sanitiser text and link destinations written by [`push_text`]
// and [`push_link`], and sanitise with [`sanitize_export`], which is linear in the draft:
//
// - html5ever's serialiser looks, from each `&`, no-break space or other character of
//   U+0080–U+00BF in a text or attribute value, for the next `<` or `>` (`"` in an attribute)
//   before writing on: time quadratic in the length of a text without markup (a 16 MiB line
//   with an `&` every 34 bytes took minutes), and each `&amp;` or `&lt;` costs the tokeniser a
//   lookup in the table of named references (seconds for millions).
// - So `&`, `<`, `>` (and `"` in a destination) are written as placeholders, noncharacters
//   that mean nothing to HTML, and written back as the serialiser would have written them
//   (`&amp;`, `&lt;`, `&gt;`, `&quot;`) once the sanitiser is done.
// - Nothing else can bring a placeholder to the sanitised output: the whole block of
//   noncharacters (U+FDD0–U+FDEF) is dropped from exported text and percent-encoded in
//   destinations, exports write no character reference that could decode to one, and the
//   blog's footer (sanitised on its own, from the office's HTML) loses them before it joins the
//   post ([`strip_placeholders`]).
// - A text is cut every [`TEXT_PIECE_BYTES`] by an empty comment, which the sanitiser drops:
//   the tree keeps the pieces as separate text nodes and the serialiser writes them one after
//   the other, the same bytes, each of its scans bounded by a piece. A destination is
//   bounded by `script::MAX_URL_BYTES`.

/// Placeholder of `&` in exported text and destinations.
const AMP: char = '\u{FDD0}';
/// Placeholder of `<`.
const LT: char = '\u{FDD1}';
/// Placeholder of `>`.
const GT: char = '\u{FDD2}';
/// Placeholder of `"` (destinations only: text keeps `"` as it is, as the serialiser does).
const QUOT: char = '\u{FDD3}';

/// The noncharacters U+FDD0–U+FDEF: never exported, so the placeholders cannot be forged.
fn is_reserved(c: char) -> bool {
    ('\u{FDD0}'..='\u{FDEF}').contains(&c)
}

/// Longest text between two markup items given to the sanitiser (bytes of the HTML, about:
/// a piece then what was pushed after it before the next text).
const TEXT_PIECE_BYTES: usize = 1024;

/// An empty comment: ends a text node in the sanitiser's tree and is dropped with comments.
const TEXT_BREAK: &str = "<!---->";

/// Write exported text (already made visible: no controls) as element content for
/// [`sanitize_export`].
pub(super) fn push_text(out: &mut String, text: &str) {
    // Raw `>` in `out` only ends a tag or comment: what follows is the text node being
    // written, at most a piece and what was pushed after it (a ruby's bracket).
    let mut piece = out.len() - out.rfind('>').map_or(0, |at| at + 1);
    for c in text.chars() {
        if is_reserved(c) {
            continue;
        }
        if piece >= TEXT_PIECE_BYTES {
            out.push_str(TEXT_BREAK);
            piece = 0;
        }
        let c = match c {
            '&' => AMP,
            '<' => LT,
            '>' => GT,
            c => c,
        };
        out.push(c);
        piece += c.len_utf8();
    }
}

/// Open a link for [`sanitize_export`]: `<a href="…">`, or `<a>` when the sanitiser would
/// drop the destination (or could judge the written form otherwise than the destination).
pub(super) fn push_link(out: &mut String, url: &str) {
    let mut value = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '&' => value.push(AMP),
            '<' => value.push(LT),
            '>' => value.push(GT),
            '"' => value.push(QUOT),
            c if is_reserved(c) => {
                for byte in c.encode_utf8(&mut [0; 4]).bytes() {
                    value.push_str(&format!("%{byte:02X}"));
                }
            }
            c => value.push(c),
        }
    }
    // The sanitiser's judgement of a destination (ammonia's, for `href`) must not change
    // with the placeholders. It cannot where they stand in a path, query or fragment; in a
    // host (`https://a&b/`) it could, and such a link loses its destination.
    if allowed_url(url) && allowed_url(&value) {
        out.push_str("<a href=\"");
        out.push_str(&value);
        out.push_str("\">");
    } else {
        out.push_str("<a>");
    }
}

/// Whether the sanitiser keeps this destination of a link (ammonia's test, with
/// `UrlRelative::Deny`).
fn allowed_url(url: &str) -> bool {
    Url::parse(url).is_ok_and(|u| SCHEMES.contains(&u.scheme()))
}

/// Sanitise HTML written with [`push_text`] and [`push_link`]: [`sanitize_html`] part by part
/// (`parts.rs`: the sanitiser's tree stays small whatever the draft's size), then the
/// placeholders written back.
pub(super) fn sanitize_export(html: &str) -> String {
    sanitize_export_with(&SANITIZER, html)
}

/// [`sanitize_export`] through another allow-list (a blog destination's, which keeps less).
pub(super) fn sanitize_export_with(sanitizer: &Builder, html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    sanitize_in_parts(html, &mut out, &mut |part, out| {
        write_back(&sanitizer.clean(part).to_string(), out)
    });
    out
}

/// Sanitised HTML with its placeholders written as the serialiser would have written them.
fn write_back(clean: &str, out: &mut String) {
    let mut rest = clean;
    while let Some(at) = rest.find(is_reserved) {
        out.push_str(&rest[..at]);
        let c = rest[at..].chars().next().unwrap_or(AMP);
        out.push_str(match c {
            AMP => "&amp;",
            LT => "&lt;",
            GT => "&gt;",
            QUOT => "&quot;",
            _ => "",
        });
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
}

/// Sanitised HTML without the reserved noncharacters, to be placed in an export's HTML.
pub(super) fn strip_placeholders(html: String) -> String {
    if html.contains(is_reserved) {
        html.chars().filter(|c| !is_reserved(*c)).collect()
    } else {
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_list_keeps_podium_markup() {
        let html = "<h2>見出し</h2><p><strong>太字</strong><em>斜体</em><code>x</code><br>\
                    <ruby>漢字<rp>（</rp><rt>かんじ</rt><rp>）</rp></ruby></p>\
                    <ol start=\"3\"><li>a</li></ol><ul><li>b</li></ul><blockquote><p>c</p></blockquote><hr>";
        assert_eq!(sanitize_html(html), html);
        assert_eq!(
            sanitize_html("<div class=\"podium-footer other\" id=\"x\">f</div>"),
            "<div class=\"podium-footer\">f</div>"
        );
        assert_eq!(
            sanitize_html(
                "<span class=\"podium-cue x\" style=\"color:red\">間</span><span>y</span>"
            ),
            "<span class=\"podium-cue\">間</span><span>y</span>"
        );
        assert_eq!(
            sanitize_html("<ol start=\"x\" type=\"a\"><li>a</li></ol>"),
            "<ol><li>a</li></ol>"
        );
    }

    #[test]
    fn links_keep_safe_schemes_only() {
        assert_eq!(
            sanitize_html("<a href=\"https://example.jp/\" target=\"_blank\">x</a>"),
            "<a href=\"https://example.jp/\" rel=\"noopener noreferrer\">x</a>"
        );
        assert_eq!(
            sanitize_html("<a href=\"mailto:hisho@example.jp\">x</a>"),
            "<a href=\"mailto:hisho@example.jp\" rel=\"noopener noreferrer\">x</a>"
        );
        for href in [
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "&#106;avascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:x",
            "/relative",
            "file:///etc/passwd",
        ] {
            let out = sanitize_html(&format!("<a href=\"{href}\">x</a>"));
            assert_eq!(out, "<a rel=\"noopener noreferrer\">x</a>", "{href}");
        }
    }

    #[test]
    fn dangerous_markup_is_removed() {
        let cases = [
            ("<img src=x onerror=alert(1)>後", "後"),
            ("<svg><script>alert(1)</script></svg>後", "後"),
            ("<math><mi>x</mi></math>後", "後"),
            ("<script>alert(1)</script>後", "後"),
            ("<style>p{}</style>後", "後"),
            ("<iframe src=\"https://example.com\"></iframe>後", "後"),
            ("<form action=\"x\"><input>後</form>", "後"),
            ("<object data=x></object><embed src=x>後", "後"),
            (
                "<p onclick=\"x\" style=\"color:red\" class=\"c\">後</p>",
                "<p>後</p>",
            ),
            ("<!-- メモ -->後", "後"),
            ("<meta http-equiv=refresh content=0>後", "後"),
            (
                "<p>閉じない<strong>太字",
                "<p>閉じない<strong>太字</strong></p>",
            ),
            ("<h5>深い</h5>", "深い"),
        ];
        for (input, expected) in cases {
            assert_eq!(sanitize_html(input), expected, "{input}");
        }
    }

    /// What exports wrote before the placeholders: every special character as a reference.
    fn referenced(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;")
    }

    #[test]
    fn placeholders_give_what_references_gave() {
        let long = "a&b<c>d\"e'f\u{A0}g¥h ".repeat(40);
        let texts = [
            "",
            "本日は晴天です。",
            "a & b <b>太字</b> \"引用\" 'x' &amp; &lt; &#39;",
            "\u{A0}¥§°±·",
            "&&&&",
            long.as_str(),
        ];
        for text in texts {
            for (open, close) in [
                ("<p>", "</p>"),
                ("<h2>", "</h2>"),
                ("<p><code>", "</code></p>"),
            ] {
                let mut ours = String::from(open);
                push_text(&mut ours, text);
                push_text(&mut ours, text);
                ours.push_str(close);
                let before = format!("{open}{}{}{close}", referenced(text), referenced(text));
                assert_eq!(sanitize_export(&ours), sanitize_html(&before), "{text}");
            }
        }
        for url in [
            "https://example.jp/?a=1&b=2#x<y>\"z\"'",
            "https://example.jp/path&more?q=¥\u{A0}",
            "mailto:a@example.jp?subject=a&body=b",
            "https://例え.jp/パス",
            "http://a b/",
            "javascript:alert(1)",
            "data:text/html,<script>",
            "/relative&x",
        ] {
            let mut ours = String::from("<p>");
            push_link(&mut ours, url);
            ours.push_str("x</a></p>");
            let before = format!("<p><a href=\"{}\">x</a></p>", referenced(url));
            assert_eq!(sanitize_export(&ours), sanitize_html(&before), "{url}");
        }
    }

    #[test]
    fn the_sanitiser_sees_short_texts_and_no_references() {
        // Quadratic before: a long text with an `&` every few bytes (issue 18).
        let text = "https://example.com/?x=1&y=2 ".repeat(10_000);
        let mut html = String::from("<p>");
        push_text(&mut html, &text);
        push_text(&mut html, "¥".repeat(1000).as_str());
        html.push_str("</p>");
        assert!(!html.contains('&'));
        let longest = html
            .split(['<', '>'])
            .map(str::len)
            .max()
            .unwrap_or_default();
        assert!(longest <= TEXT_PIECE_BYTES + 4, "{longest}");
        let out = sanitize_export(&html);
        assert_eq!(
            out,
            format!(
                "<p>{}{}</p>",
                referenced(&text).replace("&#39;", "'"),
                "¥".repeat(1000)
            )
        );
    }

    /// A draft's HTML as the exporters write it, before the sanitiser.
    fn written(source: &str) -> String {
        let script = crate::script::parse(source);
        let mut html = String::new();
        super::super::html::body(&mut html, &script, super::super::RubyStyle::Tags);
        html
    }

    #[test]
    fn parts_give_what_the_whole_gave() {
        let sample = include_str!("../templates/sample.md");
        let long_paragraph = format!(
            "{}\n",
            "{漢|かん}の[リンク](https://example.jp/?a=1&b=<2>)と**太字**、*強調*。".repeat(2_000)
        );
        let long_list = "- 項目と{漢|かん}\n".repeat(8_000);
        for source in [sample.repeat(200), long_paragraph, long_list] {
            let html = written(&source);
            assert!(
                html.len() > 3 * super::super::parts::PART_BYTES,
                "{}",
                html.len()
            );
            let mut whole = String::new();
            write_back(&sanitize_html(&html), &mut whole);
            assert_eq!(sanitize_export(&html), whole);
        }
    }

    #[test]
    fn placeholders_cannot_be_forged() {
        // Written in the text or the destination, decoded from a reference in HTML.
        let mut html = String::from("<p>");
        push_text(&mut html, "a\u{FDD0}b\u{FDD3}c\u{FDEF}");
        push_link(&mut html, "https://example.jp/\u{FDD0}");
        html.push_str("x</a></p>");
        assert_eq!(
            sanitize_export(&html),
            "<p>abc<a href=\"https://example.jp/%EF%B7%90\" rel=\"noopener noreferrer\">x</a></p>"
        );
        let footer = strip_placeholders(sanitize_html("<p>&#xFDD0;&#xFDD1;f</p>"));
        assert_eq!(sanitize_export(&footer), "<p>f</p>");
    }

    #[test]
    fn a_destination_judged_otherwise_with_placeholders_is_dropped() {
        let mut html = String::new();
        push_link(&mut html, "https://a&b.example/");
        assert!(html == "<a>" || html.contains("href"), "{html}");
        html.push_str("x</a>");
        assert!(sanitize_export(&html).starts_with("<a "));
    }
}
