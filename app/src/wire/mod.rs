//! The types that cross IPC, declared once here and exported to TypeScript with ts-rs
//! (`ui/src/lib/bindings/`, see [`bindings`]). They are the serialisable counterparts of the
//! core's types: camelCase fields, offsets in UTF-16 code units, dates `YYYY-MM-DD`, instants
//! RFC 3339 (UTC). The contract is docs/ipc.md.

mod analysis;
/// Only tests write and check the TypeScript files (`make bindings`, `bindings_are_current`).
#[cfg(test)]
pub mod bindings;
mod blog;
pub mod check;
mod edits;
mod library;
mod limits;
mod offsets;
mod prompter;
mod readings;
mod remote;
mod settings;
mod upkeep;
mod word;
mod workflow;

pub use analysis::{Analysis, Figures, Finding};
pub use blog::{BlogParts, WordpressDraft};
pub use edits::{apply, AnalysisUpdate, Moved, Placed, Splice, TextEdit};
#[cfg(test)]
pub use library::RevisionKind;
pub use library::{
    Draft, DraftMeta, DraftStatus, DraftSummary, ImportFailure, ImportNote, ImportNotes,
    ImportReport, NewDraftValues, Pasted, Revision, RevisionSummary, SaveKind, Saved, SearchHit,
    TemplateInfo, TrashedDraft, FILES_OPENED_EVENT,
};
pub use limits::{Limits, Range};
pub use offsets::Utf16Offsets;
pub use podium::export::{BlogDestination, ExportProfile, PrintOptions, RubyStyle};
pub use podium::prompter::{EyeLine, FontFamily, NotesShown, PrompterSettings};
pub use podium::settings::{Language, Settings, Theme, WordpressSettings};
pub use prompter::{
    check_section_seconds, Display, PrompterScript, RehearsalSummary, CLICKER_EVENT, CLICKER_KEYS,
    PROMPTER_COMMAND_EVENT, PROMPTER_REPORT_EVENT, PROMPTER_WINDOW, SECOND_SCREEN_WINDOW,
};
pub use readings::{DictionaryStatus, ReadingEntry};
pub use remote::{
    Paired, PairingRequest, QrCode, RemoteCommand, RemoteDevice, RemoteMessage, RemoteRequest,
    RemoteStatus,
};
pub use settings::{AppInfo, LocalSettings};
pub use upkeep::{
    Backups, ExportAllProgress, ExportAllReport, Recovered, RecoveryChoice, Repaired, UnfilledDraft,
};
pub use word::WordDocument;
pub use workflow::{Comment, StatusChange};

use time::format_description::well_known::Rfc3339;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, OffsetDateTime, UtcOffset};

const ISO_DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// `YYYY-MM-DD`
pub fn date(date: Date) -> String {
    date.format(ISO_DATE).unwrap_or_default()
}

/// RFC 3339 in UTC, e.g. `2027-01-04T09:00:00Z`.
pub fn instant(at: OffsetDateTime) -> String {
    at.to_offset(UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_default()
}

/// A `YYYY-MM-DD` string, `None` when it is not one.
fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text.trim(), ISO_DATE).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn dates_and_instants_are_iso() {
        assert_eq!(date(date!(2027 - 01 - 04)), "2027-01-04");
        assert_eq!(
            instant(datetime!(2027-01-04 18:00 +09:00)),
            "2027-01-04T09:00:00Z"
        );
        assert_eq!(parse_date("2027-01-04"), Some(date!(2027 - 01 - 04)));
        assert_eq!(parse_date("2027-02-30"), None);
        assert_eq!(parse_date("令和9年"), None);
    }
}
