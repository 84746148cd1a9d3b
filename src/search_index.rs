//! [`SearchIndex`]: the facade that the web layer and the tools use. It holds the lower layer
//! (the tantivy index and its one reader, [`crate::index`]), the taxonomy searches expand
//! with, and what is read once per index generation (review numbers, duplicate groups, the
//! index summary, recent answers); searching itself is [`crate::search`], on the lower layer.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::cache::GenerationCache;
use crate::document::{Review, ReviewId, Unit, UnitKind};
use crate::duplicates::{Groups, Version};
use crate::error::Result;
use crate::evidence::TagEvidence;
use crate::index::{IndexBuilder, IndexCore, IndexStats};
use crate::search::numbering::ReviewNumbers;
use crate::search::{Facets, SearchRequest, SearchResults, Searching};
use crate::taxonomy::{Classifier, SynonymIndex, Taxonomy};

/// A Casebook index, opened for searching (and, by the indexer, for writing).
pub struct SearchIndex {
    pub(crate) core: IndexCore,
    pub(crate) taxonomy: Taxonomy,
    synonyms: SynonymIndex,
    /// The taxonomy's classifier, to find the words behind a review's themes.
    classifier: Classifier,
    /// Figures about the whole index and the index generation they were read from.
    summary_cache: Mutex<Option<(u64, Arc<Summary>)>>,
    /// The reviews published more than once, and the index generation they were read from.
    groups_cache: Mutex<Option<(u64, Arc<Groups>)>>,
    /// Reviews numbered across segments, and the index generation they were read from.
    numbers_cache: Mutex<Option<(u64, Arc<ReviewNumbers>)>>,
    /// The answers to recent searches.
    results: ResultCache,
}

/// How many answers [`SearchIndex::search_with_facets`] keeps by default.
pub const RESULT_CACHE_ENTRIES: usize = 256;

/// The answers to recent searches of [`SearchIndex::search_with_facets`].
type ResultCache = GenerationCache<Arc<(SearchResults, Facets)>>;

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

impl SearchIndex {
    /// Returns true when `dir` holds an index.
    pub fn exists(dir: &Path) -> bool {
        IndexCore::exists(dir)
    }

    /// Opens the index in `dir`.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        Ok(SearchIndex::over(IndexCore::open(dir)?))
    }

    /// Opens the index in `dir`, creating an empty one (and the folder) if there is none.
    pub fn open_or_create(dir: &Path) -> Result<SearchIndex> {
        Ok(SearchIndex::over(IndexCore::open_or_create(dir)?))
    }

    /// Creates an empty index in memory, for tests and experiments.
    pub fn create_in_ram() -> Result<SearchIndex> {
        Ok(SearchIndex::over(IndexCore::create_in_ram()?))
    }

    fn over(core: IndexCore) -> SearchIndex {
        let taxonomy = Taxonomy::builtin();
        SearchIndex {
            core,
            synonyms: SynonymIndex::new(&taxonomy),
            classifier: Classifier::new(&taxonomy),
            taxonomy,
            summary_cache: Mutex::new(None),
            groups_cache: Mutex::new(None),
            numbers_cache: Mutex::new(None),
            results: ResultCache::new(RESULT_CACHE_ENTRIES),
        }
    }

    /// Keeps the answers to the `entries` most recent distinct searches of
    /// [`SearchIndex::search_with_facets`] (0 keeps none), until the index changes.
    pub fn set_result_cache(&mut self, entries: usize) {
        self.results = ResultCache::new(entries);
    }

    /// How many segments searches read now (each commit may add one until they are merged).
    pub fn segment_count(&self) -> usize {
        self.core.searcher().segment_readers().len()
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
        self.core.path.as_deref()
    }

    /// Which commit searches see now: it changes whenever the index does (after a commit
    /// and the reload that follows). Caches of answers key on it, as [`GenerationCache`] does.
    pub fn generation(&self) -> u64 {
        self.core.generation()
    }

    /// Makes the last commit visible to searches now rather than after the reload delay.
    pub fn reload(&self) -> Result<()> {
        Ok(self.core.reader.reload()?)
    }

    /// Counts reviews and units.
    pub fn stats(&self) -> Result<IndexStats> {
        self.core.stats()
    }

    /// Returns the record of one review.
    pub fn review(&self, id: &ReviewId) -> Result<Option<Review>> {
        self.core.review(id)
    }

    /// Returns the records of all reviews, newest first.
    pub fn reviews(&self) -> Result<Vec<Review>> {
        self.core.reviews()
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
    fn review_numbers(&self, searcher: &tantivy::Searcher) -> Result<Arc<ReviewNumbers>> {
        let generation = searcher.generation().generation_id();
        once_per_generation(&self.numbers_cache, generation, || {
            ReviewNumbers::new(searcher, &*self.duplicates()?)
        })
    }

    /// What a search works on: the lower layer, one searcher, the taxonomy, and the reviews
    /// numbered for that searcher.
    pub(crate) fn searching(&self) -> Result<Searching<'_>> {
        let searcher = self.core.searcher();
        let numbers = self.review_numbers(&searcher)?;
        Ok(Searching {
            core: &self.core,
            taxonomy: &self.taxonomy,
            synonyms: &self.synonyms,
            searcher,
            numbers,
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
        self.core.versions()
    }

    /// Figures about the whole index, read once per index generation and cached, because
    /// every search page needs them.
    pub(crate) fn summary(&self) -> Result<Arc<Summary>> {
        once_per_generation(&self.summary_cache, self.generation(), || self.read_summary())
    }

    fn read_summary(&self) -> Result<Summary> {
        let profiles = self.core.profiles()?;
        let boards = profiles
            .iter()
            .filter_map(|(r, _)| Some((r.board_id.clone()?, r.board.as_ref()?.value.clone())))
            .collect();
        let request =
            SearchRequest { kinds: vec![UnitKind::Recommendation], ..SearchRequest::default() };
        let recurrence = self.count_reviews_under(&request, "/recurrence")?;
        let recurring = self.core.recurring()?;
        Ok(Summary { boards, recurrence, profiles, recurring })
    }

    /// Returns every unit of one review other than its record, in page order.
    pub fn units(&self, id: &ReviewId) -> Result<Vec<Unit>> {
        Ok(self.keyed_units(id)?.into_iter().map(|(_, unit)| unit).collect())
    }

    /// Returns one unit by its key ([`crate::Hit::unit_id`]), with the record of its review.
    pub fn unit(&self, key: &str) -> Result<Option<(Review, Unit)>> {
        self.core.unit(key)
    }

    /// Every unit of one kind, of every review, with its key (in no particular order).
    pub fn units_of_kind(&self, kind: UnitKind) -> Result<Vec<(String, Unit)>> {
        self.core.units_of_kind(kind)
    }

    /// Like [`SearchIndex::units`], with the key of each unit.
    pub fn keyed_units(&self, id: &ReviewId) -> Result<Vec<(String, Unit)>> {
        self.core.keyed_units(id)
    }

    /// Starts writing: the returned builder holds the index's only writer until it is dropped.
    pub fn builder(&self) -> Result<IndexBuilder> {
        self.core.builder()
    }

    /// What each review in the index was made from, by review id (see
    /// [`IndexBuilder::add_record_made_from`]); empty for a review written without one.
    pub fn fingerprints(&self) -> Result<HashMap<ReviewId, String>> {
        self.core.fingerprints()
    }

    /// The reviews most recently added to the index, newest first (then by id), with when
    /// each was added (milliseconds since the Unix epoch): the "Newly published" page and
    /// feed. A review keeps the time it first entered the index when it is read again.
    pub fn recently_added(&self, limit: usize) -> Result<Vec<(Review, u64)>> {
        self.core.recently_added(limit)
    }

    /// Runs a search. When the words find nothing and some of them are unknown to the index, the
    /// search is run again with those words corrected to the nearest indexed ones, and the
    /// results say so in [`SearchResults::corrected_query`].
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        self.searching()?.search(request)
    }

    /// Runs a search and counts its facets, for the corrected query when the search
    /// corrected the spelling of the one asked for.
    ///
    /// The answers to the most recent requests are kept (see
    /// [`SearchIndex::set_result_cache`]) until the index changes.
    pub fn search_with_facets(&self, request: &SearchRequest) -> Result<(SearchResults, Facets)> {
        let generation = self.generation();
        let key = request.cache_key();
        if let Some(hit) = self.results.get(generation, &key) {
            return Ok((hit.0.clone(), hit.1.clone()));
        }
        let answer = self.searching()?.search_with_facets(request)?;
        self.results.put(generation, key, Arc::new(answer.clone()));
        Ok(answer)
    }

    /// Counts, for the request's query and filters, the matching reviews per facet value.
    pub fn facets(&self, request: &SearchRequest) -> Result<Facets> {
        self.searching()?.facets(request)
    }

    /// Counts matching reviews per facet value directly under `root` (e.g. `/recurrence`).
    pub(crate) fn count_reviews_under(
        &self,
        request: &SearchRequest,
        root: &str,
    ) -> Result<BTreeMap<String, usize>> {
        self.searching()?.count_reviews_under(request, root)
    }
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
