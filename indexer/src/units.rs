//! Turning a report's structure into tagged index units.
//!
//! Every passage, finding and recommendation is classified against the taxonomy. Agencies are
//! taken from the addressees of recommendations only (an agency named in passing in a
//! chronology is not an agency the learning is addressed to), and each recommendation also gets
//! its strength as a `/strength/…` facet.

use casebook::taxonomy::AppliesTo;
use casebook::taxonomy::{ReviewTypes, strength};
use casebook::{Classifier, Entry, Kind, Review, SectionKind, Taxonomy, Unit, UnitKind};

use crate::extract::PageText;
use crate::structure::{Passage, Structure};

/// Matches of an entry in one passage from which the passage discusses it rather than names it
/// in passing (see [`casebook::profile`]).
const DISCUSSED_MATCHES: u32 = 2;

/// The evidence (see [`casebook::taxonomy`]'s classifier) from which a finding's explanation,
/// not only its headline, is taken to be about a practice theme: a phrase of two words or more,
/// or two mentions.
const STRONG_EVIDENCE: f32 = 2.0;

/// Classifies units against one taxonomy.
pub struct Tagger {
    taxonomy: Taxonomy,
    classifier: Classifier,
    review_types: ReviewTypes,
}

impl Tagger {
    /// Prepares the classifier for `taxonomy`.
    pub fn new(taxonomy: Taxonomy) -> Tagger {
        let classifier = Classifier::new(&taxonomy);
        let review_types = ReviewTypes::new(&taxonomy);
        Tagger { taxonomy, classifier, review_types }
    }

    /// The taxonomy in use.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// The names of its review types, to read a document's type.
    pub fn review_types(&self) -> &ReviewTypes {
        &self.review_types
    }

    /// Makes the units of a review: one per passage (page × section), finding and
    /// recommendation.
    pub fn units(&self, review: &Review, pages: &[PageText], structure: &Structure) -> Vec<Unit> {
        let subject = subject_of(review, &structure.passages, &self.taxonomy);
        let label_of = |page: u32| pages.get(page as usize - 1).and_then(|p| p.label.clone());
        let mut units = Vec::with_capacity(structure.passages.len() + 16);
        for passage in &structure.passages {
            let (tags, mut discussed) = self.passage_themes(&passage.text, passage.kind, subject);
            // A section headed by a theme ("Information sharing", "Disguised compliance and the
            // rule of optimism") discusses it, however often its paragraphs repeat the words.
            for heading in &passage.headings {
                let (headed, _) = self.passage_themes(heading, passage.kind, subject);
                discussed.extend(headed.into_iter().filter(|t| tags.contains(t)));
            }
            discussed.sort();
            discussed.dedup();
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
        let own_items = casebook::taxonomy::states_its_own_learning(
            review.review_type.as_ref().map(|t| t.value.as_str()),
        );
        let (findings, recommendations) = if own_items {
            (structure.findings.as_slice(), structure.recommendations.as_slice())
        } else {
            (&[][..], &[][..])
        };
        for finding in findings {
            let tags = self.finding_themes(&finding.text, subject);
            // A finding that names a theme twice is about it.
            let (_, discussed) = self.passage_themes(&finding.text, SectionKind::Findings, subject);
            let discussed = discussed.into_iter().filter(|t| tags.contains(t)).collect();
            units.push(Unit {
                review: review.id.clone(),
                kind: UnitKind::Finding,
                page: finding.page,
                page_label: label_of(finding.page),
                number: Some(finding.number.clone()),
                section: finding.section.clone(),
                tags,
                discussed,
                text: finding.text.clone(),
            });
        }
        for recommendation in recommendations {
            let mut tags = self.themes(&recommendation.text, SectionKind::Recommendations, subject);
            let addressed = match &recommendation.addressed_to {
                Some(note) => format!("[{note}]: {}", recommendation.text),
                None => recommendation.text.clone(),
            };
            let mut agencies = self.addressees(&addressed);
            // Whom the report files it under (its list's sub-heading, its row's lead agency),
            // where its own text names nobody.
            if agencies.is_empty()
                && let Some(under) = &recommendation.filed_under
            {
                agencies = self.addressees(&format!("[{under}]: {}", recommendation.text));
            }
            tags.extend(agencies);
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
    fn themes(&self, text: &str, section: SectionKind, subject: AppliesTo) -> Vec<String> {
        self.passage_themes(text, section, subject).0
    }

    /// Theme and risk factor facets of a passage of body text, and those of them it discusses
    /// at some length: named at least [`DISCUSSED_MATCHES`] times.
    fn passage_themes(
        &self,
        text: &str,
        section: SectionKind,
        subject: AppliesTo,
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
    /// neighbouring practice themes in passing ("…through supervision", "the threshold for
    /// revisiting it rose"). So a practice theme is kept when the headline carries it, or when
    /// the explanation names it by a phrase of its own or twice ("information sharing depended
    /// on records being posted", "her voice was not heard"): a single word in the explanation
    /// is not enough. Harms and risk factors, which are facts of the case, are read from the
    /// whole text.
    fn finding_themes(&self, text: &str, subject: AppliesTo) -> Vec<String> {
        let headline_tags = self.themes(headline(text), SectionKind::Findings, subject);
        let strong = self.strong_themes(text, SectionKind::Findings, subject);
        self.themes(text, SectionKind::Findings, subject)
            .into_iter()
            .filter(|path| {
                let is_practice = self
                    .taxonomy
                    .by_facet_path(path)
                    .is_some_and(|entry| entry.group == PRACTICE_GROUP);
                !is_practice || headline_tags.contains(path) || strong.contains(path)
            })
            .collect()
    }

    /// Themes named in `text` by a phrase of their own or more than once: evidence of at least
    /// [`STRONG_EVIDENCE`].
    fn strong_themes(&self, text: &str, section: SectionKind, subject: AppliesTo) -> Vec<String> {
        self.classifier
            .classify(text, section)
            .scores
            .iter()
            .filter(|score| score.tagged && score.score >= STRONG_EVIDENCE)
            .filter_map(|score| self.taxonomy.get(score.id.as_str()))
            .filter(|entry| applies_to(entry, subject))
            .map(Entry::facet_path)
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

/// Whom a review is about: what its type says (`applies_to` in the taxonomy), else what its
/// text names more (a thematic briefing on infants speaks of babies and children throughout).
fn subject_of(review: &Review, passages: &[Passage], taxonomy: &Taxonomy) -> AppliesTo {
    let said = review
        .review_type
        .as_ref()
        .and_then(|t| taxonomy.get(&t.value))
        .map_or(AppliesTo::Unsaid, |entry| entry.applies_to);
    match said {
        AppliesTo::Unsaid => subject_from_text(passages.iter().map(|p| p.text.as_str())),
        said => said,
    }
}

/// Reads the subject from how often the text names children and adults.
fn subject_from_text<'a>(texts: impl Iterator<Item = &'a str>) -> AppliesTo {
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
        AppliesTo::Children
    } else if n_adult > 0 && n_adult >= SUBJECT_RATIO * n_child {
        AppliesTo::Adults
    } else {
        AppliesTo::Everyone
    }
}

/// Words such as "learning disability" or "substance misuse" name a parental risk factor in a
/// child's review and a vulnerability of the adult in an adult review: keep the reading that
/// fits the review, by whom the taxonomy says each entry can describe.
fn applies_to(entry: &Entry, subject: AppliesTo) -> bool {
    entry.applies_to.fits(subject)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_subject(text: &str, expected: AppliesTo) {
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
            AppliesTo::Children,
        );
        assert!(!tags.contains(&"/theme/supervision".to_owned()), "{tags:?}");
        assert!(tags.contains(&"/theme/neglect".to_owned()), "{tags:?}");
    }

    #[test]
    fn a_finding_that_names_a_practice_theme_in_its_explanation_is_about_it() {
        let tagger = Tagger::new(Taxonomy::builtin());
        let tags = tagger.finding_themes(
            "Each move reset what services knew. Practitioners started afresh each time, and \
             information sharing depended on records being posted.",
            AppliesTo::Children,
        );
        assert!(tags.contains(&"/theme/information_sharing".to_owned()), "{tags:?}");
    }

    #[test]
    fn the_subject_of_a_briefing_is_read_from_its_text() {
        check_subject(
            "Babies and young children were harmed; the child was not seen.",
            AppliesTo::Children,
        );
        check_subject(
            "Adults with care and support needs; the adult declined help.",
            AppliesTo::Adults,
        );
        check_subject("The child and the adult services.", AppliesTo::Everyone);
        check_subject("No people named here.", AppliesTo::Everyone);
    }

    #[test]
    fn child_factors_apply_to_adults_only_when_they_last() {
        let taxonomy = Taxonomy::builtin();
        let entry = |id: &str| taxonomy.get(id).unwrap().clone();
        assert!(applies_to(&entry("looked_after"), AppliesTo::Adults));
        assert!(!applies_to(&entry("babies_under_one"), AppliesTo::Adults));
        assert!(!applies_to(&entry("cce"), AppliesTo::Adults));
        assert!(applies_to(&entry("cce"), AppliesTo::Children));
        assert!(!applies_to(&entry("adult_mental_illness"), AppliesTo::Children));
    }
}
