//! `casebook serve`: the search pages and the JSON API.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use casebook::SearchIndex;

use super::{default_data, default_index, open_index, open_store, sample_corpus};
use crate::{AppState, app};

#[derive(Debug, clap::Args)]
pub(super) struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:3000")]
    addr: SocketAddr,
    /// Index folder; built from the sample corpus on first start if it holds no index.
    #[arg(long, default_value = default_index())]
    index: PathBuf,
    /// Data folder: the database of briefing packs and saved searches.
    #[arg(long, default_value = default_data())]
    data: PathBuf,
    /// The address readers use to reach this server, for the links in exports and feeds
    /// (default: http:// and the listening address).
    #[arg(long, value_name = "URL")]
    public_url: Option<String>,
    /// How many answers to recent searches to keep in memory until the index changes
    /// (0 for none).
    #[arg(long, value_name = "N", default_value_t = casebook::RESULT_CACHE_ENTRIES)]
    result_cache: usize,
    /// Every page and the API need a signed-in user (for a collection of unpublished
    /// reviews); add accounts with `casebook user add`.
    #[arg(long)]
    private: bool,
}

/// Serves until Ctrl-C or SIGTERM.
pub(super) fn run(
    args: ServeArgs,
    taxonomy: Option<&casebook::Taxonomy>,
) -> anyhow::Result<ExitCode> {
    let addr = args.addr;
    let public_url = args.public_url.unwrap_or_else(|| format!("http://{addr}"));
    if !SearchIndex::exists(&args.index) {
        let corpus = sample_corpus();
        eprintln!(
            "no index at {}: building one from the sample corpus in {}",
            args.index.display(),
            corpus.display()
        );
        super::index::index_paths(&args.index, &args.data, vec![corpus], taxonomy)?;
    }
    let mut index = open_index(&args.index, taxonomy)?;
    index.set_result_cache(args.result_cache);
    let store = open_store(&args.data)?;
    if args.private && store.users()?.is_empty() {
        anyhow::bail!(
            "--private: {} has no accounts, so nobody could sign in; add one with \
             `casebook user add NAME --role admin --data {}`",
            args.data.display(),
            args.data.display()
        );
    }
    let stats = index.stats()?;
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("listening on {addr}"))?;
        eprintln!(
            "casebook: serving {} reviews ({} units) from {} on http://{addr}/",
            stats.n_reviews,
            stats.n_units,
            args.index.display()
        );
        let mut state = AppState::new(index, store, &public_url);
        state.private = args.private;
        let service = app(state).into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, service)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .context("serving")?;
        eprintln!("casebook: stopped");
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
