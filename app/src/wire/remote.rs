//! What crosses for the operator's remote (`crate::remote`): the commands a phone may send the
//! prompter, what the phone and the server say over the WebSocket, and the remote's state as
//! the operator view shows it.

use podium::prompter::NotesShown;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::PrompterScript;

/// What a remote may ask of the prompter: the operator's own commands (ui/src/prompter/
/// protocol.ts's `PrompterCommand` is this and the commands only the operator view sends).
/// Anything else a phone sends is refused before it reaches the prompter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "action", rename_all = "camelCase")]
#[ts(export)]
pub enum RemoteCommand {
    /// Play or pause.
    Toggle,
    /// The reading pace up or down a step.
    Faster,
    Slower,
    NextParagraph,
    PreviousParagraph,
    NextSection,
    PreviousSection,
    /// To section `n` (1-based).
    Section {
        n: u32,
    },
    /// Back to the start.
    Home,
    /// The screen blank, or back.
    Blank,
}

/// What a phone says over the WebSocket: its token first, then commands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum RemoteRequest {
    Hello { token: String },
    Command { command: RemoteCommand },
}

/// What the server tells a phone.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum RemoteMessage {
    /// The token is a paired device's: commands are heard.
    Welcome { device: String },
    /// The token is no paired device's (never paired, revoked, or the remote was turned off
    /// since): pair again.
    Unpaired,
    /// The script the prompter shows (again after an edit), with its notes shown or not.
    Script {
        script: PrompterScript,
        notes: NotesShown,
    },
    /// The prompter's report, as the operator view receives it (protocol.ts's
    /// `PrompterReport`).
    Report {
        #[ts(type = "unknown")]
        report: serde_json::Value,
    },
}

/// The answer to a right pairing code: the device's token (kept by the phone; the app keeps
/// only its hash, in memory).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Paired {
    pub token: String,
}

/// The pairing code a phone typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PairingRequest {
    pub code: String,
}

/// The remote as the operator view shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RemoteStatus {
    /// Serving (else everything below is empty).
    pub on: bool,
    /// Serving the office network; else this PC only (loopback).
    pub network: bool,
    /// This PC has an address on an office network to serve (a private IPv4 address).
    pub network_available: bool,
    /// The page's address (`http://192.168.1.20:49152/`).
    pub url: Option<String>,
    /// The address as a QR code.
    pub qr: Option<QrCode>,
    /// The pairing code (6 digits, single use).
    pub code: Option<String>,
    /// Seconds until the code is replaced.
    pub code_seconds_left: u32,
    /// Wrong codes typed since the remote was turned on.
    pub wrong_codes: u32,
    pub devices: Vec<RemoteDevice>,
}

/// A QR code as an SVG path: one unit square per dark module, on a `size` × `size` grid (the
/// quiet zone not included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QrCode {
    pub size: u32,
    pub path: String,
}

/// A paired device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RemoteDevice {
    pub id: u32,
    /// What its browser says it is (`iPhone`, `Android` …); empty when unknown.
    pub name: String,
    /// RFC 3339.
    pub paired_at: String,
    /// Its page is connected now.
    pub connected: bool,
}
