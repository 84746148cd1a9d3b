//! The reviews behind one figure of the themes dashboard (`/themes/reviews`): every review the
//! figure counts, each with the passage that makes it count and why, so that an analyst can
//! check a figure on one page.
//!
//! The page takes the dashboard's selection (its search parameters, with the year or split
//! value of the cell) and one `tag` per theme or risk factor the figure is about: a review is
//! listed when the selection has it and it counts for every tag. `tag` is separate from the
//! `theme` and `risk` filters because repeated filters are alternatives, and a pair of the
//! co-occurrence matrix is "both".

use askama::Template;
use askama_web::WebTemplate;

use casebook::evidence::TagEvidence;
use casebook::{FacetGroup, Review, Unit};

use crate::chrome::Chrome;
use crate::params::SearchParams;
use crate::views::{Chip, Labels, Pager, QuoteView, evidence_summary, filter_chips, theme_anchor};

/// Reviews listed on one page unless `per_page` says otherwise.
pub(crate) const REVIEWS_PER_PAGE: usize = 20;

/// The link to the reviews behind a figure: those `params` select that count for all `tags`.
pub(crate) fn counted_href(params: &SearchParams, tags: &[&str]) -> String {
    CountedLinks::new(params).href(tags)
}

/// The links to the reviews behind the figures of one selection, its query string written
/// once (a dashboard links every cell of its tables).
pub(crate) struct CountedLinks {
    query: String,
}

impl CountedLinks {
    pub(crate) fn new(params: &SearchParams) -> CountedLinks {
        CountedLinks { query: params.to_query_string(None) }
    }

    /// The reviews of the selection that count for all `tags`.
    pub(crate) fn href(&self, tags: &[&str]) -> String {
        let mut href = String::with_capacity(16 + self.query.len() + 24 * tags.len());
        href.push_str("/themes/reviews?");
        href.push_str(&self.query);
        for (i, tag) in tags.iter().enumerate() {
            if i > 0 || !self.query.is_empty() {
                href.push('&');
            }
            href.push_str("tag=");
            href.extend(form_urlencoded::byte_serialize(tag.as_bytes()));
        }
        href
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "counted.html")]
pub(crate) struct CountedPage {
    pub(crate) chrome: Chrome,
    /// "Neglect", "Neglect and Domestic abuse".
    pub(crate) heading: String,
    pub(crate) n_reviews: usize,
    pub(crate) chips: Vec<Chip>,
    pub(crate) dashboard_href: String,
    pub(crate) search_href: String,
    pub(crate) reviews: Vec<CountedReview>,
    /// The number of the first review listed.
    pub(crate) first: usize,
    pub(crate) pager: Pager,
}

/// One review behind the figure.
pub(crate) struct CountedReview {
    pub(crate) title: String,
    pub(crate) href: String,
    /// "Board · 2024 · Local child safeguarding practice review".
    pub(crate) facts: String,
    pub(crate) tags: Vec<CountedTag>,
}

/// Why one review counts for one tag of the figure.
pub(crate) struct CountedTag {
    pub(crate) label: String,
    pub(crate) reason: &'static str,
    /// "finding 2, recommendation 4 and 3 passages".
    pub(crate) summary: String,
    /// The first unit behind it (a finding or recommendation when there is one).
    pub(crate) quote: Option<QuoteView>,
    /// The theme's evidence on the review page.
    pub(crate) href: String,
}

/// One listed review: its record, units and evidence.
pub(crate) struct Counted {
    pub(crate) review: Review,
    pub(crate) units: Vec<Unit>,
    pub(crate) evidence: Vec<TagEvidence>,
}

impl CountedPage {
    /// The page for `tags` over the selection `params`, listing `shown`: page `page` of
    /// `n_reviews` reviews listed `per_page` to a page.
    pub(crate) fn new(
        params: &SearchParams,
        tags: &[String],
        (n_reviews, page, per_page): (usize, usize, usize),
        shown: &[Counted],
        labels: &Labels<'_>,
    ) -> CountedPage {
        let tag_refs: Vec<&str> = tags.iter().map(String::as_str).collect();
        let labelled: Vec<String> = tags.iter().map(|t| labels.path_label(t)).collect();
        let heading = match labelled.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => labelled.join(""),
        };
        let n_pages = n_reviews.div_ceil(per_page).max(1);
        let page_href = |n: usize| {
            let href = counted_href(params, &tag_refs);
            if n > 1 { format!("{href}&page={n}") } else { href }
        };
        // The search for these reviews' passages: the selection with the tags as filters.
        let mut search = params.clone();
        for tag in tags {
            let (group, id) = tag.trim_start_matches('/').split_once('/').unwrap_or_default();
            if !search.list(group).iter().any(|v| v == id) {
                search = search.toggled(group, id);
            }
        }
        CountedPage {
            chrome: Chrome::default(),
            heading,
            n_reviews,
            chips: filter_chips(params, labels, |p| counted_href(p, &tag_refs)),
            dashboard_href: format!("/themes?{}", params.to_query_string(None)),
            search_href: format!("/?{}", search.to_query_string(None)),
            reviews: shown.iter().map(|c| CountedReview::new(c, tags, labels)).collect(),
            first: (page - 1) * per_page + 1,
            pager: Pager {
                page,
                n_pages,
                prev: (page > 1).then(|| page_href(page - 1)),
                next: (page < n_pages).then(|| page_href(page + 1)),
            },
        }
    }
}

impl CountedReview {
    fn new(counted: &Counted, tags: &[String], labels: &Labels<'_>) -> CountedReview {
        let review = &counted.review;
        let id = review.id.as_str();
        let mut facts: Vec<String> = Vec::new();
        facts.extend(review.board.as_ref().map(|b| b.value.clone()));
        facts.extend(review.year().map(|y| y.to_string()));
        facts.extend(review.review_type.as_ref().map(|t| labels.label(FacetGroup::Type, &t.value)));
        CountedReview {
            title: review.title.value.clone(),
            href: format!("/reviews/{id}"),
            facts: facts.join(" · "),
            tags: tags
                .iter()
                .filter_map(|tag| {
                    let evidence = counted.evidence.iter().find(|e| &e.path == tag)?;
                    Some(CountedTag {
                        label: labels.path_label(tag),
                        reason: evidence.reason.describe(),
                        summary: evidence_summary(evidence, &counted.units),
                        quote: evidence
                            .quotes
                            .first()
                            .map(|q| QuoteView::new(id, &counted.units[q.unit], q)),
                        href: format!("/reviews/{id}#{}", theme_anchor(tag)),
                    })
                })
                .collect(),
        }
    }
}
