//! Block quotes and lists nested beyond reason, made shallower before Markdown is parsed.
//!
//! pulldown-cmark keeps a node for every level a line opens: a 16 MiB line of `>>>>…` or
//! `- - - …` was millions of nested quotes or lists and about a gigabyte. The dialect flattens
//! nested quotes and lists into the outermost anyway (`parse.rs`), so a line that opens more
//! than [`MAX_NESTING`] levels keeps its first `MAX_NESTING - 1` markers and its last one, and
//! the markers between are left out of what pulldown-cmark reads. Every offset it reports is
//! mapped back to the draft, so spans are the draft's.

use std::borrow::Cow;
use std::ops::Range;

/// Deepest nesting of quotes and lists read as written.
pub(super) const MAX_NESTING: usize = 32;

/// The text pulldown-cmark reads, and where each of its offsets is in the draft.
pub(super) struct Shallow<'a> {
    pub text: Cow<'a, str>,
    /// (offset in `text`, bytes left out before it), in order: one per line made shallower.
    shifts: Vec<(usize, usize)>,
}

impl<'a> Shallow<'a> {
    pub fn of(source: &'a str) -> Shallow<'a> {
        let mut text = String::new();
        let mut shifts: Vec<(usize, usize)> = Vec::new();
        let mut copied = 0;
        let mut line_start = 0;
        for line in source.split_inclusive('\n') {
            if let Some(cut) = excess_markers(line) {
                let cut = line_start + cut.start..line_start + cut.end;
                text.push_str(&source[copied..cut.start]);
                let left_out = shifts.last().map_or(0, |&(_, n)| n) + cut.len();
                shifts.push((text.len(), left_out));
                copied = cut.end;
            }
            line_start += line.len();
        }
        if shifts.is_empty() {
            return Shallow {
                text: Cow::Borrowed(source),
                shifts,
            };
        }
        text.push_str(&source[copied..]);
        Shallow {
            text: Cow::Owned(text),
            shifts,
        }
    }

    /// The draft's offset of an offset in [`Shallow::text`].
    pub fn offset(&self, at: usize) -> usize {
        let shift = self.shifts.partition_point(|&(from, _)| from <= at);
        at + shift.checked_sub(1).map_or(0, |i| self.shifts[i].1)
    }

    pub fn range(&self, range: Range<usize>) -> Range<usize> {
        if self.shifts.is_empty() {
            return range;
        }
        self.offset(range.start)..self.offset(range.end)
    }
}

/// The markers of a line's quotes and list items past the first `MAX_NESTING - 1`, but for the
/// last one: the range to leave out, when the line opens more than [`MAX_NESTING`] levels.
fn excess_markers(line: &str) -> Option<Range<usize>> {
    let bytes = line.as_bytes();
    // Where each marker starts.
    let mut markers: Vec<usize> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        match bytes[at] {
            b'>' => {
                at += 1;
                if bytes.get(at) == Some(&b' ') {
                    at += 1;
                }
            }
            b'-' | b'*' | b'+' if bytes.get(at + 1) == Some(&b' ') => at += 2,
            b'0'..=b'9' => {
                let digits = bytes[at..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                let after = at + digits;
                if digits > 9
                    || !matches!(bytes.get(after), Some(b'.' | b')'))
                    || bytes.get(after + 1) != Some(&b' ')
                {
                    break;
                }
                at = after + 2;
            }
            _ => break,
        }
        if markers.len() < MAX_NESTING {
            markers.push(start);
        } else {
            // Only the first ones and the one before this are needed.
            markers.truncate(MAX_NESTING);
            markers.push(start);
        }
    }
    if markers.len() <= MAX_NESTING {
        return None;
    }
    let last = *markers.last()?;
    Some(markers[MAX_NESTING - 1]..last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lines_nested_too_deep_change() {
        let source = "> 引用\n- - 項目\n本文\n";
        let shallow = Shallow::of(source);
        assert!(matches!(shallow.text, Cow::Borrowed(_)));
        assert_eq!(shallow.range(3..9), 3..9);
    }

    #[test]
    fn deep_markers_are_left_out_and_offsets_map_back() {
        let deep = format!("{}> 引用です。\n", ">".repeat(100));
        let source = format!("前\n{deep}{}項目\n", "- ".repeat(50));
        let shallow = Shallow::of(&source);
        let expected = format!(
            "前\n{}> 引用です。\n{}- 項目\n",
            ">".repeat(MAX_NESTING - 1),
            "- ".repeat(MAX_NESTING - 1)
        );
        assert_eq!(shallow.text, expected);
        let text_at = shallow.text.find("引用").unwrap();
        assert_eq!(shallow.offset(text_at), source.find("引用").unwrap());
        let item_at = shallow.text.find("項目").unwrap();
        assert_eq!(shallow.offset(item_at), source.find("項目").unwrap());
        assert_eq!(shallow.offset(shallow.text.len()), source.len());
        assert_eq!(shallow.offset(1), 1);
    }
}
