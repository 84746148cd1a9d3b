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

/// A one-page PDF in Helvetica with one line of text per entry, written by hand; an entry
/// that starts with `# ` is a heading, set larger in bold.
pub(crate) fn simple_pdf(lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 7 Tf 10 TL 40 770 Td\n");
    for line in lines {
        let (heading, line) = match line.strip_prefix("# ") {
            Some(heading) => (true, heading),
            None => (false, *line),
        };
        let escaped = line.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
        if heading {
            content.push_str(&format!("0 -12 Td /F2 14 Tf ({escaped}) Tj 0 -20 Td /F1 7 Tf\n"));
        } else {
            content.push_str(&format!("({escaped}) Tj T*\n"));
        }
    }
    content.push_str("ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
            .to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", n + 1).into_bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").into_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    pdf
}

/// Copies the PDFs, sidecars and listing pages under `from` into `to`.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else if entry.path().extension().is_some_and(|e| e == "pdf" || e == "toml" || e == "html")
        {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
