//! Proofreading for Japanese text that is read aloud.
//!
//! [`lint`] reads a parsed [`Script`] (never the Markdown again) and returns [`Finding`]s
//! sorted by position, each pointing at the source. Length, 読点 and style are checked on the
//! sentences read aloud; doubled phrases, notation and dictionaries also on headings. Notes,
//! cues and summaries are never checked.
//!
//! | rule id               | severity | what                                                  |
//! |-----------------------|----------|-------------------------------------------------------|
//! | `sentence-length`     | warning  | more printed characters than the limit (default 100)  |
//! | `too-many-commas`     | warning  | more 読点 than the limit (default 3)                  |
//! | `doubled-phrase`      | error    | 「仕組みを仕組みを」                                  |
//! | `doubled-particle`    | error    | 「計画をを」                                          |
//! | `mixed-style`         | warning  | である調 among です・ます調, or the other way round   |
//! | `notation-variant`    | info     | 表記ゆれ inside the draft: 「取組」「取り組み」       |
//! | `katakana-misspelling`| warning  | 「シュミレーション」 (a built-in prh dictionary)      |
//! | `user-dictionary`     | warning  | the office's own prh dictionary                       |

mod doubled;
mod length;
mod notation;
mod passage;
pub mod prh;
mod style;

pub use prh::{PrhDictionary, PrhError};

use crate::script::{LineIndex, Script, Span};
use passage::{passages, Passage, PassageKind};
use serde::Serialize;
use std::ops::Range;
use std::sync::LazyLock;

/// What a finding is about. The serialised ids are stable (kebab-case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    SentenceLength,
    TooManyCommas,
    DoubledPhrase,
    DoubledParticle,
    MixedStyle,
    NotationVariant,
    KatakanaMisspelling,
    UserDictionary,
}

impl Rule {
    pub const ALL: [Rule; 8] = [
        Rule::SentenceLength,
        Rule::TooManyCommas,
        Rule::DoubledPhrase,
        Rule::DoubledParticle,
        Rule::MixedStyle,
        Rule::NotationVariant,
        Rule::KatakanaMisspelling,
        Rule::UserDictionary,
    ];

    /// The stable id, as serialised.
    pub fn id(self) -> &'static str {
        match self {
            Rule::SentenceLength => "sentence-length",
            Rule::TooManyCommas => "too-many-commas",
            Rule::DoubledPhrase => "doubled-phrase",
            Rule::DoubledParticle => "doubled-particle",
            Rule::MixedStyle => "mixed-style",
            Rule::NotationVariant => "notation-variant",
            Rule::KatakanaMisspelling => "katakana-misspelling",
            Rule::UserDictionary => "user-dictionary",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Rule::DoubledPhrase | Rule::DoubledParticle => Severity::Error,
            Rule::NotationVariant => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Almost certainly a mistake.
    Error,
    /// Worth a look before the speech is read.
    Warning,
    /// A matter of consistency.
    Info,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One proofreading finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    /// For the writer, in Japanese.
    pub message: String,
    /// The offending text in the source.
    pub span: Span,
    /// The offending text as printed (a sentence is shortened).
    pub excerpt: String,
    pub fix: Option<Fix>,
}

/// A suggested edit of the source: replace `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

#[derive(Debug, Clone)]
pub struct LintConfig {
    /// Printed characters per sentence, whitespace not counted, ruby as its base.
    pub max_sentence_chars: usize,
    /// 読点 (、，) per sentence.
    pub max_commas: usize,
    /// The office's dictionary of preferred forms.
    pub dictionary: Option<PrhDictionary>,
}

impl Default for LintConfig {
    fn default() -> Self {
        LintConfig {
            max_sentence_chars: 100,
            max_commas: 3,
            dictionary: None,
        }
    }
}

/// Common katakana misspellings, kept as a prh dictionary (checked by its specs in the tests).
static KATAKANA: LazyLock<Option<PrhDictionary>> =
    LazyLock::new(|| PrhDictionary::from_yaml(include_str!("katakana.yml")).ok());

/// Proofread a draft. `source` is the text `script` was parsed from.
pub fn lint(source: &str, script: &Script, config: &LintConfig) -> Vec<Finding> {
    let passages = passages(script, source);
    let mut report = Report {
        index: LineIndex::new(source),
        findings: Vec::new(),
    };
    let sentences: Vec<&Passage> = passages
        .iter()
        .filter(|p| p.kind == PassageKind::Sentence)
        .collect();
    for passage in &sentences {
        length::check(passage, config, &mut report);
    }
    for passage in &passages {
        doubled::check(passage, &mut report);
    }
    style::check(&sentences, &mut report);
    notation::check(&passages, &mut report);
    if let Some(katakana) = KATAKANA.as_ref() {
        katakana.check(&passages, Rule::KatakanaMisspelling, &mut report);
    }
    if let Some(dictionary) = &config.dictionary {
        dictionary.check(&passages, Rule::UserDictionary, &mut report);
    }
    let mut findings = report.findings;
    findings.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
    });
    findings
}

/// Findings as they are made, with what is needed to place them in the source.
pub(crate) struct Report<'a> {
    index: LineIndex<'a>,
    findings: Vec<Finding>,
}

impl Report<'_> {
    /// Report `range` of a passage's text; `fix` replaces a range of the text (offered only
    /// when that range can be edited safely).
    fn add(
        &mut self,
        rule: Rule,
        message: String,
        passage: &Passage,
        range: Range<usize>,
        fix: Option<(Range<usize>, String)>,
    ) {
        let source = passage.source_range(range.clone());
        let fix = fix.and_then(|(range, replacement)| {
            let source = passage.editable_range(range)?;
            Some(Fix {
                span: self.index.span(source.start, source.end),
                replacement,
            })
        });
        self.findings.push(Finding {
            rule,
            severity: rule.severity(),
            message,
            span: self.index.span(source.start, source.end),
            excerpt: excerpt(passage.text.get(range).unwrap_or_default()),
            fix,
        });
    }
}

/// Longest excerpt, in characters.
const EXCERPT_CHARS: usize = 40;

fn excerpt(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= EXCERPT_CHARS {
        return text.to_string();
    }
    let mut short: String = text.chars().take(EXCERPT_CHARS - 1).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests;
