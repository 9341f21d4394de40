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

#[test]
fn stats_reports_the_contract_fields() {
    let lib = library();
    let address = data("address.md");
    let report = json(&podium(
        &["stats", address.to_str().unwrap(), "--json"],
        &lib.db,
    ));
    assert_eq!(report["title"], "令和9年 年頭挨拶");
    // Timed in morae with the dictionary, in characters without: the report says which.
    let unit = report["pace"]["unit"].as_str().unwrap();
    let expected = if report.get("morae").is_some() {
        ("mora", 420.0)
    } else {
        ("char", 300.0)
    };
    assert_eq!(
        (unit, report["pace"]["per_minute"].as_f64().unwrap()),
        expected
    );
    let chars = report["chars"].as_u64().unwrap();
    let spoken = report["spoken_chars"].as_u64().unwrap();
    let seconds = report["seconds"].as_f64().unwrap();
    assert!((2_400..3_000).contains(&chars), "chars {chars}");
    assert!(
        spoken < chars,
        "punctuation is not read: {spoken} < {chars}"
    );
    // 7–12 minutes is the shape of a New Year address at 300 characters a minute.
    assert!((420.0..720.0).contains(&seconds), "seconds {seconds}");
    let sections = report["sections"].as_array().unwrap();
    let titles: Vec<&str> = sections
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 6, "{titles:?}");
    assert!(titles[2].starts_with('①'));
    let sum: f64 = sections
        .iter()
        .map(|s| s["seconds"].as_f64().unwrap())
        .sum();
    assert!(
        (sum - seconds).abs() < 0.5,
        "sections add up: {sum} vs {seconds}"
    );
    for section in sections {
        assert!(section["chars"].as_u64().is_some());
    }
}

#[test]
fn stats_pace_and_stdin() {
    let lib = library();
    let text = "# 題\n\nあいうえおかきくけこ".as_bytes();
    let slow = json(&podium_with_stdin(
        &["stats", "-", "--json", "--chars-only"],
        &lib.db,
        Some(text),
    ));
    let fast = json(&podium_with_stdin(
        &["stats", "-", "--json", "--pace", "600", "--chars-only"],
        &lib.db,
        Some(text),
    ));
    assert_eq!(slow["seconds"], 2.0);
    assert_eq!(fast["seconds"], 1.0);
    assert_eq!(fast["pace"]["per_minute"], 600.0);
    assert_eq!(fast["pace"]["unit"], "char");
    assert!(slow.get("morae").is_none());
    let human = podium_with_stdin(&["stats", "-", "--chars-only"], &lib.db, Some(text));
    assert!(stdout(&human).contains("10字"), "{}", stdout(&human));
    let bad_pace = podium_with_stdin(&["stats", "-", "--pace", "fast"], &lib.db, Some(text));
    assert_eq!(bad_pace.status.code(), Some(2));
}

#[test]
fn lint_json_lists_findings_and_exits_zero() {
    let lib = library();
    let address = data("address.md");
    let report = json(&podium(
        &["lint", address.to_str().unwrap(), "--json"],
        &lib.db,
    ));
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for finding in findings {
        for key in ["rule", "severity", "message", "line", "column", "excerpt"] {
            assert!(!finding[key].is_null(), "{key} missing in {finding}");
        }
    }
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"sentence-length"), "{rules:?}");
    assert!(rules.contains(&"doubled-phrase"), "{rules:?}");
    let clean = podium(
        &[
            "lint",
            data("ceremony.md").to_str().unwrap(),
            "--json",
            "--chars-only",
        ],
        &lib.db,
    );
    assert_eq!(json(&clean)["findings"], serde_json::json!([]));
}

#[test]
fn export_to_every_profile() {
    let lib = library();
    let address = data("address.md");
    let address = address.to_str().unwrap();
    for (to, needle) in [
        ("md", "# 令和9年 年頭挨拶"),
        ("txt", "令和9年 年頭挨拶"),
        ("html", "<h1>"),
        ("html-doc", "<!DOCTYPE html>"),
        ("blog", "【全文】"),
    ] {
        let output = podium(&["export", address, "--to", to], &lib.db);
        assert!(output.status.success(), "{to}: {}", stderr(&output));
        let text = stdout(&output);
        assert!(text.contains(needle), "{to} lacks {needle}");
        assert!(!text.contains("[[間"), "{to} leaks a cue");
        assert!(!text.contains("会場を見渡す"), "{to} leaks a speaker note");
    }
    let paren = stdout(&podium(
        &["export", address, "--to", "txt", "--ruby", "paren"],
        &lib.db,
    ));
    assert!(paren.contains("喫緊（きっきん）"));
    let base = stdout(&podium(
        &["export", address, "--to", "html", "--ruby", "base"],
        &lib.db,
    ));
    assert!(!base.contains("<ruby>") && base.contains("喫緊"));
    let unknown = podium(&["export", address, "--to", "pdf"], &lib.db);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn export_writes_a_file_and_a_footer() {
    let lib = library();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("blog.html");
    let footer = dir.path().join("footer.md");
    std::fs::write(&footer, "[市長室](https://example.jp/mayor)\n").unwrap();
    let output = podium(
        &[
            "export",
            data("address.md").to_str().unwrap(),
            "--to",
            "blog",
            "--footer",
            footer.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        &lib.db,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let html = std::fs::read_to_string(&out).unwrap();
    let body = html.find("【全文】").unwrap();
    let footer_at = html.find("https://example.jp/mayor").unwrap();
    assert!(footer_at > body, "the footer comes after the full text");
}

#[test]
fn hostile_html_never_reaches_an_export() {
    let lib = library();
    let hostile = data("hostile.md");
    for to in ["md", "txt", "html", "html-doc", "blog"] {
        let text = stdout(&podium(
            &["export", hostile.to_str().unwrap(), "--to", to],
            &lib.db,
        ))
        .to_lowercase();
        // The HTML document's own stylesheet sits in its head; the body must have none.
        let text = text
            .split_once("<body")
            .map_or(text.as_str(), |(_, body)| body);
        for bad in [
            "<script",
            "onerror",
            "onclick",
            "javascript:",
            "<iframe",
            "<form",
            "<style",
            "<svg",
        ] {
            assert!(!text.contains(bad), "{to} contains {bad}");
        }
        assert!(text.contains("姿勢"), "{to} lost the harmless text");
    }
}

/// An unreadable, binary or non-UTF-8 file: one line on stderr naming the file, exit code 2,
/// nothing written to the database.
#[test]
fn bad_files_are_refused_with_one_line() {
    let lib = library();
    for (file, reason) in [
        ("bad/binary.bin", "バイナリ"),
        ("bad/latin1.txt", "UTF-8"),
        ("bad/missing.md", "見つかりません"),
    ] {
        let path = data(file);
        let path = path.to_str().unwrap();
        for args in [
            vec!["stats", path],
            vec!["lint", path],
            vec!["export", path, "--to", "html"],
            vec!["import", path],
        ] {
            let output = podium(&args, &lib.db);
            assert_eq!(output.status.code(), Some(2), "{args:?}");
            let err = stderr(&output);
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(
                err.contains(path) && err.contains(reason),
                "{args:?}: {err}"
            );
            assert!(!err.contains("panicked"));
        }
    }
    assert!(
        !lib.db.exists(),
        "a refused import must not even create the database"
    );
}

#[test]
fn other_encodings_are_decoded() {
    let lib = library();
    for file in [
        "bad/sjis.txt",
        "bad/utf16le-bom.txt",
        "bad/crlf.md",
        "bad/empty.md",
    ] {
        let output = podium(&["stats", data(file).to_str().unwrap(), "--json"], &lib.db);
        assert!(output.status.success(), "{file}: {}", stderr(&output));
    }
}

#[test]
fn import_list_search_new_templates() {
    let lib = library();
    let address = data("address.md");
    let ceremony = data("ceremony.md");
    let imported = json(&podium(
        &[
            "import",
            address.to_str().unwrap(),
            ceremony.to_str().unwrap(),
            "--json",
        ],
        &lib.db,
    ));
    assert_eq!(imported.as_array().unwrap().len(), 2);
    assert_eq!(imported[0]["title"], "令和9年 年頭挨拶");

    let list = json(&podium(&["list", "--json"], &lib.db));
    assert_eq!(list.as_array().unwrap().len(), 2);
    // The library's figures are the app's: in morae with the dictionary, as `stats` times them.
    let stats = json(&podium(
        &["stats", address.to_str().unwrap(), "--json"],
        &lib.db,
    ));
    assert!(stats["morae"].as_u64().is_some(), "{stats}");
    let listed = list
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["title"] == "令和9年 年頭挨拶")
        .unwrap();
    let seconds = listed["seconds"].as_f64().unwrap();
    assert!(
        (seconds - stats["seconds"].as_f64().unwrap()).abs() < 0.06,
        "{listed} / {stats}"
    );

    // One and two characters find drafts too, not only the trigram index's three and more.
    for (query, expected) in [
        ("式", "二十歳"),
        ("共創", "年頭"),
        ("働き方", "年頭"),
        ("共創 大学", "年頭"),
    ] {
        let hits = json(&podium(&["search", query, "--json"], &lib.db));
        let titles: Vec<&str> = hits
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["title"].as_str().unwrap())
            .collect();
        assert!(
            titles.iter().any(|t| t.contains(expected)),
            "{query}: {titles:?}"
        );
    }
    let nothing = json(&podium(&["search", "存在しない言葉", "--json"], &lib.db));
    assert_eq!(nothing, serde_json::json!([]));
    let odd = podium(&["search", "\"*) OR (", "--json"], &lib.db);
    assert!(odd.status.success(), "{}", stderr(&odd));

    let templates = json(&podium(&["templates", "--json"], &lib.db));
    assert!(templates
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["id"] == "new-year"));
    let draft = json(&podium(
        &[
            "new",
            "--template",
            "new-year",
            "--event",
            "仕事始め式",
            "--speaker",
            "市長　山田太郎",
            "--city",
            "みなと市",
            "--date",
            "2027-01-04",
            "--json",
        ],
        &lib.db,
    ));
    let body = draft["body"].as_str().unwrap();
    assert!(body.starts_with("# 令和9年 年頭挨拶"), "{body}");
    assert!(body.contains("市長　山田太郎") && !body.contains("{{"));
    let list = json(&podium(&["list", "--json"], &lib.db));
    assert_eq!(list.as_array().unwrap().len(), 3);
    let unknown = podium(&["new", "--template", "無い"], &lib.db);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn db_flag_overrides_the_environment() {
    let lib = library();
    let other = lib.db.with_file_name("other.db");
    let output = podium(
        &[
            "import",
            data("ceremony.md").to_str().unwrap(),
            "--db",
            other.to_str().unwrap(),
        ],
        &lib.db,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(other.exists() && !lib.db.exists());
}

#[test]
fn with_the_dictionary_stats_count_morae_readings_print_katakana_and_lint_has_word_rules() {
    let lib = library();
    let text = "# 題\n\nあけましておめでとうございます。\n".as_bytes();
    let stats = json(&podium_with_stdin(
        &["stats", "-", "--json"],
        &lib.db,
        Some(text),
    ));
    assert_eq!(stats["morae"], 15, "{stats}");
    let readings = podium_with_stdin(&["readings", "-"], &lib.db, Some(text));
    assert!(readings.status.success(), "{}", stderr(&readings));
    assert_eq!(stdout(&readings), "アケマシテオメデトーゴザイマス。\n");
    let lint = json(&podium(
        &["lint", data("ceremony.md").to_str().unwrap(), "--json"],
        &lib.db,
    ));
    let rules: Vec<&str> = lint["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"repeated-particle"), "{rules:?}");
    assert!(rules.contains(&"furigana"), "{rules:?}");
}

/// Every command that prints, with its arguments, over a library of two drafts.
fn printing_commands(lib: &Library) -> Vec<Vec<String>> {
    let address = data("address.md").to_str().unwrap().to_owned();
    let ceremony = data("ceremony.md").to_str().unwrap().to_owned();
    let out = lib.db.with_file_name("out");
    let imported = podium(&["import", &address, &ceremony], &lib.db);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let commands: [&[&str]; 14] = [
        &["stats", &address],
        &["lint", &ceremony],
        &["lint", &ceremony, "--json"],
        &["readings", &address],
        &["export", &address, "--to", "html-doc"],
        &["import", &address],
        &["list"],
        &["list", "--json"],
        &["search", "市民"],
        &["new", "--template", "new-year"],
        &["templates"],
        &["doctor"],
        &["export-all", out.to_str().unwrap()],
        &["--help"],
    ];
    commands
        .iter()
        .map(|args| args.iter().map(|arg| arg.to_string()).collect())
        .collect()
}

fn run_printing_to(stdout: impl Fn() -> Stdio, lib: &Library) -> Vec<(String, Output)> {
    printing_commands(lib)
        .into_iter()
        .map(|args| {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let output = podium_printing_to(stdout(), &args, &lib.db, None);
            (args.join(" "), output)
        })
        .collect()
}

#[test]
fn a_reader_that_stops_reading_ends_every_command_quietly_with_0() {
    let lib = library();
    // A pipe whose reading end is closed before podium starts: every write fails with EPIPE,
    // as in `podium list | head -1` once head has its line.
    let closed_pipe = || {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        Stdio::from(writer)
    };
    for (command, output) in run_printing_to(closed_pipe, &lib) {
        let stderr = stderr(&output);
        assert_eq!(output.status.code(), Some(0), "{command}: {stderr}");
        assert!(
            !stderr.contains("panicked") && !stderr.contains("stdout"),
            "{command}: {stderr}"
        );
    }
}

#[test]
fn a_full_disk_under_stdout_is_one_line_and_exit_1() {
    let lib = library();
    let full = || Stdio::from(std::fs::File::create("/dev/full").unwrap());
    for (command, output) in run_printing_to(full, &lib) {
        let stderr = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{command}: {stderr}");
        let last = stderr.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("podium: 標準出力に書けません (cannot write to stdout: "),
            "{command}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{command}: {stderr}");
    }
}

#[test]
fn escape_sequences_from_a_crafted_database_never_reach_the_terminal() {
    let lib = library();
    let imported = podium(&["import", data("address.md").to_str().unwrap()], &lib.db);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let hostile = "危\u{1b}]0;pwned\u{7}険\u{1b}[2J\u{9b}31m\u{202e}な\t題\n名";
    rusqlite::Connection::open(&lib.db)
        .unwrap()
        .execute(
            "UPDATE drafts SET title = ?1, event = ?1, body = ?1",
            [hostile],
        )
        .unwrap();
    for args in [&["list"][..], &["search", "pwned"]] {
        let output = podium(args, &lib.db);
        let shown = stdout(&output);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        assert!(shown.contains('危'), "{args:?}: {shown:?}");
        assert!(
            !shown.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}']),
            "{args:?}: {shown:?}"
        );
        assert_eq!(shown.lines().count(), 1, "one line a draft: {shown:?}");
    }
    let json = json(&podium(&["list", "--json"], &lib.db));
    assert_eq!(
        json[0]["title"], hostile,
        "JSON escapes, and keeps, every character"
    );
}

/// A file someone else owns, and a link to it planted in `folder` under `name`.
#[cfg(unix)]
fn plant_link(folder: &Path, name: &str) -> PathBuf {
    let victim = folder.join(format!("victim-of-{name}"));
    std::fs::write(&victim, "大事なファイル").unwrap();
    std::os::unix::fs::symlink(&victim, folder.join(name)).unwrap();
    victim
}

#[cfg(unix)]
#[test]
fn writes_never_follow_a_link_planted_in_the_folder() {
    let lib = library();
    let folder = lib.db.parent().unwrap().join("out");
    std::fs::create_dir(&folder).unwrap();
    let address = data("address.md");
    let address = address.to_str().unwrap();

    // `export -o`: the temporary names it used to write through.
    let victims =
        [".挨拶.html.podium-tmp", ".挨拶.html.1.podium-tmp"].map(|name| plant_link(&folder, name));
    let target = folder.join("挨拶.html");
    let export = podium(
        &[
            "export",
            address,
            "--to",
            "html",
            "-o",
            target.to_str().unwrap(),
        ],
        &lib.db,
    );
    assert!(export.status.success(), "{}", stderr(&export));
    assert!(std::fs::read_to_string(&target).unwrap().contains("<p>"));

    // `export-all`: a link where a draft's file would go.
    let imported = podium(&["import", address], &lib.db);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let taken = plant_link(&folder, "令和9年 年頭挨拶.md");
    let all = podium(&["export-all", folder.to_str().unwrap()], &lib.db);
    assert!(all.status.success(), "{}", stderr(&all));
    assert!(
        stdout(&all).contains("令和9年 年頭挨拶 (2).md"),
        "{}",
        stdout(&all)
    );

    // `doctor --backup`: the name the day's copy used to be written under first.
    let backups = lib.db.parent().unwrap().join("backups");
    std::fs::create_dir(&backups).unwrap();
    let today = time::OffsetDateTime::now_utc().date();
    let partial = victims_for_backup(&backups, today);
    let doctor = podium(&["doctor", "--backup"], &lib.db);
    assert!(doctor.status.success(), "{}", stderr(&doctor));

    for victim in victims.iter().chain([&taken]).chain(&partial) {
        assert_eq!(
            std::fs::read_to_string(victim).unwrap(),
            "大事なファイル",
            "{}",
            victim.display()
        );
    }
}

/// Links at `.podium-DATE.db.partial` for the days around `today` (local time may differ).
#[cfg(unix)]
fn victims_for_backup(backups: &Path, today: time::Date) -> Vec<PathBuf> {
    [today.previous_day(), Some(today), today.next_day()]
        .into_iter()
        .flatten()
        .map(|day| plant_link(backups, &format!(".podium-{day}.db.partial")))
        .collect()
}

#[test]
fn doctor_recover_repairs_an_index_that_disagrees_with_its_table() {
    let lib = library();
    let imported = podium(&["import", data("address.md").to_str().unwrap()], &lib.db);
    assert!(imported.status.success(), "{}", stderr(&imported));
    podium::store::testing::damage_an_index(&lib.db);

    let found = podium(&["doctor"], &lib.db);
    assert_eq!(found.status.code(), Some(1), "{}", stderr(&found));
    assert!(stderr(&found).contains("--recover"), "{}", stderr(&found));

    let repaired = podium(&["doctor", "--recover"], &lib.db);
    assert_eq!(repaired.status.code(), Some(0), "{}", stderr(&repaired));
    assert!(
        stdout(&repaired).contains("索引を作り直しました"),
        "{}",
        stdout(&repaired)
    );
    assert!(
        stdout(&repaired).contains("(sound; 1 drafts)"),
        "{}",
        stdout(&repaired)
    );

    let checked = podium(&["doctor"], &lib.db);
    assert_eq!(checked.status.code(), Some(0), "{}", stderr(&checked));
    let list = json(&podium(&["list", "--json"], &lib.db));
    assert_eq!(list[0]["title"], "令和9年 年頭挨拶");
}
