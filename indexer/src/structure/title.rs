//! What a line of text says of itself, before any layout is looked at: a section number and
//! its title, a contents entry, a sentence or a title. The block, heading and contents readers
//! all ask.

use casebook::SectionKind;

/// Whether a line of text without typography reads as a heading on its own: a numbered title
/// ("9 Findings and learning") or the name of a kind of section ("Recommendations").
pub(super) fn is_heading_line(text: &str) -> bool {
    let text = text.trim();
    if is_contents_entry(text) || text.ends_with(['.', ',', ';']) {
        return false;
    }
    let (number, title) = numbered(text).unwrap_or((Vec::new(), text));
    let title = title.trim().trim_end_matches(':').trim();
    let n_words = title.split_whitespace().count();
    let starts_well = title.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    if !starts_well || n_words == 0 || reads_like_a_sentence(title) {
        return false;
    }
    if number.is_empty() {
        n_words <= 6 && SectionKind::from_heading(title) != SectionKind::Other
    } else {
        n_words <= 12
    }
}

/// Whether text ends in a page number: a contents entry whose title wrapped ("The experiences
/// of children who need help and / protection 9").
pub(super) fn ends_in_page_number(text: &str) -> bool {
    let last = text.split_whitespace().last().unwrap_or("");
    (1..=3).contains(&last.len()) && last.bytes().all(|b| b.is_ascii_digit())
}

/// A contents entry: a title, dot leaders, a page number.
pub(super) fn is_contents_entry(line: &str) -> bool {
    line.contains("....") || line.contains("…..") || line.contains(". . . .") || line.contains("……")
}

/// Splits a section number from its title: "7 Findings", "7.2. Scope", "Appendix A: Glossary",
/// "Section 3 – Analysis". Returns the number's parts (appendices count as chapter 0).
pub(super) fn numbered(text: &str) -> Option<(Vec<u32>, &str)> {
    let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
    let lower = first.to_lowercase();
    let lower = lower.trim_end_matches(':');
    if matches!(lower, "appendix" | "annex" | "annexe" | "section" | "part" | "chapter") {
        // "Appendix 1: Terms of reference", "Appendix: Glossary", "Part 2 The family".
        let id = rest.split_whitespace().next().unwrap_or("");
        let bare = id.trim_end_matches([':', '.', '–', '-']);
        let has_id = !first.ends_with(':')
            && (bare.len() <= 2 && !bare.is_empty() && bare.bytes().all(|b| b.is_ascii_digit())
                || bare.len() == 1 && bare.bytes().all(|b| b.is_ascii_uppercase())
                || matches!(bare, "II" | "III" | "IV" | "VI" | "VII"));
        let appendix = lower.starts_with("app") || lower.starts_with("ann");
        if !has_id && !appendix {
            return None;
        }
        let title = if has_id { rest.split_once(' ').map_or("", |(_, t)| t) } else { rest };
        let n = if appendix { 0 } else { 1 };
        return Some((vec![n], title.trim_start_matches([':', '–', '-', ' '])));
    }
    let number = first.trim_end_matches('.');
    let parts: Vec<&str> = number.split('.').collect();
    if parts.len() > 4
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let values = parts.iter().filter_map(|p| p.parse().ok()).collect();
    Some((values, rest))
}

/// Whether a title reads as a sentence: a finite verb of the kinds reports use, or a last word
/// that needs a continuation.
pub(super) fn reads_like_a_sentence(title: &str) -> bool {
    const VERBS: &[&str] = &[
        "should", "must", "will", "would", "could", "may", "might", "shall", "was", "were", "is",
        "are", "has", "have", "had", "did", "does", "can", "do", "been",
    ];
    const DANGLING: &[&str] = &[
        "of", "the", "and", "to", "a", "an", "in", "for", "with", "that", "by", "on", "or", "as",
        "at", "from", "their", "its", "his", "her", "who", "which",
    ];
    let words: Vec<String> = title
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    // A question is a heading ("What was the role of the school?").
    if title.trim_end().ends_with('?') {
        return false;
    }
    words.iter().any(|w| VERBS.contains(&w.as_str()))
        || words.last().is_some_and(|w| DANGLING.contains(&w.as_str()))
}

/// The title without its number: "7.2 Scope" → "Scope".
pub(super) fn title_without_number(title: &str) -> &str {
    match numbered(title) {
        Some((_, rest)) if !rest.is_empty() => rest,
        _ => title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_split_from_titles() {
        assert_eq!(numbered("7 Findings"), Some((vec![7], "Findings")));
        assert_eq!(numbered("8.2 Overview report"), Some((vec![8, 2], "Overview report")));
        assert_eq!(
            numbered("Appendix 1: Terms of reference"),
            Some((vec![0], "Terms of reference"))
        );
        assert_eq!(numbered("Appendix: Glossary"), Some((vec![0], "Glossary")));
        assert_eq!(numbered("Findings"), None);
        assert_eq!(numbered("2012 was a year"), None);
    }

    #[test]
    fn sentences_are_not_headings() {
        assert!(reads_like_a_sentence("The partnership should raise awareness of"));
        assert!(!reads_like_a_sentence("Scope of the review"));
        assert!(!reads_like_a_sentence("What was the role of the school?"));
    }
}
