//! What a run is asked to do, and what it reports.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use casebook::corrections::InForce;
use casebook::{ReviewId, Taxonomy};

use crate::extract;
use crate::isolate::IsolationLimits;

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
    pub corrections: InForce,
    /// Where the curators' corrections are kept (the web layer's database): read at the start
    /// of every run and added to `corrections`, so that a watch sees the latest.
    pub corrections_from: Option<CorrectionsFn>,
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

/// Reads the curators' corrections in force from where they are kept; `origin` (the data
/// folder) names it in errors.
#[derive(Clone)]
pub struct CorrectionsFn {
    /// Where the corrections are kept.
    pub origin: PathBuf,
    /// Reads them, or says why it cannot.
    pub read: Arc<dyn Fn() -> Result<InForce, String> + Send + Sync>,
}

impl std::fmt::Debug for CorrectionsFn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorrectionsFn").field("origin", &self.origin).finish_non_exhaustive()
    }
}

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
            corrections_from: None,
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
