//! Builds the morphological dictionary from IPADIC's sources into a folder, for shipping beside
//! the program (`make package-windows` puts it in `<install folder>\dictionary`, where
//! `dictionary::Origin::of_this_program` looks first).
//!
//! `cargo run --release --example build_dictionary -- OUT [SOURCES]`: OUT must not exist yet;
//! SOURCES defaults to `PODIUM_IPADIC`, else Debian's mecab-ipadic.

use podium::japanese::dictionary;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1);
    let out = PathBuf::from(args.next().ok_or("usage: build_dictionary OUT [SOURCES]")?);
    let sources = args
        .next()
        .map_or_else(dictionary::default_sources, PathBuf::from);
    if out.exists() {
        return Err(format!("{} exists already", out.display()).into());
    }
    let started = Instant::now();
    dictionary::build(&sources, &out)?;
    // Loaded once, as the program will.
    dictionary::load(&out)?;
    eprintln!(
        "dictionary built from {} into {} in {:.1} s",
        sources.display(),
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
