//! "Newly published": the reviews most recently added to the library, newest first, as a page
//! and as a site-wide Atom feed (the feed a partnership subscribes to, to hear of its
//! neighbours' new reviews).

use askama::Template;
use askama_web::WebTemplate;
use casebook::Review;

use crate::chrome::Chrome;
use crate::time;
use crate::views::review_type_label;

/// Reviews listed on the page.
pub(crate) const ON_PAGE: usize = 100;
/// Reviews in the feed.
pub(crate) const IN_FEED: usize = 50;

/// One review added to the library.
pub(crate) struct Added {
    pub(crate) title: String,
    /// Its review page, from the site's root.
    pub(crate) href: String,
    pub(crate) board: Option<String>,
    /// The review type's label.
    pub(crate) review_type: Option<String>,
    /// The review type's taxonomy id (the feed's category term).
    pub(crate) type_id: Option<String>,
    /// The publication date the review gives, as written (`2024-03-12`, `2024`).
    pub(crate) published: Option<String>,
    /// Where the board published it, when known.
    pub(crate) source_url: Option<String>,
    /// When it was added: `4 December 2026`.
    pub(crate) added_on: String,
    /// When it was added, RFC 3339, for the feed.
    pub(crate) added_at: String,
    /// `urn:casebook:review:<id>`: the feed entry's id.
    pub(crate) urn: String,
}

impl Added {
    pub(crate) fn new(review: &Review, added_ms: u64) -> Added {
        let value = |v: &Option<casebook::Sourced<String>>| v.as_ref().map(|s| s.value.clone());
        Added {
            title: review.title.value.clone(),
            href: format!("/reviews/{}", review.id),
            board: value(&review.board),
            review_type: review.review_type.as_ref().map(|t| review_type_label(&t.value)),
            type_id: review.review_type.as_ref().map(|t| t.value.clone()),
            published: value(&review.published),
            source_url: review.source_url.clone(),
            added_on: time::long_date(added_ms),
            added_at: time::rfc3339(added_ms),
            urn: format!("urn:casebook:review:{}", review.id),
        }
    }

    /// "Local Child Safeguarding Practice Review · Tolmarsh SCP · published 2024-03-12".
    pub(crate) fn summary(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.review_type.clone());
        parts.extend(self.board.clone());
        parts.extend(self.published.as_ref().map(|p| format!("published {p}")));
        parts.join(" · ")
    }
}

/// `/new`.
#[derive(Template, WebTemplate)]
#[template(path = "published.html")]
pub(crate) struct PublishedPage {
    pub(crate) chrome: Chrome,
    pub(crate) reviews: Vec<Added>,
}

/// `/new.atom`.
#[derive(Template)]
#[template(path = "published_feed.xml")]
pub(crate) struct PublishedFeed {
    /// The server's public address, no trailing slash.
    pub(crate) base: String,
    /// When the newest review was added (RFC 3339); the Unix epoch when there is none.
    pub(crate) updated: String,
    pub(crate) reviews: Vec<Added>,
}

impl PublishedFeed {
    pub(crate) fn new(base: &str, added: &[(Review, u64)]) -> PublishedFeed {
        PublishedFeed {
            base: base.to_string(),
            updated: time::rfc3339(added.iter().map(|(_, at)| *at).max().unwrap_or(0)),
            reviews: added.iter().map(|(r, at)| Added::new(r, *at)).collect(),
        }
    }
}
