//! `casebook serve`: the search pages and the JSON API.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use casebook::SearchIndex;

use super::fetch::{FetchArgs, fetch_and_index, fetch_options};
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
    /// Fetch new reviews from the sources' listing pages at start and then this often
    /// (`24h`, `90m`, `3600s`, `7d`), and index them.
    #[arg(long, value_name = "INTERVAL", value_parser = parse_interval)]
    fetch_every: Option<Duration>,
    #[command(flatten, next_help_heading = "Fetching (with --fetch-every)")]
    fetch: FetchArgs,
}

/// `24h`, `90m`, `3600s`, `7d`, or a number of seconds; at least a minute.
fn parse_interval(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let (number, unit) = match s.find(|c: char| c.is_ascii_alphabetic()) {
        Some(at) => s.split_at(at),
        None => (s, "s"),
    };
    let scale = match unit {
        "s" => 1.0,
        "m" => 60.0,
        "h" => 3600.0,
        "d" => 86_400.0,
        _ => return Err(format!("{s:?}: the unit is s, m, h or d (as in 24h)")),
    };
    match number.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n * scale >= 60.0 && n * scale <= 366.0 * 86_400.0 => {
            Ok(Duration::from_secs_f64(n * scale))
        }
        _ => Err(format!("{s:?} is not an interval between 1 minute and a year (as in 24h)")),
    }
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
    // A sources file or contact that is wrong stops the server at start, not a day later.
    let fetching = match args.fetch_every {
        Some(every) => {
            let options = fetch_options(&args.fetch, &args.data)?;
            if options.sources.is_empty() {
                anyhow::bail!(
                    "--fetch-every: no sources in {}; add one with `casebook sources add URL`",
                    casebook_indexer::fetch::sources::Sources::path_in(&args.data).display()
                );
            }
            Some((every, options))
        }
        None => None,
    };
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
        if let Some((every, options)) = fetching {
            let state = state.clone();
            let taxonomy = taxonomy.cloned();
            let data = args.data.clone();
            tokio::spawn(fetch_on_schedule(every, options, state, data, taxonomy));
        }
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

/// Fetches and indexes at start and then every `every`, one run at a time, never at the same
/// time as a curator's correction is applied.
async fn fetch_on_schedule(
    every: Duration,
    options: casebook_indexer::fetch::FetchOptions,
    state: crate::AppState,
    data: PathBuf,
    taxonomy: Option<casebook::Taxonomy>,
) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let (options, state, data, taxonomy) =
            (options.clone(), state.clone(), data.clone(), taxonomy.clone());
        let done = tokio::task::spawn_blocking(move || {
            let Some(index) = state.index.path().map(std::path::Path::to_path_buf) else {
                return Ok(());
            };
            let _one_at_a_time = state.applying.lock().unwrap_or_else(|p| p.into_inner());
            let say: Arc<dyn Fn(&str) + Send + Sync> =
                Arc::new(|line: &str| eprintln!("casebook fetch: {line}"));
            let taxonomy = taxonomy.or_else(|| Some(state.index.taxonomy().clone()));
            fetch_and_index(&options, Some((&index, &data)), taxonomy.as_ref(), say)?;
            state.index.reload()?;
            anyhow::Ok(())
        })
        .await;
        match done {
            Ok(Ok(())) => {}
            Ok(Err(err)) => eprintln!("casebook fetch: failed: {err:#}"),
            Err(err) => eprintln!("casebook fetch: failed: {err}"),
        }
    }
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
