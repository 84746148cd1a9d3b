//! `casebook index --watch`: follow the input folders and index again after each burst of
//! changes.
//!
//! Watching starts in [`Watch::start`], before anything is read, so that a change made right
//! after it returns is never missed; [`Watch::run`] then waits for changes until told to stop.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::Watcher;
use tracing::info;

use crate::{Error, IndexOptions, Result};

/// Folders being watched for changes to PDFs, sidecars and listing pages.
pub struct Watch {
    // Dropping the watcher ends the watching.
    _watcher: notify::RecommendedWatcher,
    changes: Receiver<Vec<PathBuf>>,
}

/// How often [`Watch::run`] looks at its `stop` flag.
const TICK: Duration = Duration::from_millis(200);

impl Watch {
    /// Starts watching `options.inputs`: every change from now on is seen by [`Watch::run`].
    pub fn start(options: &IndexOptions) -> Result<Watch> {
        let (tx, changes) = std::sync::mpsc::channel();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if let Ok(event) = event {
                    let _ = tx.send(event.paths);
                }
            })
            .map_err(|err| Error::Walk {
                path: PathBuf::new(),
                reason: format!("watching: {err}"),
            })?;
        for input in &options.inputs {
            watcher
                .watch(input, notify::RecursiveMode::Recursive)
                .map_err(|err| Error::Walk { path: input.clone(), reason: err.to_string() })?;
        }
        Ok(Watch { _watcher: watcher, changes })
    }

    /// Calls `on_change` with the changed paths after each burst of changes to PDFs, sidecars
    /// and listing pages, once nothing has changed for `debounce`; returns when `stop` is set
    /// (looked at every 200 ms).
    pub fn run(self, debounce: Duration, stop: &AtomicBool, mut on_change: impl FnMut(&[PathBuf])) {
        let mut pending: Vec<PathBuf> = Vec::new();
        let mut quiet_since = Instant::now();
        while !stop.load(Ordering::Relaxed) {
            match self.changes.recv_timeout(TICK) {
                Ok(paths) => {
                    let before = pending.len();
                    pending.extend(paths.into_iter().filter(|p| relevant(p)));
                    if pending.len() > before {
                        quiet_since = Instant::now();
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            if !pending.is_empty() && quiet_since.elapsed() >= debounce {
                pending.sort();
                pending.dedup();
                info!(n_paths = pending.len(), "files changed");
                on_change(&pending);
                pending.clear();
            }
        }
    }
}

/// Watches `options.inputs` and calls `on_change` after each burst of changes, until `stop`
/// is set: [`Watch::start`] then [`Watch::run`].
pub fn watch(
    options: &IndexOptions,
    debounce: Duration,
    stop: &AtomicBool,
    on_change: impl FnMut(&[PathBuf]),
) -> Result<()> {
    Watch::start(options)?.run(debounce, stop, on_change);
    Ok(())
}

/// Whether a changed path can change the index: a PDF, a sidecar or a listing page.
fn relevant(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["pdf", "toml", "html", "htm"].iter().any(|x| e.eq_ignore_ascii_case(x)))
}
