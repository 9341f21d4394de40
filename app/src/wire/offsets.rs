//! The core's spans are UTF-8 byte offsets; JavaScript strings (and CodeMirror) count UTF-16
//! code units. [`Utf16Offsets`] converts many offsets into one text cheaply.

use podium::script::Span;

/// Bytes between two checkpoints. A lookup scans at most this many bytes.
const BLOCK: usize = 64;

/// Byte offset → UTF-16 offset for one text: a running count of UTF-16 units every [`BLOCK`]
/// bytes (one `u32` per 64 bytes of text), then a short scan. Pure ASCII text needs no table.
///
/// Each byte contributes the UTF-16 units of the character it starts: a continuation byte
/// (`10xxxxxx`) none, the first byte of a four-byte character (outside the BMP, e.g. 𠮷) two,
/// any other first byte one. So the count of the bytes before an offset is the UTF-16 offset.
#[derive(Debug, Clone)]
pub struct Utf16Offsets<'a> {
    bytes: &'a [u8],
    /// `checkpoints[i]`: UTF-16 units in `bytes[..i * BLOCK]`; empty for ASCII text.
    checkpoints: Vec<u32>,
}

impl<'a> Utf16Offsets<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::new();
        if !text.is_ascii() {
            checkpoints.reserve(bytes.len() / BLOCK + 2);
            let mut units = 0u32;
            for block in bytes.chunks(BLOCK) {
                checkpoints.push(units);
                units = units.saturating_add(units_of(block));
            }
            checkpoints.push(units);
        }
        Utf16Offsets { bytes, checkpoints }
    }

    /// The UTF-16 offset of a byte offset. Offsets past the end give the length; an offset
    /// inside a character gives the offset after it.
    pub fn utf16(&self, byte: usize) -> u32 {
        let byte = byte.min(self.bytes.len());
        if self.checkpoints.is_empty() {
            return u32::try_from(byte).unwrap_or(u32::MAX);
        }
        let block = byte / BLOCK;
        self.checkpoints[block].saturating_add(units_of(&self.bytes[block * BLOCK..byte]))
    }

    /// `(from, to)` of a span in UTF-16 units.
    pub fn span(&self, span: &Span) -> (u32, u32) {
        (self.utf16(span.start()), self.utf16(span.end()))
    }
}

fn units_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .map(|&byte| match byte {
            0x80..=0xBF => 0,
            0xF0..=0xFF => 2,
            _ => 1,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The obvious, slow answer.
    fn naive(text: &str, byte: usize) -> u32 {
        text[..byte].encode_utf16().count() as u32
    }

    fn assert_every_boundary(text: &str) {
        let offsets = Utf16Offsets::new(text);
        for byte in (0..=text.len()).filter(|&b| text.is_char_boundary(b)) {
            assert_eq!(
                offsets.utf16(byte),
                naive(text, byte),
                "byte {byte} of {text:?}"
            );
        }
    }

    #[test]
    fn ascii_offsets_are_unchanged() {
        let offsets = Utf16Offsets::new("Hello, world");
        assert_eq!(
            (offsets.utf16(0), offsets.utf16(5), offsets.utf16(12)),
            (0, 5, 12)
        );
        assert_eq!(offsets.utf16(100), 12, "past the end: the length");
    }

    #[test]
    fn japanese_and_astral_characters() {
        // 𠮷 (U+20BB7) is 4 bytes in UTF-8 and 2 units (a surrogate pair) in UTF-16.
        let text = "𠮷野家で、{漢字|かんじ}😀を。";
        let offsets = Utf16Offsets::new(text);
        assert_eq!(offsets.utf16(4), 2, "after 𠮷");
        assert_eq!(offsets.utf16("𠮷野".len()), 3);
        let smile = text.find('😀').unwrap();
        assert_eq!(offsets.utf16(smile), naive(text, smile));
        assert_eq!(offsets.utf16(smile + 4), offsets.utf16(smile) + 2);
        assert_eq!(
            offsets.utf16(text.len()),
            text.encode_utf16().count() as u32
        );
        assert_every_boundary(text);
    }

    #[test]
    fn offsets_across_many_blocks() {
        let text: String = (0..500)
            .map(|i| match i % 5 {
                0 => "a",
                1 => "漢",
                2 => "𠮷",
                3 => "é",
                _ => "\n",
            })
            .collect();
        assert_every_boundary(&text);
        // Exactly at checkpoints, whatever the character there.
        let text = "あ".repeat(BLOCK);
        assert_every_boundary(&text);
    }

    #[test]
    fn an_offset_inside_a_character_points_after_it() {
        let offsets = Utf16Offsets::new("漢字");
        assert_eq!(offsets.utf16(1), 1);
        let offsets = Utf16Offsets::new("𠮷x");
        assert_eq!(offsets.utf16(2), 2);
    }

    #[test]
    fn spans_convert_both_ends() {
        let text = "𠮷は吉";
        let span = Span::new(4, text.len(), 1, 2);
        assert_eq!(Utf16Offsets::new(text).span(&span), (2, 4));
    }
}
