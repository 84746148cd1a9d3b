//! Reviews in the layouts that boards publish, written independently of `corpus/`
//! (`../shared/review-layouts/`): each PDF is read as `casebook inspect` reads it (no sidecar,
//! no listing page) and scored against its gold file as `score.py` scores it. The figures are
//! printed; the floors are #15's.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use casebook::{Taxonomy, Unit, UnitKind};
use casebook_indexer::inspect::inspect;
use casebook_indexer::units::Tagger;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Gold {
    #[serde(rename = "type")]
    review_type: String,
    year: i32,
    themes: Vec<String>,
    risks: Vec<String>,
    #[serde(default)]
    optional: Vec<String>,
    findings: Vec<GoldItem>,
    recommendations: Vec<GoldItem>,
}

#[derive(Debug, Deserialize)]
struct GoldItem {
    text: String,
    #[serde(default)]
    agencies: Vec<String>,
}

fn layouts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/review-layouts");
    assert!(dir.join("gold").is_dir(), "{} is missing: clone ../shared beside", dir.display());
    dir
}

/// Word tokens, as `score.py` makes them.
fn tokens(s: &str) -> Vec<String> {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How much of `gold` the prediction covers, and how much of the prediction is gold.
fn overlap(gold: &str, predicted: &str) -> (f64, f64) {
    let mut counts = std::collections::HashMap::<String, i64>::new();
    let g = tokens(gold);
    for w in &g {
        *counts.entry(w.clone()).or_default() += 1;
    }
    let p = tokens(predicted);
    let mut shared = 0;
    for w in &p {
        if let Some(n) = counts.get_mut(w)
            && *n > 0
        {
            *n -= 1;
            shared += 1;
        }
    }
    (shared as f64 / g.len().max(1) as f64, shared as f64 / p.len().max(1) as f64)
}

#[derive(Default)]
struct Tally {
    gold: usize,
    predicted: usize,
    matched: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        self.matched as f64 / self.predicted.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.matched as f64 / self.gold.max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    fn line(&self, name: &str) -> String {
        format!(
            "{name}: P {:.2} R {:.2} F1 {:.2} ({} matched / {} predicted / {} gold)",
            self.precision(),
            self.recall(),
            self.f1(),
            self.matched,
            self.predicted,
            self.gold
        )
    }
}

/// Pairs gold items with predicted ones, best overlap first, one to one; returns the pairs.
fn pair<'u>(gold: &[GoldItem], predicted: &[&'u Unit]) -> Vec<(usize, &'u Unit)> {
    let mut candidates = Vec::new();
    for (g, item) in gold.iter().enumerate() {
        for (p, unit) in predicted.iter().enumerate() {
            let (cover_gold, cover_predicted) = overlap(&item.text, &unit.text);
            if cover_gold >= 0.8 && cover_predicted >= 0.6 {
                candidates.push((cover_gold + cover_predicted, g, p));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut gold_used, mut predicted_used) = (BTreeSet::new(), BTreeSet::new());
    let mut pairs = Vec::new();
    for (_, g, p) in candidates {
        if !gold_used.contains(&g) && !predicted_used.contains(&p) {
            gold_used.insert(g);
            predicted_used.insert(p);
            pairs.push((g, predicted[p]));
        }
    }
    pairs
}

#[test]
fn reviews_in_unseen_layouts_read_as_their_gold_files_say() {
    let dir = layouts();
    let taxonomy = Taxonomy::builtin();
    let tagger = Tagger::new(Taxonomy::builtin());
    // Ids with the parents they imply (gp → health, nahi → physical_abuse).
    let implied = |ids: &mut BTreeSet<String>| {
        for id in ids.clone() {
            ids.extend(taxonomy.ancestors(&id).iter().map(|e| e.id.as_str().to_owned()));
        }
    };
    let (mut findings, mut recommendations, mut themes) =
        (Tally::default(), Tally::default(), Tally::default());
    let (mut addressees_exact, mut n_files) = (0, 0);
    let mut wrong = Vec::new();
    let mut golds: Vec<PathBuf> = std::fs::read_dir(dir.join("gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    golds.sort();
    for gold_path in golds {
        let slug = gold_path.file_stem().unwrap().to_string_lossy().into_owned();
        let gold: Gold = serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
        let pdf = dir.join("pdf").join(format!("{slug}.pdf"));
        let seen = inspect(&pdf, &tagger).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
        n_files += 1;

        let of_kind = |kind| seen.units.iter().filter(|u| u.kind == kind).collect::<Vec<_>>();
        let found = of_kind(UnitKind::Finding);
        let matched = pair(&gold.findings, &found);
        findings.gold += gold.findings.len();
        findings.predicted += found.len();
        findings.matched += matched.len();

        let made = of_kind(UnitKind::Recommendation);
        let matched = pair(&gold.recommendations, &made);
        recommendations.gold += gold.recommendations.len();
        recommendations.predicted += made.len();
        recommendations.matched += matched.len();
        for (g, unit) in matched {
            let mut expected: BTreeSet<String> =
                gold.recommendations[g].agencies.iter().cloned().collect();
            implied(&mut expected);
            let got: BTreeSet<String> = unit
                .tags
                .iter()
                .filter_map(|t| t.strip_prefix("/agency/"))
                .map(str::to_owned)
                .collect();
            addressees_exact += usize::from(got == expected);
        }

        let mut expected: BTreeSet<String> =
            gold.themes.iter().chain(&gold.risks).cloned().collect();
        implied(&mut expected);
        let optional: BTreeSet<&String> =
            gold.optional.iter().filter(|id| !expected.contains(*id)).collect();
        let counted: BTreeSet<String> = seen
            .tags
            .iter()
            .filter_map(|t| t.strip_prefix("/theme/").or_else(|| t.strip_prefix("/risk/")))
            .map(str::to_owned)
            .filter(|id| !optional.contains(id))
            .collect();
        themes.gold += expected.len();
        themes.predicted += counted.len();
        themes.matched += counted.intersection(&expected).count();

        let review_type = seen.review.review_type.as_ref().map(|t| t.value.as_str());
        if review_type != Some(gold.review_type.as_str()) {
            wrong.push(format!("{slug}: type {review_type:?}, gold {}", gold.review_type));
        }
        let year = seen.review.published.as_ref().and_then(|p| p.value.get(..4)?.parse().ok());
        if year != Some(gold.year) {
            wrong.push(format!("{slug}: year {year:?}, gold {}", gold.year));
        }
    }
    println!("files: {n_files}");
    println!("{}", recommendations.line("recommendations"));
    println!("{}", findings.line("findings"));
    println!("addressees exact: {addressees_exact} / {}", recommendations.matched);
    println!("{}", themes.line("themes and risk factors"));
    for line in &wrong {
        println!("{line}");
    }
    assert!(n_files >= 14, "{n_files} gold files");
    assert!(recommendations.f1() >= 0.95, "{}", recommendations.line("recommendations"));
    assert!(findings.f1() >= 0.90, "{}", findings.line("findings"));
    let share = addressees_exact as f64 / recommendations.matched.max(1) as f64;
    assert!(share >= 0.90, "addressees exact {share:.2}");
    assert!(themes.precision() >= 0.90, "{}", themes.line("themes"));
    assert!(themes.recall() >= 0.85, "{}", themes.line("themes"));
    assert!(wrong.is_empty(), "{wrong:#?}");
}
