//! Recurring themes across reviews: the figures of the themes dashboard.
//!
//! Everything here counts *reviews*, never pages: a review counts for a theme or risk factor
//! when its profile does (the rule is in [`crate::profile`], "how we count"). The reviews
//! analysed are those a search selects:
//!
//! - its filters apply to the reviews themselves: type, board, age band and years from their
//!   metadata; themes, risk factors and agencies from their profiles ("reviews about neglect",
//!   not "reviews with a page that mentions neglect"); groups of recurring recommendations are
//!   not a property of a review and are ignored;
//! - its words, when there are any, keep the reviews with at least one unit matching them, of
//!   the kinds asked for.
//!
//! Counting from the profiles held in memory keeps every figure a plain count over a list of
//! reviews, which the tests check by brute force against the units.

use std::collections::{BTreeMap, HashSet};

use rustc_hash::FxHashMap;

use crate::document::{ReviewId, UnitKind};
use crate::error::Result;
use crate::search::{Filters, SearchRequest};
use crate::search_index::SearchIndex;
use crate::taxonomy::Tag;

/// Themes and risk factors shown in the co-occurrence matrix: the most frequent ones.
pub const MATRIX_SIZE: usize = 12;

/// How to split the counts of each theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SplitBy {
    /// By review type (`scr`, `lcspr`, `sar`, …).
    #[default]
    Type,
    /// By board id.
    Board,
    /// By the subject's age band.
    Age,
}

impl SplitBy {
    /// Parses `type`, `board` or `age`.
    pub fn parse(s: &str) -> Option<SplitBy> {
        match s {
            "type" => Some(SplitBy::Type),
            "board" => Some(SplitBy::Board),
            "age" => Some(SplitBy::Age),
            _ => None,
        }
    }

    /// The name [`SplitBy::parse`] reads, which is also the search parameter it filters on.
    pub fn as_str(self) -> &'static str {
        match self {
            SplitBy::Type => "type",
            SplitBy::Board => "board",
            SplitBy::Age => "age",
        }
    }
}

/// The figures for one selection of reviews.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ThemeReport {
    /// Reviews selected.
    pub n_reviews: usize,
    /// Each theme and risk factor that at least one selected review counts for, most frequent
    /// first.
    pub entries: Vec<ThemeCount>,
    /// Selected reviews per year of publication (reviews without a year are left out).
    pub reviews_per_year: BTreeMap<u16, usize>,
    /// How the selected reviews split (by [`SplitBy`]): value → reviews.
    pub split_totals: BTreeMap<String, usize>,
    /// Pairs of the [`MATRIX_SIZE`] most frequent entries, each pair once (`a` < `b` in the
    /// order of `entries`).
    pub pairs: Vec<Pair>,
    /// The recommendations made in more than one selected review, most often made first, at
    /// most [`RECURRENT_SIZE`].
    pub recurrent: Vec<Recurrent>,
}

/// Groups of recurring recommendations listed.
pub const RECURRENT_SIZE: usize = 10;

/// A recommendation made, in near-identical words, in several of the selected reviews.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recurrent {
    /// The group id (the `recurrence` search filter).
    pub group: String,
    /// Selected reviews that made it.
    pub n_reviews: usize,
    /// The words of one of them, from the most recent review (its first paragraph).
    pub example: String,
}

/// How many selected reviews count for one theme or risk factor.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ThemeCount {
    /// Facet path (`/theme/neglect`, `/risk/domestic_abuse`).
    pub path: String,
    /// Selected reviews that count for it.
    pub n_reviews: usize,
    /// `n_reviews` as a share of the selected reviews, from 0 to 1.
    pub share: f64,
    /// Reviews that count for it, by year of publication.
    pub by_year: BTreeMap<u16, usize>,
    /// Reviews that count for it, by the split value.
    pub by_split: BTreeMap<String, usize>,
}

/// Two entries that occur in the same reviews.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pair {
    /// Facet path of the first entry.
    pub a: String,
    /// Facet path of the second entry.
    pub b: String,
    /// Selected reviews that count for both.
    pub n_both: usize,
    /// How much more often they occur together than if they were independent: the share with
    /// both divided by the product of the shares with each (1 is chance).
    pub lift: f64,
}

impl SearchIndex {
    /// Counts themes and risk factors over the reviews `request` selects (see the module
    /// documentation); paging, order and grouping of the request do not matter.
    pub fn themes(&self, request: &SearchRequest, split: SplitBy) -> Result<ThemeReport> {
        let summary = self.summary()?;
        let groups = self.duplicates()?;
        let selected = self.selected_reviews(request)?;
        let reviews: Vec<(Option<u16>, Option<String>, Vec<&str>)> = summary
            .profiles
            .iter()
            .filter(|(review, _)| selected.contains(&review.id))
            .map(|(review, tags)| {
                let split_value = match split {
                    SplitBy::Type => review.review_type.as_ref().map(|t| t.value.clone()),
                    SplitBy::Board => review.board_id.clone(),
                    SplitBy::Age => review.age_band.as_ref().map(|a| a.value.clone()),
                };
                let mut themes: Vec<&str> =
                    tags.iter().map(String::as_str).filter(|t| Tag::is_subject_path(t)).collect();
                themes.sort_unstable();
                themes.dedup();
                (review.year(), split_value, themes)
            })
            .collect();
        let mut report = count(&reviews);
        report.recurrent = recurrent(&summary.recurring, &selected, &summary.profiles, &groups);
        Ok(report)
    }

    /// The reviews `request` selects (as [`SearchIndex::themes`] does) that count for every
    /// one of `tags` (facet paths), newest first: the reviews behind one figure of the
    /// dashboard, whose evidence [`SearchIndex::evidence`] gives.
    pub fn counted_reviews(
        &self,
        request: &SearchRequest,
        tags: &[String],
    ) -> Result<Vec<crate::document::Review>> {
        let summary = self.summary()?;
        let selected = self.selected_reviews(request)?;
        let mut out: Vec<crate::document::Review> = summary
            .profiles
            .iter()
            .filter(|(review, profile)| {
                selected.contains(&review.id) && tags.iter().all(|t| profile.contains(t))
            })
            .map(|(review, _)| review.clone())
            .collect();
        let published = |r: &crate::document::Review| r.published.as_ref().map(|p| p.value.clone());
        out.sort_by_cached_key(|r| {
            (std::cmp::Reverse(published(r)), r.title.value.clone(), r.id.clone())
        });
        Ok(out)
    }

    /// The ids of the reviews a request selects: the main document of each, for a review
    /// published more than once (see [`crate::duplicates`]), so that it counts once.
    fn selected_reviews(&self, request: &SearchRequest) -> Result<HashSet<ReviewId>> {
        let groups = self.duplicates()?;
        let selected = self.selected_documents(request)?;
        Ok(selected.iter().map(|id| groups.main(id).clone()).collect())
    }

    /// The ids of the documents a request selects: its filters on the review records, and
    /// its words on any unit, each as a set of review numbers.
    fn selected_documents(&self, request: &SearchRequest) -> Result<HashSet<ReviewId>> {
        let records = SearchRequest {
            filters: Filters { recurrence: Vec::new(), ..request.filters.clone() },
            kinds: vec![UnitKind::Review],
            ..SearchRequest::default()
        };
        let searching = self.searching()?;
        let mut selected = searching.matching_set(&records)?;
        if !request.query.trim().is_empty() {
            let words = SearchRequest {
                query: request.query.clone(),
                kinds: request.kinds.clone(),
                ..SearchRequest::default()
            };
            selected.intersect_with(&searching.matching_set(&words)?);
        }
        Ok(selected.iter().map(|n| searching.numbers.id(n).clone()).collect())
    }
}

/// The groups of recurring recommendations made in more than one selected review.
fn recurrent(
    recurring: &BTreeMap<String, Vec<(ReviewId, String)>>,
    selected: &HashSet<ReviewId>,
    profiles: &[(crate::document::Review, Vec<String>)],
    groups: &crate::duplicates::Groups,
) -> Vec<Recurrent> {
    let years: std::collections::HashMap<&ReviewId, u16> =
        profiles.iter().filter_map(|(r, _)| Some((&r.id, r.year()?))).collect();
    let year_of = |id: &ReviewId| years.get(id).copied().unwrap_or(0);
    let mut out: Vec<Recurrent> = recurring
        .iter()
        .filter_map(|(group, made)| {
            let made: Vec<&(ReviewId, String)> =
                made.iter().filter(|(id, _)| selected.contains(groups.main(id))).collect();
            // A recommendation restated in an executive summary is the same review's.
            let reviews: HashSet<&ReviewId> = made.iter().map(|(id, _)| groups.main(id)).collect();
            let (_, example) = made.iter().max_by_key(|(id, _)| (year_of(id), id.clone()))?;
            (reviews.len() >= 2).then(|| Recurrent {
                group: group.clone(),
                n_reviews: reviews.len(),
                example: example.split("\n\n").next().unwrap_or(example).trim().to_string(),
            })
        })
        .collect();
    out.sort_by(|a, b| b.n_reviews.cmp(&a.n_reviews).then_with(|| a.group.cmp(&b.group)));
    out.truncate(RECURRENT_SIZE);
    out
}

/// The figures for reviews given as (year, split value, themes and risks).
///
/// One pass over the reviews counts every entry (looked up by hash, not compared as strings in
/// a tree); a second counts the pairs of the most frequent entries from each review's own
/// short list of them, so that the matrix costs reviews × (entries per review)², not
/// reviews × pairs lookups.
fn count(reviews: &[(Option<u16>, Option<String>, Vec<&str>)]) -> ThemeReport {
    let n_reviews = reviews.len();
    let mut report = ThemeReport { n_reviews, ..ThemeReport::default() };
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    let mut entries: Vec<ThemeCount> = Vec::new();
    // Split values (a type, board or age band) numbered once each; each entry counts by number.
    let mut splits: FxHashMap<&str, usize> = FxHashMap::default();
    let mut totals: Vec<usize> = Vec::new();
    let mut by_split: Vec<Vec<usize>> = Vec::new();
    for (year, split, themes) in reviews {
        if let Some(year) = year {
            *report.reviews_per_year.entry(*year).or_default() += 1;
        }
        let split = split.as_deref().map(|split| {
            let n = splits.len();
            let n = *splits.entry(split).or_insert(n);
            if n == totals.len() {
                totals.push(0);
            }
            totals[n] += 1;
            n
        });
        for &theme in themes {
            let at = *index.entry(theme).or_insert_with(|| {
                entries.push(ThemeCount { path: theme.to_string(), ..ThemeCount::default() });
                by_split.push(Vec::new());
                entries.len() - 1
            });
            let entry = &mut entries[at];
            entry.n_reviews += 1;
            if let Some(year) = year {
                *entry.by_year.entry(*year).or_default() += 1;
            }
            if let Some(split) = split {
                let counts = &mut by_split[at];
                if counts.len() <= split {
                    counts.resize(split + 1, 0);
                }
                counts[split] += 1;
            }
        }
    }
    for (split, &n) in &splits {
        report.split_totals.insert((*split).to_string(), totals[n]);
    }
    for (entry, counts) in entries.iter_mut().zip(&by_split) {
        for (split, &n) in &splits {
            if let Some(&count) = counts.get(n).filter(|&&c| c > 0) {
                entry.by_split.insert((*split).to_string(), count);
            }
        }
    }
    for entry in &mut entries {
        entry.share = entry.n_reviews as f64 / n_reviews.max(1) as f64;
    }
    entries.sort_by(|a, b| b.n_reviews.cmp(&a.n_reviews).then_with(|| a.path.cmp(&b.path)));
    let top = entries.len().min(MATRIX_SIZE);
    let rank: FxHashMap<&str, usize> =
        entries[..top].iter().enumerate().map(|(i, e)| (e.path.as_str(), i)).collect();
    let mut n_both = vec![0usize; top * top];
    let mut mine: Vec<usize> = Vec::with_capacity(top);
    for (_, _, themes) in reviews {
        mine.clear();
        mine.extend(themes.iter().filter_map(|t| rank.get(t).copied()));
        for (k, &i) in mine.iter().enumerate() {
            for &j in &mine[k + 1..] {
                let (i, j) = if i < j { (i, j) } else { (j, i) };
                n_both[i * top + j] += 1;
            }
        }
    }
    for i in 0..top {
        for j in i + 1..top {
            let (a, b) = (&entries[i], &entries[j]);
            let n_both = n_both[i * top + j];
            let lift = n_both as f64 * n_reviews as f64 / (a.n_reviews * b.n_reviews) as f64;
            report.pairs.push(Pair { a: a.path.clone(), b: b.path.clone(), n_both, lift });
        }
    }
    report.entries = entries;
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(
        year: u16,
        split: &str,
        themes: &[&'static str],
    ) -> (Option<u16>, Option<String>, Vec<&'static str>) {
        (Some(year), Some(split.to_string()), themes.to_vec())
    }

    #[test]
    fn counts_shares_and_lift() {
        let reviews = [
            review(2019, "scr", &["/theme/neglect", "/risk/domestic_abuse"]),
            review(2019, "scr", &["/theme/neglect", "/risk/domestic_abuse"]),
            review(2021, "sar", &["/theme/neglect"]),
            review(2021, "sar", &["/theme/self_neglect"]),
        ];
        let report = count(&reviews);
        assert_eq!(report.n_reviews, 4);
        let neglect = &report.entries[0];
        assert_eq!(
            (neglect.path.as_str(), neglect.n_reviews, neglect.share),
            ("/theme/neglect", 3, 0.75)
        );
        assert_eq!(neglect.by_year, BTreeMap::from([(2019, 2), (2021, 1)]));
        assert_eq!(
            neglect.by_split,
            BTreeMap::from([("sar".to_string(), 1), ("scr".to_string(), 2)])
        );
        let pair = report
            .pairs
            .iter()
            .find(|p| p.a == "/theme/neglect" && p.b == "/risk/domestic_abuse")
            .unwrap();
        // Both in 2 of 4 reviews; neglect in 3, domestic abuse in 2: 0.5 / (0.75 × 0.5).
        assert_eq!(pair.n_both, 2);
        assert!((pair.lift - 4.0 / 3.0).abs() < 1e-9);
    }
}
