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
async fn api_search_says_which_spelling_correction_it_searched() {
    let (status, body) = get_json("/api/search?q=neglet&theme=neglect").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["corrected_query"], "neglect");
    assert!(body["total"].as_u64().unwrap() > 0);
    assert!(body["facets"]["theme"].as_array().unwrap().iter().any(|f| f["value"] == "neglect"));
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

#[tokio::test]
async fn api_returns_facet_counts_that_follow_the_filters() {
    let (_, all) = get_json("/api/search?q=baby").await;
    let themes = all["facets"]["theme"].as_array().unwrap();
    assert!(!themes.is_empty());
    let first = themes[0]["value"].as_str().unwrap().to_string();
    let n_first = themes[0]["reviews"].as_u64().unwrap();
    let (_, filtered) = get_json(&format!("/api/search?q=baby&theme={first}")).await;
    assert_eq!(filtered["total_reviews"].as_u64().unwrap(), n_first);
    // Other groups are counted within the filtered set.
    let types_before: u64 = all["facets"]["type"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["reviews"].as_u64().unwrap())
        .sum();
    let types_after: u64 = filtered["facets"]["type"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["reviews"].as_u64().unwrap())
        .sum();
    assert!(types_after <= types_before);
}

#[tokio::test]
async fn api_lists_recommendations_with_number_page_and_agency() {
    let (status, body) =
        get_json("/api/search?kind=recommendation&agency=health&per_page=1000").await;
    assert_eq!(status, StatusCode::OK);
    let hits = body["hits"].as_array().unwrap();
    assert!(hits.len() >= 5, "{}", hits.len());
    assert_eq!(hits.len() as u64, body["total"].as_u64().unwrap(), "a flat list holds every unit");
    for hit in hits {
        assert_eq!(hit["kind"], "recommendation");
        assert!(hit["number"].as_str().is_some());
        assert!(hit["page"].as_u64().unwrap() >= 1);
        let tags: Vec<&str> =
            hit["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
        assert!(tags.contains(&"/agency/health"), "{tags:?}");
    }
}

#[tokio::test]
async fn api_expands_synonyms_and_says_so() {
    let (_, body) = get_json("/api/search?q=domestic+violence").await;
    let expanded = &body["expanded"][0];
    assert_eq!(expanded["entry"], "domestic_abuse");
    assert!(expanded["also"].as_array().unwrap().iter().any(|a| a == "coercive control"));
}

#[tokio::test]
async fn api_taxonomy_lists_entries_with_synonyms() {
    let (status, body) = get_json("/api/taxonomy").await;
    assert_eq!(status, StatusCode::OK);
    let entries = body.as_array().unwrap();
    let trio = entries.iter().find(|e| e["id"] == "toxic_trio").expect("toxic trio");
    assert_eq!(trio["components"].as_array().unwrap().len(), 3);
    assert!(entries.iter().any(|e| e["id"] == "domestic_abuse"
        && e["synonyms"].as_array().unwrap().iter().any(|s| s == "DA")));
}

#[tokio::test]
async fn api_describes_itself_in_openapi() {
    let (status, body) = get_json("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["openapi"].as_str().unwrap().starts_with("3."));
    for path in ["/api/search", "/api/reviews/{id}", "/api/taxonomy"] {
        assert!(body["paths"][path].is_object(), "{path} is described");
    }
}

#[tokio::test]
async fn glossaries_do_not_outrank_what_reviews_say() {
    // Glossaries are the densest passages for an abbreviation, and say nothing about practice.
    // They still match, below the passages, findings and recommendations that use the term.
    for q in ["CSE", "MARAC", "SUDI"] {
        let (_, body) = get_json(&format!("/api/search?q={q}&group=none&per_page=100")).await;
        let sections: Vec<String> = body["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|hit| hit["section"].to_string().to_lowercase())
            .collect();
        assert!(!sections[0].contains("glossary"), "{q}: {sections:?}");
        assert!(sections.iter().any(|s| s.contains("glossary")), "{q}: glossaries still match");
    }
}
