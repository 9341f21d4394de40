//! How each of the two Word documents looks: its type sizes, page and styles
//! (`word/styles.xml`), and the fonts it names (`word/fontTable.xml`).
//!
//! | style (`w:styleId`) | used for                               | importer reads it as |
//! |---------------------|----------------------------------------|----------------------|
//! | `Title`             | the `#` title                          | `# `                 |
//! | `Heading2`          | a `##` section's heading               | `## `                |
//! | `Heading3`, `Heading4` | `###`, `####`                       | `### `               |
//! | `Normal`            | paragraphs                             | paragraphs           |
//! | `Quote`, `List`     | block quotes; list items (their number written as text) | paragraphs |
//! | `Signature`         | `> [!sign]`, right-aligned             | paragraphs           |
//! | `Note`              | `> [!note]` in the reading script, small | paragraphs         |
//! | `Cue`, `Pause`      | cues in the reading script, small marks (間 in a box) | text |
//!
//! Heading levels follow the draft's (`##` is 見出し 2), so that Podium's own .docx import
//! gives the draft back.

use super::xml::attribute;
use crate::export::print::{LINE_HEIGHT, MARGIN_MM, SMALL};
use crate::export::PrintOptions;

/// The text face: BIZ UDP明朝 (Windows 10 and later ship it as "Medium").
pub(super) const TEXT_FONT: &str = "BIZ UDP明朝 Medium";
/// The heading, cue and page-number face.
pub(super) const HEADING_FONT: &str = "BIZ UDPゴシック";
/// Faces for code (Latin only).
const CODE_FONT: &str = "Consolas";

/// The fonts named in `word/fontTable.xml`: each face with the names it is also known by
/// (`w:altName`, a comma-separated list by ECMA-376) — its other names, then the faces to use
/// where it is missing (游明朝, ＭＳ 明朝) —, and the Japanese character set and family that
/// Word falls back on when none is installed.
const FONTS: [Font; 3] = [
    Font {
        name: TEXT_FONT,
        alternatives: "BIZ UDPMincho Medium,BIZ UDP明朝,BIZ UDPMincho,游明朝,Yu Mincho,ＭＳ 明朝",
        panose: "02020500000000000000",
        family: "roman",
    },
    Font {
        name: HEADING_FONT,
        alternatives: "BIZ UDPGothic,游ゴシック,Yu Gothic,ＭＳ ゴシック",
        panose: "020B0400000000000000",
        family: "swiss",
    },
    Font {
        name: CODE_FONT,
        alternatives: "Courier New",
        panose: "020B0609020204030204",
        family: "modern",
    },
];

struct Font {
    name: &'static str,
    alternatives: &'static str,
    panose: &'static str,
    family: &'static str,
}

/// Twips (1/20 pt) per millimetre.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;
/// A4 in twips.
pub(super) const A4_TWIPS: (u32, u32) = (11906, 16838);
/// Where the page number sits: this far above the page's lower edge.
const FOOTER_MM: f64 = 8.0;

/// The type sizes (in half-points, Word's unit) and the page of one document.
#[derive(Debug, Clone, Copy)]
pub(super) struct Look {
    /// The text.
    pub text: u32,
    pub title: u32,
    pub section: u32,
    pub sub: u32,
    /// Notes and the signature.
    pub small: u32,
    /// Cues.
    pub cue: u32,
    /// Line spacing (at least), in ems of the text.
    pub line: f64,
    /// Top, right, bottom, left, in millimetres.
    pub margins_mm: [f64; 4],
    /// 縦書き.
    pub vertical: bool,
    /// The signature in small type (the reading script) or as the text (the published text).
    pub small_signature: bool,
}

impl Look {
    /// The reading script: the print document's sizes, page and margins (see `print.rs`).
    pub fn reading_script(options: &PrintOptions) -> Look {
        let text = f64::from(options.size_pt * 2);
        let of = |ems: f64| (text * ems).round() as u32;
        Look {
            text: options.size_pt * 2,
            title: of(1.15),
            section: of(1.05),
            sub: of(1.0),
            small: of(SMALL),
            cue: of(0.5),
            line: LINE_HEIGHT,
            margins_mm: MARGIN_MM,
            vertical: options.vertical,
            small_signature: true,
        }
    }

    /// The published text: 12 pt, as the HTML document, on A4 with 25 mm margins.
    pub fn published() -> Look {
        Look {
            text: 24,
            title: 36,
            section: 30,
            sub: 26,
            small: 24,
            cue: 12,
            line: 1.8,
            margins_mm: [25.0; 4],
            vertical: false,
            small_signature: false,
        }
    }

    /// A length in ems of the text, in twips.
    pub fn twips(&self, ems: f64) -> u32 {
        (f64::from(self.text) * 10.0 * ems).round() as u32
    }

    /// The ruby over text of `base` half-points: half its size, raised above it
    /// (`w:hps`, `w:hpsRaise`).
    pub fn ruby(base: u32) -> (u32, u32) {
        ((base / 2).max(1), base * 6 / 7)
    }

    /// The section's page: A4, margins, the footer, 縦書き and the grid of lines
    /// (`w:sectPr`, after the reference to the footer).
    pub fn page(&self, footer: &str) -> String {
        let [top, right, bottom, left] = self.margins_mm.map(|mm| (mm * TWIPS_PER_MM).round());
        let footer_twips = (FOOTER_MM * TWIPS_PER_MM).round();
        let direction = match self.vertical {
            true => "<w:textDirection w:val=\"tbRl\"/>",
            false => "",
        };
        format!(
            "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"{footer}\"/>\
             <w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
             <w:pgMar w:top=\"{top}\" w:right=\"{right}\" w:bottom=\"{bottom}\" w:left=\"{left}\" \
             w:header=\"{footer_twips}\" w:footer=\"{footer_twips}\" w:gutter=\"0\"/>\
             <w:cols w:space=\"425\"/>{direction}\
             <w:docGrid w:type=\"lines\" w:linePitch=\"{}\"/></w:sectPr>",
            A4_TWIPS.0,
            A4_TWIPS.1,
            self.twips(self.line),
        )
    }
}

/// `w:rFonts` naming one face for every script.
pub(super) fn fonts(face: &str) -> String {
    let mut out = String::from("<w:rFonts");
    for slot in ["ascii", "eastAsia", "hAnsi", "cs"] {
        out.push_str(&format!(" w:{slot}=\""));
        attribute(&mut out, face);
        out.push('"');
    }
    out.push_str("/>");
    out
}

/// `w:rFonts` for code: a monospaced face for Latin text, Japanese in the text face.
pub(super) fn code_fonts() -> String {
    format!("<w:rFonts w:ascii=\"{CODE_FONT}\" w:hAnsi=\"{CODE_FONT}\"/>")
}

/// `w:sz` and `w:szCs`.
pub(super) fn size(half_points: u32) -> String {
    format!("<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/>")
}

/// `word/styles.xml`.
pub(super) fn styles(look: &Look) -> String {
    let line = look.twips(look.line);
    let after = look.twips(0.5);
    let heading = |id: &str, name: &str, level: u8, size_hp: u32, before: f64, center: bool| {
        let jc = if center {
            "<w:jc w:val=\"center\"/>"
        } else {
            ""
        };
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
             <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
             <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{}\" w:after=\"{}\" \
             w:line=\"{}\" w:lineRule=\"atLeast\"/>{jc}<w:outlineLvl w:val=\"{level}\"/></w:pPr>\
             <w:rPr>{}<w:b/><w:bCs/>{}</w:rPr></w:style>",
            look.twips(before),
            look.twips(0.5),
            (f64::from(size_hp) * 10.0 * 1.6).round(),
            fonts(HEADING_FONT),
            size(size_hp),
        )
    };
    let small_line = (f64::from(look.small) * 10.0 * 1.7).round();
    // Small in the reading script, with lines spaced to its size; the text's size otherwise.
    let (signature_line, signature_size) = match look.small_signature {
        true => (
            format!(" w:line=\"{small_line}\" w:lineRule=\"atLeast\""),
            size(look.small),
        ),
        false => (String::new(), String::new()),
    };
    let mut out = String::from(super::xml::DECLARATION);
    out.push_str(&format!(
        "<w:styles xmlns:w=\"{W}\">\
         <w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:kern w:val=\"2\"/>{size}\
         <w:lang w:val=\"en-US\" w:eastAsia=\"ja-JP\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:widowControl/><w:snapToGrid w:val=\"0\"/>\
         <w:spacing w:after=\"{after}\" w:line=\"{line}\" w:lineRule=\"atLeast\"/></w:pPr>\
         </w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">\
         <w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">\
         <w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>\
         <w:unhideWhenUsed/></w:style>",
        W = super::xml::W,
        fonts = fonts(TEXT_FONT),
        size = size(look.text),
    ));
    out.push_str(&heading("Title", "Title", 0, look.title, 0.0, true));
    out.push_str(&heading(
        "Heading2",
        "heading 2",
        1,
        look.section,
        1.0,
        false,
    ));
    out.push_str(&heading("Heading3", "heading 3", 2, look.sub, 0.5, false));
    out.push_str(&heading("Heading4", "heading 4", 3, look.sub, 0.5, false));
    out.push_str(&format!(
        "<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/>\
         <w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>\
         <w:pBdr><w:left w:val=\"single\" w:sz=\"12\" w:space=\"8\" w:color=\"999999\"/></w:pBdr>\
         <w:ind w:left=\"{quote}\"/></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"List\"><w:name w:val=\"List\"/>\
         <w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:left=\"{list}\" w:hanging=\"{list}\"/>\
         </w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Signature\"><w:name w:val=\"Signature\"/>\
         <w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"{signature_line}/>\
         <w:jc w:val=\"right\"/></w:pPr><w:rPr>{signature_size}</w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Note\">\
         <w:name w:val=\"話し手のメモ\"/><w:basedOn w:val=\"Normal\"/><w:pPr>\
         <w:pBdr><w:left w:val=\"single\" w:sz=\"12\" w:space=\"6\" w:color=\"888888\"/></w:pBdr>\
         <w:spacing w:after=\"{after}\" w:line=\"{small_line}\" w:lineRule=\"atLeast\"/>\
         <w:ind w:left=\"{note}\"/></w:pPr>\
         <w:rPr><w:color w:val=\"444444\"/>{small}</w:rPr></w:style>\
         <w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"Cue\">\
         <w:name w:val=\"読み上げの合図\"/><w:rPr>{heading_fonts}<w:color w:val=\"555555\"/>\
         {cue}</w:rPr></w:style>\
         <w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"Pause\">\
         <w:name w:val=\"間\"/><w:basedOn w:val=\"Cue\"/><w:rPr>\
         <w:bdr w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"555555\"/></w:rPr></w:style>\
         <w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/>\
         <w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>\
         <w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" \
         w:lineRule=\"auto\"/><w:jc w:val=\"center\"/></w:pPr>\
         <w:rPr>{heading_fonts}<w:color w:val=\"444444\"/>{footer}</w:rPr></w:style>\
         </w:styles>",
        quote = look.twips(1.0),
        list = look.twips(1.5),
        note = look.twips(0.8),
        small = size(look.small),
        heading_fonts = fonts(HEADING_FONT),
        cue = size(look.cue),
        footer = size(20),
    ));
    out
}

/// `word/fontTable.xml`.
pub(super) fn font_table() -> String {
    let mut out = String::from(super::xml::DECLARATION);
    out.push_str(&format!("<w:fonts xmlns:w=\"{}\">", super::xml::W));
    for font in FONTS {
        out.push_str("<w:font w:name=\"");
        attribute(&mut out, font.name);
        out.push_str("\"><w:altName w:val=\"");
        attribute(&mut out, font.alternatives);
        let charset = if font.name == CODE_FONT { "00" } else { "80" };
        out.push_str(&format!(
            "\"/><w:panose1 w:val=\"{}\"/><w:charset w:val=\"{charset}\"/>\
             <w:family w:val=\"{}\"/><w:pitch w:val=\"{}\"/></w:font>",
            font.panose,
            font.family,
            if font.name == CODE_FONT {
                "fixed"
            } else {
                "variable"
            },
        ));
    }
    out.push_str("</w:fonts>");
    out
}
