//! Recurring recommendations: groups near-duplicate recommendations from different reviews, so an
//! analyst can see that "this recommendation was made in 7 reviews since 2015".
//!
//! The pipeline has four steps, each explained where it is written:
//! 1. *Normalise* each recommendation: drop the addressee ("Health partners must ensure that"),
//!    local proper names, stop words and boilerplate, then stem lightly.
//! 2. *Weigh* its words by IDF over the input set, so that words found everywhere
//!    ("training", "practitioners") count less than telling ones ("bruising", "interpreters").
//! 3. *Find candidate pairs* with an inverted index over each text's rarest words (prefix
//!    filtering, with a budget on the work per text so 50,000 texts take seconds, not the 1.25
//!    billion comparisons of all pairs), and score only those pairs by IDF-weighted Jaccard
//!    similarity.
//! 4. *Merge* pairs at or above [`SIMILARITY_THRESHOLD`], strongest first, under two rules that
//!    stop chaining: a group holds at most one recommendation per review (a review does not repeat
//!    itself), and every member must itself reach the threshold with the group's representative.

mod stem;

use std::ops::Range;

// The word maps hash millions of short keys from our own input: FxHash, not the standard
// library's flood-resistant hasher, which was several times slower here.
use rustc_hash::{FxHashMap, FxHashSet};

use self::stem::stem;

/// One recommendation to group: its text and the review it comes from.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    /// An identifier of the review the recommendation comes from (any stable string).
    pub review: &'a str,
    /// The full text of the recommendation, label and addressee included.
    pub text: &'a str,
}

/// IDF-weighted Jaccard similarity at or above which two recommendations of different reviews are
/// the same recommendation; every member of a group must also reach it with the representative.
///
/// In the tests on realistic pairs (`realistic_rewordings_group`), rewordings of one
/// recommendation by different authors keep its telling words and score 0.39 to 1.0, while
/// recommendations on one topic that ask for different things score 0.25 at most
/// (`same_topic_different_asks_stay_apart`). 0.3 sits in that gap, nearer the low side, because a
/// missed recurrence costs the analyst more than a spurious one they can see and dismiss.
pub const SIMILARITY_THRESHOLD: f64 = 0.3;

/// A modal verb further into a sentence than this ends a clause, not an addressee.
const MAX_ADDRESSEE_WORDS: usize = 12;

/// How many texts, summed over its signature words, a text may be compared with: this bounds the
/// work per text, so grouping grows with the number of texts, not its square.
///
/// Below it the signature is the whole prefix and candidate generation is exact (small inputs,
/// rare wording); above it, only the [`MIN_SIGNATURE_WORDS`] or more rarest prefix words are used,
/// and a pair must share two of them to be scored. A rewording keeps most of the rare words of the
/// original, which carry most of the IDF weight, so this loses few pairs: none of the 1,000
/// planted ones in `fifty_thousand_texts_group_planted_rewordings_quickly`.
const CANDIDATE_BUDGET: usize = 300;

/// A text is always looked up by at least this many of its rarest words, however common.
const MIN_SIGNATURE_WORDS: usize = 5;

/// A word in the signatures of this many texts is too common to find near-duplicates cheaply and
/// stops being used for candidates; the rarer words of the same texts still find them.
const MAX_POSTINGS: usize = 2048;

/// Verbs that end the addressee of a recommendation ("Health partners *must* ensure…").
const MODALS: &[&str] = &["should", "must", "shall", "will", "needs", "need"];

/// Function words and the boilerplate of recommendations, separated by spaces: they say how
/// strongly and to whom, not what is recommended.
const STOP_WORDS: &str = "\
    a about across after all also an and any are as at be been before being between both but \
    by can could do does each either every for from had has have he her here his how if in \
    into is it its itself more most no nor not of on only or other our out own same she so \
    such than that the their them then there these they this those through to too under until \
    up upon very was we were what when whenever where wherever whether which while who whom \
    whose why with within without would you your may might shall should must will need needs \
    ensure ensures ensuring assurance assure seek seeks consider considers review reviews \
    reviewed reviewing recommendation recommendations board boards partnership partnerships \
    agency agencies lscb lscp scp sab csp relevant appropriate place made make makes take \
    takes taken carried undertake undertaken put work include includes including way ways etc \
    done";

/// Groups near-duplicate recommendations. Returns, for each input, the index of its group's
/// representative (the first member in input order); a recommendation with no near-duplicate is
/// its own group.
///
/// The result depends only on the input (and its order): ties are broken by index.
pub fn group(texts: &[Text<'_>]) -> Vec<usize> {
    let mut tokens: Vec<Vec<Vec<Token<'_>>>> = texts.iter().map(|t| tokenise(t.text)).collect();
    let words = Words::new(&mut tokens);
    let docs: Vec<Vec<u32>> = tokens.iter().map(|t| normalise(t, &words)).collect();
    let vectors = Vectors::new(docs, words.n_features());
    let reviews = review_ids(texts);
    let edges = candidate_edges(&vectors, &reviews);
    merge(&vectors, &reviews, edges)
}

/// A word of a recommendation as written, and whether a comma separates it from the word before.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    word: &'a str,
    after_comma: bool,
    /// Index of the word in [`Words`], set once all texts are tokenised.
    id: u32,
}

/// Splits a recommendation into sentences of words, in one pass since it runs over every text.
///
/// Words are runs of letters and digits. Sentences and clauses end at ". ", ": " and "; ", so a
/// label ("Recommendation 1:") stands alone and each sentence's addressee is found; "3.2" is not
/// split. Square-bracketed text names the addressee ("[to the police]") and is skipped.
fn tokenise(text: &str) -> Vec<Vec<Token<'_>>> {
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    let mut word_start = None;
    let mut depth = 0usize;
    let mut after_comma = false;
    let mut after_stop = false;
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() {
            word_start.get_or_insert(at);
            after_stop = false;
            continue;
        }
        if let Some(start) = word_start.take()
            && depth == 0
        {
            current.push(Token { word: &text[start..at], after_comma, id: 0 });
            after_comma = false;
        }
        if after_stop && c.is_whitespace() && !current.is_empty() {
            sentences.push(std::mem::take(&mut current));
            after_comma = false;
        }
        after_stop = false;
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => after_comma = true,
            '.' | ':' | ';' | '!' | '?' if depth == 0 => after_stop = true,
            _ => {}
        }
    }
    if let Some(start) = word_start
        && depth == 0
    {
        current.push(Token { word: &text[start..], after_comma, id: 0 });
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    sentences
}

/// What normalisation decides about one distinct word as written.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The word ends an addressee ("should", "must").
    modal: bool,
    /// The word is a local proper name when it is not the first of its sentence.
    proper_name: bool,
    /// Its feature (stem) id, or `None` for stop words, boilerplate and labels.
    feature: Option<u32>,
}

/// The distinct words of the input and what normalisation makes of each.
///
/// Deciding once per distinct word rather than once per occurrence keeps the per-token work to a
/// single lookup: a national corpus has millions of tokens but tens of thousands of words.
struct Words {
    entries: Vec<Entry>,
    /// Stem of each feature id, for tests and debugging.
    features: Vec<String>,
}

impl Words {
    /// Interns every token's word, setting its `id`, and decides what each distinct word becomes.
    fn new(texts: &mut [Vec<Vec<Token<'_>>>]) -> Self {
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut raw: Vec<&str> = Vec::new();
        for token in texts.iter_mut().flatten().flatten() {
            token.id = *ids.entry(token.word).or_insert_with(|| {
                raw.push(token.word);
                (raw.len() - 1) as u32
            });
        }
        let stop: FxHashSet<&str> = STOP_WORDS.split_whitespace().collect();
        let mut stems: FxHashMap<String, u32> = FxHashMap::default();
        let mut features = Vec::new();
        let entries = raw
            .iter()
            .map(|&word| {
                let lower = word.to_lowercase();
                let acronym = is_acronym(word);
                // A capitalised word is a local name ("Thrandale") unless the input also has it in
                // lower case somewhere ("Health", "Police") or it is an acronym (GP, MARAC, CAMHS),
                // which names services and risks, not places; the boards' acronyms are stop words.
                let capitalised = word.starts_with(|c: char| c.is_uppercase());
                let proper_name = capitalised && !acronym && !ids.contains_key(lower.as_str());
                let modal = MODALS.contains(&lower.as_str());
                // Numbers stay ("32 weeks"): bare label numbers stand alone in a sentence, which
                // `normalise` skips, but "R3" labels open sentences of content.
                let r_label = word.starts_with(['R', 'r']) && is_label(word);
                let dropped = lower.chars().count() < 2 || r_label || stop.contains(lower.as_str());
                let feature = (!dropped).then(|| {
                    // Acronyms are names, not inflected words: "CAMHS" must not lose its "s".
                    let stemmed = if acronym { lower } else { stem(&lower) };
                    *stems.entry(stemmed).or_insert_with_key(|s| {
                        features.push(s.clone());
                        (features.len() - 1) as u32
                    })
                });
                Entry { modal, proper_name, feature }
            })
            .collect();
        Words { entries, features }
    }

    fn n_features(&self) -> usize {
        self.features.len()
    }
}

/// Returns the feature ids of a tokenised recommendation, sorted and without duplicates.
fn normalise(sentences: &[Vec<Token<'_>>], words: &Words) -> Vec<u32> {
    let mut kept = Vec::new();
    for sentence in sentences {
        // A sentence of one or two tokens such as "Recommendation 3" or "R2" is a label.
        let label =
            |t: &Token<'_>| is_label(t.word) || t.word.eq_ignore_ascii_case("recommendation");
        if sentence.len() <= 2 && sentence.iter().all(label) {
            continue;
        }
        let addressee = addressee(sentence, words);
        for (pos, token) in sentence.iter().enumerate() {
            let entry = words.entries[token.id as usize];
            if addressee.contains(&pos) || (pos > 0 && entry.proper_name) {
                continue;
            }
            kept.extend(entry.feature);
        }
    }
    kept.sort_unstable();
    kept.dedup();
    kept
}

/// Returns the positions of the addressee's words in a sentence, an empty range when none.
///
/// The addressee is everything before the first modal verb near the start of the sentence. When
/// a comma comes before that verb, only the words after the last comma are the addressee, because
/// "When a child is not brought twice, the health visitor must…" opens with content.
fn addressee(sentence: &[Token<'_>], words: &Words) -> Range<usize> {
    let is_modal = |t: &Token<'_>| words.entries[t.id as usize].modal;
    let Some(modal) = sentence.iter().take(MAX_ADDRESSEE_WORDS).position(is_modal) else {
        return 0..0;
    };
    let start = (0..=modal).rev().find(|&k| sentence[k].after_comma).unwrap_or(0);
    start..modal
}

/// Tells whether a word is a numbering label: "R3", "3", "12".
fn is_label(word: &str) -> bool {
    let digits = word.strip_prefix(['R', 'r']).unwrap_or(word);
    !digits.is_empty() && digits.len() <= 3 && digits.chars().all(|c| c.is_ascii_digit())
}

/// Tells whether a word is an acronym: two or more letters, none lower case.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_lowercase())
}

/// Texts as sorted feature ids, where ids are numbered rarest first: this one global order makes
/// each text's prefix its rarest features, which prefix filtering needs.
struct Vectors {
    /// Feature ids of each text, ascending (rarest first).
    docs: Vec<Vec<u32>>,
    /// Weight of each feature id.
    weights: Vec<f64>,
    /// Total weight of each text.
    totals: Vec<f64>,
    /// Number of texts that have each feature id.
    df: Vec<usize>,
}

impl Vectors {
    /// Builds the vectors of texts given as sorted feature ids below `n_features`.
    fn new(first_ids: Vec<Vec<u32>>, n_features: usize) -> Self {
        let mut df = vec![0usize; n_features];
        for &f in first_ids.iter().flatten() {
            df[f as usize] += 1;
        }
        // Renumber rarest first; ties keep first-occurrence order, so the result is deterministic.
        let mut order: Vec<usize> = (0..df.len()).collect();
        order.sort_by_key(|&id| (df[id], id));
        let mut rank = vec![0u32; df.len()];
        let n_texts = first_ids.len().max(1) as f64;
        let mut weights = vec![0.0; df.len()];
        let mut df_by_rank = vec![0; df.len()];
        for (r, &id) in order.iter().enumerate() {
            rank[id] = r as u32;
            df_by_rank[r] = df[id];
            // Smoothed IDF: stays positive when a word is in every text of a small input.
            weights[r] = (1.0 + n_texts / df[id] as f64).ln();
        }
        let docs: Vec<Vec<u32>> = first_ids
            .into_iter()
            .map(|doc| {
                let mut d: Vec<u32> = doc.into_iter().map(|id| rank[id as usize]).collect();
                d.sort_unstable();
                d
            })
            .collect();
        let totals = docs.iter().map(|d| d.iter().map(|&f| weights[f as usize]).sum()).collect();
        Vectors { docs, weights, totals, df: df_by_rank }
    }

    /// Returns the weighted Jaccard similarity of texts `a` and `b`: the weight of the features
    /// they share over the weight of the features either has.
    fn similarity(&self, a: usize, b: usize) -> f64 {
        let (x, y) = (&self.docs[a], &self.docs[b]);
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        // A plain loop rather than `Ord::cmp`: this runs for every candidate pair, and debug builds
        // do not inline the comparison.
        while i < x.len() && j < y.len() {
            let (p, q) = (x[i], y[j]);
            if p < q {
                i += 1;
            } else if p > q {
                j += 1;
            } else {
                shared += self.weights[p as usize];
                i += 1;
                j += 1;
            }
        }
        let union = self.totals[a] + self.totals[b] - shared;
        if union > 0.0 { shared / union } else { 0.0 }
    }

    /// Returns how many of text `t`'s rarest features make its prefix.
    ///
    /// If J(A, B) >= t then the shared weight is at least t·w(A), so A and B share a feature
    /// outside any tail of A lighter than t·w(A). Taking the prefix up to where the rest weighs
    /// less than t·w(A), in one global order, the first shared feature lies in both prefixes: pairs
    /// that share no prefix feature cannot reach the threshold and need not be scored.
    fn prefix_len(&self, t: usize, threshold: f64) -> usize {
        // Slightly lower the bound so rounding never shortens a prefix below what the proof needs.
        let bound = threshold * self.totals[t] * (1.0 - 1e-9);
        let mut rest = self.totals[t];
        for (k, &f) in self.docs[t].iter().enumerate() {
            rest -= self.weights[f as usize];
            if rest < bound {
                return k + 1;
            }
        }
        self.docs[t].len()
    }

    /// Returns how many of text `t`'s rarest features it is indexed and looked up by, and whether
    /// that signature was cut short of the prefix: it is cut after [`MIN_SIGNATURE_WORDS`] words
    /// once the texts sharing them would exceed [`CANDIDATE_BUDGET`].
    fn signature(&self, t: usize) -> (usize, bool) {
        let prefix = self.prefix_len(t, SIMILARITY_THRESHOLD);
        let mut reach = 0;
        for (k, &f) in self.docs[t][..prefix].iter().enumerate() {
            reach += self.df[f as usize];
            if reach > CANDIDATE_BUDGET && k >= MIN_SIGNATURE_WORDS {
                return (k, true);
            }
        }
        (prefix, false)
    }
}

/// Numbers the reviews in order of first appearance.
fn review_ids(texts: &[Text<'_>]) -> Vec<u32> {
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    texts
        .iter()
        .map(|t| {
            let next = ids.len() as u32;
            *ids.entry(t.review).or_insert(next)
        })
        .collect()
}

/// A pair of texts of different reviews at or above [`SIMILARITY_THRESHOLD`], `a < b`.
struct Edge {
    similarity: f64,
    a: usize,
    b: usize,
}

/// Finds the pairs of texts of different reviews at or above [`SIMILARITY_THRESHOLD`], scoring
/// only pairs that share a signature word.
fn candidate_edges(vectors: &Vectors, reviews: &[u32]) -> Vec<Edge> {
    let n_texts = vectors.docs.len();
    let signatures: Vec<(usize, bool)> = (0..n_texts).map(|t| vectors.signature(t)).collect();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vectors.weights.len()];
    // How many signature words each earlier text shares with the current one, and which texts
    // were touched, so the counts can be reset without clearing the whole array.
    let mut shared = vec![0u32; n_texts];
    let mut touched = Vec::new();
    let mut edges = Vec::new();
    for b in 0..n_texts {
        let (signature_len, b_cut) = signatures[b];
        for &f in &vectors.docs[b][..signature_len] {
            let list = &mut postings[f as usize];
            if list.len() >= MAX_POSTINGS {
                continue;
            }
            // This loop is the hot spot of grouping: keep it to one counter per visit.
            for &a in list.iter() {
                let count = &mut shared[a as usize];
                if *count == 0 {
                    touched.push(a as usize);
                }
                *count += 1;
            }
            list.push(b as u32);
        }
        for &a in &touched {
            // With whole prefixes one shared word is needed for exactness; once a signature is
            // cut to its rarest words, a near-duplicate shares at least two of them, and asking
            // for two spares scoring the many pairs that meet on one rare word by chance.
            let needed = if b_cut || signatures[a].1 { 2 } else { 1 };
            if shared[a] >= needed && reviews[a] != reviews[b] {
                let similarity = vectors.similarity(a, b);
                if similarity >= SIMILARITY_THRESHOLD {
                    edges.push(Edge { similarity, a, b });
                }
            }
            shared[a] = 0;
        }
        touched.clear();
    }
    edges
}

/// Merges edges strongest first into groups whose root is their representative (smallest index),
/// refusing merges that would put two texts of one review together or a member below
/// [`SIMILARITY_THRESHOLD`] with the representative.
///
/// Checking members against the representative keeps A ~ B and B ~ C from putting A and C
/// together when they have little in common; it is the representative the analyst sees, so every
/// member must be a near-duplicate of it.
fn merge(vectors: &Vectors, reviews: &[u32], mut edges: Vec<Edge>) -> Vec<usize> {
    edges.sort_by(|x, y| {
        y.similarity.total_cmp(&x.similarity).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b))
    });
    let n_texts = reviews.len();
    let mut parent: Vec<usize> = (0..n_texts).collect();
    let mut members: Vec<Vec<usize>> = (0..n_texts).map(|i| vec![i]).collect();
    for edge in edges {
        let (x, y) = (find(&mut parent, edge.a), find(&mut parent, edge.b));
        if x == y {
            continue;
        }
        let (rep, other) = (x.min(y), x.max(y));
        // Members of `rep`'s group were checked against `rep` when they joined; only the other
        // group's members meet this representative for the first time.
        let fits = members[other].iter().all(|&m| {
            members[rep].iter().all(|&r| reviews[r] != reviews[m])
                && vectors.similarity(rep, m) >= SIMILARITY_THRESHOLD
        });
        if fits {
            parent[other] = rep;
            let moved = std::mem::take(&mut members[other]);
            members[rep].extend(moved);
        }
    }
    (0..n_texts).map(|i| find(&mut parent, i)).collect()
}

/// Returns the root of `i`'s group, halving paths on the way.
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

#[cfg(test)]
mod tests;
