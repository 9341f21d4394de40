//! Kana and morae (拍): the unit a Japanese speaker times speech in.
//!
//! Every kana is a mora except the small ャュョァィゥェォヮ, which join the kana before them
//! (キョ is one mora); ッ, ー and ン are morae of their own.

/// Morae in a reading (katakana or hiragana; other characters count nothing).
pub fn count(kana: &str) -> usize {
    kana.chars().filter(|c| is_mora(*c)).count()
}

fn is_mora(c: char) -> bool {
    let c = to_katakana_char(c);
    matches!(c, 'ァ'..='ヺ' | 'ー')
        && !matches!(
            c,
            'ャ' | 'ュ' | 'ョ' | 'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ' | 'ヮ'
        )
}

/// Hiragana to katakana; other characters unchanged.
pub fn to_katakana(text: &str) -> String {
    text.chars().map(to_katakana_char).collect()
}

/// Katakana to hiragana; other characters (ー included) unchanged.
pub fn to_hiragana(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn to_katakana_char(c: char) -> char {
    match c {
        'ぁ'..='ゖ' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
        _ => c,
    }
}

/// Hiragana, katakana or the long-vowel mark.
pub fn is_kana(c: char) -> bool {
    matches!(c, 'ぁ'..='ゖ' | 'ァ'..='ヺ' | 'ー' | 'ゝ' | 'ゞ' | 'ヽ' | 'ヾ')
}

/// Kanji (CJK unified ideographs, their extensions and 々〆ヶ).
pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2FA1F}' | '々' | '〆')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_kana_join_the_one_before() {
        assert_eq!(count("トウキョウ"), 4);
        assert_eq!(count("ちょっと"), 3);
        assert_eq!(count("シンブン"), 4);
        assert_eq!(count("オメデトー"), 5);
        assert_eq!(count("ファイル"), 3);
        assert_eq!(count("ディーエックス"), 6);
        assert_eq!(count("、。"), 0);
    }

    #[test]
    fn kana_conversions() {
        assert_eq!(to_katakana("しらいとおる"), "シライトオル");
        assert_eq!(to_hiragana("シライトオル"), "しらいとおる");
        assert_eq!(to_hiragana("ラーメン"), "らーめん");
    }
}
