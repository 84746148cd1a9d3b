//! What one line of a report is: a heading, the label of a finding or recommendation, a list
//! item, a bare paragraph number, a row of an action plan, or running text.

use casebook::SectionKind;

/// The role of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A section heading; `level` is the depth of its number ("9" → 1, "9.2" → 2), `None`
    /// for unnumbered headings.
    Heading { level: Option<usize>, title: String },
    /// "Finding 2: …", "Learning point 1 – …", "Recommendation 3:", "R4 [to the police]: …".
    Label { finding: bool, number: String, rest: String },
    /// "1. …", "(a) …", "• …".
    ListItem { number: Option<String>, rest: String },
    /// A paragraph number alone on its line ("9.2"), as tables of numbered paragraphs give.
    ParagraphNumber,
    /// A line starting with a recommendation number, as action plan tables give ("1 …", "R2").
    ActionPlanRow { number: String, rest: String },
    /// Anything else.
    Text,
}

/// Longest heading, in words.
const MAX_HEADING_WORDS: usize = 12;
/// Longest unnumbered heading, in words: named sections are short ("Key findings").
const MAX_NAMED_HEADING_WORDS: usize = 6;

/// Classifies a line. `at_break` says whether it starts a paragraph; `section` is the kind of
/// section it is in (nothing in a table of contents is a heading, and a numbered line in an
/// action plan is a row unless it names another section).
pub(super) fn classify(line: &str, at_break: bool, section: SectionKind) -> Kind {
    if section == SectionKind::Contents || is_contents_entry(line) {
        return Kind::Text;
    }
    if section == SectionKind::ActionPlan
        && let Some(row) = action_plan_row(line)
        && SectionKind::from_heading(line) == SectionKind::Other
    {
        return row;
    }
    if let Some(label) = label(line) {
        return label;
    }
    if is_paragraph_number(line) {
        return Kind::ParagraphNumber;
    }
    if let Some(heading) = numbered_heading(line) {
        return heading;
    }
    if at_break && let Some(heading) = named_heading(line) {
        return heading;
    }
    if let Some(item) = list_item(line) {
        return item;
    }
    if let Some(row) = action_plan_row(line) {
        return row;
    }
    Kind::Text
}

/// A line of a table of contents: a title, dot leaders, a page number.
fn is_contents_entry(line: &str) -> bool {
    line.contains("....") || line.contains("…..") || line.contains(". . . .")
}

pub(super) fn label(line: &str) -> Option<Kind> {
    let lower = line.to_lowercase();
    const FINDINGS: &[&str] =
        &["key finding", "finding", "learning point", "key learning point", "lesson"];
    const RECOMMENDATIONS: &[&str] = &["recommendation", "rec."];
    for (finding, words) in [(true, FINDINGS), (false, RECOMMENDATIONS)] {
        for word in words {
            if let Some(after) = lower.strip_prefix(word)
                && after.starts_with([' ', '\u{a0}'])
            {
                let offset = line.len() - after.len();
                if let Some((number, rest)) = number_and_rest(&line[offset..]) {
                    return Some(Kind::Label { finding, number, rest });
                }
            }
        }
    }
    // "R3: …", "R3 [to health partners]: …", "R3." (but not "R3 is…").
    let bytes = line.as_bytes();
    if bytes.first() == Some(&b'R') && bytes.get(1).is_some_and(u8::is_ascii_digit) {
        let digits: String = line[1..].chars().take_while(char::is_ascii_digit).collect();
        let after = line[1 + digits.len()..].trim_start();
        let separated = past_note(after).starts_with([':', '.', '–', '—', '-']) || after.is_empty();
        if digits.len() <= 2 && separated {
            let rest = after.trim_start_matches([':', '.', '–', '—', '-']).trim().to_string();
            return Some(Kind::Label { finding: false, number: format!("R{digits}"), rest });
        }
    }
    None
}

/// Reads " 3: rest", " 3 [to the police]: rest", " 2 – rest" after a label word. The
/// addressee note stays in the rest: it names who the recommendation is for.
fn number_and_rest(after: &str) -> Option<(String, String)> {
    let after = after.trim_start();
    let number: String = after
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || c.is_ascii_lowercase())
        .collect();
    let number = number.trim_end_matches('.').to_string();
    let valid = number.chars().next().is_some_and(|c| c.is_ascii_digit())
        && number.len() <= 6
        && number.chars().filter(|c| c.is_ascii_lowercase()).count() <= 1;
    if !valid {
        return None;
    }
    let tail = &after[number.len()..];
    let rest = tail.trim_start().trim_start_matches([':', '.', '–', '—', '-', ')']).trim();
    // "Finding 2 was…" is a sentence about a finding, not its label.
    let separated = past_note(tail.trim_start()).starts_with([':', '.', '–', '—', '-', ')']);
    let sentence_about_it = !separated
        && rest.split_whitespace().next().is_some_and(|w| {
            matches!(
                w,
                "was"
                    | "is"
                    | "and"
                    | "of"
                    | "in"
                    | "to"
                    | "above"
                    | "below"
                    | "for"
                    | "has"
                    | "were"
                    | "are"
            )
        });
    (!sentence_about_it).then(|| (number, rest.to_string()))
}

/// What follows an addressee note such as "[to the police and partners]" or "(for health)".
fn past_note(s: &str) -> &str {
    for (open, close) in [('[', ']'), ('(', ')')] {
        if s.starts_with(open)
            && let Some(end) = s.find(close)
            && end < 120
        {
            return s[end + close.len_utf8()..].trim_start();
        }
    }
    s
}

/// "9.2", "9.2.", "12.10": a paragraph number with nothing after it.
pub(super) fn is_paragraph_number(s: &str) -> bool {
    let s = s.trim_end_matches('.');
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() >= 2
        && parts.len() <= 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes a leading paragraph number ("8.10 Ms D was…" → "Ms D was…").
pub(super) fn strip_paragraph_number(line: &str) -> String {
    match line.split_once(' ') {
        Some((first, rest)) if is_paragraph_number(first) => rest.trim_start().to_string(),
        _ => line.to_string(),
    }
}

fn numbered_heading(line: &str) -> Option<Kind> {
    let (number, title) = line.split_once(' ')?;
    let number = number.trim_end_matches('.');
    let parts: Vec<&str> = number.split('.').collect();
    let numeric = parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()));
    let appendix = matches!(number.to_lowercase().as_str(), "appendix" | "annex" | "annexe");
    if appendix {
        return heading_title(line, MAX_HEADING_WORDS)
            .map(|title| Kind::Heading { level: Some(1), title });
    }
    if !numeric || parts.len() > 3 {
        return None;
    }
    let title = heading_title(title.trim(), MAX_HEADING_WORDS)?;
    if reads_like_a_sentence(&title) {
        return None;
    }
    // Deeper numbers ("8.10") usually number paragraphs; only a short title is a heading.
    if parts.len() > 1 && title.split_whitespace().count() > 8 {
        return None;
    }
    Some(Kind::Heading { level: Some(parts.len()), title: format!("{} {title}", number) })
}

/// Whether a numbered line is the start of a numbered sentence ("1. The partnership should
/// raise awareness of") rather than a heading: headings have no finite verbs of the kinds
/// reports use, and do not end on a word that needs a continuation.
fn reads_like_a_sentence(title: &str) -> bool {
    const VERBS: &[&str] = &[
        "should", "must", "will", "would", "could", "may", "might", "shall", "was", "were", "is",
        "are", "has", "have", "had", "did", "does", "can",
    ];
    const DANGLING: &[&str] = &[
        "of", "the", "and", "to", "a", "an", "in", "for", "with", "that", "by", "on", "or", "as",
        "at", "from", "their", "its", "his", "her", "who", "which",
    ];
    let words: Vec<String> = title.split_whitespace().map(|w| w.to_lowercase()).collect();
    words.iter().any(|w| VERBS.contains(&w.as_str()))
        || words.last().is_some_and(|w| DANGLING.contains(&w.as_str()))
}

/// An unnumbered heading naming a known kind of section ("Key findings", "Recommendations").
fn named_heading(line: &str) -> Option<Kind> {
    let title = heading_title(line, MAX_NAMED_HEADING_WORDS)?;
    let kind = SectionKind::from_heading(&title);
    (kind != SectionKind::Other).then_some(Kind::Heading { level: None, title })
}

/// The line as a heading title, if it looks like one: short, capitalised, not a sentence.
fn heading_title(line: &str, max_words: usize) -> Option<String> {
    let title = line.trim().trim_end_matches(':').trim();
    let n_words = title.split_whitespace().count();
    let first = title.chars().next()?;
    let sentence_end = title.ends_with(['.', ',', ';']);
    let starts_well = first.is_uppercase() || first.is_ascii_digit();
    (n_words >= 1 && n_words <= max_words && title.len() <= 100 && starts_well && !sentence_end)
        .then(|| title.to_string())
}

/// The kind of marker a list entry starts with, which tells a list from a sub-list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MarkerStyle {
    /// A bullet character.
    Bullet(char),
    /// "1.", "2)".
    Digits,
    /// "a)", "(b)", "(iv)".
    Letters,
}

/// The marker style of a line that [`classify`] read as a list item.
pub(super) fn marker_style(line: &str) -> MarkerStyle {
    let first = line.trim_start().trim_start_matches('(').chars().next().unwrap_or(' ');
    if first.is_ascii_digit() {
        MarkerStyle::Digits
    } else if first.is_ascii_lowercase() {
        MarkerStyle::Letters
    } else {
        MarkerStyle::Bullet(first)
    }
}

fn list_item(line: &str) -> Option<Kind> {
    const BULLETS: &[char] =
        &['•', '●', '▪', '◦', '‣', '∙', '·', '*', '-', '–', '◼', '■', '□', '▸', '►', '➢', '✓'];
    // Symbol and Wingdings bullets without a Unicode mapping come out in the Private Use Area
    // (U+F0B7, U+F0A7, U+F06E, …): a lone one at the start of a line is a bullet.
    let is_bullet = |c: char| BULLETS.contains(&c) || ('\u{e000}'..='\u{f8ff}').contains(&c);
    if let Some(rest) = line.strip_prefix(is_bullet)
        && (rest.starts_with(char::is_whitespace) || rest.is_empty())
    {
        return Some(Kind::ListItem {
            number: None,
            rest: rest.trim_start_matches(char::is_whitespace).trim().to_string(),
        });
    }
    // "1." or "1)" alone or followed by text; "(a)", "a)", "(iv)".
    let (marker, rest) = line.split_once(' ').unwrap_or((line, ""));
    let number = if let Some(n) = marker.strip_suffix(['.', ')']) {
        n.trim_start_matches('(')
    } else {
        return None;
    };
    let is_digits =
        !number.is_empty() && number.len() <= 2 && number.bytes().all(|b| b.is_ascii_digit());
    let is_letter = number.len() == 1 && number.bytes().all(|b| b.is_ascii_lowercase())
        || (1..=4).contains(&number.len()) && number.bytes().all(|b| b"ivx".contains(&b));
    (is_digits || is_letter && marker.ends_with(')'))
        .then(|| Kind::ListItem { number: Some(number.to_string()), rest: rest.trim().to_string() })
}

fn action_plan_row(line: &str) -> Option<Kind> {
    let (first, rest) = line.split_once(' ').unwrap_or((line, ""));
    let number = first.trim_start_matches("Rec").trim_start_matches('R');
    let valid =
        !number.is_empty() && number.len() <= 2 && number.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| Kind::ActionPlanRow { number: first.to_string(), rest: rest.trim().to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: Kind) {
        assert_eq!(classify(line, true, SectionKind::Other), expected, "line: {line:?}");
    }

    fn heading(level: Option<usize>, title: &str) -> Kind {
        Kind::Heading { level, title: title.to_string() }
    }

    fn label(finding: bool, number: &str, rest: &str) -> Kind {
        Kind::Label { finding, number: number.to_string(), rest: rest.to_string() }
    }

    #[test]
    fn headings_are_numbered_or_named() {
        check("9. Findings", heading(Some(1), "9 Findings"));
        check(
            "12 Recommendations for the partnership",
            heading(Some(1), "12 Recommendations for the partnership"),
        );
        check("3.2 Scope of the review", heading(Some(2), "3.2 Scope of the review"));
        check("Key findings", heading(None, "Key findings"));
        check("Appendix 1: Terms of reference", heading(Some(1), "Appendix 1: Terms of reference"));
        check("9. Findings........................10", Kind::Text);
        check(
            "8.10 Ms D was a young parent, and was herself known to children's services as a child.",
            Kind::Text,
        );
        check(
            "Recommendations were made to every agency in the area and all were accepted.",
            Kind::Text,
        );
    }

    #[test]
    fn labels_carry_their_number_and_text() {
        check(
            "Finding 1: The protocol was not followed",
            label(true, "1", "The protocol was not followed"),
        );
        check("Key finding 2 – The family's history", label(true, "2", "The family's history"));
        check(
            "Learning point 3: No professional assessed Mr C",
            label(true, "3", "No professional assessed Mr C"),
        );
        check(
            "Recommendation 4: Health partners must ensure",
            label(false, "4", "Health partners must ensure"),
        );
        check(
            "R1 [to the safeguarding partners]: The partnership must review",
            label(false, "R1", "[to the safeguarding partners]: The partnership must review"),
        );
        check("Finding 2 was accepted by all agencies.", Kind::Text);
        check("Recommendations", heading(None, "Recommendations"));
    }

    #[test]
    fn list_items_and_paragraph_numbers() {
        check("1.", Kind::ListItem { number: Some("1".into()), rest: String::new() });
        check(
            "• The GP referred on the same day.",
            Kind::ListItem { number: None, rest: "The GP referred on the same day.".into() },
        );
        check(
            "\u{f06e} The quality of case audits.",
            Kind::ListItem { number: None, rest: "The quality of case audits.".into() },
        );
        check(
            "(b) audit compliance",
            Kind::ListItem { number: Some("b".into()), rest: "audit compliance".into() },
        );
        check("9.2", Kind::ParagraphNumber);
        let row = "2 Tolmarsh Council Children's Services Practice guidance issued";
        assert_eq!(
            classify(row, true, SectionKind::ActionPlan),
            Kind::ActionPlanRow { number: "2".into(), rest: row[2..].into() }
        );
        assert_eq!(
            classify("14 Glossary", true, SectionKind::ActionPlan),
            heading(Some(1), "14 Glossary")
        );
    }
}
