//! Recording a cycle's Act: adopt, adapt or abandon, with the rationale. The Act is a
//! decision like any other, so it is written into the rollout's decision log in the
//! same transaction — the title says what happens to the change, the rationale keeps
//! the person's words and the Study's sentence — and the cycle keeps the decision's id.
//! An Act before the Do window's last day is allowed and marked early, in the cycle
//! and in the decision's words.

use chrono::NaiveDate;

use super::validate::{check_act, ValidAct};
use super::{store, ActDraft, PdsaCycle};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::metrics::format::full_date;
use crate::store::editable::check_editable;
use crate::store::Tx;
use crate::time::{date_text, now, timestamp_text};
use crate::workspace::DecisionDraft;
use crate::{CoreError, Result, Store};

impl Store {
    /// Records the Act of a cycle read at `expected_row_version`, and its entry in the
    /// decision log. Refused when the cycle is in the trash, changed since, or already
    /// decided.
    pub fn record_pdsa_act(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &ActDraft,
        today: NaiveDate,
    ) -> Result<PdsaCycle> {
        self.write(|tx| record_act_in(tx, id, expected_row_version, draft, today))
    }
}

/// Records an Act and its decision inside a caller's transaction (the sample clinic
/// decides its finished cycle in the transaction that seeds it).
pub(crate) fn record_act_in(
    tx: &Tx<'_>,
    id: &str,
    expected_row_version: i64,
    draft: &ActDraft,
    today: NaiveDate,
) -> Result<PdsaCycle> {
    let (cycle, deleted) = store::cycles::fetch(tx, id, today)?;
    check_editable(
        &cycle.change,
        deleted,
        cycle.row_version,
        expected_row_version,
    )?;
    if cycle.act.is_some() {
        return Err(CoreError::Conflict(format!(
            "The Act of '{}' is recorded ({}); its decision is in the decision log.",
            cycle.change,
            cycle.act_text()
        )));
    }
    let act = check_act(draft)?;
    let decision =
        crate::workspace::insert_decision(tx, &cycle.rollout_id, &decision_of(&cycle, &act))?;
    let at = timestamp_text(now());
    store::cycles::record_act(
        tx,
        id,
        expected_row_version,
        &act,
        &decision.id,
        &at,
        &cycle.change,
    )?;
    let mut changes = ChangeSet::default();
    changes.compare("act", "", act.act.code());
    changes.compare("act_on", "", date_text(act.decided_on));
    changes.compare("act_rationale", "", act.rationale.as_str());
    changes.compare("decision", "", decision.title.as_str());
    audit::record(
        tx,
        &at,
        EntityKind::PdsaCycle,
        id,
        AuditAction::Update,
        &changes.into_changes(),
    )?;
    Ok(store::cycles::fetch(tx, id, today)?.0)
}

/// The decision-log entry of an Act.
fn decision_of(cycle: &PdsaCycle, act: &ValidAct) -> DecisionDraft {
    let mut rationale = act.rationale.clone();
    rationale.push_str(&format!("\n\nStudy: {}", cycle.study.summary));
    if super::is_early(act.decided_on, cycle.do_to) {
        rationale.push_str(&format!(
            "\nDecided early, before the Do window ended on {}.",
            full_date(cycle.do_to)
        ));
    }
    DecisionDraft {
        decided_on: date_text(act.decided_on),
        title: format!("{}: {}", act.act.label(), cycle.change),
        constraints: String::new(),
        options: "Adopt, adapt or abandon the change".to_owned(),
        choice: act.act.label().to_owned(),
        rationale,
        decided_by: act.decided_by.clone(),
        verification: format!(
            "The next values of {} (PDSA cycle {}, predicted {}).",
            cycle.metric_name,
            cycle.window_text(),
            cycle.prediction_text()
        ),
        ..DecisionDraft::default()
    }
}
