//! The search page.

use askama::Template;
use askama_web::WebTemplate;

use casebook::{FACET_GROUPS, FacetGroup, Facets, Hit, ReviewGroup, SearchResults, Tag, UnitKind};

use super::*;
use crate::chrome::Chrome;
use crate::params::SearchParams;

/// The search page, with or without results.
#[derive(Template, WebTemplate)]
#[template(path = "search.html")]
pub(crate) struct SearchPage {
    pub(crate) chrome: Chrome,
    pub(crate) q: String,
    pub(crate) browsing: bool,
    pub(crate) notice: Option<String>,
    /// The spelling correction searched instead of `q`, which found nothing.
    pub(crate) corrected: Option<String>,
    pub(crate) also_searched: Vec<String>,
    pub(crate) total_units: usize,
    pub(crate) total_reviews: usize,
    pub(crate) groups: Vec<GroupView>,
    pub(crate) pager: Pager,
    pub(crate) facets: Vec<FacetGroupView>,
    pub(crate) chips: Vec<Chip>,
    pub(crate) hidden: Vec<(String, String)>,
    pub(crate) year_from: String,
    pub(crate) year_to: String,
    pub(crate) sort_links: Vec<(&'static str, String, bool)>,
    /// The themes dashboard for the same search.
    pub(crate) themes_href: String,
    pub(crate) kind_links: Vec<(&'static str, String, bool)>,
    /// The pack "Add to pack" adds to, if the browser has one.
    pub(crate) current_pack: Option<CurrentPack>,
    /// The query string "Save this search" saves.
    pub(crate) save_query: String,
}

/// A facet group in the sidebar.
pub(crate) struct FacetGroupView {
    pub(crate) param: &'static str,
    pub(crate) title: &'static str,
    pub(crate) values: Vec<FacetValueView>,
}

/// One value of a facet group, with its count and the link that toggles it.
pub(crate) struct FacetValueView {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) n_reviews: usize,
    pub(crate) selected: bool,
}

/// A selected filter, shown above the results with a link that removes it.
pub(crate) struct Chip {
    pub(crate) label: String,
    pub(crate) remove_href: String,
}

/// One review in a result list.
pub(crate) struct GroupView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) type_label: Option<String>,
    pub(crate) board: Option<String>,
    pub(crate) year: Option<u16>,
    pub(crate) n_hits: usize,
    pub(crate) hits: Vec<HitView>,
}

/// One matching unit under its review.
pub(crate) struct HitView {
    /// The unit's key, which "Add to pack" sends.
    pub(crate) unit_id: String,
    /// Whether the unit is in the current pack already.
    pub(crate) in_pack: bool,
    pub(crate) kind: &'static str,
    pub(crate) label: String,
    pub(crate) addressees: Vec<String>,
    pub(crate) strength: Option<String>,
    pub(crate) themes: Vec<String>,
    /// "Made in N reviews" and the link listing them, for recurring recommendations.
    pub(crate) recurrence: Option<(usize, String)>,
    /// "Read from a scan, 93% confidence", when the text came from OCR.
    pub(crate) scan: Option<String>,
    pub(crate) page_text: String,
    pub(crate) section: String,
    pub(crate) snippet_html: String,
    pub(crate) pdf_href: String,
}

/// Links to the previous and next pages of results.
pub(crate) struct Pager {
    pub(crate) page: usize,
    pub(crate) n_pages: usize,
    pub(crate) prev: Option<String>,
    pub(crate) next: Option<String>,
}

impl SearchPage {
    pub(crate) fn new(
        params: &SearchParams,
        page: usize,
        per_page: usize,
        results: SearchResults,
        facets: Facets,
        labels: &Labels<'_>,
    ) -> SearchPage {
        let n_pages = results.total_reviews.div_ceil(per_page).max(1);
        let link = |p: &SearchParams, page: Option<usize>| format!("/?{}", p.to_query_string(page));
        let mut facet_views = Vec::new();
        for group in FACET_GROUPS {
            let selected = params.list(group.param());
            let mut values: Vec<FacetValueView> = facets
                .groups
                .get(&group)
                .into_iter()
                .flatten()
                .map(|count| FacetValueView {
                    label: labels.label(group, &count.value),
                    n_reviews: count.n_reviews,
                    selected: selected.contains(&count.value),
                    id: count.value.clone(),
                })
                .collect();
            // A selected value with no matches still shows, so that it can be unticked.
            for id in selected {
                if !values.iter().any(|v| &v.id == id) {
                    values.push(FacetValueView {
                        label: labels.label(group, id),
                        n_reviews: 0,
                        selected: true,
                        id: id.clone(),
                    });
                }
            }
            if !values.is_empty() {
                facet_views.push(FacetGroupView {
                    param: group.param(),
                    title: group_title(group),
                    values,
                });
            }
        }
        let chips = filter_chips(params, labels, |p| link(p, None));
        let option_links = |key: &str, options: &[(&'static str, &'static str)], current: &str| {
            options
                .iter()
                .map(|(value, label)| {
                    let mut p = params.clone();
                    p.set(key, value);
                    (*label, link(&p, None), *value == current)
                })
                .collect::<Vec<_>>()
        };
        let sort = params.sort.as_deref().unwrap_or("relevance");
        let kind = params.kind.as_deref().unwrap_or("all");
        SearchPage {
            chrome: Chrome::default(),
            q: params.q.clone(),
            browsing: params.q.trim().is_empty() && chips.is_empty() && params.kind.is_none(),
            notice: results.notice,
            corrected: results.corrected_query,
            also_searched: results
                .expansions
                .iter()
                .filter(|e| !e.also.is_empty())
                .map(|e| format!("{} ({})", e.also.join(", "), e.label))
                .collect(),
            total_units: results.total_units,
            total_reviews: results.total_reviews,
            groups: results.groups.into_iter().map(|g| GroupView::new(g, labels)).collect(),
            pager: Pager {
                page,
                n_pages,
                prev: (page > 1).then(|| link(params, Some(page - 1))),
                next: (page < n_pages).then(|| link(params, Some(page + 1))),
            },
            facets: facet_views,
            chips,
            hidden: params.hidden_fields(),
            year_from: params.year_from.clone().unwrap_or_default(),
            year_to: params.year_to.clone().unwrap_or_default(),
            themes_href: format!("/themes?{}", params.to_query_string(None)),
            sort_links: option_links(
                "sort",
                &[("relevance", "Best match"), ("date", "Newest")],
                sort,
            ),
            kind_links: option_links(
                "kind",
                &[
                    ("all", "Everything"),
                    ("finding", "Findings"),
                    ("recommendation", "Recommendations"),
                    ("page", "Page text"),
                ],
                kind,
            ),
            current_pack: None,
            save_query: params.to_query_string(None),
        }
    }
}

/// The selected filters as chips, each with the link (made by `href`) that removes it.
pub(crate) fn filter_chips(
    params: &SearchParams,
    labels: &Labels<'_>,
    href: impl Fn(&SearchParams) -> String,
) -> Vec<Chip> {
    let mut chips = Vec::new();
    for group in FACET_GROUPS {
        for id in params.list(group.param()) {
            chips.push(Chip {
                label: format!("{}: {}", group_title(group), labels.label(group, id)),
                remove_href: href(&params.toggled(group.param(), id)),
            });
        }
    }
    for (name, value) in [("From", &params.year_from), ("To", &params.year_to)] {
        if let Some(year) = value {
            let mut without = params.clone();
            if name == "From" {
                without.year_from = None;
            } else {
                without.year_to = None;
            }
            chips.push(Chip { label: format!("{name} {year}"), remove_href: href(&without) });
        }
    }
    chips
}

fn group_title(group: FacetGroup) -> &'static str {
    match group {
        FacetGroup::Theme => "Theme",
        FacetGroup::Risk => "Risk factor",
        FacetGroup::Agency => "Agency addressed",
        FacetGroup::Type => "Review type",
        FacetGroup::Board => "Board",
        FacetGroup::Age => "Age of subject",
    }
}

impl GroupView {
    fn new(group: ReviewGroup, labels: &Labels<'_>) -> GroupView {
        let id = group.review.to_string();
        GroupView {
            hits: group.hits.iter().map(|hit| HitView::new(&id, hit, labels)).collect(),
            id,
            title: group.title,
            type_label: group.review_type.as_deref().map(|t| labels.label(FacetGroup::Type, t)),
            board: group.board,
            year: group.year,
            n_hits: group.n_hits,
        }
    }
}

impl HitView {
    fn new(review: &str, hit: &Hit, labels: &Labels<'_>) -> HitView {
        let items = matches!(hit.kind, UnitKind::Finding | UnitKind::Recommendation);
        HitView {
            unit_id: hit.unit_id.clone(),
            in_pack: false,
            kind: hit.kind.as_str(),
            label: unit_label(hit.kind, hit.number.as_deref()),
            addressees: hit
                .tags
                .iter()
                .filter(|t| Tag::is_agency_path(t))
                .map(|t| labels.path_label(t))
                .collect(),
            strength: hit
                .tags
                .iter()
                .find_map(|t| t.strip_prefix("/strength/"))
                .map(|s| s.replace('_', " ")),
            themes: if items {
                hit.tags
                    .iter()
                    .filter(|t| Tag::is_subject_path(t))
                    .map(|t| labels.path_label(t))
                    .collect()
            } else {
                Vec::new()
            },
            recurrence: hit.tags.iter().find_map(|t| t.strip_prefix("/recurrence/")).and_then(
                |group| {
                    let n = labels.recurrence.get(group).copied()?;
                    Some((n, format!("/?kind=recommendation&recurrence={group}")))
                },
            ),
            scan: scan_note(&hit.tags),
            page_text: page_text(hit.page, hit.page_label.as_deref()),
            section: hit.section.join(" › "),
            snippet_html: snippet_html(&hit.snippet),
            pdf_href: pdf_href(review, hit.page),
        }
    }
}
