//! The `podium` command line, run as a real process: the contract other tools rely on.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests/data")
        .join(name)
}

/// Run `podium` with no database in the user's data folder (PODIUM_DB points into a temp dir).
fn podium(args: &[&str], db: &Path) -> Output {
    podium_with_stdin(args, db, None)
}

fn podium_with_stdin(args: &[&str], db: &Path, stdin: Option<&[u8]>) -> Output {
    podium_printing_to(Stdio::piped(), args, db, stdin)
}

/// `podium` with its standard output sent to `stdout`.
fn podium_printing_to(stdout: Stdio, args: &[&str], db: &Path, stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .env("PODIUM_DB", db)
        // The dictionary the Japanese tests build, in the target folder (not the user's cache).
        .env(
            "XDG_CACHE_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache"),
        )
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("podium starts");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        // A command refused for its arguments exits without reading: a closed pipe is fine.
        if let Err(err) = pipe.write_all(bytes) {
            assert_eq!(
                err.kind(),
                std::io::ErrorKind::BrokenPipe,
                "write stdin: {err}"
            );
        }
    }
    child.wait_with_output().expect("podium runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "failed: {}", stderr(output));
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

struct Library {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

fn library() -> Library {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("podium.db");
    Library { _dir: dir, db }
}

mod draft;
mod library;
mod output;
// These start Debian's PostgreSQL server (podium::store::testing): Unix only.
#[cfg(unix)]
mod server;
mod upkeep;
mod word;
