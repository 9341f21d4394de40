//! What the fuzz targets check. Each function takes any bytes and panics only when the core
//! breaks a promise; `tests/reliability/fuzz_corpus.rs` replays the kept corpus through the
//! same functions on stable Rust, so every `cargo test` re-checks what fuzzing found.
//!
//! - [`speech`]: the parser, timing and lint (what the editor runs per keystroke) never
//!   panic, and every span they report lies on character boundaries inside the draft.
//! - [`export`]: every profile and ruby style renders; HTML holds only the allow-list
//!   (tags, attributes, link schemes); no export keeps control or bidi-override characters;
//!   the Markdown export reads back without raw HTML.
//! - [`decode`]: decoding a file never panics and never leaves a carriage return.

use podium::analysis::{self, AnalysisOptions};
use podium::export::{self, ExportOptions, ExportProfile, RubyStyle};
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
            let options = ExportOptions {
                ruby,
                blog_footer: (profile == ExportProfile::Blog).then(|| text.to_string()),
                blog_lead_in: (profile == ExportProfile::Blog).then(|| text.to_string()),
                ..ExportOptions::new(profile)
            };
            export_one(&script, &options);
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
        ExportProfile::Html | ExportProfile::Blog => assert_allowed_html(&out),
    }
    out
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
