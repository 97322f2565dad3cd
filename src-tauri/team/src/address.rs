//! The team server's address: parsing a `postgres://` URL (or libpq key=value string),
//! taking the password from it or from the caller (PGPASSWORD), the address as it may be
//! shown and stored (never with a password), and connecting over TLS.
//!
//! TLS goes through native-tls, which always verifies the certificate chain and the
//! host name. `sslmode=verify-full` therefore means exactly that; `verify-ca` skips only
//! the host name; `sslrootcert=FILE` adds the hospital's own certificate authority.
//! `sslcert=FILE` and `sslkey=FILE` sign in with a client certificate instead of a
//! password (the server's `hostssl … cert` line), as in libpq: both files are read and
//! checked when the address is read, so a wrong path or a key that is not one is told
//! before anything is sent.

use std::str::FromStr;

use native_tls::{Certificate, Identity, TlsConnector};
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
    /// The client certificate and its key (PEM), when the address signs in with one.
    client_cert: Option<(Vec<u8>, Vec<u8>)>,
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
        let mut cert_path = None;
        let mut key_path = None;
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
            "sslcert" => {
                cert_path = Some(value.to_owned());
                false
            }
            "sslkey" => {
                key_path = Some(value.to_owned());
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
            Some(path) => Some(read_file("certificate", &path)?),
            None => None,
        };
        let client_cert = client_certificate(cert_path, key_path)?;
        if client_cert.is_some() && mode.is_none() {
            // A certificate is only ever shown over TLS: without an sslmode, ask for it.
            config.ssl_mode(SslMode::Require);
        }
        Ok(Self {
            config,
            shown: strip_password(address),
            verify,
            root_cert,
            client_cert,
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
        if let Some((cert, key)) = &self.client_cert {
            tls.identity(identity(cert, key)?);
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

/// Reads a file the address names, saying which option it was for when it cannot be.
fn read_file(what: &str, path: &str) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        TeamError::InvalidAddress(format!("the {what} file {path} cannot be read: {e}"))
    })
}

/// The client certificate and key the address names (`sslcert`, `sslkey`), read and
/// checked: both or neither, each readable, and a pair TLS can use.
fn client_certificate(
    cert_path: Option<String>,
    key_path: Option<String>,
) -> Result<Option<(Vec<u8>, Vec<u8>)>> {
    let (cert_path, key_path) = match (cert_path, key_path) {
        (None, None) => return Ok(None),
        (Some(cert), Some(key)) => (cert, key),
        (Some(_), None) => {
            return Err(TeamError::InvalidAddress(
                "it names a client certificate (sslcert) but not its key; add \
                 sslkey=/path/to/key.pem"
                    .to_owned(),
            ))
        }
        (None, Some(_)) => {
            return Err(TeamError::InvalidAddress(
                "it names a key (sslkey) but not the client certificate that goes with it; \
                 add sslcert=/path/to/certificate.pem"
                    .to_owned(),
            ))
        }
    };
    let cert = read_file("client certificate", &cert_path)?;
    let key = read_file("key", &key_path)?;
    identity(&cert, &key)?;
    Ok(Some((cert, key)))
}

/// The certificate and key as TLS takes them: PEM, the key unencrypted in PKCS#8 form
/// (`-----BEGIN PRIVATE KEY-----`, what `openssl req -newkey … -nodes` writes).
fn identity(cert: &[u8], key: &[u8]) -> Result<Identity> {
    if !key.starts_with(b"-----BEGIN PRIVATE KEY-----") {
        let advice = if key.starts_with(b"-----BEGIN ENCRYPTED PRIVATE KEY-----") {
            "is protected by a passphrase, which Rollplan cannot ask for; your IT team can \
             give you one without, or `openssl pkcs8 -topk8 -nocrypt -in KEY -out NEW` \
             writes one"
        } else {
            "is not a PEM key in PKCS#8 form (it should begin with -----BEGIN PRIVATE \
             KEY-----); `openssl pkcs8 -topk8 -nocrypt -in KEY -out NEW` converts one"
        };
        return Err(TeamError::InvalidAddress(format!(
            "the key file (sslkey) {advice}"
        )));
    }
    Identity::from_pkcs8(cert, key).map_err(|e| {
        TeamError::InvalidAddress(format!(
            "the client certificate (sslcert) and its key (sslkey) cannot be used \
             together: {e}"
        ))
    })
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
    fn a_client_certificate_needs_its_key_and_both_files_must_be_there() {
        for (address, says) in [
            ("postgres://db/team?sslcert=/tmp/dana.crt", "not its key"),
            (
                "postgres://db/team?sslkey=/tmp/dana.key",
                "not the client certificate",
            ),
            (
                "host=db dbname=team sslcert=/nonexistent/dana.crt sslkey=/nonexistent/dana.key",
                "the client certificate file /nonexistent/dana.crt cannot be read",
            ),
        ] {
            let error = ServerAddress::parse(address, None).unwrap_err();
            assert!(
                matches!(error, TeamError::InvalidAddress(_)) && error.to_string().contains(says),
                "{address} must be refused saying \"{says}\": {error}"
            );
        }
    }

    #[test]
    fn a_key_that_is_not_one_is_told_before_anything_is_sent() {
        let dir = tempfile::tempdir().unwrap();
        let cert = dir.path().join("dana.crt");
        std::fs::write(
            &cert,
            "-----BEGIN CERTIFICATE-----\nnot one\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        for (key, says) in [
            (
                "-----BEGIN RSA PRIVATE KEY-----\n",
                "not a PEM key in PKCS#8 form",
            ),
            (
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\n",
                "protected by a passphrase",
            ),
            (
                "-----BEGIN PRIVATE KEY-----\nnot one\n",
                "cannot be used together",
            ),
        ] {
            let path = dir.path().join("dana.key");
            std::fs::write(&path, key).unwrap();
            let address = format!(
                "postgres://dana@db/team?sslmode=verify-full&sslcert={}&sslkey={}",
                cert.display(),
                path.display()
            );
            let error = ServerAddress::parse(&address, None).unwrap_err();
            assert!(
                error.to_string().contains(says),
                "a key beginning {key:?} must be refused saying \"{says}\": {error}"
            );
        }
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
