//! Risks, decisions, communications, stakeholders, the scope log and the overview.

mod common;

use common::date;
use rollplan_core::audit::{AuditAction, EntityKind};
use rollplan_core::people::PersonDraft;
use rollplan_core::plan::{TaskDraft, TaskStatus, UNKNOWN_OWNER_FIELD};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::workspace::{
    Adkar, AdkarStage, CommunicationDraft, DecisionDraft, DecisionOutcome, Raci, RaciAssignment,
    RiskDraft, RiskStatus, ScopeChangeDraft, StakeholderDraft,
};
use rollplan_core::{CoreError, Store};

fn workspace() -> (Store, String) {
    let store = Store::open_in_memory().expect("store");
    store
        .create_person(&PersonDraft {
            name: "Priya Nair".into(),
            ..PersonDraft::default()
        })
        .expect("person");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "SMS reminders".into(),
            go_live_date: Some("2026-12-07".into()),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    (store, rollout)
}

fn risk(title: &str, likelihood: i64, impact: i64) -> RiskDraft {
    RiskDraft {
        title: title.into(),
        likelihood,
        impact,
        ..RiskDraft::default()
    }
}

#[test]
fn likelihood_seven_is_refused_on_its_field() {
    let (store, rollout) = workspace();
    let error = store
        .create_risk(&rollout, &risk("Carrier filters texts", 7, 3))
        .expect_err("off the scale");
    match error {
        CoreError::Validation(fields) => {
            assert_eq!(fields.len(), 1);
            assert_eq!(fields[0].field, "likelihood");
            assert_eq!(
                fields[0].message,
                "Likelihood is rated 1 (rare) to 5 (almost certain); 7 is off the scale."
            );
        }
        other => panic!("expected validation, got {other:?}"),
    }
    let unknown_owner = store
        .create_risk(
            &rollout,
            &RiskDraft {
                owner: "Jordan Lee".into(),
                ..risk("Carrier filters texts", 3, 3)
            },
        )
        .expect_err("owner not in directory");
    assert_eq!(
        unknown_owner.payload().field.as_deref(),
        Some(UNKNOWN_OWNER_FIELD)
    );
    assert!(store.list_risks(&rollout).expect("risks").is_empty());
}

#[test]
fn risks_sort_by_score_and_fill_the_heat_map() {
    let (store, rollout) = workspace();
    store
        .create_risk(&rollout, &risk("Low", 1, 2))
        .expect("low");
    let high = store
        .create_risk(
            &rollout,
            &RiskDraft {
                owner: "Priya Nair".into(),
                ..risk("Patients opt out", 4, 5)
            },
        )
        .expect("high");
    store
        .create_risk(&rollout, &risk("Middle", 3, 3))
        .expect("middle");
    store
        .create_risk(&rollout, &risk("Also middle", 3, 3))
        .expect("middle");
    let closed = store
        .create_risk(&rollout, &risk("Closed", 5, 5))
        .expect("closed");
    store
        .update_risk(
            &closed.id,
            closed.row_version,
            &RiskDraft {
                status: RiskStatus::Closed,
                ..risk("Closed", 5, 5)
            },
        )
        .expect("close");

    let scores: Vec<(String, i64)> = store
        .list_risks(&rollout)
        .expect("list")
        .into_iter()
        .map(|r| (r.title, r.score))
        .collect();
    assert_eq!(scores[0], ("Patients opt out".to_owned(), 20));
    assert_eq!(
        scores.last().map(|s| s.0.as_str()),
        Some("Closed"),
        "closed risks sink"
    );
    assert_eq!(high.owner_name, "Priya Nair");

    let top: Vec<String> = store
        .top_risks(&rollout, 2)
        .expect("top")
        .into_iter()
        .map(|r| r.title)
        .collect();
    assert_eq!(top.len(), 2);
    assert_eq!(top[0], "Patients opt out");

    let map = store.risk_heat_map(&rollout).expect("heat map");
    assert_eq!(map.counts[3][4], 1, "likelihood 4, impact 5");
    assert_eq!(map.counts[2][2], 2, "two risks at 3 × 3");
    assert_eq!(map.counts[0][1], 1);
    assert_eq!(map.counts[4][4], 0, "closed risks are off the map");
    assert_eq!(map.counts.iter().flatten().sum::<i64>(), 4);
}

#[test]
fn comms_are_upcoming_or_overdue_until_sent() {
    let (store, rollout) = workspace();
    let today = date("2026-12-01");
    let send = |audience: &str, on: &str, sent: Option<&str>| {
        store
            .create_communication(
                &rollout,
                &CommunicationDraft {
                    audience: audience.into(),
                    channel: "Email".into(),
                    message: "Reminders start Monday".into(),
                    send_on: on.into(),
                    owner: "Priya Nair".into(),
                    sent_on: sent.map(String::from),
                },
            )
            .expect("comm")
    };
    let late = send("Front desk", "2026-11-28", None);
    send("Providers", "2026-11-27", Some("2026-11-27"));
    send("Patients", "2026-12-03", None);
    send("Board", "2026-12-20", None);
    let upcoming: Vec<String> = store
        .upcoming_communications(&rollout, today, 7)
        .expect("upcoming")
        .into_iter()
        .map(|c| c.audience)
        .collect();
    assert_eq!(upcoming, ["Patients"]);
    let overdue: Vec<String> = store
        .overdue_communications(&rollout, today)
        .expect("overdue")
        .into_iter()
        .map(|c| c.audience)
        .collect();
    assert_eq!(overdue, ["Front desk"]);

    let mut sent = CommunicationDraft {
        audience: late.audience.clone(),
        channel: late.channel.clone(),
        message: late.message.clone(),
        send_on: "2026-11-28".into(),
        owner: late.owner_id.clone().unwrap_or_default(),
        sent_on: Some("2026-12-01".into()),
    };
    store
        .update_communication(&late.id, late.row_version, &sent)
        .expect("sent");
    assert!(store
        .overdue_communications(&rollout, today)
        .expect("overdue")
        .is_empty());
    sent.send_on = "next week".into();
    let error = store
        .update_communication(&late.id, late.row_version + 1, &sent)
        .expect_err("bad date");
    assert_eq!(error.payload().field.as_deref(), Some("send_on"));
}

#[test]
fn the_weakest_adkar_stage_is_the_first_below_three() {
    let adkar = |a, d, k, ab, r| Adkar {
        awareness: Some(a),
        desire: Some(d),
        knowledge: Some(k),
        ability: Some(ab),
        reinforcement: Some(r),
    };
    assert_eq!(
        adkar(4, 2, 1, 3, 3).weakest_stage(),
        Some((AdkarStage::Desire, 2)),
        "the barrier point comes first"
    );
    assert_eq!(
        adkar(4, 4, 3, 5, 4).weakest_stage(),
        Some((AdkarStage::Knowledge, 3))
    );
    assert_eq!(Adkar::default().weakest_stage(), None);

    let (store, rollout) = workspace();
    let providers = store
        .create_stakeholder(
            &rollout,
            &StakeholderDraft {
                name: "Northgate providers".into(),
                is_group: true,
                raci: vec![
                    RaciAssignment {
                        workstream: "Message wording".into(),
                        role: Raci::Consulted,
                    },
                    RaciAssignment {
                        workstream: "Pilot go/no-go".into(),
                        role: Raci::Accountable,
                    },
                ],
                adkar: adkar(4, 2, 3, 3, 3),
                ..StakeholderDraft::default()
            },
        )
        .expect("stakeholder");
    store
        .create_stakeholder(
            &rollout,
            &StakeholderDraft {
                name: "Front desk".into(),
                is_group: true,
                adkar: adkar(5, 4, 4, 3, 4),
                ..StakeholderDraft::default()
            },
        )
        .expect("stakeholder");
    assert_eq!(providers.raci[1].role, Raci::Accountable);
    let barriers = store.adkar_barriers(&rollout).expect("barriers");
    let found: Vec<(&str, Option<AdkarStage>, bool)> = barriers
        .iter()
        .map(|b| (b.name.as_str(), b.stage, b.is_barrier))
        .collect();
    assert_eq!(
        found,
        [
            ("Northgate providers", Some(AdkarStage::Desire), true),
            ("Front desk", Some(AdkarStage::Ability), false)
        ]
    );
    let refused = store
        .create_stakeholder(
            &rollout,
            &StakeholderDraft {
                name: "Billing".into(),
                adkar: Adkar {
                    desire: Some(6),
                    ..Adkar::default()
                },
                raci: vec![
                    RaciAssignment {
                        workstream: "Claims".into(),
                        role: Raci::Informed,
                    },
                    RaciAssignment {
                        workstream: "claims".into(),
                        role: Raci::Responsible,
                    },
                ],
                ..StakeholderDraft::default()
            },
        )
        .expect_err("refused");
    let fields: Vec<String> = match refused {
        CoreError::Validation(fields) => fields.into_iter().map(|f| f.field).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(fields, ["raci", "desire"]);
}

#[test]
fn decisions_and_scope_cuts_are_logged_trashed_and_restored_with_history() {
    let (store, rollout) = workspace();
    let decision = store
        .create_decision(
            &rollout,
            &DecisionDraft {
                decided_on: "2026-11-10".into(),
                title: "Pilot on two provider panels first".into(),
                constraints: "One front-desk lead to support the pilot".into(),
                options: "All panels at once; two panels; one panel".into(),
                choice: "Two panels".into(),
                rationale: "Enough volume to measure no-shows in four weeks".into(),
                decided_by: "Marcus Bell".into(),
                verification: "No-show rate on the pilot panels below 9% by week 4".into(),
                ..DecisionDraft::default()
            },
        )
        .expect("decision");
    assert_eq!(decision.decided_on, date("2026-11-10"));
    let mut held = DecisionDraft {
        decided_on: "2026-11-10".into(),
        title: decision.title.clone(),
        outcome: DecisionOutcome::Held,
        ..DecisionDraft::default()
    };
    let updated = store
        .update_decision(&decision.id, decision.row_version, &held)
        .expect("held");
    assert_eq!(updated.outcome, DecisionOutcome::Held);
    held.decided_on = String::new();
    assert!(
        store
            .update_decision(&decision.id, updated.row_version, &held)
            .is_err(),
        "a decision needs its date"
    );

    let cut = store
        .create_scope_change(
            &rollout,
            &ScopeChangeDraft {
                logged_on: "2026-11-12".into(),
                cut: "Voice-call reminders".into(),
                reason: "Vendor charges per call; no budget this quarter".into(),
                protected: "The pilot start date".into(),
            },
        )
        .expect("cut");
    store.trash_scope_change(&cut.id).expect("trash");
    assert!(store.list_scope_changes(&rollout).expect("list").is_empty());
    store.restore_scope_change(&cut.id).expect("restore");
    assert_eq!(store.list_scope_changes(&rollout).expect("list").len(), 1);
    let actions: Vec<AuditAction> = store
        .history(EntityKind::ScopeChange, &cut.id)
        .expect("history")
        .iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            AuditAction::Restore,
            AuditAction::Trash,
            AuditAction::Create
        ]
    );
    let decision_history = store
        .history(EntityKind::Decision, &decision.id)
        .expect("history");
    assert_eq!(
        decision_history[0]
            .changes
            .iter()
            .find(|c| c.field == "outcome")
            .and_then(|c| c.new.clone())
            .as_deref(),
        Some("held")
    );
    assert_eq!(
        store
            .trash_decision("no-such-id")
            .expect_err("missing")
            .code(),
        "not_found"
    );
}

#[test]
fn the_overview_gathers_the_week() {
    let (store, rollout) = workspace();
    let today = date("2026-12-01");
    let add = |title: &str, due: &str, status: TaskStatus| {
        store
            .create_task(
                &rollout,
                &TaskDraft {
                    title: title.into(),
                    due_date: Some(due.into()),
                    status,
                    ..TaskDraft::default()
                },
            )
            .expect("task")
    };
    add("Load message templates", "2026-11-27", TaskStatus::Doing);
    add(
        "Test replies update the schedule",
        "2026-12-04",
        TaskStatus::Blocked,
    );
    add("Train front desk", "2026-12-03", TaskStatus::Done);
    add("Review week-1 no-shows", "2026-12-14", TaskStatus::Todo);
    store
        .create_risk(&rollout, &risk("Patients opt out", 4, 5))
        .expect("risk");
    let overview = store.rollout_overview(&rollout, today).expect("overview");
    assert_eq!(overview.days_to_go_live, Some(6));
    let titles = |tasks: &[rollplan_core::plan::Task]| {
        tasks.iter().map(|t| t.title.clone()).collect::<Vec<_>>()
    };
    assert_eq!(titles(&overview.overdue), ["Load message templates"]);
    assert_eq!(
        titles(&overview.due_this_week),
        ["Test replies update the schedule"]
    );
    assert_eq!(
        titles(&overview.blocked),
        ["Test replies update the schedule"]
    );
    assert_eq!(
        (
            overview.overdue_count,
            overview.due_this_week_count,
            overview.blocked_count
        ),
        (1, 1, 1)
    );
    assert_eq!(overview.top_risks.len(), 1);
    assert_eq!(
        overview.readiness.verdict,
        rollplan_core::readiness::Verdict::NotAssessed
    );
}

#[test]
fn purging_a_rollout_takes_its_whole_workspace_with_it() {
    let (store, rollout) = workspace();
    let first = store
        .create_task(
            &rollout,
            &TaskDraft {
                title: "A".into(),
                ..TaskDraft::default()
            },
        )
        .expect("a");
    let second = store
        .create_task(
            &rollout,
            &TaskDraft {
                title: "B".into(),
                ..TaskDraft::default()
            },
        )
        .expect("b");
    store
        .add_dependency(&second.id, &first.id)
        .expect("dependency");
    store.create_phase(&rollout, "Pilot").expect("phase");
    store
        .create_risk(&rollout, &risk("Opt-outs", 2, 2))
        .expect("risk");
    store
        .create_stakeholder(
            &rollout,
            &StakeholderDraft {
                name: "Front desk".into(),
                raci: vec![RaciAssignment {
                    workstream: "Pilot".into(),
                    role: Raci::Responsible,
                }],
                ..StakeholderDraft::default()
            },
        )
        .expect("stakeholder");
    store.trash_rollout(&rollout).expect("trash");
    store.purge_rollout(&rollout).expect("purge");
    assert_eq!(store.check().expect("check").foreign_key_violations, 0);
    assert_eq!(
        store.get_task(&first.id).expect_err("gone").code(),
        "not_found"
    );
}

#[test]
fn the_sample_clinic_has_plans_mid_flight() {
    let store = Store::open_in_memory().expect("store");
    let today = date("2026-11-25");
    let rollouts = rollplan_core::demo::seed_sample_clinic(&store, today).expect("demo");
    let ehr = rollouts
        .iter()
        .find(|r| r.name.starts_with("EHR"))
        .expect("EHR");
    let tasks = store.list_tasks(&ehr.id).expect("tasks");
    assert_eq!(tasks.len(), 39);
    assert!(
        tasks.iter().all(|t| !t.owner_name.is_empty()),
        "every sample task has an owner"
    );
    let slipped = store.slipped_tasks(&ehr.id, today).expect("slipped");
    assert!(
        slipped
            .iter()
            .any(|s| s.title == "Name super-users (about 1 per 8-10 users)" && s.days_overdue > 0),
        "{slipped:?}"
    );
    let overview = store.rollout_overview(&ehr.id, today).expect("overview");
    assert_eq!(overview.days_to_go_live, Some(52));
    assert_eq!(overview.blocked_count, 1);
    assert_eq!(overview.overdue_comms.len(), 1);
    assert_eq!(overview.top_risks[0].score, 20);
    assert_eq!(
        overview.recent_decisions[0].title,
        "Lab interface moves to phase 2"
    );
    let barriers = store.adkar_barriers(&ehr.id).expect("barriers");
    assert_eq!(
        (barriers[0].name.as_str(), barriers[0].stage),
        ("Providers", Some(AdkarStage::Desire))
    );
    let sms = rollouts
        .iter()
        .find(|r| r.name.starts_with("SMS"))
        .expect("SMS");
    assert_eq!(store.list_tasks(&sms.id).expect("tasks").len(), 14);
}
