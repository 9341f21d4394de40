//! What the fuzz targets check. Each function takes any bytes and panics only when the core
//! breaks a promise; `tests/reliability/fuzz_corpus.rs` replays the kept corpus through the
//! same functions on stable Rust, so every `cargo test` re-checks what fuzzing found.
//!
//! - [`speech`]: the parser, timing and lint (what the editor runs per keystroke) never
//!   panic, and every span they report lies on character boundaries inside the draft.
//! - [`export`]: every profile and ruby style renders; HTML holds only the allow-list
//!   (tags, attributes, link schemes) — for WordPress, besides the block delimiters, which are
//!   the post's only comments; for Ameba, only Ameba's list —; no export keeps control or
//!   bidi-override characters; the Markdown export reads back without raw HTML.
//! - [`decode`]: decoding a file never panics and never leaves a carriage return.

use podium::analysis::{self, AnalysisOptions};
use podium::export::{self, BlogDestination, ExportOptions, ExportProfile, RubyStyle};
use podium::script::{self, DiagnosticKind, Script, Span};

/// Elements an HTML export may contain (the sanitiser's allow-list).
const ALLOWED_TAGS: &[&str] = &[
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

/// The HTML the Markdown export writes itself: ruby ([`RubyStyle::Tags`]) and emphasis where
/// CommonMark's asterisks cannot work (`は<strong>「答え」</strong>です`).
const MARKDOWN_OWN_TAGS: [&str; 10] = [
    "<ruby>",
    "</ruby>",
    "<rp>",
    "</rp>",
    "<rt>",
    "</rt>",
    "<strong>",
    "</strong>",
    "<em>",
    "</em>",
];

/// Parse, timing and lint of the bytes read as (lossy) UTF-8.
pub fn speech(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let analysis = analysis::analyse(&text, &AnalysisOptions::default());
    for finding in &analysis.findings {
        assert_span(&text, &finding.span, "finding");
        if let Some(fix) = &finding.fix {
            assert_span(&text, &fix.span, "fix");
        }
    }
    for diagnostic in &analysis.diagnostics {
        assert_span(&text, &diagnostic.span, "diagnostic");
    }
    let script = script::parse(&text);
    for sentence in script.sentences() {
        assert_span(&text, &sentence.span, "sentence");
    }
}

/// Every export of the bytes read as (lossy) UTF-8; the blog gets the same text as its footer.
pub fn export(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let script = script::parse(&text);
    for profile in ExportProfile::ALL {
        for ruby in RubyStyle::ALL {
            // Each blog destination once (with ruby markup), the others with the HTML post.
            let destinations = match (profile, ruby) {
                (ExportProfile::Blog, RubyStyle::Tags) => &BlogDestination::ALL[..],
                _ => &[BlogDestination::Html],
            };
            for &destination in destinations {
                let options = ExportOptions {
                    ruby,
                    blog_footer: (profile == ExportProfile::Blog).then(|| text.to_string()),
                    blog_lead_in: (profile == ExportProfile::Blog).then(|| text.to_string()),
                    blog_destination: destination,
                    ..ExportOptions::new(profile)
                };
                export_one(&script, &options);
            }
        }
    }
}

/// One export: see the module documentation for what it must hold. Returns the export.
pub fn export_one(script: &Script, options: &ExportOptions) -> String {
    let (profile, ruby) = (options.profile, options.ruby);
    let out = export::export(script, options);
    assert!(
        !out.chars().any(is_hidden_control),
        "{profile}/{ruby}: a control or bidi character survived: {out:?}"
    );
    match profile {
        ExportProfile::Markdown => assert_markdown_has_no_html(&out),
        ExportProfile::Text => {}
        ExportProfile::HtmlDocument => {
            let body = out
                .split_once("<body>\n")
                .and_then(|(_, body)| body.strip_suffix("</body>\n</html>\n"))
                .expect("a document has one body");
            assert_allowed_html(body);
        }
        ExportProfile::Html => assert_allowed_html(&out),
        ExportProfile::Blog => match options.blog_destination {
            BlogDestination::Html => assert_allowed_html(&out),
            BlogDestination::Wordpress => assert_allowed_html(&without_blocks(&out)),
            BlogDestination::Ameba => assert_ameba_html(&out),
        },
    }
    out
}

/// WordPress's block markup without its delimiters and the block classes WordPress's own
/// markup has; every comment must be a delimiter (`<!-- wp:name {json} -->`, `<!-- /wp:name -->`).
fn without_blocks(post: &str) -> String {
    let mut out = String::with_capacity(post.len());
    let mut rest = post;
    while let Some(at) = rest.find("<!--") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find("-->").expect("a closed comment") + at;
        let comment = &rest[at + 4..end];
        let name = comment
            .strip_prefix(" wp:")
            .or_else(|| comment.strip_prefix(" /wp:"))
            .unwrap_or_else(|| panic!("a comment that is no block delimiter: {comment:?}"));
        let (name, attributes) = name.split_once(' ').expect("a space before -->");
        assert!(
            name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{name}"
        );
        assert!(
            attributes.is_empty()
                || (attributes.starts_with('{') && !attributes.contains(['<', '>'])),
            "{comment:?}"
        );
        rest = &rest[end + 3..];
    }
    out.push_str(rest);
    out.replace("<p class=\"has-text-align-right\">", "<p>")
        .replace("<blockquote class=\"wp-block-quote\">", "<blockquote>")
        .replace(
            "<hr class=\"wp-block-separator has-alpha-channel-opacity\" />",
            "<hr>",
        )
}

/// Every tag and attribute of a post for Ameba is on its list (`export::AMEBA_ALLOWED`; `rel`
/// is the sanitiser's).
fn assert_ameba_html(html: &str) {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..];
        let len = tag_len(tag).unwrap_or_else(|| panic!("unclosed tag in {html:?}"));
        let inside = tag[..len].trim_start_matches('/');
        let (name, attributes) = inside.split_once(' ').unwrap_or((inside, ""));
        let allowed = export::AMEBA_ALLOWED
            .iter()
            .find(|(tag, _)| *tag == name)
            .unwrap_or_else(|| panic!("<{name}> is not on Ameba's list: {html:?}"));
        for attribute in attributes.split('"').step_by(2) {
            let key = attribute.trim().trim_end_matches('=');
            assert!(
                key.is_empty() || allowed.1.contains(&key),
                "<{name} {key}> is not on Ameba's list: {html:?}"
            );
        }
        rest = &tag[len + 1..];
    }
}

/// Decoding an imported file.
pub fn decode(data: &[u8]) {
    if let Ok(decoded) = podium::input::decode(data) {
        assert!(!decoded.text.contains('\r'), "a carriage return survived");
    }
}

fn assert_span(text: &str, span: &Span, what: &str) {
    assert!(
        span.start() <= span.end()
            && span.end() <= text.len()
            && text.is_char_boundary(span.start())
            && text.is_char_boundary(span.end()),
        "{what} span {span:?} is not inside the text of {} bytes",
        text.len()
    );
    assert!(
        span.line() >= 1 && span.column() >= 1,
        "{what} span {span:?}"
    );
}

/// Control characters (other than tab and newline) and bidi overrides/isolates.
fn is_hidden_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// The Markdown export reads back without raw HTML, except the tags it writes itself.
fn assert_markdown_has_no_html(markdown: &str) {
    let mut without_own = markdown.to_owned();
    for tag in MARKDOWN_OWN_TAGS {
        without_own = without_own.replace(tag, "");
    }
    let reread = script::parse(&without_own);
    assert!(
        !reread
            .diagnostics
            .iter()
            .any(|d| d.kind == DiagnosticKind::RawHtmlIgnored),
        "the Markdown export reads back with raw HTML: {markdown:?}"
    );
}

/// Every tag is on the allow-list with only its allowed attributes and link schemes. Text
/// cannot hold a `<` (it is escaped), so every `<` starts a tag.
fn assert_allowed_html(html: &str) {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..];
        let len = tag_len(tag).unwrap_or_else(|| panic!("unclosed tag in {html:?}"));
        assert_allowed_tag(&tag[..len], html);
        rest = &tag[len + 1..];
    }
}

/// The length of a tag's inside up to its `>`, skipping `>` within quoted attribute values.
fn tag_len(tag: &str) -> Option<usize> {
    let mut quoted = false;
    tag.char_indices().find_map(|(i, c)| match c {
        '"' => {
            quoted = !quoted;
            None
        }
        '>' if !quoted => Some(i),
        _ => None,
    })
}

fn assert_allowed_tag(tag: &str, html: &str) {
    let tag = tag.strip_prefix('/').unwrap_or(tag);
    let (name, mut attributes) = tag.split_once(' ').unwrap_or((tag, ""));
    assert!(
        ALLOWED_TAGS.contains(&name),
        "<{name}> is not allowed: {html:?}"
    );
    while !attributes.is_empty() {
        let (key, value) = attributes
            .split_once("=\"")
            .and_then(|(key, rest)| Some((key, rest.split_once('"')?)))
            .map(|(key, (value, after))| {
                attributes = after.trim_start();
                (key, value)
            })
            .unwrap_or_else(|| panic!("attribute without a quoted value in <{tag}>: {html:?}"));
        let allowed = match (name, key) {
            ("a", "href") => ["http:", "https:", "mailto:"]
                .iter()
                .any(|scheme| value.to_ascii_lowercase().starts_with(scheme)),
            ("a", "rel") => value == "noopener noreferrer",
            ("ol", "start") => value.bytes().all(|b| b.is_ascii_digit()),
            ("div", "class") => value
                .split(' ')
                .all(|class| ["podium-summary", "podium-footer"].contains(&class)),
            _ => false,
        };
        assert!(
            allowed,
            "<{name} {key}=\"{value}\"> is not allowed: {html:?}"
        );
    }
}
