//! Pathological inputs against the release CLI (`make bench-pathological`, part of `make bench`).
//!
//! Issue 18, item 3: every input the CLI accepts (up to 2 MiB, `podium::input`) is handled in
//! linear time and bounded memory. Budget on the 2-core development machine: **≤ 5 s and
//! ≤ 500 MB** per command for every input under the limit.
//!
//! Each input below is generated at a few sizes (default ½ MiB, 1 MiB and just under the limit,
//! to show how it scales) and each CLI command is run on it as a child process of
//! `/usr/bin/time` (GNU time: wall time, CPU time — on a shared machine the wall time also
//! counts the others' work — and the child's peak RSS), with a time limit and a
//! limit on address space so that a regression shows as `timeout` or `memory` instead of
//! hanging the machine. Nothing is asserted: the figures are printed, rows over budget are
//! marked `!`.
//!
//! Settings (environment):
//! - `PATHOLOGICAL_SIZES`: sizes in MiB, comma-separated (any size at or over the limit means
//!   just under it); default `0.5,1,2`.
//! - `PATHOLOGICAL_ONLY`: run only the inputs whose name contains one of these
//!   (comma-separated); `PATHOLOGICAL_COMMANDS` likewise for the commands.
//! - `PATHOLOGICAL_TIMEOUT`: seconds before a run is killed (default 60).
//! - `PATHOLOGICAL_MEMORY_MB`: address-space limit of a run (default 8192).
//! - `PATHOLOGICAL_CSV`: also write the rows to this file.
//! - `PODIUM_BIN`: the binary to measure (default: the one cargo built for this bench).
//!
//! The dictionary is built (once) into the usual cache folder (`XDG_CACHE_HOME`) before the
//! first timed run.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

#[path = "pathological/inputs.rs"]
mod inputs;

use inputs::INPUTS;

const MIB: usize = 1024 * 1024;
/// Largest accepted input (`podium::input::MAX_DRAFT_BYTES`); the biggest size stays under it.
const LIMIT: usize = podium::input::MAX_DRAFT_BYTES;
const BUDGET_SECONDS: f64 = 5.0;
const BUDGET_MB: f64 = 500.0;

const COMMANDS: &[(&str, &[&str])] = &[
    ("stats", &["stats"]),
    ("stats-chars", &["stats", "--chars-only"]),
    ("lint-json", &["lint", "--json"]),
    ("readings", &["readings"]),
    ("export-html", &["export", "--to", "html"]),
    ("export-blog", &["export", "--to", "blog"]),
    ("import", &["import"]),
];

/// One measured run.
struct Row {
    input: &'static str,
    bytes: usize,
    command: &'static str,
    seconds: f64,
    /// User and system seconds, when GNU time reported them.
    cpu: Option<f64>,
    /// Peak RSS in MB, when GNU time reported it.
    mb: Option<f64>,
    status: String,
}

impl Row {
    fn over(&self) -> bool {
        self.seconds > BUDGET_SECONDS
            || self.mb.is_some_and(|mb| mb > BUDGET_MB)
            || self.status != "ok"
    }

    /// Over budget with the CPU time in place of the wall time (on a shared machine).
    fn over_in_cpu(&self) -> bool {
        self.cpu.unwrap_or(self.seconds) > BUDGET_SECONDS
            || self.mb.is_some_and(|mb| mb > BUDGET_MB)
            || self.status != "ok"
    }
}

fn env_list(name: &str) -> Option<Vec<String>> {
    std::env::var(name)
        .ok()
        .filter(|v| !v.trim().is_empty())
        .map(|v| {
            v.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
}

fn env_number(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // `cargo bench` passes `--bench`; a filter like cargo's would be the first free argument.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let binary = std::env::var_os("PODIUM_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_podium")));
    let sizes: Vec<usize> = env_list("PATHOLOGICAL_SIZES")
        .unwrap_or_else(|| vec!["0.5".into(), "1".into(), "2".into()])
        .iter()
        .filter_map(|s| s.parse::<f64>().ok())
        .map(|mib| ((mib * MIB as f64) as usize).min(LIMIT - 4096))
        .collect();
    let only = env_list("PATHOLOGICAL_ONLY");
    let commands_only = env_list("PATHOLOGICAL_COMMANDS");
    let timeout = env_number("PATHOLOGICAL_TIMEOUT", 60.0);
    let memory_mb = env_number("PATHOLOGICAL_MEMORY_MB", 8192.0);
    let gnu_time = Path::new("/usr/bin/time").is_file();

    let work = tempfile::tempdir().expect("a temporary folder");
    let db_missing = work.path().join("no-database.db");
    println!(
        "pathological inputs: {} (sizes {}, time limit {timeout} s, budget ≤ {BUDGET_SECONDS} s and ≤ {BUDGET_MB} MB)",
        binary.display(),
        sizes.iter().map(|s| human(*s)).collect::<Vec<_>>().join(", ")
    );
    if !gnu_time {
        println!("/usr/bin/time is missing (apt-get install time): peak memory is not measured");
    }
    warm_up(&binary, work.path(), &db_missing);

    let selected = |name: &str, list: &Option<Vec<String>>| {
        list.as_ref()
            .is_none_or(|l| l.iter().any(|s| name.contains(s.as_str())))
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut csv = std::env::var_os("PATHOLOGICAL_CSV").map(|path| {
        let mut file = fs::File::create(path).expect("the CSV file");
        let _ = writeln!(
            file,
            "input,bytes,command,seconds,cpu_seconds,peak_mb,status"
        );
        file
    });
    for &(name, what, generate) in INPUTS {
        if !selected(name, &only)
            || !(filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str())))
        {
            continue;
        }
        for &size in &sizes {
            let text = generate(size);
            assert!(text.len() <= LIMIT, "{name} is over the limit");
            let file = work.path().join(format!("{name}.md"));
            fs::write(&file, &text).expect("the input file");
            println!("\n{name} ({what}): {} bytes", text.len());
            drop(text);
            for &(command, args) in COMMANDS {
                if !selected(command, &commands_only) {
                    continue;
                }
                let db = work.path().join("import.db");
                let _ = fs::remove_file(&db);
                let mut arguments: Vec<String> = args.iter().map(|a| a.to_string()).collect();
                arguments.push(file.display().to_string());
                if command == "import" {
                    arguments.push("--db".into());
                    arguments.push(db.display().to_string());
                }
                let row = measure(
                    &binary,
                    &arguments,
                    &db_missing,
                    work.path(),
                    timeout,
                    memory_mb,
                    gnu_time,
                );
                let row = Row {
                    input: name,
                    bytes: fs::metadata(&file).map_or(0, |m| m.len() as usize),
                    command,
                    ..row
                };
                println!("  {}", format_row(&row));
                if let Some(csv) = &mut csv {
                    let _ = writeln!(
                        csv,
                        "{},{},{},{:.2},{},{},{}",
                        row.input,
                        row.bytes,
                        row.command,
                        row.seconds,
                        row.cpu.map_or(String::new(), |s| format!("{s:.2}")),
                        row.mb.map_or(String::new(), |mb| format!("{mb:.0}")),
                        row.status
                    );
                }
                let _ = fs::remove_file(&db);
                rows.push(row);
            }
            let _ = fs::remove_file(&file);
        }
    }
    print_table(&rows);
}

/// Build the dictionary cache, if it is not there yet, before anything is timed.
fn warm_up(binary: &Path, work: &Path, db_missing: &Path) {
    let file = work.join("warm-up.md");
    fs::write(&file, "# 題\n\n本日は晴天です。\n").expect("the warm-up file");
    let started = Instant::now();
    let status = Command::new(binary)
        .args(["readings", &file.display().to_string()])
        .env("PODIUM_DB", db_missing)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    println!(
        "warm-up (dictionary cache): {:.1} s, {}",
        started.elapsed().as_secs_f64(),
        match status {
            Ok(s) if s.success() => "ok".to_string(),
            Ok(s) => format!("{s} — `readings` needs mecab-ipadic"),
            Err(e) => format!("cannot run: {e}"),
        }
    );
}

/// Run one command under GNU time, `timeout` and `prlimit`.
fn measure(
    binary: &Path,
    arguments: &[String],
    db_missing: &Path,
    work: &Path,
    timeout: f64,
    memory_mb: f64,
    gnu_time: bool,
) -> Row {
    let report = work.join("time.txt");
    let _ = fs::remove_file(&report);
    let mut command = if gnu_time {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f").arg("%e %U %S %M").arg("-o").arg(&report);
        c.arg("timeout");
        c
    } else {
        Command::new("timeout")
    };
    command
        // TERM, not KILL: `timeout` sends KILL to its own process group too, and dies
        // before GNU time can read the child's peak memory.
        .args(["-s", "TERM", "-k", "5", &format!("{timeout}")])
        .arg("prlimit")
        .arg(format!("--as={}", (memory_mb * 1024.0 * 1024.0) as u64))
        .arg(binary)
        .args(arguments)
        .env("PODIUM_DB", db_missing)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let output = command.output();
    let wall = started.elapsed().as_secs_f64();
    let (code, stderr) = match &output {
        Ok(o) => (
            o.status.code(),
            String::from_utf8_lossy(&o.stderr).to_string(),
        ),
        Err(e) => (None, e.to_string()),
    };
    // Wall seconds, user and system seconds (the machine may be shared: the wall time is
    // what a person waits, the CPU time what the command costs), peak RSS in KB.
    let figures: Vec<f64> = fs::read_to_string(&report)
        .ok()
        .and_then(|text| text.lines().last().map(str::to_string))
        .map(|last| {
            last.split_whitespace()
                .filter_map(|f| f.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let mb = figures.get(3).map(|kb| kb / 1024.0);
    let cpu = figures.get(1).zip(figures.get(2)).map(|(u, s)| u + s);
    let status = match code {
        Some(0) => "ok".to_string(),
        // `timeout` exits with 124 (137 when the child needed KILL); an allocation refused
        // under prlimit aborts (134).
        Some(124) => "timeout".to_string(),
        Some(137) if wall >= timeout - 0.5 => "timeout".to_string(),
        Some(134) | Some(137) => "memory".to_string(),
        Some(code) => {
            let reason = stderr
                .lines()
                .last()
                .unwrap_or("")
                .chars()
                .take(60)
                .collect::<String>();
            format!("exit {code}: {reason}")
        }
        None => format!("failed: {}", stderr.chars().take(60).collect::<String>()),
    };
    Row {
        input: "",
        bytes: 0,
        command: "",
        seconds: wall,
        cpu,
        mb,
        status,
    }
}

fn format_row(row: &Row) -> String {
    format!(
        "{} {:<14} {:>9} {:<12} {:>8.2} s (cpu {:>6}) {:>8} MB  {}",
        if row.over() { "!" } else { " " },
        row.input,
        human(row.bytes),
        row.command,
        row.seconds,
        row.cpu.map_or("?".to_string(), |s| format!("{s:.2}")),
        row.mb.map_or("?".to_string(), |mb| format!("{mb:.0}")),
        row.status
    )
}

fn human(bytes: usize) -> String {
    if bytes >= MIB {
        format!("{:.1}MiB", bytes as f64 / MIB as f64)
    } else {
        format!("{}KiB", bytes / 1024)
    }
}

/// The final table: one line per input and size, seconds / MB per command.
fn print_table(rows: &[Row]) {
    let mut commands: Vec<&str> = Vec::new();
    for row in rows {
        if !commands.contains(&row.command) {
            commands.push(row.command);
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nsummary: seconds / peak MB per command (! over {BUDGET_SECONDS} s or {BUDGET_MB} MB, T timeout, M out of memory, E error)"
    );
    let _ = write!(out, "{:<14} {:>9}", "input", "size");
    for command in &commands {
        let _ = write!(out, " {command:>14}");
    }
    out.push('\n');
    let mut keys: Vec<(&str, usize)> = Vec::new();
    for row in rows {
        if !keys.contains(&(row.input, row.bytes)) {
            keys.push((row.input, row.bytes));
        }
    }
    for (input, bytes) in keys {
        let _ = write!(out, "{input:<14} {:>9}", human(bytes));
        for command in &commands {
            let cell = rows
                .iter()
                .find(|r| r.input == input && r.bytes == bytes && r.command == *command)
                .map_or(String::from("-"), |r| {
                    let mark = match r.status.as_str() {
                        "ok" if r.over() => "!",
                        "ok" => "",
                        "timeout" => "T",
                        "memory" => "M",
                        _ => "E",
                    };
                    format!(
                        "{mark}{:.1}/{}",
                        r.seconds,
                        r.mb.map_or("?".to_string(), |mb| format!("{mb:.0}"))
                    )
                });
            let _ = write!(out, " {cell:>14}");
        }
        out.push('\n');
    }
    let over = rows.iter().filter(|r| r.over()).count();
    let _ = writeln!(out, "{over} of {} runs over budget", rows.len());
    let over_in_cpu = rows.iter().filter(|r| r.over_in_cpu()).count();
    let _ = writeln!(
        out,
        "{over_in_cpu} of {} over budget in CPU time (user + system) and memory",
        rows.len()
    );
    print!("{out}");
}
