//! Wording that reads poorly aloud, as textlint's Japanese presets find it (no dictionary
//! needed):
//!
//! - `redundant-expression`: 「することができる」 is 「できる」 (ja-no-redundant-expression);
//! - `double-honorific`: two honorifics on one verb, 「お越しになられる」, 「おっしゃられる」,
//!   「拝見させていただく」 (二重敬語);
//! - `tautology`: a word said twice over, 「一番最初」, 「今現在」, 「後で後悔」 (重言);
//! - `repeated-ending`: the same sentence ending three times in a row, 「…と思います。…と思い
//!   ます。…と思います。」 (a draft-wide rule over consecutive sentences).

use super::{Notes, PassageChecks, Report, Rule};
use crate::passage::{Passage, PassageKind};
use regex::Regex;
use std::sync::LazyLock;

/// 「することができる」 and its forms, with 「できる」's form to put in their place.
const REDUNDANT: &[(&str, &str)] = &[
    ("することができ", "でき"),
    ("することが出来", "でき"),
    ("することは可能", "できる"),
    ("することが可能", "できる"),
];

/// 重言: the phrase, and the phrase said once.
const TAUTOLOGIES: &[(&str, &str)] = &[
    ("一番最初", "最初"),
    ("一番最後", "最後"),
    ("まず最初に", "まず"),
    ("まず初めに", "まず"),
    ("今現在", "現在"),
    ("後で後悔", "後悔"),
    ("必ず必要", "必要"),
    ("あらかじめ予約", "予約"),
    ("あらかじめ準備", "準備"),
    ("頭痛が痛", "頭が痛"),
    ("被害を被", "被害を受け"),
    ("違和感を感じ", "違和感を覚え"),
    ("元旦の朝", "元旦"),
    ("第一日目", "第一日"),
    ("過半数を超え", "半数を超え"),
    ("従来から", "従来"),
    ("炎天下の下", "炎天下"),
    ("射程距離", "射程"),
    ("返事を返", "返事をし"),
    ("最後の結末", "結末"),
    ("いまだ未解決", "未解決"),
    ("犯罪を犯", "罪を犯"),
    ("収入が入", "収入があ"),
    ("日本に来日", "来日"),
];

/// お/ご…になられる, おっしゃられる, …させていただく after an humble verb.
static DOUBLE_HONORIFIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[おご御][^、。\s「」]{1,8}になられ|おっしゃられ|拝見させていただ|お伺いさせていただ|ご覧になられ")
        .expect("a valid pattern")
});

/// The rules on one passage's text.
pub(super) fn check(passage: &Passage, notes: &mut Notes) {
    let text = passage.text.as_str();
    for (phrase, once) in REDUNDANT {
        for (at, _) in text.match_indices(phrase) {
            let message =
                format!("「{phrase}」は「{once}」で足ります。短い方が耳で追いやすくなります。");
            let fix = (*once == "でき").then(|| (at..at + phrase.len(), once.to_string()));
            notes.add(
                Rule::RedundantExpression,
                message,
                at..at + phrase.len(),
                fix,
            );
        }
    }
    for (phrase, once) in TAUTOLOGIES {
        for (at, _) in text.match_indices(phrase) {
            let message =
                format!("「{phrase}」は同じ意味が重なっています（重言）。「{once}」で伝わります。");
            let range = at..at + phrase.len();
            notes.add(
                Rule::Tautology,
                message,
                range.clone(),
                Some((range, once.to_string())),
            );
        }
    }
    for found in DOUBLE_HONORIFIC.find_iter(text) {
        let message = format!(
            "「{}」は敬語が二重になっています（二重敬語）。「お〜になる」か「〜れる」の一つにしましょう。",
            found.as_str()
        );
        notes.add(Rule::DoubleHonorific, message, found.range(), None);
    }
}

/// Characters an ending is compared on: enough to tell 「と思います」 from 「ています」, not
/// so many that 「ます」 alone repeats (every polite sentence ends in it).
const ENDING_CHARS: usize = 5;

/// The same ending three sentences in a row, reported on the third.
pub(super) fn repeated_endings(checked: &[(&Passage, &PassageChecks)], report: &mut Report) {
    let mut previous: Vec<String> = Vec::new();
    for (passage, _) in checked {
        if passage.kind != PassageKind::Sentence {
            previous.clear();
            continue;
        }
        let Some((ending, range)) = ending(&passage.text) else {
            previous.clear();
            continue;
        };
        if previous.len() >= 2 && previous[previous.len() - 2..].iter().all(|e| *e == ending) {
            let message = format!(
                "「…{ending}。」で終わる文が三つ続いています。文末に変化をつけると聞きやすくなります。"
            );
            report.add(Rule::RepeatedEnding, message, passage, range, None);
            previous.clear();
            continue;
        }
        previous.push(ending);
    }
}

/// A sentence's last characters before its end marks and closing brackets, and their range.
fn ending(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    let body =
        text.trim_end_matches(|c: char| c.is_whitespace() || "。．！？!?」』）)】".contains(c));
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    if chars.len() < ENDING_CHARS + 2 {
        return None;
    }
    let (start, _) = chars[chars.len() - ENDING_CHARS];
    Some((body[start..].to_string(), start..body.len()))
}

#[cfg(test)]
mod tests {
    use crate::analysis::{analyse, AnalysisOptions};
    use crate::lint::Rule;

    fn rules(source: &str) -> Vec<(Rule, String, Option<String>)> {
        analyse(source, &AnalysisOptions::default())
            .findings
            .into_iter()
            .filter(|f| {
                matches!(
                    f.rule,
                    Rule::RedundantExpression
                        | Rule::Tautology
                        | Rule::DoubleHonorific
                        | Rule::RepeatedEnding
                )
            })
            .map(|f| (f.rule, f.excerpt, f.fix.map(|fix| fix.replacement)))
            .collect()
    }

    #[test]
    fn redundant_and_doubled_wording() {
        let found = rules("参加することができます。一番最初に、先生がおっしゃられました。");
        assert_eq!(
            found,
            [
                (
                    Rule::RedundantExpression,
                    "することができ".to_string(),
                    Some("でき".to_string())
                ),
                (
                    Rule::Tautology,
                    "一番最初".to_string(),
                    Some("最初".to_string())
                ),
                (Rule::DoubleHonorific, "おっしゃられ".to_string(), None),
            ]
        );
    }

    #[test]
    fn the_same_ending_three_times_in_a_row() {
        let three = "よいと思います。大切だと思います。進めたいと思います。";
        let found = rules(three);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Rule::RepeatedEnding);
        // Polite endings that differ before ます are fine.
        assert!(rules("進めます。取り組みます。広げていきます。").is_empty());
    }
}
