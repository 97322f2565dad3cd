//! Passphrase-protected bundles, for sharing by email: the bundle's JSON encrypted in the
//! age format (<https://age-encryption.org/v1>) with a scrypt passphrase, so any age tool
//! can open it too. A protected file is recognised by age's header line.

use age::secrecy::SecretString;

use crate::{CoreError, Result};

/// The first bytes of every age file.
const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

/// The shortest passphrase accepted for protecting a bundle: anything shorter is
/// guessed quickly however slow scrypt makes each guess.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// scrypt's cost (log2 N) for a bundle Rollplan protects: 64 MiB and a fraction of a
/// second. Fixed rather than measured, as age does by default: a cost measured on a fast
/// desktop would be refused as "excessive" by the same age code on a slow laptop.
const WORK_FACTOR: u8 = 16;

/// The highest cost accepted when opening one (256 MiB, a few seconds on an old
/// laptop): room for bundles protected with the age tools, and a bound on what a
/// crafted file can ask of the machine.
const MAX_WORK_FACTOR: u8 = 18;

/// Whether `bytes` are a passphrase-protected bundle (or any age file).
pub fn is_protected(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_HEADER)
}

/// Encrypts a bundle's JSON with `passphrase`.
pub fn protect_bundle(json: &str, passphrase: &str) -> Result<Vec<u8>> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(CoreError::invalid(
            "passphrase",
            format!("Use a passphrase of at least {MIN_PASSPHRASE_CHARS} characters."),
        ));
    }
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
    recipient.set_work_factor(WORK_FACTOR);
    age::encrypt(&recipient, json.as_bytes())
        .map_err(|e| CoreError::Export(format!("the bundle could not be encrypted: {e}")))
}

/// Decrypts a protected bundle. A wrong passphrase, or a file that was damaged on the
/// way, is refused with the field to fix.
pub fn unprotect_bundle(bytes: &[u8], passphrase: &str) -> Result<String> {
    if passphrase.is_empty() {
        return Err(needs_passphrase());
    }
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let plain = age::decrypt(&identity, bytes).map_err(|e| match e {
        age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
            CoreError::invalid(
                "passphrase",
                "That passphrase does not open this bundle. Check it with the person who sent it.",
            )
        }
        other => CoreError::invalid(
            "bundle",
            format!("This protected bundle cannot be opened: {other}. It may be damaged; ask for it again."),
        ),
    })?;
    String::from_utf8(plain).map_err(|_| {
        CoreError::invalid(
            "bundle",
            "The protected file does not hold a Rollplan bundle.",
        )
    })
}

/// The refusal for a protected bundle read without a passphrase; the UI asks for one.
pub fn needs_passphrase() -> CoreError {
    CoreError::invalid(
        "passphrase",
        "This bundle is protected with a passphrase: enter it to import the bundle.",
    )
}
