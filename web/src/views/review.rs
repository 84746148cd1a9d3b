//! The review page.

use askama::Template;
use askama_web::WebTemplate;

use casebook::evidence::TagEvidence;
use casebook::profile::Role;
use casebook::{Review, Similar, Tag, Taxonomy, Unit, UnitKind};

use super::*;
use crate::chrome::Chrome;

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
            if !Tag::is_subject_path(&path) {
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
                .filter(|t| Tag::is_agency_path(t))
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
                .filter(|t| Tag::is_subject_path(t))
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
