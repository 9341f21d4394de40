//! What the store does, the same on both databases: every test here runs once on a SQLite
//! file and once on a PostgreSQL server (`on_both!`).

use crate::{at, autosave, edit, Library};
use podium::rehearsal::SectionRun;
use podium::store::{Item, RevisionKind, SaveKind, Store, StoreError};
use podium::store::{ReadingEntry, TemplateEdit};
use time::macros::date;

on_both!(
    drafts_are_created_listed_saved_renamed_duplicated_deleted_and_restored,
    history_is_append_only_with_coalesced_autosaves,
    a_stale_save_conflicts_and_keeps_the_losers_text,
    search_finds_one_two_and_longer_japanese_words_and_all_of_several,
    search_follows_edits_renames_and_deletions,
    hostile_queries_are_text_not_syntax,
    two_writers_conflict_across_connections_and_each_revision_names_its_author,
    five_writers_racing_lose_no_update,
    templates_settings_readings_and_rehearsals_are_shared,
);

fn drafts_are_created_listed_saved_renamed_duplicated_deleted_and_restored(library: &Library) {
    let mut store = library.open();
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
    assert!(store.draft(new_year.id).unwrap().deleted_at.is_some());
    assert!(matches!(
        store.delete_draft(9999, at(9)),
        Err(StoreError::NotFound(_))
    ));
}

fn history_is_append_only_with_coalesced_autosaves(library: &Library) {
    let mut store = library.open();
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

fn a_stale_save_conflicts_and_keeps_the_losers_text(library: &Library) {
    let mut store = library.open();
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

fn search_finds_one_two_and_longer_japanese_words_and_all_of_several(library: &Library) {
    let mut store = library.open();
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

fn search_follows_edits_renames_and_deletions(library: &Library) {
    let mut store = library.open();
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

fn hostile_queries_are_text_not_syntax(library: &Library) {
    let mut store = library.open();
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

fn two_writers_conflict_across_connections_and_each_revision_names_its_author(library: &Library) {
    let mut writer = library.open();
    writer.set_author("佐藤");
    let mut checker = library.open();
    checker.set_author("鈴木");
    let draft = writer
        .create_draft(&edit("施政方針", "初稿"), at(0))
        .unwrap();

    // Both read revision 1; the checker saves first; the writer's save is a conflict whose
    // text is kept, under the writer's name.
    let base = checker.draft(draft.id).unwrap().revision;
    checker
        .save_draft(
            draft.id,
            &edit("施政方針", "確認済み"),
            base,
            SaveKind::Autosave,
            at(1),
        )
        .unwrap();
    let err = autosave(&mut writer, draft.id, "書き手の文", base, 2).unwrap_err();
    let StoreError::Conflict { kept, .. } = err else {
        panic!("expected a conflict, got {err:?}");
    };
    let kept = writer.revision(kept).unwrap();
    assert_eq!(
        (kept.body.as_str(), kept.summary.author.as_str()),
        ("書き手の文", "佐藤")
    );

    // The writer resolves it on top of the checker's revision.
    let current = writer.draft(draft.id).unwrap();
    assert_eq!(current.body, "確認済み");
    writer
        .save_draft(
            draft.id,
            &edit("施政方針", "確認済み＋加筆"),
            current.revision,
            SaveKind::Autosave,
            at(3),
        )
        .unwrap();
    let authors: Vec<(RevisionKind, String)> = checker
        .revisions(draft.id)
        .unwrap()
        .into_iter()
        .rev()
        .map(|rev| (rev.kind, rev.author))
        .collect();
    assert_eq!(
        authors,
        [
            (RevisionKind::Create, "佐藤".into()),
            (RevisionKind::Autosave, "鈴木".into()),
            (RevisionKind::Conflict, "佐藤".into()),
            // Not coalesced into the checker's autosave: another author.
            (RevisionKind::Autosave, "佐藤".into()),
        ]
    );
}

fn five_writers_racing_lose_no_update(library: &Library) {
    const WRITERS: usize = 5;
    const SAVES: usize = 8;
    let id = library
        .open()
        .create_draft(&edit("共同編集", ""), at(0))
        .unwrap()
        .id;
    std::thread::scope(|scope| {
        for writer in 0..WRITERS {
            let mut store = library.open();
            store.set_author(&format!("writer{writer}"));
            scope.spawn(move || {
                for save in 0..SAVES {
                    // Read, append a line, save; on a conflict read again and redo the edit,
                    // as a writer resolving it does. Nothing may be overwritten.
                    loop {
                        let draft = store.draft(id).unwrap();
                        let body = format!("{}{writer}-{save}\n", draft.body);
                        match store.save_draft(
                            id,
                            &edit("共同編集", &body),
                            draft.revision,
                            SaveKind::Named(None),
                            at(1),
                        ) {
                            Ok(_) => break,
                            Err(StoreError::Conflict { .. } | StoreError::Busy) => continue,
                            Err(err) => panic!("writer {writer}: {err}"),
                        }
                    }
                }
            });
        }
    });
    let store = library.open();
    let body = store.draft(id).unwrap().body;
    for writer in 0..WRITERS {
        for save in 0..SAVES {
            let line = format!("{writer}-{save}");
            assert!(body.lines().any(|l| l == line), "{line} was lost:\n{body}");
        }
    }
    assert_eq!(body.lines().count(), WRITERS * SAVES);
    let named = store
        .revisions(id)
        .unwrap()
        .iter()
        .filter(|rev| rev.kind == RevisionKind::Named)
        .count();
    assert_eq!(
        named,
        WRITERS * SAVES,
        "one revision per save, numbered in order"
    );
}

fn templates_settings_readings_and_rehearsals_are_shared(library: &Library) {
    let mut secretary = library.open();
    let office = library.open();
    secretary
        .save_template(
            &TemplateEdit {
                name: "仕事始め".into(),
                title: "{{year}}年 仕事始め式 挨拶".into(),
                description: "職員向け".into(),
                body: "## あいさつ\n\n{{greeting}}".into(),
            },
            at(0),
        )
        .unwrap();
    secretary.set_setting("blogFooter", "市長室").unwrap();
    secretary.set_setting("pace", &320).unwrap();
    secretary
        .put_reading(&ReadingEntry::new("白井亨", "しらいとおる").unwrap())
        .unwrap();
    let draft = secretary
        .create_draft(&edit("年頭挨拶", "本文"), at(0))
        .unwrap();
    let run = SectionRun {
        position: 0,
        title: "あいさつ".into(),
        spoken: 300,
        morae: Some(420),
        pause_seconds: 4.5,
        estimated_seconds: 64.5,
        seconds: 70.25,
    };
    secretary
        .save_rehearsal(draft.id, 1, at(5), std::slice::from_ref(&run))
        .unwrap();

    assert_eq!(
        office.user_templates().unwrap()[0].title,
        "{{year}}年 仕事始め式 挨拶"
    );
    assert_eq!(
        office
            .get_setting::<String>("blogFooter")
            .unwrap()
            .as_deref(),
        Some("市長室")
    );
    assert_eq!(office.get_setting::<u32>("pace").unwrap(), Some(320));
    assert_eq!(office.readings().unwrap()[0].reading, "シライトオル");
    let rehearsals = office.rehearsals(draft.id).unwrap();
    assert_eq!(
        (rehearsals[0].recorded_at, &rehearsals[0].sections[0]),
        (at(5), &run)
    );
    secretary.delete_template("仕事始め").unwrap();
    assert!(matches!(
        secretary.delete_template("仕事始め"),
        Err(StoreError::NotFound(Item::Template(_)))
    ));
}
