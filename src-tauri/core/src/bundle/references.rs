//! Every id the bundle refers to must be in the bundle or already in this database;
//! otherwise the bundle is refused, naming the record and the missing reference.

use std::collections::BTreeSet;

use rusqlite::Connection;

use super::format::Bundle;
use super::parse::refused;
use super::queries::exists;
use super::record::Record;
use crate::Result;

pub(super) fn check_references(conn: &Connection, bundle: &Bundle) -> Result<()> {
    let check = References { conn };
    let phases = ids(&bundle.phases);
    let tasks = ids(&bundle.tasks);
    let people = ids(&bundle.people);
    let roles = ids(&bundle.roles);
    let modules = ids(&bundle.training_modules);
    let metrics = ids(&bundle.metrics);
    let sops = ids(&bundle.sops);
    let phase = Target {
        known: &phases,
        table: "plan_phases",
        what: "phase",
    };
    let task = Target {
        known: &tasks,
        table: "plan_tasks",
        what: "task",
    };
    let person = Target {
        known: &people,
        table: "people",
        what: "person",
    };
    let role = Target {
        known: &roles,
        table: "roles",
        what: "role",
    };
    let module = Target {
        known: &modules,
        table: "training_modules",
        what: "training module",
    };
    let metric = Target {
        known: &metrics,
        table: "metrics",
        what: "metric",
    };
    let sop = Target {
        known: &sops,
        table: "sops",
        what: "SOP",
    };

    for t in &bundle.tasks {
        check.optional(t, "phase_id", t.phase_id.as_deref(), &phase)?;
        check.optional(t, "owner_id", t.owner_id.as_deref(), &person)?;
    }
    for d in &bundle.dependencies {
        for id in [&d.task_id, &d.depends_on_id] {
            if !check.found(id, &task)? {
                return Err(refused(format!(
                    "dependencies: a dependency between tasks {} and {} refers to task {id}, \
                     which is neither in the bundle nor in this database.",
                    d.task_id, d.depends_on_id
                )));
            }
        }
    }
    for c in &bundle.criteria {
        check.optional(c, "owner_id", c.owner_id.as_deref(), &person)?;
    }
    for r in &bundle.risks {
        check.optional(r, "owner_id", r.owner_id.as_deref(), &person)?;
    }
    for c in &bundle.communications {
        check.optional(c, "owner_id", c.owner_id.as_deref(), &person)?;
    }
    for s in &bundle.stakeholders {
        check.optional(s, "person_id", s.person_id.as_deref(), &person)?;
    }
    for r in &bundle.training_requirements {
        check.required(r, "role_id", &r.role_id, &role)?;
        check.required(r, "module_id", &r.module_id, &module)?;
    }
    for m in &bundle.metrics {
        check.optional(m, "owner_id", m.owner_id.as_deref(), &person)?;
    }
    for t in &bundle.metric_thresholds {
        check.required(t, "metric_id", &t.metric_id, &metric)?;
        check.optional(t, "owner_id", t.owner_id.as_deref(), &person)?;
    }
    for m in &bundle.metric_measurements {
        check.required(m, "metric_id", &m.metric_id, &metric)?;
    }
    let decisions = ids(&bundle.decisions);
    let decision = Target {
        known: &decisions,
        table: "decisions",
        what: "decision",
    };
    for c in &bundle.pdsa_cycles {
        check.required(c, "metric_id", &c.metric_id, &metric)?;
        check.optional(c, "decision_id", c.decision_id.as_deref(), &decision)?;
    }
    for r in &bundle.sop_revisions {
        check.required(r, "sop_id", &r.sop_id, &sop)?;
    }
    for p in &bundle.people {
        check.optional(p, "role_id", p.role_id.as_deref(), &role)?;
    }
    for r in &bundle.training_records {
        check.required(r, "person_id", &r.person_id, &person)?;
        check.required(r, "module_id", &r.module_id, &module)?;
        check.optional(r, "verified_by", r.verified_by.as_deref(), &person)?;
    }
    Ok(())
}

fn ids<R: Record>(records: &[R]) -> BTreeSet<&str> {
    records.iter().map(Record::id).collect()
}

/// Where a reference may point: the bundle's own section, or a table here.
struct Target<'a> {
    known: &'a BTreeSet<&'a str>,
    table: &'static str,
    what: &'static str,
}

struct References<'c> {
    conn: &'c Connection,
}

impl References<'_> {
    fn found(&self, id: &str, target: &Target<'_>) -> Result<bool> {
        if target.known.contains(id) {
            return Ok(true);
        }
        exists(self.conn, target.table, id)
    }

    fn required<R: Record>(
        &self,
        record: &R,
        field: &str,
        id: &str,
        target: &Target<'_>,
    ) -> Result<()> {
        if self.found(id, target)? {
            return Ok(());
        }
        Err(refused(format!(
            "{}: '{}' (id {}) refers in {field} to {} {id}, which is neither in the bundle \
             nor in this database.",
            R::SECTION,
            record.label(),
            record.id(),
            target.what
        )))
    }

    fn optional<R: Record>(
        &self,
        record: &R,
        field: &str,
        id: Option<&str>,
        target: &Target<'_>,
    ) -> Result<()> {
        match id {
            Some(id) => self.required(record, field, id, target),
            None => Ok(()),
        }
    }
}
