//! Saved searches: a query string kept under a name, with the feed of what is indexed after.

use rusqlite::{OptionalExtension, params};

use super::{MAX_SEARCH_NAME, MAX_SEARCH_QUERY};
use super::{Result, Store, StoreError, now_ms, random_token, single_line};

/// A search kept under a name, with the feed of what is indexed after it was saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedSearch {
    /// The secret token of its page and feed.
    pub token: String,
    /// Name.
    pub name: String,
    /// The search's query string, as on the search page (`q=…&theme=…`).
    pub query: String,
    /// When it was saved, in milliseconds since the Unix epoch.
    pub created: u64,
}

impl Store {
    /// Saves a search under a name; `query` is its query string.
    pub fn save_search(&self, name: &str, query: &str) -> Result<SavedSearch> {
        let name = single_line("name", name, MAX_SEARCH_NAME)?;
        if query.len() > MAX_SEARCH_QUERY {
            return Err(StoreError::TooLong { field: "query", max: MAX_SEARCH_QUERY });
        }
        let search = SavedSearch {
            token: random_token(),
            name,
            query: query.to_string(),
            created: now_ms(),
        };
        self.write(|tx| {
            tx.execute(
                "INSERT INTO saved_searches (token, name, query, created_ms) VALUES (?1, ?2, ?3, ?4)",
                params![search.token, search.name, search.query, search.created as i64],
            )?;
            Ok(())
        })?;
        Ok(search)
    }

    /// The saved search with this token.
    pub fn saved_search(&self, token: &str) -> Result<Option<SavedSearch>> {
        let conn = self.lock();
        Ok(conn
            .query_row(
                "SELECT token, name, query, created_ms FROM saved_searches WHERE token = ?1",
                [token],
                |row| {
                    Ok(SavedSearch {
                        token: row.get(0)?,
                        name: row.get(1)?,
                        query: row.get(2)?,
                        created: row.get::<_, i64>(3)? as u64,
                    })
                },
            )
            .optional()?)
    }

    /// Deletes a saved search.
    pub fn delete_search(&self, token: &str) -> Result<()> {
        self.write(|tx| {
            if tx.execute("DELETE FROM saved_searches WHERE token = ?1", [token])? == 0 {
                return Err(StoreError::NoSuchSearch);
            }
            Ok(())
        })
    }
}
