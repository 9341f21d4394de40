//! A recording read for the voice pipeline: a WAV file (16-bit or 24/32-bit integer, or 32-bit
//! float; any rate), its channels mixed to mono.

use crate::error::{AppError, ErrorCode};
use std::path::Path;

pub struct Recording {
    pub rate: u32,
    /// Mono, −1…1.
    pub samples: Vec<f32>,
}

/// Longer recordings than this (at the file's rate) are refused: voice files are for tests.
const MAX_SECONDS: u32 = 30 * 60;

pub fn read_recording(path: &Path) -> Result<Recording, AppError> {
    let failed = |error: hound::Error| {
        AppError::new(
            ErrorCode::Io,
            format!("音声ファイルを読めません: {} ({error})", path.display()),
        )
    };
    let mut reader = hound::WavReader::open(path).map_err(failed)?;
    let spec = reader.spec();
    let channels = usize::from(spec.channels.max(1));
    if reader.duration() > MAX_SECONDS.saturating_mul(spec.sample_rate) {
        return Err(AppError::new(
            ErrorCode::Io,
            format!("音声ファイルが長すぎます（30分まで）: {}", path.display()),
        ));
    }
    let interleaved: Vec<f32> = match spec.sample_format {
        hound::SampleFormat::Float => reader.samples::<f32>().collect::<Result<_, _>>(),
        hound::SampleFormat::Int => {
            let scale = 1.0 / (1_i64 << (spec.bits_per_sample.clamp(8, 32) - 1)) as f32;
            reader
                .samples::<i32>()
                .map(|s| s.map(|s| s as f32 * scale))
                .collect::<Result<_, _>>()
        }
    }
    .map_err(failed)?;
    let samples = interleaved
        .chunks(channels)
        .map(|frame| frame.iter().sum::<f32>() / frame.len() as f32)
        .collect();
    Ok(Recording {
        rate: spec.sample_rate,
        samples,
    })
}
