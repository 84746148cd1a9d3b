//! Similar reviews: reviews that share a theme profile.
//!
//! Two reviews are compared by the themes and risk factors they count for (see
//! [`crate::profile`]), weighted by rarity: sharing "bruising in non-mobile babies" says more
//! than sharing "information sharing", which most reviews count for. The score is the weighted
//! Jaccard index of the two profiles. tantivy's `MoreLikeThisQuery` is avoided: it panics on
//! indexes with deleted documents (an upstream bug), and the theme profile is what users mean
//! by "similar" here.

use std::collections::{BTreeSet, HashMap};

use crate::document::{Review, ReviewId};
use crate::error::Result;
use crate::search_index::SearchIndex;
use crate::taxonomy::Tag;

/// A review similar to another one.
#[derive(Clone, Debug, PartialEq)]
pub struct Similar {
    /// The similar review.
    pub review: Review,
    /// Weighted Jaccard index of the two theme profiles, from 0 to 1.
    pub score: f32,
    /// Facet paths of the themes and risk factors both count for, rarest first.
    pub shared: Vec<String>,
}

impl SearchIndex {
    /// Returns the facet paths (themes, risk factors, agencies) a review counts for.
    pub fn review_tags(&self, id: &ReviewId) -> Result<Vec<String>> {
        Ok(self
            .summary()?
            .profiles
            .iter()
            .find(|(r, _)| &r.id == id)
            .map(|(_, tags)| tags.clone())
            .unwrap_or_default())
    }

    /// Returns up to `limit` reviews most similar to `id`, best first.
    pub fn similar_reviews(&self, id: &ReviewId, limit: usize) -> Result<Vec<Similar>> {
        let summary = self.summary()?;
        let profiles = &summary.profiles;
        let themes = |tags: &[String]| -> BTreeSet<String> {
            tags.iter().filter(|t| Tag::is_subject_path(t)).cloned().collect()
        };
        let Some((_, own)) = profiles.iter().find(|(r, _)| &r.id == id) else {
            return Ok(Vec::new());
        };
        let own = themes(own);
        // Inverse document frequency of each tag over all reviews.
        let mut n_with: HashMap<&str, usize> = HashMap::new();
        for (_, tags) in profiles {
            for tag in tags {
                *n_with.entry(tag.as_str()).or_default() += 1;
            }
        }
        let n = profiles.len() as f32;
        let weight =
            |tag: &str| (1.0 + n / (1.0 + n_with.get(tag).copied().unwrap_or(0) as f32)).ln();
        // Another version of the same review is not a similar review, and a review published
        // twice is offered once.
        let groups = self.duplicates()?;
        let mut out: Vec<Similar> = profiles
            .iter()
            .filter(|(review, _)| {
                groups.counts(&review.id) && groups.main(&review.id) != groups.main(id)
            })
            .filter_map(|(review, tags)| {
                let other = themes(tags);
                let mut shared: Vec<String> = own.intersection(&other).cloned().collect();
                if shared.is_empty() {
                    return None;
                }
                let both: f32 = shared.iter().map(|t| weight(t)).sum();
                let either: f32 = own.union(&other).map(|t| weight(t)).sum();
                shared.sort_by(|a, b| weight(b).total_cmp(&weight(a)).then(a.cmp(b)));
                Some(Similar {
                    review: review.clone(),
                    score: both / either.max(f32::EPSILON),
                    shared,
                })
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.review.id.cmp(&b.review.id)));
        out.truncate(limit);
        Ok(out)
    }
}
