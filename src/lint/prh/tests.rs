//! Loading prh rule files, and what the rules match.

use super::*;
use crate::lint::tests::{findings_with, of_rule};
use crate::lint::LintConfig;

fn load(yaml: &str) -> PrhDictionary {
    PrhDictionary::from_yaml(yaml).unwrap_or_else(|e| panic!("{e}"))
}

fn error(yaml: &str) -> PrhError {
    PrhDictionary::from_yaml(yaml).expect_err("the dictionary must not load")
}

#[test]
fn expected_alone_matches_loosely() {
    let dictionary = load("version: 1\nrules:\n  - expected: Cookie\n  - jQuery\n");
    assert_eq!(dictionary.len(), 2);
    assert_eq!(
        dictionary.apply("cookie とＣＯＯＫＩＥ と jquery"),
        "Cookie とCookie と jQuery"
    );
}

#[test]
fn literal_patterns_and_lists() {
    let dictionary = load(
        "version: 1\nrules:\n\
         - expected: デフォルト\n  pattern: ディフォルト\n\
         - expected: ハードウェア\n  patterns:\n    - ハードウエアー\n    - ハードウエア\n\
         - expected: (株)\n  pattern: （株）\n",
    );
    assert_eq!(
        dictionary.apply("ディフォルトのハードウエアーとハードウエア。（株）"),
        "デフォルトのハードウェアとハードウェア。(株)"
    );
}

#[test]
fn regex_with_groups_flags_and_js_replacements() {
    let dictionary = load(
        "version: 1\nrules:\n\
         - expected: （$1）\n  pattern: /\\(([^)]+)\\)/\n\
         - expected: $1ウェア\n  pattern: /(ハード|ソフト)ウエア/\n\
         - expected: JavaScript\n  pattern: /javascript/i\n\
         - expected: 第$<n>期\n  pattern: /(?<n>[0-9]+)期目/\n",
    );
    assert_eq!(
        dictionary.apply("(注) ソフトウエア と JAVASCRIPT と 3期目"),
        "（注） ソフトウェア と JavaScript と 第3期"
    );
}

#[test]
fn regexp_must_empty_and_lookaround() {
    let dictionary = load(
        "version: 1\nrules:\n\
         - expected: ソフトウェア\n  pattern: /(日経)?ソフトウエア/\n  regexpMustEmpty: $1\n\
         - expected: サーバー\n  pattern: /サーバ(?!ー)/\n\
         - expected: 子ども\n  pattern: /(?<!様)子供/\n",
    );
    assert_eq!(
        dictionary.apply("ソフトウエアと日経ソフトウエア。サーバとサーバー。子供と様子供"),
        "ソフトウェアと日経ソフトウエア。サーバーとサーバー。子どもと様子供"
    );
}

#[test]
fn word_boundary_is_ascii_as_in_javascript() {
    let dictionary = load(
        "version: 1\nrules:\n  - expected: js\n    options:\n      wordBoundary: true\n    specs:\n      - from: foo JS bar\n        to: foo js bar\n      - from: altJS\n        to: altJS\n      - from: 今日もJS祭り\n        to: 今日もjs祭り\n",
    );
    assert_eq!(dictionary.len(), 1);
}

#[test]
fn a_failing_spec_is_a_load_error_naming_the_rule() {
    let yaml = "version: 1\nrules:\n  - expected: Cookie\n  - expected: JavaScript\n    specs:\n      - from: JAVASCRIPT\n        to: JavaScprit\n";
    let err = error(yaml);
    let PrhError::Spec { rule, got, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(
        (rule.index, rule.expected.as_str(), rule.line),
        (2, "JavaScript", Some(4))
    );
    assert_eq!(got, "JavaScript");
    assert_eq!(
        err.to_string(),
        "ルール2「JavaScript」（4行目）：specs のテストに失敗しました。「JAVASCRIPT」は「JavaScprit」になるはずですが、「JavaScript」になりました。"
    );
}

#[test]
fn load_errors_are_clear() {
    let err = error("version: 1\nrules:\n  - expected: [a\n");
    assert!(
        matches!(err, PrhError::Syntax { line: Some(_), .. }),
        "{err:?}"
    );
    assert!(
        err.to_string().starts_with("辞書ファイルを読めません（"),
        "{err}"
    );
    assert!(matches!(
        error("version: 2\nrules: []\n"),
        PrhError::Version(2)
    ));
    assert!(matches!(
        error("version: 1\nimports:\n  - ./other.yml\n"),
        PrhError::Imports
    ));
    assert!(
        PrhDictionary::from_yaml("version: 1\nimports: []\nmeta: {a: 1}\ntargets: []\n").is_ok()
    );
    let err = error("version: 1\nrules:\n  - pattern: a\n");
    assert!(matches!(err, PrhError::Syntax { .. }), "{err:?}");
    assert!(err.to_string().contains("expected"), "{err}");
    let err = error("version: 1\nrules:\n  - expected: a\n    pattern: /(b/\n");
    assert!(
        matches!(&err, PrhError::Rule { rule, .. } if rule.line == Some(3)),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("パターン「/(b/」を解釈できません"),
        "{err}"
    );
    let err = error("version: 1\nrules:\n  - AI\n  - expected: 生成AI\n    pattern: /(x/\n");
    assert!(
        matches!(&err, PrhError::Rule { rule, .. } if rule.index == 2 && rule.line == Some(4)),
        "{err:?}"
    );
    let err = error("version: 1\nrules:\n  - expected: a\n    pattern: /(b)\\1/\n");
    assert!(err.to_string().contains("後方参照"), "{err}");
    let err = error("version: 1\nrules:\n  - expected: a\n    pattern: /a(?=b)c/\n");
    assert!(err.to_string().contains("先読み"), "{err}");
    let err =
        error("version: 1\nrules:\n  - expected: a\n    pattern: /(b)/\n    regexpMustEmpty: $2\n");
    assert!(err.to_string().contains("regexpMustEmpty"), "{err}");
}

#[test]
fn findings_point_at_the_source_and_skip_what_is_already_right() {
    let dictionary = load(
        "version: 1\nrules:\n  - expected: 取組\n    pattern: /取り組み(?!ま)/\n    prh: 公用文の表記\n  - 皆さん\n",
    );
    let config = LintConfig {
        dictionary: Some(dictionary),
        ..LintConfig::default()
    };
    let source = "# 題\n\n防災の取組と**市民の取り組み**を{取り組み|とりくみ}と、全庁で皆さんと取り組みます。\n";
    let found = findings_with(source, &config);
    let found = of_rule(found, Rule::UserDictionary);
    assert_eq!(found.len(), 1, "{found:#?}");
    let finding = &found[0];
    assert_eq!(&source[finding.span.range()], "取り組み");
    assert_eq!((finding.span.line(), finding.span.column()), (3, 12));
    assert_eq!(
        finding.message,
        "「取り組み」は「取組」と書きましょう。（公用文の表記）"
    );
    let fix = finding.fix.as_ref().unwrap();
    assert_eq!(
        (fix.span.clone(), fix.replacement.as_str()),
        (finding.span.clone(), "取組")
    );
}

#[test]
fn the_example_dictionary_loads_and_applies() {
    let yaml = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/prh.yml"))
        .expect("tests/data/prh.yml");
    let dictionary = load(&yaml);
    assert!(dictionary.len() >= 5);
    assert!(!dictionary.is_empty());
}
