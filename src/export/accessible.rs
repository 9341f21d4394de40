//! The accessible variant of an export (JIS X 8341-3 habits): circled numbers, which screen
//! readers read inconsistently or not at all, written as (1) (2) (3); ruby kept as `<ruby>`
//! markup, which they can read (see [`super::export`]).

/// `text` with every circled number ①–⑳, ㉑–㉟ and ㊱–㊿ written as (1) … (50).
pub(super) fn circled_as_parenthesised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match circled_number(c) {
            Some(n) => out.push_str(&format!("({n})")),
            None => out.push(c),
        }
    }
    out
}

fn circled_number(c: char) -> Option<u32> {
    let code = u32::from(c);
    match c {
        '①'..='⑳' => Some(code - u32::from('①') + 1),
        '㉑'..='㉟' => Some(code - u32::from('㉑') + 21),
        '㊱'..='㊿' => Some(code - u32::from('㊱') + 36),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn circled_numbers_become_numbers_in_brackets() {
        assert_eq!(
            circled_as_parenthesised("① 人づくり ② 共創 ⑳ ㉑ ㊿ ○"),
            "(1) 人づくり (2) 共創 (20) (21) (50) ○"
        );
    }
}
