//! Proofreading for Japanese text that is read aloud.
//!
//! [`lint`] reads a parsed [`Script`] (never the Markdown again) and returns [`Finding`]s
//! sorted by position, each pointing at the source. Length, 読点 and style are checked on the
//! sentences read aloud; doubled phrases, notation and dictionaries also on headings. Notes,
//! cues and summaries are never checked, except for a template's placeholder
//! left unfilled (`{{city}}`), which is found wherever it stands.
//!
//! | rule id               | severity | what                                                  |
//! |-----------------------|----------|-------------------------------------------------------|
//! | `sentence-length`     | warning  | more printed characters than the limit (default 100)  |
//! | `too-many-commas`     | warning  | more 読点 than the limit (default 3); not told again for a sentence already too long or too slow |
//! | `doubled-phrase`      | error    | 「仕組みを仕組みを」                                  |
//! | `doubled-particle`    | error    | 「計画をを」                                          |
//! | `mixed-style`         | warning  | である調 among です・ます調, or the other way round   |
//! | `notation-variant`    | info     | 表記ゆれ inside the draft: 「取組」「取り組み」       |
//! | `katakana-misspelling`| warning  | 「シュミレーション」 (a built-in prh dictionary)      |
//! | `user-dictionary`     | warning  | the office's own prh dictionary                       |
//! | `sentence-seconds`    | warning  | a sentence that takes longer than the limit to read   |
//! | `kanji-run`           | warning  | more than 6 kanji in a row (not an official name: runs ending as an institution's, event's or budget's name, and with the dictionary runs holding a proper noun, are left) |
//! | `redundant-expression`| info     | 「することができる」 → 「できる」                      |
//! | `tautology`           | warning  | 重言: 「一番最初」, 「今現在」, 「後で後悔」             |
//! | `double-honorific`    | warning  | 二重敬語: 「お越しになられる」, 「おっしゃられる」      |
//! | `repeated-ending`     | info     | the same sentence ending three times in a row         |
//! | `unfilled-placeholder`| error    | a template's `{{city}}` left in the text (anywhere, notes too) |
//!
//! With the morphological dictionary ([`crate::japanese`]) these rules work on words:
//!
//! | rule id               | severity | what                                                  |
//! |-----------------------|----------|-------------------------------------------------------|
//! | `doubled-particle`    | error    | the same particle twice in a row, found from words    |
//! | `repeated-particle`   | warning  | で twice in a sentence, or を twice where one can go (期待をする → 期待する, with the fix); a repeated に/が/と in real speeches sat in a clause the ear takes in its stride |
//! | `notation-variant`    | info     | also words of the same reading and kanji spelt two ways |
//! | `homophone`           | info     | words easily confused when heard (市立/私立), when the draft has both |
//! | `furigana`            | info     | a suggested `{漢字|よみ}`, with the fix that inserts it: names to check, and words with a kanji beyond JIS level 1; not the speaker's own town (named before 市長, 市民 … or twice before 市/町/村), a signature line, or a word read in brackets after it |
//!
//! Without the dictionary the character-level doubled-particle rule stands in; with it that
//! rule is off, so a problem is reported once.

mod doubled;
mod finding;
mod length;
mod notation;
mod placeholder;
pub mod prh;
mod style;
mod wording;
mod words;

pub use finding::{Finding, Fix, Rule, Severity};
pub use prh::{PrhDictionary, PrhError};

use crate::japanese::{Dictionary, UserReadings, Word};
use crate::passage::{passages, Passage, PassageKind};
use crate::script::{LineIndex, Script};
use crate::timing::ScriptTiming;
use std::ops::Range;
use std::sync::LazyLock;

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
    /// Rules the writer switched off: their findings are not reported.
    pub off: Vec<Rule>,
}

impl Default for LintConfig {
    fn default() -> Self {
        LintConfig {
            max_sentence_chars: 100,
            max_commas: 3,
            dictionary: None,
            max_sentence_seconds: 20.0,
            max_kanji_run: 6,
            off: Vec::new(),
        }
    }
}

/// Common katakana misspellings, kept as a prh dictionary (checked by its specs in the tests).
static KATAKANA: LazyLock<Option<PrhDictionary>> =
    LazyLock::new(|| PrhDictionary::from_yaml(include_str!("katakana.yml")).ok());

/// Proofread a draft at the character level. `source` is the text `script` was parsed from.
pub fn lint(source: &str, script: &Script, config: &LintConfig) -> Vec<Finding> {
    let passages = passages(script, source);
    let checked: Vec<PassageChecks> = passages
        .iter()
        .map(|passage| check_passage(passage, config, None))
        .collect();
    let pairs: Vec<(&Passage, &PassageChecks)> = passages.iter().zip(&checked).collect();
    draft_findings(source, &pairs)
}

/// The words of a passage and what the word rules look them up in.
#[derive(Clone, Copy)]
pub(crate) struct WordContext<'a> {
    pub words: &'a [Word],
    pub dictionary: &'a Dictionary,
    pub user: &'a UserReadings,
}

/// What checking one passage on its own gives: its findings, and what the rules that compare
/// passages across the draft need from it. It depends only on the passage (its text, ruby and
/// segments), the configuration and the dictionaries, so the analysis keeps it per passage and
/// a keystroke checks again only the passages it changed.
#[derive(Debug)]
pub(crate) struct PassageChecks {
    notes: Vec<Note>,
    /// Notes past [`MAX_FINDINGS_PER_RULE`] of one rule: the first of them, and how many.
    omitted: Vec<(Note, usize)>,
    /// A sentence's style and the range of its ending.
    style: Option<(style::Style, Range<usize>)>,
    notation: Vec<notation::Occurrence>,
    /// With the dictionary: furigana judged, and spellings for 表記ゆれ.
    words: Option<words::WordChecks>,
}

/// Check one passage: every rule that looks at one passage at a time, and the facts that the
/// draft-wide rules (mixed style, 表記ゆれ, furigana once a draft) compare.
pub(crate) fn check_passage(
    passage: &Passage,
    config: &LintConfig,
    words: Option<WordContext>,
) -> PassageChecks {
    let mut notes = Notes::default();
    let sentence = passage.kind == PassageKind::Sentence;
    if sentence {
        length::check(passage, config, &mut notes);
    }
    doubled::check(passage, words.is_none(), &mut notes);
    words::kanji_runs(passage, config, words.map(|w| w.words), &mut notes);
    wording::check(passage, &mut notes);
    if let Some(katakana) = KATAKANA.as_ref() {
        katakana.check(passage, Rule::KatakanaMisspelling, &mut notes);
    }
    if let Some(dictionary) = &config.dictionary {
        dictionary.check(passage, Rule::UserDictionary, &mut notes);
    }
    let words = words.map(|context| words::check(passage, context, &mut notes));
    PassageChecks {
        omitted: notes.omitted(),
        notes: notes.notes,
        style: sentence.then(|| style::classify(&passage.text)).flatten(),
        notation: notation::occurrences(passage),
        words,
    }
}

/// The draft's findings from its passages' checks, in document order: each passage's own
/// findings placed in the source, then the rules that compare passages.
pub(crate) fn draft_findings(source: &str, checked: &[(&Passage, &PassageChecks)]) -> Vec<Finding> {
    let mut report = Report::new(source);
    for (passage, checks) in checked {
        for note in &checks.notes {
            report.place(passage, note);
        }
        for (note, count) in &checks.omitted {
            report.omit(passage, note, *count);
        }
    }
    style::check(checked, &mut report);
    notation::check(checked, &mut report);
    wording::repeated_endings(checked, &mut report);
    let with_words = checked.iter().any(|(_, c)| c.words.is_some());
    words::check_draft(checked, &mut report);
    placeholder::check(source, &mut report);
    report.finish(with_words)
}

/// Drop a finding that overlaps an earlier one of the same rule (the word and character
/// 表記ゆれ rules may both see one variant: the first is kept). `findings` are sorted by
/// position; one pass, keeping per rule the furthest end so far (comparing each finding with
/// every kept one was quadratic).
fn drop_overlapping(findings: &mut Vec<Finding>) {
    /// Per rule: the start of the last kept finding, the furthest end of the kept ones that
    /// start before it, and the furthest end of those that start there.
    #[derive(Clone, Copy, Default)]
    struct Kept {
        start: usize,
        end_before: usize,
        end_at: usize,
    }
    let mut kept: [Option<Kept>; Rule::ALL.len()] = [None; Rule::ALL.len()];
    findings.retain(|f| {
        let range = f.span.range();
        let slot = &mut kept[f.rule as usize];
        // A kept finding `r` overlaps when r.start < range.end and range.start < r.end; all
        // kept ones start at or before this one. An empty range overlaps only those that
        // start strictly before it.
        let overlaps = slot.is_some_and(|k| {
            let before = if k.start < range.start {
                k.end_before.max(k.end_at)
            } else {
                k.end_before
            };
            let at = if k.start == range.start && !range.is_empty() {
                k.end_at
            } else {
                0
            };
            before.max(at) > range.start
        });
        if overlaps {
            return false;
        }
        *slot = Some(match *slot {
            Some(k) if k.start == range.start => Kept {
                end_at: k.end_at.max(range.end),
                ..k
            },
            Some(k) => Kept {
                start: range.start,
                end_before: k.end_before.max(k.end_at),
                end_at: range.end,
            },
            None => Kept {
                start: range.start,
                end_before: 0,
                end_at: range.end,
            },
        });
        true
    });
}

/// Sentences that take longer than the limit to read aloud, from the timing estimate.
pub fn sentence_seconds(source: &str, timing: &ScriptTiming, config: &LintConfig) -> Vec<Finding> {
    let index = LineIndex::new(source);
    let mut long = timing
        .sections
        .iter()
        .flat_map(|s| &s.sentences)
        .filter(|s| s.seconds > config.max_sentence_seconds);
    let finding = |s: &crate::timing::SentenceTiming| {
        Finding {
        rule: Rule::SentenceSeconds,
        severity: Rule::SentenceSeconds.severity(),
        message: format!(
            "読み上げると約{:.0}秒かかります（目安{:.0}秒）。二つの文に分けると聞きやすくなります。",
            s.seconds, config.max_sentence_seconds
        ),
        excerpt: excerpt(source.get(s.span.range()).unwrap_or_default()),
        span: index.span(s.span.start(), s.span.end()),
        fix: None,
    }
    };
    let mut findings: Vec<Finding> = long
        .by_ref()
        .take(MAX_FINDINGS_PER_RULE)
        .map(finding)
        .collect();
    if let Some(first) = long.next() {
        let more = 1 + long.count();
        findings.push(summary(finding(first), more));
    }
    findings
}

/// Most findings of one rule in a draft, and most notes of one rule in one passage: what is
/// past the limit is counted in one summary finding of the rule, where the first of them is
/// (a 16 MiB draft could otherwise have millions of findings).
pub const MAX_FINDINGS_PER_RULE: usize = 500;

/// The finding that stands for `count` findings of its rule past the limit, the first of
/// which is `first`.
fn summary(first: Finding, count: usize) -> Finding {
    Finding {
        message: format!(
            "ここから先の同じ指摘{count}件は省略しました（一つの規則につき{MAX_FINDINGS_PER_RULE}件まで示します）。"
        ),
        fix: None,
        ..first
    }
}

/// Findings as they are made, with what is needed to place them in the source.
pub(crate) struct Report<'a> {
    index: LineIndex<'a>,
    findings: Vec<Finding>,
    /// Per rule: findings placed or omitted, and the first past [`MAX_FINDINGS_PER_RULE`].
    tally: [(usize, Option<Finding>); Rule::ALL.len()],
}

impl<'a> Report<'a> {
    fn new(source: &'a str) -> Self {
        Report {
            index: LineIndex::new(source),
            findings: Vec::new(),
            tally: std::array::from_fn(|_| (0, None)),
        }
    }

    /// The findings sorted by position (`distinct`: without overlapping ones of a rule), then
    /// one summary per rule that had more than [`MAX_FINDINGS_PER_RULE`].
    fn finish(self, distinct: bool) -> Vec<Finding> {
        let mut findings = self.findings;
        let by_position = |a: &Finding, b: &Finding| {
            (a.span.start(), a.span.end(), a.rule).cmp(&(b.span.start(), b.span.end(), b.rule))
        };
        findings.sort_by(by_position);
        if distinct {
            drop_overlapping(&mut findings);
        }
        let mut summaries = false;
        for (count, first) in self.tally {
            if let Some(first) = first {
                findings.push(summary(first, count - MAX_FINDINGS_PER_RULE));
                summaries = true;
            }
        }
        if summaries {
            findings.sort_by(by_position);
        }
        findings
    }

    /// Count `count` findings of the note's rule; true while they are within the limit.
    /// Past it, `first` gives the first one not kept (made only when needed).
    fn count(&mut self, rule: Rule, count: usize, first: impl FnOnce(&Self) -> Finding) -> bool {
        let before = self.tally[rule as usize].0;
        self.tally[rule as usize].0 += count;
        if before + count <= MAX_FINDINGS_PER_RULE {
            return true;
        }
        if self.tally[rule as usize].1.is_none() {
            let finding = first(self);
            self.tally[rule as usize].1 = Some(finding);
        }
        false
    }

    /// `count` notes of a passage past the passage's limit, the first of which is `note`.
    fn omit(&mut self, passage: &Passage, note: &Note, count: usize) {
        // Within the draft's limit they would have been kept: the passage's limit is the
        // draft's, so the draft's count is past it by now.
        self.count(note.rule, count, |report| report.finding(passage, note));
    }

    /// Report `range` of a passage's text (for the rules that compare passages).
    fn add(
        &mut self,
        rule: Rule,
        message: String,
        passage: &Passage,
        range: Range<usize>,
        fix: Option<(Range<usize>, String)>,
    ) {
        let note = Note {
            rule,
            message,
            range,
            fix,
        };
        self.place(passage, &note);
    }

    /// Report a range of the source itself (for what is wrong wherever it stands).
    fn add_source(&mut self, rule: Rule, message: String, range: Range<usize>) {
        let text = self.index.source().get(range.clone()).unwrap_or_default();
        let finding = Finding {
            rule,
            severity: rule.severity(),
            message,
            span: self.index.span(range.start, range.end),
            excerpt: excerpt(text),
            fix: None,
        };
        if self.count(rule, 1, |_| finding.clone()) {
            self.findings.push(finding);
        }
    }

    /// Place a passage's finding in the source; its fix is offered only when its range can be
    /// edited safely.
    fn place(&mut self, passage: &Passage, note: &Note) {
        if self.count(note.rule, 1, |report| report.finding(passage, note)) {
            let finding = self.finding(passage, note);
            self.findings.push(finding);
        }
    }

    /// A passage's note as a finding in the source.
    fn finding(&self, passage: &Passage, note: &Note) -> Finding {
        let source = passage.source_range(note.range.clone());
        let fix = note.fix.as_ref().and_then(|(range, replacement)| {
            let source = passage.editable_range(range.clone())?;
            Some(Fix {
                span: self.index.span(source.start, source.end),
                replacement: replacement.clone(),
            })
        });
        Finding {
            rule: note.rule,
            severity: note.rule.severity(),
            message: note.message.clone(),
            span: self.index.span(source.start, source.end),
            excerpt: excerpt(passage.text.get(note.range.clone()).unwrap_or_default()),
            fix,
        }
    }
}

/// A finding in a passage's text, before it is placed in the source.
#[derive(Debug, Clone)]
pub(crate) struct Note {
    rule: Rule,
    message: String,
    range: Range<usize>,
    /// Replace a range of the text.
    fix: Option<(Range<usize>, String)>,
}

/// The findings of the rules that look at one passage at a time: at most
/// [`MAX_FINDINGS_PER_RULE`] of a rule, and the first of the rest with their count.
pub(crate) struct Notes {
    notes: Vec<Note>,
    /// Per rule: notes added, and the first past the limit.
    tally: [(usize, Option<Note>); Rule::ALL.len()],
}

impl Default for Notes {
    fn default() -> Self {
        Notes {
            notes: Vec::new(),
            tally: std::array::from_fn(|_| (0, None)),
        }
    }
}

impl Notes {
    /// Report `range` of the passage's text; `fix` replaces a range of the text.
    fn add(
        &mut self,
        rule: Rule,
        message: String,
        range: Range<usize>,
        fix: Option<(Range<usize>, String)>,
    ) {
        let (count, first) = &mut self.tally[rule as usize];
        *count += 1;
        let note = Note {
            rule,
            message,
            range,
            fix,
        };
        if *count <= MAX_FINDINGS_PER_RULE {
            self.notes.push(note);
        } else if first.is_none() {
            *first = Some(note);
        }
    }

    /// The first note past the limit of each rule, and how many there were.
    fn omitted(&mut self) -> Vec<(Note, usize)> {
        self.tally
            .iter_mut()
            .filter_map(|(count, first)| {
                first
                    .take()
                    .map(|note| (note, *count - MAX_FINDINGS_PER_RULE))
            })
            .collect()
    }
}

/// Longest excerpt, in characters.
const EXCERPT_CHARS: usize = 40;

/// The text of a finding, at most [`EXCERPT_CHARS`] characters: a long one is cut, and only
/// its start is looked at (a finding may cover a whole 16 MiB sentence).
fn excerpt(text: &str) -> String {
    let text = text.trim_start();
    let Some((cut, _)) = text.char_indices().nth(EXCERPT_CHARS) else {
        return text.trim_end().to_string();
    };
    // Longer than EXCERPT_CHARS once trailing whitespace is dropped?
    if text[cut..].trim_end().is_empty() {
        return text.trim_end().to_string();
    }
    let mut short: String = text.chars().take(EXCERPT_CHARS - 1).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests;
