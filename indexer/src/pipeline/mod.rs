//! The indexing run: find the files, extract them in parallel, write one commit.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use casebook::{ReviewId, SearchIndex, Taxonomy};
use rayon::prelude::*;
use tracing::{info, warn};

use crate::metadata::Listed;
use crate::units::Tagger;
use crate::{Error, Result};

mod amend;
mod inputs;
mod job;
mod options;

use self::amend::{HeldRecommendations, add_recommendations};
use self::inputs::{discover_avoiding, listed, listings};
use self::job::{Job, Outcome};

pub use inputs::discover;
pub use options::{
    CorrectionsFn, FileProblem, IndexOptions, IndexReport, Isolation, Progress, ProgressFn,
};

/// Bumped when extraction, structure or tagging change what a file gives, so that every
/// file is read again by the next run.
const RULES_VERSION: &str = "casebook-indexer 3";

/// Indexes every PDF under `options.inputs` into the index at `options.index_dir`.
///
/// The run is incremental: a file whose fingerprint (a blake3 hash of its bytes, its sidecar,
/// its listing entry, its path and the indexer's rules) is what the index holds is not read
/// again; a changed file replaces its review's units; a review whose file is gone is taken
/// out. Recommendations are grouped across every review again. All of it is one commit: a
/// search sees the old index or the new one, never half of an update. If the run fails, or
/// no file could be indexed, the previous index is left exactly as it was.
pub fn run(options: &IndexOptions) -> Result<IndexReport> {
    if let Some(from) = &options.corrections_from {
        let stored =
            (from.read)().map_err(|reason| Error::Data { path: from.origin.clone(), reason })?;
        let mut with = options.clone();
        with.corrections_from = None;
        for (id, corrections) in stored {
            with.corrections.entry(id).or_default().extend(corrections);
        }
        return run(&with);
    }
    let started = Instant::now();
    let listings = listings(&options.inputs)?;
    let taxonomy = options.taxonomy.clone().unwrap_or_else(Taxonomy::builtin);
    let rules = rules_hash(&taxonomy);
    let tagger = Tagger::new(taxonomy);
    let index = match SearchIndex::open_or_create(&options.index_dir) {
        Err(casebook::Error::OtherVersion { .. }) => return rebuild(options),
        opened => opened?,
    };
    let previous = index.fingerprints()?;
    // With `keep_others`, the reviews of files outside the inputs stay, and keep their ids.
    let others: HashSet<ReviewId> = if options.keep_others && options.only.is_none() {
        let inside = |file: &str| {
            let file = Path::new(file);
            options.inputs.iter().any(|input| file.starts_with(input))
        };
        index.reviews()?.into_iter().filter(|r| !inside(&r.file)).map(|r| r.id).collect()
    } else {
        HashSet::new()
    };
    let files = match &options.only {
        None => discover_avoiding(&options.inputs, &others)?,
        Some(ids) => {
            let mut files = Vec::new();
            for id in ids {
                let review = index
                    .review(id)?
                    .ok_or_else(|| Error::Index(casebook::Error::UnknownReview(id.to_string())))?;
                files.push((id.clone(), PathBuf::from(review.file)));
            }
            files
        }
    };

    let fingerprints: Vec<Option<String>> = files
        .par_iter()
        .map(|(id, path)| {
            let corrections = options.corrections.get(id).map_or(&[][..], Vec::as_slice);
            fingerprint(path, listed(&listings, path), rules.as_bytes(), corrections)
        })
        .collect();
    let present: HashSet<&ReviewId> = files.iter().map(|(id, _)| id).collect();
    let removed: Vec<&ReviewId> = match options.only {
        Some(_) => Vec::new(),
        None => {
            previous.keys().filter(|id| !present.contains(id) && !others.contains(*id)).collect()
        }
    };
    let changed: Vec<(&(ReviewId, PathBuf), &Option<String>)> = files
        .iter()
        .zip(&fingerprints)
        .filter(|((id, _), fp)| {
            options.full
                || options.only.is_some()
                || fp.is_none()
                || previous.get(id) != fp.as_ref()
        })
        .collect();
    let mut report = IndexReport {
        n_found: files.len(),
        n_unchanged: match options.only {
            Some(_) => previous.len().saturating_sub(changed.len()),
            None => files.len() - changed.len(),
        },
        n_removed: removed.len(),
        ..IndexReport::default()
    };
    info!(n_files = files.len(), n_changed = changed.len(), n_removed = removed.len(), "indexing");
    if changed.is_empty() && removed.is_empty() {
        report.elapsed = started.elapsed();
        return Ok(report);
    }

    let mut builder = index.builder()?;
    // The recommendations of the reviews that stay, read back to be grouped again with the
    // new ones (all of them are deleted and added again below).
    let mut kept: HashMap<ReviewId, HeldRecommendations> = HashMap::new();
    if options.full {
        builder.clear()?;
    } else {
        for id in &removed {
            builder.delete_review(id);
        }
        builder.delete_kind(casebook::UnitKind::Recommendation);
        let reviews: HashMap<ReviewId, casebook::Review> =
            index.reviews()?.into_iter().map(|r| (r.id.clone(), r)).collect();
        for (key, unit) in index.units_of_kind(casebook::UnitKind::Recommendation)? {
            let Some(review) = reviews.get(&unit.review) else { continue };
            let seq = casebook::UnitKey::parse(&key).map_or(0, |key| key.seq);
            let held = kept.entry(unit.review.clone()).or_insert_with(|| HeldRecommendations {
                review: review.clone(),
                units: Vec::new(),
            });
            let mut unit = unit;
            // The grouping is made again; the review's own facets are added again with it.
            unit.tags.retain(|t| !t.starts_with("/recurrence/") && !casebook::is_review_facet(t));
            held.units.push((seq, unit));
        }
        for held in kept.values_mut() {
            held.units.sort_by_key(|(seq, _)| *seq);
        }
        // A review with no recommendations has nothing to hold; one whose file is gone neither.
        for id in &removed {
            kept.remove(*id);
        }
    }

    let done = AtomicUsize::new(0);
    let pages = AtomicUsize::new(0);
    let ocr_pages = AtomicUsize::new(0);
    let total = changed.len();
    let outcomes: Vec<(ReviewId, Outcome)> = changed
        .par_iter()
        .map(|((id, path), fp)| {
            let job = Job { builder: &builder, tagger: &tagger, listings: &listings, options };
            let replace = !options.full && previous.contains_key(id);
            let outcome = job.index_file(id, path, fp.as_deref().unwrap_or(""), replace);
            if let Outcome::Indexed { n_pages, n_ocr, .. } = &outcome {
                pages.fetch_add(*n_pages, Ordering::Relaxed);
                ocr_pages.fetch_add(*n_ocr, Ordering::Relaxed);
            }
            let files_done = done.fetch_add(1, Ordering::Relaxed) + 1;
            if let Some(progress) = &options.progress {
                (progress.0)(Progress {
                    files_total: total,
                    files_done,
                    pages_done: pages.load(Ordering::Relaxed),
                    ocr_pages_done: ocr_pages.load(Ordering::Relaxed),
                });
            }
            (id.clone(), outcome)
        })
        .collect();

    // The sketch of every review the commit will hold, to find those published twice: the
    // unchanged ones' from their records, the new ones' from their text.
    let mut versions = index.versions()?;
    for id in &removed {
        versions.remove(*id);
    }
    let mut held = Vec::new();
    for (id, outcome) in outcomes {
        match outcome {
            Outcome::Indexed { n_pages, n_ocr, warnings, recommendations, version } => {
                report.n_indexed += 1;
                report.n_pages += n_pages;
                report.n_ocr_pages += n_ocr;
                report.warnings.extend(warnings);
                kept.remove(&id);
                versions.insert(id, version);
                held.push(*recommendations);
            }
            Outcome::Hidden => {
                report.n_hidden += 1;
                kept.remove(&id);
                versions.remove(&id);
            }
            Outcome::Skipped(problem) => {
                // The version indexed before, if any, stays, with its recommendations.
                warn!(path = %problem.path.display(), reason = %problem.reason, "skipped");
                report.skipped.push(problem);
            }
            Outcome::Failed(err) => return Err(err),
        }
    }
    if report.n_indexed == 0 && report.n_unchanged == 0 {
        // Dropping the builder rolls back every delete above.
        return Err(Error::NothingIndexed { n_found: report.n_found });
    }
    let mut kept: Vec<HeldRecommendations> = kept.into_values().collect();
    kept.sort_by(|a, b| a.review.id.cmp(&b.review.id));
    held.extend(kept);
    let grouping = Instant::now();
    let documents: Vec<casebook::duplicates::Document<'_>> = versions
        .iter()
        .map(|(id, version)| casebook::duplicates::Document::new(id, version))
        .collect();
    let groups = casebook::duplicates::group(&documents);
    report.n_duplicates = groups.n_duplicates();
    info!(
        n_reviews = documents.len(),
        n_duplicates = report.n_duplicates,
        elapsed_ms = grouping.elapsed().as_millis() as u64,
        "same reviews published twice grouped"
    );
    // Main documents first, so that a group of recurring recommendations is named after one
    // of theirs and keeps its name when another version of a review is added.
    held.sort_by(|a, b| {
        let key = |h: &HeldRecommendations| (!groups.counts(&h.review.id), h.review.id.clone());
        key(a).cmp(&key(b))
    });
    add_recommendations(&builder, held, &groups)?;
    builder.commit()?;
    index.reload()?;
    report.committed = true;
    report.elapsed = started.elapsed();
    info!(
        n_indexed = report.n_indexed,
        n_unchanged = report.n_unchanged,
        n_removed = report.n_removed,
        n_pages = report.n_pages,
        n_skipped = report.skipped.len(),
        elapsed_ms = report.elapsed.as_millis() as u64,
        "index committed"
    );
    Ok(report)
}

/// Indexes into a new folder beside `options.index_dir` and puts it in place of the index
/// there, which another version of Casebook wrote with other fields. The old index is left
/// as it was until the new one is complete.
fn rebuild(options: &IndexOptions) -> Result<IndexReport> {
    let dir = &options.index_dir;
    let beside = |suffix: &str| {
        let mut name = dir.file_name().unwrap_or_default().to_os_string();
        name.push(suffix);
        dir.with_file_name(name)
    };
    let (fresh, old) = (beside(".rebuilding"), beside(".old"));
    warn!(path = %dir.display(), "index written by another version of casebook: rebuilding it");
    for leftover in [&fresh, &old] {
        if leftover.exists() {
            std::fs::remove_dir_all(leftover)
                .map_err(|source| Error::Io { path: leftover.clone(), source })?;
        }
    }
    let report = run(&IndexOptions {
        index_dir: fresh.clone(),
        full: true,
        ocr_cache: Some(options.ocr_cache()),
        ..options.clone()
    })?;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    std::fs::rename(dir, &old).map_err(io(dir))?;
    std::fs::rename(&fresh, dir).map_err(io(&fresh))?;
    std::fs::remove_dir_all(&old).map_err(io(&old))?;
    Ok(report)
}

/// The hash of what every file is read with: the indexer's rules and the taxonomy, in a
/// stable encoding (not `Debug`, which may change with the toolchain and reindex everything).
fn rules_hash(taxonomy: &Taxonomy) -> blake3::Hash {
    let mut hasher = blake3::Hasher::new();
    hasher.update(RULES_VERSION.as_bytes());
    hasher.update(b"\0");
    hasher.update(taxonomy.encode().as_bytes());
    hasher.finalize()
}

/// The fingerprint of what a review is made from (its file, sidecar, listing entry, the rules
/// and the curators' corrections of it); `None` when the file cannot be read (it is then read
/// again, and reported, by the extraction).
fn fingerprint(
    path: &Path,
    listed: Option<&Listed>,
    rules: &[u8],
    corrections: &[casebook::corrections::Correction],
) -> Option<String> {
    let mut hasher = blake3::Hasher::new();
    hasher.update(rules);
    hasher.update(path.to_string_lossy().as_bytes());
    hasher.update(b"\0");
    hasher.update_mmap(path).ok()?;
    hasher.update(b"\0sidecar\0");
    if let Ok(sidecar) = std::fs::read(path.with_extension("toml")) {
        hasher.update(&sidecar);
    }
    hasher.update(b"\0listing\0");
    if let Some(listed) = listed {
        hasher.update(listed.encode().as_bytes());
    }
    hasher.update(b"\0corrections\0");
    for correction in corrections {
        hasher.update(correction.encode().as_bytes());
        hasher.update(b"\0");
    }
    Some(hasher.finalize().to_hex().to_string())
}
