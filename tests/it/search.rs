//! Search behaviour: query syntax, grouping, filters, paging.

use casebook::{Filters, SearchRequest, Sort, UnitKind};

use crate::support::sample;

fn ids(index: &casebook::SearchIndex, request: &SearchRequest) -> Vec<String> {
    index.search(request).unwrap().groups.iter().map(|g| g.review.to_string()).collect()
}

fn query(q: &str) -> SearchRequest {
    SearchRequest::new(q)
}

#[test]
fn words_are_stemmed_and_all_must_match() {
    let index = sample();
    assert_eq!(ids(&index, &query("neglected babies")), ["child-a-scr-2014"]);
    let results = index.search(&query("neglect")).unwrap();
    assert_eq!(results.total_reviews, 3, "self-neglect matches too");
}

#[test]
fn phrases_do_not_match_other_stop_words() {
    let index = sample();
    assert_eq!(ids(&index, &query("\"risk of harm\"")), ["child-a-scr-2014"]);
    assert_eq!(ids(&index, &query("\"risk to harm\"")), ["child-b-lcspr-2021"]);
}

#[test]
fn exclusion_and_or_work() {
    let index = sample();
    let mut got = ids(&index, &query("neglect -hoarding"));
    got.sort();
    assert_eq!(got, ["child-a-scr-2014", "child-b-lcspr-2021"]);
    let mut got = ids(&index, &query("hoarding OR curiosity"));
    got.sort();
    assert_eq!(got, ["adult-c-sar-2019", "child-a-scr-2014"]);
}

#[test]
fn hits_carry_page_numbers_and_highlights() {
    let index = sample();
    let results = index.search(&query("curiosity")).unwrap();
    let hit = &results.groups[0].hits[0];
    assert_eq!(hit.page, 2);
    let range = hit.snippet.highlights[0].clone();
    assert_eq!(&hit.snippet.text[range], "curiosity");
}

/// Reviews are counted across segments: a review whose units were written in two commits (two
/// segments, each numbering its reviews its own way) counts once, as in an index of one commit.
#[test]
fn facet_counts_are_the_same_whatever_the_segments() {
    use crate::support::{page, review};
    let one = sample();
    let split = casebook::SearchIndex::create_in_ram().unwrap();
    let a = review("child-a-scr-2014", "Serious Case Review: Child A", 2014, "scr", "Northmoor");
    let d = review("child-d-scr-2016", "Child D", 2016, "scr", "Wexcombe");
    let first = split.builder().unwrap();
    first
        .add_review(&a, &[], &[page(&a, 2, "The baby suffered neglect.", &["/theme/neglect"])])
        .unwrap();
    first.add_review(&d, &[], &[page(&d, 1, "Neglect of the baby.", &["/theme/neglect"])]).unwrap();
    first.commit().unwrap();
    let second = split.builder().unwrap();
    let later =
        page(&a, 3, "More neglect, and an unseen man.", &["/theme/neglect", "/risk/unseen_men"]);
    second.add_units(&a, &[later], 1).unwrap();
    second.commit().unwrap();
    split.reload().unwrap();
    assert!(split.segment_count() >= 2, "two commits make two segments");

    let facets = split.facets(&query("")).unwrap();
    let count = |group, value: &str| {
        facets.groups[&group].iter().find(|c| c.value == value).map(|c| (c.n_reviews, c.n_units))
    };
    use casebook::FacetGroup;
    assert_eq!(count(FacetGroup::Theme, "neglect"), Some((2, 3)), "{facets:?}");
    assert_eq!(count(FacetGroup::Risk, "unseen_men"), Some((1, 1)));
    assert_eq!(count(FacetGroup::Type, "scr").map(|c| c.0), Some(2));
    let years: Vec<(String, usize)> =
        facets.years.iter().map(|y| (y.value.clone(), y.n_reviews)).collect();
    assert_eq!(years, [("2014".to_string(), 1), ("2016".to_string(), 1)]);
    // And the single-segment sample agrees with what it holds.
    let sample_facets = one.facets(&query("")).unwrap();
    let neglect = sample_facets.groups[&FacetGroup::Theme].iter().find(|c| c.value == "neglect");
    assert_eq!(neglect.map(|c| c.n_reviews), Some(2));
}

/// The facets counted in the search's own pass are those a separate count finds, with and
/// without filters, for flat and grouped listings, and for a corrected spelling.
#[test]
fn facets_counted_with_the_search_equal_a_separate_count() {
    let index = sample();
    let themes = Filters { themes: vec!["neglect".into()], ..Filters::default() };
    let requests = [
        query("neglect"),
        query(""),
        SearchRequest { filters: themes.clone(), ..query("") },
        SearchRequest { filters: themes, group_by_review: false, ..query("harm") },
        SearchRequest { group_by_review: true, ..query("risk") },
    ];
    for request in requests {
        let (_, facets) = index.search_with_facets(&request).unwrap();
        assert_eq!(facets, index.facets(&request).unwrap(), "{request:?}");
    }
    let misspelt = query("negelct");
    let (results, facets) = index.search_with_facets(&misspelt).unwrap();
    let corrected = results.corrected_query.clone().expect("the spelling is corrected");
    assert_eq!(facets, index.facets(&query(&corrected)).unwrap());
}

#[test]
fn facet_filters_combine_with_and_between_kinds_and_or_within() {
    let index = sample();
    let filtered = |filters: Filters| {
        let request = SearchRequest { filters, ..query("neglect") };
        let mut got = ids(&index, &request);
        got.sort();
        got
    };
    let themes = Filters { themes: vec!["neglect".into()], ..Filters::default() };
    assert_eq!(filtered(themes.clone()), ["child-a-scr-2014", "child-b-lcspr-2021"]);
    let both = Filters { risks: vec!["domestic_abuse".into()], ..themes.clone() };
    assert_eq!(filtered(both), ["child-b-lcspr-2021"]);
    let either =
        Filters { themes: vec!["neglect".into(), "self_neglect".into()], ..Filters::default() };
    assert_eq!(filtered(either).len(), 3);
    let board = Filters { boards: vec!["wexcombe".into()], ..Filters::default() };
    assert_eq!(filtered(board), ["child-b-lcspr-2021"]);
    let years = Filters { year_from: Some(2015), year_to: Some(2020), ..Filters::default() };
    assert_eq!(filtered(years), ["adult-c-sar-2019"]);
    let types = Filters { types: vec!["scr".into(), "sar".into()], ..Filters::default() };
    assert_eq!(filtered(types), ["adult-c-sar-2019", "child-a-scr-2014"]);
}

#[test]
fn bad_filter_values_are_user_errors() {
    let index = sample();
    let request = SearchRequest {
        filters: Filters { themes: vec!["../x".into()], ..Filters::default() },
        ..query("neglect")
    };
    let err = index.search(&request).unwrap_err();
    assert!(err.is_user_error() && err.to_string().contains("theme"), "{err}");
    let backwards = SearchRequest {
        filters: Filters { year_from: Some(2020), year_to: Some(2010), ..Filters::default() },
        ..query("neglect")
    };
    assert!(index.search(&backwards).unwrap_err().is_user_error());
}

#[test]
fn title_prefix_searches_titles_only() {
    let index = sample();
    assert_eq!(ids(&index, &query("title:adults")), ["adult-c-sar-2019"]);
}

#[test]
fn browsing_without_words_lists_newest_first_and_pages() {
    let index = sample();
    let request =
        SearchRequest { kinds: vec![UnitKind::Review], per_page: 2, ..SearchRequest::default() };
    let first = index.search(&request).unwrap();
    assert_eq!(first.total_reviews, 3);
    let first_ids: Vec<_> = first.groups.iter().map(|g| g.review.to_string()).collect();
    assert_eq!(first_ids, ["child-b-lcspr-2021", "adult-c-sar-2019"]);
    let second = index.search(&SearchRequest { page: 2, ..request }).unwrap();
    assert_eq!(second.groups.len(), 1);
    assert_eq!(second.groups[0].review.as_str(), "child-a-scr-2014");
}

#[test]
fn sort_by_date_orders_groups_by_year() {
    let index = sample();
    let request = SearchRequest { sort: Sort::Newest, ..query("neglect") };
    assert_eq!(
        ids(&index, &request),
        ["child-b-lcspr-2021", "adult-c-sar-2019", "child-a-scr-2014"]
    );
}

#[test]
fn malformed_queries_are_read_as_words_with_a_notice() {
    let index = sample();
    let results = index.search(&query("\"unseen AND (")).unwrap();
    assert!(results.notice.is_some());
    assert_eq!(results.total_reviews, 1);
}

#[test]
fn uncommitted_changes_are_invisible_and_dropped_builders_roll_back() {
    let index = sample();
    {
        let mut builder = index.builder().unwrap();
        builder.clear().unwrap();
        // Dropped without commit.
    }
    index.reload().unwrap();
    assert_eq!(index.stats().unwrap().n_reviews, 3);
}

#[test]
fn a_misspelt_query_that_finds_nothing_is_corrected() {
    let index = sample();
    let results = index.search(&query("curiosty")).unwrap();
    assert_eq!(results.corrected_query.as_deref(), Some("curiosity"));
    assert_eq!(results.groups[0].hits[0].page, 2);
    let range = results.groups[0].hits[0].snippet.highlights[0].clone();
    assert_eq!(&results.groups[0].hits[0].snippet.text[range], "curiosity");

    // Only the unknown word changes, to the form the text writes ("baby", stem "babi"), and a
    // swap of two letters is one edit.
    let results = index.search(&query("\"neglected\" babeis")).unwrap();
    assert_eq!(results.corrected_query.as_deref(), Some("\"neglected\" baby"));
    let results = index.search(&query("neglect cuirosity")).unwrap();
    assert_eq!(results.corrected_query.as_deref(), Some("neglect curiosity"));

    // A query that finds something as written is left alone.
    let results = index.search(&query("curiosity")).unwrap();
    assert_eq!(results.corrected_query, None);
    // So is one with nothing near enough.
    let results = index.search(&query("xylophonequartz")).unwrap();
    assert_eq!((results.total_units, results.corrected_query), (0, None));
}

#[test]
fn remembered_answers_are_forgotten_when_the_index_changes() {
    let index = sample();
    let request = query("curiosity");
    let (first, _) = index.search_with_facets(&request).unwrap();
    let (again, _) = index.search_with_facets(&request).unwrap();
    assert_eq!(first, again);
    let extra = crate::support::review("adult-z-sar-2024", "Adult Z", 2024, "sar", "wexcombe");
    let builder = index.builder().unwrap();
    let unit = crate::support::page(&extra, 1, "Curiosity about the carer was missing.", &[]);
    builder.add_review(&extra, &[], &[unit]).unwrap();
    builder.commit().unwrap();
    index.reload().unwrap();
    let (after, facets) = index.search_with_facets(&request).unwrap();
    assert_eq!(after.total_reviews, first.total_reviews + 1, "a commit is seen at once");
    assert!(facets.groups.values().flatten().any(|c| c.value == "sar"));
}
