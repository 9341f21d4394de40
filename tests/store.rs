//! The store against real database files (in temporary directories, never the user's data).

use podium::store::{
    default_db_path, Draft, DraftEdit, DraftStats, Item, RevisionKind, SaveKind, Store, StoreError,
    DB_ENV,
};
use std::path::{Path, PathBuf};
use std::time::Duration as StdDuration;
use time::macros::{date, datetime};
use time::{Duration, OffsetDateTime};

const T0: OffsetDateTime = datetime!(2026-01-05 09:00 UTC);

fn at(minutes: i64) -> OffsetDateTime {
    T0 + Duration::minutes(minutes)
}

fn edit(title: &str, body: &str) -> DraftEdit {
    let chars = body.chars().count();
    let stats = DraftStats {
        chars: u32::try_from(chars).unwrap(),
        seconds: chars as f64 / 5.0,
    };
    DraftEdit {
        title: title.into(),
        body: body.into(),
        stats,
        ..DraftEdit::default()
    }
}

/// An autosave of a draft titled 挨拶.
fn autosave(
    store: &mut Store,
    id: i64,
    body: &str,
    base: u32,
    minute: i64,
) -> Result<Draft, StoreError> {
    store.save_draft(
        id,
        &edit("挨拶", body),
        base,
        SaveKind::Autosave,
        at(minute),
    )
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data").join("podium.db");
    (dir, path)
}

fn raw(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}

#[test]
fn fresh_file_is_migrated_in_wal_mode_and_reopens_with_its_data() {
    let (_dir, path) = temp_db();
    let id = {
        let mut store = Store::open(&path).unwrap();
        store
            .create_draft(&edit("年頭挨拶", "本文"), T0)
            .unwrap()
            .id
    };
    let conn = raw(&path);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!((mode.as_str(), version), ("wal", 7));
    drop(conn);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.draft(id).unwrap().body, "本文");
}

#[test]
fn default_path_honours_the_environment() {
    // The only test that touches the environment; it opens nothing.
    std::env::set_var(DB_ENV, "/srv/podium/test.db");
    assert_eq!(
        default_db_path(),
        Some(PathBuf::from("/srv/podium/test.db"))
    );
    std::env::remove_var(DB_ENV);
    if let Some(path) = default_db_path() {
        assert!(path.ends_with("podium/podium.db"), "{path:?}");
    }
}

#[test]
fn drafts_are_created_listed_saved_renamed_duplicated_deleted_and_restored() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let mut entrance = edit(
        "入庁式 訓示",
        "新規採用職員の皆さん、入庁おめでとうございます。",
    );
    entrance.event = "入庁式".into();
    entrance.event_date = Some(date!(2026 - 04 - 01));
    entrance.target_seconds = Some(420);
    let entrance = store.create_draft(&entrance, at(0)).unwrap();
    let new_year = store
        .create_draft(&edit("年頭挨拶", "明けまして"), at(1))
        .unwrap();
    assert_eq!(entrance.revision, 1);
    assert_eq!(entrance.event_date, Some(date!(2026 - 04 - 01)));

    let ids =
        |store: &Store| -> Vec<i64> { store.list_drafts().unwrap().iter().map(|d| d.id).collect() };
    assert_eq!(ids(&store), [new_year.id, entrance.id]);

    let mut changed = edit("入庁式 訓示", "皆さん、ようこそ。");
    changed.event = "入庁式".into();
    let saved = store
        .save_draft(entrance.id, &changed, 1, SaveKind::Autosave, at(2))
        .unwrap();
    assert_eq!((saved.revision, saved.updated_at), (2, at(2)));
    assert_eq!(saved.event_date, None);
    let list = store.list_drafts().unwrap();
    assert_eq!(list[0].id, entrance.id, "the saved draft moves to the top");
    assert_eq!((list[0].chars, list[0].seconds), (9, 1.8));

    let renamed = store
        .rename_draft(entrance.id, "令和8年度 入庁式", at(3))
        .unwrap();
    assert_eq!(
        (renamed.title.as_str(), renamed.revision),
        ("令和8年度 入庁式", 3)
    );

    let copy = store
        .duplicate_draft(entrance.id, "入庁式（コピー）", at(4))
        .unwrap();
    assert_ne!(copy.id, entrance.id);
    assert_eq!(
        (copy.body.as_str(), copy.event.as_str()),
        ("皆さん、ようこそ。", "入庁式")
    );
    assert_eq!(store.revisions(copy.id).unwrap().len(), 1);

    store.delete_draft(entrance.id, at(5)).unwrap();
    assert_eq!(ids(&store), [copy.id, new_year.id]);
    assert_eq!(store.draft(entrance.id).unwrap().deleted_at, Some(at(5)));
    store.restore_draft(entrance.id).unwrap();
    assert_eq!(ids(&store), [copy.id, entrance.id, new_year.id]);

    store.delete_draft(entrance.id, at(6)).unwrap();
    store.delete_draft(new_year.id, at(8)).unwrap();
    assert_eq!(store.purge_deleted(at(7)).unwrap(), 1);
    assert!(matches!(
        store.draft(entrance.id),
        Err(StoreError::NotFound(Item::Draft(id))) if id == entrance.id
    ));
    assert!(matches!(
        store.revisions(entrance.id),
        Err(StoreError::NotFound(_))
    ));
    let orphans: i64 = raw(&path)
        .query_row(
            "SELECT count(*) FROM revisions WHERE draft_id = ?1",
            [entrance.id],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "purging removes the history too");
    assert!(store.draft(new_year.id).unwrap().deleted_at.is_some());
    assert!(matches!(
        store.delete_draft(9999, at(9)),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn history_is_append_only_with_coalesced_autosaves() {
    let mut store = Store::open_in_memory().unwrap();
    let draft = store.create_draft(&edit("挨拶", "一"), at(0)).unwrap();
    let saves = [
        ("一二", SaveKind::Autosave, 1),
        ("一二三", SaveKind::Autosave, 3), // joins the autosave of minute 1
        ("一二三四", SaveKind::Named(Some("初稿".into())), 4),
        ("一二三四五", SaveKind::Autosave, 5),
        ("一二三四五六", SaveKind::Autosave, 11), // the window has passed: a new revision
    ];
    let mut revision = draft.revision;
    for (body, kind, minute) in saves {
        revision = store
            .save_draft(draft.id, &edit("挨拶", body), revision, kind, at(minute))
            .unwrap()
            .revision;
    }
    assert_eq!(revision, 6);
    let history: Vec<_> = store
        .revisions(draft.id)
        .unwrap()
        .into_iter()
        .rev()
        .map(|rev| {
            let body = store.revision(rev.id).unwrap().body;
            (rev.number, rev.kind, body, rev.name)
        })
        .collect();
    let expected = [
        (1, RevisionKind::Create, "一", None),
        (2, RevisionKind::Autosave, "一二三", None),
        (3, RevisionKind::Named, "一二三四", Some("初稿")),
        (4, RevisionKind::Autosave, "一二三四五", None),
        (5, RevisionKind::Autosave, "一二三四五六", None),
    ]
    .map(|(n, kind, body, name)| (n, kind, body.to_string(), name.map(String::from)));
    assert_eq!(history, expected);
}

#[test]
fn a_stale_save_conflicts_and_keeps_the_losers_text() {
    let mut store = Store::open_in_memory().unwrap();
    let draft = store.create_draft(&edit("挨拶", "元の文"), at(0)).unwrap();
    // Two windows edit revision 1.
    autosave(&mut store, draft.id, "窓Aの文", 1, 1).unwrap();
    let err = autosave(&mut store, draft.id, "窓Bの文", 1, 2).unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("この下書きは別の場所で更新されていました"),
        "{message}"
    );
    assert!(
        message.contains("(the draft was changed elsewhere"),
        "{message}"
    );
    let StoreError::Conflict {
        current_revision,
        kept,
    } = err
    else {
        panic!("expected a conflict, got {err:?}");
    };
    assert_eq!(current_revision, 2);
    let loser = store.revision(kept).unwrap();
    assert_eq!(
        (loser.summary.kind, loser.body.as_str()),
        (RevisionKind::Conflict, "窓Bの文")
    );
    let current = store.draft(draft.id).unwrap();
    assert_eq!((current.body.as_str(), current.revision), ("窓Aの文", 2));

    // A rename also moves the draft on: a save based on the old revision cannot undo it.
    store.rename_draft(draft.id, "新しい題", at(3)).unwrap();
    let stale = autosave(&mut store, draft.id, "窓A", 2, 4).unwrap_err();
    assert!(matches!(
        stale,
        StoreError::Conflict {
            current_revision: 3,
            ..
        }
    ));
    assert_eq!(store.draft(draft.id).unwrap().title, "新しい題");
    let missing = autosave(&mut store, 4242, "", 1, 5).unwrap_err();
    assert!(matches!(missing, StoreError::NotFound(Item::Draft(4242))));
}

fn search_ids(store: &Store, query: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = store
        .search(query, 50)
        .unwrap()
        .iter()
        .map(|hit| hit.draft_id)
        .collect();
    ids.sort_unstable();
    ids
}

#[test]
fn search_finds_one_two_and_longer_japanese_words_and_all_of_several() {
    let mut store = Store::open_in_memory().unwrap();
    let mut create = |title: &str, event: &str, body: &str, minute| {
        let mut draft = edit(title, body);
        draft.event = event.into();
        store.create_draft(&draft, at(minute)).unwrap().id
    };
    let new_year = create(
        "年頭挨拶",
        "仕事始め",
        "市民の皆様との協働により、まちづくりを進めます。防災にも力を入れます。",
        0,
    );
    let entrance = create("訓示", "入庁式", "皆さんの入庁を歓迎します。", 1);
    let coming_of_age = create("成人の日", "", "新成人の皆さん、おめでとう。今日の式", 2);
    let disaster = create("防災訓練", "", "地域の協働で災害に備えます。", 3);
    let english = create("AI", "", "Podium で \"原稿\" を書く。50% * 2", 4);

    // One character, in the event, at the very end of a body, and in a title.
    assert_eq!(search_ids(&store, "式"), [entrance, coming_of_age]);
    assert_eq!(search_ids(&store, "災"), [new_year, disaster]);
    // Two characters.
    assert_eq!(search_ids(&store, "協働"), [new_year, disaster]);
    assert_eq!(search_ids(&store, "成人"), [coming_of_age]);
    // Three and more.
    assert_eq!(search_ids(&store, "まちづくり"), [new_year]);
    assert_eq!(search_ids(&store, "仕事始め"), [new_year]);
    // Several words: all must match, whatever their lengths; ideographic space too.
    assert_eq!(search_ids(&store, "協働 防災"), [new_year, disaster]);
    assert_eq!(search_ids(&store, "協働\u{3000}まちづくり"), [new_year]);
    assert_eq!(search_ids(&store, "協働 式"), Vec::<i64>::new());
    // Case-insensitive, and punctuation is text.
    assert_eq!(search_ids(&store, "podium"), [english]);
    assert_eq!(search_ids(&store, "ai"), [english]);
    assert_eq!(search_ids(&store, "%"), [english]);
    assert_eq!(search_ids(&store, "\"原稿\""), [english]);
    assert!(search_ids(&store, "").is_empty());
    assert!(search_ids(&store, "鷺").is_empty());

    // Results: newest first, a snippet with the hit marked, at most `limit`.
    let hits = store.search("協働", 1).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].draft_id, disaster);
    assert_eq!(hits[0].title, "防災訓練");
    let highlight = hits[0].highlight.clone().unwrap();
    assert_eq!(&hits[0].snippet[highlight], "協働");
}

#[test]
fn search_follows_edits_renames_and_deletions() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .create_draft(&edit("挨拶", "式典の協働"), at(0))
        .unwrap()
        .id;
    autosave(&mut store, id, "新年の抱負", 1, 1).unwrap();
    for gone in ["式", "協働", "式典の"] {
        assert!(
            search_ids(&store, gone).is_empty(),
            "{gone} is no longer in the draft"
        );
    }
    assert_eq!(search_ids(&store, "抱負"), [id]);
    assert_eq!(search_ids(&store, "新年の抱負"), [id]);

    store.rename_draft(id, "成人式の祝辞", at(2)).unwrap();
    assert_eq!(search_ids(&store, "祝辞"), [id]);
    assert!(search_ids(&store, "挨拶").is_empty());

    let older = store.revisions(id).unwrap().last().unwrap().id;
    store.restore_revision(older, at(3)).unwrap();
    assert_eq!(search_ids(&store, "協働"), [id]);

    store.delete_draft(id, at(4)).unwrap();
    assert!(search_ids(&store, "協働").is_empty());
    assert!(search_ids(&store, "式典の協働").is_empty());
    store.restore_draft(id).unwrap();
    assert_eq!(search_ids(&store, "協働"), [id]);
    store.delete_draft(id, at(5)).unwrap();
    store.purge_deleted(at(5)).unwrap();
    store.create_draft(&edit("別", "無関係"), at(6)).unwrap();
    assert!(search_ids(&store, "協働").is_empty());
}

const HOSTILE_TEXT: &str = "a\"b*c AND (d) NEAR e-f ^g h:i '; DROP TABLE drafts; --";

#[rustfmt::skip]
const HOSTILE: &[&str] = &[
    "\"", "\"\"", "*", "**", "AND", "OR", "NOT", "NEAR", "NEAR(", "(", ")", "-", "^", ":", "'",
    "'; DROP TABLE drafts; --", "a\"b*", "title:式", "\"unterminated", "{}", "\\", "\u{0}",
    "式 OR 典", "NEAR(a b, 2)", "-式", "+", "%", "_", "\u{200B}", "\u{FEFF}式", "式\u{200D}",
];

#[test]
fn hostile_queries_are_text_not_syntax() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .create_draft(&edit("記号", HOSTILE_TEXT), at(0))
        .unwrap()
        .id;
    for query in HOSTILE {
        if let Err(err) = store.search(query, 10) {
            panic!("{query:?} failed: {err}");
        }
    }
    assert_eq!(search_ids(&store, "AND"), [id]);
    assert_eq!(search_ids(&store, "*"), [id]);
    assert_eq!(search_ids(&store, "\""), [id]);
    assert_eq!(search_ids(&store, "'; DROP TABLE drafts; --"), [id]);
    assert_eq!(store.list_drafts().unwrap().len(), 1);
}

#[cfg(unix)]
mod read_only {
    use super::*;

    /// Makes a file unwritable, even for root (whose permission checks always pass): then only
    /// the immutable attribute helps. Undone on drop.
    struct Unwritable<'a>(&'a Path, bool);

    fn chattr(flag: &str, path: &Path) -> bool {
        let status = std::process::Command::new("chattr")
            .arg(flag)
            .arg(path)
            .status();
        status.is_ok_and(|status| status.success())
    }

    impl<'a> Unwritable<'a> {
        fn new(path: &'a Path) -> Option<Self> {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444)).ok()?;
            if std::fs::OpenOptions::new().write(true).open(path).is_err() {
                return Some(Unwritable(path, false));
            }
            chattr("+i", path).then_some(Unwritable(path, true))
        }
    }

    impl Drop for Unwritable<'_> {
        fn drop(&mut self) {
            if self.1 {
                chattr("-i", self.0);
            }
        }
    }

    #[test]
    fn a_read_only_file_can_be_read_but_writes_give_read_only() {
        let (_dir, path) = temp_db();
        let id = {
            let mut store = Store::open(&path).unwrap();
            store.create_draft(&edit("挨拶", "本文"), T0).unwrap().id
        };
        let Some(_guard) = Unwritable::new(&path) else {
            eprintln!("skipped: cannot make a file unwritable here");
            return;
        };
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.draft(id).unwrap().body, "本文");
        let err = store.create_draft(&edit("新規", ""), T0).unwrap_err();
        assert!(matches!(err, StoreError::ReadOnly), "{err:?}");
        assert_eq!(
            err.to_string(),
            "データベースに書き込めません (database is read-only)"
        );
    }
}

#[test]
fn a_file_that_is_not_a_database_gives_corrupt() {
    let (_dir, path) = temp_db();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let garbage = "これはデータベースではありません。".repeat(200);
    std::fs::write(&path, &garbage).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt), "{err:?}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        garbage,
        "left untouched"
    );
}

#[test]
fn a_locked_database_gives_busy_for_writes_and_still_reads() {
    let (_dir, path) = temp_db();
    let mut store = Store::open_with_timeout(&path, StdDuration::from_millis(100)).unwrap();
    let id = store.create_draft(&edit("挨拶", "本文"), T0).unwrap().id;
    let other = raw(&path);
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();

    let err = store.create_draft(&edit("新規", ""), T0).unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    assert!(err
        .to_string()
        .starts_with("データベースが他のプログラムに使われています"));
    let err = autosave(&mut store, id, "改", 1, 1).unwrap_err();
    assert!(matches!(err, StoreError::Busy));
    assert_eq!(
        store.draft(id).unwrap().revision,
        1,
        "WAL readers are not blocked"
    );

    other.execute_batch("ROLLBACK").unwrap();
    store.create_draft(&edit("新規", ""), T0).unwrap();
}

#[test]
fn a_database_from_a_newer_podium_gives_too_new() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).unwrap());
    raw(&path).pragma_update(None, "user_version", 99).unwrap();
    assert!(matches!(Store::open(&path), Err(StoreError::TooNew)));
}

#[test]
fn a_directory_cannot_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::CannotOpen)
    ));
}
