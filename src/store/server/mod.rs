//! A library on a PostgreSQL server: the connection, set up the way PostgreSQL's own tools
//! set theirs up, so that an office's IT staff configure Podium as they configure `psql`.
//!
//! - The address: a URL (`postgres://user@host:5432/podium?sslmode=prefer`) or a connection
//!   string (`host=db.city.local dbname=podium`), as libpq reads them.
//! - `service=NAME` (in either form, or `PGSERVICE`): the section NAME of the service file
//!   (`PGSERVICEFILE`, else `~/.pg_service.conf` or `%APPDATA%\postgresql\.pg_service.conf`
//!   on Windows, then `PGSYSCONFDIR/pg_service.conf`) fills in what the address leaves out.
//! - `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGSSLMODE`, `PGCONNECT_TIMEOUT` fill in
//!   what is still missing; then the defaults: the OS user, a database of the user's name,
//!   the local socket folder (or `localhost`).
//! - The password: never in Podium's settings. When the address has none, it comes from the
//!   password file (`PGPASSFILE`, else `~/.pgpass`, or `%APPDATA%\postgresql\pgpass.conf` on
//!   Windows), which on Unix is ignored unless only its owner can read it.
//! - `sslmode` as libpq has it, with the OS's own TLS (SChannel on Windows, OpenSSL on Linux):
//!   `disable`; `prefer` (the default: TLS when the server offers it); `require` (TLS or no
//!   connection; the certificate checked against a root certificate when one is given, as
//!   libpq does); `verify-ca` (the certificate checked); `verify-full` (and the host name).
//!   The root certificate: `sslrootcert`, `PGSSLROOTCERT`, else `~/.postgresql/root.crt`
//!   (`%APPDATA%\postgresql\root.crt` on Windows) when it exists, else the OS's trusted ones.
//!
//! A connection that drops (the server restarted, the network went away) is made again at
//! the next statement; the statement that found it gone fails with
//! [`StoreError::Unreachable`], and the transaction it was in is not applied.

mod address;

use address::connection_config;
pub use address::is_server_address;
use address::{Environment, Tls, TlsMode};

use super::migrations;
use super::sql::Db;
use super::{Result, StoreError};
use std::collections::HashMap;

pub(super) struct Server {
    config: postgres::Config,
    tls: Tls,
    client: postgres::Client,
    /// Prepared statements of this connection, by their SQL (see [`super::sql`]).
    statements: HashMap<String, postgres::Statement>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("host", &self.config.get_hosts())
            .field("dbname", &self.config.get_dbname())
            .finish_non_exhaustive()
    }
}

impl Server {
    /// Connects and brings the library's schema up to date.
    pub fn connect(address: &str) -> Result<Server> {
        let (config, tls) = connection_config(address, &Environment::of_process())?;
        let mut client = open(&config, &tls)?;
        migrations::run_postgres(&mut client)?;
        Ok(Server {
            config,
            tls,
            client,
            statements: HashMap::new(),
        })
    }

    /// Runs `work` in one transaction (committed when it succeeds), connecting again first
    /// if the connection was lost. A connection found dead by this transaction (the server
    /// restarted since the last one) is made again and the transaction run once more.
    ///
    /// On a thread of its own: the client blocks on a runtime of its own, which a thread
    /// already in an async runtime (a desktop command run off the main thread) may not do.
    pub fn transaction<T: Send>(
        &mut self,
        mut work: impl FnMut(&mut Db<'_, '_>) -> Result<T> + Send,
    ) -> Result<T> {
        std::thread::scope(|scope| {
            scope
                .spawn(|| match self.try_transaction(&mut work) {
                    Err(StoreError::Unreachable(_)) if self.client.is_closed() => {
                        self.try_transaction(&mut work)
                    }
                    done => done,
                })
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    }

    fn try_transaction<T>(
        &mut self,
        work: &mut impl FnMut(&mut Db<'_, '_>) -> Result<T>,
    ) -> Result<T> {
        if self.client.is_closed() {
            self.client = open(&self.config, &self.tls)?;
            self.statements.clear();
        }
        let mut tx = self.client.transaction()?;
        let done = work(&mut Db::Postgres {
            tx: &mut tx,
            statements: &mut self.statements,
        })?;
        tx.commit()?;
        Ok(done)
    }
}

/// How the connection is encrypted: libpq's `sslmode`, and the root certificate to check the
/// server's against.
fn open(config: &postgres::Config, tls: &Tls) -> Result<postgres::Client> {
    let connected = match tls.mode {
        TlsMode::Disable => config.connect(postgres::NoTls),
        _ => config.connect(connector(tls)?),
    };
    connected.map_err(|err| match StoreError::from(err) {
        StoreError::Unreachable(reason) if reason.to_ascii_lowercase().contains("tls") => {
            StoreError::Refused(format!(
                "TLS で接続できません。証明書と sslmode を確認してください (TLS failed: {reason})"
            ))
        }
        other => other,
    })
}

/// The TLS connector for `tls`: what it checks follows libpq's `sslmode`.
fn connector(tls: &Tls) -> Result<postgres_native_tls::MakeTlsConnector> {
    let mut builder = native_tls::TlsConnector::builder();
    if let Some(path) = &tls.root_cert {
        let pem = std::fs::read(path)?;
        let cert = native_tls::Certificate::from_pem(&pem).map_err(|err| {
            StoreError::ServerAddress(format!("sslrootcert {}: {err}", path.display()))
        })?;
        builder.add_root_certificate(cert);
    }
    match (tls.mode, tls.root_cert.is_some()) {
        (TlsMode::VerifyFull, _) => {}
        (TlsMode::VerifyCa, _) | (TlsMode::Disable | TlsMode::Prefer | TlsMode::Require, true) => {
            builder.danger_accept_invalid_hostnames(true);
        }
        // Encrypted, not checked: libpq's `require` without a root certificate.
        (_, false) => {
            builder.danger_accept_invalid_certs(true);
            builder.danger_accept_invalid_hostnames(true);
        }
    }
    let connector = builder
        .build()
        .map_err(|err| StoreError::Refused(format!("TLS: {err}")))?;
    Ok(postgres_native_tls::MakeTlsConnector::new(connector))
}
