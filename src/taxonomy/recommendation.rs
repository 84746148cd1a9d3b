//! Reading recommendations: who they are addressed to and how strongly they are worded.
//!
//! Recommendations are short imperative paragraphs: "Recommendation 3: The Board should seek
//! assurance that…", "R2 [to the police and partners]: …", "Health partners must ensure…". The
//! addressee is the grammatical subject (or the bracketed "to …" note), not every agency named
//! later in the sentence: "The LSCB should ensure that GPs…" is addressed to the board.

use super::classify::{Classifier, Evidence, Status};
use super::entry::{EntryId, Kind};
use super::token::{self, Token};

/// How strongly a recommendation is worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Strength {
    /// "must", "shall", "is required to".
    Must,
    /// "should", "will", "needs to", or a bare imperative.
    Should,
    /// "should consider", "could", "may wish to explore".
    Consider,
    /// "should seek assurance", "be assured", "provide assurance".
    SeekAssurance,
}

impl Strength {
    /// Returns the stable name: `must`, `should`, `consider` or `seek_assurance`.
    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Must => "must",
            Strength::Should => "should",
            Strength::Consider => "consider",
            Strength::SeekAssurance => "seek_assurance",
        }
    }
}

/// Modal words that end the subject of a recommendation, with the strength they carry alone.
const MODALS: &[(&str, Strength)] = &[
    ("must", Strength::Must),
    ("shall", Strength::Must),
    ("required", Strength::Must),
    ("should", Strength::Should),
    ("will", Strength::Should),
    ("need", Strength::Should),
    ("ask", Strength::Should),
    ("request", Strength::Should),
    ("could", Strength::Consider),
    ("may", Strength::Consider),
    ("might", Strength::Consider),
];

/// Verbs that end a subject when a recommendation has no modal ("The Partnership ensures that…").
const SUBJECT_ENDING_VERBS: &[&str] = &[
    "ensure",
    "seek",
    "consider",
    "review",
    "develop",
    "provide",
    "undertake",
    "work",
    "establish",
    "commission",
    "promote",
    "raise",
    "share",
    "monitor",
    "explore",
    "be",
    "is",
    "are",
    "has",
    "have",
];

/// Words after the modal that make it an assurance or a consideration ("should seek assurance").
const ASSURANCE_WORDS: &[&str] = &["assurance", "assure", "assured", "satisfy", "satisfied"];
const CONSIDER_WORDS: &[&str] = &["consider", "explore"];

/// The entry for recommendations addressed to every partner agency.
const ALL_AGENCIES: &str = "all_agencies";

/// The longest subject considered, in words; longer prefixes are not a subject.
const MAX_SUBJECT_WORDS: usize = 25;

/// Returns how strongly a recommendation is worded.
///
/// The first modal of the first sentence decides, refined by the words right after it: "should
/// seek assurance" is [`Strength::SeekAssurance`], "should consider" [`Strength::Consider`]. A
/// recommendation with no modal at all is a bare imperative ("Review the policy…"), read as
/// [`Strength::Should`] unless it asks for assurance or consideration.
pub fn strength(text: &str) -> Strength {
    let labelled = strip_label(text);
    let body = addressee_note(labelled).map_or(labelled, |(_, rest)| rest);
    let tokens = token::tokenize(first_sentence(body));
    let stems: Vec<&str> = tokens.iter().map(|t| t.stem.as_str()).collect();
    let assurance_stems: Vec<String> = ASSURANCE_WORDS.iter().map(|w| token::stem(w)).collect();
    let consider_stems: Vec<String> = CONSIDER_WORDS.iter().map(|w| token::stem(w)).collect();
    // A modal verb decides; failing that, an infinitive "to" ("The Board to seek assurance").
    let modal = stems
        .iter()
        .enumerate()
        .find_map(|(pos, stem)| {
            MODALS.iter().find(|(m, _)| token::stem(m) == *stem).map(|&(_, s)| (pos, s))
        })
        .or_else(|| stems.iter().position(|s| *s == "to").map(|pos| (pos, Strength::Should)));
    let (after, modal_strength) = match modal {
        Some((pos, s)) => (&stems[pos + 1..(pos + 5).min(stems.len())], Some(s)),
        None => (&stems[..4.min(stems.len())], None),
    };
    if after.iter().any(|s| assurance_stems.iter().any(|a| a == s)) {
        Strength::SeekAssurance
    } else if after.iter().any(|s| consider_stems.iter().any(|c| c == s)) {
        Strength::Consider
    } else {
        modal_strength.unwrap_or(Strength::Should)
    }
}

impl Classifier {
    /// Returns the agencies a recommendation is addressed to, in taxonomy order, each followed by
    /// its ancestors (icb ⇒ health).
    ///
    /// The addressee is read from a bracketed note after the label ("[to the police and
    /// partners]"), a leading "To …:" or the subject of the first sentence that has one (a
    /// headline may come first), i.e. the words before its first modal ("should", "must", …);
    /// of a possessive subject ("The Trust's Emergency Department"), the part that is owned
    /// when it names an agency. Agencies named later are not addressees. A bare imperative with
    /// no subject yields an empty list.
    pub fn addressees(&self, text: &str) -> Vec<EntryId> {
        let body = strip_label(text);
        // A bracketed note is all addressee; a sentence is addressee only up to its verb. A
        // headline without a verb ("Seeing disabled children in person.") comes before the
        // sentence that says who is to act.
        let (subject_text, is_note) = match addressee_note(body) {
            Some((addressee, _)) => (addressee, true),
            None => (acting_subject(body), false),
        };
        let tokens: Vec<Token> = token::tokenize(subject_text);
        let n_subject = if is_note { tokens.len() } else { subject_end(&tokens) };
        let whole = self.agencies_in(&tokens[..n_subject]);
        // "The Trust's Emergency Department", "the Partnership's social work service": when
        // both the owner and what it owns name agencies, what it owns is to act.
        if !is_note && let Some((owner, owned)) = split_possessive(subject_text) {
            let owner_tokens = token::tokenize(owner);
            let owned_tokens = token::tokenize(owned);
            let owned_agencies = self.agencies_in(&owned_tokens[..subject_end(&owned_tokens)]);
            if !owned_agencies.is_empty() && !self.agencies_in(&owner_tokens).is_empty() {
                return owned_agencies;
            }
        }
        whole
    }

    /// The agencies named in a subject, each followed by its ancestors.
    fn agencies_in(&self, subject_tokens: &[Token]) -> Vec<EntryId> {
        let agencies: Vec<Evidence> = self
            .evidence(subject_tokens)
            .into_iter()
            .filter(|ev| ev.status != Status::Excluded && self.kind_of(ev.entry) == Kind::Agency)
            .collect();
        // Agency names nest ("the Department for Education", "the school nursing service"): a
        // name inside a longer name of another agency is part of that name, not an addressee.
        let mut found: Vec<usize> = agencies
            .iter()
            .filter(|ev| {
                !agencies.iter().any(|outer| {
                    outer.entry != ev.entry
                        && outer.start <= ev.start
                        && ev.end <= outer.end
                        && outer.end - outer.start > ev.end - ev.start
                })
            })
            .map(|ev| ev.entry)
            .collect();
        // In a subject, "partners" on its own ("the police and partners") means the partner
        // agencies. Elsewhere it is usually a person's partner, so this is not in the taxonomy.
        let covered = |pos: usize| agencies.iter().any(|ev| ev.start <= pos && pos < ev.end);
        let partner = token::stem("partners");
        let bare_partners =
            subject_tokens.iter().enumerate().any(|(pos, t)| t.stem == partner && !covered(pos));
        if let Some(all_agencies) = self.position_of(ALL_AGENCIES).filter(|_| bare_partners) {
            found.push(all_agencies);
        }
        let mut out: Vec<usize> = Vec::new();
        found.sort_unstable();
        found.dedup();
        for entry in found {
            for e in std::iter::once(entry).chain(self.ancestors_of(entry)) {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        out.into_iter().map(|e| self.id_of(e).clone()).collect()
    }
}

/// Strips a leading label: "Recommendation 3:", "Rec 2.", "R3", "3.", "3.2)", "Recommendation One –".
fn strip_label(text: &str) -> &str {
    let mut rest = text.trim_start();
    for prefix in ["recommendation", "rec", "r"] {
        if let Some(after) = strip_prefix_ignore_case(rest, prefix) {
            // "R" and "Rec" count only when a number follows directly, so "Review…" survives.
            let next = after.trim_start().chars().next();
            let numbered = next.is_some_and(|c| c.is_ascii_digit())
                && after.starts_with(|c: char| c.is_ascii_digit() || c == ' ');
            if prefix == "recommendation" || numbered {
                rest = after.trim_start();
                break;
            }
        }
    }
    let number_words =
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    for word in number_words {
        if let Some(after) = strip_prefix_ignore_case(rest, word)
            && !after.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            rest = after;
            break;
        }
    }
    rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c.is_whitespace());
    rest.trim_start_matches(|c: char| {
        matches!(c, ':' | ')' | '-' | '\u{2013}' | '\u{2014}') || c.is_whitespace()
    })
}

/// Splits an addressee note off a recommendation ("[to the police and partners]: …", "To the
/// ICB: …"), returning the addressee and the text after the note.
fn addressee_note(body: &str) -> Option<(&str, &str)> {
    let (note, rest) =
        if let Some(inner) = body.strip_prefix('[').or_else(|| body.strip_prefix('(')) {
            let close = inner.find([']', ')'])?;
            (&inner[..close], &inner[close + 1..])
        } else {
            let colon = body.find(':').filter(|&c| c < 100)?;
            (&body[..colon], &body[colon + 1..])
        };
    let addressee = ["to ", "for ", "addressed to "]
        .iter()
        .find_map(|p| strip_prefix_ignore_case(note.trim_start(), p))?;
    let rest = rest.trim_start_matches(|c: char| c == ':' || c.is_whitespace());
    Some((addressee, rest))
}

/// Strips an ASCII `prefix` from `text`, ignoring ASCII case.
fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

/// Returns the first sentence: up to the first ". " / ";" / line break after some words.
/// The subject of the first of the opening sentences that has a verb to end it, up to the
/// verb ("The Partnership should agree…" after the headline "Seeing children in person.").
fn acting_subject(body: &str) -> &str {
    let modals: Vec<String> = MODALS.iter().map(|(m, _)| token::stem(m)).collect();
    let mut rest = body;
    for _ in 0..3 {
        let sentence = first_sentence(rest);
        let candidate = subject(sentence);
        let tokens = token::tokenize(candidate);
        let end = subject_end(&tokens);
        if end > 0 && tokens.get(end).is_some_and(|t| modals.contains(&t.stem)) {
            return candidate;
        }
        let next = rest[sentence.len()..].trim_start_matches(['.', ';', '\n', ' ']);
        if next.is_empty() {
            break;
        }
        rest = next;
    }
    subject(first_sentence(body))
}

/// Splits "The Trust's leaving care service should…" at its last possessive, when the words
/// after it run up to the verb: ("The Trust", "leaving care service should…").
fn split_possessive(subject: &str) -> Option<(&str, &str)> {
    let at = ["'s ", "’s "].iter().filter_map(|p| subject.find(p).map(|i| (i, p.len()))).min()?;
    let (owner, owned) = (&subject[..at.0], &subject[at.0 + at.1..]);
    // Only a possessive before the verb: "The Housing Executive should notify the Trust's
    // health visiting service" is the Housing Executive's to do.
    let verb_before = subject_end(&token::tokenize(owner)) > 0;
    (!verb_before && subject_end(&token::tokenize(owned)) > 0).then_some((owner, owned))
}

fn first_sentence(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(i, c)| {
            (c == '.' && text[i + 1..].starts_with(char::is_whitespace))
                || c == ';'
                || (c == '\n' && i > 20)
        })
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// Removes a leading "That" or "It is recommended that", which precede the real subject.
fn subject(sentence: &str) -> &str {
    let trimmed = sentence.trim_start();
    ["it is recommended that ", "we recommend that ", "the review recommends that ", "that "]
        .iter()
        .find_map(|opener| strip_prefix_ignore_case(trimmed, opener))
        .unwrap_or(trimmed)
}

/// Returns the number of leading tokens that form the subject (0 for a bare imperative).
fn subject_end(tokens: &[Token]) -> usize {
    // A modal ends the subject; "to" too, as action plans write "The Board to seek assurance…".
    // Only without either does a verb end it ("The Partnership ensures that…"), so that "the
    // Clinical Commissioning Group should" keeps its name whole.
    let modals: Vec<String> = MODALS
        .iter()
        .map(|(m, _)| token::stem(m))
        .chain(std::iter::once("to".to_owned()))
        .collect();
    let verbs: Vec<String> = SUBJECT_ENDING_VERBS.iter().map(|v| token::stem(v)).collect();
    let end = tokens
        .iter()
        .position(|t| modals.contains(&t.stem))
        .or_else(|| tokens.iter().position(|t| verbs.contains(&t.stem)));
    match end {
        Some(end) if end <= MAX_SUBJECT_WORDS => end,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::super::Taxonomy;
    use super::*;

    #[test]
    fn the_subject_after_a_headline_or_a_possessive_is_the_addressee() {
        check_addressees(
            "Seeing disabled children in person. The Partnership should agree a standard.",
            &["board"],
        );
        check_addressees(
            "Marlbeck Clinical Commissioning Group should commission domestic abuse training.",
            &["icb", "health"],
        );
        check_addressees(
            "The Integrated Care Board should seek assurance from the CAMHS provider that every child is seen.",
            &["icb", "health"],
        );
        check_addressees(
            "The Trust's Emergency Department should discuss any bruise with a paediatrician.",
            &["hospital", "health"],
        );
        check_addressees(
            "The Housing Executive should notify the relevant Trust's health visiting service.",
            &["housing"],
        );
        check_addressees("PSNI should ensure that notifications include convictions.", &["police"]);
        check_addressees("Strathfennan CPC should refresh its guidance.", &["board"]);
        check_addressees(
            "Escalating when a child cannot be seen. All partner agencies should remind staff.",
            &["all_agencies"],
        );
    }

    fn check_addressees(text: &str, expected: &[&str]) {
        let classifier = Classifier::new(&Taxonomy::builtin());
        let got: Vec<String> =
            classifier.addressees(text).iter().map(|id| id.to_string()).collect();
        assert_eq!(got, expected, "text: {text:?}");
    }

    fn check_strength(text: &str, expected: Strength) {
        assert_eq!(strength(text), expected, "text: {text:?}");
    }

    #[test]
    fn board_and_partnership_subjects_are_the_board() {
        check_addressees(
            "The Board should seek assurance that thresholds are understood.",
            &["board"],
        );
        check_addressees(
            "Northmoor Safeguarding Children Partnership should review its escalation policy.",
            &["board"],
        );
        check_addressees(
            "The LSCB should ensure that GPs and the police share information.",
            &["board"],
        );
        check_addressees(
            "Recommendation 4: The Safeguarding Adults Board should seek assurance from partners.",
            &["board"],
        );
    }

    #[test]
    fn agency_subjects_map_to_agencies_and_their_parents() {
        check_addressees(
            "Health partners must ensure that bruising in non-mobile babies is referred.",
            &["health"],
        );
        check_addressees("The ICB should audit GP records.", &["icb", "health"]);
        check_addressees(
            "Children's social care and the police should hold joint strategy discussions.",
            &["childrens_social_care", "police"],
        );
        check_addressees("All agencies should promote the escalation policy.", &["all_agencies"]);
    }

    #[test]
    fn common_addressees_are_recognised() {
        check_addressees(
            "The Community Safety Partnership should commission a review.",
            &["board"],
        );
        check_addressees("NHS England should issue guidance.", &["health"]);
        check_addressees("The Department for Education should revise guidance.", &["government"]);
        check_addressees(
            "The national Panel should consider a thematic review.",
            &["national_panel"],
        );
        check_addressees("Schools and colleges should train staff.", &["education"]);
        check_addressees("GP practices must record who attends.", &["gp", "health"]);
        check_addressees(
            "Midwifery and health visiting services should share birth plans.",
            &["health_visiting", "health", "midwifery"],
        );
        check_addressees(
            "Mental health services should assess parenting.",
            &["mental_health_services"],
        );
        check_addressees(
            "It is recommended that probation reviews its MAPPA referrals.",
            &["probation"],
        );
        check_addressees(
            "That adult social care ensures carers are assessed.",
            &["adult_social_care"],
        );
        check_addressees("To the police: review DASH training.", &["police"]);
        check_addressees("The local authority should review its policy.", &[]);
    }

    #[test]
    fn bracketed_addressee_note_is_read() {
        check_addressees(
            "Recommendation 1 [to the police and partners]: review the use of DASH.",
            &["police", "all_agencies"],
        );
        check_addressees("R2 (to the CCG): commission training for GPs.", &["icb", "health"]);
    }

    #[test]
    fn bare_imperative_has_no_addressee() {
        check_addressees(
            "3. Review the information sharing protocol between police and health.",
            &[],
        );
    }

    #[test]
    fn strength_follows_the_modal() {
        check_strength("The Board should seek assurance that…", Strength::SeekAssurance);
        check_strength("Health partners must ensure that…", Strength::Must);
        check_strength("The ICB should consider commissioning…", Strength::Consider);
        check_strength("Recommendation 2: Children's social care should review…", Strength::Should);
        check_strength("The Partnership may wish to explore…", Strength::Consider);
        check_strength("Review the threshold document.", Strength::Should);
        check_strength("The SAB to seek assurance from partners that…", Strength::SeekAssurance);
        check_strength(
            "Recommendation 1 [to the police and partners]: consider joint training.",
            Strength::Consider,
        );
        check_strength(
            "In order to improve practice, the Board should seek assurance that…",
            Strength::SeekAssurance,
        );
        check_strength(
            "The ICB is asked to provide assurance to the Board.",
            Strength::SeekAssurance,
        );
        check_strength("Partners shall report to the Board.", Strength::Must);
        assert_eq!(Strength::SeekAssurance.as_str(), "seek_assurance");
        assert_eq!(Strength::Must.as_str(), "must");
    }
}
