//! "Export all drafts": every live draft as a Markdown file in one folder — a copy of the
//! library that any editor opens, and that outlives the database.
//!
//! Files are named from titles, made safe on Windows as well as here ([`file_name_for`]), and
//! are only ever created, never overwritten: a name already used in the folder gets a
//! ` (2)`, ` (3)` … suffix. Nothing is written outside the folder.

use super::{Result, Store};
use crate::files::{self, Existing};
use crate::invisible::is_invisible;
use crate::templates;
use std::collections::HashSet;
use std::fs;
use std::io;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// A draft written by [`Store::export_all`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedDraft {
    pub id: i64,
    pub title: String,
    pub path: PathBuf,
    /// The template's placeholders still in its text (`{{city}}`), each once, in order.
    pub unfilled: Vec<String>,
}

/// Characters Windows refuses in file names, with the full-width forms used instead.
const RESERVED_CHARS: [(char, char); 9] = [
    ('\\', '＼'),
    ('/', '／'),
    (':', '：'),
    ('*', '＊'),
    ('?', '？'),
    ('"', '＂'),
    ('<', '＜'),
    ('>', '＞'),
    ('|', '｜'),
];

/// Device names Windows reserves, with any extension (`CON.md`, `com1.txt` …).
const RESERVED_NAMES: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];

/// Longest file name stem, in bytes (file systems allow 255 bytes or UTF-16 units).
const MAX_STEM_BYTES: usize = 180;

impl Store {
    /// Writes the body of every live draft to `dir` (created if missing) as `<title>.md`,
    /// most recently changed first. `progress(done, total)` is called before each draft and
    /// at the end; returning `Break` stops after the files written so far.
    pub fn export_all(
        &self,
        dir: &Path,
        mut progress: impl FnMut(usize, usize) -> ControlFlow<()>,
    ) -> Result<Vec<ExportedDraft>> {
        let drafts = self.list_drafts()?;
        fs::create_dir_all(dir)?;
        let mut taken = HashSet::new();
        let mut written = Vec::with_capacity(drafts.len());
        for (done, summary) in drafts.iter().enumerate() {
            if progress(done, drafts.len()).is_break() {
                return Ok(written);
            }
            let draft = self.draft(summary.id)?;
            let path = create_new_file(
                dir,
                &file_stem_for(&draft.title),
                &mut taken,
                draft.body.as_bytes(),
            )?;
            let mut unfilled: Vec<String> = Vec::new();
            for (range, _) in templates::unfilled(&draft.body) {
                let placeholder = &draft.body[range];
                if !unfilled.iter().any(|seen| seen == placeholder) {
                    unfilled.push(placeholder.to_owned());
                }
            }
            written.push(ExportedDraft {
                id: draft.id,
                title: draft.title,
                path,
                unfilled,
            });
        }
        let _ = progress(drafts.len(), drafts.len());
        Ok(written)
    }
}

/// A file name for a draft titled `title`: `<safe title>.md` (see [`file_stem_for`]).
pub fn file_name_for(title: &str) -> String {
    format!("{}.md", file_stem_for(title))
}

/// A file name stem from a title that is safe on Windows and here: Windows' reserved
/// characters become their full-width forms, control and bidi characters go, whitespace runs
/// become one space, no leading or trailing dots or spaces, no device names (`CON` → `CON_`),
/// at most [`MAX_STEM_BYTES`] bytes; `無題` when nothing is left.
fn file_stem_for(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        let c = RESERVED_CHARS
            .iter()
            .find(|(reserved, _)| *reserved == c)
            .map_or(c, |(_, wide)| *wide);
        if c.is_whitespace() {
            if !stem.ends_with(' ') {
                stem.push(' ');
            }
        } else if !is_invisible(c) {
            if stem.len() + c.len_utf8() > MAX_STEM_BYTES {
                break;
            }
            stem.push(c);
        }
    }
    let stem = stem.trim_matches(|c| c == ' ' || c == '.');
    if stem.is_empty() {
        return "無題".to_owned();
    }
    // Windows takes `CON.md` and `con.txt.md` for the device too: mark the part before the dot.
    let (device, rest) = stem.split_at(stem.find('.').unwrap_or(stem.len()));
    if is_device_name(device.trim_end()) {
        format!("{}_{rest}", device.trim_end())
    } else {
        stem.to_owned()
    }
}

fn is_device_name(name: &str) -> bool {
    let upper = name.to_uppercase();
    if RESERVED_NAMES.contains(&upper.as_str()) {
        return true;
    }
    let digits = [
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '¹', '²', '³',
    ];
    ["COM", "LPT"].iter().any(|port| {
        upper.strip_prefix(port).is_some_and(|rest| {
            let mut chars = rest.chars();
            chars.next().is_some_and(|d| digits.contains(&d)) && chars.next().is_none()
        })
    })
}

/// Creates `<stem>.md` in `dir`, or `<stem> (2).md` … when that name is taken in `taken`
/// (compared without case, as Windows and macOS do) or on disk, holding `contents` (written
/// whole, never through a planted link: [`files::write`]).
fn create_new_file(
    dir: &Path,
    stem: &str,
    taken: &mut HashSet<String>,
    contents: &[u8],
) -> Result<PathBuf> {
    for n in 1u64.. {
        let name = match n {
            1 => format!("{stem}.md"),
            n => format!("{stem} ({n}).md"),
        };
        if !taken.insert(name.to_lowercase()) {
            continue;
        }
        let path = dir.join(&name);
        debug_assert_eq!(path.parent(), Some(dir), "{name} stays in the folder");
        match files::write(&path, contents, Existing::Keep) {
            Ok(()) => return Ok(path),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
            Err(err) => return Err(err.into()),
        }
    }
    unreachable!("an endless list of names has a free one")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_names_that_windows_accepts() {
        for (title, name) in [
            ("令和9年 年頭挨拶", "令和9年 年頭挨拶.md"),
            ("施政方針: 第1部 / 草案?", "施政方針： 第1部 ／ 草案？.md"),
            ("a\\b*c\"d<e>f|g", "a＼b＊c＂d＜e＞f｜g.md"),
            ("  挨拶。。..  ", "挨拶。。.md"),
            ("..", "無題.md"),
            ("", "無題.md"),
            ("\u{202E}逆\u{0007}向き\n\t改行", "逆向き 改行.md"),
            ("CON", "CON_.md"),
            ("con.txt", "con_.txt.md"),
            ("Com1", "Com1_.md"),
            ("LPT²", "LPT²_.md"),
            ("COM10", "COM10.md"),
            ("CONSOLE", "CONSOLE.md"),
        ] {
            assert_eq!(file_name_for(title), name, "{title:?}");
        }
        let long = file_name_for(&"挨".repeat(300));
        assert!(long.len() <= MAX_STEM_BYTES + 3, "{}", long.len());
    }

    #[test]
    fn names_never_leave_the_folder() {
        for title in [
            "../../etc/passwd",
            "/etc/passwd",
            "C:\\Windows\\x",
            "..\\..",
            "~",
        ] {
            let name = file_name_for(title);
            let mut parts = Path::new(&name).components();
            assert!(
                matches!(parts.next(), Some(std::path::Component::Normal(_)))
                    && parts.next().is_none(),
                "{title:?} → {name:?}"
            );
        }
    }
}
