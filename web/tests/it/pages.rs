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
async fn search_page_corrects_a_misspelt_query_that_finds_nothing() {
    let (status, _, body) = get("/?q=disgused+complience").await;
    assert_eq!(status, StatusCode::OK);
    let html = Html::parse_document(&body);
    let notices: Vec<String> = select(&html, "p.notice")
        .iter()
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert!(
        notices.iter().any(|n| n.contains("Showing matches for disguised compliance")),
        "{notices:?}"
    );
    assert!(!select(&html, "li.review").is_empty());
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

#[tokio::test]
async fn search_page_shows_facets_and_removable_chips() {
    let (_, _, body) = get("/?q=baby&risk=babies_under_one").await;
    let html = Html::parse_document(&body);
    let legends: Vec<String> =
        select(&html, "fieldset.facet legend").iter().map(|l| l.text().collect()).collect();
    assert!(legends.iter().any(|l| l == "Theme"), "{legends:?}");
    let ticked = select(&html, "input[type=checkbox][name=risk][value=babies_under_one][checked]");
    assert_eq!(ticked.len(), 1);
    let chip = select(&html, "ul.chips a")[0].value().attr("href").unwrap().to_string();
    assert!(!chip.contains("babies_under_one"), "the chip removes its filter: {chip}");
}

#[tokio::test]
async fn review_page_lists_findings_recommendations_and_similar_reviews() {
    let (status, _, body) = get("/reviews/child-d-scr-2014").await;
    assert_eq!(status, StatusCode::OK);
    let html = Html::parse_document(&body);
    assert!(select(&html, "#findings-heading").len() == 1);
    assert!(select(&html, "#recs-heading").len() == 1);
    assert!(!select(&html, "ul.similar li").is_empty());
    assert!(!select(&html, "ul.evidence > li > details").is_empty());
    let page_links = select(&html, "ol.items a");
    assert!(page_links.iter().all(|a| a.value().attr("href").unwrap().contains(".pdf#page=")));
}

#[tokio::test]
async fn high_contrast_is_switched_by_a_link_without_javascript() {
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    let app = casebook_web::app(crate::support::state());
    let switch = Request::builder()
        .uri("/contrast?on=1&back=%2F%3Fq%3Dneglect")
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(switch).await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/?q=neglect");
    let cookie =
        response.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();

    let page =
        Request::builder().uri("/?q=neglect").header("cookie", cookie).body(Body::empty()).unwrap();
    let body =
        app.clone().oneshot(page).await.unwrap().into_body().collect().await.unwrap().to_bytes();
    let html = Html::parse_document(&String::from_utf8_lossy(&body));
    assert_eq!(select(&html, "html.contrast").len(), 1);
    let toggle = select(&html, "a.contrast-toggle")[0].value().attr("href").unwrap().to_string();
    assert!(toggle.starts_with("/contrast?on=0"), "{toggle}");

    let away = Request::builder()
        .uri("/contrast?on=1&back=https%3A%2F%2Fevil.example")
        .body(Body::empty())
        .unwrap();
    let response = app.oneshot(away).await.unwrap();
    assert_eq!(response.headers()["location"], "/", "never redirects off the site");
}

#[tokio::test]
async fn themes_dashboard_shows_tables_charts_and_links_to_the_reviews_counted() {
    let (status, content_type, body) = get("/themes?type=scr&split=board").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/html"));
    let html = Html::parse_document(&body);
    let heading = select(&html, "h1")[0].text().collect::<String>();
    assert!(heading.starts_with("Themes in "), "{heading}");
    // Charts are server-drawn SVG with a title and description for screen readers: an image,
    // or a group when its bars are links (an image's parts are not announced).
    let charts = select(&html, "figure.chart svg[aria-labelledby]");
    assert!(
        charts.iter().all(|c| matches!(c.value().attr("role"), Some("img" | "group"))),
        "each chart is an image or a group"
    );
    assert!(!charts.is_empty());
    assert_eq!(select(&html, "figure.chart svg title").len(), charts.len());
    // Every count in the themes table links to the reviews it counts, keeping the filter.
    let links = select(&html, "section[aria-labelledby=share-heading] tbody td a");
    assert!(!links.is_empty());
    for link in links {
        let href = link.value().attr("href").unwrap();
        assert!(href.starts_with("/themes/reviews?") && href.contains("type=scr"), "{href}");
        assert!(href.contains("&tag=%2F"), "{href}");
    }
    assert_eq!(select(&html, "#split-heading")[0].text().collect::<String>(), "By board");
}

#[tokio::test]
async fn themes_bad_parameters_give_400_naming_them() {
    for (uri, name) in [("/themes?split=weekday", "split"), ("/themes.csv?table=nope", "table")] {
        let (status, _, body) = get(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(body.contains(name), "{uri}: {body}");
    }
}

#[tokio::test]
async fn error_pages_keep_a_working_contrast_switch() {
    let (status, _, body) = get("/themes?split=weekday").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let html = Html::parse_document(&body);
    let href = select(&html, "a.contrast-toggle")[0].value().attr("href").unwrap().to_string();
    assert!(href.starts_with("/contrast?on=1&back="), "{href}");
}
