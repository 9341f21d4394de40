//! 常用漢字: the 2,136 kanji of the 2010 table for general use (`joyo.txt`); and JIS X 0208's
//! first level (第1水準), the 2,965 kanji of everyday print, which every reader knows at
//! sight whether or not the table lists them (叩く, 揃う, 嬉しい).

use std::collections::HashSet;
use std::sync::LazyLock;

static JOYO: LazyLock<HashSet<char>> = LazyLock::new(|| {
    include_str!("joyo.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .collect()
});

/// Whether `c` is one of the 常用漢字 (or a permitted print form of one).
pub fn is_joyo(c: char) -> bool {
    JOYO.contains(&c)
}

/// Whether `c` is a kanji of JIS X 0208's first level: Shift_JIS 0x889F–0x9872.
pub fn is_first_level(c: char) -> bool {
    let mut buffer = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(c.encode_utf8(&mut buffer));
    !unmappable
        && bytes.len() == 2
        && (0x889F..=0x9872).contains(&u16::from_be_bytes([bytes[0], bytes[1]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_2136_kanji_and_four_print_forms() {
        assert_eq!(JOYO.len(), 2136 + 4);
        assert!(is_joyo('市') && is_joyo('𠮟') && is_joyo('叱'));
        assert!(!is_joyo('躊') && !is_joyo('亨'));
    }

    #[test]
    fn the_first_level_is_everyday_print() {
        for c in ['亜', '叩', '揃', '嬉', '靭', '腕'] {
            assert!(is_first_level(c), "{c}");
        }
        for c in ['謗', '邉', '剌', 'a', 'あ', '𠮷'] {
            assert!(!is_first_level(c), "{c}");
        }
    }
}
