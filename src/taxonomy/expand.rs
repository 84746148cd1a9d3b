//! Query expansion: a query that names a taxonomy entry also searches the entry's other names.
//!
//! tantivy has no synonyms, so the search layer asks this index which runs of query terms are
//! names of an entry ("domestic violence", "DA", "neglect") and adds the other names as phrases,
//! so that the UI can say "also searched: domestic abuse, DA, coercive control".

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::Taxonomy;
use super::entry::{Entry, EntryId};
use super::token;

/// The most other names added for one matched entry, so one word does not explode the query.
pub const MAX_EXPANSIONS_PER_ENTRY: usize = 8;

/// The longest run of query terms tried as one name.
const MAX_RUN: usize = 6;

/// Function words: an abbreviation spelled like one of these never expands (a query "OR" or "it"
/// is an operator or a pronoun, not an acronym).
const STOP_WORDS: &[&str] = &[
    "a", "all", "an", "and", "any", "are", "as", "at", "be", "but", "by", "can", "did", "do",
    "for", "from", "has", "have", "he", "her", "his", "if", "in", "into", "is", "it", "its", "may",
    "no", "not", "of", "on", "or", "she", "so", "than", "that", "the", "their", "them", "there",
    "they", "this", "to", "us", "was", "we", "were", "what", "when", "which", "who", "will",
    "with", "you",
];

/// Ordinary English words that are also abbreviations in the taxonomy: they expand only when
/// typed in the abbreviation's own case ("SEND", not "send"), and are never *added* to a query,
/// because the search index lower-cases them into the common word.
const COMMON_WORDS: &[&str] = &[
    "sin", "send", "mash", "sen", "lac", "meh", "caf", "cap", "aid", "act", "care", "ward", "nice",
    "prevent", "dols", "taf",
];

/// One expansion: a run of query terms that names an entry, and the other names to search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    /// The positions of the query terms that were matched.
    pub terms: Range<usize>,
    /// The entry named by those terms.
    pub entry: EntryId,
    /// The entry's name that matched, as written in the taxonomy.
    pub matched: String,
    /// The other names of the entry, to be searched as phrases too (at most
    /// [`MAX_EXPANSIONS_PER_ENTRY`]).
    pub also: Vec<String>,
}

/// The names of all entries, indexed for query expansion.
#[derive(Debug, Clone)]
pub struct SynonymIndex {
    /// Multi-word and ordinary names by their stems.
    by_stems: HashMap<Vec<String>, Vec<(usize, String)>>,
    /// Abbreviations by their lower-case form, with the exact spelling.
    by_abbreviation: HashMap<String, Vec<(usize, String)>>,
    ids: Vec<EntryId>,
    /// For each entry, its names in order (label, synonyms, abbreviations).
    names: Vec<Vec<String>>,
    /// For each entry, the initials of its label ("da" for "Domestic abuse").
    label_initials: Vec<String>,
}

impl SynonymIndex {
    /// Indexes the names of every entry of `taxonomy`.
    pub fn new(taxonomy: &Taxonomy) -> SynonymIndex {
        let mut by_stems: HashMap<Vec<String>, Vec<(usize, String)>> = HashMap::new();
        let mut by_abbreviation: HashMap<String, Vec<(usize, String)>> = HashMap::new();
        for (entry_idx, entry) in taxonomy.entries().iter().enumerate() {
            for name in entry.names() {
                if entry.is_abbreviation(name) {
                    by_abbreviation
                        .entry(name.to_lowercase())
                        .or_default()
                        .push((entry_idx, name.to_owned()));
                } else {
                    by_stems
                        .entry(token::stems(name))
                        .or_default()
                        .push((entry_idx, name.to_owned()));
                }
            }
        }
        SynonymIndex {
            by_stems,
            by_abbreviation,
            ids: taxonomy.entries().iter().map(|e| e.id.clone()).collect(),
            names: taxonomy.entries().iter().map(search_names).collect(),
            label_initials: taxonomy.entries().iter().map(|e| initials(&e.label)).collect(),
        }
    }

    /// Finds the runs of `terms` (words or quoted phrases, already split) that name an entry.
    ///
    /// The longest run wins and runs do not overlap. A quoted phrase is matched as a whole.
    pub fn expand(&self, terms: &[&str]) -> Vec<Expansion> {
        let term_stems: Vec<Vec<String>> = terms.iter().map(|t| token::stems(t)).collect();
        let mut out = Vec::new();
        let mut start = 0;
        while start < terms.len() {
            let longest = (start + 1..=(start + MAX_RUN).min(terms.len())).rev().find_map(|end| {
                let hits = self.lookup(&terms[start..end], &term_stems[start..end]);
                (!hits.is_empty()).then_some((end, hits))
            });
            match longest {
                Some((end, hits)) => {
                    for (entry_idx, matched) in hits {
                        out.push(self.expansion(start..end, entry_idx, matched));
                    }
                    start = end;
                }
                None => start += 1,
            }
        }
        out
    }

    /// Returns the entries (and matched names) named by exactly this run of terms.
    fn lookup(&self, terms: &[&str], stems: &[Vec<String>]) -> Vec<(usize, String)> {
        let joined: Vec<String> = stems.iter().flatten().cloned().collect();
        if joined.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(usize, String)> =
            self.by_stems.get(&joined).cloned().unwrap_or_default();
        if let [term] = terms {
            let typed = term.trim();
            let lower = typed.to_lowercase();
            let abbreviations = self.by_abbreviation.get(&lower).into_iter().flatten();
            for (entry_idx, spelling) in abbreviations {
                if abbreviation_applies(typed, spelling)
                    && !hits.iter().any(|(e, _)| e == entry_idx)
                {
                    hits.push((*entry_idx, spelling.clone()));
                }
            }
        }
        hits
    }

    fn expansion(&self, terms: Range<usize>, entry_idx: usize, matched: String) -> Expansion {
        let matched_stems = token::stems(&matched);
        // An abbreviation of something narrower than the entry ("MARAC", under multi-agency
        // working) stands for its long form only, not for the entry's other names ("strategy
        // discussion"); one of the entry's own label ("DA") stands for the whole entry.
        let spelled = matched.to_lowercase();
        let narrower = matched.chars().all(|c| !c.is_lowercase())
            && self.label_initials[entry_idx] != spelled
            && self.names[entry_idx].iter().any(|name| initials(name) == spelled);
        let also = self.names[entry_idx]
            .iter()
            .filter(|name| !narrower || initials(name) == spelled)
            .filter(|name| token::stems(name) != matched_stems)
            .filter(|name| !COMMON_WORDS.contains(&name.to_lowercase().as_str()))
            .take(MAX_EXPANSIONS_PER_ENTRY)
            .cloned()
            .collect();
        Expansion { terms, entry: self.ids[entry_idx].clone(), matched, also }
    }
}

/// Returns the names of an entry worth adding to a query: the label (unless it joins several
/// names, like "Supervision and management oversight"), the synonyms and the abbreviations.
fn search_names(entry: &Entry) -> Vec<String> {
    let label = &entry.label;
    let is_compound =
        label.contains([',', '(', '/']) || label.contains(" and ") || label.contains(" or ");
    let mut seen = HashSet::new();
    (!is_compound)
        .then_some(label)
        .into_iter()
        .chain(&entry.synonyms)
        .chain(&entry.abbreviations)
        .filter(|name| seen.insert(token::stems(name)))
        .cloned()
        .collect()
}

/// The initials of a name's words, lower case, without short function words: "Multi-agency
/// risk assessment conference" → "marac", "Sudden unexpected death in infancy" → "sudi".
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|word| !word.is_empty() && !matches!(*word, "in" | "of" | "and" | "the" | "for"))
        .filter_map(|word| word.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Decides whether a typed query term stands for the abbreviation `spelling`.
///
/// Users type abbreviations in lower case ("da", "camhs"), so case is ignored, except for
/// abbreviations that are also English words: a function word never expands, and a common word
/// expands only in the abbreviation's own case.
fn abbreviation_applies(typed: &str, spelling: &str) -> bool {
    let lower = typed.to_lowercase();
    if STOP_WORDS.contains(&lower.as_str()) {
        return false;
    }
    if COMMON_WORDS.contains(&lower.as_str()) {
        return typed == spelling;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand(terms: &[&str]) -> Vec<Expansion> {
        SynonymIndex::new(&Taxonomy::builtin()).expand(terms)
    }

    /// Checks the entries matched by `terms`, as `id@start..end`.
    fn check(terms: &[&str], expected: &[&str]) {
        let got: Vec<String> = expand(terms)
            .iter()
            .map(|e| format!("{}@{}..{}", e.entry, e.terms.start, e.terms.end))
            .collect();
        assert_eq!(got, expected, "terms: {terms:?}");
    }

    #[test]
    fn two_word_run_expands_domestic_violence() {
        check(&["domestic", "violence"], &["domestic_abuse@0..2"]);
        let expansion = &expand(&["domestic", "violence"])[0];
        assert!(expansion.also.contains(&"Domestic abuse".to_owned()), "{:?}", expansion.also);
        assert!(expansion.also.contains(&"DA".to_owned()));
        assert!(!expansion.also.contains(&"domestic violence".to_owned()));
        assert!(expansion.also.len() <= MAX_EXPANSIONS_PER_ENTRY);
    }

    #[test]
    fn quoted_phrase_and_abbreviation_expand() {
        check(&["\"domestic violence\"", "neglect"], &["domestic_abuse@0..1", "neglect@1..2"]);
        check(&["DA"], &["domestic_abuse@0..1"]);
        check(&["da"], &["domestic_abuse@0..1"]);
        let also = &expand(&["DA"])[0].also;
        assert!(
            also.contains(&"domestic violence".to_owned())
                && also.contains(&"coercive control".to_owned())
        );
    }

    #[test]
    fn neglect_expands_but_not_into_self_neglect() {
        check(&["neglect"], &["neglect@0..1"]);
        check(&["self", "neglect"], &["self_neglect@0..2"]);
        check(
            &["disguised", "compliance", "neglect"],
            &["disguised_compliance@0..2", "neglect@2..3"],
        );
    }

    #[test]
    fn common_words_expand_only_in_abbreviation_case() {
        check(&["send"], &[]);
        check(&["SEND"], &["disabled_children@0..1"]);
        check(&["camhs"], &["mental_health_services@0..1"]);
        check(&["the", "and", "or"], &[]);
    }

    #[test]
    fn stop_words_never_expand() {
        assert!(!abbreviation_applies("OR", "OR"));
        assert!(!abbreviation_applies("it", "IT"));
        assert!(abbreviation_applies("icb", "ICB"));
    }

    #[test]
    fn compound_labels_are_not_searched_as_phrases() {
        let expansion = &expand(&["escalation"])[0];
        assert_eq!(expansion.entry.as_str(), "escalation");
        assert!(!expansion.also.iter().any(|n| n.contains(" and ")), "{:?}", expansion.also);
        assert!(expansion.also.contains(&"professional challenge".to_owned()));
        check(&["poverty"], &["poverty@0..1"]);
        check(&["suicide", "and", "self-harm"], &["suicide_self_harm@0..3"]);
    }

    #[test]
    fn expansion_never_adds_common_word_abbreviations() {
        let expansion = &expand(&["rapid", "review"])[0];
        assert!(!expansion.also.iter().any(|n| n == "SIN"), "{:?}", expansion.also);
    }

    #[test]
    fn an_abbreviation_of_something_narrower_expands_to_its_long_form_only() {
        let marac = &expand(&["MARAC"])[0];
        assert_eq!(marac.entry.as_str(), "multi_agency_working");
        assert_eq!(marac.also.len(), 1, "{:?}", marac.also);
        assert_eq!(initials(&marac.also[0]), "marac");
        // The entry's own abbreviation still stands for all of it.
        assert!(expand(&["DA"])[0].also.len() > 2);
        assert!(expand(&["CSE"])[0].also.iter().any(|n| initials(n) != "cse"));
        assert_eq!(initials("Sudden unexpected death in infancy"), "sudi");
    }
}
