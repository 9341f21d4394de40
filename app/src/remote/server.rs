//! The remote's HTTP and WebSocket server (axum): the page and its files, pairing, and one
//! WebSocket per phone — its token first, then its commands in and the prompter's script and
//! reports out.
//!
//! Every request must name this server as its `Host` (and as its `Origin` when it has one): a
//! page of another site, or one reached through a rebound DNS name, gets nothing. Every
//! response carries a strict CSP and is never cached.

use super::pairing::{DeviceId, Pairing, Refused};
use super::Host;
use crate::wire::{Paired, PairingRequest, RemoteMessage, RemoteRequest};
use axum::body::{Body, Bytes};
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::sync::broadcast;

/// The page's policy: its own scripts, styles and fonts, its own server to talk to; nothing
/// else, nowhere else.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; \
    form-action 'none'; frame-ancestors 'none'";
/// A phone must say who it is this soon after connecting.
const HELLO_WITHIN: Duration = Duration::from_secs(10);
/// A wrong pairing code is answered this late (guessing is slow too).
const WRONG_CODE_DELAY: Duration = Duration::from_secs(1);
/// Messages from a phone are small (a command); anything larger closes its socket.
const MOST_MESSAGE_BYTES: usize = 4096;

/// What every connection shares, kept while the remote serves (across a change of address).
pub struct Shared {
    host: Arc<dyn Host>,
    pairing: Mutex<Pairing>,
    reports: broadcast::Sender<Arc<Report>>,
    last: Mutex<Option<Arc<Report>>>,
    revoked: broadcast::Sender<DeviceId>,
    /// One entry per open socket.
    open: Mutex<Vec<DeviceId>>,
    /// The last script sent, as its message: phones on the same draft share it.
    script: Mutex<Option<(i64, u32, Arc<str>)>>,
}

/// A prompter's report: which draft and revision it shows, and the message to send.
pub struct Report {
    draft_id: i64,
    revision: u32,
    message: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Shows {
    draft_id: i64,
    revision: u32,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    pub fn new(host: Arc<dyn Host>, now: Instant) -> Self {
        Shared {
            host,
            pairing: Mutex::new(Pairing::new(now)),
            reports: broadcast::channel(16).0,
            last: Mutex::new(None),
            revoked: broadcast::channel(16).0,
            open: Mutex::new(Vec::new()),
            script: Mutex::new(None),
        }
    }

    pub fn report(&self, json: &str) {
        let Ok(report) = serde_json::from_str::<serde_json::Value>(json) else {
            return;
        };
        let Ok(shows) = Shows::deserialize(&report) else {
            return;
        };
        let Ok(message) = serde_json::to_string(&RemoteMessage::Report { report }) else {
            return;
        };
        let report = Arc::new(Report {
            draft_id: shows.draft_id,
            revision: shows.revision,
            message,
        });
        *lock(&self.last) = Some(Arc::clone(&report));
        // No phone listening is no error.
        let _ = self.reports.send(report);
    }

    pub fn revoke(&self, id: DeviceId) -> bool {
        let revoked = lock(&self.pairing).revoke(id);
        if revoked {
            let _ = self.revoked.send(id);
        }
        revoked
    }

    /// The code, its time left, the wrong codes typed, and the devices (id, name, when).
    #[allow(clippy::type_complexity)]
    pub fn pairing_now(
        &self,
        now: Instant,
    ) -> (
        String,
        Duration,
        u32,
        Vec<(DeviceId, String, time::OffsetDateTime)>,
    ) {
        let mut pairing = lock(&self.pairing);
        let (code, left) = pairing.code(now);
        let code = code.to_owned();
        let devices = pairing
            .devices()
            .iter()
            .map(|d| (d.id, d.name.clone(), d.paired_at))
            .collect();
        (code, left, pairing.wrong(), devices)
    }

    /// The devices with a page connected now.
    pub fn connected(&self) -> Vec<DeviceId> {
        lock(&self.open).clone()
    }

    fn is_paired(&self, id: DeviceId) -> bool {
        lock(&self.pairing).is_paired(id)
    }

    /// The script message for what a report shows (read once per revision).
    fn script_message(&self, draft_id: i64, revision: u32) -> Option<Arc<str>> {
        if let Some((draft, rev, message)) = lock(&self.script).as_ref() {
            if *draft == draft_id && *rev == revision {
                return Some(Arc::clone(message));
            }
        }
        let (script, notes) = self.host.script(draft_id).ok()?;
        let message: Arc<str> = serde_json::to_string(&RemoteMessage::Script { script, notes })
            .ok()?
            .into();
        *lock(&self.script) = Some((draft_id, revision, Arc::clone(&message)));
        Some(message)
    }
}

#[derive(Clone)]
struct Site {
    shared: Arc<Shared>,
    /// `127.0.0.1:49152`: what `Host` must say.
    host: Arc<str>,
    /// `http://127.0.0.1:49152`: what `Origin` must say when it is there.
    origin: Arc<str>,
}

pub async fn run(listener: tokio::net::TcpListener, address: SocketAddr, shared: Arc<Shared>) {
    let site = Site {
        shared,
        host: address.to_string().into(),
        origin: format!("http://{address}").into(),
    };
    let app = Router::new()
        .route("/", get(page))
        .route("/assets/{file}", get(asset))
        .route("/pair", post(pair))
        .route("/socket", get(socket))
        .fallback(|| async { StatusCode::NOT_FOUND })
        .layer(DefaultBodyLimit::max(1024))
        .layer(middleware::from_fn_with_state(site.clone(), guard))
        .with_state(site);
    let _ = axum::serve(listener, app).await;
}

/// Only requests addressed to this server, from its own page; every answer with the policy.
async fn guard(State(site): State<Site>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let host_ok = header_is(headers, header::HOST, &site.host);
    let origin_ok =
        !headers.contains_key(header::ORIGIN) || header_is(headers, header::ORIGIN, &site.origin);
    let mut response = if host_ok && origin_ok {
        next.run(request).await
    } else {
        StatusCode::FORBIDDEN.into_response()
    };
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

fn header_is(headers: &HeaderMap, name: header::HeaderName, wanted: &str) -> bool {
    headers
        .get(name)
        .is_some_and(|value| value.as_bytes() == wanted.as_bytes())
}

async fn page(State(site): State<Site>) -> Response {
    file(&site, "remote.html")
}

async fn asset(State(site): State<Site>, Path(name): Path<String>) -> Response {
    // The build's file names only: no folders, no dot files.
    let plain = !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if !plain {
        return StatusCode::NOT_FOUND.into_response();
    }
    file(&site, &format!("assets/{name}"))
}

fn file(site: &Site, path: &str) -> Response {
    match site.shared.host.asset(path) {
        Some((bytes, mime)) => ([(header::CONTENT_TYPE, mime)], Body::from(bytes)).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn pair(State(site): State<Site>, headers: HeaderMap, body: Bytes) -> Response {
    let Ok(request) = serde_json::from_slice::<PairingRequest>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    let name = super::device_name(agent);
    let now = site.shared.host.now();
    let paired = lock(&site.shared.pairing).pair(Instant::now(), now, &request.code, name);
    match paired {
        Ok((_, token)) => axum::Json(Paired { token }).into_response(),
        Err(Refused::WrongCode) => {
            tokio::time::sleep(WRONG_CODE_DELAY).await;
            StatusCode::FORBIDDEN.into_response()
        }
        Err(Refused::TooManyDevices) => StatusCode::CONFLICT.into_response(),
    }
}

async fn socket(State(site): State<Site>, upgrade: WebSocketUpgrade) -> Response {
    upgrade
        .max_message_size(MOST_MESSAGE_BYTES)
        .on_upgrade(move |socket| connection(socket, site.shared))
}

/// Counts a device's socket as open while it lives.
struct Open<'a> {
    shared: &'a Shared,
    id: DeviceId,
}

impl Drop for Open<'_> {
    fn drop(&mut self) {
        let mut open = lock(&self.shared.open);
        if let Some(at) = open.iter().position(|id| *id == self.id) {
            open.remove(at);
        }
    }
}

async fn connection(mut socket: WebSocket, shared: Arc<Shared>) {
    let Some((device, name)) = hello(&mut socket, &shared).await else {
        let _ = say(&mut socket, &RemoteMessage::Unpaired).await;
        return;
    };
    lock(&shared.open).push(device);
    let _open = Open {
        shared: &shared,
        id: device,
    };
    // Subscribed before the last report is read: nothing falls in between.
    let mut reports = shared.reports.subscribe();
    let mut revoked = shared.revoked.subscribe();
    if say(&mut socket, &RemoteMessage::Welcome { device: name })
        .await
        .is_err()
    {
        return;
    }
    let mut shown = None;
    let last = lock(&shared.last).clone();
    if let Some(report) = last {
        if forward(&mut socket, &shared, &mut shown, &report)
            .await
            .is_err()
        {
            return;
        }
    }
    loop {
        tokio::select! {
            message = socket.recv() => match message {
                Some(Ok(Message::Text(text))) => {
                    if let Ok(RemoteRequest::Command { command }) = serde_json::from_str(&text) {
                        // Checked again at each command: a revoked device is heard no more.
                        if !shared.is_paired(device) {
                            break;
                        }
                        shared.host.send(command);
                    }
                }
                Some(Ok(Message::Close(_)) | Err(_)) | None => return,
                Some(Ok(_)) => {}
            },
            report = reports.recv() => match report {
                Ok(report) => {
                    if forward(&mut socket, &shared, &mut shown, &report).await.is_err() {
                        return;
                    }
                }
                Err(broadcast::error::RecvError::Lagged(_)) => {}
                Err(broadcast::error::RecvError::Closed) => return,
            },
            id = revoked.recv() => {
                if id.is_ok_and(|id| id != device) || shared.is_paired(device) {
                    continue;
                }
                break;
            }
        }
    }
    let _ = say(&mut socket, &RemoteMessage::Unpaired).await;
    let _ = socket.send(Message::Close(None)).await;
}

/// The device whose token the socket's first message carries, with its name.
async fn hello(socket: &mut WebSocket, shared: &Shared) -> Option<(DeviceId, String)> {
    let message = tokio::time::timeout(HELLO_WITHIN, socket.recv())
        .await
        .ok()??
        .ok()?;
    let Message::Text(text) = message else {
        return None;
    };
    let RemoteRequest::Hello { token } = serde_json::from_str(&text).ok()? else {
        return None;
    };
    let pairing = lock(&shared.pairing);
    let device = pairing.device(&token)?;
    Some((device.id, device.name.clone()))
}

/// A report to a phone, after the script it is about when that is new to the phone.
async fn forward(
    socket: &mut WebSocket,
    shared: &Arc<Shared>,
    shown: &mut Option<(i64, u32)>,
    report: &Report,
) -> Result<(), axum::Error> {
    let shows = Some((report.draft_id, report.revision));
    if *shown != shows {
        let reader = Arc::clone(shared);
        let (draft, revision) = (report.draft_id, report.revision);
        let script = tokio::task::spawn_blocking(move || reader.script_message(draft, revision))
            .await
            .ok()
            .flatten();
        if let Some(script) = script {
            socket.send(Message::Text(script.as_ref().into())).await?;
            *shown = shows;
        }
    }
    socket
        .send(Message::Text(report.message.as_str().into()))
        .await
}

async fn say(socket: &mut WebSocket, message: &RemoteMessage) -> Result<(), axum::Error> {
    let text = serde_json::to_string(message).map_err(axum::Error::new)?;
    socket.send(Message::Text(text.into())).await
}
