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
            let prefix = words(&g.starts);
            let hit = found
                .iter()
                .enumerate()
                .find(|(i, f)| !used[*i] && words(&f.text).starts_with(&prefix));
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
    let (mut theme_gold, mut theme_found, mut theme_matched) = (0, 0, 0);
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
                    addressed_to: None,
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
            let prefix = words(&g.starts);
            if let Some(unit) = units.iter().find(|u| {
                u.kind == casebook::UnitKind::Recommendation && words(&u.text).starts_with(&prefix)
            }) {
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
        theme_gold += expected.len();
        theme_found += ours.len();
        theme_matched += ours.intersection(&expected).count();
        let missing: Vec<_> = expected.difference(&ours).collect();
        let extra: Vec<_> = ours.difference(&expected).collect();
        if !missing.is_empty() || !extra.is_empty() {
            misses.push(format!("{slug}: themes missing {missing:?}, extra {extra:?}"));
        }
    }
    for miss in &misses {
        println!("{miss}");
    }
    let theme_precision = theme_matched as f64 / theme_found.max(1) as f64;
    let theme_recall = theme_matched as f64 / theme_gold.max(1) as f64;
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
    println!(
        "themes and risks: precision {theme_precision:.3} recall {theme_recall:.3} (gold {theme_gold}, found {theme_found})"
    );
    assert!(n_files >= 24);
    assert!(findings.f1() >= 0.95, "findings F1 {:.3}", findings.f1());
    assert!(recommendations.f1() >= 0.95, "recommendations F1 {:.3}", recommendations.f1());
    assert!(theme_precision >= THEME_PRECISION, "themes precision {theme_precision:.3}");
    assert!(theme_recall >= THEME_RECALL, "themes recall {theme_recall:.3}");
}

/// The precision the review profiles must reach against the gold themes and risks.
const THEME_PRECISION: f64 = 0.9;
/// The recall the review profiles must reach against the gold themes and risks.
const THEME_RECALL: f64 = 0.85;
