//! Turning a report's structure into tagged index units.
//!
//! Every passage, finding and recommendation is classified against the taxonomy. Agencies are
//! taken from the addressees of recommendations only (an agency named in passing in a
//! chronology is not an agency the learning is addressed to), and each recommendation also gets
//! its strength as a `/strength/…` facet.

use casebook::taxonomy::strength;
use casebook::{Classifier, Kind, Review, SectionKind, Taxonomy, Unit, UnitKind};

use crate::extract::PageText;
use crate::structure::Structure;

/// Classifies units against one taxonomy.
pub struct Tagger {
    taxonomy: Taxonomy,
    classifier: Classifier,
}

/// Who a review is about, which decides which vulnerability factors apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Subject {
    Child,
    Adult,
    Either,
}

impl Tagger {
    /// Prepares the classifier for `taxonomy`.
    pub fn new(taxonomy: Taxonomy) -> Tagger {
        let classifier = Classifier::new(&taxonomy);
        Tagger { taxonomy, classifier }
    }

    /// The taxonomy in use.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// Makes the units of a review: one per passage (page × section), finding and
    /// recommendation.
    pub fn units(&self, review: &Review, pages: &[PageText], structure: &Structure) -> Vec<Unit> {
        let subject = subject_of(review);
        let label_of = |page: u32| pages.get(page as usize - 1).and_then(|p| p.label.clone());
        let mut units = Vec::with_capacity(structure.passages.len() + 16);
        for passage in &structure.passages {
            units.push(Unit {
                review: review.id.clone(),
                kind: UnitKind::Page,
                page: passage.page,
                page_label: label_of(passage.page),
                number: None,
                section: passage.section.clone(),
                tags: self.themes(&passage.text, passage.kind, subject),
                text: passage.text.clone(),
            });
        }
        // A briefing or national analysis draws learning from other reviews; its lists are not
        // findings or recommendations of a review, and counting them would count the same
        // learning twice.
        let own_items = !matches!(
            review.review_type.as_ref().map(|t| t.value.as_str()),
            Some("briefing" | "national_analysis")
        );
        let (findings, recommendations) = if own_items {
            (structure.findings.as_slice(), structure.recommendations.as_slice())
        } else {
            (&[][..], &[][..])
        };
        for finding in findings {
            units.push(Unit {
                review: review.id.clone(),
                kind: UnitKind::Finding,
                page: finding.page,
                page_label: label_of(finding.page),
                number: Some(finding.number.clone()),
                section: finding.section.clone(),
                tags: self.themes(&finding.text, SectionKind::Findings, subject),
                text: finding.text.clone(),
            });
        }
        for recommendation in recommendations {
            let mut tags = self.themes(&recommendation.text, SectionKind::Recommendations, subject);
            let addressed = match &recommendation.addressed_to {
                Some(note) => format!("[{note}]: {}", recommendation.text),
                None => recommendation.text.clone(),
            };
            tags.extend(self.addressees(&addressed));
            tags.push(format!("/strength/{}", strength(&recommendation.text).as_str()));
            units.push(Unit {
                review: review.id.clone(),
                kind: UnitKind::Recommendation,
                page: recommendation.page,
                page_label: label_of(recommendation.page),
                number: Some(recommendation.number.clone()),
                section: recommendation.section.clone(),
                tags,
                text: recommendation.text.clone(),
            });
        }
        units
    }

    /// Theme and risk factor facets of a piece of text.
    fn themes(&self, text: &str, section: SectionKind, subject: Subject) -> Vec<String> {
        let tags = self.classifier.classify(text, section);
        let mut out: Vec<String> = tags
            .tagged()
            .filter_map(|id| self.taxonomy.get(id.as_str()))
            .filter(|entry| matches!(entry.kind, Kind::Theme | Kind::Risk))
            .filter(|entry| applies_to(&entry.group, subject))
            .map(|entry| entry.facet_path())
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Agency facets of the addressees of a recommendation, with their parents (gp → health).
    fn addressees(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for id in self.classifier.addressees(text) {
            out.extend(self.taxonomy.facet_path(id.as_str()));
            out.extend(self.taxonomy.ancestors(id.as_str()).iter().map(|e| e.facet_path()));
        }
        out.sort();
        out.dedup();
        out
    }
}

fn subject_of(review: &Review) -> Subject {
    match review.review_type.as_ref().map(|t| t.value.as_str()) {
        Some("sar") => Subject::Adult,
        Some("scr" | "lcspr" | "rapid_review" | "national_review" | "cmr") => Subject::Child,
        _ => Subject::Either,
    }
}

/// Words such as "learning disability" or "substance misuse" name a parental risk factor in a
/// child's review and a vulnerability of the adult in an adult review: keep the reading that
/// fits the review.
fn applies_to(group: &str, subject: Subject) -> bool {
    match subject {
        Subject::Child => group != "adult_vulnerability",
        Subject::Adult => group != "family" && group != "child_vulnerability",
        Subject::Either => true,
    }
}
