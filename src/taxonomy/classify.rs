//! Tagging text with taxonomy entries: evidence matching, section weights, thresholds.
//!
//! # The rule
//!
//! Every phrase match is *evidence* for its entry. Its weight is the product of
//!
//! * a base weight: [`SINGLE_WORD`] for one word ("neglect"), [`MULTI_WORD`] for a phrase of two
//!   or more words ("domestic violence"), [`ABBREVIATION`] for a case-sensitive abbreviation
//!   ("NAHI");
//! * the weight of the section ([`section_weight`]): 1 in findings, analysis, conclusions,
//!   recommendations, action plans and good practice, and in the introduction, whose executive
//!   summary and reasons for the review state what happened and what the review learned ("the
//!   serious neglect of a thirteen-year-old girl"); 0.5 in the narrative parts (background,
//!   chronology, unknown); 0.25 in appendices; 0.1 in terms of reference and methodology; 0 in
//!   contents and glossaries.
//!
//! An entry is tagged when the sum reaches [`THRESHOLD`] (1.0). So one word in a finding is
//! enough, a single word in the chronology needs a second mention, a two-word phrase in the
//! chronology is enough on its own, and a terms-of-reference list needs five to ten mentions of
//! the same entry, which does not happen: a passage that only lists what the review looked at is
//! not tagged. Contents pages and glossaries never tag anything.
//!
//! Matches inside an entry's `exclude_contexts` do not count, nor do `requires_context` phrases
//! without their context, nor negated matches (below). Composite entries (the toxic trio) are
//! tagged when all their components are; a tagged entry also tags its ancestors (gp ⇒ health,
//! nahi ⇒ physical_abuse).
//!
//! An age written out is evidence like a two-word phrase ([`age::AGE_GROUPS`]): "a 14-year-old girl"
//! for adolescents, "the death of a 78-year-old man" for older age, "a seven-week-old baby" for
//! babies under one.
//!
//! # Negation
//!
//! Negation applies to harms and risk factors only: agencies and review types are named, not
//! asserted, and for practice themes what was *not* done is the learning ("adult services did
//! not think family", "there was no escalation").
//! Only the cheap, common case is handled: a negating cue shortly *before* the match in the same
//! clause ("no evidence of domestic abuse", "there were no concerns about neglect", "no known
//! history of self-harm", "denied drug use"). Such matches are counted in `n_negated` and weigh nothing.
//! Not handled: negation after the match ("domestic abuse was not a feature"), negation across
//! clauses, double negatives, hypotheticals ("had there been neglect"), and bare "not", which is
//! left alone on purpose because "professionals did not recognise the neglect" is a finding *about*
//! neglect.

use super::Taxonomy;
use super::age;
use super::entry::{EntryId, Kind};
use super::phrase::{PhraseIndex, Role};
use super::section::SectionKind;
use super::token::{self, Token};

/// The sum of evidence weights an entry needs to be tagged.
pub const THRESHOLD: f32 = 1.0;
/// The base weight of a one-word match.
pub const SINGLE_WORD: f32 = 1.0;
/// The base weight of a match of two or more words, which is much less often accidental.
pub const MULTI_WORD: f32 = 2.0;
/// The base weight of a case-sensitive abbreviation match.
pub const ABBREVIATION: f32 = 1.5;
/// How many tokens either side a `requires_context` phrase looks for its context.
pub const CONTEXT_WINDOW: usize = 8;
/// The base weight of an age written out ("a fourteen-year-old girl", "aged 82"): as specific
/// as a multi-word phrase.
const AGE: f32 = MULTI_WORD;

/// The group of the practice themes: what professionals did, never negated (see
/// [`Classifier::classify`]'s module documentation).
const PRACTICE_GROUP: &str = "practice";

/// Returns how much a match counts in a section of this kind.
pub fn section_weight(section: SectionKind) -> f32 {
    match section {
        SectionKind::Findings
        | SectionKind::Analysis
        | SectionKind::Conclusions
        | SectionKind::Recommendations
        | SectionKind::ActionPlan
        | SectionKind::GoodPractice
        | SectionKind::Introduction
        | SectionKind::Summary => 1.0,
        SectionKind::Background
        | SectionKind::Chronology
        | SectionKind::Context
        | SectionKind::Questions
        | SectionKind::Other => 0.5,
        SectionKind::Appendix => 0.25,
        SectionKind::TermsOfReference | SectionKind::Methodology => 0.1,
        SectionKind::Contents | SectionKind::Glossary => 0.0,
    }
}

/// Negating cues: the words, and how many tokens may sit between the cue and the match.
///
/// Bare "no" and "not" only negate what follows immediately ("no neglect"); the longer cues reach
/// a little further ("no concerns *about* neglect", "no evidence *of the* domestic abuse").
const NEGATION_CUES: &[(&str, usize)] = &[
    ("no", 0),
    ("not", 0),
    ("nor", 1),
    ("no evidence", 3),
    ("no concern", 3),
    ("no indication", 3),
    ("no suggestion", 3),
    ("no sign", 3),
    ("no history", 3),
    ("no report", 3),
    ("no known", 2),
    ("no disclosure", 3),
    ("no allegation", 3),
    ("no record", 3),
    ("no previous", 2),
    ("no prior", 2),
    ("no identified", 2),
    ("not known", 3),
    ("not aware", 3),
    ("not believed", 3),
    ("not thought", 3),
    ("never been", 3),
    ("ruled out", 3),
    ("absence of", 2),
    ("denied", 2),
    ("deny", 2),
    ("free from", 2),
];

/// Tags text with taxonomy entries; build it once and share it (it is immutable).
#[derive(Debug, Clone)]
pub struct Classifier {
    ids: Vec<EntryId>,
    kinds: Vec<Kind>,
    parents: Vec<Option<usize>>,
    components: Vec<Vec<usize>>,
    index: PhraseIndex,
    negation_cues: Vec<(Vec<String>, usize)>,
    /// [`age::AGE_GROUPS`] with the taxonomy positions of their entries (absent entries left out).
    age_groups: Vec<(u32, u32, usize)>,
    /// The position of [`age::INFANT_AGE_GROUP`], if the taxonomy has it.
    infant_group: Option<usize>,
    /// Whether each entry is a practice theme (group [`PRACTICE_GROUP`]), which is not negated.
    practice: Vec<bool>,
}

/// One match that counts as evidence for an entry (see [`Classifier::matches`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The entry the words are evidence for.
    pub entry: EntryId,
    /// The byte range of the matched words in the text.
    pub span: (usize, usize),
}

/// The result of [`Classifier::classify`]: the entries with any evidence, and which are tagged.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tags {
    /// One score per entry that had evidence or was tagged, in taxonomy order.
    pub scores: Vec<EntryScore>,
}

/// The evidence for one entry in one passage.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryScore {
    /// The entry.
    pub id: EntryId,
    /// How many matches counted.
    pub n_matches: u32,
    /// How many matches were negated ("no evidence of …") and did not count.
    pub n_negated: u32,
    /// How many matches fell inside an exclusion context and did not count.
    pub n_excluded: u32,
    /// The weighted evidence (see the module documentation).
    pub score: f32,
    /// Whether the entry is tagged: by its own score, as a composite, or as an ancestor.
    pub tagged: bool,
}

impl Tags {
    /// Returns the ids of the tagged entries, in taxonomy order.
    pub fn tagged(&self) -> impl Iterator<Item = &EntryId> + '_ {
        self.scores.iter().filter(|s| s.tagged).map(|s| &s.id)
    }

    /// Returns whether the entry `id` is tagged.
    pub fn is_tagged(&self, id: &str) -> bool {
        self.get(id).is_some_and(|s| s.tagged)
    }

    /// Returns the score of entry `id`, if it had any evidence or was tagged.
    pub fn get(&self, id: &str) -> Option<&EntryScore> {
        self.scores.iter().find(|s| s.id.as_str() == id)
    }
}

/// The running evidence of one entry while a passage is classified.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    n_matches: u32,
    n_negated: u32,
    n_excluded: u32,
    score: f32,
    tagged: bool,
    has_evidence: bool,
}

/// Whether a match counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Status {
    /// The match is evidence.
    Counted,
    /// A negating cue precedes the match.
    Negated,
    /// The match lies inside one of the entry's exclusion contexts.
    Excluded,
}

/// One match of an entry's phrase in a token sequence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Evidence {
    /// The position of the entry in the taxonomy.
    pub(super) entry: usize,
    /// The first token of the match.
    pub(super) start: usize,
    /// One past the last token of the match.
    pub(super) end: usize,
    /// [`SINGLE_WORD`], [`MULTI_WORD`] or [`ABBREVIATION`], before the section weight.
    pub(super) base_weight: f32,
    /// Whether the match counts.
    pub(super) status: Status,
}

impl Classifier {
    /// Compiles the matching rules of `taxonomy`.
    pub fn new(taxonomy: &Taxonomy) -> Classifier {
        let entries = taxonomy.entries();
        let position = |id: &EntryId| taxonomy.index_of(id.as_str());
        Classifier {
            ids: entries.iter().map(|e| e.id.clone()).collect(),
            kinds: entries.iter().map(|e| e.kind).collect(),
            parents: entries.iter().map(|e| e.parent.as_ref().and_then(position)).collect(),
            components: entries
                .iter()
                .map(|e| e.components.iter().filter_map(position).collect())
                .collect(),
            index: PhraseIndex::new(entries),
            negation_cues: NEGATION_CUES
                .iter()
                .map(|&(cue, gap)| (token::stems(cue), gap))
                .collect(),
            age_groups: age::AGE_GROUPS
                .iter()
                .filter_map(|&(from, to, id)| Some((from, to, taxonomy.index_of(id)?)))
                .collect(),
            infant_group: taxonomy.index_of(age::INFANT_AGE_GROUP),
            practice: entries.iter().map(|e| e.group == PRACTICE_GROUP).collect(),
        }
    }

    /// Tags a passage (a page, paragraph or recommendation) taken from a section of this kind.
    pub fn classify(&self, text: &str, section: SectionKind) -> Tags {
        let tokens = token::tokenize(text);
        let factor = section_weight(section);
        // Tally in plain numbers and build `EntryScore`s (which own their id) only for the few
        // entries with evidence: this runs on every page, and the taxonomy has ~110 entries.
        let mut tallies = vec![Tally::default(); self.ids.len()];
        for age in age::ages(&tokens, &self.age_groups, self.infant_group) {
            let tally = &mut tallies[age.entry];
            tally.has_evidence = true;
            tally.n_matches += 1;
            tally.score += AGE * factor;
        }
        for ev in self.evidence(&tokens) {
            let tally = &mut tallies[ev.entry];
            tally.has_evidence = true;
            match ev.status {
                Status::Counted => {
                    tally.n_matches += 1;
                    tally.score += ev.base_weight * factor;
                }
                Status::Negated => tally.n_negated += 1,
                Status::Excluded => tally.n_excluded += 1,
            }
        }
        for tally in &mut tallies {
            tally.tagged = factor > 0.0 && tally.score >= THRESHOLD;
        }
        // Ancestors first, so that a component tagged through a child counts for its composite;
        // then composites; then ancestors again for anything the composites added.
        self.tag_ancestors(&mut tallies);
        self.tag_composites(&mut tallies);
        self.tag_ancestors(&mut tallies);
        let scores = tallies
            .iter()
            .zip(&self.ids)
            .filter(|(tally, _)| tally.has_evidence || tally.tagged)
            .map(|(tally, id)| EntryScore {
                id: id.clone(),
                n_matches: tally.n_matches,
                n_negated: tally.n_negated,
                n_excluded: tally.n_excluded,
                score: tally.score,
                tagged: tally.tagged,
            })
            .collect();
        Tags { scores }
    }

    /// Returns every match in `text` that counts as evidence, as the entry id and the matched
    /// words: what a developer reads to see *why* a passage carries a tag.
    pub fn explain(&self, text: &str) -> Vec<(EntryId, String)> {
        let tokens = token::tokenize(text);
        self.evidence(&tokens)
            .into_iter()
            .filter(|ev| ev.status == Status::Counted)
            .map(|ev| {
                let words: Vec<&str> =
                    tokens[ev.start..ev.end].iter().map(|t| t.raw.as_str()).collect();
                (self.ids[ev.entry].clone(), words.join(" "))
            })
            .collect()
    }

    /// Returns every match in `text` that counts as evidence, with the byte range of its words
    /// in `text`: what a reader is shown to see why a unit carries a tag.
    pub fn matches(&self, text: &str) -> Vec<Match> {
        let tokens = token::tokenize(text);
        let ages = age::ages(&tokens, &self.age_groups, self.infant_group)
            .into_iter()
            .map(|a| (a.entry, a.start, a.end));
        let words = self
            .evidence(&tokens)
            .into_iter()
            .filter(|ev| ev.status == Status::Counted)
            .map(|ev| (ev.entry, ev.start, ev.end));
        let mut out: Vec<Match> = ages
            .chain(words)
            .filter(|&(_, start, end)| end > start)
            .map(|(entry, start, end)| Match {
                entry: self.ids[entry].clone(),
                span: (tokens[start].span.0, tokens[end - 1].span.1),
            })
            .collect();
        out.sort_by_key(|m| m.span);
        out
    }

    /// Returns the kind of the entry at a taxonomy position.
    pub(super) fn kind_of(&self, entry: usize) -> Kind {
        self.kinds[entry]
    }

    /// Returns the taxonomy position of the entry `id`, if any.
    pub(super) fn position_of(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|known| known.as_str() == id)
    }

    /// Returns the id of the entry at a taxonomy position.
    pub(super) fn id_of(&self, entry: usize) -> &EntryId {
        &self.ids[entry]
    }

    /// Returns the ancestors of the entry at a taxonomy position, nearest first.
    pub(super) fn ancestors_of(&self, entry: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut current = self.parents[entry];
        while let Some(parent) = current {
            if out.len() > self.parents.len() {
                break;
            }
            out.push(parent);
            current = self.parents[parent];
        }
        out
    }

    /// Finds the evidence in a token sequence, one item per non-overlapping match and entry.
    pub(super) fn evidence(&self, tokens: &[Token]) -> Vec<Evidence> {
        let hits = self.index.find(tokens);
        let exclusions: Vec<(usize, usize, usize)> = hits
            .iter()
            .map(|hit| (self.index.phrase(hit.phrase), hit))
            .filter(|(phrase, _)| phrase.role == Role::Exclude)
            .map(|(phrase, hit)| (phrase.entry, hit.start, hit.end))
            .collect();
        let mut found: Vec<Evidence> = Vec::new();
        for hit in &hits {
            let phrase = self.index.phrase(hit.phrase);
            if let Role::Ambiguous(rule) = phrase.role {
                if !self.index.context_is_near(rule, tokens, hit.start, hit.end, CONTEXT_WINDOW) {
                    continue;
                }
            } else if phrase.role == Role::Exclude {
                continue;
            }
            let excluded = exclusions.iter().any(|&(entry, start, end)| {
                entry == phrase.entry && start <= hit.start && hit.end <= end
            });
            let status = if excluded {
                Status::Excluded
            } else if self.is_assertion(phrase.entry) && self.is_negated(tokens, hit.start) {
                Status::Negated
            } else {
                Status::Counted
            };
            let base_weight = if phrase.abbreviation {
                ABBREVIATION
            } else if phrase.stems.len() >= 2 {
                MULTI_WORD
            } else {
                SINGLE_WORD
            };
            found.push(Evidence {
                entry: phrase.entry,
                start: hit.start,
                end: hit.end,
                base_weight,
                status,
            });
        }
        // Overlapping matches of one entry are one piece of evidence ("mother's mental health"
        // contains "mental health"): keep the longest match that starts first.
        found.sort_by(|a, b| {
            (a.entry, a.status != Status::Counted, a.start, b.end).cmp(&(
                b.entry,
                b.status != Status::Counted,
                b.start,
                a.end,
            ))
        });
        let mut kept: Vec<Evidence> = Vec::with_capacity(found.len());
        for ev in found {
            let overlaps = kept
                .iter()
                .rev()
                .take_while(|k| k.entry == ev.entry)
                .any(|k| ev.start < k.end && k.start < ev.end);
            if !overlaps {
                kept.push(ev);
            }
        }
        kept
    }

    /// Returns whether a match of this entry asserts something that can be negated.
    ///
    /// Harms and risk factors are asserted ("no evidence of neglect"); agencies and review types
    /// are only named, and "he was not known to the health visitor" still names health visiting.
    /// Practice themes are not negated either: what practitioners did *not* do is the learning
    /// ("adult services did not think family", "there was no escalation").
    fn is_assertion(&self, entry: usize) -> bool {
        matches!(self.kinds[entry], Kind::Theme | Kind::Risk) && !self.practice[entry]
    }

    /// Returns whether a negating cue ends shortly before token `start` in the same clause.
    fn is_negated(&self, tokens: &[Token], start: usize) -> bool {
        let clause = tokens[start].clause;
        self.negation_cues.iter().any(|(cue, max_gap)| {
            (0..=*max_gap).any(|gap| {
                let Some(cue_start) = start.checked_sub(gap + cue.len()) else {
                    return false;
                };
                tokens[cue_start].clause == clause
                    && cue
                        .iter()
                        .zip(&tokens[cue_start..cue_start + cue.len()])
                        .all(|(c, t)| *c == t.stem)
            })
        })
    }

    fn tag_ancestors(&self, scores: &mut [Tally]) {
        for entry in 0..scores.len() {
            if !scores[entry].tagged {
                continue;
            }
            let child_score = scores[entry].score;
            for ancestor in self.ancestors_of(entry) {
                scores[ancestor].tagged = true;
                scores[ancestor].score = scores[ancestor].score.max(child_score);
            }
        }
    }

    fn tag_composites(&self, scores: &mut [Tally]) {
        for (entry, components) in self.components.iter().enumerate() {
            if components.is_empty() || !components.iter().all(|&c| scores[c].tagged) {
                continue;
            }
            let weakest = components.iter().map(|&c| scores[c].score).fold(f32::INFINITY, f32::min);
            scores[entry].tagged = true;
            scores[entry].score = scores[entry].score.max(weakest);
        }
    }
}

#[cfg(test)]
#[path = "classify_tests.rs"]
mod tests;
