//! Everything the editor shows beside a draft, from one parse: reading time per section,
//! proofreading findings and the outline.
//!
//! With the morphological dictionary ([`Words`]) the timing counts morae from each
//! sentence's reading, the word rules and furigana suggestions join the findings, and the
//! readings come with the analysis. Without it everything works on characters.
//!
//! An [`Analyser`] analyses one draft again and again as it is edited: what each passage
//! (sentence or heading) gave is kept while the passage stays the same, so a keystroke checks
//! and reads again only the passages it changed. The rules that compare passages (mixed style,
//! 表記ゆれ, furigana once a draft) and the timing run over the kept results.

use crate::japanese::{pace, Dictionary, ReadingPart, SentenceReading, UserReadings};
use crate::lint::{self, Finding, LintConfig, PassageChecks, WordContext};
use crate::passage::{self, Passage, PassageKey, PassageKind};
use crate::script::{self, Diagnostic, Script, SectionRole, Span};
use crate::timing::{self, Pace, ScriptTiming, TimingOptions};
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex, PoisonError};

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

/// The dictionary and the office's readings.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub dictionary: &'a Dictionary,
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

/// Parse once; time (in characters), lint and outline the draft.
pub fn analyse(source: &str, options: &AnalysisOptions) -> Analysis {
    Analyser::default().analyse(source, options, None)
}

/// Parse once; split into words; time in morae, lint with the word rules and read the draft.
pub fn analyse_with_words(source: &str, options: &AnalysisOptions, words: Words) -> Analysis {
    Analyser::default().analyse(source, options, Some(words))
}

/// Analyses drafts as they are edited, keeping what each passage gave (see the module).
#[derive(Default)]
pub struct Analyser {
    memo: Mutex<Memo>,
}

/// The passages of the last analysis and what they gave.
#[derive(Default)]
struct Memo {
    /// What the entries were made with (see [`context`]).
    context: u64,
    entries: HashMap<PassageKey, Arc<Checked>>,
}

/// What one passage gave.
struct Checked {
    checks: PassageChecks,
    /// A sentence's reading, with the dictionary: its parts and morae.
    reading: Option<(Arc<[ReadingPart]>, usize)>,
}

impl Analyser {
    /// Analyse `source`; with `words`, with the dictionary.
    pub fn analyse(
        &self,
        source: &str,
        options: &AnalysisOptions,
        words: Option<Words>,
    ) -> Analysis {
        self.analyse_script(&script::parse(source), source, options, words)
    }

    /// Analyse `script`, parsed from `source` by the caller (a use case that needs the
    /// `Script` too parses once).
    pub fn analyse_script(
        &self,
        script: &Script,
        source: &str,
        options: &AnalysisOptions,
        words: Option<Words>,
    ) -> Analysis {
        let passages = passage::passages(script, source);
        let context = context(options, words);
        let previous = {
            let mut memo = self.memo.lock().unwrap_or_else(PoisonError::into_inner);
            if memo.context != context {
                memo.entries.clear();
            }
            std::mem::take(&mut memo.entries)
        };
        // Only this draft's passages are kept: the memo never outgrows the draft. Sized by
        // what it holds (a draft of a million identical headings has a handful of keys).
        let mut kept: HashMap<PassageKey, Arc<Checked>> = HashMap::new();
        let checked: Vec<Arc<Checked>> = passages
            .iter()
            .map(|passage| {
                let key = passage.key();
                let entry = kept
                    .get(&key)
                    .or_else(|| previous.get(&key))
                    .map(Arc::clone)
                    .unwrap_or_else(|| Arc::new(check(passage, options, words)));
                kept.insert(key, Arc::clone(&entry));
                entry
            })
            .collect();
        *self.memo.lock().unwrap_or_else(PoisonError::into_inner) = Memo {
            context,
            entries: kept,
        };

        let readings: Vec<SentenceReading> = passages
            .iter()
            .zip(&checked)
            .filter_map(|(passage, checked)| {
                let (parts, morae) = checked.reading.as_ref()?;
                Some(SentenceReading {
                    span: passage.span.clone(),
                    parts: Arc::clone(parts),
                    morae: *morae,
                })
            })
            .collect();
        let timing = pace::estimate(
            script,
            words.map(|_| readings.as_slice()),
            &options.timing,
            options.mora_pace,
        );
        let pairs: Vec<(&Passage, &PassageChecks)> = passages
            .iter()
            .zip(checked.iter().map(|c| &c.checks))
            .collect();
        let findings = lint::draft_findings(source, &pairs);
        finish(source, script, timing, findings, readings, options)
    }
}

/// Check and read one passage.
fn check(passage: &Passage, options: &AnalysisOptions, words: Option<Words>) -> Checked {
    // A huge passage is read piece by piece and checked by the character rules only (see
    // `HUGE_PASSAGE_BYTES`).
    if let Some(words) = words.filter(|_| crate::japanese::readings::is_huge(passage)) {
        let reading = (passage.kind == PassageKind::Sentence).then(|| {
            let reading = crate::japanese::readings::read(words.dictionary, passage, words.user);
            (reading.parts, reading.morae)
        });
        return Checked {
            checks: lint::check_passage(passage, &options.lint, None),
            reading,
        };
    }
    let Some(words) = words else {
        return Checked {
            checks: lint::check_passage(passage, &options.lint, None),
            reading: None,
        };
    };
    let split = words.dictionary.words(&passage.text);
    let context = WordContext {
        words: &split,
        dictionary: words.dictionary,
        user: words.user,
    };
    let reading = (passage.kind == PassageKind::Sentence).then(|| {
        let reading = crate::japanese::readings::read_passage(passage, &split, words.user);
        (reading.parts, reading.morae)
    });
    Checked {
        checks: lint::check_passage(passage, &options.lint, Some(context)),
        reading,
    }
}

/// What a passage's results depend on besides the passage: the rules' limits, the office's
/// dictionaries and whether (and which) morphological dictionary is used.
fn context(options: &AnalysisOptions, words: Option<Words>) -> u64 {
    let lint = &options.lint;
    let mut hasher = DefaultHasher::new();
    (lint.max_sentence_chars, lint.max_commas, lint.max_kanji_run).hash(&mut hasher);
    lint.dictionary
        .as_ref()
        .map(|d| d.fingerprint())
        .hash(&mut hasher);
    words
        .map(|w| (std::ptr::from_ref(w.dictionary) as usize, w.user))
        .hash(&mut hasher);
    hasher.finish()
}

fn finish(
    source: &str,
    script: &Script,
    timing: ScriptTiming,
    mut findings: Vec<Finding>,
    readings: Vec<SentenceReading>,
    options: &AnalysisOptions,
) -> Analysis {
    let mut seconds = lint::sentence_seconds(source, &timing, &options.lint);
    // Every rule runs (a passage's checks are kept whatever is switched off); the rules the
    // writer switched off are left out here.
    findings.retain(|f| !options.lint.off.contains(&f.rule));
    // A sentence too long to read is told once: its length, when that is already reported.
    let long: Vec<std::ops::Range<usize>> = findings
        .iter()
        .filter(|f| f.rule == lint::Rule::SentenceLength)
        .map(|f| f.span.range())
        .collect();
    seconds.retain(|f| {
        let at = long.partition_point(|r| r.end <= f.span.start());
        !long
            .get(at)
            .is_some_and(|r| r.start < f.span.end() && f.span.start() < r.end)
    });
    if options.lint.off.contains(&lint::Rule::SentenceSeconds) {
        seconds.clear();
    }
    // …and its commas are not told again: splitting it is the one thing to do.
    let mut long_or_slow: Vec<std::ops::Range<usize>> = long;
    long_or_slow.extend(seconds.iter().map(|f| f.span.range()));
    findings.retain(|f| {
        f.rule != lint::Rule::TooManyCommas
            || !long_or_slow
                .iter()
                .any(|r| r.start < f.span.end() && f.span.start() < r.end)
    });
    if !seconds.is_empty() {
        findings.extend(seconds);
        findings.sort_by(|a, b| {
            (a.span.start(), a.span.end(), a.rule).cmp(&(b.span.start(), b.span.end(), b.rule))
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
        diagnostics: script.diagnostics.clone(),
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
    }

    #[test]
    fn a_sentence_too_long_is_told_once() {
        let long = format!("{}。", "あいうえおかきくけこ".repeat(12));
        let about_length = |findings: &[Finding]| -> Vec<&'static str> {
            findings
                .iter()
                .map(|f| f.rule.id())
                .filter(|id| id.starts_with("sentence-"))
                .collect()
        };
        let findings = analyse(&long, &AnalysisOptions::default()).findings;
        assert_eq!(about_length(&findings), ["sentence-length"]);
        // Alone, the reading time still says it.
        let options = AnalysisOptions {
            lint: crate::lint::LintConfig {
                off: vec![crate::lint::Rule::SentenceLength],
                ..crate::lint::LintConfig::default()
            },
            ..AnalysisOptions::default()
        };
        let findings = analyse(&long, &options).findings;
        assert_eq!(about_length(&findings), ["sentence-seconds"]);
    }
}
