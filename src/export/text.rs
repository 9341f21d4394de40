//! Plain text for pasting into any editor: no markup at all, one line per paragraph, a blank
//! line between blocks, list items after ・ or their number.

use super::inline::{has_content, visible};
use super::RubyStyle;
use crate::script::{plain_text, Aside, Block, Heading, Inline, Quote, Script};

/// The section break written for `---`.
const RULE: &str = "＊　＊　＊";

pub(super) fn text(script: &Script, ruby: RubyStyle) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let heading = |blocks: &mut Vec<String>, heading: &Heading| {
        if has_content(&heading.inlines) {
            blocks.push(line(&heading.inlines, ruby).replace('\n', " "));
        }
    };
    if let Some(title) = &script.title {
        heading(&mut blocks, title);
    }
    for section in &script.sections {
        if let Some(h) = &section.heading {
            heading(&mut blocks, h);
        }
        for block in &section.blocks {
            match block {
                Block::Paragraph(p) if has_content(p.inlines()) => {
                    blocks.push(line(p.inlines(), ruby));
                }
                Block::Heading(h) => heading(&mut blocks, h),
                Block::List(list) => {
                    let items = list.items.iter().filter(|p| has_content(p.inlines()));
                    let lines: Vec<String> = (list.start..)
                        .zip(items)
                        .map(|(number, item)| {
                            let marker = if list.ordered {
                                format!("{number}. ")
                            } else {
                                "・".to_string()
                            };
                            marker + &line(item.inlines(), ruby)
                        })
                        .collect();
                    if !lines.is_empty() {
                        blocks.push(lines.join("\n"));
                    }
                }
                Block::Quote(Quote { paragraphs, .. })
                | Block::Signature(Aside { paragraphs, .. }) => blocks.extend(
                    paragraphs
                        .iter()
                        .filter(|p| has_content(p.inlines()))
                        .map(|p| line(p.inlines(), ruby)),
                ),
                Block::Rule(_) => blocks.push(RULE.to_string()),
                Block::Paragraph(_) | Block::Note(_) | Block::Spoken(_) => {}
            }
        }
    }
    if blocks.is_empty() {
        return String::new();
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    // Cleaned as a whole, so that nothing split over two inlines slips through.
    visible(&out).into_owned()
}

/// A paragraph as one line (hard breaks kept), trimmed.
fn line<'a>(inlines: impl IntoIterator<Item = &'a Inline>, ruby: RubyStyle) -> String {
    let mut out = String::new();
    for inline in inlines {
        write_inline(&mut out, inline, ruby);
    }
    out.trim_matches(['\n', ' ']).to_string()
}

fn write_inline(out: &mut String, inline: &Inline, ruby: RubyStyle) {
    match inline {
        Inline::Text { text, .. } => out.push_str(text),
        Inline::Ruby { base, reading, .. } => {
            out.push_str(base);
            if ruby != RubyStyle::Base {
                out.push_str(&format!("（{reading}）"));
            }
        }
        Inline::Link { inlines, url, .. } => {
            for inline in inlines {
                write_inline(out, inline, ruby);
            }
            // The address would be lost otherwise; not repeated when it is the text.
            let shown = url.strip_prefix("mailto:").unwrap_or(url);
            if plain_text(inlines).trim() != shown {
                out.push_str(&format!("（{shown}）"));
            }
        }
        Inline::Break { .. } => out.push('\n'),
        Inline::Cue { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::parse;

    #[test]
    fn no_markup_survives() {
        let source = "# 題\n\n## ① 柱\n\n**太字**と`code`と{漢字|かんじ}。[[間]]\n\n\
                      - 一\n- 二\n\n3. 三\n\n> 引用。\n\n---\n\n[市](https://example.jp)と<https://example.jp>。\n";
        assert_eq!(
            text(&parse(source), RubyStyle::Paren),
            "題\n\n① 柱\n\n太字とcodeと漢字（かんじ）。\n\n・一\n・二\n\n3. 三\n\n引用。\n\n＊　＊　＊\n\n\
             市（https://example.jp）とhttps://example.jp。\n"
        );
    }

    #[test]
    fn hard_breaks_stay_line_breaks() {
        assert_eq!(
            text(&parse("一行目\\\n二行目"), RubyStyle::Base),
            "一行目\n二行目\n"
        );
    }
}
