//! The database schema and its migrations.
//!
//! The schema version is SQLite's `user_version`: migration `i` (0-based) takes a database from
//! version `i` to `i + 1`, in one transaction with the version bump, so a migration either
//! happens whole or not at all. Migrations are never edited once released: a change to the
//! schema is a new entry at the end.

use rusqlite::Connection;

use super::StoreError;

/// Every migration, oldest first.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: packs of extracts, each with a note.
    "CREATE TABLE packs (
        id          INTEGER PRIMARY KEY,
        edit_hash   TEXT NOT NULL UNIQUE,
        share_token TEXT NOT NULL UNIQUE,
        title       TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_ms  INTEGER NOT NULL,
        updated_ms  INTEGER NOT NULL
    );
    CREATE TABLE pack_items (
        id           INTEGER PRIMARY KEY,
        pack_id      INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        unit_id      TEXT NOT NULL,
        review_id    TEXT NOT NULL,
        review_title TEXT NOT NULL,
        review_type  TEXT,
        board        TEXT,
        year         INTEGER,
        unit_kind    TEXT NOT NULL,
        page         INTEGER NOT NULL,
        page_label   TEXT,
        number       TEXT,
        section      TEXT NOT NULL DEFAULT '',
        text         TEXT NOT NULL,
        note         TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX pack_items_by_pack ON pack_items(pack_id, position);",
    // 2: free-text sections between extracts, and saved searches.
    "ALTER TABLE pack_items ADD COLUMN item_type TEXT NOT NULL DEFAULT 'extract';
    ALTER TABLE pack_items ADD COLUMN heading TEXT NOT NULL DEFAULT '';
    CREATE TABLE saved_searches (
        id         INTEGER PRIMARY KEY,
        token      TEXT NOT NULL UNIQUE,
        name       TEXT NOT NULL,
        query      TEXT NOT NULL,
        created_ms INTEGER NOT NULL
    );",
    // 3: curators' accounts and sessions, and their corrections (which are the audit trail).
    "CREATE TABLE users (
        id              INTEGER PRIMARY KEY,
        name            TEXT NOT NULL UNIQUE,
        role            TEXT NOT NULL,
        password_hash   TEXT NOT NULL,
        created_ms      INTEGER NOT NULL,
        failures        INTEGER NOT NULL DEFAULT 0,
        first_failure_ms INTEGER NOT NULL DEFAULT 0,
        locked_until_ms INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL
    );
    CREATE TABLE corrections (
        id          INTEGER PRIMARY KEY,
        review_id   TEXT NOT NULL,
        op          TEXT NOT NULL,
        value       TEXT NOT NULL,
        page        INTEGER,
        before      TEXT NOT NULL DEFAULT '',
        reason      TEXT NOT NULL DEFAULT '',
        author      TEXT NOT NULL,
        created_ms  INTEGER NOT NULL,
        reverted_ms INTEGER,
        reverted_by TEXT
    );
    CREATE INDEX corrections_by_review ON corrections(review_id);",
    // 4: whether an extract was read from a scan.
    "ALTER TABLE pack_items ADD COLUMN from_scan INTEGER NOT NULL DEFAULT 0;",
];

/// The schema version this build writes.
pub(super) fn current_version() -> u32 {
    MIGRATIONS.len() as u32
}

/// The schema version of a database.
pub(super) fn version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Brings a database up to `target` (at most [`current_version`]).
pub(super) fn migrate(conn: &mut Connection, target: u32) -> Result<(), StoreError> {
    let found = version(conn)?;
    if found > current_version() {
        return Err(StoreError::Newer { found, known: current_version() });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().take(target as usize).skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as u32 + 1)?;
        tx.commit()?;
        tracing::info!(version = i + 1, "migrated the database");
    }
    Ok(())
}
