//! The blog post: title, the lead-in line (「1月4日、庁内放送にて…（概要）」), 要旨 (the stance
//! and the numbered priorities, one line each), 【全文】, the full text and the office's
//! footer — one sanitised HTML fragment.

use super::html::{self, content, escape};
use super::inline::visible;
use super::sanitize::{sanitize_export, strip_placeholders, FOOTER_CLASS, SUMMARY_CLASS};
use super::summary::{summarise, Line};
use super::{ameba, wordpress, BlogDestination};
use super::{sanitize_html, RubyStyle};
use crate::script::Script;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The separator between the summary and the full text.
const FULL_TEXT: &str = "【全文】";
const SUMMARY: &str = "【要旨】";
use super::summary::STANCE;

pub(super) fn blog(
    script: &Script,
    ruby: RubyStyle,
    footer: Option<&str>,
    edited: Option<&[String]>,
    lead_in: Option<&str>,
    destination: BlogDestination,
) -> String {
    let mut out = String::new();
    if let Some(title) = script
        .title
        .as_ref()
        .filter(|_| destination.carries_title())
    {
        html::heading(&mut out, title, 1, ruby);
    }
    if let Some(lead_in) = lead_in.map(|l| visible(l.trim())).filter(|l| !l.is_empty()) {
        out.push_str("<p>");
        escape(&mut out, &lead_in);
        out.push_str("</p>\n");
    }
    match edited {
        Some(lines) => edited_summary(&mut out, lines),
        None => summary(&mut out, script, ruby),
    }
    out.push_str(&format!("<p>{FULL_TEXT}</p>\n"));
    html::body(&mut out, script, ruby);
    // Sanitised on its own first, so that its unbalanced tags cannot escape its block.
    // The footer is not a draft, so the parser has not cleaned it: drop its control and bidi
    // characters and defang script URLs here, as for the draft's text (found by fuzzing).
    // Its own HTML could decode to the placeholders of the post's text (see `push_text`).
    let footer = footer.map(|f| strip_placeholders(sanitize_html(&footer_html(&visible(f)))));
    if let Some(footer) = footer.filter(|f| !f.trim().is_empty()) {
        out.push_str(&format!(
            "<div class=\"{FOOTER_CLASS}\">\n{}\n</div>\n",
            footer.trim()
        ));
    }
    match destination {
        BlogDestination::Html => sanitize_export(&out),
        BlogDestination::Wordpress => wordpress::blocks(&sanitize_export(&out)),
        BlogDestination::Ameba => ameba::sanitize(&out),
    }
}

/// 【要旨】: the stance's line, then a list of the points, each its heading and line (see
/// [`summarise`]). Left out only when the speech has nothing to summarise.
fn summary(out: &mut String, script: &Script, ruby: RubyStyle) {
    let summary = summarise(script);
    if summary.is_empty() {
        return;
    }
    let line_html = |line: &Line| {
        let mut html = String::new();
        match line {
            Line::Written(inlines) => html::inlines(&mut html, inlines.iter(), ruby),
            Line::Key(text) => content(&mut html, text),
        }
        html.trim_end().to_string()
    };
    out.push_str(&format!(
        "<div class=\"{SUMMARY_CLASS}\">\n<p>{SUMMARY}</p>\n"
    ));
    for line in &summary.stance {
        out.push_str(&format!("<p>{STANCE}{}</p>\n", line_html(line)));
    }
    if !summary.points.is_empty() {
        out.push_str("<ul>\n");
        for point in &summary.points {
            let mut item = String::from("<li>");
            if let Some(heading) = point.heading {
                item.push_str("<strong>");
                html::inlines(&mut item, heading, ruby);
                item.push_str("</strong>");
            }
            if let Some(line) = &point.line {
                if item.len() > "<li>".len() {
                    item.push('　');
                }
                item.push_str(&line_html(line));
            }
            item.push_str("</li>\n");
            out.push_str(&item);
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n");
}

/// The 要旨 as the writer edited it (see [`super::summary::lines`]): the 〈姿勢〉 line as a
/// paragraph, the others as the list; plain text, escaped. No lines, no summary.
fn edited_summary(out: &mut String, lines: &[String]) {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return;
    }
    out.push_str(&format!(
        "<div class=\"{SUMMARY_CLASS}\">\n<p>{SUMMARY}</p>\n"
    ));
    let (stance, points): (Vec<&str>, Vec<&str>) =
        lines.into_iter().partition(|l| l.starts_with(STANCE));
    for line in stance {
        out.push_str("<p>");
        escape(out, line);
        out.push_str("</p>\n");
    }
    if !points.is_empty() {
        out.push_str("<ul>\n");
        for line in points {
            out.push_str("<li>");
            escape(out, line);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n");
}

/// The footer's Markdown as HTML (CommonMark; raw HTML kept for the sanitiser to judge).
fn footer_html(markdown: &str) -> String {
    let mut out = String::new();
    let mut in_code_block = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => out.push_str("<p>"),
                Tag::Heading { level, .. } => {
                    out.push_str(&format!("<h{}>", (level as u8).clamp(2, 4)))
                }
                Tag::BlockQuote(_) => out.push_str("<blockquote>\n"),
                Tag::CodeBlock(_) => {
                    in_code_block = true;
                    out.push_str("<p><code>");
                }
                Tag::List(Some(1)) => out.push_str("<ol>\n"),
                Tag::List(Some(start)) => out.push_str(&format!("<ol start=\"{start}\">\n")),
                Tag::List(None) => out.push_str("<ul>\n"),
                Tag::Item => out.push_str("<li>"),
                Tag::Emphasis => out.push_str("<em>"),
                Tag::Strong => out.push_str("<strong>"),
                Tag::Link { dest_url, .. } => {
                    out.push_str("<a href=\"");
                    escape(&mut out, &dest_url);
                    out.push_str("\">");
                }
                // An image's alt text arrives as text and is kept; the image is not.
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => out.push_str("</p>\n"),
                TagEnd::Heading(level) => {
                    out.push_str(&format!("</h{}>\n", (level as u8).clamp(2, 4)))
                }
                TagEnd::BlockQuote(_) => out.push_str("</blockquote>\n"),
                TagEnd::CodeBlock => {
                    in_code_block = false;
                    if out.ends_with("<br>") {
                        out.truncate(out.len() - "<br>".len());
                    }
                    out.push_str("</code></p>\n");
                }
                TagEnd::List(true) => out.push_str("</ol>\n"),
                TagEnd::List(false) => out.push_str("</ul>\n"),
                TagEnd::Item => out.push_str("</li>\n"),
                TagEnd::Emphasis => out.push_str("</em>"),
                TagEnd::Strong => out.push_str("</strong>"),
                TagEnd::Link => out.push_str("</a>"),
                _ => {}
            },
            Event::Text(text) if in_code_block => {
                for line in text.split_inclusive('\n') {
                    escape(&mut out, line.trim_end_matches('\n'));
                    if line.ends_with('\n') {
                        out.push_str("<br>");
                    }
                }
            }
            Event::Text(text) => escape(&mut out, &text),
            Event::Code(code) => {
                out.push_str("<code>");
                escape(&mut out, &code);
                out.push_str("</code>");
            }
            Event::Html(raw) | Event::InlineHtml(raw) => out.push_str(&raw),
            // A line break the office typed is kept, as in drafts.
            Event::SoftBreak | Event::HardBreak => out.push_str("<br>\n"),
            Event::Rule => out.push_str("<hr>\n"),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_markdown_becomes_allowed_html() {
        let footer = "---\n\n**秘書広報課**\n[市のサイト](https://example.jp)\n\n\
                      - 一\n- 二\n\n<a href=\"javascript:x\" onclick=\"x\">悪</a><img src=x>\n\n```\nA\nB\n```\n";
        assert_eq!(
            sanitize_html(&footer_html(footer)),
            "<hr>\n<p><strong>秘書広報課</strong><br>\n<a href=\"https://example.jp\" rel=\"noopener noreferrer\">市のサイト</a></p>\n\
             <ul>\n<li>一</li>\n<li>二</li>\n</ul>\n<p><a rel=\"noopener noreferrer\">悪</a></p>\n<p><code>A<br>B</code></p>\n"
        );
    }

    #[test]
    fn the_footer_loses_control_and_bidi_characters_and_script_urls() {
        let script = crate::script::parse("# 題\n\n本文です。\n");
        let footer = "広報\u{4}課\u{202E}です [x](javascript:alert(1))";
        let out = blog(
            &script,
            RubyStyle::Tags,
            Some(footer),
            None,
            None,
            BlogDestination::Html,
        );
        assert!(out.contains("広報課です"), "{out}");
        assert!(!out.contains(['\u{4}', '\u{202E}']) && !out.contains("javascript:"));
    }

    #[test]
    fn no_summary_without_stance_or_priorities() {
        let script = crate::script::parse("# 題\n\n## 新年のあいさつ\n\nおめでとうございます。\n");
        let post = blog(
            &script,
            RubyStyle::Tags,
            None,
            None,
            None,
            BlogDestination::Html,
        );
        assert_eq!(
            post,
            "<h1>題</h1>\n<p>【全文】</p>\n<h2>新年のあいさつ</h2>\n<p>おめでとうございます。</p>\n"
        );
    }
}
