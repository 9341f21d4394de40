//! Times and dates as stored: instants as unix milliseconds (UTC), dates as `YYYY-MM-DD`.
//! For JSON, instants are RFC 3339 strings and dates `YYYY-MM-DD`.

use super::sql::{FromValue, Value};
use super::{Result, StoreError};
use serde::{Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

const ISO_DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// An instant as a column: unix milliseconds. Finer precision is dropped.
pub(crate) struct Millis(pub OffsetDateTime);

impl From<Millis> for Value {
    fn from(Millis(at): Millis) -> Self {
        // Within ±292 million years of 1970: every instant `time` can hold.
        Value::Int(at.unix_timestamp_nanos().div_euclid(1_000_000) as i64)
    }
}

impl FromValue for Millis {
    fn from_value(value: Value) -> Result<Self> {
        let ms = i64::from_value(value)?;
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
            .map(Millis)
            .map_err(|err| StoreError::Shape(err.to_string()))
    }
}

/// A calendar date as a column: `YYYY-MM-DD` text.
pub(crate) struct IsoDate(pub Date);

impl From<IsoDate> for Value {
    fn from(IsoDate(date): IsoDate) -> Self {
        // Years 1–9999 (the only ones a draft's date field takes) always format.
        Value::Text(date.format(ISO_DATE).unwrap_or_default())
    }
}

impl FromValue for IsoDate {
    fn from_value(value: Value) -> Result<Self> {
        Date::parse(&String::from_value(value)?, ISO_DATE)
            .map(IsoDate)
            .map_err(|err| StoreError::Shape(err.to_string()))
    }
}

/// `serialize_with` for an instant.
pub(crate) fn json_instant<S: Serializer>(at: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
    at.format(&Rfc3339)
        .map_err(serde::ser::Error::custom)?
        .serialize(s)
}

/// `serialize_with` for an optional instant.
pub(crate) fn json_opt_instant<S: Serializer>(
    at: &Option<OffsetDateTime>,
    s: S,
) -> Result<S::Ok, S::Error> {
    at.map(|at| at.format(&Rfc3339))
        .transpose()
        .map_err(serde::ser::Error::custom)?
        .serialize(s)
}

/// `serialize_with` for an optional date.
pub(crate) fn json_opt_date<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    date.map(|date| date.format(ISO_DATE))
        .transpose()
        .map_err(serde::ser::Error::custom)?
        .serialize(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn round_trips_as_values() {
        let at = datetime!(2026-01-05 09:30:15.123456 +09:00);
        assert_eq!(Value::from(Millis(at)), Value::Int(1_767_573_015_123));
        let back = Millis::from_value(Value::Int(1_767_573_015_123)).unwrap();
        assert_eq!(back.0, datetime!(2026-01-05 00:30:15.123 UTC));
        let day = date!(2026 - 01 - 05);
        assert_eq!(Value::from(IsoDate(day)), Value::Text("2026-01-05".into()));
        assert_eq!(IsoDate::from_value("2026-01-05".into()).unwrap().0, day);
        assert!(IsoDate::from_value("5 Jan".into()).is_err());
    }
}
