//! A draft's analysis as the live panel shows it: one timing, one set of findings, with the
//! dictionary when it is ready.

use crate::error::AppError;
use crate::state::App;
use crate::wire::{self, check};
use podium::analysis::{Analysis, AnalysisOptions};
use podium::japanese;
use podium::script::{self, Script};

/// Reading time and findings with the pace and limits of the settings; with the dictionary,
/// in morae, with the readings and the word rules. Needs no database.
pub fn analyse(state: &App, body: &str) -> Result<wire::Analysis, AppError> {
    check::body(body)?;
    let options = state.settings().analysis_options();
    let (analysis, status) = state.lexicon.analyse(body, &options);
    let mut out = wire::Analysis::new(&analysis, body);
    out.dictionary = status;
    Ok(out)
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
