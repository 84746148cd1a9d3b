//! Briefing packs: their pages, the form posts that change them, and exports (saved searches
//! are in `searches.rs`).
//!
//! A pack is reached only through its secret edit link (`/packs/{edit}`) or its read-only
//! share link (`/shared/{share}`); there is no listing of packs. The browser remembers the
//! packs and searches made in it in cookies, so that "Add to pack" on a search result knows
//! which pack is current. Every post goes through [`PostForm`], which checks the form token,
//! and answers with a redirect (303) to the page to show next.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use casebook_store::{EditToken, Extract, Pack};

use super::blocking;
use crate::chrome::{Chrome, safe_back};
use crate::error::AppError;
use crate::export::{self, Format, PackDocument};
use crate::forms::{PostForm, cookie, valid_token};
use crate::state::AppState;
use crate::time;
use crate::views::{PackPage, PacksPage, PrintPage};

/// Cookie listing the edit tokens of the packs made or opened in this browser, newest first.
pub(crate) const PACKS_COOKIE: &str = "casebook_packs";
/// Cookie listing the tokens of the searches saved in this browser, newest first.
pub(crate) const SEARCHES_COOKIE: &str = "casebook_searches";
/// Most tokens a cookie remembers.
const REMEMBERED: usize = 20;
/// Title of the pack made by "Add to pack" when the browser has none.
const FIRST_PACK_TITLE: &str = "Untitled briefing pack";

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/packs", get(packs_page).post(create_pack))
        .route("/packs/current/items", post(add_to_current))
        .route("/packs/{edit}", get(pack_page))
        .route("/packs/{edit}/details", post(update_details))
        .route("/packs/{edit}/delete", post(delete_pack))
        .route("/packs/{edit}/items", post(add_item))
        .route("/packs/{edit}/sections", post(add_section))
        .route("/packs/{edit}/items/{item}/{action}", post(change_item))
        .route("/packs/{edit}/export/{format}", get(export_edit))
        .route("/shared/{share}", get(shared_page))
        .route("/shared/{share}/export/{format}", get(export_shared))
}

/// The tokens in a cookie, valid ones only.
pub(crate) fn remembered(headers: &HeaderMap, name: &str) -> Vec<String> {
    cookie(headers, name)
        .unwrap_or_default()
        .split('.')
        .filter(|t| valid_token(t))
        .take(REMEMBERED)
        .map(str::to_string)
        .collect()
}

/// The `Set-Cookie` value that puts `token` first in the list `name` (or takes it out).
pub(super) fn remember(headers: &HeaderMap, name: &str, token: &str, keep: bool) -> HeaderValue {
    let mut tokens: Vec<String> =
        remembered(headers, name).into_iter().filter(|t| t != token).collect();
    if keep {
        tokens.insert(0, token.to_string());
    }
    tokens.truncate(REMEMBERED);
    let value =
        format!("{name}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly", tokens.join("."));
    HeaderValue::from_str(&value).expect("tokens are hex digits")
}

fn see_other(location: &str) -> Response {
    let location = HeaderValue::from_str(location).unwrap_or(HeaderValue::from_static("/"));
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

pub(super) fn see_other_remembering(location: &str, cookie: HeaderValue) -> Response {
    let mut response = see_other(location);
    response.headers_mut().append(header::SET_COOKIE, cookie);
    response
}

/// An edit token from a URL: the shape is checked before the database is asked.
fn edit_token(token: &str) -> Result<EditToken, AppError> {
    if valid_token(token) {
        Ok(EditToken::new(token))
    } else {
        Err(AppError::NotFound("no such pack".into()))
    }
}

fn pack_href(edit: &EditToken) -> String {
    format!("/packs/{}", edit.as_str())
}

/// The list of packs and saved searches remembered by this browser, and the form to make one.
async fn packs_page(
    State(state): State<AppState>,
    chrome: Chrome,
    headers: HeaderMap,
) -> Result<PacksPage, AppError> {
    let packs = remembered(&headers, PACKS_COOKIE);
    let searches = remembered(&headers, SEARCHES_COOKIE);
    blocking(move || {
        let mut mine = Vec::new();
        for token in packs {
            let edit = EditToken::new(&token);
            if let Some(pack) = state.store.pack(&edit)? {
                mine.push((pack, pack_href(&edit)));
            }
        }
        let mut saved = Vec::new();
        for token in searches {
            saved.extend(state.store.saved_search(&token)?);
        }
        Ok(PacksPage::new(chrome, &mine, &saved))
    })
    .await
}

async fn create_pack(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: PostForm,
) -> Result<Response, AppError> {
    let title = form.get("title").unwrap_or("").to_string();
    let description = form.get("description").unwrap_or("").to_string();
    let (_, edit) = blocking(move || Ok(state.store.create_pack(&title, &description)?)).await?;
    Ok(see_other_remembering(
        &pack_href(&edit),
        remember(&headers, PACKS_COOKIE, edit.as_str(), true),
    ))
}

/// Copies a unit of the index for a pack.
fn extract_of(state: &AppState, unit_id: &str) -> Result<Extract, AppError> {
    let (review, unit) = state
        .index
        .unit(unit_id)?
        .ok_or_else(|| AppError::bad("unit", format!("no unit {unit_id:?} in the index")))?;
    Ok(Extract::new(unit_id, &review, &unit))
}

/// "Add to pack" on a search result or a review page: adds the unit to the browser's current
/// pack (making one if it has none) and goes back to the page the button was on.
async fn add_to_current(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: PostForm,
) -> Result<Response, AppError> {
    let unit_id = form.required("unit")?.to_string();
    let back = safe_back(form.get("back"));
    let current = remembered(&headers, PACKS_COOKIE);
    let (edit, added) = blocking(move || {
        let extract = extract_of(&state, &unit_id)?;
        // The first remembered pack that still exists is the current one.
        for token in current {
            let edit = EditToken::new(&token);
            match state.store.add_extract(&edit, &extract) {
                Ok(item) => return Ok((edit, item)),
                Err(casebook_store::StoreError::NoSuchPack) => continue,
                Err(err) => return Err(err.into()),
            }
        }
        let (_, edit) = state.store.create_pack(FIRST_PACK_TITLE, "")?;
        let item = state.store.add_extract(&edit, &extract)?;
        Ok((edit, item))
    })
    .await?;
    tracing::debug!(item = added, "added to the current pack");
    let back = format!("{}#added", back.split('#').next().unwrap_or("/"));
    Ok(see_other_remembering(&back, remember(&headers, PACKS_COOKIE, edit.as_str(), true)))
}

async fn pack_page(
    State(state): State<AppState>,
    chrome: Chrome,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let edit = edit_token(&token)?;
    let lookup = edit.clone();
    let store = state.clone();
    let pack = blocking(move || Ok(store.store.pack(&lookup)?))
        .await?
        .ok_or_else(|| AppError::NotFound("no such pack".into()))?;
    let page = PackPage::new(chrome, &pack, Some(&edit), &state.public_url);
    // Opening a pack's edit link makes it the browser's current pack.
    let mut response = page.into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, remember(&headers, PACKS_COOKIE, edit.as_str(), true));
    Ok(response)
}

async fn shared_page(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(token): Path<String>,
) -> Result<PackPage, AppError> {
    let pack = shared(&state, token).await?;
    Ok(PackPage::new(chrome, &pack, None, &state.public_url))
}

async fn shared(state: &AppState, token: String) -> Result<Pack, AppError> {
    if !valid_token(&token) {
        return Err(AppError::NotFound("no such pack".into()));
    }
    let state = state.clone();
    blocking(move || Ok(state.store.shared_pack(&token)?))
        .await?
        .ok_or_else(|| AppError::NotFound("no such pack".into()))
}

/// Runs one change to a pack and goes back to the pack's page, at `anchor`.
async fn change(
    state: AppState,
    token: &str,
    anchor: &str,
    f: impl FnOnce(&casebook_store::Store, &EditToken) -> Result<(), AppError> + Send + 'static,
) -> Result<Response, AppError> {
    let edit = edit_token(token)?;
    let href = format!("{}{anchor}", pack_href(&edit));
    blocking(move || f(&state.store, &edit)).await?;
    Ok(see_other(&href))
}

async fn update_details(
    State(state): State<AppState>,
    Path(token): Path<String>,
    form: PostForm,
) -> Result<Response, AppError> {
    let title = form.required("title")?.to_string();
    let description = form.get("description").unwrap_or("").to_string();
    change(state, &token, "", move |store, edit| {
        Ok(store.update_pack(edit, &title, &description)?)
    })
    .await
}

async fn delete_pack(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
    _form: PostForm,
) -> Result<Response, AppError> {
    let edit = edit_token(&token)?;
    let forget = remember(&headers, PACKS_COOKIE, edit.as_str(), false);
    blocking(move || Ok(state.store.delete_pack(&edit)?)).await?;
    Ok(see_other_remembering("/packs", forget))
}

async fn add_item(
    State(state): State<AppState>,
    Path(token): Path<String>,
    form: PostForm,
) -> Result<Response, AppError> {
    let unit_id = form.required("unit")?.to_string();
    let lookup = state.clone();
    let extract = blocking(move || extract_of(&lookup, &unit_id)).await?;
    change(state, &token, "#items", move |store, edit| {
        store.add_extract(edit, &extract)?;
        Ok(())
    })
    .await
}

async fn add_section(
    State(state): State<AppState>,
    Path(token): Path<String>,
    form: PostForm,
) -> Result<Response, AppError> {
    let heading = form.required("heading")?.to_string();
    let text = form.get("text").unwrap_or("").to_string();
    let after = match form.get("after").filter(|a| !a.is_empty()) {
        None => None,
        Some(a) => Some(item_id(a)?),
    };
    change(state, &token, "#items", move |store, edit| {
        store.add_section(edit, &heading, &text, after)?;
        Ok(())
    })
    .await
}

fn item_id(value: &str) -> Result<i64, AppError> {
    value.parse().map_err(|_| AppError::bad("item", format!("{value:?} is not an item number")))
}

/// Every change to one item: `note`, `section`, `move`, `remove`.
async fn change_item(
    State(state): State<AppState>,
    Path((token, item, action)): Path<(String, String, String)>,
    form: PostForm,
) -> Result<Response, AppError> {
    let item = item_id(&item)?;
    let anchor = format!("#item-{item}");
    match action.as_str() {
        "note" => {
            let note = form.get("note").unwrap_or("").to_string();
            change(
                state,
                &token,
                &anchor,
                move |store, edit| Ok(store.set_note(edit, item, &note)?),
            )
            .await
        }
        "section" => {
            let heading = form.required("heading")?.to_string();
            let text = form.get("text").unwrap_or("").to_string();
            change(state, &token, &anchor, move |store, edit| {
                Ok(store.update_section(edit, item, &heading, &text)?)
            })
            .await
        }
        "move" => {
            let to = form.required("to")?.to_string();
            let target = match to.as_str() {
                "up" => Move::By(-1),
                "down" => Move::By(1),
                "first" => Move::To(0),
                "last" => Move::To(usize::MAX),
                n => Move::To(n.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).ok_or_else(
                    || {
                        AppError::bad(
                            "to",
                            format!("{n:?} is not up, down, first, last or a position from 1"),
                        )
                    },
                )?),
            };
            change(state, &token, &anchor, move |store, edit| {
                match target {
                    Move::By(by) => store.shift_item(edit, item, by)?,
                    Move::To(at) => store.move_item(edit, item, at)?,
                }
                Ok(())
            })
            .await
        }
        "remove" => {
            change(state, &token, "#items", move |store, edit| Ok(store.remove_item(edit, item)?))
                .await
        }
        other => Err(AppError::NotFound(format!("no action {other:?} on an item"))),
    }
}

#[derive(Clone, Copy)]
enum Move {
    By(isize),
    To(usize),
}

async fn export_edit(
    State(state): State<AppState>,
    Path((token, format)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let edit = edit_token(&token)?;
    let lookup = state.clone();
    let pack = blocking(move || Ok(lookup.store.pack(&edit)?))
        .await?
        .ok_or_else(|| AppError::NotFound("no such pack".into()))?;
    exported(&state, &pack, &format)
}

async fn export_shared(
    State(state): State<AppState>,
    Path((token, format)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let pack = shared(&state, token).await?;
    exported(&state, &pack, &format)
}

/// A pack in one of the export formats, as a download (or, for `html`, the print page).
fn exported(state: &AppState, pack: &Pack, format: &str) -> Result<Response, AppError> {
    let format = Format::parse(format)
        .map_err(|reason| AppError::NotFound(format!("no export format: {reason}")))?;
    let body = render(pack, &state.public_url, format, "/static/print.css")?;
    let disposition = if format == Format::Html {
        "inline".to_string()
    } else {
        format!("attachment; filename=\"{}\"", export::file_name(&pack.title, format.extension()))
    };
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(format.content_type())),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        body,
    )
        .into_response())
}

/// A pack in `format`; links point at `public_url`, and the print page's style at
/// `stylesheet`. The command line's `casebook pack export` calls this too.
pub(crate) fn render(
    pack: &Pack,
    public_url: &str,
    format: Format,
    stylesheet: &str,
) -> Result<Vec<u8>, AppError> {
    let now = time::now_ms();
    let doc = PackDocument::new(pack, public_url, &time::long_date(now));
    match format {
        Format::Docx => export::docx(&doc, &time::rfc3339(now))
            .map_err(|err| AppError::Internal(format!("writing the document: {err}"))),
        Format::Markdown => Ok(export::markdown(&doc).into_bytes()),
        Format::Html => {
            use askama::Template;
            PrintPage { doc, stylesheet: stylesheet.to_string() }
                .render()
                .map(String::into_bytes)
                .map_err(|err| AppError::Internal(format!("rendering the print page: {err}")))
        }
    }
}
