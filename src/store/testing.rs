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

/// A PostgreSQL server of Debian's `postgresql` package, in a temporary folder, listening on
/// 127.0.0.1 only, stopped (its folder removed) when the process ends: a shell beside it waits
/// on a pipe the process holds, and stops the server when the pipe closes, however the
/// process ended. [`postgres_library`] shares one per process; a test that stops its server
/// ([`PostgresServer::stop`], as a network failure would) starts its own.
pub struct PostgresServer {
    dir: std::path::PathBuf,
    port: u16,
    as_root: bool,
    bin: std::path::PathBuf,
    /// Names databases uniquely within the process.
    next: std::sync::atomic::AtomicUsize,
    /// Kept open for the process's life: their end stops the server.
    watchdogs: std::sync::Mutex<Vec<std::process::Child>>,
}

static SERVER: std::sync::OnceLock<PostgresServer> = std::sync::OnceLock::new();

/// The address of a new, empty database on this process's test server (started at the first
/// call: about two seconds). Panics when the server cannot start: a test that needs it
/// cannot run without it.
pub fn postgres_library() -> String {
    SERVER.get_or_init(PostgresServer::start).library()
}

impl PostgresServer {
    /// A new server of its own (initdb, then started).
    pub fn start() -> PostgresServer {
        use std::process::{Command, Stdio};
        let bin = postgres_bin();
        let dir = tempfile::Builder::new()
            .prefix("podium-pg-")
            .tempdir()
            .expect("a temporary folder")
            .keep();
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
        let server = PostgresServer {
            port: std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|listener| listener.local_addr())
                .expect("a free port")
                .port(),
            dir,
            as_root,
            bin,
            next: std::sync::atomic::AtomicUsize::new(0),
            watchdogs: std::sync::Mutex::new(Vec::new()),
        };
        let initdb = server
            .command("initdb")
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
            .arg(server.dir.join("data"))
            .stdout(Stdio::null())
            .output()
            .expect("initdb runs");
        assert!(
            initdb.status.success(),
            "initdb failed: {}",
            String::from_utf8_lossy(&initdb.stderr)
        );
        // TLS offered with a certificate of its own for 127.0.0.1 (see `root_cert`).
        let made = server
            .command_of(
                "openssl",
                &["req", "-x509", "-newkey", "rsa:2048", "-nodes"],
            )
            .args(["-days", "2", "-subj", "/CN=localhost"])
            .args(["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"])
            .arg("-keyout")
            .arg(server.dir.join("data").join("server.key"))
            .arg("-out")
            .arg(server.dir.join("data").join("server.crt"))
            .stdout(Stdio::null())
            .output()
            .expect("openssl runs");
        assert!(
            made.status.success(),
            "openssl failed: {}",
            String::from_utf8_lossy(&made.stderr)
        );
        let key = server.dir.join("data").join("server.key");
        let private = server
            .command_of("chmod", &["600"])
            .arg(&key)
            .status()
            .expect("chmod runs");
        assert!(private.success(), "the key is private");
        server.run();
        server
    }

    /// The certificate the server presents (self-signed): a client's root certificate.
    pub fn root_cert(&self) -> std::path::PathBuf {
        self.dir.join("data").join("server.crt")
    }

    /// The address of a new, empty database on this server.
    pub fn library(&self) -> String {
        let n = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("library_{}_{n}", std::process::id());
        let mut admin = postgres::Client::connect(&self.url("postgres"), postgres::NoTls)
            .expect("the test server takes connections");
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("a test database is created");
        self.url(&name)
    }

    /// Stops the server (a fast shutdown: connections are cut, as when a network fails).
    pub fn stop(&self) {
        let pid_file = self.dir.join("data").join("postmaster.pid");
        let pid = std::fs::read_to_string(&pid_file).expect("the server is running");
        let pid = pid.lines().next().unwrap_or_default().trim().to_owned();
        let killed = std::process::Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .expect("kill runs");
        assert!(killed.success(), "the server is told to stop");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while pid_file.exists() {
            assert!(std::time::Instant::now() < deadline, "the server stops");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// Starts the server again on the same data and port.
    pub fn restart(&self) {
        self.run();
    }

    fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// One of the server's programs, as the user who may run it.
    fn command(&self, program: &str) -> std::process::Command {
        self.command_of(&self.bin.join(program).to_string_lossy(), &[])
    }

    /// `program` with `args`, as the user who runs the server.
    fn command_of(&self, program: &str, args: &[&str]) -> std::process::Command {
        let mut command = match self.as_root {
            true => {
                let mut command = std::process::Command::new("runuser");
                command.args(["-u", "postgres", "--"]).arg(program);
                command
            }
            false => std::process::Command::new(program),
        };
        command.args(args).stdin(std::process::Stdio::null());
        command
    }

    /// Starts the server under a watchdog and waits until it takes connections.
    fn run(&self) {
        use std::process::{Command, Stdio};
        let data = self.dir.join("data");
        let server = format!(
            "{} -D {} -p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off -c ssl=on",
            self.bin.join("postgres").display(),
            data.display(),
            self.port,
            self.dir.display()
        );
        let server = match self.as_root {
            true => format!("runuser -u postgres -- {server}"),
            false => server,
        };
        let script = format!(
            "{server} >>{log} 2>&1 & read _; kill -INT $(head -n 1 {pid}); \
             while [ -e {pid} ]; do sleep 0.1; done; rm -rf {dir}",
            log = self.dir.join("server.log").display(),
            pid = data.join("postmaster.pid").display(),
            dir = self.dir.display()
        );
        let watchdog = Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        self.watchdogs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(watchdog);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while postgres::Client::connect(&self.url("postgres"), postgres::NoTls).is_err() {
            assert!(
                std::time::Instant::now() < deadline,
                "the test server did not start: {}",
                std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default()
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
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
