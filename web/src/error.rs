//! Errors of the web layer and the only place that maps them to HTTP status codes.
//!
//! Pages get an HTML error page; the JSON API gets `{"error": {"parameter": …, "message": …}}`.
//! Internal details are logged, never sent to the client.

use askama::Template;
use askama_web::WebTemplate;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An error while answering a request.
#[derive(Debug, thiserror::Error)]
pub(crate) enum AppError {
    /// A request parameter with a value that cannot be used (400).
    #[error("invalid value for {name}: {reason}")]
    BadParameter { name: &'static str, reason: String },
    /// A form field with a value that cannot be used (400); the name comes from the request.
    #[error("invalid value for {name}: {reason}")]
    BadField { name: String, reason: String },
    /// A request that needs a signed-in user (401).
    #[error("{0}")]
    Unauthorized(String),
    /// A request that is refused (403), such as a form post without its token.
    #[error("{0}")]
    Forbidden(String),
    /// Nothing at this address (404).
    #[error("not found: {0}")]
    NotFound(String),
    /// A failure on our side (500); the message is logged, not shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub(crate) fn bad(name: &'static str, reason: impl Into<String>) -> AppError {
        AppError::BadParameter { name, reason: reason.into() }
    }

    fn status(&self) -> StatusCode {
        match self {
            AppError::BadParameter { .. } | AppError::BadField { .. } => StatusCode::BAD_REQUEST,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the client may be told.
    fn public_message(&self) -> String {
        match self {
            AppError::Internal(_) => "something went wrong on our side".to_string(),
            other => other.to_string(),
        }
    }
}

impl From<casebook::Error> for AppError {
    fn from(err: casebook::Error) -> AppError {
        match err {
            casebook::Error::BadParameter { name, reason } => {
                AppError::BadParameter { name, reason }
            }
            casebook::Error::BadId { id } => AppError::NotFound(format!("no review {id:?}")),
            casebook::Error::UnknownReview(id) => AppError::NotFound(format!("no review {id:?}")),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<casebook_store::StoreError> for AppError {
    fn from(err: casebook_store::StoreError) -> AppError {
        use casebook_store::StoreError;
        match err {
            StoreError::TooLong { field, .. } | StoreError::Empty { field } => {
                AppError::BadParameter { name: field, reason: err.to_string() }
            }
            StoreError::PackFull { .. } => AppError::bad("pack", err.to_string()),
            StoreError::NoSuchPack => AppError::NotFound("no such pack".into()),
            StoreError::NoSuchItem(_) => AppError::NotFound(err.to_string()),
            StoreError::NoSuchSearch => AppError::NotFound("no such saved search".into()),
            StoreError::Correction(_) => AppError::bad("op", err.to_string()),
            StoreError::Account(_) => AppError::bad("name", err.to_string()),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<casebook::corrections::CorrectionError> for AppError {
    fn from(err: casebook::corrections::CorrectionError) -> AppError {
        AppError::bad("op", err.to_string())
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(err: tokio::task::JoinError) -> AppError {
        AppError::Internal(err.to_string())
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: crate::chrome::Chrome,
    status: u16,
    title: &'static str,
    message: String,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        if let AppError::Internal(detail) = &self {
            tracing::error!(%detail, "request failed");
        }
        let title = match status {
            StatusCode::BAD_REQUEST => "That request could not be read",
            StatusCode::FORBIDDEN => "That form could not be accepted",
            StatusCode::UNAUTHORIZED => "Sign in first",
            StatusCode::TOO_MANY_REQUESTS => "Too many attempts",
            StatusCode::NOT_FOUND => "Page not found",
            _ => "Something went wrong",
        };
        let page = ErrorPage {
            chrome: crate::chrome::Chrome::default(),
            status: status.as_u16(),
            title,
            message: self.public_message(),
        };
        (status, page).into_response()
    }
}

/// An [`AppError`] answered as JSON, for the API.
#[derive(Debug)]
pub(crate) struct ApiError(pub(crate) AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(err: E) -> ApiError {
        ApiError(err.into())
    }
}

#[derive(Serialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Serialize)]
struct ErrorDetail {
    status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    parameter: Option<String>,
    message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        if let AppError::Internal(detail) = &self.0 {
            tracing::error!(%detail, "api request failed");
        }
        let parameter = match &self.0 {
            AppError::BadParameter { name, .. } => Some((*name).to_string()),
            AppError::BadField { name, .. } => Some(name.clone()),
            _ => None,
        };
        let body = ErrorBody {
            error: ErrorDetail {
                status: status.as_u16(),
                parameter,
                message: self.0.public_message(),
            },
        };
        (status, Json(body)).into_response()
    }
}
