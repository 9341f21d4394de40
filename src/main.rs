//! `podium`: measure, proofread, export and file speeches from a terminal.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
