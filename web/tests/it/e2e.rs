//! End to end: the real corpus through the real extractor into a real index on disk.

use std::path::Path;

use casebook::{SearchIndex, SearchRequest};
use casebook_indexer::{Error, IndexOptions};

use crate::support::{corpus, fixture, simple_pdf};

fn first_corpus_pdf() -> std::path::PathBuf {
    let files = casebook_indexer::discover(&[corpus()]).expect("corpus is readable");
    files.into_iter().next().expect("the corpus has PDFs").1
}

fn index(dir: &Path, inputs: &[&Path]) -> casebook_indexer::Result<casebook_indexer::IndexReport> {
    let inputs: Vec<_> = inputs.iter().map(|p| p.to_path_buf()).collect();
    let options = IndexOptions::new(dir, &inputs);
    casebook_indexer::run(&options)
}

#[test]
fn sample_corpus_indexes_every_file() {
    let report = &fixture().report;
    assert!(report.n_found >= 24, "found {}", report.n_found);
    assert_eq!(report.skipped, vec![], "no sample file is skipped");
    assert_eq!(report.n_indexed, report.n_found);
    assert!(report.n_pages >= report.n_found * 4);
}

#[test]
fn a_bad_pdf_is_reported_and_skipped_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::copy(first_corpus_pdf(), inputs.join("good.pdf")).unwrap();
    std::fs::write(inputs.join("broken.pdf"), b"%PDF-1.7\nthis is not a pdf").unwrap();
    let report = index(&dir.path().join("index"), &[&inputs]).unwrap();
    assert_eq!(report.n_indexed, 1);
    assert_eq!(report.skipped.len(), 1);
    assert!(report.skipped[0].path.ends_with("broken.pdf"));
    assert!(!report.skipped[0].reason.is_empty());
}

#[test]
fn a_recommendations_section_that_gave_none_is_named_in_the_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let lines = [
        "# Local Child Safeguarding Practice Review: Child Q",
        "The review was commissioned by the partnership in 2023.",
        "# Recommendations",
        "The partners met in May and agreed a plan for the winter.",
        "They have since reported on it to the board twice.",
    ];
    std::fs::write(inputs.join("lcspr-quiet-2024.pdf"), simple_pdf(&lines)).unwrap();
    let report = index(&dir.path().join("index"), &[&inputs]).unwrap();
    assert_eq!(report.n_indexed, 1);
    let warning = report
        .warnings
        .iter()
        .find(|w| w.reason.contains("\"Recommendations\""))
        .unwrap_or_else(|| panic!("no warning names the section: {:?}", report.warnings));
    assert!(warning.path.ends_with("lcspr-quiet-2024.pdf"));
    assert!(warning.reason.contains("p. 1"), "{}", warning.reason);
}

#[test]
fn a_failed_run_leaves_the_previous_index_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let index_dir = dir.path().join("index");
    let good = dir.path().join("good");
    std::fs::create_dir(&good).unwrap();
    std::fs::copy(first_corpus_pdf(), good.join("good.pdf")).unwrap();
    index(&index_dir, &[&good]).unwrap();

    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("junk.pdf"), b"not a pdf at all").unwrap();
    let err = index(&index_dir, &[&bad]).unwrap_err();
    assert!(matches!(err, Error::NothingIndexed { n_found: 1 }), "{err}");
    let missing = index(&index_dir, &[&dir.path().join("no-such-folder")]).unwrap_err();
    assert!(missing.to_string().contains("no-such-folder"), "{missing}");

    let reopened = SearchIndex::open(&index_dir).unwrap();
    assert_eq!(reopened.stats().unwrap().n_reviews, 1);
    assert!(reopened.search(&SearchRequest::new("review")).unwrap().total_units > 0);
}

/// A phrase that appears on one known page of one known review (child-d-scr-2014, page 12,
/// recommendation 3) is found there first.
#[test]
fn a_phrase_on_a_known_page_returns_that_review_and_page_first() {
    let index = SearchIndex::open(&fixture().index_dir).unwrap();
    let results = index
        .search(&SearchRequest::new("\"coping with crying take place with every adult\""))
        .unwrap();
    let top = &results.groups[0];
    assert_eq!(top.review.as_str(), "child-d-scr-2014");
    assert_eq!(top.hits[0].page, 12);
    assert!(top.hits.iter().any(|h| h.number.as_deref() == Some("3")), "recommendation 3 matches");
}
