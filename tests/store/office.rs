//! The office's side of the store, the same on both databases: moving a library in, the
//! workflow (status, comments, presence) and the judged findings of a draft. Every test runs
//! once on a SQLite file and once on PostgreSQL (`on_both!`).

use crate::{at, autosave, edit, Library};
use podium::rehearsal::SectionRun;
use podium::store::{DraftStatus, Moved, ReadingEntry, PRESENCE_WINDOW};
use podium::store::{Item, SaveKind, StoreError};

on_both!(
    a_one_pc_library_moves_in_with_its_history_and_only_once,
    a_draft_is_reviewed_settled_read_only_and_reopened_with_a_reason,
    comments_stay_beside_the_text_and_presence_shows_who_else_is_in,
    dismissed_findings_and_rules_off_are_kept_per_draft_and_moved_with_it,
);

fn a_one_pc_library_moves_in_with_its_history_and_only_once(library: &Library) {
    let one_pc = Library::sqlite();
    let mut source = one_pc.open();
    source.set_author("秘書");
    let kept = source
        .create_draft(&edit("年頭挨拶", "初稿"), at(0))
        .unwrap();
    source
        .save_draft(
            kept.id,
            &edit("年頭挨拶", "第二稿"),
            1,
            SaveKind::Named(Some("課長確認".into())),
            at(10),
        )
        .unwrap();
    let binned = source
        .create_draft(&edit("没原稿", "使わない"), at(1))
        .unwrap();
    source.delete_draft(binned.id, at(2)).unwrap();
    let run = SectionRun {
        position: 0,
        title: "あいさつ".into(),
        spoken: 2,
        morae: None,
        pause_seconds: 0.5,
        estimated_seconds: 1.0,
        seconds: 1.5,
    };
    source.save_rehearsal(kept.id, 2, at(20), &[run]).unwrap();
    source
        .put_reading(&ReadingEntry::new("白井亨", "しらいとおる").unwrap())
        .unwrap();
    source.set_setting("blogFooter", "市長室").unwrap();

    let mut office = library.open();
    office.set_setting("blogFooter", "広報課").unwrap();
    let moved = source.move_into(&mut office).unwrap();
    assert_eq!(
        moved,
        Moved {
            drafts: 2,
            already: 0,
            revisions: 3,
            templates: 0,
            readings: 1,
            settings: 0
        }
    );
    let listed = office.list_drafts().unwrap();
    assert_eq!(listed.len(), 1, "the deleted draft stays in the trash");
    let copy = office.draft(listed[0].id).unwrap();
    assert_eq!(
        (copy.body.as_str(), copy.revision, copy.created_at),
        ("第二稿", 2, at(0))
    );
    let history = office.revisions(copy.id).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        (
            history[0].name.as_deref(),
            history[0].author.as_str(),
            history[0].created_at
        ),
        (Some("課長確認"), "秘書", at(10))
    );
    assert_eq!(office.rehearsals(copy.id).unwrap()[0].recorded_at, at(20));
    assert_eq!(office.search("二稿", 10).unwrap()[0].draft_id, copy.id);
    assert_eq!(
        office
            .get_setting::<String>("blogFooter")
            .unwrap()
            .as_deref(),
        Some("広報課"),
        "the office's own setting is kept"
    );

    // Again, after one more draft: only that one is copied.
    source
        .create_draft(&edit("入庁式", "ようこそ"), at(30))
        .unwrap();
    let again = source.move_into(&mut office).unwrap();
    assert_eq!((again.drafts, again.already, again.readings), (1, 2, 0));
    assert_eq!(office.list_drafts().unwrap().len(), 2);
}

fn a_draft_is_reviewed_settled_read_only_and_reopened_with_a_reason(library: &Library) {
    let mut writer = library.open();
    writer.set_author("佐藤");
    let mut head = library.open();
    head.set_author("課長");
    let draft = writer
        .create_draft(&edit("施政方針", "初稿"), at(0))
        .unwrap();
    assert_eq!(draft.status, DraftStatus::Draft);
    writer
        .set_status(draft.id, DraftStatus::Review, "", at(1))
        .unwrap();
    let skipped = writer
        .set_status(draft.id, DraftStatus::Delivered, "", at(2))
        .unwrap_err();
    assert!(
        matches!(skipped, StoreError::Transition { .. }),
        "{skipped:?}"
    );
    assert!(skipped
        .to_string()
        .starts_with("「確認待ち」から「読み上げ済み」には進めません"));
    let settled = head
        .set_status(draft.id, DraftStatus::Final, "", at(3))
        .unwrap();
    assert_eq!(settled.status, DraftStatus::Final);
    assert_eq!(head.list_drafts().unwrap()[0].status, DraftStatus::Final);

    // The writer, still typing, cannot change a settled text; what they typed is kept.
    let err = autosave(&mut writer, draft.id, "確定後の加筆", settled.revision, 4).unwrap_err();
    let StoreError::Locked {
        status: DraftStatus::Final,
        kept: Some(kept),
    } = err
    else {
        panic!("expected locked, got {err:?}");
    };
    assert_eq!(writer.revision(kept).unwrap().body, "確定後の加筆");
    assert_eq!(writer.draft(draft.id).unwrap().body, "初稿");
    assert!(matches!(
        writer.rename_draft(draft.id, "改題", at(5)),
        Err(StoreError::Locked { kept: None, .. })
    ));
    let first = writer.revisions(draft.id).unwrap().last().unwrap().id;
    assert!(matches!(
        writer.restore_revision(first, at(5)),
        Err(StoreError::Locked { .. })
    ));

    // Reopening needs a reason; then the text can change again.
    assert!(matches!(
        writer.set_status(draft.id, DraftStatus::Draft, "  ", at(6)),
        Err(StoreError::ReasonNeeded)
    ));
    writer
        .set_status(draft.id, DraftStatus::Draft, " 数字の誤り ", at(7))
        .unwrap();
    let current = writer.draft(draft.id).unwrap();
    autosave(&mut writer, draft.id, "直した文", current.revision, 8).unwrap();
    let changes: Vec<(DraftStatus, String, String)> = head
        .status_changes(draft.id)
        .unwrap()
        .into_iter()
        .map(|change| (change.status, change.author, change.reason))
        .collect();
    assert_eq!(
        changes,
        [
            (DraftStatus::Review, "佐藤".into(), "".into()),
            (DraftStatus::Final, "課長".into(), "".into()),
            (DraftStatus::Draft, "佐藤".into(), "数字の誤り".into()),
        ]
    );
}

fn comments_stay_beside_the_text_and_presence_shows_who_else_is_in(library: &Library) {
    let mut writer = library.open();
    writer.set_author("佐藤");
    let mut reviewer = library.open();
    reviewer.set_author("課長");
    let draft = writer
        .create_draft(&edit("施政方針", "予算は三百億円です。"), at(0))
        .unwrap();
    let comment = reviewer
        .add_comment(draft.id, "三百億円", " ここは財政課に確認 ", at(1))
        .unwrap();
    assert_eq!(
        (comment.body.as_str(), comment.author.as_str()),
        ("ここは財政課に確認", "課長")
    );
    assert_eq!(
        writer.draft(draft.id).unwrap().body,
        "予算は三百億円です。",
        "never in the text"
    );
    let resolved = writer.resolve_comment(comment.id, at(2)).unwrap();
    assert_eq!(resolved.resolved_at, Some(at(2)));
    assert_eq!(writer.comments(draft.id).unwrap(), [resolved]);
    assert!(matches!(
        writer.add_comment(999, "x", "y", at(2)),
        Err(StoreError::NotFound(Item::Draft(999)))
    ));

    // Presence: each sees the other while both keep saying they are there.
    assert_eq!(
        writer.mark_present(draft.id, at(3)).unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(reviewer.mark_present(draft.id, at(3)).unwrap(), ["佐藤"]);
    let later = at(3) + PRESENCE_WINDOW;
    assert_eq!(
        reviewer.mark_present(draft.id, later).unwrap(),
        Vec::<String>::new(),
        "gone quiet"
    );
    writer.mark_present(draft.id, later).unwrap();
    writer.mark_absent(draft.id).unwrap();
    assert_eq!(
        reviewer.mark_present(draft.id, later).unwrap(),
        Vec::<String>::new()
    );
}

fn dismissed_findings_and_rules_off_are_kept_per_draft_and_moved_with_it(library: &Library) {
    let mut writer = library.open();
    writer.set_author("佐藤");
    let draft = writer
        .create_draft(&edit("年頭挨拶", "市民福祉向上計画を進めます。"), at(0))
        .unwrap();
    let other = writer
        .create_draft(&edit("入庁式", "おめでとうございます。"), at(0))
        .unwrap();
    let passage = "市民福祉向上計画を進めます。";
    let dismissal = writer
        .dismiss_finding(draft.id, "kanji-run", "市民福祉向上計画", passage, at(1))
        .unwrap();
    assert_eq!(dismissal.author, "佐藤");
    // Again: still one, renewed; a passage of over 2,700 bytes (btree's limit) is fine.
    let again = writer
        .dismiss_finding(draft.id, "kanji-run", "市民福祉向上計画", passage, at(2))
        .unwrap();
    let long = "長い段落です。".repeat(400);
    let on_long = writer
        .dismiss_finding(draft.id, "sentence-length", "長い段落です。", &long, at(3))
        .unwrap();
    let mut reader = library.open();
    assert_eq!(reader.dismissals(draft.id).unwrap(), [again, on_long]);
    assert_eq!(reader.dismissals(other.id).unwrap(), []);
    assert!(reader
        .undo_dismissal(draft.id, "sentence-length", "長い段落です。", &long)
        .unwrap());
    assert!(!reader
        .undo_dismissal(draft.id, "sentence-length", "長い段落です。", &long)
        .unwrap());
    assert_eq!(writer.dismissals(draft.id).unwrap().len(), 1);

    writer
        .set_rule_off(draft.id, "too-many-commas", true, at(4))
        .unwrap();
    writer
        .set_rule_off(draft.id, "too-many-commas", true, at(5))
        .unwrap();
    writer
        .set_rule_off(draft.id, "kanji-run", true, at(5))
        .unwrap();
    writer
        .set_rule_off(draft.id, "kanji-run", false, at(6))
        .unwrap();
    let off = reader.rules_off(draft.id).unwrap();
    assert_eq!(
        off.iter()
            .map(|o| (o.rule.as_str(), o.author.as_str(), o.at))
            .collect::<Vec<_>>(),
        [("too-many-commas", "佐藤", at(4))]
    );
    assert!(matches!(
        writer.dismiss_finding(999, "kanji-run", "x", "x", at(7)),
        Err(StoreError::NotFound(Item::Draft(999)))
    ));
    assert!(matches!(
        writer.set_rule_off(999, "kanji-run", true, at(7)),
        Err(StoreError::NotFound(Item::Draft(999)))
    ));

    // Moved into another library, the judgements go with the draft.
    let mut office = Library::sqlite().open();
    writer.move_into(&mut office).unwrap();
    let moved = office
        .list_drafts()
        .unwrap()
        .into_iter()
        .find(|d| d.title == "年頭挨拶")
        .unwrap();
    assert_eq!(
        office.dismissals(moved.id).unwrap(),
        writer.dismissals(draft.id).unwrap()
    );
    assert_eq!(office.rules_off(moved.id).unwrap(), off);

    // A draft in the trash keeps them (it may be restored).
    writer.delete_draft(draft.id, at(8)).unwrap();
    assert_eq!(
        writer.dismissals(draft.id).unwrap().len(),
        1,
        "in the trash, kept"
    );
}
