//! Reviews numbered densely across the whole index, so that collectors count reviews with bit
//! sets instead of hash sets.
//!
//! Each segment numbers its review ids by their place in its own `review_id` dictionary; the
//! same review has other ordinals in other segments. [`ReviewNumbers`] maps every segment's
//! ordinals to one number per review (0..n), for one searcher generation: building it reads
//! each segment's dictionary once, and [`crate::SearchIndex`] keeps it until the index changes.
//! Counts of reviews count the same review published twice once: each number is also counted
//! as the number of its group's main document ([`ReviewNumbers::counted_as`]).

use std::collections::HashMap;

use tantivy::Searcher;

use crate::document::ReviewId;
use crate::duplicates::Groups;
use crate::error::Result;

/// For each segment of a searcher (by segment ordinal), the number of each review ordinal, and
/// the id of each number.
#[derive(Debug, Default)]
pub(crate) struct ReviewNumbers {
    per_segment: Vec<Vec<u32>>,
    ids: Vec<ReviewId>,
    /// By number: the number a count of reviews counts it as (its group's main document).
    counted_as: Vec<u32>,
}

/// Stands for an ordinal whose term is not a valid review id (never written by the builder).
pub(crate) const NO_REVIEW: u32 = u32::MAX;

impl ReviewNumbers {
    pub(crate) fn new(searcher: &Searcher, groups: &Groups) -> Result<ReviewNumbers> {
        let mut numbers: HashMap<Vec<u8>, u32> = HashMap::new();
        let mut ids = Vec::new();
        let mut per_segment = Vec::with_capacity(searcher.segment_readers().len());
        for reader in searcher.segment_readers() {
            let mut of_ord = Vec::new();
            if let Some(column) = reader.fast_fields().str("review_id")? {
                let mut terms =
                    column.dictionary().stream().map_err(tantivy::TantivyError::from)?;
                while terms.advance() {
                    let number = match numbers.get(terms.key()) {
                        Some(&number) => number,
                        None => match std::str::from_utf8(terms.key()).ok().map(ReviewId::parse) {
                            Some(Ok(id)) => {
                                let number = ids.len() as u32;
                                ids.push(id);
                                numbers.insert(terms.key().to_vec(), number);
                                number
                            }
                            _ => NO_REVIEW,
                        },
                    };
                    of_ord.push(number);
                }
            }
            per_segment.push(of_ord);
        }
        let counted_as = ids
            .iter()
            .enumerate()
            .map(|(number, id)| {
                let main = groups.main(id);
                numbers.get(main.as_str().as_bytes()).copied().unwrap_or(number as u32)
            })
            .collect();
        Ok(ReviewNumbers { per_segment, ids, counted_as })
    }

    /// The number that counts of reviews count `number` as: that of the main document of its
    /// group, when the review is published more than once.
    pub(crate) fn counted_as(&self, number: u32) -> u32 {
        self.counted_as.get(number as usize).copied().unwrap_or(number)
    }

    /// The review numbers of one segment's review ordinals.
    pub(crate) fn segment(&self, segment_ord: u32) -> &[u32] {
        self.per_segment.get(segment_ord as usize).map_or(&[], Vec::as_slice)
    }

    /// The number of the review of `doc` in a segment, read from its `review_id` column.
    pub(crate) fn of_doc(
        of_ord: &[u32],
        column: Option<&tantivy::columnar::StrColumn>,
        doc: tantivy::DocId,
    ) -> Option<u32> {
        let ord = column?.term_ords(doc).next()?;
        of_ord.get(ord as usize).copied().filter(|&n| n != NO_REVIEW)
    }

    /// How many reviews are numbered.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The id of a review number.
    pub(crate) fn id(&self, number: u32) -> &ReviewId {
        &self.ids[number as usize]
    }
}

/// A set of review numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ReviewSet {
    words: Vec<u64>,
}

impl ReviewSet {
    pub(crate) fn insert(&mut self, number: u32) {
        let word = number as usize / 64;
        if word >= self.words.len() {
            self.words.resize(word + 1, 0);
        }
        self.words[word] |= 1 << (number % 64);
    }

    pub(crate) fn union_with(&mut self, other: &ReviewSet) {
        if other.words.len() > self.words.len() {
            self.words.resize(other.words.len(), 0);
        }
        for (mine, theirs) in self.words.iter_mut().zip(&other.words) {
            *mine |= theirs;
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Keeps only the numbers `other` has too.
    pub(crate) fn intersect_with(&mut self, other: &ReviewSet) {
        self.words.truncate(other.words.len());
        for (mine, theirs) in self.words.iter_mut().zip(&other.words) {
            *mine &= theirs;
        }
    }

    /// The numbers, smallest first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(at, &word)| {
            (0..64u32)
                .filter(move |bit| word & (1 << bit) != 0)
                .map(move |bit| at as u32 * 64 + bit)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::ReviewSet;

    #[test]
    fn review_sets_intersect_and_list_their_numbers() {
        let mut a = ReviewSet::default();
        let mut b = ReviewSet::default();
        for n in [0, 5, 64, 130, 200] {
            a.insert(n);
        }
        for n in [5, 130, 131] {
            b.insert(n);
        }
        assert_eq!(a.iter().collect::<Vec<_>>(), [0, 5, 64, 130, 200]);
        a.intersect_with(&b);
        assert_eq!(a.iter().collect::<Vec<_>>(), [5, 130]);
        assert_eq!(a.len(), 2);
    }

    #[test]
    fn a_review_set_counts_each_number_once() {
        let mut a = ReviewSet::default();
        for n in [3, 3, 64, 200, 0] {
            a.insert(n);
        }
        assert_eq!(a.len(), 4);
        let mut b = ReviewSet::default();
        b.insert(64);
        b.insert(1000);
        b.union_with(&a);
        assert_eq!(b.len(), 5);
    }
}
