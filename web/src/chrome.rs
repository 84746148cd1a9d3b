//! What every page's frame needs from the request: the reader's display preference and the
//! page's own address (for the link that switches the preference and comes back).
//!
//! The high-contrast setting is a cookie set by `/contrast`, so that it works without
//! JavaScript, as on the boards' own sites.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

/// The form token of this request, put into the request's extensions by
/// [`crate::forms::csrf_cookie`].
#[derive(Clone, Debug)]
pub(crate) struct CsrfToken(pub(crate) String);

/// The signed-in user of a request (none when signed out), put into the request's extensions
/// by [`crate::session::signed_in`].
#[derive(Clone, Debug, Default)]
pub(crate) struct SignedIn(pub(crate) Option<casebook_store::accounts::User>);

/// Name of the cookie that holds the display preference.
pub(crate) const CONTRAST_COOKIE: &str = "casebook_contrast";

/// The frame of a page.
#[derive(Clone, Debug)]
pub(crate) struct Chrome {
    /// Whether the reader asked for high contrast.
    pub(crate) high_contrast: bool,
    /// The link that switches contrast and comes back to this page.
    pub(crate) toggle_href: String,
    /// This page's path and query, where a form on it comes back to.
    pub(crate) here: String,
    /// The token every form on the page carries (see [`crate::forms`]).
    pub(crate) csrf: String,
    /// The signed-in curator or admin, if any (see [`crate::session`]).
    pub(crate) user: Option<casebook_store::accounts::User>,
}

impl Default for Chrome {
    /// Standard contrast, with a switch that comes back to the front page: for pages made
    /// where the request is not at hand (error pages), and replaced where it is.
    fn default() -> Chrome {
        Chrome::new(false, "/")
    }
}

impl Chrome {
    fn new(high_contrast: bool, here: &str) -> Chrome {
        let back: String = form_urlencoded::byte_serialize(here.as_bytes()).collect();
        let on = if high_contrast { "0" } else { "1" };
        Chrome {
            high_contrast,
            toggle_href: format!("/contrast?on={on}&back={back}"),
            here: here.to_string(),
            csrf: String::new(),
            user: None,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Chrome {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Chrome, Self::Rejection> {
        let high_contrast = parts
            .headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .any(|pair| pair.trim() == format!("{CONTRAST_COOKIE}=high"));
        let here = parts.uri.path_and_query().map_or("/", |pq| pq.as_str());
        let mut chrome = Chrome::new(high_contrast, here);
        if let Some(token) = parts.extensions.get::<CsrfToken>() {
            chrome.csrf = token.0.clone();
        }
        if let Some(SignedIn(user)) = parts.extensions.get() {
            chrome.user = user.clone();
        }
        Ok(chrome)
    }
}

/// Where to go back to after switching contrast: a local path only, never another site.
pub(crate) fn safe_back(back: Option<&str>) -> String {
    match back {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => {
            path.to_string()
        }
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_links_stay_on_this_site() {
        assert_eq!(safe_back(Some("/?q=neglect")), "/?q=neglect");
        for bad in ["//evil.example/", "https://evil.example/", "/\\evil", "javascript:alert(1)"] {
            assert_eq!(safe_back(Some(bad)), "/", "{bad}");
        }
    }
}
