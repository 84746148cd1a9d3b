//! `cargo bench -p casebook-web --bench fetch`: 30 board sites on loopback (one port each, so
//! 30 hosts), followed with the real `casebook fetch`: a first run that downloads and indexes
//! everything, then a second with nothing changed, which must make only conditional requests
//! and take under a second. Prints the figures and writes `bench/FETCH.md`.

#[allow(dead_code, unreachable_pub)]
#[path = "../tests/it/board_site.rs"]
mod board_site;
#[allow(dead_code, unreachable_pub)]
#[path = "../tests/it/support.rs"]
mod support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const SOURCES: usize = 30;
const BOARDS: [&str; 9] = [
    "tolmarsh_scp",
    "thrandale_scp",
    "kelderbrook_sab",
    "strathellen_cpc",
    "ormsleigh_fenmarch_scp",
    "tolmarsh_sab",
    "nccpl",
    "bro_elwyn_rsb",
    "kelderbrook_csp",
];

fn main() {
    let exe = Path::new(env!("CARGO_BIN_EXE_casebook"));
    let other = board_site::counting("127.0.0.2");
    let sites: Vec<board_site::Site> = (0..SOURCES)
        .map(|n| board_site::board_site(&other.base(), &[BOARDS[n % BOARDS.len()]]))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let index = dir.path().join("index");
    let mut sources = String::from("contact = \"mailto:bench@casebook.example\"\n");
    for (n, site) in sites.iter().enumerate() {
        let board = BOARDS[n % BOARDS.len()];
        sources.push_str(&format!(
            "\n[[source]]\nurl = \"{}\"\nboard = \"{board} {n}\"\n",
            site.url(&format!("/{board}/"))
        ));
    }
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("sources.toml"), sources).unwrap();
    let allow: Vec<String> =
        sites.iter().flat_map(|s| ["--allow-host".to_string(), s.addr.to_string()]).collect();
    let run = |delay: &str| {
        let started = Instant::now();
        let out = Command::new(exe)
            .args(["fetch", "--delay", delay, "--data"])
            .arg(&data)
            .arg("--index")
            .arg(&index)
            .args(&allow)
            .output()
            .unwrap();
        let elapsed = started.elapsed();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            matches!(out.status.code(), Some(0 | 2)),
            "{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (elapsed, stdout)
    };
    // The first run at 0.1 s between requests to a host, to keep the benchmark short.
    let (first, first_out) = run("0.1");
    let first_requests: usize = sites.iter().map(|s| s.log.seen().len()).sum();
    let pdfs = walk_pdfs(&data.join("library"));
    for site in &sites {
        site.log.clear();
    }
    // The second at the default politeness (2 s): with one request per host it never waits.
    let (second, second_out) = run("2");
    let seen: Vec<board_site::Seen> = sites.iter().flat_map(|s| s.log.seen()).collect();
    let conditional = seen.iter().filter(|s| s.conditional).count();
    let not_modified = seen.iter().filter(|s| s.status == 304).count();
    assert_eq!(conditional, seen.len(), "every request of the second run is conditional: {seen:?}");
    assert!(other.log.seen().is_empty());
    let summary = |out: &str| {
        out.lines()
            .filter(|l| l.starts_with("fetched ") || l.starts_with("indexed "))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let report = format!(
        "# Fetching from board websites\n\n\
         `cargo bench -p casebook-web --bench fetch` (`web/benches/fetch.rs`): {SOURCES} fictional board \
         sites on loopback, one port each (30 hosts), made from `corpus/boards/`; the real release \
         `casebook fetch`, which fetches and then indexes the library.\n\n\
         | run | wall time | requests | conditional | 304 | per source |\n|---|---:|---:|---:|---:|---:|\n\
         | first (downloads {pdfs} PDFs and indexes them; 0.1 s between requests to a host) | {:.0} ms | {first_requests} | – | – | {:.1} ms |\n\
         | second, nothing changed (default 2 s politeness) | **{:.0} ms** | {} | {conditional} | {not_modified} | {:.1} ms |\n\n\
         Second run / first run: {:.3}. Target: the second run under 1,000 ms for 30 sources, with only \
         conditional requests.\n\n\
         First run: {}\n\nSecond run: {}\n",
        ms(first),
        ms(first) / SOURCES as f64,
        ms(second),
        seen.len(),
        ms(second) / SOURCES as f64,
        second.as_secs_f64() / first.as_secs_f64(),
        summary(&first_out),
        summary(&second_out),
    );
    println!("{report}");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../bench/FETCH.md");
    std::fs::write(&out, &report).unwrap();
    println!("written to bench/FETCH.md");
}

fn walk_pdfs(dir: &Path) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            n += walk_pdfs(&path);
        } else if path.extension().is_some_and(|e| e == "pdf") {
            n += 1;
        }
    }
    n
}
