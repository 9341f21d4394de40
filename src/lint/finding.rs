//! What a finding is: the rule it comes from (ids stable), how serious it is, where, and the
//! edit that fixes it.

use crate::script::Span;
use serde::{Deserialize, Serialize};

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
    SentenceSeconds,
    KanjiRun,
    RepeatedParticle,
    Homophone,
    Furigana,
    RedundantExpression,
    Tautology,
    DoubleHonorific,
    RepeatedEnding,
    UnfilledPlaceholder,
}

impl Rule {
    pub const ALL: [Rule; 18] = [
        Rule::SentenceLength,
        Rule::TooManyCommas,
        Rule::DoubledPhrase,
        Rule::DoubledParticle,
        Rule::MixedStyle,
        Rule::NotationVariant,
        Rule::KatakanaMisspelling,
        Rule::UserDictionary,
        Rule::SentenceSeconds,
        Rule::KanjiRun,
        Rule::RepeatedParticle,
        Rule::Homophone,
        Rule::Furigana,
        Rule::RedundantExpression,
        Rule::Tautology,
        Rule::DoubleHonorific,
        Rule::RepeatedEnding,
        Rule::UnfilledPlaceholder,
    ];

    /// The rule of a stable id (`kanji-run`).
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|rule| rule.id() == id)
    }

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
            Rule::SentenceSeconds => "sentence-seconds",
            Rule::KanjiRun => "kanji-run",
            Rule::RepeatedParticle => "repeated-particle",
            Rule::Homophone => "homophone",
            Rule::Furigana => "furigana",
            Rule::RedundantExpression => "redundant-expression",
            Rule::Tautology => "tautology",
            Rule::DoubleHonorific => "double-honorific",
            Rule::RepeatedEnding => "repeated-ending",
            Rule::UnfilledPlaceholder => "unfilled-placeholder",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Rule::DoubledPhrase | Rule::DoubledParticle | Rule::UnfilledPlaceholder => {
                Severity::Error
            }
            Rule::NotationVariant
            | Rule::Homophone
            | Rule::Furigana
            | Rule::RedundantExpression
            | Rule::RepeatedEnding => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
