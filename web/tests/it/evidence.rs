//! The evidence behind every theme and risk factor of every review of the sample corpus: it
//! agrees with the counting rule, the review page shows it and the API carries it.

use axum::http::StatusCode;
use casebook::SearchIndex;
use casebook::evidence::TagEvidence;
use casebook::profile::{MIN_UNITS, MIN_UNITS_HARM, Reason, Role};
use scraper::{Html, Selector};

use crate::support::{fixture, get, get_json};

fn index() -> SearchIndex {
    SearchIndex::open(&fixture().index_dir).expect("index opens")
}

fn is_theme(path: &str) -> bool {
    path.starts_with("/theme/") || path.starts_with("/risk/")
}

#[test]
fn every_counted_theme_has_evidence_that_agrees_with_the_rule() {
    let index = index();
    let (mut n_tags, mut n_highlighted) = (0, 0);
    for review in index.reviews().unwrap() {
        let id = &review.id;
        let units = index.units(id).unwrap();
        let evidence = index.evidence(&units);
        // The profile was stored by the indexer; the evidence is recomputed from the stored
        // units when a page asks for it. They are the same set.
        let stored: Vec<String> =
            index.review_tags(id).unwrap().into_iter().filter(|t| is_theme(t)).collect();
        let shown: Vec<&str> = evidence.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(shown, stored, "{id}: the evidence covers what the review is counted for");
        for tag in &evidence {
            let path = &tag.path;
            assert!(!tag.quotes.is_empty(), "{id} {path}: no evidence");
            for quote in &tag.quotes {
                let unit = &units[quote.unit];
                assert!(unit.tags.contains(path), "{id} {path}: a quote without the tag");
                for &(start, end) in &quote.spans {
                    assert!(start < end && unit.text.get(start..end).is_some(), "{id} {path}");
                }
            }
            check_reason(id.as_str(), tag, &units);
            n_tags += 1;
            n_highlighted += usize::from(tag.quotes.iter().any(|q| !q.spans.is_empty()));
        }
    }
    assert!(n_tags > 300, "the corpus has many tagged reviews: {n_tags}");
    // A tag whose quotes show no matched words came only by inheritance, which the
    // classifier's matches cover (children and components): none should be left unexplained.
    assert_eq!(n_highlighted, n_tags, "tags with a highlighted word in their evidence");
}

/// Checks that the quotes of `tag` are enough for the reason given, by the rule of
/// `casebook::profile`.
fn check_reason(id: &str, tag: &TagEvidence, units: &[casebook::Unit]) {
    let path = &tag.path;
    let has = |role: Role| tag.quotes.iter().any(|q| q.role == role);
    let ok = match tag.reason {
        Reason::InFinding => has(Role::Finding),
        Reason::Discussed => tag.quotes.iter().any(|q| {
            let item = matches!(q.role, Role::Finding | Role::Recommendation);
            q.role == Role::Discussed || item && units[q.unit].discussed.contains(path)
        }),
        Reason::Units => tag.quotes.len() >= MIN_UNITS,
        Reason::Harm => {
            tag.quotes.iter().filter(|q| q.role != Role::Chronology).count() >= MIN_UNITS_HARM
        }
        Reason::Share => has(Role::Passage) || has(Role::Chronology),
        Reason::Addressed => false,
    };
    assert!(ok, "{id} {path}: {:?} is not borne out by {:?}", tag.reason, tag.quotes);
}

#[tokio::test]
async fn the_review_page_opens_each_theme_to_its_evidence() {
    let index = index();
    for review in index.reviews().unwrap() {
        let id = &review.id;
        let n_themes = index.review_tags(id).unwrap().iter().filter(|t| is_theme(t)).count();
        let (status, _, html) = get(&format!("/reviews/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        let section = html
            .split_once(r#"<ul class="evidence">"#)
            .map(|(_, rest)| rest.split_once("</section>").unwrap().0)
            .unwrap_or_default();
        let items: Vec<&str> = section.split("<li><details>").skip(1).collect();
        assert_eq!(items.len(), n_themes, "{id}: one <details> per theme");
        for item in items {
            assert!(item.contains("<blockquote>"), "{id}: a theme without a quote: {item}");
            assert!(item.contains(".pdf#page="), "{id}: quotes link to their PDF page");
        }
    }
    let (_, _, html) = get("/reviews/child-f-lcspr-2025").await;
    assert!(
        html.contains("<strong>Disabled children</strong>: finding 1, recommendation R1, R2"),
        "the summary names the findings and recommendations behind a theme"
    );
    assert!(html.contains("<mark>disabled child</mark>"), "matched words are highlighted");
}

#[tokio::test]
async fn the_api_gives_each_theme_its_evidence_with_the_matched_words() {
    let (status, body) = get_json("/api/reviews/child-f-lcspr-2025").await;
    assert_eq!(status, StatusCode::OK);
    let themes = body["themes"].as_array().unwrap();
    assert!(!themes.is_empty());
    let units = body["units"].as_array().unwrap();
    for theme in themes {
        let evidence = theme["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty(), "{theme}");
        assert!(!theme["reason"].as_str().unwrap().is_empty());
        for quote in evidence {
            let text = quote["text"].as_str().unwrap();
            let unit = &units[quote["unit"].as_u64().unwrap() as usize];
            assert_eq!(unit["text"], quote["text"], "unit points into units");
            assert!(unit["tags"].as_array().unwrap().contains(&theme["path"]));
            for range in quote["matches"].as_array().unwrap() {
                let (start, end) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
                assert!(text.get(start as usize..end as usize).is_some(), "{range} in {text}");
            }
            assert!(quote["pdf"].as_str().unwrap().ends_with(&format!("#page={}", quote["page"])));
        }
    }
    let disabled = themes.iter().find(|t| t["path"] == "/risk/disabled_children").unwrap();
    assert_eq!(disabled["label"], "Disabled children");
    let first = &disabled["evidence"][0];
    assert_eq!((first["role"].as_str(), first["number"].as_str()), (Some("finding"), Some("1")));
    let text = first["text"].as_str().unwrap();
    let [start, end] = [0, 1].map(|i| first["matches"][0][i].as_u64().unwrap() as usize);
    assert_eq!(&text[start..end], "disability");
    // The OpenAPI description names every field the answer has.
    let (_, spec) = get_json("/api/openapi.json").await;
    let schemas = &spec["components"]["schemas"];
    for (schema, value) in [("Review", &body), ("ReviewTheme", &themes[0]), ("Evidence", first)] {
        for key in value.as_object().unwrap().keys() {
            assert!(schemas[schema]["properties"][key].is_object(), "{schema}.{key} described");
        }
    }
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

/// Follows every count of one table of the dashboard to its page of reviews and checks that
/// the page lists as many reviews as the count, each with a quote. Returns how many counts.
async fn follow_counts(dashboard: &str, cells: &str) -> usize {
    let (status, _, body) = get(dashboard).await;
    assert_eq!(status, StatusCode::OK, "{dashboard}");
    let html = Html::parse_document(&body);
    let mut n_followed = 0;
    for link in select(&html, cells) {
        let n: usize = link.text().collect::<String>().trim().parse().unwrap();
        let href = link.value().attr("href").unwrap().replace("&amp;", "&");
        assert!(href.starts_with("/themes/reviews?"), "{dashboard}: {href}");
        let (status, _, body) = get(&href).await;
        assert_eq!(status, StatusCode::OK, "{href}");
        let page = Html::parse_document(&body);
        let heading = select(&page, "h1")[0].text().collect::<String>();
        assert!(heading.contains(&format!(": {n} review")), "{href}: {heading} for a count of {n}");
        let reviews = select(&page, "ol.counted > li");
        assert_eq!(reviews.len(), n.min(20), "{href}");
        for review in reviews {
            let quotes = review.select(&Selector::parse("blockquote").unwrap()).count();
            let tags = review.select(&Selector::parse(".counted-tag").unwrap()).count();
            assert!(quotes >= 1 && quotes == tags, "{href}: each tag of each review has a quote");
        }
        n_followed += 1;
    }
    n_followed
}

#[tokio::test]
async fn every_count_of_the_dashboard_opens_to_the_reviews_it_counts() {
    let themes =
        follow_counts("/themes", "section[aria-labelledby=share-heading] tbody td a").await;
    assert!(themes > 20, "{themes} theme counts followed");
    // Counts under a filter, by year, split by review type, and pairs of themes.
    let filtered = "/themes?risk=domestic_abuse&split=type";
    let n = follow_counts(filtered, "section[aria-labelledby=share-heading] tbody td a").await;
    assert!(n > 5, "{n}");
    let trend = follow_counts(
        "/themes",
        "section[aria-labelledby=trend-heading] tbody tr:not(:first-child) td a",
    )
    .await;
    let split = follow_counts("/themes", "section[aria-labelledby=split-heading] tbody td a").await;
    let pairs = follow_counts("/themes", "section[aria-labelledby=pairs-heading] td a").await;
    assert!(trend > 0 && split > 0 && pairs > 0, "{trend} {split} {pairs}");
}

#[tokio::test]
async fn the_reviews_behind_a_count_page_through_and_refuse_bad_tags() {
    // The most frequent theme of the corpus, listed 5 to a page.
    let (_, _, body) = get("/themes").await;
    let dashboard = Html::parse_document(&body);
    let top = select(&dashboard, "section[aria-labelledby=share-heading] tbody td a")[0];
    let n: usize = top.text().collect::<String>().trim().parse().unwrap();
    assert!(n > 5, "{n}");
    let href = top.value().attr("href").unwrap().replace("&amp;", "&");
    let (_, _, body) = get(&format!("{href}&per_page=5")).await;
    let first = Html::parse_document(&body);
    let next = select(&first, "a[rel=next]")[0].value().attr("href").unwrap().replace("&amp;", "&");
    let (_, _, body) = get(&next).await;
    let second = Html::parse_document(&body);
    assert_eq!(select(&second, "ol.counted > li").len(), (n - 5).min(5));
    assert_eq!(select(&second, "ol.counted")[0].value().attr("start"), Some("6"));
    let titles = |html: &Html| -> Vec<String> {
        select(html, "ol.counted h2").iter().map(|h| h.text().collect()).collect()
    };
    let both: std::collections::HashSet<String> =
        titles(&first).into_iter().chain(titles(&second)).collect();
    assert_eq!(both.len(), n.min(10), "no review is listed twice");
    for (uri, says) in [
        ("/themes/reviews", "tag"),
        ("/themes/reviews?tag=neglect", "tag"),
        ("/themes/reviews?tag=%2Ftheme%2Fno_such_theme", "no_such_theme"),
    ] {
        let (status, _, body) = get(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(body.contains(says), "{uri}: {body}");
    }
}
