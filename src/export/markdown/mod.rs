//! Normalised, publishable Markdown (CommonMark): `#` title, `##` sections, one line per
//! paragraph, text escaped so that it reads back as the same text.

mod syntax;

use super::inline::{has_content, runs, visible, Emphasis, Run};
use super::RubyStyle;
use crate::script::{Block, Heading, Inline, Paragraph, Script};
use syntax::{code_span, destination, emphasise, escape};

pub(super) fn markdown(script: &Script, ruby: RubyStyle) -> String {
    let mut blocks: Vec<String> = Vec::new();
    // Two lists in a row need different markers, or they would merge into one.
    let mut previous_list: Option<(bool, bool)> = None;
    let plain = Line::new(ruby, "");
    if let Some(title) = &script.title {
        heading(&mut blocks, title, 1, ruby);
    }
    for section in &script.sections {
        if let Some(h) = &section.heading {
            heading(&mut blocks, h, h.level, ruby);
            previous_list = None;
        }
        for block in &section.blocks {
            let mut text = String::new();
            match block {
                Block::Paragraph(p) if has_content(p.inlines()) => paragraph(&mut text, p, &plain),
                Block::Heading(h) => heading(&mut blocks, h, h.level, ruby),
                Block::List(list) => {
                    let alternate = previous_list == Some((list.ordered, false));
                    let items = list.items.iter().filter(|p| has_content(p.inlines()));
                    for (number, item) in (list.start..).zip(items) {
                        let marker = match (list.ordered, alternate) {
                            (true, false) => format!("{number}."),
                            (true, true) => format!("{number})"),
                            (false, false) => "-".to_string(),
                            (false, true) => "*".to_string(),
                        };
                        let indent = " ".repeat(marker.len() + 1);
                        if !text.is_empty() {
                            text.push('\n');
                        }
                        text.push_str(&marker);
                        text.push(' ');
                        let line = Line::new(ruby, &indent);
                        write_inlines(
                            &mut text,
                            item.inlines(),
                            Emphasis::default(),
                            None,
                            &line,
                            true,
                        );
                    }
                    if !text.is_empty() {
                        blocks.push(text);
                        previous_list = Some((list.ordered, alternate));
                    }
                    continue;
                }
                Block::Quote(quote) => {
                    let line = Line::new(ruby, "> ");
                    for p in quote.paragraphs.iter().filter(|p| has_content(p.inlines())) {
                        if !text.is_empty() {
                            text.push_str("\n>\n");
                        }
                        text.push_str("> ");
                        write_inlines(
                            &mut text,
                            p.inlines(),
                            Emphasis::default(),
                            None,
                            &line,
                            true,
                        );
                    }
                }
                Block::Signature(signature) => {
                    let lines = signature
                        .paragraphs
                        .iter()
                        .filter(|p| has_content(p.inlines()));
                    for p in lines {
                        if !text.is_empty() {
                            text.push_str("\n\n");
                        }
                        paragraph(&mut text, p, &plain);
                    }
                }
                Block::Rule(_) => text.push_str("---"),
                Block::Paragraph(_) | Block::Note(_) | Block::Spoken(_) => {}
            }
            if !text.is_empty() {
                blocks.push(text);
                previous_list = None;
            }
        }
    }
    if blocks.is_empty() {
        return String::new();
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// A paragraph's text, its line breaks kept.
fn paragraph(text: &mut String, paragraph: &Paragraph, line: &Line) {
    write_inlines(
        text,
        paragraph.inlines(),
        Emphasis::default(),
        None,
        line,
        true,
    );
}

/// How inline text is written on the current line.
struct Line<'a> {
    ruby: RubyStyle,
    /// What continues a line after a hard break (`> ` in a quote, spaces in a list item).
    prefix: &'a str,
    /// In an ATX heading: no hard breaks, and every `#` escaped.
    heading: bool,
}

impl<'a> Line<'a> {
    fn new(ruby: RubyStyle, prefix: &'a str) -> Self {
        Line {
            ruby,
            prefix,
            heading: false,
        }
    }
}

fn heading(blocks: &mut Vec<String>, heading: &Heading, level: u8, ruby: RubyStyle) {
    if !has_content(&heading.inlines) {
        return;
    }
    let mut text = "#".repeat(usize::from(level.clamp(1, 6)));
    text.push(' ');
    let line = Line {
        heading: true,
        ..Line::new(ruby, "")
    };
    write_inlines(
        &mut text,
        &heading.inlines,
        Emphasis::default(),
        None,
        &line,
        true,
    );
    blocks.push(text);
}

/// Write inlines; `after` is the character that will follow them (none: the end of the line).
fn write_inlines<'i>(
    out: &mut String,
    inlines: impl IntoIterator<Item = &'i Inline>,
    outer: Emphasis,
    after: Option<char>,
    line: &Line,
    mut line_start: bool,
) {
    // Each run is written on its own first: whether its emphasis can be written with asterisks
    // depends on the characters around it. `None` is a hard break.
    let mut parts: Vec<Option<(Emphasis, String)>> = Vec::new();
    for run in runs(inlines, outer) {
        match run {
            Run::Break => {
                parts.push(None);
                line_start = true;
            }
            Run::Styled {
                added,
                whole,
                inlines,
            } => {
                let mut content = String::new();
                for inline in inlines {
                    let at_start = line_start && added.is_plain() && content.is_empty();
                    write_inline(&mut content, inline, whole, line, at_start);
                }
                if !content.is_empty() {
                    line_start = false;
                    parts.push(Some((added, content)));
                }
            }
        }
    }
    // A hard break at either end of a paragraph would be read as a backslash.
    let first = parts
        .iter()
        .position(Option::is_some)
        .unwrap_or(parts.len());
    let last = parts
        .iter()
        .rposition(Option::is_some)
        .map_or(first, |i| i + 1);
    let parts = &parts[first..last];
    for (i, part) in parts.iter().enumerate() {
        match part {
            None if line.heading => out.push(' '),
            None => {
                out.push('\n');
                out.push_str(line.prefix);
            }
            Some((added, content)) if added.is_plain() => out.push_str(content),
            Some((added, content)) => {
                let next = match parts.get(i + 1) {
                    None => after,
                    Some(None) => Some('\n'),
                    Some(Some((e, c))) if e.is_plain() => c.chars().next(),
                    Some(Some(_)) => Some('<'),
                };
                let previous = out.chars().next_back();
                emphasise(out, *added, content, previous, next);
            }
        }
    }
}

fn write_inline(out: &mut String, inline: &Inline, whole: Emphasis, line: &Line, line_start: bool) {
    let heading = line.heading;
    match inline {
        Inline::Text { text, style, .. } if style.code => code_span(out, &visible(text)),
        Inline::Text { text, .. } => escape(out, text, line_start, heading),
        Inline::Ruby { base, reading, .. } => match line.ruby {
            RubyStyle::Tags => {
                out.push_str("<ruby>");
                escape(out, base, false, heading);
                out.push_str("<rp>（</rp><rt>");
                escape(out, reading, false, heading);
                out.push_str("</rt><rp>）</rp></ruby>");
            }
            RubyStyle::Paren | RubyStyle::ParenFirst => {
                escape(out, base, line_start, heading);
                out.push('（');
                escape(out, reading, false, heading);
                out.push('）');
            }
            RubyStyle::Base => escape(out, base, line_start, heading),
        },
        Inline::Link { inlines, url, .. } => {
            out.push('[');
            write_inlines(out, inlines, whole, Some(']'), line, false);
            out.push_str("](");
            destination(out, url);
            out.push(')');
        }
        Inline::Break { .. } | Inline::Cue { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::{parse, Paragraph, Section, SectionRole, Sentence, Span, Style};

    fn md(source: &str) -> String {
        markdown(&parse(source), RubyStyle::Base)
    }

    /// A paragraph of (text, strong, emphasis) pieces.
    fn styled(pieces: &[(&str, bool, bool)]) -> String {
        let inlines = pieces
            .iter()
            .map(|&(text, strong, emphasis)| Inline::Text {
                text: text.to_string(),
                style: Style {
                    strong,
                    emphasis,
                    code: false,
                },
                span: Span::default(),
            })
            .collect();
        let paragraph = Paragraph {
            sentences: vec![Sentence {
                inlines,
                span: Span::default(),
            }],
            span: Span::default(),
        };
        let script = Script {
            sections: vec![Section {
                heading: None,
                role: SectionRole::Preamble,
                blocks: vec![Block::Paragraph(paragraph)],
                summary: None,
                span: Span::default(),
            }],
            ..Script::default()
        };
        markdown(&script, RubyStyle::Tags)
    }

    #[test]
    fn emphasis_uses_asterisks_where_they_work() {
        assert_eq!(md("私は**市民の声**です。"), "私は**市民の声**です。\n");
        assert_eq!(
            styled(&[
                ("私は", false, false),
                ("「答え」", true, false),
                ("です。", false, false)
            ]),
            "私は<strong>「答え」</strong>です。\n"
        );
        assert_eq!(
            styled(&[
                ("「", false, false),
                ("答え", true, false),
                ("」", false, false)
            ]),
            "「**答え**」\n"
        );
        assert_eq!(
            styled(&[
                ("太字", true, false),
                ("斜体", false, true),
                ("両方", true, true)
            ]),
            "**太字**<em>斜体</em>***両方***\n"
        );
        assert_eq!(
            styled(&[("前", false, false), (" 空白 ", true, false)]),
            "前<strong> 空白 </strong>\n"
        );
    }

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(md("\\# 見出しではない"), "\\# 見出しではない\n");
        assert_eq!(md("1\\. 番号ではない"), "1\\. 番号ではない\n");
        assert_eq!(
            md("a\\*b\\_c\\`d \\[e\\] &amp;amp; 5 &lt; 7 &lt;b&gt;"),
            "a\\*b\\_c\\`d \\[e\\] \\&amp; 5 < 7 \\<b>\n"
        );
        assert_eq!(md("<姿勢>と`a``b`"), "<姿勢>と```a``b```\n");
        assert_eq!(md("``` `` ```"), "``` `` ```\n");
    }

    #[test]
    fn blocks_are_normalised() {
        let source = "# 題\n\n## 節\n\n一行目\n二行目。  \n改行後。\n\n- あ\n- い\n\n+ う\n\n3) え\n\n> 引用。\n>\n> 二つ目。\n\n***\n\n#### 小\n";
        assert_eq!(
            md(source),
            "# 題\n\n## 節\n\n一行目\n二行目。\n改行後。\n\n- あ\n- い\n\n* う\n\n3. え\n\n> 引用。\n>\n> 二つ目。\n\n---\n\n#### 小\n"
        );
    }

    #[test]
    fn link_destinations_are_encoded() {
        assert_eq!(
            md("[市 *の* サイト](<https://example.jp/a b(c)>)"),
            "[市 *の* サイト](https://example.jp/a%20b%28c%29)\n"
        );
    }
}
