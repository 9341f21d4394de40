//! Voice activity for the prompter's voice mode: while the operator has it on, samples from a
//! source — the microphone (the shell's, `src-tauri/src/microphone.rs`) or a recording
//! ([`VOICE_FILE_ENV`], for tests and demonstrations) — go through one pipeline
//! ([`detector`]) on a thread of their own, and each [`VoiceActivity`] it reports is handed to
//! the front end. Nothing is stored or sent anywhere: the samples live in memory for one frame
//! (16 ms) and only "speaking or not" and the level leave the pipeline.

pub mod detector;
mod recording;

use crate::error::{AppError, ErrorCode};
use crate::wire::VoiceActivity;
pub use detector::Detector;
pub use recording::{read_recording, Recording};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::thread::JoinHandle;

/// `PODIUM_VOICE_FILE=path.wav`: voice mode hears this recording (WAV, any rate, mono or more
/// channels), played in real time through the microphone's pipeline, instead of the
/// microphone. For tests and demonstrations; the file is read, never written.
pub const VOICE_FILE_ENV: &str = "PODIUM_VOICE_FILE";

/// The recording to hear instead of the microphone, when [`VOICE_FILE_ENV`] names one.
pub fn voice_file() -> Option<PathBuf> {
    std::env::var_os(VOICE_FILE_ENV)
        .filter(|path| !path.is_empty())
        .map(PathBuf::from)
}

/// Where samples come from: mono, −1…1, at `rate()` Hz.
pub trait SampleSource {
    fn rate(&self) -> u32;
    /// The next samples, waiting a little for them (an empty block when none came: the
    /// listener checks whether to stop); `None` once the source has ended or failed.
    fn next_block(&mut self) -> Option<Vec<f32>>;
}

/// Hearing in progress: stops (and the source is dropped, on its own thread) when dropped.
pub struct Listener {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Starts hearing: `open` makes the source on the listener's thread (a microphone's stream
/// must be made and dropped on one thread) and its error is returned here; then every report
/// of the pipeline goes to `emit`, until the [`Listener`] is dropped or the source ends (a
/// last report then says nobody speaks).
pub fn listen<S, O, E>(open: O, mut emit: E) -> Result<Listener, AppError>
where
    S: SampleSource,
    O: FnOnce() -> Result<S, AppError> + Send + 'static,
    E: FnMut(VoiceActivity) + Send + 'static,
{
    let stop = Arc::new(AtomicBool::new(false));
    let (opened, started) = mpsc::channel();
    let stopping = Arc::clone(&stop);
    let thread = std::thread::Builder::new()
        .name("podium-voice".into())
        .spawn(move || {
            let mut source = match open() {
                Ok(source) => {
                    let _ = opened.send(Ok(()));
                    source
                }
                Err(error) => {
                    let _ = opened.send(Err(error));
                    return;
                }
            };
            let mut detector = Detector::new(source.rate());
            let mut seconds = 0.0;
            while !stopping.load(Ordering::Relaxed) {
                let Some(block) = source.next_block() else {
                    break;
                };
                for report in detector.push(&block) {
                    seconds = report.seconds;
                    emit(report);
                }
            }
            emit(VoiceActivity::silent(seconds));
        })
        .map_err(|error| {
            AppError::new(
                ErrorCode::Internal,
                format!("音声の処理を始められません (voice thread: {error})"),
            )
        })?;
    let listener = Listener {
        stop,
        thread: Some(thread),
    };
    match started.recv() {
        Ok(Ok(())) => Ok(listener),
        Ok(Err(error)) => Err(error),
        Err(_) => Err(AppError::new(
            ErrorCode::Internal,
            "音声の処理が止まりました (the voice thread ended)",
        )),
    }
}

/// Every report of the pipeline for a whole recording, as fast as it can be read (the tests').
pub fn activity_of(recording: &Recording) -> Vec<VoiceActivity> {
    let mut detector = Detector::new(recording.rate);
    let mut reports = Vec::new();
    for block in recording.samples.chunks(recording.rate as usize / 100) {
        reports.extend(detector.push(block));
    }
    reports
}

/// A recording heard as if from a microphone: blocks of 10 ms, each when its time comes.
pub struct RecordingSource {
    recording: Recording,
    at: usize,
    started: std::time::Instant,
}

impl RecordingSource {
    pub fn open(path: &std::path::Path) -> Result<Self, AppError> {
        Ok(RecordingSource {
            recording: read_recording(path)?,
            at: 0,
            started: std::time::Instant::now(),
        })
    }
}

impl SampleSource for RecordingSource {
    fn rate(&self) -> u32 {
        self.recording.rate
    }

    fn next_block(&mut self) -> Option<Vec<f32>> {
        let samples = &self.recording.samples;
        if self.at >= samples.len() {
            return None;
        }
        let block = (self.recording.rate as usize / 100).max(1);
        let end = (self.at + block).min(samples.len());
        // Real time: this block is heard when its last sample would have been spoken.
        let due = std::time::Duration::from_secs_f64(end as f64 / f64::from(self.recording.rate));
        if let Some(wait) = due.checked_sub(self.started.elapsed()) {
            std::thread::sleep(wait);
        }
        let out = samples[self.at..end].to_vec();
        self.at = end;
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Silence(usize);

    impl SampleSource for Silence {
        fn rate(&self) -> u32 {
            8_000
        }
        fn next_block(&mut self) -> Option<Vec<f32>> {
            (self.0 > 0).then(|| {
                self.0 -= 1;
                vec![0.0; 80]
            })
        }
    }

    #[test]
    fn a_listener_reports_until_its_source_ends_and_says_nobody_speaks_last() {
        let (sent, heard) = mpsc::channel();
        let listener = listen(|| Ok(Silence(100)), move |r| sent.send(r).unwrap()).unwrap();
        let reports: Vec<VoiceActivity> = heard.iter().collect();
        drop(listener);
        // 1 s at 8 kHz: 62 frames of 16 ms, a report every third, and the last word.
        assert_eq!(reports.len(), 62 / 3 + 1);
        assert!(reports.iter().all(|r| !r.speaking));
    }

    #[test]
    fn a_source_that_cannot_open_is_an_error_and_nothing_is_heard() {
        let failed = listen(
            || -> Result<Silence, AppError> { Err(AppError::new(ErrorCode::Io, "no microphone")) },
            |_| panic!("nothing is heard"),
        );
        assert_eq!(failed.err().unwrap().message, "no microphone");
    }

    #[test]
    fn dropping_the_listener_stops_it() {
        struct Endless;
        impl SampleSource for Endless {
            fn rate(&self) -> u32 {
                16_000
            }
            fn next_block(&mut self) -> Option<Vec<f32>> {
                std::thread::sleep(std::time::Duration::from_millis(5));
                Some(vec![0.0; 80])
            }
        }
        let listener = listen(|| Ok(Endless), |_| ()).unwrap();
        drop(listener); // Returns: the thread has ended.
    }
}
