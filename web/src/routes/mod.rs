//! The router: pages, API and static files.

mod api;
mod curation;
pub(crate) mod packs;
mod pages;
mod published;
mod searches;

use axum::Router;

use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .merge(pages::router())
        .merge(packs::router())
        .merge(api::router())
        .merge(curation::router())
        .merge(published::router())
        .merge(searches::router())
}

/// Runs blocking index work off the async runtime, keeping the request's tracing span.
pub(crate) async fn blocking<T, F>(f: F) -> Result<T, crate::error::AppError>
where
    F: FnOnce() -> Result<T, crate::error::AppError> + Send + 'static,
    T: Send + 'static,
{
    let span = tracing::Span::current();
    tokio::task::spawn_blocking(move || span.in_scope(f)).await?
}

/// Reads a single-valued parameter the search parameters do not know (`split`, `table`,
/// `back`, the audit trail's filters).
pub(crate) fn extra_param(raw: Option<&str>, name: &str) -> Option<String> {
    form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}
