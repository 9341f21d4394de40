//! 常用漢字: the 2,136 kanji of the 2010 table for general use (`joyo.txt`).

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_2136_kanji_and_four_print_forms() {
        assert_eq!(JOYO.len(), 2136 + 4);
        assert!(is_joyo('市') && is_joyo('𠮟') && is_joyo('叱'));
        assert!(!is_joyo('躊') && !is_joyo('亨'));
    }
}
