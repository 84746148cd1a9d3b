//! HTML view models: what each template shows, built from core results.

use askama::Template;
use askama_web::WebTemplate;
use casebook::{Hit, Review, ReviewGroup, SearchResults, Snippet, Unit, UnitKind};

use crate::params::SearchParams;

/// The search page, with or without results.
#[derive(Template, WebTemplate)]
#[template(path = "search.html")]
pub(crate) struct SearchPage {
    pub(crate) q: String,
    pub(crate) browsing: bool,
    pub(crate) notice: Option<String>,
    pub(crate) total_units: usize,
    pub(crate) total_reviews: usize,
    pub(crate) groups: Vec<GroupView>,
    pub(crate) pager: Pager,
}

/// One review in a result list.
pub(crate) struct GroupView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) type_label: Option<&'static str>,
    pub(crate) board: Option<String>,
    pub(crate) year: Option<u16>,
    pub(crate) n_hits: usize,
    pub(crate) hits: Vec<HitView>,
}

/// One matching unit under its review.
pub(crate) struct HitView {
    pub(crate) kind: &'static str,
    pub(crate) label: String,
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
    ) -> SearchPage {
        let n_pages = results.total_reviews.div_ceil(per_page).max(1);
        let link = |p: usize| format!("/?{}", params.to_query_string(Some(p)));
        SearchPage {
            q: params.q.clone(),
            browsing: params.q.trim().is_empty(),
            notice: results.notice,
            total_units: results.total_units,
            total_reviews: results.total_reviews,
            groups: results.groups.into_iter().map(GroupView::from).collect(),
            pager: Pager {
                page,
                n_pages,
                prev: (page > 1).then(|| link(page - 1)),
                next: (page < n_pages).then(|| link(page + 1)),
            },
        }
    }
}

impl From<ReviewGroup> for GroupView {
    fn from(group: ReviewGroup) -> GroupView {
        let id = group.review.to_string();
        GroupView {
            hits: group.hits.iter().map(|hit| HitView::new(&id, hit)).collect(),
            id,
            title: group.title,
            type_label: group.review_type.as_deref().map(review_type_label),
            board: group.board,
            year: group.year,
            n_hits: group.n_hits,
        }
    }
}

impl HitView {
    fn new(review: &str, hit: &Hit) -> HitView {
        HitView {
            kind: hit.kind.as_str(),
            label: unit_label(hit.kind, hit.number.as_deref()),
            page_text: page_text(hit.page, hit.page_label.as_deref()),
            section: hit.section.join(" › "),
            snippet_html: snippet_html(&hit.snippet),
            pdf_href: pdf_href(review, hit.page),
        }
    }
}

/// The review page.
#[derive(Template, WebTemplate)]
#[template(path = "review.html")]
pub(crate) struct ReviewPage {
    pub(crate) review: ReviewView,
    pub(crate) pages: Vec<PageView>,
}

/// A review's metadata for display, with where each value came from.
pub(crate) struct ReviewView {
    pub(crate) title: String,
    pub(crate) facts: Vec<(&'static str, String, &'static str)>,
    pub(crate) n_pages: u32,
    pub(crate) pdf_href: String,
}

/// The opening of one page of a review.
pub(crate) struct PageView {
    pub(crate) page_text: String,
    pub(crate) opening: String,
    pub(crate) pdf_href: String,
}

impl ReviewPage {
    pub(crate) fn new(review: &Review, units: &[Unit]) -> ReviewPage {
        let id = review.id.to_string();
        let mut facts = Vec::new();
        let mut fact =
            |name, value: &Option<casebook::Sourced<String>>, show: fn(&str) -> String| {
                if let Some(v) = value {
                    facts.push((name, show(&v.value), v.source.as_str()));
                }
            };
        fact("Type", &review.review_type, |v| review_type_label(v).to_string());
        fact("Board", &review.board, str::to_string);
        fact("Published", &review.published, str::to_string);
        fact("Subject", &review.subject, str::to_string);
        fact("Age", &review.age_band, |v| v.replace('_', " "));
        fact("Outcome", &review.outcome, |v| v.replace('_', " "));
        fact("Author", &review.author, str::to_string);
        let pages = units
            .iter()
            .filter(|u| u.kind == UnitKind::Page)
            .map(|u| PageView {
                page_text: page_text(u.page, u.page_label.as_deref()),
                opening: opening(&u.text, 220),
                pdf_href: pdf_href(&id, u.page),
            })
            .collect();
        ReviewPage {
            review: ReviewView {
                pdf_href: format!("/files/{id}.pdf"),
                title: review.title.value.clone(),
                facts,
                n_pages: review.n_pages,
            },
            pages,
        }
    }
}

/// The name of a review type for display.
pub(crate) fn review_type_label(id: &str) -> &'static str {
    match id {
        "scr" => "Serious Case Review",
        "lcspr" => "Local Child Safeguarding Practice Review",
        "national_review" => "National review",
        "rapid_review" => "Rapid Review",
        "sar" => "Safeguarding Adults Review",
        "dhr" => "Domestic Homicide Review",
        "learning_review" => "Learning review",
        "cpr_apr" => "Child or Adult Practice Review",
        "cmr" => "Case Management Review",
        "briefing" => "Thematic briefing",
        "national_analysis" => "National analysis",
        _ => "Review",
    }
}

fn unit_label(kind: UnitKind, number: Option<&str>) -> String {
    let name = match kind {
        UnitKind::Review => "Review",
        UnitKind::Page => "Page text",
        UnitKind::Finding => "Finding",
        UnitKind::Recommendation => "Recommendation",
    };
    match number {
        Some(n) => format!("{name} {n}"),
        None => name.to_string(),
    }
}

/// "p. 12", with the printed label when it differs from the PDF page.
fn page_text(page: u32, label: Option<&str>) -> String {
    match label {
        Some(label) if label != page.to_string() => format!("p. {page} (printed {label})"),
        _ => format!("p. {page}"),
    }
}

pub(crate) fn pdf_href(review: &str, page: u32) -> String {
    format!("/files/{review}.pdf#page={page}")
}

/// Escapes a snippet for HTML and marks its highlighted ranges.
pub(crate) fn snippet_html(snippet: &Snippet) -> String {
    let text = &snippet.text;
    let mut out = String::with_capacity(text.len() + 32);
    let mut at = 0;
    for range in &snippet.highlights {
        let (Some(before), Some(marked)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        escape_into(&mut out, before);
        out.push_str("<mark>");
        escape_into(&mut out, marked);
        out.push_str("</mark>");
        at = range.end;
    }
    escape_into(&mut out, text.get(at..).unwrap_or(""));
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn opening(text: &str, max_chars: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(max_chars) {
        None => flat,
        Some((cut, _)) => format!("{}…", &flat[..cut]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_escaped_and_marked() {
        let snippet = Snippet {
            text: "<b>neglect</b> & harm".into(),
            highlights: vec![std::ops::Range { start: 3, end: 10 }],
        };
        assert_eq!(snippet_html(&snippet), "&lt;b&gt;<mark>neglect</mark>&lt;/b&gt; &amp; harm");
    }
}
