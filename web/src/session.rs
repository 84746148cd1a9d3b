//! Who is signed in: the session cookie, read once per request.
//!
//! A session is a random token in an `HttpOnly`, `SameSite=Strict` cookie (`Secure` when the
//! site is served over https); the database keeps only its hash (see
//! `casebook_store::accounts`). Reading stays open to everyone; curation needs a curator or
//! an admin, the audit trail an admin.

use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use casebook_store::accounts::{Role, SessionToken, User};

pub(crate) use crate::chrome::SignedIn;
use crate::error::AppError;
use crate::forms::cookie;
use crate::state::AppState;

/// Name of the session cookie.
pub(crate) const SESSION_COOKIE: &str = "casebook_session";

impl SignedIn {
    /// The user, when signed in with at least `role`; otherwise 401 (signed out) or 403.
    pub(crate) fn require(&self, role: Role) -> Result<&User, AppError> {
        match &self.0 {
            None => Err(AppError::Unauthorized(
                "sign in as a curator to correct reviews (/signin)".into(),
            )),
            Some(user) if user.role >= role => Ok(user),
            Some(_) => Err(AppError::Forbidden(format!("this needs an {}", role.as_str()))),
        }
    }
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for SignedIn {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<SignedIn, Self::Rejection> {
        Ok(parts.extensions.get::<SignedIn>().cloned().unwrap_or_default())
    }
}

/// The session token the browser sent.
pub(crate) fn session_token(headers: &HeaderMap) -> Option<SessionToken> {
    cookie(headers, SESSION_COOKIE)
        .filter(|t| crate::forms::valid_token(t))
        .map(|t| SessionToken::new(&t))
}

/// Middleware: looks the session up and puts [`SignedIn`] into the request.
pub(crate) async fn signed_in(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let mut user = None;
    if let Some(token) = session_token(request.headers()) {
        let store = state.store.clone();
        let now = casebook_store::now_ms();
        user = tokio::task::spawn_blocking(move || store.session_user(&token, now).ok().flatten())
            .await
            .ok()
            .flatten();
    }
    let path = request.uri().path();
    let open = path == "/signin" || path.starts_with("/static/") || path == "/contrast";
    if state.private && user.is_none() && !open {
        // A private site shows nothing, not even its API, to a visitor who is not signed in.
        if path.starts_with("/api/") {
            let error =
                AppError::Unauthorized("this Casebook is private: sign in at /signin".into());
            return crate::error::ApiError(error).into_response();
        }
        let here = request.uri().path_and_query().map_or("/", |pq| pq.as_str());
        let back: String = form_urlencoded::byte_serialize(here.as_bytes()).collect();
        return Redirect::to(&format!("/signin?back={back}")).into_response();
    }
    request.extensions_mut().insert(SignedIn(user));
    next.run(request).await
}

/// Failed sign-ins from one address that refuse its next attempts for a while.
pub(crate) const MAX_FAILURES_PER_ADDRESS: u32 = 50;
/// How long an address's failures are remembered: ten minutes.
pub(crate) const ADDRESS_WINDOW_MS: u64 = 10 * 60_000;

/// The client's address, when the server knows it (`casebook serve` does).
#[derive(Clone, Copy, Debug)]
pub(crate) struct ClientAddr(pub(crate) Option<std::net::IpAddr>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<ClientAddr, Self::Rejection> {
        let info = parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>();
        Ok(ClientAddr(info.map(|i| i.0.ip())))
    }
}

/// Minutes an address must wait before it may try to sign in again; `None` when it may now.
pub(crate) fn address_wait(state: &AppState, addr: ClientAddr, now: u64) -> Option<u64> {
    let ip = addr.0?;
    let failures = state.failed_sign_ins.lock().unwrap_or_else(|p| p.into_inner());
    let &(n, since) = failures.get(&ip)?;
    let until = since + ADDRESS_WINDOW_MS;
    (n >= MAX_FAILURES_PER_ADDRESS && until > now).then(|| (until - now).div_ceil(60_000))
}

/// Counts a failed sign-in from `addr`.
pub(crate) fn count_failure(state: &AppState, addr: ClientAddr, now: u64) {
    let Some(ip) = addr.0 else { return };
    let mut failures = state.failed_sign_ins.lock().unwrap_or_else(|p| p.into_inner());
    // Forget windows that are over, so that the map does not grow without end.
    failures.retain(|_, (_, since)| *since + ADDRESS_WINDOW_MS > now);
    let entry = failures.entry(ip).or_insert((0, now));
    entry.0 += 1;
}

/// The `Set-Cookie` value that starts a session.
pub(crate) fn session_cookie(token: &SessionToken, secure: bool) -> String {
    let max_age = casebook_store::accounts::SESSION_MS / 1000;
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{SESSION_COOKIE}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}",
        token.as_str()
    )
}

/// The `Set-Cookie` value that ends it.
pub(crate) fn cleared_cookie() -> String {
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
}
