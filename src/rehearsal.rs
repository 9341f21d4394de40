//! Rehearsals: the time a speaker actually took for each section, and the pace that follows.
//!
//! A rehearsal run in the prompter measures seconds per section. [`sections`] pairs those with
//! the estimate of the same script (characters read aloud, morae when the dictionary timed it,
//! and the pauses the estimate adds), so that a stored run stays meaningful after the text
//! changes. [`measured_pace`] and [`measured_mora_pace`] turn runs into the speaker's own pace,
//! in characters and in morae per minute: the speaking time is the measured time less the
//! estimate's pauses, so that the calibrated estimate of a section equals what was measured.

use crate::timing::{ScriptTiming, PACE_CPM, PACE_MPM};
use std::ops::RangeInclusive;
use time::OffsetDateTime;

/// One section of one rehearsal.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionRun {
    /// 0-based index of the section in the script.
    pub position: usize,
    pub title: String,
    /// Characters read aloud in the section.
    pub spoken: usize,
    /// Morae read aloud, when the dictionary timed the section.
    pub morae: Option<usize>,
    /// Pauses the estimate adds to the speaking time (punctuation, `[[間]]`, between blocks).
    pub pause_seconds: f64,
    /// The estimate at the pace in use when the rehearsal was recorded.
    pub estimated_seconds: f64,
    /// Measured.
    pub seconds: f64,
}

/// A stored rehearsal.
#[derive(Debug, Clone, PartialEq)]
pub struct Rehearsal {
    pub id: i64,
    pub draft_id: i64,
    /// The draft's revision that was read.
    pub revision: u32,
    pub recorded_at: OffsetDateTime,
    pub sections: Vec<SectionRun>,
}

impl Rehearsal {
    pub fn seconds(&self) -> f64 {
        self.sections.iter().map(|s| s.seconds).sum()
    }
}

/// A section counts towards the pace only when at least this many seconds were spent
/// speaking it: a section skipped over or glanced at says nothing about the speaker.
pub const MIN_SPEAKING_SECONDS: f64 = 3.0;

/// Pairs measured seconds (`measured[i]` for section `i`, 0 or absent when not read) with the
/// estimate in characters (`chars`) and, when the dictionary timed the script, in morae
/// (`morae`, the estimate in use). Both estimates have the same pauses. Sections measured at
/// 0 s, or past the end of the script, are left out.
pub fn sections(
    chars: &ScriptTiming,
    morae: Option<&ScriptTiming>,
    measured: &[f64],
) -> Vec<SectionRun> {
    let in_use = morae.unwrap_or(chars);
    let seconds_per_unit = if in_use.pace.per_minute > 0.0 {
        60.0 / in_use.pace.per_minute
    } else {
        0.0
    };
    in_use
        .sections
        .iter()
        .zip(&chars.sections)
        .zip(measured)
        .enumerate()
        .filter(|(_, (_, seconds))| seconds.is_finite() && **seconds > 0.0)
        .map(|(position, ((section, in_chars), seconds))| SectionRun {
            position,
            title: section.title.clone(),
            spoken: in_chars.spoken,
            morae: morae.map(|_| section.spoken),
            pause_seconds: (section.seconds - section.spoken as f64 * seconds_per_unit).max(0.0),
            estimated_seconds: section.seconds,
            seconds: *seconds,
        })
        .collect()
}

/// The speaker's pace in characters per minute over the runs' sections, within the range the
/// settings accept; `None` when no section was read long enough to tell.
pub fn measured_pace<'a>(runs: impl IntoIterator<Item = &'a SectionRun>) -> Option<f64> {
    pace_of(runs.into_iter().map(|run| (run.spoken, run)), PACE_CPM)
}

/// The speaker's pace in morae per minute over the sections the dictionary timed, within the
/// range the settings accept; `None` when none of them was read long enough to tell.
pub fn measured_mora_pace<'a>(runs: impl IntoIterator<Item = &'a SectionRun>) -> Option<f64> {
    let timed = runs
        .into_iter()
        .filter_map(|run| run.morae.map(|morae| (morae, run)));
    pace_of(timed, PACE_MPM)
}

/// Total length over total speaking time (the measured time less the estimate's pauses),
/// which weighs each section by its length; sections with less than
/// [`MIN_SPEAKING_SECONDS`] of speaking, or nothing read aloud, are left out.
fn pace_of<'a>(
    runs: impl Iterator<Item = (usize, &'a SectionRun)>,
    range: RangeInclusive<u32>,
) -> Option<f64> {
    let (mut length, mut speaking) = (0usize, 0.0f64);
    for (spoken, run) in runs {
        let seconds = run.seconds - run.pause_seconds;
        if spoken > 0 && seconds >= MIN_SPEAKING_SECONDS {
            length += spoken;
            speaking += seconds;
        }
    }
    (speaking > 0.0).then(|| {
        let pace = length as f64 * 60.0 / speaking;
        pace.clamp(f64::from(*range.start()), f64::from(*range.end()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::japanese::pace;
    use crate::script::parse;
    use crate::timing::{estimate, estimate_with, SpokenLength, TimingOptions, Unit};

    const SPEECH: &str =
        "## 一\n\nあいうえおかきくけこ。\n\n## 二\n\nさしすせそ、たちつてと。[[間]]\n";

    /// Two morae a character: a stand-in for the dictionary's count.
    struct Doubled;

    impl SpokenLength for Doubled {
        fn unit(&self) -> Unit {
            Unit::Mora
        }

        fn measure(&self, _index: usize, sentence: &crate::script::Sentence) -> usize {
            2 * crate::timing::spoken_chars(&sentence.spoken_text())
        }
    }

    fn in_morae(script: &crate::script::Script) -> ScriptTiming {
        let options = TimingOptions {
            pace: pace::default_pace(),
            ..TimingOptions::default()
        };
        estimate_with(script, &options, &Doubled)
    }

    #[test]
    fn runs_keep_the_estimate_beside_the_measured_time() {
        let timing = estimate(&parse(SPEECH), &TimingOptions::default());
        let runs = sections(&timing, None, &[5.0, 0.0, 9.0]);
        assert_eq!(
            runs.len(),
            1,
            "a section not read is left out, extra figures ignored"
        );
        let first = &runs[0];
        assert_eq!((first.position, first.title.as_str()), (0, "一"));
        assert_eq!((first.spoken, first.morae), (10, None));
        // 10 chars at 300/min = 2 s speaking; the sentence, paragraph and section pauses.
        assert!((first.estimated_seconds - first.pause_seconds - 2.0).abs() < 1e-9);
        assert!((first.pause_seconds - (0.6 + 1.0 + 0.4)).abs() < 1e-9);
    }

    #[test]
    fn with_the_dictionary_a_run_keeps_characters_and_morae_and_the_mora_estimate() {
        let script = parse(SPEECH);
        let chars = estimate(&script, &TimingOptions::default());
        let morae = in_morae(&script);
        let runs = sections(&chars, Some(&morae), &[5.0, 9.0]);
        let first = &runs[0];
        assert_eq!((first.spoken, first.morae), (10, Some(20)));
        assert_eq!(first.estimated_seconds, morae.sections[0].seconds);
        // The same pauses as the character estimate: 20 morae at 420/min is the rest.
        assert!((first.pause_seconds - (0.6 + 1.0 + 0.4)).abs() < 1e-9);
        assert!((first.estimated_seconds - first.pause_seconds - 20.0 / 7.0).abs() < 1e-9);
    }

    #[test]
    fn the_measured_pace_makes_the_estimate_match_the_rehearsal() {
        let script = parse(SPEECH);
        let chars = estimate(&script, &TimingOptions::default());
        let morae = in_morae(&script);
        // Both sections read at half the default pace in morae: the pauses, then twice the
        // speaking.
        let speaking = |morae: usize| morae as f64 * 60.0 / 420.0;
        let measured: Vec<f64> = morae
            .sections
            .iter()
            .map(|s| s.seconds + speaking(s.spoken))
            .collect();
        let runs = sections(&chars, Some(&morae), &measured);
        assert_eq!(runs.len(), 2);
        let mpm = measured_mora_pace(&runs).unwrap();
        assert!((mpm - 210.0).abs() < 1e-6, "{mpm}");
        // Two morae a character: half as many characters in the same time.
        let cpm = measured_pace(&runs).unwrap();
        assert!((cpm - 105.0).abs() < 1e-6, "{cpm}");
    }

    fn run(spoken: usize, morae: Option<usize>, pause_seconds: f64, seconds: f64) -> SectionRun {
        SectionRun {
            position: 0,
            title: String::new(),
            spoken,
            morae,
            pause_seconds,
            estimated_seconds: 0.0,
            seconds,
        }
    }

    #[test]
    fn short_or_silent_sections_do_not_count_and_the_pace_stays_in_range() {
        assert_eq!(
            measured_pace(&[run(100, None, 1.0, 2.0)]),
            None,
            "1 s of speaking"
        );
        assert_eq!(
            measured_pace(&[run(0, None, 0.0, 60.0)]),
            None,
            "nothing read aloud"
        );
        assert_eq!(
            measured_pace(&[run(300, None, 0.0, 60.0), run(300, None, 10.0, 70.0)]),
            Some(300.0)
        );
        assert_eq!(measured_pace(&[run(100_000, None, 0.0, 4.0)]), Some(2000.0));
        assert_eq!(
            measured_mora_pace(&[run(10, Some(100_000), 0.0, 4.0)]),
            Some(1500.0)
        );
        assert_eq!(
            measured_mora_pace(&[run(10, Some(1), 0.0, 60.0)]),
            Some(60.0)
        );
    }

    #[test]
    fn the_mora_pace_comes_from_the_runs_the_dictionary_timed() {
        let old = run(300, None, 0.0, 60.0);
        assert_eq!(measured_mora_pace(std::slice::from_ref(&old)), None);
        let timed = run(300, Some(420), 5.0, 65.0);
        assert_eq!(
            measured_mora_pace(&[old.clone(), timed.clone()]),
            Some(420.0)
        );
        let glanced = run(30, Some(42), 0.5, 2.0);
        assert_eq!(measured_mora_pace(&[timed, glanced]), Some(420.0));
        assert_eq!(measured_pace(&[old]), Some(300.0));
    }
}
