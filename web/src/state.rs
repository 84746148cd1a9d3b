//! State shared by every request handler.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;

use axum::body::Bytes;
use casebook::SearchIndex;
use casebook::cache::GenerationCache;
use casebook_store::Store;

/// What handlers need: the index (with the process's one reader) and the store of packs and
/// saved searches.
#[derive(Clone)]
pub struct AppState {
    /// The index searched by every request.
    pub index: Arc<SearchIndex>,
    /// Packs and saved searches.
    pub store: Arc<Store>,
    /// The address at which readers reach this server (`http://host:port`, no trailing
    /// slash), for the links in exports and feeds, which are read away from the site.
    pub public_url: String,
    /// The JSON written for recent `/api/search` requests, by query string. Answers of the
    /// JSON API depend on nothing else (no cookie, no session), so the bytes can be reused
    /// until the index changes; as many are kept as the index keeps answers.
    pub(crate) api_answers: Arc<GenerationCache<Bytes>>,
    /// Held while a correction is applied to the index, so that two curators' corrections
    /// are applied one after the other rather than compete for the index's writer.
    pub(crate) applying: Arc<std::sync::Mutex<()>>,
    /// Whether every page needs a signed-in user (`serve --private`).
    pub private: bool,
    /// Recent failed sign-ins by client address: how many, since when (ms).
    pub(crate) failed_sign_ins: Arc<std::sync::Mutex<HashMap<IpAddr, (u32, u64)>>>,
}

impl AppState {
    /// Wraps an open index and store; links in exports point at `public_url`.
    pub fn new(index: SearchIndex, store: Store, public_url: &str) -> AppState {
        AppState {
            api_answers: Arc::new(GenerationCache::new(index.result_cache_capacity())),
            index: Arc::new(index),
            store: Arc::new(store),
            public_url: public_url.trim_end_matches('/').to_string(),
            applying: Arc::default(),
            private: false,
            failed_sign_ins: Arc::default(),
        }
    }

    /// An open index with a store in memory, for tests and tools that keep no user data.
    pub fn with_index(index: SearchIndex) -> AppState {
        let store = Store::open_in_memory().expect("an in-memory database opens");
        AppState::new(index, store, "http://127.0.0.1:3000")
    }
}
