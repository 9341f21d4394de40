//! Podium's application layer: every use case written once, between the core (`podium`) and
//! its two front ends, the `podium` command line (`cli/`) and the desktop shell
//! (`src-tauri/`), which only adapt it (arguments in, results out).
//!
//! - [`App`] holds what a running Podium has: the store (a file or a server, opened again
//!   after a failure), the settings, the clock, the dictionary and the office's readings
//!   ([`lexicon`]); [`local_settings`]: this PC's own (which library, who writes).
//! - The use cases, one module each: [`library`] (drafts, revisions, templates, imports),
//!   [`analysis`] with [`findings`] (what the writer judged: dismissals, rules off per draft),
//!   [`readings`], [`export`], [`settings`], [`prompter`] (script, settings,
//!   rehearsals), [`upkeep`] (backups, checks, repairs, recovery, export of every draft),
//!   [`workflow`] (a draft's status, comments, who else has it open), [`remote`] (a phone or
//!   tablet on the office network driving the prompter: pairing, its server), [`wordpress`]
//!   (the blog post saved as a draft on the office's WordPress).
//! - [`wire`]: the types that cross to a front end (serde, exported to TypeScript with ts-rs),
//!   and the checks of what comes in; [`error`]: `AppError { code, message }`.

pub mod analysis;
pub mod error;
pub mod export;
pub mod findings;
pub mod journal;
pub mod lexicon;
pub mod library;
pub mod local_settings;
pub mod prompter;
pub mod readings;
pub mod remote;
pub mod settings;
mod state;
pub mod upkeep;
pub mod wire;
pub mod wordpress;
pub mod workflow;

#[cfg(test)]
mod tests;

pub use error::{AppError, ErrorCode};
pub use local_settings::LocalSettings;
pub use state::{database_location, default_location, podium_db_env, App, Location};

/// `PODIUM_SAMPLE=0`: a new library starts empty, without the sample address (an office that
/// fills its libraries itself; the window tests).
pub const SAMPLE_ENV: &str = "PODIUM_SAMPLE";

/// What a long-running front end does once it has opened its [`App`]: the office's readings
/// now, the dictionary in the background (built from mecab-ipadic the first time).
pub fn start(app: &App) {
    // A database that cannot be opened is reported by `app_info`; analysis goes on without
    // the office's readings meanwhile.
    let _ = readings::refresh_readings(app);
    // Saves left in the journal when the server was out of reach (the app may have been
    // closed meanwhile); what still cannot reach it stays for the UI's next replay.
    let _ = library::replay_journal(app);
    // Drafts deleted longer ago than the settings keep them.
    let _ = library::purge_expired(app);
    // A new library opens on the sample address, unless this PC's deployment says not to.
    if std::env::var_os(SAMPLE_ENV).is_none_or(|value| value != "0") {
        let _ = library::give_sample(app);
    }
    app.lexicon
        .load_in_background(podium::japanese::dictionary::Origin::of_this_program());
}
