//! Times and dates as stored: instants as unix milliseconds (UTC), dates as `YYYY-MM-DD`.
//! For JSON, instants are RFC 3339 strings and dates `YYYY-MM-DD`.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

const ISO_DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// An instant as a column: unix milliseconds. Finer precision is dropped.
pub(crate) struct Millis(pub OffsetDateTime);

impl ToSql for Millis {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        let ms = self.0.unix_timestamp_nanos().div_euclid(1_000_000);
        let ms = i64::try_from(ms)
            .map_err(|err| rusqlite::Error::ToSqlConversionFailure(Box::new(err)))?;
        Ok(ms.into())
    }
}

impl FromSql for Millis {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let ms = i64::column_result(value)?;
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
            .map(Millis)
            .map_err(|err| FromSqlError::Other(Box::new(err)))
    }
}

/// A calendar date as a column: `YYYY-MM-DD` text.
pub(crate) struct IsoDate(pub Date);

impl ToSql for IsoDate {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        let text = self
            .0
            .format(ISO_DATE)
            .map_err(|err| rusqlite::Error::ToSqlConversionFailure(Box::new(err)))?;
        Ok(text.into())
    }
}

impl FromSql for IsoDate {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        Date::parse(value.as_str()?, ISO_DATE)
            .map(IsoDate)
            .map_err(|err| FromSqlError::Other(Box::new(err)))
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
    use rusqlite::Connection;
    use time::macros::{date, datetime};

    #[test]
    fn round_trips_through_sqlite() {
        let conn = Connection::open_in_memory().unwrap();
        let at = datetime!(2026-01-05 09:30:15.123456 +09:00);
        let (ms, text, back, day): (i64, String, Millis, IsoDate) = conn
            .query_row(
                "SELECT ?1, ?2, ?1, ?2",
                (Millis(at), IsoDate(date!(2026 - 01 - 05))),
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .unwrap();
        assert_eq!(ms, 1_767_573_015_123);
        assert_eq!(text, "2026-01-05");
        assert_eq!(back.0, datetime!(2026-01-05 00:30:15.123 UTC));
        assert_eq!(day.0, date!(2026 - 01 - 05));
    }
}
