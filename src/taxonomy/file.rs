//! The `taxonomy.toml` file format: deserialisation and validation into [`Entry`] values.
//!
//! The file is read into private `Raw*` structs and converted field by field, so that the public
//! types carry no serde and every problem is reported with the entry and field at fault.

use std::collections::HashSet;

use serde::Deserialize;

use super::entry::{AppliesTo, ContextRule, Entry, EntryId, Kind};
use super::error::TaxonomyError;
use super::token;

/// The shape of the TOML file: an array of `[[entry]]` tables.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    entry: Vec<RawEntry>,
}

/// One `[[entry]]` table as written; see the header of `taxonomy.toml` for the fields.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    kind: String,
    group: String,
    label: String,
    description: String,
    #[serde(default)]
    synonyms: Vec<String>,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    components: Vec<String>,
    #[serde(default, rename = "match")]
    match_phrases: Vec<String>,
    #[serde(default)]
    abbreviations: Vec<String>,
    #[serde(default)]
    exclude_contexts: Vec<String>,
    #[serde(default)]
    requires_context: Vec<RawContextRule>,
    #[serde(default)]
    applies_to: Option<String>,
    #[serde(default)]
    precedence: Option<u8>,
}

/// One `requires_context` item as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContextRule {
    phrase: String,
    near: Vec<String>,
    #[serde(default)]
    window: Option<usize>,
}

/// Parses `toml_text` and checks every rule, naming the entry and field at fault.
pub(super) fn parse_entries(toml_text: &str, origin: &str) -> Result<Vec<Entry>, TaxonomyError> {
    let file: RawFile = toml::from_str(toml_text).map_err(|err| TaxonomyError::Toml {
        origin: origin.to_owned(),
        message: err.to_string().trim_end().to_owned(),
    })?;
    let entries = file
        .entry
        .into_iter()
        .enumerate()
        .map(|(entry_idx, raw)| convert(raw, entry_idx, origin))
        .collect::<Result<Vec<Entry>, TaxonomyError>>()?;
    validate(&entries, origin)?;
    Ok(entries)
}

/// Converts one raw entry, parsing its ids and kind.
fn convert(raw: RawEntry, entry_idx: usize, origin: &str) -> Result<Entry, TaxonomyError> {
    // Until the id is known to be valid, the entry is named by its position in the file.
    let name = if EntryId::parse(&raw.id).is_ok() {
        raw.id.clone()
    } else {
        format!("#{}", entry_idx + 1)
    };
    let invalid = |field: &'static str, problem: String| TaxonomyError::Invalid {
        origin: origin.to_owned(),
        entry: name.clone(),
        field,
        problem,
    };
    let parse_id = |field: &'static str, id: &str| {
        EntryId::parse(id).map_err(|err| invalid(field, err.to_string()))
    };
    let kind = Kind::parse(&raw.kind).ok_or_else(|| {
        invalid(
            "kind",
            format!("unknown kind `{}`: expected review_type, theme, risk or agency", raw.kind),
        )
    })?;
    let applies_to = match raw.applies_to.as_deref() {
        None => AppliesTo::Unsaid,
        Some(value) => AppliesTo::parse(value).ok_or_else(|| {
            invalid(
                "applies_to",
                format!("unknown value `{value}`: expected children, adults or everyone"),
            )
        })?,
    };
    if raw.precedence.is_some() && kind != Kind::ReviewType {
        return Err(invalid("precedence", "only review types have a precedence".to_owned()));
    }
    Ok(Entry {
        applies_to,
        precedence: raw.precedence.unwrap_or(0),
        id: parse_id("id", &raw.id)?,
        kind,
        group: raw.group,
        label: raw.label,
        description: raw.description,
        synonyms: raw.synonyms,
        parent: raw.parent.as_deref().map(|p| parse_id("parent", p)).transpose()?,
        components: raw
            .components
            .iter()
            .map(|c| parse_id("components", c))
            .collect::<Result<_, _>>()?,
        match_phrases: raw.match_phrases,
        abbreviations: raw.abbreviations,
        exclude_contexts: raw.exclude_contexts,
        requires_context: raw
            .requires_context
            .into_iter()
            .map(|r| ContextRule { phrase: r.phrase, near: r.near, window: r.window })
            .collect(),
    })
}

fn validate(entries: &[Entry], origin: &str) -> Result<(), TaxonomyError> {
    let invalid = |entry: &Entry, field: &'static str, problem: String| TaxonomyError::Invalid {
        origin: origin.to_owned(),
        entry: entry.id.to_string(),
        field,
        problem,
    };
    let mut seen: HashSet<&str> = HashSet::new();
    for entry in entries {
        if !seen.insert(entry.id.as_str()) {
            return Err(invalid(entry, "id", "duplicate id".to_owned()));
        }
    }
    let find = |id: &EntryId| entries.iter().find(|e| e.id == *id);
    for entry in entries {
        if entry.label.trim().is_empty() {
            return Err(invalid(entry, "label", "empty label".to_owned()));
        }
        if entry.group.trim().is_empty() {
            return Err(invalid(entry, "group", "empty group".to_owned()));
        }
        if entry.description.trim().is_empty() {
            return Err(invalid(entry, "description", "empty description".to_owned()));
        }
        if let Some(parent_id) = &entry.parent {
            let Some(parent) = find(parent_id) else {
                return Err(invalid(entry, "parent", format!("unknown parent `{parent_id}`")));
            };
            if parent.kind != entry.kind {
                return Err(invalid(
                    entry,
                    "parent",
                    format!("parent `{parent_id}` is of another kind"),
                ));
            }
            // Walk up the chain: more steps than entries means the chain loops.
            let mut current = parent;
            for _ in 0..=entries.len() {
                match current.parent.as_ref().and_then(find) {
                    Some(next) if next.id == entry.id => {
                        return Err(invalid(
                            entry,
                            "parent",
                            "parent chain forms a cycle".to_owned(),
                        ));
                    }
                    Some(next) => current = next,
                    None => break,
                }
            }
        }
        for component in &entry.components {
            if component == &entry.id || find(component).is_none() {
                return Err(invalid(
                    entry,
                    "components",
                    format!("unknown component `{component}`"),
                ));
            }
        }
        check_phrases(&entry.synonyms).map_err(|p| invalid(entry, "synonyms", p))?;
        check_phrases(&entry.match_phrases).map_err(|p| invalid(entry, "match", p))?;
        check_phrases(&entry.exclude_contexts)
            .map_err(|p| invalid(entry, "exclude_contexts", p))?;
        for rule in &entry.requires_context {
            check_phrases(std::slice::from_ref(&rule.phrase))
                .and_then(|()| check_phrases(&rule.near))
                .map_err(|p| invalid(entry, "requires_context", p))?;
            if rule.near.is_empty() {
                return Err(invalid(
                    entry,
                    "requires_context",
                    format!("`{}` has no `near` phrases", rule.phrase),
                ));
            }
        }
        for abbreviation in &entry.abbreviations {
            let tokens = token::tokenize(abbreviation);
            if tokens.len() != 1 || tokens[0].raw != *abbreviation {
                return Err(invalid(
                    entry,
                    "abbreviations",
                    format!("`{abbreviation}` must be one word of letters and digits"),
                ));
            }
            // The matcher only looks up words with a capital letter; an all-lower-case word is an
            // ordinary phrase and belongs in `match`.
            if !abbreviation.bytes().any(|b| b.is_ascii_uppercase()) {
                return Err(invalid(
                    entry,
                    "abbreviations",
                    format!("`{abbreviation}` has no capital letter; put it in `match`"),
                ));
            }
        }
    }
    Ok(())
}

/// Checks that every phrase of a list yields at least one word once normalised.
fn check_phrases(phrases: &[String]) -> Result<(), String> {
    match phrases.iter().find(|p| token::tokenize(p).is_empty()) {
        Some(p) => Err(format!("phrase `{p}` has no words")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[entry]]
id = "health"
kind = "agency"
group = "agency"
label = "Health"
description = "Health services."

[[entry]]
id = "gp"
kind = "agency"
group = "agency"
label = "GP"
description = "General practice."
parent = "health"
abbreviations = ["GP"]
"#;

    /// Parses `GOOD` with one replacement applied and returns the error message, or "ok".
    fn check(from: &str, to: &str, expected: &str) {
        let text = GOOD.replacen(from, to, 1);
        let got = match parse_entries(&text, "test.toml") {
            Ok(_) => "ok".to_owned(),
            Err(err) => err.to_string(),
        };
        assert!(got.contains(expected), "expected {expected:?} in {got:?}");
    }

    #[test]
    fn valid_file_parses() {
        check("", "", "ok");
    }

    #[test]
    fn validation_errors_name_the_entry_and_field() {
        check("id = \"gp\"", "id = \"health\"", "entry `health`, field `id`: duplicate id");
        check(
            "parent = \"health\"",
            "parent = \"hospital\"",
            "entry `gp`, field `parent`: unknown parent `hospital`",
        );
        check("label = \"GP\"", "label = \" \"", "entry `gp`, field `label`: empty label");
        check(
            "parent = \"health\"",
            "components = [\"nhs\"]",
            "entry `gp`, field `components`: unknown component `nhs`",
        );
        check(
            "abbreviations = [\"GP\"]",
            "abbreviations = [\"G P\"]",
            "entry `gp`, field `abbreviations`",
        );
        check("abbreviations = [\"GP\"]", "abbreviations = [\"gp\"]", "has no capital letter");
        check(
            "group = \"agency\"\nlabel = \"GP\"",
            "group = \"\"\nlabel = \"GP\"",
            "entry `gp`, field `group`",
        );
    }

    #[test]
    fn bad_ids_kinds_and_unknown_fields_are_reported_with_the_file() {
        check(
            "id = \"gp\"",
            "id = \"General Practice\"",
            "test.toml: entry `#2`, field `id`: invalid entry id `General Practice`",
        );
        check(
            "kind = \"agency\"",
            "kind = \"agent\"",
            "entry `health`, field `kind`: unknown kind `agent`",
        );
        check(
            "parent = \"health\"",
            "parent = \"Health\"",
            "entry `gp`, field `parent`: invalid entry id",
        );
        check(
            "label = \"GP\"",
            "label = \"GP\"\nsynonym = [\"x\"]",
            "test.toml: invalid taxonomy toml",
        );
        check("label = \"GP\"", "label = \"GP\"\nsynonym = [\"x\"]", "unknown field `synonym`");
    }

    #[test]
    fn parent_cycle_is_rejected() {
        let text = GOOD.replacen(
            "description = \"Health services.\"",
            "description = \"Health.\"\nparent = \"gp\"",
            1,
        );
        let err = parse_entries(&text, "t").expect_err("cycle");
        assert!(err.to_string().contains("cycle"), "{err}");
    }

    #[test]
    fn names_lists_label_synonyms_and_abbreviations_once() {
        let entries = parse_entries(GOOD, "t").expect("valid");
        assert_eq!(entries[1].names(), ["GP"]);
        assert_eq!(entries[1].facet_path(), "/agency/gp");
    }
}
