//! A dictionary of preferred forms in prh's rule-file format (YAML), the ecosystem standard.
//!
//! Supported: `version: 1`; `rules:` items that are a string (the expected form) or a map of
//! `expected`, `pattern`/`patterns` (a string or a list; `/regex/flags` is a regular
//! expression, anything else literal text), `regexpMustEmpty: $N`, `options.wordBoundary`,
//! `prh` (a note shown with the finding) and `specs: [{from, to}]`, which are run at load:
//! a failing spec is a load error naming the rule, as in prh. Without a pattern the expected
//! form is matched loosely (ASCII letters in either case, half- or full-width letters and
//! digits). A match already equal to its replacement is not reported.
//!
//! Regular expressions are JavaScript's as far as the `regex` crate shares them: flags `i`,
//! `m`, `s` are honoured (`g`, `u`, `y` implied or ignored); `\b`, `\d`, `\w` are ASCII as in
//! JavaScript; `$1`, `$<name>`, `$&`, `$$` work in `expected`. Look-around works only as a
//! leading look-behind and a trailing look-ahead of a single pattern without a top-level `|`
//! (`/サーバ(?!ー)/`), checked after the match without backtracking into it; back-references
//! are refused.
//!
//! Not supported: `imports` (refused: a dictionary is one file); `meta` and `targets` are
//! ignored (Podium checks the sentences of one draft).

mod pattern;

use super::{Notes, Rule};
use crate::passage::Passage;
use pattern::{expand, Pattern};
use regex::{RegexSet, RegexSetBuilder};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Range;

/// A loaded and tested prh dictionary.
#[derive(Debug, Clone)]
pub struct PrhDictionary {
    rules: Vec<PrhRule>,
    /// Finds which rules match a text at all, in one pass.
    prefilter: Option<RegexSet>,
    /// A hash of the file: two dictionaries loaded from the same text check alike.
    fingerprint: u64,
}

#[derive(Debug, Clone)]
struct PrhRule {
    expected: String,
    note: Option<String>,
    pattern: Pattern,
    /// `regexpMustEmpty: $N`: skip matches where group N is not empty.
    must_empty: Option<usize>,
}

/// Why a dictionary could not be loaded. Messages are for the writer, in Japanese.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrhError {
    #[error("辞書ファイルを読めません{}：{message}", at_line(*line))]
    Syntax {
        line: Option<usize>,
        message: String,
    },
    #[error("辞書の version {0} には対応していません（version: 1 のみ）。")]
    Version(u64),
    #[error("imports（ほかの辞書ファイルの読み込み）には対応していません。ルールを一つのファイルにまとめてください。")]
    Imports,
    #[error("{rule}：{message}")]
    Rule { rule: RuleRef, message: String },
    #[error("{rule}：specs のテストに失敗しました。「{from}」は「{to}」になるはずですが、「{got}」になりました。")]
    Spec {
        rule: RuleRef,
        from: String,
        to: String,
        got: String,
    },
}

/// A rule of the file, for error messages: its number (from 1), expected form and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRef {
    pub index: usize,
    pub expected: String,
    pub line: Option<usize>,
}

impl fmt::Display for RuleRef {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "ルール{}「{}」{}",
            self.index,
            self.expected,
            at_line(self.line)
        )
    }
}

fn at_line(line: Option<usize>) -> String {
    line.map(|l| format!("（{l}行目）")).unwrap_or_default()
}

#[derive(Deserialize)]
struct RawConfig {
    version: Option<u64>,
    imports: Option<serde_norway::Value>,
    #[serde(default)]
    rules: Vec<RawRule>,
}

/// A rule as written; deserialised through [`RawRuleVisitor`].
#[derive(Default)]
struct RawRule {
    expected: String,
    pattern: Option<OneOrMany>,
    patterns: Option<OneOrMany>,
    regexp_must_empty: Option<String>,
    options: RawOptions,
    specs: Vec<RawSpec>,
    prh: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct RawOptions {
    #[serde(default)]
    word_boundary: bool,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
struct RawSpec {
    from: String,
    to: String,
}

/// A rule item is a map, or a string that stands for `{expected: …}`.
struct RawRuleVisitor;

impl<'de> Visitor<'de> for RawRuleVisitor {
    type Value = RawRule;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a rule (a map with `expected`, or a string)")
    }

    fn visit_str<E: de::Error>(self, expected: &str) -> Result<RawRule, E> {
        Ok(RawRule {
            expected: expected.to_string(),
            ..RawRule::default()
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawRule, A::Error> {
        #[derive(Deserialize)]
        #[serde(remote = "RawRule", rename_all = "camelCase")]
        struct Fields {
            expected: String,
            pattern: Option<OneOrMany>,
            patterns: Option<OneOrMany>,
            regexp_must_empty: Option<String>,
            #[serde(default)]
            options: RawOptions,
            #[serde(default)]
            specs: Vec<RawSpec>,
            prh: Option<String>,
        }
        Fields::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}

impl<'de> Deserialize<'de> for RawRule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawRuleVisitor)
    }
}

impl PrhDictionary {
    /// Load a prh rule file and run its specs.
    pub fn from_yaml(yaml: &str) -> Result<PrhDictionary, PrhError> {
        let raw: RawConfig = serde_norway::from_str(yaml).map_err(|e| PrhError::Syntax {
            line: e.location().map(|l| l.line()),
            message: e.to_string(),
        })?;
        match raw.version {
            None | Some(1) => {}
            Some(other) => return Err(PrhError::Version(other)),
        }
        let no_imports = match &raw.imports {
            None | Some(serde_norway::Value::Null) => true,
            Some(serde_norway::Value::Sequence(list)) => list.is_empty(),
            Some(serde_norway::Value::String(path)) => path.trim().is_empty(),
            Some(_) => false,
        };
        if !no_imports {
            return Err(PrhError::Imports);
        }
        let lines = rule_lines(yaml, &raw.rules);
        let mut rules = Vec::with_capacity(raw.rules.len());
        for (i, (raw_rule, line)) in raw.rules.into_iter().zip(lines).enumerate() {
            let rule_ref = RuleRef {
                index: i + 1,
                expected: raw_rule.expected.clone(),
                line,
            };
            rules.push(compile(raw_rule, rule_ref)?);
        }
        let sources = rules.iter().map(|r| r.pattern.prefilter_source());
        let prefilter = RegexSetBuilder::new(sources)
            .size_limit(64 << 20)
            .build()
            .ok();
        Ok(PrhDictionary {
            rules,
            prefilter,
            fingerprint: fingerprint(yaml),
        })
    }

    /// Equal for dictionaries loaded from the same text.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Apply the dictionary to `text` as prh would (for specs and tests).
    pub fn apply(&self, text: &str) -> String {
        self.rules
            .iter()
            .fold(text.to_string(), |text, rule| rule.apply(&text))
    }

    /// Report every match in the plain text of a passage.
    pub(crate) fn check(&self, passage: &Passage, rule_id: Rule, notes: &mut Notes) {
        let segments = passage.segments();
        let mut active = vec![self.prefilter.is_none(); self.rules.len()];
        if let Some(set) = &self.prefilter {
            for segment in &segments {
                for i in set.matches(&passage.text[segment.clone()]).iter() {
                    active[i] = true;
                }
            }
        }
        for (rule, _) in self.rules.iter().zip(active).filter(|(_, on)| *on) {
            for segment in &segments {
                let text = &passage.text[segment.clone()];
                for (range, replacement) in rule.matches(text) {
                    let found = &text[range.clone()];
                    if found == replacement {
                        continue;
                    }
                    let mut message = match rule_id {
                        Rule::KatakanaMisspelling => {
                            format!("「{found}」は「{replacement}」の誤りです。")
                        }
                        _ => format!("「{found}」は「{replacement}」と書きましょう。"),
                    };
                    if let Some(note) = &rule.note {
                        message.push_str(&format!("（{note}）"));
                    }
                    let range = segment.start + range.start..segment.start + range.end;
                    let fix = Some((range.clone(), replacement));
                    notes.add(rule_id, message, range, fix);
                }
            }
        }
    }
}

fn fingerprint(text: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

impl PrhRule {
    /// Matches in `text` with their replacements, leftmost first, not overlapping.
    fn matches(&self, text: &str) -> Vec<(Range<usize>, String)> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(caps) = self.pattern.captures_at(text, at) {
            let Some(whole) = caps.get(0) else { break };
            let rejected = whole.is_empty() || !self.pattern.context_allows(text, whole.range());
            if rejected {
                match text[whole.start()..].chars().next() {
                    Some(c) => at = whole.start() + c.len_utf8(),
                    None => break,
                }
                continue;
            }
            at = whole.end();
            let filled = self
                .must_empty
                .and_then(|n| caps.get(n))
                .is_some_and(|g| !g.is_empty());
            if !filled {
                out.push((whole.range(), expand(&self.expected, &caps, text)));
            }
        }
        out
    }

    fn apply(&self, text: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for (range, replacement) in self.matches(text) {
            out.push_str(&text[last..range.start]);
            out.push_str(&replacement);
            last = range.end;
        }
        out.push_str(&text[last..]);
        out
    }
}

fn compile(raw: RawRule, rule: RuleRef) -> Result<PrhRule, PrhError> {
    let fail = |message: String| PrhError::Rule {
        rule: rule.clone(),
        message,
    };
    if raw.expected.is_empty() {
        return Err(fail("expected が空です。".into()));
    }
    let patterns = match raw.pattern.or(raw.patterns) {
        None => None,
        Some(OneOrMany::One(p)) => Some(vec![p]),
        Some(OneOrMany::Many(list)) => Some(list),
    };
    let boundary = raw.options.word_boundary;
    let pattern = match patterns {
        None => Pattern::loose(&raw.expected, boundary),
        Some(list) if list.is_empty() => return Err(fail("patterns が空です。".into())),
        Some(list) => Pattern::parse(&list, boundary),
    }
    .map_err(fail)?;
    let must_empty = match raw.regexp_must_empty.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(group) => Some(
            group
                .strip_prefix('$')
                .and_then(|n| n.parse().ok())
                .filter(|n| *n > 0 && *n < pattern.group_count())
                .ok_or_else(|| {
                    fail(format!(
                        "regexpMustEmpty「{group}」はグループ番号（$1 など）ではありません。"
                    ))
                })?,
        ),
    };
    let compiled = PrhRule {
        expected: raw.expected,
        note: raw.prh.filter(|n| !n.trim().is_empty()),
        pattern,
        must_empty,
    };
    for spec in raw.specs {
        let got = compiled.apply(&spec.from);
        if got != spec.to {
            return Err(PrhError::Spec {
                rule,
                from: spec.from,
                to: spec.to,
                got,
            });
        }
    }
    Ok(compiled)
}

/// Best-effort line of each rule: the next line, in order, that names its expected form.
fn rule_lines(yaml: &str, rules: &[RawRule]) -> Vec<Option<usize>> {
    let lines: Vec<&str> = yaml.lines().collect();
    let mut cursor = lines
        .iter()
        .position(|l| l.trim_start().starts_with("rules:"))
        .unwrap_or(0);
    rules
        .iter()
        .map(|rule| {
            let expected = rule.expected.as_str();
            let found = (cursor..lines.len()).find(|&i| {
                let line = lines[i].trim();
                let item = line
                    .strip_prefix('-')
                    .map(|l| l.trim().trim_matches(['"', '\'']));
                (line.contains("expected") && line.contains(expected)) || item == Some(expected)
            })?;
            cursor = found + 1;
            Some(found + 1)
        })
        .collect()
}

#[cfg(test)]
mod tests;
