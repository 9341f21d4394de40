//! The operator's remote: a phone or tablet on the office network drives the prompter with the
//! operator's own commands (`RemoteCommand`) and shows a small live copy that follows it.
//!
//! **Off by default.** Turned on, it serves a small page on this PC only (127.0.0.1); the
//! office network is served only when the operator chooses it (`network`), on this PC's
//! private IPv4 address — never a public one, never every address. Only a device that typed
//! the pairing code shown on the operator's screen ([`pairing`]) is heard; its token is kept
//! hashed, in memory: turning the remote off (or closing the prompter, or the app) forgets
//! every device. A revoked device's socket is dropped at once. Nothing a phone does or fails to
//! do moves the prompter by itself: each command is one message, none is held, and a lost
//! connection sends nothing.
//!
//! The server ([`server`]) runs on a tokio runtime of its own, made when the remote is turned
//! on and dropped (with every socket) when it is turned off. The front end gives it a
//! [`Host`]: how to reach the prompter, read its script, and find the page's files.

mod pairing;
mod server;

use crate::error::{AppError, ErrorCode};
use crate::wire::{self, PrompterScript, QrCode, RemoteCommand, RemoteDevice, RemoteStatus};
use podium::prompter::NotesShown;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

pub use pairing::{device_name, DeviceId, CODE_DIGITS, CODE_LIFETIME, GUESSES_PER_CODE};

/// What the remote needs of the program it runs in.
pub trait Host: Send + Sync + 'static {
    /// Sends the prompter a command, as the operator view does.
    fn send(&self, command: RemoteCommand);
    /// The script of a draft as the prompter shows it, and whether its notes show.
    fn script(&self, draft_id: i64) -> Result<(PrompterScript, NotesShown), AppError>;
    /// One of the page's files (`remote.html`, `assets/…`): its bytes and MIME type.
    fn asset(&self, path: &str) -> Option<(Vec<u8>, String)>;
    /// Now, for the time a device was paired.
    fn now(&self) -> time::OffsetDateTime;
}

/// The remote of one app: off, or serving.
#[derive(Default)]
pub struct Remote {
    serving: Mutex<Option<Serving>>,
}

struct Serving {
    /// Dropped with the runtime: the listener and every socket end.
    runtime: tokio::runtime::Runtime,
    address: SocketAddr,
    shared: Arc<server::Shared>,
}

impl Remote {
    /// Turns the remote on (this PC only, or the office network too), or off. Devices stay
    /// paired while it serves, whichever address; off forgets them all.
    pub fn set(
        &self,
        host: Arc<dyn Host>,
        on: bool,
        network: bool,
    ) -> Result<RemoteStatus, AppError> {
        self.turn(host, on, network)?;
        Ok(self.status())
    }

    fn turn(&self, host: Arc<dyn Host>, on: bool, network: bool) -> Result<(), AppError> {
        if !on {
            self.off();
            return Ok(());
        }
        let mut serving = self.lock();
        let ip = if network {
            office_address().ok_or_else(no_office_network)?
        } else {
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        };
        if serving.as_ref().is_some_and(|s| s.address.ip() == ip) {
            return Ok(());
        }
        // The same port as before where it is free: a phone's page reconnects on its own.
        let port = serving.as_ref().map_or(0, |s| s.address.port());
        let shared = match serving.take() {
            Some(old) => {
                old.runtime.shutdown_background();
                old.shared
            }
            None => Arc::new(server::Shared::new(host, Instant::now())),
        };
        *serving = Some(serve(ip, port, shared)?);
        Ok(())
    }

    /// Stops serving (every socket dropped) and forgets every device.
    pub fn off(&self) {
        if let Some(old) = self.lock().take() {
            old.runtime.shutdown_background();
        }
    }

    /// Forgets a device and drops its connection at once.
    pub fn revoke(&self, id: DeviceId) -> Result<RemoteStatus, AppError> {
        let revoked = self.lock().as_ref().is_some_and(|s| s.shared.revoke(id));
        if revoked {
            Ok(self.status())
        } else {
            Err(AppError::new(
                ErrorCode::NotFound,
                "その端末は登録されていません (no such device)",
            ))
        }
    }

    /// The prompter's report (its JSON, as the prompter sent it): to every paired page.
    pub fn report(&self, json: &str) {
        if let Some(serving) = self.lock().as_ref() {
            serving.shared.report(json);
        }
    }

    /// Where it listens, while it serves.
    pub fn address(&self) -> Option<SocketAddr> {
        self.lock().as_ref().map(|s| s.address)
    }

    pub fn status(&self) -> RemoteStatus {
        let serving = self.lock();
        let network_available = office_address().is_some();
        let Some(serving) = serving.as_ref() else {
            return RemoteStatus {
                on: false,
                network: false,
                network_available,
                url: None,
                qr: None,
                code: None,
                code_seconds_left: 0,
                wrong_codes: 0,
                devices: Vec::new(),
            };
        };
        let url = format!("http://{}/", serving.address);
        let (code, left, wrong, devices) = serving.shared.pairing_now(Instant::now());
        let connected = serving.shared.connected();
        RemoteStatus {
            on: true,
            network: !serving.address.ip().is_loopback(),
            network_available,
            qr: qr_code(&url),
            url: Some(url),
            code: Some(code),
            code_seconds_left: left.as_secs().try_into().unwrap_or(u32::MAX),
            wrong_codes: wrong,
            devices: devices
                .into_iter()
                .map(|(id, name, at)| RemoteDevice {
                    id,
                    name,
                    paired_at: wire::instant(at),
                    connected: connected.contains(&id),
                })
                .collect(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Option<Serving>> {
        self.serving.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Drop for Remote {
    fn drop(&mut self) {
        if let Some(serving) = self.lock().take() {
            serving.runtime.shutdown_background();
        }
    }
}

fn serve(ip: IpAddr, port: u16, shared: Arc<server::Shared>) -> Result<Serving, AppError> {
    let listener = std::net::TcpListener::bind((ip, port))
        .or_else(|_| std::net::TcpListener::bind((ip, 0)))
        .map_err(|error| {
            AppError::new(
                ErrorCode::Io,
                format!("タブレット用のページを開けません: {error} (could not listen on {ip})"),
            )
        })?;
    let address = listener.local_addr().map_err(io_error)?;
    listener.set_nonblocking(true).map_err(io_error)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("podium-remote")
        .enable_all()
        .build()
        .map_err(io_error)?;
    let listener = {
        let _entered = runtime.enter();
        tokio::net::TcpListener::from_std(listener).map_err(io_error)?
    };
    runtime.spawn(server::run(listener, address, Arc::clone(&shared)));
    Ok(Serving {
        runtime,
        address,
        shared,
    })
}

/// This PC's address on the office network: its first private IPv4 address (10/8,
/// 172.16/12, 192.168/16), the lowest when it has several. None on a PC with none.
pub fn office_address() -> Option<IpAddr> {
    let mut private: Vec<Ipv4Addr> = if_addrs::get_if_addrs()
        .ok()?
        .into_iter()
        .filter_map(|interface| match interface.ip() {
            IpAddr::V4(ip) if ip.is_private() => Some(ip),
            _ => None,
        })
        .collect();
    private.sort();
    private.first().copied().map(IpAddr::V4)
}

/// The page's address as a QR code (none for an address too long to fit, which ours never is).
pub fn qr_code(url: &str) -> Option<QrCode> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    let size = code.width();
    let path = code
        .to_colors()
        .iter()
        .enumerate()
        .filter(|(_, color)| **color == qrcode::Color::Dark)
        .map(|(i, _)| format!("M{} {}h1v1h-1z", i % size, i / size))
        .collect();
    Some(QrCode {
        size: u32::try_from(size).ok()?,
        path,
    })
}

fn no_office_network() -> AppError {
    AppError::new(
        ErrorCode::InvalidInput,
        "このPCは社内ネットワークにつながっていません (no office network address on this PC)",
    )
}

fn io_error(error: std::io::Error) -> AppError {
    AppError::new(
        ErrorCode::Io,
        format!("タブレット用のページを開けません: {error} (the remote could not start)"),
    )
}

#[cfg(test)]
mod tests;
