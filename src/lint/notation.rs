//! 表記ゆれ: one word written two ways in one draft (「取組」「取り組み」).
//!
//! Variants come from a built-in table of groups. The longest variant matches first and
//! matches never overlap (取組み is not also 取組). When a group occurs in more than one
//! spelling, every occurrence of the less frequent spellings is reported with a fix to the
//! most frequent; a tie goes to the group's first variant, the spelling recommended by
//! 「公用文作成の考え方」(2022) where it gives one.
//!
//! Limitations: matching is on the surface text, without a morphological analyser. Verb and
//! adjective stems (出来/でき, 分か/わか) count only before a listed continuation, and a noun
//! written with okurigana (取り組み) is taken for the verb before ま/た/て/ながら/なさ and in
//! 「…に取り組み、」; other verb uses (「課題に取り組み成果を」) are still counted as the noun.

use super::{PassageChecks, Report, Rule};
use crate::passage::Passage;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy)]
enum Context {
    /// Anywhere.
    Any,
    /// A stem: only before one of these continuations.
    Before(&'static [&'static str]),
    /// A noun that is also a verb's continuative form.
    Noun,
}

struct Group {
    /// The recommended spelling first.
    variants: &'static [&'static str],
    context: Context,
}

const fn any(variants: &'static [&'static str]) -> Group {
    Group {
        variants,
        context: Context::Any,
    }
}

const fn noun(variants: &'static [&'static str]) -> Group {
    Group {
        variants,
        context: Context::Noun,
    }
}

const fn stem(variants: &'static [&'static str], next: &'static [&'static str]) -> Group {
    Group {
        variants,
        context: Context::Before(next),
    }
}

/// Continuations of a verb of the 一段 kind (出来る) and of the 五段 kind (分かる).
const ICHIDAN: &[&str] = &["る", "ま", "な", "た", "て", "ず", "れば", "よう"];
const GODAN_RU: &[&str] = &["る", "り", "ら", "れ", "っ", "ろ"];

const GROUPS: &[Group] = &[
    noun(&["取組", "取り組み", "取組み"]),
    noun(&["打合せ", "打ち合わせ", "打合わせ"]),
    noun(&["問合せ", "問い合わせ", "問合わせ"]),
    noun(&["申込み", "申し込み", "申込"]),
    noun(&["話合い", "話し合い"]),
    noun(&["手続", "手続き"]),
    noun(&["引継ぎ", "引き継ぎ"]),
    noun(&["取扱い", "取り扱い"]),
    any(&["子供", "子ども", "こども"]),
    any(&["皆様", "皆さま", "みなさま"]),
    any(&["皆さん", "みなさん"]),
    any(&["我々", "われわれ"]),
    any(&["私たち", "私達"]),
    any(&["様々", "さまざま"]),
    any(&["全て", "すべて"]),
    any(&["及び", "および"]),
    any(&["又は", "または"]),
    any(&["更に", "さらに"]),
    any(&["共に", "ともに"]),
    any(&["たくさん", "沢山"]),
    any(&["一人一人", "一人ひとり", "ひとりひとり"]),
    any(&["一つ一つ", "一つひとつ", "ひとつひとつ"]),
    any(&["一層", "いっそう"]),
    any(&["いろいろ", "色々"]),
    any(&["ありがとう", "有難う", "有り難う"]),
    any(&["よろしく", "宜しく"]),
    any(&["お礼", "御礼"]),
    stem(&["くださ", "下さ"], &["い", "る", "っ", "ら", "れ"]),
    stem(&["でき", "出来"], ICHIDAN),
    stem(&["いただ", "頂"], &["き", "く", "け", "い", "か", "こ"]),
    stem(&["いたし", "致し"], &["ま", "て"]),
    stem(&["分か", "わか"], GODAN_RU),
    stem(&["頑張", "がんば"], GODAN_RU),
    stem(&["つな", "繋"], &["ぐ", "が", "ぎ", "げ", "い", "ご"]),
    stem(&["気付", "気づ"], &["く", "か", "き", "け", "い", "こ"]),
    stem(&["うれし", "嬉し"], &["い", "く", "か", "さ"]),
];

/// One alternation of every variant (longest first) and where each variant comes from.
struct Table {
    regex: Regex,
    variants: HashMap<&'static str, (usize, usize)>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut variants = HashMap::new();
    for (g, group) in GROUPS.iter().enumerate() {
        for (v, variant) in group.variants.iter().enumerate() {
            variants.insert(*variant, (g, v));
        }
    }
    let mut words: Vec<&str> = variants.keys().copied().collect();
    words.sort_by_key(|w| (std::cmp::Reverse(w.chars().count()), *w));
    let pattern: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    let regex = Regex::new(&pattern.join("|")).expect("escaped words always compile");
    Table { regex, variants }
});

/// Does this occurrence count as the word of its group?
fn counts(text: &str, start: usize, end: usize, variant: &str, context: Context) -> bool {
    let next = &text[end..];
    match context {
        Context::Any => true,
        Context::Before(continuations) => continuations.iter().any(|c| next.starts_with(c)),
        Context::Noun => {
            let okurigana = variant
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, 'ぁ'..='ゖ'));
            let verb = ["ま", "た", "て", "ながら", "なさ"]
                .iter()
                .any(|c| next.starts_with(c))
                || (text[..start].ends_with('に') && next.starts_with(['、', '，']));
            !(okurigana && verb)
        }
    }
}

/// A variant of a group found in a passage's text.
#[derive(Debug, Clone)]
pub(super) struct Occurrence {
    start: usize,
    end: usize,
    group: usize,
    variant: usize,
}

/// The variants written in one passage.
pub(super) fn occurrences(passage: &Passage) -> Vec<Occurrence> {
    let table = &*TABLE;
    let mut out = Vec::new();
    for segment in passage.segments() {
        for m in table.regex.find_iter(&passage.text[segment.clone()]) {
            let Some(&(group, variant)) = table.variants.get(m.as_str()) else {
                continue;
            };
            let (start, end) = (segment.start + m.start(), segment.start + m.end());
            let context = GROUPS[group].context;
            if counts(&passage.text, start, end, m.as_str(), context) {
                out.push(Occurrence {
                    start,
                    end,
                    group,
                    variant,
                });
            }
        }
    }
    out
}

/// Report the less frequent spellings of each group written more than one way in the draft.
pub(super) fn check(checked: &[(&Passage, &PassageChecks)], report: &mut Report) {
    let occurrences: Vec<(&Passage, &Occurrence)> = checked
        .iter()
        .flat_map(|(p, c)| c.notation.iter().map(move |o| (*p, o)))
        .collect();
    let mut tally: HashMap<(usize, usize), usize> = HashMap::new();
    for (_, o) in &occurrences {
        *tally.entry((o.group, o.variant)).or_default() += 1;
    }
    for (passage, o) in occurrences {
        let variants = GROUPS[o.group].variants;
        // Used variants, most frequent first; a tie keeps the table's order.
        let mut used: Vec<(usize, usize)> = (0..variants.len())
            .filter_map(|v| tally.get(&(o.group, v)).map(|n| (v, *n)))
            .collect();
        used.sort_by_key(|(v, n)| (std::cmp::Reverse(*n), *v));
        let preferred = used[0].0;
        if used.len() < 2 || o.variant == preferred {
            continue;
        }
        let list: Vec<String> = used
            .iter()
            .map(|(v, n)| format!("「{}」{n}回", variants[*v]))
            .collect();
        let message = format!(
            "表記ゆれ：{}が混在しています。「{}」にそろえましょう。",
            list.join("、"),
            variants[preferred]
        );
        let fix = Some((o.start..o.end, variants[preferred].to_string()));
        report.add(Rule::NotationVariant, message, passage, o.start..o.end, fix);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::tests::{assert_clean, findings, of_rule};

    #[test]
    fn every_variant_is_in_one_group_only() {
        let total: usize = GROUPS.iter().map(|g| g.variants.len()).sum();
        assert_eq!(TABLE.variants.len(), total);
        assert!(GROUPS.len() >= 25);
    }

    #[test]
    fn the_less_frequent_spelling_is_reported_with_a_fix() {
        let source = "## 防災の取り組み\n\n子供たちの未来のために。子どもの居場所をつくります。\
                      子どもの声を聞きます。地域の取組を広げます。取り組みの成果です。";
        let found = of_rule(findings(source), Rule::NotationVariant);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(&source[found[0].span.range()], "子供");
        assert_eq!(found[0].fix.as_ref().unwrap().replacement, "子ども");
        assert!(found[0].message.contains("「子ども」2回、「子供」1回"));
        assert_eq!(&source[found[1].span.range()], "取組");
        let fix = found[1].fix.as_ref().unwrap();
        assert_eq!(
            (&source[fix.span.range()], fix.replacement.as_str()),
            ("取組", "取り組み")
        );
        assert_eq!(
            found[1].message,
            "表記ゆれ：「取り組み」2回、「取組」1回が混在しています。「取り組み」にそろえましょう。"
        );
    }

    #[test]
    fn longest_variant_first_without_overlap() {
        let found = of_rule(findings("取組みと取組みと取組を。"), Rule::NotationVariant);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].excerpt, "取組");
        assert_eq!(found[0].fix.as_ref().unwrap().replacement, "取組み");
    }

    #[test]
    fn verb_forms_do_not_count_as_the_noun() {
        assert_clean(
            "防災の取組を進めます。全庁で取り組みます。課題に取り組み、成果を出しました。\
             一緒に取り組みたいと思います。",
        );
        assert_clean("お問合せください。窓口に問い合わせてください。");
    }

    #[test]
    fn stems_count_only_before_their_continuations() {
        assert_clean("出来る限り進めます。会場できれいな花を見ました。頂上を目指します。");
        let found = of_rule(
            findings("出来ることから始めます。できます。できれば。"),
            Rule::NotationVariant,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].excerpt, "出来");
        assert_eq!(found[0].fix.as_ref().unwrap().replacement, "でき");
    }

    #[test]
    fn a_tie_goes_to_the_recommended_spelling() {
        let found = of_rule(findings("様々な声。さまざまな声。"), Rule::NotationVariant);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].excerpt, "さまざま");
        assert_eq!(found[0].fix.as_ref().unwrap().replacement, "様々");
    }
}
