//! A server's address completed as libpq completes it (see the parent module): the
//! environment, the service file, the password file, and how to use TLS.

use super::super::{Result, StoreError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// How long a connection attempt waits for the server before giving up.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// The keys a service file or the environment may set.
const KEYS: [(&str, &str); 6] = [
    ("host", "PGHOST"),
    ("port", "PGPORT"),
    ("user", "PGUSER"),
    ("dbname", "PGDATABASE"),
    ("sslmode", "PGSSLMODE"),
    ("connect_timeout", "PGCONNECT_TIMEOUT"),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::store) struct Tls {
    pub mode: TlsMode,
    pub root_cert: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::store) enum TlsMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl TlsMode {
    fn parse(value: &str) -> Result<TlsMode> {
        Ok(match value {
            "disable" => TlsMode::Disable,
            "allow" | "prefer" => TlsMode::Prefer,
            "require" => TlsMode::Require,
            "verify-ca" => TlsMode::VerifyCa,
            "verify-full" => TlsMode::VerifyFull,
            other => return Err(StoreError::ServerAddress(format!("sslmode={other}"))),
        })
    }
}

/// What the connection settings are read from besides the address: the process's
/// environment and files (a value, so that tests can give their own).
#[derive(Debug, Default, Clone)]
pub(super) struct Environment {
    pub vars: HashMap<String, String>,
    pub home: Option<PathBuf>,
    /// `%APPDATA%` on Windows.
    pub app_data: Option<PathBuf>,
    pub os_user: Option<String>,
}

impl Environment {
    pub(super) fn of_process() -> Environment {
        let vars = std::env::vars()
            .filter(|(key, _)| key.starts_with("PG"))
            .collect();
        let os_user = ["USER", "USERNAME", "LOGNAME"]
            .iter()
            .find_map(|key| std::env::var(key).ok().filter(|name| !name.is_empty()));
        Environment {
            vars,
            home: dirs::home_dir(),
            app_data: dirs::config_dir().filter(|_| cfg!(windows)),
            os_user,
        }
    }

    fn var(&self, key: &str) -> Option<&str> {
        self.vars
            .get(key)
            .map(String::as_str)
            .filter(|value| !value.is_empty())
    }
}

/// Whether `address` names a PostgreSQL library (a `postgres://` or `postgresql://` URL, or
/// a libpq connection string such as `service=podium` or `host=… dbname=…`).
pub fn is_server_address(address: &str) -> bool {
    let lower = address.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://")
        || lower.starts_with("postgresql://")
        || KEYS
            .iter()
            .map(|(key, _)| *key)
            .chain(["service"])
            .any(|key| lower.starts_with(&format!("{key}=")))
}

/// The connection settings for `address`, completed as libpq completes them.
pub(super) fn connection_config(
    address: &str,
    env: &Environment,
) -> Result<(postgres::Config, Tls)> {
    let (address, mut taken) = take_params(address, &["service", "sslmode", "sslrootcert"]);
    let mut config = postgres::Config::from_str(&address)
        .map_err(|err| StoreError::ServerAddress(err.to_string()))?;
    let service = taken
        .remove("service")
        .or_else(|| env.var("PGSERVICE").map(str::to_owned));
    if let Some(name) = service {
        let entries = service_entries(&name, env)?;
        fill(&mut config, |key| entries.get(key).cloned())?;
        if config.get_password().is_none() {
            if let Some(password) = entries.get("password") {
                config.password(password.as_str());
            }
        }
        for key in ["sslmode", "sslrootcert"] {
            if let Some(value) = entries.get(key) {
                taken.entry(key.to_owned()).or_insert_with(|| value.clone());
            }
        }
    }
    let mode = match taken
        .get("sslmode")
        .map(String::as_str)
        .or_else(|| env.var("PGSSLMODE"))
    {
        Some(value) => TlsMode::parse(value)?,
        None => TlsMode::Prefer,
    };
    let default_root = match &env.app_data {
        Some(app_data) => Some(app_data.join("postgresql").join("root.crt")),
        None => env
            .home
            .as_ref()
            .map(|home| home.join(".postgresql").join("root.crt")),
    };
    let root_cert = taken
        .get("sslrootcert")
        .map(PathBuf::from)
        .or_else(|| env.var("PGSSLROOTCERT").map(PathBuf::from))
        .or_else(|| default_root.filter(|file| file.exists()));
    config.ssl_mode(match mode {
        TlsMode::Disable => postgres::config::SslMode::Disable,
        TlsMode::Prefer => postgres::config::SslMode::Prefer,
        _ => postgres::config::SslMode::Require,
    });
    let tls = Tls { mode, root_cert };
    fill(&mut config, |key| {
        let (_, var) = KEYS.iter().find(|(name, _)| *name == key)?;
        env.var(var).map(str::to_owned)
    })?;
    if config.get_user().is_none() {
        let user = env.os_user.clone().ok_or_else(|| {
            StoreError::ServerAddress("no user name (give user= or PGUSER)".into())
        })?;
        config.user(&user);
    }
    if config.get_dbname().is_none() {
        let user = config.get_user().unwrap_or_default().to_owned();
        config.dbname(&user);
    }
    if config.get_hosts().is_empty() {
        default_host(&mut config);
    }
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    if config.get_application_name().is_none() {
        config.application_name("Podium");
    }
    if config.get_password().is_none() {
        if let Some(password) = password_from_file(&config, env) {
            config.password(password);
        }
    }
    Ok((config, tls))
}

/// The address without the parameters `keys` (URL parameters or keys of a connection
/// string), and their values: those Podium reads itself (the service file, TLS).
fn take_params(address: &str, keys: &[&str]) -> (String, HashMap<String, String>) {
    let address = address.trim();
    let mut taken = HashMap::new();
    let mut keep = |pair: &&str| match pair.split_once('=') {
        Some((key, value)) if keys.contains(&key) => {
            taken.insert(key.to_owned(), value.trim_matches('\'').to_owned());
            false
        }
        _ => true,
    };
    if address.contains("://") {
        let Some((base, query)) = address.split_once('?') else {
            return (address.to_owned(), taken);
        };
        let kept: Vec<&str> = query.split('&').filter(&mut keep).collect();
        let address = match kept.is_empty() {
            true => base.to_owned(),
            false => format!("{base}?{}", kept.join("&")),
        };
        return (address, taken);
    }
    let kept: Vec<&str> = address.split_whitespace().filter(&mut keep).collect();
    (kept.join(" "), taken)
}

/// Sets each of [`KEYS`] the config does not have from `lookup`.
fn fill(config: &mut postgres::Config, lookup: impl Fn(&str) -> Option<String>) -> Result<()> {
    let bad = |key: &str, value: &str| StoreError::ServerAddress(format!("{key}={value}"));
    for (key, _) in KEYS {
        let Some(value) = lookup(key) else { continue };
        match key {
            "host" if config.get_hosts().is_empty() => {
                for host in value.split(',') {
                    config.host(host);
                }
            }
            "port" if config.get_ports().is_empty() => {
                config.port(value.parse().map_err(|_| bad(key, &value))?);
            }
            "user" if config.get_user().is_none() => {
                config.user(&value);
            }
            "dbname" if config.get_dbname().is_none() => {
                config.dbname(&value);
            }
            "connect_timeout" if config.get_connect_timeout().is_none() => {
                let seconds: u64 = value.parse().map_err(|_| bad(key, &value))?;
                config.connect_timeout(Duration::from_secs(seconds.max(2)));
            }
            _ => {}
        }
    }
    Ok(())
}

/// The local socket folder when there is one (as Debian's libpq does), else `localhost`.
fn default_host(config: &mut postgres::Config) {
    #[cfg(unix)]
    for folder in ["/var/run/postgresql", "/tmp"] {
        if Path::new(folder).join(".s.PGSQL.5432").exists() {
            config.host_path(folder);
            return;
        }
    }
    config.host("localhost");
}

/// The entries of service `name`: from `PGSERVICEFILE` (else `~/.pg_service.conf`), then the
/// system-wide `PGSYSCONFDIR/pg_service.conf`. A service found in neither is an error.
fn service_entries(name: &str, env: &Environment) -> Result<HashMap<String, String>> {
    let user_file = env
        .var("PGSERVICEFILE")
        .map(PathBuf::from)
        .or_else(|| match &env.app_data {
            Some(app_data) => Some(app_data.join("postgresql").join(".pg_service.conf")),
            None => env.home.as_ref().map(|home| home.join(".pg_service.conf")),
        });
    let system_file = env
        .var("PGSYSCONFDIR")
        .map(|dir| Path::new(dir).join("pg_service.conf"));
    for file in user_file.into_iter().chain(system_file) {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        if let Some(entries) = service_section(&text, name) {
            return Ok(entries);
        }
    }
    Err(StoreError::ServerAddress(format!(
        "service {name:?} is not in the service file"
    )))
}

/// The `key=value` lines of section `[name]` of a service file (`#` starts a comment).
fn service_section(text: &str, name: &str) -> Option<HashMap<String, String>> {
    let mut entries: Option<HashMap<String, String>> = None;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if entries.is_some() {
                break;
            }
            if section.trim() == name {
                entries = Some(HashMap::new());
            }
            continue;
        }
        if let (Some(entries), Some((key, value))) = (entries.as_mut(), line.split_once('=')) {
            entries.insert(key.trim().to_owned(), value.trim().to_owned());
        }
    }
    entries
}

/// The password for the config's host, port, database and user from the password file.
fn password_from_file(config: &postgres::Config, env: &Environment) -> Option<String> {
    let file = env
        .var("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| match &env.app_data {
            Some(app_data) => Some(app_data.join("postgresql").join("pgpass.conf")),
            None => env.home.as_ref().map(|home| home.join(".pgpass")),
        })?;
    if !private(&file) {
        return None;
    }
    let text = std::fs::read_to_string(&file).ok()?;
    let host = match config.get_hosts().first()? {
        postgres::config::Host::Tcp(host) => host.clone(),
        #[cfg(unix)]
        postgres::config::Host::Unix(_) => "localhost".to_owned(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let wanted = [
        host.as_str(),
        port.as_str(),
        config.get_dbname()?,
        config.get_user()?,
    ];
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .find_map(|line| {
            let fields = pgpass_fields(line);
            let [h, p, d, u, password] = fields.as_slice() else {
                return None;
            };
            let matches = [h, p, d, u]
                .iter()
                .zip(wanted)
                .all(|(field, want)| field.as_str() == "*" || field.as_str() == want);
            matches.then(|| password.clone())
        })
}

/// A password file's line split at unescaped `:` (`\:` and `\\` stand for themselves).
fn pgpass_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => field.extend(chars.next()),
            ':' if fields.len() < 4 => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// On Unix, a password file that others can read is ignored (as libpq does).
fn private(file: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(file).is_ok_and(|meta| meta.permissions().mode() & 0o077 == 0)
    }
    #[cfg(not(unix))]
    {
        file.exists()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> Environment {
        Environment {
            vars: vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            os_user: Some("hisho".into()),
            ..Environment::default()
        }
    }

    #[test]
    fn server_addresses_are_told_from_paths() {
        for address in [
            "postgres://u@h/db",
            "postgresql://h",
            "service=podium",
            "host=db.city.local dbname=podium",
        ] {
            assert!(is_server_address(address), "{address}");
        }
        for path in ["podium.db", "/data/x.db", "C:\\podium.db", "hosts.db"] {
            assert!(!is_server_address(path), "{path}");
        }
    }

    #[test]
    fn the_environment_and_defaults_fill_what_the_address_leaves_out() {
        let vars = [("PGHOST", "db.city.local"), ("PGPORT", "5433")];
        let (config, _) = connection_config("postgres:///podium", &env(&vars)).unwrap();
        assert_eq!(
            config.get_hosts(),
            [postgres::config::Host::Tcp("db.city.local".into())]
        );
        assert_eq!(config.get_ports(), [5433]);
        assert_eq!(config.get_user(), Some("hisho"));
        assert_eq!(config.get_dbname(), Some("podium"));
        assert_eq!(config.get_connect_timeout(), Some(&CONNECT_TIMEOUT));

        let (config, _) = connection_config("host=h user=kouhou", &env(&vars)).unwrap();
        assert_eq!(config.get_ports(), [5433]);
        assert_eq!(config.get_dbname(), Some("kouhou"), "the user's name");
        assert!(connection_config("postgres://h:notaport/x", &env(&[])).is_err());
        assert!(connection_config("host=h sslmode=sometimes", &env(&[])).is_err());
    }

    #[test]
    fn a_service_comes_from_the_service_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("services.conf");
        std::fs::write(
            &file,
            "# office\n[other]\nhost=wrong\n\n[podium]\nhost = db.city.local\nport=6543\n\
             dbname=speeches\n[later]\nhost=also-wrong\n",
        )
        .unwrap();
        let vars = [("PGSERVICEFILE", file.to_str().unwrap())];
        for address in ["service=podium", "postgres://kouhou@/?service=podium"] {
            let (config, _) = connection_config(address, &env(&vars)).unwrap();
            assert_eq!(
                config.get_hosts(),
                [postgres::config::Host::Tcp("db.city.local".into())],
                "{address}"
            );
            assert_eq!(config.get_ports(), [6543]);
            assert_eq!(config.get_dbname(), Some("speeches"));
        }
        let missing = connection_config("service=nowhere", &env(&vars)).unwrap_err();
        assert!(matches!(missing, StoreError::ServerAddress(_)), "{missing}");
    }

    #[test]
    fn the_password_comes_from_a_private_password_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pgpass");
        std::fs::write(
            &file,
            "# comment\nother:*:*:*:no\ndb.city.local:5432:podium:hisho:pa\\:ss\\\\word\n",
        )
        .unwrap();
        let vars = [("PGPASSFILE", file.to_str().unwrap())];
        let address = "postgres://hisho@db.city.local/podium";
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
            let (config, _) = connection_config(address, &env(&vars)).unwrap();
            assert_eq!(config.get_password(), None, "readable by others: ignored");
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let (config, _) = connection_config(address, &env(&vars)).unwrap();
        assert_eq!(config.get_password(), Some(&b"pa:ss\\word"[..]));
        let (config, _) =
            connection_config("postgres://hisho@elsewhere/podium", &env(&vars)).unwrap();
        assert_eq!(config.get_password(), None);
    }
}
