//! The SOP library: 500 procedures in families with their code prefixes (FD-012, CL-031),
//! 10 to 50 steps each, exceptions, owners from the directory. Most are approved — some
//! through two or three versions, some with the next version in draft — a few are still
//! drafts or in review, a few retired; review dates fall so that some are due this month
//! and some are overdue.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::people::SITES;
use super::rng::Rng;
use super::sop_text::{StepText, CONTEXTS, EXCEPTIONS, FAMILIES, SHARED_STEPS};
use crate::plan::add_days;
use crate::sops::{approve_in, insert_sop, update_in, SopDraft, SopException, SopStatus, Step};
use crate::Result;

/// The longest procedure: the first one has exactly this many steps.
const MAX_STEPS: usize = 50;

/// Writes `count` SOPs; returns their ids, the first with 50 steps.
pub(super) fn seed(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    count: usize,
    people_by_role: &HashMap<&str, Vec<String>>,
    approvers: &[String],
    today: NaiveDate,
) -> Result<Vec<String>> {
    let mut numbers: HashMap<&str, usize> = HashMap::new();
    let mut ids = Vec::with_capacity(count);
    for index in 0..count {
        let (prefix, tag, owner_role, topics) = FAMILIES[index % FAMILIES.len()];
        let round = index / FAMILIES.len();
        let (topic, purpose, steps) = topics[round % topics.len()];
        let variant = round / topics.len();
        let title = match variant {
            0 => topic.to_owned(),
            v if v <= SITES.len() => format!("{topic}: {}", SITES[v - 1]),
            v => format!(
                "{topic}: {}",
                CONTEXTS[(v - SITES.len() - 1) % CONTEXTS.len()]
            ),
        };
        let scope = match variant {
            0 => "All sites, all visit types.".to_owned(),
            v if v <= SITES.len() => format!("{}, all visit types.", SITES[v - 1]),
            _ => "All sites.".to_owned(),
        };
        let number = numbers.entry(prefix).or_insert(0);
        *number += 1;
        let owner = people_by_role
            .get(owner_role)
            .filter(|names| !names.is_empty())
            .map(|names| rng.pick(names).clone())
            .unwrap_or_default();
        let step_count = if index == 0 {
            MAX_STEPS
        } else {
            rng.between(10, 50) as usize
        };
        let draft = SopDraft {
            code: format!("{prefix}-{number:03}"),
            title,
            purpose: purpose.to_owned(),
            scope,
            owner,
            status: SopStatus::Draft,
            review_interval_months: *rng.pick(&[12, 12, 12, 12, 6, 24]),
            tags: vec![tag.to_owned()],
            steps: procedure(rng, steps, step_count),
            exceptions: exceptions(rng),
            ..SopDraft::default()
        };
        ids.push(write(tx, rng, draft, approvers, today)?);
    }
    Ok(ids)
}

/// Inserts one SOP and takes it through its history.
fn write(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    mut draft: SopDraft,
    approvers: &[String],
    today: NaiveDate,
) -> Result<String> {
    let fate = rng.unit();
    if fate < 0.15 {
        draft.status = if fate < 0.08 {
            SopStatus::Draft
        } else {
            SopStatus::InReview
        };
        return Ok(insert_sop(tx, &draft)?.id);
    }
    let interval = draft.review_interval_months * 30;
    // The version in force took effect within its review interval, or (for about one
    // in ten) long enough ago that its review is overdue.
    let latest = if rng.chance(0.1) {
        add_days(today, -rng.between(interval + 1, interval + 400))
    } else {
        add_days(today, -rng.between(0, interval - 1))
    };
    let versions = match rng.unit() {
        r if r < 0.6 => 1,
        r if r < 0.9 => 2,
        _ => 3,
    };
    let mut sop = insert_sop(tx, &draft)?;
    for version in 1..=versions {
        let effective = add_days(latest, -(versions - version) * rng.between(180, 540));
        sop = approve_in(tx, &sop, rng.pick(approvers).as_str(), effective)?.snapshot;
        if version < versions {
            sop = update_in(tx, &sop.id, sop.row_version, &revised(rng, sop.draft()))?;
        }
    }
    if fate < 0.18 {
        let mut retired = sop.draft();
        retired.status = SopStatus::Retired;
        update_in(tx, &sop.id, sop.row_version, &retired)?;
    } else if rng.chance(0.12) {
        update_in(tx, &sop.id, sop.row_version, &revised(rng, sop.draft()))?;
    }
    Ok(sop.id)
}

/// The next version's edit: a step added (up to 50), an instruction sharpened, or an
/// exception learned the hard way.
fn revised(rng: &mut Rng, mut draft: SopDraft) -> SopDraft {
    match rng.below(3) {
        0 if draft.steps.len() < MAX_STEPS => {
            let &(role, instruction, check) = rng.pick(SHARED_STEPS);
            let at = rng.below(draft.steps.len() + 1);
            draft.steps.insert(at, step(role, instruction, check));
        }
        1 if !draft.steps.is_empty() => {
            let at = rng.below(draft.steps.len());
            draft.steps[at]
                .instruction
                .push_str(" Record it in the EHR, not on paper.");
        }
        _ => {
            let &(trigger, action, escalate_to, within, evidence) = rng.pick(EXCEPTIONS);
            draft.exceptions.push(SopException {
                trigger: format!("{trigger} (added after a near miss)"),
                action: action.to_owned(),
                escalate_to: escalate_to.to_owned(),
                within: within.to_owned(),
                evidence: evidence.to_owned(),
                step_id: None,
            });
        }
    }
    draft
}

/// `count` steps: the procedure's own, then some of the shared ones in their order;
/// a long procedure then repeats them for each setting that needs its own (new
/// patients, telehealth, ...).
fn procedure(rng: &mut Rng, own: &[StepText], count: usize) -> Vec<Step> {
    let mut base: Vec<&StepText> = own.iter().collect();
    // An ordered random choice of the shared steps that fit.
    let mut left = count.saturating_sub(own.len()).min(SHARED_STEPS.len());
    for (i, shared) in SHARED_STEPS.iter().enumerate() {
        if rng.below(SHARED_STEPS.len() - i) < left {
            base.push(shared);
            left -= 1;
        }
    }
    let mut steps: Vec<Step> = base
        .iter()
        .take(count)
        .map(|&&(role, instruction, check)| step(role, instruction, check))
        .collect();
    let pool: Vec<&StepText> = own.iter().chain(SHARED_STEPS).collect();
    let first = rng.below(CONTEXTS.len());
    for round in 0.. {
        if steps.len() >= count {
            break;
        }
        let context = CONTEXTS[(first + round) % CONTEXTS.len()];
        for &&(role, instruction, check) in pool.iter().take(count - steps.len()) {
            let mut letters = instruction.chars();
            let lowered: String = letters
                .next()
                .map(|c| c.to_lowercase().collect::<String>())
                .unwrap_or_default();
            steps.push(step(
                role,
                &format!("{context}: {lowered}{}", letters.as_str()),
                check,
            ));
        }
    }
    steps
}

fn exceptions(rng: &mut Rng) -> Vec<SopException> {
    let first = rng.below(EXCEPTIONS.len());
    (0..rng.below(5))
        .map(|k| {
            let (trigger, action, escalate_to, within, evidence) =
                EXCEPTIONS[(first + k * 3) % EXCEPTIONS.len()];
            SopException {
                trigger: trigger.into(),
                action: action.into(),
                escalate_to: escalate_to.into(),
                within: within.into(),
                evidence: evidence.into(),
                step_id: None,
            }
        })
        .collect()
}

fn step(role: &str, instruction: &str, quality_check: &str) -> Step {
    Step {
        id: String::new(),
        role: role.into(),
        instruction: instruction.into(),
        quality_check: quality_check.into(),
    }
}
