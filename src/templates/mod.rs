//! Templates for new drafts: blocks (a greeting, the ①②③ priorities, a closing …) and whole
//! addresses composed of them.
//!
//! Built-in templates are Markdown files in `builtin/`, embedded at compile time. A block's
//! file is named after its id; an address is its title followed by its blocks' files, joined at
//! compile time, so a block's text is written once. Users' own templates live in the store.
//!
//! A new draft is [`fill`]ed with [`Placeholders`]: `{{date}}`, `{{era_year}}`, `{{year}}`,
//! `{{month_day}}`, `{{event}}`, `{{speaker}}`, `{{city}}` (the blog's lead-in line too).

mod era;
mod placeholder;

pub use era::{era_year, japanese_date};
pub use placeholder::{fill, unfilled, Placeholders};

use serde::Serialize;

/// A template a draft can start from, or a block to insert into one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Template {
    /// Stable id, e.g. `new-year`.
    pub id: &'static str,
    /// Shown in the UI, e.g. 年頭挨拶（仕事始め）.
    pub name: &'static str,
    pub description: &'static str,
    pub kind: TemplateKind,
    /// Markdown in the speech dialect, with placeholders.
    pub body: &'static str,
    /// For an address, the ids of its blocks in order; empty for a block.
    pub blocks: &'static [&'static str],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TemplateKind {
    /// One or more `##` sections, to insert into a draft.
    Block,
    /// A whole address: `#` title, greeting, stance, ①②③, closing.
    Address,
}

/// A block: its body is `builtin/<id>.md`.
macro_rules! block {
    ($id:literal, $name:literal, $description:literal) => {
        Template {
            id: $id,
            name: $name,
            description: $description,
            kind: TemplateKind::Block,
            body: include_str!(concat!("builtin/", $id, ".md")),
            blocks: &[],
        }
    };
}

/// An address: `# title`, then its blocks' files, each after a blank line.
macro_rules! address {
    ($id:literal, $name:literal, $description:literal, $title:literal, [$($block:literal),+]) => {
        Template {
            id: $id,
            name: $name,
            description: $description,
            kind: TemplateKind::Address,
            body: concat!(
                "# ", $title, "\n",
                $("\n", include_str!(concat!("builtin/", $block, ".md"))),+
            ),
            blocks: &[$($block),+],
        }
    };
}

static BUILTIN: &[Template] = &[
    address!(
        "new-year",
        "年頭挨拶（仕事始め）",
        "仕事始め式で職員に向けて述べる年頭の挨拶。新年のあいさつ、今年の姿勢、重点の三つの柱、結び。",
        "{{era_year}} 年頭挨拶",
        ["new-year-greeting", "new-year-stance", "priorities", "new-year-closing"]
    ),
    address!(
        "entrance",
        "入庁式 式辞",
        "新規採用職員を迎える入庁式の式辞。歓迎のあいさつ、公務員としての心構え、三つのお願い、結び。",
        "{{era_year}}度 入庁式 式辞",
        ["entrance-greeting", "entrance-stance", "entrance-requests", "entrance-closing"]
    ),
    block!(
        "new-year-greeting",
        "新年のあいさつ（年頭）",
        "新年のあいさつ、年末年始も勤務した職員への感謝、災害に遭われた方々へのお見舞い（任意）。"
    ),
    block!(
        "new-year-stance",
        "今年の姿勢",
        "一年を振り返り、今年の市役所の姿勢を示して重点の柱へつなぐ。"
    ),
    block!(
        "priorities",
        "重点の三つの柱（①②③）",
        "① 人づくり、② 市民・企業・大学との共創、③ 働き方を変える。各柱に見出しと二段落。"
    ),
    block!(
        "new-year-closing",
        "結び（年頭）",
        "今年のテーマ、健康と災害のない一年への願い、結びのことば、日付と名前。"
    ),
    block!(
        "entrance-greeting",
        "歓迎のあいさつ（入庁式）",
        "新規採用職員への歓迎、ご家族へのお祝い、新しい職場への不安に寄り添うことば。"
    ),
    block!(
        "entrance-stance",
        "公務員としての心構え",
        "市役所の仕事の意味と、市民から信頼される職員としての心構え。"
    ),
    block!(
        "entrance-requests",
        "新しい職員への三つのお願い（①②③）",
        "① 現場に足を運ぶ、② 学び続け、問い続ける、③ 一人で抱え込まない。"
    ),
    block!(
        "entrance-closing",
        "結び（入庁式）",
        "まちの課題とやりがい、健康への願い、期待のことば、日付と名前。"
    ),
];

/// Every built-in template: the addresses first, then the blocks.
pub fn builtin() -> &'static [Template] {
    BUILTIN
}

/// The sample address a new library opens on: every part of the speech dialect, each with a
/// speaker note that says what it does (`sample.md`).
pub const SAMPLE: &str = include_str!("sample.md");

/// The built-in template with this id or name.
pub fn find(id_or_name: &str) -> Option<&'static Template> {
    BUILTIN
        .iter()
        .find(|template| template.id == id_or_name || template.name == id_or_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn all_values() -> Placeholders {
        Placeholders {
            event: "仕事始め式".into(),
            speaker: "市長　山田太郎".into(),
            city: "みなと市".into(),
            ..Placeholders::new(date!(2027 - 01 - 04))
        }
    }

    fn addresses() -> impl Iterator<Item = &'static Template> {
        builtin()
            .iter()
            .filter(|template| template.kind == TemplateKind::Address)
    }

    #[test]
    fn every_template_fills_completely() {
        for template in builtin() {
            let draft = fill(template.body, &all_values());
            assert!(!draft.contains("{{"), "{}: {draft}", template.id);
        }
    }

    /// A writer who starts from a built-in template starts from a clean list: filled, no
    /// template raises a warning or an error (at the default limits, on characters; the word
    /// rules are checked with the dictionary in `tests/japanese.rs`).
    #[test]
    fn every_template_filled_raises_no_warning_or_error() {
        use crate::lint::{lint, LintConfig, Severity};
        for template in builtin() {
            let draft = fill(template.body, &all_values());
            let found: Vec<_> = lint(
                &draft,
                &crate::script::parse(&draft),
                &LintConfig::default(),
            )
            .into_iter()
            .filter(|finding| finding.severity != Severity::Info)
            .map(|finding| (finding.rule.id(), finding.span.line(), finding.message))
            .collect();
            assert!(found.is_empty(), "{}: {found:#?}", template.id);
        }
    }

    /// The sample shows every marked block and each kind of reader cue and ruby, and teaches
    /// without a finding of its own.
    #[test]
    fn the_sample_shows_the_dialect_without_findings() {
        use crate::lint::{lint, LintConfig, Severity};
        use crate::script::{parse, Block, MARKED_BLOCKS};
        for name in MARKED_BLOCKS {
            assert!(SAMPLE.contains(&format!("> [!{name}]")), "{name}");
        }
        for syntax in [
            "{矜持|きょうじ}",
            "｜邁進《まいしん》",
            "[[間]]",
            "[[ゆっくり]]",
        ] {
            assert!(SAMPLE.contains(syntax), "{syntax}");
        }
        let script = parse(SAMPLE);
        let blocks = || script.sections.iter().flat_map(|s| &s.blocks);
        assert!(blocks().any(|b| matches!(b, Block::Signature(_))));
        assert!(blocks().any(|b| matches!(b, Block::Spoken(_))));
        assert!(script.sections.iter().any(|s| s.summary.is_some()));
        let found: Vec<_> = lint(SAMPLE, &script, &LintConfig::default())
            .into_iter()
            .filter(|finding| finding.severity != Severity::Info)
            .map(|finding| (finding.rule.id(), finding.span.line(), finding.message))
            .collect();
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn ids_and_names_are_unique_and_found() {
        for template in builtin() {
            assert_eq!(find(template.id), Some(template));
            assert_eq!(find(template.name), Some(template));
        }
        assert_eq!(find("no-such-template"), None);
    }

    #[test]
    fn addresses_contain_their_blocks_in_order() {
        for address in addresses() {
            let mut rest = address.body;
            for id in address.blocks {
                let block = find(id).expect("a block of an address exists");
                assert_eq!(block.kind, TemplateKind::Block);
                let at = rest
                    .find(block.body)
                    .expect("the block's text is in the address");
                rest = &rest[at + block.body.len()..];
            }
        }
    }

    #[test]
    fn addresses_parse_into_the_shape_of_an_address() {
        use crate::script::{parse, SectionRole::*};
        for address in addresses() {
            let script = parse(&fill(address.body, &all_values()));
            assert!(script.title.is_some(), "{}", address.id);
            let roles: Vec<_> = script.sections.iter().map(|s| s.role).collect();
            let expected = [
                Greeting,
                Stance,
                Priority(1),
                Priority(2),
                Priority(3),
                Closing,
            ];
            assert_eq!(roles, expected, "{}", address.id);
        }
    }

    #[test]
    fn addresses_are_of_speech_length() {
        for address in addresses() {
            let length = address.body.chars().filter(|c| !c.is_whitespace()).count();
            assert!(
                (1_500..=2_800).contains(&length),
                "{}: {length}",
                address.id
            );
        }
    }

    #[test]
    fn a_filled_address_reads_naturally() {
        let draft = fill(find("new-year").expect("built in").body, &all_values());
        assert!(draft.starts_with("# 令和9年 年頭挨拶\n\n## 新年のあいさつ\n"));
        assert!(draft.contains("令和9年の仕事始め式にあたり"));
        assert!(draft.ends_with("> [!sign]\n> 令和9年1月4日　市長　山田太郎\n"));
    }
}
