//! です・ます調 and である調 mixed in one draft.
//!
//! Each sentence's ending is classified after stripping trailing punctuation, a closing
//! parenthetical such as （拍手） and sentence-final particles (か, ね, よ, な, わ). Sentences
//! that end inside 「」『』 (quoted speech) and sentences that match neither list (体言止め,
//! plain verb endings) are not classified. When both styles occur, the sentences of the
//! minority style are reported (a tie counts as です・ます, the norm of a spoken address), with
//! a fix for endings that convert mechanically (使命である → 使命です).

use super::{PassageChecks, Report, Rule};
use crate::passage::Passage;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// です・ます調
    Polite,
    /// である調 (常体)
    Plain,
}

impl Style {
    fn name(self) -> &'static str {
        match self {
            Style::Polite => "です・ます",
            Style::Plain => "である",
        }
    }
}

/// Polite endings, longest first.
const POLITE: &[&str] = &[
    "ませんでした",
    "ましょう",
    "でしょう",
    "ください",
    "下さい",
    "でした",
    "ました",
    "ません",
    "です",
    "ます",
];

/// Plain endings, longest first.
const PLAIN: &[&str] = &[
    "ではなかった",
    "ではない",
    "であった",
    "であろう",
    "である",
    "だった",
    "だろう",
    "のだ",
    "んだ",
    "だ",
];

/// Words ending in だ that are not the copula.
const NOT_COPULA: &[&str] = &["まだ", "ただ"];

const FINAL_PARTICLES: &[char] = &['か', 'ね', 'よ', 'な', 'わ'];

/// Endings converted to the other style: (from, to, only after a kanji or katakana stem).
const CONVERSIONS: &[(&str, &str, bool)] = &[
    ("である", "です", false),
    ("であった", "でした", false),
    ("であろう", "でしょう", false),
    ("ではない", "ではありません", false),
    ("ではなかった", "ではありませんでした", false),
    ("のだ", "のです", false),
    ("だろう", "でしょう", false),
    ("だった", "でした", true),
    ("だ", "です", true),
    ("です", "である", true),
    ("でした", "であった", true),
    ("でしょう", "であろう", true),
];

/// A sentence's style and the range of its ending in the sentence text.
pub(super) fn classify(text: &str) -> Option<(Style, Range<usize>)> {
    let mut end = strip_tail(text)?;
    for _ in 0..3 {
        let head = &text[..end];
        let found = POLITE
            .iter()
            .map(|e| (Style::Polite, e))
            .chain(PLAIN.iter().map(|e| (Style::Plain, e)))
            .find(|(_, ending)| head.ends_with(*ending));
        if let Some((style, ending)) = found {
            if *ending == "だ" && NOT_COPULA.iter().any(|w| head.ends_with(w)) {
                return None;
            }
            return Some((style, end - ending.len()..end));
        }
        let last = head.chars().next_back()?;
        if !FINAL_PARTICLES.contains(&last) {
            return None;
        }
        end -= last.len_utf8();
    }
    None
}

/// Where the sentence's words end: before trailing punctuation, whitespace and a closing
/// parenthetical. `None` when the sentence ends in a quotation.
fn strip_tail(text: &str) -> Option<usize> {
    let mut head = text;
    loop {
        head = head.trim_end_matches(|c: char| {
            c.is_whitespace() || "。．！？!?…‥、，,.―－-〜~♪".contains(c)
        });
        if let Some(inner) = head.strip_suffix('）').or_else(|| head.strip_suffix(')')) {
            head = &inner[..inner.rfind(['（', '(']).unwrap_or(0)];
            continue;
        }
        if head.ends_with(['」', '』', '”', '’', '】']) {
            return None;
        }
        return Some(head.len());
    }
}

fn conversion(text: &str, ending: Range<usize>) -> Option<String> {
    let from = text.get(ending.clone())?;
    let stem = text[..ending.start].chars().next_back();
    let after_stem = stem.is_some_and(|c| c.is_alphanumeric() && !matches!(c, 'ぁ'..='ゖ'));
    CONVERSIONS
        .iter()
        .find(|(f, _, needs_stem)| *f == from && (!needs_stem || after_stem))
        .map(|(_, to, _)| to.to_string())
}

/// Report the sentences of the minority style, from each sentence's classified ending.
pub(super) fn check(checked: &[(&Passage, &PassageChecks)], report: &mut Report) {
    let classified: Vec<(&Passage, Style, Range<usize>)> = checked
        .iter()
        .filter_map(|(p, c)| c.style.clone().map(|(style, ending)| (*p, style, ending)))
        .collect();
    let count = |style| classified.iter().filter(|(_, s, _)| *s == style).count();
    let (polite, plain) = (count(Style::Polite), count(Style::Plain));
    if polite == 0 || plain == 0 {
        return;
    }
    let major = if plain > polite {
        Style::Plain
    } else {
        Style::Polite
    };
    for (passage, style, ending) in classified {
        if style == major {
            continue;
        }
        let message = format!(
            "文体が混在しています（です・ます調{polite}文、である調{plain}文）。\
             この文は「{}」調です。「{}」調にそろえましょう。",
            style.name(),
            major.name()
        );
        let fix = conversion(&passage.text, ending.clone()).map(|to| (ending, to));
        report.add(Rule::MixedStyle, message, passage, passage.content(), fix);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::tests::{assert_clean, findings, of_rule};

    #[test]
    fn endings_are_classified_after_punctuation_particles_and_parentheticals() {
        let style = |text: &str| classify(text).map(|(s, _)| s);
        assert_eq!(style("おめでとうございます。"), Some(Style::Polite));
        assert_eq!(style("本当でしょうか？"), Some(Style::Polite));
        assert_eq!(style("そうですよね！"), Some(Style::Polite));
        assert_eq!(
            style("ありがとうございました（拍手）。"),
            Some(Style::Polite)
        );
        assert_eq!(style("お越しください。"), Some(Style::Polite));
        assert_eq!(style("第一の使命である。"), Some(Style::Plain));
        assert_eq!(style("これが答えなのだ。"), Some(Style::Plain));
        assert_eq!(style("簡単ではない。"), Some(Style::Plain));
        assert_eq!(style("今年のテーマはこれだ。"), Some(Style::Plain));
        assert_eq!(style("課題はまだ。"), None);
        assert_eq!(style("「頑張ろう！」。"), None);
        assert_eq!(style("彼は「そうなのだ」"), None);
        assert_eq!(style("市民と共に歩む一年。"), None);
        assert_eq!(style("私はそう思う。"), None);
        assert_eq!(style(""), None);
        assert_eq!(style("。」）)"), None);
    }

    #[test]
    fn the_minority_style_is_reported_with_a_fix() {
        let source = "皆さん、おはようございます。本年もよろしくお願いいたします。\
                      市民の信頼に応えることは、第一の使命である。共に進みましょう。";
        let found = of_rule(findings(source), Rule::MixedStyle);
        assert_eq!(found.len(), 1);
        let finding = &found[0];
        assert_eq!(
            &source[finding.span.range()],
            "市民の信頼に応えることは、第一の使命である。"
        );
        assert!(finding.message.contains("です・ます調3文、である調1文"));
        assert!(finding.message.contains("「です・ます」調にそろえましょう"));
        let fix = finding.fix.as_ref().unwrap();
        assert_eq!(&source[fix.span.range()], "である");
        assert_eq!(fix.replacement, "です");
    }

    #[test]
    fn a_plain_draft_reports_polite_sentences() {
        let source =
            "我々は前進するのである。それが使命だ。道は遠いのだ。これが課題です。頑張ります。";
        let found = of_rule(findings(source), Rule::MixedStyle);
        assert_eq!(found.len(), 2);
        assert!(found[0].message.contains("この文は「です・ます」調です"));
        let fix = found[0].fix.as_ref().unwrap();
        assert_eq!(
            (&source[fix.span.range()], fix.replacement.as_str()),
            ("です", "である")
        );
        assert!(found[1].fix.is_none());
    }

    #[test]
    fn quotations_and_noun_endings_do_not_mix_styles() {
        assert_clean(
            "皆さん、おはようございます。本年もどうぞよろしくお願いいたします。\
             「現場に立つのだ」。先輩はそう言いました。「答えは現場にある」と教わりました。\
             市民と共に歩む一年。今年もよろしくお願いします。",
        );
    }
}
