//! Podium's core: the speech dialect, timing, proofreading, export, storage and templates.
//!
//! Architecture invariant: this crate knows nothing of Tauri, windows or IPC. It is plain Rust
//! over plain data, used alike by the application layer (`app/`, and through it the `podium`
//! CLI and the desktop shell) and the tests.

pub mod analysis;
pub mod compose;
pub mod export;
pub mod files;
pub mod input;
pub mod invisible;
pub mod japanese;
pub mod lint;
mod passage;
pub mod prompter;
pub mod rehearsal;
pub mod script;
pub mod settings;
pub mod store;
pub mod templates;
pub mod timing;

/// The version of Podium (the core, the CLI and the desktop shell share it).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
