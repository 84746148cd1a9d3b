//! Fetching reviews from the boards' websites: for every source (a listing page), read its
//! PDF links with the listing reader and download those that are new or changed into the
//! library folder, politely and safely (see `client`), each with its provenance (`library`).
//!
//! Sources on different hosts are fetched side by side (a few workers); the sources of one
//! host one after the other, one request at a time. A listing page that has not changed
//! (a 304 answer, or the same bytes) is not read again, and the PDFs it links are asked for
//! again only every [`FetchOptions::recheck`] (conditionally); a changed page has every PDF
//! it links asked for, conditionally when it is already in the library.

pub mod address;
mod body;
pub mod client;
pub mod library;
mod page;
mod report;
mod resume;
mod robots;
pub mod sources;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use casebook::time::now_ms;
use url::Url;

use self::address::AllowedHosts;
use self::client::{Client, Got, Kind, Limits, Refused, host_key};
use self::library::{Known, ListedAs, Provenance, State};
pub use self::page::decode_html;
use self::page::{last_segment, resolve};
pub use self::report::{
    FetchReport, FileOutcome, FileReport, PageOutcome, SourceReport, write_report,
};
use self::sources::Source;
use crate::listing::{Links, ListingEntry};

/// Told as each source is done (to print it).
pub type OnSource = Arc<dyn Fn(&SourceReport) + Send + Sync>;

/// What one fetch does.
#[derive(Clone)]
pub struct FetchOptions {
    /// The listing pages.
    pub sources: Vec<Source>,
    /// The library folder (`casebook-data/library` by default).
    pub library: PathBuf,
    /// Where whoever runs the fetch can be reached (sent in the User-Agent).
    pub contact: String,
    /// Hosts besides each source's own that may be fetched from, private addresses included.
    pub allowed: AllowedHosts,
    /// Wait between two requests to one host (at least; robots.txt may ask for more).
    pub delay: Duration,
    /// Size and time limits.
    pub limits: Limits,
    /// Most new PDFs downloaded from one source in one run; the rest wait for the next.
    pub max_new: usize,
    /// How often the PDFs of an unchanged listing page are asked for again.
    pub recheck: Duration,
    /// Hosts fetched from at once.
    pub workers: usize,
    /// Told as each source is done.
    pub on_source: Option<OnSource>,
}

impl FetchOptions {
    /// Options with the defaults: 2 s between requests to a host, 200 MB per PDF, 200 new PDFs
    /// per source and run, PDFs of unchanged pages asked for again weekly, 4 hosts at once.
    pub fn new(sources: Vec<Source>, library: &Path, contact: &str) -> FetchOptions {
        FetchOptions {
            sources,
            library: library.to_path_buf(),
            contact: contact.to_string(),
            allowed: AllowedHosts::default(),
            delay: Duration::from_secs(2),
            limits: Limits::default(),
            max_new: 200,
            recheck: Duration::from_secs(7 * 24 * 3600),
            workers: 4,
            on_source: None,
        }
    }
}

/// Errors that stop a fetch (a bad source or file never does).
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The library folder cannot be created.
    #[error("{}: {source}", path.display())]
    Library {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A value of the options is refused.
    #[error("{0}")]
    Options(String),
}

/// Fetches every source into the library.
pub fn fetch(options: &FetchOptions) -> Result<FetchReport, FetchError> {
    let started = Instant::now();
    sources::check_contact(&options.contact)
        .map_err(|reason| FetchError::Options(format!("contact: {reason}")))?;
    std::fs::create_dir_all(&options.library)
        .map_err(|source| FetchError::Library { path: options.library.clone(), source })?;
    let state = State::read(&options.library);
    let (known, problems) = library::known_files(&options.library);
    let client = Client::new(
        &options.contact,
        options.delay,
        options.limits.clone(),
        options.allowed.clone(),
        state.robots.clone().into_iter().collect(),
    );
    let run = Run { options, client, known, state: Mutex::new(state) };

    // The sources of one host are fetched in order by one worker.
    let mut hosts: Vec<(String, Vec<usize>)> = Vec::new();
    for (n, source) in options.sources.iter().enumerate() {
        let key = Url::parse(&source.url).ok().and_then(|u| host_key(&u)).unwrap_or_default();
        match hosts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(n),
            None => hosts.push((key, vec![n])),
        }
    }
    let reports: Mutex<Vec<Option<SourceReport>>> = Mutex::new(vec![None; options.sources.len()]);
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..options.workers.clamp(1, 16).min(hosts.len()) {
            scope.spawn(|| {
                while let Some((_, list)) = hosts.get(next.fetch_add(1, Ordering::Relaxed)) {
                    for &n in list {
                        let report = run.source(&options.sources[n]);
                        if let Some(on_source) = &options.on_source {
                            on_source(&report);
                        }
                        reports.lock().unwrap_or_else(|e| e.into_inner())[n] = Some(report);
                    }
                }
            });
        }
    });
    let Run { client, state, .. } = run;
    let mut state = state.into_inner().unwrap_or_else(|e| e.into_inner());
    state.robots = client.robots_files().into_iter().collect();
    state.write(&options.library).map_err(|source| FetchError::Library {
        path: options.library.join(library::STATE_FILE),
        source,
    })?;
    Ok(FetchReport {
        sources: reports
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .into_iter()
            .flatten()
            .collect(),
        requests: client.requests(),
        problems,
        elapsed: started.elapsed(),
    })
}

struct Run<'a> {
    options: &'a FetchOptions,
    client: Client,
    known: HashMap<String, Known>,
    state: Mutex<State>,
}

impl Run<'_> {
    fn source(&self, source: &Source) -> SourceReport {
        let folder = self.options.library.join(folder_name(source));
        let mut report = SourceReport {
            url: source.url.clone(),
            folder: folder.clone(),
            page: PageOutcome::Unchanged,
            files: Vec::new(),
        };
        let url = match sources::check_url(&source.url) {
            Ok(url) => url,
            Err(reason) => {
                report.page = PageOutcome::Refused(Refused::Scheme(reason));
                return report;
            }
        };
        let origin = url.host_str().unwrap_or_default().to_string();
        let previous =
            self.state.lock().unwrap_or_else(|e| e.into_inner()).pages.get(&source.url).cloned();
        let mut page = previous.clone().unwrap_or_default();
        let mut body = Vec::new();
        let changed = match self.client.get(&url, &origin, &page.validators, Kind::Page, &mut body)
        {
            Err(refused) => {
                report.page = PageOutcome::Refused(refused);
                return report;
            }
            Ok(Got::NotModified) if previous.is_some() => false,
            Ok(Got::NotModified) => {
                report.page = PageOutcome::Refused(Refused::Status(304));
                return report;
            }
            Ok(Got::Body(got)) => {
                let same = previous.as_ref().is_some_and(|p| p.sha256 == got.sha256);
                page.validators = got.validators.clone();
                if !same {
                    let html = decode_html(&body, got.content_type.as_deref());
                    let listing = crate::listing::parse_listing_with(&html, Links::PdfOrDownload);
                    page.board = listing.board;
                    page.entries = resolve(listing.entries, &got.url);
                    page.sha256 = got.sha256;
                }
                !same
            }
        };
        report.page =
            if changed { PageOutcome::Read(page.entries.len()) } else { PageOutcome::Unchanged };
        let due = changed
            || now_ms().saturating_sub(page.checked_ms) >= self.options.recheck.as_millis() as u64;
        let board = source.board.clone().or_else(|| page.board.clone());
        let mut new = 0;
        let mut seen = HashSet::new();
        for entry in &page.entries {
            if !seen.insert(entry.url.clone()) {
                continue;
            }
            let known = self.known.get(&entry.url);
            // An unchanged page's links are left alone until they are due, those that were
            // refused included (a missing file is not asked for daily).
            let outcome = if !due {
                FileReport {
                    url: entry.url.clone(),
                    path: known.map(|k| k.pdf.clone()),
                    outcome: FileOutcome::NotAsked,
                }
            } else if known.is_none() && new >= self.options.max_new {
                FileReport { url: entry.url.clone(), path: None, outcome: FileOutcome::Deferred }
            } else {
                let listed = ListedAs::from_entry(entry, source.review_type.as_deref());
                let file = self.file(entry, &origin, &url, &folder, known, &board, listed);
                if file.outcome == FileOutcome::New {
                    new += 1;
                }
                file
            };
            report.files.push(outcome);
        }
        if due && report.count(|o| matches!(o, FileOutcome::Deferred)) == 0 {
            page.checked_ms = now_ms();
        }
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.pages.insert(source.url.clone(), page);
        // Kept after each source, so that a run killed midway keeps what it learnt.
        if let Err(err) = state.write(&self.options.library) {
            tracing::warn!(%err, "the fetch state could not be written");
        }
        report
    }

    /// Fetches one PDF (conditionally when it is known) and installs it with its provenance.
    #[allow(clippy::too_many_arguments)]
    fn file(
        &self,
        entry: &ListingEntry,
        origin: &str,
        page: &Url,
        folder: &Path,
        known: Option<&Known>,
        board: &Option<String>,
        listed: ListedAs,
    ) -> FileReport {
        let mut report = FileReport {
            url: entry.url.clone(),
            path: known.map(|k| k.pdf.clone()),
            outcome: FileOutcome::Unchanged,
        };
        let refused = |refused: Refused| FileReport {
            url: entry.url.clone(),
            path: known.map(|k| k.pdf.clone()),
            outcome: FileOutcome::Refused(refused),
        };
        let url = match Url::parse(&entry.url) {
            Ok(url) => url,
            Err(_) => return refused(Refused::Scheme(entry.url.clone())),
        };
        if let Err(err) = std::fs::create_dir_all(folder) {
            return refused(Refused::Io(format!("{}: {err}", folder.display())));
        }
        // Named by the address, so that the next run finds what a stopped one left.
        let name = format!(".fetch-{}", &blake3::hash(entry.url.as_bytes()).to_hex()[..16]);
        let part = folder.join(format!("{name}.part"));
        let meta = folder.join(format!("{name}.part.toml"));
        let forget = || {
            let _ = std::fs::remove_file(&part);
            let _ = std::fs::remove_file(&meta);
        };
        let validators = known.map(|k| k.provenance.validators.clone()).unwrap_or_default();
        let to = client::Resumable { part: &part, meta: &meta };
        let got = match self.client.download(&url, origin, &validators, to) {
            Ok(got) => got,
            Err(reason) => {
                // A download cut short is kept for the next run to finish; one refused for
                // what it is, is not.
                let cut_short =
                    matches!(reason, Refused::TimedOut(_) | Refused::Connect(_) | Refused::Io(_));
                if !(cut_short && to.validator().is_some()) {
                    forget();
                }
                return refused(reason);
            }
        };
        let body = match got {
            Got::NotModified => {
                forget();
                if let Some(known) = known {
                    self.rewrite(known, known.provenance.clone(), page, board, listed);
                }
                return report;
            }
            Got::Body(body) => body,
        };
        if let Some(known) = known
            && known.provenance.sha256 == body.sha256
        {
            forget();
            let mut provenance = known.provenance.clone();
            provenance.validators = body.validators;
            self.rewrite(known, provenance, page, board, listed);
            return report;
        }
        let path = match known {
            Some(known) => known.pdf.clone(),
            None => {
                let last = last_segment(&body.url);
                let candidates = [
                    body.file_name.as_deref().unwrap_or(""),
                    entry.file_name.as_str(),
                    last.as_str(),
                ];
                library::file_name_for(folder, &candidates, &entry.url)
            }
        };
        let provenance = Provenance {
            source_page: page.to_string(),
            url: entry.url.clone(),
            final_url: (body.url.as_str() != entry.url).then(|| body.url.to_string()),
            fetched_at: casebook::time::rfc3339(now_ms()),
            validators: body.validators,
            sha256: body.sha256,
            bytes: body.len,
            board: board.clone(),
            listed,
        };
        if let Err(err) = library::install(&part, &path, &provenance) {
            forget();
            return refused(Refused::Io(format!("{}: {err}", path.display())));
        }
        let _ = std::fs::remove_file(&meta);
        report.path = Some(path);
        report.outcome = if known.is_some() { FileOutcome::Changed } else { FileOutcome::New };
        report
    }

    /// Writes the sidecar of a known PDF again when its validators changed or, when the page
    /// it was fetched from lists it, what the page says of it (a new title or date). Another
    /// source linking the same PDF does not change what its own page said.
    fn rewrite(
        &self,
        known: &Known,
        mut provenance: Provenance,
        page: &Url,
        board: &Option<String>,
        listed: ListedAs,
    ) {
        if provenance.source_page == page.as_str() {
            provenance.listed = listed;
            provenance.board = board.clone();
        }
        if provenance != known.provenance {
            let text = toml::to_string(&provenance).unwrap_or_default();
            if let Err(err) =
                library::write_atomic(&library::sidecar_of(&known.pdf), text.as_bytes())
            {
                tracing::warn!(path = %known.pdf.display(), %err, "provenance not updated");
            }
        }
    }
}

/// The library folder of a source: its board's name, else its host.
pub fn folder_name(source: &Source) -> String {
    match &source.board {
        Some(board) => library::slug(board),
        None => library::slug(
            Url::parse(&source.url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .as_deref()
                .unwrap_or("unnamed"),
        ),
    }
}
