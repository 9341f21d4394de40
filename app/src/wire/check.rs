//! Arguments from the UI are checked here before they reach the core: the webview is trusted
//! code, but a bug there must give a clear `invalid_input`, never a panic or a strange write.

use super::{parse_date, DraftMeta, NewDraftValues, SaveKind};
use crate::error::{AppError, ErrorCode};
use podium::compose::DraftDetails;
use podium::export::{PrintOptions, PRINT_SIZE_PT};
use podium::input::MAX_DRAFT_BYTES;
use podium::templates::{self, Placeholders, Template};
use std::path::Path;

/// Longest title, event, speaker, city or revision name, in characters.
pub const MAX_FIELD_CHARS: usize = 500;
/// Longest search query, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most files in one import.
pub const MAX_IMPORT_FILES: usize = 1000;
/// Largest export to save: an HTML page of the largest draft, with room to spare.
pub const MAX_EXPORT_BYTES: usize = 4 * MAX_DRAFT_BYTES;
/// Longest target duration: a day.
pub const MAX_TARGET_SECONDS: u32 = 24 * 60 * 60;

/// Draft and revision ids are positive.
pub fn id(id: i64) -> Result<i64, AppError> {
    if id > 0 {
        Ok(id)
    } else {
        Err(AppError::invalid(format!(
            "ID が正しくありません (invalid id: {id})"
        )))
    }
}

/// A draft's text: at most [`MAX_DRAFT_BYTES`], like an imported file.
pub fn body(body: &str) -> Result<(), AppError> {
    size("原稿", body.len(), MAX_DRAFT_BYTES)
}

/// An edited 要旨: a few short lines.
pub fn summary(lines: &[String]) -> Result<(), AppError> {
    if lines.len() > MAX_SUMMARY_LINES {
        return Err(AppError::invalid(format!(
            "要旨は{MAX_SUMMARY_LINES}行までです (the summary has at most {MAX_SUMMARY_LINES} lines)"
        )));
    }
    lines
        .iter()
        .try_for_each(|line| size("要旨の一行", line.len(), MAX_SUMMARY_LINE_BYTES))
}

/// The blog's lead-in line as the writer edited it: one line, as long as the settings allow.
pub fn lead_in(line: &str) -> Result<(), AppError> {
    short_text(
        "ブログの書き出しの一文",
        line,
        podium::settings::MAX_BLOG_LEAD_IN_CHARS,
    )
}

/// How the reading script is printed: its type size within the core's range.
pub fn print_options(options: &PrintOptions) -> Result<(), AppError> {
    if PRINT_SIZE_PT.contains(&options.size_pt) {
        return Ok(());
    }
    let (min, max) = (PRINT_SIZE_PT.start(), PRINT_SIZE_PT.end());
    Err(AppError::invalid(format!(
        "印刷の文字の大きさは{min}〜{max}ポイントです (the print size is {min}–{max} pt)"
    )))
}

const MAX_SUMMARY_LINES: usize = 50;
const MAX_SUMMARY_LINE_BYTES: usize = 2_000;

pub fn export_contents(contents: &str) -> Result<(), AppError> {
    size("書き出す内容", contents.len(), MAX_EXPORT_BYTES)
}

fn size(what: &str, bytes: usize, limit: usize) -> Result<(), AppError> {
    if bytes <= limit {
        return Ok(());
    }
    Err(AppError::invalid(format!(
        "{what}が大きすぎます（上限 {} MB）(too large: over {} MB)",
        limit >> 20,
        limit >> 20
    )))
}

/// A one-line text field: at most [`MAX_FIELD_CHARS`] characters.
pub fn field(label: &str, text: &str) -> Result<(), AppError> {
    short_text(label, text, MAX_FIELD_CHARS)
}

/// A text of at most `limit` characters (a comment, a reason).
pub fn short_text(label: &str, text: &str, limit: usize) -> Result<(), AppError> {
    if text.chars().count() <= limit {
        return Ok(());
    }
    Err(AppError::invalid(format!(
        "{label}が長すぎます（{limit} 字まで）(too long: over {limit} characters)"
    )))
}

pub fn query(query: &str) -> Result<(), AppError> {
    if query.chars().count() <= MAX_QUERY_CHARS {
        return Ok(());
    }
    Err(AppError::invalid(format!(
        "検索語が長すぎます（{MAX_QUERY_CHARS} 字まで）(query too long)"
    )))
}

pub fn import_paths<T>(paths: &[T]) -> Result<(), AppError> {
    if paths.len() <= MAX_IMPORT_FILES {
        return Ok(());
    }
    Err(AppError::invalid(format!(
        "一度に取り込めるのは {MAX_IMPORT_FILES} ファイルまでです (at most {MAX_IMPORT_FILES} files at once)"
    )))
}

/// A file or folder the user chose in a native dialog (to import, to export into): an absolute
/// path, since the app's working folder means nothing to the user. Whether the user did choose
/// it is checked by `grants.rs`.
pub fn chosen_path(path: &str) -> Result<&Path, AppError> {
    chosen_path_buf(Path::new(path))
}

/// [`chosen_path`] for a path the dialog gave.
pub fn chosen_path_buf(file: &Path) -> Result<&Path, AppError> {
    if file.is_absolute() {
        Ok(file)
    } else {
        Err(AppError::invalid(
            "絶対パスで指定してください (not an absolute path)",
        ))
    }
}

/// A revision's name, when it has one: a one-line field.
pub fn save_kind(kind: &SaveKind) -> Result<(), AppError> {
    match kind {
        SaveKind::Named { name: Some(name) } => field("履歴の名前", name),
        _ => Ok(()),
    }
}

pub fn date(text: &str) -> Result<time::Date, AppError> {
    parse_date(text).ok_or_else(|| {
        AppError::invalid(format!(
            "日付は YYYY-MM-DD の形で指定してください (not a date: {text:?})"
        ))
    })
}

pub fn target_seconds(seconds: Option<u32>) -> Result<Option<u32>, AppError> {
    match seconds {
        Some(0) => Ok(None),
        Some(s) if s > MAX_TARGET_SECONDS => Err(AppError::invalid(
            "目標時間が長すぎます（24 時間まで）(target over 24 hours)",
        )),
        other => Ok(other),
    }
}

/// The details form of a draft.
pub fn draft_meta(meta: DraftMeta) -> Result<DraftDetails, AppError> {
    field("題名", &meta.title)?;
    field("行事名", &meta.event)?;
    let event_date = match meta.event_date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(date(text)?),
    };
    Ok(DraftDetails {
        title: meta.title,
        event: meta.event,
        event_date,
        target_seconds: target_seconds(meta.target_seconds)?,
    })
}

/// The "new draft" form: the template (`None`: an empty draft) and its placeholder values.
pub fn new_draft(
    values: NewDraftValues,
) -> Result<(Option<&'static Template>, Placeholders), AppError> {
    let template = match values.template_id.as_deref() {
        None => None,
        Some(id) => Some(templates::find(id).ok_or_else(|| {
            AppError::new(
                ErrorCode::NotFound,
                format!("テンプレート「{id}」が見つかりません (template {id:?} not found)"),
            )
        })?),
    };
    field("行事名", &values.event)?;
    field("話し手", &values.speaker)?;
    field("市の名前", &values.city)?;
    let placeholders = Placeholders {
        event: values.event,
        speaker: values.speaker,
        city: values.city,
        ..Placeholders::new(date(&values.date)?)
    };
    Ok((template, placeholders))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code<T: std::fmt::Debug>(result: Result<T, AppError>) -> ErrorCode {
        result.unwrap_err().code
    }

    #[test]
    fn ids_must_be_positive() {
        assert_eq!(id(1), Ok(1));
        assert_eq!(code(id(0)), ErrorCode::InvalidInput);
        assert_eq!(code(id(-5)), ErrorCode::InvalidInput);
    }

    #[test]
    fn sizes_and_lengths_are_limited() {
        assert!(body(&"あ".repeat(1000)).is_ok());
        let huge = "a".repeat(MAX_DRAFT_BYTES + 1);
        let error = body(&huge).unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert!(error.message.starts_with("原稿が大きすぎます（上限 2 MB）"));
        assert!(export_contents(&huge).is_ok());
        assert!(field("題名", &"長".repeat(MAX_FIELD_CHARS)).is_ok());
        assert!(field("題名", &"長".repeat(MAX_FIELD_CHARS + 1)).is_err());
        assert!(import_paths(&vec![String::new(); MAX_IMPORT_FILES + 1]).is_err());
        assert!(chosen_path("notes/挨拶.md").is_err());
        let long_name = SaveKind::Named {
            name: Some("名".repeat(MAX_FIELD_CHARS + 1)),
        };
        assert!(save_kind(&long_name).is_err());
    }

    #[test]
    fn dates_and_targets() {
        assert!(date("2027-01-04").is_ok());
        assert_eq!(code(date("2027/01/04")), ErrorCode::InvalidInput);
        assert_eq!(target_seconds(Some(0)), Ok(None));
        assert_eq!(target_seconds(Some(600)), Ok(Some(600)));
        assert!(target_seconds(Some(MAX_TARGET_SECONDS + 1)).is_err());
        let meta = DraftMeta {
            title: "年頭挨拶".into(),
            event: String::new(),
            event_date: Some(" ".into()),
            target_seconds: None,
        };
        assert_eq!(draft_meta(meta).unwrap().event_date, None);
    }

    #[test]
    fn new_draft_values_name_a_known_template_and_a_date() {
        let values = NewDraftValues {
            template_id: Some("new-year".into()),
            date: "2027-01-04".into(),
            event: "仕事始め式".into(),
            speaker: String::new(),
            city: String::new(),
        };
        let (template, placeholders) = new_draft(values.clone()).unwrap();
        assert_eq!(template.map(|t| t.id), Some("new-year"));
        assert_eq!(placeholders.event, "仕事始め式");
        let unknown = NewDraftValues {
            template_id: Some("no-such".into()),
            ..values.clone()
        };
        assert_eq!(code(new_draft(unknown)), ErrorCode::NotFound);
        let bad_date = NewDraftValues {
            date: "today".into(),
            ..values
        };
        assert_eq!(code(new_draft(bad_date)), ErrorCode::InvalidInput);
    }
}
