//! Shared fixtures: the sample corpus indexed once into a temporary folder.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use casebook::SearchIndex;
use casebook_web::{AppState, app};
use http_body_util::BodyExt;
use tower::ServiceExt;

pub(crate) struct Fixture {
    pub(crate) index_dir: PathBuf,
    pub(crate) report: casebook_indexer::IndexReport,
    _dir: tempfile::TempDir,
}

pub(crate) fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")
}

/// The sample corpus, indexed once for the whole test binary.
pub(crate) fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary folder");
        let index_dir = dir.path().join("index");
        let options = casebook_indexer::IndexOptions::new(&index_dir, &[corpus()]);
        let report = casebook_indexer::run(&options).expect("the sample corpus indexes");
        Fixture { index_dir, report, _dir: dir }
    })
}

pub(crate) fn state() -> AppState {
    AppState::with_index(SearchIndex::open(&fixture().index_dir).expect("index opens"))
}

/// Sends a GET request to a fresh app and returns the status, content type and body.
pub(crate) async fn get(uri: &str) -> (StatusCode, String, String) {
    let request = Request::builder().uri(uri).body(Body::empty()).expect("valid request");
    let response = app(state()).oneshot(request).await.expect("infallible service");
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    (status, content_type, String::from_utf8_lossy(&bytes).into_owned())
}

pub(crate) async fn get_json(uri: &str) -> (StatusCode, serde_json::Value) {
    let (status, content_type, body) = get(uri).await;
    assert!(content_type.starts_with("application/json"), "{uri}: content type {content_type}");
    (status, serde_json::from_str(&body).expect("valid JSON"))
}
