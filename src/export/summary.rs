//! The blog's 要旨: one line for the stance and one for each point of the address, for every
//! speech a city writes — with ①②③ sections, with other headings, or with none at all (a
//! speech pasted from a web page).
//!
//! A section's line is its `> [!summary]` when the writer gave one. Otherwise it is the
//! section's key sentence: not a greeting or thanks, not a sentence that only announces the
//! point (「まず1点目は、…についてです。」), preferably one that says what will be done; then
//! shortened to the noun ending a city blog uses (「…を推進してまいります。」 → 「…の推進」).

use super::inline::has_content;
use crate::script::{plain_text, Inline, Script, Section, SectionRole, Sentence};
use regex::Regex;
use std::sync::OnceLock;

/// A line of the summary.
#[derive(Debug, Clone, PartialEq)]
pub enum Line<'a> {
    /// The writer's `> [!summary]` or a heading, as written (ruby kept).
    Written(&'a [Inline]),
    /// A key sentence, shortened, as plain text.
    Key(String),
}

/// One point of the summary: its heading (if it has one) and its line.
#[derive(Debug, Clone, PartialEq)]
pub struct Point<'a> {
    pub heading: Option<&'a [Inline]>,
    pub line: Option<Line<'a>>,
}

/// The 要旨 of a script.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary<'a> {
    /// The stance's line(s): 〈姿勢〉.
    pub stance: Vec<Line<'a>>,
    /// The points: the numbered priorities, else the other sections with a heading, else the
    /// key sentences of a speech without headings.
    pub points: Vec<Point<'a>>,
}

impl Summary<'_> {
    pub fn is_empty(&self) -> bool {
        self.stance.is_empty() && self.points.is_empty()
    }
}

/// The label of the stance's line, as city blogs write it.
pub const STANCE: &str = "〈姿勢〉";

/// The summary as plain text lines for the writer to edit: 「〈姿勢〉…」, then each point as
/// 「見出し　一行」. [`crate::export::ExportOptions::blog_summary`] takes them back.
pub fn lines(script: &Script) -> Vec<String> {
    let text = |line: &Line| match line {
        Line::Written(inlines) => plain_text(inlines).trim().to_string(),
        Line::Key(text) => text.clone(),
    };
    let summary = summarise(script);
    let mut out: Vec<String> = summary
        .stance
        .iter()
        .map(|line| format!("{STANCE}{}", text(line)))
        .collect();
    for point in &summary.points {
        let heading = point.heading.map(|h| plain_text(h).trim().to_string());
        let line = point.line.as_ref().map(text);
        out.push(match (heading, line) {
            (Some(h), Some(l)) => format!("{h}　{l}"),
            (Some(h), None) => h,
            (None, Some(l)) => l,
            (None, None) => continue,
        });
    }
    out
}

/// How many key sentences summarise a speech without headings.
const KEY_SENTENCES: usize = 3;

pub fn summarise(script: &Script) -> Summary<'_> {
    let with_role = |wanted: fn(SectionRole) -> bool| {
        script
            .sections
            .iter()
            .filter(move |s| wanted(s.role))
            .collect::<Vec<_>>()
    };
    let stance: Vec<Line> = with_role(|r| r == SectionRole::Stance)
        .into_iter()
        .filter_map(|s| section_line(s, STANCE_WORDS))
        .collect();
    let priorities = with_role(|r| matches!(r, SectionRole::Priority(_)));
    let headed = with_role(|r| matches!(r, SectionRole::Other));
    let sections = if !priorities.is_empty() {
        priorities
    } else {
        headed
    };
    let mut points: Vec<Point> = sections
        .into_iter()
        .map(|section| Point {
            heading: section
                .heading
                .as_ref()
                .filter(|h| has_content(&h.inlines))
                .map(|h| h.inlines.as_slice()),
            line: section_line(section, &[]),
        })
        .collect();
    if stance.is_empty() && points.is_empty() {
        // No sections to go by: the speech's own key sentences.
        let sentences: Vec<&Sentence> = script
            .sections
            .iter()
            .filter(|s| !matches!(s.role, SectionRole::Greeting | SectionRole::Closing))
            .flat_map(Section::body)
            .flat_map(|p| &p.sentences)
            .collect();
        let enumerated = enumerated(&sentences);
        let lines = if enumerated.len() >= 2 {
            enumerated
        } else {
            key_sentences(&sentences, "", KEY_SENTENCES, &[])
        };
        points = lines
            .into_iter()
            .map(|text| Point {
                heading: None,
                line: Some(Line::Key(text)),
            })
            .collect();
    }
    Summary { stance, points }
}

/// What a stance's key sentence says.
const STANCE_WORDS: &[&str] = &["として掲げ", "を掲げます", "スローガン", "テーマ"];

/// The points a speech without headings counts out itself (「一つ目は、…。二つ目は、…。」,
/// 「第一に…」, 「1点目は…」), numbered ①②③ and shortened, when it counts two or more in order.
fn enumerated(sentences: &[&Sentence]) -> Vec<String> {
    static ORDINAL: OnceLock<Regex> = OnceLock::new();
    let ordinal = ORDINAL.get_or_init(|| {
        Regex::new(
            r"^(そして|また|次に|最後に|まず)?、?(?:([一二三四五六七八九]|[1-9]|[１-９])(?:つ目|点目|番目)|第([一二三四五六七八九]))(?:は|に|として)、?(.+)$",
        )
        .expect("a valid pattern")
    });
    let mut out = Vec::new();
    for sentence in sentences {
        let text = sentence.text().replace('\n', "");
        let Some(found) = ordinal.captures(text.trim()) else {
            continue;
        };
        let number = found.get(2).or(found.get(3)).map_or("", |m| m.as_str());
        let value = match number {
            "一" | "1" | "１" => 1,
            "二" | "2" | "２" => 2,
            "三" | "3" | "３" => 3,
            "四" | "4" | "４" => 4,
            "五" | "5" | "５" => 5,
            "六" | "6" | "６" => 6,
            "七" | "7" | "７" => 7,
            "八" | "8" | "８" => 8,
            _ => 9,
        };
        if value != out.len() + 1 {
            continue;
        }
        let rest = found.get(4).map_or("", |m| m.as_str());
        let circled = char::from_u32('①' as u32 + value as u32 - 1).unwrap_or('・');
        out.push(format!("{circled} {}", shorten(rest)));
    }
    out
}

fn section_line<'a>(section: &'a Section, preferred: &[&str]) -> Option<Line<'a>> {
    if let Some(summary) = section.summary.as_ref().filter(|s| has_content(s.iter())) {
        return Some(Line::Written(summary));
    }
    let sentences: Vec<&Sentence> = section.body().flat_map(|p| &p.sentences).collect();
    key_sentences(&sentences, &section.title(), 1, preferred)
        .into_iter()
        .next()
        .map(Line::Key)
}

/// Up to `count` key sentences, in order, shortened: those with a `preferred` word first, then
/// those that say what will be done, else the first ones that are neither courtesy nor an
/// announcement of the point.
fn key_sentences(
    sentences: &[&Sentence],
    heading: &str,
    count: usize,
    preferred: &[&str],
) -> Vec<String> {
    // A line broken after a comma (text pasted one clause a line) goes on in the next one.
    let mut joined: Vec<String> = Vec::new();
    for sentence in sentences.iter().filter(|s| has_content(&s.inlines)) {
        let text = sentence.text().replace('\n', "");
        match joined.last_mut() {
            Some(last) if last.trim_end().ends_with(['、', '，', ',']) => last.push_str(&text),
            _ => joined.push(text),
        }
    }
    let candidates: Vec<String> = joined
        .into_iter()
        // A short line without an end mark is a heading pasted as a line, not a sentence.
        .filter(|text| {
            text.chars().count() >= 12 || text.ends_with(['。', '！', '？', '.', '!', '?'])
        })
        .filter(|text| !is_courtesy(text) && !announces(text, heading))
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    let tiers: [&dyn Fn(&str) -> bool; 4] = [
        &|text| preferred.iter().any(|w| text.contains(w)),
        &says_what_will_be_done,
        // A statement before an opinion (「…と思います」).
        &|text| {
            let text = text.trim_end_matches('。');
            !["思います", "存じます", "おります"]
                .iter()
                .any(|e| text.ends_with(e))
        },
        &|_| true,
    ];
    for tier in tiers {
        for (i, candidate) in candidates.iter().enumerate() {
            if chosen.len() < count && !chosen.contains(&i) && tier(candidate) {
                chosen.push(i);
            }
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|i| shorten(&candidates[i]))
        .collect()
}

/// Greetings, thanks, condolences and wishes: the frame of an address, not its points.
fn is_courtesy(text: &str) -> bool {
    [
        "おめでとう",
        "ありがとう",
        "お礼",
        "御礼",
        "感謝",
        "お祈り",
        "お見舞い",
        "ご冥福",
        "ごあいさつ",
        "ご挨拶",
        "あいさつといたします",
        "よろしくお願い",
        "お祝い",
        "申し上げ",
        "賜り",
        "ご理解",
        "おはようございます",
        "こんにちは",
        "ご苦労様",
        "お疲れ様",
    ]
    .iter()
    .any(|w| text.contains(w))
}

fn says_what_will_be_done(text: &str) -> bool {
    [
        "まいります",
        "参ります",
        "取り組",
        "進めて",
        "進めます",
        "推進",
        "目指",
        "実現",
        "図って",
        "図ります",
        "広げ",
        "立ち上げ",
        "整備",
        "強化",
        "充実",
    ]
    .iter()
    .any(|w| text.contains(w))
}

/// Does a sentence only announce the point? 「まず1点目は、…です。」 with little after the
/// announcement, 「…について申し上げます。」, or the heading restated (「一つ目は、人づくりです。」).
fn announces(text: &str, heading: &str) -> bool {
    static ANNOUNCEMENT: OnceLock<Regex> = OnceLock::new();
    let announcement = ANNOUNCEMENT.get_or_init(|| {
        Regex::new(
            r"^(まず|次に|最後に|続いて|二つ目に|三つ目に)?、?(第?[一二三四五六七八九十0-9０-９]+(点目|つ目|番目)?|一つ目|二つ目|三つ目)(は|に|として)、?.{0,24}(です|であります|でございます)。?$|(について|に関して)(申し上げ|述べ|お話し)|次の([0-9０-９一二三四五]+|[一二三四五]つ)(点|つ)?の?(柱|点|こと|分野|視点)",
        )
        .expect("a valid pattern")
    });
    if announcement.is_match(text) {
        return true;
    }
    let words = heading.trim_start_matches(|c: char| {
        !c.is_alphabetic() || matches!(c, '一' | '二' | '三' | '四' | '五' | '第')
    });
    let words = words.trim_start_matches(['に', '、', '　', ' ', '．', '.']);
    let extra = text.chars().count().saturating_sub(words.chars().count());
    words.chars().count() >= 2 && text.contains(words) && extra <= 18
}

/// Longest line a summary keeps, in characters.
const MAX_LINE: usize = 60;

/// A sentence in the noun ending a city blog uses: 「…を推進してまいります。」 → 「…の推進」,
/// 「…に取り組みます。」 → 「…への取り組み」; leading clauses dropped while it is too long.
pub fn shorten(sentence: &str) -> String {
    static ENDINGS: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    let endings = ENDINGS.get_or_init(|| {
        let polite = r"(して|させて)?(まいり|参り|いき|いたし|し)?(ます|たいと(考え|思い)(て(おり|い))?ます)";
        [
            (
                format!(r"^(.+)を(推進|実施|強化|充実|支援|整備|実現|展開|促進|構築|創出|確保|拡充|拡大){polite}$"),
                "${1}の${2}",
            ),
            (
                r"^(.+)に(全力で|しっかりと|積極的に)?取り組(み|んで(まいり|いき|参り))ます$".to_string(),
                "${1}への取り組み",
            ),
            (
                r"^(.+)を(進め|推し進め)(て(まいり|いき|参り))?ます$".to_string(),
                "${1}の推進",
            ),
            (r"^(.+)を広げ(て(まいり|いき|参り))?ます$".to_string(), "${1}の拡大"),
            (r"^(.+)を立ち上げ(て(まいり|いき|参り))?ます$".to_string(), "${1}の立ち上げ"),
            (r"^(.+)(です|であります|でございます)$".to_string(), "${1}"),
            (r"^(.+)(だ|である)と(考え|思い)(て(おり|い))?ます$".to_string(), "${1}"),
        ]
        .into_iter()
        .map(|(pattern, with)| (Regex::new(&pattern).expect("a valid pattern"), with))
        .collect()
    });
    let mut text = sentence
        .trim()
        .trim_end_matches(['。', '．', '.', '！', '!'])
        .to_string();
    for (pattern, with) in endings {
        if pattern.is_match(&text) {
            text = pattern.replace(&text, *with).into_owned();
            break;
        }
    }
    // Drop leading clauses while the line is too long, counting each dropped clause once
    // (counting and copying the rest for every 、 was quadratic in a long sentence of them).
    let mut start = 0;
    let mut count = text.chars().count();
    while count > MAX_LINE {
        let Some(at) = text[start..].find('、') else {
            break;
        };
        let rest = count - text[start..start + at].chars().count() - 1;
        if rest < 12 {
            break;
        }
        start += at + '、'.len_utf8();
        count = rest;
    }
    text.split_off(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::parse;

    /// The line of each point of a script's summary.
    fn point_lines(script: &Script) -> Vec<Option<Line<'_>>> {
        summarise(script)
            .points
            .into_iter()
            .map(|p| p.line)
            .collect()
    }

    #[test]
    fn the_summary_as_lines_goes_back_into_the_blog_as_edited() {
        let script = parse(
            "## 今年の姿勢\n\n今年は「現場に立つ」ことを全庁の姿勢として掲げます。\n\n## ① 人づくり\n\n学びの場を広げます。\n",
        );
        assert_eq!(
            lines(&script),
            [
                "〈姿勢〉今年は「現場に立つ」ことを全庁の姿勢として掲げます",
                "① 人づくり　学びの場の拡大"
            ]
        );
        let options = crate::export::ExportOptions {
            blog_summary: Some(vec![
                "〈姿勢〉現場に立つ<script>".to_string(),
                String::new(),
                "① 人づくりの推進".to_string(),
            ]),
            ..crate::export::ExportOptions::new(crate::export::ExportProfile::Blog)
        };
        let html = crate::export::export(&script, &options);
        assert!(
            html.contains(
                "<p>〈姿勢〉現場に立つ&lt;script&gt;</p>\n<ul>\n<li>① 人づくりの推進</li>"
            ),
            "{html}"
        );
    }

    #[test]
    fn a_long_line_loses_its_leading_clauses_in_one_pass() {
        // Clauses go one by one while the line is over 60 characters (the text is 18).
        let tail = "市民の皆さんと共に未来を築く取り組み";
        let long = format!("{}{tail}", "、".repeat(200_000));
        assert_eq!(shorten(&long), format!("{}{tail}", "、".repeat(60 - 18)));
        let line = format!("{}、{tail}", "前置きの長い一節".repeat(8));
        assert_eq!(shorten(&line), tail);
    }

    #[test]
    fn key_sentences_end_in_nouns() {
        assert_eq!(
            shorten("地元の高校や事業所と連携したインターンシップを推進してまいります。"),
            "地元の高校や事業所と連携したインターンシップの推進"
        );
        assert_eq!(
            shorten("子育て支援の充実に全力で取り組みます。"),
            "子育て支援の充実への取り組み"
        );
        assert_eq!(
            shorten("市独自の「地域づくり塾」を立ち上げます。"),
            "市独自の「地域づくり塾」の立ち上げ"
        );
    }

    #[test]
    fn announcements_and_courtesy_are_not_key_sentences() {
        let script = parse(
            "## ② 共創\n\nまず2点目は、共創についてです。\n行政だけで解決できる課題は、年々少なくなっています。\n市民や企業と共に考える場を市内全域に広げます。\n",
        );
        let summary = summarise(&script);
        assert_eq!(
            summary.points[0].line,
            Some(Line::Key(
                "市民や企業と共に考える場を市内全域に広げます".to_string()
            ))
        );
    }

    #[test]
    fn a_speech_that_counts_its_points_is_summarised_by_them() {
        let script = parse(
            "本年も町の未来に向けて三つの姿を思い描きます。\n一つ目は、交流を繰り広げる友好と連携のまちです。\n二つ目は、誰もが住みやすい多様性のまちです。\nそして三つ目は、安全な社会基盤のまちです。\n",
        );
        assert_eq!(
            point_lines(&script),
            [
                Some(Line::Key("① 交流を繰り広げる友好と連携のまち".to_string())),
                Some(Line::Key("② 誰もが住みやすい多様性のまち".to_string())),
                Some(Line::Key("③ 安全な社会基盤のまち".to_string())),
            ]
        );
    }

    #[test]
    fn a_speech_without_headings_is_summarised_by_its_key_sentences() {
        let script = parse(
            "皆さん、あけましておめでとうございます。\n本年も防災の強化を進めてまいります。\n子育て世代の支援を充実させてまいります。\n最後に、皆さんのご健康をお祈りいたします。\n",
        );
        assert_eq!(
            point_lines(&script),
            [
                Some(Line::Key("本年も防災の強化の推進".to_string())),
                Some(Line::Key("子育て世代の支援の充実".to_string())),
            ]
        );
    }

    /// Text pasted one clause a line: a line that ends in a comma goes on in the next.
    #[test]
    fn a_line_broken_after_a_comma_is_read_with_the_next() {
        let script = parse(
            "## ② 改行\n\n貼り付けた文章も、\n書いたとおりの行で、プロンプターに出します。\n",
        );
        assert_eq!(
            point_lines(&script),
            [Some(Line::Key(
                "貼り付けた文章も、書いたとおりの行で、プロンプターに出します".to_string()
            ))]
        );
    }

    #[test]
    fn a_sentence_that_only_announces_the_heading_is_skipped() {
        assert!(announces(
            "一つ目は、地域の未来を担う人づくりです。",
            "① 地域の未来を担う人づくり"
        ));
        assert!(announces(
            "第三に、働き方を変えることです。",
            "第三に、働き方を変える"
        ));
        assert!(announces("まず1点目は、子育て支援についてです。", ""));
        assert!(!announces(
            "子どもたちが学び続けられるまちをつくります。",
            "① 人づくり"
        ));
        let script = parse(
            "## ① 人づくり\n\n一つ目は、人づくりです。学びの場を広げます。\n\n## ② 共創\n\n共創の輪を広げ、大学とともに課題を解きます。\n",
        );
        assert_eq!(
            point_lines(&script),
            [
                Some(Line::Key("学びの場の拡大".to_string())),
                Some(Line::Key(
                    "共創の輪を広げ、大学とともに課題を解きます".to_string()
                )),
            ]
        );
    }
}
