//! What only a library on a server has: its address, its schema's version, a server that
//! refuses us or goes away.

use crate::{edit, Library, T0};
use podium::store::{is_server_address, testing, Store, StoreError};

#[test]
fn a_new_server_library_is_migrated_once_and_reopens_with_its_data() {
    let library = Library::postgres();
    let id = {
        let mut store = library.open();
        assert!(store.is_server());
        store
            .create_draft(&edit("年頭挨拶", "本文"), T0)
            .unwrap()
            .id
    };
    // Opening again (a second PC, a new version's first start) finds nothing to do.
    let store = library.open();
    assert_eq!(store.draft(id).unwrap().body, "本文");
    assert!(matches!(
        store.integrity_problems(),
        Err(StoreError::OnlyForFiles)
    ));
}

#[test]
fn a_server_that_is_not_there_is_unreachable_with_a_message_to_act_on() {
    // A port nothing listens on (bound, then released).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = Store::connect(&format!("postgres://podium@127.0.0.1:{port}/podium")).unwrap_err();
    assert!(matches!(err, StoreError::Unreachable(_)), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("データベースサーバーに接続できません"),
        "{err}"
    );
}

#[test]
fn a_missing_database_is_refused_and_a_bad_address_is_invalid() {
    let Library::Server(url) = Library::postgres() else {
        unreachable!()
    };
    let (server, _) = url.rsplit_once('/').unwrap();
    let err = Store::connect(&format!("{server}/no_such_library")).unwrap_err();
    assert!(matches!(err, StoreError::Refused(_)), "{err:?}");
    assert!(err.to_string().contains("no_such_library"), "{err}");

    let err = Store::connect("postgres://h:port/x").unwrap_err();
    assert!(matches!(err, StoreError::ServerAddress(_)), "{err:?}");
    assert!(is_server_address(&url));
}

/// Whether the server sees the connection named `name` (its application_name) as encrypted.
fn encrypted(url: &str, name: &str) -> bool {
    let mut admin = postgres::Client::connect(url, postgres::NoTls).unwrap();
    admin
        .query_one(
            "SELECT bool_and(s.ssl) FROM pg_stat_ssl AS s JOIN pg_stat_activity AS a USING (pid)
             WHERE a.application_name = $1",
            &[&name],
        )
        .unwrap()
        .get::<_, Option<bool>>(0)
        .expect("Podium is connected")
}

#[test]
fn tls_follows_sslmode_and_checks_what_it_is_asked_to() {
    let server = testing::PostgresServer::start();
    let url = server.library();
    let root = server.root_cert();
    let with = |name: &str, params: &str| format!("{url}?application_name={name}&{params}");
    // prefer (the default) and require: encrypted, the certificate not checked.
    let _prefer = Store::connect(&with("prefer", "")).unwrap();
    assert!(encrypted(&url, "prefer"));
    let _require = Store::connect(&with("require", "sslmode=require")).unwrap();
    assert!(encrypted(&url, "require"));
    let _disable = Store::connect(&with("disable", "sslmode=disable")).unwrap();
    assert!(!encrypted(&url, "disable"));
    // verify-full with the server's certificate as the root: checked, and it passes.
    let checked = format!("sslmode=verify-full&sslrootcert={}", root.display());
    let _verified = Store::connect(&with("verified", &checked)).unwrap();
    assert!(encrypted(&url, "verified"));
    // verify-full against the OS's trusted roots: a self-signed certificate is refused,
    // saying why.
    let err = Store::connect(&with("refused", "sslmode=verify-full")).unwrap_err();
    assert!(matches!(err, StoreError::Refused(_)), "{err:?}");
    assert!(err.to_string().contains("TLS"), "{err}");
}
