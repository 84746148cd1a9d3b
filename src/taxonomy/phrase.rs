//! The compiled phrase index: every taxonomy phrase keyed by its first stem, for one-pass matching.
//!
//! Matching a page walks its tokens once; at each token a hash look-up yields the few phrases that
//! start with that stem, and each is compared word by word. There is no regular expression and no
//! per-entry scan, so the cost grows with the page, not with the size of the taxonomy.

use std::collections::HashSet;

use rustc_hash::FxHashMap;

use super::entry::Entry;
use super::token::{self, Token};

/// What a phrase does when it is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Role {
    /// The phrase is evidence for its entry.
    Evidence,
    /// The phrase is evidence only if a context phrase of the given rule is near.
    Ambiguous(usize),
    /// Evidence of the entry inside this phrase does not count.
    Exclude,
}

/// One compiled phrase.
#[derive(Debug, Clone)]
pub(super) struct Phrase {
    /// The position of the entry in the taxonomy.
    pub(super) entry: usize,
    /// What a match of the phrase means.
    pub(super) role: Role,
    /// The stems to match, or the exact abbreviation for abbreviations.
    pub(super) stems: Vec<String>,
    /// Whether the phrase is a case-sensitive abbreviation matched on raw tokens.
    pub(super) abbreviation: bool,
}

/// A phrase found in a token sequence, covering tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit {
    /// The index of the phrase in the index.
    pub(super) phrase: usize,
    /// The first token of the match.
    pub(super) start: usize,
    /// One past the last token of the match.
    pub(super) end: usize,
}

/// All phrases of a taxonomy, ready for matching.
#[derive(Debug, Clone, Default)]
pub(super) struct PhraseIndex {
    phrases: Vec<Phrase>,
    /// Phrases by their first stem. The maps are probed once per token of every page, where
    /// the standard library's flood-resistant hasher cost more than the look-up; their keys come
    /// from the taxonomy, not from a visitor.
    by_first_stem: FxHashMap<String, Vec<usize>>,
    by_abbreviation: FxHashMap<String, Vec<usize>>,
    /// For each context rule, the stems of its `near` phrases and its own window, if any.
    contexts: Vec<(Vec<Vec<String>>, Option<usize>)>,
}

/// The identity of a phrase, used to skip duplicates (a label repeated among the synonyms).
type PhraseKey = (usize, Role, Vec<String>, bool);

impl PhraseIndex {
    /// Compiles the matching rules of every entry.
    pub(super) fn new(entries: &[Entry]) -> PhraseIndex {
        let mut index = PhraseIndex::default();
        let mut seen: HashSet<PhraseKey> = HashSet::new();
        for (entry_idx, entry) in entries.iter().enumerate() {
            let evidence = std::iter::once(&entry.label)
                .chain(entry.synonyms.iter().filter(|s| !entry.is_abbreviation(s)))
                .chain(&entry.match_phrases);
            for phrase in evidence {
                index.add(&mut seen, entry_idx, Role::Evidence, token::stems(phrase), false);
            }
            for abbreviation in &entry.abbreviations {
                index.add(&mut seen, entry_idx, Role::Evidence, vec![abbreviation.clone()], true);
            }
            for phrase in &entry.exclude_contexts {
                index.add(&mut seen, entry_idx, Role::Exclude, token::stems(phrase), false);
            }
            for rule in &entry.requires_context {
                let rule_idx = index.contexts.len();
                index
                    .contexts
                    .push((rule.near.iter().map(|n| token::stems(n)).collect(), rule.window));
                index.add(
                    &mut seen,
                    entry_idx,
                    Role::Ambiguous(rule_idx),
                    token::stems(&rule.phrase),
                    false,
                );
            }
        }
        index
    }

    /// Returns the phrase with this index.
    pub(super) fn phrase(&self, phrase_idx: usize) -> &Phrase {
        &self.phrases[phrase_idx]
    }

    /// Finds every phrase occurrence in `tokens`, overlapping ones included.
    pub(super) fn find(&self, tokens: &[Token]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (start, tok) in tokens.iter().enumerate() {
            if let Some(candidates) = self.by_first_stem.get(tok.stem.as_str()) {
                for &phrase_idx in candidates {
                    let stems = &self.phrases[phrase_idx].stems;
                    let end = start + stems.len();
                    if end <= tokens.len()
                        && stems[1..].iter().zip(&tokens[start + 1..end]).all(|(s, t)| *s == t.stem)
                    {
                        hits.push(Hit { phrase: phrase_idx, start, end });
                    }
                }
            }
            // Abbreviations compare the raw word; a trailing lower-case "s" is a plural ("GPs").
            // Every abbreviation has a capital letter, so most words skip the look-up.
            if !tok.raw.bytes().any(|b| b.is_ascii_uppercase()) {
                continue;
            }
            let abbreviation_hits = self.by_abbreviation.get(tok.raw.as_str()).or_else(|| {
                tok.raw.strip_suffix('s').and_then(|singular| self.by_abbreviation.get(singular))
            });
            for &phrase_idx in abbreviation_hits.into_iter().flatten() {
                hits.push(Hit { phrase: phrase_idx, start, end: start + 1 });
            }
        }
        hits
    }

    /// Returns whether a `near` phrase of context rule `rule_idx` occurs within the rule's window
    /// (or `default_window`) tokens of the span `start..end`.
    pub(super) fn context_is_near(
        &self,
        rule_idx: usize,
        tokens: &[Token],
        start: usize,
        end: usize,
        default_window: usize,
    ) -> bool {
        let Some((near, window)) = self.contexts.get(rule_idx) else {
            return false;
        };
        let window = window.unwrap_or(default_window);
        let from = start.saturating_sub(window);
        let to = (end + window).min(tokens.len());
        near.iter().any(|stems| {
            (from..to).any(|pos| {
                let phrase_end = pos + stems.len();
                // The context must be outside the ambiguous phrase itself.
                let disjoint = phrase_end <= start || pos >= end;
                disjoint
                    && phrase_end <= to
                    && stems.iter().zip(&tokens[pos..phrase_end]).all(|(s, t)| *s == t.stem)
            })
        })
    }

    fn add(
        &mut self,
        seen: &mut HashSet<PhraseKey>,
        entry: usize,
        role: Role,
        stems: Vec<String>,
        abbreviation: bool,
    ) {
        let Some(first) = stems.first().cloned() else {
            return;
        };
        if !seen.insert((entry, role, stems.clone(), abbreviation)) {
            return;
        }
        let phrase_idx = self.phrases.len();
        self.phrases.push(Phrase { entry, role, stems, abbreviation });
        let map = if abbreviation { &mut self.by_abbreviation } else { &mut self.by_first_stem };
        map.entry(first).or_default().push(phrase_idx);
    }
}

#[cfg(test)]
mod tests {
    use super::super::Taxonomy;
    use super::*;

    fn matched_entries(text: &str) -> Vec<String> {
        let taxonomy = Taxonomy::builtin();
        let index = PhraseIndex::new(taxonomy.entries());
        let tokens = token::tokenize(text);
        let mut ids: Vec<String> = index
            .find(&tokens)
            .iter()
            .map(|hit| taxonomy.entries()[index.phrase(hit.phrase).entry].id.to_string())
            .collect();
        ids.dedup();
        ids
    }

    #[test]
    fn abbreviations_match_whole_words_case_sensitively() {
        assert!(matched_entries("history of DA").contains(&"domestic_abuse".to_owned()));
        assert!(!matched_entries("da data Dad").contains(&"domestic_abuse".to_owned()));
        assert!(matched_entries("two GPs").contains(&"gp".to_owned()));
    }

    #[test]
    fn phrases_match_across_hyphens_and_inflections() {
        assert!(matched_entries("co-sleeping").contains(&"sudi".to_owned()));
        assert!(matched_entries("sharing information").contains(&"information_sharing".to_owned()));
    }
}
