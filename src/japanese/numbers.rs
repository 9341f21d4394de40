//! Numbers, dates and counters read aloud: 1月4日 → イチガツヨッカ, 2,000人 → ニセンニン,
//! 3点目 → サンテンメ, 三百本 → サンビャッポン.
//!
//! A number is written in Arabic digits (half or full width, with thousands commas and a
//! decimal point) or kanji numerals (二千二十六, 二〇二六, 3万5千). Its reading follows the usual
//! sound changes (300 サンビャク, 600 ロッピャク, 8,000 ハッセン, 1兆 イッチョウ). A counter after
//! it changes the number's last sound and its own first one: 1本 イッポン, 3本 サンボン,
//! 6本 ロッポン, 10回 ジュッカイ, 100回 ヒャッカイ, 4人 ヨニン, 1日 イチニチ but 4月1日 シガツツイタチ,
//! 20日 ハツカ, 20歳 ハタチ, 3分 サンプン, 3分の1 サンブンノイチ. The counters and their sound changes
//! are in [`super::counters`].

use super::counters::{find_counter, with_counter};

/// A number and what follows it, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberReading {
    /// Bytes of the text read.
    pub len: usize,
    pub kana: String,
}

/// Read a number at the start of `text`, with its counter and a following 目.
/// `after_month` says the text follows 「…月」 (a date: 1日 is ツイタチ); a day is also a date
/// when what follows says so (1日から, 1日の朝, 1日付).
pub fn read_number(text: &str, after_month: bool) -> Option<NumberReading> {
    let number = scan_number(text)?;
    let rest = &text[number.len..];
    if let Some(time) = read_time(number.value, rest) {
        return Some(NumberReading {
            len: number.len + time.len,
            kana: time.kana,
        });
    }
    let after_month = after_month || day_of_month_follows(rest);
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
            kana = with_counter(
                number.value,
                number_kana(number.value),
                counter,
                after_month,
            );
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

/// A number alone, without a counter: the reading when the counter after it belongs to a
/// longer word (40年代: ヨンジュウ, then 年代 as a word).
pub fn read_plain_number(text: &str) -> Option<NumberReading> {
    let number = scan_number(text)?;
    if number.fraction.is_some() {
        return read_number(&text[..number.len], false);
    }
    Some(NumberReading {
        len: number.len,
        kana: number_kana(number.value).concat(),
    })
}

/// `9:30` after the hour `hour`: クジサンジュップン (`:00` is just the hour).
fn read_time(hour: u64, rest: &str) -> Option<NumberReading> {
    let minutes = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?;
    let digits: String = minutes.chars().take_while(|c| is_arabic(*c)).collect();
    if hour > 24 || digits.chars().count() != 2 {
        return None;
    }
    let value = digits
        .chars()
        .filter_map(digit_value)
        .fold(0, |n, d| n * 10 + d);
    if value > 59 {
        return None;
    }
    let (hour_counter, _) = find_counter("時")?;
    let mut kana = with_counter(hour, number_kana(hour), hour_counter, false);
    if value > 0 {
        let (minute_counter, _) = find_counter("分")?;
        kana.push_str(&with_counter(
            value,
            number_kana(value),
            minute_counter,
            false,
        ));
    }
    Some(NumberReading {
        len: rest.len() - minutes.len() + digits.len(),
        kana,
    })
}

/// Whether a day count that follows is a day of the month: 1日から, 1日の朝, 1日付, 1日号.
fn day_of_month_follows(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix('日') else {
        return false;
    };
    [
        "から",
        "付",
        "号",
        "の朝",
        "の午前",
        "の午後",
        "の夜",
        "の夕方",
        "の未明",
        "まで",
    ]
    .iter()
    .any(|cue| after.starts_with(cue))
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

/// Most digits after a decimal point read as a number's fraction.
const MAX_FRACTION_DIGITS: usize = 20;

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
    let mut digits_arabic: Option<bool> = None;
    let mut fraction = None;
    while let Some(&(i, c)) = chars.peek() {
        // Arabic and kanji digits do not mix: 第2四半期 is 2, then 四半期.
        if digit_value(c).is_some() && digits_arabic.is_some_and(|a| a != is_arabic(c)) {
            break;
        }
        if let Some(d) = digit_value(c) {
            digits_arabic = Some(is_arabic(c));
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
            // At most MAX_FRACTION_DIGITS are read one by one; a longer run is not read as a
            // number (the number ends before the point), so a line of digits is not read
            // whole after every point.
            let digits: Vec<(usize, u8)> = text[after..]
                .char_indices()
                .take(MAX_FRACTION_DIGITS + 1)
                .map_while(|(j, c)| {
                    is_arabic(c)
                        .then(|| (after + j + c.len_utf8(), digit_value(c).unwrap_or(0) as u8))
                })
                .collect();
            let Some(&(end, _)) = digits
                .last()
                .filter(|_| digits.len() <= MAX_FRACTION_DIGITS)
            else {
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
    // Four are enough to tell: a run of digits after every comma is not counted to its end.
    let digits = text.chars().take(4).take_while(|c| is_arabic(*c)).count();
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

    #[test]
    fn a_run_of_digits_is_looked_at_only_as_far_as_it_counts() {
        // A comma groups exactly three digits: four are enough to tell.
        assert_eq!(read_number("1,2345", false).unwrap().len, 1);
        assert_eq!(
            read_number(&format!("1,{}", "9".repeat(10_000)), false)
                .unwrap()
                .len,
            1
        );
        // A fraction is read digit by digit up to MAX_FRACTION_DIGITS; a longer run after the
        // point is not a number's fraction.
        let long = format!("1.{}", "5".repeat(MAX_FRACTION_DIGITS));
        assert_eq!(read_number(&long, false).unwrap().len, long.len());
        let longer = format!("1.{}", "5".repeat(100_000));
        let r = read_number(&longer, false).unwrap();
        assert_eq!((r.len, r.kana.as_str()), (1, "イチ"));
    }
}
