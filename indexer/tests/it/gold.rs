//! Findings, recommendations and themes read from the sample corpus, measured against the
//! hand-written gold files in `corpus/gold/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use casebook::{Provenance, Review, ReviewId, Sourced, Taxonomy};
use casebook_indexer::extract::extract_pdf;
use casebook_indexer::structure::{self, Item};
use casebook_indexer::units::Tagger;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Gold {
    #[serde(default)]
    themes: Vec<String>,
    #[serde(default)]
    risks: Vec<String>,
    /// Themes and risks a careful coder would accept either way (neither required nor
    /// penalised). Only the documents in further layouts have them: their gold was written as
    /// a coder would, the others' from the themes the generator planted.
    optional: Option<Vec<String>>,
    meta: GoldMeta,
    #[serde(default)]
    findings: Vec<GoldItem>,
    #[serde(default)]
    recommendations: Vec<GoldItem>,
}

#[derive(Debug, Deserialize)]
struct GoldMeta {
    #[serde(rename = "type")]
    review_type: String,
}

#[derive(Debug, Deserialize)]
struct GoldItem {
    number: String,
    page: u32,
    starts: String,
    /// The whole item, where the gold file gives it (the documents in further layouts).
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    agencies: Vec<String>,
    #[serde(default)]
    strength: Option<String>,
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")
}

/// Lower-case words only, so that punctuation and line breaks do not matter.
fn words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a unit's text is the gold item: it covers 80% of the gold's words and is 60% gold
/// (as `../shared/review-layouts/score.py` scores), or, where the gold gives only the first
/// words, it starts with them.
fn same_item(gold: &GoldItem, text: &str) -> bool {
    let Some(whole) = &gold.text else {
        return words(text).starts_with(&words(&gold.starts));
    };
    let count = |s: &str| {
        let mut counts = std::collections::HashMap::<String, usize>::new();
        for w in words(s).split(' ').filter(|w| !w.is_empty()) {
            *counts.entry(w.to_string()).or_default() += 1;
        }
        counts
    };
    let (g, t) = (count(whole), count(text));
    let shared: usize = g.iter().map(|(w, n)| (*n).min(t.get(w).copied().unwrap_or(0))).sum();
    let (n_gold, n_text): (usize, usize) = (g.values().sum(), t.values().sum());
    shared as f64 >= 0.8 * n_gold as f64 && shared as f64 >= 0.6 * n_text.max(1) as f64
}

#[derive(Default)]
struct Score {
    gold: usize,
    found: usize,
    matched: usize,
    right_page: usize,
    right_number: usize,
}

impl Score {
    fn add(&mut self, gold: &[GoldItem], found: &[Item], misses: &mut Vec<String>, name: &str) {
        self.gold += gold.len();
        self.found += found.len();
        let mut used = vec![false; found.len()];
        for g in gold {
            let hit = found.iter().enumerate().find(|(i, f)| !used[*i] && same_item(g, &f.text));
            match hit {
                Some((i, f)) => {
                    used[i] = true;
                    self.matched += 1;
                    self.right_page += usize::from(f.page == g.page);
                    self.right_number += usize::from(f.number == g.number);
                }
                None => misses.push(format!("{name}: missed {} {:?}", g.number, g.starts)),
            }
        }
        for (i, f) in found.iter().enumerate() {
            if !used[i] {
                let head: String = f.text.chars().take(70).collect();
                misses.push(format!("{name}: extra {} {head:?}", f.number));
            }
        }
    }

    fn precision(&self) -> f64 {
        self.matched as f64 / self.found.max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.matched as f64 / self.gold.max(1) as f64
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// Writes, per unit, its kind, section, tags and the matches behind them, to see why a review
/// gets a theme (`CASEBOOK_GOLD_DUMP=/tmp/dump cargo test -p casebook-indexer --test it gold`).
fn dump_units(
    dir: &Path,
    slug: &str,
    units: &[casebook::Unit],
    s: &structure::Structure,
    classifier: &casebook::Classifier,
) {
    use std::fmt::Write as _;
    let mut out = String::new();
    for (unit_idx, unit) in units.iter().enumerate() {
        let kind = match s.passages.get(unit_idx) {
            Some(p) if unit.kind == casebook::UnitKind::Page => p.kind.as_str(),
            _ => "item",
        };
        let _ = writeln!(out, "=== {:?} p{} {kind} {:?}", unit.kind, unit.page, unit.section);
        let _ = writeln!(out, "tags {:?}", unit.tags);
        let matches: Vec<String> =
            classifier.explain(&unit.text).into_iter().map(|(id, m)| format!("{id}:{m}")).collect();
        let _ = writeln!(out, "matches {matches:?}");
        let _ = writeln!(out, "{}", unit.text.replace('\n', " "));
    }
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(format!("{slug}.txt")), out).unwrap();
}

#[test]
fn findings_recommendations_and_themes_match_the_gold_files() {
    let tagger = Tagger::new(Taxonomy::builtin());
    let classifier = casebook::Classifier::new(&Taxonomy::builtin());
    let mut findings = Score::default();
    let mut recommendations = Score::default();
    // Themes of the documents whose gold is the generator's planted themes, and of those
    // coded as a careful reader would (the further layouts).
    let (mut planted, mut coded) = (Score::default(), Score::default());
    let (mut agencies_right, mut strength_right, mut n_matched_recs) = (0, 0, 0);
    let mut misses = Vec::new();
    let mut n_files = 0;
    let mut golds: Vec<PathBuf> = std::fs::read_dir(corpus().join("gold"))
        .expect("corpus/gold exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    golds.sort();
    for gold_path in golds {
        let slug = gold_path.file_stem().unwrap().to_string_lossy().into_owned();
        let gold: Gold = toml::from_str(&std::fs::read_to_string(&gold_path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
        let pdf = casebook_indexer::discover(&[corpus()])
            .unwrap()
            .into_iter()
            .find(|(id, _)| id.as_str() == slug)
            .unwrap_or_else(|| panic!("no PDF for gold file {slug}"))
            .1;
        let text = extract_pdf(&pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
        let s = structure::analyse(&text.pages);
        n_files += 1;

        let review = Review {
            id: ReviewId::parse(&slug).unwrap(),
            title: Sourced { value: slug.clone(), source: Provenance::FileName },
            review_type: Some(Sourced {
                value: gold.meta.review_type.clone(),
                source: Provenance::Sidecar,
            }),
            board: None,
            board_id: None,
            published: None,
            subject: None,
            age_band: None,
            outcome: None,
            author: None,
            file: pdf.display().to_string(),
            n_pages: text.pages.len() as u32,
            source_url: None,
        };
        let units = tagger.units(&review, &text.pages, &s);
        if let Some(dir) = std::env::var_os("CASEBOOK_GOLD_DUMP") {
            dump_units(Path::new(&dir), &slug, &units, &s, &classifier);
        }
        let items = |kind| -> Vec<Item> {
            units
                .iter()
                .filter(|u| u.kind == kind)
                .map(|u| Item {
                    number: u.number.clone().unwrap_or_default(),
                    page: u.page,
                    section: u.section.clone(),
                    text: u.text.clone(),
                    ..Item::default()
                })
                .collect()
        };
        findings.add(&gold.findings, &items(casebook::UnitKind::Finding), &mut misses, &slug);
        recommendations.add(
            &gold.recommendations,
            &items(casebook::UnitKind::Recommendation),
            &mut misses,
            &slug,
        );
        for g in &gold.recommendations {
            if let Some(unit) = units
                .iter()
                .find(|u| u.kind == casebook::UnitKind::Recommendation && same_item(g, &u.text))
            {
                n_matched_recs += 1;
                let agencies: BTreeSet<String> = unit
                    .tags
                    .iter()
                    .filter_map(|t| t.strip_prefix("/agency/"))
                    .map(str::to_string)
                    .collect();
                let expected: BTreeSet<String> = g.agencies.iter().cloned().collect();
                agencies_right += usize::from(agencies == expected);
                let strength = unit.tags.iter().find_map(|t| t.strip_prefix("/strength/"));
                strength_right += usize::from(strength == g.strength.as_deref());
            }
        }
        let ours: BTreeSet<String> = casebook::profile::review_tags(&units)
            .iter()
            .filter_map(|t| t.strip_prefix("/theme/").or_else(|| t.strip_prefix("/risk/")))
            .map(str::to_string)
            .collect();
        let expected: BTreeSet<String> = gold.themes.iter().chain(&gold.risks).cloned().collect();
        let optional: BTreeSet<String> = gold.optional.iter().flatten().cloned().collect();
        let ours: BTreeSet<String> =
            ours.into_iter().filter(|t| expected.contains(t) || !optional.contains(t)).collect();
        let themes = if gold.optional.is_some() { &mut coded } else { &mut planted };
        themes.gold += expected.len();
        themes.found += ours.len();
        themes.matched += ours.intersection(&expected).count();
        let missing: Vec<_> = expected.difference(&ours).collect();
        let extra: Vec<_> = ours.difference(&expected).collect();
        if !missing.is_empty() || !extra.is_empty() {
            misses.push(format!("{slug}: themes missing {missing:?}, extra {extra:?}"));
        }
    }
    for miss in &misses {
        println!("{miss}");
    }
    println!("files: {n_files}");
    for (name, s) in [("findings", &findings), ("recommendations", &recommendations)] {
        println!(
            "{name}: gold {} found {} matched {} precision {:.3} recall {:.3} F1 {:.3}; right page {}, right number {}",
            s.gold,
            s.found,
            s.matched,
            s.precision(),
            s.recall(),
            s.f1(),
            s.right_page,
            s.right_number
        );
    }
    let both = Score {
        gold: findings.gold + recommendations.gold,
        found: findings.found + recommendations.found,
        matched: findings.matched + recommendations.matched,
        ..Score::default()
    };
    println!("findings and recommendations: F1 {:.3}", both.f1());
    println!(
        "recommendation addressees right {agencies_right}/{n_matched_recs}, strength right {strength_right}/{n_matched_recs}"
    );
    for (name, t) in [("planted", &planted), ("coded", &coded)] {
        println!(
            "themes and risks ({name}): precision {:.3} recall {:.3} (gold {}, found {}, right {})",
            t.precision(),
            t.recall(),
            t.gold,
            t.found,
            t.matched
        );
    }
    assert!(n_files >= 40);
    assert!(findings.f1() >= 0.95, "findings F1 {:.3}", findings.f1());
    assert!(recommendations.f1() >= 0.95, "recommendations F1 {:.3}", recommendations.f1());
    for (name, t, (precision, recall)) in
        [("planted", &planted, PLANTED_THEMES), ("coded", &coded, CODED_THEMES)]
    {
        assert!(t.precision() >= precision, "themes ({name}) precision {:.3}", t.precision());
        assert!(t.recall() >= recall, "themes ({name}) recall {:.3}", t.recall());
    }
}

/// The precision and recall the review profiles must reach against the themes the corpus
/// generator planted.
///
/// A finding's explanation that names a practice theme firmly now tags it (see the indexer's
/// `finding_themes`); the generator planted a theme in one finding's words and not in the
/// others', so some findings' own themes count against precision here (#15's note lists them).
const PLANTED_THEMES: (f64, f64) = (0.86, 0.85);
/// The precision and recall they must keep against the themes of the further layouts, coded
/// as a careful reader would (which names more themes than reviews spell out: see #15).
const CODED_THEMES: (f64, f64) = (0.75, 0.5);
