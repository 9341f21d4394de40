//! The app's state: the store (one connection, to a SQLite file or a PostgreSQL server, behind
//! a mutex), the settings and a clock.
//!
//! The app starts even when its database cannot be opened (locked, read-only, corrupt, too
//! new): the open error is kept, `app_info` reports it, and every command that needs the store
//! tries to open it again and, failing, returns that error.

use crate::error::AppError;
use crate::lexicon::Lexicon;
use podium::settings::Settings;
use podium::store::{Address, Store, DB_ENV};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use time::{OffsetDateTime, UtcOffset};

/// Where the database is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    /// A library on a PostgreSQL server (its address; see `podium::store::Address`).
    Server(String),
    /// A private in-memory database (tests, and a front end that keeps nothing).
    Memory,
    /// No place for it could be found (no data directory).
    Nowhere(AppError),
}

enum Slot {
    Open(Store),
    Failed(AppError),
}

type Clock = Box<dyn Fn() -> OffsetDateTime + Send + Sync>;

pub struct App {
    location: Location,
    store: Mutex<Slot>,
    /// A copy of the stored settings, so that analysis (on every pause in typing) does not
    /// wait for the store, and works when the store is unavailable.
    settings: Mutex<Settings>,
    clock: Clock,
    /// Who saves (see `LocalSettings::author`): given to every store opened.
    author: Mutex<String>,
    /// Where saves wait while the library's server is out of reach (`crate::journal`);
    /// `None`: no journal (a library on this PC).
    journal: Option<PathBuf>,
    /// The local time zone, read at start-up (for names a person reads: backups, files moved
    /// aside). UTC when it could not be read.
    local_offset: UtcOffset,
    /// How the start-up backup went: `None` until it ran, then why it failed, if it did.
    backup_outcome: Mutex<Option<Result<(), String>>>,
    /// What the full check run with the daily backup found (empty: sound, or not run).
    damage: Mutex<Vec<String>>,
    /// The morphological dictionary (loaded in the background) and the office's readings.
    pub lexicon: Arc<Lexicon>,
    /// The text the editor analyses and its last analysis, so that a keystroke sends only
    /// its edits and hears only what changed (`analysis::analyse_edits`).
    pub(crate) editing: Mutex<Option<Editing>>,
}

/// The editor's text as the app layer last analysed it.
pub(crate) struct Editing {
    pub version: u32,
    pub body: String,
    /// Its analysis with the draft's judgements applied (`findings::apply`).
    pub analysis: crate::wire::Analysis,
    /// What the writer judged in the draft the text is of.
    pub judged: Judged,
}

/// What the writer judged in the open draft.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Judged {
    pub draft: Option<i64>,
    /// (rule, quote, passage) of each dismissal.
    pub dismissed: Vec<(String, String, String)>,
    /// Ids of the rules the draft does not use.
    pub rules_off: Vec<String>,
}

impl App {
    /// Opens the database at `location`. Never fails: an error is kept and reported.
    pub fn open(location: Location) -> Self {
        let opened = match &location {
            Location::File(path) => Store::open(path).map_err(AppError::from),
            Location::Server(address) => Store::connect(address).map_err(AppError::from),
            Location::Memory => Store::open_in_memory().map_err(AppError::from),
            Location::Nowhere(error) => Err(error.clone()),
        };
        match with_settings(opened) {
            Ok((store, settings)) => App::new(location, Slot::Open(store), settings),
            Err(error) => App::new(location, Slot::Failed(error), Settings::default()),
        }
    }

    /// An app over a store the front end opened itself at `address` (the CLI, with its own
    /// messages and exit codes; a read-only database is used as it is). Settings that cannot
    /// be read are the defaults.
    pub fn over(address: Address, store: Store) -> Self {
        let settings = Settings::load(&store).unwrap_or_default();
        let location = match address {
            Address::File(path) => Location::File(path),
            Address::Server(address) => Location::Server(address),
        };
        App::new(location, Slot::Open(store), settings)
    }

    fn new(location: Location, store: Slot, settings: Settings) -> Self {
        App {
            location,
            store: Mutex::new(store),
            settings: Mutex::new(settings),
            clock: Box::new(OffsetDateTime::now_utc),
            author: Mutex::new(String::new()),
            journal: None,
            local_offset: UtcOffset::UTC,
            backup_outcome: Mutex::new(None),
            damage: Mutex::new(Vec::new()),
            lexicon: Arc::new(Lexicon::default()),
            editing: Mutex::new(None),
        }
    }

    /// Records `author` with every revision saved from now on.
    pub fn with_author(self, author: String) -> Self {
        self.set_author(author);
        self
    }

    /// Records `author` with every revision saved from now on.
    pub fn set_author(&self, author: String) {
        if let Slot::Open(store) = &mut *lock(&self.store) {
            store.set_author(&author);
        }
        *lock(&self.author) = author;
    }

    /// Keeps saves that cannot reach the server in `folder` (for a library on a server).
    pub fn with_journal(mut self, folder: PathBuf) -> Self {
        self.journal = Some(folder);
        self
    }

    pub fn journal(&self) -> Option<PathBuf> {
        self.journal.clone()
    }

    /// Uses `offset` as the local time zone.
    pub fn with_local_offset(mut self, offset: UtcOffset) -> Self {
        self.local_offset = offset;
        self
    }

    /// A state over a fresh in-memory database.
    pub fn in_memory() -> Self {
        App::open(Location::Memory)
    }

    /// Replaces the clock (tests).
    pub fn with_clock(
        mut self,
        clock: impl Fn() -> OffsetDateTime + Send + Sync + 'static,
    ) -> Self {
        self.clock = Box::new(clock);
        self
    }

    pub fn now(&self) -> OffsetDateTime {
        (self.clock)()
    }

    /// [`App::now`] in the local time zone.
    pub fn local_now(&self) -> OffsetDateTime {
        self.now().to_offset(self.local_offset)
    }

    pub fn record_backup(&self, outcome: Result<(), String>) {
        *lock(&self.backup_outcome) = Some(outcome);
    }

    /// Why the last backup failed, if it did.
    pub fn backup_error(&self) -> Option<String> {
        lock(&self.backup_outcome).clone()?.err()
    }

    pub fn record_damage(&self, problems: Vec<String>) {
        *lock(&self.damage) = problems;
    }

    pub fn damage(&self) -> Vec<String> {
        lock(&self.damage).clone()
    }

    /// Closes the store, lets `mend` work on the file (which it may replace), and opens it
    /// again: no command reaches the database meanwhile.
    pub fn mend_database<T>(
        &self,
        mend: impl FnOnce(&Path) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let Location::File(path) = &self.location else {
            return Err(AppError::invalid(
                "データベースのファイルがありません (there is no database file)",
            ));
        };
        let mut slot = lock(&self.store);
        *slot = Slot::Failed(AppError::invalid(
            "データベースを修復しています (the database is being repaired)",
        ));
        let mended = mend(path);
        self.open_again(&mut slot);
        let mended = mended?;
        match &*slot {
            Slot::Open(_) => Ok(mended),
            Slot::Failed(error) => Err(error.clone()),
        }
    }

    pub fn location(&self) -> &Location {
        &self.location
    }

    /// Runs `f` with the store, opening it first if it failed to open before.
    pub fn with_store<T, E: Into<AppError>>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, AppError> {
        let mut slot = lock(&self.store);
        self.open_again(&mut slot);
        match &mut *slot {
            Slot::Open(store) => f(store).map_err(Into::into),
            Slot::Failed(error) => Err(error.clone()),
        }
    }

    /// For a database file that fails to open: runs `replace` on its path, with the error,
    /// while no command can open it, then opens it again. A database that opens is left
    /// alone (`invalid_input`).
    pub fn replace_failed_database<T>(
        &self,
        replace: impl FnOnce(&Path, &AppError) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut slot = lock(&self.store);
        self.open_again(&mut slot);
        let (Slot::Failed(error), Location::File(path)) = (&*slot, &self.location) else {
            return Err(AppError::invalid(
                "データベースは開けるので、そのままにしました (the database opens; nothing was changed)",
            ));
        };
        let replaced = replace(path, error)?;
        self.open_again(&mut slot);
        match &*slot {
            Slot::Open(_) => Ok(replaced),
            Slot::Failed(error) => Err(error.clone()),
        }
    }

    /// A store that failed to open is opened again (the file may have been fixed or replaced,
    /// the server may be back).
    fn open_again(&self, slot: &mut Slot) {
        let opened = match (&*slot, &self.location) {
            (Slot::Failed(_), Location::File(path)) => Store::open(path),
            (Slot::Failed(_), Location::Server(address)) => Store::connect(address),
            _ => return,
        };
        *slot = match with_settings(opened.map_err(AppError::from)) {
            Ok((mut store, settings)) => {
                store.set_author(&lock(&self.author));
                *lock(&self.settings) = settings;
                Slot::Open(store)
            }
            Err(error) => Slot::Failed(error),
        };
    }

    /// Why the store is not open, if it is not (trying to open it again first).
    pub fn store_error(&self) -> Option<AppError> {
        self.with_store(|_| Ok::<(), AppError>(())).err()
    }

    pub fn settings(&self) -> Settings {
        lock(&self.settings).clone()
    }

    /// Checks and stores new settings, then uses them.
    pub fn set_settings(&self, settings: Settings) -> Result<Settings, AppError> {
        self.with_store(|store| settings.save(store))?;
        *lock(&self.settings) = settings.clone();
        Ok(settings)
    }
}

/// A store just opened, with its settings.
fn with_settings(opened: Result<Store, AppError>) -> Result<(Store, Settings), AppError> {
    let store = opened?;
    let settings = Settings::load(&store)?;
    Ok((store, settings))
}

/// A panic while a lock was held leaves nothing half-done (the store's writes are
/// transactions), so a poisoned lock is used as it is.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The library: `$PODIUM_DB` when set and not empty (a file or a server), else `podium.db`
/// in the data folder shared with the CLI (`podium/` in the OS's local data directory).
pub fn database_location(
    podium_db: Option<OsString>,
    app_data_dir: Result<PathBuf, String>,
) -> Location {
    match podium_db.filter(|path| !path.is_empty()) {
        Some(text) => match Address::parse(text) {
            Ok(Address::File(path)) => Location::File(path),
            Ok(Address::Server(address)) => Location::Server(address),
            Err(error) => Location::Nowhere(error.into()),
        },
        None => match app_data_dir {
            Ok(dir) => Location::File(dir.join("podium.db")),
            Err(reason) => Location::Nowhere(AppError::new(
                crate::error::ErrorCode::Io,
                format!("データを保存するフォルダーが見つかりません (no data folder: {reason})"),
            )),
        },
    }
}

/// The desktop app's database: [`database_location`] from `$PODIUM_DB` and the OS's local data
/// folder.
pub fn default_location(podium_db: Option<OsString>) -> Location {
    // The same folder as the `podium` CLI uses, so both see the same drafts.
    let data_dir = podium::store::default_db_path()
        .and_then(|db| db.parent().map(Path::to_path_buf))
        .ok_or_else(|| "the OS reports no data folder".to_string());
    database_location(podium_db, data_dir)
}

/// `$PODIUM_DB`, read once at start-up.
pub fn podium_db_env() -> Option<OsString> {
    std::env::var_os(DB_ENV)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn podium_db_wins_over_the_data_folder() {
        let data = Ok(PathBuf::from("/data/jp.podium.desktop"));
        assert_eq!(
            database_location(Some("/tmp/t.db".into()), data.clone()),
            Location::File("/tmp/t.db".into())
        );
        assert_eq!(
            database_location(Some("".into()), data.clone()),
            Location::File("/data/jp.podium.desktop/podium.db".into())
        );
        let nowhere = database_location(None, Err("no home".into()));
        assert!(matches!(nowhere, Location::Nowhere(ref e) if e.code == ErrorCode::Io));
    }

    #[test]
    fn a_database_that_cannot_be_opened_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("podium.db");
        std::fs::write(
            &path,
            b"this is not a database, just text that fills a page".repeat(100),
        )
        .unwrap();
        let state = App::open(Location::File(path.clone()));
        let error = state.store_error().expect("the open failed");
        assert_eq!(error.code, ErrorCode::DatabaseCorrupt);
        let listed = state.with_store(|store| store.list_drafts());
        assert_eq!(listed.unwrap_err().code, ErrorCode::DatabaseCorrupt);
        assert_eq!(state.settings(), Settings::default(), "defaults meanwhile");

        // Once the file is fixed (here: removed), the next command opens it.
        std::fs::remove_file(&path).unwrap();
        assert_eq!(state.with_store(|store| store.list_drafts()).unwrap(), []);
        assert_eq!(state.store_error(), None);
    }

    #[test]
    fn nowhere_stays_failed() {
        let error = AppError::new(ErrorCode::Io, "no data folder");
        let state = App::open(Location::Nowhere(error.clone()));
        assert_eq!(state.with_store(|store| store.list_drafts()), Err(error));
    }
}
