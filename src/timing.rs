//! How long a speech takes to read aloud.
//!
//! Seconds come from the length of each sentence as read (in the unit a [`Pace`] is given in)
//! plus pauses: after 、 and 。, at a full-width space between words (「令和八年一月四日　白井市長
//! 白井亨」), between paragraphs and sections, and for `[[間]]` cues.
//! Headings, notes and summaries are not read aloud and take no time.
//!
//! Lengths are measured by a [`SpokenLength`]: [`CharCount`] counts the characters as read (a
//! ruby's reading instead of its base, punctuation and spaces excluded). A mora counter built on
//! a morphological analyser implements the same trait, with a pace in morae.

use crate::script::{Cue, Inline, Script, SectionRole, Sentence, Span};
use serde::Serialize;
use std::ops::RangeInclusive;

/// The broadcast norm: NHK announcers read about 300 characters a minute.
pub const DEFAULT_CHARS_PER_MINUTE: f64 = 300.0;

/// What a [`Pace`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Char,
    Mora,
}

/// Reading speed: so many units a minute.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Pace {
    pub per_minute: f64,
    pub unit: Unit,
}

impl Pace {
    pub fn chars_per_minute(per_minute: f64) -> Self {
        Pace {
            per_minute,
            unit: Unit::Char,
        }
    }
}

impl Default for Pace {
    fn default() -> Self {
        Pace::chars_per_minute(DEFAULT_CHARS_PER_MINUTE)
    }
}

/// Reading pace, characters per minute: the range the settings, the CLI's `--pace`, the
/// prompter and the paces measured in rehearsals keep within.
pub const PACE_CPM: RangeInclusive<u32> = 30..=2000;
/// Reading pace in morae per minute, used when the dictionary times the draft (a careful
/// speech runs at about 420, fast news at 480); the same uses as [`PACE_CPM`].
pub const PACE_MPM: RangeInclusive<u32> = 60..=1500;

/// Pauses in seconds, added to the time spent speaking.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Pauses {
    /// After 、 and ，, and at a full-width space 「　」 between words.
    pub comma: f64,
    /// After 。！？.
    pub sentence: f64,
    /// Between paragraphs, on top of the sentence pause.
    pub paragraph: f64,
    /// Between sections, on top of the paragraph pause.
    pub section: f64,
}

impl Default for Pauses {
    fn default() -> Self {
        Pauses {
            comma: 0.3,
            sentence: 0.6,
            paragraph: 0.4,
            section: 1.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct TimingOptions {
    pub pace: Pace,
    pub pauses: Pauses,
}

/// Measures a sentence as read aloud, in the unit of the pace it is used with.
pub trait SpokenLength {
    fn unit(&self) -> Unit;
    /// The length of the script's `index`-th sentence read aloud (counted from 0 over the
    /// whole script, in reading order).
    fn measure(&self, index: usize, sentence: &Sentence) -> usize;
}

/// Counts characters as read: ruby readings, no punctuation, spaces or symbols.
#[derive(Debug, Clone, Copy, Default)]
pub struct CharCount;

impl SpokenLength for CharCount {
    fn unit(&self) -> Unit {
        Unit::Char
    }

    fn measure(&self, _index: usize, sentence: &Sentence) -> usize {
        spoken_chars(&sentence.spoken_text())
    }
}

/// Characters that are voiced: letters, digits, kana, kanji and the long-vowel mark.
pub fn spoken_chars(text: &str) -> usize {
    text.chars().filter(|c| is_voiced(*c)).count()
}

/// Characters as printed, without whitespace (the manuscript count).
pub fn printed_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

fn is_voiced(c: char) -> bool {
    // Kana and the common kanji first: Unicode's tables are slow for them.
    matches!(c, 'ぁ'..='ゖ' | 'ァ'..='ヺ' | '一'..='鿿' | 'ー' | '〜' | '々' | '〆')
        || c.is_alphanumeric()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceTiming {
    pub span: Span,
    pub chars: usize,
    pub spoken: usize,
    pub seconds: f64,
    /// Of `seconds`, the pauses inside the sentence (its commas, its end, its `[[間]]` cues);
    /// the rest is speech.
    pub pauses: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionTiming {
    pub title: String,
    pub role: SectionRole,
    pub span: Span,
    pub chars: usize,
    pub spoken: usize,
    pub seconds: f64,
    pub sentences: Vec<SentenceTiming>,
    /// The pause after each paragraph read aloud ([`Section::paragraphs`], in order): the
    /// paragraph pause between paragraphs, the section pause on top after the last one when
    /// another section follows. The section's seconds are its sentences' and these.
    ///
    /// [`Section::paragraphs`]: crate::script::Section::paragraphs
    pub pauses_after: Vec<f64>,
}

/// The estimate for a whole script.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScriptTiming {
    pub pace: Pace,
    /// Characters as printed (read-aloud text only, no whitespace).
    pub chars: usize,
    /// Length as read, in the pace's unit.
    pub spoken: usize,
    pub seconds: f64,
    pub sections: Vec<SectionTiming>,
}

/// Estimate reading time with the character count.
pub fn estimate(script: &Script, options: &TimingOptions) -> ScriptTiming {
    estimate_with(script, options, &CharCount)
}

/// Estimate reading time with any measure of spoken length. The measure's unit should match
/// the pace's; a mismatch is the caller's mistake and gives a meaningless figure.
pub fn estimate_with(
    script: &Script,
    options: &TimingOptions,
    length: &dyn SpokenLength,
) -> ScriptTiming {
    let seconds_per_unit = if options.pace.per_minute > 0.0 {
        60.0 / options.pace.per_minute
    } else {
        60.0 / DEFAULT_CHARS_PER_MINUTE
    };
    let pauses = &options.pauses;
    let mut sections = Vec::with_capacity(script.sections.len());
    let mut sentence_index = 0;
    for (index, section) in script.sections.iter().enumerate() {
        let mut timing = SectionTiming {
            title: section.title(),
            role: section.role,
            span: section.span.clone(),
            chars: 0,
            spoken: 0,
            seconds: 0.0,
            sentences: Vec::new(),
            pauses_after: Vec::new(),
        };
        for paragraph in section.paragraphs() {
            timing.pauses_after.push(pauses.paragraph);
            for sentence in &paragraph.sentences {
                let spoken = length.measure(sentence_index, sentence);
                sentence_index += 1;
                let paused = sentence_pauses(sentence, pauses);
                let seconds = spoken as f64 * seconds_per_unit + paused;
                let chars = printed_chars(&sentence.text());
                timing.chars += chars;
                timing.spoken += spoken;
                timing.seconds += seconds;
                timing.sentences.push(SentenceTiming {
                    span: sentence.span.clone(),
                    chars,
                    spoken,
                    seconds,
                    pauses: paused,
                });
            }
        }
        if let Some(last) = timing.pauses_after.last_mut() {
            *last = match index + 1 < script.sections.len() {
                true => pauses.section + pauses.paragraph,
                false => 0.0,
            };
        }
        timing.seconds += timing.pauses_after.iter().sum::<f64>();
        // Held for every sentence of the draft at once: no room to spare.
        timing.sentences.shrink_to_fit();
        timing.pauses_after.shrink_to_fit();
        sections.push(timing);
    }
    ScriptTiming {
        pace: options.pace,
        chars: sections.iter().map(|s| s.chars).sum(),
        spoken: sections.iter().map(|s| s.spoken).sum(),
        seconds: sections.iter().map(|s| s.seconds).sum(),
        sections,
    }
}

/// Pauses inside one sentence: punctuation, full-width spaces between words and `[[間]]` cues.
fn sentence_pauses(sentence: &Sentence, pauses: &Pauses) -> f64 {
    let mut seconds = 0.0;
    // Each run of end marks is one stop (「……！？」, 「頑張ろう！」。), wherever sentences
    // are cut: a line break may end a sentence inside a quotation's run of sentences.
    let mut in_end_run = false;
    // A full-width space pauses only between words read aloud: not the indent at the start of
    // a paragraph, not beside punctuation or a cue that pause already; a run pauses once.
    let (mut after_word, mut spaced) = (false, false);
    for inline in &sentence.inlines {
        match inline {
            Inline::Cue {
                cue: Cue::Pause { seconds: pause },
                ..
            } => {
                seconds += pause;
                (after_word, spaced) = (false, false);
            }
            Inline::Text { text, .. } => {
                for c in text.chars() {
                    match c {
                        '、' | '，' | ',' => seconds += pauses.comma,
                        '。' | '．' | '！' | '？' | '!' | '?' => {
                            if !in_end_run {
                                seconds += pauses.sentence;
                                in_end_run = true;
                            }
                        }
                        '」' | '』' | '）' | ')' | '】' | '〕' | '〉' | '》' | '”' | '’' => {
                            continue
                        }
                        '　' => {
                            spaced = after_word;
                            continue;
                        }
                        c if is_voiced(c) => {
                            in_end_run = false;
                            if spaced {
                                seconds += pauses.comma;
                            }
                            (after_word, spaced) = (true, false);
                            continue;
                        }
                        _ => continue,
                    }
                    (after_word, spaced) = (false, false);
                }
            }
            Inline::Ruby { .. } | Inline::Link { .. } => {
                in_end_run = false;
                if spaced {
                    seconds += pauses.comma;
                }
                (after_word, spaced) = (true, false);
            }
            Inline::Cue { .. } | Inline::Break { .. } => {}
        }
    }
    seconds
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::parse;

    fn approx(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn counts_characters_as_read() {
        let script = parse("{市長|しちょう}です。[[間]]");
        let timing = estimate(&script, &TimingOptions::default());
        // しちょうです = 6 voiced characters; printed 市長です。 = 5.
        assert_eq!(timing.spoken, 6);
        assert_eq!(timing.chars, 5);
        // 6 chars at 300/min = 1.2 s, a sentence pause 0.6 s and the cue's 2 s.
        assert!(
            approx(timing.seconds, 1.2 + 0.6 + 2.0),
            "{}",
            timing.seconds
        );
    }

    #[test]
    fn punctuation_brackets_and_markup_are_not_read() {
        assert_eq!(spoken_chars("「皆さん、こんにちは。」"), 8);
        assert_eq!(spoken_chars("ＤＸ２０３０ー"), 7);
        let script = parse("**大切**な、`事`です。\n\n> [!note]\n> 読まない\n");
        let timing = estimate(&script, &TimingOptions::default());
        assert_eq!(timing.spoken, 6);
    }

    #[test]
    fn pace_scales_speaking_time_only() {
        let script = parse("あいうえおかきくけこ");
        let slow = estimate(&script, &TimingOptions::default());
        let fast = estimate(
            &script,
            &TimingOptions {
                pace: Pace::chars_per_minute(600.0),
                ..TimingOptions::default()
            },
        );
        assert!(approx(slow.seconds, 2.0));
        assert!(approx(fast.seconds, 1.0));
    }

    #[test]
    fn sections_add_up_to_the_total_with_pauses_between_them() {
        let script = parse("## 一\n\nあい。\n\nうえ。\n\n## 二\n\nおか。\n");
        let timing = estimate(&script, &TimingOptions::default());
        assert_eq!(timing.sections.len(), 2);
        let first = &timing.sections[0];
        // Two sentences of 2 chars (0.4 s + 0.6 s each), a paragraph pause, a section pause.
        assert!(
            approx(first.seconds, 2.0 + 0.4 + 1.0 + 0.4),
            "{}",
            first.seconds
        );
        let total: f64 = timing.sections.iter().map(|s| s.seconds).sum();
        assert!(approx(timing.seconds, total));
        // Where those pauses fall: after each paragraph; none after the speech's end.
        assert_eq!(first.pauses_after, [0.4, 1.0 + 0.4]);
        assert_eq!(timing.sections[1].pauses_after, [0.0]);
    }

    #[test]
    fn a_full_width_space_between_words_pauses_like_a_comma() {
        let seconds = |source: &str| estimate(&parse(source), &TimingOptions::default()).seconds;
        let plain = seconds("令和八年一月四日白井市長白井亨");
        let signed = seconds("令和八年一月四日　白井市長　白井亨");
        assert!(approx(signed - plain, 2.0 * 0.3), "{signed} - {plain}");
        // A run of spaces is one pause; ruby is a word like any other.
        assert!(approx(
            seconds("市長　　{白井|しらい}"),
            seconds("市長　{白井|しらい}")
        ));
        assert!(approx(
            seconds("市長　{白井|しらい}"),
            seconds("市長、{白井|しらい}")
        ));
        // No pause for a paragraph's indent, a space at the end, or one beside punctuation or
        // a pause cue, which pause already.
        let same = |a: &str, b: &str| assert!(approx(seconds(a), seconds(b)), "{a} / {b}");
        same(
            "　皆さん、おはようございます。",
            "皆さん、おはようございます。",
        );
        same(
            "皆さん、　おはようございます。　",
            "皆さん、おはようございます。",
        );
        same("皆さん[[間]]　おはよう", "皆さん[[間]]おはよう");
        // Brackets do not pause: a space after one does.
        same("「皆さん」　おはよう", "「皆さん」、おはよう");
    }

    #[test]
    fn a_zero_pace_falls_back_to_the_default() {
        let script = parse("あいうえお");
        let timing = estimate(
            &script,
            &TimingOptions {
                pace: Pace::chars_per_minute(0.0),
                ..TimingOptions::default()
            },
        );
        assert!(approx(timing.seconds, 1.0));
    }
}
