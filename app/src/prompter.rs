//! The prompter's script and settings, and the rehearsals that calibrate the estimate.

use crate::analysis::analyse_script;
use crate::error::AppError;
use crate::state::App;
use crate::wire::{self, check};
use podium::prompter::PrompterSettings;
use podium::script::{self, Script};
use podium::settings::Settings;
use podium::store::{self};
use podium::{rehearsal, timing};

/// The draft as the prompter reads it: the core's `Script` as plain data, every sentence timed
/// as the live panel times it (the settings' pace, in morae when the dictionary is ready).
/// Parsed once.
pub fn prompter_script(state: &App, id: i64) -> Result<wire::PrompterScript, AppError> {
    let id = check::id(id)?;
    let draft = state.with_store(|store| store.draft(id))?;
    let script = script::parse(&draft.body);
    let options = state.settings().analysis_options();
    let timing = analyse_script(state, &script, &draft.body, &options).timing;
    Ok(wire::PrompterScript::new(&script, &timing, &draft))
}

/// The stored prompter settings; the defaults when the database is unavailable.
pub fn get_prompter_settings(state: &App) -> wire::PrompterSettings {
    state
        .with_store(|store| PrompterSettings::load(store))
        .unwrap_or_default()
}

pub fn set_prompter_settings(
    state: &App,
    settings: wire::PrompterSettings,
) -> Result<wire::PrompterSettings, AppError> {
    state.with_store(|store| settings.save(store))?;
    Ok(settings)
}

/// Stores a rehearsal of the draft at `revision`: `section_seconds[i]` is the time spent on
/// section `i` (0: not read). Beside it, the estimate of the draft's current text in
/// characters and, when the dictionary is ready, in morae. Parsed once.
pub fn save_rehearsal(
    state: &App,
    id: i64,
    revision: u32,
    section_seconds: Vec<f64>,
) -> Result<wire::RehearsalSummary, AppError> {
    let id = check::id(id)?;
    wire::check_section_seconds(&section_seconds)?;
    let draft = state.with_store(|store| store.draft(id))?;
    let script = script::parse(&draft.body);
    let options = state.settings().analysis_options();
    let chars = timing::estimate(&script, &options.timing);
    let analysis = analyse_script(state, &script, &draft.body, &options);
    let morae = analysis.morae.map(|_| analysis.timing);
    let runs = rehearsal::sections(&chars, morae.as_ref(), &section_seconds);
    let stored = state.with_store(|store| {
        store.save_rehearsal(id, revision, state.now(), &runs)?;
        store.rehearsals(id)
    })?;
    Ok(rehearsal_summary_of(state, &script, &draft.body, &stored))
}

/// The draft's rehearsals, the measured paces and the estimate at those paces.
pub fn rehearsal_summary(state: &App, id: i64) -> Result<wire::RehearsalSummary, AppError> {
    let id = check::id(id)?;
    let (draft, runs) = state.with_store(|store| {
        Ok::<_, store::StoreError>((store.draft(id)?, store.rehearsals(id)?))
    })?;
    Ok(rehearsal_summary_of(
        state,
        &script::parse(&draft.body),
        &draft.body,
        &runs,
    ))
}

/// The calibrated estimate is what the live panel shows once the measured paces are adopted
/// (the pace in morae stays when no run was timed in morae).
fn rehearsal_summary_of(
    state: &App,
    script: &Script,
    body: &str,
    runs: &[rehearsal::Rehearsal],
) -> wire::RehearsalSummary {
    let settings = state.settings();
    wire::RehearsalSummary::new(runs, |pace_cpm, pace_mpm| {
        let adopted = Settings {
            pace_cpm,
            pace_mpm: pace_mpm.unwrap_or(settings.pace_mpm),
            ..settings.clone()
        };
        analyse_script(state, script, body, &adopted.analysis_options())
            .timing
            .seconds
    })
}
