//! What a search asks for: the words, the filters, the order and the page.

use crate::document::UnitKind;
use crate::error::{Error, Result};

/// The largest page of review groups a caller may ask for.
pub const MAX_PER_PAGE: usize = 100;
/// The largest page of units a caller may ask for, in a flat listing.
pub const MAX_UNITS_PER_PAGE: usize = 1000;
/// How many matching units of one review are shown under it.
pub const HITS_PER_REVIEW: usize = 3;

/// What the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchRequest {
    /// The query as typed: words, "phrases", OR, -exclusions, `title:` and `board:` prefixes.
    pub query: String,
    /// Facet and range filters.
    pub filters: Filters,
    /// Only units of these kinds; empty means every kind.
    pub kinds: Vec<UnitKind>,
    /// Order of the review groups.
    pub sort: Sort,
    /// 1-based page of review groups.
    pub page: usize,
    /// Review groups (or units, in a flat listing) per page, at most [`MAX_PER_PAGE`] (or
    /// [`MAX_UNITS_PER_PAGE`]).
    pub per_page: usize,
    /// Group matching units by review (the search page), or list units one by one (the
    /// recommendations view, `--kind recommendation --limit 1000`).
    pub group_by_review: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            filters: Filters::default(),
            kinds: Vec::new(),
            sort: Sort::Relevance,
            page: 1,
            per_page: 10,
            group_by_review: true,
        }
    }
}

impl SearchRequest {
    /// A request for `query` with no filters, first page.
    pub fn new(query: &str) -> SearchRequest {
        SearchRequest { query: query.to_string(), ..SearchRequest::default() }
    }

    /// The request as a key of the result cache: every field, in a fixed encoding (see
    /// [`crate::encode`]), so that two requests share a key only when they are equal.
    pub fn cache_key(&self) -> String {
        let SearchRequest { query, filters, kinds, sort, page, per_page, group_by_review } = self;
        let Filters {
            themes,
            risks,
            agencies,
            types,
            boards,
            age_bands,
            recurrence,
            year_from,
            year_to,
            added_since,
        } = filters;
        let mut key = crate::encode::Encoder::new("search request 1");
        key.field("query", query)
            .list("themes", themes)
            .list("risks", risks)
            .list("agencies", agencies)
            .list("types", types)
            .list("boards", boards)
            .list("age_bands", age_bands)
            .list("recurrence", recurrence)
            .optional("year_from", year_from.map(|y| y.to_string()).as_deref())
            .optional("year_to", year_to.map(|y| y.to_string()).as_deref())
            .optional("added_since", added_since.map(|t| t.to_string()).as_deref())
            .list("kinds", kinds.iter().map(|k| k.as_str()))
            .field("sort", sort.as_str())
            .number("page", *page as u64)
            .number("per_page", *per_page as u64)
            .number("group_by_review", u64::from(*group_by_review));
        key.finish()
    }
}

/// Filters on facets and years. Values within one list are alternatives (OR); lists are
/// combined with AND.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Theme ids.
    pub themes: Vec<String>,
    /// Risk factor ids.
    pub risks: Vec<String>,
    /// Agency ids.
    pub agencies: Vec<String>,
    /// Review type ids.
    pub types: Vec<String>,
    /// Board ids.
    pub boards: Vec<String>,
    /// Subject age band ids.
    pub age_bands: Vec<String>,
    /// Groups of recommendations made in several reviews (see [`crate::recurrence`]).
    pub recurrence: Vec<String>,
    /// First year of publication, inclusive.
    pub year_from: Option<u16>,
    /// Last year of publication, inclusive.
    pub year_to: Option<u16>,
    /// Only reviews that entered the index at or after this time (milliseconds since the Unix
    /// epoch; see [`crate::ReviewGroup::added`]).
    pub added_since: Option<u64>,
}

impl Filters {
    /// Returns true when no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// Order of results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Most recently published first.
    Newest,
}

impl Sort {
    /// Parses `relevance` or `date`/`newest`.
    pub fn parse(s: &str) -> Result<Sort> {
        match s {
            "" | "relevance" => Ok(Sort::Relevance),
            "date" | "newest" => Ok(Sort::Newest),
            other => Err(Error::BadParameter {
                name: "sort",
                reason: format!("unknown order {other:?}; expected relevance or date"),
            }),
        }
    }

    /// The name used in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "date",
        }
    }
}
