//! The indexing run: find the files, extract them in parallel, write one commit.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
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
}

/// How to extract PDFs in child processes.
#[derive(Clone, Debug)]
pub struct Isolation {
    /// The `casebook` executable, which has the hidden `extract-one` subcommand.
    pub exe: PathBuf,
    /// Time and memory limits of each child.
    pub limits: IsolationLimits,
}

impl IndexOptions {
    /// Options to index `inputs` into `index_dir` with the built-in taxonomy.
    pub fn new(index_dir: &Path, inputs: &[PathBuf]) -> IndexOptions {
        IndexOptions {
            index_dir: index_dir.to_path_buf(),
            inputs: inputs.to_vec(),
            taxonomy: None,
            isolation: None,
        }
    }
}

/// What a run did.
#[derive(Clone, Debug, Default)]
pub struct IndexReport {
    /// PDF files found.
    pub n_found: usize,
    /// Files indexed.
    pub n_indexed: usize,
    /// Pages indexed.
    pub n_pages: usize,
    /// Files that could not be indexed, with the reason.
    pub skipped: Vec<FileProblem>,
    /// Problems that did not stop a file from being indexed.
    pub warnings: Vec<FileProblem>,
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

/// Indexes every PDF under `options.inputs` into a fresh index at `options.index_dir`.
///
/// The new index replaces the old one in a single commit: if the run fails, or no file could
/// be indexed, the previous index is left exactly as it was.
pub fn run(options: &IndexOptions) -> Result<IndexReport> {
    let started = Instant::now();
    let files = discover(&options.inputs)?;
    let listings = listings(&options.inputs)?;
    let tagger = Tagger::new(options.taxonomy.clone().unwrap_or_else(Taxonomy::builtin));
    let index = SearchIndex::open_or_create(&options.index_dir)?;
    let mut builder = index.builder()?;
    builder.clear()?;

    info!(n_files = files.len(), "indexing");
    let outcomes: Vec<Outcome> = files
        .par_iter()
        .map(|(id, path)| {
            index_file(&builder, &tagger, &listings, options.isolation.as_ref(), id, path)
        })
        .collect();

    let mut report = IndexReport { n_found: files.len(), ..IndexReport::default() };
    let mut held = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Indexed { n_pages, warnings, recommendations } => {
                report.n_indexed += 1;
                report.n_pages += n_pages;
                report.warnings.extend(warnings);
                held.push(*recommendations);
            }
            Outcome::Skipped(problem) => {
                warn!(path = %problem.path.display(), reason = %problem.reason, "skipped");
                report.skipped.push(problem);
            }
            Outcome::Failed(err) => return Err(err),
        }
    }
    if report.n_indexed == 0 {
        // Dropping the builder rolls back the `clear` above.
        return Err(Error::NothingIndexed { n_found: report.n_found });
    }
    add_recommendations(&builder, held)?;
    builder.commit()?;
    index.reload()?;
    report.elapsed = started.elapsed();
    info!(
        n_indexed = report.n_indexed,
        n_pages = report.n_pages,
        n_skipped = report.skipped.len(),
        elapsed_ms = report.elapsed.as_millis() as u64,
        "index committed"
    );
    Ok(report)
}

/// The recommendations of one review, held back until every review is read so that those
/// made in several reviews can be grouped.
struct HeldRecommendations {
    review: casebook::Review,
    units: Vec<casebook::Unit>,
    /// Units of the review already added.
    first_seq: usize,
}

/// Groups recommendations that recur across reviews, tags each member of a group that spans
/// two or more reviews with `/recurrence/<group>`, and adds them.
fn add_recommendations(builder: &IndexBuilder, held: Vec<HeldRecommendations>) -> Result<()> {
    let texts: Vec<casebook::recurrence::Text<'_>> = held
        .iter()
        .flat_map(|h| {
            h.units
                .iter()
                .map(|u| casebook::recurrence::Text { review: h.review.id.as_str(), text: &u.text })
        })
        .collect();
    let representatives = casebook::recurrence::group(&texts);
    let mut reviews_per_group: HashMap<usize, std::collections::HashSet<&str>> = HashMap::new();
    for (i, rep) in representatives.iter().enumerate() {
        reviews_per_group.entry(*rep).or_default().insert(texts[i].review);
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
    for mut h in held {
        for unit in &mut h.units {
            if let Some(tag) = &group_tags[i] {
                unit.tags.push(tag.clone());
            }
            i += 1;
        }
        builder.add_units(&h.review, &h.units, h.first_seq)?;
    }
    Ok(())
}

enum Outcome {
    Indexed {
        n_pages: usize,
        warnings: Vec<FileProblem>,
        recommendations: Box<HeldRecommendations>,
    },
    Skipped(FileProblem),
    Failed(Error),
}

fn index_file(
    builder: &IndexBuilder,
    tagger: &Tagger,
    listings: &Listings,
    isolation: Option<&Isolation>,
    id: &ReviewId,
    path: &Path,
) -> Outcome {
    let extracted = match isolation {
        Some(isolation) => {
            crate::isolate::extract_isolated(&isolation.exe, path, &isolation.limits)
        }
        None => extract::extract_pdf(path),
    };
    let text = match extracted {
        Ok(text) => text,
        Err(err) => {
            return Outcome::Skipped(FileProblem {
                path: path.to_path_buf(),
                reason: err.to_string(),
            });
        }
    };
    let mut warnings: Vec<FileProblem> = text
        .warnings
        .iter()
        .map(|w| FileProblem { path: path.to_path_buf(), reason: w.clone() })
        .collect();
    let sidecar = metadata::read_sidecar(path).unwrap_or_else(|err| {
        warnings.push(FileProblem { path: err.path.clone(), reason: err.reason });
        None
    });
    let listed = path.file_name().and_then(|n| listings.get(&n.to_string_lossy().to_lowercase()));
    let review = metadata::review(id.clone(), path, sidecar, listed, &text);
    let structure = structure::analyse(&text.pages);
    let units = tagger.units(&review, &text.pages, &structure);
    let tags = casebook::profile::review_tags(&units);
    let (recommendations, others): (Vec<_>, Vec<_>) =
        units.into_iter().partition(|u| u.kind == casebook::UnitKind::Recommendation);
    let added =
        builder.add_record(&review, &tags).and_then(|()| builder.add_units(&review, &others, 0));
    match added {
        Ok(()) => Outcome::Indexed {
            n_pages: text.pages.len(),
            warnings,
            recommendations: Box::new(HeldRecommendations {
                review,
                units: recommendations,
                first_seq: others.len(),
            }),
        },
        Err(err) => Outcome::Failed(err.into()),
    }
}

/// What the boards' listing pages say about each PDF, by lower-cased file name.
type Listings = HashMap<String, Listed>;

/// Reads every HTML page under `inputs` as a listing of reviews. An unreadable page is
/// skipped with a warning: listings only add metadata.
fn listings(inputs: &[PathBuf]) -> Result<Listings> {
    let mut out = Listings::new();
    for page in walk(inputs, &["html", "htm"])? {
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
                .get(&key)
                .is_none_or(|known| known.entry.is_supplementary && !entry.is_supplementary);
            if better {
                out.insert(key, Listed { entry, board: listing.board.clone() });
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
    let paths = walk(inputs, &["pdf"])?;
    let mut seen = std::collections::HashSet::new();
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
