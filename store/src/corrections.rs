//! The curators' corrections in the database, and the audit trail they make: each row is also
//! the audit entry (who, when, what, the value before, and why); reverting marks it reverted
//! (who and when) and the next run leaves it out. What a correction says and how it is applied
//! are the core's (`casebook::corrections`).

use rusqlite::params;

pub use casebook::corrections::*;

use super::now_ms;
use super::{Result, Store, StoreError};
use casebook::ReviewId;

impl Store {
    /// Records a correction by `author`.
    pub fn add_correction(
        &self,
        review: &ReviewId,
        op: &Op,
        before: &str,
        reason: &str,
        author: &str,
    ) -> Result<Correction> {
        if reason.chars().count() > MAX_CORRECTION_TEXT {
            return Err(StoreError::TooLong { field: "reason", max: MAX_CORRECTION_TEXT });
        }
        let page = op.page();
        let created = now_ms();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO corrections (review_id, op, value, page, before, reason, author, created_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    review.as_str(),
                    op.name(),
                    op.value(),
                    page,
                    before,
                    reason.trim(),
                    author,
                    created as i64
                ],
            )?;
            Ok(Correction {
                id: tx.last_insert_rowid(),
                review: review.clone(),
                op: op.clone(),
                before: before.to_string(),
                reason: reason.trim().to_string(),
                author: author.to_string(),
                created,
                reverted: None,
            })
        })
    }

    /// The audit trail: every correction, newest first, of one review or of all.
    pub fn corrections(&self, review: Option<&ReviewId>) -> Result<Vec<Correction>> {
        let conn = self.lock();
        let mut stmt = conn.prepare(
            "SELECT id, review_id, op, value, page, before, reason, author, created_ms,
                    reverted_by, reverted_ms
             FROM corrections WHERE ?1 IS NULL OR review_id = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([review.map(ReviewId::as_str)], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<u32>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, i64>(8)?,
                r.get::<_, Option<String>>(9)?,
                r.get::<_, Option<i64>>(10)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, review, op, value, page, before, reason, author, created, by, at) = row?;
            // A row this build cannot read (a newer op) is left out, not an error.
            let (Ok(review), Ok(op)) = (ReviewId::parse(&review), Op::parse(&op, &value, page))
            else {
                continue;
            };
            out.push(Correction {
                id,
                review,
                op,
                before,
                reason,
                author,
                created: created as u64,
                reverted: by.zip(at.map(|t| t as u64)),
            });
        }
        Ok(out)
    }

    /// The corrections in force (not reverted), by review, oldest first.
    pub fn corrections_in_force(&self) -> Result<InForce> {
        let mut out = InForce::new();
        for c in self.corrections(None)?.into_iter().rev() {
            if c.reverted.is_none() {
                out.entry(c.review.clone()).or_default().push(c);
            }
        }
        Ok(out)
    }

    /// Reverts a correction; `None` when there is none with this id or it was reverted.
    pub fn revert_correction(&self, id: i64, by: &str) -> Result<Option<Correction>> {
        let changed = self.write(|tx| {
            Ok(tx.execute(
                "UPDATE corrections SET reverted_by = ?2, reverted_ms = ?3
                 WHERE id = ?1 AND reverted_ms IS NULL",
                params![id, by, now_ms() as i64],
            )?)
        })?;
        if changed == 0 {
            return Ok(None);
        }
        Ok(self.corrections(None)?.into_iter().find(|c| c.id == id))
    }
}

#[cfg(test)]
#[path = "corrections_tests.rs"]
mod tests;
