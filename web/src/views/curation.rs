//! Sign-in and the audit trail.

use askama::Template;
use askama_web::WebTemplate;

use crate::chrome::Chrome;

/// The sign-in page.
#[derive(Template, WebTemplate)]
#[template(path = "signin.html")]
pub(crate) struct SignInPage {
    pub(crate) chrome: Chrome,
    /// Where to go once signed in.
    pub(crate) back: String,
    /// Why the last attempt failed, if it did.
    pub(crate) message: String,
}

/// The audit trail of corrections (admins).
#[derive(Template, WebTemplate)]
#[template(path = "audit.html")]
pub(crate) struct AuditPage {
    pub(crate) chrome: Chrome,
    pub(crate) rows: Vec<AuditRow>,
    /// Everyone who made a correction, for the filter.
    pub(crate) authors: Vec<String>,
    pub(crate) filter: AuditFilter,
}

/// What the audit trail is narrowed to (empty: everything).
#[derive(Debug, Default)]
pub(crate) struct AuditFilter {
    /// A review id.
    pub(crate) review: String,
    /// A user's name.
    pub(crate) who: String,
    /// A correction's op (`set_type`, …).
    pub(crate) op: String,
    /// `in_force` or `reverted`.
    pub(crate) reverted: String,
}

impl AuditFilter {
    /// The ops a correction can have, for the filter.
    pub(crate) const OPS: [&'static str; 10] = [
        "set_type",
        "set_year",
        "set_subject",
        "reject_theme",
        "add_theme",
        "add_recommendation",
        "edit_item",
        "not_an_item",
        "same_review",
        "hide",
    ];

    pub(crate) fn keeps(&self, c: &casebook_store::corrections::Correction) -> bool {
        (self.review.is_empty() || c.review.as_str() == self.review)
            && (self.who.is_empty() || c.author == self.who)
            && (self.op.is_empty() || c.op.name() == self.op)
            && match self.reverted.as_str() {
                "in_force" => c.reverted.is_none(),
                "reverted" => c.reverted.is_some(),
                _ => true,
            }
    }
}

/// One correction in the audit trail, or on a review page.
pub(crate) struct AuditRow {
    pub(crate) id: i64,
    pub(crate) review: String,
    pub(crate) when: String,
    pub(crate) author: String,
    pub(crate) what: String,
    pub(crate) before: String,
    pub(crate) after: String,
    pub(crate) reason: String,
    /// "reverted by bo, 2026-12-04 21:00 UTC", when it was.
    pub(crate) reverted: Option<String>,
    /// A correction in force that the index does not show: it no longer matches the file,
    /// or waits for the next indexing run.
    pub(crate) stale: bool,
}

impl AuditRow {
    pub(crate) fn new(c: &casebook_store::corrections::Correction) -> AuditRow {
        use casebook_store::corrections::Op;
        let what = match &c.op {
            Op::SetType(_) => "Review type",
            Op::SetYear(_) => "Year",
            Op::SetSubject(_) => "Subject",
            Op::RejectTheme(_) => "Theme rejected",
            Op::AddTheme(_) => "Theme added",
            Op::AddRecommendation { .. } => "Recommendation added",
            Op::EditItem { .. } => "Finding or recommendation corrected",
            Op::NotAnItem { .. } => "Not a finding or recommendation",
            Op::SameReview(_) => "The same review as",
            Op::NotSameReview(_) => "Not the same review as",
            Op::Hide => "Hidden from search",
        };
        let after = match &c.op {
            Op::AddRecommendation { page, text } => format!("p. {page}: {text}"),
            Op::EditItem { page, new_text, number, agencies, .. } => {
                let number = number.as_deref().map(|n| format!(" {n}")).unwrap_or_default();
                let to = if agencies.is_empty() {
                    String::new()
                } else {
                    format!(" (to {})", agencies.join(", "))
                };
                format!("p. {page}{number}: {new_text}{to}")
            }
            Op::NotAnItem { .. } => String::new(),
            Op::RejectTheme(_) => String::new(),
            other => other.value(),
        };
        AuditRow {
            id: c.id,
            review: c.review.to_string(),
            when: crate::time::utc_minute(c.created),
            author: c.author.clone(),
            what: what.to_string(),
            before: c.before.clone(),
            after,
            reason: c.reason.clone(),
            reverted: c
                .reverted
                .as_ref()
                .map(|(by, at)| format!("reverted by {by}, {}", crate::time::utc_minute(*at))),
            stale: false,
        }
    }
}
