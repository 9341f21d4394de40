//! The reading script on paper: the copy the speaker keeps at the lectern.
//!
//! What is read aloud, as the prompter shows it: ruby over the kanji, large type, the cues as
//! small marks (間, 〔ゆっくり〕), speaker notes small or left out, the signature small, lines
//! for the room (`> [!spoken]`) as text, and every line break the writer typed. A4, page
//! numbers, 縦書き as an option. Unlike the published exports, it shows cues and notes: it
//! is the reader's own copy, never published.
//!
//! **Sections and pages.** The title and the first section open page 1. Each later `##`
//! section starts on a new page, unless it is short (by [`estimate`], at most a third of a
//! page): a short section follows on the same page and is kept whole (`break-inside: avoid`),
//! so it moves to the next page only when the rest of the page cannot hold it. A page is never
//! turned in the middle of a section that fits on one.
//!
//! **Page numbers.** The page itself numbers its pages with CSS margin boxes (`@page {
//! @bottom-center { content: counter(page) } }`), which Chromium prints from version 131 on
//! (Chrome, Edge, `chromium --print-to-pdf`): the page `podium print` writes. The app's print
//! frame lays the pages out itself instead (`ui/src/lib/print-pages.ts`, the `podium-paged`
//! rules here): each page a box of the page's content size with its number at its foot
//! ([`FOLIO_MM`]), so that every engine prints the numbers, WebKitGTK's (the Linux app)
//! included, and the preview shows the pages as printed. WebKitGTK ignores `@page` margins
//! and shrinks what it prints to the width of the sheet (GTK's page setup): there the
//! document is made wider than a page (`podium-sheet-fitted`) so that each page's box, shrunk,
//! fits one sheet, and a box grows rather than cuts a line its printer set differently.

use super::html::{self, heading_fonts, text_fonts};
use super::inline::has_content;
use super::sanitize::{sanitize_export, SIGNATURE_CLASS};
use super::RubyStyle;
use crate::script::DEFAULT_PAUSE_SECONDS;
use crate::script::{plain_text, Block, Cue, Inline, Paragraph, Script, Section};
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// The type size of the text, in points.
pub const PRINT_SIZE_PT: RangeInclusive<u32> = 14..=40;
/// Large enough to read at arm's length from a lectern.
pub const DEFAULT_PRINT_SIZE_PT: u32 = 22;

/// How the reading script is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PrintOptions {
    /// Type size in points, within [`PRINT_SIZE_PT`] (a size outside it is brought inside).
    pub size_pt: u32,
    /// 縦書き: columns from right to left, pages read from right to left.
    pub vertical: bool,
    /// Speaker notes (`> [!note]`) printed small; `false` (the default) leaves them out.
    pub notes: bool,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            size_pt: DEFAULT_PRINT_SIZE_PT,
            vertical: false,
            notes: false,
        }
    }
}

/// A4 and its margins, in millimetres: top, right, bottom (room for the page number), left.
pub(super) const PAGE_MM: (f64, f64) = (210.0, 297.0);
pub(super) const MARGIN_MM: [f64; 4] = [16.0, 18.0, 20.0, 18.0];
/// The foot of a page laid out by the app's print frame, its number in it, in millimetres.
pub(super) const FOLIO_MM: f64 = 9.0;
/// Line height of the text, in ems: room for the ruby above (beside, in 縦書き) a line.
pub(super) const LINE_HEIGHT: f64 = 2.0;
/// What fraction of a page a section may fill and still share the page with the one before.
const SHORT_SECTION: f64 = 1.0 / 3.0;
/// Size of notes and the signature against the text.
pub(super) const SMALL: f64 = 0.6;
const MM_PER_PT: f64 = 25.4 / 72.0;

/// The reading script as a complete, printable HTML page (sanitised, strict CSP, no remote
/// content). Never fails.
pub(super) fn print_document(script: &Script, options: &PrintOptions) -> String {
    let options = within_range(options);
    let mut out = String::new();
    if let Some(title) = &script.title {
        html::heading(&mut out, title, 1, RubyStyle::Tags);
    }
    for (section, placement) in placements(script, &options) {
        let class = match placement {
            Placement::First => "",
            Placement::SharesPage => " podium-shares-page",
            Placement::NewPage => " podium-new-page",
        };
        out.push_str(&format!("<div class=\"podium-section{class}\">\n"));
        section_html(&mut out, section, &options);
        out.push_str("</div>\n");
    }
    if options.vertical {
        out = upright_digits(&out);
    }
    let class = if options.vertical {
        "podium-print podium-vertical"
    } else {
        "podium-print"
    };
    html::page(script, class, &stylesheet(&options), &sanitize_export(&out))
}

/// The options with the type size brought within [`PRINT_SIZE_PT`].
pub(super) fn within_range(options: &PrintOptions) -> PrintOptions {
    PrintOptions {
        size_pt: options
            .size_pt
            .clamp(*PRINT_SIZE_PT.start(), *PRINT_SIZE_PT.end()),
        ..*options
    }
}

/// Where a section of the reading script starts on paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Placement {
    /// The first section printed: on page 1, after the title.
    First,
    /// Short (a third of a page at most): follows on the same page, kept whole.
    SharesPage,
    NewPage,
}

/// The sections the reading script prints, each with where it starts (the same for the
/// printed page and the Word document).
pub(super) fn placements<'a>(
    script: &'a Script,
    options: &PrintOptions,
) -> Vec<(&'a Section, Placement)> {
    let page = Page::of(options);
    let mut first = true;
    let mut out = Vec::new();
    for section in &script.sections {
        if !shows_anything(section, options) {
            continue;
        }
        let placement = if first {
            Placement::First
        } else if estimate(section, options, &page) <= page.lines * SHORT_SECTION {
            Placement::SharesPage
        } else {
            Placement::NewPage
        };
        first = false;
        out.push((section, placement));
    }
    out
}

fn section_html(out: &mut String, section: &Section, options: &PrintOptions) {
    if let Some(h) = &section.heading {
        html::heading(out, h, 2, RubyStyle::Tags);
    }
    for block in &section.blocks {
        match block {
            Block::Paragraph(p) => read_paragraph(out, p),
            Block::Heading(h) => html::heading(out, h, h.level.clamp(3, 4), RubyStyle::Tags),
            Block::List(list) => html::list(out, list, read_inlines),
            Block::Quote(quote) => {
                out.push_str("<blockquote>\n");
                quote.paragraphs.iter().for_each(|p| read_paragraph(out, p));
                out.push_str("</blockquote>\n");
            }
            // Read aloud: printed as the text around it.
            Block::Spoken(lines) => lines.paragraphs.iter().for_each(|p| read_paragraph(out, p)),
            Block::Note(note) if options.notes => aside(out, "podium-note", &note.paragraphs),
            Block::Signature(sign) => aside(out, SIGNATURE_CLASS, &sign.paragraphs),
            Block::Rule(_) => out.push_str("<hr>\n"),
            Block::Note(_) => {}
        }
    }
}

fn aside(out: &mut String, class: &str, paragraphs: &[Paragraph]) {
    out.push_str(&format!("<div class=\"{class}\">\n"));
    paragraphs.iter().for_each(|p| read_paragraph(out, p));
    out.push_str("</div>\n");
}

/// Whether a section prints anything (the text before the first `##` is often empty).
fn shows_anything(section: &Section, options: &PrintOptions) -> bool {
    section.heading.is_some()
        || section.blocks.iter().any(|block| match block {
            Block::Note(_) => options.notes,
            _ => true,
        })
}

/// A paragraph with its cues; one of cues only (`[[間]]` on a line of its own) prints too.
fn read_paragraph(out: &mut String, paragraph: &Paragraph) {
    let cued = paragraph
        .inlines()
        .any(|inline| matches!(inline, Inline::Cue { .. }));
    if cued || has_content(paragraph.inlines()) {
        out.push_str("<p>");
        read_inlines(out, paragraph);
        out.push_str("</p>\n");
    }
}

/// The paragraph's text as [`html::inlines`] writes it, with each cue as a mark between.
fn read_inlines(out: &mut String, paragraph: &Paragraph) {
    let mut run: Vec<&Inline> = Vec::new();
    for inline in paragraph.inlines() {
        match inline {
            Inline::Cue { cue, .. } => {
                html::inlines(out, run.drain(..), RubyStyle::Tags);
                cue_mark(out, cue);
            }
            other => run.push(other),
        }
    }
    html::inlines(out, run, RubyStyle::Tags);
}

/// 間 (with its seconds when not the default) in a box; a direction in 〔〕.
fn cue_mark(out: &mut String, cue: &Cue) {
    let class = match cue {
        Cue::Pause { .. } => "podium-cue podium-pause",
        Cue::Direction { .. } => "podium-cue",
    };
    out.push_str(&format!("<span class=\"{class}\">"));
    html::content(out, &cue_text(cue));
    out.push_str("</span>");
}

/// A cue as the reading script shows it: 間 (間 3秒 when not the default), 〔ゆっくり〕.
pub(super) fn cue_text(cue: &Cue) -> String {
    match cue {
        Cue::Pause { seconds } if (seconds - DEFAULT_PAUSE_SECONDS).abs() > f64::EPSILON => {
            format!("間 {seconds}秒")
        }
        Cue::Pause { .. } => "間".to_string(),
        Cue::Direction { text } => format!("〔{text}〕"),
    }
}

/// The lines (columns, in 縦書き) of a page and the characters of a line, at a type size.
struct Page {
    lines: f64,
    chars: f64,
}

impl Page {
    fn of(options: &PrintOptions) -> Self {
        let width = PAGE_MM.0 - MARGIN_MM[1] - MARGIN_MM[3];
        let height = PAGE_MM.1 - MARGIN_MM[0] - MARGIN_MM[2];
        let (along, across) = match options.vertical {
            true => (height, width),
            false => (width, height),
        };
        let em = f64::from(options.size_pt) * MM_PER_PT;
        Page {
            lines: (across / (em * LINE_HEIGHT)).floor(),
            chars: (along / em).floor().max(1.0),
        }
    }
}

/// How many lines of a page a section takes, about: its heading, each line the writer typed
/// wrapped at the page's width, a half line between paragraphs; notes and the signature at
/// their smaller size. Characters are counted as full-width (half-width ones take less).
fn estimate(section: &Section, options: &PrintOptions, page: &Page) -> f64 {
    let lines = |paragraphs: &[Paragraph], scale: f64| -> f64 {
        paragraphs
            .iter()
            .map(|p| {
                let inlines: Vec<Inline> = p.inlines().cloned().collect();
                let text = plain_text(&inlines);
                let typed: f64 = text
                    .split('\n')
                    .map(|line| {
                        (line.chars().count() as f64 * scale / page.chars)
                            .ceil()
                            .max(1.0)
                    })
                    .sum();
                typed * scale + 0.5
            })
            .sum()
    };
    let mut total = if section.heading.is_some() { 2.0 } else { 0.0 };
    for block in &section.blocks {
        total += match block {
            Block::Paragraph(p) => lines(std::slice::from_ref(p), 1.0),
            Block::Heading(_) => 1.5,
            Block::List(list) => lines(&list.items, 1.0),
            Block::Quote(q) => lines(&q.paragraphs, 1.0),
            Block::Spoken(a) => lines(&a.paragraphs, 1.0),
            Block::Note(a) if options.notes => lines(&a.paragraphs, SMALL),
            Block::Signature(a) => lines(&a.paragraphs, SMALL) + 1.0,
            Block::Note(_) => 0.0,
            Block::Rule(_) => 1.0,
        };
    }
    total
}

/// 縦書き: half-width digits stand upright, one or two in one square (縦中横), longer numbers a
/// digit a square — as the prompter sets them (`ui/src/prompter/vertical.ts`). Runs on the
/// HTML before it is sanitised, in which every `<` of text is a placeholder: a `<` is a tag.
fn upright_digits(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut in_tag = false;
    let mut digits = String::new();
    let flush = |out: &mut String, digits: &mut String| {
        if !digits.is_empty() {
            let class = if digits.len() <= 2 {
                "podium-tcy"
            } else {
                "podium-upright"
            };
            out.push_str(&format!("<span class=\"{class}\">{digits}</span>"));
            digits.clear();
        }
    };
    for c in html.chars() {
        if !in_tag && c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        flush(&mut out, &mut digits);
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ => {}
        }
        out.push(c);
    }
    flush(&mut out, &mut digits);
    out
}

fn stylesheet(options: &PrintOptions) -> String {
    let [top, right, bottom, left] = MARGIN_MM;
    let size = options.size_pt;
    let page_inline = match options.vertical {
        true => PAGE_MM.1 - top - bottom,
        false => PAGE_MM.0 - left - right,
    };
    // A page laid out by the app's print frame: the page's content box, less a millimetre so
    // that rounding never spills a page onto the next.
    let (page_width, page_height) = (PAGE_MM.0 - left - right, PAGE_MM.1 - top - bottom - 1.0);
    // An engine that prints no `@page` margins (WebKitGTK) lays the page out at the sheet's
    // printable width and shrinks the document to fit it: a document this wide (the page and
    // room on each side) shrinks so much that a page's height fits the sheet's whatever its
    // margins, and a page whose lines the printer set a little wider grows instead of cutting.
    let fitted_width = PAGE_MM.0 - 2.0 * 9.0;
    // The app's preview shows the pages at half their size (scaled, not zoomed: laid out as
    // printed), half a sheet's height taken back after each.
    let half_sheet = (page_height + top + bottom) / 2.0;
    format!(
        "\
@page {{ size: A4; margin: {top}mm {right}mm {bottom}mm {left}mm;
  @bottom-center {{ content: counter(page) \" / \" counter(pages);
    font-family: {headings}; font-size: 10pt; color: #444; writing-mode: horizontal-tb; }} }}
html {{ font-family: {text}; font-size: {size}pt; line-height: {LINE_HEIGHT};
  color: #000; background: #fff; line-break: strict; overflow-wrap: anywhere; }}
html.podium-vertical {{ writing-mode: vertical-rl; }}
body {{ margin: 0; }}
h1, h2, h3, h4 {{ font-family: {headings}; line-height: 1.6; break-after: avoid; }}
h1 {{ font-size: 1.15em; margin: 0 0 0.8em; }}
h2 {{ font-size: 1.05em; margin: 0 0 0.5em; }}
h3, h4 {{ font-size: 1em; margin: 0 0 0.4em; }}
p {{ margin: 0 0 0.5em; orphans: 2; widows: 2; }}
rt {{ font-size: 0.45em; }}
ul, ol {{ margin: 0 0 0.5em; padding-inline-start: 1.5em; }}
blockquote {{ margin: 0 0 0.5em; padding-inline-start: 1em; border-inline-start: 2px solid #999; }}
hr {{ border: 0; border-block-start: 1px solid #999; margin-block: 0.5em; }}
.podium-new-page {{ break-before: page; }}
.podium-shares-page {{ break-inside: avoid; margin-block-start: 1.5em; }}
.podium-cue {{ font-family: {headings}; font-size: 0.5em; color: #555;
  vertical-align: middle; white-space: nowrap; margin-inline: 0.3em; }}
.podium-pause {{ border: 1px solid #555; border-radius: 0.2em; padding: 0.05em 0.3em; }}
.podium-vertical .podium-cue {{ vertical-align: baseline; }}
.podium-note {{ font-size: {SMALL}em; line-height: 1.7; color: #444; margin: 0 0 0.8em;
  padding-inline-start: 0.8em; border-inline-start: 2px solid #888; }}
.podium-note::before {{ content: \"メモ\"; font-family: {headings}; font-weight: bold;
  margin-inline-end: 0.8em; }}
.{SIGNATURE_CLASS} {{ font-size: {SMALL}em; line-height: 1.7; text-align: end;
  margin-block-start: 1.5em; color: #333; }}
.podium-tcy {{ text-combine-upright: all; -webkit-text-combine: horizontal; }}
.podium-upright {{ text-orientation: upright; }}
html.podium-paged {{ writing-mode: horizontal-tb; }}
.podium-paged body {{ margin: 0; padding: 0; inline-size: auto; background: none; }}
.podium-page {{ display: flex; flex-direction: column; box-sizing: border-box;
  width: {page_width}mm; height: {page_height}mm; break-after: page; }}
.podium-page:last-child {{ break-after: auto; }}
.podium-page-text {{ flex: 1; min-height: 0; }}
.podium-vertical .podium-page-text {{ writing-mode: vertical-rl; }}
.podium-page-text > :first-child, .podium-page-text > :first-child > :first-child,
.podium-continued {{ margin-block-start: 0; }}
li.podium-continued {{ list-style-type: none; }}
.podium-folio {{ flex: none; height: {FOLIO_MM}mm; display: flex; align-items: flex-end;
  justify-content: center; font-family: {headings}; font-size: 10pt; line-height: 1;
  color: #444; }}
@media print {{
  html.podium-sheet-fitted body {{ width: {fitted_width}mm; }}
  html.podium-sheet-fitted .podium-page {{ height: auto; min-height: {page_height}mm;
    margin-inline: auto; }}
}}
@media screen {{
  html.podium-paged {{ background: #e8e8e8; padding-block: 1em; }}
  .podium-paged .podium-page {{ box-sizing: content-box; background: #fff; margin: 0 auto 1em;
    padding: {top}mm {right}mm {bottom}mm {left}mm; }}
  .podium-paged .podium-new-page {{ border: 0; margin-block-start: 0; padding: 0; }}
  .podium-paged.podium-preview .podium-page {{ transform: scale(0.5);
    transform-origin: top center; margin-block-end: calc(0.5em - {half_sheet}mm); }}
}}
@media screen {{
  html {{ background: #e8e8e8; }}
  body {{ background: #fff; box-sizing: content-box; inline-size: {page_inline}mm;
    margin: 1em auto; padding: {top}mm {right}mm {bottom}mm {left}mm; }}
  .podium-new-page {{ border-block-start: 1px dashed #999; margin-block-start: 1.5em;
    padding-block-start: 1em; }}
}}
",
        text = text_fonts!(),
        headings = heading_fonts!(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::parse;

    #[test]
    fn digits_stand_upright_outside_tags() {
        assert_eq!(
            upright_digits("<ol start=\"3\"><li>令和9年12月2025</li></ol>"),
            "<ol start=\"3\"><li>令和<span class=\"podium-tcy\">9</span>年\
             <span class=\"podium-tcy\">12</span>月<span class=\"podium-upright\">2025</span></li></ol>"
        );
    }

    #[test]
    fn a_page_holds_fewer_lines_in_larger_type() {
        let small = Page::of(&PrintOptions {
            size_pt: 14,
            ..PrintOptions::default()
        });
        let large = Page::of(&PrintOptions::default());
        assert!(small.lines > large.lines && small.chars > large.chars);
        // 22pt: 174 mm of 7.76 mm characters, 261 mm of 15.5 mm lines.
        assert_eq!((large.chars, large.lines), (22.0, 16.0));
    }

    #[test]
    fn size_is_brought_within_its_range() {
        let script = parse("本文。");
        let huge = print_document(
            &script,
            &PrintOptions {
                size_pt: 400,
                ..PrintOptions::default()
            },
        );
        assert!(huge.contains("font-size: 40pt"));
    }
}
