//! Counters after a number (本, 回, 人, 日, 月, 年, 分 …): the sound changes they make to the
//! number's last sound and to their own first one, and the special readings (ヒトリ, ツイタチ,
//! ハツカ, ハタチ). [`super::numbers`] scans the number and asks here for the counter, giving
//! the number's own reading to change.

/// How a counter changes the number before it and its own first sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sandhi {
    /// No change: 枚, 台, 割, 倍 …
    None,
    /// は-row counters (本 ホン, 杯 ハイ, 匹 ヒキ): 1, 6, 8, 10, 100 geminate and take a
    /// p-sound; 3, 1,000 and 10,000 take a b-sound.
    H,
    /// か-row counters (回, 個, 件): 1, 6, 8, 10, 100 geminate.
    K,
    /// さ- and た-row counters (冊, 歳, 点, 通): 1, 8, 10 geminate.
    ST,
    /// 階 and 軒: like K, and 3 voices (サンガイ).
    KVoicedAfterThree,
    /// 分 (minutes): like H, but 3 and 4 take the p-sound too (サンプン, ヨンプン).
    Minutes,
}

/// Counters with special readings beyond the regular sound changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Special {
    None,
    /// 人: ヒトリ, フタリ, ヨニン.
    People,
    /// 日 (day of the month or a count of days): ツイタチ/イチニチ, フツカ … ハツカ.
    Day,
    /// 日間: イチニチカン, フツカカン …
    Days,
    /// 月 (month of the year): シガツ, シチガツ, クガツ.
    Month,
    /// 年, 年度, 年間: ヨネン.
    Year,
    /// 時, 時間: ヨジ, シチジ, クジ.
    Hour,
    /// 円: ヨエン.
    Yen,
    /// 歳, 才: ハタチ at 20.
    Age,
    /// つ, the native counter: ヒトツ … ココノツ, トオ.
    Native,
}

pub(super) struct Counter {
    written: &'static [&'static str],
    /// The counter read on its own (after a decimal number: 1.5倍 イッテンゴバイ).
    pub(super) kana: &'static str,
    sandhi: Sandhi,
    special: Special,
}

const fn counter(
    written: &'static [&'static str],
    kana: &'static str,
    sandhi: Sandhi,
    special: Special,
) -> Counter {
    Counter {
        written,
        kana,
        sandhi,
        special,
    }
}

use Sandhi::{KVoicedAfterThree, Minutes, None as Plain, H, K, ST};

const COUNTERS: &[Counter] = &[
    counter(&["つ"], "ツ", Plain, Special::Native),
    counter(&["人"], "ニン", Plain, Special::People),
    counter(&["日間"], "ニチカン", Plain, Special::Days),
    counter(&["日"], "ニチ", Plain, Special::Day),
    counter(&["月"], "ガツ", Plain, Special::Month),
    counter(
        &["か月", "ヶ月", "ケ月", "カ月", "ヵ月", "箇月"],
        "カゲツ",
        K,
        Special::None,
    ),
    counter(&["年度"], "ネンド", Plain, Special::Year),
    counter(&["年間"], "ネンカン", Plain, Special::Year),
    counter(&["年生"], "ネンセイ", Plain, Special::Year),
    counter(&["年"], "ネン", Plain, Special::Year),
    counter(&["時間"], "ジカン", Plain, Special::Hour),
    counter(&["時"], "ジ", Plain, Special::Hour),
    counter(&["分間"], "フンカン", Minutes, Special::None),
    counter(&["分"], "フン", Minutes, Special::None),
    counter(&["秒"], "ビョウ", Plain, Special::None),
    counter(&["円"], "エン", Plain, Special::Yen),
    counter(&["歳", "才"], "サイ", ST, Special::Age),
    counter(&["本"], "ホン", H, Special::None),
    counter(&["杯"], "ハイ", H, Special::None),
    counter(&["匹"], "ヒキ", H, Special::None),
    counter(&["泊"], "ハク", H, Special::None),
    counter(&["発"], "ハツ", H, Special::None),
    counter(&["票"], "ヒョウ", H, Special::None),
    counter(&["品"], "ヒン", H, Special::None),
    counter(&["回"], "カイ", K, Special::None),
    counter(&["個"], "コ", K, Special::None),
    counter(&["件"], "ケン", K, Special::None),
    counter(&["校"], "コウ", K, Special::None),
    counter(&["期"], "キ", K, Special::None),
    counter(&["機"], "キ", K, Special::None),
    counter(&["項"], "コウ", K, Special::None),
    counter(&["課"], "カ", K, Special::None),
    counter(&["館"], "カン", K, Special::None),
    counter(
        &["箇所", "か所", "カ所", "ヶ所"],
        "カショ",
        K,
        Special::None,
    ),
    counter(&["階"], "カイ", KVoicedAfterThree, Special::None),
    counter(&["軒"], "ケン", KVoicedAfterThree, Special::None),
    counter(&["点"], "テン", ST, Special::None),
    counter(&["通"], "ツウ", ST, Special::None),
    counter(&["頭"], "トウ", ST, Special::None),
    counter(&["着"], "チャク", ST, Special::None),
    counter(&["丁目"], "チョウメ", ST, Special::None),
    counter(&["冊"], "サツ", ST, Special::None),
    counter(&["社"], "シャ", ST, Special::None),
    counter(&["週間"], "シュウカン", ST, Special::None),
    counter(&["週"], "シュウ", ST, Special::None),
    counter(&["周年"], "シュウネン", ST, Special::None),
    counter(&["章"], "ショウ", ST, Special::None),
    counter(&["世帯"], "セタイ", ST, Special::None),
    counter(&["枚"], "マイ", Plain, Special::None),
    counter(&["台"], "ダイ", Plain, Special::None),
    counter(&["割"], "ワリ", Plain, Special::None),
    counter(&["倍"], "バイ", Plain, Special::None),
    counter(&["位"], "イ", Plain, Special::None),
    counter(&["番目"], "バンメ", Plain, Special::None),
    counter(&["番地"], "バンチ", Plain, Special::None),
    counter(&["番"], "バン", Plain, Special::None),
    counter(&["号"], "ゴウ", Plain, Special::None),
    counter(&["度"], "ド", Plain, Special::None),
    counter(&["名"], "メイ", Plain, Special::None),
    counter(&["条"], "ジョウ", Plain, Special::None),
    counter(&["代"], "ダイ", Plain, Special::None),
    counter(&["次"], "ジ", Plain, Special::None),
    counter(&["部"], "ブ", Plain, Special::None),
    counter(&["区"], "ク", Plain, Special::None),
    counter(&["%", "％", "パーセント"], "パーセント", ST, Special::None),
];
/// The longest counter at the start of `text`.
pub(super) fn find_counter(text: &str) -> Option<(&'static Counter, &'static str)> {
    COUNTERS
        .iter()
        .flat_map(|c| c.written.iter().map(move |w| (c, *w)))
        .filter(|(_, written)| text.starts_with(written))
        .max_by_key(|(_, written)| written.len())
}

/// The last spoken unit of a number: what a counter's sound change acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Digit(u64),
    Ten,
    Hundred,
    Thousand,
    Big,
    Zero,
}

fn last_unit(value: u64) -> Last {
    if value == 0 {
        Last::Zero
    } else if !value.is_multiple_of(10) {
        Last::Digit(value % 10)
    } else if !value.is_multiple_of(100) {
        Last::Ten
    } else if !value.is_multiple_of(1000) {
        Last::Hundred
    } else if !value.is_multiple_of(10_000) {
        Last::Thousand
    } else {
        Last::Big
    }
}

const DAYS: [&str; 11] = [
    "",
    "ツイタチ",
    "フツカ",
    "ミッカ",
    "ヨッカ",
    "イツカ",
    "ムイカ",
    "ナノカ",
    "ヨウカ",
    "ココノカ",
    "トオカ",
];

/// The number `value`, read `words` on its own (サン, ビャク …), with `counter` after it.
pub(super) fn with_counter(
    value: u64,
    mut words: Vec<&'static str>,
    counter: &Counter,
    after_month: bool,
) -> String {
    let last = last_unit(value);
    let mut counter_kana = counter.kana.to_string();
    let replace_last = |words: &mut Vec<&'static str>, with: &'static str| {
        if let Some(word) = words.last_mut() {
            *word = with;
        }
    };
    match counter.special {
        Special::People if value == 1 => return "ヒトリ".to_string(),
        Special::People if value == 2 => return "フタリ".to_string(),
        Special::People | Special::Year | Special::Yen if last == Last::Digit(4) => {
            replace_last(&mut words, "ヨ");
        }
        Special::Day | Special::Days => {
            let suffix = if counter.special == Special::Days {
                "カン"
            } else {
                ""
            };
            if value == 1 {
                let one = if after_month && suffix.is_empty() {
                    "ツイタチ"
                } else {
                    "イチニチ"
                };
                return format!("{one}{suffix}");
            }
            if value == 20 {
                return format!("ハツカ{suffix}");
            }
            if value <= 10 {
                return format!("{}{suffix}", DAYS[value as usize]);
            }
            if value % 10 == 4 && value < 100 {
                replace_last(&mut words, "ヨッカ");
                return format!("{}{suffix}", words.concat());
            }
            if last == Last::Digit(7) {
                replace_last(&mut words, "シチ");
            } else if last == Last::Digit(9) {
                replace_last(&mut words, "ク");
            }
        }
        Special::Month => match value {
            4 => return "シガツ".to_string(),
            7 => return "シチガツ".to_string(),
            9 => return "クガツ".to_string(),
            _ => {}
        },
        Special::Hour => match last {
            Last::Digit(4) => replace_last(&mut words, "ヨ"),
            Last::Digit(7) => replace_last(&mut words, "シチ"),
            Last::Digit(9) => replace_last(&mut words, "ク"),
            _ => {}
        },
        Special::Age if value == 20 => return "ハタチ".to_string(),
        Special::Native if (1..=10).contains(&value) => {
            return NATIVE[value as usize - 1].to_string()
        }
        _ => {}
    }
    let geminate = |words: &mut Vec<&'static str>, six: bool, hundred: bool| -> bool {
        let Some(word) = words.last_mut() else {
            return false;
        };
        let changed = match (last, *word) {
            (Last::Digit(1), "イチ") => "イッ",
            (Last::Digit(6), "ロク") if six => "ロッ",
            (Last::Digit(8), "ハチ") => "ハッ",
            (Last::Ten, "ジュウ") => "ジュッ",
            (Last::Hundred, "ヒャク") if hundred => "ヒャッ",
            (Last::Hundred, "ビャク") if hundred => "ビャッ",
            (Last::Hundred, "ピャク") if hundred => "ピャッ",
            _ => return false,
        };
        *word = changed;
        true
    };
    match counter.sandhi {
        Sandhi::None => {}
        Sandhi::K => {
            geminate(&mut words, true, true);
        }
        Sandhi::KVoicedAfterThree => {
            geminate(&mut words, true, true);
            if last == Last::Digit(3) {
                counter_kana = voiced(&counter_kana, false);
            }
        }
        Sandhi::ST => {
            geminate(&mut words, false, false);
        }
        Sandhi::H | Sandhi::Minutes => {
            if geminate(&mut words, true, true) {
                counter_kana = voiced(&counter_kana, true);
            } else {
                let p_sound = counter.sandhi == Sandhi::Minutes
                    && matches!(last, Last::Digit(3) | Last::Digit(4));
                let b_sound = counter.sandhi == Sandhi::H
                    && matches!(last, Last::Digit(3) | Last::Thousand | Last::Big);
                if p_sound {
                    counter_kana = voiced(&counter_kana, true);
                } else if b_sound {
                    counter_kana = voiced(&counter_kana, false);
                }
            }
        }
    }
    let mut out = words.concat();
    out.push_str(&counter_kana);
    out
}

/// 1つ … 10: the native numbers.
const NATIVE: [&str; 10] = [
    "ヒトツ",
    "フタツ",
    "ミッツ",
    "ヨッツ",
    "イツツ",
    "ムッツ",
    "ナナツ",
    "ヤッツ",
    "ココノツ",
    "トオ",
];

/// The counter's first kana with a p-sound (ホ → ポ) or a b-sound (ホ → ボ, カ → ガ).
fn voiced(kana: &str, half: bool) -> String {
    let mut chars = kana.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let changed = match (first, half) {
        ('ハ', true) => 'パ',
        ('ヒ', true) => 'ピ',
        ('フ', true) => 'プ',
        ('ヘ', true) => 'ペ',
        ('ホ', true) => 'ポ',
        ('ハ', false) => 'バ',
        ('ヒ', false) => 'ビ',
        ('フ', false) => 'ブ',
        ('ヘ', false) => 'ベ',
        ('ホ', false) => 'ボ',
        ('カ', false) => 'ガ',
        ('ケ', false) => 'ゲ',
        (other, _) => other,
    };
    let mut out = String::from(changed);
    out.extend(chars);
    out
}
