//! Crash safety: a writer autosaves a draft the way the app does and is killed with SIGKILL at
//! random moments; after every kill the database must pass `PRAGMA integrity_check`, open,
//! and hold the last save that completed (or the one that was in flight).
//!
//! The writer is this test binary run again (`autosave_writer`, ignored unless the driver
//! sets [`WRITER_ENV`]), so nothing extra is built or shipped. It types keystrokes with
//! human gaps and pauses and saves the way the editor does (ui/src/lib/autosave.ts):
//! [`AUTOSAVE_DELAY`] after typing stops, or [`AUTOSAVE_MAX_WAIT`] after the first unsaved
//! keystroke while typing goes on, with `SaveKind::Autosave` on top of the revision its last
//! save returned. It logs the time of every keystroke, and after each save appends
//! `number, typed_at, microseconds the save took` to a journal and fsyncs it. Every save also
//! ends the text with a mark `〔number:typed_at〕` (`typed_at`: its last keystroke), so the
//! database itself says which save it holds. One writer in three saves back to back instead,
//! to land more kills inside a commit.
//!
//! `PODIUM_CRASH_KILLS` sets the number of kills (default 20; `make reliability` uses 200).

use super::{env_number, Lcg};
use podium::store::{DraftEdit, SaveKind, Store};
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use time::OffsetDateTime;

/// Set (to the working folder) in the writer's environment.
const WRITER_ENV: &str = "PODIUM_AUTOSAVE_WRITER";
/// `app` (the editor's cadence) or `rapid` (saves back to back).
const MODE_ENV: &str = "PODIUM_AUTOSAVE_MODE";
const SEED_ENV: &str = "PODIUM_AUTOSAVE_SEED";
/// The editor saves this long after typing stops (ui/src/lib/autosave.ts) …
const AUTOSAVE_DELAY: Duration = Duration::from_millis(700);
/// … and at the latest this long after the first unsaved keystroke while typing goes on.
const AUTOSAVE_MAX_WAIT: Duration = Duration::from_millis(800);
/// A writer left alone (its driver died) stops by itself.
const WRITER_LIFETIME: Duration = Duration::from_secs(60);

const KEYS: &[&str] = &[
    "市民",
    "の",
    "皆さん",
    "、",
    "共創",
    "を",
    "進め",
    "ます",
    "。",
    "職員",
    "と",
    "ともに",
    "未来",
    "へ",
    "人づくり",
    "働き方",
    "改革",
    "\n\n",
];

fn millis_now() -> u64 {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    u64::try_from(since.as_millis()).unwrap_or(u64::MAX)
}

/// The last save mark `〔number:typed_at〕` in a draft's text.
fn last_mark(body: &str) -> Option<(u64, u64)> {
    let start = body.rfind('〔')?;
    let (number, typed_at) = body[start + '〔'.len_utf8()..]
        .split_once('〕')?
        .0
        .split_once(':')?;
    Some((number.parse().ok()?, typed_at.parse().ok()?))
}

/// The last complete journal line: `number, typed_at`.
fn last_journaled(journal: &Path) -> Option<(u64, u64)> {
    let text = fs::read_to_string(journal).ok()?;
    let complete = &text[..text.rfind('\n')?];
    let line = complete.rsplit('\n').next()?;
    let mut fields = line.split('\t').map(str::parse::<u64>);
    Some((fields.next()?.ok()?, fields.next()?.ok()?))
}

#[test]
#[ignore = "the writer of `autosaves_survive_sigkill`, started by it"]
fn autosave_writer() {
    let Some(dir) = std::env::var_os(WRITER_ENV).map(PathBuf::from) else {
        return;
    };
    let rapid = std::env::var(MODE_ENV).is_ok_and(|mode| mode == "rapid");
    let mut rng = Lcg(env_number(SEED_ENV, 1));
    let mut store = Store::open(&dir.join("podium.db")).expect("the writer opens the store");
    let mut edit = DraftEdit {
        title: "年頭挨拶".into(),
        body: "# 年頭挨拶\n\n".into(),
        ..DraftEdit::default()
    };
    let (id, mut revision, mut number) = match store.list_drafts().unwrap().first() {
        Some(summary) => {
            let draft = store.draft(summary.id).unwrap();
            edit.body = draft.body;
            let number = last_mark(&edit.body).map_or(0, |(number, _)| number);
            (draft.id, draft.revision, number)
        }
        None => {
            let draft = store
                .create_draft(&edit, OffsetDateTime::now_utc())
                .unwrap();
            (draft.id, draft.revision, 0)
        }
    };
    let mut journal = OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("journal.tsv"))
        .unwrap();
    let mut keys = OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("keys.log"))
        .unwrap();
    let started = Instant::now();
    // Keystrokes since the last save: when the first and the last were typed, and when (unix ms).
    let mut unsaved: Option<(Instant, Instant)> = None;
    let mut typed_at = 0;
    while started.elapsed() < WRITER_LIFETIME {
        let gap = if rapid {
            Duration::ZERO
        } else if rng.below(10) == 0 {
            Duration::from_millis(300 + rng.below(1_700)) // a pause to think
        } else {
            Duration::from_millis(30 + rng.below(120))
        };
        let next_key = Instant::now() + gap;
        let save_due = match unsaved {
            Some(_) if rapid => Some(next_key), // save before every keystroke
            Some((first, last)) => Some((last + AUTOSAVE_DELAY).min(first + AUTOSAVE_MAX_WAIT)),
            None => None,
        };
        if let Some(due) = save_due.filter(|due| *due <= next_key) {
            std::thread::sleep(due.saturating_duration_since(Instant::now()));
            number += 1;
            edit.body.push_str(&format!("〔{number}:{typed_at}〕"));
            let saving = Instant::now();
            revision = store
                .save_draft(
                    id,
                    &edit,
                    revision,
                    SaveKind::Autosave,
                    OffsetDateTime::now_utc(),
                )
                .expect("an autosave succeeds")
                .revision;
            let took = saving.elapsed().as_micros();
            writeln!(journal, "{number}\t{typed_at}\t{took}").unwrap();
            journal.sync_data().unwrap();
            unsaved = None;
            continue;
        }
        std::thread::sleep(next_key.saturating_duration_since(Instant::now()));
        edit.body
            .push_str(KEYS[rng.below(KEYS.len() as u64) as usize]);
        typed_at = millis_now();
        // A write(2) reaches the page cache, which outlives a killed process: no fsync needed.
        writeln!(keys, "{typed_at}").unwrap();
        let now = Instant::now();
        unsaved = Some((unsaved.map_or(now, |(first, _)| first), now));
    }
}

/// The first keystroke logged after `after` (unix ms): the first one a kill could lose.
fn first_key_after(keys: &Path, after: u64) -> Option<u64> {
    fs::read_to_string(keys)
        .ok()?
        .lines()
        .filter_map(|line| line.parse::<u64>().ok())
        .find(|&typed_at| typed_at > after)
}

/// What the kills found.
#[derive(Debug, Default)]
struct Figures {
    kills: usize,
    corrupt: usize,
    /// Completed saves the database did not hold after a kill.
    lost_saves: usize,
    /// Kills of writers at the editor's cadence, and the typing time each lost: from the first
    /// keystroke the database does not hold to the kill.
    app_kills: usize,
    max_lost: Duration,
    lost: Vec<Duration>,
}

impl Figures {
    fn percentile(&self, p: f64) -> Duration {
        let mut lost = self.lost.clone();
        lost.sort();
        let at = ((lost.len() as f64 - 1.0) * p).round() as usize;
        lost.get(at).copied().unwrap_or_default()
    }
}

/// Checks the database after a kill. Times in unix milliseconds: the writer started at
/// `started_at` (typing before that was not this writer's to lose) and was killed at `killed_at`.
fn check_after_kill(
    dir: &Path,
    (started_at, killed_at): (u64, u64),
    app: bool,
    figures: &mut Figures,
) {
    let db = dir.join("podium.db");
    if !db.exists() {
        return; // killed before SQLite made the file
    }
    let verdict: String = rusqlite::Connection::open(&db)
        .and_then(|conn| conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)))
        .unwrap_or_else(|err| err.to_string());
    if verdict != "ok" {
        figures.corrupt += 1;
        let kept = dir.with_extension(format!("corrupt-{}", figures.kills));
        let _ = fs::copy(&db, &kept);
        eprintln!(
            "kill {}: integrity_check: {verdict} (copy: {kept:?})",
            figures.kills
        );
        return;
    }
    let store = Store::open(&db).expect("the store opens after a kill");
    let held = store
        .list_drafts()
        .unwrap()
        .first()
        .and_then(|summary| last_mark(&store.draft(summary.id).unwrap().body));
    let journaled = last_journaled(&dir.join("journal.tsv"));
    let held_number = held.map_or(0, |(number, _)| number);
    let journaled_number = journaled.map_or(0, |(number, _)| number);
    if held_number != journaled_number && held_number != journaled_number + 1 {
        figures.lost_saves += 1;
        eprintln!(
            "kill {}: the database holds save {held_number}, the journal says {journaled_number}",
            figures.kills
        );
    }
    if app {
        figures.app_kills += 1;
        let held_typed_at = held.map_or(0, |(_, typed_at)| typed_at).max(started_at);
        let lost = first_key_after(&dir.join("keys.log"), held_typed_at)
            .map_or(Duration::ZERO, |first| {
                Duration::from_millis(killed_at.saturating_sub(first))
            });
        figures.max_lost = figures.max_lost.max(lost);
        figures.lost.push(lost);
    }
}

#[test]
fn autosaves_survive_sigkill() {
    let kills = env_number("PODIUM_CRASH_KILLS", 20);
    let seed = env_number("PODIUM_CRASH_SEED", millis_now());
    let mut rng = Lcg(seed);
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let mut figures = Figures::default();
    for _ in 0..kills {
        let app = rng.below(3) != 0;
        let started_at = millis_now();
        let mut writer = Command::new(std::env::current_exe().unwrap())
            .args([
                "crash::autosave_writer",
                "--exact",
                "--ignored",
                "--nocapture",
            ])
            .env(WRITER_ENV, dir.path())
            .env(MODE_ENV, if app { "app" } else { "rapid" })
            .env(SEED_ENV, rng.next().to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(20 + rng.below(1_800)));
        let killed_at = millis_now();
        if writer.try_wait().unwrap().is_some() {
            let output = writer.wait_with_output().unwrap();
            panic!(
                "the writer stopped by itself: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        writer.kill().unwrap(); // SIGKILL on Unix
        writer.wait().unwrap();
        check_after_kill(dir.path(), (started_at, killed_at), app, &mut figures);
        figures.kills += 1;
    }
    let journal = fs::read_to_string(dir.path().join("journal.tsv")).unwrap_or_default();
    let saves = journal.lines().count();
    let longest_save = journal
        .lines()
        .filter_map(|line| line.split('\t').nth(2)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    println!(
        "crash safety: {} kills (seed {seed}), {} corrupt databases, {} lost saves, \
         {saves} saves in all (longest {:.1} ms), {:.1} s\n\
         typing time lost at the editor's cadence ({} kills; autosave {} ms after typing \
         stops, {} ms at most while it goes on): max {:.2} s, median {:.2} s, 95th percentile {:.2} s",
        figures.kills,
        figures.corrupt,
        figures.lost_saves,
        longest_save as f64 / 1000.0,
        started.elapsed().as_secs_f64(),
        figures.app_kills,
        AUTOSAVE_DELAY.as_millis(),
        AUTOSAVE_MAX_WAIT.as_millis(),
        figures.max_lost.as_secs_f64(),
        figures.percentile(0.5).as_secs_f64(),
        figures.percentile(0.95).as_secs_f64(),
    );
    assert_eq!(figures.corrupt, 0, "corrupt databases after a kill");
    assert_eq!(figures.lost_saves, 0, "completed saves lost by a kill");
}
