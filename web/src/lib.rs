//! Casebook's web front end and JSON API.
//!
//! [`app`] builds the axum router that `casebook serve` runs and the tests call directly.
//! This crate is the only one that knows HTTP, HTML and JSON; it never names a tantivy type,
//! and it runs every search off the async runtime.

mod chrome;
mod counted;
mod dto;
mod error;
mod export;
mod forms;
mod params;
mod published;
mod routes;
mod session;
mod state;
mod themes;
mod views;

use casebook::time;

pub mod cli;

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::Response;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use state::AppState;

/// Largest request body accepted: room for the longest pack section (20,000 characters) in
/// any script, percent-encoded.
const MAX_BODY_BYTES: usize = 256 * 1024;
/// Longest time a request may take before it is answered with 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Builds the application: every route, with limits and security headers.
pub fn app(state: AppState) -> Router {
    let security_headers = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             object-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; \
             form-action 'self'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (HeaderName::from_static("x-frame-options"), "DENY"),
    ];
    let mut router = routes::router()
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), session::signed_in))
        .with_state(state)
        .layer(axum::middleware::from_fn(forms::csrf_cookie))
        .layer(CompressionLayer::new())
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(axum::middleware::map_response(explain_bare_refusals))
        .layer(CatchPanicLayer::new());
    // Outside every other layer, so that their own answers (413, 408, 500) carry them too.
    for (name, value) in security_headers {
        router = router
            .layer(SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value)));
    }
    router.layer(TraceLayer::new_for_http())
}

/// Gives the refusals that come from the layers and the router (413, 408, 405), which carry
/// no body or a terse one, a plain message saying what was wrong.
async fn explain_bare_refusals(response: Response) -> Response {
    let status = response.status();
    let bare = status.is_client_error() && !response.headers().contains_key(header::CONTENT_TYPE);
    if !bare && status != StatusCode::PAYLOAD_TOO_LARGE {
        return response;
    }
    let message = match status {
        StatusCode::PAYLOAD_TOO_LARGE => {
            format!("the request body is larger than the {} KiB allowed", MAX_BODY_BYTES / 1024)
        }
        StatusCode::REQUEST_TIMEOUT => {
            format!("the request took longer than the {} s allowed", REQUEST_TIMEOUT.as_secs())
        }
        StatusCode::METHOD_NOT_ALLOWED => "this address does not take that method".to_string(),
        StatusCode::URI_TOO_LONG => "the address is too long".to_string(),
        _ => status.canonical_reason().unwrap_or("request refused").to_lowercase(),
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts
        .headers
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    Response::from_parts(parts, Body::from(format!("{} {message}\n", status.as_u16())))
}

async fn not_found() -> error::AppError {
    error::AppError::NotFound("no such page".to_string())
}
