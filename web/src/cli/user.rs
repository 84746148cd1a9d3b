//! `casebook user` and `casebook audit`: curators' accounts, and the trail of their
//! corrections.
//!
//! A password is read from the terminal without echo, or from the first line of standard input
//! when that is not a terminal; never from an argument, which other users of the machine can
//! see.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use casebook_store::accounts::Role;

use super::{default_data, open_store};

#[derive(Debug, clap::Subcommand)]
pub(super) enum UserCommand {
    /// Add an account; its password is read from the terminal or standard input.
    Add {
        name: String,
        /// curator (corrects reviews) or admin (also reads and reverts the audit trail).
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// Data folder.
        #[arg(long, default_value = default_data())]
        data: PathBuf,
    },
    /// List the accounts.
    List {
        /// Data folder.
        #[arg(long, default_value = default_data())]
        data: PathBuf,
    },
    /// Remove an account and end its sessions.
    Remove {
        name: String,
        /// Data folder.
        #[arg(long, default_value = default_data())]
        data: PathBuf,
    },
    /// Set an account's password (read from the terminal or standard input), ending its
    /// sessions and opening it if it was locked.
    Password {
        name: String,
        /// Data folder.
        #[arg(long, default_value = default_data())]
        data: PathBuf,
    },
}

#[derive(Debug, clap::Subcommand)]
pub(super) enum AuditCommand {
    /// Write every correction, newest first, as CSV: who, when, what, before, after and why.
    Export {
        /// Print CSV (the only format).
        #[arg(long)]
        csv: bool,
        /// Data folder.
        #[arg(long, default_value = default_data())]
        data: PathBuf,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| format!("{s:?} is not curator or admin"))
}

/// Reads a password: from the terminal without echo, or the first line of standard input.
fn read_password(prompt: &str) -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    let password = if stdin.is_terminal() {
        rpassword::prompt_password(prompt).context("reading the password")?
    } else {
        let mut line = String::new();
        stdin.lock().read_line(&mut line).context("reading the password from standard input")?;
        line.trim_end_matches(['\n', '\r']).to_string()
    };
    Ok(password)
}

pub(super) fn run(command: UserCommand) -> anyhow::Result<ExitCode> {
    match command {
        UserCommand::Add { name, role, data } => {
            let store = open_store(&data)?;
            let password = read_password(&format!("Password for {name}: "))?;
            let user = store.add_user(&name, role, &password)?;
            eprintln!("added {} ({})", user.name, user.role.as_str());
        }
        UserCommand::List { data } => {
            let mut out = std::io::stdout().lock();
            for user in open_store(&data)?.users()? {
                writeln!(out, "{}\t{}", user.name, user.role.as_str())?;
            }
        }
        UserCommand::Remove { name, data } => {
            if !open_store(&data)?.remove_user(&name)? {
                bail!("no user {name:?}");
            }
            eprintln!("removed {name}");
        }
        UserCommand::Password { name, data } => {
            let store = open_store(&data)?;
            let password = read_password(&format!("New password for {name}: "))?;
            if !store.set_password(&name, &password)? {
                bail!("no user {name:?}");
            }
            eprintln!("password of {name} changed; its sessions are ended");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn audit(command: AuditCommand) -> anyhow::Result<ExitCode> {
    let AuditCommand::Export { csv: _, data } = command;
    let mut w = csv::Writer::from_writer(std::io::stdout().lock());
    w.write_record([
        "id",
        "when",
        "who",
        "review",
        "op",
        "value",
        "before",
        "reason",
        "reverted_by",
        "reverted_when",
    ])?;
    for c in open_store(&data)?.corrections(None)? {
        let (by, at) = match &c.reverted {
            Some((by, at)) => (by.clone(), crate::time::rfc3339(*at)),
            None => (String::new(), String::new()),
        };
        w.write_record([
            c.id.to_string(),
            crate::time::rfc3339(c.created),
            c.author.clone(),
            c.review.to_string(),
            c.op.name().to_string(),
            c.op.value(),
            c.before.clone(),
            c.reason.clone(),
            by,
            at,
        ])?;
    }
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}
