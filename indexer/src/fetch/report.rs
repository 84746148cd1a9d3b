//! What a fetch did, source by source and file by file, and how it is printed.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use super::client::Refused;

/// What happened to one PDF link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileOutcome {
    /// Downloaded for the first time.
    New,
    /// Downloaded again: its content changed.
    Changed,
    /// The server said it has not changed, or sent the same bytes.
    Unchanged,
    /// Not asked for: the listing page has not changed, and it was checked recently.
    NotAsked,
    /// Left for the next run: the source's limit of new PDFs per run was reached.
    Deferred,
    /// Not fetched, and why.
    Refused(Refused),
}

/// One PDF link of a source.
#[derive(Clone, Debug)]
pub struct FileReport {
    /// The link.
    pub url: String,
    /// The file in the library, when there is one.
    pub path: Option<PathBuf>,
    /// What happened.
    pub outcome: FileOutcome,
}

/// What the listing page gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageOutcome {
    /// Read (new or changed), with this many PDF links.
    Read(usize),
    /// Not changed since the last run (304, or the same bytes).
    Unchanged,
    /// Not read, and why; nothing of the source was fetched.
    Refused(Refused),
}

/// One source's part of a fetch.
#[derive(Clone, Debug)]
pub struct SourceReport {
    /// The listing page.
    pub url: String,
    /// Its folder in the library.
    pub folder: PathBuf,
    /// What its page gave.
    pub page: PageOutcome,
    /// Each PDF link it has.
    pub files: Vec<FileReport>,
}

impl SourceReport {
    /// How many links had `outcome` (refusals counted together).
    pub fn count(&self, f: impl Fn(&FileOutcome) -> bool) -> usize {
        self.files.iter().filter(|file| f(&file.outcome)).count()
    }
}

/// What a fetch did.
#[derive(Clone, Debug, Default)]
pub struct FetchReport {
    /// By source, in the order of the sources file.
    pub sources: Vec<SourceReport>,
    /// Requests sent, and how many of them were conditional.
    pub requests: (usize, usize),
    /// Sidecars that could not be read (their PDFs were fetched again).
    pub problems: Vec<String>,
    /// How long it took.
    pub elapsed: Duration,
}

impl FetchReport {
    /// Whether anything new or changed came in (and should be indexed).
    pub fn changed(&self) -> bool {
        self.sources
            .iter()
            .any(|s| s.count(|o| matches!(o, FileOutcome::New | FileOutcome::Changed)) > 0)
    }
}

/// Writes a one-line summary of each source and a line for each new, changed or refused file.
pub fn write_report(out: &mut dyn Write, report: &SourceReport) -> std::io::Result<()> {
    let page = match &report.page {
        PageOutcome::Read(n) => format!("page read, {n} PDF links"),
        PageOutcome::Unchanged => "page unchanged".to_string(),
        PageOutcome::Refused(why) => format!("page refused: {why}"),
    };
    let counts = [
        ("new", report.count(|o| *o == FileOutcome::New)),
        ("changed", report.count(|o| *o == FileOutcome::Changed)),
        (
            "unchanged",
            report.count(|o| matches!(o, FileOutcome::Unchanged | FileOutcome::NotAsked)),
        ),
        ("refused", report.count(|o| matches!(o, FileOutcome::Refused(_)))),
        ("left for the next run", report.count(|o| *o == FileOutcome::Deferred)),
    ];
    let counts: Vec<String> =
        counts.iter().filter(|(_, n)| *n > 0).map(|(what, n)| format!("{n} {what}")).collect();
    let counts = if counts.is_empty() { String::new() } else { format!("; {}", counts.join(", ")) };
    writeln!(out, "{}: {page}{counts}", report.url)?;
    for file in &report.files {
        let path = file.path.as_ref().map(|p| format!(" → {}", p.display())).unwrap_or_default();
        match &file.outcome {
            FileOutcome::New => writeln!(out, "  new      {}{path}", file.url)?,
            FileOutcome::Changed => writeln!(out, "  changed  {}{path}", file.url)?,
            FileOutcome::Refused(why) => writeln!(out, "  refused  {}: {why}", file.url)?,
            _ => {}
        }
    }
    Ok(())
}
