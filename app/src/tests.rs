//! The commands run against an in-memory database, without a window: what the UI does, in
//! the order it does it.

use crate::analysis::*;
use crate::error::ErrorCode;
use crate::export::*;
use crate::library::*;
use crate::prompter::*;
use crate::readings::*;
use crate::settings::*;
use crate::state::{App, Location};
use crate::upkeep::*;
use crate::wire::{
    BlogParts, DraftMeta, ExportProfile, Language, NewDraftValues, RecoveryChoice, RevisionKind,
    RubyStyle, SaveKind, Settings, Theme,
};
use std::sync::{Arc, Mutex};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

mod judged;
mod morae;
mod word;

/// A state whose clock the test moves.
fn state() -> (App, Arc<Mutex<OffsetDateTime>>) {
    let now = Arc::new(Mutex::new(datetime!(2027-01-04 09:00 UTC)));
    let clock = Arc::clone(&now);
    let state = App::in_memory().with_clock(move || *clock.lock().unwrap());
    (state, now)
}

fn new_year() -> NewDraftValues {
    NewDraftValues {
        template_id: Some("new-year".into()),
        date: "2027-01-04".into(),
        event: "仕事始め式".into(),
        speaker: "市長　山田太郎".into(),
        city: "みなと市".into(),
    }
}

#[test]
fn app_info_names_the_version_and_the_database() {
    let (state, _) = state();
    let info = app_info(&state);
    assert_eq!(info.version, podium::VERSION);
    assert_eq!(info.database_path, ":memory:");
    assert_eq!(info.database_error, None);
}

#[test]
fn a_draft_from_creation_to_export() {
    let (state, now) = state();
    let tick = |minutes: i64| *now.lock().unwrap() += Duration::minutes(minutes);

    // New from a template: placeholders filled, titled by its heading, measured.
    let templates = list_templates();
    let address = templates.iter().find(|t| t.id == "new-year").unwrap();
    // The fields its text asks for, each once: the dialog names those left empty.
    for field in ["event", "speaker", "city"] {
        assert_eq!(
            address.fields.iter().filter(|f| *f == field).count(),
            1,
            "{field}"
        );
    }
    let draft = create_draft(&state, new_year()).unwrap();
    assert_eq!(draft.title, "令和9年 年頭挨拶");
    assert_eq!(
        (draft.event.as_str(), draft.event_date.as_deref()),
        ("仕事始め式", Some("2027-01-04"))
    );
    assert!(draft.body.contains("市長　山田太郎") && !draft.body.contains("{{"));
    assert!(draft.chars > 1000 && draft.seconds > 200.0);
    assert_eq!(draft.updated_at, "2027-01-04T09:00:00Z");
    let listed = list_drafts(&state).unwrap();
    assert_eq!((listed.len(), listed[0].id), (1, draft.id));

    // Autosaves while typing; the title follows the heading.
    tick(1);
    let body = draft.body.replacen("年頭挨拶", "年頭のご挨拶", 1);
    let saved = save_draft(
        &state,
        draft.id,
        body.clone(),
        draft.revision,
        SaveKind::Autosave,
    )
    .unwrap();
    assert_eq!(saved.title, "令和9年 年頭のご挨拶");
    tick(1);
    let body = format!("{body}\n追記です。\n");
    let saved = save_draft(
        &state,
        draft.id,
        body.clone(),
        saved.revision,
        SaveKind::Autosave,
    )
    .unwrap();
    assert_eq!(saved.revision, draft.revision + 2);

    // Another window saved on a stale revision: conflict, its text kept in the history.
    let error = save_draft(
        &state,
        draft.id,
        "古い画面の文章".into(),
        draft.revision,
        SaveKind::Autosave,
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::Conflict);
    assert_eq!(
        get_draft(&state, draft.id).unwrap().body,
        body,
        "the draft is untouched"
    );

    // History: newest first; the two autosaves were coalesced into one revision.
    let revisions = list_revisions(&state, draft.id).unwrap();
    let kinds: Vec<_> = revisions.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            RevisionKind::Conflict,
            RevisionKind::Autosave,
            RevisionKind::Create
        ]
    );
    let conflict = get_revision(&state, revisions[0].id).unwrap();
    assert_eq!(conflict.body, "古い画面の文章");
    assert_eq!(revisions[1].created_at, "2027-01-04T09:01:00Z");
    assert_eq!(revisions[1].updated_at, "2027-01-04T09:02:00Z");

    // Restore the first revision: the restore is a revision of its own.
    tick(10);
    let restored = restore_revision(&state, revisions[2].id).unwrap();
    assert_eq!(restored.body, draft.body);
    assert_eq!(restored.title, "令和9年 年頭挨拶");
    let latest = &list_revisions(&state, draft.id).unwrap()[0];
    assert_eq!(latest.kind, RevisionKind::Restore);

    // Analyse with the settings' pace; export with the settings' footer.
    let analysis = analyse(&state, &restored.body, None).unwrap();
    assert_eq!(analysis.figures.pace_per_minute, 300.0);
    assert_eq!(analysis.figures.title.as_deref(), Some("令和9年 年頭挨拶"));
    assert!(analysis.figures.sections.len() >= 6);
    let plain = BlogParts::default();
    let text = export_text(
        &state,
        &restored.body,
        ExportProfile::Text,
        None,
        plain,
        false,
    )
    .unwrap();
    assert!(text.starts_with("令和9年 年頭挨拶"));

    // Search finds it from one character.
    let hits = search_drafts(&state, "挨").unwrap();
    assert_eq!(hits.len(), 1);
    assert!(search_drafts(&state, "  ").unwrap().is_empty());
}

#[test]
fn settings_round_trip_and_drive_analysis_and_export() {
    let (state, _) = state();
    let defaults = get_settings(&state);
    assert_eq!(
        (defaults.pace_cpm, defaults.pace_mpm, defaults.language),
        (300, 420, Language::Ja)
    );
    let settings = Settings {
        language: Language::En,
        pace_cpm: 350,
        pace_mpm: 460,
        max_sentence_chars: 20,
        max_commas: 1,
        blog_footer: "市長室より".into(),
        blog_lead_in: "{{month_day}}、{{event}}にて".into(),
        theme: Theme::Dark,
        lint_off: vec!["mixed-style".into()],
        japanese_era: true,
        trash_days: 90,
        wordpress: Default::default(),
    };
    assert_eq!(set_settings(&state, settings.clone()).unwrap(), settings);
    assert_eq!(get_settings(&state), settings);

    // Too long for the limit of 20; and short, with more commas than 1.
    let body = "# 題\n\n## 結びに\n\nこの一文は二十字を超えるので長すぎると言われます。短く、短く、書く。\n";
    let analysis = analyse(&state, body, None).unwrap();
    assert_eq!(analysis.figures.pace_per_minute, 350.0);
    let rules: Vec<_> = analysis.findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(
        rules.contains(&"sentence-length") && rules.contains(&"too-many-commas"),
        "{rules:?}"
    );
    let blog = export_text(
        &state,
        body,
        ExportProfile::Blog,
        Some(RubyStyle::Base),
        BlogParts::default(),
        false,
    )
    .unwrap();
    assert!(blog.contains("市長室より"), "{blog}");
    // The 要旨 the writer edits goes back into the post as edited.
    let lines = blog_summary("## ① 人づくり\n\n学びの場を広げます。\n").unwrap();
    assert_eq!(lines, ["① 人づくり　学びの場の拡大"]);
    let edited = BlogParts {
        summary: Some(vec![
            "〈姿勢〉書き直した一行".to_string(),
            "① 人づくり".to_string(),
        ]),
        lead_in: Some("1月4日、庁内放送にて次のとおりお話ししました（概要）".to_string()),
        ..BlogParts::default()
    };
    let blog = export_text(
        &state,
        body,
        ExportProfile::Blog,
        None,
        edited.clone(),
        false,
    )
    .unwrap();
    assert!(
        blog.contains("<h1>題</h1>\n<p>1月4日、庁内放送にて次のとおりお話ししました（概要）</p>\n"),
        "{blog}"
    );
    assert!(blog.contains("<p>〈姿勢〉書き直した一行</p>"), "{blog}");
    // For screen readers: (1) for ①.
    let accessible = export_text(&state, body, ExportProfile::Blog, None, edited, true).unwrap();
    assert!(accessible.contains("<li>(1) 人づくり</li>"), "{accessible}");
    // The lead-in line: the settings' line with the draft's day and event.
    let draft = create_draft(&state, new_year()).unwrap();
    assert_eq!(
        crate::export::blog_lead_in(&state, draft.id).unwrap(),
        "1月4日、仕事始め式にて"
    );
    // Without an event, no line rather than a 「{{event}}」 in the post.
    let blank = NewDraftValues {
        event: String::new(),
        ..new_year()
    };
    let draft = create_draft(&state, blank).unwrap();
    assert_eq!(crate::export::blog_lead_in(&state, draft.id).unwrap(), "");
    let too_many = BlogParts {
        summary: Some(vec![String::new(); 51]),
        ..BlogParts::default()
    };
    let error = export_text(&state, body, ExportProfile::Blog, None, too_many, false).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    let too_long = BlogParts {
        lead_in: Some("長".repeat(201)),
        ..BlogParts::default()
    };
    let error = export_text(&state, body, ExportProfile::Blog, None, too_long, false).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);

    let too_fast = Settings {
        pace_cpm: 9999,
        ..settings.clone()
    };
    let error = set_settings(&state, too_fast).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    let too_slow = Settings {
        pace_mpm: 59,
        ..settings.clone()
    };
    let error = set_settings(&state, too_slow).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(error.message.contains("拍/分"), "{}", error.message);
    assert_eq!(
        get_settings(&state),
        settings,
        "refused settings change nothing"
    );
}

#[test]
fn details_duplicate_delete_and_restore() {
    let (state, _) = state();
    let draft = create_draft(
        &state,
        NewDraftValues {
            template_id: None,
            ..new_year()
        },
    )
    .unwrap();
    assert_eq!((draft.title.as_str(), draft.body.as_str()), ("無題", ""));

    let meta = DraftMeta {
        title: "成人式 式辞".into(),
        event: "成人式".into(),
        event_date: Some("2027-01-11".into()),
        target_seconds: Some(420),
    };
    let updated = update_draft_meta(&state, draft.id, meta).unwrap();
    assert_eq!(updated.title, "成人式 式辞");
    assert_eq!(updated.target_seconds, Some(420));
    assert_eq!(
        updated.revision,
        draft.revision + 1,
        "the UI takes the new revision"
    );
    let saved = save_draft(
        &state,
        draft.id,
        "本文。".into(),
        updated.revision,
        SaveKind::Named {
            name: Some(" 初稿 ".into()),
        },
    )
    .unwrap();
    assert_eq!(saved.title, "成人式 式辞", "no heading: the title stays");
    assert_eq!(
        list_revisions(&state, draft.id).unwrap()[0].name.as_deref(),
        Some("初稿")
    );

    let copy = duplicate_draft(&state, draft.id).unwrap();
    assert_eq!(copy.title, "成人式 式辞（コピー）");
    assert_eq!(copy.body, "本文。");

    delete_draft(&state, draft.id).unwrap();
    assert_eq!(list_drafts(&state).unwrap().len(), 1);
    restore_draft(&state, draft.id).unwrap();
    assert_eq!(list_drafts(&state).unwrap().len(), 2);
}

#[test]
fn bad_arguments_are_invalid_input_and_missing_things_not_found() {
    let (state, _) = state();
    assert_eq!(
        get_draft(&state, 0).unwrap_err().code,
        ErrorCode::InvalidInput
    );
    assert_eq!(get_draft(&state, 42).unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(
        get_revision(&state, 42).unwrap_err().code,
        ErrorCode::NotFound
    );
    let huge = "あ".repeat(podium::input::MAX_DRAFT_BYTES / 3 + 1);
    assert_eq!(
        analyse(&state, &huge, None).unwrap_err().code,
        ErrorCode::InvalidInput
    );
    let unknown = NewDraftValues {
        template_id: Some("no-such-template".into()),
        ..new_year()
    };
    assert_eq!(
        create_draft(&state, unknown).unwrap_err().code,
        ErrorCode::NotFound
    );
}

#[test]
fn analysis_works_without_a_database() {
    use crate::error::AppError;
    let state = App::open(Location::Nowhere(AppError::new(
        ErrorCode::Io,
        "no data folder",
    )));
    assert_eq!(list_drafts(&state).unwrap_err().code, ErrorCode::Io);
    assert_eq!(
        app_info(&state).database_error.map(|e| e.code),
        Some(ErrorCode::Io)
    );
    assert!(analyse(&state, "# 題\n\n本文。", None).is_ok());
    let plain = BlogParts::default();
    assert!(export_text(&state, "本文。", ExportProfile::Html, None, plain, false).is_ok());
    // Printing needs no library either; a size out of range is refused, not brought inside.
    let print = crate::wire::PrintOptions::default();
    assert!(print_document("{礎|いしずえ}。", &print)
        .unwrap()
        .contains("<rt>いしずえ</rt>"));
    let huge = crate::wire::PrintOptions {
        size_pt: 99,
        ..print
    };
    let error = print_document("本文。", &huge).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
}

#[test]
fn the_prompter_reads_the_draft_remembers_its_settings_and_calibrates_from_rehearsals() {
    let (state, now) = state();
    let draft = create_draft(&state, new_year()).unwrap();
    let script = prompter_script(&state, draft.id).unwrap();
    assert_eq!(script.revision, draft.revision);
    assert_eq!(script.title.as_deref(), Some("令和9年 年頭挨拶"));
    assert!(script.sections.len() >= 6);
    let total: f64 = script.sections.iter().map(|s| s.seconds).sum();
    assert!((total - script.seconds).abs() < 1e-6);
    assert_eq!(
        prompter_script(&state, 999).unwrap_err().code,
        ErrorCode::NotFound
    );

    // Settings: defaults, then stored; out of range refused.
    let mut settings = get_prompter_settings(&state);
    assert_eq!((settings.font_px, settings.countdown_seconds), (72, 3));
    settings.mirror_horizontal = true;
    settings.vertical = true;
    assert_eq!(
        set_prompter_settings(&state, settings.clone()).unwrap(),
        settings
    );
    assert_eq!(get_prompter_settings(&state), settings);
    let error = set_prompter_settings(
        &state,
        crate::wire::PrompterSettings {
            pace_mpm: Some(59),
            ..settings
        },
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);

    // No rehearsal yet: no measured pace.
    let summary = rehearsal_summary(&state, draft.id).unwrap();
    assert_eq!((summary.runs.len(), summary.measured_cpm), (0, None));
    assert_eq!(
        (summary.measured_mpm, summary.calibrated_seconds),
        (None, None)
    );

    // A rehearsal read slower than the estimate: the speaker's pace is under 300 字/分 and
    // the estimate at that pace is longer.
    *now.lock().unwrap() += time::Duration::minutes(5);
    let measured: Vec<f64> = script.sections.iter().map(|s| s.seconds * 1.2).collect();
    let summary = save_rehearsal(&state, draft.id, draft.revision, measured).unwrap();
    assert_eq!(summary.runs.len(), 1);
    assert_eq!(summary.runs[0].recorded_at, "2027-01-04T09:05:00Z");
    let cpm = summary.measured_cpm.unwrap();
    assert!((200..300).contains(&cpm), "{cpm}");
    assert!(summary.calibrated_seconds.unwrap() > script.seconds);
    // Without the dictionary nothing was timed in morae.
    assert_eq!(summary.measured_mpm, None);
    let bad = save_rehearsal(&state, draft.id, 1, vec![f64::INFINITY]).unwrap_err();
    assert_eq!(bad.code, ErrorCode::InvalidInput);
}

#[test]
fn the_reading_dictionary_is_checked_stored_and_used_by_analysis() {
    let (state, _) = state();
    assert!(list_readings(&state).unwrap().is_empty());
    let refused = put_reading(&state, "白井亨", "shirai").unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    let entries = put_reading(&state, "白井亨", "しらいとおる").unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].reading, "シライトオル");
    assert!(delete_reading(&state, "白井亨").unwrap().is_empty());
    // Without the dictionary (never loaded here) analysis counts characters and says so.
    let analysis = analyse(&state, "# 題\n\n白井亨です。", None).unwrap();
    assert_eq!(
        analysis.figures.dictionary,
        crate::wire::DictionaryStatus::Missing
    );
    assert_eq!(analysis.figures.morae, None);
    assert!(analysis.readings.is_empty());
}

#[test]
fn renaming_a_draft_rewrites_its_heading() {
    let (state, _) = state();
    let draft = create_draft(&state, new_year()).unwrap();
    assert!(draft.body.starts_with("# 令和9年 年頭挨拶\n"));
    let meta = DraftMeta {
        title: "令和9年 仕事始め式 挨拶".into(),
        event: draft.event.clone(),
        event_date: draft.event_date.clone(),
        target_seconds: None,
    };
    let renamed = update_draft_meta(&state, draft.id, meta).unwrap();
    assert!(renamed.body.starts_with("# 令和9年 仕事始め式 挨拶\n"));
    let body = format!("{}\n以上です。\n", renamed.body);
    let saved = save_draft(&state, draft.id, body, renamed.revision, SaveKind::Autosave).unwrap();
    assert_eq!(
        saved.title, "令和9年 仕事始め式 挨拶",
        "the next save keeps the name"
    );
}

/// A state over a database file in `dir`, with today's backup made as at start-up.
fn file_state(dir: &std::path::Path) -> App {
    let state = App::open(Location::File(dir.join("podium.db")))
        .with_clock(|| datetime!(2027-01-04 00:30 UTC))
        .with_local_offset(time::macros::offset!(+9));
    back_up_if_due(&state);
    state
}

#[test]
fn a_daily_backup_is_made_at_start_up_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let state = file_state(dir.path());
    let backups = backups(&state).unwrap();
    assert_eq!(backups.error, None);
    assert_eq!(backups.files.len(), 1);
    assert!(
        backups.files[0].ends_with("backups/podium-2027-01-04.db"),
        "local date"
    );
}

#[test]
fn a_corrupt_database_is_replaced_only_on_request_and_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let state = file_state(dir.path());
    create_draft(&state, new_year()).unwrap();
    let refused = recover_database(&state, RecoveryChoice::NewDatabase).unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::InvalidInput,
        "a sound database stays"
    );
    std::fs::remove_dir_all(dir.path().join("backups")).unwrap();
    back_up_if_due(&state); // today's backup now holds the draft
    drop(state);

    let path = dir.path().join("podium.db");
    let garbage = b"not a database; a page of text instead ".repeat(200);
    std::fs::write(&path, &garbage).unwrap();
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.path().join(format!("podium.db{suffix}")));
    }
    let state = App::open(Location::File(path.clone()));
    let error = app_info(&state).database_error.unwrap();
    assert_eq!(error.code, ErrorCode::DatabaseCorrupt);
    assert_eq!(
        list_drafts(&state).unwrap_err().code,
        ErrorCode::DatabaseCorrupt
    );

    let recovered = recover_database(&state, RecoveryChoice::NewestBackup).unwrap();
    assert_eq!(std::fs::read(&recovered.moved_aside).unwrap(), garbage);
    assert!(recovered
        .restored_from
        .unwrap()
        .ends_with("podium-2027-01-04.db"));
    assert_eq!(list_drafts(&state).unwrap()[0].title, "令和9年 年頭挨拶");

    std::fs::write(&path, &garbage).unwrap();
    let state = App::open(Location::File(path.clone()));
    let fresh = recover_database(&state, RecoveryChoice::NewDatabase).unwrap();
    assert_eq!(fresh.restored_from, None);
    assert_ne!(
        fresh.moved_aside, recovered.moved_aside,
        "never overwritten"
    );
    assert!(list_drafts(&state).unwrap().is_empty());
}

#[test]
fn the_daily_check_finds_a_damaged_index_and_the_app_repairs_it() {
    let dir = tempfile::tempdir().unwrap();
    let state = file_state(dir.path());
    let draft = create_draft(&state, new_year()).unwrap();
    assert!(backups(&state).unwrap().damage.is_empty());
    drop(state);
    podium::store::testing::damage_an_index(&dir.path().join("podium.db"));
    std::fs::remove_dir_all(dir.path().join("backups")).unwrap();
    let state = file_state(dir.path());
    let damage = backups(&state).unwrap().damage;
    assert!(
        !damage.is_empty(),
        "the full check at the daily backup sees it"
    );
    let repaired = repair_database(&state).unwrap();
    assert!(!repaired.sound);
    assert!(backups(&state).unwrap().damage.is_empty());
    // The store is open again, with the draft.
    assert_eq!(get_draft(&state, draft.id).unwrap().body, draft.body);
    let again = repair_database(&state).unwrap();
    assert!(again.sound, "{again:?}");
}
