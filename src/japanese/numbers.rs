//! Numbers, dates and counters read aloud: 1月4日 → イチガツヨッカ, 2,000人 → ニセンニン,
//! 3点目 → サンテンメ, 三百本 → サンビャッポン.
//!
//! A number is written in Arabic digits (half or full width, with thousands commas and a
//! decimal point) or kanji numerals (二千二十六, 二〇二六, 3万5千). Its reading follows the usual
//! sound changes (300 サンビャク, 600 ロッピャク, 8,000 ハッセン, 1兆 イッチョウ). A counter after
//! it changes the number's last sound and its own first one: 1本 イッポン, 3本 サンボン,
//! 6本 ロッポン, 10回 ジュッカイ, 100回 ヒャッカイ, 4人 ヨニン, 1日 イチニチ but 4月1日 シガツツイタチ,
//! 20日 ハツカ, 20歳 ハタチ, 3分 サンプン, 3分の1 サンブンノイチ.

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
}

struct Counter {
    written: &'static [&'static str],
    kana: &'static str,
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

/// A number and what follows it, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberReading {
    /// Bytes of the text read.
    pub len: usize,
    pub kana: String,
}

/// Read a number at the start of `text`, with its counter and a following 目.
/// `after_month` says the text follows 「…月」 (a date: 1日 is ツイタチ).
pub fn read_number(text: &str, after_month: bool) -> Option<NumberReading> {
    let number = scan_number(text)?;
    let rest = &text[number.len..];
    let mut kana;
    let mut len = number.len;
    if let Some(fraction) = &number.fraction {
        kana = number_kana(number.value).concat();
        kana.push_str("テン");
        for digit in fraction {
            kana.push_str(DIGITS[*digit as usize]);
        }
        if let Some((counter, written)) = find_counter(rest) {
            kana.push_str(counter.kana);
            len += written.len();
        }
        return Some(NumberReading { len, kana });
    }
    // 3分の1: a fraction, not minutes.
    if let Some(after) = rest.strip_prefix("分の") {
        if scan_number(after).is_some() {
            kana = number_kana(number.value).concat();
            kana.push_str("ブンノ");
            return Some(NumberReading {
                len: len + "分の".len(),
                kana,
            });
        }
    }
    match find_counter(rest) {
        Some((counter, written)) => {
            kana = with_counter(number.value, counter, after_month);
            len += written.len();
        }
        None => kana = number_kana(number.value).concat(),
    }
    if text[len..].starts_with('目') {
        kana.push('メ');
        len += '目'.len_utf8();
    }
    Some(NumberReading { len, kana })
}

/// Whether `c` can start a number.
pub fn starts_number(c: char) -> bool {
    digit_value(c).is_some()
}

struct ScannedNumber {
    len: usize,
    value: u64,
    fraction: Option<Vec<u8>>,
}

fn digit_value(c: char) -> Option<u64> {
    match c {
        '0'..='9' => Some(u64::from(c) - u64::from('0')),
        '０'..='９' => Some(u64::from(c) - u64::from('０')),
        '〇' | '零' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

fn small_unit(c: char) -> Option<u64> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

fn big_unit(c: char) -> Option<u64> {
    match c {
        '万' => Some(10_000),
        '億' => Some(100_000_000),
        '兆' => Some(1_000_000_000_000),
        _ => None,
    }
}

fn is_arabic(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The longest number at the start of `text`.
fn scan_number(text: &str) -> Option<ScannedNumber> {
    let mut chars = text.char_indices().peekable();
    let first = chars.peek().map(|(_, c)| *c)?;
    if digit_value(first).is_none() && small_unit(first).is_none() {
        return None;
    }
    let (mut total, mut section, mut current) = (0u64, 0u64, 0u64);
    let mut len = 0;
    let mut last_arabic = false;
    let mut fraction = None;
    while let Some(&(i, c)) = chars.peek() {
        if let Some(d) = digit_value(c) {
            current = current.checked_mul(10)?.checked_add(d)?;
            last_arabic = is_arabic(c);
        } else if let Some(unit) = small_unit(c) {
            section = section.checked_add(current.max(1).checked_mul(unit)?)?;
            current = 0;
            last_arabic = false;
        } else if let Some(unit) = big_unit(c) {
            if section + current == 0 {
                break;
            }
            total = total.checked_add((section + current).checked_mul(unit)?)?;
            section = 0;
            current = 0;
            last_arabic = false;
        } else if matches!(c, ',' | '，') && last_arabic && three_digits_follow(&text[i + 1..]) {
            // A thousands separator: the digits go on.
        } else if matches!(c, '.' | '．') && last_arabic {
            let after = i + c.len_utf8();
            let digits: Vec<(usize, u8)> = text[after..]
                .char_indices()
                .map_while(|(j, c)| {
                    is_arabic(c)
                        .then(|| (after + j + c.len_utf8(), digit_value(c).unwrap_or(0) as u8))
                })
                .collect();
            let Some(&(end, _)) = digits.last() else {
                break;
            };
            len = end;
            let digits = digits.into_iter().map(|(_, d)| d).collect();
            fraction = Some(digits);
            break;
        } else {
            break;
        }
        chars.next();
        len = i + c.len_utf8();
    }
    Some(ScannedNumber {
        len,
        value: total + section + current,
        fraction,
    })
}

fn three_digits_follow(text: &str) -> bool {
    let digits = text.chars().take_while(|c| is_arabic(*c)).count();
    digits == 3
}

const DIGITS: [&str; 10] = [
    "ゼロ",
    "イチ",
    "ニ",
    "サン",
    "ヨン",
    "ゴ",
    "ロク",
    "ナナ",
    "ハチ",
    "キュウ",
];

/// The reading of a number, word by word (サン, ビャク, ニジュウ …).
fn number_kana(value: u64) -> Vec<&'static str> {
    if value == 0 {
        return vec!["ゼロ"];
    }
    let mut out = Vec::new();
    let groups = [
        (1_000_000_000_000u64, "チョウ"),
        (100_000_000, "オク"),
        (10_000, "マン"),
        (1, ""),
    ];
    let mut rest = value;
    for (unit, name) in groups {
        let group = rest / unit;
        rest %= unit;
        if group == 0 {
            continue;
        }
        let group = group % 10_000;
        if unit == 1_000_000_000_000 {
            // 1兆 イッチョウ, 8兆 ハッチョウ, 10兆 ジュッチョウ.
            let mut words = group_kana(group);
            if let Some(last) = words.last_mut() {
                *last = match *last {
                    "イチ" => "イッ",
                    "ハチ" => "ハッ",
                    "ジュウ" => "ジュッ",
                    other => other,
                };
            }
            out.extend(words);
        } else {
            out.extend(group_kana(group));
        }
        if !name.is_empty() {
            out.push(name);
        }
    }
    out
}

/// 1–9999.
fn group_kana(group: u64) -> Vec<&'static str> {
    let mut out = Vec::new();
    let (thousands, hundreds, tens, ones) =
        (group / 1000, group / 100 % 10, group / 10 % 10, group % 10);
    match thousands {
        0 => {}
        1 => out.push("セン"),
        3 => out.extend(["サン", "ゼン"]),
        8 => out.extend(["ハッ", "セン"]),
        d => out.extend([DIGITS[d as usize], "セン"]),
    }
    match hundreds {
        0 => {}
        1 => out.push("ヒャク"),
        3 => out.extend(["サン", "ビャク"]),
        6 => out.extend(["ロッ", "ピャク"]),
        8 => out.extend(["ハッ", "ピャク"]),
        d => out.extend([DIGITS[d as usize], "ヒャク"]),
    }
    match tens {
        0 => {}
        1 => out.push("ジュウ"),
        d => out.extend([DIGITS[d as usize], "ジュウ"]),
    }
    if ones > 0 {
        out.push(DIGITS[ones as usize]);
    }
    out
}

/// The longest counter at the start of `text`.
fn find_counter(text: &str) -> Option<(&'static Counter, &'static str)> {
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

fn with_counter(value: u64, counter: &Counter, after_month: bool) -> String {
    let mut words = number_kana(value);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> String {
        read_number(text, false).map(|r| r.kana).unwrap_or_default()
    }

    #[test]
    fn plain_numbers() {
        assert_eq!(read("2026"), "ニセンニジュウロク");
        assert_eq!(read("2,000"), "ニセン");
        assert_eq!(read("300"), "サンビャク");
        assert_eq!(read("600"), "ロッピャク");
        assert_eq!(read("800"), "ハッピャク");
        assert_eq!(read("3000"), "サンゼン");
        assert_eq!(read("8000"), "ハッセン");
        assert_eq!(read("1000"), "セン");
        assert_eq!(read("10000"), "イチマン");
        assert_eq!(read("1億"), "イチオク");
        assert_eq!(read("1兆"), "イッチョウ");
        assert_eq!(read("3万5千"), "サンマンゴセン");
        assert_eq!(read("二千二十六"), "ニセンニジュウロク");
        assert_eq!(read("二〇二六"), "ニセンニジュウロク");
        assert_eq!(read("八百"), "ハッピャク");
        assert_eq!(read("3.5"), "サンテンゴ");
        assert_eq!(read("0"), "ゼロ");
    }

    #[test]
    fn counters_change_sounds() {
        assert_eq!(read("1本"), "イッポン");
        assert_eq!(read("2本"), "ニホン");
        assert_eq!(read("3本"), "サンボン");
        assert_eq!(read("一本"), "イッポン");
        assert_eq!(read("三本"), "サンボン");
        assert_eq!(read("六本"), "ロッポン");
        assert_eq!(read("8本"), "ハッポン");
        assert_eq!(read("10本"), "ジュッポン");
        assert_eq!(read("100本"), "ヒャッポン");
        assert_eq!(read("1000本"), "センボン");
        assert_eq!(read("一回"), "イッカイ");
        assert_eq!(read("6回"), "ロッカイ");
        assert_eq!(read("3階"), "サンガイ");
        assert_eq!(read("3点目"), "サンテンメ");
        assert_eq!(read("1点"), "イッテン");
        assert_eq!(read("6点"), "ロクテン");
        assert_eq!(read("十分間"), "ジュップンカン");
        assert_eq!(read("3分"), "サンプン");
        assert_eq!(read("5分"), "ゴフン");
        assert_eq!(read("3分の1"), "サンブンノ");
        assert_eq!(read("2,000人"), "ニセンニン");
        assert_eq!(read("1人"), "ヒトリ");
        assert_eq!(read("2人"), "フタリ");
        assert_eq!(read("4人"), "ヨニン");
        assert_eq!(read("14人"), "ジュウヨニン");
        assert_eq!(read("3か月"), "サンカゲツ");
        assert_eq!(read("6ヶ月"), "ロッカゲツ");
        assert_eq!(read("20歳"), "ハタチ");
        assert_eq!(read("1歳"), "イッサイ");
        assert_eq!(read("50%"), "ゴジュッパーセント");
        assert_eq!(read("4時"), "ヨジ");
        assert_eq!(read("9時間"), "クジカン");
        assert_eq!(read("4年"), "ヨネン");
        assert_eq!(read("4円"), "ヨエン");
        assert_eq!(read("2回目"), "ニカイメ");
    }

    #[test]
    fn dates() {
        assert_eq!(read("1月"), "イチガツ");
        assert_eq!(read("4月"), "シガツ");
        assert_eq!(read("9月"), "クガツ");
        assert_eq!(read_number("4日", true).unwrap().kana, "ヨッカ");
        assert_eq!(read_number("1日", true).unwrap().kana, "ツイタチ");
        assert_eq!(read("1日"), "イチニチ");
        assert_eq!(read("20日"), "ハツカ");
        assert_eq!(read("14日"), "ジュウヨッカ");
        assert_eq!(read("24日"), "ニジュウヨッカ");
        assert_eq!(read("17日"), "ジュウシチニチ");
        assert_eq!(read("3日間"), "ミッカカン");
        assert_eq!(read("2026年"), "ニセンニジュウロクネン");
    }

    #[test]
    fn lengths_cover_what_was_read() {
        let r = read_number("2,000人が", false).unwrap();
        assert_eq!(r.len, "2,000人".len());
        let r = read_number("3点目の", false).unwrap();
        assert_eq!(r.len, "3点目".len());
        assert!(read_number("人", false).is_none());
    }
}
