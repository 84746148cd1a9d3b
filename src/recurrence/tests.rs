//! Tests of recommendation grouping: realistic pairs, and scale.
use super::*;
use std::time::Instant;

/// Normalises `text` within an input made of `text` alone and compares the words.
fn check_normalised(text: &str, expected: &str) {
    let mut tokens = [tokenise(text)];
    let vocabulary = Words::new(&mut tokens);
    // Features come sorted by id, which is the order in which stems first occur.
    let words: Vec<&str> = normalise(&tokens[0], &vocabulary)
        .iter()
        .map(|&f| vocabulary.features[f as usize].as_str())
        .collect();
    assert_eq!(words.join(" "), expected, "normalising {text:?}");
}

/// Groups `(review, text)` pairs and compares the representatives.
fn check(input: &[(&str, &str)], expected: &[usize]) {
    let texts: Vec<Text<'_>> = input.iter().map(|&(review, text)| Text { review, text }).collect();
    assert_eq!(group(&texts), expected);
}

#[test]
fn stemming_joins_plurals_and_verb_forms() {
    for (words, stem_of_all) in [
        (&["assessment", "assessments", "assess", "assessed"][..], "assess"),
        (&["share", "sharing", "shared"][..], "shar"),
        (&["bruise", "bruising", "bruises"][..], "bruis"),
        (&["protection", "protect", "protected"][..], "protect"),
        (&["refer", "referred", "referring"][..], "refer"),
        (&["policy", "policies"][..], "policy"),
        (&["escalate", "escalation", "escalating", "escalated"][..], "escal"),
        (&["interpreter", "interpreters"][..], "interpreter"),
    ] {
        for w in words {
            assert_eq!(stem(w), stem_of_all, "stem of {w}");
        }
    }
}

#[test]
fn normalising_drops_addressee_boilerplate_and_stop_words() {
    check_normalised(
        "Health partners must ensure that routine enquiry about domestic abuse is made when the woman is seen alone.",
        "routin enquiry domestic abus woman seen alon",
    );
    check_normalised(
        "Recommendation 2 [to the police]: Kelderbrook Police must ensure that officers attending DA incidents have access to the history.",
        "officer attend da incident access history",
    );
}

#[test]
fn normalising_drops_local_names_but_keeps_acronyms() {
    check_normalised(
        "The CCG should support GP practices in Kelderbrook to refer to MARAC and CAMHS.",
        "support gp practic refer marac camhs",
    );
}

#[test]
fn normalising_keeps_a_leading_clause_before_the_addressee() {
    check_normalised(
        "When a child is not brought twice, the health visitor must inform the GP.",
        "child brought twic inform gp",
    );
}

#[test]
fn normalising_keeps_a_sentence_without_addressee() {
    check_normalised(
        "Safer sleep assessment is embedded in contacts.",
        "safer sleep assess embed contact",
    );
}

#[test]
fn rewordings_from_different_reviews_group_under_the_first() {
    check(
        &[
            (
                "a",
                "Health partners must ensure that routine enquiry about domestic abuse is made when the woman is seen alone.",
            ),
            (
                "b",
                "Schools should review their online safety curriculum so that it addresses grooming.",
            ),
            (
                "c",
                "All health agencies should ensure that routine enquiry about domestic abuse takes place whenever a woman is seen on her own.",
            ),
        ],
        &[0, 1, 0],
    );
}

#[test]
fn recommendations_of_one_review_never_group() {
    let text = "All agencies must ensure that independent interpreters are used for safeguarding conversations.";
    check(&[("a", text), ("a", text), ("b", text)], &[0, 1, 0]);
}

/// Returns the similarity matrix of `(review, text)` pairs, weighted over those texts alone.
fn similarities(input: &[(&str, &str)]) -> Vec<Vec<f64>> {
    let texts: Vec<Text<'_>> = input.iter().map(|&(review, text)| Text { review, text }).collect();
    let mut tokens: Vec<_> = texts.iter().map(|t| tokenise(t.text)).collect();
    let words = Words::new(&mut tokens);
    let docs = tokens.iter().map(|t| normalise(t, &words)).collect();
    let vectors = Vectors::new(docs, words.n_features());
    (0..texts.len()).map(|a| (0..texts.len()).map(|b| vectors.similarity(a, b)).collect()).collect()
}

#[test]
fn members_must_resemble_the_representative() {
    // C is close enough to B to link, but B joins A first (their link is stronger) and C is too
    // far from A: single linkage would have chained all three.
    let input = [
        ("a", "alpha bravo charlie delta echo foxtrot"),
        ("b", "alpha bravo charlie delta echo foxtrot golf hotel india juliet"),
        ("c", "foxtrot golf hotel india juliet"),
    ];
    let sim = similarities(&input);
    assert!(sim[1][2] >= SIMILARITY_THRESHOLD, "{sim:?}");
    assert!(sim[0][2] < SIMILARITY_THRESHOLD, "{sim:?}");
    check(&input, &[0, 0, 2]);
}

#[test]
fn empty_and_boilerplate_only_texts_stay_alone() {
    check(
        &[
            ("a", ""),
            ("b", ""),
            ("c", "The Board should ensure that this is done."),
            ("d", "The Board must ensure that this is done."),
        ],
        &[0, 1, 2, 3],
    );
    check(&[], &[]);
}

/// Rewordings of one recommendation by different reviews, in the style of `corpus/`.
const SAME: &[(&str, &str)] = &[
    (
        "Health partners must ensure that routine enquiry about domestic abuse is made when the woman is seen alone.",
        "All health agencies should ensure that routine enquiry about domestic abuse takes place whenever a woman is seen on her own.",
    ),
    (
        "Recommendation 5: Thrandale Children's Services must ensure that management decisions to step down or close a case record the evidence of change on which the decision is based.",
        "4. Tolmarsh Council Children's Services must ensure that management decisions to step down or close a case record the evidence of change on which the decision is based.",
    ),
    (
        "3. All agencies must ensure that independent interpreters are used for safeguarding conversations and that children and family members are never used as interpreters.",
        "Kelderbrook Safeguarding Adults Board should seek assurance that partner agencies use professional interpreters, and never family members or children, when discussing safeguarding concerns.",
    ),
    (
        "Recommendation 1: Health partners must ensure that safer sleep assessment is embedded in antenatal and postnatal contacts, addresses sleeping arrangements on out-of-routine nights, and is repeated when circumstances change.",
        "Midwifery and health visiting services should ensure that a safer sleep assessment is completed at antenatal and postnatal contacts and repeated whenever the family's circumstances or sleeping arrangements change.",
    ),
    (
        "R5 [to health partners]: Midwifery and health visiting services should ensure that fathers and male partners are routinely invited to antenatal and new birth contacts and that their details and any known history are recorded in the child's record.",
        "Ormsleigh Safeguarding Children Partnership should seek assurance that maternity and health visiting services routinely invite fathers and male carers to antenatal appointments and new birth visits, and record their details and history.",
    ),
    (
        "2. Tolmarsh Local Safeguarding Children Board must refresh and relaunch its escalation policy, with a simple guide for practitioners, and must monitor its use by reporting the number and outcome of escalations to the partnership each quarter.",
        "Thrandale Safeguarding Children Partnership should relaunch the escalation policy and monitor how often, and with what outcome, practitioners use it.",
    ),
    (
        "R1 [to mental health services]: The child and adolescent mental health service (CAMHS) must ensure that no young person with a recent history of self-harm is discharged for non-attendance without a discussion with the referrer and a review of risk.",
        "CAMHS should ensure that young people with a recent history of self-harm are not discharged after missed appointments until the risk has been discussed with the referrer.",
    ),
    (
        "R4 [to maternity services]: Midwifery services must ensure that where concerns are identified during pregnancy, a referral is made to children's social care in time for a pre-birth assessment to be completed before thirty-two weeks.",
        "Maternity services should ensure that concerns identified in pregnancy are referred to children's social care early enough for pre-birth assessments to be completed before 32 weeks of pregnancy.",
    ),
    (
        "1. Tolmarsh Children's Safeguarding Partnership should raise awareness of private fostering and of the indicators of child trafficking among schools, GP practices and community and faith groups.",
        "The Board should run a campaign to raise awareness of private fostering arrangements among schools, GPs, and faith and community groups.",
    ),
    (
        "Kelderbrook Council Adult Social Care must ensure that care packages are reviewed within two weeks of a person's discharge from hospital, and whenever a provider raises concerns.",
        "Adult social care should ensure that a person's care package is reviewed within two weeks of hospital discharge.",
    ),
    (
        "Kelderbrook Council Adult Social Care must ensure that concerns about a lack of money, food or heating for a person with care and support needs are screened for possible financial abuse.",
        "Adult safeguarding teams should screen reports that a person with care and support needs has no money, food or heating for signs of financial abuse.",
    ),
    (
        "3. All partner agencies must ensure that their assessment and recording systems identify every adult in a child's household, and that checks are made on new partners as a matter of routine.",
        "Children's social care should ensure that assessments identify all adults living in or visiting the household, and that checks are routinely made on new partners.",
    ),
    (
        "Recommendation 2 [to the Community Safety Partnership]: Safer Kelderbrook Partnership should commission multi-agency training on coercive and controlling behaviour for practitioners in primary care, employers' occupational health services and the voluntary sector.",
        "The Community Safety Partnership should provide training on coercive and controlling behaviour for primary care staff, occupational health services and voluntary organisations.",
    ),
    (
        "R2 [to the health visiting service]: The health visiting service should ensure that information about infant crying and the dangers of shaking is given to fathers and male carers as well as to mothers, and that this is recorded.",
        "Health visitors and midwives should give both parents, including fathers and male carers, information on coping with infant crying and the dangers of shaking, and record that they have done so.",
    ),
    (
        "Recommendation 1: Thrandale Local Safeguarding Children Board should relaunch its neglect strategy and tool, and should set an expectation that the tool is used at the start of work with a family and reviewed at least every six months while concerns persist.",
        "The Partnership should relaunch the neglect tool and require practitioners to use it at the start of work with a family and every six months while neglect concerns continue.",
    ),
];

/// Recommendations that share a topic but ask for different things.
const DIFFERENT: &[(&str, &str)] = &[
    (
        "Health partners should ensure that routine enquiry about domestic abuse is made at every antenatal contact.",
        "Kelderbrook Police must ensure that victims of repeat domestic abuse are identified and referred to MARAC.",
    ),
    (
        "R1 [to the safeguarding partners]: Ormsleigh and Fenmarch Safeguarding Children Partnership must review its protocol for the assessment of bruising and injuries in non-mobile babies, relaunch it across all partner agencies and audit compliance within twelve months.",
        "The ICB should ensure that GP practice staff, including receptionists, are trained to follow the bruising protocol when they see a non-mobile baby.",
    ),
    (
        "Recommendation 2: Thrandale Children's Services should ensure that assessments of families with babies under one include a safer sleep assessment and that social workers are trained to undertake it.",
        "The Partnership should run a safer sleep campaign for parents over the Christmas period, when routines change.",
    ),
    (
        "Schools should ensure that designated safeguarding leads know how to escalate when they disagree with a decision of children's social care.",
        "The Partnership should audit the use of the escalation policy each year.",
    ),
    (
        "R3 [to schools and the local authority]: Schools should ensure that pupils who self-harm have a safety plan agreed with the young person, their parents and health professionals, and reviewed regularly.",
        "Emergency departments should ensure that every child who attends after self-harm has a psychosocial assessment before discharge.",
    ),
    (
        "Recommendation 6 [to government]: The Home Office should consider issuing guidance on the use of coercive control offences where victims withdraw support for prosecution.",
        "Recommendation 1 [to the police]: Kelderbrook Police must ensure that, where a victim assessed as high risk withdraws support for a prosecution, the risk assessment and safety plan are reviewed and the case is returned to MARAC if the risk remains high.",
    ),
    (
        "The Integrated Care Board should seek assurance that GP practices have a system for identifying and reviewing children who are repeatedly not brought to appointments.",
        "Health partners should ensure that community paediatric and therapy services notify the child's social worker when a disabled child is not brought to appointments.",
    ),
];

/// Rewordings that are the same recommendation to a reader but that the measure misses: one
/// side adds many details of its own, so the shared words weigh too little. Raising the
/// threshold's reach to these would also merge the different asks above.
const MISSED: &[(&str, &str)] = &[
    (
        "R3 [to health partners]: Health partners must ensure that 'was not brought' policies are in place in every service that sees children, and that repeated non-attendance triggers a safeguarding review rather than discharge.",
        "Recommendation 4: Health partners must ensure that all provider organisations have a 'was not brought' policy for children, and that no child is discharged for non-attendance without consideration of safeguarding concerns and notification to the GP and health visitor or school nurse.",
    ),
    (
        "Recommendation 1: Thrandale Safeguarding Children Partnership should ensure that multi-agency training equips practitioners to ask children about their online lives, including exposure to harmful content and contact with unknown adults.",
        "R4 [to the Board]: Ormsleigh and Fenmarch Safeguarding Children Board should develop guidance and training to help practitioners talk with children about their online lives, including gaming platforms, messaging apps and contact with people they have not met.",
    ),
];

/// Other recommendations of the sample corpus, so that IDF weights are not computed over the
/// pairs alone.
const BACKGROUND: &[&str] = &[
    "Recommendation 3 [to the IDVA service]: The IDVA service must ensure that high-risk cases are not closed because of non-contact without a multi-agency discussion and a review of risk.",
    "Recommendation 5 [to the police]: Kelderbrook Police must ensure that officers attending DA incidents have access to the history of previous incidents at the address.",
    "1. Tolmarsh Local Safeguarding Children Board must ensure that multi-agency training on child sexual abuse addresses the signs and indicators in younger children and the barriers to disclosure.",
    "2. Schools should ensure that sexualised behaviour in young children is recorded, discussed with the designated safeguarding lead and considered as a possible indicator of abuse.",
    "Recommendation 7: Schools should ensure that designated safeguarding leads maintain a chronology of concerns about children who show signs of neglect and share it when making a referral.",
    "3. Tolmarsh Council Children's Services should ensure that outcome letters to referrers explain the reasons for decisions and include information about how to request a review of the decision.",
    "Recommendation 3: Thrandale Children's Services must ensure that child in need and child protection plans include specific, measurable outcomes describing the child's experience.",
    "Recommendation 2: Thrandale Children's Services must ensure that assessments of families with a history of repeated referrals include a full chronology and an analysis of the cumulative impact on each child.",
    "Recommendation 6: Thrandale Local Safeguarding Children Board should seek assurance, through its multi-agency audit programme, that the voice and lived experience of children are influencing decisions.",
    "Recommendation 4: Thrandale Safeguarding Children Partnership should ensure that early help procedures require a managerial review of risk when a family declines or withdraws from early help.",
    "Recommendation 3: The Thrandale Recovery Service must ensure that all service users are asked about children in their care, and that safe storage of medication is checked at home visits.",
    "R5 [to children's social care]: Ormsleigh and Fenmarch Children's Social Care should ensure that parents with learning disabilities are offered an advocate and that plans are provided in accessible formats.",
    "Recommendation 2: Schools should review their online safety curriculum so that it addresses grooming by people who present as peers.",
    "R3 [to health partners]: Maternity services should ensure that any history of mental illness, including previous postnatal depression, is identified at booking and leads to referral to the perinatal mental health service.",
    "2. Tolmarsh Council Children's Services must ensure that every child notified as privately fostered is visited and assessed within the statutory timescales.",
    "4. The Clinical Commissioning Group should work with GP practices and provider trusts to ensure that electronic records systems flag safeguarding concerns about parents and carers on the records of their children.",
];

/// Puts every pair's two texts, then the background, in one input; each text gets its own
/// review, as rewordings come from different reviews.
fn realistic_input() -> Vec<(String, &'static str)> {
    let pairs = SAME.iter().chain(DIFFERENT).chain(MISSED);
    let texts = pairs.flat_map(|&(a, b)| [a, b]).chain(BACKGROUND.iter().copied());
    texts.enumerate().map(|(i, text)| (format!("review-{i}"), text)).collect()
}

/// Groups the realistic input and returns, for `n_pairs` pairs from `first_pair` (pairs are
/// numbered through SAME, then DIFFERENT, then MISSED), whether it grouped and its similarity.
fn realistic_outcomes(first_pair: usize, n_pairs: usize) -> Vec<(bool, f64)> {
    let owned = realistic_input();
    let input: Vec<(&str, &str)> = owned.iter().map(|(r, t)| (r.as_str(), *t)).collect();
    let texts: Vec<Text<'_>> = input.iter().map(|&(review, text)| Text { review, text }).collect();
    let groups = group(&texts);
    let sim = similarities(&input);
    (first_pair..first_pair + n_pairs)
        .map(|p| {
            let (a, b) = (2 * p, 2 * p + 1);
            println!("pair {p:2}: similarity {:.2}, grouped {}", sim[a][b], groups[a] == groups[b]);
            (groups[a] == groups[b], sim[a][b])
        })
        .collect()
}

#[test]
fn realistic_rewordings_group() {
    let outcomes = realistic_outcomes(0, SAME.len());
    let missed: Vec<usize> = (0..outcomes.len()).filter(|&p| !outcomes[p].0).collect();
    assert!(missed.is_empty(), "pairs that should group but did not: {missed:?}");
}

#[test]
fn same_topic_different_asks_stay_apart() {
    let outcomes = realistic_outcomes(SAME.len(), DIFFERENT.len());
    let merged: Vec<usize> = (0..outcomes.len()).filter(|&p| outcomes[p].0).collect();
    assert!(merged.is_empty(), "pairs that should stay apart but grouped: {merged:?}");
}

#[test]
fn rewordings_that_add_much_detail_are_missed() {
    let outcomes = realistic_outcomes(SAME.len() + DIFFERENT.len(), MISSED.len());
    assert!(outcomes.iter().all(|&(grouped, _)| !grouped), "{outcomes:?}");
}

#[test]
fn realistic_background_recommendations_stay_alone() {
    let owned = realistic_input();
    let texts: Vec<Text<'_>> = owned.iter().map(|(r, t)| Text { review: r, text: t }).collect();
    let groups = group(&texts);
    let first = 2 * (SAME.len() + DIFFERENT.len() + MISSED.len());
    for i in first..texts.len() {
        let n_members = groups.iter().filter(|&&g| g == groups[i]).count();
        assert_eq!(n_members, 1, "background text {i} grouped: {}", texts[i].text);
    }
}

/// A small deterministic random number generator (xorshift), so the test needs no crate.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Synthetic `(review, text)` pairs, and the `(original, rewording)` index pairs planted in them.
type Synthetic = (Vec<(String, String)>, Vec<(usize, usize)>);

/// Builds `n_texts` synthetic recommendations of 12 to 20 words drawn from a Zipf-like
/// vocabulary of 5,000 made-up words (so a few words are everywhere, as "training" is), with
/// boilerplate around them, ten per review. The last `n_planted` texts are rewordings of
/// earlier ones, from other reviews: two words swapped for others and one dropped.
fn synthetic(n_texts: usize, n_planted: usize) -> Synthetic {
    let syllables =
        ["ka", "lo", "mi", "ne", "tu", "ra", "po", "si", "vu", "de", "fa", "gi", "ho", "ju", "be"];
    let vocabulary: Vec<String> = (0..5000)
        .map(|i| {
            let s = |k: usize| syllables[(i / 15usize.pow(k as u32)) % 15];
            format!("{}{}{}{}", s(0), s(1), s(2), s(3))
        })
        .collect();
    let cumulative: Vec<f64> = (0..vocabulary.len())
        .scan(0.0, |acc, rank| {
            *acc += 1.0 / (rank + 1) as f64;
            Some(*acc)
        })
        .collect();
    let total = cumulative[cumulative.len() - 1];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let word = |rng: &mut Rng| {
        let x = rng.below(1 << 30) as f64 / (1u64 << 30) as f64 * total;
        cumulative.partition_point(|&c| c < x).min(vocabulary.len() - 1)
    };
    let mut bodies: Vec<Vec<usize>> = Vec::with_capacity(n_texts);
    let mut planted = Vec::with_capacity(n_planted);
    for _ in 0..n_texts - n_planted {
        let n_words = 12 + rng.below(9);
        bodies.push((0..n_words).map(|_| word(&mut rng)).collect());
    }
    for p in 0..n_planted {
        let original = (p * 7919) % (n_texts - n_planted);
        let mut body = bodies[original].clone();
        for _ in 0..2 {
            let at = rng.below(body.len());
            body[at] = word(&mut rng);
        }
        body.remove(rng.below(body.len()));
        bodies.push(body);
        planted.push((original, n_texts - n_planted + p));
    }
    let texts = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| {
            let words: Vec<&str> = body.iter().map(|&w| vocabulary[w].as_str()).collect();
            let text = format!(
                "Recommendation {}: Wexbury Partnership should ensure that the {}.",
                i % 10 + 1,
                words.join(" and ")
            );
            (format!("review-{}", i / 10), text)
        })
        .collect();
    (texts, planted)
}

#[test]
fn fifty_thousand_texts_group_planted_rewordings_quickly() {
    let (owned, planted) = synthetic(50_000, 1_000);
    let texts: Vec<Text<'_>> = owned.iter().map(|(r, t)| Text { review: r, text: t }).collect();
    let started = Instant::now();
    let groups = group(&texts);
    let elapsed = started.elapsed();
    let mut sizes = vec![0usize; groups.len()];
    for &g in &groups {
        sizes[g] += 1;
    }
    let n_grouped = groups.iter().filter(|&&g| sizes[g] > 1).count();
    println!(
        "grouped {} texts in {elapsed:?}; {n_grouped} texts in groups of two or more",
        texts.len()
    );
    let missed: Vec<&(usize, usize)> =
        planted.iter().filter(|&&(a, b)| groups[a] != groups[b]).collect();
    assert!(
        missed.is_empty(),
        "{} planted pairs missed, e.g. {:?}",
        missed.len(),
        &missed[..missed.len().min(5)]
    );
    // Unplanted texts are random draws that share only common words: about one in 250 of them
    // reaches the threshold with another by chance, so allow 1% beyond the planted pairs.
    assert!(n_grouped < 2 * planted.len() + texts.len() / 100, "{n_grouped}");
    assert_eq!(group(&texts), groups, "same input, same groups");
}
