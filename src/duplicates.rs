//! One review, counted once: documents that are the same review published more than once (an
//! overview report and its executive summary, a re-issued PDF under another name, the same
//! text with a new cover page) are grouped under the fullest of them.
//!
//! Each document is summarised by a [`Sketch`]: the hashes of its five-word shingles (runs of
//! five consecutive words, lower-cased), keeping those whose hash falls in a fixed sixteenth of
//! the hash space. Because the sample is fixed rather than per document (no MinHash), the
//! sample of a text cut from another is contained in the other's sample, so containment (the
//! share of the smaller document's shingles found in the larger) can be read off two sketches:
//! an executive summary cut from its overview is contained in it almost wholly, while two
//! reviews that share a board's template and boilerplate share a fraction.
//!
//! [`group`] looks for candidates through an inverted index of the samples, leaving out
//! samples found in many documents (boilerplate: "Working Together to Safeguard Children"), so
//! that each document is compared only with the few that share its rare shingles, and then
//! measures containment over the whole samples. Documents are taken fullest first; each joins
//! the group of the fullest document that contains it, so groups do not chain.

use std::collections::HashMap;

use crate::document::ReviewId;

/// Words per shingle.
const SHINGLE_WORDS: usize = 5;

/// One shingle hash in this many is kept in a sketch.
const SAMPLE_RATE: u64 = 16;

/// Share of the smaller document's samples that the larger must hold for the two to be one
/// review. Measured on the test set of `indexer/tests/it/duplicates.rs`: copies, cuts and new
/// covers are contained at 0.97 to 1.0; reviews sharing a template at most 0.35.
pub const MIN_CONTAINMENT: f64 = 0.8;

/// Below this containment the two documents must not name different subjects ("Child A" and
/// "Child B" from one board's template).
const SURE_CONTAINMENT: f64 = 0.95;

/// Samples the smaller document must have (about a page of text): shorter documents, such as
/// a cover letter, are too short to tell apart.
pub const MIN_SAMPLES: usize = 24;

/// A sample found in more documents than this is boilerplate and proposes no candidates.
const MAX_POSTINGS: usize = 32;

/// Share of a document's rare samples a candidate must share to be measured.
const MIN_SHARED: f64 = 0.5;

/// The sampled shingles of one document's text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sketch {
    /// Shingles in the whole text (not only the sampled ones): how full the document is.
    pub n_shingles: u32,
    /// The sampled shingle hashes, sorted and without repeats.
    pub samples: Vec<u32>,
}

/// Version byte of [`Sketch::encode`].
const SKETCH_VERSION: u8 = 1;

impl Sketch {
    /// The sketch of a document's text, given in parts (pages): shingles run across parts.
    pub fn of_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Sketch {
        let mut window: [u64; SHINGLE_WORDS] = [0; SHINGLE_WORDS];
        let mut n_words = 0usize;
        let mut n_shingles = 0u32;
        let mut samples = Vec::new();
        for text in texts {
            for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                window[n_words % SHINGLE_WORDS] = word_hash(word);
                n_words += 1;
                if n_words < SHINGLE_WORDS {
                    continue;
                }
                n_shingles = n_shingles.saturating_add(1);
                // The shingle's words in order, oldest first.
                let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
                for i in 0..SHINGLE_WORDS {
                    h = mix(h ^ window[(n_words + i) % SHINGLE_WORDS]);
                }
                if h.is_multiple_of(SAMPLE_RATE) {
                    samples.push((h >> 32) as u32);
                }
            }
        }
        samples.sort_unstable();
        samples.dedup();
        Sketch { n_shingles, samples }
    }

    /// The share of `self`'s samples that `other` holds.
    pub fn contained_in(&self, other: &Sketch) -> f64 {
        if self.samples.is_empty() {
            return 0.0;
        }
        shared(&self.samples, &other.samples) as f64 / self.samples.len() as f64
    }

    /// A stable encoding to store with the review: a version byte, the shingle count and the
    /// samples, little-endian.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(5 + 4 * self.samples.len());
        out.push(SKETCH_VERSION);
        out.extend(self.n_shingles.to_le_bytes());
        for s in &self.samples {
            out.extend(s.to_le_bytes());
        }
        out
    }

    /// Reads [`Sketch::encode`]'s bytes; `None` for bytes of another version or length.
    pub fn decode(bytes: &[u8]) -> Option<Sketch> {
        let (&version, rest) = bytes.split_first()?;
        if version != SKETCH_VERSION || rest.len() < 4 || rest.len() % 4 != 0 {
            return None;
        }
        let word = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let n_shingles = word(&rest[..4]);
        let samples: Vec<u32> = rest[4..].chunks_exact(4).map(word).collect();
        samples.is_sorted().then_some(Sketch { n_shingles, samples })
    }
}

/// The lower-cased word's hash (FNV-1a, stable across platforms and versions).
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The finaliser of SplitMix64: spreads every input bit over the output.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// How many values two sorted lists share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// What grouping needs to know of one document besides its id, as stored with its review.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Version {
    /// Its sketch.
    pub sketch: Sketch,
    /// The subject the review is about ("Child A"), when known.
    pub subject: Option<String>,
    /// How many of its metadata values are known (type, board, date, subject, …): of two
    /// copies, the better described leads the group.
    pub n_facts: usize,
    /// Documents a curator said are the same review as this one.
    pub same_as: Vec<ReviewId>,
    /// Documents a curator said are not the same review as this one.
    pub apart_from: Vec<ReviewId>,
}

impl Version {
    /// The version of `review` whose text has `sketch`.
    pub fn of(review: &crate::document::Review, sketch: Sketch) -> Version {
        let facts = [
            &review.review_type,
            &review.board,
            &review.published,
            &review.subject,
            &review.age_band,
            &review.outcome,
            &review.author,
        ];
        Version {
            sketch,
            subject: review.subject.as_ref().map(|s| s.value.clone()),
            n_facts: facts.iter().filter(|f| f.is_some()).count(),
            same_as: Vec::new(),
            apart_from: Vec::new(),
        }
    }
}

/// One document to group.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    /// The review the document is indexed as.
    pub id: &'a ReviewId,
    /// Its sketch.
    pub sketch: &'a Sketch,
    /// The subject the review is about ("Child A"), when known.
    pub subject: Option<&'a str>,
    /// How many of its metadata values are known.
    pub n_facts: usize,
    /// Documents a curator said are the same review as this one.
    pub same_as: &'a [ReviewId],
    /// Documents a curator said are not the same review as this one.
    pub apart_from: &'a [ReviewId],
}

impl<'a> Document<'a> {
    /// The document `id` as [`Version`] describes it.
    pub fn new(id: &'a ReviewId, version: &'a Version) -> Document<'a> {
        Document {
            id,
            sketch: &version.sketch,
            subject: version.subject.as_deref(),
            n_facts: version.n_facts,
            same_as: &version.same_as,
            apart_from: &version.apart_from,
        }
    }
}

/// Documents grouped as one review each: every document's main document (itself when it is
/// in no group, or the fullest of its group).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Groups {
    /// Member → main, for the documents that are not their group's main.
    main_of: HashMap<ReviewId, ReviewId>,
    /// Main → its other members, fullest first.
    members: HashMap<ReviewId, Vec<ReviewId>>,
}

impl Groups {
    /// The main document of `id`'s group (`id` itself when it is a main or in no group).
    pub fn main<'a>(&'a self, id: &'a ReviewId) -> &'a ReviewId {
        self.main_of.get(id).unwrap_or(id)
    }

    /// Whether `id` is the main document of its group, or in no group: whether it counts.
    pub fn counts(&self, id: &ReviewId) -> bool {
        !self.main_of.contains_key(id)
    }

    /// The other documents of the group `main` leads ("also published as"), fullest first.
    pub fn also(&self, main: &ReviewId) -> &[ReviewId] {
        self.members.get(main).map_or(&[], Vec::as_slice)
    }

    /// Every group of two or more, main first, in id order of their mains.
    pub fn groups(&self) -> Vec<Vec<&ReviewId>> {
        let mut out: Vec<Vec<&ReviewId>> = self
            .members
            .iter()
            .map(|(main, others)| std::iter::once(main).chain(others).collect())
            .collect();
        out.sort();
        out
    }

    /// How many documents are not the main of their group.
    pub fn n_duplicates(&self) -> usize {
        self.main_of.len()
    }
}

/// Groups the documents that are one review (see the module documentation).
pub fn group(documents: &[Document<'_>]) -> Groups {
    // Fullest first, then the best described; ties by id, so that the result does not depend
    // on the input order.
    let mut order: Vec<usize> = (0..documents.len()).collect();
    order.sort_by(|&a, &b| {
        let (da, db) = (&documents[a], &documents[b]);
        (db.sketch.n_shingles, db.n_facts)
            .cmp(&(da.sketch.n_shingles, da.n_facts))
            .then_with(|| da.id.cmp(db.id))
    });
    let mut rank = vec![0; documents.len()];
    for (r, &d) in order.iter().enumerate() {
        rank[d] = r;
    }
    // The inverted index as one sorted list of (sample, document): runs of one sample are its
    // postings. Sorting a flat list is several times faster than a map of vectors here.
    let mut postings: Vec<(u32, u32)> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| doc.sketch.samples.iter().map(move |&s| (s, d as u32)))
        .collect();
    postings.sort_unstable();
    // Each document's rare samples, and the pairs (document, fuller document) that share one.
    let mut n_rare = vec![0usize; documents.len()];
    let mut shared_pairs: Vec<(u32, u32)> = Vec::new();
    for run in postings.chunk_by(|a, b| a.0 == b.0) {
        if run.len() > MAX_POSTINGS {
            continue;
        }
        for &(_, d) in run {
            n_rare[d as usize] += 1;
            for &(_, other) in run {
                if rank[other as usize] < rank[d as usize] {
                    shared_pairs.push((d, other));
                }
            }
        }
    }
    drop(postings);
    shared_pairs.sort_unstable();
    let mut candidates: Vec<Vec<(usize, usize)>> = vec![Vec::new(); documents.len()];
    for run in shared_pairs.chunk_by(|a, b| a == b) {
        let (d, other) = run[0];
        candidates[d as usize].push((other as usize, run.len()));
    }
    // What curators said, by position: pairs kept apart, pairs made one.
    let position: HashMap<&ReviewId, usize> =
        documents.iter().enumerate().map(|(d, doc)| (doc.id, d)).collect();
    let mut apart: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    let mut same: Vec<(usize, usize)> = Vec::new();
    for (d, doc) in documents.iter().enumerate() {
        for other in doc.apart_from.iter().filter_map(|o| position.get(o)) {
            apart.insert((d.min(*other), d.max(*other)));
        }
        same.extend(doc.same_as.iter().filter_map(|o| position.get(o)).map(|&o| (d, o)));
    }
    let kept_apart = |a: usize, b: usize| apart.contains(&(a.min(b), a.max(b)));
    let mut main: Vec<usize> = (0..documents.len()).collect();
    for &d in &order {
        let doc = &documents[d];
        if doc.sketch.samples.len() < MIN_SAMPLES {
            continue;
        }
        // Candidates: fuller documents sharing enough of this one's rare samples.
        let needed = (n_rare[d] as f64 * MIN_SHARED).ceil().max(1.0) as usize;
        let best = candidates[d]
            .iter()
            .filter(|&&(_, n)| n >= needed)
            .map(|&(other, _)| (other, doc.sketch.contained_in(documents[other].sketch)))
            .filter(|&(other, c)| c >= MIN_CONTAINMENT && same_subject(doc, &documents[other], c))
            .filter(|&(other, _)| !kept_apart(d, other) && !kept_apart(d, main[other]))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(rank[b.0].cmp(&rank[a.0])));
        if let Some((other, _)) = best {
            main[d] = main[other];
        }
    }
    // Documents a curator made one review join one group, led by the fuller main, unless
    // that would put two documents kept apart together.
    for &(a, b) in &same {
        let (ma, mb) = (main[a], main[b]);
        if ma == mb {
            continue;
        }
        let (lead, other) = if rank[ma] < rank[mb] { (ma, mb) } else { (mb, ma) };
        let members: Vec<usize> = (0..main.len()).filter(|&d| main[d] == other).collect();
        let group: Vec<usize> = (0..main.len()).filter(|&d| main[d] == lead).collect();
        if members.iter().any(|&m| group.iter().any(|&g| kept_apart(m, g))) {
            continue;
        }
        for m in members {
            main[m] = lead;
        }
    }
    let mut groups = Groups::default();
    for &d in &order {
        if main[d] != d {
            let (member, lead) = (documents[d].id.clone(), documents[main[d]].id.clone());
            groups.members.entry(lead.clone()).or_default().push(member.clone());
            groups.main_of.insert(member, lead);
        }
    }
    groups
}

/// Whether two documents contained at `containment` may be one review by what they are about:
/// short of near-identity, two named subjects must agree.
fn same_subject(a: &Document<'_>, b: &Document<'_>, containment: f64) -> bool {
    if containment >= SURE_CONTAINMENT {
        return true;
    }
    match (a.subject, b.subject) {
        (Some(x), Some(y)) => x.trim().eq_ignore_ascii_case(y.trim()),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(seed: u64, n: usize) -> String {
        // A text of made-up words, the same for the same seed.
        let mut state = seed;
        (0..n)
            .map(|_| {
                state = mix(state.wrapping_add(0x9e37_79b9_7f4a_7c15));
                format!("w{}", state % 5000)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_cut_is_contained_and_a_stranger_is_not() {
        let overview = words(1, 6000);
        let cut: String = overview.split(' ').skip(1000).take(1500).collect::<Vec<_>>().join(" ");
        let (whole, part) =
            (Sketch::of_texts([overview.as_str()]), Sketch::of_texts([cut.as_str()]));
        assert!(part.contained_in(&whole) > 0.98, "{}", part.contained_in(&whole));
        assert!(whole.contained_in(&part) < 0.4);
        let other = Sketch::of_texts([words(2, 6000).as_str()]);
        assert!(other.contained_in(&whole) < 0.05);
        // Shingles run across pages: the same words split into pages give the same sketch.
        let half = &overview[..overview.len() / 2];
        let a = &half[..half.rfind(' ').unwrap()];
        let b = &overview[a.len()..];
        assert_eq!(Sketch::of_texts([a, b]), whole);
        assert_eq!(Sketch::decode(&whole.encode()), Some(whole.clone()));
        assert_eq!(Sketch::decode(&[9, 0, 0, 0, 0]), None);
    }

    #[test]
    fn documents_join_the_fullest_that_contains_them_and_boilerplate_does_not_group() {
        let overview = words(1, 8000);
        let summary: String = overview.split(' ').take(1200).collect::<Vec<_>>().join(" ");
        let template = words(9, 1500);
        let a = format!("{template} {}", words(3, 5000));
        let b = format!("{template} {}", words(4, 5000));
        let texts = [overview.clone(), summary, overview, a, b];
        let ids: Vec<ReviewId> = ["overview", "summary", "renamed", "child-a", "child-b"]
            .iter()
            .map(|s| ReviewId::parse(s).unwrap())
            .collect();
        let sketches: Vec<Sketch> = texts.iter().map(|t| Sketch::of_texts([t.as_str()])).collect();
        let docs: Vec<Document<'_>> = ids
            .iter()
            .zip(&sketches)
            .map(|(id, sketch)| Document {
                id,
                sketch,
                subject: None,
                n_facts: 0,
                same_as: &[],
                apart_from: &[],
            })
            .collect();
        let groups = group(&docs);
        // The two copies are equally full: the first by id leads.
        assert_eq!(groups.groups(), vec![vec![&ids[0], &ids[2], &ids[1]]]);
        assert_eq!(groups.main(&ids[1]), &ids[0]);
        assert!(groups.counts(&ids[3]) && groups.counts(&ids[4]) && !groups.counts(&ids[2]));
        assert_eq!(groups.n_duplicates(), 2);

        // A curator keeps the summary apart, and makes the two template reviews one.
        let mut versions: Vec<Version> = sketches
            .iter()
            .map(|sketch| Version { sketch: sketch.clone(), ..Version::default() })
            .collect();
        versions[1].apart_from = vec![ids[0].clone()];
        versions[3].same_as = vec![ids[4].clone()];
        let docs: Vec<Document<'_>> =
            ids.iter().zip(&versions).map(|(id, v)| Document::new(id, v)).collect();
        let groups = group(&docs);
        assert!(groups.counts(&ids[1]), "kept apart");
        assert_eq!(groups.main(&ids[2]), &ids[0], "the copy stays");
        let (a, b) = (groups.main(&ids[3]), groups.main(&ids[4]));
        assert_eq!(a, b, "made one");
    }
}
