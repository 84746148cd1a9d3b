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
//! use casebook_store::{Store, Extract};
//!
//! let store = Store::open_in_memory()?;
//! let (pack, edit) = store.create_pack("Unseen men", "")?;
//! store.add_section(&edit, "Why it matters", "Fathers were not asked about.", None)?;
//! let shared = store.shared_pack(&pack.share_token)?.expect("the share link reads the pack");
//! assert_eq!(shared.items.len(), 1);
//! # Ok::<(), casebook_store::StoreError>(())
//! ```

pub mod accounts;
pub mod corrections;
mod packs;
mod schema;
mod searches;

pub use self::packs::{EditToken, Extract, Item, ItemContent, Pack, PackSummary};
pub use self::searches::SavedSearch;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, Transaction};

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

impl From<casebook::corrections::CorrectionError> for StoreError {
    fn from(err: casebook::corrections::CorrectionError) -> StoreError {
        StoreError::Correction(err.0)
    }
}

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
    casebook::time::now_ms()
}

/// 128 random bits from the operating system, as 32 lower-case hex digits: the tokens of
/// packs and saved searches, and of anything else that must be unguessable.
pub fn random_token() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system's random source works");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
