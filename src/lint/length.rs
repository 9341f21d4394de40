//! Sentences too long to read in one breath, and sentences with too many 読点.

use super::{LintConfig, Notes, Rule};
use crate::passage::Passage;
use crate::timing::printed_chars;

/// 読点: ideographic, full-width and half-width forms.
fn is_comma(c: char) -> bool {
    matches!(c, '、' | '，' | '､')
}

pub(super) fn check(sentence: &Passage, config: &LintConfig, notes: &mut Notes) {
    let range = sentence.content();
    let text = &sentence.text[range.clone()];
    let chars = printed_chars(text);
    if chars > config.max_sentence_chars {
        let message = format!(
            "一文が長すぎます（{chars}字、上限{}字）。読み上げやすいように分けましょう。",
            config.max_sentence_chars
        );
        notes.add(Rule::SentenceLength, message, range.clone(), None);
    }
    let commas = text.chars().filter(|c| is_comma(*c)).count();
    if commas > config.max_commas {
        let message = format!(
            "読点が多すぎます（{commas}個、上限{}個）。文を分けると聞き取りやすくなります。",
            config.max_commas
        );
        notes.add(Rule::TooManyCommas, message, range, None);
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::tests::{findings, findings_with};
    use crate::lint::{LintConfig, Rule};

    #[test]
    fn a_long_sentence_is_reported_with_its_count() {
        let long = format!("{}。", "あ".repeat(100));
        let found = findings(&long);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, Rule::SentenceLength);
        assert!(found[0].message.contains("101字"), "{}", found[0].message);
        assert_eq!(found[0].excerpt.chars().count(), 40);
        assert!(findings(&format!("{}。", "あ".repeat(99))).is_empty());
    }

    #[test]
    fn ruby_counts_its_base_and_cues_and_spaces_do_not_count() {
        let config = LintConfig {
            max_sentence_chars: 6,
            ..LintConfig::default()
        };
        // 本日は晴天です。 = 8 printed characters; the reading and the cue do not count.
        let found = findings_with("本日は{晴天|せいてん}です。[[間 3秒]]", &config);
        assert!(found[0].message.contains("8字"), "{}", found[0].message);
        let config = LintConfig {
            max_sentence_chars: 8,
            ..LintConfig::default()
        };
        assert!(findings_with("本日は　{晴天|せいてん} です。[[間 3秒]]", &config).is_empty());
    }

    #[test]
    fn the_span_covers_the_sentence_in_the_source() {
        let config = LintConfig {
            max_sentence_chars: 5,
            ..LintConfig::default()
        };
        let source = "短い。\n\nこれは長い{文|ぶん}です。[[間]]\n";
        let found = findings_with(source, &config);
        assert_eq!(found.len(), 1);
        let span = &found[0].span;
        assert_eq!(&source[span.range()], "これは長い{文|ぶん}です。");
        assert_eq!((span.line(), span.column()), (3, 1));
        assert_eq!(found[0].excerpt, "これは長い文です。");
    }

    #[test]
    fn more_than_three_commas_is_too_many() {
        let source =
            "市民の皆さん、企業の皆さん、大学の皆さん、そして職員の皆さん、ありがとうございます。";
        let found = findings(source);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, Rule::TooManyCommas);
        assert!(found[0].message.contains("4個"));
        assert!(
            findings("市民の皆さん、企業の皆さん、大学の皆さん、ありがとうございます。").is_empty()
        );
        assert_eq!(
            findings("あ，い，う，え，お。")[0].rule,
            Rule::TooManyCommas
        );
    }
}
