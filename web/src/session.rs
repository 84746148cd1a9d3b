//! Who is signed in: the session cookie, read once per request.
//!
//! A session is a random token in an `HttpOnly`, `SameSite=Strict` cookie (`Secure` when the
//! site is served over https); the database keeps only its hash (see
//! `casebook::store::accounts`). Reading stays open to everyone; curation needs a curator or
//! an admin, the audit trail an admin.

use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use casebook::store::accounts::{Role, SessionToken, User};

use crate::error::AppError;
use crate::forms::cookie;
use crate::state::AppState;

/// Name of the session cookie.
pub(crate) const SESSION_COOKIE: &str = "casebook_session";

/// The signed-in user of a request (none when signed out), in the request's extensions.
#[derive(Clone, Debug, Default)]
pub(crate) struct SignedIn(pub(crate) Option<User>);

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
        let now = casebook::store::now_ms();
        user = tokio::task::spawn_blocking(move || store.session_user(&token, now).ok().flatten())
            .await
            .ok()
            .flatten();
    }
    request.extensions_mut().insert(SignedIn(user));
    next.run(request).await
}

/// The `Set-Cookie` value that starts a session.
pub(crate) fn session_cookie(token: &SessionToken, secure: bool) -> String {
    let max_age = casebook::store::accounts::SESSION_MS / 1000;
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
