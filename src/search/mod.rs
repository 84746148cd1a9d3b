//! Searching the index: requests, results grouped by review, and snippets.
//!
//! [`crate::SearchIndex::search`] turns a [`SearchRequest`] (the user's words plus filters) into a
//! tantivy query, collects every matching unit, groups the units by review and returns one
//! page of groups with highlighted snippets.

mod collect;
mod expand;
mod facets;
pub(crate) mod numbering;
mod query;
mod request;
mod snippet;
mod spell;

use std::sync::Arc;

use tantivy::schema::Value;
use tantivy::{DocAddress, Searcher, TantivyDocument};

pub use crate::document::Snippet;
use crate::document::{ReviewId, UnitKind};
use crate::error::{Error, Result};
use crate::index::IndexCore;
use crate::taxonomy::{SynonymIndex, Taxonomy};
use numbering::ReviewNumbers;

pub use expand::Expanded;
pub use facets::{FACET_GROUPS, FacetCount, FacetGroup, Facets};
pub use request::{
    Filters, HITS_PER_REVIEW, MAX_PER_PAGE, MAX_UNITS_PER_PAGE, SearchRequest, Sort,
};

/// One page of results.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// Number of matching units.
    pub total_units: usize,
    /// Number of reviews with at least one matching unit.
    pub total_reviews: usize,
    /// The review groups of the requested page.
    pub groups: Vec<ReviewGroup>,
    /// Set when the query could not be read as written and was searched as plain words.
    pub notice: Option<String>,
    /// What the query was expanded with from the taxonomy ("also searched: …").
    pub expansions: Vec<Expanded>,
    /// Set when the query as written found nothing and a spelling correction of it did: the
    /// corrected query, whose results these are ("did you mean").
    pub corrected_query: Option<String>,
}

/// The matching units of one review.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewGroup {
    /// Identifier of the review.
    pub review: ReviewId,
    /// Title of the review.
    pub title: String,
    /// Review type id, if known.
    pub review_type: Option<String>,
    /// Board name, if known.
    pub board: Option<String>,
    /// Year of publication, if known.
    pub year: Option<u16>,
    /// When the review first entered the index, in milliseconds since the Unix epoch.
    pub added: u64,
    /// Number of matching units in this review.
    pub n_hits: usize,
    /// The best matching units, at most [`HITS_PER_REVIEW`].
    pub hits: Vec<Hit>,
}

/// One matching unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The unit's key in the index (see [`crate::SearchIndex::unit`]).
    pub unit_id: String,
    /// Kind of unit.
    pub kind: UnitKind,
    /// 1-based PDF page where it starts.
    pub page: u32,
    /// Printed page label, if the page has one.
    pub page_label: Option<String>,
    /// Number as written, for findings and recommendations.
    pub number: Option<String>,
    /// Section path, outermost first.
    pub section: Vec<String>,
    /// Facet paths of the unit's tags.
    pub tags: Vec<String>,
    /// Relevance score.
    pub score: f32,
    /// Text around the matched words.
    pub snippet: Snippet,
}

/// What a search works on: the lower layer of the index, one searcher (so that every pass of
/// a search reads the same commit), the taxonomy its words are expanded with, and the reviews
/// numbered for that searcher. [`crate::SearchIndex`] makes one per search.
pub(crate) struct Searching<'a> {
    pub(crate) core: &'a IndexCore,
    pub(crate) taxonomy: &'a Taxonomy,
    pub(crate) synonyms: &'a SynonymIndex,
    pub(crate) searcher: Searcher,
    pub(crate) numbers: Arc<ReviewNumbers>,
}

impl Searching<'_> {
    /// Runs a search (see [`crate::SearchIndex::search`]).
    pub(crate) fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        Ok(self.search_counting(request, false)?.0)
    }

    /// [`crate::SearchIndex::search`], counting the facets of every match in the same pass when
    /// `count_facets` is set (of the corrected query, when the spelling was corrected).
    fn search_counting(
        &self,
        request: &SearchRequest,
        count_facets: bool,
    ) -> Result<(SearchResults, Option<facets::Counted>)> {
        let (results, counted) = self.search_as_written(request, count_facets)?;
        if results.total_units > 0 || request.query.trim().is_empty() {
            return Ok((results, counted));
        }
        let Some(corrected) = spell::correct(self.core.fields.body, &self.searcher, &request.query)
        else {
            return Ok((results, counted));
        };
        let retry = SearchRequest { query: corrected.clone(), ..request.clone() };
        let (better, better_counted) = self.search_as_written(&retry, count_facets)?;
        if better.total_units == 0 {
            return Ok((results, counted));
        }
        Ok((SearchResults { corrected_query: Some(corrected), ..better }, better_counted))
    }

    /// Runs a search and counts its facets, for the corrected query when the search
    /// corrected the spelling of the one asked for.
    pub(crate) fn search_with_facets(
        &self,
        request: &SearchRequest,
    ) -> Result<(SearchResults, Facets)> {
        let (results, counted) = self.search_counting(request, true)?;
        let counted_for = match &results.corrected_query {
            Some(query) => SearchRequest { query: query.clone(), ..request.clone() },
            None => request.clone(),
        };
        let facets = self.facets_from(&counted_for, counted.unwrap_or_default())?;
        Ok((results, facets))
    }

    /// The numbers of the reviews with at least one unit matching `request` (see
    /// [`numbering::ReviewNumbers`]), without scoring the matches.
    pub(crate) fn matching_set(&self, request: &SearchRequest) -> Result<numbering::ReviewSet> {
        let parsed = query::build(self, request)?;
        let collector = collect::ReviewSetCollector::new(Arc::clone(&self.numbers));
        Ok(self.searcher.search(&parsed.query, &collector)?)
    }

    /// Runs a search for the query as written, in one pass over the matches: their groups by
    /// review, every unit for a flat listing, and the facet counts when asked.
    fn search_as_written(
        &self,
        request: &SearchRequest,
        count_facets: bool,
    ) -> Result<(SearchResults, Option<facets::Counted>)> {
        let max = if request.group_by_review { MAX_PER_PAGE } else { MAX_UNITS_PER_PAGE };
        if request.per_page == 0 || request.per_page > max {
            return Err(Error::BadParameter {
                name: "per_page",
                reason: format!("must be between 1 and {max}"),
            });
        }
        if request.page == 0 {
            return Err(Error::BadParameter { name: "page", reason: "must be 1 or more".into() });
        }
        let searcher = &self.searcher;
        let numbers = Arc::clone(&self.numbers);
        let parsed = query::build(self, request)?;
        let collectors = (
            collect::GroupCollector::new(Arc::clone(&numbers)),
            collect::UnitCollector::new(Arc::clone(&numbers), !request.group_by_review),
            facets::FacetCounter::new(Arc::clone(&numbers), count_facets),
        );
        let (matches, units, counted) = searcher.search(&parsed.query, &collectors)?;
        let browsing = parsed.text_query.is_none();

        let mut groups = matches.groups;
        // Without words every unit scores the same: browsing lists the newest reviews first.
        if request.sort == Sort::Newest || browsing {
            groups.sort_by(|a, b| {
                b.year
                    .cmp(&a.year)
                    .then(b.best_score.total_cmp(&a.best_score))
                    .then(a.review.cmp(&b.review))
            });
        }
        let total_reviews = groups.len();
        let start = (request.page - 1).saturating_mul(request.per_page);
        let shown: Vec<Shown> = if request.group_by_review {
            groups
                .into_iter()
                .skip(start)
                .take(request.per_page)
                .map(|g| Shown { review: g.review, year: g.year, n_hits: g.n_hits, top: g.top })
                .collect()
        } else {
            unit_page(&numbers, units, request, browsing, &groups, start)
        };

        let snippets = snippet::Snippets::new(
            self.core.fields.body,
            searcher,
            parsed.text_query.as_deref(),
            !request.group_by_review,
        );
        // The shown groups' documents and snippets, read on the index's threads (in order).
        let whole = !request.group_by_review;
        let out = searcher
            .index()
            .search_executor()
            .map(|shown| self.review_group(shown, &snippets, whole), shown.into_iter())?;
        let results = SearchResults {
            total_units: matches.total,
            total_reviews,
            groups: out,
            notice: parsed.notice,
            expansions: parsed.expansions,
            corrected_query: None,
        };
        Ok((results, count_facets.then_some(counted)))
    }
    /// One shown review: its hits with their snippets (whole units for a flat listing) and
    /// its record's title, type, board and time added.
    fn review_group(
        &self,
        Shown { review, year, n_hits, top }: Shown,
        snippets: &snippet::Snippets,
        whole: bool,
    ) -> tantivy::Result<ReviewGroup> {
        let f = &self.core.fields;
        let mut hits = Vec::with_capacity(top.len());
        let mut head: Option<TantivyDocument> = None;
        for (score, address) in top {
            let doc: TantivyDocument = self.searcher.doc(address)?;
            if let Some(unit) = self.core.unit_from_doc(&doc) {
                hits.push(Hit {
                    unit_id: stored_text(&doc, f.unit_id).unwrap_or_default(),
                    kind: unit.kind,
                    page: unit.page,
                    page_label: unit.page_label,
                    number: unit.number,
                    section: unit.section,
                    tags: unit.tags,
                    score,
                    snippet: if whole {
                        snippets.whole(&unit.text)
                    } else {
                        snippets.make(&unit.text)
                    },
                });
            }
            head.get_or_insert(doc);
        }
        let stored = |field| {
            head.as_ref()
                .and_then(|d| d.get_first(field))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        Ok(ReviewGroup {
            review,
            title: stored(f.title_stored).unwrap_or_default(),
            review_type: stored(f.review_type),
            board: stored(f.board),
            year,
            added: head
                .as_ref()
                .and_then(|d| d.get_first(f.added))
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
            n_hits,
            hits,
        })
    }
}

/// One page of units in rank order (or, when browsing, newest review first and in page
/// order), for the flat listing; consecutive units of one review are shown together.
fn unit_page(
    numbers: &numbering::ReviewNumbers,
    mut all: Vec<collect::UnitMatch>,
    request: &SearchRequest,
    browsing: bool,
    groups: &[collect::Group],
    start: usize,
) -> Vec<Shown> {
    // By review number: the review's place in `groups` and its year.
    let mut rank = vec![usize::MAX; numbers.len()];
    let mut year_of = vec![None; numbers.len()];
    for (i, g) in groups.iter().enumerate() {
        rank[g.number as usize] = i;
        year_of[g.number as usize] = g.year;
    }
    if browsing || request.sort == Sort::Newest {
        all.sort_unstable_by(|a, b| {
            let (ra, rb) = (rank[a.review as usize], rank[b.review as usize]);
            ra.cmp(&rb).then(a.page.cmp(&b.page)).then(a.address.cmp(&b.address))
        });
    } else {
        all.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.address.cmp(&b.address)));
    }
    let mut shown: Vec<Shown> = Vec::new();
    let mut last_review = None;
    for unit in all.into_iter().skip(start).take(request.per_page) {
        match shown.last_mut() {
            Some(last) if last_review == Some(unit.review) => {
                last.top.push((unit.score, unit.address));
                last.n_hits += 1;
            }
            _ => {
                last_review = Some(unit.review);
                shown.push(Shown {
                    year: year_of[unit.review as usize],
                    review: numbers.id(unit.review).clone(),
                    n_hits: 1,
                    top: vec![(unit.score, unit.address)],
                })
            }
        }
    }
    shown
}

fn stored_text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string)
}

/// The units of one review on the page being built.
struct Shown {
    review: ReviewId,
    year: Option<u16>,
    n_hits: usize,
    top: Vec<(f32, DocAddress)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cache key is an encoding, not `Debug` output: this literal changes only when the
    /// encoding is changed on purpose (and then its version in `cache_key` goes up).
    #[test]
    fn the_cache_key_of_a_request_is_a_fixed_encoding() {
        let request = SearchRequest {
            query: "neglect \"home\"".into(),
            filters: Filters {
                themes: vec!["neglect".into(), "a,b".into()],
                year_from: Some(2019),
                ..Filters::default()
            },
            kinds: vec![UnitKind::Finding],
            sort: Sort::Newest,
            page: 2,
            per_page: 20,
            group_by_review: false,
        };
        assert_eq!(
            request.cache_key(),
            "encoding=16:search request 1;query=14:neglect \"home\";themes=[2]7:neglect,3:a,b,;\
             risks=[0];agencies=[0];types=[0];boards=[0];age_bands=[0];recurrence=[0];\
             year_from=4:2019;year_to=-;added_since=-;kinds=[1]7:finding,;sort=4:date;page#2;\
             per_page#20;group_by_review#0;"
        );
        let mut other = request.clone();
        other.filters.themes = vec!["neglect".into(), "a".into(), "b".into()];
        assert_ne!(request.cache_key(), other.cache_key());
    }
}
