//! The evidence behind a review's themes and risk factors: for each one the review counts for
//! (by the rule of [`crate::profile`]), why it counts and the units that made it, each with the
//! words that matched.
//!
//! The profile stored with a review is computed from its units when it is indexed; the evidence
//! is computed from the same stored units when it is read, by the same rule, so the two always
//! agree. The matched words come from the classifier of the taxonomy in use, and cover the entry
//! itself and what implies it (a child entry: "NAHI" for physical abuse; the components of a
//! composite: the toxic trio).

use std::collections::HashSet;

use crate::document::Snippet;
use crate::document::Unit;
use crate::profile::{Reason, Role, tag_counts};
use crate::taxonomy::Tag;
use crate::taxonomy::{Classifier, Taxonomy};

/// Why a review counts for one theme or risk factor, with the units that show it.
#[derive(Clone, Debug, PartialEq)]
pub struct TagEvidence {
    /// The facet path (`/theme/neglect`).
    pub path: String,
    /// The part of the rule that makes it count.
    pub reason: Reason,
    /// The units counted for it, findings and recommendations first, then passages that
    /// discuss it, other passages, and the chronology; in page order within each.
    pub quotes: Vec<Quote>,
}

/// One unit behind a tag, and where in its text the tag's words are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The unit's position in the units given to [`review_evidence`].
    pub unit: usize,
    /// The part it plays.
    pub role: Role,
    /// Byte ranges of the matched words in the unit's text, in order (empty when the tag came
    /// to the unit another way, such as an age written out).
    pub spans: Vec<(usize, usize)>,
}

impl TagEvidence {
    /// How many quotes play each role, in role order: "finding 2, recommendation 1, passage 3".
    pub fn role_counts(&self) -> Vec<(Role, usize)> {
        let mut out: Vec<(Role, usize)> = Vec::new();
        for quote in &self.quotes {
            match out.last_mut() {
                Some((role, n)) if *role == quote.role => *n += 1,
                _ => out.push((quote.role, 1)),
            }
        }
        out
    }
}

/// The evidence for every theme and risk factor the review of `units` counts for, in facet
/// path order. `units` are all the units of one review other than its record.
pub fn review_evidence(
    units: &[Unit],
    taxonomy: &Taxonomy,
    classifier: &Classifier,
) -> Vec<TagEvidence> {
    let counts = tag_counts(units);
    let mut out = Vec::new();
    for (path, count) in &counts.tags {
        if !Tag::is_subject_path(path) {
            continue;
        }
        let Some(reason) = count.reason(path, counts.n_body_pages) else { continue };
        let ids = implying(taxonomy, Tag::parse(path).map_or("", |t| t.id));
        let mut quotes: Vec<Quote> = count
            .units
            .iter()
            .map(|&(unit, role)| {
                let spans = classifier
                    .matches(&units[unit].text)
                    .into_iter()
                    .filter(|m| ids.contains(m.entry.as_str()))
                    .map(|m| m.span)
                    .collect();
                Quote { unit, role, spans }
            })
            .collect();
        quotes.sort_by_key(|q| (q.role, units[q.unit].page, q.unit));
        out.push(TagEvidence { path: path.clone(), reason, quotes });
    }
    out
}

/// A window of about `width` bytes of `text` around the first of `spans`, whitespace
/// collapsed, with the spans inside it to highlight; "…" marks text left out.
pub fn excerpt(text: &str, spans: &[(usize, usize)], width: usize) -> Snippet {
    let first = spans.first().map_or(0, |s| s.0).min(text.len());
    let mut start = first.saturating_sub(width / 3);
    if start > 0 {
        // Back to the start of a word.
        start = text[..start].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    }
    let mut end = (start + width).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if end < text.len() {
        end = text[..end].rfind(char::is_whitespace).filter(|&i| i > first).unwrap_or(end);
    }
    let mut out = String::with_capacity(end - start + 8);
    // Where each byte of the window lands in `out`, to move the spans with the text.
    let mut moved = Vec::with_capacity(end - start + 1);
    if start > 0 {
        out.push_str("… ");
    }
    let mut in_space = false;
    for c in text[start..end].chars() {
        let here = out.len();
        moved.extend(std::iter::repeat_n(here, c.len_utf8()));
        if c.is_whitespace() {
            if !in_space && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    moved.push(out.len());
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if end < text.len() {
        out.push_str(" …");
    }
    let highlights = spans
        .iter()
        .filter(|&&(s, e)| s >= start && e <= end && s < e)
        .map(|&(s, e)| moved[s - start]..moved[e - start].min(trimmed))
        .filter(|r| r.start < r.end)
        .collect();
    Snippet { text: out, highlights }
}

/// The entry `id` and the entries that imply it: its descendants (tagging a child tags its
/// parent) and, for a composite, its components.
fn implying<'a>(taxonomy: &'a Taxonomy, id: &'a str) -> HashSet<&'a str> {
    let mut out: HashSet<&str> = HashSet::from([id]);
    for entry in taxonomy.entries() {
        let below = taxonomy.ancestors(entry.id.as_str()).iter().any(|a| a.id.as_str() == id);
        if below {
            out.insert(entry.id.as_str());
        }
    }
    if let Some(entry) = taxonomy.get(id) {
        out.extend(entry.components.iter().map(|c| c.as_str()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ReviewId, UnitKind};

    fn unit(kind: UnitKind, page: u32, section: &str, text: &str, tags: &[&str]) -> Unit {
        Unit {
            review: ReviewId::parse("r").unwrap(),
            kind,
            page,
            page_label: None,
            number: Some("1".into()),
            section: vec![section.to_owned()],
            text: text.to_owned(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            discussed: Vec::new(),
        }
    }

    #[test]
    fn each_counted_tag_has_its_units_and_matched_words() {
        let taxonomy = Taxonomy::builtin();
        let classifier = Classifier::new(&taxonomy);
        let units = vec![
            unit(
                UnitKind::Page,
                3,
                "Analysis",
                "The home was neglectful for years.",
                &["/theme/neglect"],
            ),
            unit(
                UnitKind::Finding,
                5,
                "Findings",
                "Chronic neglect was not recognised.",
                &["/theme/neglect"],
            ),
            unit(
                UnitKind::Page,
                2,
                "Background",
                "Supervision happened monthly.",
                &["/theme/supervision"],
            ),
        ];
        let evidence = review_evidence(&units, &taxonomy, &classifier);
        let paths: Vec<&str> = evidence.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["/theme/neglect"], "a practice theme in the background does not count");
        let neglect = &evidence[0];
        assert_eq!(neglect.reason, Reason::Units);
        assert_eq!(neglect.quotes.len(), 2);
        assert_eq!(neglect.quotes[0].role, Role::Finding, "findings first");
        let finding = &units[neglect.quotes[0].unit].text;
        let (start, end) = neglect.quotes[0].spans[0];
        assert_eq!(&finding[start..end], "Chronic neglect");
        let passage = &units[neglect.quotes[1].unit].text;
        let (start, end) = neglect.quotes[1].spans[0];
        assert_eq!(&passage[start..end], "neglectful");
        assert_eq!(neglect.role_counts(), [(Role::Finding, 1), (Role::Passage, 1)]);
    }

    #[test]
    fn an_excerpt_keeps_its_highlights_on_the_matched_words() {
        let text = "Intro words here.\n\nThe   home conditions were poor, and the neglect went on \
                    for two years before anyone acted on it in any way at all.";
        let at = text.find("neglect").unwrap();
        let snippet = excerpt(text, &[(at, at + 7)], 60);
        assert!(snippet.text.starts_with("… "), "{:?}", snippet.text);
        assert!(snippet.text.ends_with(" …"), "{:?}", snippet.text);
        assert!(!snippet.text.contains("  "));
        let range = snippet.highlights[0].clone();
        assert_eq!(&snippet.text[range], "neglect");
        let whole = excerpt("Neglect.", &[(0, 7)], 60);
        assert_eq!(whole.text, "Neglect.");
        assert_eq!(&whole.text[whole.highlights[0].clone()], "Neglect");
    }

    #[test]
    fn a_parent_is_shown_by_its_child_words() {
        let taxonomy = Taxonomy::builtin();
        let ids = implying(&taxonomy, "physical_abuse");
        assert!(ids.contains("nahi"), "{ids:?}");
        let trio = implying(&taxonomy, "toxic_trio");
        assert!(trio.contains("domestic_abuse"), "{trio:?}");
    }
}
