//! The JSON API: `/api/search` and `/api/reviews/{id}`.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use casebook::ReviewId;

use super::blocking;
use crate::dto::{CorrectionDto, ReviewResponse, SearchResponse, TaxonomyEntryDto, facets_dto};
use crate::error::{ApiError, AppError};
use crate::params::SearchParams;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/search", get(search))
        .route("/api/reviews/{id}", get(review))
        .route("/api/taxonomy", get(taxonomy))
        .route("/api/openapi.json", get(openapi))
}

#[tracing::instrument(skip(state))]
async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let key = raw.unwrap_or_default();
    let generation = state.index.generation();
    if let Some(json) = state.api_answers.get(generation, &key) {
        return Ok(json_response(json));
    }
    let params = SearchParams::parse(Some(&key));
    let request = params.to_request(20)?;
    let json = blocking(move || {
        let (results, facets) = state.index.search_with_facets(&request)?;
        let mut response =
            SearchResponse::new(&request.query, request.page, request.per_page, results);
        response.facets = Some(facets_dto(facets));
        let json = Bytes::from(
            serde_json::to_vec(&response).map_err(|e| AppError::Internal(e.to_string()))?,
        );
        state.api_answers.put(generation, key, json.clone());
        Ok(json)
    })
    .await?;
    Ok(json_response(json))
}

fn json_response(json: Bytes) -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], json).into_response()
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
        let evidence = state.index.evidence(&units);
        let mut response = ReviewResponse::new(&review, units, &evidence, state.index.taxonomy());
        let groups = state.index.duplicates()?;
        let main = groups.main(&id);
        response.version_of = (main != &id).then(|| main.to_string());
        response.also_published_as = groups.also(&id).iter().map(|o| o.to_string()).collect();
        response.corrections = state
            .store
            .corrections(Some(&id))?
            .iter()
            .map(|c| CorrectionDto::new(c, None))
            .collect();
        Ok(response)
    })
    .await?;
    Ok(Json(response))
}

/// The taxonomy in use: every theme, risk factor, agency and review type with its names.
async fn taxonomy(State(state): State<AppState>) -> Json<Vec<TaxonomyEntryDto>> {
    Json(state.index.taxonomy().entries().iter().map(TaxonomyEntryDto::new).collect())
}

/// The API described in OpenAPI 3.1, written by hand beside the templates.
async fn openapi() -> impl axum::response::IntoResponse {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        include_str!("../../static/openapi.json"),
    )
}
