//! `unfilled-placeholder`: a template's `{{name}}` still in the draft (a field of the new-draft
//! dialog left empty). It would be read aloud and published as it is, so it is an error,
//! wherever it stands: sentences, headings, notes, summaries.

use super::{Report, Rule};
use crate::templates::unfilled;

/// What the writer still has to give for a placeholder, by its name.
fn field(name: &str) -> &'static str {
    match name {
        "date" => "日付",
        "era_year" => "年（和暦）",
        "year" => "年",
        "event" => "行事",
        "speaker" => "話し手",
        "city" => "市の名前",
        _ => "",
    }
}

/// Every placeholder left in `source`.
pub(super) fn check(source: &str, report: &mut Report) {
    for (range, name) in unfilled(source) {
        let what = field(name);
        let message = if what.is_empty() {
            format!("「{{{{{name}}}}}」が埋められていません。読み上げる言葉に書き換えてください。")
        } else {
            format!("「{{{{{name}}}}}」が埋められていません。{what}を入れてください。")
        };
        report.add_source(Rule::UnfilledPlaceholder, message, range);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{findings, of_rule};
    use super::*;
    use crate::lint::Severity;
    use crate::templates::{builtin, fill, Placeholders};
    use time::macros::date;

    #[test]
    fn a_placeholder_left_anywhere_is_an_error_naming_the_field() {
        let source = "# {{event}}の挨拶\n\n{{city}}の皆さん、こんにちは。\n\n> [!note]\n> {{speaker}}が入場\n\n> [!summary] {{unknown}}を進める\n";
        let found = of_rule(findings(source), Rule::UnfilledPlaceholder);
        let texts: Vec<&str> = found.iter().map(|f| &source[f.span.range()]).collect();
        assert_eq!(
            texts,
            ["{{event}}", "{{city}}", "{{speaker}}", "{{unknown}}"]
        );
        assert!(found.iter().all(|f| f.severity == Severity::Error));
        assert_eq!(
            found[1].message,
            "「{{city}}」が埋められていません。市の名前を入れてください。"
        );
        assert_eq!(found[1].excerpt, "{{city}}");
        assert_eq!((found[1].span.line(), found[1].span.column()), (3, 1));
        assert!(found[3].message.contains("読み上げる言葉に書き換えて"));
    }

    #[test]
    fn ruby_and_braces_that_are_no_placeholder_are_left_alone() {
        let source = "{挨拶|あいさつ}と {{ city }} と {{日付}} です。\n";
        assert!(of_rule(findings(source), Rule::UnfilledPlaceholder).is_empty());
    }

    #[test]
    fn every_builtin_template_filled_in_full_leaves_none_and_an_empty_field_is_found() {
        let full = Placeholders {
            event: "仕事始め式".into(),
            speaker: "市長　山田太郎".into(),
            city: "みなと市".into(),
            ..Placeholders::new(date!(2027 - 01 - 04))
        };
        for template in builtin() {
            let body = fill(template.body, &full);
            let left = of_rule(findings(&body), Rule::UnfilledPlaceholder);
            assert!(left.is_empty(), "{}: {left:#?}", template.name);
        }
        let without_city = Placeholders {
            city: String::new(),
            ..full
        };
        let with_city = builtin()
            .iter()
            .find(|template| template.body.contains("{{city}}"))
            .expect("a template names the city");
        let body = fill(with_city.body, &without_city);
        let left = of_rule(findings(&body), Rule::UnfilledPlaceholder);
        assert!(!left.is_empty());
        assert!(left.iter().all(|f| &body[f.span.range()] == "{{city}}"));
    }
}
