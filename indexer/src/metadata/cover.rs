//! What the cover of a report says about it: its title, type, board, subject and date of
//! publication.
//!
//! A cover's largest lines carry the title ("SERIOUS CASE REVIEW" / "Child Y" / "Overview
//! Report"), and the type they name outranks any other named on the page. A cover often has
//! several dates (the incident, the report's completion, the Home Office's feedback): the one
//! after "Published" or "Date of publication" is taken, else the latest.

use casebook::taxonomy::ReviewTypes;

use crate::extract::{Extracted, PageText};

/// What the first page of a report says about it.
#[derive(Debug, Default)]
pub(super) struct TitlePage {
    pub(super) title: Option<String>,
    pub(super) review_type: Option<String>,
    pub(super) board: Option<String>,
    pub(super) published: Option<String>,
    pub(super) subject: Option<String>,
}

/// Lines of the cover this much the size of its largest, or more, are its title.
const PROMINENT: f32 = 0.6;
/// Pages read for the type when the cover names none.
const TYPE_PAGES: usize = 3;

impl TitlePage {
    pub(super) fn read(text: &Extracted, types: &ReviewTypes) -> TitlePage {
        let Some(first) = text.pages.first() else { return TitlePage::default() };
        let lines = cover_lines(first);
        let joined = lines.iter().map(|l| l.0.as_str()).collect::<Vec<_>>().join(" ");
        let board = lines.iter().find_map(|(line, _)| board_in(line));
        let largest = lines.iter().map(|l| l.1).fold(0.0, f32::max);
        // The title block: the cover's large lines, a wrapped line joined again.
        let mut parts: Vec<String> = Vec::new();
        let mut last_size = -1.0;
        for (line, size) in &lines {
            let prominent = largest > 0.0 && *size >= PROMINENT * largest;
            let is_board = board.as_ref().is_some_and(|b| line.contains(b.as_str()));
            if !prominent
                || is_board
                || date_in(line).is_some()
                || line.split_whitespace().count() > 14
            {
                last_size = -1.0;
                continue;
            }
            match parts.last_mut() {
                Some(part) if (size - last_size).abs() < 0.5 && !part.ends_with([':', '.']) => {
                    part.push(' ');
                    part.push_str(line);
                }
                _ => parts.push(line.clone()),
            }
            last_size = *size;
        }
        let title_lines = parts.join(" ");
        let review_type = types
            .named_in(&title_lines, false)
            .or_else(|| types.named_in(&joined, false))
            .or_else(|| most_named(text, types))
            .map(|id| id.to_string());
        let subject = subject_in(&joined).or_else(|| died(&joined)).or_else(|| {
            parts
                .iter()
                .find(|p| is_pseudonym(p) && types.named_in(p, false).is_none())
                .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        });
        let title = if parts.is_empty() {
            // Without sizes: the line that names the review type or the subject, else the
            // first that is not the board's name.
            lines
                .iter()
                .map(|l| &l.0)
                .find(|l| types.named_in(l, false).is_some() || subject_in(l).is_some())
                .or_else(|| {
                    lines.iter().map(|l| &l.0).find(|l| Some(l.as_str()) != board.as_deref())
                })
                .cloned()
        } else {
            Some(compose_title(&parts))
        }
        .filter(|t| t.chars().count() <= 200);
        let published = publication_date(&joined);
        TitlePage { title, review_type, board: board.map(|b| unshout(&b)), published, subject }
    }
}

/// The cover's lines with their sizes (0 when the extractor gave no geometry), at most 40.
fn cover_lines(page: &PageText) -> Vec<(String, f32)> {
    let lines: Vec<(String, f32)> = if page.lines.is_empty() {
        page.body.lines().map(|l| (l.trim().to_string(), 0.0)).collect()
    } else {
        page.lines.iter().map(|l| (l.text.trim().to_string(), l.font_size)).collect()
    };
    lines.into_iter().filter(|(l, _)| !l.is_empty()).take(40).collect()
}

/// The title from the parts of the cover's title block: "Serious Case Review: Child Y –
/// Overview Report".
fn compose_title(parts: &[String]) -> String {
    let parts: Vec<String> = parts.iter().take(3).map(|p| unshout(p)).collect();
    match parts.as_slice() {
        [one] => one.clone(),
        [first, second] => format!("{first}: {second}"),
        [first, second, third, ..] => format!("{first}: {second} – {third}"),
        [] => String::new(),
    }
}

/// "SERIOUS CASE REVIEW" → "Serious Case Review"; text with lower case as it is.
fn unshout(s: &str) -> String {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 4 || letters.iter().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    const SMALL: &[&str] = &["of", "and", "the", "for", "in", "to", "a", "on", "at", "by"];
    s.split(' ')
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if is_acronym(word) {
                return word.to_string();
            }
            if i > 0 && SMALL.contains(&lower.as_str()) {
                return lower;
            }
            let mut chars = lower.chars();
            chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An abbreviation that stays in capitals: short and without a vowel ("LSCB", "SCR"), or one
/// of the bodies' usual ones.
fn is_acronym(word: &str) -> bool {
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    const KNOWN: &[&str] =
        &["NHS", "SAR", "SAB", "CSP", "APR", "ICB", "MARAC", "PSNI", "CPC", "RSB"];
    (2..=5).contains(&letters.len())
        && (KNOWN.contains(&letters.as_str()) || !letters.chars().any(|c| "AEIOUY".contains(c)))
}

/// The type named most often in the first pages, the higher precedence among equals.
fn most_named(text: &Extracted, types: &ReviewTypes) -> Option<casebook::EntryId> {
    let mut counts: Vec<(casebook::EntryId, usize)> = Vec::new();
    for page in text.pages.iter().take(TYPE_PAGES) {
        for mention in types.mentions(&page.body, false) {
            match counts.iter_mut().find(|(id, _)| *id == mention.id) {
                Some((_, n)) => *n += 1,
                None => counts.push((mention.id, 1)),
            }
        }
    }
    let most = counts.iter().map(|c| c.1).max()?;
    let tied: Vec<casebook::taxonomy::TypeMention> = counts
        .into_iter()
        .filter(|c| c.1 == most)
        .map(|(id, _)| casebook::taxonomy::TypeMention { id, word: 0, len: 1 })
        .collect();
    types.strongest(&tied)
}

/// The date of publication: the first date after "published" or "publication", else the
/// latest date on the cover.
fn publication_date(cover: &str) -> Option<String> {
    let lower = cover.to_lowercase();
    for keyword in ["publication", "published"] {
        for (at, _) in lower.match_indices(keyword) {
            // "Published on 20 March 2024": the date that follows is the one, event word or not.
            let after: String = cover[at..].chars().take(60).collect();
            if let Some(date) =
                crate::listing::all_dates_in(&after).into_iter().find(|d| d.len() >= 7)
            {
                return Some(date);
            }
        }
    }
    crate::listing::dates_in(cover).into_iter().filter(|d| d.len() >= 7).max()
}

/// The name of a safeguarding body in a line: the body ("Safeguarding Children Board",
/// "Child Protection Committee", "Community Safety Partnership", …) and the place before it.
fn board_in(line: &str) -> Option<String> {
    const BODIES: &[&str] = &[
        "safeguarding children partnership",
        "children's safeguarding partnership",
        "childrens safeguarding partnership",
        "safeguarding children board",
        "safeguarding adults board",
        "safeguarding adult board",
        "safeguarding partnership",
        "safeguarding board",
        "community safety partnership",
        "child protection committee",
        "adult protection committee",
        "public protection committee",
    ];
    let lower = line.to_lowercase();
    // "Safer Hallowmere Partnership": a community safety partnership by its usual name.
    let words = line.split_whitespace().count();
    if lower.starts_with("safer ") && lower.ends_with(" partnership") && (3..=6).contains(&words) {
        return Some(line.trim().to_string());
    }
    let (at, body) = BODIES.iter().find_map(|b| lower.find(b).map(|at| (at, *b)))?;
    let end = at + body.len();
    // The place: the capitalised words before the body ("Thrandale", "Lough Arden", "the
    // Local" does not count).
    let before: Vec<&str> = line[..at].split_whitespace().collect();
    let mut start_word = before.len();
    while start_word > 0 {
        let w = before[start_word - 1];
        if !w.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        start_word -= 1;
    }
    let place: Vec<&str> = before[start_word..]
        .iter()
        .copied()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "local" | "the" | "regional" | "safer"))
        .collect();
    let safer = line.to_lowercase().starts_with("safer ");
    if place.is_empty() && !safer {
        return None;
    }
    let name = format!("{} {}", before[start_word..].join(" "), &line[at..end]);
    (name.chars().count() <= 120).then(|| name.trim().to_string())
}

fn subject_in(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).find_map(|pair| {
        let [kind, name] = pair else { return None };
        let name = name.trim_matches(|c: char| !c.is_alphanumeric());
        let kinds = ["Child", "Adult", "Family", "Baby", "Children"];
        let is_name = !name.is_empty()
            && name.len() <= 3
            && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        (kinds.contains(kind) && is_name).then(|| format!("{kind} {name}"))
    })
}

/// The person a homicide review is about: "Overview Report into the death of Marion".
fn died(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower.find("death of ")? + "death of ".len();
    let name: Vec<&str> = text[at..]
        .split_whitespace()
        .take(2)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .collect();
    (!name.is_empty()).then(|| name.join(" ")).filter(|n| is_pseudonym(n))
}

/// A pseudonym alone on a line: one or two capitalised words ("Ezra", "‘Winston’").
fn is_pseudonym(line: &str) -> bool {
    const NOT: &[&str] =
        &["overview", "report", "executive", "summary", "final", "contents", "published", "review"];
    let words: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    (1..=2).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
                && !NOT.contains(&w.to_lowercase().as_str())
        })
}

/// Finds a date with at least a month ("14th March 2016", "March 2016") in a line of a title
/// page; a year alone is too often something else.
pub(super) fn date_in(line: &str) -> Option<String> {
    crate::listing::dates_in(line).into_iter().find(|date| date.len() >= 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_the_forms_reports_use() {
        assert_eq!(date_in("Published 14th March 2016").as_deref(), Some("2016-03-14"));
        assert_eq!(date_in("March 2016").as_deref(), Some("2016-03"));
        assert_eq!(date_in("May we all learn"), None);
    }

    #[test]
    fn the_publication_date_is_the_one_published() {
        let cover = "Date of incident: May 2022 · Report approved: 9 February 2023 · Published: 28 March 2023";
        assert_eq!(publication_date(cover).as_deref(), Some("2023-03-28"));
        let wrapped =
            "Completed: July 2012 · Considered: 18 September 2012 · Published: November 2012";
        assert_eq!(publication_date(wrapped).as_deref(), Some("2012-11"));
        assert_eq!(
            publication_date("Completed July 2012, presented October 2012").as_deref(),
            Some("2012-10")
        );
        let on = "Approved by the partners: January 2024 Published on 20 March 2024";
        assert_eq!(publication_date(on).as_deref(), Some("2024-03-20"));
    }

    #[test]
    fn boards_are_named_with_their_place() {
        assert_eq!(
            board_in("BRACKENMERE LOCAL SAFEGUARDING CHILDREN BOARD")
                .map(|b| unshout(&b))
                .as_deref(),
            Some("Brackenmere Local Safeguarding Children Board")
        );
        assert_eq!(
            board_in("Lough Arden Safeguarding Board").as_deref(),
            Some("Lough Arden Safeguarding Board")
        );
        assert_eq!(
            board_in(
                "report of the review of the Local Safeguarding Children Board carried out under the Local"
            ),
            None
        );
        assert_eq!(
            board_in("Safer Pengarth Community Safety Partnership").as_deref(),
            Some("Safer Pengarth Community Safety Partnership")
        );
    }

    #[test]
    fn shouted_titles_are_set_in_title_case() {
        assert_eq!(unshout("SERIOUS CASE REVIEW"), "Serious Case Review");
        assert_eq!(unshout("Child Y"), "Child Y");
        assert_eq!(
            compose_title(&[
                "SERIOUS CASE REVIEW".into(),
                "Child Y".into(),
                "Overview Report".into()
            ]),
            "Serious Case Review: Child Y – Overview Report"
        );
    }

    #[test]
    fn subjects_and_pseudonyms() {
        assert_eq!(
            died("Overview Report into the death of Marion who died").as_deref(),
            Some("Marion")
        );
        assert_eq!(died("the death of a baby"), None);
        assert_eq!(subject_in("Overview report Child D (2016)").as_deref(), Some("Child D"));
        assert_eq!(subject_in("Children and families"), None);
        assert!(
            is_pseudonym("“Winston”") && is_pseudonym("Ezra") && !is_pseudonym("Overview Report")
        );
    }
}
