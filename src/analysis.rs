//! Everything the editor shows beside a draft, from one parse: reading time per section,
//! proofreading findings and the outline.
//!
//! With the morphological dictionary ([`analyse_with_words`]) the timing counts morae from
//! each sentence's reading, the word rules and furigana suggestions join the findings, and
//! the readings come with the analysis. Without it ([`analyse`]) everything works on
//! characters.

use crate::japanese::{self, pace, Morphology, SentenceReading, UserReadings};
use crate::lint::{self, Finding, LintConfig};
use crate::script::{self, Diagnostic, SectionRole, Span};
use crate::store::DraftStats;
use crate::timing::{self, Pace, ScriptTiming, TimingOptions};
use serde::Serialize;

#[derive(Debug, Clone)]
pub struct AnalysisOptions {
    /// Timing at the character level (the pace in characters).
    pub timing: TimingOptions,
    pub lint: LintConfig,
    /// The pace in morae, used with the dictionary (default, or calibrated from rehearsals).
    pub mora_pace: Pace,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            timing: TimingOptions::default(),
            lint: LintConfig::default(),
            mora_pace: pace::default_pace(),
        }
    }
}

/// The dictionary and the office's readings, for [`analyse_with_words`].
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub morphology: &'a Morphology,
    pub user: &'a UserReadings,
}

/// A section as listed in the outline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutlineEntry {
    pub title: String,
    pub role: SectionRole,
    pub span: Span,
    pub chars: usize,
    pub seconds: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub title: Option<String>,
    pub timing: ScriptTiming,
    pub outline: Vec<OutlineEntry>,
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    /// Each sentence as read (empty without the dictionary).
    pub readings: Vec<SentenceReading>,
    /// Morae of the whole draft, with the dictionary.
    pub morae: Option<usize>,
}

impl Analysis {
    /// The figures the library list keeps for a draft.
    pub fn stats(&self) -> DraftStats {
        DraftStats {
            chars: u32::try_from(self.timing.chars).unwrap_or(u32::MAX),
            seconds: self.timing.seconds,
        }
    }
}

/// Parse once; time (in characters), lint and outline the draft.
pub fn analyse(source: &str, options: &AnalysisOptions) -> Analysis {
    let script = script::parse(source);
    let timing = timing::estimate(&script, &options.timing);
    let findings = lint::lint(source, &script, &options.lint);
    finish(source, script, timing, findings, Vec::new(), options)
}

/// Parse once; split into words; time in morae, lint with the word rules and read the draft.
pub fn analyse_with_words(source: &str, options: &AnalysisOptions, words: Words) -> Analysis {
    let script = script::parse(source);
    let passages = japanese::worded_passages(words.morphology, &script, source);
    let readings = japanese::sentence_readings(&passages, words.user);
    let timing = pace::estimate(&script, &readings, options);
    let findings = lint::lint_words(
        source,
        &options.lint,
        &passages,
        words.morphology.dictionary(),
        words.user,
    );
    finish(source, script, timing, findings, readings, options)
}

fn finish(
    source: &str,
    script: script::Script,
    timing: ScriptTiming,
    mut findings: Vec<Finding>,
    readings: Vec<SentenceReading>,
    options: &AnalysisOptions,
) -> Analysis {
    let seconds = lint::sentence_seconds(source, &timing, &options.lint);
    if !seconds.is_empty() {
        findings.extend(seconds);
        findings.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
    }
    let outline = timing
        .sections
        .iter()
        .map(|section| OutlineEntry {
            title: section.title.clone(),
            role: section.role,
            span: section.span.clone(),
            chars: section.chars,
            seconds: section.seconds,
        })
        .collect();
    let morae =
        (!readings.is_empty() || timing.pace.unit == timing::Unit::Mora).then_some(timing.spoken);
    Analysis {
        title: script.title_text(),
        timing,
        outline,
        findings,
        diagnostics: script.diagnostics,
        readings,
        morae,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_parse_feeds_timing_findings_and_outline() {
        let source = "# 題\n\n## ① 共創\n\n仕組みを仕組みを変えます。\n\n## 結びに\n\n以上です。\n";
        let analysis = analyse(source, &AnalysisOptions::default());
        assert_eq!(analysis.title.as_deref(), Some("題"));
        let titles: Vec<&str> = analysis.outline.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["① 共創", "結びに"]);
        assert!(analysis
            .findings
            .iter()
            .any(|f| f.rule.id() == "doubled-phrase"));
        assert_eq!(
            analysis.stats(),
            crate::compose::stats(source, &AnalysisOptions::default(), None)
        );
    }
}
