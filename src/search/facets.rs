//! Facet counts: for each theme, risk factor, agency, review type, board, age band and year, the
//! number of matching reviews (not pages).
//!
//! Counts are disjunctive: the counts of a group in which the user has ticked values are
//! computed without that group's own filter, so that ticking "neglect" does not hide the count of
//! "physical abuse" (values within a group are alternatives).

use std::collections::BTreeMap;
use std::hash::{BuildHasher, BuildHasherDefault};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::fast_hash::{FastHasher, FastMap, FastSet};
use super::{Filters, SearchRequest, query};
use crate::error::Result;
use crate::index::SearchIndex;

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

impl SearchIndex {
    /// Counts, for the request's query and filters, the matching reviews per facet value.
    pub fn facets(&self, request: &SearchRequest) -> Result<Facets> {
        let searcher = self.reader.searcher();
        let base = query::build(self, request)?;
        let all = searcher.search(&base.query, &FacetCounter)?;
        let mut facets = Facets { years: all.years(), ..Facets::default() };
        for group in FACET_GROUPS {
            let counts = if group.selected(&request.filters).is_empty() {
                all.group(group)
            } else {
                let mut without = request.clone();
                group.selected_mut(&mut without.filters).clear();
                let parsed = query::build(self, &without)?;
                searcher.search(&parsed.query, &FacetCounter)?.group(group)
            };
            facets.groups.insert(group, counts);
        }
        Ok(facets)
    }
}

impl SearchIndex {
    /// Counts matching reviews per facet value directly under `root` (e.g. `/recurrence`).
    pub(crate) fn count_reviews_under(
        &self,
        request: &SearchRequest,
        root: &str,
    ) -> Result<BTreeMap<String, usize>> {
        let searcher = self.reader.searcher();
        let parsed = query::build(self, request)?;
        let counted = searcher.search(&parsed.query, &FacetCounter)?;
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

/// Reviews and units per facet path and per year. Reviews are known by a 64-bit hash of
/// their id: only their number is wanted, and segments number them differently.
#[derive(Debug, Default)]
struct Counted {
    by_facet: FastMap<String, (FastSet<u64>, usize)>,
    by_year: BTreeMap<u64, (FastSet<u64>, usize)>,
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

struct FacetCounter;

impl Collector for FacetCounter {
    type Fruit = Counted;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacets> {
        let fast = reader.fast_fields();
        Ok(SegmentFacets {
            facets: reader.facet_reader("tags")?,
            review_ids: fast.str("review_id")?,
            years: fast.u64("year").ok(),
            by_ord: Vec::new(),
            by_year: FastMap::default(),
            ords: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counted>) -> tantivy::Result<Counted> {
        let mut out = Counted::default();
        for fruit in fruits {
            for (path, (reviews, n)) in fruit.by_facet {
                let entry = out.by_facet.entry(path).or_default();
                entry.0.extend(reviews);
                entry.1 += n;
            }
            for (year, (reviews, n)) in fruit.by_year {
                let entry = out.by_year.entry(year).or_default();
                entry.0.extend(reviews);
                entry.1 += n;
            }
        }
        Ok(out)
    }
}

struct SegmentFacets {
    facets: FacetReader,
    review_ids: Option<StrColumn>,
    years: Option<Column<u64>>,
    /// By facet ordinal: the reviews and units that carry it.
    by_ord: Vec<Slot>,
    by_year: FastMap<u64, Slot>,
    ords: Vec<u64>,
}

/// The review ordinals and the number of units of one facet value in a segment.
#[derive(Default)]
struct Slot {
    reviews: FastSet<u64>,
    units: usize,
    /// The review counted last: a review's units mostly come one after another, so this
    /// spares most of the set's look-ups.
    last: Option<u64>,
}

impl Slot {
    fn count(&mut self, review: u64) {
        self.units += 1;
        if self.last != Some(review) {
            self.last = Some(review);
            self.reviews.insert(review);
        }
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = Counted;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(ids) = &self.review_ids else { return };
        let Some(review) = ids.term_ords(doc).next() else { return };
        self.ords.clear();
        self.ords.extend(self.facets.facet_ords(doc));
        for &ord in &self.ords {
            let at = ord as usize;
            if at >= self.by_ord.len() {
                self.by_ord.resize_with(at + 1, Slot::default);
            }
            self.by_ord[at].count(review);
        }
        if let Some(year) = self.years.as_ref().and_then(|c| c.first(doc)) {
            self.by_year.entry(year).or_default().count(review);
        }
    }

    fn harvest(self) -> Counted {
        let mut out = Counted::default();
        let Some(ids) = self.review_ids else { return out };
        let used: Vec<(u64, Slot)> = self
            .by_ord
            .into_iter()
            .enumerate()
            .filter(|(_, slot)| slot.units > 0)
            .map(|(ord, slot)| (ord as u64, slot))
            .collect();
        let review_ords = used
            .iter()
            .map(|(_, slot)| slot)
            .chain(self.by_year.values())
            .flat_map(|slot| slot.reviews.iter().copied());
        let names: FastMap<u64, u64> = super::collect::terms_of_ords(ids.dictionary(), review_ords)
            .into_iter()
            .map(|(ord, name)| (ord, review_key(&name)))
            .collect();
        let name_of = |ord: u64| names.get(&ord).copied().unwrap_or(0);
        let facet_names =
            super::collect::terms_of_ords(self.facets.facet_dict(), used.iter().map(|(o, _)| *o));
        for (ord, slot) in used {
            // Facets are stored encoded, with a 0 byte between the steps of the path.
            let Some(encoded) = facet_names.get(&ord) else { continue };
            let Ok(facet) = Facet::from_encoded(encoded.clone().into_bytes()) else { continue };
            let reviews = slot.reviews.into_iter().map(name_of).collect();
            out.by_facet.insert(facet.to_path_string(), (reviews, slot.units));
        }
        for (year, slot) in self.by_year {
            let reviews = slot.reviews.into_iter().map(name_of).collect();
            out.by_year.insert(year, (reviews, slot.units));
        }
        out
    }
}

/// A 64-bit key for a review id (two ids of a national index share one with a probability
/// of about 10^-12).
fn review_key(id: &str) -> u64 {
    BuildHasherDefault::<FastHasher>::default().hash_one(id)
}
