//! Fuzz target `speech`: see `fuzz/checks.rs` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| podium_fuzz::speech(data));
