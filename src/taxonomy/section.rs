//! The kinds of section a review report is made of, which decide how much a match counts.

/// The part of a review a passage comes from.
///
/// Review reports share a shape (introduction, terms of reference, chronology, analysis, findings,
/// recommendations, …). Where a term occurs says a lot about what it means: "domestic abuse" in a
/// list of terms of reference is a question the review asked, while in a finding it is an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    /// Introduction, reasons for the review.
    Introduction,
    /// An executive summary or "at a glance" page, which restates the report in short.
    Summary,
    /// Terms of reference, scope, key lines of enquiry.
    TermsOfReference,
    /// Methodology, review process, family involvement.
    Methodology,
    /// Background, family history, the child or adult.
    Background,
    /// Chronology, key practice episodes, narrative of events.
    Chronology,
    /// The local or national context of a case: the setting, not its learning.
    Context,
    /// Analysis, discussion, practice themes.
    Analysis,
    /// Findings, lessons learned, key learning.
    Findings,
    /// Good practice identified: "what worked well", "effective practice".
    GoodPractice,
    /// Questions for practitioners to reflect on.
    Questions,
    /// Conclusions.
    Conclusions,
    /// Recommendations.
    Recommendations,
    /// Action plan (usually a table restating recommendations).
    ActionPlan,
    /// Glossary of terms and abbreviations.
    Glossary,
    /// Appendices, references, bibliography.
    Appendix,
    /// Table of contents.
    Contents,
    /// Unknown or unlabelled text.
    Other,
}

impl SectionKind {
    /// Returns a stable lower-case name (`terms_of_reference`), for storage and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Introduction => "introduction",
            SectionKind::Summary => "summary",
            SectionKind::TermsOfReference => "terms_of_reference",
            SectionKind::Methodology => "methodology",
            SectionKind::Background => "background",
            SectionKind::Chronology => "chronology",
            SectionKind::Context => "context",
            SectionKind::Analysis => "analysis",
            SectionKind::Findings => "findings",
            SectionKind::GoodPractice => "good_practice",
            SectionKind::Questions => "questions",
            SectionKind::Conclusions => "conclusions",
            SectionKind::Recommendations => "recommendations",
            SectionKind::ActionPlan => "action_plan",
            SectionKind::Glossary => "glossary",
            SectionKind::Appendix => "appendix",
            SectionKind::Contents => "contents",
            SectionKind::Other => "other",
        }
    }

    /// Guesses the section kind from a heading such as "3. Terms of Reference" or "Finding 2: …".
    ///
    /// Leading numbering is ignored and the first keyword found wins, in an order that puts the
    /// specific before the general ("action plan" before "plan", "good practice" before
    /// "practice"). Headings that match nothing are [`SectionKind::Other`].
    pub fn from_heading(heading: &str) -> SectionKind {
        let lower = heading.to_lowercase();
        const KEYWORDS: &[(&str, SectionKind)] = &[
            ("contents", SectionKind::Contents),
            ("glossary", SectionKind::Glossary),
            ("abbreviation", SectionKind::Glossary),
            ("terms of reference", SectionKind::TermsOfReference),
            ("scope", SectionKind::TermsOfReference),
            ("lines of enquiry", SectionKind::TermsOfReference),
            ("methodology", SectionKind::Methodology),
            ("review process", SectionKind::Methodology),
            ("family involvement", SectionKind::Methodology),
            ("action plan", SectionKind::ActionPlan),
            ("questions for", SectionKind::Questions),
            ("reflective question", SectionKind::Questions),
            ("questions to consider", SectionKind::Questions),
            ("executive summary", SectionKind::Summary),
            ("at a glance", SectionKind::Summary),
            ("recommendation", SectionKind::Recommendations),
            // The Welsh practice review template calls its actions "Improving Systems and
            // Practice".
            ("improving systems", SectionKind::Recommendations),
            ("what needs to change", SectionKind::Recommendations),
            // Inspection reports list what a service must do under these headings.
            ("needs to improve", SectionKind::Recommendations),
            ("need to improve", SectionKind::Recommendations),
            ("areas for improvement", SectionKind::Recommendations),
            ("areas for development", SectionKind::Recommendations),
            ("good practice", SectionKind::GoodPractice),
            ("effective practice", SectionKind::GoodPractice),
            ("what worked well", SectionKind::GoodPractice),
            ("what went well", SectionKind::GoodPractice),
            ("notable practice", SectionKind::GoodPractice),
            ("positive practice", SectionKind::GoodPractice),
            ("what good looks like", SectionKind::GoodPractice),
            ("finding", SectionKind::Findings),
            ("learning", SectionKind::Findings),
            ("lessons", SectionKind::Findings),
            ("what we learn", SectionKind::Findings),
            ("what we found", SectionKind::Findings),
            ("learned", SectionKind::Findings),
            // The Home Office template's "Key issues arising from the review" are conclusions.
            ("key issues", SectionKind::Conclusions),
            ("analysis", SectionKind::Analysis),
            ("practice episode", SectionKind::Chronology),
            ("chronology", SectionKind::Chronology),
            // The narrative of events goes by many names; "Summary of agency involvement" is a
            // chronology, not a summary of the report.
            ("agency involvement", SectionKind::Chronology),
            ("involvement of agencies", SectionKind::Chronology),
            ("period under review", SectionKind::Chronology),
            ("narrative", SectionKind::Chronology),
            ("case history", SectionKind::Chronology),
            ("timeline", SectionKind::Chronology),
            ("sequence of events", SectionKind::Chronology),
            ("conclusion", SectionKind::Conclusions),
            ("background", SectionKind::Background),
            ("family history", SectionKind::Background),
            // After "background": "Background and family context" is the family's story.
            ("context", SectionKind::Context),
            ("introduction", SectionKind::Introduction),
            ("reason", SectionKind::Introduction),
            ("summary", SectionKind::Summary),
            ("appendi", SectionKind::Appendix),
            ("references", SectionKind::Appendix),
            ("bibliography", SectionKind::Appendix),
        ];
        KEYWORDS
            .iter()
            .find(|(keyword, _)| lower.contains(keyword))
            .map_or(SectionKind::Other, |&(_, kind)| kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(heading: &str, expected: SectionKind) {
        assert_eq!(SectionKind::from_heading(heading), expected, "heading: {heading:?}");
    }

    #[test]
    fn headings_map_to_section_kinds() {
        check("3. Terms of Reference", SectionKind::TermsOfReference);
        check("Finding 2: Professional curiosity", SectionKind::Findings);
        check("RECOMMENDATIONS", SectionKind::Recommendations);
        check("Appendix 1: Action Plan", SectionKind::ActionPlan);
        check("Key Practice Episodes", SectionKind::Chronology);
        check("Examples of good practice", SectionKind::GoodPractice);
        check("Glossary of abbreviations", SectionKind::Glossary);
        check("7 Summary of agency involvement", SectionKind::Chronology);
        check("1 Executive summary", SectionKind::Summary);
        check("Improving Systems and Practice", SectionKind::Recommendations);
        check("Effective practice", SectionKind::GoodPractice);
        check("Questions for practitioners", SectionKind::Questions);
        check("Key issues arising from the review", SectionKind::Conclusions);
        check("6 Background and family context", SectionKind::Background);
        check("10 The national context", SectionKind::Context);
        check("Child D", SectionKind::Other);
    }
}
