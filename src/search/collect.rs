//! A collector that groups matching units by review.
//!
//! tantivy has no group-by, so this collector reads the `review_id`, `year` and `page` fast
//! fields of every match and keeps, per review, the number of matches, the best score and the
//! few best units. It sees every match, so the review count is exact, and it never loads a
//! stored document: that is left for the units actually shown. Reviews are told apart by their
//! number across the index ([`ReviewNumbers`]), so grouping indexes vectors rather than maps.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::HITS_PER_REVIEW;
use super::numbering::{ReviewNumbers, ReviewSet};
use crate::document::ReviewId;

/// The factor on a unit's score (see [`super::rank`]); 1 for records and older indexes.
fn weight(weights: Option<&Column<f64>>, doc: DocId) -> Score {
    weights.and_then(|c| c.first(doc)).map_or(1.0, |w| w as Score)
}

/// The matches of one review.
#[derive(Debug)]
pub(super) struct Group {
    pub(super) review: ReviewId,
    /// The review's number in [`ReviewNumbers`].
    pub(super) number: u32,
    pub(super) year: Option<u16>,
    pub(super) n_hits: usize,
    pub(super) best_score: Score,
    /// Best units first (by score, then by page).
    pub(super) top: Vec<(Score, DocAddress)>,
}

/// The matches of one review in one segment.
#[derive(Debug)]
pub(super) struct SegmentGroup {
    number: u32,
    year: Option<u16>,
    n_hits: usize,
    best_score: Score,
    top: Vec<(Score, DocAddress)>,
    top_pages: Vec<u64>,
}

/// Every group, best first, and the number of matching units.
#[derive(Debug)]
pub(super) struct Grouped {
    pub(super) total: usize,
    pub(super) groups: Vec<Group>,
}

/// Groups the matches by review: reviews are told apart by their number across the index, so
/// grouping is indexing into vectors, and each review's id is looked up once.
pub(super) struct GroupCollector {
    numbers: Arc<ReviewNumbers>,
}

impl GroupCollector {
    pub(super) fn new(numbers: Arc<ReviewNumbers>) -> GroupCollector {
        GroupCollector { numbers }
    }
}

impl Collector for GroupCollector {
    type Fruit = Grouped;
    type Child = SegmentGroups;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentGroups> {
        let fast = reader.fast_fields();
        Ok(SegmentGroups {
            segment_ord,
            numbers: Arc::clone(&self.numbers),
            review_ids: fast.str("review_id")?,
            years: fast.u64("year").ok(),
            pages: fast.u64("page").ok(),
            weights: fast.f64("weight").ok(),
            by_ord: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<SegmentGroup>>) -> tantivy::Result<Grouped> {
        let mut merged: Vec<Option<SegmentGroup>> = Vec::new();
        let mut total = 0;
        for group in fruits.into_iter().flatten() {
            total += group.n_hits;
            let at = group.number as usize;
            if at >= merged.len() {
                merged.resize_with(at + 1, || None);
            }
            match &mut merged[at] {
                Some(existing) => existing.absorb(group),
                slot @ None => *slot = Some(group),
            }
        }
        let mut groups: Vec<Group> = merged
            .into_iter()
            .flatten()
            .map(|g| Group {
                review: self.numbers.id(g.number).clone(),
                number: g.number,
                year: g.year,
                n_hits: g.n_hits,
                best_score: g.best_score,
                top: g.top,
            })
            .collect();
        groups.sort_by(|a, b| {
            b.best_score
                .total_cmp(&a.best_score)
                .then_with(|| b.year.cmp(&a.year))
                .then_with(|| a.review.cmp(&b.review))
        });
        Ok(Grouped { total, groups })
    }
}

pub(super) struct SegmentGroups {
    segment_ord: SegmentOrdinal,
    numbers: Arc<ReviewNumbers>,
    review_ids: Option<StrColumn>,
    years: Option<Column<u64>>,
    pages: Option<Column<u64>>,
    weights: Option<Column<f64>>,
    /// By review ordinal (dense in a segment): the review's matches.
    by_ord: Vec<Option<SegmentGroup>>,
}

impl SegmentCollector for SegmentGroups {
    type Fruit = Vec<SegmentGroup>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let Some(ids) = &self.review_ids else { return };
        let Some(ord) = ids.term_ords(doc).next() else { return };
        let page = self.pages.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        let score = score * weight(self.weights.as_ref(), doc);
        let address = DocAddress::new(self.segment_ord, doc);
        let at = ord as usize;
        if at >= self.by_ord.len() {
            self.by_ord.resize_with(at + 1, || None);
        }
        match &mut self.by_ord[at] {
            Some(group) => group.push(score, address, page),
            slot @ None => {
                let Some(&number) = self.numbers.segment(self.segment_ord).get(at) else {
                    return;
                };
                let year = self
                    .years
                    .as_ref()
                    .and_then(|c| c.first(doc))
                    .and_then(|y| u16::try_from(y).ok());
                *slot = Some(SegmentGroup {
                    number,
                    year,
                    n_hits: 1,
                    best_score: score,
                    top: vec![(score, address)],
                    top_pages: vec![page],
                });
            }
        }
    }

    fn harvest(self) -> Vec<SegmentGroup> {
        let valid = self.numbers.len() as u32;
        self.by_ord.into_iter().flatten().filter(|g| g.number < valid).collect()
    }
}

impl SegmentGroup {
    fn push(&mut self, score: Score, address: DocAddress, page: u64) {
        self.n_hits += 1;
        self.best_score = self.best_score.max(score);
        // Keep the best units: higher score first, then earlier page.
        let pos = self
            .top
            .iter()
            .zip(&self.top_pages)
            .position(|((s, _), p)| score > *s || (score == *s && page < *p))
            .unwrap_or(self.top.len());
        if pos < HITS_PER_REVIEW {
            self.top.insert(pos, (score, address));
            self.top_pages.insert(pos, page);
            self.top.truncate(HITS_PER_REVIEW);
            self.top_pages.truncate(HITS_PER_REVIEW);
        }
    }

    fn absorb(&mut self, other: SegmentGroup) {
        let n = self.n_hits + other.n_hits;
        for ((score, address), page) in other.top.into_iter().zip(other.top_pages) {
            self.push(score, address, page);
        }
        // `push` counted the absorbed units once more each; set the true total.
        self.n_hits = n;
        self.year = self.year.or(other.year);
    }
}

/// One matching unit, for flat listings.
#[derive(Debug)]
pub(super) struct UnitMatch {
    /// The review's number in [`ReviewNumbers`].
    pub(super) review: u32,
    pub(super) page: u64,
    pub(super) score: Score,
    pub(super) address: DocAddress,
}

/// Collects every match with its review and page, for flat listings (nothing when not
/// `enabled`, so that it can ride along in a tuple of collectors).
pub(super) struct UnitCollector {
    numbers: Arc<ReviewNumbers>,
    enabled: bool,
}

impl UnitCollector {
    pub(super) fn new(numbers: Arc<ReviewNumbers>, enabled: bool) -> UnitCollector {
        UnitCollector { numbers, enabled }
    }
}

impl Collector for UnitCollector {
    type Fruit = Vec<UnitMatch>;
    type Child = SegmentUnits;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentUnits> {
        let fast = reader.fast_fields();
        Ok(SegmentUnits {
            segment_ord,
            enabled: self.enabled,
            numbers: Arc::clone(&self.numbers),
            review_ids: fast.str("review_id")?,
            pages: fast.u64("page").ok(),
            weights: fast.f64("weight").ok(),
            matches: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<UnitMatch>>) -> tantivy::Result<Vec<UnitMatch>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

pub(super) struct SegmentUnits {
    segment_ord: SegmentOrdinal,
    enabled: bool,
    numbers: Arc<ReviewNumbers>,
    review_ids: Option<StrColumn>,
    pages: Option<Column<u64>>,
    weights: Option<Column<f64>>,
    matches: Vec<UnitMatch>,
}

impl SegmentCollector for SegmentUnits {
    type Fruit = Vec<UnitMatch>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if !self.enabled {
            return;
        }
        let of_ord = self.numbers.segment(self.segment_ord);
        let Some(review) = ReviewNumbers::of_doc(of_ord, self.review_ids.as_ref(), doc) else {
            return;
        };
        let page = self.pages.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        let score = score * weight(self.weights.as_ref(), doc);
        let address = DocAddress::new(self.segment_ord, doc);
        self.matches.push(UnitMatch { review, page, score, address });
    }

    fn harvest(self) -> Vec<UnitMatch> {
        self.matches
    }
}

/// The terms of a set of ordinals of a dictionary, read in one pass in ordinal order: each
/// block of the dictionary is decompressed once, not once per look-up.
pub(super) fn terms_of_ords(
    dictionary: &tantivy::columnar::Dictionary,
    ords: impl Iterator<Item = u64>,
) -> HashMap<u64, String> {
    let mut ords: Vec<u64> = ords.collect();
    ords.sort_unstable();
    ords.dedup();
    let mut terms = Vec::with_capacity(ords.len());
    let found = dictionary.sorted_ords_to_term_cb(&ords, |bytes| {
        terms.push(String::from_utf8_lossy(bytes).into_owned());
    });
    if found.is_err() {
        return HashMap::new();
    }
    ords.into_iter().zip(terms).collect()
}

/// The reviews with at least one match, as a set of their numbers: no scores, no top units,
/// for what needs only which reviews match (the themes dashboard's selection).
pub(super) struct ReviewSetCollector {
    numbers: Arc<ReviewNumbers>,
}

impl ReviewSetCollector {
    pub(super) fn new(numbers: Arc<ReviewNumbers>) -> ReviewSetCollector {
        ReviewSetCollector { numbers }
    }
}

impl Collector for ReviewSetCollector {
    type Fruit = ReviewSet;
    type Child = SegmentReviewSet;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentReviewSet> {
        Ok(SegmentReviewSet {
            numbers: Arc::clone(&self.numbers),
            segment_ord,
            review_ids: reader.fast_fields().str("review_id")?,
            set: ReviewSet::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<ReviewSet>) -> tantivy::Result<ReviewSet> {
        let mut out = ReviewSet::default();
        for fruit in &fruits {
            out.union_with(fruit);
        }
        Ok(out)
    }
}

pub(super) struct SegmentReviewSet {
    numbers: Arc<ReviewNumbers>,
    segment_ord: SegmentOrdinal,
    review_ids: Option<StrColumn>,
    set: ReviewSet,
}

impl SegmentCollector for SegmentReviewSet {
    type Fruit = ReviewSet;

    fn collect(&mut self, doc: DocId, _: Score) {
        let of_ord = self.numbers.segment(self.segment_ord);
        if let Some(number) = ReviewNumbers::of_doc(of_ord, self.review_ids.as_ref(), doc) {
            self.set.insert(number);
        }
    }

    fn harvest(self) -> ReviewSet {
        self.set
    }
}
