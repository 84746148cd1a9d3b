//! The index's one writer.

use std::collections::HashMap;

use tantivy::{IndexWriter, TantivyDocument, Term};

use super::codec::{SECTION_SEPARATOR, UnitKey, add_facet, base_doc};
use crate::document::{Review, ReviewId, Unit, UnitKind};
use crate::duplicates::Version;
use crate::error::Result;
use crate::schema::Fields;

/// The index's only writer. Dropping it without [`IndexBuilder::commit`] discards every change.
pub struct IndexBuilder {
    pub(super) writer: IndexWriter,
    pub(super) fields: Fields,
    /// When each review that was in the index as the builder was made first entered it: a
    /// rebuilt review keeps its time, a new one gets `now`.
    pub(super) added: HashMap<String, u64>,
    /// When this builder was made, in milliseconds since the Unix epoch.
    pub(super) now: u64,
}

impl IndexBuilder {
    /// Deletes every document; takes effect at the commit, together with what is added after.
    pub fn clear(&mut self) -> Result<()> {
        self.writer.delete_all_documents()?;
        Ok(())
    }

    /// Deletes the record and units of one review; takes effect at the commit.
    pub fn delete_review(&self, id: &ReviewId) {
        self.writer.delete_term(Term::from_field_text(self.fields.review_id, id.as_str()));
    }

    /// Adds a review: its record, carrying the facets of the whole review (`tags`, usually
    /// [`crate::profile::review_tags`] of the units), and each of its units.
    pub fn add_review(&self, review: &Review, tags: &[String], units: &[Unit]) -> Result<()> {
        self.add_record(review, tags)?;
        self.add_units(review, units, 0)
    }

    /// Adds more units of a review whose record was added; `first_seq` is the number of units
    /// added for it before, so that every unit keeps a distinct key.
    pub fn add_units(&self, review: &Review, units: &[Unit], first_seq: usize) -> Result<()> {
        for (seq, unit) in units.iter().enumerate() {
            self.add_unit(review, unit, first_seq + seq)?;
        }
        Ok(())
    }

    /// Deletes every unit of one kind, of every review; takes effect at the commit.
    pub fn delete_kind(&self, kind: UnitKind) {
        self.writer.delete_term(Term::from_field_text(self.fields.kind, kind.as_str()));
    }

    /// Adds the record of a review, carrying the facets of the whole review.
    pub fn add_record(&self, review: &Review, tags: &[String]) -> Result<()> {
        self.add_record_made_from(review, tags, "", None)
    }

    /// Adds the record of a review with a `fingerprint` of what it was made from, which
    /// [`crate::SearchIndex::fingerprints`] gives back, so that the indexer can tell an unchanged
    /// review from a changed one, and its `version` (the sketch of its text, and what
    /// curators said of its grouping), by which [`crate::SearchIndex::duplicates`] finds the same
    /// review published twice.
    pub fn add_record_made_from(
        &self,
        review: &Review,
        tags: &[String],
        fingerprint: &str,
        version: Option<&Version>,
    ) -> Result<()> {
        let f = &self.fields;
        let mut doc = self.base_doc(review, UnitKind::Review, review.id.as_str());
        if !fingerprint.is_empty() {
            doc.add_text(f.fingerprint, fingerprint);
        }
        if let Some(version) = version {
            doc.add_bytes(f.sketch, &version.sketch.encode());
            for id in &version.same_as {
                doc.add_text(f.grouping, format!("same:{id}"));
            }
            for id in &version.apart_from {
                doc.add_text(f.grouping, format!("apart:{id}"));
            }
        }
        doc.add_text(f.title, &review.title.value);
        let mut provenance = vec![format!("title={}", review.title.source.as_str())];
        let optional = [
            (f.published, "published", &review.published),
            (f.subject, "subject", &review.subject),
            (f.age_band, "age_band", &review.age_band),
            (f.outcome, "outcome", &review.outcome),
            (f.author, "author", &review.author),
            (f.review_type, "type", &review.review_type),
            (f.board, "board", &review.board),
        ];
        for (field, name, value) in optional {
            if let Some(sourced) = value {
                // Type and board are already on every unit (see `base_doc`).
                if field != f.review_type && field != f.board {
                    doc.add_text(field, &sourced.value);
                }
                provenance.push(format!("{name}={}", sourced.source.as_str()));
            }
        }
        doc.add_text(f.provenance, provenance.join(";"));
        doc.add_text(f.file, &review.file);
        doc.add_u64(f.n_pages, u64::from(review.n_pages));
        if let Some(url) = &review.source_url {
            doc.add_text(f.source_url, url);
        }
        doc.add_u64(f.page, 1);
        for tag in tags {
            add_facet(&mut doc, f, tag);
        }
        self.writer.add_document(doc)?;
        Ok(())
    }

    fn add_unit(&self, review: &Review, unit: &Unit, seq: usize) -> Result<()> {
        let f = &self.fields;
        let key = UnitKey { review: review.id.clone(), kind: unit.kind, seq }.to_string();
        let mut doc = self.base_doc(review, unit.kind, &key);
        doc.add_u64(f.page, u64::from(unit.page));
        doc.add_f64(f.weight, super::rank::unit_weight(unit));
        if let Some(label) = &unit.page_label {
            doc.add_text(f.page_label, label);
        }
        if let Some(number) = &unit.number {
            doc.add_text(f.number, number);
        }
        if !unit.section.is_empty() {
            doc.add_text(f.section, unit.section.join(SECTION_SEPARATOR));
        }
        doc.add_text(f.body, &unit.text);
        for tag in &unit.tags {
            add_facet(&mut doc, f, tag);
        }
        for tag in &unit.discussed {
            doc.add_text(f.discussed, tag);
        }
        self.writer.add_document(doc)?;
        Ok(())
    }

    /// The document of a review's unit (or record), with the time the review entered the
    /// index.
    fn base_doc(&self, review: &Review, kind: UnitKind, key: &str) -> TantivyDocument {
        let added = self.added.get(review.id.as_str()).copied().unwrap_or(self.now);
        base_doc(&self.fields, review, kind, key, added)
    }

    /// Publishes every change since the builder was made, atomically.
    pub fn commit(mut self) -> Result<()> {
        self.writer.commit()?;
        self.writer.wait_merging_threads()?;
        Ok(())
    }
}
