//! The server goes away mid-typing: typing goes on into this PC's journal, nothing is lost when
//! the app is killed meanwhile, and the journal is replayed when the server is back (a
//! conflict is a conflict). A real PostgreSQL server, stopped and started by the test.

use podium::store::testing::PostgresServer;
use podium::store::RevisionKind;
use podium_app::{journal, library, wire, App, ErrorCode, Location};
use std::path::Path;

fn app(address: &str, journal: &Path, author: &str) -> App {
    App::open(Location::Server(address.to_owned()))
        .with_author(author.to_owned())
        .with_journal(journal.to_owned())
}

fn new_draft(app: &App) -> wire::Draft {
    library::create_draft(
        app,
        wire::NewDraftValues {
            template_id: None,
            date: "2027-01-04".into(),
            event: String::new(),
            speaker: String::new(),
            city: String::new(),
        },
    )
    .expect("a draft is created")
}

#[test]
fn typing_goes_on_while_the_server_is_away_and_nothing_is_lost() {
    let server = PostgresServer::start();
    let address = server.library();
    let folder = tempfile::tempdir().unwrap();
    let journal_dir = folder.path().join("journal");
    let writer = app(&address, &journal_dir, "佐藤");
    let draft = new_draft(&writer);
    let saved = library::save_draft(
        &writer,
        draft.id,
        "# 年頭挨拶\n\n皆さん、".into(),
        draft.revision,
        wire::SaveKind::Autosave,
    )
    .unwrap();
    assert!(!saved.journaled);

    // The server goes away mid-typing: each save is kept on this PC, on the same base.
    server.stop();
    let mut base = saved.revision;
    for typed in [
        "# 年頭挨拶\n\n皆さん、明けまして",
        "# 年頭挨拶\n\n皆さん、明けましておめでとう。",
    ] {
        let kept = library::save_draft(
            &writer,
            draft.id,
            typed.into(),
            base,
            wire::SaveKind::Autosave,
        )
        .unwrap();
        assert!(kept.journaled, "{kept:?}");
        assert_eq!(
            (kept.revision, kept.title.as_str()),
            (saved.revision, "年頭挨拶")
        );
        base = kept.revision;
    }
    // The app is killed while offline; started again, still offline: nothing is lost.
    drop(writer);
    let again = app(&address, &journal_dir, "佐藤");
    podium_app::start(&again);
    let err = library::get_draft(&again, draft.id).unwrap_err();
    assert_eq!(err.code, ErrorCode::ServerUnreachable, "{err:?}");
    assert_eq!(library::replay_journal(&again).unwrap().waiting, 1);

    // The server is back: the journal is replayed, the text is on the server, under its author.
    server.restart();
    let replayed = library::replay_journal(&again).unwrap();
    assert_eq!((replayed.saved, replayed.waiting), (vec![draft.id], 0));
    let current = library::get_draft(&again, draft.id).unwrap();
    assert_eq!(current.body, "# 年頭挨拶\n\n皆さん、明けましておめでとう。");
    let history = library::list_revisions(&again, draft.id).unwrap();
    assert_eq!(history[0].author, "佐藤");
    assert!(library::replay_journal(&again).unwrap() == journal::Replayed::default());

    // Offline again, while someone else changes the draft on the server: the replay is a
    // conflict, the journaled text kept in the history.
    let checker = app(&address, &folder.path().join("checker"), "課長");
    server.stop();
    let kept = library::save_draft(
        &again,
        draft.id,
        "# 年頭挨拶\n\n書き手の加筆。".into(),
        current.revision,
        wire::SaveKind::Autosave,
    )
    .unwrap();
    assert!(kept.journaled);
    server.restart();
    library::save_draft(
        &checker,
        draft.id,
        "# 年頭挨拶\n\n課長の修正。".into(),
        current.revision,
        wire::SaveKind::Autosave,
    )
    .unwrap();
    let replayed = library::replay_journal(&again).unwrap();
    assert_eq!(replayed.conflicts, [draft.id]);
    let history = library::list_revisions(&again, draft.id).unwrap();
    assert_eq!(
        (history[0].kind, history[0].author.as_str()),
        (RevisionKind::Conflict, "佐藤")
    );
    let kept = library::get_revision(&again, history[0].id).unwrap();
    assert_eq!(kept.body, "# 年頭挨拶\n\n書き手の加筆。");
    assert_eq!(
        library::get_draft(&again, draft.id).unwrap().body,
        "# 年頭挨拶\n\n課長の修正。"
    );
}
