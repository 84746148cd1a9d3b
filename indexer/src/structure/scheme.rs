//! Which numbering scheme a findings or recommendations section lists its items in.
//!
//! A section may hold several kinds of marker: its items' ("1.", "Finding 2", "A1"), their
//! sub-points' ("(a)"), the report's paragraph numbers ("8.1 The recommendations below…"). The
//! items are in the most specific scheme that occurs often enough: labels, then codes, tagged
//! numbers, numbers, letters, capitals, paragraph numbers, bullets; failing any, bold
//! headlines; and in a recommendations section, paragraphs that read as recommendations.

use super::block::Block;
use super::marker::{Family, Marker, Said};

/// The scheme of a section's items.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Scheme {
    /// Items open with a marker of this family, set no further right than `x`.
    Markers { family: Key, x: f32 },
    /// Items open with a bold headline paragraph.
    Headlines,
    /// Every paragraph that reads as a recommendation is one.
    Paragraphs,
    /// Nothing in the section reads as an item.
    None,
}

/// A family of markers, loosened so that one list is one key ("A1" and "B2" alike).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum Key {
    Said(Said),
    Code(String),
    Tagged,
    Digits,
    Letters,
    Capitals,
    Paragraph(usize),
    Bullet(char),
}

impl Key {
    /// The key of a marker.
    pub(super) fn of(marker: &Marker) -> Key {
        if let Some(said) = marker.said() {
            return Key::Said(said);
        }
        match &marker.family {
            Family::Label { said, .. } => Key::Said(*said),
            // Single capitals ("A1", "B3") are one list; longer prefixes their own.
            Family::Code { prefix } if prefix.len() == 1 => Key::Code(String::new()),
            Family::Code { prefix } => Key::Code(prefix.clone()),
            Family::Tagged { .. } => Key::Tagged,
            Family::Digits => Key::Digits,
            Family::Letters => Key::Letters,
            Family::Capitals => Key::Capitals,
            Family::Paragraph { depth } => Key::Paragraph(*depth),
            Family::Bullet(c) => Key::Bullet(*c),
        }
    }

    /// The order in which schemes are preferred, and how many markers each needs.
    fn rank(&self) -> (usize, usize) {
        match self {
            Key::Said(_) => (0, 1),
            Key::Code(_) => (1, 2),
            Key::Tagged => (2, 2),
            Key::Digits => (3, 1),
            Key::Letters => (4, 2),
            Key::Capitals => (5, 2),
            Key::Paragraph(_) => (6, 2),
            Key::Bullet(_) => (7, 1),
        }
    }
}

/// Chooses the scheme of a section from its paragraphs and their markers.
pub(super) fn choose(
    blocks: &[&Block],
    marks: &[Option<&Marker>],
    scopes: &[usize],
    recommendations: bool,
    em: f32,
) -> Scheme {
    // key, count, min x, first seen, scope of the first
    let mut seen: Vec<(Key, usize, f32, usize, usize)> = Vec::new();
    for (i, (block, mark)) in blocks.iter().zip(marks).enumerate() {
        let Some(mark) = mark else { continue };
        let key = Key::of(mark);
        match seen.iter_mut().find(|s| s.0 == key) {
            Some(s) => {
                s.1 += 1;
                s.2 = s.2.min(block.x);
            }
            None => seen.push((key, 1, block.x, i, scopes[i])),
        }
    }
    // Labelled items are items wherever they are; here they decide only when nothing else does.
    let eligible = |key: &Key, n: usize| n >= key.rank().1 && !matches!(key, Key::Said(_));
    let mut best = seen
        .iter()
        .filter(|(key, n, ..)| eligible(key, *n))
        .min_by(|a, b| a.0.rank().0.cmp(&b.0.rank().0).then(a.3.cmp(&b.3)));
    // Two plain lists under two sub-headings ("What needs to improve" bullets, then a
    // judgement's numbered paragraphs under its own heading): the first is the section's.
    if let Some(chosen) = best
        && is_plain_list(&chosen.0)
        && let Some(earlier) = seen
            .iter()
            .filter(|s| eligible(&s.0, s.1) && is_plain_list(&s.0) && s.4 < chosen.4)
            .min_by_key(|s| s.3)
    {
        best = Some(earlier);
    }
    if let Some((key, _, x, ..)) = best {
        // A list in one scheme nested in another (numbers under labelled items) is sub-points.
        let labelled = seen.iter().any(|s| matches!(s.0, Key::Said(_)));
        if !labelled || !matches!(key, Key::Letters | Key::Bullet(_)) {
            return Scheme::Markers { family: key.clone(), x: x + 0.5 * em };
        }
    }
    if seen.iter().any(|s| matches!(s.0, Key::Said(_))) {
        return Scheme::None;
    }
    let n_headlines = blocks
        .iter()
        .enumerate()
        .filter(|(i, b)| is_headline(b, blocks.get(i + 1).copied()))
        .count();
    if n_headlines >= 2 {
        return Scheme::Headlines;
    }
    if recommendations
        && blocks.iter().any(|b| reads_as_recommendation(&b.text) && !is_preamble(&b.text))
    {
        return Scheme::Paragraphs;
    }
    Scheme::None
}

/// Whether a key is a plain list's: numbers, letters, bullets.
fn is_plain_list(key: &Key) -> bool {
    matches!(key, Key::Digits | Key::Letters | Key::Capitals | Key::Bullet(_))
}

/// A bold paragraph of a line or three, followed by plain text: the headline of an item.
pub(super) fn is_headline(block: &Block, next: Option<&Block>) -> bool {
    block.bold
        && block.n_lines <= 3
        && block.table.is_none()
        && next.is_some_and(|n| !n.bold && n.table.is_none())
}

/// Whether a paragraph reads like a recommendation: an agency told what to do.
pub(super) fn reads_as_recommendation(text: &str) -> bool {
    let lower = format!(" {} ", text.to_lowercase());
    [
        " should ",
        " must ",
        " will ",
        " to ensure ",
        " ensure ",
        " seek assurance",
        " consider ",
        " is asked to ",
        " are asked to ",
    ]
    .iter()
    .any(|m| lower.contains(m))
}

/// The sentence that opens a list of findings or recommendations rather than being one.
pub(super) fn is_preamble(text: &str) -> bool {
    // An introduction is a sentence or two; an item that happens to say "has accepted" is
    // longer.
    if text.split_whitespace().count() > 45 {
        return false;
    }
    let lower = text.to_lowercase();
    const PHRASES: &[&str] = &[
        "following recommendation",
        "following finding",
        "following lesson",
        "following learning",
        "following action",
        "following key",
        "recommendations are made",
        "recommendations below",
        "recommendation below",
        "findings below",
        "findings are set out",
        "set out below",
        "are as follows",
        "makes the following",
        "has accepted the",
        "have agreed the",
        "have accepted the",
        "action plan",
        "each recommendation",
        "each is stated",
        "each has a",
    ];
    if PHRASES.iter().any(|m| lower.contains(m)) {
        return true;
    }
    // "The panel makes eight recommendations", "We make six findings", "The review identified
    // five areas of key learning".
    let words: Vec<&str> =
        lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let verbs = ["make", "makes", "made", "identified", "identifies", "contains", "sets"];
    let nouns = ["findings", "recommendations", "lessons", "learning", "points", "actions"];
    // Only a count or a few determiners may stand between the verb and the noun.
    let between = |w: &str| {
        w.bytes().all(|b| b.is_ascii_digit())
            || [
                "the",
                "following",
                "key",
                "these",
                "its",
                "a",
                "number",
                "of",
                "areas",
                "main",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "out",
            ]
            .contains(&w)
    };
    words.iter().enumerate().any(|(i, w)| {
        verbs.contains(w) && {
            let rest = &words[i + 1..];
            let n_between = rest.iter().take_while(|w| between(w)).count();
            n_between <= 4 && rest.get(n_between).is_some_and(|n| nouns.contains(n))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preambles() {
        assert!(is_preamble("The review makes the following recommendations to the partnership:"));
        assert!(is_preamble(
            "The panel makes eight recommendations, grouped by the organisation asked to act."
        ));
        assert!(is_preamble("We make six findings."));
        assert!(is_preamble("The review identified five areas of key learning for Strathfennan."));
        assert!(!is_preamble(
            "The Board should make sure that recommendations of earlier reviews are audited within a year of publication and that the findings of each audit are reported to partners."
        ));
    }
}
