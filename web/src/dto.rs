//! JSON wire types of the API, converted from core types.

use std::collections::BTreeMap;

use casebook::evidence::TagEvidence;
use casebook::{Hit, Review, ReviewGroup, SearchResults, Unit};
use serde::Serialize;

use crate::views::{pdf_href, snippet_html};

/// Answer of `GET /api/search`.
#[derive(Debug, Serialize)]
pub(crate) struct SearchResponse {
    pub(crate) query: String,
    /// Matching units.
    pub(crate) total: usize,
    /// Reviews with at least one matching unit.
    pub(crate) total_reviews: usize,
    pub(crate) page: usize,
    pub(crate) per_page: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) notice: Option<String>,
    /// Set when `query` found nothing and these are the results of this spelling correction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) corrected_query: Option<String>,
    /// Taxonomy names searched as well as the query's words.
    pub(crate) expanded: Vec<ExpandedDto>,
    /// The best units of the reviews on this page, grouped by review in rank order.
    pub(crate) hits: Vec<HitDto>,
    /// Matching reviews per facet value, by group (`theme`, `risk`, `agency`, `type`, `board`,
    /// `age`, `year`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) facets: Option<BTreeMap<&'static str, Vec<FacetDto>>>,
}

#[derive(Debug, Serialize)]
pub(crate) struct FacetDto {
    pub(crate) value: String,
    pub(crate) reviews: usize,
    pub(crate) units: usize,
}

/// Answer of `GET /api/taxonomy`.
#[derive(Debug, Serialize)]
pub(crate) struct TaxonomyEntryDto {
    pub(crate) id: String,
    pub(crate) kind: &'static str,
    pub(crate) group: String,
    pub(crate) label: String,
    pub(crate) description: String,
    pub(crate) synonyms: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) parent: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) components: Vec<String>,
    pub(crate) facet: String,
}

impl TaxonomyEntryDto {
    pub(crate) fn new(entry: &casebook::Entry) -> TaxonomyEntryDto {
        TaxonomyEntryDto {
            id: entry.id.to_string(),
            kind: entry.kind.as_str(),
            group: entry.group.clone(),
            label: entry.label.clone(),
            description: entry.description.clone(),
            synonyms: entry.synonyms.clone(),
            parent: entry.parent.as_ref().map(|p| p.to_string()),
            components: entry.components.iter().map(|c| c.to_string()).collect(),
            facet: entry.facet_path(),
        }
    }
}

/// Converts core facet counts to their wire form.
pub(crate) fn facets_dto(facets: casebook::Facets) -> BTreeMap<&'static str, Vec<FacetDto>> {
    let dto = |c: casebook::FacetCount| FacetDto {
        value: c.value,
        reviews: c.n_reviews,
        units: c.n_units,
    };
    let mut out: BTreeMap<&'static str, Vec<FacetDto>> = facets
        .groups
        .into_iter()
        .map(|(group, counts)| (group.param(), counts.into_iter().map(dto).collect()))
        .collect();
    out.insert("year", facets.years.into_iter().map(dto).collect());
    out
}

#[derive(Debug, Serialize)]
pub(crate) struct ExpandedDto {
    pub(crate) matched: String,
    pub(crate) entry: String,
    pub(crate) label: String,
    pub(crate) also: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ReviewRef {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) board: Option<String>,
    pub(crate) year: Option<u16>,
    #[serde(rename = "type")]
    pub(crate) review_type: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct HitDto {
    pub(crate) review: ReviewRef,
    pub(crate) kind: &'static str,
    pub(crate) page: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) page_label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) number: Option<String>,
    pub(crate) section: Vec<String>,
    /// Facet paths of the unit's themes, risk factors, agencies and strength.
    pub(crate) tags: Vec<String>,
    pub(crate) score: f32,
    /// Plain text of the snippet.
    pub(crate) snippet: String,
    /// Byte ranges of `snippet` that matched.
    pub(crate) highlights: Vec<[usize; 2]>,
    /// The snippet as escaped HTML with `<mark>` around matches.
    pub(crate) snippet_html: String,
    /// Link to the PDF at the page.
    pub(crate) pdf: String,
}

impl SearchResponse {
    pub(crate) fn new(
        query: &str,
        page: usize,
        per_page: usize,
        results: SearchResults,
    ) -> SearchResponse {
        let hits = results
            .groups
            .iter()
            .flat_map(|g| g.hits.iter().map(move |h| HitDto::new(g, h)))
            .collect();
        SearchResponse {
            query: query.to_string(),
            total: results.total_units,
            total_reviews: results.total_reviews,
            page,
            per_page,
            notice: results.notice,
            corrected_query: results.corrected_query,
            expanded: results
                .expansions
                .into_iter()
                .map(|e| ExpandedDto {
                    matched: e.matched,
                    entry: e.entry,
                    label: e.label,
                    also: e.also,
                })
                .collect(),
            hits,
            facets: None,
        }
    }
}

impl HitDto {
    fn new(group: &ReviewGroup, hit: &Hit) -> HitDto {
        HitDto {
            review: ReviewRef {
                id: group.review.to_string(),
                title: group.title.clone(),
                board: group.board.clone(),
                year: group.year,
                review_type: group.review_type.clone(),
            },
            kind: hit.kind.as_str(),
            page: hit.page,
            page_label: hit.page_label.clone(),
            number: hit.number.clone(),
            section: hit.section.clone(),
            tags: hit.tags.clone(),
            score: hit.score,
            snippet: hit.snippet.text.clone(),
            highlights: hit.snippet.highlights.iter().map(|r| [r.start, r.end]).collect(),
            snippet_html: snippet_html(&hit.snippet),
            pdf: pdf_href(group.review.as_str(), hit.page),
        }
    }
}

/// Answer of `GET /api/reviews/{id}`.
#[derive(Debug, Serialize)]
pub(crate) struct ReviewResponse {
    pub(crate) id: String,
    pub(crate) title: String,
    #[serde(rename = "type")]
    pub(crate) review_type: Option<String>,
    pub(crate) board: Option<String>,
    pub(crate) board_id: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) year: Option<u16>,
    pub(crate) subject: Option<String>,
    pub(crate) age_band: Option<String>,
    pub(crate) outcome: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) n_pages: u32,
    pub(crate) pdf: String,
    /// Where the board published the PDF, when Casebook fetched it from its website.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) source_url: Option<String>,
    /// Where each metadata value came from.
    pub(crate) sources: std::collections::BTreeMap<&'static str, &'static str>,
    /// The fullest version of the review, when this document is another version of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) version_of: Option<String>,
    /// The other documents of the review, when this is the fullest.
    pub(crate) also_published_as: Vec<String>,
    /// Curators' corrections of the review, newest first (metadata they set also say
    /// `curator` in `sources`).
    pub(crate) corrections: Vec<CorrectionDto>,
    /// The themes and risk factors the review counts for, each with the units behind it.
    pub(crate) themes: Vec<ThemeDto>,
    pub(crate) units: Vec<UnitDto>,
}

/// A theme or risk factor of a review and why it counts.
#[derive(Debug, Serialize)]
pub(crate) struct ThemeDto {
    /// The facet path (`/theme/neglect`).
    pub(crate) path: String,
    pub(crate) id: String,
    pub(crate) label: String,
    /// The part of the rule that makes the review count for it (`in_finding`, `discussed`,
    /// `units`, `harm`, `share`).
    pub(crate) reason: &'static str,
    pub(crate) evidence: Vec<EvidenceDto>,
}

/// One unit behind a theme.
#[derive(Debug, Serialize)]
pub(crate) struct EvidenceDto {
    /// The unit's position in `units`.
    pub(crate) unit: usize,
    /// The part it plays: `finding`, `recommendation`, `discussed`, `passage`, `chronology`.
    pub(crate) role: &'static str,
    /// The unit's kind: `finding`, `recommendation`, `page`.
    pub(crate) kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) number: Option<String>,
    pub(crate) page: u32,
    pub(crate) section: Vec<String>,
    pub(crate) text: String,
    /// Byte ranges `[start, end)` of the matched words in `text`.
    pub(crate) matches: Vec<[usize; 2]>,
    pub(crate) pdf: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct UnitDto {
    pub(crate) kind: &'static str,
    pub(crate) page: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) number: Option<String>,
    pub(crate) section: Vec<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) text: String,
}

impl ReviewResponse {
    pub(crate) fn new(
        review: &Review,
        units: Vec<Unit>,
        evidence: &[TagEvidence],
        taxonomy: &casebook::Taxonomy,
    ) -> ReviewResponse {
        let value = |v: &Option<casebook::Sourced<String>>| v.as_ref().map(|s| s.value.clone());
        let mut sources = std::collections::BTreeMap::new();
        sources.insert("title", review.title.source.as_str());
        let optional = [
            ("type", &review.review_type),
            ("board", &review.board),
            ("published", &review.published),
            ("subject", &review.subject),
            ("age_band", &review.age_band),
            ("outcome", &review.outcome),
            ("author", &review.author),
        ];
        for (name, v) in optional {
            if let Some(s) = v {
                sources.insert(name, s.source.as_str());
            }
        }
        ReviewResponse {
            id: review.id.to_string(),
            title: review.title.value.clone(),
            review_type: value(&review.review_type),
            board: value(&review.board),
            board_id: review.board_id.clone(),
            published: value(&review.published),
            year: review.year(),
            subject: value(&review.subject),
            age_band: value(&review.age_band),
            outcome: value(&review.outcome),
            author: value(&review.author),
            n_pages: review.n_pages,
            pdf: format!("/files/{}.pdf", review.id),
            source_url: review.source_url.clone(),
            sources,
            version_of: None,
            also_published_as: Vec::new(),
            corrections: Vec::new(),
            themes: evidence
                .iter()
                .map(|tag| ThemeDto::new(review, &units, tag, taxonomy))
                .collect(),
            units: units
                .into_iter()
                .map(|u| UnitDto {
                    kind: u.kind.as_str(),
                    page: u.page,
                    number: u.number,
                    section: u.section,
                    tags: u.tags,
                    text: u.text,
                })
                .collect(),
        }
    }
}

impl ThemeDto {
    fn new(
        review: &Review,
        units: &[Unit],
        tag: &TagEvidence,
        taxonomy: &casebook::Taxonomy,
    ) -> ThemeDto {
        let id = tag.path.rsplit('/').next().unwrap_or_default().to_owned();
        let label = taxonomy.get(&id).map_or_else(|| id.replace('_', " "), |e| e.label.clone());
        let evidence = tag
            .quotes
            .iter()
            .map(|quote| {
                let unit = &units[quote.unit];
                EvidenceDto {
                    unit: quote.unit,
                    role: quote.role.as_str(),
                    kind: unit.kind.as_str(),
                    number: unit.number.clone(),
                    page: unit.page,
                    section: unit.section.clone(),
                    text: unit.text.clone(),
                    matches: quote.spans.iter().map(|&(s, e)| [s, e]).collect(),
                    pdf: pdf_href(review.id.as_str(), unit.page),
                }
            })
            .collect();
        ThemeDto { path: tag.path.clone(), id, label, reason: tag.reason.as_str(), evidence }
    }
}

/// A curator's correction: in `/api/reviews/{id}`, and the answer of a new one.
#[derive(Debug, Serialize)]
pub(crate) struct CorrectionDto {
    pub(crate) id: i64,
    pub(crate) review: String,
    pub(crate) op: &'static str,
    pub(crate) value: String,
    pub(crate) before: String,
    pub(crate) reason: String,
    pub(crate) author: String,
    pub(crate) created_ms: u64,
    /// Whether it was reverted (and is no longer applied).
    pub(crate) reverted: bool,
    /// For a new correction: whether the index shows it already (false: the next indexing
    /// run applies it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) applied: Option<bool>,
}

impl CorrectionDto {
    pub(crate) fn new(
        c: &casebook_store::corrections::Correction,
        applied: Option<bool>,
    ) -> CorrectionDto {
        CorrectionDto {
            id: c.id,
            review: c.review.to_string(),
            op: c.op.name(),
            value: c.op.value(),
            before: c.before.clone(),
            reason: c.reason.clone(),
            author: c.author.clone(),
            created_ms: c.created,
            reverted: c.reverted.is_some(),
            applied,
        }
    }
}
