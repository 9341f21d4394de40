//! Reliability and security of the core (issue 6): crashes, database faults, bad files,
//! hostile drafts and the fuzz corpus. One test binary; `make reliability` runs it with the
//! long settings and prints the figures.

mod bad_files;
mod concurrency;
mod crash;
mod faults;
mod fuzz_corpus;
mod hostile;
mod upkeep;

use std::path::PathBuf;

/// A file under `tests/data/`.
fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests/data")
        .join(name)
}

/// A number from the environment, or `default`.
fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// A small deterministic random sequence (Knuth's MMIX LCG): seeds are printed, runs repeat.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
