//! Facet counts: for each theme, risk factor, agency, review type, board, age band and year, the
//! number of matching reviews (not pages).
//!
//! Counts are disjunctive: the counts of a group in which the user has ticked values are
//! computed without that group's own filter, so that ticking "neglect" does not hide the count of
//! "physical abuse" (values within a group are alternatives).

use std::collections::BTreeMap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::Searching;
use super::numbering::{ReviewNumbers, ReviewSet};
use super::{Filters, SearchRequest, query};
use crate::error::Result;
// Facet paths and years read from the index, not chosen by a visitor: FxHash, not the standard
// library's flood-resistant hasher, which was a quarter of a search's time on a national index.
use rustc_hash::FxHashMap;

/// The facet groups, with their root in the `tags` field.
pub const FACET_GROUPS: [FacetGroup; 6] = [
    FacetGroup::Theme,
    FacetGroup::Risk,
    FacetGroup::Agency,
    FacetGroup::Type,
    FacetGroup::Board,
    FacetGroup::Age,
];

/// A group of facet values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetGroup {
    /// Themes (harm types and practice themes).
    Theme,
    /// Risk and vulnerability factors.
    Risk,
    /// Agencies recommendations are addressed to.
    Agency,
    /// Review types.
    Type,
    /// Boards.
    Board,
    /// Subject age bands.
    Age,
}

impl FacetGroup {
    /// The URL parameter of the group (`theme`, `risk`, …).
    pub fn param(self) -> &'static str {
        match self {
            FacetGroup::Theme => "theme",
            FacetGroup::Risk => "risk",
            FacetGroup::Agency => "agency",
            FacetGroup::Type => "type",
            FacetGroup::Board => "board",
            FacetGroup::Age => "age",
        }
    }

    fn root(self) -> &'static str {
        match self {
            FacetGroup::Theme => "/theme",
            FacetGroup::Risk => "/risk",
            FacetGroup::Agency => "/agency",
            FacetGroup::Type => "/type",
            FacetGroup::Board => "/board",
            FacetGroup::Age => "/age",
        }
    }

    /// The values of this group selected in `filters`.
    pub fn selected(self, filters: &Filters) -> &[String] {
        match self {
            FacetGroup::Theme => &filters.themes,
            FacetGroup::Risk => &filters.risks,
            FacetGroup::Agency => &filters.agencies,
            FacetGroup::Type => &filters.types,
            FacetGroup::Board => &filters.boards,
            FacetGroup::Age => &filters.age_bands,
        }
    }

    fn selected_mut(self, filters: &mut Filters) -> &mut Vec<String> {
        match self {
            FacetGroup::Theme => &mut filters.themes,
            FacetGroup::Risk => &mut filters.risks,
            FacetGroup::Agency => &mut filters.agencies,
            FacetGroup::Type => &mut filters.types,
            FacetGroup::Board => &mut filters.boards,
            FacetGroup::Age => &mut filters.age_bands,
        }
    }
}

/// One facet value and how many matching reviews and units carry it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount {
    /// The value's id (`neglect`, `thrandale_scp`, `2019`).
    pub value: String,
    /// Matching reviews with the value.
    pub n_reviews: usize,
    /// Matching units with the value.
    pub n_units: usize,
}

/// Facet counts of a search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// Counts per group, most reviews first.
    pub groups: BTreeMap<FacetGroup, Vec<FacetCount>>,
    /// Matching reviews per year of publication, oldest first.
    pub years: Vec<FacetCount>,
}

impl Searching<'_> {
    /// Counts, for the request's query and filters, the matching reviews per facet value.
    pub(crate) fn facets(&self, request: &SearchRequest) -> Result<Facets> {
        let searcher = &self.searcher;
        let counter = FacetCounter::new(std::sync::Arc::clone(&self.numbers), true);
        let base = query::build(self, request)?;
        let all = searcher.search(&base.query, &counter)?;
        self.facets_from(request, all)
    }

    /// The facets of `request` from the counts of its matches: a group with values selected
    /// is counted again without them.
    pub(super) fn facets_from(&self, request: &SearchRequest, all: Counted) -> Result<Facets> {
        let mut facets = Facets { years: all.years(), ..Facets::default() };
        let searcher = &self.searcher;
        let counter = FacetCounter::new(std::sync::Arc::clone(&self.numbers), true);
        for group in FACET_GROUPS {
            let counts = if group.selected(&request.filters).is_empty() {
                all.group(group)
            } else {
                let mut without = request.clone();
                group.selected_mut(&mut without.filters).clear();
                let parsed = query::build(self, &without)?;
                searcher.search(&parsed.query, &counter)?.group(group)
            };
            facets.groups.insert(group, counts);
        }
        Ok(facets)
    }
}

impl Searching<'_> {
    /// Counts matching reviews per facet value directly under `root` (e.g. `/recurrence`).
    pub(crate) fn count_reviews_under(
        &self,
        request: &SearchRequest,
        root: &str,
    ) -> Result<BTreeMap<String, usize>> {
        let searcher = &self.searcher;
        let counter = FacetCounter::new(std::sync::Arc::clone(&self.numbers), true);
        let parsed = query::build(self, request)?;
        let counted = searcher.search(&parsed.query, &counter)?;
        let prefix = format!("{root}/");
        Ok(counted
            .by_facet
            .iter()
            .filter_map(|(path, (reviews, _))| {
                Some((path.strip_prefix(&prefix)?.to_string(), reviews.len()))
            })
            .collect())
    }
}

/// Reviews and units per facet path and per year. Reviews are known by their number across
/// the index ([`ReviewNumbers`]): only how many there are is wanted.
#[derive(Debug, Default)]
pub(super) struct Counted {
    by_facet: FxHashMap<String, (ReviewSet, usize)>,
    by_year: BTreeMap<u64, (ReviewSet, usize)>,
}

impl Counted {
    fn group(&self, group: FacetGroup) -> Vec<FacetCount> {
        let prefix = format!("{}/", group.root());
        let mut out: Vec<FacetCount> = self
            .by_facet
            .iter()
            .filter_map(|(path, (reviews, n_units))| {
                let value = path.strip_prefix(&prefix)?;
                (!value.contains('/')).then(|| FacetCount {
                    value: value.to_string(),
                    n_reviews: reviews.len(),
                    n_units: *n_units,
                })
            })
            .collect();
        out.sort_by(|a, b| {
            b.n_reviews
                .cmp(&a.n_reviews)
                .then(b.n_units.cmp(&a.n_units))
                .then(a.value.cmp(&b.value))
        });
        out
    }

    fn years(&self) -> Vec<FacetCount> {
        self.by_year
            .iter()
            .map(|(year, (reviews, n_units))| FacetCount {
                value: year.to_string(),
                n_reviews: reviews.len(),
                n_units: *n_units,
            })
            .collect()
    }
}

/// Counts reviews and units per facet value (nothing when not `enabled`, so that it can ride
/// along in a tuple of collectors).
pub(super) struct FacetCounter {
    numbers: Arc<ReviewNumbers>,
    enabled: bool,
}

impl FacetCounter {
    pub(super) fn new(numbers: Arc<ReviewNumbers>, enabled: bool) -> FacetCounter {
        FacetCounter { numbers, enabled }
    }
}

impl Collector for FacetCounter {
    type Fruit = Counted;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacets> {
        let fast = reader.fast_fields();
        Ok(SegmentFacets {
            facets: reader.facet_reader("tags")?,
            review_ids: fast.str("review_id")?,
            numbers: Arc::clone(&self.numbers),
            segment_ord,
            enabled: self.enabled,
            years: fast.u64("year").ok(),
            by_ord: Vec::new(),
            by_year: FxHashMap::default(),
            ords: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counted>) -> tantivy::Result<Counted> {
        let mut fruits = fruits.into_iter();
        let mut out = fruits.next().unwrap_or_default();
        for fruit in fruits {
            for (path, (reviews, n)) in fruit.by_facet {
                let entry = out.by_facet.entry(path).or_default();
                entry.0.union_with(&reviews);
                entry.1 += n;
            }
            for (year, (reviews, n)) in fruit.by_year {
                let entry = out.by_year.entry(year).or_default();
                entry.0.union_with(&reviews);
                entry.1 += n;
            }
        }
        Ok(out)
    }
}

pub(super) struct SegmentFacets {
    enabled: bool,
    facets: FacetReader,
    review_ids: Option<StrColumn>,
    numbers: Arc<ReviewNumbers>,
    segment_ord: SegmentOrdinal,
    years: Option<Column<u64>>,
    /// By facet ordinal: the reviews and units that carry it.
    by_ord: Vec<Slot>,
    by_year: FxHashMap<u64, Slot>,
    ords: Vec<u64>,
}

/// The reviews and the number of units of one facet value in a segment.
#[derive(Default)]
struct Slot {
    reviews: ReviewSet,
    units: usize,
}

impl SegmentCollector for SegmentFacets {
    type Fruit = Counted;

    fn collect(&mut self, doc: DocId, _: Score) {
        if !self.enabled {
            return;
        }
        let of_ord = self.numbers.segment(self.segment_ord);
        let Some(review) = ReviewNumbers::of_doc(of_ord, self.review_ids.as_ref(), doc) else {
            return;
        };
        // The same review published twice is one review.
        let counted_as = self.numbers.counted_as(review);
        self.ords.clear();
        self.ords.extend(self.facets.facet_ords(doc));
        for &ord in &self.ords {
            let at = ord as usize;
            if at >= self.by_ord.len() {
                self.by_ord.resize_with(at + 1, Slot::default);
            }
            let slot = &mut self.by_ord[at];
            slot.units += 1;
            slot.reviews.insert(counted_as);
        }
        if let Some(year) = self.years.as_ref().and_then(|c| c.first(doc)) {
            let slot = self.by_year.entry(year).or_default();
            slot.units += 1;
            slot.reviews.insert(counted_as);
        }
    }

    fn harvest(self) -> Counted {
        let mut out = Counted::default();
        let used: Vec<(u64, Slot)> = self
            .by_ord
            .into_iter()
            .enumerate()
            .filter(|(_, slot)| slot.units > 0)
            .map(|(ord, slot)| (ord as u64, slot))
            .collect();
        let facet_names =
            super::collect::terms_of_ords(self.facets.facet_dict(), used.iter().map(|(o, _)| *o));
        for (ord, slot) in used {
            // Facets are stored encoded, with a 0 byte between the steps of the path.
            let Some(encoded) = facet_names.get(&ord) else { continue };
            let Ok(facet) = Facet::from_encoded(encoded.clone().into_bytes()) else { continue };
            out.by_facet.insert(facet.to_path_string(), (slot.reviews, slot.units));
        }
        for (year, slot) in self.by_year {
            out.by_year.insert(year, (slot.reviews, slot.units));
        }
        out
    }
}
