//! Storage: one SQLite database file holding drafts, their history, the user's templates and
//! the settings. The database is the truth; nothing user-visible lives only in the front end.
//!
//! - Where: [`default_db_path`] (`PODIUM_DB`, else `<data dir>/podium/podium.db`); callers
//!   with an explicit path (`--db`, tests) use [`Store::open`].
//! - Every connection: WAL, `synchronous=NORMAL`, `foreign_keys=ON`, a busy timeout.
//! - Schema: numbered, additive migrations in `migrations/NNN_name.sql`, embedded in the binary
//!   and applied on open. Tables: `drafts`, `revisions` (history), `templates`, `settings`,
//!   `rehearsals` (timed runs in the prompter), `readings` (the office's reading dictionary)
//!   and two full-text indexes (see [`Store::search`]).
//! - Times are passed in (`now`), never read from a clock, and stored as unix milliseconds (UTC).
//! - Concurrency: every save names the [`Draft::revision`] it was based on; a stale save fails
//!   with [`StoreError::Conflict`] and its text is kept in the history. Nothing is lost.
//! - Each write is one `BEGIN IMMEDIATE` transaction: it takes the write lock up front.
//! - Damage shows at [`Store::open`] (`PRAGMA quick_check`) as [`StoreError::Corrupt`]; the file
//!   is moved aside, never deleted, only when the user agrees ([`recover_corrupt`]). Daily
//!   backups: [`Store::backup_if_due`]; every draft as a Markdown file: [`Store::export_all`].

mod backup;
mod dismissals;
mod drafts;
mod error;
mod export_all;
mod location;
mod migrations;
mod moving;
mod readings;
mod recovery;
mod rehearsals;
mod revisions;
mod search;
mod server;
mod settings;
mod sql;
#[cfg(any(test, feature = "test-support"))]
pub mod testing;
pub use settings::read_field;
mod stamp;
mod stats;
mod status;
mod templates;
mod workflow;

pub use backup::{backup_dir, list_backups, restore_backup, DEFAULT_BACKUPS_KEPT};
pub use dismissals::{Dismissal, RuleOff};
pub use drafts::{Draft, DraftEdit, DraftSummary, SaveKind};
pub use error::{Item, StoreError};
pub use export_all::{file_name_for, ExportedDraft};
pub use location::{has_password, Address};
pub use moving::Moved;
pub use readings::{ReadingEntry, ReadingError};
pub use recovery::{recover_corrupt, repair, Repair};
pub use rehearsals::REHEARSALS_LISTED;
pub use revisions::{Revision, RevisionKind, RevisionSummary, AUTOSAVE_WINDOW};
pub use search::SearchHit;
pub use server::is_server_address;
pub use stats::DraftStats;
pub use status::DraftStatus;
pub use templates::{TemplateEdit, UserTemplate};
pub use workflow::{Comment, StatusChange, COMMENT_CHARS, PRESENCE_WINDOW};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use sql::Db;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Environment variable that overrides the database location.
pub const DB_ENV: &str = "PODIUM_DB";

/// How long a statement waits for another connection's lock before failing with
/// [`StoreError::Busy`].
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The database file to use when the caller names none: `$PODIUM_DB` if set and not empty,
/// else `podium/podium.db` in the OS's local data directory. `None` when the OS has none.
///
/// Local, not roaming: on Windows `%LOCALAPPDATA%`, not `%APPDATA%`, which managed PCs often
/// redirect to a file server or copy at each sign-in and sign-out — and SQLite's write-ahead
/// log needs the file on this PC (a shared library belongs on the office's PostgreSQL server).
/// Elsewhere the two are the same folder (`~/.local/share`).
pub fn default_db_path() -> Option<PathBuf> {
    match std::env::var_os(DB_ENV) {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        _ => dirs::data_local_dir().map(|dir| dir.join("podium").join("podium.db")),
    }
}

/// An open library: a SQLite file on this PC, or a PostgreSQL database on the office's
/// server ([`Store::connect`]). Every method works on both, except where it says it is for
/// a file (backups, checks and repairs of the file). Not `Sync`: share it behind a mutex.
#[derive(Debug)]
pub struct Store {
    backend: Backend,
    /// Who writes: recorded with every revision (see [`Store::set_author`]).
    author: String,
}

#[derive(Debug)]
enum Backend {
    Sqlite(Connection),
    /// A server connection needs `&mut` even to read: the store's reads take `&self`.
    Postgres(Box<RefCell<server::Server>>),
}

impl Store {
    /// Opens (creating it and its parent directories if needed), checks and migrates the
    /// database. A damaged file gives [`StoreError::Corrupt`] (see [`recover_corrupt`]).
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with_timeout(path, DEFAULT_BUSY_TIMEOUT)
    }

    /// [`Store::open`] with a chosen busy timeout.
    pub fn open_with_timeout(path: &Path, busy_timeout: Duration) -> Result<Store> {
        location::refuse_url(path)?;
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        Store::open_file(path, OpenFlags::default(), busy_timeout)
    }

    /// Opens a database that must exist, for a command that only reads: nothing is created
    /// ([`StoreError::NoDatabase`] when the file is missing). Checked and upgraded as by
    /// [`Store::open`] where it can be written; a read-only file or folder is opened
    /// [read-only](Store::open_read_only).
    pub fn open_existing(path: &Path) -> Result<Store> {
        location::refuse_url(path)?;
        if !path.exists() {
            return Err(StoreError::NoDatabase);
        }
        let read_write = OpenFlags::default() - OpenFlags::SQLITE_OPEN_CREATE;
        match Store::open_file(path, read_write, DEFAULT_BUSY_TIMEOUT) {
            Err(StoreError::ReadOnly) => Store::open_read_only(path),
            opened => opened,
        }
    }

    /// Opens an existing database only to read it: checked, never upgraded (an older one
    /// gives [`StoreError::ReadOnly`]), every write refused. In a folder where SQLite cannot
    /// make its shared-memory file, a database with no write-ahead log left in it is read as
    /// immutable.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        location::refuse_url(path)?;
        let read_only = (OpenFlags::default()
            - OpenFlags::SQLITE_OPEN_CREATE
            - OpenFlags::SQLITE_OPEN_READ_WRITE)
            | OpenFlags::SQLITE_OPEN_READ_ONLY;
        let opened = Connection::open_with_flags(path, read_only)
            .map_err(StoreError::from)
            .and_then(Store::init_read_only);
        match opened {
            Err(StoreError::CannotOpen | StoreError::ReadOnly)
                if !recovery::with_suffix(path, "-wal").exists() =>
            {
                let uri = location::immutable_uri(path);
                Connection::open_with_flags(uri, read_only | OpenFlags::SQLITE_OPEN_URI)
                    .map_err(StoreError::from)
                    .and_then(Store::init_read_only)
            }
            opened => opened,
        }
    }

    fn open_file(path: &Path, flags: OpenFlags, busy_timeout: Duration) -> Result<Store> {
        Connection::open_with_flags(path, flags)
            .map_err(StoreError::from)
            .and_then(|conn| Store::init(conn, busy_timeout))
            .map_err(|err| recovery::explain_cannot_open(err, path))
    }

    /// A private database that lives as long as the value: for tests and previews.
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, DEFAULT_BUSY_TIMEOUT)
    }

    fn init(mut conn: Connection, busy_timeout: Duration) -> Result<Store> {
        // First of all, so that everything below waits for other connections' locks.
        conn.busy_timeout(busy_timeout)?;
        use_wal(&conn, busy_timeout)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        recovery::check(&conn)?;
        migrations::run(&mut conn)?;
        Ok(Store::over_sqlite(conn))
    }

    fn init_read_only(conn: Connection) -> Result<Store> {
        conn.busy_timeout(DEFAULT_BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        recovery::check(&conn)?;
        migrations::check_current(&conn)?;
        Ok(Store::over_sqlite(conn))
    }

    fn over_sqlite(conn: Connection) -> Store {
        Store {
            backend: Backend::Sqlite(conn),
            author: String::new(),
        }
    }

    /// Connects to a PostgreSQL library (`postgres://…` or a `service=…` connection string,
    /// see [`server`]) and brings its schema up to date.
    pub fn connect(url: &str) -> Result<Store> {
        Ok(Store {
            backend: Backend::Postgres(Box::new(RefCell::new(server::Server::connect(url)?))),
            author: String::new(),
        })
    }

    /// Records `author` as the writer of every revision saved from now on.
    pub fn set_author(&mut self, author: &str) {
        self.author = author.to_owned();
    }

    /// Whether this is a library on a server.
    pub fn is_server(&self) -> bool {
        matches!(self.backend, Backend::Postgres(_))
    }

    /// The SQLite connection, for what only a database file has (backups, checks).
    pub(crate) fn sqlite(&self) -> Result<&Connection> {
        match &self.backend {
            Backend::Sqlite(conn) => Ok(conn),
            Backend::Postgres(_) => Err(StoreError::OnlyForFiles),
        }
    }

    /// Runs `read` on a consistent view of the database.
    fn read<T: Send>(
        &self,
        mut read: impl FnMut(&mut Db<'_, '_>) -> Result<T> + Send,
    ) -> Result<T> {
        match &self.backend {
            Backend::Sqlite(conn) => read(&mut Db::Sqlite(conn)),
            Backend::Postgres(server) => server.borrow_mut().transaction(read),
        }
    }

    /// Runs `write` in one transaction: all of it is kept, or (when it fails) none. On SQLite
    /// the write lock is taken at once (no deadlock on upgrade). On a server, `write` may run
    /// twice: once more on a new connection when the old one turned out dead.
    fn write<T: Send>(
        &mut self,
        mut write: impl FnMut(&mut Db<'_, '_>) -> Result<T> + Send,
    ) -> Result<T> {
        match &mut self.backend {
            Backend::Sqlite(conn) => {
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let written = write(&mut Db::Sqlite(&tx))?;
                tx.commit()?;
                Ok(written)
            }
            Backend::Postgres(server) => server.get_mut().transaction(write),
        }
    }
}

/// Puts the database in WAL mode. Changing the journal mode needs the file to itself, and
/// SQLite answers "busy" at once, without its busy handler, while another connection has it
/// open (two processes creating a database together): try again until `patience` has passed.
/// In-memory databases answer "memory"; a read-only file keeps its mode. Both are fine.
fn use_wal(conn: &Connection, patience: Duration) -> Result<()> {
    let deadline = Instant::now() + patience;
    let mut pause = Duration::from_millis(1);
    loop {
        match conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
        {
            Ok(_) => return Ok(()),
            Err(err) => match StoreError::from(err) {
                StoreError::Busy if Instant::now() + pause < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(50));
                }
                other => return Err(other),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_pragmas_are_set() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("a/b/podium.db")).unwrap();
        let pragma = |name: &str| -> String {
            store
                .sqlite()
                .unwrap()
                .query_row(&format!("PRAGMA {name}"), [], |row| {
                    row.get::<_, rusqlite::types::Value>(0)
                })
                .map(|value| format!("{value:?}"))
                .unwrap()
        };
        assert_eq!(pragma("journal_mode"), r#"Text("wal")"#);
        assert_eq!(pragma("synchronous"), "Integer(1)");
        assert_eq!(pragma("foreign_keys"), "Integer(1)");
        assert_eq!(pragma("busy_timeout"), "Integer(5000)");
    }

    #[test]
    fn writes_refused_by_sqlite_give_read_only() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .sqlite()
            .unwrap()
            .pragma_update(None, "query_only", true)
            .unwrap();
        let err = store.set_setting("pace", &300).unwrap_err();
        assert!(matches!(err, StoreError::ReadOnly), "{err:?}");
    }
}
