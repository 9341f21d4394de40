//! For the tests of the store and of the layers above (`test-support` feature): a database
//! that opens but fails the full check, as a disk that lost a page leaves it
//! ([`damage_an_index`]), and a real PostgreSQL server with a fresh database per test
//! ([`postgres_library`]).

use rusqlite::Connection;
use std::path::Path;

/// Builds the `drafts_live` index of the database at `db` for other columns, then gives it back
/// its own definition: the index disagrees with its table, which the check at open does not
/// see and the full check (`podium doctor`, the app's daily check) does.
pub fn damage_an_index(db: &Path) {
    let set_sql = |sql: &str| {
        let conn = Connection::open(db).expect("the database opens");
        conn.pragma_update(None, "writable_schema", true)
            .expect("the schema is writable");
        conn.execute(
            "UPDATE sqlite_schema SET sql = ?1 WHERE name = 'drafts_live'",
            [sql],
        )
        .expect("the index's definition is replaced");
    };
    let original: String = Connection::open(db)
        .expect("the database opens")
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'drafts_live'",
            [],
            |row| row.get(0),
        )
        .expect("the index exists");
    set_sql(&original.replace("updated_at, id, title", "created_at, id, body"));
    Connection::open(db)
        .expect("the database opens")
        .execute_batch("REINDEX drafts_live")
        .expect("the index is rebuilt");
    set_sql(&original);
}

/// A PostgreSQL server of Debian's `postgresql` package, started once per test process in a
/// temporary folder, listening on 127.0.0.1 only, and stopped (its folder removed) when the
/// process ends: a shell beside it waits on a pipe the process holds, and stops the server
/// when the pipe closes, however the process ended.
struct TestServer {
    port: u16,
    /// Names databases uniquely within the process.
    next: std::sync::atomic::AtomicUsize,
    /// Kept open for the process's life: its end stops the server.
    _watchdog: std::sync::Mutex<std::process::Child>,
}

static SERVER: std::sync::OnceLock<TestServer> = std::sync::OnceLock::new();

/// The address of a new, empty database on this process's test server (started at the first
/// call: about two seconds). Panics when the server cannot start: a test that needs it
/// cannot run without it.
pub fn postgres_library() -> String {
    let server = SERVER.get_or_init(TestServer::start);
    let n = server
        .next
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("library_{}_{n}", std::process::id());
    let mut admin = postgres::Client::connect(&server.url("postgres"), postgres::NoTls)
        .expect("the test server takes connections");
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("a test database is created");
    server.url(&name)
}

impl TestServer {
    fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    fn start() -> TestServer {
        use std::process::{Command, Stdio};
        let bin = postgres_bin();
        let dir = tempfile::Builder::new()
            .prefix("podium-pg-")
            .tempdir()
            .expect("a temporary folder")
            .keep();
        let data = dir.join("data");
        let as_root = running_as_root();
        if as_root {
            // The server refuses to run as root: it runs as Debian's `postgres` user.
            let status = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&dir)
                .status()
                .expect("chown runs");
            assert!(status.success(), "the folder is given to postgres");
        }
        let run_as = |program: &std::path::Path| {
            let mut command = match as_root {
                true => {
                    let mut command = Command::new("runuser");
                    command.args(["-u", "postgres", "--"]).arg(program);
                    command
                }
                false => Command::new(program),
            };
            command.stdin(Stdio::null());
            command
        };
        let initdb = run_as(&bin.join("initdb"))
            .args([
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "-U",
                "postgres",
            ])
            .arg("-D")
            .arg(&data)
            .stdout(Stdio::null())
            .output()
            .expect("initdb runs");
        assert!(
            initdb.status.success(),
            "initdb failed: {}",
            String::from_utf8_lossy(&initdb.stderr)
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let server = format!(
            "{} -D {} -p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off",
            bin.join("postgres").display(),
            data.display(),
            dir.display()
        );
        let server = match as_root {
            true => format!("runuser -u postgres -- {server}"),
            false => server,
        };
        let script = format!(
            "{server} >{log} 2>&1 & read _; kill -INT $(head -n 1 {pid}); \
             while [ -e {pid} ]; do sleep 0.1; done; rm -rf {dir}",
            log = dir.join("server.log").display(),
            pid = data.join("postmaster.pid").display(),
            dir = dir.display()
        );
        let watchdog = Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let server = TestServer {
            port,
            next: std::sync::atomic::AtomicUsize::new(0),
            _watchdog: std::sync::Mutex::new(watchdog),
        };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while postgres::Client::connect(&server.url("postgres"), postgres::NoTls).is_err() {
            assert!(
                std::time::Instant::now() < deadline,
                "the test server did not start: {}",
                std::fs::read_to_string(dir.join("server.log")).unwrap_or_default()
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        server
    }
}

/// The server's programs: `PODIUM_PG_BIN`, else the newest of `/usr/lib/postgresql/*/bin`.
fn postgres_bin() -> std::path::PathBuf {
    if let Some(bin) = std::env::var_os("PODIUM_PG_BIN") {
        return bin.into();
    }
    let mut versions: Vec<(u32, std::path::PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("Debian's postgresql package is installed (/usr/lib/postgresql)")
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = entry.file_name().to_str()?.parse().ok()?;
            Some((version, entry.path().join("bin")))
        })
        .collect();
    versions.sort();
    versions.pop().expect("a PostgreSQL version is installed").1
}

fn running_as_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.starts_with(b"0\n"))
}
