//! Search and dashboard latency on the sample corpus: `cargo bench -p casebook-web --bench search`.
//!
//! Indexes `corpus/` into a temporary folder, then sends typical faceted queries to the search
//! page and the JSON API through the real router (templates, snippets, facets, spelling
//! correction and all) and reports p50, p95 and the slowest answer of each. The reference run,
//! in the same process, is the core search alone for the same words (one tantivy query with
//! snippets, no facets, no HTML): the ratio says what the page adds to it.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use casebook::{SearchIndex, SearchRequest};
use casebook_web::{AppState, app};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// Requests measured per query, after as many to warm up.
const ROUNDS: usize = 200;

/// Typical requests: a practitioner's words, with and without filters, on both front ends.
const QUERIES: &[(&str, &str)] = &[
    ("/?q=disguised+compliance+neglect", "disguised compliance neglect"),
    (
        "/?q=disguised+compliance+neglect&theme=neglect&theme=engagement",
        "disguised compliance neglect",
    ),
    ("/?q=information+sharing&kind=recommendation&agency=health", "information sharing"),
    ("/?q=unseen+men&year_from=2015&type=lcspr&type=scr", "unseen men"),
    ("/?q=domestic+abuse&risk=parental_mental_health&sort=date", "domestic abuse"),
    ("/?q=%22voice+of+the+child%22&age=under_1&age=1_4", "\"voice of the child\""),
    ("/?q=neglet+babies", "neglet babies"),
    ("/api/search?q=professional+curiosity&theme=professional_curiosity", "professional curiosity"),
    ("/api/search?q=supervision&kind=finding&per_page=50", "supervision"),
    // The themes dashboard: every review, then a search's reviews split by board.
    ("/themes", ""),
    ("/themes?q=coercive+control&split=board", "coercive control"),
];

fn main() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let dir = tempfile::tempdir().expect("temporary folder");
    let options = casebook_indexer::IndexOptions::new(dir.path(), std::slice::from_ref(&corpus));
    let report = casebook_indexer::run(&options).expect("the sample corpus indexes");
    println!(
        "search latency on the sample corpus ({} reviews, {} pages), {ROUNDS} requests each",
        report.n_indexed, report.n_pages
    );
    let index = SearchIndex::open(dir.path()).expect("index opens");
    let router = app(AppState::with_index(SearchIndex::open(dir.path()).expect("index opens")));
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();

    println!(
        "{:<72} {:>8} {:>8} {:>8} {:>10} {:>7}",
        "request", "p50 ms", "p95 ms", "max ms", "core p50", "ratio"
    );
    let mut worst_p95 = Duration::ZERO;
    for &(uri, words) in QUERIES {
        let page = measure(|| {
            runtime.block_on(async {
                let request = Request::builder().uri(uri).body(Body::empty()).unwrap();
                let response = router.clone().oneshot(request).await.unwrap();
                assert_eq!(response.status(), StatusCode::OK, "{uri}");
                response.into_body().collect().await.unwrap().to_bytes().len()
            })
        });
        let core = measure(|| {
            let results = index.search(&SearchRequest::new(words)).unwrap();
            results.groups.len()
        });
        worst_p95 = worst_p95.max(page.p95);
        println!(
            "{:<72} {:>8.2} {:>8.2} {:>8.2} {:>10.2} {:>6.1}×",
            uri,
            ms(page.p50),
            ms(page.p95),
            ms(page.max),
            ms(core.p50),
            page.p50.as_secs_f64() / core.p50.as_secs_f64()
        );
    }
    println!("slowest p95 of any request: {:.2} ms (target: under 20 ms)", ms(worst_p95));
}

struct Latency {
    p50: Duration,
    p95: Duration,
    max: Duration,
}

/// Runs `f` to warm up, then `ROUNDS` times timed; `f` returns something to keep it honest.
fn measure<T>(mut f: impl FnMut() -> T) -> Latency {
    for _ in 0..ROUNDS {
        std::hint::black_box(f());
    }
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    Latency { p50: times[ROUNDS / 2], p95: times[ROUNDS * 95 / 100], max: times[ROUNDS - 1] }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
