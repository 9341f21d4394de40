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
//! | `sentence-seconds`    | warning  | a sentence that takes longer than the limit to read   |
//! | `kanji-run`           | warning  | more than 6 kanji in a row (hard to follow by ear)    |
//!
//! With the morphological dictionary ([`crate::japanese`]) these rules work on words:
//!
//! | rule id               | severity | what                                                  |
//! |-----------------------|----------|-------------------------------------------------------|
//! | `doubled-particle`    | error    | the same particle twice in a row, found from words    |
//! | `repeated-particle`   | warning  | the same particle twice in a sentence (textlint's no-doubled-joshi) |
//! | `notation-variant`    | info     | also words of the same reading and kanji spelt two ways |
//! | `homophone`           | info     | words easily confused when heard (市立/私立)           |
//! | `furigana`            | info     | a suggested `{漢字|よみ}`, with the fix that inserts it |
//!
//! Without the dictionary the character-level doubled-particle rule stands in; with it that
//! rule is off, so a problem is reported once.

mod doubled;
mod length;
mod notation;
pub(crate) mod passage;
pub mod prh;
mod style;
mod words;

pub use prh::{PrhDictionary, PrhError};

use crate::japanese::{Dictionary, UserReadings, WordedPassage};
use crate::script::{LineIndex, Script, Span};
use crate::timing::ScriptTiming;
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
    SentenceSeconds,
    KanjiRun,
    RepeatedParticle,
    Homophone,
    Furigana,
}

impl Rule {
    pub const ALL: [Rule; 13] = [
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
            Rule::SentenceSeconds => "sentence-seconds",
            Rule::KanjiRun => "kanji-run",
            Rule::RepeatedParticle => "repeated-particle",
            Rule::Homophone => "homophone",
            Rule::Furigana => "furigana",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Rule::DoubledPhrase | Rule::DoubledParticle => Severity::Error,
            Rule::NotationVariant | Rule::Homophone | Rule::Furigana => Severity::Info,
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
    /// Seconds a sentence may take to read aloud.
    pub max_sentence_seconds: f64,
    /// Kanji in a row.
    pub max_kanji_run: usize,
}

impl Default for LintConfig {
    fn default() -> Self {
        LintConfig {
            max_sentence_chars: 100,
            max_commas: 3,
            dictionary: None,
            max_sentence_seconds: 20.0,
            max_kanji_run: 6,
        }
    }
}

/// Common katakana misspellings, kept as a prh dictionary (checked by its specs in the tests).
static KATAKANA: LazyLock<Option<PrhDictionary>> =
    LazyLock::new(|| PrhDictionary::from_yaml(include_str!("katakana.yml")).ok());

/// Proofread a draft at the character level. `source` is the text `script` was parsed from.
pub fn lint(source: &str, script: &Script, config: &LintConfig) -> Vec<Finding> {
    let passages = passages(script, source);
    let mut report = Report::new(source);
    characters(
        &passages.iter().collect::<Vec<_>>(),
        config,
        true,
        &mut report,
    );
    report.finish()
}

/// Proofread a draft with its words: the word rules, and the character rules they do not
/// replace.
pub(crate) fn lint_words(
    source: &str,
    config: &LintConfig,
    passages: &[WordedPassage],
    dictionary: &Dictionary,
    user: &UserReadings,
) -> Vec<Finding> {
    let mut report = Report::new(source);
    let plain: Vec<&Passage> = passages.iter().map(|p| &p.passage).collect();
    characters(&plain, config, false, &mut report);
    words::check(passages, dictionary, user, &mut report);
    let mut findings = report.finish();
    // The word and character 表記ゆれ rules may both see one variant: keep the first.
    let mut seen: Vec<(Rule, Range<usize>)> = Vec::new();
    findings.retain(|f| {
        let range = f.span.range();
        if seen
            .iter()
            .any(|(rule, r)| *rule == f.rule && r.start < range.end && range.start < r.end)
        {
            return false;
        }
        seen.push((f.rule, range));
        true
    });
    findings
}

/// The character-level rules; `particles`: whether to look for doubled particles by
/// characters (off when words find them).
fn characters(passages: &[&Passage], config: &LintConfig, particles: bool, report: &mut Report) {
    let sentences: Vec<&Passage> = passages
        .iter()
        .copied()
        .filter(|p| p.kind == PassageKind::Sentence)
        .collect();
    for passage in &sentences {
        length::check(passage, config, report);
    }
    for passage in passages {
        doubled::check(passage, particles, report);
        words::kanji_runs(passage, config, report);
    }
    style::check(&sentences, report);
    notation::check(passages, report);
    if let Some(katakana) = KATAKANA.as_ref() {
        katakana.check(passages, Rule::KatakanaMisspelling, report);
    }
    if let Some(dictionary) = &config.dictionary {
        dictionary.check(passages, Rule::UserDictionary, report);
    }
}

/// Sentences that take longer than the limit to read aloud, from the timing estimate.
pub fn sentence_seconds(source: &str, timing: &ScriptTiming, config: &LintConfig) -> Vec<Finding> {
    let index = LineIndex::new(source);
    timing
        .sections
        .iter()
        .flat_map(|s| &s.sentences)
        .filter(|s| s.seconds > config.max_sentence_seconds)
        .map(|s| {
            let span = index.span(s.span.start, s.span.end);
            Finding {
                rule: Rule::SentenceSeconds,
                severity: Rule::SentenceSeconds.severity(),
                message: format!(
                    "読み上げると約{:.0}秒かかります（目安{:.0}秒）。二つの文に分けると聞きやすくなります。",
                    s.seconds, config.max_sentence_seconds
                ),
                excerpt: excerpt(source.get(s.span.range()).unwrap_or_default()),
                span,
                fix: None,
            }
        })
        .collect()
}

/// Findings as they are made, with what is needed to place them in the source.
pub(crate) struct Report<'a> {
    index: LineIndex<'a>,
    findings: Vec<Finding>,
}

impl<'a> Report<'a> {
    fn new(source: &'a str) -> Self {
        Report {
            index: LineIndex::new(source),
            findings: Vec::new(),
        }
    }

    /// The findings sorted by position.
    fn finish(self) -> Vec<Finding> {
        let mut findings = self.findings;
        findings.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        findings
    }

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
