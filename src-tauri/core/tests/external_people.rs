//! External people — vendor staff who own tasks but are not the clinic's staff: kept
//! out of training everywhere, left alone by a roster, carried by a bundle.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use rollplan_core::bundle::BundleResolutions;
use rollplan_core::import::parse_table;
use rollplan_core::people::roster::{RejectedRows, RosterMapping};
use rollplan_core::people::PersonDraft;
use rollplan_core::plan::TaskDraft;
use rollplan_core::Store;

use common::{clinic, date, for_rollout};

#[test]
fn an_external_person_is_never_trained_even_in_a_role_that_requires_it() {
    let clinic = clinic();
    let today = date("2026-11-25");
    let before = clinic
        .store
        .rollout_training_completion(&clinic.rollout, today)
        .expect("completion");
    let vendor = clinic
        .store
        .create_person(&PersonDraft {
            name: "Jordan Blake".into(),
            // A role that requires training, to show the flag alone keeps them out.
            role_id: Some(clinic.front_desk.clone()),
            email: "jordan.blake@ehrvendor.com".into(),
            external: true,
            ..PersonDraft::default()
        })
        .expect("external person");
    assert!(vendor.external, "the flag is stored");

    let matrix = clinic
        .store
        .training_matrix(&for_rollout(&clinic.rollout), today)
        .expect("matrix");
    assert!(
        matrix.rows.iter().all(|r| r.name != "Jordan Blake"),
        "an external person is not in the training matrix"
    );
    assert_eq!(
        clinic
            .store
            .rollout_training_completion(&clinic.rollout, today)
            .expect("completion"),
        before,
        "nor counted in any trained %"
    );
    assert!(
        clinic
            .store
            .person_training(&vendor.id, today)
            .expect("their training")
            .is_empty(),
        "nor assigned any requirement"
    );
    assert!(
        clinic
            .store
            .training_due(None, today, 365)
            .expect("due")
            .iter()
            .all(|d| d.person_id != vendor.id),
        "nor listed as due"
    );

    // Marked as staff later, they are trained like anyone in the role.
    let staff = clinic
        .store
        .update_person(
            &vendor.id,
            vendor.row_version,
            &PersonDraft {
                external: false,
                ..vendor.draft()
            },
        )
        .expect("now staff");
    assert_eq!(
        clinic
            .store
            .person_training(&staff.id, today)
            .expect("their training")
            .len(),
        1,
        "staff in the role are assigned its training"
    );
    let history = clinic.store.person_history(&vendor.id).expect("history");
    assert!(
        history.iter().any(|entry| entry
            .changes
            .iter()
            .any(|c| c.field == "external" && c.new.as_deref() == Some("no"))),
        "the history says when someone stopped being external"
    );
}

#[test]
fn a_roster_leaves_external_people_alone() {
    let clinic = clinic();
    let vendor = clinic
        .store
        .create_person(&PersonDraft {
            name: "Ana".into(),
            external: true,
            ..PersonDraft::default()
        })
        .expect("an external namesake of a staff member");
    let table = parse_table(
        "roster.csv",
        b"Name,Role,Department\nAna,Front desk,Eastside\nJordan Blake,Front desk,Eastside\n"
            .to_vec(),
    )
    .expect("roster");
    let mapping = RosterMapping::guess(&table.headers);
    let preview = clinic
        .store
        .preview_roster(
            &table,
            &mapping,
            chrono::NaiveDate::from_ymd_opt(2027, 1, 11).expect("a real date"),
        )
        .expect("preview");
    assert_eq!(
        (preview.updated, preview.added, preview.rejected),
        (1, 1, 0),
        "the roster's Ana is the staff member, not the external person of that name: {:?}",
        preview.rows
    );
    clinic
        .store
        .import_roster(
            &table,
            &mapping,
            RejectedRows::Refuse,
            chrono::NaiveDate::from_ymd_opt(2027, 1, 11).expect("a real date"),
        )
        .expect("import");
    assert_eq!(
        clinic.store.get_person(&vendor.id).expect("vendor"),
        vendor,
        "the external person is untouched by HR's file"
    );
}

#[test]
fn a_bundle_carries_the_flag_and_a_bundle_of_staff_reads_as_before() {
    let clinic = clinic();
    clinic
        .store
        .create_person(&PersonDraft {
            name: "Jordan Blake".into(),
            external: true,
            ..PersonDraft::default()
        })
        .expect("external person");
    clinic
        .store
        .create_task(
            &clinic.rollout,
            &TaskDraft {
                title: "Configure the interface engine".into(),
                owner: "Jordan Blake".into(),
                ..TaskDraft::default()
            },
        )
        .expect("a task the vendor owns");
    for include_people in [true, false] {
        let bundle = clinic
            .store
            .export_bundle(&clinic.rollout, include_people, date("2026-11-25"))
            .expect("bundle");
        let json = serde_json::to_value(&bundle).expect("json");
        let people = json["people"].as_array().expect("people");
        let flagged: Vec<&str> = people
            .iter()
            .filter(|p| p.get("external").is_some())
            .filter_map(|p| p["name"].as_str())
            .collect();
        assert_eq!(
            flagged,
            ["Jordan Blake"],
            "the vendor travels marked external, and staff are written as before, \
             without the field (with directory fields: {include_people})"
        );
        let elsewhere = Store::open_in_memory().expect("another clinic's store");
        let json = serde_json::to_string(&bundle).expect("bundle text");
        elsewhere
            .import_bundle(&json, &BundleResolutions::default())
            .expect("import");
        let arrived: Vec<(String, bool)> = elsewhere
            .list_people(true)
            .expect("people")
            .into_iter()
            .map(|p| (p.name, p.external))
            .filter(|(name, _)| name == "Jordan Blake" || name == "Ana")
            .collect();
        assert!(
            arrived.contains(&("Jordan Blake".to_owned(), true))
                && arrived
                    .iter()
                    .all(|(name, external)| *external == (name == "Jordan Blake")),
            "the other side knows the vendor is external, and staff are staff: {arrived:?}"
        );
    }
}
