//! One way to speak SQL to both databases, so that what the store does — a save on a stale
//! revision, coalesced autosaves, the library's order — is written once.
//!
//! Statements are written once, in the SQL both understand, with numbered parameters `?1`,
//! `?2` … (sent to PostgreSQL as `$1`, `$2` …). Values cross as [`Value`]: integers, floats,
//! text and NULL, each converted to the column's type on the way (PostgreSQL checks types
//! strictly; an integer parameter may be a `bigint`, an `integer` or a `double precision`).
//! Where the two databases differ, [`Db`] is matched on: locking a draft's row for a save
//! ([`Db::for_update`]), and the search index (`search`).

use super::{Result, StoreError};
use std::collections::HashMap;

/// A value sent to or read from a database.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// A connection inside a transaction (SQLite outside one for reads: each statement sees a
/// consistent database, and a read never takes the write lock).
pub(super) enum Db<'t, 'c> {
    Sqlite(&'t rusqlite::Connection),
    Postgres {
        tx: &'t mut postgres::Transaction<'c>,
        statements: &'t mut HashMap<String, postgres::Statement>,
    },
}

/// One row of a result. Values are taken out by position, each once.
pub(super) struct Row(Vec<Value>);

impl Db<'_, '_> {
    /// ` FOR UPDATE` on PostgreSQL, where a `SELECT` of a draft's row before a change of its
    /// history must lock it (two writers number their revisions one after the other); empty
    /// on SQLite, where a write transaction already holds the whole database.
    pub fn for_update(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "",
            Db::Postgres { .. } => " FOR UPDATE",
        }
    }

    /// Every row of a query.
    pub fn rows(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        match self {
            Db::Sqlite(conn) => {
                let mut stmt = conn.prepare_cached(sql)?;
                let width = stmt.column_count();
                let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
                let mut out = Vec::new();
                while let Some(row) = rows.next()? {
                    let values = (0..width)
                        .map(|i| Value::from_sqlite(row.get_ref(i)?))
                        .collect::<Result<Vec<_>>>()?;
                    out.push(Row(values));
                }
                Ok(out)
            }
            Db::Postgres { tx, statements } => {
                let stmt = prepared(tx, statements, sql)?;
                tx.query(&stmt, &for_postgres(params))?
                    .iter()
                    .map(|row| {
                        (0..row.len())
                            .map(|i| Ok(row.try_get::<_, Value>(i)?))
                            .collect::<Result<Vec<_>>>()
                            .map(Row)
                    })
                    .collect()
            }
        }
    }

    /// The first row of a query, if any.
    pub fn row(&mut self, sql: &str, params: &[Value]) -> Result<Option<Row>> {
        Ok(self.rows(sql, params)?.into_iter().next())
    }

    /// Runs a statement; returns how many rows it changed.
    pub fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64> {
        match self {
            Db::Sqlite(conn) => {
                let changed = conn
                    .prepare_cached(sql)?
                    .execute(rusqlite::params_from_iter(params))?;
                Ok(changed as u64)
            }
            Db::Postgres { tx, statements } => {
                let stmt = prepared(tx, statements, sql)?;
                Ok(tx.execute(&stmt, &for_postgres(params))?)
            }
        }
    }
}

/// The parameters as the PostgreSQL client takes them.
fn for_postgres(params: &[Value]) -> Vec<&(dyn postgres::types::ToSql + Sync)> {
    params
        .iter()
        .map(|value| value as &(dyn postgres::types::ToSql + Sync))
        .collect()
}

/// The server's prepared statement for `sql`, prepared once per connection.
fn prepared(
    tx: &mut postgres::Transaction<'_>,
    statements: &mut HashMap<String, postgres::Statement>,
    sql: &str,
) -> Result<postgres::Statement> {
    if let Some(stmt) = statements.get(sql) {
        return Ok(stmt.clone());
    }
    let stmt = tx.prepare(&numbered_for_postgres(sql))?;
    statements.insert(sql.to_owned(), stmt.clone());
    Ok(stmt)
}

/// `?1` → `$1`: SQLite's numbered parameters as PostgreSQL writes them. A `?` not followed
/// by a digit, or inside a quoted literal, is left alone.
fn numbered_for_postgres(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => quoted = !quoted,
            '?' if !quoted && chars.peek().is_some_and(char::is_ascii_digit) => {
                out.push('$');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

/// Builds `[Value]` from expressions of types that convert into [`Value`].
macro_rules! values {
    ($($value:expr),* $(,)?) => {
        [$($crate::store::sql::Value::from($value)),*]
    };
}
pub(super) use values;

impl Row {
    /// The value at `index`, converted; the row keeps a NULL in its place.
    pub fn take<T: FromValue>(&mut self, index: usize) -> Result<T> {
        let value = self
            .0
            .get_mut(index)
            .map(|slot| std::mem::replace(slot, Value::Null))
            .ok_or_else(|| StoreError::Shape(format!("no column {index}")))?;
        T::from_value(value)
    }
}

/// A Rust value read from a column.
pub(super) trait FromValue: Sized {
    fn from_value(value: Value) -> Result<Self>;
}

fn shape(expected: &str, found: &Value) -> StoreError {
    StoreError::Shape(format!("expected {expected}, found {found:?}"))
}

impl FromValue for i64 {
    fn from_value(value: Value) -> Result<Self> {
        match value {
            Value::Int(n) => Ok(n),
            other => Err(shape("an integer", &other)),
        }
    }
}

impl FromValue for u32 {
    fn from_value(value: Value) -> Result<Self> {
        let n = i64::from_value(value)?;
        u32::try_from(n).map_err(|_| shape("a count", &Value::Int(n)))
    }
}

impl FromValue for bool {
    fn from_value(value: Value) -> Result<Self> {
        Ok(i64::from_value(value)? != 0)
    }
}

impl FromValue for f64 {
    fn from_value(value: Value) -> Result<Self> {
        match value {
            Value::Real(x) => Ok(x),
            // SQLite keeps a REAL that has no fraction as it was written.
            Value::Int(n) => Ok(n as f64),
            other => Err(shape("a number", &other)),
        }
    }
}

impl FromValue for String {
    fn from_value(value: Value) -> Result<Self> {
        match value {
            Value::Text(text) => Ok(text),
            other => Err(shape("text", &other)),
        }
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(value: Value) -> Result<Self> {
        match value {
            Value::Null => Ok(None),
            value => T::from_value(value).map(Some),
        }
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Int(n)
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Self {
        Value::Int(i64::from(n))
    }
}

impl From<f64> for Value {
    /// NaN is stored as NULL (as SQLite does), so a NOT NULL column refuses it.
    fn from(x: f64) -> Self {
        match x.is_nan() {
            true => Value::Null,
            false => Value::Real(x),
        }
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::Text(text.to_owned())
    }
}

impl From<&String> for Value {
    fn from(text: &String) -> Self {
        Value::Text(text.clone())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::Text(text)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Self {
        value.map_or(Value::Null, Into::into)
    }
}

impl Value {
    fn from_sqlite(value: rusqlite::types::ValueRef<'_>) -> Result<Value> {
        use rusqlite::types::ValueRef;
        Ok(match value {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(n) => Value::Int(n),
            ValueRef::Real(x) => Value::Real(x),
            ValueRef::Text(bytes) => Value::Text(
                String::from_utf8(bytes.to_vec())
                    .map_err(|err| StoreError::Shape(err.to_string()))?,
            ),
            ValueRef::Blob(_) => return Err(StoreError::Shape("a blob".into())),
        })
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(n) => ValueRef::Integer(*n),
            Value::Real(x) => ValueRef::Real(*x),
            Value::Text(text) => ValueRef::Text(text.as_bytes()),
        }))
    }
}

mod postgres_types {
    //! [`Value`] as PostgreSQL sends and takes it: converted to the parameter's type.
    use super::Value;
    use bytes::BytesMut;
    use postgres::types::{to_sql_checked, FromSql, IsNull, ToSql, Type};
    use std::error::Error;

    type Boxed = Box<dyn Error + Sync + Send>;

    const INTEGERS: [Type; 3] = [Type::INT8, Type::INT4, Type::INT2];
    const FLOATS: [Type; 2] = [Type::FLOAT8, Type::FLOAT4];
    const TEXTS: [Type; 4] = [Type::TEXT, Type::VARCHAR, Type::BPCHAR, Type::NAME];

    impl ToSql for Value {
        fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Boxed> {
            match (self, ty) {
                (Value::Null, _) => Ok(IsNull::Yes),
                (Value::Int(n), &Type::INT8) => n.to_sql(ty, out),
                (Value::Int(n), &Type::INT4) => i32::try_from(*n)?.to_sql(ty, out),
                (Value::Int(n), &Type::INT2) => i16::try_from(*n)?.to_sql(ty, out),
                (Value::Int(n), &Type::FLOAT8) => (*n as f64).to_sql(ty, out),
                (Value::Int(n), &Type::BOOL) => (*n != 0).to_sql(ty, out),
                (Value::Real(x), &Type::FLOAT8) => x.to_sql(ty, out),
                (Value::Real(x), &Type::FLOAT4) => (*x as f32).to_sql(ty, out),
                (Value::Text(text), ty) if TEXTS.contains(ty) => text.as_str().to_sql(ty, out),
                (value, ty) => Err(format!("cannot send {value:?} as {ty}").into()),
            }
        }

        fn accepts(_: &Type) -> bool {
            true
        }

        to_sql_checked!();
    }

    impl<'a> FromSql<'a> for Value {
        fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, Boxed> {
            Ok(match ty {
                &Type::INT8 => Value::Int(i64::from_sql(ty, raw)?),
                &Type::INT4 => Value::Int(i32::from_sql(ty, raw)?.into()),
                &Type::INT2 => Value::Int(i16::from_sql(ty, raw)?.into()),
                &Type::BOOL => Value::Int(bool::from_sql(ty, raw)?.into()),
                &Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
                &Type::FLOAT4 => Value::Real(f32::from_sql(ty, raw)?.into()),
                ty => Value::Text(String::from_sql(ty, raw)?),
            })
        }

        fn from_sql_null(_: &Type) -> Result<Self, Boxed> {
            Ok(Value::Null)
        }

        fn accepts(ty: &Type) -> bool {
            INTEGERS.contains(ty) || FLOATS.contains(ty) || TEXTS.contains(ty) || *ty == Type::BOOL
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_parameters_become_dollars_outside_literals() {
        assert_eq!(
            numbered_for_postgres("SELECT ?1, '?2', coalesce(?12, 0) WHERE a ? b"),
            "SELECT $1, '?2', coalesce($12, 0) WHERE a ? b"
        );
    }

    #[test]
    fn values_convert_both_ways() {
        let [a, b, c, d] = values![7_i64, Some(3_u32), None::<String>, f64::NAN];
        assert_eq!(a, Value::Int(7));
        assert_eq!(b, Value::Int(3));
        assert_eq!((c, d), (Value::Null, Value::Null));
        let mut row = Row(vec![Value::Int(2), Value::Null, Value::Int(5)]);
        assert_eq!(row.take::<f64>(0).unwrap(), 2.0);
        assert_eq!(row.take::<Option<String>>(1).unwrap(), None);
        assert!(row.take::<String>(2).is_err());
        assert!(row.take::<u32>(9).is_err());
    }
}
