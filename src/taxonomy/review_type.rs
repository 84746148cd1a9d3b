//! Review types named in text: what a title page, a listing's link text or a file name says a
//! document is.
//!
//! The names are the taxonomy's (label, synonyms, `match` phrases and abbreviations of each
//! `review_type` entry), so there is one vocabulary for the indexer's metadata, the listing
//! reader and the web's labels. Where names overlap, the longer one wins ("national child
//! safeguarding practice review" over "child safeguarding practice review", "serious case
//! review (adults)" over "serious case review"); a name inside one of the entry's
//! `exclude_contexts` does not count; and when a text names several types, the one with the
//! highest `precedence` is the document's (a 7-minute briefing on a rapid review is a briefing).

use super::Taxonomy;
use super::entry::{EntryId, Kind};
use super::token::{self, Token};

/// Review types of documents that draw their learning from other reviews (a thematic
/// briefing, a national analysis): their lists are not findings or recommendations of a
/// review of their own.
pub const DRAWS_ON_OTHER_REVIEWS: &[&str] = &["briefing", "national_analysis"];

/// Whether a review of type `id` states findings and recommendations of its own.
pub fn states_its_own_learning(id: Option<&str>) -> bool {
    !id.is_some_and(|id| DRAWS_ON_OTHER_REVIEWS.contains(&id))
}

/// The names of the taxonomy's review types, ready to find in text.
#[derive(Debug, Clone)]
pub struct ReviewTypes {
    names: Vec<Name>,
    excludes: Vec<(usize, Vec<String>)>,
    ids: Vec<(EntryId, u8)>,
}

/// One name of one type.
#[derive(Debug, Clone)]
struct Name {
    /// Index into `ids`.
    entry: usize,
    /// Stems of the name's words.
    stems: Vec<String>,
    /// For an abbreviation: the word as written, matched case-sensitively.
    abbreviation: Option<String>,
}

/// A review type named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeMention {
    /// The type.
    pub id: EntryId,
    /// Position of the name's first word among the text's words.
    pub word: usize,
    /// How many words the name has.
    pub len: usize,
}

impl ReviewTypes {
    /// Collects the names of every review type of `taxonomy`.
    pub fn new(taxonomy: &Taxonomy) -> ReviewTypes {
        let mut names = Vec::new();
        let mut excludes = Vec::new();
        let mut ids = Vec::new();
        for entry in taxonomy.by_kind(Kind::ReviewType) {
            let idx = ids.len();
            ids.push((entry.id.clone(), entry.precedence));
            let phrases = std::iter::once(&entry.label)
                .chain(&entry.synonyms)
                .chain(&entry.match_phrases)
                .filter(|p| !entry.is_abbreviation(p));
            for phrase in phrases {
                let stems = token::stems(phrase);
                if !stems.is_empty() {
                    names.push(Name { entry: idx, stems, abbreviation: None });
                }
            }
            for abbr in &entry.abbreviations {
                names.push(Name {
                    entry: idx,
                    stems: token::stems(abbr),
                    abbreviation: Some(abbr.clone()),
                });
            }
            for context in &entry.exclude_contexts {
                excludes.push((idx, token::stems(context)));
            }
        }
        ReviewTypes { names, excludes, ids }
    }

    /// The review types of the built-in taxonomy, built once per process: for readers that
    /// work without a taxonomy at hand (the listing reader).
    pub fn builtin() -> &'static ReviewTypes {
        static TYPES: std::sync::OnceLock<ReviewTypes> = std::sync::OnceLock::new();
        TYPES.get_or_init(|| ReviewTypes::new(Taxonomy::builtin_shared()))
    }

    /// Every review type named in `text`, in order. `any_case` also accepts abbreviations in
    /// lower case, as file names write them ("child-d-scr-2014").
    pub fn mentions(&self, text: &str, any_case: bool) -> Vec<TypeMention> {
        let tokens = token::tokenize(text);
        let mut found: Vec<(usize, usize, usize)> = Vec::new(); // entry, start, len
        for name in &self.names {
            for start in 0..tokens.len() {
                if self.matches(name, &tokens[start..], any_case)
                    && !self.excluded(name.entry, &tokens, start, name.stems.len())
                {
                    found.push((name.entry, start, name.stems.len()));
                }
            }
        }
        // The longest name wins where names overlap.
        found.sort_by_key(|&(_, start, len)| (std::cmp::Reverse(len), start));
        let mut taken: Vec<(usize, usize, usize)> = Vec::new();
        for f in found {
            let overlaps = taken.iter().any(|t| f.1 < t.1 + t.2 && t.1 < f.1 + f.2);
            if !overlaps {
                taken.push(f);
            }
        }
        taken.sort_by_key(|&(_, start, _)| start);
        taken
            .into_iter()
            .map(|(entry, word, len)| TypeMention { id: self.ids[entry].0.clone(), word, len })
            .collect()
    }

    /// The type `text` names: of the types named, the one of highest precedence.
    pub fn named_in(&self, text: &str, any_case: bool) -> Option<EntryId> {
        self.strongest(&self.mentions(text, any_case))
    }

    /// Of `mentions`, the type of highest precedence (the first named among equals).
    pub fn strongest(&self, mentions: &[TypeMention]) -> Option<EntryId> {
        let precedence =
            |id: &EntryId| self.ids.iter().find(|(i, _)| i == id).map_or(0, |(_, p)| *p);
        mentions
            .iter()
            .enumerate()
            .max_by_key(|(i, m)| (precedence(&m.id), std::cmp::Reverse(*i)))
            .map(|(_, m)| m.id.clone())
    }

    fn matches(&self, name: &Name, tokens: &[Token], any_case: bool) -> bool {
        if tokens.len() < name.stems.len() {
            return false;
        }
        match &name.abbreviation {
            Some(abbr) => {
                let raw = &tokens[0].raw;
                let plural = raw.strip_suffix('s').is_some_and(|r| r == abbr);
                raw == abbr || plural || any_case && raw.eq_ignore_ascii_case(abbr)
            }
            None => name.stems.iter().zip(tokens).all(|(s, t)| *s == t.stem),
        }
    }

    /// Whether the name at `start..start + len` lies inside one of its entry's excluded
    /// contexts.
    fn excluded(&self, entry: usize, tokens: &[Token], start: usize, len: usize) -> bool {
        self.excludes.iter().filter(|(e, _)| *e == entry).any(|(_, context)| {
            let n = context.len();
            n >= len
                && ((start + len).saturating_sub(n)..=start).any(|at| {
                    at + n <= tokens.len()
                        && context.iter().zip(&tokens[at..at + n]).all(|(c, t)| *c == t.stem)
                })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<&str>) {
        let types = ReviewTypes::new(&Taxonomy::builtin());
        assert_eq!(types.named_in(text, false).as_ref().map(EntryId::as_str), expected, "{text:?}");
    }

    #[test]
    fn the_most_specific_name_wins() {
        check("Serious Case Review: Child D", Some("scr"));
        check("Serious Case Review (Adults): Mrs M", Some("sar"));
        check(
            "Safeguarding children who are educated at home: a national child safeguarding practice review",
            Some("national_review"),
        );
        check("Child Safeguarding Practice Review Panel", None);
        check("Local Child Safeguarding Practice Review: Ezra", Some("lcspr"));
        check("Adolygiad Ymarfer Oedolion / Extended Adult Practice Review", Some("cpr_apr"));
        check("Case Management Review: Child O", Some("cmr"));
        check("7-minute briefing: Baby Noah. Learning from a rapid review", Some("briefing"));
        check("Thematic Safeguarding Adults Review: five people", Some("sar"));
        check("A thematic review of neglect", Some("learning_review"));
        check("Domestic Homicide Review into the death of Joanne", Some("dhr"));
        check("Significant Case Review: Baby G", Some("scr"));
        check("Learning Review: Ailsa", Some("learning_review"));
        check("The review of our services", None);
    }

    #[test]
    fn abbreviations_keep_their_case_unless_asked() {
        let types = ReviewTypes::new(&Taxonomy::builtin());
        assert_eq!(
            types.named_in("LCSPR Child K", false).map(|i| i.to_string()).as_deref(),
            Some("lcspr")
        );
        assert_eq!(types.named_in("child-k-lcspr-2021", false), None);
        assert_eq!(
            types.named_in("child-k-lcspr-2021", true).map(|i| i.to_string()).as_deref(),
            Some("lcspr")
        );
        assert_eq!(
            types.named_in("SARs published", false).map(|i| i.to_string()).as_deref(),
            Some("sar")
        );
    }
}
