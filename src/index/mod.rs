//! The lower layer: the tantivy index on disk, its fields and the process's one reader
//! ([`IndexCore`]), the codec between documents and the document model (`codec`), the one
//! writer ([`IndexBuilder`]) and the weight stored on every unit (`rank`).
//!
//! It knows nothing of searching, taxonomies or caches: `search/` works on an [`IndexCore`],
//! and [`crate::SearchIndex`] is the facade over both that keeps what is read once per index
//! generation. Every read of "all documents matching a term" goes through
//! [`IndexCore::each_match`].

mod builder;
pub(crate) mod codec;
pub(crate) mod rank;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, OwnedValue, Value};
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

pub use self::builder::IndexBuilder;
use self::codec::{natural_key, number, review_from_doc, text, unit_from_doc};
use crate::document::{Review, ReviewId, Unit, UnitKind};
use crate::duplicates::{Sketch, Version};
use crate::error::{Error, Result};
use crate::schema::{self, EN_STEM, Fields};

/// Memory budget of the index writer, shared by its threads.
const WRITER_MEMORY: usize = 200 * 1024 * 1024;

/// The tantivy index, its fields and its one reader.
pub(crate) struct IndexCore {
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) path: Option<PathBuf>,
}

/// Sizes of an index, for the CLI and the status line of the UI.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IndexStats {
    /// Number of reviews.
    pub n_reviews: u64,
    /// Number of units (records, pages, findings, recommendations).
    pub n_units: u64,
}

impl IndexCore {
    /// Returns true when `dir` holds an index.
    pub(crate) fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Opens the index in `dir`; an index of other fields is refused as another version's.
    pub(crate) fn open(dir: &Path) -> Result<IndexCore> {
        if !IndexCore::exists(dir) {
            return Err(Error::NoIndex { path: dir.to_path_buf() });
        }
        let index = Index::open_in_dir(dir)?;
        let (expected, _) = schema::build();
        if index.schema() != expected {
            return Err(Error::OtherVersion { path: dir.to_path_buf() });
        }
        IndexCore::from_index(index, Some(dir.to_path_buf()))
    }

    /// Opens the index in `dir`, creating an empty one (and the folder) if there is none.
    pub(crate) fn open_or_create(dir: &Path) -> Result<IndexCore> {
        if IndexCore::exists(dir) {
            return IndexCore::open(dir);
        }
        std::fs::create_dir_all(dir)
            .map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        let (schema, _) = schema::build();
        let index = Index::create_in_dir(dir, schema)?;
        IndexCore::from_index(index, Some(dir.to_path_buf()))
    }

    /// An empty index in memory.
    pub(crate) fn create_in_ram() -> Result<IndexCore> {
        let (schema, _) = schema::build();
        IndexCore::from_index(Index::create_in_ram(schema), None)
    }

    fn from_index(mut index: Index, path: Option<PathBuf>) -> Result<IndexCore> {
        let (_, fields) = schema::build();
        // A search reads its segments on as many threads as there are cores, so that one
        // search at a time (the usual load) uses the whole machine; the answers are the same
        // (tantivy merges the segments' fruits in segment order).
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if cores > 1 {
            index.set_multithread_executor(cores)?;
        }
        index.tokenizers().register(EN_STEM, schema::english_analyzer());
        // The web server runs beside an indexer in another process: reload on its commits.
        let reader =
            index.reader_builder().reload_policy(ReloadPolicy::OnCommitWithDelay).try_into()?;
        Ok(IndexCore { index, reader, fields, path })
    }

    pub(crate) fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Which commit searches see now (see [`crate::SearchIndex::generation`]).
    pub(crate) fn generation(&self) -> u64 {
        self.reader.searcher().generation().generation_id()
    }

    /// The one reading loop: calls `f` with every document `query` matches, in `searcher`.
    pub(crate) fn each_match(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        mut f: impl FnMut(&TantivyDocument),
    ) -> Result<()> {
        let limit = searcher.num_docs().max(1) as usize;
        for (_, address) in searcher.search(query, &TopDocs::with_limit(limit).order_by_score())? {
            let doc: TantivyDocument = searcher.doc(address)?;
            f(&doc);
        }
        Ok(())
    }

    /// [`IndexCore::each_match`] of the documents whose `field` holds the term `value`.
    fn each_with(
        &self,
        field: tantivy::schema::Field,
        value: &str,
        f: impl FnMut(&TantivyDocument),
    ) -> Result<()> {
        let query = TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic);
        self.each_match(&self.searcher(), &query, f)
    }

    /// Calls `f` with the record document of every review.
    pub(crate) fn each_record(&self, f: impl FnMut(&TantivyDocument)) -> Result<()> {
        self.each_with(self.fields.kind, UnitKind::Review.as_str(), f)
    }

    pub(crate) fn review_from_doc(&self, doc: &TantivyDocument) -> Option<Review> {
        review_from_doc(&self.fields, doc)
    }

    pub(crate) fn unit_from_doc(&self, doc: &TantivyDocument) -> Option<Unit> {
        unit_from_doc(&self.fields, doc)
    }

    /// Counts reviews and units.
    pub(crate) fn stats(&self) -> Result<IndexStats> {
        let searcher = self.searcher();
        let n_units = searcher.num_docs();
        let reviews = TermQuery::new(
            Term::from_field_text(self.fields.kind, UnitKind::Review.as_str()),
            IndexRecordOption::Basic,
        );
        let n_reviews = searcher.search(&reviews, &Count)? as u64;
        Ok(IndexStats { n_reviews, n_units })
    }

    /// The record of one review.
    pub(crate) fn review(&self, id: &ReviewId) -> Result<Option<Review>> {
        let searcher = self.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.unit_id, id.as_str()),
            IndexRecordOption::Basic,
        );
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        match top.first() {
            Some((_, address)) => {
                let doc: TantivyDocument = searcher.doc(*address)?;
                Ok(self.review_from_doc(&doc))
            }
            None => Ok(None),
        }
    }

    /// The records of all reviews, newest first.
    pub(crate) fn reviews(&self) -> Result<Vec<Review>> {
        let mut reviews = Vec::new();
        self.each_record(|doc| reviews.extend(self.review_from_doc(doc)))?;
        reviews.sort_by(|a, b| {
            let date = |r: &Review| r.published.as_ref().map(|p| p.value.clone());
            date(b).cmp(&date(a)).then_with(|| a.id.cmp(&b.id))
        });
        Ok(reviews)
    }

    /// Every review with the facet paths of its record.
    pub(crate) fn profiles(&self) -> Result<Vec<(Review, Vec<String>)>> {
        let mut out = Vec::new();
        self.each_record(|doc| {
            let Some(review) = self.review_from_doc(doc) else { return };
            let tags = doc
                .get_all(self.fields.tags)
                .filter_map(|v| match OwnedValue::from(v) {
                    OwnedValue::Facet(facet) => Some(facet.to_path_string()),
                    _ => None,
                })
                .collect();
            out.push((review, tags));
        })?;
        Ok(out)
    }

    /// What grouping needs of every review whose record has a sketch, by id.
    pub(crate) fn versions(&self) -> Result<BTreeMap<ReviewId, Version>> {
        let mut out = BTreeMap::new();
        self.each_record(|doc| {
            let Some(review) = self.review_from_doc(doc) else { return };
            let sketch = doc
                .get_first(self.fields.sketch)
                .and_then(|v| v.as_bytes())
                .and_then(Sketch::decode);
            let Some(sketch) = sketch else { return };
            let mut version = Version::of(&review, sketch);
            for said in doc.get_all(self.fields.grouping).filter_map(|v| v.as_str()) {
                let (how, other) = said.split_once(':').unwrap_or_default();
                let Ok(other) = ReviewId::parse(other) else { continue };
                match how {
                    "same" => version.same_as.push(other),
                    "apart" => version.apart_from.push(other),
                    _ => {}
                }
            }
            out.insert(review.id.clone(), version);
        })?;
        Ok(out)
    }

    /// The recommendations that carry a `/recurrence/…` group, by group.
    pub(crate) fn recurring(&self) -> Result<BTreeMap<String, Vec<(ReviewId, String)>>> {
        // Facets are indexed with their ancestors: the root term finds every grouped unit.
        let root = Term::from_facet(self.fields.tags, &Facet::from("/recurrence"));
        let query = TermQuery::new(root, IndexRecordOption::Basic);
        let mut out: BTreeMap<String, Vec<(ReviewId, String)>> = BTreeMap::new();
        self.each_match(&self.searcher(), &query, |doc| {
            let Some(unit) = self.unit_from_doc(doc) else { return };
            for tag in &unit.tags {
                if let Some(group) = tag.strip_prefix("/recurrence/") {
                    out.entry(group.to_string())
                        .or_default()
                        .push((unit.review.clone(), unit.text.clone()));
                }
            }
        })?;
        Ok(out)
    }

    /// One unit by its key, with the record of its review.
    pub(crate) fn unit(&self, key: &str) -> Result<Option<(Review, Unit)>> {
        let searcher = self.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.unit_id, key),
            IndexRecordOption::Basic,
        );
        let Some((_, address)) =
            searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?.into_iter().next()
        else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(address)?;
        let Some(unit) = self.unit_from_doc(&doc).filter(|u| u.kind != UnitKind::Review) else {
            return Ok(None);
        };
        Ok(self.review(&unit.review)?.map(|review| (review, unit)))
    }

    /// Every unit of one kind, of every review, with its key (in no particular order).
    pub(crate) fn units_of_kind(&self, kind: UnitKind) -> Result<Vec<(String, Unit)>> {
        let mut out = Vec::new();
        self.each_with(self.fields.kind, kind.as_str(), |doc| {
            if let Some(unit) = self.unit_from_doc(doc) {
                out.push((text(doc, self.fields.unit_id).unwrap_or_default(), unit));
            }
        })?;
        Ok(out)
    }

    /// Every unit of one review but its record, with its key, in page order.
    pub(crate) fn keyed_units(&self, id: &ReviewId) -> Result<Vec<(String, Unit)>> {
        let mut units = Vec::new();
        self.each_with(self.fields.review_id, id.as_str(), |doc| {
            if let Some(unit) = self.unit_from_doc(doc)
                && unit.kind != UnitKind::Review
            {
                units.push((text(doc, self.fields.unit_id).unwrap_or_default(), unit));
            }
        })?;
        units.sort_by(|(_, a), (_, b)| {
            (a.page, a.kind.as_str(), natural_key(a.number.as_deref())).cmp(&(
                b.page,
                b.kind.as_str(),
                natural_key(b.number.as_deref()),
            ))
        });
        Ok(units)
    }

    /// What each review was made from, by review id (see
    /// [`IndexBuilder::add_record_made_from`]); empty for a review written without one.
    pub(crate) fn fingerprints(&self) -> Result<HashMap<ReviewId, String>> {
        let mut out = HashMap::new();
        self.each_record(|doc| {
            let id = text(doc, self.fields.review_id).and_then(|id| ReviewId::parse(&id).ok());
            if let Some(id) = id {
                out.insert(id, text(doc, self.fields.fingerprint).unwrap_or_default());
            }
        })?;
        Ok(out)
    }

    /// When each review now in the index first entered it, by review id.
    fn added_times(&self) -> Result<HashMap<String, u64>> {
        let mut out = HashMap::new();
        self.each_record(|doc| {
            if let (Some(id), Some(added)) =
                (text(doc, self.fields.review_id), number(doc, self.fields.added))
            {
                out.insert(id, added);
            }
        })?;
        Ok(out)
    }

    /// The reviews most recently added, newest first (then by id), with when each was added.
    pub(crate) fn recently_added(&self, limit: usize) -> Result<Vec<(Review, u64)>> {
        let mut out = Vec::new();
        self.each_record(|doc| {
            if let (Some(review), Some(added)) =
                (self.review_from_doc(doc), number(doc, self.fields.added))
            {
                out.push((review, added));
            }
        })?;
        out.sort_by(|(a, at), (b, bt)| bt.cmp(at).then_with(|| a.id.cmp(&b.id)));
        out.truncate(limit);
        Ok(out)
    }

    /// Starts writing: the returned builder holds the index's only writer until it is dropped.
    pub(crate) fn builder(&self) -> Result<IndexBuilder> {
        let writer = self.index.writer(WRITER_MEMORY).map_err(|err| match err {
            tantivy::TantivyError::LockFailure(..) => {
                Error::IndexLocked { path: self.path.clone().unwrap_or_default() }
            }
            other => Error::Index(other),
        })?;
        Ok(IndexBuilder {
            writer,
            fields: self.fields.clone(),
            added: self.added_times()?,
            now: crate::time::now_ms(),
        })
    }
}
