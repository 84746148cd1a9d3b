//! The HTML pages on the real index, through the router with `oneshot`.

use axum::http::StatusCode;
use scraper::{Html, Selector};

use crate::support::get;

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).expect("valid selector")).collect()
}

#[tokio::test]
async fn search_page_groups_hits_by_review_with_page_links() {
    let (status, content_type, body) = get("/?q=neglect").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/html"));
    let html = Html::parse_document(&body);
    let reviews = select(&html, "li.review");
    assert!(!reviews.is_empty());
    let marks = select(&html, "li.hit .snippet mark");
    assert!(!marks.is_empty(), "matched words are highlighted");
    let page_link = select(&html, "li.hit .where a")[0].value().attr("href").unwrap().to_string();
    assert!(page_link.starts_with("/files/") && page_link.contains(".pdf#page="), "{page_link}");
}

#[tokio::test]
async fn front_page_lists_reviews_without_a_query() {
    let (status, _, body) = get("/").await;
    assert_eq!(status, StatusCode::OK);
    let html = Html::parse_document(&body);
    assert!(select(&html, "li.review h2 a").len() >= 10);
    assert_eq!(select(&html, "input#q").len(), 1, "the search box is there");
}

#[tokio::test]
async fn search_page_with_no_hits_says_so() {
    let (status, _, body) = get("/?q=xylophonequartzwobble").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("No results"));
}

#[tokio::test]
async fn search_page_escapes_the_query() {
    let (status, _, body) = get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!body.contains("<script>alert(1)"));
}

#[tokio::test]
async fn review_page_links_its_pdf_pages() {
    let (_, _, front) = get("/").await;
    let html = Html::parse_document(&front);
    let href = select(&html, "li.review h2 a")[0].value().attr("href").unwrap().to_string();
    let (status, _, body) = get(&href).await;
    assert_eq!(status, StatusCode::OK);
    let review = Html::parse_document(&body);
    let links = select(&review, "ol.pages a");
    assert!(!links.is_empty());
    let pdf = links[0].value().attr("href").unwrap().split('#').next().unwrap().to_string();
    let (status, content_type, _) = get(&pdf).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/pdf");
}

#[tokio::test]
async fn pdf_route_refuses_paths_outside_the_index() {
    for uri in [
        "/files/..%2F..%2F..%2Fetc%2Fpasswd",
        "/files/../../etc/passwd",
        "/files/%2Fetc%2Fpasswd.pdf",
        "/files/..%2FCargo.toml.pdf",
        "/files/not-indexed.pdf",
        "/files/child-d",
    ] {
        let (status, _, body) = get(uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(!body.contains("[workspace]") && !body.contains("root:"), "{uri} leaked a file");
    }
}

#[tokio::test]
async fn unknown_pages_are_404_html() {
    let (status, content_type, _) = get("/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(content_type.starts_with("text/html"));
    let (status, _, _) = get("/reviews/NOT%20AN%20ID").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
