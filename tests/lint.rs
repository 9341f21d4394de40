//! Proofreading the fixture drafts: the realistic address against its golden file, the clean
//! ceremony address without findings, and the office's prh dictionary.
//!
//! Regenerate the golden file with `UPDATE_GOLDEN=1 cargo test --test lint`.

mod common;

use common::{assert_golden, data};
use podium::lint::{lint, Finding, LintConfig, PrhDictionary, Rule};
use podium::script::parse;

fn read(name: &str) -> String {
    std::fs::read_to_string(data(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn lint_file(name: &str, config: &LintConfig) -> (String, Vec<Finding>) {
    let source = read(name);
    let findings = lint(&source, &parse(&source), config);
    (source, findings)
}

#[test]
fn address_matches_its_golden_file() {
    let (_, findings) = lint_file("address.md", &LintConfig::default());
    let json = serde_json::to_string_pretty(&findings).unwrap() + "\n";
    assert_golden("address.lint.json", &json);
}

/// The deliberate issues listed in tests/data/README.md, and only those.
#[test]
fn address_findings_are_the_deliberate_issues() {
    let (source, findings) = lint_file("address.md", &LintConfig::default());
    let summary: Vec<(Rule, usize, &str)> = findings
        .iter()
        .map(|f| (f.rule, f.span.line(), &source[f.span.range()]))
        .collect();
    let sentence_50 = source.lines().nth(49).unwrap();
    assert_eq!(
        summary,
        [
            (
                Rule::MixedStyle,
                20,
                "市民の信頼に応えることは、私たち公務員の第一の使命である。"
            ),
            (Rule::DoubledPhrase, 42, "仕組みを仕組みを"),
            (Rule::SentenceLength, 50, sentence_50),
            (Rule::TooManyCommas, 50, sentence_50),
            (Rule::NotationVariant, 54, "取り組み"),
        ]
    );
    let length = &findings[2];
    assert!(length.message.contains("126字"), "{}", length.message);
    let commas = &findings[3];
    assert!(commas.message.contains("6個"), "{}", commas.message);
    let style = findings[0].fix.as_ref().unwrap();
    assert_eq!(
        (&source[style.span.range()], style.replacement.as_str()),
        ("である", "です")
    );
    let variant = findings[4].fix.as_ref().unwrap();
    assert_eq!(variant.replacement, "取組");
}

#[test]
fn ceremony_address_has_no_findings() {
    let (_, findings) = lint_file("ceremony.md", &LintConfig::default());
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn spans_and_fixes_point_at_their_text() {
    for name in ["address.md", "ceremony.md", "hostile.md", "bad/crlf.md"] {
        let (source, findings) = lint_file(name, &LintConfig::default());
        for finding in findings {
            let text = &source[finding.span.range()];
            if matches!(finding.rule, Rule::DoubledPhrase | Rule::NotationVariant) {
                assert_eq!(text, finding.excerpt, "{name}");
            }
            if let Some(fix) = &finding.fix {
                assert!(
                    finding.span.start() <= fix.span.start()
                        && fix.span.end() <= finding.span.end()
                );
            }
        }
    }
}

#[test]
fn the_office_dictionary_applies_to_the_address() {
    let dictionary = PrhDictionary::from_yaml(&read("prh.yml")).unwrap_or_else(|e| panic!("{e}"));
    let config = LintConfig {
        dictionary: Some(dictionary),
        ..LintConfig::default()
    };
    let (source, findings) = lint_file("address.md", &config);
    let own: Vec<(usize, &str, &str)> = findings
        .iter()
        .filter(|f| f.rule == Rule::UserDictionary)
        .map(|f| {
            let fix = f.fix.as_ref().unwrap();
            (
                f.span.line(),
                &source[f.span.range()],
                fix.replacement.as_str(),
            )
        })
        .collect();
    // 取り組んで (25, 52) is the verb; 生成AI and DX are already written as expected.
    assert_eq!(own, [(54, "取り組み", "取組")]);
}
