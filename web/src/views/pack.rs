//! View models of the pack and saved-search pages, and of a saved search's Atom feed.

use askama::Template;
use askama_web::WebTemplate;

use casebook::{SearchResults, Taxonomy, UnitKind};
use casebook_store::{EditToken, ItemContent, Pack, SavedSearch};

use crate::chrome::Chrome;
use crate::export::{Entry, Format, PackDocument, xml_chars};
use crate::params::SearchParams;
use crate::time;

/// `/packs`: the packs and saved searches this browser remembers, and the form for a new pack.
#[derive(Template, WebTemplate)]
#[template(path = "packs.html")]
pub(crate) struct PacksPage {
    pub(crate) chrome: Chrome,
    /// (title, edit link, number of items, last changed)
    pub(crate) packs: Vec<(String, String, usize, String)>,
    /// (name, page link)
    pub(crate) searches: Vec<(String, String)>,
}

impl PacksPage {
    pub(crate) fn new(
        chrome: Chrome,
        packs: &[(Pack, String)],
        searches: &[SavedSearch],
    ) -> PacksPage {
        PacksPage {
            chrome,
            packs: packs
                .iter()
                .map(|(p, href)| {
                    (p.title.clone(), href.clone(), p.items.len(), time::long_date(p.updated))
                })
                .collect(),
            searches: searches
                .iter()
                .map(|s| (s.name.clone(), format!("/searches/{}", s.token)))
                .collect(),
        }
    }
}

/// A pack's page: editable through the edit link, read-only through the share link.
#[derive(Template, WebTemplate)]
#[template(path = "pack.html")]
pub(crate) struct PackPage {
    pub(crate) chrome: Chrome,
    pub(crate) editable: bool,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) description_paragraphs: Vec<String>,
    /// `/packs/{edit}` (forms post below it); empty when read-only.
    pub(crate) base: String,
    /// The read-only link, absolute, to give to others.
    pub(crate) share_url: String,
    /// (label, link) of each export.
    pub(crate) exports: Vec<(&'static str, String)>,
    pub(crate) items: Vec<PackItemView>,
    pub(crate) n_extracts: usize,
    pub(crate) updated: String,
}

/// One item on a pack's page.
pub(crate) struct PackItemView {
    pub(crate) id: i64,
    /// 1-based position.
    pub(crate) position: usize,
    pub(crate) first: bool,
    pub(crate) last: bool,
    pub(crate) is_section: bool,
    pub(crate) heading: String,
    pub(crate) paragraphs: Vec<String>,
    /// The raw text of a section, for its edit form.
    pub(crate) text: String,
    pub(crate) kind: &'static str,
    pub(crate) citation: String,
    pub(crate) pdf_href: String,
    pub(crate) review_href: String,
    pub(crate) note: String,
    pub(crate) note_paragraphs: Vec<String>,
}

impl PackPage {
    pub(crate) fn new(
        chrome: Chrome,
        pack: &Pack,
        edit: Option<&EditToken>,
        public_url: &str,
    ) -> PackPage {
        // Links on the page stay on the site; the share link is for pasting elsewhere.
        let doc = PackDocument::new(pack, "", "");
        let n = pack.items.len();
        let items = pack
            .items
            .iter()
            .zip(&doc.entries)
            .enumerate()
            .map(|(i, (item, entry))| {
                let mut view = PackItemView {
                    id: item.id,
                    position: i + 1,
                    first: i == 0,
                    last: i + 1 == n,
                    is_section: false,
                    heading: entry.heading().to_string(),
                    paragraphs: Vec::new(),
                    text: String::new(),
                    kind: "",
                    citation: String::new(),
                    pdf_href: String::new(),
                    review_href: String::new(),
                    note: String::new(),
                    note_paragraphs: Vec::new(),
                };
                match (&item.content, entry) {
                    (ItemContent::Section { text, .. }, Entry::Section { paragraphs, .. }) => {
                        view.is_section = true;
                        view.text = text.clone();
                        view.paragraphs = paragraphs.clone();
                    }
                    (ItemContent::Extract { extract, note }, Entry::Extract(e)) => {
                        view.kind = match extract.kind {
                            UnitKind::Finding => "finding",
                            UnitKind::Recommendation => "recommendation",
                            _ => "page",
                        };
                        view.heading = format!("{}. {}", e.n, e.heading);
                        view.paragraphs = e.paragraphs.clone();
                        view.citation = e.citation.clone();
                        view.pdf_href = e.link.clone();
                        view.review_href = format!("/reviews/{}", extract.review_id);
                        view.note = note.clone();
                        view.note_paragraphs = e.note.clone();
                    }
                    _ => {}
                }
                view
            })
            .collect();
        let (base, link_base) = match edit {
            Some(edit) => {
                let base = format!("/packs/{}", edit.as_str());
                (base.clone(), base)
            }
            None => (String::new(), format!("/shared/{}", pack.share_token)),
        };
        PackPage {
            chrome,
            editable: edit.is_some(),
            title: pack.title.clone(),
            description: pack.description.clone(),
            description_paragraphs: doc.description.clone(),
            base,
            share_url: format!("{public_url}/shared/{}", pack.share_token),
            exports: Format::ALL
                .iter()
                .map(|f| (f.label(), format!("{link_base}/export/{}", f.extension())))
                .collect(),
            n_extracts: pack
                .items
                .iter()
                .filter(|i| matches!(i.content, ItemContent::Extract { .. }))
                .count(),
            updated: time::long_date(pack.updated),
            items,
        }
    }
}

/// The print-ready page of a pack: the export as HTML, with no site chrome.
#[derive(Template)]
#[template(path = "pack_print.html")]
pub(crate) struct PrintPage {
    pub(crate) doc: PackDocument,
    /// The stylesheet's address: on the site, or absolute in a file saved by the command line.
    pub(crate) stylesheet: String,
}

/// A saved search's page: its search, its feed, and how many units are new since.
#[derive(Template, WebTemplate)]
#[template(path = "saved_search.html")]
pub(crate) struct SavedSearchPage {
    pub(crate) chrome: Chrome,
    pub(crate) name: String,
    pub(crate) token: String,
    pub(crate) search_href: String,
    pub(crate) feed_url: String,
    pub(crate) saved_on: String,
    pub(crate) n_new: usize,
}

impl SavedSearchPage {
    pub(crate) fn new(
        chrome: Chrome,
        search: &SavedSearch,
        n_new: usize,
        public_url: &str,
    ) -> SavedSearchPage {
        SavedSearchPage {
            chrome,
            name: search.name.clone(),
            token: search.token.clone(),
            search_href: format!("/?{}", search.query),
            feed_url: format!("{public_url}/feeds/{}.atom", search.token),
            saved_on: time::long_date(search.created),
            n_new,
        }
    }
}

/// The Atom (RFC 4287) feed of a saved search (`saved_search_feed.xml`): an entry for each unit
/// of `results`.
#[derive(Template)]
#[template(path = "saved_search_feed.xml")]
pub(crate) struct SavedSearchFeed {
    pub(crate) name: String,
    /// When the search was saved, in words.
    pub(crate) saved_on: String,
    /// The search in words: `"unseen men", theme neglect`.
    pub(crate) described: String,
    pub(crate) feed_url: String,
    pub(crate) search_url: String,
    /// When the newest review among the results was added (RFC 3339).
    pub(crate) updated: String,
    pub(crate) entries: Vec<FeedEntry>,
}

/// One unit of a saved search's feed.
pub(crate) struct FeedEntry {
    pub(crate) title: String,
    /// The unit's id, percent-encoded into a URN.
    pub(crate) id: String,
    pub(crate) updated: String,
    pub(crate) link: String,
    pub(crate) board: Option<String>,
    /// Its themes and risk factors: id and label.
    pub(crate) categories: Vec<(String, String)>,
    pub(crate) content: String,
}

impl SavedSearchFeed {
    pub(crate) fn new(
        search: &SavedSearch,
        results: &SearchResults,
        public_url: &str,
        taxonomy: &Taxonomy,
    ) -> SavedSearchFeed {
        let updated = results.groups.iter().map(|g| g.added).max().unwrap_or(0).max(search.created);
        let mut entries = Vec::new();
        for group in &results.groups {
            let mut source = Vec::new();
            source.extend(group.board.clone());
            source.extend(group.year.map(|y| y.to_string()));
            for hit in &group.hits {
                let what = match hit.kind {
                    UnitKind::Review => "New review".to_string(),
                    UnitKind::Page => format!("p. {}", hit.page),
                    kind => crate::views::unit_label(kind, hit.number.as_deref()),
                };
                let title = if source.is_empty() {
                    format!("{what} — {}", group.title)
                } else {
                    format!("{what} — {} ({})", group.title, source.join(", "))
                };
                let link = if hit.kind == UnitKind::Review {
                    format!("{public_url}/reviews/{}", group.review)
                } else {
                    format!("{public_url}/files/{}.pdf#page={}", group.review, hit.page)
                };
                let categories = hit
                    .tags
                    .iter()
                    .filter_map(|tag| taxonomy.by_facet_path(tag))
                    .filter(|entry| entry.kind.is_subject())
                    .map(|entry| (entry.id.to_string(), xml_chars(&entry.label)))
                    .collect();
                entries.push(FeedEntry {
                    title: xml_chars(&title),
                    id: form_urlencoded::byte_serialize(hit.unit_id.as_bytes()).collect(),
                    updated: time::rfc3339(group.added),
                    link,
                    board: group.board.as_deref().map(xml_chars),
                    categories,
                    content: xml_chars(&hit.snippet.text),
                });
            }
        }
        SavedSearchFeed {
            name: xml_chars(&search.name),
            saved_on: time::long_date(search.created),
            described: xml_chars(&describe(&search.query)),
            feed_url: format!("{public_url}/feeds/{}.atom", search.token),
            search_url: format!("{public_url}/?{}", search.query),
            updated: time::rfc3339(updated),
            entries,
        }
    }
}

/// A saved query string in words: `"unseen men" with theme neglect`.
fn describe(query: &str) -> String {
    let params = SearchParams::parse(Some(query));
    let mut parts = Vec::new();
    if !params.q.trim().is_empty() {
        parts.push(format!("“{}”", params.q.trim()));
    }
    for key in ["theme", "risk", "agency", "type", "board", "age"] {
        for value in params.list(key) {
            parts.push(format!("{key} {}", value.replace('_', " ")));
        }
    }
    if parts.is_empty() { "every review".to_string() } else { parts.join(", ") }
}
