//! Podium's core: the speech dialect, timing, proofreading, export, storage and templates.
//!
//! Architecture invariant: this crate knows nothing of Tauri, windows or IPC. It is plain Rust
//! over plain data, used alike by the `podium` CLI, the desktop shell and the tests.

pub mod analysis;
pub mod export;
pub mod input;
pub mod lint;
pub mod script;
pub mod store;
pub mod templates;
pub mod timing;
