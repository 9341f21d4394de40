//! The blog post for Ameba's editor: only [`AMEBA_ALLOWED`] survives, through an ammonia
//! sanitiser of its own (see `docs/blog.md` for what Ameba documents and why the list is what
//! it is).

use super::sanitize::{sanitize_export_with, DROPPED_WITH_CONTENT, SCHEMES};
use ammonia::{Builder, UrlRelative};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Every element a post for Ameba may contain, each with the attributes it may keep (`rel` on
/// a link is the sanitiser's own, `noopener noreferrer`). Ameba's help bans `script`,
/// `iframe`, `form`, `input`, `embed`, `object`, `meta`, … outright; of what Podium writes,
/// this keeps the text's structure — paragraphs, line breaks, headings, emphasis, lists,
/// quotes, rules, links, ruby — and leaves out what means nothing without Podium's
/// stylesheet (the `div` and `span` wrappers and their classes, whose contents stay), inline
/// code (its text stays) and the title's `h1` (Ameba has a title field).
pub const AMEBA_ALLOWED: &[(&str, &[&str])] = &[
    ("p", &[]),
    ("br", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("strong", &[]),
    ("em", &[]),
    ("ruby", &[]),
    ("rt", &[]),
    ("rp", &[]),
    ("ul", &[]),
    ("ol", &["start"]),
    ("li", &[]),
    ("blockquote", &[]),
    ("hr", &[]),
    ("a", &["href", "rel"]),
];

static AMEBA: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut builder = Builder::empty();
    builder
        .tags(AMEBA_ALLOWED.iter().map(|(tag, _)| *tag).collect())
        .clean_content_tags(DROPPED_WITH_CONTENT.iter().copied().collect())
        .tag_attributes(
            AMEBA_ALLOWED
                .iter()
                .map(|(tag, attributes)| {
                    // `rel` is written by the sanitiser (`link_rel`), never taken as it is.
                    let kept = attributes.iter().copied().filter(|a| *a != "rel");
                    (*tag, kept.collect::<HashSet<_>>())
                })
                .collect::<HashMap<_, _>>(),
        )
        .generic_attributes(HashSet::new())
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

/// The post (written for `sanitize_export`) sanitised through Ameba's allow-list.
pub(super) fn sanitize(html: &str) -> String {
    sanitize_export_with(&AMEBA, html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrappers_and_classes_go_their_text_stays() {
        let html = "<h1>題</h1><div class=\"podium-summary\"><p>【要旨】</p></div>\
                    <p><span class=\"podium-cue\">a</span><code>b</code>\
                    <a href=\"https://example.jp/\" rel=\"x\" target=\"_blank\">c</a></p>\
                    <ol start=\"2\" type=\"a\"><li>d</li></ol>";
        assert_eq!(
            sanitize(html),
            "題<p>【要旨】</p><p>ab<a href=\"https://example.jp/\" rel=\"noopener noreferrer\">c</a></p>\
             <ol start=\"2\"><li>d</li></ol>"
        );
    }
}
