//! HTML view models: what each template shows, built from core results.

use askama::Template;
use askama_web::WebTemplate;
use std::collections::{BTreeMap, HashSet};

use casebook::evidence::TagEvidence;
use casebook::profile::Role;
use casebook::{
    FACET_GROUPS, FacetGroup, Facets, Hit, Review, ReviewGroup, SearchResults, Similar, Snippet,
    Taxonomy, Unit, UnitKind,
};

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

/// The browser's current briefing pack, named above results.
pub(crate) struct CurrentPack {
    pub(crate) title: String,
    pub(crate) href: String,
    pub(crate) n_items: usize,
    /// The units already in it, marked "in pack" instead of offered again.
    pub(crate) unit_ids: HashSet<String>,
}

impl CurrentPack {
    pub(crate) fn new(
        pack: &casebook::store::Pack,
        edit: &casebook::store::EditToken,
    ) -> CurrentPack {
        CurrentPack {
            title: pack.title.clone(),
            href: format!("/packs/{}", edit.as_str()),
            n_items: pack.items.len(),
            unit_ids: pack
                .items
                .iter()
                .filter_map(|item| match &item.content {
                    casebook::store::ItemContent::Extract { extract, .. } => {
                        Some(extract.unit_id.clone())
                    }
                    casebook::store::ItemContent::Section { .. } => None,
                })
                .collect(),
        }
    }
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

/// Names to show for facet values, and index-wide counts shown beside hits.
pub(crate) struct Labels<'a> {
    pub(crate) taxonomy: &'a Taxonomy,
    pub(crate) boards: &'a BTreeMap<String, String>,
    pub(crate) recurrence: &'a BTreeMap<String, usize>,
}

impl Labels<'_> {
    pub(crate) fn label(&self, group: FacetGroup, id: &str) -> String {
        match group {
            FacetGroup::Board => {
                self.boards.get(id).cloned().unwrap_or_else(|| id.replace('_', " "))
            }
            FacetGroup::Age => age_label(id).to_string(),
            _ => self
                .taxonomy
                .get(id)
                .map(|e| e.label.clone())
                .unwrap_or_else(|| id.replace('_', " ")),
        }
    }

    /// The label of a facet path (`/theme/neglect` → "Neglect").
    pub(crate) fn path_label(&self, path: &str) -> String {
        let id = path.rsplit('/').next().unwrap_or(path);
        self.taxonomy.get(id).map(|e| e.label.clone()).unwrap_or_else(|| id.replace('_', " "))
    }
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

/// Splits a facet path into its search parameter and id: `/risk/poverty` → ("risk", "poverty").
pub(crate) fn facet_param(path: &str) -> (&str, &str) {
    path.trim_start_matches('/').split_once('/').unwrap_or(("theme", path))
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

pub(crate) fn age_label(id: &str) -> &str {
    match id {
        "unborn" => "Unborn",
        "under_1" => "Under 1",
        "1_4" => "1 to 4",
        "5_10" => "5 to 10",
        "11_15" => "11 to 15",
        "16_17" => "16 to 17",
        "adult_18_64" => "Adult (18 to 64)",
        "adult_65_plus" => "Adult (65 and over)",
        other => other,
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
                .filter(|t| t.starts_with("/agency/"))
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
                    .filter(|t| t.starts_with("/theme/") || t.starts_with("/risk/"))
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

/// The review page.
#[derive(Template, WebTemplate)]
#[template(path = "review.html")]
pub(crate) struct ReviewPage {
    pub(crate) chrome: Chrome,
    pub(crate) review: ReviewView,
    pub(crate) themes: Vec<ThemeView>,
    pub(crate) findings: Vec<ItemView>,
    pub(crate) recommendations: Vec<ItemView>,
    pub(crate) similar: Vec<SimilarView>,
    pub(crate) pages: Vec<PageView>,
    /// The pack "Add to pack" adds to, if the browser has one.
    pub(crate) current_pack: Option<CurrentPack>,
    /// The fullest version of this review, when this document is another version of it.
    pub(crate) main_version: Option<VersionLink>,
    /// The other versions of this review ("also published as"), when this is the fullest.
    pub(crate) other_versions: Vec<VersionLink>,
    /// Curators' corrections of this review, newest first.
    pub(crate) corrections: Vec<AuditRow>,
    /// The correction forms, for a signed-in curator.
    pub(crate) curation: Option<CurationForms>,
    /// What the last correction did ("corrected", "saved"), after its redirect.
    pub(crate) notice: Option<String>,
}

/// What the correction forms of a review page offer.
pub(crate) struct CurationForms {
    /// Review types: (id, label, whether it is the review's).
    pub(crate) types: Vec<(String, String, bool)>,
    /// The review's themes and risk factors: (path, label), to reject.
    pub(crate) counted: Vec<(String, String)>,
    /// The others: (path, label), to add.
    pub(crate) others: Vec<(String, String)>,
    pub(crate) year: String,
    pub(crate) subject: String,
    pub(crate) n_pages: u32,
}

impl CurationForms {
    pub(crate) fn new(review: &Review, tags: &[String], taxonomy: &Taxonomy) -> CurationForms {
        use casebook::taxonomy::Kind;
        let current = review.review_type.as_ref().map(|t| t.value.as_str());
        let types = taxonomy
            .by_kind(Kind::ReviewType)
            .map(|e| (e.id.to_string(), e.label.clone(), current == Some(e.id.as_str())))
            .collect();
        let mut counted = Vec::new();
        let mut others = Vec::new();
        for entry in taxonomy.entries() {
            let path = entry.facet_path();
            if !(path.starts_with("/theme/") || path.starts_with("/risk/")) {
                continue;
            }
            let item = (path.clone(), entry.label.clone());
            if tags.contains(&path) { counted.push(item) } else { others.push(item) }
        }
        counted.sort_by(|a, b| a.1.cmp(&b.1));
        others.sort_by(|a, b| a.1.cmp(&b.1));
        CurationForms {
            types,
            counted,
            others,
            year: review.year().map(|y| y.to_string()).unwrap_or_default(),
            subject: review.subject.as_ref().map(|s| s.value.clone()).unwrap_or_default(),
            n_pages: review.n_pages,
        }
    }
}

/// Another document of the same review (see `casebook::duplicates`).
pub(crate) struct VersionLink {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) href: String,
    pub(crate) n_pages: u32,
}

impl VersionLink {
    pub(crate) fn new(review: &Review) -> VersionLink {
        VersionLink {
            id: review.id.to_string(),
            title: review.title.value.clone(),
            href: format!("/reviews/{}", review.id),
            n_pages: review.n_pages,
        }
    }
}

/// A review's metadata for display, with where each value came from.
pub(crate) struct ReviewView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) facts: Vec<(&'static str, String, &'static str)>,
    pub(crate) n_pages: u32,
    pub(crate) pdf_href: String,
    /// Where the board published the PDF, when Casebook fetched it.
    pub(crate) source_url: Option<String>,
}

/// A theme or risk factor the review counts for.
pub(crate) struct ThemeView {
    /// The id of the first line inside its `<details>`: a link to it opens them (browsers
    /// reveal the target of a fragment).
    pub(crate) anchor: String,
    pub(crate) label: String,
    pub(crate) href: String,
    /// What shows it, in words: "finding 2, recommendation 4 and 3 passages".
    pub(crate) summary: String,
    /// Why the review counts for it, in words.
    pub(crate) reason: &'static str,
    /// The first [`EVIDENCE_SHOWN`] units behind it.
    pub(crate) quotes: Vec<QuoteView>,
    /// The other units behind it, shown on request.
    pub(crate) more: Vec<QuoteView>,
}

/// Quotes shown for one theme on the review page.
pub(crate) const EVIDENCE_SHOWN: usize = 6;

/// One unit behind a theme: what it is, where, and its words with the matches marked.
pub(crate) struct QuoteView {
    /// "Finding 2", "Recommendation 4", "Passage", "Chronology".
    pub(crate) what: String,
    pub(crate) section: String,
    pub(crate) page_text: String,
    pub(crate) pdf_href: String,
    /// The excerpt as HTML: escaped, with `<mark>`s on the matched words.
    pub(crate) html: String,
}

/// Width of the excerpt of a unit behind a theme, in bytes.
pub(crate) const EXCERPT_WIDTH: usize = 260;

impl QuoteView {
    pub(crate) fn new(review: &str, unit: &Unit, quote: &casebook::evidence::Quote) -> QuoteView {
        let what = match quote.role {
            Role::Finding | Role::Recommendation => unit_label(unit.kind, unit.number.as_deref()),
            Role::Discussed => "Passage discussing it".to_string(),
            Role::Passage => "Passage".to_string(),
            Role::Chronology => "Chronology".to_string(),
        };
        let snippet = casebook::evidence::excerpt(&unit.text, &quote.spans, EXCERPT_WIDTH);
        QuoteView {
            what,
            section: unit.section.join(" › "),
            page_text: page_text(unit.page, unit.page_label.as_deref()),
            pdf_href: pdf_href(review, unit.page),
            html: snippet_html(&snippet),
        }
    }
}

/// The id of a theme's evidence on the review page (`/theme/neglect` → `evidence-theme-neglect`).
pub(crate) fn theme_anchor(path: &str) -> String {
    format!("evidence-{}", path.trim_start_matches('/').replace('/', "-"))
}

/// "finding 2, recommendation 4 and 3 passages": the units behind a theme, by their part.
pub(crate) fn evidence_summary(evidence: &TagEvidence, units: &[Unit]) -> String {
    let mut parts = Vec::new();
    for (role, n) in evidence.role_counts() {
        let numbers = || -> Vec<String> {
            evidence
                .quotes
                .iter()
                .filter(|q| q.role == role)
                .filter_map(|q| units[q.unit].number.clone())
                .collect()
        };
        let part = match role {
            Role::Finding | Role::Recommendation => {
                let name = if role == Role::Finding { "finding" } else { "recommendation" };
                let numbers = numbers();
                if numbers.len() == n && n <= 3 {
                    format!("{name} {}", numbers.join(", "))
                } else {
                    format!("{n} {name}s")
                }
            }
            Role::Discussed => plural(n, "passage discussing it", "passages discussing it"),
            Role::Passage => plural(n, "passage", "passages"),
            Role::Chronology => plural(n, "chronology entry", "chronology entries"),
        };
        parts.push(part);
    }
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => parts.join(""),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

/// A finding or recommendation of the review.
pub(crate) struct ItemView {
    /// The unit's key, which "Add to pack" sends.
    pub(crate) unit_id: String,
    /// Whether the unit is in the current pack already.
    pub(crate) in_pack: bool,
    pub(crate) number: String,
    pub(crate) paragraphs: Vec<String>,
    /// The page and the text as read: what a curator's correction finds it by.
    pub(crate) page: u32,
    pub(crate) text: String,
    /// Its addressees' agency ids, comma-separated, for the correction form.
    pub(crate) agency_ids: String,
    pub(crate) page_text: String,
    pub(crate) pdf_href: String,
    pub(crate) addressees: Vec<String>,
    pub(crate) strength: Option<String>,
    pub(crate) themes: Vec<String>,
    /// "Read from a scan, 93% confidence", when the text came from OCR.
    pub(crate) scan: Option<String>,
}

/// What a page read by OCR says of itself: "read from a scan, 93% confidence", and whether
/// poorly.
pub(crate) fn scan_note(tags: &[String]) -> Option<String> {
    if !tags.iter().any(|t| t == "/read/scan") {
        return None;
    }
    let confidence = tags.iter().find_map(|t| t.strip_prefix("/read/confidence/"));
    let mut note = String::from("read from a scan");
    if let Some(percent) = confidence {
        note.push_str(&format!(", {percent}% confidence"));
    }
    if tags.iter().any(|t| t == "/read/low_confidence") {
        note.push_str(": check the PDF");
    }
    Some(note)
}

/// A similar review.
pub(crate) struct SimilarView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) year: Option<u16>,
    pub(crate) shared: Vec<String>,
}

/// The opening of one page of a review.
pub(crate) struct PageView {
    pub(crate) page_text: String,
    pub(crate) opening: String,
    pub(crate) pdf_href: String,
}

impl ReviewPage {
    pub(crate) fn new(
        review: &Review,
        units: &[Unit],
        keys: &[String],
        evidence: &[TagEvidence],
        similar: &[Similar],
        taxonomy: &Taxonomy,
    ) -> ReviewPage {
        let id = review.id.to_string();
        let mut facts = Vec::new();
        let mut fact =
            |name, value: &Option<casebook::Sourced<String>>, show: fn(&str) -> String| {
                if let Some(v) = value {
                    facts.push((name, show(&v.value), v.source.as_str()));
                }
            };
        fact("Type", &review.review_type, review_type_label);
        fact("Board", &review.board, str::to_string);
        fact("Published", &review.published, str::to_string);
        fact("Subject", &review.subject, str::to_string);
        fact("Age", &review.age_band, |v| age_label(v).to_string());
        fact("Outcome", &review.outcome, |v| v.replace('_', " "));
        fact("Author", &review.author, str::to_string);
        let label = |path: &str| -> String {
            let id = path.rsplit('/').next().unwrap_or(path);
            taxonomy.get(id).map(|e| e.label.clone()).unwrap_or_else(|| id.replace('_', " "))
        };
        let themes = evidence
            .iter()
            .map(|tag| {
                let (param, value) = facet_param(&tag.path);
                let mut quotes: Vec<QuoteView> =
                    tag.quotes.iter().map(|q| QuoteView::new(&id, &units[q.unit], q)).collect();
                let more = quotes.split_off(quotes.len().min(EVIDENCE_SHOWN));
                ThemeView {
                    anchor: theme_anchor(&tag.path),
                    label: label(&tag.path),
                    href: format!("/?{param}={value}"),
                    summary: evidence_summary(tag, units),
                    reason: tag.reason.describe(),
                    quotes,
                    more,
                }
            })
            .collect();
        let item = |(unit, key): (&Unit, &String)| ItemView {
            unit_id: key.clone(),
            in_pack: false,
            number: unit.number.clone().unwrap_or_default(),
            paragraphs: unit
                .text
                .split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect(),
            page: unit.page,
            text: unit.text.clone(),
            agency_ids: unit
                .tags
                .iter()
                .filter_map(|t| t.strip_prefix("/agency/"))
                .filter(|a| !a.contains('/'))
                .collect::<Vec<_>>()
                .join(", "),
            page_text: page_text(unit.page, unit.page_label.as_deref()),
            pdf_href: pdf_href(&id, unit.page),
            addressees: unit
                .tags
                .iter()
                .filter(|t| t.starts_with("/agency/"))
                .map(|t| label(t))
                .collect(),
            strength: unit
                .tags
                .iter()
                .find_map(|t| t.strip_prefix("/strength/"))
                .map(|s| s.replace('_', " ")),
            themes: unit
                .tags
                .iter()
                .filter(|t| t.starts_with("/theme/") || t.starts_with("/risk/"))
                .map(|t| label(t))
                .collect(),
            scan: scan_note(&unit.tags),
        };
        let of_kind = |kind| {
            units.iter().zip(keys).filter(|(u, _)| u.kind == kind).map(item).collect::<Vec<_>>()
        };
        let pages = units.iter().filter(|u| u.kind == UnitKind::Page).fold(
            Vec::<PageView>::new(),
            |mut pages, u| {
                // One line per page: the first passage of each page.
                if pages.last().is_none_or(|p| p.pdf_href != pdf_href(&id, u.page)) {
                    pages.push(PageView {
                        page_text: page_text(u.page, u.page_label.as_deref()),
                        opening: opening(&u.text, 220),
                        pdf_href: pdf_href(&id, u.page),
                    });
                }
                pages
            },
        );
        ReviewPage {
            chrome: Chrome::default(),
            review: ReviewView {
                id: id.to_string(),
                pdf_href: format!("/files/{id}.pdf"),
                title: review.title.value.clone(),
                facts,
                n_pages: review.n_pages,
                source_url: review.source_url.clone(),
            },
            themes,
            findings: of_kind(UnitKind::Finding),
            recommendations: of_kind(UnitKind::Recommendation),
            similar: similar
                .iter()
                .map(|s| SimilarView {
                    id: s.review.id.to_string(),
                    title: s.review.title.value.clone(),
                    year: s.review.year(),
                    shared: s.shared.iter().take(4).map(|t| label(t)).collect(),
                })
                .collect(),
            pages,
            current_pack: None,
            main_version: None,
            other_versions: Vec::new(),
            corrections: Vec::new(),
            curation: None,
            notice: None,
        }
    }
}

/// The name of a review type for display: its label in the built-in taxonomy (exports and
/// feeds are written without the server's taxonomy at hand).
pub(crate) fn review_type_label(id: &str) -> String {
    casebook::Taxonomy::builtin_shared()
        .get(id)
        .map_or_else(|| id.replace('_', " "), |entry| entry.label.clone())
}

/// "Recommendation 3", "Finding 2", "Page text": what a unit is, with its number.
pub(crate) fn unit_label(kind: UnitKind, number: Option<&str>) -> String {
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

/// The sign-in page.
#[derive(Template, WebTemplate)]
#[template(path = "signin.html")]
pub(crate) struct SignInPage {
    pub(crate) chrome: Chrome,
    /// Where to go once signed in.
    pub(crate) back: String,
    /// Why the last attempt failed, if it did.
    pub(crate) message: String,
}

/// The audit trail of corrections (admins).
#[derive(Template, WebTemplate)]
#[template(path = "audit.html")]
pub(crate) struct AuditPage {
    pub(crate) chrome: Chrome,
    pub(crate) rows: Vec<AuditRow>,
    /// Everyone who made a correction, for the filter.
    pub(crate) authors: Vec<String>,
    pub(crate) filter: AuditFilter,
}

/// What the audit trail is narrowed to (empty: everything).
#[derive(Debug, Default)]
pub(crate) struct AuditFilter {
    /// A review id.
    pub(crate) review: String,
    /// A user's name.
    pub(crate) who: String,
    /// A correction's op (`set_type`, …).
    pub(crate) op: String,
    /// `in_force` or `reverted`.
    pub(crate) reverted: String,
}

impl AuditFilter {
    /// The ops a correction can have, for the filter.
    pub(crate) const OPS: [&'static str; 10] = [
        "set_type",
        "set_year",
        "set_subject",
        "reject_theme",
        "add_theme",
        "add_recommendation",
        "edit_item",
        "not_an_item",
        "same_review",
        "hide",
    ];

    pub(crate) fn keeps(&self, c: &casebook::store::corrections::Correction) -> bool {
        (self.review.is_empty() || c.review.as_str() == self.review)
            && (self.who.is_empty() || c.author == self.who)
            && (self.op.is_empty() || c.op.name() == self.op)
            && match self.reverted.as_str() {
                "in_force" => c.reverted.is_none(),
                "reverted" => c.reverted.is_some(),
                _ => true,
            }
    }
}

/// One correction in the audit trail, or on a review page.
pub(crate) struct AuditRow {
    pub(crate) id: i64,
    pub(crate) review: String,
    pub(crate) when: String,
    pub(crate) author: String,
    pub(crate) what: String,
    pub(crate) before: String,
    pub(crate) after: String,
    pub(crate) reason: String,
    /// "reverted by bo, 2026-12-04 21:00 UTC", when it was.
    pub(crate) reverted: Option<String>,
    /// A correction in force that the index does not show: it no longer matches the file,
    /// or waits for the next indexing run.
    pub(crate) stale: bool,
}

impl AuditRow {
    pub(crate) fn new(c: &casebook::store::corrections::Correction) -> AuditRow {
        use casebook::store::corrections::Op;
        let what = match &c.op {
            Op::SetType(_) => "Review type",
            Op::SetYear(_) => "Year",
            Op::SetSubject(_) => "Subject",
            Op::RejectTheme(_) => "Theme rejected",
            Op::AddTheme(_) => "Theme added",
            Op::AddRecommendation { .. } => "Recommendation added",
            Op::EditItem { .. } => "Finding or recommendation corrected",
            Op::NotAnItem { .. } => "Not a finding or recommendation",
            Op::SameReview(_) => "The same review as",
            Op::NotSameReview(_) => "Not the same review as",
            Op::Hide => "Hidden from search",
        };
        let after = match &c.op {
            Op::AddRecommendation { page, text } => format!("p. {page}: {text}"),
            Op::EditItem { page, new_text, number, agencies, .. } => {
                let number = number.as_deref().map(|n| format!(" {n}")).unwrap_or_default();
                let to = if agencies.is_empty() {
                    String::new()
                } else {
                    format!(" (to {})", agencies.join(", "))
                };
                format!("p. {page}{number}: {new_text}{to}")
            }
            Op::NotAnItem { .. } => String::new(),
            Op::RejectTheme(_) => String::new(),
            other => other.value(),
        };
        AuditRow {
            id: c.id,
            review: c.review.to_string(),
            when: crate::time::utc_minute(c.created),
            author: c.author.clone(),
            what: what.to_string(),
            before: c.before.clone(),
            after,
            reason: c.reason.clone(),
            reverted: c
                .reverted
                .as_ref()
                .map(|(by, at)| format!("reverted by {by}, {}", crate::time::utc_minute(*at))),
            stale: false,
        }
    }
}
