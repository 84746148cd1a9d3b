//! Curators: sign in and out, correct a review from its page or the JSON API, and the audit
//! trail (admins), where a correction can be reverted.
//!
//! A correction is saved first (the database is the record of it), then applied at once by
//! running the indexer on that one review (only the indexer writes the index); if the index is
//! busy it is applied by the next indexing run, which applies every correction in force.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use casebook::ReviewId;
use casebook_store::accounts::{Role, SignInRefusal};
use casebook_store::corrections::{Correction, Op};

use super::{blocking, extra_param};
use crate::chrome::{Chrome, safe_back};
use crate::dto::CorrectionDto;
use crate::error::{ApiError, AppError};
use crate::forms::{CSRF_COOKIE, PostForm, constant_time_eq, cookie};
use crate::session::{
    ClientAddr, SignedIn, address_wait, cleared_cookie, count_failure, session_cookie,
    session_token,
};
use crate::state::AppState;
use crate::views::{AuditFilter, AuditPage, AuditRow, SignInPage};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/signin", get(sign_in_page).post(sign_in))
        .route("/signout", post(sign_out))
        .route("/reviews/{id}/corrections", post(correct_from_form))
        .route("/api/reviews/{id}/corrections", post(correct_from_api))
        .route("/audit", get(audit))
        .route("/audit/{id}/revert", post(revert))
}

async fn sign_in_page(chrome: Chrome, raw: axum::extract::RawQuery) -> SignInPage {
    let back = extra_param(raw.0.as_deref(), "back");
    SignInPage { chrome, back: safe_back(back.as_deref()), message: String::new() }
}

async fn sign_in(
    State(state): State<AppState>,
    chrome: Chrome,
    addr: ClientAddr,
    form: PostForm,
) -> Result<Response, AppError> {
    let name = form.required("name")?.to_string();
    let password = form.required("password")?.to_string();
    let back = safe_back(form.get("back"));
    let now = casebook_store::now_ms();
    if let Some(minutes) = address_wait(&state, addr, now) {
        let message =
            format!("Too many wrong passwords from your address: try again in {minutes} minutes.");
        return Ok(
            (StatusCode::TOO_MANY_REQUESTS, SignInPage { chrome, back, message }).into_response()
        );
    }
    let store = state.store.clone();
    let outcome = blocking(move || Ok(store.sign_in(&name, &password, now)?)).await?;
    if outcome.is_err() {
        count_failure(&state, addr, now);
    }
    match outcome {
        Ok((user, token)) => {
            tracing::info!(user = %user.name, "signed in");
            let secure = state.public_url.starts_with("https://");
            let mut response = Redirect::to(&back).into_response();
            let cookie = HeaderValue::from_str(&session_cookie(&token, secure))
                .map_err(|e| AppError::Internal(e.to_string()))?;
            response.headers_mut().append(header::SET_COOKIE, cookie);
            Ok(response)
        }
        Err(refusal) => {
            let (status, message) = match refusal {
                SignInRefusal::Wrong => {
                    (StatusCode::UNAUTHORIZED, "The name or the password is wrong.".to_string())
                }
                SignInRefusal::Locked { until_ms } => {
                    let minutes = until_ms.saturating_sub(now).div_ceil(60_000);
                    (
                        StatusCode::TOO_MANY_REQUESTS,
                        format!(
                            "Too many wrong passwords: this account is locked for {minutes} more \
                             minutes."
                        ),
                    )
                }
            };
            Ok((status, SignInPage { chrome, back, message }).into_response())
        }
    }
}

async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    _form: PostForm,
) -> Result<Response, AppError> {
    if let Some(token) = session_token(&headers) {
        let store = state.store.clone();
        blocking(move || Ok(store.sign_out(&token)?)).await?;
    }
    let mut response = Redirect::to("/").into_response();
    let cookie = HeaderValue::from_str(&cleared_cookie()).expect("ascii");
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

async fn correct_from_form(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
    form: PostForm,
) -> Result<Response, AppError> {
    let user = signed_in.require(Role::Curator)?.name.clone();
    let op = form.required("op")?.to_string();
    let value = if op == "edit_item" {
        item_value(
            form.get("text").unwrap_or_default(),
            form.get("new_text").unwrap_or_default(),
            form.get("number").unwrap_or_default(),
            form.get("agencies").unwrap_or_default(),
        )
    } else {
        form.get("value").unwrap_or_default().to_string()
    };
    let page = form.get("page").filter(|p| !p.is_empty()).map(str::to_string);
    let reason = form.get("reason").unwrap_or_default().to_string();
    let (correction, applied) =
        blocking(move || correct(&state, &id, &user, &op, &value, page.as_deref(), &reason))
            .await?;
    let note = if applied { "corrected" } else { "saved" };
    let back = format!("/reviews/{}?{note}={}#corrections", correction.review, correction.id);
    Ok(Redirect::to(&back).into_response())
}

/// The value of an `edit_item` correction from its parts.
fn item_value(text: &str, new_text: &str, number: &str, agencies: &str) -> String {
    match Op::edit_item(Some(1), text, new_text, number, agencies) {
        Ok(op) => op.value(),
        // Let `correct` give the error, naming the op.
        Err(_) => String::new(),
    }
}

/// The body of `POST /api/reviews/{id}/corrections`.
#[derive(Debug, serde::Deserialize)]
struct CorrectionRequest {
    op: String,
    #[serde(default, alias = "id")]
    value: String,
    page: Option<u32>,
    #[serde(default)]
    reason: String,
    /// For edit_item and not_an_item: the item's text as Casebook read it.
    #[serde(default)]
    text: String,
    /// For edit_item: its new text, number and addressees (agency ids).
    #[serde(default)]
    new_text: String,
    #[serde(default)]
    number: String,
    #[serde(default)]
    agencies: Vec<String>,
}

async fn correct_from_api(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<(StatusCode, Json<CorrectionDto>), ApiError> {
    let user = signed_in.require(Role::Curator).map_err(ApiError)?.name.clone();
    // The form token of the browser's session, repeated in a header (a cross-site form cannot
    // set a header, nor read the cookie).
    let sent = headers.get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or("");
    let expected = cookie(&headers, CSRF_COOKIE).unwrap_or_default();
    if expected.is_empty() || !constant_time_eq(sent.as_bytes(), expected.as_bytes()) {
        return Err(ApiError(AppError::Forbidden(
            "send the form token of your session in the X-CSRF-Token header".into(),
        )));
    }
    let request: CorrectionRequest = serde_json::from_slice(&body)
        .map_err(|e| ApiError(AppError::bad("body", e.to_string())))?;
    let (correction, applied) = blocking(move || {
        let page = request.page.map(|p| p.to_string());
        let value = match request.op.as_str() {
            "edit_item" => item_value(
                &request.text,
                &request.new_text,
                &request.number,
                &request.agencies.join(","),
            ),
            "not_an_item" if request.value.is_empty() => request.text.clone(),
            _ => request.value.clone(),
        };
        correct(&state, &id, &user, &request.op, &value, page.as_deref(), &request.reason)
    })
    .await
    .map_err(ApiError)?;
    Ok((StatusCode::CREATED, Json(CorrectionDto::new(&correction, Some(applied)))))
}

/// Checks, saves and applies one correction; returns it and whether the index shows it.
fn correct(
    state: &AppState,
    id: &str,
    user: &str,
    op: &str,
    value: &str,
    page: Option<&str>,
    reason: &str,
) -> Result<(Correction, bool), AppError> {
    let id = ReviewId::parse(id).map_err(|_| AppError::NotFound(format!("no review {id:?}")))?;
    let review =
        state.index.review(&id)?.ok_or_else(|| AppError::NotFound(format!("no review {id}")))?;
    let page = match page {
        Some(p) => Some(p.parse::<u32>().map_err(|_| AppError::bad("page", "a page number"))?),
        None => None,
    };
    let op = Op::parse(op, value, page)?;
    let taxonomy = state.index.taxonomy();
    let before = match &op {
        Op::SetType(type_id) => {
            let known = taxonomy.get(type_id).map(|e| e.facet_path());
            if known != Some(format!("/type/{type_id}")) {
                return Err(AppError::bad("value", format!("{type_id:?} is not a review type")));
            }
            review.review_type.as_ref().map(|t| t.value.clone()).unwrap_or_default()
        }
        Op::SetYear(_) => review.published.as_ref().map(|p| p.value.clone()).unwrap_or_default(),
        Op::SetSubject(_) => review.subject.as_ref().map(|s| s.value.clone()).unwrap_or_default(),
        Op::RejectTheme(path) | Op::AddTheme(path) => {
            let theme = path.rsplit('/').next().unwrap_or_default();
            if taxonomy.facet_path(theme).as_deref() != Some(path.as_str()) {
                return Err(AppError::bad(
                    "value",
                    format!("{path:?} is not a theme or risk factor"),
                ));
            }
            let has = state.index.review_tags(&id)?.contains(path);
            match (&op, has) {
                (Op::RejectTheme(_), false) => {
                    return Err(AppError::bad(
                        "value",
                        format!("the review does not count for {path}"),
                    ));
                }
                (Op::AddTheme(_), true) => {
                    return Err(AppError::bad(
                        "value",
                        format!("the review counts for {path} already"),
                    ));
                }
                _ => {}
            }
            if has { path.clone() } else { String::new() }
        }
        Op::AddRecommendation { page, .. } => {
            if *page > review.n_pages {
                return Err(AppError::bad(
                    "page",
                    format!("the review has {} pages", review.n_pages),
                ));
            }
            String::new()
        }
        Op::EditItem { page, text, .. } | Op::NotAnItem { page, text } => {
            let agencies: &[String] = match &op {
                Op::EditItem { agencies, .. } => agencies,
                _ => &[],
            };
            let units = state.index.units(&id)?;
            let item = units.iter().find(|u| {
                matches!(u.kind, casebook::UnitKind::Finding | casebook::UnitKind::Recommendation)
                    && u.page == *page
                    && casebook_store::corrections::same_text(&u.text, text)
            });
            let Some(item) = item else {
                return Err(AppError::bad(
                    "text",
                    format!("no finding or recommendation with this text starts on page {page}"),
                ));
            };
            for agency in agencies {
                if taxonomy.facet_path(agency) != Some(format!("/agency/{agency}")) {
                    return Err(AppError::bad("agencies", format!("{agency:?} is not an agency")));
                }
            }
            format!(
                "{} {}: {}",
                item.kind.as_str(),
                item.number.as_deref().unwrap_or(""),
                item.text
            )
        }
        Op::SameReview(other) | Op::NotSameReview(other) => {
            if other == &id || state.index.review(other)?.is_none() {
                return Err(AppError::bad("value", format!("{other} is not another review")));
            }
            let groups = state.index.duplicates()?;
            let together = groups.main(&id) == groups.main(other);
            if together { format!("one review with {other}") } else { String::new() }
        }
        Op::Hide => String::new(),
    };
    let correction = state.store.add_correction(&id, &op, &before, reason, user)?;
    tracing::info!(review = %id, op = op.name(), user, "corrected");
    let applied = apply_now(state, &id);
    Ok((correction, applied))
}

/// Runs the indexer on one review with every correction in force; false when it could not
/// (the next indexing run applies them).
fn apply_now(state: &AppState, id: &ReviewId) -> bool {
    let Some(index_dir) = state.index.path() else { return false };
    let _one_at_a_time = state.applying.lock().unwrap_or_else(|p| p.into_inner());
    let corrections = match state.store.corrections_in_force() {
        Ok(c) => c,
        Err(err) => {
            tracing::warn!(%err, "corrections could not be read");
            return false;
        }
    };
    let mut options = casebook_indexer::IndexOptions::new(index_dir, &[]);
    options.taxonomy = Some(state.index.taxonomy().clone());
    options.corrections = corrections;
    options.only = Some(vec![id.clone()]);
    match casebook_indexer::run(&options) {
        Ok(_) => state.index.reload().is_ok(),
        Err(err) => {
            tracing::warn!(review = %id, %err, "correction saved, not applied yet");
            false
        }
    }
}

async fn audit(
    State(state): State<AppState>,
    chrome: Chrome,
    signed_in: SignedIn,
    raw: axum::extract::RawQuery,
) -> Result<AuditPage, AppError> {
    signed_in.require(Role::Admin)?;
    let param = |name: &str| {
        extra_param(raw.0.as_deref(), name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
    };
    let filter = AuditFilter {
        review: param("review").unwrap_or_default(),
        who: param("who").unwrap_or_default(),
        op: param("op").unwrap_or_default(),
        reverted: param("state").unwrap_or_default(),
    };
    let rows = blocking(move || Ok(state.store.corrections(None)?)).await?;
    let authors: std::collections::BTreeSet<String> =
        rows.iter().map(|c| c.author.clone()).collect();
    let shown = rows.iter().filter(|c| filter.keeps(c)).map(AuditRow::new).collect();
    Ok(AuditPage { chrome, rows: shown, authors: authors.into_iter().collect(), filter })
}

async fn revert(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<i64>,
    _form: PostForm,
) -> Result<Response, AppError> {
    let user = signed_in.require(Role::Admin)?.name.clone();
    blocking(move || {
        let reverted = state
            .store
            .revert_correction(id, &user)?
            .ok_or_else(|| AppError::NotFound(format!("no correction {id} in force")))?;
        tracing::info!(correction = id, user, "reverted");
        apply_now(&state, &reverted.review);
        Ok(())
    })
    .await?;
    Ok(Redirect::to("/audit").into_response())
}
