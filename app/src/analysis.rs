//! A draft's analysis as the live panel shows it: one timing, one set of findings, with the
//! dictionary when it is ready.

use crate::error::{AppError, ErrorCode};
use crate::findings;
use crate::state::{lock, App, Editing, Judged};
use crate::wire::{self, check};
use podium::analysis::{Analysis, AnalysisOptions};
use podium::japanese;
use podium::script::{self, Script};

/// Reading time and findings with the pace and limits of the settings; with the dictionary,
/// in morae, with the readings and the word rules. The text becomes the editor's: its next
/// keystrokes can be sent as edits ([`analyse_edits`]). Of a `draft`, the findings its writer
/// judged are applied ([`findings`]: dismissed ones listed apart, rules off left out); those
/// are read from the store, and when it is out of reach the last ones known for the draft
/// stay (the analysis itself needs no database).
pub fn analyse(state: &App, body: &str, draft: Option<i64>) -> Result<wire::Analysis, AppError> {
    check::body(body)?;
    let draft = draft.map(check::id).transpose()?;
    // The store before the editor's state: never both at once.
    let loaded = findings::load(state, draft);
    let mut editing = lock(&state.editing);
    let judged = match loaded {
        Ok(judged) => judged,
        Err(_) => editing
            .as_ref()
            .map(|e| e.judged.clone())
            .filter(|judged| judged.draft == draft)
            .unwrap_or_else(|| Judged {
                draft,
                ..Judged::default()
            }),
    };
    let version = editing.as_ref().map_or(1, |e| e.version.wrapping_add(1));
    let analysis = live_analysis(state, body, version, &judged);
    *editing = Some(Editing {
        version,
        body: body.to_owned(),
        analysis: analysis.clone(),
        judged,
    });
    Ok(analysis)
}

/// The editor's text changed by `edits` since the analysis of `version`: what changed in the
/// analysis. A `version` that is not the last one analysed (another text was analysed since)
/// is a `conflict`: the editor sends its whole text to [`analyse`] instead.
pub fn analyse_edits(
    state: &App,
    version: u32,
    edits: &[wire::TextEdit],
) -> Result<wire::AnalysisUpdate, AppError> {
    let mut editing = lock(&state.editing);
    let Some(current) = editing.as_mut().filter(|e| e.version == version) else {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "解析した本文が変わりました。本文全体を送ってください (the analysed text changed; send it whole)",
        ));
    };
    let (body, moved) = wire::apply(&current.body, edits)?;
    check::body(&body)?;
    let version = version.wrapping_add(1);
    let analysis = live_analysis(state, &body, version, &current.judged);
    let update = wire::AnalysisUpdate::between(&current.analysis, analysis.clone(), moved, version);
    current.version = version;
    current.body = body;
    current.analysis = analysis;
    Ok(update)
}

/// The analysis the editor receives: the judgements applied before it is told (whole or as
/// splices against the one it holds, which was filtered the same way).
fn live_analysis(state: &App, body: &str, version: u32, judged: &Judged) -> wire::Analysis {
    let options = state.settings().analysis_options();
    let (mut analysis, status) = state.lexicon.analyse(body, &options);
    let checked = findings::apply(judged, body, &mut analysis.findings);
    let mut out = wire::Analysis::new(&analysis, body);
    if !checked.is_empty() {
        let offsets = wire::Utf16Offsets::new(body);
        out.figures.checked = checked
            .iter()
            .map(|finding| wire::Finding::new(finding, &offsets))
            .collect();
    }
    out.figures.rules_off = judged.rules_off.clone();
    out.figures.dictionary = status;
    out.version = version;
    out
}

/// The live panel's analysis of a text at `options` (the Lexicon's analyser, in morae when
/// the dictionary is ready): the figures the library, the prompter, the rehearsals and the
/// CLI's reports keep come from it, and it re-checks only what changed since the last
/// analysis.
pub fn analyse_with(state: &App, body: &str, options: &AnalysisOptions) -> Analysis {
    state.lexicon.analyse(body, options).0
}

/// [`analyse_with`] of a draft the use case parsed itself (`script` from `body`), so that it
/// parses once.
pub fn analyse_script(
    state: &App,
    script: &Script,
    body: &str,
    options: &AnalysisOptions,
) -> Analysis {
    state.lexicon.analyse_script(script, body, options).0
}

/// A text as read, a sentence at a time (`podium readings`; see
/// [`podium::japanese::each_reading`]): `None` without the dictionary.
pub fn each_sentence_read<E>(
    state: &App,
    text: &str,
    each: impl FnMut(&str, bool) -> Result<(), E>,
) -> Option<Result<(), E>> {
    let script = script::parse(text);
    let (read, _) = state.lexicon.with_words(|words| {
        words.map(|words| japanese::each_reading(words.dictionary, words.user, &script, text, each))
    });
    read
}
