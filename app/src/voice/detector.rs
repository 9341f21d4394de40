//! The voice pipeline, pure: samples at any rate → 16 kHz frames of 16 ms → earshot's voice
//! score per frame → whether someone speaks (with a short onset and a hangover, so a breath or
//! a consonant does not flicker) and the level for the meter. No clock, no device: the same
//! for a microphone and for a recording.

use crate::wire::{VoiceActivity, LEVEL_FLOOR_DB};

/// The rate earshot listens at.
pub const VAD_RATE: u32 = 16_000;
/// Samples in one of earshot's frames (16 ms at 16 kHz).
pub const FRAME: usize = 256;
const FRAME_SECONDS: f64 = FRAME as f64 / VAD_RATE as f64;
/// A frame scoring above this is voiced (earshot's own suggestion).
pub const VOICED_SCORE: f32 = 0.5;
/// Speech begins after this many voiced frames in a row (64 ms): a click or a cough's start
/// does not move the text.
pub const ONSET_FRAMES: u32 = 4;
/// Speech ends after this many unvoiced frames in a row (352 ms): a breath inside a sentence
/// (about 0.3 s) or a stop consonant keeps it going; a sentence's end does not.
pub const RELEASE_FRAMES: u32 = 22;
/// A report every this many frames (48 ms: about 21 a second), and one at each change.
pub const REPORT_FRAMES: u32 = 3;

/// Box-filter resampling to [`VAD_RATE`]: each output sample is the mean of the input it
/// covers (enough for a voice detector: speech's energy is below 8 kHz).
#[derive(Debug, Clone)]
struct Resampler {
    /// Input samples per output sample.
    ratio: f64,
    sum: f64,
    filled: f64,
}

impl Resampler {
    fn new(rate: u32) -> Self {
        Resampler {
            ratio: f64::from(rate.max(1)) / f64::from(VAD_RATE),
            sum: 0.0,
            filled: 0.0,
        }
    }

    fn push(&mut self, sample: f32, out: &mut Vec<f32>) {
        let mut left: f64 = 1.0;
        while left > 1e-12 {
            let take = left.min(self.ratio - self.filled);
            self.sum += f64::from(sample) * take;
            self.filled += take;
            left -= take;
            if self.filled >= self.ratio - 1e-9 {
                out.push((self.sum / self.ratio) as f32);
                self.sum = 0.0;
                self.filled = 0.0;
            }
        }
    }
}

/// Whether someone speaks, from frame scores: on after [`ONSET_FRAMES`] voiced frames in a
/// row, off after [`RELEASE_FRAMES`] unvoiced ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Activity {
    pub speaking: bool,
    /// Frames in a row that say the opposite of `speaking`.
    against: u32,
}

impl Activity {
    /// Takes one frame's score; true when `speaking` changed.
    pub fn frame(&mut self, score: f32) -> bool {
        let voiced = score > VOICED_SCORE;
        if voiced == self.speaking {
            self.against = 0;
            return false;
        }
        self.against += 1;
        let needed = if self.speaking {
            RELEASE_FRAMES
        } else {
            ONSET_FRAMES
        };
        if self.against >= needed {
            self.speaking = voiced;
            self.against = 0;
            return true;
        }
        false
    }
}

/// RMS and peak of the samples since the last report, in dBFS.
#[derive(Debug, Clone, Default)]
struct Level {
    squares: f64,
    peak: f32,
    count: usize,
}

impl Level {
    fn add(&mut self, samples: &[f32]) {
        for &s in samples {
            self.squares += f64::from(s) * f64::from(s);
            self.peak = self.peak.max(s.abs());
        }
        self.count += samples.len();
    }

    /// (RMS, peak) in dBFS, and starts over.
    fn take(&mut self) -> (f64, f64) {
        let rms = if self.count > 0 {
            (self.squares / self.count as f64).sqrt()
        } else {
            0.0
        };
        let levels = (decibels(rms), decibels(f64::from(self.peak)));
        *self = Level::default();
        levels
    }
}

/// dBFS of an amplitude (1.0 = full scale), never below [`LEVEL_FLOOR_DB`] (digital silence).
pub fn decibels(amplitude: f64) -> f64 {
    if amplitude <= 0.0 {
        return LEVEL_FLOOR_DB;
    }
    (20.0 * amplitude.log10()).max(LEVEL_FLOOR_DB)
}

/// The whole pipeline for one stream of samples.
pub struct Detector {
    resampler: Resampler,
    vad: Box<earshot::Detector>,
    activity: Activity,
    level: Level,
    /// 16 kHz samples waiting for a whole frame.
    pending: Vec<f32>,
    frames: u64,
}

impl Detector {
    /// A detector for mono samples at `rate` Hz.
    pub fn new(rate: u32) -> Self {
        Detector {
            resampler: Resampler::new(rate),
            vad: earshot::Detector::default_boxed(),
            activity: Activity::default(),
            level: Level::default(),
            pending: Vec::with_capacity(FRAME * 2),
            frames: 0,
        }
    }

    /// Takes mono samples (−1…1) and returns the reports they complete: one every
    /// [`REPORT_FRAMES`] frames and one at each change of `speaking`.
    pub fn push(&mut self, samples: &[f32]) -> Vec<VoiceActivity> {
        let mut reports = Vec::new();
        for &sample in samples {
            let clipped = if sample.is_finite() {
                sample.clamp(-1.0, 1.0)
            } else {
                0.0
            };
            self.resampler.push(clipped, &mut self.pending);
            if self.pending.len() >= FRAME {
                let frame: Vec<f32> = self.pending.drain(..FRAME).collect();
                if let Some(report) = self.frame(&frame) {
                    reports.push(report);
                }
            }
        }
        reports
    }

    fn frame(&mut self, frame: &[f32]) -> Option<VoiceActivity> {
        let score = self.vad.predict_f32(frame);
        self.level.add(frame);
        let changed = self.activity.frame(score);
        self.frames += 1;
        if !changed && !self.frames.is_multiple_of(u64::from(REPORT_FRAMES)) {
            return None;
        }
        let (level, peak) = self.level.take();
        Some(VoiceActivity {
            seconds: self.frames as f64 * FRAME_SECONDS,
            speaking: self.activity.speaking,
            level,
            peak,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_begins_after_the_onset_and_ends_after_the_hangover() {
        let mut activity = Activity::default();
        // A click: fewer voiced frames than the onset.
        for _ in 0..ONSET_FRAMES - 1 {
            assert!(!activity.frame(0.9));
        }
        assert!(!activity.frame(0.1));
        assert!(!activity.speaking);
        // Speech.
        let changes: Vec<bool> = (0..ONSET_FRAMES).map(|_| activity.frame(0.9)).collect();
        assert_eq!(changes.iter().filter(|c| **c).count(), 1);
        assert!(changes[ONSET_FRAMES as usize - 1]);
        assert!(activity.speaking);
        // A breath shorter than the hangover, then speech again: no change.
        for _ in 0..RELEASE_FRAMES - 1 {
            assert!(!activity.frame(0.0));
        }
        assert!(!activity.frame(0.8));
        assert!(activity.speaking);
        // A sentence's end.
        let ended = (0..RELEASE_FRAMES).filter(|_| activity.frame(0.2)).count();
        assert_eq!(ended, 1);
        assert!(!activity.speaking);
        // The score exactly at the threshold is not voiced.
        for _ in 0..ONSET_FRAMES * 3 {
            activity.frame(VOICED_SCORE);
        }
        assert!(!activity.speaking);
    }

    #[test]
    fn chatter_never_outlasts_the_onset_and_hangover() {
        // A detector flipping every frame: one change at most each way.
        let mut activity = Activity::default();
        let changes = (0..1000)
            .filter(|i| activity.frame(if i % 2 == 0 { 0.9 } else { 0.1 }))
            .count();
        assert_eq!(changes, 0);
    }

    #[test]
    fn levels_in_dbfs() {
        assert_eq!(decibels(1.0), 0.0);
        assert!((decibels(0.5) - -6.0206).abs() < 1e-3);
        assert_eq!(decibels(0.0), LEVEL_FLOOR_DB);
        assert_eq!(decibels(1e-9), LEVEL_FLOOR_DB);
        let mut level = Level::default();
        // A full-scale square wave: RMS = peak = 0 dBFS.
        level.add(&[1.0, -1.0, 1.0, -1.0]);
        assert_eq!(level.take(), (0.0, 0.0));
        // A sine of amplitude 0.5: RMS −9 dBFS, peak −6 dBFS.
        let sine: Vec<f32> = (0..1600)
            .map(|i| 0.5 * (i as f32 * std::f32::consts::TAU * 440.0 / 16000.0).sin())
            .collect();
        level.add(&sine);
        let (rms, peak) = level.take();
        assert!((rms - -9.03).abs() < 0.05, "{rms}");
        assert!((peak - -6.02).abs() < 0.05, "{peak}");
        assert_eq!(level.take(), (LEVEL_FLOOR_DB, LEVEL_FLOOR_DB));
    }

    #[test]
    fn any_rate_becomes_16_khz() {
        for rate in [8_000, 16_000, 44_100, 48_000] {
            let mut resampler = Resampler::new(rate);
            let mut out = Vec::new();
            for _ in 0..rate {
                resampler.push(0.25, &mut out);
            }
            assert!(
                (out.len() as i64 - i64::from(VAD_RATE)).abs() <= 1,
                "{rate}: {}",
                out.len()
            );
            assert!(out.iter().all(|s| (s - 0.25).abs() < 1e-6));
        }
    }

    #[test]
    fn silence_is_not_speech_and_reports_come_about_21_a_second_with_the_level() {
        let mut detector = Detector::new(48_000);
        let mut reports = detector.push(&vec![0.0; 48_000]);
        assert!(reports.iter().all(|r| !r.speaking));
        // 1 s: 62 frames of 16 ms, a report every third.
        assert_eq!(reports.len(), 62 / REPORT_FRAMES as usize);
        let tone: Vec<f32> = (0..48_000)
            .map(|i| 0.3 * (i as f32 * std::f32::consts::TAU * 1000.0 / 48_000.0).sin())
            .collect();
        reports.extend(detector.push(&tone));
        assert_eq!(reports[0].level, LEVEL_FLOOR_DB);
        let last = reports.last().unwrap();
        assert!((last.level - decibels(0.3 / 2f64.sqrt())).abs() < 0.5);
    }
}
