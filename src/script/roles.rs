//! What a section does in an address, read from its heading.

use super::SectionRole;

/// What a section does, from its heading.
pub(super) fn section_role(heading: &str, priorities_so_far: u32) -> SectionRole {
    let heading = heading.trim();
    if let Some(number) = priority_number(heading) {
        return SectionRole::Priority(number.unwrap_or(priorities_so_far + 1));
    }
    let has = |words: &[&str]| words.iter().any(|w| heading.contains(w));
    if has(&[
        "結び",
        "むすび",
        "おわりに",
        "終わりに",
        "最後に",
        "締めくくり",
        "閉会",
    ]) {
        SectionRole::Closing
    } else if has(&[
        "あいさつ",
        "挨拶",
        "はじめに",
        "始めに",
        "冒頭",
        "年頭",
        "新年",
    ]) {
        SectionRole::Greeting
    } else if has(&[
        "姿勢",
        "所信",
        "方針",
        "考え方",
        "決意",
        "心構え",
        "市政運営",
        "基本",
    ]) {
        SectionRole::Stance
    } else {
        SectionRole::Other
    }
}

/// A numbered heading (①, ❶, 1., １．, (1), 第一に, 一つ目) → Some(its number if readable).
fn priority_number(heading: &str) -> Option<Option<u32>> {
    let first = heading.chars().next()?;
    let code = first as u32;
    if (0x2460..=0x2473).contains(&code) {
        return Some(Some(code - 0x2460 + 1));
    }
    if (0x2776..=0x277F).contains(&code) {
        return Some(Some(code - 0x2776 + 1));
    }
    let digits: String = heading
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .map(|c| {
            c.to_digit(10)
                .or_else(|| Some(c as u32 - '０' as u32))
                .unwrap_or(0)
        })
        .map(|d| char::from_digit(d, 10).unwrap_or('0'))
        .collect();
    if !digits.is_empty() {
        let after = heading[heading
            .char_indices()
            .nth(digits.chars().count())
            .map_or(heading.len(), |(i, _)| i)..]
            .chars()
            .next();
        if matches!(
            after,
            Some('.' | '．' | '、' | ')' | '）' | ' ' | '\u{3000}' | '。')
        ) {
            return Some(kanji_or_digit_number(&digits));
        }
    }
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(rest) = heading.strip_prefix(open) {
            if let Some((number, _)) = rest.split_once(close) {
                if let Some(n) = kanji_or_digit_number(number) {
                    return Some(Some(n));
                }
            }
        }
    }
    if let Some(rest) = heading.strip_prefix('第') {
        let number: String = rest
            .chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .collect();
        if !number.is_empty() {
            return Some(kanji_or_digit_number(&number));
        }
    }
    let number: String = heading
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .collect();
    if !number.is_empty() {
        let rest = &heading[number.len()..];
        if rest.starts_with("つ目") || rest.starts_with('、') || rest.starts_with('　') {
            return Some(kanji_or_digit_number(&number));
        }
    }
    None
}

/// 1–99 written in digits or kanji (一 … 九十九).
fn kanji_or_digit_number(text: &str) -> Option<u32> {
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    if let Ok(n) = ascii.parse() {
        return Some(n);
    }
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let chars: Vec<char> = text.trim().chars().collect();
    match chars.as_slice() {
        [d] if *d == '十' => Some(10),
        [d] => digit(*d),
        ['十', d] => digit(*d).map(|d| 10 + d),
        [t, '十'] => digit(*t).map(|t| t * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_roles_from_headings() {
        assert_eq!(section_role("新年のごあいさつ", 0), SectionRole::Greeting);
        assert_eq!(section_role("今年の市政運営の姿勢", 0), SectionRole::Stance);
        assert_eq!(section_role("① 人を育てる", 0), SectionRole::Priority(1));
        assert_eq!(section_role("❷ 共創", 1), SectionRole::Priority(2));
        assert_eq!(section_role("3. 働き方", 2), SectionRole::Priority(3));
        assert_eq!(section_role("（２）共創", 1), SectionRole::Priority(2));
        assert_eq!(
            section_role("第三に、働き方を変える", 2),
            SectionRole::Priority(3)
        );
        assert_eq!(section_role("二つ目の柱", 1), SectionRole::Priority(2));
        assert_eq!(section_role("結びに", 3), SectionRole::Closing);
        assert_eq!(section_role("2027年に向けて", 0), SectionRole::Other);
    }

    #[test]
    fn kanji_numbers() {
        assert_eq!(kanji_or_digit_number("三"), Some(3));
        assert_eq!(kanji_or_digit_number("十二"), Some(12));
        assert_eq!(kanji_or_digit_number("二十"), Some(20));
        assert_eq!(kanji_or_digit_number("九十九"), Some(99));
        assert_eq!(kanji_or_digit_number("百"), None);
    }
}
