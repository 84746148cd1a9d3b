//! Curators' corrections of what the machine read: what each says, and how the indexer applies
//! it.
//!
//! A correction is kept by the review's id and what it says (a type, a theme, the text of a
//! recommendation and its page), never by an index address, so the indexer applies it at every
//! run, a rebuild from the PDFs included, and to a new version of the same file. Where they are
//! kept (with who made each, when and why, and who reverted it) is the user-data store's
//! business (crate `casebook-store`); the indexer is handed the corrections in force.

use std::collections::BTreeMap;

use crate::document::{Provenance, Review, ReviewId, Sourced, Unit};

/// A correction that cannot be made as asked; the message says why, naming the operation.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct CorrectionError(pub String);

type Result<T, E = CorrectionError> = std::result::Result<T, E>;

/// Longest reason or added text, in characters.
pub const MAX_CORRECTION_TEXT: usize = 4_000;

/// What a correction does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    /// The review type is this taxonomy id.
    SetType(String),
    /// The review was published in this year.
    SetYear(u16),
    /// The review is about this subject ("Child K").
    SetSubject(String),
    /// The review does not count for this theme or risk factor (a facet path).
    RejectTheme(String),
    /// The review counts for this theme or risk factor (a facet path).
    AddTheme(String),
    /// A recommendation the reader missed, on this page.
    AddRecommendation {
        /// 1-based page.
        page: u32,
        /// Its text.
        text: String,
    },
    /// A finding or recommendation read with `text` on `page` says `new_text` instead, has
    /// this number, or (a recommendation) is addressed to these agencies (taxonomy ids).
    EditItem {
        /// 1-based page where it starts.
        page: u32,
        /// Its text as Casebook read it: what finds it again in a rebuild.
        text: String,
        /// Its text as it should read (the same when only the number or addressees change).
        new_text: String,
        /// Its number, when that changes.
        number: Option<String>,
        /// Its addressees, when they change (agency ids; empty leaves them).
        agencies: Vec<String>,
    },
    /// What was read as a finding or recommendation with `text` on `page` is neither.
    NotAnItem {
        /// 1-based page.
        page: u32,
        /// Its text as Casebook read it.
        text: String,
    },
    /// This document and the review `0` are one review published twice.
    SameReview(ReviewId),
    /// This document and the review `0` are different reviews, however alike their text.
    NotSameReview(ReviewId),
    /// The review is left out of the index (withdrawn by its board); its PDF stays.
    Hide,
}

/// Separates the parts of an item correction's value.
const PART: char = '\u{1f}';

/// Text with its whitespace collapsed: how an item is found again.
pub fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

impl Op {
    /// The operation's name in the API and the database.
    pub fn name(&self) -> &'static str {
        match self {
            Op::SetType(_) => "set_type",
            Op::SetYear(_) => "set_year",
            Op::SetSubject(_) => "set_subject",
            Op::RejectTheme(_) => "reject_theme",
            Op::AddTheme(_) => "add_theme",
            Op::AddRecommendation { .. } => "add_recommendation",
            Op::EditItem { .. } => "edit_item",
            Op::NotAnItem { .. } => "not_an_item",
            Op::SameReview(_) => "same_review",
            Op::NotSameReview(_) => "not_same_review",
            Op::Hide => "hide",
        }
    }

    /// The page of an operation on one page.
    pub fn page(&self) -> Option<u32> {
        match self {
            Op::AddRecommendation { page, .. }
            | Op::EditItem { page, .. }
            | Op::NotAnItem { page, .. } => Some(*page),
            _ => None,
        }
    }

    /// The operation's value as one string.
    pub fn value(&self) -> String {
        match self {
            Op::SetType(v) | Op::SetSubject(v) | Op::RejectTheme(v) | Op::AddTheme(v) => v.clone(),
            Op::SetYear(y) => y.to_string(),
            Op::AddRecommendation { text, .. } | Op::NotAnItem { text, .. } => text.clone(),
            Op::EditItem { text, new_text, number, agencies, .. } => [
                text.as_str(),
                new_text,
                number.as_deref().unwrap_or_default(),
                &agencies.join(","),
            ]
            .join(&PART.to_string()),
            Op::SameReview(id) | Op::NotSameReview(id) => id.to_string(),
            Op::Hide => String::new(),
        }
    }

    /// An item correction from its parts, as forms and the API give them.
    pub fn edit_item(
        page: Option<u32>,
        text: &str,
        new_text: &str,
        number: &str,
        agencies: &str,
    ) -> Result<Op> {
        let value = [text, new_text, number, agencies].join(&PART.to_string());
        Op::parse("edit_item", &value, page)
    }

    /// Reads an operation from its name, value and page, checking the value's form.
    pub fn parse(name: &str, value: &str, page: Option<u32>) -> Result<Op> {
        let bad = |why: &str| CorrectionError(format!("{name}: {why}"));
        let value = value.trim();
        let id = |v: &str| -> Result<String> {
            let ok = !v.is_empty()
                && v.len() <= 64
                && v.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            ok.then(|| v.to_string()).ok_or_else(|| bad("give a taxonomy id, such as neglect"))
        };
        let path = |v: &str| -> Result<String> {
            let id = id(v.rsplit('/').next().unwrap_or(v))?;
            match v.split('/').nth(1) {
                Some("risk") => Ok(format!("/risk/{id}")),
                Some("theme") | None | Some(_) => Ok(format!("/theme/{id}")),
            }
        };
        Ok(match name {
            "set_type" => Op::SetType(id(value)?),
            "set_year" => Op::SetYear(
                value
                    .parse()
                    .ok()
                    .filter(|y| (1900..=2100).contains(y))
                    .ok_or_else(|| bad("a year from 1900 to 2100"))?,
            ),
            "set_subject" => {
                if value.is_empty() || value.chars().count() > 200 {
                    return Err(bad("1 to 200 characters"));
                }
                Op::SetSubject(value.to_string())
            }
            "reject_theme" => Op::RejectTheme(path(value)?),
            "add_theme" => Op::AddTheme(path(value)?),
            "add_recommendation" => {
                let page = page.filter(|&p| p >= 1).ok_or_else(|| bad("give its page"))?;
                if value.chars().count() < 10 || value.chars().count() > MAX_CORRECTION_TEXT {
                    return Err(bad("its text, 10 to 4,000 characters"));
                }
                Op::AddRecommendation { page, text: value.to_string() }
            }
            "edit_item" => {
                let page = page.filter(|&p| p >= 1).ok_or_else(|| bad("give its page"))?;
                let parts: Vec<&str> = value.split(PART).collect();
                let [text, new_text, number, agencies] = parts[..] else {
                    return Err(bad("give the text as read, the new text, number and agencies"));
                };
                let new_text = if new_text.trim().is_empty() { text } else { new_text };
                if text.trim().is_empty() || new_text.chars().count() > MAX_CORRECTION_TEXT {
                    return Err(bad(
                        "the text as read, and a new text of at most 4,000 characters",
                    ));
                }
                let number = Some(number.trim()).filter(|n| !n.is_empty() && n.len() <= 20);
                let agencies = agencies
                    .split(',')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(id)
                    .collect::<Result<Vec<_>>>()?;
                Op::EditItem {
                    page,
                    text: text.trim().to_string(),
                    new_text: new_text.trim().to_string(),
                    number: number.map(str::to_string),
                    agencies,
                }
            }
            "not_an_item" => {
                let page = page.filter(|&p| p >= 1).ok_or_else(|| bad("give its page"))?;
                if value.is_empty() {
                    return Err(bad("give its text as read"));
                }
                Op::NotAnItem { page, text: value.to_string() }
            }
            "same_review" | "not_same_review" => {
                let other =
                    ReviewId::parse(value).map_err(|_| bad("give the other review's id"))?;
                if name == "same_review" { Op::SameReview(other) } else { Op::NotSameReview(other) }
            }
            "hide" => Op::Hide,
            other => {
                return Err(CorrectionError(format!(
                    "{other:?} is not a correction: set_type, set_year, set_subject, \
                     reject_theme, add_theme, add_recommendation, edit_item, not_an_item, \
                     same_review, not_same_review or hide"
                )));
            }
        })
    }
}

/// One correction, and its entry in the audit trail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    /// Its number.
    pub id: i64,
    /// The review it corrects.
    pub review: ReviewId,
    /// What it does.
    pub op: Op,
    /// The value before, as shown then ("" when there was none).
    pub before: String,
    /// Why, in the curator's words.
    pub reason: String,
    /// Who made it.
    pub author: String,
    /// When, in ms since the Unix epoch.
    pub created: u64,
    /// Who reverted it and when, if it was.
    pub reverted: Option<(String, u64)>,
}

impl Correction {
    /// A stable encoding of what it does, for the fingerprint of its review's file: a
    /// correction made or reverted makes the indexer read the file again.
    pub fn encode(&self) -> String {
        let page = self.op.page().map(|p| p.to_string()).unwrap_or_default();
        format!("{}\u{1f}{}\u{1f}{}\u{1f}{page}", self.id, self.op.name(), self.op.value())
    }
}

/// The corrections in force, by review, oldest first.
pub type InForce = BTreeMap<ReviewId, Vec<Correction>>;

/// Applies the metadata corrections of a review (type, year, subject) to its record, marking
/// each value as a curator's.
pub fn apply_to_review(review: &mut Review, corrections: &[Correction]) {
    let curated = |value: String| Some(Sourced { value, source: Provenance::Curator });
    for c in corrections {
        match &c.op {
            Op::SetType(id) => review.review_type = curated(id.clone()),
            Op::SetYear(year) => {
                // Keep the month and day when the year is all that changes.
                let rest = review
                    .published
                    .as_ref()
                    .and_then(|p| p.value.get(4..).map(str::to_string))
                    .unwrap_or_default();
                review.published = curated(format!("{year}{rest}"));
            }
            Op::SetSubject(subject) => review.subject = curated(subject.clone()),
            _ => {}
        }
    }
}

/// Applies the theme corrections of a review to its facets (`tags`, the review's profile) and
/// its units: a rejected theme leaves both, an added one joins the profile.
pub fn apply_to_tags(tags: &mut Vec<String>, units: &mut [Unit], corrections: &[Correction]) {
    for c in corrections {
        match &c.op {
            Op::RejectTheme(path) => {
                tags.retain(|t| t != path);
                for unit in units.iter_mut() {
                    unit.tags.retain(|t| t != path);
                    unit.discussed.retain(|t| t != path);
                }
            }
            Op::AddTheme(path) if !tags.contains(path) => tags.push(path.clone()),
            _ => {}
        }
    }
    tags.sort();
}

impl Correction {
    /// Whether the index shows this correction: the review as indexed (`review`, its facets
    /// `tags` and `units`) says what it says. False for a correction that no longer finds what
    /// it corrects in the file, or that waits for the next indexing run.
    pub fn holds(&self, review: &Review, tags: &[String], units: &[Unit]) -> bool {
        let item_with = |text: &str| {
            units.iter().any(|u| {
                matches!(u.kind, crate::UnitKind::Finding | crate::UnitKind::Recommendation)
                    && same_text(&u.text, text)
            })
        };
        match &self.op {
            Op::SetType(id) => review.review_type.as_ref().is_some_and(|t| &t.value == id),
            Op::SetYear(year) => review.year() == Some(*year),
            Op::SetSubject(s) => review.subject.as_ref().is_some_and(|v| &v.value == s),
            Op::RejectTheme(path) => !tags.contains(path),
            Op::AddTheme(path) => tags.contains(path),
            Op::AddRecommendation { text, .. } | Op::EditItem { new_text: text, .. } => {
                item_with(text)
            }
            Op::NotAnItem { text, .. } => !item_with(text),
            // Grouping is read from the index as a whole: see `SearchIndex::duplicates`.
            Op::SameReview(_) | Op::NotSameReview(_) => true,
            Op::Hide => false,
        }
    }
}

/// Applies the grouping corrections of a review to its version.
pub fn apply_to_version(version: &mut crate::duplicates::Version, corrections: &[Correction]) {
    for c in corrections {
        match &c.op {
            Op::SameReview(other) => version.same_as.push(other.clone()),
            Op::NotSameReview(other) => version.apart_from.push(other.clone()),
            _ => {}
        }
    }
}

/// Whether the corrections hide the review.
pub fn hides(corrections: &[Correction]) -> bool {
    corrections.iter().any(|c| c.op == Op::Hide)
}
