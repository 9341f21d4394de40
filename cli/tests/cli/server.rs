//! The CLI and the app on one library on a real PostgreSQL server (started by the tests).

use super::*;
use podium::store::testing::postgres_library;
use podium::store::RevisionKind;
use podium_app::{library, wire, App, ErrorCode, Location};

/// `podium` on the library at `address` (`--db`), as the user `author`.
fn podium_on_server(args: &[&str], address: &str, author: &str) -> Output {
    let mut args = args.to_vec();
    args.extend(["--db", address]);
    Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(&args)
        .env("USER", author)
        .env("PODIUM_LOCAL_SETTINGS", "/nonexistent/local.json")
        .env(
            "XDG_CACHE_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache"),
        )
        .stdin(Stdio::null())
        .output()
        .expect("podium runs")
}

#[test]
fn the_cli_and_two_app_instances_share_one_draft_on_a_server() {
    let address = postgres_library();
    // The secretary makes the draft from a template with the CLI.
    let made = json(&podium_on_server(
        &[
            "new",
            "--template",
            "new-year",
            "--city",
            "南知多町",
            "--json",
        ],
        &address,
        "hisho",
    ));
    let id = made["id"].as_i64().unwrap();

    // Two writers open it in the app, each on their own PC (their own connection).
    let writer = App::open(Location::Server(address.clone())).with_author("佐藤".into());
    let checker = App::open(Location::Server(address.clone())).with_author("鈴木".into());
    let seen = library::get_draft(&writer, id).unwrap();
    assert!(seen.body.contains("南知多町"), "{}", seen.body);
    let base = seen.revision;
    let checked = format!("{}\n確認済み。", seen.body);
    library::save_draft(
        &checker,
        id,
        checked.clone(),
        base,
        wire::SaveKind::Autosave,
    )
    .unwrap();
    // The writer's save on the same revision is a conflict, its text kept in the history.
    let stale = format!("{}\n書き手の加筆。", seen.body);
    let conflict =
        library::save_draft(&writer, id, stale, base, wire::SaveKind::Autosave).unwrap_err();
    assert_eq!(conflict.code, ErrorCode::Conflict);
    let history = library::list_revisions(&writer, id).unwrap();
    let authors: Vec<(&str, RevisionKind)> = history
        .iter()
        .map(|rev| (rev.author.as_str(), rev.kind))
        .collect();
    assert_eq!(
        authors,
        [
            ("佐藤", RevisionKind::Conflict),
            ("鈴木", RevisionKind::Autosave),
            ("hisho", RevisionKind::Create),
        ]
    );

    // The CLI sees the checker's text: search finds it from one character on, and lists it.
    let hits = json(&podium_on_server(
        &["search", "確認済", "--json"],
        &address,
        "kouhou",
    ));
    assert_eq!(hits[0]["draft_id"], id);
    let listed = json(&podium_on_server(&["list", "--json"], &address, "kouhou"));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    // A server's library is backed up by the server's tools, not `doctor`.
    let doctor = podium_on_server(&["doctor"], &address, "kouhou");
    assert_eq!(doctor.status.code(), Some(2), "{}", stderr(&doctor));
    assert!(stderr(&doctor).contains("not available for a library on a server"));
}

#[test]
fn a_server_that_is_down_is_a_clear_runtime_error_that_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let address = format!("postgres://hisho:secret@127.0.0.1:{port}/podium");
    let output = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["list", "--db", &address])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("データベースサーバーに接続できません"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("secret"),
        "the password is never shown: {stderr}"
    );
    assert!(stderr.contains("hisho:***@"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn migrate_moves_a_one_pc_library_to_the_server_once() {
    let one_pc = library();
    let made = podium(&["new", "--template", "new-year", "--json"], &one_pc.db);
    let title = json(&made)["title"].clone();
    let address = postgres_library();
    let from = one_pc.db.to_str().unwrap();
    let migrate = |expect: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_podium"))
            .args(["migrate", "--from", from, "--to", &address])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        let said = stdout(&output);
        assert!(said.contains(expect), "{said}");
    };
    migrate("1 drafts with 1 revisions; 0 moved before");
    migrate("0 drafts with 0 revisions; 1 moved before");
    let listed = json(&podium_on_server(&["list", "--json"], &address, "kouhou"));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["title"], title);
}
