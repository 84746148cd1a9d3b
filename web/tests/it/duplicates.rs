//! One review, counted once (#18), end to end: the sample corpus indexed with a renamed copy
//! of one review and an executive summary cut from another (its first pages, written as a new
//! PDF) counts every figure as the sample corpus alone does, while both new files stay
//! searchable and their pages say which review they are a version of.

use std::path::Path;
use std::sync::OnceLock;

use axum::http::StatusCode;
use casebook::themes::SplitBy;
use casebook::{FacetGroup, SearchIndex, SearchRequest, UnitKind};

use crate::support::{copy_dir, corpus, fixture, get};

const COPIED: &str = "boards/tolmarsh_scp/child-w-scr-2017.pdf";
const COPY: &str = "boards/ncsrp/child-w-overview-reissued.pdf";
const CUT_FROM: &str = "boards/tolmarsh_scp/child-k-lcspr-2022.pdf";
const SUMMARY: &str = "boards/tolmarsh_scp/child-k-executive-summary.pdf";

/// The sample corpus with the two other versions, indexed once.
fn with_versions() -> &'static (tempfile::TempDir, SearchIndex) {
    static INDEX: OnceLock<(tempfile::TempDir, SearchIndex)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let files = dir.path().join("corpus");
        copy_dir(&corpus(), &files);
        std::fs::copy(files.join(COPIED), files.join(COPY)).unwrap();
        cut_pages(&files.join(CUT_FROM), 4, &files.join(SUMMARY));
        let index_dir = dir.path().join("index");
        let options = casebook_indexer::IndexOptions::new(&index_dir, &[files]);
        let report = casebook_indexer::run(&options).unwrap();
        assert_eq!(report.n_duplicates, 2, "both other versions are found");
        let index = SearchIndex::open(&index_dir).unwrap();
        (dir, index)
    })
}

/// Writes the first `n` pages of the PDF `from` as a new PDF.
fn cut_pages(from: &Path, n: u32, to: &Path) {
    let mut doc = lopdf::Document::load(from).unwrap();
    let last = doc.get_pages().len() as u32;
    let rest: Vec<u32> = (n + 1..=last).collect();
    doc.delete_pages(&rest);
    doc.prune_objects();
    doc.save(to).unwrap();
}

fn sample() -> SearchIndex {
    SearchIndex::open(&fixture().index_dir).unwrap()
}

#[test]
fn every_figure_counts_a_review_published_twice_once() {
    let (_, versions) = with_versions();
    let sample = sample();
    let id = |s: &str| casebook::ReviewId::parse(s).unwrap();
    let groups = versions.duplicates().unwrap();
    assert_eq!(groups.main(&id("child-w-overview-reissued")), &id("child-w-scr-2017"));
    assert_eq!(groups.main(&id("child-k-executive-summary")), &id("child-k-lcspr-2022"));
    assert_eq!(groups.n_duplicates(), 2);
    assert_eq!(sample.duplicates().unwrap().n_duplicates(), 0, "no false group in the sample");

    // The dashboard, with every split, and under a filter and words.
    let filtered = SearchRequest {
        query: "police".into(),
        filters: casebook::Filters { themes: vec!["neglect".into()], ..Default::default() },
        ..SearchRequest::default()
    };
    for request in [SearchRequest::default(), filtered] {
        for split in [SplitBy::Type, SplitBy::Board, SplitBy::Age] {
            let mut a = sample.themes(&request, split).unwrap();
            let mut b = versions.themes(&request, split).unwrap();
            assert!(a.n_reviews > 0);
            // Recurring recommendations are compared by what they count and say.
            let recurrent = |r: &mut casebook::themes::ThemeReport| {
                std::mem::take(&mut r.recurrent)
                    .into_iter()
                    .map(|r| (r.n_reviews, r.example))
                    .collect::<Vec<_>>()
            };
            assert_eq!(recurrent(&mut a), recurrent(&mut b), "{split:?}");
            assert_eq!(a, b, "{:?} {split:?}", request.query);
        }
    }

    // Facet counts of reviews, for searches that match the new files.
    for query in ["", "Child K", "Child W neglect", "information sharing"] {
        for kinds in [vec![], vec![UnitKind::Recommendation]] {
            let request = SearchRequest {
                query: query.into(),
                kinds: kinds.clone(),
                ..SearchRequest::default()
            };
            let reviews = |index: &SearchIndex| {
                let (_, facets) = index.search_with_facets(&request).unwrap();
                let mut counts: Vec<(FacetGroup, String, usize)> = facets
                    .groups
                    .iter()
                    .flat_map(|(g, values)| {
                        values.iter().map(|v| (*g, v.value.clone(), v.n_reviews))
                    })
                    .collect();
                counts.extend(
                    facets.years.iter().map(|y| (FacetGroup::Type, y.value.clone(), y.n_reviews)),
                );
                counts.sort();
                counts
            };
            assert_eq!(reviews(&sample), reviews(versions), "{query:?} {kinds:?}");
        }
    }

    // Recurring recommendations: the copy's restated recommendations are not recurrences.
    assert_eq!(sample.recurrence_counts().unwrap().values().sum::<usize>(), {
        versions.recurrence_counts().unwrap().values().sum::<usize>()
    });
    // Similar reviews never offer another version of the same review.
    let similar = versions.similar_reviews(&id("child-w-scr-2017"), 10).unwrap();
    assert!(similar.iter().all(|s| s.review.id != id("child-w-overview-reissued")));
}

#[tokio::test]
async fn other_versions_stay_searchable_and_say_what_they_are() {
    let (_, versions) = with_versions();
    // Each version is searchable with its own page links.
    let request = SearchRequest { query: "Child K".into(), ..SearchRequest::default() };
    let (results, _) = versions.search_with_facets(&request).unwrap();
    let found: Vec<&str> = results.groups.iter().map(|g| g.review.as_str()).collect();
    assert!(found.contains(&"child-k-executive-summary") && found.contains(&"child-k-lcspr-2022"));

    let state =
        casebook_web::AppState::with_index(SearchIndex::open(versions.path().unwrap()).unwrap());
    let page = |uri: &'static str| {
        let state = state.clone();
        async move {
            use axum::body::Body;
            use http_body_util::BodyExt;
            use tower::ServiceExt;
            let request = axum::http::Request::builder().uri(uri).body(Body::empty()).unwrap();
            let response = casebook_web::app(state).oneshot(request).await.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{uri}");
            let bytes = response.into_body().collect().await.unwrap().to_bytes();
            String::from_utf8(bytes.to_vec()).unwrap()
        }
    };
    let main = page("/reviews/child-k-lcspr-2022").await;
    assert!(
        main.contains("Also published as <a href=\"/reviews/child-k-executive-summary\">"),
        "{main}"
    );
    let summary = page("/reviews/child-k-executive-summary").await;
    assert!(
        summary.contains("another version of <a href=\"/reviews/child-k-lcspr-2022\">"),
        "{summary}"
    );
    let api = page("/api/reviews/child-k-executive-summary").await;
    let api: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert_eq!(api["version_of"], "child-k-lcspr-2022");
    let api = page("/api/reviews/child-k-lcspr-2022").await;
    let api: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert_eq!(api["also_published_as"], serde_json::json!(["child-k-executive-summary"]));
    // The sample corpus alone says nothing of versions.
    let (_, _, alone) = get("/reviews/child-k-lcspr-2022").await;
    assert!(!alone.contains("class=\"versions\""));
}
