//! User data: briefing packs and saved searches, in an embedded SQLite database.
//!
//! The index can be rebuilt from the PDFs at any time; what users make cannot. So a pack keeps
//! a copy of each extract (its text and its citation), not only the key of a unit, and
//! survives any rebuild of the index.
//!
//! Access is by secret token, never by listing: a pack has an edit token (only its blake3
//! hash is stored, so a copy of the database gives no edit access) and a separate share token
//! for reading. Every change is one transaction; the database runs in WAL mode with
//! `synchronous=FULL`, so a change that has returned is on disk even if the process is killed
//! the next instant.
//!
//! ```
//! use casebook::store::{Store, Extract};
//!
//! let store = Store::open_in_memory()?;
//! let (pack, edit) = store.create_pack("Unseen men", "")?;
//! store.add_section(&edit, "Why it matters", "Fathers were not asked about.", None)?;
//! let shared = store.shared_pack(&pack.share_token)?.expect("the share link reads the pack");
//! assert_eq!(shared.items.len(), 1);
//! # Ok::<(), casebook::store::StoreError>(())
//! ```

pub mod accounts;
pub mod corrections;
mod schema;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::document::{Review, Unit, UnitKind};

/// Longest pack title, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest pack description, in characters.
pub const MAX_DESCRIPTION: usize = 4_000;
/// Longest note on an item, in characters.
pub const MAX_NOTE: usize = 4_000;
/// Longest heading of a free-text section, in characters.
pub const MAX_HEADING: usize = 200;
/// Longest text of a free-text section, in characters.
pub const MAX_SECTION_TEXT: usize = 20_000;
/// Most items in one pack.
pub const MAX_ITEMS: usize = 500;
/// Longest name of a saved search, in characters.
pub const MAX_SEARCH_NAME: usize = 200;
/// Longest query string of a saved search, in bytes.
pub const MAX_SEARCH_QUERY: usize = 4_000;

/// Separates the headings of a section path in the database.
const SECTION_SEPARATOR: &str = "\u{1f}";

/// Everything that can go wrong with the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// A value longer than its field allows (the caller's fault).
    #[error("{field} is too long: at most {max} characters")]
    TooLong {
        /// The field, as forms and the API name it.
        field: &'static str,
        /// Its limit.
        max: usize,
    },
    /// A value that must not be empty.
    #[error("{field} must not be empty")]
    Empty {
        /// The field, as forms and the API name it.
        field: &'static str,
    },
    /// A pack that already holds [`MAX_ITEMS`] items.
    #[error("a pack holds at most {max} items")]
    PackFull {
        /// The limit.
        max: usize,
    },
    /// No pack has this token.
    #[error("no such pack")]
    NoSuchPack,
    /// The pack has no item with this id.
    #[error("the pack has no item {0}")]
    NoSuchItem(i64),
    /// No saved search has this token.
    #[error("no such saved search")]
    NoSuchSearch,
    /// An account that cannot be made or changed as asked (a taken name, a short password).
    #[error("{0}")]
    Account(String),
    /// A correction that cannot be made as asked.
    #[error("{0}")]
    Correction(String),
    /// The database was written by a newer Casebook.
    #[error("the database has schema version {found}; this casebook knows up to {known}")]
    Newer {
        /// The database's version.
        found: u32,
        /// The newest version this build knows.
        known: u32,
    },
    /// The data folder could not be made.
    #[error("{}: {source}", path.display())]
    Io {
        /// The folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// An error of SQLite.
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
}

impl StoreError {
    /// Returns true when the error is the caller's fault (bad input, an unknown token).
    pub fn is_user_error(&self) -> bool {
        !matches!(self, StoreError::Newer { .. } | StoreError::Io { .. } | StoreError::Database(_))
    }
}

/// The result type of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The secret that allows changing a pack. Its `Debug` form hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct EditToken(String);

impl EditToken {
    /// Wraps a token as it arrives in a URL.
    pub fn new(token: &str) -> EditToken {
        EditToken(token.to_string())
    }

    /// The token, for the edit link.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn hash(&self) -> String {
        blake3::hash(self.0.as_bytes()).to_hex().to_string()
    }
}

impl std::fmt::Debug for EditToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EditToken(…)")
    }
}

/// A briefing pack: a title, a description and an ordered list of items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pack {
    /// The pack's number in this database (for the command line; never in a URL).
    pub id: i64,
    /// The token of the read-only share link.
    pub share_token: String,
    /// Title.
    pub title: String,
    /// Description, free text.
    pub description: String,
    /// When it was made, in milliseconds since the Unix epoch.
    pub created: u64,
    /// When it last changed, in milliseconds since the Unix epoch.
    pub updated: u64,
    /// The items, in order.
    pub items: Vec<Item>,
}

/// One line of a pack listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackSummary {
    /// The pack's number in this database.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Number of items.
    pub n_items: usize,
    /// When it last changed, in milliseconds since the Unix epoch.
    pub updated: u64,
}

/// One item of a pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The item's id, stable while the pack lives.
    pub id: i64,
    /// What it holds.
    pub content: ItemContent,
}

/// What an item holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemContent {
    /// A unit copied from the index, with the trainer's note on it.
    Extract {
        /// The copy.
        extract: Box<Extract>,
        /// The note (may be empty).
        note: String,
    },
    /// Free text between extracts.
    Section {
        /// Heading.
        heading: String,
        /// Text (may be empty).
        text: String,
    },
}

/// A copy of one indexed unit with everything needed to cite it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extract {
    /// The unit's key in the index when it was copied.
    pub unit_id: String,
    /// The review's id (the PDF link is made from it).
    pub review_id: String,
    /// The review's title.
    pub review_title: String,
    /// The review type id (`scr`, `lcspr`, …).
    pub review_type: Option<String>,
    /// The board's name.
    pub board: Option<String>,
    /// Year of publication.
    pub year: Option<u16>,
    /// Kind of unit.
    pub kind: UnitKind,
    /// 1-based PDF page where it starts.
    pub page: u32,
    /// The printed page label, when it differs.
    pub page_label: Option<String>,
    /// Number as written, for findings and recommendations.
    pub number: Option<String>,
    /// Section path, outermost first.
    pub section: Vec<String>,
    /// The text as it is in the index.
    pub text: String,
    /// Whether the text was read from a scan by OCR.
    pub from_scan: bool,
}

impl Extract {
    /// Copies a unit and its review's citation.
    pub fn new(unit_id: &str, review: &Review, unit: &Unit) -> Extract {
        Extract {
            unit_id: unit_id.to_string(),
            review_id: review.id.as_str().to_string(),
            review_title: review.title.value.clone(),
            review_type: review.review_type.as_ref().map(|t| t.value.clone()),
            board: review.board.as_ref().map(|b| b.value.clone()),
            year: review.year(),
            kind: unit.kind,
            page: unit.page,
            page_label: unit.page_label.clone(),
            number: unit.number.clone(),
            section: unit.section.clone(),
            text: unit.text.clone(),
            from_scan: unit.tags.iter().any(|t| t == "/read/scan"),
        }
    }
}

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

/// The database of packs and saved searches.
pub struct Store {
    conn: Mutex<Connection>,
    path: Option<PathBuf>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish_non_exhaustive()
    }
}

/// Name of the database file in a data folder.
pub const DATABASE_FILE: &str = "casebook.sqlite3";

impl Store {
    /// Opens (or creates) the database in the data folder `dir`, migrating it to the current
    /// schema.
    pub fn open(dir: &Path) -> Result<Store> {
        Store::open_at_version(dir, schema::current_version())
    }

    /// Whether the data folder `dir` has a database.
    pub fn exists(dir: &Path) -> bool {
        dir.join(DATABASE_FILE).is_file()
    }

    /// Opens the database migrated only up to `version`: for tests of migrations.
    #[doc(hidden)]
    pub fn open_at_version(dir: &Path, version: u32) -> Result<Store> {
        std::fs::create_dir_all(dir)
            .map_err(|source| StoreError::Io { path: dir.to_path_buf(), source })?;
        let path = dir.join(DATABASE_FILE);
        let conn = Connection::open(&path)?;
        Store::setup(conn, Some(path), version)
    }

    /// A database in memory, for tests and for a server run without a data folder.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, None, schema::current_version())
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>, version: u32) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // WAL lets a reader (`casebook pack export`) work while the server writes; FULL makes
        // every acknowledged commit durable.
        let _mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        schema::migrate(&mut conn, version)?;
        Ok(Store { conn: Mutex::new(conn), path })
    }

    /// The database file, if on disk.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        schema::version(&self.lock())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves no transaction open (it rolls back on drop).
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` in one immediate transaction and commits it.
    fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    // ---- packs ----

    /// Makes a new pack; returns it with the token that allows changing it.
    pub fn create_pack(&self, title: &str, description: &str) -> Result<(Pack, EditToken)> {
        let title = single_line("title", title, MAX_TITLE)?;
        let description = text("description", description, MAX_DESCRIPTION)?;
        let edit = EditToken(random_token());
        let share = random_token();
        let now = now_ms();
        let id = self.write(|tx| {
            tx.execute(
                "INSERT INTO packs (edit_hash, share_token, title, description, created_ms,
                 updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![edit.hash(), share, title, description, now as i64],
            )?;
            Ok(tx.last_insert_rowid())
        })?;
        let pack = Pack {
            id,
            share_token: share,
            title,
            description,
            created: now,
            updated: now,
            items: Vec::new(),
        };
        Ok((pack, edit))
    }

    /// The pack an edit token opens.
    pub fn pack(&self, edit: &EditToken) -> Result<Option<Pack>> {
        self.read_pack("edit_hash", &edit.hash())
    }

    /// The pack a share token opens, read-only.
    pub fn shared_pack(&self, share_token: &str) -> Result<Option<Pack>> {
        self.read_pack("share_token", share_token)
    }

    /// The pack with this number (for the command line, which has the database itself).
    pub fn pack_by_id(&self, id: i64) -> Result<Option<Pack>> {
        self.read_pack("id", &id.to_string())
    }

    /// Every pack, most recently changed first (for the command line only).
    pub fn list_packs(&self) -> Result<Vec<PackSummary>> {
        let conn = self.lock();
        let mut stmt = conn.prepare(
            "SELECT p.id, p.title, p.updated_ms, count(i.id) FROM packs p
             LEFT JOIN pack_items i ON i.pack_id = p.id
             GROUP BY p.id ORDER BY p.updated_ms DESC, p.id DESC",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(PackSummary {
                id: row.get(0)?,
                title: row.get(1)?,
                updated: row.get::<_, i64>(2)? as u64,
                n_items: row.get::<_, i64>(3)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn read_pack(&self, column: &str, value: &str) -> Result<Option<Pack>> {
        let conn = self.lock();
        // `column` is one of three literals chosen by this module, never user input.
        let sql = format!(
            "SELECT id, share_token, title, description, created_ms, updated_ms FROM packs
             WHERE {column} = ?1"
        );
        let pack = conn
            .query_row(&sql, [value], |row| {
                Ok(Pack {
                    id: row.get(0)?,
                    share_token: row.get(1)?,
                    title: row.get(2)?,
                    description: row.get(3)?,
                    created: row.get::<_, i64>(4)? as u64,
                    updated: row.get::<_, i64>(5)? as u64,
                    items: Vec::new(),
                })
            })
            .optional()?;
        let Some(mut pack) = pack else { return Ok(None) };
        let mut stmt = conn.prepare(
            "SELECT id, item_type, heading, unit_id, review_id, review_title, review_type, board,
                    year, unit_kind, page, page_label, number, section, text, note, from_scan
             FROM pack_items WHERE pack_id = ?1 ORDER BY position, id",
        )?;
        let items = stmt.query_map([pack.id], |row| {
            let id = row.get(0)?;
            let item_type: String = row.get(1)?;
            let content = if item_type == "section" {
                ItemContent::Section { heading: row.get(2)?, text: row.get(14)? }
            } else {
                let section: String = row.get(13)?;
                let kind: String = row.get(9)?;
                ItemContent::Extract {
                    extract: Box::new(Extract {
                        unit_id: row.get(3)?,
                        review_id: row.get(4)?,
                        review_title: row.get(5)?,
                        review_type: row.get(6)?,
                        board: row.get(7)?,
                        year: row.get(8)?,
                        kind: UnitKind::parse(&kind).unwrap_or(UnitKind::Page),
                        page: row.get(10)?,
                        page_label: row.get(11)?,
                        number: row.get(12)?,
                        section: if section.is_empty() {
                            Vec::new()
                        } else {
                            section.split(SECTION_SEPARATOR).map(str::to_string).collect()
                        },
                        text: row.get(14)?,
                        from_scan: row.get(16)?,
                    }),
                    note: row.get(15)?,
                }
            };
            Ok(Item { id, content })
        })?;
        pack.items = items.collect::<rusqlite::Result<_>>()?;
        Ok(Some(pack))
    }

    /// Changes a pack's title and description.
    pub fn update_pack(&self, edit: &EditToken, title: &str, description: &str) -> Result<()> {
        let title = single_line("title", title, MAX_TITLE)?;
        let description = text("description", description, MAX_DESCRIPTION)?;
        self.write(|tx| {
            let pack = pack_id(tx, edit)?;
            tx.execute(
                "UPDATE packs SET title = ?2, description = ?3, updated_ms = ?4 WHERE id = ?1",
                params![pack, title, description, now_ms() as i64],
            )?;
            Ok(())
        })
    }

    /// Deletes a pack and its items.
    pub fn delete_pack(&self, edit: &EditToken) -> Result<()> {
        self.write(|tx| {
            let pack = pack_id(tx, edit)?;
            tx.execute("DELETE FROM pack_items WHERE pack_id = ?1", [pack])?;
            tx.execute("DELETE FROM packs WHERE id = ?1", [pack])?;
            Ok(())
        })
    }

    /// Adds an extract at the end of a pack; returns the new item's id.
    pub fn add_extract(&self, edit: &EditToken, extract: &Extract) -> Result<i64> {
        self.write(|tx| {
            let pack = pack_id(tx, edit)?;
            let position = next_position(tx, pack)?;
            tx.execute(
                "INSERT INTO pack_items (pack_id, position, item_type, unit_id, review_id,
                     review_title, review_type, board, year, unit_kind, page, page_label, number,
                     section, text, from_scan)
                 VALUES (?1, ?2, 'extract', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                params![
                    pack,
                    position,
                    extract.unit_id,
                    extract.review_id,
                    extract.review_title,
                    extract.review_type,
                    extract.board,
                    extract.year,
                    extract.kind.as_str(),
                    extract.page,
                    extract.page_label,
                    extract.number,
                    extract.section.join(SECTION_SEPARATOR),
                    extract.text,
                    extract.from_scan,
                ],
            )?;
            let item = tx.last_insert_rowid();
            touch(tx, pack)?;
            Ok(item)
        })
    }

    /// Adds a free-text section after the item `after` (at the end when `None`); returns the
    /// new item's id.
    pub fn add_section(
        &self,
        edit: &EditToken,
        heading: &str,
        body: &str,
        after: Option<i64>,
    ) -> Result<i64> {
        let heading = single_line("heading", heading, MAX_HEADING)?;
        let body = text("text", body, MAX_SECTION_TEXT)?;
        self.write(|tx| {
            let pack = pack_id(tx, edit)?;
            let end = next_position(tx, pack)?;
            tx.execute(
                "INSERT INTO pack_items (pack_id, position, item_type, heading, unit_id,
                     review_id, review_title, unit_kind, page, text)
                 VALUES (?1, ?2, 'section', ?3, '', '', '', 'page', 0, ?4)",
                params![pack, end, heading, body],
            )?;
            let item = tx.last_insert_rowid();
            if let Some(after) = after {
                let order = order(tx, pack)?;
                let at =
                    order.iter().position(|&i| i == after).ok_or(StoreError::NoSuchItem(after))?;
                place(tx, pack, item, at + 1)?;
            }
            touch(tx, pack)?;
            Ok(item)
        })
    }

    /// Sets the note on an extract.
    pub fn set_note(&self, edit: &EditToken, item: i64, note: &str) -> Result<()> {
        let note = text("note", note, MAX_NOTE)?;
        self.write(|tx| {
            let pack = pack_id(tx, edit)?;
            let changed = tx.execute(
                "UPDATE pack_items SET note = ?3 WHERE pack_id = ?1 AND id = ?2
                 AND item_type = 'extract'",
                params![pack, item, note],
            )?;
            if changed == 0 {
                return Err(StoreError::NoSuchItem(item));
            }
            touch(tx, pack)
        })
    }

    /// Changes the heading and text of a free-text section.
    pub fn update_section(
        &self,
        edit: &EditToken,
        item: i64,
        heading: &str,
        body: &str,
    ) -> Result<()> {
        let heading = single_line("heading", heading, MAX_HEADING)?;
        let body = text("text", body, MAX_SECTION_TEXT)?;
        self.write(|tx| {
            let pack = pack_id(tx, edit)?;
            let changed = tx.execute(
                "UPDATE pack_items SET heading = ?3, text = ?4 WHERE pack_id = ?1 AND id = ?2
                 AND item_type = 'section'",
                params![pack, item, heading, body],
            )?;
            if changed == 0 {
                return Err(StoreError::NoSuchItem(item));
            }
            touch(tx, pack)
        })
    }

    /// Moves an item to `position` (0-based; past the end means last).
    pub fn move_item(&self, edit: &EditToken, item: i64, position: usize) -> Result<()> {
        self.write(|tx| {
            let pack = pack_id(tx, edit)?;
            place(tx, pack, item, position)?;
            touch(tx, pack)
        })
    }

    /// Moves an item one place up (`-1`) or down (`1`); at either end nothing changes.
    pub fn shift_item(&self, edit: &EditToken, item: i64, by: isize) -> Result<()> {
        self.write(|tx| {
            let pack = pack_id(tx, edit)?;
            let at = order(tx, pack)?
                .iter()
                .position(|&i| i == item)
                .ok_or(StoreError::NoSuchItem(item))?;
            place(tx, pack, item, at.saturating_add_signed(by))?;
            touch(tx, pack)
        })
    }

    /// Removes an item.
    pub fn remove_item(&self, edit: &EditToken, item: i64) -> Result<()> {
        self.write(|tx| {
            let pack = pack_id(tx, edit)?;
            let removed =
                tx.execute("DELETE FROM pack_items WHERE pack_id = ?1 AND id = ?2", [pack, item])?;
            if removed == 0 {
                return Err(StoreError::NoSuchItem(item));
            }
            renumber(tx, &order(tx, pack)?)?;
            touch(tx, pack)
        })
    }

    // ---- saved searches ----

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

fn pack_id(tx: &Transaction<'_>, edit: &EditToken) -> Result<i64> {
    tx.query_row("SELECT id FROM packs WHERE edit_hash = ?1", [edit.hash()], |row| row.get(0))
        .optional()?
        .ok_or(StoreError::NoSuchPack)
}

/// The position after the last item; refuses when the pack is full.
fn next_position(tx: &Transaction<'_>, pack: i64) -> Result<i64> {
    let (count, last): (i64, Option<i64>) = tx.query_row(
        "SELECT count(*), max(position) FROM pack_items WHERE pack_id = ?1",
        [pack],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    if count as usize >= MAX_ITEMS {
        return Err(StoreError::PackFull { max: MAX_ITEMS });
    }
    Ok(last.map_or(0, |p| p + 1))
}

/// The item ids of a pack in order.
fn order(tx: &Transaction<'_>, pack: i64) -> Result<Vec<i64>> {
    let mut stmt =
        tx.prepare_cached("SELECT id FROM pack_items WHERE pack_id = ?1 ORDER BY position, id")?;
    let ids = stmt.query_map([pack], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Puts `item` at `position` and renumbers the pack 0, 1, 2, …
fn place(tx: &Transaction<'_>, pack: i64, item: i64, position: usize) -> Result<()> {
    let mut ids = order(tx, pack)?;
    let from = ids.iter().position(|&i| i == item).ok_or(StoreError::NoSuchItem(item))?;
    ids.remove(from);
    ids.insert(position.min(ids.len()), item);
    renumber(tx, &ids)
}

fn renumber(tx: &Transaction<'_>, ids: &[i64]) -> Result<()> {
    let mut stmt = tx.prepare_cached("UPDATE pack_items SET position = ?2 WHERE id = ?1")?;
    for (position, id) in ids.iter().enumerate() {
        stmt.execute(params![id, position as i64])?;
    }
    Ok(())
}

fn touch(tx: &Transaction<'_>, pack: i64) -> Result<()> {
    tx.execute("UPDATE packs SET updated_ms = ?2 WHERE id = ?1", params![pack, now_ms() as i64])?;
    Ok(())
}

/// A one-line value: surrounding space trimmed, inner runs of white space (newlines too) made
/// one space; must not be empty.
fn single_line(field: &'static str, value: &str, max: usize) -> Result<String> {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        return Err(StoreError::Empty { field });
    }
    check_length(field, value, max)
}

/// Free text: line endings made `\n`, surrounding white space trimmed, control characters
/// other than newline and tab dropped.
fn text(field: &'static str, value: &str, max: usize) -> Result<String> {
    let value: String = value
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    check_length(field, value.trim().to_string(), max)
}

fn check_length(field: &'static str, value: String, max: usize) -> Result<String> {
    if value.chars().count() > max {
        return Err(StoreError::TooLong { field, max });
    }
    Ok(value)
}

/// The time now, in milliseconds since the Unix epoch (as the store records it).
pub fn now_ms() -> u64 {
    crate::time::now_ms()
}

/// 128 random bits from the operating system, as 32 lower-case hex digits: the tokens of
/// packs and saved searches, and of anything else that must be unguessable.
pub fn random_token() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system's random source works");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
