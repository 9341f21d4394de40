//! **For tests only.** A PostgreSQL server of Debian's package for the end-to-end tests in the
//! real app window (`ui/e2e/server.e2e.mjs`): the same server the Rust tests start
//! (`podium::store::testing::PostgresServer`), driven over standard input and output.
//!
//! Prints the address of a new, empty library on a line of its own, then reads commands, one a
//! line: `stop` (the server goes away, as when the network fails) and `start` (it is back);
//! each answers `ok`. Standard input closing stops the server and removes its folder.

use podium::store::testing::PostgresServer;
use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let server = PostgresServer::start();
    let mut out = io::stdout();
    writeln!(out, "{}", server.library())?;
    out.flush()?;
    for line in io::stdin().lock().lines() {
        match line?.trim() {
            "stop" => server.stop(),
            "start" => server.restart(),
            other => {
                writeln!(out, "unknown command {other:?}")?;
                continue;
            }
        }
        writeln!(out, "ok")?;
        out.flush()?;
    }
    Ok(())
}
