//! Training by site: a requirement applies wherever its rollout is (or at the sites it
//! names), so only the people there are assigned and counted — on every screen that
//! shows training, the same.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use rollplan_core::people::PersonDraft;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::training::{MatrixFilter, ModuleDraft, TrainingFormat};
use rollplan_core::{CoreError, Store};

use common::{date, for_rollout};

struct Group {
    store: Store,
    front_desk: String,
    riverside_rollout: String,
    module: String,
}

fn role(store: &Store, name: &str) -> String {
    store
        .list_roles()
        .unwrap()
        .into_iter()
        .find(|r| r.name == name)
        .expect("seeded role")
        .id
}

fn person_id(store: &Store, name: &str) -> String {
    store
        .list_people(false)
        .unwrap()
        .into_iter()
        .find(|p| p.name == name)
        .expect("person")
        .id
}

fn module(store: &Store, title: &str) -> String {
    store
        .create_training_module(&ModuleDraft {
            title: title.into(),
            format: TrainingFormat::Classroom,
            duration_minutes: 60,
            description: String::new(),
        })
        .unwrap()
        .id
}

/// Front-desk staff at two sites (one spelled in another case, one with no department
/// recorded), and a rollout at Riverside only requiring a module of the front desk.
fn group() -> Group {
    let store = Store::open_in_memory().unwrap();
    let front_desk = role(&store, "Front desk");
    for (name, department) in [
        ("Ana", "Riverside"),
        ("Ben", "Eastside"),
        ("Cai", ""),
        ("Dee", "riverside"),
    ] {
        store
            .create_person(&PersonDraft {
                name: name.into(),
                role_id: Some(front_desk.clone()),
                department: department.into(),
                ..PersonDraft::default()
            })
            .unwrap();
    }
    let riverside_rollout = store
        .create_rollout(&RolloutDraft {
            name: "Riverside scheduling".into(),
            sites: vec!["Riverside".into()],
            ..RolloutDraft::default()
        })
        .unwrap()
        .id;
    let module = module(&store, "Scheduling templates");
    store
        .add_requirement(&riverside_rollout, &front_desk, &module, "2026-12-01", &[])
        .unwrap();
    Group {
        store,
        front_desk,
        riverside_rollout,
        module,
    }
}

fn matrix_names(store: &Store, rollout: &str, today: NaiveDate) -> Vec<String> {
    store
        .training_matrix(&for_rollout(rollout), today)
        .unwrap()
        .rows
        .into_iter()
        .map(|row| row.name)
        .collect()
}

#[test]
fn a_requirement_reaches_only_the_people_at_its_rollouts_sites() {
    let g = group();
    let today = date("2026-12-05");
    assert_eq!(
        matrix_names(&g.store, &g.riverside_rollout, today),
        ["Ana", "Cai", "Dee"],
        "Riverside (any case) and the person with no department; not Eastside's Ben"
    );
    let ben = person_id(&g.store, "Ben");
    assert!(
        g.store.person_training(&ben, today).unwrap().is_empty(),
        "Ben at Eastside is not assigned Riverside's training"
    );
    let due: Vec<String> = g
        .store
        .training_due(Some(&g.riverside_rollout), today, 30)
        .unwrap()
        .into_iter()
        .map(|d| d.person_name)
        .collect();
    assert_eq!(due, ["Ana", "Cai", "Dee"], "and is not overdue for it");
    let completion = g
        .store
        .rollout_training_completion(&g.riverside_rollout, today)
        .unwrap();
    assert_eq!(
        (completion[0].people, completion[0].overdue),
        (3, 3),
        "the trained % counts the three at Riverside, all overdue since Dec 1"
    );
}

#[test]
fn a_requirement_can_name_its_own_sites_and_a_rollout_without_sites_reaches_everyone() {
    let g = group();
    let today = date("2026-11-20");
    let everywhere = g
        .store
        .create_rollout(&RolloutDraft {
            name: "Phone tree".into(),
            ..RolloutDraft::default()
        })
        .unwrap()
        .id;
    let phones = module(&g.store, "New phone tree");
    g.store
        .add_requirement(&everywhere, &g.front_desk, &phones, "2026-12-10", &[])
        .unwrap();
    assert_eq!(
        matrix_names(&g.store, &everywhere, today),
        ["Ana", "Ben", "Cai", "Dee"],
        "a rollout naming no sites reaches every site"
    );

    let eastside_only = module(&g.store, "Eastside parking desk");
    let requirement = g
        .store
        .add_requirement(
            &everywhere,
            &g.front_desk,
            &eastside_only,
            "2026-12-10",
            &[" EASTSIDE ".into(), "Eastside".into()],
        )
        .unwrap();
    assert_eq!(requirement.sites, ["EASTSIDE"], "trimmed, kept once");
    let ana = person_id(&g.store, "Ana");
    let ben = person_id(&g.store, "Ben");
    let titles = |id: &str| -> Vec<String> {
        g.store
            .person_training(id, today)
            .unwrap()
            .into_iter()
            .map(|d| d.module_title)
            .collect()
    };
    assert!(
        titles(&ben).contains(&"Eastside parking desk".to_owned()),
        "Ben at Eastside has the Eastside module: {:?}",
        titles(&ben)
    );
    assert!(
        !titles(&ana).contains(&"Eastside parking desk".to_owned()),
        "Ana at Riverside has not"
    );
}

#[test]
fn changing_where_a_requirement_applies_assigns_newcomers_and_stops_counting_the_others() {
    let g = group();
    let today = date("2026-11-20");
    let requirement = g.store.list_requirements(&g.riverside_rollout).unwrap()[0].clone();
    let wider = g
        .store
        .set_requirement_sites(
            &requirement.id,
            &["Riverside".into(), "Eastside".into()],
            requirement.row_version,
        )
        .unwrap();
    assert_eq!(
        matrix_names(&g.store, &g.riverside_rollout, today),
        ["Ana", "Ben", "Cai", "Dee"],
        "widened to Eastside, Ben is assigned"
    );
    let stale = g
        .store
        .set_requirement_sites(&requirement.id, &[], requirement.row_version)
        .unwrap_err();
    assert!(
        matches!(stale, CoreError::Conflict(_)),
        "an edit from before the widening is refused, not applied: {stale:?}"
    );

    g.store
        .set_requirement_sites(&wider.id, &["Eastside".into()], wider.row_version)
        .unwrap();
    let ana = person_id(&g.store, "Ana");
    assert!(
        g.store.person_training(&ana, today).unwrap().is_empty(),
        "narrowed to Eastside, Ana no longer has it to do"
    );
    let completion = g
        .store
        .rollout_training_completion(&g.riverside_rollout, today)
        .unwrap();
    assert_eq!(
        completion[0].people, 2,
        "Ben and Cai (no department) are counted; Ana's record stays but does not count"
    );
    let matrix = g
        .store
        .training_matrix(
            &MatrixFilter {
                rollout_id: Some(g.riverside_rollout.clone()),
                ..MatrixFilter::default()
            },
            today,
        )
        .unwrap();
    let names: Vec<&str> = matrix.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        (names, matrix.progress.people),
        (vec!["Ben", "Cai"], 2),
        "the matrix lists and counts only the people it is required of"
    );
}

#[test]
fn sites_travel_in_the_bundle() {
    let g = group();
    let today = date("2026-11-20");
    let requirement = g.store.list_requirements(&g.riverside_rollout).unwrap()[0].clone();
    g.store
        .set_requirement_sites(
            &requirement.id,
            &["Eastside".into()],
            requirement.row_version,
        )
        .unwrap();
    let bundle = g
        .store
        .export_bundle(&g.riverside_rollout, false, today)
        .unwrap();
    assert_eq!(
        bundle.training_requirements[0].sites,
        Some(vec!["Eastside".to_owned()]),
        "the bundle says where the requirement applies"
    );
    let json = rollplan_core::bundle::bundle_to_json(&bundle).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let target = Store::open(&dir.path().join("target.db")).unwrap();
    target
        .import_bundle(&json, &Default::default())
        .expect("imports");
    let imported = target.list_requirements(&g.riverside_rollout).unwrap();
    assert_eq!(
        imported[0].sites,
        ["Eastside"],
        "and the other side keeps it"
    );
    assert_eq!(imported[0].module_id, g.module);
}
