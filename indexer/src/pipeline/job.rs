//! One file of a run: extracted, read for its structure, tagged and handed to the builder.

use std::collections::HashMap;
use std::path::Path;

use casebook::corrections;
use casebook::{IndexBuilder, ReviewId};

use super::amend::{HeldRecommendations, correct_addressees, correct_items};
use super::inputs::{Listings, listed};
use super::{FileProblem, IndexOptions};
use crate::Error;
use crate::units::Tagger;
use crate::{extract, metadata, structure};

pub(super) enum Outcome {
    Indexed {
        n_pages: usize,
        warnings: Vec<FileProblem>,
        recommendations: Box<HeldRecommendations>,
        version: casebook::duplicates::Version,
        /// Pages read by OCR.
        n_ocr: usize,
    },
    Skipped(FileProblem),
    /// A curator hid the review: it is left out of the index.
    Hidden,
    Failed(Error),
}

/// The pages of a PDF that has no text layer at all, to be read by OCR.
pub(super) fn scanned_pages(path: &Path) -> std::result::Result<extract::Extracted, String> {
    let doc = lopdf::Document::load(path).map_err(|e| format!("no text layer, and: {e}"))?;
    let n = doc.get_pages().len() as u32;
    if n == 0 {
        return Err("no text layer and no pages".into());
    }
    let pages = (1..=n)
        .map(|number| extract::PageText { number, no_text_layer: true, ..Default::default() })
        .collect();
    Ok(extract::Extracted { pages, info: Default::default(), warnings: Vec::new() })
}

/// What every file of a run shares.
pub(super) struct Job<'a> {
    pub(super) builder: &'a IndexBuilder,
    pub(super) tagger: &'a Tagger,
    pub(super) listings: &'a Listings,
    pub(super) options: &'a IndexOptions,
}

impl Job<'_> {
    /// Reads the pages of `text` that have no text layer by OCR, in place; returns, for each
    /// page read, its confidence or why it could not be read. Refuses the file when it has
    /// pages to read and OCR is off or not installed and the file has no text at all.
    fn read_scans(
        &self,
        path: &Path,
        text: &mut extract::Extracted,
    ) -> std::result::Result<HashMap<u32, std::result::Result<f32, String>>, String> {
        let scanned: Vec<usize> = text
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.no_text_layer && p.body.trim().len() < 20)
            .map(|(i, _)| i)
            .collect();
        let mut read = HashMap::new();
        if scanned.is_empty() {
            return Ok(read);
        }
        let all_scanned = scanned.len() == text.pages.len();
        if !self.options.ocr {
            return if all_scanned { Err("no text layer (OCR is off)".into()) } else { Ok(read) };
        }
        if !crate::ocr::available() {
            let reason = format!("no text layer: {}", crate::ocr::INSTALL_HINT);
            return if all_scanned { Err(reason) } else { Ok(read) };
        }
        if scanned.len() > self.options.max_ocr_pages {
            return Err(format!(
                "{} pages without a text layer: more than {} to read by OCR",
                scanned.len(),
                self.options.max_ocr_pages
            ));
        }
        let mut hasher = blake3::Hasher::new();
        hasher.update_mmap(path).map_err(|e| e.to_string())?;
        let file_hash = hasher.finalize().to_hex().to_string();
        let ocr = crate::ocr::Ocr {
            cache_dir: Some(self.options.ocr_cache()),
            page_limit: crate::ocr::PAGE_LIMIT,
        };
        for i in scanned {
            let number = text.pages[i].number;
            match ocr.read_page(path, &file_hash, number) {
                Ok(page) => {
                    text.pages[i] = page.page;
                    read.insert(number, Ok(page.confidence));
                }
                Err(reason) => {
                    read.insert(number, Err(reason));
                }
            }
        }
        Ok(read)
    }

    /// Reads one file and adds its review; `replace` deletes the version indexed before, once
    /// the new one has been read.
    pub(super) fn index_file(
        &self,
        id: &ReviewId,
        path: &Path,
        fingerprint: &str,
        replace: bool,
    ) -> Outcome {
        let extracted = match &self.options.isolation {
            Some(isolation) => {
                crate::isolate::extract_isolated(&isolation.exe, path, &isolation.limits)
            }
            None => extract::extract_pdf_within(path, self.options.time_limit),
        };
        let skipped =
            |reason: String| Outcome::Skipped(FileProblem { path: path.to_path_buf(), reason });
        let mut text = match extracted {
            Ok(text) => text,
            // A scan: every page is read by OCR below.
            Err(extract::ExtractError::Pdf(extract::PdfError::NoTextLayer)) if self.options.ocr => {
                match scanned_pages(path) {
                    Ok(text) => text,
                    Err(reason) => return skipped(reason),
                }
            }
            Err(err) => return skipped(err.to_string()),
        };
        let mut warnings: Vec<FileProblem> = text
            .warnings
            .iter()
            .map(|w| FileProblem { path: path.to_path_buf(), reason: w.clone() })
            .collect();
        let read_by_ocr = match self.read_scans(path, &mut text) {
            Ok(read) => read,
            Err(reason) => return skipped(reason),
        };
        for (page, problem) in read_by_ocr.iter().filter_map(|(p, r)| Some((p, r.as_ref().err()?)))
        {
            warnings.push(FileProblem {
                path: path.to_path_buf(),
                reason: format!("page {page}: no text layer, and OCR failed: {problem}"),
            });
        }
        let sidecar = metadata::read_sidecar(path).unwrap_or_else(|err| {
            warnings.push(FileProblem { path: err.path.clone(), reason: err.reason });
            None
        });
        let mut review = metadata::review(
            id.clone(),
            path,
            sidecar,
            listed(self.listings, path),
            &text,
            self.tagger.review_types(),
        );
        let corrections = self.options.corrections.get(id).map_or(&[][..], Vec::as_slice);
        if corrections::hides(corrections) {
            if replace {
                self.builder.delete_review(id);
            }
            return Outcome::Hidden;
        }
        // Before tagging: the type decides which risk factors apply.
        corrections::apply_to_review(&mut review, corrections);
        let mut structure = structure::analyse(&text.pages);
        let added = corrections.iter().filter_map(|c| match &c.op {
            corrections::Op::AddRecommendation { page, text } => Some((*page, text.clone())),
            _ => None,
        });
        for (k, (page, added)) in added.enumerate() {
            // Numbered C1, C2… so that a report's own numbers are never taken.
            structure.recommendations.push(structure::Item {
                number: format!("C{}", k + 1),
                page,
                section: vec!["Recommendations added by a curator".to_string()],
                text: added,
                addressed_to: None,
                filed_under: None,
            });
        }
        // A section named like recommendations that gave none: say which, and why.
        warnings.extend(crate::inspect::sections_without_items(path, &review, &structure));
        let mut unmatched = correct_items(&mut structure, corrections);
        let mut units = self.tagger.units(&review, &text.pages, &structure);
        // Every unit of a page read from a scan says so, and how well it was read.
        for unit in &mut units {
            if let Some(Ok(confidence)) = read_by_ocr.get(&unit.page) {
                unit.tags.push(crate::ocr::SCAN_FACET.to_string());
                unit.tags.push(format!("{}/{}", crate::ocr::CONFIDENCE_FACET, confidence.round()));
                if *confidence < crate::ocr::LOW_CONFIDENCE {
                    unit.tags.push(crate::ocr::LOW_CONFIDENCE_FACET.to_string());
                }
            }
        }
        correct_addressees(&mut units, corrections, self.tagger.taxonomy());
        let mut tags = casebook::profile::review_tags(&units);
        corrections::apply_to_tags(&mut tags, &mut units, corrections);
        // A correction that no longer finds what it corrects is said, never dropped silently.
        for correction in unmatched.drain(..) {
            warnings.push(FileProblem {
                path: path.to_path_buf(),
                reason: format!(
                    "correction {} ({}, p. {}) no longer matches what Casebook reads in the file; \
                     see the review's page",
                    correction.id,
                    correction.op.name(),
                    correction.op.page().unwrap_or(0)
                ),
            });
        }
        let (recommendations, others): (Vec<_>, Vec<_>) =
            units.into_iter().partition(|u| u.kind == casebook::UnitKind::Recommendation);
        if replace {
            // Deletes apply to what was added before them, so the new units, added after,
            // stay.
            self.builder.delete_review(id);
        }
        // The body text only: running headers and footers change with an edition.
        let sketch =
            casebook::duplicates::Sketch::of_texts(text.pages.iter().map(|p| p.body.as_str()));
        let mut version = casebook::duplicates::Version::of(&review, sketch);
        corrections::apply_to_version(&mut version, corrections);
        let added = self
            .builder
            .add_record_made_from(&review, &tags, fingerprint, Some(&version))
            .and_then(|()| self.builder.add_units(&review, &others, 0));
        let first_seq = others.len();
        match added {
            Ok(()) => Outcome::Indexed {
                n_pages: text.pages.len(),
                n_ocr: read_by_ocr.values().filter(|r| r.is_ok()).count(),
                version,
                warnings,
                recommendations: Box::new(HeldRecommendations {
                    review,
                    units: recommendations
                        .into_iter()
                        .enumerate()
                        .map(|(i, u)| (first_seq + i, u))
                        .collect(),
                }),
            },
            Err(err) => Outcome::Failed(err.into()),
        }
    }
}
