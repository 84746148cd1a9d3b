//! Turning a report's structure into tagged index units.
//!
//! Every passage, finding and recommendation is classified against the taxonomy. Agencies are
//! taken from the addressees of recommendations only (an agency named in passing in a
//! chronology is not an agency the learning is addressed to), and each recommendation also gets
//! its strength as a `/strength/…` facet.

use casebook::taxonomy::strength;
use casebook::{Classifier, Entry, Kind, Review, SectionKind, Taxonomy, Unit, UnitKind};

use crate::extract::PageText;
use crate::structure::{Passage, Structure};

/// Matches of an entry in one passage from which the passage discusses it rather than names it
/// in passing (see [`casebook::profile`]).
const DISCUSSED_MATCHES: u32 = 2;

/// Classifies units against one taxonomy.
pub struct Tagger {
    taxonomy: Taxonomy,
    classifier: Classifier,
}

/// Who a review is about, which decides which vulnerability factors apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Subject {
    Child,
    Adult,
    Either,
}

impl Tagger {
    /// Prepares the classifier for `taxonomy`.
    pub fn new(taxonomy: Taxonomy) -> Tagger {
        let classifier = Classifier::new(&taxonomy);
        Tagger { taxonomy, classifier }
    }

    /// The taxonomy in use.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// Makes the units of a review: one per passage (page × section), finding and
    /// recommendation.
    pub fn units(&self, review: &Review, pages: &[PageText], structure: &Structure) -> Vec<Unit> {
        let subject = subject_of(review, &structure.passages);
        let label_of = |page: u32| pages.get(page as usize - 1).and_then(|p| p.label.clone());
        let mut units = Vec::with_capacity(structure.passages.len() + 16);
        for passage in &structure.passages {
            let (tags, discussed) = self.passage_themes(&passage.text, passage.kind, subject);
            units.push(Unit {
                review: review.id.clone(),
                kind: UnitKind::Page,
                page: passage.page,
                page_label: label_of(passage.page),
                number: None,
                section: passage.section.clone(),
                tags,
                discussed,
                text: passage.text.clone(),
            });
        }
        // A briefing or national analysis draws learning from other reviews; its lists are not
        // findings or recommendations of a review, and counting them would count the same
        // learning twice.
        let own_items = !matches!(
            review.review_type.as_ref().map(|t| t.value.as_str()),
            Some("briefing" | "national_analysis")
        );
        let (findings, recommendations) = if own_items {
            (structure.findings.as_slice(), structure.recommendations.as_slice())
        } else {
            (&[][..], &[][..])
        };
        for finding in findings {
            units.push(Unit {
                review: review.id.clone(),
                kind: UnitKind::Finding,
                page: finding.page,
                page_label: label_of(finding.page),
                number: Some(finding.number.clone()),
                section: finding.section.clone(),
                tags: self.finding_themes(&finding.text, subject),
                discussed: Vec::new(),
                text: finding.text.clone(),
            });
        }
        for recommendation in recommendations {
            let mut tags = self.themes(&recommendation.text, SectionKind::Recommendations, subject);
            let addressed = match &recommendation.addressed_to {
                Some(note) => format!("[{note}]: {}", recommendation.text),
                None => recommendation.text.clone(),
            };
            tags.extend(self.addressees(&addressed));
            tags.push(format!("/strength/{}", strength(&recommendation.text).as_str()));
            units.push(Unit {
                review: review.id.clone(),
                kind: UnitKind::Recommendation,
                page: recommendation.page,
                page_label: label_of(recommendation.page),
                number: Some(recommendation.number.clone()),
                section: recommendation.section.clone(),
                tags,
                discussed: Vec::new(),
                text: recommendation.text.clone(),
            });
        }
        units
    }

    /// Theme and risk factor facets of a piece of text.
    fn themes(&self, text: &str, section: SectionKind, subject: Subject) -> Vec<String> {
        self.passage_themes(text, section, subject).0
    }

    /// Theme and risk factor facets of a passage of body text, and those of them it discusses
    /// at some length: named at least [`DISCUSSED_MATCHES`] times.
    fn passage_themes(
        &self,
        text: &str,
        section: SectionKind,
        subject: Subject,
    ) -> (Vec<String>, Vec<String>) {
        let tags = self.classifier.classify(text, section);
        let mut out: Vec<(String, bool)> = tags
            .scores
            .iter()
            .filter(|score| score.tagged)
            .filter_map(|score| Some((self.taxonomy.get(score.id.as_str())?, score.n_matches)))
            .filter(|(entry, _)| matches!(entry.kind, Kind::Theme | Kind::Risk))
            .filter(|(entry, _)| applies_to(entry, subject))
            .map(|(entry, n_matches)| (entry.facet_path(), n_matches >= DISCUSSED_MATCHES))
            .collect();
        out.sort();
        out.dedup();
        let discussed = out.iter().filter(|(_, d)| *d).map(|(path, _)| path.clone()).collect();
        (out.into_iter().map(|(path, _)| path).collect(), discussed)
    }

    /// Theme and risk factor facets of a finding.
    ///
    /// A finding is about what its headline says; its explanation borrows the vocabulary of
    /// neighbouring practice themes ("…through supervision and reflective discussion", "the
    /// threshold for revisiting it rose"). So practice themes are kept only when the headline
    /// carries them, while harms and risk factors, which are facts of the case, are read from
    /// the whole text.
    fn finding_themes(&self, text: &str, subject: Subject) -> Vec<String> {
        let headline_tags = self.themes(headline(text), SectionKind::Findings, subject);
        self.themes(text, SectionKind::Findings, subject)
            .into_iter()
            .filter(|path| {
                let is_practice = self
                    .taxonomy
                    .by_facet_path(path)
                    .is_some_and(|entry| entry.group == PRACTICE_GROUP);
                !is_practice || headline_tags.contains(path)
            })
            .collect()
    }

    /// Agency facets of the addressees of a recommendation, with their parents (gp → health).
    fn addressees(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for id in self.classifier.addressees(text) {
            out.extend(self.taxonomy.facet_path(id.as_str()));
            out.extend(self.taxonomy.ancestors(id.as_str()).iter().map(|e| e.facet_path()));
        }
        out.sort();
        out.dedup();
        out
    }
}

/// The taxonomy group of practice themes (see [`Tagger::finding_themes`]).
const PRACTICE_GROUP: &str = "practice";

/// The most words a finding's headline is taken to have when no sentence end or paragraph
/// number closes it first.
const MAX_HEADLINE_WORDS: usize = 40;

/// Returns the headline of a finding: its text up to the first sentence end, the first
/// paragraph number that opens a sentence ("… 9.2 The review found") or
/// [`MAX_HEADLINE_WORDS`] words.
fn headline(text: &str) -> &str {
    let mut n_words = 0;
    let mut in_word = false;
    for (idx, c) in text.char_indices() {
        let rest = &text[idx..];
        let sentence_end = matches!(c, '.' | '?' | '!')
            && rest[1..].starts_with(char::is_whitespace)
            && !text[..idx].ends_with(|d: char| d.is_ascii_digit());
        // A paragraph number opens the explanation's first sentence: "… 9.2 The review found".
        let paragraph_number = c.is_ascii_digit() && !in_word && n_words > 0 && {
            let mut words = rest.split_whitespace();
            words.next().is_some_and(is_paragraph_number)
                && words.next().is_some_and(|w| w.starts_with(char::is_uppercase))
        };
        if sentence_end || paragraph_number {
            return &text[..idx];
        }
        let is_word = c.is_alphanumeric();
        if is_word && !in_word {
            n_words += 1;
            if n_words > MAX_HEADLINE_WORDS {
                return &text[..idx];
            }
        }
        in_word = is_word;
    }
    text
}

/// Returns whether a word is a paragraph number such as "9.2" or "8.4.1".
fn is_paragraph_number(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_end_matches('.').split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Words that name children, and adults, in a review's text (lower case, whole words).
const CHILD_WORDS: &[&str] =
    &["child", "children", "baby", "babies", "infant", "infants", "young people", "young person"];
const ADULT_WORDS: &[&str] = &["adult", "adults"];

/// How many times more often one side must be named for a review of no fixed subject (a
/// briefing, a learning review, a national analysis) to be read as about children or adults.
const SUBJECT_RATIO: usize = 3;

/// Harms that are defined for children: in an adult review the same facts are recorded under
/// the adult categories (the cuckooing of an adult's home is exploitation, modern slavery).
const CHILD_ONLY_HARMS: &[&str] = &["cce", "cse", "hsb"];

/// Child vulnerability factors that stay with a person into adulthood: a care leaver's
/// experience of care matters in an adult review too.
const LIFELONG_CHILD_FACTORS: &[&str] = &["looked_after"];

fn subject_of(review: &Review, passages: &[Passage]) -> Subject {
    match review.review_type.as_ref().map(|t| t.value.as_str()) {
        Some("sar") => Subject::Adult,
        Some("scr" | "lcspr" | "rapid_review" | "national_review" | "cmr") => Subject::Child,
        // A thematic briefing on infants speaks of babies and children throughout, one on adults
        // of adults: its text says whom it is about when its type does not.
        _ => subject_from_text(passages.iter().map(|p| p.text.as_str())),
    }
}

/// Reads the subject from how often the text names children and adults.
fn subject_from_text<'a>(texts: impl Iterator<Item = &'a str>) -> Subject {
    let (mut n_child, mut n_adult) = (0, 0);
    for text in texts {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
        for (word_idx, word) in words.iter().enumerate() {
            let pair = words.get(word_idx + 1).map(|next| format!("{word} {next}"));
            if CHILD_WORDS.contains(word) || pair.is_some_and(|p| CHILD_WORDS.contains(&p.as_str()))
            {
                n_child += 1;
            } else if ADULT_WORDS.contains(word) {
                n_adult += 1;
            }
        }
    }
    if n_child > 0 && n_child >= SUBJECT_RATIO * n_adult {
        Subject::Child
    } else if n_adult > 0 && n_adult >= SUBJECT_RATIO * n_child {
        Subject::Adult
    } else {
        Subject::Either
    }
}

/// Words such as "learning disability" or "substance misuse" name a parental risk factor in a
/// child's review and a vulnerability of the adult in an adult review: keep the reading that
/// fits the review.
fn applies_to(entry: &Entry, subject: Subject) -> bool {
    let group = entry.group.as_str();
    match subject {
        Subject::Child => group != "adult_vulnerability",
        Subject::Adult => {
            let id = entry.id.as_str();
            group != "family"
                && (group != "child_vulnerability" || LIFELONG_CHILD_FACTORS.contains(&id))
                && !CHILD_ONLY_HARMS.contains(&id)
        }
        Subject::Either => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_subject(text: &str, expected: Subject) {
        assert_eq!(subject_from_text(std::iter::once(text)), expected, "text: {text:?}");
    }

    #[test]
    fn a_headline_ends_at_the_first_sentence_or_paragraph_number() {
        let check = |text: &str, expected: &str| assert_eq!(headline(text), expected);
        check(
            "Plans measured attendance 9.2 The review found that supervision was rare.",
            "Plans measured attendance ",
        );
        check(
            "Curiosity was not sustained. Supervision did not help.",
            "Curiosity was not sustained",
        );
        check("Section 11.2 audits were missed", "Section 11.2 audits were missed");
        check("Short", "Short");
    }

    #[test]
    fn practice_themes_of_a_finding_come_from_its_headline() {
        let tagger = Tagger::new(Taxonomy::builtin());
        let tags = tagger.finding_themes(
            "Apparent co-operation was mistaken for change 9.2 Practitioners need support, \
             through supervision, to keep explanations provisional; the neglect went on.",
            Subject::Child,
        );
        assert!(!tags.contains(&"/theme/supervision".to_owned()), "{tags:?}");
        assert!(tags.contains(&"/theme/neglect".to_owned()), "{tags:?}");
    }

    #[test]
    fn the_subject_of_a_briefing_is_read_from_its_text() {
        check_subject(
            "Babies and young children were harmed; the child was not seen.",
            Subject::Child,
        );
        check_subject(
            "Adults with care and support needs; the adult declined help.",
            Subject::Adult,
        );
        check_subject("The child and the adult services.", Subject::Either);
        check_subject("No people named here.", Subject::Either);
    }

    #[test]
    fn child_factors_apply_to_adults_only_when_they_last() {
        let taxonomy = Taxonomy::builtin();
        let entry = |id: &str| taxonomy.get(id).unwrap().clone();
        assert!(applies_to(&entry("looked_after"), Subject::Adult));
        assert!(!applies_to(&entry("babies_under_one"), Subject::Adult));
        assert!(!applies_to(&entry("cce"), Subject::Adult));
        assert!(applies_to(&entry("cce"), Subject::Child));
        assert!(!applies_to(&entry("adult_mental_illness"), Subject::Child));
    }
}
