//! The two relations without ids of their own: task dependencies and the link between
//! an SOP and this rollout. Both are merged by their pair of ids.

use super::format::{BundleDependency, BundleSop};
use super::import::{Decision, Merge};
use super::queries::{dependency_exists, insert_sop_link, sop_relation, update_sop_link};
use crate::audit::{self, AuditAction, EntityKind, FieldChange};
use crate::plan::{DependencyGraph, TaskLink};
use crate::Result;

/// A dependency is added unless already there; never a conflict (a plan may have more
/// dependencies here than in the bundle). One that would close a loop with a dependency
/// added here is refused, naming the loop.
pub(super) fn merge_dependencies(
    merge: &mut Merge<'_, '_>,
    incoming: &[BundleDependency],
) -> Result<()> {
    merge.report.counts("dependencies");
    let mut graph = DependencyGraph::load(merge.tx, &merge.rollout_id)?;
    for dependency in incoming {
        let exists = dependency_exists(merge.tx, &dependency.task_id, &dependency.depends_on_id)?;
        let decision = if exists {
            Decision::Skip
        } else {
            graph.insert(
                merge.tx,
                &dependency.task_id,
                &TaskLink::finish_to_start(&dependency.depends_on_id),
            )?;
            Decision::Add
        };
        merge.count("dependencies", Some(&decision));
    }
    Ok(())
}

/// Links each SOP to the rollout with the bundle's relation; a different relation here
/// is a conflict like any other.
pub(super) fn merge_sop_links(merge: &mut Merge<'_, '_>, sops: &[BundleSop]) -> Result<()> {
    const SECTION: &str = "sop_links";
    merge.report.counts(SECTION);
    for sop in sops {
        let theirs = sop.relation.code();
        let mine = sop_relation(merge.tx, &sop.id, &merge.rollout_id)?;
        let decision = match &mine {
            None => Some(Decision::Add),
            Some(mine) => {
                let fields = if mine == theirs {
                    Vec::new()
                } else {
                    vec![FieldChange {
                        field: "relation".into(),
                        old: Some(mine.clone()),
                        new: Some(theirs.to_owned()),
                    }]
                };
                let label = format!("{} {}", sop.code, sop.title);
                merge.decide(SECTION, &sop.id, &label, &fields, true)
            }
        };
        let written = match decision {
            Some(Decision::Add) => {
                insert_sop_link(merge.tx, &sop.id, &merge.rollout_id, theirs, &merge.at)?
            }
            Some(Decision::Update) => {
                update_sop_link(merge.tx, &sop.id, &merge.rollout_id, theirs)?
            }
            _ => 0,
        };
        if written > 0 {
            // Worded as the SOP screen words a link change: "rollout: <name> (<relation>)".
            let describe = |code: &str| format!("{} ({code})", merge.report.rollout_name);
            let change = FieldChange {
                field: "rollout".into(),
                old: mine.as_deref().map(describe),
                new: Some(describe(theirs)),
            };
            audit::record(
                merge.tx,
                &merge.at,
                EntityKind::Sop,
                &sop.id,
                AuditAction::Update,
                &[change],
            )?;
        }
        merge.count(SECTION, decision.as_ref());
    }
    Ok(())
}
