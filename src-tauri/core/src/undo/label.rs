//! A step's label, in words, from the audit entries it wrote: "Edit task “Build order
//! sets”", "Move 3 tasks", "Import 1,000 people". Written once here, so the header, the
//! toast and the history read the same.

use crate::audit::{AuditAction, EntityKind};

/// How a step's writes came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// An edit in a form, a drag, a bulk change.
    Edit,
    /// A file taken in (a roster, a task list, measurements, a bundle).
    Import,
}

/// One audit entry of a step, as the label needs it.
pub(crate) struct Written {
    pub entity: EntityKind,
    pub entity_id: String,
    pub action: AuditAction,
    pub fields: Vec<String>,
    /// The entity's name or title, when it has one.
    pub name: Option<String>,
}

/// Fields of a task that moving it on the Gantt (or shifting it) changes.
const DATE_FIELDS: &[&str] = &[
    "start",
    "due",
    "start_date",
    "due_date",
    "duration_days",
    "duration",
];

/// The label of a step that wrote `entries` (in the order written).
pub(crate) fn label(origin: Origin, entries: &[Written]) -> String {
    let Some(first) = subject(origin, entries) else {
        return "Change".to_owned();
    };
    let mut ids: Vec<&str> = entries
        .iter()
        .filter(|e| e.entity == first.entity)
        .map(|e| e.entity_id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let count = ids.len();
    let verb = match origin {
        Origin::Import => "Import",
        Origin::Edit => match first.action {
            AuditAction::Create => "Add",
            AuditAction::Update => {
                let only_dates = entries
                    .iter()
                    .filter(|e| e.entity == first.entity)
                    .all(|e| e.fields.iter().all(|f| DATE_FIELDS.contains(&f.as_str())));
                if first.entity == EntityKind::PlanTask && only_dates {
                    "Move"
                } else {
                    "Edit"
                }
            }
            AuditAction::Trash => "Delete",
            AuditAction::Restore => "Restore",
            AuditAction::Purge => "Delete",
        },
    };
    let (one, many) = noun(first.entity);
    let for_good = if first.action == AuditAction::Purge && origin == Origin::Edit {
        " for good"
    } else {
        ""
    };
    if count == 1 && origin == Origin::Edit {
        match &first.name {
            Some(name) if !name.trim().is_empty() => {
                format!("{verb} {one} “{}”{for_good}", name.trim())
            }
            _ => format!("{verb} {one}{for_good}"),
        }
    } else {
        let noun = if count == 1 { one } else { many };
        format!("{verb} {} {noun}{for_good}", thousands(count))
    }
}

/// The entry the label speaks of: a rollout the step created, else the first entry
/// written, or for an import the first record of the file (the tasks of a task list,
/// not the phases they came with).
fn subject(origin: Origin, entries: &[Written]) -> Option<&Written> {
    // A new rollout is what a step that made one is about (with the tasks of its
    // template, say, or the sample clinic's whole workspace).
    let new_rollout = entries
        .iter()
        .find(|e| e.entity == EntityKind::Rollout && e.action == AuditAction::Create);
    if new_rollout.is_some() {
        return new_rollout;
    }
    if origin == Origin::Edit {
        return entries.first();
    }
    let containers = [EntityKind::PlanPhase, EntityKind::Role];
    // The records the file held, not the phases or roles made for them (nor the
    // training a roster's new hires were then assigned, written after them).
    entries
        .iter()
        .find(|e| !containers.contains(&e.entity))
        .or_else(|| entries.first())
}

/// The label lower-cased at its start, to follow "Undo: ".
pub(crate) fn after_colon(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        // "SOP" and "PDSA" keep their capitals; only a verb's first letter drops.
        Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => label.to_owned(),
    }
}

/// A count with commas between thousands: 1,000.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The kind's noun, singular and plural, as a practice manager says it.
fn noun(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Rollout => ("rollout", "rollouts"),
        EntityKind::Person => ("person", "people"),
        EntityKind::Role => ("role", "roles"),
        EntityKind::TrainingModule => ("training module", "training modules"),
        EntityKind::TrainingRequirement => ("training requirement", "training requirements"),
        EntityKind::TrainingRecord => ("training record", "training records"),
        EntityKind::ReadinessCriterion => ("readiness criterion", "readiness criteria"),
        EntityKind::Sop => ("SOP", "SOPs"),
        EntityKind::PlanPhase => ("phase", "phases"),
        EntityKind::PlanTask => ("task", "tasks"),
        EntityKind::Risk => ("risk", "risks"),
        EntityKind::Decision => ("decision", "decisions"),
        EntityKind::Communication => ("message", "messages"),
        EntityKind::Stakeholder => ("stakeholder", "stakeholders"),
        EntityKind::ScopeChange => ("scope change", "scope changes"),
        EntityKind::Metric => ("metric", "metrics"),
        EntityKind::MetricThreshold => ("threshold", "thresholds"),
        EntityKind::MetricMeasurement => ("measurement", "measurements"),
        EntityKind::WeeklyStatus => ("weekly status", "weekly statuses"),
        EntityKind::Debrief => ("debrief", "debriefs"),
        EntityKind::PdsaCycle => ("PDSA cycle", "PDSA cycles"),
        EntityKind::Programme => ("programme", "programmes"),
        EntityKind::PlanBaseline => ("baseline", "baselines"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(
        entity: EntityKind,
        id: &str,
        action: AuditAction,
        fields: &[&str],
        name: &str,
    ) -> Written {
        Written {
            entity,
            entity_id: id.to_owned(),
            action,
            fields: fields.iter().map(|f| (*f).to_owned()).collect(),
            name: Some(name.to_owned()),
        }
    }

    #[test]
    fn a_label_says_what_was_done_to_what() {
        let edit = [written(
            EntityKind::PlanTask,
            "a",
            AuditAction::Update,
            &["title"],
            "Build order sets",
        )];
        assert_eq!(label(Origin::Edit, &edit), "Edit task “Build order sets”");
        let moved: Vec<Written> = ["a", "b", "c"]
            .iter()
            .map(|id| {
                written(
                    EntityKind::PlanTask,
                    id,
                    AuditAction::Update,
                    &["start", "due"],
                    "x",
                )
            })
            .collect();
        assert_eq!(label(Origin::Edit, &moved), "Move 3 tasks");
        assert_eq!(after_colon("Move 3 tasks"), "move 3 tasks");
        assert_eq!(
            after_colon("SOP approved"),
            "SOP approved",
            "an acronym keeps its capitals"
        );
        let imported: Vec<Written> = (0..1000)
            .map(|i| {
                written(
                    EntityKind::Person,
                    &i.to_string(),
                    AuditAction::Create,
                    &[],
                    "p",
                )
            })
            .collect();
        assert_eq!(label(Origin::Import, &imported), "Import 1,000 people");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(
            label(Origin::Edit, &[]),
            "Change",
            "a write with no history still has a name"
        );
    }
}
