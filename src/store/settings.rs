//! Application settings: one JSON value per key (prompter font size, pace, blog footer …).

use super::sql::values;
use super::{Result, Store, StoreError};
use serde::de::DeserializeOwned;
use serde::Serialize;

impl Store {
    /// The setting's value, `None` when it was never set. A stored value that does not fit
    /// `T` gives [`StoreError::Setting`].
    pub fn get_setting<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        let row =
            self.read(|db| db.row("SELECT value FROM settings WHERE key = ?1", &values![key]))?;
        let json: Option<String> = row.map(|mut row| row.take(0)).transpose()?;
        json.map(|json| serde_json::from_str(&json))
            .transpose()
            .map_err(|source| StoreError::Setting {
                key: key.to_owned(),
                source,
            })
    }

    /// Sets (or replaces) the setting's value.
    pub fn set_setting<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<()> {
        let json = serde_json::to_string(value).map_err(|source| StoreError::Setting {
            key: key.to_owned(),
            source,
        })?;
        self.write(|db| {
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &values![key, &json],
            )
        })?;
        Ok(())
    }
}

/// One field of a stored settings object into `slot`, when it is there and fits: by its
/// (camelCase) name, or by the snake_case name that databases written before 0.2 hold. What
/// does not fit leaves `slot` as it was (a lenient load keeps the default).
pub fn read_field<T: DeserializeOwned>(value: &serde_json::Value, key: &str, slot: &mut T) {
    let old = key.chars().fold(String::new(), |mut old, c| {
        if c.is_ascii_uppercase() {
            old.push('_');
        }
        old.push(c.to_ascii_lowercase());
        old
    });
    let stored = value.get(key).or_else(|| value.get(&old));
    if let Some(Ok(parsed)) = stored.map(T::deserialize) {
        *slot = parsed;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Prompter {
        font_px: u32,
        mirror: bool,
    }

    #[test]
    fn settings_round_trip_as_json() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.get_setting::<Prompter>("prompter").unwrap(), None);
        let prompter = Prompter {
            font_px: 64,
            mirror: true,
        };
        store.set_setting("prompter", &prompter).unwrap();
        store.set_setting("pace", &300).unwrap();
        store.set_setting("pace", &320).unwrap();
        assert_eq!(store.get_setting("prompter").unwrap(), Some(prompter));
        assert_eq!(store.get_setting::<u32>("pace").unwrap(), Some(320));
        let raw: Option<serde_json::Value> = store.get_setting("pace").unwrap();
        assert_eq!(raw, Some(serde_json::json!(320)));
    }

    #[test]
    fn a_value_of_the_wrong_shape_is_a_setting_error() {
        let mut store = Store::open_in_memory().unwrap();
        store.set_setting("pace", "fast").unwrap();
        let err = store.get_setting::<u32>("pace").unwrap_err();
        assert!(matches!(err, StoreError::Setting { ref key, .. } if key == "pace"));
        assert!(err
            .to_string()
            .starts_with("設定「pace」の値が正しくありません"));
    }
}
