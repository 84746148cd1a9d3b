//! The time each review entered the index, which the feeds of saved searches follow, and units
//! found by their key.

use casebook::{Filters, SearchIndex, SearchRequest};

use crate::support::{page, review, sample};

#[test]
fn reviews_keep_the_time_they_first_entered_the_index() {
    let index = SearchIndex::create_in_ram().unwrap();
    let a = review("a", "A", 2020, "scr", "Wexcombe");
    let b = review("b", "B", 2021, "scr", "Wexcombe");
    let builder = index.builder().unwrap();
    builder.add_review(&a, &[], &[page(&a, 1, "Fathers were not seen.", &[])]).unwrap();
    builder.commit().unwrap();
    index.reload().unwrap();
    let first = index.search(&SearchRequest::new("fathers")).unwrap().groups[0].added;
    assert!(first > 0);

    std::thread::sleep(std::time::Duration::from_millis(5));
    // A rebuild, as the indexer does it: everything cleared and added again, plus a new review.
    let mut builder = index.builder().unwrap();
    builder.clear().unwrap();
    builder.add_review(&a, &[], &[page(&a, 1, "Fathers were not seen.", &[])]).unwrap();
    builder.add_review(&b, &[], &[page(&b, 1, "Fathers were not asked.", &[])]).unwrap();
    builder.commit().unwrap();
    index.reload().unwrap();
    let results = index.search(&SearchRequest::new("fathers")).unwrap();
    let added = |id: &str| results.groups.iter().find(|g| g.review.as_str() == id).unwrap().added;
    assert_eq!(added("a"), first, "a rebuilt review keeps its time");
    assert!(added("b") > first);

    let since = SearchRequest {
        filters: Filters { added_since: Some(added("b")), ..Filters::default() },
        ..SearchRequest::new("fathers")
    };
    let ids: Vec<_> =
        index.search(&since).unwrap().groups.iter().map(|g| g.review.to_string()).collect();
    assert_eq!(ids, ["b"]);
}

#[test]
fn a_unit_is_found_by_its_key() {
    let index = sample();
    let hit = index.search(&SearchRequest::new("hoarding")).unwrap().groups[0].hits[0].clone();
    let (review, unit) = index.unit(&hit.unit_id).unwrap().expect("the key finds the unit");
    assert_eq!(unit.page, hit.page);
    assert!(unit.text.to_lowercase().contains("hoard"));
    assert!(!review.title.value.is_empty());
    assert!(index.unit("no-such#page-1").unwrap().is_none());
}
