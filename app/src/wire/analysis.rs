//! What the editor shows beside a draft: reading time per section and proofreading findings,
//! with positions in UTF-16 code units of the body.

use super::readings::{DictionaryStatus, SentenceReading};
use super::Utf16Offsets;
pub use podium::lint::Severity;
use podium::{analysis, lint, script};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Analysis {
    /// The version of the text analysed: edits sent to `analyse_edits` are based on it.
    pub version: u32,
    #[serde(flatten)]
    #[ts(flatten)]
    pub figures: Figures,
    /// Each sentence as read (empty without the dictionary).
    pub readings: Vec<SentenceReading>,
    /// Sorted by position.
    pub findings: Vec<Finding>,
}

/// What the live panel shows of an analysis besides the long lists (findings, readings): small,
/// sent whole after every keystroke.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Figures {
    /// The `#` heading, as printed.
    pub title: Option<String>,
    /// Characters as printed (read-aloud text, no whitespace).
    pub chars: u32,
    /// Length as read aloud in the pace's unit: characters (ruby readings, no punctuation), or
    /// morae when `morae` is set.
    pub spoken: u32,
    pub seconds: f64,
    /// The pace: characters a minute, or morae a minute when `morae` is set.
    pub pace_per_minute: f64,
    /// Morae of the draft, when the dictionary timed it.
    pub morae: Option<u32>,
    /// Whether the dictionary was used (readings, morae, word rules and furigana).
    pub dictionary: DictionaryStatus,
    pub sections: Vec<SectionTiming>,
    /// What the parser ignored or repaired (raw HTML, unclosed ruby or cues …).
    pub diagnostics: Vec<Diagnostic>,
    /// Findings the writer dismissed in this draft (same rule, same text): shown collapsed as
    /// 確認済み, each can be taken back. Sorted by position.
    pub checked: Vec<Finding>,
    /// Ids of the rules this draft does not use (beside the settings' `lintOff`).
    pub rules_off: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SectionRole {
    /// Text before the first `##`.
    Preamble,
    Greeting,
    Stance,
    /// A numbered priority ①②③; see `SectionTiming.number`.
    Priority,
    Closing,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SectionTiming {
    pub title: String,
    pub role: SectionRole,
    /// The priority's number (1 for ①), `null` for other roles.
    pub number: Option<u32>,
    /// UTF-16 offsets of the section in the body.
    pub from: u32,
    pub to: u32,
    /// 1-based line of the section's start.
    pub line: u32,
    pub chars: u32,
    pub seconds: f64,
}

/// A suggested edit: replace `from..to` of the body with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Fix {
    pub from: u32,
    pub to: u32,
    pub replacement: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Finding {
    /// Stable rule id: `sentence-length`, `too-many-commas`, `doubled-phrase` …
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// UTF-16 offsets in the body (CodeMirror positions).
    pub from: u32,
    pub to: u32,
    /// 1-based line and column, the column in characters (code points): for display.
    pub line: u32,
    pub column: u32,
    pub excerpt: String,
    pub fix: Option<Fix>,
}

/// Something the parser ignored or repaired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Diagnostic {
    /// `raw_html_ignored`, `unclosed_ruby`, `unclosed_cue`, `extra_title`, `image_ignored`,
    /// `control_character_removed`, `unsupported`.
    pub kind: String,
    pub from: u32,
    pub to: u32,
    pub line: u32,
    pub column: u32,
}

impl Analysis {
    /// The core's analysis of `body`, spans turned into UTF-16 offsets of `body`.
    pub fn new(analysis: &analysis::Analysis, body: &str) -> Self {
        let offsets = Utf16Offsets::new(body);
        let timing = &analysis.timing;
        let figures = Figures {
            title: analysis.title.clone(),
            chars: count(timing.chars),
            spoken: count(timing.spoken),
            seconds: timing.seconds,
            pace_per_minute: timing.pace.per_minute,
            morae: analysis.morae.map(count),
            dictionary: match analysis.morae {
                Some(_) => DictionaryStatus::Ready,
                None => DictionaryStatus::Missing,
            },
            sections: timing
                .sections
                .iter()
                .map(|section| {
                    let (role, number) = role(section.role);
                    let (from, to) = offsets.span(&section.span);
                    SectionTiming {
                        title: section.title.clone(),
                        role,
                        number,
                        from,
                        to,
                        line: count(section.span.line()),
                        chars: count(section.chars),
                        seconds: section.seconds,
                    }
                })
                .collect(),
            diagnostics: analysis
                .diagnostics
                .iter()
                .map(|diagnostic| {
                    let (from, to) = offsets.span(&diagnostic.span);
                    Diagnostic {
                        kind: diagnostic_kind(diagnostic.kind).to_owned(),
                        from,
                        to,
                        line: count(diagnostic.span.line()),
                        column: count(diagnostic.span.column()),
                    }
                })
                .collect(),
            checked: Vec::new(),
            rules_off: Vec::new(),
        };
        Analysis {
            version: 0,
            figures,
            readings: analysis
                .readings
                .iter()
                .map(|reading| SentenceReading::new(reading, &offsets))
                .collect(),
            findings: analysis
                .findings
                .iter()
                .map(|finding| Finding::new(finding, &offsets))
                .collect(),
        }
    }
}

impl Finding {
    pub fn new(finding: &lint::Finding, offsets: &Utf16Offsets<'_>) -> Self {
        let (from, to) = offsets.span(&finding.span);
        Finding {
            rule: finding.rule.id().to_owned(),
            severity: finding.severity,
            message: finding.message.clone(),
            from,
            to,
            line: count(finding.span.line()),
            column: count(finding.span.column()),
            excerpt: finding.excerpt.clone(),
            fix: finding.fix.as_ref().map(|fix| {
                let (from, to) = offsets.span(&fix.span);
                Fix {
                    from,
                    to,
                    replacement: fix.replacement.clone(),
                }
            }),
        }
    }
}

pub(super) fn role(role: script::SectionRole) -> (SectionRole, Option<u32>) {
    match role {
        script::SectionRole::Preamble => (SectionRole::Preamble, None),
        script::SectionRole::Greeting => (SectionRole::Greeting, None),
        script::SectionRole::Stance => (SectionRole::Stance, None),
        script::SectionRole::Priority(number) => (SectionRole::Priority, Some(number)),
        script::SectionRole::Closing => (SectionRole::Closing, None),
        script::SectionRole::Other => (SectionRole::Other, None),
    }
}

fn diagnostic_kind(kind: script::DiagnosticKind) -> &'static str {
    use script::DiagnosticKind::*;
    match kind {
        RawHtmlIgnored => "raw_html_ignored",
        UnclosedRuby => "unclosed_ruby",
        UnclosedCue => "unclosed_cue",
        ExtraTitle => "extra_title",
        ImageIgnored => "image_ignored",
        ControlCharacterRemoved => "control_character_removed",
        Unsupported => "unsupported",
    }
}

/// Counts and lines fit in `u32` for any body the shell accepts (at most 2 MiB).
pub(super) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use podium::analysis::{analyse, AnalysisOptions};

    #[test]
    fn positions_are_utf16_offsets_of_the_body() {
        // 𠮷 takes two UTF-16 units: everything after it is shifted by one against chars.
        let body = "# 𠮷田市 年頭挨拶\n\n## ① 共創\n\n仕組みを仕組みを変えます。\n";
        let analysis = Analysis::new(&analyse(body, &AnalysisOptions::default()), body);
        assert_eq!(analysis.figures.title.as_deref(), Some("𠮷田市 年頭挨拶"));

        let doubled = analysis
            .findings
            .iter()
            .find(|f| f.rule == "doubled-phrase")
            .expect("a doubled phrase");
        let utf16: Vec<u16> = body.encode_utf16().collect();
        let found = String::from_utf16(&utf16[doubled.from as usize..doubled.to as usize]).unwrap();
        assert!(found.contains("仕組みを"), "{found:?}");
        assert_eq!(doubled.severity, Severity::Error);
        assert_eq!(doubled.line, 5);

        let priority = analysis
            .figures
            .sections
            .iter()
            .find(|s| s.role == SectionRole::Priority)
            .expect("a priority");
        assert_eq!(priority.number, Some(1));
        let start = body.find("## ①").unwrap();
        assert_eq!(priority.from as usize, body[..start].encode_utf16().count());
    }

    #[test]
    fn role_and_number_serialise_flat() {
        let section = SectionTiming {
            title: "② 共創".into(),
            role: SectionRole::Priority,
            number: Some(2),
            from: 0,
            to: 1,
            line: 1,
            chars: 0,
            seconds: 0.0,
        };
        let json = serde_json::to_value(&section).unwrap();
        assert_eq!(json["role"], "priority");
        assert_eq!(json["number"], 2);
    }
}
