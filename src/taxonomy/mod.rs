//! The taxonomy of safeguarding case reviews: review types, themes, risk factors and agencies.
//!
//! The data lives in `taxonomy.toml` (compiled in as the default, replaceable by the user). This
//! module loads and validates it; [`Classifier`] tags text with its entries, [`SynonymIndex`]
//! expands search queries with their names, and [`strength`] / [`Classifier::addressees`] read
//! recommendations.
//!
//! ```
//! # use casebook::taxonomy::{Classifier, SectionKind, Taxonomy};
//! let taxonomy = Taxonomy::builtin();
//! let classifier = Classifier::new(&taxonomy);
//! let tags = classifier.classify("Finding 2: the neglect of the children was missed.", SectionKind::Findings);
//! assert!(tags.is_tagged("neglect"));
//! assert_eq!(taxonomy.get("neglect").map(|e| e.facet_path()), Some("/theme/neglect".to_owned()));
//! ```

mod age;
mod classify;
mod entry;
mod error;
mod expand;
mod file;
mod phrase;
mod recommendation;
mod review_type;
mod section;
mod token;

use std::collections::HashMap;
use std::path::Path;

pub use self::classify::{
    ABBREVIATION, CONTEXT_WINDOW, Classifier, EntryScore, MULTI_WORD, Match, SINGLE_WORD,
    THRESHOLD, Tags, section_weight,
};
pub use self::entry::{AppliesTo, ContextRule, Entry, EntryId, Kind, Tag};
pub use self::error::TaxonomyError;
pub use self::expand::{Expansion, MAX_EXPANSIONS_PER_ENTRY, SynonymIndex};
pub use self::recommendation::{Strength, strength};
pub use self::review_type::{
    DRAWS_ON_OTHER_REVIEWS, ReviewTypes, TypeMention, states_its_own_learning,
};
pub use self::section::SectionKind;

/// The TOML text of the built-in taxonomy.
pub const DEFAULT_TAXONOMY_TOML: &str = include_str!("taxonomy.toml");

/// A validated set of taxonomy entries with look-ups by id, kind and hierarchy.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    entries: Vec<Entry>,
    by_id: HashMap<EntryId, usize>,
}

impl Taxonomy {
    /// Returns the built-in taxonomy compiled from `taxonomy.toml`.
    ///
    /// # Panics
    ///
    /// Only if the compiled-in file is invalid, which the unit test
    /// `builtin_taxonomy_loads_and_validates` rules out before any release.
    pub fn builtin() -> Taxonomy {
        // The built-in file is part of the source tree and a unit test loads it, so a failure here
        // is a build defect rather than a runtime condition worth threading through callers.
        Self::parse(DEFAULT_TAXONOMY_TOML, "built-in taxonomy")
            .expect("built-in taxonomy.toml is valid")
    }

    /// The built-in taxonomy, parsed once per process: for look-ups where no other taxonomy is
    /// at hand (the profile's groups, the listing reader's review types).
    pub fn builtin_shared() -> &'static Taxonomy {
        static BUILTIN: std::sync::OnceLock<Taxonomy> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Taxonomy::builtin)
    }

    /// Parses and validates a taxonomy from TOML text.
    pub fn from_toml_str(toml_text: &str) -> Result<Taxonomy, TaxonomyError> {
        Self::parse(toml_text, "taxonomy")
    }

    /// Reads, parses and validates a taxonomy file.
    pub fn from_path(path: &Path) -> Result<Taxonomy, TaxonomyError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| TaxonomyError::Io { path: path.to_owned(), source })?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Returns all entries in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every entry, in file order, in a stable encoding (see [`crate::encode`]): two
    /// taxonomies that tag alike encode alike, in every process and every version of the
    /// toolchain.
    pub fn encode(&self) -> String {
        let mut out = crate::encode::Encoder::new("taxonomy 1");
        out.number("entries", self.entries.len() as u64);
        for entry in &self.entries {
            entry.encode(&mut out);
        }
        out.finish()
    }

    /// Returns the entry with this id, if any.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index_of(id).map(|idx| &self.entries[idx])
    }

    /// Returns the entries of one kind, in file order.
    pub fn by_kind(&self, kind: Kind) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(move |e| e.kind == kind)
    }

    /// Returns the entries whose parent is `id`.
    pub fn children<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| e.parent.as_ref().is_some_and(|p| p.as_str() == id))
    }

    /// Returns the parent, grandparent, … of `id`, nearest first (empty for unknown ids).
    pub fn ancestors(&self, id: &str) -> Vec<&Entry> {
        let mut out = Vec::new();
        let mut current = self.get(id);
        while let Some(parent) =
            current.and_then(|e| e.parent.as_ref()).and_then(|p| self.get(p.as_str()))
        {
            // Validation rejects cycles, but a bound keeps this loop finite whatever happens.
            if out.len() > self.entries.len() {
                break;
            }
            out.push(parent);
            current = Some(parent);
        }
        out
    }

    /// Returns the facet path of an entry (`/theme/neglect`), if the id is known.
    pub fn facet_path(&self, id: &str) -> Option<String> {
        self.get(id).map(Entry::facet_path)
    }

    /// Returns the entry at a facet path such as `/theme/neglect`, if the path names one.
    pub fn by_facet_path(&self, path: &str) -> Option<&Entry> {
        let tag = Tag::parse(path)?;
        self.get(tag.id).filter(|entry| entry.kind == tag.kind)
    }

    /// Returns the position of an entry in [`Taxonomy::entries`].
    fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    fn parse(toml_text: &str, origin: &str) -> Result<Taxonomy, TaxonomyError> {
        let entries = file::parse_entries(toml_text, origin)?;
        let by_id = entries.iter().enumerate().map(|(idx, e)| (e.id.clone(), idx)).collect();
        Ok(Taxonomy { entries, by_id })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the indexer's fingerprints hash: this literal changes only when the encoding is
    /// changed on purpose (and then its version in `Taxonomy::encode` goes up, which makes
    /// every index read its files again).
    #[test]
    fn a_taxonomy_has_a_fixed_encoding() {
        let taxonomy = Taxonomy::from_toml_str(
            r#"
[[entry]]
id = "neglect"
kind = "theme"
group = "harm"
label = "Neglect"
description = "Not meeting needs."
synonyms = ["chronic neglect"]
match = ["neglectful"]
requires_context = [{ phrase = "hungry", near = ["child"], window = 3 }]
"#,
        )
        .unwrap();
        assert_eq!(
            taxonomy.encode(),
            "encoding=10:taxonomy 1;entries#1;id=7:neglect;kind=5:theme;group=4:harm;\
             label=7:Neglect;description=18:Not meeting needs.;synonyms=[1]15:chronic neglect,;\
             parent=-;components=[0];match=[1]10:neglectful,;abbreviations=[0];\
             exclude_contexts=[0];requires_context#1;phrase=6:hungry;near=[1]5:child,;\
             window=1:3;applies_to=0:;precedence#0;"
        );
        assert_eq!(Taxonomy::builtin().encode(), Taxonomy::builtin().encode());
    }

    #[test]
    fn builtin_taxonomy_loads_and_validates() {
        let taxonomy = Taxonomy::from_toml_str(DEFAULT_TAXONOMY_TOML).expect("valid");
        assert!(taxonomy.entries().len() > 90);
    }

    #[test]
    fn builtin_taxonomy_contains_every_contract_id() {
        // The ids the gold files of `corpus/gold/` and `../shared/review-layouts/gold/` use:
        // renaming one breaks them.
        let ids = "scr lcspr national_review rapid_review sar dhr learning_review cpr_apr cmr briefing \
            national_analysis neglect physical_abuse nahi sexual_abuse emotional_abuse cse cce \
            extra_familial_harm online_harm hsb modern_slavery suicide_self_harm fii fgm \
            honour_based_abuse sudi financial_abuse psychological_abuse discriminatory_abuse \
            organisational_abuse self_neglect homelessness voice_of_child professional_curiosity \
            disguised_compliance rule_of_optimism start_again_syndrome information_sharing \
            risk_assessment decision_making thresholds escalation supervision drift_delay recording \
            think_family early_help engagement multi_agency_working pre_birth_assessment transitions \
            covid19 making_safeguarding_personal mental_capacity domestic_abuse parental_mental_health \
            parental_substance_misuse toxic_trio parental_learning_disability unseen_men young_parents \
            parental_criminality poverty housing_instability culture_faith_ethnicity babies_under_one \
            adolescents disabled_children child_mental_health looked_after missing_children \
            not_in_school young_carers private_fostering adult_learning_disability \
            adult_mental_illness adult_substance_dependence older_age_frailty \
            physical_disability_illness social_isolation care_and_support_needs board \
            childrens_social_care police health gp health_visiting midwifery hospital icb \
            school_nursing ambulance education probation youth_justice housing adult_social_care \
            mental_health_services substance_misuse_services voluntary_sector national_panel \
            government all_agencies";
        let taxonomy = Taxonomy::builtin();
        for id in ids.split_whitespace() {
            assert!(taxonomy.get(id).is_some(), "missing id {id}");
        }
        assert_eq!(
            ids.split_whitespace().count(),
            taxonomy.entries().len(),
            "ids added beyond the contract"
        );
    }

    #[test]
    fn lookups_follow_kind_and_hierarchy() {
        let taxonomy = Taxonomy::builtin();
        assert_eq!(taxonomy.facet_path("neglect").as_deref(), Some("/theme/neglect"));
        assert_eq!(taxonomy.facet_path("domestic_abuse").as_deref(), Some("/risk/domestic_abuse"));
        assert_eq!(taxonomy.facet_path("gp").as_deref(), Some("/agency/gp"));
        assert_eq!(taxonomy.facet_path("scr").as_deref(), Some("/type/scr"));
        assert_eq!(taxonomy.by_kind(Kind::ReviewType).count(), 11);
        let ancestors: Vec<&str> =
            taxonomy.ancestors("icb").iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ancestors, ["health"]);
        let children: Vec<&str> = taxonomy.children("health").map(|e| e.id.as_str()).collect();
        assert!(children.contains(&"gp") && children.contains(&"midwifery"), "{children:?}");
        assert_eq!(taxonomy.ancestors("nahi")[0].id.as_str(), "physical_abuse");
        assert!(taxonomy.ancestors("unknown_id").is_empty());
        assert_eq!(taxonomy.by_facet_path("/agency/gp").map(|e| e.id.as_str()), Some("gp"));
        assert!(taxonomy.by_facet_path("/theme/gp").is_none());
        assert!(taxonomy.by_facet_path("theme").is_none());
    }

    #[test]
    fn toml_syntax_error_names_the_origin() {
        let err = Taxonomy::from_toml_str("[[entry]\nid = ").expect_err("broken toml");
        assert!(err.to_string().starts_with("taxonomy: invalid taxonomy toml"), "{err}");
    }

    #[test]
    fn missing_file_is_an_io_error_naming_the_path() {
        let err =
            Taxonomy::from_path(Path::new("/nonexistent/taxonomy.toml")).expect_err("no file");
        assert!(err.to_string().contains("/nonexistent/taxonomy.toml"), "{err}");
    }
}
