//! Replays the kept fuzz corpus (`fuzz/corpus/<target>/`) through the fuzz targets' checks on
//! stable Rust: whatever fuzzing once found stays fixed, in every `cargo test`.

#[path = "../../../fuzz/checks.rs"]
pub(crate) mod checks;

use std::path::PathBuf;

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("fuzz/corpus")
        .join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{dir:?}: {err}"))
        .map(|entry| entry.unwrap().path())
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "{dir:?} is empty");
    inputs
}

#[test]
fn speech_corpus() {
    for (path, bytes) in corpus("speech") {
        let outcome = std::panic::catch_unwind(|| checks::speech(&bytes));
        assert!(outcome.is_ok(), "{path:?}");
    }
}

#[test]
fn export_corpus() {
    for (path, bytes) in corpus("export") {
        let outcome = std::panic::catch_unwind(|| checks::export(&bytes));
        assert!(outcome.is_ok(), "{path:?}");
    }
}

#[test]
fn decode_corpus() {
    for (path, bytes) in corpus("decode") {
        let outcome = std::panic::catch_unwind(|| checks::decode(&bytes));
        assert!(outcome.is_ok(), "{path:?}");
    }
}
