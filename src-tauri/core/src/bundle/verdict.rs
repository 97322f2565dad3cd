//! The readiness a bundle carries: written with the bundle, weighed again when it is
//! imported, so a colleague is told before importing whether — and why — the rollout
//! will read differently in their database. The usual why: a bundle sent without people
//! carries no training records, so the people it names count as untrained.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::format::{Bundle, SentReadiness};
use crate::metrics::format::full_date;
use crate::readiness::{readiness_in, CriterionStatus, Readiness, Verdict};
use crate::store::Conn;
use crate::Result;

/// How many new blocking hard gates an explanation names before "and N more".
const GATES_NAMED: usize = 5;

impl SentReadiness {
    /// What the sender sees on `as_of`: the verdict, score, training and the hard gates
    /// holding it back.
    pub(super) fn of(readiness: &Readiness, as_of: NaiveDate) -> Self {
        Self {
            as_of,
            verdict: readiness.verdict,
            score: readiness.score,
            people: readiness.training.people,
            trained: readiness.training.trained,
            blocking: blocking_gates(readiness),
        }
    }
}

/// How the rollout's readiness in this database differs from what its sender saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReadinessChange {
    /// The day the sender's figures are from; this database is weighed on the same day,
    /// so the passing of time is not mistaken for a change.
    pub as_of: NaiveDate,
    pub sent_verdict: Verdict,
    pub sent_score: i64,
    pub sent_trained: i64,
    pub sent_people: i64,
    pub verdict: Verdict,
    pub score: i64,
    pub trained: i64,
    pub people: i64,
    /// Hard gates that block go-live here but did not for the sender.
    pub new_blocking: Vec<String>,
    /// All of it in words, as the import preview says it.
    pub explanation: String,
}

/// The rollout of `bundle`, as it stands in `conn` (after the import's writes), weighed
/// against the readiness the bundle carried; `None` when they agree or the bundle
/// carried none.
pub(super) fn readiness_change(conn: &Conn, bundle: &Bundle) -> Result<Option<ReadinessChange>> {
    let Some(sent) = &bundle.readiness_as_sent else {
        return Ok(None);
    };
    let here = readiness_in(conn, &bundle.rollout.id, sent.as_of)?;
    let same = here.verdict == sent.verdict
        && here.score == sent.score
        && here.training.trained == sent.trained
        && here.training.people == sent.people;
    if same {
        return Ok(None);
    }
    let new_blocking: Vec<String> = blocking_gates(&here)
        .into_iter()
        .filter(|gate| !sent.blocking.contains(gate))
        .collect();
    let explanation = explain(sent, &here, &new_blocking, bundle.include_people);
    Ok(Some(ReadinessChange {
        as_of: sent.as_of,
        sent_verdict: sent.verdict,
        sent_score: sent.score,
        sent_trained: sent.trained,
        sent_people: sent.people,
        verdict: here.verdict,
        score: here.score,
        trained: here.training.trained,
        people: here.training.people,
        new_blocking,
        explanation,
    }))
}

fn blocking_gates(readiness: &Readiness) -> Vec<String> {
    readiness
        .signals
        .iter()
        .filter(|s| s.hard_gate && s.status != CriterionStatus::Met)
        .map(|s| s.label.clone())
        .collect()
}

fn explain(
    sent: &SentReadiness,
    here: &Readiness,
    new_blocking: &[String],
    include_people: bool,
) -> String {
    let mut text = format!(
        "After importing, readiness will read {} at {}/100 here, where the sender saw {} at \
         {}/100 on {}.",
        here.verdict.label(),
        here.score,
        sent.verdict.label(),
        sent.score,
        full_date(sent.as_of)
    );
    let training_differs =
        here.training.trained != sent.trained || here.training.people != sent.people;
    if training_differs {
        let theirs = format!("{} of {}", sent.trained, sent.people);
        let ours = format!("{} of {}", here.training.trained, here.training.people);
        if include_people {
            text.push_str(&format!(
                " Training reads {ours} fully trained here, where the sender had {theirs}: \
                 the people and training records already in this database count too."
            ));
        } else {
            text.push_str(&format!(
                " The bundle was sent without people, so it carries no training records: \
                 the people it names count as untrained here ({ours} fully trained, where \
                 the sender had {theirs})."
            ));
        }
    } else {
        text.push_str(
            " Records already in this database, and the choices made for records that \
             differ, weigh differently from the sender's.",
        );
    }
    if !new_blocking.is_empty() {
        let named: Vec<&str> = new_blocking
            .iter()
            .take(GATES_NAMED)
            .map(String::as_str)
            .collect();
        let more = new_blocking.len().saturating_sub(GATES_NAMED);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        text.push_str(&format!(
            " Hard gates that will block go-live here but not for the sender: {}{more}.",
            named.join(", ")
        ));
    }
    if training_differs && !include_people {
        text.push_str(
            " Ask the sender for a bundle that includes people, or record their training \
             here after importing.",
        );
    }
    text
}
