//! Accounts of curators and admins, and their sessions.
//!
//! Passwords are hashed with Argon2id (a random salt each, the crate's default cost); a
//! session is a random token of which only the blake3 hash is stored, so a copy of the
//! database signs nobody in. After [`MAX_FAILURES`] wrong passwords within [`FAILURE_WINDOW_MS`]
//! the account is locked for [`LOCK_MS`], even to the right password.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rusqlite::{OptionalExtension, params};

use super::now_ms;
use super::{Result, Store, StoreError, random_token};

/// Wrong passwords that lock an account when they come within [`FAILURE_WINDOW_MS`].
pub const MAX_FAILURES: u32 = 20;
/// The window in which [`MAX_FAILURES`] wrong passwords lock an account: one minute.
pub const FAILURE_WINDOW_MS: u64 = 60_000;
/// How long a locked account stays locked: fifteen minutes.
pub const LOCK_MS: u64 = 15 * 60_000;
/// How long a session lasts: twelve hours.
pub const SESSION_MS: u64 = 12 * 3_600_000;
/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 10;

/// What a user may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Corrects reviews.
    Curator,
    /// Corrects reviews, reads and reverts the audit trail.
    Admin,
}

impl Role {
    /// The role's name (`curator`, `admin`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Curator => "curator",
            Role::Admin => "admin",
        }
    }

    /// Reads a role's name.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "curator" => Some(Role::Curator),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// A user account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    /// The account's number.
    pub id: i64,
    /// The name it signs in with.
    pub name: String,
    /// What it may do.
    pub role: Role,
}

/// Why a sign-in failed. Wrong name and wrong password are one answer, so that names cannot be
/// guessed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInRefusal {
    /// The name or the password is wrong.
    Wrong,
    /// The account is locked after too many wrong passwords, until this time (ms since epoch).
    Locked {
        /// When it opens again.
        until_ms: u64,
    },
}

/// The secret of a session (the cookie's value). Its `Debug` form hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl SessionToken {
    /// Wraps a token as it arrives in a cookie.
    pub fn new(token: &str) -> SessionToken {
        SessionToken(token.to_string())
    }

    /// The token, for the cookie.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn hash(&self) -> String {
        blake3::hash(self.0.as_bytes()).to_hex().to_string()
    }
}

impl std::fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken(…)")
    }
}

fn hash_password(password: &str) -> Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).expect("the operating system's random source works");
    let salt = SaltString::encode_b64(&salt).map_err(|e| StoreError::Account(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Account(e.to_string()))
}

fn check_password_rules(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(StoreError::Account(format!(
            "a password has at least {MIN_PASSWORD} characters"
        )));
    }
    Ok(())
}

fn check_name(name: &str) -> Result<&str> {
    let name = name.trim();
    let ok = !name.is_empty()
        && name.len() <= 64
        && name.chars().all(|c| c.is_alphanumeric() || "._-@".contains(c));
    if ok {
        Ok(name)
    } else {
        Err(StoreError::Account(format!(
            "{name:?} is not a user name: 1 to 64 letters, digits, '.', '_', '-' or '@'"
        )))
    }
}

impl Store {
    /// Adds an account.
    pub fn add_user(&self, name: &str, role: Role, password: &str) -> Result<User> {
        let name = check_name(name)?;
        check_password_rules(password)?;
        let hash = hash_password(password)?;
        self.write(|tx| {
            let exists: bool =
                tx.query_row("SELECT COUNT(*) FROM users WHERE name = ?1", [name], |r| r.get(0))?;
            if exists {
                return Err(StoreError::Account(format!("there is already a user {name:?}")));
            }
            tx.execute(
                "INSERT INTO users (name, role, password_hash, created_ms) VALUES (?1, ?2, ?3, ?4)",
                params![name, role.as_str(), hash, now_ms() as i64],
            )?;
            Ok(User { id: tx.last_insert_rowid(), name: name.to_string(), role })
        })
    }

    /// Every account, by name.
    pub fn users(&self) -> Result<Vec<User>> {
        let conn = self.lock();
        let mut stmt = conn.prepare("SELECT id, name, role FROM users ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            let role: String = r.get(2)?;
            Ok(User {
                id: r.get(0)?,
                name: r.get(1)?,
                role: Role::parse(&role).unwrap_or(Role::Curator),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Removes an account and its sessions; false when there is none of that name.
    pub fn remove_user(&self, name: &str) -> Result<bool> {
        self.write(|tx| Ok(tx.execute("DELETE FROM users WHERE name = ?1", [name.trim()])? > 0))
    }

    /// Sets an account's password, ends its sessions and opens it if it was locked.
    pub fn set_password(&self, name: &str, password: &str) -> Result<bool> {
        check_password_rules(password)?;
        let hash = hash_password(password)?;
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE users SET password_hash = ?2, failures = 0, locked_until_ms = 0
                 WHERE name = ?1",
                params![name.trim(), hash],
            )?;
            tx.execute(
                "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE name = ?1)",
                [name.trim()],
            )?;
            Ok(changed > 0)
        })
    }

    /// Checks a name and password at `now` (ms) and starts a session for them.
    pub fn sign_in(
        &self,
        name: &str,
        password: &str,
        now: u64,
    ) -> Result<std::result::Result<(User, SessionToken), SignInRefusal>> {
        let found = {
            let conn = self.lock();
            conn.query_row(
                "SELECT id, name, role, password_hash, failures, first_failure_ms, locked_until_ms
                 FROM users WHERE name = ?1",
                [name.trim()],
                |r| {
                    let role: String = r.get(2)?;
                    Ok((
                        User {
                            id: r.get(0)?,
                            name: r.get(1)?,
                            role: Role::parse(&role).unwrap_or(Role::Curator),
                        },
                        r.get::<_, String>(3)?,
                        r.get::<_, i64>(4)? as u32,
                        r.get::<_, i64>(5)? as u64,
                        r.get::<_, i64>(6)? as u64,
                    ))
                },
            )
            .optional()?
        };
        let Some((user, hash, failures, first_failure, locked_until)) = found else {
            // The same work as for a real account, so that timing does not tell names apart.
            let _ = hash_password(password);
            return Ok(Err(SignInRefusal::Wrong));
        };
        if locked_until > now {
            return Ok(Err(SignInRefusal::Locked { until_ms: locked_until }));
        }
        let parsed = PasswordHash::new(&hash).map_err(|e| StoreError::Account(e.to_string()))?;
        if Argon2::default().verify_password(password.as_bytes(), &parsed).is_err() {
            let (failures, first) = if now.saturating_sub(first_failure) > FAILURE_WINDOW_MS {
                (1, now)
            } else {
                (failures + 1, first_failure)
            };
            let locked = if failures >= MAX_FAILURES { now + LOCK_MS } else { 0 };
            self.write(|tx| {
                tx.execute(
                    "UPDATE users SET failures = ?2, first_failure_ms = ?3, locked_until_ms = ?4
                     WHERE id = ?1",
                    params![user.id, failures, first as i64, locked as i64],
                )?;
                Ok(())
            })?;
            return Ok(Err(if locked > 0 {
                SignInRefusal::Locked { until_ms: locked }
            } else {
                SignInRefusal::Wrong
            }));
        }
        let token = SessionToken(random_token());
        self.write(|tx| {
            tx.execute(
                "UPDATE users SET failures = 0, first_failure_ms = 0 WHERE id = ?1",
                [user.id],
            )?;
            tx.execute("DELETE FROM sessions WHERE expires_ms < ?1", [now as i64])?;
            tx.execute(
                "INSERT INTO sessions (token_hash, user_id, created_ms, expires_ms)
                 VALUES (?1, ?2, ?3, ?4)",
                params![token.hash(), user.id, now as i64, (now + SESSION_MS) as i64],
            )?;
            Ok(())
        })?;
        Ok(Ok((user, token)))
    }

    /// The user of a live session.
    pub fn session_user(&self, token: &SessionToken, now: u64) -> Result<Option<User>> {
        let conn = self.lock();
        Ok(conn
            .query_row(
                "SELECT users.id, users.name, users.role FROM sessions
                 JOIN users ON users.id = sessions.user_id
                 WHERE sessions.token_hash = ?1 AND sessions.expires_ms > ?2",
                params![token.hash(), now as i64],
                |r| {
                    let role: String = r.get(2)?;
                    Ok(User {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        role: Role::parse(&role).unwrap_or(Role::Curator),
                    })
                },
            )
            .optional()?)
    }

    /// Ends a session.
    pub fn sign_out(&self, token: &SessionToken) -> Result<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM sessions WHERE token_hash = ?1", [token.hash()])?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_signs_in_with_the_right_password_only_and_is_locked_after_many_wrong() {
        let store = Store::open_in_memory().unwrap();
        store.add_user("ana", Role::Curator, "correct horse battery").unwrap();
        assert!(store.add_user("ana", Role::Admin, "another long one").is_err());
        assert!(store.add_user("bo", Role::Admin, "short").is_err(), "too short");
        let now = 1_000_000;
        let (user, token) = store.sign_in("ana", "correct horse battery", now).unwrap().unwrap();
        assert_eq!(user.role, Role::Curator);
        assert_eq!(store.session_user(&token, now + 1).unwrap(), Some(user.clone()));
        assert_eq!(store.session_user(&token, now + SESSION_MS + 1).unwrap(), None, "expired");
        assert_eq!(
            store.sign_in("nobody", "whatever it is", now).unwrap(),
            Err(SignInRefusal::Wrong)
        );
        for i in 1..MAX_FAILURES {
            let got = store.sign_in("ana", "wrong password", now + u64::from(i)).unwrap();
            assert_eq!(got, Err(SignInRefusal::Wrong), "attempt {i}");
        }
        let locked = store.sign_in("ana", "wrong password", now + 100).unwrap();
        assert_eq!(locked, Err(SignInRefusal::Locked { until_ms: now + 100 + LOCK_MS }));
        let right = store.sign_in("ana", "correct horse battery", now + 200).unwrap();
        assert!(matches!(right, Err(SignInRefusal::Locked { .. })), "locked even to the right one");
        let later = now + 100 + LOCK_MS + 1;
        assert!(store.sign_in("ana", "correct horse battery", later).unwrap().is_ok());
        store.sign_out(&token).unwrap();
        assert_eq!(store.session_user(&token, now + 2).unwrap(), None, "signed out");
        assert!(store.remove_user("ana").unwrap());
        assert!(store.users().unwrap().is_empty());
    }
}
