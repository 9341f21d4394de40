//! Helpers for the rule tests, and behaviour across rules.

use super::*;
use crate::script::parse;

pub(crate) fn findings(source: &str) -> Vec<Finding> {
    findings_with(source, &LintConfig::default())
}

pub(crate) fn findings_with(source: &str, config: &LintConfig) -> Vec<Finding> {
    let found = lint(source, &parse(source), config);
    for finding in &found {
        let span = &finding.span;
        assert!(source.get(span.range()).is_some(), "{finding:?}");
        if let Some(fix) = &finding.fix {
            assert!(source.get(fix.span.range()).is_some(), "{finding:?}");
        }
    }
    found
}

pub(crate) fn of_rule(found: Vec<Finding>, rule: Rule) -> Vec<Finding> {
    found.into_iter().filter(|f| f.rule == rule).collect()
}

#[track_caller]
pub(crate) fn assert_clean(source: &str) {
    let found = findings(source);
    assert!(found.is_empty(), "{source}\n{found:#?}");
}

#[test]
fn natural_speech_has_no_findings() {
    assert_clean(
        "# 仕事始めのあいさつ\n\n## はじめに\n\n\
         皆さん、おはようございます。本年もどうぞよろしくお願いいたします。\n\n\
         年末年始も勤務された皆さんに、心から感謝を申し上げます。\
         今年は市制施行七十周年の節目の年です。[[間]]\n\n\
         > [!note]\n> 会場を見渡す。長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い。\n\n\
         ## 結びに\n\n\
         皆さん一人ひとりの力を、つなぎ合わせていきましょう。\
         {安寧|あんねい}な暮らしを守るため、全力で{邁進|まいしん}してまいります。\n",
    );
}

#[test]
fn summaries_and_notes_are_not_checked() {
    assert_clean("## ① 共創\n\n> [!summary] 仕組みを仕組みを広げる。\n\n> [!note]\n> 取組を取組を確認する。\n\n本文です。\n");
}

#[test]
fn findings_are_sorted_by_position() {
    let source = "計画をを進める仕組みを仕組みを整えます。これは使命である。\
                  今日もよろしくお願いします。明日もよろしくお願いします。";
    let found = findings(source);
    let rules: Vec<Rule> = found.iter().map(|f| f.rule).collect();
    assert_eq!(
        rules,
        [Rule::DoubledParticle, Rule::DoubledPhrase, Rule::MixedStyle]
    );
    assert!(found
        .windows(2)
        .all(|w| w[0].span.start() <= w[1].span.start()));
}

#[test]
fn katakana_misspellings_are_reported_with_a_fix() {
    assert!(KATAKANA.is_some(), "the built-in katakana dictionary loads");
    let source = "防災のシュミレーションと、コミニュケーションを重ねます。";
    let found = of_rule(findings(source), Rule::KatakanaMisspelling);
    assert_eq!(found.len(), 2);
    assert_eq!(&source[found[0].span.range()], "シュミレーション");
    assert_eq!(
        found[0].message,
        "「シュミレーション」は「シミュレーション」の誤りです。"
    );
    assert_eq!(
        found[1].fix.as_ref().map(|f| f.replacement.as_str()),
        Some("コミュニケーション")
    );
    assert_clean("防災のシミュレーションと、レクリエーションを重ねます。");
}

#[test]
fn rule_ids_and_severities_serialise_as_documented() {
    for rule in Rule::ALL {
        let json = serde_json::to_string(&rule).unwrap();
        assert_eq!(json, format!("\"{}\"", rule.id()));
        let severity = serde_json::to_string(&rule.severity()).unwrap();
        assert_eq!(severity, format!("\"{}\"", rule.severity().id()));
    }
}

#[test]
fn never_panics_on_odd_input() {
    let samples = [
        "",
        "。",
        "、、、、、。",
        "をを",
        "「」」」。",
        "（（（）",
        "{漢字|かんじ}{漢字|かんじ}。",
        "a\\*b\\*a\\*b。&amp;&amp;。",
        "取り組み\n取り組み\\\n取組。",
        "\u{202e}です\u{0}である。",
        "[[間]][[間]]",
        "* 仕組みを\n* 仕組みを",
    ];
    for sample in samples {
        let _ = findings(sample);
    }
    let alphabet: Vec<char> = "をがの仕組み取組り、。「」（）{}|[]*\\\n 間だですあるa1ー々"
        .chars()
        .collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..2000 {
        let mut text = String::new();
        for _ in 0..(state % 60) {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push(alphabet[(state >> 33) as usize % alphabet.len()]);
        }
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
        let _ = findings(&text);
    }
}
