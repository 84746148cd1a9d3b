//! `/new` and `/new.atom`: the reviews most recently added to the library.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use axum::routing::get;

use super::blocking;
use crate::chrome::Chrome;
use crate::error::AppError;
use crate::published::{Added, IN_FEED, ON_PAGE, PublishedFeed, PublishedPage};
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/new", get(page)).route("/new.atom", get(feed))
}

async fn page(State(state): State<AppState>, chrome: Chrome) -> Result<PublishedPage, AppError> {
    blocking(move || {
        let added = state.index.recently_added(ON_PAGE)?;
        let reviews = added.iter().map(|(review, at)| Added::new(review, *at)).collect();
        Ok(PublishedPage { chrome, reviews })
    })
    .await
}

async fn feed(State(state): State<AppState>) -> Result<impl IntoResponse, AppError> {
    let xml = blocking(move || {
        let added = state.index.recently_added(IN_FEED)?;
        let feed = PublishedFeed::new(&state.public_url, &added);
        feed.render().map_err(|err| AppError::Internal(err.to_string()))
    })
    .await?;
    Ok((
        [(header::CONTENT_TYPE, HeaderValue::from_static("application/atom+xml; charset=utf-8"))],
        xml,
    ))
}
