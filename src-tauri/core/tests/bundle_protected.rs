//! Passphrase-protected bundles (age format, scrypt): written by the export, opened
//! only with the right passphrase, and a damaged one refused with nothing written.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use rollplan_core::bundle::{
    bundle_text, bundle_to_json, is_protected, protect_bundle, BundleResolutions,
};
use rollplan_core::Store;

fn sample_bundle() -> (Store, String) {
    let store = Store::open_in_memory().expect("store");
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    rollplan_core::demo::seed_sample_clinic(&store, today).expect("demo");
    let rollout = store.find_rollout("SMS appointment").expect("rollout");
    let bundle = store
        .export_bundle(&rollout.id, false, today)
        .expect("bundle");
    (store, bundle_to_json(&bundle).expect("json"))
}

#[test]
fn a_protected_bundle_opens_with_its_passphrase_and_imports_like_a_plain_one() {
    let (_, json) = sample_bundle();
    let sealed = protect_bundle(&json, "riverside-2027").expect("protect");
    assert!(is_protected(&sealed), "the file starts with the age header");
    assert!(
        !String::from_utf8_lossy(&sealed).contains("SMS appointment reminders"),
        "nothing of the plan is readable without the passphrase"
    );
    let opened = bundle_text(sealed, Some("riverside-2027")).expect("open");
    assert_eq!(
        opened, json,
        "the passphrase gives back the very same bundle"
    );

    let empty = Store::open_in_memory().expect("empty store");
    let report = empty
        .import_bundle(&opened, &BundleResolutions::default())
        .expect("import");
    assert!(report.total_added() > 20, "the whole rollout arrives");
}

#[test]
fn a_wrong_or_missing_passphrase_is_refused_at_the_passphrase() {
    let (_, json) = sample_bundle();
    let sealed = protect_bundle(&json, "riverside-2027").expect("protect");
    let missing = bundle_text(sealed.clone(), None).expect_err("no passphrase");
    assert_eq!(missing.payload().field.as_deref(), Some("passphrase"));
    assert!(missing.to_string().contains("protected"), "{missing}");

    let wrong = bundle_text(sealed, Some("northgate-2027")).expect_err("wrong passphrase");
    assert_eq!(wrong.payload().field.as_deref(), Some("passphrase"));
    assert!(wrong.to_string().contains("does not open"), "{wrong}");
}

#[test]
fn a_short_passphrase_is_refused_and_a_damaged_file_is_reported() {
    let (_, json) = sample_bundle();
    let short = protect_bundle(&json, "1234567").expect_err("seven characters");
    assert_eq!(short.payload().field.as_deref(), Some("passphrase"));

    let mut sealed = protect_bundle(&json, "riverside-2027").expect("protect");
    let middle = sealed.len() / 2;
    sealed[middle] ^= 0x55;
    let damaged = bundle_text(sealed.clone(), Some("riverside-2027")).expect_err("damaged");
    assert!(
        damaged.to_string().contains("damaged") || damaged.to_string().contains("does not open"),
        "{damaged}"
    );
    sealed.truncate(sealed.len() - 40);
    assert!(
        bundle_text(sealed, Some("riverside-2027")).is_err(),
        "a truncated protected bundle is refused"
    );
}
