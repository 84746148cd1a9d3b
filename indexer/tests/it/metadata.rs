//! Review metadata from sidecars, listing pages and title pages, checked against the gold files
//! through a full indexing run.

use std::path::Path;

use casebook::{Provenance, ReviewId, SearchIndex};
use casebook_indexer::IndexOptions;
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    meta: Meta,
}

#[derive(Deserialize)]
struct Meta {
    #[serde(rename = "type")]
    review_type: String,
    board_id: String,
    published: String,
    #[serde(default)]
    subject: Option<String>,
}

/// Whether a board's listing page in the PDF's folder links it.
fn listed(pdf: &Path) -> bool {
    let name = pdf.file_name().unwrap().to_string_lossy().into_owned();
    std::fs::read_dir(pdf.parent().unwrap()).unwrap().any(|e| {
        let path = e.unwrap().path();
        path.extension().is_some_and(|x| x == "html")
            && std::fs::read_to_string(&path).unwrap().contains(&name)
    })
}

#[test]
fn metadata_comes_from_the_most_trusted_source_and_matches_the_gold_files() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let dir = tempfile::tempdir().unwrap();
    let index_dir = dir.path().join("index");
    casebook_indexer::run(&IndexOptions::new(&index_dir, std::slice::from_ref(&corpus))).unwrap();
    let index = SearchIndex::open(&index_dir).unwrap();

    let (mut n, mut right) = (0, 0);
    let mut wrong = Vec::new();
    let mut sources = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(corpus.join("gold")).unwrap() {
        let path = entry.unwrap().path();
        let slug = path.file_stem().unwrap().to_string_lossy().into_owned();
        let gold: Gold = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let review = index.review(&ReviewId::parse(&slug).unwrap()).unwrap().expect("indexed");
        let value = |v: &Option<casebook::Sourced<String>>| v.as_ref().map(|s| s.value.clone());
        let checks = [
            ("type", value(&review.review_type), Some(gold.meta.review_type.clone())),
            ("board_id", review.board_id.clone(), Some(gold.meta.board_id.clone())),
            // A page that gives only the month is right to the month.
            (
                "published",
                value(&review.published).map(|d| d.chars().take(7).collect()),
                Some(gold.meta.published.chars().take(7).collect()),
            ),
            ("subject", value(&review.subject), gold.meta.subject.clone()),
        ];
        for (field, got, expected) in checks {
            if expected.is_none() {
                continue;
            }
            n += 1;
            if got == expected {
                right += 1;
            } else {
                wrong.push(format!("{slug} {field}: got {got:?}, expected {expected:?}"));
            }
        }
        if let Some(published) = &review.published {
            *sources.entry(published.source.as_str()).or_insert(0) += 1;
        }
        let pdf = Path::new(&review.file);
        let has_sidecar = std::fs::metadata(pdf.with_extension("toml")).is_ok();
        let expected_source = if has_sidecar {
            Provenance::Sidecar
        } else if listed(pdf) {
            Provenance::Listing
        } else {
            // No sidecar, no listing page: the report says what it is on its cover.
            Provenance::TitlePage
        };
        assert_eq!(review.title.source, expected_source, "{slug}: title source");
    }
    for line in &wrong {
        println!("{line}");
    }
    println!("metadata: {right}/{n} values right; publication dates from {sources:?}");
    assert!(sources.get("listing").copied().unwrap_or(0) > 0, "some dates come from listing pages");
    assert!(right as f64 >= 0.97 * n as f64, "{right}/{n}");
}
