//! Where a team password is kept: the operating system's keyring (the Windows
//! credential store, the macOS keychain, the Linux kernel keyring), never
//! `settings.json` or the database. A machine with no keyring to use (a headless
//! server, a locked-down container) keeps it in memory for this session only, and the
//! app says so and asks again at the next start.
//!
//! The keyring sits behind [`Keychain`] so the tests can run the same remembering and
//! forgetting against an in-memory fake as well as the real backend.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The keyring's service name for every team password.
const SERVICE: &str = "Rollplan team";

/// A place that keeps secrets by account (here: the team's address, with its login).
pub trait Keychain: Send + Sync {
    fn store(&self, account: &str, secret: &str) -> Result<(), String>;
    /// `Ok(None)` when nothing is kept for `account`.
    fn lookup(&self, account: &str) -> Result<Option<String>, String>;
    /// Forgetting what is not there is not an error.
    fn delete(&self, account: &str) -> Result<(), String>;
}

/// The operating system's keyring, through the `keyring` crate.
pub struct OsKeychain;

impl Keychain for OsKeychain {
    fn store(&self, account: &str, secret: &str) -> Result<(), String> {
        entry(account)?
            .set_password(secret)
            .map_err(|e| e.to_string())
    }

    fn lookup(&self, account: &str) -> Result<Option<String>, String> {
        match entry(account)?.get_password() {
            Ok(secret) => Ok(Some(secret)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }

    fn delete(&self, account: &str) -> Result<(), String> {
        match entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    }
}

fn entry(account: &str) -> Result<keyring::Entry, String> {
    keyring::Entry::new(SERVICE, account).map_err(|e| e.to_string())
}

/// A keychain in memory: for tests, and what a session without a keyring amounts to.
#[derive(Default)]
pub struct MemoryKeychain(Mutex<HashMap<String, String>>);

impl MemoryKeychain {
    fn kept(&self) -> MutexGuard<'_, HashMap<String, String>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Keychain for MemoryKeychain {
    fn store(&self, account: &str, secret: &str) -> Result<(), String> {
        self.kept().insert(account.to_owned(), secret.to_owned());
        Ok(())
    }

    fn lookup(&self, account: &str) -> Result<Option<String>, String> {
        Ok(self.kept().get(account).cloned())
    }

    fn delete(&self, account: &str) -> Result<(), String> {
        self.kept().remove(account);
        Ok(())
    }
}

/// The sentence shown when the password could not go into the keyring.
pub const NO_KEYRING: &str = "This computer has no keyring Rollplan can use, so your team \
     password is kept only until Rollplan closes; you will be asked for it again next time.";

/// The passwords of this session: the keyring, with what was typed this session in
/// front of it (so a machine without a keyring asks only once per session).
pub struct Passwords {
    keychain: Box<dyn Keychain>,
    session: MemoryKeychain,
    /// Why the keyring could not be used, once it failed.
    problem: Mutex<Option<String>>,
}

impl Passwords {
    pub fn new(keychain: Box<dyn Keychain>) -> Self {
        Self {
            keychain,
            session: MemoryKeychain::default(),
            problem: Mutex::new(None),
        }
    }

    /// The password for `account`: typed this session, or kept in the keyring.
    pub fn get(&self, account: &str) -> Option<String> {
        if let Ok(Some(secret)) = self.session.lookup(account) {
            return Some(secret);
        }
        match self.keychain.lookup(account) {
            Ok(found) => found,
            Err(reason) => {
                self.set_problem(Some(reason));
                None
            }
        }
    }

    /// Keeps `secret` for this session and in the keyring; a keyring that fails is
    /// remembered (see [`Passwords::problem`]), and the session copy still serves.
    pub fn remember(&self, account: &str, secret: &str) {
        let _ = self.session.store(account, secret);
        let stored = self.keychain.store(account, secret);
        self.set_problem(stored.err());
    }

    /// Forgets the password everywhere (leaving a team, or a password the server refused).
    pub fn forget(&self, account: &str) {
        let _ = self.session.delete(account);
        if let Err(reason) = self.keychain.delete(account) {
            self.set_problem(Some(reason));
        }
    }

    /// Set when the keyring could not be used: the person is told the password lasts
    /// only this session.
    pub fn problem(&self) -> Option<&'static str> {
        let problem = self.problem.lock().unwrap_or_else(PoisonError::into_inner);
        problem.as_ref().map(|_| NO_KEYRING)
    }

    fn set_problem(&self, reason: Option<String>) {
        if let Some(reason) = &reason {
            eprintln!("Rollplan: the keyring could not be used: {reason}");
        }
        *self.problem.lock().unwrap_or_else(PoisonError::into_inner) = reason;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A keyring that is never there, as on a headless machine.
    struct NoKeychain;

    impl Keychain for NoKeychain {
        fn store(&self, _: &str, _: &str) -> Result<(), String> {
            Err("no keyring service".into())
        }
        fn lookup(&self, _: &str) -> Result<Option<String>, String> {
            Err("no keyring service".into())
        }
        fn delete(&self, _: &str) -> Result<(), String> {
            Err("no keyring service".into())
        }
    }

    const ACCOUNT: &str = "postgres://dana@db.example.org/team";

    #[test]
    fn a_password_is_stored_looked_up_and_forgotten() {
        let passwords = Passwords::new(Box::new(MemoryKeychain::default()));
        assert_eq!(passwords.get(ACCOUNT), None, "nothing is kept at first");
        passwords.remember(ACCOUNT, "s3cret");
        assert_eq!(
            passwords.get(ACCOUNT).as_deref(),
            Some("s3cret"),
            "the password is found again"
        );
        assert_eq!(
            passwords.problem(),
            None,
            "a working keyring raises no problem"
        );
        passwords.forget(ACCOUNT);
        assert_eq!(passwords.get(ACCOUNT), None, "a forgotten password is gone");
    }

    #[test]
    fn the_keyring_outlives_the_session() {
        let keychain = std::sync::Arc::new(MemoryKeychain::default());
        struct Shared(std::sync::Arc<MemoryKeychain>);
        impl Keychain for Shared {
            fn store(&self, a: &str, s: &str) -> Result<(), String> {
                self.0.store(a, s)
            }
            fn lookup(&self, a: &str) -> Result<Option<String>, String> {
                self.0.lookup(a)
            }
            fn delete(&self, a: &str) -> Result<(), String> {
                self.0.delete(a)
            }
        }
        Passwords::new(Box::new(Shared(keychain.clone()))).remember(ACCOUNT, "s3cret");
        let next_session = Passwords::new(Box::new(Shared(keychain)));
        assert_eq!(
            next_session.get(ACCOUNT).as_deref(),
            Some("s3cret"),
            "the next start finds the password in the keyring"
        );
    }

    #[test]
    fn without_a_keyring_the_password_lasts_the_session_and_says_why() {
        let passwords = Passwords::new(Box::new(NoKeychain));
        passwords.remember(ACCOUNT, "s3cret");
        assert_eq!(
            passwords.get(ACCOUNT).as_deref(),
            Some("s3cret"),
            "the session keeps what was typed, so the person is asked only once"
        );
        assert_eq!(
            passwords.problem(),
            Some(NO_KEYRING),
            "the person is told why they will be asked again"
        );
        let next_session = Passwords::new(Box::new(NoKeychain));
        assert_eq!(
            next_session.get(ACCOUNT),
            None,
            "nothing outlives the session without a keyring"
        );
    }

    #[test]
    fn the_real_keyring_stores_looks_up_and_deletes() {
        let account = format!("rollplan-test-{}", std::process::id());
        if let Err(reason) = OsKeychain.store(&account, "s3cret") {
            println!("skipped: no keyring available on this machine ({reason})");
            return;
        }
        assert_eq!(
            OsKeychain.lookup(&account).unwrap().as_deref(),
            Some("s3cret"),
            "the keyring gives back what it was given"
        );
        OsKeychain.delete(&account).unwrap();
        assert_eq!(
            OsKeychain.lookup(&account).unwrap(),
            None,
            "a deleted entry is gone"
        );
        assert!(
            OsKeychain.delete(&account).is_ok(),
            "deleting twice is not an error"
        );
    }
}
