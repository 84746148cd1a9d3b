//! The vocabulary of listing pages: review types, subject pseudonyms and companion documents.

use super::{norm, tokens};

/// Finds `phrase` in `hay` starting at a word boundary (so "national review" is not found in
/// "international review"); a plural ending is allowed.
pub(super) fn contains_phrase(hay: &str, phrase: &str) -> bool {
    hay.match_indices(phrase)
        .any(|(i, _)| hay[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

/// Returns the review type id named in `text`, by the names of the built-in taxonomy;
/// `any_case` also accepts lower-case abbreviations, as found in file names.
pub(super) fn review_type(text: &str, any_case: bool) -> Option<String> {
    casebook::taxonomy::ReviewTypes::builtin().named_in(text, any_case).map(|id| id.to_string())
}

/// Whether a type is a review of a case, not a document drawn from many.
pub(super) fn is_case_review(t: Option<&str>) -> bool {
    t.is_some() && casebook::taxonomy::states_its_own_learning(t)
}

pub(super) const SUBJECT_WORDS: &[(&str, &str)] = &[
    ("child", "Child"),
    ("children", "Children"),
    ("adult", "Adult"),
    ("adults", "Adults"),
    ("family", "Family"),
    ("baby", "Baby"),
    ("infant", "Infant"),
    ("sibling", "Sibling"),
    ("siblings", "Siblings"),
    ("mr", "Mr"),
    ("mrs", "Mrs"),
    ("ms", "Ms"),
    ("miss", "Miss"),
    ("person", "Person"),
];

/// Words that start titles but are never a pseudonym.
pub(super) const NOT_NAMES: &[&str] = &[
    "download",
    "report",
    "full",
    "final",
    "overview",
    "summary",
    "executive",
    "published",
    "date",
    "learning",
    "review",
    "serious",
    "case",
    "local",
    "national",
    "safeguarding",
    "thematic",
    "briefing",
    "briefings",
    "research",
    "the",
    "a",
    "an",
    "our",
    "file",
    "document",
    "pdf",
    "neglect",
    "infants",
    "babies",
    "exploitation",
    "suicide",
    "update",
    "publication",
    "reviews",
    "partnership",
    "board",
    "appendix",
    "domestic",
    "homicide",
    "adult",
    "child",
    "family",
];

pub(super) fn is_id(s: &str) -> bool {
    let mut cs = s.chars();
    let first = cs.next().is_some_and(|c| c.is_ascii_uppercase());
    first && s.len() <= 2 && cs.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Finds "Child D", "Children C and E", "Child I and Child M", "Mr V" and the like.
pub(super) fn keyword_subject(text: &str) -> Option<String> {
    let toks = tokens(text);
    let sep = |i: usize| toks.get(i + 1).and_then(|n| text.get(toks[i].end..n.start)).unwrap_or("");
    let word =
        |s: &str| SUBJECT_WORDS.iter().find(|(k, _)| s.eq_ignore_ascii_case(k)).map(|(_, w)| *w);
    for i in 0..toks.len() {
        let Some(kw) = word(toks[i].s) else { continue };
        if !(sep(i) == " " && toks.get(i + 1).is_some_and(|t| is_id(t.s))) {
            continue;
        }
        let young = kw == "Person" && i > 0 && toks[i - 1].s.eq_ignore_ascii_case("young");
        let mut out = format!("{}{kw} {}", if young { "Young " } else { "" }, toks[i + 1].s);
        let mut j = i + 2;
        while j < toks.len() {
            let tj = toks[j].s;
            if sep(j - 1) == ", " && is_id(tj) {
                out.push_str(&format!(", {tj}"));
                j += 1;
            } else if sep(j - 1) == " "
                && tj == "and"
                && sep(j) == " "
                && toks.get(j + 1).is_some_and(|t| is_id(t.s))
            {
                out.push_str(&format!(" and {}", toks[j + 1].s));
                j += 2;
            } else if sep(j - 1) == " "
                && tj == "and"
                && sep(j) == " "
                && toks.get(j + 1).is_some_and(|t| word(t.s) == Some(kw))
                && sep(j + 1) == " "
                && toks.get(j + 2).is_some_and(|t| is_id(t.s))
            {
                out.push_str(&format!(" and {kw} {}", toks[j + 2].s));
                j += 3;
            } else {
                break;
            }
        }
        return Some(out);
    }
    None
}

/// Tells whether `s` reads as a first-name pseudonym: one or two capitalised words.
pub(super) fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=2).contains(&words.len())
        && s.chars().count() <= 30
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
        && !NOT_NAMES.contains(&words[0].to_lowercase().as_str())
        && review_type(s, false).is_none()
}

/// Finds the subject in a title or link text: keyword forms, a quoted name ('Zara'), or a name
/// beside a review type ("Zara: Serious case review", "Domestic Homicide Review: Anna").
pub(super) fn subject_of(text: &str) -> Option<String> {
    if let Some(s) = keyword_subject(text) {
        return Some(s);
    }
    let quotes = ['\'', '"', '‘', '’', '“', '”'];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let opens = quotes.contains(&c) && (k == 0 || !chars[k - 1].1.is_alphanumeric());
        if !opens {
            continue;
        }
        let rest = &text[i + c.len_utf8()..];
        if let Some(end) = rest.find(quotes) {
            let inner = rest[..end].trim();
            let after = rest[end..].chars().nth(1);
            if is_name(inner) && after.is_none_or(|a| !a.is_alphanumeric()) {
                return Some(inner.to_string());
            }
        }
    }
    for sep in [": ", " – ", " — ", " - ", "- "] {
        if let Some((l, r)) = text.split_once(sep) {
            let (l, r) = (l.trim().trim_matches(quotes), r.trim().trim_matches(quotes));
            if is_name(l) && is_case_review(review_type(r, false).as_deref()) {
                return Some(l.to_string());
            }
            if is_name(r) && is_case_review(review_type(l, false).as_deref()) {
                return Some(r.to_string());
            }
        }
    }
    None
}

/// Finds the subject in a file name's words ("child d scr 2014"), where letters are lower case.
pub(super) fn subject_in_file_name(stem_words: &str) -> Option<String> {
    let words: Vec<String> = stem_words
        .split_whitespace()
        .map(|w| {
            let single = w.len() == 1 && w.chars().all(|c| c.is_ascii_alphabetic());
            if single { w.to_uppercase() } else { w.to_string() }
        })
        .collect();
    keyword_subject(&words.join(" "))
}

/// Finds a keyword subject anywhere in an item's text (table cells, descriptions).
pub(super) fn named_subject(text: &str) -> Option<String> {
    keyword_subject(text)
}

/// Tells whether a link is a companion document (summary, statement, response) rather than the report.
pub(super) fn is_supplementary(link_text: &str, stem_words: &str) -> bool {
    const SUPP: &[&str] = &[
        "learning summary",
        "7-minute",
        "7 minute",
        "seven minute",
        "7mb",
        "media statement",
        "press release",
        "statement",
        "response",
        "action plan",
        "improvement plan",
        "improvement report",
        "learning and improvement",
        "summary",
        "easy read",
        "easy-read",
        "terms of reference",
        "appendix",
        "appendices",
        "leaflet",
        "poster",
        "presentation",
        "slides",
        "flyer",
        "newsletter",
        "infographic",
        "one page",
        "one-page",
    ];
    const MAIN: &[&str] =
        &["overview report", "full report", "final report", "full review", "review report"];
    let link = norm(&link_text.to_lowercase());
    let has = |h: &str| SUPP.iter().any(|p| contains_phrase(h, p));
    has(&link) || (has(&stem_words.to_lowercase()) && !MAIN.iter().any(|p| link.contains(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_type(text: &str, expected: Option<&str>) {
        assert_eq!(review_type(text, false).as_deref(), expected, "type of {text:?}");
    }

    fn check_subject(text: &str, expected: Option<&str>) {
        assert_eq!(subject_of(text).as_deref(), expected, "subject of {text:?}");
    }

    #[test]
    fn review_types_are_read_from_names_and_abbreviations() {
        check_type(
            "Local safeguarding practice reviews 2019 to 2022: national analysis",
            Some("national_analysis"),
        );
        check_type("Serious Adults Reviews (SAR's)", Some("sar"));
        check_type("Serious Case Review (Adults): Mrs M", Some("sar"));
        check_type("Child K LCSPR Final Report", Some("lcspr"));
        check_type("Published SCRs", Some("scr"));
        check_type("Thematic Partnership Reviews", Some("learning_review"));
        check_type("DHR 'Anna' Overview Report", Some("dhr"));
        check_type("Child Practice Review CYSUR 2/2019", Some("cpr_apr"));
        check_type("An international review of practice", None);
        check_type("Scribble sarcasm", None);
        assert_eq!(review_type("adult b sar 2016", true).as_deref(), Some("sar"));
    }

    #[test]
    fn subjects_are_pseudonyms_not_topics() {
        check_subject("Children C and E LCSPR Final Report", Some("Children C and E"));
        check_subject("Overview Report Child I and Child M", Some("Child I and Child M"));
        check_subject("SAR Mr V – Overview report", Some("Mr V"));
        check_subject("Young Person A: rapid review", Some("Young Person A"));
        check_subject("Zara: Serious case review", Some("Zara"));
        check_subject("Domestic Homicide Review: Anna", Some("Anna"));
        check_subject("SCR report: 'Zara' 2014", Some("Zara"));
        check_subject("Neglect: learning from case reviews", None);
        check_subject("Download: SCR report", None);
        check_subject("Adult Social Care response", None);
        assert_eq!(
            subject_in_file_name("children c and e lcspr 2021").as_deref(),
            Some("Children C and E")
        );
    }
}
