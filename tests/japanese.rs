//! Japanese depth with the real dictionary: readings, numbers in context, furigana
//! suggestions, word rules and the mora timing against timed readings.
//!
//! The dictionary is built from Debian's mecab-ipadic (no network) into the cargo target's
//! tmp folder, once: later runs, and CI runs that keep the target folder, load it.
//! Regenerate the golden files with `UPDATE_GOLDEN=1 cargo test --test japanese`.

mod common;

use common::{assert_golden, data};
use podium::analysis::{analyse_with_words, Analyser, AnalysisOptions, Words};
use podium::japanese::dictionary::{self, Provenance};
use podium::japanese::{read_script, Dictionary, UserReadings};
use podium::lint::{Finding, Rule};
use podium::rehearsal::{measured_mora_pace, SectionRun};
use podium::script::parse;
use podium::timing::Unit;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The cache the CLI tests share (they set XDG_CACHE_HOME to the same folder).
pub fn cache() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache/podium/dictionary")
}

fn dictionary() -> &'static Dictionary {
    static DICTIONARY: OnceLock<Dictionary> = OnceLock::new();
    DICTIONARY.get_or_init(|| {
        let (loaded, provenance) = dictionary::open(&dictionary::default_sources(), &cache())
            .expect("the dictionary: install mecab-ipadic (make deps)");
        if let Provenance::Built(took) = provenance {
            eprintln!("dictionary built in {:.1} s", took.as_secs_f64());
        }
        loaded
    })
}

fn analyse(source: &str, user: &UserReadings) -> podium::analysis::Analysis {
    let words = Words {
        dictionary: dictionary(),
        user,
    };
    analyse_with_words(source, &AnalysisOptions::default(), words)
}

fn read(source: &str) -> Vec<String> {
    read_with(source, &UserReadings::default())
}

fn read_with(source: &str, user: &UserReadings) -> Vec<String> {
    read_script(dictionary(), user, &parse(source), source)
        .iter()
        .map(|s| s.kana())
        .collect()
}

fn of_rule(findings: &[Finding], rule: Rule) -> Vec<&Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn the_address_reads_as_its_golden_file() {
    let source = std::fs::read_to_string(data("address.md")).unwrap();
    let mut lines = read(&source).join("\n");
    lines.push('\n');
    assert_golden("address.readings.txt", &lines);
}

/// An analyser that keeps what each passage gave must give, after any edit, what a fresh
/// analysis of the edited text gives: findings (also those that compare passages), readings,
/// timing and outline.
#[test]
fn an_analyser_after_edits_equals_a_fresh_analysis() {
    let address = std::fs::read_to_string(data("address.md")).unwrap();
    let first = address.find("職員の皆さん").expect("a sentence to edit");
    let paragraph = address[first..].split("\n\n").next().unwrap().to_string();
    let section = address.find("\n## ").expect("a section") + 1;
    let next = section + 3 + address[section + 3..].find("\n## ").unwrap() + 1;
    let edits: Vec<String> = vec![
        address.clone(),
        // A keystroke in one sentence, then another.
        format!("{}1{}", &address[..first], &address[first..]),
        format!("{}12{}", &address[..first], &address[first..]),
        // A paragraph pasted twice: equal passages, furigana and 表記ゆれ counted across.
        address.replacen(&paragraph, &format!("{paragraph}\n\n{paragraph}"), 1),
        // A section cut out, then the draft back.
        format!("{}{}", &address[..section], &address[next..]),
        address.clone(),
        // The same text with ruby read another way, and a variant spelling added.
        format!("{}{{市長|しちょう}}の取組です。\n", address),
        format!("{}{{市長|いちおさ}}の取組です。\n", address),
        String::new(),
        address.clone(),
    ];
    let user = UserReadings::new([("白井亨".to_string(), "しらいとおる".to_string())]);
    let other_user = UserReadings::new([("職員".to_string(), "しょくいん".to_string())]);
    let strict = AnalysisOptions {
        lint: podium::lint::LintConfig {
            max_sentence_chars: 30,
            ..Default::default()
        },
        ..Default::default()
    };
    let defaults = AnalysisOptions::default();
    let words = |user| {
        Some(Words {
            dictionary: dictionary(),
            user,
        })
    };
    let analyser = Analyser::default();
    let json = |a: &podium::analysis::Analysis| serde_json::to_string(a).unwrap();
    let runs = [
        (&defaults, words(&user)),
        (&strict, words(&user)),
        (&defaults, words(&other_user)),
        (&defaults, None),
        (&defaults, words(&user)),
    ];
    for (options, words) in runs {
        for text in &edits {
            let kept = analyser.analyse(text, options, words);
            let fresh = Analyser::default().analyse(text, options, words);
            assert_eq!(json(&kept), json(&fresh), "{text}");
        }
    }
}

#[test]
fn numbers_dates_counters_and_acronyms_in_sentences() {
    assert_eq!(
        read("1月4日に2,000人が集まりました。"),
        ["イチガツヨッカニニセンニンガアツマリマシタ。"]
    );
    assert_eq!(
        read("3点目はDXです。"),
        ["サンテンメワディーエックスデス。"]
    );
    assert_eq!(
        read("一本、三本、六本。八百、三百、千。"),
        [
            "イッポン、サンボン、ロッポン。",
            "ハッピャク、サンビャク、セン。"
        ]
    );
    assert_eq!(read("4月1日と20日。"), ["シガツツイタチトハツカ。"]);
    assert_eq!(read("1日も早く。"), ["イチニチモハヤク。"]);
    assert_eq!(read("一つ目は。"), ["ヒトツメワ。"]);
}

#[test]
fn ruby_and_the_offices_readings_come_first() {
    assert_eq!(read("{市長|しちょう}です。"), ["シチョウデス。"]);
    let user = UserReadings::new([("白井亨".to_string(), "しらいとおる".to_string())]);
    assert_eq!(
        read_with("市長の白井亨です。", &user),
        ["シチョーノシライトオルデス。"]
    );
}

#[test]
fn morae_time_the_draft_and_stats_report_them() {
    let analysis = analyse(
        "## 一\n\nあけましておめでとうございます。\n",
        &UserReadings::default(),
    );
    // アケマシテ オメデトー ゴザイマス: 5 + 5 + 5.
    assert_eq!(analysis.morae, Some(15));
    assert_eq!(analysis.timing.pace.unit, Unit::Mora);
    assert_eq!(analysis.readings.len(), 1);
}

#[test]
fn furigana_suggestions_insert_ruby_when_accepted() {
    let source = "## 一\n\n躊躇うことなく、白井亨が進めます。\n";
    let user = UserReadings::new([("白井亨".to_string(), "シライトオル".to_string())]);
    let analysis = analyse(source, &user);
    let suggestions = of_rule(&analysis.findings, Rule::Furigana);
    let fixes: Vec<&str> = suggestions
        .iter()
        .map(|f| f.fix.as_ref().unwrap().replacement.as_str())
        .collect();
    assert_eq!(fixes, ["{躊躇|ためら}う", "{白井亨|しらいとおる}"]);
    // Accepting the first: the ruby is in the draft and is no longer suggested.
    let fix = suggestions[0].fix.as_ref().unwrap();
    let accepted = format!(
        "{}{}{}",
        &source[..fix.span.start()],
        fix.replacement,
        &source[fix.span.end()..]
    );
    assert!(accepted.contains("{躊躇|ためら}うことなく"));
    let again = analyse(&accepted, &user);
    assert_eq!(of_rule(&again.findings, Rule::Furigana).len(), 1);
    assert_eq!(
        read_with(&accepted, &user),
        ["タメラウコトナク、シライトオルガススメマス。"]
    );
}

#[test]
fn word_rules_report_once() {
    let user = UserReadings::default();
    let doubled = analyse("計画をを進めます。", &user);
    assert_eq!(of_rule(&doubled.findings, Rule::DoubledParticle).len(), 1);

    let repeated = analyse("材料不足で代替素材で製品を作った。", &user);
    let found = of_rule(&repeated.findings, Rule::RepeatedParticle);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].excerpt, "で");
    // Parallel と, も … も, の and a 読点 between are fine, and so is a particle repeated
    // with も (「先輩にも上司にも」).
    for fine in [
        "市民と企業と大学の皆さんも職員も、力を合わせ、知恵を出します。",
        "遠慮せずに、先輩にも上司にも問いかけてください。",
    ] {
        let findings = analyse(fine, &user).findings;
        assert!(
            of_rule(&findings, Rule::RepeatedParticle).is_empty(),
            "{fine}"
        );
    }
    // Far apart, the ear has moved on: 「をされた…感謝を」 is not a repeat.
    let far = analyse(
        "ご努力をされた百九名の先輩方には心から改めて敬意と感謝を申し上げます。",
        &user,
    );
    assert!(of_rule(&far.findings, Rule::RepeatedParticle).is_empty());

    let variants = analyse(
        "地域の取組です。新しい取り組みです。取組を進めます。",
        &user,
    );
    let found = of_rule(&variants.findings, Rule::NotationVariant);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].excerpt, "取り組み");

    let heard = analyse("市立の学校と私立の学校。", &user);
    assert_eq!(of_rule(&heard.findings, Rule::Homophone).len(), 2);
    // One word of a pair alone is not confused with anything.
    let alone = analyse("市立の学校です。化学の授業です。", &user);
    assert!(of_rule(&alone.findings, Rule::Homophone).is_empty());

    let run = analyse("地域包括支援体制構築推進事業を始めます。", &user);
    assert_eq!(of_rule(&run.findings, Rule::KanjiRun).len(), 1);
    // An official name is said as it is: a proper noun, or an institution's, an event's or a
    // budget's name.
    for name in [
        "伊吹山文化資料館を訪ねました。",
        "ここに卒業証書授与式が挙行されます。",
        "令和6年度当初予算案を提案します。",
        "緊急消防援助隊として派遣しました。",
    ] {
        let findings = analyse(name, &user).findings;
        assert!(of_rule(&findings, Rule::KanjiRun).is_empty(), "{name}");
    }
}

/// A paragraph of the fixtures as Open JTalk read it (see tests/data/README.md).
#[derive(Deserialize)]
struct Timed {
    file: String,
    /// The paragraph in the dialect, cues removed.
    text: String,
    rate: f64,
    seconds: f64,
}

#[test]
fn calibrated_mora_estimate_is_within_five_percent_of_timed_readings() {
    let timed: Vec<Timed> =
        serde_json::from_str(&std::fs::read_to_string(data("rehearsals/openjtalk.json")).unwrap())
            .unwrap();
    let user = UserReadings::default();
    let options = AnalysisOptions::default();
    // Each paragraph as a rehearsed section: the estimate's morae and pauses, the timed seconds.
    let records: Vec<(f64, &str, SectionRun)> = timed
        .iter()
        .map(|t| {
            let analysis = analyse(&t.text, &user);
            let speaking = analysis.timing.spoken as f64 * 60.0 / options.mora_pace.per_minute;
            let record = SectionRun {
                position: 0,
                title: t.file.clone(),
                spoken: analysis.timing.chars,
                morae: Some(analysis.timing.spoken),
                pause_seconds: analysis.timing.seconds - speaking,
                estimated_seconds: analysis.timing.seconds,
                seconds: t.seconds,
            };
            (t.rate, t.text.as_str(), record)
        })
        .collect();
    // Calibrate on one fixture's paragraphs, predict the other's (and the other way round),
    // for each speaking rate of the voice.
    let mut worst: f64 = 0.0;
    let mut errors = Vec::new();
    let mut total = (0.0, 0.0);
    for t in &timed {
        let others = records
            .iter()
            .zip(&timed)
            .filter(|((rate, _, _), o)| *rate == t.rate && o.file != t.file)
            .map(|((_, _, rec), _)| rec);
        let pace = measured_mora_pace(others).unwrap();
        let (_, text, record) = records
            .iter()
            .find(|(r, x, _)| *r == t.rate && *x == t.text)
            .unwrap();
        let morae = record.morae.unwrap() as f64;
        let estimate = morae * 60.0 / pace + record.pause_seconds;
        let error = (estimate - record.seconds) / record.seconds;
        total.0 += estimate;
        total.1 += record.seconds;
        eprintln!(
            "rate {:.2} {}: {:.1} s estimated, {:.1} s timed, {:+.1}% ({:.0} morae/min) {}",
            t.rate,
            t.file,
            estimate,
            record.seconds,
            error * 100.0,
            pace,
            text.chars().take(12).collect::<String>()
        );
        worst = worst.max(error.abs());
        errors.push(error);
    }
    let overall = (total.0 - total.1) / total.1;
    let within = errors.iter().filter(|e| e.abs() <= 0.05).count();
    errors.sort_by(|a, b| a.abs().total_cmp(&b.abs()));
    let median = errors[errors.len() / 2].abs();
    eprintln!(
        "after calibration: {within} of {} paragraphs within ±5%, median {:.1}%, worst {:.1}%, \
         all paragraphs together {:+.1}%",
        errors.len(),
        median * 100.0,
        worst * 100.0,
        overall * 100.0
    );
    assert!(
        overall.abs() <= 0.02,
        "overall error {:.1}%",
        overall * 100.0
    );
    assert!(median <= 0.02, "median error {:.1}%", median * 100.0);
    // The worst is the signature line 「令和9年1月10日　市長　山田太郎」 (-13 %): by the residual
    // the voice pauses about 0.6 s at each full-width space, the estimate a comma's 0.3 s (-27 %
    // when the space did not pause at all).
    assert!(worst <= 0.15, "worst error {:.1}%", worst * 100.0);
    assert!(
        within * 10 >= errors.len() * 8,
        "{within} of {} within ±5%",
        errors.len()
    );
}

#[test]
fn furigana_is_inserted_with_one_click_only_when_sure() {
    let source = "本市では、下妻から来た方が躊躇なく話しました。\n";
    let analysis = analyse(source, &UserReadings::default());
    let suggestions = of_rule(&analysis.findings, Rule::Furigana);
    let about = |word: &str| {
        suggestions
            .iter()
            .find(|f| f.excerpt.contains(word) && f.message.contains(word))
    };
    // The office's own word: no ruby at all.
    assert!(
        !suggestions
            .iter()
            .any(|f| f.message.contains("本市") || f.message.contains("もといち")),
        "{suggestions:#?}"
    );
    // A place name: checked by the writer, with the readings to choose from, never one click.
    let name = about("下妻").expect("a name is offered for checking");
    assert!(name.fix.is_none(), "{name:#?}");
    assert!(name.message.contains("確かめて"), "{}", name.message);
    // A word the dictionary reads one way: one click.
    let sure = suggestions
        .iter()
        .find(|f| {
            f.fix
                .as_ref()
                .is_some_and(|fix| fix.replacement.contains("躊躇"))
        })
        .expect("躊躇 is suggested with its fix");
    assert!(sure
        .fix
        .as_ref()
        .unwrap()
        .replacement
        .contains("ちゅうちょ"));
}

#[test]
fn a_huge_paragraph_is_read_piece_by_piece_as_its_sentences_would_be() {
    // Over HUGE_PASSAGE_BYTES without a 。: read in pieces cut after 、, each piece one part;
    // the kana and morae are those of the same text read a clause at a time.
    let clause = "市民の皆さんとともに{罹災|りさい}地を歩き、";
    let printed = "市民の皆さんとともに罹災地を歩き、";
    let count = podium::japanese::readings::HUGE_PASSAGE_BYTES / printed.len() + 10;
    let source = clause.repeat(count);
    let one = analyse(clause, &UserReadings::default());
    let huge = analyse(&source, &UserReadings::default());
    assert_eq!(huge.readings.len(), 1);
    let reading = &huge.readings[0];
    assert!(
        reading.parts.len() < count / 50,
        "{} parts",
        reading.parts.len()
    );
    assert_eq!(reading.morae, one.readings[0].morae * count);
    assert_eq!(reading.kana(), one.readings[0].kana().repeat(count));
    assert_eq!(read(&source), [one.readings[0].kana().repeat(count)]);
    // The word rules skip it; the character rules still report it.
    assert!(huge.findings.iter().any(|f| f.rule == Rule::SentenceLength));
    assert!(huge.findings.iter().all(|f| f.rule != Rule::Furigana));
}

/// `podium readings` prints each sentence as it is read (issue 18: holding every sentence's
/// parts took gigabytes): the same lines as `read_script`, a huge sentence in pieces.
#[test]
fn readings_one_sentence_at_a_time_are_the_readings_of_the_draft() {
    let huge = "市民の皆さんと共に、".repeat(8000);
    let source = format!(
        "# 題\n\n本日は{{晴天|せいてん}}です。本日は晴天です。本日は{{晴天|はれてん}}です。\n\n{huge}未来を築きます。\n\n本日は晴天です。\n"
    );
    let user = UserReadings::default();
    let script = parse(&source);
    let expected: Vec<String> = read_script(dictionary(), &user, &script, &source)
        .iter()
        .map(|r| r.kana())
        .collect();
    let mut lines = vec![String::new()];
    let mut pieces = Vec::new();
    podium::japanese::each_reading(dictionary(), &user, &script, &source, |kana, last| {
        lines.last_mut().unwrap().push_str(kana);
        pieces.push(last);
        if last {
            lines.push(String::new());
        }
        Ok::<(), ()>(())
    })
    .unwrap();
    lines.pop();
    assert_eq!(lines, expected);
    assert_eq!(lines[0], lines[1]);
    assert_ne!(lines[0], lines[2]);
    // The huge sentence came in pieces, each given as it was read.
    assert!(
        pieces.iter().filter(|last| !**last).count() > 4,
        "{pieces:?}"
    );
}

/// A writer who starts from a built-in template, or from the sample address, starts from a
/// clean list with the dictionary's word rules too (the core's own test checks the rules on
/// characters): filled, none raises a warning or an error.
#[test]
fn the_templates_and_the_sample_raise_no_warning_with_the_dictionary() {
    use podium::lint::Severity;
    use podium::templates::{builtin, fill, Placeholders, SAMPLE};
    let values = Placeholders {
        event: "仕事始め式".into(),
        speaker: "市長　山田太郎".into(),
        city: "みなと市".into(),
        ..Placeholders::new(time::macros::date!(2027 - 01 - 04))
    };
    let mut drafts: Vec<(&str, String)> = builtin()
        .iter()
        .map(|template| (template.id, fill(template.body, &values)))
        .collect();
    drafts.push(("sample", SAMPLE.to_owned()));
    let found: Vec<_> = drafts
        .iter()
        .flat_map(|(id, draft)| {
            analyse(draft, &UserReadings::default())
                .findings
                .into_iter()
                .filter(|finding| finding.severity != Severity::Info)
                .map(|finding| (*id, finding.span.line(), finding.message))
        })
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}
