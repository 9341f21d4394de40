//! Rehearsals: the time a speaker actually took for each section, and the pace that follows.
//!
//! A rehearsal run in the prompter measures seconds per section. [`sections`] pairs those with
//! the estimate of the same script (characters read aloud and the pauses the estimate adds),
//! so that a stored run stays meaningful after the text changes. [`measured_pace`] turns runs
//! into the speaker's own pace, in characters per minute: the speaking time is the measured
//! time less the estimate's pauses, so that the calibrated estimate of a section equals what
//! was measured.

use crate::settings::PACE_CPM;
use crate::timing::ScriptTiming;
use time::OffsetDateTime;

/// One section of one rehearsal.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionRun {
    /// 0-based index of the section in the script.
    pub position: usize,
    pub title: String,
    /// Characters read aloud in the section (the estimate's unit).
    pub spoken: usize,
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
/// estimate. Sections measured at 0 s, or past the end of the script, are left out.
pub fn sections(timing: &ScriptTiming, measured: &[f64]) -> Vec<SectionRun> {
    let seconds_per_unit = if timing.pace.per_minute > 0.0 {
        60.0 / timing.pace.per_minute
    } else {
        0.0
    };
    timing
        .sections
        .iter()
        .zip(measured)
        .enumerate()
        .filter(|(_, (_, seconds))| seconds.is_finite() && **seconds > 0.0)
        .map(|(position, (section, seconds))| SectionRun {
            position,
            title: section.title.clone(),
            spoken: section.spoken,
            pause_seconds: (section.seconds - section.spoken as f64 * seconds_per_unit).max(0.0),
            estimated_seconds: section.seconds,
            seconds: *seconds,
        })
        .collect()
}

/// The speaker's pace in characters per minute over the runs' sections, within the range the
/// settings accept; `None` when no section was read long enough to tell.
pub fn measured_pace<'a>(runs: impl IntoIterator<Item = &'a SectionRun>) -> Option<f64> {
    let (mut spoken, mut speaking) = (0usize, 0.0f64);
    for run in runs {
        let seconds = run.seconds - run.pause_seconds;
        if run.spoken > 0 && seconds >= MIN_SPEAKING_SECONDS {
            spoken += run.spoken;
            speaking += seconds;
        }
    }
    (speaking > 0.0).then(|| {
        let pace = spoken as f64 * 60.0 / speaking;
        pace.clamp(f64::from(*PACE_CPM.start()), f64::from(*PACE_CPM.end()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::parse;
    use crate::timing::{estimate, TimingOptions};

    const SPEECH: &str =
        "## 一\n\nあいうえおかきくけこ。\n\n## 二\n\nさしすせそ、たちつてと。[[間]]\n";

    #[test]
    fn runs_keep_the_estimate_beside_the_measured_time() {
        let timing = estimate(&parse(SPEECH), &TimingOptions::default());
        let runs = sections(&timing, &[5.0, 0.0, 9.0]);
        assert_eq!(
            runs.len(),
            1,
            "a section not read is left out, extra figures ignored"
        );
        let first = &runs[0];
        assert_eq!((first.position, first.title.as_str()), (0, "一"));
        assert_eq!(first.spoken, 10);
        // 10 chars at 300/min = 2 s speaking; the sentence, paragraph and section pauses.
        assert!((first.estimated_seconds - first.pause_seconds - 2.0).abs() < 1e-9);
        assert!((first.pause_seconds - (0.6 + 1.0 + 0.4)).abs() < 1e-9);
    }

    #[test]
    fn the_measured_pace_makes_the_estimate_match_the_rehearsal() {
        let timing = estimate(&parse(SPEECH), &TimingOptions::default());
        // Both sections read at half the default pace: the pauses, then twice the speaking.
        let speaking = |spoken: usize| spoken as f64 * 60.0 / 300.0;
        let measured: Vec<f64> = timing
            .sections
            .iter()
            .map(|s| s.seconds + speaking(s.spoken))
            .collect();
        let runs = sections(&timing, &measured);
        assert_eq!(runs.len(), 2);
        let pace = measured_pace(&runs).unwrap();
        assert!((pace - 150.0).abs() < 1e-6, "{pace}");
    }

    #[test]
    fn short_or_silent_sections_do_not_count_and_the_pace_stays_in_range() {
        let run = |spoken, pause_seconds, seconds| SectionRun {
            position: 0,
            title: String::new(),
            spoken,
            pause_seconds,
            estimated_seconds: 0.0,
            seconds,
        };
        assert_eq!(
            measured_pace(&[run(100, 1.0, 2.0)]),
            None,
            "1 s of speaking"
        );
        assert_eq!(
            measured_pace(&[run(0, 0.0, 60.0)]),
            None,
            "nothing read aloud"
        );
        assert_eq!(
            measured_pace(&[run(300, 0.0, 60.0), run(300, 10.0, 70.0)]),
            Some(300.0)
        );
        assert_eq!(measured_pace(&[run(100_000, 0.0, 4.0)]), Some(2000.0));
    }
}
