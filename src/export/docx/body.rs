//! `word/document.xml`: the draft's paragraphs as Word paragraphs.
//!
//! | draft                          | Word                                               |
//! |--------------------------------|----------------------------------------------------|
//! | `{漢字|かんじ}`                 | ruby (`w:ruby`: `w:rubyPr` with the sizes and `ja-JP`, `w:rt`, `w:rubyBase`) |
//! | a line break the writer typed  | a soft return (`w:br`)                              |
//! | `**strong**`, `*emphasis*`     | bold; 傍点 (`w:em` dot)                            |
//! | a link                         | a hyperlink (its address in the part's relationships) |
//! | a list item                    | a paragraph starting with its number (`1. `) or `・` |
//! | `---`                          | an empty paragraph with a rule under it            |
//! | a cue (reading script only)    | a small mark: 間 in a box, 〔ゆっくり〕              |
//! | 縦書き digits (reading script) | upright: one or two in one square (縦中横, `w:eastAsianLayout w:vert`), longer numbers in full-width digits, a digit a square |
//!
//! The reading script places its sections as the printed page does (`print::placements`):
//! a new page (`w:pageBreakBefore`), or a short section kept whole on the page before
//! (`w:keepNext` and `w:keepLines`).

use super::styles::{self, code_fonts, fonts, Look, HEADING_FONT};
use super::xml::{self, R, W};
use crate::export::inline::{has_content, visible};
use crate::export::print::{self, Placement};
use crate::export::PrintOptions;
use crate::script::{Aside, Block, Cue, Heading, Inline, List, Paragraph, Script, Section, Style};

/// The document's XML and the addresses of its links, in the order of their `r:id`s
/// (`rIdLink1` …).
pub(super) fn document(
    script: &Script,
    look: &Look,
    reading: Option<&PrintOptions>,
    footer: &str,
) -> (String, Vec<String>) {
    let mut body = Body {
        look,
        reading,
        links: Vec::new(),
        layouts: 0,
    };
    let mut paragraphs = Vec::new();
    if let Some(title) = &script.title {
        body.heading(&mut paragraphs, title, "Title", look.title);
    }
    match reading {
        Some(options) => {
            for (section, placement) in print::placements(script, options) {
                let first = paragraphs.len();
                body.section(&mut paragraphs, section);
                place(&mut paragraphs[first..], placement, look);
            }
        }
        None => {
            for section in &script.sections {
                body.section(&mut paragraphs, section);
            }
        }
    }
    let mut out = String::from(xml::DECLARATION);
    out.push_str(&format!(
        "<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>"
    ));
    for paragraph in &paragraphs {
        paragraph.write(&mut out);
    }
    out.push_str(&look.page(footer));
    out.push_str("</w:body></w:document>");
    (out, body.links)
}

/// A section's paragraphs on paper: on a new page, or kept together after the one before.
fn place(paragraphs: &mut [Para], placement: Placement, look: &Look) {
    let count = paragraphs.len();
    match placement {
        Placement::First => {}
        Placement::NewPage => {
            if let Some(first) = paragraphs.first_mut() {
                first.page_break = true;
            }
        }
        Placement::SharesPage => {
            for (at, paragraph) in paragraphs.iter_mut().enumerate() {
                paragraph.keep_lines = true;
                paragraph.keep_next |= at + 1 < count;
            }
            if let Some(first) = paragraphs.first_mut() {
                first.before = Some(look.twips(1.5));
            }
        }
    }
}

/// A paragraph to write: its properties and its runs.
#[derive(Default)]
struct Para {
    style: Option<&'static str>,
    keep_next: bool,
    keep_lines: bool,
    page_break: bool,
    /// Space before, in twips.
    before: Option<u32>,
    /// `---`: a rule under an empty paragraph.
    rule: bool,
    runs: String,
}

impl Para {
    fn styled(style: &'static str) -> Self {
        Para {
            style: Some(style),
            ..Para::default()
        }
    }

    fn write(&self, out: &mut String) {
        let mut properties = String::new();
        if let Some(style) = self.style {
            properties.push_str(&format!("<w:pStyle w:val=\"{style}\"/>"));
        }
        for (on, element) in [
            (self.keep_next, "<w:keepNext/>"),
            (self.keep_lines, "<w:keepLines/>"),
            (self.page_break, "<w:pageBreakBefore/>"),
            (
                self.rule,
                "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"999999\"/></w:pBdr>",
            ),
        ] {
            if on {
                properties.push_str(element);
            }
        }
        if let Some(before) = self.before {
            properties.push_str(&format!("<w:spacing w:before=\"{before}\"/>"));
        }
        out.push_str("<w:p>");
        if !properties.is_empty() {
            out.push_str(&format!("<w:pPr>{properties}</w:pPr>"));
        }
        out.push_str(&self.runs);
        out.push_str("</w:p>");
    }
}

struct Body<'a> {
    look: &'a Look,
    /// The reading script's options; `None` for the published text.
    reading: Option<&'a PrintOptions>,
    links: Vec<String>,
    /// `w:id`s given to 縦中横 runs (each its own square).
    layouts: u32,
}

impl Body<'_> {
    fn section(&mut self, out: &mut Vec<Para>, section: &Section) {
        if let Some(heading) = &section.heading {
            self.heading(out, heading, "Heading2", self.look.section);
        }
        let notes = self.reading.is_some_and(|options| options.notes);
        let reading = self.reading.is_some();
        for block in &section.blocks {
            match block {
                Block::Paragraph(p) => self.paragraph(out, p, None),
                Block::Heading(h) => {
                    let style = if h.level <= 3 { "Heading3" } else { "Heading4" };
                    self.heading(out, h, style, self.look.sub);
                }
                Block::List(list) => self.list(out, list),
                Block::Quote(quote) => {
                    for p in &quote.paragraphs {
                        self.paragraph(out, p, Some("Quote"));
                    }
                }
                // Read aloud, never published: the reading script prints it as text.
                Block::Spoken(lines) if reading => {
                    for p in &lines.paragraphs {
                        self.paragraph(out, p, None);
                    }
                }
                Block::Note(note) if notes => self.note(out, note),
                Block::Signature(sign) => {
                    let first = out.len();
                    for p in &sign.paragraphs {
                        self.paragraph(out, p, Some("Signature"));
                    }
                    if let Some(paragraph) = out.get_mut(first) {
                        paragraph.before = Some(self.look.twips(1.5));
                    }
                }
                Block::Rule(_) => out.push(Para {
                    rule: true,
                    ..Para::default()
                }),
                Block::Note(_) | Block::Spoken(_) => {}
            }
        }
    }

    fn heading(&mut self, out: &mut Vec<Para>, heading: &Heading, style: &'static str, size: u32) {
        if has_content(&heading.inlines) {
            let mut paragraph = Para::styled(style);
            // As printed: a heading shows no cue.
            let text = heading
                .inlines
                .iter()
                .filter(|inline| !matches!(inline, Inline::Cue { .. }));
            self.inlines(&mut paragraph.runs, text, size, false);
            out.push(paragraph);
        }
    }

    /// A paragraph with content; in the reading script, also one of cues only.
    fn paragraph(
        &mut self,
        out: &mut Vec<Para>,
        paragraph: &Paragraph,
        style: Option<&'static str>,
    ) {
        let cued = self.reading.is_some()
            && paragraph
                .inlines()
                .any(|inline| matches!(inline, Inline::Cue { .. }));
        if cued || has_content(paragraph.inlines()) {
            let mut written = Para {
                style,
                ..Para::default()
            };
            let size = match style {
                Some("Signature") if self.look.small_signature => self.look.small,
                _ => self.look.text,
            };
            self.inlines(&mut written.runs, paragraph.inlines(), size, false);
            out.push(written);
        }
    }

    fn list(&mut self, out: &mut Vec<Para>, list: &List) {
        let items = list.items.iter().filter(|p| has_content(p.inlines()));
        for (number, item) in (list.start..).zip(items) {
            let mut paragraph = Para::styled("List");
            let marker = match list.ordered {
                true => format!("{number}. "),
                false => "・".to_string(),
            };
            run(&mut paragraph.runs, "", &marker);
            self.inlines(&mut paragraph.runs, item.inlines(), self.look.text, false);
            out.push(paragraph);
        }
    }

    /// A speaker note, small, its first paragraph after 「メモ」.
    fn note(&mut self, out: &mut Vec<Para>, note: &Aside) {
        for (at, p) in note.paragraphs.iter().enumerate() {
            let mut paragraph = Para::styled("Note");
            if at == 0 {
                let label = format!("{}<w:b/><w:bCs/>", fonts(HEADING_FONT));
                run(&mut paragraph.runs, &label, "メモ　");
            }
            self.inlines(&mut paragraph.runs, p.inlines(), self.look.small, false);
            out.push(paragraph);
        }
    }

    /// Runs of text, ruby, links and breaks; cues as marks in the reading script. `size`:
    /// the paragraph's type size in half-points (ruby is set from it).
    fn inlines<'i>(
        &mut self,
        out: &mut String,
        inlines: impl IntoIterator<Item = &'i Inline>,
        size: u32,
        link: bool,
    ) {
        for inline in inlines {
            match inline {
                Inline::Text { text, style, .. } => self.text(out, text, style, link),
                Inline::Ruby {
                    base,
                    reading,
                    style,
                    ..
                } => self.ruby(out, base, reading, style, size, link),
                Inline::Link { inlines, url, .. } => {
                    self.links.push(url.to_string());
                    out.push_str(&format!(
                        "<w:hyperlink r:id=\"rIdLink{}\" w:history=\"1\">",
                        self.links.len()
                    ));
                    self.inlines(out, inlines, size, true);
                    out.push_str("</w:hyperlink>");
                }
                Inline::Break { .. } => out.push_str("<w:r><w:br/></w:r>"),
                Inline::Cue { cue, .. } if self.reading.is_some() => {
                    let style = match cue {
                        Cue::Pause { .. } => "Pause",
                        Cue::Direction { .. } => "Cue",
                    };
                    let properties = format!("<w:rStyle w:val=\"{style}\"/>");
                    run(out, &properties, &print::cue_text(cue));
                }
                Inline::Cue { .. } => {}
            }
        }
    }

    /// Text; in 縦書き, its digits upright (縦中横).
    fn text(&mut self, out: &mut String, text: &str, style: &Style, link: bool) {
        let properties = run_properties(style, link);
        if !self.reading.is_some_and(|options| options.vertical) {
            run(out, &properties, text);
            return;
        }
        for (piece, digits) in digit_runs(text) {
            if !digits {
                run(out, &properties, piece);
                continue;
            }
            if piece.len() > 2 {
                // A longer number, a digit a square: full-width digits stand upright by
                // themselves (a 縦中横 a digit runs together in LibreOffice).
                let upright: String = piece
                    .chars()
                    .filter_map(|c| c.to_digit(10))
                    .filter_map(|digit| char::from_u32('０' as u32 + digit))
                    .collect();
                run(out, &properties, &upright);
                continue;
            }
            // One or two digits share a square (縦中横).
            self.layouts += 1;
            let square = format!(
                "{properties}<w:eastAsianLayout w:id=\"{}\" w:vert=\"1\"/>",
                self.layouts
            );
            run(out, &square, piece);
        }
    }

    fn ruby(
        &mut self,
        out: &mut String,
        base: &str,
        reading: &str,
        style: &Style,
        size: u32,
        link: bool,
    ) {
        let properties = run_properties(style, link);
        if visible(reading).trim().is_empty() {
            run(out, &properties, base);
            return;
        }
        let (hps, raise) = Look::ruby(size);
        out.push_str(&format!(
            "<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val=\"distributeSpace\"/>\
             <w:hps w:val=\"{hps}\"/><w:hpsRaise w:val=\"{raise}\"/>\
             <w:hpsBaseText w:val=\"{size}\"/><w:lid w:val=\"ja-JP\"/></w:rubyPr><w:rt>"
        ));
        run(
            out,
            &format!("{}{}", run_properties(style, false), styles::size(hps)),
            reading,
        );
        out.push_str("</w:rt><w:rubyBase>");
        run(out, &properties, base);
        out.push_str("</w:rubyBase></w:ruby></w:r>");
    }
}

/// A run's properties for a text style, in the schema's order (`w:rStyle`, `w:rFonts`, `w:b`,
/// … `w:em`); what follows them (`w:sz`, `w:eastAsianLayout`) is appended by the caller in
/// that order too.
fn run_properties(style: &Style, link: bool) -> String {
    let mut out = String::new();
    if link {
        out.push_str("<w:rStyle w:val=\"Hyperlink\"/>");
    }
    if style.code {
        out.push_str(&code_fonts());
    }
    if style.strong {
        out.push_str("<w:b/><w:bCs/>");
    }
    if style.emphasis {
        out.push_str("<w:em w:val=\"dot\"/>");
    }
    out
}

/// One run of text: tabs as `w:tab`, newlines as `w:br`.
fn run(out: &mut String, properties: &str, text: &str) {
    if text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    if !properties.is_empty() {
        out.push_str(&format!("<w:rPr>{properties}</w:rPr>"));
    }
    let mut pieces = text.split(['\t', '\n']).peekable();
    let mut rest = text;
    while let Some(piece) = pieces.next() {
        if !piece.is_empty() {
            out.push_str("<w:t xml:space=\"preserve\">");
            xml::text(out, piece);
            out.push_str("</w:t>");
        }
        rest = &rest[piece.len()..];
        if pieces.peek().is_some() {
            out.push_str(if rest.starts_with('\t') {
                "<w:tab/>"
            } else {
                "<w:br/>"
            });
            rest = &rest[1..];
        }
    }
    out.push_str("</w:r>");
}

/// Text cut into runs of ASCII digits (`true`) and the rest.
fn digit_runs(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut digits = false;
    for (at, c) in text.char_indices() {
        if c.is_ascii_digit() != digits && at > start {
            out.push((&text[start..at], digits));
            start = at;
        }
        digits = c.is_ascii_digit();
    }
    if start < text.len() {
        out.push((&text[start..], digits));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_cut_from_text() {
        assert_eq!(
            digit_runs("令和9年12月2025"),
            [
                ("令和", false),
                ("9", true),
                ("年", false),
                ("12", true),
                ("月", false),
                ("2025", true)
            ]
        );
        assert_eq!(digit_runs(""), []);
    }

    #[test]
    fn tabs_and_newlines_in_text_become_word_elements() {
        let mut out = String::new();
        run(&mut out, "", "a\tb\nc<");
        assert_eq!(
            out,
            "<w:r><w:t xml:space=\"preserve\">a</w:t><w:tab/><w:t xml:space=\"preserve\">b</w:t>\
             <w:br/><w:t xml:space=\"preserve\">c&lt;</w:t></w:r>"
        );
    }
}
