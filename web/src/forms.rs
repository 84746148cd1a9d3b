//! Form posts: the cross-site request forgery guard, and form bodies read strictly.
//!
//! Every page is served with a random `casebook_csrf` cookie (set on the first visit), and
//! every form carries the same value in a hidden `csrf` field. A post is accepted only when
//! the two agree (compared in constant time) and, when the browser says where the post comes
//! from (`Origin`, `Sec-Fetch-Site`), it comes from this site. Another site can make a
//! browser post a form here, but it can neither read the cookie nor set it.
//!
//! Form bodies are read by hand rather than with serde, so that a value that is not UTF-8
//! gets a 400 naming its field instead of being mangled, and so that nothing is changed
//! before every field has been read.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::chrome::CsrfToken;
use crate::error::AppError;

/// Name of the cookie that holds the form token.
pub(crate) const CSRF_COOKIE: &str = "casebook_csrf";
/// Name of the hidden form field that repeats it.
pub(crate) const CSRF_FIELD: &str = "csrf";

/// Middleware: makes sure the browser has a form token, and tells handlers what it is.
pub(crate) async fn csrf_cookie(mut request: Request, next: Next) -> Response {
    let existing = cookie(request.headers(), CSRF_COOKIE).filter(|t| valid_token(t));
    let (token, fresh) = match existing {
        Some(token) => (token, false),
        None => (casebook_store::random_token(), true),
    };
    request.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(request).await;
    if fresh {
        let value = format!("{CSRF_COOKIE}={token}; Path=/; SameSite=Lax; HttpOnly");
        if let Ok(value) = value.parse() {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Tokens are 32 lower-case hex digits; anything else in the cookie is replaced.
pub(crate) fn valid_token(token: &str) -> bool {
    token.len() == 32 && token.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The value of a cookie.
pub(crate) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

/// A form post that passed the forgery guard, with its fields as UTF-8 text.
#[derive(Debug)]
pub(crate) struct PostForm {
    fields: Vec<(String, String)>,
}

impl PostForm {
    /// The first value of a field.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The value of a field that must be there.
    pub(crate) fn required(&self, name: &'static str) -> Result<&str, AppError> {
        self.get(name).ok_or_else(|| AppError::bad(name, "is missing"))
    }

    /// Parses an `application/x-www-form-urlencoded` body: every name and value must be UTF-8.
    pub(crate) fn parse(body: &[u8]) -> Result<PostForm, AppError> {
        let mut fields = Vec::new();
        for pair in body.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
            let (key, value) = match pair.iter().position(|&b| b == b'=') {
                Some(at) => (&pair[..at], &pair[at + 1..]),
                None => (pair, &pair[pair.len()..]),
            };
            let key =
                decode(key).map_err(|_| AppError::bad("form", "a field name is not UTF-8"))?;
            let value = decode(value).map_err(|_| AppError::BadField {
                name: key.chars().take(40).collect(),
                reason: "is not valid UTF-8".into(),
            })?;
            fields.push((key, value));
        }
        Ok(PostForm { fields })
    }
}

fn decode(part: &[u8]) -> Result<String, std::string::FromUtf8Error> {
    let plus_as_space: Vec<u8> = part.iter().map(|&b| if b == b'+' { b' ' } else { b }).collect();
    String::from_utf8(percent_encoding::percent_decode(&plus_as_space).collect())
}

impl<S: Send + Sync> FromRequest<S> for PostForm {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<PostForm, AppError> {
        let headers = request.headers().clone();
        let expected = request.extensions().get::<CsrfToken>().map(|t| t.0.clone());
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        if !content_type.starts_with("application/x-www-form-urlencoded") {
            return Err(AppError::bad(
                "content-type",
                "expected a form (application/x-www-form-urlencoded)",
            ));
        }
        if !same_site(&headers) {
            return Err(AppError::Forbidden("the form was sent from another site".into()));
        }
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|err| AppError::bad("body", err.body_text()))?;
        let form = PostForm::parse(&body)?;
        let sent = form.get(CSRF_FIELD).unwrap_or("");
        let cookie_token = cookie(&headers, CSRF_COOKIE);
        let agree = match (expected, cookie_token) {
            // The token must have come from the browser's cookie, not been made for this request.
            (Some(expected), Some(from_cookie)) if expected == from_cookie => {
                constant_time_eq(sent.as_bytes(), expected.as_bytes())
            }
            _ => false,
        };
        if !agree {
            return Err(AppError::Forbidden(
                "the form has expired or did not come from this site: reload the page and try again"
                    .into(),
            ));
        }
        Ok(form)
    }
}

/// False when the browser says the request comes from another site.
fn same_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    // `Origin: null` comes from sandboxed frames and privacy modes: not this site.
    origin.split_once("://").is_some_and(|(_, authority)| authority == host)
}

/// Compares two byte strings in time that depends only on their lengths.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_keep_utf8_and_name_the_field_that_is_not() {
        let form = PostForm::parse(b"title=Unseen+men&note=caf%C3%A9&x").unwrap();
        assert_eq!(form.get("title"), Some("Unseen men"));
        assert_eq!(form.get("note"), Some("café"));
        assert_eq!(form.get("x"), Some(""));
        let err = PostForm::parse(b"title=ok&note=%FF%FE").unwrap_err();
        assert!(err.to_string().contains("note"), "{err}");
    }

    #[test]
    fn tokens_compare_only_when_equal() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }

    #[test]
    fn posts_from_other_sites_are_refused() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, "127.0.0.1:3000".parse().unwrap());
        assert!(same_site(&headers));
        headers.insert(header::ORIGIN, "http://127.0.0.1:3000".parse().unwrap());
        assert!(same_site(&headers));
        headers.insert(header::ORIGIN, "http://evil.example".parse().unwrap());
        assert!(!same_site(&headers));
        headers.insert(header::ORIGIN, "null".parse().unwrap());
        assert!(!same_site(&headers));
        headers.remove(header::ORIGIN);
        headers.insert("sec-fetch-site", "cross-site".parse().unwrap());
        assert!(!same_site(&headers));
    }
}
