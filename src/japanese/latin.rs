//! Latin letters in Japanese speech: acronyms read as words (GIGA ギガ) or spelled (DX
//! ディーエックス), plural acronyms (SDGs エスディージーズ), and letters with digits and symbols
//! (B-1 ビーイチ), so that no letter, digit or ASCII symbol is left in a reading.

use super::numbers;

/// A word of Latin letters, digits and symbols the dictionary does not know (B-1, 5G,
/// Society5.0): letters read as a word or spelled, digits as a number, symbols silent, so that
/// no letter, digit or ASCII symbol is left in a reading. `None` when anything else is in it.
pub(super) fn read_letters_and_digits(surface: &str) -> Option<String> {
    if !surface.chars().all(|c| {
        is_latin_letter(c) || is_digit(c) || (c.is_ascii_punctuation() || is_wide_symbol(c))
    }) || !surface.chars().any(|c| is_latin_letter(c) || is_digit(c))
    {
        return None;
    }
    let mut kana = String::new();
    let mut rest = surface;
    while let Some(c) = rest.chars().next() {
        let run_len = if is_latin_letter(c) {
            rest.find(|c: char| !is_latin_letter(c))
                .unwrap_or(rest.len())
        } else if is_digit(c) {
            let number = numbers::read_plain_number(rest)?;
            kana.push_str(&number.kana);
            rest = &rest[number.len..];
            continue;
        } else {
            c.len_utf8()
        };
        if is_latin_letter(c) {
            kana.push_str(&read_latin(&rest[..run_len]));
        }
        rest = &rest[run_len..];
    }
    Some(kana)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Full-width forms of ASCII symbols (－, ．, ／ …).
fn is_wide_symbol(c: char) -> bool {
    ('！'..='／').contains(&c) || ('：'..='＠').contains(&c)
}

/// Latin letters as Japanese reads them: a word from [`LATIN_WORDS`] (GIGA ギガ), a plural
/// acronym with its s voiced (SDGs エスディージーズ), else spelled letter by letter.
pub fn read_latin(text: &str) -> String {
    let ascii: String = text
        .chars()
        .map(|c| match c {
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect();
    if let Some((_, kana)) = LATIN_WORDS
        .iter()
        .find(|(word, _)| word.eq_ignore_ascii_case(&ascii))
    {
        return (*kana).to_string();
    }
    if let Some(acronym) = ascii.strip_suffix('s') {
        if acronym.len() >= 2 && acronym.chars().all(|c| c.is_ascii_uppercase()) {
            return spell_latin(acronym) + "ズ";
        }
    }
    spell_latin(text)
}

/// Acronyms and words of Latin letters that Japanese reads as words, as offices use them.
const LATIN_WORDS: &[(&str, &str)] = &[
    ("GIGA", "ギガ"),
    ("UNESCO", "ユネスコ"),
    ("ASEAN", "アセアン"),
    ("NATO", "ナトー"),
    ("JAXA", "ジャクサ"),
    ("JICA", "ジャイカ"),
    ("JETRO", "ジェトロ"),
    ("COVID", "コビッド"),
    ("Society", "ソサエティー"),
    ("LINE", "ライン"),
    ("WiFi", "ワイファイ"),
    ("Wi", "ワイ"),
    ("Fi", "ファイ"),
    ("OK", "オーケー"),
    ("PASMO", "パスモ"),
    ("Suica", "スイカ"),
    ("MaaS", "マース"),
    ("PR", "ピーアール"),
    ("Zoom", "ズーム"),
    ("web", "ウェブ"),
    ("Web", "ウェブ"),
    ("online", "オンライン"),
    ("YouTube", "ユーチューブ"),
];

pub(super) fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
}

const LETTERS: [&str; 26] = [
    "エー",
    "ビー",
    "シー",
    "ディー",
    "イー",
    "エフ",
    "ジー",
    "エイチ",
    "アイ",
    "ジェー",
    "ケー",
    "エル",
    "エム",
    "エヌ",
    "オー",
    "ピー",
    "キュー",
    "アール",
    "エス",
    "ティー",
    "ユー",
    "ブイ",
    "ダブリュー",
    "エックス",
    "ワイ",
    "ゼット",
];

/// Latin letters read one by one, as acronyms are (DX → ディーエックス).
pub fn spell_latin(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            let c = match c {
                'Ａ'..='Ｚ' => char::from_u32(c as u32 - 'Ａ' as u32 + 'A' as u32)?,
                'ａ'..='ｚ' => char::from_u32(c as u32 - 'ａ' as u32 + 'a' as u32)?,
                c => c,
            };
            c.is_ascii_alphabetic()
                .then(|| LETTERS[(c.to_ascii_uppercase() as u8 - b'A') as usize])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_spelled() {
        assert_eq!(spell_latin("DX"), "ディーエックス");
        assert_eq!(spell_latin("ＩＣＴ"), "アイシーティー");
    }
}
