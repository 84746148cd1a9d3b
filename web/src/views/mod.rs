//! HTML view models: what each template shows, built from core results, one module per group
//! of routes (`search`, `review`, `curation`, `pack`: packs and saved searches) and the helpers
//! they share here.

mod curation;
mod pack;
mod review;
mod search;

use std::collections::{BTreeMap, HashSet};

use casebook::{FacetGroup, Snippet, Taxonomy, UnitKind};

pub(crate) use self::curation::*;
pub(crate) use self::pack::*;
pub(crate) use self::review::*;
pub(crate) use self::search::*;
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
        pack: &casebook_store::Pack,
        edit: &casebook_store::EditToken,
    ) -> CurrentPack {
        CurrentPack {
            title: pack.title.clone(),
            href: format!("/packs/{}", edit.as_str()),
            n_items: pack.items.len(),
            unit_ids: pack
                .items
                .iter()
                .filter_map(|item| match &item.content {
                    casebook_store::ItemContent::Extract { extract, .. } => {
                        Some(extract.unit_id.clone())
                    }
                    casebook_store::ItemContent::Section { .. } => None,
                })
                .collect(),
        }
    }
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

/// Splits a facet path into its search parameter and id: `/risk/poverty` → ("risk", "poverty").
pub(crate) fn facet_param(path: &str) -> (&str, &str) {
    path.trim_start_matches('/').split_once('/').unwrap_or(("theme", path))
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
