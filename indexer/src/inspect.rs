//! What Casebook understands of one report, without indexing it: its metadata, section tree,
//! findings and recommendations, and why a section named like findings or recommendations gave
//! none. `casebook inspect` prints it; a partnership adding a new board's layout reads it to see
//! what was understood.

use std::path::Path;

use casebook::{Review, ReviewId, SectionKind, Unit, UnitKind};

use crate::extract::{ExtractError, extract_pdf};
use crate::structure::{self, Structure};
use crate::units::Tagger;
use crate::{FileProblem, metadata};

/// Everything read from one report.
#[derive(Debug)]
pub struct Inspection {
    /// The review's record (type, board, year, …, each with its source).
    pub review: Review,
    /// Sections, findings and recommendations.
    pub structure: Structure,
    /// The index units the report gives, tagged.
    pub units: Vec<Unit>,
    /// The themes, risk factors and agencies the review counts for.
    pub tags: Vec<String>,
    /// Problems worth telling: extraction warnings, a bad sidecar, sections without items.
    pub warnings: Vec<String>,
    /// Every paragraph as the structure reader saw it ([`structure::paragraphs`]).
    pub paragraphs: Vec<String>,
}

/// Reads `pdf` as an indexing run would (its sidecar too, not its board's listing page).
pub fn inspect(pdf: &Path, tagger: &Tagger) -> Result<Inspection, ExtractError> {
    let text = extract_pdf(pdf)?;
    let mut warnings = text.warnings.clone();
    let sidecar = metadata::read_sidecar(pdf).unwrap_or_else(|err| {
        warnings.push(err.to_string());
        None
    });
    let stem = pdf.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let id = ReviewId::slugify(&stem);
    let review = metadata::review(id, pdf, sidecar, None, &text, tagger.review_types());
    let structure = structure::analyse(&text.pages);
    let units = tagger.units(&review, &text.pages, &structure);
    let tags = casebook::profile::review_tags(&units);
    warnings.extend(sections_without_items(pdf, &review, &structure).into_iter().map(|p| p.reason));
    let paragraphs = structure::paragraphs(&text.pages);
    Ok(Inspection { review, structure, units, tags, warnings, paragraphs })
}

/// Warnings for the outermost sections named like recommendations that gave none, in a review
/// that states its own (not a briefing or a national analysis).
pub fn sections_without_items(pdf: &Path, review: &Review, s: &Structure) -> Vec<FileProblem> {
    let own_items = casebook::taxonomy::states_its_own_learning(
        review.review_type.as_ref().map(|t| t.value.as_str()),
    );
    if !own_items || !s.recommendations.is_empty() {
        return Vec::new();
    }
    s.outline
        .iter()
        .filter(|section| section.kind == SectionKind::Recommendations)
        .filter_map(|section| {
            let why = section.why_none.as_ref()?;
            Some(FileProblem {
                path: pdf.to_path_buf(),
                reason: format!(
                    "section {:?} (p. {}) is named like recommendations but none was read: {why}",
                    section.title, section.page
                ),
            })
        })
        .take(3)
        .collect()
}

impl Inspection {
    /// The finding and recommendation units, in order.
    pub fn items(&self) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(|u| matches!(u.kind, UnitKind::Finding | UnitKind::Recommendation))
    }
}
