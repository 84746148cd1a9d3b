//! State shared by every request handler.

use std::sync::Arc;

use casebook::SearchIndex;

/// What handlers need: the index (with the process's one reader).
#[derive(Clone)]
pub struct AppState {
    /// The index searched by every request.
    pub index: Arc<SearchIndex>,
}

impl AppState {
    /// Wraps an open index.
    pub fn new(index: SearchIndex) -> AppState {
        AppState { index: Arc::new(index) }
    }
}
