//! The HTML fragment and the printable HTML document.

use super::inline::{has_content, runs, visible, Emphasis, Run};
use super::sanitize::{push_link, push_text, sanitize_export, SIGNATURE_CLASS};
use super::RubyStyle;
use crate::script::{Block, Heading, Inline, List, Paragraph, Script};

/// The whole address as a sanitised fragment: `h1` title, `h2` sections, paragraphs, lists …
pub(super) fn fragment(script: &Script, ruby: RubyStyle) -> String {
    let mut out = String::new();
    if let Some(title) = &script.title {
        heading(&mut out, title, 1, ruby);
    }
    body(&mut out, script, ruby);
    sanitize_export(&out)
}

/// A complete page around the sanitised fragment, with a strict CSP and a print stylesheet.
pub(super) fn document(script: &Script, ruby: RubyStyle) -> String {
    page(script, "", STYLESHEET, &fragment(script, ruby))
}

/// A complete page: `body` (sanitised already) with `stylesheet`, under a CSP that lets
/// nothing load or run (its one inline style aside); `class` goes on `<html>`.
pub(super) fn page(script: &Script, class: &str, stylesheet: &str, body: &str) -> String {
    let title = script
        .title_text()
        .map(|t| t.replace('\n', " "))
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| "無題".to_string());
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"ja\"");
    if !class.is_empty() {
        out.push_str(" class=\"");
        escape(&mut out, class);
        out.push('"');
    }
    out.push_str(
        ">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    escape(&mut out, title.trim());
    out.push_str("</title>\n<style>\n");
    out.push_str(stylesheet);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(body);
    out.push_str("</body>\n</html>\n");
    out
}

/// The Japanese text faces of every printable document: Mincho for the text, installed on
/// Windows (BIZ UD, Yu), macOS (Hiragino) or Linux (Noto CJK); no font is fetched.
macro_rules! text_fonts {
    () => {
        "\"BIZ UDPMincho\", \"Yu Mincho\", \"YuMincho\", \"Hiragino Mincho ProN\",
    \"Noto Serif CJK JP\", \"Noto Serif JP\", serif"
    };
}
/// The heading faces: Gothic.
macro_rules! heading_fonts {
    () => {
        "\"BIZ UDPGothic\", \"Yu Gothic\", \"YuGothic\",
    \"Hiragino Sans\", \"Noto Sans CJK JP\", \"Noto Sans JP\", sans-serif"
    };
}
pub(super) use {heading_fonts, text_fonts};

const STYLESHEET: &str = concat!(
    "\
body { margin: 2em auto; max-width: 42em; padding: 0 1em; color: #111; background: #fff;
  font-family: ",
    text_fonts!(),
    ";
  font-size: 12pt; line-height: 1.9; line-break: strict; overflow-wrap: anywhere; }
h1, h2, h3, h4 { font-family: ",
    heading_fonts!(),
    ";
  line-height: 1.4; break-after: avoid; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; }
p { margin: 0 0 1em; orphans: 2; widows: 2; }
rt { font-size: 0.5em; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #999; }
hr { border: 0; border-top: 1px solid #999; margin: 2em 0; }
.podium-signature { margin-top: 2em; text-align: right; }
a { color: inherit; }
@page { size: A4; margin: 20mm; }
@media print { body { margin: 0; max-width: none; padding: 0; } a { text-decoration: none; } }
"
);

/// The sections of the address (without the title), unsanitised.
pub(super) fn body(out: &mut String, script: &Script, ruby: RubyStyle) {
    for section in &script.sections {
        if let Some(h) = &section.heading {
            heading(out, h, 2, ruby);
        }
        for block in &section.blocks {
            match block {
                Block::Paragraph(p) => paragraph(out, p, ruby),
                Block::Heading(h) => heading(out, h, h.level.clamp(3, 4), ruby),
                Block::List(l) => list(out, l, |out, item| inlines(out, item.inlines(), ruby)),
                Block::Quote(quote) => {
                    out.push_str("<blockquote>\n");
                    for p in &quote.paragraphs {
                        paragraph(out, p, ruby);
                    }
                    out.push_str("</blockquote>\n");
                }
                Block::Signature(signature) => {
                    out.push_str(&format!("<div class=\"{SIGNATURE_CLASS}\">\n"));
                    for p in &signature.paragraphs {
                        paragraph(out, p, ruby);
                    }
                    out.push_str("</div>\n");
                }
                Block::Rule(_) => out.push_str("<hr>\n"),
                Block::Note(_) | Block::Spoken(_) => {}
            }
        }
    }
}

/// A list, each item with content written by `item`.
pub(super) fn list(out: &mut String, list: &List, mut item: impl FnMut(&mut String, &Paragraph)) {
    let tag = if list.ordered { "ol" } else { "ul" };
    out.push('<');
    out.push_str(tag);
    if list.ordered && list.start != 1 {
        out.push_str(&format!(" start=\"{}\"", list.start));
    }
    out.push_str(">\n");
    for each in list.items.iter().filter(|p| has_content(p.inlines())) {
        out.push_str("<li>");
        item(out, each);
        out.push_str("</li>\n");
    }
    out.push_str(&format!("</{tag}>\n"));
}

pub(super) fn heading(out: &mut String, heading: &Heading, level: u8, ruby: RubyStyle) {
    if has_content(&heading.inlines) {
        out.push_str(&format!("<h{level}>"));
        inlines(out, &heading.inlines, ruby);
        out.push_str(&format!("</h{level}>\n"));
    }
}

pub(super) fn paragraph(out: &mut String, paragraph: &Paragraph, ruby: RubyStyle) {
    if has_content(paragraph.inlines()) {
        out.push_str("<p>");
        inlines(out, paragraph.inlines(), ruby);
        out.push_str("</p>\n");
    }
}

/// Inline HTML of text, ruby, links and breaks; cues are left out.
pub(super) fn inlines<'a>(
    out: &mut String,
    inlines: impl IntoIterator<Item = &'a Inline>,
    ruby: RubyStyle,
) {
    styled(out, inlines, Emphasis::default(), ruby);
}

fn styled<'a>(
    out: &mut String,
    inlines: impl IntoIterator<Item = &'a Inline>,
    outer: Emphasis,
    ruby: RubyStyle,
) {
    // Open tags, outermost first; a change of emphasis closes only what it must.
    let mut open: Vec<&str> = Vec::new();
    for run in runs(inlines, outer) {
        let Run::Styled {
            added,
            whole,
            inlines,
        } = run
        else {
            out.push_str("<br>");
            continue;
        };
        let wanted = |tag: &str| match tag {
            "strong" => added.strong,
            _ => added.emphasis,
        };
        let keep = open.iter().take_while(|tag| wanted(tag)).count();
        for tag in open.drain(keep..).rev() {
            out.push_str(&format!("</{tag}>"));
        }
        for tag in ["strong", "em"] {
            if wanted(tag) && !open.contains(&tag) {
                out.push_str(&format!("<{tag}>"));
                open.push(tag);
            }
        }
        for inline in inlines {
            match inline {
                Inline::Text { text, style, .. } if style.code => {
                    out.push_str("<code>");
                    content(out, text);
                    out.push_str("</code>");
                }
                Inline::Text { text, .. } => content(out, text),
                Inline::Ruby { base, reading, .. } => ruby_html(out, base, reading, ruby),
                Inline::Link { inlines, url, .. } => {
                    push_link(out, url);
                    styled(out, inlines, whole, ruby);
                    out.push_str("</a>");
                }
                Inline::Break { .. } => out.push_str("<br>"),
                Inline::Cue { .. } => {}
            }
        }
    }
    for tag in open.iter().rev() {
        out.push_str(&format!("</{tag}>"));
    }
}

fn ruby_html(out: &mut String, base: &str, reading: &str, ruby: RubyStyle) {
    match ruby {
        RubyStyle::Tags => {
            out.push_str("<ruby>");
            content(out, base);
            out.push_str("<rp>（</rp><rt>");
            content(out, reading);
            out.push_str("</rt><rp>）</rp></ruby>");
        }
        RubyStyle::Paren | RubyStyle::ParenFirst => {
            content(out, base);
            out.push('（');
            content(out, reading);
            out.push('）');
        }
        RubyStyle::Base => content(out, base),
    }
}

/// Exported text (made [`visible`] first) as the content of an element of a sanitised export
/// (see [`push_text`]).
pub(super) fn content(out: &mut String, text: &str) {
    push_text(out, &visible(text));
}

/// Escape exported text (made [`visible`] first) for element content or an attribute value
/// outside [`sanitize_export`]: the document's title, the blog's footer.
pub(super) fn escape(out: &mut String, text: &str) {
    escape_markup(out, &visible(text));
}

fn escape_markup(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::parse;

    #[test]
    fn emphasis_nests_and_links_inherit_it() {
        let script = parse("**太字と[リンク](https://example.jp/?a=1&b=2)と*両方***。`a<b`");
        assert_eq!(
            fragment(&script, RubyStyle::Tags),
            "<p><strong>太字と<a href=\"https://example.jp/?a=1&amp;b=2\" rel=\"noopener noreferrer\">リンク</a>と<em>両方</em></strong>。<code>a&lt;b</code></p>\n"
        );
    }

    #[test]
    fn ruby_per_style() {
        let script = parse("{漢字|かんじ}です。");
        let expected = [
            "<p><ruby>漢字<rp>（</rp><rt>かんじ</rt><rp>）</rp></ruby>です。</p>\n",
            "<p>漢字（かんじ）です。</p>\n",
            "<p>漢字です。</p>\n",
        ];
        for (ruby, expected) in RubyStyle::ALL.into_iter().zip(expected) {
            assert_eq!(fragment(&script, ruby), expected);
        }
    }

    #[test]
    fn document_wraps_the_fragment() {
        let page = document(&parse("# 題 <b>&amp;\n\n本文。"), RubyStyle::Tags);
        assert!(page.starts_with(
            "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
        ));
        assert!(page.contains("<title>題 &amp;</title>"));
        assert!(page.contains("default-src 'none'; style-src 'unsafe-inline'"));
        assert!(page.ends_with("<body>\n<h1>題 &amp;</h1>\n<p>本文。</p>\n</body>\n</html>\n"));
    }
}
