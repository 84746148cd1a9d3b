//! The JSON API on the real index, through the router with `oneshot`.

use axum::http::StatusCode;

use crate::support::{fixture, get, get_json};

#[tokio::test]
async fn api_search_returns_hits_with_review_page_and_snippet() {
    let (status, body) = get_json("/api/search?q=neglect").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["total"].as_u64().unwrap() > 0);
    let hit = &body["hits"][0];
    assert!(!hit["review"]["id"].as_str().unwrap().is_empty());
    assert!(!hit["review"]["title"].as_str().unwrap().is_empty());
    assert!(hit["page"].as_u64().unwrap() >= 1);
    assert!(hit["snippet_html"].as_str().unwrap().contains("<mark>"));
    assert!(hit["pdf"].as_str().unwrap().contains(".pdf#page="));
}

#[tokio::test]
async fn api_search_with_no_hits_is_empty_not_an_error() {
    let (status, body) = get_json("/api/search?q=xylophonequartzwobble").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total"], 0);
    assert_eq!(body["hits"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn api_search_with_empty_query_browses_every_review() {
    let (status, body) = get_json("/api/search?q=&kind=review&per_page=100").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total_reviews"].as_u64().unwrap() as usize, fixture().report.n_indexed);
}

#[tokio::test]
async fn api_bad_parameters_give_400_naming_the_parameter() {
    for (uri, parameter) in [
        ("/api/search?q=a&page=zero", "page"),
        ("/api/search?q=a&per_page=5000", "per_page"),
        ("/api/search?q=a&year_from=later", "year_from"),
        ("/api/search?q=a&kind=chapter", "kind"),
        ("/api/search?q=a&theme=..%2Fetc", "theme"),
        ("/api/search?q=a&sort=random", "sort"),
    ] {
        let (status, body) = get_json(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(body["error"]["parameter"], parameter, "{uri}: {body}");
    }
}

#[tokio::test]
async fn api_malformed_query_is_searched_as_plain_words() {
    let (status, body) = get_json("/api/search?q=%22neglect%20AND%20(").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["notice"].as_str().is_some(), "{body}");
    assert!(body["total"].as_u64().unwrap() > 0);
}

#[tokio::test]
async fn api_review_gives_metadata_and_pages() {
    let (_, search) = get_json("/api/search?q=&kind=review&per_page=1").await;
    let id = search["hits"][0]["review"]["id"].as_str().unwrap().to_string();
    let (status, body) = get_json(&format!("/api/reviews/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["id"], id.as_str());
    assert!(body["n_pages"].as_u64().unwrap() >= 1);
    assert!(!body["units"].as_array().unwrap().is_empty());
    let (status, _) = get_json("/api/reviews/no-such-review").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = get("/api/reviews/..%2F..%2Fetc%2Fpasswd").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
