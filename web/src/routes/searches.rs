//! Saved searches: saving one (its page and its Atom feed of what is indexed after), and
//! deleting it. The browser remembers the searches saved in it in a cookie.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use casebook_store::SavedSearch;

use super::blocking;
use super::packs::{SEARCHES_COOKIE, remember, see_other_remembering};
use crate::chrome::Chrome;
use crate::error::AppError;
use crate::forms::{PostForm, valid_token};
use crate::params::SearchParams;
use crate::state::AppState;
use crate::views::{SavedSearchFeed, SavedSearchPage};

/// Most units in one feed.
const FEED_ENTRIES: usize = 100;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/searches", post(save_search))
        .route("/searches/{token}", get(saved_search_page))
        .route("/searches/{token}/delete", post(delete_search))
        .route("/feeds/{file}", get(feed))
}

async fn save_search(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: PostForm,
) -> Result<Response, AppError> {
    let name = form.required("name")?.to_string();
    // The query string is read back as search parameters, which drops anything unknown and
    // checks the values, so that what is saved is a search that runs.
    let params = SearchParams::parse(Some(form.get("query").unwrap_or("")));
    params.to_request(10)?;
    let query = params.to_query_string(None);
    let search = blocking(move || Ok(state.store.save_search(&name, &query)?)).await?;
    Ok(see_other_remembering(
        &format!("/searches/{}", search.token),
        remember(&headers, SEARCHES_COOKIE, &search.token, true),
    ))
}

async fn saved(state: &AppState, token: String) -> Result<SavedSearch, AppError> {
    if !valid_token(&token) {
        return Err(AppError::NotFound("no such saved search".into()));
    }
    let state = state.clone();
    blocking(move || Ok(state.store.saved_search(&token)?))
        .await?
        .ok_or_else(|| AppError::NotFound("no such saved search".into()))
}

async fn saved_search_page(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(token): Path<String>,
) -> Result<SavedSearchPage, AppError> {
    let search = saved(&state, token).await?;
    let lookup = state.clone();
    let query = search.query.clone();
    let since = search.created;
    let n_new = blocking(move || {
        let mut request = SearchParams::parse(Some(&query)).to_request(10)?;
        request.filters.added_since = Some(since);
        Ok(lookup.index.search(&request)?.total_units)
    })
    .await?;
    Ok(SavedSearchPage::new(chrome, &search, n_new, &state.public_url))
}

async fn delete_search(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
    _form: PostForm,
) -> Result<Response, AppError> {
    let search = saved(&state, token).await?;
    let forget = remember(&headers, SEARCHES_COOKIE, &search.token, false);
    blocking(move || Ok(state.store.delete_search(&search.token)?)).await?;
    Ok(see_other_remembering("/packs", forget))
}

/// The Atom feed of a saved search: the units, from reviews indexed since the search was
/// saved, that match it, newest review first.
async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let token = file
        .strip_suffix(".atom")
        .ok_or_else(|| AppError::NotFound(format!("no feed {file:?}")))?
        .to_string();
    let search = saved(&state, token).await?;
    let lookup = state.clone();
    let query = search.query.clone();
    let since = search.created;
    let results = blocking(move || {
        let params =
            SearchParams { per_page: None, page: None, ..SearchParams::parse(Some(&query)) };
        let mut request = params.to_request(10)?;
        request.filters.added_since = Some(since);
        request.group_by_review = false;
        request.per_page = FEED_ENTRIES;
        Ok(lookup.index.search(&request)?)
    })
    .await?;
    let feed = SavedSearchFeed::new(&search, &results, &state.public_url, state.index.taxonomy());
    let xml = feed.render().map_err(|err| AppError::Internal(err.to_string()))?;
    Ok((
        [(header::CONTENT_TYPE, HeaderValue::from_static("application/atom+xml; charset=utf-8"))],
        xml,
    )
        .into_response())
}
