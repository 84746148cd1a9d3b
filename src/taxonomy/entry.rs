//! Taxonomy entries and their ids and kinds: the plain data the rest of the module works on.

use std::collections::HashSet;
use std::fmt;

use super::error::TaxonomyError;
use super::token;

/// The id of a taxonomy entry: lower_snake_case ASCII, as listed in the shared ids contract.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(String);

impl EntryId {
    /// Parses an id, accepting ASCII lower-case letters and digits joined by single underscores.
    pub fn parse(id: &str) -> Result<EntryId, TaxonomyError> {
        let well_formed = !id.is_empty()
            && id.split('_').all(|part| {
                !part.is_empty()
                    && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if well_formed {
            Ok(EntryId(id.to_owned()))
        } else {
            Err(TaxonomyError::BadId(id.to_owned()))
        }
    }

    /// Returns the id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for EntryId {
    type Err = TaxonomyError;

    fn from_str(id: &str) -> Result<EntryId, TaxonomyError> {
        EntryId::parse(id)
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for EntryId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for EntryId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// What an entry classifies; each kind is one facet root.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A kind of review (`/type/…`): SCR, LCSPR, SAR, DHR, …
    ReviewType,
    /// A harm type or practice theme (`/theme/…`).
    Theme,
    /// A parental, family, child or adult risk or vulnerability factor (`/risk/…`).
    Risk,
    /// An agency that recommendations address (`/agency/…`).
    Agency,
}

impl Kind {
    /// Every kind, in facet order.
    pub const ALL: [Kind; 4] = [Kind::ReviewType, Kind::Theme, Kind::Risk, Kind::Agency];

    /// Returns the first segment of the facet path for this kind (`type`, `theme`, `risk`, `agency`).
    pub fn facet_root(self) -> &'static str {
        match self {
            Kind::ReviewType => "type",
            Kind::Theme => "theme",
            Kind::Risk => "risk",
            Kind::Agency => "agency",
        }
    }

    /// Returns the kind whose facet root is `root` (`type`, `theme`, `risk`, `agency`).
    pub fn from_facet_root(root: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.facet_root() == root)
    }

    /// Whether tags of this kind say what a review is about (themes and risk factors), as
    /// against what kind of review it is or whom its recommendations address.
    pub fn is_subject(self) -> bool {
        matches!(self, Kind::Theme | Kind::Risk)
    }

    /// Returns the kind spelled as in `taxonomy.toml` (`review_type`, `theme`, `risk`, `agency`).
    pub fn parse(kind: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == kind)
    }

    /// Returns the kind as spelled in `taxonomy.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ReviewType => "review_type",
            Kind::Theme => "theme",
            Kind::Risk => "risk",
            Kind::Agency => "agency",
        }
    }
}

/// A tag as units and reviews carry it, read from its facet path in one place: the kind of
/// entry it names and the entry's id. Tags of other roots (`/strength/must`, `/recurrence/…`)
/// are not taxonomy tags and read as `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tag<'a> {
    /// What the entry classifies.
    pub kind: Kind,
    /// The entry's id (`neglect`).
    pub id: &'a str,
}

impl<'a> Tag<'a> {
    /// The tag at a facet path such as `/theme/neglect`.
    pub fn parse(path: &'a str) -> Option<Tag<'a>> {
        let (root, id) = path.strip_prefix('/')?.split_once('/')?;
        Some(Tag { kind: Kind::from_facet_root(root)?, id })
    }

    /// Whether a facet path names a subject of a review: a theme or a risk factor.
    pub fn is_subject_path(path: &str) -> bool {
        Tag::parse(path).is_some_and(|tag| tag.kind.is_subject())
    }

    /// Whether a facet path names an agency.
    pub fn is_agency_path(path: &str) -> bool {
        Tag::parse(path).is_some_and(|tag| tag.kind == Kind::Agency)
    }
}

/// Whom an entry can describe: a theme or risk factor defined for children only (the voice
/// of the child, parental mental health) or adults only (self-neglect), or anyone; for a
/// review type, whom the review is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AppliesTo {
    /// Children only.
    Children,
    /// Adults only.
    Adults,
    /// Children and adults alike.
    Everyone,
    /// Not said: for a review type, read from the review's text.
    #[default]
    Unsaid,
}

impl AppliesTo {
    /// Returns the value as written in `taxonomy.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            AppliesTo::Children => "children",
            AppliesTo::Adults => "adults",
            AppliesTo::Everyone => "everyone",
            AppliesTo::Unsaid => "",
        }
    }

    /// Parses a value as written in `taxonomy.toml`.
    pub fn parse(s: &str) -> Option<AppliesTo> {
        [AppliesTo::Children, AppliesTo::Adults, AppliesTo::Everyone]
            .into_iter()
            .find(|a| a.as_str() == s)
    }

    /// Whether an entry that applies to `self` may be said of a review about `subject`.
    pub fn fits(self, subject: AppliesTo) -> bool {
        !matches!(
            (self, subject),
            (AppliesTo::Children, AppliesTo::Adults) | (AppliesTo::Adults, AppliesTo::Children)
        )
    }
}

/// A word that counts as evidence only when one of the `near` phrases is close by.
///
/// "missing" alone is not a missing child, but "missing" near "police" or "episode" is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextRule {
    /// The ambiguous phrase.
    pub phrase: String,
    /// Phrases of which one must occur within `window` words before or after.
    pub near: Vec<String>,
    /// How many words either side to look; the classifier's default when absent.
    pub window: Option<usize>,
}

/// One entry of the taxonomy, with its names and tagging rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The stable id (`neglect`, `domestic_abuse`, `gp`).
    pub id: EntryId,
    /// The facet this entry belongs to.
    pub kind: Kind,
    /// A finer grouping for the UI ("harm", "practice", "family", "agency", …).
    pub group: String,
    /// The name shown in the UI.
    pub label: String,
    /// One or two sentences saying what the entry covers.
    pub description: String,
    /// Other names people write, including abbreviations; used for query expansion and matching.
    pub synonyms: Vec<String>,
    /// The broader entry this one belongs to (`gp` → `health`, `nahi` → `physical_abuse`).
    pub parent: Option<EntryId>,
    /// For composite entries, the entries that together make it up (the toxic trio).
    pub components: Vec<EntryId>,
    /// Extra phrases that count as evidence in text, beyond the label and synonyms.
    pub match_phrases: Vec<String>,
    /// Abbreviations matched case-sensitively as whole words ("DA" but not "da").
    pub abbreviations: Vec<String>,
    /// Phrases inside which a match does not count ("mental health trust").
    pub exclude_contexts: Vec<String>,
    /// Ambiguous phrases that count only near a context phrase.
    pub requires_context: Vec<ContextRule>,
    /// Whom the entry can describe; for a review type, whom the review is about.
    pub applies_to: AppliesTo,
    /// For a review type: when a text names several types, the one with the highest
    /// precedence is the document's (a briefing names the reviews it draws on; "thematic
    /// review" is a learning review unless a statutory type is named too).
    pub precedence: u8,
}

impl Entry {
    /// Returns the facet path of the entry (`/theme/neglect`, `/agency/gp`).
    pub fn facet_path(&self) -> String {
        format!("/{}/{}", self.kind.facet_root(), self.id)
    }

    /// Returns the label, synonyms and abbreviations, in that order, without names that differ
    /// only in case, hyphens or inflection ("Self-neglect", "self neglect").
    pub fn names(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        std::iter::once(self.label.as_str())
            .chain(self.synonyms.iter().map(String::as_str))
            .chain(self.abbreviations.iter().map(String::as_str))
            .filter(|name| seen.insert(token::stems(name)))
            .collect()
    }

    /// Returns whether `name` is one of this entry's case-sensitive abbreviations.
    pub fn is_abbreviation(&self, name: &str) -> bool {
        self.abbreviations.iter().any(|a| a == name)
    }

    /// Writes every field in a stable encoding (see [`crate::encode`]): what the indexer's
    /// fingerprints hash, so that a changed entry makes the next run read every file again.
    pub fn encode(&self, out: &mut crate::encode::Encoder) {
        let Entry {
            id,
            kind,
            group,
            label,
            description,
            synonyms,
            parent,
            components,
            match_phrases,
            abbreviations,
            exclude_contexts,
            requires_context,
            applies_to,
            precedence,
        } = self;
        out.field("id", id.as_str())
            .field("kind", kind.as_str())
            .field("group", group)
            .field("label", label)
            .field("description", description)
            .list("synonyms", synonyms)
            .optional("parent", parent.as_ref().map(EntryId::as_str))
            .list("components", components.iter().map(EntryId::as_str))
            .list("match", match_phrases)
            .list("abbreviations", abbreviations)
            .list("exclude_contexts", exclude_contexts)
            .number("requires_context", requires_context.len() as u64);
        for ContextRule { phrase, near, window } in requires_context {
            out.field("phrase", phrase)
                .list("near", near)
                .optional("window", window.map(|w| w.to_string()).as_deref());
        }
        out.field("applies_to", applies_to.as_str()).number("precedence", *precedence);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_id_parse_accepts_only_lower_snake_case() {
        for good in ["neglect", "toxic_trio", "covid19", "1_4"] {
            assert!(EntryId::parse(good).is_ok(), "{good}");
        }
        for bad in ["", "Neglect", "toxic-trio", "_a", "a_", "a__b", "a b", "é"] {
            assert!(EntryId::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn kinds_round_trip_through_their_names() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
            assert_eq!(Kind::from_facet_root(kind.facet_root()), Some(kind));
        }
        assert_eq!(Kind::parse("type"), None);
    }
}
