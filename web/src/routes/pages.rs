//! HTML pages: search, review, themes dashboard, and the PDFs themselves.

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use casebook::themes::SplitBy;
use casebook::{ReviewId, UnitKind};
use tower::ServiceExt;
use tower_http::services::ServeFile;

use super::packs::{PACKS_COOKIE, remembered};
use super::{blocking, extra_param};
use crate::chrome::{CONTRAST_COOKIE, Chrome, safe_back};
use crate::counted::{Counted, CountedPage, REVIEWS_PER_PAGE};
use crate::error::AppError;
use crate::params::SearchParams;
use crate::session::SignedIn;
use crate::state::AppState;
use crate::themes::{Table, ThemesPage, csv_table};
use crate::views::{
    AuditRow, CurationForms, CurrentPack, Labels, ReviewPage, SearchPage, VersionLink,
};
use casebook_store::accounts::Role;

/// Results per page on the search page.
const PER_PAGE: usize = 10;
/// Similar reviews listed on a review page.
const SIMILAR_REVIEWS: usize = 5;

const STYLESHEET: &str = include_str!("../../static/casebook.css");
const SCRIPT: &str = include_str!("../../static/casebook.js");
const PRINT_STYLESHEET: &str = include_str!("../../static/print.css");

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(search))
        .route("/reviews/{id}", get(review))
        .route("/themes", get(themes))
        .route("/themes.csv", get(themes_csv))
        .route("/themes/reviews", get(counted))
        .route("/files/{name}", get(pdf))
        .route("/static/casebook.css", get(stylesheet))
        .route("/static/casebook.js", get(script))
        .route("/static/print.css", get(print_stylesheet))
        .route("/contrast", get(contrast))
}

fn split_param(raw: Option<&str>) -> Result<SplitBy, AppError> {
    match extra_param(raw, "split") {
        None => Ok(SplitBy::default()),
        Some(value) => SplitBy::parse(&value)
            .ok_or_else(|| AppError::bad("split", format!("{value:?} is not type, board or age"))),
    }
}

/// The themes dashboard for the reviews a search selects.
#[tracing::instrument(skip(state))]
async fn themes(
    State(state): State<AppState>,
    chrome: Chrome,
    RawQuery(raw): RawQuery,
) -> Result<ThemesPage, AppError> {
    let params = SearchParams::parse(raw.as_deref());
    let split = split_param(raw.as_deref())?;
    let request = params.to_request(PER_PAGE)?;
    blocking(move || {
        let mut page = theme_report(&state, &request, split, |report, labels| {
            ThemesPage::new(&params, split, report, labels)
        })?;
        page.chrome = chrome;
        Ok(page)
    })
    .await
}

/// The reviews behind one figure of the dashboard, with the passage behind each count.
#[tracing::instrument(skip(state))]
async fn counted(
    State(state): State<AppState>,
    chrome: Chrome,
    RawQuery(raw): RawQuery,
) -> Result<CountedPage, AppError> {
    let params = SearchParams::parse(raw.as_deref());
    let request = params.to_request(REVIEWS_PER_PAGE)?;
    let tags: Vec<String> = form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes())
        .filter(|(key, _)| key == "tag")
        .map(|(_, value)| value.into_owned())
        .collect();
    if tags.is_empty() {
        return Err(AppError::bad(
            "tag",
            "give a theme or risk factor, such as tag=/theme/neglect",
        ));
    }
    for tag in &tags {
        let id = tag.strip_prefix("/theme/").or_else(|| tag.strip_prefix("/risk/"));
        let path = id.and_then(|id| state.index.taxonomy().facet_path(id));
        if path.as_ref() != Some(tag) {
            return Err(AppError::bad(
                "tag",
                format!("{tag:?} is not a theme or risk factor (/theme/<id> or /risk/<id>)"),
            ));
        }
    }
    let (page, per_page) = (request.page, request.per_page);
    blocking(move || {
        let reviews = state.index.counted_reviews(&request, &tags)?;
        let mut shown = Vec::new();
        for review in reviews.iter().skip((page - 1) * per_page).take(per_page) {
            let units = state.index.units(&review.id)?;
            let evidence = state.index.evidence(&units);
            shown.push(Counted { review: review.clone(), units, evidence });
        }
        let boards = state.index.board_names()?;
        let recurrence = state.index.recurrence_counts()?;
        let labels =
            Labels { taxonomy: state.index.taxonomy(), boards: &boards, recurrence: &recurrence };
        let listed = (reviews.len(), page, per_page);
        let mut page = CountedPage::new(&params, &tags, listed, &shown, &labels);
        page.chrome = chrome;
        Ok(page)
    })
    .await
}

/// Counts the themes of the reviews a request selects and shows them with `show`, which gets
/// the labels to name them by.
fn theme_report<T>(
    state: &AppState,
    request: &casebook::SearchRequest,
    split: SplitBy,
    show: impl FnOnce(&casebook::themes::ThemeReport, &Labels<'_>) -> T,
) -> Result<T, AppError> {
    let report = state.index.themes(request, split)?;
    let boards = state.index.board_names()?;
    let recurrence = state.index.recurrence_counts()?;
    let labels =
        Labels { taxonomy: state.index.taxonomy(), boards: &boards, recurrence: &recurrence };
    Ok(show(&report, &labels))
}

/// One table of the themes dashboard as CSV (`table=themes|trend|split|pairs`).
#[tracing::instrument(skip(state))]
async fn themes_csv(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let params = SearchParams::parse(raw.as_deref());
    let split = split_param(raw.as_deref())?;
    let table = match extra_param(raw.as_deref(), "table") {
        Some(name) => Table::parse(&name).map_err(|reason| AppError::bad("table", reason))?,
        None => Table::Themes,
    };
    let request = params.to_request(PER_PAGE)?;
    let csv = blocking(move || {
        let csv = theme_report(&state, &request, split, |report, labels| {
            csv_table(table, split, report, labels)
        })?;
        csv.map_err(|err| AppError::Internal(err.to_string()))
    })
    .await?;
    let disposition = format!("attachment; filename=\"casebook-{}.csv\"", table.as_str());
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
            (header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).expect("ascii")),
        ],
        csv,
    )
        .into_response())
}

#[tracing::instrument(skip(state, headers))]
async fn search(
    State(state): State<AppState>,
    chrome: Chrome,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<SearchPage, AppError> {
    let remembered = remembered(&headers, PACKS_COOKIE);
    let params = SearchParams::parse(raw.as_deref());
    let mut request = params.to_request(PER_PAGE)?;
    if request.query.trim().is_empty() && request.filters.is_empty() && request.kinds.is_empty() {
        // The front page lists the reviews, newest first.
        request.kinds = vec![UnitKind::Review];
    }
    let (page, per_page) = (request.page, request.per_page);
    blocking(move || {
        let (results, facets) = state.index.search_with_facets(&request)?;
        let boards = state.index.board_names()?;
        let recurrence = state.index.recurrence_counts()?;
        let labels =
            Labels { taxonomy: state.index.taxonomy(), boards: &boards, recurrence: &recurrence };
        let mut page = SearchPage::new(&params, page, per_page, results, facets, &labels);
        page.chrome = chrome;
        page.current_pack = current_pack(&state, &remembered)?;
        if let Some(current) = &page.current_pack {
            for hit in page.groups.iter_mut().flat_map(|g| g.hits.iter_mut()) {
                hit.in_pack = current.unit_ids.contains(&hit.unit_id);
            }
        }
        Ok(page)
    })
    .await
}

/// The first pack remembered by the browser that still exists: where "Add to pack" adds.
fn current_pack(state: &AppState, remembered: &[String]) -> Result<Option<CurrentPack>, AppError> {
    for token in remembered {
        let edit = casebook_store::EditToken::new(token);
        if let Some(pack) = state.store.pack(&edit)? {
            return Ok(Some(CurrentPack::new(&pack, &edit)));
        }
    }
    Ok(None)
}

#[tracing::instrument(skip(state, headers, signed_in))]
async fn review(
    State(state): State<AppState>,
    chrome: Chrome,
    signed_in: SignedIn,
    headers: HeaderMap,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<ReviewPage, AppError> {
    let remembered = remembered(&headers, PACKS_COOKIE);
    let notice = match (
        extra_param(raw.as_deref(), "corrected"),
        extra_param(raw.as_deref(), "saved"),
    ) {
        (Some(_), _) => Some("Your correction is saved and shown below.".to_string()),
        (None, Some(_)) => Some(
            "Your correction is saved; the index was busy, so the next indexing run applies it."
                .to_string(),
        ),
        _ => None,
    };
    blocking(move || {
        let id =
            ReviewId::parse(&id).map_err(|_| AppError::NotFound(format!("no review {id:?}")))?;
        let review = state
            .index
            .review(&id)?
            .ok_or_else(|| AppError::NotFound(format!("no review {id:?}")))?;
        let (keys, units): (Vec<String>, Vec<casebook::Unit>) =
            state.index.keyed_units(&id)?.into_iter().unzip();
        let similar = state.index.similar_reviews(&id, SIMILAR_REVIEWS)?;
        let evidence = state.index.evidence(&units);
        let mut page =
            ReviewPage::new(&review, &units, &keys, &evidence, &similar, state.index.taxonomy());
        page.chrome = chrome;
        let groups = state.index.duplicates()?;
        let main = groups.main(&id);
        if main != &id {
            page.main_version = state.index.review(main)?.as_ref().map(VersionLink::new);
        }
        for other in groups.also(&id) {
            page.other_versions.extend(state.index.review(other)?.as_ref().map(VersionLink::new));
        }
        let tags = state.index.review_tags(&id)?;
        page.corrections = state
            .store
            .corrections(Some(&id))?
            .iter()
            .map(|c| {
                let mut row = AuditRow::new(c);
                row.stale = c.reverted.is_none() && !c.holds(&review, &tags, &units);
                row
            })
            .collect();
        if signed_in.require(Role::Curator).is_ok() {
            page.curation = Some(CurationForms::new(&review, &tags, state.index.taxonomy()));
        }
        page.notice = notice;
        page.current_pack = current_pack(&state, &remembered)?;
        if let Some(current) = &page.current_pack {
            for item in page.findings.iter_mut().chain(page.recommendations.iter_mut()) {
                item.in_pack = current.unit_ids.contains(&item.unit_id);
            }
        }
        Ok(page)
    })
    .await
}

/// Serves the PDF of an indexed review. Only files recorded in the index can be served: the
/// name is a review id, never a path.
#[tracing::instrument(skip(state, request))]
async fn pdf(
    State(state): State<AppState>,
    Path(name): Path<String>,
    request: Request,
) -> Result<Response, AppError> {
    let not_found = || AppError::NotFound(format!("no file {name:?}"));
    let id =
        name.strip_suffix(".pdf").and_then(|id| ReviewId::parse(id).ok()).ok_or_else(not_found)?;
    let lookup = id.clone();
    let review = blocking(move || Ok(state.index.review(&lookup)?)).await?.ok_or_else(not_found)?;
    let mut response = ServeFile::new(&review.file)
        .oneshot(request.map(|_| Body::empty()))
        .await
        .map_err(|err| AppError::Internal(err.to_string()))?
        .into_response();
    if response.status() == axum::http::StatusCode::NOT_FOUND {
        return Err(AppError::NotFound(format!("the file of review {id} is no longer on disk")));
    }
    let disposition = format!("inline; filename=\"{id}.pdf\"");
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
}

async fn print_stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        PRINT_STYLESHEET,
    )
}

/// The optional enhancements of the pages (see the file's opening comment).
async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        SCRIPT,
    )
}

/// Switches high contrast on (`on=1`) or off and goes back to the page the reader was on.
async fn contrast(RawQuery(raw): RawQuery) -> Response {
    let mut on = false;
    let mut back = None;
    for (key, value) in form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes()) {
        match key.as_ref() {
            "on" => on = value == "1",
            "back" => back = Some(value.into_owned()),
            _ => {}
        }
    }
    let cookie = if on {
        format!("{CONTRAST_COOKIE}=high; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly")
    } else {
        format!("{CONTRAST_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly")
    };
    (
        axum::http::StatusCode::SEE_OTHER,
        [(header::SET_COOKIE, cookie), (header::LOCATION, safe_back(back.as_deref()))],
    )
        .into_response()
}
