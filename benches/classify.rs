//! Classification speed: `cargo bench --bench classify`.
//!
//! Tags a 4,000-character page of findings (about one page of a report) with the built-in
//! taxonomy, and reports the time per page and its ratio to a reference run in the same
//! process: lower-casing the page and counting its words, the least any reading of the text
//! costs. A ratio that jumps between two commits is a regression, whatever the machine.

use std::hint::black_box;
use std::time::{Duration, Instant};

use casebook::{Classifier, SectionKind, Taxonomy};

/// Pages classified per measurement, after as many to warm up.
const ROUNDS: u32 = 500;

fn main() {
    let classifier = Classifier::new(&Taxonomy::builtin());
    let paragraph = "Finding 3: the health visitor and the GP did not share information about the \
        mother's mental health, the domestic abuse reported by police, or the neglect of the baby. \
        Missed appointments were not escalated and the child was not seen. ";
    let page: String = paragraph.repeat(4000 / paragraph.len() + 1);

    let classify = best_of(5, || {
        black_box(classifier.classify(black_box(&page), SectionKind::Findings));
    });
    let reference = best_of(5, || {
        black_box(black_box(&page).to_lowercase().split_whitespace().count());
    });
    println!(
        "classify a {}-character page: {:.1} µs; reference (lower-case and count words): {:.1} µs; \
         ratio {:.1}",
        page.len(),
        micros(classify),
        micros(reference),
        classify.as_secs_f64() / reference.as_secs_f64().max(1e-12)
    );
}

/// The best of `n` measurements of the mean time of `ROUNDS` calls of `f`.
fn best_of(n: usize, mut f: impl FnMut()) -> Duration {
    for _ in 0..ROUNDS {
        f();
    }
    (0..n)
        .map(|_| {
            let started = Instant::now();
            for _ in 0..ROUNDS {
                f();
            }
            started.elapsed() / ROUNDS
        })
        .min()
        .unwrap_or_default()
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
