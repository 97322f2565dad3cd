//! What the sample clinic does not have and the screens must still count right: rollouts
//! with nothing to judge, a person trained in one module of two, a module required by two
//! rollouts by different dates, people, modules, requirements, criteria, SOPs, tasks and
//! a rollout in the trash, someone who left, someone without a role, and a record that
//! was never assigned.

use chrono::{Days, NaiveDate};

use crate::people::PersonDraft;
use crate::plan::{LinkType, TaskDraft, TaskKind, TaskStatus};
use crate::readiness::{CriterionDraft, CriterionStatus, ReadinessCategory};
use crate::rollouts::RolloutDraft;
use crate::sops::{SopDraft, SopRelation};
use crate::time::date_text;
use crate::training::{ModuleDraft, RecordDraft, RecordStatus, TrainingFormat};
use crate::Store;

pub(super) fn add(store: &Store, today: NaiveDate) {
    let day = |offset: i64| {
        let date = if offset < 0 {
            today.checked_sub_days(Days::new(offset.unsigned_abs()))
        } else {
            today.checked_add_days(Days::new(offset as u64))
        };
        date_text(date.expect("date"))
    };
    let role = |name: &str| {
        store
            .list_roles()
            .expect("roles")
            .into_iter()
            .find(|r| r.name == name)
            .unwrap_or_else(|| panic!("role {name}"))
            .id
    };
    let (front_desk, scheduler, ma) = (
        role("Front desk"),
        role("Scheduler"),
        role("Medical assistant (MA)"),
    );
    let rollout = |name: &str, go_live: Option<String>| {
        store
            .create_rollout(&RolloutDraft {
                name: name.into(),
                go_live_date: go_live,
                ..RolloutDraft::default()
            })
            .expect("rollout")
    };
    let module = |title: &str| {
        store
            .create_training_module(&ModuleDraft {
                title: title.into(),
                format: TrainingFormat::TipSheet,
                duration_minutes: 10,
                description: String::new(),
            })
            .expect("module")
            .id
    };
    let person = |name: &str, role_id: Option<&str>, department: &str| {
        store
            .create_person(&PersonDraft {
                name: name.into(),
                role_id: role_id.map(str::to_owned),
                department: department.into(),
                ..PersonDraft::default()
            })
            .expect("person")
    };
    let record = |person_id: &str, module_id: &str| {
        store
            .person_training(person_id, today)
            .expect("training")
            .into_iter()
            .find(|d| d.module_id == module_id)
            .map(|d| (d.record_id, d.row_version))
            .expect("an assigned record")
    };
    let set = |person_id: &str, module_id: &str, draft: RecordDraft| {
        let (id, version) = record(person_id, module_id);
        store
            .update_training_record(&id, version, &draft, today)
            .expect("record");
    };

    // Nothing to judge, and criteria without any training.
    rollout("Quiet pilot", None);
    let criteria_only = rollout("Huddle boards", Some(day(30))).id;
    let criterion = |title: &str, status: CriterionStatus, hard_gate: bool| {
        store
            .create_criterion(
                &criteria_only,
                &CriterionDraft {
                    category: ReadinessCategory::Process,
                    title: title.into(),
                    status,
                    hard_gate,
                    ..CriterionDraft::default()
                },
            )
            .expect("criterion")
    };
    criterion("Boards up in every pod", CriterionStatus::Met, true);
    criterion("Huddle script agreed", CriterionStatus::AtRisk, false);
    let dropped = criterion("Laminated copies", CriterionStatus::NotMet, true);
    store.trash_criterion(&dropped.id).expect("trash criterion");
    let sops = store.list_sops().expect("sops");
    let first_sop = sops.first().expect("a sample SOP");
    store
        .link_sop_to_rollout(&first_sop.id, &criteria_only, SopRelation::Changes)
        .expect("link");
    let withdrawn = store
        .create_sop(&SopDraft {
            code: "HB-001".into(),
            title: "Huddle board upkeep".into(),
            review_interval_months: 12,
            ..SopDraft::default()
        })
        .expect("sop");
    store
        .link_sop_to_rollout(&withdrawn.id, &criteria_only, SopRelation::Introduces)
        .expect("link");
    store.trash_sop(&withdrawn.id).expect("trash sop");

    // Two modules of one rollout, one of them also required by the sample's SMS pilot
    // for the front desk by a later date.
    let kiosk = rollout("Kiosk check-in", Some(day(10))).id;
    let (basics, exceptions, retired) = (
        module("Kiosk basics"),
        module("Kiosk exceptions"),
        module("Kiosk v1 (withdrawn)"),
    );
    let require = |rollout_id: &str, role_id: &str, module_id: &str, due: String| {
        store
            .add_requirement(rollout_id, role_id, module_id, &due, &[])
            .expect("requirement")
    };
    require(&kiosk, &front_desk, &basics, day(-3));
    require(&kiosk, &front_desk, &exceptions, day(4));
    require(&kiosk, &scheduler, &basics, day(20));
    require(&kiosk, &front_desk, &retired, day(-20));
    let dropped = require(&kiosk, &ma, &exceptions, day(-1));
    let sms = store
        .list_rollouts()
        .expect("rollouts")
        .into_iter()
        .find(|r| r.name.starts_with("SMS"))
        .expect("the SMS pilot")
        .id;
    require(&sms, &front_desk, &basics, day(15));
    store.remove_requirement(&dropped.id).expect("remove");
    store.trash_training_module(&retired).expect("trash module");

    let people = store.list_people(true).expect("people");
    let in_role = |role_id: &str| -> Vec<String> {
        people
            .iter()
            .filter(|p| p.active && p.role_id.as_deref() == Some(role_id))
            .map(|p| p.id.clone())
            .collect()
    };
    let desk = in_role(&front_desk);
    assert!(desk.len() >= 4, "the sample has a front desk of four");
    let completed = |on: String| RecordDraft {
        status: RecordStatus::Completed,
        completed_on: Some(on),
        ..RecordDraft::default()
    };
    // Both modules; one of two; waived one and done the other; one in progress.
    set(&desk[0], &basics, completed(day(-6)));
    set(&desk[0], &exceptions, completed(day(-1)));
    set(&desk[1], &basics, completed(day(-2)));
    set(
        &desk[2],
        &exceptions,
        RecordDraft {
            status: RecordStatus::Waived,
            waived_reason: "Trained on kiosks at a previous clinic".into(),
            ..RecordDraft::default()
        },
    );
    set(&desk[2], &basics, completed(day(-9)));
    set(
        &desk[3],
        &basics,
        RecordDraft {
            status: RecordStatus::InProgress,
            ..RecordDraft::default()
        },
    );

    // People who must not count: in the trash, gone, without a role.
    let trashed = person(
        "Trashed Front Desk",
        Some(&front_desk),
        "Riverside Family Medicine",
    );
    store.trash_person(&trashed.id).expect("trash person");
    let leaver = person(
        "Leaving Front Desk",
        Some(&front_desk),
        "Northgate Pediatrics",
    );
    let mut draft = PersonDraft {
        name: leaver.name.clone(),
        role_id: leaver.role_id.clone(),
        department: leaver.department.clone(),
        active: false,
        ..PersonDraft::default()
    };
    store
        .update_person(&leaver.id, leaver.row_version, &draft)
        .expect("deactivate");
    person("Volunteer Without Role", None, "Riverside Family Medicine");
    draft.name = "Zed Scheduler Who Moved".into();
    draft.role_id = Some(front_desk.clone());
    draft.active = true;
    let mover = store.create_person(&draft).expect("person");
    draft.role_id = Some(scheduler.clone());
    store
        .update_person(&mover.id, mover.row_version, &draft)
        .expect("change role");

    let cancelled = rollout("Cancelled: fax retirement", Some(day(-40))).id;
    require(
        &cancelled,
        &front_desk,
        &module("Fax-free referrals"),
        day(-50),
    );
    store.trash_rollout(&cancelled).expect("trash rollout");

    // A plan with every kind of task the overview and Home count, and one that doesn't.
    let task =
        |title: &str, kind: TaskKind, status: TaskStatus, start: Option<i64>, due: Option<i64>| {
            store
                .create_task(
                    &kiosk,
                    &TaskDraft {
                        title: title.into(),
                        kind,
                        status,
                        start_date: start.map(day),
                        due_date: due.map(day),
                        ..TaskDraft::default()
                    },
                )
                .expect("task")
        };
    let order = task(
        "Order kiosks",
        TaskKind::Task,
        TaskStatus::Done,
        Some(-30),
        Some(-20),
    );
    let mount = task(
        "Mount kiosks",
        TaskKind::Task,
        TaskStatus::Doing,
        Some(-10),
        Some(-2),
    );
    task(
        "Network drops",
        TaskKind::Task,
        TaskStatus::Blocked,
        None,
        None,
    );
    task(
        "Vendor sign-off",
        TaskKind::Task,
        TaskStatus::Blocked,
        Some(-5),
        Some(-1),
    );
    task(
        "Signage",
        TaskKind::Task,
        TaskStatus::Todo,
        Some(0),
        Some(0),
    );
    task(
        "Dry run",
        TaskKind::Task,
        TaskStatus::Todo,
        Some(2),
        Some(6),
    );
    task(
        "Patient survey",
        TaskKind::Task,
        TaskStatus::Todo,
        Some(5),
        Some(7),
    );
    task(
        "Kiosks live",
        TaskKind::Milestone,
        TaskStatus::Todo,
        Some(10),
        Some(10),
    );
    task(
        "Old paper forms",
        TaskKind::Task,
        TaskStatus::Todo,
        None,
        None,
    );
    let scrapped = task(
        "Scrapped pilot",
        TaskKind::Task,
        TaskStatus::Todo,
        Some(-9),
        Some(-8),
    );
    store
        .add_dependency(&mount.id, &order.id, LinkType::FinishToStart, 0)
        .expect("dependency");
    store
        .add_dependency(&mount.id, &scrapped.id, LinkType::FinishToStart, 0)
        .expect("dependency");
    store.trash_task(&scrapped.id).expect("trash task");

    // A rollout in the trash while someone joins: brought back, its training was never
    // assigned to the newcomer, who therefore has no record for it (last, as any later
    // requirement or person would assign it).
    let paused = rollout("Paused: tablet intake", Some(day(-2))).id;
    let tablets = module("Tablet intake");
    require(&paused, &front_desk, &tablets, day(-4));
    require(&paused, &ma, &tablets, day(6));
    store.trash_rollout(&paused).expect("trash rollout");
    let newcomer = person(
        "Newcomer At The Desk",
        Some(&front_desk),
        "Northgate Pediatrics",
    );
    store.restore_rollout(&paused).expect("restore rollout");
    set(&newcomer.id, &basics, completed(day(-1)));
}
