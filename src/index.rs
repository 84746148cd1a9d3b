//! The on-disk index: opening it, reading review records, and writing it (for the indexer).
//!
//! [`SearchIndex`] owns the one tantivy `IndexReader` of the process. [`IndexBuilder`] wraps the
//! one `IndexWriter`; everything added through it becomes visible at once on
//! [`IndexBuilder::commit`], and nothing does if the builder is dropped without committing.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::TermQuery;
use tantivy::schema::{Facet, IndexRecordOption, OwnedValue, Value};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::cache::GenerationCache;
use crate::document::{Provenance, Review, ReviewId, Sourced, Unit, UnitKind};
use crate::duplicates::{Groups, Sketch, Version};
use crate::error::{Error, Result};
use crate::evidence::TagEvidence;
use crate::schema::{self, EN_STEM, Fields};
use crate::search::numbering::ReviewNumbers;
use crate::taxonomy::{Classifier, SynonymIndex, Taxonomy};

/// Joins the headings of a section path in the stored field.
const SECTION_SEPARATOR: &str = " › ";

/// Memory budget of the index writer, shared by its threads.
const WRITER_MEMORY: usize = 200 * 1024 * 1024;

/// A Casebook index: a tantivy index with its reader.
pub struct SearchIndex {
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) taxonomy: Taxonomy,
    pub(crate) synonyms: SynonymIndex,
    /// The taxonomy's classifier, to find the words behind a review's themes.
    classifier: Classifier,
    path: Option<PathBuf>,
    /// Figures about the whole index and the index generation they were read from.
    summary_cache: Mutex<Option<(u64, Arc<Summary>)>>,
    /// The reviews published more than once, and the index generation they were read from.
    groups_cache: Mutex<Option<(u64, Arc<Groups>)>>,
    /// Reviews numbered across segments, and the index generation they were read from.
    numbers_cache: Mutex<Option<(u64, Arc<ReviewNumbers>)>>,
    /// The answers to recent searches.
    pub(crate) results: ResultCache,
}

/// How many answers [`SearchIndex::search_with_facets`] keeps by default.
pub const RESULT_CACHE_ENTRIES: usize = 256;

/// The answers to recent searches of [`SearchIndex::search_with_facets`].
pub(crate) type ResultCache =
    GenerationCache<Arc<(crate::search::SearchResults, crate::search::Facets)>>;

/// Figures about the whole index (see [`SearchIndex::summary`]).
#[derive(Debug, Default)]
pub(crate) struct Summary {
    boards: BTreeMap<String, String>,
    recurrence: BTreeMap<String, usize>,
    /// Every review with the facet paths of its record (its profile and metadata facets).
    pub(crate) profiles: Vec<(Review, Vec<String>)>,
    /// The recommendations that recur across reviews: group id → (review, text) of each.
    pub(crate) recurring: BTreeMap<String, Vec<(ReviewId, String)>>,
}

/// Sizes of an index, for the CLI and the status line of the UI.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IndexStats {
    /// Number of reviews.
    pub n_reviews: u64,
    /// Number of indexed units of every kind, review records included.
    pub n_units: u64,
}

impl SearchIndex {
    /// Returns true when `dir` holds an index.
    pub fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Opens the index in `dir`.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        if !SearchIndex::exists(dir) {
            return Err(Error::NoIndex { path: dir.to_path_buf() });
        }
        let index = Index::open_in_dir(dir)?;
        let (expected, _) = schema::build();
        if index.schema() != expected {
            return Err(Error::OtherVersion { path: dir.to_path_buf() });
        }
        SearchIndex::from_index(index, Some(dir.to_path_buf()))
    }

    /// Opens the index in `dir`, creating an empty one (and the folder) if there is none.
    pub fn open_or_create(dir: &Path) -> Result<SearchIndex> {
        if SearchIndex::exists(dir) {
            return SearchIndex::open(dir);
        }
        std::fs::create_dir_all(dir)
            .map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        let (schema, _) = schema::build();
        let index = Index::create_in_dir(dir, schema)?;
        SearchIndex::from_index(index, Some(dir.to_path_buf()))
    }

    /// Creates an empty index in memory, for tests and experiments.
    pub fn create_in_ram() -> Result<SearchIndex> {
        let (schema, _) = schema::build();
        SearchIndex::from_index(Index::create_in_ram(schema), None)
    }

    fn from_index(index: Index, path: Option<PathBuf>) -> Result<SearchIndex> {
        let (_, fields) = schema::build();
        index.tokenizers().register(EN_STEM, schema::english_analyzer());
        // The web server runs beside an indexer in another process: reload on its commits.
        let reader =
            index.reader_builder().reload_policy(ReloadPolicy::OnCommitWithDelay).try_into()?;
        let taxonomy = Taxonomy::builtin();
        let synonyms = SynonymIndex::new(&taxonomy);
        let classifier = Classifier::new(&taxonomy);
        Ok(SearchIndex {
            index,
            reader,
            fields,
            taxonomy,
            synonyms,
            classifier,
            path,
            summary_cache: Mutex::new(None),
            groups_cache: Mutex::new(None),
            numbers_cache: Mutex::new(None),
            results: ResultCache::new(RESULT_CACHE_ENTRIES),
        })
    }

    /// Keeps the answers to the `entries` most recent distinct searches of
    /// [`SearchIndex::search_with_facets`] (0 keeps none), until the index changes.
    pub fn set_result_cache(&mut self, entries: usize) {
        self.results = ResultCache::new(entries);
    }

    /// How many segments searches read now (each commit may add one until they are merged).
    pub fn segment_count(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// How many answers [`SearchIndex::search_with_facets`] keeps (see `set_result_cache`).
    pub fn result_cache_capacity(&self) -> usize {
        self.results.capacity()
    }

    /// Replaces the taxonomy used to expand queries (the built-in one by default).
    pub fn set_taxonomy(&mut self, taxonomy: Taxonomy) {
        self.synonyms = SynonymIndex::new(&taxonomy);
        self.classifier = Classifier::new(&taxonomy);
        self.taxonomy = taxonomy;
        // Answers depend on the taxonomy (query expansion).
        self.results = ResultCache::new(self.results.capacity());
    }

    /// The taxonomy used to expand queries and label facets.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// The evidence for each theme and risk factor the review of `units` counts for (see
    /// [`crate::evidence`]): `units` are every unit of one review but its record, as
    /// [`SearchIndex::units`] gives them.
    pub fn evidence(&self, units: &[Unit]) -> Vec<TagEvidence> {
        crate::evidence::review_evidence(units, &self.taxonomy, &self.classifier)
    }

    /// The folder of the index, if it is on disk.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Which commit searches see now: it changes whenever the index does (after a commit
    /// and the reload that follows). Caches of answers key on it, as [`GenerationCache`] does.
    pub fn generation(&self) -> u64 {
        self.reader.searcher().generation().generation_id()
    }

    /// Makes the last commit visible to searches now rather than after the reload delay.
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// Counts reviews and units.
    pub fn stats(&self) -> Result<IndexStats> {
        let searcher = self.reader.searcher();
        let n_units = searcher.num_docs();
        let reviews = TermQuery::new(
            Term::from_field_text(self.fields.kind, UnitKind::Review.as_str()),
            IndexRecordOption::Basic,
        );
        let n_reviews = searcher.search(&reviews, &Count)? as u64;
        Ok(IndexStats { n_reviews, n_units })
    }

    /// Returns the record of one review.
    pub fn review(&self, id: &ReviewId) -> Result<Option<Review>> {
        let searcher = self.reader.searcher();
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

    /// Returns the records of all reviews, newest first.
    pub fn reviews(&self) -> Result<Vec<Review>> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.kind, UnitKind::Review.as_str()),
            IndexRecordOption::Basic,
        );
        let limit = searcher.num_docs().max(1) as usize;
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let mut reviews = Vec::with_capacity(top.len());
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            reviews.extend(self.review_from_doc(&doc));
        }
        reviews.sort_by(|a, b| {
            let date = |r: &Review| r.published.as_ref().map(|p| p.value.clone());
            date(b).cmp(&date(a)).then_with(|| a.id.cmp(&b.id))
        });
        Ok(reviews)
    }

    /// Names of the boards in the index, by board id.
    pub fn board_names(&self) -> Result<BTreeMap<String, String>> {
        Ok(self.summary()?.boards.clone())
    }

    /// The number of reviews in which each group of recurring recommendations was made, by
    /// group id (the `recurrence` filter).
    pub fn recurrence_counts(&self) -> Result<BTreeMap<String, usize>> {
        Ok(self.summary()?.recurrence.clone())
    }

    /// The reviews of `searcher`'s segments numbered across the index, read once a generation.
    pub(crate) fn review_numbers(
        &self,
        searcher: &tantivy::Searcher,
    ) -> Result<Arc<ReviewNumbers>> {
        let generation = searcher.generation().generation_id();
        once_per_generation(&self.numbers_cache, generation, || {
            ReviewNumbers::new(searcher, &*self.duplicates()?)
        })
    }

    /// The reviews published more than once (see [`crate::duplicates`]), grouped from the
    /// sketches on their records once per index generation.
    pub fn duplicates(&self) -> Result<Arc<Groups>> {
        once_per_generation(&self.groups_cache, self.generation(), || {
            let started = std::time::Instant::now();
            let versions = self.versions()?;
            let documents: Vec<crate::duplicates::Document<'_>> = versions
                .iter()
                .map(|(id, version)| crate::duplicates::Document::new(id, version))
                .collect();
            let groups = crate::duplicates::group(&documents);
            tracing::info!(
                n_documents = documents.len(),
                n_duplicates = groups.n_duplicates(),
                elapsed_ms = started.elapsed().as_millis() as u64,
                "reviews published twice grouped"
            );
            Ok(groups)
        })
    }

    /// What grouping needs of every review whose record has a sketch, by id.
    pub fn versions(&self) -> Result<BTreeMap<ReviewId, Version>> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.kind, UnitKind::Review.as_str()),
            IndexRecordOption::Basic,
        );
        let limit = searcher.num_docs().max(1) as usize;
        let mut out = BTreeMap::new();
        for (_, address) in searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())? {
            let doc: TantivyDocument = searcher.doc(address)?;
            let Some(review) = self.review_from_doc(&doc) else { continue };
            let bytes = doc.get_first(self.fields.sketch).and_then(|v| v.as_bytes());
            if let Some(sketch) = bytes.and_then(Sketch::decode) {
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
            }
        }
        Ok(out)
    }

    /// Figures about the whole index, read once per index generation and cached, because
    /// every search page needs them.
    pub(crate) fn summary(&self) -> Result<Arc<Summary>> {
        once_per_generation(&self.summary_cache, self.generation(), || self.read_summary())
    }

    fn read_summary(&self) -> Result<Summary> {
        let profiles = self.load_profiles()?;
        let boards = profiles
            .iter()
            .filter_map(|(r, _)| Some((r.board_id.clone()?, r.board.as_ref()?.value.clone())))
            .collect();
        let request = crate::search::SearchRequest {
            kinds: vec![UnitKind::Recommendation],
            ..crate::search::SearchRequest::default()
        };
        let recurrence = self.count_reviews_under(&request, "/recurrence")?;
        let recurring = self.load_recurring()?;
        Ok(Summary { boards, recurrence, profiles, recurring })
    }

    /// Reads the recommendations that carry a `/recurrence/…` group, by group.
    fn load_recurring(&self) -> Result<BTreeMap<String, Vec<(ReviewId, String)>>> {
        let searcher = self.reader.searcher();
        // Facets are indexed with their ancestors: the root term finds every grouped unit.
        let root = Term::from_facet(self.fields.tags, &Facet::from("/recurrence"));
        let query = TermQuery::new(root, IndexRecordOption::Basic);
        let limit = searcher.num_docs().max(1) as usize;
        let mut out: BTreeMap<String, Vec<(ReviewId, String)>> = BTreeMap::new();
        for (_, address) in searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())? {
            let doc: TantivyDocument = searcher.doc(address)?;
            let Some(unit) = self.unit_from_doc(&doc) else { continue };
            for tag in &unit.tags {
                if let Some(group) = tag.strip_prefix("/recurrence/") {
                    out.entry(group.to_string())
                        .or_default()
                        .push((unit.review.clone(), unit.text.clone()));
                }
            }
        }
        Ok(out)
    }

    /// Returns every unit of one review other than its record, in page order.
    pub fn units(&self, id: &ReviewId) -> Result<Vec<Unit>> {
        Ok(self.keyed_units(id)?.into_iter().map(|(_, unit)| unit).collect())
    }

    /// Returns one unit by its key ([`crate::Hit::unit_id`]), with the record of its review.
    pub fn unit(&self, key: &str) -> Result<Option<(Review, Unit)>> {
        let searcher = self.reader.searcher();
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
    pub fn units_of_kind(&self, kind: UnitKind) -> Result<Vec<(String, Unit)>> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.kind, kind.as_str()),
            IndexRecordOption::Basic,
        );
        let limit = searcher.num_docs().max(1) as usize;
        let mut out = Vec::new();
        for (_, address) in searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())? {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(unit) = self.unit_from_doc(&doc) {
                out.push((text(&doc, self.fields.unit_id).unwrap_or_default(), unit));
            }
        }
        Ok(out)
    }

    /// Like [`SearchIndex::units`], with the key of each unit.
    pub fn keyed_units(&self, id: &ReviewId) -> Result<Vec<(String, Unit)>> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.review_id, id.as_str()),
            IndexRecordOption::Basic,
        );
        let limit = searcher.num_docs().max(1) as usize;
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let mut units = Vec::new();
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(unit) = self.unit_from_doc(&doc)
                && unit.kind != UnitKind::Review
            {
                units.push((text(&doc, self.fields.unit_id).unwrap_or_default(), unit));
            }
        }
        units.sort_by(|(_, a), (_, b)| {
            (a.page, a.kind.as_str(), natural_key(a.number.as_deref())).cmp(&(
                b.page,
                b.kind.as_str(),
                natural_key(b.number.as_deref()),
            ))
        });
        Ok(units)
    }

    /// Starts writing: the returned builder holds the index's only writer until it is dropped.
    pub fn builder(&self) -> Result<IndexBuilder> {
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
            now: now_ms(),
        })
    }

    /// What each review in the index was made from, by review id (see
    /// [`IndexBuilder::add_record_made_from`]); empty for a review written without one.
    pub fn fingerprints(&self) -> Result<HashMap<ReviewId, String>> {
        let mut out = HashMap::new();
        self.for_each_record(|doc| {
            let id = text(doc, self.fields.review_id).and_then(|id| ReviewId::parse(&id).ok());
            if let Some(id) = id {
                out.insert(id, text(doc, self.fields.fingerprint).unwrap_or_default());
            }
        })?;
        Ok(out)
    }

    /// The reviews most recently added to the index, newest first (then by id), with when
    /// each was added (milliseconds since the Unix epoch): the "Newly published" page and
    /// feed. A review keeps the time it first entered the index when it is read again.
    pub fn recently_added(&self, limit: usize) -> Result<Vec<(Review, u64)>> {
        let mut out = Vec::new();
        self.for_each_record(|doc| {
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

    /// Calls `f` with the record document of every review.
    fn for_each_record(&self, mut f: impl FnMut(&TantivyDocument)) -> Result<()> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.kind, UnitKind::Review.as_str()),
            IndexRecordOption::Basic,
        );
        let limit = searcher.num_docs().max(1) as usize;
        for (_, address) in searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())? {
            let doc: TantivyDocument = searcher.doc(address)?;
            f(&doc);
        }
        Ok(())
    }

    /// When each review now in the index first entered it, by review id.
    fn added_times(&self) -> Result<HashMap<String, u64>> {
        let mut out = HashMap::new();
        self.for_each_record(|doc| {
            if let (Some(id), Some(added)) =
                (text(doc, self.fields.review_id), number(doc, self.fields.added))
            {
                out.insert(id, added);
            }
        })?;
        Ok(out)
    }

    pub(crate) fn review_from_doc(&self, doc: &TantivyDocument) -> Option<Review> {
        let f = &self.fields;
        let id = ReviewId::parse(&text(doc, f.review_id)?).ok()?;
        let provenance = text(doc, f.provenance).unwrap_or_default();
        let source_of = |field: &str| {
            provenance
                .split(';')
                .filter_map(|pair| pair.split_once('='))
                .find(|(name, _)| *name == field)
                .map(|(_, source)| parse_provenance(source))
                .unwrap_or(Provenance::FileName)
        };
        let sourced = |field, name: &str| {
            text(doc, field).map(|value| Sourced { value, source: source_of(name) })
        };
        Some(Review {
            id,
            title: sourced(f.title_stored, "title")?,
            review_type: sourced(f.review_type, "type"),
            board: sourced(f.board, "board"),
            board_id: text(doc, f.board_id),
            published: sourced(f.published, "published"),
            subject: sourced(f.subject, "subject"),
            age_band: sourced(f.age_band, "age_band"),
            outcome: sourced(f.outcome, "outcome"),
            author: sourced(f.author, "author"),
            file: text(doc, f.file).unwrap_or_default(),
            n_pages: number(doc, f.n_pages).unwrap_or(0) as u32,
            source_url: text(doc, f.source_url),
        })
    }

    pub(crate) fn unit_from_doc(&self, doc: &TantivyDocument) -> Option<Unit> {
        let f = &self.fields;
        let review = ReviewId::parse(&text(doc, f.review_id)?).ok()?;
        let kind = UnitKind::parse(&text(doc, f.kind)?).ok()?;
        let tags = doc
            .get_all(f.tags)
            .filter_map(|v| match OwnedValue::from(v) {
                OwnedValue::Facet(facet) => Some(facet.to_path_string()),
                _ => None,
            })
            .collect();
        Some(Unit {
            review,
            kind,
            page: number(doc, f.page).unwrap_or(1) as u32,
            page_label: text(doc, f.page_label),
            number: text(doc, f.number),
            section: text(doc, f.section)
                .map(|s| s.split(SECTION_SEPARATOR).map(str::to_string).collect())
                .unwrap_or_default(),
            text: text(doc, f.body).unwrap_or_default(),
            tags,
            discussed: doc
                .get_all(f.discussed)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        })
    }
}

/// The index's only writer. Dropping it without [`IndexBuilder::commit`] discards every change.
pub struct IndexBuilder {
    writer: IndexWriter,
    fields: Fields,
    /// When each review that was in the index as the builder was made first entered it: a
    /// rebuilt review keeps its time, a new one gets `now`.
    added: HashMap<String, u64>,
    /// When this builder was made, in milliseconds since the Unix epoch.
    now: u64,
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
    /// [`SearchIndex::fingerprints`] gives back, so that the indexer can tell an unchanged
    /// review from a changed one, and its `version` (the sketch of its text, and what
    /// curators said of its grouping), by which [`SearchIndex::duplicates`] finds the same
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
        let key = format!("{}#{}-{seq}", review.id, unit.kind.as_str());
        let mut doc = self.base_doc(review, unit.kind, &key);
        doc.add_u64(f.page, u64::from(unit.page));
        doc.add_f64(f.weight, crate::search::rank::unit_weight(unit));
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

    /// Publishes every change since the builder was made, atomically.
    pub fn commit(mut self) -> Result<()> {
        self.writer.commit()?;
        self.writer.wait_merging_threads()?;
        Ok(())
    }

    /// The fields every unit of a review carries: the review's metadata and its facets.
    fn base_doc(&self, review: &Review, kind: UnitKind, key: &str) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.unit_id, key);
        doc.add_text(f.kind, kind.as_str());
        doc.add_text(f.review_id, review.id.as_str());
        doc.add_text(f.title_stored, &review.title.value);
        doc.add_u64(f.added, self.added.get(review.id.as_str()).copied().unwrap_or(self.now));
        if let Some(year) = review.year() {
            doc.add_u64(f.year, u64::from(year));
        }
        if let Some(t) = &review.review_type {
            doc.add_text(f.review_type, &t.value);
            add_facet(&mut doc, f, &format!("/type/{}", t.value));
        }
        if let Some(board) = &review.board {
            doc.add_text(f.board, &board.value);
        }
        if let Some(board_id) = &review.board_id {
            doc.add_text(f.board_id, board_id);
            add_facet(&mut doc, f, &format!("/board/{board_id}"));
        }
        if let Some(age) = &review.age_band {
            add_facet(&mut doc, f, &format!("/age/{}", age.value));
        }
        if let Some(outcome) = &review.outcome {
            add_facet(&mut doc, f, &format!("/outcome/{}", outcome.value));
        }
        doc
    }
}

fn add_facet(doc: &mut TantivyDocument, fields: &Fields, path: &str) {
    // Facet paths come from taxonomy ids and slugs; anything else is skipped rather than
    // allowed to panic inside tantivy's parser.
    if let Ok(facet) = Facet::from_text(path) {
        doc.add_facet(fields.tags, facet);
    }
}

fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string)
}

fn number(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<u64> {
    doc.get_first(field).and_then(|v| v.as_u64())
}

/// The value kept in `slot` for `generation`, or else the one `make` builds, kept in its place.
fn once_per_generation<T>(
    slot: &Mutex<Option<(u64, Arc<T>)>>,
    generation: u64,
    make: impl FnOnce() -> Result<T>,
) -> Result<Arc<T>> {
    let mut slot = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((kept, value)) = slot.as_ref()
        && *kept == generation
    {
        return Ok(Arc::clone(value));
    }
    let value = Arc::new(make()?);
    *slot = Some((generation, Arc::clone(&value)));
    Ok(value)
}

/// Milliseconds since the Unix epoch.
pub(crate) fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

fn parse_provenance(s: &str) -> Provenance {
    match s {
        "sidecar" => Provenance::Sidecar,
        "listing" => Provenance::Listing,
        "title page" => Provenance::TitlePage,
        "pdf info" => Provenance::PdfInfo,
        "curator" => Provenance::Curator,
        _ => Provenance::FileName,
    }
}

/// Sort key that puts "R2" before "R10".
fn natural_key(s: Option<&str>) -> (String, u64) {
    let s = s.unwrap_or("");
    let digits: String = s.chars().filter(char::is_ascii_digit).take(9).collect();
    (s.chars().filter(|c| !c.is_ascii_digit()).collect(), digits.parse().unwrap_or(0))
}
