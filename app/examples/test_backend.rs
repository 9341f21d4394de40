//! **For tests only: never built into the app, never shipped.** The application layer
//! (`podium_app`) over loopback HTTP, so that the UI's browser tests (`ui/tests/*.test.mjs`,
//! started by `ui/tests/browser.mjs`) and the prompter benchmarks (`benches/prompter/`) run the
//! UI in Chromium against the real use cases, not against a copy of them in TypeScript.
//!
//! `cargo build -p podium-app --example test_backend`, then `test_backend FOLDER`: it binds
//! 127.0.0.1 on a port the OS chooses, prints that port on a line of its own, and serves until
//! its standard input closes (so a test runner that dies does not leave it behind).
//!
//! - `POST /<command>` with the command's arguments as a JSON object, camelCase as from Tauri
//!   (`{"id": 1, "baseRevision": 2, …}`), calls the same `podium_app` function as the Tauri
//!   adapter (`src-tauri/src/invoke.rs`) and answers as Tauri's own IPC does (its custom
//!   protocol): `200` with the header `Tauri-Response: ok` and the result as JSON, or
//!   `Tauri-Response: error` and the `AppError` (`{ code, message }`) — so that an error the UI
//!   expects (a `conflict`) is no failed request in the browser's console, as in the app.
//! - Not here: what the desktop shell gets from the platform (the native dialogs, the clipboard,
//!   the prompter window, the displays): the UI's test backend (`ui/src/lib/test-backend.ts`)
//!   stands in for those.
//! - Paths: the shell acts only on what the user chose in its dialogs (`src-tauri/src/grants.rs`);
//!   this server acts only inside FOLDER (else `not_permitted`), where the tests' dialogs point.
//! - `export_all` answers `{ report, progress }`: the progress a Tauri channel would have
//!   carried, in order.
//! - `POST /__reset` (tests only) puts a new database in place: a file in FOLDER, with
//!   `drafts` (texts) imported into it (and with `sample`, the sample address given as at a
//!   new library's first start), today's backup made as at start-up, and then, with
//!   `fault`, damaged for real: `corrupt` (the file overwritten: it fails to open as
//!   `database_corrupt`; the backup holds the drafts), `too_new` (written by a newer Podium:
//!   `database_too_new`), `damaged_index` (an index that disagrees with its table, which only
//!   the daily full check finds). The app is then opened on it as the desktop app starts.
//!
//! This PC's settings (`local_settings`) are FOLDER/local.json, removed at every reset.
//!
//! The clock starts at 2027-01-03 09:00 in Japan (the local time zone here) at every reset and
//! runs. The dictionary is loaded (built from mecab-ipadic the first time) before the port is
//! printed, so analysis is in morae as in the app; without it, in characters (said on stderr).

use podium::japanese::dictionary;
use podium_app::lexicon::{Lexicon, Loading};
use podium_app::remote::{Host, Remote};
use podium_app::wire::{ExportAllProgress, NotesShown, PrompterScript, RemoteCommand, TextEdit};
use podium_app::{analysis, export, library, local_settings, prompter, readings, settings};
use podium_app::{findings, upkeep, wordpress, workflow};
use podium_app::{App, AppError, ErrorCode, Location};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Instant;
use time::macros::{datetime, offset};
use time::OffsetDateTime;

/// When the clock starts: 2027-01-03 09:00 in Japan.
const START: OffsetDateTime = datetime!(2027-01-03 00:00 UTC);

/// A request body bigger than this is refused (an export's contents may be 64 MiB).
const MAX_BODY: usize = 80 << 20;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let folder = std::env::args_os()
        .nth(1)
        .ok_or("usage: test_backend FOLDER (where its databases and files go)")?;
    let folder = PathBuf::from(folder).canonicalize()?;
    // This PC's settings in FOLDER, never the user's: set before any thread starts.
    std::env::set_var(
        podium_app::local_settings::LOCAL_SETTINGS_ENV,
        folder.join("local.json"),
    );
    let lexicon = Lexicon::default();
    lexicon.load_now(
        &dictionary::Origin::of_this_program(),
        |loading| match loading {
            Loading::Building => eprintln!("test_backend: building the dictionary (once)…"),
            Loading::Failed(error) => {
                eprintln!("test_backend: {error} — analysis counts characters")
            }
            Loading::Built(_) => {}
        },
    );
    let server = Arc::new(Server {
        app: RwLock::new(Arc::new(App::in_memory())),
        databases: AtomicUsize::new(0),
        remote: Remote::default(),
        lexicon: Arc::new(lexicon),
        folder,
    });
    server.reset(Reset::default())?;

    let listener = TcpListener::bind(("127.0.0.1", 0))?;
    println!("{}", listener.local_addr()?.port());
    io::stdout().flush()?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let server = Arc::clone(&server);
            std::thread::spawn(move || server.serve(stream));
        }
    });
    // Serve until whoever started this closes its end of standard input (or dies).
    io::copy(&mut io::stdin().lock(), &mut io::sink())?;
    Ok(())
}

struct Server {
    /// Every database and file this server touches is in here (canonical).
    folder: PathBuf,
    /// The dictionary, loaded once and shared by every database's app.
    lexicon: Arc<Lexicon>,
    app: RwLock<Arc<App>>,
    /// Databases made so far (each reset makes one, in a folder of its own).
    databases: AtomicUsize,
    /// The operator's remote: served for real on loopback; the commands a phone sends reach no
    /// prompter here (the browser tests' prompter is a page of its own).
    remote: Remote,
}

/// The remote's host in the browser tests: no prompter window, no page files.
struct NoPrompter;

impl Host for NoPrompter {
    fn send(&self, _: RemoteCommand) {}
    fn script(&self, _: i64) -> Result<(PrompterScript, NotesShown), AppError> {
        Err(AppError::new(
            ErrorCode::NotFound,
            "no prompter window here",
        ))
    }
    fn asset(&self, _: &str) -> Option<(Vec<u8>, String)> {
        None
    }
    fn now(&self) -> OffsetDateTime {
        START
    }
}

#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Reset {
    #[serde(default)]
    drafts: Vec<String>,
    #[serde(default)]
    fault: Option<Fault>,
    /// The sample address, as a new library gets it at the desktop app's first start.
    #[serde(default)]
    sample: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Fault {
    Corrupt,
    TooNew,
    DamagedIndex,
}

impl Server {
    fn app(&self) -> Arc<App> {
        Arc::clone(&self.app.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// The app over the database at `path`, as the desktop app opens it (the office's readings
    /// read; today's backup and the full check are [`upkeep::back_up_if_due`], here not in the
    /// background).
    fn open(&self, path: &Path) -> App {
        let started = Instant::now();
        let mut app = App::open(Location::File(path.to_path_buf()))
            .with_clock(move || START + started.elapsed())
            .with_local_offset(offset!(+9));
        app.lexicon = Arc::clone(&self.lexicon);
        // A database that cannot be opened is reported by `app_info`, as in the app.
        let _ = readings::refresh_readings(&app);
        app
    }

    fn reset(&self, reset: Reset) -> Result<(), AppError> {
        let n = self.databases.fetch_add(1, Ordering::Relaxed);
        let folder = self.folder.join(format!("database-{n}"));
        std::fs::create_dir_all(&folder).map_err(io_error)?;
        let path = folder.join("podium.db");
        // Each test starts with this PC's settings unset.
        let _ = std::fs::remove_file(self.folder.join("local.json"));
        let mut app = self.open(&path);
        let texts = reset.drafts.into_iter().map(|body| (String::new(), body));
        library::import_texts(&app, texts.collect())?;
        if reset.sample {
            library::give_sample(&app)?;
        }
        // Today's backup holds the drafts.
        upkeep::back_up_if_due(&app);
        if let Some(fault) = reset.fault {
            drop(app);
            damage(&path, fault).map_err(|error| internal(error.to_string()))?;
            // Started again on the damaged file: the check runs, today's backup is there.
            app = self.open(&path);
            upkeep::back_up_if_due(&app);
        }
        *self.app.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(app);
        Ok(())
    }

    /// HTTP/1.1 on one connection (kept alive), one request at a time.
    fn serve(&self, stream: TcpStream) {
        let Ok(reading) = stream.try_clone() else {
            return;
        };
        let mut reader = BufReader::new(reading);
        let mut writer = stream;
        while let Ok(Some(request)) = read_request(&mut reader) {
            let head = |status: &str, extra: &str, length: usize| {
                format!("HTTP/1.1 {status}\r\n{extra}Content-Length: {length}\r\n\r\n")
            };
            let (head, body) = match request {
                Request::Post { command, body } => {
                    let (outcome, body) = self.answer(&command, &body);
                    let extra =
                        format!("Content-Type: application/json\r\nTauri-Response: {outcome}\r\n");
                    (head("200 OK", &extra, body.len()), body)
                }
                Request::Other => {
                    let body = b"POST /<command> only".to_vec();
                    let extra = "Content-Type: text/plain\r\n";
                    (head("405 Method Not Allowed", extra, body.len()), body)
                }
            };
            let sent = writer
                .write_all(head.as_bytes())
                .and_then(|()| writer.write_all(&body));
            if sent.is_err() {
                return;
            }
        }
    }

    /// `ok` or `error`, and the JSON of the result or of the error.
    fn answer(&self, command: &str, body: &[u8]) -> (&'static str, Vec<u8>) {
        let args = match body.iter().all(u8::is_ascii_whitespace) {
            true => Ok(Map::new()),
            false => serde_json::from_slice::<Map<String, Value>>(body).map_err(|error| {
                AppError::invalid(format!("the arguments are not a JSON object: {error}"))
            }),
        };
        let answered = args.and_then(|args| self.dispatch(command, &Args(args)));
        let (outcome, value) = match answered {
            Ok(value) => ("ok", value),
            Err(error) => ("error", to_json(error).unwrap_or_default()),
        };
        (outcome, serde_json::to_vec(&value).unwrap_or_default())
    }

    /// Each command as `src-tauri/src/invoke.rs` forwards it.
    fn dispatch(&self, command: &str, args: &Args) -> Result<Value, AppError> {
        let app = &*self.app();
        match command {
            "app_info" => to_json(library::app_info(app)),
            "list_drafts" => to_json(library::list_drafts(app)?),
            "search_drafts" => to_json(library::search_drafts(app, &args.get::<String>("query")?)?),
            "get_draft" => to_json(library::get_draft(app, args.get("id")?)?),
            "list_templates" => to_json(library::list_templates()),
            "create_draft" => to_json(library::create_draft(app, args.get("values")?)?),
            "duplicate_draft" => to_json(library::duplicate_draft(app, args.get("id")?)?),
            "update_draft_meta" => to_json(library::update_draft_meta(
                app,
                args.get("id")?,
                args.get("meta")?,
            )?),
            "delete_draft" => to_json(library::delete_draft(app, args.get("id")?)?),
            "restore_draft" => to_json(library::restore_draft(app, args.get("id")?)?),
            "import_files" => to_json(self.import_files(app, args.get("paths")?)?),
            "save_draft" => to_json(library::save_draft(
                app,
                args.get("id")?,
                args.get("body")?,
                args.get("baseRevision")?,
                args.get("kind")?,
            )?),
            "list_revisions" => to_json(library::list_revisions(app, args.get("id")?)?),
            "get_revision" => to_json(library::get_revision(app, args.get("revisionId")?)?),
            "restore_revision" => to_json(library::restore_revision(app, args.get("revisionId")?)?),
            "analyse" => to_json(analysis::analyse(
                app,
                &args.get::<String>("body")?,
                args.get("draft")?,
            )?),
            "dismiss_finding" => to_json(findings::dismiss_finding(
                app,
                args.get("draft")?,
                args.get("version")?,
                &args.get::<String>("rule")?,
                args.get("from")?,
                args.get("to")?,
            )?),
            "undo_dismissal" => to_json(findings::undo_dismissal(
                app,
                args.get("draft")?,
                args.get("version")?,
                &args.get::<String>("rule")?,
                args.get("from")?,
                args.get("to")?,
            )?),
            "set_draft_rule_off" => to_json(findings::set_draft_rule_off(
                app,
                args.get("draft")?,
                &args.get::<String>("rule")?,
                args.get("off")?,
            )?),
            "analyse_edits" => to_json(analysis::analyse_edits(
                app,
                args.get("version")?,
                &args.get::<Vec<TextEdit>>("edits")?,
            )?),
            "list_readings" => to_json(readings::list_readings(app)?),
            "put_reading" => to_json(readings::put_reading(
                app,
                &args.get::<String>("written")?,
                &args.get::<String>("reading")?,
            )?),
            "delete_reading" => to_json(readings::delete_reading(
                app,
                &args.get::<String>("written")?,
            )?),
            "export_text" => to_json(export::export_text(
                app,
                &args.get::<String>("body")?,
                args.get("profile")?,
                args.get("ruby")?,
                args.get("blog")?,
                args.get("accessible")?,
            )?),
            "blog_summary" => to_json(export::blog_summary(&args.get::<String>("body")?)?),
            "blog_lead_in" => to_json(export::blog_lead_in(app, args.get("id")?)?),
            "save_wordpress_draft" => to_json(wordpress::save_wordpress_draft(
                app,
                &args.get::<String>("body")?,
                args.get("ruby")?,
                args.get("blog")?,
                args.get("accessible")?,
                &args.get::<String>("password")?,
            )?),
            // The shell asks before opening; the page's test options answer for the person.
            "open_wordpress_draft" => {
                to_json(wordpress::draft_to_open(app, &args.get::<String>("url")?)?)
            }
            "paste_html" => to_json(library::paste_html(
                &args.get::<String>("html")?,
                &args.get::<String>("text")?,
            )?),
            "print_document" => to_json(export::print_document(
                &args.get::<String>("body")?,
                &args.get("options")?,
            )?),
            "save_export" => {
                let path = self.inside(&args.get::<String>("path")?)?;
                to_json(export::save_export(
                    &path,
                    &args.get::<String>("contents")?,
                )?)
            }
            "save_word_document" => {
                let path = self.inside(&args.get::<String>("path")?)?;
                to_json(export::save_word_document(
                    &path,
                    &args.get::<String>("body")?,
                    &args.get("document")?,
                )?)
            }
            "get_settings" => to_json(settings::get_settings(app)),
            "set_status" => to_json(workflow::set_status(
                app,
                args.get("id")?,
                args.get("status")?,
                args.get("reason")?,
            )?),
            "status_changes" => to_json(workflow::status_changes(app, args.get("id")?)?),
            "add_comment" => to_json(workflow::add_comment(
                app,
                args.get("id")?,
                args.get("quote")?,
                args.get("body")?,
            )?),
            "list_comments" => to_json(workflow::comments(app, args.get("id")?)?),
            "resolve_comment" => to_json(workflow::resolve_comment(app, args.get("commentId")?)?),
            "present" => to_json(workflow::present(app, args.get("id")?)?),
            "absent" => to_json(workflow::absent(app, args.get("id")?)?),
            "list_trash" => to_json(library::list_trash(app)?),
            "empty_trash" => to_json(library::empty_trash(app)?),
            "get_local_settings" => to_json(local_settings::get_local_settings()),
            "set_local_settings" => to_json(local_settings::set_local_settings(
                app,
                args.get("settings")?,
            )?),
            "set_settings" => to_json(settings::set_settings(app, args.get("settings")?)?),
            "prompter_script" => to_json(prompter::prompter_script(app, args.get("id")?)?),
            "get_prompter_settings" => to_json(prompter::get_prompter_settings(app)),
            "set_prompter_settings" => {
                to_json(prompter::set_prompter_settings(app, args.get("settings")?)?)
            }
            "save_rehearsal" => to_json(prompter::save_rehearsal(
                app,
                args.get("id")?,
                args.get("revision")?,
                args.get("sectionSeconds")?,
            )?),
            "rehearsal_summary" => to_json(prompter::rehearsal_summary(app, args.get("id")?)?),
            "remote_status" => to_json(self.remote.status()),
            "set_remote" => to_json(self.remote.set(
                Arc::new(NoPrompter),
                args.get("on")?,
                args.get("network")?,
            )?),
            "revoke_remote_device" => to_json(self.remote.revoke(args.get("id")?)?),
            "backups" => to_json(upkeep::backups(app)?),
            "repair_database" => to_json(upkeep::repair_database(app)?),
            "recover_database" => to_json(upkeep::recover_database(app, args.get("choice")?)?),
            "export_all" => {
                let folder = self.inside(&args.get::<String>("folder")?)?;
                let mut progress = Vec::new();
                let report = upkeep::export_all(app, &folder, |step| progress.push(step))?;
                to_json(ExportAll { report, progress })
            }
            "__reset" => to_json(self.reset(args.all()?)?),
            _ => Err(AppError::new(
                ErrorCode::Internal,
                format!("unknown command: {command}"),
            )),
        }
    }

    /// As the shell's `import_files`, with "inside FOLDER" for "chosen in the open dialog": one
    /// path outside refuses the whole import; a file inside that is not there is listed.
    fn import_files(
        &self,
        app: &App,
        paths: Vec<String>,
    ) -> Result<podium_app::wire::ImportReport, AppError> {
        podium_app::wire::check::import_paths(&paths)?;
        let mut files = Vec::with_capacity(paths.len());
        for path in paths {
            let inside = self.inside(&path)?;
            files.push((path, Ok(inside)));
        }
        library::import_files(app, files)
    }

    /// `path` when it is in this server's folder (a file there, or a new one in a folder
    /// there), else `not_permitted`: the stand-in for the shell's grants.
    fn inside(&self, path: &str) -> Result<PathBuf, AppError> {
        let path = Path::new(path);
        if !path.is_absolute() {
            return Err(AppError::invalid(format!(
                "a relative path: {}",
                path.display()
            )));
        }
        let resolved = path.canonicalize().or_else(|_| {
            let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
                return Err(());
            };
            parent
                .canonicalize()
                .map(|parent| parent.join(name))
                .map_err(|_| ())
        });
        match resolved {
            Ok(resolved) if resolved.starts_with(&self.folder) => Ok(resolved),
            _ => Err(AppError::new(
                ErrorCode::NotPermitted,
                format!(
                    "テスト用サーバーのフォルダーの外です (outside the test server's folder: {})",
                    path.display()
                ),
            )),
        }
    }
}

#[derive(Serialize)]
struct ExportAll {
    report: podium_app::wire::ExportAllReport,
    progress: Vec<ExportAllProgress>,
}

/// A command's arguments by their camelCase names; a missing one is `null` (an `Option`).
struct Args(Map<String, Value>);

impl Args {
    fn get<T: DeserializeOwned>(&self, name: &str) -> Result<T, AppError> {
        let value = self.0.get(name).cloned().unwrap_or(Value::Null);
        serde_json::from_value(value)
            .map_err(|error| AppError::invalid(format!("argument `{name}`: {error}")))
    }

    /// All of them as one value.
    fn all<T: DeserializeOwned>(&self) -> Result<T, AppError> {
        serde_json::from_value(Value::Object(self.0.clone()))
            .map_err(|error| AppError::invalid(format!("arguments: {error}")))
    }
}

/// Damages the closed database at `path` the way `fault` names.
fn damage(path: &Path, fault: Fault) -> Result<(), Box<dyn std::error::Error>> {
    match fault {
        Fault::Corrupt => {
            std::fs::write(path, b"not a database; a page of text instead ".repeat(200))?;
            for suffix in ["-wal", "-shm"] {
                let mut side = path.as_os_str().to_owned();
                side.push(suffix);
                let _ = std::fs::remove_file(side);
            }
        }
        Fault::TooNew => {
            let conn = rusqlite::Connection::open(path)?;
            conn.pragma_update(None, "user_version", 9999)?;
        }
        Fault::DamagedIndex => podium::store::testing::damage_an_index(path),
    }
    Ok(())
}

enum Request {
    Post { command: String, body: Vec<u8> },
    Other,
}

/// The next request on the connection; `None` when the client closed it.
fn read_request(reader: &mut impl BufRead) -> io::Result<Option<Request>> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut words = line.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let mut length = 0;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 {
            return Ok(None);
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value
                    .trim()
                    .parse()
                    .map_err(|_| invalid_data("Content-Length"))?;
            }
        }
    }
    if length > MAX_BODY {
        return Err(invalid_data("request too large"));
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    let command = target.trim_start_matches('/');
    Ok(Some(match method {
        "POST" if !command.is_empty() => Request::Post {
            command: command.to_owned(),
            body,
        },
        _ => Request::Other,
    }))
}

fn to_json(value: impl Serialize) -> Result<Value, AppError> {
    serde_json::to_value(value).map_err(|error| internal(error.to_string()))
}

fn internal(message: String) -> AppError {
    AppError::new(ErrorCode::Internal, message)
}

fn io_error(error: io::Error) -> AppError {
    internal(error.to_string())
}

fn invalid_data(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_owned())
}
