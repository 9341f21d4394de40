//! Byte offsets to 1-based line and column numbers.

use super::Span;

/// Line starts of a source text, to turn byte offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    source: &'a str,
    line_starts: Vec<usize>,
    /// About every [`MARK_STRIDE`] bytes: a byte offset and its column (characters since its
    /// line's start), so a column is never counted from far away on a very long line.
    marks: Vec<(usize, usize)>,
}

/// Bytes between two column marks.
const MARK_STRIDE: usize = 512;

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        let mut marks: Vec<(usize, usize)> = Vec::with_capacity(source.len() / MARK_STRIDE);
        let mut line = 0;
        for mark in (MARK_STRIDE..source.len())
            .step_by(MARK_STRIDE)
            .map(|i| floor_char_boundary(source, i))
        {
            while line + 1 < line_starts.len() && line_starts[line + 1] <= mark {
                line += 1;
            }
            let (from, column) = match marks.last() {
                Some(&(at, column)) if at >= line_starts[line] => (at, column),
                _ => (line_starts[line], 0),
            };
            marks.push((mark, column + source[from..mark].chars().count()));
        }
        LineIndex {
            source,
            line_starts,
            marks,
        }
    }

    /// 1-based line and column (columns count characters, not bytes) of a byte offset.
    /// Offsets inside a character or past the end are clamped.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.source, offset);
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let line_start = self.line_starts[line];
        let mark = self.marks.partition_point(|&(at, _)| at <= offset);
        let (from, column) = match mark.checked_sub(1).map(|m| self.marks[m]) {
            Some((at, column)) if at >= line_start => (at, column),
            _ => (line_start, 0),
        };
        (
            line + 1,
            column + self.source[from..offset].chars().count() + 1,
        )
    }

    pub fn span(&self, start: usize, end: usize) -> Span {
        let start = floor_char_boundary(self.source, start);
        let end = floor_char_boundary(self.source, end.max(start));
        let (line, column) = self.line_column(start);
        Span::new(start, end, line, column)
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
    fn columns_on_long_lines_match_counting() {
        let source = format!("前置き\n{}\n{}", "あa、".repeat(700), "x".repeat(2_000));
        let index = LineIndex::new(&source);
        for (offset, _) in source.char_indices().step_by(7) {
            let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
            let line = source[..offset].matches('\n').count() + 1;
            let column = source[line_start..offset].chars().count() + 1;
            assert_eq!(index.line_column(offset), (line, column), "{offset}");
        }
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let index = LineIndex::new("漢字");
        assert_eq!(index.line_column(1), (1, 1));
        assert_eq!(index.line_column(100), (1, 3));
    }
}
