//! The blog post for each destination: WordPress's block markup and Ameba's allow-list, on the
//! address fixture (golden files) and on every hostile draft with a hostile footer.
//!
//! Regenerate the golden files with `UPDATE_GOLDEN=1 cargo test --test blog_destinations`.

mod common;

use common::{assert_golden, data};
use podium::export::{
    export, BlogDestination, ExportOptions, ExportProfile, RubyStyle, AMEBA_ALLOWED,
};
use podium::script::{parse, Script};

const FOOTER: &str = "---\n\n**〇〇市長　山田太郎**\n\n\
    - [市長の部屋](https://www.example.jp/mayor/)\n\
    - ご意見は [hisho@example.jp](mailto:hisho@example.jp) まで\n\n\
    > 市政へのご意見をお寄せください。\n";

/// The office's footer as a hostile writer could make it: every tag Ameba's help bans, and
/// links and attributes that would open a comment in WordPress's block parser.
const HOSTILE_FOOTER: &str = "<html><head><meta http-equiv=refresh content=0><title>t</title></head>\
    <body><frameset><frame src=x></frameset><iframe src=x></iframe><object data=x><param name=a></object>\
    <server>s</server><javascript>j</javascript><form><input><textarea>t</textarea><button>b</button>\
    <select><option>o</option></select></form><embed src=x><script>alert(1)</script>\
    <div class=\"podium-signature\" style=\"x\" onclick=\"x\">署名</div></body></html>\n\n\
    [x](https://a.example/--><!-- wp:html -->) <span title=\"<!-- wp:rss -->\">y</span>\n\n\
    <a href=\"javascript:alert(1)\">z</a>\n";

/// Tags Ameba's help lists as not allowed in an article (helps.ameba.jp/faq/blog/article/post_107.html,
/// as quoted by ameblo-access.com; see docs/blog.md).
const AMEBA_BANNED: &[&str] = &[
    "html",
    "head",
    "body",
    "frame",
    "frameset",
    "iframe",
    "object",
    "param",
    "server",
    "javascript",
    "form",
    "input",
    "embed",
    "textarea",
    "script",
    "meta",
    "button",
    "option",
    "title",
];

fn options(destination: BlogDestination, ruby: RubyStyle, footer: &str) -> ExportOptions {
    ExportOptions {
        ruby,
        blog_footer: Some(footer.to_string()),
        blog_lead_in: Some("1月4日、庁内放送にて、次のとおりお話ししました（概要）".into()),
        blog_destination: destination,
        ..ExportOptions::new(ExportProfile::Blog)
    }
}

/// Every draft the tests have that could break a post: the address, and the hostile ones.
fn drafts() -> Vec<(String, Script)> {
    let mut paths = vec![data("address.md"), data("hostile.md")];
    paths.extend(
        std::fs::read_dir(data("hostile"))
            .expect("tests/data/hostile")
            .map(|entry| entry.expect("an entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "md")),
    );
    let mut drafts: Vec<(String, Script)> = paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a draft");
            (path.display().to_string(), parse(&text))
        })
        .collect();
    drafts.push(("every block".into(), parse(EVERY_BLOCK)));
    drafts
}

/// What the fixtures lack: smaller headings, emphasis, a list that starts at 3, a rule.
const EVERY_BLOCK: &str = "# 題\n\n## 節\n\n### 小見出し\n\n#### 更に小さく\n\n\
    *強調*です。\n\n3. 三つ目\n4. 四つ目\n\n---\n\n> 引用です。\n\n> [!sign]\n> 市長\n";

/// Every export of every draft for `destination`: each ruby style, accessible or not, with
/// the office's footer and a hostile one.
fn every_post(destination: BlogDestination) -> Vec<(String, String)> {
    let mut posts = Vec::new();
    for (name, script) in drafts() {
        for ruby in RubyStyle::ALL {
            for footer in [FOOTER, HOSTILE_FOOTER] {
                for accessible in [false, true] {
                    let options = ExportOptions {
                        accessible,
                        ..options(destination, ruby, footer)
                    };
                    posts.push((
                        format!("{name} {ruby} {accessible}"),
                        export(&script, &options),
                    ));
                }
            }
        }
    }
    posts
}

/// The tags of sanitised HTML in order, each as its name and attribute names (end tags and
/// comments left out). Text holds no `<`; attribute values are quoted.
fn tags(html: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let mut quoted = false;
        let end = rest
            .char_indices()
            .find(|(_, c)| {
                quoted ^= *c == '"';
                *c == '>' && !quoted
            })
            .map(|(i, _)| i)
            .expect("a closed tag");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('/') || tag.starts_with('!') {
            continue;
        }
        let tag = tag.trim_end_matches('/');
        let (name, mut attributes) = tag.split_once(' ').unwrap_or((tag, ""));
        let mut names = Vec::new();
        while let Some((key, after)) = attributes.split_once("=\"") {
            names.push(key.trim().to_string());
            attributes = after.split_once('"').map(|(_, a)| a).unwrap_or_default();
        }
        out.push((name.to_string(), names));
    }
    out
}

#[test]
fn the_address_for_each_destination_matches_its_golden_file() {
    let script = parse(&std::fs::read_to_string(data("address.md")).expect("the address"));
    for (destination, name) in [
        (BlogDestination::Wordpress, "address.blog.wordpress.html"),
        (BlogDestination::Ameba, "address.blog.ameba.html"),
    ] {
        let post = export(
            &script,
            &options(destination, destination.default_ruby(), FOOTER),
        );
        assert_golden(name, &post);
    }
}

#[test]
fn every_element_and_attribute_for_ameba_is_on_its_allow_list() {
    let mut seen = std::collections::BTreeSet::new();
    for (name, post) in every_post(BlogDestination::Ameba) {
        for (tag, attributes) in tags(&post) {
            let allowed = AMEBA_ALLOWED
                .iter()
                .find(|(allowed, _)| *allowed == tag)
                .unwrap_or_else(|| panic!("{name}: <{tag}> is not on Ameba's list:\n{post}"));
            for attribute in attributes {
                assert!(
                    allowed.1.contains(&attribute.as_str()),
                    "{name}: <{tag} {attribute}> is not on Ameba's list:\n{post}"
                );
                seen.insert(format!("{tag} {attribute}"));
            }
            assert!(!AMEBA_BANNED.contains(&tag.as_str()), "{name}: <{tag}>");
            seen.insert(tag);
        }
        let lower = post.to_lowercase();
        for bad in ["javascript:", "onclick", "style=", "<!--", "class="] {
            assert!(!lower.contains(bad), "{name}: {bad} in\n{post}");
        }
    }
    // The list is what the exporter uses: each entry shows up in some post.
    for (tag, attributes) in AMEBA_ALLOWED {
        assert!(seen.contains(*tag), "<{tag}> never exported: {seen:?}");
        for attribute in *attributes {
            assert!(
                seen.contains(&format!("{tag} {attribute}")),
                "{tag} {attribute}"
            );
        }
    }
}

#[test]
fn wordpress_comments_are_only_the_block_delimiters_and_they_nest() {
    for (name, post) in every_post(BlogDestination::Wordpress) {
        let mut open: Vec<&str> = Vec::new();
        let mut rest = post.as_str();
        while let Some(at) = rest.find("<!--") {
            rest = &rest[at + 4..];
            let end = rest.find("-->").expect("a closed comment");
            let comment = &rest[..end];
            rest = &rest[end + 3..];
            let closing = comment.strip_prefix(" /wp:");
            let delimiter = closing.or_else(|| comment.strip_prefix(" wp:"));
            let delimiter = delimiter.unwrap_or_else(|| panic!("{name}: <!--{comment}-->"));
            let (block, attributes) = delimiter.split_once(' ').expect("a space before -->");
            assert!(
                [
                    "paragraph",
                    "heading",
                    "list",
                    "list-item",
                    "quote",
                    "separator",
                    "html"
                ]
                .contains(&block),
                "{name}: {block}"
            );
            assert!(
                attributes.is_empty()
                    || (attributes.starts_with('{')
                        && attributes.ends_with("} ")
                        && !attributes.contains(['<', '>'])),
                "{name}: {comment}"
            );
            match closing {
                Some(_) => assert_eq!(open.pop(), Some(block), "{name}"),
                None => open.push(block),
            }
        }
        assert!(open.is_empty(), "{name}: {open:?} left open");
        let lower = post.to_lowercase();
        for bad in [
            "<script",
            "javascript:",
            "onclick",
            "<iframe",
            "<h1",
            "<div",
            "style=",
        ] {
            assert!(!lower.contains(bad), "{name}: {bad} in\n{post}");
        }
    }
}

#[test]
fn the_office_post_keeps_its_structure_in_blocks() {
    let script = parse(&std::fs::read_to_string(data("address.md")).expect("the address"));
    let post = export(
        &script,
        &options(BlogDestination::Wordpress, RubyStyle::ParenFirst, FOOTER),
    );
    let blocks: Vec<&str> = post
        .lines()
        .filter_map(|line| line.strip_prefix("<!-- wp:"))
        .map(|line| line.split(' ').next().unwrap_or_default())
        .filter(|block| *block != "list-item")
        .collect();
    // Lead-in, 【要旨】, 〈姿勢〉, the points, 【全文】, then the sections.
    assert_eq!(
        blocks[..6],
        [
            "paragraph",
            "paragraph",
            "paragraph",
            "list",
            "paragraph",
            "heading"
        ]
    );
    assert!(post.contains("<p>【全文】</p>") && !post.contains("令和9年 年頭挨拶</h1>"));
    assert!(post.contains("罹災（りさい）"));
}
