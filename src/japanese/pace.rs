//! Timing in morae: a [`SpokenLength`] from sentence readings, and [`estimate`], the timing
//! the analysis gives (morae with the dictionary, characters without). The speaker's pace in
//! morae is measured from rehearsals in [`crate::rehearsal`].

use super::readings::SentenceReading;
use crate::script::{Script, Sentence};
use crate::timing::{self, Pace, ScriptTiming, SpokenLength, TimingOptions, Unit};

/// A careful speech pace: 7 morae a second (broadcast news runs at 7.5–8).
pub const DEFAULT_MORAE_PER_MINUTE: f64 = 420.0;

/// The default pace in morae.
pub fn default_pace() -> Pace {
    morae_per_minute(DEFAULT_MORAE_PER_MINUTE)
}

pub fn morae_per_minute(per_minute: f64) -> Pace {
    Pace {
        per_minute,
        unit: Unit::Mora,
    }
}

/// Morae of each sentence read aloud, in reading order: the readings of the analysis are
/// made sentence by sentence in the order timing walks them (not looked up by span: two
/// sentences may share a start when one is only located as a whole).
#[derive(Debug, Clone, Default)]
pub struct MoraCount {
    morae: Vec<usize>,
}

impl MoraCount {
    pub fn new(readings: &[SentenceReading]) -> Self {
        MoraCount {
            morae: readings.iter().map(|r| r.morae).collect(),
        }
    }
}

impl SpokenLength for MoraCount {
    fn unit(&self) -> Unit {
        Unit::Mora
    }

    /// A sentence that was not read (which the analysis never asks for) counts its
    /// characters as read.
    fn measure(&self, index: usize, sentence: &Sentence) -> usize {
        self.morae
            .get(index)
            .copied()
            .unwrap_or_else(|| crate::timing::spoken_chars(&sentence.spoken_text()))
    }
}

/// The estimate the app shows: in morae from each sentence as read (`readings`, with the
/// dictionary) at `mora_pace`, else in characters at `timing`'s pace; `timing`'s pauses
/// either way.
pub fn estimate(
    script: &Script,
    readings: Option<&[SentenceReading]>,
    timing: &TimingOptions,
    mora_pace: Pace,
) -> ScriptTiming {
    match readings {
        Some(readings) => {
            let in_morae = TimingOptions {
                pace: mora_pace,
                pauses: timing.pauses,
            };
            timing::estimate_with(script, &in_morae, &MoraCount::new(readings))
        }
        None => timing::estimate(script, timing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::parse;

    #[test]
    fn without_the_dictionary_a_draft_is_timed_in_characters() {
        let source = "## 一\n\nあいうえお、かきくけこ。\n";
        let options = TimingOptions::default();
        let timing = estimate(&parse(source), None, &options, default_pace());
        assert_eq!(timing.pace, options.pace);
        assert_eq!(timing, timing::estimate(&parse(source), &options));
    }

    #[test]
    fn the_mora_estimate_counts_the_readings_at_the_mora_pace() {
        let script = parse("しっかり。");
        let readings = [SentenceReading {
            span: script.sentences().next().unwrap().span.clone(),
            parts: Vec::new().into(),
            morae: 4,
        }];
        let options = TimingOptions::default();
        let timing = estimate(&script, Some(&readings), &options, morae_per_minute(240.0));
        assert_eq!((timing.pace.unit, timing.spoken), (Unit::Mora, 4));
        // 4 morae at 4 a second, and the sentence pause.
        assert!(
            (timing.seconds - (1.0 + 0.6)).abs() < 1e-9,
            "{}",
            timing.seconds
        );
    }
}
