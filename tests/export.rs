//! Exports: golden files, the Markdown round trip, hostile input, cues and notes, ruby, the blog.
//!
//! Regenerate the golden files with `UPDATE_GOLDEN=1 cargo test --test export`.

mod common;

use common::{assert_golden, data};
use podium::export::{
    export, print_document, sanitize_html, ExportOptions, ExportProfile, PrintOptions, RubyStyle,
};
use podium::script::{parse, Script};
use std::path::PathBuf;

const FOOTER: &str = "---\n\n**〇〇市長　山田太郎**\n\n\
    - [市長の部屋](https://www.example.jp/mayor/)\n\
    - ご意見は [hisho@example.jp](mailto:hisho@example.jp) まで\n\n\
    <p onclick=\"x\">掲載日：令和9年1月5日</p><script>alert(1)</script>\n";

fn fixture(name: &str) -> Script {
    let source = std::fs::read_to_string(data(name)).expect("fixture is readable");
    parse(&source)
}

fn run(script: &Script, profile: ExportProfile, ruby: RubyStyle) -> String {
    let options = ExportOptions {
        ruby,
        blog_footer: Some(FOOTER.to_string()),
        ..ExportOptions::new(profile)
    };
    export(script, &options)
}

fn default_run(script: &Script, profile: ExportProfile) -> String {
    run(script, profile, ExportOptions::new(profile).ruby)
}

/// Sentence texts; line breaks closing a paragraph (a code block's last line) have no
/// Markdown form and are left out.
fn sentences(script: &Script) -> Vec<String> {
    script
        .sentences()
        .map(|s| s.text().trim_end_matches('\n').to_string())
        .collect()
}

#[test]
fn address_matches_golden_files() {
    let script = fixture("address.md");
    for (profile, name) in [
        (ExportProfile::Markdown, "address.md"),
        (ExportProfile::Text, "address.txt"),
        (ExportProfile::Html, "address.html"),
        (ExportProfile::HtmlDocument, "address.doc.html"),
        (ExportProfile::Blog, "address.blog.html"),
    ] {
        assert_golden(name, &default_run(&script, profile));
    }
}

/// The core's real HTML and blog exports of every hostile draft: the browser test
/// (ui/tests/hostile.test.mjs) shows these in the app's export preview under the app's CSP.
#[test]
fn hostile_drafts_match_golden_html_files() {
    let mut drafts: Vec<PathBuf> = std::fs::read_dir(data("hostile"))
        .expect("tests/data/hostile")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    drafts.sort();
    assert!(drafts.len() >= 7);
    for draft in drafts {
        let stem = draft.file_stem().unwrap().to_string_lossy().into_owned();
        let script = parse(&std::fs::read_to_string(&draft).expect("a hostile draft"));
        for (profile, extension) in [
            (ExportProfile::Html, "html"),
            (ExportProfile::Blog, "blog.html"),
        ] {
            let name = format!("hostile/{stem}.{extension}");
            assert_golden(&name, &default_run(&script, profile));
        }
    }
}

#[test]
fn markdown_reads_back_as_the_same_text() {
    let tricky = "# 題 \\#1\n\n## ① 柱\n\n\\# 見出しではない。1\\. 番号でもない。\\- 箇条でもない。\n\n\
        a\\*b\\_c\\`d、\\[括弧\\]、&lt;b&gt;と&amp;amp;、<姿勢>、5 < 7、\\\\。\n\n\
        私は**「答え」**を*探す*。**市民の声**、`a*b`、[リンク *強調*](https://example.jp/a_(b))。\n\n\
        一行目\\\n二行目。\n\n- 一\n- 二\n\n+ 三\n\n> 引用。\n>\n> 二段落目。\n\n---\n\n### 小見出し\n\n```\nコード{漢字|かんじ}\n\n```\n";
    let mut sources: Vec<String> = ["address.md", "ceremony.md"]
        .iter()
        .map(|name| std::fs::read_to_string(data(name)).expect("fixture"))
        .collect();
    sources.push(tricky.to_string());
    for source in &sources {
        let original = parse(source);
        let markdown = run(&original, ExportProfile::Markdown, RubyStyle::Base);
        let again = parse(&markdown);
        assert_eq!(sentences(&again), sentences(&original), "{markdown}");
        assert_eq!(again.title_text(), original.title_text());
        let headings = |s: &Script| -> Vec<(String, _)> {
            s.sections.iter().map(|x| (x.title(), x.role)).collect()
        };
        assert_eq!(headings(&again), headings(&original));
        // The export is a fixed point.
        assert_eq!(
            run(&again, ExportProfile::Markdown, RubyStyle::Base),
            markdown
        );
        // Ruby tags read back (tags ignored) as the parenthesised form.
        let tags = parse(&run(&original, ExportProfile::Markdown, RubyStyle::Tags));
        let paren = parse(&run(&original, ExportProfile::Markdown, RubyStyle::Paren));
        assert_eq!(sentences(&tags), sentences(&paren));
    }
}

#[test]
fn markdown_keeps_emphasis_that_works() {
    let markdown = run(
        &parse("私は**市民の声**と*希望*を聞く。"),
        ExportProfile::Markdown,
        RubyStyle::Tags,
    );
    assert_eq!(markdown, "私は**市民の声**と*希望*を聞く。\n");
    let again = parse(&markdown);
    let styled: Vec<(String, bool, bool)> = again
        .sentences()
        .flat_map(|s| s.inlines.iter())
        .filter_map(|i| match i {
            podium::script::Inline::Text { text, style, .. } => {
                Some((text.clone(), style.strong, style.emphasis))
            }
            _ => None,
        })
        .collect();
    assert!(styled.contains(&("市民の声".to_string(), true, false)));
    assert!(styled.contains(&("希望".to_string(), false, true)));
}

const FORBIDDEN: &[&str] = &[
    "<script",
    "onerror",
    "onclick",
    "javascript:",
    "data:text",
    "<iframe",
    "<form",
    "<style",
    "<svg",
    "<object",
    "<embed",
    "<img",
    "<input",
    "<math",
    "<!--",
];

#[test]
fn hostile_draft_exports_nothing_dangerous() {
    let script = fixture("hostile.md");
    for profile in ExportProfile::ALL {
        for ruby in RubyStyle::ALL {
            let out = run(&script, profile, ruby);
            let lower = out.to_lowercase();
            let lower = match profile {
                // The document's own head has a stylesheet; only its body comes from the draft.
                ExportProfile::HtmlDocument => lower
                    .split_once("<body>")
                    .map(|(_, body)| body.to_string())
                    .unwrap_or_default(),
                _ => lower,
            };
            for bad in FORBIDDEN {
                assert!(
                    !lower.contains(bad),
                    "{profile}/{ruby} contains {bad}:\n{out}"
                );
            }
            assert!(
                !out.chars().any(|c| (c.is_control() && c != '\n')
                    || ('\u{202A}'..='\u{202E}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)),
                "{profile}/{ruby} keeps a control or bidi character"
            );
            for kept in [
                "この段落は、クリックで動くdivの中に書かれています。",
                "最後まで読み上げる文です。",
                "これは逆向きに見える文章です。",
                "本年もよろしくお願いいたします。",
            ] {
                assert!(out.contains(kept), "{profile}/{ruby} lost {kept}");
            }
            let html = !matches!(profile, ExportProfile::Markdown | ExportProfile::Text);
            let visible = if html {
                "今年の&lt;姿勢&gt;は"
            } else {
                "今年の<姿勢>は"
            };
            assert!(out.contains(visible), "{profile}/{ruby}: {out}");
            assert!(!out.contains("秘書課メモ") && !out.contains("[[間]]"));
        }
    }
}

#[test]
fn sanitizer_refuses_nasty_input() {
    let cases = [
        (
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a rel=\"noopener noreferrer\">x</a>",
        ),
        (
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<a rel=\"noopener noreferrer\">x</a>",
        ),
        ("<img src=x onerror=alert(1)>", ""),
        ("<svg><script>alert(1)</script></svg>", ""),
        (
            "<math><maction xlink:href=\"javascript:alert(1)\">x</maction></math>",
            "",
        ),
        (
            "<p style=\"position:fixed\" onmouseover=\"x\">y",
            "<p>y</p>",
        ),
        ("<strong>閉じない", "<strong>閉じない</strong>"),
        (
            "<<script>script>alert(1)<</script>/script>",
            "&lt;/script&gt;",
        ),
        (
            "<a href=\"https://example.jp\" onclick=\"x\" target=\"_top\">ok</a>",
            "<a href=\"https://example.jp\" rel=\"noopener noreferrer\">ok</a>",
        ),
        (
            "<div class=\"podium-summary evil\" style=\"x\">s</div>",
            "<div class=\"podium-summary\">s</div>",
        ),
        (
            "<template><script>x</script></template><noscript>n</noscript>t",
            "t",
        ),
    ];
    for (input, expected) in cases {
        let out = sanitize_html(input);
        assert_eq!(out, expected, "{input}");
        let lower = out.to_lowercase();
        for bad in FORBIDDEN {
            assert!(!lower.contains(bad), "{input} → {out}");
        }
    }
}

#[test]
fn cues_notes_and_summaries_stay_private() {
    let script = parse(
        "# 題\n\n## ① 柱\n\n> [!summary] 柱の要旨です。\n\n> [!note]\n> 会場を見渡すメモ。\n\n\
         ありがとう。[[間]]次に[[ゆっくり]]参ります。<!-- 内緒のコメント -->\n\n[[間 3秒]]\n",
    );
    for profile in ExportProfile::ALL {
        for ruby in RubyStyle::ALL {
            let out = run(&script, profile, ruby);
            for private in [
                "[[",
                "]]",
                "ゆっくり",
                "会場を見渡すメモ",
                "[!note]",
                "[!summary]",
                "内緒",
            ] {
                assert!(
                    !out.contains(private),
                    "{profile}/{ruby} shows {private}:\n{out}"
                );
            }
            assert!(
                out.contains("ありがとう。次に参ります。"),
                "{profile}/{ruby}:\n{out}"
            );
            let summary_shown = out.contains("柱の要旨です。");
            assert_eq!(summary_shown, profile == ExportProfile::Blog, "{profile}");
        }
    }
}

/// A signature (`> [!sign]`) is printed and published; a line for the room (`> [!spoken]`)
/// is read aloud and never published, in every profile and ruby style.
#[test]
fn signatures_are_published_and_lines_for_the_room_are_not() {
    let script = parse(
        "# 題\n\n## 結びに\n\n> [!spoken] 皆さん、どうぞお掛けください。\n\n\
         一年間、よろしくお願いいたします。\n\n> [!sign]\n> 令和9年1月4日　市長　山田太郎\n",
    );
    for profile in ExportProfile::ALL {
        for ruby in RubyStyle::ALL {
            let out = run(&script, profile, ruby);
            assert!(
                out.contains("令和9年1月4日　市長　山田太郎"),
                "{profile}/{ruby}:\n{out}"
            );
            for private in ["お掛けください", "[!sign]", "[!spoken]"] {
                assert!(
                    !out.contains(private),
                    "{profile}/{ruby} shows {private}:\n{out}"
                );
            }
        }
    }
    let html = run(&script, ExportProfile::Html, RubyStyle::Tags);
    assert!(
        html.contains(
            "<div class=\"podium-signature\">\n<p>令和9年1月4日　市長　山田太郎</p>\n</div>"
        ),
        "{html}"
    );
}

#[test]
fn ruby_is_written_per_option() {
    let script = parse("本日は{晴天|せいてん}なり。｜市長《しちょう》です。");
    let expected = [
        (
            RubyStyle::Tags,
            "<ruby>晴天<rp>（</rp><rt>せいてん</rt><rp>）</rp></ruby>なり。<ruby>市長<rp>（</rp><rt>しちょう</rt><rp>）</rp></ruby>です。",
        ),
        (RubyStyle::Paren, "晴天（せいてん）なり。市長（しちょう）です。"),
        (RubyStyle::Base, "本日は晴天なり。市長です。"),
    ];
    for profile in ExportProfile::ALL {
        for (ruby, text) in expected {
            let out = run(&script, profile, ruby);
            // Plain text has no tags: it writes the parenthesised form instead.
            let text = match (profile, ruby) {
                (ExportProfile::Text, RubyStyle::Tags) => expected[1].1,
                _ => text,
            };
            assert!(out.contains(text), "{profile}/{ruby}:\n{out}");
        }
    }
}

#[test]
fn blog_has_summary_full_text_and_footer() {
    let post = default_run(&fixture("address.md"), ExportProfile::Blog);
    let (summary, rest) = post.split_once("<p>【全文】</p>").expect("separator");
    assert_eq!(post.matches("【全文】").count(), 1);
    assert!(summary.starts_with(
        "<h1>令和9年 年頭挨拶</h1>\n<div class=\"podium-summary\">\n<p>【要旨】</p>\n"
    ));
    // The stance: the sentence that sets it out, labelled as city blogs do.
    assert!(summary.contains(
        "<p>〈姿勢〉今年、私は「現場に立ち、ともに考え、すばやく動く」ことを市役所全体の姿勢として掲げます</p>"
    ));
    let items: Vec<&str> = summary.lines().filter(|l| l.starts_with("<li>")).collect();
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[0],
        "<li><strong>① 地域の未来を担う人づくり</strong>　子どもたちが安心して学び、若い世代がこのまちで働き続けたいと思えるよう、教育と子育て、仕事づくりを一体で進めてまいります</li>"
    );
    // An explicit summary wins over the first sentence.
    assert_eq!(
        items[1],
        "<li><strong>② 市民・企業・大学との共創</strong>　市民・企業・大学と課題を共有し、ともに解決策をつくる仕組みを広げます。</li>"
    );
    // A sentence that says what will be done, not one that announces the heading.
    assert!(items[2].starts_with("<li><strong>③ 働き方を変える</strong>　年次休暇や男性の育児休業"));
    // The full text has no second title and keeps every section.
    assert!(!rest.contains("<h1>"));
    assert_eq!(rest.matches("<h2>").count(), 6);
    // The footer comes last, sanitised.
    let footer_at = rest.find("<div class=\"podium-footer\">").expect("footer");
    assert!(rest[..footer_at].contains("一年間、どうぞよろしくお願いいたします。"));
    assert!(
        post.ends_with("<p>掲載日：令和9年1月5日</p>\n</div>\n"),
        "{post}"
    );
    assert!(rest.contains("<a href=\"mailto:hisho@example.jp\" rel=\"noopener noreferrer\">"));
    assert!(!post.contains("alert"));
}

#[test]
fn empty_drafts_export_cleanly() {
    let script = parse("");
    for profile in ExportProfile::ALL {
        let out = export(&script, &ExportOptions::new(profile));
        match profile {
            ExportProfile::Markdown | ExportProfile::Text | ExportProfile::Html => {
                assert_eq!(out, "")
            }
            ExportProfile::Blog => assert_eq!(out, "<p>【全文】</p>\n"),
            ExportProfile::HtmlDocument => assert!(out.contains("<title>無題</title>")),
        }
    }
}

/// The reading script on paper (`podium print`, the app's 印刷): the fixture address at the
/// default size with the speaker's notes, and in 縦書き at 28 pt without them.
#[test]
fn address_matches_golden_print_files() {
    let script = fixture("address.md");
    let notes = PrintOptions {
        notes: true,
        ..PrintOptions::default()
    };
    assert_golden("address.print.html", &print_document(&script, &notes));
    let vertical = PrintOptions {
        size_pt: 28,
        vertical: true,
        notes: false,
    };
    assert_golden(
        "address.print-vertical.html",
        &print_document(&script, &vertical),
    );
}

#[test]
fn the_reading_script_shows_what_is_read_and_what_the_reader_needs() {
    let draft = "# 題\n\n## 一\n\n{罹災|りさい}された方に。[[間 3秒]]一日も早く。[[ゆっくり]]\n\
        二行目は、\n書いたとおりに折り返す。\n\n[[間]]\n\n> [!note]\n> 会場を見渡す。\n\n\
        > [!spoken]\n> 皆さん、ご起立ください。\n\n> [!sign]\n> 令和9年1月4日　市長　山田太郎\n\n\
        <b onclick=\"x\">生の</b><script>alert(1)</script>\n";
    let script = parse(draft);
    let with_notes = print_document(
        &script,
        &PrintOptions {
            notes: true,
            ..PrintOptions::default()
        },
    );
    let body = |page: &str| page[page.find("<body>").unwrap()..].to_string();
    let shown = body(&with_notes);
    for expected in [
        "<ruby>罹災<rp>（</rp><rt>りさい</rt><rp>）</rp></ruby>",
        "<span class=\"podium-cue podium-pause\">間 3秒</span>一日も早く。",
        "<span class=\"podium-cue\">〔ゆっくり〕</span>",
        "二行目は、<br>書いたとおりに折り返す。",
        "<p><span class=\"podium-cue podium-pause\">間</span></p>",
        "<div class=\"podium-note\">\n<p>会場を見渡す。</p>\n</div>",
        "<p>皆さん、ご起立ください。</p>",
        "<div class=\"podium-signature\">\n<p>令和9年1月4日　市長　山田太郎</p>\n</div>",
    ] {
        assert!(shown.contains(expected), "{expected} missing in\n{shown}");
    }
    assert!(!shown.contains("onclick") && !shown.contains("alert") && !shown.contains("<b>"));
    // Everything in it passed the sanitiser: sanitising again changes nothing.
    let inner = &shown["<body>\n".len()..shown.len() - "</body>\n</html>\n".len()];
    assert_eq!(sanitize_html(inner), inner);
    assert!(with_notes.contains("default-src 'none'; style-src 'unsafe-inline'"));
    assert!(!with_notes.contains("url(") && !with_notes.contains("@import"));

    let without = print_document(&script, &PrintOptions::default());
    assert!(!without.contains("会場を見渡す") && without.contains("ご起立ください"));
    assert!(without.contains("山田太郎"));
}

#[test]
fn long_sections_start_a_page_and_short_ones_share_one() {
    let long = "まちの未来を、皆さんとともに考えてまいります。".repeat(20);
    let draft = format!("# 題\n\n## 一\n\n{long}\n\n## 二\n\n短い。\n\n## 三\n\n{long}\n");
    let page = print_document(&parse(&draft), &PrintOptions::default());
    let classes: Vec<&str> = page
        .match_indices("<div class=\"podium-section")
        .map(|(at, _)| page[at..].split('"').nth(1).unwrap())
        .collect();
    assert_eq!(
        classes,
        [
            "podium-section",
            "podium-section podium-shares-page",
            "podium-section podium-new-page"
        ]
    );
    // 縦書き: the root writes right to left, numbers upright.
    let vertical = print_document(
        &parse("# 令和9年\n\n## 1\n\n12月25日。"),
        &PrintOptions {
            vertical: true,
            ..PrintOptions::default()
        },
    );
    assert!(vertical.contains("<html lang=\"ja\" class=\"podium-print podium-vertical\">"));
    assert!(vertical.contains("<h1>令和<span class=\"podium-tcy\">9</span>年</h1>"));
    assert!(vertical.contains("writing-mode: vertical-rl"));
}
