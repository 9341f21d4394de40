//! Placeholders (`{{date}}`, `{{speaker}}` …) and filling them in a new draft.

use super::era::{era_year, japanese_date};
use regex::{Captures, Regex};
use std::sync::LazyLock;
use time::Date;

/// The values a new draft is filled with. Era year and year are derived from `date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholders {
    /// The day of the address: `{{date}}` 令和9年1月4日, `{{era_year}}` 令和9年, `{{year}}` 2027,
    /// `{{month_day}}` 1月4日.
    pub date: Date,
    /// `{{event}}`: 仕事始め式, 入庁式 …
    pub event: String,
    /// `{{speaker}}`: 市長　山田太郎
    pub speaker: String,
    /// `{{city}}`: 〇〇市
    pub city: String,
}

impl Placeholders {
    /// Values for an address on `date`, with event, speaker and city still to be given.
    pub fn new(date: Date) -> Self {
        Placeholders {
            date,
            event: String::new(),
            speaker: String::new(),
            city: String::new(),
        }
    }

    /// The text for a placeholder name; `None` when the name is unknown or its value empty.
    fn value(&self, name: &str) -> Option<String> {
        let given = |text: &str| (!text.trim().is_empty()).then(|| text.to_string());
        match name {
            "date" => Some(japanese_date(self.date)),
            "era_year" => Some(era_year(self.date)),
            "year" => Some(self.date.year().to_string()),
            "month_day" => Some(format!(
                "{}月{}日",
                u8::from(self.date.month()),
                self.date.day()
            )),
            "event" => given(&self.event),
            "speaker" => given(&self.speaker),
            "city" => given(&self.city),
            _ => None,
        }
    }
}

/// `{{name}}`: a lowercase ASCII name, no spaces.
static PLACEHOLDER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{([a-z][a-z0-9_]*)\}\}").expect("valid pattern"));

/// The placeholders still in a text (`{{city}}` left unfilled): each one's byte range and
/// name, in order. What [`fill`] fills is what this finds.
pub fn unfilled(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    PLACEHOLDER.captures_iter(text).map(|caps| {
        let whole = caps.get(0).expect("a match has its whole text");
        (whole.range(), caps.get(1).map_or("", |name| name.as_str()))
    })
}

/// Fill the placeholders of a template body.
///
/// Rules:
/// - a placeholder is `{{name}}` with a lowercase ASCII name and no spaces: `date`, `era_year`,
///   `year`, `event`, `speaker`, `city`;
/// - an unknown name, or a value left empty, keeps its `{{name}}` visible, so the writer sees
///   what is still to be written;
/// - anything else (`{{`, `{{ date }}`, `{{日付}}`, ruby `{漢字|かんじ}`) stays as it is;
/// - one pass: a value that itself contains `{{…}}` is not filled again.
pub fn fill(template_body: &str, values: &Placeholders) -> String {
    PLACEHOLDER
        .replace_all(template_body, |caps: &Captures| {
            values
                .value(&caps[1])
                .unwrap_or_else(|| caps[0].to_string())
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn values() -> Placeholders {
        Placeholders {
            event: "仕事始め式".into(),
            speaker: "市長　山田太郎".into(),
            city: "みなと市".into(),
            ..Placeholders::new(date!(2027 - 01 - 04))
        }
    }

    #[test]
    fn fills_every_known_placeholder() {
        let body = "{{date}} {{era_year}} {{year}} {{event}} {{speaker}} {{city}}";
        assert_eq!(
            fill(body, &values()),
            "令和9年1月4日 令和9年 2027 仕事始め式 市長　山田太郎 みなと市"
        );
    }

    #[test]
    fn unknown_and_empty_placeholders_stay_visible() {
        let values = Placeholders::new(date!(2027 - 01 - 04));
        assert_eq!(
            fill("{{venue}}で{{event}}。{{year}}", &values),
            "{{venue}}で{{event}}。2027"
        );
    }

    #[test]
    fn text_that_is_not_a_placeholder_stays() {
        let body = "{{ date }} {{日付}} {{ {{date {漢字|かんじ}} {{{year}}}";
        assert_eq!(
            fill(body, &values()),
            "{{ date }} {{日付}} {{ {{date {漢字|かんじ}} {2027}"
        );
    }

    #[test]
    fn values_are_not_filled_again() {
        let values = Placeholders {
            speaker: "{{date}}".into(),
            ..values()
        };
        assert_eq!(fill("{{speaker}}", &values), "{{date}}");
    }
}
