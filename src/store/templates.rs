//! The user's own templates, keyed by name. Built-in templates live in `crate::templates`.

use super::sql::{values, Row};
use super::stamp::{self, Millis};
use super::{Item, Result, Store, StoreError};
use serde::Serialize;
use time::OffsetDateTime;

/// What the user edits of a template.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TemplateEdit {
    /// Unique; shown in the template picker.
    pub name: String,
    /// Title of a draft made from the template.
    pub title: String,
    pub description: String,
    /// Markdown in the speech dialect, with placeholders.
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserTemplate {
    pub name: String,
    pub title: String,
    pub description: String,
    pub body: String,
    #[serde(serialize_with = "stamp::json_instant")]
    pub created_at: OffsetDateTime,
    #[serde(serialize_with = "stamp::json_instant")]
    pub updated_at: OffsetDateTime,
}

const COLUMNS: &str = "name, title, description, body, created_at, updated_at";

impl Store {
    /// All user templates, by name.
    pub fn user_templates(&self) -> Result<Vec<UserTemplate>> {
        let sql = format!("SELECT {COLUMNS} FROM templates ORDER BY name");
        let rows = self.read(|db| db.rows(&sql, &[]))?;
        rows.into_iter().map(from_row).collect()
    }

    /// Creates the template, or replaces the one with the same name (keeping its creation time).
    pub fn save_template(
        &mut self,
        template: &TemplateEdit,
        now: OffsetDateTime,
    ) -> Result<UserTemplate> {
        let sql = format!(
            "INSERT INTO templates (name, title, description, body, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT (name) DO UPDATE SET title = excluded.title,
                 description = excluded.description, body = excluded.body,
                 updated_at = excluded.updated_at
             RETURNING {COLUMNS}"
        );
        let params = values![
            &template.name,
            &template.title,
            &template.description,
            &template.body,
            Millis(now)
        ];
        let row = self.write(|db| db.row(&sql, &params))?;
        from_row(row.ok_or_else(|| StoreError::Shape("no template returned".into()))?)
    }

    pub fn delete_template(&mut self, name: &str) -> Result<()> {
        let removed =
            self.write(|db| db.execute("DELETE FROM templates WHERE name = ?1", &values![name]))?;
        match removed {
            0 => Err(StoreError::NotFound(Item::Template(name.to_owned()))),
            _ => Ok(()),
        }
    }
}

fn from_row(mut row: Row) -> Result<UserTemplate> {
    Ok(UserTemplate {
        name: row.take(0)?,
        title: row.take(1)?,
        description: row.take(2)?,
        body: row.take(3)?,
        created_at: row.take::<Millis>(4)?.0,
        updated_at: row.take::<Millis>(5)?.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn templates_are_saved_replaced_listed_and_deleted_by_name() {
        let mut store = Store::open_in_memory().unwrap();
        let t0 = datetime!(2026-01-05 09:00 UTC);
        let t1 = datetime!(2026-01-06 09:00 UTC);
        let mut closing = TemplateEdit {
            name: "結び（防災）".into(),
            title: "{{event}}の挨拶".into(),
            description: "災害のない一年を願う結び".into(),
            body: "## 結び\n\n皆様のご健康を…".into(),
        };
        store.save_template(&closing, t0).unwrap();
        closing.body.push_str("心よりお祈りいたします。");
        let saved = store.save_template(&closing, t1).unwrap();
        assert_eq!((saved.created_at, saved.updated_at), (t0, t1));
        store
            .save_template(
                &TemplateEdit {
                    name: "挨拶".into(),
                    ..TemplateEdit::default()
                },
                t1,
            )
            .unwrap();

        let names: Vec<_> = store
            .user_templates()
            .unwrap()
            .into_iter()
            .map(|t| t.name)
            .collect();
        assert_eq!(names, ["挨拶", "結び（防災）"]);
        assert_eq!(store.user_templates().unwrap()[1].body, closing.body);

        store.delete_template("挨拶").unwrap();
        assert!(matches!(
            store.delete_template("挨拶"),
            Err(StoreError::NotFound(Item::Template(name))) if name == "挨拶"
        ));
        assert_eq!(store.user_templates().unwrap().len(), 1);
    }
}
