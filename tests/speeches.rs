//! Real speeches (tests/data/corpus, see its README): what must hold on text that offices
//! actually write and paste. The figures themselves are printed by `benches/speeches.rs`.
//!
//! `PODIUM_CORPUS_VERBOSE=1 cargo test --test speeches -- --nocapture` lists every miss.

#[path = "common/corpus.rs"]
mod corpus;

use podium::analysis::{analyse_with_words, AnalysisOptions, Words};
use podium::japanese::dictionary::{self, Dictionary};
use podium::japanese::{read_script, UserReadings};
use podium::script::parse;
use std::path::Path;
use std::sync::OnceLock;

fn dictionary() -> &'static Dictionary {
    static DICTIONARY: OnceLock<Dictionary> = OnceLock::new();
    DICTIONARY.get_or_init(|| {
        let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache/podium/dictionary");
        dictionary::open(&dictionary::default_sources(), &cache)
            .expect("the dictionary: install mecab-ipadic (make deps)")
            .0
    })
}

fn verbose() -> bool {
    std::env::var_os("PODIUM_CORPUS_VERBOSE").is_some()
}

#[test]
fn timing_does_not_depend_on_where_lines_break() {
    let user = UserReadings::default();
    let words = Words {
        dictionary: dictionary(),
        user: &user,
    };
    let options = AnalysisOptions::default();
    let mut differences = Vec::new();
    for speech in corpus::speeches() {
        let original = analyse_with_words(&speech.text, &options, words);
        for (variant, text) in corpus::rebroken(&speech.text) {
            let other = analyse_with_words(&text, &options, words);
            if other.morae != original.morae
                || (other.timing.seconds - original.timing.seconds).abs() > 1e-9
            {
                differences.push(format!(
                    "{} ({variant}): {:?} morae, {:.2} s against {:?}, {:.2} s",
                    speech.id,
                    other.morae,
                    other.timing.seconds,
                    original.morae,
                    original.timing.seconds
                ));
            }
        }
    }
    assert!(differences.is_empty(), "{differences:#?}");
}

/// Every gold item of the given classes, read right.
fn check_items(classes: &[&str]) -> (usize, Vec<String>) {
    let user = UserReadings::default();
    let items = corpus::gold_items();
    let mut wrong = Vec::new();
    let mut count = 0;
    for speech in corpus::speeches() {
        let readings = read_script(dictionary(), &user, &parse(&speech.text), &speech.text);
        for item in items
            .iter()
            .filter(|i| i.speech == speech.id && classes.contains(&i.class.as_str()))
        {
            count += 1;
            let range = corpus::locate(&speech, item)
                .unwrap_or_else(|| panic!("{}: {:?} not in its line", item.speech, item.context));
            let (ours, whole) =
                corpus::reading_of(&readings, &range, &speech.text).unwrap_or_default();
            if !corpus::item_right(&ours, &item.reading, whole) {
                wrong.push(format!(
                    "{}:{} {} → {ours} (gold {})",
                    item.speech, item.line, item.surface, item.reading
                ));
            }
        }
    }
    (count, wrong)
}

#[test]
fn numbers_dates_and_counters_are_read_right() {
    let (count, wrong) = check_items(&["number", "date", "counter"]);
    assert!(count > 150, "{count} items");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Items no rule can read without knowing more than the words: the office's reading dictionary
/// is where they belong.
const KNOWN_MISSES: &[(&str, &str)] = &[
    // 「今日、人生100年と言われている時代」: コンニチ (nowadays); キョウ everywhere else.
    ("02-ome-shinseijin", "今日"),
    // A prefecture's brand, read ネスト.
    ("11-tottori-nento", "NE-ST"),
    // A town's name the dictionary lacks (タワラモトチョウ): the town's office adds it.
    ("24-tawaramoto-shoshinhyomei", "田原本町"),
];

#[test]
fn acronyms_readings_in_brackets_and_speech_words_are_read_right() {
    let (count, wrong) = check_items(&["acronym", "bracket", "word"]);
    if verbose() {
        eprintln!("{} of {count} wrong: {wrong:#?}", wrong.len());
    }
    assert!(count > 100, "{count} items");
    let unexpected: Vec<&String> = wrong
        .iter()
        .filter(|w| {
            !KNOWN_MISSES.iter().any(|(speech, surface)| {
                w.starts_with(speech) && w.contains(&format!(" {surface} → "))
            })
        })
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
}

/// Each class of misreading seen in pasted speeches, as a user pastes it (full-width digits,
/// brackets, one sentence a line).
#[test]
fn each_class_of_misreading_is_read_right() {
    let cases = [
        ("台風が4つも来ました。", "タイフウガヨッツモキマシタ"),
        ("1つ目は、", "ヒトツメハ"),
        (
            "1人、2人と増え、3人になりました。",
            "ヒトリフタリトフエサンニンニナリマシタ",
        ),
        ("1日の朝に集まります。", "ツイタチノアサニアツマリマス"),
        ("1日から始まります。", "ツイタチカラハジマリマス"),
        ("１２月１日に開きます。", "ジュウニガツツイタチニヒラキマス"),
        ("第2四半期の実績です。", "ダイニシハンキノジッセキデス"),
        ("9:30に始めます。", "クジサンジュップンニハジメマス"),
        ("B-1グランプリです。", "ビーイチグランプリデス"),
        ("ＧＩＧＡスクール構想です。", "ギガスクールコウソウデス"),
        ("SDGsの目標です。", "エスディージーズノモクヒョウデス"),
        ("関係の方にお願いします。", "カンケイノカタニオネガイシマス"),
        (
            "皆様方と先生方に感謝します。",
            "ミナサマガタトセンセイガタニカンシャシマス",
        ),
        (
            "本市と本県は減災に取り組みます。",
            "ホンシトホンケンハゲンサイニトリクミマス",
        ),
        (
            "お忙しい中、ありがとうございます。",
            "オイソガシイナカアリガトウゴザイマス",
        ),
        ("鮪（まぐろ）を食べました。", "マグロヲタベマシタ"),
        (
            "旧年中はお世話になりました。",
            "キュウネンチュウハオセワニナリマシタ",
        ),
    ];
    let user = UserReadings::default();
    let mut wrong = Vec::new();
    for (text, gold) in cases {
        let ours: String = read_script(dictionary(), &user, &parse(text), text)
            .iter()
            .map(|r| r.kana())
            .collect();
        if corpus::as_heard(&ours) != corpus::as_heard(gold) {
            wrong.push(format!("{text} → {ours} (gold {gold})"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn no_digit_letter_or_ascii_symbol_is_left_in_a_reading() {
    let user = UserReadings::default();
    for speech in corpus::speeches() {
        for reading in read_script(dictionary(), &user, &parse(&speech.text), &speech.text) {
            for part in reading.parts.iter() {
                assert!(
                    !part.kana.chars().any(|c| c.is_ascii_graphic()
                        || ('０'..='９').contains(&c)
                        || ('Ａ'..='ｚ').contains(&c)),
                    "{}: {} → {}",
                    speech.id,
                    part.text,
                    part.kana
                );
            }
        }
    }
}

#[test]
fn words_are_read_right() {
    let user = UserReadings::default();
    let (mut right, mut total) = (0, 0);
    for gold in corpus::gold_sentences() {
        let readings = read_script(dictionary(), &user, &parse(&gold.sentence), &gold.sentence);
        for reading in &readings {
            let (r, t) = corpus::words_right(reading, &gold.reading);
            right += r;
            total += t;
            if verbose() && r < t {
                let ours: String = reading
                    .parts
                    .iter()
                    .map(|p| format!("{}[{}] ", p.text, p.kana))
                    .collect();
                eprintln!(
                    "{} ({})\n  ours {ours}\n  gold {}\n  heard {} / {}",
                    gold.sentence,
                    gold.speech,
                    gold.reading,
                    corpus::as_heard(&reading.kana()),
                    corpus::as_heard(&gold.reading)
                );
            }
        }
    }
    let share = right as f64 / total as f64;
    eprintln!("words read right: {right}/{total} ({:.2} %)", share * 100.0);
    assert!(share >= 0.99, "{right}/{total}");
}

/// The mora count against an independent one: UniDic's (Debian's unidic-mecab), which reads
/// digits one by one and skips words it does not know, so the two differ a little.
#[test]
fn the_mora_count_agrees_with_an_independent_count() {
    let user = UserReadings::default();
    let words = Words {
        dictionary: dictionary(),
        user: &user,
    };
    let unidic = corpus::unidic_morae();
    let (mut ours_total, mut theirs_total) = (0usize, 0usize);
    for speech in corpus::speeches() {
        let ours = analyse_with_words(&speech.text, &AnalysisOptions::default(), words)
            .morae
            .expect("timed in morae");
        let (_, theirs) = unidic
            .iter()
            .find(|(id, _)| *id == speech.id)
            .expect("every speech is counted");
        let off = (ours as f64 - *theirs as f64).abs() / *theirs as f64;
        assert!(off < 0.05, "{}: {ours} morae, UniDic {theirs}", speech.id);
        ours_total += ours;
        theirs_total += theirs;
    }
    let off = (ours_total as f64 - theirs_total as f64).abs() / theirs_total as f64;
    assert!(off < 0.01, "{ours_total} morae, UniDic {theirs_total}");
}

/// Every finding on the corpus is judged by hand (`judged-findings.tsv`), and at least 80 % of
/// them were judged useful. A rule that finds something new fails here until it is judged.
#[test]
fn findings_are_judged_and_mostly_useful() {
    let user = UserReadings::default();
    let words = Words {
        dictionary: dictionary(),
        user: &user,
    };
    let judged = corpus::judged_findings();
    let (mut unjudged, mut useful, mut count) = (Vec::new(), 0, 0);
    for speech in corpus::speeches() {
        let analysis = analyse_with_words(&speech.text, &AnalysisOptions::default(), words);
        for finding in &analysis.findings {
            count += 1;
            match corpus::judgement(&judged, &speech.id, finding) {
                Some(judgement) => useful += usize::from(judgement.useful),
                None => unjudged.push(format!(
                    "{}\t{}\t{}\t{}\t?\t\t{}",
                    speech.id,
                    finding.span.line(),
                    finding.span.column(),
                    finding.rule.id(),
                    finding.excerpt
                )),
            }
        }
    }
    assert!(
        unjudged.is_empty(),
        "findings not judged yet (add them to judged-findings.tsv):\n{}",
        unjudged.join("\n")
    );
    assert_eq!(
        count,
        judged.len(),
        "judged findings that are no longer found"
    );
    assert!(
        useful * 100 >= count * 80,
        "{useful} of {count} findings judged useful"
    );
}
