//! Whether bytes that decode cleanly as Shift_JIS read as Japanese text.

/// True when `bytes` (already known to decode as Shift_JIS without errors) look Japanese: there
/// is some kana, at least a quarter of the visible characters are double-byte characters from
/// the common rows (symbols, kana, level-1 kanji; leads 0x81–0x9F), and at most one in ten of
/// those is matched by a rare one (level-2 and IBM kanji, user-defined; leads 0xE0–0xFC).
/// UTF-8, Latin-1 and Windows-1252 bytes that happen to decode fail these tests.
pub(super) fn looks_japanese(bytes: &[u8]) -> bool {
    let (mut kana, mut common, mut rare, mut visible) = (0usize, 0usize, 0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let lead = bytes[i];
        match (lead, bytes.get(i + 1)) {
            (0x81..=0x9F | 0xE0..=0xFC, Some(&trail)) => {
                i += 2;
                visible += 1;
                match lead {
                    // Hiragana 0x829F–0x82F1, katakana 0x8340–0x8396.
                    0x82 if trail >= 0x9F => kana += 1,
                    0x83 if trail <= 0x96 => kana += 1,
                    0x81..=0x9F => common += 1,
                    _ => rare += 1,
                }
            }
            _ => {
                i += 1;
                if !lead.is_ascii_whitespace() {
                    visible += 1;
                }
            }
        }
    }
    let japanese = kana + common;
    kana > 0 && rare * 10 <= japanese && japanese * 4 >= visible
}
