//! The one HTML sanitiser: ammonia with an explicit allow-list, built once.

use ammonia::{Builder, UrlRelative};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Class of the blog's 要旨 block.
pub(super) const SUMMARY_CLASS: &str = "podium-summary";
/// Class of the blog's footer block.
pub(super) const FOOTER_CLASS: &str = "podium-footer";

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
];

/// Elements dropped together with everything inside them.
const DROPPED_WITH_CONTENT: &[&str] = &[
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
        .allowed_classes(HashMap::from([(
            "div",
            HashSet::from([SUMMARY_CLASS, FOOTER_CLASS]),
        )]))
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
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

/// Sanitise an HTML fragment: only Podium's allow-list survives (`p`, `br`, `h1`–`h4`,
/// `strong`, `em`, `code`, `ruby`/`rt`/`rp`, lists, `blockquote`, `hr`, `a href` with http,
/// https or mailto and `rel="noopener noreferrer"`, `div` with Podium's classes); scripts, styles,
/// frames, forms, SVG/MathML, images, event handlers, style attributes and comments go.
pub fn sanitize_html(html: &str) -> String {
    SANITIZER.clean(html).to_string()
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
}
