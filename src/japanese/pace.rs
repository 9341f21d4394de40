//! Timing in morae: a [`SpokenLength`] from sentence readings, and a speaker's pace
//! calibrated from rehearsals.
//!
//! Calibration is a pure function over rehearsal records (how many morae a section has, the
//! pauses the estimate adds to it, the seconds the speaker took), so it does not care where
//! the records are stored.

use super::readings::SentenceReading;
use crate::script::Sentence;
use crate::timing::{Pace, SpokenLength, Unit};
use std::collections::HashMap;

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

/// Morae of each sentence, looked up by where the sentence starts.
#[derive(Debug, Clone, Default)]
pub struct MoraCount {
    by_start: HashMap<usize, usize>,
}

impl MoraCount {
    pub fn new(readings: &[SentenceReading]) -> Self {
        MoraCount {
            by_start: readings.iter().map(|r| (r.span.start, r.morae)).collect(),
        }
    }
}

impl SpokenLength for MoraCount {
    fn unit(&self) -> Unit {
        Unit::Mora
    }

    /// A sentence that was not read (which the analysis never asks for) counts its
    /// characters as read.
    fn measure(&self, sentence: &Sentence) -> usize {
        self.by_start
            .get(&sentence.span.start)
            .copied()
            .unwrap_or_else(|| crate::timing::spoken_chars(&sentence.spoken_text()))
    }
}

/// One rehearsal of a section: what the estimate knows of it and what the stopwatch said.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rehearsal {
    pub morae: usize,
    /// Pauses the estimate adds (punctuation, paragraphs, cues), in seconds.
    pub pause_seconds: f64,
    /// The measured time.
    pub seconds: f64,
}

/// The speaker's pace from their rehearsals: total morae over total speaking time (measured
/// time less the estimate's pauses), which weighs each rehearsal by its length. `None` when
/// there is nothing to learn from (no rehearsal, or no time left for speaking).
pub fn calibrate(rehearsals: &[Rehearsal]) -> Option<Pace> {
    let usable = rehearsals
        .iter()
        .filter(|r| r.morae > 0 && r.seconds.is_finite() && r.seconds > r.pause_seconds);
    let (morae, speaking) = usable.fold((0usize, 0.0f64), |(m, s), r| {
        (m + r.morae, s + r.seconds - r.pause_seconds)
    });
    (morae > 0 && speaking > 0.0).then(|| morae_per_minute(morae as f64 / speaking * 60.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calibration_is_morae_over_speaking_time() {
        let pace = calibrate(&[
            Rehearsal {
                morae: 700,
                pause_seconds: 10.0,
                seconds: 110.0,
            },
            Rehearsal {
                morae: 350,
                pause_seconds: 5.0,
                seconds: 55.0,
            },
        ])
        .unwrap();
        // 1,050 morae in 150 s of speaking: 7 a second.
        assert!((pace.per_minute - 420.0).abs() < 1e-9);
        assert_eq!(pace.unit, Unit::Mora);
    }

    #[test]
    fn nothing_to_learn_from_gives_none() {
        assert_eq!(calibrate(&[]), None);
        let silent = Rehearsal {
            morae: 10,
            pause_seconds: 5.0,
            seconds: 4.0,
        };
        assert_eq!(calibrate(&[silent]), None);
    }
}
