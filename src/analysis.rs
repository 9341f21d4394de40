//! Everything the editor shows beside a draft, from one parse: reading time per section,
//! proofreading findings and the outline.

use crate::lint::{self, Finding, LintConfig};
use crate::script::{self, Diagnostic, SectionRole, Span};
use crate::store::DraftStats;
use crate::timing::{self, ScriptTiming, TimingOptions};
use serde::Serialize;

#[derive(Debug, Clone, Default)]
pub struct AnalysisOptions {
    pub timing: TimingOptions,
    pub lint: LintConfig,
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

/// Parse once; time, lint and outline the draft.
pub fn analyse(source: &str, options: &AnalysisOptions) -> Analysis {
    let script = script::parse(source);
    let timing = timing::estimate(&script, &options.timing);
    let findings = lint::lint(source, &script, &options.lint);
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
    Analysis {
        title: script.title_text(),
        timing,
        outline,
        findings,
        diagnostics: script.diagnostics,
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
            crate::compose::stats(source, &TimingOptions::default())
        );
    }
}
