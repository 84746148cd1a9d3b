//! The JSON API: `/api/search` and `/api/reviews/{id}`.

use axum::extract::{Path, RawQuery, State};
use axum::routing::get;
use axum::{Json, Router};
use casebook::ReviewId;

use super::blocking;
use crate::dto::{ReviewResponse, SearchResponse};
use crate::error::{ApiError, AppError};
use crate::params::SearchParams;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/api/search", get(search)).route("/api/reviews/{id}", get(review))
}

#[tracing::instrument(skip(state))]
async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResponse>, ApiError> {
    let params = SearchParams::parse(raw.as_deref());
    let request = params.to_request(20)?;
    let response = blocking(move || {
        let results = state.index.search(&request)?;
        Ok(SearchResponse::new(&request.query, request.page, request.per_page, results))
    })
    .await?;
    Ok(Json(response))
}

#[tracing::instrument(skip(state))]
async fn review(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ReviewResponse>, ApiError> {
    let response = blocking(move || {
        let id =
            ReviewId::parse(&id).map_err(|_| AppError::NotFound(format!("no review {id:?}")))?;
        let review = state
            .index
            .review(&id)?
            .ok_or_else(|| AppError::NotFound(format!("no review {id:?}")))?;
        let units = state.index.units(&id)?;
        Ok(ReviewResponse::new(&review, units))
    })
    .await?;
    Ok(Json(response))
}
