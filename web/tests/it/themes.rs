//! The themes dashboard's figures, checked by brute force against the units in the index.

use std::collections::{BTreeMap, BTreeSet};

use casebook::themes::SplitBy;
use casebook::{Filters, SearchIndex, SearchRequest};

use crate::support::fixture;

/// Per review: year, type, board, age band and the profile recomputed from its units.
type Brute = Vec<(Option<u16>, Option<String>, Option<String>, Option<String>, BTreeSet<String>)>;

fn brute_force(index: &SearchIndex) -> Brute {
    index
        .reviews()
        .unwrap()
        .into_iter()
        .map(|review| {
            let units = index.units(&review.id).unwrap();
            let profile = casebook::profile::review_tags(&units).into_iter().collect();
            (
                review.year(),
                review.review_type.map(|t| t.value),
                review.board_id,
                review.age_band.map(|a| a.value),
                profile,
            )
        })
        .collect()
}

fn any_of(selected: &[String], value: Option<&String>) -> bool {
    selected.is_empty() || value.is_some_and(|v| selected.contains(v))
}

fn any_tag(selected: &[String], root: &str, profile: &BTreeSet<String>) -> bool {
    selected.is_empty() || selected.iter().any(|s| profile.contains(&format!("/{root}/{s}")))
}

#[test]
fn theme_counts_match_a_brute_force_count_over_the_units() {
    let index = SearchIndex::open(&fixture().index_dir).unwrap();
    let all = brute_force(&index);
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let cases = [
        Filters::default(),
        Filters { types: s(&["scr", "lcspr"]), ..Filters::default() },
        Filters { themes: s(&["neglect"]), ..Filters::default() },
        Filters { risks: s(&["domestic_abuse"]), year_from: Some(2016), ..Filters::default() },
        Filters { age_bands: s(&["under_1"]), ..Filters::default() },
        Filters { boards: s(&["thrandale_scp"]), themes: s(&["neglect"]), ..Filters::default() },
    ];
    for filters in cases {
        let report = index
            .themes(
                &SearchRequest { filters: filters.clone(), ..SearchRequest::default() },
                SplitBy::Type,
            )
            .unwrap();
        let chosen: Vec<_> = all
            .iter()
            .filter(|(year, kind, board, age, profile)| {
                any_of(&filters.types, kind.as_ref())
                    && any_of(&filters.boards, board.as_ref())
                    && any_of(&filters.age_bands, age.as_ref())
                    && any_tag(&filters.themes, "theme", profile)
                    && any_tag(&filters.risks, "risk", profile)
                    && filters.year_from.is_none_or(|from| year.is_some_and(|y| y >= from))
                    && filters.year_to.is_none_or(|to| year.is_some_and(|y| y <= to))
            })
            .collect();
        assert!(!chosen.is_empty(), "{filters:?} selects some reviews");
        assert_eq!(report.n_reviews, chosen.len(), "{filters:?}");
        let mut expected: BTreeMap<String, usize> = BTreeMap::new();
        let mut expected_by_type: BTreeMap<(String, String), usize> = BTreeMap::new();
        for (_, kind, _, _, profile) in &chosen {
            for tag in
                profile.iter().filter(|t| t.starts_with("/theme/") || t.starts_with("/risk/"))
            {
                *expected.entry(tag.clone()).or_default() += 1;
                if let Some(kind) = kind {
                    *expected_by_type.entry((tag.clone(), kind.clone())).or_default() += 1;
                }
            }
        }
        let got: BTreeMap<String, usize> =
            report.entries.iter().map(|e| (e.path.clone(), e.n_reviews)).collect();
        assert_eq!(got, expected, "{filters:?}");
        let got_by_type: BTreeMap<(String, String), usize> = report
            .entries
            .iter()
            .flat_map(|e| e.by_split.iter().map(|(k, n)| ((e.path.clone(), k.clone()), *n)))
            .collect();
        assert_eq!(got_by_type, expected_by_type, "{filters:?}");
        for pair in &report.pairs {
            let both = chosen
                .iter()
                .filter(|(.., profile)| profile.contains(&pair.a) && profile.contains(&pair.b))
                .count();
            assert_eq!(pair.n_both, both, "{filters:?} {} + {}", pair.a, pair.b);
        }
    }
}

#[test]
fn words_keep_the_reviews_with_a_matching_unit() {
    let index = SearchIndex::open(&fixture().index_dir).unwrap();
    let request = SearchRequest { per_page: 100, ..SearchRequest::new("coercive control") };
    let matched: BTreeSet<String> =
        index.search(&request).unwrap().groups.iter().map(|g| g.review.to_string()).collect();
    let report = index.themes(&request, SplitBy::Board).unwrap();
    assert_eq!(report.n_reviews, matched.len());
    assert!(report.n_reviews > 0 && report.n_reviews < fixture().report.n_indexed);
}

#[test]
fn recurring_recommendations_count_the_selected_reviews_that_made_them() {
    let index = SearchIndex::open(&fixture().index_dir).unwrap();
    let report = index.themes(&SearchRequest::default(), SplitBy::Type).unwrap();
    assert!(!report.recurrent.is_empty(), "the sample corpus repeats some recommendations");
    for group in &report.recurrent {
        // Brute force: the reviews whose recommendation units carry the group's tag.
        let request = SearchRequest {
            filters: Filters { recurrence: vec![group.group.clone()], ..Filters::default() },
            kinds: vec![casebook::UnitKind::Recommendation],
            per_page: 100,
            ..SearchRequest::default()
        };
        let reviews = index.search(&request).unwrap().total_reviews;
        assert_eq!(group.n_reviews, reviews, "{}", group.group);
        assert!(!group.example.is_empty());
    }
    // Selecting fewer reviews counts fewer.
    let some = SearchRequest {
        filters: Filters { types: vec!["scr".into()], ..Filters::default() },
        ..SearchRequest::default()
    };
    let narrowed = index.themes(&some, SplitBy::Type).unwrap();
    for group in &narrowed.recurrent {
        let all = report.recurrent.iter().find(|g| g.group == group.group);
        assert!(all.is_none_or(|g| g.n_reviews >= group.n_reviews));
        assert!(group.n_reviews >= 2);
    }
}
