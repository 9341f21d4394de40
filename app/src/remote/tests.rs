//! The remote end to end on loopback: a real server, HTTP by hand and a WebSocket client, a host
//! that records the prompter's commands.

use super::*;
use crate::library;
use futures_util::{SinkExt, StreamExt};
use std::io::{Read, Write};
use std::time::Duration;
use tokio_tungstenite::tungstenite::{self, client::IntoClientRequest};

struct TestHost {
    app: crate::App,
    commands: Mutex<Vec<RemoteCommand>>,
}

impl Host for TestHost {
    fn send(&self, command: RemoteCommand) {
        self.commands.lock().unwrap().push(command);
    }
    fn script(&self, draft_id: i64) -> Result<(PrompterScript, NotesShown), AppError> {
        Ok((
            crate::prompter::prompter_script(&self.app, draft_id)?,
            NotesShown::Dimmed,
        ))
    }
    fn asset(&self, path: &str) -> Option<(Vec<u8>, String)> {
        (path == "remote.html").then(|| (b"<!doctype html>".to_vec(), "text/html".into()))
    }
    fn now(&self) -> time::OffsetDateTime {
        time::OffsetDateTime::UNIX_EPOCH
    }
}

fn host() -> (Arc<TestHost>, i64) {
    let app = crate::App::in_memory();
    let drafts = library::import_texts(
        &app,
        vec![(
            "式辞".into(),
            "# 式辞\n\n## はじめに\n\n本日はおめでとうございます。\n".into(),
        )],
    )
    .unwrap();
    let id = drafts[0].id;
    let host = TestHost {
        app,
        commands: Mutex::new(Vec::new()),
    };
    (Arc::new(host), id)
}

fn on(host: &Arc<TestHost>) -> (Remote, SocketAddr) {
    let remote = Remote::default();
    let dyn_host: Arc<dyn Host> = host.clone();
    remote.set(dyn_host, true, false).unwrap();
    let address = remote.address().unwrap();
    (remote, address)
}

/// One HTTP/1.1 request by hand: the status and the whole answer.
fn http(address: SocketAddr, request: &str) -> (u16, String) {
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    let status = answer[9..12].parse().unwrap();
    (status, answer)
}

fn post_code(address: SocketAddr, code: &str) -> (u16, String) {
    let body = format!("{{\"code\":\"{code}\"}}");
    http(
        address,
        &format!(
            "POST /pair HTTP/1.1\r\nHost: {address}\r\nUser-Agent: Mozilla/5.0 (iPhone)\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

fn pair(remote: &Remote, address: SocketAddr) -> String {
    let code = remote.status().code.unwrap();
    let (status, answer) = post_code(address, &code);
    assert_eq!(status, 200, "{answer}");
    let body = answer.split("\r\n\r\n").nth(1).unwrap();
    serde_json::from_str::<wire::Paired>(body).unwrap().token
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn connect(address: SocketAddr, token: &str) -> Socket {
    let request = format!("ws://{address}/socket")
        .into_client_request()
        .unwrap();
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    let hello = format!("{{\"kind\":\"hello\",\"token\":\"{token}\"}}");
    socket
        .send(tungstenite::Message::text(hello))
        .await
        .unwrap();
    socket
}

/// The next message's kind and body, None when the socket closed.
async fn next(socket: &mut Socket) -> Option<serde_json::Value> {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(10), socket.next())
            .await
            .expect("a message within 10 s")?;
        match message.ok()? {
            tungstenite::Message::Text(text) => return serde_json::from_str(&text).ok(),
            tungstenite::Message::Close(_) => return None,
            _ => {}
        }
    }
}

async fn command(socket: &mut Socket, json: &str) {
    let text = format!("{{\"kind\":\"command\",\"command\":{json}}}");
    socket.send(tungstenite::Message::text(text)).await.unwrap();
}

async fn heard(host: &TestHost, count: usize) -> Vec<RemoteCommand> {
    for _ in 0..200 {
        let commands = host.commands.lock().unwrap().clone();
        if commands.len() >= count {
            return commands;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    host.commands.lock().unwrap().clone()
}

fn report(draft_id: i64, playing: bool) -> String {
    format!("{{\"draftId\":{draft_id},\"revision\":1,\"playing\":{playing},\"clock\":0}}")
}

#[test]
fn off_by_default_and_on_loopback_until_the_network_is_chosen() {
    let remote = Remote::default();
    assert_eq!(remote.address(), None);
    let status = remote.status();
    assert!(!status.on && status.code.is_none() && status.url.is_none());
    let (host, _) = host();
    let (remote, address) = on(&host);
    assert_eq!(address.ip(), IpAddr::V4(Ipv4Addr::LOCALHOST));
    let status = remote.status();
    assert!(status.on && !status.network);
    assert_eq!(status.url.as_deref(), Some(&*format!("http://{address}/")));
    assert!(status
        .qr
        .is_some_and(|qr| qr.size >= 21 && qr.path.starts_with('M')));
    assert_eq!(status.code.map(|code| code.len()), Some(CODE_DIGITS));
    // Off: nothing listens any more, and the address is free.
    let dyn_host: Arc<dyn Host> = host.clone();
    remote.set(dyn_host, false, false).unwrap();
    assert_eq!(remote.address(), None);
    std::thread::sleep(Duration::from_millis(100));
    assert!(std::net::TcpStream::connect(address).is_err());
}

#[test]
fn the_office_network_is_a_private_address_of_this_pc() {
    if let Some(ip) = office_address() {
        match ip {
            IpAddr::V4(v4) => assert!(v4.is_private() && !v4.is_loopback()),
            IpAddr::V6(_) => panic!("an IPv6 address: {ip}"),
        }
    }
}

#[test]
fn the_page_comes_with_a_strict_policy_and_only_to_its_own_host() {
    let (host, _) = host();
    let (_remote, address) = on(&host);
    let (status, answer) = http(
        address,
        &format!("GET / HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"),
    );
    assert_eq!(status, 200);
    assert!(answer.contains(&format!("content-security-policy: {}", server::CSP)));
    assert!(answer.contains("x-content-type-options: nosniff"));
    assert!(answer.contains("cache-control: no-store"));
    // Another name for this server (DNS rebinding), or another site's page: nothing.
    let (status, _) = http(
        address,
        "GET / HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(status, 403);
    let (status, _) = http(
        address,
        &format!(
            "GET / HTTP/1.1\r\nHost: {address}\r\nOrigin: http://evil.example\r\n\
             Connection: close\r\n\r\n"
        ),
    );
    assert_eq!(status, 403);
    // No file outside the build's assets.
    let (status, _) = http(
        address,
        &format!(
            "GET /assets/..%2Findex.html HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        ),
    );
    assert_eq!(status, 404);
}

#[test]
fn a_wrong_code_pairs_nothing() {
    let (host, _) = host();
    let (remote, address) = on(&host);
    let code = remote.status().code.unwrap();
    let wrong = if code == "000000" { "000001" } else { "000000" };
    let (status, _) = post_code(address, wrong);
    assert_eq!(status, 403);
    let status = remote.status();
    assert_eq!(status.wrong_codes, 1);
    assert!(status.devices.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_paired_phone_drives_the_prompter_and_follows_it() {
    let (host, draft) = host();
    let (remote, address) = tokio::task::block_in_place(|| on(&host));
    let token = tokio::task::block_in_place(|| pair(&remote, address));
    let status = remote.status();
    assert_eq!(status.devices.len(), 1);
    assert_eq!(status.devices[0].name, "iPhone");

    let mut phone = connect(address, &token).await;
    assert_eq!(next(&mut phone).await.unwrap()["kind"], "welcome");
    command(&mut phone, r#"{"action":"toggle"}"#).await;
    command(&mut phone, r#"{"action":"section","n":2}"#).await;
    // Not a remote's command (the operator's settings), and not a command at all: never heard.
    command(&mut phone, r#"{"action":"settings","settings":{}}"#).await;
    command(&mut phone, r#""rm -rf""#).await;
    command(&mut phone, r#"{"action":"blank"}"#).await;
    assert_eq!(
        heard(&host, 3).await,
        [
            RemoteCommand::Toggle,
            RemoteCommand::Section { n: 2 },
            RemoteCommand::Blank
        ]
    );
    assert!(remote.status().devices[0].connected);

    // The prompter reports: the phone gets the script first, then the report.
    remote.report(&report(draft, true));
    let script = next(&mut phone).await.unwrap();
    assert_eq!(script["kind"], "script");
    assert_eq!(script["script"]["title"], "式辞");
    let reported = next(&mut phone).await.unwrap();
    assert_eq!(reported["kind"], "report");
    assert_eq!(reported["report"]["playing"], true);
    // The same revision again: the report only.
    remote.report(&report(draft, false));
    assert_eq!(next(&mut phone).await.unwrap()["kind"], "report");

    // A phone that connects later gets the script and the last report at once.
    let mut later = connect(address, &token).await;
    assert_eq!(next(&mut later).await.unwrap()["kind"], "welcome");
    assert_eq!(next(&mut later).await.unwrap()["kind"], "script");
    assert_eq!(next(&mut later).await.unwrap()["report"]["playing"], false);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unpaired_or_revoked_phone_is_never_heard() {
    let (host, _) = host();
    let (remote, address) = tokio::task::block_in_place(|| on(&host));
    let mut stranger = connect(address, &"0".repeat(64)).await;
    assert_eq!(next(&mut stranger).await.unwrap()["kind"], "unpaired");
    assert!(next(&mut stranger).await.is_none(), "the socket stays open");

    let token = tokio::task::block_in_place(|| pair(&remote, address));
    let mut phone = connect(address, &token).await;
    assert_eq!(next(&mut phone).await.unwrap()["kind"], "welcome");
    let id = remote.status().devices[0].id;
    remote.revoke(id).unwrap();
    // Dropped at once.
    assert_eq!(next(&mut phone).await.unwrap()["kind"], "unpaired");
    assert!(next(&mut phone).await.is_none());
    assert!(remote.status().devices.is_empty());
    // Its token opens nothing any more.
    let mut again = connect(address, &token).await;
    assert_eq!(next(&mut again).await.unwrap()["kind"], "unpaired");
    command(&mut again, r#"{"action":"toggle"}"#).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(host.commands.lock().unwrap().is_empty());
    assert_eq!(remote.revoke(id).unwrap_err().code, ErrorCode::NotFound);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn turning_off_drops_every_phone_and_forgets_them() {
    let (host, _) = host();
    let (remote, address) = tokio::task::block_in_place(|| on(&host));
    let token = tokio::task::block_in_place(|| pair(&remote, address));
    let mut phone = connect(address, &token).await;
    assert_eq!(next(&mut phone).await.unwrap()["kind"], "welcome");
    let dyn_host: Arc<dyn Host> = host.clone();
    tokio::task::block_in_place(|| remote.set(dyn_host.clone(), false, false)).unwrap();
    assert!(next(&mut phone).await.is_none());
    // On again: a new server that knows no device.
    tokio::task::block_in_place(|| remote.set(dyn_host, true, false)).unwrap();
    let address = remote.address().unwrap();
    let mut again = connect(address, &token).await;
    assert_eq!(next(&mut again).await.unwrap()["kind"], "unpaired");
    assert!(host.commands.lock().unwrap().is_empty());
}
