//! With the morphological dictionary loaded as the app loads it: the library, the prompter and
//! the rehearsals tell the live panel's time, in morae at the settings' pace.

use super::{new_year, state};
use crate::analysis::*;
use crate::library::*;
use crate::prompter::*;
use crate::settings::*;
use crate::state::App;
use crate::wire::{DictionaryStatus, SaveKind};
use podium::japanese::dictionary;
use std::time::{Duration, Instant};

/// Loads the dictionary in the background, as the app does at start-up, and waits for it. The
/// cache is the core's test cache in the cargo target folder (`tests/japanese.rs` builds it
/// there from mecab-ipadic the first time: about 15 s).
pub(super) fn load_dictionary(state: &App) {
    let exe = std::env::current_exe().expect("the test binary's path");
    // <target>/debug/deps/<binary>: the core's tests use <target>/tmp.
    let target = exe.ancestors().nth(3).expect("the cargo target folder");
    let cache = target.join("tmp/cache/podium/dictionary");
    state.lexicon.load_in_background(dictionary::Origin::built(
        dictionary::default_sources(),
        Some(cache),
    ));
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        let status = state.lexicon.with_words(|_| ()).1;
        if status != DictionaryStatus::Preparing {
            assert_eq!(
                status,
                DictionaryStatus::Ready,
                "the dictionary: install mecab-ipadic (make deps)"
            );
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the dictionary took over 5 minutes"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_library_the_prompter_and_rehearsals_tell_the_live_panels_time_in_morae() {
    let (state, now) = state();
    load_dictionary(&state);
    let settings = set_settings(
        &state,
        crate::wire::Settings {
            pace_mpm: 450,
            ..get_settings(&state)
        },
    )
    .unwrap();

    // The library's figures are the panel's: on creation and on every save.
    let draft = create_draft(&state, new_year()).unwrap();
    let analysis = analyse(&state, &draft.body, None).unwrap();
    assert_eq!(analysis.figures.dictionary, DictionaryStatus::Ready);
    assert!(analysis.figures.morae.is_some());
    assert_eq!(analysis.figures.pace_per_minute, 450.0);
    assert_eq!(draft.seconds, analysis.figures.seconds);
    let body = format!("{}\n令和九年一月四日　みなと市長　山田太郎\n", draft.body);
    let saved = save_draft(
        &state,
        draft.id,
        body.clone(),
        draft.revision,
        SaveKind::Autosave,
    )
    .unwrap();
    let analysis = analyse(&state, &body, None).unwrap();
    assert_eq!(saved.seconds, analysis.figures.seconds);
    assert_eq!(
        list_drafts(&state).unwrap()[0].seconds,
        analysis.figures.seconds
    );

    // The prompter's estimate too, sentence by sentence.
    let script = prompter_script(&state, draft.id).unwrap();
    assert_eq!(
        (script.seconds, script.pace_per_minute),
        (analysis.figures.seconds, 450.0)
    );
    let sections: Vec<f64> = analysis
        .figures
        .sections
        .iter()
        .map(|s| s.seconds)
        .collect();
    let prompted: Vec<f64> = script.sections.iter().map(|s| s.seconds).collect();
    assert_eq!(prompted, sections);

    // A rehearsal read slower than the estimate: both measured paces fall, and adopting them
    // makes the panel's estimate the calibrated one.
    *now.lock().unwrap() += time::Duration::minutes(5);
    let measured: Vec<f64> = script.sections.iter().map(|s| s.seconds * 1.2).collect();
    let summary = save_rehearsal(&state, draft.id, saved.revision, measured).unwrap();
    let (cpm, mpm) = (summary.measured_cpm.unwrap(), summary.measured_mpm.unwrap());
    assert!((300..450).contains(&mpm), "{mpm}");
    assert!(cpm < 300, "{cpm}");
    let calibrated = summary.calibrated_seconds.unwrap();
    assert!(calibrated > script.seconds);
    set_settings(
        &state,
        crate::wire::Settings {
            pace_cpm: cpm,
            pace_mpm: mpm,
            ..settings
        },
    )
    .unwrap();
    assert_eq!(
        analyse(&state, &body, None).unwrap().figures.seconds,
        calibrated
    );
    assert_eq!(rehearsal_summary(&state, draft.id).unwrap(), summary);
}

/// What the editor does with an update: the splice applied to the lists it holds.
fn spliced<T: crate::wire::Placed>(held: &[T], splice: &crate::wire::Splice<T>) -> Vec<T> {
    let (start, deleted) = (splice.start as usize, splice.deleted as usize);
    let mut out = held[..start].to_vec();
    out.extend(splice.inserted.iter().cloned());
    out.extend(
        held[start + deleted..]
            .iter()
            .map(|item| item.moved(splice.by, splice.lines)),
    );
    out
}

/// A keystroke sends its edits and hears only what changed; applied, that is the analysis of
/// the whole text, readings and findings alike — typing, a new line, a deletion, a paste.
#[test]
fn edits_give_the_analysis_of_the_whole_text() {
    let (state, _) = state();
    load_dictionary(&state);
    let address = include_str!("../../../tests/data/address.md");
    let mut body = address.to_owned();
    let mut held = analyse(&state, &body, None).unwrap();
    assert!(!held.readings.is_empty() && !held.findings.is_empty());
    let utf16 = |text: &str, byte: usize| text[..byte].encode_utf16().count() as u32;
    let at = address.find("職員の皆さん").unwrap();
    let cases: Vec<(u32, u32, &str)> = vec![
        (utf16(address, at), utf16(address, at), "、"),
        (utf16(address, at), utf16(address, at), "\n\n"),
        (utf16(address, at), utf16(address, at) + 2, ""),
        (
            10,
            10,
            "本日は晴天なり。とても、とても、とても、とても、とても、とても良い日です。",
        ),
    ];
    for (from, to, insert) in cases {
        let edits = [crate::wire::TextEdit {
            from,
            to,
            insert: insert.into(),
        }];
        let update = analyse_edits(&state, held.version, &edits).unwrap();
        body = crate::wire::apply(&body, &edits).unwrap().0;
        let readings = spliced(&held.readings, &update.readings);
        let findings = spliced(&held.findings, &update.findings);
        let whole = crate::wire::Analysis::new(
            &state
                .lexicon
                .analyse(&body, &state.settings().analysis_options())
                .0,
            &body,
        );
        assert_eq!(readings, whole.readings, "readings after {insert:?}");
        assert_eq!(findings, whole.findings, "findings after {insert:?}");
        assert_eq!(update.figures.seconds, whole.figures.seconds);
        // Only what changed was sent.
        assert!(update.readings.inserted.len() < 4, "{insert:?}");
        held.readings = readings;
        held.findings = findings;
        held.version = update.version;
    }
    // Another text analysed meanwhile: the editor's edits are stale.
    analyse(&state, "別の原稿です。", None).unwrap();
    let stale = analyse_edits(&state, held.version, &[]).unwrap_err();
    assert_eq!(stale.code, crate::ErrorCode::Conflict);
}
