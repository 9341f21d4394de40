//! What the store keeps, made from what a writer gives: a template and its values, an
//! imported file, the editor's text, the draft's details. Plain functions over plain data; the
//! callers (CLI, desktop shell) read the clock and hand `now` to the store.
//!
//! The title of a draft follows its `#` heading: whenever the text has one, it is the title.
//! A draft without a heading keeps the title it was given (its details, the file name, the
//! template's name). Renaming a draft that has a heading rewrites the heading, so the two never
//! disagree and the next save keeps the new name.
//!
//! The figures kept for the library are the live panel's: each function takes the analysis
//! to run (`analyse`), which in the app is its `Analyser` (in morae with the dictionary) and
//! in the CLI a plain [`crate::analysis::analyse`].

use crate::analysis::Analysis;
use crate::input::{self, ImportNote, InputError};
use crate::script;
use crate::store::{Draft, DraftEdit, DraftStats};
use crate::templates::{fill, Placeholders, Template};
use std::path::Path;
use time::Date;

/// The title of a draft that has none.
pub const UNTITLED: &str = "無題";

/// The details of a draft that are not its text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DraftDetails {
    pub title: String,
    pub event: String,
    pub event_date: Option<Date>,
    pub target_seconds: Option<u32>,
}

/// A new draft from a template (`None`: an empty draft) with its placeholders filled.
/// The event and the date of the address become the draft's event and event date.
pub fn from_template(
    template: Option<&Template>,
    values: &Placeholders,
    analyse: &dyn Fn(&str) -> Analysis,
) -> DraftEdit {
    let body = template
        .map(|template| fill(template.body, values))
        .unwrap_or_default();
    let (heading, stats) = read(&body, analyse);
    let fallback = template.map_or(UNTITLED, |template| template.name);
    DraftEdit {
        title: heading.unwrap_or_else(|| fallback.to_owned()),
        event: values.event.trim().to_owned(),
        event_date: Some(values.date),
        target_seconds: None,
        body,
        stats,
    }
}

/// A new draft from the text of an imported file; without a `#` heading, the file's name
/// (without extension) is the title.
pub fn from_file(text: String, file_stem: &str, analyse: &dyn Fn(&str) -> Analysis) -> DraftEdit {
    let (heading, stats) = read(&text, analyse);
    let stem = file_stem.trim();
    DraftEdit {
        title: heading.unwrap_or_else(|| if stem.is_empty() { UNTITLED } else { stem }.to_owned()),
        event: String::new(),
        event_date: None,
        target_seconds: None,
        body: text,
        stats,
    }
}

/// A new draft read from a file, and what the file had that the draft leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct FileDraft {
    pub draft: DraftEdit,
    pub notes: Vec<ImportNote>,
}

/// Reads a file (see [`crate::input`]: UTF-8/16, Shift_JIS, Word documents; binary and huge
/// files refused) into a new draft titled by its heading or its name.
pub fn read_file(path: &Path, analyse: &dyn Fn(&str) -> Analysis) -> Result<FileDraft, InputError> {
    let decoded = input::read_path(path)?;
    let stem = path.file_stem().map(|stem| stem.to_string_lossy());
    Ok(FileDraft {
        draft: from_file(decoded.text, stem.as_deref().unwrap_or(""), analyse),
        notes: decoded.notes,
    })
}

/// A save of new text for `current`: its details stay, its title follows the text's heading.
pub fn with_body(current: &Draft, body: String, analyse: &dyn Fn(&str) -> Analysis) -> DraftEdit {
    let (heading, stats) = read(&body, analyse);
    DraftEdit {
        title: heading.unwrap_or_else(|| current.title.clone()),
        event: current.event.clone(),
        event_date: current.event_date,
        target_seconds: current.target_seconds,
        body,
        stats,
    }
}

/// A save of new details for `current`. A blank title is [`UNTITLED`]. When the title
/// changes and the text has a `#` heading, the heading becomes `# <title>`; otherwise the text
/// and its figures stay.
pub fn with_details(
    current: &Draft,
    details: DraftDetails,
    analyse: &dyn Fn(&str) -> Analysis,
) -> DraftEdit {
    let title = details
        .title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let title = if title.is_empty() {
        UNTITLED.to_owned()
    } else {
        title
    };
    let (body, stats) = match retitled(&current.body, &title) {
        Some(body) => {
            let stats = stats(&body, analyse);
            (body, stats)
        }
        None => (current.body.clone(), current.stats),
    };
    DraftEdit {
        title,
        event: details.event.trim().to_owned(),
        event_date: details.event_date,
        target_seconds: details.target_seconds,
        body,
        stats,
    }
}

/// `body` with its `#` heading saying `title`; `None` when it has no heading or already says so.
fn retitled(body: &str, title: &str) -> Option<String> {
    let heading = script::parse(body).title?;
    if heading.text().trim() == title {
        return None;
    }
    let range = heading.span.range();
    let line_end = if body[range.clone()].ends_with('\n') {
        "\n"
    } else {
        ""
    };
    let mut retitled = String::with_capacity(body.len() + title.len());
    retitled.push_str(&body[..range.start]);
    retitled.push_str("# ");
    retitled.push_str(title);
    retitled.push_str(line_end);
    retitled.push_str(&body[range.end..]);
    Some(retitled)
}

/// The title of a copy: 「年頭挨拶（コピー）」.
pub fn copy_title(title: &str) -> String {
    format!("{title}（コピー）")
}

/// Library figures of a text: the live panel's.
pub fn stats(body: &str, analyse: &dyn Fn(&str) -> Analysis) -> DraftStats {
    read(body, analyse).1
}

/// One analysis: the `#` heading (when not blank) and the figures.
fn read(body: &str, analyse: &dyn Fn(&str) -> Analysis) -> (Option<String>, DraftStats) {
    let analysis = analyse(body);
    let heading = analysis
        .title
        .as_deref()
        .map(|title| title.trim().to_owned())
        .filter(|title| !title.is_empty());
    (heading, DraftStats::from(&analysis.timing))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::templates;
    use time::macros::{date, datetime};

    /// The CLI's analysis: in characters at the default pace.
    fn in_characters(body: &str) -> Analysis {
        crate::analysis::analyse(body, &crate::analysis::AnalysisOptions::default())
    }

    fn values() -> Placeholders {
        Placeholders {
            event: " 仕事始め式 ".into(),
            speaker: "市長　山田太郎".into(),
            city: "みなと市".into(),
            ..Placeholders::new(date!(2027 - 01 - 04))
        }
    }

    #[test]
    fn the_figures_are_the_analysis_characters_and_seconds() {
        let body = "# 題\n\n## 結びに\n\n以上です。\n";
        let timing = in_characters(body).timing;
        let figures = stats(body, &in_characters);
        assert_eq!(
            (figures.chars as usize, figures.seconds),
            (timing.chars, timing.seconds)
        );
    }

    #[test]
    fn a_template_is_filled_titled_and_measured() {
        let template = templates::find("new-year");
        let draft = from_template(template, &values(), &in_characters);
        assert_eq!(draft.title, "令和9年 年頭挨拶");
        assert_eq!(draft.event, "仕事始め式");
        assert_eq!(draft.event_date, Some(date!(2027 - 01 - 04)));
        assert!(!draft.body.contains("{{"));
        assert!(draft.stats.chars > 1000 && draft.stats.seconds > 200.0);
    }

    #[test]
    fn a_block_is_titled_by_its_name_and_no_template_is_an_empty_draft() {
        let block = templates::find("priorities");
        let draft = from_template(block, &values(), &in_characters);
        assert_eq!(draft.title, "重点の三つの柱（①②③）");
        let empty = from_template(None, &values(), &in_characters);
        assert_eq!((empty.title.as_str(), empty.body.as_str()), (UNTITLED, ""));
        assert_eq!(empty.stats, DraftStats::default());
    }

    #[test]
    fn an_imported_file_without_heading_is_titled_by_its_name() {
        assert_eq!(
            from_file("# 式辞\n\n本文。".into(), "a", &in_characters).title,
            "式辞"
        );
        assert_eq!(
            from_file("本文。".into(), "成人式", &in_characters).title,
            "成人式"
        );
        assert_eq!(
            from_file("本文。".into(), " ", &in_characters).title,
            UNTITLED
        );
    }

    #[test]
    fn a_file_is_read_and_titled_by_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("成人式.txt");
        std::fs::write(&path, "新成人の皆さん、おめでとうございます。\r\n").unwrap();
        let FileDraft { draft, notes } = read_file(&path, &in_characters).unwrap();
        assert_eq!((draft.title.as_str(), notes), ("成人式", vec![]));
        assert_eq!(draft.body, "新成人の皆さん、おめでとうございます。\n");
        let binary = dir.path().join("x.md");
        std::fs::write(&binary, b"\0\x01\x02").unwrap();
        assert!(matches!(
            read_file(&binary, &in_characters),
            Err(InputError::Binary)
        ));
    }

    #[test]
    fn the_title_follows_the_heading_and_details_keep_the_text() {
        let mut store = Store::open_in_memory().unwrap();
        let now = datetime!(2027-01-04 09:00 UTC);
        let new = from_file("本文です。".into(), "挨拶", &in_characters);
        let draft = store.create_draft(&new, now).unwrap();

        let edit = with_body(&draft, "まだ見出しはありません。".into(), &in_characters);
        assert_eq!(edit.title, "挨拶");
        let edit = with_body(&draft, "# 新年の挨拶\n\n本文。".into(), &in_characters);
        assert_eq!(edit.title, "新年の挨拶");
        assert_eq!(edit.stats, stats("# 新年の挨拶\n\n本文。", &in_characters));

        let details = DraftDetails {
            title: "  ".into(),
            event: "仕事始め式".into(),
            event_date: Some(date!(2027 - 01 - 04)),
            target_seconds: Some(600),
        };
        let edit = with_details(&draft, details, &in_characters);
        assert_eq!(edit.title, UNTITLED);
        assert_eq!(
            (edit.body.as_str(), edit.stats),
            ("本文です。", draft.stats)
        );
        assert_eq!(edit.target_seconds, Some(600));
        assert_eq!(copy_title("挨拶"), "挨拶（コピー）");
    }

    #[test]
    fn renaming_rewrites_the_heading_so_the_next_save_keeps_the_name() {
        let mut store = Store::open_in_memory().unwrap();
        let now = datetime!(2027-01-04 09:00 UTC);
        let body = "前書き。\n\n# 新年の挨拶\n\n## 重点\n\n本文。\n";
        let draft = store
            .create_draft(&from_file(body.into(), "a", &in_characters), now)
            .unwrap();
        let rename = |title: &str| DraftDetails {
            title: title.into(),
            ..DraftDetails::default()
        };

        let edit = with_details(&draft, rename(" 令和9年\n年頭挨拶 "), &in_characters);
        assert_eq!(edit.title, "令和9年 年頭挨拶");
        assert_eq!(
            edit.body,
            "前書き。\n\n# 令和9年 年頭挨拶\n\n## 重点\n\n本文。\n"
        );
        assert_eq!(
            with_body(&draft, edit.body.clone(), &in_characters).title,
            edit.title
        );

        let setext = Draft {
            body: "新年の挨拶\n==========\n\n本文。".into(),
            ..draft.clone()
        };
        assert_eq!(
            with_details(&setext, rename("挨拶"), &in_characters).body,
            "# 挨拶\n\n本文。"
        );

        let unchanged = with_details(&draft, rename("新年の挨拶"), &in_characters);
        assert_eq!(
            (unchanged.body, unchanged.stats),
            (draft.body.clone(), draft.stats)
        );
        let no_heading = Draft {
            body: "本文のみ。".into(),
            ..draft
        };
        assert_eq!(
            with_details(&no_heading, rename("式辞"), &in_characters).body,
            "本文のみ。"
        );
    }
}
