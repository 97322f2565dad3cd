//! The team server's address: parsing a `postgres://` URL (or libpq key=value string),
//! taking the password from it or from the caller (PGPASSWORD), the address as it may be
//! shown and stored (never with a password), and connecting over TLS.
//!
//! TLS goes through native-tls, which always verifies the certificate chain and the
//! host name. `sslmode=verify-full` therefore means exactly that; `verify-ca` skips only
//! the host name; `sslrootcert=FILE` adds the hospital's own certificate authority.

use std::str::FromStr;

use native_tls::{Certificate, TlsConnector};
use postgres::config::SslMode;
use postgres::error::SqlState;
use postgres::{Client, Config};
use postgres_native_tls::MakeTlsConnector;

use crate::{Result, TeamError};

/// How strictly the server's certificate is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verify {
    /// Chain and host name (native-tls's default, and libpq's `verify-full`).
    Full,
    /// Chain only (`verify-ca`).
    ChainOnly,
}

/// A team server address, ready to connect with.
#[derive(Clone)]
pub struct ServerAddress {
    config: Config,
    shown: String,
    verify: Verify,
    root_cert: Option<Vec<u8>>,
}

impl std::fmt::Debug for ServerAddress {
    // The config holds the password: only the address without it is ever printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerAddress")
            .field("server", &self.shown)
            .finish()
    }
}

impl ServerAddress {
    /// Reads `address`; `password` is used when the address carries none (the CLI passes
    /// PGPASSWORD).
    pub fn parse(address: &str, password: Option<&str>) -> Result<Self> {
        let address = address.trim();
        let mut verify = Verify::Full;
        let mut root_cert_path = None;
        let mut mode = None;
        let for_driver = edit_options(address, |key, value| match key {
            "sslmode" => match value {
                "verify-full" => {
                    mode = Some(SslMode::Require);
                    false
                }
                "verify-ca" => {
                    verify = Verify::ChainOnly;
                    mode = Some(SslMode::Require);
                    false
                }
                _ => true,
            },
            "sslrootcert" => {
                root_cert_path = Some(value.to_owned());
                false
            }
            _ => true,
        });
        let mut config = Config::from_str(&for_driver).map_err(|e| {
            TeamError::InvalidAddress(format!("{e} (in {})", strip_password(address)))
        })?;
        if let Some(mode) = mode {
            config.ssl_mode(mode);
        }
        if config.get_password().is_none() {
            if let Some(password) = password.filter(|p| !p.is_empty()) {
                config.password(password);
            }
        }
        let root_cert = match root_cert_path {
            Some(path) => Some(std::fs::read(&path).map_err(|e| {
                TeamError::InvalidAddress(format!(
                    "the certificate file {path} cannot be read: {e}"
                ))
            })?),
            None => None,
        };
        Ok(Self {
            config,
            shown: strip_password(address),
            verify,
            root_cert,
        })
    }

    /// The address without any password: what is shown and stored in the local file.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Opens a connection, turning the usual failures into messages a person can act on.
    pub(crate) fn connect(&self) -> Result<Client> {
        let mut tls = TlsConnector::builder();
        if self.verify == Verify::ChainOnly {
            tls.danger_accept_invalid_hostnames(true);
        }
        if let Some(pem) = &self.root_cert {
            let cert = Certificate::from_pem(pem).map_err(|e| {
                TeamError::InvalidAddress(format!(
                    "the certificate file is not a PEM certificate: {e}"
                ))
            })?;
            tls.add_root_certificate(cert);
        }
        let tls = tls.build().map_err(|e| TeamError::Unreachable {
            server: self.shown.clone(),
            reason: format!("TLS could not be set up: {e}"),
        })?;
        self.config
            .connect(MakeTlsConnector::new(tls))
            .map_err(|e| self.connect_error(e))
    }

    fn connect_error(&self, error: postgres::Error) -> TeamError {
        let server = self.shown.clone();
        let reason = match (error.as_db_error(), std::error::Error::source(&error)) {
            (Some(db), _) => db.message().to_owned(),
            (None, Some(source)) => format!("{error}: {source}"),
            (None, None) => error.to_string(),
        };
        // The server asked for a password and none was given: the driver says so as a
        // configuration error, but for the person it is a sign-in to complete.
        if reason.contains("password missing") {
            return TeamError::SignIn {
                server,
                reason: "no password was given".to_owned(),
            };
        }
        if reason.contains("TLS handshake") {
            return TeamError::Certificate { server, reason };
        }
        match error.code() {
            Some(code)
                if *code == SqlState::INVALID_PASSWORD
                    || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION =>
            {
                TeamError::SignIn { server, reason }
            }
            _ => TeamError::Unreachable { server, reason },
        }
    }
}

/// Keeps or drops each `key=value` option of the address (URL query or libpq string),
/// as `keep` says; our own options are taken out before the driver reads the rest.
fn edit_options(address: &str, mut keep: impl FnMut(&str, &str) -> bool) -> String {
    if is_url(address) {
        let Some((base, query)) = address.split_once('?') else {
            return address.to_owned();
        };
        let kept: Vec<&str> = query
            .split('&')
            .filter(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                keep(key, value)
            })
            .collect();
        if kept.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", kept.join("&"))
        }
    } else {
        address
            .split_whitespace()
            .filter(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                keep(key, value)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn is_url(address: &str) -> bool {
    address.starts_with("postgres://") || address.starts_with("postgresql://")
}

/// The address with any password taken out, from the user part of a URL and from
/// `password=` options alike.
pub(crate) fn strip_password(address: &str) -> String {
    let without_option = edit_options(address, |key, _| key != "password");
    if !is_url(&without_option) {
        return without_option;
    }
    let Some((scheme, rest)) = without_option.split_once("://") else {
        return without_option;
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user_info, host)) => {
            let user = user_info
                .split_once(':')
                .map_or(user_info, |(user, _)| user);
            format!("{scheme}://{user}@{host}{tail}")
        }
        None => without_option,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_is_never_part_of_the_stored_address() {
        for (given, stored) in [
            (
                "postgres://dana:s3cret@db.example.org:5432/team?sslmode=verify-full",
                "postgres://dana@db.example.org:5432/team?sslmode=verify-full",
            ),
            (
                "postgresql://dana@db/team?password=s3cret&sslmode=require",
                "postgresql://dana@db/team?sslmode=require",
            ),
            (
                "host=db user=dana password=s3cret dbname=team",
                "host=db user=dana dbname=team",
            ),
            (
                "postgres://db.example.org/team",
                "postgres://db.example.org/team",
            ),
        ] {
            assert_eq!(
                strip_password(given),
                stored,
                "the password must be taken out of {given}"
            );
        }
    }

    #[test]
    fn verify_full_is_understood_and_the_password_comes_from_the_caller() {
        let address = ServerAddress::parse(
            "postgres://dana@db.example.org/team?sslmode=verify-full",
            Some("pw"),
        )
        .unwrap();
        assert_eq!(
            address.config.get_ssl_mode(),
            SslMode::Require,
            "verify-full needs TLS"
        );
        assert_eq!(
            address.verify,
            Verify::Full,
            "verify-full checks the host name"
        );
        assert_eq!(
            address.config.get_password(),
            Some(&b"pw"[..]),
            "PGPASSWORD is used"
        );
        assert!(
            !format!("{address:?}").contains("pw"),
            "Debug output must not show the password"
        );
    }

    #[test]
    fn an_address_that_is_not_one_is_refused_with_a_message() {
        let error = ServerAddress::parse("postgres://db/team?sslmode=sometimes", None).unwrap_err();
        assert!(
            matches!(error, TeamError::InvalidAddress(_)),
            "an unknown sslmode is bad input: {error}"
        );
    }
}
