//! Byte offsets to 1-based line and column numbers.

use super::Span;

/// Line starts of a source text, to turn byte offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    source: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            source,
            line_starts,
        }
    }

    /// 1-based line and column (columns count characters, not bytes) of a byte offset.
    /// Offsets inside a character or past the end are clamped.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.source, offset);
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let column = self.source[self.line_starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    pub fn span(&self, start: usize, end: usize) -> Span {
        let start = floor_char_boundary(self.source, start);
        let end = floor_char_boundary(self.source, end.max(start));
        let (line, column) = self.line_column(start);
        Span {
            start,
            end,
            line,
            column,
        }
    }

    pub fn source(&self) -> &'a str {
        self.source
    }
}

/// The largest char boundary not after `offset` (clamped to the text's length).
pub(crate) fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let index = LineIndex::new("# 題\n皆さん、\nおはよう");
        assert_eq!(index.line_column(0), (1, 1));
        assert_eq!(index.line_column("# 題\n".len()), (2, 1));
        assert_eq!(index.line_column("# 題\n皆さん".len()), (2, 4));
        assert_eq!(index.line_column("# 題\n皆さん、\nお".len()), (3, 2));
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let index = LineIndex::new("漢字");
        assert_eq!(index.line_column(1), (1, 1));
        assert_eq!(index.line_column(100), (1, 3));
    }
}
