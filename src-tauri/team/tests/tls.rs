//! `sslmode=verify-full` against a real server with TLS: the certificate's authority and
//! the server's name are both checked, a mismatch gets its own message, and a whole
//! publish, join and sync runs over the verified connection; a login that the server
//! admits with a client certificate only signs in with `sslcert` and `sslkey`.

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{edit_rollout, rollout, Cluster};
use rollplan_core::Store;
use rollplan_team::{members, setup, ServerAddress, TeamError};

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

#[test]
fn a_client_certificate_signs_in_where_the_server_asks_for_one() {
    let (cluster, port, ca) = Cluster::start_with_tls();
    let database = cluster.create_database();
    let (cert, key) = cluster.certificate_for("postgres");
    let base = format!(
        "postgresql://postgres@localhost:{port}/{database}?sslmode=verify-full&sslrootcert={}",
        ca.display()
    );
    let with_certificate = format!("{base}&sslcert={}&sslkey={}", cert.display(), key.display());

    // The server rereads pg_hba.conf moments after the signal: until then a sign-in
    // without a certificate still gets in.
    let mut refused = None;
    for _ in 0..100 {
        match members::list(&ServerAddress::parse(&base, None).unwrap()) {
            Err(error @ TeamError::SignIn { .. }) => {
                refused = Some(error);
                break;
            }
            Err(TeamError::NotATeam { .. }) => {
                std::thread::sleep(std::time::Duration::from_millis(100))
            }
            other => panic!("a database without a team, or a refused sign-in: {other:?}"),
        }
    }
    let refused = refused.expect("without its certificate the login is refused");
    assert!(
        refused.to_string().contains("did not accept your sign-in"),
        "the refusal says it is the sign-in: {refused}"
    );

    let address = ServerAddress::parse(&with_certificate, None).unwrap();
    setup::init(&address).expect("the certificate signs in, with no password");
    let files = tempfile::tempdir().unwrap();
    let anna = files.path().join("anna.db");
    let id = Store::open(&anna)
        .unwrap()
        .create_rollout(&common::draft("Kiosks"))
        .unwrap()
        .id;
    setup::publish(&anna, &address).unwrap();
    let ben = files.path().join("ben.db");
    setup::join(&ben, &address, |_, _| {}).unwrap();
    edit_rollout(&ben, &id, |d| d.owner = "Ben Ortiz".into());
    common::sync(&ben);
    common::sync(&anna);
    assert_eq!(
        rollout(&anna, &id).owner,
        "Ben Ortiz",
        "the stored address keeps the certificate, and every sync signs in with it"
    );
    assert!(
        setup::status(&anna).unwrap().server.contains("sslcert="),
        "the address the file keeps names the certificate (never a password)"
    );
}
