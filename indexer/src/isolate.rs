//! Extraction in a child process, for folders whose PDFs nobody vouches for.
//!
//! In-process extraction catches panics, but a stack overflow or a failed allocation aborts the
//! whole process, and a runaway loop cannot be stopped from another thread. Here one PDF is
//! extracted by a child process (the `casebook` binary's hidden `extract-one` subcommand, which
//! calls [`run_child`]) under a wall-clock timeout and an address-space limit. The child writes
//! its result as JSON on stdout; a child that is killed, dies by a signal or writes nothing
//! readable becomes an [`ExtractError`] for that file, and the run goes on.
//!
//! The memory limit is set by spawning the child through `/bin/sh -c 'ulimit -v KIB && exec …'`:
//! std has no `setrlimit`, `pre_exec` is `unsafe` (forbidden in this workspace) and `prlimit(1)`
//! is not installed everywhere, while every POSIX shell we meet (dash, bash, busybox) has
//! `ulimit -v`, and `exec` keeps the child's pid so that a kill reaches the extractor itself.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::extract::{ExtractError, Extracted, PdfOptions, pdf::PdfError};

/// Bounds on one child extraction.
#[derive(Debug, Clone)]
pub struct IsolationLimits {
    /// Wall-clock time after which the child is killed.
    pub timeout: Duration,
    /// Largest address space of the child, in bytes (`RLIMIT_AS`); `None` for no limit.
    pub max_memory_bytes: Option<u64>,
    /// The time the child gives itself before it stops extracting and reports "timed out"
    /// (`PdfOptions::time_limit`); a child still running at `timeout` is killed.
    pub extract_time_limit: Duration,
}

impl Default for IsolationLimits {
    fn default() -> Self {
        IsolationLimits::for_time_limit(PdfOptions::default().time_limit)
    }
}

impl IsolationLimits {
    /// Limits for a child that gives itself `time_limit` to extract a file: it is killed
    /// [`KILL_GRACE`] later, when it has not stopped by itself, and at 1 GiB of memory.
    pub fn for_time_limit(time_limit: Duration) -> IsolationLimits {
        IsolationLimits {
            timeout: time_limit + KILL_GRACE,
            max_memory_bytes: Some(1 << 30),
            extract_time_limit: time_limit,
        }
    }
}

/// How long past its own time limit a child may run before it is killed: long enough to
/// write its result, so that a slow file ends as "timed out" rather than as a killed child.
pub const KILL_GRACE: Duration = Duration::from_secs(2);

/// The hidden subcommand of `exe` that runs [`run_child`].
pub const CHILD_SUBCOMMAND: &str = "extract-one";
/// The option of [`CHILD_SUBCOMMAND`] that gives the child its time limit, in milliseconds.
pub const TIME_LIMIT_ARG: &str = "--time-limit-ms";

/// Extracts the PDF at `pdf` by running `exe extract-one --time-limit-ms N -- PDF` under
/// `limits`.
///
/// `exe` is the `casebook` binary (callers inside it pass `std::env::current_exe()`). The result
/// is the same as in-process extraction with `limits.extract_time_limit`, except that a child
/// that runs out of time, crashes or cannot be started yields [`ExtractError::Killed`],
/// [`ExtractError::Crashed`] or [`ExtractError::Spawn`].
pub fn extract_isolated(
    exe: &Path,
    pdf: &Path,
    limits: &IsolationLimits,
) -> Result<Extracted, ExtractError> {
    let started = Instant::now();
    let mut child = command(exe, pdf, limits)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(ExtractError::Spawn)?;
    // Both pipes are drained on threads so that a child writing a lot never blocks on a full
    // pipe while we wait for it to exit.
    let stdout = drain(child.stdout.take(), MAX_STDOUT, false);
    let stderr = drain(child.stderr.take(), MAX_STDERR, true);
    let status = wait_until(&mut child, started + limits.timeout);
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    let status = match status {
        Ok(Some(status)) => status,
        Ok(None) => return Err(ExtractError::Killed(limits.timeout)),
        Err(err) => return Err(ExtractError::Spawn(err)),
    };
    if let Some(reason) = abnormal_end(status, &stderr) {
        return Err(ExtractError::Crashed(reason));
    }
    if stdout.len() > MAX_STDOUT {
        return Err(ExtractError::Protocol(format!("more than {MAX_STDOUT} bytes")));
    }
    let wire: WireResult = serde_json::from_slice(&stdout)
        .map_err(|err| ExtractError::Protocol(format!("{err} in {} bytes", stdout.len())))?;
    match wire {
        WireResult::Extracted(text) => Ok(*text),
        WireResult::Failed(err) => Err(ExtractError::Pdf(err.into())),
    }
}

/// Extracts `pdf` in this process and writes the result as JSON to `out`: the child's side of
/// [`extract_isolated`].
///
/// An extraction error is written too, so only an I/O error on `out` is returned.
pub fn run_child(pdf: &Path, time_limit: Duration, out: &mut dyn Write) -> std::io::Result<()> {
    let options = PdfOptions { time_limit, ..PdfOptions::default() };
    let wire = match crate::extract::pdf::extract_file(pdf, &options) {
        Ok(text) => WireResult::Extracted(Box::new(text)),
        Err(err) => WireResult::Failed(WireError::from(&err)),
    };
    serde_json::to_writer(&mut *out, &wire)?;
    out.flush()
}

/// Exit code of the shell when `ulimit` fails, so that the limit is never silently dropped.
const NO_LIMIT_EXIT: i32 = 125;

fn command(exe: &Path, pdf: &Path, limits: &IsolationLimits) -> Command {
    let mut cmd = match limits.max_memory_bytes {
        Some(bytes) if cfg!(unix) => {
            let kib = (bytes / 1024).max(1);
            let mut sh = Command::new("/bin/sh");
            sh.arg("-c")
                .arg(format!("ulimit -v {kib} || exit {NO_LIMIT_EXIT}; exec \"$0\" \"$@\""))
                .arg(exe);
            sh
        }
        _ => Command::new(exe),
    };
    // After `--`, a file name that starts with a dash is not taken for an option.
    cmd.arg(CHILD_SUBCOMMAND)
        .arg(TIME_LIMIT_ARG)
        .arg(limits.extract_time_limit.as_millis().to_string())
        .arg("--")
        .arg(pdf);
    // The child logs only real problems, on stderr, whatever the parent was asked to log, and
    // prints no backtrace, so that the last line of stderr is the reason it died.
    cmd.env("CASEBOOK_LOG", "error").env("RUST_BACKTRACE", "0");
    cmd
}

/// Most of the child's stdout that is read: far more than any real result (a 2,400-page file
/// gives 12 MB), little enough that a child flooding its output cannot exhaust the caller.
const MAX_STDOUT: usize = 256 << 20;
/// Most of the child's stderr that is kept: its end, where the reason it died is.
const MAX_STDERR: usize = 64 << 10;

/// Reads `pipe` to its end on a thread, keeping at most `max` bytes: the first ones, or with
/// `keep_tail` the last ones. A read error leaves what was read so far.
fn drain<R: Read + Send + 'static>(
    pipe: Option<R>,
    max: usize,
    keep_tail: bool,
) -> JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let Some(mut pipe) = pipe else { return kept };
        let mut chunk = [0u8; 64 << 10];
        loop {
            let n = match pipe.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            if keep_tail {
                kept.extend_from_slice(&chunk[..n]);
                if kept.len() > max {
                    kept.drain(..kept.len() - max);
                }
            } else if kept.len() < max {
                // Going over `max` by one chunk at most marks the output as too large.
                kept.extend_from_slice(&chunk[..n]);
            }
        }
        kept
    })
}

/// Waits for `child` until `deadline`; returns `None` after killing it if it runs over.
fn wait_until(child: &mut Child, deadline: Instant) -> std::io::Result<Option<ExitStatus>> {
    let mut pause = Duration::from_millis(1);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        let now = Instant::now();
        if now >= deadline {
            // The child may have exited in between; either way it is reaped below.
            let _ = child.kill();
            child.wait()?;
            return Ok(None);
        }
        thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

/// Describes a child that did not end normally, with the last line it wrote on stderr.
fn abnormal_end(status: ExitStatus, stderr: &[u8]) -> Option<String> {
    let how = match (status.code(), signal(status)) {
        (Some(0), _) => return None,
        (Some(NO_LIMIT_EXIT), _) => "the memory limit could not be set".to_string(),
        (Some(code), _) => format!("exit code {code}"),
        (None, Some(sig)) => format!("signal {sig}"),
        (None, None) => "no exit code".to_string(),
    };
    let stderr = String::from_utf8_lossy(stderr);
    let last = stderr.lines().map(str::trim).rfind(|l| !l.is_empty() && !is_boilerplate(l));
    Some(match last {
        Some(line) => format!("{how}: {}", truncate(line, 200)),
        None => how,
    })
}

/// Lines the Rust runtime adds after the one that says what went wrong.
fn is_boilerplate(line: &str) -> bool {
    [
        "note: ",
        "stack backtrace:",
        "skipping backtrace",
        "fatal runtime error: failed to initiate panic",
    ]
    .iter()
    .any(|p| line.starts_with(p))
}

#[cfg(unix)]
fn signal(status: ExitStatus) -> Option<i32> {
    std::os::unix::process::ExitStatusExt::signal(&status)
}

#[cfg(not(unix))]
fn signal(_: ExitStatus) -> Option<i32> {
    None
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

// The wire format: the extraction types themselves, and a mirror of the error, whose
// variants carry sources that do not serialise.

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum WireResult {
    Extracted(Box<Extracted>),
    Failed(WireError),
}

#[derive(Serialize, Deserialize)]
struct WireError {
    kind: ErrorKind,
    /// The detail for `malformed` and `io`, the whole message otherwise.
    message: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ErrorKind {
    NeedsPassword,
    Malformed,
    NoTextLayer,
    TimedOut,
    Io,
}

impl From<&PdfError> for WireError {
    fn from(err: &PdfError) -> Self {
        let (kind, message) = match err {
            PdfError::NeedsPassword => (ErrorKind::NeedsPassword, err.to_string()),
            PdfError::Malformed(detail) => (ErrorKind::Malformed, detail.clone()),
            PdfError::NoTextLayer => (ErrorKind::NoTextLayer, err.to_string()),
            PdfError::TimedOut => (ErrorKind::TimedOut, err.to_string()),
            PdfError::Io(io) => (ErrorKind::Io, io.to_string()),
        };
        WireError { kind, message }
    }
}

impl From<WireError> for PdfError {
    fn from(err: WireError) -> Self {
        match err.kind {
            ErrorKind::NeedsPassword => PdfError::NeedsPassword,
            ErrorKind::Malformed => PdfError::Malformed(err.message),
            ErrorKind::NoTextLayer => PdfError::NoTextLayer,
            ErrorKind::TimedOut => PdfError::TimedOut,
            ErrorKind::Io => PdfError::Io(std::io::Error::other(err.message)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Line, PageText};

    /// Writes an executable shell script standing in for the `casebook` binary.
    fn fake_exe(dir: &Path, name: &str, body: &str) -> std::path::PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("script written");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        path
    }

    // One test spawns every process: scripts are written before any spawn, because a fork in
    // another test thread while a script is open for writing makes its exec fail with ETXTBSY.
    #[test]
    fn child_failures_become_per_file_errors() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let segv = fake_exe(
            dir.path(),
            "segv",
            "echo 'about to fail' >&2; echo 'note: run with RUST_BACKTRACE=1' >&2; kill -SEGV $$",
        );
        let limit = fake_exe(dir.path(), "limit", "echo \"limit $(ulimit -v)\" >&2; exit 3");
        let slow = fake_exe(dir.path(), "slow", "exec sleep 30");
        let garbage = fake_exe(dir.path(), "garbage", "echo '{not json'");
        let args = fake_exe(dir.path(), "args", "printf '%s|' \"$@\" >&2; exit 4");
        let pdf = Path::new("some file.pdf");
        let limits = IsolationLimits::default();

        let err = extract_isolated(&segv, pdf, &limits).unwrap_err();
        assert_eq!(err.to_string(), "extractor crashed (signal 11: about to fail)");

        let err = extract_isolated(&limit, pdf, &limits).unwrap_err();
        assert_eq!(err.to_string(), "extractor crashed (exit code 3: limit 1048576)");

        let err = extract_isolated(&args, pdf, &limits).unwrap_err();
        assert_eq!(
            err.to_string(),
            "extractor crashed (exit code 4: extract-one|--time-limit-ms|8000|--|some file.pdf|)"
        );

        let started = Instant::now();
        let short = IsolationLimits {
            timeout: Duration::from_millis(300),
            max_memory_bytes: None,
            ..IsolationLimits::default()
        };
        let err = extract_isolated(&slow, pdf, &short).unwrap_err();
        assert!(matches!(err, ExtractError::Killed(_)), "{err}");
        assert!(started.elapsed() < Duration::from_secs(5));

        let err = extract_isolated(&garbage, pdf, &limits).unwrap_err();
        assert!(matches!(err, ExtractError::Protocol(_)), "{err}");

        let missing = dir.path().join("missing");
        let err = extract_isolated(&missing, pdf, &short).unwrap_err();
        assert!(matches!(err, ExtractError::Spawn(_)), "{err}");
        let err = extract_isolated(&missing, pdf, &limits).unwrap_err();
        assert!(err.to_string().starts_with("extractor crashed (exit code 127"), "{err}");

        let status = Command::new("/bin/sh").arg("-c").arg("exit 0").status().expect("sh runs");
        assert_eq!(abnormal_end(status, b""), None);
    }

    #[test]
    fn errors_survive_the_wire() {
        for err in [
            PdfError::NeedsPassword,
            PdfError::Malformed("bad xref".into()),
            PdfError::NoTextLayer,
            PdfError::TimedOut,
        ] {
            let json = serde_json::to_string(&WireResult::Failed(WireError::from(&err))).unwrap();
            let WireResult::Failed(back) = serde_json::from_str(&json).unwrap() else {
                panic!("{json} is not an error");
            };
            assert_eq!(PdfError::from(back).to_string(), err.to_string());
        }
    }

    #[test]
    fn non_finite_floats_survive_the_wire_as_nan() {
        let page = PageText {
            number: 1,
            lines: vec![Line {
                text: "x".into(),
                font_size: f32::INFINITY,
                bold: false,
                italic: false,
                x: 1.5,
                x_end: f32::NAN,
                y: 2.0,
                cells: vec![crate::extract::Cell { offset: 0, x: f32::NEG_INFINITY }],
                paragraph_start: true,
            }],
            ..PageText::default()
        };
        let text = Extracted { pages: vec![page], ..Extracted::default() };
        let json = serde_json::to_string(&WireResult::Extracted(Box::new(text))).unwrap();
        let WireResult::Extracted(back) = serde_json::from_str(&json).unwrap() else {
            panic!("{json} is not a text");
        };
        assert!(back.pages[0].lines[0].font_size.is_nan());
        assert!(back.pages[0].lines[0].x_end.is_nan());
        assert!(back.pages[0].lines[0].cells[0].x.is_nan());
        assert_eq!(back.pages[0].lines[0].x, 1.5);
    }
}
