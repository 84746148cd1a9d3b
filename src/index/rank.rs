//! Where in a report a passage comes from, as a factor on its BM25 score.
//!
//! BM25 favours short passages dense in the query's words, and the densest passages of a
//! review are its glossary (every abbreviation with its meaning) and its contents list: left
//! alone they rank first for "MARAC" or "CSE", though they say nothing about practice. The
//! findings and recommendations are what readers come for. So each unit carries a weight, set
//! when it is indexed (the `weight` fast field), by which the collectors multiply its score.

use crate::document::{Unit, UnitKind};
use crate::profile::section_kind;
use crate::taxonomy::SectionKind;

/// The factor on the score of a unit.
pub(crate) fn unit_weight(unit: &Unit) -> f64 {
    match unit.kind {
        UnitKind::Finding | UnitKind::Recommendation => 1.25,
        UnitKind::Review => 1.0,
        UnitKind::Page => match section_kind(&unit.section) {
            SectionKind::Glossary | SectionKind::Contents => 0.3,
            SectionKind::TermsOfReference | SectionKind::Methodology => 0.7,
            SectionKind::Appendix => 0.8,
            _ => 1.0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ReviewId;

    fn page(section: &str) -> Unit {
        Unit {
            review: ReviewId::parse("r").unwrap(),
            kind: UnitKind::Page,
            page: 1,
            page_label: None,
            number: None,
            section: vec![section.to_string()],
            text: String::new(),
            tags: Vec::new(),
            discussed: Vec::new(),
        }
    }

    #[test]
    fn glossaries_weigh_least_and_items_most() {
        let glossary = unit_weight(&page("15 Abbreviations and glossary"));
        let analysis = unit_weight(&page("8 Analysis"));
        let finding = unit_weight(&Unit { kind: UnitKind::Finding, ..page("9 Findings") });
        assert!(glossary < analysis && analysis < finding);
    }
}
