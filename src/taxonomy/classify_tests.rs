//! Unit tests of the classifier, kept beside `classify.rs` to keep that file short.

use super::super::Taxonomy;
use super::*;

fn classifier() -> Classifier {
    Classifier::new(&Taxonomy::builtin())
}

/// Checks that `text` in `section` tags every id of `tagged` and none of `not_tagged`.
fn check(text: &str, section: SectionKind, tagged: &[&str], not_tagged: &[&str]) {
    let tags = classifier().classify(text, section);
    let got: Vec<&str> = tags.tagged().map(EntryId::as_str).collect();
    for id in tagged {
        assert!(got.contains(id), "{id} should be tagged in {text:?}; got {got:?}");
    }
    for id in not_tagged {
        assert!(!got.contains(id), "{id} should not be tagged in {text:?}; got {got:?}");
    }
}

fn finding(text: &str, tagged: &[&str], not_tagged: &[&str]) {
    check(text, SectionKind::Findings, tagged, not_tagged);
}

#[test]
fn camhs_wording_is_not_parental_mental_health() {
    finding(
        "She was referred to the child and adolescent mental health service.",
        &["mental_health_services"],
        &["parental_mental_health"],
    );
    finding("The mental health trust did not attend.", &[], &["parental_mental_health"]);
}

#[test]
fn mothers_mental_health_is_parental_mental_health() {
    finding(
        "The mother's mental health deteriorated after the birth.",
        &["parental_mental_health"],
        &[],
    );
    finding(
        "Her mental health was poor and the father was not assessed.",
        &["parental_mental_health"],
        &[],
    );
    finding("Mental health was discussed at length.", &[], &["parental_mental_health"]);
}

#[test]
fn domestic_violence_and_uppercase_da_are_domestic_abuse() {
    finding("There was domestic violence in the home.", &["domestic_abuse"], &[]);
    finding("Police attended three DA incidents.", &["domestic_abuse"], &[]);
    finding("The data showed a dad at the door.", &[], &["domestic_abuse"]);
    finding("da da da", &[], &["domestic_abuse"]);
    finding("Coercive control was not recognised.", &["domestic_abuse"], &[]);
}

#[test]
fn sleep_and_exploitation_synonyms_tag_their_themes() {
    finding("The baby died after co-sleeping on a sofa.", &["sudi", "babies_under_one"], &[]);
    finding("He was drawn into county lines.", &["cce"], &[]);
    finding("Evidence of cuckooing at the flat.", &["cce"], &[]);
    finding("A scan showed NAHI.", &["nahi", "physical_abuse"], &[]);
    finding("Peer-on-peer abuse at school.", &["hsb"], &[]);
}

#[test]
fn inflected_forms_match() {
    finding("The children were neglected.", &["neglect"], &[]);
    finding("Neglectful parenting persisted.", &["neglect"], &[]);
    finding(
        "Information was not shared with the GP.",
        &["information_sharing", "gp", "health"],
        &[],
    );
    finding("Multi agency working was weak.", &["multi_agency_working"], &[]);
}

#[test]
fn self_neglect_is_not_neglect() {
    finding("Her self-neglect worsened.", &["self_neglect"], &["neglect"]);
}

#[test]
fn terms_of_reference_list_weighs_little() {
    let list = "The review considered: neglect; domestic abuse; parental mental health; substance misuse; \
        information sharing; the voice of the child.";
    check(
        list,
        SectionKind::TermsOfReference,
        &[],
        &["neglect", "domestic_abuse", "information_sharing"],
    );
    check(list, SectionKind::Contents, &[], &["neglect", "domestic_abuse"]);
    check(list, SectionKind::Findings, &["neglect", "domestic_abuse", "information_sharing"], &[]);
}

#[test]
fn body_text_needs_two_single_words_or_one_phrase() {
    check("Neglect was mentioned.", SectionKind::Chronology, &[], &["neglect"]);
    check("Neglect was mentioned. Neglect again.", SectionKind::Chronology, &["neglect"], &[]);
    check("Domestic violence was reported.", SectionKind::Chronology, &["domestic_abuse"], &[]);
}

#[test]
fn toxic_trio_needs_all_three_or_its_name() {
    finding(
        "Domestic abuse, maternal depression and parental substance misuse were all present.",
        &["toxic_trio", "domestic_abuse", "parental_mental_health", "parental_substance_misuse"],
        &[],
    );
    finding("Domestic abuse and drug misuse were present.", &[], &["toxic_trio"]);
    finding("The so-called toxic trio was present.", &["toxic_trio"], &[]);
}

#[test]
fn cheap_negations_do_not_count() {
    finding("There was no evidence of domestic abuse.", &[], &["domestic_abuse"]);
    finding("There were no concerns about neglect.", &[], &["neglect"]);
    finding("Professionals did not recognise the neglect.", &["neglect"], &[]);
    finding("The father denied drug use.", &[], &["parental_substance_misuse"]);
    finding("There was no known history of self-harm.", &[], &["suicide_self_harm"]);
    finding("No evidence of DA. Later, domestic abuse was disclosed.", &["domestic_abuse"], &[]);
    // What practitioners did not do is the learning of a practice theme, not its absence.
    finding("Adult mental health services did not think family.", &["think_family"], &[]);
    finding("There was no escalation of the disagreement.", &["escalation"], &[]);
    let tags = classifier().classify("no evidence of domestic abuse", SectionKind::Findings);
    assert_eq!(tags.get("domestic_abuse").map(|s| s.n_negated), Some(1));
}

#[test]
fn ambiguous_words_need_their_context() {
    finding("Opportunities were missed.", &[], &["engagement"]);
    finding("There were many missed opportunities.", &[], &["engagement"]);
    finding("He missed appointments at the clinic.", &["engagement"], &[]);
    finding("Three health appointments were missed.", &["engagement"], &[]);
    finding("Key information was missing from the file.", &[], &["missing_children"]);
    finding("She was reported missing to the police.", &["missing_children"], &[]);
    finding("He was missing education for a year.", &["not_in_school"], &["missing_children"]);
}

#[test]
fn agency_children_tag_their_parent() {
    finding("The health visitor saw the baby.", &["health_visiting", "health"], &[]);
    finding("The ICB commissioned the service.", &["icb", "health"], &[]);
}

#[test]
fn scores_report_counts_and_weights() {
    let tags = classifier().classify("neglect, neglect and DA", SectionKind::Findings);
    let neglect = tags.get("neglect").expect("neglect scored");
    assert_eq!((neglect.n_matches, neglect.score), (2, 2.0 * SINGLE_WORD));
    assert_eq!(tags.get("domestic_abuse").map(|s| s.score), Some(ABBREVIATION));
    assert!(tags.get("police").is_none());
}

#[test]
fn classifier_never_panics_on_arbitrary_text() {
    let classifier = classifier();
    let synonyms = super::super::SynonymIndex::new(&Taxonomy::builtin());
    let pieces = [
        "neglect",
        "DA",
        "'",
        "’s",
        "-",
        " ",
        ".",
        "no",
        "\u{00AD}",
        "ﬁ",
        "é",
        "\u{0301}",
        "missing",
        "mental health",
        "\n",
        "Ⅻ",
        "😀",
        "GPs",
        "s",
        "'s",
        "\u{200B}",
        "١٢",
        "ß",
        "İ",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..2_000 {
        let mut text = String::new();
        for _ in 0..(round % 40) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let byte = (seed & 0xFF) as u8;
            if byte < 128 {
                text.push(byte as char);
            } else {
                text.push_str(pieces[usize::from(byte) % pieces.len()]);
            }
        }
        let _ = classifier.classify(&text, SectionKind::Findings);
        let _ = classifier.addressees(&text);
        let _ = super::super::strength(&text);
        let _ = synonyms.expand(&[text.as_str(), "da"]);
    }
}

#[test]
fn a_4000_character_page_classifies_like_its_paragraph() {
    // How fast is measured by `cargo bench --bench classify`, not here (#21): a test must not
    // depend on the machine's speed.
    let classifier = classifier();
    let paragraph = "Finding 3: the health visitor and the GP did not share information about the \
        mother's mental health, the domestic abuse reported by police, or the neglect of the baby. \
        Missed appointments were not escalated and the child was not seen. ";
    let page: String = paragraph.repeat(4000 / paragraph.len() + 1);
    let once = classifier.classify(paragraph, SectionKind::Findings);
    let repeated = classifier.classify(&page, SectionKind::Findings);
    assert!(repeated.is_tagged("neglect"));
    for id in once.tagged() {
        assert!(repeated.is_tagged(id.as_str()), "{id:?}: tagged in the paragraph, not the page");
    }
}

#[test]
fn stray_words_of_other_registers_do_not_tag() {
    finding("Section 47 enquiries were completed.", &[], &["adult_mental_illness"]);
    finding("A brief period of support followed.", &[], &["briefing"]);
    finding("The organisational culture discouraged challenge.", &[], &["culture_faith_ethnicity"]);
    finding("The deprivation of liberty safeguards applied.", &["mental_capacity"], &["poverty"]);
    finding("It was an isolated incident.", &[], &["social_isolation"]);
    finding("Placement decisions were in the child's best interests.", &[], &["mental_capacity"]);
    finding("Exclusion criteria were applied.", &[], &["not_in_school"]);
    finding("He faced permanent exclusion from school.", &["not_in_school"], &[]);
}

#[test]
fn every_domain_term_tags_its_entry() {
    // The vocabulary of DOMAIN.md, term by term, each in a one-line finding.
    let table: &[(&str, &str)] = &[
        ("Serious Case Review", "scr"),
        ("Significant Case Review", "scr"),
        ("the LCSPR", "lcspr"),
        ("a CSPR", "lcspr"),
        ("the national review", "national_review"),
        ("a Rapid Review", "rapid_review"),
        ("the SAR", "sar"),
        ("an adult SCR", "sar"),
        ("the DHR", "dhr"),
        ("a Domestic Abuse Related Death Review", "dhr"),
        ("a thematic review", "learning_review"),
        ("the SILP review", "learning_review"),
        ("a CPR", "cpr_apr"),
        ("the SUSR", "cpr_apr"),
        ("the CMR", "cmr"),
        ("a 7-minute briefing", "briefing"),
        ("the triennial review", "national_analysis"),
        ("chronic neglect", "neglect"),
        ("neglect and acts of omission", "neglect"),
        ("an NAI", "physical_abuse"),
        ("bruising in non-mobile babies", "physical_abuse"),
        ("bruising in non-mobile babies", "babies_under_one"),
        ("abusive head trauma", "nahi"),
        ("CSA", "sexual_abuse"),
        ("intra-familial sexual abuse", "sexual_abuse"),
        ("emotional abuse", "emotional_abuse"),
        ("CSE", "cse"),
        ("CCE", "cce"),
        ("contextual safeguarding", "extra_familial_harm"),
        ("serious youth violence", "extra_familial_harm"),
        ("knife crime", "extra_familial_harm"),
        ("online grooming", "online_harm"),
        ("cyberbullying", "online_harm"),
        ("child-on-child abuse", "hsb"),
        ("HSB", "hsb"),
        ("trafficking", "modern_slavery"),
        ("modern slavery", "modern_slavery"),
        ("suicide", "suicide_self_harm"),
        ("self-harm", "suicide_self_harm"),
        ("FII", "fii"),
        ("FGM", "fgm"),
        ("so-called honour-based abuse", "honour_based_abuse"),
        ("SUDI", "sudi"),
        ("unsafe sleep", "sudi"),
        ("safer sleep", "sudi"),
        ("financial or material abuse", "financial_abuse"),
        ("psychological abuse", "psychological_abuse"),
        ("discriminatory abuse", "discriminatory_abuse"),
        ("organisational abuse", "organisational_abuse"),
        ("hoarding", "self_neglect"),
        ("multiple exclusion homelessness", "homelessness"),
        ("DVA", "domestic_abuse"),
        ("IPV", "domestic_abuse"),
        ("PMH", "parental_mental_health"),
        ("perinatal mental health", "parental_mental_health"),
        ("drug or alcohol misuse", "parental_substance_misuse"),
        ("hidden harm", "parental_substance_misuse"),
        ("PSM", "parental_substance_misuse"),
        ("parental learning disability", "parental_learning_disability"),
        ("unseen men", "unseen_men"),
        ("male carers and new partners", "unseen_men"),
        ("young parents", "young_parents"),
        ("parental criminality", "parental_criminality"),
        ("poverty and deprivation", "poverty"),
        ("housing instability", "housing_instability"),
        ("culture, faith and ethnicity", "culture_faith_ethnicity"),
        ("babies under one", "babies_under_one"),
        ("adolescents", "adolescents"),
        ("disabled children", "disabled_children"),
        ("d/Deaf children", "disabled_children"),
        ("SEND", "disabled_children"),
        ("children with mental health needs", "child_mental_health"),
        ("looked-after children", "looked_after"),
        ("missing from home", "missing_children"),
        ("missing from care", "missing_children"),
        ("not in school", "not_in_school"),
        ("elective home education", "not_in_school"),
        ("young carers", "young_carers"),
        ("private fostering", "private_fostering"),
        ("voice of the child", "voice_of_child"),
        ("lived experience", "voice_of_child"),
        ("child not seen", "voice_of_child"),
        ("professional curiosity", "professional_curiosity"),
        ("disguised compliance", "disguised_compliance"),
        ("rule of optimism", "rule_of_optimism"),
        ("over-optimism", "rule_of_optimism"),
        ("start again syndrome", "start_again_syndrome"),
        ("information sharing", "information_sharing"),
        ("risk assessment", "risk_assessment"),
        ("decision making", "decision_making"),
        ("thresholds", "thresholds"),
        ("escalation", "escalation"),
        ("professional challenge", "escalation"),
        ("supervision", "supervision"),
        ("management oversight", "supervision"),
        ("drift and delay", "drift_delay"),
        ("recording", "recording"),
        ("chronologies", "recording"),
        ("think family", "think_family"),
        ("whole-family working", "think_family"),
        ("early help", "early_help"),
        ("missed appointments", "engagement"),
        ("was not brought", "engagement"),
        ("strategy meetings", "multi_agency_working"),
        ("MARAC", "multi_agency_working"),
        ("MAPPA", "multi_agency_working"),
        ("pre-birth assessment", "pre_birth_assessment"),
        ("transition to adult services", "transitions"),
        ("moves between areas", "transitions"),
        ("COVID-19", "covid19"),
        ("making safeguarding personal", "making_safeguarding_personal"),
        ("the Mental Capacity Act", "mental_capacity"),
        ("LSCB", "board"),
        ("LSCP", "board"),
        ("SAB", "board"),
        ("CSP", "board"),
        ("safeguarding partners", "board"),
        ("children's social care", "childrens_social_care"),
        ("police", "police"),
        ("GP", "gp"),
        ("health visiting", "health_visiting"),
        ("midwifery", "midwifery"),
        ("hospital trust", "hospital"),
        ("CCG", "icb"),
        ("school nursing", "school_nursing"),
        ("ambulance", "ambulance"),
        ("schools and colleges", "education"),
        ("probation", "probation"),
        ("youth offending team", "youth_justice"),
        ("housing", "housing"),
        ("adult social care", "adult_social_care"),
        ("CAMHS", "mental_health_services"),
        ("substance misuse services", "substance_misuse_services"),
        ("voluntary sector", "voluntary_sector"),
        ("the national Panel", "national_panel"),
        ("DHSC and the Home Office", "government"),
        ("all partner agencies", "all_agencies"),
    ];
    let classifier = classifier();
    let failures: Vec<String> = table
        .iter()
        .filter(|(text, id)| !classifier.classify(text, SectionKind::Findings).is_tagged(id))
        .map(|(text, id)| format!("{text:?} → {id}"))
        .collect();
    assert!(failures.is_empty(), "not tagged: {failures:#?}");
}

#[test]
fn overlapping_names_tag_the_longer_entry_only() {
    finding("The Domestic Abuse Related Death Review", &["dhr"], &["domestic_abuse"]);
    finding("The national Child Safeguarding Practice Review", &["national_review"], &["lcspr"]);
    finding("multiple exclusion homelessness", &["homelessness"], &["not_in_school"]);
    finding("The adult serious case review", &["sar"], &["scr"]);
    finding("Working Together to Safeguard Children (2018)", &[], &["multi_agency_working"]);
}

#[test]
fn context_window_is_per_rule() {
    finding("Children with mental health needs waited months.", &["child_mental_health"], &[]);
    finding(
        "The mother's mental health declined while the children stayed at home.",
        &["parental_mental_health"],
        &["child_mental_health"],
    );
}

#[test]
fn agencies_are_named_even_in_negative_sentences() {
    finding("He was not known to the health visitor.", &["health_visiting"], &[]);
    finding("Her former partner was violent.", &[], &["all_agencies"]);
    finding("The mother's low mood was noted.", &[], &["child_mental_health"]);
}

#[test]
fn classifier_and_indexes_can_be_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Classifier>();
    assert_send_sync::<Taxonomy>();
    assert_send_sync::<super::super::SynonymIndex>();
}

#[test]
fn ages_written_out_place_the_person_in_an_age_group() {
    finding("The review concerns a fourteen-year-old girl.", &["adolescents"], &[]);
    finding("Child R, a 16-year-old boy, was stabbed.", &["adolescents"], &[]);
    finding("She was aged 15 when she went missing.", &["adolescents"], &[]);
    finding("The death of a 78-year-old man in a house fire.", &["older_age_frailty"], &[]);
    finding("Mrs M, aged seventy-eight, lived alone.", &["older_age_frailty"], &["adolescents"]);
    finding("A seven-week-old baby was admitted.", &["babies_under_one"], &[]);
    finding("He was aged three months at the time.", &["babies_under_one"], &[]);
    finding("The death of a 19-year-old care leaver.", &[], &["adolescents"]);
    finding("An 18-month-old boy.", &[], &["babies_under_one"]);
    finding("The plan lasted twelve years.", &[], &["adolescents"]);
}

#[test]
fn matches_give_the_words_behind_each_entry() {
    let text = "Mrs M, aged seventy-eight, was neglected; her son's drug misuse was not known.";
    let matches = classifier().matches(text);
    let found: Vec<(&str, &str)> =
        matches.iter().map(|m| (m.entry.as_str(), &text[m.span.0..m.span.1])).collect();
    assert!(found.contains(&("older_age_frailty", "aged seventy-eight")), "{found:?}");
    assert!(found.contains(&("neglect", "neglected")), "{found:?}");
    assert!(found.iter().any(|&(_, words)| words == "drug misuse"), "{found:?}");
    let starts: Vec<usize> = matches.iter().map(|m| m.span.0).collect();
    assert!(starts.is_sorted(), "in text order: {starts:?}");
    let baby = "A seven-week-old baby.";
    let ages = classifier().matches(baby);
    let age = ages.iter().find(|m| m.entry.as_str() == "babies_under_one").unwrap();
    assert_eq!(&baby[age.span.0..age.span.1], "seven-week-old");
}

#[test]
fn recording_is_the_practice_not_every_recorded_fact() {
    finding("The GP recorded the visit and the records were kept.", &[], &["recording"]);
    finding("Recording was poor and case records were incomplete.", &["recording"], &[]);
    finding("Record-keeping standards were revised.", &["recording"], &[]);
}

#[test]
fn injuries_inflicted_and_assault_are_physical_abuse() {
    finding(
        "Child N died from head injuries inflicted by her mother's new partner.",
        &["nahi", "physical_abuse"],
        &[],
    );
    finding("Mr E was later convicted of assault.", &["physical_abuse"], &[]);
    finding("She disclosed a sexual assault.", &["sexual_abuse"], &["physical_abuse"]);
    finding("He fell and had a head injury.", &[], &["nahi"]);
}

#[test]
fn harmful_sexual_behaviour_is_sexual_abuse() {
    finding(
        "Incidents of harmful sexual behaviour between pupils were managed as behaviour.",
        &["hsb", "sexual_abuse"],
        &[],
    );
}

#[test]
fn wordings_of_practice_themes_are_recognised() {
    finding("The lived experience of Zara was not at the centre.", &["voice_of_child"], &[]);
    finding("Nobody asked what it was like for the children.", &["voice_of_child"], &[]);
    finding(
        "How were Adult B's wishes and desired outcomes understood?",
        &["making_safeguarding_personal"],
        &[],
    );
    finding(
        "Information did not transfer when Child S moved to secondary school.",
        &["transitions"],
        &[],
    );
    finding("Contact during the first lockdown was almost entirely virtual.", &["covid19"], &[]);
    finding("Because the information was not brought together.", &[], &["engagement"]);
    finding(
        "The finding was interpreted differently by each agency.",
        &[],
        &["culture_faith_ethnicity"],
    );
    finding("She needed an interpreter at every visit.", &["culture_faith_ethnicity"], &[]);
}

#[test]
fn risk_factors_need_the_right_person() {
    finding("Her attendance at secondary school fell sharply.", &["not_in_school"], &[]);
    finding("Attendance at core group meetings was good.", &[], &["not_in_school"]);
    finding("Child R's offending increased over the summer.", &[], &["parental_criminality"]);
    finding("Her stepfather had been released from prison.", &["parental_criminality"], &[]);
    finding("His mother was treated for low mood.", &["parental_mental_health"], &[]);
    finding(
        "Assessments should ask about caring responsibilities for children.",
        &[],
        &["young_carers"],
    );
    finding("He was caring for his mother at the age of nine.", &["young_carers"], &[]);
    finding("He lived in a hostel and was evicted.", &["housing_instability"], &[]);
    finding("His care package was four calls a day.", &["care_and_support_needs"], &[]);
    finding("He had poor mobility and leg ulcers.", &["physical_disability_illness"], &[]);
}

#[test]
fn the_statutory_definition_is_not_neglect() {
    finding(
        "A serious case is one in which abuse or neglect of a child is known or suspected.",
        &[],
        &["neglect"],
    );
}

#[test]
fn match_spans_are_byte_ranges_after_wide_characters() {
    let text =
        "Older brother — 19, ﬁrst in ﬂats. Mother’s use of crack cocaine and cannabis — daily.";
    let matches = classifier().matches(text);
    for m in &matches {
        let words = &text[m.span.0..m.span.1];
        assert!(
            words.starts_with(|c: char| c.is_alphanumeric()) && !words.starts_with("ine"),
            "{:?} -> {words:?}",
            m.entry
        );
    }
    assert!(!matches.is_empty());
}
