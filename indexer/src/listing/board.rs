//! The name of the board a listing page belongs to: from the page's title, its logo or site
//! name, or its main heading.

use scraper::ElementRef;

use super::layout::is_excluded;
use super::{norm, tokens};

/// The board's name, from the page's `<title>` when a part of it names an organisation, else
/// the logo or site name, else the title or main heading.
pub(super) fn find_board(root: ElementRef<'_>) -> Option<String> {
    let text_of = |e: ElementRef<'_>| norm(&e.text().collect::<String>());
    let title = root.descendent_elements().find(|e| e.value().name() == "title").map(text_of);
    let parts: Vec<String> = title
        .as_deref()
        .unwrap_or("")
        .replace(" – ", "|")
        .replace(" — ", "|")
        .replace(" - ", "|")
        .replace("::", "|")
        .split('|')
        .map(norm)
        .filter(|p| !p.is_empty())
        .collect();
    if let Some(p) = parts.iter().rev().find(|p| is_org_name(p)) {
        return Some(p.clone());
    }
    let logo = root.descendent_elements().find(|e| {
        let v = e.value();
        let marks = [v.attr("class"), v.id()].into_iter().flatten().any(|a| {
            let a = a.to_lowercase();
            ["logo", "site-name", "site-title", "sitename", "brand"].iter().any(|k| a.contains(k))
        });
        marks && (2..=120).contains(&text_of(*e).chars().count())
    });
    if let Some(logo) = logo {
        return Some(text_of(logo));
    }
    if parts.len() >= 2 {
        return parts.last().cloned();
    }
    let h1 = root
        .descendent_elements()
        .find(|e| e.value().name() == "h1" && !is_excluded(*e))
        .map(text_of);
    h1.filter(|h| !h.is_empty()).or_else(|| parts.first().cloned())
}

fn is_org_name(s: &str) -> bool {
    const ORG: &[&str] = &[
        "board",
        "partnership",
        "council",
        "department",
        "centre",
        "center",
        "panel",
        "lscb",
        "lscp",
        "scp",
        "sab",
        "csp",
        "trust",
        "agency",
        "government",
        "ministry",
        "commission",
        "nspcc",
        "society",
        "institute",
        "borough",
        "county",
        "authority",
        "service",
    ];
    tokens(s).iter().any(|t| {
        ORG.contains(&t.s.to_lowercase().trim_end_matches('s'))
            || ORG.contains(&t.s.to_lowercase().as_str())
    })
}
