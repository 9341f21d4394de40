//! Voice mode's ears: the default microphone (cpal: ALSA on Linux, WASAPI on Windows), or the
//! recording `PODIUM_VOICE_FILE` names, heard through the app layer's pipeline
//! (`podium_app::voice`) while the prompter asks for it — off by default, off again when voice
//! mode is turned off or the prompter window closes (the stream is dropped). Each report goes
//! to the windows as [`VOICE_EVENT`]; no sample is kept, written or sent anywhere.

use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use cpal::{ErrorKind, FromSample, SampleFormat, SizedSample};
use podium_app::voice::{self, Listener, RecordingSource, SampleSource};
use podium_app::wire::{VoiceActivity, VOICE_EVENT};
use podium_app::{AppError, ErrorCode};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The listener while voice mode hears (managed state).
#[derive(Default)]
pub struct Hearing(Mutex<Option<Listener>>);

/// Starts or stops hearing. Starting again starts afresh; stopping when stopped is no error.
pub fn hear<R: Runtime>(app: &AppHandle<R>, on: bool) -> Result<(), AppError> {
    let hearing = app.state::<Hearing>();
    let mut listener = hearing
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    // Dropped first: the stream closes before another opens.
    *listener = None;
    if !on {
        return Ok(());
    }
    let window = app.clone();
    let emit = move |activity: VoiceActivity| {
        let _ = window.emit(VOICE_EVENT, activity);
    };
    *listener = Some(match voice::voice_file() {
        Some(path) => voice::listen(move || RecordingSource::open(&path), emit)?,
        None => voice::listen(Microphone::open, emit)?,
    });
    Ok(())
}

/// The default input device's stream, mixed to mono; blocks wait in a short queue (a slow
/// reader loses blocks rather than memory).
struct Microphone {
    _stream: cpal::Stream,
    rate: u32,
    blocks: mpsc::Receiver<Vec<f32>>,
    lost: Arc<AtomicBool>,
}

impl Microphone {
    fn open() -> Result<Self, AppError> {
        let device = cpal::default_host()
            .default_input_device()
            .ok_or_else(|| failed(ErrorKind::DeviceNotAvailable, "none"))?;
        let config = device
            .default_input_config()
            .map_err(|e| failed(e.kind(), e))?;
        let (sender, blocks) = mpsc::sync_channel(64);
        let lost = Arc::new(AtomicBool::new(false));
        let gone = Arc::clone(&lost);
        let on_error = move |error: cpal::Error| {
            if matches!(
                error.kind(),
                ErrorKind::DeviceNotAvailable | ErrorKind::StreamInvalidated
            ) {
                gone.store(true, Ordering::Relaxed);
            }
        };
        let channels = usize::from(config.channels().max(1));
        let (format, rate) = (config.sample_format(), config.sample_rate());
        let stream_config: cpal::StreamConfig = config.into();
        let stream = match format {
            SampleFormat::F32 => stream::<f32>(&device, stream_config, channels, sender, on_error),
            SampleFormat::I16 => stream::<i16>(&device, stream_config, channels, sender, on_error),
            SampleFormat::U16 => stream::<u16>(&device, stream_config, channels, sender, on_error),
            SampleFormat::I32 => stream::<i32>(&device, stream_config, channels, sender, on_error),
            SampleFormat::I8 => stream::<i8>(&device, stream_config, channels, sender, on_error),
            SampleFormat::U8 => stream::<u8>(&device, stream_config, channels, sender, on_error),
            other => return Err(failed(ErrorKind::UnsupportedConfig, other)),
        }
        .map_err(|e| failed(e.kind(), e))?;
        stream.play().map_err(|e| failed(e.kind(), e))?;
        Ok(Microphone {
            _stream: stream,
            rate,
            blocks,
            lost,
        })
    }
}

fn stream<T>(
    device: &cpal::Device,
    config: cpal::StreamConfig,
    channels: usize,
    sender: mpsc::SyncSender<Vec<f32>>,
    on_error: impl FnMut(cpal::Error) + Send + 'static,
) -> Result<cpal::Stream, cpal::Error>
where
    T: SizedSample,
    f32: FromSample<T>,
{
    device.build_input_stream(
        config,
        move |data: &[T], _: &cpal::InputCallbackInfo| {
            let mono = data
                .chunks(channels)
                .map(|frame| {
                    frame.iter().map(|s| f32::from_sample_(*s)).sum::<f32>() / frame.len() as f32
                })
                .collect();
            let _ = sender.try_send(mono);
        },
        on_error,
        None,
    )
}

impl SampleSource for Microphone {
    fn rate(&self) -> u32 {
        self.rate
    }

    fn next_block(&mut self) -> Option<Vec<f32>> {
        if self.lost.load(Ordering::Relaxed) {
            return None;
        }
        match self.blocks.recv_timeout(Duration::from_millis(100)) {
            Ok(block) => Some(block),
            Err(mpsc::RecvTimeoutError::Timeout) => Some(Vec::new()),
            Err(mpsc::RecvTimeoutError::Disconnected) => None,
        }
    }
}

/// What went wrong with the microphone, in words the operator can act on.
fn failed(kind: ErrorKind, detail: impl std::fmt::Display) -> AppError {
    let message = match kind {
        ErrorKind::DeviceNotAvailable => {
            "マイクが見つかりません。つながっているか確かめてください (no microphone found)"
        }
        ErrorKind::DeviceBusy => {
            "マイクはほかのアプリが使っています (the microphone is in use by another program)"
        }
        ErrorKind::PermissionDenied => {
            "マイクの使用が許可されていません。OS のプライバシー設定でマイクを許可してください \
             (the system denied access to the microphone: allow it in the privacy settings)"
        }
        ErrorKind::HostUnavailable => "音声の仕組みを使えません (no audio system: ALSA or WASAPI)",
        _ => "マイクを使えません (the microphone cannot be used)",
    };
    AppError::new(ErrorCode::Io, format!("{message}: {detail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failure_says_what_to_do_in_japanese_and_english() {
        let missing = failed(ErrorKind::DeviceNotAvailable, "none");
        assert_eq!(missing.code, ErrorCode::Io);
        assert!(missing.message.starts_with("マイクが見つかりません"));
        assert!(missing.message.contains("no microphone found"));
        assert!(failed(ErrorKind::DeviceBusy, "x")
            .message
            .contains("ほかのアプリ"));
        assert!(failed(ErrorKind::PermissionDenied, "x")
            .message
            .contains("プライバシー設定"));
        assert!(failed(ErrorKind::Other, "x")
            .message
            .contains("cannot be used"));
    }
}
