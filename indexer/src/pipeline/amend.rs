//! What the run adds to what each file gives: the curators' corrections of its items, and
//! recommendations grouped across reviews.

use std::collections::{HashMap, HashSet};

use casebook::corrections;
use casebook::{IndexBuilder, ReviewId, Tag, Taxonomy};

use crate::Result;
use crate::structure;

/// Applies the curators' corrections of findings and recommendations (a new text or number,
/// "not a finding or recommendation") to what the structure reader found, finding each item
/// by its page and its text as read. Returns the corrections that found nothing.
pub(super) fn correct_items<'a>(
    structure: &mut structure::Structure,
    corrections: &'a [corrections::Correction],
) -> Vec<&'a corrections::Correction> {
    let mut unmatched = Vec::new();
    for correction in corrections {
        let found = match &correction.op {
            corrections::Op::EditItem { page, text, new_text, number, .. } => {
                let item = structure
                    .findings
                    .iter_mut()
                    .chain(structure.recommendations.iter_mut())
                    .find(|i| i.page == *page && corrections::same_text(&i.text, text));
                item.map(|item| {
                    item.text = new_text.clone();
                    if let Some(number) = number {
                        item.number = number.clone();
                    }
                })
                .is_some()
            }
            corrections::Op::NotAnItem { page, text } => {
                let before = structure.findings.len() + structure.recommendations.len();
                let keep = |i: &structure::Item| {
                    !(i.page == *page && corrections::same_text(&i.text, text))
                };
                structure.findings.retain(keep);
                structure.recommendations.retain(keep);
                structure.findings.len() + structure.recommendations.len() < before
            }
            _ => true,
        };
        if !found {
            unmatched.push(correction);
        }
    }
    unmatched
}

/// Gives a recommendation the addressees a curator named (with their parent agencies).
pub(super) fn correct_addressees(
    units: &mut [casebook::Unit],
    corrections: &[corrections::Correction],
    taxonomy: &Taxonomy,
) {
    for correction in corrections {
        let corrections::Op::EditItem { page, new_text, agencies, .. } = &correction.op else {
            continue;
        };
        if agencies.is_empty() {
            continue;
        }
        let unit = units.iter_mut().find(|u| {
            u.kind == casebook::UnitKind::Recommendation
                && u.page == *page
                && corrections::same_text(&u.text, new_text)
        });
        if let Some(unit) = unit {
            unit.tags.retain(|t| !Tag::is_agency_path(t));
            for agency in agencies {
                unit.tags.push(format!("/agency/{agency}"));
                for parent in taxonomy.ancestors(agency) {
                    unit.tags.push(parent.facet_path());
                }
            }
            unit.tags.sort();
            unit.tags.dedup();
        }
    }
}
/// The recommendations of one review, held back until every review is read so that those
/// made in several reviews can be grouped.
pub(super) struct HeldRecommendations {
    pub(super) review: casebook::Review,
    /// Each with its sequence number among the review's units (its key).
    pub(super) units: Vec<(usize, casebook::Unit)>,
}

/// Groups recommendations that recur across reviews, tags each member of a group that spans
/// two or more reviews with `/recurrence/<group>`, and adds them. A review published twice
/// (`groups`) is one review: its executive summary restating a recommendation is not a
/// recurrence.
pub(super) fn add_recommendations(
    builder: &IndexBuilder,
    held: Vec<HeldRecommendations>,
    groups: &casebook::duplicates::Groups,
) -> Result<()> {
    let texts: Vec<casebook::recurrence::Text<'_>> = held
        .iter()
        .flat_map(|h| {
            h.units.iter().map(|(_, u)| casebook::recurrence::Text {
                review: h.review.id.as_str(),
                text: &u.text,
            })
        })
        .collect();
    let representatives = casebook::recurrence::group(&texts);
    let ids: Vec<&ReviewId> =
        held.iter().flat_map(|h| h.units.iter().map(|_| &h.review.id)).collect();
    let mut reviews_per_group: HashMap<usize, HashSet<&ReviewId>> = HashMap::new();
    for (i, rep) in representatives.iter().enumerate() {
        reviews_per_group.entry(*rep).or_default().insert(groups.main(ids[i]));
    }
    // The id of a group names its first recommendation: `<review>-r<position>`.
    let group_id = |rep: usize| format!("{}-r{rep}", texts[rep].review);
    let group_tags: Vec<Option<String>> = representatives
        .iter()
        .map(|rep| {
            (reviews_per_group[rep].len() >= 2).then(|| format!("/recurrence/{}", group_id(*rep)))
        })
        .collect();
    let mut i = 0;
    for h in held {
        for (seq, mut unit) in h.units {
            if let Some(tag) = &group_tags[i] {
                unit.tags.push(tag.clone());
            }
            i += 1;
            builder.add_units(&h.review, std::slice::from_ref(&unit), seq)?;
        }
    }
    Ok(())
}
