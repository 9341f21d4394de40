//! A command's FILE argument: a file, or `-` for stdin, decoded (see `podium::input`).

use super::Failure;
use podium::input::ImportNote;
use std::path::Path;

/// A draft read from a file or stdin.
pub(crate) struct Source {
    pub name: String,
    pub text: String,
    /// What the file had that the text leaves out (a Word document's tables, comments …).
    pub notes: Vec<ImportNote>,
}

/// Read `FILE` (`-` for stdin): decoded text, or a one-line reason naming the file.
pub(crate) fn read_source(path: &Path) -> Result<Source, Failure> {
    let name = path.display().to_string();
    let decoded = if path == Path::new("-") {
        podium::input::read_stdin()
    } else {
        podium::input::read_path(path)
    };
    match decoded {
        Ok(decoded) => Ok(Source {
            name,
            text: decoded.text,
            notes: decoded.notes,
        }),
        Err(error) => Err(Failure::input(format!("{name}: {error}"))),
    }
}
