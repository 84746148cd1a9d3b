//! Titles: telling generic link text ("Download the report (PDF)") from a real name, and
//! removing download furniture from link text.

use super::date::{find_dates, year_of};
use super::vocabulary::subject_of;
use super::{norm, tokens};

pub(super) const GENERIC: &[&str] = &[
    "the",
    "a",
    "an",
    "full",
    "final",
    "report",
    "reports",
    "overview",
    "here",
    "click",
    "download",
    "document",
    "pdf",
    "read",
    "view",
    "more",
    "this",
    "link",
    "file",
    "summary",
    "copy",
    "of",
    "our",
    "see",
    "and",
    "to",
    "briefing",
    "publication",
    "version",
    "printable",
    "doc",
    "it",
    "in",
    "for",
    "on",
    "itself",
    "is",
    "available",
];

pub(super) fn is_generic(s: &str) -> bool {
    tokens(s).iter().all(|t| GENERIC.contains(&t.s.to_lowercase().as_str()))
}

/// Tells whether a heading only names a kind of document or a date ("Briefings October 2014").
pub(super) fn is_generic_heading(s: &str) -> bool {
    const MORE: &[&str] = &[
        "serious",
        "case",
        "review",
        "reviews",
        "learning",
        "safeguarding",
        "practice",
        "local",
        "national",
        "child",
        "children",
        "adult",
        "adults",
        "published",
        "briefings",
        "thematic",
        "domestic",
        "homicide",
        "scr",
        "scrs",
        "sar",
        "sars",
        "dhr",
        "dhrs",
        "lcspr",
        "lcsprs",
        "cspr",
        "partnership",
        "board",
        "lscb",
        "archive",
        "recent",
        "previous",
        "latest",
        "new",
        "older",
        "documents",
        "downloads",
        "resources",
        "publications",
        "from",
        "with",
        "by",
        "s",
    ];
    if subject_of(s).is_some() {
        return false;
    }
    let dates = find_dates(s);
    tokens(s).iter().all(|t| {
        let w = t.s.to_lowercase();
        dates.iter().any(|f| t.start >= f.start && t.end <= f.end)
            || GENERIC.contains(&w.as_str())
            || MORE.contains(&w.as_str())
    })
}

/// Removes download furniture from link text: "(PDF)", "[1.2MB]", "Download:", a trailing
/// "– Thrandale SCP 2023" and a trailing date in brackets.
pub(super) fn clean_title(s: &str) -> String {
    let mut s = norm(s);
    for _ in 0..3 {
        let before = s.clone();
        s = drop_noise_brackets(&s);
        for p in [
            "click here to download",
            "click here to view",
            "click here to read",
            "click here for",
            "click here",
            "download",
            "read the",
            "view the",
        ] {
            // Compared on the original bytes: lower-casing can change lengths (the Kelvin sign
            // becomes "k"), and slicing by the lower-cased length could split a character.
            let head = s.get(..p.len()).filter(|h| h.eq_ignore_ascii_case(p));
            let rest = s.get(p.len()..).unwrap_or("");
            if head.is_some() && rest.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                s = rest.to_string();
                break;
            }
        }
        s = s
            .trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '|' | ',' | ';')
            })
            .to_string();
        if s.len() >= 4 && s.get(s.len() - 4..).is_some_and(|t| t.eq_ignore_ascii_case(" pdf")) {
            s.truncate(s.len() - 4);
        }
        if let Some(i) = [" – ", " — ", " - ", " | "].iter().filter_map(|d| s.rfind(d)).max() {
            let tail = &s[i..];
            let toks = tokens(tail);
            let ends_in_year = toks.last().is_some_and(|t| year_of(t.s, 1990).is_some());
            let proper = toks.iter().all(|t| !t.s.starts_with(|c: char| c.is_lowercase()));
            if i > 0 && ends_in_year && proper && toks.len() <= 5 {
                s.truncate(i);
            }
        }
        s = norm(&s);
        if s == before {
            break;
        }
    }
    s
}

/// Drops bracketed groups that hold only file furniture ("PDF", "1.2MB", "opens in new window") or a date.
pub(super) fn drop_noise_brackets(s: &str) -> String {
    const NOISE: &[&str] = &[
        "pdf", "kb", "mb", "gb", "opens", "in", "a", "new", "window", "tab", "external", "link",
        "download", "file", "size", "pages", "page", "word", "doc", "docx",
    ];
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(['(', '[']) {
        let close = if rest[i..].starts_with('(') { ')' } else { ']' };
        let Some(len) = rest[i..].find(close) else { break };
        let inner = &rest[i + 1..i + len];
        let dates = find_dates(inner);
        let noise = tokens(inner).iter().all(|t| {
            let w = t.s.to_lowercase();
            let unit = w.trim_start_matches(|c: char| c.is_ascii_digit());
            NOISE.contains(&w.as_str())
                || unit.is_empty()
                || (unit.len() < w.len() && NOISE.contains(&unit))
                || dates.iter().any(|f| t.start >= f.start && t.end <= f.end)
        });
        out.push_str(&rest[..i]);
        if !noise {
            out.push_str(&rest[i..i + len + 1]);
        }
        rest = &rest[i + len + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_text_is_cleaned_into_a_title() {
        let cases = [
            (
                "Child R: Local Child Safeguarding Practice Review (PDF) – Thrandale SCP 2023",
                "Child R: Local Child Safeguarding Practice Review",
            ),
            ("Download: SCR report: 'Zara' 2014", "SCR report: 'Zara' 2014"),
            (
                "Child M – learning review report – Thrandale SCP 2022",
                "Child M – learning review report",
            ),
            ("Overview report [1.2MB]", "Overview report"),
            ("Child B (pdf, 545KB) (opens in new window)", "Child B"),
            ("Report (Part 2)", "Report (Part 2)"),
            ("Clic\u{212A} here", "Clic\u{212A} here"),
        ];
        for (input, expected) in cases {
            assert_eq!(clean_title(input), expected, "cleaning {input:?}");
        }
    }
}
