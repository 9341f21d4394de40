//! Ruby in brackets where a word first appears only (`漢字（かんじ）`, then `漢字`): how a blog
//! post or a web page glosses a reading once. The script is copied with every later ruby of the
//! same word and reading turned into its base as text, in reading order — the title, headings,
//! the 要旨 lines and the text — and exported with brackets.

use crate::script::{Block, Inline, Script};
use std::collections::HashSet;

/// `script` with only the first ruby of each word and reading kept.
pub(super) fn first_ruby_only(script: &Script) -> Script {
    let mut script = script.clone();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    let mut once = |inlines: &mut Vec<Inline>| keep_first(inlines, &mut seen);
    if let Some(title) = &mut script.title {
        once(&mut title.inlines);
    }
    for section in &mut script.sections {
        if let Some(heading) = &mut section.heading {
            once(&mut heading.inlines);
        }
        if let Some(summary) = &mut section.summary {
            once(summary);
        }
        for block in &mut section.blocks {
            let paragraphs = match block {
                Block::Paragraph(p) => std::slice::from_mut(p),
                Block::List(list) => &mut list.items,
                Block::Quote(quote) => &mut quote.paragraphs,
                Block::Note(aside) | Block::Signature(aside) | Block::Spoken(aside) => {
                    &mut aside.paragraphs
                }
                Block::Heading(heading) => {
                    once(&mut heading.inlines);
                    continue;
                }
                Block::Rule(_) => continue,
            };
            for sentence in paragraphs.iter_mut().flat_map(|p| &mut p.sentences) {
                once(&mut sentence.inlines);
            }
        }
    }
    script
}

fn keep_first(inlines: &mut [Inline], seen: &mut HashSet<(String, String)>) {
    for inline in inlines {
        match inline {
            Inline::Ruby {
                base,
                reading,
                style,
                span,
            } => {
                if !seen.insert((base.to_string(), reading.to_string())) {
                    *inline = Inline::Text {
                        text: std::mem::take(base).into_string(),
                        style: *style,
                        span: span.clone(),
                    };
                }
            }
            Inline::Link { inlines, .. } => keep_first(inlines, seen),
            Inline::Text { .. } | Inline::Cue { .. } | Inline::Break { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::export::{export, ExportOptions, ExportProfile, RubyStyle};
    use crate::script::parse;

    #[test]
    fn a_reading_is_glossed_where_the_word_first_appears() {
        let script = parse(
            "# {邁進|まいしん}の年\n\n本日は{邁進|まいしん}の日。再び{邁進|まいしん}し、{矜持|きょうじ}を持つ。\n",
        );
        let text = export(
            &script,
            &ExportOptions {
                ruby: RubyStyle::ParenFirst,
                ..ExportOptions::new(ExportProfile::Text)
            },
        );
        assert_eq!(
            text,
            "邁進（まいしん）の年\n\n本日は邁進の日。再び邁進し、矜持（きょうじ）を持つ。\n"
        );
    }
}
