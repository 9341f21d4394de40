//! The morphological dictionary and the office's readings, for the commands.
//!
//! The dictionary is loaded on a background thread at start-up (built from mecab-ipadic the
//! first time, which takes seconds): until it is ready, and when it cannot be had, analysis
//! works at the character level and reports why with its [`ipc::DictionaryStatus`].

use crate::ipc::DictionaryStatus;
use podium::analysis::{Analyser, Analysis, AnalysisOptions, Words};
use podium::japanese::dictionary;
use podium::japanese::{Dictionary, UserReadings};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

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
    /// Load (or build) the dictionary from `sources` into `cache` on another thread.
    pub fn load_in_background(self: &Arc<Self>, sources: PathBuf, cache: Option<PathBuf>) {
        *self.slot.write().unwrap_or_else(PoisonError::into_inner) = Slot::Preparing;
        let lexicon = Arc::clone(self);
        std::thread::spawn(move || {
            let loaded = match cache {
                Some(cache) => dictionary::open(&sources, &cache)
                    .map(|(loaded, _)| loaded)
                    .map_err(|e| e.to_string()),
                None => Err(dictionary::DictionaryError::NoCacheFolder.to_string()),
            };
            *lexicon.slot.write().unwrap_or_else(PoisonError::into_inner) = match loaded {
                Ok(loaded) => Slot::Ready(Box::new(loaded)),
                Err(message) => {
                    // Once, on stderr; the UI shows the dictionary's status in the panel.
                    eprintln!("podium: {message} — 文字単位で処理します (working on characters)");
                    Slot::Missing
                }
            };
        });
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
        self.with_words(|words| self.analyser.analyse(body, options, words))
    }
}
