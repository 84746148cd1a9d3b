//! Briefing packs: made, read by their edit or share token, and changed item by item.

use rusqlite::{OptionalExtension, Transaction, params};

use super::{
    MAX_DESCRIPTION, MAX_HEADING, MAX_ITEMS, MAX_NOTE, MAX_SECTION_TEXT, MAX_TITLE,
    SECTION_SEPARATOR,
};
use super::{Result, Store, StoreError, now_ms, random_token, single_line, text};
use casebook::{Review, Unit, UnitKind};

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

impl Store {
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
