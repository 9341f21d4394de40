//! The CLI: what reaches stdout: a reader that stops, a full disk, escape sequences from a crafted database.

use super::*;

/// Every command that prints, with its arguments, over a library of two drafts.
fn printing_commands(lib: &Library) -> Vec<Vec<String>> {
    let address = data("address.md").to_str().unwrap().to_owned();
    let ceremony = data("ceremony.md").to_str().unwrap().to_owned();
    let out = lib.db.with_file_name("out");
    let imported = podium(&["import", &address, &ceremony], &lib.db);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let commands: [&[&str]; 14] = [
        &["stats", &address],
        &["lint", &address],
        &["lint", &address, "--json"],
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

#[cfg(target_os = "linux")] // /dev/full is the full disk
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
