//! The parts of an MSPDI `<Project>` the plan uses — tasks with their outline, dates,
//! progress, notes, constraints and predecessor links; resources; assignments — read
//! from the element tree into plain values. Anything a person would have to fix (a
//! date that is not one, a finish before its start) is refused here with the task's
//! name and UID, before any row is built.

use chrono::NaiveDate;

use super::super::LinkType;
use super::xml::Element;
use super::{LAG_UNITS_PER_ELAPSED_DAY, LAG_UNITS_PER_WORKING_DAY, STATUS_FIELD_ALIAS};

/// The plan as MSPDI holds it.
#[derive(Debug, Default)]
pub(super) struct MsProject {
    pub tasks: Vec<MsTask>,
    pub resources: Vec<MsResource>,
    pub assignments: Vec<MsAssignment>,
}

/// One `<Task>`, summary tasks included.
#[derive(Debug, Default)]
pub(super) struct MsTask {
    pub uid: i64,
    pub id: Option<i64>,
    pub name: String,
    /// 1 for top-level tasks; the project summary task is 0.
    pub outline_level: usize,
    /// "2.3.1" as numbers; empty when the file gives none.
    pub outline_number: Vec<u32>,
    pub summary: bool,
    pub start: Option<NaiveDate>,
    pub finish: Option<NaiveDate>,
    pub milestone: bool,
    /// As the file writes it ("45"); empty when absent.
    pub percent_complete: String,
    /// The status Rollplan wrote in its own custom field, when the file came from it
    /// (MS Project has no "blocked"); empty otherwise.
    pub status: String,
    pub notes: String,
    /// A constraint other than "As soon as possible" (which the plan does not keep).
    pub constrained: bool,
    pub links: Vec<MsLink>,
}

/// One `<PredecessorLink>`: this task follows `predecessor_uid`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct MsLink {
    pub predecessor_uid: i64,
    pub kind: LinkType,
    /// The lag in whole days; negative is a lead.
    pub lag_days: i64,
    /// The lag was a percentage of the predecessor's length, which is read as none.
    pub percent_lag: bool,
}

#[derive(Debug)]
pub(super) struct MsResource {
    pub uid: i64,
    pub name: String,
    pub email: String,
}

#[derive(Debug)]
pub(super) struct MsAssignment {
    pub task_uid: i64,
    pub resource_uid: i64,
}

/// Reads the project's tasks, resources and assignments.
pub(super) fn read_project(root: &Element) -> Result<MsProject, String> {
    let mut project = MsProject::default();
    // The custom field Rollplan writes the status in, found by its name: a vendor's
    // own custom fields mean something else.
    let status_field = root
        .child("ExtendedAttributes")
        .into_iter()
        .flat_map(|a| a.all("ExtendedAttribute"))
        .find(|field| field.text_of("Alias") == STATUS_FIELD_ALIAS)
        .map(|field| field.text_of("FieldID"));
    for task in root.child("Tasks").into_iter().flat_map(|t| t.all("Task")) {
        // MS Project writes a blank row of the sheet as a task with IsNull set.
        if task.text_of("IsNull") == "1" {
            continue;
        }
        let mut read = read_task(task)?;
        if let Some(field) = status_field {
            read.status = task
                .all("ExtendedAttribute")
                .find(|value| value.text_of("FieldID") == field)
                .map_or_else(String::new, |value| value.text_of("Value").to_owned());
        }
        project.tasks.push(read);
    }
    for resource in root
        .child("Resources")
        .into_iter()
        .flat_map(|r| r.all("Resource"))
    {
        let Some(uid) = number(resource.text_of("UID")) else {
            continue;
        };
        project.resources.push(MsResource {
            uid,
            name: resource.text_of("Name").to_owned(),
            email: resource.text_of("EmailAddress").to_owned(),
        });
    }
    for assignment in root
        .child("Assignments")
        .into_iter()
        .flat_map(|a| a.all("Assignment"))
    {
        let task_uid = number(assignment.text_of("TaskUID"));
        let resource_uid = number(assignment.text_of("ResourceUID"));
        if let (Some(task_uid), Some(resource_uid)) = (task_uid, resource_uid) {
            project.assignments.push(MsAssignment {
                task_uid,
                resource_uid,
            });
        }
    }
    Ok(project)
}

fn read_task(task: &Element) -> Result<MsTask, String> {
    let name = task.text_of("Name").to_owned();
    let uid_text = task.text_of("UID");
    let uid = number(uid_text).ok_or_else(|| {
        format!("the task '{name}' has no UID (or '{uid_text}', which is not a number)")
    })?;
    let which = format!("'{name}' (UID {uid})");
    let outline_number: Vec<u32> = task
        .text_of("OutlineNumber")
        .split('.')
        .map(|part| part.trim().parse::<u32>())
        .collect::<Result<_, _>>()
        .unwrap_or_default();
    let outline_level = match number(task.text_of("OutlineLevel")) {
        Some(level) => usize::try_from(level).map_err(|_| {
            format!("the task {which} has the outline level {level}, which is not one")
        })?,
        None if uid == 0 => 0,
        None => outline_number.len().max(1),
    };
    let date = |field: &str| -> Result<Option<NaiveDate>, String> {
        let text = task.text_of(field);
        if text.is_empty() {
            return Ok(None);
        }
        let day = text.split('T').next().unwrap_or(text);
        NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                format!("the task {which} has the {field} date '{text}', which is not a date")
            })
    };
    let (start, finish) = (date("Start")?, date("Finish")?);
    if let (Some(start), Some(finish)) = (start, finish) {
        if finish < start {
            return Err(format!(
                "the task {which} finishes ({finish}) before it starts ({start})"
            ));
        }
    }
    let duration = task.text_of("Duration");
    let milestone = task.text_of("Milestone") == "1" || (!duration.is_empty() && is_zero(duration));
    let links = task
        .all("PredecessorLink")
        .map(|link| read_link(link, &which))
        .collect::<Result<_, _>>()?;
    Ok(MsTask {
        uid,
        id: number(task.text_of("ID")),
        outline_level,
        outline_number,
        summary: task.text_of("Summary") == "1",
        start,
        finish,
        milestone,
        percent_complete: task.text_of("PercentComplete").to_owned(),
        status: String::new(),
        notes: task.text_of("Notes").to_owned(),
        constrained: constrained(task, start),
        links,
        name,
    })
}

/// Whether the task has a constraint the plan does not keep. "As soon as possible" (0,
/// MS Project's default, also when absent) is none, and so is "Start no earlier than"
/// the task's own start, which is how a plan's dates are kept in MS Project (Rollplan
/// writes it so).
fn constrained(task: &Element, start: Option<NaiveDate>) -> bool {
    match task.text_of("ConstraintType") {
        "" | "0" => false,
        "4" => {
            let date = task.text_of("ConstraintDate");
            let day = date.split('T').next().unwrap_or(date);
            start.is_none_or(|start| start.to_string() != day)
        }
        _ => true,
    }
}

fn read_link(link: &Element, which: &str) -> Result<MsLink, String> {
    let uid_text = link.text_of("PredecessorUID");
    let predecessor_uid = number(uid_text).ok_or_else(|| {
        format!("the task {which} has a predecessor link without a task UID ('{uid_text}')")
    })?;
    let kind = match link.text_of("Type") {
        "0" => LinkType::FinishToFinish,
        // Finish-to-start is MS Project's default and what a missing type means.
        "1" | "" => LinkType::FinishToStart,
        "2" => LinkType::StartToFinish,
        "3" => LinkType::StartToStart,
        other => {
            return Err(format!(
                "the task {which} has a link of type '{other}' (expected 0 to 3)"
            ))
        }
    };
    let lag = link.text_of("LinkLag");
    let lag = if lag.is_empty() {
        0.0
    } else {
        lag.parse::<f64>()
            .ok()
            .filter(|l| l.is_finite())
            .ok_or_else(|| {
                format!("the task {which} has the link lag '{lag}', which is not a number")
            })?
    };
    // LagFormat says how the lag was typed; LinkLag is tenths of a minute whatever it
    // says. Formats 35 and up are the same units marked as estimates.
    let format = number(link.text_of("LagFormat")).unwrap_or(7);
    let base = if format >= 35 { format - 32 } else { format };
    let percent_lag = matches!(base, 19 | 20);
    let per_day = match base {
        // Elapsed minutes, hours, days, weeks, months: the clock runs day and night.
        4 | 6 | 8 | 10 | 12 => LAG_UNITS_PER_ELAPSED_DAY,
        _ => LAG_UNITS_PER_WORKING_DAY,
    };
    let lag_days = if percent_lag {
        0
    } else {
        // Rounded to the nearest whole day (half a day away from zero): the plan
        // counts in days.
        (lag / per_day).round() as i64
    };
    Ok(MsLink {
        predecessor_uid,
        kind,
        lag_days,
        percent_lag,
    })
}

fn number(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}

/// Whether an ISO 8601 duration ("PT0H0M0S", "P0DT0H0M0S") is no time at all.
fn is_zero(duration: &str) -> bool {
    duration
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|n| !n.is_empty())
        .all(|n| n.parse::<f64>().is_ok_and(|n| n == 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_durations_are_told_from_short_ones() {
        assert!(is_zero("PT0H0M0S"));
        assert!(is_zero("P0DT0H0M0.0S"));
        assert!(!is_zero("PT8H0M0S"));
        assert!(!is_zero("PT0H30M0S"));
    }
}
