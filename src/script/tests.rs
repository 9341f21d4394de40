//! Behaviour of the speech dialect parser.

use super::*;

fn sentences(script: &Script) -> Vec<String> {
    script.sentences().map(Sentence::text).collect()
}

#[test]
fn title_sections_and_roles() {
    let script = parse("# 年頭挨拶\n\n前文です。\n\n## 新年のごあいさつ\n\nおめでとうございます。\n\n## ① 人を育てる\n\n育てます。\n\n### 小見出し\n\n本文。\n\n## 結びに\n\n以上です。\n");
    assert_eq!(script.title_text().as_deref(), Some("年頭挨拶"));
    let roles: Vec<SectionRole> = script.sections.iter().map(|s| s.role).collect();
    assert_eq!(
        roles,
        [
            SectionRole::Preamble,
            SectionRole::Greeting,
            SectionRole::Priority(1),
            SectionRole::Closing
        ]
    );
    assert!(matches!(script.sections[2].blocks[1], Block::Heading(ref h) if h.level == 3));
    assert!(script.diagnostics.is_empty());
}

#[test]
fn japanese_sentences_split_outside_brackets() {
    let script =
        parse("皆さん、おはようございます。「ありがとう。」と言われました！本当ですか？はい。");
    assert_eq!(
        sentences(&script),
        [
            "皆さん、おはようございます。",
            "「ありがとう。」と言われました！",
            "本当ですか？",
            "はい。"
        ]
    );
}

#[test]
fn closing_brackets_and_marks_stay_with_their_sentence() {
    let script = parse("「頑張ろう！」。次です。本当に……？！ええ。");
    assert_eq!(
        sentences(&script),
        ["「頑張ろう！」。", "次です。", "本当に……？！", "ええ。"]
    );
}

#[test]
fn a_line_break_is_kept_and_ends_a_sentence_outside_brackets() {
    let script = parse("基本方針\n本年も進めます。「市民の\n皆さん」と。Hello\nworld.");
    assert_eq!(
        sentences(&script),
        [
            "基本方針\n",
            "本年も進めます。",
            "「市民の\n皆さん」と。",
            "Hello\n",
            "world."
        ]
    );
}

#[test]
fn one_sentence_a_line_gives_each_sentence_its_own_span() {
    let source = "皆さん。\n今日は。\nよろしくお願いします。\n";
    let script = parse(source);
    let spans: Vec<&str> = script
        .sentences()
        .map(|s| source[s.span.range()].trim_end())
        .collect();
    assert_eq!(spans, ["皆さん。", "今日は。", "よろしくお願いします。"]);
    let lines: Vec<usize> = script.sentences().map(|s| s.span.line()).collect();
    assert_eq!(lines, [1, 2, 3]);
}

#[test]
fn ruby_in_both_syntaxes() {
    let script = parse("{漢字|かんじ}と｜市長《しちょう》と挨拶《あいさつ》。");
    let inlines = &script.sections[0].sentences().next().unwrap().inlines;
    let rubies: Vec<(&str, &str)> = inlines
        .iter()
        .filter_map(|i| match i {
            Inline::Ruby { base, reading, .. } => Some((&**base, &**reading)),
            _ => None,
        })
        .collect();
    assert_eq!(
        rubies,
        [
            ("漢字", "かんじ"),
            ("市長", "しちょう"),
            ("挨拶", "あいさつ")
        ]
    );
    let sentence = script.sentences().next().unwrap();
    assert_eq!(sentence.text(), "漢字と市長と挨拶。");
    assert_eq!(sentence.spoken_text(), "かんじとしちょうとあいさつ。");
}

#[test]
fn cues_attach_to_the_sentence_before_them() {
    let script = parse("ありがとうございました。[[間 3秒]]次に参ります。[[ゆっくり]]");
    let all: Vec<&Sentence> = script.sentences().collect();
    assert_eq!(all.len(), 2);
    assert!(matches!(
        all[0].inlines.last(),
        Some(Inline::Cue { cue: Cue::Pause { seconds }, .. }) if *seconds == 3.0
    ));
    assert!(matches!(
        all[1].inlines.last(),
        Some(Inline::Cue { cue: Cue::Direction { text }, .. }) if text == "ゆっくり"
    ));
    assert_eq!(all[1].text(), "次に参ります。");
}

#[test]
fn notes_and_summaries_are_not_read() {
    let script = parse("## ① 共創\n\n> [!summary] 市民・企業・大学と共に創ります。\n\n> [!note]\n> 会場を見渡す\n\n本文です。\n\n> 引用は読みます。\n");
    let section = &script.sections[0];
    assert_eq!(
        section.summary.as_deref().map(plain_text).as_deref(),
        Some("市民・企業・大学と共に創ります。")
    );
    assert!(
        matches!(&section.blocks[0], Block::Note(n) if n.paragraphs[0].sentences[0].text() == "会場を見渡す")
    );
    assert_eq!(sentences(&script), ["本文です。", "引用は読みます。"]);
}

#[test]
fn raw_html_is_ignored_with_its_dangerous_content() {
    let script = parse("前<script>alert(1)</script>後。<b>太字</b>。\n\n<div onclick=\"x\">\n<script>evil()</script>\n</div>\n\n<姿勢>を示す。5 < 7 です。");
    let text = sentences(&script).concat();
    assert_eq!(text, "前後。太字。<姿勢>を示す。5 < 7 です。");
    assert!(script
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::RawHtmlIgnored));
}

#[test]
fn unsafe_links_keep_only_their_text() {
    let script = parse("[安全](https://example.jp)と[危険](javascript:alert(1))。");
    let inlines = &script.sentences().next().unwrap().inlines;
    assert!(matches!(&inlines[0], Inline::Link { url, .. } if &**url == "https://example.jp"));
    assert!(inlines
        .iter()
        .skip(1)
        .all(|i| !matches!(i, Inline::Link { .. })));
    assert_eq!(script.sentences().next().unwrap().text(), "安全と危険。");
}

#[test]
fn overlong_link_destinations_keep_only_their_text() {
    let long = format!("https://example.jp/?q={}", "a&".repeat(MAX_URL_BYTES));
    let script = parse(&format!(
        "[長い]({long})と[短い](https://example.jp/?a=1&b=2)。"
    ));
    let inlines = &script.sentences().next().unwrap().inlines;
    let urls: Vec<&str> = inlines
        .iter()
        .filter_map(|i| match i {
            Inline::Link { url, .. } => Some(&**url),
            _ => None,
        })
        .collect();
    assert_eq!(urls, ["https://example.jp/?a=1&b=2"]);
    assert_eq!(script.sentences().next().unwrap().text(), "長いと短い。");
    assert!(script
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::Unsupported));
}

#[test]
fn spans_point_at_the_source() {
    let source = "# 題\n\n本日は{晴天|せいてん}です。[[間]]\n";
    let script = parse(source);
    let sentence = script.sentences().next().unwrap();
    assert_eq!((sentence.span.line(), sentence.span.column()), (3, 1));
    for inline in &sentence.inlines {
        let span = inline.span();
        let slice = &source[span.range()];
        match inline {
            Inline::Text { text, .. } => assert_eq!(slice, text),
            Inline::Ruby { .. } => assert_eq!(slice, "{晴天|せいてん}"),
            Inline::Cue { .. } => assert_eq!(slice, "[[間]]"),
            _ => {}
        }
    }
    let ruby = &sentence.inlines[1];
    assert_eq!((ruby.span().line, ruby.span().column), (3, 4));
}

#[test]
fn unclosed_syntax_stays_as_text_and_is_reported() {
    let script = parse("これは{漢字|かんじ です。[[間 のまま。");
    assert_eq!(
        sentences(&script).concat(),
        "これは{漢字|かんじ です。[[間 のまま。"
    );
    let kinds: Vec<DiagnosticKind> = script.diagnostics.iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        [DiagnosticKind::UnclosedRuby, DiagnosticKind::UnclosedCue]
    );
}

#[test]
fn lists_and_emphasis() {
    let script = parse("1. **第一**の柱\n2. 第二の柱\n");
    let Block::List(list) = &script.sections[0].blocks[0] else {
        panic!("expected a list");
    };
    assert!(list.ordered);
    assert_eq!(list.items.len(), 2);
    assert!(
        matches!(&list.items[0].sentences[0].inlines[0], Inline::Text { style, .. } if style.strong)
    );
}

#[test]
fn never_panics_on_odd_input() {
    let samples = [
        "",
        "#",
        "##",
        "> [!note]",
        "> [!summary]",
        "{",
        "{|}",
        "[[",
        "[[]]",
        "｜《》",
        "《》",
        "\u{202e}逆\u{0}\u{1}",
        "- > [!note] x\n  - y",
        "> - a\n> > b",
        "```\n{a|b}\n```",
        "# a\n# b\n## c",
        "<script>",
        "</script>x",
        "![画像](x.png)",
        "\r\n\r\n#\r\n",
        "[[間 999999秒]]",
        "{ルビ|",
        "漢《",
        "*{a|b}*{c|d}**",
        "[x](<javascript:a>)",
    ];
    for sample in samples {
        let _ = parse(sample);
    }
    // Deterministic pseudo-random strings over the dialect's special characters.
    let alphabet: Vec<char> = "#>[]{}|｜《》!*_`\n -1.。、「」漢かa<>/!間"
        .chars()
        .collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..(state % 40) {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push(alphabet[(state >> 33) as usize % alphabet.len()]);
        }
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
        let script = parse(&text);
        for sentence in script.sentences() {
            assert!(
                sentence.span.start() <= sentence.span.end() && sentence.span.end() <= text.len()
            );
        }
    }
}

#[test]
fn control_characters_and_bidi_overrides_are_removed() {
    let script = parse("危\u{202e}険\u{7}な\u{1b}文。\tタブ");
    assert_eq!(sentences(&script).concat(), "危険な文。\tタブ");
    assert!(script
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::ControlCharacterRemoved));
}

#[test]
fn html_comments_are_ignored_silently() {
    let script = parse("本文。<!-- 下書きのメモ -->\n\n<!--\n消す段落\n-->\n");
    assert_eq!(sentences(&script).concat(), "本文。");
    assert!(script.diagnostics.is_empty());
}

#[test]
fn sentences_cut_from_escaped_text_get_their_own_spans() {
    let source = "同じ\\*文。次の&amp;文。";
    let script = parse(source);
    let spans: Vec<&str> = script
        .sentences()
        .map(|s| &source[s.span.range()])
        .collect();
    assert_eq!(spans, ["同じ\\*文。", "次の&amp;文。"]);
}

#[test]
fn diagnostics_of_a_kind_are_capped_and_the_last_covers_the_rest() {
    let source = "[[あ\n\n".repeat(MAX_DIAGNOSTICS_PER_KIND + 300);
    let script = parse(&source);
    let unclosed: Vec<&Diagnostic> = script
        .diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::UnclosedCue)
        .collect();
    assert_eq!(unclosed.len(), MAX_DIAGNOSTICS_PER_KIND + 1);
    let last = unclosed[MAX_DIAGNOSTICS_PER_KIND];
    assert_eq!(
        last.span.start(),
        MAX_DIAGNOSTICS_PER_KIND * "[[あ\n\n".len()
    );
    assert_eq!(last.span.end(), source.rfind("[[").unwrap() + 1);
    assert_eq!(last.span.line(), MAX_DIAGNOSTICS_PER_KIND * 2 + 1);
    // Other kinds have their own count.
    let both = format!("{source}<b>太字</b>");
    assert!(parse(&both)
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::RawHtmlIgnored));
}

#[test]
fn text_split_by_markdown_is_joined_into_one_inline_with_exact_spans() {
    // pulldown-cmark hands `<a <a <a` over in pieces; they become one text, and offsets
    // inside it still map to the source.
    let source = "<a ".repeat(10_000) + "です。";
    let script = parse(&source);
    let sentence = script.sentences().next().unwrap();
    assert_eq!(sentence.inlines.len(), 1);
    assert_eq!(sentence.text(), source.trim_end());
    assert_eq!(&source[sentence.span.range()], source.trim_end());
    // Escaped text keeps its own pieces: a sentence cut from it still gets its own span.
    let escaped = "前の文\\<です。後の<文です。";
    let spans: Vec<&str> = parse(escaped)
        .sentences()
        .map(|s| &escaped[s.span.range()])
        .collect();
    assert_eq!(spans, ["前の文\\<です。", "後の<文です。"]);
}

#[test]
fn an_unreadable_priority_number_counts_the_priority_sections_before_it() {
    let script = parse("## 1. 一\n\n## 99999999999. 二\n\n## 結びに\n\n## 99999999999. 三\n");
    let roles: Vec<SectionRole> = script.sections.iter().map(|s| s.role).collect();
    assert_eq!(
        roles,
        [
            SectionRole::Priority(1),
            SectionRole::Priority(2),
            SectionRole::Closing,
            SectionRole::Priority(3)
        ]
    );
}

/// A draft of a million short lines or headings holds each at its size (issue 18: spare room
/// in every sentence's, section's and paragraph's vector was most of a gigabyte).
#[test]
fn parsed_vectors_keep_no_spare_room() {
    let source = "# 題\n\n## 一\n\n### 小\n\nはい。\nいいえ。\n\n## 二\n\na\n".repeat(3);
    let script = parse(&source);
    assert_eq!(script.sections.capacity(), script.sections.len());
    for section in &script.sections {
        assert_eq!(section.blocks.capacity(), section.blocks.len());
        if let Some(heading) = &section.heading {
            assert_eq!(heading.inlines.capacity(), heading.inlines.len());
        }
        for block in &section.blocks {
            if let Block::Paragraph(p) = block {
                assert_eq!(p.sentences.capacity(), p.sentences.len());
                for sentence in &p.sentences {
                    assert_eq!(sentence.inlines.capacity(), sentence.inlines.len());
                }
            }
        }
    }
}
