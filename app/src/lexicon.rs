//! The morphological dictionary and the office's readings: their lifecycle, once for every
//! front end.
//!
//! The desktop loads the dictionary on a background thread at start-up
//! ([`Lexicon::load_in_background`]); the CLI loads it before its command
//! ([`Lexicon::load_now`]), telling the user when it is built (the first time, from
//! mecab-ipadic, which takes seconds). Until it is ready, and when it cannot be had, analysis
//! works at the character level and reports why with its [`DictionaryStatus`].

use crate::wire::DictionaryStatus;
use podium::analysis::{Analyser, Analysis, AnalysisOptions, Words};
use podium::japanese::dictionary::{self, DictionaryError, Origin, Provenance};
use podium::japanese::{Dictionary, UserReadings};
use podium::script::Script;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Duration;

/// What happens while the dictionary loads, for a front end to tell the user.
#[derive(Debug)]
pub enum Loading {
    /// It is being built (the first time only).
    Building,
    /// It was built, taking this long.
    Built(Duration),
    /// It cannot be had: analysis works on characters.
    Failed(DictionaryError),
}

enum Slot {
    /// Not asked for (tests, and a state made without [`Lexicon::load_in_background`]).
    Off,
    Preparing,
    Ready(Box<Dictionary>),
    Missing,
}

pub struct Lexicon {
    slot: RwLock<Slot>,
    user: Mutex<UserReadings>,
    /// Keeps what each passage of the draft being edited gave, so that a keystroke analyses
    /// again only the passages it changed.
    analyser: Analyser,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon {
            slot: RwLock::new(Slot::Off),
            user: Mutex::new(UserReadings::default()),
            analyser: Analyser::default(),
        }
    }
}

impl Lexicon {
    /// Load (or build) the dictionary from `origin` on another thread.
    pub fn load_in_background(self: &Arc<Self>, origin: Origin) {
        self.set(Slot::Preparing);
        let lexicon = Arc::clone(self);
        std::thread::spawn(move || {
            lexicon.load_now(&origin, |loading| {
                if let Loading::Failed(error) = loading {
                    // Once, on stderr; the UI shows the dictionary's status in the panel.
                    eprintln!("podium: {error} — 文字単位で処理します (working on characters)");
                }
            });
        });
    }

    /// Load (or build) the dictionary from `origin` now; `heard` learns of a build and of a
    /// failure (after which analysis works on characters).
    pub fn load_now(&self, origin: &Origin, mut heard: impl FnMut(Loading)) {
        if origin.needs_build() {
            heard(Loading::Building);
        }
        match dictionary::open_origin(origin) {
            Ok((loaded, provenance)) => {
                if let Provenance::Built(took) = provenance {
                    heard(Loading::Built(took));
                }
                self.set(Slot::Ready(Box::new(loaded)));
            }
            Err(error) => {
                heard(Loading::Failed(error));
                self.set(Slot::Missing);
            }
        }
    }

    fn set(&self, slot: Slot) {
        *self.slot.write().unwrap_or_else(PoisonError::into_inner) = slot;
    }

    /// Replace the office's readings (after the dictionary of readings changed).
    pub fn set_user_readings(&self, user: UserReadings) {
        *self.user.lock().unwrap_or_else(PoisonError::into_inner) = user;
    }

    /// Run `f` with the words when the dictionary is ready, else with `None`; and the status.
    pub fn with_words<T>(&self, f: impl FnOnce(Option<Words>) -> T) -> (T, DictionaryStatus) {
        let slot = self.slot.read().unwrap_or_else(PoisonError::into_inner);
        let user = self.user.lock().unwrap_or_else(PoisonError::into_inner);
        match &*slot {
            Slot::Ready(dictionary) => (
                f(Some(Words {
                    dictionary,
                    user: &user,
                })),
                DictionaryStatus::Ready,
            ),
            Slot::Preparing => (f(None), DictionaryStatus::Preparing),
            Slot::Off | Slot::Missing => (f(None), DictionaryStatus::Missing),
        }
    }

    /// Analyse a draft being edited, with the dictionary when it is ready.
    pub fn analyse(&self, body: &str, options: &AnalysisOptions) -> (Analysis, DictionaryStatus) {
        self.analyse_script(&podium::script::parse(body), body, options)
    }

    /// [`Lexicon::analyse`] of a draft the caller parsed (`script` from `body`).
    pub fn analyse_script(
        &self,
        script: &Script,
        body: &str,
        options: &AnalysisOptions,
    ) -> (Analysis, DictionaryStatus) {
        self.with_words(|words| self.analyser.analyse_script(script, body, options, words))
    }
}
