//! The real `casebook index` killed with SIGKILL in the middle of a run, while the real
//! `casebook serve` answers searches from the same index folder: the server keeps answering
//! from the previous commit, a fresh process can open the index, and the next run completes.
//!
//! Nothing here depends on how fast the machine is (#21): the run is killed when its own
//! progress says it has read some files and not all, and the run after it gives every file as
//! long as it needs.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::packs::Session;
use crate::support::corpus;

fn exe() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_casebook"))
}

/// A second folder of real PDFs for the run that is killed: ../shared/pdf-corpus/mixed, and
/// the 2,400-page file, so that the run has much left to do when it is killed.
fn more_pdfs(into: &Path) -> usize {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/pdf-corpus");
    let big = shared.join("hostile/derived__SafeCommunication_x40_2400pages.pdf");
    let mixed = shared.join("mixed");
    assert!(
        mixed.is_dir() && big.is_file(),
        "{}: not found; clone ../shared beside the project",
        shared.display()
    );
    std::fs::create_dir_all(into).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&mixed)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.push(big);
    for file in &files {
        std::fs::copy(file, into.join(file.file_name().unwrap())).unwrap();
    }
    files.len()
}

fn index_command(index: &Path, inputs: &[&Path]) -> Command {
    let mut command = Command::new(exe());
    command.arg("index").arg("--index").arg(index).args(inputs);
    command.stdout(Stdio::null()).stderr(Stdio::piped());
    command
}

/// The answer to one search, without what changes from one answer to the next.
async fn answer(session: &Session, path: &str) -> (u16, serde_json::Value) {
    let answer = session.get(path).await;
    let mut body: serde_json::Value = serde_json::from_slice(&answer.body).unwrap_or_default();
    if let Some(object) = body.as_object_mut() {
        object.remove("took_ms");
    }
    (answer.status, body)
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_indexer_killed_mid_run_leaves_the_index_searchable_and_the_next_run_completes() {
    let dir = tempfile::tempdir().unwrap();
    let more = dir.path().join("more");
    let n_more = more_pdfs(&more);
    let index = dir.path().join("index");
    let sample = corpus();
    let first = index_command(&index, &[&sample]).status().unwrap();
    assert!(first.success(), "the first run indexes the sample corpus");

    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let server = Server(
        Command::new(exe())
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .arg("--index")
            .arg(&index)
            .arg("--data")
            .arg(dir.path().join("data"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let base = format!("http://127.0.0.1:{port}");
    crate::packs::wait_until_up(&base).await;
    let session = Session::new(&base);
    let searches = ["/api/search?q=neglect", "/api/search?q=", "/api/search?q=the&per_page=50"];
    let mut before = Vec::new();
    for search in searches {
        let (status, body) = answer(&session, search).await;
        assert_eq!(status, 200, "{search}");
        before.push(body);
    }
    let n_before = before[1]["total_reviews"].as_u64().unwrap();

    // Read everything again and the new folder too, and kill the run once its progress lines
    // say that it has read a tenth of the files but not all of them.
    let mut run = index_command(&index, &[&sample, &more]).arg("--full").spawn().unwrap();
    let progress = BufReader::new(run.stderr.take().unwrap());
    let killed_at = tokio::task::spawn_blocking(move || {
        let mut killed_at = None;
        for line in progress.lines() {
            let line = line.unwrap();
            if let Some((done, total)) = files_done(&line)
                && done * 10 >= total
                && done < total
            {
                assert!(run.try_wait().unwrap().is_none(), "the run is still going at {line}");
                killed_at = Some(line);
                break;
            }
        }
        let _ = run.kill(); // SIGKILL
        run.wait().unwrap();
        killed_at
    })
    .await
    .unwrap()
    .unwrap_or_else(|| {
        panic!("the run over {n_more} more files ended before a tenth of its files were read")
    });
    eprintln!("killed at {killed_at:?}");

    // The server answers as before, from the last commit. (Were the reader to load something
    // of the killed run's, it would do so within its reload delay, about half a second.)
    tokio::time::sleep(Duration::from_secs(1)).await;
    for (search, expected) in searches.iter().zip(&before) {
        let (status, body) = answer(&session, search).await;
        assert_eq!(status, 200, "{search} after the kill");
        assert_eq!(&body, expected, "{search}: the same answer after the kill");
    }
    // So does a process that opens the index afresh.
    let reopened = casebook::SearchIndex::open(&index).expect("the index opens after the kill");
    assert_eq!(reopened.stats().unwrap().n_reviews, n_before);

    // The next run completes and reads every file, however long the 2,400-page one takes on
    // this machine, and the running server sees what it added.
    let output =
        index_command(&index, &[&sample, &more]).args(["--time-limit", "3600"]).output().unwrap();
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "the run after the kill completes: {log}");
    assert!(log.contains(", 0 skipped;") && log.contains("written to"), "{log}");
    let started = Instant::now();
    loop {
        let (_, body) = answer(&session, "/api/search?q=").await;
        if body["total_reviews"].as_u64().unwrap() > n_before {
            break;
        }
        assert!(started.elapsed() < PATIENCE, "the server sees the new commit");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    drop(server);
}

/// How long the server may take to see a new commit: its reader reloads within a second, so
/// this is only a bound for a test that would otherwise hang.
const PATIENCE: Duration = Duration::from_secs(300);

/// Reads "indexing: 17/166 files, …", the progress line of a run on a pipe.
fn files_done(line: &str) -> Option<(usize, usize)> {
    let counts = line.strip_prefix("indexing: ")?.split(' ').next()?;
    let (done, total) = counts.split_once('/')?;
    Some((done.parse().ok()?, total.parse().ok()?))
}
