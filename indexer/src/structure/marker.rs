//! Item markers and numbering schemes, as data: what may open a finding, a recommendation, a
//! list entry or a numbered paragraph.
//!
//! A marker is read from the start of a paragraph. Its *family* says which list it belongs to
//! ("Finding 3" and "Finding One" are one family, "(a)" another, "7.3" a third), its *value*
//! where it sits in that list, so that a reader can tell a list that goes on from one that
//! restarts, and report-wide paragraph numbers from item numbers.

/// What a labelled item is, by its label word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Said {
    /// "Finding", "Learning point", "Lesson", "Key learning".
    Finding,
    /// "Recommendation", "Rec", "Action".
    Recommendation,
}

/// The numbering scheme a marker belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum Family {
    /// A label word and an id: "Finding 3:", "Learning point 2", "Finding One", "Finding A".
    Label { said: Said, word: String },
    /// Capitals and digits in one word: "F1.", "R3", "A1", "LP2".
    Code { prefix: String },
    /// A word and a number set apart from the text: "LSCB 1", "Health 3", "Police 2".
    Tagged { tag: String },
    /// "1.", "2)", "(3)".
    Digits,
    /// "(a)", "b)", "a.", and lower-case roman numerals "(iv)".
    Letters,
    /// "A.", "(B)".
    Capitals,
    /// Paragraph numbers "7.3", "7.1.2" (`depth` is the number of parts).
    Paragraph { depth: usize },
    /// A bullet character.
    Bullet(char),
}

/// A marker at the start of a paragraph.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Marker {
    /// Its scheme.
    pub(super) family: Family,
    /// The id as printed, without brackets or final punctuation ("3", "A1", "One", "iv").
    pub(super) id: String,
    /// Its position in its list (1 for "1", "a", "i", "One", "A"), where it has one.
    pub(super) value: Option<u32>,
    /// The value when a letter is read as a roman numeral ("i" → 1, "v" → 5).
    pub(super) roman: Option<u32>,
    /// Byte offset of the text after the marker and its separator.
    pub(super) rest: usize,
}

impl Marker {
    /// Whether a line opening with this marker starts a new paragraph even without a gap.
    pub(super) fn starts_block(&self) -> bool {
        !matches!(self.family, Family::Tagged { .. })
    }

    /// Whether the marker names what the item is.
    pub(super) fn said(&self) -> Option<Said> {
        match &self.family {
            Family::Label { said, .. } => Some(*said),
            Family::Code { prefix } if matches!(prefix.as_str(), "R" | "REC") => {
                Some(Said::Recommendation)
            }
            Family::Code { prefix } if matches!(prefix.as_str(), "F" | "KF" | "LP" | "L") => {
                Some(Said::Finding)
            }
            _ => None,
        }
    }
}

/// Label words, longest first, and what they say the item is.
const LABELS: &[(&str, Said)] = &[
    ("key learning point", Said::Finding),
    ("learning point", Said::Finding),
    ("learning theme", Said::Finding),
    ("learning outcome", Said::Finding),
    ("key learning", Said::Finding),
    ("key finding", Said::Finding),
    ("lesson learned", Said::Finding),
    ("lesson", Said::Finding),
    ("finding", Said::Finding),
    ("learning", Said::Finding),
    ("recommendation", Said::Recommendation),
    ("rec.", Said::Recommendation),
    ("rec", Said::Recommendation),
    ("action", Said::Recommendation),
];

/// Numbers spelled out, as some reports number their findings.
const SPELLED: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen",
];

/// Bullet characters; Symbol and Wingdings bullets without a Unicode mapping come out in the
/// Private Use Area (U+F0B7, U+F0A7, …).
fn is_bullet(c: char) -> bool {
    "•●▪◦‣∙·*-–◼■□▸►➢✓o".contains(c) || ('\u{e000}'..='\u{f8ff}').contains(&c)
}

/// Reads the marker that opens `text`, if any.
pub(super) fn leading(text: &str) -> Option<Marker> {
    label(text)
        .or_else(|| bullet(text))
        .or_else(|| code(text))
        .or_else(|| paragraph(text).map(|p| labelled_paragraph(text, p)))
        .or_else(|| enumerator(text))
}

/// A numbered paragraph that opens with a label ("6.2 Finding 1 – The community…") is the
/// labelled item: the paragraph number is the report's.
fn labelled_paragraph(text: &str, paragraph: Marker) -> Marker {
    match label(&text[paragraph.rest..]) {
        Some(mut inner) => {
            inner.rest += paragraph.rest;
            inner
        }
        None => paragraph,
    }
}

/// Reads a marker set apart by a wide gap (a cell): "LSCB 1⇥…", "Health 3⇥…". `first_cell` is
/// the text before the gap and `rest` the offset of the text after it.
pub(super) fn tagged(first_cell: &str, rest: usize) -> Option<Marker> {
    let (tag, number) = first_cell.rsplit_once(' ')?;
    let value: u32 = number.trim_end_matches(['.', ':']).parse().ok()?;
    let words: Vec<&str> = tag.split_whitespace().collect();
    let well_formed = (1..=3).contains(&words.len())
        && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && value < 100;
    well_formed.then(|| Marker {
        family: Family::Tagged { tag: tag.to_string() },
        id: first_cell.trim_end_matches(['.', ':']).to_string(),
        value: Some(value),
        roman: None,
        rest,
    })
}

fn label(text: &str) -> Option<Marker> {
    let lower = text.to_lowercase();
    let (word, said) = LABELS.iter().find(|(word, _)| {
        lower.starts_with(word) && lower[word.len()..].starts_with([' ', '\u{a0}'])
    })?;
    let after = &text[word.len()..];
    let id_start = word.len() + (after.len() - after.trim_start().len());
    let tail = &text[id_start..];
    let raw: String = tail
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<String>()
        .trim_end_matches('.')
        .to_string();
    let (value, roman) = id_value(&raw)?;
    let after_id = &tail[raw.len()..];
    let rest = separated(after_id, true)?;
    Some(Marker {
        family: Family::Label { said: *said, word: word.trim_end_matches('.').to_string() },
        id: raw.clone(),
        value,
        roman,
        rest: id_start + raw.len() + rest,
    })
}

/// The value of a label's id: "3", "1a", "One", "A", "iv"; `None` when it is not an id.
fn id_value(id: &str) -> Option<(Option<u32>, Option<u32>)> {
    if id.is_empty() || id.len() > 8 {
        return None;
    }
    let digits: String = id.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let tail = &id[digits.len()..];
        // "3", "1a", "2.1"
        let ok = tail.is_empty()
            || tail.len() == 1 && tail.bytes().all(|b| b.is_ascii_lowercase())
            || tail.starts_with('.') && tail[1..].bytes().all(|b| b.is_ascii_digit());
        return ok.then(|| (digits.parse().ok(), None));
    }
    let lower = id.to_lowercase();
    if let Some(n) = SPELLED.iter().position(|w| *w == lower) {
        return Some((Some(n as u32 + 1), None));
    }
    if id.len() == 1 && id.bytes().all(|b| b.is_ascii_uppercase()) {
        return Some((Some(u32::from(id.as_bytes()[0] - b'A') + 1), None));
    }
    roman_value(id).map(|r| (None, Some(r)))
}

/// What follows an id: a separator (":", ".", "–", ")"), a note in brackets, the end, or (for
/// labels) a capital letter. Returns the offset of the text after it, or `None` when the id is
/// part of a sentence ("Finding 2 was…", "Learning points 1, 2").
fn separated(after: &str, capital_ok: bool) -> Option<usize> {
    let trimmed = after.trim_start();
    let gap = after.len() - trimmed.len();
    if trimmed.is_empty() {
        return Some(after.len());
    }
    if let Some(rest) = trimmed.strip_prefix([':', '.', '–', '—', '-', ')']) {
        let rest_trim = rest.trim_start();
        // "1.5 hours" is not a separator.
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        return Some(after.len() - rest_trim.len());
    }
    if gap == 0 {
        return None;
    }
    if trimmed.starts_with(['[', '(']) {
        return Some(gap);
    }
    let next = trimmed.split_whitespace().next().unwrap_or("");
    let sentence_words = [
        "was", "is", "and", "of", "in", "to", "above", "below", "for", "has", "were", "are",
        "with", "or", "on", "at", "by", "that", "which",
    ];
    if next.starts_with(',') || sentence_words.contains(&next.to_lowercase().as_str()) {
        return None;
    }
    (capital_ok && trimmed.starts_with(|c: char| c.is_uppercase() || c == '“' || c == '"'))
        .then_some(gap)
}

fn bullet(text: &str) -> Option<Marker> {
    let c = text.chars().next()?;
    if !is_bullet(c) {
        return None;
    }
    let rest = &text[c.len_utf8()..];
    // "o" and "-" are bullets only when a space follows; "-" also when nothing follows.
    if !(rest.starts_with(char::is_whitespace) || rest.is_empty()) || c == 'o' && rest.is_empty() {
        return None;
    }
    Some(Marker {
        family: Family::Bullet(c),
        id: String::new(),
        value: None,
        roman: None,
        rest: text.len() - rest.trim_start().len(),
    })
}

/// "F1.", "R3:", "A1 Lough…", "LP2 –".
fn code(text: &str) -> Option<Marker> {
    let word: String = text.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let prefix: String = word.chars().take_while(char::is_ascii_uppercase).collect();
    let digits = &word[prefix.len()..];
    let number: String = digits.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &digits[number.len()..];
    let well_formed = (1..=3).contains(&prefix.len())
        && (1..=2).contains(&number.len())
        && (suffix.is_empty()
            || suffix.len() == 1 && suffix.bytes().all(|b| b.is_ascii_lowercase()));
    if !well_formed {
        return None;
    }
    let rest = separated(&text[word.len()..], true)?;
    Some(Marker {
        family: Family::Code { prefix },
        id: word.clone(),
        value: number.parse().ok(),
        roman: None,
        rest: word.len() + rest,
    })
}

/// "7.3 Text", "7.1.2. Text", "9.2" alone.
fn paragraph(text: &str) -> Option<Marker> {
    let first = text.split_whitespace().next()?;
    let number = first.trim_end_matches('.');
    let parts: Vec<&str> = number.split('.').collect();
    let well_formed = (2..=4).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    if !well_formed {
        return None;
    }
    let after = &text[first.len()..];
    if after.trim_start().starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    Some(Marker {
        family: Family::Paragraph { depth: parts.len() },
        id: number.to_string(),
        value: parts.last().and_then(|p| p.parse().ok()),
        roman: None,
        rest: text.len() - after.trim_start().len(),
    })
}

/// "1.", "2)", "(3)", "(a)", "b)", "(iv)", "A.", "(B)".
fn enumerator(text: &str) -> Option<Marker> {
    let (head, after) = match text.find(' ') {
        Some(at) => (&text[..at], &text[at..]),
        None => (text, ""),
    };
    let bracketed = head.starts_with('(');
    let inner = head.trim_start_matches('(');
    let id = inner.strip_suffix([')', '.'])?;
    if id.is_empty() || (bracketed && !inner.ends_with(')')) {
        return None;
    }
    let closes_with_dot = inner.ends_with('.');
    let rest = text.len() - after.trim_start().len();
    let marker = |family, value, roman| Marker { family, id: id.to_string(), value, roman, rest };
    if id.len() <= 2 && id.bytes().all(|b| b.is_ascii_digit()) {
        return Some(marker(Family::Digits, id.parse().ok(), None));
    }
    // A text that goes on after "a." must start a sentence ("a. The…"), not be an abbreviation.
    let text_follows =
        after.trim_start().starts_with(|c: char| c.is_uppercase()) || after.trim().is_empty();
    if closes_with_dot && !text_follows {
        return None;
    }
    let lower = id.bytes().all(|b| b.is_ascii_lowercase());
    if lower && (id.len() == 1 || roman_value(id).is_some()) {
        let value = (id.len() == 1).then(|| u32::from(id.as_bytes()[0] - b'a') + 1);
        return Some(marker(Family::Letters, value, roman_value(id)));
    }
    if id.len() == 1 && id.bytes().all(|b| b.is_ascii_uppercase()) && text_follows {
        let value = u32::from(id.as_bytes()[0] - b'A') + 1;
        return Some(marker(Family::Capitals, Some(value), None));
    }
    None
}

/// The value of a lower-case roman numeral up to 39 ("xxxix"), if `s` is one.
pub(super) fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 6 || !s.bytes().all(|b| b"ivx".contains(&b)) {
        return None;
    }
    let digit = |b: u8| match b {
        b'i' => 1,
        b'v' => 5,
        _ => 10,
    };
    let bytes = s.as_bytes();
    let mut total = 0i32;
    for (i, &b) in bytes.iter().enumerate() {
        let v = digit(b);
        if bytes.get(i + 1).is_some_and(|&n| digit(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    let value = u32::try_from(total).ok().filter(|v| *v > 0)?;
    // Only the canonical spelling: "iiii" and "vx" are not numerals.
    (to_roman(value) == s).then_some(value)
}

fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, digits) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, family: Family, id: &str, value: Option<u32>, rest: &str) {
        let m = leading(text).unwrap_or_else(|| panic!("{text:?}: no marker"));
        assert_eq!((&m.family, m.id.as_str(), m.value), (&family, id, value), "{text:?}");
        assert_eq!(&text[m.rest..], rest, "{text:?}");
    }

    fn label(said: Said, word: &str) -> Family {
        Family::Label { said, word: word.to_string() }
    }

    #[test]
    fn labels_in_many_spellings() {
        use Said::*;
        check("Finding 1: The protocol", label(Finding, "finding"), "1", Some(1), "The protocol");
        check("Finding One: Moves", label(Finding, "finding"), "One", Some(1), "Moves");
        check("Finding A", label(Finding, "finding"), "A", Some(1), "");
        check("Finding 1a The hostel", label(Finding, "finding"), "1a", Some(1), "The hostel");
        check(
            "Key learning 2 Ailsa was",
            label(Finding, "key learning"),
            "2",
            Some(2),
            "Ailsa was",
        );
        check("Learning point 3: No one", label(Finding, "learning point"), "3", Some(3), "No one");
        check("Learning 4: Signs", label(Finding, "learning"), "4", Some(4), "Signs");
        check(
            "Recommendation 3 [to health]: The",
            label(Recommendation, "recommendation"),
            "3",
            Some(3),
            "[to health]: The",
        );
        assert_eq!(leading("Finding 2 was accepted by all agencies."), None);
        assert_eq!(leading("Learning points: 1, 2"), None);
        assert!(leading("Learning points 4, 6").is_none_or(|m| m.said().is_none()));
    }

    #[test]
    fn codes_numbers_letters_and_bullets() {
        check(
            "F1. Moves caused",
            Family::Code { prefix: "F".into() },
            "F1",
            Some(1),
            "Moves caused",
        );
        check("A1 Lough Arden", Family::Code { prefix: "A".into() }, "A1", Some(1), "Lough Arden");
        check("R4: The police", Family::Code { prefix: "R".into() }, "R4", Some(4), "The police");
        check("1. Disabled", Family::Digits, "1", Some(1), "Disabled");
        check("(iii) The", Family::Letters, "iii", None, "The");
        check("(b) audit", Family::Letters, "b", Some(2), "audit");
        check("A. Regional", Family::Capitals, "A", Some(1), "Regional");
        check("7.3 A family's", Family::Paragraph { depth: 2 }, "7.3", Some(3), "A family's");
        check(
            "6.2 Finding 1 – The team",
            Family::Label { said: Said::Finding, word: "finding".into() },
            "1",
            Some(1),
            "The team",
        );
        check("• The GP", Family::Bullet('•'), "", None, "The GP");
        assert_eq!(leading("M25 roads were closed"), None);
        assert_eq!(leading("e.g. a plan"), None);
        assert_eq!(leading("1.5 hours later"), None);
    }

    #[test]
    fn romans() {
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("xi"), Some(11));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman_value("vx"), None);
        assert_eq!(leading("(v) The").map(|m| (m.value, m.roman)), Some((Some(22), Some(5))));
    }

    #[test]
    fn tagged_labels_need_a_gap() {
        let m = tagged("Health 3", 9).unwrap();
        assert_eq!((m.id.as_str(), m.value), ("Health 3", Some(3)));
        assert!(tagged("the 3", 4).is_none());
    }
}
