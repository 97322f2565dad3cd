//! Two people may share a name. A criterion, a risk, a message or a metric owned by one
//! of them is shown by its owner's name, and its form sends that name back: saving an
//! edit with the owner unchanged keeps the owner, while naming the shared name for a
//! record owned by someone else still asks which of them is meant.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rollplan_core::metrics::MetricDraft;
use rollplan_core::people::{Person, PersonDraft};
use rollplan_core::readiness::CriterionDraft;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::workspace::{CommunicationDraft, RiskDraft, RiskStatus};
use rollplan_core::{CoreError, Store};

const SHARED: &str = "Hannah Tran";

struct Office {
    store: Store,
    rollout: String,
    /// Owns every record below; a namesake at Riverside joined later.
    northgate: Person,
    /// Owns nothing: the record naming them has an owner of another name.
    other: Person,
}

fn office() -> Office {
    let store = Store::open_in_memory().expect("store");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "EHR go-live".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    let person = |name: &str, email: &str| {
        store
            .create_person(&PersonDraft {
                name: name.into(),
                email: email.into(),
                ..PersonDraft::default()
            })
            .expect("person")
    };
    let northgate = person(SHARED, "hannah@northgate.org");
    let other = person("Omar Diaz", "omar@northgate.org");
    person(SHARED, "hannah@riverside.org");
    Office {
        store,
        rollout,
        northgate,
        other,
    }
}

/// The refusal a draft naming the shared name gets when nothing says which is meant.
fn asks_which(error: CoreError, what: &str) {
    assert!(
        error
            .to_string()
            .contains(&format!("2 people in the directory are called {SHARED}")),
        "{what}: {error}"
    );
}

#[test]
fn a_criterion_keeps_its_owner_when_saved_with_the_name_unchanged() {
    let o = office();
    let created = o
        .store
        .create_criterion(
            &o.rollout,
            &CriterionDraft {
                title: "Interfaces live-tested".into(),
                owner: o.northgate.id.clone(),
                ..CriterionDraft::default()
            },
        )
        .expect("owner chosen by id");
    let as_shown = CriterionDraft {
        title: "Interfaces live-tested at every site".into(),
        owner: created.owner_name.clone(),
        ..created.draft()
    };
    let saved = o
        .store
        .update_criterion(&created.id, created.row_version, &as_shown)
        .expect("the title saves");
    assert_eq!(saved.owner_id.as_deref(), Some(o.northgate.id.as_str()));

    let someone_elses = o
        .store
        .create_criterion(
            &o.rollout,
            &CriterionDraft {
                title: "Printers tested".into(),
                owner: o.other.id.clone(),
                ..CriterionDraft::default()
            },
        )
        .expect("criterion");
    let renamed = CriterionDraft {
        owner: SHARED.into(),
        ..someone_elses.draft()
    };
    asks_which(
        o.store
            .update_criterion(&someone_elses.id, someone_elses.row_version, &renamed)
            .expect_err("which Hannah Tran?"),
        "criterion",
    );
}

#[test]
fn a_risk_and_a_message_keep_their_owner_when_saved_with_the_name_unchanged() {
    let o = office();
    let risk_draft = |owner: &str| RiskDraft {
        title: "Interface vendor misses the test window".into(),
        likelihood: 3,
        impact: 4,
        mitigation: String::new(),
        owner: owner.into(),
        trigger: String::new(),
        status: RiskStatus::Open,
    };
    let risk = o
        .store
        .create_risk(&o.rollout, &risk_draft(&o.northgate.id))
        .expect("risk");
    let saved = o
        .store
        .update_risk(
            &risk.id,
            risk.row_version,
            &RiskDraft {
                likelihood: 4,
                ..risk_draft(&risk.owner_name)
            },
        )
        .expect("the likelihood saves");
    assert_eq!(saved.owner_id.as_deref(), Some(o.northgate.id.as_str()));
    let someone_elses = o
        .store
        .create_risk(&o.rollout, &risk_draft(&o.other.id))
        .expect("risk");
    asks_which(
        o.store
            .update_risk(
                &someone_elses.id,
                someone_elses.row_version,
                &risk_draft(SHARED),
            )
            .expect_err("which Hannah Tran?"),
        "risk",
    );

    let message = o
        .store
        .create_communication(
            &o.rollout,
            &CommunicationDraft {
                audience: "All staff".into(),
                channel: "Email".into(),
                message: "Go-live schedule".into(),
                send_on: "2027-01-11".into(),
                owner: o.northgate.id.clone(),
                ..CommunicationDraft::default()
            },
        )
        .expect("message");
    let saved = o
        .store
        .update_communication(
            &message.id,
            message.row_version,
            &CommunicationDraft {
                message: "Go-live schedule and reduced clinics".into(),
                owner: message.owner_name.clone(),
                ..message.draft()
            },
        )
        .expect("the message saves");
    assert_eq!(saved.owner_id.as_deref(), Some(o.northgate.id.as_str()));
}

#[test]
fn a_metric_keeps_its_owner_when_saved_with_the_name_unchanged() {
    let o = office();
    let metric = o
        .store
        .create_metric(
            &o.rollout,
            &MetricDraft {
                name: "No-show rate".into(),
                owner: o.northgate.id.clone(),
                ..MetricDraft::default()
            },
        )
        .expect("metric");
    let saved = o
        .store
        .update_metric(
            &metric.id,
            metric.row_version,
            &MetricDraft {
                definition: "Missed visits over booked visits".into(),
                owner: metric.owner_name.clone(),
                ..metric.draft()
            },
        )
        .expect("the definition saves");
    assert_eq!(saved.owner_id.as_deref(), Some(o.northgate.id.as_str()));
    let someone_elses = o
        .store
        .create_metric(
            &o.rollout,
            &MetricDraft {
                name: "Visits per week".into(),
                owner: o.other.id.clone(),
                ..MetricDraft::default()
            },
        )
        .expect("metric");
    asks_which(
        o.store
            .update_metric(
                &someone_elses.id,
                someone_elses.row_version,
                &MetricDraft {
                    owner: SHARED.into(),
                    ..someone_elses.draft()
                },
            )
            .expect_err("which Hannah Tran?"),
        "metric",
    );
}
