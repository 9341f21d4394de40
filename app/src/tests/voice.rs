//! The voice pipeline on a recording (`tests/data/voice/`, made by its `make-recordings.py`):
//! what it hears is what the prompter's test (`ui/src/prompter/voice.test.ts`) drives the
//! engine with. `reading.heard.json` holds the prompter's script of the speech (timed in morae
//! with the dictionary, as the app times it) and when the pipeline heard speech; it is a golden
//! file: `UPDATE_GOLDEN=1 cargo test -p podium-app voice` writes it again.

use super::morae::load_dictionary;
use super::state;
use crate::library::import_texts;
use crate::prompter::prompter_script;
use crate::voice::{activity_of, read_recording};
use crate::wire::{PrompterScript, VoiceActivity, LEVEL_FLOOR_DB};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/voice")
}

/// What the pipeline heard in a recording.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Heard {
    recording: String,
    /// The reports' interval while nothing changes, seconds.
    report_seconds: f64,
    reports: usize,
    /// Each stretch heard as speech: [start, end], seconds into the recording.
    speaking: Vec<[f64; 2]>,
    /// The loudest RMS level reported while nobody spoke and while someone did, dBFS.
    loudest_silent: f64,
    loudest_speaking: f64,
    script: PrompterScript,
}

fn stretches(reports: &[VoiceActivity]) -> Vec<[f64; 2]> {
    let mut out = Vec::new();
    let mut since = None;
    for report in reports {
        match (since, report.speaking) {
            (None, true) => since = Some(report.seconds),
            (Some(start), false) => {
                out.push([round(start), round(report.seconds)]);
                since = None;
            }
            _ => {}
        }
    }
    if let (Some(start), Some(last)) = (since, reports.last()) {
        out.push([round(start), round(last.seconds)]);
    }
    out
}

fn round(seconds: f64) -> f64 {
    (seconds * 1000.0).round() / 1000.0
}

#[test]
fn the_recording_heard_through_the_microphones_pipeline_is_the_prompter_tests_fixture() {
    let (state, _) = state();
    load_dictionary(&state);
    let speech = std::fs::read_to_string(folder().join("speech.md")).unwrap();
    let draft = import_texts(&state, vec![("speech".into(), speech)]).unwrap();
    let script = prompter_script(&state, draft[0].id).unwrap();

    let recording = read_recording(&folder().join("reading.wav")).unwrap();
    assert_eq!(
        (recording.rate, recording.samples.len() > 16_000 * 30),
        (16_000, true)
    );
    let reports = activity_of(&recording);
    let loudest = |speaking: bool| {
        let levels = reports.iter().filter(|r| r.speaking == speaking);
        (levels.map(|r| r.level).fold(LEVEL_FLOOR_DB, f64::max) * 10.0).round() / 10.0
    };
    let heard = Heard {
        recording: "reading.wav".into(),
        report_seconds: round(
            f64::from(crate::voice::detector::REPORT_FRAMES) * crate::voice::detector::FRAME as f64
                / f64::from(crate::voice::detector::VAD_RATE),
        ),
        reports: reports.len(),
        speaking: stretches(&reports),
        loudest_silent: loudest(false),
        loudest_speaking: loudest(true),
        script,
    };
    let text = serde_json::to_string_pretty(&heard).unwrap() + "\n";
    let path = folder().join("reading.heard.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 to write it)", path.display()));
    assert!(
        expected == text,
        "reading.heard.json is not what the pipeline hears now (UPDATE_GOLDEN=1 to accept):\n{text}"
    );
}

#[test]
fn stretches_of_speech_from_reports() {
    let report = |seconds: f64, speaking: bool| VoiceActivity {
        seconds,
        speaking,
        level: -20.0,
        peak: -10.0,
    };
    let reports = [
        report(0.1, false),
        report(0.2, true),
        report(0.3, true),
        report(0.5, false),
        report(0.9, true),
        report(1.0, true),
    ];
    assert_eq!(stretches(&reports), [[0.2, 0.5], [0.9, 1.0]]);
}
