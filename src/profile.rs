//! The theme profile of a review: which themes, risk factors and agencies a review as a whole
//! is about, from the tags of its units.
//!
//! This is the one place that defines when a review "counts" for a theme, used for the review
//! record's facets, the dashboard of recurring themes and the similar-reviews list:
//!
//! - a theme or risk factor counts when it is tagged on at least [`MIN_UNITS`] distinct units
//!   (findings, recommendations, passages of body text): one passing mention, even in a finding
//!   ("…discussed in supervision"), does not make a review "about" something, while a theme the
//!   review is about is analysed in the body *and* drawn out as a finding or recommendation, or
//!   discussed on several pages;
//! - a practice theme a finding is tagged with counts on that finding alone (the finding is
//!   about it: the indexer tags a finding with a practice theme its headline names, or its
//!   explanation names by a phrase of its own or twice), and a finding that names a theme twice
//!   discusses it;
//! - a passage that discusses a theme at some length ([`Unit::discussed`]: the theme is named
//!   twice or more, as where an analysis gives it a sub-heading and a paragraph) also counts on
//!   its own: long reports analyse a theme in one place and draw it out in words of its own;
//! - a harm (an abuse or neglect type, group `harm` or `adult_harm` of the built-in taxonomy)
//!   counts on [`MIN_UNITS_HARM`] unit: it is a fact of the case, which a review states where it
//!   says why it was commissioned ("the death of a two-year-old from head injuries inflicted by
//!   her mother's partner") and then analyses practice rather than repeating it, while practice
//!   themes and risk factors are vocabulary every review uses in passing. A harm named once in
//!   the chronology is not enough: there it is an event ("a referral about emotional abuse was
//!   made"), an allegation that the rest of the review may not bear out;
//! - pages of a section that holds findings or recommendations are the same text as those items,
//!   and an action plan restates the recommendations, so when a review has findings or
//!   recommendations of its own these pages are not counted a second time;
//! - a practice theme on a page of the chronology or background is an event ("a strategy
//!   discussion was held", "the case was transferred") rather than learning about practice,
//!   which a review draws in its analysis, findings and conclusions, and in a section on the
//!   local or national context it is the wider picture ("information sharing is a recurring
//!   theme of national reviews"): such pages do not count for practice themes, nor as
//!   discussion of anything;
//! - in a review with no findings or recommendations of its own, a theme tagged on at least
//!   [`MIN_SHARE`] of the pages of body text also counts: a short briefing has four or five
//!   pages, so one page is a large part of it (pages, not passages, so that a briefing cut
//!   into many small sections does not dilute it);
//! - an agency counts when at least one recommendation is addressed to it;
//! - facets of the review's own metadata (type, board, age band, outcome) are not part of the
//!   profile: they are on every unit already.

use std::collections::{BTreeMap, HashSet};

use crate::document::{Unit, UnitKind};
use crate::taxonomy::{Kind, Tag};
use crate::taxonomy::{SectionKind, Taxonomy};

/// Distinct units (findings, recommendations, body passages) that must carry a theme for the
/// review to count for it.
pub const MIN_UNITS: usize = 2;

/// Distinct units that must carry a harm for the review to count for it.
pub const MIN_UNITS_HARM: usize = 1;

/// The groups of the built-in taxonomy whose entries are harms (see [`MIN_UNITS_HARM`]).
const HARM_GROUPS: &[&str] = &["harm", "adult_harm"];

/// The group of the built-in taxonomy whose entries are practice themes.
const PRACTICE_GROUP: &str = "practice";

/// Sections whose pages restate the findings and recommendations of a review that has them.
const RESTATING_SECTIONS: &[SectionKind] =
    &[SectionKind::Findings, SectionKind::Recommendations, SectionKind::ActionPlan];

/// Sections that narrate events or set the scene, where practice themes are not learning.
const NARRATIVE_SECTIONS: &[SectionKind] =
    &[SectionKind::Chronology, SectionKind::Background, SectionKind::Context];

/// The share of a review's pages of body text that, once reached, counts a theme on its own.
pub const MIN_SHARE: f64 = 0.16;

/// How much a review is about one tag.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagCount {
    /// Findings and recommendations carrying the tag.
    pub n_items: usize,
    /// Passages of body text carrying the tag.
    pub n_passages: usize,
    /// Passages of body text that discuss the tag at some length, outside the sections that
    /// narrate events or set the scene.
    pub n_discussed: usize,
    /// Passages of the chronology carrying the tag.
    pub n_chronology: usize,
    /// Pages of body text carrying the tag.
    pub n_pages: usize,
    /// Findings carrying the tag.
    pub n_findings: usize,
    /// The units counted above, by their position among the units given to [`tag_counts`],
    /// each with the part it plays: the evidence behind the count.
    pub units: Vec<(usize, Role)>,
}

/// The part a unit plays in a review's counting for a tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// A finding carries it.
    Finding,
    /// A recommendation carries it.
    Recommendation,
    /// A passage of body text discusses it at some length (names it twice, or under a heading
    /// that names it).
    Discussed,
    /// A passage of body text names it.
    Passage,
    /// A passage of the chronology names it.
    Chronology,
}

impl Role {
    /// The role's name in the API (`finding`, `recommendation`, `discussed`, `passage`,
    /// `chronology`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Finding => "finding",
            Role::Recommendation => "recommendation",
            Role::Discussed => "discussed",
            Role::Passage => "passage",
            Role::Chronology => "chronology",
        }
    }
}

/// Which part of the rule makes a review count for a tag (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A finding is about it (a practice theme the finding is tagged with).
    InFinding,
    /// A passage or an item discusses it at some length.
    Discussed,
    /// It is tagged on at least [`MIN_UNITS`] units.
    Units,
    /// A harm stated outside the chronology: a fact of the case.
    Harm,
    /// It is on at least [`MIN_SHARE`] of the pages of a review without findings or
    /// recommendations of its own.
    Share,
    /// An agency a recommendation is addressed to.
    Addressed,
}

impl Reason {
    /// The reason's name in the API (`in_finding`, `discussed`, `units`, `harm`, `share`,
    /// `addressed`).
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::InFinding => "in_finding",
            Reason::Discussed => "discussed",
            Reason::Units => "units",
            Reason::Harm => "harm",
            Reason::Share => "share",
            Reason::Addressed => "addressed",
        }
    }

    /// The reason in words, completing "counted because …".
    pub fn describe(self) -> &'static str {
        match self {
            Reason::InFinding => "a finding is about it",
            Reason::Discussed => "discussed at some length",
            Reason::Units => "named in several parts of the review",
            Reason::Harm => "a harm stated as a fact of the case",
            Reason::Share => "on a large share of the pages",
            Reason::Addressed => "a recommendation is addressed to it",
        }
    }
}

impl TagCount {
    /// Whether the review counts for the tag, by the rule of this module, given how many
    /// pages of body text the review has (0 when it has findings or recommendations, so that
    /// the share rule applies only to reviews without).
    pub fn counts(&self, path: &str, n_body_pages: usize) -> bool {
        self.reason(path, n_body_pages).is_some()
    }

    /// Why the review counts for the tag, by the rule of this module; `None` when it does not.
    pub fn reason(&self, path: &str, n_body_pages: usize) -> Option<Reason> {
        if Tag::is_agency_path(path) {
            return (self.n_items > 0).then_some(Reason::Addressed);
        }
        let n_units = self.n_items + self.n_passages;
        let share = self.n_pages as f64 / n_body_pages.max(1) as f64;
        // A practice theme a finding is tagged with is what the finding is about.
        if is_practice(path) && self.n_findings > 0 {
            Some(Reason::InFinding)
        } else if self.n_discussed > 0 {
            Some(Reason::Discussed)
        } else if n_units >= MIN_UNITS {
            Some(Reason::Units)
        } else if is_harm(path) && n_units - self.n_chronology >= MIN_UNITS_HARM {
            Some(Reason::Harm)
        } else if n_body_pages > 0 && self.n_pages > 0 && share >= MIN_SHARE {
            Some(Reason::Share)
        } else {
            None
        }
    }
}

/// Returns whether the facet path names a harm of the built-in taxonomy.
fn is_harm(path: &str) -> bool {
    group_of(path).is_some_and(|group| HARM_GROUPS.contains(&group))
}

/// Returns whether the facet path names a practice theme of the built-in taxonomy.
fn is_practice(path: &str) -> bool {
    group_of(path) == Some(PRACTICE_GROUP)
}

/// Returns the group of the built-in taxonomy entry at a facet path.
///
/// The tag paths carry no group, and the profile is computed where only units are at hand; the
/// built-in taxonomy is parsed once for the look-up. A path it does not know (a user's own entry)
/// takes the general rule.
fn group_of(path: &str) -> Option<&'static str> {
    Taxonomy::builtin_shared().by_facet_path(path).map(|entry| entry.group.as_str())
}

/// The tag counts of a review, and how many passages of body text it has.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagCounts {
    /// The count of each theme, risk and agency tag.
    pub tags: BTreeMap<String, TagCount>,
    /// Passages of body text (outside the sections that hold findings or recommendations).
    pub n_body_passages: usize,
    /// Pages with body text, in a review with no findings or recommendations of its own (0
    /// otherwise: see [`TagCount::counts`]).
    pub n_body_pages: usize,
}

/// Counts the theme, risk and agency tags of a review's units.
pub fn tag_counts<'a>(units: impl IntoIterator<Item = &'a Unit>) -> TagCounts {
    let units: Vec<&Unit> = units.into_iter().collect();
    // The sections findings and recommendations were read from: their pages restate the items.
    let item_sections: HashSet<&[String]> = units
        .iter()
        .filter(|u| matches!(u.kind, UnitKind::Finding | UnitKind::Recommendation))
        .map(|u| u.section.as_slice())
        .collect();
    let has_items = !item_sections.is_empty();
    let mut counts = TagCounts::default();
    let mut body_pages: HashSet<u32> = HashSet::new();
    let mut tag_pages: HashSet<(&str, u32)> = HashSet::new();
    for (position, unit) in units.into_iter().enumerate() {
        let section = section_kind(&unit.section);
        // Pages that restate the review's own findings and recommendations are left out.
        let restates = item_sections.contains(unit.section.as_slice())
            || (has_items && RESTATING_SECTIONS.contains(&section));
        let is_item = match unit.kind {
            UnitKind::Finding | UnitKind::Recommendation => true,
            UnitKind::Page if !restates => false,
            UnitKind::Page | UnitKind::Review => continue,
        };
        let narrative = !is_item && NARRATIVE_SECTIONS.contains(&section);
        let chronology = !is_item && section == SectionKind::Chronology;
        counts.n_body_passages += usize::from(!is_item);
        if !is_item {
            body_pages.insert(unit.page);
        }
        for tag in &unit.tags {
            let counted = Tag::parse(tag).is_some_and(|t| t.kind != Kind::ReviewType);
            if !counted || (narrative && is_practice(tag)) {
                continue;
            }
            let count = counts.tags.entry(tag.clone()).or_default();
            let role = if is_item {
                count.n_items += 1;
                count.n_findings += usize::from(unit.kind == UnitKind::Finding);
                count.n_discussed += usize::from(unit.discussed.contains(tag));
                match unit.kind {
                    UnitKind::Finding => Role::Finding,
                    _ => Role::Recommendation,
                }
            } else {
                let discussed = !narrative && unit.discussed.contains(tag);
                count.n_passages += 1;
                count.n_chronology += usize::from(chronology);
                count.n_discussed += usize::from(discussed);
                if tag_pages.insert((tag.as_str(), unit.page)) {
                    count.n_pages += 1;
                }
                match (discussed, chronology) {
                    (true, _) => Role::Discussed,
                    (false, true) => Role::Chronology,
                    (false, false) => Role::Passage,
                }
            };
            count.units.push((position, role));
        }
    }
    counts.n_body_pages = if has_items { 0 } else { body_pages.len() };
    counts
}

/// Returns the kind of the section a unit was read from: that of its innermost heading with a
/// recognisable kind.
pub(crate) fn section_kind(headings: &[String]) -> SectionKind {
    headings
        .iter()
        .rev()
        .map(|heading| SectionKind::from_heading(heading))
        .find(|kind| *kind != SectionKind::Other)
        .unwrap_or(SectionKind::Other)
}

/// The facet paths a review counts for, sorted.
pub fn review_tags<'a>(units: impl IntoIterator<Item = &'a Unit>) -> Vec<String> {
    let counts = tag_counts(units);
    counts
        .tags
        .into_iter()
        .filter(|(path, count)| count.counts(path, counts.n_body_pages))
        .map(|(path, _)| path)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ReviewId;

    fn unit(kind: UnitKind, section: &str, tags: &[&str]) -> Unit {
        Unit {
            review: ReviewId::parse("r").unwrap(),
            kind,
            page: 1,
            page_label: None,
            number: None,
            section: vec![section.to_owned()],
            text: String::new(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            discussed: Vec::new(),
        }
    }

    fn check(units: &[Unit], expected: &[&str]) {
        assert_eq!(review_tags(units), expected);
    }

    /// Ten passages of body text, one a page, each with `tags`.
    fn body(tags: &[&str]) -> Vec<Unit> {
        (0..10).map(|i| on_page(i + 1, unit(UnitKind::Page, "Analysis", tags))).collect()
    }

    fn on_page(page: u32, mut unit: Unit) -> Unit {
        unit.page = page;
        unit
    }

    #[test]
    fn a_theme_counts_on_two_units_but_not_on_one_passing_mention() {
        let mut units = body(&[]);
        units[0].tags = vec!["/theme/neglect".into(), "/risk/domestic_abuse".into()];
        units[1].tags = vec!["/theme/neglect".into()];
        units.push(unit(UnitKind::Recommendation, "Recs", &["/theme/information_sharing"]));
        units.push(unit(UnitKind::Page, "Recs", &["/theme/information_sharing"]));
        units.push(unit(UnitKind::Recommendation, "Recs", &["/agency/health", "/strength/must"]));
        units.push(unit(UnitKind::Page, "Chronology", &["/agency/police"]));
        // The recommendation's own page restates it and does not count twice.
        check(&units, &["/agency/health", "/theme/neglect"]);
    }

    #[test]
    fn a_practice_theme_a_finding_is_about_counts_on_its_own() {
        let mut units = body(&[]);
        // A finding carries a practice theme only when its headline names it, or its
        // explanation does firmly (the indexer's `finding_themes`): the finding is about it.
        units.push(unit(UnitKind::Finding, "Findings", &["/theme/escalation"]));
        check(&units, &["/theme/escalation"]);
    }

    #[test]
    fn a_finding_with_support_in_the_body_counts() {
        let mut units = body(&[]);
        units[3].tags = vec!["/theme/supervision".into()];
        units.push(unit(UnitKind::Finding, "Findings", &["/theme/supervision"]));
        check(&units, &["/theme/supervision"]);
    }

    #[test]
    fn pages_restating_items_do_not_count_again() {
        let mut units = body(&[]);
        units.push(unit(UnitKind::Recommendation, "Recommendations", &["/theme/thresholds"]));
        units.push(unit(UnitKind::Page, "Action plan", &["/theme/thresholds"]));
        check(&units, &[]);
        units[0].tags = vec!["/theme/thresholds".into()];
        check(&units, &["/theme/thresholds"]);
    }

    #[test]
    fn practice_themes_in_the_chronology_are_events_not_learning() {
        let mut units = body(&[]);
        units[0].tags = vec!["/theme/multi_agency_working".into(), "/risk/domestic_abuse".into()];
        units.push(unit(UnitKind::Page, "Chronology", &["/theme/multi_agency_working"]));
        units.push(unit(UnitKind::Page, "Background", &["/risk/domestic_abuse"]));
        check(&units, &["/risk/domestic_abuse"]);
    }

    #[test]
    fn a_harm_stated_once_counts() {
        let mut units = body(&[]);
        units[0].tags = vec!["/theme/physical_abuse".into(), "/theme/supervision".into()];
        check(&units, &["/theme/physical_abuse"]);
    }

    #[test]
    fn a_harm_named_once_in_the_chronology_does_not_count() {
        let mut units = body(&[]);
        units.push(unit(UnitKind::Page, "Chronology", &["/theme/emotional_abuse"]));
        check(&units, &[]);
        units[0].tags = vec!["/theme/emotional_abuse".into()];
        check(&units, &["/theme/emotional_abuse"]);
    }

    #[test]
    fn a_passage_that_discusses_a_theme_counts_unless_it_narrates() {
        let mut units = body(&[]);
        units[0].tags = vec!["/theme/disguised_compliance".into()];
        units[0].discussed = units[0].tags.clone();
        check(&units, &["/theme/disguised_compliance"]);
        let mut units = body(&[]);
        let mut context = unit(UnitKind::Page, "10 National context", &["/theme/recording"]);
        context.discussed = context.tags.clone();
        units.push(context);
        check(&units, &[]);
    }

    #[test]
    fn one_long_passage_of_a_short_briefing_counts() {
        let briefing = [
            on_page(1, unit(UnitKind::Page, "Summary", &["/theme/voice_of_child"])),
            on_page(2, unit(UnitKind::Page, "Key issues", &[])),
            on_page(3, unit(UnitKind::Page, "Risk factors", &[])),
            on_page(4, unit(UnitKind::Page, "Learning", &[])),
            on_page(5, unit(UnitKind::Page, "Further reading", &[])),
        ];
        check(&briefing, &["/theme/voice_of_child"]);
        // Cut into many sections, the briefing's page counts the same.
        let mut sections: Vec<Unit> = (0..12)
            .map(|i| on_page(i / 3 + 1, unit(UnitKind::Page, &format!("Section {i}"), &[])))
            .collect();
        sections[0].tags = vec!["/theme/voice_of_child".into()];
        check(&sections, &["/theme/voice_of_child"]);
        // In a review with findings of its own, one page is a mention, not a theme.
        let mut with_items = briefing.to_vec();
        with_items.push(unit(UnitKind::Finding, "Findings", &[]));
        check(&with_items, &[]);
        let mut review = body(&[]);
        review[0].tags = vec!["/theme/voice_of_child".into()];
        check(&review, &[]);
    }
}
