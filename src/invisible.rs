//! Characters that do not show as themselves but change what is shown around them: controls
//! (a terminal's escape sequences start with one), bidi embeddings, overrides and isolates
//! (they reorder text), zero-width characters. Exports drop them, file names leave them out,
//! the CLI shows them as U+FFFD.

/// Bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Zero-width spaces, joiners and direction marks (U+200B–U+200F) and the BOM.
pub fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}')
}

/// Any of the above: a control (C0, DEL, C1 — tab and newline included), a bidi control or a
/// zero-width character.
pub fn is_invisible(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_zero_width(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_bidi_and_zero_width_are_invisible_and_text_is_not() {
        for c in [
            '\u{1b}', '\t', '\n', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2067}', '\u{200b}',
        ] {
            assert!(is_invisible(c), "{c:?}");
        }
        for c in ['あ', 'A', ' ', '　', 'ー'] {
            assert!(!is_invisible(c), "{c:?}");
        }
    }
}
