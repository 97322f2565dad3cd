//! HR rosters mapped to the directory's roles: job titles suggested, chosen and
//! remembered; employment statuses understood or asked about once; what the import does
//! to training and readiness said before anything is written; and roles merged.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use rollplan_core::import::parse_table;
use rollplan_core::people::roster::{
    RejectedRows, RosterMapping, StatusBasis, StatusChoice, TitleBasis, TitleChoice,
};
use rollplan_core::training::TrainingProgress;
use rollplan_core::{CoreError, Store};

use common::{clinic, date, Clinic};

fn roster(text: &str) -> rollplan_core::import::Table {
    parse_table("roster.csv", text.as_bytes().to_vec()).expect("a readable roster")
}

fn role_of(store: &Store, person: &str) -> String {
    store
        .list_people(true)
        .expect("people")
        .into_iter()
        .find(|p| p.name == person)
        .and_then(|p| p.role_name)
        .unwrap_or_default()
}

fn trained(clinic: &Clinic, today: chrono::NaiveDate) -> TrainingProgress {
    TrainingProgress::of_roles(
        &clinic
            .store
            .rollout_training_completion(&clinic.rollout, today)
            .expect("completion"),
    )
}

/// `person` completes the rollout's required module.
fn complete_for(clinic: &Clinic, person: &str, today: chrono::NaiveDate) {
    let id = clinic
        .store
        .list_people(false)
        .expect("people")
        .into_iter()
        .find(|p| p.name == person)
        .expect("the person")
        .id;
    clinic
        .store
        .complete_training(&clinic.module, &[id], "2026-11-20", None, today)
        .expect("training completed");
}

#[test]
fn job_titles_map_to_the_directorys_roles_and_the_choice_is_remembered() {
    let clinic = clinic();
    let today = date("2026-11-25");
    complete_for(&clinic, "Ana", today);
    let before = trained(&clinic, today);
    assert_eq!(before.percent, 33, "1 of 3 front-desk staff trained");

    let table = roster(
        "Name,Job Title,Employment Status\n\
         Ana,Front Desk Rep II,Active\n\
         Ben,Patient Access Specialist,Leave of Absence\n\
         Cai,Front Desk Rep II,Per diem\n\
         Dee,Medical Assistant II,Active\n",
    );
    let mapping = RosterMapping::guess(&table.headers);
    let preview = clinic
        .store
        .preview_roster(&table, &mapping, today)
        .expect("preview");
    let titles: Vec<(&str, usize, &str, TitleBasis)> = preview
        .titles
        .iter()
        .map(|t| (t.title.as_str(), t.people, t.role_name.as_str(), t.basis))
        .collect();
    assert_eq!(
        titles,
        [
            ("Front Desk Rep II", 2, "Front desk", TitleBasis::Suggested),
            (
                "Patient Access Specialist",
                1,
                "Patient Access Specialist",
                TitleBasis::NewRole
            ),
            (
                "Medical Assistant II",
                1,
                "Medical assistant (MA)",
                TitleBasis::Suggested
            ),
        ],
        "each title once, with the role it is taken to mean"
    );
    assert!(
        preview
            .statuses
            .iter()
            .all(|s| s.basis == StatusBasis::Known),
        "HR's statuses are understood: {:?}",
        preview.statuses
    );
    assert!(preview.undecided_statuses.is_empty());
    let front_desk = preview
        .role_moves
        .iter()
        .find(|m| m.role_name == "Front desk")
        .expect("the front desk loses someone");
    assert_eq!((front_desk.leaving, front_desk.joining), (1, 0));
    let impact = &preview.training_impact;
    assert_eq!(
        impact.len(),
        1,
        "one rollout's training changes: {impact:?}"
    );
    assert_eq!(impact[0].rollout_name, "Check-in redesign");
    assert_eq!(
        impact[0].trained_before, before,
        "the figure the screens show now"
    );
    assert_eq!(
        (
            impact[0].trained_after.trained,
            impact[0].trained_after.people
        ),
        (1, 2),
        "Ben leaves the front desk, and its training"
    );
    assert_eq!(trained(&clinic, today), before, "a preview changes nothing");
    assert_eq!(role_of(&clinic.store, "Ben"), "Front desk");

    // The person says the specialist is front desk too; the import follows, remembers.
    let mut chosen = preview.mapping.clone();
    for choice in &mut chosen.titles {
        if choice.title == "Patient Access Specialist" {
            choice.role_id = Some(clinic.front_desk.clone());
        }
    }
    let imported = clinic
        .store
        .import_roster(&table, &chosen, RejectedRows::Refuse, today)
        .expect("import");
    assert!(
        imported.new_roles.is_empty(),
        "no near-duplicate role is added"
    );
    assert!(
        imported.training_impact.is_empty(),
        "nobody left the front desk"
    );
    assert_eq!(role_of(&clinic.store, "Ben"), "Front desk");
    assert_eq!(role_of(&clinic.store, "Dee"), "Medical assistant (MA)");
    assert_eq!(trained(&clinic, today), before);

    let next_month =
        roster("Name,Job Title\nEve,Patient Access Specialist\nFay,Front Desk Rep II\n");
    let again = clinic
        .store
        .preview_roster(
            &next_month,
            &RosterMapping::guess(&next_month.headers),
            today,
        )
        .expect("next month's preview");
    let bases: Vec<(&str, TitleBasis)> = again
        .titles
        .iter()
        .map(|t| (t.role_name.as_str(), t.basis))
        .collect();
    assert_eq!(
        bases,
        [
            ("Front desk", TitleBasis::Remembered),
            ("Front desk", TitleBasis::Remembered),
        ],
        "next month's file is mapped as the person chose, without asking"
    );
}

#[test]
fn the_import_says_what_it_does_to_training_exactly_as_the_screens_will_show_it() {
    let clinic = clinic();
    let today = date("2026-11-25");
    complete_for(&clinic, "Ana", today);
    let table = roster("Name,Role,Status\nAna,Front desk,Terminated\nZoe,Front desk,Active\n");
    let preview = clinic
        .store
        .preview_roster(&table, &RosterMapping::guess(&table.headers), today)
        .expect("preview");
    let imported = clinic
        .store
        .import_roster(&table, &preview.mapping, RejectedRows::Refuse, today)
        .expect("import");
    assert_eq!(imported.training_impact, preview.training_impact);
    let after = trained(&clinic, today);
    assert_eq!(
        preview.training_impact.len(),
        1,
        "Ana's and Zoe's moves change the rollout's figures"
    );
    let front_desk = preview
        .role_moves
        .iter()
        .find(|m| m.role_name == "Front desk")
        .expect("front desk moves");
    assert_eq!(
        (front_desk.leaving, front_desk.joining),
        (1, 1),
        "Ana leaves, Zoe joins"
    );
    let readiness = clinic
        .store
        .rollout_readiness(&clinic.rollout, today)
        .expect("readiness");
    for impact in &preview.training_impact {
        assert_eq!(
            impact.trained_after, after,
            "trained % after is the screens' figure"
        );
        assert_eq!(
            impact.readiness_after, readiness.score,
            "readiness after is the screens' figure"
        );
    }
}

#[test]
fn an_unknown_employment_status_is_asked_about_once_and_remembered() {
    let clinic = clinic();
    let today = date("2026-11-25");
    let table = roster(
        "Name,Role,Status\nAna,Front desk,Suspended\nBen,Front desk,suspended\nCai,Front desk,Active\n",
    );
    let mapping = RosterMapping::guess(&table.headers);
    let preview = clinic
        .store
        .preview_roster(&table, &mapping, today)
        .expect("a status nobody knows is not a rejected row");
    assert_eq!(preview.rejected, 0);
    assert_eq!(preview.undecided_statuses, ["'Suspended' (2 rows)"]);

    let refused = clinic
        .store
        .import_roster(&table, &mapping, RejectedRows::Skip, today)
        .expect_err("the import waits for the person to say what it means");
    match &refused {
        CoreError::Import { message, .. } => {
            assert_eq!(
                message.matches("Suspended").count(),
                1,
                "asked once, not row by row: {message}"
            );
        }
        other => panic!("expected an import error, got {other:?}"),
    }
    assert_eq!(clinic.store.list_people(false).expect("people").len(), 4);

    let mut decided = preview.mapping.clone();
    decided.statuses = vec![StatusChoice {
        status: "SUSPENDED".into(),
        active: Some(false),
    }];
    clinic
        .store
        .import_roster(&table, &decided, RejectedRows::Refuse, today)
        .expect("import once decided");
    let active: Vec<String> = clinic
        .store
        .list_people(false)
        .expect("people")
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(
        active,
        ["Cai", "Dee"],
        "suspended staff are no longer active"
    );

    let again = clinic
        .store
        .preview_roster(&table, &mapping, today)
        .expect("preview again");
    assert!(again.undecided_statuses.is_empty());
    assert_eq!(again.statuses[0].basis, StatusBasis::Remembered);
}

#[test]
fn merging_roles_moves_people_requirements_and_remembered_titles_with_history() {
    let clinic = clinic();
    let today = date("2026-11-25");
    let table = roster("Name,Job Title\nEve,Front office clerk\n");
    let report = clinic
        .store
        .import_roster(
            &table,
            &RosterMapping::guess(&table.headers),
            RejectedRows::Refuse,
            today,
        )
        .expect("import");
    assert_eq!(report.new_roles, ["Front office clerk"]);
    let clerk = clinic
        .store
        .list_roles()
        .expect("roles")
        .into_iter()
        .find(|r| r.name == "Front office clerk")
        .expect("the new role")
        .id;
    // The same training twice (once per role), and one only the clerk role has.
    clinic
        .store
        .add_requirement(&clinic.rollout, &clerk, &clinic.module, "2026-12-05", &[])
        .expect("duplicate requirement");
    let phones = clinic
        .store
        .create_training_module(&rollplan_core::training::ModuleDraft {
            title: "Phone scripts".into(),
            format: rollplan_core::training::TrainingFormat::TipSheet,
            duration_minutes: 10,
            description: String::new(),
        })
        .expect("module")
        .id;
    clinic
        .store
        .add_requirement(&clinic.rollout, &clerk, &phones, "2026-12-05", &[])
        .expect("clerk-only requirement");

    assert!(matches!(
        clinic.store.merge_roles(&clerk, &clerk),
        Err(CoreError::Validation(_))
    ));
    let merged = clinic
        .store
        .merge_roles(&clerk, &clinic.front_desk)
        .expect("merge");
    assert_eq!(
        (
            merged.people_moved,
            merged.requirements_moved,
            merged.requirements_already_held
        ),
        (1, 1, 1)
    );
    assert!(clinic
        .store
        .list_roles()
        .expect("roles")
        .iter()
        .all(|r| r.id != clerk));
    assert_eq!(role_of(&clinic.store, "Eve"), "Front desk");
    let requirements = clinic
        .store
        .list_requirements(&clinic.rollout)
        .expect("requirements");
    assert_eq!(requirements.len(), 2, "{requirements:?}");
    assert!(requirements.iter().all(|r| r.role_id == clinic.front_desk));
    let matrix = clinic
        .store
        .training_matrix(&common::for_rollout(&clinic.rollout), today)
        .expect("matrix");
    assert_eq!(
        matrix.rows.len(),
        4,
        "the three front-desk staff and Eve each need both modules"
    );

    let eve = clinic
        .store
        .list_people(false)
        .expect("people")
        .into_iter()
        .find(|p| p.name == "Eve")
        .expect("Eve");
    let history = clinic.store.person_history(&eve.id).expect("history");
    assert!(
        history
            .iter()
            .any(|entry| entry.changes.iter().any(|c| c.field == "role"
                && c.old.as_deref() == Some("Front office clerk")
                && c.new.as_deref() == Some("Front desk"))),
        "the move is in Eve's history: {history:?}"
    );

    let next_month = roster("Name,Job Title\nEve,Front office clerk\n");
    let preview = clinic
        .store
        .preview_roster(
            &next_month,
            &RosterMapping::guess(&next_month.headers),
            today,
        )
        .expect("preview");
    assert_eq!(
        (
            preview.titles[0].role_name.as_str(),
            preview.titles[0].basis
        ),
        ("Front desk", TitleBasis::Remembered),
        "the title remembered for the merged role now means the role kept"
    );
    let chosen = TitleChoice {
        title: "Front office clerk".into(),
        role_id: Some(clerk),
    };
    let mut stale = preview.mapping.clone();
    stale.titles = vec![chosen];
    assert!(
        matches!(
            clinic.store.preview_roster(&next_month, &stale, today),
            Err(CoreError::Validation(_))
        ),
        "a choice of the merged role is refused with a message, not applied"
    );
}
