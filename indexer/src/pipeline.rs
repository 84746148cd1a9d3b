//! The indexing run: find the files, extract them in parallel, write one commit.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use casebook::{IndexBuilder, ReviewId, SearchIndex, Taxonomy};
use rayon::prelude::*;
use tracing::{info, warn};

use crate::extract;
use crate::isolate::IsolationLimits;
use crate::metadata::{self, Listed};
use crate::structure;
use crate::units::Tagger;
use crate::{Error, Result};
use casebook::store::corrections;

/// What to index and where.
#[derive(Clone, Debug)]
pub struct IndexOptions {
    /// The index folder; created if missing.
    pub index_dir: PathBuf,
    /// PDF files and folders to walk.
    pub inputs: Vec<PathBuf>,
    /// The taxonomy to tag with; `None` for the built-in one.
    pub taxonomy: Option<Taxonomy>,
    /// Extract each PDF in a child process with these limits (for untrusted folders); `None`
    /// to extract in this process.
    pub isolation: Option<Isolation>,
    /// Read every file again, even those whose fingerprint is unchanged.
    pub full: bool,
    /// Told after each file is read, for a progress bar.
    pub progress: Option<ProgressFn>,
    /// How long the extraction of one file may take before the file is skipped as "timed out"
    /// (in a child process, [`Isolation::limits`] bound it instead).
    pub time_limit: Duration,
    /// Curators' corrections in force, applied to their reviews at every run.
    pub corrections: casebook::store::corrections::InForce,
    /// The data folder whose database holds the curators' corrections: read at the start of
    /// every run (added to `corrections`), when it has a database.
    pub data_dir: Option<PathBuf>,
    /// Read only these reviews again, from the files their records name (to apply a new
    /// correction at once); nothing else is read or removed. `None`: the whole of `inputs`.
    pub only: Option<Vec<ReviewId>>,
    /// Read pages that have no text layer with Tesseract (when it is installed).
    pub ocr: bool,
    /// Most pages of one file to read by OCR: a file with more is refused, named (a bound per
    /// file; [`crate::ocr::MAX_OCR_PAGES`] by default).
    pub max_ocr_pages: usize,
    /// Where pages read by OCR are kept (default: `<index_dir>.ocr-cache` beside the index).
    pub ocr_cache: Option<PathBuf>,
    /// Keep the reviews whose files are outside `inputs` (`casebook fetch` indexes its library
    /// into an index that may hold other folders too); only a review whose file was under
    /// `inputs` and is gone is taken out. By default (and with `full`, which rebuilds the
    /// index from `inputs` alone) the index is made to hold exactly the PDFs under `inputs`.
    pub keep_others: bool,
}

impl IndexOptions {
    /// The folder of pages read by OCR.
    pub fn ocr_cache(&self) -> PathBuf {
        self.ocr_cache.clone().unwrap_or_else(|| {
            let mut name = self.index_dir.file_name().unwrap_or_default().to_os_string();
            name.push(".ocr-cache");
            self.index_dir.with_file_name(name)
        })
    }
}

/// How to extract PDFs in child processes.
#[derive(Clone, Debug)]
pub struct Isolation {
    /// The `casebook` executable, which has the hidden `extract-one` subcommand.
    pub exe: PathBuf,
    /// Time and memory limits of each child.
    pub limits: IsolationLimits,
}

/// Where a run has got to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Files to read in this run (the changed and new ones).
    pub files_total: usize,
    /// Files read so far, indexed or skipped.
    pub files_done: usize,
    /// Pages read so far.
    pub pages_done: usize,
    /// Of those, pages read by OCR.
    pub ocr_pages_done: usize,
}

/// A function told of progress, from the indexing threads.
#[derive(Clone)]
pub struct ProgressFn(pub Arc<dyn Fn(Progress) + Send + Sync>);

impl std::fmt::Debug for ProgressFn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProgressFn")
    }
}

impl IndexOptions {
    /// Options to index `inputs` into `index_dir` with the built-in taxonomy, incrementally.
    pub fn new(index_dir: &Path, inputs: &[PathBuf]) -> IndexOptions {
        IndexOptions {
            index_dir: index_dir.to_path_buf(),
            inputs: inputs.to_vec(),
            taxonomy: None,
            isolation: None,
            full: false,
            progress: None,
            time_limit: extract::PdfOptions::default().time_limit,
            corrections: Default::default(),
            data_dir: None,
            only: None,
            ocr: true,
            max_ocr_pages: crate::ocr::MAX_OCR_PAGES,
            ocr_cache: None,
            keep_others: false,
        }
    }
}

/// What a run did.
#[derive(Clone, Debug, Default)]
pub struct IndexReport {
    /// PDF files found.
    pub n_found: usize,
    /// Files read and indexed in this run (new or changed).
    pub n_indexed: usize,
    /// Files left as they were in the index, because they have not changed.
    pub n_unchanged: usize,
    /// Reviews taken out of the index because their file is gone.
    pub n_removed: usize,
    /// Pages read in this run.
    pub n_pages: usize,
    /// Of those, pages read by OCR (or from its cache).
    pub n_ocr_pages: usize,
    /// Files that could not be indexed, with the reason. A changed file that cannot be read
    /// keeps the version indexed before.
    pub skipped: Vec<FileProblem>,
    /// Problems that did not stop a file from being indexed.
    pub warnings: Vec<FileProblem>,
    /// Documents that are another version of a review in the index (an executive summary, a
    /// copy under another name): searchable, but counted once with their review.
    pub n_duplicates: usize,
    /// Reviews left out of the index because a curator hid them.
    pub n_hidden: usize,
    /// Whether the run changed the index (nothing is written when nothing changed).
    pub committed: bool,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
}

/// A problem with one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub reason: String,
}

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
    if let Some(data) = &options.data_dir
        && casebook::store::Store::exists(data)
    {
        let store = casebook::store::Store::open(data)
            .map_err(|err| Error::Data { path: data.clone(), reason: err.to_string() })?;
        let mut with = options.clone();
        with.data_dir = None;
        let stored = store
            .corrections_in_force()
            .map_err(|err| Error::Data { path: data.clone(), reason: err.to_string() })?;
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

/// Applies the curators' corrections of findings and recommendations (a new text or number,
/// "not a finding or recommendation") to what the structure reader found, finding each item
/// by its page and its text as read. Returns the corrections that found nothing.
fn correct_items<'a>(
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
fn correct_addressees(
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
            unit.tags.retain(|t| !t.starts_with("/agency/"));
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

/// The listing entry of a PDF, if a listing page links it.
fn listed<'a>(listings: &'a Listings, path: &Path) -> Option<&'a Listed> {
    listings.fetched.get(path).or_else(|| {
        path.file_name().and_then(|n| listings.pages.get(&n.to_string_lossy().to_lowercase()))
    })
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
    corrections: &[casebook::store::corrections::Correction],
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

/// The recommendations of one review, held back until every review is read so that those
/// made in several reviews can be grouped.
struct HeldRecommendations {
    review: casebook::Review,
    /// Each with its sequence number among the review's units (its key).
    units: Vec<(usize, casebook::Unit)>,
}

/// Groups recommendations that recur across reviews, tags each member of a group that spans
/// two or more reviews with `/recurrence/<group>`, and adds them. A review published twice
/// (`groups`) is one review: its executive summary restating a recommendation is not a
/// recurrence.
fn add_recommendations(
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

enum Outcome {
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
fn scanned_pages(path: &Path) -> std::result::Result<extract::Extracted, String> {
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
struct Job<'a> {
    builder: &'a IndexBuilder,
    tagger: &'a Tagger,
    listings: &'a Listings,
    options: &'a IndexOptions,
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
    fn index_file(&self, id: &ReviewId, path: &Path, fingerprint: &str, replace: bool) -> Outcome {
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

/// What the boards' listing pages say about each PDF.
#[derive(Default)]
struct Listings {
    /// From the pages found among the inputs, by lower-cased file name.
    pages: HashMap<String, Listed>,
    /// From the provenance of fetched PDFs (`<name>.source.toml`, what the page said when
    /// the PDF was fetched), by path: first, as it names the very file.
    fetched: HashMap<PathBuf, Listed>,
}

/// Reads every HTML page under `inputs` as a listing of reviews, and the provenance sidecars
/// of fetched PDFs. An unreadable page or sidecar is skipped with a warning: listings only add
/// metadata.
fn listings(inputs: &[PathBuf]) -> Result<Listings> {
    let mut out = Listings::default();
    // One walk of the inputs for both kinds of file.
    for page in walk(inputs, &["html", "htm", "toml"])? {
        if page.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml")) {
            let name = page.file_name().and_then(|n| n.to_str());
            let Some(stem) = name.and_then(|n| n.strip_suffix(".source.toml")) else { continue };
            let pdf = page.with_file_name(format!("{stem}.pdf"));
            match crate::fetch::library::read_provenance(&pdf) {
                Ok(Some(provenance)) => {
                    out.fetched.insert(pdf.clone(), provenance.listed(&pdf));
                }
                Ok(None) => {}
                Err(err) => warn!(%err, "provenance sidecar skipped"),
            }
            continue;
        }
        let listing = match crate::listing::read_listing(&page) {
            Ok(listing) => listing,
            Err(err) => {
                warn!(path = %page.display(), %err, "listing page skipped");
                continue;
            }
        };
        for entry in listing.entries {
            let key = entry.file_name.to_lowercase();
            // The overview report's own link wins over a learning summary's.
            let better = out
                .pages
                .get(&key)
                .is_none_or(|known| known.entry.is_supplementary && !entry.is_supplementary);
            if better {
                out.pages.insert(key, Listed { entry, board: listing.board.clone() });
            }
        }
    }
    Ok(out)
}

/// Files under `inputs` with one of `extensions`, sorted and without duplicates.
fn walk(inputs: &[PathBuf], extensions: &[&str]) -> Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for input in inputs {
        if !input.exists() {
            return Err(Error::NoInput { path: input.clone() });
        }
        for entry in walkdir::WalkDir::new(input).follow_links(true).sort_by_file_name() {
            let entry = entry
                .map_err(|err| Error::Walk { path: input.clone(), reason: err.to_string() })?;
            let wanted = entry.file_type().is_file()
                && entry
                    .path()
                    .extension()
                    .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)));
            if wanted {
                paths.push(entry.into_path());
            }
        }
    }
    paths.sort();
    paths.dedup();
    Ok(paths)
}

/// Finds the PDFs under `inputs`, sorted by path, each with a unique review id.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<(ReviewId, PathBuf)>> {
    discover_avoiding(inputs, &HashSet::new())
}

/// [`discover`], giving no file one of the ids `taken` (by reviews of other folders).
fn discover_avoiding(
    inputs: &[PathBuf],
    taken: &HashSet<ReviewId>,
) -> Result<Vec<(ReviewId, PathBuf)>> {
    let paths = walk(inputs, &["pdf"])?;
    let mut seen = taken.clone();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let base = ReviewId::slugify(&stem);
        let mut id = base.clone();
        let mut n = 2;
        while !seen.insert(id.clone()) {
            id = base.numbered(n);
            n += 1;
        }
        files.push((id, path));
    }
    Ok(files)
}
