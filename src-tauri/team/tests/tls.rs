//! `sslmode=verify-full` against a real server with TLS: the certificate's authority and
//! the server's name are both checked, a mismatch gets its own message, and a whole
//! publish, join and sync runs over the verified connection.

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{edit_rollout, rollout, Cluster};
use rollplan_core::Store;
use rollplan_team::{setup, ServerAddress, TeamError};

#[test]
fn verify_full_checks_the_certificate_authority_and_the_server_name() {
    let (cluster, port, ca) = Cluster::start_with_tls();
    let database = cluster.create_database();
    let url = |host: &str, mode: &str, with_ca: bool| {
        let root = if with_ca {
            format!("&sslrootcert={}", ca.display())
        } else {
            String::new()
        };
        format!("postgresql://postgres@{host}:{port}/{database}?sslmode={mode}{root}")
    };
    let address = |url: String| ServerAddress::parse(&url, None).unwrap();

    let other_name = setup::init(&address(url("127.0.0.1", "verify-full", true))).unwrap_err();
    assert!(
        matches!(other_name, TeamError::Certificate { .. }),
        "a certificate made for another name is refused: {other_name}"
    );
    let unknown_authority =
        setup::init(&address(url("localhost", "verify-full", false))).unwrap_err();
    assert!(
        matches!(unknown_authority, TeamError::Certificate { .. }),
        "a certificate from an authority nobody trusts is refused: {unknown_authority}"
    );
    assert!(
        unknown_authority
            .to_string()
            .contains("could not prove it is the server"),
        "the message says what went wrong: {unknown_authority}"
    );

    let verified = url("localhost", "verify-full", true);
    setup::init(&address(verified.clone())).unwrap();
    let chain_only = setup::init(&address(url("127.0.0.1", "verify-ca", true))).unwrap_err();
    assert!(
        matches!(chain_only, TeamError::AlreadyATeam { .. }),
        "verify-ca checks the authority but not the name, so it connects: {chain_only}"
    );

    let files = tempfile::tempdir().unwrap();
    let anna = files.path().join("anna.db");
    let id = Store::open(&anna)
        .unwrap()
        .create_rollout(&common::draft("Kiosks"))
        .unwrap()
        .id;
    setup::publish(&anna, &address(verified.clone())).unwrap();
    let ben = files.path().join("ben.db");
    setup::join(&ben, &address(verified), |_, _| {}).unwrap();
    edit_rollout(&ben, &id, |d| d.owner = "Ben Ortiz".into());
    common::sync(&ben);
    common::sync(&anna);
    assert_eq!(
        rollout(&anna, &id).owner,
        "Ben Ortiz",
        "a sync over the verified connection works"
    );
}
