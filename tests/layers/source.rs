//! Rust source as the layer check reads it: comments and strings blanked, test items left
//! out, then the paths each module names (`use` trees and paths in code).

/// The text with comments, string and character literals blanked (newlines kept, so that lines
/// still count).
pub fn blank(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let blank_until = |out: &mut String, from: usize, to: usize| {
        for &c in &chars[from..to.min(chars.len())] {
            out.push(if c == '\n' { '\n' } else { ' ' });
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at = |k: usize| chars.get(k).copied().unwrap_or('\0');
        let end = if c == '/' && at(i + 1) == '/' {
            (i..chars.len())
                .find(|&k| chars[k] == '\n')
                .unwrap_or(chars.len())
        } else if c == '/' && at(i + 1) == '*' {
            let (mut k, mut depth) = (i + 2, 1);
            while k < chars.len() && depth > 0 {
                if chars[k] == '/' && at(k + 1) == '*' {
                    depth += 1;
                    k += 1;
                } else if chars[k] == '*' && at(k + 1) == '/' {
                    depth -= 1;
                    k += 1;
                }
                k += 1;
            }
            k
        } else if c == '"' {
            let mut k = i + 1;
            while k < chars.len() && chars[k] != '"' {
                k += if chars[k] == '\\' { 2 } else { 1 };
            }
            k + 1
        } else if c == 'r'
            && (at(i + 1) == '"' || at(i + 1) == '#')
            && (i == 0
                || !ident(chars[i - 1])
                || (chars[i - 1] == 'b' && (i < 2 || !ident(chars[i - 2]))))
        {
            let hashes = (i + 1..chars.len())
                .take_while(|&k| chars[k] == '#')
                .count();
            if at(i + 1 + hashes) != '"' {
                i += 1;
                out.push(c);
                continue; // r#ident
            }
            let close: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let from = i + 2 + hashes;
            let rest: String = chars[from..].iter().collect();
            match rest.find(&close) {
                Some(byte) => from + rest[..byte].chars().count() + close.chars().count(),
                None => chars.len(),
            }
        } else if c == '\'' && at(i + 1) == '\\' {
            (i + 3..chars.len())
                .find(|&k| chars[k] == '\'')
                .map_or(chars.len(), |k| k + 1)
        } else if c == '\'' && at(i + 2) == '\'' {
            i + 3
        } else {
            out.push(c);
            i += 1;
            continue;
        };
        blank_until(&mut out, i, end);
        i = end;
    }
    out
}

/// The text with every item under `#[cfg(test)]` blanked (newlines kept).
pub fn without_test_items(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '#' || chars.get(i + 1) != Some(&'[') {
            i += 1;
            continue;
        }
        let Some(close) = (i..chars.len()).find(|&k| chars[k] == ']') else {
            break;
        };
        let attribute: String = chars[i..=close]
            .iter()
            .filter(|c| !c.is_whitespace())
            .collect();
        if attribute != "#[cfg(test)]" {
            i = close + 1;
            continue;
        }
        // the item: up to a `;` outside brackets, or the end of its first `{ … }`
        let (mut k, mut depth) = (close + 1, 0usize);
        while k < chars.len() {
            match chars[k] {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                ';' if depth == 0 => break,
                _ => {}
            }
            k += 1;
        }
        let end = (k + 1).min(chars.len());
        for c in &mut chars[i..end] {
            if *c != '\n' {
                *c = ' ';
            }
        }
        i = k + 1;
    }
    chars.into_iter().collect()
}

#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Ident(String),
    PathSep,
    Punct(char),
}

/// The tokens that matter for paths, each with its line (1-based).
pub fn tokens(text: &str) -> Vec<(Token, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() || c == '_' {
            let from = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[from..i].iter().collect();
            if c.is_ascii_digit() {
                out.push((Token::Punct('0'), line));
            } else {
                out.push((Token::Ident(word), line));
            }
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push((Token::PathSep, line));
            i += 2;
        } else {
            out.push((Token::Punct(c), line));
            i += 1;
        }
    }
    out
}

/// A path a module names: in a `use` declaration (with the name it brings in) or in code.
#[derive(Debug)]
pub struct NamedPath {
    pub segments: Vec<String>,
    pub name: Option<String>,
    pub glob: bool,
    pub in_use: bool,
    pub line: usize,
}

/// Every path in the tokens: each leaf of each `use` declaration, and each path in code that
/// starts with `crate`, `self`, `super`, the crate's name or another name (resolved later).
pub fn paths(tokens: &[(Token, usize)]) -> Vec<NamedPath> {
    let ident = |k: usize| match tokens.get(k) {
        Some((Token::Ident(s), _)) => Some(s.as_str()),
        _ => None,
    };
    let is = |k: usize, t: &Token| tokens.get(k).map(|(x, _)| x) == Some(t);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let starts_statement = i == 0
            || matches!(tokens[i - 1].0, Token::Punct(';' | '{' | '}' | ']' | ')'))
            || ident(i - 1) == Some("pub");
        if ident(i) == Some("use") && starts_statement {
            i += 1;
            use_tree(tokens, &mut i, &[], &mut out);
            while i < tokens.len() && !is(i, &Token::Punct(';')) {
                i += 1;
            }
            continue;
        }
        let after_path = i > 0 && (is(i - 1, &Token::PathSep) || is(i - 1, &Token::Punct('$')));
        if let (Some(first), false) = (ident(i), after_path) {
            if is(i + 1, &Token::PathSep) && ident(i + 2).is_some() {
                let line = tokens[i].1;
                let mut segments = vec![first.to_string()];
                i += 1;
                while is(i, &Token::PathSep) && ident(i + 1).is_some() {
                    segments.push(ident(i + 1).unwrap().to_string());
                    i += 2;
                }
                out.push(NamedPath {
                    segments,
                    name: None,
                    glob: false,
                    in_use: false,
                    line,
                });
                continue;
            }
        }
        i += 1;
    }
    out
}

/// One use tree from `tokens[*i]` under `prefix`: `a::b`, `a::b as c`, `a::*`, `a::{…}`.
fn use_tree(tokens: &[(Token, usize)], i: &mut usize, prefix: &[String], out: &mut Vec<NamedPath>) {
    let mut path = prefix.to_vec();
    if matches!(tokens.get(*i), Some((Token::PathSep, _))) {
        *i += 1;
    }
    while let Some((token, line)) = tokens.get(*i) {
        match token {
            Token::Ident(segment) => {
                path.push(segment.clone());
                *i += 1;
                if matches!(tokens.get(*i), Some((Token::PathSep, _))) {
                    *i += 1;
                    continue;
                }
                let mut name = path.last().cloned();
                if matches!(tokens.get(*i), Some((Token::Ident(a), _)) if a == "as") {
                    if let Some((Token::Ident(alias), _)) = tokens.get(*i + 1) {
                        name = Some(alias.clone());
                    }
                    *i += 2;
                }
                if path.last().map(String::as_str) == Some("self") {
                    path.pop();
                    if name.as_deref() == Some("self") {
                        name = path.last().cloned();
                    }
                }
                let name = name.filter(|n| n != "_");
                out.push(NamedPath {
                    segments: path,
                    name,
                    glob: false,
                    in_use: true,
                    line: *line,
                });
                return;
            }
            Token::Punct('*') => {
                *i += 1;
                out.push(NamedPath {
                    segments: path,
                    name: None,
                    glob: true,
                    in_use: true,
                    line: *line,
                });
                return;
            }
            Token::Punct('{') => {
                *i += 1;
                while let Some((token, _)) = tokens.get(*i) {
                    match token {
                        Token::Punct('}') => {
                            *i += 1;
                            return;
                        }
                        Token::Punct(',') => *i += 1,
                        _ => {
                            let before = *i;
                            use_tree(tokens, i, &path, out);
                            if *i == before {
                                *i += 1; // not a use tree: step over it
                            }
                        }
                    }
                }
                return;
            }
            _ => return,
        }
    }
}
