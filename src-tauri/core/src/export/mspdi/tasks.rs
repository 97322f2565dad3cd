//! The plan laid out as MS Project's outline — each phase a summary task at level 1 with
//! its tasks at level 2, tasks without a phase at level 1 after them — and written as
//! `<Tasks>`, `<Resources>` and `<Assignments>`. UIDs and IDs are the rows' positions,
//! from 1, which is how MS Project numbers a new plan.

use std::collections::HashMap;
use std::io;

use chrono::{Datelike, NaiveDate};

use super::{Xml, STATUS_FIELD_ID};
use crate::export::RolloutReport;
use crate::plan::mspdi::{mspdi_type, LAG_UNITS_PER_ELAPSED_DAY};
use crate::plan::{LinkType, Task, TaskKind, TaskStatus};

/// The plan in outline order, ready to write.
pub(super) struct Outline<'r> {
    pub rows: Vec<Row<'r>>,
    /// One resource per owner, in the order the plan first names them.
    pub resources: Vec<&'r str>,
    pub start: Option<NaiveDate>,
    pub finish: Option<NaiveDate>,
}

/// One task of the outline: a phase's summary task, or a plan task.
pub(super) struct Row<'r> {
    pub uid: usize,
    pub name: &'r str,
    pub level: u8,
    /// "2.3": the phase's number, then the task's within it.
    pub outline_number: String,
    pub start: Option<NaiveDate>,
    pub finish: Option<NaiveDate>,
    /// The plan task, for a row that is one.
    pub task: Option<&'r Task>,
    pub links: Vec<Link>,
    /// The resource's UID for the task's owner.
    pub resource: Option<usize>,
}

pub(super) struct Link {
    pub predecessor_uid: usize,
    pub kind: LinkType,
    pub lag_days: i32,
}

/// Lays out `report`'s plan.
pub(super) fn outline(report: &RolloutReport) -> Outline<'_> {
    let mut rows: Vec<Row<'_>> = Vec::new();
    let mut top = 0;
    for phase in &report.phases {
        let tasks: Vec<&Task> = report
            .tasks
            .iter()
            .filter(|t| t.phase_id.as_deref() == Some(phase.id.as_str()))
            .collect();
        top += 1;
        add(&mut rows, &phase.name, 1, top.to_string(), None);
        for (task, number) in tasks.into_iter().zip(1..) {
            add(
                &mut rows,
                &task.title,
                2,
                format!("{top}.{number}"),
                Some(task),
            );
        }
    }
    let phase_ids: Vec<&str> = report.phases.iter().map(|p| p.id.as_str()).collect();
    for task in &report.tasks {
        if task
            .phase_id
            .as_deref()
            .is_none_or(|id| !phase_ids.contains(&id))
        {
            top += 1;
            add(&mut rows, &task.title, 1, top.to_string(), Some(task));
        }
    }
    let uid_of: HashMap<&str, usize> = rows
        .iter()
        .filter_map(|r| r.task.map(|t| (t.id.as_str(), r.uid)))
        .collect();
    let mut resources: Vec<&str> = Vec::new();
    for row in &mut rows {
        let Some(task) = row.task else { continue };
        row.links = task
            .depends_on
            .iter()
            .filter_map(|link| {
                Some(Link {
                    predecessor_uid: *uid_of.get(link.depends_on_id.as_str())?,
                    kind: link.link_type,
                    lag_days: link.lag_days,
                })
            })
            .collect();
        if !task.owner_name.is_empty() {
            let at = match resources.iter().position(|&r| r == task.owner_name) {
                Some(at) => at,
                None => {
                    resources.push(&task.owner_name);
                    resources.len() - 1
                }
            };
            row.resource = Some(at + 1);
        }
    }
    // A phase spans its tasks.
    let mut at = 0;
    while at < rows.len() {
        if rows[at].task.is_none() {
            let children = rows[at + 1..]
                .iter()
                .take_while(|r| r.level > 1)
                .collect::<Vec<_>>();
            let start = children.iter().filter_map(|r| r.start).min();
            let finish = children.iter().filter_map(|r| r.finish).max();
            rows[at].start = start;
            rows[at].finish = finish;
        }
        at += 1;
    }
    Outline {
        start: rows.iter().filter_map(|r| r.start).min(),
        finish: rows.iter().filter_map(|r| r.finish).max(),
        rows,
        resources,
    }
}

/// Adds a row at the end of the outline, numbered after the others.
fn add<'r>(
    rows: &mut Vec<Row<'r>>,
    name: &'r str,
    level: u8,
    outline_number: String,
    task: Option<&'r Task>,
) {
    rows.push(Row {
        uid: rows.len() + 1,
        name,
        level,
        outline_number,
        start: task.and_then(task_start),
        finish: task.and_then(task_finish),
        task,
        links: Vec::new(),
        resource: None,
    });
}

fn task_start(task: &Task) -> Option<NaiveDate> {
    match task.kind {
        TaskKind::Milestone => task.due_date.or(task.start_date),
        TaskKind::Task => task.start_date.or(task.due_date),
    }
}

fn task_finish(task: &Task) -> Option<NaiveDate> {
    task.due_date.or(task.start_date)
}

/// A day's start and end in the Standard calendar, as MSPDI writes a date and time.
pub(super) fn at_start(day: NaiveDate) -> String {
    format!("{day}T08:00:00")
}

pub(super) fn at_finish(day: NaiveDate) -> String {
    format!("{day}T17:00:00")
}

/// Monday-to-Friday days from `start` to `finish`, both counted: the task's duration
/// in the Standard calendar (at least one day, for a task that sits on a weekend).
fn working_days(start: NaiveDate, finish: NaiveDate) -> i64 {
    let total = (finish - start).num_days() + 1;
    let first = i64::from(start.weekday().num_days_from_monday());
    // Whole weeks hold five each; the days left over start on `start`'s weekday.
    let rest = (0..total % 7)
        .filter(|offset| (first + offset) % 7 < 5)
        .count() as i64;
    (total / 7 * 5 + rest).max(1)
}

/// What MS Project shows as % complete for a status.
fn percent_complete(status: TaskStatus) -> u8 {
    match status {
        TaskStatus::Todo => 0,
        TaskStatus::Doing | TaskStatus::Blocked => 50,
        TaskStatus::Done => 100,
    }
}

pub(super) fn write_tasks(xml: &mut Xml, plan: &Outline<'_>) -> io::Result<()> {
    xml.open("Tasks")?;
    for row in &plan.rows {
        let milestone = row.task.is_some_and(|t| t.kind == TaskKind::Milestone);
        xml.open("Task")?;
        xml.leaf("UID", row.uid)?;
        xml.leaf("ID", row.uid)?;
        xml.leaf("Name", row.name)?;
        // 1: fixed duration, the plan's dates being what it knows.
        xml.leaf("Type", 1)?;
        xml.leaf("IsNull", 0)?;
        xml.leaf("OutlineNumber", &row.outline_number)?;
        xml.leaf("OutlineLevel", row.level)?;
        if let Some(start) = row.start {
            xml.leaf("Start", at_start(start))?;
        }
        if let (Some(start), Some(finish)) = (row.start, row.finish) {
            if milestone {
                xml.leaf("Finish", at_start(finish))?;
                xml.leaf("Duration", "PT0H0M0S")?;
            } else {
                xml.leaf("Finish", at_finish(finish))?;
                xml.leaf(
                    "Duration",
                    format!("PT{}H0M0S", 8 * working_days(start, finish)),
                )?;
            }
            xml.leaf("DurationFormat", 7)?;
        }
        xml.leaf("Milestone", u8::from(milestone))?;
        xml.leaf("Summary", u8::from(row.task.is_none()))?;
        let Some(task) = row.task else {
            xml.close("Task")?;
            continue;
        };
        xml.leaf("PercentComplete", percent_complete(task.status))?;
        // "Start no earlier than" the plan's start keeps MS Project from moving the task
        // to the project's first day; without a start, as soon as possible.
        match row.start {
            Some(start) => {
                xml.leaf("ConstraintType", 4)?;
                xml.leaf("ConstraintDate", at_start(start))?;
            }
            None => xml.leaf("ConstraintType", 0)?,
        }
        if !task.notes.is_empty() {
            xml.leaf("Notes", &task.notes)?;
        }
        for link in &row.links {
            xml.open("PredecessorLink")?;
            xml.leaf("PredecessorUID", link.predecessor_uid)?;
            xml.leaf("Type", mspdi_type(link.kind))?;
            xml.leaf("CrossProject", 0)?;
            // The plan's lags are calendar days, which MS Project calls elapsed days
            // (format 8): "2 edays" runs over a weekend as the plan's 2 days do.
            xml.leaf(
                "LinkLag",
                i64::from(link.lag_days) * LAG_UNITS_PER_ELAPSED_DAY as i64,
            )?;
            xml.leaf("LagFormat", 8)?;
            xml.close("PredecessorLink")?;
        }
        xml.open("ExtendedAttribute")?;
        xml.leaf("FieldID", STATUS_FIELD_ID)?;
        xml.leaf("Value", task.status.label())?;
        xml.close("ExtendedAttribute")?;
        xml.close("Task")?;
    }
    xml.close("Tasks")
}

pub(super) fn write_resources(xml: &mut Xml, plan: &Outline<'_>) -> io::Result<()> {
    xml.open("Resources")?;
    for (name, uid) in plan.resources.iter().zip(1..) {
        xml.open("Resource")?;
        xml.leaf("UID", uid)?;
        xml.leaf("ID", uid)?;
        xml.leaf("Name", name)?;
        // 1: a work resource, a person.
        xml.leaf("Type", 1)?;
        xml.leaf("IsNull", 0)?;
        xml.close("Resource")?;
    }
    xml.close("Resources")?;
    xml.open("Assignments")?;
    let assigned = plan.rows.iter().filter_map(|r| Some((r.uid, r.resource?)));
    for ((task_uid, resource_uid), uid) in assigned.zip(1..) {
        xml.open("Assignment")?;
        xml.leaf("UID", uid)?;
        xml.leaf("TaskUID", task_uid)?;
        xml.leaf("ResourceUID", resource_uid)?;
        xml.leaf("Units", 1)?;
        xml.close("Assignment")?;
    }
    xml.close("Assignments")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_lasts_its_weekdays_in_the_standard_calendar() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2027, 1, d).expect("date");
        // January 11, 2027 is a Monday.
        assert_eq!(working_days(day(11), day(15)), 5, "Monday to Friday");
        assert_eq!(working_days(day(11), day(18)), 6, "over a weekend");
        assert_eq!(working_days(day(11), day(25)), 11, "two weeks and a day");
        assert_eq!(
            working_days(day(16), day(17)),
            1,
            "a weekend task is a day at least"
        );
        assert_eq!(working_days(day(15), day(15)), 1, "one Friday");
    }
}
