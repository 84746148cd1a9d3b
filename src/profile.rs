//! The theme profile of a review: which themes, risk factors and agencies a review as a whole
//! is about, from the tags of its units.
//!
//! This is the one place that defines when a review "counts" for a theme, used for the review
//! record's facets, the dashboard of recurring themes and the similar-reviews list:
//!
//! - a theme or risk factor counts when it is tagged on at least one finding or recommendation,
//!   or on at least [`MIN_PASSAGES`] passages of body text (one passing mention does not make a
//!   review "about" something);
//! - an agency counts when at least one recommendation is addressed to it;
//! - facets of the review's own metadata (type, board, age band, outcome) are not part of the
//!   profile: they are on every unit already.

use std::collections::BTreeMap;

use crate::document::{Unit, UnitKind};

/// Passages of body text that must carry a theme for the review to count for it, when no
/// finding or recommendation does.
pub const MIN_PASSAGES: usize = 2;

/// How much a review is about one tag.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagCount {
    /// Findings and recommendations carrying the tag.
    pub n_items: usize,
    /// Passages of body text carrying the tag.
    pub n_passages: usize,
}

impl TagCount {
    /// Whether the review counts for the tag, by the rule of this module.
    pub fn counts(&self, path: &str) -> bool {
        if path.starts_with("/agency/") {
            self.n_items > 0
        } else {
            self.n_items > 0 || self.n_passages >= MIN_PASSAGES
        }
    }
}

/// Counts the theme, risk and agency tags of a review's units.
pub fn tag_counts<'a>(units: impl IntoIterator<Item = &'a Unit>) -> BTreeMap<String, TagCount> {
    let mut counts: BTreeMap<String, TagCount> = BTreeMap::new();
    for unit in units {
        for tag in &unit.tags {
            let counted =
                ["/theme/", "/risk/", "/agency/"].iter().any(|root| tag.starts_with(root));
            if !counted {
                continue;
            }
            let count = counts.entry(tag.clone()).or_default();
            match unit.kind {
                UnitKind::Finding | UnitKind::Recommendation => count.n_items += 1,
                UnitKind::Page => count.n_passages += 1,
                UnitKind::Review => {}
            }
        }
    }
    counts
}

/// The facet paths a review counts for, sorted.
pub fn review_tags<'a>(units: impl IntoIterator<Item = &'a Unit>) -> Vec<String> {
    tag_counts(units)
        .into_iter()
        .filter(|(path, count)| count.counts(path))
        .map(|(path, _)| path)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ReviewId;

    fn unit(kind: UnitKind, tags: &[&str]) -> Unit {
        Unit {
            review: ReviewId::parse("r").unwrap(),
            kind,
            page: 1,
            page_label: None,
            number: None,
            section: vec![],
            text: String::new(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn a_single_passing_mention_does_not_count_but_a_finding_does() {
        let units = [
            unit(UnitKind::Page, &["/theme/neglect", "/risk/domestic_abuse"]),
            unit(UnitKind::Page, &["/theme/neglect"]),
            unit(UnitKind::Finding, &["/theme/information_sharing"]),
            unit(UnitKind::Page, &["/agency/police"]),
            unit(UnitKind::Recommendation, &["/agency/health", "/strength/must"]),
        ];
        assert_eq!(
            review_tags(&units),
            ["/agency/health", "/theme/information_sharing", "/theme/neglect"]
        );
    }
}
