//! Keeping and letting go: the sample address (given once), the trash (a deleted draft kept
//! for the settings' days) and the findings a writer judged (dismissed, or a rule off for the
//! draft).

use super::*;

#[test]
fn a_new_library_gets_the_sample_once_and_a_deleted_sample_stays_deleted() {
    let (library, _) = state();
    let sample = give_sample(&library)
        .unwrap()
        .expect("a new library gets the sample");
    assert_eq!(sample.title, "見本：Podium での原稿の書き方");
    assert!(sample.stats.seconds > 30.0, "timed: {:?}", sample.stats);
    assert!(give_sample(&library).unwrap().is_none(), "once");
    delete_draft(&library, sample.id).unwrap();
    empty_trash(&library).unwrap();
    assert!(
        give_sample(&library).unwrap().is_none(),
        "deleted, it stays deleted"
    );
    assert!(list_drafts(&library).unwrap().is_empty());

    // A library that has drafts already (moved in, or an office's) gets none.
    let (full, _) = state();
    create_draft(&full, new_year()).unwrap();
    assert!(give_sample(&full).unwrap().is_none());
    assert_eq!(list_drafts(&full).unwrap().len(), 1);
}

#[test]
fn the_trash_keeps_a_draft_for_the_settings_days_then_it_goes_at_a_start() {
    let (state, clock) = state();
    let draft = create_draft(&state, new_year()).unwrap();
    let deleted_at = *clock.lock().unwrap();
    delete_draft(&state, draft.id).unwrap();
    let trash = list_trash(&state).unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].draft.id, draft.id);
    assert_eq!(
        trash[0].removed_after,
        crate::wire::instant(deleted_at + Duration::days(30))
    );

    let mut settings = get_settings(&state);
    settings.trash_days = 7;
    set_settings(&state, settings.clone()).unwrap();
    *clock.lock().unwrap() = deleted_at + Duration::days(6);
    assert_eq!(purge_expired(&state).unwrap(), 0, "still within the 7 days");
    *clock.lock().unwrap() = deleted_at + Duration::days(8);
    assert_eq!(purge_expired(&state).unwrap(), 1);
    assert!(list_trash(&state).unwrap().is_empty());
    assert_eq!(
        restore_draft(&state, draft.id).unwrap_err().code,
        ErrorCode::NotFound
    );

    settings.trash_days = 0;
    assert_eq!(
        set_settings(&state, settings).unwrap_err().code,
        ErrorCode::InvalidInput
    );
}

#[test]
fn a_dismissed_finding_stays_dismissed_until_its_passage_is_edited_and_rules_go_off_per_draft() {
    use crate::findings::{dismiss_finding, set_draft_rule_off, undo_dismissal};
    use crate::wire::TextEdit;
    let (state, _) = state();
    let blank = || NewDraftValues {
        template_id: None,
        date: "2027-01-04".into(),
        event: String::new(),
        speaker: String::new(),
        city: String::new(),
    };
    let draft = create_draft(&state, blank()).unwrap();
    let other = create_draft(&state, blank()).unwrap();
    let long = "この一文は、読点が、とても、多くて、読みにくい、文です。";
    let body = format!("# 題\n\n{long}\n");
    let commas = |analysis: &crate::wire::Analysis| {
        analysis
            .findings
            .iter()
            .filter(|f| f.rule == "too-many-commas")
            .cloned()
            .collect::<Vec<_>>()
    };
    let first = analyse(&state, &body, Some(draft.id)).unwrap();
    let finding = commas(&first).pop().expect("a finding on the commas");
    assert_eq!(finding.line, 3, "1-based, the editor's lines");

    // A stale version is a conflict; the one analysed is dismissed.
    assert_eq!(
        dismiss_finding(
            &state,
            draft.id,
            first.version + 1,
            &finding.rule,
            finding.from,
            finding.to
        )
        .unwrap_err()
        .code,
        ErrorCode::Conflict
    );
    dismiss_finding(
        &state,
        draft.id,
        first.version,
        &finding.rule,
        finding.from,
        finding.to,
    )
    .unwrap();
    let judged = analyse(&state, &body, Some(draft.id)).unwrap();
    assert!(commas(&judged).is_empty(), "{:?}", judged.findings);
    assert_eq!(judged.figures.checked, std::slice::from_ref(&finding));
    // The same text in another draft is not judged.
    assert_eq!(
        commas(&analyse(&state, &body, Some(other.id)).unwrap()).len(),
        1
    );

    // Text moves around it: still dismissed (the keystroke path, whose splices the editor
    // applies to the list it holds).
    let held = analyse(&state, &body, Some(draft.id)).unwrap();
    let moved = analyse_edits(
        &state,
        held.version,
        &[TextEdit {
            from: 4,
            to: 4,
            insert: "\n新しい段落です。\n".into(),
        }],
    )
    .unwrap();
    assert!(moved
        .findings
        .inserted
        .iter()
        .all(|f| f.rule != "too-many-commas"));
    assert_eq!(moved.figures.checked[0].line, 5);
    // Its passage edited: back, in the splice.
    let at = moved.figures.checked[0].from + 2;
    let revived = analyse_edits(
        &state,
        moved.version,
        &[TextEdit {
            from: at,
            to: at,
            insert: "長い".into(),
        }],
    )
    .unwrap();
    assert!(revived.figures.checked.is_empty());
    assert!(
        revived
            .findings
            .inserted
            .iter()
            .any(|f| f.rule == "too-many-commas"),
        "{:?}",
        revived.findings
    );

    // Undone: shown again on the original text.
    let again = analyse(&state, &body, Some(draft.id)).unwrap();
    let checked = &again.figures.checked[0];
    undo_dismissal(
        &state,
        draft.id,
        again.version,
        &checked.rule,
        checked.from,
        checked.to,
    )
    .unwrap();
    let shown = analyse(&state, &body, Some(draft.id)).unwrap();
    assert_eq!((commas(&shown).len(), shown.figures.checked.len()), (1, 0));

    // A rule off for this draft only, and on again.
    set_draft_rule_off(&state, draft.id, "too-many-commas", true).unwrap();
    let off = analyse(&state, &body, Some(draft.id)).unwrap();
    assert!(commas(&off).is_empty());
    assert_eq!(off.figures.rules_off, ["too-many-commas"]);
    assert_eq!(
        commas(&analyse(&state, &body, Some(other.id)).unwrap()).len(),
        1
    );
    set_draft_rule_off(&state, draft.id, "too-many-commas", false).unwrap();
    assert_eq!(
        commas(&analyse(&state, &body, Some(draft.id)).unwrap()).len(),
        1
    );
    assert_eq!(
        set_draft_rule_off(&state, draft.id, "no-such-rule", true)
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
}
