//! `casebook pack`: list the briefing packs, or export one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use super::{default_data, open_store};
use crate::export::Format;

#[derive(Debug, clap::Subcommand)]
pub(super) enum PackCommand {
    /// List every pack in the database, most recently changed first.
    List {
        /// Data folder.
        #[arg(long, default_value = default_data())]
        data: PathBuf,
    },
    /// Write a pack as a Word document, Markdown or a print-ready HTML page.
    Export {
        /// The pack: its number (from `casebook pack list`), or its edit or share token.
        pack: String,
        /// docx, md or html.
        #[arg(long, default_value = "docx", value_parser = Format::parse)]
        format: Format,
        /// Where to write it (default: a file named after the pack's title, in the current
        /// folder; `-` for standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Data folder.
        #[arg(long, default_value = default_data())]
        data: PathBuf,
        /// The server's address, for the links to the PDFs.
        #[arg(long, value_name = "URL", default_value = "http://127.0.0.1:3000")]
        public_url: String,
    },
}

pub(super) fn run(command: PackCommand) -> anyhow::Result<ExitCode> {
    match command {
        PackCommand::List { data } => list(&data)?,
        PackCommand::Export { pack, format, output, data, public_url } => {
            export(&pack, format, output.as_deref(), &data, &public_url)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn list(data: &Path) -> anyhow::Result<()> {
    let store = open_store(data)?;
    let mut out = std::io::stdout().lock();
    for pack in store.list_packs()? {
        writeln!(
            out,
            "{:>5}  {:>3} items  {}  {}",
            pack.id,
            pack.n_items,
            crate::time::rfc3339(pack.updated),
            pack.title
        )?;
    }
    Ok(())
}

fn export(
    id: &str,
    format: Format,
    output: Option<&Path>,
    data: &Path,
    public_url: &str,
) -> anyhow::Result<()> {
    if !data.join(casebook_store::DATABASE_FILE).is_file() {
        anyhow::bail!(
            "no database in {} (start `casebook serve --data …` to make one)",
            data.display()
        );
    }
    let store = open_store(data)?;
    let pack = match id.parse::<i64>() {
        Ok(n) => store.pack_by_id(n)?,
        Err(_) => match store.pack(&casebook_store::EditToken::new(id))? {
            Some(pack) => Some(pack),
            None => store.shared_pack(id)?,
        },
    }
    .ok_or_else(|| {
        anyhow::anyhow!("no pack {id:?} in {} (see `casebook pack list`)", data.display())
    })?;
    let public_url = public_url.trim_end_matches('/');
    let stylesheet = format!("{public_url}/static/print.css");
    let bytes = crate::routes::packs::render(&pack, public_url, format, &stylesheet)
        .map_err(|err| anyhow::anyhow!("{err}"))?;
    let path = match output {
        Some(path) if path == Path::new("-") => {
            std::io::stdout().lock().write_all(&bytes)?;
            return Ok(());
        }
        Some(path) => path.to_path_buf(),
        None => PathBuf::from(crate::export::file_name(&pack.title, format.extension())),
    };
    std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    eprintln!("wrote {} ({} items, {} bytes)", path.display(), pack.items.len(), bytes.len());
    Ok(())
}
